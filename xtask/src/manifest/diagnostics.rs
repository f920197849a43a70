//! Errors and warnings about manifests, and their rustc-like rendering.
//!
//! Every problem the manifest library finds is a `ManifestError`. Most point at
//! a place in a file (`Location`: the file's path relative to the repository
//! root, a 1-based line and column, the width of the underlined text and the
//! text of that line), so the rendered message looks like rustc's:
//!
//! ```text
//! error: module path must end in `.py`
//!  --> manifests/app.toml:3:8
//!   |
//! 3 | path = "x.txt"
//!   |        ^^^^^^^
//! ```
//!
//! A few problems belong to no line (a missing top-level manifest, a malformed
//! `--var`), and those render as the single `error:` line.

use std::fmt;
use std::ops::Range;

/// A place in a manifest (or `manifest.py`) file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, relative to the repository root when it lies inside it.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline (at least one).
    pub width: usize,
    /// The full text of the line, without its line ending.
    pub source_line: String,
}

impl Location {
    /// The location of the byte range `span` inside `text`, the contents of `file`.
    /// Out-of-range spans are clamped, so this never panics.
    pub fn from_span(file: &str, text: &str, span: Range<usize>) -> Location {
        let start = clamp_to_char_boundary(text, span.start);
        let end = clamp_to_char_boundary(text, span.end.max(start));
        let line_start = text[..start].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |newline| start + newline);
        let source_line = text[line_start..line_end].trim_end_matches('\r').to_string();
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let underlined_end = end.min(line_end);
        let width = text[start..underlined_end].chars().count().max(1);
        Location { file: file.to_string(), line, column, width, source_line }
    }

    /// `file:line:col`, as shown after ` --> `.
    pub fn position(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

fn clamp_to_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A secondary message, optionally with its own location (for example "first
/// added here" for a duplicate module).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub message: String,
    pub location: Option<Location>,
}

/// One diagnostic at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub location: Location,
    pub notes: Vec<Note>,
}

/// How many errors one run shows at most, so a badly broken file does not
/// scroll the first (often the cause of the rest) out of sight.
pub const MAX_ERRORS: usize = 20;

/// Everything that can go wrong while reading, resolving or converting a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestError {
    /// A problem at a place in a manifest file.
    At(Box<Diagnostic>),
    /// A problem that belongs to no manifest line: a missing top-level
    /// manifest, a malformed `--var`, an unknown board.
    Input { message: String },
    /// Several problems found in one pass (the converter reports them all).
    Many(Vec<ManifestError>),
}

impl ManifestError {
    /// An error at `location`.
    pub fn at(message: impl Into<String>, location: Location) -> ManifestError {
        ManifestError::At(Box::new(Diagnostic { message: message.into(), location, notes: Vec::new() }))
    }

    /// An error that belongs to no manifest line.
    pub fn input(message: impl Into<String>) -> ManifestError {
        ManifestError::Input { message: message.into() }
    }

    /// The errors of one run as one error: the first [`MAX_ERRORS`] in the
    /// order they were found, then a line counting the rest.
    pub fn collected(mut errors: Vec<ManifestError>) -> ManifestError {
        if errors.len() == 1 {
            return errors.remove(0);
        }
        let hidden = errors.len().saturating_sub(MAX_ERRORS);
        errors.truncate(MAX_ERRORS);
        if hidden > 0 {
            errors.push(ManifestError::input(format!("{hidden} more errors are not shown; fix these first")));
        }
        ManifestError::Many(errors)
    }

    /// Adds a note to an error that has a location (other errors are returned unchanged).
    pub fn with_note(mut self, message: impl Into<String>, location: Option<Location>) -> ManifestError {
        if let ManifestError::At(diagnostic) = &mut self {
            diagnostic.notes.push(Note { message: message.into(), location });
        }
        self
    }

    /// The full rendering, as `cargo xtask manifest` prints it (ends with a newline).
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into("error", &mut out);
        out
    }

    /// Renders with another severity word (the converter's warnings use this).
    pub fn render_as(&self, severity: &str) -> String {
        let mut out = String::new();
        self.render_into(severity, &mut out);
        out
    }

    fn render_into(&self, severity: &str, out: &mut String) {
        match self {
            ManifestError::At(diagnostic) => {
                out.push_str(&format!("{severity}: {}\n", diagnostic.message));
                render_location(&diagnostic.location, out);
                for note in &diagnostic.notes {
                    out.push_str(&format!("note: {}\n", note.message));
                    if let Some(location) = &note.location {
                        render_location(location, out);
                    }
                }
            }
            ManifestError::Input { message } => out.push_str(&format!("{severity}: {message}\n")),
            ManifestError::Many(errors) => {
                for (index, error) in errors.iter().enumerate() {
                    if index > 0 {
                        out.push('\n');
                    }
                    error.render_into(severity, out);
                }
            }
        }
    }
}

