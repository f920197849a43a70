//! UART0 and UART1 (`machine.UART(0)`, `machine.UART(1)`) through the HAL's
//! UART driver, as `rime_vm`'s [`Uart`], and the console's hand-over of UART0.
//!
//! `configure` lends TX and RX to the HAL's driver (checked by it to be
//! that UART's pins) and enables it with the frame format and rate asked
//! for; the defaults are MicroPython rp2's, GP0/GP1 for UART0 and GP4/GP5
//! for UART1. Received bytes move from the chip's 32-byte FIFO into a
//! receive ring of the size `rxbuf` asks for (at most [`RING_MAX`]) in the
//! UART's interrupt handler, as MicroPython's rp2 port fills its ring, so a
//! program that reads late loses nothing the ring holds; a `UartReceived`
//! event says data arrived. Each running driver and its ring live in a
//! static shared with its handler (the console's wake alarm is shared the
//! same way, in `port.rs`).
//!
//! UART0 is also the console. As on MicroPython's rp2 port with its REPL on
//! UART0, `UART(0, ...)` takes it over: the console stops using UART0 (it
//! goes on on USB CDC serial only, so its text does not mix with the
//! program's bytes), and GP0/GP1 become ordinary pins the program's UART
//! may use. `deinit`, a failed `configure` and a soft reset give UART0 back
//! to the console on GP0/GP1 ([`Rp2Machine::reclaim_console`]).

use core::cell::RefCell;

use critical_section::Mutex;
use rime_vm::port::{MachineError, Parity, Uart, UartConfig};

use crate::board;
use crate::chip::hal::fugit::RateExtU32;
use crate::chip::hal::gpio::{bank0, DynFunction, DynPinId, FunctionUart, Pin as HalPin, PullDown};
use crate::chip::hal::pac::{self, interrupt};
use crate::chip::hal::uart::{
    DataBits, Enabled, Parity as HalParity, StopBits, UartConfig as HalConfig, UartDevice, UartPeripheral,
    ValidatedPinRx, ValidatedPinTx,
};
use crate::machine::{Gpio, IdlePin, Rp2Machine};

/// MicroPython rp2's `Pin.ALT_UART`: the chip's function number for UART.
const ALT_UART: u8 = 2;

/// A GPIO routed to a UART. rp235x-hal checks its pins' function as a
/// value (the RP2350 also has UART on other functions), rp2040-hal as a type.
#[cfg(feature = "rp2040")]
type UartPin = HalPin<DynPinId, FunctionUart, PullDown>;
#[cfg(feature = "rp2350")]
type UartPin = HalPin<DynPinId, crate::chip::hal::gpio::DynFunction, PullDown>;
/// The HAL's driver with its two validated pins.
type Driver<D> = UartPeripheral<Enabled, D, (ValidatedPinTx<UartPin, D>, ValidatedPinRx<UartPin, D>)>;

/// The largest receive ring.
pub const RING_MAX: usize = 512;

/// A running UART's driver and its receive ring, shared with its interrupt handler.
pub struct Receiver<D: UartDevice> {
    driver: Driver<D>,
    ring: [u8; RING_MAX],
    /// The ring's size for this configuration, its oldest byte and its count.
    capacity: usize,
    head: usize,
    count: usize,
    /// Bytes arrived since the last `UartReceived` event.
    arrived: bool,
}

impl<D: UartDevice> Receiver<D> {
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

/// The running UART0 and UART1, shared with their interrupt handlers.
static RECEIVER0: Mutex<RefCell<Option<Receiver<pac::UART0>>>> = Mutex::new(RefCell::new(None));
static RECEIVER1: Mutex<RefCell<Option<Receiver<pac::UART1>>>> = Mutex::new(RefCell::new(None));

/// What differs between UART0 and UART1: their receiver, interrupt, slot and default pins.
pub trait UartBlock: UartDevice + Sized {
    const IRQ: pac::Interrupt;
    /// MicroPython's default TX and RX pins.
    const DEFAULT_PINS: (u32, u32);
    fn receiver() -> &'static Mutex<RefCell<Option<Receiver<Self>>>>;
    fn slot(machine: &mut Rp2Machine) -> &mut UartSlot<Self>;
}

impl UartBlock for pac::UART0 {
    const IRQ: pac::Interrupt = pac::Interrupt::UART0_IRQ;
    const DEFAULT_PINS: (u32, u32) = (0, 1);
    fn receiver() -> &'static Mutex<RefCell<Option<Receiver<Self>>>> {
        &RECEIVER0
    }
    fn slot(machine: &mut Rp2Machine) -> &mut UartSlot<Self> {
        &mut machine.uart0
    }
}

