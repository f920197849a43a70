//! Compile-time constants: the values MicroPython's parser folds, and the
//! arithmetic it uses to fold them.
//!
//! MicroPython folds constants while parsing, so the code generator sees a
//! constant where the source had `1 + 2 * 3`, `-5`, `not True`, a `const()`
//! name or `(1, "a")`. This module reproduces the *result* of that folding
//! for an expression of the syntax tree ([`Folded`]), with the same limits:
//! only numeric operands, no partial folding of an operator chain, nothing
//! that would raise or produce a complex number. The caller supplies how to
//! look names up (the `const()` table) through [`FoldContext`].

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{BinOp, BoolOp, Constant, Expr, ExprKind, IntValue, UnaryOp};
use crate::bigint::BigInt;

/// A constant object as stored in the `.mpy` constant table.
#[derive(Clone, Debug)]
pub enum ConstObj {
    Int(BigInt),
    Float(f64),
    /// A complex number; only pure imaginary literals reach the table.
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    None,
    False,
    True,
    Ellipsis,
    Tuple(Vec<ConstObj>),
}

impl ConstObj {
    /// MicroPython's "strict equality" used to de-duplicate the constant table.
    pub fn strictly_equal(&self, other: &ConstObj) -> bool {
        match (self, other) {
            (ConstObj::Int(a), ConstObj::Int(b)) => a == b,
            (ConstObj::Float(a), ConstObj::Float(b)) => {
                if *a == 0.0 && *b == 0.0 {
                    a.is_sign_negative() == b.is_sign_negative()
                } else {
                    a == b
                }
            }
            (ConstObj::Complex(ar, ai), ConstObj::Complex(br, bi)) => ar == br && ai == bi,
            (ConstObj::Str(a), ConstObj::Str(b)) => a == b,
            (ConstObj::Bytes(a), ConstObj::Bytes(b)) => a == b,
            (ConstObj::None, ConstObj::None)
            | (ConstObj::False, ConstObj::False)
            | (ConstObj::True, ConstObj::True)
            | (ConstObj::Ellipsis, ConstObj::Ellipsis) => true,
            (ConstObj::Tuple(a), ConstObj::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.strictly_equal(y))
            }
            _ => false,
        }
    }

    /// Python truth value.
    pub fn is_true(&self) -> bool {
        match self {
            ConstObj::Int(value) => !value.is_zero(),
            ConstObj::Float(value) => *value != 0.0,
            ConstObj::Complex(re, im) => *re != 0.0 || *im != 0.0,
            ConstObj::Str(text) => !text.is_empty(),
            ConstObj::Bytes(bytes) => !bytes.is_empty(),
            ConstObj::None | ConstObj::False => false,
            ConstObj::True | ConstObj::Ellipsis => true,
            ConstObj::Tuple(items) => !items.is_empty(),
        }
    }
}

/// What the parser turns a constant expression into. The variants matter
/// because they compile differently (inline small int, qstr, token, object).
#[derive(Clone, Debug)]
pub enum Folded {
    /// An integer that fits the target's small int.
    SmallInt(i64),
    /// A string interned as a qstr.
    Qstr(String),
    /// `None`, `True`, `False` or `...`.
    Token(Constant),
    /// A constant object; `line_offset` is the source offset that sets the
    /// line number when it is compiled (`None` for results of folding).
    Object { obj: ConstObj, line_offset: Option<u32> },
    /// `()`, which compiles to `BUILD_TUPLE 0` but counts as a constant.
    EmptyTuple,
}

impl Folded {
    /// The value as an object, as when it is put inside a constant tuple.
    pub fn to_obj(&self) -> ConstObj {
        match self {
            Folded::SmallInt(value) => ConstObj::Int(BigInt::from_i64(*value)),
            Folded::Qstr(text) => ConstObj::Str(text.clone()),
            Folded::Token(Constant::None) => ConstObj::None,
            Folded::Token(Constant::True) => ConstObj::True,
            Folded::Token(Constant::False) => ConstObj::False,
            Folded::Token(Constant::Ellipsis) => ConstObj::Ellipsis,
            Folded::Object { obj, .. } => obj.clone(),
            Folded::EmptyTuple => ConstObj::Tuple(Vec::new()),
        }
    }

