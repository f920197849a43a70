//! Simulated pins for ports without hardware (the host, QEMU), so programs
//! written for a board run unchanged and the same Python tests pass on every
//! port. A port builds a [`SimulatedMachine`] from its own facts (pin count,
//! pin names, clock) and returns it from `Port::machine`; the VM never
//! constructs one itself.
//!
//! A simulated pin behaves as an unconnected GPIO would: an output reads
//! back the level it drives; an input reads its pull resistor's level, or,
//! with no pull, the level the pin last drove (the charge a floating line
//! keeps) unless something outside drives it ([`SimulatedMachine::drive`],
//! for tests and for a port that wires pins together). A change of the level
//! a pin reads that matches its armed trigger is latched and reported by
//! [`Machine::take_event`], pin by pin in ascending order.

use super::bench::{
    BenchAdc, BenchI2c, BenchSpi, BenchUart, I2cPinTarget, BENCH_WIRES, BOOTSEL_PRESS_PIN, I2C0_SCL, I2C0_SDA,
};
use super::bench_onewire::{Ds18b20, ONEWIRE_PIN};
use super::machine::{
    numbered_pin, Adc, AdcSource, I2cBus, I2cConfig, Machine, MachineError, MachineEvent, Parity, Pin, PinConfig,
    PinMode, PinTrigger, Pull, Pwm, SpiBus, SpiConfig, Uart, UartConfig,
};
use super::pwm_slice::PwmSlice;

/// One simulated GPIO.
#[derive(Clone, Copy, Debug)]
pub struct SimulatedPin {
    mode: Option<PinMode>,
    pull: Pull,
    /// The level the output register holds.
    output: bool,
    /// The level something outside drives onto the pin, if anything.
    external: Option<bool>,
    trigger: PinTrigger,
    /// Triggers seen and not reported yet.
    latched: PinTrigger,
}

impl SimulatedPin {
    /// A pin as after reset: unconfigured, low, no pull, no interrupt.
    pub const RESET: SimulatedPin = SimulatedPin {
        mode: None,
        pull: Pull::None,
        output: false,
        external: None,
        trigger: PinTrigger::NONE,
        latched: PinTrigger::NONE,
    };

    fn level(&self) -> bool {
        match self.mode {
            Some(PinMode::Output) => self.output,
            // An open-drain output drives low, or lets the line float high
            // through a pull-up (or whatever drives it from outside).
            Some(PinMode::OpenDrain) if !self.output => false,
            _ => match (self.external, self.pull) {
                (Some(level), _) => level,
                (None, Pull::Up) => true,
                (None, Pull::Down) => false,
                (None, Pull::None) => self.output,
            },
        }
    }

    /// Runs `change` and latches the edge it caused, if the pin watches for it.
    fn changing(&mut self, change: impl FnOnce(&mut SimulatedPin)) {
        let before = self.level();
        change(self);
        let after = self.level();
        let edge = match (before, after) {
            (false, true) => PinTrigger::RISING,
            (true, false) => PinTrigger::FALLING,
            _ => PinTrigger::NONE,
        };
        let level = if after { PinTrigger::LEVEL_HIGH } else { PinTrigger::LEVEL_LOW };
        let seen = PinTrigger(self.trigger.0 & edge.union(if before != after { level } else { PinTrigger::NONE }).0);
        self.latched = self.latched.union(seen);
    }
}

impl Pin for SimulatedPin {
    fn configure(&mut self, config: PinConfig) -> Result<(), MachineError> {
        if let Some(PinMode::Alt(_)) = config.mode {
            return Err(MachineError::Unsupported("simulated pins have no alternate functions"));
        }
        self.changing(|pin| {
            if let Some(value) = config.value {
                pin.output = value;
            }
            if config.mode.is_some() {
                pin.mode = config.mode;
            }
            pin.pull = config.pull;
        });
        Ok(())
    }

    fn mode(&self) -> Option<PinMode> {
        self.mode
    }

    fn pull(&self) -> Pull {
        self.pull
    }

    fn write(&mut self, high: bool) {
        self.changing(|pin| pin.output = high);
    }

