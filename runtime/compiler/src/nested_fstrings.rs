//! MicroPython 1.27's reading of an f-string nested inside another one, done
//! as a rewrite of the source text before it is parsed.
//!
//! MicroPython 1.27 compiles `f"a{x}b"` as `"a{}b".format((x),)`, and does it
//! in its lexer: it copies the text of each replacement field into a buffer
//! and, once the string ends, reads that buffer as if it followed the string.
//! An f-string met while reading the buffer does not get a buffer of its own
//! (1.28 added that): its value becomes a plain string, and the text of its
//! fields, `(expr),` for each, is appended to the end of the buffer being
//! read. So `f"a{f'b{x}c'}d"` reads as `"a{}d".format(("b{}c"),)(x),`, which
//! calls the formatted string with `x`, and that is what mpy-cross 1.27
//! compiles. The parser gives such an f-string CPython's meaning instead, so
//! [`rewrite`] replaces each outermost string group that holds a nested
//! f-string by the text MicroPython's lexer reads, and the file is compiled
//! from that text.
//!
//! Only groups on one line, without backslashes and with lowercase prefixes
//! (as MicroPython requires) are rewritten, so every line keeps its number;
//! anything else keeps the parser's reading. Files without a nested f-string
//! are not touched.

use alloc::vec::Vec;

use crate::lexer::{tokenize, LexMode, Token, TokenKind};
use crate::memory::{MemoryProbe, OutOfMemory};

/// The source as MicroPython 1.27's lexer reads it, or `None` when that is
/// the source itself (see the module docs); an error when memory ran low.
pub(crate) fn rewrite(source: &[u8], probe: MemoryProbe) -> Result<Option<Vec<u8>>, OutOfMemory> {
    let Ok(text) = core::str::from_utf8(source) else { return Ok(None) };
    if !text.contains("f'") && !text.contains("f\"") {
        return Ok(None);
    }
    let lexed = tokenize(text, 0, text.len(), LexMode::Module, probe);
    if lexed.out_of_memory {
        return Err(OutOfMemory);
    }
    Ok(rewrite_tokens(source, &lexed.tokens))
}

/// [`rewrite`] over the source's tokens.
fn rewrite_tokens(source: &[u8], tokens: &[Token]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut copied = 0;
    let mut index = 0;
    while index < tokens.len() {
        if tokens[index].kind != TokenKind::String {
            index += 1;
            continue;
        }
        // The group is read to its end as MicroPython reads it, which is
        // not always where the tokens end: a field's quotes do not end an
        // f-string there (`f"a{f"b"}"`).
        let start = tokens[index].span.start as usize;
        let line_end = source[start..].iter().position(|byte| matches!(byte, b'\n' | b'\r'));
        let line = &source[start..line_end.map_or(source.len(), |length| start + length)];
        let mut end = tokens[index].span.end as usize;
        if let Some((replacement, length)) = rewrite_group(line) {
            out.extend_from_slice(&source[copied..start]);
            out.extend_from_slice(&replacement);
            end = start + length;
            copied = end;
        }
        while tokens
            .get(index)
            .is_some_and(|token| (token.span.start as usize) < end || token.kind == TokenKind::String)
        {
            index += 1;
        }
    }
    if copied == 0 {
        return None;
    }
    out.extend_from_slice(&source[copied..]);
    Some(out)
}

/// The text MicroPython reads for the group of adjacent literals at the
/// start of `line`, and the group's length, when the group holds an f-string
/// with another f-string in a field.
fn rewrite_group(line: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut buffer = Vec::new();
    let (value, length, any_fstring) = read_literals(line, 0, &mut buffer, false)?;
    if !any_fstring || line[..length].contains(&b'\\') {
        return None;
    }
    buffer.push(b')');
    let mut out = quoted(&value);
    let mut nested = false;
    let mut pos = 0;
    while pos < buffer.len() {
        let byte = buffer[pos];
        if starts_literal(&buffer, pos) {
            let mut appended = Vec::new();
            let (value, end, any_fstring) = read_literals(&buffer, pos, &mut appended, true)?;
            nested |= any_fstring;
            out.extend_from_slice(&quoted(&value));
            buffer.extend_from_slice(&appended);
            pos = end;
        } else if byte == b'_' || byte.is_ascii_alphanumeric() {
            let start = pos;
            while pos < buffer.len() && (buffer[pos] == b'_' || buffer[pos].is_ascii_alphanumeric()) {
                pos += 1;
            }
            out.extend_from_slice(&buffer[start..pos]);
        } else {
            out.push(byte);
            pos += 1;
        }
    }
    nested.then_some((out, length))
}

/// The length of a string prefix MicroPython accepts at `pos` and whether
/// it makes an f-string: `u`, `r`, `f`, `rf`, `fr` (bytes are left alone).
fn prefix(text: &[u8], pos: usize) -> Option<(usize, bool)> {
    let at = |offset: usize| text.get(pos + offset).copied().unwrap_or(0);
    let quote = |byte: u8| matches!(byte, b'\'' | b'"');
    match (at(0), at(1)) {
        (first, _) if quote(first) => Some((0, false)),
        (b'u', next) | (b'r', next) if quote(next) => Some((1, false)),
        (b'f', next) if quote(next) => Some((1, true)),
        (b'r', b'f') | (b'f', b'r') if quote(at(2)) => Some((2, true)),
        _ => None,
    }
}