    pub fn is_true(&self) -> bool {
        self.to_obj().is_true()
    }

    /// A number usable as an operand of arithmetic folding.
    fn number(&self) -> Option<Number> {
        match self {
            Folded::SmallInt(value) => Some(Number::Int(BigInt::from_i64(*value))),
            Folded::Object { obj: ConstObj::Int(value), .. } => Some(Number::Int(value.clone())),
            Folded::Object { obj: ConstObj::Float(value), .. } => Some(Number::Float(*value)),
            _ => None,
        }
    }
}

/// What folding needs from the compiler.
pub trait FoldContext {
    /// Width of the target's small int (31 by default).
    fn small_int_bits(&self) -> u32;
    /// Whether a string literal becomes a qstr (short, or already interned).
    fn string_is_qstr(&self, text: &str, ident_before: bool) -> bool;
    /// The `const()` value a standalone name stands for at this point.
    fn const_name(&self, name: &str, offset: u32) -> Option<Folded>;
    /// Whether the left operand of an operator chain was written in parentheses.
    fn is_parenthesized(&self, inner: &Expr) -> bool;
    /// The offset whose line a constant tuple records (MicroPython uses the
    /// start of the rule that built it).
    fn tuple_line_offset(&self, tuple: &Expr, items: &[Expr]) -> u32;
}

#[derive(Clone, Debug)]
enum Number {
    Int(BigInt),
    Float(f64),
}

impl Number {
    fn to_f64(&self) -> f64 {
        match self {
            Number::Int(value) => value.to_f64(),
            Number::Float(value) => *value,
        }
    }
}

fn number_to_folded(number: Number, bits: u32) -> Folded {
    match number {
        Number::Int(value) => match value.to_i64() {
            Some(small) if value.fits_small_int(bits) => Folded::SmallInt(small),
            _ => Folded::Object { obj: ConstObj::Int(value), line_offset: None },
        },
        Number::Float(value) => Folded::Object { obj: ConstObj::Float(value), line_offset: None },
    }
}

/// The operator-precedence rule a binary operator belongs to; operators of
/// one rule written in a row form one flat node in MicroPython's parse tree.
pub fn binop_group(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => 0,
        BinOp::BitXor => 1,
        BinOp::BitAnd => 2,
        BinOp::LShift | BinOp::RShift => 3,
        BinOp::Add | BinOp::Sub => 4,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => 5,
        BinOp::Pow => 6,
    }
}

/// Flattens a left-associative chain of operators of one precedence rule:
/// `a + b - c` gives `a` and `[(+, b), (-, c)]`.
pub fn flatten_chain<'a, C: FoldContext>(expr: &'a Expr, context: &C) -> (&'a Expr, Vec<(BinOp, &'a Expr)>) {
    let mut rest = Vec::new();
    let first = walk_chain(expr, context, |op, operand| rest.push((op, operand)));
    rest.reverse();
    (first, rest)
}

/// The first operand of the chain [`flatten_chain`] returns, without
/// collecting the others (so a chain that cannot fold costs no allocation).
pub fn chain_first<'a, C: FoldContext>(expr: &'a Expr, context: &C) -> &'a Expr {
    walk_chain(expr, context, |_, _| {})
}

