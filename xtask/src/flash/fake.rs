//! Test support for `cargo xtask flash`: an in-memory board behind the
//! [`FlashTarget`] trait, and synthetic firmware files.
//!
//! probe-rs's `FakeProbe` cannot flash (see `probe.rs`), so [`MemoryTarget`]
//! is our stand-in for a board on a probe: a flash array the size of the
//! board's flash, erased to 0xFF, that [`FlashTarget::flash`] erases and
//! programs sector by sector while sending the same `ProgressEvent`s probe-rs
//! sends, then verifies by reading back. It records what it was asked to do,
//! so the tests can check that an image-only update touched only the image's
//! sectors.
//!
//! The synthetic firmware is what the freezer and `cargo xtask build` write:
//! a real ELF32 ARM file with `PT_LOAD` segments at their load addresses (the
//! runtime: boot2, code, the initial values of .data), and a frozen image with
//! a valid header and checksum, linked at the board's frozen-image region.

use std::path::Path;
use std::time::Duration;

use probe_rs::flashing::ProgressEvent;
use rime_bytecode::image::{self, Header, FORMAT_VERSION, HEADER_SIZE, SECTION_COUNT};

use super::plan::{Chip, FlashPlan};
use super::probe::{FlashTarget, ProbeError};
use super::progress::{Phase, Progress};
use crate::rp2::Rp2Board;
use crate::uf2::Segment;

/// An in-memory board: see the module docs.
#[derive(Debug, Clone)]
pub struct MemoryTarget {
    pub chip: Chip,
    pub flash_origin: u32,
    pub flash: Vec<u8>,
    /// Every sector erased, in order, over the target's life.
    pub erased: Vec<u32>,
    /// Bytes programmed over the target's life.
    pub programmed: u64,
    /// How many times the chip was reset.
    pub resets: usize,
    /// Bytes read over the probe (the build-id check and the sector diff).
    pub read_bytes: u64,
    /// Makes programming fail at this sector, to test error reporting.
    pub fail_at: Option<u32>,
}

impl MemoryTarget {
    /// A board with erased flash, of the chip `board` names.
    pub fn blank(board: &Rp2Board) -> MemoryTarget {
        let chip = Chip::of_board(board).unwrap_or(Chip::Rp2040);
        MemoryTarget::with_chip(board, chip)
    }

    /// A board of `board`'s flash size that answers as `chip`.
    pub fn with_chip(board: &Rp2Board, chip: Chip) -> MemoryTarget {
        MemoryTarget {
            chip,
            flash_origin: board.flash_origin,
            flash: vec![0xff; board.flash_size as usize],
            erased: Vec::new(),
            programmed: 0,
            resets: 0,
            read_bytes: 0,
            fail_at: None,
        }
    }

    /// The flash bytes at `address`, as a slice of `len` (None outside flash).
    pub fn bytes(&self, address: u32, len: usize) -> Option<&[u8]> {
        let offset = address.checked_sub(self.flash_origin)? as usize;
        self.flash.get(offset..offset.checked_add(len)?)
    }

    /// Forgets what was erased, programmed and read, keeping the flash.
    pub fn clear_counters(&mut self) {
        self.erased.clear();
        self.programmed = 0;
        self.read_bytes = 0;
        self.resets = 0;
    }
}

impl FlashTarget for MemoryTarget {
    fn chip(&self) -> Chip {
        self.chip
    }

    fn read_memory(&mut self, address: u32, out: &mut [u8]) -> Result<(), ProbeError> {
        let bytes = self.bytes(address, out.len()).ok_or_else(|| ProbeError::Read {
            address,
            len: out.len(),
            message: "outside the fake board's flash".into(),
        })?;
        out.copy_from_slice(bytes);
        self.read_bytes += out.len() as u64;
        Ok(())
    }

    fn flash(&mut self, plan: &FlashPlan, progress: &mut Progress) -> Result<(), ProbeError> {
        let sector = plan.sector_size as usize;
        let total = plan.bytes();
        for phase in [Phase::Erase, Phase::Program, Phase::Verify] {
            progress.event(ProgressEvent::AddProgressBar { operation: phase.operation(), total: Some(total) });
        }
        let tick = |progress: &mut Progress, phase: Phase, size: usize| {
            progress.event(ProgressEvent::Progress {
                operation: phase.operation(),
                size: size as u64,
                time: Duration::from_micros(10),
            });
        };
        // Like probe-rs: erase every sector of the plan, then program, then verify.
        progress.event(ProgressEvent::Started(Phase::Erase.operation()));
        for write in &plan.writes {
            if write.address % plan.sector_size != 0 || write.data.len() % sector != 0 {
                progress.event(ProgressEvent::Failed(Phase::Erase.operation()));
                return Err(ProbeError::Flash(format!("write at {:#010x} is not sector aligned", write.address)));
            }
            for (index, _) in write.data.chunks(sector).enumerate() {
                let address = write.address + (index * sector) as u32;
                let offset = (address - self.flash_origin) as usize;
                let Some(bytes) = self.flash.get_mut(offset..offset + sector) else {
                    progress.event(ProgressEvent::Failed(Phase::Erase.operation()));
                    return Err(ProbeError::Flash(format!("sector {address:#010x} is outside flash")));
                };
                bytes.fill(0xff);
                self.erased.push(address);
                tick(progress, Phase::Erase, sector);
            }
        }
        progress.event(ProgressEvent::Finished(Phase::Erase.operation()));
        progress.event(ProgressEvent::Started(Phase::Program.operation()));
        for write in &plan.writes {
            for (index, data) in write.data.chunks(sector).enumerate() {
                let address = write.address + (index * sector) as u32;
                if self.fail_at == Some(address) {
                    progress.event(ProgressEvent::Failed(Phase::Program.operation()));
                    return Err(ProbeError::Flash(format!("programming the page at {address:#010x} timed out")));
                }
                let offset = (address - self.flash_origin) as usize;
                self.flash[offset..offset + sector].copy_from_slice(data);
                self.programmed += sector as u64;
                tick(progress, Phase::Program, sector);
            }
        }
        progress.event(ProgressEvent::Finished(Phase::Program.operation()));
        progress.event(ProgressEvent::Started(Phase::Verify.operation()));
        for write in &plan.writes {
            let mut read_back = vec![0; write.data.len()];
            self.read_memory(write.address, &mut read_back)?;
            if read_back != write.data {
                progress.event(ProgressEvent::Failed(Phase::Verify.operation()));
                return Err(ProbeError::Flash(format!("verify failed at {:#010x}", write.address)));
            }
            tick(progress, Phase::Verify, write.data.len());
        }
        progress.event(ProgressEvent::Finished(Phase::Verify.operation()));
        Ok(())
    }

    fn reset_and_run(&mut self) -> Result<(), ProbeError> {
        self.resets += 1;
        Ok(())
    }
}

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
