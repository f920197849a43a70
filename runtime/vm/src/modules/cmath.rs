//! The `cmath` module: MicroPython's complex-number functions (`phase`,
//! `polar`, `rect`, `exp`, `log`, `log10`, `sqrt`, `cos`, `sin`) and the
//! constants `e` and `pi`. Every function takes an int, a float or a complex
//! number, computes with `libm` on the real and imaginary parts the way
//! MicroPython's `modcmath.c` does (so results agree to the last digit), and
//! returns a complex number (`phase` a float, `polar` a tuple).
//!
//! It is also the example of a native module: this file and one line in
//! `modules::MODULES`.

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::Obj;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule =
    NativeModule { name: "cmath", functions: FUNCTIONS, constants: CONSTANTS, attr: Some(constant) };

/// The floats [`constant`] computes, listed so that `from cmath import *` finds them.
static CONSTANTS: &[(&str, Obj)] = &[("e", Obj::NULL), ("pi", Obj::NULL)];

static FUNCTIONS: &[(&str, Handler)] = &[
    ("cos", cos),
    ("exp", exp),
    ("log", log),
    ("log10", log10),
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("sin", sin),
    ("sqrt", sqrt),
];

/// `cmath.e` and `cmath.pi`.
fn constant(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let value = match vm.qstr_bytes(name) {
        b"e" => core::f64::consts::E,
        b"pi" => core::f64::consts::PI,
        _ => return Ok(None),
    };
    Ok(Some(vm.new_float(value)?))
}

/// The one argument of a function as `(real, imag)` (see [`Vm::complex_of`]).
fn complex_argument(vm: &mut Vm<'_>, args: &[Obj]) -> R<(f64, f64)> {
    check_args(vm, args, 1, 1)?;
    vm.complex_of(args[0])
}

fn phase(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    vm.new_float(libm::atan2(imag, real))
}

fn polar(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    let modulus = vm.new_float(libm::sqrt(real * real + imag * imag))?;
    vm.with_roots(&[modulus], |vm| {
        let angle = vm.new_float(libm::atan2(imag, real))?;
        vm.new_tuple(&[modulus, angle])
    })
}

fn rect(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let mut parts = [0.0; 2];
    for (slot, &arg) in parts.iter_mut().zip(args) {
        *slot = vm.float_of(arg)?;
    }
    let [modulus, angle] = parts;
    vm.new_complex(modulus * libm::cos(angle), modulus * libm::sin(angle))
}

fn exp(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    let scale = libm::exp(real);
    vm.new_complex(scale * libm::cos(imag), scale * libm::sin(imag))
}

fn log(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    vm.new_complex(0.5 * libm::log(real * real + imag * imag), libm::atan2(imag, real))
}

fn log10(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    vm.new_complex(0.5 * libm::log10(real * real + imag * imag), 0.434_294_481_903_251_8 * libm::atan2(imag, real))
}

fn sqrt(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    let modulus = libm::pow(real * real + imag * imag, 0.25);
    let angle = 0.5 * libm::atan2(imag, real);
    vm.new_complex(modulus * libm::cos(angle), modulus * libm::sin(angle))
}

fn cos(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    vm.new_complex(libm::cos(real) * libm::cosh(imag), -libm::sin(real) * libm::sinh(imag))
}

fn sin(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (real, imag) = complex_argument(vm, args)?;
    vm.new_complex(libm::sin(real) * libm::cosh(imag), libm::cos(real) * libm::sinh(imag))
}
