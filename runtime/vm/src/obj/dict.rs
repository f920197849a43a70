//! Dicts and sets: open addressing over an insertion-ordered entry array.
//!
//! Layout (words): `type, shape, capacity, table address`. The table block is
//! `filled entries, entries (key, value) × capacity, index`. The index is a
//! power-of-two number of slots, more than one and a half times the capacity,
//! each one byte wide while the capacity is below 256 (two bytes below 65,536,
//! four above); a slot holds `entry number + 1` (0 = empty) and is probed
//! linearly from `hash & (slots − 1)`. Word 1 is the live count; word 2 holds
//! the capacity in its low 27 bits and the base-2 logarithm of the slot count
//! in its top 5, so a lookup needs no division and no leading-zero count
//! (Cortex-M0 has neither). A deleted entry keeps its slot with the key NULL
//! until the table is rebuilt. Iteration follows insertion order, as in
//! CPython. Sets and frozensets use the same layout with keys only (one word
//! per entry, as MicroPython's sets): bit 26 of word 2 ([`KEYS_ONLY`]) says
//! so, and their entries read as `(key, key)`. Bit 25 ([`KEYS_WATCHED`])
//! marks a map whose key insertions and removals bump
//! `Vm::dict_keys_version` (what the builtin miss cache checks).
//!
//! Sizes are exact: a map is made with the capacity its maker asks for (the
//! rest of the table's last GC block is filled with entries, since it costs
//! nothing), and a full map grows as MicroPython's do: by two entries up to
//! a dozen, then by a quarter, a third and a half as it gets larger.
//! [`Vm::map_shrink_to_fit`] gives a finished namespace (a module's globals
//! after its body, a class's dict) back its slack.
//!
//! A map's table may lie in the image: a class dict whose body stored just
//! what the freezer laid out (a flash namespace, `interp::flash`). Reads
//! work in place; the first write gives the map a RAM copy of its table.
//! A flash table may hold markers for values only the body's run knew
//! (`rime_bytecode::image::uncertain_word`): the map then keeps those values
//! in a RAM array of one word each, whose address takes word 1's place (the
//! live count is then the flash table's filled count, a flash table having
//! no deleted entries). Every read substitutes a marker by its array word;
//! storing again a name whose value is a marker writes the array.

use super::{Obj, TypeId};
use crate::gc::BYTES_PER_BLOCK;
use crate::vm::{Vm, R};
use rime_bytecode::image::{is_uncertain_word, HEAP_BASE, UNCERTAIN_BASE};

/// The word of a table block where its entries start (after the filled count).
pub(crate) const TABLE_ENTRIES: u32 = 1;
const CAPACITY_BITS: u32 = 27;
/// Word 2's flag of a table that holds keys only (a set or frozenset).
pub(crate) const KEYS_ONLY: u32 = 1 << 26;
/// Word 2's flag of a map whose key changes bump `Vm::dict_keys_version`
/// (module globals that a builtin lookup missed, see [`Vm::map_watch_keys`]).
const KEYS_WATCHED: u32 = 1 << 25;
const CAPACITY_MASK: u32 = KEYS_WATCHED - 1;

/// Where a map's index lives and how it is read.
#[derive(Clone, Copy)]
struct Shape {
    mask: u32,
    width: u32,
    /// Words per entry: 2 (key, value), or 1 for keys only.
    stride: u32,
    /// The address of slot 0.
    index: u32,
}

/// The byte width of an index slot for `capacity` entries.
#[inline(always)]
const fn slot_width(capacity: u32) -> u32 {
    if capacity < 0x100 {
        1
    } else if capacity < 0x1_0000 {
        2
    } else {
        4
    }
}

/// The base-2 logarithm of the slot count for `capacity` entries: the
/// smallest power of two above one and a half times the capacity, so linear
/// probing stays short and a slot is always empty.
fn slot_shift(capacity: u32) -> u32 {
    match SMALL_SLOT_SHIFTS.get(capacity as usize) {
        Some(&shift) => u32::from(shift),
        None => slot_shift_computed(capacity),
    }
}

/// [`slot_shift`] worked out.
const fn slot_shift_computed(capacity: u32) -> u32 {
    let wanted = capacity + capacity / 2 + 1;
    let mut shift = 0;
    while (1u32 << shift) < wanted {
        shift += 1;
    }
    shift
}

/// The words of the table block for `capacity` entries of `stride` words.
const fn table_words(capacity: u32, stride: u32) -> usize {
    let index_bytes = (1u32 << slot_shift_computed(capacity)) * slot_width(capacity);
    (TABLE_ENTRIES + stride * capacity) as usize + index_bytes.div_ceil(4) as usize
}

/// How many small capacities [`slot_shift`] and [`fitted_capacity`] read
/// from tables made at compile time instead of working out by loops: the
/// sizes of new instance dicts, class dicts and small sets.
const SMALL_CAPACITIES: usize = 64;

static SMALL_SLOT_SHIFTS: [u8; SMALL_CAPACITIES] = {
    let mut table = [0u8; SMALL_CAPACITIES];
    let mut capacity = 0;
    while capacity < SMALL_CAPACITIES {
        table[capacity] = slot_shift_computed(capacity as u32) as u8;
        capacity += 1;
    }
    table
};

