//! Descriptors, as MicroPython runs them: a class attribute whose own class
//! defines `__get__`, `__set__` or `__delete__` is asked for the value when
//! it is read, stored or deleted through an instance, and `__set_name__` is
//! called on every such attribute when its owner class is made.
//!
//! As in MicroPython (and unlike CPython), the instance's own dict is looked
//! at before a descriptor's `__get__`, and reading the attribute through the
//! class gives the descriptor itself.

use crate::obj::Obj;
use crate::vm::{Vm, R};

use super::call::Args;

impl Vm<'_> {
    /// The method `name` of `value`'s class when `value` is an instance of a
    /// class that defines it (builtin values are never descriptors).
    fn descriptor_method(&mut self, value: Obj, name: Obj) -> Option<Obj> {
        if !self.is_heap(value) {
            return None;
        }
        let type_obj = self.type_of(value);
        if !self.is_class(type_obj) {
            return None;
        }
        self.class_lookup(type_obj, name)
    }

    /// Whether `value` has `__set__` or `__delete__`, so that stores to
    /// instances of a class holding it must look at the class first.
    pub(crate) fn is_store_descriptor(&mut self, value: Obj) -> bool {
        self.descriptor_method(value, q!("__set__")).is_some()
            || self.descriptor_method(value, q!("__delete__")).is_some()
    }

    /// `value.__get__(obj, type_obj)` when `value` (found in the class
    /// `type_obj` of the instance `obj`) has one.
    pub(crate) fn descriptor_get(&mut self, value: Obj, obj: Obj, type_obj: Obj) -> R<Option<Obj>> {
        let Some(get) = self.descriptor_method(value, q!("__get__")) else { return Ok(None) };
        self.call_with_self(get, value, Args::Slice(&[obj, type_obj]), Args::Slice(&[])).map(Some)
    }

    /// `value.__set__(obj, stored)`, or `value.__delete__(obj)` when
    /// `stored` is NULL, when `value` has that method; `false` otherwise.
    pub(crate) fn descriptor_store(&mut self, value: Obj, obj: Obj, stored: Obj) -> R<bool> {
        if stored.is_null() {
            let Some(delete) = self.descriptor_method(value, q!("__delete__")) else { return Ok(false) };
            self.call_with_self(delete, value, Args::Slice(&[obj]), Args::Slice(&[]))?;
        } else {
            let Some(set) = self.descriptor_method(value, q!("__set__")) else { return Ok(false) };
            self.call_with_self(set, value, Args::Slice(&[obj, stored]), Args::Slice(&[]))?;
        }
        Ok(true)
    }

    /// Calls `__set_name__(class, name)` on each value of the new class's
    /// namespace that has one. The calls are collected before the first is
    /// made, so one that adds, replaces or removes attributes of the class
    /// changes neither which calls are made nor their order.
    pub fn call_set_names(&mut self, class: Obj, namespace: Obj) -> R<()> {
        let mut found = false;
        let mut index = 0;
        while let Some((entry, _key, value)) = self.map_next(namespace, index) {
            found |= self.descriptor_method(value, q!("__set_name__")).is_some();
            index = entry + 1;
        }
        if !found {
            return Ok(());
        }
        let mark = self.root_mark();
        self.push_root(class)?;
        // A list of (descriptor, name) pairs, flattened.
        let calls = self.new_list(0)?;
        self.push_root(calls)?;
        let mut index = 0;
        while let Some((entry, key, value)) = self.map_next(namespace, index) {
            if self.descriptor_method(value, q!("__set_name__")).is_some() {
                self.list_append(calls, value)?;
                self.list_append(calls, key)?;
            }
            index = entry + 1;
        }
        let mut position = 0u32;
        while position + 1 < self.list_len(calls) {
            let value = self.list_item(calls, position);
            let key = self.list_item(calls, position + 1);
            position += 2;
            // The descriptor's class may have lost the method meanwhile.
            let Some(set_name) = self.descriptor_method(value, q!("__set_name__")) else { continue };
            let result = self.call_with_self(set_name, value, Args::Slice(&[class, key]), Args::Slice(&[]));
            if let Err(raised) = result {
                self.pop_roots(mark);
                return Err(raised);
            }
        }
        self.pop_roots(mark);
        Ok(())
    }
}
