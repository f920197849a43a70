//! rime's runtime firmware for the RP2 boards: the Raspberry Pi Pico and Pico W
//! (RP2040) and Pico 2 and Pico 2 W (RP2350, Arm cores).
//!
//! Boot: [`chip::init`] sets up the clocks, UART0 (GPIO0/GPIO1 at the board's
//! baud rate), the hardware timer, the USB controller and the GPIOs;
//! [`port::Port`] puts USB CDC serial beside the UART as the console. Then
//! [`frozen::locate`] looks for the frozen image in its flash region,
//! [`print_banner`] reports the board, the chip, the runtime's size, the
//! image's status and the heap, and [`serve`] boots as MicroPython boots:
//! the image's main module, then the board's idle line and the REPL on the
//! console (USB CDC and UART0 at once), again after every soft reset. When no
//! program ran the LED blinks once a second from the hardware timer while the
//! REPL waits (boards whose LED sits behind the CYW43 wireless chip only
//! idle); after a program the pins stay as the program left them.
//!
//! [`serve`] is the one seam where the VM (`runtime/vm`) is called: it runs
//! the image's main module with the board's static heap, prints an uncaught
//! exception's traceback on the console, and serves the REPL. [`vm_port`] gives the VM
//! the console and the clock, and [`machine`] the GPIOs (through the HAL)
//! and the peripherals behind the `machine` module.
//!
//! A panic or a HardFault prints one line on UART0 and stops the board.

#![no_std]
#![no_main]

mod abi_id;
mod board;
mod bootsel;
mod chip;
mod flash;
mod frozen;
mod machine;
mod machine_adc;
mod machine_bitstream;
mod machine_i2c;
mod machine_pwm;
mod machine_spi;
mod machine_uart;
mod port;
mod rp2_module;
mod vm_port;

use core::fmt::Write;
use core::panic::PanicInfo;

use chip::hal;
use cortex_m_rt::{exception, ExceptionFrame};
use frozen::Frozen;
use port::{Port, RawUart};

/// The modules this port adds to the VM's, one line each.
static PORT_MODULES: &[&rime_vm::NativeModule] = &[&rp2_module::MODULE];

/// The VM's heap, in 32-bit words.
const HEAP_WORDS: usize = board::HEAP_SIZE as usize / 4;

/// Half the LED's blink period, in microseconds.
const BLINK_HALF_PERIOD_US: u64 = 500_000;

#[hal::entry]
fn main() -> ! {
    // cortex-m-rt's entry macro turns this `static mut` into a `&'static mut`
    // that only `main` holds: the VM's heap, zeroed with the rest of .bss.
    static mut HEAP: [u32; HEAP_WORDS] = [0; HEAP_WORDS];

    let Some((chip, usb_bus)) = chip::init() else {
        let _ = writeln!(RawUart, "rime: the clocks or the UART did not start");
        halt();
    };
    let mut port = Port::new(chip, &usb_bus);
    let image = frozen::locate();
    print_banner(&mut port, &image, HEAP.len() * 4);
    serve(&mut port, &image, HEAP)
}

/// The firmware's own description of itself, printed once at boot.
fn print_banner(port: &mut Port<'_>, image: &Frozen, heap_bytes: usize) {
    let _ = writeln!(port, "\r\nrime {} on {} ({})\r", env!("CARGO_PKG_VERSION"), board::NAME, board::DESCRIPTION);
    let _ = writeln!(port, "chip: {} at {} MHz\r", chip::NAME, port.sys_hz() / 1_000_000);
    let _ = writeln!(
        port,
        "runtime: {} bytes of its {} KiB flash region at {:#010x}\r",
        board::runtime_bytes(),
        board::RUNTIME_SIZE / 1024,
        board::RUNTIME_ORIGIN
    );
    let region = (board::FROZEN_ORIGIN, board::FROZEN_SIZE / 1024);
    match image {
        Frozen::Image { bytes, header } => {
            let _ = writeln!(
                port,
                "frozen image: {} bytes at {:#010x} for board {}, format {}\r",
                bytes.len(),
                region.0,
                header.board_name(),
                header.format_version
            );
        }
        Frozen::Missing => {
            let _ = writeln!(
                port,
                "frozen image: none (the {} KiB region at {:#010x} is empty; \
                 `cargo xtask freeze --board {}` makes one)\r",
                region.1,
                region.0,
                board::NAME
            );
        }
        Frozen::Rejected(reason) => {
            let _ = writeln!(port, "frozen image: not used: {reason}\r");
        }
    }
    let _ = writeln!(port, "heap: {heap_bytes} bytes\r");
    if !abi_id::matches_the_vm() {
        let _ = writeln!(port, "runtime: RIME_ABI_ID differs from the VM's ABI id (a build bug)\r");
    }
    let _ = writeln!(port, "console: uart0 at {} baud, USB CDC serial\r", board::CONSOLE_BAUD);
}

