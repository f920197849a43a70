//! `cargo xtask manifest`: show a resolved `manifest.toml`, or convert a
//! MicroPython `manifest.py` to one.
//!
//! The library lives in `manifest/`: the serde schema (`schema.rs`), path
//! variables and board facts (`vars.rs`), module-name rules (`names.rs`),
//! resolution (`resolve.rs`, `collect.rs`), the static `manifest.py` reader
//! (`python.rs`, `convert.rs`) and the rustc-like error rendering
//! (`diagnostics.rs`). This file only parses flags, prints and writes files;
//! library errors are rendered here and turned into exit code 1.

mod collect;
mod convert;
pub mod diagnostics;
mod names;
mod python;
pub mod resolve;
pub mod schema;
pub mod vars;

#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

pub use resolve::{resolve, ModuleKind, ResolvedManifest};
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
        ManifestCommand::Show { manifest, board, vars } => show(&manifest, &board, &vars),
        ManifestCommand::Convert { manifest_py, output } => convert_command(&manifest_py, output.as_deref()),
    }
}

fn show(manifest: &Path, board_name: &str, var_flags: &[String]) -> crate::Outcome {
    let root = crate::project_root();
    let resolved = vars::parse_command_line_vars(var_flags)
        .and_then(|command_line_vars| Ok((BoardContext::find(&root, board_name)?, command_line_vars)))
        .and_then(|(board, command_line_vars)| {
            resolve(manifest, &board, &root, &command_line_vars).map(|resolved| (board, resolved))
        });
    match resolved {
        Ok((board, resolved)) => {
            print!("{}", render_show(&resolved, &board, &root));
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprint!("{}", error.render());
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The text `manifest show` prints: one aligned row per module, then the
/// resources, qstrs, main module and heap. Paths are relative to `root`.
pub fn render_show(resolved: &ResolvedManifest, board: &BoardContext, root: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let relative = |path: &Path| vars::slash_path(path.strip_prefix(&root).unwrap_or(path));
    let mut out = String::new();
    let _ = writeln!(out, "board: {}", board.name);
    let rows: Vec<[String; 5]> = resolved
        .modules
        .iter()
        .map(|module| {
            [
                module.name.clone(),
                module.kind.describe(),
                relative(&module.source_path),
                format!("{}:{}", module.origin.file, module.origin.line),
                injected_version(module),
            ]
        })
        .collect();
    let _ = writeln!(out, "modules ({}):", rows.len());
    out.push_str(&aligned(&rows));
    if !resolved.resources.is_empty() {
        let rows: Vec<[String; 5]> = resolved
            .resources
            .iter()
            .map(|resource| {
                let origin = format!("{}:{}", resource.origin.file, resource.origin.line);
                [resource.name.clone(), "resource".to_string(), relative(&resource.source_path), origin, String::new()]
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
fn aligned(rows: &[[String; 5]]) -> String {
    let mut widths = [0usize; 5];
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
    let text = std::fs::read_to_string(manifest_py).with_context(|| format!("reading {}", manifest_py.display()))?;
    let display = manifest_py.to_string_lossy().replace('\\', "/");
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
    write_atomically(&output, converted.toml.as_bytes())?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`, so a reader never sees half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let file_name =
        path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| "manifest.toml".to_string());
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes).with_context(|| format!("writing {}", temporary.display()))?;
    if let Err(error) = std::fs::rename(&temporary, path) {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("renaming {} to {}", temporary.display(), path.display()));
    }
    Ok(())
}
