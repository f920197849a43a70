//! The VM's view of a frozen image lying at its link address: qstr pool,
//! module entries and raw-code records, read in place (layout in
//! `rime_bytecode::image`). Nothing here is copied to the heap.
//!
//! [`ImageView::new`] runs the format's full check (`Image::parse`: header,
//! ABI, checksum and every structure the VM follows) before the VM sees an
//! address of the image, so a corrupt, truncated or foreign image is refused
//! with the reader's message instead of being run. The accessors below then
//! read the checked layout directly; they still go through bounds-checked
//! slices and return zeros or empty slices outside the image, never panic.

use rime_bytecode::image::{module_entry, object_word, packed_uint, read_uint, CodeRecord, Image, ImageError};
use rime_bytecode::image::{ImageErrorKind, Pool};
use rime_bytecode::image::{Section, FLASH_BASE, FUNCTION_ENTRY_SIZE, NAMESPACE_ENTRY_SIZE};

/// Why an image cannot be run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageProblem {
    /// Not an image of this format (bad magic, other version, truncated header).
    BadHeader(ImageError),
    /// Linked for another runtime build.
    AbiMismatch { image: u32, runtime: u32 },
    /// The link address is outside the flash range.
    BadLinkAddress(ImageError),
    /// Corrupt: a bad checksum or a malformed structure.
    Invalid(ImageError),
}

impl core::fmt::Display for ImageProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ImageProblem::BadHeader(error) | ImageProblem::BadLinkAddress(error) | ImageProblem::Invalid(error) => {
                write!(f, "{error}")
            }
            ImageProblem::AbiMismatch { image, runtime } => write!(
                f,
                "frozen image: linked for another runtime build (ABI id 0x{image:08x}, this runtime is 0x{runtime:08x}); freeze again for this firmware"
            ),
        }
    }
}

/// A frozen image in the address space.
#[derive(Clone, Copy)]
pub struct ImageView<'a> {
    pub bytes: &'a [u8],
    pub link_address: u32,
    pub first_qstr: u32,
    pub qstr_count: u32,
    pub main_module: u32,
    pool: Pool<'a>,
    index_start: u32,
    /// The address of the constants section, which object table entries are relative to.
    constants_start: u32,
    /// The address of the sources section (modules frozen as source; 0: none).
    sources_start: u32,
    /// The address of the resources section (0: no image).
    resources_start: u32,
}

