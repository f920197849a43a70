//! The checks [`Image::parse`] runs before it hands out an [`Image`].
//!
//! First the header: magic, version, word format, size, ABI id, board, qstr
//! base, link address and the section table; then the checksum; then every
//! structure the VM will follow: the qstr pool (sorted, NUL-terminated UTF-8
//! with the right hashes), the module index and module entries, every raw
//! code reachable from a module root, every constant object reachable from an
//! object table, and the resource and source tables. After that, every
//! address in the image points where the format says it does, so the VM can
//! follow them without checking again. Recursion is bounded by
//! [`MAX_DEPTH`] and the total work by the image size, so hostile images
//! cannot exhaust the stack or the time.

use super::read::{half_at, word_at, Image};
use super::{
    board_id, checksum, module_entry, object_word, packed_uint, pool_hash, Abi, CodeRecord, Header, ImageError,
};
use super::{dict_slot_shift, ImageErrorKind, Pool, Section, FUNCTION_ENTRY_SIZE, MODULE_ENTRY_SIZE};
use super::{is_uncertain_word, uncertain_word, NAMESPACE_ENTRY_SIZE, POOL_CLASS_SIZE, POOL_PREFIX};
use super::{CHECKSUM_OFFSET, FLASH_BASE, FORMAT_VERSION, HEADER_SIZE, HEAP_BASE, MAGIC, MAX_QSTR_ID, SECTION_COUNT};
use super::{WORD_ELLIPSIS, WORD_FALSE, WORD_NONE, WORD_NULL, WORD_TRUE};

/// The deepest nesting of raw codes, and of constant tuples, an image may have.
pub const MAX_DEPTH: u32 = 48;

type Result<T> = core::result::Result<T, ImageError>;

pub(super) fn parse<'a>(
    bytes: &'a [u8],
    expected: &Abi<'a>,
    board: Option<&str>,
    verify_checksum: bool,
) -> Result<Image<'a>> {
    let header = Header::read(bytes)?;
    if bytes.get(..4) != Some(&MAGIC[..]) {
        return Err(ImageError::new(0, ImageErrorKind::BadMagic));
    }
    if header.format_version != FORMAT_VERSION {
        return Err(ImageError::new(4, ImageErrorKind::UnsupportedVersion(header.format_version)));
    }
    let format = word_at(bytes, 12).unwrap_or(0);
    if format != 0x104 {
        return Err(ImageError::new(12, ImageErrorKind::BadWordFormat(format)));
    }
    let total = header.total_size as usize;
    if total > bytes.len() {
        return Err(ImageError::new(
            bytes.len(),
            ImageErrorKind::Truncated { needed: header.total_size, available: bytes.len() as u32 },
        ));
    }
    if total < HEADER_SIZE || total & 3 != 0 {
        return Err(ImageError::malformed(20, "the total size is not a multiple of 4 at least as large as the header"));
    }
    if header.abi_id != expected.abi_id {
        return Err(ImageError::new(
            8,
            ImageErrorKind::AbiMismatch { expected: expected.abi_id, found: header.abi_id },
        ));
    }
    if let Some(board) = board {
        let wanted = board_id(board).unwrap_or([0xff; 16]);
        if wanted != header.board {
            return Err(ImageError::new(32, ImageErrorKind::BoardMismatch { expected: wanted, found: header.board }));
        }
    }
    if board_id(header.board_name()) != Some(header.board) {
        return Err(ImageError::malformed(32, "the board id is not NUL-padded ASCII"));
    }
    let first_qstr = expected.first_qstr();
    if header.first_qstr != first_qstr {
        return Err(ImageError::new(
            24,
            ImageErrorKind::QstrBaseMismatch { expected: first_qstr, found: header.first_qstr },
        ));
    }
    let link = header.link_address;
    if link % 4 != 0 || link < FLASH_BASE || u64::from(link) + total as u64 > u64::from(HEAP_BASE) {
        return Err(ImageError::new(16, ImageErrorKind::BadLinkAddress(link)));
    }
    if word_at(bytes, 108) != Some(0) {
        return Err(ImageError::malformed(108, "the reserved header word is not zero"));
    }
    let mut expected_offset = HEADER_SIZE as u64;
    for (index, (offset, size)) in header.sections.iter().enumerate() {
        if u64::from(*offset) != expected_offset || size % 4 != 0 {
            return Err(ImageError::new(48 + 8 * index, ImageErrorKind::BadSection(Section::ALL[index])));
        }
        expected_offset += u64::from(*size);
    }
    if expected_offset != total as u64 {
        return Err(ImageError::new(48 + 8 * (SECTION_COUNT - 1), ImageErrorKind::BadSection(Section::Sources)));
    }
    let bytes = &bytes[..total];
    if verify_checksum && checksum(bytes) != header.checksum {
        return Err(ImageError::new(CHECKSUM_OFFSET, ImageErrorKind::ChecksumMismatch));
    }
    let mut image =
        Image { bytes, header, runtime_qstrs: expected.runtime_qstrs, types: expected.types, pool_count: 0 };
    image.pool_count = check_pool(&image)?;
    let mut checker = Checker { image: &image, budget: total, module_index: 0, functions_seen: 0 };
    checker.check_tables()?;
    Ok(image)
}

