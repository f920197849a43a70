//! `LOAD_GLOBAL` by bytecode position: where each recently run
//! `LOAD_GLOBAL` found its name, so that running it again reads one word.
//!
//! MicroPython keeps a map lookup cache keyed by the instruction's position
//! that says which entry of the globals to try first; rime goes one step
//! further, because a frozen module's globals never move once its body has
//! run. An entry of [`Vm::global_site_cache`] is keyed by the address of the
//! instruction's operand (code in the image never changes, and code made on
//! the board is freed only by a collection, which empties the cache) and
//! remembers the globals dict the name was looked up in, the
//! `dict_keys_version` of then, and where the value was: the heap address of
//! the word holding it (a RAM table's value word, or the RAM array word of a
//! flash table's marker), or the value itself (a flash table's constant, or
//! a builtin the globals lacked).
//!
//! Why a hit is right: the globals dict is watched from the fill on
//! (`Vm::map_watch_keys`), so while `dict_keys_version` is unchanged it has
//! gained or lost no key and kept its table (every new table, and a flash
//! table's adoption, bumps the version): the value is still in the word
//! remembered, a stored value being written to that same word, and a name it
//! lacked still falls through to the same builtin (the builtins are a fixed
//! table of static objects).

use crate::gc::BYTES_PER_BLOCK;
use crate::obj::dict::TABLE_ENTRIES;
use crate::obj::Obj;
use crate::vm::{Vm, R};
use core::cell::Cell;
use rime_bytecode::image::{is_uncertain_word, UNCERTAIN_BASE};

/// Entries of [`Vm::global_site_cache`]: a power of two, in sets of two
/// (16 bytes each on the boards).
pub(crate) const GLOBAL_SITE_CACHE_SIZE: usize = 128;

/// Bits 0–1 of [`GlobalSite::globals`]: the operand's length in bytes less one.
const OPERAND_LEN_BITS: u32 = 0b11;
/// Bit 2 of [`GlobalSite::globals`]: `word` is the value itself, not the heap
/// address of the word holding it.
const DIRECT_VALUE: u32 = 0b100;
// The two fields above fit below a heap object's address.
const _: () = assert!(BYTES_PER_BLOCK >= 8);

/// One remembered `LOAD_GLOBAL` (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct GlobalSite {
    /// The address of the instruction's operand in the code (0: empty).
    operand: usize,
    /// The globals dict's address, with the operand's length and
    /// [`DIRECT_VALUE`] in its low bits.
    globals: u32,
    version: u32,
    /// The heap address of the word holding the value, or the value.
    word: u32,
}

impl GlobalSite {
    pub(crate) const EMPTY: GlobalSite = GlobalSite { operand: 0, globals: 0, version: 0, word: 0 };
}

/// The first entry of the set of two that may hold the operand at `operand`.
#[inline(always)]
fn site_set(operand: usize) -> usize {
    // A multiplicative hash, so that the operands of one loop, a few bytes
    // apart, spread over the sets.
    let sets_log2 = (GLOBAL_SITE_CACHE_SIZE / 2).trailing_zeros();
    2 * ((operand as u32).wrapping_mul(0x9E37_79B1) >> (32 - sets_log2)) as usize
}

/// [`Vm::cached_global`] over the cache `sites`, the current
/// `dict_keys_version`, the running module's globals dict and `heap_word`
/// (which reads the heap word at an address): what the dispatch loop's
/// inner loop calls with the heap borrowed.
#[inline(always)]
pub(crate) fn cached_global_in(
    sites: &[Cell<GlobalSite>; GLOBAL_SITE_CACHE_SIZE],
    keys_version: u32,
    globals: u32,
    operand: usize,
    heap_word: impl Fn(u32) -> Option<u32>,
) -> Option<(Obj, usize)> {
    let set = site_set(operand);
    let mut site = sites[set].get();
    if site.operand != operand {
        site = sites[set + 1].get();
        if site.operand != operand {
            return None;
        }
    }
    if site.version != keys_version || site.globals & !(OPERAND_LEN_BITS | DIRECT_VALUE) != globals {
        return None;
    }
    let value = if site.globals & DIRECT_VALUE != 0 { site.word } else { heap_word(site.word)? };
    Some((Obj(value), (site.globals & OPERAND_LEN_BITS) as usize + 1))
}

