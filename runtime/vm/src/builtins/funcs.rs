//! The builtin functions of a plain script (`print`, `len`, `sorted`, …)
//! and the type constructors (`int(…)`, `list(…)`, `zip(…)`, …).

use super::{check_args, keyword, Handler};
use crate::obj::bigint::Big;
use crate::obj::repr::Style;
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static BUILTINS: &[(u16, Handler)] = &[
    (qstr_id("__import__"), super::dynamic::builtin_import),
    (qstr_id("__repl_print__"), super::exec::repl_print),
    (qstr_id("abs"), abs),
    (qstr_id("all"), all),
    (qstr_id("any"), any),
    (qstr_id("bin"), bin),
    (qstr_id("callable"), callable),
    (qstr_id("chr"), chr),
    (qstr_id("compile"), super::exec::compile),
    (qstr_id("delattr"), delattr),
    (qstr_id("dir"), super::extra::dir),
    (qstr_id("help"), crate::repl::help::help),
    (qstr_id("divmod"), divmod),
    (qstr_id("eval"), super::exec::eval),
    (qstr_id("exec"), super::exec::exec),
    (qstr_id("format"), super::extra::format),
    (qstr_id("getattr"), getattr),
    (qstr_id("globals"), globals),
    (qstr_id("hasattr"), hasattr),
    (qstr_id("hash"), hash),
    (qstr_id("hex"), hex),
    (qstr_id("id"), id),
    (qstr_id("input"), crate::repl::input::input),
    (qstr_id("isinstance"), isinstance),
    (qstr_id("issubclass"), issubclass),
    (qstr_id("iter"), iter),
    (qstr_id("len"), len),
    (qstr_id("locals"), locals),
    (qstr_id("max"), max),
    (qstr_id("min"), min),
    (qstr_id("next"), next),
    (qstr_id("oct"), oct),
    (qstr_id("open"), crate::modules::file::open),
    (qstr_id("ord"), ord),
    (qstr_id("pow"), pow),
    (qstr_id("print"), super::extra::print),
    (qstr_id("repr"), repr),
    (qstr_id("round"), round),
    (qstr_id("setattr"), setattr),
    (qstr_id("sorted"), sorted),
    (qstr_id("sum"), sum),
    (qstr_id("super"), super_builtin),
];

pub static HIDDEN: &[(u16, Handler)] = &[
    (qstr_id("__build_class__"), build_class),
    (qstr_id("__init__"), object_init),
    (qstr_id("__init__"), exception_init),
    (qstr_id("indices"), super::extra::slice_indices),
];

fn super_builtin(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.new_super(args)
}

fn build_class(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    // A `builtins.__build_class__` the program stored makes the class instead.
    if let Some(custom) = vm.builtin_override(q!("__build_class__")) {
        if custom != super::build_class_obj() {
            return vm.call(custom, args, kw);
        }
    }
    vm.build_class(args)
}

fn exception_init(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    if let Some((&exc, rest)) = args.split_first() {
        if vm.is_exception(exc) && vm.is_heap(exc) {
            let tuple = vm.new_tuple(rest)?;
            vm.set(exc, 1, tuple);
        }
    }
    Ok(Obj::NONE)
}

fn object_init(_vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::NONE)
}

fn len(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let length = vm.len_of(args[0])?;
    vm.new_int(length as i64)
}

fn repr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.to_text(args[0], Style::Repr)
}

fn abs(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let value = args[0];
    if vm.is_float(value) {
        let number = vm.float_value(value);
        return vm.new_float(number.abs());
    }
    if vm.is_complex(value) {
        return vm.complex_abs(value);
    }
    if vm.is_int(value) {
        return vm.int_abs(value);
    }
    match vm.call_special_unary(value, q!("__abs__"))? {
        Some(result) => Ok(result),
        None => Err(vm.type_error_for("bad operand type for abs():", value)),
    }
}

fn all(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    any_all(vm, args, false)
}

fn any(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    any_all(vm, args, true)
}

fn any_all(vm: &mut Vm<'_>, args: &[Obj], want: bool) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let mut walk = vm.walk(args[0])?;
    vm.with_roots(&[walk.root()], |vm| {
        while let Some(item) = vm.walk_next(&mut walk)? {
            if vm.truthy(item)? == want {
                return Ok(Obj::from_bool(want));
            }
        }
        Ok(Obj::from_bool(!want))
    })
}

