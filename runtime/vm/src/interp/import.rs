//! Imports: frozen modules and packages from the image (absolute and
//! relative, `from x import *`), the builtin modules, `sys.modules`, and
//! running the main module. Modules on the port's filesystem are searched
//! before the image (the current directory) and after it (`/lib`), in
//! `import_fs.rs`.
//!
//! A module object is `type, globals dict, module descriptor address (in the
//! image), NULL` (16 bytes): its bytecode, qstrs and constants stay in flash.

use super::call::Args;
use super::frame::*;
use crate::import_fs::SearchStage;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub(crate) const MAX_NAME: usize = 128;

/// A module name being built, on the Rust stack.
struct Name {
    bytes: [u8; MAX_NAME],
    len: usize,
}

impl Name {
    fn new() -> Name {
        Name { bytes: [0; MAX_NAME], len: 0 }
    }

    fn push(&mut self, text: &[u8]) -> bool {
        if self.len + text.len() > MAX_NAME {
            return false;
        }
        self.bytes[self.len..self.len + text.len()].copy_from_slice(text);
        self.len += text.len();
        true
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Vm<'_> {
    /// Finds a frozen module by its frozen name (`pkg/mod.py`): its descriptor.
    pub fn find_frozen(&self, path: &[u8]) -> Option<u32> {
        let count = self.image.module_count();
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            let (name, descriptor) = self.image.module_entry(middle);
            match self.qstr_bytes(name).cmp(path) {
                core::cmp::Ordering::Equal => return Some(descriptor),
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }

    /// `IMPORT_NAME`.
    pub fn import_name(&mut self, name: Obj, fromlist: Obj, level: Obj, globals: Obj) -> R<Obj> {
        // A `builtins.__import__` the program stored imports instead, called
        // as MicroPython calls it: `(name, None, None, fromlist, level)`.
        if let Some(custom) = self.builtin_override(q!("__import__")) {
            let level = if level.is_small() { level } else { Obj::small(0) };
            return self.call(custom, &[name, Obj::NONE, Obj::NONE, fromlist, level], &[]);
        }
        let level = if level.is_small() { level.small_value().max(0) as usize } else { 0 };
        let mut full = Name::new();
        if level > 0 {
            let package = self.map_get_qstr(globals, q!("__name__")).unwrap_or(Obj::qstr(1));
            let file = self.map_get_qstr(globals, q!("__file__")).unwrap_or(Obj::qstr(1));
            let is_package = self.str_bytes(file).ends_with(b"__init__.py");
            let package_bytes = self.str_bytes(package);
            let mut end = package_bytes.len();
            let strip = if is_package { level - 1 } else { level };
            for _ in 0..strip {
                match package_bytes[..end].iter().rposition(|&byte| byte == b'.') {
                    Some(dot) => end = dot,
                    None => {
                        return Err(
                            self.raise_msg(TypeId::ImportError, "attempted relative import beyond top-level package")
                        )
                    }
                }
            }
            if end == 0 {
                return Err(
                    self.raise_msg(TypeId::ImportError, "attempted relative import with no known parent package")
                );
            }
            let mut copy = [0u8; MAX_NAME];
            let len = end.min(MAX_NAME);
            copy[..len].copy_from_slice(&package_bytes[..len]);
            full.push(&copy[..len]);
            let name_bytes = self.qstr_bytes(name.qstr_id());
            if !name_bytes.is_empty() {
                let mut name_copy = [0u8; MAX_NAME];
                let name_len = name_bytes.len().min(MAX_NAME);
                name_copy[..name_len].copy_from_slice(&name_bytes[..name_len]);
                full.push(b".");
                full.push(&name_copy[..name_len]);
            }
        } else {
            let name_bytes = self.qstr_bytes(name.qstr_id());
            let mut name_copy = [0u8; MAX_NAME];
            let name_len = name_bytes.len().min(MAX_NAME);
            name_copy[..name_len].copy_from_slice(&name_bytes[..name_len]);
            full.push(&name_copy[..name_len]);
        }
        // Import every prefix: `a`, `a.b`, `a.b.c`.
        let mut top = Obj::NULL;
        let mut leaf;
        let mut parent = Obj::NULL;
        let bytes = full.as_bytes();
        let mut start = 0;
        loop {
            let end = bytes[start..].iter().position(|&byte| byte == b'.').map(|at| start + at).unwrap_or(bytes.len());
            let module_obj = self.import_one(&bytes[..end])?;
            if !parent.is_null() && self.is_heap(parent) {
                let mark = self.root_mark();
                self.push_root(module_obj)?;
                let child_name = self.intern_bytes(&bytes[start..end])?;
                let parent_globals = self.get(parent, 1);
                self.map_set(parent_globals, child_name, module_obj)?;
                self.pop_roots(mark);
            }
            if top.is_null() {
                top = module_obj;
            }
            leaf = module_obj;
            parent = module_obj;
            if end == bytes.len() {
                break;
            }
            start = end + 1;
        }
        if fromlist.is_none() && level == 0 {
            Ok(top)
        } else {
            Ok(leaf)
        }
    }

    /// Imports one dotted name (its parents are already imported).
    fn import_one(&mut self, dotted: &[u8]) -> R<Obj> {
        // A name no pool holds yet is looked up as a transient string, so an
        // import that fails (`try: import optional_module`) interns nothing
        // and keeps no heap; it is interned only for a module that exists.
        let Some(id) = self.find_qstr(dotted) else {
            let transient = self.new_str(dotted)?;
            if let Some(existing) = self.map_get(self.modules, transient)? {
                return Ok(existing);
            }
            if self.find_native_module(dotted).is_none()
                && self.find_module_descriptor(dotted).is_none()
                && self.find_module_source(dotted).is_none()
                && !self.module_on_filesystem(dotted)
            {
                let text = core::str::from_utf8(dotted).unwrap_or("?");
                let mut copy = [0u8; MAX_NAME];
                copy[..text.len()].copy_from_slice(text.as_bytes());
                let text = core::str::from_utf8(&copy[..dotted.len()]).unwrap_or("?");
                return Err(self.raise_fmt(TypeId::ImportError, format_args!("no module named '{text}'")));
            }
            let key = self.intern_bytes(dotted)?;
            return self.import_new(dotted, key);
        };
        let key = Obj::qstr(id);
        if let Some(existing) = self.map_get_qstr(self.modules, key) {
            return Ok(existing);
        }
        self.import_new(dotted, key)
    }

    /// The descriptor of the frozen module (or package) named `dotted`.
    fn find_module_descriptor(&self, dotted: &[u8]) -> Option<u32> {
        let mut path = Name::new();
        for &byte in dotted {
            path.push(&[if byte == b'.' { b'/' } else { byte }]);
        }
        let mut package_path = Name::new();
        package_path.push(path.as_bytes());
        package_path.push(b"/__init__.py");
        path.push(b".py");
        self.find_frozen(package_path.as_bytes()).or_else(|| self.find_frozen(path.as_bytes()))
    }

    /// Imports `dotted` (interned as `key`), which `sys.modules` does not hold.
    fn import_new(&mut self, dotted: &[u8], key: Obj) -> R<Obj> {
        if let Some(builtin) = self.find_native_module(dotted) {
            let modules = self.modules;
            self.map_set(modules, key, builtin)?;
            return Ok(builtin);
        }
        if let Some(module) = self.import_from_filesystem(dotted, key, SearchStage::BeforeFrozen)? {
            return Ok(module);
        }
        let descriptor = self.find_module_descriptor(dotted);
        if descriptor.is_none() {
            // Modules frozen as source are part of `.frozen`, searched before `/lib`.
            if let Some((text, file)) = self.find_module_source(dotted) {
                return self.load_source(key, text, file);
            }
            if let Some(module) = self.import_from_filesystem(dotted, key, SearchStage::AfterFrozen)? {
                return Ok(module);
            }
        }
        let Some(descriptor) = descriptor else {
            let text = core::str::from_utf8(dotted).unwrap_or("?");
            let mut copy = [0u8; MAX_NAME];
            copy[..text.len()].copy_from_slice(text.as_bytes());
            let text = core::str::from_utf8(&copy[..dotted.len()]).unwrap_or("?");
            return Err(self.raise_fmt(TypeId::ImportError, format_args!("no module named '{text}'")));
        };
        self.load_frozen(key, descriptor)
    }

    /// Makes the module object for a frozen module and runs its body.
    pub fn load_frozen(&mut self, name: Obj, descriptor: u32) -> R<Obj> {
        let mark = self.root_mark();
        let globals = self.new_dict(8)?;
        self.push_root(globals)?;
        let module_obj = self.alloc_typed(TypeId::Module, 4)?;
        self.set(module_obj, 1, globals);
        self.set_u(module_obj, 2, descriptor);
        self.set(module_obj, 3, Obj::NULL);
        self.push_root(module_obj)?;
        let file = Obj::qstr(self.image.module_name(descriptor));
        self.map_set(globals, q!("__name__"), name)?;
        self.map_set(globals, q!("__file__"), file)?;
        let modules = self.modules;
        self.map_set(modules, name, module_obj)?;
        self.claim_flash_module(module_obj, descriptor);
        let root = self.image.module_root(descriptor);
        let function = self.new_function(module_obj, root, None, &[])?;
        self.push_root(function)?;
        let result = self.setup_frame(function, None, Args::Slice(&[]), Args::Slice(&[]));
        let outcome = match result {
            Ok(frame) => {
                self.set(frame, F_LOCALS, globals);
                // The body has stored its names: keep only the room they need.
                let ran = self.run_frame(frame);
                if ran.is_ok() {
                    // Read the globals from flash when the freezer laid them
                    // out, else keep only the room they need.
                    self.adopt_flash_globals(descriptor, globals);
                    self.map_shrink_to_fit(globals);
                }
                ran.map(|_| module_obj)
            }
            Err(raised) => Err(raised),
        };
        if outcome.is_err() {
            let exc = self.exc;
            let _ = self.map_remove(modules, name);
            self.exc = exc;
        }
        self.pop_roots(mark);
        outcome
    }

    /// `IMPORT_FROM`: an attribute of the module, or its submodule.
    pub fn import_from(&mut self, from: Obj, name: Obj) -> R<Obj> {
        if let Ok(value) = self.load_attr(from, name) {
            return Ok(value);
        }
        self.exc = Obj::NULL;
        if self.is_heap(from) && self.native_type(from) == TypeId::Module {
            let package = self.module_name(from);
            let mut full = Name::new();
            let mut copy = [0u8; MAX_NAME];
            let package_bytes = self.str_bytes(package);
            let len = package_bytes.len().min(MAX_NAME);
            copy[..len].copy_from_slice(&package_bytes[..len]);
            full.push(&copy[..len]);
            full.push(b".");
            let name_bytes = self.qstr_bytes(name.qstr_id());
            let name_len = name_bytes.len().min(MAX_NAME);
            copy[..name_len].copy_from_slice(&name_bytes[..name_len]);
            full.push(&copy[..name_len]);
            let mut path = Name::new();
            for &byte in full.as_bytes() {
                path.push(&[if byte == b'.' { b'/' } else { byte }]);
            }
            let mut package_path = Name::new();
            package_path.push(path.as_bytes());
            package_path.push(b"/__init__.py");
            path.push(b".py");
            if self.find_frozen(path.as_bytes()).is_some()
                || self.find_frozen(package_path.as_bytes()).is_some()
                || self.find_module_source(full.as_bytes()).is_some()
            {
                let full_bytes = full;
                let module_obj = self.import_one(full_bytes.as_bytes())?;
                let mark = self.root_mark();
                self.push_root(module_obj)?;
                let globals = self.get(from, 1);
                self.map_set(globals, name, module_obj)?;
                self.pop_roots(mark);
                return Ok(module_obj);
            }
        }
        let text = self.qstr_str_copy(name);
        Err(self.raise_fmt(TypeId::ImportError, format_args!("can't import name {}", text.as_str())))
    }

    /// `from module import *`.
    pub fn import_star(&mut self, from: Obj, locals: Obj) -> R<()> {
        // A native module's names are its `__dict__`, made for the occasion.
        let globals = if self.is_heap(from) {
            self.get(from, 1)
        } else if let Some(dict) = self.native_module_attr(from, q!("__dict__").qstr_id())? {
            dict
        } else {
            return Ok(());
        };
        let mark = self.root_mark();
        self.push_root(globals)?;
        let mut index = 0;
        while let Some((entry, key, value)) = self.map_next(globals, index) {
            if !self.str_bytes(key).starts_with(b"_") {
                self.map_set(locals, key, value)?;
            }
            index = entry + 1;
        }
        self.pop_roots(mark);
        Ok(())
    }

    /// Runs the image's main module as `__main__`.
    pub fn run_main(&mut self) -> R<Obj> {
        let main = self.image.main_module;
        let path = self.qstr_bytes(main);
        let mut copy = [0u8; MAX_NAME];
        let len = path.len().min(MAX_NAME);
        copy[..len].copy_from_slice(&path[..len]);
        let Some(descriptor) = self.find_frozen(&copy[..len]) else {
            return Err(self.raise_msg(TypeId::ImportError, "the image has no main module"));
        };
        self.load_frozen(q!("__main__"), descriptor)
    }
}
