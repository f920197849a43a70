//! The `select` module as MicroPython 1.27's (without its POSIX file
//! descriptor path, as on the rp2 port): `poll()` objects with `register`,
//! `unregister`, `modify`, `poll` and `ipoll`, `select.select`, and the
//! `POLLIN`, `POLLOUT`, `POLLERR` and `POLLHUP` flags.
//!
//! MicroPython asks each registered object through its stream protocol's
//! `ioctl(MP_STREAM_POLL, events)`; here [`poll_object`] asks rime's streams
//! the same question: the console streams (`sys.stdin`, `sys.stdout`, …)
//! are readable when a console byte waits ([`Vm::stdin_waiting`]) and
//! always writable, as the rp2 port's `mp_hal_stdio_poll` says; a
//! `machine.UART` is readable when it holds received bytes and writable;
//! an object of a class written in Python answers through its `ioctl(3,
//! events)` method (MicroPython's `io.IOBase` route); the streams whose
//! MicroPython `ioctl` knows no poll request (`io.BytesIO`, `io.StringIO`,
//! files, `deflate.DeflateIO`) raise `OSError(EINVAL)` when polled.
//!
//! Poll layout (words): `type, entries (a list of obj, events, revents,
//! three items per registered object, in registration order), ipoll's
//! count of ready entries left, ipoll's next index, ipoll's flags, ipoll's
//! result tuple (NULL until used; MicroPython hands out the same tuple at
//! every step)`.

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

const POLLIN: u32 = 0x0001;
const POLLOUT: u32 = 0x0004;
const POLLERR: u32 = 0x0008;
const POLLHUP: u32 = 0x0010;
/// `ipoll`'s flag: an entry that was reported is not polled again until
/// its events are set anew.
const ONESHOT: i32 = 1;
/// MicroPython's `ioctl` request for polling.
const STREAM_POLL: i32 = 3;
const EINVAL: i32 = 22;
const ENOENT: i32 = 2;

const WORD_ENTRIES: u32 = 1;
const WORD_ITER_LEFT: u32 = 2;
const WORD_ITER_INDEX: u32 = 3;
const WORD_FLAGS: u32 = 4;
const WORD_RESULT: u32 = 5;

pub static MODULE: NativeModule = NativeModule {
    name: "select",
    functions: &[("poll", new_poll), ("select", select)],
    constants: &[
        ("POLLIN", Obj::small(POLLIN as i32)),
        ("POLLOUT", Obj::small(POLLOUT as i32)),
        ("POLLERR", Obj::small(POLLERR as i32)),
        ("POLLHUP", Obj::small(POLLHUP as i32)),
    ],
    attr: None,
};

/// The type of `select.poll()`'s objects.
pub static POLL_TYPE: NativeType = NativeType {
    methods: POLL_METHODS,
    iter_next: Some(ipoll_next),
    print: Some(|vm, sink, _, _| vm.emit_fmt(sink, format_args!("<poll>"))),
    ..NativeType::EMPTY
};

static POLL_METHODS: &[(u16, Handler)] = &[
    (qstr_id("register"), register),
    (qstr_id("unregister"), unregister),
    (qstr_id("modify"), modify),
    (qstr_id("poll"), poll),
    (qstr_id("ipoll"), ipoll),
];

fn raise_errno(vm: &mut Vm<'_>, errno: i32) -> crate::vm::Raised {
    crate::modules::vfs::raise_errno(vm, errno)
}

/// `select.poll()`: an empty set of objects to poll.
fn new_poll(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let entries = vm.new_list(6)?;
    vm.with_roots(&[entries], |vm| {
        let poll = vm.alloc_typed(TypeId::Poll, 6)?;
        vm.set(poll, WORD_ENTRIES, entries);
        vm.set(poll, WORD_ITER_LEFT, Obj::small(0));
        vm.set(poll, WORD_ITER_INDEX, Obj::small(0));
        vm.set(poll, WORD_FLAGS, Obj::small(0));
        vm.set(poll, WORD_RESULT, Obj::NULL);
        Ok(poll)
    })
}

