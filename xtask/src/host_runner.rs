//! The host runner that `cargo xtask run` starts: this same executable, called
//! with [`FLAG`], runs a frozen image on the VM as `rime-host` does.
//!
//! xtask already links the VM (through the `rime-host` library), so running an
//! image this way costs no build at all. Running `cargo run --release
//! --package rime-host` instead compiled the compiler and the VM a second
//! time, in release, on a fresh clone: over a minute before the first
//! `hello`. `--fs FILE` mounts a littlefs image file at `/` (`rime_host::fs_image`). The image still runs in a process of its own, with the same flags
//! and exit codes as `rime-host` (0, the `sys.exit` code, 1 after an uncaught
//! exception, 2 when the image cannot run); `cargo xtask bench` keeps using
//! the release `rime-host` for figures.
//!
//! With `--repl` the runner boots the image as a board does (its main
//! module, then the REPL) on the terminal, in raw mode; with `--pty` as
//! well, on a new pseudo-terminal whose path it prints as the one line
//! `pty: PATH` on stdout (`cargo xtask repl`); `--fs FILE` then writes
//! every change through to the image file as it happens.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::Context as _;
use rime_host::console::Console;
use rime_host::fs_image::run_image_with_filesystem;
use rime_host::{parse_size, serve_repl, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

/// The first argument that makes the xtask binary the host runner.
pub const FLAG: &str = "--run-host-image";

/// The command that runs `image` on the host runner.
pub fn command(image: &Path, heap: Option<&str>, gc_stress: bool) -> anyhow::Result<Command> {
    let exe = std::env::current_exe().context("finding the xtask executable to run the image with")?;
    let mut command = Command::new(exe);
    command.arg(FLAG).arg(image);
    if let Some(heap) = heap {
        command.args(["--heap", heap]);
    }
    if gc_stress {
        command.arg("--gc-stress");
    }
    Ok(command)
}

/// Runs the host runner when `args` (the process's, program name first)
/// start with [`FLAG`]; `None` otherwise.
pub fn from_args(args: &[OsString]) -> Option<ExitCode> {
    if args.get(1).is_none_or(|arg| arg != FLAG) {
        return None;
    }
    Some(match run(&args[2..]) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("rime-host: {error:#}");
            ExitCode::from(2)
        }
    })
}

fn run(args: &[OsString]) -> anyhow::Result<ExitCode> {
    let config = Config { port_modules: rime_host::rp2_module::PORT_MODULES, ..Config::host() };
    let (mut image_path, mut heap, mut config) = (None, DEFAULT_HEAP, config);
    let (mut repl, mut pty) = (false, false);
    let mut fs = None;
    let mut args = args.iter().map(|arg| arg.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--heap" => heap = parse_size(&args.next().context("--heap needs a size")?)?,
            "--gc-stress" => config.gc_stress = true,
            "--repl" => repl = true,
            "--pty" => pty = true,
            "--fs" => fs = Some(std::path::PathBuf::from(args.next().context("--fs needs an image file")?)),
            _ if image_path.is_none() => image_path = Some(arg),
            _ => anyhow::bail!("unexpected argument {arg}"),
        }
    }
    let image_path = image_path.context("no image to run")?;
    let image = std::fs::read(&image_path).with_context(|| format!("reading {image_path}"))?;
    if repl {
        rime_host::console::end_with_parent();
        let console = if pty {
            let (console, path) = Console::pty()?;
            println!("pty: {}", path.display());
            console
        } else {
            Console::terminal()?
        };
        serve_repl(&image, heap, config, console, fs.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut port = HostPort::new(false);
    Ok(match run_image_with_filesystem(&image, heap, config, &mut port, fs.as_deref())? {
        Outcome::Finished => ExitCode::SUCCESS,
        Outcome::Exit(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Outcome::Uncaught => ExitCode::from(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_flag_makes_a_runner() {
        assert!(from_args(&["xtask".into(), "run".into()]).is_none());
        assert!(from_args(&["xtask".into()]).is_none());
        // A missing image is the runner's own error (exit code 2), not a clap error.
        let missing = std::env::temp_dir().join("rime-no-such-image.img");
        let code = from_args(&["xtask".into(), FLAG.into(), missing.into_os_string()]);
        assert_eq!(code, Some(ExitCode::from(2)));
    }
}
