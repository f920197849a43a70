//! `input(prompt)`: reads one line from the console through
//! `Port::read_stdin_byte`, polling it between short sleeps, as
//! MicroPython's boards do with their readline.
//!
//! The prompt is written first. A line ends at `\r` or `\n` (a `\n` right
//! after a `\r` ends nothing, so a terminal's `\r\n` is one line end);
//! backspace (BS or DEL) removes the last character; Ctrl-D on an empty line,
//! or the end of the console's input, raises `EOFError`; the interrupt
//! character raises `KeyboardInterrupt`. A port whose terminal does not echo
//! (`Port::echoes_input`, the boards') gets each typed character, backspace
//! and line end echoed, as MicroPython's readline does; the host's terminal
//! echoes itself.

use crate::builtins::check_args;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// How long `input` sleeps when no byte is waiting.
const POLL_US: u64 = 1000;
const CTRL_D: u8 = 0x04;
const BACKSPACE: u8 = 0x08;
const DELETE: u8 = 0x7f;

/// `input(prompt=None)`.
pub(crate) fn input(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&prompt) = args.first() {
        if !prompt.is_none() {
            vm.print_obj(Sink::Stdout, prompt, Style::Str)?;
        }
    }
    let echo = !vm.port.echoes_input();
    let buffer = vm.new_list(16)?;
    vm.with_roots(&[buffer], |vm| {
        loop {
            let Some(byte) = vm.port.read_stdin_byte() else {
                if vm.port.take_interrupt() {
                    return Err(vm.raise_type(TypeId::KeyboardInterrupt));
                }
                if vm.port.stdin_closed() {
                    if vm.list_len(buffer) == 0 {
                        return Err(vm.raise_type(TypeId::EOFError));
                    }
                    break;
                }
                vm.port.sleep_us(POLL_US);
                continue;
            };
            let after_cr = core::mem::take(&mut vm.console_after_cr);
            match byte {
                b'\n' if after_cr => {}
                b'\r' | b'\n' => {
                    vm.console_after_cr = byte == b'\r';
                    if echo {
                        vm.emit(Sink::Stdout, b"\n")?;
                    }
                    break;
                }
                CTRL_D if vm.list_len(buffer) == 0 => return Err(vm.raise_type(TypeId::EOFError)),
                BACKSPACE | DELETE => {
                    if remove_last_char(vm, buffer) && echo {
                        vm.emit(Sink::Stdout, b"\x08 \x08")?;
                    }
                }
                _ => {
                    vm.list_append(buffer, Obj::small(i32::from(byte)))?;
                    if echo {
                        vm.emit(Sink::Stdout, &[byte])?;
                    }
                }
            }
        }
        let len = vm.list_len(buffer) as usize;
        let text = vm.alloc_str(TypeId::Str, len)?;
        let data = vm.get_u(text, 3);
        for index in 0..len {
            let byte = vm.list_item(buffer, index as u32).small_value() as u8;
            vm.heap.bytes_mut(data + index as u32, 1).copy_from_slice(&[byte]);
        }
        if core::str::from_utf8(vm.str_bytes(text)).is_err() {
            return Err(vm.raise_msg(TypeId::UnicodeError, "invalid utf-8 on the console"));
        }
        Ok(text)
    })
}

/// Removes the last UTF-8 character of the line; false when it was empty.
fn remove_last_char(vm: &mut Vm<'_>, buffer: Obj) -> bool {
    let mut removed = false;
    while vm.list_len(buffer) > 0 {
        let last = vm.list_len(buffer) - 1;
        let byte = vm.list_item(buffer, last).small_value() as u8;
        vm.set_u(buffer, 1, last);
        removed = true;
        // Continuation bytes belong to the character before them.
        if byte & 0xc0 != 0x80 {
            break;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::collections::VecDeque;
    use std::vec::Vec;

    use crate::image::ImageView;
    use crate::obj::{Obj, TypeId};
    use crate::port::{Config, Port};
    use crate::vm::Vm;

    /// A board-like console: bytes typed in advance, no echo of its own.
    struct Console {
        typed: VecDeque<u8>,
        shown: Vec<u8>,
    }

    impl Port for Console {
        fn write_stdout(&mut self, bytes: &[u8]) {
            self.shown.extend_from_slice(bytes);
        }
        fn read_stdin_byte(&mut self) -> Option<u8> {
            self.typed.pop_front()
        }
        fn stdin_closed(&mut self) -> bool {
            self.typed.is_empty()
        }
        fn echoes_input(&self) -> bool {
            false
        }
    }

    #[test]
    fn reads_lines_with_echo_backspace_and_end_of_input() {
        let mut heap = std::vec![0u8; 32 * 1024];
        let mut console = Console { typed: b"ab\x7fc\r\nxy\n\x04".iter().copied().collect(), shown: Vec::new() };
        {
            let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut console, Config::host())
                .unwrap_or_else(|_| panic!("starts"));
            let prompt = vm.new_str(b"? ").unwrap_or(Obj::NONE);
            let first = super::input(&mut vm, &[prompt], &[]).unwrap_or(Obj::NONE);
            assert_eq!(vm.str_bytes(first), b"ac");
            let second = super::input(&mut vm, &[], &[]).unwrap_or(Obj::NONE);
            assert_eq!(vm.str_bytes(second), b"xy");
            assert!(super::input(&mut vm, &[], &[]).is_err());
            assert_eq!(vm.native_type(vm.exc), TypeId::EOFError);
        }
        assert_eq!(console.shown, b"? ab\x08 \x08c\nxy\n");
    }
}
