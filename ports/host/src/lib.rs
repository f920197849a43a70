//! The host port as a library: a [`Port`] over std, running an image with a
//! heap of a given size, and freezing Python source in memory (for tests and
//! `cargo xtask run`); [`suite`] reads the Python suite's test files.

pub mod suite;

use std::io::Write as _;
use std::time::Instant;

use rime_vm::{Config, ImageView, Outcome, Port, Vm};

/// The Pico's MicroPython heap size, the default.
pub const DEFAULT_HEAP: usize = 192 * 1024;

/// Where output goes: the process's streams, or captured.
pub struct HostPort {
    pub capture: Option<Vec<u8>>,
    start: Instant,
    /// The state of the fixed entropy sequence behind `os.urandom` and the
    /// `random` module's first seed (a 32-bit xorshift), so runs repeat.
    entropy: u32,
}

impl HostPort {
    pub fn new(capture: bool) -> HostPort {
        HostPort { capture: capture.then(Vec::new), start: Instant::now(), entropy: 0x2545_f491 }
    }
}

impl Port for HostPort {
    fn write_stdout(&mut self, bytes: &[u8]) {
        match &mut self.capture {
            Some(buffer) => buffer.extend_from_slice(bytes),
            None => {
                let _ = std::io::stdout().write_all(bytes);
            }
        }
    }

    fn write_stderr(&mut self, bytes: &[u8]) {
        match &mut self.capture {
            Some(buffer) => buffer.extend_from_slice(bytes),
            None => {
                let _ = std::io::stdout().flush();
                let _ = std::io::stderr().write_all(bytes);
            }
        }
    }

    fn ticks_ms(&mut self) -> u32 {
        self.start.elapsed().as_millis() as u32
    }

    fn ticks_us(&mut self) -> u32 {
        self.start.elapsed().as_micros() as u32
    }

    fn time_ns(&mut self) -> u64 {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        since.map(|elapsed| elapsed.as_nanos() as u64).unwrap_or(0)
    }

    fn sleep_us(&mut self, us: u64) {
        std::thread::sleep(std::time::Duration::from_micros(us));
    }

    fn platform(&self) -> &'static str {
        "linux"
    }

    fn random_u32(&mut self) -> u32 {
        self.entropy ^= self.entropy << 13;
        self.entropy ^= self.entropy >> 17;
        self.entropy ^= self.entropy << 5;
        self.entropy
    }
}

/// Runs an image's main module. Returns how it ended.
pub fn run_image(image: &[u8], heap_size: usize, config: Config, port: &mut HostPort) -> anyhow::Result<Outcome> {
    let view = ImageView::new(image, rime_vm::abi().abi_id)
        .map_err(|problem| anyhow::anyhow!("cannot run this image: {problem:?}"))?;
    let mut heap = vec![0u8; heap_size];
    let mut vm =
        Vm::new(&mut heap, view, port, config).map_err(|_| anyhow::anyhow!("the heap is too small to start"))?;
    Ok(vm.run_main_module())
}

/// Parses a size like `192K`, `1M` or `65536`.
pub fn parse_size(text: &str) -> anyhow::Result<usize> {
    let text = text.trim();
    let (digits, scale) = match text.chars().last() {
        Some('k' | 'K') => (&text[..text.len() - 1], 1024),
        Some('m' | 'M') => (&text[..text.len() - 1], 1024 * 1024),
        _ => (text, 1),
    };
    let value: usize = digits.parse().map_err(|_| anyhow::anyhow!("not a size: {text}"))?;
    Ok(value * scale)
}

/// Freezes Python modules `(frozen name, source)` into an image in memory;
/// the first is the main module.
pub fn freeze_sources(modules: &[(&str, &[u8])]) -> anyhow::Result<Vec<u8>> {
    let abi = rime_vm::abi();
    let mut builder = rime_bytecode::image::ImageBuilder::new(abi, "host");
    for (name, source) in modules {
        let compiled =
            rime_compiler::compile(source, name, &rime_compiler::CompileOptions::default()).map_err(|errors| {
                let first = errors.first().map(|error| format!("{error:?}")).unwrap_or_default();
                anyhow::anyhow!("{name}: compile error: {first}")
            })?;
        builder.module(name, compiled);
    }
    if let Some((main, _)) = modules.first() {
        builder.main_module(main);
    }
    let built = builder.build().map_err(|error| anyhow::anyhow!("{error:?}"))?;
    Ok(built.bytes)
}
