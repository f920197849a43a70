//! Resolution: from a top-level `manifest.toml` to the ordered, deduplicated
//! list of frozen modules (plus resources, qstrs, the main module and the heap).
//!
//! The resolver walks the include tree depth first. Within a file, entries are
//! processed in the order they appear; directory walks are sorted, so the
//! result is the same on every machine. A manifest reached twice (by
//! `include` or `require`, compared by canonical path) is processed once, as in
//! MicroPython; a manifest reached again while it is still being processed is
//! an include cycle, reported with the chain of files.
//!
//! Metadata follows MicroPython's frames (spec §1.6): `require` starts a new
//! frame, `include` shares the includer's. A frame's `version` is appended as
//! `__version__` to every `.py` of that frame, so the effective source bytes
//! are computed here, once the whole tree is known.
//!
//! `[image]` cascades: the first value set wins, and a manifest's own `[image]`
//! is read before its entries, so the top-level manifest overrides the ones it
//! includes. The entry kinds themselves are collected in `collect.rs`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::diagnostics::{Location, ManifestError};
use super::names::{
    check_module_target, format_size, import_key, import_name, is_identifier, parse_heap_size, with_version_injected,
};
use super::schema::{Entry, ManifestDocument};
use super::vars::{is_var_name, normalize_lexically, slash_path, BoardContext, VarScope, BUILT_IN_VARS};

/// How a module is frozen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleKind {
    /// A `.py` compiled to bytecode at freeze time with this optimisation level.
    Compile { opt: u8 },
    /// A `.mpy` frozen as it is.
    Mpy,
    /// A `.py` frozen as source text and compiled on import.
    Source,
}

impl ModuleKind {
    /// A short description: `compile -O2`, `mpy`, `source`.
    pub fn describe(&self) -> String {
        match self {
            ModuleKind::Compile { opt } => format!("compile -O{opt}"),
            ModuleKind::Mpy => "mpy".to_string(),
            ModuleKind::Source => "source".to_string(),
        }
    }
}

/// One frozen module.
#[derive(Clone, Debug)]
pub struct ResolvedModule {
    /// The target path, `/`-separated with its extension: `pkg/mod.py`.
    pub name: String,
    /// The file it comes from (canonical).
    pub source_path: PathBuf,
    pub kind: ModuleKind,
    /// The manifest entry that added it.
    pub origin: Location,
    /// The version of its metadata frame, if any.
    pub version: Option<String>,
    /// The package whose `require` brought it in (`None` for the top-level
    /// manifest and what it includes).
    pub package: Option<String>,
    /// The bytes to freeze: the file, with `__version__` appended to `.py`
    /// sources when the frame has a version (spec §1.6). The freeze command
    /// reads this.
    pub source: Vec<u8>,
}

/// One non-Python file frozen into flash.
#[derive(Clone, Debug)]
pub struct ResolvedResource {
    /// Its name in flash: `prefix/relative/path`.
    pub name: String,
    pub source_path: PathBuf,
    pub origin: Location,
}

/// Everything a manifest tree resolves to.
#[derive(Clone, Debug, Default)]
pub struct ResolvedManifest {
    pub modules: Vec<ResolvedModule>,
    pub resources: Vec<ResolvedResource>,
    pub qstrs: Vec<String>,
    /// The import name of the module run at boot.
    pub main: Option<String>,
    /// The heap size in bytes.
    pub heap: Option<u32>,
    /// Every manifest file read, in processing order (canonical paths).
    #[allow(dead_code)]
    pub manifest_files: Vec<PathBuf>,
}

/// Resolves `manifest` (a `manifest.toml`, or a directory holding one) for
/// `board`. `root` is the repository root, against which paths are shown.
// The commands resolve with their `--lib` flags (`resolve_with_libraries`); the tests use this.
#[allow(dead_code)]
pub fn resolve(
    manifest: &Path,
    board: &BoardContext,
    root: &Path,
    command_line_vars: &BTreeMap<String, String>,
) -> Result<ResolvedManifest, ManifestError> {
    resolve_with_libraries(manifest, board, root, command_line_vars, &[])
}

