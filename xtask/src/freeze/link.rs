//! Linking a frozen image into a board's runtime firmware: `cargo xtask
//! freeze --board pico|pico_w|pico2|pico2_w` ends here.
//!
//! The runtime ELF (`firmware/B/runtime.elf`, from `cargo xtask build
//! --board B`) is reused as it is; it is built only when it is missing, never
//! because Python changed. [`add_segment`] writes a new ELF32 file: the
//! runtime's bytes unchanged, then the image, then a copy of the program
//! header table with one more `PT_LOAD` segment holding the image at the
//! board's frozen-image region (`p_paddr = p_vaddr = frozen_origin`), and
//! the ELF header pointing at that table. Everything else stays byte for
//! byte the same, so debuggers still find every symbol and section. The
//! result is read back with the `elf` crate before it is written.
//!
//! From the linked ELF come `firmware.uf2` (our UF2 writer over the ELF's
//! segments; RP2350 files start with the E10 absolute block) and
//! `firmware.bin` (flash from `flash_origin` to the end of the image, gaps
//! filled with 0xFF, as an erased flash reads). All four files, with
//! `frozen.img`, are written atomically. The same inputs give byte-identical
//! files.

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context as _};
use elf::abi::PT_LOAD;
use elf::endian::AnyEndian;
use elf::ElfBytes;

use crate::rp2::{self, Rp2Board};
use crate::uf2;

/// ELF program header type of the program header table itself.
const PT_PHDR: u32 = 6;
/// The segment's flags: readable (the image is data, run in place).
const PF_R: u32 = 4;
/// The size of one ELF32 program header.
const PHDR_SIZE: usize = 32;

/// The firmware files of one board, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    pub elf: Vec<u8>,
    pub uf2: Vec<u8>,
    pub bin: Vec<u8>,
}

/// Where the linked files of `board` go.
pub struct Paths {
    pub dir: PathBuf,
    pub runtime_elf: PathBuf,
}

