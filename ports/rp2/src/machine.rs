//! The RP2 boards' machine: the chip's GPIOs as `rime_vm` [`Pin`]s on top
//! of the HAL's pin type, and the peripherals that `machine` will drive,
//! kept here, owned and unused, until their drivers exist.
//!
//! Every GPIO of bank 0 that the console does not use sits in one slot of
//! [`Rp2Machine`] as a HAL pin whose pin number, function and pull are
//! dynamic values, so one array holds them all. Each slot changes its
//! type-state through the HAL when `Pin.init` changes the mode: an idle pin
//! (as after reset), an SIO input or an SIO output, with the pull resistor
//! set through the HAL as well. The HAL writes IO_BANK0, PADS_BANK0 and the
//! SIO for us (and releases the RP2350's pad isolation); this file touches
//! no register itself.
//!
//! An input switched to an output drives the level written before (as
//! MicroPython does) without a glitch: the pad's output enable is held off
//! through the HAL's override while the function changes and the level is
//! set, then handed back to the SIO. An output reads back its driven level.
//! An open-drain pin is an SIO output driving low whose output enable the
//! HAL's override turns off for a high level, as MicroPython's rp2 port
//! toggles the output enable; it reads the line's level.
//!
//! A pin a peripheral uses is either lent to its HAL driver (I2C, SPI, UART:
//! the driver owns the pin, and the slot is empty until the driver is
//! dropped) or keeps its slot with its function set through the HAL (PWM,
//! ADC). Pin interrupts are the chip's latched edge bits and its level bits, enabled for the
//! processor through the HAL but never unmasked in the NVIC: the VM polls
//! them (`take_event`) between bytecodes, right after a pin changes and
//! every few backward jumps, as it polls the console.
//!
//! The peripherals live in [`Rp2Machine`], one file per kind
//! (`machine_i2c.rs`, `machine_spi.rs`, `machine_uart.rs`, `machine_adc.rs`,
//! `machine_pwm.rs`); the accessors of `Machine` select the instance (bus id,
//! pin or channel) and hand out the machine itself as that peripheral's
//! trait object, so a driver reaches the pins and the resets it needs.
//!
//! [`Pin`]: rime_vm::port::Pin

use core::convert::Infallible;

use embedded_hal::digital::{InputPin, OutputPin, StatefulOutputPin};
use rime_vm::port::machine::numbered_pin;
use rime_vm::port::pwm_slice::PwmSlice;
use rime_vm::port::{
    Adc, AdcSource, I2cBus, Machine, MachineError, MachineEvent, Pin, PinConfig, PinMode, PinTrigger, Pull, Pwm,
    SpiBus, Uart,
};

use crate::board;
use crate::chip::hal::gpio::{
    DynFunction, DynPinId, DynPullType, Function, FunctionSioInput, FunctionSioOutput, Interrupt, OutputEnableOverride,
    Pin as HalPin,
};
use crate::chip::{self, Peripherals};
use crate::machine_adc::AdcState;
use crate::machine_i2c::I2cSlot;
use crate::machine_spi::SpiSlot;
use crate::machine_uart::UartSlot;

/// A GPIO as the HAL gives it, with its function and pull as values.
pub type IdlePin = HalPin<DynPinId, DynFunction, DynPullType>;
/// A GPIO that the SIO reads.
type SioInputPin = HalPin<DynPinId, FunctionSioInput, DynPullType>;
/// A GPIO that the SIO drives.
pub type SioOutputPin = HalPin<DynPinId, FunctionSioOutput, DynPullType>;

/// The HAL type-state of one GPIO.
enum State {
    /// Not configured by `machine` yet: the function it had at reset.
    Idle(IdlePin),
    Input(SioInputPin),
    Output(SioOutputPin),
    /// An SIO output driving low whose output enable the HAL's override
    /// turns off for a high level (MicroPython's `Pin.OPEN_DRAIN`).
    OpenDrain(SioOutputPin),
    /// Routed to a peripheral that does not own pins (PWM, ADC): the MicroPython mode `ALT`.
    Function(IdlePin, u8),
}

/// The value of a HAL result that cannot fail (SIO pins' error type).
fn infallible<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

