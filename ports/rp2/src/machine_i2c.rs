//! The hardware I2C controllers (`machine.I2C(0)`, `machine.I2C(1)`) through
//! the HAL's controller driver, as `rime_vm`'s [`I2cBus`].
//!
//! `configure` takes the two pins from their slots (lent to the HAL's
//! driver, checked by it to be SDA and SCL pins of that controller, pull-ups
//! on, as MicroPython's rp2 port sets them) and builds the driver at the
//! clock rate asked for; a new `configure` or `deinit` drops the driver and
//! gives the pins back. The defaults are MicroPython rp2's: I2C0 on GP8
//! (SDA) and GP9 (SCL), I2C1 on GP6 and GP7, 400 kHz.
//!
//! Transfers are the HAL's transactions, which end with a stop. Two things
//! the controller cannot do are done as MicroPython does them, or as close
//! as the HAL allows:
//! - A zero-length write (`scan`, `writeto(addr, b"")`): the controller
//!   needs a data byte after the address, so, as MicroPython's
//!   `machine_i2c.c` does, the driver lets go of the pins, the address is
//!   sent bit-banged on them as open-drain lines (the VM's `SoftI2cBus`, at
//!   the bus's clock rate), and the driver is built again; a NACK is
//!   `ENODEV`, as MicroPython's bit-banged transfer reports it.
//! - A write without a stop (`writeto(..., stop=False)`, the register
//!   address of `readfrom_mem`): its bytes are kept and sent at the start
//!   of the next transfer to the same address, with a repeated start before
//!   a read, which is what goes on the wire in MicroPython; a NACK of them
//!   is then reported by that transfer.
//!
//! Any other NACK is `OSError(EIO)`, as pico-sdk's `PICO_ERROR_GENERIC`
//! becomes in MicroPython's `machine_i2c.c`.
//!
//! rp2040-hal 0.12 (and rp235x-hal 0.4) look at the abort source during a
//! write only while they wait for room in the FIFO, so a NACK of a write
//! that fits the FIFO comes back as success, and its abort reason fails the
//! next transfer instead. After each write this driver therefore reads (and
//! clears) the controller's abort source itself, through a pointer to the
//! register block kept from the PAC value the driver was built from: the
//! only register access outside the HAL here.

use embedded_hal::i2c::{I2c as _, Operation};
use rime_vm::port::soft_i2c::SoftI2cBus;
use rime_vm::port::{I2cBus, I2cConfig, MachineError, Pin, PinConfig, PinMode, Pull};

use crate::chip::hal::fugit::RateExtU32;
use crate::chip::hal::gpio::{DynPinId, FunctionI2c, Pin as HalPin, PullUp};
use crate::chip::hal::i2c::{I2cDevice, ValidatedPinScl, ValidatedPinSda};
use crate::chip::hal::{self, pac};
use crate::machine::{IdlePin, Rp2Machine};

/// MicroPython rp2's `Pin.ALT_I2C`: the chip's function number for I2C.
const ALT_I2C: u8 = 3;

/// A GPIO routed to an I2C controller.
type I2cPin = HalPin<DynPinId, FunctionI2c, PullUp>;
/// The HAL's controller driver with its two validated pins.
type Driver<D> = hal::I2C<D, (ValidatedPinSda<I2cPin, D>, ValidatedPinScl<I2cPin, D>)>;

/// The longest write without a stop kept for the next transfer (a
/// register address is one or two bytes).
const PENDING_MAX: usize = 16;

/// One controller: its register block while stopped, its driver while running.
pub struct I2cSlot<D: I2cDevice> {
    /// The block, when no driver holds it.
    block: Option<D>,
    /// The running driver and its SDA and SCL pin numbers.
    driver: Option<(Driver<D>, u32, u32)>,
    /// The running driver's settings, to build it again after a bit-banged write.
    config: Option<I2cConfig>,
    /// MicroPython's default SDA and SCL pins for this controller.
    default_pins: (u32, u32),
    /// A write without a stop waiting for the next transfer: address, bytes, count.
    pending: Option<(u16, [u8; PENDING_MAX], usize)>,
    /// The controller's registers, for the abort source (see the module docs).
    registers: *const pac::i2c0::RegisterBlock,
}

impl<D: I2cDevice> I2cSlot<D> {
    /// A stopped controller with MicroPython's default pins.
    pub fn new(block: D, default_sda: u32, default_scl: u32) -> I2cSlot<D> {
        let registers: *const pac::i2c0::RegisterBlock = &*block;
        I2cSlot {
            block: Some(block),
            driver: None,
            config: None,
            default_pins: (default_sda, default_scl),
            pending: None,
            registers,
        }
    }