    fn read(&mut self) -> bool {
        self.level()
    }

    fn toggle(&mut self) {
        self.changing(|pin| pin.output = !pin.output);
    }

    fn set_irq(&mut self, trigger: PinTrigger, hard: bool) -> Result<(), MachineError> {
        let _ = hard;
        self.trigger = trigger;
        self.latched = PinTrigger::NONE;
        Ok(())
    }
}

/// A board of `PINS` simulated GPIOs with named pins and a nominal clock,
/// and the test jig's parts on its buses (`port::bench`): two I2C buses,
/// two SPI buses, two UARTs and five ADC inputs, numbered as the RP2040's.
pub struct SimulatedMachine<const PINS: usize> {
    pins: [SimulatedPin; PINS],
    names: &'static [(&'static str, u32)],
    prefixes: &'static [&'static str],
    cpu_hz: u32,
    i2c: [BenchI2c; 2],
    spi: [BenchSpi; 2],
    uart: [BenchUart; 2],
    adc: [BenchAdc; 5],
    pwm: [PwmSlice; 8],
    i2c_target: I2cPinTarget,
    /// The DS18B20 on GP22 (`port::bench_onewire`).
    ds18b20: Ds18b20,
    /// The simulated time in microseconds, which only [`Machine::delay_us`]
    /// advances: the clock the 1-Wire sensor measures its slots with.
    micros: u64,
}

/// The settings of a bus before `init`: MicroPython rp2's defaults.
const I2C_DEFAULT: I2cConfig = I2cConfig { freq: 400_000, scl: None, sda: None, timeout_us: 50_000 };
const SPI_DEFAULT: SpiConfig = SpiConfig {
    baudrate: 1_000_000,
    polarity: 0,
    phase: 0,
    bits: 8,
    msb_first: true,
    sck: None,
    mosi: None,
    miso: None,
};
const UART_DEFAULT: UartConfig =
    UartConfig { baudrate: 115_200, bits: 8, parity: Parity::None, stop: 1, tx: None, rx: None, rx_buffer: 256 };

