//! `rime-host IMAGE [--heap 192K] [--gc-stress] [--fs FILE]`: loads a frozen
//! image and runs its main module on the VM, with the littlefs image file
//! `FILE` (created when missing) mounted at `/`. Exit code 1 after an uncaught exception
//! (its traceback is on stderr), the `sys.exit` code otherwise.

use std::process::ExitCode;

use anyhow::Context as _;
use rime_host::fs_image::run_image_with_filesystem;
use rime_host::{parse_size, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("rime-host: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let mut image_path = None;
    let mut heap = DEFAULT_HEAP;
    let mut config = Config { port_modules: rime_host::rp2_module::PORT_MODULES, ..Config::host() };
    let mut fs = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--heap" => heap = parse_size(&args.next().context("--heap needs a size")?)?,
            "--gc-stress" => config.gc_stress = true,
            "--fs" => fs = Some(std::path::PathBuf::from(args.next().context("--fs needs an image file")?)),
            "-h" | "--help" => {
                println!("usage: rime-host IMAGE [--heap 192K] [--gc-stress] [--fs FILE]");
                return Ok(ExitCode::SUCCESS);
            }
            _ if image_path.is_none() => image_path = Some(arg),
            _ => anyhow::bail!("unexpected argument {arg}"),
        }
    }
    let image_path = image_path.context("usage: rime-host IMAGE [--heap 192K] [--gc-stress] [--fs FILE]")?;
    let image = std::fs::read(&image_path).with_context(|| format!("reading {image_path}"))?;
    let mut port = HostPort::new(false);
    let outcome = run_image_with_filesystem(&image, heap, config, &mut port, fs.as_deref())?;
    Ok(match outcome {
        Outcome::Finished => ExitCode::SUCCESS,
        Outcome::Exit(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Outcome::Uncaught => ExitCode::from(1),
    })
}
