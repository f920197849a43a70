//! [`dump()`]: an annotated hex dump of a frozen image, for golden tests and
//! for looking at an image by hand.
//!
//! Every byte of the image is shown exactly once, in order, on lines of at
//! most 16 bytes: `offset  hex bytes  what they are`. The dump walks the
//! image with the reader's views, so what it prints is what the VM will see:
//! header fields, pool entries with their text, each constant object with its
//! fields, each raw code with its module and path, the module tables with the
//! strings and objects they refer to, and the name tables.

use super::read::{word_at, Image, ObjRef};
use super::{Section, HEADER_SIZE, POOL_CLASS_SIZE, POOL_PREFIX};
use crate::constant::Constant;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Annotations of byte ranges: `(offset, length, text)`.
struct Notes<'i, 'a> {
    image: &'i Image<'a>,
    notes: Vec<(usize, usize, String)>,
}

/// The longest text quoted in full; longer texts are cut.
const QUOTE_LIMIT: usize = 40;

fn quote(text: &str) -> String {
    if text.len() <= QUOTE_LIMIT {
        return Constant::Str(text.into()).repr();
    }
    let mut end = QUOTE_LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", Constant::Str(text[..end].into()).repr())
}

fn quote_bytes(data: &[u8]) -> String {
    let cut = data.len().min(QUOTE_LIMIT);
    let mut text = Constant::Bytes(data[..cut].into()).repr();
    if cut < data.len() {
        text.push_str("...");
    }
    text
}

impl Notes<'_, '_> {
    fn add(&mut self, offset: usize, len: usize, text: String) {
        self.notes.push((offset, len, text));
    }

    fn word(&self, offset: usize) -> u32 {
        word_at(self.image.bytes(), offset).unwrap_or(0)
    }

    fn qstr(&self, id: u32) -> String {
        match self.image.qstr(id) {
            Some(text) => format!("qstr {id} {}", quote(text)),
            None => format!("qstr {id} <unknown>"),
        }
    }

    /// A short description of an object word.
    fn describe(&self, word: u32) -> String {
        match self.image.object(word) {
            Some(ObjRef::SmallInt(value)) => format!("small int {value}"),
            Some(ObjRef::Qstr(id)) => self.qstr(id),
            Some(ObjRef::None) => "None".into(),
            Some(ObjRef::True) => "True".into(),
            Some(ObjRef::False) => "False".into(),
            Some(ObjRef::Ellipsis) => "Ellipsis".into(),
            Some(ObjRef::Null) => "NULL".into(),
            Some(ObjRef::Outside(address)) if super::is_uncertain_word(address) => {
                format!("uncertain value {}", (address - super::UNCERTAIN_BASE) / 4)
            }
            Some(ObjRef::Outside(address)) => format!("static object @{address:08x}"),
            Some(ObjRef::Str { .. }) => format!("str @{word:08x}"),
            Some(ObjRef::Bytes(_)) => format!("bytes @{word:08x}"),
            Some(ObjRef::BigInt { .. }) => format!("int @{word:08x}"),
            Some(ObjRef::Float(_)) => format!("float @{word:08x}"),
            Some(ObjRef::Complex { .. }) => format!("complex @{word:08x}"),
            Some(ObjRef::Tuple(_)) => format!("tuple @{word:08x}"),
            None => format!("bad object word {word:08x}"),
        }
    }

    fn header(&mut self) {
        let header = self.image.header().clone();
        self.add(0, 4, "magic \"RIMG\"".into());
        self.add(4, 4, format!("format version {}", header.format_version));
        self.add(8, 4, format!("ABI id 0x{:08x}", header.abi_id));
        self.add(12, 4, "word size 4, little-endian".into());
        self.add(16, 4, format!("link address 0x{:08x}", header.link_address));
        self.add(20, 4, format!("total size {}", header.total_size));
        self.add(24, 4, format!("first qstr {}", header.first_qstr));
        let main = match header.main_module {
            0 => "none".into(),
            id => self.qstr(id),
        };
        self.add(28, 4, format!("main module: {main}"));
        self.add(32, 16, format!("board {:?}", header.board_name()));
        for (index, (offset, size)) in header.sections.iter().enumerate() {
            let name = Section::ALL[index].name();
            self.add(48 + 8 * index, 8, format!("section {name}: offset {offset}, size {size}"));
        }
        self.add(104, 4, format!("heap size {}", header.heap_size));
        self.add(108, 4, "reserved".into());
        self.add(112, 16, "checksum (SHA-256, first 16 bytes)".into());
    }

