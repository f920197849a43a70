//! [`ImageBuilder`]: lays out a frozen image from compiled modules, resources
//! and sources, deterministically.
//!
//! The builder sorts everything by name first, so the order in which inputs
//! are added never shows in the output. It then builds the qstr pool (every
//! string once, minus the runtime's static qstrs), the constants (each
//! distinct constant once for the whole image), the code, the module tables
//! and the name tables, in the order of the format, and finally the header
//! and its checksum. Alongside the bytes it returns [`ImageStats`], the
//! figures of the freezer's size report.

use super::check::MAX_DEPTH;
use super::{board_id, checksum, fits_small_int, module_entry, packed_bits, qstr_word, small_int_word};
use super::{pool_hash, FUNCTION_ENTRY_SIZE, MODULE_ENTRY_SIZE, NAMESPACE_ENTRY_SIZE, POOL_CLASS_SIZE, POOL_PREFIX};
use super::{Abi, Header};
use super::{FLASH_BASE, FORMAT_VERSION, HEADER_SIZE, HEAP_BASE, MAX_QSTR_ID, QSTR_CONST_MAX_LEN, SECTION_COUNT};
use super::{OBJECT_BITS, QSTR_BITS};
use super::{WORD_ELLIPSIS, WORD_FALSE, WORD_NONE, WORD_TRUE};
use crate::constant::Constant;
use crate::mpy::{MpyModule, RawCode};
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

mod flash;

/// Why an image could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    /// What is wrong, as a sentence.
    pub message: String,
}

impl core::fmt::Display for BuildError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message)
    }
}

fn error<T>(message: String) -> Result<T, BuildError> {
    Err(BuildError { message })
}

/// Sizes of one module in an image, for the size report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ModuleStats {
    /// Its frozen name.
    pub name: String,
    /// Raw code descriptors, child lists and bytecode.
    pub code_bytes: u32,
    /// Constant objects this module is the first (by name) to use.
    pub constant_bytes: u32,
    /// Pool entries (tables and data) this module is the first to use.
    pub qstr_bytes: u32,
    /// The module entry, its qstr table and its object table.
    pub table_bytes: u32,
    /// The number of pool qstrs this module is the first to use.
    pub new_qstrs: u32,
    /// The length of its qstr table.
    pub qstr_count: u32,
    /// The length of its object table.
    pub object_count: u32,
    /// The number of raw codes.
    pub raw_codes: u32,
}

impl ModuleStats {
    /// Everything charged to the module.
    pub fn total(&self) -> u32 {
        self.code_bytes + self.constant_bytes + self.qstr_bytes + self.table_bytes
    }
}

/// Figures of a built image.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImageStats {
    /// The image size, header included.
    pub total_bytes: u32,
    /// `(offset, size)` of every section, in [`Section::ALL`] order.
    pub sections: [(u32, u32); SECTION_COUNT],
    /// Strings in the pool.
    pub qstr_count: u32,
    /// Per compiled module, sorted by name.
    pub modules: Vec<ModuleStats>,
    /// `(name, bytes in the constants section)` per resource, sorted by name.
    pub resources: Vec<(String, u32)>,
    /// `(name, bytes in the constants section)` per source module, sorted by name.
    pub sources: Vec<(String, u32)>,
    /// Where the bytes go: `(part, bytes)` for every part of the layout
    /// (header, pool offsets, lengths, hashes and text, constants by kind,
    /// record headers, fun_data, module tables…), summing to `total_bytes`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub parts: Vec<(String, u32)>,
}

/// A built image.
#[derive(Clone, Debug)]
pub struct BuiltImage {
    pub bytes: Vec<u8>,
    pub stats: ImageStats,
}

/// Collects the inputs of an image; [`ImageBuilder::build`] lays it out.
#[derive(Clone, Debug)]
pub struct ImageBuilder<'a> {
    abi: Abi<'a>,
    board: String,
    link_address: u32,
    heap_size: u32,
    main: Option<String>,
    modules: Vec<(String, MpyModule)>,
    resources: Vec<(String, Vec<u8>)>,
    sources: Vec<(String, String)>,
    qstrs: Vec<String>,
}

