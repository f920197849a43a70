//! The set of identifiers seen so far in the token stream.
//!
//! MicroPython interns every identifier when its parser consumes it, and a
//! long string literal later in the file that has the same text becomes a
//! qstr too. The parser records each name it consumes here and asks for each
//! string literal whether it is present ([`crate::ast::StrLit::ident_before`]).
//!
//! It is a small open-addressing hash set of slices of the source, so adding
//! a name allocates nothing; `alloc` has no hash set of its own.

use alloc::vec;
use alloc::vec::Vec;

pub(crate) struct NameSet<'src> {
    /// Power-of-two sized table; `None` marks an empty slot.
    slots: Vec<Option<&'src str>>,
    len: usize,
}

impl<'src> NameSet<'src> {
    pub(crate) fn new() -> NameSet<'src> {
        NameSet { slots: vec![None; 64], len: 0 }
    }

    pub(crate) fn insert(&mut self, name: &'src str) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = hash(name) & mask;
        loop {
            match self.slots[index] {
                None => {
                    self.slots[index] = Some(name);
                    self.len += 1;
                    return;
                }
                Some(existing) if existing == name => return,
                Some(_) => index = (index + 1) & mask,
            }
        }
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        let mask = self.slots.len() - 1;
        let mut index = hash(name) & mask;
        loop {
            match self.slots[index] {
                None => return false,
                Some(existing) if existing == name => return true,
                Some(_) => index = (index + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let doubled = self.slots.len() * 2;
        let old = core::mem::replace(&mut self.slots, vec![None; doubled]);
        self.len = 0;
        for name in old.into_iter().flatten() {
            self.insert(name);
        }
    }
}

/// FNV-1a: short keys, no need for resistance to chosen collisions beyond
/// what linear probing in a half-empty table tolerates.
fn hash(name: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.as_bytes() {
        hash ^= *byte as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash ^ (hash >> 29)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    #[test]
    fn inserts_and_finds() {
        let words: Vec<String> = (0..1000).map(|index| format!("name_{index}")).collect();
        let mut set = NameSet::new();
        for word in &words {
            set.insert(word);
        }
        set.insert(&words[3]);
        assert_eq!(set.len, 1000);
        assert!(words.iter().all(|word| set.contains(word)));
        assert!(!set.contains("name_1000"));
        assert!(!set.contains(""));
    }
}
