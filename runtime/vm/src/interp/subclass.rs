//! Classes derived from builtin types other than `object`, `list`, `dict`
//! and the exceptions (whose instances have their own layouts, see
//! `class.rs`): `tuple`, `str`, `bytes`, `bytearray`, the sets,
//! `map`, `filter`, `zip`, `enumerate`, `deque`, `array` and the `io`
//! streams.
//!
//! An instance of such a class is a fresh builtin object of the base's
//! layout whose type word is the class (as a namedtuple's instances are
//! tuples typed with their class), so every builtin operation and method
//! applies to it unchanged, and a class may still override them with its
//! own methods. Its allocation has one word more than the layout needs:
//! the last word of the allocation holds the instance's dict (NULL until
//! an attribute is stored; namedtuple instances refuse attributes, as
//! MicroPython's do).

use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// Whether a class may derive from the builtin `native` with instances
/// made by [`Vm::new_retyped_instance`].
pub fn is_retyped_base(native: TypeId) -> bool {
    matches!(
        native,
        TypeId::Tuple
            | TypeId::Str
            | TypeId::Bytes
            | TypeId::ByteArray
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::Map
            | TypeId::Filter
            | TypeId::Zip
            | TypeId::Enumerate
            | TypeId::Deque
            | TypeId::Array
            | TypeId::StringIO
            | TypeId::BytesIO
    )
}

impl Vm<'_> {
    /// Whether `class` is a namedtuple class or derives from one (its
    /// fields are kept under `<fields>`, see `modules::collections`).
    pub fn is_namedtuple_class(&mut self, class: Obj) -> bool {
        self.is_class(class) && self.class_lookup(class, q!("<fields>")).is_some()
    }

    /// A new instance of `class`, derived from the builtin `native` (one
    /// of [`is_retyped_base`]): the builtin made from the call's arguments,
    /// copied into an object of its own and typed with the class.
    pub fn new_retyped_instance(&mut self, class: Obj, native: TypeId, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        let base = crate::builtins::construct(self, native, args, kw)?;
        let mark = self.root_mark();
        self.push_root(base)?;
        let copy = self.fresh_copy(native, base);
        self.pop_roots(mark);
        let instance = copy?;
        self.set(instance, 0, class);
        self.set_instance_dict_word(instance, Obj::NULL);
        Ok(instance)
    }

    /// The word of `instance` (of a class over one of [`is_retyped_base`])
    /// that holds its dict: the last word of its allocation.
    pub fn instance_dict_word(&self, instance: Obj) -> u32 {
        (self.heap.allocation_bytes(instance.0) / 4).saturating_sub(1) as u32
    }

    /// Sets the dict word of a retyped instance (see [`Vm::instance_dict_word`]).
    pub fn set_instance_dict_word(&mut self, instance: Obj, dict: Obj) {
        let word = self.instance_dict_word(instance);
        self.set(instance, word, dict);
    }

    /// A new heap object holding the same value as `base`, a `native`
    /// object (the constructor may have handed out a shared one: the empty
    /// tuple, a qstr, the very argument it was given), with at least one
    /// word to spare at the end of its allocation for the dict.
    fn fresh_copy(&mut self, native: TypeId, base: Obj) -> R<Obj> {
        match native {
            TypeId::Str | TypeId::Bytes => {
                let len = self.str_len(base);
                // The data inline after the header, NUL-terminated, and a
                // word for the dict after it.
                let copy = self.alloc_typed(native, 4 + (len + 1).div_ceil(4) + 1)?;
                self.set_u(copy, 2, len as u32);
                self.set_u(copy, 3, copy.0 + 16);
                let mut done = 0;
                while done < len {
                    let mut chunk = [0u8; 64];
                    let take = (len - done).min(chunk.len());
                    chunk[..take].copy_from_slice(&self.str_bytes(base)[done..done + take]);
                    self.heap.bytes_mut(copy.0 + 16 + done as u32, take).copy_from_slice(&chunk[..take]);
                    done += take;
                }
                Ok(copy)
            }
            TypeId::Tuple => {
                let len = self.tuple_len(base);
                let copy = self.alloc_typed(TypeId::Tuple, 3 + len as usize)?;
                self.set_u(copy, 1, len);
                for index in 0..len {
                    let item = self.tuple_item(base, index);
                    self.set(copy, 2 + index, item);
                }
                Ok(copy)
            }
            _ => {
                // The other layouts are fixed and point only at other blocks:
                // a word-for-word copy of a fresh heap object will do.
                if !self.is_heap(base) {
                    return Err(self.raise_msg(TypeId::TypeError, "can't subclass this builtin value"));
                }
                let words = self.heap.allocation_bytes(base.0) / 4;
                let copy = self.alloc(words + 1)?;
                for index in 0..words as u32 {
                    let word = self.get_u(base, index);
                    self.set_u(copy, index, word);
                }
                Ok(copy)
            }
        }
    }
}
