//! The board's flash as the filesystem's storage: the driver that erases
//! 4 KiB sectors and programs 256-byte pages through the boot ROM's flash
//! functions, and the littlefs filesystem on the board's region, mounted at
//! boot (formatted first when it holds none, as MicroPython's `_boot.py`
//! does).
//!
//! While a sector is erased or a page programmed the flash cannot be read,
//! so no code may run from it (XIP). The driver looks up the ROM functions
//! first, then disables interrupts and calls [`erase_or_program`], which
//! lives in RAM (`.data`, copied there at reset): it connects the flash,
//! leaves XIP, erases or programs, flushes the XIP cache and restores the
//! fast XIP mode the chip booted with. On the RP2040 that is boot2 again,
//! copied to RAM beforehand, as the Pico SDK does; on the RP2350 the ROM
//! leaves a slow serial XIP mode, and the QMI's window-0 timing and read
//! format registers saved beforehand are written back. Data to program is
//! copied to a RAM buffer first.
//!
//! Every erase and program is checked against the board's filesystem region
//! first ([`rime_fs::flash::FlashRegion::check`], tested on the host), so
//! the driver cannot touch the runtime or the frozen image.
//!
//! [`unique_id`] reads the flash chip's 64-bit unique id on the RP2040
//! (which has none of its own), once at boot, as the Pico SDK's
//! `flash_get_unique_id` does: from RAM with XIP left, the chip selected by
//! overriding the QSPI SS pad's output low, the RUID command (0x4B), four
//! dummy bytes and the eight bytes of the id clocked through the SSI, the
//! chip deselected, the pad given back to the SSI and fast XIP restored.

use core::mem::MaybeUninit;
use core::pin::Pin;

use rime_fs::flash::{FlashChip, FlashDevice, FlashError, FlashRegion, PAGE_SIZE, SECTOR_SIZE};
use rime_fs::{Filesystem, Geometry};
use rime_vm::port::filesystem::VfsState;

use crate::board;
use crate::chip::hal;

/// The XIP window: flash offset 0 is read at this address.
const XIP_BASE: u32 = 0x1000_0000;

/// The ROM's 64 KiB block erase, which it uses where a range allows (as the
/// Pico SDK asks for it); a 4 KiB range is one sector erase.
const BLOCK_SIZE: u32 = 1 << 16;
const BLOCK_ERASE_COMMAND: u8 = 0xd8;

/// What [`erase_or_program`] calls, gathered in RAM beforehand: the ROM's
/// functions and what restores fast XIP.
#[repr(C)]
struct Routines {
    connect_internal_flash: unsafe extern "C" fn(),
    flash_exit_xip: unsafe extern "C" fn(),
    flash_range_erase: unsafe extern "C" fn(u32, usize, u32, u8),
    flash_range_program: unsafe extern "C" fn(u32, *const u8, usize),
    flash_flush_cache: unsafe extern "C" fn(),
    /// RP2040: boot2, copied to RAM (its address with the Thumb bit).
    #[cfg(feature = "rp2040")]
    restore_xip: unsafe extern "C" fn(),
    /// RP2350: the QMI's M0_TIMING, M0_RFMT and M0_RCMD as the chip booted.
    #[cfg(feature = "rp2350")]
    qmi_window0: [u32; 3],
}

/// The RP2350's QMI registers [`Routines::qmi_window0`] holds, in order.
#[cfg(feature = "rp2350")]
const QMI_WINDOW0_REGISTERS: [u32; 3] = [0x400d_000c, 0x400d_0010, 0x400d_0014];

/// Boot2 in RAM (the first 256 bytes of flash), for restoring XIP.
#[cfg(feature = "rp2040")]
static mut BOOT2_COPY: [u32; 64] = [0; 64];

