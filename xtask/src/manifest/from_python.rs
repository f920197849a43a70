//! Resolving a MicroPython `manifest.py` in place, without running it.
//!
//! A package found by `require` (a micropython-lib checkout is the usual
//! library) or reached by `include` may describe itself with a `manifest.py`
//! instead of a `manifest.toml`. This file reads it with the same static
//! reader as `cargo xtask manifest convert` (`python.rs`) and applies its calls
//! with MicroPython's meaning (`tools/manifestfile.py`): paths are relative to
//! the manifest's folder, `require` opens a new metadata frame and `include`
//! shares the includer's, `metadata(version=…)` sets the frame's version, which
//! becomes `__version__` in every compiled `.py` of the frame. Each call is
//! turned into the matching `manifest.toml` entry, with spans that point into
//! the `manifest.py`, and handed to the same entry code (`collect.rs`), so the
//! checks and the error messages are the ones a `manifest.toml` gets.
//!
//! A manifest that contains anything the reader cannot express (a conditional,
//! a loop, `options.x`, a computed argument) is refused as a whole, before any
//! of its calls take effect, with the position of the first such statement.
//! Keyword arguments of `require` and `include` other than MicroPython's own
//! are options: a `manifest.toml` checks them against its `[options]`, and a
//! `manifest.py` ignores them, since it could only read them through
//! `options`, which the reader refuses.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned as TomlSpanned;

use super::collect::{package_search_roots, MICROPYTHON_LIB_FOLDERS};
use super::diagnostics::ManifestError;
use super::python::{self, Call, Item, Keyword, Spanned, Value};
use super::resolve::{ManifestScope, Resolver, SourceFile};
use super::schema::{Freeze, FreezeKind, Library, Module, Package, Require, Scripts};
use super::vars::{slash_path, toml_var_name, VarScope};

/// The note under every "cannot read" error.
const READER_NOTE: &str = "rime reads a manifest.py without running it, so only top-level calls with literal \
                           arguments are understood; a manifest.toml beside it is used instead \
                           (`cargo xtask manifest convert` writes one)";

/// A call's arguments matched to parameter names, and the keywords left over.
struct Bound {
    values: BTreeMap<&'static str, Spanned>,
    extra: Vec<Keyword>,
}

impl Bound {
    fn get(&self, parameter: &str) -> Option<&Spanned> {
        self.values.get(parameter).filter(|value| value.value != Value::None)
    }
}

