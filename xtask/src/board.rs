//! The boards: one [`Board`] for every `ports/<port>/boards/<name>/board.toml`,
//! whatever its port, and the facts every command asks of it.
//!
//! A board is its name, its port ([`Port`]: the host runner, a QEMU machine
//! or an RP2 chip, each with the table `rime-board-schema` reads from its
//! file) and its folder. The commands ask it, instead of testing names:
//!
//! - where an image for it is linked to run ([`Board::link_address`]): the
//!   RP2 frozen-image region, or the image format's default address on the
//!   host and on QEMU (whose loader copies the image to `image_origin`);
//! - its heap ([`Board::heap_size`]);
//! - how a frozen image is packaged ([`Board::packaging`]): alone, or linked
//!   into the runtime firmware as ELF, UF2 and BIN;
//! - how a program runs on it ([`Board::runner`]).
//!
//! Board names are unique across ports; [`Board::find`] scans the ports in
//! sorted order and names every board when the name is unknown.

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context as _};

pub use rime_board_schema::{
    HostBoard, QemuBoard, Rp2Board, MIN_STACK, MODULE_INFO_SIZE, MODULE_INFO_SLOTS, MODULE_INFO_SLOT_SIZE,
};

/// A board's port, with the board's own table.
#[derive(Debug, Clone)]
pub enum Port {
    /// The development machine (`ports/host`).
    Host(HostBoard),
    /// A QEMU machine (`ports/qemu`).
    Qemu(QemuBoard),
    /// A Raspberry Pi RP2040 or RP2350 board (`ports/rp2`).
    Rp2(Rp2Board),
}

/// How the freezer packages an image for a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packaging {
    /// `frozen.img` alone: the runner (host) or the loader (QEMU) takes it as it is.
    Image,
    /// Linked into the board's runtime firmware: `firmware.elf`, `.uf2` and `.bin`.
    Firmware,
}

/// How a program runs on a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    /// The host runner, `rime-host`, on the image.
    HostRunner,
    /// `qemu-system-arm` on the QEMU port's runtime, the loader placing the image.
    Qemu,
    /// On the board itself (`cargo xtask flash`), or the Pico in rp2040js (`--emulate`).
    Rp2,
}

/// One board.
#[derive(Debug, Clone)]
pub struct Board {
    pub name: String,
    /// `ports/<port>/boards/<name>`.
    pub dir: PathBuf,
    pub port: Port,
}

/// The ports, each with the folder its boards live in.
const PORTS: [&str; 3] = ["host", "qemu", "rp2"];

impl Board {
    /// The board `name`, from `ports/<port>/boards/<name>/board.toml`.
    pub fn find(name: &str) -> anyhow::Result<Board> {
        Board::find_under(&crate::project_root(), name)
    }

    /// [`Board::find`] in the checkout at `root`.
    pub fn find_under(root: &Path, name: &str) -> anyhow::Result<Board> {
        for port in PORTS {
            let dir = root.join("ports").join(port).join("boards").join(name);
            if dir.join("board.toml").is_file() {
                return Board::read(port, &dir);
            }
        }
        let known: Vec<String> = Board::all_under(root)?.into_iter().map(|board| board.name).collect();
        bail!("unknown board `{name}` (boards: {})", known.join(", "))
    }

    /// Every board of every port, ports in order, boards sorted by name.
    pub fn all() -> anyhow::Result<Vec<Board>> {
        Board::all_under(&crate::project_root())
    }

    /// [`Board::all`] in the checkout at `root`.
    pub fn all_under(root: &Path) -> anyhow::Result<Vec<Board>> {
        let mut boards = Vec::new();
        for port in PORTS {
            let boards_dir = root.join("ports").join(port).join("boards");
            let mut dirs: Vec<PathBuf> = std::fs::read_dir(&boards_dir)
                .with_context(|| format!("reading {}", boards_dir.display()))?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|dir| dir.join("board.toml").is_file())
                .collect();
            dirs.sort();
            for dir in dirs {
                boards.push(Board::read(port, &dir)?);
            }
        }
        Ok(boards)
    }

    fn read(port: &str, dir: &Path) -> anyhow::Result<Board> {
        let path = dir.join("board.toml");
        let port = match port {
            "host" => Port::Host(rime_board_schema::read(&path)?),
            "qemu" => Port::Qemu(rime_board_schema::read(&path)?),
            _ => {
                let board: Rp2Board = rime_board_schema::read(&path)?;
                let manifest = dir.join(&board.manifest);
                ensure!(manifest.is_file(), "{}: the manifest {} does not exist", path.display(), manifest.display());
                Port::Rp2(board)
            }
        };
        let name = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(Board { name, dir: dir.to_path_buf(), port })
    }

    /// The address an image for this board is linked to run at.
    pub fn link_address(&self) -> u32 {
        match &self.port {
            Port::Rp2(board) => board.frozen_origin,
            Port::Host(_) | Port::Qemu(_) => rime_bytecode::image::FLASH_BASE,
        }
    }

    /// The VM's heap on this board, in bytes; `None` on the host, whose
    /// runner takes `--heap` or its own default.
    pub fn heap_size(&self) -> Option<u32> {
        match &self.port {
            Port::Host(_) => None,
            Port::Qemu(board) => u32::try_from(board.heap_size).ok(),
            Port::Rp2(board) => Some(board.heap_size),
        }
    }

    /// How a frozen image for this board is packaged.
    pub fn packaging(&self) -> Packaging {
        match self.port {
            Port::Rp2(_) => Packaging::Firmware,
            Port::Host(_) | Port::Qemu(_) => Packaging::Image,
        }
    }

    /// How a program runs on this board.
    pub fn runner(&self) -> Runner {
        match self.port {
            Port::Host(_) => Runner::HostRunner,
            Port::Qemu(_) => Runner::Qemu,
            Port::Rp2(_) => Runner::Rp2,
        }
    }

    /// Whether the board's runtime can compile Python source at import time
    /// (needed for modules frozen as source): the host runner always can, a
    /// QEMU or RP2 board unless its board.toml says `compiler = false`.
    pub fn has_compiler(&self) -> bool {
        match &self.port {
            Port::Host(_) => true,
            Port::Qemu(board) => board.compiler,
            Port::Rp2(board) => board.compiler,
        }
    }

    /// `ports/<port>`.
    pub fn port_dir(&self) -> PathBuf {
        self.dir.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default()
    }

    /// Where the freezer writes this board's files: `firmware/<name>`.
    pub fn output_dir(&self) -> PathBuf {
        crate::project_root().join("firmware").join(&self.name)
    }
}