fn range(image: &Image<'_>, section: Section) -> (usize, usize) {
    let (offset, size) = image.header.sections[section as usize];
    (offset as usize, offset as usize + size as usize)
}

/// Checks the pool and returns its string count.
fn check_pool(image: &Image<'_>) -> Result<u32> {
    let (start, end) = range(image, Section::QstrPool);
    let bytes = &image.bytes[..end];
    let malformed = |at: usize, what: &'static str| Err(ImageError::malformed(at, what));
    let pool = match Pool::new(bytes, start) {
        Some(pool) if end - start >= POOL_PREFIX => pool,
        _ => return malformed(start, "the qstr pool has no count"),
    };
    let count = pool.count();
    if u64::from(image.header.first_qstr) + u64::from(count) > u64::from(MAX_QSTR_ID) + 1 {
        return malformed(start, "the qstr pool has more strings than qstr ids");
    }
    let classes = pool.class_count();
    if (classes == 0) != (count == 0) || classes > count as usize {
        return malformed(start + 2, "the qstr pool's class count does not match its string count");
    }
    let mut next = pool.hashes_start() + count as usize;
    if next > end {
        return malformed(start, "the qstr pool's classes and hashes overrun the section");
    }
    let (mut previous_length, mut previous_first) = (None, None);
    for class in 0..classes {
        let at = start + POOL_PREFIX + POOL_CLASS_SIZE * class;
        let Some(entry) = pool.class(class) else { return malformed(at, "a qstr class overruns the pool") };
        let first_ok = match previous_first {
            None => entry.first == 0,
            Some(previous) => entry.first > previous,
        };
        if !first_ok || entry.first >= count {
            return malformed(at + 2, "a qstr class's first index is out of order");
        }
        if previous_length.is_some_and(|previous| previous >= entry.length) {
            return malformed(at, "the qstr pool's classes are not sorted by length");
        }
        previous_length = Some(entry.length);
        previous_first = Some(entry.first);
        if start + entry.text != next {
            return malformed(at + 4, "a qstr class's text does not start where the previous class's ends");
        }
        let Some(strings) = pool.class_len(class) else { return malformed(at, "a qstr class is empty") };
        let Some(class_end) = (strings as usize).checked_mul(entry.length).and_then(|size| next.checked_add(size))
        else {
            return malformed(at, "a qstr class overruns the pool");
        };
        if class_end > end {
            return malformed(at, "a qstr class overruns the pool");
        }
        let mut previous: Option<(u8, &[u8])> = None;
        for index in entry.first..entry.first + strings {
            let text = &bytes[next..next + entry.length];
            if core::str::from_utf8(text).is_err() {
                return malformed(next, "a qstr is not UTF-8");
            }
            let hash = pool.hash(index).unwrap_or(0);
            if hash != pool_hash(crate::qstr_hash16(text)) {
                return malformed(pool.hashes_start() + index as usize, "a qstr's stored hash does not match its text");
            }
            if previous.is_some_and(|previous| previous >= (hash, text)) {
                return malformed(next, "the qstr pool is not sorted");
            }
            previous = Some((hash, text));
            next += entry.length;
        }
    }
    if (next - start).next_multiple_of(4) != end - start || bytes[next..end].iter().any(|&byte| byte != 0) {
        return malformed(next, "the qstr pool does not end with its last string and zero padding");
    }
    Ok(count)
}

struct Checker<'i, 'a> {
    image: &'i Image<'a>,
    /// Objects and raw codes left to visit: bounds the work on shared references.
    budget: usize,
    /// The index of the module being checked.
    module_index: u32,
    /// The flash functions of the modules checked so far.
    functions_seen: usize,
}

