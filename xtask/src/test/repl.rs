//! Test stages: the REPL on the host runner's pseudo-terminal
//! (`cargo xtask repl --pty`), driven by real clients.
//!
//! * The pinned `mpremote` (tests/reference/.venv), on the host and on the
//!   emulated Pico's USB CDC serial port, runs `exec`, `eval`,
//!   `run` (a program longer than the raw-paste window), chained commands
//!   sharing state, `soft-reset`, `resume`, an uncaught exception, and a
//!   second call interrupting a program the first left running. The
//!   expected outputs are what MicroPython on a board prints (`\r\n` line
//!   ends, tracebacks naming `<stdin>`).
//! * The friendly REPL is typed at over the pseudo-terminal, and what it
//!   writes is compared with what the pinned MicroPython's own REPL writes
//!   for the same bytes (`tests/reference/repl-transcript.mjs`): prompts,
//!   echo, auto-indent, history, completion, paste mode. The WebAssembly
//!   build writes program output with `\n` where a board writes `\r\n`, so
//!   both sides are compared with `\r\n` read as `\n`. Ctrl-C in an
//!   infinite loop, which that build cannot take while it runs, is compared
//!   with MicroPython's transcript for it (its `tests/cmdline`).
//! * Thonny's MicroPython back end (the process its IDE runs for a board,
//!   driven headless by tests/reference/thonny-backend.py), on the host and
//!   on the emulated Pico: it connects, runs its helper code, and serves
//!   the shell's and the variables view's commands and `input()`.
//! * On both QEMU boards, the `repl` firmware's UART0 console over QEMU's
//!   pseudo-terminal: a frozen `main` stopped by Ctrl-C, the banner, line
//!   editing (MicroPython's bytes), the raw REPL and a soft reset, then
//!   `mpremote` running code there (`exec`, chained commands, interrupting
//!   a program left running).

use std::fs::{File, OpenOptions};
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use xshell::Shell;

use crate::process::{run_captured, Timeout};

/// The longest a client command may take.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(60);

/// How long the console must stay quiet before a transcript counts as complete.
const QUIET: Duration = Duration::from_millis(700);

/// A host runner serving the REPL on a pseudo-terminal; killed when dropped.
pub(super) struct ReplServer {
    child: Child,
    pub(super) path: String,
}

impl ReplServer {
    /// Starts the host runner on an image without modules and reads its `pty: PATH` line.
    fn start() -> anyhow::Result<ReplServer> {
        ReplServer::start_with(&[])
    }

    /// Starts the host runner on an image of `modules` (the first is the main module).
    fn start_with(modules: &[(&str, &[u8])]) -> anyhow::Result<ReplServer> {
        let image = crate::project_root().join(format!("target/repl-test/image-{}.img", std::process::id()));
        std::fs::create_dir_all(image.parent().context("the image has a folder")?)?;
        crate::files::write_atomically(&image, &rime_host::freeze_sources(modules)?)?;
        let mut command = crate::host_runner::command(&image, None, false)?;
        command.args(["--repl", "--pty"]);
        ReplServer::start_command(command)
    }

