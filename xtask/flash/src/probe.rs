//! The debug probe: finding one, choosing one, and the [`FlashTarget`] trait
//! that the flash command drives.
//!
//! [`FlashTarget`] is the small interface in front of a probe session: which
//! chip is attached, read memory, write a [`FlashPlan`] (erase, program and
//! verify, reporting progress), and reset the chip so that it runs.
//! [`ProbeRsTarget`] implements it with the probe-rs library. The tests use an
//! in-memory target of ours (`fake.rs`) instead: probe-rs's own
//! `FakeProbe` attaches but cannot flash (every flash operation, even a dry
//! run, reaches an unimplemented part of the RP2040 reset sequence; verified in
//! `shared/reference/rp2-build-flash-test.md` §7.3), so it cannot stand in
//! for a board in a test.
//!
//! Probes are chosen with `--probe VID:PID[:SERIAL]` ([`Selector`], hex ids
//! as probe-rs and `lsusb` print them). Without it, a single attached probe
//! is used; several are an error that lists them. The chip comes from the
//! board definition; after attaching, the SYSINFO `CHIP_ID` register tells
//! which chip really answered, and a different one is an error rather than a
//! half-written board.

use std::fmt;
use std::str::FromStr;

use probe_rs::flashing::{DownloadOptions, FlashProgress};
use probe_rs::probe::list::Lister;
use probe_rs::probe::DebugProbeSelector;
use probe_rs::{MemoryInterface, Permissions, Session};

use xtask::flash::firmware::Chip;

use crate::plan::{probe_rs_name, FlashPlan};
use crate::progress::Progress;

/// The interface the flash command needs from an attached chip.
pub trait FlashTarget {
    /// The chip that answered (from its `CHIP_ID` register).
    fn chip(&self) -> Chip;
    /// Reads `out.len()` bytes of memory (flash is readable through XIP).
    fn read_memory(&mut self, address: u32, out: &mut [u8]) -> Result<(), ProbeError>;
    /// Erases, programs and verifies the plan's sectors, reporting progress.
    fn flash(&mut self, plan: &FlashPlan, progress: &mut Progress) -> Result<(), ProbeError>;
    /// Resets the chip and lets it run the new firmware.
    fn reset_and_run(&mut self) -> Result<(), ProbeError>;
}

/// The SYSINFO `CHIP_ID` register, at the same address on both chips.
pub const CHIP_ID_ADDRESS: u32 = 0x4000_0000;

/// What went wrong with a probe.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("no debug probe is attached{hint}")]
    NoProbe { hint: String },
    #[error("several debug probes are attached; choose one with --probe VID:PID[:SERIAL]:\n{}", list_lines(.0))]
    Several(Vec<ProbeInfo>),
    #[error("no attached probe matches --probe {selector}; attached:\n{}", list_lines(.attached))]
    NotFound { selector: Selector, attached: Vec<ProbeInfo> },
    #[error("`{0}` is not a probe selector: write VID:PID or VID:PID:SERIAL with hex ids, e.g. 2e8a:000c")]
    BadSelector(String),
    #[error("the probe {probe} is busy: another program (probe-rs, OpenOCD, a debugger) holds it ({message})")]
    Busy { probe: String, message: String },
    #[error("no permission to open the probe {probe} ({message}); install probe-rs's udev rules (https://probe.rs/docs/getting-started/probe-setup/)")]
    Permission { probe: String, message: String },
    #[error("could not open the probe {probe}: {message}")]
    Open { probe: String, message: String },
    #[error("the board is a {found}, but the board definition says {expected}: choose the matching --board")]
    WrongChip { expected: Chip, found: Chip },
    #[error("could not attach to the {chip} through {probe}: {message} (is the board powered and SWD wired?)")]
    Attach { chip: Chip, probe: String, message: String },
    #[error("reading {len} bytes at {address:#010x} failed: {message}")]
    Read { address: u32, len: usize, message: String },
    #[error("flashing failed: {0}")]
    Flash(String),
    #[error("reset failed: {0}")]
    Reset(String),
}

