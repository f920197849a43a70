//! Names and attributes: globals and builtins, attribute and method lookup
//! on every kind of object, instances and special methods (classes are made
//! and called in `class.rs`).

use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// `LOAD_NAME`: locals, globals, builtins.
    pub fn load_name(&mut self, locals: Obj, module: Obj, name: Obj) -> R<Obj> {
        // At a module's top level its locals are its globals: `LOAD_GLOBAL`'s
        // lookup, with its guess of the entry, answers (a board's main loop
        // is often written there).
        if locals == self.get(module, 1) {
            return self.load_global(module, name);
        }
        if let Some(value) = self.map_get_qstr(locals, name) {
            return Ok(value);
        }
        self.load_global(module, name)
    }

    /// `STORE_NAME`: `name = value` in `locals`, which at a module's top
    /// level are its globals, stored as `STORE_GLOBAL` stores.
    pub fn store_name(&mut self, locals: Obj, module: Obj, name: Obj, value: Obj) -> R<()> {
        if locals == self.get(module, 1) {
            return self.store_global(module, name, value);
        }
        self.map_set(locals, name, value)
    }

    /// `LOAD_GLOBAL`: globals, builtins.
    #[inline]
    pub fn load_global(&mut self, module: Obj, name: Obj) -> R<Obj> {
        let globals = self.get(module, 1);
        let guess = u32::from(self.global_lookup_cache[lookup_cache_slot(globals, name)].get());
        if let Some(value) = self.map_value_at(globals, guess, name) {
            return Ok(value);
        }
        self.load_global_probed(globals, name)
    }

    /// The entry of `globals` where [`Vm::load_global`] last guessed or
    /// found `name` (to be checked against the entry's key).
    pub(crate) fn global_lookup_guess(&self, globals: Obj, name: Obj) -> u32 {
        u32::from(self.global_lookup_cache[lookup_cache_slot(globals, name)].get())
    }

    /// `STORE_GLOBAL`: `name = value` in the globals of `module`, first at
    /// the entry where `load_global` last found the name (its own entry in a
    /// RAM table, or the RAM array word of a flash table's marker), else
    /// through `map_set`, remembering where the name lies.
    pub fn store_global(&mut self, module: Obj, name: Obj, value: Obj) -> R<()> {
        let globals = self.get(module, 1);
        let slot = lookup_cache_slot(globals, name);
        let guess = u32::from(self.global_lookup_cache[slot].get());
        if self.map_replace_value_at(globals, guess, name, value)
            || self.map_replace_uncertain_at(globals, guess, name, value)
        {
            return Ok(());
        }
        self.map_set(globals, name, value)?;
        if let Some(entry) = self.map_find_qstr(globals, name).and_then(|(entry, _)| u8::try_from(entry).ok()) {
            self.global_lookup_cache[slot].set(entry);
        }
        Ok(())
    }

    /// [`Vm::load_global`] when the guess missed: the globals' probe, then
    /// the builtins.
    #[inline(never)]
    fn load_global_probed(&mut self, globals: Obj, name: Obj) -> R<Obj> {
        // A builtin these globals were last seen to lack, with no watched
        // dict having gained or lost a key since, is found without the probe.
        let id = name.qstr_id();
        let slot = builtin_cache_slot(id);
        let (cached_id, object) = self.builtin_cache[slot].get();
        if cached_id == id.wrapping_add(1)
            && self.builtin_miss_cache[slot].get() == (globals.0, self.dict_keys_version)
            && self.map_keys_watched(globals)
        {
            return Ok(Obj(object));
        }
        if let Some((entry, value)) = self.map_find_qstr(globals, name) {
            if let Ok(entry) = u8::try_from(entry) {
                self.global_lookup_cache[lookup_cache_slot(globals, name)].set(entry);
            }
            return Ok(value);
        }
        if let Some(value) = self.builtin_override(name) {
            return Ok(value);
        }
        if let Some(value) = self.lookup_builtin_cached(id) {
            if self.is_heap(globals) {
                self.map_watch_keys(globals);
                self.builtin_miss_cache[slot].set((globals.0, self.dict_keys_version));
            }
            return Ok(value);
        }
        let text = self.qstr_str_copy(name);
        Err(self.raise_fmt(TypeId::NameError, format_args!("name '{}' isn't defined", text.as_str())))
    }

    /// [`crate::builtins::lookup_builtin`] remembered in `builtin_cache`
    /// (a builtin's object never changes; names that are not builtins are
    /// not remembered).
    fn lookup_builtin_cached(&self, id: u32) -> Option<Obj> {
        let entry = &self.builtin_cache[builtin_cache_slot(id)];
        let (cached_id, object) = entry.get();
        if cached_id == id.wrapping_add(1) {
            return Some(Obj(object));
        }
        let value = crate::builtins::lookup_builtin(id)?;
        entry.set((id.wrapping_add(1), value.0));
        // The miss remembered beside the entry was for the name it held.
        self.builtin_miss_cache[builtin_cache_slot(id)].set((0, 0));
        Some(value)
    }

    /// [`Vm::map_get_qstr`] for dicts where lookups mostly succeed (module
    /// globals, class dicts): the entry where `name` was last found in `map`
    /// is tried first.
    fn map_get_qstr_cached(&mut self, map: Obj, name: Obj) -> Option<Obj> {
        self.map_get_qstr_guessed(map, lookup_cache_slot(map, name), name)
    }

    /// [`Vm::map_get_qstr`] trying first the entry remembered in
    /// `global_lookup_cache[slot]`, and remembering where `name` is found.
    #[inline]
    fn map_get_qstr_guessed(&mut self, map: Obj, slot: usize, name: Obj) -> Option<Obj> {
        let guess = u32::from(self.global_lookup_cache[slot].get());
        if let Some(value) = self.map_value_at(map, guess, name) {
            return Some(value);
        }
        let found = match self.map_find_qstr_in_heap(map, name) {
            Some(found) => found,
            None => self.map_find_qstr(map, name),
        };
        let (entry, value) = found?;
        if let Ok(entry) = u8::try_from(entry) {
            self.global_lookup_cache[slot].set(entry);
        }
        Some(value)
    }

    /// Looks `name` up in a class and its bases (depth first, like MicroPython).
    pub fn class_lookup(&mut self, class: Obj, name: Obj) -> Option<Obj> {
        self.class_lookup_depth(class, name, 0)
    }

    fn class_lookup_depth(&mut self, class: Obj, name: Obj, depth: u32) -> Option<Obj> {
        if depth > 32 {
            return None;
        }
        if let Some(type_id) = TypeId::from_obj(class) {
            return crate::builtins::lookup_method(type_id, name.qstr_id());
        }
        let locals = self.get(class, 3);
        if let Some(value) = self.map_get_qstr_cached(locals, name) {
            return Some(value);
        }
        let bases = self.get(class, 2);
        for index in 0..self.tuple_len(bases) {
            let base = self.tuple_item(bases, index);
            if let Some(value) = self.class_lookup_depth(base, name, depth + 1) {
                return Some(value);
            }
        }
        None
    }

    /// The dict of an instance of a class, if it has one.
    fn instance_dict(&self, obj: Obj) -> Option<Obj> {
        let type_obj = self.type_of(obj);
        if !self.is_class(type_obj) {
            return None;
        }
        Some(self.get(obj, self.instance_dict_word_of(obj, type_obj)))
    }

    /// Whether `obj` is an iterator of a builtin type (it is its own
    /// iterator and `next` advances it).
    fn is_native_iterator(&self, obj: Obj) -> bool {
        !self.is_class(self.type_of(obj)) && crate::obj::iter::is_builtin_iterator_type(self.native_type(obj))
    }

    /// `obj.name`.
    pub fn load_attr(&mut self, obj: Obj, name: Obj) -> R<Obj> {
        // An attribute of a plain instance where instances of its class
        // hold it: the guess alone, checked against the entry's key. Any
        // miss takes the full lookup below.
        if self.is_heap(obj) && name != q!("__class__") && name != q!("__dict__") {
            if let Some(value) = self.instance_attr_guessed(obj, name) {
                return Ok(value);
            }
        }
        let (method, self_obj) = self.load_method(obj, name)?;
        if self_obj.is_null() {
            return Ok(method);
        }
        let mark = self.root_mark();
        self.push_root(method)?;
        self.push_root(self_obj)?;
        let bound = self.alloc_typed(TypeId::BoundMethod, 3)?;
        self.pop_roots(mark);
        self.set(bound, 1, self_obj);
        self.set(bound, 2, method);
        Ok(bound)
    }

    /// The attribute `name` of `obj` (a heap object) when `obj` is an
    /// instance of a class over `object` whose dict holds it where the
    /// lookup cache guesses; `None` otherwise. Instances, classes and their
    /// dicts are heap objects, so plain heap word reads do (0 outside it).
    #[inline(always)]
    fn instance_attr_guessed(&self, obj: Obj, name: Obj) -> Option<Obj> {
        let heap = &self.heap;
        let type_obj = Obj(heap.word(obj.0));
        if heap.word(type_obj.0) != TypeId::Type.addr()
            || heap.word(type_obj.0.wrapping_add(16)) != TypeId::Object.addr()
        {
            return None;
        }
        let dict = Obj(heap.word(obj.0.wrapping_add(4)));
        let guess = u32::from(self.global_lookup_cache[lookup_cache_slot(type_obj, name)].get());
        self.map_value_at_in_heap(dict, guess, name)
    }

    /// `LOAD_METHOD`: `(function, self)` for a method, `(value, NULL)` otherwise.
    pub fn load_method(&mut self, obj: Obj, name: Obj) -> R<(Obj, Obj)> {
        match self.try_load_method(obj, name)? {
            Some(found) => Ok(found),
            // A builtin iterator's `__next__` is `next` bound to it.
            None if name == q!("__next__") && self.is_native_iterator(obj) => {
                let next = crate::builtins::lookup_builtin(q!("next").qstr_id()).unwrap_or(Obj::NONE);
                Ok((next, obj))
            }
            None => {
                let text = self.qstr_str_copy(name);
                if self.native_type(obj) == TypeId::Module {
                    let module_name = self.module_name(obj);
                    let module_text = self.qstr_str_copy(module_name);
                    return Err(self.raise_fmt(
                        TypeId::AttributeError,
                        format_args!("module '{}' has no attribute '{}'", module_text.as_str(), text.as_str()),
                    ));
                }
                if self.is_type(obj) {
                    let type_name = self.type_name_of_type(obj);
                    let type_text = self.qstr_str_copy(Obj::qstr(type_name));
                    return Err(self.raise_fmt(
                        TypeId::AttributeError,
                        format_args!("type object '{}' has no attribute '{}'", type_text.as_str(), text.as_str()),
                    ));
                }
                let type_name = self.type_name(obj);
                let type_text = self.qstr_str_copy(Obj::qstr(type_name));
                Err(self.raise_fmt(
                    TypeId::AttributeError,
                    format_args!("'{}' object has no attribute '{}'", type_text.as_str(), text.as_str()),
                ))
            }
        }
    }

    pub(crate) fn try_load_method(&mut self, obj: Obj, name: Obj) -> R<Option<(Obj, Obj)>> {
        if name == q!("__class__") {
            return Ok(Some((self.type_of(obj), Obj::NULL)));
        }
        // The common case first: an instance of a class over `object`, its
        // dict at word 1, found in that dict or in the class. Misses take the
        // general path below, which looks again and tries the rest.
        if self.is_heap(obj) && name != q!("__dict__") {
            // An instance and its class are heap objects: heap word reads do.
            let type_obj = Obj(self.heap.word(obj.0));
            if self.heap.word(type_obj.0) == TypeId::Type.addr()
                && self.heap.word(type_obj.0.wrapping_add(16)) == TypeId::Object.addr()
            {
                let dict = Obj(self.heap.word(obj.0.wrapping_add(4)));
                if !dict.is_null() {
                    // Instances of one class mostly hold their attributes in
                    // the same order: the guess is keyed by class and name.
                    let slot = lookup_cache_slot(type_obj, name);
                    if let Some(value) = self.map_get_qstr_guessed(dict, slot, name) {
                        return Ok(Some((value, Obj::NULL)));
                    }
                }
                if let Some(value) = self.class_lookup_remembered(type_obj, name) {
                    // A Python function is bound to the instance (what
                    // `bind_class_value` does, told by its type word).
                    if name != q!("__new__") && value.is_ptr() && self.word(value.0) == TypeId::Function.addr() {
                        return Ok(Some((value, obj)));
                    }
                    return self.bind_class_value(obj, type_obj, value, name).map(Some);
                }
            }
        }
        let type_id = self.native_type(obj);
        if type_id == TypeId::Module {
            if obj.is_static() {
                let value = self.native_module_attr(obj, name.qstr_id())?;
                return Ok(value.map(|value| (value, Obj::NULL)));
            }
            let globals = self.get(obj, 1);
            // `mod.__dict__` is the live globals dict, as `globals()` is inside
            // the module (a flash table is copied to RAM on its first write).
            if name == q!("__dict__") {
                return Ok(Some((globals, Obj::NULL)));
            }
            return Ok(self.map_get_qstr(globals, name).map(|value| (value, Obj::NULL)));
        }
        if self.is_type(obj) {
            if name == q!("__name__") {
                return Ok(Some((Obj::qstr(self.type_name_of_type(obj)), Obj::NULL)));
            }
            if let Some(value) = self.class_lookup(obj, name) {
                if self.native_type(value) == TypeId::ClassMethod {
                    return Ok(Some((self.get(value, 1), obj)));
                }
                if self.native_type(value) == TypeId::StaticMethod {
                    return Ok(Some((self.get(value, 1), Obj::NULL)));
                }
                return Ok(Some((value, Obj::NULL)));
            }
            if name == q!("__bases__") && self.is_class(obj) {
                let bases = self.get(obj, 2);
                if self.tuple_len(bases) == 0 {
                    // A class without bases derives from `object`.
                    let with_object = self.new_tuple(&[TypeId::Object.obj()])?;
                    return Ok(Some((with_object, Obj::NULL)));
                }
                return Ok(Some((bases, Obj::NULL)));
            }
            if name == q!("__bases__") {
                // A builtin type: its base (`object` when none is named), or none for `object`.
                let bases = match TypeId::from_obj(obj) {
                    Some(TypeId::Object) | None => self.new_tuple(&[])?,
                    // MicroPython's bool is not based on int.
                    Some(TypeId::Bool) => self.new_tuple(&[TypeId::Object.obj()])?,
                    Some(type_id) => self.new_tuple(&[type_id.base().unwrap_or(TypeId::Object).obj()])?,
                };
                return Ok(Some((bases, Obj::NULL)));
            }
            if name == q!("__dict__") && self.is_class(obj) {
                // Whatever is put in it later is not seen by `store_attr`.
                self.classes_may_intercept_stores = true;
                return Ok(Some((self.get(obj, 3), Obj::NULL)));
            }
            if let (true, Some(type_id)) = (name == q!("__dict__"), TypeId::from_obj(obj)) {
                return Ok(Some((crate::builtins::builtin_type_dict(self, type_id)?, Obj::NULL)));
            }
            return Ok(None);
        }
        if type_id == TypeId::Super {
            let class = self.get(obj, 1);
            let self_obj = self.get(obj, 2);
            return self.load_super_method(class, self_obj, name).map(Some);
        }
        let type_obj = self.type_of(obj);
        if self.is_class(type_obj) {
            if name == q!("__dict__") {
                let slot = self.instance_dict_word_of(obj, type_obj);
                let mut dict = self.get(obj, slot);
                if dict.is_null() {
                    dict = self.new_dict(4)?;
                    self.set(obj, slot, dict);
                }
                return Ok(Some((dict, Obj::NULL)));
            }
            if let Some(dict) = self.instance_dict(obj) {
                if !dict.is_null() {
                    if let Some(value) = self.map_get_qstr(dict, name) {
                        return Ok(Some((value, Obj::NULL)));
                    }
                }
            }
            if let Some(value) = self.class_lookup(type_obj, name) {
                return self.bind_class_value(obj, type_obj, value, name).map(Some);
            }
            if let Some(getattr) = self.class_lookup(type_obj, q!("__getattr__")) {
                let result = self.call(getattr, &[obj, name], &[])?;
                return Ok(Some((result, Obj::NULL)));
            }
        }
        if type_id.is_exception() {
            if name == q!("args") {
                return Ok(Some((self.exception_args(obj), Obj::NULL)));
            }
            // Like MicroPython, `.value` and `.errno` are args[0] (or None) on every exception.
            if name == q!("value") || name == q!("errno") {
                let args = self.exception_args(obj);
                let value = if self.tuple_len(args) > 0 { self.tuple_item(args, 0) } else { Obj::NONE };
                return Ok(Some((value, Obj::NULL)));
            }
        }
        if let Some(load) = type_id.slot(|native| native.load_attr) {
            if let Some(value) = load(self, obj, name)? {
                return Ok(Some((value, Obj::NULL)));
            }
        }
        match type_id {
            TypeId::Function if name == q!("__name__") => {
                return Ok(Some((Obj::qstr(self.function_name(obj)), Obj::NULL)));
            }
            // A bound method of a Python function is named by the function.
            TypeId::BoundMethod if name == q!("__name__") && self.native_type(self.get(obj, 2)) == TypeId::Function => {
                let function = self.get(obj, 2);
                return Ok(Some((Obj::qstr(self.function_name(function)), Obj::NULL)));
            }
            // Not a static qstr (adding one would change the image ABI), so matched by its text.
            TypeId::Function if self.qstr_bytes(name.qstr_id()) == b"__globals__" => {
                let module = self.function_module(obj);
                return Ok(Some((self.get(module, 1), Obj::NULL)));
            }
            TypeId::Int | TypeId::Bool | TypeId::Float if name == q!("real") => return Ok(Some((obj, Obj::NULL))),
            TypeId::Int | TypeId::Bool if name == q!("imag") => return Ok(Some((Obj::small(0), Obj::NULL))),
            TypeId::Complex if name == q!("real") || name == q!("imag") => {
                let (real, imag) = self.complex_value(obj);
                let part = if name == q!("real") { real } else { imag };
                return Ok(Some((self.new_float(part)?, Obj::NULL)));
            }
            TypeId::Slice if name == q!("indices") => {
                let method = crate::builtins::lookup_in_table(crate::builtins::TABLE_HIDDEN, name.qstr_id());
                return Ok(method.map(|method| (method, obj)));
            }
            TypeId::Range | TypeId::Slice if name == q!("start") || name == q!("stop") || name == q!("step") => {
                let index = if name == q!("start") {
                    1
                } else if name == q!("stop") {
                    2
                } else {
                    3
                };
                return Ok(Some((self.get(obj, index), Obj::NULL)));
            }
            _ => {}
        }
        if let Some(method) = crate::builtins::lookup_method(type_id, name.qstr_id()) {
            return Ok(Some((method, obj)));
        }
        Ok(None)
    }

    /// What `obj.name` gives for `value`, found as `name` in the class
    /// `type_obj` of the instance `obj`: functions bound to `obj`, static
    /// methods unbound, class methods bound to the class, properties read.
    fn bind_class_value(&mut self, obj: Obj, type_obj: Obj, value: Obj, name: Obj) -> R<(Obj, Obj)> {
        // `__new__` is a static method without the decorator.
        if name == q!("__new__") {
            return Ok((value, Obj::NULL));
        }
        match self.native_type(value) {
            // A builtin function such as `abs` kept in a class is not a
            // method, as in MicroPython; builtin types' and native modules'
            // methods are.
            TypeId::BuiltinFunction
                if crate::obj::builtin_fn_parts(value).map(|(table, _)| table)
                    == Some(crate::builtins::TABLE_BUILTINS) =>
            {
                Ok((value, Obj::NULL))
            }
            TypeId::Function | TypeId::BuiltinFunction => Ok((value, obj)),
            TypeId::StaticMethod => Ok((self.get(value, 1), Obj::NULL)),
            TypeId::ClassMethod => Ok((self.get(value, 1), type_obj)),
            TypeId::Property => {
                let getter = self.get(value, 1);
                if getter.is_none() {
                    return Err(self.raise_msg(TypeId::AttributeError, "unreadable attribute"));
                }
                let result = self.call(getter, &[obj], &[])?;
                Ok((result, Obj::NULL))
            }
            _ => match self.descriptor_get(value, obj, type_obj)? {
                Some(result) => Ok((result, Obj::NULL)),
                None => Ok((value, Obj::NULL)),
            },
        }
    }

    /// `obj.name = value`.
    pub fn store_attr(&mut self, obj: Obj, name: Obj, value: Obj) -> R<()> {
        // The common case first, as `store_attr_with` tries it: an instance
        // of a class over `object` while no class may intercept stores.
        if !self.classes_may_intercept_stores && !value.is_null() && name.is_qstr() {
            // Heap word reads (0 outside the heap) tell a heap instance.
            let type_obj = Obj(self.heap.word(obj.0));
            if self.heap.word(type_obj.0) == TypeId::Type.addr()
                && self.heap.word(type_obj.0.wrapping_add(16)) == TypeId::Object.addr()
            {
                return self.store_plain_instance_attr(obj, type_obj, name, value);
            }
        }
        self.store_attr_with(obj, name, value, true)
    }

    /// `obj.name = value`, calling a class's `__setattr__` only when `hooks` is set.
    pub fn store_attr_with(&mut self, obj: Obj, name: Obj, value: Obj, hooks: bool) -> R<()> {
        if value.is_null() {
            return self.delete_attr_with(obj, name, hooks);
        }
        // The common case first: an instance of a class over `object` while
        // no class may intercept stores.
        if !self.classes_may_intercept_stores && name.is_qstr() && self.is_heap(obj) {
            // An instance and its class are heap objects: heap word reads do.
            let type_obj = Obj(self.heap.word(obj.0));
            if self.heap.word(type_obj.0) == TypeId::Type.addr()
                && self.heap.word(type_obj.0.wrapping_add(16)) == TypeId::Object.addr()
            {
                return self.store_plain_instance_attr(obj, type_obj, name, value);
            }
        }
        let type_obj = self.type_of(obj);
        let native = self.native_type_of_type(type_obj);
        if native == TypeId::Module && self.is_heap(obj) {
            let globals = self.get(obj, 1);
            return self.map_set(globals, name, value);
        }
        if self.is_class(obj) {
            if name == q!("__setattr__")
                || self.native_type(value) == TypeId::Property
                || self.is_store_descriptor(value)
            {
                self.classes_may_intercept_stores = true;
            }
            let locals = self.get(obj, 3);
            return self.map_set(locals, name, value);
        }
        if let Some(store) = native.slot(|native| native.store_attr) {
            return store(self, obj, name, value);
        }
        if obj.is_static() && native == TypeId::Module {
            if let Some(stored) = self.native_module_store_attr(obj, name, value) {
                return stored;
            }
        }
        // `exc.__traceback__ = None` forgets an exception's traceback, as
        // MicroPython allows (matched by its text, as `__globals__` is).
        if native.is_exception()
            && !self.is_class(type_obj)
            && value.is_none()
            && self.is_heap(obj)
            && self.qstr_bytes(name.qstr_id()) == b"__traceback__"
        {
            self.set(obj, 2, Obj::NULL);
            return Ok(());
        }
        if self.is_class(type_obj) {
            // Namedtuple classes hold their fields as properties.
            let retyped = super::subclass::is_retyped_base(native);
            let plain = !self.classes_may_intercept_stores && !retyped;
            if !plain && hooks && self.call_setattr_hook(obj, name, value)? {
                return Ok(());
            }
            if let Some(property) = if plain { None } else { self.class_lookup(type_obj, name) } {
                if self.native_type(property) == TypeId::Property {
                    let setter = self.get(property, 2);
                    if setter.is_none() || setter.is_null() {
                        return Err(self.raise_msg(TypeId::AttributeError, "can't set attribute"));
                    }
                    self.call(setter, &[obj, value], &[])?;
                    return Ok(());
                }
                if self.descriptor_store(property, obj, value)? {
                    return Ok(());
                }
            }
            if retyped && self.is_namedtuple_class(type_obj) {
                // As MicroPython's, namedtuple instances take no attributes.
                return Err(self.no_attribute(obj, name));
            }
            let slot = self.instance_dict_word_of(obj, type_obj);
            let mut dict = self.get(obj, slot);
            if dict.is_null() {
                let mark = self.root_mark();
                self.push_root(value)?;
                dict = self.new_dict(4)?;
                self.pop_roots(mark);
                self.set(obj, slot, dict);
            }
            return self.map_set(dict, name, value);
        }
        let text = self.qstr_str_copy(name);
        let type_name = self.type_name(obj);
        let type_text = self.qstr_str_copy(Obj::qstr(type_name));
        Err(self.raise_fmt(
            TypeId::AttributeError,
            format_args!("'{}' object has no attribute '{}'", type_text.as_str(), text.as_str()),
        ))
    }

    /// `obj.name = value` for an instance `obj` of the plain class
    /// `type_obj` (dict at word 1), `name` a qstr: the entry where instances
    /// of the class hold `name` is tried first, and a new dict is made as
    /// large as the class's instances have come to need.
    fn store_plain_instance_attr(&mut self, obj: Obj, type_obj: Obj, name: Obj, value: Obj) -> R<()> {
        let slot = lookup_cache_slot(type_obj, name);
        let mut dict = Obj(self.heap.word(obj.0.wrapping_add(4)));
        if dict.is_null() {
            let mark = self.root_mark();
            self.push_root(value)?;
            let made = self.new_dict(self.instance_dict_hint(type_obj));
            self.pop_roots(mark);
            dict = made?;
            self.set(obj, 1, dict);
        } else {
            let guess = u32::from(self.global_lookup_cache[slot].get());
            if self.map_replace_value_at(dict, guess, name, value) {
                return Ok(());
            }
        }
        if let Some((entry, added)) = self.map_set_qstr_in_heap(dict, name, value) {
            if added {
                self.note_instance_dict_size(type_obj, entry + 1);
            }
            if let Ok(entry) = u8::try_from(entry) {
                self.global_lookup_cache[slot].set(entry);
            }
            return Ok(());
        }
        let count = self.map_len(dict);
        self.map_set(dict, name, value)?;
        let grown = self.map_len(dict);
        let entry = if grown > count {
            self.note_instance_dict_size(type_obj, grown);
            Some(self.map_filled(dict) - 1)
        } else {
            self.map_find_qstr(dict, name).map(|(entry, _)| entry)
        };
        if let Some(entry) = entry.and_then(|entry| u8::try_from(entry).ok()) {
            self.global_lookup_cache[slot].set(entry);
        }
        Ok(())
    }

    /// The capacity for a new instance dict of class `class`: what its
    /// instances were last seen to hold at most, or 4.
    fn instance_dict_hint(&self, class: Obj) -> usize {
        let (seen, count) = self.instance_dict_hints[instance_hint_slot(class)].get();
        if seen == class.0 {
            usize::from(count)
        } else {
            4
        }
    }

    /// Remembers that an instance of `class` holds `count` attributes.
    fn note_instance_dict_size(&self, class: Obj, count: u32) {
        let hint = &self.instance_dict_hints[instance_hint_slot(class)];
        let (seen, known) = hint.get();
        let count = u8::try_from(count).unwrap_or(u8::MAX);
        if seen != class.0 || known < count {
            hint.set((class.0, count));
        }
    }

    /// `super().name` inside a method of `class` called on `self_obj`.
    pub fn load_super_method(&mut self, class: Obj, self_obj: Obj, name: Obj) -> R<(Obj, Obj)> {
        if self.is_class(class) {
            let bases = self.get(class, 2);
            for index in 0..self.tuple_len(bases) {
                let base = self.tuple_item(bases, index);
                if let Some(value) = self.class_lookup(base, name) {
                    return self.bind_super_value(value, self_obj, name);
                }
            }
            if name == q!("__init__") {
                let native = self.native_type_of_type(class);
                if native.is_exception() {
                    return Ok((crate::builtins::exception_init_obj(), self_obj));
                }
                if matches!(native, TypeId::List | TypeId::Dict) {
                    if let Some(init) = crate::builtins::lookup_method(TypeId::Object, name.qstr_id()) {
                        return Ok((init, self_obj));
                    }
                }
                return Ok((crate::builtins::object_init_obj(), self_obj));
            }
            if let Some(value) = crate::builtins::lookup_method(TypeId::Object, name.qstr_id()) {
                return self.bind_super_value(value, self_obj, name);
            }
        }
        let text = self.qstr_str_copy(name);
        Err(self.raise_fmt(TypeId::AttributeError, format_args!("'super' object has no attribute '{}'", text.as_str())))
    }

    /// What `super().name` gives for the value found in a base class:
    /// `__new__` and static methods unbound, class methods bound to the
    /// class, properties read, functions bound to `self_obj`.
    fn bind_super_value(&mut self, value: Obj, self_obj: Obj, name: Obj) -> R<(Obj, Obj)> {
        if name == q!("__new__") {
            return Ok((value, Obj::NULL));
        }
        match self.native_type(value) {
            TypeId::StaticMethod => Ok((self.get(value, 1), Obj::NULL)),
            TypeId::ClassMethod => {
                let class = if self.is_type(self_obj) { self_obj } else { self.type_of(self_obj) };
                Ok((self.get(value, 1), class))
            }
            TypeId::Property => {
                let getter = self.get(value, 1);
                if getter.is_none() {
                    return Err(self.raise_msg(TypeId::AttributeError, "unreadable attribute"));
                }
                let result = self.call(getter, &[self_obj], &[])?;
                Ok((result, Obj::NULL))
            }
            TypeId::Function | TypeId::BuiltinFunction => Ok((value, self_obj)),
            _ => Ok((value, Obj::NULL)),
        }
    }

    /// The special method `name` (a qstr, usually `q!(…)`) of `obj`'s
    /// class (None for builtin types). It never raises; the `R` lets
    /// callers treat it like the calls around it.
    pub fn lookup_special(&mut self, obj: Obj, name: Obj) -> R<Option<Obj>> {
        let type_obj = self.type_of(obj);
        if !self.is_class(type_obj) {
            return Ok(None);
        }
        Ok(self.class_special(type_obj, name))
    }

    /// [`Vm::class_lookup_remembered`] out of line, so that the common
    /// miss of [`Vm::lookup_special`] (an object that is no class's
    /// instance) stays short.
    #[inline(never)]
    fn class_special(&mut self, class: Obj, name: Obj) -> Option<Obj> {
        self.class_lookup_remembered(class, name)
    }

    /// [`Vm::class_lookup`] through the class attribute cache, filling it
    /// when the class's chain of bases allows.
    #[inline(always)]
    fn class_lookup_remembered(&mut self, class: Obj, name: Obj) -> Option<Obj> {
        if let Some(value) = self.cached_class_attr(class, name) {
            return Some(value);
        }
        let found = self.class_lookup(class, name);
        if found.is_some() {
            self.remember_class_attr(class, name);
        }
        found
    }

    /// Calls `obj.name()` if `obj`'s class defines it.
    /// (Unlike the binary ones, a static method gets `obj` too, as in MicroPython.)
    pub fn call_special_unary(&mut self, obj: Obj, name: Obj) -> R<Option<Obj>> {
        let Some(method) = self.lookup_special(obj, name)? else { return Ok(None) };
        let function = match self.native_type(method) {
            TypeId::StaticMethod | TypeId::ClassMethod => self.get(method, 1),
            _ => method,
        };
        self.call(function, &[obj], &[]).map(Some)
    }

    /// Calls `obj.name(argument)` if `obj`'s class defines it.
    pub fn call_special_binary(&mut self, obj: Obj, name: Obj, argument: Obj) -> R<Option<Obj>> {
        self.call_special(obj, name, &[argument])
    }

    /// Calls `obj.name(first, second)` if `obj`'s class defines it.
    pub fn call_special_ternary(&mut self, obj: Obj, name: Obj, first: Obj, second: Obj) -> R<Option<Obj>> {
        self.call_special(obj, name, &[first, second])
    }

    /// Calls the special method `name` of `obj`'s class with `arguments`
    /// after `obj`; a static method gets the arguments alone and a class
    /// method the class first, as when called as `obj.name(...)` (as
    /// MicroPython does for binary operators and subscripts).
    fn call_special(&mut self, obj: Obj, name: Obj, arguments: &[Obj]) -> R<Option<Obj>> {
        let Some(method) = self.lookup_special(obj, name)? else { return Ok(None) };
        let mut buffer = [Obj::NULL; 3];
        let (function, first) = match self.native_type(method) {
            TypeId::StaticMethod => (self.get(method, 1), None),
            TypeId::ClassMethod => (self.get(method, 1), Some(self.type_of(obj))),
            _ => (method, Some(obj)),
        };
        let mut count = 0;
        if let Some(first) = first {
            buffer[0] = first;
            count = 1;
        }
        buffer[count..count + arguments.len()].copy_from_slice(arguments);
        count += arguments.len();
        self.call(function, &buffer[..count], &[]).map(Some)
    }

    /// The `__name__` of a module, as a str.
    pub fn module_name(&mut self, module: Obj) -> Obj {
        if module.is_static() {
            return self.native_module_name(module);
        }
        let globals = self.get(module, 1);
        self.map_get_qstr(globals, q!("__name__")).unwrap_or(Obj::qstr(1))
    }

    /// Keeps `Singleton` in use for module-less lookups.
    pub fn not_implemented(&self) -> Obj {
        Singleton::NotImplemented.obj()
    }
}

/// The entry of `builtin_cache` (and `builtin_miss_cache`) for qstr `id`:
/// a multiplicative hash, which spreads the ids of the common builtins
/// (`list`, `range`, `set` and `len` shared entries with `id % size`).
#[inline(always)]
fn builtin_cache_slot(id: u32) -> usize {
    (id.wrapping_mul(0x9e37_79b1) >> 27) as usize % crate::vm::BUILTIN_CACHE_SIZE
}

/// The entry of `global_lookup_cache` for `name` in the dict `owner` (or
/// in the instance dicts of the class `owner`).
#[inline(always)]
pub(crate) fn lookup_cache_slot(owner: Obj, name: Obj) -> usize {
    let mixed = (owner.0 ^ name.0.rotate_left(16)).wrapping_mul(0x9e37_79b1);
    (mixed >> 24) as usize % crate::vm::GLOBAL_LOOKUP_CACHE_SIZE
}

/// The entry of `instance_dict_hints` for `class`.
#[inline(always)]
fn instance_hint_slot(class: Obj) -> usize {
    (class.0.wrapping_mul(0x9e37_79b1) >> 24) as usize % crate::vm::INSTANCE_DICT_HINTS
}
