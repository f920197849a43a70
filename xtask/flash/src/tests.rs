//! Tests of the probe path of `cargo xtask flash` without hardware: the
//! whole flow against our in-memory board (`fake.rs`, since probe-rs's
//! FakeProbe cannot flash), `--list` on a machine with nothing attached, and
//! the errors of a machine without a probe.

use std::path::Path;

use xtask::flash::synthetic::{self, temp_dir};
use xtask::rp2::rp2_board;

use super::fake::MemoryTarget;
use super::progress::Phase;
use super::*;

const RP2040_INFO: &str = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n";

/// The example application of `plan.rs`'s tests: a 45 KB runtime, an image
/// of `image_len` bytes; the seeds vary the bytes.
fn example(board: &Rp2Board, runtime_seed: u32, image_len: usize, image_seed: u32) -> Firmware {
    let runtime = synthetic::runtime_segments(board, 45_000, runtime_seed);
    Firmware::from_parts(board, runtime, Some(synthetic::frozen_image(board, image_len, image_seed))).unwrap()
}

fn flash(target: &mut MemoryTarget, board: &Rp2Board, firmware: &Firmware, request: Request) -> anyhow::Result<Report> {
    target.clear_counters();
    flash_with(target, board, firmware, request, false, &mut Progress::hidden())
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
    let bare = Firmware::from_parts(&board, synthetic::runtime_segments(&board, 1_000, 1), None).unwrap();
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
        flash_with(&mut failing, &pico, &example(&pico, 1, 5_000, 7), Request::Auto, false, &mut progress).unwrap_err();
    assert_eq!(
        format!("{error:#}"),
        "flashing through the probe: flashing failed: programming the page at 0x10003000 timed out"
    );
    assert_eq!(progress.totals().failed, Some(Phase::Program));
    assert_eq!(failing.resets, 0, "a half-written board is not started");
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

/// The flasher's flags, as `cargo xtask flash` passes them.
fn args(extra: &[&str]) -> Args {
    Cli::try_parse_from(["xtask-flash"].iter().chain(extra)).unwrap().args
}

#[test]
fn listing_and_errors_without_hardware() {
    assert_eq!(run(args(&["--list"])).unwrap(), ExitCode::SUCCESS);
    let empty = temp_dir("flow-no-firmware");
    let dir = format!("--firmware={}", empty.display());
    let error = run(args(&["--board", "pico", &dir])).unwrap_err().to_string();
    assert!(error.starts_with("no firmware for pico in"), "{error}");
    let error = run(args(&["--board", "esp32"])).unwrap_err().to_string();
    assert!(error.contains("unknown RP2 board `esp32`"), "{error}");
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn without_a_probe_the_command_says_so() {
    let board = rp2_board("pico").unwrap();
    let dir = temp_dir("flow-no-probe");
    synthetic::write_firmware_dir(
        &dir,
        &board,
        &synthetic::runtime_segments(&board, 2_000, 1),
        &synthetic::frozen_image(&board, 500, 2),
    )
    .unwrap();
    let firmware = format!("--firmware={}", dir.display());
    // This machine (like CI) has no probe attached.
    if probe::list_probes().is_empty() {
        let error = run(args(&[&firmware])).unwrap_err().to_string();
        assert!(error.starts_with("no debug probe is attached ("), "{error}");
    }
    let error = run(args(&["--probe", "nonsense", &firmware])).unwrap_err().to_string();
    assert!(error.starts_with("`nonsense` is not a probe selector"), "{error}");
    let _ = std::fs::remove_dir_all(dir);
}

/// The fake board's filesystem region as a littlefs volume in memory.
fn filesystem_on(target: &MemoryTarget, board: &Rp2Board) -> Vec<u8> {
    let region = board.fs_region().unwrap();
    target.bytes(region.start, (region.end - region.start) as usize).unwrap().to_vec()
}

/// Mounts `bytes` (a filesystem region) and reads `/data/log.txt`.
fn read_log(bytes: Vec<u8>) -> Result<Vec<u8>, rime_fs::FsError> {
    let blocks = bytes.len() as u32 / 4096;
    let device = rime_fs::MemoryDevice::new(bytes, 4096)?;
    let mut fs = Box::pin(rime_fs::Filesystem::<_>::new(device, rime_fs::Geometry::micropython_rp2(blocks))?);
    fs.as_mut().mount()?;
    let read_only = rime_fs::OpenFlags { read: true, ..rime_fs::OpenFlags::default() };
    let handle = fs.as_mut().open("/data/log.txt", read_only)?;
    let mut content = vec![0; 256];
    let count = fs.as_mut().read(handle, &mut content)?;
    content.truncate(count);
    fs.as_mut().close(handle)?;
    Ok(content)
}

#[test]
fn flashing_keeps_the_files_and_erase_fs_wipes_them() {
    let board = rp2_board("pico").unwrap();
    let region = board.fs_region().unwrap();
    let mut target = MemoryTarget::blank(&board);
    // A filesystem with a file, as a program on the board would leave it.
    let mut bytes = vec![0xff; (region.end - region.start) as usize];
    {
        let blocks = bytes.len() as u32 / 4096;
        let device = rime_fs::SliceDevice::new(&mut bytes, 4096).unwrap();
        let mut fs =
            Box::pin(rime_fs::Filesystem::<_>::new(device, rime_fs::Geometry::micropython_rp2(blocks)).unwrap());
        fs.as_mut().format().unwrap();
        fs.as_mut().mount().unwrap();
        fs.as_mut().mkdir("/data").unwrap();
        let create = rime_fs::OpenFlags { write: true, create: true, ..rime_fs::OpenFlags::default() };
        let handle = fs.as_mut().open("/data/log.txt", create).unwrap();
        fs.as_mut().write(handle, b"23.5 C at boot\n").unwrap();
        fs.as_mut().close(handle).unwrap();
        fs.as_mut().unmount().unwrap();
    }
    let offset = (region.start - board.flash_origin) as usize;
    target.flash[offset..offset + bytes.len()].copy_from_slice(&bytes);

    // A full update, then an image-only update: the plans never touch the region.
    let first = example(&board, 1, 9_876, 7);
    let report = flash(&mut target, &board, &first, Request::Auto).unwrap();
    assert_eq!(report.written.mode, Mode::Full);
    let second = example(&board, 1, 9_876, 8);
    let report = flash(&mut target, &board, &second, Request::Auto).unwrap();
    assert_eq!(report.written.mode, Mode::ImageOnly);
    for plan in [FlashPlan::full(&board, &second).unwrap(), FlashPlan::image_only(&board, &second).unwrap()] {
        assert!(plan.sectors().iter().all(|sector| !region.contains(sector)), "{}", plan.describe());
    }
    assert_eq!(filesystem_on(&target, &board), bytes, "the filesystem region changed");
    assert_eq!(read_log(filesystem_on(&target, &board)).unwrap(), b"23.5 C at boot\n");

    // --erase-fs wipes the region (and only it) before the update.
    let before = target.flash.clone();
    target.clear_counters();
    let report = flash_with(&mut target, &board, &second, Request::Auto, true, &mut Progress::hidden()).unwrap();
    assert!(filesystem_on(&target, &board).iter().all(|&byte| byte == 0xff));
    assert!(target.erased.iter().all(|sector| region.contains(sector)), "only the region was erased");
    assert_eq!(target.flash[..offset], before[..offset]);
    assert!(report.lines().iter().any(|line| line.starts_with("--erase-fs: erased")), "{:?}", report.lines());
    assert!(read_log(filesystem_on(&target, &board)).is_err());

    // A firmware whose bytes reach into the region is refused, not flashed.
    let stray = [xtask::uf2::Segment { address: region.start, data: vec![0; 16] }];
    let error = FlashPlan::new(&board, Mode::Full, &stray).unwrap_err().to_string();
    assert!(error.contains("inside pico's filesystem region"), "{error}");
}
