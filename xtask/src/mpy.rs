//! `cargo xtask mpy`: compiles `.py` files to `.mpy`, a drop-in for mpy-cross.
//!
//! The flags are mpy-cross's: `-o OUT`, `-s SOURCE_NAME`, `-O`, `-OO`,
//! `-OOO` and `-O0`..`-O3`, and `--version`. Beyond mpy-cross it takes
//! several inputs in one run and disassembles with `--dump`:
//!
//! - One input: the output is `-o OUT`, or else the input with `.py`
//!   replaced by `.mpy` (`.mpy` appended when there is no `.py`).
//! - Several inputs: each output goes next to its input, or into the
//!   directory `-o DIR` when it is given (created if missing). `-s` names
//!   one file and so needs a single input.
//! - `--dump` prints the disassembly of each compiled module on stdout and
//!   writes a file only when `-o` is given. A `.mpy` input is read instead of
//!   compiled, so `--dump` also disassembles mpy-cross's output.
//! - The source name stored in the module (its `__file__`, qstr 0) is the
//!   input path as given with `\` turned into `/`, as mpy-cross does.
//!
//! Errors are printed like rustc's (file, line, column, the source line and
//! a caret) through `rime_compiler::render`, and the exit code is 1; an input
//! that fails leaves no output file behind (an existing one is not touched,
//! as with mpy-cross) and the other inputs are still compiled. Outputs are
//! written to a temporary file next to the target and renamed into place,
//! so a reader never sees half a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rime_compiler::{compile, render_all, CompileOptions};

#[derive(clap::Args, Debug)]
#[command(disable_version_flag = true)]
pub struct Args {
    /// Python source files to compile (`.mpy` files are read, for `--dump`).
    #[arg(required_unless_present = "version")]
    pub inputs: Vec<PathBuf>,
    /// Output file; with several inputs, the directory for the outputs.
    #[arg(short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Source name stored in the .mpy (the module's `__file__`); single input only.
    #[arg(short = 's', value_name = "SOURCE_NAME")]
    pub source_name: Option<String>,
    /// Optimisation level: `-O` is 1, `-OO` 2, `-OOO` 3; `-O0`..`-O3` set it directly.
    #[arg(short = 'O', action = clap::ArgAction::Count)]
    pub opt: u8,
    /// The digit of `-O0` (clap reads `-O0` as `-O -0`).
    #[arg(short = '0', hide = true)]
    pub opt0: bool,
    /// The digit of `-O1`.
    #[arg(short = '1', hide = true)]
    pub opt1: bool,
    /// The digit of `-O2`.
    #[arg(short = '2', hide = true)]
    pub opt2: bool,
    /// The digit of `-O3`.
    #[arg(short = '3', hide = true)]
    pub opt3: bool,
    /// Print a disassembly of the code objects (writes a file only with `-o`).
    #[arg(long)]
    pub dump: bool,
    /// Print the version and the .mpy version emitted, like mpy-cross.
    #[arg(long)]
    pub version: bool,
}

impl Args {
    /// The optimisation level the flags ask for, or `None` when they
    /// contradict each other or exceed 3.
    fn opt_level(&self) -> Option<u8> {
        let digits: Vec<u8> = [self.opt0, self.opt1, self.opt2, self.opt3]
            .iter()
            .enumerate()
            .filter(|(_, set)| **set)
            .map(|(level, _)| level as u8)
            .collect();
        match digits.as_slice() {
            [] if self.opt <= 3 => Some(self.opt),
            [level] if self.opt == 1 => Some(*level),
            _ => None,
        }
    }
}

/// What `--version` prints.
pub fn version_line() -> String {
    format!("rime mpy {}; emitting mpy v{}.3", env!("CARGO_PKG_VERSION"), rime_bytecode::mpy::MPY_VERSION)
}

pub fn run(args: Args) -> crate::Outcome {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = execute(&args, &mut stdout.lock(), &mut stderr.lock());
    Ok(ExitCode::from(code))
}

