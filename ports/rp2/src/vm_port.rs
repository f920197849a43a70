//! The VM's view of the board: the core `rime_vm::Port` for the firmware's
//! [`Port`], with the [`Rp2Machine`](crate::machine::Rp2Machine) as its
//! machine.
//!
//! Output goes to the console (UART0 and USB serial) with `\n` turned into
//! `\r\n`, as serial terminals expect; input comes from both without
//! blocking, and the interrupt character (Ctrl-C) becomes a pending keyboard
//! interrupt (see `port`), checked by polling the console at most once a
//! millisecond while a program runs. The REPL's own bytes go out unchanged
//! (`write_console`). Time comes from the 64-bit hardware timer and
//! sleeping uses the timer's wake alarm ([`Port::sleep_until`]), so USB
//! stays serviced while a program sleeps. `sys.platform` is `"rp2"`.
//! `machine.unique_id()` is the flash chip's unique id on the RP2040, read
//! once at boot (`flash::unique_id`), and the VM's default id where the
//! flash gives none (rp2040js) and on the RP2350.

use rime_vm::port::Machine;

use crate::port::Port;

/// The global allocator: it serves only the compile arena the VM lends from
/// its GC heap while the compiler runs (`rime_compile_arena`).
#[cfg(feature = "compiler")]
#[global_allocator]
static COMPILE_ARENA: rime_compile_arena::CompileArena = rime_compile_arena::CompileArena::new();

impl rime_vm::Port for Port<'_> {
    #[cfg(feature = "compiler")]
    rime_compile_arena::port_methods!(COMPILE_ARENA);

    fn write_stdout(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some(newline) = rest.iter().position(|&byte| byte == b'\n') {
            self.write_bytes(&rest[..newline]);
            self.write_bytes(b"\r\n");
            rest = &rest[newline + 1..];
        }
        if !rest.is_empty() {
            self.write_bytes(rest);
        }
    }

    fn write_console(&mut self, bytes: &[u8]) {
        self.write_bytes(bytes);
    }

    /// A serial terminal shows only what the board sends back: `input`
    /// echoes what is typed, as MicroPython's readline does.
    fn echoes_input(&self) -> bool {
        false
    }

    fn unique_id(&mut self) -> [u8; 8] {
        // The VM's default id when the flash gave none.
        self.unique_id.unwrap_or(*b"rimehost")
    }

    fn read_stdin_byte(&mut self) -> Option<u8> {
        self.read_byte()
    }

    fn set_interrupt_char(&mut self, byte: Option<u8>) {
        self.interrupt_char = byte;
    }

    fn pending_interrupt(&mut self) -> bool {
        self.interrupt_arrived() || self.machine.has_event()
    }

    fn take_interrupt(&mut self) -> bool {
        self.interrupt_arrived();
        core::mem::take(&mut self.interrupted)
    }

    fn machine_name(&self) -> &'static str {
        crate::board::MACHINE
    }

    fn mpy_arch(&self) -> u8 {
        // MicroPython's MP_NATIVE_ARCH_ARMV6M on the RP2040's Cortex-M0+,
        // ARMV7EMSP on the RP2350's Cortex-M33 (single-precision floats).
        if crate::chip::NAME == "RP2040" {
            4
        } else {
            7
        }
    }

    fn ticks_ms(&mut self) -> u32 {
        (Port::ticks_us(self) / 1000) as u32
    }

    fn ticks_us(&mut self) -> u32 {
        Port::ticks_us(self) as u32
    }

    fn sleep_us(&mut self, us: u64) {
        let deadline = Port::ticks_us(self).saturating_add(us);
        self.sleep_until(deadline);
    }

    fn platform(&self) -> &'static str {
        "rp2"
    }

    fn reset(&mut self) {
        cortex_m::peripheral::SCB::sys_reset()
    }

    fn machine(&mut self) -> Option<&mut dyn Machine> {
        Some(&mut self.machine)
    }

    fn filesystem(&mut self) -> Option<rime_vm::port::filesystem::Vfs<'_>> {
        let (volume, state) = self.filesystem.as_mut()?;
        Some(rime_vm::port::filesystem::Vfs { volume, state })
    }
}
