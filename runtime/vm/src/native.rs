//! Native modules and native types: a module written in Rust is one static [`NativeModule`]
//! table (its name, functions, constants and an optional hook for attributes
//! computed at run time), in the spirit of MicroPython's `mp_obj_module_t`.
//!
//! The VM's own modules are listed once, in [`crate::modules::MODULES`]; a
//! port adds modules of its own through [`crate::Config::port_modules`]. Both
//! lists together number the modules: module `n` is the static object
//! `MODULE_BASE + n` (it has an address but no memory, like the builtin
//! types), and its function `e` is the builtin function `(MODULE_TABLE_BASE +
//! n, e)`. Nothing else in the VM names a particular module: importing,
//! attribute lookup, `__name__` and calling go through these tables.
//!
//! Names are plain `&str`, compared by their bytes with the qstr a program
//! looks up, so a module needs no entry in the runtime's qstr list (which is
//! part of the image ABI) and a port's module can use any name.
//!
//! Adding a module is one new file with a `pub static MODULE: NativeModule`
//! and one line in `MODULES` (or in the port's list).

use crate::builtins::Handler;
use crate::obj::repr::Sink;
use crate::obj::{
    builtin_fn, builtin_fn_parts, static_address, static_index, Obj, TypeId, MODULE_BASE, MODULE_TABLE_BASE,
    TYPE_TABLE_BASE,
};
use crate::vm::{Vm, R};

/// An attribute computed when it is looked up (floats, dicts, values that
/// depend on the VM's state). It returns `None` for a name it does not know.
pub type AttrHook = fn(&mut Vm<'_>, u32) -> R<Option<Obj>>;

/// A module implemented in Rust.
#[derive(Debug)]
pub struct NativeModule {
    /// The name `import` finds it by. As in MicroPython, `import uNAME` finds
    /// `NAME` too.
    pub name: &'static str,
    /// Its functions by qstr id. An entry may share an earlier entry's name:
    /// lookups find the first, so later ones are helpers that only the
    /// module's own code hands out (see [`Vm::native_function`]).
    pub functions: &'static [(&'static str, Handler)],
    /// Attributes that are constant objects (small ints, qstrs, static types).
    /// An entry whose object is `Obj::NULL` names an attribute the hook
    /// computes (a float), so that `__dict__` and `from module import *` list it.
    pub constants: &'static [(&'static str, Obj)],
    /// Attributes computed at lookup, tried after the functions and constants.
    pub attr: Option<AttrHook>,
}

impl NativeModule {
    /// A module of functions only.
    pub const fn new(name: &'static str, functions: &'static [(&'static str, Handler)]) -> NativeModule {
        NativeModule { name, functions, constants: &[], attr: None }
    }
}

/// The most modules (the VM's and a port's together).
pub const MAX_MODULES: u32 = 64;

impl Vm<'_> {
    /// Native module number `number`: the VM's modules first, then the port's.
    pub fn native_module(&self, number: u32) -> Option<&'static NativeModule> {
        let core = crate::modules::MODULES;
        let number = number as usize;
        match core.get(number) {
            Some(module) => Some(*module),
            None => self.config.port_modules.get(number - core.len()).copied(),
        }
    }

    /// Every native module with its number.
    fn native_modules(&self) -> impl Iterator<Item = (u32, &'static NativeModule)> + '_ {
        let core = crate::modules::MODULES.iter().copied();
        core.chain(self.config.port_modules.iter().copied())
            .enumerate()
            .take(MAX_MODULES as usize)
            .map(|(number, module)| (number as u32, module))
    }

    /// The module object of native module `number`.
    fn native_module_obj(number: u32) -> Obj {
        Obj(static_address(MODULE_BASE + number))
    }

    /// The native module that `import name` finds, as a module object.
    pub fn find_native_module(&self, name: &[u8]) -> Option<Obj> {
        if let Some((number, _)) = self.native_modules().find(|(_, module)| module.name.as_bytes() == name) {
            return Some(Self::native_module_obj(number));
        }
        // As in MicroPython, `import ufoo` finds the builtin module `foo`.
        match name.strip_prefix(b"u") {
            Some(rest) if !rest.starts_with(b"u") => self.find_native_module(rest),
            _ => None,
        }
    }

    /// The native module whose module object is `obj`.
    pub fn native_module_of(&self, obj: Obj) -> Option<&'static NativeModule> {
        let number = static_index(obj)?.checked_sub(MODULE_BASE)?;
        if number >= MAX_MODULES {
            return None;
        }
        self.native_module(number)
    }

    /// The builtin-function object of entry `entry` of `module`'s functions
    /// (for a module that hands out one of its own functions).
    pub fn native_function(&self, module: &'static NativeModule, entry: u32) -> Obj {
        let number =
            self.native_modules().find(|(_, each)| core::ptr::eq(*each, module)).map_or(0, |(number, _)| number);
        builtin_fn(MODULE_TABLE_BASE + number, entry)
    }

