//! The frozen-image region: where the firmware finds the image that
//! `cargo xtask freeze --board B` linked for it, and the checks it makes before
//! anything uses the image in place (execute-in-place flash, never copied).
//!
//! The region is the board's `frozen_origin`/`frozen_size` from board.toml;
//! memory.x exports it as `__frozen_start`/`__frozen_end` and build.rs as
//! [`board::FROZEN_ORIGIN`]/[`board::FROZEN_SIZE`]; [`locate`] checks that
//! the two agree. An image is accepted when its header (read with
//! `rime_bytecode::image::Header`) has the magic `RIMG`, this runtime's format
//! version and 32-bit little-endian words, is linked at the region's start,
//! fits the region, names this board, and its checksum matches. The ABI id
//! (which runtime build the image's constants refer to) is then checked by
//! `rime_vm::ImageView::new` against the VM's own ABI.
//!
//! When there is no usable image, [`locate`] says why in words for the console
//! and the board keeps running without frozen modules.

use core::fmt;

use rime_bytecode::image::{self, Header, ImageError, ImageErrorKind, FORMAT_VERSION, HEADER_SIZE, MAGIC};

use crate::board;

extern "C" {
    /// First byte of the frozen-image region (memory.x).
    static __frozen_start: u8;
    /// One past the last byte of the frozen-image region (memory.x).
    static __frozen_end: u8;
}

/// The whole frozen-image region, as the XIP flash window maps it.
pub fn region() -> &'static [u8] {
    // Taking the address of a linker symbol reads nothing.
    let (start, end) = (core::ptr::addr_of!(__frozen_start), core::ptr::addr_of!(__frozen_end));
    let length = end as usize - start as usize;
    // memory.x defines the two symbols as the bounds of the FROZEN region.
    // Flash could only change through the boot ROM with XIP disabled, which
    // this firmware never does.
    // SAFETY: the region lies in the XIP flash window, which is always mapped
    // and readable, and it is never written while the firmware runs.
    unsafe { core::slice::from_raw_parts(start, length) }
}

/// What [`locate`] found in the region.
pub enum Frozen {
    /// A usable image: its bytes (exactly `total size` long) and its header.
    Image { bytes: &'static [u8], header: Header },
    /// The region is erased flash: nothing was frozen into this firmware.
    Missing,
    /// Something is there but it cannot be used; the reason says why.
    Rejected(Reason),
}

/// Why an image was rejected.
pub enum Reason {
    /// The header reader or a check found this.
    Image(ImageError),
    /// The linker symbols and the board constants disagree (a build bug).
    RegionMismatch { start: usize, length: usize },
    /// The image is linked to run at another address than the region's start.
    LinkedElsewhere { link_address: u32 },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Image(error) => error.fmt(f),
            Reason::RegionMismatch { start, length } => write!(
                f,
                "the linked region {start:#010x}+{length:#x} differs from board.toml's {:#010x}+{:#x}",
                board::FROZEN_ORIGIN,
                board::FROZEN_SIZE
            ),
            Reason::LinkedElsewhere { link_address } => write!(
                f,
                "frozen image, byte 16: linked to run at {link_address:#010x}, but this board's frozen-image \
                 region starts at {:#010x}; freeze again for this board",
                board::FROZEN_ORIGIN
            ),
        }
    }
}

/// Looks for the frozen image in the region and checks it (see the module docs).
pub fn locate() -> Frozen {
    let region = region();
    let start = region.as_ptr() as usize;
    if start != board::FROZEN_ORIGIN as usize || region.len() != board::FROZEN_SIZE as usize {
        return Frozen::Rejected(Reason::RegionMismatch { start, length: region.len() });
    }
    check(region, board::FROZEN_ORIGIN, board::NAME)
}

/// Checks the image at the start of `region`, which the firmware sees at
/// address `origin`, for the board `board_name`.
fn check(region: &'static [u8], origin: u32, board_name: &str) -> Frozen {
    if region.len() >= 4 && region[..4] == [0xff; 4] {
        return Frozen::Missing;
    }
    let reject = |offset: usize, kind: ImageErrorKind| Frozen::Rejected(Reason::Image(ImageError { offset, kind }));
    let header = match Header::read(region) {
        Ok(header) => header,
        Err(error) => return Frozen::Rejected(Reason::Image(error)),
    };
    if region[..4] != MAGIC {
        return reject(0, ImageErrorKind::BadMagic);
    }
    if header.format_version != FORMAT_VERSION {
        return reject(4, ImageErrorKind::UnsupportedVersion(header.format_version));
    }
    if header.word_size != 4 || !header.little_endian {
        let format = u32::from_le_bytes([region[12], region[13], region[14], region[15]]);
        return reject(12, ImageErrorKind::BadWordFormat(format));
    }
    if header.link_address != origin {
        return Frozen::Rejected(Reason::LinkedElsewhere { link_address: header.link_address });
    }
    let total = header.total_size as usize;
    if total < HEADER_SIZE || total > region.len() {
        let kind = ImageErrorKind::Truncated { needed: header.total_size, available: region.len() as u32 };
        return reject(20, kind);
    }
    if let Some(expected) = image::board_id(board_name) {
        if header.board != expected {
            return reject(32, ImageErrorKind::BoardMismatch { expected, found: header.board });
        }
    }
    let bytes = &region[..total];
    if image::checksum(bytes) != header.checksum {
        return reject(112, ImageErrorKind::ChecksumMismatch);
    }
    Frozen::Image { bytes, header }
}
