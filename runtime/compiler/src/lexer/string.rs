//! String and bytes literals: prefixes, finding the closing quote, escapes.
//!
//! The lexer only finds where a literal ends ([`scan`]); the parser later
//! splits off the prefix and quotes ([`split`]) and decodes the body
//! ([`decode_str`], [`decode_bytes`]), reporting bad escapes with exact spans.
//! MicroPython supports every escape CPython does except `\N{name}`, which is
//! reported as unsupported. Unknown escapes such as `\q` keep the backslash.
//! A line break inside a literal is a LF whatever the file uses: CR LF and a
//! lone CR become LF, as MicroPython's lexer turns them into LF as it reads.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::Span;
use crate::diagnostic::Diagnostic;

pub(crate) struct ScannedString {
    pub end: usize,
    pub error: Option<&'static str>,
}

/// True for the string prefixes Python 3 accepts, in any case.
pub(crate) fn is_prefix(text: &[u8]) -> bool {
    let mut raw = 0;
    let mut bytes = 0;
    let mut format = 0;
    let mut unicode = 0;
    for byte in text {
        match byte.to_ascii_lowercase() {
            b'r' => raw += 1,
            b'b' => bytes += 1,
            b'f' => format += 1,
            b'u' => unicode += 1,
            _ => return false,
        }
    }
    let total = raw + bytes + format + unicode;
    raw <= 1 && bytes + format + unicode <= 1 && (unicode == 0 || total == 1) && total == text.len()
}

/// Finds the end of the literal whose opening quote is at `quote_start`.
/// An unterminated single-line literal stops before the line break so that
/// the line structure survives.
pub(crate) fn scan(bytes: &[u8], quote_start: usize) -> ScannedString {
    let quote = bytes[quote_start];
    let triple = bytes.get(quote_start + 1) == Some(&quote) && bytes.get(quote_start + 2) == Some(&quote);
    let mut pos = quote_start + if triple { 3 } else { 1 };
    while pos < bytes.len() {
        let byte = bytes[pos];
        if byte == b'\\' {
            pos += 2;
            if bytes.get(pos - 1) == Some(&b'\r') && bytes.get(pos) == Some(&b'\n') {
                pos += 1;
            }
            continue;
        }
        if byte == quote {
            if !triple {
                return ScannedString { end: pos + 1, error: None };
            }
            if bytes.get(pos + 1) == Some(&quote) && bytes.get(pos + 2) == Some(&quote) {
                return ScannedString { end: pos + 3, error: None };
            }
        } else if !triple && matches!(byte, b'\n' | b'\r') {
            return ScannedString { end: pos, error: Some("unterminated string") };
        }
        pos += 1;
    }
    ScannedString { end: bytes.len(), error: Some("unterminated string") }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub format: bool,
}

/// A scanned literal split into its prefix and the byte range of its body.
pub(crate) struct StringParts {
    pub prefix: Prefix,
    pub body_start: usize,
    pub body_end: usize,
}

/// Splits a well-formed literal token (as produced by [`scan`]) at `span`.
pub(crate) fn split(source: &str, span: Span) -> StringParts {
    let bytes = source.as_bytes();
    let start = span.start as usize;
    let end = (span.end as usize).min(bytes.len());
    let mut prefix = Prefix::default();
    let mut pos = start;
    while pos < end && !matches!(bytes[pos], b'"' | b'\'') {
        match bytes[pos].to_ascii_lowercase() {
            b'r' => prefix.raw = true,
            b'b' => prefix.bytes = true,
            b'f' => prefix.format = true,
            _ => {}
        }
        pos += 1;
    }
    let quote = bytes.get(pos).copied().unwrap_or(b'"');
    let triple = end >= pos + 6 && bytes[pos + 1] == quote && bytes[pos + 2] == quote;
    let quote_length = if triple { 3 } else { 1 };
    let body_start = (pos + quote_length).min(end);
    let body_end = end.saturating_sub(quote_length).max(body_start);
    StringParts { prefix, body_start, body_end }
}

/// One decoded escape sequence.
enum Escape {
    /// A code point (for str) or byte value (for bytes).
    Value(u32),
    /// A backslash-newline: produces nothing.
    Nothing,
    /// Not an escape: the backslash and the next character are kept.
    Keep,
    /// A malformed escape, already reported.
    Invalid,
}

