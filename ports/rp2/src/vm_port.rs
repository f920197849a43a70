//! The VM's view of the board: `rime_vm::Port` for the firmware's [`Port`],
//! and the GPIO registers behind `machine.Pin`.
//!
//! Output goes to the console (UART0 and USB serial) with `\n` turned into
//! `\r\n`, as serial terminals expect. Time comes from the 64-bit hardware
//! timer and sleeping uses the timer's wake alarm ([`Port::sleep_until`]),
//! so USB stays serviced while a program sleeps. `sys.platform` is `"rp2"`.
//!
//! `machine.Pin` drives the chip's GPIOs directly through their registers:
//! the pin's IO_BANK0 control register selects the SIO function, its
//! PADS_BANK0 register enables the input buffer and sets the pull resistor
//! (and, on the RP2350, clears the pad isolation latch), and the SIO's
//! atomic set/clear registers drive the output and its enable. GPIO0 and
//! GPIO1 carry the console and are refused, as are pins the chip does not
//! have. `machine.unique_id()` keeps the VM's default id for now: reading the
//! flash's unique id needs the boot ROM's flash functions with XIP stopped.

use rime_vm::Pull;

use crate::chip::hal::pac;
use crate::port::Port;

/// The number of user GPIOs (GPIO0..GPIO29 on the RP2040 and the RP2350A).
const GPIO_COUNT: u32 = 30;

/// The console's pins, which `machine.Pin` must not take over.
const CONSOLE_PINS: [u32; 2] = [0, 1];

/// The SIO register offsets of each chip: GPIO_IN, GPIO_OUT_SET,
/// GPIO_OUT_CLR, GPIO_OE_SET, GPIO_OE_CLR.
#[cfg(feature = "rp2040")]
const SIO_OFFSETS: [usize; 5] = [0x004, 0x014, 0x018, 0x024, 0x028];
#[cfg(feature = "rp2350")]
const SIO_OFFSETS: [usize; 5] = [0x004, 0x018, 0x020, 0x038, 0x040];

/// IO_BANK0 GPIOn_CTRL's FUNCSEL value of the SIO (both chips).
const FUNCSEL_SIO: u32 = 5;

/// PADS_BANK0 bits: input enable, 4 mA drive, Schmitt trigger, pull-up, pull-down.
const PAD_IE: u32 = 1 << 6;
const PAD_DRIVE_4MA: u32 = 1 << 4;
const PAD_SCHMITT: u32 = 1 << 1;
const PAD_PUE: u32 = 1 << 3;
const PAD_PDE: u32 = 1 << 2;

/// Which SIO register an access uses.
#[derive(Clone, Copy)]
enum SioRegister {
    In = 0,
    OutSet = 1,
    OutClr = 2,
    OeSet = 3,
    OeClr = 4,
}

/// The address of one SIO register.
fn sio(register: SioRegister) -> *mut u32 {
    (pac::SIO::ptr() as usize + SIO_OFFSETS[register as usize]) as *mut u32
}

/// Writes `value` to a SIO register.
fn sio_write(register: SioRegister, value: u32) {
    // The set/clear registers change only the bits written, that is only the
    // GPIO the program asked for.
    // SAFETY: `sio` gives a 32-bit SIO register of this chip (the PAC's block
    // address plus the datasheet's offset); no Rust-visible memory is touched.
    unsafe { core::ptr::write_volatile(sio(register), value) }
}

/// Whether `pin` is a GPIO that `machine.Pin` may use.
fn usable(pin: u32) -> bool {
    pin < GPIO_COUNT && !CONSOLE_PINS.contains(&pin)
}

/// Hands `pin` to the SIO with its pad set up for `pull`, and makes it an
/// output or an input.
fn configure(pin: u32, output: bool, pull: Pull) {
    let pull_bits = match pull {
        Pull::None => 0,
        Pull::Up => PAD_PUE,
        Pull::Down => PAD_PDE,
    };
    let pad = (pac::PADS_BANK0::ptr() as usize + 4 + 4 * pin as usize) as *mut u32;
    let control = (pac::IO_BANK0::ptr() as usize + 8 * pin as usize + 4) as *mut u32;
    // Writing the pad register also clears the RP2350's ISO bit (bit 8),
    // which releases the pad. The console pins are never passed here.
    // SAFETY: `pin` is below GPIO_COUNT (checked by the caller), so both are
    // this pin's own 32-bit registers in PADS_BANK0 and IO_BANK0.
    unsafe {
        core::ptr::write_volatile(pad, PAD_IE | PAD_DRIVE_4MA | PAD_SCHMITT | pull_bits);
        core::ptr::write_volatile(control, FUNCSEL_SIO);
    }
    sio_write(if output { SioRegister::OeSet } else { SioRegister::OeClr }, 1 << pin);
}

impl rime_vm::Port for Port<'_> {
    fn write_stdout(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some(newline) = rest.iter().position(|&byte| byte == b'\n') {
            self.write_bytes(&rest[..newline]);
            self.write_bytes(b"\r\n");
            rest = &rest[newline + 1..];
        }
        if !rest.is_empty() {
            self.write_bytes(rest);
        }
    }

    fn ticks_ms(&mut self) -> u32 {
        (Port::ticks_us(self) / 1000) as u32
    }

    fn ticks_us(&mut self) -> u32 {
        Port::ticks_us(self) as u32
    }

    fn sleep_us(&mut self, us: u64) {
        let deadline = Port::ticks_us(self).saturating_add(us);
        self.sleep_until(deadline);
    }

    fn platform(&self) -> &'static str {
        "rp2"
    }

    fn pin_configure(&mut self, pin: u32, output: bool, pull: Pull) -> bool {
        if !usable(pin) {
            return false;
        }
        configure(pin, output, pull);
        true
    }

    fn pin_write(&mut self, pin: u32, high: bool) {
        if usable(pin) {
            sio_write(if high { SioRegister::OutSet } else { SioRegister::OutClr }, 1 << pin);
        }
    }

    fn pin_read(&mut self, pin: u32) -> Option<bool> {
        if !usable(pin) {
            return Some(false);
        }
        // SAFETY: GPIO_IN is a read-only 32-bit SIO register; reading it has
        // no side effects.
        let levels = unsafe { core::ptr::read_volatile(sio(SioRegister::In)) };
        Some(levels & (1 << pin) != 0)
    }

    fn cpu_freq(&mut self) -> u32 {
        self.sys_hz()
    }

    fn reset(&mut self) {
        cortex_m::peripheral::SCB::sys_reset()
    }
}