fn radix_text(vm: &mut Vm<'_>, value: Obj, radix: u32, prefix: &[u8]) -> R<Obj> {
    let Some(view) = vm.int_view(value) else {
        return Err(vm.cannot_convert(value, "int"));
    };
    let buffer = vm.new_buffer(TypeId::Buffer, 16)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    if view.negative {
        vm.buffer_push(buffer, b"-")?;
    }
    vm.buffer_push(buffer, prefix)?;
    vm.with_int_text(value, radix, |vm, piece| vm.buffer_push(buffer, piece))?;
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Str)
}

fn bin(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    radix_text(vm, args[0], 2, b"0b")
}

fn oct(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    radix_text(vm, args[0], 8, b"0o")
}

fn hex(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    radix_text(vm, args[0], 16, b"0x")
}

fn callable(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let result = vm.is_callable(args[0])?;
    Ok(Obj::from_bool(result))
}

impl Vm<'_> {
    /// `callable(value)`: a function, a bound method, a type, or an object
    /// whose class has `__call__`.
    pub fn is_callable(&mut self, value: Obj) -> R<bool> {
        Ok(matches!(self.native_type(value), TypeId::Function | TypeId::BuiltinFunction | TypeId::BoundMethod)
            || self.is_type(value)
            || self.lookup_special(value, q!("__call__"))?.is_some())
    }
}

fn chr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let code = vm.to_i64(args[0])?;
    let Some(character) = u32::try_from(code).ok().and_then(char::from_u32) else {
        return Err(vm.raise_msg(TypeId::ValueError, "chr() arg not in range(0x110000)"));
    };
    let mut text = [0u8; 4];
    let encoded = character.encode_utf8(&mut text);
    if character.is_ascii() {
        // As MicroPython's: an ASCII character is the interned qstr (at most
        // 128 of them), so `chr(i) is chr(i)` and comparing is one word.
        let static_id = super::text::ASCII_STATIC_QSTRS[code as usize];
        if static_id != 0 {
            return Ok(Obj::qstr(u32::from(static_id)));
        }
        return vm.ascii_char_str(code as u8);
    }
    vm.new_str(encoded.as_bytes())
}

fn ord(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let value = args[0];
    if vm.is_bytes_like(value) {
        let bytes = vm.str_bytes(value);
        if bytes.len() == 1 {
            return Ok(Obj::small(i32::from(bytes[0])));
        }
    } else if vm.is_str(value) {
        let text = core::str::from_utf8(vm.str_bytes(value)).unwrap_or("");
        let mut characters = text.chars();
        if let (Some(character), None) = (characters.next(), characters.next()) {
            return Ok(Obj::small(character as i32));
        }
        let count = text.chars().count();
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("ord() expected a character, but string of length {count} found"),
        ));
    }
    Err(vm.type_error_for("ord() expected a character, but found", value))
}

fn name_arg(vm: &mut Vm<'_>, name: Obj) -> R<Obj> {
    if !vm.is_str(name) {
        return Err(vm.raise_msg(TypeId::TypeError, "attribute name must be string"));
    }
    vm.intern(name)
}

fn getattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let name = name_arg(vm, args[1])?;
    match vm.load_attr(args[0], name) {
        Ok(value) => Ok(value),
        Err(raised) => {
            if args.len() == 3 && vm.exception_matches(vm.exc, TypeId::AttributeError.obj()) {
                vm.exc = Obj::NULL;
                return Ok(args[2]);
            }
            Err(raised)
        }
    }
}

fn hasattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    match vm.load_attr(args[0], name) {
        Ok(_) => Ok(Obj::TRUE),
        Err(raised) => {
            if vm.exception_matches(vm.exc, TypeId::AttributeError.obj()) {
                vm.exc = Obj::NULL;
                return Ok(Obj::FALSE);
            }
            Err(raised)
        }
    }
}

fn setattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let name = name_arg(vm, args[1])?;
    vm.store_attr(args[0], name, args[2])?;
    Ok(Obj::NONE)
}

fn delattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    vm.delete_attr(args[0], name)?;
    Ok(Obj::NONE)
}