/// Runs the command, printing to `out` and `err`; returns the exit code
/// (0 success, 1 an input failed, 2 a usage error). The tests call this.
pub fn execute(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if args.version {
        let _ = writeln!(out, "{}", version_line());
        return 0;
    }
    let Some(opt_level) = args.opt_level() else {
        let _ = writeln!(err, "error: the optimisation level is -O, -OO, -OOO or one of -O0..-O3");
        return 2;
    };
    if args.inputs.len() > 1 && args.source_name.is_some() {
        let _ = writeln!(err, "error: -s names a single file; give one input with it");
        return 2;
    }
    let options = CompileOptions { opt_level, ..CompileOptions::default() };
    let mut failed = false;
    for input in &args.inputs {
        let target = output_path(args, input);
        if let Err(message) = compile_one(args, input, target.as_deref(), &options, out) {
            let _ = write!(err, "{message}");
            failed = true;
        }
    }
    u8::from(failed)
}

/// Where the output of `input` goes, or `None` when nothing is written
/// (`--dump` without `-o`).
fn output_path(args: &Args, input: &Path) -> Option<PathBuf> {
    let default_name = || {
        let mut name = input.file_name().map(|name| name.to_os_string()).unwrap_or_default();
        let text = name.to_string_lossy().into_owned();
        if let Some(stem) = text.strip_suffix(".py") {
            name = format!("{stem}.mpy").into();
        } else {
            name.push(".mpy");
        }
        input.with_file_name(name)
    };
    match (&args.output, args.inputs.len()) {
        (Some(output), 1) => Some(output.clone()),
        (Some(directory), _) => default_name().file_name().map(|name| directory.join(name)),
        (None, _) if args.dump => None,
        (None, _) => Some(default_name()),
    }
}

/// The source name mpy-cross stores for `input`: the path as given, with
/// `\` turned into `/`.
fn default_source_name(input: &Path) -> String {
    input.to_string_lossy().replace('\\', "/")
}

