//! The emulated Pico: boots a UF2 in rp2040js through
//! `tests/reference/run-pico.mjs` and captures what the firmware did.
//!
//! [`run_pico_uf2`] is the one entry point, for `cargo xtask test` and for
//! `cargo xtask run --board pico --emulate`: it runs node on the harness with
//! a marker and an instruction budget, and returns the UART0 text, the number
//! of GPIO25 (LED) transitions and the harness's summary. The harness loads the
//! UF2 as the BOOTSEL drive would, boots through boot2 with our own stub boot
//! ROM, and stops when the marker has appeared and the LED has toggled the
//! wanted number of times, or when the budget runs out (an error here, with
//! everything captured so far in the message).
//!
//! [`run_pico_with`] takes the harness's options as a [`PicoRun`] (with a wall-time limit, `timeout`): `usb` makes
//! rp2040js's USB CDC helper enumerate the firmware and collect what it sends
//! over USB serial, and `line_prefix` asks for the cycle count at which the
//! first byte of the first UART line starting with that text arrived. The
//! cycle counts (also that of the very first UART byte) come from the
//! harness's summary line, at the Pico's 125 MHz ([`PICO_CLOCK_HZ`]).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

use crate::process::{run_captured, Timeout};

/// What one emulator run captured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmulatorOutput {
    /// Everything the firmware wrote to UART0.
    pub uart: String,
    /// How many times GPIO25 changed level.
    pub gpio25_toggles: u32,
    /// The harness's summary: UF2 blocks, steps, simulated and wall time.
    pub summary: String,
    /// What arrived over USB CDC serial, when the run asked for it.
    pub usb: Option<String>,
    /// The emulated cycle at which the first byte reached UART0.
    pub first_byte_cycle: Option<u64>,
    /// The emulated cycle at which the first byte of the first UART line
    /// starting with [`PicoRun::line_prefix`] arrived.
    pub line_cycle: Option<u64>,
    /// The emulated cycle at which the USB host had configured the device.
    pub usb_configured_cycle: Option<u64>,
}

/// The core clock of the emulated Pico, which its cycle counts refer to.
pub const PICO_CLOCK_HZ: u64 = 125_000_000;

/// The options of one emulator run.
#[derive(Debug, Clone, Default)]
pub struct PicoRun<'a> {
    /// Stop once UART0 shows this text.
    pub marker: Option<&'a str>,
    /// Stop only once GPIO25 has changed level this many times.
    pub toggles: u32,
    /// The most instructions (and idle steps) to run.
    pub budget: u64,
    /// Play the USB host and collect the USB CDC serial output.
    pub usb: bool,
    /// Report the cycle of the first UART line starting with this text.
    pub line_prefix: Option<&'a str>,
    /// Kill the emulator after this long (wall time); `None` waits for the
    /// budget to run out. A kill is a [`crate::process::TimedOut`] error.
    pub timeout: Option<std::time::Duration>,
    /// The filesystem region: an image file and its offset from the start of
    /// flash (`run-pico.mjs --fs`), changed in place as the firmware writes.
    pub fs: Option<(&'a Path, u32)>,
}

/// The harness script.
pub fn harness() -> PathBuf {
    crate::project_root().join("tests/reference/run-pico.mjs")
}

/// The command that boots `uf2_path` in rp2040js and serves its USB CDC
/// serial port on the process's stdin and stdout as raw bytes, until stdin
/// ends (`run-pico.mjs --serve`); UART0 goes to its stderr.
/// With `fs` (an image file and its offset from the start of flash), the
/// image is the filesystem region, written through as the firmware changes it.
pub fn serve_command(uf2_path: &Path, fs: Option<(&Path, u32)>) -> anyhow::Result<Command> {
    let modules = crate::project_root().join("tests/reference/node_modules/rp2040js");
    if !modules.is_dir() {
        bail!("rp2040js is not installed: run `npm ci --prefix tests/reference` (or .ci/run)");
    }
    let mut command = Command::new("node");
    command.arg(harness()).arg(uf2_path).arg("--serve");
    if let Some((image, offset)) = fs {
        command.arg("--fs").arg(format!("{}@{offset:#x}", image.display()));
    }
    Ok(command)
}

/// Boots `uf2_path` in rp2040js and runs it until UART0 shows `marker` or
/// `budget` instructions have run. Fails when the marker never appears.
/// (`cargo xtask run --board pico --emulate` calls it once the VM runs code.)
#[allow(dead_code)]
pub fn run_pico_uf2(uf2_path: &Path, marker: &str, budget: u64) -> anyhow::Result<EmulatorOutput> {
    run_pico(uf2_path, Some(marker), 0, budget)
}

/// Like [`run_pico_uf2`], and also waits for `toggles` transitions of GPIO25.
pub fn run_pico(uf2_path: &Path, marker: Option<&str>, toggles: u32, budget: u64) -> anyhow::Result<EmulatorOutput> {
    run_pico_with(uf2_path, &PicoRun { marker, toggles, budget, ..PicoRun::default() })
}

