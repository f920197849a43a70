//! Linking a frozen image into a board's runtime firmware: the link step of
//! the freeze pipeline for boards packaged as firmware (the RP2 boards).
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
//! filled with 0xFF, as an erased flash reads; without the module-info area
//! below, which would stretch it to the end of flash). The pipeline writes
//! the three with `frozen.img`. The same inputs give byte-identical files.
//!
//! [`module_info`] lays out the module-info area, the last sector of the
//! frozen-image region, which the runtime's picotool binary info points at
//! (`ports/rp2/src/board.rs`): one `ID_AND_STRING` feature entry
//! `frozen module: NAME` per frozen module in its fixed slots, the strings
//! after the slots, `RAW_DATA` entries (which picotool skips) in the unused
//! slots. When there are more modules than slots, or their names do not fit,
//! the last used slot says how many more there are. The area is one more
//! `PT_LOAD` segment; the image must end before it.
//!
//! The size report ends with the board's line: the runtime's size, the
//! image's size and the heap free at boot, which [`free_heap_at_boot`]
//! measures by starting the VM itself on the host with the board's heap and
//! the image, exactly as the runtime does before it runs the main module
//! (every value is a 32-bit word on the host as on the board, so the figure
//! is the one the board prints as `heap free at boot`).
//!
//! Before linking, [`check_abi`] reads the runtime's `RIME_ABI_ID` symbol
//! (the ABI id the runtime was built with, see `ports/rp2/src/abi_id.rs`) and
//! refuses a runtime ELF whose id differs from the one the freezer writes into
//! the image header (`rime_vm::abi()`): such an ELF was built from older
//! runtime sources and would reject the image at boot.

use std::path::Path;

use anyhow::{bail, ensure, Context as _};
use elf::abi::PT_LOAD;
use elf::abi::SHN_UNDEF;
use elf::endian::AnyEndian;
use elf::ElfBytes;

use crate::board::{Rp2Board, MODULE_INFO_SIZE, MODULE_INFO_SLOTS, MODULE_INFO_SLOT_SIZE};
use crate::rp2;
use crate::{files, uf2};

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

/// picotool's entry type of an id with a string.
const BINARY_INFO_TYPE_ID_AND_STRING: u16 = 6;
/// picotool's entry type of raw data, which it skips.
const BINARY_INFO_TYPE_RAW_DATA: u16 = 1;
/// The tag of Raspberry Pi's own entries: `RP`, little-endian.
const BINARY_INFO_TAG_RASPBERRY_PI: u16 = u16::from_le_bytes(*b"RP");
/// The id of a program feature line.
const BINARY_INFO_ID_RP_PROGRAM_FEATURE: u32 = 0xa1f4_b453;

/// The feature lines naming `names` (see the module docs): one per name, or,
/// when they do not all fit the slots or the area, as many as fit and a last
/// line counting the rest.
pub fn module_info_lines(names: &[String]) -> Vec<String> {
    let capacity = (MODULE_INFO_SIZE - MODULE_INFO_SLOT_SIZE * MODULE_INFO_SLOTS as u32) as usize;
    let line = |name: &String| format!("frozen module: {name}");
    let text_size = |lines: &[String]| lines.iter().map(|line| line.len() + 1).sum::<usize>();
    let all: Vec<String> = names.iter().map(line).collect();
    if all.len() <= MODULE_INFO_SLOTS && text_size(&all) <= capacity {
        return all;
    }
    let mut shown = all.len().min(MODULE_INFO_SLOTS - 1);
    loop {
        let mut lines = all[..shown].to_vec();
        lines.push(format!("frozen modules: {} more, not listed here", names.len() - shown));
        if text_size(&lines) <= capacity || shown == 0 {
            return lines;
        }
        shown -= 1;
    }
}

