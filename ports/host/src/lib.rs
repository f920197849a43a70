//! The host port as a library: a [`Port`] over std, running an image with a
//! heap of a given size, and freezing Python source in memory (for tests and
//! `cargo xtask run`); [`suite`] reads the Python suite's test files.
//!
//! The host's machine is a simulated Raspberry Pi Pico ([`SimulatedMachine`]
//! with the Pico's 30 GPIOs, its pin names and its 125 MHz clock), so
//! programs written for the board run unchanged and the Python suite tests
//! `machine` here as on QEMU. Console input comes from the process's standard
//! input through a reader thread, started by the first read, so that reading
//! never blocks; a captured port has no input.
//!
//! [`serve_repl`] boots the image as a board does (its main module, then the
//! REPL, again after each soft reset) on a [`console::Console`]: the terminal
//! in raw mode or a pseudo-terminal. There the port is a board's console:
//! the interrupt character raises `KeyboardInterrupt`, and program output
//! has its `\n` written as `\r\n`, as MicroPython's HAL writes it.

pub mod console;
pub mod fs_image;
pub mod rp2_module;
pub mod suite;

use std::io::{IsTerminal as _, Read as _, Write as _};
use std::sync::mpsc::{self, Receiver};
use std::time::Instant;

use rime_vm::port::simulated::SimulatedMachine;
use rime_vm::port::Machine;
use rime_vm::{Config, ImageView, Outcome, Port, Vm};

/// The Pico's MicroPython heap size, the default.
pub const DEFAULT_HEAP: usize = 192 * 1024;

/// The GPIO count of the simulated board (the Pico's RP2040).
pub const PIN_COUNT: usize = 30;

/// The simulated board's pin names: the Pico's LED on GPIO25.
const PIN_NAMES: &[(&str, u32)] = &[("LED", 25)];

/// The prefixes of numbered pin names (`"GP5"`, `"GPIO5"`), as on the Pico.
const PIN_PREFIXES: &[&str] = &["GP", "GPIO"];
/// The clock of the simulated test jig's PWM slices: a Pico's system
/// clock, so `machine.PWM` reads back what it would on a Pico.
const JIG_PWM_CLOCK_HZ: u32 = 125_000_000;

/// The simulated board's CPU clock: the Pico's usual 125 MHz.
const CPU_HZ: u32 = 125_000_000;

/// Where output goes (the process's streams, or captured), the clock, and
/// the simulated machine.
pub struct HostPort {
    pub capture: Option<Vec<u8>>,
    start: Instant,
    /// The state of the fixed entropy sequence behind `os.urandom` and the
    /// `random` module's first seed (a 32-bit xorshift), so runs repeat.
    entropy: u32,
    /// The simulated pins behind `machine`.
    pub machine: SimulatedMachine<PIN_COUNT>,
    /// Bytes from standard input, once the reader thread runs.
    stdin: Option<Receiver<u8>>,
    /// The REPL's console, when the port serves one.
    console: Option<console::Console>,
    /// Set once standard input has ended and every byte of it was read.
    stdin_ended: bool,
    /// The image file mounted at `/` (`--fs`), if any.
    pub filesystem: Option<fs_image::HostFilesystem>,
}

impl HostPort {
    pub fn new(capture: bool) -> HostPort {
        HostPort {
            capture: capture.then(Vec::new),
            start: Instant::now(),
            entropy: 0x2545_f491,
            machine: SimulatedMachine::new(PIN_NAMES, PIN_PREFIXES, CPU_HZ, JIG_PWM_CLOCK_HZ),
            stdin: None,
            console: None,
            stdin_ended: false,
            filesystem: None,
        }
    }

    /// A port whose input and output are a REPL console.
    pub fn with_console(console: console::Console) -> HostPort {
        HostPort { console: Some(console), ..HostPort::new(false) }
    }

