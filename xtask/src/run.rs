//! `cargo xtask run`: freeze a manifest or a single `.py` file and run it
//! where the board's [`Runner`] says: the host runner (`ports/host`'s
//! library, in a process of its own: see `host_runner.rs`), QEMU, or the
//! emulated Pico. Freezing is the freeze
//! pipeline (`freeze::freeze_board`): a `.py` file is frozen as `main.py`
//! into `target/run/<board>`; a manifest is frozen into `firmware/<board>`
//! with its size report, as `cargo xtask freeze` does. The exit code is the
//! program's: 1 after an uncaught exception, whose traceback is on stderr.
//!
//! With `--board qemu-m0` or `--board qemu-m33`, the image is frozen for that
//! board, the QEMU port's `runtime` binary is built for the board's target
//! (`qemu::build_runtime`, into `target/thumb`), and `qemu-system-arm` runs
//! it with semihosting and the generic loader putting the image at the
//! board's `image_origin` (`qemu::qemu_command`); its output streams through
//! and its exit status is the program's. A runtime whose `RIME_ABI_ID` symbol
//! differs from the freezer's ABI id is refused before it boots.
//!
//! `--timeout SECONDS` bounds a run: past it the emulator (or the host
//! runner) is killed, one line on stderr names the limit, and the exit code
//! is 124. Emulated runs default to [`EMULATOR_TIMEOUT`], since a program
//! that hangs there would otherwise wait forever; host runs have no limit
//! unless one is given.

use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use xshell::Shell;

use crate::board::{Board, Port, Runner};
use crate::freeze;
use crate::process::{self, Timeout, TIMED_OUT_EXIT_CODE};
use crate::{emulate, qemu};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The manifest.toml or .py file to run.
    pub input: PathBuf,
    #[command(flatten)]
    pub target: TargetArgs,
    /// Collect before every allocation (finds objects that are not rooted).
    #[arg(long)]
    pub gc_stress: bool,
    /// A littlefs image file mounted at `/` (4096-byte blocks; created and
    /// formatted when missing, with 352 blocks or the size of an emulated
    /// board's filesystem region), written back after the run (host, QEMU
    /// boards, and the emulated Pico, where it is the flash region).
    #[arg(long, value_name = "FILE")]
    pub fs: Option<PathBuf>,
    /// Kill the program after SECONDS and exit with code 124 (0: no limit).
    /// Default: 60 on QEMU boards and the emulated Pico, where a hung program
    /// would otherwise wait forever; no limit on the host, where Ctrl-C works.
    #[arg(long, value_name = "SECONDS", value_parser = Timeout::parse)]
    pub timeout: Option<Timeout>,
}

/// Where a program runs and how its manifest is resolved: the options
/// `cargo xtask run` and `cargo xtask repl` share.
#[derive(clap::Args, Debug)]
pub struct TargetArgs {
    /// Where to run: host, qemu-m0, qemu-m33, or pico with --emulate.
    #[arg(long, default_value = "host")]
    pub board: String,
    /// Run the real board firmware in the rp2040js emulator.
    #[arg(long)]
    pub emulate: bool,
    /// Heap size, e.g. 192K.
    #[arg(long)]
    pub heap: Option<String>,
    /// Register a library for `require` (searched first), e.g. a micropython-lib checkout: --lib NAME=PATH.
    #[arg(long = "lib", value_name = "NAME=PATH")]
    pub libs: Vec<String>,
    /// Set a manifest path variable: --var NAME=VALUE.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
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
    let board = Board::find(&args.target.board)?;
    if args.fs.is_some() && board.runner() == Runner::Rp2 && !args.target.emulate {
        return crate::not_available(
            &format!("run --fs --board {}", board.name),
            "--fs works on the host, the QEMU boards and the emulated Pico (--emulate)",
        );
    }
    match (board.runner(), args.target.emulate) {
        (Runner::HostRunner, false) => run_on_host(&args, &board),
        (Runner::Qemu, false) => run_on_qemu(&args, &board),
        (Runner::Rp2, true) if board.name == "pico" => run_emulated(&args, &board),
        (Runner::Rp2, _) => crate::not_available(
            &format!("run --board {}", board.name),
            "only the Pico runs in an emulator (--board pico --emulate); `cargo xtask flash` puts a program on a board",
        ),
        (Runner::HostRunner | Runner::Qemu, true) => {
            bail!("--emulate runs an RP2 board's real firmware in rp2040js; {} runs without it", board.name)
        }
    }
}

