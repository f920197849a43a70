//! The REPL over a scripted console: the bytes it writes for a typed
//! sequence, compared with what the pinned MicroPython 1.27 (its
//! WebAssembly build's REPL, fed the same bytes with `replProcessChar`)
//! writes after its banner, and the raw REPL's framing as MicroPython's
//! `docs/reference/repl.rst` describes it. The inputs here run no code (a
//! line is ended with Ctrl-C), so they hold with or without the compiler.

extern crate std;

use std::collections::VecDeque;
use std::string::ToString;
use std::vec::Vec;

use super::friendly::{auto_indent, continue_with_input};
use super::{ReplEnd, ReplMode};
use crate::image::ImageView;
use crate::port::{Config, Port};
use crate::vm::Vm;

/// A console that plays a script of input bytes and keeps everything written.
struct ScriptedConsole {
    input: VecDeque<u8>,
    output: Vec<u8>,
}

impl Port for ScriptedConsole {
    fn write_stdout(&mut self, bytes: &[u8]) {
        self.output.extend_from_slice(bytes);
    }

    fn read_stdin_byte(&mut self) -> Option<u8> {
        // A script that runs out would leave the REPL waiting for ever.
        Some(self.input.pop_front().unwrap_or_else(|| panic!("the REPL read past the end of the script")))
    }

    fn sleep_us(&mut self, _us: u64) {}
}

/// Runs the REPL in `mode` over `script` until it soft-resets; returns what it wrote.
fn run_script(mode: ReplMode, script: &[u8]) -> Vec<u8> {
    let mut heap = std::vec![0u8; 64 * 1024];
    let mut console = ScriptedConsole { input: script.iter().copied().collect(), output: Vec::new() };
    {
        let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut console, Config::host())
            .unwrap_or_else(|_| panic!("the VM starts"));
        let mut mode = mode;
        assert_eq!(vm.run_repl(&mut mode), ReplEnd::SoftReset);
    }
    assert!(console.input.is_empty(), "the REPL left input unread");
    console.output
}

/// What the friendly REPL wrote after its banner for `typed`, each sequence
/// followed by Ctrl-D on an empty line (the soft reset that ends the run).
fn friendly_after_banner(typed: &[u8]) -> Vec<u8> {
    let mut script = typed.to_vec();
    script.push(super::CTRL_D);
    let output = run_script(ReplMode::Friendly, &script);
    let banner_end = b"for more information.\r\n".len()
        + output
            .windows(23)
            .position(|window| window == b"for more information.\r\n")
            .unwrap_or_else(|| panic!("a banner"));
    let after = &output[banner_end..];
    after.strip_suffix(b">>> \r\n").unwrap_or_else(|| panic!("ends with the soft reset's newline")).to_vec()
}

#[test]
fn line_editing_writes_what_micropython_writes() {
    // (typed, what MicroPython 1.27 wrote after its banner, `>>> ` included)
    let cases: &[(&[u8], &[u8])] = &[
        (b"abc\x1b[D\x1b[DX\x03", b">>> abc\x08\x08Xbc\x08\x08\r\n"),
        (b"abcdefgh\x1b[H\x1b[3~\x1b[F\x7f\x03", b">>> abcdefgh\x1b[8D\x1b[Kbcdefgh\x1b[7Dbcdefgh\x08\x1b[K\r\n"),
        (b"abcdefghij\x01Z\x05\x03", b">>> abcdefghij\x1b[10DZabcdefghij\x1b[10Dabcdefghij\r\n"),
        (b"abc\x1b[1~\x1b[4~\x1bOH\x1bOF\x02\x06\x0b\x03", b">>> abc\x08\x08\x08abc\x08\x08\x08abc\x08c\r\n"),
        (b"abcdef\x1b[D\x1b[D\x15\x03", b">>> abcdef\x08\x08\x08\x08\x08\x08\x1b[Kef\x08\x08\r\n"),
        (b"impo\t\x03", b">>> import \r\n"),
        (b"if (1,\r2)\x03", b">>> if (1,\r\n... 2)\r\n"),
        (b"x = \"\"\"\rab\x03", b">>> x = \"\"\"\r\n... ab\r\n"),
        (b"\x05a\rb\x03", b">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== a\r\n=== b\r\n"),
        (
            b"def f():\rif 1:\r\x7f\x7fx\x03",
            b">>> def f():\r\n...     if 1:\r\n...         \x08\x08\x08\x08\x1b[K\x08\x08\x08\x08\x1b[Kx\r\n",
        ),
    ];
    for (typed, expected) in cases {
        let written = friendly_after_banner(typed);
        assert_eq!(
            written.escape_ascii().to_string(),
            expected.escape_ascii().to_string(),
            "typed {}",
            typed.escape_ascii()
        );
    }
}