impl Checker<'_, '_> {
    fn word(&self, offset: usize) -> u32 {
        self.image.word(offset).unwrap_or(0)
    }

    fn spend(&mut self, offset: usize) -> Result<()> {
        self.budget = self.budget.checked_sub(1).ok_or(ImageError::malformed(offset, "too many references"))?;
        Ok(())
    }

    /// The offset of `len` bytes at `address`, which must lie in `section`
    /// (and be 4-byte aligned when `aligned`).
    fn locate(
        &self,
        address: u32,
        len: u64,
        section: Section,
        aligned: bool,
        at: usize,
        what: &'static str,
    ) -> Result<usize> {
        let (start, end) = range(self.image, section);
        let offset = u64::from(address.wrapping_sub(self.image.header.link_address));
        if address < self.image.header.link_address
            || offset < start as u64
            || offset + len > end as u64
            || (aligned && address & 3 != 0)
        {
            return Err(ImageError::malformed(at, what));
        }
        Ok(offset as usize)
    }

    fn check_qstr_id(&self, id: u32, at: usize) -> Result<()> {
        if id == 0 || id >= self.image.header.first_qstr + self.image.pool_count || self.image.qstr(id).is_none() {
            return Err(ImageError::malformed(at, "a qstr id is not a known qstr"));
        }
        Ok(())
    }

    /// Checks a `(count, (name qstr, address)*)` table sorted by name, and
    /// calls `entry` for each address.
    fn check_named_table(
        &mut self,
        section: Section,
        mut entry: impl FnMut(&mut Self, u32, usize) -> Result<()>,
    ) -> Result<()> {
        let (start, end) = range(self.image, section);
        let count = self.word(start) as u64;
        if 4 + 8 * count != (end - start) as u64 {
            return Err(ImageError::malformed(start, "a name table's count does not match its section size"));
        }
        let mut previous: Option<&str> = None;
        for index in 0..count as usize {
            let at = start + 4 + 8 * index;
            let name = self.word(at);
            self.check_qstr_id(name, at)?;
            let text = self.image.qstr(name).unwrap_or("");
            if previous.is_some_and(|previous| previous.as_bytes() >= text.as_bytes()) {
                return Err(ImageError::malformed(at, "a name table is not sorted"));
            }
            previous = Some(text);
            entry(self, self.word(at + 4), at + 4)?;
        }
        Ok(())
    }

    /// Checks the module index: `(count, module address*)` sorted by the
    /// names in the module entries, and every module.
    fn check_module_index(&mut self) -> Result<()> {
        let (start, end) = range(self.image, Section::ModuleIndex);
        let count = self.word(start) as u64;
        if 4 + 4 * count != (end - start) as u64 {
            return Err(ImageError::malformed(start, "the module index's count does not match its section size"));
        }
        let mut previous: Option<&str> = None;
        for index in 0..count as usize {
            let at = start + 4 + 4 * index;
            let offset = self.locate(
                self.word(at),
                MODULE_ENTRY_SIZE as u64,
                Section::Modules,
                false,
                at,
                "a module address is outside the modules section",
            )?;
            let name = u32::from(half_at(self.image.bytes, offset).unwrap_or(0));
            self.check_qstr_id(name, offset)?;
            let text = self.image.qstr(name).unwrap_or("");
            if previous.is_some_and(|previous| previous.as_bytes() >= text.as_bytes()) {
                return Err(ImageError::malformed(at, "the module index is not sorted"));
            }
            previous = Some(text);
            self.module_index = index as u32;
            self.check_module(offset)?;
        }
        Ok(())
    }

    fn check_tables(&mut self) -> Result<()> {
        self.check_module_index()?;
        let types = self.image.types;
        self.check_named_table(Section::Resources, |checker, address, at| {
            checker.check_typed_object(address, types.bytes, at, "a resource is not a bytes object")
        })?;
        self.check_named_table(Section::Sources, |checker, address, at| {
            checker.check_typed_object(address, types.str, at, "a source is not a str object")
        })?;
        let main = self.image.header.main_module;
        if main != 0 {
            let name = self.image.qstr(main).unwrap_or("");
            if main >= self.image.header.first_qstr + self.image.pool_count
                || (self.image.module(name).is_none() && self.image.source(name).is_none())
            {
                return Err(ImageError::malformed(28, "the main module is not in the image"));
            }
        }
        Ok(())
    }

