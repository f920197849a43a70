//! The stage "qemu: the filesystem acceptance program (--fs)": issue 19's
//! acceptance test on the real QEMU runtime. `tests/fs/acceptance/tree` is
//! packed into a littlefs image by the reference C littlefs
//! (`tests/reference/littlefs-tool.py`, 352 blocks of 4096 bytes);
//! `program.py` runs on qemu-m0 with `cargo xtask run --fs` (it imports
//! `util` from `/lib`, compiled on the board) and with CPython in a copy of
//! the tree. The outputs must be equal, and littlefs-python must read back
//! from the image exactly the tree CPython left. (The host runs the same
//! test in `ports/host/tests/filesystem.rs`.)

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};
use xshell::Shell;

/// Runs the reference Python (tests/reference/.venv) in `directory`.
fn python(arguments: &[&Path], directory: &Path) -> anyhow::Result<String> {
    let python = crate::project_root().join("tests/reference/.venv/bin/python");
    let output = Command::new(&python)
        .args(arguments)
        .current_dir(directory)
        .output()
        .with_context(|| format!("running {} (cargo xtask doctor installs it)", python.display()))?;
    if !output.status.success() {
        bail!("python {arguments:?} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8(output.stdout)?)
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

pub fn acceptance_on_qemu(_sh: &Shell) -> anyhow::Result<()> {
    let root = crate::project_root();
    let fixture = root.join("tests/fs/acceptance");
    let tool = root.join("tests/reference/littlefs-tool.py");
    let dir = root.join("target/qemu-fs-acceptance");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let image = dir.join("fs.img");
    python(&[&tool, Path::new("pack"), &fixture.join("tree"), &image, Path::new("352")], &root)?;
    let tree = dir.join("tree");
    copy_tree(&fixture.join("tree"), &tree)?;
    let program = fixture.join("program.py");
    let expected = python(&[&program], &tree)?;

    let output = Command::new(std::env::current_exe()?)
        .args(["run", "--board", "qemu-m0", "--fs"])
        .arg(&image)
        .arg(&program)
        .stdin(Stdio::null())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || stdout != expected {
        bail!(
            "the acceptance program on qemu-m0 ({}) printed:\n{stdout}{}\nCPython printed:\n{expected}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let written = python(&[&tool, Path::new("dump"), &image], &root)?;
    let wanted = python(&[&tool, Path::new("dump-dir"), &tree], &root)?;
    if written != wanted {
        bail!("littlefs-python reads back from the image:\n{written}\nbut CPython left:\n{wanted}");
    }
    println!(
        "qemu-m0 --fs: {} lines as CPython's, {} entries read back by littlefs-python",
        expected.lines().count(),
        written.lines().count()
    );
    Ok(())
}