/// The bytes of the module-info area at `origin` (see the module docs).
pub fn module_info(origin: u32, names: &[String]) -> Vec<u8> {
    let slots = MODULE_INFO_SLOTS;
    let slot_size = MODULE_INFO_SLOT_SIZE as usize;
    let mut area = vec![0u8; slots * slot_size];
    for index in 0..slots {
        put_u16(&mut area, index * slot_size, BINARY_INFO_TYPE_RAW_DATA);
        put_u16(&mut area, index * slot_size + 2, BINARY_INFO_TAG_RASPBERRY_PI);
    }
    for (index, line) in module_info_lines(names).iter().enumerate() {
        let string_address = origin + area.len() as u32;
        area.extend_from_slice(line.as_bytes());
        area.push(0);
        let at = index * slot_size;
        put_u16(&mut area, at, BINARY_INFO_TYPE_ID_AND_STRING);
        put_u32(&mut area, at + 4, BINARY_INFO_ID_RP_PROGRAM_FEATURE);
        put_u32(&mut area, at + 8, string_address);
    }
    area.resize(area.len().next_multiple_of(4), 0);
    area
}

/// A port that prints nothing, for starting the VM on the host.
struct SilentPort;

impl rime_vm::Port for SilentPort {
    fn write_stdout(&mut self, _bytes: &[u8]) {}
}

/// The heap free once the VM has started on `image` with a heap of
/// `heap_size` bytes (see the module docs), in bytes.
pub fn free_heap_at_boot(image: &[u8], heap_size: u32) -> anyhow::Result<usize> {
    let view = rime_vm::ImageView::new(image, super::host_abi().abi_id)
        .map_err(|problem| anyhow::anyhow!("the VM refuses the image: {problem:?}"))?;
    let mut heap = vec![0u8; heap_size as usize];
    let mut port = SilentPort;
    let vm = rime_vm::Vm::new(&mut heap, view, &mut port, rime_vm::Config::host())
        .map_err(|_| anyhow::anyhow!("the {heap_size}-byte heap is too small to start the VM"))?;
    Ok(vm.heap.stats().free_blocks * rime_vm::gc::BYTES_PER_BLOCK)
}

/// The name of the symbol that holds a runtime's ABI id.
pub const ABI_SYMBOL: &str = "RIME_ABI_ID";

/// The value of the `RIME_ABI_ID` symbol of a runtime ELF: the u32 stored at
/// the symbol's address, read from the loadable segment that holds it.
/// `Ok(None)` when the ELF has no such symbol (a runtime older than the
/// symbol itself).
pub fn runtime_abi_id(elf_bytes: &[u8]) -> anyhow::Result<Option<u32>> {
    let file = ElfBytes::<AnyEndian>::minimal_parse(elf_bytes).context("not an ELF file")?;
    let Some((symbols, names)) = file.symbol_table().context("reading the symbol table")? else {
        return Ok(None);
    };
    let Some(symbol) = symbols.iter().find(|symbol| {
        symbol.st_shndx != SHN_UNDEF && names.get(symbol.st_name as usize).is_ok_and(|name| name == ABI_SYMBOL)
    }) else {
        return Ok(None);
    };
    let address = symbol.st_value;
    let segments = file.segments().context("the ELF has no program headers")?;
    for segment in segments.iter().filter(|segment| segment.p_type == PT_LOAD) {
        if address >= segment.p_vaddr && address + 4 <= segment.p_vaddr + segment.p_filesz {
            let data = file.segment_data(&segment).context("reading a segment")?;
            let at = (address - segment.p_vaddr) as usize;
            return Ok(Some(u32_at(data, at)));
        }
    }
    bail!("the symbol {ABI_SYMBOL} at {address:#010x} lies in no loadable segment")
}

/// Refuses a runtime ELF built from other runtime sources than this xtask:
/// its `RIME_ABI_ID` must equal `expected` (the id the image header records).
pub fn check_abi(path: &Path, elf_bytes: &[u8], expected: u32, board: &str) -> anyhow::Result<()> {
    let found = runtime_abi_id(elf_bytes).with_context(|| format!("reading {}", path.display()))?;
    match found {
        Some(found) if found == expected => Ok(()),
        Some(found) => bail!(
            "{} is stale: it was built with ABI id {found:#010x}, but the freezer writes ABI id {expected:#010x}; \
             run `cargo xtask build --board {board}` to rebuild it",
            path.display()
        ),
        None => bail!(
            "{} is stale: it has no {ABI_SYMBOL} symbol (built by an older rime), and the freezer writes ABI id \
             {expected:#010x}; run `cargo xtask build --board {board}` to rebuild it",
            path.display()
        ),
    }
}

