//! The RP2 stages of `cargo xtask test`, and the check of our UF2 writer
//! against the independent decoder `tests/reference/uf2-decode.py`.
//!
//! - "rp2: build all boards" builds the runtime firmware of every board in
//!   `ports/rp2/boards` (as CI's board matrix does, one after another), prints
//!   each build report line, fails when a runtime overflows its flash region
//!   or leaves too little RAM, and decodes each board's `runtime.uf2` with the
//!   Python decoder, comparing the reassembled bytes with the ELF's segments.
//! - "pico: boot banner in rp2040js" boots `firmware/pico/runtime.uf2` in the
//!   emulated Pico and checks the boot banner on UART0 and that the LED on
//!   GPIO25 blinks (at least two transitions); then boots it again with an
//!   image in the frozen-image region (good, corrupted, linked elsewhere, for
//!   another board, not an image) and checks what the banner says about it.
//!
//! - "pico: frozen blink example in rp2040js" first freezes the blinky
//!   example (a package and a main module) for the Pico and reads the
//!   picotool binary info of its `firmware.uf2` with [`read_binary_info`],
//!   which follows picotool's documented layout on its own (the header in the
//!   first 4 KiB of flash, its table of entry pointers, `ID_AND_STRING`
//!   entries): program name, board and one `frozen module: NAME` feature line
//!   per module must be there. Then it freezes the blink example (twice, the
//!   files must be identical) and boots it with the emulated USB host
//!   attached: frozen Python prints over UART0, GPIO25 toggles six times, the
//!   board's `heap free at boot` equals the freezer's figure
//!   (`link::free_heap_at_boot`), and the lines printed after the emulated USB
//!   host configured the device also arrive over USB CDC serial.
//!
//! [`check_with_decoder`] is shared with the unit tests below, which run the
//! decoder on synthetic segment lists (RP2040 and RP2350 with the E10 block,
//! gaps inside pages, a raw 4 KiB region) and on the real pico runtime when it
//! has been built.

use std::path::{Path, PathBuf};

use anyhow::{ensure, Context};
use serde::Deserialize;
use xshell::Shell;

use rime_bytecode::image::ImageBuilder;

use crate::uf2::{self, Family, Segment};
use crate::{emulate, rp2};

/// Builds every RP2 board and checks each UF2 with the independent decoder.
pub fn build_all_boards(sh: &Shell) -> anyhow::Result<()> {
    let mut reports = Vec::new();
    for board in rp2::rp2_boards()? {
        let built = rp2::build_board(sh, &board)?;
        let elf = std::fs::read(&built.elf).with_context(|| format!("reading {}", built.elf.display()))?;
        let segments = uf2::elf_segments(&elf, board.flash())?;
        let uf2_bytes = std::fs::read(&built.uf2).with_context(|| format!("reading {}", built.uf2.display()))?;
        let decoded = check_with_decoder(&uf2_bytes, &segments, uf2::Family::of_chip(&board.chip)?)
            .with_context(|| format!("checking {} with uf2-decode.py", built.uf2.display()))?;
        let image = crate::build::image_report(&board)?;
        reports.push(format!("{}  {image}  uf2 {} blocks ok", built.report(), decoded.total_blocks()));
    }
    for line in reports {
        println!("{line}");
    }
    Ok(())
}

/// The banner lines the pico runtime must print on UART0, in order.
const PICO_BANNER: [&str; 6] = [
    "rime ",
    " on pico (Raspberry Pi Pico)",
    "chip: RP2040 at 125 MHz",
    "frozen image: none",
    "heap: 196608 bytes",
    "idle: blinking the LED (GPIO25)",
];

/// Instructions (and idle steps) the banner test may run: the boot takes a
/// few hundred thousand, and each idle wake-up every 10 ms a few hundred.
const PICO_BUDGET: u64 = 20_000_000;

