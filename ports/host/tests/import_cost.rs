//! Importing a frozen module allocates only its runtime state: the module
//! object, its globals dict and the class objects its body makes (its
//! functions are flash functions and, when its body only stores constants
//! and functions, its globals' table is a flash namespace, both laid out in
//! the image by the freezer).
//! Its bytecode, qstrs and constants stay in the image: this test measures
//! `gc.mem_alloc()` around the import and searches the whole heap for the
//! bytes of the module's constants, names and code.

use rime_host::{freeze_sources, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, ImageView, Outcome, Vm};

const MAIN: &str = "
import gc
gc.collect()
before = gc.mem_alloc()
import frozen_lib
gc.collect()
print(gc.mem_alloc() - before)
print(frozen_lib.LONG_TEXT[:8], len(frozen_lib.DATA), frozen_lib.BIG % 1000, frozen_lib.add(2, 3))
# Flash functions have image addresses, below the heap's 0x20000000.
print([id(f) < 0x20000000 for f in (frozen_lib.add, frozen_lib.unused, frozen_lib.a_distinctive_function_name, frozen_lib.empty_default)])
print(frozen_lib.empty_default(1) is ())
";

const LIBRARY: &str = "
LONG_TEXT = 'a long constant string that must stay in flash: 0123456789'
DATA = b'binary constant bytes that stay in flash too'
TABLE = (1, 2, 3, 'four', 5.5)
BIG = 123456789012345678901234567890
def add(a, b=1):
    return a + b
def unused():
    return 'another string literal that is long enough to be an object'
def a_distinctive_function_name(value=(1, 'two')):
    return value
def empty_default(x, seq=(), other=None):
    return seq
";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[test]
fn importing_a_frozen_module_allocates_only_runtime_state() {
    let image =
        freeze_sources(&[("main.py", MAIN.as_bytes()), ("frozen_lib.py", LIBRARY.as_bytes())]).expect("freezes");
    let mut heap = vec![0u8; DEFAULT_HEAP];
    let mut port = HostPort::new(true);
    {
        let view = ImageView::new(&image, rime_vm::abi().abi_id).expect("valid image");
        let mut vm = Vm::new(&mut heap, view, &mut port, Config::host()).expect("starts");
        assert_eq!(vm.run_main_module(), Outcome::Finished);
    }
    let output = String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8");
    let mut lines = output.lines();
    let cost: usize = lines.next().expect("a number").parse().expect("a number");
    assert_eq!(lines.next(), Some("a long c 44 890 5"));
    assert_eq!(lines.next(), Some("[True, True, True, True]"));
    assert_eq!(lines.next(), Some("True"));
    eprintln!("importing frozen_lib costs {cost} bytes of heap");
    // The module object and its globals dict object (16 bytes each): the
    // functions are flash functions, and the body only stores constants and
    // functions, so the globals' table is the flash namespace the freezer
    // laid out.
    assert_eq!(cost, 32, "import allocated {cost} bytes");
    // No name reaches the heap either: names are qstrs of the image.
    assert!(!contains(&heap, b"a_distinctive_function_name"), "a qstr reached the heap");
    for constant in
        [&b"a long constant string that must stay in flash"[..], b"binary constant bytes", b"another string literal"]
    {
        assert!(!contains(&heap, constant), "constant {:?} reached the heap", String::from_utf8_lossy(constant));
    }
    // The bytecode of `add` (LOAD_FAST 0, LOAD_FAST 1, BINARY_OP +, RETURN_VALUE) is not copied either.
    assert!(!contains(&heap, &[0xb0, 0xb1, 0xf2, 0x63]));
}

const OPTIONAL_MAIN: &str = "
import gc
import pkg
gc.collect()
before = gc.mem_alloc()
import raising
gc.collect()
print(gc.mem_alloc() - before)
before = gc.mem_alloc()
import failing
gc.collect()
print(gc.mem_alloc() - before)
import pkg.leaf_module_name
print(pkg.leaf_module_name.VALUE, raising.ERRORS, failing.ERRORS)
";

/// Runs `files` (frozen, `main.py` first) and returns the heap and the output.
fn run(files: &[(&str, &[u8])]) -> (Vec<u8>, String) {
    let image = freeze_sources(files).expect("freezes");
    let mut heap = vec![0u8; DEFAULT_HEAP];
    let mut port = HostPort::new(true);
    {
        let view = ImageView::new(&image, rime_vm::abi().abi_id).expect("valid image");
        let mut vm = Vm::new(&mut heap, view, &mut port, Config::host()).expect("starts");
        assert_eq!(vm.run_main_module(), Outcome::Finished);
    }
    let output = String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8");
    (heap, output)
}