    fn check_typed_object(&mut self, address: u32, type_word: u32, at: usize, what: &'static str) -> Result<()> {
        let offset = self.locate(address, 16, Section::Constants, true, at, what)?;
        if self.word(offset) != type_word {
            return Err(ImageError::malformed(at, what));
        }
        self.check_object(address, 0, at)
    }

    fn check_module(&mut self, offset: usize) -> Result<()> {
        let half = |at: usize| usize::from(half_at(self.image.bytes, at).unwrap_or(0));
        let byte = |at: usize| usize::from(self.image.bytes.get(at).copied().unwrap_or(0));
        let (qstr_count, object_count) = (half(offset + 2), half(offset + 4));
        let (bits, object_bits) = (byte(offset + 6), byte(offset + 7));
        if !super::QSTR_BITS.contains(&bits) {
            return Err(ImageError::malformed(offset + 6, "a module's qstr ids are not 8 to 16 bits wide"));
        }
        if !super::OBJECT_BITS.contains(&object_bits) {
            return Err(ImageError::malformed(offset + 7, "a module's object entries are not 8 to 32 bits wide"));
        }
        let (qstrs, objects, tables) = module_entry(qstr_count, bits, object_count, object_bits);
        let function_count = half(offset + 12);
        let namespace_count = half(offset + 16);
        let size = tables + FUNCTION_ENTRY_SIZE * function_count + NAMESPACE_ENTRY_SIZE * namespace_count;
        let address = self.image.address_of(offset);
        self.locate(address, size as u64, Section::Modules, false, offset, "a module's tables overrun the section")?;
        for index in 0..qstr_count {
            let at = offset + qstrs + bits * index / 8;
            self.check_qstr_id(packed_uint(self.image.bytes, offset + qstrs, bits, index).unwrap_or(0), at)?;
        }
        let constants = self.image.address_of(range(self.image, Section::Constants).0);
        for index in 0..object_count {
            let at = offset + objects + object_bits * index / 8;
            let entry = packed_uint(self.image.bytes, offset + objects, object_bits, index).unwrap_or(0);
            self.check_object(object_word(entry, constants), 0, at)?;
        }
        let root = self.word(offset + 8);
        self.check_code(root, 0, offset + 8)?;
        let first_function = half(offset + 14);
        if first_function != self.functions_seen {
            return Err(ImageError::malformed(offset + 14, "a module's first flash function ordinal is out of order"));
        }
        self.functions_seen += function_count;
        let mut previous = None;
        for index in 0..function_count {
            let at = offset + tables + FUNCTION_ENTRY_SIZE * index;
            let raw_code = self.word(at);
            if previous.is_some_and(|previous| previous >= raw_code) {
                return Err(ImageError::malformed(at, "a module's flash function table is not sorted"));
            }
            previous = Some(raw_code);
            if raw_code == root || !self.is_made_by_body(root, raw_code, at)? {
                return Err(ImageError::malformed(at, "a flash function's raw code is not made by its module's body"));
            }
            self.check_function(self.word(at + 4), raw_code, at + 4)?;
        }
        let mut previous = None;
        for index in 0..namespace_count {
            let at = offset + tables + FUNCTION_ENTRY_SIZE * function_count + NAMESPACE_ENTRY_SIZE * index;
            let raw_code = self.word(at);
            if previous.is_some_and(|previous| previous >= raw_code) {
                return Err(ImageError::malformed(at, "a module's flash namespace table is not sorted"));
            }
            previous = Some(raw_code);
            if !self.is_made_by_body(root, raw_code, at)? {
                return Err(ImageError::malformed(
                    at,
                    "a flash namespace's class body is not made by its module's body",
                ));
            }
            self.check_namespace(self.word(at + 4), self.word(at + 8), at + 4)?;
        }
        Ok(())
    }