/// Links `image` (linked at `board.frozen_origin`) into `runtime_elf`, with
/// the module-info area naming `module_names` (the frozen names).
pub fn link(board: &Rp2Board, runtime_elf: &[u8], image: &[u8], module_names: &[String]) -> anyhow::Result<Linked> {
    let region = board.frozen_region();
    let area = board.module_info_area();
    let room = area.start - region.start;
    if image.len() as u64 > u64::from(room) {
        let after = match board.fs_region() {
            Some(fs) if fs.start == region.end => {
                format!("; the filesystem region follows at {:#010x}", fs.start)
            }
            _ => String::new(),
        };
        bail!(
            "{}: the image ({} bytes) does not fit the frozen-image region {:#010x}..{:#010x} ({} bytes, \
             of which the last {} hold the module list for picotool){after}",
            board.name,
            image.len(),
            region.start,
            region.end,
            board.frozen_size,
            MODULE_INFO_SIZE
        );
    }
    rp2::footprint(board, runtime_elf).context("the runtime ELF does not fit this board")?;
    let elf = add_segment(runtime_elf, board.frozen_origin, image)?;
    let elf = add_segment(&elf, area.start, &module_info(area.start, module_names))?;
    let segments = uf2::elf_segments(&elf, board.flash())?;
    let uf2 = uf2::from_segments(&segments, uf2::Family::of_chip(&board.chip)?)?;
    // The flat binary stops at the image: the module-info area at the end of
    // flash would make it as large as the whole flash chip.
    let without_module_info: Vec<uf2::Segment> =
        segments.iter().filter(|segment| segment.address < area.start).cloned().collect();
    let bin = flat_binary(&without_module_info, board.flash_origin)?;
    Ok(Linked { elf, uf2, bin })
}