/// The poll object `self` and its entry list, or TypeError.
fn poll_parts(vm: &mut Vm<'_>, args: &[Obj]) -> R<(Obj, Obj)> {
    match args.first() {
        Some(&this) if vm.native_type(this) == TypeId::Poll => Ok((this, vm.get(this, WORD_ENTRIES))),
        _ => Err(vm.raise_msg(TypeId::TypeError, "expected a poll object")),
    }
}

/// The index in `entries` of `obj`'s first item (objects are told apart by
/// identity, as MicroPython's poll set is keyed by `id`).
fn find_entry(vm: &Vm<'_>, entries: Obj, obj: Obj) -> Option<u32> {
    (0..vm.list_len(entries) / 3).map(|entry| entry * 3).find(|&at| vm.list_item(entries, at) == obj)
}

/// Whether `obj` answers a poll: a stream of rime's, or an instance of a
/// class written in Python (asked through its `ioctl`). Anything else is
/// MicroPython's "stream operation not supported".
fn check_pollable(vm: &mut Vm<'_>, obj: Obj) -> R<()> {
    let pollable = vm.is_class(vm.type_of(obj))
        || matches!(
            vm.native_type(obj),
            TypeId::TextIo
                | TypeId::Uart
                | TypeId::StringIO
                | TypeId::BytesIO
                | TypeId::FileIO
                | TypeId::TextIOWrapper
                | TypeId::RomFileIO
                | TypeId::RomTextIOWrapper
                | TypeId::DeflateIO
        );
    if pollable {
        Ok(())
    } else {
        Err(vm.raise_msg(TypeId::OSError, "stream operation not supported"))
    }
}

/// Adds `obj` with `events`, or sets (or, for `select`, adds to) the events
/// of an object already there.
fn add_entry(vm: &mut Vm<'_>, entries: Obj, obj: Obj, events: u32, or_events: bool) -> R<()> {
    if let Some(at) = find_entry(vm, entries, obj) {
        let old = if or_events { vm.list_item(entries, at + 1).small_value() as u32 } else { 0 };
        vm.list_set_item(entries, at + 1, Obj::small((events | old) as i32));
        return Ok(());
    }
    check_pollable(vm, obj)?;
    vm.list_append(entries, obj)?;
    vm.list_append(entries, Obj::small(events as i32))?;
    vm.list_append(entries, Obj::small(0))
}

/// `register(obj[, eventmask])`: POLLIN | POLLOUT by default.
fn register(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (_, entries) = poll_parts(vm, args)?;
    let events = match args.get(2) {
        Some(&mask) => vm.to_i64(mask)? as u32,
        None => POLLIN | POLLOUT,
    };
    add_entry(vm, entries, args[1], events, false)?;
    Ok(Obj::NONE)
}

/// `unregister(obj)`: an object not registered is no error.
fn unregister(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (_, entries) = poll_parts(vm, args)?;
    if let Some(at) = find_entry(vm, entries, args[1]) {
        for _ in 0..3 {
            vm.list_remove_at(entries, at);
        }
    }
    Ok(Obj::NONE)
}

/// `modify(obj, eventmask)`: `OSError(ENOENT)` for an object not registered.
fn modify(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let (_, entries) = poll_parts(vm, args)?;
    let Some(at) = find_entry(vm, entries, args[1]) else {
        return Err(raise_errno(vm, ENOENT));
    };
    let events = vm.to_i64(args[2])? as u32;
    vm.list_set_item(entries, at + 1, Obj::small(events as i32));
    Ok(Obj::NONE)
}

