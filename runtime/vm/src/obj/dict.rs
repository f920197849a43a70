//! Dicts and sets: open addressing over an insertion-ordered entry array.
//!
//! Layout (words): `type, count, capacity, table address`. The table block is
//! `filled entries, entries (key, value) × capacity, index × 2·capacity`; an
//! index slot holds `entry number + 1` (0 = empty) and is probed linearly
//! from `hash & (2·capacity − 1)`. A deleted entry keeps its slot with the key
//! NULL until the table is rebuilt. Iteration follows insertion order, as in
//! CPython. Sets use the same layout with the value equal to the key.

use super::{Obj, TypeId};
use crate::vm::{Vm, R};

const TABLE_ENTRIES: u32 = 1;

impl Vm<'_> {
    /// A new dict with room for `capacity` entries.
    pub fn new_dict(&mut self, capacity: usize) -> R<Obj> {
        self.new_map(TypeId::Dict, capacity)
    }

    /// A new empty set or frozenset (or dict).
    pub fn new_map(&mut self, type_id: TypeId, capacity: usize) -> R<Obj> {
        let map = self.alloc_typed(type_id, 4)?;
        let capacity = (capacity.max(4) as u32).next_power_of_two();
        let mark = self.root_mark();
        self.push_root(map)?;
        let table = self.alloc(1 + 4 * capacity as usize)?;
        self.pop_roots(mark);
        self.set_u(map, 1, 0);
        self.set_u(map, 2, capacity);
        self.set(map, 3, table);
        Ok(map)
    }

    pub fn map_len(&self, map: Obj) -> u32 {
        self.get_u(map, 1)
    }

    /// The number of entry slots in use (live and deleted).
    pub fn map_filled(&self, map: Obj) -> u32 {
        let table = self.get(map, 3);
        self.get_u(table, 0)
    }

    /// Entry `index` (0..filled): `(key, value)`; key NULL when deleted.
    pub fn map_entry(&self, map: Obj, index: u32) -> (Obj, Obj) {
        let table = self.get(map, 3);
        (self.get(table, TABLE_ENTRIES + 2 * index), self.get(table, TABLE_ENTRIES + 2 * index + 1))
    }

    /// Finds `key`: `Ok(Some(entry index))`.
    pub fn map_find(&mut self, map: Obj, key: Obj) -> R<Option<u32>> {
        let hash = self.hash(key)?;
        self.map_find_hashed(map, key, hash)
    }

    fn map_find_hashed(&mut self, map: Obj, key: Obj, hash: u32) -> R<Option<u32>> {
        let capacity = self.get_u(map, 2);
        let table = self.get(map, 3);
        let index_base = TABLE_ENTRIES + 2 * capacity;
        let mask = 2 * capacity - 1;
        let mut slot = hash & mask;
        for _ in 0..2 * capacity {
            let entry = self.get_u(table, index_base + slot);
            if entry == 0 {
                return Ok(None);
            }
            let entry = entry - 1;
            let candidate = self.get(table, TABLE_ENTRIES + 2 * entry);
            if candidate == key {
                return Ok(Some(entry));
            }
            if !candidate.is_null() && self.keys_equal(candidate, key, hash)? {
                return Ok(Some(entry));
            }
            slot = (slot + 1) & mask;
        }
        Ok(None)
    }

    fn keys_equal(&mut self, candidate: Obj, key: Obj, hash: u32) -> R<bool> {
        // Two qstrs are equal only if they are the same word.
        if candidate.is_qstr() && key.is_qstr() {
            return Ok(false);
        }
        if candidate.is_small() && key.is_small() {
            return Ok(false);
        }
        if self.is_str(candidate) && self.is_str(key) {
            return Ok(self.str_hash(candidate) == hash && self.str_bytes(candidate) == self.str_bytes(key));
        }
        self.equal(candidate, key)
    }

    /// `map[key]`, or None when absent.
    pub fn map_get(&mut self, map: Obj, key: Obj) -> R<Option<Obj>> {
        Ok(self.map_find(map, key)?.map(|entry| self.map_entry(map, entry).1))
    }

    /// Looks up a qstr key without hashing through `hash` (fast path for names).
    pub fn map_get_qstr(&mut self, map: Obj, key: Obj) -> Option<Obj> {
        let hash = self.qstr_hash(key.qstr_id());
        let capacity = self.get_u(map, 2);
        let table = self.get(map, 3);
        let index_base = TABLE_ENTRIES + 2 * capacity;
        let mask = 2 * capacity - 1;
        let mut slot = hash & mask;
        for _ in 0..2 * capacity {
            let entry = self.get_u(table, index_base + slot);
            if entry == 0 {
                return None;
            }
            let entry = entry - 1;
            let candidate = self.get(table, TABLE_ENTRIES + 2 * entry);
            if candidate == key
                || (!candidate.is_qstr()
                    && self.is_str(candidate)
                    && self.str_bytes(candidate) == self.qstr_bytes(key.qstr_id()))
            {
                return Some(self.get(table, TABLE_ENTRIES + 2 * entry + 1));
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// A qstr key's entry index and value, probed as [`Vm::map_get_qstr`]
    /// probes (a copy of it, to keep that one as lean as it is).
    pub fn map_find_qstr(&self, map: Obj, key: Obj) -> Option<(u32, Obj)> {
        let hash = self.qstr_hash(key.qstr_id());
        let capacity = self.get_u(map, 2);
        let table = self.get(map, 3);
        let index_base = TABLE_ENTRIES + 2 * capacity;
        let mask = 2 * capacity - 1;
        let mut slot = hash & mask;
        for _ in 0..2 * capacity {
            let entry = self.get_u(table, index_base + slot);
            if entry == 0 {
                return None;
            }
            let entry = entry - 1;
            let candidate = self.get(table, TABLE_ENTRIES + 2 * entry);
            if candidate == key
                || (!candidate.is_qstr()
                    && self.is_str(candidate)
                    && self.str_bytes(candidate) == self.qstr_bytes(key.qstr_id()))
            {
                return Some((entry, self.get(table, TABLE_ENTRIES + 2 * entry + 1)));
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// `map[key] = value`. Key and value must be rooted by the caller.
    pub fn map_set(&mut self, map: Obj, key: Obj, value: Obj) -> R<()> {
        let hash = self.hash(key)?;
        if let Some(entry) = self.map_find_hashed(map, key, hash)? {
            let table = self.get(map, 3);
            self.set(table, TABLE_ENTRIES + 2 * entry + 1, value);
            return Ok(());
        }
        let capacity = self.get_u(map, 2);
        if self.map_filled(map) >= capacity {
            let mark = self.root_mark();
            self.push_root(key)?;
            self.push_root(value)?;
            let live = self.map_len(map);
            let new_capacity = if live + 1 > capacity / 2 { capacity * 2 } else { capacity };
            self.map_rebuild(map, new_capacity)?;
            self.pop_roots(mark);
        }
        let table = self.get(map, 3);
        let entry = self.get_u(table, 0);
        self.set(table, TABLE_ENTRIES + 2 * entry, key);
        self.set(table, TABLE_ENTRIES + 2 * entry + 1, value);
        self.set_u(table, 0, entry + 1);
        self.map_index_insert(map, hash, entry);
        let count = self.map_len(map);
        self.set_u(map, 1, count + 1);
        Ok(())
    }

    fn map_index_insert(&mut self, map: Obj, hash: u32, entry: u32) {
        let capacity = self.get_u(map, 2);
        let table = self.get(map, 3);
        let index_base = TABLE_ENTRIES + 2 * capacity;
        let mask = 2 * capacity - 1;
        let mut slot = hash & mask;
        while self.get_u(table, index_base + slot) != 0 {
            slot = (slot + 1) & mask;
        }
        self.set_u(table, index_base + slot, entry + 1);
    }

    /// Rebuilds the table with `capacity` entries, dropping deleted ones.
    fn map_rebuild(&mut self, map: Obj, capacity: u32) -> R<()> {
        let mark = self.root_mark();
        self.push_root(map)?;
        let new_table = self.alloc(1 + 4 * capacity as usize)?;
        self.pop_roots(mark);
        let old_table = self.get(map, 3);
        let filled = self.get_u(old_table, 0);
        self.set(map, 3, new_table);
        self.set_u(map, 2, capacity);
        let mut count = 0;
        for index in 0..filled {
            let key = self.get(old_table, TABLE_ENTRIES + 2 * index);
            if key.is_null() {
                continue;
            }
            let value = self.get(old_table, TABLE_ENTRIES + 2 * index + 1);
            self.set(new_table, TABLE_ENTRIES + 2 * count, key);
            self.set(new_table, TABLE_ENTRIES + 2 * count + 1, value);
            // Hashing a key already in a dict cannot fail or call Python for builtin keys.
            let hash = self.hash(key).unwrap_or(0);
            self.set_u(new_table, 0, count + 1);
            self.map_index_insert(map, hash, count);
            count += 1;
        }
        self.free(old_table);
        Ok(())
    }

    /// Removes `key`; returns its value, or None if absent.
    pub fn map_remove(&mut self, map: Obj, key: Obj) -> R<Option<Obj>> {
        let Some(entry) = self.map_find(map, key)? else { return Ok(None) };
        let table = self.get(map, 3);
        let value = self.get(table, TABLE_ENTRIES + 2 * entry + 1);
        self.set(table, TABLE_ENTRIES + 2 * entry, Obj::NULL);
        self.set(table, TABLE_ENTRIES + 2 * entry + 1, Obj::NULL);
        let count = self.map_len(map);
        self.set_u(map, 1, count - 1);
        Ok(Some(value))
    }

    /// Removes every entry.
    pub fn map_clear(&mut self, map: Obj) -> R<()> {
        self.map_rebuild_empty(map)
    }

    fn map_rebuild_empty(&mut self, map: Obj) -> R<()> {
        let capacity = 4;
        let mark = self.root_mark();
        self.push_root(map)?;
        let table = self.alloc(1 + 4 * capacity)?;
        self.pop_roots(mark);
        self.set(map, 3, table);
        self.set_u(map, 2, capacity as u32);
        self.set_u(map, 1, 0);
        Ok(())
    }

    /// The next live entry at or after `index`: `(entry index, key, value)`.
    pub fn map_next(&self, map: Obj, mut index: u32) -> Option<(u32, Obj, Obj)> {
        let filled = self.map_filled(map);
        while index < filled {
            let (key, value) = self.map_entry(map, index);
            if !key.is_null() {
                return Some((index, key, value));
            }
            index += 1;
        }
        None
    }

    /// Adds `key` to a set.
    pub fn set_add(&mut self, set: Obj, key: Obj) -> R<()> {
        self.map_set(set, key, key)
    }

    /// A shallow copy of a dict or set, of type `type_id`.
    pub fn map_copy(&mut self, map: Obj, type_id: TypeId) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(map)?;
        let copy = self.new_map(type_id, self.map_len(map) as usize)?;
        self.push_root(copy)?;
        let mut index = 0;
        while let Some((entry, key, value)) = self.map_next(map, index) {
            self.map_set(copy, key, value)?;
            index = entry + 1;
        }
        self.pop_roots(mark);
        Ok(copy)
    }
}
