//! `manifest.py` → `manifest.toml`: maps each MicroPython manifest call to
//! the equivalent table, keeping the call order and the comments above calls.
//!
//! | manifest.py | manifest.toml |
//! |---|---|
//! | `include(p, **kw)` | `[[include]] path, options` (`.py` → `.toml`) |
//! | `require(n, library=l, **kw)` | `[[require]] name, library, options` |
//! | `add_library(n, p, prepend)` | `[[library]] name, path, prepend` |
//! | `module(p, base_path, opt)` | `[[module]] path, base_path, opt` |
//! | `package(p, files, base_path, opt)` | `[[package]] path, files, base_path, opt` |
//! | `freeze(p, script, opt)` | `[[freeze]] path, script, opt` |
//! | `freeze_as_mpy` / `freeze_mpy` / `freeze_as_str` | `[[freeze]]` with `kind = "py"` / `"mpy"` / `"source"` |
//! | `metadata(...)` | `[metadata]` |
//! | `$(PORT_DIR)`, `$(BOARD_DIR)`, `$(OTHER)` | `${port_dir}`, `${board_dir}`, `${OTHER}` (user names kept as written) |
//!
//! What has no equivalent is an error at its position (code, `options.x`,
//! `c_module`, non-literal arguments); what is dropped without changing the
//! frozen modules (`require(version=…)`, `metadata(pypi=…)`) is a warning.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::diagnostics::{Location, ManifestError};
use super::python::{parse, Call, Item, Keyword, Spanned, Value};
use super::vars::toml_var_name;

/// A converted manifest and the warnings about what was dropped.
#[derive(Debug)]
pub struct Converted {
    pub toml: String,
    pub warnings: Vec<ManifestError>,
}

/// Converts the text of a `manifest.py`. `display` names the file in messages.
pub fn convert(display: &str, text: &str) -> Result<Converted, ManifestError> {
    let mut converter = Converter {
        display,
        text,
        errors: Vec::new(),
        warnings: Vec::new(),
        blocks: Vec::new(),
        user_vars: BTreeSet::new(),
        metadata_at: None,
    };
    for item in parse(text) {
        match item {
            Item::Call(call) => converter.call(&call),
            Item::Unsupported { message, span } => converter.error(message, span),
            Item::TrailingComments(comments) => converter.blocks.push(comments.join("\n")),
        }
    }
    if !converter.errors.is_empty() {
        return Err(if converter.errors.len() == 1 {
            converter.errors.remove(0)
        } else {
            ManifestError::Many(converter.errors)
        });
    }
    let file_name = display.rsplit('/').next().unwrap_or(display);
    let mut toml = format!("# Converted from {file_name} by `cargo xtask manifest convert`.\n");
    if !converter.user_vars.is_empty() {
        let names: Vec<&str> = converter.user_vars.iter().map(String::as_str).collect();
        toml.push_str(&format!("# Set these variables with --var NAME=VALUE: {}.\n", names.join(", ")));
    }
    for block in &converter.blocks {
        toml.push('\n');
        toml.push_str(block);
        toml.push('\n');
    }
    Ok(Converted { toml, warnings: converter.warnings })
}

struct Converter<'a> {
    display: &'a str,
    text: &'a str,
    errors: Vec<ManifestError>,
    warnings: Vec<ManifestError>,
    /// Rendered TOML blocks, in call order.
    blocks: Vec<String>,
    /// User variables the output uses (not `port_dir` or `board_dir`).
    user_vars: BTreeSet<String>,
    metadata_at: Option<Location>,
}

/// The arguments of one call, matched to the function's parameters.
struct Bound {
    values: BTreeMap<&'static str, Spanned>,
    /// Keywords the function does not name (`include`/`require` options).
    extra: Vec<Keyword>,
}

impl Bound {
    /// The argument, unless it is missing or a literal `None`.
    fn get(&self, name: &str) -> Option<&Spanned> {
        self.values.get(name).filter(|value| value.value != Value::None)
    }
}