impl<'a> ImageBuilder<'a> {
    /// A builder for `board`, linked against `abi`, at [`FLASH_BASE`].
    pub fn new(abi: Abi<'a>, board: &str) -> Self {
        ImageBuilder {
            abi,
            board: board.to_string(),
            link_address: FLASH_BASE,
            heap_size: 0,
            main: None,
            modules: Vec::new(),
            resources: Vec::new(),
            sources: Vec::new(),
            qstrs: Vec::new(),
        }
    }

    /// Sets the address the image will sit at.
    pub fn link_address(&mut self, address: u32) -> &mut Self {
        self.link_address = address;
        self
    }

    /// Sets the heap size the manifest asks for (0 = the board's default).
    pub fn heap_size(&mut self, bytes: u32) -> &mut Self {
        self.heap_size = bytes;
        self
    }

    /// Sets the module run at boot, by frozen name (`main.py`).
    pub fn main_module(&mut self, name: &str) -> &mut Self {
        self.main = Some(name.to_string());
        self
    }

    /// Adds a compiled module under its frozen name (`pkg/mod.py`).
    pub fn module(&mut self, name: &str, module: MpyModule) -> &mut Self {
        self.modules.push((name.to_string(), module));
        self
    }

    /// Adds a resource file.
    pub fn resource(&mut self, name: &str, bytes: Vec<u8>) -> &mut Self {
        self.resources.push((name.to_string(), bytes));
        self
    }

    /// Adds a module frozen as source text.
    pub fn source(&mut self, name: &str, text: String) -> &mut Self {
        self.sources.push((name.to_string(), text));
        self
    }

    /// Adds a string to the pool (the manifest's extra qstrs).
    pub fn qstr(&mut self, text: &str) -> &mut Self {
        self.qstrs.push(text.to_string());
        self
    }