/// MicroPython's `ioctl(MP_STREAM_POLL, events)` of `obj`: the events that hold.
fn poll_object(vm: &mut Vm<'_>, obj: Obj, events: u32) -> R<u32> {
    if vm.is_class(vm.type_of(obj)) {
        let Some(name) = vm.find_qstr(b"ioctl") else {
            return Err(vm.raise_msg(TypeId::AttributeError, "no ioctl method"));
        };
        let method = vm.load_attr(obj, Obj::qstr(name))?;
        let answer = vm.with_roots(&[method], |vm| {
            vm.call(method, &[Obj::small(STREAM_POLL), Obj::small(events as i32)], &[])
        })?;
        let answer = vm.to_i64(answer)?;
        if answer < 0 {
            return Err(raise_errno(vm, (-answer) as i32));
        }
        return Ok(answer as u32);
    }
    match vm.native_type(obj) {
        TypeId::TextIo => {
            let mut ready = events & POLLOUT;
            if events & POLLIN != 0 && vm.stdin_waiting() {
                ready |= POLLIN;
            }
            Ok(ready)
        }
        TypeId::Uart => {
            let id = vm.get(obj, crate::modules::machine_uart::WORD_ID).small_value() as u32;
            let waiting = crate::modules::machine::with_machine(vm, |machine| Ok(machine.uart(id)?.any()))?;
            let mut ready = events & POLLOUT;
            if events & POLLIN != 0 && waiting > 0 {
                ready |= POLLIN;
            }
            Ok(ready)
        }
        _ => Err(raise_errno(vm, EINVAL)),
    }
}

/// Polls every entry once, storing each one's revents: how many are ready.
fn poll_once(vm: &mut Vm<'_>, entries: Obj) -> R<u32> {
    let mut ready = 0;
    let mut at = 0;
    // The list is read again at each entry: an ioctl written in Python may
    // change the set.
    while at + 2 < vm.list_len(entries) {
        let obj = vm.list_item(entries, at);
        let events = vm.list_item(entries, at + 1).small_value() as u32;
        let revents = poll_object(vm, obj, events)?;
        if at + 2 < vm.list_len(entries) {
            vm.list_set_item(entries, at + 2, Obj::small(revents as i32));
        }
        if revents != 0 {
            ready += 1;
        }
        at += 3;
    }
    Ok(ready)
}

/// Polls until an entry is ready or `timeout_ms` (None: no limit) has
/// passed, serving interrupts, Ctrl-C and timers between rounds.
fn poll_until(vm: &mut Vm<'_>, entries: Obj, timeout_ms: Option<u32>) -> R<u32> {
    let start = vm.port.ticks_ms();
    loop {
        let found = poll_once(vm, entries)?;
        let elapsed = vm.port.ticks_ms().wrapping_sub(start);
        if found > 0 || timeout_ms.is_some_and(|limit| elapsed >= limit) {
            return Ok(found);
        }
        let wait_ms = timeout_ms.map_or(1, |limit| (limit - elapsed).min(1));
        vm.sleep_serving(u64::from(wait_ms) * 1000)?;
    }
}

/// A poll timeout in milliseconds: None or a negative number is no limit.
fn timeout_ms(vm: &mut Vm<'_>, value: Option<Obj>) -> R<Option<u32>> {
    match value {
        Some(value) if !value.is_none() => {
            let ms = vm.to_i64(value)?;
            Ok(u32::try_from(ms).ok())
        }
        _ => Ok(None),
    }
}

/// `poll([timeout])`: a list of `(obj, revents)` for the ready objects.
fn poll(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (this, entries) = poll_parts(vm, args)?;
    let timeout = timeout_ms(vm, args.get(1).copied())?;
    vm.set(this, WORD_FLAGS, Obj::small(0));
    poll_until(vm, entries, timeout)?;
    let ready = vm.new_list(4)?;
    vm.with_roots(&[ready], |vm| {
        let mut at = 0;
        while at + 2 < vm.list_len(entries) {
            let revents = vm.list_item(entries, at + 2);
            if revents.small_value() != 0 {
                let pair = vm.new_tuple(&[vm.list_item(entries, at), revents])?;
                vm.list_append(ready, pair)?;
            }
            at += 3;
        }
        Ok(ready)
    })
}

