//! Renders a [`Diagnostic`] the way rustc prints its errors.
//!
//! The output names the file, line and column, shows the source line and
//! puts carets under the span:
//!
//! ```text
//! error: invalid syntax
//!  --> app.py:3:9
//!   |
//! 3 | x = (1 +
//!   |         ^
//! ```
//!
//! Errors of kind [`DiagnosticKind::Unsupported`] are headed
//! `error[unsupported]:` so that they stand apart from syntax errors. The
//! line and column are those of [`LineIndex::line_col`] (the column counts
//! characters). In the excerpt a tab is shown as four spaces, as rustc does,
//! other control characters and invalid UTF-8 as `�`, so the carets line up
//! with what the terminal shows; every other character counts one column.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt::Write;

use crate::diagnostic::{Diagnostic, DiagnosticKind, LineIndex};

/// How many columns a tab takes in the excerpt.
const TAB_WIDTH: usize = 4;

/// Renders `diagnostic`, found in `source` (the file called `file_name`), as
/// a rustc-style message ending with a newline.
pub fn render(diagnostic: &Diagnostic, source: &[u8], file_name: &str) -> String {
    let index = LineIndex::new(source);
    let start = (diagnostic.span.start as usize).min(source.len());
    let end = (diagnostic.span.end as usize).clamp(start, source.len());
    let (line, column) = index.line_col(source, start as u32);
    let range = index.line_range(source, line);
    // The excerpt: the text before the span, the spanned text on this line,
    // and the rest of the line.
    let before = &source[range.start.min(start)..start.max(range.start)];
    let spanned = &source[start.max(range.start)..end.min(range.end).max(start.max(range.start))];
    let after = &source[end.clamp(range.start, range.end)..range.end];
    let before = displayed(before);
    let spanned = displayed(spanned);
    let after = displayed(after);

    let line_number = alloc::format!("{line}");
    let gutter = " ".repeat(line_number.len());
    let mut out = String::new();
    let _ = match diagnostic.kind {
        DiagnosticKind::Syntax => writeln!(out, "error: {}", diagnostic.message),
        DiagnosticKind::Unsupported => writeln!(out, "error[unsupported]: {}", diagnostic.message),
        DiagnosticKind::OutOfMemory => writeln!(out, "error[memory]: {}", diagnostic.message),
    };
    let _ = writeln!(out, "{gutter}--> {file_name}:{line}:{column}");
    let _ = writeln!(out, "{gutter} |");
    let text = alloc::format!("{before}{spanned}{after}");
    if text.is_empty() {
        let _ = writeln!(out, "{line_number} |");
    } else {
        let _ = writeln!(out, "{line_number} | {text}");
    }
    // A span that is empty, or that starts at the end of the line, still
    // gets one caret, just after the text before it.
    let carets = spanned.chars().count().max(1);
    let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(before.chars().count()), "^".repeat(carets));
    out
}

/// How many diagnostics [`render_all`] shows at most: enough to fix a file in
/// one pass, few enough that the first (often the cause of the rest) stays
/// in sight.
pub const MAX_SHOWN: usize = 20;

/// Renders every diagnostic of one file, rustc style: each message followed
/// by an empty line, at most [`MAX_SHOWN`] of them, then a line counting the
/// ones left out.
pub fn render_all(diagnostics: &[Diagnostic], source: &[u8], file_name: &str) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics.iter().take(MAX_SHOWN) {
        out.push_str(&render(diagnostic, source, file_name));
        out.push('\n');
    }
    if diagnostics.len() > MAX_SHOWN {
        let hidden = diagnostics.len() - MAX_SHOWN;
        let _ = writeln!(out, "error: {hidden} more errors in {file_name} are not shown; fix these first\n");
    }
    out
}

