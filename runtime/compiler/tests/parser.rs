//! Data-driven parser tests.
//!
//! Every `tests/data/parser/ok/*.py` must parse without errors; its tree dump
//! is compared with the `.ast` file next to it. Every `err/*.py` must produce
//! at least one error; the errors, one `line:col: kind: message` per line,
//! are compared with the `.err` file next to it. Run with `UPDATE_EXPECT=1`
//! to rewrite the snapshots, then review the diff. Further tests feed the
//! parser hostile input (deep nesting, every prefix of every file, invalid
//! UTF-8) and check that it neither panics nor reports spans outside the
//! source.

use std::fs;
use std::path::{Path, PathBuf};

use expect_test::expect_file;
use rime_compiler::{ast_dump, parse, Diagnostic, DiagnosticKind, LineIndex};

fn data_files(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parser").join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "py"))
        .collect();
    files.sort();
    files
}

fn render_errors(source: &[u8], errors: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for error in errors {
        let (line, column) = index.line_col(source, error.span.start);
        let kind = match error.kind {
            DiagnosticKind::Syntax => "syntax",
            DiagnosticKind::Unsupported => "unsupported",
            DiagnosticKind::OutOfMemory => "memory",
        };
        out.push_str(&format!("{line}:{column}: {kind}: {}\n", error.message));
    }
    out
}

fn assert_spans_within(source: &[u8], errors: &[Diagnostic], name: &str) {
    for error in errors {
        assert!(
            error.span.start <= error.span.end && error.span.end as usize <= source.len(),
            "{name}: span {:?} of {:?} outside source of {} bytes",
            error.span,
            error.message,
            source.len()
        );
    }
}

#[test]
fn ok_files_parse_cleanly_and_match_snapshots() {
    let files = data_files("ok");
    assert!(files.len() >= 40, "only {} ok files", files.len());
    for path in files {
        let source = fs::read(&path).expect("read test file");
        let parsed = parse(&source);
        assert!(parsed.errors.is_empty(), "{} has errors:\n{}", path.display(), render_errors(&source, &parsed.errors));
        expect_file![path.with_extension("ast")].assert_eq(&ast_dump::dump(&parsed.module));
    }
}

#[test]
fn err_files_report_errors_matching_snapshots() {
    let files = data_files("err");
    assert!(files.len() >= 30, "only {} err files", files.len());
    for path in files {
        let source = fs::read(&path).expect("read test file");
        let parsed = parse(&source);
        let name = path.display().to_string();
        assert!(!parsed.errors.is_empty(), "{name} parsed without errors");
        assert_spans_within(&source, &parsed.errors, &name);
        expect_file![path.with_extension("err")].assert_eq(&render_errors(&source, &parsed.errors));
    }
}

#[test]
fn every_prefix_of_every_file_parses_without_panicking() {
    for path in data_files("ok").into_iter().chain(data_files("err")) {
        let source = fs::read(&path).expect("read test file");
        for end in 0..=source.len() {
            let prefix = &source[..end];
            let parsed = parse(prefix);
            assert_spans_within(prefix, &parsed.errors, &path.display().to_string());
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let openers = [
        "(",
        "[",
        "{",
        "-",
        "not ",
        "lambda:",
        "a if b else ",
        "2**",
        "f(",
        "x[",
        "await ",
        "1+",
        "a.",
        "f()",
        "x[0]",
        "a or ",
    ];
    for opener in openers {
        let source = opener.repeat(100_000);
        let parsed = parse(source.as_bytes());
        assert!(!parsed.errors.is_empty(), "{opener}");
        assert_spans_within(source.as_bytes(), &parsed.errors, opener);
        assert!(parsed.errors.len() < 10, "{opener}: {} errors", parsed.errors.len());
    }
    let parsed = parse("(".repeat(100_000).as_bytes());
    assert!(parsed.errors.iter().any(|error| error.message == "too deeply nested"));
    let mut nested_blocks = String::new();
    for depth in 0..1000 {
        nested_blocks.push_str(&" ".repeat(depth));
        nested_blocks.push_str("if x:\n");
    }
    nested_blocks.push_str(&" ".repeat(1000));
    nested_blocks.push_str("pass\n");
    let parsed = parse(nested_blocks.as_bytes());
    assert!(parsed.errors.iter().any(|error| error.message == "too deeply nested"));
    let chain = "if a: pass\n".to_string() + &"elif b: pass\n".repeat(700);
    assert!(parse(chain.as_bytes()).errors.is_empty());
    let chain = "if a: pass\n".to_string() + &"elif b: pass\n".repeat(100_000);
    let errors = parse(chain.as_bytes()).errors;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message, "too deeply nested");
    let sum = "x = ".to_string() + &"1 + ".repeat(700) + "1\n";
    assert!(parse(sum.as_bytes()).errors.is_empty());
}

#[test]
fn invalid_utf8_is_located() {
    let source = b"x = 1\ny = '\xff\xfe'\nz = \xc3\n";
    let parsed = parse(source);
    assert_eq!(
        render_errors(source, &parsed.errors),
        "2:6: syntax: invalid utf-8 in source\n3:5: syntax: invalid utf-8 in source\n"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A small deterministic generator; the alphabet favours Python's punctuation.
    let alphabet = b"()[]{}:;,.=+-*/%<>!@&|^~ \t\n\r\\'\"#abcfrbuj0123456789_xe\xc3\xa9\xff";
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut source = Vec::new();
        for _ in 0..(state % 60) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            source.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        state = state.wrapping_add(1);
        let parsed = parse(&source);
        assert_spans_within(&source, &parsed.errors, &String::from_utf8_lossy(&source));
    }
}
