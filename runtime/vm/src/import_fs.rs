//! Importing `.py` modules from the port's filesystem, searched as
//! MicroPython searches `sys.path` (`['', '.frozen', '/lib']`): the current
//! directory before the frozen image, `/lib` after it. Native modules come
//! first, as MicroPython's builtin modules do.
//!
//! A module found on the filesystem (`NAME.py`, else `NAME.mpy`, as
//! MicroPython looks) is read into a bytes object, compiled on the board
//! (feature `compiler`) with its path as the traceback's file name, or for
//! a `.mpy` file loaded into RAM (read in a compile arena on the boards), and run as a module whose
//! `__file__` is that path. Packages are found too (`NAME/__init__.py`
//! or `.mpy`, looked for before `NAME.py`), with `__path__` their folder. Without the compiler, or without a mounted
//! filesystem, nothing is found here and the import goes on as before.
//!
//! Filesystems written in Python (`vfs.mount(obj, "/point")`) are searched
//! first, through the `sys.path` entries inside them (`modules::vfs_user`).
//!
//! [`Vm::run_boot_scripts`] runs `boot.py` and then `main.py` from the root
//! of the filesystem, as MicroPython does at boot; a port calls it after
//! the frozen main module.

use crate::obj::{Obj, TypeId};
use crate::port::filesystem::{EntryKind, FsError};
use crate::vm::{Vm, R};
use crate::Outcome;

/// Where a search looks: before the frozen image or after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SearchStage {
    /// `''`: the current directory.
    BeforeFrozen,
    /// `'/lib'`.
    AfterFrozen,
}

