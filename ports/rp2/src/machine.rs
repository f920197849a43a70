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
//! Open-drain and alternate-function modes and pin interrupts are not
//! provided yet; the `machine` traits have their shape ready.
//!
//! [`Pin`]: rime_vm::port::Pin

use core::convert::Infallible;

use embedded_hal::digital::{InputPin, OutputPin, StatefulOutputPin};
use rime_vm::port::machine::numbered_pin;
use rime_vm::port::{Machine, MachineError, Pin, PinConfig, PinMode, Pull};

use crate::board;
use crate::chip::hal::gpio::{
    DynFunction, DynPinId, DynPullType, Function, FunctionSioInput, FunctionSioOutput, OutputEnableOverride,
    Pin as HalPin,
};
use crate::chip::{self, Peripherals};

/// A GPIO as the HAL gives it, with its function and pull as values.
type IdlePin = HalPin<DynPinId, DynFunction, DynPullType>;
/// A GPIO that the SIO reads.
type SioInputPin = HalPin<DynPinId, FunctionSioInput, DynPullType>;
/// A GPIO that the SIO drives.
type SioOutputPin = HalPin<DynPinId, FunctionSioOutput, DynPullType>;

/// The HAL type-state of one GPIO.
enum State {
    /// Not configured by `machine` yet: the function it had at reset.
    Idle(IdlePin),
    Input(SioInputPin),
    Output(SioOutputPin),
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
    mut pin: HalPin<DynPinId, F, DynPullType>,
    level: bool,
) -> Result<SioOutputPin, HalPin<DynPinId, F, DynPullType>> {
    pin.set_output_enable_override(OutputEnableOverride::Disable);
    match pin.try_into_function::<FunctionSioOutput>() {
        Ok(mut output) => {
            infallible(if level { output.set_high() } else { output.set_low() });
            output.set_output_enable_override(OutputEnableOverride::Normal);
            Ok(output)
        }
        Err(mut pin) => {
            pin.set_output_enable_override(OutputEnableOverride::Normal);
            Err(pin)
        }
    }
}

/// One GPIO of the machine.
pub struct Gpio {
    /// Always `Some` outside [`Gpio::configure`], which moves it to change type.
    state: Option<State>,
    /// The level the pin drives as an output (MicroPython's output register).
    level: bool,
}

impl Gpio {
    /// Takes a pin from the HAL in whatever state it is.
    pub fn new(pin: IdlePin) -> Gpio {
        Gpio { state: Some(State::Idle(pin)), level: false }
    }

    /// Changes the type-state for `mode`; on a refusal the pin keeps its state.
    fn switch(&mut self, state: State, mode: PinMode) -> Result<State, (State, MachineError)> {
        let refused = MachineError::InvalidArgument("the pin cannot have this mode");
        match (mode, state) {
            (PinMode::Input, State::Input(pin)) => Ok(State::Input(pin)),
            (PinMode::Input, State::Idle(pin)) => {
                pin.try_into_function().map(State::Input).map_err(|pin| (State::Idle(pin), refused))
            }
            (PinMode::Input, State::Output(pin)) => {
                pin.try_into_function().map(State::Input).map_err(|pin| (State::Output(pin), refused))
            }
            (PinMode::Output, State::Output(mut pin)) => {
                infallible(if self.level { pin.set_high() } else { pin.set_low() });
                Ok(State::Output(pin))
            }
            (PinMode::Output, State::Idle(pin)) => {
                to_output(pin, self.level).map(State::Output).map_err(|pin| (State::Idle(pin), refused))
            }
            (PinMode::Output, State::Input(pin)) => {
                to_output(pin, self.level).map(State::Output).map_err(|pin| (State::Input(pin), refused))
            }
            (PinMode::OpenDrain | PinMode::Alt(_), state) => {
                Err((state, MachineError::Unsupported("only Pin.IN and Pin.OUT are supported on this port yet")))
            }
        }
    }
}

impl Pin for Gpio {
    fn configure(&mut self, config: PinConfig) -> Result<(), MachineError> {
        let Some(state) = self.state.take() else {
            return Err(MachineError::InUse("the pin is being reconfigured"));
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
                State::Idle(pin) => pin.set_pull_type(pull),
                State::Input(pin) => pin.set_pull_type(pull),
                State::Output(pin) => pin.set_pull_type(pull),
            }
        }
        self.state = Some(state);
        outcome
    }

    fn mode(&self) -> Option<PinMode> {
        match self.state {
            Some(State::Input(_)) => Some(PinMode::Input),
            Some(State::Output(_)) => Some(PinMode::Output),
            Some(State::Idle(_)) | None => None,
        }
    }

    fn pull(&self) -> Pull {
        let pull = match &self.state {
            Some(State::Idle(pin)) => pin.pull_type(),
            Some(State::Input(pin)) => pin.pull_type(),
            Some(State::Output(pin)) => pin.pull_type(),
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
        if let Some(State::Output(pin)) = &mut self.state {
            infallible(if high { pin.set_high() } else { pin.set_low() });
        }
    }

    fn read(&mut self) -> bool {
        match &mut self.state {
            Some(State::Output(pin)) => infallible(pin.is_set_high()),
            Some(State::Input(pin)) => infallible(pin.is_high()),
            Some(State::Idle(pin)) => infallible(pin.as_input().is_high()),
            None => false,
        }
    }

    fn toggle(&mut self) {
        self.level = !self.level;
        if let Some(State::Output(pin)) = &mut self.state {
            infallible(pin.toggle());
        }
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
    sys_hz: u32,
    /// The peripherals `machine`'s drivers will take (I2C, SPI, UART1, PWM,
    /// ADC, PIO, DMA, with the resets and clock rates they need).
    #[allow(dead_code)]
    peripherals: Peripherals,
}

impl Rp2Machine {
    /// The machine over the chip's free GPIOs and spare peripherals.
    pub fn new(pins: [Option<Gpio>; chip::GPIO_COUNT], sys_hz: u32, peripherals: Peripherals) -> Rp2Machine {
        Rp2Machine { pins, sys_hz, peripherals }
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
        match self.pins.get_mut(id as usize) {
            Some(Some(pin)) => Ok(pin),
            Some(None) => Err(MachineError::InUse("the console uses this pin")),
            None => Err(MachineError::InvalidPin),
        }
    }
}