/// Erases `len` bytes at flash offset `offset` when `data` is null, else
/// programs `len` bytes from `data` there; runs from RAM with XIP off.
///
/// # Safety
///
/// Interrupts must be disabled and no other core may run from flash;
/// `routines` points at valid ROM functions (and boot2 in RAM); the range is
/// sector-aligned for an erase, page-aligned for a program, inside flash,
/// and `data` (in RAM) holds `len` bytes.
#[inline(never)]
#[link_section = ".data.rime_flash"]
unsafe extern "C" fn erase_or_program(routines: *const Routines, offset: u32, data: *const u8, len: u32) {
    // SAFETY: the caller keeps `routines` valid; every call below is to the
    // ROM or to RAM, never to flash, which is unreadable until XIP returns.
    unsafe {
        let routines = &*routines;
        (routines.connect_internal_flash)();
        (routines.flash_exit_xip)();
        if data.is_null() {
            (routines.flash_range_erase)(offset, len as usize, BLOCK_SIZE, BLOCK_ERASE_COMMAND);
        } else {
            (routines.flash_range_program)(offset, data, len as usize);
        }
        (routines.flash_flush_cache)();
        #[cfg(feature = "rp2040")]
        (routines.restore_xip)();
        #[cfg(feature = "rp2350")]
        {
            core::ptr::write_volatile(QMI_WINDOW0_REGISTERS[0] as *mut u32, routines.qmi_window0[0]);
            core::ptr::write_volatile(QMI_WINDOW0_REGISTERS[1] as *mut u32, routines.qmi_window0[1]);
            core::ptr::write_volatile(QMI_WINDOW0_REGISTERS[2] as *mut u32, routines.qmi_window0[2]);
        }
    }
}

/// The SSI's status and data registers (RP2040), and the status bits the
/// RUID transfer waits on: room in the transmit FIFO, data in the receive FIFO.
#[cfg(feature = "rp2040")]
const SSI_SR: u32 = 0x1800_0028;
#[cfg(feature = "rp2040")]
const SSI_DR0: u32 = 0x1800_0060;
#[cfg(feature = "rp2040")]
const SSI_SR_TX_NOT_FULL: u32 = 1 << 1;
#[cfg(feature = "rp2040")]
const SSI_SR_RX_NOT_EMPTY: u32 = 1 << 3;

/// The RUID command, its dummy bytes, and the id's length.
#[cfg(feature = "rp2040")]
const READ_UNIQUE_ID: u8 = 0x4b;
#[cfg(feature = "rp2040")]
const RUID_DUMMY_BYTES: usize = 4;
#[cfg(feature = "rp2040")]
const UNIQUE_ID_LEN: usize = 8;

/// The output override of the QSPI SS pad's control register
/// (GPIO_QSPI_SS_CTRL.OUTOVER): drive low, drive high.
#[cfg(feature = "rp2040")]
const OUTOVER_MASK: u32 = 0b11 << 8;
#[cfg(feature = "rp2040")]
const OUTOVER_LOW: u32 = 2 << 8;
#[cfg(feature = "rp2040")]
const OUTOVER_HIGH: u32 = 3 << 8;

