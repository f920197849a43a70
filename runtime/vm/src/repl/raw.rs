//! The raw REPL and raw-paste mode, the protocol `mpremote`, Thonny and
//! `pyboard.py` speak, byte for byte as MicroPython's `docs/reference/repl.rst`
//! describes it:
//!
//! * On entry the board writes `raw REPL; CTRL-B to exit\r\n` and then `>`.
//! * Bytes are collected without echo until Ctrl-D; Ctrl-C empties them,
//!   Ctrl-A starts the raw REPL again, Ctrl-B leaves for the friendly REPL
//!   (writing `\r\n`).
//! * At Ctrl-D the board writes `OK`. Nothing collected means a soft reset
//!   (`\r\n` first). Otherwise the code runs; its output is followed by
//!   `\x04`, then any exception's traceback, then `\x04`, then `>` again.
//! * Raw-paste mode: `\x05A\x01` (Ctrl-E, `A`, Ctrl-A) right after `>` asks
//!   for it; the board answers `R\x01`, then the window size as a 16-bit
//!   little-endian number and `\x01` (one window free besides the first).
//!   The host sends at most a window of bytes per `\x01` it has been given;
//!   the board writes `\x01` each time it has taken in another window. The
//!   host ends with Ctrl-D (the board acknowledges with `\x04`) or gives up
//!   with Ctrl-C (acknowledged with `\x04`, then a `KeyboardInterrupt`).
//!   Then the code runs with the same framing. Any other letter after
//!   Ctrl-E is answered with `R\x00` (not supported), and the host falls
//!   back to the plain raw REPL.

use super::execute::{Executed, InputKind};
use super::{ReplEnd, ReplMode, CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// The raw-paste flow-control window: half of MicroPython's 256-byte stdin
/// buffer, as MicroPython announces it.
const RAW_PASTE_WINDOW: u16 = 128;

/// Where the raw REPL goes after one command.
enum After {
    /// Read the next command.
    Prompt,
    /// Write the raw REPL's first line again (Ctrl-A).
    Restart,
    /// Leave it: the mode changed, or a soft reset.
    Leave(Option<ReplEnd>),
}

impl Vm<'_> {
    /// Serves the raw REPL until the friendly REPL is asked for (`None`, with
    /// `mode` changed) or a soft reset.
    pub(crate) fn raw_repl(&mut self, mode: &mut ReplMode) -> Option<ReplEnd> {
        'restart: loop {
            self.console_write(b"raw REPL; CTRL-B to exit\r\n");
            loop {
                self.console_write(b">");
                match self.raw_repl_command(mode) {
                    Ok(After::Prompt) => {}
                    Ok(After::Restart) => continue 'restart,
                    Ok(After::Leave(end)) => return end,
                    Err(_) => {
                        // The heap cannot hold the command: say so as a raw REPL error would.
                        self.exc = Obj::NULL;
                        self.console_write(b"OK\x04MemoryError: \r\n\x04");
                    }
                }
            }
        }
    }

    /// Reads one command up to Ctrl-D and runs it.
    fn raw_repl_command(&mut self, mode: &mut ReplMode) -> R<After> {
        let buffer = self.new_buffer(TypeId::Buffer, 64)?;
        self.with_roots(&[buffer], |vm| {
            loop {
                let byte = vm.console_read_byte();
                match byte {
                    CTRL_A => {
                        let collected = vm.str_bytes(buffer);
                        if collected.len() == 2 && collected[0] == CTRL_E {
                            let command = collected[1];
                            return vm.raw_paste(command);
                        }
                        return Ok(After::Restart);
                    }
                    CTRL_B => {
                        vm.console_write(b"\r\n");
                        *mode = ReplMode::Friendly;
                        return Ok(After::Leave(None));
                    }
                    CTRL_C => vm.set_u(buffer, 1, 0),
                    CTRL_D => break,
                    _ => vm.buffer_push(buffer, &[byte])?,
                }
            }
            vm.console_write(b"OK");
            if vm.str_bytes(buffer).is_empty() {
                vm.console_write(b"\r\n");
                return Ok(After::Leave(Some(ReplEnd::SoftReset)));
            }
            Ok(match vm.repl_execute(buffer, InputKind::File, true) {
                Executed::Done => After::Prompt,
                Executed::ForcedExit => After::Leave(Some(ReplEnd::SoftReset)),
            })
        })
    }

    /// Raw-paste mode, asked for with Ctrl-E and `command`: takes the code
    /// in windows of flow control, then runs it.
    fn raw_paste(&mut self, command: u8) -> R<After> {
        if command != b'A' {
            self.console_write(b"R\x00");
            return Ok(After::Prompt);
        }
        self.console_write(b"R\x01");
        let [low, high] = RAW_PASTE_WINDOW.to_le_bytes();
        self.console_write(&[low, high, 0x01]);
        let source = self.new_buffer(TypeId::Buffer, usize::from(RAW_PASTE_WINDOW))?;
        self.with_roots(&[source], |vm| {
            let mut window_left = RAW_PASTE_WINDOW;
            loop {
                let byte = vm.console_read_byte();
                if byte == CTRL_C || byte == CTRL_D {
                    vm.console_write(b"\x04");
                    if byte == CTRL_C {
                        // The host gave up: a KeyboardInterrupt, framed as the code's error.
                        vm.console_write(b"\x04");
                        let _ = vm.raise_type(TypeId::KeyboardInterrupt);
                        let exc = vm.exc;
                        vm.exc = Obj::NULL;
                        let _ = vm.print_traceback(crate::obj::repr::Sink::Stdout, exc);
                        vm.exc = Obj::NULL;
                        vm.console_write(b"\x04");
                        return Ok(After::Prompt);
                    }
                    break;
                }
                vm.buffer_push(source, &[byte])?;
                window_left -= 1;
                if window_left == 0 {
                    vm.console_write(b"\x01");
                    window_left = RAW_PASTE_WINDOW;
                }
            }
            Ok(match vm.repl_execute(source, InputKind::File, true) {
                Executed::Done => After::Prompt,
                Executed::ForcedExit => After::Leave(Some(ReplEnd::SoftReset)),
            })
        })
    }
}