impl Vm<'_> {
    /// The path of the module file `dotted` would be imported from at
    /// `stage`, if the filesystem is mounted and holds one, and whether it
    /// is a package's `__init__` file.
    fn module_file(&mut self, dotted: &[u8], stage: SearchStage) -> Option<(crate::modules::vfs::Path, bool)> {
        if !cfg!(feature = "compiler") {
            return None;
        }
        let mut relative = [0u8; 128];
        if dotted.len() + 13 > relative.len() {
            return None;
        }
        for (slot, &byte) in relative.iter_mut().zip(dotted) {
            *slot = if byte == b'.' { b'/' } else { byte };
        }
        let vfs = self.port.filesystem()?;
        if !vfs.volume.is_mounted() {
            return None;
        }
        let base: &[u8] = match stage {
            SearchStage::BeforeFrozen => vfs.state.cwd(),
            SearchStage::AfterFrozen => b"/lib",
        };
        // As MicroPython: a package (`NAME/__init__.py`, else `.mpy`) first,
        // then `NAME.py`, then `NAME.mpy`.
        let directory = crate::modules::vfs::Path::join(base, &relative[..dotted.len()]).ok()?;
        let package = matches!(vfs.volume.stat(directory.as_str()), Ok(entry) if entry.kind == EntryKind::Directory);
        let extensions: [&[u8]; 2] = if package { [b"/__init__.py", b"/__init__.mpy"] } else { [b".py", b".mpy"] };
        for extension in extensions {
            let len = dotted.len() + extension.len();
            relative[dotted.len()..len].copy_from_slice(extension);
            let path = crate::modules::vfs::Path::join(base, &relative[..len]).ok()?;
            if matches!(vfs.volume.stat(path.as_str()), Ok(entry) if entry.kind == EntryKind::File) {
                return Some((path, package));
            }
        }
        None
    }

    /// Runs `/boot.py` and then `/main.py` when the mounted filesystem holds
    /// them, as main programs sharing one globals dict (`__name__` is
    /// `'__main__'`), as MicroPython runs them; stops at the first that does
    /// not finish. `Finished` when there are none.
    pub fn run_boot_scripts(&mut self) -> Outcome {
        let globals = match self.new_dict(8) {
            Ok(globals) => globals,
            Err(raised) => return self.outcome_of(Err(raised)),
        };
        let mark = self.root_mark();
        let outcome = match self.push_root(globals) {
            Ok(()) => self.run_boot_scripts_in(globals, true),
            Err(raised) => self.outcome_of(Err(raised)),
        };
        self.pop_roots(mark);
        outcome
    }

    /// Runs `/boot.py` and then, with `with_main`, `/main.py` in `globals`
    /// (rooted by the caller), as [`Vm::run_boot_scripts`] does.
    pub(crate) fn run_boot_scripts_in(&mut self, globals: Obj, with_main: bool) -> Outcome {
        let scripts = [(&b"boot.py"[..], "boot.py"), (&b"main.py"[..], "main.py")];
        for (relative, name) in scripts.into_iter().take(if with_main { 2 } else { 1 }) {
            let Some(vfs) = self.port.filesystem() else { return Outcome::Finished };
            if !vfs.volume.is_mounted() || !cfg!(feature = "compiler") {
                return Outcome::Finished;
            }
            let Ok(path) = crate::modules::vfs::Path::join(b"/", relative) else { continue };
            if !matches!(vfs.volume.stat(path.as_str()), Ok(entry) if entry.kind == EntryKind::File) {
                continue;
            }
            let ran = self
                .read_whole_file(path.as_str())
                .and_then(|source| self.with_roots(&[source], |vm| vm.run_script(source, name, globals)));
            match self.outcome_of(ran) {
                Outcome::Finished => {}
                other => return other,
            }
        }
        Outcome::Finished
    }

    /// Whether `dotted` would be found on the filesystem at either stage.
    pub(crate) fn module_on_filesystem(&mut self, dotted: &[u8]) -> bool {
        let in_python_filesystem = match crate::modules::vfs_user::find_module(self, dotted) {
            Ok(found) => found.is_some(),
            Err(_) => {
                self.exc = Obj::NULL;
                false
            }
        };
        in_python_filesystem
            || self.module_file(dotted, SearchStage::BeforeFrozen).is_some()
            || self.module_file(dotted, SearchStage::AfterFrozen).is_some()
    }

    /// Imports `dotted` (interned as `key`) from the filesystem at `stage`;
    /// `None` when no file is there.
    pub(crate) fn import_from_filesystem(&mut self, dotted: &[u8], key: Obj, stage: SearchStage) -> R<Option<Obj>> {
        if stage == SearchStage::BeforeFrozen {
            if let Some(module) = self.import_from_python_filesystem(dotted, key)? {
                return Ok(Some(module));
            }
        }
        let Some((path, package)) = self.module_file(dotted, stage) else {
            return Ok(None);
        };
        let source = self.read_whole_file(path.as_str())?;
        // MicroPython names the file as its `sys.path` entry joins it:
        // `/lib/x.py`, but `x.py` (relative to the current directory) for `''`.
        let mut name = [0u8; crate::port::filesystem::PATH_CAPACITY];
        let shown_len = {
            let full = path.as_str();
            let shown = match (stage, self.port.filesystem()) {
                (SearchStage::BeforeFrozen, Some(vfs)) => {
                    let cwd = vfs.state.cwd();
                    let rest = full.as_bytes().strip_prefix(cwd).unwrap_or(full.as_bytes());
                    rest.strip_prefix(b"/").unwrap_or(rest)
                }
                _ => full.as_bytes(),
            };
            name[..shown.len()].copy_from_slice(shown);
            shown.len()
        };
        let shown = core::str::from_utf8(&name[..shown_len]).unwrap_or("?");
        // A package's `__path__` is its folder, named as its file is.
        let folder = if package { shown.rfind('/').map(|at| &shown[..at]) } else { None };
        let compiled = path.as_str().ends_with(".mpy");
        self.with_roots(&[source], |vm| vm.run_source_module(source, compiled, shown, folder, key)).map(Some)
    }

    /// Imports `dotted` from a filesystem written in Python (`vfs.mount`ed
    /// and on `sys.path`, `modules::vfs_user`); `None` when none holds it.
    fn import_from_python_filesystem(&mut self, dotted: &[u8], key: Obj) -> R<Option<Obj>> {
        let Some(found) = crate::modules::vfs_user::find_module(self, dotted)? else {
            return Ok(None);
        };
        let crate::modules::vfs_user::Found { filesystem, inner, file, compiled } = found;
        self.root_scope(|vm| {
            vm.push_root(inner)?;
            vm.push_root(file)?;
            let source = crate::modules::vfs_user::read_file(vm, filesystem, inner)?;
            vm.push_root(source)?;
            let mut name = [0u8; crate::port::filesystem::PATH_CAPACITY];
            let file_bytes = vm.str_bytes(file);
            let len = file_bytes.len().min(name.len());
            name[..len].copy_from_slice(&file_bytes[..len]);
            let shown = core::str::from_utf8(&name[..len]).unwrap_or("?");
            vm.run_source_module(source, compiled, shown, None, key).map(Some)
        })
    }

    /// The bytes of the file at `path` (absolute), as a bytes object.
    fn read_whole_file(&mut self, path: &str) -> R<Obj> {
        let opened = match self.port.filesystem() {
            Some(vfs) => vfs
                .volume
                .open(path, crate::port::filesystem::OpenFlags { read: true, ..Default::default() })
                .and_then(|handle| match vfs.volume.size(handle) {
                    Ok(size) => Ok((handle, size)),
                    Err(error) => {
                        let _ = vfs.volume.close(handle);
                        Err(error)
                    }
                }),
            None => Err(FsError::NotMounted),
        };
        let (handle, size) = opened.map_err(|error| crate::modules::vfs::raise_fs(self, error))?;
        let buffer = match self.new_buffer(TypeId::Buffer, size as usize) {
            Ok(buffer) => buffer,
            Err(raised) => {
                if let Some(vfs) = self.port.filesystem() {
                    let _ = vfs.volume.close(handle);
                }
                return Err(raised);
            }
        };
        let data = self.get_u(buffer, 3);
        let into = self.heap.bytes_mut(data, size as usize);
        let read = match self.port.filesystem() {
            Some(vfs) => {
                let mut done = 0;
                let mut result = Ok(());
                while done < into.len() {
                    match vfs.volume.read(handle, &mut into[done..]) {
                        Ok(0) => break,
                        Ok(got) => done += got,
                        Err(error) => {
                            result = Err(error);
                            break;
                        }
                    }
                }
                let closed = vfs.volume.close(handle);
                result.and(closed).map(|()| done)
            }
            None => Err(FsError::NotMounted),
        };
        let done = read.map_err(|error| crate::modules::vfs::raise_fs(self, error))?;
        self.set_u(buffer, 1, done as u32);
        self.buffer_finish(buffer, TypeId::Bytes)
    }

    /// Runs a module file's bytes (`source`: Python source, or with
    /// `compiled` a `.mpy` file loaded into RAM) as the module `key`; a
    /// package's module gets `__path__`, its `folder`.
    #[cfg(feature = "compiler")]
    fn run_source_module(
        &mut self,
        source: Obj,
        compiled: bool,
        file_name: &str,
        folder: Option<&str>,
        key: Obj,
    ) -> R<Obj> {
        let code = match compiled {
            true => self.load_mpy(source)?,
            false => self.compile_text(source, file_name, crate::compile::CompileMode::Exec)?,
        };
        self.root_scope(|vm| {
            vm.push_root(code)?;
            let file = vm.new_str(file_name.as_bytes())?;
            vm.push_root(file)?;
            let globals = vm.new_dict(8)?;
            vm.push_root(globals)?;
            vm.map_set(globals, q!("__name__"), key)?;
            vm.map_set(globals, q!("__file__"), file)?;
            if let Some(folder) = folder {
                let folder = vm.new_str(folder.as_bytes())?;
                vm.push_root(folder)?;
                vm.map_set(globals, q!("__path__"), folder)?;
            }
            let module = vm.code_module(code, globals)?;
            vm.push_root(module)?;
            let modules = vm.modules;
            vm.map_set(modules, key, module)?;
            match vm.run_code_module(code, module, globals) {
                Ok(_) => Ok(module),
                Err(raised) => {
                    let exc = vm.exc;
                    let _ = vm.map_remove(modules, key);
                    vm.exc = exc;
                    Err(raised)
                }
            }
        })
    }

    /// Runs a script's source in `globals` (rooted by the caller), named
    /// `__main__` without a `sys.modules` entry (the frozen main keeps it).
    #[cfg(feature = "compiler")]
    fn run_script(&mut self, source: Obj, file_name: &str, globals: Obj) -> R<Obj> {
        let code = self.compile_text(source, file_name, crate::compile::CompileMode::Exec)?;
        self.with_roots(&[code], |vm| {
            vm.map_set(globals, q!("__name__"), q!("__main__"))?;
            vm.run_code(code, globals, globals)
        })
    }

    #[cfg(not(feature = "compiler"))]
    fn run_script(&mut self, _source: Obj, _file_name: &str, _globals: Obj) -> R<Obj> {
        Err(self.raise_msg(TypeId::ImportError, "compiler not included"))
    }

    #[cfg(not(feature = "compiler"))]
    fn run_source_module(
        &mut self,
        _source: Obj,
        _compiled: bool,
        _file_name: &str,
        _folder: Option<&str>,
        _key: Obj,
    ) -> R<Obj> {
        // `module_file` finds nothing without the compiler.
        Err(self.raise_msg(TypeId::ImportError, "compiler not included"))
    }
}

