//! The builtin modules: `gc`, `micropython`, `sys`, `time` (clock from the
//! port), and in their own files `struct`, `math`, `binascii`, `errno` and
//! `json`. They are static module objects; their functions live in builtin
//! tables.

pub mod array;
pub mod binascii;
pub mod collections;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod json;
pub mod machine;
pub mod math;
pub mod os;
pub mod random;
pub mod re;
pub mod re_engine;
pub mod structs;
pub mod uctypes;

use crate::builtins::{
    check_args, lookup_in_table, Handler, TABLE_BINASCII, TABLE_GC, TABLE_JSON, TABLE_MATH, TABLE_MICROPYTHON,
    TABLE_STRUCT, TABLE_SYS, TABLE_TIME,
};
use crate::gc::{BYTES_PER_BLOCK, FREE, HEAD, MARK, TAIL};
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// The builtin module called `name` (or `u` + `name`), if any.
pub fn builtin_module(name: &[u8]) -> Option<Obj> {
    match name {
        b"gc" => Some(Singleton::ModuleGc.obj()),
        b"micropython" => Some(Singleton::ModuleMicropython.obj()),
        b"sys" => Some(Singleton::ModuleSys.obj()),
        b"builtins" => Some(Singleton::ModuleBuiltins.obj()),
        b"time" | b"utime" => Some(Singleton::ModuleTime.obj()),
        b"math" => Some(Singleton::ModuleMath.obj()),
        b"struct" | b"ustruct" => Some(Singleton::ModuleStruct.obj()),
        b"binascii" => Some(Singleton::ModuleBinascii.obj()),
        b"errno" => Some(Singleton::ModuleErrno.obj()),
        b"json" => Some(Singleton::ModuleJson.obj()),
        b"io" => Some(Singleton::ModuleIo.obj()),
        b"collections" => Some(Singleton::ModuleCollections.obj()),
        b"array" => Some(Singleton::ModuleArray.obj()),
        b"heapq" => Some(Singleton::ModuleHeapq.obj()),
        b"hashlib" => Some(Singleton::ModuleHashlib.obj()),
        b"machine" => Some(Singleton::ModuleMachine.obj()),
        b"re" => Some(Singleton::ModuleRe.obj()),
        b"os" => Some(Singleton::ModuleOs.obj()),
        b"random" => Some(Singleton::ModuleRandom.obj()),
        b"uctypes" => Some(Singleton::ModuleUctypes.obj()),
        // As in MicroPython, `import ufoo` finds the builtin module `foo`.
        _ => match name.strip_prefix(b"u") {
            Some(rest) if !rest.starts_with(b"u") => builtin_module(rest),
            _ => None,
        },
    }
}

/// The name of a builtin module.
pub fn static_module_name(module: Obj) -> Obj {
    match Singleton::from_obj(module) {
        Some(Singleton::ModuleGc) => q!("gc"),
        Some(Singleton::ModuleMicropython) => q!("micropython"),
        Some(Singleton::ModuleSys) => q!("sys"),
        Some(Singleton::ModuleTime) => q!("time"),
        Some(Singleton::ModuleMath) => q!("math"),
        Some(Singleton::ModuleStruct) => q!("struct"),
        Some(Singleton::ModuleBinascii) => q!("binascii"),
        Some(Singleton::ModuleErrno) => q!("errno"),
        Some(Singleton::ModuleJson) => q!("json"),
        Some(Singleton::ModuleIo) => q!("io"),
        Some(Singleton::ModuleCollections) => q!("collections"),
        Some(Singleton::ModuleArray) => q!("array"),
        Some(Singleton::ModuleHeapq) => q!("heapq"),
        Some(Singleton::ModuleHashlib) => q!("hashlib"),
        Some(Singleton::ModuleMachine) => q!("machine"),
        Some(Singleton::ModuleRe) => q!("re"),
        Some(Singleton::ModuleOs) => q!("os"),
        Some(Singleton::ModuleRandom) => q!("random"),
        Some(Singleton::ModuleUctypes) => q!("uctypes"),
        _ => q!("builtins"),
    }
}

