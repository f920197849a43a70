//! Class machinery beyond plain lookup: `property` objects with their
//! `getter`/`setter`/`deleter` decorators, attribute deletion (`del obj.x`,
//! which the compiler emits as a store of NULL) through property deleters,
//! `__delattr__` and instance dicts, and `__setattr__` hooks.
//!
//! Property layout (words): `type, fget, fset, fdel`.

use crate::builtins::{check_args, Handler};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// The methods of `property` objects.
pub static PROPERTY_METHODS: &[(u16, Handler)] = &[
    (qstr_id("getter"), property_getter),
    (qstr_id("setter"), property_setter),
    (qstr_id("deleter"), property_deleter),
];

/// A copy of property `args[0]` with accessor `slot` replaced by `args[1]`.
fn property_with(vm: &mut Vm<'_>, args: &[Obj], slot: u32) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let made = vm.alloc_typed(TypeId::Property, 4)?;
    for index in 1..4 {
        let value = if index == slot { args[1] } else { vm.get(args[0], index) };
        vm.set(made, index, value);
    }
    Ok(made)
}

fn property_getter(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    property_with(vm, args, 1)
}

fn property_setter(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    property_with(vm, args, 2)
}

fn property_deleter(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    property_with(vm, args, 3)
}

/// The methods of `object` that classes reach explicitly (`object.__setattr__(self, …)`).
pub static OBJECT_METHODS: &[(u16, Handler)] = &[
    (qstr_id("__setattr__"), object_setattr),
    (qstr_id("__delattr__"), object_delattr),
    (qstr_id("__new__"), object_new),
    (qstr_id("__init__"), object_init),
];

/// `object.__init__(self, *args)`, which is also what `super().__init__(…)`
/// reaches from a class derived from `list` or `dict`: there it makes the
/// builtin part of the instance anew, as `list(iterable)` or `dict(…)` would
/// (called again on a filled instance, it replaces the items).
fn object_init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let Some((&instance, rest)) = args.split_first() else { return Ok(Obj::NONE) };
    let native = vm.native_type(instance);
    if !matches!(native, TypeId::List | TypeId::Dict) {
        return Ok(Obj::NONE);
    }
    if let Some(clear) = crate::builtins::lookup_method(native, u32::from(qstr_id("clear"))) {
        vm.call(clear, &[instance], &[])?;
    }
    let filler = match native {
        TypeId::List if !rest.is_empty() => qstr_id("extend"),
        TypeId::Dict if !rest.is_empty() || !kw.is_empty() => qstr_id("update"),
        _ => return Ok(Obj::NONE),
    };
    match crate::builtins::lookup_method(native, u32::from(filler)) {
        Some(method) => vm.call(method, args, kw),
        None => Ok(Obj::NONE),
    }
}

/// `object.__new__(cls)`: a bare instance of `cls`, without calling `__init__`.
fn object_new(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let Some(&class) = args.first() else {
        return Err(vm.raise_msg(TypeId::TypeError, "object.__new__() needs a type"));
    };
    // As MicroPython's, only for classes defined in Python.
    if !vm.is_class(class) {
        return Err(vm.raise_msg(TypeId::TypeError, "arg must be user-type"));
    }
    vm.new_instance(class, &[], &[])
}

fn attr_name(vm: &mut Vm<'_>, name: Obj) -> R<Obj> {
    if !name.is_qstr() && vm.native_type(name) != TypeId::Str {
        return Err(vm.raise_msg(TypeId::TypeError, "attribute name must be a string"));
    }
    vm.intern(name)
}

fn object_setattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    vm.store_attr_with(args[0], name, args[2], false)?;
    Ok(Obj::NONE)
}

fn object_delattr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.delete_attr_with(args[0], name, false)?;
    Ok(Obj::NONE)
}

