//! UART1 (`machine.UART(1)`) through the HAL's UART driver, as `rime_vm`'s
//! [`Uart`]; UART0 is the console and is refused.
//!
//! `configure` lends TX and RX to the HAL's driver (checked by it to be
//! UART1's pins) and enables it with the frame format and rate asked for;
//! the defaults are MicroPython rp2's, GP4 (TX) and GP5 (RX). Received
//! bytes move from the chip's 32-byte FIFO into a receive ring of the size
//! `rxbuf` asks for (at most [`RING_MAX`]) in UART1's interrupt handler, as
//! MicroPython's rp2 port fills its ring, so a program that reads late
//! loses nothing the ring holds; a `UartReceived` event says data arrived.
//! The running driver and the ring live in a static shared with the handler
//! (the console's wake alarm is shared the same way, in `port.rs`).

use core::cell::RefCell;

use critical_section::Mutex;
use rime_vm::port::{MachineError, Parity, Uart, UartConfig};

use crate::chip::hal::fugit::RateExtU32;
#[cfg(feature = "rp2040")]
use crate::chip::hal::gpio::FunctionUart;
use crate::chip::hal::gpio::{DynPinId, Pin as HalPin, PullDown};
use crate::chip::hal::pac::{self, interrupt};
use crate::chip::hal::uart::{
    DataBits, Enabled, Parity as HalParity, StopBits, UartConfig as HalConfig, UartPeripheral, ValidatedPinRx,
    ValidatedPinTx,
};
use crate::machine::Rp2Machine;

/// MicroPython rp2's `Pin.ALT_UART`: the chip's function number for UART.
const ALT_UART: u8 = 2;

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

/// UART1's running driver and its receive ring, shared with the interrupt handler.
struct Receiver {
    driver: Driver,
    ring: [u8; RING_MAX],
    /// The ring's size for this configuration, its oldest byte and its count.
    capacity: usize,
    head: usize,
    count: usize,
    /// Bytes arrived since the last `UartReceived` event.
    arrived: bool,
}

impl Receiver {
    /// Moves what the FIFO holds into the ring (bytes past a full ring are lost, as on overrun).
    fn drain(&mut self) {
        let mut buffer = [0u8; 32];
        while let Ok(count) = self.driver.read_raw(&mut buffer) {
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
}

/// The running UART1, shared with [`UART1_IRQ`].
static RECEIVER: Mutex<RefCell<Option<Receiver>>> = Mutex::new(RefCell::new(None));

/// Runs `action` on the running UART1, if it runs.
fn with_receiver<R>(action: impl FnOnce(&mut Receiver) -> R) -> Option<R> {
    critical_section::with(|cs| RECEIVER.borrow_ref_mut(cs).as_mut().map(action))
}

/// UART1's interrupt: the receive FIFO reached its level or timed out.
#[interrupt]
fn UART1_IRQ() {
    with_receiver(Receiver::drain);
}

/// UART1 while stopped: its register block; while running, the pins the driver holds.
pub struct UartSlot {
    block: Option<pac::UART1>,
    pins: Option<(u32, u32)>,
}

impl UartSlot {
    pub fn new(block: pac::UART1) -> UartSlot {
        UartSlot { block: Some(block), pins: None }
    }

    /// Whether bytes arrived since the last call.
    pub fn take_arrived(&mut self) -> bool {
        self.pins.is_some() && with_receiver(|receiver| core::mem::take(&mut receiver.arrived)).unwrap_or(false)
    }
}

impl Rp2Machine {
    fn uart_stop(&mut self) {
        let Some((tx, rx)) = self.uart1.pins.take() else { return };
        cortex_m::peripheral::NVIC::mask(pac::Interrupt::UART1_IRQ);
        let Some(receiver) = critical_section::with(|cs| RECEIVER.borrow_ref_mut(cs).take()) else { return };
        let (block, _pins) = receiver.driver.disable().free();
        self.uart1.block = Some(block);
        self.restore_pin(tx);
        self.restore_pin(rx);
    }

    fn lend_uart_pin(&mut self, id: u32, message: &'static str) -> Result<UartPin, MachineError> {
        let pin = self.lend_pin(id, ALT_UART).map_err(|error| crate::machine::bad_pin(error, message))?;
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
            Ok(mut driver) => {
                driver.enable_rx_interrupt();
                let capacity = (config.rx_buffer as usize).clamp(1, RING_MAX);
                let receiver = Receiver { driver, ring: [0; RING_MAX], capacity, head: 0, count: 0, arrived: false };
                critical_section::with(|cs| RECEIVER.borrow(cs).replace(Some(receiver)));
                self.uart1.pins = Some((tx, rx));
                // SAFETY: the handler only drains the FIFO into the ring inside
                // a critical section, and no critical section is active here.
                unsafe { cortex_m::peripheral::NVIC::unmask(pac::Interrupt::UART1_IRQ) };
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

    /// One byte per critical section, so that the receive interrupt is
    /// served between them (a looped-back byte may arrive at once).
    fn write(&mut self, bytes: &[u8]) -> Result<usize, MachineError> {
        if self.uart1.pins.is_none() {
            return Err(MachineError::InvalidArgument("UART is not initialised"));
        }
        let mut written = 0;
        for byte in bytes.chunks(1) {
            let taken = with_receiver(|receiver| receiver.driver.write_raw(byte).is_ok_and(|rest| rest.is_empty()));
            if taken != Some(true) {
                break;
            }
            written += 1;
        }
        Ok(written)
    }

    fn read(&mut self, buffer: &mut [u8]) -> usize {
        with_receiver(|receiver| {
            receiver.drain();
            let count = buffer.len().min(receiver.count);
            for byte in &mut buffer[..count] {
                *byte = receiver.ring[receiver.head];
                receiver.head = (receiver.head + 1) % receiver.capacity;
            }
            receiver.count -= count;
            count
        })
        .unwrap_or(0)
    }

    fn any(&mut self) -> usize {
        with_receiver(|receiver| {
            receiver.drain();
            receiver.count
        })
        .unwrap_or(0)
    }

    fn tx_done(&mut self) -> bool {
        with_receiver(|receiver| !receiver.driver.uart_is_busy()).unwrap_or(true)
    }

    fn deinit(&mut self) {
        self.uart_stop();
    }
}