/// The runtime ELF of `board` in `dir` (`runtime.elf`, from `cargo xtask
/// build --board B`): read as built, or built now when missing; refused when
/// its ABI id is not the freezer's (see [`check_abi`]).
pub fn runtime_elf(board: &Rp2Board, dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = dir.join("runtime.elf");
    if !path.exists() {
        println!("{} is missing: building the runtime for {} once", path.display(), board.name);
        let sh = xshell::Shell::new()?;
        rp2::build_board(&sh, board)?;
    }
    let bytes = files::read(&path)?;
    check_abi(&path, &bytes, super::host_abi().abi_id, &board.name)?;
    Ok(bytes)
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

    /// `small_elf` with `RIME_ABI_ID = abi_id` as its first code word, and a
    /// symbol table (`.strtab`, `.symtab`) naming it.
    fn elf_with_abi_symbol(abi_id: u32) -> Vec<u8> {
        let mut code = abi_id.to_le_bytes().to_vec();
        code.extend_from_slice(&[0xbb; 8]);
        let mut out = small_elf(&code);
        out.truncate(u32_at(&out, 0x20) as usize);
        let strtab_offset = out.len();
        let names = b"\0RIME_ABI_ID\0other\0";
        out.extend_from_slice(names);
        out.resize(out.len().next_multiple_of(4), 0);
        let symtab_offset = out.len();
        out.extend_from_slice(&[0; 16]);
        for (name, value) in [(1u32, 0x1000_0000u32), (13, 0x1000_0004)] {
            let mut symbol = [0u8; 16];
            put_u32(&mut symbol, 0, name);
            put_u32(&mut symbol, 4, value);
            put_u32(&mut symbol, 8, 4);
            symbol[12] = 0x11;
            put_u16(&mut symbol, 14, 1);
            out.extend_from_slice(&symbol);
        }
        let shoff = out.len();
        out.extend_from_slice(&[0; 40]);
        for (kind, offset, size, link, entsize) in
            [(3u32, strtab_offset, names.len(), 0u32, 0u32), (2, symtab_offset, 48, 1, 16)]
        {
            let mut header = [0u8; 40];
            for (index, value) in
                [0, kind, 0, 0, offset as u32, size as u32, link, 1, 4, entsize].into_iter().enumerate()
            {
                put_u32(&mut header, 4 * index, value);
            }
            out.extend_from_slice(&header);
        }
        put_u32(&mut out, 0x20, shoff as u32);
        put_u16(&mut out, 0x30, 3);
        out
    }

    #[test]
    fn the_runtime_abi_id_is_read_from_its_symbol() {
        let elf = elf_with_abi_symbol(0x1234_5678);
        assert_eq!(runtime_abi_id(&elf).unwrap(), Some(0x1234_5678));
        assert_eq!(runtime_abi_id(&small_elf(&[0; 4])).unwrap(), None, "no symbol table");
        let path = Path::new("firmware/pico/runtime.elf");
        assert!(check_abi(path, &elf, 0x1234_5678, "pico").is_ok());
    }

    #[test]
    fn a_stale_runtime_is_refused_with_both_ids_and_the_fix() {
        let path = Path::new("firmware/pico/runtime.elf");
        let error = check_abi(path, &elf_with_abi_symbol(0x0bad_0bad), 0x1234_5678, "pico").unwrap_err().to_string();
        for part in ["firmware/pico/runtime.elf", "0x0bad0bad", "0x12345678", "cargo xtask build --board pico"] {
            assert!(error.contains(part), "{part} missing in: {error}");
        }
        let error = check_abi(path, &small_elf(&[0; 4]), 0x1234_5678, "pico").unwrap_err().to_string();
        assert!(error.contains("no RIME_ABI_ID symbol") && error.contains("--board pico"), "{error}");
    }

    #[test]
    fn an_image_larger_than_the_region_is_refused() {
        let mut board = crate::board::rp2_board("pico").unwrap();
        board.frozen_size = MODULE_INFO_SIZE + 16;
        let error = link(&board, &small_elf(&[0; 4]), &[0; 17], &[]).unwrap_err().to_string();
        assert!(error.contains("does not fit") && error.contains("module list"), "{error}");
        // The Pico's own region: 60 KiB for the image, then the filesystem.
        let pico = crate::board::rp2_board("pico").unwrap();
        let error = link(&pico, &small_elf(&[0; 4]), &vec![0; 60 * 1024 + 1], &[]).unwrap_err().to_string();
        assert!(
            error.contains("0x100c0000..0x100d0000 (65536 bytes")
                && error.ends_with("the filesystem region follows at 0x100d0000"),
            "{error}"
        );
    }

    #[test]
    fn the_module_info_area_has_one_feature_entry_per_module() {
        let names: Vec<String> = ["main.py", "asyncio/core.py"].map(String::from).to_vec();
        let origin = 0x101f_f000;
        let area = module_info(origin, &names);
        assert!(area.len() <= MODULE_INFO_SIZE as usize && area.len() % 4 == 0);
        let slot = |index: usize| {
            let at = index * MODULE_INFO_SLOT_SIZE as usize;
            (u16_at(&area, at), u16_at(&area, at + 2), u32_at(&area, at + 4), u32_at(&area, at + 8))
        };
        for (index, name) in names.iter().enumerate() {
            let (kind, tag, id, address) = slot(index);
            assert_eq!((kind, tag, id), (6, 0x5052, 0xa1f4_b453));
            let text = &area[(address - origin) as usize..];
            let end = text.iter().position(|&byte| byte == 0).unwrap();
            assert_eq!(std::str::from_utf8(&text[..end]).unwrap(), format!("frozen module: {name}"));
        }
        for index in names.len()..MODULE_INFO_SLOTS {
            assert_eq!(slot(index), (1, 0x5052, 0, 0), "unused slot {index} is raw data");
        }
    }

    #[test]
    fn too_many_modules_end_with_a_count_of_the_rest() {
        let names: Vec<String> = (0..40).map(|index| format!("module_{index}.py")).collect();
        let lines = module_info_lines(&names);
        assert_eq!(lines.len(), MODULE_INFO_SLOTS);
        assert_eq!(lines[30], "frozen module: module_30.py");
        assert_eq!(lines[31], "frozen modules: 9 more, not listed here");
        let long: Vec<String> = (0..20).map(|index| format!("{index}{}.py", "x".repeat(300))).collect();
        let lines = module_info_lines(&long);
        let size: usize = lines.iter().map(|line| line.len() + 1).sum();
        assert!(size + 32 * 12 <= 4096, "{size}");
        assert!(lines.last().unwrap().starts_with("frozen modules: ") && lines.len() < 20);
    }
}
