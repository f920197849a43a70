//! The rime REPL on QEMU: boots on `mps2-an385` (qemu-m0) or `mps2-an505`
//! (qemu-m33) as MicroPython boots a board: the frozen image's main module
//! (when QEMU's loader put an image at the board's `image_origin`; without
//! one the REPL starts at once), then the REPL on UART0, again after every
//! soft reset. `qemu-system-arm -serial` connects UART0 to the terminal or
//! a pseudo-terminal (`cargo xtask repl --board qemu-m0|qemu-m33`).
//!
//! It never exits by itself; semihosting is used only for the last words of
//! a panic or a fault (exit status 3), as in the runtime binary.

#![no_std]
#![no_main]

#[path = "../abi_id.rs"]
mod abi_id;
#[path = "../end.rs"]
mod end;
#[path = "../fs.rs"]
#[allow(dead_code)] // The REPL firmware runs until QEMU is killed, so it never unmounts.
mod fs;
#[path = "../port.rs"]
mod port;
#[path = "../uart.rs"]
mod uart;

use cortex_m::peripheral::Peripherals;
use cortex_m_rt::entry;
use rime_vm::{Config, ImageView, Port as _};

use port::{board, NoImage, QemuPort};
use uart::{Uart, UartConsole};

/// The VM's heap: the board's `heap_size` bytes, zeroed at boot with `.bss`.
static mut HEAP: [u8; board::HEAP_SIZE] = [0; board::HEAP_SIZE];

#[entry]
fn main() -> ! {
    if let Some(peripherals) = Peripherals::take() {
        port::start_clock(peripherals.SYST);
    }
    let mut port = QemuPort::with_console(UartConsole::new(Uart::enable()));
    serve(&mut port);
    loop {
        cortex_m::asm::wfi();
    }
}

/// Boots and serves the REPL; returns only when it cannot start.
fn serve(port: &mut QemuPort) {
    if !abi_id::matches_the_vm() {
        port.write_console(b"rime: RIME_ABI_ID differs from the VM's ABI id (a build bug)\r\n");
        return;
    }
    let (view, heap_size) = match port::locate_image() {
        Ok(image) => match ImageView::new(image, rime_vm::abi().abi_id) {
            Ok(view) => (view, port::heap_size_for(image)),
            Err(_) => {
                port.write_console(b"rime: cannot run the frozen image\r\n");
                return;
            }
        },
        Err(NoImage::Missing) => (ImageView::empty(), board::HEAP_SIZE),
        Err(_) => {
            port.write_console(b"rime: cannot run the frozen image\r\n");
            return;
        }
    };
    // SAFETY: `main` runs once and is the only code that touches HEAP (no
    // interrupt handler does), so this is the one reference to it for the
    // rest of the program.
    let heap: &'static mut [u8; board::HEAP_SIZE] = unsafe { &mut *core::ptr::addr_of_mut!(HEAP) };
    rime_vm::repl::boot(&mut heap[..heap_size], view, port, Config::default());
}