fn divmod(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let quotient = vm.binary_op(crate::obj::num::OP_FLOOR_DIV, args[0], args[1])?;
    let mark = vm.root_mark();
    vm.push_root(quotient)?;
    let remainder = vm.binary_op(crate::obj::num::OP_MOD, args[0], args[1])?;
    vm.push_root(remainder)?;
    let pair = vm.new_tuple(&[quotient, remainder])?;
    vm.pop_roots(mark);
    Ok(pair)
}

fn globals(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    globals_dict(vm)
}

/// The globals dict of the running module.
pub(crate) fn globals_dict(vm: &mut Vm<'_>) -> R<Obj> {
    let frame = vm.frame;
    if frame.is_null() {
        return vm.new_dict(0);
    }
    let function = vm.get(frame, crate::interp::frame::F_FUNCTION);
    let module = vm.function_module(function);
    Ok(vm.get(module, 1))
}

fn locals(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let frame = vm.frame;
    if frame.is_null() {
        return vm.new_dict(0);
    }
    // In a class body this is the class's future dict, open to any change.
    vm.classes_may_intercept_stores = true;
    Ok(vm.get(frame, crate::interp::frame::F_LOCALS))
}

fn hash(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if let Some(result) = vm.call_special_unary(args[0], q!("__hash__"))? {
        // What a class's `__hash__` gave, a bool as an int; nothing else.
        return match result {
            Obj::TRUE => Ok(Obj::small(1)),
            Obj::FALSE => Ok(Obj::small(0)),
            _ if vm.is_int(result) => Ok(result),
            _ => Err(vm.raise_msg(TypeId::TypeError, "__hash__ method should return an integer")),
        };
    }
    let value = vm.hash(args[0])?;
    if args[0].is_small() {
        return Ok(args[0]);
    }
    // A float with an integral value hashes to that int, as MicroPython's.
    if vm.is_float(args[0]) {
        let number = vm.float_value(args[0]);
        if number == libm::trunc(number) && Obj::fits_small(number as i64) {
            return Ok(Obj::small(number as i32));
        }
    }
    Ok(Obj::small((value & 0x3fff_ffff) as i32))
}

fn id(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.new_int(i64::from(args[0].0))
}

fn isinstance(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let own = vm.type_of(args[0]);
    subclass_check(vm, own, args[1])
}

fn issubclass(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if !vm.is_type(args[0]) {
        return Err(vm.raise_msg(TypeId::TypeError, "issubclass() arg 1 must be a class"));
    }
    subclass_check(vm, args[0], args[1])
}

fn subclass_check(vm: &mut Vm<'_>, own: Obj, target: Obj) -> R<Obj> {
    if !vm.is_type(target) && vm.native_type(target) == TypeId::Tuple {
        for index in 0..vm.tuple_len(target) {
            let each = vm.tuple_item(target, index);
            if vm.is_subclass(own, each) {
                return Ok(Obj::TRUE);
            }
        }
        return Ok(Obj::FALSE);
    }
    if !vm.is_type(target) {
        return Err(vm.raise_msg(TypeId::TypeError, "isinstance() arg 2 must be a type or tuple of types"));
    }
    Ok(Obj::from_bool(vm.is_subclass(own, target)))
}

fn iter(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.get_iter(args[0])
}

/// `next(iterator[, default])`. A `StopIteration` raised by a `__next__`
/// method on the way (the iterator's own, or one that `enumerate`, `map`
/// or `zip` called) is raised again as it was, as MicroPython does.
fn next(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    vm.next_stop_iteration = Obj::NULL;
    let item = vm.iter_next(args[0]);
    let stop = core::mem::replace(&mut vm.next_stop_iteration, Obj::NULL);
    match item? {
        Some(item) => Ok(item),
        None if args.len() == 2 => Ok(args[1]),
        None if !stop.is_null() => Err(vm.raise(stop)),
        None => Err(vm.raise_stop_iteration(args[0])),
    }
}

fn min(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    extreme(vm, args, kw, crate::obj::num::OP_LESS)
}

fn max(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    extreme(vm, args, kw, crate::obj::num::OP_MORE)
}

