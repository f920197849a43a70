//! A 1-Wire bus bit-banged on one of the machine's pins, for the `onewire`
//! module: the reset pulse with its presence check, and the read and write
//! time slots of standard speed, with the timings Maxim's application note
//! 126 recommends (in microseconds):
//!
//! - reset: the line low for 480, released; the presence pulse sampled 70
//!   after the release, then 410 more for the devices to finish it;
//! - write 1: low for 6, then released for 64;
//! - write 0: low for 60, then released for 10;
//! - read: low for 3, released, sampled 6 later, then 55 for the slot's end.
//!   A device's bit is valid for only 15 µs from the falling edge, so these
//!   are shorter than the note's 6 and 9: the pin calls take time of their
//!   own (about 2 µs each on a 125 MHz RP2040), and the sample must still
//!   come before 15 µs.
//!
//! The pin is an open-drain output with its pull-up (the bus needs a
//! resistor to the supply besides): driving it "high" releases the line.
//! The parts of a slot whose timing matters run with the machine's
//! interrupts held off ([`Machine::hold_interrupts`]), as MicroPython's
//! rp2 port does; the 480 µs of the reset pulse do not need it.
//! Bytes go least significant bit first. [`crc8`] is the Dallas/Maxim CRC
//! (polynomial x⁸ + x⁵ + x⁴ + 1) every ROM code and scratchpad ends with.

use super::machine::{Machine, MachineError, PinConfig, PinMode, Pull};

/// Reset pulse, then the wait before sampling presence, then the rest (µs).
const RESET_LOW_US: u32 = 480;
const PRESENCE_SAMPLE_US: u32 = 70;
const RESET_RECOVERY_US: u32 = 410;
/// A write-1 slot's low time and its rest (µs).
const WRITE_ONE_LOW_US: u32 = 6;
const WRITE_ONE_RELEASE_US: u32 = 64;
/// A write-0 slot's low time and its recovery (µs).
const WRITE_ZERO_LOW_US: u32 = 60;
const WRITE_ZERO_RELEASE_US: u32 = 10;
/// A read slot's low time, from its release to the sample, then to the
/// slot's end (µs).
const READ_LOW_US: u32 = 3;
const READ_SAMPLE_US: u32 = 6;
const READ_RECOVERY_US: u32 = 55;

/// A 1-Wire bus on `machine`'s pin `pin`.
pub struct OneWireBus<'m> {
    pub machine: &'m mut dyn Machine,
    pub pin: u32,
}

