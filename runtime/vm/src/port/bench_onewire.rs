//! The test jig's 1-Wire part, simulated: a DS18B20 temperature sensor on
//! GP22 ([`ONEWIRE_PIN`]), with the bus's pull-up resistor, as the emulated
//! Pico's jig (`tests/reference/pico-jig.mjs`) has it. Its behaviour is the
//! DS18B20 data sheet's, at standard speed:
//!
//! - A low pulse of 400 µs or more is a reset; 30 µs after the line is
//!   released the sensor pulls it low for 120 µs (its presence pulse).
//! - In a write slot, a low time under 15 µs is a 1 and a longer one a 0.
//! - In a read slot the sensor sends a 0 by holding the line low for 15 µs
//!   from the controller's falling edge (the time the data sheet says its
//!   data is valid: a controller that samples later reads a 1); a 1 leaves
//!   it alone.
//! - ROM commands: READ ROM (0x33), MATCH ROM (0x55), SKIP ROM (0xCC) and
//!   SEARCH ROM (0xF0); function commands: CONVERT T (0x44, done at once:
//!   read slots after it read 1, "finished"), READ SCRATCHPAD (0xBE: nine
//!   bytes, the last their CRC, then 1s) and WRITE SCRATCHPAD (0x4E: TH, TL
//!   and the configuration byte).
//! - The ROM code is [`DS18B20_ROM`] (family 0x28, its CRC last). The
//!   scratchpad holds 85 °C from power-up until the first conversion, then
//!   [`DS18B20_TEMPERATURE`] (21.5 °C, 0x0158 in sixteenths of a degree),
//!   with TH 75, TL 70 and 12-bit resolution.
//!
//! The sensor works on time as the controller's pin sees it: the simulated
//! machine shows it the line's level before each pin access and each delay,
//! with a clock that only its delays advance ([`Ds18b20::observe`]), and
//! asks it whether it holds the line low ([`Ds18b20::holds_low`]).

use super::onewire::crc8;

/// The pin the sensor is on.
pub const ONEWIRE_PIN: u32 = 22;

/// The sensor's 64-bit ROM code: family 0x28 (DS18B20), serial number
/// 0x0000_0145_4d49_52 ("RIME" and 1, least significant byte first), and
/// the CRC of the first seven bytes.
pub const DS18B20_ROM: [u8; 8] = {
    let code = [0x28, 0x52, 0x49, 0x4d, 0x45, 0x01, 0x00];
    let crc = crc8(&code);
    [code[0], code[1], code[2], code[3], code[4], code[5], code[6], crc]
};

/// The temperature a conversion measures, in sixteenths of a degree (21.5 °C).
pub const DS18B20_TEMPERATURE: u16 = 0x0158;
/// The temperature register at power-up (85 °C).
const POWER_UP_TEMPERATURE: u16 = 0x0550;

/// A low pulse at least this long is a reset (µs; the data sheet asks for 480).
const RESET_MIN_US: u64 = 400;
/// A write slot's low time below this is a 1 (µs).
const WRITE_ONE_MAX_US: u64 = 15;
/// The wait before the presence pulse and its length (µs).
const PRESENCE_DELAY_US: u64 = 30;
const PRESENCE_US: u64 = 120;
/// How long the sensor holds the line low to send a 0 (µs).
const SEND_ZERO_US: u64 = 15;

/// What the sensor does with the next time slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Waiting for a reset.
    Idle,
    /// Receiving the bytes of `purpose` into `received`: `count` whole
    /// bytes and `bits` bits of the next so far.
    Receiving { purpose: Purpose, bits: u8, count: u8 },
    /// Sending `len` bytes of `sending`, then 1s; `bit` counts read slots.
    Sending { len: u8, bit: u16 },
    /// SEARCH ROM at ROM bit `index`: the slot starting in step 0 sends the
    /// bit, in step 1 its complement, in step 2 receives the controller's
    /// choice (step 3 while that slot lasts).
    Searching { index: u8, step: u8 },
}

/// What a received byte sequence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    RomCommand,
    MatchRom,
    FunctionCommand,
    WriteScratchpad,
}

impl Purpose {
    fn length(self) -> u8 {
        match self {
            Purpose::RomCommand | Purpose::FunctionCommand => 1,
            Purpose::MatchRom => 8,
            Purpose::WriteScratchpad => 3,
        }
    }
}

