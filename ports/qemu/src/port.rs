//! What the QEMU runtime gives the VM: the console through semihosting, a
//! millisecond clock from SysTick, the wall clock from the host, and the
//! frozen image that QEMU's generic loader put at the board's `image_origin`.
//!
//! The console is two semihosting streams, standard output and standard
//! error, which `qemu-system-arm -semihosting-config target=native` writes to
//! its own stdout and stderr. The clock is SysTick counting the core clock
//! (`cpu_hz` in board.toml) with an interrupt every millisecond; the
//! microseconds come from the counter between two interrupts. The wall clock
//! is the host's `SYS_TIME` (whole seconds) read once at boot, plus the time
//! since boot. `sys.platform` is `"qemu"`.
//!
//! The machine is simulated: QEMU's mps2 boards have no RP2 peripherals, so
//! `machine` runs on [`SimulatedMachine`] with the Pico's 30 GPIOs and pin
//! names and the board's core clock, and the Python suite's `machine` tests
//! pass here as on the host. The semihosting console cannot be read without
//! blocking, so the runtime binary has no console input; the `repl` binary
//! gives the port UART0 instead ([`crate::uart`]), where it is a board's
//! console: input, the interrupt character, and program output with `\n`
//! written as `\r\n`.
//!
//! The image is found by [`locate_image`]: it reads the 128-byte header at
//! the region's start, takes `total size` bytes and checks them with
//! `Image::parse_for_board` against this runtime's ABI and board name (magic,
//! version, ABI id, board, checksum and every section's structure) before the
//! VM sees them.

use core::fmt;
use core::sync::atomic::{AtomicU32, Ordering};

use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::{SCB, SYST};
use cortex_m_semihosting::hio::{self, HostStream};
use rime_bytecode::image::{Header, Image, ImageError, HEADER_SIZE, MAGIC};
use rime_vm::port::simulated::SimulatedMachine;
use rime_vm::port::Machine;
use rime_vm::Port;

use crate::uart::UartConsole;

/// The board's numbers, written by build.rs from board.toml (each binary uses some).
#[allow(dead_code)]
pub mod board {
    include!(concat!(env!("OUT_DIR"), "/board.rs"));

    /// The board's name (its folder under `boards/`).
    pub const NAME: &str = env!("RIME_BOARD");
}

/// Milliseconds since [`start_clock`], counted by the SysTick interrupt.
static MILLIS: AtomicU32 = AtomicU32::new(0);

/// The SysTick reload value: one interrupt per millisecond.
const RELOAD: u32 = (board::CPU_HZ / 1000 - 1) as u32;

