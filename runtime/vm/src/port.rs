//! What a port gives the VM: output, a clock and the heap memory.

/// The machine the VM runs on.
pub trait Port {
    /// Writes bytes to standard output (the USB serial or UART on a board).
    fn write_stdout(&mut self, bytes: &[u8]);
    /// Writes bytes to standard error; the boards have one stream for both.
    fn write_stderr(&mut self, bytes: &[u8]) {
        self.write_stdout(bytes);
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
    /// Configures GPIO `pin` as an output (or an input) with an optional
    /// pull resistor, for `machine.Pin`. Returns false when the machine has
    /// no such pin. The default accepts pins 0 to 29 and drives nothing: a
    /// port without GPIOs (the host) then runs on the simulated pin state
    /// that `machine.Pin` keeps in each Pin object.
    fn pin_configure(&mut self, pin: u32, output: bool, pull: Pull) -> bool {
        let _ = (output, pull);
        pin < 30
    }
    /// Drives output `pin` high or low. The default does nothing (simulated pins).
    fn pin_write(&mut self, pin: u32, high: bool) {
        let _ = (pin, high);
    }
    /// Reads the level of `pin`, or `None` when the machine has no real pins:
    /// `machine.Pin` then reports the simulated level (the last value written,
    /// or the pull resistor's level for an input).
    fn pin_read(&mut self, pin: u32) -> Option<bool> {
        let _ = pin;
        None
    }
    /// The CPU clock in Hz for `machine.freq()`; the default is the RP2040's
    /// usual 125 MHz, so programs written for a Pico run unchanged.
    fn cpu_freq(&mut self) -> u32 {
        125_000_000
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
}

/// The pull resistor of an input pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pull {
    None,
    Up,
    Down,
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
