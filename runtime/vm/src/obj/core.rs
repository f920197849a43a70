//! Type queries shared by everything: the type of a value, its name,
//! subclass tests, exception objects and classes.
//!
//! Layouts (words):
//! * exception: `type, args tuple, traceback (list of file, line, name triples) or NULL, dict or NULL`
//! * class: `type, name qstr, bases tuple, locals dict, native base type`
//! * instance of a class: `class, dict` (classes derived from an exception use the exception layout,
//!   those derived from `list` or `dict` the builtin's words then the dict, and those derived from
//!   other builtins are the builtin object typed with the class, see `interp::subclass`)

use super::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::image::{FLASH_BASE, STATIC_BASE};

impl Vm<'_> {
    /// The type object of `obj`.
    pub fn type_of(&self, obj: Obj) -> Obj {
        // Objects first: they are what most callers ask about.
        if obj.is_ptr() {
            return self.get(obj, 0);
        }
        if obj.is_small() {
            return TypeId::Int.obj();
        }
        if obj.is_qstr() {
            return TypeId::Str.obj();
        }
        match obj {
            Obj::NONE | Obj::NULL => TypeId::NoneType.obj(),
            Obj::TRUE | Obj::FALSE => TypeId::Bool.obj(),
            Obj::ELLIPSIS => TypeId::Ellipsis.obj(),
            _ => TypeId::NoneType.obj(),
        }
    }

    /// The builtin type of `obj`, or for an instance of a class the builtin
    /// type its class derives from.
    pub fn native_type(&self, obj: Obj) -> TypeId {
        // Most objects are heap instances of a builtin type, whose type
        // object is one of the first static objects: its index is the TypeId.
        // Flash objects (constants, flash functions) are read the same way.
        if obj.0 >= FLASH_BASE && obj.0 & 3 == 0 {
            if let Some(type_id) = builtin_type_at(self.word(obj.0)) {
                return type_id;
            }
        } else if let Some(type_id) = builtin_function_or_type_at(obj.0) {
            return type_id;
        }
        self.native_type_slow(obj)
    }

    /// [`Vm::native_type`] for everything but heap instances of builtin types.
    #[inline(never)]
    fn native_type_slow(&self, obj: Obj) -> TypeId {
        if obj.is_ptr() {
            if obj.0 < FLASH_BASE {
                return self.static_native_type(obj);
            }
            let type_word = self.word(obj.0);
            if let Some(type_id) = builtin_type_at(type_word) {
                return type_id;
            }
            return self.native_type_of_type(Obj(type_word));
        }
        if obj.is_small() {
            return TypeId::Int;
        }
        if obj.is_qstr() {
            return TypeId::Str;
        }
        self.native_type_of_type(self.type_of(obj))
    }

    /// The builtin type of a static object (a type or a builtin function:
    /// what calls and attribute lookups meet most), without computing its
    /// type word.
    #[inline]
    fn static_native_type(&self, obj: Obj) -> TypeId {
        match super::static_index(obj) {
            Some(index) if (index as usize) < TypeId::ALL.len() => TypeId::Type,
            Some(index) if (super::FN_BASE..super::SINGLETON_BASE).contains(&index) => TypeId::BuiltinFunction,
            _ => self.native_type_of_type(self.type_of(obj)),
        }
    }

    /// The builtin type a type object is or derives from.
    pub fn native_type_of_type(&self, type_obj: Obj) -> TypeId {
        match TypeId::from_obj(type_obj) {
            Some(type_id) => type_id,
            None => TypeId::from_obj(self.get(type_obj, 4)).unwrap_or(TypeId::Object),
        }
    }

    /// Whether `type_obj` is a class made by a `class` statement.
    pub fn is_class(&self, type_obj: Obj) -> bool {
        self.is_heap(type_obj) && self.get(type_obj, 0) == TypeId::Type.obj()
    }

    /// Whether `obj` is a type object.
    pub fn is_type(&self, obj: Obj) -> bool {
        TypeId::from_obj(obj).is_some() || self.is_class(obj)
    }

    /// The qstr id of a type object's name.
    pub fn type_name_of_type(&self, type_obj: Obj) -> u32 {
        match TypeId::from_obj(type_obj) {
            Some(type_id) => u32::from(type_id.name()),
            None => self.get(type_obj, 1).qstr_id(),
        }
    }

    /// The qstr id of the name of `obj`'s type.
    pub fn type_name(&self, obj: Obj) -> u32 {
        let type_obj = self.type_of(obj);
        self.type_name_of_type(type_obj)
    }

    /// Whether type `sub` is `sup` or derives from it.
    pub fn is_subclass(&self, sub: Obj, sup: Obj) -> bool {
        self.is_subclass_depth(sub, sup, 0)
    }

    fn is_subclass_depth(&self, sub: Obj, sup: Obj, depth: u32) -> bool {
        if sub == sup {
            return true;
        }
        if depth > 32 {
            return false;
        }
        if let Some(sub_id) = TypeId::from_obj(sub) {
            if sub_id == TypeId::Bool && TypeId::from_obj(sup) == Some(TypeId::Int) {
                // MicroPython's bool type has no base: isinstance(True, int) is False.
                return false;
            }
            return match TypeId::from_obj(sup) {
                Some(sup_id) => sub_id.is_subtype_of(sup_id),
                None => false,
            };
        }
        if sup == TypeId::Object.obj() {
            return true;
        }
        if !self.is_class(sub) {
            return false;
        }
        let bases = self.get(sub, 2);
        let count = self.tuple_len(bases);
        (0..count).any(|index| self.is_subclass_depth(self.tuple_item(bases, index), sup, depth + 1))
    }

    /// `isinstance(obj, type_obj)` for one type.
    pub fn is_instance(&self, obj: Obj, type_obj: Obj) -> bool {
        let own = self.type_of(obj);
        self.is_subclass(own, type_obj)
    }

    /// Whether `obj` is an instance of builtin type `type_id` (or a subclass).
    pub fn is_a(&self, obj: Obj, type_id: TypeId) -> bool {
        self.native_type(obj).is_subtype_of(type_id)
    }

    /// Whether `obj` is an exception instance.
    pub fn is_exception(&self, obj: Obj) -> bool {
        obj.is_ptr() && self.native_type(obj).is_exception()
    }

    /// A new exception instance of type `type_obj` with `args` (made even
    /// with the heap locked, see [`Vm::building_exception`]).
    pub fn new_exception(&mut self, type_obj: Obj, args: &[Obj]) -> R {
        let mark = self.root_mark();
        let exc = self.building_exception(|vm| {
            let tuple = vm.new_tuple(args)?;
            vm.push_root(tuple)?;
            let exc = vm.alloc(4)?;
            vm.set(exc, 1, tuple);
            Ok(exc)
        });
        self.pop_roots(mark);
        let exc = exc?;
        self.set(exc, 0, type_obj);
        self.set(exc, 2, Obj::NULL);
        self.set(exc, 3, Obj::NULL);
        Ok(exc)
    }

    /// The args tuple of an exception.
    pub fn exception_args(&self, exc: Obj) -> Obj {
        // Static exceptions (MemoryError, the root-stack RuntimeError) have
        // their args in their computed word 1, like heap exceptions.
        self.get(exc, 1)
    }

    /// Whether `obj` (an exception instance or type) matches `type_obj`, which
    /// may be a tuple of types (for `except (A, B):`).
    pub fn exception_matches(&self, obj: Obj, type_obj: Obj) -> bool {
        let own = if self.is_type(obj) { obj } else { self.type_of(obj) };
        if self.native_type(type_obj) == TypeId::Tuple && !self.is_type(type_obj) {
            let count = self.tuple_len(type_obj);
            return (0..count).any(|index| self.is_subclass(own, self.tuple_item(type_obj, index)));
        }
        self.is_subclass(own, type_obj)
    }

    /// Makes an exception instance out of what `raise` was given: an instance
    /// stays, a type is called with no arguments.
    pub fn make_raisable(&mut self, obj: Obj) -> R {
        if self.is_type(obj) {
            if self.native_type_of_type(obj).is_exception() {
                // A class's `__new__` may make anything: only an exception will do.
                let made = self.call(obj, &[], &[])?;
                if self.is_exception(made) {
                    return Ok(made);
                }
            }
        } else if self.is_exception(obj) {
            return Ok(obj);
        }
        Err(self.raise_msg(TypeId::TypeError, "exceptions must derive from BaseException"))
    }
}

/// The builtin type whose static type object is at `address`, if it is one.
#[inline]
fn builtin_type_at(address: u32) -> Option<TypeId> {
    let offset = address.wrapping_sub(STATIC_BASE);
    if offset % 16 != 0 {
        return None;
    }
    TypeId::ALL.get((offset / 16) as usize).copied()
}

/// `BuiltinFunction` for a builtin function's static object, `Type` for a
/// builtin type's: the static objects calls and `isinstance` meet most.
#[inline]
fn builtin_function_or_type_at(address: u32) -> Option<TypeId> {
    let offset = address.wrapping_sub(STATIC_BASE);
    if offset % 16 != 0 {
        return None;
    }
    let index = offset / 16;
    if (super::FN_BASE..super::SINGLETON_BASE).contains(&index) {
        Some(TypeId::BuiltinFunction)
    } else if (index as usize) < TypeId::ALL.len() {
        Some(TypeId::Type)
    } else {
        None
    }
}