/// Boots the pico runtime in rp2040js: banner on UART0, the LED blinking.
pub fn pico_boot_banner(sh: &Shell) -> anyhow::Result<()> {
    let built = rp2::build_board(sh, &rp2::rp2_board("pico")?)?;
    let output = emulate::run_pico(&built.uf2, Some("idle: "), 2, PICO_BUDGET)?;
    print!("{}", output.uart);
    println!("GPIO25: {} toggles\n{}", output.gpio25_toggles, output.summary);
    let mut rest = output.uart.as_str();
    for line in PICO_BANNER {
        let at = rest.find(line).with_context(|| format!("the banner lacks `{line}` (or has it out of order)"))?;
        rest = &rest[at + line.len()..];
    }
    ensure!(output.gpio25_toggles >= 2, "GPIO25 toggled {} times, expected at least 2", output.gpio25_toggles);
    frozen_image_cases(&built)
}

/// The blink example's UART lines, in order.
const BLINK_LINES: [&str; 5] = [
    "heap free at boot: ",
    "blink: hello from frozen Python on rp2",
    "blink 0 value 1",
    "blink 5 value 0",
    "blink: done",
];

/// The blink example's lines that must also arrive over USB CDC serial: the
/// ones printed after the host configured the device.
const USB_LINES: [&str; 3] = ["blink 4 value 1", "blink 5 value 0", "blink: done"];

/// Freezes `manifests/examples/blink.toml` for the Pico, then
/// boots `firmware/pico/firmware.uf2` in rp2040js: frozen Python prints over
/// UART0 and toggles GPIO25 six times. Two freezes give identical files.
pub fn pico_frozen_blink(sh: &Shell) -> anyhow::Result<()> {
    let board = rp2::rp2_board("pico")?;
    rp2::build_board(sh, &board)?;
    let root = crate::project_root();
    check_picotool_info(&root)?;
    let manifest = root.join("manifests/examples/blink.toml");
    let dir = root.join("firmware/pico");
    let mut firsts = Vec::new();
    for round in 0..2 {
        freeze_for_pico(&manifest)?;
        let files: Vec<Vec<u8>> = ["frozen.img", "firmware.elf", "firmware.uf2", "firmware.bin"]
            .iter()
            .map(|name| std::fs::read(dir.join(name)).with_context(|| format!("reading firmware/pico/{name}")))
            .collect::<anyhow::Result<_>>()?;
        if round == 0 {
            firsts = files;
        } else {
            ensure!(files == firsts, "two freezes of the same inputs gave different firmware files");
        }
    }
    let free = crate::freeze::link::free_heap_at_boot(&firsts[0], board.heap_size)?;
    let run = emulate::PicoRun {
        marker: Some("idle"),
        toggles: 6,
        budget: PICO_BUDGET,
        usb: true,
        line_prefix: None,
        timeout: None,
        fs: None,
    };
    let output = emulate::run_pico_with(&dir.join("firmware.uf2"), &run)?;
    print!("{}", output.uart);
    println!("GPIO25: {} toggles\n{}", output.gpio25_toggles, output.summary);
    let mut rest = output.uart.as_str();
    for line in BLINK_LINES {
        let at = rest.find(line).with_context(|| format!("the UART output lacks `{line}` (or has it out of order)"))?;
        rest = &rest[at + line.len()..];
    }
    ensure!(output.gpio25_toggles == 6, "GPIO25 toggled {} times, expected 6", output.gpio25_toggles);
    let heap_line = format!("heap free at boot: {free} bytes");
    ensure!(output.uart.contains(&heap_line), "the board's free heap differs from the freezer's figure {free}");
    // The emulated host configures the USB device while the program sleeps,
    // so the lines printed after that also arrive over USB CDC serial.
    let configured = output.usb_configured_cycle.context("the USB host never configured the device")?;
    let usb = output.usb.unwrap_or_default();
    println!(
        "USB: configured by the emulated host at cycle {configured} ({:.1} ms); CDC serial received {usb:?}",
        configured as f64 * 1000.0 / emulate::PICO_CLOCK_HZ as f64
    );
    for line in USB_LINES {
        ensure!(usb.contains(line), "USB CDC serial lacks `{line}`; it received {usb:?}");
    }
    Ok(())
}

/// `cargo xtask freeze --board pico MANIFEST`, through the freeze pipeline:
/// the files land in `firmware/pico/`.
fn freeze_for_pico(manifest: &Path) -> anyhow::Result<()> {
    let board = crate::board::Board::find("pico")?;
    let request = crate::freeze::Request { input: manifest.to_path_buf(), ..Default::default() };
    if let Err(rendered) = crate::freeze::freeze_board(&board, &request, &board.output_dir())? {
        anyhow::bail!("freezing {} for the pico failed:\n{rendered}", manifest.display());
    }
    Ok(())
}

