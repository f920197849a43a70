//! Flashing without a probe: the RP2 boot ROM's BOOTSEL drive.
//!
//! Holding BOOTSEL while plugging a Pico in makes it a USB mass-storage drive
//! (label `RPI-RP2` on the RP2040, `RP2350` on the RP2350) whose root holds
//! `INFO_UF2.TXT`, for example:
//!
//! ```text
//! UF2 Bootloader v3.0
//! Model: Raspberry Pi RP2
//! Board-ID: RPI-RP2
//! ```
//!
//! and on the RP2350 `Model: Raspberry Pi RP2350`, `Board-ID: RP2350`. A drive
//! is a folder with that file; [`Drive::open`] reads it and names the chip
//! from `Board-ID:` (or `Model:`). [`find_drives`] looks where desktops mount
//! removable drives: `/media/*/*`, `/run/media/*/*` and `/mnt/*` (and
//! `/media/*` for older systems); `RIME_BOOTSEL_SEARCH` (a path list) replaces
//! those places, which is how the tests point it at a temporary folder.
//!
//! [`copy`] writes the UF2 file onto the drive and `sync_all`s it, so the
//! bytes have reached the device when it returns. The boot ROM takes blocks
//! as they arrive whatever the file is called, and reboots into the new
//! firmware once it has them all; the drive then disappears, and a sync that
//! fails because it did is reported as success.

use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::firmware::Chip;
use super::CopyProgress;

/// The file every UF2 bootloader drive has at its root.
pub const INFO_FILE: &str = "INFO_UF2.TXT";

/// The environment variable that replaces the default search places.
pub const SEARCH_VAR: &str = "RIME_BOOTSEL_SEARCH";

/// What went wrong with a BOOTSEL drive.
#[derive(Debug, thiserror::Error)]
pub enum DriveError {
    #[error("no BOOTSEL drive is mounted (looked in {searched}): hold BOOTSEL while plugging the board in, or pass --uf2 PATH")]
    NoDrive { searched: String },
    #[error("{} is not a UF2 bootloader drive: it has no {INFO_FILE}", .0.display())]
    NotBootloader(PathBuf),
    #[error("{} is a UF2 bootloader, but not a Raspberry Pi RP2 one (Board-ID `{board_id}`, Model `{model}`)", path.display())]
    NotRp2 { path: PathBuf, board_id: String, model: String },
    #[error("the BOOTSEL drive at {} is an {found}, but the firmware is for an {expected}: choose the matching --board", path.display())]
    WrongFamily { path: PathBuf, expected: Chip, found: Chip },
    #[error("several {chip} BOOTSEL drives are mounted; choose one with --uf2 PATH:\n{}", list_lines(paths))]
    Several { chip: Chip, paths: Vec<PathBuf> },
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

fn list_lines(paths: &[PathBuf]) -> String {
    paths.iter().map(|path| format!("  {}", path.display())).collect::<Vec<_>>().join("\n")
}

/// A mounted UF2 bootloader drive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drive {
    pub path: PathBuf,
    /// The chip, when the drive is a Raspberry Pi RP2 boot ROM.
    pub chip: Option<Chip>,
    pub bootloader: String,
    pub model: String,
    pub board_id: String,
}

impl Drive {
    /// Reads the drive at `path`; a folder without `INFO_UF2.TXT` is not one.
    pub fn open(path: &Path) -> Result<Drive, DriveError> {
        let info = path.join(INFO_FILE);
        if !info.is_file() {
            return Err(DriveError::NotBootloader(path.to_owned()));
        }
        let bytes =
            std::fs::read(&info).map_err(|error| DriveError::Io { path: info.clone(), message: error.to_string() })?;
        Ok(Drive::parse(path, &String::from_utf8_lossy(&bytes)))
    }

    /// Parses `INFO_UF2.TXT`'s text.
    pub fn parse(path: &Path, text: &str) -> Drive {
        let field = |name: &str| {
            text.lines()
                .find_map(|line| line.trim().strip_prefix(name).map(|value| value.trim().to_string()))
                .unwrap_or_default()
        };
        let (model, board_id) = (field("Model:"), field("Board-ID:"));
        let bootloader = text.lines().next().unwrap_or("").trim().to_string();
        let chip = if board_id.starts_with("RPI-RP2") {
            Some(Chip::Rp2040)
        } else if board_id.starts_with("RP2350") || model.contains("RP2350") {
            Some(Chip::Rp2350)
        } else if model == "Raspberry Pi RP2" {
            Some(Chip::Rp2040)
        } else {
            None
        };
        Drive { path: path.to_owned(), chip, bootloader, model, board_id }
    }

