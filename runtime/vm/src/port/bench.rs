//! The test jig, simulated: the parts `cargo xtask run --board pico
//! --emulate` wires to the emulated Pico, modelled for ports without
//! hardware (the host, QEMU), so a program that drives them runs unchanged
//! on every port and the Python suite covers `machine` everywhere. This is
//! a test double at the hardware boundary: the devices' behaviour is what
//! their data sheets give, and the emulated Pico's jig checks the same
//! programs against rp2040js's peripherals.
//!
//! The connections, as on the emulated Pico:
//! - I2C0 (GP9 SCL, GP8 SDA): a 256-byte EEPROM at 0x50 (one-byte word
//!   address, sequential read and write with auto-increment, erased to
//!   0xFF) and an SSD1306 128×64 display controller at 0x3C, whose display
//!   RAM [`Ssd1306::ram`] holds; any other address does not acknowledge.
//! - UART1 (GP4 TX, GP5 RX): TX looped back to RX.
//! - SPI0 (GP18 SCK, GP19 MOSI, GP16 MISO): MOSI looped back to MISO.
//! - ADC0 (GP26) at 1.000 V against a 3.3 V reference; the temperature
//!   sensor (ADC4) at the voltage it shows at 27 °C (0.706 V).
//! - GP2 wired to GP3 ([`BENCH_WIRES`], applied by the simulated machine).
//! - GP20 presses the board's BOOTSEL button while it drives high
//!   ([`BOOTSEL_PRESS_PIN`]; released, the button is not pressed).
//! - GP22: a 1-Wire bus with its pull-up and a DS18B20 temperature sensor
//!   (`port::bench_onewire`).

use super::machine::{Adc, I2cBus, I2cConfig, MachineError, SpiBus, SpiConfig, Uart, UartConfig};

/// Pins wired together: the first drives the second (GP2 to GP3, and the
/// loopbacks as wires too: UART1's TX GP4 to its RX GP5, SPI0's MOSI GP19
/// to its MISO GP16, so bit-banged buses on those pins loop back as well).
pub const BENCH_WIRES: &[(u32, u32)] = &[(2, 3), (4, 5), (19, 16)];

/// The pin that presses the BOOTSEL button while it drives high.
pub const BOOTSEL_PRESS_PIN: u32 = 20;

/// The EEPROM's I2C address.
pub const EEPROM_ADDRESS: u16 = 0x50;
/// The display controller's I2C address.
pub const SSD1306_ADDRESS: u16 = 0x3c;

/// A 256-byte I2C EEPROM with a one-byte word address (a 24C02).
pub struct Eeprom {
    pub memory: [u8; 256],
    pointer: u8,
}

impl Eeprom {
    pub const ERASED: Eeprom = Eeprom { memory: [0xff; 256], pointer: 0 };

    /// A write: the first byte sets the word address, the rest are stored
    /// from there on, the address advancing (and wrapping) after each.
    fn write(&mut self, bytes: impl Iterator<Item = u8>) {
        let mut bytes = bytes;
        if let Some(address) = bytes.next() {
            self.pointer = address;
        }
        for byte in bytes {
            self.memory[usize::from(self.pointer)] = byte;
            self.pointer = self.pointer.wrapping_add(1);
        }
    }

    /// A read from the current word address on.
    fn read(&mut self, buffer: &mut [u8]) {
        for byte in buffer {
            *byte = self.memory[usize::from(self.pointer)];
            self.pointer = self.pointer.wrapping_add(1);
        }
    }
}

/// An SSD1306 display controller on I2C: its command decoder (as much of
/// it as addressing needs) and its 128 × 8 pages of display RAM.
pub struct Ssd1306 {
    /// The display RAM, page by page (each byte a column of 8 pixels).
    pub ram: [u8; 1024],
    /// Whether the display is on (0xAF) or off (0xAE).
    pub on: bool,
    mode: u8,
    column: u8,
    page: u8,
    columns: (u8, u8),
    pages: (u8, u8),
    /// The command being collected and how many parameter bytes it still needs.
    command: [u8; 8],
    command_len: usize,
    missing: usize,
}

impl Ssd1306 {
    pub const RESET: Ssd1306 = Ssd1306 {
        ram: [0; 1024],
        on: false,
        mode: 2,
        column: 0,
        page: 0,
        columns: (0, 127),
        pages: (0, 7),
        command: [0; 8],
        command_len: 0,
        missing: 0,
    };