impl Paths {
    pub fn of(root: &Path, board: &str) -> Paths {
        let dir = root.join("firmware").join(board);
        Paths { runtime_elf: dir.join("runtime.elf"), dir }
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn put_u16(bytes: &mut [u8], at: usize, value: u16) {
    bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

fn put_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

/// A copy of the little-endian ELF32 file `elf` with one more `PT_LOAD`
/// segment holding `data` at `address` (see the module docs).
pub fn add_segment(elf: &[u8], address: u32, data: &[u8]) -> anyhow::Result<Vec<u8>> {
    ensure!(elf.len() >= 52 && elf[..4] == *b"\x7fELF", "not an ELF file");
    ensure!(elf[4] == 1 && elf[5] == 1, "not a little-endian 32-bit ELF file");
    let (phoff, phentsize, phnum) = (u32_at(elf, 0x1c) as usize, u16_at(elf, 0x2a) as usize, u16_at(elf, 0x2c));
    ensure!(phentsize == PHDR_SIZE, "unexpected program header size {phentsize}");
    ensure!(phnum < 0xffff, "too many program headers");
    let table_end = phoff + PHDR_SIZE * usize::from(phnum);
    ensure!(table_end <= elf.len(), "the program header table runs past the end of the file");
    let old_table = &elf[phoff..table_end];
    for header in old_table.chunks(PHDR_SIZE) {
        ensure!(
            u32_at(header, 0) != PT_PHDR,
            "the runtime ELF maps its own program headers (PT_PHDR); cannot move them"
        );
    }
    let mut out = elf.to_vec();
    out.resize(elf.len().next_multiple_of(4), 0);
    let data_offset = out.len();
    out.extend_from_slice(data);
    out.resize(out.len().next_multiple_of(4), 0);
    let new_phoff = out.len();
    out.extend_from_slice(old_table);
    let mut header = [0u8; PHDR_SIZE];
    let fields = [PT_LOAD, data_offset as u32, address, address, data.len() as u32, data.len() as u32, PF_R, 4];
    for (index, value) in fields.into_iter().enumerate() {
        put_u32(&mut header, 4 * index, value);
    }
    out.extend_from_slice(&header);
    put_u32(&mut out, 0x1c, u32::try_from(new_phoff).context("the ELF file is over 4 GiB")?);
    put_u16(&mut out, 0x2c, phnum + 1);
    verify(&out, address, data)?;
    Ok(out)
}

/// Reads the linked ELF back with the `elf` crate: the new segment is there
/// with exactly `data`.
fn verify(linked: &[u8], address: u32, data: &[u8]) -> anyhow::Result<()> {
    let file = ElfBytes::<AnyEndian>::minimal_parse(linked).context("the linked ELF does not parse")?;
    let segments = file.segments().context("the linked ELF has no program headers")?;
    let found = segments
        .iter()
        .find(|header| {
            header.p_type == PT_LOAD && header.p_paddr == u64::from(address) && header.p_vaddr == u64::from(address)
        })
        .context("the linked ELF lacks the image segment")?;
    ensure!(
        file.segment_data(&found).context("reading the image segment")? == data,
        "the image segment reads back wrong"
    );
    Ok(())
}

/// Flash from `flash_start` to the end of the last segment, gaps 0xFF.
pub fn flat_binary(segments: &[uf2::Segment], flash_start: u32) -> anyhow::Result<Vec<u8>> {
    let end = segments
        .iter()
        .map(|segment| segment.address as usize + segment.data.len())
        .max()
        .context("nothing to load")?;
    let mut out = vec![0xffu8; end - flash_start as usize];
    for segment in segments {
        ensure!(segment.address >= flash_start, "a segment at {:#010x} lies before flash", segment.address);
        let at = (segment.address - flash_start) as usize;
        out[at..at + segment.data.len()].copy_from_slice(&segment.data);
    }
    Ok(out)
}

/// Links `image` (linked at `board.frozen_origin`) into `runtime_elf`.
pub fn link(board: &Rp2Board, runtime_elf: &[u8], image: &[u8]) -> anyhow::Result<Linked> {
    let region = board.frozen_region();
    if image.len() as u64 > u64::from(board.frozen_size) {
        bail!(
            "{}: the image ({} bytes) does not fit the frozen-image region {:#010x}..{:#010x} ({} bytes)",
            board.name,
            image.len(),
            region.start,
            region.end,
            board.frozen_size
        );
    }
    rp2::footprint(board, runtime_elf).context("the runtime ELF does not fit this board")?;
    let elf = add_segment(runtime_elf, board.frozen_origin, image)?;
    let segments = uf2::elf_segments(&elf, board.flash())?;
    let uf2 = uf2::from_segments(&segments, board.family()?)?;
    let bin = flat_binary(&segments, board.flash_origin)?;
    Ok(Linked { elf, uf2, bin })
}

/// The runtime ELF of `board`: read as built, or built now when missing.
pub fn runtime_elf(board: &Rp2Board, paths: &Paths) -> anyhow::Result<Vec<u8>> {
    if !paths.runtime_elf.exists() {
        println!("{} is missing: building the runtime for {} once", paths.runtime_elf.display(), board.name);
        let sh = xshell::Shell::new()?;
        rp2::build_board(&sh, board)?;
    }
    std::fs::read(&paths.runtime_elf).with_context(|| format!("reading {}", paths.runtime_elf.display()))
}

/// Writes the linked files and the image.
pub fn write(paths: &Paths, image: &[u8], linked: &Linked) -> anyhow::Result<()> {
    super::write_atomically(&paths.dir.join("frozen.img"), image)?;
    super::write_atomically(&paths.dir.join("firmware.elf"), &linked.elf)?;
    super::write_atomically(&paths.dir.join("firmware.uf2"), &linked.uf2)?;
    super::write_atomically(&paths.dir.join("firmware.bin"), &linked.bin)?;
    Ok(())
}

/// `cargo xtask freeze --board B` for an RP2 board: freezes the inputs linked
/// at the board's frozen-image region, links them into the runtime ELF and
/// writes the firmware files with the size report.
pub fn run(args: &super::Args, board: &Rp2Board) -> crate::Outcome {
    let started = std::time::Instant::now();
    let root = crate::project_root();
    let inputs = match super::load_inputs(args, &root)? {
        Ok(inputs) => inputs,
        Err(rendered) => {
            eprint!("{rendered}");
            return Ok(std::process::ExitCode::FAILURE);
        }
    };
    let cache = root.join("target/freeze-cache");
    let frozen = match super::freeze_at(&inputs, &board.name, board.frozen_origin, Some(&cache))? {
        Ok(frozen) => frozen,
        Err(rendered) => {
            eprint!("{rendered}");
            return Ok(std::process::ExitCode::FAILURE);
        }
    };
    let paths = Paths::of(&root, &board.name);
    let runtime = runtime_elf(board, &paths)?;
    let linked = link(board, &runtime, &frozen.image.bytes)?;
    write(&paths, &frozen.image.bytes, &linked)?;
    let report = super::report::Report::new(&board.name, &frozen);
    super::write_atomically(
        &paths.dir.join("size-report.json"),
        (serde_json::to_string_pretty(&report)? + "\n").as_bytes(),
    )?;
    super::write_atomically(&paths.dir.join("size-report.html"), report.html().as_bytes())?;
    print!("{}", report.text());
    let footprint = rp2::footprint(board, &runtime)?;
    println!(
        "{}: runtime {} bytes of {} KiB, image {} bytes of the {} KiB region at {:#010x}, heap {} KiB",
        board.name,
        footprint.flash,
        board.runtime_size / 1024,
        frozen.image.bytes.len(),
        board.frozen_size / 1024,
        board.frozen_origin,
        board.heap_size / 1024
    );
    println!(
        "wrote {}/{{frozen.img, firmware.elf, firmware.uf2 ({} bytes), firmware.bin ({} bytes)}} in {:.1} ms ({} of {} modules compiled)",
        paths.dir.display(),
        linked.uf2.len(),
        linked.bin.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        frozen.compiled,
        frozen.mpy_sizes.len()
    );
    Ok(std::process::ExitCode::SUCCESS)
}

/// `cargo xtask run --board pico --emulate FILE|MANIFEST`: freezes for the
/// Pico, boots `firmware/pico/firmware.uf2` in rp2040js and prints UART0 and
/// what GPIO25 did. The run ends when the board idles after the program.
pub fn run_emulated(input: &Path) -> crate::Outcome {
    let args = super::Args { board: "pico".into(), manifest: input.to_path_buf(), vars: Vec::new(), libs: Vec::new() };
    let code = super::run(args)?;
    if code != std::process::ExitCode::SUCCESS {
        return Ok(code);
    }
    let uf2 = crate::project_root().join("firmware/pico/firmware.uf2");
    let output = crate::emulate::run_pico_uf2(&uf2, "idle", 200_000_000)?;
    print!("{}", output.uart);
    println!("GPIO25: {} toggles\n{}", output.gpio25_toggles, output.summary);
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small ELF32 with one PT_LOAD segment of `code` at 0x10000000 and a
    /// section header table after it (which must survive unchanged).
    fn small_elf(code: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; 52];
        out[..4].copy_from_slice(b"\x7fELF");
        out[4..7].copy_from_slice(&[1, 1, 1]);
        put_u16(&mut out, 0x10, 2);
        put_u16(&mut out, 0x12, 40);
        put_u32(&mut out, 0x14, 1);
        put_u32(&mut out, 0x18, 0x1000_0001);
        put_u32(&mut out, 0x1c, 52);
        put_u16(&mut out, 0x28, 52);
        put_u16(&mut out, 0x2a, 32);
        put_u16(&mut out, 0x2c, 1);
        put_u16(&mut out, 0x2e, 40);
        let code_offset = 52 + 32;
        let mut header = [0u8; 32];
        for (index, value) in
            [1, code_offset as u32, 0x1000_0000, 0x1000_0000, code.len() as u32, code.len() as u32, 5, 4]
                .into_iter()
                .enumerate()
        {
            put_u32(&mut header, 4 * index, value);
        }
        out.extend_from_slice(&header);
        out.extend_from_slice(code);
        // An empty section header table (one null entry) after the code.
        let shoff = out.len().next_multiple_of(4);
        out.resize(shoff + 40, 0);
        put_u32(&mut out, 0x20, shoff as u32);
        put_u16(&mut out, 0x30, 1);
        out
    }

    #[test]
    fn the_new_segment_holds_the_image_and_the_rest_is_unchanged() {
        let elf = small_elf(&[0xaa; 10]);
        let image = b"RIMG and some frozen bytes";
        let linked = add_segment(&elf, 0x1010_0000, image).unwrap();
        assert_eq!(linked[0x20..0x2c], elf[0x20..0x2c], "section headers and flags stay");
        assert_eq!(linked[0x2e..0x34], elf[0x2e..0x34]);
        assert_eq!(linked[52..elf.len()], elf[52..], "the original bytes stay in place");
        let file = ElfBytes::<AnyEndian>::minimal_parse(&linked).unwrap();
        let segments: Vec<_> = file.segments().unwrap().iter().collect();
        assert_eq!(segments.len(), 2);
        assert_eq!(file.segment_data(&segments[0]).unwrap(), &[0xaa; 10]);
        assert_eq!((segments[1].p_vaddr, segments[1].p_paddr), (0x1010_0000, 0x1010_0000));
        assert_eq!(file.segment_data(&segments[1]).unwrap(), image);
        assert_eq!(add_segment(&elf, 0x1010_0000, image).unwrap(), linked, "deterministic");
        let flash = 0x1000_0000..0x1020_0000;
        let bin = flat_binary(&uf2::elf_segments(&linked, flash).unwrap(), 0x1000_0000).unwrap();
        assert_eq!(bin.len(), 0x10_0000 + image.len());
        assert_eq!((&bin[..10], bin[10], &bin[0x10_0000..]), (&[0xaa; 10][..], 0xff, &image[..]));
    }

    #[test]
    fn foreign_files_are_refused() {
        assert!(add_segment(b"not an elf at all, but long enough to have a header........", 0, b"x").is_err());
        let mut elf = small_elf(&[1, 2]);
        elf[4] = 2;
        assert!(add_segment(&elf, 0x1010_0000, b"x").unwrap_err().to_string().contains("32-bit"));
        let mut elf = small_elf(&[1, 2]);
        put_u32(&mut elf, 52, PT_PHDR);
        assert!(add_segment(&elf, 0x1010_0000, b"x").unwrap_err().to_string().contains("PT_PHDR"));
    }

    #[test]
    fn an_image_larger_than_the_region_is_refused() {
        let mut board = rp2::rp2_board("pico").unwrap();
        board.frozen_size = 16;
        let error = link(&board, &small_elf(&[0; 4]), &[0; 17]).unwrap_err().to_string();
        assert!(error.contains("does not fit"), "{error}");
    }
}