    /// The drive, if it is an RP2 boot ROM for `chip`.
    pub fn check(self, chip: Chip) -> Result<Drive, DriveError> {
        match self.chip {
            None => Err(DriveError::NotRp2 { path: self.path, board_id: self.board_id, model: self.model }),
            Some(found) if found != chip => Err(DriveError::WrongFamily { path: self.path, expected: chip, found }),
            Some(_) => Ok(self),
        }
    }
}

impl fmt::Display for Drive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chip = self.chip.map_or_else(|| "not an RP2".to_string(), |chip| chip.to_string());
        write!(f, "{}  ({chip}; {}; Board-ID {})", self.path.display(), self.bootloader, self.board_id)
    }
}

/// A place to look for drives, and how many folder levels below it they sit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRoot {
    pub path: PathBuf,
    pub depth: usize,
}

/// The places to search: `RIME_BOOTSEL_SEARCH` (each folder's children, or
/// the folder itself) when set, else the desktop mount places.
pub fn search_roots(env: Option<OsString>) -> Vec<SearchRoot> {
    match env {
        Some(list) if !list.is_empty() => {
            std::env::split_paths(&list).map(|path| SearchRoot { path, depth: 1 }).collect()
        }
        _ => vec![
            SearchRoot { path: "/media".into(), depth: 2 },
            SearchRoot { path: "/run/media".into(), depth: 2 },
            SearchRoot { path: "/mnt".into(), depth: 1 },
        ],
    }
}

/// The roots from the real environment.
pub fn default_roots() -> Vec<SearchRoot> {
    search_roots(std::env::var_os(SEARCH_VAR))
}

/// Every UF2 bootloader drive under `roots` (RP2 or not), sorted by path.
/// Unreadable folders are skipped: a search must not fail on them.
pub fn find_drives(roots: &[SearchRoot]) -> Vec<Drive> {
    let mut drives = Vec::new();
    for root in roots {
        let mut level = vec![root.path.clone()];
        for depth in 0..=root.depth {
            let mut next = Vec::new();
            for folder in level {
                if let Ok(drive) = Drive::open(&folder) {
                    drives.push(drive);
                    continue;
                }
                if depth == root.depth {
                    continue;
                }
                let Ok(entries) = std::fs::read_dir(&folder) else { continue };
                next.extend(entries.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()));
            }
            level = next;
        }
    }
    drives.sort_by(|a, b| a.path.cmp(&b.path));
    drives.dedup_by(|a, b| a.path == b.path);
    drives
}

/// The one drive for `chip` among `drives`.
pub fn choose(drives: Vec<Drive>, chip: Chip, roots: &[SearchRoot]) -> Result<Drive, DriveError> {
    let rp2: Vec<Drive> = drives.into_iter().filter(|drive| drive.chip.is_some()).collect();
    let (mut matching, other): (Vec<Drive>, Vec<Drive>) = rp2.into_iter().partition(|drive| drive.chip == Some(chip));
    if matching.len() > 1 {
        return Err(DriveError::Several { chip, paths: matching.into_iter().map(|drive| drive.path).collect() });
    }
    match (matching.pop(), other.into_iter().next()) {
        (Some(drive), _) => Ok(drive),
        (None, Some(wrong)) => wrong.check(chip),
        (None, None) => Err(DriveError::NoDrive {
            searched: roots.iter().map(|root| root.path.display().to_string()).collect::<Vec<_>>().join(", "),
        }),
    }
}

/// Where `--uf2` sends the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A BOOTSEL drive: the file goes to its root.
    Drive(Drive),
    /// A plain `.uf2` file path, for copying by hand later.
    File(PathBuf),
}

/// Resolves `--uf2 [PATH]`: no path searches for the drive; a folder must be
/// an RP2 drive for `chip`; a path ending in `.uf2` is a file to write.
pub fn destination(path: Option<&Path>, chip: Chip, roots: &[SearchRoot]) -> Result<Destination, DriveError> {
    match path {
        None => choose(find_drives(roots), chip, roots).map(Destination::Drive),
        Some(path) if path.is_dir() => Drive::open(path)?.check(chip).map(Destination::Drive),
        Some(path) if path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("uf2")) => {
            Ok(Destination::File(path.to_owned()))
        }
        Some(path) => Err(DriveError::Io {
            path: path.to_owned(),
            message: "not a mounted drive (no such folder) and not a .uf2 file name".into(),
        }),
    }
}