/// Freezes the input for `board` through the freeze pipeline: a single file
/// into `target/run/<board>` quietly, a manifest into `firmware/<board>` with
/// its size report, as `cargo xtask freeze` would. `heap` goes into the
/// image header. `Err` is the exit code of a freeze that failed (its
/// diagnostics are printed).
fn freeze_input(args: &Args, board: &Board, heap: Option<u32>) -> anyhow::Result<Result<freeze::Built, ExitCode>> {
    let started = Instant::now();
    let request = freeze::Request {
        input: args.input.clone(),
        vars: args.target.vars.clone(),
        libs: args.target.libs.clone(),
        heap,
    };
    let out_dir = if request.is_single_file() {
        crate::project_root().join("target/run").join(&board.name)
    } else {
        board.output_dir()
    };
    match freeze::freeze_board(board, &request, &out_dir)? {
        Ok(built) => {
            if !request.is_single_file() {
                freeze::print_report(board, &built, started);
            }
            Ok(Ok(built))
        }
        Err(rendered) => {
            eprint!("{rendered}");
            Ok(Err(ExitCode::FAILURE))
        }
    }
}

/// `cargo xtask run [--board host]`: freeze, then run the image in the host
/// runner, which takes `--heap` and `--gc-stress` itself.
fn run_on_host(args: &Args, board: &Board) -> crate::Outcome {
    let built = match freeze_input(args, board, None)? {
        Ok(built) => built,
        Err(code) => return Ok(code),
    };
    // The runner is this executable started again (see `host_runner.rs`):
    // it needs no build, and the time limit can kill it as a process.
    let mut command = crate::host_runner::command(&built.image_path(), args.target.heap.as_deref(), args.gc_stress)?;
    if let Some(fs) = &args.fs {
        command.arg("--fs").arg(fs);
    }
    let child = command.spawn().context("running the host runner")?;
    finish(child, args.timeout(false), "the host runner")
}

/// The heap an emulated board's image asks for: `--heap` goes into the image
/// header of a single file; a manifest sets `heap` itself.
fn image_heap(args: &Args) -> anyhow::Result<Option<u32>> {
    if args.gc_stress {
        bail!("--gc-stress works on the host runner only (the board runtimes use the VM's default configuration)");
    }
    match &args.target.heap {
        None => Ok(None),
        Some(_) if !args.input.extension().is_some_and(|extension| extension == "py") => {
            bail!("--heap with a manifest: set `heap` in the manifest instead, it goes into the image")
        }
        Some(text) => Ok(Some(parse_heap(text)?)),
    }
}

/// `cargo xtask run --board qemu-m0|qemu-m33`: freeze for the board, build
/// the runtime, run both in QEMU.
fn run_on_qemu(args: &Args, board: &Board) -> crate::Outcome {
    let Port::Qemu(qemu_board) = &board.port else { bail!("{} is not a QEMU board", board.name) };
    let built = match freeze_input(args, board, image_heap(args)?)? {
        Ok(built) => built,
        Err(code) => return Ok(code),
    };
    let sh = Shell::new()?;
    let elf = qemu::build_runtime(&sh, qemu_board)?;
    let Some(fs) = &args.fs else {
        let child =
            qemu::qemu_command(qemu_board, &elf, &built.image_path()).stdin(Stdio::null()).spawn().map_err(no_qemu)?;
        return finish(child, args.timeout(true), "qemu-system-arm");
    };
    // `--fs`: QEMU reads and writes a copy of the image file in a folder of
    // its own (ports/qemu/src/fs.rs opens `rime-fs.img` there), which
    // replaces the file atomically afterwards, however the program ended.
    rime_host::fs_image::HostFilesystem::open(fs)?.save()?;
    let folder = built.out_dir.join("qemu-fs");
    std::fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let copy = folder.join("rime-fs.img");
    std::fs::copy(fs, &copy).with_context(|| format!("copying {}", fs.display()))?;
    let (elf, image) = (std::path::absolute(&elf)?, std::path::absolute(built.image_path())?);
    let child = qemu::qemu_command_with_args(qemu_board, &elf, &image, &["rime", "--fs"])
        .current_dir(&folder)
        .stdin(Stdio::null())
        .spawn()
        .map_err(no_qemu)?;
    let outcome = finish(child, args.timeout(true), "qemu-system-arm");
    let bytes = std::fs::read(&copy).with_context(|| format!("reading {}", copy.display()))?;
    crate::files::write_atomically(fs, &bytes)?;
    outcome
}

