//! The size report written after every freeze: per module (code, constants,
//! qstrs, tables), resources, sources, totals and the qstr count, as text for
//! the terminal, as JSON (`size-report.json`) and as an HTML page with an SVG
//! map of the image (`size-report.html`).
//!
//! Shared constants and pool strings are charged to the first module, by
//! name, that uses them, so the per-module figures add up to the sections'
//! sizes (less headers and padding) and a module's figure shows what it
//! brought in that the modules before it did not.
//!
//! The heap an import costs is measured, not estimated ([`measure`]): each
//! module is imported in a fresh host VM that runs the image itself. The
//! VM's values are 32-bit words in every build (REPR_A, one address
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

use std::fmt::Write as _;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rime_bytecode::image::{Image, Section, HEADER_SIZE};
use rime_vm::obj::repr::Sink;
use rime_vm::{Config, ImageView, Obj, Port, Vm};
use serde::Serialize;

use super::Frozen;

/// One module's line of the report.
#[derive(Debug, Serialize)]
pub struct ModuleLine {
    pub name: String,
    pub code: u32,
    pub constants: u32,
    pub qstrs: u32,
    pub tables: u32,
    pub total: u32,
    /// The size of the module's `.mpy`, for comparison.
    pub mpy: usize,
    pub raw_codes: u32,
    /// The heap `import` of the module keeps allocated (the modules it
    /// imports included), in bytes, when the import could run on the host.
    pub import_heap: Option<u32>,
    /// Why the import could not be measured, otherwise.
    pub import_heap_note: Option<String>,
}

/// One section of the image.
#[derive(Debug, Serialize)]
pub struct SectionLine {
    pub name: &'static str,
    pub offset: u32,
    pub size: u32,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub board: String,
    pub image_bytes: u32,
    pub header_bytes: u32,
    pub qstr_count: u32,
    pub sections: Vec<SectionLine>,
    pub modules: Vec<ModuleLine>,
    /// `(name, bytes)` per resource.
    pub resources: Vec<(String, u32)>,
    /// `(name, bytes)` per module frozen as source.
    pub sources: Vec<(String, u32)>,
    /// The sum of the `.mpy` sizes of the compiled modules.
    pub mpy_total: usize,
}

impl Report {
    pub fn new(board: &str, frozen: &Frozen) -> Report {
        let stats = &frozen.image.stats;
        let sections = Section::ALL
            .iter()
            .zip(stats.sections)
            .map(|(section, (offset, size))| SectionLine { name: section.name(), offset, size })
            .collect();
        let costs = measure(&frozen.image.bytes, stats.modules.iter().map(|module| module.name.as_str()));
        let modules = stats
            .modules
            .iter()
            .zip(costs)
            .map(|(module, cost)| ModuleLine {
                name: module.name.clone(),
                code: module.code_bytes,
                constants: module.constant_bytes,
                qstrs: module.qstr_bytes,
                tables: module.table_bytes,
                total: module.total(),
                mpy: frozen.mpy_sizes.iter().find(|(name, _)| *name == module.name).map_or(0, |(_, size)| *size),
                raw_codes: module.raw_codes,
                import_heap: match cost {
                    ImportHeap::Bytes(bytes) => Some(bytes),
                    _ => None,
                },
                import_heap_note: match cost {
                    ImportHeap::Bytes(_) => None,
                    other => Some(other.to_string()),
                },
            })
            .collect();
        Report {
            board: board.to_string(),
            image_bytes: stats.total_bytes,
            header_bytes: HEADER_SIZE as u32,
            qstr_count: stats.qstr_count,
            sections,
            modules,
            resources: stats.resources.clone(),
            sources: stats.sources.clone(),
            mpy_total: frozen.mpy_sizes.iter().map(|(_, size)| size).sum(),
        }
    }

