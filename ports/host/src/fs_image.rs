//! `--fs FILE`: a littlefs image file as the host's filesystem, mounted at
//! `/` before the program runs and written back atomically afterwards.
//!
//! A missing file is created with MicroPython's rp2 geometry (4096-byte
//! blocks, the Pico's 352 of them) and formatted; an existing one keeps its
//! size (a whole number of 4096-byte blocks) and must mount: rime never
//! formats a file it did not create.

use std::path::{Path, PathBuf};
use std::pin::Pin;

use anyhow::{bail, Context as _};
use rime_fs::{Filesystem, Geometry, MemoryDevice};
use rime_vm::port::filesystem::{Vfs, VfsState};

/// The blocks of a new image: the Pico's MicroPython filesystem (1,408 KiB).
pub const DEFAULT_BLOCKS: u32 = 352;

/// A mounted image file and the VM's state beside it.
pub struct HostFilesystem {
    volume: Pin<Box<Filesystem<MemoryDevice<Vec<u8>>>>>,
    state: VfsState,
    path: PathBuf,
}

impl HostFilesystem {
    /// Opens (or creates and formats) the image at `path` and mounts it.
    pub fn open(path: &Path) -> anyhow::Result<HostFilesystem> {
        let block_size = Geometry::micropython_rp2(DEFAULT_BLOCKS).block_size as usize;
        let (bytes, fresh) = match std::fs::read(path) {
            Ok(bytes) => (bytes, false),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (vec![0xff; block_size * DEFAULT_BLOCKS as usize], true)
            }
            Err(error) => return Err(error).with_context(|| format!("reading {}", path.display())),
        };
        if bytes.is_empty() || bytes.len() % block_size != 0 {
            bail!("{}: {} bytes is not a whole number of {block_size}-byte blocks", path.display(), bytes.len());
        }
        let geometry = Geometry::micropython_rp2((bytes.len() / block_size) as u32);
        let device = MemoryDevice::new(bytes, block_size as u32).map_err(anyhow::Error::msg)?;
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
    /// back: a temporary file beside it, then a rename.
    pub fn save(mut self) -> anyhow::Result<()> {
        let unmounted = self.volume.as_mut().unmount();
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
