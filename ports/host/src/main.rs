//! `rime-host IMAGE [--heap 192K] [--gc-stress]`: loads a frozen image and
//! runs its main module on the VM. Exit code 1 after an uncaught exception
//! (its traceback is on stderr), the `sys.exit` code otherwise.

use std::process::ExitCode;

use anyhow::Context as _;
use rime_host::{parse_size, run_image, HostPort, DEFAULT_HEAP};
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
    let mut config = Config::host();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--heap" => heap = parse_size(&args.next().context("--heap needs a size")?)?,
            "--gc-stress" => config.gc_stress = true,
            "-h" | "--help" => {
                println!("usage: rime-host IMAGE [--heap 192K] [--gc-stress]");
                return Ok(ExitCode::SUCCESS);
            }
            _ if image_path.is_none() => image_path = Some(arg),
            _ => anyhow::bail!("unexpected argument {arg}"),
        }
    }
    let image_path = image_path.context("usage: rime-host IMAGE [--heap 192K] [--gc-stress]")?;
    let image = std::fs::read(&image_path).with_context(|| format!("reading {image_path}"))?;
    let mut port = HostPort::new(false);
    let outcome = run_image(&image, heap, config, &mut port)?;
    Ok(match outcome {
        Outcome::Finished => ExitCode::SUCCESS,
        Outcome::Exit(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Outcome::Uncaught => ExitCode::from(1),
    })
}