fn list_lines(probes: &[ProbeInfo]) -> String {
    probes.iter().map(|probe| format!("  {probe}")).collect::<Vec<_>>().join("\n")
}

/// One attached probe, as `--list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeInfo {
    pub identifier: String,
    pub vendor_id: u16,
    pub product_id: u16,
    pub serial: Option<String>,
}

impl ProbeInfo {
    /// The `--probe` argument that selects exactly this probe.
    pub fn selector(&self) -> Selector {
        Selector { vendor_id: self.vendor_id, product_id: self.product_id, serial: self.serial.clone() }
    }
}

impl fmt::Display for ProbeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}  ({})", self.selector(), self.identifier)
    }
}

/// `--probe VID:PID[:SERIAL]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub vendor_id: u16,
    pub product_id: u16,
    pub serial: Option<String>,
}

impl Selector {
    pub fn matches(&self, probe: &ProbeInfo) -> bool {
        self.vendor_id == probe.vendor_id
            && self.product_id == probe.product_id
            && self.serial.as_ref().is_none_or(|serial| probe.serial.as_ref() == Some(serial))
    }
}

impl FromStr for Selector {
    type Err = ProbeError;

    fn from_str(text: &str) -> Result<Selector, ProbeError> {
        let bad = || ProbeError::BadSelector(text.to_string());
        let mut parts = text.splitn(3, ':');
        let mut id = || {
            parts
                .next()
                .filter(|part| !part.is_empty() && part.len() <= 4)
                .and_then(|part| u16::from_str_radix(part, 16).ok())
                .ok_or_else(bad)
        };
        let (vendor_id, product_id) = (id()?, id()?);
        let serial = match parts.next() {
            None => None,
            Some("") => return Err(bad()),
            Some(serial) => Some(serial.to_string()),
        };
        Ok(Selector { vendor_id, product_id, serial })
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04x}:{:04x}", self.vendor_id, self.product_id)?;
        if let Some(serial) = &self.serial {
            write!(f, ":{serial}")?;
        }
        Ok(())
    }
}

/// Every attached probe (an empty list, not an error, when there is none).
pub fn list_probes() -> Vec<ProbeInfo> {
    Lister::new()
        .list_all()
        .into_iter()
        .map(|probe| ProbeInfo {
            identifier: probe.identifier,
            vendor_id: probe.vendor_id,
            product_id: probe.product_id,
            serial: probe.serial_number,
        })
        .collect()
}

/// Chooses the probe to use: the one `selector` names, or the only one.
/// `hint` ends the "no probe" message (it names a BOOTSEL drive if one is mounted).
pub fn select(probes: &[ProbeInfo], selector: Option<&Selector>, hint: &str) -> Result<ProbeInfo, ProbeError> {
    if probes.is_empty() {
        return Err(ProbeError::NoProbe { hint: hint.to_string() });
    }
    match selector {
        Some(selector) => {
            let matching: Vec<&ProbeInfo> = probes.iter().filter(|probe| selector.matches(probe)).collect();
            match matching.as_slice() {
                [] => Err(ProbeError::NotFound { selector: selector.clone(), attached: probes.to_vec() }),
                [probe] => Ok((*probe).clone()),
                several => Err(ProbeError::Several(several.iter().map(|probe| (*probe).clone()).collect())),
            }
        }
        None => match probes {
            [probe] => Ok(probe.clone()),
            several => Err(ProbeError::Several(several.to_vec())),
        },
    }
}

/// Sorts an error from opening a probe into busy, no permission, or other,
/// by the I/O error underneath (nusb reports EBUSY and EACCES as such).
fn open_error(probe: &ProbeInfo, error: &(dyn std::error::Error + 'static)) -> ProbeError {
    let (probe, message) = (probe.selector().to_string(), error.to_string());
    let mut source = Some(error);
    while let Some(error) = source {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ResourceBusy => return ProbeError::Busy { probe, message },
                std::io::ErrorKind::PermissionDenied => return ProbeError::Permission { probe, message },
                _ => {}
            }
        }
        source = error.source();
    }
    let lower = message.to_lowercase();
    if lower.contains("busy") || lower.contains("claim") {
        ProbeError::Busy { probe, message }
    } else if lower.contains("permission") || lower.contains("access denied") {
        ProbeError::Permission { probe, message }
    } else {
        ProbeError::Open { probe, message }
    }
}

