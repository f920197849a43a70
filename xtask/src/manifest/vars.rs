//! Path variables (`${manifest_dir}`, `${board_dir}`, `${port_dir}`, `${root}`
//! and user-defined ones) and the board facts the resolver needs.
//!
//! Expansion is textual, like MicroPython's `$(VAR)`, but strict: an unknown
//! variable is an error that points at the `${…}` inside the string, and the
//! old `$(VAR)` spelling is rejected with the new spelling in the message.
//!
//! A manifest sees the four built-in variables, every `--var NAME=VALUE` from
//! the command line, and the defaults in its own `[vars]` table (the command
//! line wins). `[vars]` does not leak into included manifests: those have
//! their own table, and options are the way to configure them.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::diagnostics::ManifestError;

/// What the resolver needs to know about the board a manifest is resolved for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardContext {
    /// The board's folder name, e.g. `pico2`.
    pub name: String,
    /// `ports/<port>/boards/<name>`.
    pub board_dir: PathBuf,
    /// `ports/<port>`.
    pub port_dir: PathBuf,
    /// Whether the runtime on this board can compile Python source at import
    /// time (needed for modules frozen as source).
    pub has_compiler: bool,
    /// The largest heap the board allows, in bytes, if it has a limit.
    pub max_heap: Option<u32>,
}

impl BoardContext {
    /// The board `name` of the checkout at `root`, as `crate::board` reads
    /// it (`ports/<port>/boards/<name>/board.toml`): only the host runner
    /// has an on-device compiler, and the heap limit is the board's heap.
    pub fn find(root: &Path, name: &str) -> Result<BoardContext, ManifestError> {
        let board =
            crate::board::Board::find_under(root, name).map_err(|error| ManifestError::input(format!("{error:#}")))?;
        Ok(BoardContext::of(&board))
    }

    /// What the resolver needs to know about `board`.
    pub fn of(board: &crate::board::Board) -> BoardContext {
        BoardContext {
            name: board.name.clone(),
            board_dir: board.dir.clone(),
            port_dir: board.port_dir(),
            has_compiler: board.has_compiler(),
            max_heap: board.heap_size(),
        }
    }
}

/// The variables one manifest can use.
#[derive(Clone, Debug)]
pub struct VarScope {
    values: BTreeMap<String, String>,
}

/// The names of the built-in variables, which `[vars]` and `--var` cannot redefine.
pub const BUILT_IN_VARS: [&str; 4] = ["manifest_dir", "board_dir", "port_dir", "root"];

impl VarScope {
    /// The scope of a manifest in `manifest_dir`: built-ins and the command line.
    /// `[vars]` defaults are added with `add_default`.
    pub fn new(
        root: &Path,
        board: &BoardContext,
        manifest_dir: &Path,
        command_line: &BTreeMap<String, String>,
    ) -> VarScope {
        let mut values = command_line.clone();
        values.insert("manifest_dir".to_string(), slash_path(manifest_dir));
        values.insert("board_dir".to_string(), slash_path(&board.board_dir));
        values.insert("port_dir".to_string(), slash_path(&board.port_dir));
        values.insert("root".to_string(), slash_path(root));
        VarScope { values }
    }

    /// Adds a `[vars]` default, unless the command line already set the name.
    pub fn add_default(&mut self, name: &str, value: String) {
        self.values.entry(name.to_string()).or_insert(value);
    }

    /// Expands every `${name}` in `text`. On error, returns the message and the
    /// byte range of the offending reference within `text`.
    pub fn expand(&self, text: &str) -> Result<String, (String, Range<usize>)> {
        let mut out = String::new();
        let mut rest_start = 0;
        while let Some(found) = text[rest_start..].find('$') {
            let dollar = rest_start + found;
            out.push_str(&text[rest_start..dollar]);
            let after = &text[dollar + 1..];
            if let Some(body) = after.strip_prefix('{') {
                let Some(close) = body.find('}') else {
                    return Err(("unclosed `${` in path".to_string(), dollar..text.len()));
                };
                let name = &body[..close];
                let end = dollar + 2 + close + 1;
                match self.values.get(name) {
                    Some(value) => out.push_str(value),
                    None => return Err((unknown_variable_message(name, &self.values), dollar..end)),
                }
                rest_start = end;
            } else if let Some(body) = after.strip_prefix('(') {
                let (name, end) = match body.find(')') {
                    Some(close) => (&body[..close], dollar + 2 + close + 1),
                    None => (body, text.len()),
                };
                let message = format!("`$({name})` is manifest.py syntax; write `${{{}}}`", toml_var_name(name));
                return Err((message, dollar..end));
            } else {
                out.push('$');
                rest_start = dollar + 1;
            }
        }
        out.push_str(&text[rest_start..]);
        Ok(out)
    }
}

