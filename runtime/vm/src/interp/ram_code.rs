//! Raw codes in RAM: code compiled on the board (`exec`, `eval`, `compile`,
//! the REPL), which the VM runs beside the frozen image's.
//!
//! A function's word 2 is the address of its raw code; an address in the
//! heap names a *RAM raw code*, one untyped block run that `crate::compile`
//! writes once and never changes:
//!
//! | words | meaning |
//! |---|---|
//! | 0 | the fun_data length in bytes (small int) |
//! | 1 | the child count (small int) |
//! | 2 .. 2 + children | each child's RAM raw code address, in `MAKE_FUNCTION` order |
//! | then | the fun_data: prelude and bytecode, exactly as the compiler made them |
//!
//! Its qstr operands index the qstr table and its `LOAD_CONST_OBJ` operands
//! the object table of the compiled *unit*, which the module object running
//! the code names in its word 2 where a frozen module has its image entry:
//! a tuple `(qstr table, object table)`, each a tuple (qstr words, objects).
//! The collector scans every word of a block run, so a function keeps its
//! raw code, a raw code its children, and a module object its tables.
//!
//! The dispatch loop reads a RAM raw code's fun_data as a slice of the heap
//! sealed for the VM's life ([`crate::gc::Heap::sealed_bytes`]): nothing
//! writes those bytes after the raw code is made, a running frame keeps its
//! function and so its raw code alive, and the code info cache, the one
//! place that keeps such a slice beyond a call, drops its RAM entries before
//! every collection ([`Vm::forget_ram_code_info`]).

use crate::obj::Obj;
use crate::vm::Vm;
use rime_bytecode::image::HEAP_BASE;

/// The `bits` half of a qstr table handle (see `ImageView::module_qstr_table`)
/// that marks the table of a compiled unit: the other half is then the
/// address of its qstr tuple.
pub(crate) const RAM_QSTR_TABLE: usize = 0xff;

/// Word offset of the fun_data in a RAM raw code with `children` children.
fn fun_data_word(children: u32) -> u32 {
    2 + children
}

/// Whether `address` lies in the heap (a RAM raw code or unit, as opposed
/// to the image's).
#[inline]
pub(crate) fn in_heap(address: u32) -> bool {
    address >= HEAP_BASE
}

impl<'a> Vm<'a> {
    /// The fun_data of the raw code at `raw_code`, in the image or the heap.
    pub(crate) fn raw_code_data(&self, raw_code: u32) -> &'a [u8] {
        if !in_heap(raw_code) {
            return self.image.fun_data(raw_code);
        }
        let code = Obj(raw_code);
        let len = self.get(code, 0).small_value().max(0) as usize;
        let children = self.get(code, 1).small_value().max(0) as u32;
        self.heap.sealed_bytes(raw_code.wrapping_add(4 * fun_data_word(children)), len)
    }

    /// The address of child `index` of the raw code at `raw_code`.
    pub(crate) fn raw_code_child(&self, raw_code: u32, index: u32) -> u32 {
        if !in_heap(raw_code) {
            return self.image.child(raw_code, index);
        }
        let code = Obj(raw_code);
        let children = self.get(code, 1).small_value().max(0) as u32;
        if index >= children {
            return 0;
        }
        self.get_u(code, 2 + index)
    }

    /// The qstr table handle of a module object, for [`Vm::qstr_in_table`].
    #[inline]
    pub(crate) fn qstr_table_of(&self, module: Obj) -> (usize, usize) {
        let descriptor = self.get_u(module, 2);
        if in_heap(descriptor) {
            return (self.get_u(Obj(descriptor), 2) as usize, RAM_QSTR_TABLE);
        }
        self.image.module_qstr_table(descriptor)
    }

    /// The qstr id of entry `index` of a qstr table handle.
    #[inline]
    pub(crate) fn qstr_in_table(&self, table: (usize, usize), index: u32) -> u32 {
        if table.1 == RAM_QSTR_TABLE {
            return self.unit_qstr(table.0 as u32, index);
        }
        self.image.qstr_in_table(table, index)
    }

    #[inline(never)]
    fn unit_qstr(&self, qstrs: u32, index: u32) -> u32 {
        let qstrs = Obj(qstrs);
        if index >= self.tuple_len(qstrs) {
            return 0;
        }
        let entry = self.tuple_item(qstrs, index);
        if entry.is_qstr() {
            entry.qstr_id()
        } else {
            0
        }
    }

    /// The object of entry `index` of a module's object table.
    pub(crate) fn module_object(&self, module: Obj, index: u32) -> Obj {
        let descriptor = self.get_u(module, 2);
        if in_heap(descriptor) {
            let objects = self.get(Obj(descriptor), 3);
            if index >= self.tuple_len(objects) {
                return Obj::NONE;
            }
            return self.tuple_item(objects, index);
        }
        Obj(self.image.module_object(descriptor, index))
    }

    /// Drops the code info cache's entries for RAM raw codes, whose blocks
    /// the coming collection may free (see the module docs).
    pub(crate) fn forget_ram_code_info(&self) {
        for slot in &self.code_info_cache {
            if in_heap(slot.get().raw_code) {
                slot.set(super::code_info::EMPTY);
            }
        }
    }
}
