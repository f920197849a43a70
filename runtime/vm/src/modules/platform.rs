//! The `platform` module, as MicroPython's: `platform()` names the system,
//! the implementation's version and the architecture
//! (`rp2-0.1.0-arm--with-` on the boards, `linux-0.1.0-x86_64--with-` on
//! a Linux host), `python_compiler()` the compiler that built the runtime
//! and `libc_ver()` its C library, which rime has none of (`('', '')`).
//! MicroPython builds these strings from its port's configuration; rime
//! takes the system from the port (`sys.platform`) and the architecture
//! from the target it was compiled for, so the VM names no chip.

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::Obj;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("platform", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[
    ("libc_ver", platform_libc_ver),
    ("platform", platform_platform),
    ("python_compiler", platform_python_compiler),
];

/// The architecture the runtime was compiled for, as Rust names it.
const ARCH: &str = if cfg!(target_arch = "arm") {
    "arm"
} else if cfg!(target_arch = "x86_64") {
    "x86_64"
} else if cfg!(target_arch = "aarch64") {
    "aarch64"
} else if cfg!(target_arch = "riscv32") {
    "riscv32"
} else {
    "unknown"
};

/// `platform.platform()`: `SYSTEM-VERSION-ARCH--with-`, MicroPython's
/// shape with no OS version and no C library. Keyword arguments
/// (`aliased`, `terse`) are accepted and ignored, as MicroPython does.
fn platform_platform(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let system = vm.port.platform();
    vm.format_to_str(format_args!("{system}-{}-{}--with-", crate::VERSION, ARCH))
}

/// `platform.python_compiler()`: what compiled the runtime.
fn platform_python_compiler(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    vm.intern_bytes(b"rustc")
}

/// `platform.libc_ver()`: `('', '')`, there being no C library.
fn platform_libc_ver(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let empty = vm.intern_bytes(b"")?;
    vm.new_tuple(&[empty, empty])
}