/// Whether a string literal starts at `pos` (and not inside a name).
fn starts_literal(text: &[u8], pos: usize) -> bool {
    let inside_name = pos > 0 && (text[pos - 1] == b'_' || text[pos - 1].is_ascii_alphanumeric());
    !inside_name && prefix(text, pos).is_some()
}

/// Reads the adjacent literals from `pos` as MicroPython 1.27's lexer does:
/// returns their value (with `{}` where the fields were), where they end,
/// and whether one was an f-string. Each field adds `(expr),` to `args`,
/// after `.format(` when `args` starts empty and nothing is being injected.
fn read_literals(text: &[u8], mut pos: usize, args: &mut Vec<u8>, injecting: bool) -> Option<(Vec<u8>, usize, bool)> {
    let mut value = Vec::new();
    let mut any_fstring = false;
    loop {
        let (prefix_length, fstring) = prefix(text, pos)?;
        pos += prefix_length;
        let quote = text[pos];
        let quotes = if text.get(pos + 1) == Some(&quote) && text.get(pos + 2) == Some(&quote) { 3 } else { 1 };
        pos += quotes;
        if fstring {
            any_fstring = true;
            if args.is_empty() && !injecting {
                args.extend_from_slice(b".format(");
            }
        }
        let mut closing = 0;
        while pos < text.len() && closing < quotes {
            if text[pos] == quote {
                closing += 1;
                value.push(quote);
                pos += 1;
                continue;
            }
            closing = 0;
            while fstring && text.get(pos) == Some(&b'{') {
                pos += 1;
                if text.get(pos) == Some(&b'{') {
                    value.push(b'{');
                    pos += 1;
                } else {
                    pos = read_field(text, pos, &mut value, args);
                }
                value.push(b'{');
            }
            // Like MicroPython, whatever follows a field is taken as text.
            if let Some(&byte) = text.get(pos) {
                value.push(byte);
                pos += 1;
            }
        }
        if closing < quotes {
            return None;
        }
        value.truncate(value.len() - quotes);
        let mut next = pos;
        while matches!(text.get(next), Some(b' ' | b'\t')) {
            next += 1;
        }
        if prefix(text, next).is_none() {
            return Some((value, pos, any_fstring));
        }
        pos = next;
    }
}

/// Copies the field starting at `pos` (after its `{`) into `args` as
/// `(expr),`: up to a `:`, `}`, `!r` or `!s` outside `[]` and `{}`, quotes
/// not considered, as MicroPython does. A field ending in `=` also puts its
/// text into `value`. Returns where the field's text ends.
fn read_field(text: &[u8], mut pos: usize, value: &mut Vec<u8>, args: &mut Vec<u8>) -> usize {
    args.push(b'(');
    let start = args.len();
    // MicroPython's level is unsigned: a stray closing bracket wraps it.
    let mut level = 0u32;
    while let Some(&byte) = text.get(pos) {
        let conversion = byte == b'!'
            && matches!(text.get(pos + 1), Some(b'r' | b's'))
            && matches!(text.get(pos + 2), Some(b':' | b'}'));
        if level == 0 && (matches!(byte, b':' | b'}') || conversion) {
            break;
        }
        match byte {
            b'[' | b'{' => level = level.wrapping_add(1),
            b']' | b'}' => level = level.wrapping_sub(1),
            _ => {}
        }
        args.push(byte);
        pos += 1;
    }
    if args.last() == Some(&b'=') {
        value.extend_from_slice(&args[start..]);
        args.pop();
    }
    args.extend_from_slice(b"),");
    pos
}

/// `value` as a double-quoted literal that the lexer reads back unchanged.
fn quoted(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 2);
    out.push(b'"');
    for &byte in value {
        if matches!(byte, b'"' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b'"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(source: &str) -> Option<alloc::string::String> {
        rewrite(source.as_bytes(), MemoryProbe::default())
            .unwrap()
            .map(|bytes| alloc::string::String::from_utf8(bytes).unwrap())
    }

    #[test]
    fn a_nested_fstring_reads_as_micropython_1_27_reads_it() {
        assert_eq!(
            rewritten("print(f\"a{f'b{x:2}c':>5}d\")\n").as_deref(),
            Some("print(\"a{:>5}d\".format((\"b{:2}c\"),)(x),)\n")
        );
        assert_eq!(
            rewritten("y = f'{f\"{a}{b}\"=}' 'z'\n").as_deref(),
            Some("y = \"f\\\"{a}{b}\\\"={}z\".format((\"{}{}\"),)(a),(b),\n")
        );
    }

    #[test]
    fn other_sources_are_left_alone() {
        for source in [
            "print(f'{x}' 'y{}')\n",
            "print(f'{\"quoted\"}', f'{y!r:>{w}}')\n",
            "print(f'{f\"{x}\"}\\n')\n",
            "s = f'''{f\"{x}\"}\n'''\n",
            "print('no f-string here')\n",
            "elf'x'\n",
        ] {
            assert_eq!(rewritten(source), None, "{source}");
        }
    }
}
