//! The builtin functions and methods: static function objects in tables,
//! their lookup by name and type, calling them, and the type constructors.
//!
//! A builtin function is the static object `(table, entry)`; its handler
//! gets the positional arguments (for methods, `self` first) and the keyword
//! arguments as flat `name, value` pairs.

mod dynamic;
mod exec;
mod extra;
pub mod format;
mod funcs;
mod methods;
mod percent;
pub(crate) mod range_wide;
pub(crate) mod strings;
mod text;

pub(crate) use extra::{file_sink, finish_file_sink};
pub(crate) use methods::sort_list;
pub use percent::percent_format;
pub use strings::{parse_float, parse_int};

use crate::obj::{builtin_fn, builtin_fn_parts, Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// A builtin's implementation.
pub type Handler = fn(&mut Vm<'_>, &[Obj], &[Obj]) -> R<Obj>;

/// The types' method tables, indexed by table number (below
/// `MODULE_TABLE_BASE`; the native modules' function tables come after, see
/// `crate::native`).
pub const TABLE_BUILTINS: u32 = 0;
pub const TABLE_STR: u32 = 1;
pub const TABLE_LIST: u32 = 2;
pub const TABLE_DICT: u32 = 3;
pub const TABLE_SET: u32 = 4;
pub const TABLE_TUPLE: u32 = 5;
pub const TABLE_INT: u32 = 6;
pub const TABLE_BYTES: u32 = 7;
pub const TABLE_HIDDEN: u32 = 11;
pub const TABLE_FLOAT: u32 = 12;
pub const TABLE_GENERATOR: u32 = 13;
pub const TABLE_PROPERTY: u32 = 16;
pub const TABLE_OBJECT: u32 = 17;

/// The method table of a builtin type.
fn type_table(number: u32) -> &'static [(u16, Handler)] {
    if let Some(native) = crate::native::type_of_method_table(number) {
        return native.methods;
    }
    match number {
        TABLE_BUILTINS => funcs::BUILTINS,
        TABLE_STR => strings::STR_METHODS,
        TABLE_LIST => methods::LIST_METHODS,
        TABLE_DICT => methods::DICT_METHODS,
        TABLE_SET => methods::SET_METHODS,
        TABLE_TUPLE => methods::TUPLE_METHODS,
        TABLE_INT => methods::INT_METHODS,
        TABLE_BYTES => strings::BYTES_METHODS,
        TABLE_HIDDEN => funcs::HIDDEN,
        TABLE_FLOAT => methods::FLOAT_METHODS,
        TABLE_GENERATOR => crate::interp::generator::GENERATOR_METHODS,
        TABLE_PROPERTY => crate::interp::class::PROPERTY_METHODS,
        TABLE_OBJECT => crate::interp::class::OBJECT_METHODS,
        _ => &[],
    }
}

/// Looks `name` up in the method table `number` of a builtin type.
pub fn lookup_in_table(number: u32, name: u32) -> Option<Obj> {
    type_table(number).iter().position(|(id, _)| u32::from(*id) == name).map(|entry| builtin_fn(number, entry as u32))
}

/// The builtin (function, type or constant) called `name`.
pub fn lookup_builtin(name: u32) -> Option<Obj> {
    if let Some(function) = lookup_in_table(TABLE_BUILTINS, name) {
        return Some(function);
    }
    if name == u32::from(const { qstr_id("NotImplemented") }) {
        return Some(crate::obj::Singleton::NotImplemented.obj());
    }
    if name == u32::from(const { qstr_id("Ellipsis") }) {
        return Some(Obj::ELLIPSIS);
    }
    if name == u32::from(const { qstr_id("__name__") }) {
        // The builtins module's name, which code run by `exec` in a fresh
        // dict (a class body's `__module__ = __name__`) finds, as in MicroPython.
        return Some(Obj::qstr(u32::from(const { qstr_id("builtins") })));
    }
    if name == u32::from(const { qstr_id("__build_class__") }) {
        return Some(build_class_obj());
    }
    TypeId::ALL
        .iter()
        .find(|type_id| u32::from(type_id.name()) == name && is_public(**type_id))
        .map(|type_id| type_id.obj())
}

fn is_public(type_id: TypeId) -> bool {
    !matches!(
        type_id,
        TypeId::NoneType
            | TypeId::Function
            | TypeId::BuiltinFunction
            | TypeId::BoundMethod
            | TypeId::Module
            | TypeId::Cell
            | TypeId::Ellipsis
            | TypeId::NotImplementedType
            | TypeId::Generator
            | TypeId::SeqIterator
            | TypeId::RangeIterator
            | TypeId::DictIterator
            | TypeId::DictView
            | TypeId::TextIo
            | TypeId::StdioBuffer
            | TypeId::Frame
            | TypeId::QstrPool
            | TypeId::Buffer
            | TypeId::Pin
            | TypeId::StringIO
            | TypeId::BytesIO
            | TypeId::Deque
            | TypeId::Array
            | TypeId::Regex
            | TypeId::Match
            | TypeId::UctypesStruct
            | TypeId::SysImplementation
            | TypeId::Code
            | TypeId::RingIO
            | TypeId::RangeWide
            | TypeId::RangeWideIterator
    )
}

/// The method `name` of builtin type `type_id`.
pub fn lookup_method(type_id: TypeId, name: u32) -> Option<Obj> {
    if type_id == TypeId::FrozenSet && is_set_mutator(name) {
        return None;
    }
    match method_table_number(type_id) {
        Some(number) => lookup_in_table(number, name),
        None => crate::native::native_class_attr(type_id, name),
    }
}

/// The method table of a builtin type that is not a native module's type.
fn method_table_number(type_id: TypeId) -> Option<u32> {
    Some(match type_id {
        TypeId::Str => TABLE_STR,
        TypeId::List => TABLE_LIST,
        TypeId::Dict => TABLE_DICT,
        TypeId::Set | TypeId::FrozenSet => TABLE_SET,
        TypeId::Tuple => TABLE_TUPLE,
        TypeId::Int | TypeId::Bool => TABLE_INT,
        TypeId::Bytes | TypeId::ByteArray => TABLE_BYTES,
        TypeId::Float => TABLE_FLOAT,
        TypeId::Generator => TABLE_GENERATOR,
        TypeId::Property => TABLE_PROPERTY,
        TypeId::Object => TABLE_OBJECT,
        _ => return None,
    })
}

/// `T.__dict__` of a builtin type: a new dict of what [`lookup_method`]
/// finds on it (its methods, and a native type's constants).
pub fn builtin_type_dict(vm: &mut Vm<'_>, type_id: TypeId) -> R<Obj> {
    let dict = vm.new_dict(8)?;
    let mark = vm.root_mark();
    vm.push_root(dict)?;
    let (names, constants): (&[(u16, Handler)], &[(u16, Obj)]) = match method_table_number(type_id) {
        Some(number) => (type_table(number), &[]),
        None => type_id.native().map_or((&[], &[]), |native| (native.methods, native.constants)),
    };
    for &(id, _) in names.iter() {
        if let Some(method) = lookup_method(type_id, u32::from(id)) {
            vm.map_set(dict, Obj::qstr(u32::from(id)), method)?;
        }
    }
    for &(id, value) in constants {
        vm.map_set(dict, Obj::qstr(u32::from(id)), value)?;
    }
    vm.pop_roots(mark);
    Ok(dict)
}

/// Whether `name` is a set method that changes the set (frozenset has none of them).
fn is_set_mutator(name: u32) -> bool {
    [
        qstr_id("add"),
        qstr_id("clear"),
        qstr_id("discard"),
        qstr_id("pop"),
        qstr_id("remove"),
        qstr_id("update"),
        qstr_id("difference_update"),
        qstr_id("intersection_update"),
        qstr_id("symmetric_difference_update"),
    ]
    .iter()
    .any(|id| u32::from(*id) == name)
}

/// The qstr id of a builtin function's name.
pub fn builtin_name(vm: &mut Vm<'_>, function: Obj) -> u32 {
    let Some((number, entry)) = builtin_fn_parts(function) else { return 1 };
    if let Some(functions) = vm.native_function_table(number) {
        let name = functions.get(entry as usize).map_or("?", |(name, _)| *name);
        return vm.intern_bytes(name.as_bytes()).map_or(1, |name| name.qstr_id());
    }
    type_table(number).get(entry as usize).map(|(id, _)| u32::from(*id)).unwrap_or(1)
}

/// Calls a builtin function; a builtin type's method called through the
/// type has its first argument checked (see `check_self`).
pub fn call_builtin(vm: &mut Vm<'_>, function: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let (number, entry, handler) = builtin_handler(vm, function)?;
    check_self(vm, number, entry, args)?;
    handler(vm, args, kw)
}

/// The table number, entry and handler of a builtin function object.
fn builtin_handler(vm: &mut Vm<'_>, function: Obj) -> R<(u32, u32, Handler)> {
    let handler = builtin_fn_parts(function).and_then(|(number, entry)| {
        let handler = match vm.native_function_table(number) {
            Some(functions) => functions.get(entry as usize).map(|(_, handler)| *handler),
            None => type_table(number).get(entry as usize).map(|(_, handler)| *handler),
        };
        handler.map(|handler| (number, entry, handler))
    });
    match handler {
        Some(found) => Ok(found),
        None => Err(vm.raise_msg(TypeId::TypeError, "not a builtin function")),
    }
}

/// A method of a builtin type called through its type (`list.append(1, 2)`)
/// must get an instance of it first, as MicroPython checks:
/// `TypeError: argument should be a 'list' not a 'int'`. The methods that
/// take no instance (`dict.fromkeys`, `int.from_bytes`, `bytes.fromhex`)
/// are not checked.
#[inline]
fn check_self(vm: &mut Vm<'_>, number: u32, entry: u32, args: &[Obj]) -> R<()> {
    let expected: &[TypeId] = match number {
        TABLE_STR => &[TypeId::Str],
        TABLE_LIST => &[TypeId::List],
        TABLE_DICT => &[TypeId::Dict],
        TABLE_SET => &[TypeId::Set, TypeId::FrozenSet],
        TABLE_TUPLE => &[TypeId::Tuple],
        TABLE_BYTES => &[TypeId::Bytes, TypeId::ByteArray],
        _ => return Ok(()),
    };
    // The usual case first (a method called on its own heap instance): its
    // type word, read directly; anything else asks `native_type`.
    let Some(&first) = args.first() else { return Ok(()) };
    let type_word = vm.heap.word(first.0);
    if expected.iter().any(|type_id| type_id.addr() == type_word) || expected.contains(&vm.native_type(first)) {
        return Ok(());
    }
    let Some(&(name, _)) = type_table(number).get(entry as usize) else { return Ok(()) };
    if name == const { qstr_id("fromkeys") } || name == const { qstr_id("fromhex") } {
        return Ok(());
    }
    let wanted = vm.qstr_str_copy(Obj::qstr(u32::from(expected[0].name())));
    let given = vm.type_name(first);
    let given = vm.qstr_str_copy(Obj::qstr(given));
    Err(vm.raise_fmt(
        TypeId::TypeError,
        format_args!("argument should be a '{}' not a '{}'", wanted.as_str(), given.as_str()),
    ))
}

/// Raises MicroPython's TypeError for a keyword argument not in `allowed`.
pub fn check_keywords(vm: &mut Vm<'_>, kw: &[Obj], allowed: &[&str]) -> R<()> {
    let known = |pair: &[Obj]| allowed.iter().any(|name| vm.str_bytes(pair[0]) == name.as_bytes());
    if kw.chunks(2).all(known) {
        return Ok(());
    }
    Err(vm.raise_msg(TypeId::TypeError, "extra keyword arguments given"))
}

/// Raises MicroPython's TypeError when a function that takes no keyword
/// arguments is given some.
pub fn no_keywords(vm: &mut Vm<'_>, kw: &[Obj]) -> R<()> {
    if kw.is_empty() {
        return Ok(());
    }
    Err(vm.raise_msg(TypeId::TypeError, "function doesn't take keyword arguments"))
}

/// The `__build_class__` builtin.
pub fn build_class_obj() -> Obj {
    builtin_fn(TABLE_HIDDEN, 0)
}

/// `object.__init__`, what `super().__init__()` finds at the root.
pub fn object_init_obj() -> Obj {
    builtin_fn(TABLE_HIDDEN, 1)
}

/// `BaseException.__init__`, what `super().__init__(...)` finds in an exception class.
pub fn exception_init_obj() -> Obj {
    builtin_fn(TABLE_HIDDEN, 2)
}

/// The keyword argument `name`, if given.
pub fn keyword(vm: &Vm<'_>, kw: &[Obj], name: &str) -> Option<Obj> {
    kw.chunks(2).find(|pair| vm.str_bytes(pair[0]) == name.as_bytes()).and_then(|pair| pair.get(1).copied())
}

/// Raises TypeError unless `min <= args.len() <= max`.
pub fn check_args(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<()> {
    if args.len() < min || args.len() > max {
        if min == max {
            return Err(vm.raise_fmt(
                TypeId::TypeError,
                format_args!("function takes {} positional arguments but {} were given", min, args.len()),
            ));
        }
        // MicroPython's words for a count outside a range.
        if args.len() < min {
            return Err(vm.raise_fmt(
                TypeId::TypeError,
                format_args!("function missing {} required positional arguments", min - args.len()),
            ));
        }
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("function expected at most {} arguments, got {}", max, args.len()),
        ));
    }
    Ok(())
}

/// Calls a type constructor.
pub fn construct(vm: &mut Vm<'_>, type_id: TypeId, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    if type_id == TypeId::MemoryView {
        check_args(vm, args, 1, 1)?;
        return vm.new_memoryview(args[0]);
    }
    if let Some(make_new) = type_id.slot(|native| native.make_new) {
        return make_new(vm, type_id, args, kw);
    }
    funcs::construct(vm, type_id, args, kw)
}