    /// Checks the dict table of a flash namespace of `count` entries at
    /// `address`: laid out as the VM lays out a dict table of capacity
    /// `count` with one-byte index slots, every key a qstr, every value an
    /// object word, and every slot empty or naming an entry.
    fn check_namespace(&mut self, address: u32, count: u32, at: usize) -> Result<()> {
        let what = "a flash namespace is not a dict table";
        if count == 0 || count >= 256 {
            return Err(ImageError::malformed(at, what));
        }
        let slots = 1usize << dict_slot_shift(count);
        let words = 1 + 2 * count as usize + slots.div_ceil(4);
        let offset = self.locate(address, 4 * words as u64, Section::Constants, true, at, what)?;
        if self.word(offset) != count {
            return Err(ImageError::malformed(offset, what));
        }
        let mut uncertain = 0;
        for entry in 0..count as usize {
            let key = self.word(offset + 4 + 8 * entry);
            if key & 7 != 2 {
                return Err(ImageError::malformed(offset + 4 + 8 * entry, "a flash namespace key is not a qstr"));
            }
            self.check_qstr_id(key >> 3, offset + 4 + 8 * entry)?;
            let value = self.word(offset + 8 + 8 * entry);
            if is_uncertain_word(value) {
                // The markers of uncertain values are numbered in entry order.
                if value != uncertain_word(uncertain) {
                    let what = "a flash namespace's uncertain-value marker is out of order";
                    return Err(ImageError::malformed(offset + 8 + 8 * entry, what));
                }
                uncertain += 1;
                continue;
            }
            self.check_namespace_value(value, offset + 8 + 8 * entry)?;
        }
        let index = offset + 4 + 8 * count as usize;
        let slots = &self.image.bytes[index..index + slots];
        if slots.iter().any(|&slot| u32::from(slot) > count) || !slots.contains(&0) {
            return Err(ImageError::malformed(index, "a flash namespace's index is malformed"));
        }
        Ok(())
    }

    /// Checks a flash namespace value: a constant, a flash function, or a
    /// wrapper of one (`type, function, None, None`).
    fn check_namespace_value(&mut self, word: u32, at: usize) -> Result<()> {
        if word & 3 != 0 || word < FLASH_BASE {
            return self.check_object(word, 0, at);
        }
        let types = self.image.types;
        let what = "a flash namespace value is not an object of the constants section";
        let offset = self.locate(word, 16, Section::Constants, true, at, what)?;
        let type_word = self.word(offset);
        if type_word == types.function {
            return Ok(());
        }
        if type_word == types.static_method || type_word == types.class_method || type_word == types.property {
            let function = self.word(offset + 4);
            let inner = self.locate(function, 16, Section::Constants, true, offset + 4, what)?;
            if self.word(inner) != types.function
                || self.word(offset + 8) != WORD_NONE
                || self.word(offset + 12) != WORD_NONE
            {
                return Err(ImageError::malformed(offset, "a flash wrapper does not wrap a flash function"));
            }
            return Ok(());
        }
        self.check_object(word, 0, at)
    }