/// Reads the flash's unique id into `id` (eight bytes) with the RUID
/// command; runs from RAM with XIP off.
///
/// # Safety
/// Interrupts must be disabled and no other core may run from flash;
/// `routines` points at valid ROM functions and boot2 in RAM; `ss_ctrl` is
/// IO_QSPI's GPIO_QSPI_SS_CTRL; `id` (in RAM) has room for eight bytes.
#[cfg(feature = "rp2040")]
#[inline(never)]
#[link_section = ".data.rime_flash_id"]
unsafe extern "C" fn read_unique_id(routines: *const Routines, ss_ctrl: *mut u32, id: *mut u8) {
    // SAFETY: the caller keeps the pointers valid; every call below is to the
    // ROM or to RAM, and every access is to a register or to `id`.
    unsafe {
        let routines = &*routines;
        (routines.connect_internal_flash)();
        (routines.flash_exit_xip)();
        let control = core::ptr::read_volatile(ss_ctrl);
        core::ptr::write_volatile(ss_ctrl, (control & !OUTOVER_MASK) | OUTOVER_LOW);
        let mut index = 0;
        while index < 1 + RUID_DUMMY_BYTES + UNIQUE_ID_LEN {
            let out = if index == 0 { READ_UNIQUE_ID } else { 0 };
            while core::ptr::read_volatile(SSI_SR as *const u32) & SSI_SR_TX_NOT_FULL == 0 {}
            core::ptr::write_volatile(SSI_DR0 as *mut u32, u32::from(out));
            while core::ptr::read_volatile(SSI_SR as *const u32) & SSI_SR_RX_NOT_EMPTY == 0 {}
            let byte = core::ptr::read_volatile(SSI_DR0 as *const u32) as u8;
            if index > RUID_DUMMY_BYTES {
                *id.add(index - 1 - RUID_DUMMY_BYTES) = byte;
            }
            index += 1;
        }
        core::ptr::write_volatile(ss_ctrl, (control & !OUTOVER_MASK) | OUTOVER_HIGH);
        core::ptr::write_volatile(ss_ctrl, control);
        (routines.flash_flush_cache)();
        (routines.restore_xip)();
    }
}

/// The flash chip's unique id (RP2040), read once at boot; `None` on the
/// RP2350, whose chip id rime does not read yet, and when the flash gives
/// no id (all bits 0 or all 1: rp2040js's SSI, for one, answers zeros).
pub fn unique_id() -> Option<[u8; 8]> {
    #[cfg(feature = "rp2040")]
    {
        let mut id = [0u8; UNIQUE_ID_LEN];
        // SAFETY: the PAC's pointer is the register block's fixed address.
        let ss_ctrl = unsafe { (*hal::pac::IO_QSPI::ptr()).gpio_qspiss().gpio_ctrl().as_ptr() };
        cortex_m::interrupt::free(|_| {
            let routines = Rp2Flash::routines();
            // Interrupts are off and the second core never runs; the routines
            // are the ROM's and RAM's, `ss_ctrl` the SS pad's register and
            // `id` eight bytes on this stack.
            // SAFETY: see above.
            unsafe { read_unique_id(&routines, ss_ctrl, id.as_mut_ptr()) };
        });
        let answered = id.iter().any(|&byte| byte != 0) && id.iter().any(|&byte| byte != 0xff);
        answered.then_some(id)
    }
    #[cfg(feature = "rp2350")]
    None
}

/// The flash of the board, changeable only inside `region`.
pub struct Rp2Flash {
    region: FlashRegion,
}

impl Rp2Flash {
    /// The ROM functions and the XIP restore, looked up (and boot2 copied)
    /// while XIP still runs.
    fn routines() -> Routines {
        use hal::rom_data;
        // Flash offset 0 holds boot2 (the boot ROM ran it from there);
        // BOOT2_COPY is touched only here, with interrupts disabled by the
        // caller, so nothing else reads or writes it meanwhile.
        #[cfg(feature = "rp2040")]
        // SAFETY: see above.
        let restore_xip = unsafe {
            let copy = &mut *core::ptr::addr_of_mut!(BOOT2_COPY);
            for (index, word) in copy.iter_mut().enumerate() {
                *word = core::ptr::read_volatile((XIP_BASE as *const u32).add(index));
            }
            core::mem::transmute::<usize, unsafe extern "C" fn()>(copy.as_ptr() as usize + 1)
        };
        Routines {
            connect_internal_flash: rom_data::connect_internal_flash::ptr(),
            flash_exit_xip: rom_data::flash_exit_xip::ptr(),
            flash_range_erase: rom_data::flash_range_erase::ptr(),
            flash_range_program: rom_data::flash_range_program::ptr(),
            flash_flush_cache: rom_data::flash_flush_cache::ptr(),
            #[cfg(feature = "rp2040")]
            restore_xip,
            #[cfg(feature = "rp2350")]
            // SAFETY: reading the QMI's window-0 registers has no side effects.
            qmi_window0: QMI_WINDOW0_REGISTERS.map(|address| unsafe { core::ptr::read_volatile(address as *const u32) }),
        }
    }

