//! Methods of list, dict, set, tuple, int, float and generator objects.

use super::{check_args, keyword, Handler};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static LIST_METHODS: &[(u16, Handler)] = &[
    (qstr_id("append"), list_append),
    (qstr_id("clear"), list_clear),
    (qstr_id("copy"), list_copy),
    (qstr_id("count"), seq_count),
    (qstr_id("extend"), list_extend),
    (qstr_id("index"), seq_index),
    (qstr_id("insert"), list_insert),
    (qstr_id("pop"), list_pop),
    (qstr_id("remove"), list_remove),
    (qstr_id("reverse"), list_reverse),
    (qstr_id("sort"), list_sort),
];

pub static TUPLE_METHODS: &[(u16, Handler)] = &[(qstr_id("count"), seq_count), (qstr_id("index"), seq_index)];

pub static DICT_METHODS: &[(u16, Handler)] = &[
    (qstr_id("clear"), dict_clear),
    (qstr_id("copy"), dict_copy),
    (qstr_id("fromkeys"), dict_fromkeys),
    (qstr_id("get"), dict_get),
    (qstr_id("items"), dict_items),
    (qstr_id("keys"), dict_keys),
    (qstr_id("pop"), dict_pop),
    (qstr_id("popitem"), dict_popitem),
    (qstr_id("setdefault"), dict_setdefault),
    (qstr_id("update"), dict_update),
    (qstr_id("values"), dict_values),
    (qstr_id("__getitem__"), dict_getitem),
    (qstr_id("__setitem__"), dict_setitem),
    (qstr_id("__delitem__"), dict_delitem),
];

pub static SET_METHODS: &[(u16, Handler)] = &[
    (qstr_id("__contains__"), set_contains),
    (qstr_id("add"), set_add),
    (qstr_id("clear"), dict_clear),
    (qstr_id("copy"), set_copy),
    (qstr_id("difference"), set_difference),
    (qstr_id("difference_update"), set_difference_update),
    (qstr_id("discard"), set_discard),
    (qstr_id("intersection"), set_intersection),
    (qstr_id("intersection_update"), set_intersection_update),
    (qstr_id("isdisjoint"), set_isdisjoint),
    (qstr_id("issubset"), set_issubset),
    (qstr_id("issuperset"), set_issuperset),
    (qstr_id("pop"), set_pop),
    (qstr_id("remove"), set_remove),
    (qstr_id("symmetric_difference"), set_symmetric_difference),
    (qstr_id("symmetric_difference_update"), set_symmetric_difference_update),
    (qstr_id("union"), set_union),
    (qstr_id("update"), set_update),
];

pub static INT_METHODS: &[(u16, Handler)] = &[
    (qstr_id("bit_length"), int_bit_length),
    (qstr_id("to_bytes"), int_to_bytes),
    (qstr_id("from_bytes"), int_from_bytes),
];

pub static FLOAT_METHODS: &[(u16, Handler)] = &[(qstr_id("is_integer"), float_is_integer)];

/// `set.__contains__(item)`, as MicroPython's sets have it (micropython-lib's
/// `keyword` module binds `frozenset(kwlist).__contains__`).
fn set_contains(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    Ok(Obj::from_bool(vm.map_find(args[0], args[1])?.is_some()))
}

/// `dict.__getitem__(key)`, as MicroPython's dicts have it (and
/// `__setitem__`, `__delitem__`): the subscript operations as methods.
fn dict_getitem(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.subscr_get(args[0], args[1])
}

fn dict_setitem(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    vm.subscr_set(args[0], args[1], args[2])?;
    Ok(Obj::NONE)
}

fn dict_delitem(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.subscr_delete(args[0], args[1])?;
    Ok(Obj::NONE)
}

fn list_append(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.list_append(args[0], args[1])?;
    Ok(Obj::NONE)
}

fn list_clear(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.set_u(args[0], 1, 0);
    Ok(Obj::NONE)
}

fn list_copy(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.list_from_iterable(args[0])
}

fn list_extend(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.list_extend(args[0], args[1])?;
    Ok(Obj::NONE)
}

fn list_insert(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let len = i64::from(vm.list_len(args[0]));
    let mut index = vm.to_i64(args[1])?;
    if index < 0 {
        index = (index + len).max(0);
    }
    vm.list_insert(args[0], index.min(len) as u32, args[2])?;
    Ok(Obj::NONE)
}

