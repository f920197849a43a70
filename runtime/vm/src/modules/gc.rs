//! The `gc` module: collecting, enabling and disabling the collector, the
//! heap's figures and the allocation threshold.

use crate::builtins::{check_args, Handler};
use crate::gc::BYTES_PER_BLOCK;
use crate::native::NativeModule;
use crate::obj::Obj;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("gc", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[
    ("collect", gc_collect),
    ("disable", gc_disable),
    ("enable", gc_enable),
    ("isenabled", gc_isenabled),
    ("mem_alloc", gc_mem_alloc),
    ("mem_free", gc_mem_free),
    ("threshold", gc_threshold),
];

fn gc_collect(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let freed = vm.collect();
    vm.new_int(freed as i64)
}

fn gc_disable(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.gc.enabled = false;
    Ok(Obj::NONE)
}

fn gc_enable(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.gc.enabled = true;
    Ok(Obj::NONE)
}

fn gc_isenabled(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::from_bool(vm.gc.enabled))
}

fn gc_mem_alloc(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let stats = vm.heap.stats();
    vm.new_int((stats.used_blocks * BYTES_PER_BLOCK) as i64)
}

fn gc_mem_free(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let stats = vm.heap.stats();
    vm.new_int((stats.free_blocks * BYTES_PER_BLOCK) as i64)
}

fn gc_threshold(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&value) = args.first() {
        // Whole blocks, as MicroPython counts it; negative turns it off.
        let bytes = vm.to_i64(value)?;
        vm.gc.threshold = if bytes < 0 { -1 } else { bytes - bytes % BYTES_PER_BLOCK as i64 };
        return Ok(Obj::NONE);
    }
    vm.new_int(vm.gc.threshold)
}