impl UartBlock for pac::UART1 {
    const IRQ: pac::Interrupt = pac::Interrupt::UART1_IRQ;
    const DEFAULT_PINS: (u32, u32) = (4, 5);
    fn receiver() -> &'static Mutex<RefCell<Option<Receiver<Self>>>> {
        &RECEIVER1
    }
    fn slot(machine: &mut Rp2Machine) -> &mut UartSlot<Self> {
        &mut machine.uart1
    }
}

/// Runs `action` on the running UART `D`, if it runs.
fn with_receiver<D: UartBlock, R>(action: impl FnOnce(&mut Receiver<D>) -> R) -> Option<R> {
    critical_section::with(|cs| D::receiver().borrow_ref_mut(cs).as_mut().map(action))
}

/// UART0's interrupt: the receive FIFO reached its level or timed out.
#[interrupt]
fn UART0_IRQ() {
    with_receiver::<pac::UART0, _>(Receiver::drain);
}

/// UART1's interrupt: the receive FIFO reached its level or timed out.
#[interrupt]
fn UART1_IRQ() {
    with_receiver::<pac::UART1, _>(Receiver::drain);
}

/// A UART while stopped: its register block (UART0's is the console's
/// while the console has it); while running, the pins the driver holds.
pub struct UartSlot<D> {
    block: Option<D>,
    pins: Option<(u32, u32)>,
}

impl<D: UartBlock> UartSlot<D> {
    pub fn new(block: Option<D>) -> UartSlot<D> {
        UartSlot { block, pins: None }
    }

    /// Whether bytes arrived since the last call.
    pub fn take_arrived(&mut self) -> bool {
        self.pins.is_some() && with_receiver::<D, _>(|receiver| core::mem::take(&mut receiver.arrived)).unwrap_or(false)
    }
}

/// The console's UART settings: the board's rate, 8N1.
fn console_config() -> HalConfig {
    HalConfig::new(board::CONSOLE_BAUD.Hz(), DataBits::Eight, None, StopBits::One)
}

impl Rp2Machine {
    fn uart_stop<D: UartBlock>(&mut self) {
        let Some((tx, rx)) = D::slot(self).pins.take() else { return };
        cortex_m::peripheral::NVIC::mask(D::IRQ);
        let Some(receiver) = critical_section::with(|cs| D::receiver().borrow_ref_mut(cs).take()) else { return };
        let (block, _pins) = receiver.driver.disable().free();
        D::slot(self).block = Some(block);
        self.restore_pin(tx);
        self.restore_pin(rx);
    }

    /// Takes UART0 from the console (after its pending output went out) and
    /// makes GP0 and GP1 ordinary pins; the console goes on on USB only.
    fn release_console(&mut self) {
        let Some(console) = self.console.take() else { return };
        while console.uart_is_busy() {}
        let (block, (tx, rx)) = console.disable().free();
        self.uart0.block = Some(block);
        // Unrouted, as after reset, so that a UART0 on other pins does not
        // also drive GP0.
        let unrouted = |mut pin: IdlePin| {
            // Every GPIO has the null function, so this cannot fail.
            let _ = pin.try_set_function(DynFunction::Null);
            Gpio::new(pin)
        };
        self.set_slot(0, Some(unrouted(tx.into_function().into_pull_type().into_dyn_pin())));
        self.set_slot(1, Some(unrouted(rx.into_function().into_pull_type().into_dyn_pin())));
    }

    /// Gives UART0 back to the console on GP0/GP1, stopping the program's
    /// UART0 first; a soft reset calls it too. Does nothing while another
    /// driver holds GP0 or GP1 (the console then comes back at the next
    /// soft reset that finds them free).
    pub fn reclaim_console(&mut self) {
        if self.console.is_some() {
            return;
        }
        self.uart_stop::<pac::UART0>();
        if self.uart0.block.is_none() {
            return;
        }
        let Some(tx) = self.console_pin(0) else { return };
        let Some(rx) = self.console_pin(1) else {
            self.return_pin(0, tx);
            return;
        };
        // The pins' numbers are 0 and 1, so their types always match.
        let (Ok(tx), Ok(rx)) = (tx.try_into_pin::<bank0::Gpio0>(), rx.try_into_pin::<bank0::Gpio1>()) else {
            self.restore_pin(0);
            self.restore_pin(1);
            return;
        };
        let Some(block) = self.uart0.block.take() else { return };
        let enabled =
            UartPeripheral::new(block, (tx, rx), &mut self.resets).enable(console_config(), self.peripheral_hz.Hz());
        match enabled {
            Ok(console) => {
                self.console = Some(console);
                // The console's pins leave the machine, as at boot.
                self.set_slot(0, None);
                self.set_slot(1, None);
            }
            Err(_) => {
                // Not reached: the console's rate worked at boot. The HAL
                // dropped the block and the pins; the slots get new pins.
                self.restore_pin(0);
                self.restore_pin(1);
            }
        }
    }