/// Walks the chain from its last operator to its first, calling `visit` for
/// each operator and right operand, and returns the first operand.
fn walk_chain<'a, C: FoldContext>(expr: &'a Expr, context: &C, mut visit: impl FnMut(BinOp, &'a Expr)) -> &'a Expr {
    let mut current = expr;
    if let ExprKind::BinOp { op, .. } = &expr.kind {
        let group = binop_group(*op);
        if group != 6 {
            while let ExprKind::BinOp { left, op, right } = &current.kind {
                if binop_group(*op) != group || (!core::ptr::eq(current, expr) && context.is_parenthesized(current)) {
                    break;
                }
                visit(*op, right);
                current = left;
            }
            return current;
        }
    }
    if let ExprKind::BinOp { left, op, right } = &expr.kind {
        visit(*op, right);
        return left;
    }
    current
}

fn float_floor(value: f64) -> f64 {
    if !value.is_finite() || value.abs() >= 4503599627370496.0 {
        return value;
    }
    let truncated = value as i64 as f64;
    if truncated > value {
        truncated - 1.0
    } else {
        truncated
    }
}

/// C `fmod` for finite operands (exact, by repeated subtraction of scaled divisors).
fn float_fmod(x: f64, y: f64) -> f64 {
    if !x.is_finite() || y == 0.0 || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let mut remainder = x.abs();
    let divisor = y.abs();
    while remainder >= divisor {
        let mut scaled = divisor;
        while scaled * 2.0 <= remainder && (scaled * 2.0).is_finite() {
            scaled *= 2.0;
        }
        remainder -= scaled;
    }
    sign * remainder
}

fn isqrt(value: u128) -> u128 {
    if value < 2 {
        return value;
    }
    let mut estimate = 1u128 << ((128 - value.leading_zeros()).div_ceil(2));
    loop {
        let next = (estimate + value / estimate) / 2;
        if next >= estimate {
            return estimate;
        }
        estimate = next;
    }
}

/// Correctly rounded square root of a positive finite or infinite double.
fn float_sqrt(value: f64) -> f64 {
    if value.is_nan() || value < 0.0 {
        return f64::NAN;
    }
    if value == 0.0 || value.is_infinite() {
        return value;
    }
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exponent) =
        if biased == 0 { (fraction, -1074i64) } else { (fraction | (1u64 << 52), biased - 1075) };
    let shift = mantissa.leading_zeros() as i64 - 11;
    mantissa <<= shift;
    exponent -= shift;
    let scale = if (exponent - 52).rem_euclid(2) == 0 { 52 } else { 53 };
    let scaled = (mantissa as u128) << scale;
    let mut root = isqrt(scaled) as u64;
    let remainder = scaled - (root as u128) * (root as u128);
    if remainder > root as u128 {
        root += 1;
    }
    let mut half_exponent = (exponent - scale) / 2;
    if root == 1u64 << 53 {
        root >>= 1;
        half_exponent += 1;
    }
    let result_bits = (((half_exponent + 52 + 1023) as u64) << 52) | (root - (1u64 << 52));
    f64::from_bits(result_bits)
}

fn float_powi(base: f64, exponent: i64) -> f64 {
    let mut result = 1.0;
    let mut factor = base;
    let mut remaining = exponent.unsigned_abs();
    while remaining > 0 {
        if remaining & 1 == 1 {
            result *= factor;
        }
        factor *= factor;
        remaining >>= 1;
    }
    if exponent < 0 {
        1.0 / result
    } else {
        result
    }
}

fn float_binop(op: BinOp, lhs: f64, rhs: f64) -> Option<f64> {
    Some(match op {
        BinOp::Add => lhs + rhs,
        BinOp::Sub => lhs - rhs,
        BinOp::Mult => lhs * rhs,
        BinOp::Div => {
            if rhs == 0.0 {
                return None;
            }
            lhs / rhs
        }
        BinOp::FloorDiv => {
            if rhs == 0.0 {
                return None;
            }
            let modulo = float_fmod(lhs, rhs);
            let mut div = (lhs - modulo) / rhs;
            if modulo != 0.0 && ((modulo < 0.0) != (rhs < 0.0)) {
                div -= 1.0;
            }
            if div == 0.0 {
                let sign = lhs / rhs;
                if sign.is_sign_negative() {
                    -0.0
                } else {
                    0.0
                }
            } else {
                let mut floored = float_floor(div);
                if div - floored > 0.5 {
                    floored += 1.0;
                }
                floored
            }
        }
        BinOp::Mod => {
            if rhs == 0.0 {
                return None;
            }
            let mut modulo = float_fmod(lhs, rhs);
            if modulo == 0.0 {
                modulo = if rhs.is_sign_negative() { -0.0 } else { 0.0 };
            } else if (modulo < 0.0) != (rhs < 0.0) {
                modulo += rhs;
            }
            modulo
        }
        BinOp::Pow => {
            if lhs == 0.0 && rhs < 0.0 && !rhs.is_infinite() {
                return None;
            }
            if lhs == 1.0 || rhs == 0.0 {
                return Some(1.0);
            }
            if rhs == 0.5 && lhs >= 0.0 {
                return Some(if lhs == 0.0 { 0.0 } else { float_sqrt(lhs) });
            }
            // Other fractional exponents are not folded: libm's pow is not reproduced.
            if float_floor(rhs) != rhs || rhs.abs() > 1024.0 {
                return None;
            }
            float_powi(lhs, rhs as i64)
        }
        _ => return None,
    })
}