#[test]
fn a_failed_optional_import_keeps_no_heap() {
    // `try: from optional.part import *` (as micropython-lib's
    // string.templatelib does) must keep no more than a body whose try
    // raises an exception of its own: the failing name is not interned and
    // the caught ImportError is garbage once its except block ends.
    let raising = b"ERRORS = 0\ntry:\n    raise OSError(5)\nexcept:\n    ERRORS += 1\n";
    let failing = b"ERRORS = 0\ntry:\n    from no_such_package.inner import *\nexcept:\n    ERRORS += 1\n";
    let (heap, output) = run(&[
        ("main.py", OPTIONAL_MAIN.as_bytes()),
        ("raising.py", raising),
        ("failing.py", failing),
        ("pkg/__init__.py", b"NAME = 'pkg'\n"),
        ("pkg/leaf_module_name.py", b"VALUE = 7\n"),
    ]);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3, "output: {output}");
    assert_eq!(lines[0], lines[1], "a failed import kept more heap than a raise: {output}");
    assert_eq!(lines[2], "7 1 1");
    // A submodule's name, stored in its package's globals, is a qstr of the
    // image: it is never interned on the heap.
    assert!(!contains(&heap, b"leaf_module_name"), "a submodule's name reached the heap");
}

const MIXED_MAIN: &str = "
import gc
gc.collect()
before = gc.mem_alloc()
pair = [1, 2]
gc.collect()
list_cost = gc.mem_alloc() - before
del pair
gc.collect()
before = gc.mem_alloc()
import mixed
gc.collect()
print(list_cost, gc.mem_alloc() - before)
before = gc.mem_alloc()
mixed.ITEMS = mixed.ITEMS
mixed.set_items(mixed.ITEMS)
gc.collect()
print(gc.mem_alloc() - before)
mixed.LIMIT = 4
gc.collect()
print(gc.mem_alloc() - before > 0, mixed.items(), mixed.LIMIT, mixed.gc is gc)
";

#[test]
fn uncertain_globals_keep_only_their_values() {
    // The body stores an import and a list among constants and functions:
    // the globals' table is still the flash one, and the two values only
    // the run knew live in a RAM array of two words.
    let mixed = b"import gc\nITEMS = [1, 2]\nLIMIT = 3\nNAME = 'mixed'\n\
def items():\n    return ITEMS\n\
def set_items(new):\n    global ITEMS\n    ITEMS = new\n";
    let (_, output) = run(&[("main.py", MIXED_MAIN.as_bytes()), ("mixed.py", mixed)]);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3, "output: {output}");
    let figures: Vec<usize> = lines[0].split(' ').map(|figure| figure.parse().expect("a number")).collect();
    let (list_cost, import_cost) = (figures[0], figures[1]);
    eprintln!("a two-item list costs {list_cost} bytes, importing mixed {import_cost}");
    assert_eq!(list_cost, 32, "output: {output}");
    // The module object, its globals dict object, the two-word array (one
    // 16-byte block each) and the list.
    assert_eq!(import_cost, 3 * 16 + list_cost, "output: {output}");
    // Storing the names whose flash values are markers writes the array:
    // nothing is allocated, the table stays in flash.
    assert_eq!(lines[1], "0", "output: {output}");
    // Any other write copies the table to RAM, the array's values with it.
    assert_eq!(lines[2], "True [1, 2] 4 True", "output: {output}");
}

#[test]
fn a_set_stores_one_word_per_entry() {
    // Every global is bound before the measurement, so the main module's
    // globals do not grow during it.
    let items: Vec<String> = (0..35).map(|item| item.to_string()).collect();
    let main = format!(
        "import gc\ns = None\nbefore = 0\ngc.collect()\nbefore = gc.mem_alloc()\ns = {{{}}}\ngc.collect()\n\
print(gc.mem_alloc() - before, len(s), 17 in s, 35 in s, sorted(s)[-1])\n\
s.discard(17)\ns.add(35)\nprint(len(s), 17 in s, 35 in s, sorted(frozenset(s))[-2:])\n",
        items.join(", ")
    );
    let (_, output) = run(&[("main.py", main.as_bytes())]);
    let lines: Vec<&str> = output.lines().collect();
    // The set object (16 bytes) and its table: the filled count, 35 keys and
    // an index of 64 one-byte slots, 52 words in 13 blocks (a dict of 35
    // entries takes 22).
    assert_eq!(lines, ["224 35 True False 34", "35 False True [34, 35]"], "output: {output}");
}
