//! `cargo xtask freeze`: compile a manifest's modules (or one `.py` file) into
//! one frozen image, package it for a board, and report its size.
//!
//! Freezing is one straight pipeline, the same for every board and every
//! command that freezes (`freeze`, `run`), driven by [`freeze_board`]:
//!
//! 1. **resolve** ([`resolve`]): the input is a `manifest.toml` (or a folder
//!    holding one), resolved by `manifest::resolve`, or a single `.py` (or
//!    `.mpy`) file frozen as `main.py`;
//! 2. **compile** ([`compile`]): each `.py` module is compiled with
//!    `rime_compiler`; compiled modules are cached in `target/freeze-cache` by
//!    the hash of their source, name and options, so that changing one module
//!    recompiles only that one. The image is laid out by
//!    `rime_bytecode::image::ImageBuilder` against the runtime's ABI
//!    ([`host_abi`]), linked to run at the board's [`Board::link_address`];
//! 3. **link** and **package** ([`package`]): what the board's
//!    [`Board::packaging`] asks for: the image alone (host, QEMU), or the
//!    image linked into the board's runtime ELF with its UF2 and BIN
//!    (`link.rs`, RP2 boards);
//! 4. **write** every file atomically into the output folder
//!    (`firmware/<board>/` for `cargo xtask freeze`), with the size report
//!    (`report.rs`) as JSON and HTML;
//! 5. **report** ([`print_report`]): the size table and the board's line.
//!
//! No step calls back into a command: `run` calls [`freeze_board`] itself.

pub mod link;
pub mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::bail;
use rime_bytecode::image::Abi;
use rime_bytecode::image::{BuiltImage, Image, ImageBuilder};
use rime_bytecode::MpyModule;
use sha2::{Digest, Sha256};

use crate::board::{Board, Packaging, Port};
use crate::files::{self, write_atomically};
use crate::manifest::names::import_name;
use crate::manifest::{self, BoardContext, ModuleKind};

// The ABI the host runner links images against. An image refers to the
// runtime's static objects by address and to its static qstrs by id; both
// come from the VM itself (`rime_vm::abi()`), so the freezer and the runtime
// can never disagree about them. The ABI id is `Abi::fingerprint` over both,
// so any change to either refuses old images.

/// The ABI of the host runtime.
pub fn host_abi() -> Abi<'static> {
    rime_vm::abi()
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board to build for: host, a QEMU board (qemu-m0, qemu-m33) or an RP2 board (pico, pico_w, pico2, pico2_w).
    #[arg(long, default_value = "host")]
    pub board: String,
    /// The manifest.toml (or a single .py file) to freeze.
    pub manifest: PathBuf,
    /// Set a manifest path variable: --var NAME=VALUE.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// Register a library for `require` (searched first), e.g. a micropython-lib checkout: --lib NAME=PATH.
    #[arg(long = "lib", value_name = "NAME=PATH")]
    pub libs: Vec<String>,
}

/// What to freeze, as the commands that freeze take it from their flags.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// A manifest (or its folder), or one `.py` / `.mpy` file.
    pub input: PathBuf,
    /// `--var NAME=VALUE` flags.
    pub vars: Vec<String>,
    /// `--lib NAME=PATH` flags.
    pub libs: Vec<String>,
    /// A heap size for the image header, overriding the manifest's.
    pub heap: Option<u32>,
}

impl Request {
    /// Whether the input is a single Python file rather than a manifest.
    pub fn is_single_file(&self) -> bool {
        self.input.extension().is_some_and(|extension| extension == "py" || extension == "mpy")
    }
}

/// One module to freeze, before compilation.
#[derive(Clone, Debug)]
pub struct Input {
    /// Frozen name, `pkg/mod.py`.
    pub name: String,
    pub kind: InputKind,
}

/// What to do with a module.
#[derive(Clone, Debug)]
pub enum InputKind {
    /// Compile Python source at this optimisation level.
    Compile { source: Vec<u8>, opt: u8 },
    /// A `.mpy` file, frozen as it is.
    Mpy(Vec<u8>),
    /// Python source frozen as text, compiled on import.
    Source(String),
}

