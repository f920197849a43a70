//! Tests of the whole `cargo xtask flash` flow without hardware: the probe
//! path against our in-memory board (`fake.rs`, since probe-rs's FakeProbe
//! cannot flash), the UF2 path against temporary folders laid out like real
//! BOOTSEL drives, and `--list` on a machine with nothing attached.

use std::collections::BTreeMap;

use clap::Parser;

use super::fake::{self, temp_dir, MemoryTarget};
use super::progress::Phase;
use super::*;
use crate::rp2::rp2_board;

const RP2040_INFO: &str = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n";
const RP2350_INFO: &str = "UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n";

/// The example application of `plan.rs`'s tests: a 45 KB runtime, an image
/// of `image_len` bytes; the seeds vary the bytes.
fn example(board: &Rp2Board, runtime_seed: u32, image_len: usize, image_seed: u32) -> Firmware {
    let runtime = fake::runtime_segments(board, 45_000, runtime_seed);
    Firmware::from_parts(board, runtime, Some(fake::frozen_image(board, image_len, image_seed))).unwrap()
}

fn flash(target: &mut MemoryTarget, board: &Rp2Board, firmware: &Firmware, request: Request) -> anyhow::Result<Report> {
    target.clear_counters();
    flash_with(target, board, firmware, request, &mut Progress::hidden())
}

/// Every byte of `firmware` is on the fake board.
fn assert_on_board(target: &MemoryTarget, board: &Rp2Board, firmware: &Firmware) {
    for segment in firmware.all_segments(board) {
        assert_eq!(
            target.bytes(segment.address, segment.data.len()),
            Some(&segment.data[..]),
            "{:#x}",
            segment.address
        );
    }
}

#[test]
fn a_blank_board_gets_everything_then_python_changes_flash_only_the_image() {
    let board = rp2_board("pico").unwrap();
    let mut target = MemoryTarget::blank(&board);
    let first = example(&board, 1, 9_876, 7);

    let report = flash(&mut target, &board, &first, Request::Auto).unwrap();
    assert_eq!(report.written.mode, Mode::Full);
    assert_eq!(report.reason, "the board's runtime region is erased");
    assert_eq!(report.written.bytes(), 16 * 4096, "13 runtime sectors and 3 image sectors");
    assert_eq!((target.erased.len(), target.programmed, target.resets), (16, 16 * 4096, 1));
    assert_on_board(&target, &board, &first);

    // The same firmware again: the runtime matches and the image is there already.
    let report = flash(&mut target, &board, &first, Request::Auto).unwrap();
    assert_eq!((report.written.mode, report.written.bytes(), report.unchanged), (Mode::ImageOnly, 0, 3));
    assert!(target.erased.is_empty() && target.resets == 1);

    // A Python change: a new image, the same runtime.
    let second = example(&board, 1, 9_876, 8);
    let report = flash(&mut target, &board, &second, Request::Auto).unwrap();
    assert_eq!(report.written.mode, Mode::ImageOnly);
    assert!(report.reason.starts_with("the runtime on the board matches the local one"), "{}", report.reason);
    let image_sectors = 9_876u64.div_ceil(4096);
    assert!(report.written.bytes() <= image_sectors * 4096, "{}", report.written.describe());
    assert!(target.erased.iter().all(|&sector| board.frozen_region().contains(&sector)), "{:#x?}", target.erased);
    assert_eq!(target.programmed, image_sectors * 4096);
    assert_eq!(report.full_bytes, 16 * 4096);
    assert_on_board(&target, &board, &second);
    let lines = report.lines();
    assert_eq!(lines[2], "bytes written: 12288 of 65536 for a full flash (18.8%)");
    assert_eq!(lines[3], "erase 12.0 KiB (ok), program 12.0 KiB (ok), verify 12.0 KiB (ok)");
    // The build-id check read the runtime back, not the whole flash.
    assert!(target.read_bytes < 80 * 1024, "{} bytes read", target.read_bytes);
}