impl<const PINS: usize> SimulatedMachine<PINS> {
    /// A board whose pins are all as after reset. `names` maps board names
    /// (`"LED"`) to pin numbers, and a prefix of `prefixes` followed by a
    /// decimal number names that pin (`"GP5"` with the prefix `"GP"`);
    /// `cpu_hz` is what `machine.freq()` reports, `pwm_clock_hz` the clock
    /// of the PWM slices (the jig's board's system clock).
    pub const fn new(
        names: &'static [(&'static str, u32)],
        prefixes: &'static [&'static str],
        cpu_hz: u32,
        pwm_clock_hz: u32,
    ) -> SimulatedMachine<PINS> {
        SimulatedMachine {
            pins: [SimulatedPin::RESET; PINS],
            names,
            prefixes,
            cpu_hz,
            i2c: [BenchI2c::with_devices(I2C_DEFAULT), BenchI2c::empty(I2C_DEFAULT)],
            spi: [BenchSpi { config: SPI_DEFAULT, looped: true }, BenchSpi { config: SPI_DEFAULT, looped: false }],
            uart: [BenchUart::new(UART_DEFAULT, false), BenchUart::new(UART_DEFAULT, true)],
            // ADC0 at 1.000 V, the temperature sensor at 27 °C, the others grounded.
            adc: [
                BenchAdc { millivolts: 1000 },
                BenchAdc { millivolts: 0 },
                BenchAdc { millivolts: 0 },
                BenchAdc { millivolts: 0 },
                BenchAdc { millivolts: 706 },
            ],
            pwm: [PwmSlice::new(pwm_clock_hz); 8],
            i2c_target: I2cPinTarget::new(),
            ds18b20: Ds18b20::new(),
            micros: 0,
        }
    }

    /// Shows GP8 (SDA) and GP9 (SCL) to the pin-level I2C target and
    /// applies its pull on SDA.
    fn sync_i2c_pins(&mut self) {
        let (sda, scl) = (I2C0_SDA as usize, I2C0_SCL as usize);
        if sda >= PINS || scl >= PINS {
            return;
        }
        // While neither line is a GPIO the bus belongs to the hardware controller.
        if self.pins[sda].mode.is_none() && self.pins[scl].mode.is_none() {
            return;
        }
        loop {
            let controller_sda = SimulatedPin { external: None, ..self.pins[sda] }.level();
            let scl_level = self.pins[scl].level();
            self.i2c_target.observe(scl_level, controller_sda, &mut self.i2c[0]);
            let pull = self.i2c_target.pulls_sda_low.then_some(false);
            if self.pins[sda].external == pull {
                return;
            }
            self.pins[sda].changing(|pin| pin.external = pull);
            // The target's own change to SDA is no START or STOP: SCL is low.
            if scl_level {
                return;
            }
        }
    }

    /// Shows GP22 to the 1-Wire sensor at the simulated time and puts the
    /// line's level on the pin from outside: low while the sensor holds it
    /// low, else high through the bus's pull-up resistor.
    fn sync_onewire(&mut self) {
        let id = ONEWIRE_PIN as usize;
        if id >= PINS {
            return;
        }
        let pin = self.pins[id];
        let controller_low = matches!(pin.mode, Some(PinMode::Output | PinMode::OpenDrain)) && !pin.output;
        self.ds18b20.observe(controller_low, self.micros);
        let line = Some(!self.ds18b20.holds_low(self.micros));
        if self.pins[id].external != line {
            self.pins[id].changing(|pin| pin.external = line);
        }
    }

    /// The jig's I2C0 bus, for tests that look at its devices.
    pub fn bench_i2c(&mut self) -> &mut BenchI2c {
        &mut self.i2c[0]
    }

    /// Applies the jig's wires (a pin wired to an output follows it), and
    /// lets the I2C devices see and drive GP8/GP9 as a bit-banged bus.
    fn sync_wires(&mut self) {
        self.sync_i2c_pins();
        self.sync_onewire();
        for &(from, to) in BENCH_WIRES {
            let (from, to) = (from as usize, to as usize);
            if from >= PINS || to >= PINS {
                continue;
            }
            let driving = matches!(self.pins[from].mode, Some(PinMode::Output | PinMode::OpenDrain));
            let level = driving.then(|| self.pins[from].level());
            if self.pins[to].external != level {
                self.pins[to].changing(|pin| pin.external = level);
            }
        }
    }

    /// Whether a pin latched a trigger that [`Machine::take_event`] has not
    /// reported yet (a port's `pending_interrupt`).
    pub fn has_event(&mut self) -> bool {
        self.sync_wires();
        self.pins.iter().any(|pin| pin.latched != PinTrigger::NONE)
    }

    /// Drives pin `id` from outside (`Some(level)`) or stops driving it.
    pub fn drive(&mut self, id: u32, level: Option<bool>) -> Result<(), MachineError> {
        let pin = self.pins.get_mut(id as usize).ok_or(MachineError::InvalidPin)?;
        pin.changing(|pin| pin.external = level);
        Ok(())
    }
}

impl<const PINS: usize> Machine for SimulatedMachine<PINS> {
    fn cpu_freq(&mut self) -> u32 {
        self.cpu_hz
    }

    fn pin_count(&self) -> u32 {
        PINS as u32
    }

    fn pin_named(&self, name: &str) -> Option<u32> {
        if let Some(&(_, id)) = self.names.iter().find(|(known, _)| *known == name) {
            return Some(id);
        }
        numbered_pin(name, self.prefixes, PINS as u32)
    }

    fn pin(&mut self, id: u32) -> Result<&mut dyn Pin, MachineError> {
        self.sync_wires();
        match self.pins.get_mut(id as usize) {
            Some(pin) => Ok(pin),
            None => Err(MachineError::InvalidPin),
        }
    }

    fn i2c(&mut self, id: u32) -> Result<&mut dyn I2cBus, MachineError> {
        match self.i2c.get_mut(id as usize) {
            Some(bus) => Ok(bus),
            None => Err(MachineError::NoSuchPeripheral),
        }
    }

