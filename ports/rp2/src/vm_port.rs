//! The VM's view of the board: the core `rime_vm::Port` for the firmware's
//! [`Port`], with the [`Rp2Machine`](crate::machine::Rp2Machine) as its
//! machine.
//!
//! Output goes to the console (UART0 and USB serial) with `\n` turned into
//! `\r\n`, as serial terminals expect; input comes from both without
//! blocking, and the interrupt character (Ctrl-C) becomes a pending keyboard
//! interrupt (see `port`). Time comes from the 64-bit hardware timer and
//! sleeping uses the timer's wake alarm ([`Port::sleep_until`]), so USB
//! stays serviced while a program sleeps. `sys.platform` is `"rp2"`.
//! `machine.unique_id()` keeps the VM's default id for now: reading the
//! flash's unique id needs the boot ROM's flash functions with XIP stopped.

use rime_vm::port::Machine;

use crate::port::Port;

/// The global allocator: it serves only the compile arena the VM lends from
/// its GC heap while the compiler runs (`rime_compile_arena`).
#[cfg(feature = "compiler")]
#[global_allocator]
static COMPILE_ARENA: rime_compile_arena::CompileArena = rime_compile_arena::CompileArena::new();

impl rime_vm::Port for Port<'_> {
    #[cfg(feature = "compiler")]
    fn wants_compile_arena(&self) -> bool {
        true
    }

    #[cfg(feature = "compiler")]
    fn lend_compile_arena(&mut self, arena: &mut [u8]) {
        // SAFETY: by `Port::lend_compile_arena`'s contract the VM leaves these
        // bytes to the allocator alone until `end_compile_arena`.
        unsafe { COMPILE_ARENA.lend(arena.as_mut_ptr(), arena.len()) }
    }

    #[cfg(feature = "compiler")]
    fn seal_compile_arena(&mut self) -> usize {
        COMPILE_ARENA.seal()
    }

    #[cfg(feature = "compiler")]
    fn end_compile_arena(&mut self) -> usize {
        COMPILE_ARENA.end()
    }

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

    fn read_stdin_byte(&mut self) -> Option<u8> {
        self.read_byte()
    }

    fn set_interrupt_char(&mut self, byte: Option<u8>) {
        self.interrupt_char = byte;
    }

    fn pending_interrupt(&mut self) -> bool {
        self.interrupted
    }

    fn take_interrupt(&mut self) -> bool {
        core::mem::take(&mut self.interrupted)
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
}
