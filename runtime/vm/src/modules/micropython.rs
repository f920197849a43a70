//! The `micropython` module: `const`, heap locking, `schedule`, the
//! memory reports `mem_info` (with MicroPython's heap map), `qstr_info` and
//! `mem_total`/`mem_current`/`mem_peak` (the unix port's statistics),
//! and the `RingIO` stream (`ringio.rs`).

use crate::builtins::{check_args, Handler};
use crate::gc::{BYTES_PER_BLOCK, FREE, HEAD, MARK};
use crate::native::NativeModule;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule {
    name: "micropython",
    functions: FUNCTIONS,
    constants: &[("RingIO", TypeId::RingIO.obj())],
    attr: None,
};

static FUNCTIONS: &[(&str, Handler)] = &[
    ("const", micropython_const),
    ("heap_lock", micropython_heap_lock),
    ("heap_unlock", micropython_heap_unlock),
    ("kbd_intr", micropython_kbd_intr),
    ("mem_current", micropython_mem_current),
    ("mem_info", micropython_mem_info),
    ("mem_peak", micropython_mem_peak),
    ("mem_total", micropython_mem_total),
    ("opt_level", micropython_opt_level),
    ("qstr_info", micropython_qstr_info),
    ("schedule", micropython_schedule),
    ("stack_use", micropython_stack_use),
];

fn micropython_const(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    Ok(args[0])
}

fn micropython_heap_lock(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.gc.locked += 1;
    Ok(Obj::NONE)
}

fn micropython_heap_unlock(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.gc.locked = vm.gc.locked.saturating_sub(1);
    Ok(Obj::small(vm.gc.locked as i32))
}

/// `micropython.kbd_intr(chr)`: the byte that raises `KeyboardInterrupt`
/// from here on (-1: none, so Ctrl-C reaches `sys.stdin` as a byte). The
/// REPL sets Ctrl-C again before each input it runs, as MicroPython does.
fn micropython_kbd_intr(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let value = vm.to_i64(args[0])?;
    let byte = u8::try_from(value).ok();
    vm.port.set_interrupt_char(byte);
    Ok(Obj::NONE)
}

/// `micropython.schedule(function, arg)`: queues the call for the next
/// safe point between bytecodes (`modules::machine_irq`).
fn micropython_schedule(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if !vm.schedule(args[0], args[1])? {
        return Err(vm.raise_msg(TypeId::RuntimeError, "schedule queue full"));
    }
    Ok(Obj::NONE)
}

/// `micropython.opt_level([level])`: the optimisation level of code
/// compiled from now on (`exec`, `eval`, `compile`, the REPL, modules
/// frozen as source): from 1 `__debug__` is False and `assert` is left
/// out, at 3 no line numbers are kept. Without an argument, the level.
fn micropython_opt_level(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let Some(&level) = args.first() else {
        return Ok(Obj::small(i32::from(vm.opt_level)));
    };
    let level = vm.to_i64(level)?;
    vm.opt_level = level.clamp(0, 3) as u8;
    Ok(Obj::NONE)
}

/// `micropython.stack_use()`: the bytes of the frame stack in use. Python
/// calls do not nest on the machine stack here; their frames are the stack.
fn micropython_stack_use(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::small(vm.heap.frame_stack_usage().0 as i32))
}

/// `micropython.mem_total()`: the bytes allocated since the VM started
/// (whole 16-byte blocks, the heap's frames not included).
fn micropython_mem_total(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let total = vm.gc.allocated_before_collect + vm.gc.allocated_since_collect as u64;
    vm.new_int(total as i64)
}

/// The bytes of the heap in use now, kept as the peak when it is the most yet.
fn in_use(vm: &mut Vm<'_>) -> usize {
    let used = vm.heap.stats().used_blocks * BYTES_PER_BLOCK;
    vm.gc.peak_in_use = vm.gc.peak_in_use.max(used);
    used
}

/// `micropython.mem_current()`: the bytes of the heap in use.
fn micropython_mem_current(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let used = in_use(vm);
    vm.new_int(used as i64)
}

/// `micropython.mem_peak()`: the most bytes in use that this function and
/// `mem_current` have measured (rime counts no bytes on each allocation).
fn micropython_mem_peak(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    in_use(vm);
    vm.new_int(vm.gc.peak_in_use as i64)
}

/// The blocks on one line of the heap map, as in MicroPython.
const BLOCKS_PER_LINE: usize = 64;

/// The heap-map letter of the allocation at `block`, as MicroPython prints it:
/// tuples, lists, dicts, strs and bytes, bytearrays and arrays, floats,
/// bytecode functions and modules have a letter; every other object is `h`.
fn block_letter(vm: &Vm<'_>, block: usize) -> u8 {
    let address = vm.heap.block_address(block);
    let type_obj = Obj(vm.heap.word(address));
    match TypeId::from_obj(type_obj) {
        Some(TypeId::Tuple) => b'T',
        Some(TypeId::List) => b'L',
        Some(TypeId::Dict) => b'D',
        Some(TypeId::Str | TypeId::Bytes) => b'S',
        Some(TypeId::Float) => b'F',
        Some(TypeId::Function) => b'B',
        Some(TypeId::Module) => b'M',
        Some(TypeId::ByteArray | TypeId::Array) => b'A',
        _ => b'h',
    }
}

