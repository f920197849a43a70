//! The machine part of a port: the peripherals a board hands out, behind
//! object-safe traits, for the `machine` Python module.
//!
//! [`Machine`] is the board: its facts (how many pins, their names, the CPU
//! clock) and one accessor per kind of peripheral, each taking an id and
//! giving `&mut dyn Trait` or a [`MachineError`]. The VM asks for a
//! peripheral on every call and keeps only ids in its Python objects, so
//! the port owns every driver and its state (a pin's mode, a bus's clock
//! rate), as the hardware does: two `Pin(25)` objects are one pin.
//!
//! The traits are shaped after what MicroPython's `machine` API needs, in
//! the units it uses, so the Python side is written once:
//! - [`Pin`]: mode, pull, level, toggle, and edge interrupts, which the port
//!   latches and reports as [`MachineEvent::Pin`] through
//!   [`Machine::take_event`]; the VM runs the Python handlers between
//!   bytecodes (soft interrupts).
//! - [`I2cBus`]: one addressed write (of several parts, for `writevto`) or
//!   read per call, each ending with or without a stop condition.
//! - [`SpiBus`]: full-duplex transfers; a read sends a fill byte.
//! - [`Uart`]: non-blocking writes and reads on buffered hardware; the VM
//!   implements timeouts with the core's clock.
//! - [`Pwm`] (per pin), [`Adc`] (per channel or pin) and [`Timer`] (events
//!   as [`MachineEvent::Timer`]).
//!
//! Nothing here panics or blocks for long: errors are values, and a NACK
//! or a timeout is an [`MachineError::Io`] with MicroPython's errno.

use core::fmt;

/// Why the machine refused a request. The `machine` module turns each into
/// the exception MicroPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MachineError {
    /// The machine has no pin with that number or name (`ValueError: invalid pin`).
    InvalidPin,
    /// The machine has no peripheral of that kind with that id (`ValueError`).
    NoSuchPeripheral,
    /// The pin or peripheral belongs to something else, such as the console (`ValueError`).
    InUse(&'static str),
    /// The hardware cannot do what was asked, with MicroPython's message (`ValueError`).
    InvalidArgument(&'static str),
    /// The port does not provide this (`NotImplementedError`).
    Unsupported(&'static str),
    /// A transfer failed: `OSError` with this errno ([`MachineError::EIO`], …).
    Io(i32),
}

impl MachineError {
    /// `EIO`: a bus transfer failed, for example a data byte was not acknowledged.
    pub const EIO: i32 = 5;
    /// `ENODEV`: nothing answered at the address, or the port has no machine.
    pub const ENODEV: i32 = 19;
    /// `ETIMEDOUT`: the bus or the device did not respond in time.
    pub const ETIMEDOUT: i32 = 110;
}

impl fmt::Display for MachineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MachineError::InvalidPin => f.write_str("invalid pin"),
            MachineError::NoSuchPeripheral => f.write_str("no such peripheral"),
            MachineError::InUse(message)
            | MachineError::InvalidArgument(message)
            | MachineError::Unsupported(message) => f.write_str(message),
            MachineError::Io(errno) => write!(f, "I/O error {errno}"),
        }
    }
}

