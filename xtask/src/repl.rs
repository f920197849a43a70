//! `cargo xtask repl [MANIFEST|FILE.py] [--board host] [--heap SIZE] [--pty]`:
//! boots a board as MicroPython boots (the frozen `main`, if any, then the
//! REPL) with its console on this terminal, in raw mode (Ctrl-] quits), or
//! with `--pty` on a new pseudo-terminal: the one line `pty: PATH` is
//! printed on stdout and the REPL is served there until the command is
//! killed, so that `mpremote connect PATH ...` or Thonny can attach.
//!
//! The input is frozen through the freeze pipeline as `cargo xtask run`
//! freezes it (a `.py` file as `main.py` into `target/repl/<board>`, a
//! manifest into `firmware/<board>`); without one the image holds no module
//! and the REPL starts at once. The host board runs in the host runner
//! (this executable started again, `host_runner.rs`). The QEMU boards run
//! the QEMU port's `repl` firmware with UART0 as the console: on this
//! terminal through QEMU's stdio (Ctrl-A x quits QEMU, Ctrl-A Ctrl-A types a
//! Ctrl-A), or on the pseudo-terminal QEMU makes (`-serial pty`), whose path
//! it reads from QEMU's stdout. The emulated Pico (`--board pico --emulate`)
//! boots the real firmware in rp2040js (`run-pico.mjs --serve`), whose USB
//! CDC serial port this command bridges to the terminal or a pseudo-terminal.
//!
//! `--fs FILE` mounts a littlefs image file at `/` (host, QEMU boards and
//! the emulated Pico, where it is the flash's filesystem region): the REPL
//! runs until it is killed, so every change goes to the file as it happens
//! (the host runner writes through, QEMU's firmware writes it through
//! semihosting, the Pico harness writes each ROM erase and program through), and the file holds a valid filesystem between
//! commands, for littlefs-python or the next run.

use std::io::BufRead as _;
use std::path::PathBuf;
use std::process::{ExitCode, Stdio};

use anyhow::{bail, Context as _};
use xshell::Shell;

use crate::board::{Board, Port, Runner};
use crate::{freeze, qemu};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The manifest.toml or .py file whose frozen `main` runs before the REPL.
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub target: crate::run::TargetArgs,
    /// Serve the REPL on a new pseudo-terminal (its path is printed as `pty: PATH`).
    #[arg(long)]
    pub pty: bool,
    /// A littlefs image file mounted at `/` (4096-byte blocks; created and
    /// formatted when missing, with 352 blocks or the size of an emulated
    /// board's filesystem region); every change is written to it as it
    /// happens (host, QEMU boards, emulated Pico).
    #[arg(long, value_name = "FILE")]
    pub fs: Option<PathBuf>,
}

pub fn run(args: Args) -> crate::Outcome {
    // Killing `cargo xtask repl` ends the REPL it serves, not only cargo.
    rime_host::console::end_with_parent();
    let board = Board::find(&args.target.board)?;
    if args.fs.is_some() && board.runner() == Runner::Rp2 && !args.target.emulate {
        return crate::not_available(
            &format!("repl --fs --board {}", board.name),
            "--fs works on the host, the QEMU boards and the emulated Pico (--emulate)",
        );
    }
    match (board.runner(), args.target.emulate) {
        (Runner::HostRunner, false) => repl_on_host(&args, &board),
        (Runner::Qemu, false) => repl_on_qemu(&args, &board),
        (Runner::Rp2, true) if board.name == "pico" => repl_on_emulated_pico(&args, &board),
        _ => crate::not_available(
            &format!("repl --board {}{}", board.name, if args.target.emulate { " --emulate" } else { "" }),
            "issue 18: the REPL runs on the host, the QEMU boards and the emulated Pico (--board pico --emulate); \
             `cargo xtask flash` puts it on a board",
        ),
    }
}

/// Freezes the input for `board` (a `.py` file into `target/repl/<board>`, a
/// manifest into `firmware/<board>`); `Ok(None)` without an input, `Err` is
/// the exit code of a freeze that failed (its diagnostics are printed).
fn freeze_input(args: &Args, board: &Board, heap: Option<u32>) -> anyhow::Result<Result<Option<PathBuf>, ExitCode>> {
    let Some(input) = &args.input else { return Ok(Ok(None)) };
    let request =
        freeze::Request { input: input.clone(), vars: args.target.vars.clone(), libs: args.target.libs.clone(), heap };
    let out_dir = if request.is_single_file() {
        crate::project_root().join("target/repl").join(&board.name)
    } else {
        board.output_dir()
    };
    Ok(match freeze::freeze_board(board, &request, &out_dir)? {
        Ok(built) => Ok(Some(built.image_path())),
        Err(rendered) => {
            eprint!("{rendered}");
            Err(ExitCode::FAILURE)
        }
    })
}