/// Switches a pin of any function to an SIO output driving `level`, with the
/// output held off until the level is set (see the module docs). Gives the
/// pin back unchanged if the HAL refuses the function.
fn to_output<F: Function>(
    pin: HalPin<DynPinId, F, DynPullType>,
    level: bool,
) -> Result<SioOutputPin, HalPin<DynPinId, F, DynPullType>> {
    to_sio_output(pin, level, false)
}

/// Switches a pin of any function to an SIO output driving low whose line
/// is released (high) or driven low by `high` (open drain), without a
/// glitch; gives the pin back unchanged if the HAL refuses the function.
fn to_open_drain<F: Function>(
    pin: HalPin<DynPinId, F, DynPullType>,
    high: bool,
) -> Result<SioOutputPin, HalPin<DynPinId, F, DynPullType>> {
    to_sio_output(pin, false, high)
}

/// The SIO output switch of [`to_output`] and [`to_open_drain`]: the output
/// stays off through the HAL's override while the function changes and the
/// level is set, then comes on, or stays off when `released`.
fn to_sio_output<F: Function>(
    mut pin: HalPin<DynPinId, F, DynPullType>,
    level: bool,
    released: bool,
) -> Result<SioOutputPin, HalPin<DynPinId, F, DynPullType>> {
    pin.set_output_enable_override(OutputEnableOverride::Disable);
    match pin.try_into_function::<FunctionSioOutput>() {
        Ok(mut output) => {
            infallible(if level { output.set_high() } else { output.set_low() });
            release(&mut output, released);
            Ok(output)
        }
        Err(mut pin) => {
            pin.set_output_enable_override(OutputEnableOverride::Normal);
            Err(pin)
        }
    }
}

/// Runs `$body` on the HAL pin a [`Gpio`] holds, whatever its type-state,
/// or gives `$none` while a driver holds the pin.
macro_rules! on_hal_pin {
    ($gpio:expr, $pin:ident => $body:expr, $none:expr) => {
        match &mut $gpio.state {
            Some(State::Idle($pin)) | Some(State::Function($pin, _)) => $body,
            Some(State::Input($pin)) => $body,
            Some(State::Output($pin)) | Some(State::OpenDrain($pin)) => $body,
            None => $none,
        }
    };
}

/// The chip's pin interrupts and the VM's triggers they stand for.
const INTERRUPTS: [(Interrupt, PinTrigger); 4] = [
    (Interrupt::EdgeHigh, PinTrigger::RISING),
    (Interrupt::EdgeLow, PinTrigger::FALLING),
    (Interrupt::LevelLow, PinTrigger::LEVEL_LOW),
    (Interrupt::LevelHigh, PinTrigger::LEVEL_HIGH),
];

/// Why a pin a bus driver holds cannot be reconfigured: the driver owns the
/// HAL's pin until it is dropped.
const LENT: &str = "the pin is used by a peripheral; call its deinit() first";

/// An open-drain pin's level: low drives (the SIO's output enable), high
/// releases the line (the output enable forced off through the HAL).
fn release(pin: &mut SioOutputPin, high: bool) {
    let enable = if high { OutputEnableOverride::Disable } else { OutputEnableOverride::Normal };
    pin.set_output_enable_override(enable);
}

/// One GPIO of the machine.
pub struct Gpio {
    /// `Some` outside [`Gpio::configure`], which moves it to change type,
    /// unless a peripheral's driver holds the pin ([`Gpio::lend`]).
    state: Option<State>,
    /// The level the pin drives as an output (MicroPython's output register).
    level: bool,
    /// The edges that raise events.
    irq: PinTrigger,
    /// While a driver holds the pin: the chip's function number it routed
    /// the pin to (MicroPython's `Pin.ALT_*`), for `mode()`.
    lent_to: Option<u8>,
}

impl Gpio {
    /// Takes a pin from the HAL in whatever state it is, with its input
    /// enabled as the chip resets it (the HAL's `Pins::new` turns every
    /// input off), so that a pin nothing configured reads its line, as on
    /// MicroPython.
    pub fn new(mut pin: IdlePin) -> Gpio {
        pin.set_input_enable(true);
        Gpio { state: Some(State::Idle(pin)), level: false, irq: PinTrigger::NONE, lent_to: None }
    }

