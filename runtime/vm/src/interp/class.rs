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
pub static OBJECT_METHODS: &[(u16, Handler)] =
    &[(qstr_id("__setattr__"), object_setattr), (qstr_id("__delattr__"), object_delattr)];

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
            }
            if hooks {
                if let Some(hook) = self.lookup_special(obj, "__delattr__")? {
                    if self.native_type(hook) == TypeId::Function {
                        self.call(hook, &[obj, name], &[])?;
                        return Ok(());
                    }
                }
            }
            let slot = if self.native_type_of_type(type_obj).is_exception() { 3 } else { 1 };
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
        match self.lookup_special(obj, "__setattr__")? {
            Some(hook) if self.native_type(hook) == TypeId::Function => {
                self.call(hook, &[obj, name, value], &[])?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