/// Everything an image is made of.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub modules: Vec<Input>,
    /// `(name, bytes)` of each resource.
    pub resources: Vec<(String, Vec<u8>)>,
    /// Extra strings for the pool.
    pub qstrs: Vec<String>,
    /// Frozen name of the module run at boot.
    pub main: Option<String>,
    pub heap: Option<u32>,
    /// The path error messages show for a module, by frozen name: the file as
    /// the user named it. Modules without one are shown by frozen name.
    pub shown_paths: std::collections::BTreeMap<String, String>,
}

/// A frozen image and what went into it.
#[derive(Debug)]
pub struct Frozen {
    pub image: BuiltImage,
    /// `(frozen name, size of its .mpy)` of every compiled module.
    pub mpy_sizes: Vec<(String, usize)>,
    /// How many modules were compiled (not found in the cache).
    pub compiled: usize,
}

/// The files an image is packaged into for a board, by file name.
#[derive(Debug)]
pub struct Package {
    /// `frozen.img`, and for firmware boards `firmware.elf`, `.uf2`, `.bin`.
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// The RP2 board's runtime figures, when the image was linked into one.
    pub firmware: Option<FirmwareFigures>,
}

/// What the board's line of the report says about a linked firmware.
#[derive(Debug)]
pub struct FirmwareFigures {
    pub runtime_flash: u64,
    pub free_heap_at_boot: usize,
}

/// The result of the pipeline: the image, its package, and where it went.
#[derive(Debug)]
pub struct Built {
    pub frozen: Frozen,
    pub package: Package,
    pub out_dir: PathBuf,
}

impl Built {
    /// The path of the image file.
    pub fn image_path(&self) -> PathBuf {
        self.out_dir.join("frozen.img")
    }
}

pub fn run(args: Args) -> crate::Outcome {
    let started = Instant::now();
    let board = Board::find(&args.board)?;
    let request = Request { input: args.manifest, vars: args.vars, libs: args.libs, heap: None };
    let built = match freeze_board(&board, &request, &board.output_dir())? {
        Ok(built) => built,
        Err(rendered) => {
            eprint!("{rendered}");
            return Ok(ExitCode::FAILURE);
        }
    };
    print_report(&board, &built, started);
    Ok(ExitCode::SUCCESS)
}

/// The whole pipeline (see the module docs) for `board`, writing into
/// `out_dir`. The inner error is a rendered diagnostic for the user (exit
/// code 1).
pub fn freeze_board(board: &Board, request: &Request, out_dir: &Path) -> anyhow::Result<Result<Built, String>> {
    let root = crate::project_root();
    let mut inputs = match resolve(board, request, &root)? {
        Ok(inputs) => inputs,
        Err(rendered) => return Ok(Err(rendered)),
    };
    if request.heap.is_some() {
        inputs.heap = request.heap;
    }
    let frozen = match compile(board, &inputs, Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => return Ok(Err(rendered)),
    };
    let package = package(board, &inputs, &frozen)?;
    for (name, bytes) in &package.files {
        write_atomically(&out_dir.join(name), bytes)?;
    }
    let report = report::Report::new(&board.name, &frozen);
    write_atomically(&out_dir.join("size-report.json"), (serde_json::to_string_pretty(&report)? + "\n").as_bytes())?;
    write_atomically(&out_dir.join("size-report.html"), report.html().as_bytes())?;
    Ok(Ok(Built { frozen, package, out_dir: out_dir.to_path_buf() }))
}