    /// Hands the pin to a peripheral's driver, as a pin of any function,
    /// to be routed to the chip's function `alt`. Fails while another driver
    /// holds it.
    pub fn lend(&mut self, alt: u8) -> Result<IdlePin, MachineError> {
        let pin = match self.state.take() {
            Some(State::Idle(pin)) | Some(State::Function(pin, _)) => pin,
            Some(State::Input(pin)) => pin.into_function::<DynFunction>(),
            Some(State::Output(mut pin)) | Some(State::OpenDrain(mut pin)) => {
                pin.set_output_enable_override(OutputEnableOverride::Normal);
                pin.into_function::<DynFunction>()
            }
            None => return Err(MachineError::InUse(LENT)),
        };
        self.lent_to = Some(alt);
        self.irq = PinTrigger::NONE;
        for (interrupt, _) in INTERRUPTS {
            pin.set_interrupt_enabled(interrupt, false);
        }
        Ok(pin)
    }

    /// Takes back a pin lent with [`Gpio::lend`].
    pub fn give_back(&mut self, pin: IdlePin) {
        self.state = Some(State::Idle(pin));
        self.lent_to = None;
    }

    /// Routes the pin to a peripheral that leaves it in its slot (PWM, ADC):
    /// `function` through the HAL, reported as mode `ALT` with `alt` (the
    /// chip's function number, as MicroPython's `Pin.ALT_*`).
    pub fn route(&mut self, function: DynFunction, alt: u8) -> Result<(), MachineError> {
        let mut pin = self.lend(alt)?;
        self.lent_to = None;
        let routed = pin.try_set_function(function);
        self.state = Some(match routed {
            Ok(()) => State::Function(pin, alt),
            Err(_) => State::Idle(pin),
        });
        routed.map_err(|_| MachineError::InvalidArgument("the pin cannot have this function"))
    }

    /// The pin as the SIO's output, when it is one.
    pub fn output_pin(&mut self) -> Option<&mut SioOutputPin> {
        match &mut self.state {
            Some(State::Output(pin)) => Some(pin),
            _ => None,
        }
    }

    /// Whether the pin is routed to `alt` by [`Gpio::route`].
    pub fn is_routed(&self, alt: u8) -> bool {
        matches!(self.state, Some(State::Function(_, routed)) if routed == alt)
    }

    /// The armed triggers the chip reports since the last call: the edges
    /// it latched (then cleared) and the levels the pin is at.
    fn take_edges(&mut self) -> PinTrigger {
        let mut seen = PinTrigger::NONE;
        for (interrupt, trigger) in INTERRUPTS {
            if self.irq.intersects(trigger) && on_hal_pin!(self, pin => pin.interrupt_status(interrupt), false) {
                on_hal_pin!(self, pin => pin.clear_interrupt(interrupt), ());
                seen = seen.union(trigger);
            }
        }
        seen
    }

    /// Whether an armed trigger is reported, without clearing it.
    fn has_edge(&mut self) -> bool {
        let irq = self.irq;
        INTERRUPTS.into_iter().any(|(interrupt, trigger)| {
            irq.intersects(trigger) && on_hal_pin!(self, pin => pin.interrupt_status(interrupt), false)
        })
    }