/// A chip attached through probe-rs.
pub struct ProbeRsTarget {
    session: Session,
    chip: Chip,
}

impl fmt::Debug for ProbeRsTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProbeRsTarget").field("chip", &self.chip).finish_non_exhaustive()
    }
}

impl ProbeRsTarget {
    /// Opens `probe` and attaches to the board's chip. When that fails, it
    /// tries the other chip, so that a Pico 2 flashed as a Pico is reported
    /// as the wrong chip instead of a vague attach error.
    pub fn open(probe: &ProbeInfo, expected: Chip) -> Result<ProbeRsTarget, ProbeError> {
        let attach = |chip: Chip| -> Result<Session, ProbeError> {
            let selector = DebugProbeSelector {
                vendor_id: probe.vendor_id,
                product_id: probe.product_id,
                interface: None,
                serial_number: probe.serial.clone(),
            };
            let opened = Lister::new().open(selector).map_err(|error| open_error(probe, &error))?;
            opened.attach(probe_rs_name(chip), Permissions::default()).map_err(|error| ProbeError::Attach {
                chip,
                probe: probe.selector().to_string(),
                message: error.to_string(),
            })
        };
        let other = match expected {
            Chip::Rp2040 => Chip::Rp2350,
            Chip::Rp2350 => Chip::Rp2040,
        };
        let session = match attach(expected) {
            Ok(session) => session,
            Err(error @ ProbeError::Attach { .. }) => match attach(other) {
                Ok(_) => return Err(ProbeError::WrongChip { expected, found: other }),
                Err(_) => return Err(error),
            },
            Err(error) => return Err(error),
        };
        // Attaching already needs the right chip's debug port; CHIP_ID makes
        // sure. An unreadable or unknown id keeps the chip that attached.
        let mut target = ProbeRsTarget { session, chip: expected };
        let mut word = [0u8; 4];
        if target.read_memory(CHIP_ID_ADDRESS, &mut word).is_ok() {
            target.chip = Chip::from_chip_id(u32::from_le_bytes(word)).unwrap_or(expected);
        }
        Ok(target)
    }
}

impl FlashTarget for ProbeRsTarget {
    fn chip(&self) -> Chip {
        self.chip
    }

    fn read_memory(&mut self, address: u32, out: &mut [u8]) -> Result<(), ProbeError> {
        let read_error = |message: String| ProbeError::Read { address, len: out.len(), message };
        let mut core = self.session.core(0).map_err(|error| read_error(error.to_string()))?;
        let result = core.read(u64::from(address), out);
        result.map_err(|error| ProbeError::Read { address, len: out.len(), message: error.to_string() })
    }

    fn flash(&mut self, plan: &FlashPlan, progress: &mut Progress) -> Result<(), ProbeError> {
        if plan.chip != self.chip {
            return Err(ProbeError::WrongChip { expected: plan.chip, found: self.chip });
        }
        // The same sector-aligned writes the plan was made of, through the
        // session's own loader: probe-rs erases and programs exactly them.
        let mut loader = self.session.target().flash_loader();
        for write in &plan.writes {
            loader
                .add_data(u64::from(write.address), &write.data)
                .map_err(|error| ProbeError::Flash(error.to_string()))?;
        }
        let mut options = DownloadOptions::default();
        options.verify = true;
        options.keep_unwritten_bytes = false;
        options.progress = FlashProgress::new(|event| progress.event(event));
        loader.commit(&mut self.session, options).map_err(|error| ProbeError::Flash(error.to_string()))
    }