#[test]
fn a_changed_runtime_flashes_everything_that_changed_and_says_why() {
    let board = rp2_board("pico2").unwrap();
    let mut target = MemoryTarget::blank(&board);
    flash(&mut target, &board, &example(&board, 1, 5_000, 7), Request::Auto).unwrap();
    let new_runtime = example(&board, 2, 5_000, 7);
    let report = flash(&mut target, &board, &new_runtime, Request::Auto).unwrap();
    assert_eq!(report.written.mode, Mode::Full);
    assert!(report.reason.contains("differs from the local one"), "{}", report.reason);
    assert_eq!(report.unchanged, 2, "the image's two sectors are unchanged");
    assert_eq!(report.written.bytes(), 13 * 4096);
    assert_on_board(&target, &board, &new_runtime);
    assert!(report.lines()[0].starts_with("full update: the runtime on the board (build id"));
}

#[test]
fn frozen_only_is_refused_when_the_runtime_differs() {
    let board = rp2_board("pico").unwrap();
    let mut target = MemoryTarget::blank(&board);
    let error = flash(&mut target, &board, &example(&board, 1, 5_000, 7), Request::ImageOnly).unwrap_err();
    assert!(error.to_string().starts_with("refusing --frozen-only: the board's runtime region is erased"), "{error}");
    assert!(target.erased.is_empty() && target.resets == 0, "nothing was touched");
    flash(&mut target, &board, &example(&board, 2, 5_000, 7), Request::Auto).unwrap();
    let error = flash(&mut target, &board, &example(&board, 1, 5_000, 7), Request::ImageOnly).unwrap_err();
    assert!(error.to_string().starts_with("refusing --frozen-only: the runtime on the board (build id"), "{error}");
    assert!(target.erased.is_empty() && target.resets == 0, "nothing was touched");
    // With the runtime in place, --frozen-only writes the image.
    flash(&mut target, &board, &example(&board, 1, 5_000, 7), Request::Full).unwrap();
    let report = flash(&mut target, &board, &example(&board, 1, 6_000, 9), Request::ImageOnly).unwrap();
    assert_eq!((report.written.mode, report.written.bytes()), (Mode::ImageOnly, 2 * 4096));
    // A runtime without an image has nothing for --frozen-only to write.
    let bare = Firmware::from_parts(&board, fake::runtime_segments(&board, 1_000, 1), None).unwrap();
    let error = flash(&mut target, &board, &bare, Request::ImageOnly).unwrap_err();
    assert!(error.to_string().contains("no frozen image"), "{error}");
    let report = flash(&mut target, &board, &bare, Request::Auto).unwrap();
    assert_eq!((report.written.mode, report.reason.as_str()), (Mode::Full, "the firmware holds no frozen image"));
}

#[test]
fn full_rewrites_only_sectors_that_differ() {
    let board = rp2_board("pico").unwrap();
    let mut target = MemoryTarget::blank(&board);
    let firmware = example(&board, 1, 5_000, 7);
    flash(&mut target, &board, &firmware, Request::Auto).unwrap();
    let report = flash(&mut target, &board, &firmware, Request::Full).unwrap();
    assert_eq!((report.written.mode, report.reason.as_str()), (Mode::Full, "--full was given"));
    assert_eq!((report.written.bytes(), report.unchanged), (0, 15));
    assert_eq!(
        report.lines()[1],
        "wrote 0 B: 0 sectors of 4 KiB (0 bytes, 0 program pages); 15 sectors were already up to date"
    );
}

#[test]
fn the_wrong_chip_and_failed_flashes_are_errors() {
    let pico = rp2_board("pico").unwrap();
    let mut pico2_on_the_probe = MemoryTarget::with_chip(&pico, Chip::Rp2350);
    let error = flash(&mut pico2_on_the_probe, &pico, &example(&pico, 1, 5_000, 7), Request::Auto).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the board is a RP2350, but the board definition says RP2040: choose the matching --board"
    );

    let mut failing = MemoryTarget::blank(&pico);
    failing.fail_at = Some(0x1000_3000);
    let mut progress = Progress::hidden();
    let error =
        flash_with(&mut failing, &pico, &example(&pico, 1, 5_000, 7), Request::Auto, &mut progress).unwrap_err();
    assert_eq!(
        format!("{error:#}"),
        "flashing through the probe: flashing failed: programming the page at 0x10003000 timed out"
    );
    assert_eq!(progress.totals().failed, Some(Phase::Program));
    assert_eq!(failing.resets, 0, "a half-written board is not started");
}