/// The smallest arena a read is tried in: this much plus this many times the
/// file size (the module's `Vec`s and `String`s, a short qstr costing its
/// `String` and an allocator header, and their growth). The reader cannot
/// stop early when the arena runs low (an allocation it cannot get ends in
/// the panic handler), so the bound is generous; the arena lent is the
/// largest free run anyway.
#[cfg(feature = "compiler")]
const ARENA_BASE: usize = 2048;
#[cfg(feature = "compiler")]
const ARENA_PER_FILE_BYTE: usize = 8;

/// Loading a `.mpy` file into RAM: `rime_bytecode::mpy` reads it into a
/// module, which becomes a code object in the heap exactly as a module the
/// board compiled does (`compile.rs`). The reader allocates (its `Vec`s), so
/// on a board, whose allocator serves only the compile arena, the largest
/// free run of the heap is lent to the port for the read, as for a
/// compilation; the module is dropped before the arena is taken back. A file
/// that is not a bytecode `.mpy` v6 raises `ValueError: incompatible .mpy
/// file`, as MicroPython does.
#[cfg(feature = "compiler")]
impl Vm<'_> {
    /// The code object of the `.mpy` file whose bytes the bytes object
    /// `data` holds (rooted by the caller).
    pub(crate) fn load_mpy(&mut self, data: Obj) -> R<Obj> {
        let len = self.str_len(data);
        if len == 0 {
            return self.finish_mpy(Err(rime_bytecode::mpy::MpyError::Truncated { what: "the header", offset: 0 }));
        }
        if !self.port.wants_compile_arena() {
            let read = rime_bytecode::mpy::MpyModule::read(self.str_bytes(data));
            return self.finish_mpy(read);
        }
        let needed = ARENA_BASE + ARENA_PER_FILE_BYTE * len;
        let mut largest = self.heap.stats().largest_free * crate::gc::BYTES_PER_BLOCK;
        if largest < needed {
            self.collect();
            largest = self.heap.stats().largest_free * crate::gc::BYTES_PER_BLOCK;
        }
        if largest < needed {
            return Err(self.raise_memory_error());
        }
        let arena = self.alloc(largest / 4)?;
        self.compile_arena = arena;
        // The file's bytes stay where they are (a rooted bytes object that
        // nothing writes) while the rest of the heap is lent; the reader
        // copies what it keeps, so no slice of them outlives the read.
        let file = self.heap.sealed_bytes(self.str_data_address(data), len);
        let arena_len = self.heap.allocation_bytes(arena.0);
        let lent = self.heap.bytes_mut(arena.0, arena_len);
        self.port.lend_compile_arena(lent, len);
        let read = rime_bytecode::mpy::MpyModule::read(file);
        let used = self.port.seal_compile_arena();
        self.heap.shrink(arena.0, used);
        let result = self.finish_mpy(read);
        self.port.end_compile_arena();
        self.compile_arena = Obj::NULL;
        self.free(arena);
        result
    }

    /// The code object of a read module (dropped here), or the error.
    fn finish_mpy(&mut self, read: Result<rime_bytecode::mpy::MpyModule, rime_bytecode::mpy::MpyError>) -> R<Obj> {
        match read {
            Ok(module) => self.new_code(&module, crate::compile::CompileMode::Exec),
            Err(_) => Err(self.raise_msg(TypeId::ValueError, "incompatible .mpy file")),
        }
    }

    /// The heap address of a bytes object's data.
    fn str_data_address(&self, data: Obj) -> u32 {
        self.get_u(data, 3)
    }
}
