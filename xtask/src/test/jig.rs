//! The stage "pico: the machine acceptance program on the emulated test
//! jig": issue 20's acceptance program (`tests/pico/jig_acceptance.py`)
//! runs on the Pico's real firmware in rp2040js, wired to the jig of
//! `tests/reference/pico-jig.mjs`. Its output must be
//! `jig_acceptance.py.exp`, written from the wiring and MicroPython's
//! documented rp2 API (see the program's header), and the waveform the
//! harness measured on GP15 must be the one the program asked the PWM for:
//! 1 kHz with a duty of 16384/65535. Then `tests/pico/neopixel_timing.py`
//! sends two LEDs' colours with `neopixel` on GP15, and the harness's
//! decoding of the pulses must give their bytes in the LEDs' GRB order, with
//! every high time and bit period inside the WS2812B data sheet's limits.
//! Last, `tests/pico/bootsel_button.py` presses the BOOTSEL button through
//! the jig (GP20), `tests/pico/unique_id.py` prints the id the jig's
//! flash answers to the RUID command, and `tests/pico/uart0_console.py`
//! takes UART0 from the console with `machine.UART(0)` and gives it back
//! (UART0 must carry the console's lines and the program's bytes, and none
//! of what was printed meanwhile); each must print its `.exp` file. Then
//! `tests/pico/spi_frames.py` sends bytes over SPI0 with `bits=16`, and the
//! jig must have seen one 16-bit frame per byte ([`SPI_16_BIT_FRAMES`]).
//!
//! The stage "pico: tests/py/machine on the emulated jig" runs the Python
//! suite's `machine` programs, written for the host's simulated bench, on
//! the Pico's firmware wired to the same jig, and requires their expected
//! output, except for the programs listed in [`NOT_ON_THE_PICO`] with why.
//! A program that drove the jig's 1-Wire bus (GP22, `onewire_bench.py`)
//! must have kept the DS18B20 data sheet's timing, as the harness measured
//! it ([`check_onewire_timing`]).
//!
//! The stage "pico: micropython-lib's ssd1306 driver on the emulated jig"
//! freezes `tests/pico/ssd1306` (`main.py`, `scene.py`) with the unmodified
//! `ssd1306.py` of the micropython-lib checkout named by `MICROPYTHON_LIB`
//! (skipped, saying so, without one) and runs it on the emulated Pico: the
//! driver draws through `framebuf` and sends the picture over I2C0 to the
//! jig's SSD1306, whose display RAM must equal, byte for byte, the driver's
//! buffer after the same calls in the pinned MicroPython (`reference.py` in
//! the WebAssembly build, over a stand-in bus).
//!
//! The stage "pico: micropython-lib's ds18x20 driver on the emulated jig"
//! freezes `tests/pico/ds18x20/main.py` with the checkout's unmodified
//! `ds18x20.py` (skipped without one): the driver reads the jig's DS18B20
//! on GP22 through rime's `onewire`, the program must print its `.exp` file,
//! and the slots' timing must keep the data sheet's limits.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, ensure, Context as _};
use xshell::Shell;

/// The PWM the program drives on GP15.
const PWM_FREQ_HZ: f64 = 1000.0;
const PWM_DUTY_U16: f64 = 16384.0;
/// How far the measured waveform may be from it (a fraction): one count of
/// the emulator's clock in a period is far below this.
const PWM_TOLERANCE: f64 = 0.001;

/// The WS2812B data sheet's limits, in ns: a 0's high time (400 +- 150), a
/// 1's (800 +- 150), and a bit's period (1250 +- 600).
const WS2812_SHORT_HIGH: (i64, i64) = (250, 550);
const WS2812_LONG_HIGH: (i64, i64) = (650, 950);
const WS2812_PERIOD: (i64, i64) = (650, 1850);
/// `neopixel_timing.py`'s colours (0x12, 0x34, 0x56) and (0xFF, 0x00, 0x81) in GRB order.
const WS2812_BYTES: &str = "34125600ff81";