impl Vm<'_> {
    /// `super(class, obj)`: an object whose attributes are looked up in the
    /// bases of `class` and bound to `obj`.
    pub fn new_super(&mut self, args: &[Obj]) -> R<Obj> {
        if args.len() != 2 {
            return Err(self.raise_msg(TypeId::TypeError, "super() needs the class and the instance outside a method"));
        }
        if !self.is_type(args[0]) {
            return Err(self.raise_msg(TypeId::TypeError, "super() argument 1 must be a class"));
        }
        let related =
            self.is_instance(args[1], args[0]) || (self.is_type(args[1]) && self.is_subclass(args[1], args[0]));
        if !related {
            return Err(
                self.raise_msg(TypeId::TypeError, "super(type, obj): obj must be an instance or subtype of type")
            );
        }
        let made = self.alloc_typed(TypeId::Super, 3)?;
        self.set(made, 1, args[0]);
        self.set(made, 2, args[1]);
        Ok(made)
    }

    /// The word of an instance of class `type_obj` that holds its attribute
    /// dict: instances of plain classes are `class, dict`, those of classes
    /// derived from an exception use the exception layout, and those of
    /// classes derived from `list` or `dict` are the builtin object's four
    /// words followed by the dict.
    pub fn instance_dict_slot(&self, type_obj: Obj) -> u32 {
        match self.native_type_of_type(type_obj) {
            native if native.is_exception() => 3,
            TypeId::List | TypeId::Dict => 4,
            _ => 1,
        }
    }

    /// A new instance of class `class` before `__init__`: a bare object, an
    /// exception, or a builtin `list`/`dict` made from `args` and retyped.
    pub fn new_instance(&mut self, class: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        if let Some(type_id) = TypeId::from_obj(class) {
            if type_id.is_exception() {
                return self.new_exception(class, &[]);
            }
            return crate::builtins::construct(self, type_id, &[], &[]);
        }
        let native = self.native_type_of_type(class);
        if native.is_exception() {
            let exc = self.new_exception(class, args)?;
            self.set(exc, 3, Obj::NULL);
            return Ok(exc);
        }
        if super::subclass::is_retyped_base(native) {
            return self.new_retyped_instance(class, native, args, kw);
        }
        if matches!(native, TypeId::List | TypeId::Dict) {
            let base = crate::builtins::construct(self, native, args, kw)?;
            let mark = self.root_mark();
            self.push_root(base)?;
            let instance = self.alloc(5)?;
            self.pop_roots(mark);
            for index in 1..4 {
                let word = self.get_u(base, index);
                self.set_u(instance, index, word);
            }
            self.set(instance, 0, class);
            self.set(instance, 4, Obj::NULL);
            return Ok(instance);
        }
        let instance = self.alloc(2)?;
        self.set(instance, 0, class);
        self.set(instance, 1, Obj::NULL);
        Ok(instance)
    }

    /// `del obj.name`.
    pub fn delete_attr(&mut self, obj: Obj, name: Obj) -> R<()> {
        self.delete_attr_with(obj, name, true)
    }

    /// `del obj.name`, calling a class's `__delattr__` only when `hooks` is set.
    pub fn delete_attr_with(&mut self, obj: Obj, name: Obj, hooks: bool) -> R<()> {
        let dict = if self.is_heap(obj) && self.native_type(obj) == TypeId::Module {
            self.get(obj, 1)
        } else if self.is_class(obj) {
            self.get(obj, 3)
        } else {
            let type_obj = self.type_of(obj);
            if !self.is_class(type_obj) {
                return Err(self.no_attribute(obj, name));
            }
            if let Some(property) = self.class_lookup(type_obj, name) {
                if self.native_type(property) == TypeId::Property {
                    let deleter = self.get(property, 3);
                    if deleter.is_none() || deleter.is_null() {
                        return Err(self.raise_msg(TypeId::AttributeError, "can't delete attribute"));
                    }
                    self.call(deleter, &[obj], &[])?;
                    return Ok(());
                }
                if self.descriptor_store(property, obj, Obj::NULL)? {
                    return Ok(());
                }
            }
            if hooks {
                if let Some(hook) = self.lookup_special(obj, q!("__delattr__"))? {
                    if self.native_type(hook) == TypeId::Function {
                        self.call(hook, &[obj, name], &[])?;
                        return Ok(());
                    }
                }
            }
            let slot = self.instance_dict_slot(type_obj);
            self.get(obj, slot)
        };
        if !dict.is_null() && self.map_remove(dict, name)?.is_some() {
            return Ok(());
        }
        Err(self.no_attribute(obj, name))
    }

    /// Raises `AttributeError: 'T' object has no attribute 'name'`.
    pub fn no_attribute(&mut self, obj: Obj, name: Obj) -> crate::vm::Raised {
        let text = self.qstr_str_copy(name);
        let type_name = self.type_name(obj);
        let type_text = self.qstr_str_copy(Obj::qstr(type_name));
        self.raise_fmt(
            TypeId::AttributeError,
            format_args!("'{}' object has no attribute '{}'", type_text.as_str(), text.as_str()),
        )
    }

    /// Calls a user `__setattr__` for `obj.name = value` if its class has
    /// one; `false` when the normal store should happen.
    pub fn call_setattr_hook(&mut self, obj: Obj, name: Obj, value: Obj) -> R<bool> {
        match self.lookup_special(obj, q!("__setattr__"))? {
            Some(hook) if self.native_type(hook) == TypeId::Function => {
                self.call(hook, &[obj, name, value], &[])?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