/// Prints the size report of a pipeline's result, the board's line, and
/// what was written.
pub fn print_report(board: &Board, built: &Built, started: Instant) {
    let frozen = &built.frozen;
    print!("{}", report::Report::new(&board.name, frozen).text());
    if frozen.compiled == 0 && !frozen.mpy_sizes.is_empty() {
        println!("nothing to compile: every module came from the cache");
    }
    if let (Port::Rp2(rp2), Some(figures)) = (&board.port, &built.package.firmware) {
        println!(
            "{}: runtime {} bytes of {} KiB, image {} bytes of the {} KiB region at {:#010x}, heap {} KiB, \
             {} bytes free at boot",
            board.name,
            figures.runtime_flash,
            rp2.runtime_size / 1024,
            frozen.image.bytes.len(),
            rp2.frozen_size / 1024,
            rp2.frozen_origin,
            rp2.heap_size / 1024,
            figures.free_heap_at_boot
        );
    }
    let sizes: Vec<String> =
        built.package.files.iter().map(|(name, bytes)| format!("{name} ({} bytes)", bytes.len())).collect();
    println!(
        "wrote {}/{{{}}} in {:.1} ms ({} of {} modules compiled)",
        built.out_dir.display(),
        sizes.join(", "),
        started.elapsed().as_secs_f64() * 1000.0,
        frozen.compiled,
        frozen.mpy_sizes.len()
    );
}

/// Step 1: reads the inputs named by `request` for `board`. The inner error
/// is a rendered diagnostic for the user.
pub fn resolve(board: &Board, request: &Request, root: &Path) -> anyhow::Result<Result<Inputs, String>> {
    let path = &request.input;
    if request.is_single_file() {
        let bytes = files::read(path)?;
        let kind = if path.extension().is_some_and(|extension| extension == "py") {
            InputKind::Compile { source: bytes, opt: 0 }
        } else {
            InputKind::Mpy(bytes)
        };
        let module = Input { name: "main.py".to_string(), kind };
        let shown_paths = [("main.py".to_string(), path.display().to_string())].into();
        return Ok(Ok(Inputs {
            modules: vec![module],
            main: Some("main.py".to_string()),
            shown_paths,
            ..Inputs::default()
        }));
    }
    let resolved = manifest::vars::parse_command_line_vars(&request.vars).and_then(|vars| {
        let context = BoardContext::of(board);
        let libraries = manifest::parse_command_line_libraries(&request.libs)?;
        manifest::resolve_with_libraries(path, &context, root, &vars, &libraries)
    });
    let resolved = match resolved {
        Ok(resolved) => resolved,
        Err(error) => return Ok(Err(error.render())),
    };
    let mut inputs = Inputs { qstrs: resolved.qstrs.clone(), heap: resolved.heap, ..Inputs::default() };
    for module in &resolved.modules {
        let kind = match module.kind {
            ModuleKind::Compile { opt } => InputKind::Compile { source: module.source.clone(), opt },
            ModuleKind::Mpy => InputKind::Mpy(module.source.clone()),
            ModuleKind::Source => InputKind::Source(String::from_utf8_lossy(&module.source).into_owned()),
        };
        inputs.modules.push(Input { name: module.name.clone(), kind });
        inputs.shown_paths.insert(module.name.clone(), shown_path(&module.source_path));
    }
    for resource in &resolved.resources {
        let bytes = files::read(&resource.source_path)?;
        inputs.resources.push((resource.name.clone(), bytes));
    }
    inputs.main = match &resolved.main {
        Some(import) => match inputs.modules.iter().find(|module| import_name(&module.name) == *import) {
            Some(module) => Some(module.name.clone()),
            None => return Ok(Err(format!("error: the main module `{import}` is not among the frozen modules\n"))),
        },
        None => inputs.modules.iter().find(|module| module.name == "main.py").map(|module| module.name.clone()),
    };
    Ok(Ok(inputs))
}

/// Step 2: compiles `inputs` into an image for `board` (see [`freeze_at`]).
pub fn compile(board: &Board, inputs: &Inputs, cache: Option<&Path>) -> anyhow::Result<Result<Frozen, String>> {
    freeze_at(inputs, &board.name, board.link_address(), cache)
}

