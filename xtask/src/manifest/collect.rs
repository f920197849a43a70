//! The entry kinds: what `[[include]]`, `[[require]]`, `[[library]]`,
//! `[[module]]`, `[[package]]`, `[[freeze]]` and `[[resources]]` add.
//!
//! Each function checks its entry strictly (missing files and directories,
//! empty packages, wrong extensions, source modules on a board without a
//! compiler) and reports the problem at the value that caused it. Directory
//! walks are sorted by file name and skip hidden entries and `__pycache__`.

use std::path::{Path, PathBuf};

use toml::Spanned;
use walkdir::WalkDir;

use super::diagnostics::ManifestError;
use super::names::check_resource_name;
use super::resolve::{check_opt, expand, LibraryDir, ManifestScope, ModuleKind, ResolvedResource, Resolver};
use super::schema::{Freeze, FreezeKind, Include, Library, Module, Package, Require, Resources};

impl Resolver<'_> {
    /// A path value: variables expanded, relative to the manifest's folder.
    fn path_value(&self, scope: &ManifestScope, value: &Spanned<String>) -> Result<PathBuf, ManifestError> {
        let expanded = expand(&scope.file, &scope.vars, value)?;
        Ok(scope.file.dir().join(expanded))
    }

    /// A value that becomes part of a module name: variables are not allowed.
    fn name_value<'v>(
        &self,
        scope: &ManifestScope,
        value: &'v Spanned<String>,
        field: &str,
    ) -> Result<&'v str, ManifestError> {
        let text = value.get_ref();
        if let Some(start) = text.find("${").or_else(|| text.find("$(")) {
            let span = scope.file.inner_span(value.span(), start..text.len());
            return scope.file.error(
                format!("variables are not allowed in `{field}`, which names the module; put them in `base_path`"),
                span,
            );
        }
        Ok(text.strip_prefix("./").unwrap_or(text))
    }

    /// The optimisation level of an entry: its own `opt`, else the file's, else 0.
    fn entry_opt(&self, scope: &ManifestScope, opt: Option<&Spanned<i64>>) -> Result<u8, ManifestError> {
        match opt {
            Some(opt) => check_opt(&scope.file, opt),
            None => Ok(scope.opt.unwrap_or(0)),
        }
    }

    /// Rejects freeze-as-source on a board whose runtime cannot compile.
    fn check_source_allowed(&self, scope: &ManifestScope, span: std::ops::Range<usize>) -> Result<(), ManifestError> {
        if self.board.has_compiler {
            return Ok(());
        }
        scope.file.error(
            format!("board `{}` has no compiler on the device, so it cannot freeze modules as source", self.board.name),
            span,
        )
    }

    fn missing(
        &self,
        scope: &ManifestScope,
        what: &str,
        path: &Path,
        span: std::ops::Range<usize>,
    ) -> Result<(), ManifestError> {
        scope.file.error(format!("{what} `{}` does not exist", self.display(path)), span)
    }

    pub(super) fn include(
        &mut self,
        scope: &mut ManifestScope,
        include: &Spanned<Include>,
    ) -> Result<(), ManifestError> {
        let include = include.get_ref();
        let mut path = self.path_value(scope, &include.path)?;
        if path.is_dir() {
            path = path.join("manifest.toml");
            if !path.is_file() {
                return scope.file.error(
                    format!("directory `{}` has no manifest.toml", self.display(path.parent().unwrap_or(&path))),
                    include.path.span(),
                );
            }
        } else if path.extension().is_some_and(|extension| extension == "py") {
            return scope.file.error(
                format!("`{}` is a manifest.py; convert it with `cargo xtask manifest convert`", self.display(&path)),
                include.path.span(),
            );
        } else if !path.is_file() {
            return self.missing(scope, "manifest", &path, include.path.span());
        }
        let options = include.options.as_ref().map(|options| (options.get_ref(), scope.file.location(options.span())));
        let what = format!("`{}` is included", self.display(&path));
        self.enter(scope, &path, include.path.span(), scope.frame, options, &what)
    }

    /// Processes an included or required manifest, unless it was processed
    /// already; reaching a manifest that is still open is a cycle. An error
    /// inside it gets a note naming this include or require (`what`), so a
    /// nested error shows the whole chain that led to it.
    pub(super) fn enter(
        &mut self,
        scope: &ManifestScope,
        path: &Path,
        span: std::ops::Range<usize>,
        frame: usize,
        options: Option<(&std::collections::BTreeMap<String, toml::Value>, super::diagnostics::Location)>,
        what: &str,
    ) -> Result<(), ManifestError> {
        let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if let Some(position) = self.stack.iter().position(|(open, _)| *open == canonical) {
            let mut chain: Vec<&str> = self.stack[position..].iter().map(|(_, display)| display.as_str()).collect();
            chain.push(&self.stack[position].1);
            return scope.file.error(format!("include cycle: {}", chain.join(" → ")), span);
        }
        if self.loaded.contains(&canonical) {
            return Ok(());
        }
        let site = scope.file.location(span);
        let note = format!("{what} at {}", site.position());
        // Errors the nested manifest recorded and went on from get the note too.
        let before = self.errors.len();
        let visited = self.visit_manifest(&canonical, frame, options);
        let nested: Vec<ManifestError> =
            self.errors.drain(before..).map(|error| error.with_note(note.clone(), None)).collect();
        self.errors.extend(nested);
        visited.map_err(|error| error.with_note(note, None))
    }

    pub(super) fn require(
        &mut self,
        scope: &mut ManifestScope,
        require: &Spanned<Require>,
    ) -> Result<(), ManifestError> {
        let require = require.get_ref();
        let name = require.name.get_ref();
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return scope.file.error(format!("`{name}` is not a package name"), require.name.span());
        }
        let searched: Vec<&LibraryDir> = match &require.library {
            Some(library) => match self.libraries.iter().find(|known| known.name == *library.get_ref()) {
                Some(known) => vec![known],
                None => {
                    let known: Vec<&str> = self.libraries.iter().map(|known| known.name.as_str()).collect();
                    return scope.file.error(
                        format!("unknown library `{}` (libraries: {})", library.get_ref(), known.join(", ")),
                        library.span(),
                    );
                }
            },
            None => self.libraries.iter().collect(),
        };
        let mut found = None;
        'libraries: for library in &searched {
            for search_root in package_search_roots(&library.path) {
                let hits = find_package(&search_root, name);
                if hits.len() > 1 {
                    let hits: Vec<String> = hits.iter().map(|hit| format!("`{}`", self.display(hit))).collect();
                    return scope.file.error(
                        format!("package `{name}` is ambiguous in library `{}`: {}", library.name, hits.join(" and ")),
                        require.name.span(),
                    );
                }
                if let Some(hit) = hits.into_iter().next() {
                    found = Some(hit);
                    break 'libraries;
                }
            }
        }
        let Some(manifest) = found else {
            let places: Vec<String> = searched
                .iter()
                .map(|library| format!("{} (`{}`)", library.name, self.display(&library.path)))
                .collect();
            let error = ManifestError::at(
                format!("package `{name}` not found in any library; searched {}", places.join(", ")),
                scope.file.location(require.name.span()),
            );
            // MicroPython searches a checkout's unix-ffi only when it is registered as a library.
            let in_unix_ffi = searched
                .iter()
                .filter(|library| package_search_roots(&library.path) != [library.path.clone()])
                .flat_map(|library| find_package(&library.path.join("unix-ffi"), name))
                .next();
            return Err(match in_unix_ffi {
                Some(found) => error.with_note(
                    format!(
                        "`{}` is in a unix-ffi folder, which is searched only when registered as a library of its own \
                         (`[[library]]` with its path, like MicroPython's `--unix-ffi`)",
                        self.display(&found)
                    ),
                    None,
                ),
                None => error,
            });
        };
        self.frames.push(super::resolve::Frame { package: Some(name.clone()), ..Default::default() });
        let frame = self.frames.len() - 1;
        let options = require.options.as_ref().map(|options| (options.get_ref(), scope.file.location(options.span())));
        let what = format!("`{name}` is required");
        self.enter(scope, &manifest, require.name.span(), frame, options, &what)
    }

    pub(super) fn add_library(
        &mut self,
        scope: &ManifestScope,
        library: &Spanned<Library>,
    ) -> Result<(), ManifestError> {
        let library = library.get_ref();
        let path = self.path_value(scope, &library.path)?;
        if !path.is_dir() {
            return self.missing(scope, "library directory", &path, library.path.span());
        }
        let path = path.canonicalize().unwrap_or(path);
        let name = library.name.get_ref().clone();
        if let Some(known) = self.libraries.iter().find(|known| known.name == name) {
            if known.path == path {
                return Ok(());
            }
            return scope.file.error(
                format!("library `{name}` is already registered at `{}`", self.display(&known.path)),
                library.name.span(),
            );
        }
        let entry = LibraryDir { name, path };
        if library.prepend {
            self.libraries.insert(0, entry);
        } else {
            self.libraries.push(entry);
        }
        Ok(())
    }

    pub(super) fn module(&mut self, scope: &ManifestScope, module: &Spanned<Module>) -> Result<(), ManifestError> {
        let module = module.get_ref();
        let target = self.name_value(scope, &module.path, "path")?.to_string();
        if !target.ends_with(".py") {
            return scope.file.error("module path must end in `.py`", module.path.span());
        }
        let base = match &module.base_path {
            Some(base_path) => self.path_value(scope, base_path)?,
            None => scope.file.dir().to_path_buf(),
        };
        let file = base.join(&target);
        if !file.is_file() {
            return self.missing(scope, "file", &file, module.path.span());
        }
        let kind = match &module.source {
            Some(source) if *source.get_ref() => {
                self.check_source_allowed(scope, source.span())?;
                if let Some(opt) = &module.opt {
                    return scope.file.error("opt has no effect on a module frozen as source", opt.span());
                }
                ModuleKind::Source
            }
            _ => ModuleKind::Compile { opt: self.entry_opt(scope, module.opt.as_ref())? },
        };
        let origin = scope.file.location(module.path.span());
        self.add_module(target, canonical(&file), kind, origin, scope.frame)
    }

    pub(super) fn package(&mut self, scope: &ManifestScope, package: &Spanned<Package>) -> Result<(), ManifestError> {
        let package = package.get_ref();
        let package_name = self.name_value(scope, &package.path, "path")?.trim_end_matches('/').to_string();
        let base = match &package.base_path {
            Some(base_path) => self.path_value(scope, base_path)?,
            None => scope.file.dir().to_path_buf(),
        };
        let directory = base.join(&package_name);
        if !directory.is_dir() {
            return self.missing(scope, "package directory", &directory, package.path.span());
        }
        let kind = match &package.source {
            Some(source) if *source.get_ref() => {
                self.check_source_allowed(scope, source.span())?;
                if let Some(opt) = &package.opt {
                    return scope.file.error("opt has no effect on a package frozen as source", opt.span());
                }
                ModuleKind::Source
            }
            _ => ModuleKind::Compile { opt: self.entry_opt(scope, package.opt.as_ref())? },
        };
        let origin = scope.file.location(package.path.span());
        let files: Vec<(String, PathBuf, std::ops::Range<usize>)> = match &package.files {
            Some(files) => {
                if files.get_ref().is_empty() {
                    return scope
                        .file
                        .error("`files` is empty; leave it out to take every .py in the package", files.span());
                }
                let mut listed = Vec::new();
                for file in files.get_ref() {
                    let relative = self.name_value(scope, file, "files")?;
                    if !relative.ends_with(".py") {
                        return scope.file.error("package files must end in `.py`", file.span());
                    }
                    let path = directory.join(relative);
                    if !path.is_file() {
                        return self.missing(scope, "file", &path, file.span());
                    }
                    listed.push((relative.to_string(), path, file.span()));
                }
                listed
            }
            None => walk_files(&directory, |name| name.ends_with(".py"))
                .into_iter()
                .map(|(relative, path)| (relative, path, package.path.span()))
                .collect(),
        };
        if files.is_empty() {
            return scope.file.error(
                format!("package `{package_name}` has no .py files in `{}`", self.display(&directory)),
                package.path.span(),
            );
        }
        for (relative, path, span) in files {
            let target = join_target(&package_name, &relative);
            let origin = if package.files.is_some() { scope.file.location(span) } else { origin.clone() };
            self.add_module(target, canonical(&path), kind, origin, scope.frame)?;
        }
        Ok(())
    }

    pub(super) fn freeze(&mut self, scope: &ManifestScope, freeze: &Spanned<Freeze>) -> Result<(), ManifestError> {
        let freeze = freeze.get_ref();
        let directory = self.path_value(scope, &freeze.path)?;
        if !directory.is_dir() {
            return self.missing(scope, "directory", &directory, freeze.path.span());
        }
        let kind = freeze.kind.as_ref().map_or(FreezeKind::Auto, |kind| *kind.get_ref());
        if let (Some(opt), FreezeKind::Mpy | FreezeKind::Source) = (&freeze.opt, kind) {
            let what = if kind == FreezeKind::Mpy { ".mpy files" } else { "modules frozen as source" };
            return scope.file.error(format!("opt has no effect on {what}"), opt.span());
        }
        if kind == FreezeKind::Source {
            let span = freeze.kind.as_ref().map_or(freeze.path.span(), |kind| kind.span());
            self.check_source_allowed(scope, span)?;
        }
        let opt = self.entry_opt(scope, freeze.opt.as_ref())?;
        let accepts = move |name: &str| match kind {
            FreezeKind::Auto => name.ends_with(".py") || name.ends_with(".mpy"),
            FreezeKind::Py | FreezeKind::Source => name.ends_with(".py"),
            FreezeKind::Mpy => name.ends_with(".mpy"),
        };
        let wanted = match kind {
            FreezeKind::Auto => "a .py or .mpy file",
            FreezeKind::Py | FreezeKind::Source => "a .py file",
            FreezeKind::Mpy => "a .mpy file",
        };
        let mut files: Vec<(String, PathBuf, std::ops::Range<usize>)> = Vec::new();
        match &freeze.script {
            None => {
                files.extend(
                    walk_files(&directory, accepts)
                        .into_iter()
                        .map(|(relative, path)| (relative, path, freeze.path.span())),
                );
            }
            Some(scripts) => {
                for script in &scripts.get_ref().0 {
                    // A single-string `script` has no span of its own; use the key's.
                    let span = if script.span().is_empty() { scripts.span() } else { script.span() };
                    let relative = self.name_value(scope, script, "script")?.trim_end_matches('/').to_string();
                    let path = directory.join(&relative);
                    if path.is_dir() {
                        let found = walk_files(&path, accepts);
                        files.extend(
                            found.into_iter().map(|(inner, path)| (join_target(&relative, &inner), path, span.clone())),
                        );
                    } else if !path.is_file() {
                        return self.missing(scope, "file", &path, span);
                    } else if !accepts(&relative) {
                        return scope.file.error(format!("`{relative}` is not {wanted}"), span);
                    } else {
                        files.push((relative, path, span));
                    }
                }
            }
        }
        if files.is_empty() {
            return scope.file.error(
                format!(
                    "nothing to freeze: `{}` has no {}",
                    self.display(&directory),
                    &wanted[2..].replace("file", "files")
                ),
                freeze.path.span(),
            );
        }
        for (target, path, span) in files {
            let module_kind = if target.ends_with(".mpy") {
                ModuleKind::Mpy
            } else if kind == FreezeKind::Source {
                ModuleKind::Source
            } else {
                ModuleKind::Compile { opt }
            };
            self.add_module(target, canonical(&path), module_kind, scope.file.location(span), scope.frame)?;
        }
        Ok(())
    }

    pub(super) fn resources(
        &mut self,
        scope: &ManifestScope,
        resources: &Spanned<Resources>,
    ) -> Result<(), ManifestError> {
        let resources = resources.get_ref();
        let path = self.path_value(scope, &resources.path)?;
        let prefix = match &resources.prefix {
            Some(prefix) => {
                let text = prefix.get_ref().trim_matches('/');
                if !text.is_empty() {
                    check_resource_name(text).or_else(|message| scope.file.error(message, prefix.span()))?;
                }
                text.to_string()
            }
            None => String::new(),
        };
        let files: Vec<(String, PathBuf)> = if path.is_dir() {
            walk_files(&path, |_| true)
        } else if path.is_file() {
            let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            vec![(file_name, path.clone())]
        } else {
            return self.missing(scope, "resource path", &path, resources.path.span());
        };
        if files.is_empty() {
            return scope
                .file
                .error(format!("resource directory `{}` is empty", self.display(&path)), resources.path.span());
        }
        let origin = scope.file.location(resources.path.span());
        for (relative, file) in files {
            let name = join_target(&prefix, &relative);
            check_resource_name(&name).map_err(|message| ManifestError::at(message, origin.clone()))?;
            let file = canonical(&file);
            if let Some(&index) = self.resource_index.get(&name) {
                let first = &self.resources[index];
                if first.source_path == file {
                    continue;
                }
                return Err(ManifestError::at(
                    format!(
                        "resource `{name}` comes from two files: `{}` and `{}`",
                        self.display(&first.source_path),
                        self.display(&file)
                    ),
                    origin,
                )
                .with_note(format!("`{name}` first added here"), Some(first.origin.clone())));
            }
            self.resource_index.insert(name.clone(), self.resources.len());
            self.resources.push(ResolvedResource { name, source_path: file, origin: origin.clone() });
        }
        Ok(())
    }
}

