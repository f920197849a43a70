//! String literals: implicit concatenation, decoding and f-strings.
//!
//! Adjacent literals are joined: str with str, bytes with bytes; mixing the
//! two is an error, and any f-string among them makes the whole an
//! [`ExprKind::FString`]; the plain literals in it stay verbatim text
//! ([`FStringPart::Verbatim`]), as in MicroPython. An f-string body is split into literal text and
//! `{expr!c:spec}` fields; the expression is a slice of the source, lexed and
//! parsed in place so its spans are exact. Following CPython before 3.12, an
//! expression may not contain a backslash or `#`, and a format spec may nest
//! fields two levels deep.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::Parser;
use crate::ast::{Expr, ExprKind, FStringField, FStringPart, Span, StrLit};
use crate::lexer::string::{decode_bytes_into, decode_str, decode_str_into, split};
use crate::lexer::TokenKind;

/// How deeply replacement fields may nest inside format specs.
const MAX_FIELD_NESTING: u32 = 2;

/// Appends literal text to `parts`, merging with a preceding literal.
fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(previous)) = parts.last_mut() {
        previous.push_str(&text);
        return;
    }
    parts.push(FStringPart::Literal(text));
}

impl<'src> Parser<'src> {
    /// Parses one or more adjacent string tokens, starting at the first.
    pub(super) fn parse_strings(&mut self) -> Expr {
        let first = self.pos;
        let start = self.start();
        let mut any_bytes = false;
        let mut any_text = false;
        let mut any_format = false;
        while self.at(TokenKind::String) {
            let token = self.bump();
            let prefix = split(self.source, token.span).prefix;
            if (prefix.bytes && any_text) || (!prefix.bytes && any_bytes) {
                self.report("cannot mix bytes and nonbytes literals", token.span);
            }
            any_bytes |= prefix.bytes;
            any_text |= !prefix.bytes;
            any_format |= prefix.format;
        }
        let last = self.pos;
        let span = self.span_from(start);
        let source = self.source;
        if any_bytes && !any_text {
            let mut value = Vec::new();
            for index in first..last {
                let parts = split(source, self.tokens[index].span);
                decode_bytes_into(
                    &mut value,
                    source,
                    parts.body_start,
                    parts.body_end,
                    parts.prefix.raw,
                    &mut self.errors,
                );
            }
            return Expr { kind: ExprKind::Bytes(value), span };
        }
        if !any_format {
            let mut value = String::new();
            for index in first..last {
                let parts = split(source, self.tokens[index].span);
                if !parts.prefix.bytes {
                    decode_str_into(
                        &mut value,
                        source,
                        parts.body_start,
                        parts.body_end,
                        parts.prefix.raw,
                        &mut self.errors,
                    );
                }
            }
            let ident_before = self.name_seen(&value);
            return Expr { kind: ExprKind::Str(StrLit { value, ident_before }), span };
        }
        let mut fstring_parts = Vec::new();
        for index in first..last {
            let parts = split(source, self.tokens[index].span);
            if parts.prefix.bytes {
                continue;
            }
            if parts.prefix.format {
                self.parse_fstring_text(&mut fstring_parts, parts.body_start, parts.body_end, parts.prefix.raw, 0);
            } else {
                let text = decode_str(source, parts.body_start, parts.body_end, parts.prefix.raw, &mut self.errors);
                if !text.is_empty() {
                    fstring_parts.push(FStringPart::Verbatim(text));
                }
            }
        }
        // The parser stands on the token after the literals (in brackets the
        // next line's first token, else the end of the line).
        let args_at = self.tokens.get(self.pos).map_or(span.end, |token| token.span.start);
        Expr { kind: ExprKind::FString { parts: fstring_parts, args_at }, span }
    }

