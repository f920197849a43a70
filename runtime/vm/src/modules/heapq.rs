//! The `heapq` module: `heappush`, `heappop` and `heapify` on a plain list,
//! which stays a binary min-heap (`heap[k] <= heap[2k+1]` and `heap[2k+2]`).
//! Items are compared with `<` only, so tuples, strs and classes with
//! `__lt__` work; the sifting order is the classic one CPython and
//! MicroPython share, so equal items come out in the same order.

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::num::OP_LESS;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("heapq", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[("heapify", heapify), ("heappop", heappop), ("heappush", heappush)];

/// The list argument, or a TypeError.
fn heap_list(vm: &mut Vm<'_>, heap: Obj) -> R<Obj> {
    if vm.native_type(heap) != TypeId::List {
        return Err(vm.raise_msg(TypeId::TypeError, "heap must be a list"));
    }
    Ok(heap)
}

fn heappush(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let heap = heap_list(vm, args[0])?;
    vm.list_append(heap, args[1])?;
    let last = vm.list_len(heap) - 1;
    sift_toward_root(vm, heap, 0, last)?;
    Ok(Obj::NONE)
}

fn heappop(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let heap = heap_list(vm, args[0])?;
    let len = vm.list_len(heap);
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "empty heap"));
    }
    let smallest = vm.list_item(heap, 0);
    let last = vm.list_remove_at(heap, len - 1);
    if len == 1 {
        return Ok(last);
    }
    let mark = vm.root_mark();
    vm.push_root(smallest)?;
    vm.list_set_item(heap, 0, last);
    let result = sift_toward_leaves(vm, heap, 0);
    vm.pop_roots(mark);
    result.map(|()| smallest)
}

fn heapify(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let heap = heap_list(vm, args[0])?;
    let len = vm.list_len(heap);
    for position in (0..len / 2).rev() {
        sift_toward_leaves(vm, heap, position)?;
    }
    Ok(Obj::NONE)
}

/// Moves the item at `position` up while it is smaller than its parent,
/// never above `start`.
fn sift_toward_root(vm: &mut Vm<'_>, heap: Obj, start: u32, mut position: u32) -> R<()> {
    if position >= vm.list_len(heap) {
        return Ok(());
    }
    let item = vm.list_item(heap, position);
    let mark = vm.root_mark();
    vm.push_root(item)?;
    while position > start {
        let parent_position = (position - 1) / 2;
        let parent = vm.list_item(heap, parent_position);
        if !vm.compare(OP_LESS, item, parent)? {
            break;
        }
        // A comparison may have run Python code that shrank the list.
        if position >= vm.list_len(heap) {
            break;
        }
        vm.list_set_item(heap, position, parent);
        position = parent_position;
    }
    if position < vm.list_len(heap) {
        vm.list_set_item(heap, position, item);
    }
    vm.pop_roots(mark);
    Ok(())
}

/// Moves the item at `position` down to a leaf along the smaller children,
/// then back up to where it belongs (fewer comparisons than stopping early).
fn sift_toward_leaves(vm: &mut Vm<'_>, heap: Obj, start: u32) -> R<()> {
    let item = vm.list_item(heap, start);
    let mark = vm.root_mark();
    vm.push_root(item)?;
    let mut position = start;
    let mut child = 2 * position + 1;
    // The length is read again each step: a comparison may run Python code.
    while child < vm.list_len(heap) {
        let right = child + 1;
        if right < vm.list_len(heap) {
            let (left_item, right_item) = (vm.list_item(heap, child), vm.list_item(heap, right));
            if !vm.compare(OP_LESS, left_item, right_item)? {
                child = right;
            }
        }
        if child >= vm.list_len(heap) {
            break;
        }
        let moved = vm.list_item(heap, child);
        vm.list_set_item(heap, position, moved);
        position = child;
        child = 2 * position + 1;
    }
    if position < vm.list_len(heap) {
        vm.list_set_item(heap, position, item);
    }
    vm.pop_roots(mark);
    sift_toward_root(vm, heap, start, position)
}
