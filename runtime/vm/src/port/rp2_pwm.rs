//! The RP2040's and RP2350's PWM slices as MicroPython's rp2 port programs
//! them: a clock divider in sixteenths, a wrap value (`top`) and a compare
//! level per channel, computed from the frequency and duty asked for with
//! MicroPython's rounding, and read back from those registers, so that
//! `pwm.freq()` and `pwm.duty_u16()` return what the hardware does. The
//! simulated machine keeps these registers as values; a board's port writes
//! them to the chip.
//!
//! Pin `n` drives channel `n & 1` (A, B) of slice `(n >> 1) & 7`; the two
//! channels of a slice share its frequency, so setting one re-applies the
//! other's duty, as MicroPython does.

use super::machine::{MachineError, Pwm};

/// How a channel's duty was last set, so that a new frequency keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Duty {
    NotSet,
    U16(u32),
    Ns(u32),
}

/// One PWM slice: its registers, and which channel `Pwm` calls address.
#[derive(Clone, Copy, Debug)]
pub struct PwmSlice {
    /// The system clock feeding the slice, in Hz.
    pub source_hz: u32,
    /// The divider in sixteenths (16 = divide by 1).
    pub div16: u32,
    pub top: u32,
    /// The compare level of channels A and B.
    pub level: [u32; 2],
    /// Whether a frequency was set since reset.
    pub freq_set: bool,
    pub enabled: bool,
    duty: [Duty; 2],
    /// The channel the next `Pwm` call addresses (set by the machine).
    pub channel: usize,
}

/// The largest wrap value MicroPython uses (one below the counter's limit,
/// so a duty of 100 % stays reachable).
const TOP_MAX: u32 = 65534;

impl PwmSlice {
    pub const fn new(source_hz: u32) -> PwmSlice {
        PwmSlice {
            source_hz,
            div16: 16,
            top: 0xffff,
            level: [0, 0],
            freq_set: false,
            enabled: false,
            duty: [Duty::NotSet, Duty::NotSet],
            channel: 0,
        }
    }

    /// The slice's counter clock for a divider of `div16` sixteenths, with
    /// `offset` added before dividing (for rounding).
    fn slice_hz(&self, offset: u32, div16: u32) -> u32 {
        ((16 * u64::from(self.source_hz) + u64::from(offset)) / u64::from(div16.max(1))) as u32
    }

    fn slice_hz_round(&self, div16: u32) -> u32 {
        self.slice_hz(div16 / 2, div16)
    }

    fn slice_hz_ceil(&self, div16: u32) -> u32 {
        self.slice_hz(div16 - 1, div16)
    }

    fn apply_duty(&mut self, channel: usize) {
        match self.duty[channel] {
            Duty::NotSet => {}
            Duty::U16(duty) => self.set_u16(channel, duty),
            Duty::Ns(duty) => self.set_ns(channel, duty),
        }
    }

    fn set_u16(&mut self, channel: usize, duty: u32) {
        let duty = duty.min(65535);
        self.level[channel] = ((u64::from(duty) * u64::from(self.top + 1) + 65535 / 2) / 65535) as u32;
        self.duty[channel] = Duty::U16(duty);
        self.enabled = true;
    }

    fn set_ns(&mut self, channel: usize, ns: u32) {
        let hz = self.slice_hz_round(self.div16);
        let level = ((u64::from(ns) * u64::from(hz) + 500_000_000) / 1_000_000_000) as u32;
        self.level[channel] = level.min(self.top + 1);
        self.duty[channel] = Duty::Ns(ns);
        self.enabled = true;
    }

    /// Forgets the channel's duty (a new `PWM` object on its pin).
    pub fn reset_channel(&mut self, channel: usize) {
        self.duty[channel] = Duty::NotSet;
    }
}