/// The simulated sensor.
#[derive(Clone, Debug)]
pub struct Ds18b20 {
    phase: Phase,
    /// Whether the controller drove the line low when last observed, and since when.
    controller_low: bool,
    fell_at: u64,
    /// When the sensor holds the line low: from, until (µs).
    hold: (u64, u64),
    received: [u8; 8],
    sending: [u8; 9],
    scratchpad: [u8; 9],
}

impl Ds18b20 {
    /// The sensor as at power-up.
    pub const fn new() -> Ds18b20 {
        let mut scratchpad = [0, 0, 75, 70, 0x7f, 0xff, 0x0c, 0x10, 0];
        scratchpad[0] = POWER_UP_TEMPERATURE as u8;
        scratchpad[1] = (POWER_UP_TEMPERATURE >> 8) as u8;
        let mut sensor = Ds18b20 {
            phase: Phase::Idle,
            controller_low: false,
            fell_at: 0,
            hold: (0, 0),
            received: [0; 8],
            sending: [0; 9],
            scratchpad,
        };
        sensor.seal_scratchpad();
        sensor
    }

    const fn seal_scratchpad(&mut self) {
        let mut body = [0u8; 8];
        let mut index = 0;
        while index < 8 {
            body[index] = self.scratchpad[index];
            index += 1;
        }
        self.scratchpad[8] = crc8(&body);
    }

    /// Whether the sensor holds the line low at `now` (µs).
    pub fn holds_low(&self, now: u64) -> bool {
        self.hold.0 <= now && now < self.hold.1
    }

    /// Sees whether the controller drives the line low at `now` (µs).
    pub fn observe(&mut self, controller_low: bool, now: u64) {
        if controller_low == self.controller_low {
            return;
        }
        self.controller_low = controller_low;
        if controller_low {
            self.fell_at = now;
            self.slot_started(now);
        } else {
            self.slot_ended(now, now.saturating_sub(self.fell_at));
        }
    }

    /// The controller pulled the line low: a read slot takes the next bit.
    fn slot_started(&mut self, now: u64) {
        let send = match &mut self.phase {
            Phase::Sending { len, bit } => {
                let (byte, shift) = (usize::from(*bit / 8), *bit % 8);
                let value = byte >= usize::from(*len) || self.sending[byte] >> shift & 1 != 0;
                *bit = bit.saturating_add(1);
                Some(value)
            }
            Phase::Searching { index, step } => {
                let bit = DS18B20_ROM[usize::from(*index / 8)] >> (*index % 8) & 1 != 0;
                let value = if *step == 0 { bit } else { !bit };
                *step = (*step + 1).min(3);
                (*step < 3).then_some(value)
            }
            _ => None,
        };
        if send == Some(false) {
            self.hold = (now, now + SEND_ZERO_US);
        }
    }

