//! An I2C controller bit-banged on two of the machine's pins, as
//! MicroPython's `SoftI2C` drives them: open-drain SCL and SDA, each bit
//! set while SCL is low and read while it is high, a START as SDA falling
//! with SCL high and a STOP as SDA rising with SCL high. It implements
//! [`I2cBus`], so `machine.SoftI2C` shares `machine.I2C`'s methods, and
//! gives the start/stop/byte primitives `SoftI2C` has besides.
//!
//! Errors are MicroPython's: an address that is not acknowledged is
//! `ENODEV`; SCL held low past the timeout (clock stretching) is
//! `ETIMEDOUT`; a data byte that is not acknowledged ends a write, which
//! then reports how many bytes were acknowledged.

use super::machine::{I2cBus, I2cConfig, Machine, MachineError, PinConfig, PinMode, Pull};

/// A bit-banged bus over `machine`'s pins `scl` and `sda`.
pub struct SoftI2cBus<'m> {
    pub machine: &'m mut dyn Machine,
    pub scl: u32,
    pub sda: u32,
    /// Half a clock period, in microseconds.
    pub delay_us: u32,
    /// How long SCL may be held low by a target, in microseconds.
    pub timeout_us: u32,
}

impl SoftI2cBus<'_> {
    fn delay(&mut self) {
        self.machine.delay_us(self.delay_us);
    }

    fn set(&mut self, pin: u32, high: bool) -> Result<(), MachineError> {
        // Open drain: drive low, or let the line float high.
        self.machine.pin(pin)?.write(high);
        Ok(())
    }

    fn read(&mut self, pin: u32) -> Result<bool, MachineError> {
        Ok(self.machine.pin(pin)?.read())
    }

    /// Puts both lines in open-drain mode, released (high).
    pub fn init(&mut self) -> Result<(), MachineError> {
        let open_drain = PinConfig { mode: Some(PinMode::OpenDrain), pull: Pull::Up, value: Some(true) };
        self.machine.pin(self.scl)?.configure(open_drain)?;
        self.machine.pin(self.sda)?.configure(open_drain)?;
        let _ = self.stop();
        Ok(())
    }

    /// Releases SCL and waits while a target holds it low.
    fn release_scl(&mut self) -> Result<(), MachineError> {
        self.set(self.scl, true)?;
        self.delay();
        let mut waited = 0;
        while !self.read(self.scl)? {
            if waited >= self.timeout_us {
                return Err(MachineError::Io(MachineError::ETIMEDOUT));
            }
            self.machine.delay_us(1);
            waited += 1;
        }
        Ok(())
    }

    /// [`SoftI2cBus::release_scl`], releasing SDA too when it times out,
    /// so a failed byte leaves the bus free.
    fn release_scl_or_free_sda(&mut self) -> Result<(), MachineError> {
        let released = self.release_scl();
        if released.is_err() {
            self.set(self.sda, true)?;
        }
        released
    }

    pub fn start(&mut self) -> Result<(), MachineError> {
        self.set(self.sda, true)?;
        self.delay();
        self.release_scl()?;
        self.set(self.sda, false)?;
        self.delay();
        Ok(())
    }

    pub fn stop(&mut self) -> Result<(), MachineError> {
        self.delay();
        self.set(self.sda, false)?;
        self.delay();
        let released = self.release_scl();
        self.set(self.sda, true)?;
        self.delay();
        released
    }

    /// Sends a byte; whether the target acknowledged it.
    pub fn write_byte(&mut self, value: u8) -> Result<bool, MachineError> {
        self.delay();
        self.set(self.scl, false)?;
        for bit in (0..8).rev() {
            self.set(self.sda, (value >> bit) & 1 == 1)?;
            self.delay();
            self.release_scl_or_free_sda()?;
            self.set(self.scl, false)?;
        }
        self.set(self.sda, true)?;
        self.delay();
        self.release_scl()?;
        let nack = self.read(self.sda)?;
        self.delay();
        self.set(self.scl, false)?;
        Ok(!nack)
    }

    /// Receives a byte, then acknowledges it unless `nack`.
    pub fn read_byte(&mut self, nack: bool) -> Result<u8, MachineError> {
        self.delay();
        self.set(self.scl, false)?;
        self.delay();
        let mut value = 0u8;
        for _ in 0..8 {
            self.release_scl()?;
            value = (value << 1) | u8::from(self.read(self.sda)?);
            self.set(self.scl, false)?;
            self.delay();
        }
        if !nack {
            self.set(self.sda, false)?;
        }
        self.delay();
        self.release_scl_or_free_sda()?;
        self.set(self.scl, false)?;
        self.set(self.sda, true)?;
        Ok(value)
    }

    /// START and the address byte; `ENODEV` (after a STOP) when no target answers.
    fn address(&mut self, address: u16, read: bool) -> Result<(), MachineError> {
        self.start()?;
        if !self.write_byte(((address as u8) << 1) | u8::from(read))? {
            let _ = self.stop();
            return Err(MachineError::Io(MachineError::ENODEV));
        }
        Ok(())
    }
}

impl I2cBus for SoftI2cBus<'_> {
    fn configure(&mut self, config: &I2cConfig) -> Result<(), MachineError> {
        self.delay_us = (500_000 / config.freq.max(1)).max(1);
        self.timeout_us = config.timeout_us;
        self.init()
    }

    fn write(&mut self, address: u16, parts: &[&[u8]], stop: bool) -> Result<usize, MachineError> {
        self.address(address, false)?;
        let mut acknowledged = 0;
        'parts: for part in parts {
            for &byte in *part {
                if !self.write_byte(byte)? {
                    break 'parts;
                }
                acknowledged += 1;
            }
        }
        if stop {
            self.stop()?;
        }
        Ok(acknowledged)
    }

    fn read(&mut self, address: u16, buffer: &mut [u8], stop: bool) -> Result<(), MachineError> {
        self.address(address, true)?;
        let last = buffer.len().saturating_sub(1);
        for (index, byte) in buffer.iter_mut().enumerate() {
            *byte = self.read_byte(index == last)?;
        }
        if stop {
            self.stop()?;
        }
        Ok(())
    }
}
