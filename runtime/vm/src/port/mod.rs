//! What a port gives the VM, in two parts.
//!
//! The **core** is [`Port`]: the console (output, and input that never
//! blocks), the clocks and sleeping, entropy, reset, the unique id, the
//! platform's name and the pending-interrupt check that the dispatch loop
//! polls between bytecodes. Every port implements it, and the VM needs
//! nothing else to run a program.
//!
//! The **machine** is [`Machine`] (in [`machine`]): the peripherals a board
//! hands out behind object-safe traits ([`Pin`], [`I2cBus`], [`SpiBus`],
//! [`Uart`], [`Pwm`], [`Adc`], [`Timer`]), with the board's own facts (how
//! many pins, their names, the CPU clock). A port reaches it through
//! [`Port::machine`]; the `machine` Python module is written once in the VM
//! on top of these traits, and every answer the hardware gives is a value
//! (`Result<_, MachineError>`), never a panic.
//!
//! The VM names no chip: nothing here knows a pin count, a clock frequency
//! or a pin name. Those come from the port. [`simulated`] is a small
//! library for ports without hardware (the host, QEMU): a bank of simulated
//! pins that behave as a board's would, so the same Python tests run on
//! every port. The VM itself never constructs it.

pub mod bench;
pub mod bench_onewire;
pub mod filesystem;
pub mod machine;
pub mod onewire;
pub mod pwm_slice;
pub mod simulated;
pub mod soft_i2c;

pub use machine::{
    Adc, AdcSource, I2cBus, I2cConfig, Machine, MachineError, MachineEvent, Parity, Pin, PinConfig, PinMode,
    PinTrigger, Pull, Pwm, SpiBus, SpiConfig, Timer, TimerMode, Uart, UartConfig,
};

/// The core of the machine the VM runs on.
pub trait Port {
    /// Writes bytes to standard output (the USB serial or UART on a board).
    fn write_stdout(&mut self, bytes: &[u8]);
    /// Writes bytes to standard error; the boards have one stream for both.
    fn write_stderr(&mut self, bytes: &[u8]) {
        self.write_stdout(bytes);
    }
    /// Writes bytes to the console as they are: the REPL's own output
    /// (prompts, echo, the raw REPL's framing). A port whose console is a
    /// terminal writes program output (`write_stdout`) with `\n` as `\r\n`,
    /// as MicroPython does, and this without any change.
    fn write_console(&mut self, bytes: &[u8]) {
        self.write_stdout(bytes);
    }
    /// The next byte typed on the console, or `None` when none is waiting.
    /// It never blocks: the REPL and `sys.stdin` wait by polling it between
    /// sleeps. The default is a console without input.
    fn read_stdin_byte(&mut self) -> Option<u8> {
        None
    }
    /// Whether the console's input has ended for good (a closed pipe on the
    /// host), so `input` raises `EOFError` instead of waiting. The default
    /// is a console that may always send more.
    fn stdin_closed(&mut self) -> bool {
        false
    }
    /// Whether the terminal edits and shows what is typed by itself (the
    /// host's, in its normal mode), so `input` takes its lines as they come
    /// and echoes nothing; false on the boards, whose serial terminals show
    /// only what the board sends back, so `input` edits and echoes as the
    /// REPL's line editor does.
    fn echoes_input(&self) -> bool {
        true
    }
    /// Sets the byte that interrupts a running program (`micropython.kbd_intr`):
    /// Ctrl-C (3) while a program runs, `None` while the REPL edits a line and
    /// wants the byte itself. A port whose console has no input ignores it.
    fn set_interrupt_char(&mut self, byte: Option<u8>) {
        let _ = byte;
    }
    /// Whether something waits for the dispatch loop between two bytecodes:
    /// the interrupt character arrived on the console, or the machine has an
    /// event ([`Machine::take_event`]). It must be cheap (a flag read), as
    /// the loop polls it often; it does not clear anything.
    fn pending_interrupt(&mut self) -> bool {
        false
    }
    /// Takes the keyboard interrupt: true once for each interrupt character
    /// received since the last call, which the VM turns into
    /// `KeyboardInterrupt`.
    fn take_interrupt(&mut self) -> bool {
        false
    }
    /// Milliseconds since some fixed point, wrapping.
    fn ticks_ms(&mut self) -> u32 {
        0
    }
    /// Microseconds since some fixed point, wrapping.
    fn ticks_us(&mut self) -> u32 {
        self.ticks_ms().wrapping_mul(1000)
    }
    /// Nanoseconds since the Unix epoch (0 on a board without a real-time clock).
    fn time_ns(&mut self) -> u64 {
        0
    }
    /// Waits `us` microseconds; by default it spins on [`Port::ticks_us`].
    fn sleep_us(&mut self, us: u64) {
        let start = self.ticks_us();
        while u64::from(self.ticks_us().wrapping_sub(start)) < us {}
    }
    /// A fast cycle counter for `time.ticks_cpu()`; by default the microsecond ticks.
    fn ticks_cpu(&mut self) -> u32 {
        self.ticks_us()
    }
    /// The platform name reported as `sys.platform`.
    fn platform(&self) -> &'static str {
        "rime"
    }
    /// The board and its chip, as the REPL's banner and
    /// `sys.implementation._machine` name them (MicroPython's form:
    /// `Raspberry Pi Pico with RP2040`).
    fn machine_name(&self) -> &'static str {
        "unknown machine"
    }
    /// The native architecture MicroPython reports in `sys.implementation._mpy`
    /// on this machine (its `MP_NATIVE_ARCH_*` number: 4 for Armv6-M, 7 for
    /// Armv7E-M with single-precision floats), which `mip` reads; 0 for none.
    fn mpy_arch(&self) -> u8 {
        0
    }
    /// Whether the compiler's temporaries need a *compile arena* from the
    /// GC heap: true on a port whose `#[global_allocator]` serves only the
    /// arena the VM lends it (the boards); false where the allocator has
    /// memory of its own (the host's), the default.
    fn wants_compile_arena(&self) -> bool {
        false
    }
    /// Lends `arena` (bytes of one GC heap allocation) to the port's
    /// allocator for one compilation. The VM neither reads nor writes those
    /// bytes, nor frees them, until [`Port::end_compile_arena`]; the port may
    /// keep a raw pointer to them until then. The compilation is of
    /// `source_len` bytes of source; the allocator holds part of the arena
    /// back as a reserve sized for it: once allocations reach into it,
    /// [`Port::compile_memory_low`]'s probe says so, and the compiler stops
    /// with `MemoryError` while the reserve still serves its unwinding (an
    /// allocation the arena cannot serve would end in the panic handler).
    fn lend_compile_arena(&mut self, arena: &mut [u8], source_len: usize) {
        let _ = (arena, source_len);
    }
    /// The probe the compiler asks whether the lent arena is running low
    /// (see [`Port::lend_compile_arena`]); `None` where allocations cannot
    /// run out (the host's).
    fn compile_memory_low(&self) -> Option<fn() -> bool> {
        None
    }
    /// The compilation is over: the allocator makes no new allocation in the
    /// arena from now on (what it holds is still being read and dropped) and
    /// returns how many bytes from the arena's start it ever used, so the VM
    /// can give the rest back to the heap.
    fn seal_compile_arena(&mut self) -> usize {
        0
    }
    /// Takes the arena back once everything allocated in it was dropped;
    /// returns the most bytes the compiler had allocated at once.
    fn end_compile_arena(&mut self) -> usize {
        0
    }
    /// Whether the last reset was the watchdog's (`machine.reset_cause()`).
    fn reset_by_watchdog(&self) -> bool {
        false
    }
    /// Resets the machine for `machine.reset()`. A board does not return;
    /// the default returns, and the VM then ends the program with `SystemExit`.
    fn reset(&mut self) {}
    /// The unique id of the chip (the flash's id on RP2 boards), for
    /// `machine.unique_id()`. The default is a fixed id of eight bytes.
    fn unique_id(&mut self) -> [u8; 8] {
        *b"rimehost"
    }
    /// 32 bits from the machine's entropy source, for `os.urandom` and for
    /// seeding the `random` module. The default mixes the microsecond ticks
    /// (a weak source); a port with a hardware generator overrides it, and
    /// the host port gives a fixed sequence so that runs are repeatable.
    fn random_u32(&mut self) -> u32 {
        let mut value = self.ticks_us() ^ self.ticks_cpu().rotate_left(16) ^ 0x9e37_79b9;
        value ^= value >> 16;
        value = value.wrapping_mul(0x7feb_352d);
        value ^= value >> 15;
        value = value.wrapping_mul(0x846c_a68b);
        value ^ (value >> 16)
    }
    /// The machine's peripherals, or `None` for a port without any; the
    /// `machine` module then raises `OSError(ENODEV)` for every peripheral
    /// and `machine.freq()`.
    fn machine(&mut self) -> Option<&mut dyn Machine> {
        None
    }
    /// The filesystem mounted at `/` (`port::filesystem`), or `None` for a
    /// port without one: `open` and `os` then behave as MicroPython with
    /// nothing mounted (`OSError(ENODEV)`).
    fn filesystem(&mut self) -> Option<filesystem::Vfs<'_>> {
        None
    }
}

