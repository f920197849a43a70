//! `collections.namedtuple` and `collections.OrderedDict`, as classes whose
//! instances are builtin tuples and dicts.
//!
//! Such a class is an ordinary class object (`type, name, bases, namespace,
//! native type`) with the native type `tuple` or `dict` and that builtin as
//! its base, so every tuple and dict operation applies to its instances; an
//! instance is a tuple or dict whose type word is the class. A namedtuple
//! class keeps its field names under `<fields>` (a name no attribute access
//! can spell: MicroPython's namedtuples have no `_fields`), and each field is a property
//! whose getter is one of the module's static getters of a fixed index (the
//! first [`STATIC_GETTERS`] fields) or a bound method `(index, field getter)`.
//! The OrderedDict
//! class is made once and kept in `sys.modules` under a name no import can
//! reach. Dicts keep insertion order, so an OrderedDict needs nothing more.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeModule;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static MODULE: NativeModule = NativeModule {
    name: "collections",
    functions: FUNCTIONS,
    constants: &[("deque", TypeId::Deque.obj())],
    attr: Some(collections_attr),
};

/// Entry 1 is the field getter of namedtuple classes, not a module attribute;
/// entries 2 on are the getters of fields 0, 1, … (static objects, so a
/// field costs no heap for its getter).
static FUNCTIONS: &[(&str, Handler)] = &[
    ("namedtuple", namedtuple),
    ("namedtuple", field),
    ("namedtuple", |vm, args, _| field_at(vm, args, 0)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 1)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 2)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 3)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 4)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 5)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 6)),
    ("namedtuple", |vm, args, _| field_at(vm, args, 7)),
];

/// The number of fields with a static getter (entries 2 on of `FUNCTIONS`).
const STATIC_GETTERS: u32 = 8;

/// The attributes of `collections` made on first use.
fn collections_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    if name == u32::from(qstr_id("OrderedDict")) {
        return ordered_dict_class(vm).map(Some);
    }
    Ok(None)
}

/// A class object with `native` as its builtin base.
fn new_class(vm: &mut Vm<'_>, name: Obj, native: TypeId, namespace: Obj) -> R<Obj> {
    let mark = vm.root_mark();
    vm.push_root(name)?;
    vm.push_root(namespace)?;
    let bases = if native == TypeId::Tuple {
        crate::obj::Singleton::TupleBases.obj()
    } else {
        vm.new_tuple(&[native.obj()])?
    };
    vm.push_root(bases)?;
    let class = vm.alloc_typed(TypeId::Type, 5)?;
    vm.pop_roots(mark);
    vm.set(class, 1, name);
    vm.set(class, 2, bases);
    vm.set(class, 3, namespace);
    vm.set_u(class, 4, native.addr());
    Ok(class)
}

fn ordered_dict_class(vm: &mut Vm<'_>) -> R<Obj> {
    if !vm.ordered_dict_class.is_null() {
        return Ok(vm.ordered_dict_class);
    }
    let mark = vm.root_mark();
    let namespace = vm.new_dict(1)?;
    vm.push_root(namespace)?;
    let class = new_class(vm, q!("OrderedDict"), TypeId::Dict, namespace)?;
    vm.ordered_dict_class = class;
    vm.pop_roots(mark);
    Ok(class)
}

/// `namedtuple(name, fields)`: fields as a sequence of str or one str of
/// names separated by spaces or commas.
fn namedtuple(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let Some(fields) = args.get(1).copied().or_else(|| keyword(vm, kw, "fields")) else {
        return Err(vm.raise_msg(TypeId::TypeError, "namedtuple() needs field names"));
    };
    let mark = vm.root_mark();
    let names = vm.new_list(4)?;
    vm.push_root(names)?;
    if vm.is_str(fields) {
        let len = vm.str_len(fields);
        let mut start = 0;
        while start < len {
            let bytes = vm.str_bytes(fields);
            let is_gap = |byte: u8| byte == b' ' || byte == b',';
            if is_gap(bytes[start]) {
                start += 1;
                continue;
            }
            let end = (start..len).find(|&at| is_gap(bytes[at])).unwrap_or(len);
            let piece = vm.str_slice(TypeId::Str, fields, start, end)?;
            let name = vm.intern(piece)?;
            vm.list_append(names, name)?;
            start = end;
        }
    } else {
        let iterator = vm.get_iter(fields)?;
        vm.push_root(iterator)?;
        while let Some(item) = vm.iter_next(iterator)? {
            if !vm.is_str(item) {
                return Err(vm.raise_msg(TypeId::TypeError, "namedtuple field names must be str"));
            }
            let name = vm.intern(item)?;
            vm.list_append(names, name)?;
        }
    }
    let count = vm.list_len(names);
    // A tuple of interned names (a constant such as `("x", "y")`) already is
    // the field tuple: tuples are immutable, so the class can share it.
    let shared = vm.type_of(fields) == TypeId::Tuple.obj()
        && vm.tuple_len(fields) == count
        && (0..count).all(|index| vm.tuple_item(fields, index).is_qstr());
    let field_tuple = if shared { fields } else { vm.alloc_tuple(count as usize)? };
    vm.push_root(field_tuple)?;
    let namespace = vm.new_dict(count as usize + 1)?;
    vm.push_root(namespace)?;
    vm.map_set(namespace, q!("<fields>"), field_tuple)?;
    for index in 0..count {
        let name = vm.list_item(names, index);
        if !shared {
            vm.set(field_tuple, 2 + index, name);
        }
        let getter = if index < STATIC_GETTERS {
            vm.native_function(&MODULE, 2 + index)
        } else {
            let getter = vm.alloc_typed(TypeId::BoundMethod, 3)?;
            vm.set(getter, 1, Obj::small(index as i32));
            vm.set(getter, 2, vm.native_function(&MODULE, 1));
            getter
        };
        vm.push_root(getter)?;
        let property = vm.alloc_typed(TypeId::Property, 4)?;
        vm.set(property, 1, getter);
        vm.set(property, 2, Obj::NONE);
        vm.set(property, 3, Obj::NONE);
        vm.map_set(namespace, name, property)?;
    }
    let class_name = vm.intern(args[0])?;
    let class = new_class(vm, class_name, TypeId::Tuple, namespace)?;
    vm.pop_roots(mark);
    Ok(class)
}