    /// Changes the type-state for `mode`; on a refusal the pin keeps its state.
    fn switch(&mut self, state: State, mode: PinMode) -> Result<State, (State, MachineError)> {
        let refused = MachineError::InvalidArgument("the pin cannot have this mode");
        match (mode, state) {
            (PinMode::Input, State::Input(pin)) => Ok(State::Input(pin)),
            (PinMode::Input, State::Idle(pin) | State::Function(pin, _)) => {
                pin.try_into_function().map(State::Input).map_err(|pin| (State::Idle(pin), refused))
            }
            (PinMode::Input, State::Output(pin)) => {
                pin.try_into_function().map(State::Input).map_err(|pin| (State::Output(pin), refused))
            }
            (PinMode::Output, State::Output(mut pin)) => {
                infallible(if self.level { pin.set_high() } else { pin.set_low() });
                Ok(State::Output(pin))
            }
            (PinMode::Output, State::Idle(pin) | State::Function(pin, _)) => {
                to_output(pin, self.level).map(State::Output).map_err(|pin| (State::Idle(pin), refused))
            }
            (PinMode::Output, State::Input(pin)) => {
                to_output(pin, self.level).map(State::Output).map_err(|pin| (State::Input(pin), refused))
            }
            (PinMode::Input, State::OpenDrain(mut pin)) => {
                pin.set_output_enable_override(OutputEnableOverride::Normal);
                pin.try_into_function().map(State::Input).map_err(|pin| (State::OpenDrain(pin), refused))
            }
            (PinMode::Output, State::OpenDrain(mut pin)) => {
                infallible(if self.level { pin.set_high() } else { pin.set_low() });
                pin.set_output_enable_override(OutputEnableOverride::Normal);
                Ok(State::Output(pin))
            }
            (PinMode::OpenDrain, State::OpenDrain(mut pin) | State::Output(mut pin)) => {
                release(&mut pin, self.level);
                infallible(pin.set_low());
                Ok(State::OpenDrain(pin))
            }
            (PinMode::OpenDrain, State::Idle(pin) | State::Function(pin, _)) => {
                to_open_drain(pin, self.level).map(State::OpenDrain).map_err(|pin| (State::Idle(pin), refused))
            }
            (PinMode::OpenDrain, State::Input(pin)) => {
                to_open_drain(pin, self.level).map(State::OpenDrain).map_err(|pin| (State::Input(pin), refused))
            }
            (PinMode::Alt(_), state) => {
                Err((state, MachineError::Unsupported("Pin.ALT is set by the peripherals on this port")))
            }
        }
    }
}

impl Pin for Gpio {
    fn configure(&mut self, config: PinConfig) -> Result<(), MachineError> {
        let Some(state) = self.state.take() else {
            return Err(MachineError::InUse(LENT));
        };
        if let Some(value) = config.value {
            self.level = value;
        }
        let (mut state, outcome) = match config.mode {
            None => (state, Ok(())),
            Some(mode) => match self.switch(state, mode) {
                Ok(state) => (state, Ok(())),
                Err((state, error)) => (state, Err(error)),
            },
        };
        let pull = match config.pull {
            Pull::None => DynPullType::None,
            Pull::Up => DynPullType::Up,
            Pull::Down => DynPullType::Down,
        };
        if outcome.is_ok() {
            match &mut state {
                State::Idle(pin) | State::Function(pin, _) => pin.set_pull_type(pull),
                State::Input(pin) => pin.set_pull_type(pull),
                State::Output(pin) | State::OpenDrain(pin) => pin.set_pull_type(pull),
            }
        }
        self.state = Some(state);
        outcome
    }

    fn mode(&self) -> Option<PinMode> {
        match self.state {
            Some(State::Input(_)) => Some(PinMode::Input),
            Some(State::Output(_)) => Some(PinMode::Output),
            Some(State::OpenDrain(_)) => Some(PinMode::OpenDrain),
            Some(State::Function(_, alt)) => Some(PinMode::Alt(alt)),
            None => self.lent_to.map(PinMode::Alt),
            Some(State::Idle(_)) => None,
        }
    }

    fn pull(&self) -> Pull {
        let pull = match &self.state {
            Some(State::Idle(pin)) | Some(State::Function(pin, _)) => pin.pull_type(),
            Some(State::Input(pin)) => pin.pull_type(),
            Some(State::Output(pin)) | Some(State::OpenDrain(pin)) => pin.pull_type(),
            None => DynPullType::None,
        };
        match pull {
            DynPullType::Up => Pull::Up,
            DynPullType::Down => Pull::Down,
            DynPullType::None | DynPullType::BusKeep => Pull::None,
        }
    }

    fn write(&mut self, high: bool) {
        self.level = high;
        match &mut self.state {
            Some(State::Output(pin)) => infallible(if high { pin.set_high() } else { pin.set_low() }),
            Some(State::OpenDrain(pin)) => release(pin, high),
            _ => {}
        }
    }

