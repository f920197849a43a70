//! The per-file qstr and constant tables, and the hash index behind them.
//!
//! The code generator looks up every identifier and every qstr once per pass
//! (scope, stack size, code size, emit), so these lookups are the hottest
//! path of compilation. A `BTreeMap<String, usize>` compared whole strings
//! about a dozen times per lookup and kept a second copy of every key; this
//! index stores only a 32-bit hash and the position per slot, and compares
//! the key once, against the caller's own table, when the hashes agree.
//! The crate is `no_std`, so there is no `HashMap`; open addressing with
//! linear probing is simple and fast for the few hundred names of a file.
//! [`NameIndex`] also indexes the identifiers of each scope (`scope.rs`).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::fold::ConstObj;

/// The hash of a name: FxHash over 8-byte words, with the length mixed in.
pub fn hash_name(name: &str) -> u32 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let bytes = name.as_bytes();
    let mut hash = (bytes.len() as u64).wrapping_mul(SEED);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    (hash >> 32) as u32 ^ hash as u32
}

/// One slot: the hash of the name and its position plus one (0 is empty).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    hash: u32,
    position: u32,
}

/// Maps names to positions; the names themselves live in the caller's table
/// and are passed in through `key` for the final comparison.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    slots: Vec<Slot>,
    len: usize,
}

impl NameIndex {
    /// The position recorded for `name`, if any. `key(position)` must return
    /// the name stored at `position` in the caller's table.
    pub fn find<'k>(&self, name: &str, key: impl Fn(usize) -> &'k str) -> Option<usize> {
        self.find_hashed(hash_name(name), name, key)
    }

    fn find_hashed<'k>(&self, hash: u32, name: &str, key: impl Fn(usize) -> &'k str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut index = hash as usize & mask;
        loop {
            let slot = self.slots[index];
            if slot.position == 0 {
                return None;
            }
            if slot.hash == hash {
                let position = slot.position as usize - 1;
                if key(position) == name {
                    return Some(position);
                }
            }
            index = (index + 1) & mask;
        }
    }

    /// The position of `name`, or `None` after recording it at `position`
    /// (the caller then stores the name there).
    pub fn find_or_insert<'k>(&mut self, name: &str, position: usize, key: impl Fn(usize) -> &'k str) -> Option<usize> {
        let hash = hash_name(name);
        if let Some(found) = self.find_hashed(hash, name, key) {
            return Some(found);
        }
        self.insert_hashed(hash, position);
        None
    }

    /// Records `position` for a name known to be absent.
    pub fn insert(&mut self, name: &str, position: usize) {
        self.insert_hashed(hash_name(name), position);
    }

    fn insert_hashed(&mut self, hash: u32, position: usize) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = hash as usize & mask;
        while self.slots[index].position != 0 {
            index = (index + 1) & mask;
        }
        self.slots[index] = Slot { hash, position: position as u32 + 1 };
        self.len += 1;
    }

    /// Doubles the table (starting at 16 slots) and re-inserts every entry
    /// by its stored hash, so no key has to be hashed again.
    fn grow(&mut self) {
        let capacity = (self.slots.len() * 2).max(16);
        let old = core::mem::replace(&mut self.slots, vec![Slot::default(); capacity]);
        let mask = capacity - 1;
        for slot in old.into_iter().filter(|slot| slot.position != 0) {
            let mut index = slot.hash as usize & mask;
            while self.slots[index].position != 0 {
                index = (index + 1) & mask;
            }
            self.slots[index] = slot;
        }
    }

    /// Forgets every entry, keeping the allocation.
    pub fn clear(&mut self) {
        self.slots.iter_mut().for_each(|slot| *slot = Slot::default());
        self.len = 0;
    }
}

/// The per-file qstr and constant tables, shared by every scope.
#[derive(Clone, Debug, Default)]
pub struct ModuleTables {
    pub qstrs: Vec<String>,
    pub objects: Vec<ConstObj>,
    qstr_index: NameIndex,
    /// `(origin, index into objects)` of each NaN constant: see [`Self::use_object_from`].
    nan_origins: Vec<(u32, usize)>,
}

/// Whether `obj` is, or holds, a NaN (and so equals no other constant).
fn holds_nan(obj: &ConstObj) -> bool {
    match obj {
        ConstObj::Float(value) => value.is_nan(),
        ConstObj::Complex(real, imag) => real.is_nan() || imag.is_nan(),
        ConstObj::Tuple(items) => items.iter().any(holds_nan),
        _ => false,
    }
}

/// The origin of `math.nan`, which is one object however often it is used.
pub const MATH_NAN_ORIGIN: u32 = u32::MAX;

impl ModuleTables {
    pub fn use_qstr(&mut self, name: &str) -> usize {
        let qstrs = &self.qstrs;
        if let Some(index) = self.qstr_index.find_or_insert(name, qstrs.len(), |position| qstrs[position].as_str()) {
            return index;
        }
        self.qstrs.push(String::from(name));
        self.qstrs.len() - 1
    }

    /// Like [`Self::use_object`], for a constant that the expression at
    /// `origin` (its span start, or [`MATH_NAN_ORIGIN`]) evaluates to. A NaN
    /// equals nothing, so MicroPython tells its NaN constants apart by object
    /// identity: `math.nan` is a single object, while each folded expression
    /// that gives NaN (`-math.nan`) makes one object of its own, shared by
    /// every pass over that expression. The origin stands for that identity.
    /// A tuple holding a NaN is the same case: it never equals itself.
    pub fn use_object_from(&mut self, obj: &ConstObj, origin: u32) -> usize {
        if !holds_nan(obj) {
            return self.use_object(obj);
        }
        if let Some((_, index)) = self.nan_origins.iter().find(|(known, _)| *known == origin) {
            return *index;
        }
        self.objects.push(obj.clone());
        let index = self.objects.len() - 1;
        self.nan_origins.push((origin, index));
        index
    }

    pub fn use_object(&mut self, obj: &ConstObj) -> usize {
        if let Some(index) = self.objects.iter().position(|o| o.strictly_equal(obj)) {
            return index;
        }
        self.objects.push(obj.clone());
        self.objects.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn finds_every_inserted_name_and_nothing_else() {
        let names: Vec<String> = (0..500).map(|i| format!("name_{i}")).collect();
        let mut index = NameIndex::default();
        for (position, name) in names.iter().enumerate() {
            assert_eq!(index.find_or_insert(name, position, |p| names[p].as_str()), None);
        }
        for (position, name) in names.iter().enumerate() {
            assert_eq!(index.find(name, |p| names[p].as_str()), Some(position));
            assert_eq!(index.find_or_insert(name, 9999, |p| names[p].as_str()), Some(position));
        }
        assert_eq!(index.find("name_500", |p| names[p].as_str()), None);
        assert_eq!(index.find("", |p| names[p].as_str()), None);
        index.clear();
        assert_eq!(index.find("name_1", |p| names[p].as_str()), None);
    }

    #[test]
    fn hashes_differ_for_names_that_share_a_prefix() {
        assert_ne!(hash_name("abcdefgh1"), hash_name("abcdefgh2"));
        assert_ne!(hash_name("a"), hash_name("a\0"));
    }
}