fn list_pop(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let len = vm.list_len(args[0]);
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty list"));
    }
    let index = if args.len() == 2 { vm.seq_index(args[1], len, "list")? } else { len - 1 };
    Ok(vm.list_remove_at(args[0], index))
}

fn list_remove(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    for index in 0..vm.list_len(args[0]) {
        let item = vm.list_item(args[0], index);
        if vm.equal(item, args[1])? {
            vm.list_remove_at(args[0], index);
            return Ok(Obj::NONE);
        }
    }
    Err(vm.raise_msg(TypeId::ValueError, "list.remove(x): x not in list"))
}

fn list_reverse(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let len = vm.list_len(args[0]);
    for index in 0..len / 2 {
        let a = vm.list_item(args[0], index);
        let b = vm.list_item(args[0], len - 1 - index);
        vm.list_set_item(args[0], index, b);
        vm.list_set_item(args[0], len - 1 - index, a);
    }
    Ok(Obj::NONE)
}

fn list_sort(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    super::check_keywords(vm, kw, &["key", "reverse"])?;
    sort_list(vm, args[0], kw)?;
    Ok(Obj::NONE)
}

/// Sorts a list in place (stable insertion-merge sort, honouring `key` and `reverse`).
pub fn sort_list(vm: &mut Vm<'_>, list: Obj, kw: &[Obj]) -> R<()> {
    let key = keyword(vm, kw, "key").filter(|value| !value.is_none());
    let reverse = match keyword(vm, kw, "reverse") {
        Some(value) => vm.truthy(value)?,
        None => false,
    };
    let len = vm.list_len(list);
    let mark = vm.root_mark();
    // Keys, computed once, kept in a parallel list.
    let keys = match key {
        Some(function) => {
            let keys = vm.new_list(len as usize)?;
            vm.push_root(keys)?;
            for index in 0..len {
                let item = vm.list_item(list, index);
                let item_key = vm.call(function, &[item], &[])?;
                vm.list_append(keys, item_key)?;
            }
            keys
        }
        None => list,
    };
    // Binary insertion sort: stable, few comparisons, no scratch memory.
    for index in 1..len {
        let item = vm.list_item(list, index);
        let item_key = vm.list_item(keys, index);
        let (mut low, mut high) = (0, index);
        while low < high {
            let middle = (low + high) / 2;
            let other = vm.list_item(keys, middle);
            let before = if reverse {
                vm.compare(crate::obj::num::OP_LESS, other, item_key)?
            } else {
                vm.compare(crate::obj::num::OP_LESS, item_key, other)?
            };
            if before {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        shift_list_items_up(vm, list, low, index);
        if keys != list {
            shift_list_items_up(vm, keys, low, index);
        }
        vm.list_set_item(list, low, item);
        if keys != list {
            vm.list_set_item(keys, low, item_key);
        }
    }
    vm.pop_roots(mark);
    Ok(())
}

/// Moves items `from..to` of a list one place up in one copy (item `to` is
/// overwritten); a list that a comparison shortened is left alone.
fn shift_list_items_up(vm: &mut Vm<'_>, list: Obj, from: u32, to: u32) {
    let items = vm.get_u(list, 3);
    if from < to && to < vm.list_len(list) {
        vm.heap.copy_within(items + 4 * from, items + 4 * (from + 1), 4 * (to - from) as usize);
    }
}

fn seq_count(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let mut count = 0;
    let len = vm.seq_items(args[0]).map(|items| items.1).unwrap_or(0);
    for index in 0..len {
        let Some(items) = vm.seq_items(args[0]) else { break };
        let item = vm.seq_item_at(items, index);
        if vm.equal(item, args[1])? {
            count += 1;
        }
    }
    Ok(Obj::small(count))
}

fn seq_index(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    let len = vm.seq_items(args[0]).map(|items| items.1).unwrap_or(0);
    let start = if args.len() > 2 { vm.to_i64(args[2])?.clamp(0, i64::from(len)) as u32 } else { 0 };
    let stop = if args.len() > 3 { vm.to_i64(args[3])?.clamp(0, i64::from(len)) as u32 } else { len };
    for index in start..stop {
        let Some(items) = vm.seq_items(args[0]) else { break };
        let item = vm.seq_item_at(items, index);
        if vm.equal(item, args[1])? {
            return Ok(Obj::small(index as i32));
        }
    }
    let what = if vm.native_type(args[0]) == TypeId::List {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    };
    Err(vm.raise_msg(TypeId::ValueError, what))
}

fn dict_clear(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.map_clear(args[0])?;
    Ok(Obj::NONE)
}

fn dict_copy(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.map_copy(args[0], TypeId::Dict)
}

fn dict_fromkeys(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let skip = args.first().is_some_and(|first| vm.is_type(*first) || vm.native_type(*first) == TypeId::Dict);
    let args = if skip { &args[1..] } else { args };
    check_args(vm, args, 1, 2)?;
    let value = args.get(1).copied().unwrap_or(Obj::NONE);
    let dict = vm.new_dict(4)?;
    let mark = vm.root_mark();
    vm.push_root(dict)?;
    let iterator = vm.get_iter(args[0])?;
    vm.push_root(iterator)?;
    while let Some(key) = vm.iter_next(iterator)? {
        vm.map_set(dict, key, value)?;
    }
    vm.pop_roots(mark);
    Ok(dict)
}

fn dict_get(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    Ok(vm.map_get(args[0], args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Obj::NONE)))
}

fn dict_view(vm: &mut Vm<'_>, args: &[Obj], kind: i32) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let view = vm.alloc_typed(TypeId::DictView, 3)?;
    vm.set(view, 1, args[0]);
    vm.set(view, 2, Obj::small(kind));
    Ok(view)
}

fn dict_keys(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    dict_view(vm, args, 0)
}

fn dict_values(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    dict_view(vm, args, 1)
}

fn dict_items(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    dict_view(vm, args, 2)
}

fn dict_pop(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    match vm.map_remove(args[0], args[1])? {
        Some(value) => Ok(value),
        None if args.len() == 3 => Ok(args[2]),
        None => {
            let exc = vm.new_exception(TypeId::KeyError.obj(), &[args[1]])?;
            Err(vm.raise(exc))
        }
    }
}

fn dict_popitem(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let filled = vm.map_filled(args[0]);
    for index in (0..filled).rev() {
        let (key, value) = vm.map_entry(args[0], index);
        if !key.is_null() {
            let pair = vm.new_tuple(&[key, value])?;
            vm.map_remove(args[0], key)?;
            return Ok(pair);
        }
    }
    Err(vm.raise_msg(TypeId::KeyError, "popitem(): dictionary is empty"))
}

fn dict_setdefault(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    if let Some(value) = vm.map_get(args[0], args[1])? {
        return Ok(value);
    }
    let value = args.get(2).copied().unwrap_or(Obj::NONE);
    vm.map_set(args[0], args[1], value)?;
    Ok(value)
}

fn dict_update(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    if args.len() == 2 {
        vm.dict_update(args[0], args[1])?;
    }
    for pair in kw.chunks(2) {
        let key = vm.intern(pair[0])?;
        vm.map_set(args[0], key, pair[1])?;
    }
    Ok(Obj::NONE)
}

fn set_add(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.set_add(args[0], args[1])?;
    Ok(Obj::NONE)
}

fn set_copy(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let type_id = vm.native_type(args[0]);
    vm.map_copy(args[0], type_id)
}

fn set_discard(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.map_remove(args[0], args[1])?;
    Ok(Obj::NONE)
}

fn set_remove(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if vm.map_remove(args[0], args[1])?.is_none() {
        let exc = vm.new_exception(TypeId::KeyError.obj(), &[args[1]])?;
        return Err(vm.raise(exc));
    }
    Ok(Obj::NONE)
}

fn set_pop(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    match vm.map_next(args[0], 0) {
        Some((_, key, _)) => {
            vm.map_remove(args[0], key)?;
            Ok(key)
        }
        None => Err(vm.raise_msg(TypeId::KeyError, "pop from an empty set")),
    }
}

fn as_set(vm: &mut Vm<'_>, value: Obj) -> R<Obj> {
    if matches!(vm.native_type(value), TypeId::Set | TypeId::FrozenSet) {
        return Ok(value);
    }
    super::construct(vm, TypeId::Set, &[value], &[])
}

fn set_operation(vm: &mut Vm<'_>, args: &[Obj], op: u8, inplace: bool) -> R<Obj> {
    let mark = vm.root_mark();
    let mut result = args[0];
    for other in &args[1..] {
        let other_set = as_set(vm, *other)?;
        vm.push_root(other_set)?;
        let op = if inplace { op - 13 } else { op };
        result = vm.binary_op(op, result, other_set)?;
        vm.push_root(result)?;
    }
    vm.pop_roots(mark);
    if args.len() == 1 && !inplace {
        let type_id = vm.native_type(result);
        return vm.map_copy(result, type_id);
    }
    Ok(if inplace { Obj::NONE } else { result })
}

fn set_union(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_OR, false)
}