    /// One I2C write: control bytes (0x80 one command follows, 0x00
    /// commands follow, 0x40 data follows, 0xC0 one data byte follows)
    /// and what they introduce.
    fn write(&mut self, bytes: impl Iterator<Item = u8>) {
        let mut bytes = bytes.peekable();
        while let Some(control) = bytes.next() {
            let continuation = control & 0x80 != 0;
            let data = control & 0x40 != 0;
            loop {
                let Some(byte) = bytes.next() else { return };
                if data {
                    self.data(byte);
                } else {
                    self.command_byte(byte);
                }
                if continuation {
                    break;
                }
            }
        }
    }

    fn command_byte(&mut self, byte: u8) {
        if self.missing == 0 {
            self.command_len = 0;
            self.missing = match byte {
                0x20 | 0x81 | 0x8d | 0xa8 | 0xd3 | 0xd5 | 0xd9 | 0xda | 0xdb => 1,
                0x21 | 0x22 | 0xa3 => 2,
                0x29 | 0x2a => 5,
                0x26 | 0x27 => 6,
                _ => 0,
            };
        } else {
            self.missing -= 1;
        }
        if self.command_len < self.command.len() {
            self.command[self.command_len] = byte;
            self.command_len += 1;
        }
        if self.missing == 0 {
            self.execute();
        }
    }

    fn execute(&mut self) {
        let command = &self.command[..self.command_len];
        match *command {
            [0x20, mode] => self.mode = mode & 3,
            [0x21, start, end] => {
                self.columns = (start & 0x7f, end & 0x7f);
                self.column = self.columns.0;
            }
            [0x22, start, end] => {
                self.pages = (start & 7, end & 7);
                self.page = self.pages.0;
            }
            [0xae] => self.on = false,
            [0xaf] => self.on = true,
            [low @ 0x00..=0x0f] if self.mode == 2 => self.column = (self.column & 0xf0) | low,
            [high @ 0x10..=0x17] if self.mode == 2 => self.column = (self.column & 0x0f) | ((high & 0x07) << 4),
            [page @ 0xb0..=0xb7] if self.mode == 2 => self.page = page & 7,
            _ => {}
        }
    }

    /// One byte of display data at the current position, which then
    /// advances as the addressing mode says.
    fn data(&mut self, byte: u8) {
        self.ram[usize::from(self.page) * 128 + usize::from(self.column & 0x7f)] = byte;
        match self.mode {
            0 => {
                if self.column >= self.columns.1 {
                    self.column = self.columns.0;
                    self.page = if self.page >= self.pages.1 { self.pages.0 } else { self.page + 1 };
                } else {
                    self.column += 1;
                }
            }
            1 => {
                if self.page >= self.pages.1 {
                    self.page = self.pages.0;
                    self.column = if self.column >= self.columns.1 { self.columns.0 } else { self.column + 1 };
                } else {
                    self.page += 1;
                }
            }
            _ => self.column = (self.column + 1) & 0x7f,
        }
    }
}

/// An I2C bus with the jig's devices on it (or none).
pub struct BenchI2c {
    pub config: I2cConfig,
    pub eeprom: Option<Eeprom>,
    pub display: Option<Ssd1306>,
}

impl BenchI2c {
    /// A bus with nothing on it.
    pub const fn empty(config: I2cConfig) -> BenchI2c {
        BenchI2c { config, eeprom: None, display: None }
    }

    /// The jig's I2C0: the EEPROM and the display.
    pub const fn with_devices(config: I2cConfig) -> BenchI2c {
        BenchI2c { config, eeprom: Some(Eeprom::ERASED), display: Some(Ssd1306::RESET) }
    }

    pub fn present(&self, address: u16) -> bool {
        (address == EEPROM_ADDRESS && self.eeprom.is_some()) || (address == SSD1306_ADDRESS && self.display.is_some())
    }
}

impl I2cBus for BenchI2c {
    fn configure(&mut self, config: &I2cConfig) -> Result<(), MachineError> {
        self.config = *config;
        Ok(())
    }

