//! Importing a module frozen as source (`kind = "source"` in a manifest):
//! the image keeps its text (the sources section, `rime_bytecode::image`),
//! and the first import compiles it on the board (`crate::compile`) and
//! runs it as the module's body, as MicroPython does with a `.py` file.
//!
//! Without the compiler (feature `compiler` off) the freezer refuses such
//! modules for the board, and an image that has one anyway raises
//! `NotImplementedError: compiler not included` on its import.

use super::import::MAX_NAME;
use crate::obj::Obj;
#[cfg(not(feature = "compiler"))]
use crate::obj::TypeId;
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// The text (a str object in the image) and the frozen name of the module
    /// (or package) named `dotted` frozen as source.
    pub(crate) fn find_module_source(&self, dotted: &[u8]) -> Option<(Obj, u32)> {
        if self.image.source_count() == 0 || dotted.len() + 12 > MAX_NAME {
            return None;
        }
        let mut path = [0u8; MAX_NAME];
        for (slot, &byte) in path.iter_mut().zip(dotted) {
            *slot = if byte == b'.' { b'/' } else { byte };
        }
        let package_end = dotted.len() + 12;
        path[dotted.len()..package_end].copy_from_slice(b"/__init__.py");
        if let Some(found) = self.find_source(&path[..package_end]) {
            return Some(found);
        }
        let module_end = dotted.len() + 3;
        path[dotted.len()..module_end].copy_from_slice(b".py");
        self.find_source(&path[..module_end])
    }

    /// The source entry named `path` (`pkg/mod.py`), by binary search.
    fn find_source(&self, path: &[u8]) -> Option<(Obj, u32)> {
        let (mut low, mut high) = (0, self.image.source_count());
        while low < high {
            let middle = (low + high) / 2;
            let (name, text) = self.image.source_entry(middle);
            match self.qstr_bytes(name).cmp(path) {
                core::cmp::Ordering::Equal => return Some((Obj(text), name)),
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }

    /// Compiles the module frozen as source whose text is `text` (its frozen
    /// name the qstr `file`) and runs it as module `name`.
    #[cfg(feature = "compiler")]
    pub(crate) fn load_source(&mut self, name: Obj, text: Obj, file: u32) -> R<Obj> {
        let mut buffer = [0u8; MAX_NAME];
        let file_bytes = self.qstr_bytes(file);
        let len = file_bytes.len().min(MAX_NAME);
        buffer[..len].copy_from_slice(&file_bytes[..len]);
        let filename = core::str::from_utf8(&buffer[..len]).unwrap_or("?");
        let code = self.compile_text(text, filename, crate::compile::CompileMode::Exec)?;
        self.with_roots(&[code], |vm| {
            let globals = vm.new_dict(8)?;
            vm.push_root(globals)?;
            vm.map_set(globals, q!("__name__"), name)?;
            vm.map_set(globals, q!("__file__"), Obj::qstr(file))?;
            let module = vm.code_module(code, globals)?;
            vm.push_root(module)?;
            let modules = vm.modules;
            vm.map_set(modules, name, module)?;
            let ran = vm.run_code_module(code, module, globals);
            if ran.is_err() {
                let exc = vm.exc;
                let _ = vm.map_remove(modules, name);
                vm.exc = exc;
            }
            ran.map(|_| module)
        })
    }

    /// Without the compiler, a module frozen as source cannot be imported.
    #[cfg(not(feature = "compiler"))]
    pub(crate) fn load_source(&mut self, _name: Obj, _text: Obj, _file: u32) -> R<Obj> {
        Err(self.raise_msg(TypeId::NotImplementedError, "compiler not included"))
    }
}