/// What a copy did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub path: PathBuf,
    pub bytes: u64,
    /// The drive went away during the final sync: the board took the file and rebooted.
    pub drive_vanished: bool,
}

/// Writes `uf2` as `name` on the destination, syncing it to the device.
pub fn copy(
    destination: &Destination,
    name: &str,
    uf2: &[u8],
    progress: &mut CopyProgress,
) -> Result<Copied, DriveError> {
    let (path, info) = match destination {
        Destination::Drive(drive) => (drive.path.join(name), Some(drive.path.join(INFO_FILE))),
        Destination::File(path) => (path.clone(), None),
    };
    let io = |error: std::io::Error| DriveError::Io { path: path.clone(), message: error.to_string() };
    let mut file = std::fs::File::create(&path).map_err(io)?;
    let (mut done, total) = (0, uf2.len() as u64);
    // 64 KiB at a time (128 UF2 blocks), so the count moves on a slow drive.
    for chunk in uf2.chunks(64 * 1024) {
        file.write_all(chunk).map_err(io)?;
        done += chunk.len() as u64;
        progress.update(done, total);
    }
    let drive_vanished = match file.sync_all() {
        Ok(()) => false,
        Err(_) if info.as_ref().is_some_and(|info| !info.exists()) => true,
        Err(error) => return Err(io(error)),
    };
    Ok(Copied { path, bytes: uf2.len() as u64, drive_vanished })
}

#[cfg(test)]
mod tests {
    use super::super::synthetic::temp_dir;
    use super::*;

    const RP2040_INFO: &str = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n";
    const RP2350_INFO: &str = "UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n";
    const OTHER_INFO: &str =
        "UF2 Bootloader v3.16.0 SFHWRO\nModel: Adafruit Feather M0\nBoard-ID: SAMD21G18A-Feather-v0\n";

    /// Lays out `root/<user>/<label>/` like a desktop mount, with INFO_UF2.TXT
    /// and the INDEX.HTM the boot ROM also shows.
    fn mount(root: &Path, user: &str, label: &str, info: &str) -> PathBuf {
        let drive = root.join(user).join(label);
        std::fs::create_dir_all(&drive).unwrap();
        std::fs::write(drive.join(INFO_FILE), info).unwrap();
        std::fs::write(drive.join("INDEX.HTM"), "<html><head><meta http-equiv=\"refresh\" content=\"0;URL='https://raspberrypi.com/device/RP2?version=E0C9125B0D9B'\"/></head></html>").unwrap();
        drive
    }

    fn roots(path: &Path) -> Vec<SearchRoot> {
        vec![SearchRoot { path: path.to_owned(), depth: 2 }]
    }

    #[test]
    fn info_files_name_the_chip() {
        let drive = Drive::parse(Path::new("/media/u/RPI-RP2"), RP2040_INFO);
        assert_eq!(
            (drive.chip, drive.model.as_str(), drive.board_id.as_str()),
            (Some(Chip::Rp2040), "Raspberry Pi RP2", "RPI-RP2")
        );
        assert_eq!(drive.bootloader, "UF2 Bootloader v3.0");
        assert_eq!(Drive::parse(Path::new("/x"), RP2350_INFO).chip, Some(Chip::Rp2350));
        assert_eq!(Drive::parse(Path::new("/x"), "Model: Raspberry Pi RP2\r\n").chip, Some(Chip::Rp2040));
        assert_eq!(Drive::parse(Path::new("/x"), OTHER_INFO).chip, None);
        assert_eq!(Drive::parse(Path::new("/x"), "").chip, None);
    }

