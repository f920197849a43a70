//! UART1 (`machine.UART(1)`) through the HAL's UART driver, as `rime_vm`'s
//! [`Uart`]; UART0 is the console and is refused.
//!
//! `configure` lends TX and RX to the HAL's driver (checked by it to be
//! UART1's pins) and enables it with the frame format and rate asked for;
//! the defaults are MicroPython rp2's, GP4 (TX) and GP5 (RX). Received
//! bytes move from the chip's 32-byte FIFO into a receive ring of the size
//! `rxbuf` asks for (at most [`RING_MAX`]) whenever the machine is asked
//! about the UART or polled for events, and a `UartReceived` event says
//! data arrived. (The FIFO is drained by polling, between bytecodes and
//! while the VM waits for data, not yet by the UART interrupt.)

use rime_vm::port::{MachineError, Parity, Uart, UartConfig};

use crate::chip::hal::fugit::RateExtU32;
#[cfg(feature = "rp2040")]
use crate::chip::hal::gpio::FunctionUart;
use crate::chip::hal::gpio::{DynPinId, Pin as HalPin, PullDown};
use crate::chip::hal::pac;
use crate::chip::hal::uart::{
    DataBits, Enabled, Parity as HalParity, StopBits, UartConfig as HalConfig, UartPeripheral, ValidatedPinRx,
    ValidatedPinTx,
};
use crate::machine::Rp2Machine;

/// A GPIO routed to a UART. rp235x-hal checks its pins' function as a
/// value (the RP2350 also has UART on other functions), rp2040-hal as a type.
#[cfg(feature = "rp2040")]
type UartPin = HalPin<DynPinId, FunctionUart, PullDown>;
#[cfg(feature = "rp2350")]
type UartPin = HalPin<DynPinId, crate::chip::hal::gpio::DynFunction, PullDown>;
/// The HAL's driver with its two validated pins.
type Driver =
    UartPeripheral<Enabled, pac::UART1, (ValidatedPinTx<UartPin, pac::UART1>, ValidatedPinRx<UartPin, pac::UART1>)>;

/// The largest receive ring.
pub const RING_MAX: usize = 512;

/// UART1: its register block while stopped, its driver while running, and the receive ring.
pub struct UartSlot {
    block: Option<pac::UART1>,
    driver: Option<(Driver, u32, u32)>,
    ring: [u8; RING_MAX],
    /// The ring's size for this configuration, its oldest byte and its count.
    capacity: usize,
    head: usize,
    count: usize,
    /// Bytes arrived since the last `UartReceived` event.
    arrived: bool,
}

impl UartSlot {
    pub fn new(block: pac::UART1) -> UartSlot {
        UartSlot {
            block: Some(block),
            driver: None,
            ring: [0; RING_MAX],
            capacity: 0,
            head: 0,
            count: 0,
            arrived: false,
        }
    }

    /// Moves what the FIFO holds into the ring (bytes past a full ring are lost, as on overrun).
    pub fn pump(&mut self) {
        let Some((driver, _, _)) = self.driver.as_mut() else { return };
        let mut buffer = [0u8; 32];
        while let Ok(count) = driver.read_raw(&mut buffer) {
            if count == 0 {
                break;
            }
            for &byte in &buffer[..count] {
                if self.count < self.capacity {
                    self.ring[(self.head + self.count) % self.capacity] = byte;
                    self.count += 1;
                }
            }
            self.arrived = true;
        }
    }

    /// Whether bytes arrived since the last call.
    pub fn take_arrived(&mut self) -> bool {
        self.pump();
        core::mem::take(&mut self.arrived)
    }
}

impl Rp2Machine {
    fn uart_stop(&mut self) {
        let Some((driver, tx, rx)) = self.uart1.driver.take() else { return };
        let (block, _pins) = driver.disable().free();
        self.uart1.block = Some(block);
        self.restore_pin(tx);
        self.restore_pin(rx);
    }

    fn lend_uart_pin(&mut self, id: u32, message: &'static str) -> Result<UartPin, MachineError> {
        let pin = self.lend_pin(id).map_err(|error| crate::machine::bad_pin(error, message))?;
        #[cfg(feature = "rp2040")]
        let routed = pin.try_into_function::<FunctionUart>();
        #[cfg(feature = "rp2350")]
        let routed = {
            let mut pin = pin;
            match pin.try_set_function(crate::chip::hal::gpio::DynFunction::Uart) {
                Ok(()) => Ok(pin),
                Err(_) => Err(pin),
            }
        };
        match routed {
            Ok(pin) => Ok(pin.into_pull_type::<PullDown>()),
            Err(pin) => Err(crate::machine::bad_pin(self.return_pin(id, pin), message)),
        }
    }
}

