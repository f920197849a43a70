//! The heap an import of each frozen module costs, for the size report:
//! measured by importing the module in a fresh host VM that runs the image
//! itself.
//!
//! The VM's values are 32-bit words in every build (REPR_A, one address
//! space), so the bytes counted here are the bytes a board's heap loses. For
//! each module a new VM starts on the image, collects, notes `gc.mem_alloc()`,
//! imports the module by its dotted name, collects again and reports the
//! difference: the module object, its globals and what its body keeps (the
//! modules it imports included). The port has no hardware: `machine.Pin` runs
//! on simulated pins, output is discarded and the clock is virtual, so a
//! module that sleeps does not slow the freeze down.
//!
//! An import that cannot run on the host is reported as such, never as a
//! number: one that raises (with the exception's last line), one that runs
//! longer than [`TIME_LIMIT`] (the import is left running on its thread,
//! sleeping through its waits, until the process ends), and the main module,
//! which is the application itself and is not imported.

use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rime_bytecode::image::Image;
use rime_vm::obj::repr::Sink;
use rime_vm::{Config, ImageView, Obj, Port, Vm};

/// How long one import may run before it is reported as not finishing.
pub const TIME_LIMIT: Duration = Duration::from_secs(2);

/// The heap of each measuring VM: more than any board has, so that the figure
/// is the module's and not a limit of the heap.
const HEAP_BYTES: usize = 4 * 1024 * 1024;

/// What importing one module costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportHeap {
    /// The bytes of heap the import keeps allocated.
    Bytes(u32),
    /// The module is the one run at boot: importing it runs the application.
    MainModule,
    /// The import raised; the exception's last line.
    Raised(String),
    /// The import did not finish within [`TIME_LIMIT`].
    TooLong,
    /// The image could not be started (a message).
    NotRun(String),
}

impl std::fmt::Display for ImportHeap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportHeap::Bytes(bytes) => write!(f, "{bytes} bytes"),
            ImportHeap::MainModule => f.write_str("not measured: the main module runs the application"),
            ImportHeap::Raised(line) => write!(f, "not measured: the import raises on the host ({line})"),
            ImportHeap::TooLong => {
                write!(f, "not measured: the import did not finish within {} s on the host", TIME_LIMIT.as_secs())
            }
            ImportHeap::NotRun(message) => write!(f, "not measured: {message}"),
        }
    }
}

/// The import cost of each of `modules` (frozen names) of `image`, in order.
pub fn measure<'n>(image: &[u8], modules: impl Iterator<Item = &'n str>) -> Vec<ImportHeap> {
    let abi = rime_vm::abi();
    let main = Image::parse(image, &abi).ok().and_then(|parsed| parsed.main_module().map(str::to_string));
    let shared: Arc<[u8]> = Arc::from(image);
    modules
        .map(|name| {
            if main.as_deref() == Some(name) {
                return ImportHeap::MainModule;
            }
            measure_one(&shared, &super::import_name(name))
        })
        .collect()
}

/// Imports `dotted` in a fresh VM on its own thread, waiting at most [`TIME_LIMIT`].
fn measure_one(image: &Arc<[u8]>, dotted: &str) -> ImportHeap {
    let (sender, receiver) = mpsc::channel();
    let image = Arc::clone(image);
    let dotted = dotted.to_string();
    let deadline = Instant::now() + TIME_LIMIT;
    let spawned = std::thread::Builder::new().name(format!("import {dotted}")).stack_size(16 << 20).spawn(move || {
        let _ = sender.send(import_in_fresh_vm(&image, &dotted, deadline));
    });
    if let Err(error) = spawned {
        return ImportHeap::NotRun(format!("no thread to import on: {error}"));
    }
    receiver.recv_timeout(TIME_LIMIT).unwrap_or(ImportHeap::TooLong)
}

/// The measurement itself, on the current thread.
fn import_in_fresh_vm(image: &[u8], dotted: &str, deadline: Instant) -> ImportHeap {
    let view = match ImageView::new(image, rime_vm::abi().abi_id) {
        Ok(view) => view,
        Err(problem) => return ImportHeap::NotRun(problem.to_string()),
    };
    let mut heap = vec![0u8; HEAP_BYTES];
    let mut port = MeasuringPort { errors: Vec::new(), now_us: 0, deadline };
    let mut vm = match Vm::new(&mut heap, view, &mut port, Config::default()) {
        Ok(vm) => vm,
        Err(_) => return ImportHeap::NotRun("the VM does not start".to_string()),
    };
    let Ok(name) = vm.intern_bytes(dotted.as_bytes()) else {
        return ImportHeap::NotRun(format!("cannot make the name `{dotted}`"));
    };
    vm.collect();
    let before = vm.heap.stats().used_blocks;
    let imported = vm.import_name(name, Obj::NONE, Obj::small(0), Obj::NONE);
    if imported.is_err() {
        let exc = vm.exc;
        vm.exc = Obj::NULL;
        let _ = vm.print_traceback(Sink::Stderr, exc);
        drop(vm);
        let text = String::from_utf8_lossy(&port.errors).into_owned();
        let line = text.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or("an exception");
        return ImportHeap::Raised(line.trim().to_string());
    }
    vm.collect();
    let after = vm.heap.stats().used_blocks;
    ImportHeap::Bytes((after.saturating_sub(before) * rime_vm::gc::BYTES_PER_BLOCK) as u32)
}

/// A machine without hardware: output discarded (errors kept for the
/// message), a virtual clock that sleeps take no time on, until the deadline.
struct MeasuringPort {
    errors: Vec<u8>,
    now_us: u64,
    deadline: Instant,
}

impl Port for MeasuringPort {
    fn write_stdout(&mut self, _bytes: &[u8]) {}

    fn write_stderr(&mut self, bytes: &[u8]) {
        // Only the end of a traceback is reported; keep the buffer small.
        if self.errors.len() > 64 * 1024 {
            self.errors.drain(..32 * 1024);
        }
        self.errors.extend_from_slice(bytes);
    }

    fn ticks_ms(&mut self) -> u32 {
        (self.ticks_us_64() / 1000) as u32
    }

    fn ticks_us(&mut self) -> u32 {
        self.ticks_us_64() as u32
    }

    fn time_ns(&mut self) -> u64 {
        self.ticks_us_64() * 1000
    }

    fn sleep_us(&mut self, us: u64) {
        self.now_us = self.now_us.saturating_add(us);
        // Past the deadline nobody waits for the result: really sleep, so
        // that a module looping forever does not keep a core busy.
        if Instant::now() > self.deadline {
            std::thread::sleep(Duration::from_micros(us.clamp(1000, 1_000_000)));
        }
    }
}

impl MeasuringPort {
    /// The virtual clock; every reading moves it on by a microsecond, so
    /// that a loop polling the clock ends.
    fn ticks_us_64(&mut self) -> u64 {
        self.now_us += 1;
        self.now_us
    }
}
