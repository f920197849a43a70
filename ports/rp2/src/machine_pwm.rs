//! PWM outputs (`machine.PWM`) on the chip's eight slices, as `rime_vm`'s
//! [`Pwm`].
//!
//! The arithmetic is the VM's [`PwmSlice`] (MicroPython rp2's divider, wrap
//! and level rounding, at the system clock the port gives it), so `freq()`
//! and `duty_u16()` read back what the registers hold; after each change
//! this file writes the slice's registers through the HAL's `Slices`. GPIO
//! `n` is channel `n & 1` (A or B) of slice `(n >> 1) & 7`, and is routed to
//! the PWM function through the HAL when a `PWM` object first addresses it.

use embedded_hal::pwm::SetDutyCycle;
use rime_vm::port::pwm_slice::PwmSlice;
use rime_vm::port::{MachineError, Pwm};

use crate::chip::hal::gpio::DynFunction;
use crate::machine::Rp2Machine;

/// MicroPython rp2's `Pin.ALT_PWM`: the chip's function number.
pub const ALT_PWM: u8 = 4;

/// The slice of GPIO `pin` and its channel.
pub fn slice_of(pin: u32) -> (usize, usize) {
    (((pin >> 1) & 7) as usize, (pin & 1) as usize)
}

/// Writes slice `$index`'s registers from `$state` through the HAL slice.
macro_rules! write_slice {
    ($slices:expr, $index:expr, $state:expr, [$($number:literal => $field:ident),*]) => {
        match $index {
            $($number => {
                let slice = &mut $slices.$field;
                let state: &PwmSlice = $state;
                slice.set_div_int((state.div16 >> 4) as u8);
                slice.set_div_frac((state.div16 & 15) as u8);
                slice.set_top(state.top as u16);
                let Ok(()) = slice.channel_a.set_duty_cycle(state.level[0].min(0xffff) as u16);
                let Ok(()) = slice.channel_b.set_duty_cycle(state.level[1].min(0xffff) as u16);
                if state.enabled {
                    slice.enable();
                } else {
                    slice.disable();
                }
            })*
            _ => {}
        }
    };
}

impl Rp2Machine {
    /// Selects GPIO `pin`'s slice and channel, routing the pin to the PWM.
    pub fn select_pwm(&mut self, pin: u32) -> Result<(), MachineError> {
        let gpio = self.gpio(pin)?;
        if !gpio.is_routed(ALT_PWM) {
            gpio.route(DynFunction::Pwm, ALT_PWM)?;
        }
        let (slice, channel) = slice_of(pin);
        self.pwm_slices[slice].channel = channel;
        self.selected = slice as u32;
        Ok(())
    }

    /// The selected slice's arithmetic.
    fn pwm_state(&mut self) -> &mut PwmSlice {
        &mut self.pwm_slices[self.selected as usize]
    }

    /// Writes the selected slice's registers.
    fn pwm_write(&mut self) {
        let index = self.selected as usize;
        write_slice!(self.pwm_hal, index, &self.pwm_slices[index],
            [0 => pwm0, 1 => pwm1, 2 => pwm2, 3 => pwm3, 4 => pwm4, 5 => pwm5, 6 => pwm6, 7 => pwm7]);
    }
}

/// `Machine::pwm` selected the pin's slice and channel.
impl Pwm for Rp2Machine {
    fn set_freq(&mut self, hz: u32) -> Result<(), MachineError> {
        self.pwm_state().set_freq(hz)?;
        self.pwm_write();
        Ok(())
    }

    fn freq(&mut self) -> u32 {
        self.pwm_state().freq()
    }

    fn set_duty_u16(&mut self, duty: u16) {
        self.pwm_state().set_duty_u16(duty);
        self.pwm_write();
    }

    fn duty_u16(&mut self) -> u16 {
        self.pwm_state().duty_u16()
    }

    fn set_duty_ns(&mut self, ns: u32) -> Result<(), MachineError> {
        self.pwm_state().set_duty_ns(ns)?;
        self.pwm_write();
        Ok(())
    }

    fn duty_ns(&mut self) -> u32 {
        self.pwm_state().duty_ns()
    }

    fn deinit(&mut self) {
        self.pwm_state().deinit();
        self.pwm_write();
    }
}
