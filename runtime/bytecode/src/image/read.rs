//! Reading a frozen image in place: [`Image`] and its views of modules, raw
//! codes, constant objects, resources and sources.
//!
//! Nothing here allocates and nothing panics. [`Image::parse`] checks the
//! whole image first (see `check.rs`), so the accessors normally find what the
//! format promises; they still return `Option` and never index out of bounds,
//! so that even an image parsed without its checksum cannot make them fail
//! badly.

use super::check;
use super::{module_entry, object_word, packed_uint, Abi, BuiltinTypes, CodeRecord, Header, ImageError, Pool, Section};
use super::{WORD_ELLIPSIS, WORD_FALSE, WORD_NONE, WORD_NULL, WORD_TRUE};
use core::cmp::Ordering;

/// A parsed and checked frozen image, borrowed from its bytes.
#[derive(Clone, Debug)]
pub struct Image<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) header: Header,
    pub(super) runtime_qstrs: &'a [&'a str],
    pub(super) types: BuiltinTypes,
    pub(super) pool_count: u32,
}

/// Reads the little-endian u32 at `offset`.
pub(super) fn word_at(bytes: &[u8], offset: usize) -> Option<u32> {
    let four = bytes.get(offset..offset.checked_add(4)?)?;
    Some(u32::from_le_bytes([four[0], four[1], four[2], four[3]]))
}

/// Reads the little-endian u16 at `offset`.
pub(super) fn half_at(bytes: &[u8], offset: usize) -> Option<u16> {
    let two = bytes.get(offset..offset.checked_add(2)?)?;
    Some(u16::from_le_bytes([two[0], two[1]]))
}