    /// Starts `command`, which serves a REPL and prints `pty: PATH` first.
    pub(super) fn start_command(mut command: Command) -> anyhow::Result<ReplServer> {
        command.stdin(Stdio::null()).stdout(Stdio::piped());
        let mut child = command.spawn().context("starting the REPL's server")?;
        let stdout = child.stdout.take().context("the server's stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).context("reading the server's first line")?;
        let Some(path) = line.strip_prefix("pty: ").map(|path| path.trim_end().to_string()) else {
            let _ = child.kill();
            let _ = child.wait();
            bail!("the server's first line is not `pty: PATH`: {line:?}");
        };
        Ok(ReplServer { child, path })
    }
}

impl Drop for ReplServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the pinned `mpremote` against the terminal at `path`; returns its exit code and stdout.
pub(super) fn mpremote(path: &str, args: &[&str]) -> anyhow::Result<(i32, String)> {
    let program = crate::project_root().join("tests/reference/.venv/bin/mpremote");
    let mut command = Command::new(&program);
    command.args(["connect", path]).args(args);
    let captured = run_captured(
        command,
        Timeout(Some(CLIENT_TIMEOUT)),
        "mpremote",
        "install it with `cargo xtask doctor --fix` (tests/reference/requirements.txt)",
    )?;
    Ok((captured.status.code().unwrap_or(-1), captured.stdout))
}

/// Checks one `mpremote` call's exit code and output.
fn expect_mpremote(server: &ReplServer, args: &[&str], code: i32, expected: &str) -> anyhow::Result<()> {
    expect_mpremote_at(&server.path, args, code, expected)
}

/// Checks one `mpremote` call's exit code and output against the terminal at `path`.
pub(super) fn expect_mpremote_at(path: &str, args: &[&str], code: i32, expected: &str) -> anyhow::Result<()> {
    let (actual_code, output) = mpremote(path, args)?;
    if actual_code != code || output != expected {
        bail!(
            "mpremote {}: expected exit {code} and {expected:?}, got exit {actual_code} and {output:?}",
            args.join(" ")
        );
    }
    Ok(())
}

/// The stage: `mpremote` against the host runner's pseudo-terminal.
pub fn mpremote_on_host_pty(_sh: &Shell) -> anyhow::Result<()> {
    let server = ReplServer::start()?;
    mpremote_commands(&server)
}

/// The stage: `mpremote` against the emulated Pico's USB CDC serial port
/// (`cargo xtask repl --board pico --emulate --pty`).
pub fn mpremote_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let exe = std::env::current_exe().context("finding the xtask executable")?;
    let mut command = Command::new(exe);
    command.args(["repl", "--board", "pico", "--emulate", "--pty"]);
    let server = ReplServer::start_command(command)?;
    mpremote_commands(&server)
}

/// What Thonny's MicroPython back end (tests/reference/thonny-backend.py
/// plays its IDE) reports for its commands: connecting (interrupt, raw REPL,
/// its helper code, the working directory), running code from the shell,
/// an expression's value, the variables view's globals, `input()` answered
/// from the shell (the back end takes the board's echo of the answer), and
/// an error. The values are MicroPython's for the same code.
const THONNY_REPORT: &str = "ready: cwd /
exec: '42\\n'
expression: '43\\n'
globals x: 42
input: 'name? abab\\n'
error: 'ZeroDivisionError: divide by zero'
";

/// Drives Thonny's back end against the terminal at `path` and checks its report.
fn thonny_backend(path: &str) -> anyhow::Result<()> {
    let root = crate::project_root();
    let mut command = Command::new(root.join("tests/reference/.venv/bin/python"));
    command.arg(root.join("tests/reference/thonny-backend.py")).arg(path);
    let captured = run_captured(
        command,
        Timeout(Some(CLIENT_TIMEOUT)),
        "Thonny's back end",
        "install thonny with `cargo xtask doctor --fix` (tests/reference/requirements.txt)",
    )?;
    if !captured.status.success() || captured.stdout != THONNY_REPORT {
        bail!("Thonny's back end: expected {THONNY_REPORT:?}, got {:?} ({})", captured.stdout, captured.status);
    }
    Ok(())
}

/// The stage: Thonny's MicroPython back end against the host runner's pseudo-terminal.
pub fn thonny_on_host_pty(_sh: &Shell) -> anyhow::Result<()> {
    let server = ReplServer::start()?;
    thonny_backend(&server.path)
}

/// The stage: Thonny's MicroPython back end against the emulated Pico's USB CDC serial port.
pub fn thonny_on_emulated_pico(sh: &Shell) -> anyhow::Result<()> {
    crate::rp2::build_board(sh, &crate::rp2::rp2_board("pico")?)?;
    let exe = std::env::current_exe().context("finding the xtask executable")?;
    let mut command = Command::new(exe);
    command.args(["repl", "--board", "pico", "--emulate", "--pty"]);
    let server = ReplServer::start_command(command)?;
    thonny_backend(&server.path)
}