/// Like `resolve`, with extra libraries from the command line (`--lib
/// NAME=PATH`), searched by `require` before the manifests' own and rime's.
/// `manifest` may also be a MicroPython `manifest.py` (or a directory holding
/// one and no `manifest.toml`), read statically.
pub fn resolve_with_libraries(
    manifest: &Path,
    board: &BoardContext,
    root: &Path,
    command_line_vars: &BTreeMap<String, String>,
    command_line_libraries: &[(String, PathBuf)],
) -> Result<ResolvedManifest, ManifestError> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut manifest_path = manifest.to_path_buf();
    if manifest_path.is_dir() {
        let python = manifest_path.join("manifest.py");
        manifest_path = manifest_path.join("manifest.toml");
        if !manifest_path.is_file() && python.is_file() {
            manifest_path = python;
        }
    }
    let Ok(manifest_path) = manifest_path.canonicalize() else {
        return Err(ManifestError::input(format!("manifest `{}` does not exist", manifest_path.display())));
    };
    let mut command_line = BTreeMap::new();
    let built_ins = VarScope::new(&root, board, &root, &BTreeMap::new());
    for (name, value) in command_line_vars {
        let expanded = built_ins
            .expand(value)
            .map_err(|(message, _)| ManifestError::input(format!("`--var {name}={value}`: {message}")))?;
        command_line.insert(name.clone(), expanded);
    }
    let mut libraries = Vec::new();
    for (name, path) in command_line_libraries {
        let Ok(path) = path.canonicalize() else {
            return Err(ManifestError::input(format!("`--lib {name}={}`: no such directory", path.display())));
        };
        if !path.is_dir() {
            return Err(ManifestError::input(format!("`--lib {name}={}`: not a directory", path.display())));
        }
        if name == "rime" || libraries.iter().any(|known: &LibraryDir| known.name == *name) {
            return Err(ManifestError::input(format!("`--lib {name}=…`: library `{name}` is given twice")));
        }
        libraries.push(LibraryDir { name: name.clone(), path });
    }
    libraries.push(LibraryDir { name: "rime".to_string(), path: root.join("manifests").join("lib") });
    let mut resolver = Resolver {
        board,
        root: root.clone(),
        command_line_vars: command_line,
        libraries,
        loaded: HashSet::new(),
        stack: Vec::new(),
        frames: vec![Frame::default()],
        modules: Vec::new(),
        module_index: HashMap::new(),
        package_dirs: HashMap::new(),
        resources: Vec::new(),
        resource_index: HashMap::new(),
        qstrs: Vec::new(),
        main: None,
        heap: None,
        manifest_files: Vec::new(),
        errors: Vec::new(),
    };
    let visited = resolver.visit_manifest(&manifest_path, 0, None);
    let mut errors = std::mem::take(&mut resolver.errors);
    errors.extend(visited.err());
    if !errors.is_empty() {
        // What `finish` checks (the main module, the files) may follow from
        // these errors, so it waits until they are fixed.
        return Err(ManifestError::collected(errors));
    }
    resolver.finish()
}

/// A manifest file's text and the name errors show for it.
pub(super) struct SourceFile {
    pub path: PathBuf,
    pub display: String,
    pub text: String,
}

impl SourceFile {
    pub fn location(&self, span: Range<usize>) -> Location {
        Location::from_span(&self.display, &self.text, span)
    }