/// An independent UF2 reader: checks every block's fixed fields and returns
/// the family and the payload bytes by address.
fn decode_uf2(bytes: &[u8]) -> (u32, BTreeMap<u32, Vec<u8>>) {
    let word = |block: &[u8], at: usize| u32::from_le_bytes([block[at], block[at + 1], block[at + 2], block[at + 3]]);
    assert_eq!(bytes.len() % 512, 0);
    let blocks: Vec<&[u8]> = bytes.chunks(512).collect();
    let (mut family, mut pages) = (0, BTreeMap::new());
    let data_blocks: Vec<&&[u8]> = blocks.iter().filter(|block| word(block, 28) != 0xe48b_ff57).collect();
    for (number, block) in data_blocks.iter().enumerate() {
        assert_eq!((word(block, 0), word(block, 4), word(block, 508)), (0x0A32_4655, 0x9E5D_5157, 0x0AB1_6F30));
        assert_eq!(word(block, 8) & 0x2000, 0x2000, "family id present");
        assert_eq!((word(block, 16), word(block, 20), word(block, 24)), (256, number as u32, data_blocks.len() as u32));
        family = word(block, 28);
        pages.insert(word(block, 12), block[32..32 + 256].to_vec());
    }
    (family, pages)
}

#[test]
fn an_image_only_uf2_holds_whole_sectors_of_the_image_region() {
    let board = rp2_board("pico").unwrap();
    let root = temp_dir("flow-uf2-image");
    let drive = root.join("alice/RPI-RP2");
    std::fs::create_dir_all(&drive).unwrap();
    std::fs::write(drive.join("INFO_UF2.TXT"), RP2040_INFO).unwrap();
    let firmware = example(&board, 1, 9_876, 7);
    let roots = [SearchRoot { path: root.clone(), depth: 2 }];
    let lines = flash_uf2(&board, &firmware, Request::ImageOnly, None, &roots, &Progress::hidden()).unwrap();
    let written = drive.join("rime-pico-image.uf2");
    assert!(lines[0].starts_with(&format!("wrote 24.0 KiB (48 UF2 blocks) to {}", written.display())), "{}", lines[0]);
    let (family, pages) = decode_uf2(&std::fs::read(&written).unwrap());
    assert_eq!(family, 0xe48b_ff56);
    let addresses: Vec<u32> = pages.keys().copied().collect();
    let expected: Vec<u32> = (0..48).map(|n| board.frozen_origin + n * 256).collect();
    assert_eq!(addresses, expected, "12 KiB: three whole 4 KiB sectors");
    let bytes: Vec<u8> = pages.into_values().flatten().collect();
    let image = firmware.image.as_ref().unwrap();
    assert_eq!(&bytes[..image.len()], &image[..]);
    assert!(bytes[image.len()..].iter().all(|&byte| byte == 0xff));
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn a_full_uf2_goes_to_the_matching_drive_only() {
    let board = rp2_board("pico2").unwrap();
    let root = temp_dir("flow-uf2-full");
    for (label, info) in [("RPI-RP2", RP2040_INFO), ("RP2350", RP2350_INFO)] {
        std::fs::create_dir_all(root.join("bob").join(label)).unwrap();
        std::fs::write(root.join("bob").join(label).join("INFO_UF2.TXT"), info).unwrap();
    }
    let firmware = example(&board, 1, 5_000, 7);
    let roots = [SearchRoot { path: root.clone(), depth: 2 }];
    let lines = flash_uf2(&board, &firmware, Request::Auto, None, &roots, &Progress::hidden()).unwrap();
    assert!(lines[0].contains("RP2350/rime-pico2.uf2: the runtime and the image"), "{}", lines[0]);
    let uf2 = std::fs::read(root.join("bob/RP2350/rime-pico2.uf2")).unwrap();
    let (family, pages) = decode_uf2(&uf2);
    assert_eq!(family, 0xe48b_ff59);
    assert_eq!(&uf2[28..32], &0xe48b_ff57u32.to_le_bytes(), "the RP2350-E10 absolute block comes first");
    for segment in firmware.all_segments(&board) {
        let page = segment.address & !0xff;
        assert_eq!(pages[&page][(segment.address - page) as usize], segment.data[0]);
    }
    assert!(!root.join("bob/RPI-RP2/rime-pico2.uf2").exists());
    // Pointing at the RP2040 drive is refused before anything is written.
    let error =
        flash_uf2(&board, &firmware, Request::Auto, Some(&root.join("bob/RPI-RP2")), &roots, &Progress::hidden());
    assert!(error.unwrap_err().to_string().contains("is an RP2040, but the firmware is for an RP2350"));
    // A folder that is not a bootloader is refused too.
    let error = flash_uf2(&board, &firmware, Request::Auto, Some(&root.join("bob")), &roots, &Progress::hidden());
    assert!(error.unwrap_err().to_string().ends_with("is not a UF2 bootloader drive: it has no INFO_UF2.TXT"));
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn list_says_when_nothing_is_attached() {
    let mut out = Vec::new();
    list(&mut out, &[], &[]).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "debug probes: none attached\nBOOTSEL drives: none mounted\n");
    let probe = ProbeInfo {
        identifier: "Debugprobe on CMSIS-DAP".into(),
        vendor_id: 0x2e8a,
        product_id: 0x000c,
        serial: Some("E661".into()),
    };
    let drive = uf2_drive::Drive::parse(Path::new("/media/alice/RPI-RP2"), RP2040_INFO);
    let mut out = Vec::new();
    list(&mut out, &[probe], &[drive]).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("  2e8a:000c:E661  (Debugprobe on CMSIS-DAP)\n"), "{text}");
    assert!(text.contains("  /media/alice/RPI-RP2  (RP2040; UF2 Bootloader v3.0; Board-ID RPI-RP2)\n"), "{text}");
}