/// Runs `program` on the emulated Pico with the jig's report written to
/// `report`; returns what the program printed.
fn run_with_report(program: &Path, report: &Path) -> anyhow::Result<String> {
    let _ = std::fs::remove_file(report);
    let output = Command::new(std::env::current_exe()?)
        .args(["run", "--board", "pico", "--emulate"])
        .arg(program)
        .env("RIME_JIG_REPORT", report)
        .stdin(Stdio::null())
        .output()?;
    let printed = super::fs::pico_program_output(&String::from_utf8_lossy(&output.stdout));
    if !output.status.success() {
        bail!(
            "{} on the emulated Pico ({}) printed:\n{printed}{}",
            program.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(printed)
}

fn read_report(report: &Path) -> anyhow::Result<serde_json::Value> {
    let text = std::fs::read_to_string(report).with_context(|| format!("reading {}", report.display()))?;
    Ok(serde_json::from_str(&text)?)
}

/// Whether the `[min, max]` pair at `key` of `train` lies inside `limits`.
fn within(train: &serde_json::Value, key: &str, limits: (i64, i64)) -> anyhow::Result<bool> {
    let range = train[key].as_array().with_context(|| format!("no {key} in the jig report {train}"))?;
    let values: Vec<i64> = range.iter().filter_map(serde_json::Value::as_i64).collect();
    Ok(values.len() == 2 && values[0] >= limits.0 && values[1] <= limits.1)
}

fn neopixel_on_emulated_pico(dir: &Path) -> anyhow::Result<()> {
    let program = crate::project_root().join("tests/pico/neopixel_timing.py");
    let report = dir.join("neopixel.json");
    let printed = run_with_report(&program, &report)?;
    ensure!(printed == "sent\n", "neopixel_timing.py printed {printed:?}");
    let report = read_report(&report)?;
    let train = &report["ws2812"];
    ensure!(train["bytes"] == WS2812_BYTES, "GP15 carried the WS2812 bytes {}, not {WS2812_BYTES}", train["bytes"]);
    ensure!(
        within(train, "short_high_ns", WS2812_SHORT_HIGH)?
            && within(train, "long_high_ns", WS2812_LONG_HIGH)?
            && within(train, "period_ns", WS2812_PERIOD)?,
        "the WS2812 pulses on GP15 leave the data sheet's limits: {train}"
    );
    println!("neopixel on GP15: bytes {WS2812_BYTES}, pulses {train}");
    Ok(())
}

pub fn acceptance_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    // `run --emulate` links with the Pico's last runtime build: make it current.
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let root = crate::project_root();
    let program = root.join("tests/pico/jig_acceptance.py");
    let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
    let dir = root.join("target/jig-acceptance");
    std::fs::create_dir_all(&dir)?;
    let report = dir.join("report.json");
    let printed = run_with_report(&program, &report)?;
    if printed != expected {
        bail!("the jig acceptance program on the emulated Pico printed:\n{printed}\nexpected:\n{expected}");
    }
    let report = read_report(&report)?;
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
    neopixel_on_emulated_pico(&dir)?;
    for name in ["bootsel_button.py", "unique_id.py", "uart0_console.py"] {
        program_on_emulated_pico(&dir, name)?;
    }
    spi_frames_on_emulated_pico(&dir)
}

/// The frames `tests/pico/spi_frames.py` sends with `bits=16`: each byte of
/// its buffer in a 16-bit frame of its own, as MicroPython's rp2 port sends
/// a byte buffer after `spi_set_format(spi, 16, ...)`.
const SPI_16_BIT_FRAMES: [[u64; 2]; 4] = [[16, 0x12], [16, 0x34], [16, 0xab], [16, 0x00]];

/// `tests/pico/spi_frames.py` must print its `.exp` file, and the jig must
/// have seen its 16-bit frames on SPI0.
fn spi_frames_on_emulated_pico(dir: &Path) -> anyhow::Result<()> {
    let program = crate::project_root().join("tests/pico/spi_frames.py");
    let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
    let report = dir.join("spi.json");
    let printed = run_with_report(&program, &report)?;
    ensure!(printed == expected, "spi_frames.py printed:\n{printed}\nexpected:\n{expected}");
    let report = read_report(&report)?;
    let frames: Vec<[u64; 2]> = serde_json::from_value(report["spi0"]["frames"].clone())
        .with_context(|| format!("no SPI0 frames in the jig report {}", report["spi0"]))?;
    ensure!(frames == SPI_16_BIT_FRAMES, "SPI0 carried the frames (bits, value) {frames:?}, not {SPI_16_BIT_FRAMES:?}");
    println!("spi_frames.py: SPI0 carried 16-bit frames {frames:?}");
    Ok(())
}

/// Runs `tests/pico/NAME`, a program about the flash's QSPI lines (the
/// BOOTSEL button, the flash's unique id) or the console's UART0, against its
/// expected output (what UART0 carried).
fn program_on_emulated_pico(dir: &Path, name: &str) -> anyhow::Result<()> {
    let program = crate::project_root().join("tests/pico").join(name);
    let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
    let printed = run_with_report(&program, &dir.join("qspi.json"))?;
    ensure!(printed == expected, "{name} printed:\n{printed}\nexpected:\n{expected}");
    println!("{name}: {} lines as expected", expected.lines().count());
    Ok(())
}

/// The environment variable naming the micropython-lib checkout.
const MICROPYTHON_LIB: &str = "MICROPYTHON_LIB";
/// The drivers' places in micropython-lib.
const SSD1306_DRIVER: &str = "micropython/drivers/display/ssd1306/ssd1306.py";
const DS18X20_DRIVER: &str = "micropython/drivers/sensor/ds18x20/ds18x20.py";

pub fn ds18x20_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    let Some(checkout) = std::env::var_os(MICROPYTHON_LIB).map(std::path::PathBuf::from) else {
        println!(
            "skipped: set {MICROPYTHON_LIB} to a micropython-lib checkout to run micropython-lib's ds18x20 driver"
        );
        return Ok(());
    };
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let root = crate::project_root();
    let program = root.join("tests/pico/ds18x20/main.py");
    let dir = root.join("target/jig-ds18x20");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let driver = checkout.join(DS18X20_DRIVER);
    std::fs::copy(&driver, dir.join("ds18x20.py")).with_context(|| format!("copying {}", driver.display()))?;
    std::fs::copy(&program, dir.join("main.py")).context("copying main.py")?;
    let manifest = dir.join("app.toml");
    std::fs::write(
        &manifest,
        "[[module]]\npath = \"main.py\"\n\n[[module]]\npath = \"ds18x20.py\"\n\n[image]\nmain = \"main\"\n",
    )?;
    let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
    let report = dir.join("report.json");
    let printed = run_with_report(&manifest, &report)?;
    ensure!(printed == expected, "the ds18x20 driver on the emulated Pico printed:\n{printed}\nexpected:\n{expected}");
    check_onewire_timing("ds18x20", &report)?;
    println!(
        "micropython-lib's ds18x20 driver read the jig's DS18B20 ({} lines as expected)",
        expected.lines().count()
    );
    Ok(())
}

