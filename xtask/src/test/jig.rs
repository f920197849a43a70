//! The stage "pico: the machine acceptance program on the emulated test
//! jig": issue 20's acceptance program (`tests/pico/jig_acceptance.py`)
//! runs on the Pico's real firmware in rp2040js, wired to the jig of
//! `tests/reference/pico-jig.mjs`. Its output must be
//! `jig_acceptance.py.exp`, written from the wiring and MicroPython's
//! documented rp2 API (see the program's header), and the waveform the
//! harness measured on GP15 must be the one the program asked the PWM for:
//! 1 kHz with a duty of 16384/65535.

use std::process::{Command, Stdio};

use anyhow::{bail, ensure, Context as _};
use xshell::Shell;

/// The PWM the program drives on GP15.
const PWM_FREQ_HZ: f64 = 1000.0;
const PWM_DUTY_U16: f64 = 16384.0;
/// How far the measured waveform may be from it (a fraction): one count of
/// the emulator's clock in a period is far below this.
const PWM_TOLERANCE: f64 = 0.001;

pub fn acceptance_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    // `run --emulate` links with the Pico's last runtime build: make it current.
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let root = crate::project_root();
    let program = root.join("tests/pico/jig_acceptance.py");
    let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
    let dir = root.join("target/jig-acceptance");
    std::fs::create_dir_all(&dir)?;
    let report = dir.join("report.json");
    let _ = std::fs::remove_file(&report);
    let output = Command::new(std::env::current_exe()?)
        .args(["run", "--board", "pico", "--emulate"])
        .arg(&program)
        .env("RIME_JIG_REPORT", &report)
        .stdin(Stdio::null())
        .output()?;
    let printed = super::fs::pico_program_output(&String::from_utf8_lossy(&output.stdout));
    if !output.status.success() || printed != expected {
        bail!(
            "the jig acceptance program on the emulated Pico ({}) printed:\n{printed}{}\nexpected:\n{expected}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = std::fs::read_to_string(&report).with_context(|| format!("reading {}", report.display()))?;
    let report: serde_json::Value = serde_json::from_str(&text)?;
    let gp15 = &report["gp15"];
    let freq = gp15["freq_hz"].as_f64().context("the harness measured no period on GP15")?;
    let duty = gp15["duty_u16"].as_f64().context("the harness measured no duty on GP15")?;
    ensure!(
        (freq - PWM_FREQ_HZ).abs() <= PWM_FREQ_HZ * PWM_TOLERANCE
            && (duty - PWM_DUTY_U16).abs() <= PWM_DUTY_U16 * PWM_TOLERANCE,
        "GP15 carried {freq} Hz with duty {duty}/65535, not {PWM_FREQ_HZ} Hz with {PWM_DUTY_U16}/65535"
    );
    let eeprom = report["eeprom"].as_str().context("no EEPROM in the report")?;
    ensure!(&eeprom[0x20..0x28] == "72696d65", "the EEPROM holds {} at 0x10, not b'rime'", &eeprom[0x20..0x28]);
    println!(
        "the emulated Pico printed the {} expected lines; GP15 measured {freq} Hz, duty {duty}/65535",
        expected.lines().count()
    );
    Ok(())
}
