//! MicroPython rp2's PWM arithmetic on a slice clocked as the Pico's
//! (125 MHz): the expected values come from MicroPython rp2's formulas
//! evaluated by hand (in Python), not from this code.

use rime_vm::port::pwm_slice::PwmSlice;
use rime_vm::port::{MachineError, Pwm};

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
