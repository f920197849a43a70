//! Synthetic firmware for the flash tests, here and in the probe-rs flasher
//! (`xtask/flash`): what the freezer and `cargo xtask build` write, without
//! building anything.
//!
//! A real ELF32 ARM file with `PT_LOAD` segments at their load addresses (the
//! runtime: boot2, code, the initial values of .data), and a frozen image with
//! a valid header and checksum, linked at the board's frozen-image region.
//! It is compiled into the library (not only under `cfg(test)`) because the
//! flasher's tests use it too; nothing else calls it.

use std::path::Path;

use rime_bytecode::image::{self, Header, FORMAT_VERSION, HEADER_SIZE, SECTION_COUNT};

use crate::rp2::Rp2Board;
use crate::uf2::Segment;

/// Deterministic filler bytes (a xorshift stream), different per seed.
pub fn noise(seed: u32, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9e37_79b9) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect()
}

/// A runtime as the linker lays it out at the board's flash start: boot2
/// (256 bytes), code and constants (`code_len` bytes), and the initial values
/// of .data at the next 4 KiB boundary (1,200 bytes). `seed` varies the bytes.
pub fn runtime_segments(board: &Rp2Board, code_len: usize, seed: u32) -> Vec<Segment> {
    let origin = board.runtime_origin;
    let code_end = origin + 0x100 + code_len as u32;
    let data_at = (code_end + 0xfff) & !0xfff;
    vec![
        Segment { address: origin, data: noise(seed, 0x100) },
        Segment { address: origin + 0x100, data: noise(seed + 1, code_len) },
        Segment { address: data_at, data: noise(seed + 2, 1200) },
    ]
}

/// A frozen image of `len` bytes (at least the header) for `board`, with a
/// valid header and checksum, linked at the frozen-image region.
pub fn frozen_image(board: &Rp2Board, len: usize, seed: u32) -> Vec<u8> {
    let len = len.max(HEADER_SIZE);
    let mut name = [0u8; 16];
    name[..board.name.len().min(16)].copy_from_slice(&board.name.as_bytes()[..board.name.len().min(16)]);
    let mut header = Header {
        format_version: FORMAT_VERSION,
        abi_id: 0x5249_4d45,
        word_size: 4,
        little_endian: true,
        link_address: board.frozen_origin,
        total_size: len as u32,
        first_qstr: 166,
        main_module: 0,
        board: name,
        sections: [(HEADER_SIZE as u32, 0); SECTION_COUNT],
        heap_size: board.heap_size,
        checksum: [0; 16],
    };
    let mut bytes = header.to_bytes().to_vec();
    bytes.extend(noise(seed, len - HEADER_SIZE));
    header.checksum = image::checksum(&bytes);
    bytes[..HEADER_SIZE].copy_from_slice(&header.to_bytes());
    bytes
}

/// A minimal ELF32 little-endian ARM executable with one `PT_LOAD` program
/// header per segment (virtual = physical address) and no sections.
pub fn elf(segments: &[Segment]) -> Vec<u8> {
    const EHSIZE: usize = 52;
    const PHENTSIZE: usize = 32;
    let mut out = Vec::new();
    let half = |out: &mut Vec<u8>, value: u16| out.extend_from_slice(&value.to_le_bytes());
    let word = |out: &mut Vec<u8>, value: u32| out.extend_from_slice(&value.to_le_bytes());
    out.extend_from_slice(&[0x7f, b'E', b'L', b'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    half(&mut out, 2); // ET_EXEC
    half(&mut out, 40); // EM_ARM
    word(&mut out, 1); // EV_CURRENT
    word(&mut out, segments.first().map_or(0, |segment| segment.address) | 1); // entry (thumb)
    word(&mut out, EHSIZE as u32); // program headers right after this header
    word(&mut out, 0); // no section headers
    word(&mut out, 0x0500_0200); // EABI5, hard float
    half(&mut out, EHSIZE as u16);
    half(&mut out, PHENTSIZE as u16);
    half(&mut out, segments.len() as u16);
    half(&mut out, 40); // e_shentsize
    half(&mut out, 0);
    half(&mut out, 0);
    let mut offset = EHSIZE + PHENTSIZE * segments.len();
    for segment in segments {
        word(&mut out, 1); // PT_LOAD
        word(&mut out, offset as u32);
        word(&mut out, segment.address);
        word(&mut out, segment.address);
        word(&mut out, segment.data.len() as u32);
        word(&mut out, segment.data.len() as u32);
        word(&mut out, 5); // R + X
        word(&mut out, 4);
        offset += segment.data.len();
    }
    for segment in segments {
        out.extend_from_slice(&segment.data);
    }
    out
}

/// Writes `firmware/<board>/` as the freezer will: firmware.elf (runtime and
/// image), frozen.img, and runtime.elf.
pub fn write_firmware_dir(dir: &Path, board: &Rp2Board, runtime: &[Segment], image: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut all = runtime.to_vec();
    all.push(Segment { address: board.frozen_origin, data: image.to_vec() });
    std::fs::write(dir.join("firmware.elf"), elf(&all))?;
    std::fs::write(dir.join("runtime.elf"), elf(runtime))?;
    std::fs::write(dir.join("frozen.img"), image)
}

/// A fresh, empty folder in the system temporary directory, named
/// after the test.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rime-flash-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("creating {}: {error}", dir.display()));
    dir
}