    fn pool(&mut self) {
        let pool = self.image.pool();
        let start = self.image.header().sections[Section::QstrPool as usize].0 as usize;
        let count = pool.count();
        let classes = pool.class_count();
        let first = self.image.first_qstr();
        self.add(start, POOL_PREFIX, format!("qstr pool: {count} strings in {classes} length classes"));
        for class in 0..classes {
            let Some(entry) = pool.class(class) else { continue };
            let id = first + entry.first;
            let (length, text) = (entry.length, entry.text);
            self.add(
                start + POOL_PREFIX + POOL_CLASS_SIZE * class,
                POOL_CLASS_SIZE,
                format!("class {class}: length {length}, first qstr {id}, text at +{text}"),
            );
        }
        for index in 0..count {
            let id = first + index;
            let hash = pool.hash(index).unwrap_or(0);
            self.add(pool.hashes_start() + index as usize, 1, format!("hash byte of qstr {id}: 0x{hash:02x}"));
        }
        for index in 0..count {
            let Some((text, len)) = pool.locate(index) else { continue };
            let id = first + index;
            if len > 0 {
                self.add(text, len, self.qstr(id));
            }
        }
    }

    /// Annotates the object at `offset` and returns its size with padding.
    fn object(&mut self, offset: usize) -> usize {
        let address = self.image.address_of(offset);
        let type_word = self.word(offset);
        let types = *self.image.types();
        if type_word == types.function {
            return self.function(offset);
        }
        let wrapper =
            [(types.static_method, "staticmethod"), (types.class_method, "classmethod"), (types.property, "property")]
                .into_iter()
                .find(|(type_address, _)| *type_address == type_word);
        if let Some((_, kind)) = wrapper {
            self.add(offset, 4, format!("{kind} object @{address:08x}: type"));
            self.add(offset + 4, 4, format!("  function @{:08x}", self.word(offset + 4)));
            self.add(offset + 8, 8, "  None, None".into());
            return 16;
        }
        let object = self.image.object(address);
        let data_object = |notes: &mut Self, kind: &str, text: String, len: usize| {
            notes.add(offset, 4, format!("{kind} object @{address:08x}: type"));
            notes.add(offset + 4, 4, "  hash".into());
            notes.add(offset + 8, 4, format!("  length {len}"));
            notes.add(offset + 12, 4, "  data address".into());
            notes.add(offset + 16, len + 1, format!("  data {text}"));
            16 + (len + 1).next_multiple_of(4)
        };
        match object {
            Some(ObjRef::Str { data, .. }) => data_object(self, "str", quote(data), data.len()),
            Some(ObjRef::Bytes(data)) => data_object(self, "bytes", quote_bytes(data), data.len()),
            Some(ObjRef::BigInt { negative, digits }) => {
                self.add(offset, 4, format!("int object @{address:08x}: type"));
                let sign = if negative { "negative" } else { "positive" };
                self.add(offset + 4, 4, format!("  {} digits, {sign}", digits.len()));
                self.add(offset + 8, 4, "  digits address".into());
                for (index, digit) in digits.iter().enumerate() {
                    self.add(offset + 12 + 4 * index, 4, format!("  digit {index}: 0x{digit:08x}"));
                }
                12 + 4 * digits.len()
            }
            Some(ObjRef::Float(value)) => {
                self.add(offset, 4, format!("float object @{address:08x}: type"));
                self.add(offset + 4, 8, format!("  value {}", crate::constant::format_float(value)));
                12
            }
            Some(ObjRef::Complex { real, imag }) => {
                self.add(offset, 4, format!("complex object @{address:08x}: type"));
                self.add(offset + 4, 8, format!("  real {}", crate::constant::format_float(real)));
                self.add(offset + 12, 8, format!("  imaginary {}", crate::constant::format_float(imag)));
                20
            }
            Some(ObjRef::Tuple(items)) => {
                self.add(offset, 4, format!("tuple object @{address:08x}: type"));
                self.add(offset + 4, 4, format!("  length {}", items.len()));
                for (index, item) in items.iter().enumerate() {
                    self.add(offset + 8 + 4 * index, 4, format!("  item {index}: {}", self.describe(item)));
                }
                8 + 4 * items.len()
            }
            _ => {
                self.add(offset, 4, format!("unknown object type 0x{type_word:08x}"));
                4
            }
        }
    }