impl<'a> Image<'a> {
    /// Parses and checks an image for the runtime described by `expected`,
    /// on any board, verifying the checksum. `bytes` may be longer than the
    /// image (a whole flash region).
    pub fn parse(bytes: &'a [u8], expected: &Abi<'a>) -> Result<Image<'a>, ImageError> {
        check::parse(bytes, expected, None, true)
    }

    /// Like [`Image::parse`], and the image must have been built for `board`.
    pub fn parse_for_board(bytes: &'a [u8], expected: &Abi<'a>, board: &str) -> Result<Image<'a>, ImageError> {
        check::parse(bytes, expected, Some(board), true)
    }

    /// Like [`Image::parse`] with every option: an optional board, and whether
    /// to verify the checksum (a runtime that trusts its flash may skip the
    /// SHA-256; the structure is checked either way).
    pub fn parse_with(
        bytes: &'a [u8],
        expected: &Abi<'a>,
        board: Option<&str>,
        verify_checksum: bool,
    ) -> Result<Image<'a>, ImageError> {
        check::parse(bytes, expected, board, verify_checksum)
    }

    /// The header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The image's bytes (exactly its total size).
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The bytes of one section.
    pub fn section(&self, section: Section) -> &'a [u8] {
        let (offset, size) = self.header.sections[section as usize];
        self.bytes.get(offset as usize..(offset as usize).saturating_add(size as usize)).unwrap_or(&[])
    }

    /// The address the image is linked at.
    pub fn link_address(&self) -> u32 {
        self.header.link_address
    }

    /// The offset in the image of an address inside it.
    pub fn offset_of(&self, address: u32) -> Option<usize> {
        let offset = address.checked_sub(self.header.link_address)? as usize;
        (offset < self.bytes.len()).then_some(offset)
    }

    /// The address of an offset in the image.
    pub fn address_of(&self, offset: usize) -> u32 {
        self.header.link_address.wrapping_add(offset as u32)
    }

    pub(super) fn word(&self, offset: usize) -> Option<u32> {
        word_at(self.bytes, offset)
    }

    pub(super) fn section_offset(&self, section: Section) -> usize {
        self.header.sections[section as usize].0 as usize
    }

    /// The builtin type addresses the image was checked against.
    pub fn types(&self) -> &BuiltinTypes {
        &self.types
    }

    // ----- qstrs -----

    /// The first id of the image's pool.
    pub fn first_qstr(&self) -> u32 {
        self.header.first_qstr
    }

    /// The number of strings in the image's pool.
    pub fn qstr_count(&self) -> u32 {
        self.pool_count
    }

    /// The pool, read in place.
    pub fn pool(&self) -> Pool<'a> {
        Pool::new(self.bytes, self.section_offset(Section::QstrPool)).unwrap_or(Pool::empty())
    }

    /// The text of any qstr: a MicroPython or runtime static one, or one of the pool.
    pub fn qstr(&self, id: u32) -> Option<&'a str> {
        if id < self.header.first_qstr {
            let abi = Abi { abi_id: 0, runtime_qstrs: self.runtime_qstrs, types: self.types };
            return abi.static_qstr(id);
        }
        core::str::from_utf8(self.pool().get(id - self.header.first_qstr)?).ok()
    }

    /// The 16-bit hash of a pool qstr (computed: the pool stores none).
    pub fn qstr_hash(&self, id: u32) -> Option<u16> {
        Some(crate::qstr_hash16(self.pool().get(id.checked_sub(self.header.first_qstr)?)?))
    }

    /// The id of `text` in the image's pool, if it is there.
    pub fn find_pool_qstr(&self, text: &[u8]) -> Option<u32> {
        Some(self.header.first_qstr + self.pool().find(text)?)
    }

    /// The id of `text` as a qstr anywhere: static, runtime or pool.
    pub fn find_qstr(&self, text: &str) -> Option<u32> {
        let abi = Abi { abi_id: 0, runtime_qstrs: self.runtime_qstrs, types: self.types };
        abi.static_qstr_id(text).or_else(|| self.find_pool_qstr(text.as_bytes()))
    }

    // ----- name tables (module index, resources, sources) -----

    fn table_len(&self, section: Section) -> u32 {
        self.word(self.section_offset(section)).unwrap_or(0)
    }

    /// Entry `index` of a name table: `(name qstr, address)`. The module
    /// index holds addresses only; the names are in the module entries.
    fn table_entry(&self, section: Section, index: u32) -> Option<(u32, u32)> {
        if index >= self.table_len(section) {
            return None;
        }
        if section == Section::ModuleIndex {
            let address = self.word(self.section_offset(section) + 4 + 4 * index as usize)?;
            return Some((u32::from(half_at(self.bytes, self.offset_of(address)?)?), address));
        }
        let at = self.section_offset(section) + 4 + 8 * index as usize;
        Some((self.word(at)?, self.word(at + 4)?))
    }

    fn table_find(&self, section: Section, name: &str) -> Option<u32> {
        let (mut low, mut high) = (0u32, self.table_len(section));
        while low < high {
            let middle = low + (high - low) / 2;
            let (name_id, _) = self.table_entry(section, middle)?;
            match self.qstr(name_id)?.as_bytes().cmp(name.as_bytes()) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    fn named(&self, section: Section, index: u32) -> Option<NamedEntry<'a>> {
        let (name_id, address) = self.table_entry(section, index)?;
        let data = match self.object(address)? {
            ObjRef::Bytes(data) => data,
            ObjRef::Str { data, .. } => data.as_bytes(),
            _ => return None,
        };
        Some(NamedEntry { name: self.qstr(name_id)?, name_qstr: name_id, address, data })
    }

    /// The number of compiled modules.
    pub fn module_count(&self) -> u32 {
        self.table_len(Section::ModuleIndex)
    }

    /// The module at `index` in the module index (sorted by name).
    pub fn module_at(&self, index: u32) -> Option<ModuleRef<'_, 'a>> {
        let (_, address) = self.table_entry(Section::ModuleIndex, index)?;
        Some(ModuleRef { image: self, offset: self.offset_of(address)? })
    }

    /// The compiled module with this frozen name (`pkg/mod.py`), by binary search.
    pub fn module(&self, name: &str) -> Option<ModuleRef<'_, 'a>> {
        self.module_at(self.table_find(Section::ModuleIndex, name)?)
    }

    /// Every compiled module, sorted by name.
    pub fn modules(&self) -> impl Iterator<Item = ModuleRef<'_, 'a>> + '_ {
        (0..self.module_count()).filter_map(move |index| self.module_at(index))
    }

    /// The frozen name of the module run at boot, if any.
    pub fn main_module(&self) -> Option<&'a str> {
        match self.header.main_module {
            0 => None,
            id => self.qstr(id),
        }
    }

    /// The number of resources.
    pub fn resource_count(&self) -> u32 {
        self.table_len(Section::Resources)
    }

    /// The resource at `index` (sorted by name).
    pub fn resource_at(&self, index: u32) -> Option<NamedEntry<'a>> {
        self.named(Section::Resources, index)
    }

    /// The bytes of the resource with this name, by binary search.
    pub fn resource(&self, name: &str) -> Option<&'a [u8]> {
        Some(self.resource_at(self.table_find(Section::Resources, name)?)?.data)
    }

    /// The number of modules frozen as source.
    pub fn source_count(&self) -> u32 {
        self.table_len(Section::Sources)
    }

    /// The source module at `index` (sorted by name).
    pub fn source_at(&self, index: u32) -> Option<NamedEntry<'a>> {
        self.named(Section::Sources, index)
    }

    /// The text of the module frozen as source under this name, by binary search.
    pub fn source(&self, name: &str) -> Option<&'a str> {
        core::str::from_utf8(self.source_at(self.table_find(Section::Sources, name)?)?.data).ok()
    }

    // ----- objects and code -----

    /// Decodes an object word: an immediate, or an object of the image.
    /// Addresses outside the image give [`ObjRef::Outside`].
    pub fn object(&self, word: u32) -> Option<ObjRef<'a>> {
        if word & 1 == 1 {
            return Some(ObjRef::SmallInt((word as i32) >> 1));
        }
        if word & 7 == 2 {
            return Some(ObjRef::Qstr(word >> 3));
        }
        if word & 3 != 0 {
            return match word {
                WORD_NONE => Some(ObjRef::None),
                WORD_FALSE => Some(ObjRef::False),
                WORD_TRUE => Some(ObjRef::True),
                WORD_ELLIPSIS => Some(ObjRef::Ellipsis),
                WORD_NULL => Some(ObjRef::Null),
                _ => None,
            };
        }
        let Some(offset) = self.offset_of(word) else {
            return Some(ObjRef::Outside(word));
        };
        let type_word = self.word(offset)?;
        let types = &self.types;
        if type_word == types.str || type_word == types.bytes {
            let hash = self.word(offset + 4)?;
            let len = self.word(offset + 8)? as usize;
            let start = self.offset_of(self.word(offset + 12)?)?;
            let data = self.bytes.get(start..start.checked_add(len)?)?;
            if type_word == types.str {
                return Some(ObjRef::Str { hash: hash as u16, data: core::str::from_utf8(data).ok()? });
            }
            return Some(ObjRef::Bytes(data));
        }
        if type_word == types.int {
            let info = self.word(offset + 4)?;
            let start = self.offset_of(self.word(offset + 8)?)?;
            let len = (info >> 1) as usize;
            let digits = self.bytes.get(start..start.checked_add(len.checked_mul(4)?)?)?;
            return Some(ObjRef::BigInt { negative: info & 1 == 1, digits: Words(digits) });
        }
        let double = |at: usize| -> Option<f64> {
            let low = u64::from(self.word(at)?);
            let high = u64::from(self.word(at + 4)?);
            Some(f64::from_bits(high << 32 | low))
        };
        if type_word == types.float {
            return Some(ObjRef::Float(double(offset + 4)?));
        }
        if type_word == types.complex {
            return Some(ObjRef::Complex { real: double(offset + 4)?, imag: double(offset + 12)? });
        }
        if type_word == types.tuple {
            let len = self.word(offset + 4)? as usize;
            let start = offset + 8;
            let items = self.bytes.get(start..start.checked_add(len.checked_mul(4)?)?)?;
            return Some(ObjRef::Tuple(Words(items)));
        }
        None
    }

    /// The raw code whose descriptor is at `address`.
    pub fn raw_code(&self, address: u32) -> Option<RawCodeRef<'_, 'a>> {
        Some(RawCodeRef { image: self, offset: self.offset_of(address)? })
    }
}