impl Resolver<'_> {
    /// Reads, checks and applies one `manifest.py` (its canonical `path`) in `frame`.
    pub(super) fn visit_python_manifest(&mut self, path: &Path, frame: usize) -> Result<(), ManifestError> {
        let display = self.display(path);
        let text = super::diagnostics::read_manifest_text(path, &display)?;
        let file = SourceFile { path: path.to_path_buf(), display: display.clone(), text };
        self.loaded.insert(path.to_path_buf());
        self.manifest_files.push(path.to_path_buf());
        self.stack.push((path.to_path_buf(), display));
        let result = self.process_python(file, frame);
        self.stack.pop();
        result
    }

    fn process_python(&mut self, file: SourceFile, frame: usize) -> Result<(), ManifestError> {
        let items = python::parse(&file.text);
        for item in &items {
            if let Item::Unsupported { message, span } = item {
                let message = message.replace("cannot be converted", "cannot be read").replace("converted", "read");
                return Err(ManifestError::at(message, file.location(span.clone())).with_note(READER_NOTE, None));
            }
        }
        let mut vars = VarScope::new(&self.root, self.board, file.dir(), &self.command_line_vars);
        let checkout = micropython_lib_checkout(&file.path).or_else(|| {
            let libraries = self.libraries.iter();
            libraries.map(|library| library.path.clone()).find(|path| package_search_roots(path) != [path.clone()])
        });
        if let Some(checkout) = checkout {
            vars.add_default("MPY_LIB_DIR", slash_path(&checkout));
        }
        let mut scope = ManifestScope { file, vars, options: BTreeMap::new(), opt: None, frame };
        for item in &items {
            if let Item::Call(call) = item {
                self.python_call(&mut scope, call)?;
            }
        }
        Ok(())
    }

    fn python_call(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        match call.function.as_str() {
            "metadata" => self.python_metadata(scope, call),
            "require" => self.python_require(scope, call),
            "include" => self.python_include(scope, call),
            "module" => self.python_module(scope, call),
            "package" => self.python_package(scope, call),
            "add_library" => self.python_add_library(scope, call),
            "freeze" => self.python_freeze(scope, call, FreezeKind::Auto),
            "freeze_as_mpy" => self.python_freeze(scope, call, FreezeKind::Py),
            "freeze_mpy" => self.python_freeze(scope, call, FreezeKind::Mpy),
            "freeze_as_str" => self.python_freeze(scope, call, FreezeKind::Source),
            "c_module" => scope.file.error("`c_module()` is not supported: rime has no C modules", span_of(call)),
            other => scope.file.error(format!("`{other}()` is not a manifest function"), span_of(call)),
        }
    }

    /// `metadata(description, version, license, author, stdlib, pypi, pypi_publish)`.
    fn python_metadata(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let parameters = ["description", "version", "license", "author", "stdlib", "pypi", "pypi_publish"];
        let bound = bind(&scope.file, call, &parameters, 0, false)?;
        // MicroPython's `metadata()` without arguments only reads the metadata.
        if call.positional.is_empty() && call.keywords.is_empty() {
            return Ok(());
        }
        let location = scope.file.location(span_of(call));
        if let Some(first) = &self.frames[scope.frame].declared_at {
            return Err(ManifestError::at(
                "duplicate call to `metadata()` for one package (an included manifest shares its includer's metadata)",
                location,
            )
            .with_note("the first call is here", Some(first.clone())));
        }
        for key in ["description", "version", "license", "author", "pypi", "pypi_publish"] {
            if let Some(value) = bound.get(key) {
                string(&scope.file, value, key)?;
            }
        }
        if let Some(version) = bound.get("version") {
            let version = string(&scope.file, version, "version")?;
            // MicroPython adds `__version__` only for a non-empty version.
            if !version.get_ref().is_empty() {
                self.frames[scope.frame].version = Some(version.into_inner());
            }
        }
        self.frames[scope.frame].declared_at = Some(location);
        Ok(())
    }

    /// `require(name, version=None, pypi=None, library=None, **options)`.
    fn python_require(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let bound = bind(&scope.file, call, &["name", "version", "pypi", "library"], 1, true)?;
        let name = required(&scope.file, &bound, call, "name")?;
        let name = string(&scope.file, name, "name")?;
        let library = bound.get("library").map(|library| string(&scope.file, library, "library")).transpose()?;
        let options = options_table(&scope.file, &bound.extra)?;
        let require = Require { name, library, options, when: None };
        self.require(scope, &TomlSpanned::new(span_of(call), require))
    }

    /// `include(manifest_path, **options)`: a file, a folder holding a
    /// manifest, or a list of them.
    fn python_include(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let bound = bind(&scope.file, call, &["manifest_path"], 1, true)?;
        let argument = required(&scope.file, &bound, call, "manifest_path")?;
        let items: Vec<Spanned> = match &argument.value {
            Value::List(items) => items.clone(),
            _ => vec![argument.clone()],
        };
        let options = options_table(&scope.file, &bound.extra)?;
        for item in &items {
            let text = path_string(&scope.file, item, "manifest_path")?;
            let expanded = super::resolve::expand(&scope.file, &scope.vars, &text)?;
            let mut path = scope.file.dir().join(expanded);
            if path.is_dir() {
                let toml = path.join("manifest.toml");
                path = if toml.is_file() { toml } else { path.join("manifest.py") };
            }
            if !path.is_file() {
                return scope
                    .file
                    .error(format!("manifest `{}` does not exist", self.display(&path)), item.span.clone());
            }
            let passed = options.as_ref().map(|options| (options.get_ref(), scope.file.location(options.span())));
            let what = format!("`{}` is included", self.display(&path));
            self.enter(scope, &path, item.span.clone(), scope.frame, passed, &what)?;
        }
        Ok(())
    }

    /// `module(module_path, base_path=".", opt=None)`.
    fn python_module(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let bound = bind(&scope.file, call, &["module_path", "base_path", "opt"], 1, false)?;
        let path = string(&scope.file, required(&scope.file, &bound, call, "module_path")?, "module_path")?;
        let base_path = base_path(&scope.file, &bound)?;
        let opt = bound.get("opt").map(|opt| integer(&scope.file, opt, "opt")).transpose()?;
        let module = Module { path, base_path, opt, source: None, when: None };
        self.module(scope, &TomlSpanned::new(span_of(call), module))
    }

    /// `package(package_path, files=None, base_path=".", opt=None)`.
    fn python_package(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let bound = bind(&scope.file, call, &["package_path", "files", "base_path", "opt"], 1, false)?;
        let path = string(&scope.file, required(&scope.file, &bound, call, "package_path")?, "package_path")?;
        let files = match bound.get("files") {
            None => None,
            Some(Spanned { value: Value::List(items), span }) => {
                let files: Result<Vec<_>, _> = items.iter().map(|item| string(&scope.file, item, "files")).collect();
                Some(TomlSpanned::new(span.clone(), files?))
            }
            Some(other) => {
                return scope.file.error("`files` must be a list or tuple of file names", other.span.clone())
            }
        };
        let base_path = base_path(&scope.file, &bound)?;
        let opt = bound.get("opt").map(|opt| integer(&scope.file, opt, "opt")).transpose()?;
        let package = Package { path, base_path, files, opt, source: None, when: None };
        self.package(scope, &TomlSpanned::new(span_of(call), package))
    }

    /// `add_library(library, library_path, prepend=False)`.
    fn python_add_library(&mut self, scope: &mut ManifestScope, call: &Call) -> Result<(), ManifestError> {
        let bound = bind(&scope.file, call, &["library", "library_path", "prepend"], 2, false)?;
        let name = string(&scope.file, required(&scope.file, &bound, call, "library")?, "library")?;
        let path = path_string(&scope.file, required(&scope.file, &bound, call, "library_path")?, "library_path")?;
        let prepend = match bound.get("prepend") {
            None => false,
            Some(Spanned { value: Value::Bool(flag), .. }) => *flag,
            Some(other) => return scope.file.error("`prepend` must be True or False", other.span.clone()),
        };
        let library = Library { name, path, prepend };
        self.add_library(scope, &TomlSpanned::new(span_of(call), library))
    }

    /// `freeze(path, script=None, opt=None)` and its variants; `freeze_as_str` takes only `path`.
    fn python_freeze(&mut self, scope: &mut ManifestScope, call: &Call, kind: FreezeKind) -> Result<(), ManifestError> {
        let parameters: &[&'static str] =
            if kind == FreezeKind::Source { &["path"] } else { &["path", "script", "opt"] };
        let bound = bind(&scope.file, call, parameters, 1, false)?;
        let path = path_string(&scope.file, required(&scope.file, &bound, call, "path")?, "path")?;
        let script = match bound.get("script") {
            None => None,
            Some(Spanned { value: Value::List(items), span }) => {
                let scripts: Result<Vec<_>, _> = items.iter().map(|item| string(&scope.file, item, "script")).collect();
                Some(TomlSpanned::new(span.clone(), Scripts(scripts?)))
            }
            Some(single) => {
                let script = string(&scope.file, single, "script")?;
                Some(TomlSpanned::new(single.span.clone(), Scripts(vec![script])))
            }
        };
        let opt = bound.get("opt").map(|opt| integer(&scope.file, opt, "opt")).transpose()?;
        let kind = Some(TomlSpanned::new(call.function_span.clone(), kind));
        let freeze = Freeze { path, script, kind, opt, when: None };
        self.freeze(scope, &TomlSpanned::new(span_of(call), freeze))
    }
}

