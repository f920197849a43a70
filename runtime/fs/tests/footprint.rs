//! The RAM a mounted filesystem costs: the whole `Filesystem` struct, with
//! MicroPython's rp2 geometry (1 KiB caches) and four file slots.

use rime_fs::{BlockDevice, Filesystem, FsError};

/// A device with no state, so the figure is the filesystem's own.
struct NoDevice;

impl BlockDevice for NoDevice {
    fn read(&mut self, _: u32, _: u32, _: &mut [u8]) -> Result<(), FsError> {
        Err(FsError::Io)
    }
    fn prog(&mut self, _: u32, _: u32, _: &[u8]) -> Result<(), FsError> {
        Err(FsError::Io)
    }
    fn erase(&mut self, _: u32) -> Result<(), FsError> {
        Err(FsError::Io)
    }
}

#[test]
fn a_mounted_filesystem_and_each_file_slot_cost_their_caches_and_a_little_more() {
    let one_slot = std::mem::size_of::<Filesystem<NoDevice, 1>>();
    let four_slots = std::mem::size_of::<Filesystem<NoDevice, 4>>();
    let per_file = (four_slots - one_slot) / 3;
    eprintln!("filesystem with 4 file slots: {four_slots} bytes; each file slot: {per_file} bytes");
    // Each slot is its 1 KiB cache and littlefs's file (about 100 bytes).
    assert!((1024..1024 + 160).contains(&per_file), "{per_file}");
    // The filesystem is two 1 KiB caches, the lookahead and littlefs's state.
    let base = one_slot - per_file;
    assert!((2048 + 32..2048 + 32 + 400).contains(&base), "{base}");
}
