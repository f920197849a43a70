//! `cargo xtask run`: freeze a manifest or a single `.py` file and run it on
//! the host runner (`ports/host`'s library, in a process of its own: see
//! `host_runner.rs`) or on a QEMU board. A
//! `.py` file is frozen in memory as `main.py`; a manifest goes through
//! `cargo xtask freeze` (which writes `firmware/<board>/frozen.img`). The
//! exit code is the program's: 1 after an uncaught exception, whose
//! traceback is on stderr.
//!
//! With `--board qemu-m0` or `--board qemu-m33`, the image is frozen for that
//! board, the QEMU port's `runtime` binary is built for the board's target
//! ([`build_qemu_runtime`], into `target/thumb`), and `qemu-system-arm` runs
//! it with semihosting and the generic loader putting the image at the
//! board's `image_origin` ([`qemu_command`]); its output streams through and
//! its exit status is the program's. A runtime whose `RIME_ABI_ID` symbol
//! differs from the freezer's ABI id is refused before it boots.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{bail, Context as _};
use xshell::{cmd, Shell};

use crate::build::{self, QemuBoard};
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::toolchain;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The manifest.toml or .py file to run.
    pub input: PathBuf,
    /// Where to run: host, qemu-m0, qemu-m33, or pico with --emulate.
    #[arg(long, default_value = "host")]
    pub board: String,
    /// Run the real board firmware in the rp2040js emulator.
    #[arg(long)]
    pub emulate: bool,
    /// Heap size, e.g. 192K.
    #[arg(long)]
    pub heap: Option<String>,
    /// Collect before every allocation (finds objects that are not rooted).
    #[arg(long)]
    pub gc_stress: bool,
    /// Register a library for `require` (searched first), e.g. a micropython-lib checkout: --lib NAME=PATH.
    #[arg(long = "lib", value_name = "NAME=PATH")]
    pub libs: Vec<String>,
}