/// The span errors about a whole call point at: the function's name.
fn span_of(call: &Call) -> Range<usize> {
    call.function_span.clone()
}

/// Matches positional and keyword arguments to `parameters`, the first
/// `required` of which must be given; other keywords are options when the
/// function `takes_options`, else errors.
fn bind(
    file: &SourceFile,
    call: &Call,
    parameters: &[&'static str],
    required: usize,
    takes_options: bool,
) -> Result<Bound, ManifestError> {
    let function = &call.function;
    let mut bound = Bound { values: BTreeMap::new(), extra: Vec::new() };
    for (index, value) in call.positional.iter().enumerate() {
        let Some(parameter) = parameters.get(index) else {
            let message = format!("`{function}()` takes at most {} positional arguments", parameters.len());
            return file.error(message, value.span.clone());
        };
        bound.values.insert(parameter, value.clone());
    }
    for keyword in &call.keywords {
        match parameters.iter().find(|parameter| **parameter == keyword.name) {
            Some(parameter) if bound.values.contains_key(parameter) => {
                return file.error(format!("argument `{}` is given twice", keyword.name), keyword.name_span.clone());
            }
            Some(parameter) => {
                bound.values.insert(parameter, keyword.value.clone());
            }
            None if takes_options => bound.extra.push(keyword.clone()),
            None => {
                let message = format!("`{function}()` has no argument `{}`", keyword.name);
                return file.error(message, keyword.name_span.clone());
            }
        }
    }
    for parameter in &parameters[..required] {
        if bound.get(parameter).is_none() {
            return file.error(format!("`{function}()` needs its `{parameter}` argument"), call.function_span.clone());
        }
    }
    Ok(bound)
}

/// A required argument (`bind` has checked that it is there).
fn required<'b>(
    file: &SourceFile,
    bound: &'b Bound,
    call: &Call,
    parameter: &str,
) -> Result<&'b Spanned, ManifestError> {
    match bound.get(parameter) {
        Some(value) => Ok(value),
        None => file.error(format!("`{}()` needs its `{parameter}` argument", call.function), span_of(call)),
    }
}

