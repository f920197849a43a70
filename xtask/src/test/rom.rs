//! The stage "qemu: frozen resources read in place at /rom": the host runs
//! `tests/fs/rom` in `ports/host/tests/rom.rs`; this stage runs the same
//! manifests on qemu-m0 with `cargo xtask run`: `program.toml` must print
//! MicroPython's output (`program.py.exp`, from MicroPython's VfsRom, see
//! `tests/fs/rom/expected.sh`) and `readonly.toml`, beside a fresh littlefs
//! image mounted at `/` (`--fs`), its hand-checked `readonly.py.exp`.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::bail;
use xshell::Shell;

/// What the program printed: `cargo xtask run` first prints the freeze
/// report of a manifest, which ends with its `wrote …` line.
pub(super) fn program_output(stdout: &str) -> &str {
    match stdout.find("\nwrote ") {
        Some(at) => stdout[at + 1..].split_once('\n').map_or("", |(_, rest)| rest),
        None => stdout,
    }
}

fn run_on_qemu(manifest: &Path, fs: Option<&Path>, expected: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(std::env::current_exe()?);
    command.arg("run").args(["--board", "qemu-m0"]);
    if let Some(fs) = fs {
        command.arg("--fs").arg(fs);
    }
    let output = command.arg(manifest).stdin(Stdio::null()).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let printed = program_output(&stdout);
    let wanted = std::fs::read_to_string(expected)?;
    if !output.status.success() || printed != wanted {
        bail!(
            "{} on qemu-m0 ({}) printed:\n{printed}{}\nbut {} holds:\n{wanted}",
            manifest.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr),
            expected.display()
        );
    }
    println!("{}: {} lines as expected on qemu-m0", manifest.display(), wanted.lines().count());
    Ok(())
}

pub fn rom_on_qemu(_sh: &Shell) -> anyhow::Result<()> {
    let fixture = crate::project_root().join("tests/fs/rom");
    run_on_qemu(&fixture.join("program.toml"), None, &fixture.join("program.py.exp"))?;
    let dir = crate::project_root().join("target/fs-rom");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    run_on_qemu(&fixture.join("readonly.toml"), Some(&dir.join("fs.img")), &fixture.join("readonly.py.exp"))
}