/// [`fitted_capacity`] of the small requests, for one and two words per entry.
static SMALL_FITTED: [[u8; 2]; SMALL_CAPACITIES] = {
    let mut table = [[0u8; 2]; SMALL_CAPACITIES];
    let mut wanted = 0;
    while wanted < SMALL_CAPACITIES {
        table[wanted] =
            [fitted_capacity_computed(wanted as u32, 1) as u8, fitted_capacity_computed(wanted as u32, 2) as u8];
        wanted += 1;
    }
    table
};

/// The words per entry of a map whose word 2 is `word`.
#[inline(always)]
fn entry_stride(word: u32) -> u32 {
    2 - ((word >> 26) & 1)
}

/// The capacity actually given for a request of `wanted` entries: `wanted`,
/// plus whatever more fits in the GC blocks the table takes anyway.
fn fitted_capacity(wanted: u32, stride: u32) -> u32 {
    match SMALL_FITTED.get(wanted as usize) {
        Some(fitted) => u32::from(fitted[(stride as usize - 1) & 1]),
        None => fitted_capacity_computed(wanted, stride),
    }
}

/// [`fitted_capacity`] worked out.
const fn fitted_capacity_computed(wanted: u32, stride: u32) -> u32 {
    let blocks = (table_words(wanted, stride) * 4).div_ceil(BYTES_PER_BLOCK);
    let mut capacity = wanted;
    while table_words(capacity + 1, stride) * 4 <= blocks * BYTES_PER_BLOCK {
        capacity += 1;
    }
    capacity
}

/// The capacity a full map of `capacity` entries grows to, in MicroPython's
/// steps: two more up to a dozen, then a quarter more, a third more, and a
/// half more for large maps.
fn grown_capacity(capacity: u32) -> u32 {
    let grown = if capacity < 12 {
        (capacity + 2) & !1
    } else if capacity < 96 {
        capacity + capacity / 4
    } else if capacity < 3000 {
        capacity + capacity / 3
    } else {
        capacity + capacity / 2
    };
    grown.min(CAPACITY_MASK)
}