fn int_binop(op: BinOp, lhs: &BigInt, rhs: &BigInt) -> Option<Number> {
    Some(Number::Int(match op {
        BinOp::Add => lhs.add(rhs),
        BinOp::Sub => lhs.sub(rhs),
        BinOp::Mult => lhs.mul(rhs),
        BinOp::FloorDiv => lhs.floor_divmod(rhs)?.0,
        BinOp::Mod => lhs.floor_divmod(rhs)?.1,
        BinOp::Div => {
            if rhs.is_zero() {
                return None;
            }
            return Some(Number::Float(lhs.to_f64() / rhs.to_f64()));
        }
        BinOp::Pow => {
            if rhs.is_negative() {
                return float_binop(op, lhs.to_f64(), rhs.to_f64()).map(Number::Float);
            }
            lhs.pow(rhs)?
        }
        BinOp::LShift => {
            if rhs.is_negative() {
                return None;
            }
            lhs.shl(rhs.to_i64()? as u64)?
        }
        BinOp::RShift => {
            if rhs.is_negative() {
                return None;
            }
            lhs.shr(rhs.to_i64().unwrap_or(i64::MAX) as u64)
        }
        BinOp::BitAnd => lhs.and(rhs),
        BinOp::BitOr => lhs.or(rhs),
        BinOp::BitXor => lhs.xor(rhs),
        BinOp::MatMult => return None,
    }))
}

fn number_binop(op: BinOp, lhs: &Number, rhs: &Number) -> Option<Number> {
    match (lhs, rhs) {
        (Number::Int(a), Number::Int(b)) => int_binop(op, a, b),
        _ => float_binop(op, lhs.to_f64(), rhs.to_f64()).map(Number::Float),
    }
}