/// Steps 3 and 4: packages a frozen image as `board` takes it: the image
/// alone, or linked into the board's runtime firmware (built once when
/// `firmware/<board>/runtime.elf` is missing, never because Python changed).
pub fn package(board: &Board, inputs: &Inputs, frozen: &Frozen) -> anyhow::Result<Package> {
    let image = frozen.image.bytes.clone();
    match (&board.port, board.packaging()) {
        (Port::Rp2(rp2), Packaging::Firmware) => {
            let runtime = link::runtime_elf(rp2, &board.output_dir())?;
            let module_names: Vec<String> = inputs.modules.iter().map(|module| module.name.clone()).collect();
            let linked = link::link(rp2, &runtime, &image, &module_names)?;
            let firmware = FirmwareFigures {
                runtime_flash: crate::rp2::footprint(rp2, &runtime)?.flash,
                free_heap_at_boot: link::free_heap_at_boot(&image, rp2.heap_size)?,
            };
            let files = vec![
                ("frozen.img", image),
                ("firmware.elf", linked.elf),
                ("firmware.uf2", linked.uf2),
                ("firmware.bin", linked.bin),
            ];
            Ok(Package { files, firmware: Some(firmware) })
        }
        _ => Ok(Package { files: vec![("frozen.img", image)], firmware: None }),
    }
}

/// A file as error messages show it: relative to the current directory when
/// it lies below it (as the user would type it), else as it is.
fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir().ok().and_then(|dir| path.strip_prefix(dir).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}

/// Compiles (or finds in `cache`) every module and lays the image out. The
/// inner error is a rendered diagnostic for the user.
pub fn freeze(inputs: &Inputs, board: &str, cache: Option<&Path>) -> anyhow::Result<Result<Frozen, String>> {
    freeze_at(inputs, board, rime_bytecode::image::FLASH_BASE, cache)
}

