//! The BOOTSEL button, for `rp2.bootsel_button()`: the button pulls the
//! flash chip's select line (QSPI SS) low, so the board reads the line with
//! the chip's own driver of it switched off, as MicroPython's rp2 port does:
//! with interrupts disabled, a function in RAM overrides the SS pad's output
//! enable off, waits a moment for the pull-up to win, reads the line's level
//! from the SIO and puts the override back. Nothing may run from flash
//! meanwhile (the flash cannot be selected while SS is undriven), which is
//! why the function lives in RAM and takes the registers' addresses as
//! arguments: it calls nothing and reads no constant from flash.
//!
//! This is the one place where `ports/rp2` writes a pad register itself:
//! the QSPI pins belong to the flash interface, not to the HAL's GPIO pins,
//! and no HAL call can run while the flash is deselected (see
//! ARCHITECTURE.md, `ports/`).

use crate::chip::hal::pac;

/// The output-enable override field of the QSPI SS pad's control register
/// (IO_QSPI GPIO_QSPI_SS_CTRL.OEOVER), and its value "disable output".
#[cfg(feature = "rp2040")]
const OEOVER_SHIFT: u32 = 12;
#[cfg(feature = "rp2350")]
const OEOVER_SHIFT: u32 = 14;
const OEOVER_MASK: u32 = 0b11 << OEOVER_SHIFT;
const OEOVER_DISABLE: u32 = 2 << OEOVER_SHIFT;

/// The QSPI SS line's bit in the SIO's GPIO_HI_IN register.
#[cfg(feature = "rp2040")]
const SS_INPUT: u32 = 1 << 1;
#[cfg(feature = "rp2350")]
const SS_INPUT: u32 = 1 << 27;

/// How many loop turns the line gets to settle (a few microseconds).
const SETTLE_TURNS: u32 = 1000;

/// Reads GPIO_HI_IN (`high_in`) with the SS pad's output disabled through
/// its control register (`ss_ctrl`), then restores the register.
///
/// # Safety
/// Interrupts must be disabled and no other core may run from flash; the
/// two addresses must be IO_QSPI's GPIO_QSPI_SS_CTRL and SIO's GPIO_HI_IN.
#[inline(never)]
#[link_section = ".data.rime_bootsel"]
unsafe extern "C" fn read_with_ss_released(ss_ctrl: *mut u32, high_in: *const u32) -> u32 {
    // SAFETY: the caller passes the two registers' addresses; the loop and
    // the volatile accesses are all this function does, so it touches no flash.
    unsafe {
        let control = core::ptr::read_volatile(ss_ctrl);
        core::ptr::write_volatile(ss_ctrl, (control & !OEOVER_MASK) | OEOVER_DISABLE);
        let mut turns = 0;
        while turns < SETTLE_TURNS {
            core::arch::asm!("nop", options(nomem, nostack, preserves_flags));
            turns += 1;
        }
        let levels = core::ptr::read_volatile(high_in);
        core::ptr::write_volatile(ss_ctrl, control);
        levels
    }
}

/// Whether the BOOTSEL button is pressed now (it holds SS low).
pub fn pressed() -> bool {
    // SAFETY: the PAC's pointers are the registers' fixed addresses; taking
    // them reads nothing.
    let (ss_ctrl, high_in) = unsafe {
        ((*pac::IO_QSPI::ptr()).gpio_qspiss().gpio_ctrl().as_ptr(), (*pac::SIO::ptr()).gpio_hi_in().as_ptr())
    };
    let levels = cortex_m::interrupt::free(|_| {
        // SAFETY: interrupts are off, rime runs on one core, and the
        // addresses are the ones `read_with_ss_released` needs.
        unsafe { read_with_ss_released(ss_ctrl, high_in) }
    });
    levels & SS_INPUT == 0
}