    fn read(&mut self) -> bool {
        match &mut self.state {
            Some(State::Output(pin)) => infallible(pin.is_set_high()),
            Some(State::OpenDrain(pin)) => infallible(pin.as_input().is_high()),
            Some(State::Input(pin)) => infallible(pin.is_high()),
            Some(State::Idle(pin)) | Some(State::Function(pin, _)) => infallible(pin.as_input().is_high()),
            None => false,
        }
    }

    fn toggle(&mut self) {
        self.level = !self.level;
        match &mut self.state {
            Some(State::Output(pin)) => infallible(pin.toggle()),
            Some(State::OpenDrain(pin)) => release(pin, self.level),
            _ => {}
        }
    }

    /// Edges (latched by the chip) and levels; the handler runs between
    /// bytecodes (a `hard` one too, with the heap locked, as the VM runs it).
    fn set_irq(&mut self, trigger: PinTrigger, hard: bool) -> Result<(), MachineError> {
        let _ = hard;
        if self.state.is_none() {
            return Err(MachineError::InUse(LENT));
        }
        for (interrupt, each) in INTERRUPTS {
            let armed = trigger.intersects(each);
            on_hal_pin!(self, pin => {
                pin.clear_interrupt(interrupt);
                pin.set_interrupt_enabled(interrupt, armed);
            }, ());
        }
        self.irq = trigger;
        Ok(())
    }
}

/// The prefixes of numbered pin names, as MicroPython's rp2 port names
/// pins: `"GP5"` (the board's name) and `"GPIO5"` (the chip's).
const PIN_PREFIXES: [&str; 2] = ["GP", "GPIO"];

/// The chip's GPIOs and peripherals, as `rime_vm::port::Machine`.
pub struct Rp2Machine {
    /// GPIO `n` in slot `n`; `None` for a pin the console owns.
    pins: [Option<Gpio>; chip::GPIO_COUNT],
    /// The system clock in Hz.
    pub(crate) sys_hz: u32,
    /// The peripheral clock in Hz (UART and SPI rates).
    pub(crate) peripheral_hz: u32,
    pub(crate) resets: chip::hal::pac::RESETS,
    /// The instance the last accessor selected: a bus id, a PWM slice or an ADC channel.
    pub(crate) selected: u32,
    pub(crate) i2c0: I2cSlot<chip::hal::pac::I2C0>,
    pub(crate) i2c1: I2cSlot<chip::hal::pac::I2C1>,
    pub(crate) spi0: SpiSlot<chip::hal::pac::SPI0>,
    pub(crate) spi1: SpiSlot<chip::hal::pac::SPI1>,
    pub(crate) uart0: UartSlot<chip::hal::pac::UART0>,
    pub(crate) uart1: UartSlot<chip::hal::pac::UART1>,
    /// The console's UART0 on GP0/GP1, while the console has it (see `machine_uart`).
    pub(crate) console: Option<chip::Uart>,
    pub(crate) adc: AdcState,
    /// The PWM slices' arithmetic, and their registers through the HAL.
    pub(crate) pwm_slices: [PwmSlice; 8],
    pub(crate) pwm_hal: chip::hal::pwm::Slices,
    /// Pins whose interrupts are armed, a bit each.
    armed: u32,
    /// Pins whose level trigger `take_event` reported since it last returned
    /// `None` (the end of the VM's round of taking events): a level holds until
    /// a handler changes it, so it is reported once per round, not again and
    /// again within one.
    level_reported: u32,
    /// The peripherals no driver takes yet (PIO, DMA, the watchdog, ...).
    #[allow(dead_code)]
    spare: chip::Spare,
}

/// `error`, or `message` when it says the pin cannot have the function.
pub fn bad_pin(error: MachineError, message: &'static str) -> MachineError {
    match error {
        MachineError::InvalidArgument(_) => MachineError::InvalidArgument(message),
        other => other,
    }
}

