//! `machine.RTC` and `machine.WDT`, as MicroPython's rp2 port has them.
//!
//! `RTC().datetime()` gives `(year, month, day, weekday, hours, minutes,
//! seconds, subseconds)` (weekday 0 is Monday, subseconds 0) and
//! `datetime(tuple)` sets it. Like the RP2040's RTC, which MicroPython
//! starts at 2021-01-01 00:00:00 (a Friday), the clock starts there at boot
//! and counts on the port's millisecond clock. Every RTC object reads the
//! one clock, kept in `sys.modules` under a name no import can reach: a
//! list `[seconds since 2000-01-01 at the last reading, ticks_ms then,
//! milliseconds left over]`.
//!
//! `WDT(id=0, timeout=5000)` starts the watchdog, which `feed()` holds
//! off; the RP2040's counter allows at most 8388 ms. The VM checks it with
//! its timers: unfed for its timeout, the watchdog resets the machine
//! (`Port::reset`, which on the host and QEMU ends the program), and
//! `reset_cause()` then says `WDT_RESET` on a port that keeps it.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeType;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static RTC_TYPE: NativeType = NativeType {
    methods: &[(qstr_id("datetime"), datetime)],
    make_new: Some(|vm, _type_id, args, _kw| {
        check_args(vm, args, 0, 1)?;
        vm.alloc_typed(TypeId::Rtc, 1)
    }),
    ..NativeType::EMPTY
};

pub static WDT_TYPE: NativeType = NativeType {
    methods: WDT_METHODS,
    make_new: Some(|vm, _type_id, args, kw| wdt_construct(vm, args, kw)),
    ..NativeType::EMPTY
};

static WDT_METHODS: &[(u16, Handler)] = &[(qstr_id("feed"), wdt_feed)];

/// Seconds from 2000-01-01 to 2021-01-01, where the clock starts.
const BOOT_SECONDS: i64 = 662_774_400;

/// The longest watchdog timeout of the RP2040's 24-bit counter, in ms.
const WDT_TIMEOUT_MAX: i64 = 8388;

/// Days from 1970-01-01 to 2000-01-01, the RTC's own epoch.
const DAYS_1970_TO_2000: i64 = 10_957;

/// Days from 2000-01-01 to `year`-`month`-`day`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    crate::modules::time::days_from_civil(year, month, day) - DAYS_1970_TO_2000
}

/// `(year, month, day)` of the day `days` after 2000-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    crate::modules::time::civil_from_days(days + DAYS_1970_TO_2000)
}

/// The clock's state list, made on first use at the boot time.
fn clock(vm: &mut Vm<'_>) -> R<Obj> {
    let key = vm.new_str(b"machine RTC")?;
    vm.root_scope(|vm| {
        vm.push_root(key)?;
        let modules = vm.modules;
        if let Some(state) = vm.map_get(modules, key)? {
            return Ok(state);
        }
        let state = vm.new_list(3)?;
        vm.push_root(state)?;
        let seconds = vm.new_int(BOOT_SECONDS)?;
        vm.list_append(state, seconds)?;
        let now = vm.port.ticks_ms();
        let ticks = vm.new_int(i64::from(now))?;
        vm.list_append(state, ticks)?;
        vm.list_append(state, Obj::small(0))?;
        vm.map_set(modules, key, state)?;
        Ok(state)
    })
}

/// The clock's seconds since 2000 now, after counting the time since the last reading.
fn clock_seconds(vm: &mut Vm<'_>, state: Obj) -> R<i64> {
    let item = vm.list_item(state, 0);
    let seconds = vm.to_i64(item)?;
    let item = vm.list_item(state, 1);
    let last = vm.to_i64(item)? as u32;
    let left_over = i64::from(vm.list_item(state, 2).small_value());
    let now = vm.port.ticks_ms();
    let elapsed = i64::from(now.wrapping_sub(last)) + left_over;
    let seconds = seconds + elapsed / 1000;
    set_clock(vm, state, seconds, now, (elapsed % 1000) as i32)?;
    Ok(seconds)
}

