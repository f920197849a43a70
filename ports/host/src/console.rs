//! The host's REPL console: the terminal the runner was started from (in
//! raw mode while the REPL runs, restored at exit), or a pseudo-terminal
//! that tools such as `mpremote` attach to (`--pty`).
//!
//! A reader thread moves the console's bytes into a channel, so the port's
//! `read_stdin_byte` never blocks. The thread also watches for the
//! interrupt character the VM set: that byte is not queued but raises the
//! pending-interrupt flag the dispatch loop polls, as a board's receive
//! interrupt does. On the terminal, Ctrl-] ends the runner (the REPL itself
//! has no way out: Ctrl-D is a soft reset, as on a board); end of input
//! ends it too.
//!
//! The pseudo-terminal's master side is non-blocking for writes: with no
//! client reading, output that does not fit the terminal's buffer within
//! half a second is dropped, as a board drops USB output nobody reads,
//! instead of stopping the program. The runner keeps the client side open
//! itself, so a client may come and go.

use std::fs::File;
use std::io::{Read as _, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use nix::errno::Errno;
use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::termios::{cfmakeraw, tcgetattr, tcsetattr, SetArg, Termios};

/// The byte that ends the runner on a terminal (Ctrl-], as in `mpremote` and `miniterm`).
const QUIT_BYTE: u8 = 0x1d;

/// No interrupt character is set.
const NO_INTERRUPT_CHAR: u32 = u32::MAX;

/// How long a write may wait for a full pseudo-terminal buffer to drain.
const WRITE_PATIENCE: Duration = Duration::from_millis(500);

/// The terminal's settings before raw mode, restored at exit.
static SAVED_TERMINAL: Mutex<Option<Termios>> = Mutex::new(None);

/// State the reader thread shares with the port.
struct Shared {
    interrupt_char: AtomicU32,
    interrupted: AtomicBool,
}

/// Where the console's output goes.
enum Output {
    Stdout,
    Pty(File),
}

/// A console the REPL reads and writes.
pub struct Console {
    input: Receiver<u8>,
    output: Output,
    shared: Arc<Shared>,
    /// Kept open so that the pseudo-terminal outlives its clients.
    _client_side: Option<OwnedFd>,
}

impl Console {
    /// The terminal on standard input and output, switched to raw mode when it is one.
    pub fn terminal() -> anyhow::Result<Console> {
        let stdin = std::io::stdin();
        if let Ok(saved) = tcgetattr(stdin.as_fd()) {
            let mut raw = saved.clone();
            cfmakeraw(&mut raw);
            tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &raw).context("switching the terminal to raw mode")?;
            if let Ok(mut slot) = SAVED_TERMINAL.lock() {
                *slot = Some(saved);
            }
        }
        let shared = new_shared();
        let input = spawn_reader(Box::new(std::io::stdin()), shared.clone(), true);
        Ok(Console { input, output: Output::Stdout, shared, _client_side: None })
    }

    /// A new pseudo-terminal; returns it and the path clients open.
    pub fn pty() -> anyhow::Result<(Console, PathBuf)> {
        let pair = nix::pty::openpty(None, None).context("creating a pseudo-terminal")?;
        let path = nix::unistd::ttyname(pair.slave.as_fd()).context("naming the pseudo-terminal")?;
        let mut raw = tcgetattr(pair.slave.as_fd()).context("reading the pseudo-terminal's settings")?;
        cfmakeraw(&mut raw);
        tcsetattr(pair.slave.as_fd(), SetArg::TCSANOW, &raw).context("setting the pseudo-terminal raw")?;
        let flags = fcntl(pair.master.as_fd(), FcntlArg::F_GETFL).context("reading the pseudo-terminal's flags")?;
        let flags = OFlag::from_bits_truncate(flags) | OFlag::O_NONBLOCK;
        fcntl(pair.master.as_fd(), FcntlArg::F_SETFL(flags)).context("making the pseudo-terminal non-blocking")?;
        let master = File::from(pair.master);
        let reader = master.try_clone().context("sharing the pseudo-terminal")?;
        let shared = new_shared();
        let input = spawn_reader(Box::new(PtyReader(reader)), shared.clone(), false);
        let console = Console { input, output: Output::Pty(master), shared, _client_side: Some(pair.slave) };
        Ok((console, path))
    }

    /// The next byte typed, if one is waiting. At the end of the input the runner exits.
    pub fn read_byte(&mut self) -> Option<u8> {
        match self.input.try_recv() {
            Ok(byte) => Some(byte),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.flush();
                exit_runner(0)
            }
        }
    }

    /// Writes bytes as they are.
    pub fn write(&mut self, bytes: &[u8]) {
        match &mut self.output {
            Output::Stdout => {
                let mut stdout = std::io::stdout().lock();
                let _ = stdout.write_all(bytes);
                let _ = stdout.flush();
            }
            Output::Pty(master) => write_patiently(master, bytes),
        }
    }

    fn flush(&mut self) {
        if let Output::Stdout = self.output {
            let _ = std::io::stdout().flush();
        }
    }

    pub fn set_interrupt_char(&self, byte: Option<u8>) {
        let value = byte.map_or(NO_INTERRUPT_CHAR, u32::from);
        self.shared.interrupt_char.store(value, Ordering::SeqCst);
    }

    pub fn interrupt_pending(&self) -> bool {
        self.shared.interrupted.load(Ordering::SeqCst)
    }

    pub fn take_interrupt(&self) -> bool {
        self.shared.interrupted.swap(false, Ordering::SeqCst)
    }
}