/// The frozen names of the blinky example, which the binary info must list.
const BLINKY_MODULES: [&str; 3] = ["blinky/__init__.py", "blinky/led.py", "main.py"];

/// Freezes the blinky example for the Pico and checks what picotool would
/// show for `firmware/pico/firmware.uf2`.
fn check_picotool_info(root: &Path) -> anyhow::Result<()> {
    let manifest = root.join("manifests/examples/blinky.toml");
    freeze_for_pico(&manifest)?;
    let uf2_bytes = std::fs::read(root.join("firmware/pico/firmware.uf2")).context("reading firmware.uf2")?;
    let entries = read_binary_info(&uf2_bytes)?;
    let has = |id: u32, text: &str| entries.iter().any(|(found_id, found)| *found_id == id && found == text);
    ensure!(has(ID_RP_PROGRAM_NAME, "rime"), "no program name `rime` in {entries:?}");
    ensure!(has(ID_RP_PICO_BOARD, "pico"), "no board `pico` in {entries:?}");
    for module in BLINKY_MODULES {
        ensure!(
            has(ID_RP_PROGRAM_FEATURE, &format!("frozen module: {module}")),
            "no feature line for {module} in {entries:?}"
        );
    }
    let features: Vec<&str> =
        entries.iter().filter(|(id, _)| *id == ID_RP_PROGRAM_FEATURE).map(|(_, text)| text.as_str()).collect();
    println!("picotool binary info of firmware/pico/firmware.uf2 (blinky): features {features:?}");
    Ok(())
}

/// picotool's ids of the program name, the board and a feature line.
const ID_RP_PROGRAM_NAME: u32 = 0x0203_1c86;
const ID_RP_PICO_BOARD: u32 = 0xb63c_ffbb;
const ID_RP_PROGRAM_FEATURE: u32 = 0xa1f4_b453;

/// The `(id, text)` of every `ID_AND_STRING` binary info entry of a UF2
/// file, read as picotool reads a binary: the header (`0x7188ebf2`, entries
/// start, entries end, mapping table, `0xe71aa390`) at a word boundary in the
/// first 4 KiB of flash, then each entry the table points at: a u16 type
/// (6 = id and string), a u16 tag, the u32 id and the address of a
/// NUL-terminated string. Other entry types are skipped, as picotool skips
/// the ones it does not print; an address the file does not hold is an error.
pub fn read_binary_info(uf2_bytes: &[u8]) -> anyhow::Result<Vec<(u32, String)>> {
    let mut memory = std::collections::BTreeMap::new();
    for block in uf2_bytes.chunks(512) {
        ensure!(block.len() == 512, "the UF2 file's size is not a multiple of 512");
        let word = |at: usize| u32::from_le_bytes([block[at], block[at + 1], block[at + 2], block[at + 3]]);
        ensure!(word(0) == 0x0a32_4655 && word(508) == 0x0ab1_6f30, "a UF2 block has bad magic numbers");
        let (address, size) = (word(12), word(16) as usize);
        for (offset, &byte) in block[32..32 + size.min(476)].iter().enumerate() {
            memory.insert(address + offset as u32, byte);
        }
    }
    let byte =
        |address: u32| memory.get(&address).copied().with_context(|| format!("{address:#010x} is not in the file"));
    let word = |address: u32| -> anyhow::Result<u32> {
        Ok(u32::from_le_bytes([byte(address)?, byte(address + 1)?, byte(address + 2)?, byte(address + 3)?]))
    };
    let header = (0x1000_0000..0x1000_1000)
        .step_by(4)
        .find(|&at| word(at).ok() == Some(0x7188_ebf2) && word(at + 16).ok() == Some(0xe71a_a390))
        .context("no binary info header in the first 4 KiB of flash")?;
    let (start, end) = (word(header + 4)?, word(header + 8)?);
    ensure!(start <= end && (end - start) % 4 == 0, "the binary info table {start:#x}..{end:#x} is malformed");
    let mut entries = Vec::new();
    for pointer in (start..end).step_by(4) {
        let entry = word(pointer)?;
        let kind = u16::from_le_bytes([byte(entry)?, byte(entry + 1)?]);
        if kind != 6 {
            continue;
        }
        let (id, mut at) = (word(entry + 4)?, word(entry + 8)?);
        let mut text = Vec::new();
        loop {
            let next = byte(at)?;
            if next == 0 {
                break;
            }
            ensure!(text.len() < 1024, "an unterminated string at {:#010x}", word(entry + 8)?);
            text.push(next);
            at += 1;
        }
        entries.push((id, String::from_utf8_lossy(&text).into_owned()));
    }
    Ok(entries)
}