    pub fn error<T>(&self, message: impl Into<String>, span: Range<usize>) -> Result<T, ManifestError> {
        Err(ManifestError::at(message, self.location(span)))
    }

    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }

    /// The byte range of the part `inner` of the string value at `span`, when
    /// the string is written without escapes (otherwise the whole string).
    pub fn inner_span(&self, span: Range<usize>, inner: Range<usize>) -> Range<usize> {
        let raw = self.text.get(span.clone()).unwrap_or("");
        let quote_width = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
        let body = raw.get(quote_width..raw.len().saturating_sub(quote_width)).unwrap_or("");
        if body.contains('\\') || inner.end > body.len() {
            return span;
        }
        span.start + quote_width + inner.start..span.start + quote_width + inner.end
    }
}

/// A registered library: a folder tree of packages for `require`.
pub(super) struct LibraryDir {
    pub name: String,
    pub path: PathBuf,
}

/// A metadata frame (spec §1.6): the top-level manifest, or one `require`d package.
#[derive(Default)]
pub(super) struct Frame {
    pub version: Option<String>,
    pub declared_at: Option<Location>,
    /// The name the package was required by (`None` for the top level).
    pub package: Option<String>,
}

/// A module before its frame's version is known.
pub(super) struct PendingModule {
    pub name: String,
    pub source_path: PathBuf,
    pub kind: ModuleKind,
    pub origin: Location,
    pub frame: usize,
}

/// What one manifest sees while its entries are processed.
pub(super) struct ManifestScope {
    pub file: SourceFile,
    pub vars: VarScope,
    pub options: BTreeMap<String, toml::Value>,
    pub opt: Option<u8>,
    pub frame: usize,
}

pub(super) struct Resolver<'a> {
    pub board: &'a BoardContext,
    pub root: PathBuf,
    pub command_line_vars: BTreeMap<String, String>,
    pub libraries: Vec<LibraryDir>,
    pub loaded: HashSet<PathBuf>,
    pub stack: Vec<(PathBuf, String)>,
    pub frames: Vec<Frame>,
    pub modules: Vec<PendingModule>,
    /// Import key (`a/b`) → index into `modules`.
    pub module_index: HashMap<String, usize>,
    /// Package directory (`a`, `a/b`) → index of the first module inside it.
    pub package_dirs: HashMap<String, usize>,
    pub resources: Vec<ResolvedResource>,
    pub resource_index: HashMap<String, usize>,
    pub qstrs: Vec<String>,
    pub main: Option<(String, Location)>,
    pub heap: Option<(u32, Location)>,
    pub manifest_files: Vec<PathBuf>,
    /// Errors that do not stop the resolution, so that one run reports them
    /// all (see [`Resolver::keep`]).
    pub errors: Vec<ManifestError>,
}