    fn write(&mut self, address: u16, parts: &[&[u8]], stop: bool) -> Result<usize, MachineError> {
        let _ = stop;
        let total: usize = parts.iter().map(|part| part.len()).sum();
        if !self.present(address) {
            // MicroPython's rp2 port: an empty write (a scan) is bit-banged
            // and reports ENODEV; the hardware's reports EIO.
            return Err(MachineError::Io(if total == 0 { MachineError::ENODEV } else { MachineError::EIO }));
        }
        let bytes = parts.iter().flat_map(|part| part.iter().copied());
        if address == EEPROM_ADDRESS {
            if let Some(eeprom) = &mut self.eeprom {
                eeprom.write(bytes);
            }
        } else if let Some(display) = &mut self.display {
            display.write(bytes);
        }
        Ok(total)
    }

    fn read(&mut self, address: u16, buffer: &mut [u8], stop: bool) -> Result<(), MachineError> {
        let _ = stop;
        if !self.present(address) {
            return Err(MachineError::Io(MachineError::EIO));
        }
        match (&mut self.eeprom, address) {
            (Some(eeprom), EEPROM_ADDRESS) => eeprom.read(buffer),
            // The SSD1306 answers a read with its status byte (display on: bit 6 clear).
            _ => buffer.fill(if self.display.as_ref().is_some_and(|display| display.on) { 0x03 } else { 0x43 }),
        }
        Ok(())
    }
}

/// The pins of the jig's I2C0: SDA on GP8, SCL on GP9.
pub const I2C0_SDA: u32 = 8;
pub const I2C0_SCL: u32 = 9;

/// Where a pin-level I2C target is in a transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TargetPhase {
    /// Waiting for a START.
    Idle,
    /// Receiving the address byte, or a data byte of a write.
    Receiving { bits: u8, value: u8, address: bool },
    /// Driving (or not) the acknowledge of the byte just received.
    Acknowledging { ack: bool, sampled: bool, then_read: bool },
    /// Sending a byte of a read, bit `bit` on the line.
    Sending { bit: u8, byte: u8 },
    /// Waiting for the controller's acknowledge of a sent byte.
    AwaitingAck { sampled: bool, more: bool },
    /// Addressed to someone else, or done: ignoring until START or STOP.
    Ignoring,
}

/// The jig's I2C devices seen from the pins (SDA, SCL), for controllers
/// that bit-bang the bus (`SoftI2C`): it decodes START, STOP, address and
/// data bits from the line levels and drives SDA low to acknowledge and to
/// send the bits of a read. The bytes go to the same [`BenchI2c`] devices
/// the hardware bus reaches; a write reaches them at its STOP or repeated
/// START, as one write.
pub struct I2cPinTarget {
    phase: TargetPhase,
    previous: (bool, bool),
    address: u16,
    written: [u8; 64],
    written_len: usize,
    /// Whether the target pulls SDA low now.
    pub pulls_sda_low: bool,
}

impl I2cPinTarget {
    pub const fn new() -> I2cPinTarget {
        I2cPinTarget {
            phase: TargetPhase::Idle,
            previous: (true, true),
            address: 0,
            written: [0; 64],
            written_len: 0,
            pulls_sda_low: false,
        }
    }

    /// Delivers a pending write to the devices.
    fn flush(&mut self, bus: &mut BenchI2c) {
        if self.written_len > 0 || self.phase != TargetPhase::Idle {
            let bytes = &self.written[..self.written_len];
            if self.address != 0 && bus.present(self.address) {
                let _ = bus.write(self.address, &[bytes], true);
            }
        }
        self.written_len = 0;
        self.address = 0;
    }

