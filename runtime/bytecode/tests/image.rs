//! The frozen image: golden annotated hex dumps of small images, the round
//! trip from `.mpy` to image and back to instructions and constants, rejection
//! of corrupt, truncated and foreign images, and determinism.
//!
//! Regenerate the dumps with
//! `UPDATE_EXPECT=1 cargo test -p rime-bytecode --features alloc --test image`.

use expect_test::expect_file;
use rime_bytecode::image::{
    dump, Abi, BuiltinTypes, Image, ImageBuilder, ImageErrorKind, ObjRef, Section, HEADER_SIZE, STATIC_BASE,
};
use rime_bytecode::opcode::{instructions, Operand, OperandKind};
use rime_bytecode::{Constant, MpyModule, Prelude};
use std::path::{Path, PathBuf};

/// A made-up runtime: two extra static qstrs and its builtin types in the
/// first static slots.
const RUNTIME_QSTRS: &[&str] = &["<dictcomp>", "zfill"];
const TYPES: BuiltinTypes = BuiltinTypes {
    str: STATIC_BASE,
    bytes: STATIC_BASE + 16,
    int: STATIC_BASE + 32,
    float: STATIC_BASE + 48,
    complex: STATIC_BASE + 64,
    tuple: STATIC_BASE + 80,
    function: STATIC_BASE + 96,
    static_method: STATIC_BASE + 112,
    class_method: STATIC_BASE + 128,
    property: STATIC_BASE + 144,
    empty_tuple: STATIC_BASE + 160,
};

fn abi() -> Abi<'static> {
    Abi { abi_id: 0x5249_4d45, runtime_qstrs: RUNTIME_QSTRS, types: TYPES }
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn golden(stem: &str) -> MpyModule {
    let bytes = std::fs::read(data_dir().join(format!("mpy/{stem}.mpy"))).unwrap();
    MpyModule::read(&bytes).unwrap()
}

fn all_goldens() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir().join("mpy"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "mpy"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| (format!("{}.py", path.file_stem().unwrap().to_str().unwrap()), std::fs::read(&path).unwrap()))
        .collect()
}

/// A small image: one module run at boot, a resource and a source module.
fn small_image() -> Vec<u8> {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder
        .module("main.py", golden("tuples"))
        .main_module("main.py")
        .heap_size(64 * 1024)
        .resource("data/hello.txt", b"hello\n".to_vec())
        .source("later.py", "print('later')\n".to_string());
    builder.build().unwrap().bytes
}

#[test]
fn golden_small_image() {
    let bytes = small_image();
    let image = Image::parse(&bytes, &abi()).unwrap();
    assert_eq!(image.main_module(), Some("main.py"));
    assert_eq!(image.resource("data/hello.txt"), Some(&b"hello\n"[..]));
    assert_eq!(image.source("later.py"), Some("print('later')\n"));
    assert_eq!(image.resource("nope"), None);
    expect_file!["data/image/small.dump"].assert_eq(&dump(&image));
}