impl Resolver<'_> {
    /// Records an error that leaves the rest of the manifest meaningful (a
    /// bad entry, a bad setting) and carries on, as rustc does.
    fn keep<T>(&mut self, result: Result<T, ManifestError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    /// `path` relative to the root, `/`-separated (or absolute outside the root).
    pub fn display(&self, path: &Path) -> String {
        let path = normalize_lexically(path);
        match path.strip_prefix(&self.root) {
            Ok(relative) => slash_path(relative),
            Err(_) => slash_path(&path),
        }
    }

    /// Reads, parses and processes one manifest (its canonical `path`).
    pub fn visit_manifest(
        &mut self,
        path: &Path,
        frame: usize,
        passed: Option<(&BTreeMap<String, toml::Value>, Location)>,
    ) -> Result<(), ManifestError> {
        if path.extension().is_some_and(|extension| extension == "py") {
            return self.visit_python_manifest(path, frame);
        }
        let display = self.display(path);
        let text = super::diagnostics::read_manifest_text(path, &display)?;
        let file = SourceFile { path: path.to_path_buf(), display, text };
        let document: ManifestDocument = match toml::from_str(&file.text) {
            Ok(document) => document,
            Err(error) => return file.error(toml_message(error.message()), error.span().unwrap_or(0..0)),
        };
        self.loaded.insert(path.to_path_buf());
        self.manifest_files.push(path.to_path_buf());
        self.stack.push((path.to_path_buf(), file.display.clone()));
        let result = self.process(file, &document, frame, passed);
        self.stack.pop();
        result
    }

    fn process(
        &mut self,
        file: SourceFile,
        document: &ManifestDocument,
        frame: usize,
        passed: Option<(&BTreeMap<String, toml::Value>, Location)>,
    ) -> Result<(), ManifestError> {
        let mut vars = VarScope::new(&self.root, self.board, file.dir(), &self.command_line_vars);
        for (name, value) in &document.vars {
            if BUILT_IN_VARS.contains(&name.as_str()) {
                return file.error(format!("`{name}` is a built-in variable and cannot be redefined"), value.span());
            }
            if !is_var_name(name) {
                return file.error(format!("`{name}` is not a variable name"), value.span());
            }
            let expanded = expand(&file, &vars, value)?;
            vars.add_default(name, expanded);
        }
        // Variables and options change what every entry means, so their
        // errors stop here; from the settings on, each error is recorded and
        // the rest of the file still checked.
        let options = self.options(&file, document, passed)?;
        let opt = document.opt.as_ref().map(|opt| check_opt(&file, opt));
        let opt = opt.and_then(|checked| self.keep(checked));
        let mut scope = ManifestScope { file, vars, options, opt, frame };
        let image = self.read_image(&scope, document);
        self.keep(image);
        for qstr in &document.qstrs {
            if qstr.get_ref().is_empty() {
                let error = scope.file.error("a qstr cannot be empty", qstr.span());
                self.keep::<()>(error);
            } else if !self.qstrs.contains(qstr.get_ref()) {
                self.qstrs.push(qstr.get_ref().clone());
            }
        }
        let metadata = self.read_metadata(&scope, document);
        self.keep(metadata);
        for library in &document.library {
            let added = self.add_library(&scope, library);
            self.keep(added);
        }
        for entry in Entry::all_in_file_order(document) {
            let when = self.when(&scope, entry.when());
            if !self.keep(when).unwrap_or(false) {
                continue;
            }
            let added = match entry {
                Entry::Include(include) => self.include(&mut scope, include),
                Entry::Require(require) => self.require(&mut scope, require),
                Entry::Module(module) => self.module(&scope, module),
                Entry::Package(package) => self.package(&scope, package),
                Entry::Freeze(freeze) => self.freeze(&scope, freeze),
                Entry::Resources(resources) => self.resources(&scope, resources),
            };
            self.keep(added);
        }
        Ok(())
    }

    /// The manifest's `[options]` defaults, overridden by the options its includer passed.
    fn options(
        &self,
        file: &SourceFile,
        document: &ManifestDocument,
        passed: Option<(&BTreeMap<String, toml::Value>, Location)>,
    ) -> Result<BTreeMap<String, toml::Value>, ManifestError> {
        let mut options: BTreeMap<String, toml::Value> =
            document.options.iter().map(|(name, value)| (name.clone(), value.get_ref().clone())).collect();
        let Some((passed, site)) = passed else {
            return Ok(options);
        };
        for (name, value) in passed {
            let Some(default) = options.get(name) else {
                let declared: Vec<&str> = options.keys().map(String::as_str).collect();
                let declared = if declared.is_empty() {
                    "it declares none".to_string()
                } else {
                    format!("it declares {}", declared.join(", "))
                };
                return Err(ManifestError::at(format!("`{}` has no option `{name}` ({declared})", file.display), site));
            };
            if default.type_str() != value.type_str() {
                return Err(ManifestError::at(
                    format!(
                        "option `{name}` of `{}` takes {} like its default, not {}",
                        file.display,
                        with_article(default.type_str()),
                        with_article(value.type_str())
                    ),
                    site,
                ));
            }
            options.insert(name.clone(), value.clone());
        }
        Ok(options)
    }

    /// Evaluates an entry's `when = "option"` (or `"!option"`).
    fn when(&self, scope: &ManifestScope, when: Option<&Spanned<String>>) -> Result<bool, ManifestError> {
        let Some(when) = when else {
            return Ok(true);
        };
        let (negated, name) = match when.get_ref().strip_prefix('!') {
            Some(name) => (true, name),
            None => (false, when.get_ref().as_str()),
        };
        let Some(value) = scope.options.get(name) else {
            return scope
                .file
                .error(format!("`when` names `{name}`, which is not declared in `[options]`"), when.span());
        };
        let truthy = match value {
            toml::Value::Boolean(flag) => *flag,
            toml::Value::Integer(number) => *number != 0,
            toml::Value::String(text) => !text.is_empty(),
            toml::Value::Array(items) => !items.is_empty(),
            _ => true,
        };
        Ok(truthy != negated)
    }

    fn read_image(&mut self, scope: &ManifestScope, document: &ManifestDocument) -> Result<(), ManifestError> {
        let Some(image) = &document.image else {
            return Ok(());
        };
        if let Some(main) = &image.main {
            if !main.get_ref().split('.').all(is_identifier) {
                return scope
                    .file
                    .error(format!("main module `{}` is not a dotted module name", main.get_ref()), main.span());
            }
            if self.main.is_none() {
                self.main = Some((main.get_ref().clone(), scope.file.location(main.span())));
            }
        }
        if let Some(heap) = &image.heap {
            let bytes = parse_heap_size(heap.get_ref()).or_else(|message| scope.file.error(message, heap.span()))?;
            if let Some(max_heap) = self.board.max_heap {
                if bytes > max_heap {
                    return scope.file.error(
                        format!(
                            "heap {} is larger than board `{}` allows ({})",
                            format_size(bytes),
                            self.board.name,
                            format_size(max_heap)
                        ),
                        heap.span(),
                    );
                }
            }
            if self.heap.is_none() {
                self.heap = Some((bytes, scope.file.location(heap.span())));
            }
        }
        Ok(())
    }

    fn read_metadata(&mut self, scope: &ManifestScope, document: &ManifestDocument) -> Result<(), ManifestError> {
        let Some(metadata) = &document.metadata else {
            return Ok(());
        };
        let location = scope.file.location(metadata.span());
        if let Some(first) = &self.frames[scope.frame].declared_at {
            return Err(ManifestError::at(
                "`[metadata]` given twice for one package (an included manifest shares its includer's metadata)",
                location,
            )
            .with_note("the first `[metadata]` is here", Some(first.clone())));
        }
        if let Some(version) = &metadata.get_ref().version {
            if version.get_ref().trim().is_empty() {
                return scope.file.error("`version` cannot be empty", version.span());
            }
            self.frames[scope.frame].version = Some(version.get_ref().clone());
        }
        self.frames[scope.frame].declared_at = Some(location);
        Ok(())
    }

    /// Adds a module, or skips an exact duplicate; conflicting duplicates are errors.
    pub fn add_module(
        &mut self,
        name: String,
        source_path: PathBuf,
        kind: ModuleKind,
        origin: Location,
        frame: usize,
    ) -> Result<(), ManifestError> {
        check_module_target(&name).map_err(|message| ManifestError::at(message, origin.clone()))?;
        let key = import_key(&name).to_string();
        if let Some(&index) = self.module_index.get(&key) {
            let first = &self.modules[index];
            if first.source_path == source_path && first.name == name {
                if first.kind == kind {
                    return Ok(());
                }
                return Err(ManifestError::at(
                    format!(
                        "module `{name}` is added twice with different settings ({} and {})",
                        first.kind.describe(),
                        kind.describe()
                    ),
                    origin,
                )
                .with_note("first added here", Some(first.origin.clone())));
            }
            return Err(ManifestError::at(
                format!(
                    "module `{}` comes from two files: `{}` and `{}`",
                    import_name(&name),
                    self.display(&first.source_path),
                    self.display(&source_path)
                ),
                origin,
            )
            .with_note(format!("`{}` first added here", first.name), Some(first.origin.clone())));
        }
        if let Some(&index) = self.package_dirs.get(&key) {
            let first = &self.modules[index];
            return Err(self.shadow_error(&key, &name, origin, first));
        }
        let parts: Vec<&str> = key.split('/').collect();
        for length in 1..parts.len() {
            let directory = parts[..length].join("/");
            if let Some(&index) = self.module_index.get(&directory) {
                let first = &self.modules[index];
                return Err(self.shadow_error(&directory, &name, origin, first));
            }
        }
        let index = self.modules.len();
        for length in 1..parts.len() {
            self.package_dirs.entry(parts[..length].join("/")).or_insert(index);
        }
        self.module_index.insert(key, index);
        self.modules.push(PendingModule { name, source_path, kind, origin, frame });
        Ok(())
    }

    fn shadow_error(&self, directory: &str, name: &str, origin: Location, first: &PendingModule) -> ManifestError {
        ManifestError::at(
            format!(
                "`{name}` and `{}` clash: the package `{directory}/` would hide the module `{directory}`",
                first.name
            ),
            origin,
        )
        .with_note(format!("`{}` added here", first.name), Some(first.origin.clone()))
    }

    /// Checks the main module and computes every module's effective bytes.
    fn finish(self) -> Result<ResolvedManifest, ManifestError> {
        let main = match self.main {
            Some((main, location)) => {
                if !self.modules.iter().any(|module| import_name(&module.name) == main) {
                    return Err(ManifestError::at(
                        format!("main module `{main}` is not frozen by this manifest"),
                        location,
                    ));
                }
                Some(main)
            }
            None => None,
        };
        let mut modules = Vec::with_capacity(self.modules.len());
        for pending in self.modules {
            let display = normalize_lexically(&pending.source_path);
            let bytes = std::fs::read(&pending.source_path)
                .map_err(|error| ManifestError::input(format!("cannot read `{}`: {error}", display.display())))?;
            let version = self.frames[pending.frame].version.clone();
            let package = self.frames[pending.frame].package.clone();
            let source = match pending.kind {
                ModuleKind::Mpy => bytes,
                ModuleKind::Compile { .. } | ModuleKind::Source => with_version_injected(bytes, version.as_deref()),
            };
            modules.push(ResolvedModule {
                name: pending.name,
                source_path: pending.source_path,
                kind: pending.kind,
                origin: pending.origin,
                version,
                package,
                source,
            });
        }
        Ok(ResolvedManifest {
            modules,
            resources: self.resources,
            qstrs: self.qstrs,
            main,
            heap: self.heap.map(|(bytes, _)| bytes),
            manifest_files: self.manifest_files,
        })
    }
}

/// Expands the variables in a string value, pointing errors at the `${…}`.
pub(super) fn expand(file: &SourceFile, vars: &VarScope, value: &Spanned<String>) -> Result<String, ManifestError> {
    vars.expand(value.get_ref()).or_else(|(message, inner)| file.error(message, file.inner_span(value.span(), inner)))
}

/// "an integer", "a string".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}

/// The toml crate's message on one line, with Rust type names in words.
fn toml_message(message: &str) -> String {
    let one_line: Vec<&str> = message.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    one_line
        .join(": ")
        .replace("expected i64", "expected an integer")
        .replace("expected a boolean", "expected true or false")
}

/// Checks an `opt` value: 0 to 3.
pub(super) fn check_opt(file: &SourceFile, opt: &Spanned<i64>) -> Result<u8, ManifestError> {
    match u8::try_from(*opt.get_ref()) {
        Ok(level) if level <= 3 => Ok(level),
        _ => file.error(format!("opt must be 0, 1, 2 or 3, not {}", opt.get_ref()), opt.span()),
    }
}