/// Starts SysTick: the core clock, an interrupt every millisecond.
pub fn start_clock(mut syst: SYST) {
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(RELOAD);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

/// Counts one millisecond; called by the SysTick exception handler, the only
/// writer of [`MILLIS`] (so a load and a store suffice, also on ARMv6-M, which
/// has no atomic read-modify-write instructions).
pub fn tick() {
    MILLIS.store(MILLIS.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
}

/// Core clock cycles since boot: the millisecond count and the SysTick
/// counter read consistently. The count is read again when the interrupt
/// came in between, and a wrap of the counter whose interrupt is still
/// pending (QEMU takes interrupts only between translated blocks) counts as
/// the millisecond it is, so that the clock never runs backwards.
fn uptime_cycles() -> u64 {
    loop {
        let before = MILLIS.load(Ordering::Relaxed);
        let pending_before = SCB::is_pendst_pending();
        let current = SYST::get_current().min(RELOAD);
        let pending_after = SCB::is_pendst_pending();
        if MILLIS.load(Ordering::Relaxed) == before && pending_before == pending_after {
            let millis = u64::from(before) + u64::from(pending_before);
            return millis * u64::from(RELOAD + 1) + u64::from(RELOAD - current);
        }
    }
}

/// Microseconds since boot.
fn uptime_us() -> u64 {
    uptime_cycles() / (board::CPU_HZ as u64 / 1_000_000)
}

/// The GPIO count of the simulated board (the Pico's).
const PIN_COUNT: usize = 30;

/// The simulated board's pin names: the Pico's LED on GPIO25.
const PIN_NAMES: &[(&str, u32)] = &[("LED", 25)];

/// The prefixes of numbered pin names (`"GP5"`, `"GPIO5"`), as on the Pico.
const PIN_PREFIXES: &[&str] = &["GP", "GPIO"];
/// The clock of the simulated test jig's PWM slices: a Pico's system
/// clock, so `machine.PWM` reads back what it would on a Pico.
const JIG_PWM_CLOCK_HZ: u32 = 125_000_000;

/// The VM's machine on QEMU.
pub struct QemuPort {
    stdout: Option<HostStream>,
    stderr: Option<HostStream>,
    /// The host's Unix time at boot, in seconds.
    epoch_seconds: u64,
    /// The simulated pins behind `machine`.
    machine: SimulatedMachine<PIN_COUNT>,
    /// The REPL's console, when the port serves one (the `repl` binary).
    console: Option<UartConsole>,
    /// The image file mounted at `/` when the run has `--fs` (`fs.rs`).
    pub filesystem:
        Option<(core::pin::Pin<&'static mut crate::fs::QemuFilesystem>, rime_vm::port::filesystem::VfsState)>,
}

impl QemuPort {
    /// Opens the semihosting streams and reads the host's clock.
    pub fn new() -> QemuPort {
        // SAFETY: SYS_TIME takes no argument block and only returns a value;
        // the semihosting host (QEMU with -semihosting-config enable=on) is
        // always attached on these boards.
        let seconds = unsafe { cortex_m_semihosting::syscall1(cortex_m_semihosting::nr::TIME, 0) };
        QemuPort {
            stdout: hio::hstdout().ok(),
            stderr: hio::hstderr().ok(),
            epoch_seconds: seconds as u64,
            machine: SimulatedMachine::new(PIN_NAMES, PIN_PREFIXES, board::CPU_HZ as u32, JIG_PWM_CLOCK_HZ),
            console: None,
            filesystem: crate::fs::mount(),
        }
    }

    /// A port whose console is `console` (for the REPL) instead of semihosting.
    #[allow(dead_code)] // The runtime binary has no console input.
    pub fn with_console(console: UartConsole) -> QemuPort {
        QemuPort { console: Some(console), ..QemuPort::new() }
    }
}

impl Default for QemuPort {
    fn default() -> QemuPort {
        QemuPort::new()
    }
}

impl fmt::Write for QemuPort {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.write_stderr(text.as_bytes());
        Ok(())
    }
}

/// The global allocator: it serves only the compile arena the VM lends from
/// its GC heap while the compiler runs (`rime_compile_arena`).
#[cfg(feature = "compiler")]
#[global_allocator]
static COMPILE_ARENA: rime_compile_arena::CompileArena = rime_compile_arena::CompileArena::new();

impl Port for QemuPort {
    fn filesystem(&mut self) -> Option<rime_vm::port::filesystem::Vfs<'_>> {
        let (volume, state) = self.filesystem.as_mut()?;
        Some(rime_vm::port::filesystem::Vfs { volume, state })
    }

    #[cfg(feature = "compiler")]
    rime_compile_arena::port_methods!(COMPILE_ARENA);

    /// The semihosting console has no input (see the module docs).
    fn stdin_closed(&mut self) -> bool {
        // Semihosting has no input; the REPL firmware's UART console does.
        self.console.is_none()
    }

    fn echoes_input(&self) -> bool {
        // A serial terminal on the UART shows only what the board sends back.
        self.console.is_none()
    }

    fn write_stdout(&mut self, bytes: &[u8]) {
        if let Some(console) = &mut self.console {
            return console.write_cooked(bytes);
        }
        if let Some(stream) = &mut self.stdout {
            let _ = stream.write_all(bytes);
        }
    }

    fn write_stderr(&mut self, bytes: &[u8]) {
        if let Some(console) = &mut self.console {
            return console.write_cooked(bytes);
        }
        match &mut self.stderr {
            Some(stream) => {
                let _ = stream.write_all(bytes);
            }
            None => self.write_stdout(bytes),
        }
    }

    fn write_console(&mut self, bytes: &[u8]) {
        match &mut self.console {
            Some(console) => console.write(bytes),
            None => self.write_stdout(bytes),
        }
    }

    fn read_stdin_byte(&mut self) -> Option<u8> {
        self.console.as_mut().and_then(UartConsole::read_byte)
    }

    fn set_interrupt_char(&mut self, byte: Option<u8>) {
        if let Some(console) = &mut self.console {
            console.set_interrupt_char(byte);
        }
    }

    fn take_interrupt(&mut self) -> bool {
        self.console.as_mut().is_some_and(UartConsole::take_interrupt)
    }

    fn machine_name(&self) -> &'static str {
        concat!("QEMU ", env!("RIME_MACHINE"), " with ", env!("RIME_CPU"))
    }

    fn mpy_arch(&self) -> u8 {
        // MicroPython's MP_NATIVE_ARCH_ARMV6M for thumbv6m, else ARMV7EMSP
        // (thumbv8m.main with single-precision floats, as on the RP2350).
        if env!("RIME_TARGET_TRIPLE").starts_with("thumbv6m") {
            4
        } else {
            7
        }
    }

    fn ticks_ms(&mut self) -> u32 {
        (uptime_us() / 1000) as u32
    }

    fn ticks_us(&mut self) -> u32 {
        uptime_us() as u32
    }

    fn time_ns(&mut self) -> u64 {
        self.epoch_seconds * 1_000_000_000 + uptime_us() * 1000
    }

    fn ticks_cpu(&mut self) -> u32 {
        uptime_cycles() as u32
    }

    fn sleep_us(&mut self, us: u64) {
        // Wait for interrupts: SysTick wakes the core every millisecond, so
        // an idle REPL does not keep QEMU's host thread busy.
        let start = uptime_us();
        while uptime_us() - start < us {
            if us >= 1000 {
                cortex_m::asm::wfi();
            }
        }
    }

    fn platform(&self) -> &'static str {
        "qemu"
    }

    fn pending_interrupt(&mut self) -> bool {
        self.console.as_mut().is_some_and(UartConsole::interrupt_pending) || self.machine.has_event()
    }

    fn machine(&mut self) -> Option<&mut dyn Machine> {
        Some(&mut self.machine)
    }
}

