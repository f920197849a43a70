//! Tests of `cargo xtask flash` without hardware: the UF2 path against
//! temporary folders laid out like real BOOTSEL drives, and the flags (the
//! probe path is tested in the probe-rs flasher, `xtask/flash`).

use std::collections::BTreeMap;

use clap::Parser;

use super::synthetic::{self, temp_dir};
use super::*;
use crate::rp2::rp2_board;

const RP2040_INFO: &str = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n";
const RP2350_INFO: &str = "UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n";

/// The example application of the firmware tests: a 45 KB runtime, an image
/// of `image_len` bytes; the seeds vary the bytes.
fn example(board: &Rp2Board, runtime_seed: u32, image_len: usize, image_seed: u32) -> Firmware {
    let runtime = synthetic::runtime_segments(board, 45_000, runtime_seed);
    Firmware::from_parts(board, runtime, Some(synthetic::frozen_image(board, image_len, image_seed))).unwrap()
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
    let lines =
        flash_uf2(&board, &firmware, Request::ImageOnly, false, None, &roots, &mut CopyProgress::hidden()).unwrap();
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
fn uf2_files_leave_the_filesystem_region_alone_unless_erase_fs_is_given() {
    for name in ["pico", "pico_w", "pico2", "pico2_w"] {
        let board = rp2_board(name).unwrap();
        let fs = board.fs_region().unwrap();
        let firmware = example(&board, 1, 9_876, 7);
        let root = temp_dir(&format!("flow-uf2-fs-{name}"));
        for (request, erase_fs) in [(Request::Auto, false), (Request::ImageOnly, false), (Request::ImageOnly, true)] {
            let file = root.join(format!("{request:?}-{erase_fs}.uf2"));
            let mut progress = CopyProgress::hidden();
            let lines = flash_uf2(&board, &firmware, request, erase_fs, Some(&file), &[], &mut progress).unwrap();
            let (_, pages) = decode_uf2(&std::fs::read(&file).unwrap());
            let in_fs: Vec<(&u32, &Vec<u8>)> = pages.iter().filter(|(address, _)| fs.contains(address)).collect();
            if erase_fs {
                assert_eq!(in_fs.len() as u32, (fs.end - fs.start) / 256, "{name}: every page of the region");
                assert!(in_fs.iter().all(|(_, page)| page.iter().all(|&byte| byte == 0xff)), "{name}");
                assert!(lines[0].contains("and the filesystem region"), "{}", lines[0]);
            } else {
                assert!(in_fs.is_empty(), "{name} {request:?}: {} pages of the filesystem region", in_fs.len());
            }
            let image = firmware.image.as_ref().unwrap();
            assert_eq!(&pages[&board.frozen_origin][..256], &image[..256], "{name}");
        }
        let _ = std::fs::remove_dir_all(root);
    }
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
    let lines = flash_uf2(&board, &firmware, Request::Auto, false, None, &roots, &mut CopyProgress::hidden()).unwrap();
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
    let error = flash_uf2(
        &board,
        &firmware,
        Request::Auto,
        false,
        Some(&root.join("bob/RPI-RP2")),
        &roots,
        &mut CopyProgress::hidden(),
    );
    assert!(error.unwrap_err().to_string().contains("is an RP2040, but the firmware is for an RP2350"));
    // A folder that is not a bootloader is refused too.
    let error = flash_uf2(
        &board,
        &firmware,
        Request::Auto,
        false,
        Some(&root.join("bob")),
        &roots,
        &mut CopyProgress::hidden(),
    );
    assert!(error.unwrap_err().to_string().ends_with("is not a UF2 bootloader drive: it has no INFO_UF2.TXT"));
    let _ = std::fs::remove_dir_all(root);
}

fn args(extra: &[&str]) -> Args {
    let cli = crate::Cli::try_parse_from(["cargo xtask", "flash"].iter().chain(extra)).unwrap();
    match cli.command {
        crate::Command::Flash(args) => args,
        other => panic!("parsed as {other:?}"),
    }
}

#[test]
fn the_uf2_path_fails_cleanly_without_firmware() {
    let error = run(args(&["--board", "host"])).unwrap_err().to_string();
    assert!(error.contains("flash needs an RP2 board"), "{error}");
    let empty = temp_dir("flow-no-firmware-uf2");
    let dir = empty.to_string_lossy().into_owned();
    let error = run(args(&["--board", "pico", "--uf2", "--firmware", &dir])).unwrap_err().to_string();
    assert!(error.starts_with("no firmware for pico in"), "{error}");
    let error = run(args(&["--board", "esp32", "--uf2"])).unwrap_err().to_string();
    assert!(error.contains("unknown RP2 board `esp32`"), "{error}");
    assert!(crate::Cli::try_parse_from(["cargo xtask", "flash", "--frozen-only", "--full"]).is_err());
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn the_flags_reach_the_flasher_unchanged() {
    for extra in [
        &[][..],
        &["--list"],
        &["--board", "pico2", "--probe", "2e8a:000c:E661", "--full"],
        &["--frozen-only", "--firmware", "/tmp/a dir/with spaces"],
        &["--uf2"],
        &["--uf2", "/media/alice/RPI-RP2", "--board", "pico_w"],
        &["--uf2", "out.uf2", "--frozen-only"],
    ] {
        let parsed = args(extra);
        let argv = parsed.to_argv();
        let again = args(&argv.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(format!("{again:?}"), format!("{parsed:?}"), "{extra:?} became {argv:?}");
    }
}

#[test]
fn byte_counts_read_well() {
    assert_eq!(kib(1000), "1000 B");
    assert_eq!(kib(4096), "4.0 KiB");
    assert_eq!(kib(1536), "1.5 KiB");
}