/// `ipoll([timeout[, flags]])`: polls, then iterates over the ready
/// objects with the poll object itself, one shared `(obj, revents)` tuple.
fn ipoll(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 3)?;
    let (this, entries) = poll_parts(vm, args)?;
    if vm.get(this, WORD_RESULT).is_null() {
        let result = vm.alloc_tuple(2)?;
        vm.set(this, WORD_RESULT, result);
    }
    let timeout = timeout_ms(vm, args.get(1).copied())?;
    let flags = match args.get(2) {
        Some(&value) => vm.to_i64(value)? as i32,
        None => 0,
    };
    vm.set(this, WORD_FLAGS, Obj::small(flags));
    let ready = poll_until(vm, entries, timeout)?;
    vm.set(this, WORD_ITER_LEFT, Obj::small(ready as i32));
    vm.set(this, WORD_ITER_INDEX, Obj::small(0));
    Ok(this)
}

/// The next ready object of the last `ipoll`.
fn ipoll_next(vm: &mut Vm<'_>, this: Obj) -> R<Option<Obj>> {
    let left = vm.get(this, WORD_ITER_LEFT).small_value();
    if left <= 0 {
        return Ok(None);
    }
    vm.set(this, WORD_ITER_LEFT, Obj::small(left - 1));
    let entries = vm.get(this, WORD_ENTRIES);
    let mut at = vm.get(this, WORD_ITER_INDEX).small_value().max(0) as u32 * 3;
    while at + 2 < vm.list_len(entries) {
        vm.set(this, WORD_ITER_INDEX, Obj::small((at / 3 + 1) as i32));
        let revents = vm.list_item(entries, at + 2);
        if revents.small_value() != 0 {
            let result = vm.get(this, WORD_RESULT);
            vm.set(result, 2, vm.list_item(entries, at));
            vm.set(result, 3, revents);
            if vm.get(this, WORD_FLAGS).small_value() & ONESHOT != 0 {
                vm.list_set_item(entries, at + 1, Obj::small(0));
            }
            return Ok(Some(result));
        }
        at += 3;
    }
    vm.set(this, WORD_ITER_LEFT, Obj::small(0));
    Ok(None)
}

/// `select.select(rlist, wlist, xlist[, timeout])`: the timeout in
/// seconds (None: no limit); three lists of the ready objects.
fn select(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 4)?;
    let timeout = match args.get(3) {
        Some(&value) if !value.is_none() => {
            let seconds = match vm.to_f64(value) {
                Some(seconds) => seconds,
                None => vm.to_i64(value)? as f64,
            };
            (seconds >= 0.0).then(|| (seconds * 1000.0) as u32)
        }
        _ => None,
    };
    let entries = vm.new_list(6)?;
    vm.with_roots(&[entries], |vm| {
        for (list, events) in [(args[0], POLLIN), (args[1], POLLOUT), (args[2], POLLERR | POLLHUP)] {
            let iterator = vm.get_iter(list)?;
            vm.push_root(iterator)?;
            while let Some(obj) = vm.iter_next(iterator)? {
                add_entry(vm, entries, obj, events, true)?;
            }
        }
        poll_until(vm, entries, timeout)?;
        let mut lists = [Obj::NULL; 3];
        for list in &mut lists {
            *list = vm.new_list(2)?;
            vm.push_root(*list)?;
        }
        let mut at = 0;
        while at + 2 < vm.list_len(entries) {
            let obj = vm.list_item(entries, at);
            let revents = vm.list_item(entries, at + 2).small_value() as u32;
            let kinds = [revents & POLLIN != 0, revents & POLLOUT != 0, revents & !(POLLIN | POLLOUT) != 0];
            for (list, kind) in lists.iter().zip(kinds) {
                if kind {
                    vm.list_append(*list, obj)?;
                }
            }
            at += 3;
        }
        vm.new_tuple(&lists)
    })
}
