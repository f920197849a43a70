//! The VM's view of a frozen image lying at its link address: qstr pool,
//! module index and raw-code descriptors, read in place (layout in
//! `rime_bytecode::image`). Nothing here is copied to the heap.

use rime_bytecode::image::{Header, Section, FLASH_BASE, HEADER_SIZE, MAGIC};

/// Why an image cannot be run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageProblem {
    BadHeader,
    AbiMismatch { image: u32, runtime: u32 },
    BadLinkAddress,
}

/// A frozen image in the address space.
#[derive(Clone, Copy)]
pub struct ImageView<'a> {
    pub bytes: &'a [u8],
    pub link_address: u32,
    pub first_qstr: u32,
    pub qstr_count: u32,
    pub main_module: u32,
    pool_start: u32,
    index_start: u32,
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
            pool_start: 0,
            index_start: 0,
        }
    }

    /// Checks the header of `bytes` and reads its tables' places.
    pub fn new(bytes: &'a [u8], abi_id: u32) -> Result<ImageView<'a>, ImageProblem> {
        let header = Header::read(bytes).map_err(|_| ImageProblem::BadHeader)?;
        if bytes.get(..4) != Some(&MAGIC[..]) || bytes.len() < HEADER_SIZE {
            return Err(ImageProblem::BadHeader);
        }
        if header.abi_id != abi_id {
            return Err(ImageProblem::AbiMismatch { image: header.abi_id, runtime: abi_id });
        }
        if header.link_address < FLASH_BASE || header.link_address >= rime_bytecode::image::HEAP_BASE {
            return Err(ImageProblem::BadLinkAddress);
        }
        let mut view = ImageView {
            bytes,
            link_address: header.link_address,
            first_qstr: header.first_qstr,
            qstr_count: 0,
            main_module: header.main_module,
            pool_start: header.link_address + header.sections[Section::QstrPool as usize].0,
            index_start: header.link_address + header.sections[Section::ModuleIndex as usize].0,
        };
        if header.sections[Section::QstrPool as usize].1 >= 4 {
            view.qstr_count = view.word(view.pool_start);
        }
        Ok(view)
    }

    /// Whether `address` is inside the image.
    pub fn contains(&self, address: u32) -> bool {
        address.wrapping_sub(self.link_address) < self.bytes.len() as u32
    }

    /// The word at `address` (0 outside the image).
    pub fn word(&self, address: u32) -> u32 {
        let offset = address.wrapping_sub(self.link_address) as usize;
        match self.bytes.get(offset..offset.wrapping_add(4)) {
            Some(four) => u32::from_le_bytes([four[0], four[1], four[2], four[3]]),
            None => 0,
        }
    }

    /// The u16 at `address`.
    pub fn half(&self, address: u32) -> u16 {
        let offset = address.wrapping_sub(self.link_address) as usize;
        match self.bytes.get(offset..offset.wrapping_add(2)) {
            Some(two) => u16::from_le_bytes([two[0], two[1]]),
            None => 0,
        }
    }

    /// `len` bytes at `address` (empty outside the image).
    pub fn slice(&self, address: u32, len: usize) -> &'a [u8] {
        let offset = address.wrapping_sub(self.link_address) as usize;
        self.bytes.get(offset..offset.wrapping_add(len)).unwrap_or(&[])
    }

    /// The bytes of pool qstr number `index` (0-based).
    pub fn qstr_bytes(&self, index: u32) -> &'a [u8] {
        let count = self.qstr_count;
        if index >= count {
            return &[];
        }
        let lengths = self.pool_start + 4 + 2 * count;
        let offsets = self.pool_start + 4 + (4 * count).next_multiple_of(4);
        let len = self.half(lengths + 2 * index);
        let offset = self.word(offsets + 4 * index);
        self.slice(self.pool_start + offset, usize::from(len))
    }

    /// The hash of pool qstr number `index`.
    pub fn qstr_hash(&self, index: u32) -> u16 {
        self.half(self.pool_start + 4 + 2 * index)
    }

    /// The id of `bytes` in the pool (binary search).
    pub fn find_qstr(&self, bytes: &[u8]) -> Option<u32> {
        let (mut low, mut high) = (0, self.qstr_count);
        while low < high {
            let middle = (low + high) / 2;
            match self.qstr_bytes(middle).cmp(bytes) {
                core::cmp::Ordering::Equal => return Some(self.first_qstr + middle),
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }

    /// The number of frozen modules.
    pub fn module_count(&self) -> u32 {
        if self.bytes.is_empty() {
            0
        } else {
            self.word(self.index_start)
        }
    }

    /// Entry `index` of the module index: `(name qstr id, module descriptor address)`.
    pub fn module_entry(&self, index: u32) -> (u32, u32) {
        let at = self.index_start + 4 + 8 * index;
        (self.word(at), self.word(at + 4))
    }
}

/// The fields of a module descriptor in the image.
pub mod module {
    pub const NAME: u32 = 0;
    pub const QSTR_TABLE: u32 = 1;
    pub const QSTR_COUNT: u32 = 2;
    pub const OBJ_TABLE: u32 = 3;
    pub const OBJ_COUNT: u32 = 4;
    pub const ROOT: u32 = 5;
}

/// The fields of a raw-code descriptor in the image.
pub mod raw_code {
    pub const FUN_DATA: u32 = 0;
    pub const FUN_DATA_LEN: u32 = 1;
    pub const CHILDREN: u32 = 2;
    pub const COUNT_AND_KIND: u32 = 3;
}