/// The `mpremote` commands both stages run, with MicroPython's outputs.
fn mpremote_commands(server: &ReplServer) -> anyhow::Result<()> {
    expect_mpremote(server, &["exec", "print(6 * 7)"], 0, "42\r\n")?;
    expect_mpremote(server, &["eval", "6 * 7"], 0, "42\r\n")?;
    let program = long_program()?;
    let program_path = program.to_string_lossy().into_owned();
    expect_mpremote(server, &["run", &program_path], 0, "4950\r\nlast 99\r\n")?;
    expect_mpremote(server, &["exec", "x = 5", "+", "exec", "print(x * 2)"], 0, "10\r\n")?;
    let reset = ["exec", "y = 1", "+", "soft-reset", "+", "exec", "print('y' in globals())"];
    expect_mpremote(server, &reset, 0, "False\r\n")?;
    expect_mpremote(server, &["exec", "z = 3"], 0, "")?;
    expect_mpremote(server, &["resume", "exec", "print(z)"], 0, "3\r\n")?;
    let traceback = "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n\
                     ZeroDivisionError: divide by zero\r\n";
    expect_mpremote(server, &["exec", "1 // 0"], 1, traceback)?;
    expect_mpremote(server, &["exec", "--no-follow", "while True: pass"], 0, "")?;
    let started = Instant::now();
    expect_mpremote(server, &["exec", "print('interrupted')"], 0, "interrupted\r\n")?;
    if started.elapsed() > Duration::from_secs(10) {
        bail!("interrupting the running program took {:?}", started.elapsed());
    }
    Ok(())
}

/// A program longer than several raw-paste windows, in target/repl-test.
fn long_program() -> anyhow::Result<PathBuf> {
    let mut source = String::from("total = 0\n");
    for number in 0..100 {
        source.push_str(&format!("total += {number}  # line {number}\n"));
    }
    source.push_str("print(total)\nfor last in range(100):\n    pass\nprint('last', last)\n");
    let path = crate::project_root().join("target/repl-test/long_program.py");
    crate::files::write_atomically(&path, source.as_bytes())?;
    Ok(path)
}

/// The console of a [`ReplServer`], opened as a client.
struct Terminal {
    writer: File,
    received: Receiver<u8>,
}

impl Terminal {
    fn open(path: &str) -> anyhow::Result<Terminal> {
        let file = OpenOptions::new().read(true).write(true).open(path).with_context(|| format!("opening {path}"))?;
        let mut reader = file.try_clone()?;
        let (sender, received) = mpsc::channel();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 256];
            while let Ok(count) = reader.read(&mut chunk) {
                if count == 0 || chunk[..count].iter().any(|&byte| sender.send(byte).is_err()) {
                    break;
                }
            }
        });
        Ok(Terminal { writer: file, received })
    }

    /// Reads until the bytes read end with `marker` (within the client timeout).
    fn read_until(&mut self, marker: &[u8]) -> anyhow::Result<Vec<u8>> {
        let deadline = Instant::now() + CLIENT_TIMEOUT;
        let mut bytes = Vec::new();
        while !bytes.ends_with(marker) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.received.recv_timeout(left) {
                Ok(byte) => bytes.push(byte),
                Err(_) => bail!("no {:?} on the console; it wrote {:?}", marker.escape_ascii(), bytes.escape_ascii()),
            }
        }
        Ok(bytes)
    }

    /// Reads until the console has been quiet for [`QUIET`].
    fn read_until_quiet(&mut self) -> Vec<u8> {
        let mut bytes = Vec::new();
        while let Ok(byte) = self.received.recv_timeout(QUIET) {
            bytes.push(byte);
        }
        bytes
    }

    fn type_bytes(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.writer.write_all(bytes).context("typing on the console")
    }
}

/// What the friendly REPL is typed (each on a fresh REPL).
const TYPED: &[&[u8]] = &[
    b"1 + 2\r_ * 10\r",
    b"for i in range(3):\rprint(i)\r\r\r\r",
    b"x = 41\rx + 1\r\x1b[A\x1b[A\r\x1b[A\x1b[A\x1b[B\r",
    b"my_long_name = 7\rmy_lo\t + 1\r",
    b"s = 'abc'\rs.upp\t()\r",
    b"import sy\t\rsys.ma\t\x03",
    b"def g(a,\rb):\rreturn a + b\r\r\rg(2, 3)\r",
    b"\x05def f():\r    return 5\r\rprint(f())\r\x04",
    b"\x05print(1)\r\x03",
    b"abc\x1b[D\x1b[DX\x1b[3~\x1b[H\x1b[F\x7f\r",
    b"\x03",
];