    /// Parses f-string text from `start` up to `end`, or in a format spec
    /// (`nesting > 0`) up to the first unmatched `}`. Returns where it stopped.
    fn parse_fstring_text(
        &mut self,
        parts: &mut Vec<FStringPart>,
        start: usize,
        end: usize,
        raw: bool,
        nesting: u32,
    ) -> usize {
        let bytes = self.source.as_bytes();
        let mut segment_start = start;
        let mut pos = start;
        while pos < end {
            match bytes[pos] {
                b'{' if bytes.get(pos + 1) == Some(&b'{') && pos + 1 < end => {
                    self.push_fstring_literal(parts, segment_start, pos + 1, raw);
                    pos += 2;
                    segment_start = pos;
                }
                b'{' => {
                    self.push_fstring_literal(parts, segment_start, pos, raw);
                    let (field, next) = self.parse_fstring_field(pos, end, raw, nesting);
                    if let Some(field) = field {
                        parts.push(FStringPart::Field(field));
                    }
                    pos = next;
                    segment_start = pos;
                }
                b'}' if nesting > 0 => {
                    self.push_fstring_literal(parts, segment_start, pos, raw);
                    return pos;
                }
                b'}' if bytes.get(pos + 1) == Some(&b'}') && pos + 1 < end => {
                    self.push_fstring_literal(parts, segment_start, pos + 1, raw);
                    pos += 2;
                    segment_start = pos;
                }
                b'}' => {
                    self.report("f-string: single '}' is not allowed", Span::new(pos as u32, pos as u32 + 1));
                    self.push_fstring_literal(parts, segment_start, pos, raw);
                    pos += 1;
                    segment_start = pos;
                }
                b'\\' if !raw && bytes.get(pos + 1) == Some(&b'N') && bytes.get(pos + 2) == Some(&b'{') => {
                    // `\N{...}` is an escape, not a field; it is reported when decoded.
                    pos += 3;
                    while pos < end && bytes[pos] != b'}' {
                        pos += 1;
                    }
                    pos = (pos + 1).min(end);
                }
                b'\\' if !raw => pos = (pos + 2).min(end),
                _ => pos += 1,
            }
        }
        self.push_fstring_literal(parts, segment_start, end, raw);
        end
    }

    fn push_fstring_literal(&mut self, parts: &mut Vec<FStringPart>, start: usize, end: usize, raw: bool) {
        if start < end {
            let text = decode_str(self.source, start, end, raw, &mut self.errors);
            push_literal(parts, text);
        }
    }

    /// Parses the replacement field whose `{` is at `open`. Returns the field
    /// (unless it was unusable) and the offset after its `}`.
    fn parse_fstring_field(
        &mut self,
        open: usize,
        end: usize,
        raw: bool,
        nesting: u32,
    ) -> (Option<FStringField>, usize) {
        let bytes = self.source.as_bytes();
        let expression_start = open + 1;
        let expression_end = self.find_fstring_expression_end(expression_start, end);
        let mut pos = expression_end;
        let field_error = |parser: &mut Self, message: &str, at: usize| {
            let span = Span::new(open as u32, (at.max(open + 1)).min(end) as u32);
            parser.report(message, span);
        };
        if nesting >= MAX_FIELD_NESTING {
            field_error(self, "f-string: expressions nested too deeply", pos);
            return (None, self.skip_fstring_field(open, end));
        }
        if self.source[expression_start..expression_end].trim().is_empty() {
            field_error(self, "f-string: empty expression not allowed", pos + 1);
            return (None, self.skip_fstring_field(open, end));
        }
        if let Some(offset) =
            bytes[expression_start..expression_end].iter().position(|byte| matches!(byte, b'\\' | b'#'))
        {
            let message = if bytes[expression_start + offset] == b'\\' {
                "f-string expression part cannot include a backslash"
            } else {
                "f-string expression part cannot include '#'"
            };
            let at = expression_start + offset;
            self.report(message, Span::new(at as u32, at as u32 + 1));
            return (None, self.skip_fstring_field(open, end));
        }
        let expr = self.parse_embedded_expression(expression_start, expression_end);
        let mut debug_text = None;
        if pos < end && bytes[pos] == b'=' {
            pos += 1;
            while pos < end && matches!(bytes[pos], b' ' | b'\t') {
                pos += 1;
            }
            debug_text = Some(String::from(&self.source[expression_start..pos]));
        }
        let mut conversion = None;
        if pos < end && bytes[pos] == b'!' {
            match bytes.get(pos + 1) {
                Some(&character @ (b'r' | b's' | b'a')) if pos + 1 < end => conversion = Some(character as char),
                _ => {
                    field_error(self, "f-string: invalid conversion character", pos + 2);
                    return (None, self.skip_fstring_field(open, end));
                }
            }
            pos += 2;
        }
        let mut format_spec = None;
        if pos < end && bytes[pos] == b':' {
            let mut spec_parts = Vec::new();
            pos = self.parse_fstring_text(&mut spec_parts, pos + 1, end, raw, nesting + 1);
            format_spec = Some(spec_parts);
        }
        if pos >= end || bytes[pos] != b'}' {
            field_error(self, "f-string: expecting '}'", pos);
            return (None, end);
        }
        pos += 1;
        let field = FStringField {
            expr: Box::new(expr),
            debug_text,
            conversion,
            format_spec,
            span: Span::new(open as u32, pos as u32),
        };
        (Some(field), pos)
    }

