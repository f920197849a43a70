//! The broken-program corpus: thousands of invalid variants of valid programs.
//!
//! Every valid Python file of the project (`tests/corpus/*.py`, the realistic
//! programs, and `tests/data/parser/ok/*.py`, one file per construct) is cut
//! into rough tokens, and a fixed-seed generator derives broken programs from
//! them: truncations at a token boundary and at an arbitrary byte, deletion,
//! swap and duplication of tokens, and changed indentation of a line. The
//! parser must finish on each of them without panicking, and every error it
//! reports must have a span inside the source. Validity is not asserted: a
//! mutation may well produce another valid program.
//!
//! A watchdog fails the test, naming the case, if one parse takes too long,
//! so a hang shows up as a failure instead of a stuck test run. The corpus is
//! the same on every run; set `RIME_BROKEN_SEED` to explore other programs.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rime_compiler::{ast_dump, parse, LineIndex, Parsed};

/// How many broken programs each mutation kind contributes.
const CASES_PER_KIND: usize = 2_500;

/// How long one parse may take before the watchdog declares a hang. A debug
/// build parses the largest corpus file in milliseconds; the margin is for a
/// machine shared with other builds.
const HANG_LIMIT: Duration = Duration::from_secs(20);

/// The valid programs the corpus is derived from, with their names.
fn valid_programs() -> Vec<(String, Vec<u8>)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = python_files(&manifest.join("../../tests/corpus"));
    files.extend(python_files(&manifest.join("tests/data/parser/ok")));
    files
        .into_iter()
        .map(|path| {
            let source = fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
            (path.display().to_string(), source)
        })
        .collect()
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "py"))
        .collect();
    files.sort();
    files
}

/// A xorshift64* generator: deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..bound` (`bound` must not be 0).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// Splits a source into rough tokens, as byte ranges: identifier and number
/// runs, quoted strings (without their prefix), runs of spaces and tabs,
/// line breaks, and single punctuation bytes. It does not have to agree with
/// the real lexer; it only has to cut the text at plausible places.
fn rough_tokens(source: &[u8]) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < source.len() {
        let start = pos;
        let byte = source[pos];
        pos += 1;
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80 {
            while pos < source.len()
                && (source[pos].is_ascii_alphanumeric() || source[pos] == b'_' || source[pos] >= 0x80)
            {
                pos += 1;
            }
        } else if byte == b' ' || byte == b'\t' {
            while pos < source.len() && matches!(source[pos], b' ' | b'\t') {
                pos += 1;
            }
        } else if byte == b'"' || byte == b'\'' {
            while pos < source.len() && source[pos] != byte && source[pos] != b'\n' {
                pos += if source[pos] == b'\\' { 2 } else { 1 };
            }
            pos = (pos + 1).min(source.len());
        } else if byte == b'#' {
            while pos < source.len() && source[pos] != b'\n' {
                pos += 1;
            }
        }
        tokens.push((start, pos));
    }
    tokens
}

/// The ways a valid program is broken.
#[derive(Clone, Copy, Debug)]
enum Mutation {
    TruncateAtToken,
    TruncateAtByte,
    DeleteToken,
    SwapTokens,
    DuplicateToken,
    Reindent,
}

const MUTATIONS: [Mutation; 6] = [
    Mutation::TruncateAtToken,
    Mutation::TruncateAtByte,
    Mutation::DeleteToken,
    Mutation::SwapTokens,
    Mutation::DuplicateToken,
    Mutation::Reindent,
];

/// Applies `mutation` to `source` at places chosen by `rng`. Tokens that are
/// only whitespace are never picked for deletion, swap or duplication, so
/// that most of those mutations change the program's meaning.
fn mutate(source: &[u8], tokens: &[(usize, usize)], mutation: Mutation, rng: &mut Rng) -> Vec<u8> {
    let significant: Vec<usize> =
        (0..tokens.len()).filter(|&index| !matches!(source[tokens[index].0], b' ' | b'\t' | b'\n' | b'\r')).collect();
    if significant.is_empty() {
        return source[..source.len() / 2].to_vec();
    }
    let pick = |rng: &mut Rng| significant[rng.below(significant.len())];
    match mutation {
        Mutation::TruncateAtToken => {
            let (start, _) = tokens[pick(rng)];
            source[..start].to_vec()
        }
        Mutation::TruncateAtByte => source[..rng.below(source.len() + 1)].to_vec(),
        Mutation::DeleteToken => {
            let (start, end) = tokens[pick(rng)];
            [&source[..start], &source[end..]].concat()
        }
        Mutation::SwapTokens => {
            let index = pick(rng);
            // The next significant token, so that the swap is not with a space.
            let Some(&other) = significant.iter().find(|&&candidate| candidate > index) else {
                return source[..tokens[index].0].to_vec();
            };
            let (first, second) = (tokens[index], tokens[other]);
            [
                &source[..first.0],
                &source[second.0..second.1],
                &source[first.1..second.0],
                &source[first.0..first.1],
                &source[second.1..],
            ]
            .concat()
        }
        Mutation::DuplicateToken => {
            let (start, end) = tokens[pick(rng)];
            [&source[..end], &source[start..end], &source[end..]].concat()
        }
        Mutation::Reindent => reindent(source, rng),
    }
}

