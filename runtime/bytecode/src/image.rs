//! The frozen image: the layout shared by the freezer (`cargo xtask freeze`)
//! and the VM, which uses an image in place from flash.
//!
//! This module is the single definition of the format. The VM's object layout
//! (`rime_vm::obj`) is designed together with it: a constant object in the
//! image has exactly the bytes the VM gives the same object on its heap, so the
//! VM uses it where it lies. Nothing of an image is ever copied to RAM.
//!
//! # Words and addresses
//!
//! Everything is made of little-endian 32-bit words, on every machine (the host
//! runner included), so the host reports the heap figures of the 32-bit boards.
//! An object reference is one word in MicroPython's REPR_A encoding:
//!
//! | bits | meaning |
//! |---|---|
//! | `…xxx1` | small int, value = word >> 1 (31 bits, signed) |
//! | `…x010` | qstr, id = word >> 3 |
//! | `…x110` | immediate: None `0x06`, False `0x0E`, True `0x1E`, Ellipsis `0x26`, NULL `0x36` |
//! | `…xx00` | an object address (4-byte aligned) |
//!
//! Addresses live in one 32-bit space shared by all machines, split by region
//! so that a single compare tells where an object lives:
//!
//! | range | region |
//! |---|---|
//! | `0x0000_0000..0x1000_0000` | the runtime's static objects (builtin types, static strings): [`STATIC_BASE`] + 16 × index |
//! | `0x1000_0000..0x2000_0000` | flash: the frozen image, at its link address (on RP2 the XIP address of the frozen-image region) |
//! | `0x2000_0000..` | the GC heap |
//!
//! Flash objects are never marked, never freed and never written.
//!
//! # Object layouts (words)
//!
//! Word 0 of every object is its type: the address of a type object (a static
//! builtin type, or a class on the heap).
//!
//! | type | words |
//! |---|---|
//! | str / bytes | `type, hash, byte length, data address` (data: UTF-8 / raw bytes, NUL-terminated; the hash is the 16-bit qstr hash, 0 = not computed) |
//! | int (big) | `type, (digit count << 1) \| negative, digits address` (digits: u32 words, least significant first) |
//! | float | `type, low word, high word` (IEEE-754 f64; 12 bytes, a heap float takes one 16-byte block) |
//! | complex | `type, real (2 words), imaginary (2 words)` |
//! | tuple | `type, length, item 0, item 1, …` |
//! | function | `type, module index (small int), raw code address, has defaults (0 or 1), [defaults tuple address, NULL]` |
//! | staticmethod / classmethod / property | `type, function address, None, None` |
//! | flash namespace (a dict table) | `count, (key qstr, value) × count, index` (see "Flash namespaces") |
//!
//! A function object in flash (a *flash function*, see "Flash functions"
//! below) names its module by the module's index in the module index, not
//! by address: the module object is made in RAM at import, and the VM keeps
//! one word per frozen module that leads from the index to it.
//!
//! # Qstr ids
//!
//! Ids 1..=165 are MicroPython's static qstrs ([`crate::qstr`]); the runtime's
//! own static qstrs follow from 166 in the order of the ABI's list
//! ([`Abi::runtime_qstrs`]); the image's pool starts right after them, at the
//! header's `first_qstr` = 166 + the length of that list. Id 0 means "none".
//! Wherever a table below says "qstr" it holds such a plain id (not a REPR_A
//! word), except in object words.
//!
//! # Image layout
//!
//! An image starts with a [`Header`] ([`HEADER_SIZE`] bytes), followed by its
//! sections in this order, each 4-byte aligned, contiguous and a multiple of 4
//! bytes long (padded with zeros); the header gives the offset and size of
//! each. All addresses inside the image are absolute (link address + offset),
//! so the image is usable in place at its link address only. The image may be
//! followed by unused bytes (the rest of a flash region): readers use `total
//! size` bytes. Wherever a table below says "varint" it means the `.mpy`
//! file's unsigned variable-length integer ([`crate::varint`]); multi-byte
//! integers are little-endian.
//!
//! 1. **qstr pool**: the strings of every frozen module, each once, minus those
//!    the runtime already has, sorted by byte length, then by stored hash
//!    byte, then by bytes. Ids start at the header's `first_qstr`, in that
//!    order. Layout: `count` (u16), `class count` (u16); then one length
//!    class per distinct length, by increasing length: `length` (u16), the
//!    index of its first string (u16), the offset of its first string's text
//!    relative to the section start (u32) ([`POOL_CLASS_SIZE`] bytes); then
//!    the **hashes**: one byte per string, the low byte of its 16-bit qstr
//!    hash ([`pool_hash`], [`crate::qstr_hash16`]); then the text of every
//!    string, packed in index order (no length, no NUL); zero padding.
//!    String `i` lies at its class's text offset + (`i` − the class's first
//!    index) × the class's length, found by a binary search over the classes
//!    ([`Pool::locate`]). A string is found by a binary search for its
//!    length's class and one over that class's hash bytes; only the strings
//!    with the same length and hash byte, one in 256 of the class on
//!    average, have their bytes compared ([`Pool::find_hashed`]): the
//!    runtime's interning computes the hash of the string it looks up once
//!    and uses it for the image's pool and its RAM pools alike. A string
//!    costs its text and its hash byte, plus a share of its class (eight
//!    bytes per distinct length). The full 16-bit hash of a pool qstr, which
//!    dicts use, is computed from its text when needed, as for the static
//!    qstrs (MicroPython's `MICROPY_QSTR_BYTES_IN_HASH` = 0); the stored byte
//!    serves lookups by text.
//! 2. **constants**: the constant objects of every module, laid out as above,
//!    each followed directly by its out-of-line data (str/bytes data with its
//!    NUL, bigint digits), padded with zeros to 4 bytes. Identical constants
//!    are stored once for the whole image. The flash objects follow the
//!    constants: the flash functions of every module, module by module, then
//!    the wrappers flash namespaces hold, then the flash namespaces' tables.
//! 3. **code**: one record per raw code, packed without padding, module by
//!    module, depth first, parents first: `(fun_data length << 1) | has
//!    children` (varint); when it has children, `child count` (varint) and
//!    the bytes of all its descendants' records (varint); then the fun_data.
//!    Its children's records follow it in `MAKE_FUNCTION` order, each followed
//!    by its own descendants, so child `i` is found by skipping `i` subtrees
//!    ([`CodeRecord::child`]). A raw code is addressed by the address of its
//!    record (any byte alignment). Every raw code is bytecode. fun_data is the
//!    prelude and bytecode exactly as in the `.mpy` file: its qstr operands
//!    index the module's qstr table and its `LOAD_CONST_OBJ` operands the
//!    module's object table. A leaf function costs one or two bytes besides
//!    its fun_data, as in a `.mpy` file.
//! 4. **modules**: one entry per module, in module-index order, packed
//!    without padding (any byte alignment): `name qstr` (u16), `qstr count`
//!    (u16), `object count` (u16), the width of its qstr ids in bits (u8:
//!    the fewest, from 8 to 16, that hold every id of its table), the width
//!    of its object entries in bits (u8: the fewest, from 8 to 32, that hold
//!    every entry), `root raw code address` (u32), `flash function count`
//!    (u16), the image-wide ordinal of its first flash function (u16),
//!    `flash namespace count` (u16), zero (u16); then the qstr table (global
//!    qstr ids); then the object table; then the flash function table: per
//!    flash function `(raw code address, function object address)` (u32
//!    each), sorted by raw code address; then the flash namespace table: per
//!    flash namespace `(class body raw code address, table address, entry
//!    count)` (u32 each), sorted by raw code address. Both packed tables pack their
//!    entries least significant bit first (entry `i` of a `w`-bit table is
//!    bits `w·i .. w·i + w` of it, [`packed_uint`]) and end on a byte
//!    boundary. An object entry is the constant's object word, except that
//!    an object address is stored relative to the start of the constants
//!    section ([`object_word`]): a module's entries then need 12 to 16 bits
//!    rather than a word. [`module_entry`] gives the offsets.
//! 5. **module index**: `count`, then `count` module entry addresses sorted
//!    by the bytes of the entries' names. Names are MicroPython's frozen
//!    names: `pkg/__init__.py`, `pkg/mod.py`, `main.py`.
//! 6. **resources**: `count`, then `(name qstr, bytes object address)` sorted
//!    by name; the bytes objects live in the constants section.
//! 7. **sources**: modules frozen as source text: `count`, then `(name qstr,
//!    str object address)` sorted by name; the str objects live in the
//!    constants section.
//!
//! # Constants
//!
//! The freezer turns a module's object table into object words as follows:
//! ints that fit 31 signed bits become small ints, `...` the Ellipsis word; a
//! str becomes a qstr word when the runtime or the image already has it as a
//! qstr, or when it is shorter than [`QSTR_CONST_MAX_LEN`] bytes (a pool entry
//! costs one hash byte besides its text against a str object's 16 and its
//! NUL); longer strs (docstrings, text blobs) stay str objects. Inside
//! tuples, None/True/False are their immediate words. Everything else is an
//! object in the constants section.
//!
//! # Flash functions
//!
//! The freezer proposes a function object in flash for each `def` (or
//! lambda) made directly by a module's body or by the body of a class the
//! module body makes, when it is not inside a loop of that body and its
//! positional defaults, if any, are constants (no keyword-only defaults, no
//! closure). The proposal decides nothing: at run time `MAKE_FUNCTION`
//! hands out the flash function instead of a new one only when the module
//! running the code is the first module object made for that frozen module,
//! the defaults it was given are identical (word for word) to the flash
//! ones, and this flash function was never handed out before (a bit per
//! flash function, indexed by its image-wide ordinal); otherwise it makes a
//! RAM function as usual. A function object has no mutable state, so the
//! program cannot tell the two apart.
//!
//! # Flash namespaces
//!
//! For a class statement of a module body (not in a loop) whose body runs
//! straight through and only stores constants, flash functions,
//! `staticmethod`/`classmethod`/`property` of flash functions, and
//! `__module__ = __name__`, the freezer lays out the dict the body will
//! leave: a dict table in the VM's layout (`rime_vm::obj::dict`) of
//! capacity = entry count, with one-byte index slots ([`dict_slot_shift`]),
//! keys placed by linear probing from their 16-bit qstr hash. `__module__`
//! is the qstr of the module's dotted name, which the pool holds for every
//! module. After the class body ran, the VM compares the class dict's
//! entries with the table's, in order (a RAM wrapper around the identical
//! function counts as the flash wrapper), checks that every key is found
//! through the table's index, and only then makes the dict read the flash
//! table; its first write copies the table to RAM.
//!
//! Module bodies get the same, and bodies may also store values only their
//! run knows (an import, a list, an instance, a call's result): the table
//! holds a marker for each, [`uncertain_word`]`(n)` for the n-th one in
//! entry order. When the VM adopts such a table it copies those values into
//! a RAM array of n words that the dict leads to, reads every marker as the
//! array's value, and writes the array when a name whose value is a marker
//! is stored again; any other write copies the table to RAM. Markers are
//! never values: every read of a dict substitutes them.
//!
//! # Checksum
//!
//! The header's checksum is the first 16 bytes of the SHA-256 of the header's
//! first 112 bytes (everything but the checksum itself) followed by every
//! byte after the header, so that no byte of an image can change unnoticed.
//!
//! # Readers and writers
//!
//! [`Image::parse`] (no allocation, usable on the device) checks the header
//! against the runtime's [`Abi`], the checksum and the structure of every
//! section, so that the VM can then follow the image's addresses without
//! further checks; it never panics. The VM runs it on every image before use
//! (`rime_vm::ImageView::new`), and the freezer on every image it writes.
//! [`Pool`], [`CodeRecord`], [`module_entry`] and [`packed_uint`] are the
//! layout's readers shared by both. [`ImageBuilder`] (feature `alloc`) lays an
//! image out from compiled modules, deterministically. [`dump()`] (feature
//! `alloc`) prints an annotated hex dump.