    /// The report as an aligned text table.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let width = self.modules.iter().map(|module| module.name.len()).chain([6]).max().unwrap_or(6);
        let _ = writeln!(
            out,
            "{:<width$}  {:>7}  {:>9}  {:>6}  {:>6}  {:>7}  {:>7}  {:>11}",
            "module", "code", "constants", "qstrs", "tables", "total", ".mpy", "import heap"
        );
        let mut sums = [0u32; 5];
        let mut notes = Vec::new();
        for module in &self.modules {
            let heap = match (module.import_heap, &module.import_heap_note) {
                (Some(bytes), _) => bytes.to_string(),
                (None, Some(note)) => {
                    notes.push(format!("import heap of {}: {note}", module.name));
                    "-".to_string()
                }
                (None, None) => "-".to_string(),
            };
            let _ = writeln!(
                out,
                "{:<width$}  {:>7}  {:>9}  {:>6}  {:>6}  {:>7}  {:>7}  {:>11}",
                module.name, module.code, module.constants, module.qstrs, module.tables, module.total, module.mpy, heap
            );
            for (sum, value) in
                sums.iter_mut().zip([module.code, module.constants, module.qstrs, module.tables, module.total])
            {
                *sum += value;
            }
        }
        let _ = writeln!(
            out,
            "{:<width$}  {:>7}  {:>9}  {:>6}  {:>6}  {:>7}  {:>7}",
            "total", sums[0], sums[1], sums[2], sums[3], sums[4], self.mpy_total
        );
        for note in notes {
            let _ = writeln!(out, "{note}");
        }
        for (name, size) in &self.resources {
            let _ = writeln!(out, "resource {name}: {size} bytes");
        }
        for (name, size) in &self.sources {
            let _ = writeln!(out, "source {name}: {size} bytes");
        }
        let sections: Vec<String> =
            self.sections.iter().map(|section| format!("{} {}", section.name, section.size)).collect();
        let _ = writeln!(out, "sections: header {}, {}", self.header_bytes, sections.join(", "));
        let _ = writeln!(
            out,
            "image: {} bytes, {} qstrs in the pool; the .mpy files: {} bytes",
            self.image_bytes, self.qstr_count, self.mpy_total
        );
        out
    }

    /// The report as an HTML page: the tables and an SVG map of the image in
    /// which every box's width is proportional to its size.
    pub fn html(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>rime frozen image: {}</title>",
            escape(&self.board)
        );
        out.push_str("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>\n");
        let _ = writeln!(
            out,
            "<h1>Frozen image for <code>{}</code>: {} bytes, {} qstrs</h1>",
            escape(&self.board),
            self.image_bytes,
            self.qstr_count
        );
        out.push_str("<h2>Flash map</h2>\n");
        out.push_str(&self.svg());
        out.push_str("<h2>Modules</h2>\n<table><tr><th>module</th><th>code</th><th>constants</th><th>qstrs</th><th>tables</th><th>total</th><th>.mpy</th><th>import heap</th></tr>\n");
        for module in &self.modules {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&module.name),
                module.code,
                module.constants,
                module.qstrs,
                module.tables,
                module.total,
                module.mpy,
                match (module.import_heap, &module.import_heap_note) {
                    (Some(bytes), _) => bytes.to_string(),
                    (None, note) => format!("<span title=\"{}\">-</span>", escape(note.as_deref().unwrap_or(""))),
                }
            );
        }
        out.push_str("</table>\n");
        out.push_str("<p>Import heap: what <code>import</code> of the module keeps allocated on the heap (the modules it imports included), measured in a fresh VM with the boards' 32-bit object layout.</p>\n<ul>\n");
        for module in &self.modules {
            if let (None, Some(note)) = (module.import_heap, &module.import_heap_note) {
                let _ = writeln!(out, "<li><code>{}</code>: {}</li>", escape(&module.name), escape(note));
            }
        }
        out.push_str("</ul>\n<h2>Resources and sources</h2>\n<ul>\n");
        for (name, size) in self.resources.iter().chain(&self.sources) {
            let _ = writeln!(out, "<li><code>{}</code>: {size} bytes</li>", escape(name));
        }
        out.push_str("</ul>\n</body></html>\n");
        out
    }

    /// Two rows of boxes: the sections of the image, and the modules' shares.
    fn svg(&self) -> String {
        const WIDTH: f64 = 1000.0;
        let total = f64::from(self.image_bytes.max(1));
        let colours = ["#8ecae6", "#219ebc", "#ffb703", "#fb8500", "#90be6d", "#f94144", "#577590", "#adb5bd"];
        let mut out =
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"140\" font-size=\"11\">\n");
        let mut boxes: Vec<(String, u32)> = vec![("header".to_string(), self.header_bytes)];
        boxes.extend(self.sections.iter().map(|section| (section.name.to_string(), section.size)));
        let mut x = 0.0;
        for (index, (name, size)) in boxes.iter().enumerate() {
            let width = WIDTH * f64::from(*size) / total;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"10\" width=\"{width:.1}\" height=\"50\" fill=\"{}\"><title>{} {size} bytes</title></rect>",
                colours[index % colours.len()],
                escape(name)
            );
            if width > 60.0 {
                let _ = writeln!(out, "<text x=\"{:.1}\" y=\"40\">{} {size}</text>", x + 3.0, escape(name));
            }
            x += width;
        }
        let mut x = 0.0;
        for (index, module) in self.modules.iter().enumerate() {
            let width = WIDTH * f64::from(module.total) / total;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"75\" width=\"{width:.1}\" height=\"50\" fill=\"{}\" stroke=\"white\"><title>{} {} bytes</title></rect>",
                colours[(index + 2) % colours.len()],
                escape(&module.name),
                module.total
            );
            if width > 60.0 {
                let _ = writeln!(out, "<text x=\"{:.1}\" y=\"105\">{}</text>", x + 3.0, escape(&module.name));
            }
            x += width;
        }
        out.push_str("</svg>\n");
        out
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// How long one import may run before it is reported as not finishing.
pub const TIME_LIMIT: Duration = Duration::from_secs(2);

/// The heap of each measuring VM: more than any board has, so that the figure
/// is the module's and not a limit of the heap.
const HEAP_BYTES: usize = 1024 * 1024;

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
            measure_one(&shared, &crate::manifest::names::import_name(name))
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
    let mut vm = match Vm::new(&mut heap, view, &mut port, Config::host()) {
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