    /// Sees the lines at `scl`, `sda` (SDA as the controller leaves it,
    /// before this target's own pull) and moves on.
    pub fn observe(&mut self, scl: bool, sda: bool, bus: &mut BenchI2c) {
        let (previous_scl, previous_sda) = self.previous;
        self.previous = (scl, sda);
        if previous_scl && scl && previous_sda != sda {
            if sda {
                // STOP.
                self.flush(bus);
                self.phase = TargetPhase::Idle;
            } else {
                // START (or a repeated START).
                self.flush(bus);
                self.phase = TargetPhase::Receiving { bits: 0, value: 0, address: true };
            }
            self.pulls_sda_low = false;
            return;
        }
        let rising = !previous_scl && scl;
        let falling = previous_scl && !scl;
        match self.phase {
            TargetPhase::Receiving { bits, value, address } if rising => {
                let value = (value << 1) | u8::from(sda);
                if bits + 1 < 8 {
                    self.phase = TargetPhase::Receiving { bits: bits + 1, value, address };
                    return;
                }
                if address {
                    let target = u16::from(value >> 1);
                    let present = bus.present(target);
                    if present {
                        self.address = target;
                        self.written_len = 0;
                    }
                    self.phase = TargetPhase::Acknowledging { ack: present, sampled: false, then_read: value & 1 == 1 };
                } else {
                    if self.written_len < self.written.len() {
                        self.written[self.written_len] = value;
                        self.written_len += 1;
                    }
                    self.phase = TargetPhase::Acknowledging { ack: true, sampled: false, then_read: false };
                }
            }
            TargetPhase::Acknowledging { ack, sampled: false, then_read } if falling => {
                self.pulls_sda_low = ack;
                self.phase = TargetPhase::Acknowledging { ack, sampled: true, then_read };
                if !ack {
                    self.phase = TargetPhase::Ignoring;
                }
            }
            TargetPhase::Acknowledging { sampled: true, then_read, .. } if falling => {
                self.pulls_sda_low = false;
                if then_read {
                    // A read starts: the written bytes so far (a register
                    // address) reach the device first.
                    self.flush_keeping_address(bus);
                    let byte = self.read_one(bus);
                    self.phase = TargetPhase::Sending { bit: 7, byte };
                    self.pulls_sda_low = byte & 0x80 == 0;
                } else {
                    self.phase = TargetPhase::Receiving { bits: 0, value: 0, address: false };
                }
            }
            TargetPhase::Sending { bit, byte } if falling => {
                if bit == 0 {
                    self.pulls_sda_low = false;
                    self.phase = TargetPhase::AwaitingAck { sampled: false, more: false };
                } else {
                    let bit = bit - 1;
                    self.pulls_sda_low = (byte >> bit) & 1 == 0;
                    self.phase = TargetPhase::Sending { bit, byte };
                }
            }
            TargetPhase::AwaitingAck { sampled: false, .. } if rising => {
                self.phase = TargetPhase::AwaitingAck { sampled: true, more: !sda };
            }
            TargetPhase::AwaitingAck { sampled: true, more } if falling => {
                if more {
                    let byte = self.read_one(bus);
                    self.phase = TargetPhase::Sending { bit: 7, byte };
                    self.pulls_sda_low = byte & 0x80 == 0;
                } else {
                    self.phase = TargetPhase::Ignoring;
                }
            }
            _ => {}
        }
    }

    /// Delivers the written bytes (if any) without forgetting the address.
    fn flush_keeping_address(&mut self, bus: &mut BenchI2c) {
        if self.written_len > 0 {
            let _ = bus.write(self.address, &[&self.written[..self.written_len]], false);
            self.written_len = 0;
        }
    }

    fn read_one(&mut self, bus: &mut BenchI2c) -> u8 {
        let mut byte = [0xffu8];
        let _ = bus.read(self.address, &mut byte, false);
        byte[0]
    }
}

impl Default for I2cPinTarget {
    fn default() -> I2cPinTarget {
        I2cPinTarget::new()
    }
}

/// An SPI bus whose MOSI is wired to its MISO (`looped`), or whose MISO
/// floats high (reads 0xFF).
pub struct BenchSpi {
    pub config: SpiConfig,
    pub looped: bool,
}

impl SpiBus for BenchSpi {
    fn configure(&mut self, config: &SpiConfig) -> Result<(), MachineError> {
        self.config = *config;
        Ok(())
    }

    fn baudrate(&self) -> u32 {
        self.config.baudrate
    }

    fn transfer(&mut self, write: &[u8], read: &mut [u8], fill: u8) -> Result<(), MachineError> {
        for (index, byte) in read.iter_mut().enumerate() {
            let sent = write.get(index).copied().unwrap_or(fill);
            *byte = if self.looped { sent } else { 0xff };
        }
        Ok(())
    }
}

/// How many bytes a bench UART's receive buffer holds.
pub const UART_BUFFER: usize = 256;

/// A UART whose TX is wired to its RX (`looped`), or whose RX is idle.
pub struct BenchUart {
    pub config: UartConfig,
    pub looped: bool,
    received: [u8; UART_BUFFER],
    start: usize,
    len: usize,
}

impl BenchUart {
    pub const fn new(config: UartConfig, looped: bool) -> BenchUart {
        BenchUart { config, looped, received: [0; UART_BUFFER], start: 0, len: 0 }
    }
}