/// The `ports` folder.
fn ports_dir() -> PathBuf {
    crate::project_root().join("ports")
}

/// Every QEMU board, sorted by name.
pub fn qemu_boards() -> anyhow::Result<Vec<QemuBoard>> {
    let boards = rime_board_schema::read_all::<QemuBoard>(&ports_dir().join("qemu/boards"))?;
    ensure!(!boards.is_empty(), "no boards under ports/qemu/boards");
    Ok(boards)
}

/// Every RP2 board, sorted by name.
pub fn rp2_boards() -> anyhow::Result<Vec<Rp2Board>> {
    let mut boards = Vec::new();
    for board in Board::all()? {
        if let Port::Rp2(board) = board.port {
            boards.push(board);
        }
    }
    ensure!(!boards.is_empty(), "no boards under ports/rp2/boards");
    Ok(boards)
}

/// The RP2 board `name`.
pub fn rp2_board(name: &str) -> anyhow::Result<Rp2Board> {
    match Board::find(name) {
        Ok(Board { port: Port::Rp2(board), .. }) => Ok(board),
        _ => {
            let known: Vec<String> = rp2_boards()?.into_iter().map(|board| board.name).collect();
            bail!("unknown RP2 board `{name}` (boards: {})", known.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_board_is_found_with_its_port_and_packaging() {
        let boards = Board::all().unwrap();
        let port_name = |board: &Board| board.port_dir().file_name().unwrap().to_string_lossy().into_owned();
        let names: Vec<(String, &str)> = boards.iter().map(|board| (port_name(board), board.name.as_str())).collect();
        assert_eq!(
            names,
            [
                ("host", "host"),
                ("qemu", "qemu-m0"),
                ("qemu", "qemu-m33"),
                ("rp2", "pico"),
                ("rp2", "pico2"),
                ("rp2", "pico2_w"),
                ("rp2", "pico_w")
            ]
            .map(|(port, name)| (port.to_string(), name))
        );
        let host = Board::find("host").unwrap();
        assert_eq!((host.packaging(), host.runner(), host.heap_size()), (Packaging::Image, Runner::HostRunner, None));
        assert_eq!(host.link_address(), rime_bytecode::image::FLASH_BASE);
        let m0 = Board::find("qemu-m0").unwrap();
        assert_eq!((m0.packaging(), m0.runner(), m0.heap_size()), (Packaging::Image, Runner::Qemu, Some(0x30000)));
        assert!(host.has_compiler() && m0.has_compiler());
        assert_eq!(m0.port_dir(), crate::project_root().join("ports/qemu"));
        let pico = Board::find("pico").unwrap();
        assert_eq!((pico.packaging(), pico.runner()), (Packaging::Firmware, Runner::Rp2));
        assert_eq!(pico.link_address(), 0x100c_0000);
        let error = Board::find("esp32").unwrap_err().to_string();
        assert!(error.contains("unknown board `esp32`") && error.contains("qemu-m33, pico"), "{error}");
        assert!(rp2_board("qemu-m0").unwrap_err().to_string().contains("unknown RP2 board"));
    }

    #[test]
    fn the_qemu_boards_match_the_thumb_targets() {
        let boards = qemu_boards().unwrap();
        let targets: Vec<&str> = boards.iter().map(|board| board.target.as_str()).collect();
        assert_eq!(targets, crate::toolchain::THUMB_TARGETS);
        let m0 = &boards[0];
        assert_eq!((m0.machine.as_str(), m0.flash_origin, m0.ram_origin), ("mps2-an385", 0, 0x2000_0000));
        let m33 = &boards[1];
        assert_eq!((m33.machine.as_str(), m33.flash_origin, m33.ram_origin), ("mps2-an505", 0x1000_0000, 0x3800_0000));
        assert!(boards.iter().all(|board| board.flash_size == 4 << 20));
    }
}