#[test]
fn the_command_lists_and_fails_cleanly_without_hardware() {
    let args = |extra: &[&str]| {
        let cli = crate::Cli::try_parse_from(["cargo xtask", "flash"].iter().chain(extra)).unwrap();
        match cli.command {
            crate::Command::Flash(args) => args,
            other => panic!("parsed as {other:?}"),
        }
    };
    assert_eq!(run(args(&["--list"])).unwrap(), ExitCode::SUCCESS);
    let error = run(args(&["--board", "host"])).unwrap_err().to_string();
    assert!(error.contains("flash needs an RP2 board"), "{error}");
    let empty = temp_dir("flow-no-firmware");
    let dir = empty.to_string_lossy().into_owned();
    let error = run(args(&["--board", "pico", "--firmware", &dir])).unwrap_err().to_string();
    assert!(error.starts_with("no firmware for pico in"), "{error}");
    let error = run(args(&["--board", "esp32"])).unwrap_err().to_string();
    assert!(error.contains("unknown RP2 board `esp32`"), "{error}");
    assert!(crate::Cli::try_parse_from(["cargo xtask", "flash", "--frozen-only", "--full"]).is_err());
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn without_a_probe_the_command_says_so() {
    let board = rp2_board("pico").unwrap();
    let dir = temp_dir("flow-no-probe");
    fake::write_firmware_dir(
        &dir,
        &board,
        &fake::runtime_segments(&board, 2_000, 1),
        &fake::frozen_image(&board, 500, 2),
    )
    .unwrap();
    let cli = crate::Cli::try_parse_from(["cargo xtask", "flash", "--firmware", &dir.to_string_lossy()]).unwrap();
    let crate::Command::Flash(args) = cli.command else { panic!("not a flash command") };
    // This machine (like CI) has no probe attached.
    if probe::list_probes().is_empty() {
        let error = run(args).unwrap_err().to_string();
        assert!(error.starts_with("no debug probe is attached ("), "{error}");
    }
    let cli = crate::Cli::try_parse_from([
        "cargo xtask",
        "flash",
        "--probe",
        "nonsense",
        "--firmware",
        &dir.to_string_lossy(),
    ])
    .unwrap();
    let crate::Command::Flash(args) = cli.command else { panic!("not a flash command") };
    let error = run(args).unwrap_err().to_string();
    assert!(error.starts_with("`nonsense` is not a probe selector"), "{error}");
    let _ = std::fs::remove_dir_all(dir);
}