impl Pwm for PwmSlice {
    fn set_freq(&mut self, hz: u32) -> Result<(), MachineError> {
        if hz == 0 {
            return Err(MachineError::InvalidArgument("freq too small"));
        }
        let source = u64::from(self.source_hz);
        let (div16, top) = if (source + u64::from(hz) / 2) / u64::from(hz) < u64::from(TOP_MAX) {
            // The register holds 16 bits: past twice the clock the C
            // arithmetic's wrap-around lands on 0xffff, as on the chip.
            (16, (((source + u64::from(hz) / 2) / u64::from(hz)) as u32).wrapping_sub(1) & 0xffff)
        } else {
            let div16 = self.slice_hz_ceil(TOP_MAX.saturating_mul(hz));
            (div16, self.slice_hz_round(div16.saturating_mul(hz)).saturating_sub(1))
        };
        if div16 < 16 {
            return Err(MachineError::InvalidArgument("freq too large"));
        }
        if div16 >= 256 * 16 {
            return Err(MachineError::InvalidArgument("freq too small"));
        }
        self.div16 = div16;
        self.top = top;
        self.freq_set = true;
        self.apply_duty(0);
        self.apply_duty(1);
        Ok(())
    }

    fn freq(&mut self) -> u32 {
        if !self.freq_set {
            return 0;
        }
        self.slice_hz_round(self.div16 * (self.top + 1))
    }

    fn set_duty_u16(&mut self, duty: u16) {
        self.set_u16(self.channel, u32::from(duty));
    }

    fn duty_u16(&mut self) -> u16 {
        if self.duty[self.channel] == Duty::NotSet || !self.freq_set {
            return 0;
        }
        let level = u64::from(self.level[self.channel]);
        let top = u64::from(self.top) + 1;
        ((level * 65535 + top / 2) / top) as u16
    }

    fn set_duty_ns(&mut self, ns: u32) -> Result<(), MachineError> {
        self.set_ns(self.channel, ns);
        Ok(())
    }

    fn duty_ns(&mut self) -> u32 {
        if self.duty[self.channel] == Duty::NotSet || !self.freq_set {
            return 0;
        }
        let hz = u64::from(self.slice_hz_round(self.div16));
        ((u64::from(self.level[self.channel]) * 1_000_000_000 + hz / 2) / hz) as u32
    }

    fn deinit(&mut self) {
        self.enabled = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The expected values come from MicroPython rp2's formulas evaluated
    // by hand (in Python), not from this code.
    fn frequencies_round_as_micropython_computes_them() {
        let mut slice = PwmSlice::new(125_000_000);
        assert_eq!(slice.freq(), 0, "no frequency before one is set");
        // 1 kHz needs the divider: 31/16, top 64515.
        slice.set_freq(1000).unwrap();
        assert_eq!((slice.div16, slice.top), (31, 64515));
        assert_eq!(slice.freq(), 1000);
        // 50 kHz divides by 1: top 2499.
        slice.set_freq(50_000).unwrap();
        assert_eq!((slice.div16, slice.top), (16, 2499));
        assert_eq!(slice.freq(), 50_000);
        assert_eq!(slice.set_freq(1), Err(MachineError::InvalidArgument("freq too small")));
        // Above the clock the divider stays 1 and the wrap value 0: the clock itself.
        slice.set_freq(200_000_000).unwrap();
        assert_eq!((slice.div16, slice.top, slice.freq()), (16, 0, 125_000_000));
    }

    #[test]
    fn duties_survive_a_new_frequency_and_read_back_rounded() {
        let mut slice = PwmSlice::new(125_000_000);
        slice.set_freq(50_000).unwrap();
        slice.channel = 1;
        slice.set_duty_u16(32768);
        assert_eq!(slice.level[1], 1250);
        assert_eq!(slice.duty_u16(), 32768);
        slice.channel = 0;
        assert_eq!(slice.duty_u16(), 0, "channel A has no duty yet");
        slice.set_duty_ns(5_000).unwrap();
        assert_eq!(slice.duty_ns(), 5_000);
        slice.set_freq(1000).unwrap();
        assert_eq!(slice.duty_ns(), 5_007, "5 us in steps of the divided clock");
        slice.channel = 1;
        assert_eq!(slice.duty_u16(), 32768);
    }
}