/// Appends the ` --> file:line:col` block with the source line and carets.
fn render_location(location: &Location, out: &mut String) {
    let line_number = location.line.to_string();
    let gutter = " ".repeat(line_number.len());
    out.push_str(&format!("{gutter}--> {}\n", location.position()));
    out.push_str(&format!("{gutter} |\n"));
    if location.source_line.is_empty() {
        out.push_str(&format!("{line_number} |\n"));
    } else {
        out.push_str(&format!("{line_number} | {}\n", location.source_line));
    }
    let padding: String = location
        .source_line
        .chars()
        .take(location.column.saturating_sub(1))
        .map(|character| if character == '\t' { '\t' } else { ' ' })
        .collect();
    out.push_str(&format!("{gutter} | {padding}{}\n", "^".repeat(location.width)));
}

/// Reads a manifest file as text. A file that is not UTF-8 is an error at
/// its first bad byte (`file:line:col`, the column counted in characters of
/// the valid text before it), like every other manifest diagnostic.
pub fn read_manifest_text(path: &std::path::Path, display: &str) -> Result<String, ManifestError> {
    let bytes =
        std::fs::read(path).map_err(|error| ManifestError::input(format!("cannot read `{display}`: {error}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let bad_at = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            // The text up to the bad byte is valid, so its lossy decoding has
            // the same bytes there and the span points at the first U+FFFD.
            let lossy = String::from_utf8_lossy(bytes);
            let location = Location::from_span(display, &lossy, bad_at..bad_at + 1);
            let message =
                format!("`{display}` is not valid UTF-8 (byte {:#04x} here); save it as UTF-8", bytes[bad_at]);
            Err(ManifestError::at(message, location))
        }
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The trailing newline of the rendering is left to the caller.
        formatter.write_str(self.render().trim_end_matches('\n'))
    }
}

impl std::error::Error for ManifestError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let text = "# app\n\n[[module]]\npath = \"x.txt\"\n";
        let start = text.find("\"x.txt\"").unwrap_or(0);
        let location = Location::from_span("manifests/app.toml", text, start..start + 7);
        let error = ManifestError::at("module path must end in `.py`", location);
        let expected = "error: module path must end in `.py`\n --> manifests/app.toml:4:8\n  |\n4 | path = \"x.txt\"\n  |        ^^^^^^^\n";
        assert_eq!(error.render(), expected);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
        let path = std::env::temp_dir().join(format!("rime-not-utf8-{}.toml", std::process::id()));
        std::fs::write(&path, b"# caf\xc3\xa9\n[[module]]\npath = \"ma\xefn.py\"\n").unwrap();
        let error = read_manifest_text(&path, "app.toml").unwrap_err();
        let _ = std::fs::remove_file(&path);
        let ManifestError::At(diagnostic) = &error else { panic!("no location: {error}") };
        assert_eq!(diagnostic.location.position(), "app.toml:3:11");
        assert!(error.render().contains("byte 0xef"), "{}", error.render());
    }

    #[test]
    fn collected_errors_are_capped_and_counted() {
        let one = ManifestError::input("only");
        assert_eq!(ManifestError::collected(vec![one.clone()]), one);
        let many: Vec<ManifestError> =
            (0..MAX_ERRORS + 2).map(|index| ManifestError::input(format!("problem {index}"))).collect();
        let rendered = ManifestError::collected(many).render();
        assert!(rendered.starts_with("error: problem 0\n\nerror: problem 1\n"), "{rendered}");
        assert!(rendered.contains("error: problem 19\n") && !rendered.contains("problem 20"), "{rendered}");
        assert!(rendered.ends_with("\nerror: 2 more errors are not shown; fix these first\n"), "{rendered}");
    }

    #[test]
    fn clamps_spans_that_run_past_the_line_or_the_text() {
        let location = Location::from_span("a.toml", "ab\ncd", 1..100);
        assert_eq!((location.line, location.column, location.width), (1, 2, 1));
        let location = Location::from_span("a.toml", "ab", 50..60);
        assert_eq!((location.line, location.column, location.width), (1, 3, 1));
    }
}