/// An attribute of a builtin module.
pub fn module_attr(vm: &mut Vm<'_>, module: Obj, name: u32) -> R<Option<Obj>> {
    if Obj::qstr(name) == q!("__name__") {
        return Ok(Some(static_module_name(module)));
    }
    let found = match Singleton::from_obj(module) {
        Some(Singleton::ModuleGc) => lookup_in_table(TABLE_GC, name),
        Some(Singleton::ModuleMicropython) => lookup_in_table(TABLE_MICROPYTHON, name),
        Some(Singleton::ModuleTime) => lookup_in_table(TABLE_TIME, name),
        Some(Singleton::ModuleMath) => match math::constant(vm, name)? {
            Some(value) => Some(value),
            None => lookup_in_table(TABLE_MATH, name),
        },
        Some(Singleton::ModuleStruct) => lookup_in_table(TABLE_STRUCT, name),
        Some(Singleton::ModuleBinascii) => lookup_in_table(TABLE_BINASCII, name),
        Some(Singleton::ModuleErrno) => binascii::errno_attr(vm, name)?,
        Some(Singleton::ModuleJson) => lookup_in_table(TABLE_JSON, name),
        Some(Singleton::ModuleIo) => io::io_attr(name),
        Some(Singleton::ModuleCollections) => collections::collections_attr(vm, name)?,
        Some(Singleton::SysImplementation) => implementation_attr(vm, name)?,
        Some(Singleton::ModuleArray) => array::module_attr(name),
        Some(Singleton::ModuleHeapq) => lookup_in_table(crate::builtins::TABLE_HEAPQ, name),
        Some(Singleton::ModuleHashlib) => hashlib::module_attr(name),
        Some(Singleton::ModuleMachine) => machine::module_attr(name),
        Some(Singleton::ModuleRe) => re::module_attr(name),
        Some(Singleton::ModuleOs) => os::module_attr(name),
        Some(Singleton::ModuleRandom) => random::module_attr(name),
        Some(Singleton::ModuleUctypes) => uctypes::module_attr(vm, name),
        Some(Singleton::ModuleBuiltins) => crate::builtins::lookup_builtin(name),
        Some(Singleton::ModuleSys) => {
            let name = Obj::qstr(name);
            if name == q!("modules") {
                Some(vm.modules)
            } else if name == q!("platform") {
                let platform = vm.port.platform();
                Some(vm.intern_bytes(platform.as_bytes())?)
            } else if name == q!("stdout") {
                Some(Singleton::SysStdout.obj())
            } else if name == q!("stderr") {
                Some(Singleton::SysStderr.obj())
            } else if name == q!("maxsize") {
                Some(Obj::small(0x3fff_ffff))
            } else if name == q!("byteorder") {
                Some(q!("little"))
            } else if name == q!("implementation") {
                Some(Singleton::SysImplementation.obj())
            } else if let Some(value) = sys_value(vm, name)? {
                Some(value)
            } else {
                lookup_in_table(TABLE_SYS, name.qstr_id())
            }
        }
        _ => None,
    };
    Ok(found)
}

pub static GC_FUNCTIONS: &[(u16, Handler)] = &[
    (qstr_id("collect"), gc_collect),
    (qstr_id("disable"), gc_disable),
    (qstr_id("enable"), gc_enable),
    (qstr_id("isenabled"), gc_isenabled),
    (qstr_id("mem_alloc"), gc_mem_alloc),
    (qstr_id("mem_free"), gc_mem_free),
    (qstr_id("threshold"), gc_threshold),
];

pub static MICROPYTHON_FUNCTIONS: &[(u16, Handler)] = &[
    (qstr_id("const"), micropython_const),
    (qstr_id("heap_lock"), micropython_heap_lock),
    (qstr_id("heap_unlock"), micropython_heap_unlock),
    (qstr_id("mem_info"), micropython_mem_info),
    (qstr_id("opt_level"), micropython_opt_level),
    (qstr_id("qstr_info"), micropython_qstr_info),
    (qstr_id("schedule"), micropython_schedule),
    (qstr_id("stack_use"), micropython_stack_use),
];

pub static SYS_FUNCTIONS: &[(u16, Handler)] =
    &[(qstr_id("exit"), sys_exit), (qstr_id("print_exception"), sys_print_exception)];

/// An attribute of `sys.implementation`: `name`, `version` and `_mpy`
/// (bytecode v6.3 with no native architecture, as the freezer emits).
fn implementation_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let name = Obj::qstr(name);
    if name == q!("name") {
        return Ok(Some(q!("rime")));
    }
    if name == q!("version") {
        let mut parts = [Obj::small(0); 3];
        for (slot, text) in parts.iter_mut().zip(crate::VERSION.split('.')) {
            *slot = Obj::small(text.parse().unwrap_or(0));
        }
        return Ok(Some(vm.new_tuple(&parts)?));
    }
    if name == q!("_mpy") {
        return Ok(Some(Obj::small(6 | (3 << 8))));
    }
    Ok(None)
}