impl Rp2Machine {
    /// The machine over the chip's free GPIOs and spare peripherals.
    pub fn new(
        pins: [Option<Gpio>; chip::GPIO_COUNT],
        sys_hz: u32,
        peripherals: Peripherals,
        console: chip::Uart,
    ) -> Rp2Machine {
        let Peripherals { mut resets, peripheral_hz, i2c0, i2c1, spi0, spi1, uart1, pwm, adc, spare } = peripherals;
        let pwm_hal = chip::hal::pwm::Slices::new(pwm, &mut resets);
        Rp2Machine {
            pins,
            sys_hz,
            peripheral_hz,
            resets,
            selected: 0,
            i2c0: I2cSlot::new(i2c0, 8, 9),
            i2c1: I2cSlot::new(i2c1, 6, 7),
            spi0: SpiSlot::new(spi0, [18, 19, 16]),
            spi1: SpiSlot::new(spi1, [10, 11, 8]),
            uart0: UartSlot::new(None),
            uart1: UartSlot::new(Some(uart1)),
            console: Some(console),
            adc: AdcState::Off(Some(adc)),
            pwm_slices: [PwmSlice::new(sys_hz); 8],
            pwm_hal,
            armed: 0,
            level_reported: 0,
            spare,
        }
    }

    /// GPIO `id`'s slot, or why it cannot be used.
    pub(crate) fn gpio(&mut self, id: u32) -> Result<&mut Gpio, MachineError> {
        match self.pins.get_mut(id as usize) {
            Some(Some(pin)) => Ok(pin),
            Some(None) => Err(MachineError::InUse("the console uses this pin")),
            None => Err(MachineError::InvalidPin),
        }
    }

    /// Lends GPIO `id` to a peripheral's driver that routes it to the
    /// chip's function `alt`.
    pub(crate) fn lend_pin(&mut self, id: u32, alt: u8) -> Result<IdlePin, MachineError> {
        self.armed &= !(1 << id.min(31));
        self.gpio(id)?.lend(alt)
    }

    /// Gives back a pin lent with [`Rp2Machine::lend_pin`] in any function
    /// and pull, and returns the error that sent it back.
    pub(crate) fn return_pin<F: Function, P: chip::hal::gpio::PullType>(
        &mut self,
        id: u32,
        pin: HalPin<DynPinId, F, P>,
    ) -> MachineError {
        if let Ok(gpio) = self.gpio(id) {
            gpio.give_back(pin.reconfigure());
        }
        MachineError::InvalidArgument("the pin cannot have this function")
    }

    /// Puts `gpio` in slot `id`: `None` takes a pin out for the console.
    pub(crate) fn set_slot(&mut self, id: usize, gpio: Option<Gpio>) {
        self.pins[id] = gpio;
    }

    /// Gives slot `id` a new HAL pin after the driver that held its pin
    /// dropped it (the HAL's drivers do not hand their validated pins back).
    pub(crate) fn restore_pin(&mut self, id: u32) {
        let pin_id = DynPinId { bank: chip::hal::gpio::DynBankId::Bank0, num: id as u8 };
        // SAFETY: the only HAL pin of GPIO `id` was lent from this slot to a
        // driver that has been dropped (or freed, dropping its pins), so no
        // other instance of the pin exists; the slot holds the new one alone.
        let pin = unsafe { chip::hal::gpio::new_pin(pin_id) };
        if let Ok(gpio) = self.gpio(id) {
            gpio.give_back(pin);
        }
    }

