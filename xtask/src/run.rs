//! `cargo xtask run`: freeze a manifest or a single `.py` file and run it on
//! the host runner (`ports/host`, binary `rime-host`). A `.py` file is frozen
//! in memory as `main.py`; a manifest goes through `cargo xtask freeze`
//! (which writes `firmware/host/frozen.img`). The exit code is the
//! program's: 1 after an uncaught exception, whose traceback is on stderr.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::Context as _;

use crate::freeze::{self, Input, InputKind, Inputs};

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
}

pub fn run(args: Args) -> crate::Outcome {
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
        freeze::write_atomically(&path, &frozen.image.bytes)?;
        path
    } else {
        let code = freeze::run(freeze::Args { board: "host".to_string(), manifest: args.input.clone(), vars: Vec::new() })?;
        if code != ExitCode::SUCCESS {
            return Ok(code);
        }
        root.join("firmware/host/frozen.img")
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command.current_dir(&root).args(["run", "--quiet", "--release", "--package", "rime-host", "--"]).arg(&image_path);
    if let Some(heap) = &args.heap {
        command.args(["--heap", heap]);
    }
    if args.gc_stress {
        command.arg("--gc-stress");
    }
    let status = command.status().context("running rime-host")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}