#[test]
fn raw_repl_frames_as_micropython_documents() {
    // Ctrl-A enters (after the friendly REPL's newline), Ctrl-C drops what
    // was collected, Ctrl-E `B` Ctrl-A asks for an unknown raw-paste command
    // (`R\x00`), Ctrl-B goes back to the friendly REPL with its banner.
    let output = run_script(ReplMode::Friendly, b"\x01abc\x03\x05B\x01\x02\x04");
    let text = output.escape_ascii().to_string();
    let expected = "\\r\\nraw REPL; CTRL-B to exit\\r\\n>R\\x00>\\r\\nrime v";
    assert!(text.contains(expected), "{text}");
    // Ctrl-D with nothing collected: `OK`, then the soft reset.
    let output = run_script(ReplMode::Raw, b"\x04");
    assert_eq!(output, b"raw REPL; CTRL-B to exit\r\n>OK\r\n");
}

#[test]
fn raw_paste_gives_windows_and_ends_with_eot() {
    // 300 bytes of a comment: the board announces a 128-byte window and one
    // more free window, then a `\x01` after each further 128 bytes taken in,
    // acknowledges the end with `\x04`, and frames the run with `\x04`s.
    let mut script = b"\x05A\x01".to_vec();
    script.push(b'#');
    script.extend(std::iter::repeat_n(b'x', 299));
    script.extend_from_slice(b"\x04\x04");
    let output = run_script(ReplMode::Raw, &script);
    let head = b"raw REPL; CTRL-B to exit\r\n>R\x01\x80\x00\x01\x01\x01\x04";
    assert!(output.starts_with(head), "{}", output.escape_ascii());
    let rest = &output[head.len()..];
    assert_eq!(rest.iter().filter(|&&byte| byte == 4).count(), 2, "{}", rest.escape_ascii());
    assert!(rest.ends_with(b"\x04>OK\r\n"), "{}", rest.escape_ascii());
}

#[test]
fn continuation_follows_micropython_rules() {
    let cases: &[(&[u8], bool)] = &[
        (b"", false),
        (b"1 + 1", false),
        (b"if x:", true),
        (b"iffy = 1", false),
        (b"for i in y:\n    pass\n", false),
        (b"for i in y:\n    pass", true),
        (b"@decorator", true),
        (b"f(1,", true),
        (b"f(')',", true),
        (b"x = '(", false),
        (b"x = \"\"\"a", true),
        (b"x = '''a'''", false),
        (b"x = 1 + \\", true),
        (b"async def f():", true),
        (b"x = ']'", false),
    ];
    for (input, expected) in cases {
        assert_eq!(continue_with_input(input), *expected, "{}", input.escape_ascii());
    }
}

#[test]
fn auto_indent_follows_micropython_rules() {
    let cases: &[(&[u8], usize)] = &[
        (b"if 1:\n", 1),
        (b"if 1:\n    if 2:\n", 2),
        (b"if 1:\n    x = 1\n", 1),
        (b"if 1:\n    x = 1\n    \n", 1),
        (b"if 1:\n    x = 1\n    \n    \n", 0),
        (b"f(1,\n", 0),
        (b"\n", 0),
    ];
    for (statement, expected) in cases {
        assert_eq!(auto_indent(statement), *expected, "{}", statement.escape_ascii());
    }
}