impl OneWireBus<'_> {
    /// Makes the pin an open-drain output with its pull-up, released.
    pub fn init(&mut self) -> Result<(), MachineError> {
        let config = PinConfig { mode: Some(PinMode::OpenDrain), pull: Pull::Up, value: Some(true) };
        self.machine.pin(self.pin)?.configure(config)
    }

    fn drive(&mut self, high: bool) -> Result<(), MachineError> {
        self.machine.pin(self.pin)?.write(high);
        Ok(())
    }

    fn sample(&mut self) -> Result<bool, MachineError> {
        Ok(self.machine.pin(self.pin)?.read())
    }

    /// Runs `slot` with the machine's interrupts held off, restoring them
    /// whatever the slot returns.
    fn quietly<T>(&mut self, slot: impl FnOnce(&mut Self) -> Result<T, MachineError>) -> Result<T, MachineError> {
        let held = self.machine.hold_interrupts();
        let result = slot(self);
        self.machine.release_interrupts(held);
        result
    }

    /// Sends a reset pulse; whether a device answered with its presence pulse.
    pub fn reset(&mut self) -> Result<bool, MachineError> {
        self.drive(false)?;
        self.machine.delay_us(RESET_LOW_US);
        let present = self.quietly(|bus| {
            bus.drive(true)?;
            bus.machine.delay_us(PRESENCE_SAMPLE_US);
            Ok(!bus.sample()?)
        })?;
        self.machine.delay_us(RESET_RECOVERY_US);
        Ok(present)
    }

    /// One read slot: the bit a device sends (1 when none holds the line low).
    pub fn read_bit(&mut self) -> Result<bool, MachineError> {
        let bit = self.quietly(|bus| {
            bus.drive(false)?;
            bus.machine.delay_us(READ_LOW_US);
            bus.drive(true)?;
            bus.machine.delay_us(READ_SAMPLE_US);
            bus.sample()
        })?;
        self.machine.delay_us(READ_RECOVERY_US);
        Ok(bit)
    }

    /// One write slot.
    pub fn write_bit(&mut self, bit: bool) -> Result<(), MachineError> {
        let (low, release) =
            if bit { (WRITE_ONE_LOW_US, WRITE_ONE_RELEASE_US) } else { (WRITE_ZERO_LOW_US, WRITE_ZERO_RELEASE_US) };
        self.quietly(|bus| {
            bus.drive(false)?;
            bus.machine.delay_us(low);
            bus.drive(true)
        })?;
        self.machine.delay_us(release);
        Ok(())
    }

    /// Eight read slots, least significant bit first.
    pub fn read_byte(&mut self) -> Result<u8, MachineError> {
        let mut byte = 0;
        for bit in 0..8 {
            byte |= u8::from(self.read_bit()?) << bit;
        }
        Ok(byte)
    }

    /// Eight write slots, least significant bit first.
    pub fn write_byte(&mut self, byte: u8) -> Result<(), MachineError> {
        for bit in 0..8 {
            self.write_bit(byte >> bit & 1 != 0)?;
        }
        Ok(())
    }

    /// One step of the ROM search (SEARCH ROM, 0xF0, already sent): reads
    /// each bit of the ROM codes still answering and its complement, and
    /// takes the branch the search is on. `rom` holds the previous code and
    /// gets the next; `last_branch` is the bit where the previous step took
    /// the 0 branch of a disagreement (0 for the first step). Returns the
    /// bit where this step took a 0 branch last (0: the search is done), or
    /// `None` when no device answered.
    pub fn search_step(&mut self, rom: &mut [u8; 8], last_branch: u32) -> Result<Option<u32>, MachineError> {
        let mut next_branch = 0;
        for index in 1..=64u32 {
            let (byte, mask) = (((index - 1) / 8) as usize, 1u8 << ((index - 1) % 8));
            let bit = self.read_bit()?;
            let complement = self.read_bit()?;
            let choice = match (bit, complement) {
                (true, true) => return Ok(None),
                (true, false) => true,
                (false, true) => false,
                // Devices disagree: repeat the previous choice before the
                // last branch, take 1 at it, and 0 after it.
                (false, false) => {
                    let choice = if index < last_branch { rom[byte] & mask != 0 } else { index == last_branch };
                    if !choice {
                        next_branch = index;
                    }
                    choice
                }
            };
            if choice {
                rom[byte] |= mask;
            } else {
                rom[byte] &= !mask;
            }
            self.write_bit(choice)?;
        }
        Ok(Some(next_branch))
    }
}

/// The Dallas/Maxim CRC-8 of `bytes` (0 over a block that ends with its own
/// CRC). A `const fn`, so the simulated sensor's ROM code is a constant.
pub const fn crc8(bytes: &[u8]) -> u8 {
    let mut crc = 0u8;
    let mut index = 0;
    while index < bytes.len() {
        let mut byte = bytes[index];
        let mut bit = 0;
        while bit < 8 {
            let mix = (crc ^ byte) & 1;
            crc >>= 1;
            if mix != 0 {
                crc ^= 0x8c;
            }
            byte >>= 1;
            bit += 1;
        }
        index += 1;
    }
    crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc8_is_the_maxim_crc() {
        // The ROM code of application note 27's example: family 0x02,
        // serial 1C B8 01 00 00 00, CRC 0xA2.
        let rom = [0x02, 0x1c, 0xb8, 0x01, 0x00, 0x00, 0x00];
        assert_eq!(crc8(&rom), 0xa2);
        assert_eq!(crc8(&[0x02, 0x1c, 0xb8, 0x01, 0x00, 0x00, 0x00, 0xa2]), 0);
        assert_eq!(crc8(&[]), 0);
    }
}