    /// The controller released the line after `low` µs.
    fn slot_ended(&mut self, now: u64, low: u64) {
        if low >= RESET_MIN_US {
            self.hold = (now + PRESENCE_DELAY_US, now + PRESENCE_DELAY_US + PRESENCE_US);
            self.phase = Phase::Receiving { purpose: Purpose::RomCommand, bits: 0, count: 0 };
            return;
        }
        let bit = low < WRITE_ONE_MAX_US;
        match self.phase {
            Phase::Receiving { purpose, bits, count } => {
                let slot = usize::from(count);
                if bits == 0 {
                    self.received[slot] = 0;
                }
                self.received[slot] |= u8::from(bit) << bits;
                if bits < 7 {
                    self.phase = Phase::Receiving { purpose, bits: bits + 1, count };
                } else if count + 1 < purpose.length() {
                    self.phase = Phase::Receiving { purpose, bits: 0, count: count + 1 };
                } else {
                    self.received_all(purpose);
                }
            }
            Phase::Searching { index, step: 3 } => {
                let rom_bit = DS18B20_ROM[usize::from(index / 8)] >> (index % 8) & 1 != 0;
                self.phase = match (bit == rom_bit, index) {
                    (false, _) => Phase::Idle,
                    (true, 63) => Phase::Receiving { purpose: Purpose::FunctionCommand, bits: 0, count: 0 },
                    (true, _) => Phase::Searching { index: index + 1, step: 0 },
                };
            }
            _ => {}
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.sending[..bytes.len()].copy_from_slice(bytes);
        self.phase = Phase::Sending { len: bytes.len() as u8, bit: 0 };
    }

    fn received_all(&mut self, purpose: Purpose) {
        let receive = |purpose| Phase::Receiving { purpose, bits: 0, count: 0 };
        self.phase = Phase::Idle;
        match (purpose, self.received[0]) {
            (Purpose::RomCommand, 0x33) => self.send(&DS18B20_ROM),
            (Purpose::RomCommand, 0x55) => self.phase = receive(Purpose::MatchRom),
            (Purpose::RomCommand, 0xcc) => self.phase = receive(Purpose::FunctionCommand),
            (Purpose::RomCommand, 0xf0) => self.phase = Phase::Searching { index: 0, step: 0 },
            (Purpose::MatchRom, _) if self.received == DS18B20_ROM => self.phase = receive(Purpose::FunctionCommand),
            (Purpose::FunctionCommand, 0x44) => {
                self.scratchpad[0] = DS18B20_TEMPERATURE as u8;
                self.scratchpad[1] = (DS18B20_TEMPERATURE >> 8) as u8;
                self.seal_scratchpad();
                self.send(&[]);
            }
            (Purpose::FunctionCommand, 0xbe) => {
                let scratchpad = self.scratchpad;
                self.send(&scratchpad);
            }
            (Purpose::FunctionCommand, 0x4e) => self.phase = receive(Purpose::WriteScratchpad),
            (Purpose::WriteScratchpad, _) => {
                self.scratchpad[2..5].copy_from_slice(&self.received[..3]);
                self.seal_scratchpad();
            }
            _ => {}
        }
    }
}

impl Default for Ds18b20 {
    fn default() -> Ds18b20 {
        Ds18b20::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives the sensor as a controller would, on a clock of its own.
    struct Controller {
        sensor: Ds18b20,
        now: u64,
    }

    impl Controller {
        fn pulse(&mut self, low: u64, then: u64) {
            self.sensor.observe(true, self.now);
            self.now += low;
            self.sensor.observe(false, self.now);
            self.now += then;
        }

        fn reset(&mut self) -> bool {
            self.pulse(480, 70);
            let present = self.sensor.holds_low(self.now);
            self.now += 410;
            present
        }

        fn write_byte(&mut self, byte: u8) {
            for bit in 0..8 {
                if byte >> bit & 1 != 0 {
                    self.pulse(6, 64);
                } else {
                    self.pulse(60, 10);
                }
            }
        }

        fn read_byte(&mut self) -> u8 {
            let mut byte = 0;
            for bit in 0..8 {
                self.sensor.observe(true, self.now);
                self.now += 3;
                self.sensor.observe(false, self.now);
                self.now += 6;
                byte |= u8::from(!self.sensor.holds_low(self.now)) << bit;
                self.now += 55;
            }
            byte
        }
    }

    #[test]
    fn the_rom_code_ends_with_its_crc() {
        assert_eq!(crc8(&DS18B20_ROM), 0);
        assert_eq!(DS18B20_ROM[0], 0x28);
    }

    #[test]
    fn the_sensor_answers_read_rom_and_converts_to_its_temperature() {
        let mut bus = Controller { sensor: Ds18b20::new(), now: 0 };
        assert!(bus.reset(), "presence pulse");
        bus.write_byte(0x33);
        let rom: [u8; 8] = core::array::from_fn(|_| bus.read_byte());
        assert_eq!(rom, DS18B20_ROM);
        // The scratchpad before and after a conversion.
        assert!(bus.reset());
        bus.write_byte(0xcc);
        bus.write_byte(0xbe);
        let before: [u8; 9] = core::array::from_fn(|_| bus.read_byte());
        assert_eq!((before[0], before[1], crc8(&before)), (0x50, 0x05, 0));
        assert!(bus.reset());
        bus.write_byte(0xcc);
        bus.write_byte(0x44);
        assert_eq!(bus.read_byte(), 0xff, "the conversion is done");
        assert!(bus.reset());
        bus.write_byte(0x55);
        for byte in DS18B20_ROM {
            bus.write_byte(byte);
        }
        bus.write_byte(0xbe);
        let after: [u8; 9] = core::array::from_fn(|_| bus.read_byte());
        assert_eq!((after[0], after[1], &after[2..5], crc8(&after)), (0x58, 0x01, &[75, 70, 0x7f][..], 0));
        // Another ROM code deselects the sensor: it sends nothing.
        assert!(bus.reset());
        bus.write_byte(0x55);
        for byte in [0x28, 0, 0, 0, 0, 0, 0, 0] {
            bus.write_byte(byte);
        }
        bus.write_byte(0xbe);
        assert_eq!(bus.read_byte(), 0xff);
    }

    #[test]
    fn without_a_reset_pulse_there_is_no_presence() {
        let mut bus = Controller { sensor: Ds18b20::new(), now: 0 };
        bus.pulse(100, 70);
        assert!(!bus.sensor.holds_low(bus.now));
    }
}