/// Why there is no image to run.
pub enum NoImage {
    /// The region's first bytes are zero: QEMU's RAM as it boots, nothing loaded.
    Missing,
    /// Something is there but it is not a usable image.
    Rejected(ImageError),
    /// The header's total size does not fit the region.
    TooLarge { total: u32 },
}

impl fmt::Display for NoImage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoImage::Missing => write!(
                f,
                "no frozen image at {:#010x}; load one with `-device loader,file=frozen.img,addr={:#010x}` \
                 (`cargo xtask run --board {} FILE.py` does)",
                board::IMAGE_ORIGIN,
                board::IMAGE_ORIGIN,
                board::NAME
            ),
            NoImage::Rejected(error) => write!(f, "{error}"),
            NoImage::TooLarge { total } => write!(
                f,
                "frozen image, byte 20: its size {total} does not fit the {} bytes of the image region",
                board::IMAGE_SIZE
            ),
        }
    }
}

/// The whole image region as the core sees it.
fn region() -> &'static [u8] {
    // memory.x ends the linker's FLASH where the image region starts, so no
    // code or data of this program lives there; QEMU's loader fills it before
    // the core starts and nothing writes it afterwards.
    // SAFETY: the region lies in memory QEMU always maps, holds no Rust
    // object, and is never written while this reference lives.
    unsafe { core::slice::from_raw_parts(board::IMAGE_ORIGIN as *const u8, board::IMAGE_SIZE) }
}

/// Finds the image in the region and checks it completely (see the module docs).
pub fn locate_image() -> Result<&'static [u8], NoImage> {
    let region = region();
    if region[..HEADER_SIZE].iter().all(|&byte| byte == 0) {
        return Err(NoImage::Missing);
    }
    let header = Header::read(region).map_err(NoImage::Rejected)?;
    if region[..4] != MAGIC {
        return Err(NoImage::Rejected(ImageError { offset: 0, kind: rime_bytecode::image::ImageErrorKind::BadMagic }));
    }
    let total = header.total_size as usize;
    if total > region.len() {
        return Err(NoImage::TooLarge { total: header.total_size });
    }
    let bytes = &region[..total.max(HEADER_SIZE)];
    Image::parse_for_board(bytes, &rime_vm::abi(), board::NAME).map_err(NoImage::Rejected)?;
    Ok(bytes)
}

/// The heap size the image asks for (its header's `heap_size`), when it is
/// set and smaller than the board's heap; otherwise the whole board heap.
pub fn heap_size_for(image: &[u8]) -> usize {
    match Header::read(image) {
        Ok(header) if header.heap_size != 0 => (header.heap_size as usize).min(board::HEAP_SIZE),
        _ => board::HEAP_SIZE,
    }
}