fn set_update(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_OR, true)
}

fn set_intersection(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_AND, false)
}

fn set_difference(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_SUB, false)
}

fn set_symmetric_difference(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_XOR, false)
}

/// `s.difference_update(*others)`: `s -= other` for each, in place.
fn set_difference_update(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    set_operation(vm, args, crate::obj::num::OP_SUB, true)
}

/// `s.intersection_update(other)`: `s &= other`, in place (one argument,
/// as in MicroPython).
fn set_intersection_update(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    set_operation(vm, args, crate::obj::num::OP_AND, true)
}

/// `s.symmetric_difference_update(other)`: `s ^= other`, in place (one
/// argument, as in MicroPython).
fn set_symmetric_difference_update(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    set_operation(vm, args, crate::obj::num::OP_XOR, true)
}

fn set_issubset(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let other = as_set(vm, args[1])?;
    Ok(Obj::from_bool(vm.set_is_subset(args[0], other)?))
}

fn set_issuperset(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let other = as_set(vm, args[1])?;
    Ok(Obj::from_bool(vm.set_is_subset(other, args[0])?))
}

fn set_isdisjoint(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let mut index = 0;
    while let Some((entry, key, _)) = vm.map_next(args[0], index) {
        if vm.contains(args[1], key)? {
            return Ok(Obj::FALSE);
        }
        index = entry + 1;
    }
    Ok(Obj::TRUE)
}

