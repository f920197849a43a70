//! A compact, indented text dump of the syntax tree, for snapshot tests and
//! `cargo xtask` debugging output.
//!
//! One node per line: the node name, its scalar fields, then its byte span
//! as `@start..end`. Children are indented by two spaces and labelled with
//! the field name (`test:`, `body:`) when the node has more than one kind of
//! child. Empty lists and absent optional fields are omitted.

use alloc::string::String;
use core::fmt::Write;

use crate::ast::{
    Arg, Comprehension, Constant, DictItem, Expr, ExprKind, FStringPart, IntValue, Module, Parameters, Span, Stmt,
    StmtKind,
};

/// Dumps a whole module.
pub fn dump(module: &Module) -> String {
    let mut dumper = Dumper { out: String::new(), indent: 0 };
    dumper.line("Module", None);
    dumper.indent += 1;
    for statement in &module.body {
        dumper.stmt("", statement);
    }
    dumper.out
}

/// Dumps one expression (used by tests and tools).
pub fn dump_expr(expr: &Expr) -> String {
    let mut dumper = Dumper { out: String::new(), indent: 0 };
    dumper.expr("", expr);
    dumper.out
}

struct Dumper {
    out: String,
    indent: usize,
}

impl Dumper {
    fn line(&mut self, text: &str, span: Option<Span>) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        if let Some(span) = span {
            let _ = write!(self.out, " @{}..{}", span.start, span.end);
        }
        self.out.push('\n');
    }

    fn labelled(label: &str, text: &str) -> String {
        if label.is_empty() {
            String::from(text)
        } else {
            let mut out = String::from(label);
            out.push(':');
            if !text.is_empty() {
                out.push(' ');
                out.push_str(text);
            }
            out
        }
    }

    fn nested(&mut self, body: impl FnOnce(&mut Self)) {
        self.indent += 1;
        body(self);
        self.indent -= 1;
    }

    fn block(&mut self, label: &str, statements: &[Stmt]) {
        if statements.is_empty() {
            return;
        }
        self.line(&Self::labelled(label, ""), None);
        self.nested(|dumper| {
            for statement in statements {
                dumper.stmt("", statement);
            }
        });
    }

    fn exprs(&mut self, label: &str, exprs: &[Expr]) {
        if exprs.is_empty() {
            return;
        }
        self.line(&Self::labelled(label, ""), None);
        self.nested(|dumper| {
            for expr in exprs {
                dumper.expr("", expr);
            }
        });
    }

    fn optional(&mut self, label: &str, expr: &Option<Expr>) {
        if let Some(expr) = expr {
            self.expr(label, expr);
        }
    }

    fn stmt(&mut self, label: &str, statement: &Stmt) {
        let span = Some(statement.span);
        let header = |dumper: &mut Self, text: &str| dumper.line(&Self::labelled(label, text), span);
        match &statement.kind {
            StmtKind::Expr(expr) => {
                header(self, "Expr");
                self.nested(|dumper| dumper.expr("", expr));
            }
            StmtKind::Assign { targets, value } => {
                header(self, "Assign");
                self.nested(|dumper| {
                    dumper.exprs("targets", targets);
                    dumper.expr("value", value);
                });
            }
            StmtKind::AugAssign { target, op, value } => {
                header(self, &alloc::format!("AugAssign {op:?}"));
                self.nested(|dumper| {
                    dumper.expr("target", target);
                    dumper.expr("value", value);
                });
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                header(self, "AnnAssign");
                self.nested(|dumper| {
                    dumper.expr("target", target);
                    dumper.expr("annotation", annotation);
                    dumper.optional("value", value);
                });
            }
            StmtKind::Pass => header(self, "Pass"),
            StmtKind::Break => header(self, "Break"),
            StmtKind::Continue => header(self, "Continue"),
            StmtKind::Return(value) => {
                header(self, "Return");
                self.nested(|dumper| dumper.optional("", value));
            }
            StmtKind::Raise { exc, cause } => {
                header(self, "Raise");
                self.nested(|dumper| {
                    dumper.optional("exc", exc);
                    dumper.optional("cause", cause);
                });
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let mut text =
                    String::from(if matches!(statement.kind, StmtKind::Global(_)) { "Global" } else { "Nonlocal" });
                for name in names {
                    text.push(' ');
                    text.push_str(&name.name);
                }
                header(self, &text);
            }
            StmtKind::Del(targets) => {
                header(self, "Del");
                self.nested(|dumper| {
                    for target in targets {
                        dumper.expr("", target);
                    }
                });
            }
            StmtKind::Assert { test, msg } => {
                header(self, "Assert");
                self.nested(|dumper| {
                    dumper.expr("test", test);
                    dumper.optional("msg", msg);
                });
            }
            StmtKind::Import(aliases) => {
                let mut text = String::from("Import");
                for alias in aliases {
                    text.push(' ');
                    push_dotted(&mut text, &alias.name);
                    if let Some(asname) = &alias.asname {
                        let _ = write!(text, " as {}", asname.name);
                    }
                    text.push(',');
                }
                text.pop();
                header(self, &text);
            }
            StmtKind::ImportFrom { level, module, names } => {
                let mut text = alloc::format!("ImportFrom level={level} module=");
                match module {
                    Some(module) => push_dotted(&mut text, module),
                    None => text.push('-'),
                }
                text.push_str(" names=");
                match names {
                    crate::ast::ImportNames::Star(_) => text.push('*'),
                    crate::ast::ImportNames::Names(names) => {
                        for (index, alias) in names.iter().enumerate() {
                            if index > 0 {
                                text.push_str(", ");
                            }
                            text.push_str(&alias.name.name);
                            if let Some(asname) = &alias.asname {
                                let _ = write!(text, " as {}", asname.name);
                            }
                        }
                    }
                }
                header(self, &text);
            }
            StmtKind::If { test, body, orelse, is_elif } => {
                header(self, if *is_elif { "If elif" } else { "If" });
                self.nested(|dumper| {
                    dumper.expr("test", test);
                    dumper.block("body", body);
                    dumper.block("orelse", orelse);
                });
            }
            StmtKind::While { test, body, orelse } => {
                header(self, "While");
                self.nested(|dumper| {
                    dumper.expr("test", test);
                    dumper.block("body", body);
                    dumper.block("orelse", orelse);
                });
            }
            StmtKind::For { is_async, target, iter, body, orelse } => {
                header(self, if *is_async { "For async" } else { "For" });
                self.nested(|dumper| {
                    dumper.expr("target", target);
                    dumper.expr("iter", iter);
                    dumper.block("body", body);
                    dumper.block("orelse", orelse);
                });
            }
            StmtKind::With { is_async, items, body } => {
                header(self, if *is_async { "With async" } else { "With" });
                self.nested(|dumper| {
                    for item in items {
                        dumper.line("item", None);
                        dumper.nested(|dumper| {
                            dumper.expr("context", &item.context);
                            dumper.optional("as", &item.target);
                        });
                    }
                    dumper.block("body", body);
                });
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                header(self, "Try");
                self.nested(|dumper| {
                    dumper.block("body", body);
                    for handler in handlers {
                        let mut text = String::from("except");
                        if let Some(name) = &handler.name {
                            let _ = write!(text, " as {}", name.name);
                        }
                        dumper.line(&text, Some(handler.span));
                        dumper.nested(|dumper| {
                            dumper.optional("type", &handler.type_);
                            dumper.block("body", &handler.body);
                        });
                    }
                    dumper.block("orelse", orelse);
                    dumper.block("finally", finalbody);
                });
            }
            StmtKind::FunctionDef(function) => {
                let text = alloc::format!(
                    "FunctionDef{} {}",
                    if function.is_async { " async" } else { "" },
                    function.name.name
                );
                header(self, &text);
                self.nested(|dumper| {
                    dumper.exprs("decorators", &function.decorators);
                    dumper.params(&function.params);
                    dumper.optional("returns", &function.returns);
                    dumper.block("body", &function.body);
                });
            }
            StmtKind::ClassDef(class) => {
                header(self, &alloc::format!("ClassDef {}", class.name.name));
                self.nested(|dumper| {
                    dumper.exprs("decorators", &class.decorators);
                    for arg in &class.args {
                        dumper.arg(arg);
                    }
                    dumper.block("body", &class.body);
                });
            }
        }
    }

    fn params(&mut self, params: &Parameters) {
        for param in &params.posonly {
            self.param("posonly", param);
        }
        for param in &params.args {
            self.param("arg", param);
        }
        if let Some(param) = &params.vararg {
            self.param("vararg", param);
        }
        if params.bare_star {
            self.line("bare_star", None);
        }
        for param in &params.kwonly {
            self.param("kwonly", param);
        }
        if let Some(param) = &params.kwarg {
            self.param("kwarg", param);
        }
    }

    fn param(&mut self, label: &str, param: &crate::ast::Param) {
        self.line(&alloc::format!("{label}: {}", param.name.name), Some(param.name.span));
        self.nested(|dumper| {
            dumper.optional("annotation", &param.annotation);
            dumper.optional("default", &param.default);
        });
    }

    fn arg(&mut self, arg: &Arg) {
        match arg {
            Arg::Positional(expr) => self.expr("", expr),
            Arg::Star(expr) => self.expr("*", expr),
            Arg::Keyword(name, expr) => self.expr(&alloc::format!("{}=", name.name), expr),
            Arg::DoubleStar(expr) => self.expr("**", expr),
        }
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) {
        for generator in generators {
            self.line(if generator.is_async { "async for" } else { "for" }, None);
            self.nested(|dumper| {
                dumper.expr("target", &generator.target);
                dumper.expr("iter", &generator.iter);
                for condition in &generator.ifs {
                    dumper.expr("if", condition);
                }
            });
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart]) {
        for part in parts {
            match part {
                FStringPart::Literal(text) => self.line(&alloc::format!("{text:?}"), None),
                FStringPart::Verbatim(text) => self.line(&alloc::format!("Verbatim {text:?}"), None),
                FStringPart::Field(field) => {
                    let mut text = String::from("Field");
                    if let Some(debug) = &field.debug_text {
                        let _ = write!(text, " debug={debug:?}");
                    }
                    if let Some(conversion) = field.conversion {
                        let _ = write!(text, " !{conversion}");
                    }
                    self.line(&text, Some(field.span));
                    self.nested(|dumper| {
                        dumper.expr("", &field.expr);
                        if let Some(spec) = &field.format_spec {
                            dumper.line("spec", None);
                            dumper.nested(|dumper| dumper.fstring_parts(spec));
                        }
                    });
                }
            }
        }
    }

    fn expr(&mut self, label: &str, expr: &Expr) {
        let span = Some(expr.span);
        let header = |dumper: &mut Self, text: &str| dumper.line(&Self::labelled(label, text), span);
        match &expr.kind {
            ExprKind::Name(name) => header(self, &alloc::format!("Name {name}")),
            ExprKind::Const(constant) => header(
                self,
                match constant {
                    Constant::None => "None",
                    Constant::True => "True",
                    Constant::False => "False",
                    Constant::Ellipsis => "Ellipsis",
                },
            ),
            ExprKind::Int(IntValue::Small(value)) => header(self, &alloc::format!("Int {value}")),
            ExprKind::Int(IntValue::Big(digits)) => header(self, &alloc::format!("Int big {digits}")),
            ExprKind::Float(value) => header(self, &alloc::format!("Float {value:?}")),
            ExprKind::Imag(value) => header(self, &alloc::format!("Imag {value:?}")),
            ExprKind::Str(literal) => {
                let flag = if literal.ident_before { " ident_before" } else { "" };
                header(self, &alloc::format!("Str {:?}{flag}", literal.value));
            }
            ExprKind::Bytes(bytes) => {
                let mut text = String::from("Bytes b\"");
                for byte in bytes {
                    match byte {
                        b'"' => text.push_str("\\\""),
                        b'\\' => text.push_str("\\\\"),
                        0x20..=0x7e => text.push(*byte as char),
                        _ => {
                            let _ = write!(text, "\\x{byte:02x}");
                        }
                    }
                }
                text.push('"');
                header(self, &text);
            }
            ExprKind::FString { parts, .. } => {
                header(self, "FString");
                self.nested(|dumper| dumper.fstring_parts(parts));
            }
            ExprKind::Tuple(elements) | ExprKind::List(elements) | ExprKind::Set(elements) => {
                let name = match expr.kind {
                    ExprKind::Tuple(_) => "Tuple",
                    ExprKind::List(_) => "List",
                    _ => "Set",
                };
                header(self, name);
                self.nested(|dumper| {
                    for element in elements {
                        dumper.expr("", element);
                    }
                });
            }
            ExprKind::Dict(items) => {
                header(self, "Dict");
                self.nested(|dumper| {
                    for item in items {
                        match item {
                            DictItem::KeyValue(key, value) => {
                                dumper.expr("key", key);
                                dumper.expr("value", value);
                            }
                            DictItem::Unpack(mapping) => dumper.expr("**", mapping),
                        }
                    }
                });
            }
            ExprKind::Starred(inner) => {
                header(self, "Starred");
                self.nested(|dumper| dumper.expr("", inner));
            }
            ExprKind::Attribute { value, attr } => {
                header(self, &alloc::format!("Attribute .{}", attr.name));
                self.nested(|dumper| dumper.expr("", value));
            }
            ExprKind::Subscript { value, index } => {
                header(self, "Subscript");
                self.nested(|dumper| {
                    dumper.expr("value", value);
                    dumper.expr("index", index);
                });
            }
            ExprKind::Slice { lower, upper, step } => {
                header(self, "Slice");
                self.nested(|dumper| {
                    for (label, part) in [("lower", lower), ("upper", upper), ("step", step)] {
                        if let Some(part) = part {
                            dumper.expr(label, part);
                        }
                    }
                });
            }
            ExprKind::Call { func, args } => {
                header(self, "Call");
                self.nested(|dumper| {
                    dumper.expr("func", func);
                    for arg in args {
                        dumper.arg(arg);
                    }
                });
            }
            ExprKind::BinOp { left, op, right } => {
                header(self, &alloc::format!("BinOp {op:?}"));
                self.nested(|dumper| {
                    dumper.expr("", left);
                    dumper.expr("", right);
                });
            }
            ExprKind::UnaryOp { op, operand } => {
                header(self, &alloc::format!("UnaryOp {op:?}"));
                self.nested(|dumper| dumper.expr("", operand));
            }
            ExprKind::BoolOp { op, values } => {
                header(self, &alloc::format!("BoolOp {op:?}"));
                self.nested(|dumper| {
                    for value in values {
                        dumper.expr("", value);
                    }
                });
            }
            ExprKind::Compare { left, comparisons } => {
                header(self, "Compare");
                self.nested(|dumper| {
                    dumper.expr("", left);
                    for (op, right) in comparisons {
                        dumper.expr(&alloc::format!("{op:?}"), right);
                    }
                });
            }
            ExprKind::IfExp { test, body, orelse } => {
                header(self, "IfExp");
                self.nested(|dumper| {
                    dumper.expr("test", test);
                    dumper.expr("body", body);
                    dumper.expr("orelse", orelse);
                });
            }
            ExprKind::Lambda { params, body } => {
                header(self, "Lambda");
                self.nested(|dumper| {
                    dumper.params(params);
                    dumper.expr("body", body);
                });
            }
            ExprKind::NamedExpr { target, value } => {
                header(self, &alloc::format!("NamedExpr {}", target.name));
                self.nested(|dumper| dumper.expr("", value));
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match expr.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                header(self, name);
                self.nested(|dumper| {
                    dumper.expr("elt", elt);
                    dumper.comprehensions(generators);
                });
            }
            ExprKind::DictComp { key, value, generators } => {
                header(self, "DictComp");
                self.nested(|dumper| {
                    dumper.expr("key", key);
                    dumper.expr("value", value);
                    dumper.comprehensions(generators);
                });
            }
            ExprKind::Await(value) => {
                header(self, "Await");
                self.nested(|dumper| dumper.expr("", value));
            }
            ExprKind::Yield(value) => {
                header(self, "Yield");
                if let Some(value) = value {
                    self.nested(|dumper| dumper.expr("", value));
                }
            }
            ExprKind::YieldFrom(value) => {
                header(self, "YieldFrom");
                self.nested(|dumper| dumper.expr("", value));
            }
        }
    }
}

fn push_dotted(text: &mut String, name: &crate::ast::DottedName) {
    for (index, part) in name.parts.iter().enumerate() {
        if index > 0 {
            text.push('.');
        }
        text.push_str(&part.name);
    }
}
