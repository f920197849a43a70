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
}

/// How the VM behaves; the port chooses.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Collect before every allocation, to find objects that are not rooted.
    pub gc_stress: bool,
    /// Deepest nesting of Python calls before `RuntimeError: maximum recursion depth exceeded`.
    pub max_call_depth: u32,
    /// Deepest nesting of native code calling back into Python (bounds the Rust stack).
    pub max_native_depth: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config { gc_stress: false, max_call_depth: 200, max_native_depth: 24 }
    }
}