    /// Lays the image out.
    pub fn build(&self) -> Result<BuiltImage, BuildError> {
        let board = board_id(&self.board)
            .map_or_else(|| error(format!("board id `{}` is not ASCII of at most 16 bytes", self.board)), Ok)?;
        if self.link_address & 3 != 0 || !(FLASH_BASE..HEAP_BASE).contains(&self.link_address) {
            return error(format!("link address 0x{:08x} is not a 4-byte aligned flash address", self.link_address));
        }
        let types = self.abi.types;
        for address in [types.str, types.bytes, types.int, types.float, types.complex, types.tuple, types.function] {
            if address & 3 != 0 || address >= FLASH_BASE || address == 0 {
                return error(format!("builtin type address 0x{address:08x} is not a static object address"));
            }
        }
        let modules = sorted(&self.modules, "module")?;
        let resources = sorted(&self.resources, "resource")?;
        let sources = sorted(&self.sources, "source module")?;
        for (name, module) in &modules {
            if module.small_int_bits > 31 {
                return error(format!(
                    "`{name}` was compiled for {}-bit small ints; images hold 31",
                    module.small_int_bits
                ));
            }
        }
        if let Some(main) = &self.main {
            if !modules.iter().any(|(name, _)| name == main) && !sources.iter().any(|(name, _)| name == main) {
                return error(format!("the main module `{main}` is not among the frozen modules"));
            }
        }

        let pool = self.pool(&modules, &resources, &sources)?;
        let first_qstr = self.abi.first_qstr();
        let ids: BTreeMap<&str, u32> =
            pool.iter().enumerate().map(|(index, text)| (text.as_str(), first_qstr + index as u32)).collect();
        if u64::from(first_qstr) + pool.len() as u64 > u64::from(MAX_QSTR_ID) + 1 {
            return error(format!("{} strings do not fit the qstr ids left by the runtime", pool.len()));
        }
        let qstr_id = |text: &str| self.abi.static_qstr_id(text).or_else(|| ids.get(text).copied());
        let pool_bytes = pool_section(&pool);
        let mut stats = ImageStats { qstr_count: pool.len() as u32, ..ImageStats::default() };

        // Constants: module object tables, then resources, then sources.
        let constants_base = self.link_address + (HEADER_SIZE + pool_bytes.len()) as u32;
        let mut constants =
            Constants { base: constants_base, bytes: Vec::new(), seen: BTreeMap::new(), types, kinds: BTreeMap::new() };
        let mut object_tables = Vec::new();
        let mut charged: BTreeSet<&str> = BTreeSet::new();
        for (name, module) in &modules {
            let before = constants.bytes.len();
            let mut words = Vec::new();
            for constant in &module.objects {
                words.push(constants.word(constant, &qstr_id, 0)?);
            }
            object_tables.push(words);
            let mut module_stats = ModuleStats {
                name: name.to_string(),
                constant_bytes: (constants.bytes.len() - before) as u32,
                qstr_count: module.qstrs.len() as u32,
                object_count: module.objects.len() as u32,
                ..ModuleStats::default()
            };
            for text in module.qstrs.iter().map(String::as_str).chain(core::iter::once(*name)) {
                if ids.contains_key(text) && charged.insert(text) {
                    module_stats.new_qstrs += 1;
                    module_stats.qstr_bytes += text.len() as u32 + 1;
                }
            }
            stats.modules.push(module_stats);
        }
        let mut resource_words = Vec::new();
        for (name, data) in &resources {
            let before = constants.bytes.len();
            resource_words.push(constants.object(Key::Bytes(data.to_vec()))?);
            stats.resources.push((name.to_string(), (constants.bytes.len() - before) as u32));
        }
        let mut source_words = Vec::new();
        for (name, text) in &sources {
            let before = constants.bytes.len();
            source_words.push(constants.object(Key::Str(text.to_string()))?);
            stats.sources.push((name.to_string(), (constants.bytes.len() - before) as u32));
        }
        // Flash objects: their defaults tuples and namespace constants join
        // the constants; the objects follow every constant, laid out once
        // the code's address is known (the code's bytes do not depend on it).
        let mut plans = Vec::new();
        for ((name, module), module_stats) in modules.iter().zip(&mut stats.modules) {
            let before = constants.bytes.len();
            let names = (qstr_id(&dotted_name(name)).unwrap_or(0), qstr_id(name).unwrap_or(0));
            plans.push(flash::plan(module, names, &mut constants, &qstr_id)?);
            module_stats.constant_bytes += (constants.bytes.len() - before) as u32;
        }
        let mut constant_bytes = constants.bytes;
        let (function_bytes, wrapper_bytes, table_bytes) = flash::sizes(&plans);
        let flash_bytes = function_bytes + wrapper_bytes + table_bytes;
        let mut parts: Vec<(String, u32)> = alloc::vec![("header".to_string(), HEADER_SIZE as u32)];
        let texts: u32 = pool.iter().map(|text| text.len() as u32).sum();
        parts.push(("pool: text".to_string(), texts));
        parts.push(("pool: hashes".to_string(), pool.len() as u32));
        parts.push((
            "pool: count, length classes, padding".to_string(),
            pool_bytes.len() as u32 - texts - pool.len() as u32,
        ));
        parts.extend(constants.kinds.iter().map(|(kind, size)| (kind.to_string(), *size)));

        // Code, module by module, after the section's prefix.
        let code_base = constants_base + (constant_bytes.len() + flash_bytes) as u32;
        let mut code = Vec::new();
        let mut roots = Vec::new();
        for ((_, module), module_stats) in modules.iter().zip(&mut stats.modules) {
            let before = code.len();
            roots.push(code_base + before as u32);
            module_stats.raw_codes = emit_code(&module.root, &mut code, 0)?;
            module_stats.code_bytes = (code.len() - before) as u32;
        }
        let flash_start = constants_base + constant_bytes.len() as u32;
        let flash_objects = flash::lay_out(&plans, flash_start, &roots, &types, &mut constant_bytes);
        debug_assert_eq!(constant_bytes.len() as u32, code_base - constants_base);
        parts.push(("constants: flash functions".to_string(), function_bytes as u32));
        parts.push(("constants: flash wrappers".to_string(), wrapper_bytes as u32));
        parts.push(("constants: flash namespaces".to_string(), table_bytes as u32));
        for (module_stats, plan_bytes) in stats.modules.iter_mut().zip(flash::module_sizes(&plans)) {
            module_stats.constant_bytes += plan_bytes as u32;
        }
        let fun_data: u32 = modules.iter().map(|(_, module)| fun_data_len(&module.root)).sum();
        parts.push(("code: fun_data".to_string(), fun_data));
        parts.push(("code: record headers".to_string(), code.len() as u32 - fun_data));
        let unpadded = code.len();
        pad(&mut code);
        parts.push(("code: padding".to_string(), (code.len() - unpadded) as u32));

        // Module entries, each followed by its tables, packed.
        let modules_base = code_base + code.len() as u32;
        let mut entries = Vec::new();
        let mut module_addresses = Vec::new();
        let mut function_ordinal = 0usize;
        for (index, (name, module)) in modules.iter().enumerate() {
            let too_many = |what: &str, count: usize| {
                error(format!("`{name}` has {count} {what}; a module may have {}", u16::MAX))
            };
            let qstr_count = u16::try_from(module.qstrs.len()).or_else(|_| too_many("qstrs", module.qstrs.len()))?;
            let object_count =
                u16::try_from(module.objects.len()).or_else(|_| too_many("constants", module.objects.len()))?;
            let start = entries.len();
            module_addresses.push(modules_base + start as u32);
            let name_id = qstr_id(name).unwrap_or(0) as u16;
            let ids: Vec<u32> = module.qstrs.iter().map(|text| qstr_id(text).unwrap_or(0)).collect();
            let objects: Vec<u32> = object_tables[index]
                .iter()
                .map(|word| if word & 3 == 0 { word - constants_base } else { *word })
                .collect();
            let bits = packed_bits(ids.iter().copied(), QSTR_BITS);
            let object_bits = packed_bits(objects.iter().copied(), OBJECT_BITS);
            for half in [name_id, qstr_count, object_count] {
                entries.extend_from_slice(&half.to_le_bytes());
            }
            entries.extend_from_slice(&[bits as u8, object_bits as u8]);
            push_word(&mut entries, roots[index]);
            let functions = &flash_objects[index].functions;
            let namespaces = &flash_objects[index].namespaces;
            let (function_count, first_function) = (functions.len(), function_ordinal);
            function_ordinal += function_count;
            if function_ordinal > usize::from(u16::MAX) || namespaces.len() > usize::from(u16::MAX) {
                return error(format!("the image has more than {} flash functions or namespaces", u16::MAX));
            }
            for half in [function_count as u16, first_function as u16, namespaces.len() as u16, 0] {
                entries.extend_from_slice(&half.to_le_bytes());
            }
            let qstr_table = entries.len();
            push_packed(&mut entries, &ids, bits);
            let object_table = entries.len();
            push_packed(&mut entries, &objects, object_bits);
            let function_table = entries.len();
            for (raw_code, function) in functions {
                push_word(&mut entries, *raw_code);
                push_word(&mut entries, *function);
            }
            let namespace_table = entries.len();
            for (raw_code, table, count) in namespaces {
                [*raw_code, *table, *count].iter().for_each(|word| push_word(&mut entries, *word));
            }
            *part(&mut parts, "modules: fixed fields") += MODULE_ENTRY_SIZE as u32;
            *part(&mut parts, "modules: qstr tables") += (object_table - qstr_table) as u32;
            *part(&mut parts, "modules: object tables") += (function_table - object_table) as u32;
            *part(&mut parts, "modules: flash function tables") += (namespace_table - function_table) as u32;
            *part(&mut parts, "modules: flash namespace tables") += (entries.len() - namespace_table) as u32;
            let (_, _, size) = module_entry(module.qstrs.len(), bits, module.objects.len(), object_bits);
            let size = size + FUNCTION_ENTRY_SIZE * function_count + NAMESPACE_ENTRY_SIZE * namespaces.len();
            debug_assert_eq!(entries.len() - start, size);
            stats.modules[index].table_bytes = size as u32;
        }
        let unpadded = entries.len();
        pad(&mut entries);
        *part(&mut parts, "modules: padding") += (entries.len() - unpadded) as u32;

        let name_table = |names: &mut dyn Iterator<Item = (&str, u32)>| {
            let pairs: Vec<(&str, u32)> = names.collect();
            let mut out = Vec::new();
            push_word(&mut out, pairs.len() as u32);
            for (name, address) in pairs {
                push_word(&mut out, qstr_id(name).unwrap_or(0));
                push_word(&mut out, address);
            }
            out
        };
        let mut index = Vec::new();
        push_word(&mut index, module_addresses.len() as u32);
        module_addresses.iter().for_each(|address| push_word(&mut index, *address));
        let resource_table =
            name_table(&mut resources.iter().map(|(name, _)| *name).zip(resource_words.iter().copied()));
        let source_table = name_table(&mut sources.iter().map(|(name, _)| *name).zip(source_words.iter().copied()));

        parts.push(("module index".to_string(), index.len() as u32));
        parts.push(("resources and sources tables".to_string(), (resource_table.len() + source_table.len()) as u32));
        let sections_bytes = [pool_bytes, constant_bytes, code, entries, index, resource_table, source_table];
        let mut bytes = alloc::vec![0u8; HEADER_SIZE];
        let mut sections = [(0u32, 0u32); SECTION_COUNT];
        for (section, part) in sections.iter_mut().zip(&sections_bytes) {
            *section = (bytes.len() as u32, part.len() as u32);
            bytes.extend_from_slice(part);
        }
        if u64::from(self.link_address) + bytes.len() as u64 > u64::from(HEAP_BASE) {
            return error(format!("the image ({} bytes) does not fit below the heap at its link address", bytes.len()));
        }
        let mut header = Header {
            format_version: FORMAT_VERSION,
            abi_id: self.abi.abi_id,
            word_size: 4,
            little_endian: true,
            link_address: self.link_address,
            total_size: bytes.len() as u32,
            first_qstr,
            main_module: self.main.as_deref().and_then(qstr_id).unwrap_or(0),
            board,
            sections,
            heap_size: self.heap_size,
            checksum: [0; 16],
        };
        bytes[..HEADER_SIZE].copy_from_slice(&header.to_bytes());
        header.checksum = checksum(&bytes);
        bytes[..HEADER_SIZE].copy_from_slice(&header.to_bytes());
        stats.total_bytes = bytes.len() as u32;
        stats.sections = sections;
        stats.parts = parts;
        Ok(BuiltImage { bytes, stats })
    }