/// Boots the pico runtime with an image in its frozen-image region, flashed
/// as a second UF2 appended to the runtime's (as a user may concatenate
/// them), and checks what the banner says: a good image is found and its
/// checksum verified on the device; a corrupted one, one linked for another
/// address and one built for another board are refused with the reason.
fn frozen_image_cases(built: &rp2::BuiltRuntime) -> anyhow::Result<()> {
    let board = &built.board;
    let runtime = std::fs::read(&built.uf2)?;
    // A main module whose output proves the VM ran it from the image, and
    // that the port's own `rp2` module is registered beside the VM's.
    let source = b"print('main ran:', 6 * 7)\nimport rp2\nrp2.country('GB')\nprint('rp2 country:', rp2.country())\n";
    let main = rime_compiler::compile(source, "main.py", &rime_compiler::CompileOptions::default())
        .map_err(|errors| anyhow::anyhow!("the test's main module does not compile: {errors:?}"))?;
    let image = |board_name: &str, link_address: u32| -> anyhow::Result<Vec<u8>> {
        let mut builder = ImageBuilder::new(crate::freeze::host_abi(), board_name);
        builder.link_address(link_address).resource("hello.txt", b"hello from flash".to_vec());
        builder.module("main.py", main.clone()).main_module("main.py");
        Ok(builder.build().map_err(|error| anyhow::anyhow!("{error}"))?.bytes)
    };
    let good = image(&board.name, board.frozen_origin)?;
    let mut corrupted = good.clone();
    *corrupted.last_mut().context("an empty image")? ^= 0x55;
    let cases = [
        (
            "a good image",
            good.clone(),
            format!("frozen image: {} bytes at {:#010x} for board pico", good.len(), board.frozen_origin),
        ),
        ("a corrupted image", corrupted, "checksum mismatch: the image is corrupt".to_owned()),
        ("an image linked elsewhere", image(&board.name, 0x1030_0000)?, "linked to run at 0x10300000".to_owned()),
        ("an image for pico2", image("pico2", board.frozen_origin)?, "built for board `pico2`, not `pico`".to_owned()),
        ("no image", b"not an image at all".to_vec(), "not a frozen image (bad magic)".to_owned()),
    ];
    for (what, bytes, expected) in cases {
        let end = board.frozen_origin + (bytes.len() as u32).next_multiple_of(uf2::SECTOR);
        let mut flashed = runtime.clone();
        flashed.extend(uf2::from_region(board.frozen_origin..end, &bytes, uf2::Family::of_chip(&board.chip)?)?);
        let dir = scratch_dir()?;
        let path = dir.join("with-image.uf2");
        std::fs::write(&path, flashed)?;
        // Every case ends in the idle loop: after the main module, or at once
        // when there is no usable image.
        let result = emulate::run_pico(&path, Some("idle"), 0, PICO_BUDGET);
        let _ = std::fs::remove_dir_all(&dir);
        let output = result.with_context(|| format!("booting the pico runtime with {what}"))?;
        let line = output.uart.lines().find(|line| line.starts_with("frozen image:")).unwrap_or("").trim_end();
        ensure!(line.contains(&expected), "with {what}, the banner says `{line}`, expected `{expected}`");
        let ran = output.uart.contains("main ran: 42") && output.uart.contains("rp2 country: GB");
        ensure!(
            ran == (what == "a good image"),
            "with {what}, the main module {} run",
            if ran { "did" } else { "did not" }
        );
        println!("with {what}: {line}");
    }
    Ok(())
}