    /// Whether the raw code at `raw_code` is the module body at `root`, a
    /// child of it, or a child of such a child (a method of a class body).
    fn is_made_by_body(&mut self, root: u32, raw_code: u32, at: usize) -> Result<bool> {
        let image = self.image;
        if raw_code == root {
            return Ok(true);
        }
        let Some(body) = image.raw_code(root) else { return Ok(false) };
        for child in body.children() {
            self.spend(at)?;
            if child.address() == raw_code {
                return Ok(true);
            }
            for grandchild in child.children() {
                self.spend(at)?;
                if grandchild.address() == raw_code {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Checks the flash function object at `address`, made for `raw_code`.
    fn check_function(&mut self, address: u32, raw_code: u32, at: usize) -> Result<()> {
        let what = "a flash function is not a function object of its module";
        let offset = self.locate(address, 16, Section::Constants, true, at, what)?;
        let module_index = (self.module_index << 1) | 1;
        if self.word(offset) != self.image.types.function
            || self.word(offset + 4) != module_index
            || self.word(offset + 8) != raw_code
        {
            return Err(ImageError::malformed(at, what));
        }
        match self.word(offset + 12) {
            0 => Ok(()),
            1 => {
                self.locate(address, 24, Section::Constants, true, at, what)?;
                if self.word(offset + 20) != WORD_NULL {
                    return Err(ImageError::malformed(offset + 20, "a flash function has keyword defaults"));
                }
                let defaults = self.word(offset + 16);
                self.check_typed_object(defaults, self.image.types.tuple, offset + 16, "flash defaults are not a tuple")
            }
            _ => Err(ImageError::malformed(offset + 12, "a flash function has cells or unknown flags")),
        }
    }

    /// Checks the raw code whose record is at `address` and its
    /// descendants; returns the offset right after its last descendant.
    fn check_code(&mut self, address: u32, depth: u32, at: usize) -> Result<usize> {
        self.spend(at)?;
        if depth > MAX_DEPTH {
            return Err(ImageError::malformed(at, "raw codes are nested too deeply"));
        }
        let (_, end) = range(self.image, Section::Code);
        let offset =
            self.locate(address, 1, Section::Code, false, at, "a raw code address is outside the code section")?;
        let record = match CodeRecord::read(&self.image.bytes[..end], offset) {
            Some(record) if record.subtree_end() <= end => record,
            _ => return Err(ImageError::malformed(offset, "a raw code's record overruns the code section")),
        };
        if (record.child_count == 0) != (record.descendants == 0) {
            return Err(ImageError::malformed(offset, "a raw code's children and their size disagree"));
        }
        let mut child = record.end();
        for _ in 0..record.child_count {
            if child >= record.subtree_end() {
                return Err(ImageError::malformed(offset, "a raw code's children overrun their size"));
            }
            child = self.check_code(self.image.address_of(child), depth + 1, offset)?;
        }
        if child != record.subtree_end() {
            return Err(ImageError::malformed(offset, "a raw code's children do not fill their size"));
        }
        Ok(child)
    }

    fn check_data(&self, offset: usize, len: u64, utf8: bool) -> Result<()> {
        let start = self.locate(
            self.word(offset + 12),
            len + 1,
            Section::Constants,
            false,
            offset + 12,
            "a str or bytes object's data is outside the constants section",
        )?;
        let data = &self.image.bytes[start..start + len as usize];
        if self.image.bytes[start + len as usize] != 0 {
            return Err(ImageError::malformed(start, "a str or bytes object's data is not NUL-terminated"));
        }
        if utf8 && core::str::from_utf8(data).is_err() {
            return Err(ImageError::malformed(start, "a str object is not UTF-8"));
        }
        let hash = self.word(offset + 4);
        if hash != 0 && hash != u32::from(crate::qstr_hash16(data)) {
            return Err(ImageError::malformed(offset + 4, "a str or bytes object's hash does not match its data"));
        }
        Ok(())
    }

    fn check_object(&mut self, word: u32, depth: u32, at: usize) -> Result<()> {
        self.spend(at)?;
        if word & 1 == 1 {
            return Ok(());
        }
        if word & 7 == 2 {
            return self.check_qstr_id(word >> 3, at);
        }
        if word & 3 != 0 {
            return match word {
                WORD_NONE | WORD_FALSE | WORD_TRUE | WORD_ELLIPSIS => Ok(()),
                _ => Err(ImageError::malformed(at, "an object word is not a valid immediate")),
            };
        }
        if word < FLASH_BASE {
            // A static object of the runtime: nothing to check here.
            return Ok(());
        }
        if depth > MAX_DEPTH {
            return Err(ImageError::malformed(at, "constant tuples are nested too deeply"));
        }
        let offset =
            self.locate(word, 8, Section::Constants, true, at, "an object address is outside the constants section")?;
        let types = self.image.types;
        let type_word = self.word(offset);
        let size = |words: u64| (4 * words, word);
        let (size, address) = if type_word == types.str || type_word == types.bytes {
            size(4)
        } else if type_word == types.int || type_word == types.float {
            size(3)
        } else if type_word == types.complex {
            size(5)
        } else if type_word == types.tuple {
            size(2 + u64::from(self.word(offset + 4)))
        } else {
            return Err(ImageError::malformed(offset, "an object's type is not a builtin type"));
        };
        self.locate(address, size, Section::Constants, true, at, "an object overruns the constants section")?;
        if type_word == types.str || type_word == types.bytes {
            self.check_data(offset, u64::from(self.word(offset + 8)), type_word == types.str)
        } else if type_word == types.int {
            let info = self.word(offset + 4);
            let digits = u64::from(info >> 1);
            let start = self.locate(
                self.word(offset + 8),
                4 * digits,
                Section::Constants,
                true,
                offset + 8,
                "a big int's digits are outside the constants section",
            )?;
            if digits == 0 || self.word(start + 4 * (digits as usize - 1)) == 0 {
                return Err(ImageError::malformed(offset + 4, "a big int is not normalised"));
            }
            Ok(())
        } else if type_word == types.tuple {
            for index in 0..self.word(offset + 4) as usize {
                let item_at = offset + 8 + 4 * index;
                self.check_object(self.word(item_at), depth + 1, item_at)?;
            }
            Ok(())
        } else {
            // A float's or complex's words are its IEEE-754 value: any bits are valid.
            Ok(())
        }
    }
}