fn micropython_mem_info(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let stats = vm.heap.stats();
    let total = stats.total_blocks * BYTES_PER_BLOCK;
    let used = stats.used_blocks * BYTES_PER_BLOCK;
    let free = stats.free_blocks * BYTES_PER_BLOCK;
    let (stack_used, stack_size) = vm.heap.frame_stack_usage();
    vm.emit_fmt(Sink::Stdout, format_args!("stack: {stack_used} out of {stack_size}\n"))?;
    vm.emit_fmt(Sink::Stdout, format_args!("GC: total: {total}, used: {used}, free: {free}\n"))?;
    if vm.gc.compile_arena_lent > 0 {
        // rime's own line: the heap the last compilation needed at its peak
        // (its arena, on the boards), and how much was lent for it.
        let (peak, lent, allocated) =
            (vm.gc.compile_arena_peak, vm.gc.compile_arena_lent, vm.gc.compile_allocated_peak);
        vm.emit_fmt(Sink::Stdout, format_args!("compile arena: peak {peak}, lent {lent}, allocated at once {allocated}\n"))?;
    }
    vm.emit_fmt(
        Sink::Stdout,
        format_args!(
            " No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
            stats.one_block, stats.two_blocks, stats.largest_used, stats.largest_free
        ),
    )?;
    if args.is_empty() {
        return Ok(Obj::NONE);
    }
    vm.emit(Sink::Stdout, b"GC memory layout; from ")?;
    vm.emit_fmt(Sink::Stdout, format_args!("{:x}:", vm.heap.pool_address()))?;
    let blocks = vm.heap.block_count();
    let mut line = [0u8; BLOCKS_PER_LINE];
    let mut block = 0;
    while block < blocks {
        // As MicroPython does, a line that starts two or more lines of free
        // blocks is replaced by their count, and the map goes on at the line
        // holding the first block in use.
        let mut free_end = block;
        while free_end < blocks && vm.heap.state(free_end) == FREE {
            free_end += 1;
        }
        if free_end - block >= 2 * BLOCKS_PER_LINE {
            let free_lines = (free_end - block) / BLOCKS_PER_LINE;
            vm.emit_fmt(Sink::Stdout, format_args!("\n       ({free_lines} lines all free)"))?;
            block = free_end - free_end % BLOCKS_PER_LINE;
            if block >= blocks {
                break;
            }
        }
        let mut count = 0;
        while count < BLOCKS_PER_LINE && block + count < blocks {
            let each = block + count;
            line[count] = match vm.heap.state(each) {
                FREE => b'.',
                HEAD => block_letter(vm, each),
                MARK => b'm',
                _ => b'=',
            };
            count += 1;
        }
        vm.emit_fmt(Sink::Stdout, format_args!("\n{:08x}: ", block * BYTES_PER_BLOCK))?;
        vm.emit(Sink::Stdout, &line[..count])?;
        block += count;
    }
    vm.emit(Sink::Stdout, b"\n")?;
    Ok(Obj::NONE)
}

fn micropython_qstr_info(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let mut pool_count = 0;
    let mut qstr_count = 0;
    let mut bytes = 0;
    let mut pool = vm.ram_qstr_pools();
    while !pool.is_null() {
        pool_count += 1;
        let count = vm.get_u(pool, 3);
        qstr_count += count;
        for index in 0..count {
            let entry = vm.get(pool, 5 + index);
            bytes += vm.str_len(entry) + 1;
        }
        pool = vm.get(pool, 1);
    }
    vm.emit_fmt(
        Sink::Stdout,
        format_args!(
            "qstr pool: n_pool={pool_count}, n_qstr={qstr_count}, n_str_data_bytes={bytes}, n_total_bytes={}\n",
            bytes + 16 * pool_count
        ),
    )?;
    if args.is_empty() {
        return Ok(Obj::NONE);
    }
    // Oldest pool first, like MicroPython's listing.
    let mut pools = [Obj::NULL; 32];
    let mut count = 0;
    let mut pool = vm.ram_qstr_pools();
    while !pool.is_null() && count < 32 {
        pools[count] = pool;
        count += 1;
        pool = vm.get(pool, 1);
    }
    for pool in pools[..count].iter().rev() {
        for index in 0..vm.get_u(*pool, 3) {
            let entry = vm.get(*pool, 5 + index);
            vm.emit(Sink::Stdout, b"Q(")?;
            vm.emit_str(Sink::Stdout, entry)?;
            vm.emit(Sink::Stdout, b")\n")?;
        }
    }
    Ok(Obj::NONE)
}