mod check;
#[cfg(feature = "alloc")]
mod dump;
#[cfg(feature = "alloc")]
pub mod propose;
mod read;
#[cfg(feature = "alloc")]
mod write;

pub use check::MAX_DEPTH;
#[cfg(feature = "alloc")]
pub use dump::dump;
pub use read::{Digits, Image, ModuleRef, NamedEntry, ObjRef, RawCodeRef, Words};
#[cfg(feature = "alloc")]
pub use write::{BuildError, BuiltImage, ImageBuilder, ImageStats, ModuleStats};

/// The first four bytes of every image: `RIMG`.
pub const MAGIC: [u8; 4] = *b"RIMG";

/// The version of this layout. Bump it on any change to the bytes.
pub const FORMAT_VERSION: u32 = 5;

/// Size of the header in bytes.
pub const HEADER_SIZE: usize = 128;

/// Strs shorter than this many bytes become qstrs (see the module docs).
pub const QSTR_CONST_MAX_LEN: usize = 256;

/// The last qstr id any image may use (module qstr tables hold u16 ids).
pub const MAX_QSTR_ID: u32 = 0xffff;

/// Bytes before the length classes in the qstr pool section: the string
/// count and the class count (u16 each).
pub const POOL_PREFIX: usize = 4;

/// Bytes of one length class in the qstr pool: length (u16), first index
/// (u16), text offset (u32).
pub const POOL_CLASS_SIZE: usize = 8;