/// `prefix/relative`, or just `relative` when the prefix is empty or `.`.
fn join_target(prefix: &str, relative: &str) -> String {
    let prefix = prefix.trim_end_matches('/');
    if prefix.is_empty() || prefix == "." {
        relative.to_string()
    } else {
        format!("{prefix}/{relative}")
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Every file under `directory` whose name `accepts`, as (`/`-separated
/// relative path, full path), sorted. Hidden entries and `__pycache__` are skipped.
fn walk_files(directory: &Path, accepts: impl Fn(&str) -> bool) -> Vec<(String, PathBuf)> {
    let walker = WalkDir::new(directory).sort_by_file_name().min_depth(1).into_iter().filter_entry(|entry| {
        let name = entry.file_name().to_string_lossy();
        !name.starts_with('.') && name != "__pycache__"
    });
    let mut files = Vec::new();
    for entry in walker.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy();
        if !entry.path().is_file() || !accepts(&name) {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(directory) else {
            continue;
        };
        let relative: Vec<String> =
            relative.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
        files.push((relative.join("/"), entry.path().to_path_buf()));
    }
    files
}

/// The top-level folders of a micropython-lib checkout that `require`
/// searches, in MicroPython's order (`BASE_LIBRARY_NAMES` in its
/// `tools/manifestfile.py`). `unix-ffi` is not among them: MicroPython only
/// searches it when it is registered as a library of its own.
pub const MICROPYTHON_LIB_FOLDERS: [&str; 3] = ["micropython", "python-stdlib", "python-ecosys"];

/// Where `require` looks inside a library, in order: the micropython-lib
/// folders when the library is such a checkout (it has at least one of them
/// and no manifest of its own), otherwise the whole library.
pub(super) fn package_search_roots(library: &Path) -> Vec<PathBuf> {
    if library.join("manifest.toml").is_file() || library.join("manifest.py").is_file() {
        return vec![library.to_path_buf()];
    }
    let folders: Vec<PathBuf> =
        MICROPYTHON_LIB_FOLDERS.iter().map(|folder| library.join(folder)).filter(|folder| folder.is_dir()).collect();
    if folders.is_empty() {
        vec![library.to_path_buf()]
    } else {
        folders
    }
}

/// The manifest of every directory named `name` inside `search_root`, in
/// sorted depth-first order: its `manifest.toml`, or else its `manifest.py`.
fn find_package(search_root: &Path, name: &str) -> Vec<PathBuf> {
    let walker = WalkDir::new(search_root).sort_by_file_name().min_depth(0).into_iter().filter_entry(|entry| {
        let entry_name = entry.file_name().to_string_lossy();
        entry.file_type().is_dir() && !entry_name.starts_with('.')
    });
    walker
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy() == name)
        .filter_map(|entry| {
            ["manifest.toml", "manifest.py"].iter().map(|file| entry.path().join(file)).find(|path| path.is_file())
        })
        .collect()
}