/// Compiles (or, for a `.mpy`, reads) one input, dumps and writes it. The
/// error is the complete message to print.
fn compile_one(
    args: &Args,
    input: &Path,
    target: Option<&Path>,
    options: &CompileOptions,
    out: &mut dyn Write,
) -> Result<(), String> {
    let shown = input.display().to_string();
    let source = std::fs::read(input).map_err(|error| format!("error: cannot read {shown}: {error}\n"))?;
    let bytes = if input.extension().is_some_and(|extension| extension == "mpy") {
        source
    } else {
        let source_name = args.source_name.clone().unwrap_or_else(|| default_source_name(input));
        match compile(&source, &source_name, options) {
            Ok(module) => module.to_bytes(),
            Err(diagnostics) => {
                return Err(render_all(&diagnostics, &source, &shown));
            }
        }
    };
    if args.dump {
        let module = rime_bytecode::MpyModule::read(&bytes)
            .map_err(|error| format!("error: {shown} is not a valid .mpy file: {error:?}\n"))?;
        if args.inputs.len() > 1 {
            let _ = writeln!(out, "==> {shown}");
        }
        let _ = write!(out, "{}", rime_bytecode::disassemble(&module));
    }
    match target {
        Some(target) => crate::files::write_atomically(target, &bytes)
            .map_err(|error| format!("error: cannot write {}: {error:#}\n", target.display())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cli, Command};
    use clap::Parser;
    use rime_compiler::compile_to_mpy;

    /// A fresh, empty directory under the system's temporary directory.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rime-mpy-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creating a temporary directory");
        dir
    }

    fn parse(arguments: &[&str]) -> Args {
        let command = std::iter::once("cargo xtask").chain(std::iter::once("mpy")).chain(arguments.iter().copied());
        match Cli::try_parse_from(command).unwrap_or_else(|error| panic!("{arguments:?}: {error}")).command {
            Command::Mpy(args) => args,
            other => panic!("parsed as {other:?}"),
        }
    }

    /// Runs the command; returns the exit code, stdout and stderr.
    fn execute_with(arguments: &[&str]) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = execute(&parse(arguments), &mut out, &mut err);
        (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
    }

    const PROGRAM: &str = "def f(x):\n    return x * 2 + 1\n\nprint(f(20), 'done')\n";

    #[test]
    fn mpy_output_equals_compile_to_mpy() {
        let dir = temp_dir("equal");
        let input = dir.join("prog.py");
        std::fs::write(&input, PROGRAM).unwrap();
        let input_text = input.to_str().unwrap();
        let (code, _, err) = execute_with(&[input_text]);
        assert_eq!(code, 0, "{err}");
        let written = std::fs::read(dir.join("prog.mpy")).expect("prog.mpy written next to its input");
        let expected = compile_to_mpy(PROGRAM.as_bytes(), input_text, &CompileOptions::default()).unwrap();
        assert_eq!(written, expected);
        // No temporary file is left in the directory.
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn mpy_source_name_flag_changes_qstr_0_and_o_names_the_output() {
        let dir = temp_dir("source-name");
        let input = dir.join("prog.py");
        std::fs::write(&input, PROGRAM).unwrap();
        let output = dir.join("out/renamed.mpy");
        let (code, _, err) =
            execute_with(&["-s", "lib/prog.py", "-o", output.to_str().unwrap(), input.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        let module = rime_bytecode::MpyModule::read(&std::fs::read(&output).unwrap()).unwrap();
        assert_eq!(module.qstrs[0], "lib/prog.py");
        assert_eq!(module.source_name(), "lib/prog.py");
        assert!(!dir.join("prog.mpy").exists());
    }

    #[test]
    fn mpy_syntax_error_exits_1_with_a_rendered_message_and_no_file() {
        let dir = temp_dir("syntax-error");
        let input = dir.join("bad.py");
        std::fs::write(&input, "x = 1\nif x\n    pass\n").unwrap();
        let (code, out, err) = execute_with(&[input.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert!(out.is_empty(), "{out}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains(&format!("--> {}:2:", input.display())), "{err}");
        assert!(err.contains("2 | if x"), "{err}");
        assert!(err.contains('^'), "{err}");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1, "only bad.py remains");
    }

    #[test]
    fn mpy_compiles_several_inputs_and_reports_each_failure() {
        let dir = temp_dir("several");
        for (name, text) in [("a.py", "print('a')\n"), ("b.py", "print('b')\n"), ("c.py", "return 1\n")] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let paths: Vec<String> = ["a.py", "b.py", "c.py"].iter().map(|n| dir.join(n).display().to_string()).collect();
        let arguments: Vec<&str> = paths.iter().map(String::as_str).collect();
        let (code, _, err) = execute_with(&arguments);
        assert_eq!(code, 1, "c.py fails");
        assert!(err.contains("'return' outside function"), "{err}");
        assert!(dir.join("a.mpy").exists() && dir.join("b.mpy").exists());
        assert!(!dir.join("c.mpy").exists());

        // With -o, several outputs go into that directory.
        let out_dir = dir.join("build");
        let (code, _, err) = execute_with(&["-o", out_dir.to_str().unwrap(), &paths[0], &paths[1]]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(std::fs::read(out_dir.join("a.mpy")).unwrap(), std::fs::read(dir.join("a.mpy")).unwrap());
        assert!(out_dir.join("b.mpy").exists());
    }

    #[test]
    fn mpy_optimisation_flags_follow_mpy_cross() {
        for (arguments, level) in [
            (&["x.py"][..], Some(0)),
            (&["-O", "x.py"], Some(1)),
            (&["-OO", "x.py"], Some(2)),
            (&["-OOO", "x.py"], Some(3)),
            (&["-O2", "x.py"], Some(2)),
            (&["x.py", "-O3"], Some(3)),
            (&["-O0", "x.py"], Some(0)),
            (&["-OOOO", "x.py"], None),
        ] {
            assert_eq!(parse(arguments).opt_level(), level, "{arguments:?}");
        }
        assert!(Cli::try_parse_from(["cargo xtask", "mpy", "-O4", "x.py"]).is_err());
    }

    #[test]
    fn mpy_version_and_dump() {
        let (code, out, _) = execute_with(&["--version"]);
        assert_eq!(code, 0);
        assert_eq!(out.trim(), version_line());
        assert!(out.contains("emitting mpy v6.3"), "{out}");

        let dir = temp_dir("dump");
        let input = dir.join("prog.py");
        std::fs::write(&input, PROGRAM).unwrap();
        let (code, out, err) = execute_with(&["--dump", input.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with("mpy v6"), "{out}");
        assert!(out.contains("RETURN_VALUE"), "{out}");
        assert!(!dir.join("prog.mpy").exists(), "--dump without -o writes nothing");
    }

    #[test]
    fn mpy_default_names_follow_mpy_cross() {
        let args = parse(&["dir/app.py"]);
        assert_eq!(output_path(&args, Path::new("dir/app.py")), Some(PathBuf::from("dir/app.mpy")));
        assert_eq!(output_path(&args, Path::new("script")), Some(PathBuf::from("script.mpy")));
        assert_eq!(default_source_name(Path::new("lib\\drivers\\bme.py")), "lib/drivers/bme.py");
    }
}