/// Decodes the escape whose backslash is at `pos`; returns it and the offset after it.
fn escape(source: &str, pos: usize, end: usize, is_bytes: bool, errors: &mut Vec<Diagnostic>) -> (Escape, usize) {
    let bytes = source.as_bytes();
    let at = |index: usize| -> u8 {
        if index < end {
            bytes[index]
        } else {
            0
        }
    };
    let next = at(pos + 1);
    let simple = match next {
        b'\\' => Some(b'\\'),
        b'\'' => Some(b'\''),
        b'"' => Some(b'"'),
        b'a' => Some(0x07),
        b'b' => Some(0x08),
        b'f' => Some(0x0c),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(0x0b),
        _ => None,
    };
    if let Some(value) = simple {
        return (Escape::Value(value as u32), pos + 2);
    }
    match next {
        b'\n' => (Escape::Nothing, pos + 2),
        b'\r' => (Escape::Nothing, if at(pos + 2) == b'\n' { pos + 3 } else { pos + 2 }),
        b'0'..=b'7' => {
            let mut value = 0u32;
            let mut cursor = pos + 1;
            while cursor < pos + 4 && matches!(at(cursor), b'0'..=b'7') {
                value = value * 8 + (at(cursor) - b'0') as u32;
                cursor += 1;
            }
            if is_bytes && value > 0xff {
                errors.push(Diagnostic::syntax("octal escape out of range", Span::new(pos as u32, cursor as u32)));
                return (Escape::Invalid, cursor);
            }
            (Escape::Value(value), cursor)
        }
        b'x' => hex_escape(bytes, pos, end, 2, errors),
        b'u' if !is_bytes => hex_escape(bytes, pos, end, 4, errors),
        b'U' if !is_bytes => hex_escape(bytes, pos, end, 8, errors),
        b'N' if !is_bytes => {
            let mut cursor = pos + 2;
            if at(cursor) == b'{' {
                while cursor < end && bytes[cursor] != b'}' {
                    cursor += 1;
                }
                cursor = (cursor + 1).min(end);
            }
            errors.push(Diagnostic::unsupported(
                "\\N{name} escapes are not supported by MicroPython",
                Span::new(pos as u32, cursor as u32),
            ));
            (Escape::Invalid, cursor)
        }
        _ => (Escape::Keep, pos + 1),
    }
}

fn hex_escape(bytes: &[u8], pos: usize, end: usize, digits: usize, errors: &mut Vec<Diagnostic>) -> (Escape, usize) {
    let mut value = 0u32;
    let mut cursor = pos + 2;
    while cursor < pos + 2 + digits {
        let digit = if cursor < end { (bytes[cursor] as char).to_digit(16) } else { None };
        match digit {
            Some(digit) => value = value * 16 + digit,
            None => {
                errors.push(Diagnostic::syntax("invalid escape", Span::new(pos as u32, cursor as u32)));
                return (Escape::Invalid, cursor);
            }
        }
        cursor += 1;
    }
    if char::from_u32(value).is_none() {
        errors.push(Diagnostic::syntax("invalid escape", Span::new(pos as u32, cursor as u32)));
        return (Escape::Invalid, cursor);
    }
    (Escape::Value(value), cursor)
}

/// Decodes the body `source[start..end]` of a str literal into `out`.
pub(crate) fn decode_str_into(
    out: &mut String,
    source: &str,
    start: usize,
    end: usize,
    raw: bool,
    errors: &mut Vec<Diagnostic>,
) {
    let bytes = source.as_bytes();
    if raw {
        push_with_lf(out, &source[start..end]);
        return;
    }
    let mut chunk_start = start;
    let mut pos = start;
    while pos < end {
        if bytes[pos] != b'\\' {
            pos += 1;
            continue;
        }
        push_with_lf(out, &source[chunk_start..pos]);
        let (decoded, next) = escape(source, pos, end, false, errors);
        match decoded {
            Escape::Value(value) => out.push(char::from_u32(value).unwrap_or('\u{fffd}')),
            Escape::Nothing | Escape::Invalid => {}
            Escape::Keep => out.push('\\'),
        }
        pos = next.min(end);
        chunk_start = pos;
    }
    push_with_lf(out, &source[chunk_start..end]);
}

/// Appends `text` with its CR LF and lone CR line breaks turned into LF.
fn push_with_lf(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
}