pub fn ssd1306_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    let Some(checkout) = std::env::var_os(MICROPYTHON_LIB).map(std::path::PathBuf::from) else {
        println!(
            "skipped: set {MICROPYTHON_LIB} to a micropython-lib checkout to run micropython-lib's ssd1306 driver"
        );
        return Ok(());
    };
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let root = crate::project_root();
    let sources = root.join("tests/pico/ssd1306");
    let dir = root.join("target/jig-ssd1306");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let driver = checkout.join(SSD1306_DRIVER);
    std::fs::copy(&driver, dir.join("ssd1306.py")).with_context(|| format!("copying {}", driver.display()))?;
    for name in ["main.py", "scene.py", "reference.py"] {
        std::fs::copy(sources.join(name), dir.join(name)).with_context(|| format!("copying {name}"))?;
    }
    let manifest = dir.join("app.toml");
    let modules: String =
        ["main.py", "scene.py", "ssd1306.py"].iter().map(|name| format!("[[module]]\npath = \"{name}\"\n\n")).collect();
    std::fs::write(&manifest, format!("{modules}[image]\nmain = \"main\"\n"))?;

    let report = dir.join("report.json");
    let printed = run_with_report(&manifest, &report)?;
    ensure!(printed == "shown\n", "the ssd1306 program on the emulated Pico printed {printed:?}");
    let report = read_report(&report)?;
    let ram = report["ssd1306"]["ram"].as_str().context("no display RAM in the jig's report")?;
    ensure!(report["ssd1306"]["on"] == true, "the driver did not switch the display on");

    let script = root.join("tests/reference/run-micropython.mjs");
    let output = Command::new("node")
        .arg(&script)
        .args(["reference.py", "scene.py", "ssd1306.py"].map(|name| dir.join(name)))
        .output()
        .context("running the pinned MicroPython (node tests/reference/run-micropython.mjs)")?;
    let expected = String::from_utf8_lossy(&output.stdout).trim().to_string();
    ensure!(output.status.success() && expected.len() == 2048, "MicroPython's reference run printed {expected:?}");
    if ram != expected {
        let first = ram.bytes().zip(expected.bytes()).position(|(a, b)| a != b).unwrap_or(0) / 2;
        bail!(
            "the jig's display RAM differs from MicroPython's framebuf rendering from byte {first} (page {}, column {}):\n\
             jig:         {ram}\nMicroPython: {expected}",
            first / 128,
            first % 128
        );
    }
    let lit = (0..ram.len() / 2)
        .map(|at| u8::from_str_radix(&ram[2 * at..2 * at + 2], 16).map_or(0, |byte| byte.count_ones()))
        .sum::<u32>();
    println!(
        "the jig's SSD1306 RAM equals MicroPython's framebuf rendering byte for byte (1024 bytes, {lit} pixels lit)"
    );
    Ok(())
}

