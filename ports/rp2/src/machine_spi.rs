//! The hardware SPI controllers (`machine.SPI(0)`, `machine.SPI(1)`) through
//! the HAL's SPI driver with 8-bit or 16-bit frames, as `rime_vm`'s [`SpiBus`].
//!
//! `configure` lends SCK, MOSI and MISO to the HAL's driver (each checked by
//! it to be that pin of that controller) and starts it in controller mode
//! with the polarity, phase and rate asked for; the rate the dividers give
//! is what `baudrate` reports. A new `configure` or `deinit` drops the
//! driver and gives the pins back. The defaults are MicroPython rp2's: SPI0
//! on GP18 (SCK), GP19 (MOSI), GP16 (MISO); SPI1 on GP10, GP11, GP8. The
//! controller sends the most significant bit first only.
//!
//! `bits=16` sets 16-bit frames, and the buffers stay bytes, as on
//! MicroPython's rp2 port (which hands its byte buffers to the SDK's 8-bit
//! transfer after `spi_set_format`): each byte goes out as one frame, its
//! high 8 bits zero, and each byte read is the low 8 bits of the frame
//! received. (MicroPython moves transfers of 32 bytes or more by 8-bit DMA,
//! whose writes the bus replicates into both halves of the frame; rime
//! sends every frame as its shorter transfers do.) Other sizes (4 to 15
//! bits, which the HAL makes a driver type each) are refused.

use embedded_hal::spi::{Mode, Phase, Polarity, SpiBus as _};
use rime_vm::port::{MachineError, SpiBus, SpiConfig};

use crate::chip::hal::fugit::RateExtU32;
use crate::chip::hal::gpio::{DynPinId, FunctionSpi, Pin as HalPin, PullDown};
use crate::chip::hal::spi::{Enabled, SpiDevice, ValidatedPinRx, ValidatedPinSck, ValidatedPinTx};
use crate::chip::hal::{self, pac};
use crate::machine::{IdlePin, Rp2Machine};

/// MicroPython rp2's `Pin.ALT_SPI`: the chip's function number for SPI.
const ALT_SPI: u8 = 1;

/// A GPIO routed to an SPI controller.
type SpiPin = HalPin<DynPinId, FunctionSpi, PullDown>;
/// The HAL's driver with its three validated pins, for `BITS`-bit frames.
type Driver<D, const BITS: u8> =
    hal::spi::Spi<Enabled, D, (ValidatedPinTx<SpiPin, D>, ValidatedPinRx<SpiPin, D>, ValidatedPinSck<SpiPin, D>), BITS>;

/// A running driver: the HAL makes the frame size part of its type.
enum Running<D: SpiDevice> {
    Bytes(Driver<D, 8>),
    Words(Driver<D, 16>),
}

/// How many bytes one HAL transfer moves.
const CHUNK: usize = 32;

/// One controller: its register block while stopped, its driver while running.
pub struct SpiSlot<D: SpiDevice> {
    block: Option<D>,
    /// The running driver and its SCK, MOSI and MISO pin numbers.
    driver: Option<(Running<D>, [u32; 3])>,
    /// MicroPython's default SCK, MOSI and MISO pins.
    default_pins: [u32; 3],
    /// The rate the running driver achieved.
    baudrate: u32,
}

impl<D: SpiDevice> SpiSlot<D> {
    /// A stopped controller with MicroPython's default pins.
    pub fn new(block: D, default_pins: [u32; 3]) -> SpiSlot<D> {
        SpiSlot { block: Some(block), driver: None, default_pins, baudrate: 0 }
    }
}

fn to_spi_pin(pin: IdlePin) -> Result<SpiPin, IdlePin> {
    match pin.try_into_function::<FunctionSpi>() {
        Ok(pin) => Ok(pin.into_pull_type::<PullDown>()),
        Err(pin) => Err(pin),
    }
}

impl Rp2Machine {
    fn spi_stop<D: SpiDevice>(&mut self, select: fn(&mut Rp2Machine) -> &mut SpiSlot<D>) {
        let Some((driver, pins)) = select(self).driver.take() else { return };
        let block = match driver {
            Running::Bytes(driver) => driver.disable().free().0,
            Running::Words(driver) => driver.disable().free().0,
        };
        select(self).block = Some(block);
        for pin in pins {
            self.restore_pin(pin);
        }
    }

    /// Lends pin `id` as an SPI pin, or gives it back and fails with `message`.
    fn lend_spi_pin(&mut self, id: u32, message: &'static str) -> Result<SpiPin, MachineError> {
        let pin = self.lend_pin(id, ALT_SPI).map_err(|error| crate::machine::bad_pin(error, message))?;
        to_spi_pin(pin).map_err(|pin| crate::machine::bad_pin(self.return_pin(id, pin), message))
    }

