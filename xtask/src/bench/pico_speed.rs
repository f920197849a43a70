//! Benchmark suite `pico-speed`: MicroPython's pystone and nqueens on the
//! emulated Pico, in emulated cycles.
//!
//! The Cortex-M0+ is the core that matters, and its cycles are not x86's
//! instructions: this suite runs two of MicroPython's `tests/perf_bench`
//! programs (from the checkout named by `MICROPYTHON_SRC`, built as the `vm`
//! suite builds them, with a small N and M that fit the Pico's heap and the
//! emulator's speed) on the Pico runtime in rp2040js. The script prints
//! [`START`] just before its `bm_run` call and [`END`] just after, and the
//! harness gives the emulated cycle at which each line's first byte reached
//! UART0; the emulation is deterministic, so two runs of the same UF2, one
//! stopping at each line, give the two marks, and their difference is the
//! cycles of the whole `bm_run` call (the program's setup, its timed run and
//! the printing of its result line). As for `boot-cycles`, the emulator
//! counts the Cortex-M0+'s documented instruction cycles with flash reads
//! that never miss the XIP cache, so these are lower bounds for a board.
//! There is no MicroPython firmware to run beside it here, so the figures
//! are rime's alone, to compare from one change to the next.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use xshell::Shell;

use super::vm::perf_bench::{self, Report};
use super::{Measurement, Options};
use crate::emulate::{self, PicoRun, PICO_CLOCK_HZ};
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::rp2;

const SUITE: &str = "pico-speed";

/// The programs run, with the N and M of their `bm_run` call: the smallest
/// parameters each program has (pystone's 80 loops, nqueens' board of 5).
const PROGRAMS: [(&str, u32, u32); 2] = [("misc_pystone", 50, 10), ("bm_nqueens", 32, 10)];

/// The lines printed around the `bm_run` call.
const START: &str = "pico-speed: start";
const END: &str = "pico-speed: end";

/// The most instructions one run may take.
const BUDGET: u64 = 4_000_000_000;

pub fn run(sh: &Shell, _options: &Options) -> anyhow::Result<Vec<Measurement>> {
    let Some(checkout) = std::env::var_os(super::vm::SOURCE_VARIABLE).map(PathBuf::from) else {
        eprintln!("  skipped: set {} to a MicroPython checkout to measure this suite", super::vm::SOURCE_VARIABLE);
        return Ok(Vec::new());
    };
    let root = crate::project_root();
    let board = rp2::rp2_board("pico")?;
    let built = rp2::build_board(sh, &board)?;
    let runtime = std::fs::read(&built.elf).with_context(|| format!("reading {}", built.elf.display()))?;
    freeze::link::check_abi(&built.elf, &runtime, freeze::host_abi().abi_id, &board.name)?;
    let work = root.join("target/bench/pico-speed");
    let mut measurements = Vec::new();
    for (name, n, m) in PROGRAMS {
        let before_call = format!("print({START:?})\n");
        let mut script = perf_bench::read_script(&checkout, name, &before_call, n, m)?;
        script.push_str(&format!("print({END:?})\n"));
        let inputs = Inputs {
            modules: vec![Input {
                name: "main.py".to_string(),
                kind: InputKind::Compile { source: script.into_bytes(), opt: 0 },
            }],
            main: Some("main.py".to_string()),
            ..Inputs::default()
        };
        let cache = root.join("target/freeze-cache");
        let frozen = match freeze::freeze_at(&inputs, &board.name, board.frozen_origin, Some(&cache))? {
            Ok(frozen) => frozen,
            Err(rendered) => bail!("{name} does not freeze:\n{rendered}"),
        };
        let linked = freeze::link::link(&board, &runtime, &frozen.image.bytes, &["main.py".to_string()])?;
        let uf2 = work.join(format!("{name}.uf2"));
        files::write_atomically(&uf2, &linked.uf2)?;
        let (start, _) = cycle_of_line(&uf2, START)?;
        let (end, uart) = cycle_of_line(&uf2, END)?;
        let result_line = result_line(&uart).with_context(|| format!("{name} printed no result line:\n{uart}"))?;
        let Report::Timed { micros, result } = perf_bench::parse_report(result_line) else {
            bail!("{name} did not run on the emulated Pico: {result_line}");
        };
        let cycles = end.saturating_sub(start);
        eprintln!(
            "  {name}: bm_run({n}, {m}) took {cycles} cycles ({:.1} ms at 125 MHz); it timed itself at {micros} us, \
             result {result}",
            cycles as f64 * 1e3 / PICO_CLOCK_HZ as f64
        );
        measurements.push(Measurement {
            suite: SUITE,
            name: format!("pico: perf_bench/{name}, bm_run({n}, {m}), whole call"),
            value: cycles as f64,
            unit: "cycles",
            compared_against: format!("emulated RP2040 (rp2040js) at {} MHz", PICO_CLOCK_HZ / 1_000_000),
            baseline: None,
        });
    }
    Ok(measurements)
}

/// Runs the UF2 until `line` shows on UART0; returns the cycle at which its
/// first byte arrived, and the UART text.
fn cycle_of_line(uf2: &Path, line: &str) -> anyhow::Result<(u64, String)> {
    let run = PicoRun { marker: Some(line), budget: BUDGET, line_prefix: Some(line), ..PicoRun::default() };
    let output = emulate::run_pico_with(uf2, &run)?;
    let cycle = output.line_cycle.with_context(|| format!("the harness reported no line `{line}`"))?;
    Ok((cycle, output.uart))
}

/// The line `bm_run` printed: the one between the two marks.
fn result_line(uart: &str) -> Option<&str> {
    let mut lines = uart.lines().map(str::trim_end).skip_while(|line| *line != START).skip(1);
    let line = lines.next()?;
    (lines.next() == Some(END)).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_line_is_the_one_between_the_marks() {
        let uart = format!("rime 0.1 on pico\r\n{START}\r\n81234 80 0\r\n{END}\r\n");
        assert_eq!(result_line(&uart), Some("81234 80 0"));
        let traceback = format!("{START}\r\nTraceback (most recent call last):\r\nMemoryError\r\n");
        assert_eq!(result_line(&traceback), None);
        assert_eq!(result_line("no marks\n"), None);
    }
}
