//! The host's `rp2` module, as the RP2 port's (`ports/rp2/src/rp2_module.rs`)
//! for what the simulated Pico can answer: `bootsel_button()`, 1 while the
//! simulated machine's BOOTSEL button is pressed. It is not pressed unless
//! the test jig's GP20 drives high, as on the emulated Pico's jig
//! (`rime_vm::port::bench::BOOTSEL_PRESS_PIN`).
//!
//! The host runners (`rime-host` and `cargo xtask run`) hand the VM
//! [`PORT_MODULES`] as `Config::port_modules`.

use rime_vm::builtins::Handler;
use rime_vm::NativeModule;

pub static MODULE: NativeModule = NativeModule::new("rp2", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[("bootsel_button", rime_vm::modules::machine_misc::bootsel_button)];

/// The host port's own modules.
pub static PORT_MODULES: &[&NativeModule] = &[&MODULE];
