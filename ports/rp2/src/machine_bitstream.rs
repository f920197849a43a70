//! `machine.bitstream` (encoding 0, the WS2812 LEDs' timing, which
//! `neopixel` uses): each bit a high time then a low time, counted in CPU
//! cycles with interrupts off, as MicroPython's rp2 port counts them.
//!
//! The pin becomes an output if it is not one. The HAL's SIO pin writes
//! take a few cycles of their own, and so does the loop around each bit; the
//! delays subtract [`HIGH_OVERHEAD`] and [`LOW_OVERHEAD`] cycles for them.
//! The emulated jig's harness decodes the pulses on GP15 and checks them
//! against the WS2812 data sheet (`tests/pico/neopixel_timing.py`).

use embedded_hal::digital::OutputPin;
use rime_vm::port::{MachineError, Pin, PinConfig, PinMode};

use crate::machine::Rp2Machine;

/// Cycles of one turn of `cortex_m::asm::delay`'s loop (`subs` and a taken
/// `bne`) on the Cortex-M0+ and, near enough, the Cortex-M33.
pub const DELAY_LOOP_CYCLES: u32 = 3;
/// The cycles a high time spends outside its delay (the write that ends it).
const HIGH_OVERHEAD: u32 = 14;
/// The cycles a low time spends outside its delay (the next bit's choice and write).
const LOW_OVERHEAD: u32 = 33;

impl Rp2Machine {
    /// Sends `bytes` on GPIO `pin`, most significant bit first, with
    /// `timing_ns` = [high 0, low 0, high 1, low 1].
    pub fn send_bitstream(&mut self, pin: u32, timing_ns: [u32; 4], bytes: &[u8]) -> Result<(), MachineError> {
        let cycles_per_us = self.sys_hz / 1_000_000;
        let gpio = self.gpio(pin)?;
        if gpio.mode() != Some(PinMode::Output) {
            let pull = gpio.pull();
            gpio.configure(PinConfig { mode: Some(PinMode::Output), pull, value: Some(false) })?;
        }
        let output = gpio.output_pin().ok_or(MachineError::InvalidArgument("the pin is not an output"))?;
        let overheads = [HIGH_OVERHEAD, LOW_OVERHEAD, HIGH_OVERHEAD, LOW_OVERHEAD];
        let mut loops = [0u32; 4];
        for ((count, ns), overhead) in loops.iter_mut().zip(timing_ns).zip(overheads) {
            let cycles = ns.saturating_mul(cycles_per_us) / 1000;
            *count = cycles.saturating_sub(overhead) / DELAY_LOOP_CYCLES;
        }
        cortex_m::interrupt::free(|_| {
            for &byte in bytes {
                for bit in (0..8).rev() {
                    let (high, low) = if byte >> bit & 1 != 0 { (loops[2], loops[3]) } else { (loops[0], loops[1]) };
                    let Ok(()) = output.set_high();
                    cortex_m::asm::delay(high);
                    let Ok(()) = output.set_low();
                    cortex_m::asm::delay(low);
                }
            }
        });
        Ok(())
    }
}