/// Changes the indentation of one non-blank line: adds or removes spaces, or
/// puts a tab in front.
fn reindent(source: &[u8], rng: &mut Rng) -> Vec<u8> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.iter().enumerate().filter(|(_, byte)| **byte == b'\n').map(|(offset, _)| offset + 1))
        .filter(|&start| start < source.len() && source[start] != b'\n')
        .collect();
    if line_starts.is_empty() {
        return b" x".to_vec();
    }
    let start = line_starts[rng.below(line_starts.len())];
    let indent = source[start..].iter().take_while(|byte| matches!(byte, b' ' | b'\t')).count();
    let replacement: Vec<u8> = match rng.below(4) {
        0 => vec![b' '; indent + 1 + rng.below(8)],
        1 => vec![b' '; indent.saturating_sub(1 + rng.below(4))],
        2 => [b"\t".as_slice(), &source[start..start + indent]].concat(),
        _ => vec![b' '; rng.below(2) * 2],
    };
    [&source[..start], &replacement, &source[start + indent..]].concat()
}

/// Checks the invariants every parse must keep; returns the first violation.
fn check(source: &[u8], parsed: &Parsed) -> Result<(), String> {
    for error in &parsed.errors {
        if error.span.start > error.span.end || error.span.end as usize > source.len() {
            return Err(format!(
                "span {:?} of {:?} outside a source of {} bytes",
                error.span,
                error.message,
                source.len()
            ));
        }
        if error.message.is_empty() {
            return Err(format!("error at {:?} without a message", error.span));
        }
    }
    let index = LineIndex::new(source);
    for error in &parsed.errors {
        let (line, column) = index.line_col(source, error.span.start);
        if line == 0 || column == 0 {
            return Err(format!("error {:?} at {line}:{column}", error.message));
        }
    }
    Ok(())
}

fn seed() -> u64 {
    match std::env::var("RIME_BROKEN_SEED") {
        Ok(text) => text.parse().unwrap_or_else(|_| panic!("RIME_BROKEN_SEED must be a number, not {text:?}")),
        Err(_) => 0x5eed_0f_b20c_e11,
    }
}

#[test]
fn the_project_python_corpus_parses_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let files = python_files(&dir);
    assert!(files.len() >= 100, "only {} corpus files in {}", files.len(), dir.display());
    let mut failures = String::new();
    for path in &files {
        let source = fs::read(path).expect("read corpus file");
        let parsed = parse(&source);
        let index = LineIndex::new(&source);
        for error in &parsed.errors {
            let (line, column) = index.line_col(&source, error.span.start);
            failures.push_str(&format!("{}:{line}:{column}: {}\n", path.display(), error.message));
        }
    }
    assert!(failures.is_empty(), "corpus files with errors:\n{failures}");
    println!("{} corpus files parse without errors", files.len());
}

#[test]
fn broken_programs_never_panic_or_hang() {
    let programs = valid_programs();
    assert!(programs.len() >= 200, "only {} valid programs", programs.len());
    // The case being parsed, for the watchdog's message.
    let current = Arc::new(Mutex::new(String::new()));
    let done = Arc::new(AtomicUsize::new(0));
    let worker = {
        let (current, done) = (Arc::clone(&current), Arc::clone(&done));
        std::thread::spawn(move || run_cases(&programs, &current, &done))
    };
    let mut last_count = 0;
    let mut last_progress = Instant::now();
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(20));
        let count = done.load(Ordering::Relaxed);
        if count != last_count {
            last_count = count;
            last_progress = Instant::now();
        } else if last_progress.elapsed() > HANG_LIMIT {
            let case = current.lock().map(|case| case.clone()).unwrap_or_default();
            panic!("no progress for {HANG_LIMIT:?}: the parser hangs on {case}");
        }
    }
    let cases = match worker.join() {
        Ok(cases) => cases,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    assert!(cases >= 5_000, "only {cases} broken programs");
    println!("{cases} broken programs parsed without panics, hangs or misplaced spans");
}

/// Generates and parses every case; returns how many there were.
fn run_cases(programs: &[(String, Vec<u8>)], current: &Mutex<String>, done: &AtomicUsize) -> usize {
    let tokens: Vec<Vec<(usize, usize)>> = programs.iter().map(|(_, source)| rough_tokens(source)).collect();
    let mut rng = Rng(seed() | 1);
    let mut cases = 0;
    let mut with_errors = 0;
    for mutation in MUTATIONS {
        for case in 0..CASES_PER_KIND {
            // Every program is used in turn, so small and large ones mix.
            let program = (case + rng.below(programs.len())) % programs.len();
            let (name, source) = &programs[program];
            let broken = mutate(source, &tokens[program], mutation, &mut rng);
            let label = format!("{mutation:?} #{case} of {name}");
            if let Ok(mut slot) = current.lock() {
                slot.clone_from(&label);
            }
            let parsed = parse(&broken);
            if let Err(problem) = check(&broken, &parsed) {
                panic!("{label}: {problem}\nsource:\n{}", String::from_utf8_lossy(&broken));
            }
            // Walking the tree of a broken program must work too; once in a
            // while is enough to catch a malformed tree.
            if case % 16 == 0 {
                let _dump = ast_dump::dump(&parsed.module);
            }
            with_errors += usize::from(!parsed.errors.is_empty());
            cases += 1;
            done.fetch_add(1, Ordering::Relaxed);
        }
    }
    // Most mutations must break the program, or the corpus tests little.
    assert!(with_errors * 2 > cases, "only {with_errors} of {cases} mutated programs had errors");
    cases
}
