//! How a QEMU binary ends: [`exit`] with a status through semihosting, and
//! the handlers shared by the `runtime` and `repl` binaries (the SysTick
//! clock, and a fault or a panic, which print one line and end with
//! [`EXIT_CRASH`]).

use core::panic::PanicInfo;

use cortex_m_rt::{exception, ExceptionFrame};
use cortex_m_semihosting::{debug, hprintln};

use crate::port::{self, board};

/// Exit status after a panic or a fault.
pub const EXIT_CRASH: u32 = 3;

/// Ends the QEMU session with `code` as its exit status.
pub fn exit(code: u32) -> ! {
    /// `ADP_Stopped_ApplicationExit`: the program ended normally, with a status.
    const APPLICATION_EXIT: u32 = 0x20026;
    /// `SYS_EXIT_EXTENDED`: like `SYS_EXIT`, with the status in a parameter block.
    const EXIT_EXTENDED: usize = 0x20;
    let block = [APPLICATION_EXIT, code];
    // SAFETY: SYS_EXIT_EXTENDED reads the two-word parameter block, which
    // lives on this stack frame for the whole call; QEMU ends the process.
    unsafe {
        cortex_m_semihosting::syscall(EXIT_EXTENDED, &block);
    }
    // Only reached when the host does not know SYS_EXIT_EXTENDED.
    debug::exit(if code == 0 { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE });
    loop {
        cortex_m::asm::wfi();
    }
}

#[exception]
fn SysTick() {
    port::tick();
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    hprintln!("rime ({}): HardFault at pc={:#010x}", board::NAME, frame.pc());
    exit(EXIT_CRASH)
}

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    hprintln!("rime ({}): panic: {}", board::NAME, info);
    exit(EXIT_CRASH)
}