fn string(file: &SourceFile, value: &Spanned, what: &str) -> Result<TomlSpanned<String>, ManifestError> {
    match &value.value {
        Value::Str(text) => Ok(TomlSpanned::new(value.span.clone(), text.clone())),
        _ => file.error(format!("`{what}` must be a string"), value.span.clone()),
    }
}

fn integer(file: &SourceFile, value: &Spanned, what: &str) -> Result<TomlSpanned<i64>, ManifestError> {
    match &value.value {
        Value::Int(number) => Ok(TomlSpanned::new(value.span.clone(), *number)),
        _ => file.error(format!("`{what}` must be a number"), value.span.clone()),
    }
}

/// A path string with MicroPython's `$(VAR)` written as rime's `${var}`
/// (`$(PORT_DIR)` → `${port_dir}`, `$(MPY_LIB_DIR)` → `${MPY_LIB_DIR}`).
fn path_string(file: &SourceFile, value: &Spanned, what: &str) -> Result<TomlSpanned<String>, ManifestError> {
    let text = string(file, value, what)?;
    let mut out = String::new();
    let mut rest = text.get_ref().as_str();
    while let Some(start) = rest.find("$(") {
        out.push_str(&rest[..start]);
        let Some(length) = rest[start..].find(')') else {
            return file.error(format!("unclosed `$(` in `{what}`"), value.span.clone());
        };
        out.push_str(&format!("${{{}}}", toml_var_name(&rest[start + 2..start + length])));
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    Ok(TomlSpanned::new(value.span.clone(), out))
}

/// `base_path`, unless it is missing or `"."` (the manifest's own folder).
fn base_path(file: &SourceFile, bound: &Bound) -> Result<Option<TomlSpanned<String>>, ManifestError> {
    let Some(value) = bound.get("base_path") else {
        return Ok(None);
    };
    let path = path_string(file, value, "base_path")?;
    Ok(if path.get_ref() == "." { None } else { Some(path) })
}

/// The extra keywords of `require` or `include` as a `manifest.toml` options table.
fn options_table(
    file: &SourceFile,
    extra: &[Keyword],
) -> Result<Option<TomlSpanned<BTreeMap<String, toml::Value>>>, ManifestError> {
    let (Some(first), Some(last)) = (extra.first(), extra.last()) else {
        return Ok(None);
    };
    let mut table = BTreeMap::new();
    for keyword in extra {
        table.insert(keyword.name.clone(), toml_value(file, &keyword.value)?);
    }
    Ok(Some(TomlSpanned::new(first.name_span.start..last.value.span.end, table)))
}

fn toml_value(file: &SourceFile, value: &Spanned) -> Result<toml::Value, ManifestError> {
    Ok(match &value.value {
        Value::Str(text) => toml::Value::String(text.clone()),
        Value::Int(number) => toml::Value::Integer(*number),
        Value::Bool(flag) => toml::Value::Boolean(*flag),
        Value::List(items) => {
            toml::Value::Array(items.iter().map(|item| toml_value(file, item)).collect::<Result<_, _>>()?)
        }
        Value::None => {
            return file.error("`None` cannot be passed as an option; leave the option out", value.span.clone())
        }
    })
}

/// The micropython-lib checkout a manifest lies in: the nearest folder above
/// it that holds `micropython/` and `python-stdlib/`. `$(MPY_LIB_DIR)` means
/// this folder in that manifest (elsewhere: the first library that is a
/// checkout, as MicroPython's `MPY_LIB_DIR` is the checkout it searches).
fn micropython_lib_checkout(manifest: &Path) -> Option<PathBuf> {
    manifest
        .ancestors()
        .skip(1)
        .find(|folder| MICROPYTHON_LIB_FOLDERS[..2].iter().all(|name| folder.join(name).is_dir()))
        .map(Path::to_path_buf)
}