/// Bytes of a module entry before its tables.
pub const MODULE_ENTRY_SIZE: usize = 20;

/// Bytes of one entry of a module's flash namespace table: the class body's
/// raw code address, the table address and the entry count.
pub const NAMESPACE_ENTRY_SIZE: usize = 12;

/// The base-2 logarithm of the index slot count of a dict table with room
/// for `capacity` entries: the smallest power of two above one and a half
/// times the capacity (the VM's dict layout, which flash namespaces share).
pub const fn dict_slot_shift(capacity: u32) -> u32 {
    let wanted = capacity + capacity / 2 + 1;
    let mut shift = 0;
    while (1u32 << shift) < wanted {
        shift += 1;
    }
    shift
}

/// Bytes of one entry of a module's flash function table: the raw code
/// address and the function object address.
pub const FUNCTION_ENTRY_SIZE: usize = 8;

/// Reads the little-endian unsigned integer of `width` (1 to 4) bytes at `offset`.
pub fn read_uint(bytes: &[u8], offset: usize, width: usize) -> Option<u32> {
    let field = bytes.get(offset..offset.checked_add(width)?)?;
    Some(field.iter().rev().fold(0u32, |value, byte| value << 8 | u32::from(*byte)))
}

/// The byte the qstr pool stores for a string whose 16-bit qstr hash is
/// `hash`: its low byte.
pub const fn pool_hash(hash: u16) -> u8 {
    hash as u8
}

