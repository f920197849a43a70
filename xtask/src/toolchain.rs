//! Provisioning of the thumb targets that the firmware crates build for.
//!
//! The standard route is the one a user takes on their own machine: the
//! target's `rust-std` installed by `rustup target add`. [`ensure_target`]
//! checks the active toolchain's sysroot and, when the target is missing, runs
//! `rustup target add` itself. When rustup is absent or cannot install it, the
//! fallback is `-Zbuild-std`, which compiles `core` from the toolchain's
//! `rust-src` (with `RUSTC_BOOTSTRAP=1`, as Debian's `rustc-web` needs). When
//! neither works the error names exactly what to install.
//!
//! `doctor` uses the same probes ([`target_installed`], [`rust_src`]) so the
//! report and the build never disagree.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

/// The two thumb targets: ARMv6-M for the RP2040 and ARMv8-M Mainline with
/// hardware floating point for the RP2350.
pub const THUMB_TARGETS: [&str; 2] = ["thumbv6m-none-eabi", "thumbv8m.main-none-eabihf"];

/// The `-Z` flags of the build-std fallback.
const BUILD_STD_FLAGS: [&str; 2] =
    ["-Zbuild-std=core,alloc,compiler_builtins", "-Zbuild-std-features=compiler-builtins-mem"];

/// How cargo gets the standard library for one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSupport {
    /// The target's `rust-std` is installed in the sysroot: a plain `cargo build --target` works.
    Installed,
    /// The target's `rust-std` is missing, but `rust-src` is there: build `core` with `-Zbuild-std`.
    BuildStd,
}

impl TargetSupport {
    /// The extra cargo arguments this route needs.
    pub fn cargo_args(&self) -> &'static [&'static str] {
        match self {
            TargetSupport::Installed => &[],
            TargetSupport::BuildStd => &BUILD_STD_FLAGS,
        }
    }

    /// The extra environment this route needs (set on cargo itself, because
    /// the `[unstable]` flags are read before any `[env]` table applies).
    pub fn cargo_env(&self) -> &'static [(&'static str, &'static str)] {
        match self {
            TargetSupport::Installed => &[],
            TargetSupport::BuildStd => &[("RUSTC_BOOTSTRAP", "1")],
        }
    }
}

/// The cargo that runs xtask (cargo sets `CARGO` for `cargo run`), so nested
/// builds use the same toolchain; plain `cargo` when xtask runs on its own.
pub fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Before a cargo build that may take minutes: when `binary` does not exist
/// yet (a fresh clone), says what is being built in one line on stderr and
/// returns true, so that the caller lets cargo show its own progress instead
/// of passing `--quiet`. Once built, rebuilding is quick and nothing is said.
pub fn announce_first_build(binary: &Path, what: &str) -> bool {
    let first = !binary.is_file();
    if first {
        eprintln!("building {what} (first use only)…");
    }
    first
}

/// The active toolchain's sysroot, from `rustc --print sysroot`.
pub fn sysroot(sh: &Shell) -> anyhow::Result<PathBuf> {
    let output = cmd!(sh, "rustc --print sysroot")
        .quiet()
        .ignore_stderr()
        .read()
        .context("running `rustc --print sysroot` (is Rust installed? see https://rustup.rs)")?;
    Ok(PathBuf::from(output.trim()))
}

/// Whether the target's `rust-std` is in the active toolchain's sysroot.
pub fn target_installed(sh: &Shell, triple: &str) -> anyhow::Result<bool> {
    let sysroot = sysroot(sh)?;
    Ok(sysroot.join("lib/rustlib").join(triple).join("lib").is_dir())
}

/// The `library/` folder of the toolchain's `rust-src`, if it is installed.
pub fn rust_src(sh: &Shell) -> Option<PathBuf> {
    let library = sysroot(sh).ok()?.join("lib/rustlib/src/rust/library");
    library.join("core/Cargo.toml").is_file().then_some(library)
}

/// Whether `rustup` is on the PATH and answers.
pub fn rustup_available(sh: &Shell) -> bool {
    cmd!(sh, "rustup --version").quiet().ignore_stdout().ignore_stderr().run().is_ok()
}

/// Makes sure cargo can build for `triple`, installing the target with rustup
/// when it is missing, and says which route the build must take.
pub fn ensure_target(sh: &Shell, triple: &str) -> anyhow::Result<TargetSupport> {
    if target_installed(sh, triple)? {
        return Ok(TargetSupport::Installed);
    }
    let rustup_error = if rustup_available(sh) {
        eprintln!("toolchain: the target {triple} is missing; running `rustup target add {triple}`");
        match cmd!(sh, "rustup target add {triple}").run() {
            Ok(()) if target_installed(sh, triple)? => return Ok(TargetSupport::Installed),
            Ok(()) => "`rustup target add` succeeded but the target is still not in `rustc --print sysroot` \
                       (is `rustc` on the PATH a different toolchain than rustup's?)"
                .to_owned(),
            Err(error) => format!("`rustup target add {triple}` failed: {error}"),
        }
    } else {
        "rustup is not installed".to_owned()
    };
    if let Some(library) = rust_src(sh) {
        eprintln!(
            "toolchain: {rustup_error}; building core for {triple} from rust-src ({}) with -Zbuild-std",
            library.display()
        );
        return Ok(TargetSupport::BuildStd);
    }
    bail!(
        "cannot build for {triple}: {rustup_error}, and the toolchain has no rust-src for -Zbuild-std. \
         Install one of: the target with `rustup target add {triple}` (rustup from https://rustup.rs), \
         or the standard library sources with `rustup component add rust-src` \
         (on Debian without rustup: `apt-get install -y rust-web-src` for rustc-web)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_std_route_sets_bootstrap_and_flags() {
        assert!(TargetSupport::Installed.cargo_args().is_empty());
        assert!(TargetSupport::Installed.cargo_env().is_empty());
        assert_eq!(TargetSupport::BuildStd.cargo_env(), &[("RUSTC_BOOTSTRAP", "1")]);
        assert!(TargetSupport::BuildStd.cargo_args().iter().any(|arg| arg.starts_with("-Zbuild-std=core")));
    }

    #[test]
    fn sysroot_of_the_running_toolchain_exists() {
        let sh = Shell::new().unwrap();
        assert!(sysroot(&sh).unwrap().join("lib/rustlib").is_dir());
    }
}