/// Folds `expr` the way MicroPython's parser would, or returns `None` when
/// the expression stays a non-constant node.
pub fn fold_expr<C: FoldContext>(expr: &Expr, context: &C) -> Option<Folded> {
    let bits = context.small_int_bits();
    match &expr.kind {
        ExprKind::Const(constant) => Some(Folded::Token(*constant)),
        ExprKind::Int(IntValue::Small(value)) => {
            // The same test as `BigInt::fits_small_int`, without building one.
            let limit = 1i64 << (bits.clamp(2, 63) - 1);
            if (-limit..limit).contains(value) {
                Some(Folded::SmallInt(*value))
            } else {
                let big = BigInt::from_i64(*value);
                Some(Folded::Object { obj: ConstObj::Int(big), line_offset: Some(expr.span.start) })
            }
        }
        ExprKind::Int(IntValue::Big(digits)) => {
            let big = BigInt::from_decimal(digits)?;
            Some(Folded::Object { obj: ConstObj::Int(big), line_offset: Some(expr.span.start) })
        }
        ExprKind::Float(value) => {
            Some(Folded::Object { obj: ConstObj::Float(*value), line_offset: Some(expr.span.start) })
        }
        ExprKind::Imag(value) => {
            Some(Folded::Object { obj: ConstObj::Complex(0.0, *value), line_offset: Some(expr.span.start) })
        }
        ExprKind::Str(literal) => {
            if context.string_is_qstr(&literal.value, literal.ident_before) {
                Some(Folded::Qstr(literal.value.clone()))
            } else {
                Some(Folded::Object { obj: ConstObj::Str(literal.value.clone()), line_offset: Some(expr.span.start) })
            }
        }
        ExprKind::Bytes(bytes) => {
            Some(Folded::Object { obj: ConstObj::Bytes(bytes.clone()), line_offset: Some(expr.span.start) })
        }
        ExprKind::Name(name) => context.const_name(name, expr.span.start),
        ExprKind::Tuple(items) => {
            if items.is_empty() {
                return Some(Folded::EmptyTuple);
            }
            // The first item usually decides; fold it before allocating.
            let first = fold_expr(&items[0], context)?;
            let mut objs = Vec::with_capacity(items.len());
            objs.push(first.to_obj());
            for item in &items[1..] {
                objs.push(fold_expr(item, context)?.to_obj());
            }
            Some(Folded::Object {
                obj: ConstObj::Tuple(objs),
                line_offset: Some(context.tuple_line_offset(expr, items)),
            })
        }
        ExprKind::UnaryOp { op, operand } => {
            let inner = fold_expr(operand, context)?;
            match op {
                UnaryOp::Not => Some(Folded::Token(if inner.is_true() { Constant::False } else { Constant::True })),
                UnaryOp::Plus => Some(number_to_folded(inner.number()?, bits)),
                UnaryOp::Minus => match inner.number()? {
                    Number::Int(value) => Some(number_to_folded(Number::Int(value.neg()), bits)),
                    Number::Float(value) => Some(number_to_folded(Number::Float(-value), bits)),
                },
                UnaryOp::Invert => match inner.number()? {
                    Number::Int(value) => Some(number_to_folded(Number::Int(value.invert()), bits)),
                    Number::Float(_) => None,
                },
            }
        }
        ExprKind::BinOp { .. } => {
            let mut accumulator = fold_expr(chain_first(expr, context), context)?.number()?;
            let (_, rest) = flatten_chain(expr, context);
            for (op, operand) in rest {
                let value = fold_expr(operand, context)?.number()?;
                accumulator = number_binop(op, &accumulator, &value)?;
            }
            Some(number_to_folded(accumulator, bits))
        }
        ExprKind::BoolOp { op, values } => {
            let kept = fold_bool_op(*op, values, context);
            if kept.len() == 1 {
                fold_expr(kept[0], context)
            } else {
                None
            }
        }
        ExprKind::Attribute { value, attr } => {
            if let ExprKind::Name(module) = &value.kind {
                if module == "math" && context.const_name(module, value.span.start).is_none() {
                    let constant = match attr.name.as_str() {
                        "pi" => core::f64::consts::PI,
                        "e" => core::f64::consts::E,
                        "tau" => core::f64::consts::TAU,
                        "inf" => f64::INFINITY,
                        "nan" => f64::NAN,
                        _ => return None,
                    };
                    return Some(Folded::Object { obj: ConstObj::Float(constant), line_offset: None });
                }
            }
            None
        }
        _ => None,
    }
}

/// The operands of `a or b or c` that survive MicroPython's logical folding:
/// constant operands that cannot decide the result are dropped, and the first
/// deciding constant ends the list. The last operand is always kept.
pub fn fold_bool_op<'a, C: FoldContext>(op: BoolOp, values: &'a [Expr], context: &C) -> Vec<&'a Expr> {
    let mut kept = Vec::with_capacity(values.len());
    for (index, value) in values.iter().enumerate() {
        if index + 1 == values.len() {
            kept.push(value);
            break;
        }
        match fold_expr(value, context) {
            Some(folded) => {
                let truth = folded.is_true();
                let decides = match op {
                    BoolOp::Or => truth,
                    BoolOp::And => !truth,
                };
                if decides {
                    kept.push(value);
                    break;
                }
            }
            None => kept.push(value),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_folding_matches_libm() {
        assert_eq!(float_sqrt(2.0), 1.4142135623730951);
        assert_eq!(float_sqrt(16.0), 4.0);
        assert_eq!(float_sqrt(1e-300), 1e-150);
        assert_eq!(float_sqrt(0.5), 0.7071067811865476);
        assert_eq!(float_binop(BinOp::FloorDiv, -7.5, 2.0), Some(-4.0));
        assert_eq!(float_binop(BinOp::Mod, -7.5, 2.0), Some(0.5));
        assert_eq!(float_binop(BinOp::Div, 1.0, 0.0), None);
    }
}