/// One length class of the qstr pool: the strings of one length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolClass {
    /// The byte length of every string of the class.
    pub length: usize,
    /// The index of its first string.
    pub first: u32,
    /// Offset of its first string's text, relative to the section start.
    pub text: usize,
}

/// The qstr pool section of an image, read in place (no checks beyond the
/// bounds of `bytes`: [`Image::parse`] checks the pool first).
#[derive(Clone, Copy, Debug)]
pub struct Pool<'a> {
    /// The image's bytes.
    bytes: &'a [u8],
    /// Offset of the section in `bytes`.
    start: usize,
    count: u32,
    classes: usize,
}

impl<'a> Pool<'a> {
    /// The pool whose section starts at `start` of `bytes`.
    pub fn new(bytes: &'a [u8], start: usize) -> Option<Pool<'a>> {
        let count = read_uint(bytes, start, 2)?;
        let classes = read_uint(bytes, start + 2, 2)? as usize;
        Some(Pool { bytes, start, count, classes })
    }

    /// A pool without strings.
    pub const fn empty() -> Pool<'a> {
        Pool { bytes: &[], start: 0, count: 0, classes: 0 }
    }

    /// The number of strings.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// The number of length classes.
    pub fn class_count(&self) -> usize {
        self.classes
    }

    /// Offset in the image's bytes of the hash bytes (one per string).
    pub fn hashes_start(&self) -> usize {
        self.start + POOL_PREFIX + POOL_CLASS_SIZE * self.classes
    }

    /// Length class `class`.
    pub fn class(&self, class: usize) -> Option<PoolClass> {
        let at = self.start + POOL_PREFIX + POOL_CLASS_SIZE * class;
        Some(PoolClass {
            length: read_uint(self.bytes, at, 2)? as usize,
            first: read_uint(self.bytes, at + 2, 2)?,
            text: read_uint(self.bytes, at + 4, 4)? as usize,
        })
    }

    /// The number of strings of class `class`.
    pub fn class_len(&self, class: usize) -> Option<u32> {
        let first = self.class(class)?.first;
        let end = if class + 1 < self.classes { self.class(class + 1)?.first } else { self.count };
        end.checked_sub(first)
    }

    /// The stored hash byte of string `index` (see [`pool_hash`]).
    pub fn hash(&self, index: u32) -> Option<u8> {
        if index >= self.count {
            return None;
        }
        self.bytes.get(self.hashes_start() + index as usize).copied()
    }

    /// The text of string `index` (0-based): `(offset in the image's bytes, length)`.
    pub fn locate(&self, index: u32) -> Option<(usize, usize)> {
        if index >= self.count || self.classes == 0 {
            return None;
        }
        // The last class whose first index is at most `index`.
        let (mut low, mut high) = (0usize, self.classes);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if self.class(middle)?.first <= index {
                low = middle;
            } else {
                high = middle;
            }
        }
        let class = self.class(low)?;
        let skip = (index.checked_sub(class.first)? as usize).checked_mul(class.length)?;
        Some((self.start.checked_add(class.text)?.checked_add(skip)?, class.length))
    }

    /// The bytes of string `index` (0-based).
    pub fn get(&self, index: u32) -> Option<&'a [u8]> {
        let (text, len) = self.locate(index)?;
        self.bytes.get(text..text.checked_add(len)?)
    }

    /// The index of `text`, whose 16-bit qstr hash the caller computes.
    pub fn find(&self, text: &[u8]) -> Option<u32> {
        self.find_hashed(text, crate::qstr_hash16(text))
    }

    /// The index of `text`, whose 16-bit qstr hash is `hash`: a binary
    /// search for its length class, a binary search of the class's hash
    /// bytes, and a comparison of the bytes of the strings with the same
    /// hash byte only (about one in 256 of the class).
    pub fn find_hashed(&self, text: &[u8], hash: u16) -> Option<u32> {
        use core::cmp::Ordering;
        let (mut low, mut high) = (0usize, self.classes);
        let class = loop {
            if low >= high {
                return None;
            }
            let middle = low + (high - low) / 2;
            match self.class(middle)?.length.cmp(&text.len()) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => break middle,
            }
        };
        let first = self.class(class)?.first;
        let end = first.checked_add(self.class_len(class)?)?;
        let wanted = pool_hash(hash);
        let (mut low, mut high) = (first, end);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.hash(middle)? < wanted {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        while low < end && self.hash(low)? == wanted {
            match self.get(low)?.cmp(text) {
                Ordering::Less => low += 1,
                Ordering::Equal => return Some(low),
                Ordering::Greater => return None,
            }
        }
        None
    }
}