impl Vm<'_> {
    /// A new dict with room for `capacity` entries.
    pub fn new_dict(&mut self, capacity: usize) -> R<Obj> {
        self.new_map(TypeId::Dict, capacity)
    }

    /// A new empty set or frozenset (or dict) with room for `capacity` entries.
    pub fn new_map(&mut self, type_id: TypeId, capacity: usize) -> R<Obj> {
        let map = self.alloc_typed(type_id, 4)?;
        let keys_only = matches!(type_id, TypeId::Set | TypeId::FrozenSet);
        self.set_u(map, 2, if keys_only { KEYS_ONLY } else { 0 });
        let mark = self.root_mark();
        self.push_root(map)?;
        let installed = self.map_install_table(map, capacity.min(CAPACITY_MASK as usize) as u32);
        self.pop_roots(mark);
        installed?;
        Ok(map)
    }

    /// Gives `map` (rooted by the caller) a new empty table with room for at
    /// least `capacity` entries; returns the old table (NULL for a new map).
    fn map_install_table(&mut self, map: Obj, capacity: u32) -> R<Obj> {
        self.dict_keys_changed(map);
        let flags = self.get_u(map, 2) & (KEYS_ONLY | KEYS_WATCHED);
        let stride = entry_stride(flags & KEYS_ONLY);
        let capacity = fitted_capacity(capacity, stride);
        let table = self.alloc(table_words(capacity, stride))?;
        let old = self.get(map, 3);
        self.set(map, 3, table);
        self.set_u(map, 2, flags | capacity | slot_shift(capacity) << CAPACITY_BITS);
        Ok(old)
    }

    pub fn map_len(&self, map: Obj) -> u32 {
        let live = self.get_u(map, 1);
        // A heap address: the uncertain values of a flash table (module docs).
        if live >= HEAP_BASE {
            return self.map_filled(map);
        }
        live
    }

    /// `value` as read from `map`'s table: a marker of an uncertain value is
    /// replaced by its word of the map's RAM array (see the module docs).
    #[inline(always)]
    fn map_value(&self, map: Obj, value: Obj) -> Obj {
        if is_uncertain_word(value.0) {
            return self.map_uncertain_value(map, (value.0 - UNCERTAIN_BASE) / 4);
        }
        value
    }

    #[inline(never)]
    fn map_uncertain_value(&self, map: Obj, slot: u32) -> Obj {
        let array = self.get(map, 1);
        if !self.is_heap(array) {
            // Only a map that adopted a flash table with markers reads one.
            return Obj::NONE;
        }
        self.get(array, slot)
    }

    /// The number of entries the map holds before its table grows.
    pub fn map_capacity(&self, map: Obj) -> u32 {
        self.get_u(map, 2) & CAPACITY_MASK
    }

    #[inline(always)]
    fn map_shape(&self, map: Obj) -> Shape {
        let word = self.get_u(map, 2);
        if word & KEYS_ONLY != 0 {
            self.map_shape_with::<1>(map, word)
        } else {
            self.map_shape_with::<2>(map, word)
        }
    }

    /// The shape of a map of `STRIDE` words per entry whose word 2 is `word`
    /// (the lookups are made once per stride, so the stride is a constant).
    #[inline(always)]
    fn map_shape_with<const STRIDE: u32>(&self, map: Obj, word: u32) -> Shape {
        let capacity = word & CAPACITY_MASK;
        let table = self.get(map, 3);
        Shape {
            mask: (1u32 << (word >> CAPACITY_BITS)) - 1,
            width: slot_width(capacity),
            stride: STRIDE,
            index: table.0.wrapping_add(4 * (TABLE_ENTRIES + STRIDE * capacity)),
        }
    }

    /// The entry number + 1 in index slot `slot` (0 when empty).
    #[inline(always)]
    fn map_slot(&self, shape: Shape, slot: u32) -> u32 {
        // One-byte slots are by far the most common: every map below 256
        // entries, so every module and class namespace in practice.
        if shape.width == 1 {
            let offset = shape.index.wrapping_add(slot);
            // Tables live on the heap, or in the image for flash namespaces.
            let byte = if offset >= HEAP_BASE { self.heap.bytes(offset, 1) } else { self.image.slice(offset, 1) };
            return byte.first().copied().unwrap_or(0) as u32;
        }
        self.map_wide_slot(shape, slot)
    }

    #[inline(never)]
    fn map_wide_slot(&self, shape: Shape, slot: u32) -> u32 {
        let at = shape.index.wrapping_add(slot * shape.width);
        match self.bytes_at(at, shape.width as usize) {
            [low, high] => u16::from_le_bytes([*low, *high]) as u32,
            _ => self.word(at),
        }
    }

    fn map_set_slot(&mut self, shape: Shape, slot: u32, value: u32) {
        let at = shape.index.wrapping_add(slot * shape.width);
        let width = shape.width as usize;
        let bytes = value.to_le_bytes();
        let target = self.heap.bytes_mut(at, width);
        if target.len() == width {
            target.copy_from_slice(&bytes[..width]);
        }
    }

    /// The number of entry slots in use (live and deleted).
    pub fn map_filled(&self, map: Obj) -> u32 {
        let table = self.get(map, 3);
        self.get_u(table, 0)
    }

    /// Entry `index` (0..filled): `(key, value)`; key NULL when deleted.
    pub fn map_entry(&self, map: Obj, index: u32) -> (Obj, Obj) {
        let table = self.get(map, 3);
        if self.get_u(map, 2) & KEYS_ONLY != 0 {
            let key = self.get(table, TABLE_ENTRIES + index);
            return (key, key);
        }
        let value = self.get(table, TABLE_ENTRIES + 2 * index + 1);
        (self.get(table, TABLE_ENTRIES + 2 * index), self.map_value(map, value))
    }

    /// The value of entry `entry` when that entry's key is `key`: for
    /// callers that guessed where a name lies (None when the guess is wrong).
    #[inline(always)]
    pub fn map_value_at(&self, map: Obj, entry: u32, key: Obj) -> Option<Obj> {
        let table = self.get(map, 3);
        if self.get_u(map, 2) & KEYS_ONLY == 0
            && entry < self.get_u(table, 0)
            && self.get(table, TABLE_ENTRIES + 2 * entry) == key
        {
            // A flash table's value may be a marker naming a slot of the
            // map's RAM array: read through it, as every reader does.
            return Some(self.map_value(map, self.get(table, TABLE_ENTRIES + 2 * entry + 1)));
        }
        None
    }

    /// [`Vm::map_value_at`] for a map whose object and table are in the
    /// heap (an instance dict), read with heap word reads alone; `None` for
    /// anything else, and when the guess is wrong. A RAM table holds no
    /// markers, so its value words are the values.
    #[inline(always)]
    pub fn map_value_at_in_heap(&self, map: Obj, entry: u32, key: Obj) -> Option<Obj> {
        let heap = &self.heap;
        let table = heap.word(map.0.wrapping_add(12));
        if heap.word(map.0.wrapping_add(8)) & KEYS_ONLY == 0
            && entry < heap.word(table)
            && heap.word(table.wrapping_add(4 * (TABLE_ENTRIES + 2 * entry))) == key.0
        {
            return Some(Obj(heap.word(table.wrapping_add(4 * (TABLE_ENTRIES + 2 * entry + 1)))));
        }
        None
    }

    /// [`Vm::map_find_qstr`] for a dict whose table is in the heap with
    /// one-byte index slots (an instance dict, a class or module namespace
    /// made at run time), read with heap word reads alone: `Some(found)`, or
    /// `None` for any other map and when the probe meets a key that is a str
    /// object, which could equal the name (the general lookup decides then).
    #[inline]
    pub fn map_find_qstr_in_heap(&self, map: Obj, key: Obj) -> Option<Option<(u32, Obj)>> {
        let heap = &self.heap;
        let word = heap.word(map.0.wrapping_add(8));
        let table = heap.word(map.0.wrapping_add(12));
        let capacity = word & CAPACITY_MASK;
        if word & KEYS_ONLY != 0 || table < HEAP_BASE || slot_width(capacity) != 1 {
            return None;
        }
        let mask = (1u32 << (word >> CAPACITY_BITS)) - 1;
        let index = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * capacity));
        let mut slot = self.qstr_hash(key.qstr_id()) & mask;
        for _ in 0..=mask {
            // The index is word-aligned: slot `s` is byte `s % 4` of word `s / 4`.
            let entry = (heap.word(index.wrapping_add(slot & !3)) >> (8 * (slot & 3))) & 0xff;
            if entry == 0 {
                return Some(None);
            }
            let at = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * (entry - 1)));
            let candidate = Obj(heap.word(at));
            if candidate == key {
                return Some(Some((entry - 1, Obj(heap.word(at.wrapping_add(4))))));
            }
            if !candidate.is_qstr() && self.is_str(candidate) {
                return None;
            }
            slot = (slot + 1) & mask;
        }
        Some(None)
    }

    /// `map[key] = value` for a qstr key in a dict whose object and table
    /// are in the heap, with one-byte index slots and room for another
    /// entry (an instance dict taking an attribute), with heap word accesses
    /// alone: `Some((entry, added))`, where `added` says whether the key is
    /// new; `None`, and nothing done, for any other map, and when the probe
    /// meets a key that is a str object (which could equal the name).
    #[inline]
    pub(crate) fn map_set_qstr_in_heap(&mut self, map: Obj, key: Obj, value: Obj) -> Option<(u32, bool)> {
        let word = self.heap.word(map.0.wrapping_add(8));
        let table = self.heap.word(map.0.wrapping_add(12));
        let capacity = word & CAPACITY_MASK;
        let live = self.heap.word(map.0.wrapping_add(4));
        if word & KEYS_ONLY != 0 || table < HEAP_BASE || live >= HEAP_BASE || slot_width(capacity) != 1 {
            return None;
        }
        let filled = self.heap.word(table);
        let mask = (1u32 << (word >> CAPACITY_BITS)) - 1;
        let index = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * capacity));
        let mut slot = self.qstr_hash(key.qstr_id()) & mask;
        for _ in 0..=mask {
            // The index is word-aligned: slot `s` is byte `s % 4` of word `s / 4`.
            let at = index.wrapping_add(slot & !3);
            let shift = 8 * (slot & 3);
            let index_word = self.heap.word(at);
            let entry = (index_word >> shift) & 0xff;
            if entry == 0 {
                if filled >= capacity {
                    return None;
                }
                let entry_at = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * filled));
                self.heap.set_word(entry_at, key.0);
                self.heap.set_word(entry_at.wrapping_add(4), value.0);
                self.heap.set_word(table, filled + 1);
                self.heap.set_word(at, index_word | (filled + 1) << shift);
                self.heap.set_word(map.0.wrapping_add(4), live + 1);
                if word & KEYS_WATCHED != 0 {
                    self.bump_dict_keys_version();
                }
                return Some((filled, true));
            }
            let entry_at = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * (entry - 1)));
            let candidate = Obj(self.heap.word(entry_at));
            if candidate == key {
                self.heap.set_word(entry_at.wrapping_add(4), value.0);
                return Some((entry - 1, false));
            }
            if !candidate.is_qstr() && self.is_str(candidate) {
                return None;
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// Replaces the value of entry `entry` when that entry's key is `key`
    /// and the table is in RAM: for callers that guessed where a name lies
    /// (false, and nothing changed, when the guess is wrong).
    #[inline]
    pub fn map_replace_value_at(&mut self, map: Obj, entry: u32, key: Obj, value: Obj) -> bool {
        // Only a heap table is written here, so heap word reads do (0 outside
        // it); RAM tables hold no markers (a flash table's copy has the values).
        let heap = &self.heap;
        let table = Obj(heap.word(map.0.wrapping_add(12)));
        if heap.word(map.0.wrapping_add(8)) & KEYS_ONLY != 0
            || entry >= heap.word(table.0)
            || !self.is_heap(table)
            || heap.word(table.0.wrapping_add(4 * (TABLE_ENTRIES + 2 * entry))) != key.0
        {
            return false;
        }
        self.set(table, TABLE_ENTRIES + 2 * entry + 1, value);
        true
    }

    /// Finds `key`: `Ok(Some(entry index))`.
    pub fn map_find(&mut self, map: Obj, key: Obj) -> R<Option<u32>> {
        let hash = self.hash(key)?;
        self.map_find_hashed(map, key, hash)
    }

    fn map_find_hashed(&mut self, map: Obj, key: Obj, hash: u32) -> R<Option<u32>> {
        let word = self.get_u(map, 2);
        if word & KEYS_ONLY != 0 {
            let shape = self.map_shape_with::<1>(map, word);
            return self.map_find_shaped(map, shape, key, hash);
        }
        let shape = self.map_shape_with::<2>(map, word);
        self.map_find_shaped(map, shape, key, hash)
    }

    #[inline(always)]
    fn map_find_shaped(&mut self, map: Obj, shape: Shape, key: Obj, hash: u32) -> R<Option<u32>> {
        let table = self.get(map, 3);
        // A heap str key (what split, slices and joins make): candidates that
        // are heap strs too are told apart by their stored hashes, and
        // compared by bytes only when those match.
        let key_is_heap_str = self.stored_str_hash(key).is_some();
        let mut slot = hash & shape.mask;
        for _ in 0..=shape.mask {
            let entry = self.map_slot(shape, slot);
            if entry == 0 {
                return Ok(None);
            }
            let entry = entry - 1;
            let candidate = self.get(table, TABLE_ENTRIES + shape.stride * entry);
            if candidate == key {
                return Ok(Some(entry));
            }
            if !candidate.is_null() {
                let stored = if key_is_heap_str { self.stored_str_hash(candidate) } else { None };
                match stored {
                    Some(candidate_hash) => {
                        if candidate_hash == hash && self.heap_str_text(candidate) == self.heap_str_text(key) {
                            return Ok(Some(entry));
                        }
                    }
                    None => {
                        if self.keys_equal(candidate, key, hash)? {
                            return Ok(Some(entry));
                        }
                    }
                }
            }
            slot = (slot + 1) & shape.mask;
        }
        Ok(None)
    }

    /// The bytes of a heap str (`type, hash, length, data`), read without
    /// asking its type again.
    #[inline]
    fn heap_str_text(&self, obj: Obj) -> &[u8] {
        let len = self.heap.word(obj.0.wrapping_add(8));
        let data = self.heap.word(obj.0.wrapping_add(12));
        self.bytes_at(data, len as usize)
    }

    /// The hash a heap str has stored (None for anything else, and for a
    /// str not hashed yet).
    #[inline]
    fn stored_str_hash(&self, obj: Obj) -> Option<u32> {
        if !self.is_heap(obj) || self.heap.word(obj.0) != TypeId::Str.addr() {
            return None;
        }
        let stored = self.heap.word(obj.0.wrapping_add(4));
        (stored != 0).then_some(stored)
    }

    fn keys_equal(&mut self, candidate: Obj, key: Obj, hash: u32) -> R<bool> {
        // Two qstrs are equal only if they are the same word.
        if candidate.is_qstr() && key.is_qstr() {
            return Ok(false);
        }
        if candidate.is_small() && key.is_small() {
            return Ok(false);
        }
        let candidate_type = self.native_type(candidate);
        if candidate_type == TypeId::Str && self.native_type(key) == TypeId::Str {
            return Ok(self.str_equal_hashed(candidate, key, hash));
        }
        self.equal(candidate, key)
    }

    /// `map[key]`, or None when absent.
    pub fn map_get(&mut self, map: Obj, key: Obj) -> R<Option<Obj>> {
        Ok(self.map_find(map, key)?.map(|entry| self.map_entry(map, entry).1))
    }

    /// Looks up a qstr key without hashing through `hash` (fast path for names).
    pub fn map_get_qstr(&mut self, map: Obj, key: Obj) -> Option<Obj> {
        self.map_find_qstr(map, key).map(|(_, value)| value)
    }

    /// A qstr key's entry index and value (the probe of [`Vm::map_get_qstr`]).
    #[inline]
    pub fn map_find_qstr(&self, map: Obj, key: Obj) -> Option<(u32, Obj)> {
        let word = self.get_u(map, 2);
        if word & KEYS_ONLY != 0 {
            return self.map_find_qstr_in_set(map, key);
        }
        let shape = self.map_shape_with::<2>(map, word);
        self.map_find_qstr_shaped(map, shape, key)
    }

    /// [`Vm::map_find_qstr`] in a set (names are looked up in dicts).
    #[inline(never)]
    fn map_find_qstr_in_set(&self, map: Obj, key: Obj) -> Option<(u32, Obj)> {
        let shape = self.map_shape_with::<1>(map, self.get_u(map, 2));
        self.map_find_qstr_shaped(map, shape, key)
    }

    #[inline(always)]
    fn map_find_qstr_shaped(&self, map: Obj, shape: Shape, key: Obj) -> Option<(u32, Obj)> {
        let hash = self.qstr_hash(key.qstr_id());
        let table = self.get(map, 3);
        let mut slot = hash & shape.mask;
        for _ in 0..=shape.mask {
            let entry = self.map_slot(shape, slot);
            if entry == 0 {
                return None;
            }
            let entry = entry - 1;
            let candidate = self.get(table, TABLE_ENTRIES + shape.stride * entry);
            if candidate == key
                || (!candidate.is_qstr()
                    && self.is_str(candidate)
                    && self.str_bytes(candidate) == self.qstr_bytes(key.qstr_id()))
            {
                // The value word of a keys-only entry is its key.
                return Some((entry, self.map_value(map, self.get(table, shape.stride * (entry + 1)))));
            }
            slot = (slot + 1) & shape.mask;
        }
        None
    }

    /// Gives a map whose table lies in the image (a flash namespace) a RAM
    /// copy of it, before its first write.
    /// Its uncertain values are written into the copy and their array is
    /// dropped.
    fn map_own_table(&mut self, map: Obj, key: Obj, value: Obj) -> R<()> {
        let table = self.get(map, 3);
        if self.is_heap(table) {
            return Ok(());
        }
        let array = self.get(map, 1);
        let array = if self.is_heap(array) { array } else { Obj::NULL };
        let mark = self.root_mark();
        self.push_root(key)?;
        self.push_root(value)?;
        self.push_root(array)?;
        let rebuilt = self.map_rebuild(map, self.map_capacity(map));
        self.pop_roots(mark);
        rebuilt?;
        if !array.is_null() {
            self.set_u(map, 1, self.map_filled(map));
            self.free(array);
        }
        Ok(())
    }

    /// The first part of `map[key] = value` for a map whose table lies in
    /// the image: true when the store is done (a marker's value), else the
    /// map has a RAM copy of its table when this returns false.
    #[inline(never)]
    fn map_set_flash(&mut self, map: Obj, key: Obj, value: Obj) -> R<bool> {
        if self.map_set_uncertain(map, key, value) {
            return Ok(true);
        }
        self.map_own_table(map, key, value)?;
        Ok(false)
    }

    /// `map[key] = value` without copying a flash table when `key` is a qstr
    /// whose flash value is a marker: the map's RAM array takes the value.
    /// False when that is not the case (nothing was written).
    fn map_set_uncertain(&mut self, map: Obj, key: Obj, value: Obj) -> bool {
        let array = self.get(map, 1);
        if !key.is_qstr() || !self.is_heap(array) {
            return false;
        }
        let Some((entry, _)) = self.map_find_qstr(map, key) else { return false };
        let table = self.get(map, 3);
        let marker = self.get(table, TABLE_ENTRIES + 2 * entry + 1).0;
        if !is_uncertain_word(marker) {
            return false;
        }
        self.set(array, (marker - UNCERTAIN_BASE) / 4, value);
        true
    }

    /// [`Vm::map_set_uncertain`] for a caller that guessed the entry where
    /// `key` lies: the map's RAM array takes the value when entry `entry` of
    /// its flash table has that key and a marker as its value; false (and
    /// nothing written) otherwise.
    pub(crate) fn map_replace_uncertain_at(&mut self, map: Obj, entry: u32, key: Obj, value: Obj) -> bool {
        let array = self.get(map, 1);
        let table = self.get(map, 3);
        if !self.is_heap(array)
            || self.is_heap(table)
            || self.get_u(map, 2) & KEYS_ONLY != 0
            || entry >= self.get_u(table, 0)
            || self.get(table, TABLE_ENTRIES + 2 * entry) != key
        {
            return false;
        }
        let marker = self.get(table, TABLE_ENTRIES + 2 * entry + 1).0;
        if !is_uncertain_word(marker) {
            return false;
        }
        self.set(array, (marker - UNCERTAIN_BASE) / 4, value);
        true
    }

    /// Makes `map` read the dict table of `count` entries at `table` (a
    /// flash namespace holding the same entries as the map, in the same
    /// order) and frees its RAM table. Each key is looked up through the
    /// flash table's index first; when one is not found where it lies, the
    /// map keeps its own table and false is returned.
    ///
    /// `uncertain` (NULL when the table has no markers) is the RAM array of
    /// the values of the table's markers.
    pub(crate) fn map_adopt_table(&mut self, map: Obj, table: u32, count: u32, uncertain: Obj) -> bool {
        // The map holds the same keys afterwards; its word 2 loses
        // `KEYS_WATCHED`, which only costs the builtin miss cache. Its values
        // move, so what `interp::global_site` remembers of it is stale.
        self.dict_keys_changed(map);
        let (old_table, old_shape, live) = (self.get(map, 3), self.get_u(map, 2), self.get_u(map, 1));
        if live != count || live >= HEAP_BASE {
            return false;
        }
        self.set(map, 3, Obj(table));
        self.set_u(map, 2, count | slot_shift(count) << CAPACITY_BITS);
        if !uncertain.is_null() {
            self.set(map, 1, uncertain);
        }
        let found = (0..count).all(|entry| {
            let key = self.get(Obj(table), TABLE_ENTRIES + 2 * entry);
            key.is_qstr() && self.map_find_qstr(map, key).map(|(at, _)| at) == Some(entry)
        });
        if !found || count >= 0x100 {
            self.set(map, 3, old_table);
            self.set_u(map, 2, old_shape);
            self.set_u(map, 1, live);
            return false;
        }
        self.free(old_table);
        true
    }

    /// `map[key] = value`. Key and value must be rooted by the caller.
    pub fn map_set(&mut self, map: Obj, key: Obj, value: Obj) -> R<()> {
        if !self.is_heap(self.get(map, 3)) && self.map_set_flash(map, key, value)? {
            return Ok(());
        }
        if key.is_qstr() && self.map_set_qstr_in_one_probe(map, key, value) {
            return Ok(());
        }
        if key.is_small() && self.map_set_small_int_in_one_probe(map, key, value) {
            return Ok(());
        }
        // Names (attribute stores, globals) take the qstr probe, which
        // compares words and never calls `__eq__`.
        let (found, hash) = if key.is_qstr() {
            // A map with no live entry (a new instance's dict taking its
            // first attribute) holds no key to find. Word 1 is the live
            // count, or the address of a flash table's RAM array.
            let found =
                if self.get_u(map, 1) == 0 { None } else { self.map_find_qstr(map, key).map(|(entry, _)| entry) };
            (found, self.qstr_hash(key.qstr_id()))
        } else {
            let hash = self.hash(key)?;
            (self.map_find_hashed(map, key, hash)?, hash)
        };
        if let Some(entry) = found {
            // A set keeps the key it has (as CPython's and MicroPython's do).
            if entry_stride(self.get_u(map, 2)) == 2 {
                let table = self.get(map, 3);
                self.set(table, TABLE_ENTRIES + 2 * entry + 1, value);
            }
            return Ok(());
        }
        let capacity = self.map_capacity(map);
        if self.map_filled(map) >= capacity {
            let mark = self.root_mark();
            self.push_root(key)?;
            self.push_root(value)?;
            let live = self.map_len(map);
            // A table full of deleted entries is compacted in place; a full
            // one grows.
            let new_capacity = if live + 1 > capacity / 2 { grown_capacity(capacity).max(live + 1) } else { capacity };
            let rebuilt = self.map_rebuild(map, new_capacity);
            self.pop_roots(mark);
            rebuilt?;
        }
        let table = self.get(map, 3);
        let entry = self.get_u(table, 0);
        if entry_stride(self.get_u(map, 2)) == 1 {
            self.set(table, TABLE_ENTRIES + entry, key);
        } else {
            self.set(table, TABLE_ENTRIES + 2 * entry, key);
            self.set(table, TABLE_ENTRIES + 2 * entry + 1, value);
        }
        self.set_u(table, 0, entry + 1);
        self.map_index_insert(map, hash, entry);
        let count = self.map_len(map);
        self.set_u(map, 1, count + 1);
        Ok(())
    }

    /// `map[key] = value` for a qstr key in one probe of the index, which
    /// either finds the key or ends at the empty slot the key would be
    /// inserted at: for a dict (not a set) whose table is in the heap with
    /// one-byte slots and room for another entry. False, and nothing done,
    /// for anything else, and when the probe meets a key that is a str
    /// object (which could equal the name), for [`Vm::map_set`]'s general path.
    fn map_set_qstr_in_one_probe(&mut self, map: Obj, key: Obj, value: Obj) -> bool {
        let word = self.get_u(map, 2);
        let table = self.get(map, 3);
        if word & KEYS_ONLY != 0 || !self.is_heap(table) || self.get_u(map, 1) >= HEAP_BASE {
            return false;
        }
        let shape = self.map_shape_with::<2>(map, word);
        let filled = self.get_u(table, 0);
        if shape.width != 1 || filled >= word & CAPACITY_MASK {
            return false;
        }
        let mut slot = self.qstr_hash(key.qstr_id()) & shape.mask;
        for _ in 0..=shape.mask {
            let entry = self.map_slot(shape, slot);
            if entry == 0 {
                // The key is not in the map: a new entry, indexed at this slot.
                self.map_append_at_slot(map, table, shape, (slot, filled), key, value);
                return true;
            }
            let candidate = self.get(table, TABLE_ENTRIES + 2 * (entry - 1));
            if candidate == key {
                self.set(table, TABLE_ENTRIES + 2 * (entry - 1) + 1, value);
                return true;
            }
            if !candidate.is_qstr() && self.is_str(candidate) {
                return false;
            }
            slot = (slot + 1) & shape.mask;
        }
        false
    }

    /// [`Vm::map_set_qstr_in_one_probe`] for a small int key, in a dict or
    /// a set: its hash is its value, and a small int candidate equals it
    /// only when it is the same word. The probe gives up (false, nothing
    /// done) at a candidate of any other kind (a float, a bool or a big int
    /// could equal it), for the general path.
    fn map_set_small_int_in_one_probe(&mut self, map: Obj, key: Obj, value: Obj) -> bool {
        let word = self.get_u(map, 2);
        let table = self.get(map, 3);
        if !self.is_heap(table) || self.get_u(map, 1) >= HEAP_BASE {
            return false;
        }
        let stride = entry_stride(word);
        let shape = if stride == 1 { self.map_shape_with::<1>(map, word) } else { self.map_shape_with::<2>(map, word) };
        let filled = self.get_u(table, 0);
        if shape.width != 1 || filled >= word & CAPACITY_MASK {
            return false;
        }
        let mut slot = (key.small_value() as u32) & shape.mask;
        for _ in 0..=shape.mask {
            let entry = self.map_slot(shape, slot);
            if entry == 0 {
                // The key is not in the map: a new entry, indexed at this slot.
                self.map_append_at_slot(map, table, shape, (slot, filled), key, value);
                return true;
            }
            let candidate = self.get(table, TABLE_ENTRIES + stride * (entry - 1));
            if candidate == key {
                // A set keeps the key it has.
                if stride == 2 {
                    self.set(table, TABLE_ENTRIES + 2 * (entry - 1) + 1, value);
                }
                return true;
            }
            if !candidate.is_small() && !candidate.is_null() {
                return false;
            }
            slot = (slot + 1) & shape.mask;
        }
        false
    }

    /// Appends `key` (and `value`, unless `map` is a set) as a new entry of
    /// `map`'s heap table `table`, after its `filled` entries, indexed at the
    /// empty slot `slot` its probe ended at; the table has room for it.
    #[inline(always)]
    fn map_append_at_slot(
        &mut self,
        map: Obj,
        table: Obj,
        shape: Shape,
        (slot, filled): (u32, u32),
        key: Obj,
        value: Obj,
    ) {
        self.set(table, TABLE_ENTRIES + shape.stride * filled, key);
        if shape.stride == 2 {
            self.set(table, TABLE_ENTRIES + 2 * filled + 1, value);
        }
        self.set_u(table, 0, filled + 1);
        self.map_set_slot(shape, slot, filled + 1);
        let count = self.get_u(map, 1);
        self.set_u(map, 1, count + 1);
        self.dict_keys_changed(map);
    }

    fn map_index_insert(&mut self, map: Obj, hash: u32, entry: u32) {
        self.dict_keys_changed(map);
        let shape = self.map_shape(map);
        let mut slot = hash & shape.mask;
        while self.map_slot(shape, slot) != 0 {
            slot = (slot + 1) & shape.mask;
        }
        self.map_set_slot(shape, slot, entry + 1);
    }

    /// Rebuilds the table with room for `capacity` entries, dropping deleted ones.
    fn map_rebuild(&mut self, map: Obj, capacity: u32) -> R<()> {
        let mark = self.root_mark();
        self.push_root(map)?;
        let installed = self.map_install_table(map, capacity);
        self.pop_roots(mark);
        let old_table = installed?;
        let new_table = self.get(map, 3);
        let filled = self.get_u(old_table, 0);
        let stride = entry_stride(self.get_u(map, 2));
        let mut count = 0;
        for index in 0..filled {
            let key = self.get(old_table, TABLE_ENTRIES + stride * index);
            if key.is_null() {
                continue;
            }
            if stride == 1 {
                self.set(new_table, TABLE_ENTRIES + count, key);
                let hash = self.hash(key).unwrap_or(0);
                self.set_u(new_table, 0, count + 1);
                self.map_index_insert(map, hash, count);
                count += 1;
                continue;
            }
            // A flash table's markers read through the map's array, which
            // its owner keeps until the copy is made.
            let value = self.get(old_table, TABLE_ENTRIES + 2 * index + 1);
            let value = self.map_value(map, value);
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

    /// Rebuilds `map` at the size its live entries need, when that saves at
    /// least one GC block: for namespaces that are complete (a module's
    /// globals once its body has run, a class's dict once its body has run),
    /// so that what an import keeps is what it holds. Shrinking is only an
    /// economy: when the heap has no room for the smaller table the map is
    /// left as it is and no exception is raised.
    pub fn map_shrink_to_fit(&mut self, map: Obj) {
        if !self.is_heap(self.get(map, 3)) {
            return;
        }
        let live = self.map_len(map);
        let stride = entry_stride(self.get_u(map, 2));
        let now = (table_words(self.map_capacity(map), stride) * 4).div_ceil(BYTES_PER_BLOCK);
        let fitted = (table_words(fitted_capacity(live, stride), stride) * 4).div_ceil(BYTES_PER_BLOCK);
        if fitted < now {
            let pending = self.exc;
            if self.map_rebuild(map, live).is_err() {
                // The allocation failed before the map was touched.
                self.exc = pending;
            }
        }
    }

    /// Removes `key`; returns its value, or None if absent.
    pub fn map_remove(&mut self, map: Obj, key: Obj) -> R<Option<Obj>> {
        let Some(entry) = self.map_find(map, key)? else { return Ok(None) };
        self.dict_keys_changed(map);
        // A flash table has no deleted entries: its RAM copy keeps the entry numbers.
        self.map_own_table(map, key, Obj::NULL)?;
        let table = self.get(map, 3);
        if entry_stride(self.get_u(map, 2)) == 1 {
            let stored = self.get(table, TABLE_ENTRIES + entry);
            self.set(table, TABLE_ENTRIES + entry, Obj::NULL);
            let count = self.map_len(map);
            self.set_u(map, 1, count - 1);
            return Ok(Some(stored));
        }
        let value = self.get(table, TABLE_ENTRIES + 2 * entry + 1);
        self.set(table, TABLE_ENTRIES + 2 * entry, Obj::NULL);
        self.set(table, TABLE_ENTRIES + 2 * entry + 1, Obj::NULL);
        let count = self.map_len(map);
        self.set_u(map, 1, count - 1);
        Ok(Some(value))
    }

    /// Called when `map` gains or loses a key or gets a new table: bumps
    /// `dict_keys_version` when the map is watched.
    #[inline(always)]
    fn dict_keys_changed(&mut self, map: Obj) {
        if self.get_u(map, 2) & KEYS_WATCHED != 0 {
            self.bump_dict_keys_version();
        }
    }

    /// Whether `map` is watched (see [`Vm::map_watch_keys`]).
    #[inline(always)]
    pub(crate) fn map_keys_watched(&self, map: Obj) -> bool {
        self.get_u(map, 2) & KEYS_WATCHED != 0
    }

    /// Makes every later key insertion or removal of `map` (a heap dict)
    /// bump `dict_keys_version`. Watching a map bumps it too, so that what
    /// was remembered about an earlier map at the same address is stale.
    pub(crate) fn map_watch_keys(&mut self, map: Obj) {
        let word = self.get_u(map, 2);
        if word & KEYS_WATCHED == 0 {
            self.set_u(map, 2, word | KEYS_WATCHED);
            self.bump_dict_keys_version();
        }
    }

    /// A new `dict_keys_version`. On wrapping round, the misses
    /// remembered against it are forgotten.
    fn bump_dict_keys_version(&mut self) {
        self.dict_keys_version = self.dict_keys_version.wrapping_add(1);
        if self.dict_keys_version == 0 {
            self.dict_keys_version = 1;
            for entry in &self.builtin_miss_cache {
                entry.set((0, 0));
            }
            self.forget_class_inits();
            self.forget_global_sites();
            self.forget_class_attrs();
        }
    }

    /// Removes every entry.
    pub fn map_clear(&mut self, map: Obj) -> R<()> {
        self.map_rebuild_empty(map)
    }

    fn map_rebuild_empty(&mut self, map: Obj) -> R<()> {
        let mark = self.root_mark();
        self.push_root(map)?;
        let installed = self.map_install_table(map, 0);
        self.pop_roots(mark);
        // The old table is left to the collector, as before: a native caller
        // may still be reading it.
        installed?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_capacity_tables_agree_with_the_loops() {
        for capacity in 0..200 {
            assert_eq!(slot_shift(capacity), slot_shift_computed(capacity), "capacity {capacity}");
            for stride in [1, 2] {
                let fitted = fitted_capacity(capacity, stride);
                assert_eq!(fitted, fitted_capacity_computed(capacity, stride), "capacity {capacity}, stride {stride}");
                assert!(fitted >= capacity);
                // The fitted table takes no more GC blocks than the one asked for.
                let blocks = |words: usize| (words * 4).div_ceil(BYTES_PER_BLOCK);
                assert_eq!(blocks(table_words(fitted, stride)), blocks(table_words(capacity, stride)));
            }
        }
    }
}