fn unknown_variable_message(name: &str, values: &BTreeMap<String, String>) -> String {
    if !is_var_name(name) {
        return format!("`{name}` is not a variable name");
    }
    let user: Vec<&str> = values.keys().map(String::as_str).filter(|known| !BUILT_IN_VARS.contains(known)).collect();
    if user.is_empty() {
        format!("unknown variable `{name}` (set it with `--var {name}=VALUE` or in `[vars]`)")
    } else {
        format!("unknown variable `{name}` (known: {}, {})", BUILT_IN_VARS.join(", "), user.join(", "))
    }
}

/// The `manifest.toml` name for a `manifest.py` variable: MicroPython's two
/// built-ins become rime's (`$(PORT_DIR)` → `port_dir`, `$(BOARD_DIR)` →
/// `board_dir`); every other name is kept as the user wrote it, so the
/// `--var MPY_LIB_DIR=...` a MicroPython user passes sets `${MPY_LIB_DIR}`.
pub fn toml_var_name(python_name: &str) -> String {
    match python_name {
        "PORT_DIR" => "port_dir".to_string(),
        "BOARD_DIR" => "board_dir".to_string(),
        other => other.to_string(),
    }
}

/// Whether `name` is a valid variable name: `[A-Za-z_][A-Za-z0-9_]*`.
pub fn is_var_name(name: &str) -> bool {
    let mut characters = name.chars();
    characters.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && characters.all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// Parses the command line's `--var NAME=VALUE` flags. Values may use the
/// built-in variables (`--var lib=${root}/vendor`), which the resolver expands.
pub fn parse_command_line_vars(flags: &[String]) -> Result<BTreeMap<String, String>, ManifestError> {
    let mut vars = BTreeMap::new();
    for flag in flags {
        let Some((name, value)) = flag.split_once('=') else {
            return Err(ManifestError::input(format!("`--var {flag}` is not of the form NAME=VALUE")));
        };
        if !is_var_name(name) {
            return Err(ManifestError::input(format!("`--var {flag}`: `{name}` is not a variable name")));
        }
        if BUILT_IN_VARS.contains(&name) {
            return Err(ManifestError::input(format!(
                "`--var {flag}`: `{name}` is a built-in variable and cannot be set"
            )));
        }
        vars.insert(name.to_string(), value.to_string());
    }
    Ok(vars)
}

/// A path with `/` separators, as variables hold them.
pub fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `path` with `.` and `..` components removed textually (for paths that may not exist).
pub fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> BoardContext {
        BoardContext {
            name: "b".to_string(),
            board_dir: PathBuf::from("/r/ports/p/boards/b"),
            port_dir: PathBuf::from("/r/ports/p"),
            has_compiler: false,
            max_heap: None,
        }
    }

    fn scope() -> VarScope {
        let mut command_line = BTreeMap::new();
        command_line.insert("lib".to_string(), "/vendor".to_string());
        VarScope::new(Path::new("/r"), &board(), Path::new("/r/m"), &command_line)
    }

    #[test]
    fn expands_known_variables_and_keeps_lone_dollars() {
        assert_eq!(scope().expand("${port_dir}/modules"), Ok("/r/ports/p/modules".to_string()));
        assert_eq!(scope().expand("${lib}/x$y"), Ok("/vendor/x$y".to_string()));
    }

    #[test]
    fn points_at_unknown_and_old_style_variables() {
        let (_, range) = scope().expand("a/${nope}/b").unwrap_err();
        assert_eq!(range, 2..9);
        let (message, range) = scope().expand("$(PORT_DIR)/x").unwrap_err();
        assert_eq!(message, "`$(PORT_DIR)` is manifest.py syntax; write `${port_dir}`");
        assert_eq!(range, 0..11);
        let (message, _) = scope().expand("$(MPY_LIB_DIR)/x").unwrap_err();
        assert_eq!(message, "`$(MPY_LIB_DIR)` is manifest.py syntax; write `${MPY_LIB_DIR}`");
    }

    #[test]
    fn user_variable_names_keep_their_case() {
        assert_eq!(toml_var_name("PORT_DIR"), "port_dir");
        assert_eq!(toml_var_name("BOARD_DIR"), "board_dir");
        assert_eq!(toml_var_name("MPY_LIB_DIR"), "MPY_LIB_DIR");
        let mut command_line = BTreeMap::new();
        command_line.insert("MPY_LIB_DIR".to_string(), "/lib".to_string());
        let scope = VarScope::new(Path::new("/r"), &board(), Path::new("/r/m"), &command_line);
        assert_eq!(scope.expand("${MPY_LIB_DIR}/x"), Ok("/lib/x".to_string()));
        assert!(scope.expand("${mpy_lib_dir}/x").is_err(), "names are case-sensitive");
    }

    #[test]
    fn rejects_malformed_command_line_vars() {
        assert!(parse_command_line_vars(&["x".to_string()]).is_err());
        assert!(parse_command_line_vars(&["root=/".to_string()]).is_err());
        assert_eq!(
            parse_command_line_vars(&["a=b=c".to_string()]).map(|vars| vars["a"].clone()),
            Ok("b=c".to_string())
        );
    }
}