/// The DS18B20 data sheet's limits, in ns: a reset pulse (480 to 960 us,
/// past which the sensor resets itself), the low time of a write-1 or read
/// slot (1 to 15 us) and of a write-0 slot (60 to 120 us), and a slot with
/// its recovery (at least 61 us).
const ONEWIRE_RESET_LOW: (i64, i64) = (480_000, 960_000);
const ONEWIRE_SHORT_LOW: (i64, i64) = (1_000, 15_000);
const ONEWIRE_LONG_LOW: (i64, i64) = (60_000, 120_000);
const ONEWIRE_SLOT: (i64, i64) = (61_000, i64::MAX);

/// Checks the 1-Wire timing the harness measured on GP22, if the program
/// used the bus; says what it measured.
fn check_onewire_timing(name: &str, report: &Path) -> anyhow::Result<()> {
    let report = read_report(report)?;
    let onewire = &report["onewire"];
    if onewire["resets"].as_i64().unwrap_or(0) == 0 {
        return Ok(());
    }
    let limits = [
        ("reset_low_ns", ONEWIRE_RESET_LOW),
        ("short_low_ns", ONEWIRE_SHORT_LOW),
        ("long_low_ns", ONEWIRE_LONG_LOW),
        ("slot_ns", ONEWIRE_SLOT),
    ];
    for (key, range) in limits {
        ensure!(
            onewire[key].is_null() || within(onewire, key, range)?,
            "{name}: the 1-Wire {key} on GP22 leaves the DS18B20 data sheet's limits {range:?}: {onewire}"
        );
    }
    println!("{name}: 1-Wire timing on GP22 within the DS18B20 data sheet's limits: {onewire}");
    Ok(())
}

/// `tests/py/machine` programs that cannot print their expected output on
/// the emulated Pico, and why.
const NOT_ON_THE_PICO: [(&str, &str); 3] = [
    ("misc_bench.py", "its watchdog resets the board, which the host reports as SystemExit"),
    ("pwm_bench.py", "it drives GP0 and GP1, rime's UART0 console on the Pico"),
    ("uart_spi_adc_bench.py", "its UART(0) takes the console's UART0, the harness's view of the output"),
];

pub fn machine_suite_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let dir = crate::project_root().join("tests/py/machine");
    let mut programs: Vec<_> =
        std::fs::read_dir(&dir)?.map(|entry| entry.map(|entry| entry.path())).collect::<Result<_, _>>()?;
    programs.retain(|path| path.extension().is_some_and(|extension| extension == "py"));
    programs.sort();
    let report = crate::project_root().join("target/jig-acceptance/machine-suite.json");
    std::fs::create_dir_all(report.parent().context("a report folder")?)?;
    let mut passed = 0;
    for program in &programs {
        let name = program.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        if let Some((_, why)) = NOT_ON_THE_PICO.iter().find(|(skipped, _)| *skipped == name) {
            println!("{name}: not run on the Pico: {why}");
            continue;
        }
        let expected = std::fs::read_to_string(program.with_extension("py.exp"))?;
        let _ = std::fs::remove_file(&report);
        let output = Command::new(std::env::current_exe()?)
            .args(["run", "--board", "pico", "--emulate"])
            .arg(program)
            .env("RIME_JIG_REPORT", &report)
            .stdin(Stdio::null())
            .output()?;
        let printed = super::fs::pico_program_output(&String::from_utf8_lossy(&output.stdout));
        if !output.status.success() || printed != expected {
            bail!("{name} on the emulated Pico ({}) printed:\n{printed}\nexpected:\n{expected}", output.status);
        }
        check_onewire_timing(name, &report)?;
        passed += 1;
    }
    ensure!(passed > 0, "no tests/py/machine program ran");
    println!("{passed} tests/py/machine programs printed their expected output on the emulated Pico");
    Ok(())
}
