//! Tidy: the project's code rules as `#[test]`s, run by `cargo test -p xtask`
//! (and so by `cargo test --workspace` and `cargo xtask test`).
//!
//! Over every `.rs` file of the checkout (build outputs, `node_modules` and the
//! Python venv excluded):
//! - every file starts with a `//!` module doc;
//! - `unsafe` appears only in the VM's GC, object and port modules, in
//!   `runtime/fs/src/` and in `ports/`, and every `unsafe {` block has a `// SAFETY:` comment starting
//!   at most three lines above it;
//! - no test is ignored or expected to panic (assert the wrong behaviour and
//!   leave a FIXME instead);
//! - no file is longer than 1,500 lines, and no line ends in whitespace;
//! - opcode and operator numbers are written only in `runtime/bytecode`: the
//!   VM's `interp/` has no match arm on a hex literal (it matches on
//!   `rime_bytecode::op::*`), and no file outside the bytecode crate defines
//!   a `u8` constant named after an opcode or operator of its lists.
//! - the crates ARCHITECTURE.md calls safe forbid `unsafe` at their roots;
//! - no xtask module calls a command's `run` (only `lib.rs` dispatches).
//!
//! It also checks the `cargo xtask` CLI itself: `--help` lists all nine
//! commands, each with its one-line help.
//!
//! The forbidden words are spelled with `concat!` so this file does not
//! trip over itself. Each test collects every offender before failing, so
//! one run shows the whole list.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use walkdir::WalkDir;

use crate::{project_root, Cli};

/// Folders never walked: build outputs, third-party code and VCS data.
const SKIPPED_DIRS: [&str; 4] = ["target", "node_modules", ".venv", ".git"];

/// Where `unsafe` may appear, as prefixes of paths relative to the root.
const UNSAFE_ALLOWED: [&str; 5] =
    ["runtime/vm/src/gc", "runtime/vm/src/obj", "runtime/vm/src/port", "runtime/fs/src/", "ports/"];

const MAX_LINES: usize = 1_500;

const UNSAFE: &str = concat!("un", "safe");
const SAFETY: &str = concat!("SAF", "ETY:");
const FORBIDDEN_ATTRIBUTES: [&str; 2] = [concat!("#[", "ignore"), concat!("#[", "should_panic")];

/// One `.rs` file: its path relative to the root (with `/` separators) and its text.
struct SourceFile {
    path: String,
    text: String,
}

fn rust_files() -> Vec<SourceFile> {
    let root = project_root();
    let walker = WalkDir::new(&root).sort_by_file_name().into_iter().filter_entry(|entry| {
        let name = entry.file_name().to_string_lossy();
        !(entry.file_type().is_dir() && SKIPPED_DIRS.contains(&name.as_ref()))
    });
    let mut files = Vec::new();
    for entry in walker {
        let entry = entry.expect("walking the checkout");
        let path: PathBuf = entry.path().to_owned();
        if !entry.file_type().is_file() || path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
        files.push(SourceFile { path: relative(&root, &path), text });
    }
    assert!(files.iter().any(|file| file.path == "xtask/src/tidy.rs"), "tidy walked the wrong tree");
    files
}