impl Converter<'_> {
    fn location(&self, span: Range<usize>) -> Location {
        Location::from_span(self.display, self.text, span)
    }

    fn error(&mut self, message: impl Into<String>, span: Range<usize>) {
        let error = ManifestError::at(message, self.location(span));
        self.errors.push(error);
    }

    fn warn(&mut self, message: impl Into<String>, span: Range<usize>) {
        let warning = ManifestError::at(message, self.location(span));
        self.warnings.push(warning);
    }

    /// Matches positional and keyword arguments to `parameters`, the first
    /// `required` of which must be given.
    fn bind(
        &mut self,
        call: &Call,
        parameters: &[&'static str],
        required: usize,
        takes_options: bool,
    ) -> Option<Bound> {
        let function = &call.function;
        let mut bound = Bound { values: BTreeMap::new(), extra: Vec::new() };
        for (index, value) in call.positional.iter().enumerate() {
            let Some(parameter) = parameters.get(index) else {
                self.error(
                    format!("`{function}()` takes at most {} positional arguments", parameters.len()),
                    value.span.clone(),
                );
                return None;
            };
            bound.values.insert(parameter, value.clone());
        }
        for keyword in &call.keywords {
            match parameters.iter().find(|parameter| **parameter == keyword.name) {
                Some(parameter) if bound.values.contains_key(parameter) => {
                    self.error(format!("argument `{}` is given twice", keyword.name), keyword.name_span.clone());
                    return None;
                }
                Some(parameter) => {
                    bound.values.insert(parameter, keyword.value.clone());
                }
                None if takes_options => bound.extra.push(keyword.clone()),
                None => {
                    self.error(format!("`{function}()` has no argument `{}`", keyword.name), keyword.name_span.clone());
                    return None;
                }
            }
        }
        for parameter in &parameters[..required] {
            if bound.get(parameter).is_none() {
                self.error(format!("`{function}()` needs its `{parameter}` argument"), call.function_span.clone());
                return None;
            }
        }
        Some(bound)
    }

    fn string(&mut self, value: &Spanned, what: &str) -> Option<String> {
        match &value.value {
            Value::Str(text) => Some(text.clone()),
            _ => {
                self.error(format!("`{what}` must be a string"), value.span.clone());
                None
            }
        }
    }

    /// A string or a list of strings.
    fn strings(&mut self, value: &Spanned, what: &str) -> Option<Vec<String>> {
        match &value.value {
            Value::List(items) => items.iter().map(|item| self.string(item, what)).collect(),
            _ => self.string(value, what).map(|text| vec![text]),
        }
    }

    /// A path: `$(VAR)` becomes `${VAR}` (`${port_dir}`, `${board_dir}` for MicroPython's built-ins).
    fn path(&mut self, value: &Spanned, what: &str) -> Option<String> {
        let text = self.string(value, what)?;
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("$(") {
            out.push_str(&rest[..start]);
            let Some(length) = rest[start..].find(')') else {
                self.error(format!("unclosed `$(` in `{what}`"), value.span.clone());
                return None;
            };
            let name = toml_var_name(&rest[start + 2..start + length]);
            if name != "port_dir" && name != "board_dir" {
                self.user_vars.insert(name.clone());
            }
            out.push_str(&format!("${{{name}}}"));
            rest = &rest[start + length + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    /// A path that names modules: variables cannot be used there.
    fn name_path(&mut self, value: &Spanned, what: &str) -> Option<String> {
        let text = self.string(value, what)?;
        if text.contains("$(") {
            self.error(format!("variables in `{what}` cannot be converted; split the path into `base_path` and a relative `{what}`"), value.span.clone());
            return None;
        }
        Some(text)
    }

    fn opt(&mut self, bound: &Bound) -> Option<Option<i64>> {
        match bound.get("opt") {
            None => Some(None),
            Some(Spanned { value: Value::Int(level), .. }) => Some(Some(*level)),
            Some(other) => {
                let span = other.span.clone();
                self.error("`opt` must be a number", span);
                None
            }
        }
    }

    fn options_table(&mut self, extra: &[Keyword]) -> Option<String> {
        let mut parts = Vec::new();
        for keyword in extra {
            let value = self.toml_literal(&keyword.value)?;
            parts.push(format!("{} = {value}", keyword.name));
        }
        Some(format!("{{ {} }}", parts.join(", ")))
    }

    fn toml_literal(&mut self, value: &Spanned) -> Option<String> {
        match &value.value {
            Value::Str(text) => Some(toml_string(text)),
            Value::Int(number) => Some(number.to_string()),
            Value::Bool(flag) => Some(flag.to_string()),
            Value::List(items) => {
                let items: Option<Vec<String>> = items.iter().map(|item| self.toml_literal(item)).collect();
                Some(format!("[{}]", items?.join(", ")))
            }
            Value::None => {
                self.error("`None` has no manifest.toml equivalent; leave the option out", value.span.clone());
                None
            }
        }
    }

    fn push_block(&mut self, call: &Call, header: &str, lines: Vec<String>) {
        let mut block: Vec<String> = call.comments.clone();
        block.push(header.to_string());
        block.extend(lines);
        self.blocks.push(block.join("\n"));
    }

    fn call(&mut self, call: &Call) {
        match call.function.as_str() {
            "include" => self.include(call),
            "require" => self.require(call),
            "add_library" => self.add_library(call),
            "module" => self.module(call),
            "package" => self.package(call),
            "freeze" => self.freeze(call, None),
            "freeze_as_mpy" => self.freeze(call, Some("py")),
            "freeze_mpy" => self.freeze(call, Some("mpy")),
            "freeze_as_str" => self.freeze(call, Some("source")),
            "metadata" => self.metadata(call),
            "c_module" => {
                self.error("`c_module()` cannot be converted: rime has no C modules", call.function_span.clone())
            }
            other => self.error(format!("`{other}()` is not a manifest function"), call.function_span.clone()),
        }
    }

    fn include(&mut self, call: &Call) {
        let Some(bound) = self.bind(call, &["manifest_path"], 1, true) else { return };
        let Some(argument) = bound.get("manifest_path").cloned() else { return };
        let items: Vec<Spanned> = match &argument.value {
            Value::List(items) => items.clone(),
            _ => vec![argument.clone()],
        };
        let paths: Option<Vec<(String, Range<usize>)>> =
            items.iter().map(|item| self.path(item, "manifest_path").map(|path| (path, item.span.clone()))).collect();
        let Some(paths) = paths else { return };
        let options = if bound.extra.is_empty() { None } else { self.options_table(&bound.extra) };
        for (index, (path, span)) in paths.into_iter().enumerate() {
            let path = match path.strip_suffix(".py") {
                Some(stem) => {
                    let message = format!("`{path}` is included as `{stem}.toml`; convert that file too");
                    self.warn(message, span);
                    format!("{stem}.toml")
                }
                None => path,
            };
            let mut lines = vec![format!("path = {}", toml_string(&path))];
            if let Some(options) = &options {
                lines.push(format!("options = {options}"));
            }
            // Comments go with the first of several includes only.
            let call = if index == 0 { call.clone() } else { Call { comments: Vec::new(), ..call.clone() } };
            self.push_block(&call, "[[include]]", lines);
        }
    }

    fn require(&mut self, call: &Call) {
        let Some(bound) = self.bind(call, &["name", "version", "pypi", "library"], 1, true) else { return };
        let Some(name) = bound.get("name").cloned().and_then(|name| self.string(&name, "name")) else { return };
        if let Some(version) = bound.get("version") {
            self.warn("`version` is dropped: MicroPython ignores it too", version.span.clone());
        }
        if let Some(pypi) = bound.get("pypi") {
            self.warn("`pypi` is dropped: it only matters when publishing to PyPI", pypi.span.clone());
        }
        let mut lines = vec![format!("name = {}", toml_string(&name))];
        if let Some(library) = bound.get("library").cloned() {
            let Some(library) = self.string(&library, "library") else { return };
            lines.push(format!("library = {}", toml_string(&library)));
        }
        if !bound.extra.is_empty() {
            let Some(options) = self.options_table(&bound.extra) else { return };
            lines.push(format!("options = {options}"));
        }
        self.push_block(call, "[[require]]", lines);
    }

    fn add_library(&mut self, call: &Call) {
        let Some(bound) = self.bind(call, &["library", "library_path", "prepend"], 2, false) else { return };
        let Some(name) = bound.get("library").cloned().and_then(|name| self.string(&name, "library")) else { return };
        let Some(path) = bound.get("library_path").cloned().and_then(|path| self.path(&path, "library_path")) else {
            return;
        };
        let mut lines = vec![format!("name = {}", toml_string(&name)), format!("path = {}", toml_string(&path))];
        match bound.get("prepend").map(|prepend| (&prepend.value, prepend.span.clone())) {
            None | Some((Value::Bool(false), _)) => {}
            Some((Value::Bool(true), _)) => lines.push("prepend = true".to_string()),
            Some((_, span)) => return self.error("`prepend` must be True or False", span),
        }
        self.push_block(call, "[[library]]", lines);
    }

    /// `base_path = "…"` unless it is missing or `"."`.
    fn base_path_line(&mut self, bound: &Bound) -> Option<Option<String>> {
        let Some(base_path) = bound.get("base_path").cloned() else { return Some(None) };
        let path = self.path(&base_path, "base_path")?;
        Some(if path == "." { None } else { Some(format!("base_path = {}", toml_string(&path))) })
    }

    fn module(&mut self, call: &Call) {
        let Some(bound) = self.bind(call, &["module_path", "base_path", "opt"], 1, false) else { return };
        let Some(path) = bound.get("module_path").cloned().and_then(|path| self.name_path(&path, "module_path")) else {
            return;
        };
        let Some(base_path) = self.base_path_line(&bound) else { return };
        let Some(opt) = self.opt(&bound) else { return };
        let mut lines = vec![format!("path = {}", toml_string(&path))];
        lines.extend(base_path);
        lines.extend(opt.map(|level| format!("opt = {level}")));
        self.push_block(call, "[[module]]", lines);
    }

    fn package(&mut self, call: &Call) {
        let Some(bound) = self.bind(call, &["package_path", "files", "base_path", "opt"], 1, false) else { return };
        let Some(path) = bound.get("package_path").cloned().and_then(|path| self.name_path(&path, "package_path"))
        else {
            return;
        };
        let files = match bound.get("files").cloned() {
            None => None,
            Some(files @ Spanned { value: Value::List(_), .. }) => match self.strings(&files, "files") {
                Some(files) => Some(files),
                None => return,
            },
            Some(other) => return self.error("`files` must be a list or tuple of file names", other.span),
        };
        let Some(base_path) = self.base_path_line(&bound) else { return };
        let Some(opt) = self.opt(&bound) else { return };
        let mut lines = vec![format!("path = {}", toml_string(&path))];
        if let Some(files) = files {
            let files: Vec<String> = files.iter().map(|file| toml_string(file)).collect();
            lines.push(format!("files = [{}]", files.join(", ")));
        }
        lines.extend(base_path);
        lines.extend(opt.map(|level| format!("opt = {level}")));
        self.push_block(call, "[[package]]", lines);
    }

    fn freeze(&mut self, call: &Call, kind: Option<&str>) {
        let parameters: &[&'static str] = if kind == Some("source") { &["path"] } else { &["path", "script", "opt"] };
        let Some(bound) = self.bind(call, parameters, 1, false) else { return };
        let Some(path) = bound.get("path").cloned().and_then(|path| self.path(&path, "path")) else { return };
        let mut lines = vec![format!("path = {}", toml_string(&path))];
        if let Some(script) = bound.get("script").cloned() {
            let is_list = matches!(script.value, Value::List(_));
            let Some(scripts) = self.strings(&script, "script") else { return };
            if scripts.iter().any(|script| script.contains("$(")) {
                return self.error("variables in `script` cannot be converted; put them in `path`", script.span);
            }
            let scripts: Vec<String> = scripts.iter().map(|script| toml_string(script)).collect();
            lines.push(if is_list {
                format!("script = [{}]", scripts.join(", "))
            } else {
                format!("script = {}", scripts[0])
            });
        }
        if let Some(kind) = kind {
            lines.push(format!("kind = \"{kind}\""));
        }
        let Some(opt) = self.opt(&bound) else { return };
        if let (Some(_), Some("mpy")) = (opt, kind) {
            if let Some(opt) = bound.get("opt") {
                self.warn("`opt` is dropped: it has no effect on .mpy files", opt.span.clone());
            }
        } else {
            lines.extend(opt.map(|level| format!("opt = {level}")));
        }
        self.push_block(call, "[[freeze]]", lines);
    }

    fn metadata(&mut self, call: &Call) {
        let location = self.location(call.function_span.clone());
        if let Some(first) = self.metadata_at.clone() {
            let error = ManifestError::at("duplicate call to `metadata()`", location)
                .with_note("the first call is here", Some(first));
            self.errors.push(error);
            return;
        }
        self.metadata_at = Some(location);
        let parameters = ["description", "version", "license", "author", "stdlib", "pypi", "pypi_publish"];
        let Some(bound) = self.bind(call, &parameters, 0, false) else { return };
        for dropped in ["stdlib", "pypi", "pypi_publish"] {
            if let Some(value) = bound.get(dropped) {
                self.warn(
                    format!("`{dropped}` is dropped: it only matters when publishing packages"),
                    value.span.clone(),
                );
            }
        }
        let mut lines = Vec::new();
        for key in ["version", "description", "license", "author"] {
            if let Some(value) = bound.get(key).cloned() {
                let Some(text) = self.string(&value, key) else { return };
                lines.push(format!("{key} = {}", toml_string(&text)));
            }
        }
        self.push_block(call, "[metadata]", lines);
    }
}

/// A TOML basic string.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            character if (character as u32) < 0x20 || character as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04x}", character as u32))
            }
            character => out.push(character),
        }
    }
    out.push('"');
    out
}