    /// Every string the image needs as a qstr and the runtime lacks, in pool order.
    fn pool(
        &self,
        modules: &[(&str, &MpyModule)],
        resources: &[(&str, &Vec<u8>)],
        sources: &[(&str, &String)],
    ) -> Result<Vec<String>, BuildError> {
        let mut set: BTreeSet<&str> = BTreeSet::new();
        let dotted: Vec<String> = modules.iter().map(|(name, _)| dotted_name(name)).collect();
        set.extend(dotted.iter().map(String::as_str));
        // A submodule's own name, which an import stores in its package's
        // globals (`pkg.mod` → `mod`): interned at run time it would take heap.
        set.extend(dotted.iter().filter_map(|name| name.rsplit_once('.').map(|(_, leaf)| leaf)));
        // The keys of every module's first globals (static in a real runtime).
        if !modules.is_empty() {
            set.extend(["__name__", "__file__"]);
        }
        for (name, module) in modules {
            set.insert(name);
            set.extend(module.qstrs.iter().map(String::as_str));
            for constant in &module.objects {
                short_strs(constant, &mut set);
            }
        }
        set.extend(resources.iter().map(|(name, _)| *name));
        set.extend(sources.iter().map(|(name, _)| *name));
        set.extend(self.qstrs.iter().map(String::as_str));
        let mut pool = Vec::new();
        for text in set {
            if text.len() > usize::from(u16::MAX) {
                return error(format!("a qstr of {} bytes is longer than the 65535 a qstr may have", text.len()));
            }
            if self.abi.static_qstr_id(text).is_none() {
                pool.push(text.to_string());
            }
        }
        pool.sort_by(|a, b| pool_order(a, b));
        Ok(pool)
    }
}