/// `bytes` as shown in the excerpt: invalid UTF-8 and control characters
/// become `�` and tabs become spaces, one character per column.
fn displayed(bytes: &[u8]) -> String {
    let text: Cow<'_, str> = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\t' => out.push_str(&" ".repeat(TAB_WIDTH)),
            _ if character.is_control() => out.push('\u{FFFD}'),
            _ => out.push(character),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Span;
    use expect_test::{expect, Expect};

    fn check(source: &[u8], span: (u32, u32), expected: Expect) {
        let diagnostic = Diagnostic::syntax("invalid syntax", Span::new(span.0, span.1));
        expected.assert_eq(&render(&diagnostic, source, "app.py"));
    }

    #[test]
    fn points_at_the_span_on_its_line() {
        check(
            b"a = 1\nb = 2\nx = (1 +\n",
            (14, 15),
            expect![[r#"
                error: invalid syntax
                 --> app.py:3:3
                  |
                3 | x = (1 +
                  |   ^
            "#]],
        );
        check(
            b"print(value if ok)\n",
            (6, 17),
            expect![[r#"
                error: invalid syntax
                 --> app.py:1:7
                  |
                1 | print(value if ok)
                  |       ^^^^^^^^^^^
            "#]],
        );
    }

    #[test]
    fn a_span_at_the_end_of_a_line_or_of_the_file_gets_one_caret() {
        check(
            b"a = 1\nb = 2\nx = (1 +\n",
            (20, 21),
            expect![[r#"
                error: invalid syntax
                 --> app.py:3:9
                  |
                3 | x = (1 +
                  |         ^
            "#]],
        );
        check(
            b"x = (1 +",
            (8, 8),
            expect![[r#"
                error: invalid syntax
                 --> app.py:1:9
                  |
                1 | x = (1 +
                  |         ^
            "#]],
        );
        check(
            b"x = 1\n",
            (6, 6),
            expect![[r#"
                error: invalid syntax
                 --> app.py:2:1
                  |
                2 |
                  | ^
            "#]],
        );
    }

    #[test]
    fn a_span_over_several_lines_is_cut_at_the_end_of_the_first() {
        check(
            b"f(a,\n  b\n",
            (0, 8),
            expect![[r#"
                error: invalid syntax
                 --> app.py:1:1
                  |
                1 | f(a,
                  | ^^^^
            "#]],
        );
    }

    #[test]
    fn tabs_non_ascii_and_invalid_utf8_keep_the_carets_aligned() {
        check(
            b"if x:\n\tname = 'h\xc3\xa9' $\n",
            (20, 21),
            expect![[r#"
                error: invalid syntax
                 --> app.py:2:14
                  |
                2 |     name = 'hé' $
                  |                 ^
            "#]],
        );
        check(
            b"s = '\xff\xfe' + ?\r\n",
            (11, 12),
            expect![[r#"
                error: invalid syntax
                 --> app.py:1:12
                  |
                1 | s = '��' + ?
                  |            ^
            "#]],
        );
    }

    #[test]
    fn unsupported_errors_are_labelled_and_the_gutter_fits_the_line_number() {
        let mut source = String::new();
        for _ in 0..11 {
            source.push_str("pass\n");
        }
        source.push_str("match x:\n    case 1: pass\n");
        let diagnostic =
            Diagnostic::unsupported("'match' statements are not supported by MicroPython", Span::new(55, 60));
        expect![[r#"
            error[unsupported]: 'match' statements are not supported by MicroPython
              --> main.py:12:1
               |
            12 | match x:
               | ^^^^^
        "#]]
        .assert_eq(&render(&diagnostic, source.as_bytes(), "main.py"));
    }

    #[test]
    fn spans_outside_the_source_are_clamped() {
        check(
            b"x = 1",
            (40, 50),
            expect![[r#"
                error: invalid syntax
                 --> app.py:1:6
                  |
                1 | x = 1
                  |      ^
            "#]],
        );
    }

    #[test]
    fn every_error_is_shown_up_to_the_limit() {
        let source = b"x = = 1\n".repeat(MAX_SHOWN + 3);
        let diagnostics = crate::parse(&source).errors;
        assert_eq!(diagnostics.len(), MAX_SHOWN + 3, "one error per line");
        let rendered = render_all(&diagnostics, &source, "bad.py");
        assert_eq!(rendered.matches("error: invalid syntax\n").count(), MAX_SHOWN);
        assert!(rendered.starts_with("error: invalid syntax\n --> bad.py:1:5\n"), "{rendered}");
        assert!(rendered.contains("\n  --> bad.py:20:5\n"), "{rendered}");
        assert!(!rendered.contains("bad.py:21:"), "{rendered}");
        assert!(
            rendered.ends_with("\n\nerror: 3 more errors in bad.py are not shown; fix these first\n\n"),
            "{rendered}"
        );
        let two = render_all(&diagnostics[..2], &source, "bad.py");
        assert_eq!(
            two,
            alloc::format!(
                "{}\n{}\n",
                render(&diagnostics[0], &source, "bad.py"),
                render(&diagnostics[1], &source, "bad.py")
            )
        );
    }
}
