//! The port's own `rp2` module, registered with the VM through
//! `Config::port_modules` (the VM itself knows nothing of it).
//!
//! It holds `country([code])`, the two-letter wireless country code (`"XX"`,
//! worldwide, until set), which the CYW43 driver of the Pico W boards will
//! read, and `bootsel_button()`, 1 while the BOOTSEL button is pressed (the
//! VM's handler over `Machine::bootsel_button`, which `bootsel.rs` answers).
//! PIO, DMA and `Flash` are not there yet.

use core::sync::atomic::{AtomicU16, Ordering};

use rime_vm::builtins::{check_args, Handler};
use rime_vm::{NativeModule, Obj, TypeId, Vm, R};

/// The country code as two ASCII bytes, little end first.
static COUNTRY: AtomicU16 = AtomicU16::new(u16::from_le_bytes(*b"XX"));

pub static MODULE: NativeModule = NativeModule::new("rp2", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] =
    &[("country", country), ("bootsel_button", rime_vm::modules::machine_misc::bootsel_button)];

/// `rp2.country()` returns the code; `rp2.country(code)` sets it.
fn country(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let Some(&code) = args.first() else {
        let bytes = COUNTRY.load(Ordering::Relaxed).to_le_bytes();
        return vm.new_str(&bytes);
    };
    let text = vm.str_bytes(code);
    if !vm.is_str(code) || text.len() != 2 || !text.iter().all(u8::is_ascii_alphanumeric) {
        return Err(vm.raise_msg(TypeId::ValueError, "country code must be two letters"));
    }
    COUNTRY.store(u16::from_le_bytes([text[0], text[1]]), Ordering::Relaxed);
    Ok(Obj::NONE)
}