    #[test]
    fn drives_are_found_where_desktops_mount_them() {
        let root = temp_dir("drives-found");
        let pico = mount(&root, "alice", "RPI-RP2", RP2040_INFO);
        let pico2 = mount(&root, "alice", "RP2350", RP2350_INFO);
        let feather = mount(&root, "bob", "FEATHERBOOT", OTHER_INFO);
        std::fs::create_dir_all(root.join("alice/USB-STICK/photos")).unwrap();
        let drives = find_drives(&roots(&root));
        let paths: Vec<&Path> = drives.iter().map(|drive| drive.path.as_path()).collect();
        assert_eq!(paths, [pico2.as_path(), pico.as_path(), feather.as_path()]);
        assert_eq!(choose(drives.clone(), Chip::Rp2040, &roots(&root)).unwrap().path, pico);
        assert_eq!(choose(drives, Chip::Rp2350, &roots(&root)).unwrap().path, pico2);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_wrong_family_drive_is_refused() {
        let root = temp_dir("drives-wrong-family");
        let pico2 = mount(&root, "alice", "RP2350", RP2350_INFO);
        let error = choose(find_drives(&roots(&root)), Chip::Rp2040, &roots(&root)).unwrap_err();
        assert!(matches!(&error, DriveError::WrongFamily { expected: Chip::Rp2040, found: Chip::Rp2350, .. }));
        assert!(error.to_string().contains("is an RP2350, but the firmware is for an RP2040"), "{error}");
        let error = destination(Some(&pico2), Chip::Rp2040, &[]).unwrap_err();
        assert!(matches!(error, DriveError::WrongFamily { .. }), "{error}");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn folders_that_are_not_rp2_bootloaders_are_refused() {
        let root = temp_dir("drives-not-bootloader");
        let stick = root.join("alice/USB-STICK");
        std::fs::create_dir_all(&stick).unwrap();
        let error = destination(Some(&stick), Chip::Rp2040, &[]).unwrap_err();
        assert!(error.to_string().ends_with("is not a UF2 bootloader drive: it has no INFO_UF2.TXT"), "{error}");
        let feather = mount(&root, "bob", "FEATHERBOOT", OTHER_INFO);
        let error = destination(Some(&feather), Chip::Rp2040, &[]).unwrap_err();
        assert!(error.to_string().contains("not a Raspberry Pi RP2 one (Board-ID `SAMD21G18A-Feather-v0`"), "{error}");
        let missing = root.join("nowhere");
        assert!(matches!(destination(Some(&missing), Chip::Rp2040, &[]), Err(DriveError::Io { .. })));
        let error = choose(find_drives(&roots(&root)), Chip::Rp2040, &roots(&root)).unwrap_err();
        assert!(error.to_string().starts_with("no BOOTSEL drive is mounted"), "{error}");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn several_matching_drives_need_a_path() {
        let root = temp_dir("drives-several");
        mount(&root, "alice", "RPI-RP2", RP2040_INFO);
        mount(&root, "alice", "RPI-RP21", RP2040_INFO);
        let error = choose(find_drives(&roots(&root)), Chip::Rp2040, &roots(&root)).unwrap_err();
        assert!(matches!(&error, DriveError::Several { paths, .. } if paths.len() == 2), "{error}");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn copying_writes_and_syncs_the_file() {
        let root = temp_dir("drives-copy");
        let drive = mount(&root, "alice", "RPI-RP2", RP2040_INFO);
        let destination = destination(None, Chip::Rp2040, &roots(&root)).unwrap();
        let uf2: Vec<u8> = (0..200 * 512).map(|index| (index % 251) as u8).collect();
        let copied = copy(&destination, "rime-pico.uf2", &uf2, &mut CopyProgress::hidden()).unwrap();
        assert_eq!(
            copied,
            Copied { path: drive.join("rime-pico.uf2"), bytes: uf2.len() as u64, drive_vanished: false }
        );
        assert_eq!(std::fs::read(&copied.path).unwrap(), uf2);
        let file = root.join("image-only.uf2");
        let Destination::File(path) = super::destination(Some(&file), Chip::Rp2350, &[]).unwrap() else {
            panic!("a .uf2 path is a file destination")
        };
        assert_eq!(path, file);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn the_search_places_follow_the_environment() {
        let defaults = search_roots(None);
        let places: Vec<&Path> = defaults.iter().map(|root| root.path.as_path()).collect();
        assert_eq!(places, [Path::new("/media"), Path::new("/run/media"), Path::new("/mnt")]);
        let custom = search_roots(Some(OsString::from("/tmp/a:/tmp/b")));
        assert_eq!(
            custom,
            [SearchRoot { path: "/tmp/a".into(), depth: 1 }, SearchRoot { path: "/tmp/b".into(), depth: 1 }]
        );
        assert_eq!(search_roots(Some(OsString::new())).len(), 3);
    }
}
