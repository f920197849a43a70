//! Child processes with a time limit: the emulators (`qemu-system-arm`,
//! node running rp2040js) and the host runner.
//!
//! [`wait_with_timeout`] waits for a child that streams its output to ours
//! and kills it when the limit passes; [`run_captured`] does the same for a
//! child whose output is captured. [`Timeout`] is the `--timeout SECONDS`
//! flag of `cargo xtask run`: a number of seconds, `0` for no limit. A run
//! that is killed exits with [`TIMED_OUT_EXIT_CODE`], as GNU `timeout` does,
//! so that scripts can tell a hang from a failing program.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// The exit code of a run killed at its time limit (GNU `timeout`'s).
pub const TIMED_OUT_EXIT_CODE: u8 = 124;

/// How often a waiting loop looks at the child.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// A time limit as the user gave it: `None` means wait as long as it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timeout(pub Option<Duration>);

impl Timeout {
    /// Parses `--timeout SECONDS`: a non-negative number of seconds
    /// (fractions allowed), `0` for no limit.
    pub fn parse(text: &str) -> Result<Timeout, String> {
        let seconds: f64 =
            text.trim().parse().map_err(|_| format!("`{text}` is not a number of seconds (0 for no limit)"))?;
        if !seconds.is_finite() || seconds < 0.0 {
            return Err(format!("`{text}` is not a number of seconds (0 for no limit)"));
        }
        Ok(Timeout(if seconds == 0.0 { None } else { Some(Duration::from_secs_f64(seconds)) }))
    }

    /// The limit in the words of the one-line message after a kill.
    pub fn describe(&self) -> String {
        match self.0 {
            Some(limit) => format!("{} s", limit.as_secs_f64()),
            None => "no limit".to_string(),
        }
    }
}

/// Waits for `child`; when it runs longer than `timeout`, kills it and
/// returns `None`.
pub fn wait_with_timeout(child: &mut Child, timeout: Timeout) -> anyhow::Result<Option<ExitStatus>> {
    let Some(limit) = timeout.0 else {
        return Ok(Some(child.wait().context("waiting for a child process")?));
    };
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().context("waiting for a child process")? {
            return Ok(Some(status));
        }
        if started.elapsed() >= limit {
            // The child may have exited in the meantime; killing it then fails
            // harmlessly, and `wait` reaps it either way.
            let _ = child.kill();
            child.wait().context("reaping a killed child process")?;
            return Ok(None);
        }
        std::thread::sleep(POLL_INTERVAL);
    }
}

/// The error of a run killed at its time limit; `cargo xtask run` turns it
/// into [`TIMED_OUT_EXIT_CODE`].
#[derive(Debug)]
pub struct TimedOut {
    /// The program that was killed.
    pub program: String,
    pub timeout: Timeout,
}

impl std::fmt::Display for TimedOut {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} did not exit within {} and was killed", self.program, self.timeout.describe())
    }
}

impl std::error::Error for TimedOut {}

/// What a finished child process printed, and how it ended.
pub struct Captured {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` with both output streams captured, killing it when it
/// runs longer than `timeout` (then the error is a [`TimedOut`]).
/// `install_hint` says how to get `program` when it cannot start. Output
/// that is not UTF-8 is kept lossily.
pub fn run_captured(
    mut command: Command,
    timeout: Timeout,
    program: &str,
    install_hint: &str,
) -> anyhow::Result<Captured> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| anyhow::anyhow!("cannot start {program} ({error}); {install_hint}"))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut bytes)?;
            }
            Ok::<_, std::io::Error>(String::from_utf8_lossy(&bytes).into_owned())
        })
    };
    let stdout_reader = reader(child.stdout.take().map(|pipe| Box::new(pipe) as Box<dyn Read + Send>));
    let stderr_reader = reader(child.stderr.take().map(|pipe| Box::new(pipe) as Box<dyn Read + Send>));
    let Some(status) = wait_with_timeout(&mut child, timeout)? else {
        return Err(TimedOut { program: program.to_string(), timeout }.into());
    };
    let stdout = stdout_reader.join().map_err(|_| anyhow::anyhow!("the stdout reader panicked"))??;
    let stderr = stderr_reader.join().map_err(|_| anyhow::anyhow!("the stderr reader panicked"))??;
    Ok(Captured { status, stdout, stderr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_as_seconds_and_zero_means_none() {
        assert_eq!(Timeout::parse("30"), Ok(Timeout(Some(Duration::from_secs(30)))));
        assert_eq!(Timeout::parse("0.5"), Ok(Timeout(Some(Duration::from_millis(500)))));
        assert_eq!(Timeout::parse("0"), Ok(Timeout(None)));
        assert!(Timeout::parse("-1").is_err());
        assert!(Timeout::parse("ten").is_err());
        assert_eq!(Timeout::parse("2.5").unwrap().describe(), "2.5 s");
    }

    #[test]
    fn a_child_past_its_limit_is_killed() {
        let started = Instant::now();
        let mut child = Command::new("sleep").arg("30").spawn().unwrap();
        let status = wait_with_timeout(&mut child, Timeout(Some(Duration::from_millis(200)))).unwrap();
        assert_eq!(status, None);
        assert!(started.elapsed() < Duration::from_secs(10));
        let mut child = Command::new("true").spawn().unwrap();
        let status = wait_with_timeout(&mut child, Timeout(Some(Duration::from_secs(10)))).unwrap();
        assert!(status.is_some_and(|status| status.success()));
        let limit = Timeout(Some(Duration::from_millis(200)));
        let mut sleeper = Command::new("sleep");
        sleeper.arg("30");
        let error = run_captured(sleeper, limit, "sleep", "").err().unwrap();
        assert_eq!(error.to_string(), "sleep did not exit within 0.2 s and was killed");
        assert!(error.downcast_ref::<TimedOut>().is_some());
    }
}
