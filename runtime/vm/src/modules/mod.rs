//! The VM's native modules, one file each, and [`MODULES`], the one list
//! that registers them. A module is a static [`NativeModule`] table (see
//! `crate::native`); adding one is a new file here plus one line in
//! `native_modules!` below. A port adds its own modules through
//! `Config::port_modules` instead.

pub mod deflate_compress;
pub mod deflate_inflate;
pub mod file;
pub mod framebuf_canvas;
pub mod machine_i2c;
pub mod machine_irq;
pub mod machine_misc;
pub mod machine_pwm;
pub mod machine_rtc;
pub mod machine_signal;
pub mod machine_soft_spi;
pub mod machine_spi;
pub mod machine_timer;
pub mod machine_uart;
pub mod re_engine;
pub mod ringio;
#[cfg(all(test, feature = "compiler"))]
mod select_tests;
pub mod vfs_rom;
pub mod vfs_user;

use crate::native::NativeModule;

/// Declares each module file and lists its `MODULE` in [`MODULES`], in the
/// order that numbers them: one line per module.
macro_rules! native_modules {
    ($($name:ident,)*) => {
        $(pub mod $name;)*

        /// Every module the VM itself provides.
        pub static MODULES: &[&NativeModule] = &[$(&$name::MODULE,)*];
    };
}

native_modules! {
    builtins,
    sys,
    gc,
    micropython,
    time,
    math,
    cmath,
    structs,
    binascii,
    errno,
    json,
    io,
    collections,
    array,
    heapq,
    hashlib,
    machine,
    re,
    os,
    random,
    uctypes,
    vfs,
    framebuf,
    neopixel,
    onewire,
    platform,
    deflate,
    select,
}