/// The default [`Config::stack_limit`], 40 KiB: a Pico's stack is the
/// RAM left above its 192 KiB heap, about 68 KiB, and the rest is margin for
/// native code that does not check (formatting buffers, the collector).
pub const DEFAULT_STACK_LIMIT: usize = 40 * 1024;

/// The stack limit for VMs run on a host thread: the smallest such thread,
/// a test harness thread, has 2 MiB, and unoptimised frames are large.
pub const HOST_STACK_LIMIT: usize = 1024 * 1024;

/// How the VM behaves; the port chooses.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Collect before every allocation, to find objects that are not rooted.
    pub gc_stress: bool,
    /// Deepest nesting of Python calls before `RuntimeError: maximum recursion depth exceeded`.
    pub max_call_depth: u32,
    /// Deepest nesting of native code calling back into Python (bounds the Rust stack).
    pub max_native_depth: u32,
    /// Bytes of machine stack the VM may use below the point where it was
    /// made; deeper native recursion raises `RuntimeError` (see
    /// `Vm::check_stack`). The port sets it from its real stack size, with a
    /// margin for the deepest native call that does not check.
    pub stack_limit: usize,
    /// The port's own native modules, importable beside the VM's
    /// (`crate::modules::MODULES`); a port's module of the same name as one
    /// of the VM's is never found.
    pub port_modules: &'static [&'static crate::native::NativeModule],
}

impl Config {
    /// The default configuration with the host's stack limit.
    pub fn host() -> Config {
        Config { stack_limit: HOST_STACK_LIMIT, ..Config::default() }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            gc_stress: false,
            max_call_depth: 200,
            max_native_depth: 24,
            stack_limit: DEFAULT_STACK_LIMIT,
            port_modules: &[],
        }
    }
}
