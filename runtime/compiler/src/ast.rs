//! The syntax tree the parser builds and the code generator walks.
//!
//! It is an abstract tree in the spirit of CPython's `ast` module, trimmed to
//! what MicroPython's compiler accepts. Every statement and expression carries
//! its [`Span`] (byte offsets into the source) so that diagnostics and the
//! line-number table can be derived from it with a [`crate::LineIndex`].
//! Annotations are parsed and kept (so their errors are reported) but the
//! code generator ignores them, as MicroPython does.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A half-open range of byte offsets `start..end` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// An identifier with the place it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A whole source file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (including docstrings).
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`; `op` is the plain binary operator (`+` for `+=`).
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Del(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b.c as d, e`.
    Import(Vec<ImportAlias>),
    /// `from ..pkg.mod import a as b, c` or `from . import *`.
    /// `level` counts the leading dots; `module` is `None` for `from . import x`.
    ImportFrom {
        level: u32,
        module: Option<DottedName>,
        names: ImportNames,
    },
    /// `if`/`elif`/`else`: an `elif` is an `If` alone in `orelse`, with
    /// `is_elif` set so tools can print it back as written.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_elif: bool,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
}

/// `a.b.c` in an import statement.
#[derive(Clone, Debug, PartialEq)]
pub struct DottedName {
    pub parts: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportAlias {
    pub name: DottedName,
    pub asname: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportNames {
    /// `from m import *`, with the span of the `*`.
    Star(Span),
    /// `from m import a as b, c` (parenthesised or not).
    Names(Vec<FromAlias>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FromAlias {
    pub name: Ident,
    pub asname: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub type_: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub is_async: bool,
    pub name: Ident,
    pub params: Parameters,
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    /// Decorators in source order (the last one is applied first).
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    /// Bases and keywords (`metaclass=...`) exactly as in a call.
    pub args: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// The parameter list of a `def` or `lambda`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    /// Parameters before a `/`.
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Parameters after `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
    /// True when a bare `*` separated keyword-only parameters.
    pub bare_star: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(String),
    /// `None`, `True`, `False`, `...`.
    Const(Constant),
    Int(IntValue),
    Float(f64),
    /// An imaginary literal such as `2j`; the value is the imaginary part.
    Imag(f64),
    Str(StrLit),
    Bytes(Vec<u8>),
    /// An f-string (possibly implicitly concatenated with plain strings).
    /// `args_at` is the offset of the token after the literals: MicroPython
    /// reads the fields' text there, so their code carries that token's line
    /// (the next line when the literals end a line inside brackets).
    FString {
        parts: Vec<FStringPart>,
        args_at: u32,
    },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<DictItem>),
    /// `*x` in a target, display or call argument list.
    Starred(Box<Expr>),
    Attribute {
        value: Box<Expr>,
        attr: Ident,
    },
    /// `value[index]`; a slice or a tuple of slices appears as `index`.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c` / `a or b`: two or more values.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: the left operand and one (operator, operand) pair per comparison.
    Compare {
        left: Box<Expr>,
        comparisons: Vec<(CmpOp, Expr)>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        target: Ident,
        value: Box<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
}

/// An integer literal of any size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntValue {
    /// Fits in an `i64`.
    Small(i64),
    /// Larger: the magnitude in decimal ASCII digits, without sign or leading zeros.
    Big(String),
}

/// A plain string literal after escape processing and implicit concatenation.
#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    pub value: String,
    /// True when the same text was already used as an identifier earlier in
    /// the token stream. MicroPython's parser interns such strings as qstrs
    /// even when they are longer than its short-string limit, so the code
    /// generator needs this to reproduce its choice of qstr or str object.
    pub ident_before: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text (escapes processed, `{{`/`}}` already collapsed).
    Literal(String),
    /// The text of a plain (not f-) string literal joined to an f-string.
    /// MicroPython 1.27 pastes it into the format string as it is, so its
    /// braces are replacement fields of `str.format` (a documented
    /// difference from CPython); it is kept apart from [`FStringPart::Literal`]
    /// so that code generation can do the same.
    Verbatim(String),
    Field(FStringField),
}

/// One `{expr!conv:spec}` replacement field.
#[derive(Clone, Debug, PartialEq)]
pub struct FStringField {
    pub expr: Box<Expr>,
    /// The source text of the expression when written with `=` (`f"{x=}"`),
    /// including the `=` and any whitespace around it.
    pub debug_text: Option<String>,
    /// `!r`, `!s` or `!a`.
    pub conversion: Option<char>,
    /// The format spec, itself made of literal text and nested fields.
    pub format_spec: Option<Vec<FStringPart>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DictItem {
    KeyValue(Expr, Expr),
    /// `**mapping` inside a dict display.
    Unpack(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Positional(Expr),
    /// `*iterable`.
    Star(Expr),
    Keyword(Ident, Expr),
    /// `**mapping`.
    DoubleStar(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub is_async: bool,
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    BitOr,
    BitXor,
    BitAnd,
    LShift,
    RShift,
    Add,
    Sub,
    Mult,
    MatMult,
    FloorDiv,
    Div,
    Mod,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Plus,
    /// `-x`
    Minus,
    /// `~x`
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Gt,
    Eq,
    LtE,
    GtE,
    NotEq,
    In,
    NotIn,
    Is,
    IsNot,
}