pub fn run(args: Args) -> crate::Outcome {
    if let Some(board) = build::qemu_boards()?.into_iter().find(|board| board.name == args.board) {
        if !args.emulate {
            return run_on_qemu(&args, &board);
        }
    }
    if args.board == "pico" && args.emulate {
        return crate::freeze::link::run_emulated(&args.input);
    }
    if args.board != "host" || args.emulate {
        return crate::not_available("run on a board", "issue 9: the board runtimes");
    }
    let root = crate::project_root();
    let image_path = if args.input.extension().is_some_and(|extension| extension == "py") {
        let source = std::fs::read(&args.input).with_context(|| format!("reading {}", args.input.display()))?;
        let inputs = Inputs {
            modules: vec![Input { name: "main.py".to_string(), kind: InputKind::Compile { source, opt: 0 } }],
            main: Some("main.py".to_string()),
            shown_paths: [("main.py".to_string(), args.input.display().to_string())].into(),
            ..Inputs::default()
        };
        let frozen = match freeze::freeze(&inputs, "host", Some(&root.join("target/freeze-cache")))? {
            Ok(frozen) => frozen,
            Err(rendered) => {
                eprint!("{rendered}");
                return Ok(ExitCode::FAILURE);
            }
        };
        let path = root.join("target/run").join("frozen.img");
        freeze::write_atomically(&path, &frozen.image.bytes)?;
        path
    } else {
        let code = freeze::run(freeze::Args {
            board: "host".to_string(),
            manifest: args.input.clone(),
            vars: Vec::new(),
            libs: args.libs.clone(),
        })?;
        if code != ExitCode::SUCCESS {
            return Ok(code);
        }
        root.join("firmware/host/frozen.img")
    };
    let mut command = crate::host_runner::command(&image_path, args.heap.as_deref(), args.gc_stress)?;
    let status = command.status().context("running rime-host")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

/// `cargo xtask run --board qemu-m0|qemu-m33`: freeze for the board, build
/// the runtime, run both in QEMU.
fn run_on_qemu(args: &Args, board: &QemuBoard) -> crate::Outcome {
    if args.gc_stress {
        bail!("--gc-stress works on the host runner only (the QEMU runtime uses the VM's default configuration)");
    }
    let root = crate::project_root();
    let image_path = if args.input.extension().is_some_and(|extension| extension == "py") {
        let source = std::fs::read(&args.input).with_context(|| format!("reading {}", args.input.display()))?;
        let heap = match &args.heap {
            Some(text) => Some(parse_heap(text)?),
            None => None,
        };
        let inputs = Inputs {
            modules: vec![Input { name: "main.py".to_string(), kind: InputKind::Compile { source, opt: 0 } }],
            main: Some("main.py".to_string()),
            shown_paths: [("main.py".to_string(), args.input.display().to_string())].into(),
            heap,
            ..Inputs::default()
        };
        let frozen = match freeze::freeze(&inputs, &board.name, Some(&root.join("target/freeze-cache")))? {
            Ok(frozen) => frozen,
            Err(rendered) => {
                eprint!("{rendered}");
                return Ok(ExitCode::FAILURE);
            }
        };
        let path = root.join("target/run").join(&board.name).join("frozen.img");
        freeze::write_atomically(&path, &frozen.image.bytes)?;
        path
    } else {
        if args.heap.is_some() {
            bail!("--heap with a manifest: set `heap` in the manifest instead, it goes into the image");
        }
        let freeze_args = freeze::Args {
            board: board.name.clone(),
            manifest: args.input.clone(),
            vars: Vec::new(),
            libs: args.libs.clone(),
        };
        let code = freeze::run(freeze_args)?;
        if code != ExitCode::SUCCESS {
            return Ok(code);
        }
        root.join("firmware").join(&board.name).join("frozen.img")
    };
    let sh = Shell::new()?;
    let elf = build_qemu_runtime(&sh, board)?;
    let status = qemu_command(board, &elf, &image_path).stdin(Stdio::null()).status().map_err(|error| {
        anyhow::anyhow!("cannot start qemu-system-arm ({error}); install it with `apt-get install -y qemu-system-arm`")
    })?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

/// Builds the QEMU port's `runtime` binary for `board` (release, into
/// `target/thumb`, from inside `ports/qemu` so that its `.cargo/config.toml`
/// applies, exactly as the smoke build does) and returns the ELF's path.
pub fn build_qemu_runtime(sh: &Shell, board: &QemuBoard) -> anyhow::Result<PathBuf> {
    let root = crate::project_root();
    let target_dir = root.join("target/thumb");
    let support = toolchain::ensure_target(sh, &board.target)?;
    let target = &board.target;
    let extra_args = support.cargo_args();
    let cargo = toolchain::cargo_program();
    let _dir = sh.push_dir(root.join("ports/qemu"));
    let what = format!("the {} runtime", board.name);
    let first = toolchain::announce_first_build(&target_dir.join(target).join("release/runtime"), &what);
    let quiet = if first { None } else { Some("--quiet") };
    let mut build = cmd!(
        sh,
        "{cargo} build {quiet...} --release --manifest-path Cargo.toml --target {target} --bin runtime {extra_args...}"
    )
    .env("CARGO_TARGET_DIR", &target_dir)
    .env_remove("RUSTFLAGS")
    .env_remove("CARGO_ENCODED_RUSTFLAGS");
    for (key, value) in support.cargo_env() {
        build = build.env(key, value);
    }
    build.run().with_context(|| format!("building the QEMU runtime for {}", board.name))?;
    let elf = target_dir.join(target).join("release/runtime");
    let bytes = std::fs::read(&elf).with_context(|| format!("reading {}", elf.display()))?;
    crate::freeze::link::check_abi(&elf, &bytes, freeze::host_abi().abi_id, &board.name)?;
    Ok(elf)
}

/// The `qemu-system-arm` command that boots `elf` on `board` with semihosting
/// and the generic loader putting `image` at the board's `image_origin`.
pub fn qemu_command(board: &QemuBoard, elf: &Path, image: &Path) -> Command {
    let mut command = Command::new("qemu-system-arm");
    command
        .args(["-M", &board.machine, "-nographic", "-monitor", "none", "-serial", "none"])
        .args(["-semihosting-config", "enable=on,target=native", "-kernel"])
        .arg(elf)
        .arg("-device")
        .arg(format!(
            "loader,file={},addr={:#x},force-raw=on",
            image.display().to_string().replace(',', ",,"),
            board.image_origin
        ));
    command
}

/// Parses a heap size like `16K`, `1M` or `65536`.
fn parse_heap(text: &str) -> anyhow::Result<u32> {
    let text = text.trim();
    let (digits, scale) = match text.chars().last() {
        Some('k' | 'K') => (&text[..text.len() - 1], 1024),
        Some('m' | 'M') => (&text[..text.len() - 1], 1024 * 1024),
        _ => (text, 1),
    };
    let value: u32 = digits.parse().with_context(|| format!("--heap: not a size: {text}"))?;
    value.checked_mul(scale).with_context(|| format!("--heap: {text} is too large"))
}