/// A raw code record: where its parts lie (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeRecord {
    pub child_count: usize,
    /// Bytes of the records of all its descendants, which follow it.
    pub descendants: usize,
    /// Offset of the fun_data in the bytes the record was read from.
    pub fun_data: usize,
    pub fun_len: usize,
}

impl CodeRecord {
    /// Reads the record at `offset` of `bytes` (the fun_data may run past
    /// the end; the caller checks that with [`CodeRecord::end`]).
    pub fn read(bytes: &[u8], offset: usize) -> Option<CodeRecord> {
        let (info, mut used) = crate::varint::decode_uint(bytes, offset).ok()?;
        let (mut child_count, mut descendants) = (0, 0);
        if info & 1 == 1 {
            let (count, more) = crate::varint::decode_uint(bytes, offset + used).ok()?;
            used += more;
            let (size, more) = crate::varint::decode_uint(bytes, offset + used).ok()?;
            used += more;
            (child_count, descendants) = (count as usize, size as usize);
        }
        Some(CodeRecord { child_count, descendants, fun_data: offset + used, fun_len: (info >> 1) as usize })
    }

    /// The offset right after the record: where its first child's record is.
    pub fn end(&self) -> usize {
        self.fun_data.saturating_add(self.fun_len)
    }

    /// The offset right after its last descendant's record.
    pub fn subtree_end(&self) -> usize {
        self.end().saturating_add(self.descendants)
    }

    /// The offset of the record of child `index` (in `MAKE_FUNCTION` order)
    /// of the record at `offset`: the records of the children before it are
    /// skipped with their descendants.
    pub fn child(bytes: &[u8], offset: usize, index: usize) -> Option<usize> {
        let record = CodeRecord::read(bytes, offset)?;
        if index >= record.child_count {
            return None;
        }
        let mut child = record.end();
        for _ in 0..index {
            child = CodeRecord::read(bytes, child)?.subtree_end();
        }
        Some(child)
    }
}

/// Where the parts of a module entry lie, relative to the entry, given the
/// length of its qstr table and the bits of its qstr ids, and the length of
/// its object table and the bits of its entries: `(qstr table, object table,
/// size)`. Entries are not padded.
pub const fn module_entry(
    qstr_count: usize,
    qstr_bits: usize,
    object_count: usize,
    object_bits: usize,
) -> (usize, usize, usize) {
    let qstrs = MODULE_ENTRY_SIZE;
    let objects = qstrs + (qstr_bits * qstr_count).div_ceil(8);
    (qstrs, objects, objects + (object_bits * object_count).div_ceil(8))
}

/// The narrowest and widest qstr ids a module's qstr table may use, in bits.
pub const QSTR_BITS: core::ops::RangeInclusive<usize> = 8..=16;

/// The narrowest and widest entries a module's object table may use, in bits.
pub const OBJECT_BITS: core::ops::RangeInclusive<usize> = 8..=32;

/// Entry `index` of a packed table at `table` in `bytes` whose entries are
/// `bits` (1 to 32) bits wide, packed least significant bit first: entry `i`
/// is bits `bits·i .. bits·i + bits` of the table. Bytes past the end of
/// `bytes` read as zeros.
#[inline]
pub fn packed_uint(bytes: &[u8], table: usize, bits: usize, index: usize) -> Option<u32> {
    if !(1..=32).contains(&bits) {
        return None;
    }
    let bit = bits.checked_mul(index)?;
    let at = table.checked_add(bit / 8)?;
    // Usually eight bytes are there to read at once (the interpreter reads
    // every name operand through here).
    if let Some(eight) = at.checked_add(8).and_then(|end| bytes.get(at..end)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        return Some(((u64::from_le_bytes(word) >> (bit % 8)) & ((1u64 << bits) - 1)) as u32);
    }
    let five =
        (0..5).rev().fold(0u64, |value, offset| value << 8 | u64::from(bytes.get(at + offset).copied().unwrap_or(0)));
    Some(((five >> (bit % 8)) & ((1u64 << bits) - 1)) as u32)
}

/// The object word of an object table entry: the entry itself, except that
/// an object address (low two bits zero) is stored relative to the start of
/// the constants section, at address `constants`.
pub const fn object_word(entry: u32, constants: u32) -> u32 {
    if entry & 3 == 0 {
        constants.wrapping_add(entry)
    } else {
        entry
    }
}

/// The fewest bits, from `range`'s start to its end, that hold every one of `values`.
pub fn packed_bits(values: impl Iterator<Item = u32>, range: core::ops::RangeInclusive<usize>) -> usize {
    let widest = values.map(|value| 32 - value.leading_zeros() as usize).max().unwrap_or(0);
    widest.clamp(*range.start(), *range.end())
}

