//! `cargo xtask run`: freeze a manifest or a single `.py` file and run it on
//! the host runner (`ports/host`, binary `rime-host`) or on a QEMU board. A
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
//!
//! `--timeout SECONDS` bounds a run: past it the emulator (or the host
//! runner) is killed, one line on stderr names the limit, and the exit code
//! is 124. Emulated runs default to [`EMULATOR_TIMEOUT`], since a program
//! that hangs there would otherwise wait forever; host runs have no limit
//! unless one is given.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

use anyhow::{bail, Context as _};
use xshell::{cmd, Shell};

use crate::build::{self, QemuBoard};
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::process::{self, Timeout, TIMED_OUT_EXIT_CODE};
use crate::{emulate, toolchain};

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
    /// Set a manifest path variable: --var NAME=VALUE.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// Kill the program after SECONDS and exit with code 124 (0: no limit).
    /// Default: 60 on QEMU boards and the emulated Pico, where a hung program
    /// would otherwise wait forever; no limit on the host, where Ctrl-C works.
    #[arg(long, value_name = "SECONDS", value_parser = Timeout::parse)]
    pub timeout: Option<Timeout>,
}

/// The time limit of an emulated run when `--timeout` is not given.
pub const EMULATOR_TIMEOUT: Duration = Duration::from_secs(60);

impl Args {
    /// The time limit of this run: `--timeout`, or the default of where it runs.
    fn timeout(&self, emulated: bool) -> Timeout {
        self.timeout.unwrap_or(Timeout(if emulated { Some(EMULATOR_TIMEOUT) } else { None }))
    }
}

/// Waits for a run's process and turns its end into the program's exit code:
/// its own code, or [`TIMED_OUT_EXIT_CODE`] with one line on stderr when it
/// was killed at `timeout`.
fn finish(mut child: std::process::Child, timeout: Timeout, program: &str) -> crate::Outcome {
    let Some(status) = process::wait_with_timeout(&mut child, timeout)? else {
        eprintln!("{}", timed_out_message(timeout, program));
        return Ok(ExitCode::from(TIMED_OUT_EXIT_CODE));
    };
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

/// The one line after a run killed at its time limit.
fn timed_out_message(timeout: Timeout, program: &str) -> String {
    format!(
        "error: the program did not finish within the {} timeout; {program} was killed (--timeout SECONDS changes it, 0 for no limit)",
        timeout.describe()
    )
}

pub fn run(args: Args) -> crate::Outcome {
    if let Some(board) = build::qemu_boards()?.into_iter().find(|board| board.name == args.board) {
        if !args.emulate {
            return run_on_qemu(&args, &board);
        }
    }
    if args.board == "pico" && args.emulate {
        return run_emulated(&args);
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
        files::write_atomically(&path, &frozen.image.bytes)?;
        path
    } else {
        let code = freeze::run(freeze::Args {
            board: "host".to_string(),
            manifest: args.input.clone(),
            vars: args.vars.clone(),
            libs: args.libs.clone(),
        })?;
        if code != ExitCode::SUCCESS {
            return Ok(code);
        }
        root.join("firmware/host/frozen.img")
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    // The runner is built first, so that the time limit counts the program only.
    let built = Command::new(&cargo)
        .current_dir(&root)
        .args(["build", "--quiet", "--release", "--package", "rime-host"])
        .status()
        .context("building rime-host")?;
    if !built.success() {
        bail!("building rime-host failed ({built})");
    }
    let mut command = Command::new(cargo);
    command.current_dir(&root).args(["run", "--quiet", "--release", "--package", "rime-host", "--"]).arg(&image_path);
    if let Some(heap) = &args.heap {
        command.args(["--heap", heap]);
    }
    if args.gc_stress {
        command.arg("--gc-stress");
    }
    // `cargo run` replaces itself with the runner (exec), so killing the
    // child at the time limit kills the runner.
    let child = command.spawn().context("running rime-host")?;
    finish(child, args.timeout(false), "rime-host")
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
        files::write_atomically(&path, &frozen.image.bytes)?;
        path
    } else {
        if args.heap.is_some() {
            bail!("--heap with a manifest: set `heap` in the manifest instead, it goes into the image");
        }
        let freeze_args = freeze::Args {
            board: board.name.clone(),
            manifest: args.input.clone(),
            vars: args.vars.clone(),
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
    let child = qemu_command(board, &elf, &image_path).stdin(Stdio::null()).spawn().map_err(|error| {
        anyhow::anyhow!("cannot start qemu-system-arm ({error}); install it with `apt-get install -y qemu-system-arm`")
    })?;
    finish(child, args.timeout(true), "qemu-system-arm")
}

/// `cargo xtask run --board pico --emulate FILE|MANIFEST`: freezes for the
/// Pico, boots `firmware/pico/firmware.uf2` in rp2040js and prints UART0 and
/// what GPIO25 did. The run ends when the board idles after the program.
fn run_emulated(args: &Args) -> crate::Outcome {
    let freeze_args = freeze::Args {
        board: "pico".into(),
        manifest: args.input.clone(),
        vars: args.vars.clone(),
        libs: args.libs.clone(),
    };
    let code = freeze::run(freeze_args)?;
    if code != ExitCode::SUCCESS {
        return Ok(code);
    }
    let uf2 = crate::project_root().join("firmware/pico/firmware.uf2");
    let timeout = args.timeout(true);
    let run =
        emulate::PicoRun { marker: Some("idle"), budget: EMULATOR_BUDGET, timeout: timeout.0, ..Default::default() };
    let output = match emulate::run_pico_with(&uf2, &run) {
        Ok(output) => output,
        Err(error) if error.downcast_ref::<process::TimedOut>().is_some() => {
            eprintln!("{}", timed_out_message(timeout, "the emulator"));
            return Ok(ExitCode::from(TIMED_OUT_EXIT_CODE));
        }
        Err(error) => return Err(error),
    };
    print!("{}", output.uart);
    println!("GPIO25: {} toggles\n{}", output.gpio25_toggles, output.summary);
    Ok(ExitCode::SUCCESS)
}

/// The most instructions the emulated Pico runs before it gives up.
const EMULATOR_BUDGET: u64 = 200_000_000;

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
    let mut build = cmd!(
        sh,
        "{cargo} build --quiet --release --manifest-path Cargo.toml --target {target} --bin runtime {extra_args...}"
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
