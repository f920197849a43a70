//! The `time` module on the port's clock: sleeping, MicroPython's wrapping
//! tick counters and their arithmetic, and the UTC calendar functions.

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("time", FUNCTIONS);

fn sleep_for(vm: &mut Vm<'_>, value: Obj, scale: f64) -> R<Obj> {
    let Some(amount) = vm.to_f64(value) else {
        return Err(vm.type_error_for("can't convert to float:", value));
    };
    let us = if amount > 0.0 { (amount * scale) as u64 } else { 0 };
    vm.sleep_serving(us)?;
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

static FUNCTIONS: &[(&str, Handler)] = &[
    ("gmtime", time_gmtime),
    ("localtime", time_gmtime),
    ("mktime", time_mktime),
    ("sleep", time_sleep),
    ("sleep_ms", time_sleep_ms),
    ("sleep_us", time_sleep_us),
    ("ticks_cpu", time_ticks_cpu),
    ("time", time_time),
    ("time_ns", time_time_ns),
    ("ticks_add", time_ticks_add),
    ("ticks_diff", time_ticks_diff),
    ("ticks_ms", time_ticks_ms),
    ("ticks_us", time_ticks_us),
];

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
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
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
            _ => return Err(vm.cannot_convert(value, "int")),
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
