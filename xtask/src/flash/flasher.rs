//! The probe-rs flasher, built on first use.
//!
//! probe-rs and its dependency tree take minutes to compile and only flashing
//! through a debug probe needs them, so they are not part of xtask: they are
//! the `xtask-flash` binary (`xtask/flash`, a member of the workspace but not
//! of its default members). [`run`] builds it with cargo, which is a no-op
//! once it is built, saying so in one line the first time (cargo then shows
//! its own progress), and runs it with the flags `cargo xtask flash` was
//! given ([`Args::to_argv`]). The binary's path comes from cargo's own
//! build messages, so a custom target directory works too.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::Context;

use super::Args;
use crate::toolchain;

/// The flasher's package and binary name.
const PACKAGE: &str = "xtask-flash";

/// Builds the flasher if needed and runs it with `args`; its exit code is ours.
pub fn run(args: &Args) -> crate::Outcome {
    let root = crate::project_root();
    let first_use = toolchain::announce_first_build(&likely_binary(&root), "the probe-rs flasher");
    let binary = build(&root, first_use)?;
    let status =
        Command::new(&binary).args(args.to_argv()).status().with_context(|| format!("running {}", binary.display()))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}

/// Where the flasher lands with the default target directory (only used to
/// decide whether to announce the first build).
fn likely_binary(root: &Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    target.join("debug").join(format!("{PACKAGE}{}", std::env::consts::EXE_SUFFIX))
}

/// `cargo build --package xtask-flash`, returning the executable it reports.
fn build(root: &Path, verbose: bool) -> anyhow::Result<PathBuf> {
    let mut command = Command::new(toolchain::cargo_program());
    command.current_dir(root).args(["build", "--package", PACKAGE, "--message-format=json-render-diagnostics"]);
    if !verbose {
        command.arg("--quiet");
    }
    let output = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo to build the probe-rs flasher")?;
    if !output.status.success() {
        anyhow::bail!("building the probe-rs flasher (`cargo build --package {PACKAGE}`) failed; its output is above");
    }
    executable(&String::from_utf8_lossy(&output.stdout))
        .with_context(|| format!("cargo built {PACKAGE} but did not say where its executable is"))
}

/// The flasher's executable in cargo's JSON build messages.
fn executable(messages: &str) -> Option<PathBuf> {
    messages.lines().filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok()).find_map(|message| {
        let is_flasher = message["reason"] == "compiler-artifact" && message["target"]["name"] == PACKAGE;
        message["executable"].as_str().filter(|_| is_flasher).map(PathBuf::from)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_executable_is_read_from_cargos_messages() {
        let messages = [
            r#"{"reason":"compiler-artifact","target":{"name":"xtask"},"executable":null}"#,
            "not json",
            r#"{"reason":"compiler-artifact","target":{"name":"xtask-flash"},"executable":"/t/debug/xtask-flash"}"#,
            r#"{"reason":"build-finished","success":true}"#,
        ]
        .join("\n");
        assert_eq!(executable(&messages), Some(PathBuf::from("/t/debug/xtask-flash")));
        assert_eq!(executable(r#"{"reason":"build-finished","success":true}"#), None);
    }
}