/// The dotted module name of a frozen name, as imports intern it
/// (`pkg/__init__.py` → `pkg`, `pkg/mod.py` → `pkg.mod`): a class body's
/// `__module__`, which flash namespaces hold as a qstr of the pool.
fn dotted_name(frozen: &str) -> String {
    let stem = frozen.strip_suffix(".py").unwrap_or(frozen);
    let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
    stem.replace('/', ".")
}

/// The entries sorted by name, or an error naming a duplicate.
fn sorted<'e, T>(entries: &'e [(String, T)], what: &str) -> Result<Vec<(&'e str, &'e T)>, BuildError> {
    let mut out: Vec<(&str, &T)> = entries.iter().map(|(name, value)| (name.as_str(), value)).collect();
    out.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in out.windows(2) {
        if pair[0].0 == pair[1].0 {
            return error(format!("{what} `{}` is given twice", pair[0].0));
        }
    }
    Ok(out)
}

/// Adds the strs of `constant` short enough to become qstrs.
fn short_strs<'c>(constant: &'c Constant, set: &mut BTreeSet<&'c str>) {
    match constant {
        Constant::Str(text) if text.len() < QSTR_CONST_MAX_LEN => {
            set.insert(text);
        }
        Constant::Tuple(items) => items.iter().for_each(|item| short_strs(item, set)),
        _ => {}
    }
}