/// [`freeze`], with the image linked to run at `link_address` (a board's
/// frozen-image region).
pub fn freeze_at(
    inputs: &Inputs,
    board: &str,
    link_address: u32,
    cache: Option<&Path>,
) -> anyhow::Result<Result<Frozen, String>> {
    // When nothing at all changed since a previous freeze, the image it built
    // is reused as it is: no module is read back, nothing is laid out again.
    let whole_key = image_key(inputs, board, link_address);
    let whole_path = cache.map(|dir| dir.join("images").join(format!("{whole_key}.img")));
    if let Some(path) = &whole_path {
        if let Some(frozen) = read_cached_image(path, board) {
            return Ok(Ok(frozen));
        }
    }
    let mut builder = ImageBuilder::new(host_abi(), board);
    builder.link_address(link_address);
    let mut mpy_sizes = Vec::new();
    let mut compiled = 0;
    let mut errors = String::new();
    for input in &inputs.modules {
        let module = match &input.kind {
            InputKind::Source(text) => {
                builder.source(&input.name, text.clone());
                continue;
            }
            InputKind::Mpy(bytes) => match MpyModule::read(bytes) {
                Ok(module) => (module, bytes.len()),
                Err(error) => {
                    errors.push_str(&format!("error: {}: {error}\n", input.name));
                    continue;
                }
            },
            InputKind::Compile { source, opt } => {
                let shown = inputs.shown_paths.get(&input.name).unwrap_or(&input.name);
                match compile_cached(&input.name, shown, source, *opt, cache, &mut compiled)? {
                    Ok(module) => module,
                    Err(rendered) => {
                        errors.push_str(&rendered);
                        continue;
                    }
                }
            }
        };
        mpy_sizes.push((input.name.clone(), module.1));
        builder.module(&input.name, module.0);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    for (name, bytes) in &inputs.resources {
        builder.resource(name, bytes.clone());
    }
    for text in &inputs.qstrs {
        builder.qstr(text);
    }
    if let Some(main) = &inputs.main {
        builder.main_module(main);
    }
    builder.heap_size(inputs.heap.unwrap_or(0));
    let image = match builder.build() {
        Ok(image) => image,
        Err(error) => return Ok(Err(format!("error: {error}\n"))),
    };
    // The image is read back as the runtime will read it before it is used.
    if let Err(error) = Image::parse_for_board(&image.bytes, &host_abi(), board) {
        bail!("the image just built does not read back: {error}");
    }
    let frozen = Frozen { image, mpy_sizes, compiled };
    if let Some(path) = &whole_path {
        write_cached_image(path, &frozen)?;
    }
    Ok(Ok(frozen))
}

/// The cache key of a whole image: everything that goes into it.
fn image_key(inputs: &Inputs, board: &str, link_address: u32) -> String {
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(env!("RIME_COMPILER_FINGERPRINT").as_bytes());
    field(&host_abi().abi_id.to_le_bytes());
    field(board.as_bytes());
    field(&link_address.to_le_bytes());
    for input in &inputs.modules {
        field(input.name.as_bytes());
        match &input.kind {
            InputKind::Compile { source, opt } => {
                field(&[0, *opt]);
                field(source);
            }
            InputKind::Mpy(bytes) => {
                field(&[1]);
                field(bytes);
            }
            InputKind::Source(text) => {
                field(&[2]);
                field(text.as_bytes());
            }
        }
    }
    for (name, bytes) in &inputs.resources {
        field(name.as_bytes());
        field(bytes);
    }
    for text in &inputs.qstrs {
        field(text.as_bytes());
    }
    field(inputs.main.as_deref().unwrap_or("").as_bytes());
    field(&inputs.heap.unwrap_or(0).to_le_bytes());
    hasher.finalize().iter().take(16).map(|byte| format!("{byte:02x}")).collect()
}

/// What the size report needs besides the image bytes, kept next to a cached image.
#[derive(serde::Serialize, serde::Deserialize)]
struct CachedFigures {
    stats: rime_bytecode::image::ImageStats,
    mpy_sizes: Vec<(String, usize)>,
}

/// A previously built image with the same key, if it is there and still
/// reads back; anything wrong with the cache just means building again.
fn read_cached_image(path: &Path, board: &str) -> Option<Frozen> {
    let bytes = std::fs::read(path).ok()?;
    let figures: CachedFigures = serde_json::from_slice(&std::fs::read(path.with_extension("json")).ok()?).ok()?;
    Image::parse_for_board(&bytes, &host_abi(), board).ok()?;
    Some(Frozen { image: BuiltImage { bytes, stats: figures.stats }, mpy_sizes: figures.mpy_sizes, compiled: 0 })
}

fn write_cached_image(path: &Path, frozen: &Frozen) -> anyhow::Result<()> {
    let figures = CachedFigures { stats: frozen.image.stats.clone(), mpy_sizes: frozen.mpy_sizes.clone() };
    // The figures go first: an image is only used when its figures are there.
    write_atomically(&path.with_extension("json"), &serde_json::to_vec(&figures)?)?;
    write_atomically(path, &frozen.image.bytes)
}

/// Compiles one module, or reads it from the cache. Returns the module and
/// the size of its `.mpy`.
fn compile_cached(
    name: &str,
    shown: &str,
    source: &[u8],
    opt: u8,
    cache: Option<&Path>,
    compiled: &mut usize,
) -> anyhow::Result<Result<(MpyModule, usize), String>> {
    let mut hasher = Sha256::new();
    hasher.update(env!("RIME_COMPILER_FINGERPRINT").as_bytes());
    hasher.update([opt, 0]);
    hasher.update(name.as_bytes());
    hasher.update([0]);
    hasher.update(source);
    let key: String = hasher.finalize().iter().take(16).map(|byte| format!("{byte:02x}")).collect();
    let cached = cache.map(|dir| dir.join(format!("{key}.mpy")));
    if let Some(path) = &cached {
        if let Ok(bytes) = std::fs::read(path) {
            if let Ok(module) = MpyModule::read(&bytes) {
                return Ok(Ok((module, bytes.len())));
            }
        }
    }
    *compiled += 1;
    let options = rime_compiler::CompileOptions { opt_level: opt, ..Default::default() };
    let module = match rime_compiler::compile(source, name, &options) {
        Ok(module) => module,
        Err(diagnostics) => {
            return Ok(Err(rime_compiler::render_all(&diagnostics, source, shown)));
        }
    };
    let bytes = module.to_bytes();
    if let Some(path) = &cached {
        write_atomically(path, &bytes)?;
    }
    Ok(Ok((module, bytes.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_names_follow_micropython() {
        assert_eq!(import_name("main.py"), "main");
        assert_eq!(import_name("pkg/__init__.py"), "pkg");
        assert_eq!(import_name("pkg/sub/mod.py"), "pkg.sub.mod");
    }

    #[test]
    fn two_freezes_are_byte_identical_and_order_free() {
        let module = |name: &str, source: &str| Input {
            name: name.to_string(),
            kind: InputKind::Compile { source: source.as_bytes().to_vec(), opt: 0 },
        };
        let mut inputs = Inputs {
            modules: vec![
                module("main.py", "import util\nprint(util.greet('world'))\n"),
                module("util.py", "def greet(name):\n    return 'hello ' + name\n"),
            ],
            resources: vec![("data/x.bin".to_string(), vec![1, 2, 3])],
            main: Some("main.py".to_string()),
            ..Inputs::default()
        };
        let first = freeze(&inputs, "host", None).unwrap().unwrap();
        inputs.modules.reverse();
        let second = freeze(&inputs, "host", None).unwrap().unwrap();
        assert_eq!(first.image.bytes, second.image.bytes);
        let abi = host_abi();
        assert_eq!(abi, host_abi());
        let image = rime_bytecode::image::Image::parse_for_board(&first.image.bytes, &abi, "host").unwrap();
        assert_eq!(image.main_module(), Some("main.py"));
        assert_eq!(image.module_count(), 2);
        let report = report::Report::new("host", &first);
        assert!(report.text().contains("util.py"));
        assert!(report.html().contains("<svg"));
    }

    #[test]
    fn the_cache_compiles_nothing_twice_and_only_what_changed() {
        let cache = std::env::temp_dir().join(format!("rime-freeze-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&cache);
        let module = |name: &str, source: &str, opt: u8| Input {
            name: name.to_string(),
            kind: InputKind::Compile { source: source.as_bytes().to_vec(), opt },
        };
        let mut inputs = Inputs {
            modules: vec![
                module("main.py", "import util\nprint(util.twice(21))\n", 0),
                module("util.py", "def twice(x):\n    assert x > 0\n    return 2 * x\n", 0),
                module("extra.py", "VALUE = 3\n", 0),
            ],
            main: Some("main.py".to_string()),
            ..Inputs::default()
        };
        let cold = freeze(&inputs, "host", Some(&cache)).unwrap().unwrap();
        assert_eq!(cold.compiled, 3);
        let warm = freeze(&inputs, "host", Some(&cache)).unwrap().unwrap();
        assert_eq!(warm.compiled, 0, "nothing changed, so nothing is compiled");
        assert_eq!(warm.image.bytes, cold.image.bytes);
        // Changing the optimisation level of one entry recompiles that entry only,
        // and the assert it drops makes its code smaller.
        inputs.modules[1] = module("util.py", "def twice(x):\n    assert x > 0\n    return 2 * x\n", 1);
        let changed = freeze(&inputs, "host", Some(&cache)).unwrap().unwrap();
        assert_eq!(changed.compiled, 1);
        assert!(changed.image.bytes.len() < cold.image.bytes.len());
        // A removed entry disappears from the output.
        inputs.modules.pop();
        let removed = freeze(&inputs, "host", Some(&cache)).unwrap().unwrap();
        assert_eq!(removed.compiled, 0);
        assert!(!removed.mpy_sizes.iter().any(|(name, _)| name == "extra.py"));
        let _ = std::fs::remove_dir_all(&cache);
    }

    #[test]
    fn the_report_measures_the_heap_each_import_costs() {
        let module = |name: &str, source: &str| Input {
            name: name.to_string(),
            kind: InputKind::Compile { source: source.as_bytes().to_vec(), opt: 0 },
        };
        let inputs = Inputs {
            modules: vec![
                module("main.py", "import small\nwhile True:\n    pass\n"),
                module("small.py", "def f():\n    return 1\n"),
                module("table.py", "import small\nDATA = [0] * 1000\n"),
                module("pkg/__init__.py", "NAME = 'pkg'\n"),
                module("pkg/leaf.py", "from . import NAME\nLEAF = NAME + '.leaf'\n"),
                module("needs.py", "import no_such_module\n"),
                module("sleeper.py", "import time\nwhile True:\n    time.sleep_ms(10)\n"),
            ],
            main: Some("main.py".to_string()),
            ..Inputs::default()
        };
        let frozen = freeze(&inputs, "host", None).unwrap().unwrap();
        let report = report::Report::new("host", &frozen);
        let line = |name: &str| report.modules.iter().find(|module| module.name == name).unwrap();
        let small = line("small.py").import_heap.expect("small.py imports on the host");
        // A module object and its globals dict object, one block each: the
        // function and the globals' table are laid out in flash.
        assert_eq!(small, 32, "small.py costs {small} bytes");
        // A list of 1000 small ints is 4000 bytes of items on top of that.
        let table = line("table.py").import_heap.expect("table.py imports on the host");
        assert!(table >= small + 4000, "table.py costs {table} bytes");
        // Importing a submodule imports its package too.
        let leaf = line("pkg/leaf.py").import_heap.expect("pkg.leaf imports on the host");
        assert!(leaf > line("pkg/__init__.py").import_heap.unwrap());
        assert_eq!(line("main.py").import_heap, None);
        assert!(line("main.py").import_heap_note.as_deref().unwrap().contains("main module"));
        let needs = line("needs.py").import_heap_note.as_deref().unwrap();
        assert!(needs.contains("ImportError") && needs.contains("no_such_module"), "{needs}");
        assert!(line("sleeper.py").import_heap_note.as_deref().unwrap().contains("did not finish"));
        let text = report.text();
        assert!(text.contains("import heap") && text.contains(&small.to_string()), "{text}");
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains(&format!("\"import_heap\":{table}")), "{json}");
        assert!(report.html().contains("<th>import heap</th>"));
    }

    #[test]
    fn compile_errors_are_reported_not_panicked() {
        let inputs = Inputs {
            modules: vec![Input {
                name: "bad.py".to_string(),
                kind: InputKind::Compile { source: b"def (:\n".to_vec(), opt: 0 },
            }],
            ..Inputs::default()
        };
        let rendered = freeze(&inputs, "host", None).unwrap().unwrap_err();
        assert!(rendered.contains("bad.py"), "{rendered}");
    }

    #[test]
    fn errors_name_the_users_file_and_come_all_at_once() {
        let dir = std::env::temp_dir().join(format!("rime-freeze-shown-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.py");
        std::fs::write(&path, "x = = 1\nprint('ok')\ny = 2 +\n").unwrap();
        let request = Request { input: path.clone(), vars: Vec::new(), libs: Vec::new(), heap: None };
        let board = Board::find("host").unwrap();
        let inputs = resolve(&board, &request, &crate::project_root()).unwrap().unwrap();
        let rendered = freeze(&inputs, "host", None).unwrap().unwrap_err();
        let shown = path.display();
        let expected = format!(
            "error: invalid syntax\n --> {shown}:1:5\n  |\n1 | x = = 1\n  |     ^\n\n\
             error: invalid syntax\n --> {shown}:3:8\n  |\n3 | y = 2 +\n  |        ^\n\n"
        );
        assert_eq!(rendered, expected);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_host_abi_is_stable_and_distinct_per_type_table() {
        assert_eq!(host_abi(), host_abi());
        let mut types = host_abi().types;
        types.tuple += 16;
        assert_ne!(Abi::fingerprint(rime_bytecode::qstr_runtime::RUNTIME_QSTRS, &types), host_abi().abi_id);
        assert_eq!(host_abi().first_qstr(), u32::from(rime_bytecode::qstr_runtime::END_STATIC_QSTRS));
    }
}