fn int_bit_length(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let Some(view) = vm.int_view(args[0]) else { return Ok(Obj::small(0)) };
    vm.new_int(vm.view_bit_length(&view) as i64)
}

/// `int.to_bytes(length=1, byteorder="big", signed=False)`. MicroPython
/// 1.27 takes `signed` positionally and writes a negative value in two's
/// complement whatever it says; so does this.
fn int_to_bytes(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    let length = if args.len() > 1 { vm.to_i64(args[1])? } else { 1 };
    if length < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "negative length"));
    }
    let length = length as usize;
    let little = args.len() > 2 && vm.str_bytes(args[2]) == b"little";
    let Some(view) = vm.int_view(args[0]) else { return Err(vm.cannot_convert(args[0], "int")) };
    // MicroPython's limits: a non-negative value needs its bits; a negative
    // small int may be the lowest value of the width, a negative big int
    // must stay above it.
    let bits = vm.view_bit_length(&view) as u64;
    let width = 8 * length as u64;
    let fits = if !view.negative {
        bits <= width
    } else if args[0].is_small() {
        let value = i64::from(args[0].small_value());
        length >= 8 || (length > 0 && value >= -(1i64 << (8 * length - 1)))
    } else {
        bits < width
    };
    if !fits {
        return Err(vm.raise_msg(TypeId::OverflowError, "buffer too small"));
    }
    if length > 1 << 28 {
        return Err(vm.raise_memory_error());
    }
    let buffer = vm.new_buffer(TypeId::Buffer, length)?;
    vm.with_roots(&[args[0], buffer], |vm| {
        let lowest_nonzero = vm.view_lowest_nonzero(&view);
        let mut piece = [0u8; 64];
        let mut position = 0;
        while position < length {
            let count = (length - position).min(piece.len());
            for (offset, byte) in piece[..count].iter_mut().enumerate() {
                let index = if little { position + offset } else { length - 1 - (position + offset) };
                *byte = vm.int_twos_complement_byte(&view, lowest_nonzero, index);
            }
            vm.buffer_push(buffer, &piece[..count])?;
            position += count;
        }
        Ok(())
    })?;
    vm.buffer_finish(buffer, TypeId::Bytes)
}

/// `int.from_bytes(bytes, byteorder="big", signed=False)`: MicroPython 1.27
/// takes `signed` and reads the bytes as unsigned whatever it says; so
/// does this.
fn int_from_bytes(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let args = if args.first().is_some_and(|first| vm.is_type(*first)) { &args[1..] } else { args };
    check_args(vm, args, 1, 3)?;
    let little = args.len() > 1 && vm.str_bytes(args[1]) == b"little";
    vm.int_from_le_bytes(args[0], little, false)
}

fn float_is_integer(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let value = vm.float_value(args[0]);
    Ok(Obj::from_bool(value.is_finite() && value == libm::trunc(value)))
}