/// The stage: the friendly REPL's bytes over the host runner's pseudo-terminal.
pub fn friendly_repl_on_host_pty(_sh: &Shell) -> anyhow::Result<()> {
    let expected = micropython_transcripts(TYPED)?;
    let mut failures = Vec::new();
    for (typed, expected) in TYPED.iter().zip(&expected) {
        let server = ReplServer::start()?;
        let mut terminal = Terminal::open(&server.path)?;
        terminal.read_until(b"for more information.\r\n>>> ")?;
        terminal.type_bytes(typed)?;
        let written = terminal.read_until_quiet();
        let written = normalise(&written);
        let expected = normalise(expected);
        if written != expected {
            failures.push(format!(
                "typed {}\n  MicroPython: {}\n  rime:        {}",
                typed.escape_ascii(),
                expected.escape_ascii(),
                written.escape_ascii()
            ));
        }
    }
    failures.extend(ctrl_c_stops_an_infinite_loop().err().map(|error| format!("{error:#}")));
    failures.extend(frozen_main_runs_before_the_repl().err().map(|error| format!("{error:#}")));
    failures.extend(input_reads_a_line_with_the_editor().err().map(|error| format!("{error:#}")));
    if !failures.is_empty() {
        bail!("the friendly REPL wrote other bytes than MicroPython:\n{}", failures.join("\n"));
    }
    Ok(())
}

/// Ctrl-C in `while True: pass`: MicroPython's transcript
/// (tests/cmdline/repl_ctrl_c_interrupt_execution.py.exp) is the traceback
/// naming `<stdin>` line 1 and `KeyboardInterrupt: `, then a prompt.
fn ctrl_c_stops_an_infinite_loop() -> anyhow::Result<()> {
    let server = ReplServer::start()?;
    let mut terminal = Terminal::open(&server.path)?;
    terminal.read_until(b"for more information.\r\n>>> ")?;
    terminal.type_bytes(b"while True: pass\r\r")?;
    terminal.read_until(b"... \r\n")?;
    std::thread::sleep(Duration::from_millis(300));
    terminal.type_bytes(b"\x03")?;
    let expected = b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n\
                     KeyboardInterrupt: \r\n>>> ";
    let written = terminal.read_until(b">>> ")?;
    if written != expected {
        bail!("Ctrl-C in an infinite loop: expected {}, got {}", expected.escape_ascii(), written.escape_ascii());
    }
    Ok(())
}

/// The stage: the REPL firmware on both QEMU boards, over QEMU's pseudo-terminal.
pub fn repl_on_qemu_pty(sh: &Shell) -> anyhow::Result<()> {
    let typed: &[u8] = b"abc\x1b[D\x1bOHX\x03";
    let expected_edit = normalise(&micropython_transcripts(&[typed])?[0]);
    let main = crate::project_root().join("target/repl-test/qemu_main.py");
    crate::files::write_atomically(&main, b"print('main runs')\nwhile True:\n    pass\n")?;
    for qemu_board in crate::board::qemu_boards()? {
        let board = crate::board::Board::find(&qemu_board.name)?;
        let request = crate::freeze::Request { input: main.clone(), vars: Vec::new(), libs: Vec::new(), heap: None };
        let out_dir = crate::project_root().join("target/repl-test").join(&board.name);
        let built = match crate::freeze::freeze_board(&board, &request, &out_dir)? {
            Ok(built) => built,
            Err(rendered) => bail!("freezing {}: {rendered}", main.display()),
        };
        let elf = crate::qemu::build_repl(sh, &qemu_board)?;
        let command =
            crate::qemu::repl_command(&qemu_board, &elf, Some(&built.image_path()), crate::qemu::Serial::Pty, false);
        let server = QemuServer::start(command)?;
        let mut terminal = Terminal::open(&server.path)?;
        let context = |what: &str| format!("{} on {}", what, qemu_board.name);
        // The main module runs until Ctrl-C: its traceback, then the banner.
        terminal.type_bytes(b"\x03")?;
        let stopped = terminal.read_until(b"for more information.\r\n>>> ").with_context(|| context("Ctrl-C"))?;
        let traceback = b"Traceback (most recent call last):\r\n  File \"main.py\", line 3, in <module>\r\n\
                          KeyboardInterrupt: \r\nrime v";
        if !stopped.windows(traceback.len()).any(|window| window == traceback) {
            bail!("{}: got {}", context("Ctrl-C in the frozen main"), stopped.escape_ascii());
        }
        terminal.type_bytes(typed)?;
        let edited = terminal.read_until(b"\r\n>>> ").with_context(|| context("line editing"))?;
        if normalise(&edited) != expected_edit {
            bail!(
                "{}: MicroPython wrote {}, rime {}",
                context("line editing"),
                expected_edit.escape_ascii(),
                edited.escape_ascii()
            );
        }
        terminal.type_bytes(b"\x01\x04")?;
        let expected = b"\r\nraw REPL; CTRL-B to exit\r\n>OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>";
        let reset = terminal
            .read_until(b"exit\r\n>OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>")
            .with_context(|| context("the raw REPL's soft reset"))?;
        if reset != expected {
            bail!("{}: got {}", context("the raw REPL's soft reset"), reset.escape_ascii());
        }
        // With the compiler on the board, mpremote runs code there too: on a
        // board of its own, as the terminal's reader thread would take its bytes.
        drop(server);
        let command = crate::qemu::repl_command(&qemu_board, &elf, None, crate::qemu::Serial::Pty, false);
        let server = QemuServer::start(command)?;
        let mpremote_context = || context("mpremote");
        expect_mpremote_at(&server.path, &["exec", "print(6 * 7)"], 0, "42\r\n").with_context(mpremote_context)?;
        let chained = ["exec", "x = 5", "+", "exec", "print(x * 2)"];
        expect_mpremote_at(&server.path, &chained, 0, "10\r\n").with_context(mpremote_context)?;
        expect_mpremote_at(&server.path, &["exec", "--no-follow", "while True: pass"], 0, "")
            .with_context(mpremote_context)?;
        expect_mpremote_at(&server.path, &["eval", "'interrupted'"], 0, "interrupted\r\n")
            .with_context(mpremote_context)?;
    }
    Ok(())
}