pub(super) fn push_word(out: &mut Vec<u8>, word: u32) {
    out.extend_from_slice(&word.to_le_bytes());
}

/// Appends `values` packed as `bits`-bit entries, least significant bit
/// first, padded to a byte ([`super::packed_uint`] reads them).
fn push_packed(out: &mut Vec<u8>, values: &[u32], bits: usize) {
    let table = out.len();
    out.resize(table + (bits * values.len()).div_ceil(8), 0);
    for (slot, value) in values.iter().enumerate() {
        let bit = bits * slot;
        let shifted = u64::from(*value) << (bit % 8);
        for (byte, part) in out[table + bit / 8..].iter_mut().zip(shifted.to_le_bytes()) {
            *byte |= part;
        }
    }
}

fn pad(out: &mut Vec<u8>) {
    while out.len() & 3 != 0 {
        out.push(0);
    }
}

/// The qstr pool section of `pool` (in pool order, see [`pool_order`]).
fn pool_section(pool: &[String]) -> Vec<u8> {
    let mut classes: Vec<(usize, usize)> = Vec::new();
    for (index, text) in pool.iter().enumerate() {
        if classes.last().is_none_or(|(length, _)| *length != text.len()) {
            classes.push((text.len(), index));
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(&(pool.len() as u16).to_le_bytes());
    out.extend_from_slice(&(classes.len() as u16).to_le_bytes());
    let mut text_offset = POOL_PREFIX + POOL_CLASS_SIZE * classes.len() + pool.len();
    for (class, (length, first)) in classes.iter().enumerate() {
        out.extend_from_slice(&(*length as u16).to_le_bytes());
        out.extend_from_slice(&(*first as u16).to_le_bytes());
        out.extend_from_slice(&(text_offset as u32).to_le_bytes());
        let end = classes.get(class + 1).map_or(pool.len(), |(_, next)| *next);
        text_offset += length * (end - first);
    }
    out.extend(pool.iter().map(|text| pool_hash(crate::qstr_hash16(text.as_bytes()))));
    for text in pool {
        out.extend_from_slice(text.as_bytes());
    }
    pad(&mut out);
    out
}

/// The order of the pool: by length, then hash byte, then bytes.
fn pool_order(a: &str, b: &str) -> core::cmp::Ordering {
    let key = |text: &str| (text.len(), pool_hash(crate::qstr_hash16(text.as_bytes())));
    key(a).cmp(&key(b)).then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

/// A constant object, as the key that makes identical ones shared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Str(String),
    Bytes(Vec<u8>),
    Int { negative: bool, digits: Vec<u32> },
    Float(u64),
    Complex(u64, u64),
    Tuple(Vec<u32>),
}

/// The constants section being built.
pub(super) struct Constants {
    base: u32,
    bytes: Vec<u8>,
    seen: BTreeMap<Key, u32>,
    types: super::BuiltinTypes,
    /// Bytes per kind of object, padding included, for [`ImageStats::parts`].
    kinds: BTreeMap<&'static str, u32>,
}

impl Constants {
    /// The object word of a constant, adding objects as needed.
    pub(super) fn word(
        &mut self,
        constant: &Constant,
        qstr_id: &dyn Fn(&str) -> Option<u32>,
        depth: u32,
    ) -> Result<u32, BuildError> {
        if depth > MAX_DEPTH {
            return error(format!("constant tuples are nested deeper than {MAX_DEPTH}"));
        }
        let key = match constant {
            Constant::None => return Ok(WORD_NONE),
            Constant::True => return Ok(WORD_TRUE),
            Constant::False => return Ok(WORD_FALSE),
            Constant::Ellipsis => return Ok(WORD_ELLIPSIS),
            Constant::Str(text) => match qstr_id(text) {
                Some(id) => return Ok(qstr_word(id)),
                None => Key::Str(text.clone()),
            },
            Constant::Bytes(data) => Key::Bytes(data.clone()),
            Constant::Int(text) => {
                let (negative, digits) =
                    parse_decimal(text).map_or_else(|| error(format!("int constant `{text}` is not decimal")), Ok)?;
                let magnitude = match digits.as_slice() {
                    [] => Some(0i64),
                    [low] => Some(i64::from(*low)),
                    _ => None,
                };
                if let Some(value) = magnitude.map(|value| if negative { -value } else { value }) {
                    if fits_small_int(value) {
                        return Ok(small_int_word(value as i32));
                    }
                }
                Key::Int { negative, digits }
            }
            Constant::Float(value) => Key::Float(value.to_bits()),
            Constant::Complex { real, imag } => Key::Complex(real.to_bits(), imag.to_bits()),
            // `()` is the runtime's one empty tuple, so `is` behaves as in MicroPython.
            Constant::Tuple(items) if items.is_empty() && self.types.empty_tuple != 0 => {
                return Ok(self.types.empty_tuple)
            }
            Constant::Tuple(items) => {
                let mut words = Vec::new();
                for item in items {
                    words.push(self.word(item, qstr_id, depth + 1)?);
                }
                Key::Tuple(words)
            }
        };
        self.object(key)
    }

    /// The address of the object for `key`, laid out on first use.
    fn object(&mut self, key: Key) -> Result<u32, BuildError> {
        if let Some(address) = self.seen.get(&key) {
            return Ok(*address);
        }
        let address = self.base + self.bytes.len() as u32;
        let out = &mut self.bytes;
        let types = &self.types;
        let mut data_object = |type_word: u32, data: &[u8]| {
            push_word(out, type_word);
            push_word(out, u32::from(crate::qstr_hash16(data)));
            push_word(out, data.len() as u32);
            push_word(out, address + 16);
            out.extend_from_slice(data);
            out.push(0);
        };
        match &key {
            Key::Str(text) => data_object(types.str, text.as_bytes()),
            Key::Bytes(data) => data_object(types.bytes, data),
            Key::Int { negative, digits } => {
                push_word(out, types.int);
                push_word(out, (digits.len() as u32) << 1 | u32::from(*negative));
                push_word(out, address + 12);
                digits.iter().for_each(|digit| push_word(out, *digit));
            }
            Key::Float(bits) => {
                for word in [types.float, *bits as u32, (*bits >> 32) as u32] {
                    push_word(out, word);
                }
            }
            Key::Complex(real, imag) => {
                for word in [types.complex, *real as u32, (*real >> 32) as u32, *imag as u32, (*imag >> 32) as u32] {
                    push_word(out, word);
                }
            }
            Key::Tuple(words) => {
                push_word(out, types.tuple);
                push_word(out, words.len() as u32);
                words.iter().for_each(|word| push_word(out, *word));
            }
        }
        pad(out);
        let kind = match &key {
            Key::Str(_) => "constants: str",
            Key::Bytes(_) => "constants: bytes",
            Key::Int { .. } => "constants: int",
            Key::Float(_) => "constants: float",
            Key::Complex(..) => "constants: complex",
            Key::Tuple(_) => "constants: tuple",
        };
        *self.kinds.entry(kind).or_insert(0) += self.bytes.len() as u32 - (address - self.base);
        if u64::from(self.base) + self.bytes.len() as u64 > u64::from(HEAP_BASE) {
            return error("the constants do not fit the flash range".to_string());
        }
        self.seen.insert(key, address);
        Ok(address)
    }
}

/// Parses decimal text (with an optional `-`) into u32 digits, least
/// significant first, without leading zero digits.
pub(super) fn parse_decimal(text: &str) -> Option<(bool, Vec<u32>)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if body.is_empty() {
        return None;
    }
    let mut digits: Vec<u32> = Vec::new();
    for byte in body.bytes() {
        let mut carry = u64::from(byte.is_ascii_digit().then(|| byte - b'0')?);
        for digit in digits.iter_mut() {
            let value = u64::from(*digit) * 10 + carry;
            *digit = value as u32;
            carry = value >> 32;
        }
        if carry != 0 {
            digits.push(carry as u32);
        }
    }
    Some((negative && !digits.is_empty(), digits))
}

/// The fun_data bytes of `code` and its descendants.
fn fun_data_len(code: &RawCode) -> u32 {
    code.fun_data.len() as u32 + code.children.iter().map(fun_data_len).sum::<u32>()
}

/// The entry of `parts` named `name`, added (zero) at the end if missing.
fn part<'p>(parts: &'p mut Vec<(String, u32)>, name: &str) -> &'p mut u32 {
    let index = match parts.iter().position(|(part, _)| part == name) {
        Some(index) => index,
        None => {
            parts.push((name.to_string(), 0));
            parts.len() - 1
        }
    };
    &mut parts[index].1
}