fn relative(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Fails with every offender, one per line.
fn report(rule: &str, offenders: Vec<String>) {
    assert!(offenders.is_empty(), "tidy: {rule}:\n  {}\n", offenders.join("\n  "));
}

/// The code part of a line: everything before a `//` comment. (A `//` inside
/// a string literal cuts the line short too; that only hides code from tidy.)
fn code_part(line: &str) -> &str {
    line.find("//").map_or(line, |start| &line[..start])
}

/// Whether `word` occurs in `code` as a whole identifier.
fn has_word(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(start, _)| {
        let before = code[..start].chars().next_back();
        let after = code[start + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// How far above an `unsafe` block its `SAFETY:` line may start: a short
/// justification right at the block, with any longer explanation above it.
const SAFETY_WINDOW: usize = 3;

/// Whether one of the [`SAFETY_WINDOW`] comment lines directly above line
/// `index` starts the `SAFETY:` comment.
fn has_safety_comment(lines: &[&str], index: usize) -> bool {
    lines[..index]
        .iter()
        .rev()
        .map(|line| line.trim_start())
        .take_while(|line| line.starts_with("//"))
        .take(SAFETY_WINDOW)
        .any(|line| line.contains(SAFETY))
}

#[test]
fn every_file_starts_with_a_module_doc() {
    let offenders = rust_files()
        .into_iter()
        .filter(|file| !file.text.trim_start_matches('\u{feff}').starts_with("//!"))
        .map(|file| file.path)
        .collect();
    report("these files do not start with a `//!` module doc", offenders);
}

#[test]
fn unsafe_only_where_allowed_and_documented() {
    let mut offenders = Vec::new();
    for file in rust_files() {
        let allowed = UNSAFE_ALLOWED.iter().any(|prefix| file.path.starts_with(prefix));
        let lines: Vec<&str> = file.text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let code = code_part(line);
            if !has_word(code, UNSAFE) {
                continue;
            }
            let place = format!("{}:{}", file.path, index + 1);
            if !allowed {
                offenders.push(format!("{place}: `{UNSAFE}` outside {UNSAFE_ALLOWED:?}"));
            } else if code.contains(&format!("{UNSAFE} {{")) && !has_safety_comment(&lines, index) {
                offenders.push(format!("{place}: `{UNSAFE} {{` without a `// {SAFETY}` comment above it"));
            }
        }
    }
    report(&format!("`{UNSAFE}` rules"), offenders);
}

#[test]
fn no_ignored_or_should_panic_tests() {
    let mut offenders = Vec::new();
    for file in rust_files() {
        for (index, line) in file.text.lines().enumerate() {
            if let Some(attribute) = FORBIDDEN_ATTRIBUTES.iter().find(|attribute| line.contains(*attribute)) {
                offenders.push(format!("{}:{}: {attribute}]", file.path, index + 1));
            }
        }
    }
    report("tests must not be ignored or expect a panic; assert the current behaviour and add a FIXME", offenders);
}

#[test]
fn no_file_is_too_long() {
    let offenders = rust_files()
        .into_iter()
        .filter(|file| file.text.lines().count() > MAX_LINES)
        .map(|file| format!("{}: {} lines", file.path, file.text.lines().count()))
        .collect();
    report(&format!("files over {MAX_LINES} lines; split them by topic"), offenders);
}

#[test]
fn no_trailing_whitespace() {
    let mut offenders = Vec::new();
    for file in rust_files() {
        for (index, line) in file.text.lines().enumerate() {
            if line.ends_with([' ', '\t']) {
                offenders.push(format!("{}:{}", file.path, index + 1));
            }
        }
    }
    report("lines ending in whitespace", offenders);
}

#[test]
fn tidy_helpers_find_what_they_should() {
    assert!(has_word(&format!("let x = {UNSAFE} {{ y }};"), UNSAFE));
    assert!(!has_word(&format!("#![forbid({UNSAFE}_code)]"), UNSAFE));
    assert_eq!(code_part(&format!("fn f() {{}} // {UNSAFE}")), "fn f() {} ");
    let lines = [format!("// {SAFETY} the pointer is valid."), format!("let x = {UNSAFE} {{ *p }};")];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert!(has_safety_comment(&lines, 1));
    assert!(!has_safety_comment(&lines, 0));
}

/// Where a match arm on a hex literal is refused: the dispatch loop and its
/// helpers name opcodes with `rime_bytecode::op`.
const NAMED_OPCODES_ONLY: &str = "runtime/vm/src/interp/";

/// The crate whose lists define the opcode and operator numbers, the only place they are written.
const OPCODE_CRATE: &str = "runtime/bytecode/";

/// The file holding those lists.
const OPCODE_LIST: &str = "runtime/bytecode/src/opcode.rs";

/// Whether the line `code` starts a match arm whose pattern begins with a hex
/// literal (`0x40 =>`, `0x43 | 0x44 =>`, `0x70..=0xaf =>`, `| 0x5d`), or is a
/// `matches!` with a hex literal in it.
fn is_hex_match_arm(code: &str) -> bool {
    if code.contains("matches!(") && code.contains("0x") {
        return true;
    }
    let code = code.trim_start();
    let continued = code.starts_with('|');
    let Some(digits) = code.trim_start_matches('|').trim_start().strip_prefix("0x") else { return false };
    let rest = digits.trim_start_matches(|c: char| c.is_ascii_hexdigit() || c == '_').trim_start_matches("u8");
    continued || ["=>", "|", "..", "if "].iter().any(|next| rest.trim_start().starts_with(next))
}

/// The constant names of the bytecode crate's lists: the MicroPython name of
/// every opcode (`LOAD_CONST_STRING`) and operator (`ADD`, `NOT`), read from
/// entries such as `LoadConstString = 0x10, 1, LOAD_CONST_STRING, Qstr;`.
fn opcode_list_names(text: &str) -> Vec<String> {
    let is_constant_name = |field: &str| {
        field.chars().any(|c| c.is_ascii_uppercase())
            && field.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    text.lines()
        .filter_map(|line| {
            let (name, rest) = line.trim().split_once(" = ")?;
            let camel_case = name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric())
                && !is_constant_name(name);
            if !camel_case || !rest.ends_with(';') {
                return None;
            }
            rest.split(',').map(str::trim).find(|field| is_constant_name(field)).map(String::from)
        })
        .collect()
}

/// The name of the `u8` constant the line `code` defines with a number
/// literal (`pub const JUMP: u8 = 0x42;` gives `JUMP`).
fn u8_literal_constant(code: &str) -> Option<&str> {
    let (_, after) = code.split_once("const ")?;
    let (name, rest) = after.split_once(':')?;
    let value = rest.trim_start().strip_prefix("u8")?.trim_start().strip_prefix('=')?.trim_start();
    value.starts_with(|c: char| c.is_ascii_digit()).then_some(name.trim())
}

#[test]
fn opcode_numbers_are_written_only_in_the_bytecode_crate() {
    let files = rust_files();
    let list = files.iter().find(|file| file.path == OPCODE_LIST).expect("the opcode list");
    let names = opcode_list_names(&list.text);
    let listed =
        rime_bytecode::Opcode::ALL.len() + rime_bytecode::BinaryOp::ALL.len() + rime_bytecode::UnaryOp::ALL.len();
    assert_eq!(names.len(), listed, "tidy does not read {OPCODE_LIST}'s entries any more: {names:?}");
    let mut offenders = Vec::new();
    for file in files.iter().filter(|file| !file.path.starts_with(OPCODE_CRATE)) {
        for (index, line) in file.text.lines().enumerate() {
            let code = code_part(line);
            let place = format!("{}:{}", file.path, index + 1);
            if file.path.starts_with(NAMED_OPCODES_ONLY) && is_hex_match_arm(code) {
                offenders.push(format!("{place}: a hex literal in a pattern; match on `rime_bytecode::op::*`"));
            }
            if let Some(name) = u8_literal_constant(code) {
                let listed_name = name.strip_prefix("OP_").unwrap_or(name);
                if names.iter().any(|each| each == listed_name) {
                    offenders.push(format!("{place}: `{name}` repeats a number of {OPCODE_LIST}; use its constants"));
                }
            }
        }
    }
    report("opcode and operator numbers outside the bytecode crate", offenders);
}

#[test]
fn opcode_rules_find_what_they_should() {
    for arm in ["0x40 => {", "  0x43 | 0x44 => {", "0x70..=0xaf => push!(x),", "| 0x5d", "0x10u8 if x => {"] {
        assert!(is_hex_match_arm(arm), "{arm}");
    }
    assert!(is_hex_match_arm("let skip = matches!(code.get(start), Some(0x5d | 0x64));"));
    for code in
        ["op::JUMP => {", "while count & 0x7f > 0 {", "format_args!(\"unknown opcode 0x{opcode:02x}\")", "0x80 + x"]
    {
        assert!(!is_hex_match_arm(code), "{code}");
    }
    let names =
        opcode_list_names("    LoadName = 0x11, 1, LOAD_NAME, Qstr;\n    InplaceAdd = 14, INPLACE_ADD, \"+=\";\n");
    assert_eq!(names, ["LOAD_NAME", "INPLACE_ADD"]);
    assert!(opcode_list_names("    let mut table = [None; 256];\n    pub const X: u8 = OR - A;\n").is_empty());
    // Spelled with `concat!` so that this file does not define what it tests.
    assert_eq!(u8_literal_constant(concat!("    pub con", "st LOAD_NAME: u8 = 0x11;")), Some("LOAD_NAME"));
    assert_eq!(u8_literal_constant(concat!("con", "st OP_IN: u8 = 6;")), Some("OP_IN"));
    assert_eq!(u8_literal_constant("pub const LAST: u8 = Opcode::Jump.last_byte();"), None);
    assert_eq!(u8_literal_constant("const fn wide(first: u8, second: u8) -> i32 {"), None);
}

/// The crate roots that forbid `unsafe` outright (ARCHITECTURE.md, "Unsafe").
const UNSAFE_FORBIDDEN_ROOTS: [&str; 5] = [
    "runtime/compiler/src/lib.rs",
    "runtime/bytecode/src/lib.rs",
    "ports/board-schema/src/lib.rs",
    "xtask/src/main.rs",
    "xtask/src/lib.rs",
];

#[test]
fn safe_crates_forbid_unsafe_code() {
    let forbid = format!("#![forbid({UNSAFE}_code)]");
    let offenders = rust_files()
        .into_iter()
        .filter(|file| UNSAFE_FORBIDDEN_ROOTS.contains(&file.path.as_str()) || file.path.starts_with("xtask/src/bin/"))
        .filter(|file| !file.text.lines().any(|line| line.trim() == forbid))
        .map(|file| file.path)
        .collect();
    report(&format!("crate roots without `{forbid}`"), offenders);
}

#[test]
fn no_command_runs_another_command() {
    let mut offenders = Vec::new();
    for file in rust_files().into_iter().filter(|file| {
        file.path.starts_with("xtask/src/") && !["xtask/src/main.rs", "xtask/src/lib.rs"].contains(&file.path.as_str())
    }) {
        for (index, line) in file.text.lines().enumerate() {
            let code = code_part(line);
            if COMMANDS.iter().any(|command| code.contains(&format!("{command}::run("))) {
                offenders.push(format!("{}:{}", file.path, index + 1));
            }
        }
    }
    report(
        "a command's `run` called outside lib.rs; share a library step (the freeze pipeline, a port builder) instead",
        offenders,
    );
}

/// The ten commands, in the order `--help` lists them.
const COMMANDS: [&str; 10] = ["freeze", "build", "flash", "run", "repl", "mpy", "manifest", "test", "bench", "doctor"];

#[test]
fn help_lists_all_commands() {
    let mut cli = Cli::command();
    cli.build();
    Cli::command().debug_assert();
    // clap adds its own `help` subcommand when it builds the command.
    let commands: Vec<&clap::Command> = cli.get_subcommands().filter(|command| command.get_name() != "help").collect();
    let names: Vec<&str> = commands.iter().map(|command| command.get_name()).collect();
    assert_eq!(names, COMMANDS);
    let help = cli.clone().render_help().to_string();
    for command in commands {
        let name = command.get_name();
        assert!(help.contains(name), "`cargo xtask --help` does not list {name}");
        assert!(command.get_about().is_some(), "{name} has no one-line help");
    }
}

/// The core's remaining reference to a native module, waiting for a
/// mechanism that covers it: namedtuple classes are built by `collections`
/// (a tuple-derived class needs `__new__` support first).
const CORE_MODULE_REFERENCES: [&str; 1] = ["crate::modules::collections::construct("];

#[test]
fn the_core_names_no_native_module() {
    // `obj/types.rs` is the registry: each native type's line names its slots table.
    let offenders = rust_files()
        .into_iter()
        .filter(|file| {
            (file.path.starts_with("runtime/vm/src/obj/") || file.path.starts_with("runtime/vm/src/interp/"))
                && file.path != "runtime/vm/src/obj/types.rs"
        })
        .flat_map(|file| {
            let path = file.path.clone();
            file.text
                .lines()
                .enumerate()
                .filter(|(_, line)| {
                    let code = code_part(line);
                    code.contains("modules::") && !CORE_MODULE_REFERENCES.iter().any(|known| code.contains(known))
                })
                .map(|(index, _)| format!("{path}:{}", index + 1))
                .collect::<Vec<_>>()
        })
        .collect();
    report(
        "obj/ or interp/ names a native module; give the module's type a NativeType slot (crate::native) instead",
        offenders,
    );
}