    fn spi_configure<D: SpiDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut SpiSlot<D>,
        config: &SpiConfig,
    ) -> Result<(), MachineError> {
        if config.bits != 8 && config.bits != 16 {
            return Err(MachineError::Unsupported("only 8-bit and 16-bit SPI frames are supported on this port"));
        }
        if !config.msb_first {
            // MicroPython rp2 raises NotImplementedError("LSB") too.
            return Err(MachineError::Unsupported("LSB"));
        }
        let defaults = select(self).default_pins;
        let pins =
            [config.sck.unwrap_or(defaults[0]), config.mosi.unwrap_or(defaults[1]), config.miso.unwrap_or(defaults[2])];
        self.spi_stop(select);
        let block = select(self).block.take().ok_or(MachineError::InUse("the SPI controller is busy"))?;
        let mut lent = 0;
        let outcome = (|| {
            let sck = self.lend_spi_pin(pins[0], "bad SCK pin")?;
            let sck = ValidatedPinSck::validate(sck, &block)
                .map_err(|pin| crate::machine::bad_pin(self.return_pin(pins[0], pin), "bad SCK pin"))?;
            lent = 1;
            let mosi = self.lend_spi_pin(pins[1], "bad MOSI pin")?;
            let mosi = ValidatedPinTx::validate(mosi, &block)
                .map_err(|pin| crate::machine::bad_pin(self.return_pin(pins[1], pin), "bad MOSI pin"))?;
            lent = 2;
            let miso = self.lend_spi_pin(pins[2], "bad MISO pin")?;
            let miso = ValidatedPinRx::validate(miso, &block)
                .map_err(|pin| crate::machine::bad_pin(self.return_pin(pins[2], pin), "bad MISO pin"))?;
            Ok((mosi, miso, sck))
        })();
        match outcome {
            Ok(spi_pins) => {
                let polarity = if config.polarity == 0 { Polarity::IdleLow } else { Polarity::IdleHigh };
                let phase =
                    if config.phase == 0 { Phase::CaptureOnFirstTransition } else { Phase::CaptureOnSecondTransition };
                let (peripheral, wanted, mode) =
                    (self.peripheral_hz.Hz(), config.baudrate.max(1).Hz(), Mode { polarity, phase });
                let (driver, achieved) = if config.bits == 16 {
                    let mut driver = hal::spi::Spi::<_, _, _, 16>::new(block, spi_pins).init(
                        &mut self.resets,
                        peripheral,
                        wanted,
                        mode,
                    );
                    let achieved = driver.set_baudrate(peripheral, wanted);
                    (Running::Words(driver), achieved)
                } else {
                    let mut driver = hal::spi::Spi::<_, _, _, 8>::new(block, spi_pins).init(
                        &mut self.resets,
                        peripheral,
                        wanted,
                        mode,
                    );
                    let achieved = driver.set_baudrate(peripheral, wanted);
                    (Running::Bytes(driver), achieved)
                };
                let slot = select(self);
                slot.baudrate = achieved.to_Hz();
                slot.driver = Some((driver, pins));
                Ok(())
            }
            Err(error) => {
                // The pins validated before the failure were dropped with the
                // closure; their slots get new ones.
                for &pin in &pins[..lent] {
                    self.restore_pin(pin);
                }
                select(self).block = Some(block);
                Err(error)
            }
        }
    }

    fn spi_transfer<D: SpiDevice>(
        &mut self,
        select: fn(&mut Rp2Machine) -> &mut SpiSlot<D>,
        write: &[u8],
        read: &mut [u8],
        fill: u8,
    ) -> Result<(), MachineError> {
        let Some((driver, _)) = select(self).driver.as_mut() else {
            return Err(MachineError::InvalidArgument("SPI is not initialised"));
        };
        let length = write.len().max(read.len());
        let mut chunk = [0u8; CHUNK];
        let mut at = 0;
        while at < length {
            let count = (length - at).min(CHUNK);
            for (index, byte) in chunk[..count].iter_mut().enumerate() {
                *byte = write.get(at + index).copied().unwrap_or(fill);
            }
            match driver {
                Running::Bytes(driver) => {
                    let Ok(()) = driver.transfer_in_place(&mut chunk[..count]);
                }
                Running::Words(driver) => {
                    // One 16-bit frame per byte, as MicroPython's rp2 port sends them.
                    let mut words = [0u16; CHUNK];
                    for (word, &byte) in words.iter_mut().zip(&chunk[..count]) {
                        *word = u16::from(byte);
                    }
                    let Ok(()) = driver.transfer_in_place(&mut words[..count]);
                    for (byte, &word) in chunk[..count].iter_mut().zip(&words[..count]) {
                        // The frame's low 8 bits (a truncation on purpose).
                        *byte = word as u8;
                    }
                }
            }
            for (index, &byte) in chunk[..count].iter().enumerate() {
                if let Some(slot) = read.get_mut(at + index) {
                    *slot = byte;
                }
            }
            at += count;
        }
        Ok(())
    }
}

fn spi0(machine: &mut Rp2Machine) -> &mut SpiSlot<pac::SPI0> {
    &mut machine.spi0
}

fn spi1(machine: &mut Rp2Machine) -> &mut SpiSlot<pac::SPI1> {
    &mut machine.spi1
}

/// `Machine::spi` selected the controller; each call goes to it.
impl SpiBus for Rp2Machine {
    fn configure(&mut self, config: &SpiConfig) -> Result<(), MachineError> {
        if self.selected == 0 {
            self.spi_configure(spi0, config)
        } else {
            self.spi_configure(spi1, config)
        }
    }

    fn baudrate(&self) -> u32 {
        if self.selected == 0 {
            self.spi0.baudrate
        } else {
            self.spi1.baudrate
        }
    }

    fn transfer(&mut self, write: &[u8], read: &mut [u8], fill: u8) -> Result<(), MachineError> {
        if self.selected == 0 {
            self.spi_transfer(spi0, write, read, fill)
        } else {
            self.spi_transfer(spi1, write, read, fill)
        }
    }

    fn deinit(&mut self) {
        if self.selected == 0 {
            self.spi_stop(spi0)
        } else {
            self.spi_stop(spi1)
        }
    }
}