/// The offset of the record of the raw code at `path` (a child of `root`,
/// or a child of that child), relative to `root`'s record.
pub(super) fn child_record_offset(root: &RawCode, path: (usize, Option<usize>)) -> usize {
    let child_offset = |code: &RawCode, index: usize| {
        record_len(code)
            + code.children[..index].iter().map(|child| record_len(child) + descendants_len(child)).sum::<usize>()
    };
    let first = child_offset(root, path.0);
    match path.1 {
        Some(index) => first + child_offset(&root.children[path.0], index),
        None => first,
    }
}

/// The bytes of the records of `code`'s descendants.
fn descendants_len(code: &RawCode) -> usize {
    code.children.iter().map(|child| record_len(child) + descendants_len(child)).sum()
}

/// The bytes of the record of `code` alone.
fn record_len(code: &RawCode) -> usize {
    let mut info = Vec::new();
    push_record_info(code, &mut info);
    info.len() + code.fun_data.len()
}

/// Appends the fields of the record of `code` that precede its fun_data.
fn push_record_info(code: &RawCode, out: &mut Vec<u8>) {
    let has_children = !code.children.is_empty();
    let info = (code.fun_data.len() as u32) << 1 | u32::from(has_children);
    crate::varint::encode_uint(info, &mut |byte| out.push(byte));
    if has_children {
        crate::varint::encode_uint(code.children.len() as u32, &mut |byte| out.push(byte));
        crate::varint::encode_uint(descendants_len(code) as u32, &mut |byte| out.push(byte));
    }
}

/// Appends the record of `code` and its descendants', depth first, and
/// returns how many raw codes that was.
fn emit_code(code: &RawCode, out: &mut Vec<u8>, depth: u32) -> Result<u32, BuildError> {
    if depth > MAX_DEPTH {
        return error(format!("functions are nested deeper than {MAX_DEPTH}"));
    }
    if code.fun_data.len() >= 1 << 30 {
        return error(format!("a function of {} bytes is too long", code.fun_data.len()));
    }
    push_record_info(code, out);
    out.extend_from_slice(&code.fun_data);
    let mut count = 1;
    for child in &code.children {
        count += emit_code(child, out, depth + 1)?;
    }
    Ok(count)
}