fn new_shared() -> Arc<Shared> {
    Arc::new(Shared { interrupt_char: AtomicU32::new(NO_INTERRUPT_CHAR), interrupted: AtomicBool::new(false) })
}

/// Ends this process (with SIGTERM) when the one that started it ends, so
/// that no REPL is left serving a terminal nobody watches: the host runner
/// calls it, and so does `cargo xtask repl`, whose parent is cargo.
pub fn end_with_parent() {
    #[cfg(target_os = "linux")]
    {
        let parent = nix::unistd::getppid();
        let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGTERM);
        // The parent may have ended before the signal was asked for.
        if nix::unistd::getppid() != parent {
            exit_runner(0);
        }
    }
}

/// Restores the terminal (if the runner changed it) and exits.
pub fn exit_runner(code: i32) -> ! {
    if let Ok(slot) = SAVED_TERMINAL.lock() {
        if let Some(saved) = slot.as_ref() {
            let _ = tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, saved);
        }
    }
    std::process::exit(code)
}

/// Starts the thread that queues the console's bytes, turning the
/// interrupt character into the interrupt flag (and, on a terminal, Ctrl-]
/// into the end of the runner).
fn spawn_reader(mut source: Box<dyn std::io::Read + Send>, shared: Arc<Shared>, terminal: bool) -> Receiver<u8> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 256];
        loop {
            let count = match source.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(count) => count,
            };
            for &byte in &chunk[..count] {
                if terminal && byte == QUIT_BYTE {
                    exit_runner(0);
                }
                if u32::from(byte) == shared.interrupt_char.load(Ordering::SeqCst) {
                    shared.interrupted.store(true, Ordering::SeqCst);
                    continue;
                }
                if sender.send(byte).is_err() {
                    return;
                }
            }
        }
    });
    receiver
}

/// The pseudo-terminal's master side, read by waiting in `poll` (it is non-blocking).
struct PtyReader(File);

impl std::io::Read for PtyReader {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let mut fds = [PollFd::new(self.0.as_fd(), PollFlags::POLLIN)];
            let _ = poll(&mut fds, PollTimeout::from(200u16));
            match self.0.read(buffer) {
                Ok(count) if count > 0 => return Ok(count),
                // No client has the terminal open, or nothing came: wait and look again.
                Ok(_) => std::thread::sleep(Duration::from_millis(20)),
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(error) if error.raw_os_error() == Some(Errno::EIO as i32) => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Err(error) => return Err(error),
            }
        }
    }
}

/// Writes to the non-blocking master, waiting up to [`WRITE_PATIENCE`] for room; the rest is dropped.
fn write_patiently(master: &mut File, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        match master.write(bytes) {
            Ok(count) => bytes = &bytes[count..],
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLOUT)];
                let timeout = PollTimeout::try_from(WRITE_PATIENCE).unwrap_or(PollTimeout::NONE);
                if !matches!(poll(&mut fds, timeout), Ok(ready) if ready > 0) {
                    return;
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}