    /// GPIO `id` lent for the console, routed to UART.
    fn console_pin(&mut self, id: u32) -> Option<HalPin<DynPinId, FunctionUart, PullDown>> {
        let pin = self.lend_pin(id, ALT_UART).ok()?;
        match pin.try_into_function::<FunctionUart>() {
            Ok(pin) => Some(pin.into_pull_type::<PullDown>()),
            Err(pin) => {
                self.return_pin(id, pin);
                None
            }
        }
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

    fn uart_configure<D: UartBlock>(&mut self, config: &UartConfig) -> Result<(), MachineError> {
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
        let (tx, rx) = (config.tx.unwrap_or(D::DEFAULT_PINS.0), config.rx.unwrap_or(D::DEFAULT_PINS.1));
        self.uart_stop::<D>();
        let block = D::slot(self).block.take().ok_or(MachineError::InUse("the UART is busy"))?;
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
                D::slot(self).block = Some(block);
                return Err(error);
            }
        };
        let hal_config = HalConfig::new(config.baudrate.Hz(), data_bits, parity, stop_bits);
        match UartPeripheral::new(block, pins, &mut self.resets).enable(hal_config, self.peripheral_hz.Hz()) {
            Ok(mut driver) => {
                driver.enable_rx_interrupt();
                let capacity = (config.rx_buffer as usize).clamp(1, RING_MAX);
                let receiver = Receiver { driver, ring: [0; RING_MAX], capacity, head: 0, count: 0, arrived: false };
                critical_section::with(|cs| D::receiver().borrow(cs).replace(Some(receiver)));
                D::slot(self).pins = Some((tx, rx));
                // SAFETY: the handler only drains the FIFO into the ring inside
                // a critical section, and no critical section is active here.
                unsafe { cortex_m::peripheral::NVIC::unmask(D::IRQ) };
                Ok(())
            }
            Err(_) => {
                // Not reached after the check above; the HAL dropped the block
                // and the pins, so the slots get new pins and the UART stays off.
                self.restore_pin(tx);
                self.restore_pin(rx);
                Err(MachineError::InvalidArgument("invalid baudrate"))
            }
        }
    }

    /// One byte per critical section, so that the receive interrupt is
    /// served between them (a looped-back byte may arrive at once).
    fn uart_write<D: UartBlock>(&mut self, bytes: &[u8]) -> Result<usize, MachineError> {
        if D::slot(self).pins.is_none() {
            return Err(MachineError::InvalidArgument("UART is not initialised"));
        }
        let mut written = 0;
        for byte in bytes.chunks(1) {
            let taken =
                with_receiver::<D, _>(|receiver| receiver.driver.write_raw(byte).is_ok_and(|rest| rest.is_empty()));
            if taken != Some(true) {
                break;
            }
            written += 1;
        }
        Ok(written)
    }

    fn uart_read<D: UartBlock>(buffer: &mut [u8]) -> usize {
        with_receiver::<D, _>(|receiver| {
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

    fn uart_any<D: UartBlock>() -> usize {
        with_receiver::<D, _>(|receiver| {
            receiver.drain();
            receiver.count
        })
        .unwrap_or(0)
    }

    fn uart_tx_done<D: UartBlock>() -> bool {
        with_receiver::<D, _>(|receiver| !receiver.driver.uart_is_busy()).unwrap_or(true)
    }
}

/// `Machine::uart` selected UART0 or UART1; each call goes to it.
impl Uart for Rp2Machine {
    fn configure(&mut self, config: &UartConfig) -> Result<(), MachineError> {
        if self.selected == 1 {
            return self.uart_configure::<pac::UART1>(config);
        }
        self.release_console();
        let outcome = self.uart_configure::<pac::UART0>(config);
        if outcome.is_err() {
            self.reclaim_console();
        }
        outcome
    }

    fn write(&mut self, bytes: &[u8]) -> Result<usize, MachineError> {
        if self.selected == 0 {
            self.uart_write::<pac::UART0>(bytes)
        } else {
            self.uart_write::<pac::UART1>(bytes)
        }
    }

    fn read(&mut self, buffer: &mut [u8]) -> usize {
        if self.selected == 0 {
            Rp2Machine::uart_read::<pac::UART0>(buffer)
        } else {
            Rp2Machine::uart_read::<pac::UART1>(buffer)
        }
    }

    fn any(&mut self) -> usize {
        if self.selected == 0 {
            Rp2Machine::uart_any::<pac::UART0>()
        } else {
            Rp2Machine::uart_any::<pac::UART1>()
        }
    }

    fn tx_done(&mut self) -> bool {
        if self.selected == 0 {
            Rp2Machine::uart_tx_done::<pac::UART0>()
        } else {
            Rp2Machine::uart_tx_done::<pac::UART1>()
        }
    }

    fn deinit(&mut self) {
        if self.selected == 0 {
            self.reclaim_console();
        } else {
            self.uart_stop::<pac::UART1>();
        }
    }
}
