//! Class machinery beyond plain lookup: making classes (`__build_class__`,
//! `type(name, bases, dict)`) and calling them (`__new__`, `__init__`),
//! `property` objects with their
//! `getter`/`setter`/`deleter` decorators, attribute deletion (`del obj.x`,
//! which the compiler emits as a store of NULL) through property deleters,
//! `__delattr__` and instance dicts, and `__setattr__` hooks.
//!
//! Property layout (words): `type, fget, fset, fdel`.

use super::call::Args;
use super::frame::F_LOCALS;
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

    /// The word of `obj`, an instance of the class `type_obj`, that holds
    /// its dict (see [`Vm::instance_dict_slot`] and `interp::subclass`).
    pub fn instance_dict_word_of(&self, obj: Obj, type_obj: Obj) -> u32 {
        if super::subclass::is_retyped_base(self.native_type_of_type(type_obj)) {
            return self.instance_dict_word(obj);
        }
        self.instance_dict_slot(type_obj)
    }

    /// The word of an instance of class `type_obj` that holds its attribute
    /// dict: instances of plain classes are `class, dict`, those of classes
    /// derived from an exception use the exception layout, and those of
    /// classes derived from `list` or `dict` are the builtin object's four
    /// words followed by the dict (for the other builtins, see
    /// [`Vm::instance_dict_word_of`]).
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
            let slot = self.instance_dict_word_of(obj, type_obj);
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

    /// Calls a type: builtin constructors, exceptions, classes.
    pub fn call_type(&mut self, type_obj: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        if let Some(type_id) = TypeId::from_obj(type_obj) {
            if type_id.is_exception() {
                return self.new_exception(type_obj, args);
            }
            return crate::builtins::construct(self, type_id, args, kw);
        }
        let native = self.native_type_of_type(type_obj);
        if native == TypeId::Tuple && self.is_namedtuple_class(type_obj) {
            // A namedtuple class: its instances are tuples typed with the class.
            return crate::modules::collections::construct(self, type_obj, args, kw);
        }
        if let Some(new) = self.class_lookup(type_obj, q!("__new__")) {
            if self.native_type(new) == TypeId::Function {
                // A class's own `__new__` makes the object; `__init__` runs
                // only when it returned an instance of the class.
                let instance = self.call_with_self(new, type_obj, Args::Slice(args), Args::Slice(kw))?;
                if !self.is_instance(instance, type_obj) {
                    return Ok(instance);
                }
                let mark = self.root_mark();
                self.push_root(instance)?;
                self.run_init(type_obj, instance, args, kw)?;
                self.pop_roots(mark);
                return Ok(instance);
            }
        }
        // A builtin base gets the call's arguments only when the class has no
        // `__init__`; otherwise that `__init__` passes them on through
        // `super().__init__(…)` if it wants to.
        let has_own_init =
            self.class_lookup(type_obj, q!("__init__")).is_some_and(|init| self.native_type(init) == TypeId::Function);
        let instance = if has_own_init && matches!(native, TypeId::List | TypeId::Dict) {
            self.new_instance(type_obj, &[], &[])?
        } else {
            self.new_instance(type_obj, args, kw)?
        };
        let mark = self.root_mark();
        self.push_root(instance)?;
        // Without an `__init__`, MicroPython ignores the arguments.
        self.run_init(type_obj, instance, args, kw)?;
        self.pop_roots(mark);
        Ok(instance)
    }

    /// Calls the class's `__init__` on a new instance: a Python function, or
    /// a native module's function in a class that module made (such as
    /// `framebuf.FrameBuffer`'s).
    fn run_init(&mut self, type_obj: Obj, instance: Obj, args: &[Obj], kw: &[Obj]) -> R<()> {
        let Some(init) = self.class_lookup(type_obj, q!("__init__")) else { return Ok(()) };
        if self.native_type(init) != TypeId::Function && !crate::native::is_module_function(init) {
            // A class attribute `__init__` that cannot be called is an error
            // at instantiation, as in MicroPython (`A.__init__ = 7; A()`).
            if !self.is_callable(init)? {
                return Err(self.type_error_object(init, "isn't callable"));
            }
            return Ok(());
        }
        let result = self.call_with_self(init, instance, Args::Slice(args), Args::Slice(kw))?;
        if !result.is_none() {
            return Err(self.init_returned_not_none(result));
        }
        Ok(())
    }

    /// `__build_class__(body, name, *bases)`.
    pub fn build_class(&mut self, args: &[Obj]) -> R<Obj> {
        if args.len() < 2 {
            return Err(self.raise_msg(TypeId::TypeError, "__build_class__ needs a body and a name"));
        }
        let body = args[0];
        let name = args[1];
        let mark = self.root_mark();
        let bases = self.new_tuple(&args[2..])?;
        self.push_root(bases)?;
        let locals = self.new_dict(8)?;
        self.push_root(locals)?;
        let frame = self.setup_frame(body, None, Args::Slice(&[]), Args::Slice(&[]))?;
        self.set(frame, F_LOCALS, locals);
        let cell = self.run_frame(frame)?;
        self.push_root(cell)?;
        // The body has stored its names: read them from flash when the
        // freezer laid them out, else keep only the room they need.
        self.adopt_flash_namespace(body, locals);
        self.map_shrink_to_fit(locals);
        let class = self.new_class(name, bases, locals)?;
        if self.native_type(cell) == TypeId::Cell {
            self.set(cell, 1, class);
        }
        let named = self.call_set_names(class, locals);
        self.pop_roots(mark);
        named?;
        Ok(class)
    }

    /// A new class named `name` (a str, interned here) over the tuple `bases`
    /// with the dict `namespace` as its own namespace: the end of a `class`
    /// statement and of `type(name, bases, dict)`. The caller roots `bases`
    /// and `namespace`. As in MicroPython, only `object`, exceptions, `list`,
    /// `dict` and namedtuple classes may be derived from.
    pub fn new_class(&mut self, name: Obj, bases: Obj, namespace: Obj) -> R<Obj> {
        let mut native = TypeId::Object;
        for index in 0..self.tuple_len(bases) {
            let base = self.tuple_item(bases, index);
            if !self.is_type(base) {
                return Err(self.raise_msg(TypeId::TypeError, "bases must be types"));
            }
            let base_native = self.native_type_of_type(base);
            // Classes made by Python code (namedtuples, `framebuf.FrameBuffer`)
            // may be derived from, whatever their builtin base.
            if !matches!(base_native, TypeId::Object | TypeId::List | TypeId::Dict)
                && !base_native.is_exception()
                && !super::subclass::is_retyped_base(base_native)
                && !self.is_class(base)
            {
                return Err(self.raise_msg(TypeId::TypeError, "type isn't an acceptable base type"));
            }
            if native == TypeId::Object {
                native = base_native;
            } else if base_native != TypeId::Object && base_native != native {
                return Err(self.raise_msg(TypeId::TypeError, "multiple bases have instance lay-out conflict"));
            }
        }
        let mut index = 0;
        while let Some((entry, key, value)) = self.map_next(namespace, index) {
            if key == q!("__setattr__")
                || self.native_type(value) == TypeId::Property
                || self.is_store_descriptor(value)
            {
                self.classes_may_intercept_stores = true;
            }
            index = entry + 1;
        }
        let name = self.intern(name)?;
        let class = self.alloc_typed(TypeId::Type, 5)?;
        self.set(class, 1, name);
        self.set(class, 2, bases);
        self.set(class, 3, namespace);
        self.set_u(class, 4, native.addr());
        Ok(class)
    }
}