/// A new, empty cache.
pub(crate) fn empty_global_site_cache() -> [Cell<GlobalSite>; GLOBAL_SITE_CACHE_SIZE] {
    [const { Cell::new(GlobalSite::EMPTY) }; GLOBAL_SITE_CACHE_SIZE]
}

impl Vm<'_> {
    /// The value a `LOAD_GLOBAL` whose operand is at address `operand`
    /// loads in `module`, and the operand's length, when the cache knows it.
    #[inline(always)]
    pub(crate) fn cached_global(&self, operand: usize, module: Obj) -> Option<(Obj, usize)> {
        cached_global_in(&self.global_site_cache, self.dict_keys_version, self.get_u(module, 1), operand, |address| {
            Some(self.heap.word(address))
        })
    }

    /// `LOAD_GLOBAL` of `name` in `module` when the cache missed: the
    /// ordinary lookup, then the cache filled for the operand at `operand`
    /// (`operand_len` bytes long). The new entry takes the set's first
    /// place, and what was there the second.
    #[inline(never)]
    pub(crate) fn load_global_at_site(&mut self, operand: usize, operand_len: usize, module: Obj, name: Obj) -> R<Obj> {
        let value = self.load_global(module, name)?;
        let globals = self.get(module, 1);
        if !self.is_heap(globals) || !(1..=4).contains(&operand_len) {
            return Ok(value);
        }
        self.map_watch_keys(globals);
        let (word, direct) = match self.global_entry(globals, name) {
            Some(entry) => match self.map_value_location(globals, entry) {
                Some(found) => found,
                None => return Ok(value),
            },
            // Not in the globals: the builtin `load_global` found.
            None => (value.0, true),
        };
        let flags = (operand_len as u32 - 1) | if direct { DIRECT_VALUE } else { 0 };
        let site = GlobalSite { operand, globals: globals.0 | flags, version: self.dict_keys_version, word };
        let set = site_set(operand);
        self.global_site_cache[set + 1].set(self.global_site_cache[set].get());
        self.global_site_cache[set].set(site);
        Ok(value)
    }

    /// The entry of `globals` holding `name`: where `load_global` just
    /// guessed or found it when that entry has the name, else by a probe.
    fn global_entry(&self, globals: Obj, name: Obj) -> Option<u32> {
        let guess = self.global_lookup_guess(globals, name);
        let table = self.get(globals, 3);
        if guess < self.get_u(table, 0) && self.get(table, TABLE_ENTRIES + 2 * guess) == name {
            return Some(guess);
        }
        self.map_find_qstr(globals, name).map(|(entry, _)| entry)
    }

    /// Where the value of entry `entry` of `map` lies: `(heap address of
    /// the word holding it, false)`, or `(value, true)` for a constant of a
    /// flash table; `None` when neither holds (a map whose marker array is
    /// not in the heap).
    pub(crate) fn map_value_location(&self, map: Obj, entry: u32) -> Option<(u32, bool)> {
        let table = self.get(map, 3);
        let address = table.0.wrapping_add(4 * (TABLE_ENTRIES + 2 * entry + 1));
        if self.is_heap(table) {
            return Some((address, false));
        }
        let word = self.word(address);
        if !is_uncertain_word(word) {
            return Some((word, true));
        }
        let array = self.get(map, 1);
        self.is_heap(array).then(|| (array.0.wrapping_add(4 * ((word - UNCERTAIN_BASE) / 4)), false))
    }

    /// Forgets every remembered `LOAD_GLOBAL` (at a collection, and when
    /// `dict_keys_version` wraps round).
    pub(crate) fn forget_global_sites(&self) {
        for entry in &self.global_site_cache {
            entry.set(GlobalSite::EMPTY);
        }
    }
}