/// Object word of `None`.
pub const WORD_NONE: u32 = 0x06;
/// Object word of `False`.
pub const WORD_FALSE: u32 = 0x0e;
/// Object word of `True`.
pub const WORD_TRUE: u32 = 0x1e;
/// Object word of `Ellipsis`.
pub const WORD_ELLIPSIS: u32 = 0x26;
/// Object word of the NULL object (never stored in an image).
pub const WORD_NULL: u32 = 0x36;

/// The object word of qstr `id`.
pub const fn qstr_word(id: u32) -> u32 {
    (id << 3) | 2
}

/// The object word of small int `value` (which must fit 31 signed bits).
pub const fn small_int_word(value: i32) -> u32 {
    (value as u32) << 1 | 1
}

/// Whether `value` fits a small int (31 signed bits).
pub const fn fits_small_int(value: i64) -> bool {
    value >= -(1 << 30) && value < (1 << 30)
}

/// Start of the runtime's static objects in the shared address space.
pub const STATIC_BASE: u32 = 0x0000_1000;
/// Start of the uncertain-value markers of flash namespaces: marker `n` is
/// `UNCERTAIN_BASE + 4 × n` (n < 256), an address in the static objects'
/// range that no static object has (see "Flash namespaces").
pub const UNCERTAIN_BASE: u32 = 0x0FFF_0000;
/// The bytes of address space the markers take.
pub const UNCERTAIN_SPAN: u32 = 4 * 256;

/// Whether `word` is a marker of an uncertain value: an address (low bits
/// 00) in the markers' range. One mask and one compare.
pub const fn is_uncertain_word(word: u32) -> bool {
    word & !(UNCERTAIN_SPAN - 4) == UNCERTAIN_BASE
}

/// The marker of uncertain value `n` of a flash namespace.
pub const fn uncertain_word(n: u32) -> u32 {
    UNCERTAIN_BASE + 4 * n
}

/// Start of the flash region (frozen images) in the shared address space.
pub const FLASH_BASE: u32 = 0x1000_0000;
/// Start of the GC heap in the shared address space.
pub const HEAP_BASE: u32 = 0x2000_0000;

/// The sections of an image, in the order they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    QstrPool = 0,
    Constants = 1,
    Code = 2,
    Modules = 3,
    ModuleIndex = 4,
    Resources = 5,
    Sources = 6,
}

/// The number of sections.
pub const SECTION_COUNT: usize = 7;

/// The fixed-size header at the start of an image (all fields little-endian u32
/// unless noted).
///
/// | offset | field |
/// |---|---|
/// | 0 | magic `RIMG` |
/// | 4 | format version |
/// | 8 | ABI id of the runtime build the image is linked for |
/// | 12 | word size in bytes (4) in bits 0..8, endianness in bits 8..16 (1 = little) |
/// | 16 | link address (where the image must sit in the address space) |
/// | 20 | total size in bytes, header included |
/// | 24 | first qstr id of the image's pool |
/// | 28 | main module: qstr id of its frozen name, or 0 for none |
/// | 32 | board id: 16 bytes, NUL-padded ASCII |
/// | 48 | 7 × (offset, size) of the sections: 56 bytes |
/// | 104 | heap size requested by the manifest (0 = the board's default) |
/// | 108 | reserved, zero |
/// | 112 | checksum: first 16 bytes of a SHA-256 (see the module docs) |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub format_version: u32,
    pub abi_id: u32,
    pub word_size: u8,
    pub little_endian: bool,
    pub link_address: u32,
    pub total_size: u32,
    pub first_qstr: u32,
    pub main_module: u32,
    pub board: [u8; 16],
    pub sections: [(u32, u32); SECTION_COUNT],
    pub heap_size: u32,
    pub checksum: [u8; 16],
}

/// Offset of the checksum in the header.
pub const CHECKSUM_OFFSET: usize = 112;

impl Section {
    /// Every section, in image order.
    pub const ALL: [Section; SECTION_COUNT] = [
        Section::QstrPool,
        Section::Constants,
        Section::Code,
        Section::Modules,
        Section::ModuleIndex,
        Section::Resources,
        Section::Sources,
    ];

    /// The section's name in messages and dumps.
    pub const fn name(self) -> &'static str {
        match self {
            Section::QstrPool => "qstr pool",
            Section::Constants => "constants",
            Section::Code => "code",
            Section::Modules => "modules",
            Section::ModuleIndex => "module index",
            Section::Resources => "resources",
            Section::Sources => "sources",
        }
    }
}

/// The addresses of the runtime's builtin type objects that image constants
/// refer to in their word 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinTypes {
    pub str: u32,
    pub bytes: u32,
    pub int: u32,
    pub float: u32,
    pub complex: u32,
    pub tuple: u32,
    /// The type of function objects (the freezer's flash functions).
    pub function: u32,
    /// The types of the wrappers flash namespaces hold.
    pub static_method: u32,
    pub class_method: u32,
    pub property: u32,
    /// The runtime's static empty tuple (every `()` is this one object).
    pub empty_tuple: u32,
}

