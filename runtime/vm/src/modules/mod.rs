//! The VM's native modules, one file each, and [`MODULES`], the one list
//! that registers them. A module is a static [`NativeModule`] table (see
//! `crate::native`); adding one is a new file here plus one line in each of
//! the two lists below. A port adds its own modules through
//! `Config::port_modules` instead.

pub mod array;
pub mod binascii;
pub mod builtins;
pub mod cmath;
pub mod collections;
pub mod errno;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod json;
pub mod machine;
pub mod math;
pub mod micropython;
pub mod os;
pub mod random;
pub mod re;
pub mod re_engine;
pub mod structs;
pub mod sys;
pub mod time;
pub mod uctypes;

use crate::native::NativeModule;

/// Every module the VM itself provides, in the order that numbers them.
pub static MODULES: &[&NativeModule] = &[
    &builtins::MODULE,
    &sys::MODULE,
    &gc::MODULE,
    &micropython::MODULE,
    &time::MODULE,
    &math::MODULE,
    &cmath::MODULE,
    &structs::MODULE,
    &binascii::MODULE,
    &errno::MODULE,
    &json::MODULE,
    &io::MODULE,
    &collections::MODULE,
    &array::MODULE,
    &heapq::MODULE,
    &hashlib::MODULE,
    &machine::MODULE,
    &re::MODULE,
    &os::MODULE,
    &random::MODULE,
    &uctypes::MODULE,
];