/// The board: its facts and its peripherals.
pub trait Machine {
    /// The CPU clock in Hz (`machine.freq()`).
    fn cpu_freq(&mut self) -> u32;
    /// Changes the CPU clock (`machine.freq(hz)`); by default the port cannot.
    fn set_cpu_freq(&mut self, hz: u32) -> Result<(), MachineError> {
        let _ = hz;
        Err(MachineError::Unsupported("changing the clock is not supported"))
    }
    /// How many GPIOs the chip has; pins are numbered from 0.
    fn pin_count(&self) -> u32;
    /// The number of the pin a board calls `name` (`"LED"`, `"GP5"`), if any.
    fn pin_named(&self, name: &str) -> Option<u32>;
    /// GPIO `id`, or why it cannot be used (no such pin, held by the console).
    fn pin(&mut self, id: u32) -> Result<&mut dyn Pin, MachineError>;
    /// Hardware I2C bus `id`.
    fn i2c(&mut self, id: u32) -> Result<&mut dyn I2cBus, MachineError> {
        let _ = id;
        Err(MachineError::NoSuchPeripheral)
    }
    /// Hardware SPI bus `id`.
    fn spi(&mut self, id: u32) -> Result<&mut dyn SpiBus, MachineError> {
        let _ = id;
        Err(MachineError::NoSuchPeripheral)
    }
    /// UART `id` (the console's UART is refused while it is the console).
    fn uart(&mut self, id: u32) -> Result<&mut dyn Uart, MachineError> {
        let _ = id;
        Err(MachineError::NoSuchPeripheral)
    }
    /// The PWM output on pin `pin`.
    fn pwm(&mut self, pin: u32) -> Result<&mut dyn Pwm, MachineError> {
        let _ = pin;
        Err(MachineError::NoSuchPeripheral)
    }
    /// An ADC input, named by channel or by pin.
    fn adc(&mut self, source: AdcSource) -> Result<&mut dyn Adc, MachineError> {
        let _ = source;
        Err(MachineError::NoSuchPeripheral)
    }
    /// Hardware timer `id`.
    fn timer(&mut self, id: i32) -> Result<&mut dyn Timer, MachineError> {
        let _ = id;
        Err(MachineError::NoSuchPeripheral)
    }
    /// Waits about `us` microseconds between the edges of a bit-banged bus
    /// (`SoftI2C`). A simulated machine has no timing to keep and returns
    /// at once; a board must wait.
    fn delay_us(&mut self, us: u32) {
        let _ = us;
    }
    /// Whether the board's BOOTSEL button is pressed now (`rp2.bootsel_button()`).
    fn bootsel_button(&mut self) -> Result<bool, MachineError> {
        Err(MachineError::Unsupported("the board has no BOOTSEL button"))
    }
    /// Holds the machine's interrupts off for a few microseconds of exact
    /// timing (a 1-Wire slot), as MicroPython's `mp_hal_quiet_timing_enter`;
    /// returns what [`Machine::release_interrupts`] restores. A simulated
    /// machine has no interrupts to hold.
    fn hold_interrupts(&mut self) -> bool {
        false
    }
    /// Restores the interrupts [`Machine::hold_interrupts`] held (`held` is
    /// what it returned: whether they were on before).
    fn release_interrupts(&mut self, held: bool) {
        let _ = held;
    }
    /// Sends `bytes` on pin `pin` as `machine.bitstream` encoding 0 does
    /// (WS2812 LEDs): each bit, most significant first, a high time then a
    /// low time, `timing_ns[0..2]` for a 0 and `timing_ns[2..4]` for a 1.
    fn bitstream(&mut self, pin: u32, timing_ns: [u32; 4], bytes: &[u8]) -> Result<(), MachineError> {
        let _ = (pin, timing_ns, bytes);
        Err(MachineError::Unsupported("bitstream is not supported"))
    }
    /// The oldest event the machine latched (a pin edge, a timer expiry,
    /// received UART data) and has not reported yet.
    fn take_event(&mut self) -> Option<MachineEvent> {
        None
    }
}

/// The pin a numbered name stands for: one of `prefixes` followed by a
/// decimal number below `count` without leading zeros (`"GP5"` with the
/// prefix `"GP"`). Ports use it for their boards' naming schemes.
pub fn numbered_pin(name: &str, prefixes: &[&str], count: u32) -> Option<u32> {
    let number = |digits: &str| {
        let canonical = digits == "0" || !digits.starts_with('0');
        if !canonical || digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        digits.parse::<u32>().ok().filter(|&number| number < count)
    };
    prefixes.iter().find_map(|prefix| name.strip_prefix(prefix).and_then(number))
}

/// Something that happened in the machine, for the VM's soft interrupts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MachineEvent {
    /// Pin `pin` saw the edges or levels in `trigger`.
    Pin { pin: u32, trigger: PinTrigger },
    /// Timer `id` expired.
    Timer { id: i32 },
    /// UART `id` received data.
    UartReceived { id: u32 },
}