    /// Annotates the flash function object at `offset`; returns its size.
    fn function(&mut self, offset: usize) -> usize {
        let address = self.image.address_of(offset);
        let module = self.word(offset + 4) >> 1;
        let name = self.image.module_at(module).map_or("?", |module| module.name());
        self.add(offset, 4, format!("function object @{address:08x}: type"));
        self.add(offset + 4, 4, format!("  module {module} ({name})"));
        self.add(offset + 8, 4, format!("  raw code @{:08x}", self.word(offset + 8)));
        if self.word(offset + 12) == 0 {
            self.add(offset + 12, 4, "  no defaults".into());
            return 16;
        }
        self.add(offset + 12, 4, "  has defaults".into());
        self.add(offset + 16, 4, format!("  defaults {}", self.describe(self.word(offset + 16))));
        self.add(offset + 20, 4, "  keyword defaults: NULL".into());
        24
    }

    fn constants(&mut self) {
        let (start, size) = self.image.header().sections[Section::Constants as usize];
        let (mut offset, end) = (start as usize, (start + size) as usize);
        let mut tables = Vec::new();
        for module in self.image.modules() {
            for index in 0..module.namespace_count() {
                let Some((_, table, count)) = module.namespace(index) else { continue };
                if let Some(at) = self.image.offset_of(table) {
                    tables.push((at, count));
                }
            }
        }
        while offset < end {
            offset += match tables.iter().find(|(at, _)| *at == offset) {
                Some((_, count)) => self.table(offset, *count),
                None => self.object(offset),
            };
        }
    }

    /// Annotates the dict table of a flash namespace; returns its size.
    fn table(&mut self, offset: usize, count: u32) -> usize {
        let address = self.image.address_of(offset);
        self.add(offset, 4, format!("flash namespace table @{address:08x}: {count} entries"));
        for entry in 0..count as usize {
            let at = offset + 4 + 8 * entry;
            let (key, value) = (self.describe(self.word(at)), self.describe(self.word(at + 4)));
            self.add(at, 8, format!("  {key}: {value}"));
        }
        let index = offset + 4 + 8 * count as usize;
        let slots = 1usize << super::dict_slot_shift(count);
        self.add(index, slots.next_multiple_of(4), format!("  index: {slots} one-byte slots"));
        4 + 8 * count as usize + slots.next_multiple_of(4)
    }

    fn code(&mut self, address: u32, path: &str) {
        let Some(code) = self.image.raw_code(address) else { return };
        let Some(offset) = self.image.offset_of(address) else { return };
        let Some(record) = code.record() else { return };
        let text = match record.child_count {
            0 => format!("raw code {path}: fun_data length {}", record.fun_len),
            count => format!(
                "raw code {path}: fun_data length {}, {count} children of {} bytes",
                record.fun_len, record.descendants
            ),
        };
        self.add(offset, record.fun_data - offset, text);
        self.add(record.fun_data, record.fun_len, "  fun_data (prelude and bytecode)".into());
        let children: Vec<u32> = code.children().map(|child| child.address()).collect();
        for (index, child) in children.iter().enumerate() {
            self.code(*child, &format!("{path}.{index}"));
        }
    }

