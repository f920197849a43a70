//! The `math` module: MicroPython's set of functions (with the special
//! functions, `factorial` and `isclose` that the RP2 builds enable), computed
//! with `libm`. Results that are out of the function's domain raise
//! `ValueError: math domain error`, as MicroPython does.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeModule;
use crate::obj::bigint::Big;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static MODULE: NativeModule =
    NativeModule { name: "math", functions: FUNCTIONS, constants: CONSTANTS, attr: Some(constant) };

/// The floats [`constant`] computes, listed so that `from math import *` finds them.
static CONSTANTS: &[(&str, Obj)] =
    &[("e", Obj::NULL), ("inf", Obj::NULL), ("nan", Obj::NULL), ("pi", Obj::NULL), ("tau", Obj::NULL)];

static FUNCTIONS: &[(&str, Handler)] = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", atan2),
    ("atanh", atanh),
    ("ceil", ceil),
    ("copysign", copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", degrees),
    ("erf", erf),
    ("erfc", erfc),
    ("exp", exp),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", factorial),
    ("floor", floor),
    ("fmod", fmod),
    ("frexp", frexp),
    ("gamma", gamma),
    ("isclose", isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("ldexp", ldexp),
    ("lgamma", lgamma),
    ("log", log),
    ("log10", log10),
    ("log2", log2),
    ("modf", modf),
    ("pow", pow),
    ("radians", radians),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", trunc),
];

/// The module's constants.
pub fn constant(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let value = match name {
        _ if name == u32::from(qstr_id("pi")) => core::f64::consts::PI,
        _ if name == u32::from(qstr_id("e")) => core::f64::consts::E,
        _ if name == u32::from(qstr_id("tau")) => core::f64::consts::TAU,
        _ if name == u32::from(qstr_id("inf")) => f64::INFINITY,
        _ if name == u32::from(qstr_id("nan")) => f64::NAN,
        _ => return Ok(None),
    };
    Ok(Some(vm.new_float(value)?))
}

/// Argument `index` as a float, or TypeError.
fn number(vm: &mut Vm<'_>, args: &[Obj], index: usize) -> R<f64> {
    vm.float_of(args[index])
}

fn domain_error(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(TypeId::ValueError, "math domain error")
}

/// A result checked as MicroPython's `math_generic_1`/`_2` do: a nan made
/// from operands that are not nan, or an infinity made from finite operands,
/// is `ValueError: math domain error`.
fn checked(vm: &mut Vm<'_>, result: f64, operands: &[f64]) -> R<Obj> {
    if (result.is_nan() && !operands.iter().any(|x| x.is_nan()))
        || (result.is_infinite() && !operands.iter().any(|x| x.is_infinite()))
    {
        return Err(domain_error(vm));
    }
    vm.new_float(result)
}

/// A one-argument function with the generic domain check.
fn unary(vm: &mut Vm<'_>, args: &[Obj], function: fn(f64) -> f64) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let x = number(vm, args, 0)?;
    checked(vm, function(x), &[x])
}

macro_rules! unary_functions {
    ($($name:ident = $function:expr;)*) => {
        $(fn $name(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
            unary(vm, args, $function)
        })*
    };
}

unary_functions! {
    acos = libm::acos;
    acosh = libm::acosh;
    asin = libm::asin;
    asinh = libm::asinh;
    atan = libm::atan;
    atanh = libm::atanh;
    cos = libm::cos;
    cosh = libm::cosh;
    erf = libm::erf;
    erfc = libm::erfc;
    exp = libm::exp;
    expm1 = libm::expm1;
    fabs = libm::fabs;
    // Gamma of minus infinity is a domain error, as in CPython.
    gamma = |x: f64| if x == f64::NEG_INFINITY { f64::NAN } else { libm::tgamma(x) };
    lgamma = libm::lgamma;
    log10 = libm::log10;
    log2 = libm::log2;
    sin = libm::sin;
    sinh = libm::sinh;
    sqrt = libm::sqrt;
    tan = libm::tan;
    tanh = libm::tanh;
}

/// `degrees` and `radians`: a plain product, unchecked.
fn scaled(vm: &mut Vm<'_>, args: &[Obj], factor: f64) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let x = number(vm, args, 0)?;
    vm.new_float(x * factor)
}

fn degrees(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    scaled(vm, args, 180.0 / core::f64::consts::PI)
}

fn radians(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    scaled(vm, args, core::f64::consts::PI / 180.0)
}

/// A float with an integral value as an int (ValueError/OverflowError for nan/inf).
fn float_to_int(vm: &mut Vm<'_>, value: f64) -> R<Obj> {
    if value.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
    }
    if value.is_infinite() {
        return Err(vm.raise_msg(TypeId::OverflowError, "cannot convert float infinity to integer"));
    }
    match Big::from_f64(value) {
        Some(big) => vm.new_big(&big),
        None => Err(vm.raise_msg(TypeId::OverflowError, "float too big")),
    }
}

