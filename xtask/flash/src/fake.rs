//! Test support for the flasher: an in-memory board behind the
//! [`FlashTarget`] trait (the synthetic firmware files are xtask's
//! `flash::synthetic`).
//!
//! probe-rs's `FakeProbe` cannot flash (see `probe.rs`), so [`MemoryTarget`]
//! is our stand-in for a board on a probe: a flash array the size of the
//! board's flash, erased to 0xFF, that [`FlashTarget::flash`] erases and
//! programs sector by sector while sending the same `ProgressEvent`s probe-rs
//! sends, then verifies by reading back. It records what it was asked to do,
//! so the tests can check that an image-only update touched only the image's
//! sectors.

use std::time::Duration;

use probe_rs::flashing::ProgressEvent;
use xtask::flash::firmware::Chip;
use xtask::rp2::Rp2Board;

use crate::plan::FlashPlan;
use crate::probe::{FlashTarget, ProbeError};
use crate::progress::{Phase, Progress};

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
