//! Flash functions: function objects the freezer laid out in the image,
//! handed out by `MAKE_FUNCTION` instead of new RAM ones (see "Flash
//! functions" in `rime_bytecode::image`).
//!
//! A flash function names its module by index. The VM keeps, from its start,
//! one RAM tuple ([`Vm::flash_state`]): one word per frozen module, the first
//! module object made for it (NULL until its first import), then one bit per
//! flash function, set once the function was handed out, 30 bits to a small
//! int word (so the collector sees no addresses in them). It is made only
//! for images that have flash functions, before any module runs, so no
//! import's heap figure includes it.
//!
//! `MAKE_FUNCTION` hands out a flash function only when the module running
//! the code is the one the table records for that frozen module (a second
//! module object for it, after `del sys.modules[name]`, gets RAM functions
//! as before), the function was never handed out before (so two runs of one
//! `def` never give the same object), and the defaults given at run time
//! are the flash ones word for word. Function objects have no mutable
//! state, so nothing else can tell a flash function from a RAM one.

use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::image::uncertain_word;

/// Bits of flash-function state per small int word.
const BITS_PER_WORD: u32 = 30;

impl Vm<'_> {
    /// Makes the flash-function state when the image has flash functions.
    pub(crate) fn make_flash_state(&mut self) -> R<()> {
        let functions = self.image.flash_function_total();
        if functions == 0 {
            return Ok(());
        }
        let modules = self.image.module_count();
        let words = modules + functions.div_ceil(BITS_PER_WORD);
        let state = self.alloc_typed(TypeId::Tuple, 2 + words as usize)?;
        self.set_u(state, 1, words);
        for index in 0..modules {
            self.set(state, 2 + index, Obj::NULL);
        }
        for index in modules..words {
            self.set(state, 2 + index, Obj::small(0));
        }
        self.flash_state = state;
        Ok(())
    }

    /// The index of the frozen module whose entry is at `descriptor`.
    fn frozen_index(&self, descriptor: u32) -> Option<u32> {
        let name = self.image.module_name(descriptor);
        let count = self.image.module_count();
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = (low + high) / 2;
            let (candidate, entry) = self.image.module_entry(middle);
            if entry == descriptor {
                return Some(middle);
            }
            match self.qstr_bytes(candidate).cmp(self.qstr_bytes(name)) {
                core::cmp::Ordering::Less => low = middle + 1,
                _ => high = middle,
            }
        }
        None
    }

    /// Records `module` (a new module object for the frozen module whose
    /// entry is at `descriptor`) as the module of that frozen module's flash
    /// functions, when it is the first module object made for it.
    pub(crate) fn claim_flash_module(&mut self, module: Obj, descriptor: u32) {
        if self.flash_state.is_null() || self.image.module_function_count(descriptor) == 0 {
            return;
        }
        let Some(index) = self.frozen_index(descriptor) else { return };
        if self.get(self.flash_state, 2 + index).is_null() {
            self.set(self.flash_state, 2 + index, module);
        }
    }

    /// The module object of a function: for a flash function, through the
    /// flash-function state.
    pub fn function_module(&self, function: Obj) -> Obj {
        let module = self.get(function, 1);
        if module.is_small() {
            return self.get(self.flash_state, 2 + module.small_value() as u32);
        }
        module
    }

    /// `MAKE_FUNCTION`: the flash function for `raw_code` when the module
    /// docs' conditions hold, else a new RAM function (kept out of the
    /// dispatch loop, which stays as small as before).
    #[inline(never)]
    pub(crate) fn make_function(&mut self, module: Obj, raw_code: u32, defaults: Option<(Obj, Obj)>) -> R<Obj> {
        match self.take_flash_function(module, raw_code, defaults) {
            Some(flash) => Ok(flash),
            None => self.new_function(module, raw_code, defaults, &[]),
        }
    }

    /// The flash function `MAKE_FUNCTION` hands out for raw code `raw_code`
    /// made by code of `module` with `defaults` (positional, keyword), if
    /// every condition of the module docs holds; it is then marked handed out.
    fn take_flash_function(&mut self, module: Obj, raw_code: u32, defaults: Option<(Obj, Obj)>) -> Option<Obj> {
        if self.flash_state.is_null() || !self.is_heap(module) {
            return None;
        }
        let descriptor = self.get_u(module, 2);
        if super::ram_code::in_heap(descriptor) {
            return None;
        }
        let (ordinal, address) = self.image.flash_function(descriptor, raw_code)?;
        let function = Obj(address);
        let index = self.get(function, 1).small_value() as u32;
        if self.get(self.flash_state, 2 + index) != module {
            return None;
        }
        let modules = self.image.module_count();
        let slot = 2 + modules + ordinal / BITS_PER_WORD;
        let bits = self.get(self.flash_state, slot).small_value() as u32;
        let bit = 1 << (ordinal % BITS_PER_WORD);
        if bits & bit != 0 || !self.same_defaults(function, defaults) {
            return None;
        }
        self.set(self.flash_state, slot, Obj::small((bits | bit) as i32));
        Some(function)
    }

    /// Whether the defaults given at run time are the flash function's.
    fn same_defaults(&self, function: Obj, defaults: Option<(Obj, Obj)>) -> bool {
        let has_defaults = self.get_u(function, 3) & 1 == 1;
        match defaults {
            None => !has_defaults,
            Some((positional, keyword)) => {
                if !has_defaults || !keyword.is_null() || self.type_of(positional) != TypeId::Tuple.obj() {
                    return false;
                }
                let flash = self.get(function, 4);
                let count = self.tuple_len(flash);
                count == self.tuple_len(positional)
                    && (0..count).all(|index| self.tuple_item(flash, index) == self.tuple_item(positional, index))
            }
        }
    }

    /// After a class body ran into `locals`: when the freezer laid out a
    /// flash namespace for that body and `locals` holds exactly its entries,
    /// in order (a RAM `staticmethod`, `classmethod` or `property` around
    /// the identical function counts as the flash one), `locals` reads the
    /// flash table from now on and its RAM table is freed. Anything else
    /// leaves `locals` as it is. The dict object stays the same RAM object,
    /// so nothing can tell, and its first write copies the table back.
    pub(crate) fn adopt_flash_namespace(&mut self, body: Obj, locals: Obj) {
        if self.type_of(body) != TypeId::Function.obj() {
            return;
        }
        let module = self.function_module(body);
        if self.is_heap(module) && !super::ram_code::in_heap(self.get_u(module, 2)) {
            self.adopt_namespace(self.get_u(module, 2), self.get_u(body, 2), locals);
        }
    }

    /// After a module body ran into `globals`, the same for the module's
    /// globals (`__name__` and `__file__` included).
    pub(crate) fn adopt_flash_globals(&mut self, descriptor: u32, globals: Obj) {
        self.adopt_namespace(descriptor, self.image.module_root(descriptor), globals);
    }

    /// Makes `dict` read the flash namespace laid out for body `raw_code` of
    /// the module whose entry is at `descriptor`, when it holds its entries:
    /// the same keys in the same order, the table's value for each, except
    /// where the table holds a marker, whose value is copied into a new RAM
    /// array of one word per marker (see `obj::dict`).
    fn adopt_namespace(&mut self, descriptor: u32, raw_code: u32, locals: Obj) {
        if !self.is_heap(self.get(locals, 3)) {
            return;
        }
        let Some((table, count)) = self.image.flash_namespace(descriptor, raw_code) else { return };
        if self.map_len(locals) != count {
            return;
        }
        let (mut index, mut flash_entry, mut uncertain) = (0, 0, 0);
        while let Some((entry, key, value)) = self.map_next(locals, index) {
            let flash_key = Obj(self.word(table + 4 + 8 * flash_entry));
            let flash_value = Obj(self.word(table + 8 + 8 * flash_entry));
            if flash_value.0 == uncertain_word(uncertain) {
                uncertain += 1;
            } else if !self.same_namespace_value(value, flash_value) {
                return;
            }
            if key != flash_key {
                return;
            }
            index = entry + 1;
            flash_entry += 1;
        }
        let array = if uncertain == 0 {
            Obj::NULL
        } else {
            // An economy only: without room for the array, nothing changes.
            let pending = self.exc;
            let Ok(array) = self.alloc(uncertain as usize) else {
                self.exc = pending;
                return;
            };
            let (mut index, mut flash_entry, mut slot) = (0, 0, 0);
            while let Some((entry, _, value)) = self.map_next(locals, index) {
                if self.word(table + 8 + 8 * flash_entry) == uncertain_word(slot) {
                    self.set(array, slot, value);
                    slot += 1;
                }
                index = entry + 1;
                flash_entry += 1;
            }
            array
        };
        if !self.map_adopt_table(locals, table, count, array) && !array.is_null() {
            self.free(array);
        }
    }

    /// Whether a class body's value is the flash namespace's: the same
    /// word, a RAM tuple with the same items, or a RAM wrapper of the type
    /// of a flash wrapper, with the same words (the same function, `None`,
    /// `None`).
    fn same_namespace_value(&self, value: Obj, flash: Obj) -> bool {
        if value == flash {
            return true;
        }
        if self.type_of(flash) == TypeId::Tuple.obj() {
            return self.same_tuple(value, flash, 0);
        }
        let wrapper = [TypeId::StaticMethod, TypeId::ClassMethod, TypeId::Property]
            .iter()
            .any(|type_id| self.type_of(flash) == type_id.obj());
        wrapper && self.is_heap(value) && (0..4).all(|word| self.get(value, word) == self.get(flash, word))
    }

    /// Whether `value` is a RAM tuple (a class or module body built it from
    /// constants) with the items of the flash tuple `flash`, nested tuples
    /// compared the same way.
    fn same_tuple(&self, value: Obj, flash: Obj, depth: u32) -> bool {
        if value == flash {
            return true;
        }
        if depth > 8 || !self.is_heap(value) || self.type_of(value) != TypeId::Tuple.obj() {
            return false;
        }
        let count = self.tuple_len(flash);
        count == self.tuple_len(value)
            && (0..count).all(|index| {
                let (item, flash_item) = (self.tuple_item(value, index), self.tuple_item(flash, index));
                item == flash_item
                    || (self.type_of(flash_item) == TypeId::Tuple.obj() && self.same_tuple(item, flash_item, depth + 1))
            })
    }
}
