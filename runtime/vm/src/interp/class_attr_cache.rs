//! Where a plain class keeps a name it or a base defines: what
//! `LOAD_METHOD` on an instance needs after the instance's own dict lacked
//! the name (a method, mostly), found without walking the class and its
//! bases again.
//!
//! An entry remembers, for a class and a name, the `dict_keys_version` of
//! its fill and where the value was, as the global site cache does
//! (`global_site.rs`): the heap address of the word holding it (a RAM
//! table's value word, or the RAM array word of a flash table's marker), or
//! the value itself (a flash table's constant). Every class dict the fill
//! looked in, from the class's own down the single chain of bases to the one
//! holding the name, is watched from then on (`Vm::map_watch_keys`). So
//! while `dict_keys_version` is unchanged none of them gained or lost a key
//! or took a new table: the name is still found first in the same dict, at
//! the same word, and a value stored there since is read from that word. A
//! class with several bases is not remembered. The cache is emptied at every
//! collection (a freed class's address may be a new class's) and when the
//! version wraps.

use crate::obj::{Obj, TypeId};
use crate::vm::Vm;
use core::cell::Cell;

/// Entries of [`Vm::class_attr_cache`] (a power of two).
pub(crate) const CLASS_ATTR_CACHE_SIZE: usize = 32;

/// The longest chain of bases a fill follows.
const MAX_CHAIN: usize = 8;

/// One remembered class attribute (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct ClassAttr {
    /// The class's address (0: empty).
    class: u32,
    name: u32,
    version: u32,
    /// The heap address of the word holding the value, or the value.
    word: u32,
    direct: bool,
}

impl ClassAttr {
    pub(crate) const EMPTY: ClassAttr = ClassAttr { class: 0, name: 0, version: 0, word: 0, direct: false };
}

/// An empty cache.
pub(crate) fn empty_class_attr_cache() -> [Cell<ClassAttr>; CLASS_ATTR_CACHE_SIZE] {
    [const { Cell::new(ClassAttr::EMPTY) }; CLASS_ATTR_CACHE_SIZE]
}

#[inline(always)]
fn class_attr_slot(class: Obj, name: Obj) -> usize {
    let mixed = (class.0 ^ name.0.rotate_left(16)).wrapping_mul(0x9e37_79b1);
    (mixed >> 27) as usize % CLASS_ATTR_CACHE_SIZE
}

impl Vm<'_> {
    /// `name` as a class over `object` (a heap class) or its bases define
    /// it, when the cache knows it.
    #[inline(always)]
    pub(crate) fn cached_class_attr(&self, class: Obj, name: Obj) -> Option<Obj> {
        let entry = self.class_attr_cache[class_attr_slot(class, name)].get();
        if entry.class != class.0 || entry.name != name.0 || entry.version != self.dict_keys_version {
            return None;
        }
        Some(if entry.direct { Obj(entry.word) } else { Obj(self.heap.word(entry.word)) })
    }

    /// Remembers where `class` (a heap class over `object`) finds `name`,
    /// which `class_lookup` just found: nothing when the chain of bases
    /// forks, is longer than [`MAX_CHAIN`], or ends without the name.
    pub(crate) fn remember_class_attr(&mut self, class: Obj, name: Obj) {
        let mut current = class;
        for _ in 0..MAX_CHAIN {
            if TypeId::from_obj(current).is_some() || !self.is_heap(current) {
                return;
            }
            let locals = self.get(current, 3);
            if !self.is_heap(locals) {
                return;
            }
            self.map_watch_keys(locals);
            if let Some((entry, _)) = self.map_find_qstr(locals, name) {
                let Some((word, direct)) = self.map_value_location(locals, entry) else { return };
                let remembered =
                    ClassAttr { class: class.0, name: name.0, version: self.dict_keys_version, word, direct };
                self.class_attr_cache[class_attr_slot(class, name)].set(remembered);
                return;
            }
            let bases = self.get(current, 2);
            if self.tuple_len(bases) != 1 {
                return;
            }
            current = self.tuple_item(bases, 0);
        }
    }

    /// Forgets every remembered class attribute.
    pub(crate) fn forget_class_attrs(&self) {
        for entry in &self.class_attr_cache {
            entry.set(ClassAttr::EMPTY);
        }
    }
}