    /// Reads and clears the abort source: whether the last write was aborted (a NACK).
    fn write_aborted(&self) -> bool {
        // `registers` points to this controller's memory-mapped register
        // block, which exists for the program's life, and the PAC's accessors
        // read and write it volatile.
        // SAFETY: the driver that owns the block is not running while this
        // runs (it is called between its transactions, on the one core).
        let registers = unsafe { &*self.registers };
        if registers.ic_tx_abrt_source().read().bits() == 0 {
            return false;
        }
        registers.ic_clr_tx_abrt().read();
        true
    }
}

/// A lent pin as an I2C pin, or the pin back when the HAL refuses the function.
fn to_i2c_pin(pin: IdlePin) -> Result<I2cPin, IdlePin> {
    match pin.try_into_function::<FunctionI2c>() {
        Ok(pin) => Ok(pin.into_pull_type::<PullUp>()),
        Err(pin) => Err(pin),
    }
}

impl Rp2Machine {
    /// Stops controller `D`, giving its pins back to their slots.
    fn i2c_stop<D: I2cDevice>(&mut self, select: fn(&mut Rp2Machine) -> &mut I2cSlot<D>) {
        let Some((driver, sda, scl)) = select(self).driver.take() else { return };
        let (block, _pins) = driver.free(&mut self.resets);
        select(self).block = Some(block);
        select(self).pending = None;
        // The driver dropped the two HAL pins it held; the slots get new ones.
        self.restore_pin(sda);
        self.restore_pin(scl);
    }