    /// Runs [`erase_or_program`] with interrupts disabled.
    fn run(offset: u32, data: Option<&[u8; PAGE_SIZE as usize]>, len: u32) {
        cortex_m::interrupt::free(|_| {
            let routines = Rp2Flash::routines();
            let pointer = data.map_or(core::ptr::null(), |page| page.as_ptr());
            // Interrupts are off and the second core never runs; the routines
            // are the ROM's and RAM's; the caller checked the range against
            // the filesystem region (aligned, inside flash), and `data` is a
            // page on this stack, in RAM.
            // SAFETY: see above.
            unsafe { erase_or_program(&routines, offset, pointer, len) };
        });
    }
}

impl FlashChip for Rp2Flash {
    fn region(&self) -> FlashRegion {
        self.region
    }

    fn erase_sector(&mut self, offset: u32) -> Result<(), FlashError> {
        self.region.check(offset, SECTOR_SIZE, SECTOR_SIZE)?;
        Rp2Flash::run(offset, None, SECTOR_SIZE);
        Ok(())
    }

    fn program_page(&mut self, offset: u32, page: &[u8; PAGE_SIZE as usize]) -> Result<(), FlashError> {
        self.region.check(offset, PAGE_SIZE, PAGE_SIZE)?;
        // The data may sit anywhere; the ROM reads it while flash is off.
        let copy = *page;
        Rp2Flash::run(offset, Some(&copy), PAGE_SIZE);
        Ok(())
    }

    fn read(&mut self, offset: u32, buffer: &mut [u8]) -> Result<(), FlashError> {
        let len = buffer.len() as u32;
        if offset.checked_add(len).is_none_or(|end| end > board::FLASH_SIZE) {
            return Err(FlashError::OutsideRegion { offset, len });
        }
        // SAFETY: the range lies inside the board's flash, which XIP maps
        // read-only at XIP_BASE; no Rust object lives there.
        let flash = unsafe { core::slice::from_raw_parts((XIP_BASE + offset) as *const u8, buffer.len()) };
        buffer.copy_from_slice(flash);
        Ok(())
    }
}

/// The board's filesystem: four file slots with 1 KiB caches.
pub type Rp2Filesystem = Filesystem<FlashDevice<Rp2Flash>, 4, 1024>;

static mut FILESYSTEM: MaybeUninit<Rp2Filesystem> = MaybeUninit::uninit();

/// Mounts the board's filesystem region, formatting it first when it holds
/// no filesystem (a new board, or flash another firmware used); `None` when
/// the board has no region or it cannot be mounted. Called once, at boot.
pub fn mount() -> Option<(Pin<&'static mut Rp2Filesystem>, VfsState)> {
    let (origin, size) = board::FILESYSTEM?;
    let region = FlashRegion::new(origin - XIP_BASE, size)?;
    let geometry = Geometry::micropython_rp2(region.sectors());
    let filesystem = Filesystem::new(FlashDevice::new(Rp2Flash { region }), geometry).ok()?;
    // `mount` runs once, at boot, before anything else touches FILESYSTEM.
    // SAFETY: the `&'static mut` made here is the only reference ever made
    // to the static, and its value is never moved out, so pinning is sound.
    let mut pinned = unsafe {
        let slot = &mut *core::ptr::addr_of_mut!(FILESYSTEM);
        Pin::new_unchecked(slot.write(filesystem))
    };
    if pinned.as_mut().mount().is_err() {
        pinned.as_mut().format().ok()?;
        pinned.as_mut().mount().ok()?;
    }
    Some((pinned, VfsState::default()))
}