impl<'a> ImageView<'a> {
    /// No image: the runtime's static qstrs only.
    pub fn empty() -> ImageView<'a> {
        ImageView {
            bytes: &[],
            link_address: FLASH_BASE,
            first_qstr: u32::from(rime_bytecode::qstr_runtime::END_STATIC_QSTRS),
            qstr_count: 0,
            main_module: 0,
            pool: Pool::empty(),
            index_start: 0,
            constants_start: FLASH_BASE,
            sources_start: 0,
            resources_start: 0,
        }
    }

    /// Checks `bytes` (an image, possibly followed by the rest of its flash
    /// region) against this runtime with ABI id `abi_id`, and reads its
    /// tables' places.
    pub fn new(bytes: &'a [u8], abi_id: u32) -> Result<ImageView<'a>, ImageProblem> {
        let abi = rime_bytecode::image::Abi { abi_id, ..crate::abi() };
        let image = Image::parse(bytes, &abi).map_err(|error| match error.kind {
            ImageErrorKind::AbiMismatch { expected, found } => {
                ImageProblem::AbiMismatch { image: found, runtime: expected }
            }
            ImageErrorKind::BadMagic
            | ImageErrorKind::UnsupportedVersion(_)
            | ImageErrorKind::BadWordFormat(_)
            | ImageErrorKind::Truncated { .. } => ImageProblem::BadHeader(error),
            ImageErrorKind::BadLinkAddress(_) => ImageProblem::BadLinkAddress(error),
            _ => ImageProblem::Invalid(error),
        })?;
        let header = image.header();
        let link = header.link_address;
        let start = |section: Section| link + header.sections[section as usize].0;
        Ok(ImageView {
            bytes: image.bytes(),
            link_address: link,
            first_qstr: header.first_qstr,
            qstr_count: image.qstr_count(),
            main_module: header.main_module,
            pool: image.pool(),
            index_start: start(Section::ModuleIndex),
            constants_start: start(Section::Constants),
            sources_start: start(Section::Sources),
            resources_start: start(Section::Resources),
        })
    }

    /// How many modules the image holds as source text.
    pub fn source_count(&self) -> u32 {
        if self.sources_start == 0 {
            return 0;
        }
        self.word(self.sources_start)
    }

    /// Entry `index` of the sources table: `(name qstr, str object address)`,
    /// sorted by name.
    pub fn source_entry(&self, index: u32) -> (u32, u32) {
        let entry = self.sources_start + 4 + 8 * index;
        (self.word(entry), self.word(entry + 4))
    }

    /// How many resources (`[[resources]]` files) the image holds.
    pub fn resource_count(&self) -> u32 {
        if self.resources_start == 0 {
            return 0;
        }
        self.word(self.resources_start)
    }

    /// Entry `index` of the resources table: `(name qstr, bytes object
    /// address)`, sorted by name.
    pub fn resource_entry(&self, index: u32) -> (u32, u32) {
        let entry = self.resources_start + 4 + 8 * index;
        (self.word(entry), self.word(entry + 4))
    }

    /// The contents of resource `index`, in place in the image (empty
    /// outside the table): the data of its bytes object, whose words are
    /// `type, hash, length, data address`.
    pub fn resource_data(&self, index: u32) -> &'a [u8] {
        if index >= self.resource_count() {
            return &[];
        }
        let (_, object) = self.resource_entry(index);
        self.slice(self.word(object + 12), self.word(object + 8) as usize)
    }

    /// Whether `address` is inside the image.
    pub fn contains(&self, address: u32) -> bool {
        address.wrapping_sub(self.link_address) < self.bytes.len() as u32
    }

    fn offset(&self, address: u32) -> usize {
        address.wrapping_sub(self.link_address) as usize
    }

    /// The word at `address` (0 outside the image). Flash objects (constants,
    /// flash functions, flash namespaces) are read through here on every
    /// use, so it reads the four bytes at once.
    pub fn word(&self, address: u32) -> u32 {
        let offset = self.offset(address);
        match self.bytes.get(offset..offset.wrapping_add(4)) {
            Some(four) => u32::from_le_bytes([four[0], four[1], four[2], four[3]]),
            None => 0,
        }
    }

    /// The u16 at `address`.
    pub fn half(&self, address: u32) -> u16 {
        read_uint(self.bytes, self.offset(address), 2).unwrap_or(0) as u16
    }

    /// `len` bytes at `address` (empty outside the image).
    pub fn slice(&self, address: u32, len: usize) -> &'a [u8] {
        let offset = self.offset(address);
        self.bytes.get(offset..offset.wrapping_add(len)).unwrap_or(&[])
    }

    /// The bytes of pool qstr number `index` (0-based).
    pub fn qstr_bytes(&self, index: u32) -> &'a [u8] {
        self.pool.get(index).unwrap_or(&[])
    }

    /// Where the bytes of pool qstr number `index` lie: `(offset, length)`
    /// in the image, for [`ImageView::range`].
    pub fn qstr_location(&self, index: u32) -> (usize, usize) {
        self.pool.locate(index).unwrap_or((0, 0))
    }

    /// The image bytes from `offset` on, `len` of them (empty outside the image).
    pub fn range(&self, offset: usize, len: usize) -> &'a [u8] {
        self.bytes.get(offset..offset.wrapping_add(len)).unwrap_or(&[])
    }

    /// The 16-bit hash of pool qstr number `index` (the pool stores only its
    /// low byte, for lookups: the full hash is computed from the text).
    pub fn qstr_hash(&self, index: u32) -> u16 {
        rime_bytecode::qstr_hash16(self.qstr_bytes(index))
    }

    /// The id of `bytes`, whose 16-bit qstr hash is `hash`, in the pool: only
    /// pool strings of the same length and stored hash byte are compared.
    pub fn find_qstr(&self, bytes: &[u8], hash: u16) -> Option<u32> {
        Some(self.first_qstr + self.pool.find_hashed(bytes, hash)?)
    }

    /// The number of frozen modules.
    pub fn module_count(&self) -> u32 {
        if self.bytes.is_empty() {
            0
        } else {
            self.word(self.index_start)
        }
    }

    /// Entry `index` of the module index: `(name qstr id, module entry address)`.
    pub fn module_entry(&self, index: u32) -> (u32, u32) {
        let module = self.word(self.index_start + 4 + 4 * index);
        (self.module_name(module), module)
    }

    /// The qstr id of the frozen name of the module whose entry is at `module`.
    pub fn module_name(&self, module: u32) -> u32 {
        u32::from(self.half(module))
    }

    /// The address of the top-level raw code of the module whose entry is at `module`.
    pub fn module_root(&self, module: u32) -> u32 {
        self.word(module + 8)
    }

    /// The number of flash functions of the module whose entry is at `module`.
    pub fn module_function_count(&self, module: u32) -> u32 {
        u32::from(self.half(module + 12))
    }

    /// The image-wide ordinal of the first flash function of the module
    /// whose entry is at `module`.
    pub fn module_first_function(&self, module: u32) -> u32 {
        u32::from(self.half(module + 14))
    }

    /// The flash functions of every module.
    pub fn flash_function_total(&self) -> u32 {
        (0..self.module_count())
            .map(|index| self.module_entry(index).1)
            .map(|module| self.module_first_function(module) + self.module_function_count(module))
            .max()
            .unwrap_or(0)
    }

    /// Where the tables after a module entry's fixed fields, qstr table and
    /// object table begin (its flash functions, then its flash namespaces).
    fn module_tables(&self, module: u32) -> u32 {
        let (qstr_bits, object_bits) = (usize::from(self.byte(module + 6)), usize::from(self.byte(module + 7)));
        let qstr_count = usize::from(self.half(module + 2));
        let object_count = usize::from(self.half(module + 4));
        let (_, _, tables) = module_entry(qstr_count, qstr_bits, object_count, object_bits);
        module.wrapping_add(tables as u32)
    }

    /// The flash function proposed for raw code `raw_code` of the module
    /// whose entry is at `module`: `(image-wide ordinal, function address)`.
    /// A binary search of the module's flash function table.
    pub fn flash_function(&self, module: u32, raw_code: u32) -> Option<(u32, u32)> {
        let count = self.module_function_count(module);
        if count == 0 {
            return None;
        }
        let table = self.module_tables(module);
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            let entry = table.wrapping_add(FUNCTION_ENTRY_SIZE as u32 * middle);
            let key = self.word(entry);
            match key.cmp(&raw_code) {
                core::cmp::Ordering::Equal => {
                    let ordinal = self.module_first_function(module) + middle;
                    return Some((ordinal, self.word(entry + 4)));
                }
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }

    /// The flash namespace laid out for the class body `raw_code` of the
    /// module whose entry is at `module`: `(table address, entry count)`.
    pub fn flash_namespace(&self, module: u32, raw_code: u32) -> Option<(u32, u32)> {
        let count = u32::from(self.half(module + 16));
        if count == 0 {
            return None;
        }
        let functions = FUNCTION_ENTRY_SIZE as u32 * self.module_function_count(module);
        let table = self.module_tables(module).wrapping_add(functions);
        (0..count)
            .map(|index| table.wrapping_add(NAMESPACE_ENTRY_SIZE as u32 * index))
            .find_map(|entry| (self.word(entry) == raw_code).then(|| (self.word(entry + 4), self.word(entry + 8))))
    }

    /// The global qstr id of entry `index` of a module's qstr table (the
    /// table right after the entry's fixed fields).
    pub fn module_qstr(&self, module: u32, index: u32) -> u32 {
        self.qstr_in_table(self.module_qstr_table(module), index)
    }

    /// Where the qstr table of the module whose entry is at `module` lies:
    /// `(offset in the image, bits per entry)`, for [`ImageView::qstr_in_table`]
    /// (the interpreter finds it once per frame, not once per name).
    /// An entry width outside 1..=32 bits (a malformed image) is given as 0,
    /// which makes every entry read as 0.
    pub fn module_qstr_table(&self, module: u32) -> (usize, usize) {
        let bits = usize::from(self.byte(module + 6));
        let (qstrs, _, _) = module_entry(0, bits, 0, 0);
        let bits = if (1..=32).contains(&bits) { bits } else { 0 };
        (self.offset(module) + qstrs, bits)
    }

    /// The global qstr id of entry `index` of a qstr table found by
    /// [`ImageView::module_qstr_table`]. Every name operand the interpreter
    /// runs comes through here, so the usual case (an entry of at most 25
    /// bits, which one unaligned 32-bit read holds) is short enough to inline
    /// and the rest is out of line.
    #[inline]
    pub fn qstr_in_table(&self, table: (usize, usize), index: u32) -> u32 {
        let (start, bits) = table;
        if bits <= 25 {
            if let Some(bit) = bits.checked_mul(index as usize) {
                let at = start.wrapping_add(bit / 8);
                if let Some(&[b0, b1, b2, b3]) = self.bytes.get(at..at.wrapping_add(4)) {
                    return (u32::from_le_bytes([b0, b1, b2, b3]) >> (bit % 8)) & ((1u32 << bits) - 1);
                }
            }
        }
        self.qstr_in_table_wide(table, index)
    }

    /// [`ImageView::qstr_in_table`] for wide entries and entries within four
    /// bytes of the image's end.
    #[inline(never)]
    fn qstr_in_table_wide(&self, table: (usize, usize), index: u32) -> u32 {
        packed_uint(self.bytes, table.0, table.1, index as usize).unwrap_or(0)
    }

    /// The object word of entry `index` of a module's object table.
    pub fn module_object(&self, module: u32, index: u32) -> u32 {
        let (qstr_bits, object_bits) = (usize::from(self.byte(module + 6)), usize::from(self.byte(module + 7)));
        let (_, objects, _) = module_entry(usize::from(self.half(module + 2)), qstr_bits, 0, object_bits);
        let entry = packed_uint(self.bytes, self.offset(module) + objects, object_bits, index as usize).unwrap_or(0);
        object_word(entry, self.constants_start)
    }

    /// The byte at `address` (0 outside the image).
    fn byte(&self, address: u32) -> u8 {
        self.bytes.get(self.offset(address)).copied().unwrap_or(0)
    }

    /// The fun_data (prelude and bytecode) of the raw code at `raw_code`.
    pub fn fun_data(&self, raw_code: u32) -> &'a [u8] {
        match CodeRecord::read(self.bytes, self.offset(raw_code)) {
            Some(record) => self.bytes.get(record.fun_data..record.end()).unwrap_or(&[]),
            None => &[],
        }
    }

    /// The address of child `index` (in `MAKE_FUNCTION` order) of the raw code at `raw_code`.
    pub fn child(&self, raw_code: u32, index: u32) -> u32 {
        match CodeRecord::child(self.bytes, self.offset(raw_code), index as usize) {
            Some(offset) => self.link_address.wrapping_add(offset as u32),
            None => 0,
        }
    }
}