    fn i2c_configure<D: I2cDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut I2cSlot<D>,
        config: &I2cConfig,
    ) -> Result<(), MachineError> {
        let (default_sda, default_scl) = select(self).default_pins;
        let (sda, scl) = (config.sda.unwrap_or(default_sda), config.scl.unwrap_or(default_scl));
        // The HAL asserts a rate whose SCL counts fit its registers.
        let period = (self.sys_hz + config.freq / 2) / config.freq.max(1);
        if config.freq == 0 || config.freq > 1_000_000 || period * 3 / 5 > 0xffff {
            return Err(MachineError::InvalidArgument("I2C frequency out of range"));
        }
        self.i2c_stop(select);
        let block = select(self).block.take().ok_or(MachineError::InUse("the I2C controller is busy"))?;
        let sda_pin =
            self.lend_pin(sda, ALT_I2C).and_then(|pin| to_i2c_pin(pin).map_err(|pin| self.return_pin(sda, pin)));
        let sda_pin =
            sda_pin.and_then(|pin| ValidatedPinSda::validate(pin, &block).map_err(|pin| self.return_pin(sda, pin)));
        let scl_pin = match sda_pin {
            Ok(_) => {
                self.lend_pin(scl, ALT_I2C).and_then(|pin| to_i2c_pin(pin).map_err(|pin| self.return_pin(scl, pin)))
            }
            Err(error) => Err(error),
        };
        let scl_pin =
            scl_pin.and_then(|pin| ValidatedPinScl::validate(pin, &block).map_err(|pin| self.return_pin(scl, pin)));
        match (sda_pin, scl_pin) {
            (Ok(sda_pin), Ok(scl_pin)) => {
                let driver = hal::I2C::new_controller(
                    block,
                    sda_pin,
                    scl_pin,
                    config.freq.Hz(),
                    &mut self.resets,
                    self.sys_hz.Hz(),
                );
                select(self).driver = Some((driver, sda, scl));
                select(self).config = Some(I2cConfig { sda: Some(sda), scl: Some(scl), ..*config });
                Ok(())
            }
            (Ok(_sda_pin), Err(error)) => {
                // The SDA pin was validated but not used: the slot gets a new one.
                self.restore_pin(sda);
                select(self).block = Some(block);
                Err(crate::machine::bad_pin(error, "bad SCL pin"))
            }
            (Err(error), _) => {
                select(self).block = Some(block);
                Err(crate::machine::bad_pin(error, "bad SDA pin"))
            }
        }
    }

    fn i2c_write<D: I2cDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut I2cSlot<D>,
        address: u16,
        parts: &[&[u8]],
        stop: bool,
    ) -> Result<usize, MachineError> {
        let slot = select(self);
        let Some((driver, _, _)) = slot.driver.as_mut() else { return Err(MachineError::Io(MachineError::EIO)) };
        let address = address as u8;
        let total: usize = parts.iter().map(|part| part.len()).sum();
        let pending = slot.pending.take().filter(|(to, _, _)| *to == u16::from(address));
        if !stop && pending.is_none() && total <= PENDING_MAX {
            let mut bytes = [0u8; PENDING_MAX];
            let mut at = 0;
            for part in parts {
                bytes[at..at + part.len()].copy_from_slice(part);
                at += part.len();
            }
            slot.pending = Some((u16::from(address), bytes, total));
            return Ok(total);
        }
        if total == 0 && pending.is_none() {
            return self.i2c_write_bit_banged(select, address);
        }
        let mut operations: [Operation<'_>; 9] = core::array::from_fn(|_| Operation::Write(&[]));
        let mut count = 0;
        let pending_bytes = pending.as_ref().map(|(_, bytes, length)| &bytes[..*length]);
        for part in pending_bytes.into_iter().chain(parts.iter().copied()).filter(|part| !part.is_empty()) {
            if count == operations.len() {
                return Err(MachineError::Unsupported("too many buffers for one I2C write"));
            }
            operations[count] = Operation::Write(part);
            count += 1;
        }
        let outcome = driver.transaction(address, &mut operations[..count]);
        if outcome.is_err() | slot.write_aborted() {
            return Err(MachineError::Io(MachineError::EIO));
        }
        Ok(total)
    }

    /// A zero-length write to `address`, bit-banged on the bus's pins while
    /// the driver is down (see the module docs).
    fn i2c_write_bit_banged<D: I2cDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut I2cSlot<D>,
        address: u8,
    ) -> Result<usize, MachineError> {
        let Some(config) = select(self).config else { return Err(MachineError::Io(MachineError::EIO)) };
        let (Some(scl), Some(sda)) = (config.scl, config.sda) else { return Err(MachineError::Io(MachineError::EIO)) };
        self.i2c_stop(select);
        let open_drain = PinConfig { mode: Some(PinMode::OpenDrain), pull: Pull::Up, value: Some(true) };
        let outcome = self.gpio(scl).and_then(|pin| pin.configure(open_drain));
        let outcome = outcome.and_then(|()| self.gpio(sda).and_then(|pin| pin.configure(open_drain)));
        let outcome = outcome.and_then(|()| {
            let mut bus = SoftI2cBus {
                machine: self,
                scl,
                sda,
                delay_us: 500_000 / config.freq.max(1) + 1,
                timeout_us: config.timeout_us,
            };
            bus.write(u16::from(address), &[], true)
        });
        self.i2c_configure(select, &config)?;
        outcome
    }

    fn i2c_read<D: I2cDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut I2cSlot<D>,
        address: u16,
        buffer: &mut [u8],
    ) -> Result<(), MachineError> {
        let slot = select(self);
        let Some((driver, _, _)) = slot.driver.as_mut() else { return Err(MachineError::Io(MachineError::EIO)) };
        let pending = slot.pending.take().filter(|(to, _, _)| *to == address);
        if buffer.is_empty() {
            return Ok(());
        }
        let address = address as u8;
        let outcome = match &pending {
            Some((_, bytes, length)) if *length > 0 => driver.write_read(address, &bytes[..*length], buffer),
            _ => driver.read(address, buffer),
        };
        outcome.map_err(|_| MachineError::Io(MachineError::EIO))
    }
}

fn i2c0(machine: &mut Rp2Machine) -> &mut I2cSlot<pac::I2C0> {
    &mut machine.i2c0
}

fn i2c1(machine: &mut Rp2Machine) -> &mut I2cSlot<pac::I2C1> {
    &mut machine.i2c1
}

/// `Machine::i2c` selected the controller; each call goes to it.
impl I2cBus for Rp2Machine {
    fn configure(&mut self, config: &I2cConfig) -> Result<(), MachineError> {
        if self.selected == 0 {
            self.i2c_configure(i2c0, config)
        } else {
            self.i2c_configure(i2c1, config)
        }
    }

    fn write(&mut self, address: u16, parts: &[&[u8]], stop: bool) -> Result<usize, MachineError> {
        if self.selected == 0 {
            self.i2c_write(i2c0, address, parts, stop)
        } else {
            self.i2c_write(i2c1, address, parts, stop)
        }
    }

    fn read(&mut self, address: u16, buffer: &mut [u8], stop: bool) -> Result<(), MachineError> {
        let _ = stop;
        if self.selected == 0 {
            self.i2c_read(i2c0, address, buffer)
        } else {
            self.i2c_read(i2c1, address, buffer)
        }
    }

    fn deinit(&mut self) {
        if self.selected == 0 {
            self.i2c_stop(i2c0)
        } else {
            self.i2c_stop(i2c1)
        }
    }
}
