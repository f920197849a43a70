//! `cargo xtask manifest`: show a resolved `manifest.toml`, or convert a
//! MicroPython `manifest.py` to one.
//!
//! The library lives in `manifest/`: the serde schema (`schema.rs`), path
//! variables and board facts (`vars.rs`), module-name rules (`names.rs`),
//! resolution (`resolve.rs`, `collect.rs`), the static `manifest.py` reader
//! (`python.rs`, `convert.rs`), the resolution of a package's `manifest.py`
//! in place (`from_python.rs`) and the rustc-like error rendering
//! (`diagnostics.rs`). This file only parses flags, prints and writes files;
//! library errors are rendered here and turned into exit code 1.

mod collect;
mod convert;
pub mod diagnostics;
mod from_python;
pub(crate) mod names;
mod python;
pub mod resolve;
pub mod schema;
pub mod vars;

#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use names::import_name;

#[allow(unused_imports)]
pub use resolve::resolve;
pub use resolve::{resolve_with_libraries, ModuleKind, ResolvedManifest};
pub use vars::BoardContext;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: ManifestCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum ManifestCommand {
    /// Print the resolved module list and where each module came from.
    Show {
        /// The manifest.toml (or a directory holding one).
        manifest: PathBuf,
        /// The board to resolve for (a folder under ports/*/boards).
        #[arg(long, default_value = "host")]
        board: String,
        /// Set a manifest path variable: --var NAME=VALUE.
        #[arg(long = "var", value_name = "NAME=VALUE")]
        vars: Vec<String>,
        /// Register a library for `require` (searched first): --lib NAME=PATH.
        #[arg(long = "lib", value_name = "NAME=PATH")]
        libs: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Convert a MicroPython manifest.py to manifest.toml.
    Convert {
        manifest_py: PathBuf,
        /// Where to write the result (default: manifest.toml beside the input).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

pub fn run(args: Args) -> crate::Outcome {
    match args.command {
        ManifestCommand::Show { manifest, board, vars, libs, json } => show(&manifest, &board, &vars, &libs, json),
        ManifestCommand::Convert { manifest_py, output } => convert_command(&manifest_py, output.as_deref()),
    }
}

fn show(manifest: &Path, board_name: &str, var_flags: &[String], lib_flags: &[String], json: bool) -> crate::Outcome {
    let root = crate::project_root();
    let resolved = vars::parse_command_line_vars(var_flags)
        .and_then(|command_line_vars| {
            Ok((BoardContext::find(&root, board_name)?, command_line_vars, parse_command_line_libraries(lib_flags)?))
        })
        .and_then(|(board, command_line_vars, libraries)| {
            resolve_with_libraries(manifest, &board, &root, &command_line_vars, &libraries)
                .map(|resolved| (board, resolved))
        });
    match resolved {
        Ok((board, resolved)) if json => {
            write_stdout(&(serde_json::to_string_pretty(&render_show_json(&resolved, &board, &root))? + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Ok((board, resolved)) => {
            write_stdout(&render_show(&resolved, &board, &root));
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprint!("{}", error.render());
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Prints to stdout; a closed pipe (`manifest show | head`) is not an error.
fn write_stdout(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Parses the command line's `--lib NAME=PATH` flags, in order.
pub fn parse_command_line_libraries(flags: &[String]) -> Result<Vec<(String, PathBuf)>, diagnostics::ManifestError> {
    let mut libraries = Vec::new();
    for flag in flags {
        match flag.split_once('=') {
            Some((name, path)) if !name.trim().is_empty() && !path.is_empty() => {
                libraries.push((name.trim().to_string(), PathBuf::from(path)));
            }
            _ => {
                return Err(diagnostics::ManifestError::input(format!(
                    "`--lib {flag}`: expected NAME=PATH, e.g. `--lib micropython-lib=../micropython-lib`"
                )))
            }
        }
    }
    Ok(libraries)
}

/// What `manifest show --json` prints: the same facts as the text, one
/// object per module with its package and the manifest line that added it.
pub fn render_show_json(resolved: &ResolvedManifest, board: &BoardContext, root: &Path) -> serde_json::Value {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let relative = |path: &Path| vars::slash_path(path.strip_prefix(&root).unwrap_or(path));
    let modules: Vec<serde_json::Value> = resolved
        .modules
        .iter()
        .map(|module| {
            let (kind, opt) = match module.kind {
                ModuleKind::Compile { opt } => ("compile", Some(opt)),
                ModuleKind::Mpy => ("mpy", None),
                ModuleKind::Source => ("source", None),
            };
            let injected = injected_version(module);
            serde_json::json!({
                "name": module.name,
                "import": import_name(&module.name),
                "kind": kind,
                "opt": opt,
                "source": relative(&module.source_path),
                "package": module.package,
                "manifest": module.origin.file,
                "line": module.origin.line,
                "column": module.origin.column,
                "version": module.version,
                "version_injected": !injected.is_empty(),
            })
        })
        .collect();
    let resources: Vec<serde_json::Value> = resolved
        .resources
        .iter()
        .map(|resource| {
            serde_json::json!({
                "name": resource.name,
                "source": relative(&resource.source_path),
                "manifest": resource.origin.file,
                "line": resource.origin.line,
            })
        })
        .collect();
    serde_json::json!({
        "board": board.name,
        "modules": modules,
        "resources": resources,
        "qstrs": resolved.qstrs,
        "main": resolved.main,
        "heap": resolved.heap,
    })
}

/// The text `manifest show` prints: one aligned row per module, then the
/// resources, qstrs, main module and heap. Paths are relative to `root`.
pub fn render_show(resolved: &ResolvedManifest, board: &BoardContext, root: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let relative = |path: &Path| vars::slash_path(path.strip_prefix(&root).unwrap_or(path));
    let mut out = String::new();
    let _ = writeln!(out, "board: {}", board.name);
    let rows: Vec<[String; 6]> = resolved
        .modules
        .iter()
        .map(|module| {
            [
                module.name.clone(),
                module.kind.describe(),
                relative(&module.source_path),
                module.package.as_ref().map_or_else(|| "-".to_string(), |package| format!("[{package}]")),
                format!("{}:{}", module.origin.file, module.origin.line),
                injected_version(module),
            ]
        })
        .collect();
    let _ = writeln!(out, "modules ({}):", rows.len());
    out.push_str(&aligned(&rows));
    if !resolved.resources.is_empty() {
        let rows: Vec<[String; 6]> = resolved
            .resources
            .iter()
            .map(|resource| {
                let origin = format!("{}:{}", resource.origin.file, resource.origin.line);
                [
                    resource.name.clone(),
                    "resource".to_string(),
                    relative(&resource.source_path),
                    String::new(),
                    origin,
                    String::new(),
                ]
            })
            .collect();
        let _ = writeln!(out, "resources ({}):", rows.len());
        out.push_str(&aligned(&rows));
    }
    if !resolved.qstrs.is_empty() {
        let quoted: Vec<String> = resolved.qstrs.iter().map(|qstr| format!("{qstr:?}")).collect();
        let _ = writeln!(out, "qstrs ({}): {}", quoted.len(), quoted.join(", "));
    }
    if let Some(main) = &resolved.main {
        let _ = writeln!(out, "main: {main}");
    }
    if let Some(heap) = resolved.heap {
        let _ = writeln!(out, "heap: {} ({heap} bytes)", names::format_size(heap));
    }
    out
}

/// `__version__ = '1.0'` when resolution appended that line to the module's
/// source (a `.py` of a package with a version that does not set it itself).
fn injected_version(module: &resolve::ResolvedModule) -> String {
    let Some(version) = &module.version else {
        return String::new();
    };
    let line = format!("__version__ = {}", names::python_string_repr(version));
    let injected = module.kind != ModuleKind::Mpy && module.source.ends_with(format!("\n\n{line}\n").as_bytes());
    if injected {
        line
    } else {
        String::new()
    }
}

/// Rows as left-aligned columns, two spaces apart, with no trailing spaces.
fn aligned<const COLUMNS: usize>(rows: &[[String; COLUMNS]]) -> String {
    let mut widths = [0usize; COLUMNS];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(" ");
        for (cell, width) in row.iter().zip(widths) {
            line.push(' ');
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.chars().count() + 1));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn convert_command(manifest_py: &Path, output: Option<&Path>) -> crate::Outcome {
    let display = manifest_py.to_string_lossy().replace('\\', "/");
    let text = match diagnostics::read_manifest_text(manifest_py, &display) {
        Ok(text) => text,
        Err(error) => {
            eprint!("{}", error.render());
            return Ok(ExitCode::FAILURE);
        }
    };
    let converted = match convert::convert(&display, &text) {
        Ok(converted) => converted,
        Err(error) => {
            eprint!("{}", error.render());
            return Ok(ExitCode::FAILURE);
        }
    };
    for warning in &converted.warnings {
        eprint!("{}", warning.render_as("warning"));
    }
    let output = match output {
        Some(output) => output.to_path_buf(),
        None => manifest_py.with_extension("toml"),
    };
    crate::files::write_atomically(&output, converted.toml.as_bytes())?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}