    fn spi(&mut self, id: u32) -> Result<&mut dyn SpiBus, MachineError> {
        match self.spi.get_mut(id as usize) {
            Some(bus) => Ok(bus),
            None => Err(MachineError::NoSuchPeripheral),
        }
    }

    fn uart(&mut self, id: u32) -> Result<&mut dyn Uart, MachineError> {
        match self.uart.get_mut(id as usize) {
            Some(uart) => Ok(uart),
            None => Err(MachineError::NoSuchPeripheral),
        }
    }

    /// Channels 0 to 3 are GP26 to GP29, channel 4 the temperature sensor,
    /// as on the RP2040; a number of 26 or more names the pin.
    fn adc(&mut self, source: AdcSource) -> Result<&mut dyn Adc, MachineError> {
        let channel = match source {
            AdcSource::Id(channel @ 0..=4) => channel,
            AdcSource::Id(pin @ 26..=29) | AdcSource::Pin(pin @ 26..=29) => pin - 26,
            AdcSource::Pin(_) | AdcSource::Id(_) => return Err(MachineError::InvalidPin),
        };
        Ok(&mut self.adc[channel as usize])
    }

    /// Pin `n` drives channel `n & 1` of slice `(n >> 1) & 7`, as on the RP2040.
    fn pwm(&mut self, pin: u32) -> Result<&mut dyn Pwm, MachineError> {
        if pin as usize >= PINS {
            return Err(MachineError::InvalidPin);
        }
        let slice = &mut self.pwm[((pin >> 1) & 7) as usize];
        slice.channel = (pin & 1) as usize;
        Ok(slice)
    }

    /// Returns at once, but advances the simulated clock the jig's 1-Wire
    /// sensor times its slots with, after showing it the line as it is.
    fn delay_us(&mut self, us: u32) {
        self.sync_onewire();
        self.micros += u64::from(us);
    }

    /// The board's BOOTSEL button, pressed while the jig's GP20 drives high
    /// (not pressed by default).
    fn bootsel_button(&mut self) -> Result<bool, MachineError> {
        let Some(pin) = self.pins.get(BOOTSEL_PRESS_PIN as usize) else { return Ok(false) };
        Ok(matches!(pin.mode, Some(PinMode::Output)) && pin.output)
    }

    /// A simulated pin has no timing: each bit is a rising and a falling
    /// edge, which the jig's wire and pin interrupts see (latched, as the
    /// chip's interrupt status is, so a burst reads as one edge).
    fn bitstream(&mut self, pin: u32, timing_ns: [u32; 4], bytes: &[u8]) -> Result<(), MachineError> {
        let _ = timing_ns;
        let Some(target) = self.pins.get_mut(pin as usize) else { return Err(MachineError::InvalidPin) };
        target.changing(|pin| {
            pin.mode = Some(PinMode::Output);
            pin.output = false;
        });
        for _bit in 0..bytes.len() * 8 {
            self.pins[pin as usize].changing(|pin| pin.output = true);
            self.sync_wires();
            self.pins[pin as usize].changing(|pin| pin.output = false);
            self.sync_wires();
        }
        Ok(())
    }

