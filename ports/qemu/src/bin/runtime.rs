//! The rime runtime on QEMU: boots on `mps2-an385` (qemu-m0, thumbv6m) or
//! `mps2-an505` (qemu-m33, thumbv8m.main), finds the frozen image that QEMU's
//! generic loader put at the board's `image_origin`, checks it, and runs its
//! main module on the VM with a static heap of the board's `heap_size` (or
//! the smaller heap the image's header asks for).
//!
//! The console is semihosting (`port.rs`). The program's result becomes
//! QEMU's exit status through semihosting's `SYS_EXIT_EXTENDED`: 0 when the
//! main module finishes, 1 after an uncaught exception (whose traceback is
//! printed on stderr first), the code of `sys.exit(code)`, 2 when there is no
//! usable image (the console says why) or the heap is too small to start,
//! and 3 on a panic or a fault, which no Python program should cause.
//! `cargo xtask run --board qemu-m0|qemu-m33 FILE.py|MANIFEST` freezes,
//! builds this binary and runs it.

#![no_std]
#![no_main]

#[path = "../abi_id.rs"]
mod abi_id;
#[path = "../end.rs"]
mod end;
#[path = "../fs.rs"]
mod fs;
#[path = "../port.rs"]
mod port;
// The runtime's console is semihosting; the UART console is the `repl` binary's.
#[allow(dead_code)]
#[path = "../uart.rs"]
mod uart;

use core::fmt::Write as _;

use cortex_m::peripheral::Peripherals;
use cortex_m_rt::entry;
use cortex_m_semihosting::hprintln;
use rime_vm::{Config, ImageView, Outcome, Vm};

use port::{board, QemuPort};

/// The VM's heap: the board's `heap_size` bytes, zeroed at boot with `.bss`.
static mut HEAP: [u8; board::HEAP_SIZE] = [0; board::HEAP_SIZE];

/// Exit status when there is no image to run or the heap is too small.
const EXIT_NO_IMAGE: u32 = 2;

#[entry]
fn main() -> ! {
    if let Some(peripherals) = Peripherals::take() {
        port::start_clock(peripherals.SYST);
    }
    let mut port = QemuPort::new();
    let code = run(&mut port);
    end::exit(code)
}

/// Runs the image's main module; returns the exit status.
fn run(port: &mut QemuPort) -> u32 {
    if !abi_id::matches_the_vm() {
        let _ = writeln!(port, "rime ({}): RIME_ABI_ID differs from the VM's ABI id (a build bug)", board::NAME);
        return end::EXIT_CRASH;
    }
    let image = match port::locate_image() {
        Ok(image) => image,
        Err(problem) => {
            let _ = writeln!(port, "rime ({}): cannot run the frozen image: {problem}", board::NAME);
            return EXIT_NO_IMAGE;
        }
    };
    let view = match ImageView::new(image, rime_vm::abi().abi_id) {
        Ok(view) => view,
        Err(problem) => {
            let _ = writeln!(port, "rime ({}): cannot run the frozen image: {problem}", board::NAME);
            return EXIT_NO_IMAGE;
        }
    };
    let heap_size = port::heap_size_for(image);
    // SAFETY: `main` runs once and is the only code that touches HEAP (no
    // interrupt handler does), so this is the one reference to it for the
    // rest of the program.
    let heap: &'static mut [u8; board::HEAP_SIZE] = unsafe { &mut *core::ptr::addr_of_mut!(HEAP) };
    let mut vm = match Vm::new(&mut heap[..heap_size], view, port, Config::default()) {
        Ok(vm) => vm,
        Err(_) => {
            hprintln!("rime ({}): the heap of {} bytes is too small to start", board::NAME, heap_size);
            return EXIT_NO_IMAGE;
        }
    };
    let outcome = match vm.run_main_module() {
        Outcome::Finished => vm.run_boot_scripts(),
        other => other,
    };
    drop(vm);
    fs::unmount(&mut port.filesystem);
    match outcome {
        Outcome::Finished => 0,
        Outcome::Exit(code) => code.clamp(1, 255) as u32,
        Outcome::Uncaught => 1,
    }
}