/// The parts of `sys` that are plain values: argv, path, version, version_info.
fn sys_value(vm: &mut Vm<'_>, name: Obj) -> R<Option<Obj>> {
    if name == q!("argv") {
        return Ok(Some(vm.new_list(0)?));
    }
    if name == q!("path") {
        let frozen = vm.intern_bytes(b".frozen")?;
        let mark = vm.root_mark();
        vm.push_root(frozen)?;
        let made = vm.new_list_from(&[Obj::qstr(1), frozen]);
        vm.pop_roots(mark);
        return Ok(Some(made?));
    }
    if name == q!("version") {
        return Ok(Some(vm.format_to_str(format_args!("3.4.0; rime {}", crate::VERSION))?));
    }
    if name == q!("version_info") {
        return Ok(Some(vm.new_tuple(&[Obj::small(3), Obj::small(4), Obj::small(0)])?));
    }
    Ok(None)
}

fn sleep_for(vm: &mut Vm<'_>, value: Obj, scale: f64) -> R<Obj> {
    let Some(amount) = vm.to_f64(value) else {
        return Err(vm.type_error_for("can't convert to float:", value));
    };
    if amount > 0.0 {
        vm.port.sleep_us((amount * scale) as u64);
    }
    Ok(Obj::NONE)
}

fn time_sleep(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    sleep_for(vm, args[0], 1e6)
}

fn time_sleep_ms(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    sleep_for(vm, args[0], 1e3)
}

fn time_sleep_us(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    sleep_for(vm, args[0], 1.0)
}

fn time_ticks_cpu(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let ticks = vm.port.ticks_cpu() & 0x3fff_ffff;
    Ok(Obj::small(ticks as i32))
}

fn time_time(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let seconds = vm.port.time_ns() / 1_000_000_000;
    vm.new_int(seconds as i64)
}

fn time_time_ns(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let nanoseconds = vm.port.time_ns();
    vm.new_int(nanoseconds.min(i64::MAX as u64) as i64)
}

pub static STDIO_METHODS: &[(u16, Handler)] = &[(qstr_id("write"), stdio_write), (qstr_id("flush"), stdio_flush)];

pub static TIME_FUNCTIONS: &[(u16, Handler)] = &[
    (qstr_id("gmtime"), time_gmtime),
    (qstr_id("localtime"), time_gmtime),
    (qstr_id("mktime"), time_mktime),
    (qstr_id("sleep"), time_sleep),
    (qstr_id("sleep_ms"), time_sleep_ms),
    (qstr_id("sleep_us"), time_sleep_us),
    (qstr_id("ticks_cpu"), time_ticks_cpu),
    (qstr_id("time"), time_time),
    (qstr_id("time_ns"), time_time_ns),
    (qstr_id("ticks_add"), time_ticks_add),
    (qstr_id("ticks_diff"), time_ticks_diff),
    (qstr_id("ticks_ms"), time_ticks_ms),
    (qstr_id("ticks_us"), time_ticks_us),
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
        vm.gc.threshold = vm.to_i64(value)?;
        return Ok(Obj::NONE);
    }
    vm.new_int(vm.gc.threshold)
}

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

/// `micropython.schedule(function, arg)`: the host and the boards have no
/// interrupt context yet, so the function runs at once (a safe point).
fn micropython_schedule(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.call(args[0], &[args[1]], &[])?;
    Ok(Obj::NONE)
}

fn micropython_opt_level(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    Ok(if args.is_empty() { Obj::small(0) } else { Obj::NONE })
}

/// `micropython.stack_use()`: the bytes of the frame stack in use. Python
/// calls do not nest on the machine stack here; their frames are the stack.
fn micropython_stack_use(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::small(vm.heap.frame_stack_usage().0 as i32))
}

