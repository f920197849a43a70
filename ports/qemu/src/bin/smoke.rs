//! The QEMU smoke binary: proves that a no_std Cortex-M image builds for the
//! board's thumb target, boots on QEMU and talks to the host via semihosting.
//!
//! It prints one line, `rime qemu smoke: board=… target=… cpu=… sum=5050`,
//! and exits through semihosting with EXIT_SUCCESS; `cargo xtask build --smoke
//! --run` checks that line and QEMU's exit status. The CPU is read from the
//! core's CPUID register, not from the board file, so the line shows what QEMU
//! really emulated. A panic or a HardFault exits with EXIT_FAILURE.

#![no_std]
#![no_main]

use core::hint::black_box;
use core::panic::PanicInfo;

use cortex_m::peripheral::Peripherals;
use cortex_m_rt::{entry, exception, ExceptionFrame};
use cortex_m_semihosting::{debug, hprintln};

/// The target triple this image was built for (cargo's `TARGET`, which build.rs
/// matched against the board files and passes on).
const TARGET: &str = env!("RIME_TARGET_TRIPLE");

#[entry]
fn main() -> ! {
    // black_box keeps the loop from being folded into a constant at compile time.
    let limit = black_box(100u32);
    let sum: u32 = (1..=limit).sum();
    let cpu = match Peripherals::take() {
        Some(peripherals) => cpu_name(peripherals.CPUID.base.read()),
        None => "unknown",
    };
    hprintln!("rime qemu smoke: board={} target={} cpu={} sum={}", env!("RIME_BOARD"), TARGET, cpu, sum);
    let status = if sum == 5050 { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE };
    debug::exit(status);
    // Only reached if the debugger ignores the exit request.
    loop {
        cortex_m::asm::wfi();
    }
}

/// Names the core from the PARTNO field of CPUID (bits 15:4).
fn cpu_name(cpuid: u32) -> &'static str {
    match (cpuid >> 4) & 0xfff {
        0xc20 => "cortex-m0",
        0xc60 => "cortex-m0+",
        0xc23 => "cortex-m3",
        0xc24 => "cortex-m4",
        0xc27 => "cortex-m7",
        0xd20 => "cortex-m23",
        0xd21 => "cortex-m33",
        0xd22 => "cortex-m55",
        _ => "unknown",
    }
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    hprintln!("rime qemu smoke: HardFault at pc={:#010x}", frame.pc());
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    hprintln!("rime qemu smoke: panic: {}", info);
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}
