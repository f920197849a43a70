//! The REPL, as MicroPython's: the friendly REPL a person types at, and the
//! raw REPL (with raw-paste mode) that tools such as `mpremote` and Thonny
//! drive, byte for byte as MicroPython documents them.
//!
//! Everything goes through the port's console: [`crate::Port::read_stdin_byte`]
//! never blocks, so [`Vm::console_read_byte`] waits by polling it between
//! short sleeps. The REPL's own bytes are written with `write_console`, as
//! they are; program output goes through `write_stdout`, where a port with
//! a terminal-like console turns `\n` into `\r\n`, as MicroPython's HAL does.
//! While the REPL reads, the interrupt character is off, so Ctrl-C reaches
//! the line editor as a byte; while code runs it is Ctrl-C, so the dispatch
//! loop raises `KeyboardInterrupt`.
//!
//! * [`readline`]: the line editor (cursor keys, history, auto-indent).
//! * [`complete`]: tab completion of names and attributes.
//! * [`friendly`]: the `>>> ` prompt, continuation lines, paste mode.
//! * [`raw`]: the raw REPL and raw-paste mode.
//! * [`execute`]: compiling and running one input, and the REPL's `__main__`.
//! * [`help`]: `help()` and `help('modules')`.
//! * [`input`]: the builtin `input()`, on the line editor.
//!
//! A soft reset (Ctrl-D on an empty line, or `sys.exit()`) ends
//! [`Vm::run_repl`]; the port then drops the VM, says `MPY: soft reboot`, and
//! makes a fresh one over the same heap memory ([`boot`] does all of it), so
//! globals and the heap start afresh while the frozen modules stay.

mod complete;
mod execute;
mod friendly;
pub mod help;
pub(crate) mod input;
mod raw;
mod readline;
#[cfg(test)]
mod tests;

use crate::image::ImageView;
use crate::port::{Config, Port};
use crate::vm::Vm;

/// Which REPL reads the console; it survives a soft reset, as in MicroPython
/// (a tool that soft-resets from the raw REPL finds the raw REPL again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplMode {
    Friendly,
    Raw,
}

/// Why [`Vm::run_repl`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplEnd {
    /// Ctrl-D on an empty line, or `SystemExit`: the port soft-resets.
    SoftReset,
}

/// The ASCII control characters the REPL reacts to.
pub(crate) const CTRL_A: u8 = 1;
pub(crate) const CTRL_B: u8 = 2;
pub(crate) const CTRL_C: u8 = 3;
pub(crate) const CTRL_D: u8 = 4;
pub(crate) const CTRL_E: u8 = 5;
pub(crate) const CTRL_F: u8 = 6;

/// How long the REPL sleeps between two polls of the console while bytes
/// may still be arriving (a paste, a tool's command), and after
/// [`BUSY_POLLS`] empty polls, when it is idle (long enough for a port to
/// wait for an interrupt instead of spinning).
const BUSY_POLL_US: u64 = 100;
const IDLE_POLL_US: u64 = 2000;
const BUSY_POLLS: u32 = 200;

impl Vm<'_> {
    /// The next console byte, waiting for it (polling the port between short sleeps).
    pub fn console_read_byte(&mut self) -> u8 {
        let mut empty_polls = 0u32;
        loop {
            if let Some(byte) = self.read_stdin_byte() {
                return byte;
            }
            self.port.sleep_us(if empty_polls < BUSY_POLLS { BUSY_POLL_US } else { IDLE_POLL_US });
            empty_polls = empty_polls.saturating_add(1);
        }
    }

    /// Writes bytes to the console.
    pub(crate) fn console_write(&mut self, bytes: &[u8]) {
        self.port.write_console(bytes);
    }

    /// Writes the banner line and the help hint, as MicroPython's friendly REPL does on entry.
    pub(crate) fn write_banner(&mut self) {
        let machine = self.port.machine_name();
        self.console_write(b"rime v");
        self.console_write(crate::VERSION.as_bytes());
        self.console_write(b"; ");
        self.console_write(machine.as_bytes());
        self.console_write(b"\r\n");
        self.console_write(b"Type \"help()\" for more information.\r\n");
    }

    /// Serves the REPL in `mode` until a soft reset; the mode the user
    /// switched to is left in `mode` for the next VM.
    pub fn run_repl(&mut self, mode: &mut ReplMode) -> ReplEnd {
        self.port.set_interrupt_char(None);
        loop {
            let end = match *mode {
                ReplMode::Raw => self.raw_repl(mode),
                ReplMode::Friendly => self.friendly_repl(mode),
            };
            if let Some(end) = end {
                return end;
            }
        }
    }
}

/// Boots as MicroPython does, for ever: a VM over `heap`, the image's main
/// module (in the friendly REPL only, as MicroPython runs `main.py`), then
/// `boot.py` and (friendly REPL only) `main.py` from the filesystem, then
/// the REPL; after a soft reset, `MPY: soft reboot` and a fresh VM over the
/// same memory. It returns only when the heap is too small to make a VM.
pub fn boot(heap: &mut [u8], image: ImageView<'_>, port: &mut dyn Port, config: Config) {
    let mut mode = ReplMode::Friendly;
    loop {
        {
            let Ok(mut vm) = Vm::new(&mut *heap, image, &mut *port, config) else {
                port.write_console(b"rime: the heap is too small to start\r\n");
                return;
            };
            // As MicroPython's rp2 port: `boot.py` in either mode, the main
            // programs (the frozen one, then `main.py`) in the friendly REPL only.
            let friendly = mode == ReplMode::Friendly;
            let main_exited = (friendly && image.main_module != 0 && vm.run_main_for_repl())
                || vm.run_boot_scripts_for_repl(friendly);
            if !main_exited {
                match vm.run_repl(&mut mode) {
                    ReplEnd::SoftReset => {}
                }
            }
        }
        close_open_files(port);
        port.write_console(b"MPY: soft reboot\r\n");
    }
}

/// Closes the files the last VM left open, as MicroPython's soft reset
/// finalises them, so their data reaches the device and their slots are free.
pub fn close_open_files(port: &mut dyn Port) {
    let Some(vfs) = port.filesystem() else { return };
    for (_, handle) in vfs.state.remembered_files() {
        // The data goes to the device as on `close`; an error has no one to go to.
        let _ = vfs.volume.close(handle);
    }
    vfs.state.forget_all_files();
}