    /// Finds where the expression of a field ends: the first `}`, `!`, `:`
    /// or debug `=` outside brackets and quotes.
    fn find_fstring_expression_end(&self, start: usize, end: usize) -> usize {
        let bytes = self.source.as_bytes();
        let mut depth = 0usize;
        let mut quote: Option<u8> = None;
        let mut pos = start;
        while pos < end {
            let byte = bytes[pos];
            let next = if pos + 1 < end { bytes[pos + 1] } else { 0 };
            if let Some(open_quote) = quote {
                if byte == open_quote {
                    quote = None;
                }
                pos += 1;
                continue;
            }
            match byte {
                b'\'' | b'"' => quote = Some(byte),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth == 0 => return pos,
                b'}' => depth -= 1,
                b'!' if depth == 0 && next != b'=' => return pos,
                b':' if depth == 0 => return pos,
                b'=' if depth == 0 && next != b'=' => {
                    let previous = if pos > start { bytes[pos - 1] } else { 0 };
                    if !matches!(previous, b'=' | b'!' | b'<' | b'>') {
                        return pos;
                    }
                }
                _ => {}
            }
            pos += 1;
        }
        end
    }

    /// Skips a broken field up to just after its closing `}`.
    fn skip_fstring_field(&self, open: usize, end: usize) -> usize {
        let bytes = self.source.as_bytes();
        let mut depth = 0usize;
        let mut pos = open;
        while pos < end {
            match bytes[pos] {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return pos + 1;
                    }
                }
                _ => {}
            }
            pos += 1;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::{ExprKind, FStringPart, StmtKind};
    use alloc::string::String;
    use alloc::vec::Vec;

    /// The parts of the f-string that forms the whole of `source`.
    fn fstring_parts(source: &str) -> Vec<FStringPart> {
        let parsed = crate::parse(source.as_bytes());
        assert!(parsed.errors.is_empty(), "{source}: {:?}", parsed.errors);
        match parsed.module.body.into_iter().next().map(|statement| statement.kind) {
            Some(StmtKind::Expr(crate::ast::Expr { kind: ExprKind::FString { parts, .. }, .. })) => parts,
            other => panic!("{source}: not an f-string: {other:?}"),
        }
    }

    fn first_error(source: &str) -> String {
        let parsed = crate::parse(source.as_bytes());
        parsed.errors.into_iter().next().map(|error| error.message).unwrap_or_default()
    }

    #[test]
    fn doubled_braces_and_escapes_become_literal_text() {
        let parts = fstring_parts(r#"f"{{a}}\t{x}}}""#);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], FStringPart::Literal("{a}\t".into()));
        assert_eq!(parts[2], FStringPart::Literal("}".into()));
    }

    #[test]
    fn fields_keep_debug_text_conversion_and_nested_spec() {
        let parts = fstring_parts(r#"f"{ x = !r:>{width}}""#);
        let FStringPart::Field(field) = &parts[0] else { panic!("{parts:?}") };
        assert_eq!(field.debug_text.as_deref(), Some(" x = "));
        assert_eq!(field.conversion, Some('r'));
        let spec = field.format_spec.as_ref().expect("spec");
        assert_eq!(spec[0], FStringPart::Literal(">".into()));
        assert!(matches!(spec[1], FStringPart::Field(_)));
        assert_eq!(field.span, crate::ast::Span::new(2, 20));
    }

    #[test]
    fn comparison_operators_are_not_debug_fields() {
        for source in [r#"f"{a == b}""#, r#"f"{a != b}""#, r#"f"{a >= b}""#, r#"f"{a <= b}""#] {
            let parts = fstring_parts(source);
            let FStringPart::Field(field) = &parts[0] else { panic!("{parts:?}") };
            assert_eq!(field.debug_text, None, "{source}");
        }
    }

    #[test]
    fn malformed_fields_are_reported() {
        assert_eq!(first_error(r#"f"{}""#), "f-string: empty expression not allowed");
        assert_eq!(first_error(r#"f"{x!q}""#), "f-string: invalid conversion character");
        assert_eq!(first_error(r#"f"{x""#), "f-string: expecting '}'");
        assert_eq!(first_error(r#"f"}""#), "f-string: single '}' is not allowed");
        assert_eq!(first_error(r#"f"{a:{b:{c:{d}}}}""#), "f-string: expressions nested too deeply");
        assert_eq!(first_error(r#"f"{x y}""#), "invalid syntax");
    }
}
