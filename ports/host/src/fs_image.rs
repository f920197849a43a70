//! `--fs FILE`: a littlefs image file as the host's filesystem, mounted at
//! `/`. A program run (`cargo xtask run`) works on a copy in memory that is
//! written back atomically afterwards; the REPL (`cargo xtask repl`), which
//! runs until it is killed, writes every program and erase through to the
//! file as it happens, as a board's flash would keep it, so the file is a
//! valid littlefs image whenever no write is under way (littlefs survives
//! losing power, and so being killed, in the middle of one).
//!
//! A missing file is created with MicroPython's rp2 geometry (4096-byte
//! blocks, the Pico's 352 of them) and formatted; an existing one keeps its
//! size (a whole number of 4096-byte blocks) and must mount: rime never
//! formats a file it did not create.

use std::fs::File;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::pin::Pin;

use anyhow::{bail, Context as _};
use rime_fs::{BlockDevice, Filesystem, FsError, Geometry, MemoryDevice};
use rime_vm::port::filesystem::{Vfs, VfsState};

/// The image's bytes in memory and, when it writes through, the file.
pub struct ImageDevice {
    memory: MemoryDevice<Vec<u8>>,
    through: Option<File>,
    block_size: u32,
}

impl ImageDevice {
    /// The image's bytes as they are now.
    pub fn bytes(&self) -> &[u8] {
        self.memory.bytes()
    }

    /// Writes `data` at `block`, `offset` into the file, if writing through.
    fn write_through(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        let Some(file) = &self.through else { return Ok(()) };
        let at = u64::from(block) * u64::from(self.block_size) + u64::from(offset);
        file.write_all_at(data, at).map_err(|_| FsError::Io)
    }
}

impl BlockDevice for ImageDevice {
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError> {
        self.memory.read(block, offset, buffer)
    }

    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        self.memory.prog(block, offset, data)?;
        self.write_through(block, offset, data)
    }

    fn erase(&mut self, block: u32) -> Result<(), FsError> {
        self.memory.erase(block)?;
        let erased = vec![0xff; self.block_size as usize];
        self.write_through(block, 0, &erased)
    }
}

/// The blocks of a new image: the Pico's MicroPython filesystem (1,408 KiB).
pub const DEFAULT_BLOCKS: u32 = 352;

/// A mounted image file and the VM's state beside it.
pub struct HostFilesystem {
    volume: Pin<Box<Filesystem<ImageDevice>>>,
    state: VfsState,
    path: PathBuf,
}

impl HostFilesystem {
    /// Opens (or creates and formats) the image at `path` and mounts it;
    /// [`HostFilesystem::save`] writes it back.
    pub fn open(path: &Path) -> anyhow::Result<HostFilesystem> {
        HostFilesystem::open_with(path, false, DEFAULT_BLOCKS)
    }

    /// [`HostFilesystem::open`], creating a missing image with `blocks`
    /// blocks (a board's filesystem region).
    pub fn open_sized(path: &Path, blocks: u32) -> anyhow::Result<HostFilesystem> {
        HostFilesystem::open_with(path, false, blocks)
    }

    /// Opens the image at `path` (created and formatted first when missing)
    /// and mounts it, writing every change through to the file at once.
    pub fn open_live(path: &Path) -> anyhow::Result<HostFilesystem> {
        if !path.exists() {
            HostFilesystem::open(path)?.save()?;
        }
        HostFilesystem::open_with(path, true, DEFAULT_BLOCKS)
    }

    fn open_with(path: &Path, live: bool, new_blocks: u32) -> anyhow::Result<HostFilesystem> {
        let block_size = Geometry::micropython_rp2(DEFAULT_BLOCKS).block_size as usize;
        let (bytes, fresh) = match std::fs::read(path) {
            Ok(bytes) => (bytes, false),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (vec![0xff; block_size * new_blocks as usize], true)
            }
            Err(error) => return Err(error).with_context(|| format!("reading {}", path.display())),
        };
        if bytes.is_empty() || bytes.len() % block_size != 0 {
            bail!("{}: {} bytes is not a whole number of {block_size}-byte blocks", path.display(), bytes.len());
        }
        let geometry = Geometry::micropython_rp2((bytes.len() / block_size) as u32);
        let memory = MemoryDevice::new(bytes, block_size as u32).map_err(anyhow::Error::msg)?;
        let through = match live {
            true => Some(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("opening {} to write", path.display()))?,
            ),
            false => None,
        };
        let device = ImageDevice { memory, through, block_size: block_size as u32 };
        let mut volume = Box::pin(Filesystem::new(device, geometry).map_err(anyhow::Error::msg)?);
        if fresh {
            volume.as_mut().format().map_err(anyhow::Error::msg).context("formatting a new image")?;
        }
        volume
            .as_mut()
            .mount()
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("{}: not a littlefs v2 image with 4096-byte blocks", path.display()))?;
        Ok(HostFilesystem { volume, state: VfsState::default(), path: path.to_owned() })
    }

    /// What the VM reaches through `Port::filesystem`.
    pub fn vfs(&mut self) -> Vfs<'_> {
        Vfs { volume: &mut self.volume, state: &mut self.state }
    }

    /// Unmounts (closing files the program left open) and writes the image
    /// back: a temporary file beside it, then a rename (a live image is
    /// already in its file).
    pub fn save(mut self) -> anyhow::Result<()> {
        let unmounted = self.volume.as_mut().unmount();
        if self.volume.device().through.is_some() {
            return unmounted.map_err(anyhow::Error::msg).context("closing the files the program left open");
        }
        let bytes = self.volume.device().bytes();
        let mut temporary = self.path.clone().into_os_string();
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        std::fs::write(&temporary, bytes).with_context(|| format!("writing {}", temporary.display()))?;
        std::fs::rename(&temporary, &self.path).with_context(|| format!("replacing {}", self.path.display()))?;
        unmounted.map_err(anyhow::Error::msg).context("closing the files the program left open")
    }
}

/// Runs an image as [`crate::run_image`] does, with the image file `fs` (if
/// any) mounted at `/` first and written back afterwards, however the
/// program ended. As on a board, `boot.py` and then `main.py` from the
/// filesystem run after the frozen main module finished.
pub fn run_image_with_filesystem(
    image: &[u8],
    heap_size: usize,
    config: rime_vm::Config,
    port: &mut crate::HostPort,
    fs: Option<&Path>,
) -> anyhow::Result<rime_vm::Outcome> {
    let Some(path) = fs else {
        return crate::run_image(image, heap_size, config, port);
    };
    port.filesystem = Some(HostFilesystem::open(path)?);
    let outcome = (|| {
        let view = rime_vm::ImageView::new(image, rime_vm::abi().abi_id)
            .map_err(|problem| anyhow::anyhow!("cannot run this image: {problem:?}"))?;
        let mut heap = vec![0u8; heap_size];
        let mut vm = rime_vm::Vm::new(&mut heap, view, port, config)
            .map_err(|_| anyhow::anyhow!("the heap is too small to start"))?;
        Ok(match vm.run_main_module() {
            rime_vm::Outcome::Finished => vm.run_boot_scripts(),
            other => other,
        })
    })();
    if let Some(filesystem) = port.filesystem.take() {
        filesystem.save()?;
    }
    outcome
}