fn extreme(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj], op: u8) -> R<Obj> {
    let key = keyword(vm, kw, "key").filter(|value| !value.is_none());
    let default = keyword(vm, kw, "default");
    let mark = vm.root_mark();
    // `max(a, b)` walks its arguments in place: no tuple, no garbage.
    let spread = args.len() != 1;
    let mut walk = if spread { crate::obj::walk::Walk::Iterator(Obj::NULL) } else { vm.walk(args[0])? };
    vm.push_root(walk.root())?;
    let mut best = Obj::NULL;
    let mut best_key = Obj::NULL;
    let best_slot = vm.root_mark();
    vm.push_root(Obj::NULL)?;
    vm.push_root(Obj::NULL)?;
    let mut position = 0;
    loop {
        let item = if spread {
            let Some(&item) = args.get(position) else { break };
            position += 1;
            item
        } else {
            match vm.walk_next(&mut walk)? {
                Some(item) => item,
                None => break,
            }
        };
        vm.push_root(item)?;
        let item_key = match key {
            Some(function) => vm.call(function, &[item], &[])?,
            None => item,
        };
        if best.is_null() || vm.compare(op, item_key, best_key)? {
            best = item;
            best_key = item_key;
            vm.set_root(best_slot, best);
            vm.set_root(best_slot + 1, best_key);
        }
        vm.pop_roots(best_slot + 2);
    }
    vm.pop_roots(mark);
    if best.is_null() {
        return match default {
            Some(value) => Ok(value),
            None => {
                let name = if op == crate::obj::num::OP_LESS { "min" } else { "max" };
                Err(vm.raise_fmt(TypeId::ValueError, format_args!("{name}() arg is an empty sequence")))
            }
        };
    }
    Ok(best)
}