/// Boots `uf2_path` in rp2040js with the options of `run` (see the module docs).
pub fn run_pico_with(uf2_path: &Path, run: &PicoRun<'_>) -> anyhow::Result<EmulatorOutput> {
    let PicoRun { marker, toggles, budget, usb, line_prefix, timeout, fs } = *run;
    let harness = harness();
    let modules = crate::project_root().join("tests/reference/node_modules/rp2040js");
    if !modules.is_dir() {
        bail!("rp2040js is not installed: run `npm ci --prefix tests/reference` (or .ci/run)");
    }
    eprintln!("booting {} in rp2040js (an emulated Pico, up to {budget} cycles)…", uf2_path.display());
    let mut command = Command::new("node");
    command.arg(&harness).arg(uf2_path).args(["--budget", &budget.to_string()]);
    if let Some(marker) = marker {
        command.args(["--marker", marker]);
    }
    if toggles > 0 {
        command.args(["--toggles", &toggles.to_string()]);
    }
    if usb {
        command.arg("--usb");
    }
    if let Some(prefix) = line_prefix {
        command.args(["--line-cycles", prefix]);
    }
    if let Some((image, offset)) = fs {
        command.arg("--fs").arg(format!("{}@{offset:#x}", image.display()));
    }
    let output = run_captured(command, Timeout(timeout), "node (the emulated Pico)", "install Node.js 18 or later")?;
    let stderr = output.stderr;
    let parsed = parse(&output.stdout).with_context(|| format!("reading the output of {}", harness.display()))?;
    if !output.status.success() {
        bail!(
            "the emulated Pico did not finish ({}):\n{}\n{}\n{}",
            output.status,
            parsed.uart.trim_end(),
            parsed.summary,
            stderr.trim()
        );
    }
    Ok(parsed)
}

/// Splits the harness's stdout: the UART text, then (with `--usb`) the
/// `USB: "..."` line, then `GPIO25: n toggles` and the `run-pico:` summary
/// as the last lines.
fn parse(stdout: &str) -> anyhow::Result<EmulatorOutput> {
    let mut lines: Vec<&str> = stdout.split_inclusive('\n').collect();
    let summary = lines.pop().unwrap_or("").trim_end();
    let toggles_line = lines.pop().unwrap_or("").trim_end();
    if !summary.starts_with("run-pico:") {
        bail!("no summary line in:\n{stdout}");
    }
    let gpio25_toggles = toggles_line
        .strip_prefix("GPIO25: ")
        .and_then(|rest| rest.strip_suffix(" toggles"))
        .and_then(|count| count.parse().ok())
        .with_context(|| format!("no `GPIO25: n toggles` line in:\n{stdout}"))?;
    let usb = match lines.last().and_then(|line| line.strip_prefix("USB: ")) {
        Some(json) => {
            let text: String = serde_json::from_str(json.trim_end())
                .with_context(|| format!("the USB line is not a JSON string: {json}"))?;
            lines.pop();
            Some(text)
        }
        None => None,
    };
    const FIRST_BYTE: &str = "first UART byte at cycle ";
    const LINE: &str = "\" at cycle ";
    const USB_CONFIGURED: &str = "USB configured at cycle ";
    let digits_after =
        |at: usize| summary[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok();
    let first_byte_cycle = summary.find(FIRST_BYTE).and_then(|at| digits_after(at + FIRST_BYTE.len()));
    let line_cycle = summary.rfind(LINE).and_then(|at| digits_after(at + LINE.len()));
    let usb_configured_cycle = summary.find(USB_CONFIGURED).and_then(|at| digits_after(at + USB_CONFIGURED.len()));
    Ok(EmulatorOutput {
        uart: lines.concat(),
        gpio25_toggles,
        summary: summary.to_owned(),
        usb,
        first_byte_cycle,
        line_cycle,
        usb_configured_cycle,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harness_output_is_split_into_uart_toggles_and_summary() {
        let stdout = "rime 0.1.0 on pico\r\nidle\r\nGPIO25: 3 toggles\nrun-pico: 65 UF2 blocks, 10 steps\n";
        let output = parse(stdout).unwrap();
        assert_eq!(output.uart, "rime 0.1.0 on pico\r\nidle\r\n");
        assert_eq!(output.gpio25_toggles, 3);
        assert_eq!(output.summary, "run-pico: 65 UF2 blocks, 10 steps");
        assert_eq!((output.usb, output.first_byte_cycle, output.line_cycle), (None, None, None));
        assert!(parse("no summary\n").is_err());
    }

    #[test]
    fn the_usb_text_and_the_cycle_marks_are_read() {
        let stdout = "rime\r\nhello\r\nUSB: \"hello\\r\\n\"\nGPIO25: 0 toggles\n\
                      run-pico: 65 UF2 blocks, 10 steps, 0.010 s simulated, 0.50 s wall, \
                      first UART byte at cycle 1234, line \"hello\" at cycle 56789, USB configured at cycle 99\n";
        let output = parse(stdout).unwrap();
        assert_eq!(output.uart, "rime\r\nhello\r\n");
        assert_eq!(output.usb.as_deref(), Some("hello\r\n"));
        assert_eq!((output.first_byte_cycle, output.line_cycle), (Some(1234), Some(56789)));
        assert_eq!(output.usb_configured_cycle, Some(99));
        let without_line = "GPIO25: 0 toggles\nrun-pico: 1 UF2 blocks, first UART byte at cycle 77\n";
        let output = parse(without_line).unwrap();
        assert_eq!((output.line_cycle, output.usb_configured_cycle), (None, None));
    }
}