/// The heap-map letter of the allocation at `block`, as MicroPython prints it.
fn block_letter(vm: &Vm<'_>, block: usize) -> u8 {
    let address = vm.heap.block_address(block);
    let type_obj = Obj(vm.heap.word(address));
    match TypeId::from_obj(type_obj) {
        Some(TypeId::Tuple) => b'T',
        Some(TypeId::List) => b'L',
        Some(TypeId::Dict) => b'D',
        Some(TypeId::Str | TypeId::Bytes) => b'S',
        Some(TypeId::Float) => b'F',
        Some(TypeId::Function | TypeId::BoundMethod) => b'B',
        Some(TypeId::Module) => b'M',
        Some(TypeId::ByteArray | TypeId::Buffer) => b'A',
        Some(TypeId::Frame | TypeId::Type) => b'h',
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
    let per_line = 1024 / BYTES_PER_BLOCK;
    let mut line = [0u8; 64];
    let mut block = 0;
    while block < blocks {
        let mut tail_state = FREE;
        let mut count = 0;
        while count < per_line && block + count < blocks {
            let each = block + count;
            line[count] = match vm.heap.state(each) {
                FREE => b'.',
                HEAD | MARK => {
                    tail_state = HEAD;
                    block_letter(vm, each)
                }
                TAIL if tail_state == HEAD => b'=',
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

fn sys_exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let exc = vm.new_exception(TypeId::SystemExit.obj(), args)?;
    Err(vm.raise(exc))
}

fn sys_print_exception(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let mark = vm.root_mark();
    let file = args.get(1).copied();
    let sink = crate::builtins::file_sink(vm, file)?;
    vm.print_traceback(sink, args[0])?;
    crate::builtins::finish_file_sink(vm, sink, file)?;
    vm.pop_roots(mark);
    Ok(Obj::NONE)
}

fn stdio_write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let sink = if args[0] == Singleton::SysStderr.obj() { Sink::Stderr } else { Sink::Stdout };
    vm.print_obj(sink, args[1], Style::Str)?;
    let count = vm.len_of(args[1])?;
    vm.new_int(count as i64)
}

fn stdio_flush(_vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::NONE)
}

fn time_ticks_ms(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let ticks = vm.port.ticks_ms() & 0x3fff_ffff;
    Ok(Obj::small(ticks as i32))
}

fn time_ticks_us(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let ticks = vm.port.ticks_us() & 0x3fff_ffff;
    Ok(Obj::small(ticks as i32))
}

fn time_ticks_add(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let sum = vm.to_i64(args[0])?.wrapping_add(vm.to_i64(args[1])?) & 0x3fff_ffff;
    Ok(Obj::small(sum as i32))
}

fn time_ticks_diff(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let difference = (vm.to_i64(args[0])? - vm.to_i64(args[1])?) & 0x3fff_ffff;
    let signed = if difference >= 0x2000_0000 { difference - 0x4000_0000 } else { difference };
    Ok(Obj::small(signed as i32))
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// `time.gmtime([secs])` and `time.localtime([secs])` (the ports keep UTC):
/// `(year, month, mday, hour, minute, second, weekday, yearday)`.
fn time_gmtime(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let seconds = match args.first() {
        Some(&value) if !value.is_none() => match vm.to_f64(value) {
            Some(number) if number.is_finite() && number.abs() < 1e15 => libm::floor(number) as i64,
            _ => return Err(vm.type_error_for("can't convert to int:", value)),
        },
        _ => (vm.port.time_ns() / 1_000_000_000) as i64,
    };
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let weekday = (days + 3).rem_euclid(7);
    let yearday = days - days_from_civil(year, 1, 1) + 1;
    let fields = [year, month, day, rest / 3600, rest / 60 % 60, rest % 60, weekday, yearday];
    let tuple = vm.alloc_tuple(fields.len())?;
    for (index, value) in fields.iter().enumerate() {
        vm.set(tuple, 2 + index as u32, Obj::small(*value as i32));
    }
    Ok(tuple)
}

/// `time.mktime(tuple)`: seconds since the epoch of a UTC date tuple.
fn time_mktime(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let mut fields = [0i64; 6];
    let Some(items) = vm.seq_items(args[0]).filter(|items| items.1 >= 6) else {
        return Err(vm.raise_msg(TypeId::TypeError, "mktime needs a tuple of at least 6 items"));
    };
    for (index, slot) in fields.iter_mut().enumerate() {
        let item = vm.seq_item_at(items, index as u32);
        *slot = vm.to_i64(item)?.clamp(-1_000_000, 1_000_000);
    }
    let days = days_from_civil(fields[0], fields[1], fields[2]);
    vm.new_int(days * 86_400 + fields[3] * 3600 + fields[4] * 60 + fields[5])
}