/// The decoder's JSON summary.
#[derive(Debug, Deserialize)]
pub struct Decoded {
    /// Blocks per family id (`0x…` strings).
    pub blocks: std::collections::BTreeMap<String, u32>,
    pub family: String,
    pub start: u32,
    pub end: u32,
    pub absolute_block: bool,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl Decoded {
    fn total_blocks(&self) -> u32 {
        self.blocks.values().sum()
    }
}

/// The decoder script.
fn decoder() -> PathBuf {
    crate::project_root().join("tests/reference/uf2-decode.py")
}

/// Runs the decoder on `uf2_bytes` and checks its reassembly against
/// `segments`: every segment byte at its address, 0x00 in the gaps of the
/// pages, one block per page, the family, and the E10 block for the RP2350.
pub fn check_with_decoder(uf2_bytes: &[u8], segments: &[Segment], family: Family) -> anyhow::Result<Decoded> {
    let dir = scratch_dir()?;
    let (uf2_path, bin_path) = (dir.join("in.uf2"), dir.join("out.bin"));
    std::fs::write(&uf2_path, uf2_bytes)?;
    let result = run_decoder(&uf2_path, &bin_path, family).and_then(|decoded| compare(decoded, segments, family));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_decoder(uf2_path: &Path, bin_path: &Path, family: Family) -> anyhow::Result<Decoded> {
    let output = std::process::Command::new("python3")
        .arg(decoder())
        .arg(uf2_path)
        .args(["--family", &format!("{:#x}", family.id()), "--bin"])
        .arg(bin_path)
        .output()
        .map_err(|error| anyhow::anyhow!("cannot start python3 ({error})"))?;
    ensure!(
        output.status.success(),
        "uf2-decode.py rejected the file: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    let mut decoded: Decoded = serde_json::from_slice(&output.stdout).context("parsing uf2-decode.py's JSON")?;
    decoded.bytes = std::fs::read(bin_path)?;
    Ok(decoded)
}

fn compare(decoded: Decoded, segments: &[Segment], family: Family) -> anyhow::Result<Decoded> {
    ensure!(
        decoded.family == format!("{:#010x}", family.id()),
        "family {} is not {:#010x}",
        decoded.family,
        family.id()
    );
    ensure!(decoded.absolute_block == (family == Family::Rp2350ArmS), "the E10 absolute block is wrong");
    let pages = uf2::pages(segments)?;
    let first = *pages.keys().next().context("no pages")?;
    ensure!(decoded.start == first, "the decoded image starts at {:#x}, not {first:#x}", decoded.start);
    let image_blocks = decoded.blocks.get(&decoded.family).copied().unwrap_or(0);
    ensure!(image_blocks as usize == pages.len(), "{image_blocks} blocks for {} pages", pages.len());
    let mut expected = vec![0u8; (decoded.end - decoded.start) as usize];
    for segment in segments {
        let offset = (segment.address - decoded.start) as usize;
        let slot = expected.get_mut(offset..offset + segment.data.len()).context("a segment lies past the end")?;
        slot.copy_from_slice(&segment.data);
    }
    if let Some(offset) = expected.iter().zip(&decoded.bytes).position(|(want, got)| want != got) {
        anyhow::bail!("the decoded byte at {:#010x} differs from the ELF", decoded.start as usize + offset);
    }
    ensure!(
        expected.len() == decoded.bytes.len(),
        "the decoded image has {} bytes, not {}",
        decoded.bytes.len(),
        expected.len()
    );
    Ok(decoded)
}

/// A fresh scratch folder for one decoder run.
fn scratch_dir() -> anyhow::Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!("rime-uf2-check-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let dir = std::env::temp_dir().join(name);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic() -> Vec<Segment> {
        let ramp =
            |length: usize, seed: u8| (0..length).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect();
        vec![
            Segment { address: 0x1000_0000, data: ramp(0x100, 1) },
            Segment { address: 0x1000_0100, data: ramp(0xd4, 2) },
            Segment { address: 0x1000_01d4, data: ramp(0x1234, 3) },
            Segment { address: 0x1000_2000, data: ramp(0x22, 4) },
        ]
    }

    #[test]
    fn binary_info_is_read_through_the_header_and_the_module_info_slots() {
        let board = rp2::rp2_board("pico").unwrap();
        let area = board.module_info_area().start;
        // A header at 0x10000100, a table of one string entry and the 32
        // module-info slots, the entry and its string, as the runtime has them.
        let mut flash = vec![0u8; 0x200];
        let put = |flash: &mut Vec<u8>, at: usize, value: u32| flash[at..at + 4].copy_from_slice(&value.to_le_bytes());
        let table = 0x1000_0120u32;
        let slots = crate::board::MODULE_INFO_SLOTS as u32;
        for (at, value) in [(0, 0x7188_ebf2), (4, table), (8, table + 4 + 4 * slots), (12, 0), (16, 0xe71a_a390)] {
            put(&mut flash, 0x100 + at, value);
        }
        put(&mut flash, 0x120, 0x1000_01c0);
        for slot in 0..slots {
            put(&mut flash, 0x124 + 4 * slot as usize, area + slot * crate::board::MODULE_INFO_SLOT_SIZE);
        }
        put(&mut flash, 0x1c0, 0x5052_0006);
        put(&mut flash, 0x1c4, ID_RP_PROGRAM_NAME);
        put(&mut flash, 0x1c8, 0x1000_01d0);
        flash[0x1d0..0x1d5].copy_from_slice(b"rime\0");
        let names: Vec<String> = BLINKY_MODULES.map(String::from).to_vec();
        let segments = [
            Segment { address: 0x1000_0000, data: flash },
            Segment { address: area, data: crate::freeze::link::module_info(area, &names) },
        ];
        let entries = read_binary_info(&uf2::from_segments(&segments, Family::Rp2040).unwrap()).unwrap();
        let mut expected = vec![(ID_RP_PROGRAM_NAME, "rime".to_string())];
        expected.extend(BLINKY_MODULES.map(|name| (ID_RP_PROGRAM_FEATURE, format!("frozen module: {name}"))));
        assert_eq!(entries, expected, "the unused slots are skipped");
        let runtime_only = uf2::from_segments(&segments[..1], Family::Rp2040).unwrap();
        let error = read_binary_info(&runtime_only).unwrap_err().to_string();
        assert!(error.contains("is not in the file"), "{error}");
    }

    #[test]
    fn decoder_reassembles_synthetic_rp2040_and_rp2350_images() {
        for family in [Family::Rp2040, Family::Rp2350ArmS] {
            let uf2_bytes = uf2::from_segments(&synthetic(), family).unwrap();
            let decoded = check_with_decoder(&uf2_bytes, &synthetic(), family).unwrap();
            assert_eq!(decoded.absolute_block, family == Family::Rp2350ArmS);
        }
    }

    #[test]
    fn decoder_accepts_raw_regions() {
        let data = b"RIMG and the rest of an image".to_vec();
        let uf2_bytes = uf2::from_region(0x1010_0000..0x1010_1000, &data, Family::Rp2040).unwrap();
        let mut padded = data;
        padded.resize(4096, 0xff);
        let decoded =
            check_with_decoder(&uf2_bytes, &[Segment { address: 0x1010_0000, data: padded }], Family::Rp2040).unwrap();
        assert_eq!((decoded.start, decoded.end), (0x1010_0000, 0x1010_1000));
    }

    #[test]
    fn decoder_rejects_a_corrupted_file() {
        let mut uf2_bytes = uf2::from_segments(&synthetic(), Family::Rp2040).unwrap();
        uf2_bytes[512 + 20] = 7; // the second block's number
        let error = check_with_decoder(&uf2_bytes, &synthetic(), Family::Rp2040).unwrap_err();
        assert!(error.to_string().contains("rejected"), "{error:#}");
    }

    #[test]
    fn decoder_agrees_on_the_real_pico_runtime_when_built() {
        // `cargo xtask build --board pico` (or the "rp2: build all boards"
        // stage) writes this file; a fresh checkout has none yet.
        let elf = crate::project_root().join("firmware/pico/runtime.elf");
        let Ok(bytes) = std::fs::read(&elf) else { return };
        let board = rp2::rp2_board("pico").unwrap();
        let segments = uf2::elf_segments(&bytes, board.flash()).unwrap();
        let uf2_bytes = uf2::from_elf(&bytes, board.flash(), Family::Rp2040).unwrap();
        check_with_decoder(&uf2_bytes, &segments, Family::Rp2040).unwrap();
    }
}