    /// A class named `class_name` made by native module `module` (once; kept
    /// in `sys.modules` under `"MODULE CLASS"`, a name no import reaches),
    /// whose namespace holds the module's functions from entry `first` on
    /// as its methods (`__init__` among them). Python classes may derive
    /// from it: its instances are ordinary instances with a dict.
    pub fn native_module_class(&mut self, module: &'static NativeModule, class_name: &str, first: usize) -> R<Obj> {
        let mut key_text = [0u8; 64];
        let key_len = (module.name.len() + 1 + class_name.len()).min(key_text.len());
        let joined = module.name.bytes().chain(core::iter::once(b' ')).chain(class_name.bytes());
        for (slot, byte) in key_text.iter_mut().zip(joined) {
            *slot = byte;
        }
        let key = self.new_str(&key_text[..key_len])?;
        self.root_scope(|vm| {
            vm.push_root(key)?;
            let modules = vm.modules;
            if let Some(class) = vm.map_get(modules, key)? {
                return Ok(class);
            }
            let namespace = vm.new_dict(module.functions.len())?;
            vm.push_root(namespace)?;
            for (entry, (name, _)) in module.functions.iter().enumerate().skip(first) {
                let method = vm.native_function(module, entry as u32);
                let name = vm.intern_bytes(name.as_bytes())?;
                vm.map_set(namespace, name, method)?;
            }
            let name = vm.new_str(class_name.as_bytes())?;
            vm.push_root(name)?;
            let bases = vm.new_tuple(&[])?;
            vm.push_root(bases)?;
            let class = vm.new_class(name, bases, namespace)?;
            vm.push_root(class)?;
            vm.map_set(modules, key, class)?;
            Ok(class)
        })
    }

    /// The function table a builtin function of a native module lives in.
    pub fn native_function_table(&self, table: u32) -> Option<&'static [(&'static str, Handler)]> {
        let number = table.checked_sub(MODULE_TABLE_BASE)?;
        Some(self.native_module(number)?.functions)
    }

    /// Attribute `name` (a qstr id) of a native module object: `__name__`,
    /// then its functions, its constants and its hook.
    pub fn native_module_attr(&mut self, module_obj: Obj, name: u32) -> R<Option<Obj>> {
        let Some(module) = self.native_module_of(module_obj) else { return Ok(None) };
        if Obj::qstr(name) == q!("__name__") {
            return Ok(Some(self.intern_bytes(module.name.as_bytes())?));
        }
        let number = static_index(module_obj).map_or(0, |index| index - MODULE_BASE);
        if Obj::qstr(name) == q!("__dict__") {
            return self.native_module_dict(module_obj, module, number).map(Some);
        }
        let text = self.qstr_bytes(name);
        if let Some(entry) = module.functions.iter().position(|(each, _)| each.as_bytes() == text) {
            return Ok(Some(builtin_fn(MODULE_TABLE_BASE + number, entry as u32)));
        }
        if let Some((_, value)) = module.constants.iter().find(|(each, _)| each.as_bytes() == text) {
            if *value != Obj::NULL {
                return Ok(Some(*value));
            }
        }
        match module.attr {
            Some(hook) => hook(self, name),
            None => Ok(None),
        }
    }

    /// `module.name = value` on a native module: only `builtins` takes it
    /// (see `modules::builtins`); `None` for the others.
    pub fn native_module_store_attr(&mut self, module_obj: Obj, name: Obj, value: Obj) -> Option<R<()>> {
        let module = self.native_module_of(module_obj)?;
        if !core::ptr::eq(module, &crate::modules::builtins::MODULE) {
            return None;
        }
        Some(self.store_builtin_override(name, value))
    }

    /// `module.__dict__` of a native module: a new dict of its name, its
    /// functions and its constants (attributes computed at lookup are not
    /// in it).
    fn native_module_dict(&mut self, module_obj: Obj, module: &NativeModule, number: u32) -> R<Obj> {
        let dict = self.new_dict(module.functions.len() + module.constants.len() + 1)?;
        let mark = self.root_mark();
        self.push_root(dict)?;
        let name = self.native_module_name(module_obj);
        self.map_set(dict, q!("__name__"), name)?;
        for (entry, (text, _)) in module.functions.iter().enumerate() {
            let key = self.intern_bytes(text.as_bytes())?;
            // A later entry sharing a name is a helper, not an attribute.
            if self.map_get_qstr(dict, key).is_none() {
                self.map_set(dict, key, builtin_fn(MODULE_TABLE_BASE + number, entry as u32))?;
            }
        }
        for (text, value) in module.constants {
            let key = self.intern_bytes(text.as_bytes())?;
            let value = match (*value, module.attr) {
                (Obj::NULL, Some(hook)) => hook(self, key.qstr_id())?.unwrap_or(Obj::NONE),
                (value, _) => value,
            };
            self.map_set(dict, key, value)?;
        }
        self.pop_roots(mark);
        Ok(dict)
    }

    /// The `__name__` of a native module object, or `builtins` for another static object.
    pub fn native_module_name(&mut self, module_obj: Obj) -> Obj {
        match self.native_module_of(module_obj) {
            Some(module) => self.intern_bytes(module.name.as_bytes()).unwrap_or(q!("builtins")),
            None => q!("builtins"),
        }
    }
}