/// What an image is linked against: one runtime build.
///
/// The freezer gets it from the runtime firmware (or, for the host, from the
/// host runner's own tables); the VM passes its own to [`Image::parse`], which
/// refuses an image made for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Abi<'a> {
    /// Identifies the runtime build; see [`Abi::fingerprint`] for a default.
    pub abi_id: u32,
    /// The runtime's static qstrs beyond MicroPython's 165, ids 166 on.
    pub runtime_qstrs: &'a [&'a str],
    /// The builtin types.
    pub types: BuiltinTypes,
}

impl<'a> Abi<'a> {
    /// The id of the image's first pool qstr under this ABI.
    pub fn first_qstr(&self) -> u32 {
        u32::from(crate::LAST_STATIC_QSTR) + 1 + self.runtime_qstrs.len() as u32
    }

    /// The static (MicroPython or runtime) qstr with this id.
    pub fn static_qstr(&self, id: u32) -> Option<&'a str> {
        let last_mp = u32::from(crate::LAST_STATIC_QSTR);
        if id <= last_mp {
            return u16::try_from(id).ok().and_then(crate::static_qstr);
        }
        self.runtime_qstrs.get((id - last_mp - 1) as usize).copied()
    }

    /// The id of a static (MicroPython or runtime) qstr.
    pub fn static_qstr_id(&self, text: &str) -> Option<u32> {
        if let Some(id) = crate::static_qstr_id(text) {
            return Some(u32::from(id));
        }
        let index = self.runtime_qstrs.iter().position(|candidate| *candidate == text)?;
        Some(u32::from(crate::LAST_STATIC_QSTR) + 1 + index as u32)
    }

    /// A 32-bit FNV-1a hash of the format version, the runtime qstr list
    /// (each followed by a NUL) and the builtin type addresses: a reasonable
    /// ABI id for runtimes that have no better one. It is a `const fn` so
    /// that the ports can export the same id as a symbol in their ELF files.
    pub const fn fingerprint(runtime_qstrs: &[&str], types: &BuiltinTypes) -> u32 {
        let mut hash = fnv1a(0x811c_9dc5, &FORMAT_VERSION.to_le_bytes());
        let mut index = 0;
        while index < runtime_qstrs.len() {
            hash = fnv1a(hash, runtime_qstrs[index].as_bytes());
            hash = fnv1a(hash, &[0]);
            index += 1;
        }
        let addresses = [
            types.str,
            types.bytes,
            types.int,
            types.float,
            types.complex,
            types.tuple,
            types.function,
            types.static_method,
            types.class_method,
            types.property,
            types.empty_tuple,
        ];
        let mut index = 0;
        while index < addresses.len() {
            hash = fnv1a(hash, &addresses[index].to_le_bytes());
            index += 1;
        }
        hash
    }
}

/// One FNV-1a step per byte of `bytes`, starting from `hash`.
const fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut index = 0;
    while index < bytes.len() {
        hash = (hash ^ bytes[index] as u32).wrapping_mul(0x0100_0193);
        index += 1;
    }
    hash
}

/// What is wrong with an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageErrorKind {
    /// The input is shorter than the header or than the header's total size.
    Truncated { needed: u32, available: u32 },
    /// The first four bytes are not `RIMG`.
    BadMagic,
    /// The format version is not [`FORMAT_VERSION`].
    UnsupportedVersion(u32),
    /// The word size or endianness is not 4-byte little-endian.
    BadWordFormat(u32),
    /// The image was linked for another runtime build.
    AbiMismatch { expected: u32, found: u32 },
    /// The image was built for another board.
    BoardMismatch { expected: [u8; 16], found: [u8; 16] },
    /// The image's first qstr does not follow the runtime's static qstrs.
    QstrBaseMismatch { expected: u32, found: u32 },
    /// The link address is not 4-byte aligned inside the flash range.
    BadLinkAddress(u32),
    /// A section's offset or size is out of place.
    BadSection(Section),
    /// The checksum does not match the contents.
    ChecksumMismatch,
    /// A structure inside a section is malformed; the text says which.
    Malformed(&'static str),
}

/// An image rejected by [`Image::parse`]: what and where (byte offset from the
/// start of the image).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageError {
    pub offset: usize,
    pub kind: ImageErrorKind,
}

impl ImageError {
    pub(crate) const fn new(offset: usize, kind: ImageErrorKind) -> Self {
        ImageError { offset, kind }
    }

    pub(crate) const fn malformed(offset: usize, what: &'static str) -> Self {
        ImageError { offset, kind: ImageErrorKind::Malformed(what) }
    }
}

fn board_text(board: &[u8; 16]) -> &str {
    let len = board.iter().position(|&byte| byte == 0).unwrap_or(16);
    core::str::from_utf8(&board[..len]).unwrap_or("<not ASCII>")
}

