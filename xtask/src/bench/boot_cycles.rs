//! Benchmark suite `boot-cycles`: boot-to-first-print on the emulated Pico,
//! in emulated cycles.
//!
//! The Pico runtime (`cargo xtask build --board pico`) is linked with an
//! image whose main module prints one line, [`FIRST_LINE`], and nothing
//! before it. The UF2 boots in rp2040js through `tests/reference/run-pico.mjs`
//! (boot2 first, as after a reset), and the harness records the simulated
//! clock, which counts the core's cycles at the Pico's 125 MHz, when the first
//! byte of the boot banner reaches UART0 and when the first byte of the line
//! printed by frozen Python does. Both are reported in cycles and as the time
//! they take at 125 MHz. The emulator counts instruction cycles as the
//! Cortex-M0+ documents them and flash reads without XIP cache misses, so
//! these are lower bounds for a real board; the figures are compared with
//! each other (the Python line against the banner), not with MicroPython,
//! whose firmware cannot be built here.

use anyhow::{bail, Context};
use xshell::Shell;

use super::Measurement;
use crate::emulate::{self, PicoRun, PICO_CLOCK_HZ};
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::rp2;

const SUITE: &str = "boot-cycles";

/// The one line the frozen main module prints.
const FIRST_LINE: &str = "first print from frozen Python";

/// Instructions the run may take (the boot takes well under a million).
const BUDGET: u64 = 20_000_000;

pub fn run(sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    let board = rp2::rp2_board("pico")?;
    let built = rp2::build_board(sh, &board)?;
    let runtime = std::fs::read(&built.elf).with_context(|| format!("reading {}", built.elf.display()))?;
    freeze::link::check_abi(&built.elf, &runtime, freeze::host_abi().abi_id, &board.name)?;
    let source = format!("print({FIRST_LINE:?})\n").into_bytes();
    let inputs = Inputs {
        modules: vec![Input { name: "main.py".to_string(), kind: InputKind::Compile { source, opt: 0 } }],
        main: Some("main.py".to_string()),
        ..Inputs::default()
    };
    let cache = root.join("target/freeze-cache");
    let frozen = match freeze::freeze_at(&inputs, &board.name, board.frozen_origin, Some(&cache))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("the first-print program does not freeze:\n{rendered}"),
    };
    let linked = freeze::link::link(&board, &runtime, &frozen.image.bytes, &["main.py".to_string()])?;
    let uf2 = root.join("target/bench/boot-cycles/firmware.uf2");
    files::write_atomically(&uf2, &linked.uf2)?;
    let run = PicoRun { marker: Some(FIRST_LINE), budget: BUDGET, line_prefix: Some(FIRST_LINE), ..PicoRun::default() };
    let output = emulate::run_pico_with(&uf2, &run)?;
    let banner = output.first_byte_cycle.context("the harness reported no first UART byte")?;
    let python = output.line_cycle.with_context(|| format!("the harness reported no line `{FIRST_LINE}`"))?;
    eprintln!("  banner at cycle {banner}, frozen Python's first line at cycle {python} ({})", output.summary);
    let clock = format!("emulated RP2040 (rp2040js) at {} MHz", PICO_CLOCK_HZ / 1_000_000);
    let micros = |cycles: u64| (cycles as f64 * 1e6 / PICO_CLOCK_HZ as f64 * 10.0).round() / 10.0;
    Ok(vec![
        Measurement {
            suite: SUITE,
            name: "pico: reset to the boot banner's first UART byte".to_string(),
            value: banner as f64,
            unit: "cycles",
            compared_against: clock.clone(),
            baseline: None,
        },
        Measurement {
            suite: SUITE,
            name: "pico: reset to the boot banner's first UART byte, at 125 MHz".to_string(),
            value: micros(banner),
            unit: "us",
            compared_against: clock.clone(),
            baseline: None,
        },
        Measurement {
            suite: SUITE,
            name: "pico: reset to frozen Python's first printed byte".to_string(),
            value: python as f64,
            unit: "cycles",
            compared_against: format!("{clock}; baseline: the banner's first byte"),
            baseline: Some(banner as f64),
        },
        Measurement {
            suite: SUITE,
            name: "pico: reset to frozen Python's first printed byte, at 125 MHz".to_string(),
            value: micros(python),
            unit: "us",
            compared_against: format!("{clock}; baseline: the banner's first byte"),
            baseline: Some(micros(banner)),
        },
    ])
}