/// What a pin is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinMode {
    /// An input.
    Input,
    /// A push-pull output.
    Output,
    /// An output that drives low and releases the line for high.
    OpenDrain,
    /// Handed to a peripheral: the port's own function number.
    Alt(u8),
}

/// The pull resistor of a pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pull {
    None,
    Up,
    Down,
}

/// One `Pin.init`: a mode to set (`None` keeps the pin's mode), the pull
/// resistor (always applied, `Pull::None` removes it) and the level to
/// drive before the pin becomes an output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PinConfig {
    pub mode: Option<PinMode>,
    pub pull: Pull,
    pub value: Option<bool>,
}

/// Which changes of a pin raise an event; several may be combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PinTrigger(pub u8);

impl PinTrigger {
    /// No trigger: interrupts off.
    pub const NONE: PinTrigger = PinTrigger(0);
    /// The level went from low to high.
    pub const RISING: PinTrigger = PinTrigger(1);
    /// The level went from high to low.
    pub const FALLING: PinTrigger = PinTrigger(2);
    /// The level is low.
    pub const LEVEL_LOW: PinTrigger = PinTrigger(4);
    /// The level is high.
    pub const LEVEL_HIGH: PinTrigger = PinTrigger(8);

    /// Whether any trigger of `other` is in `self`.
    pub fn intersects(self, other: PinTrigger) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets of triggers.
    pub fn union(self, other: PinTrigger) -> PinTrigger {
        PinTrigger(self.0 | other.0)
    }
}

/// One GPIO.
pub trait Pin {
    /// Applies a mode, pull and initial level (`Pin(id, ...)`, `Pin.init`).
    fn configure(&mut self, config: PinConfig) -> Result<(), MachineError>;
    /// The pin's mode, or `None` while nothing configured it since reset.
    fn mode(&self) -> Option<PinMode>;
    /// The pin's pull resistor.
    fn pull(&self) -> Pull;
    /// Sets the output level; on an input it is the level driven once the
    /// pin becomes an output.
    fn write(&mut self, high: bool);
    /// The pin's level (`Pin.value()`): an output reads back its driven level.
    fn read(&mut self) -> bool;
    /// Inverts the output level.
    fn toggle(&mut self);
    /// Arms (or, with [`PinTrigger::NONE`], disarms) the pin's interrupt;
    /// the port reports each trigger as a [`MachineEvent::Pin`]. `hard`
    /// asks for the handler to run inside the interrupt itself.
    fn set_irq(&mut self, trigger: PinTrigger, hard: bool) -> Result<(), MachineError> {
        let _ = (trigger, hard);
        Err(MachineError::Unsupported("pin interrupts are not supported"))
    }
}

/// The settings of a hardware I2C bus; `None` pins keep the board's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I2cConfig {
    pub freq: u32,
    pub scl: Option<u32>,
    pub sda: Option<u32>,
    pub timeout_us: u32,
}

/// A hardware I2C controller.
pub trait I2cBus {
    /// Sets the clock rate, the pins and the timeout.
    fn configure(&mut self, config: &I2cConfig) -> Result<(), MachineError>;
    /// Writes the concatenation of `parts` to `address`, ending with a stop
    /// condition when `stop`. Returns how many bytes were acknowledged; a
    /// NACK is an [`MachineError::Io`] with the errno MicroPython's port of
    /// the same chip raises.
    fn write(&mut self, address: u16, parts: &[&[u8]], stop: bool) -> Result<usize, MachineError>;
    /// Reads `buffer.len()` bytes from `address`, ending with a stop when `stop`.
    fn read(&mut self, address: u16, buffer: &mut [u8], stop: bool) -> Result<(), MachineError>;
    /// Releases the pins.
    fn deinit(&mut self) {}
}

/// The settings of a hardware SPI bus; `None` pins keep the board's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpiConfig {
    pub baudrate: u32,
    pub polarity: u8,
    pub phase: u8,
    pub bits: u8,
    pub msb_first: bool,
    pub sck: Option<u32>,
    pub mosi: Option<u32>,
    pub miso: Option<u32>,
}