impl core::fmt::Display for ImageError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "frozen image, byte {}: ", self.offset)?;
        match self.kind {
            ImageErrorKind::Truncated { needed, available } => {
                write!(f, "truncated: needs {needed} bytes, only {available} available")
            }
            ImageErrorKind::BadMagic => f.write_str("not a frozen image (bad magic)"),
            ImageErrorKind::UnsupportedVersion(version) => {
                write!(f, "format version {version} is not supported (this runtime reads version {FORMAT_VERSION})")
            }
            ImageErrorKind::BadWordFormat(word) => write!(f, "word format 0x{word:x} is not 32-bit little-endian"),
            ImageErrorKind::AbiMismatch { expected, found } => write!(
                f,
                "linked for another runtime build (ABI id 0x{found:08x}, this runtime is 0x{expected:08x}); freeze again for this firmware"
            ),
            ImageErrorKind::BoardMismatch { expected, found } => {
                write!(f, "built for board `{}`, not `{}`", board_text(&found), board_text(&expected))
            }
            ImageErrorKind::QstrBaseMismatch { expected, found } => {
                write!(f, "qstr pool starts at id {found}, the runtime's static qstrs end at {}", expected - 1)
            }
            ImageErrorKind::BadLinkAddress(address) => write!(f, "link address 0x{address:08x} is not in the flash range"),
            ImageErrorKind::BadSection(section) => write!(f, "the {} section is out of place", section.name()),
            ImageErrorKind::ChecksumMismatch => f.write_str("checksum mismatch: the image is corrupt"),
            ImageErrorKind::Malformed(what) => write!(f, "malformed: {what}"),
        }
    }
}

impl Header {
    /// Reads the header fields (no checks beyond the length).
    pub fn read(bytes: &[u8]) -> Result<Header, ImageError> {
        let Some(header) = bytes.get(..HEADER_SIZE) else {
            return Err(ImageError::new(
                bytes.len(),
                ImageErrorKind::Truncated { needed: HEADER_SIZE as u32, available: bytes.len() as u32 },
            ));
        };
        let word = |offset: usize| {
            let mut four = [0u8; 4];
            four.copy_from_slice(&header[offset..offset + 4]);
            u32::from_le_bytes(four)
        };
        let mut board = [0u8; 16];
        board.copy_from_slice(&header[32..48]);
        let mut sections = [(0, 0); SECTION_COUNT];
        for (index, section) in sections.iter_mut().enumerate() {
            *section = (word(48 + 8 * index), word(52 + 8 * index));
        }
        let mut checksum = [0u8; 16];
        checksum.copy_from_slice(&header[CHECKSUM_OFFSET..HEADER_SIZE]);
        let format = word(12);
        Ok(Header {
            format_version: word(4),
            abi_id: word(8),
            word_size: (format & 0xff) as u8,
            little_endian: (format >> 8) & 0xff == 1,
            link_address: word(16),
            total_size: word(20),
            first_qstr: word(24),
            main_module: word(28),
            board,
            sections,
            heap_size: word(104),
            checksum,
        })
    }

    /// The header's bytes (the reserved word is zero).
    pub fn to_bytes(&self) -> [u8; HEADER_SIZE] {
        let mut out = [0u8; HEADER_SIZE];
        let mut put = |offset: usize, value: u32| out[offset..offset + 4].copy_from_slice(&value.to_le_bytes());
        put(4, self.format_version);
        put(8, self.abi_id);
        put(12, u32::from(self.word_size) | (u32::from(self.little_endian) << 8));
        put(16, self.link_address);
        put(20, self.total_size);
        put(24, self.first_qstr);
        put(28, self.main_module);
        for (index, (offset, size)) in self.sections.iter().enumerate() {
            put(48 + 8 * index, *offset);
            put(52 + 8 * index, *size);
        }
        put(104, self.heap_size);
        out[..4].copy_from_slice(&MAGIC);
        out[32..48].copy_from_slice(&self.board);
        out[CHECKSUM_OFFSET..].copy_from_slice(&self.checksum);
        out
    }

    /// The board id as text (up to the first NUL).
    pub fn board_name(&self) -> &str {
        board_text(&self.board)
    }
}

/// The checksum of an image: see the module docs. `image` must be at least
/// [`HEADER_SIZE`] bytes long (shorter input gives the checksum of what there is).
pub fn checksum(image: &[u8]) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(image.get(..CHECKSUM_OFFSET).unwrap_or(image));
    hasher.update(image.get(HEADER_SIZE..).unwrap_or(&[]));
    let digest = hasher.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    out
}

/// A board id as the header stores it, or `None` if it is longer than 16
/// bytes, not ASCII or contains a NUL.
pub fn board_id(name: &str) -> Option<[u8; 16]> {
    if name.len() > 16 || !name.bytes().all(|byte| byte.is_ascii() && byte != 0) {
        return None;
    }
    let mut out = [0u8; 16];
    out[..name.len()].copy_from_slice(name.as_bytes());
    Some(out)
}

#[cfg(test)]
#[path = "image_packed_tests.rs"]
mod packed_tests;