impl Uart for BenchUart {
    fn configure(&mut self, config: &UartConfig) -> Result<(), MachineError> {
        self.config = *config;
        self.start = 0;
        self.len = 0;
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> Result<usize, MachineError> {
        if self.looped {
            // What does not fit the receive buffer is lost, as on the chip.
            for &byte in bytes {
                if self.len < UART_BUFFER {
                    self.received[(self.start + self.len) % UART_BUFFER] = byte;
                    self.len += 1;
                }
            }
        }
        Ok(bytes.len())
    }

    fn read(&mut self, buffer: &mut [u8]) -> usize {
        let count = buffer.len().min(self.len);
        for byte in &mut buffer[..count] {
            *byte = self.received[self.start];
            self.start = (self.start + 1) % UART_BUFFER;
        }
        self.len -= count;
        count
    }

    fn any(&mut self) -> usize {
        self.len
    }

    fn tx_done(&mut self) -> bool {
        true
    }
}

/// An ADC input at a fixed voltage, read as the RP2040's 12-bit converter
/// reads it against 3.3 V and scaled to 16 bits as MicroPython's
/// `read_u16` does (the 12 bits repeated into the low nibble).
pub struct BenchAdc {
    pub millivolts: u32,
}

impl BenchAdc {
    /// The 12-bit conversion of the input.
    pub fn raw(&self) -> u16 {
        ((self.millivolts * 4096 + 1650) / 3300).min(4095) as u16
    }
}

impl Adc for BenchAdc {
    fn read_u16(&mut self) -> Result<u16, MachineError> {
        let raw = self.raw();
        Ok(raw << 4 | raw >> 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> I2cConfig {
        I2cConfig { freq: 400_000, scl: None, sda: None, timeout_us: 50_000 }
    }

    #[test]
    fn the_eeprom_reads_back_what_was_written_from_any_word_address() {
        let mut bus = BenchI2c::with_devices(config());
        assert_eq!(bus.write(EEPROM_ADDRESS, &[&[0x10], b"abc"], true), Ok(4));
        bus.write(EEPROM_ADDRESS, &[&[0x0f]], false).unwrap();
        let mut read = [0u8; 5];
        bus.read(EEPROM_ADDRESS, &mut read, true).unwrap();
        assert_eq!(&read, b"\xffabc\xff");
        assert_eq!(bus.write(0x51, &[b"x"], true), Err(MachineError::Io(MachineError::EIO)));
        assert_eq!(bus.write(0x51, &[], true), Err(MachineError::Io(MachineError::ENODEV)));
        assert_eq!(bus.write(SSD1306_ADDRESS, &[], true), Ok(0));
    }

    #[test]
    fn the_display_stores_data_where_its_horizontal_addressing_points() {
        let mut display = Ssd1306::RESET;
        // Horizontal mode, columns 126..127, pages 6..7, as a driver sets a window.
        for command in [[0x80u8, 0x20], [0x80, 0x00], [0x80, 0x21], [0x80, 126], [0x80, 127]] {
            display.write(command.into_iter());
        }
        display.write([0x00, 0x22, 6, 7, 0xaf].into_iter());
        display.write([0x40, 1, 2, 3, 4].into_iter());
        assert!(display.on);
        assert_eq!(&display.ram[6 * 128 + 126..6 * 128 + 128], &[1, 2]);
        assert_eq!(&display.ram[7 * 128 + 126..7 * 128 + 128], &[3, 4]);
        // The window wraps to its start.
        display.write([0x40, 5, 9].into_iter());
        assert_eq!(&display.ram[6 * 128 + 126..6 * 128 + 128], &[5, 9]);
        assert_eq!(display.ram[5 * 128 + 127], 0);
    }

    #[test]
    fn loopbacks_return_what_was_sent_and_the_adc_reads_one_volt() {
        let mut uart = BenchUart::new(
            UartConfig {
                baudrate: 115_200,
                bits: 8,
                parity: super::super::machine::Parity::None,
                stop: 1,
                tx: None,
                rx: None,
                rx_buffer: 256,
            },
            true,
        );
        uart.write(b"hello").unwrap();
        assert_eq!(uart.any(), 5);
        let mut read = [0u8; 3];
        assert_eq!(uart.read(&mut read), 3);
        assert_eq!(&read, b"hel");
        assert_eq!(uart.any(), 2);
        let adc = BenchAdc { millivolts: 1000 };
        assert_eq!(adc.raw(), 1241);
        assert_eq!(BenchAdc { millivolts: 1000 }.read_u16(), Ok(19860));
    }
}
