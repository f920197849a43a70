//! Instruction counts under valgrind's callgrind.
//!
//! Callgrind counts every instruction the process executes ("Ir", instruction
//! reads), which unlike wall-clock time does not move with the machine's
//! load. The count is read from the summary valgrind prints on stderr when the
//! process ends; the profile file itself is not needed and goes to
//! `/dev/null`. Counting is slow (tens of times the program's own run), so
//! the `vm` suite counts only the programs [`super::Scope`] selects.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context};

/// Whether `valgrind` can be run.
pub fn available() -> bool {
    Command::new("valgrind").arg("--version").output().is_ok_and(|output| output.status.success())
}

/// Runs `program` with `args` under callgrind and returns the instructions it
/// executed, with its output (stdout, then stderr without valgrind's lines).
pub fn count(
    program: &Path,
    args: &[&std::ffi::OsStr],
    envs: &[(&str, &std::ffi::OsStr)],
) -> anyhow::Result<(u64, String)> {
    let mut command = Command::new("valgrind");
    command.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"]).arg(program).args(args);
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().with_context(|| format!("running {} under valgrind", program.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let Some(instructions) = parse_summary(&stderr) else {
        bail!("valgrind printed no instruction count for {}:\n{stderr}", program.display());
    };
    let program_stderr: String =
        stderr.lines().filter(|line| !line.starts_with("==")).map(|line| format!("{line}\n")).collect();
    Ok((instructions, String::from_utf8_lossy(&output.stdout).into_owned() + &program_stderr))
}

/// The instruction count in callgrind's end-of-run summary: the line
/// `==PID== Collected : 123456` (the events are `Ir` alone by default), or,
/// failing that, `==PID== I   refs:      123,456`.
pub fn parse_summary(stderr: &str) -> Option<u64> {
    let valgrind_lines = stderr.lines().filter_map(|line| {
        let rest = line.strip_prefix("==")?;
        let (_pid, text) = rest.split_once("==")?;
        Some(text.trim())
    });
    let mut refs = None;
    for text in valgrind_lines {
        if let Some(value) = text.strip_prefix("Collected :") {
            return value.split_whitespace().next()?.parse().ok();
        }
        if let Some(value) = text.strip_prefix("I   refs:") {
            refs = value.trim().replace(',', "").parse().ok();
        }
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of a real callgrind run's stderr (valgrind 3.x), with the
    /// program's own line in between.
    const SUMMARY: &str = "==4711== Callgrind, a call-graph generating cache profiler\n\
                           ==4711== Command: ./micropython empty.py\n\
                           ==4711== \n\
                           hello from the program\n\
                           ==4711== \n\
                           ==4711== Events    : Ir\n\
                           ==4711== Collected : 288148\n\
                           ==4711== \n\
                           ==4711== I   refs:      288,148\n";

    #[test]
    fn the_collected_line_gives_the_count() {
        assert_eq!(parse_summary(SUMMARY), Some(288_148));
    }

    #[test]
    fn the_refs_line_is_read_when_collected_is_missing() {
        assert_eq!(parse_summary("==9== I   refs:      1,234,567\n"), Some(1_234_567));
    }

    #[test]
    fn lines_that_are_not_valgrind_s_are_ignored() {
        assert_eq!(parse_summary("Collected : 5\nI   refs: 7\n"), None);
        assert_eq!(parse_summary(""), None);
        assert_eq!(parse_summary("==1== Collected : many\n"), None);
    }
}