/// Decodes the body `source[start..end]` of a str literal.
pub(crate) fn decode_str(source: &str, start: usize, end: usize, raw: bool, errors: &mut Vec<Diagnostic>) -> String {
    let mut out = String::with_capacity(end - start);
    decode_str_into(&mut out, source, start, end, raw, errors);
    out
}

/// Decodes the body `source[start..end]` of a bytes literal into `out`.
pub(crate) fn decode_bytes_into(
    out: &mut Vec<u8>,
    source: &str,
    start: usize,
    end: usize,
    raw: bool,
    errors: &mut Vec<Diagnostic>,
) {
    let bytes = source.as_bytes();
    let mut pos = start;
    while pos < end {
        let byte = bytes[pos];
        if byte >= 0x80 {
            let mut character_end = pos + 1;
            while character_end < end && (bytes[character_end] & 0xC0) == 0x80 {
                character_end += 1;
            }
            errors.push(Diagnostic::syntax(
                "bytes can only contain ascii literal characters",
                Span::new(pos as u32, character_end as u32),
            ));
            pos = character_end;
            continue;
        }
        if byte == b'\r' {
            out.push(b'\n');
            pos += if bytes.get(pos + 1) == Some(&b'\n') && pos + 1 < end { 2 } else { 1 };
            continue;
        }
        if byte != b'\\' || raw {
            out.push(byte);
            pos += 1;
            continue;
        }
        let (decoded, next) = escape(source, pos, end, true, errors);
        match decoded {
            Escape::Value(value) => out.push(value as u8),
            Escape::Nothing | Escape::Invalid => {}
            Escape::Keep => out.push(b'\\'),
        }
        pos = next.min(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn decode(text: &str) -> (String, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let value = decode_str(text, 0, text.len(), false, &mut errors);
        (value, errors)
    }

    fn decode_b(text: &str) -> (Vec<u8>, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut value = Vec::new();
        decode_bytes_into(&mut value, text, 0, text.len(), false, &mut errors);
        (value, errors)
    }

    #[test]
    fn prefixes() {
        for good in ["r", "R", "b", "Br", "rB", "f", "rf", "FR", "u", "U"] {
            assert!(is_prefix(good.as_bytes()), "{good}");
        }
        for bad in ["ur", "bf", "rr", "x", "bu", "fb"] {
            assert!(!is_prefix(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn simple_and_numeric_escapes() {
        assert_eq!(decode(r#"a\n\t\\\'\"\a\b\f\v\r"#).0, "a\n\t\\'\"\x07\x08\x0c\x0b\r");
        assert_eq!(decode(r"\0\101\7777").0, "\0A\u{1ff}7");
        assert_eq!(decode(r"\x41\u00e9\U0001F600").0, "Aé😀");
        assert_eq!(decode("a\\\nb").0, "ab");
        assert_eq!(decode(r"\q\d").0, r"\q\d");
    }

    #[test]
    fn bad_escapes_are_located() {
        let (_, errors) = decode(r"ab\x4g");
        assert_eq!(errors[0].message, "invalid escape");
        assert_eq!(errors[0].span, Span::new(2, 5));
        let (_, errors) = decode(r"\ud800");
        assert_eq!(errors[0].message, "invalid escape");
        let (_, errors) = decode(r"\U00110000");
        assert_eq!(errors[0].message, "invalid escape");
        let (value, errors) = decode(r"x\N{DASH}y");
        assert_eq!(value, "xy");
        assert_eq!(errors[0].kind, crate::DiagnosticKind::Unsupported);
        assert_eq!(errors[0].span, Span::new(1, 9));
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(
            decode_b(r"\x00\xff\377\u1234\N").0,
            vec![0, 255, 255, b'\\', b'u', b'1', b'2', b'3', b'4', b'\\', b'N']
        );
        assert_eq!(decode_b(r"\777").1[0].message, "octal escape out of range");
        assert_eq!(decode_b("é").1[0].message, "bytes can only contain ascii literal characters");
    }

    #[test]
    fn scan_finds_the_end() {
        let text = br#"'a\'b' "#;
        assert_eq!(scan(text, 0).end, 6);
        let text = b"'''a\n'' '''x";
        assert_eq!(scan(text, 0).end, 11);
        let text = b"'abc\nx";
        let scanned = scan(text, 0);
        assert_eq!((scanned.end, scanned.error), (4, Some("unterminated string")));
    }
}