fn set_clock(vm: &mut Vm<'_>, state: Obj, seconds: i64, ticks: u32, left_over: i32) -> R<()> {
    vm.with_roots(&[state], |vm| {
        let seconds = vm.new_int(seconds)?;
        vm.list_set_item(state, 0, seconds);
        let ticks = vm.new_int(i64::from(ticks))?;
        vm.list_set_item(state, 1, ticks);
        vm.list_set_item(state, 2, Obj::small(left_over));
        Ok(())
    })
}

/// `RTC.datetime([datetimetuple])`.
fn datetime(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let state = clock(vm)?;
    if let Some(&tuple) = args.get(1) {
        let Some(items) = vm.seq_items(tuple).filter(|items| items.1 == 8) else {
            return Err(vm.raise_msg(TypeId::ValueError, "requested length 8 but object has different length"));
        };
        let mut fields = [0i64; 8];
        for (index, field) in fields.iter_mut().enumerate() {
            let item = vm.seq_item_at(items, index as u32);
            *field = vm.to_i64(item)?;
        }
        let [year, month, day, _weekday, hours, minutes, seconds, _subseconds] = fields;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(0..24).contains(&hours) {
            return Err(vm.raise_msg(TypeId::OSError, "invalid datetime"));
        }
        let total = days_from_civil(year, month, day) * 86_400 + hours * 3600 + minutes * 60 + seconds;
        let now = vm.port.ticks_ms();
        vm.with_roots(&[state], |vm| set_clock(vm, state, total, now, 0))?;
        return Ok(Obj::NONE);
    }
    let seconds = vm.with_roots(&[state], |vm| clock_seconds(vm, state))?;
    let days = seconds.div_euclid(86_400);
    let in_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    // 2000-01-01 was a Saturday: weekday 5 with Monday 0.
    let weekday = (days + 5).rem_euclid(7);
    let fields = [year, month, day, weekday, in_day / 3600, in_day / 60 % 60, in_day % 60, 0];
    let items = fields.map(|field| Obj::small(field as i32));
    vm.new_tuple(&items)
}

/// `WDT(id=0, timeout=5000)`.
fn wdt_construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 2)?;
    let id = match args.first() {
        Some(&id) => vm.to_i64(id)?,
        None => 0,
    };
    if id != 0 {
        return Err(vm.raise_fmt(TypeId::ValueError, format_args!("WDT({id}) doesn't exist")));
    }
    let timeout = match args.get(1).copied().or_else(|| keyword(vm, kw, "timeout")) {
        Some(timeout) => vm.to_i64(timeout)?,
        None => 5000,
    };
    if timeout > WDT_TIMEOUT_MAX {
        return Err(vm.raise_msg(TypeId::ValueError, "timeout exceeds 8388"));
    }
    vm.start_watchdog(timeout.max(1) as u32)?;
    vm.alloc_typed(TypeId::Wdt, 1)
}

fn wdt_feed(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.feed_watchdog();
    Ok(Obj::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_convert_both_ways() {
        assert_eq!(days_from_civil(2000, 1, 1), 0);
        assert_eq!(days_from_civil(2021, 1, 1) * 86_400, BOOT_SECONDS);
        assert_eq!(days_from_civil(2000, 3, 1), 60, "2000 is a leap year");
        assert_eq!(days_from_civil(1999, 12, 31), -1);
        for days in [-1000, -1, 0, 59, 60, 365, 366, 7670, 20000, 36524, 36525] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days, "{year}-{month}-{day}");
        }
        assert_eq!(civil_from_days(7671), (2021, 1, 1));
        assert_eq!((days_from_civil(2021, 1, 1) + 5).rem_euclid(7), 4, "2021-01-01 was a Friday");
    }
}