    fn take_event(&mut self) -> Option<MachineEvent> {
        self.sync_wires();
        let (id, pin) = self.pins.iter_mut().enumerate().find(|(_, pin)| pin.latched != PinTrigger::NONE)?;
        let trigger = core::mem::take(&mut pin.latched);
        Some(MachineEvent::Pin { pin: id as u32, trigger })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[(&str, u32)] = &[("LED", 3)];
    const PREFIXES: &[&str] = &["GP"];

    fn output() -> PinConfig {
        PinConfig { mode: Some(PinMode::Output), pull: Pull::None, value: None }
    }

    #[test]
    fn outputs_read_back_and_inputs_follow_their_pull() {
        let mut machine = SimulatedMachine::<4>::new(NAMES, PREFIXES, 1_000_000, 1_000_000);
        assert_eq!(machine.pin_named("LED"), Some(3));
        assert_eq!(machine.pin_named("GP2"), Some(2));
        assert_eq!(machine.pin_named("GP0"), Some(0));
        for unknown in ["GP4", "GP02", "GP", "GP+1", "LED2", "gp1"] {
            assert_eq!(machine.pin_named(unknown), None, "{unknown}");
        }
        let pin = machine.pin(3).unwrap();
        pin.configure(output()).unwrap();
        pin.toggle();
        assert!(pin.read());
        pin.configure(PinConfig { mode: Some(PinMode::Input), pull: Pull::Down, value: None }).unwrap();
        assert!(!pin.read());
        pin.configure(PinConfig { mode: None, pull: Pull::Up, value: None }).unwrap();
        assert!(pin.read());
        assert_eq!(pin.mode(), Some(PinMode::Input));
        assert!(matches!(machine.pin(4), Err(MachineError::InvalidPin)));
    }

    #[test]
    fn the_jig_wire_makes_gp3_follow_gp2_and_report_its_edges() {
        let mut machine = SimulatedMachine::<30>::new(NAMES, PREFIXES, 1_000_000, 1_000_000);
        machine.pin(3).unwrap().configure(PinConfig { mode: Some(PinMode::Input), ..output() }).unwrap();
        machine.pin(3).unwrap().set_irq(PinTrigger::FALLING, false).unwrap();
        machine.pin(2).unwrap().configure(output()).unwrap();
        machine.pin(2).unwrap().write(true);
        assert!(machine.pin(3).unwrap().read());
        assert!(!machine.has_event(), "a rising edge is not watched");
        machine.pin(2).unwrap().write(false);
        assert!(!machine.pin(3).unwrap().read());
        assert_eq!(machine.take_event(), Some(MachineEvent::Pin { pin: 3, trigger: PinTrigger::FALLING }));
        // An input on GP2 drives nothing: GP3 floats at its pull.
        machine.pin(2).unwrap().configure(PinConfig { mode: Some(PinMode::Input), ..output() }).unwrap();
        machine.pin(3).unwrap().configure(PinConfig { mode: None, pull: Pull::Up, value: None }).unwrap();
        assert!(machine.pin(3).unwrap().read());
    }

    #[test]
    fn the_bootsel_button_is_pressed_while_gp20_drives_high() {
        let mut machine = SimulatedMachine::<30>::new(NAMES, PREFIXES, 1_000_000, 1_000_000);
        assert_eq!(machine.bootsel_button(), Ok(false));
        machine.pin(20).unwrap().configure(PinConfig { value: Some(true), ..output() }).unwrap();
        assert_eq!(machine.bootsel_button(), Ok(true));
        machine.pin(20).unwrap().write(false);
        assert_eq!(machine.bootsel_button(), Ok(false));
    }

    #[test]
    fn armed_edges_become_events_in_pin_order() {
        let mut machine = SimulatedMachine::<4>::new(NAMES, PREFIXES, 1_000_000, 1_000_000);
        machine.pin(2).unwrap().configure(PinConfig { mode: Some(PinMode::Input), ..output() }).unwrap();
        machine.pin(2).unwrap().set_irq(PinTrigger::RISING, false).unwrap();
        machine.pin(1).unwrap().configure(output()).unwrap();
        machine.pin(1).unwrap().set_irq(PinTrigger::RISING.union(PinTrigger::FALLING), false).unwrap();
        machine.drive(2, Some(true)).unwrap();
        machine.drive(2, Some(false)).unwrap();
        assert!(machine.has_event());
        machine.pin(1).unwrap().write(true);
        assert_eq!(machine.take_event(), Some(MachineEvent::Pin { pin: 1, trigger: PinTrigger::RISING }));
        assert_eq!(machine.take_event(), Some(MachineEvent::Pin { pin: 2, trigger: PinTrigger::RISING }));
        assert_eq!(machine.take_event(), None);
        assert!(!machine.has_event());
        machine.pin(1).unwrap().write(true);
        assert_eq!(machine.take_event(), None, "no edge when the level stays");
    }
}