/// A resource or a source module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamedEntry<'a> {
    pub name: &'a str,
    pub name_qstr: u32,
    /// The address of its bytes (or str) object.
    pub address: u32,
    /// Its contents.
    pub data: &'a [u8],
}

/// A list of u32 words stored in the image (tuple items).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words<'a>(&'a [u8]);

impl<'a> Words<'a> {
    /// The number of words.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The word at `index`.
    pub fn get(&self, index: usize) -> Option<u32> {
        word_at(self.0, index.checked_mul(4)?)
    }

    /// Every word in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let bytes = self.0;
        (0..bytes.len() / 4).filter_map(move |index| word_at(bytes, index * 4))
    }
}

/// The digits of a big int: u32 words, least significant first.
pub type Digits<'a> = Words<'a>;

/// A decoded object word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ObjRef<'a> {
    SmallInt(i32),
    Qstr(u32),
    None,
    False,
    True,
    Ellipsis,
    Null,
    Str {
        hash: u16,
        data: &'a str,
    },
    Bytes(&'a [u8]),
    BigInt {
        negative: bool,
        digits: Digits<'a>,
    },
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Tuple(Words<'a>),
    /// An address outside the image (a runtime static object).
    Outside(u32),
}

/// A compiled module of an image.
#[derive(Clone, Copy, Debug)]
pub struct ModuleRef<'i, 'a> {
    image: &'i Image<'a>,
    offset: usize,
}

impl<'i, 'a> ModuleRef<'i, 'a> {
    fn half(&self, index: usize) -> u32 {
        half_at(self.image.bytes, self.offset + 2 * index).map_or(0, u32::from)
    }

    /// The address of the module's entry.
    pub fn address(&self) -> u32 {
        self.image.address_of(self.offset)
    }

    /// The qstr id of its frozen name.
    pub fn name_qstr(&self) -> u32 {
        self.half(0)
    }

    /// Its frozen name, `pkg/mod.py`.
    pub fn name(&self) -> &'a str {
        self.image.qstr(self.name_qstr()).unwrap_or("")
    }

    /// The length of its qstr table.
    pub fn qstr_count(&self) -> u32 {
        self.half(1)
    }

    /// The length of its object table.
    pub fn object_count(&self) -> u32 {
        self.half(2)
    }

    /// The width of the ids in its qstr table, in bits.
    pub fn qstr_bits(&self) -> usize {
        usize::from(self.image.bytes.get(self.offset + 6).copied().unwrap_or(0))
    }

    /// The width of the entries of its object table, in bits.
    pub fn object_bits(&self) -> usize {
        usize::from(self.image.bytes.get(self.offset + 7).copied().unwrap_or(0))
    }

    /// The number of its flash functions.
    pub fn function_count(&self) -> u32 {
        self.half(6)
    }

    /// The image-wide ordinal of its first flash function.
    pub fn first_function(&self) -> u32 {
        self.half(7)
    }

    /// Entry `index` of its flash function table: `(raw code address,
    /// function object address)`.
    pub fn function(&self, index: u32) -> Option<(u32, u32)> {
        if index >= self.function_count() {
            return None;
        }
        let at = self.offset + self.layout().2 + super::FUNCTION_ENTRY_SIZE * index as usize;
        Some((word_at(self.image.bytes, at)?, word_at(self.image.bytes, at + 4)?))
    }

    /// The number of its flash namespaces.
    pub fn namespace_count(&self) -> u32 {
        self.half(8)
    }

    /// Entry `index` of its flash namespace table: `(class body raw code
    /// address, dict table address, entry count)`.
    pub fn namespace(&self, index: u32) -> Option<(u32, u32, u32)> {
        if index >= self.namespace_count() {
            return None;
        }
        let functions = super::FUNCTION_ENTRY_SIZE * self.function_count() as usize;
        let at = self.offset + self.layout().2 + functions + super::NAMESPACE_ENTRY_SIZE * index as usize;
        Some((word_at(self.image.bytes, at)?, word_at(self.image.bytes, at + 4)?, word_at(self.image.bytes, at + 8)?))
    }

    /// The offsets of its qstr table and object table, and the size of the
    /// entry up to the end of its object table (its flash function table
    /// follows).
    pub fn layout(&self) -> (usize, usize, usize) {
        let (qstrs, objects, size) = module_entry(
            self.qstr_count() as usize,
            self.qstr_bits(),
            self.object_count() as usize,
            self.object_bits(),
        );
        (self.offset + qstrs, self.offset + objects, size)
    }

    /// The global qstr id of entry `index` of its qstr table.
    pub fn qstr_id(&self, index: u32) -> Option<u32> {
        if index >= self.qstr_count() {
            return None;
        }
        packed_uint(self.image.bytes, self.layout().0, self.qstr_bits(), index as usize)
    }

    /// The text of entry `index` of its qstr table.
    pub fn qstr(&self, index: u32) -> Option<&'a str> {
        self.image.qstr(self.qstr_id(index)?)
    }

    /// The object word of entry `index` of its object table.
    pub fn object(&self, index: u32) -> Option<u32> {
        if index >= self.object_count() {
            return None;
        }
        let entry = packed_uint(self.image.bytes, self.layout().1, self.object_bits(), index as usize)?;
        Some(object_word(entry, self.image.address_of(self.image.section_offset(Section::Constants))))
    }

    /// The address of its top-level code.
    pub fn root_address(&self) -> u32 {
        self.image.word(self.offset + 8).unwrap_or(0)
    }

    /// Its top-level code.
    pub fn root(&self) -> Option<RawCodeRef<'i, 'a>> {
        self.image.raw_code(self.root_address())
    }
}