/// A QEMU running the REPL firmware on its own pseudo-terminal; killed when dropped.
pub(super) struct QemuServer {
    child: Child,
    pub(super) path: String,
}

impl QemuServer {
    /// Starts `command` (with `-serial pty`) and reads the terminal QEMU names on stdout.
    pub(super) fn start(mut command: Command) -> anyhow::Result<QemuServer> {
        command.stdin(Stdio::null()).stdout(Stdio::piped());
        let mut child = command.spawn().context("starting qemu-system-arm")?;
        let stdout = child.stdout.take().context("QEMU's stdout")?;
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        while reader.read_line(&mut line)? > 0 {
            if let Some(path) = crate::qemu::pty_from_qemu_line(&line) {
                let path = path.to_string();
                return Ok(QemuServer { child, path });
            }
            line.clear();
        }
        let _ = child.kill();
        let _ = child.wait();
        bail!("qemu-system-arm named no pseudo-terminal")
    }
}

impl Drop for QemuServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Booting as MicroPython boots: the frozen `main` runs first (its output
/// before the banner), the REPL then sees its globals, and a soft reset
/// (Ctrl-D) says `MPY: soft reboot` and runs `main` again with fresh globals.
fn frozen_main_runs_before_the_repl() -> anyhow::Result<()> {
    let server = ReplServer::start_with(&[("main.py", b"print('main ran')\nanswer = 42\n")])?;
    let mut terminal = Terminal::open(&server.path)?;
    // The runner keeps the terminal open, so what it wrote before the client came is waiting.
    let booted = terminal.read_until_quiet();
    if !(booted.starts_with(b"main ran\r\nrime v") && booted.ends_with(b"for more information.\r\n>>> ")) {
        bail!("booting with a frozen main: got {}", booted.escape_ascii());
    }
    terminal.type_bytes(b"answer\rextra = 1\r\x04")?;
    let written = terminal.read_until(b"for more information.\r\n>>> ")?;
    let expected_start = b"answer\r\n42\r\n>>> extra = 1\r\n>>> \r\nMPY: soft reboot\r\nmain ran\r\n";
    if !written.starts_with(expected_start) {
        bail!(
            "booting with a frozen main: expected {} first, got {}",
            expected_start.escape_ascii(),
            written.escape_ascii()
        );
    }
    terminal.type_bytes(b"'extra' in globals(), answer\r")?;
    let written = terminal.read_until(b">>> ")?;
    if written != b"'extra' in globals(), answer\r\n(False, 42)\r\n>>> " {
        bail!("after a soft reset the globals are main's only: got {}", written.escape_ascii());
    }
    Ok(())
}

/// What is typed at the REPL to try `input()`, one step at a time, and the
/// bytes each step brings back. MicroPython's `input` reads with the REPL's
/// line editor: echo, cursor keys, backspace as `\b ESC [K`, and the history
/// the REPL shares (the arrow keys in `input` bring back REPL lines, and the
/// line read becomes history); Ctrl-C raises `KeyboardInterrupt`, Ctrl-D on
/// an empty line `EOFError`, Ctrl-B on one returns `''`. The WebAssembly
/// build cannot wait for input inside a running statement, so these bytes
/// are those of MicroPython 1.27's unix port typed at over a pseudo-terminal,
/// with its program output's `\n` written `\r\n`, as its boards write it.
const INPUT_STEPS: &[(&[u8], &[u8])] = &[
    (b"s = input('name? ')\r", b"s = input('name? ')\r\nname? "),
    (b"rime\x1b[D\x1b[DX", b"rime\x08\x08Xme\x08\x08"),
    (b"\x7f", b"\x08\x1b[Kme\x08\x08"),
    (b"\r", b"\r\n>>> "),
    (b"s\r", b"s\r\n'rime'\r\n>>> "),
    (b"t = input()\r", b"t = input()\r\n"),
    (b"\x1b[A", b"t = input()"),
    (b"\x1b[A", b"\x1b[11D\x1b[Ks"),
    (b"\r", b"\r\n>>> "),
    (b"t\r", b"t\r\n's'\r\n>>> "),
    (b"\x1b[A", b"t"),
    (b"\x03", b"\r\n>>> "),
    (b"input('? ')\r", b"input('? ')\r\n? "),
    (b"ab\x01X\x05Y\x02\x02\x04", b"ab\x08\x08Xab\x08\x08abY\x08\x08\x1b[KY\x08"),
    (b"\r", b"\r\n'XaY'\r\n>>> "),
    (b"input('? ')\r", b"input('? ')\r\n? "),
    (b"ab", b"ab"),
    (
        b"\x03",
        b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt: \r\n>>> ",
    ),
    (b"input('? ')\r", b"input('? ')\r\n? "),
    (b"\x04", b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nEOFError: \r\n>>> "),
    (b"input('? ')\r", b"input('? ')\r\n? "),
    (b"\x02", b"''\r\n>>> "),
];

/// `input()` at the REPL's console, as MicroPython's (see [`INPUT_STEPS`]).
fn input_reads_a_line_with_the_editor() -> anyhow::Result<()> {
    let server = ReplServer::start()?;
    let mut terminal = Terminal::open(&server.path)?;
    terminal.read_until(b"for more information.\r\n>>> ")?;
    for (typed, expected) in INPUT_STEPS {
        terminal.type_bytes(typed)?;
        let written = terminal.read_until(expected)?;
        if written != *expected {
            bail!(
                "input(): typing {} gave {}, MicroPython gives {}",
                typed.escape_ascii(),
                written.escape_ascii(),
                expected.escape_ascii()
            );
        }
    }
    Ok(())
}

/// `\r\n` read as `\n`.
fn normalise(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (index, &byte) in bytes.iter().enumerate() {
        if byte == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
            continue;
        }
        out.push(byte);
    }
    out
}

/// What the pinned MicroPython's REPL writes for each typed sequence.
fn micropython_transcripts(typed: &[&[u8]]) -> anyhow::Result<Vec<Vec<u8>>> {
    let root = crate::project_root();
    let inputs: Vec<String> = typed.iter().map(|bytes| bytes.iter().map(|&byte| char::from(byte)).collect()).collect();
    let inputs_path = root.join("target/repl-test/typed.json");
    crate::files::write_atomically(&inputs_path, serde_json::to_string(&inputs)?.as_bytes())?;
    let mut command = Command::new("node");
    command
        .arg(root.join("tests/reference/repl-transcript.mjs"))
        .arg(&inputs_path)
        .current_dir(root.join("tests/reference"));
    let captured = run_captured(command, Timeout(Some(CLIENT_TIMEOUT)), "node", "install Node.js 18 or newer")?;
    if !captured.status.success() {
        bail!("repl-transcript.mjs failed: {}", captured.stderr);
    }
    let outputs: Vec<String> =
        serde_json::from_str(&captured.stdout).context("reading repl-transcript.mjs's output")?;
    Ok(outputs.iter().map(|text| text.chars().map(|character| character as u8).collect()).collect())
}