/// A hardware SPI controller.
pub trait SpiBus {
    /// Sets the clock, its polarity and phase, the word size and the pins.
    fn configure(&mut self, config: &SpiConfig) -> Result<(), MachineError>;
    /// The baud rate the hardware actually runs at.
    fn baudrate(&self) -> u32;
    /// Clocks `max(write.len(), read.len())` bytes: sends `write`, then
    /// `fill` for the rest, and stores what arrives in `read`.
    fn transfer(&mut self, write: &[u8], read: &mut [u8], fill: u8) -> Result<(), MachineError>;
    /// Releases the pins.
    fn deinit(&mut self) {}
}

/// The parity bit of a UART frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parity {
    None,
    Even,
    Odd,
}

/// The settings of a UART; `None` pins keep the board's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UartConfig {
    pub baudrate: u32,
    pub bits: u8,
    pub parity: Parity,
    pub stop: u8,
    pub tx: Option<u32>,
    pub rx: Option<u32>,
    /// The size of the receive buffer the port fills from the interrupt.
    pub rx_buffer: u32,
}

/// A UART with buffered, interrupt-driven receive.
pub trait Uart {
    /// Sets the frame format, the rate and the pins.
    fn configure(&mut self, config: &UartConfig) -> Result<(), MachineError>;
    /// Queues bytes for sending without waiting; returns how many it took.
    fn write(&mut self, bytes: &[u8]) -> Result<usize, MachineError>;
    /// Moves received bytes into `buffer` without waiting; returns how many.
    fn read(&mut self, buffer: &mut [u8]) -> usize;
    /// How many received bytes wait to be read.
    fn any(&mut self) -> usize;
    /// Whether every queued byte has left the wire.
    fn tx_done(&mut self) -> bool;
    /// Stops the UART and releases its pins.
    fn deinit(&mut self) {}
}

/// A PWM output on one pin.
pub trait Pwm {
    /// Sets the frequency, rounded as the hardware can.
    fn set_freq(&mut self, hz: u32) -> Result<(), MachineError>;
    /// The frequency the hardware runs at.
    fn freq(&mut self) -> u32;
    /// Sets the duty cycle as a fraction of 65535.
    fn set_duty_u16(&mut self, duty: u16);
    /// The duty cycle as a fraction of 65535.
    fn duty_u16(&mut self) -> u16;
    /// Sets the high time of each period in nanoseconds.
    fn set_duty_ns(&mut self, ns: u32) -> Result<(), MachineError>;
    /// The high time of each period in nanoseconds.
    fn duty_ns(&mut self) -> u32;
    /// Stops the output.
    fn deinit(&mut self);
}

/// How an ADC input is named in `machine.ADC(...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdcSource {
    /// An integer, which the port reads as a channel or a pin number.
    Id(u32),
    /// A `Pin` object.
    Pin(u32),
}

/// One ADC input.
pub trait Adc {
    /// One conversion scaled to 0..=65535.
    fn read_u16(&mut self) -> Result<u16, MachineError>;
}

/// Whether a timer fires once or repeatedly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerMode {
    OneShot,
    Periodic,
}

/// A hardware timer; each expiry is a [`MachineEvent::Timer`].
pub trait Timer {
    /// Starts the timer with a period in microseconds.
    fn start(&mut self, mode: TimerMode, period_us: u64) -> Result<(), MachineError>;
    /// Stops it.
    fn stop(&mut self);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_pins_take_canonical_numbers_below_the_count() {
        let prefixes = ["GP", "GPIO"];
        assert_eq!(numbered_pin("GP0", &prefixes, 30), Some(0));
        assert_eq!(numbered_pin("GP29", &prefixes, 30), Some(29));
        assert_eq!(numbered_pin("GPIO7", &prefixes, 30), Some(7));
        for name in ["GP30", "GP07", "GP", "GPIO", "GP-1", "GP+1", "gp1", "GP1x", "LED", "GP99999999999"] {
            assert_eq!(numbered_pin(name, &prefixes, 30), None, "{name}");
        }
    }
}