/// A raw code (function body) of an image.
#[derive(Clone, Copy, Debug)]
pub struct RawCodeRef<'i, 'a> {
    image: &'i Image<'a>,
    offset: usize,
}

impl<'i, 'a> RawCodeRef<'i, 'a> {
    /// The parts of its record.
    pub fn record(&self) -> Option<CodeRecord> {
        CodeRecord::read(self.image.bytes, self.offset)
    }

    /// The address of its record.
    pub fn address(&self) -> u32 {
        self.image.address_of(self.offset)
    }

    /// Prelude and bytecode, exactly as in the `.mpy` file.
    pub fn fun_data(&self) -> &'a [u8] {
        let Some(record) = self.record() else { return &[] };
        self.image.bytes.get(record.fun_data..record.end()).unwrap_or(&[])
    }

    /// The number of children.
    pub fn child_count(&self) -> u32 {
        self.record().map_or(0, |record| record.child_count as u32)
    }

    /// Child `index`, as `MAKE_FUNCTION` numbers them.
    pub fn child(&self, index: u32) -> Option<RawCodeRef<'i, 'a>> {
        let offset = CodeRecord::child(self.image.bytes, self.offset, index as usize)?;
        (offset < self.image.bytes.len()).then_some(RawCodeRef { image: self.image, offset })
    }

    /// Every child in order.
    pub fn children(&self) -> impl Iterator<Item = RawCodeRef<'i, 'a>> + '_ {
        (0..self.child_count()).filter_map(move |index| self.child(index))
    }
}