/// Whether `function` is a builtin function of a native module (rather than a type's method).
pub fn is_module_function(function: Obj) -> bool {
    builtin_fn_parts(function).is_some_and(|(table, _)| table >= MODULE_TABLE_BASE)
}

/// A builtin type whose behaviour lives in a native module: its slots, in
/// the spirit of MicroPython's `mp_obj_type_t`. The type is one line in
/// `obj::types` naming this table (`Deque = "deque", Object => …::DEQUE_TYPE;`),
/// and the VM's generic operations (construction, attributes, `len`,
/// truth, subscripts, iteration, printing) ask the table instead of naming
/// the type. A slot left `None` means the operation does not apply (or, for
/// `len`, that the object is always true).
#[derive(Debug)]
pub struct NativeType {
    /// Methods by qstr id (found on instances and on the class).
    pub methods: &'static [(u16, Handler)],
    /// Class attributes that are constant objects (`Pin.IN`), by qstr id.
    pub constants: &'static [(u16, Obj)],
    /// `Type(*args, **kw)`.
    pub make_new: Option<fn(&mut Vm<'_>, TypeId, &[Obj], &[Obj]) -> R<Obj>>,
    /// An instance attribute that is not a method (`None`: not found).
    pub load_attr: Option<fn(&mut Vm<'_>, Obj, Obj) -> R<Option<Obj>>>,
    /// Sets an instance attribute.
    pub store_attr: Option<fn(&mut Vm<'_>, Obj, Obj, Obj) -> R<()>>,
    /// `len(obj)`; also gives the truth of an instance.
    pub len: Option<fn(&Vm<'_>, Obj) -> usize>,
    /// `obj[index]`.
    pub subscr_get: Option<fn(&mut Vm<'_>, Obj, Obj) -> R<Obj>>,
    /// `obj[index] = value`.
    pub subscr_set: Option<fn(&mut Vm<'_>, Obj, Obj, Obj) -> R<()>>,
    /// `iter(obj)`. An instance that is its own iterator has `iter_next` instead.
    pub get_iter: Option<fn(&mut Vm<'_>, Obj) -> R<Obj>>,
    /// The next item of an instance that is an iterator (`None`: exhausted).
    pub iter_next: Option<fn(&mut Vm<'_>, Obj) -> R<Option<Obj>>>,
    /// `repr(obj)` and `str(obj)`; without it, `<TYPE>` as for other objects.
    pub print: Option<fn(&mut Vm<'_>, Sink, Obj, u32) -> R<()>>,
    /// The read-only buffer an instance shows to `memoryview`: a bytes
    /// object (in the heap or the image) and how many of its bytes.
    pub buffer: Option<fn(&Vm<'_>, Obj) -> (Obj, u32)>,
}

impl NativeType {
    /// A table with every slot empty, to start a `static` from.
    pub const EMPTY: NativeType = NativeType {
        methods: &[],
        constants: &[],
        make_new: None,
        load_attr: None,
        store_attr: None,
        len: None,
        subscr_get: None,
        subscr_set: None,
        get_iter: None,
        iter_next: None,
        print: None,
        buffer: None,
    };
}

/// The function table of the methods of `type_id`'s native type.
pub const fn type_method_table(type_id: TypeId) -> u32 {
    TYPE_TABLE_BASE + type_id as u32
}

/// The native type whose method table is `table`, if any.
pub fn type_of_method_table(table: u32) -> Option<&'static NativeType> {
    let index = table.checked_sub(TYPE_TABLE_BASE)?;
    if table >= MODULE_TABLE_BASE {
        return None;
    }
    TypeId::from_index(index)?.native()
}

/// Class attribute `name` of a native type: a method or a constant.
pub fn native_class_attr(type_id: TypeId, name: u32) -> Option<Obj> {
    let native = type_id.native()?;
    if let Some(entry) = native.methods.iter().position(|(id, _)| u32::from(*id) == name) {
        return Some(builtin_fn(type_method_table(type_id), entry as u32));
    }
    native.constants.iter().find(|(id, _)| u32::from(*id) == name).map(|(_, value)| *value)
}