fn pow(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    if args.len() == 3 {
        let (Some(_), Some(exponent), Some(modulus)) =
            (vm.int_view(args[0]), vm.int_view(args[1]), vm.int_view(args[2]))
        else {
            return Err(
                vm.raise_msg(TypeId::TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        if modulus.is_zero() {
            return Err(vm.raise_msg(TypeId::ValueError, "pow() 3rd argument cannot be 0"));
        }
        if exponent.negative {
            return Err(vm.raise_msg(TypeId::ValueError, "negative power with modulus"));
        }
        return vm.int_pow_mod(args[0], args[1], args[2]);
    }
    vm.binary_op(crate::obj::num::OP_POW, args[0], args[1])
}

fn round(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let value = args[0];
    let digits = if args.len() == 2 && !args[1].is_none() { Some(vm.to_i64(args[1])?) } else { None };
    if vm.is_int(value) {
        let Some(digits) = digits else { return vm.unary_op(rime_bytecode::opcode::unary::POSITIVE, value) };
        if digits >= 0 {
            return vm.unary_op(rime_bytecode::opcode::unary::POSITIVE, value);
        }
        // Round half to even: `value = quotient * scale + rest`, and the
        // quotient goes up when twice the rest passes the scale (or equals
        // it and the quotient is odd).
        use crate::obj::num::{OP_ADD, OP_FLOOR_DIV, OP_MOD, OP_MUL, OP_POW, OP_SUB};
        let scale = vm.binary_op(OP_POW, Obj::small(10), Obj::small((-digits).min(1000) as i32))?;
        let mark = vm.root_mark();
        vm.push_root(scale)?;
        let mut quotient = vm.binary_op(OP_FLOOR_DIV, value, scale)?;
        vm.push_root(quotient)?;
        let rest = vm.binary_op(OP_MOD, value, scale)?;
        vm.push_root(rest)?;
        let twice = vm.binary_op(OP_ADD, rest, rest)?;
        vm.push_root(twice)?;
        let beyond = vm.binary_op(OP_SUB, twice, scale)?;
        let ordering = match vm.int_view(beyond) {
            Some(view) if view.is_zero() => 0,
            Some(view) if view.negative => -1,
            _ => 1,
        };
        let odd = vm.binary_op(OP_MOD, quotient, Obj::small(2))? == Obj::small(1);
        if ordering > 0 || (ordering == 0 && odd) {
            quotient = vm.binary_op(OP_ADD, quotient, Obj::small(1))?;
        }
        vm.push_root(quotient)?;
        let result = vm.binary_op(OP_MUL, quotient, scale)?;
        vm.pop_roots(mark);
        return Ok(result);
    }
    let Some(number) = vm.to_f64(value) else {
        return Err(vm.type_error_for("type doesn't define __round__:", value));
    };
    match digits {
        None => {
            if !number.is_finite() {
                return Err(vm.raise_msg(
                    if number.is_nan() { TypeId::ValueError } else { TypeId::OverflowError },
                    "cannot convert float to integer",
                ));
            }
            let rounded = libm::rint(number);
            match Big::from_f64(rounded) {
                Some(big) => vm.new_big(&big),
                None => Err(vm.raise_msg(TypeId::OverflowError, "cannot convert float to integer")),
            }
        }
        Some(digits) => {
            let result = if digits >= 0 {
                // Round through the exact decimal expansion, as CPython does.
                let mut text = crate::obj::repr::FixedText::<400>::new();
                let _ = core::fmt::write(&mut text, format_args!("{:.*}", digits.min(300) as usize, number));
                core::str::from_utf8(text.as_bytes()).ok().and_then(|value| value.parse::<f64>().ok()).unwrap_or(number)
            } else {
                let scale = libm::pow(10.0, (-digits) as f64);
                libm::rint(number / scale) * scale
            };
            vm.new_float(if result.is_finite() { result } else { number })
        }
    }
}

fn sorted(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let list = vm.list_from_iterable(args[0])?;
    let mark = vm.root_mark();
    vm.push_root(list)?;
    super::methods::sort_list(vm, list, kw)?;
    vm.pop_roots(mark);
    Ok(list)
}

fn sum(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let start = if args.len() == 2 { args[1] } else { Obj::small(0) };
    let mut walk = vm.walk(args[0])?;
    vm.with_roots(&[walk.root(), start], |vm| {
        // The running total is the root just pushed; each item is rooted
        // while it is added.
        let slot = vm.root_mark() - 1;
        let mut total = start;
        while let Some(item) = vm.walk_next(&mut walk)? {
            total = vm.with_roots(&[item], |vm| vm.binary_op(crate::obj::num::OP_ADD, total, item))?;
            vm.set_root(slot, total);
        }
        Ok(total)
    })
}

/// The type constructors.
pub fn construct(vm: &mut Vm<'_>, type_id: TypeId, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let first = args.first().copied();
    match type_id {
        TypeId::Type => match args.len() {
            1 => Ok(vm.type_of(args[0])),
            3 => super::dynamic::new_type(vm, args),
            _ => Err(vm.raise_msg(TypeId::TypeError, "type() takes 1 or 3 arguments")),
        },
        TypeId::Complex => vm.construct_complex(args),
        TypeId::Object => {
            let instance = vm.alloc_typed(TypeId::Object, 1)?;
            Ok(instance)
        }
        TypeId::Bool => match first {
            Some(value) => Ok(Obj::from_bool(vm.truthy(value)?)),
            None => Ok(Obj::FALSE),
        },
        TypeId::Int => {
            check_args(vm, args, 0, 2)?;
            let Some(mut value) = first else { return Ok(Obj::small(0)) };
            let base_arg = args.get(1).copied().or_else(|| keyword(vm, kw, "base"));
            if matches!(vm.native_type(value), TypeId::MemoryView | TypeId::ByteArray) {
                // `int(memoryview(b"12"))` parses the bytes, as MicroPython
                // does; with a base, only a str or bytes will do there.
                if base_arg.is_some() {
                    return Err(vm.type_error_for_implicit_str(value));
                }
                value = construct(vm, TypeId::Bytes, &[value], &[])?;
                // Rooted while it is parsed (a big int allocates).
                vm.push_root(value)?;
            }
            if vm.is_str(value) || vm.is_bytes_like(value) {
                let base = match base_arg {
                    Some(base) => vm.to_i64(base)? as u32,
                    None => 10,
                };
                return super::strings::parse_int(vm, value, base);
            }
            if vm.is_int(value) {
                return vm.unary_op(rime_bytecode::opcode::unary::POSITIVE, value);
            }
            if vm.is_float(value) {
                let number = vm.float_value(value);
                if number.is_nan() {
                    return Err(vm.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
                }
                return match Big::from_f64(number) {
                    Some(big) => vm.new_big(&big),
                    None => Err(vm.raise_msg(TypeId::OverflowError, "cannot convert float infinity to integer")),
                };
            }
            if let Some(result) = vm.call_special_unary(value, q!("__int__"))? {
                // `__int__` must give an int.
                if vm.is_int(result) {
                    return Ok(result);
                }
                return Err(vm.cannot_convert(result, "int"));
            }
            Err(vm.cannot_convert(value, "int"))
        }
        TypeId::Float => {
            let Some(value) = first else { return vm.new_float(0.0) };
            if vm.is_float(value) {
                return Ok(value);
            }
            if let Some(number) = vm.to_f64(value) {
                // An int beyond the float range becomes inf, as in MicroPython.
                return vm.new_float(number);
            }
            // A str, or bytes through the buffer protocol, is parsed.
            if vm.is_str(value) || matches!(vm.native_type(value), TypeId::Bytes | TypeId::ByteArray) {
                return super::strings::parse_float(vm, value);
            }
            let number = vm.float_of(value)?;
            vm.new_float(number)
        }
        TypeId::Str => match first {
            None => Ok(Obj::qstr(1)),
            Some(value) => {
                check_args(vm, args, 1, 3)?;
                if args.len() > 1 || !kw.is_empty() {
                    // str(bytes, encoding): decode as UTF-8.
                    let bytes_len = vm.str_len(value);
                    return vm.str_slice(TypeId::Str, value, 0, bytes_len);
                }
                vm.to_text(value, Style::Str)
            }
        },
        TypeId::Bytes | TypeId::ByteArray => super::strings::construct_bytes(vm, type_id, args),
        TypeId::Tuple => {
            let Some(value) = first else { return Ok(Singleton::EmptyTuple.obj()) };
            if vm.type_of(value) == TypeId::Tuple.obj() {
                return Ok(value);
            }
            let list = vm.list_from_iterable(value)?;
            let count = vm.list_len(list);
            let mark = vm.root_mark();
            vm.push_root(list)?;
            let tuple = vm.alloc_tuple(count as usize)?;
            for index in 0..count {
                let item = vm.list_item(list, index);
                vm.set(tuple, 2 + index, item);
            }
            vm.pop_roots(mark);
            Ok(tuple)
        }
        TypeId::List => match first {
            None => vm.new_list(0),
            Some(value) => vm.list_from_iterable(value),
        },
        TypeId::Dict => {
            let dict = vm.new_dict(4)?;
            let mark = vm.root_mark();
            vm.push_root(dict)?;
            if let Some(value) = first {
                vm.dict_update(dict, value)?;
            }
            for pair in kw.chunks(2) {
                let key = vm.intern(pair[0])?;
                vm.map_set(dict, key, pair[1])?;
            }
            vm.pop_roots(mark);
            Ok(dict)
        }
        TypeId::Set | TypeId::FrozenSet => {
            let set = vm.new_map(type_id, 4)?;
            let mark = vm.root_mark();
            vm.push_root(set)?;
            if let Some(value) = first {
                let iterator = vm.get_iter(value)?;
                vm.push_root(iterator)?;
                vm.drain_into(set, iterator)?;
            }
            vm.pop_roots(mark);
            Ok(set)
        }
        TypeId::Range => {
            super::no_keywords(vm, kw)?;
            check_args(vm, args, 1, 3)?;
            let mut numbers = [0i64, 0, 1];
            for (index, arg) in args.iter().enumerate() {
                numbers[index] = vm.to_i64(*arg)?;
            }
            let (start, stop, step) =
                if args.len() == 1 { (0, numbers[0], 1) } else { (numbers[0], numbers[1], numbers[2]) };
            if step == 0 {
                return Err(vm.raise_msg(TypeId::ValueError, "range() arg 3 must not be zero"));
            }
            // Bounds are 32-bit ints, as on MicroPython's 32-bit ports.
            super::range_wide::make_range(vm, start, stop, step)
        }
        TypeId::Slice => {
            check_args(vm, args, 1, 3)?;
            match args.len() {
                1 => vm.new_slice(Obj::NONE, args[0], Obj::NONE),
                2 => vm.new_slice(args[0], args[1], Obj::NONE),
                _ => vm.new_slice(args[0], args[1], args[2]),
            }
        }
        TypeId::Enumerate => {
            // `enumerate(iterable, start=0)`, both also by keyword.
            let Some(iterable) = args.first().copied().or_else(|| keyword(vm, kw, "iterable")) else {
                return Err(vm.raise_msg(TypeId::TypeError, "function missing required positional argument #1"));
            };
            check_args(vm, args, 0, 2)?;
            let start = args.get(1).copied().or_else(|| keyword(vm, kw, "start")).unwrap_or(Obj::small(0));
            let iterator = vm.get_iter(iterable)?;
            let mark = vm.root_mark();
            vm.push_root(iterator)?;
            let made = vm.alloc_typed(TypeId::Enumerate, 3)?;
            vm.pop_roots(mark);
            vm.set(made, 1, iterator);
            vm.set(made, 2, start);
            Ok(made)
        }
        TypeId::Zip | TypeId::Map => {
            let skip = usize::from(type_id == TypeId::Map);
            if args.len() < skip {
                return Err(vm.raise_msg(TypeId::TypeError, "map() must have at least two arguments"));
            }
            let mark = vm.root_mark();
            let iterators = vm.alloc_tuple(args.len() - skip)?;
            vm.push_root(iterators)?;
            for (index, arg) in args[skip..].iter().enumerate() {
                let iterator = vm.get_iter(*arg)?;
                vm.set(iterators, 2 + index as u32, iterator);
            }
            let made = vm.alloc_typed(type_id, 3)?;
            vm.pop_roots(mark);
            if type_id == TypeId::Map {
                vm.set(made, 1, args[0]);
                vm.set(made, 2, iterators);
            } else {
                vm.set(made, 1, iterators);
            }
            Ok(made)
        }
        TypeId::Filter => {
            check_args(vm, args, 2, 2)?;
            let iterator = vm.get_iter(args[1])?;
            let mark = vm.root_mark();
            vm.push_root(iterator)?;
            let made = vm.alloc_typed(TypeId::Filter, 3)?;
            vm.pop_roots(mark);
            vm.set(made, 1, args[0]);
            vm.set(made, 2, iterator);
            Ok(made)
        }
        TypeId::Reversed => {
            check_args(vm, args, 1, 1)?;
            let value = args[0];
            if let Some(result) = vm.call_special_unary(value, q!("__reversed__"))? {
                return Ok(result);
            }
            let sequence = match vm.native_type(value) {
                TypeId::List | TypeId::Tuple | TypeId::Str | TypeId::Range | TypeId::Bytes | TypeId::ByteArray => value,
                TypeId::Dict | TypeId::DictView => vm.list_from_iterable(value)?,
                _ if vm.lookup_special(value, q!("__getitem__"))?.is_some() => value,
                _ => return Err(vm.type_error_for("object is not reversible:", value)),
            };
            let length = vm.len_of(sequence)?;
            let mark = vm.root_mark();
            vm.push_root(sequence)?;
            let made = vm.alloc_typed(TypeId::Reversed, 3)?;
            vm.pop_roots(mark);
            vm.set(made, 1, sequence);
            vm.set(made, 2, Obj::small(length as i32));
            Ok(made)
        }
        TypeId::Property | TypeId::StaticMethod | TypeId::ClassMethod => {
            // `property(fget=None, fset=None, fdel=None, doc=None)`, each also
            // by keyword; the wrappers take their function.
            if type_id == TypeId::Property {
                check_args(vm, args, 0, 4)?;
                super::check_keywords(vm, kw, &["fget", "fset", "fdel", "doc"])?;
            } else {
                check_args(vm, args, 1, 1)?;
            }
            let made = vm.alloc_typed(type_id, 4)?;
            for (index, name) in ["fget", "fset", "fdel"].into_iter().enumerate() {
                let value = args.get(index).copied().or_else(|| keyword(vm, kw, name)).unwrap_or(Obj::NONE);
                vm.set(made, 1 + index as u32, value);
            }
            Ok(made)
        }
        _ => {
            let name = vm.type_name_of_type(type_id.obj());
            let text = vm.qstr_str_copy(Obj::qstr(name));
            Err(vm.raise_fmt(TypeId::TypeError, format_args!("cannot create '{}' instances", text.as_str())))
        }
    }
}