    /// Writes program output to the console with `\n` as `\r\n`.
    fn write_cooked(console: &mut console::Console, bytes: &[u8]) {
        for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
            if index > 0 {
                console.write(b"\r\n");
            }
            if !line.is_empty() {
                console.write(line);
            }
        }
    }

    /// Starts the thread that moves standard input's bytes into a channel.
    fn stdin(&mut self) -> &Receiver<u8> {
        self.stdin.get_or_insert_with(|| {
            let (sender, receiver) = mpsc::channel();
            std::thread::spawn(move || {
                for byte in std::io::stdin().lock().bytes() {
                    let Ok(byte) = byte else { break };
                    if sender.send(byte).is_err() {
                        break;
                    }
                }
            });
            receiver
        })
    }
}

impl Port for HostPort {
    fn write_stdout(&mut self, bytes: &[u8]) {
        if let Some(console) = &mut self.console {
            return HostPort::write_cooked(console, bytes);
        }
        match &mut self.capture {
            Some(buffer) => buffer.extend_from_slice(bytes),
            None => {
                let _ = std::io::stdout().write_all(bytes);
            }
        }
    }

    fn write_stderr(&mut self, bytes: &[u8]) {
        if let Some(console) = &mut self.console {
            return HostPort::write_cooked(console, bytes);
        }
        match &mut self.capture {
            Some(buffer) => buffer.extend_from_slice(bytes),
            None => {
                let _ = std::io::stdout().flush();
                let _ = std::io::stderr().write_all(bytes);
            }
        }
    }

    fn write_console(&mut self, bytes: &[u8]) {
        match &mut self.console {
            Some(console) => console.write(bytes),
            None => self.write_stdout(bytes),
        }
    }

    fn read_stdin_byte(&mut self) -> Option<u8> {
        if let Some(console) = &mut self.console {
            return console.read_byte();
        }
        if self.capture.is_some() {
            return None;
        }
        match self.stdin().try_recv() {
            Ok(byte) => Some(byte),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.stdin_ended = true;
                None
            }
        }
    }

    fn stdin_closed(&mut self) -> bool {
        // A captured run (the test suite) has no console input.
        self.console.is_none() && (self.capture.is_some() || self.stdin_ended)
    }

    fn echoes_input(&self) -> bool {
        // The REPL's console is a terminal in raw mode, or a pseudo-terminal
        // a tool drives: it shows only what the board sends back. Without
        // it, a terminal in its normal mode edits and shows lines itself,
        // while a pipe gets the echo MicroPython's readline gives it.
        self.console.is_none() && std::io::stdin().is_terminal()
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

    fn set_interrupt_char(&mut self, byte: Option<u8>) {
        if let Some(console) = &self.console {
            console.set_interrupt_char(byte);
        }
    }

    fn pending_interrupt(&mut self) -> bool {
        self.console.as_ref().is_some_and(console::Console::interrupt_pending) || self.machine.has_event()
    }

    fn take_interrupt(&mut self) -> bool {
        self.console.as_ref().is_some_and(console::Console::take_interrupt)
    }

    fn machine_name(&self) -> &'static str {
        "simulated Raspberry Pi Pico on the host"
    }

    fn mpy_arch(&self) -> u8 {
        // The simulated board is a Pico: Armv6-M, as MicroPython reports on an RP2040.
        4
    }

    fn machine(&mut self) -> Option<&mut dyn Machine> {
        Some(&mut self.machine)
    }

    fn filesystem(&mut self) -> Option<rime_vm::port::filesystem::Vfs<'_>> {
        self.filesystem.as_mut().map(fs_image::HostFilesystem::vfs)
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

/// Boots `image` as a board does and serves the REPL on `console` until the
/// process ends (Ctrl-] on a terminal, the end of input, or a signal), with
/// the image file `fs` (if any) mounted at `/` and every change written
/// through to it at once.
pub fn serve_repl(
    image: &[u8],
    heap_size: usize,
    config: Config,
    console: console::Console,
    fs: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let view = ImageView::new(image, rime_vm::abi().abi_id)
        .map_err(|problem| anyhow::anyhow!("cannot run this image: {problem:?}"))?;
    let mut heap = vec![0u8; heap_size];
    let mut port = HostPort::with_console(console);
    if let Some(path) = fs {
        port.filesystem = Some(fs_image::HostFilesystem::open_live(path)?);
    }
    rime_vm::repl::boot(&mut heap, view, &mut port, config);
    anyhow::bail!("the {heap_size}-byte heap is too small to start")
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