/// `Machine::uart` selected UART1; each call goes to it.
impl Uart for Rp2Machine {
    fn configure(&mut self, config: &UartConfig) -> Result<(), MachineError> {
        let data_bits = match config.bits {
            5 => DataBits::Five,
            6 => DataBits::Six,
            7 => DataBits::Seven,
            8 => DataBits::Eight,
            _ => return Err(MachineError::InvalidArgument("invalid bits")),
        };
        let stop_bits = match config.stop {
            1 => StopBits::One,
            2 => StopBits::Two,
            _ => return Err(MachineError::InvalidArgument("invalid stop bits")),
        };
        let parity = match config.parity {
            Parity::None => None,
            Parity::Even => Some(HalParity::Even),
            Parity::Odd => Some(HalParity::Odd),
        };
        // The HAL refuses a rate whose integer divisor is 0 (above a 16th of
        // the clock), after it took the block: refuse it first.
        if config.baudrate == 0 || config.baudrate > self.peripheral_hz / 16 {
            return Err(MachineError::InvalidArgument("invalid baudrate"));
        }
        let (tx, rx) = (config.tx.unwrap_or(4), config.rx.unwrap_or(5));
        self.uart_stop();
        let block = self.uart1.block.take().ok_or(MachineError::InUse("the UART is busy"))?;
        let mut validated_tx = false;
        let pins = (|| {
            let tx_pin = self.lend_uart_pin(tx, "bad TX pin")?;
            let tx_pin = ValidatedPinTx::validate(tx_pin, &block)
                .map_err(|pin| crate::machine::bad_pin(self.return_pin(tx, pin), "bad TX pin"))?;
            validated_tx = true;
            let rx_pin = self.lend_uart_pin(rx, "bad RX pin")?;
            let rx_pin = ValidatedPinRx::validate(rx_pin, &block)
                .map_err(|pin| crate::machine::bad_pin(self.return_pin(rx, pin), "bad RX pin"))?;
            Ok((tx_pin, rx_pin))
        })();
        let pins = match pins {
            Ok(pins) => pins,
            Err(error) => {
                if validated_tx {
                    self.restore_pin(tx);
                }
                self.uart1.block = Some(block);
                return Err(error);
            }
        };
        let hal_config = HalConfig::new(config.baudrate.Hz(), data_bits, parity, stop_bits);
        match UartPeripheral::new(block, pins, &mut self.resets).enable(hal_config, self.peripheral_hz.Hz()) {
            Ok(driver) => {
                let slot = &mut self.uart1;
                slot.driver = Some((driver, tx, rx));
                slot.capacity = (config.rx_buffer as usize).clamp(1, RING_MAX);
                slot.head = 0;
                slot.count = 0;
                Ok(())
            }
            Err(_) => {
                // Not reached after the check above; the HAL dropped the block
                // and the pins, so the slots get new pins and UART1 stays off.
                self.restore_pin(tx);
                self.restore_pin(rx);
                Err(MachineError::InvalidArgument("invalid baudrate"))
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<usize, MachineError> {
        let Some((driver, _, _)) = self.uart1.driver.as_mut() else {
            return Err(MachineError::InvalidArgument("UART is not initialised"));
        };
        match driver.write_raw(bytes) {
            Ok(rest) => Ok(bytes.len() - rest.len()),
            Err(_) => Ok(0),
        }
    }

    fn read(&mut self, buffer: &mut [u8]) -> usize {
        let slot = &mut self.uart1;
        slot.pump();
        let count = buffer.len().min(slot.count);
        for byte in &mut buffer[..count] {
            *byte = slot.ring[slot.head];
            slot.head = (slot.head + 1) % slot.capacity.max(1);
        }
        slot.count -= count;
        count
    }

    fn any(&mut self) -> usize {
        self.uart1.pump();
        self.uart1.count
    }

    fn tx_done(&mut self) -> bool {
        match self.uart1.driver.as_ref() {
            Some((driver, _, _)) => !driver.uart_is_busy(),
            None => true,
        }
    }

    fn deinit(&mut self) {
        self.uart_stop();
    }
}