    /// Whether an armed pin has latched an edge,
    /// for the port's `pending_interrupt`.
    pub fn has_event(&mut self) -> bool {
        if self.armed != 0 {
            for id in 0..chip::GPIO_COUNT {
                if self.armed & (1 << id) != 0 {
                    if let Some(Some(gpio)) = self.pins.get_mut(id) {
                        if gpio.has_edge() {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }
}

impl Machine for Rp2Machine {
    fn cpu_freq(&mut self) -> u32 {
        self.sys_hz
    }

    fn pin_count(&self) -> u32 {
        chip::GPIO_COUNT as u32
    }

    fn pin_named(&self, name: &str) -> Option<u32> {
        if name == "LED" {
            return board::LED_GPIO.map(u32::from);
        }
        numbered_pin(name, &PIN_PREFIXES, chip::GPIO_COUNT as u32)
    }

    fn pin(&mut self, id: u32) -> Result<&mut dyn Pin, MachineError> {
        // A pin object's calls may arm its interrupt; the mask is kept
        // in step in `take_event`, which sees every armed pin.
        self.armed |= 1 << id.min(31);
        match self.gpio(id) {
            Ok(pin) => Ok(pin),
            Err(error) => Err(error),
        }
    }

    fn i2c(&mut self, id: u32) -> Result<&mut dyn I2cBus, MachineError> {
        if id > 1 {
            return Err(MachineError::NoSuchPeripheral);
        }
        self.selected = id;
        Ok(self)
    }

    fn spi(&mut self, id: u32) -> Result<&mut dyn SpiBus, MachineError> {
        if id > 1 {
            return Err(MachineError::NoSuchPeripheral);
        }
        self.selected = id;
        Ok(self)
    }

    fn uart(&mut self, id: u32) -> Result<&mut dyn Uart, MachineError> {
        match id {
            0 | 1 => {
                self.selected = id;
                Ok(self)
            }
            _ => Err(MachineError::NoSuchPeripheral),
        }
    }

    fn pwm(&mut self, pin: u32) -> Result<&mut dyn Pwm, MachineError> {
        self.select_pwm(pin)?;
        Ok(self)
    }

    fn adc(&mut self, source: AdcSource) -> Result<&mut dyn Adc, MachineError> {
        self.selected = crate::machine_adc::adc_channel(source)?;
        Ok(self)
    }

    fn delay_us(&mut self, us: u32) {
        let cycles = us.saturating_mul(self.sys_hz / 1_000_000);
        cortex_m::asm::delay(cycles / crate::machine_bitstream::DELAY_LOOP_CYCLES);
    }

    fn bitstream(&mut self, pin: u32, timing_ns: [u32; 4], bytes: &[u8]) -> Result<(), MachineError> {
        self.send_bitstream(pin, timing_ns, bytes)
    }

    /// The BOOTSEL button, read on the flash's select line (`bootsel`).
    fn bootsel_button(&mut self) -> Result<bool, MachineError> {
        Ok(crate::bootsel::pressed())
    }

    /// Masks the core's interrupts (PRIMASK) for a 1-Wire slot; returns
    /// whether they were enabled, so nested holds restore what they found.
    fn hold_interrupts(&mut self) -> bool {
        let enabled = cortex_m::register::primask::read().is_active();
        cortex_m::interrupt::disable();
        enabled
    }

    fn release_interrupts(&mut self, held: bool) {
        if held {
            // SAFETY: this only re-enables the interrupts `hold_interrupts`
            // found enabled, so no critical section of someone else's ends here.
            unsafe { cortex_m::interrupt::enable() };
        }
    }

    fn take_event(&mut self) -> Option<MachineEvent> {
        let mut still_armed = 0;
        let mut event = None;
        for id in 0..chip::GPIO_COUNT {
            if self.armed & (1 << id) == 0 {
                continue;
            }
            let Some(Some(gpio)) = self.pins.get_mut(id) else { continue };
            if gpio.irq != PinTrigger::NONE {
                still_armed |= 1 << id;
            }
            if event.is_none() {
                let mut trigger = gpio.take_edges();
                let levels = PinTrigger::LEVEL_LOW.union(PinTrigger::LEVEL_HIGH);
                if trigger.intersects(levels) {
                    if self.level_reported & (1 << id) != 0 {
                        trigger = PinTrigger(trigger.0 & !levels.0);
                    }
                    self.level_reported |= 1 << id;
                }
                if trigger != PinTrigger::NONE {
                    event = Some(MachineEvent::Pin { pin: id as u32, trigger });
                }
            }
        }
        self.armed = still_armed;
        if event.is_none() && self.uart0.take_arrived() {
            event = Some(MachineEvent::UartReceived { id: 0 });
        }
        if event.is_none() && self.uart1.take_arrived() {
            event = Some(MachineEvent::UartReceived { id: 1 });
        }
        if event.is_none() {
            self.level_reported = 0;
        }
        event
    }
}