fn rounding(vm: &mut Vm<'_>, args: &[Obj], function: fn(f64) -> f64) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if vm.is_int(args[0]) {
        return Ok(args[0]);
    }
    let x = number(vm, args, 0)?;
    float_to_int(vm, function(x))
}

fn ceil(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    rounding(vm, args, libm::ceil)
}

fn floor(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    rounding(vm, args, libm::floor)
}

fn trunc(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    rounding(vm, args, libm::trunc)
}

fn binary(vm: &mut Vm<'_>, args: &[Obj]) -> R<(f64, f64)> {
    check_args(vm, args, 2, 2)?;
    Ok((number(vm, args, 0)?, number(vm, args, 1)?))
}

fn atan2(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (y, x) = binary(vm, args)?;
    checked(vm, libm::atan2(y, x), &[y, x])
}

fn copysign(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (x, y) = binary(vm, args)?;
    checked(vm, libm::copysign(x, y), &[x, y])
}

fn fmod(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (x, y) = binary(vm, args)?;
    checked(vm, libm::fmod(x, y), &[x, y])
}

fn pow(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (x, y) = binary(vm, args)?;
    checked(vm, libm::pow(x, y), &[x, y])
}

fn ldexp(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let x = number(vm, args, 0)?;
    let exponent = vm.to_i64(args[1])?.clamp(-10_000, 10_000) as i32;
    vm.new_float(libm::ldexp(x, exponent))
}

fn frexp(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let x = number(vm, args, 0)?;
    let (mantissa, exponent) = if x == 0.0 || !x.is_finite() { (x, 0) } else { libm::frexp(x) };
    let mantissa = vm.new_float(mantissa)?;
    let mark = vm.root_mark();
    vm.push_root(mantissa)?;
    let made = vm.new_tuple(&[mantissa, Obj::small(exponent)]);
    vm.pop_roots(mark);
    made
}

fn modf(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let x = number(vm, args, 0)?;
    let whole = libm::trunc(x);
    let fraction = if x.is_infinite() { libm::copysign(0.0, x) } else { libm::copysign(x - whole, x) };
    let fraction = vm.new_float(fraction)?;
    let mark = vm.root_mark();
    vm.push_root(fraction)?;
    let whole = vm.new_float(whole)?;
    vm.push_root(whole)?;
    let made = vm.new_tuple(&[fraction, whole]);
    vm.pop_roots(mark);
    made
}

fn log(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let x = number(vm, args, 0)?;
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    let mut result = libm::log(x);
    if args.len() == 2 {
        let base = number(vm, args, 1)?;
        if base <= 0.0 {
            return Err(domain_error(vm));
        }
        let divisor = libm::log(base);
        if divisor == 0.0 {
            return Err(vm.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
        }
        result /= divisor;
    }
    vm.new_float(result)
}

fn predicate(vm: &mut Vm<'_>, args: &[Obj], test: fn(f64) -> bool) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let x = number(vm, args, 0)?;
    Ok(Obj::from_bool(test(x)))
}

fn isfinite(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, f64::is_finite)
}

fn isinf(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, f64::is_infinite)
}

fn isnan(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, f64::is_nan)
}

fn isclose(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (a, b) = binary(vm, args)?;
    let relative = match keyword(vm, kw, "rel_tol") {
        Some(value) => vm.to_f64(value).unwrap_or(1e-9),
        None => 1e-9,
    };
    let absolute = match keyword(vm, kw, "abs_tol") {
        Some(value) => vm.to_f64(value).unwrap_or(0.0),
        None => 0.0,
    };
    if relative < 0.0 || absolute < 0.0 {
        return Err(vm.raise_msg(TypeId::ValueError, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Obj::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Obj::FALSE);
    }
    let difference = (a - b).abs();
    Ok(Obj::from_bool(
        difference <= (relative * b).abs() || difference <= (relative * a).abs() || difference <= absolute,
    ))
}

fn factorial(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if !vm.is_int(args[0]) {
        return Err(vm.cannot_convert(args[0], "int"));
    }
    let n = vm.to_i64(args[0])?;
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "factorial() not defined for negative values"));
    }
    vm.root_scope(|vm| {
        let mark = vm.root_mark();
        let mut product = Obj::small(1);
        for each in 2..=n {
            vm.pop_roots(mark);
            vm.push_root(product)?;
            let factor = vm.new_int(each)?;
            product = vm.int_mul(product, factor)?;
        }
        Ok(product)
    })
}