fn no_qemu(error: std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("cannot start qemu-system-arm ({error}); install it with `apt-get install -y qemu-system-arm`")
}

/// `cargo xtask run --board pico --emulate FILE|MANIFEST`: freezes for the
/// Pico, boots the `firmware.uf2` it packaged in rp2040js and prints UART0
/// and what GPIO25 did. The run ends when the board idles after the program.
fn run_emulated(args: &Args, board: &Board) -> crate::Outcome {
    let built = match freeze_input(args, board, image_heap(args)?)? {
        Ok(built) => built,
        Err(code) => return Ok(code),
    };
    let uf2 = built.out_dir.join("firmware.uf2");
    let timeout = args.timeout(true);
    // `--fs`: the emulator writes a copy of the image file in place, which
    // replaces the file atomically afterwards, however the program ended.
    let filesystem = match &args.fs {
        Some(fs) => Some(emulated_filesystem(board, fs, &built.out_dir)?),
        None => None,
    };
    let run = emulate::PicoRun {
        marker: Some("idle"),
        budget: EMULATOR_BUDGET,
        timeout: timeout.0,
        fs: filesystem.as_ref().map(|(copy, offset)| (copy.as_path(), *offset)),
        ..Default::default()
    };
    let result = emulate::run_pico_with(&uf2, &run);
    if let (Some((copy, _)), Some(fs)) = (&filesystem, &args.fs) {
        let bytes = std::fs::read(copy).with_context(|| format!("reading {}", copy.display()))?;
        crate::files::write_atomically(fs, &bytes)?;
    }
    let output = match result {
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

/// The image file `fs` (see [`filesystem_offset`]) copied into `out_dir`
/// for the emulator, and the region's offset.
fn emulated_filesystem(board: &Board, fs: &Path, out_dir: &Path) -> anyhow::Result<(PathBuf, u32)> {
    let offset = filesystem_offset(board, fs)?;
    let copy = out_dir.join("emulated-fs.img");
    std::fs::copy(fs, &copy).with_context(|| format!("copying {}", fs.display()))?;
    Ok((copy, offset))
}

/// The offset of `board`'s filesystem region from the start of flash, for
/// the image file `fs`, which is created and formatted when missing and
/// must be the region's size.
pub(crate) fn filesystem_offset(board: &Board, fs: &Path) -> anyhow::Result<u32> {
    let Port::Rp2(rp2_board) = &board.port else { bail!("{} is not an RP2 board", board.name) };
    let region = rp2_board.fs_region().with_context(|| format!("{} has no filesystem region", board.name))?;
    rime_host::fs_image::HostFilesystem::open_sized(fs, (region.end - region.start) / 4096)?.save()?;
    let size = std::fs::metadata(fs).with_context(|| format!("reading {}", fs.display()))?.len();
    if size != u64::from(region.end - region.start) {
        bail!(
            "{}: {size} bytes, but {}'s filesystem region holds {} bytes ({} blocks of 4096)",
            fs.display(),
            board.name,
            region.end - region.start,
            (region.end - region.start) / 4096
        );
    }
    Ok(region.start - rp2_board.flash_origin)
}

/// The most instructions the emulated Pico runs before it gives up.
const EMULATOR_BUDGET: u64 = 200_000_000;

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
