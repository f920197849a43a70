//! The stage "host and qemu-m0: micropython-lib's gzip and zlib over
//! deflate, and keyword, against MicroPython": `tests/mplib/deflate/main.py`
//! frozen with the unmodified `gzip.py`, `zlib.py` and `keyword.py` of the
//! micropython-lib checkout
//! named by `MICROPYTHON_LIB` (skipped, saying so, without one) runs with
//! `cargo xtask run` on the host and on qemu-m0, and must print what the
//! pinned MicroPython (the WebAssembly build) prints for the same three
//! files: issue 21's acceptance that micropython-lib's `keyword`, `gzip`
//! and `zlib` import and work.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, ensure, Context as _};
use xshell::Shell;

/// The environment variable naming the micropython-lib checkout.
const MICROPYTHON_LIB: &str = "MICROPYTHON_LIB";
/// The modules' places in micropython-lib.
const LIBRARY_MODULES: [(&str, &str); 3] = [
    ("gzip.py", "python-stdlib/gzip/gzip.py"),
    ("zlib.py", "python-stdlib/zlib/zlib.py"),
    ("keyword.py", "python-stdlib/keyword/keyword.py"),
];

pub fn gzip_and_zlib(_sh: &Shell) -> anyhow::Result<()> {
    let Some(checkout) = std::env::var_os(MICROPYTHON_LIB).map(std::path::PathBuf::from) else {
        println!(
            "skipped: set {MICROPYTHON_LIB} to a micropython-lib checkout to run its gzip, zlib and keyword modules"
        );
        return Ok(());
    };
    let root = crate::project_root();
    let dir = root.join("target/mplib-deflate");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    std::fs::copy(root.join("tests/mplib/deflate/main.py"), dir.join("main.py")).context("copying main.py")?;
    for (name, place) in LIBRARY_MODULES {
        let source = checkout.join(place);
        std::fs::copy(&source, dir.join(name)).with_context(|| format!("copying {}", source.display()))?;
    }
    let manifest = dir.join("app.toml");
    let modules: String = ["main.py", "gzip.py", "zlib.py", "keyword.py"]
        .iter()
        .map(|name| format!("[[module]]\npath = \"{name}\"\n\n"))
        .collect();
    std::fs::write(&manifest, format!("{modules}[image]\nmain = \"main\"\n"))?;

    let output = Command::new("node")
        .arg(root.join("tests/reference/run-micropython.mjs"))
        .args(["main.py", "gzip.py", "zlib.py", "keyword.py"].map(|name| dir.join(name)))
        .output()
        .context("running the pinned MicroPython (node tests/reference/run-micropython.mjs)")?;
    let expected = String::from_utf8_lossy(&output.stdout).to_string();
    ensure!(output.status.success() && !expected.is_empty(), "MicroPython's reference run printed {expected:?}");
    for board in ["host", "qemu-m0"] {
        run_on(board, &manifest, &expected)?;
    }
    Ok(())
}

fn run_on(board: &str, manifest: &Path, expected: &str) -> anyhow::Result<()> {
    let mut command = Command::new(std::env::current_exe()?);
    command.arg("run");
    if board != "host" {
        command.args(["--board", board]);
    }
    let output = command.arg(manifest).stdin(Stdio::null()).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let printed = super::rom::program_output(&stdout);
    if !output.status.success() || printed != expected {
        bail!(
            "micropython-lib's gzip, zlib and keyword on {board} ({}) printed:\n{printed}{}\nbut MicroPython printed:\n{expected}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    println!(
        "{board}: micropython-lib's gzip, zlib and keyword print MicroPython's {} lines",
        expected.lines().count()
    );
    Ok(())
}