    fn reset_and_run(&mut self) -> Result<(), ProbeError> {
        let mut core = self.session.core(0).map_err(|error| ProbeError::Reset(error.to_string()))?;
        core.reset().map_err(|error| ProbeError::Reset(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(vendor_id: u16, product_id: u16, serial: Option<&str>) -> ProbeInfo {
        ProbeInfo {
            identifier: "Debugprobe on CMSIS-DAP".into(),
            vendor_id,
            product_id,
            serial: serial.map(str::to_string),
        }
    }

    #[test]
    fn selectors_parse_like_probe_rs() {
        let selector: Selector = "2e8a:000c".parse().unwrap();
        assert_eq!(selector, Selector { vendor_id: 0x2e8a, product_id: 0x000c, serial: None });
        let selector: Selector = "2E8A:c:E6614C311B4A5B2D".parse().unwrap();
        assert_eq!(selector.serial.as_deref(), Some("E6614C311B4A5B2D"));
        assert_eq!(selector.to_string(), "2e8a:000c:E6614C311B4A5B2D");
        // probe-rs accepts the same text.
        let theirs: DebugProbeSelector = selector.to_string().parse().unwrap();
        assert_eq!((theirs.vendor_id, theirs.product_id), (0x2e8a, 0x000c));
        for bad in ["", "2e8a", "2e8a:", "xyz:000c", "2e8a:000c:", "12345:1", ":1"] {
            let error = bad.parse::<Selector>().unwrap_err();
            assert!(matches!(error, ProbeError::BadSelector(_)), "{bad}: {error}");
        }
    }

    #[test]
    fn one_probe_is_chosen_without_a_selector() {
        let probes = [probe(0x2e8a, 0x000c, Some("A"))];
        assert_eq!(select(&probes, None, "").unwrap(), probes[0]);
    }

    #[test]
    fn no_probe_is_a_clear_error() {
        let error = select(&[], None, " (a BOOTSEL drive is mounted at /media/u/RPI-RP2: use --uf2)").unwrap_err();
        assert_eq!(
            error.to_string(),
            "no debug probe is attached (a BOOTSEL drive is mounted at /media/u/RPI-RP2: use --uf2)"
        );
    }

    #[test]
    fn several_probes_are_listed_until_one_is_chosen() {
        let probes = [probe(0x2e8a, 0x000c, Some("A")), probe(0x2e8a, 0x000c, Some("B")), probe(0x0d28, 0x0204, None)];
        let error = select(&probes, None, "").unwrap_err();
        let message = error.to_string();
        assert!(message.contains("choose one with --probe"), "{message}");
        assert!(message.contains("2e8a:000c:A") && message.contains("2e8a:000c:B") && message.contains("0d28:0204"));
        let by_vid_pid: Selector = "2e8a:000c".parse().unwrap();
        assert!(matches!(select(&probes, Some(&by_vid_pid), ""), Err(ProbeError::Several(found)) if found.len() == 2));
        let by_serial: Selector = "2e8a:000c:B".parse().unwrap();
        assert_eq!(select(&probes, Some(&by_serial), "").unwrap(), probes[1]);
        let unique: Selector = "0d28:0204".parse().unwrap();
        assert_eq!(select(&probes, Some(&unique), "").unwrap(), probes[2]);
        let absent: Selector = "1366:0101".parse().unwrap();
        let error = select(&probes, Some(&absent), "").unwrap_err();
        assert!(error.to_string().starts_with("no attached probe matches --probe 1366:0101"), "{error}");
    }

    #[test]
    fn open_errors_are_sorted_by_their_io_kind() {
        let info = probe(0x2e8a, 0x000c, None);
        let busy = std::io::Error::from(std::io::ErrorKind::ResourceBusy);
        assert!(matches!(open_error(&info, &busy), ProbeError::Busy { .. }));
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let error = open_error(&info, &denied);
        assert!(error.to_string().contains("udev rules"), "{error}");
        let claimed = std::io::Error::other("could not claim interface 0");
        assert!(matches!(open_error(&info, &claimed), ProbeError::Busy { .. }));
        let other = std::io::Error::other("pipe error");
        assert!(matches!(open_error(&info, &other), ProbeError::Open { .. }));
    }

    #[test]
    fn listing_without_hardware_is_empty_not_an_error() {
        // This machine (and CI) has no probe; the lister must simply return
        // nothing. Should a developer run this with a probe plugged in, the
        // list holds it and every entry must render.
        for probe in list_probes() {
            assert!(!probe.to_string().is_empty());
        }
    }
}