    fn modules(&mut self) {
        let modules: Vec<_> = self.image.modules().collect();
        for module in &modules {
            if let Some(root) = module.root() {
                self.code(root.address(), module.name());
            }
        }
        for module in &modules {
            let Some(at) = self.image.offset_of(module.address()) else { continue };
            self.add(at, 2, format!("module {}: name {}", module.name(), self.qstr(module.name_qstr())));
            self.add(at + 2, 2, format!("  qstr count {}", module.qstr_count()));
            self.add(at + 4, 2, format!("  object count {}", module.object_count()));
            self.add(at + 6, 1, format!("  qstr ids of {} bits", module.qstr_bits()));
            self.add(at + 7, 1, format!("  object entries of {} bits", module.object_bits()));
            self.add(at + 8, 4, format!("  root raw code @{:08x}", module.root_address()));
            self.add(at + 12, 2, format!("  flash function count {}", module.function_count()));
            self.add(at + 14, 2, format!("  first flash function {}", module.first_function()));
            self.add(at + 16, 2, format!("  flash namespace count {}", module.namespace_count()));
            self.add(at + 18, 2, "  reserved".into());
            let (qstrs, objects, tables) = module.layout();
            for index in 0..module.function_count() {
                let Some((raw_code, function)) = module.function(index) else { continue };
                let entry = at + tables + 8 * index as usize;
                self.add(entry, 8, format!("  flash function: raw code @{raw_code:08x} -> function @{function:08x}"));
            }
            let namespaces = at + tables + 8 * module.function_count() as usize;
            for index in 0..module.namespace_count() {
                let Some((raw_code, table, count)) = module.namespace(index) else { continue };
                let entry = namespaces + 12 * index as usize;
                let text =
                    format!("  flash namespace: class body @{raw_code:08x} -> table @{table:08x}, {count} entries");
                self.add(entry, 12, text);
            }
            let qstr_texts: Vec<String> = (0..module.qstr_count())
                .map(|index| format!("qstr {index}: {}", self.qstr(module.qstr_id(index).unwrap_or(0))))
                .collect();
            self.packed(qstrs, module.qstr_bits(), qstr_texts);
            let object_texts: Vec<String> = (0..module.object_count())
                .map(|index| format!("object {index}: {}", self.describe(module.object(index).unwrap_or(0))))
                .collect();
            self.packed(objects, module.object_bits(), object_texts);
        }
    }

    /// Annotates a packed table at `table` of `bits`-bit entries described by
    /// `texts`. Entries are annotated by the bytes they end in, so that two
    /// entries sharing a byte make one line.
    fn packed(&mut self, table: usize, bits: usize, texts: Vec<String>) {
        let count = texts.len();
        let mut start = table;
        let mut pending = Vec::new();
        for (index, text) in texts.into_iter().enumerate() {
            pending.push(text);
            let end = table + (bits * (index + 1)).div_ceil(8);
            if (bits * (index + 1)).is_multiple_of(8) || index + 1 == count {
                self.add(start, end - start, format!("  {}", pending.join("; ")));
                pending.clear();
                start = end;
            }
        }
    }

    fn name_table(&mut self, section: Section) {
        let start = self.image.header().sections[section as usize].0 as usize;
        let count = self.word(start);
        self.add(start, 4, format!("{}: {count} entries", section.name()));
        for index in 0..count as usize {
            if section == Section::ModuleIndex {
                let at = start + 4 + 4 * index;
                let name = self.image.module_at(index as u32).map_or("", |module| module.name());
                self.add(at, 4, format!("  -> {:08x} ({name})", self.word(at)));
                continue;
            }
            let at = start + 4 + 8 * index;
            self.add(at, 4, format!("  name {}", self.qstr(self.word(at))));
            self.add(at + 4, 4, format!("  -> {:08x}", self.word(at + 4)));
        }
    }
}

/// The annotated hex dump of an image.
pub fn dump(image: &Image<'_>) -> String {
    let mut notes = Notes { image, notes: Vec::new() };
    notes.header();
    notes.pool();
    notes.constants();
    notes.modules();
    for section in [Section::ModuleIndex, Section::Resources, Section::Sources] {
        notes.name_table(section);
    }
    let mut list = notes.notes;
    list.sort_by_key(|note| note.0);
    let bytes = image.bytes();
    let mut out = String::new();
    let mut position = 0;
    let line = |out: &mut String, offset: usize, chunk: &[u8], text: &str| {
        let hex: Vec<String> = chunk.iter().map(|byte| format!("{byte:02x}")).collect();
        let _ = writeln!(out, "{offset:06x}  {:<47}  {text}", hex.join(" "));
    };
    let _ = writeln!(out, "frozen image, {} bytes ({} header)", bytes.len(), HEADER_SIZE);
    for (offset, len, text) in list.into_iter().chain(core::iter::once((bytes.len(), 0, String::new()))) {
        let offset = offset.min(bytes.len());
        // Bytes no note covers (padding) are shown as such.
        while position < offset {
            let end = offset.min(position + 16);
            line(&mut out, position, &bytes[position..end], "padding");
            position = end;
        }
        if offset < position || len == 0 {
            continue;
        }
        let end = (offset + len).min(bytes.len());
        let mut first = true;
        while position < end {
            let stop = end.min(position + 16);
            line(&mut out, position, &bytes[position..stop], if first { &text } else { "" });
            first = false;
            position = stop;
        }
    }
    out
}
