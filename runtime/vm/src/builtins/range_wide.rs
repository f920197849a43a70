//! Ranges whose bounds fit 32 bits but not a small int (MicroPython's
//! `mp_int_t` on the 32-bit ports: `range(sys.maxsize, 0, -1)`).
//!
//! The `range` type keeps its bounds as small ints, which the dispatch
//! loop's `for` over a range reads directly; a range beyond them is this
//! native type instead, named `range` too, with the same length, items,
//! slices, attributes, printing and iteration, computed in 64 bits.
//!
//! Layout (words): `type, start, stop, step` as raw `i32`s (the iterator:
//! `type, next value, stop, step`). The collector scans them conservatively,
//! which at worst keeps an object alive a while longer.

use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// `range` beyond small ints.
pub static RANGE_WIDE_TYPE: NativeType = NativeType {
    load_attr: Some(attribute),
    len: Some(|vm, range| usize::try_from(length(bounds(vm, range))).unwrap_or(usize::MAX)),
    subscr_get: Some(item),
    get_iter: Some(iterate),
    print: Some(print),
    ..NativeType::EMPTY
};

/// Its iterator.
pub static RANGE_WIDE_ITERATOR_TYPE: NativeType = NativeType { iter_next: Some(next), ..NativeType::EMPTY };

/// A range of `start, stop, step` (step not zero): the `range` type when
/// the bounds are small ints, else this one.
pub fn make_range(vm: &mut Vm<'_>, start: i64, stop: i64, step: i64) -> R<Obj> {
    if [start, stop, step].iter().all(|&value| Obj::fits_small(value)) {
        return vm.new_range(start as i32, stop as i32, step as i32);
    }
    let (Ok(start), Ok(stop), Ok(step)) = (i32::try_from(start), i32::try_from(stop), i32::try_from(step)) else {
        return Err(vm.raise_msg(TypeId::OverflowError, "overflow converting long int to machine word"));
    };
    new_triple(vm, TypeId::RangeWide, [start, stop, step])
}

fn new_triple(vm: &mut Vm<'_>, type_id: TypeId, words: [i32; 3]) -> R<Obj> {
    let obj = vm.alloc_typed(type_id, 4)?;
    for (index, word) in (1..).zip(words) {
        vm.set_u(obj, index, word as u32);
    }
    Ok(obj)
}

/// `(start, stop, step)` of a wide range (or `(next, stop, step)` of its iterator).
fn bounds(vm: &Vm<'_>, obj: Obj) -> (i64, i64, i64) {
    let word = |index| i64::from(vm.get_u(obj, index) as i32);
    (word(1), word(2), word(3))
}

/// The number of items, as for `range`.
fn length((start, stop, step): (i64, i64, i64)) -> i64 {
    if step > 0 && stop > start {
        (stop - start + step - 1) / step
    } else if step < 0 && stop < start {
        (start - stop - step - 1) / -step
    } else {
        0
    }
}

/// `start`, `stop` and `step`.
fn attribute(vm: &mut Vm<'_>, range: Obj, name: Obj) -> R<Option<Obj>> {
    let (start, stop, step) = bounds(vm, range);
    let value = match name {
        _ if name == q!("start") => start,
        _ if name == q!("stop") => stop,
        _ if name == q!("step") => step,
        _ => return Ok(None),
    };
    vm.new_int(value).map(Some)
}

/// `range[index]` and `range[slice]`.
fn item(vm: &mut Vm<'_>, range: Obj, index: Obj) -> R<Obj> {
    let (start, _, step) = bounds(vm, range);
    let len = length(bounds(vm, range));
    if index.is_ptr() && vm.native_type(index) == TypeId::Slice {
        let (first, last, stride) = vm.slice_indices(index, len)?;
        return make_range(vm, start + first * step, start + last * step, stride * step);
    }
    let position = vm.seq_index(index, u32::try_from(len).unwrap_or(u32::MAX), "range")?;
    vm.new_int(start + i64::from(position) * step)
}

fn iterate(vm: &mut Vm<'_>, range: Obj) -> R<Obj> {
    let (start, stop, step) = bounds(vm, range);
    new_triple(vm, TypeId::RangeWideIterator, [start as i32, stop as i32, step as i32])
}

fn next(vm: &mut Vm<'_>, iterator: Obj) -> R<Option<Obj>> {
    let (current, stop, step) = bounds(vm, iterator);
    if (step > 0 && current >= stop) || (step < 0 && current <= stop) {
        return Ok(None);
    }
    // Past the last item the value may leave 32 bits: it stops at the bound.
    let following = (current + step).clamp(i64::from(i32::MIN), i64::from(i32::MAX));
    vm.set_u(iterator, 1, following as i32 as u32);
    vm.new_int(current).map(Some)
}

/// `range(start, stop)` or `range(start, stop, step)`.
fn print(vm: &mut Vm<'_>, sink: Sink, range: Obj, _depth: u32) -> R<()> {
    let (start, stop, step) = bounds(vm, range);
    if step == 1 {
        vm.emit_fmt(sink, format_args!("range({start}, {stop})"))
    } else {
        vm.emit_fmt(sink, format_args!("range({start}, {stop}, {step})"))
    }
}
