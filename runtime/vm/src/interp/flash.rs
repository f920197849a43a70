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

    /// The flash function `MAKE_FUNCTION` hands out for raw code `raw_code`
    /// made by code of `module` with `defaults` (positional, keyword), if
    /// every condition of the module docs holds; it is then marked handed out.
    pub(crate) fn take_flash_function(
        &mut self,
        module: Obj,
        raw_code: u32,
        defaults: Option<(Obj, Obj)>,
    ) -> Option<Obj> {
        if self.flash_state.is_null() || !self.is_heap(module) {
            return None;
        }
        let descriptor = self.get_u(module, 2);
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
}