/// Boots as MicroPython boots a board, for ever: the image's main module
/// (in the friendly REPL only, as MicroPython runs `main.py`), its outcome,
/// the board's idle line (the emulator harness waits for it) and then the
/// REPL on the console, with main's globals; after a soft reset,
/// `MPY: soft reboot` and a fresh VM over the same heap. When no program ran
/// the LED blinks while the REPL waits (boards whose LED sits behind the
/// CYW43 wireless chip only say so).
fn serve(port: &mut Port<'_>, image: &Frozen, heap: &mut [u32]) -> ! {
    let view = match image {
        Frozen::Image { bytes, .. } => match rime_vm::ImageView::new(bytes, rime_vm::abi().abi_id) {
            Ok(view) => Some(view),
            Err(problem) => {
                let _ = writeln!(port, "frozen image: not used: {problem}\r");
                None
            }
        },
        _ => {
            let _ = writeln!(port, "no frozen modules: nothing to run\r");
            None
        }
    };
    let byte_count = heap.len() * 4;
    // u8 has no invalid values and no alignment needs, so any RAM can be
    // viewed as bytes.
    // SAFETY: `heap` exclusively borrows these `byte_count` bytes; the byte
    // view replaces that borrow for as long as it lives, so nothing aliases it.
    let heap_bytes = unsafe { core::slice::from_raw_parts_mut(heap.as_mut_ptr().cast::<u8>(), byte_count) };
    let config = rime_vm::Config { port_modules: PORT_MODULES, ..rime_vm::Config::default() };
    let mut mode = rime_vm::repl::ReplMode::Friendly;
    let mut first_boot = true;
    if view.is_none() {
        port.blink_while_idle(BLINK_HALF_PERIOD_US);
    }
    loop {
        {
            // The VM borrows the port as its own `dyn rime_vm::Port`; the
            // console stays reachable through the VM's port until it is dropped.
            let image_view = view.unwrap_or_else(rime_vm::ImageView::empty);
            let Ok(mut vm) = rime_vm::Vm::new(&mut *heap_bytes, image_view, &mut *port, config) else {
                let _ = writeln!(RawUart, "vm: the {byte_count}-byte heap is too small to start\r");
                halt();
            };
            if first_boot {
                let free = vm.heap.stats().free_blocks * rime_vm::gc::BYTES_PER_BLOCK;
                let mut line = Line::default();
                let _ = write!(line, "heap free at boot: {free} bytes\n");
                rime_vm::Port::write_stdout(&mut *vm.port, line.as_bytes());
            }
            if view.is_some() && mode == rime_vm::repl::ReplMode::Friendly {
                let mut line = Line::default();
                match vm.run_main_module() {
                    rime_vm::Outcome::Finished => {}
                    rime_vm::Outcome::Exit(code) => {
                        let _ = write!(line, "main: exited with {code}\n");
                    }
                    rime_vm::Outcome::Uncaught => {
                        let _ = write!(line, "main: ended by an uncaught exception\n");
                    }
                }
                rime_vm::Port::write_stdout(&mut *vm.port, line.as_bytes());
            }
            // `boot.py` in either mode, `main.py` in the friendly REPL only.
            if vm.run_boot_scripts_for_repl(mode == rime_vm::repl::ReplMode::Friendly) {
                drop(vm);
                rime_vm::repl::close_open_files(&mut *port);
                port.machine.reclaim_console();
                port.write_bytes(b"MPY: soft reboot\r\n");
                continue;
            }
            if first_boot {
                let mut line = Line::default();
                idle_line(&mut line, view.is_none());
                rime_vm::Port::write_stdout(&mut *vm.port, line.as_bytes());
                first_boot = false;
            }
            let _ = vm.run_repl(&mut mode);
        }
        rime_vm::repl::close_open_files(&mut *port);
        port.machine.reclaim_console();
        port.write_bytes(b"MPY: soft reboot\r\n");
    }
}

/// A short line of text formatted on the stack.
struct Line {
    bytes: [u8; 160],
    len: usize,
}

impl Default for Line {
    fn default() -> Line {
        Line { bytes: [0; 160], len: 0 }
    }
}

impl Line {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Write for Line {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let end = (self.len + text.len()).min(self.bytes.len());
        self.bytes[self.len..end].copy_from_slice(&text.as_bytes()[..end - self.len]);
        self.len = end;
        Ok(())
    }
}

/// The board's idle line after the main module: `idle`, or when no program
/// ran and the LED blinks while the REPL waits, which LED.
fn idle_line(line: &mut Line, blink: bool) {
    if !blink {
        let _ = write!(line, "idle\n");
    } else if board::LED_GPIO.is_some() {
        let _ = write!(line, "idle: blinking the LED ({})\n", board::LED);
    } else if let Some(gpio) = board::EXAMPLE_LED_GPIO {
        let _ = write!(
            line,
            "idle: the LED is on the CYW43 wireless chip, which this firmware does not drive; \
             examples use an LED on GPIO{gpio}\n"
        );
    } else {
        let _ = write!(line, "idle\n");
    }
}

/// Stops the board for good with interrupts off.
fn halt() -> ! {
    cortex_m::interrupt::disable();
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    let _ = writeln!(RawUart, "\r\nrime: panic: {info}\r");
    halt()
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    let _ = writeln!(RawUart, "\r\nrime: HardFault at pc={:#010x} lr={:#010x}\r", frame.pc(), frame.lr());
    halt()
}