/// Freezes the input (or an image without modules) and starts the host runner's REPL.
fn repl_on_host(args: &Args, board: &Board) -> crate::Outcome {
    let frozen = match freeze_input(args, board, None)? {
        Ok(frozen) => frozen,
        Err(code) => return Ok(code),
    };
    let image_path = match frozen {
        Some(path) => path,
        None => {
            let image = rime_host::freeze_sources(&[])?;
            let out_dir = crate::project_root().join("target/repl").join(&board.name);
            std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
            let path = out_dir.join("empty.img");
            crate::files::write_atomically(&path, &image)?;
            path
        }
    };
    let mut command = crate::host_runner::command(&image_path, args.target.heap.as_deref(), false)?;
    command.arg("--repl");
    if args.pty {
        command.arg("--pty");
    }
    if let Some(fs) = &args.fs {
        command.arg("--fs").arg(fs);
    }
    let status = command.status().context("running the host runner")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

/// Freezes the input for a QEMU board, builds the `repl` firmware and boots
/// it with UART0 on this terminal or on a pseudo-terminal.
fn repl_on_qemu(args: &Args, board: &Board) -> crate::Outcome {
    let Port::Qemu(qemu_board) = &board.port else { bail!("{} is not a QEMU board", board.name) };
    let heap = match &args.target.heap {
        Some(_) if args.input.is_none() => bail!("--heap on a QEMU board goes into the image: give a FILE.py"),
        Some(text) => Some(u32::try_from(rime_host::parse_size(text)?).context("--heap is too large")?),
        None => None,
    };
    let image = match freeze_input(args, board, heap)? {
        Ok(image) => image,
        Err(code) => return Ok(code),
    };
    let sh = Shell::new()?;
    let elf = qemu::build_repl(&sh, qemu_board)?;
    let serial = if args.pty { qemu::Serial::Pty } else { qemu::Serial::Terminal };
    let mut command = qemu::repl_command(qemu_board, &elf, image.as_deref(), serial, args.fs.is_some());
    if let Some(fs) = &args.fs {
        command.current_dir(qemu_fs_folder(board, fs)?);
    }
    if !args.pty {
        let status = command
            .status()
            .context("cannot start qemu-system-arm; install it with `apt-get install -y qemu-system-arm`")?;
        return Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    // QEMU names its pseudo-terminal on stdout.
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .context("cannot start qemu-system-arm; install it with `apt-get install -y qemu-system-arm`")?;
    let stdout = child.stdout.take().context("QEMU's stdout")?;
    let mut lines = std::io::BufReader::new(stdout).lines();
    let mut announced = false;
    for line in lines.by_ref() {
        let line = line.context("reading QEMU's stdout")?;
        match qemu::pty_from_qemu_line(&line) {
            Some(path) if !announced => {
                println!("pty: {path}");
                announced = true;
            }
            _ => eprintln!("{line}"),
        }
    }
    let status = child.wait().context("waiting for qemu-system-arm")?;
    if !announced {
        bail!("qemu-system-arm named no pseudo-terminal (it exited with {status})");
    }
    Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// A folder whose `rime-fs.img` (the name `ports/qemu/src/fs.rs` opens in
/// QEMU's working directory) is a link to the image file `fs`, created and
/// formatted first when missing, so the firmware writes straight into it.
pub(crate) fn qemu_fs_folder(board: &Board, fs: &std::path::Path) -> anyhow::Result<PathBuf> {
    rime_host::fs_image::HostFilesystem::open(fs)?.save()?;
    let target = std::path::absolute(fs).with_context(|| format!("finding {}", fs.display()))?;
    let folder = crate::project_root().join("target/repl").join(&board.name).join(format!("fs-{}", std::process::id()));
    std::fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let link = folder.join("rime-fs.img");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&target, &link).with_context(|| format!("linking {}", link.display()))?;
    Ok(folder)
}

/// Boots the Pico's firmware (with the frozen input, if any) in rp2040js and
/// bridges its USB CDC serial port to this terminal or a pseudo-terminal.
fn repl_on_emulated_pico(args: &Args, board: &Board) -> crate::Outcome {
    let Port::Rp2(rp2_board) = &board.port else { bail!("{} is not an RP2 board", board.name) };
    let heap = match &args.target.heap {
        Some(_) if args.input.is_none() => bail!("--heap on the Pico goes into the image: give a FILE.py"),
        Some(text) => Some(u32::try_from(rime_host::parse_size(text)?).context("--heap is too large")?),
        None => None,
    };
    let uf2 = match freeze_input(args, board, heap)? {
        Err(code) => return Ok(code),
        Ok(Some(image)) => image.with_file_name("firmware.uf2"),
        Ok(None) => crate::rp2::build_board(&Shell::new()?, rp2_board)?.uf2,
    };
    let mut console = if args.pty {
        let (console, path) = rime_host::console::Console::pty()?;
        println!("pty: {}", path.display());
        console
    } else {
        eprintln!("the emulated Pico's USB serial port; Ctrl-] quits");
        rime_host::console::Console::terminal()?
    };
    let fs = match &args.fs {
        Some(fs) => Some((fs.clone(), crate::run::filesystem_offset(board, fs)?)),
        None => None,
    };
    let mut child = crate::emulate::serve_command(&uf2, fs.as_ref().map(|(path, offset)| (path.as_path(), *offset)))?
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot start node (the emulated Pico); install Node.js 18 or later")?;
    let mut to_board = child.stdin.take().context("the emulator's stdin")?;
    let mut from_board = child.stdout.take().context("the emulator's stdout")?;
    let (sender, received) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 512];
        while let Ok(count) = std::io::Read::read(&mut from_board, &mut chunk) {
            if count == 0 || sender.send(chunk[..count].to_vec()).is_err() {
                break;
            }
        }
    });
    loop {
        let mut busy = false;
        while let Some(byte) = console.read_byte() {
            std::io::Write::write_all(&mut to_board, &[byte]).context("writing to the emulated Pico")?;
            busy = true;
        }
        loop {
            match received.try_recv() {
                Ok(bytes) => {
                    console.write(&bytes);
                    busy = true;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    let status = child.wait().context("waiting for the emulator")?;
                    bail!("the emulated Pico stopped ({status})");
                }
            }
        }
        if !busy {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}
