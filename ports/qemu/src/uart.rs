//! The REPL's console on QEMU: the mps2 machines' CMSDK APB UART0, which
//! `qemu-system-arm -serial` connects to the terminal or a pseudo-terminal,
//! polled (no interrupts), and [`UartConsole`], the input buffer in front of
//! it that picks out the interrupt character.
//!
//! The UART has a one-byte receive register: the console drains it into a
//! ring buffer whenever the VM asks for input or polls for an interrupt (the
//! dispatch loop does every 64 backward jumps), so bytes typed while a
//! program runs wait there, except the interrupt character, which only sets
//! the pending-interrupt flag, as a board's receive interrupt does.

use crate::port::board;

/// The UART's registers (offsets from its base).
const DATA: usize = 0x00;
const STATE: usize = 0x04;
const CTRL: usize = 0x08;
const BAUDDIV: usize = 0x10;

/// `STATE` bits: the transmit register is full, the receive register holds a byte.
const STATE_TX_FULL: u32 = 1 << 0;
const STATE_RX_FULL: u32 = 1 << 1;

/// `CTRL` bits: transmitter and receiver enabled.
const CTRL_TX_RX_ENABLE: u32 = 0b11;

/// The smallest divider the UART accepts (QEMU's model ignores the baud rate).
const MIN_BAUDDIV: u32 = 16;

/// Bytes typed ahead of the program that reads them.
const INPUT_BUFFER: usize = 512;

/// UART0, enabled for sending and receiving.
pub struct Uart {
    base: usize,
}

impl Uart {
    /// Enables the board's UART0.
    pub fn enable() -> Uart {
        let uart = Uart { base: board::UART0_BASE };
        uart.write_register(BAUDDIV, MIN_BAUDDIV);
        uart.write_register(CTRL, CTRL_TX_RX_ENABLE);
        uart
    }

    fn read_register(&self, offset: usize) -> u32 {
        // SAFETY: `base` is the board's UART0 (board.toml's `uart0_base`), a
        // device QEMU maps on this machine; its registers are 32-bit, aligned,
        // and reading them has no effect beyond the UART's own.
        unsafe { core::ptr::read_volatile((self.base + offset) as *const u32) }
    }

    fn write_register(&self, offset: usize, value: u32) {
        // SAFETY: as in `read_register`; only this console writes the UART.
        unsafe { core::ptr::write_volatile((self.base + offset) as *mut u32, value) }
    }

    /// Sends one byte, waiting while the transmit register is full.
    pub fn write_byte(&mut self, byte: u8) {
        while self.read_register(STATE) & STATE_TX_FULL != 0 {}
        self.write_register(DATA, u32::from(byte));
    }

    /// The received byte, if one is waiting.
    pub fn read_byte(&mut self) -> Option<u8> {
        if self.read_register(STATE) & STATE_RX_FULL == 0 {
            return None;
        }
        Some(self.read_register(DATA) as u8)
    }
}

/// The UART with the input typed ahead and the interrupt character.
pub struct UartConsole {
    uart: Uart,
    buffer: [u8; INPUT_BUFFER],
    start: usize,
    len: usize,
    interrupt_char: Option<u8>,
    interrupted: bool,
}

impl UartConsole {
    pub fn new(uart: Uart) -> UartConsole {
        UartConsole { uart, buffer: [0; INPUT_BUFFER], start: 0, len: 0, interrupt_char: None, interrupted: false }
    }

    /// Moves what the UART received into the buffer (a full buffer drops the byte).
    fn poll(&mut self) {
        while let Some(byte) = self.uart.read_byte() {
            if Some(byte) == self.interrupt_char {
                self.interrupted = true;
            } else if self.len < INPUT_BUFFER {
                self.buffer[(self.start + self.len) % INPUT_BUFFER] = byte;
                self.len += 1;
            }
        }
    }

    pub fn read_byte(&mut self) -> Option<u8> {
        self.poll();
        if self.len == 0 {
            return None;
        }
        let byte = self.buffer[self.start];
        self.start = (self.start + 1) % INPUT_BUFFER;
        self.len -= 1;
        Some(byte)
    }

    /// Writes bytes as they are.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.uart.write_byte(byte);
        }
    }

    /// Writes program output, with `\n` as `\r\n`.
    pub fn write_cooked(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if byte == b'\n' {
                self.uart.write_byte(b'\r');
            }
            self.uart.write_byte(byte);
        }
    }

    pub fn set_interrupt_char(&mut self, byte: Option<u8>) {
        self.interrupt_char = byte;
    }

    pub fn interrupt_pending(&mut self) -> bool {
        self.poll();
        self.interrupted
    }

    pub fn take_interrupt(&mut self) -> bool {
        self.poll();
        core::mem::take(&mut self.interrupted)
    }
}
