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

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// What one emulator run captured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmulatorOutput {
    /// Everything the firmware wrote to UART0.
    pub uart: String,
    /// How many times GPIO25 changed level.
    pub gpio25_toggles: u32,
    /// The harness's summary: UF2 blocks, steps, simulated and wall time.
    pub summary: String,
}

/// The harness script.
pub fn harness() -> PathBuf {
    crate::project_root().join("tests/reference/run-pico.mjs")
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
    let harness = harness();
    let modules = crate::project_root().join("tests/reference/node_modules/rp2040js");
    if !modules.is_dir() {
        bail!("rp2040js is not installed: run `npm ci --prefix tests/reference` (or .ci/run)");
    }
    let mut command = Command::new("node");
    command.arg(&harness).arg(uf2_path).args(["--budget", &budget.to_string()]);
    if let Some(marker) = marker {
        command.args(["--marker", marker]);
    }
    if toggles > 0 {
        command.args(["--toggles", &toggles.to_string()]);
    }
    let output = command
        .output()
        .map_err(|error| anyhow::anyhow!("cannot start node ({error}); install Node.js 18 or later"))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let parsed = parse(&stdout).with_context(|| format!("reading the output of {}", harness.display()))?;
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

/// Splits the harness's stdout: the UART text, then `GPIO25: n toggles` and
/// the `run-pico:` summary as the last two lines.
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
    Ok(EmulatorOutput { uart: lines.concat(), gpio25_toggles, summary: summary.to_owned() })
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
        assert!(parse("no summary\n").is_err());
    }
}