#[test]
fn golden_constants_image() {
    let mut builder = ImageBuilder::new(abi(), "rp2-pico");
    builder.link_address(0x1010_0000);
    for stem in ["bigints", "bytes_literals", "long_strings"] {
        builder.module(&format!("consts/{stem}.py"), golden(stem));
    }
    builder.module("consts/__init__.py", golden("empty"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse_for_board(&bytes, &abi(), "rp2-pico").unwrap();
    assert_eq!(image.module_count(), 4);
    expect_file!["data/image/constants.dump"].assert_eq(&dump(&image));
}

#[test]
fn golden_nested_code_image() {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("closures.py", golden("closures"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let root = image.module("closures.py").unwrap().root().unwrap();
    // `deep` holds `mid`, which holds `inner`: three levels of children.
    let deep = root.child(2).unwrap();
    assert_eq!(deep.child(0).unwrap().child_count(), 1);
    assert!(deep.child(1).is_none());
    expect_file!["data/image/nested.dump"].assert_eq(&dump(&image));
}

#[test]
fn wide_pools_and_qstr_ids_read_back() {
    // 4000 strings of 4 bytes, sorting before the module's longer strings
    // (the pool is sorted by length first): the module's qstr ids pass 4096
    // (13-bit qstr tables), and one length class holds 4000 strings, with
    // 16 of each hash byte on average.
    let extra: Vec<String> = (0..4000).map(|index| format!("{index:04}")).collect();
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("tuples.py", golden("tuples"));
    for text in &extra {
        builder.qstr(text);
    }
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    assert!(image.section(Section::QstrPool).len() > 5 * 4000);
    let module = image.module("tuples.py").unwrap();
    assert_eq!(module.qstr_bits(), 13);
    let compiled = golden("tuples");
    for (index, text) in compiled.qstrs.iter().enumerate() {
        assert_eq!(module.qstr(index as u32), Some(text.as_str()));
    }
    let mut ids = std::collections::BTreeSet::new();
    for text in &extra {
        let id = image.find_qstr(text).unwrap();
        assert_eq!(image.qstr(id), Some(text.as_str()));
        assert!(ids.insert(id), "`{text}` has the id of another string");
    }
    assert_eq!(image.find_pool_qstr(b"4000"), None);
    assert_eq!(image.find_pool_qstr(b"zzz"), None);
    assert_eq!(image.find_pool_qstr(b"00000"), None);
    let text = dump(&image);
    assert!(text.contains("strings in") && text.contains("qstr ids of 13 bits"));
}

/// The decimal text of a big int's digits.
fn decimal(negative: bool, digits: &[u32]) -> String {
    let mut digits = digits.to_vec();
    let mut out = Vec::new();
    while digits.iter().any(|digit| *digit != 0) {
        let mut remainder = 0u64;
        for digit in digits.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*digit);
            *digit = (value / 10) as u32;
            remainder = value % 10;
        }
        out.push(b'0' + remainder as u8);
    }
    if negative {
        out.push(b'-');
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Whether the object `word` of `image` is the constant `constant`.
fn same_constant(image: &Image<'_>, word: u32, constant: &Constant) -> bool {
    match (image.object(word), constant) {
        (Some(ObjRef::Qstr(id)), Constant::Str(text)) => image.qstr(id) == Some(text.as_str()),
        (Some(ObjRef::Str { data, hash }), Constant::Str(text)) => {
            data == text && hash == rime_bytecode::qstr_hash16(text.as_bytes())
        }
        (Some(ObjRef::Bytes(data)), Constant::Bytes(bytes)) => data == bytes.as_slice(),
        (Some(ObjRef::SmallInt(value)), Constant::Int(text)) => value.to_string() == *text,
        (Some(ObjRef::BigInt { negative, digits }), Constant::Int(text)) => {
            decimal(negative, &digits.iter().collect::<Vec<_>>()) == *text
        }
        (Some(ObjRef::Float(value)), Constant::Float(expected)) => value.to_bits() == expected.to_bits(),
        (Some(ObjRef::Complex { real, imag }), Constant::Complex { real: r, imag: i }) => {
            real.to_bits() == r.to_bits() && imag.to_bits() == i.to_bits()
        }
        // `()` is the runtime's static empty tuple.
        (Some(ObjRef::Outside(address)), Constant::Tuple(items)) => address == TYPES.empty_tuple && items.is_empty(),
        (Some(ObjRef::Tuple(words)), Constant::Tuple(items)) => {
            words.len() == items.len() && words.iter().zip(items).all(|(word, item)| same_constant(image, word, item))
        }
        (Some(ObjRef::None), Constant::None)
        | (Some(ObjRef::True), Constant::True)
        | (Some(ObjRef::False), Constant::False)
        | (Some(ObjRef::Ellipsis), Constant::Ellipsis) => true,
        _ => false,
    }
}

/// The instruction stream of `fun_data` with qstr operands as text and
/// constant operands as reprs, through the given lookups.
fn listing(fun_data: &[u8], qstr: &dyn Fn(u32) -> String, object: &dyn Fn(u32) -> String) -> Vec<String> {
    let prelude = Prelude::decode(fun_data).unwrap();
    let mut out = vec![format!("name {}", qstr(prelude.simple_name))];
    out.extend(prelude.arg_names(fun_data).map(|name| format!("arg {}", qstr(name))));
    for instruction in instructions(fun_data, prelude.code_start) {
        let instruction = instruction.unwrap();
        let operand = match (instruction.opcode.operand_kind(), instruction.operand) {
            (OperandKind::Qstr, Operand::Qstr(index)) => qstr(index),
            (OperandKind::Obj, Operand::Uint(index)) => object(index),
            (_, operand) => format!("{operand:?}"),
        };
        out.push(format!("{:04x} {} {operand}", instruction.offset, instruction.opcode.name()));
    }
    out
}

#[test]
fn every_code_object_round_trips() {
    let goldens = all_goldens();
    let mut builder = ImageBuilder::new(abi(), "host");
    let mut modules = Vec::new();
    for (name, bytes) in &goldens {
        let module = MpyModule::read(bytes).unwrap();
        builder.module(name, module.clone());
        modules.push((name.clone(), module));
    }
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let mut checked = 0;
    for (name, module) in &modules {
        let frozen = image.module(name).unwrap();
        assert_eq!(frozen.name(), name);
        assert_eq!(frozen.qstr_count() as usize, module.qstrs.len());
        assert_eq!(frozen.object_count() as usize, module.objects.len());
        for (index, constant) in module.objects.iter().enumerate() {
            let word = frozen.object(index as u32).unwrap();
            assert!(same_constant(&image, word, constant), "{name} object {index}: {}", constant.repr());
        }
        let mut stack = vec![(frozen.root().unwrap(), &module.root)];
        while let Some((code, raw)) = stack.pop() {
            assert_eq!(code.fun_data(), raw.fun_data.as_slice(), "{name}");
            let mpy_listing = listing(&raw.fun_data, &|index| module.qstrs[index as usize].clone(), &|index| {
                module.objects[index as usize].repr()
            });
            let image_listing = listing(code.fun_data(), &|index| frozen.qstr(index).unwrap().to_string(), &|index| {
                let word = frozen.object(index).unwrap();
                let constant = &module.objects[index as usize];
                assert!(same_constant(&image, word, constant));
                constant.repr()
            });
            assert_eq!(image_listing, mpy_listing, "{name}");
            assert_eq!(code.child_count() as usize, raw.children.len());
            stack.extend(code.children().zip(&raw.children));
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} code objects");
}

#[test]
fn strings_are_stored_once_for_the_whole_image() {
    let goldens = all_goldens();
    let mut builder = ImageBuilder::new(abi(), "host");
    for (name, bytes) in &goldens {
        builder.module(name, MpyModule::read(bytes).unwrap());
    }
    let built = builder.build().unwrap();
    // A second copy of every module under other names adds code and tables
    // but not one string besides the new names (each frozen name and its
    // dotted module name, the `__module__` of flash namespaces).
    let mut twice = builder.clone();
    for (name, bytes) in &goldens {
        twice.module(&format!("copy/{name}"), MpyModule::read(bytes).unwrap());
    }
    let twice = twice.build().unwrap();
    assert_eq!(twice.stats.qstr_count, built.stats.qstr_count + 2 * goldens.len() as u32);
    let growth = twice.bytes.len() - built.bytes.len();
    let pool = built.stats.sections[Section::QstrPool as usize].1 as usize;
    assert!(growth < built.bytes.len() - pool / 2, "the copies cost {growth} bytes");
    let image = Image::parse(&built.bytes, &abi()).unwrap();
    // Every pool string is there once, and none is a static qstr.
    for id in image.first_qstr()..image.first_qstr() + image.qstr_count() {
        let text = image.qstr(id).unwrap();
        assert_eq!(image.find_qstr(text), Some(id));
        assert!(abi().static_qstr_id(text).is_none(), "{text:?} is static");
    }
    assert_eq!(image.find_qstr("print"), rime_bytecode::static_qstr_id("print").map(u32::from));
    assert_eq!(image.find_qstr("zfill"), Some(167));
    assert_eq!(image.find_pool_qstr(b"no such string"), None);
    let stats = built.stats;
    assert_eq!(stats.total_bytes as usize, built.bytes.len());
    assert_eq!(stats.qstr_count, image.qstr_count());
    assert_eq!(stats.modules.len(), goldens.len());
}

#[test]
fn builds_are_deterministic_and_ignore_input_order() {
    let goldens = all_goldens();
    let build = |order: &mut dyn Iterator<Item = &(String, Vec<u8>)>| {
        let mut builder = ImageBuilder::new(abi(), "host");
        for (name, bytes) in order {
            builder.module(name, MpyModule::read(bytes).unwrap());
            builder.resource(&format!("res/{name}"), bytes.clone());
        }
        builder.main_module("basics.py");
        builder.build().unwrap().bytes
    };
    let first = build(&mut goldens.iter());
    assert_eq!(first, build(&mut goldens.iter()));
    assert_eq!(first, build(&mut goldens.iter().rev()));
    let mut shuffled: Vec<_> = goldens.iter().collect();
    shuffled.rotate_left(7);
    assert_eq!(first, build(&mut shuffled.into_iter()));
}

fn kind(bytes: &[u8]) -> ImageErrorKind {
    Image::parse(bytes, &abi()).unwrap_err().kind
}

#[test]
fn flipping_any_byte_is_an_error() {
    let bytes = small_image();
    let mut corrupted = bytes.clone();
    for offset in 0..bytes.len() {
        corrupted[offset] ^= 0xff;
        let error = Image::parse(&corrupted, &abi()).unwrap_err();
        assert!(error.offset <= bytes.len());
        let expected_kind = match offset {
            0..4 => Some(ImageErrorKind::BadMagic),
            4..8 => Some(ImageErrorKind::UnsupportedVersion(u32::from_le_bytes(corrupted[4..8].try_into().unwrap()))),
            112..HEADER_SIZE => Some(ImageErrorKind::ChecksumMismatch),
            _ if offset >= HEADER_SIZE => Some(ImageErrorKind::ChecksumMismatch),
            _ => None,
        };
        if let Some(expected_kind) = expected_kind {
            assert_eq!(error.kind, expected_kind, "byte {offset}");
        }
        assert!(!error.to_string().is_empty());
        // Without the checksum, the structure checks still never panic.
        let _ = Image::parse_with(&corrupted, &abi(), None, false);
        corrupted[offset] = bytes[offset];
    }
}

#[test]
fn pool_hash_bytes_are_stored_checked_and_used_for_lookups() {
    let bytes = small_image();
    let image = Image::parse(&bytes, &abi()).unwrap();
    let pool = image.pool();
    assert!(pool.count() > 10 && pool.class_count() > 5);
    for index in 0..pool.count() {
        let text = pool.get(index).unwrap();
        let hash = rime_bytecode::qstr_hash16(text);
        assert_eq!(pool.hash(index), Some(hash as u8));
        assert_eq!(pool.find_hashed(text, hash), Some(index));
        // Only strings with the same hash byte are compared: a wrong hash misses.
        assert_eq!(pool.find_hashed(text, hash ^ 1), None);
    }
    // A wrong hash byte is caught by the structure checks, at its offset.
    let first_hash = pool.hashes_start();
    let mut corrupted = bytes.clone();
    corrupted[first_hash] ^= 0x01;
    let error = Image::parse_with(&corrupted, &abi(), None, false).unwrap_err();
    assert_eq!(error.kind, ImageErrorKind::Malformed("a qstr's stored hash does not match its text"));
    assert_eq!(error.offset, first_hash);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small_image();
    for len in 0..bytes.len() {
        let error = Image::parse(&bytes[..len], &abi()).unwrap_err();
        assert!(matches!(error.kind, ImageErrorKind::Truncated { .. }), "length {len}: {error}");
        assert_eq!(error.offset, len);
    }
    // Trailing bytes (the rest of a flash region) are fine.
    let mut padded = bytes.clone();
    padded.extend_from_slice(&[0xff; 100]);
    assert_eq!(Image::parse(&padded, &abi()).unwrap().bytes(), &bytes[..]);
}

#[test]
fn foreign_images_are_refused_with_a_clear_message() {
    let bytes = small_image();
    let other = Abi { abi_id: 0x1111_2222, ..abi() };
    let error = Image::parse(&bytes, &other).unwrap_err();
    assert_eq!(error.kind, ImageErrorKind::AbiMismatch { expected: 0x1111_2222, found: 0x5249_4d45 });
    assert_eq!(
        error.to_string(),
        "frozen image, byte 8: linked for another runtime build (ABI id 0x52494d45, this runtime is 0x11112222); freeze again for this firmware"
    );
    let error = Image::parse_for_board(&bytes, &abi(), "rp2-pico").unwrap_err();
    assert!(matches!(error.kind, ImageErrorKind::BoardMismatch { .. }));
    assert_eq!(error.to_string(), "frozen image, byte 32: built for board `host`, not `rp2-pico`");
    assert!(Image::parse_for_board(&bytes, &abi(), "host").is_ok());
    let fewer_qstrs = Abi { runtime_qstrs: &["zfill"], ..abi() };
    assert!(matches!(kind_with(&bytes, &fewer_qstrs), ImageErrorKind::QstrBaseMismatch { expected: 167, found: 168 }));

    let mut bad_checksum = bytes.clone();
    bad_checksum[120] ^= 1;
    assert_eq!(kind(&bad_checksum), ImageErrorKind::ChecksumMismatch);
    assert_eq!(
        Image::parse(&bad_checksum, &abi()).unwrap_err().to_string(),
        "frozen image, byte 112: checksum mismatch: the image is corrupt"
    );
    let mut bad_magic = bytes.clone();
    bad_magic[0] = b'X';
    assert_eq!(kind(&bad_magic), ImageErrorKind::BadMagic);
    let mut big_endian = bytes.clone();
    big_endian[13] = 2;
    assert_eq!(kind(&big_endian), ImageErrorKind::BadWordFormat(0x204));
    let mut sections = bytes.clone();
    sections[48 + 8 * 2] ^= 4;
    assert_eq!(kind(&sections), ImageErrorKind::BadSection(Section::Code));
    assert_eq!(kind(b"RIMG"), ImageErrorKind::Truncated { needed: 128, available: 4 });
    assert_eq!(kind(&[0; 200]), ImageErrorKind::BadMagic);
}

fn kind_with(bytes: &[u8], abi: &Abi<'_>) -> ImageErrorKind {
    Image::parse(bytes, abi).unwrap_err().kind
}

#[test]
fn builder_errors_are_reported() {
    let mut builder = ImageBuilder::new(abi(), "a-board-name-that-is-too-long");
    assert!(builder.build().unwrap_err().message.contains("board id"));
    builder = ImageBuilder::new(abi(), "host");
    builder.module("a.py", golden("empty")).module("a.py", golden("empty"));
    assert_eq!(builder.build().unwrap_err().message, "module `a.py` is given twice");
    builder = ImageBuilder::new(abi(), "host");
    builder.module("a.py", golden("empty")).main_module("b.py");
    assert_eq!(builder.build().unwrap_err().message, "the main module `b.py` is not among the frozen modules");
    builder = ImageBuilder::new(abi(), "host");
    builder.link_address(0x2000_0000);
    assert!(builder.build().unwrap_err().message.contains("link address"));
}

/// The names (`f`, `C.m`) and defaults of the flash functions proposed for a
/// golden module, read back through the prelude of each proposed raw code.
fn proposed(stem: &str) -> Vec<String> {
    let module = golden(stem);
    let name = |code: &rime_bytecode::RawCode| module.qstrs[code.prelude().unwrap().simple_name as usize].clone();
    rime_bytecode::image::propose::propose(&module)
        .iter()
        .map(|proposal| {
            let child = &module.root.children[proposal.path.0];
            let text = match proposal.path.1 {
                Some(index) => format!("{}.{}", name(child), name(&child.children[index])),
                None => name(child),
            };
            match &proposal.defaults {
                Some(defaults) => format!("{text}{defaults:?}"),
                None => text,
            }
        })
        .collect()
}

#[test]
fn flash_function_proposals() {
    // Defaults that are constants are proposed; keyword-only defaults are not.
    assert_eq!(
        proposed("functions"),
        ["simple", "many_defaults[Int(\"1\"), Int(\"2\"), Int(\"3\"), Int(\"4\")]", "annotated[Str(\"s\")]"]
    );
    // Methods of module-level classes, decorated ones included; the class
    // bodies themselves are not proposed, nor methods that call `super()`
    // (closures over the `__class__` cell).
    assert_eq!(
        proposed("classes"),
        ["Base.__init__", "Base.describe", "Base.helper", "Base.make", "Base.double", "Derived.__repr__"]
    );
    // A function inside another is not made by the module body.
    assert_eq!(proposed("closures").len(), 5);
}

#[test]
fn flash_functions_in_the_image() {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("functions.py", golden("functions")).module("classes.py", golden("classes"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let classes = image.module("classes.py").unwrap();
    let functions = image.module("functions.py").unwrap();
    assert_eq!((classes.function_count(), classes.first_function()), (6, 0));
    assert_eq!((functions.function_count(), functions.first_function()), (3, 6));
    let (raw_code, function) = functions.function(1).unwrap();
    assert_eq!(raw_code, functions.root().unwrap().child(3).unwrap().address());
    let words = |address: u32| {
        let at = (address - image.header().link_address) as usize;
        (0..6)
            .map(|index| u32::from_le_bytes(bytes[at + 4 * index..at + 4 * index + 4].try_into().unwrap()))
            .collect::<Vec<_>>()
    };
    let object = words(function);
    assert_eq!(object[..4], [TYPES.function, 1 << 1 | 1, raw_code, 1]);
    assert_eq!(words(object[4])[..6], [TYPES.tuple, 4, 3, 5, 7, 9]);
    assert_eq!(object[5], rime_bytecode::image::WORD_NULL);
}

#[test]
fn flash_namespaces_in_the_image() {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("classes.py", golden("classes"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let module = image.module("classes.py").unwrap();
    let word = |address: u32| {
        let at = (address - image.header().link_address) as usize;
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    };
    let qstr = |word: u32| image.qstr(word >> 3).unwrap().to_string();
    let marker = rime_bytecode::image::uncertain_word;
    // The module body and its four class bodies, in raw code order. The
    // classes the module body makes, and `Derived`'s closures over
    // `__class__` (its methods call super()), are values only the run knows:
    // the tables hold markers for them, numbered in entry order.
    assert_eq!(module.namespace_count(), 5);
    let (body, table, count) = module.namespace(0).unwrap();
    assert_eq!(body, module.root().unwrap().address());
    let entries = |table: u32, count: u32| -> Vec<(String, u32)> {
        (0..count).map(|entry| (qstr(word(table + 4 + 8 * entry)), word(table + 8 + 8 * entry))).collect()
    };
    let globals = entries(table, count);
    let names: Vec<&str> = globals.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["__name__", "__file__", "Base", "Derived", "Empty", "WithMeta", "d"]);
    assert_eq!(globals[2..].iter().map(|entry| entry.1).collect::<Vec<_>>(), (0..5).map(marker).collect::<Vec<_>>());
    let (body, table, count) = module.namespace(1).unwrap();
    assert_eq!(body, module.root().unwrap().child(0).unwrap().address());
    let keys: Vec<String> = (0..count).map(|entry| qstr(word(table + 4 + 8 * entry))).collect();
    assert_eq!(keys, ["__module__", "__qualname__", "kind", "__init__", "describe", "helper", "make", "double"]);
    let value = |entry: u32| word(table + 8 + 8 * entry);
    assert_eq!(qstr(value(0)), "classes");
    assert_eq!(qstr(value(2)), "base");
    assert_eq!(word(value(3)), TYPES.function);
    for (entry, type_word) in [(5, TYPES.static_method), (6, TYPES.class_method), (7, TYPES.property)] {
        assert_eq!(word(value(entry)), type_word);
        assert_eq!(word(word(value(entry) + 4)), TYPES.function);
    }
    let (_, table, count) = module.namespace(2).unwrap();
    let derived = entries(table, count);
    assert_eq!(derived[3], ("__init__".to_string(), marker(0)));
    assert_eq!(derived[4], ("describe".to_string(), marker(1)));
    assert_eq!(word(derived[5].1), TYPES.function);
    let (_, table, count) = module.namespace(3).unwrap();
    assert_eq!(
        (0..count).map(|entry| qstr(word(table + 4 + 8 * entry))).collect::<Vec<_>>(),
        ["__module__", "__qualname__"]
    );
}

#[test]
fn a_module_body_that_stores_only_constants_has_flash_globals() {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("pkg/__init__.py", golden("empty"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let module = image.module("pkg/__init__.py").unwrap();
    let word = |address: u32| {
        let at = (address - image.header().link_address) as usize;
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    };
    let qstr = |word: u32| image.qstr(word >> 3).unwrap().to_string();
    assert_eq!(module.namespace_count(), 1);
    let (body, table, count) = module.namespace(0).unwrap();
    assert_eq!(body, module.root().unwrap().address());
    let entries: Vec<(String, String)> =
        (0..count).map(|entry| (qstr(word(table + 4 + 8 * entry)), qstr(word(table + 8 + 8 * entry)))).collect();
    assert_eq!(entries, [("__name__".into(), "pkg".into()), ("__file__".into(), "pkg/__init__.py".into())]);
}

#[test]
fn uncertain_value_markers_must_be_numbered_in_entry_order() {
    let mut builder = ImageBuilder::new(abi(), "host");
    builder.module("classes.py", golden("classes"));
    let bytes = builder.build().unwrap().bytes;
    let image = Image::parse(&bytes, &abi()).unwrap();
    let (_, table, _) = image.module("classes.py").unwrap().namespace(0).unwrap();
    // The globals' third entry (`Base`) holds marker 0; make it marker 1.
    let at = (table - image.header().link_address) as usize + 8 + 8 * 2;
    let marker = rime_bytecode::image::uncertain_word;
    assert_eq!(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()), marker(0));
    let mut corrupted = bytes.clone();
    corrupted[at..at + 4].copy_from_slice(&marker(1).to_le_bytes());
    let error = Image::parse_with(&corrupted, &abi(), None, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("frozen image, byte {at}: malformed: a flash namespace's uncertain-value marker is out of order")
    );
    assert!(Image::parse_with(&bytes, &abi(), None, false).is_ok());
}