/// The getter of one namedtuple field: `(index, instance)`.
fn field(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let index = args[0].small_value() as u32;
    field_at(vm, &args[1..], index)
}

/// The getter of field `index`: `(instance)`.
fn field_at(vm: &mut Vm<'_>, args: &[Obj], index: u32) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if index >= vm.tuple_len(args[0]) {
        return Err(vm.raise_msg(TypeId::IndexError, "tuple index out of range"));
    }
    Ok(vm.tuple_item(args[0], index))
}

/// Calls a namedtuple class: builds the tuple and gives it the class as its
/// type. (OrderedDict classes are dict subclasses: `Vm::new_instance` makes
/// their instances like those of any class derived from `dict`.)
pub fn construct(vm: &mut Vm<'_>, class: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let mark = vm.root_mark();
    let made = {
        let fields = vm.class_lookup(class, q!("<fields>")).unwrap_or(crate::obj::Singleton::EmptyTuple.obj());
        let count = vm.tuple_len(fields);
        if args.len() > count as usize {
            return Err(vm.raise_msg(TypeId::TypeError, "too many arguments for namedtuple"));
        }
        // Even an empty one is a tuple of its own, typed with the class
        // (the shared empty tuple is not), so it prints as `Name()`; its
        // allocation ends with the (always empty) dict word every instance
        // of a class over a builtin has (`interp::subclass`).
        let tuple = vm.alloc_typed(TypeId::Tuple, 3 + count as usize)?;
        vm.set_u(tuple, 1, count);
        vm.set_instance_dict_word(tuple, Obj::NULL);
        vm.push_root(tuple)?;
        for index in 0..count {
            let name = vm.tuple_item(fields, index);
            let value = match args.get(index as usize) {
                Some(&value) => value,
                None => match kw.chunks(2).find(|pair| vm.str_bytes(pair[0]) == vm.str_bytes(name)) {
                    Some(pair) => pair[1],
                    None => return Err(vm.raise_msg(TypeId::TypeError, "missing namedtuple field")),
                },
            };
            vm.set(tuple, 2 + index, value);
        }
        tuple
    };
    vm.pop_roots(mark);
    if made.is_ptr() && vm.is_heap(made) {
        vm.set(made, 0, class);
    }
    Ok(made)
}

impl Vm<'_> {
    /// Whether `class` is OrderedDict or derives from it.
    pub(crate) fn is_ordered_dict_class(&self, class: Obj) -> bool {
        !self.ordered_dict_class.is_null() && self.is_subclass(class, self.ordered_dict_class)
    }

    /// The class along the first bases of `class` whose own base is the
    /// builtin type (tuple or dict): the namedtuple or OrderedDict class.
    fn collection_base_class(&self, class: Obj) -> Obj {
        let mut class = class;
        loop {
            let bases = self.get(class, 2);
            if self.tuple_len(bases) == 0 {
                return class;
            }
            let first = self.tuple_item(bases, 0);
            if !self.is_class(first) {
                return class;
            }
            class = first;
        }
    }

    /// Prints a namedtuple (`Point(x=1, y=2)`) or OrderedDict
    /// (`OrderedDict({...})`) instance; false when `obj` is neither.
    pub fn print_collection_instance(&mut self, sink: Sink, obj: Obj, style: Style) -> R<bool> {
        let type_obj = self.type_of(obj);
        if !self.is_class(type_obj) {
            return Ok(false);
        }
        let native = self.native_type_of_type(type_obj);
        // As in MicroPython, instances of derived classes print with the
        // name of the namedtuple or OrderedDict class they derive from.
        let name = self.get(self.collection_base_class(type_obj), 1);
        match native {
            TypeId::Dict if self.is_ordered_dict_class(type_obj) => {
                self.emit_str(sink, name)?;
                self.emit(sink, b"(")?;
                self.set(obj, 0, TypeId::Dict.obj());
                let printed = self.print_obj(sink, obj, style);
                self.set(obj, 0, type_obj);
                printed?;
                self.emit(sink, b")")?;
                Ok(true)
            }
            TypeId::Tuple if self.is_namedtuple_class(type_obj) => {
                let fields =
                    self.class_lookup(type_obj, q!("<fields>")).unwrap_or(crate::obj::Singleton::EmptyTuple.obj());
                self.emit_str(sink, name)?;
                self.emit(sink, b"(")?;
                for index in 0..self.tuple_len(obj) {
                    if index > 0 {
                        self.emit(sink, b", ")?;
                    }
                    if index < self.tuple_len(fields) {
                        let field = self.tuple_item(fields, index);
                        self.emit_str(sink, field)?;
                        self.emit(sink, b"=")?;
                    }
                    let item = self.tuple_item(obj, index);
                    self.print_obj(sink, item, Style::Repr)?;
                }
                self.emit(sink, b")")?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
