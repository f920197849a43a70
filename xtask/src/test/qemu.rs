//! The stage "qemu: Python suite on qemu-m0 and qemu-m33": the host's Python
//! suite (`ports/host/tests/python.rs`) run by the real runtime on both QEMU
//! boards.
//!
//! The tests are the same files with the same modules and expectations, read
//! by the same code (`rime_host::suite`); the 16 KiB heap of the
//! `memory_error` tests goes into the image header, which the runtime honours. Per board the
//! runtime is built once; each test is frozen once for the board (the images
//! differ from the host's only in their board id, and compiled modules come
//! from `target/freeze-cache`), written to `target/qemu-suite/<board>/`, and
//! booted in `qemu-system-arm`. A test passes when QEMU exits with status 0,
//! or 1 after an uncaught exception, and its output (stdout, then stderr)
//! equals the `.exp` file, as the host suite requires `Outcome::Finished` or
//! `Outcome::Uncaught` and equal output.
//!
//! The stage prints N/M per board and fails on any mismatch except the tests
//! in [`ALLOWED_TO_DIFFER`], each with its reason.
//!
//! Scaling: every test is its own QEMU process (a fresh board, as on
//! hardware). The tests are frozen first, one after another (they share the
//! freeze cache's files); then [`jobs`] QEMU processes run at the same time,
//! one worker thread each taking the next test from a shared counter. Results are collected by
//! test index, so the report and every failure name the test, in suite order,
//! whatever order the workers finished in. Each board's line gives the time
//! per test. `RIME_QEMU_JOBS=N` overrides the number of parallel processes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::bail;
use rime_host::suite;
use xshell::Shell;

use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::qemu::{self, QemuBoard};

/// Tests whose output may differ on QEMU, as paths relative to `tests/py`,
/// each with the reason. Empty: every test behaves as on the host.
const ALLOWED_TO_DIFFER: &[(&str, &str)] = &[];

/// How long one test may run before it counts as hung.
const TEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs the whole Python suite on every QEMU board.
pub fn python_suite_on_qemu(sh: &Shell) -> anyhow::Result<()> {
    let root = crate::project_root();
    let suite = root.join("tests/py");
    let tests = suite::collect(&suite)?;
    if tests.is_empty() {
        bail!("no tests under {}", suite.display());
    }
    let mut failures = Vec::new();
    let jobs = jobs();
    for board in qemu::qemu_boards()? {
        let started = Instant::now();
        let elf = qemu::build_runtime(sh, &board)?;
        let built = started.elapsed();
        println!("{}: freezing and running {} Python tests…", board.name, tests.len());
        let out_dir = root.join("target/qemu-suite").join(&board.name);
        let relatives: Vec<String> = tests
            .iter()
            .map(|test| test.strip_prefix(&suite).unwrap_or(test).to_string_lossy().replace('\\', "/"))
            .collect();
        // Freezing shares the freeze cache's files, so it runs one test at a
        // time; the QEMU runs, which take most of the time, run in parallel.
        let prepared: Vec<anyhow::Result<Prepared>> = tests
            .iter()
            .zip(&relatives)
            .map(|(test, relative)| prepare(&board, test, &out_dir.join(format!("{relative}.img"))))
            .collect();
        let results = run_in_parallel(tests.len(), jobs, |index| match &prepared[index] {
            Ok(prepared) => run_prepared(&board, &elf, prepared),
            Err(problem) => Err(anyhow::anyhow!("{problem:#}")),
        });
        let mut passed = 0;
        let mut allowed = 0;
        for (relative, result) in relatives.iter().zip(results) {
            match result {
                Ok(()) => passed += 1,
                Err(problem) => {
                    if let Some((_, reason)) = ALLOWED_TO_DIFFER.iter().find(|(name, _)| name == relative) {
                        println!("  {}: {relative} differs, allowed: {reason}", board.name);
                        allowed += 1;
                    } else {
                        failures.push(format!("{} {relative}: {problem:#}", board.name));
                    }
                }
            }
        }
        let suite_time = (started.elapsed() - built).as_secs_f64();
        println!(
            "{:<9} {:<11} {passed}/{} Python tests pass{} (runtime build {:.1} s, suite {:.1} s with {jobs} QEMU \
             processes at a time, {:.0} ms per test)",
            board.name,
            board.machine,
            tests.len(),
            if allowed > 0 { format!(", {allowed} allowed to differ") } else { String::new() },
            built.as_secs_f64(),
            suite_time,
            suite_time * 1000.0 / tests.len() as f64
        );
    }
    if !failures.is_empty() {
        bail!("{} Python tests failed on QEMU:\n{}", failures.len(), failures.join("\n"));
    }
    Ok(())
}

/// The stage "qemu: a hung program is killed at --timeout": the `cargo
/// xtask` binary itself, `run --board qemu-m0 --timeout 3` on `while True:
/// pass`, must kill QEMU and exit with code 124 and one line naming the
/// limit, well before the default limit; the same flag must let a program
/// that finishes exit 0.
pub fn hung_program_is_killed(_sh: &Shell) -> anyhow::Result<()> {
    let dir = crate::project_root().join("target/qemu-timeout");
    std::fs::create_dir_all(&dir)?;
    let hung = dir.join("hang.py");
    std::fs::write(&hung, "print('spinning')\nwhile True:\n    pass\n")?;
    let finishes = dir.join("finishes.py");
    std::fs::write(&finishes, "print(sum(range(10)))\n")?;
    let xtask = std::env::current_exe()?;
    let run = |input: &Path| {
        std::process::Command::new(&xtask)
            .args(["run", "--board", "qemu-m0", "--timeout", "3"])
            .arg(input)
            .stdin(std::process::Stdio::null())
            .output()
    };
    // The runtime is built (or found built) by the first run, before the clock starts.
    let finished = run(&finishes)?;
    let stdout = String::from_utf8_lossy(&finished.stdout);
    if !finished.status.success() || !stdout.contains("45") {
        bail!("a program that finishes failed under --timeout 3 ({}): {stdout}", finished.status);
    }
    let started = Instant::now();
    let hung_run = run(&hung)?;
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&hung_run.stderr);
    let last_line = stderr.lines().last().unwrap_or("");
    if hung_run.status.code() != Some(i32::from(crate::process::TIMED_OUT_EXIT_CODE)) {
        bail!("`while True: pass` exited with {}, not 124, under --timeout 3; stderr: {stderr}", hung_run.status);
    }
    if !last_line.contains("within the 3 s timeout") || !String::from_utf8_lossy(&hung_run.stdout).contains("spinning")
    {
        bail!("the killed run does not say why in one line: {stderr}");
    }
    if elapsed > Duration::from_secs(20) {
        bail!("`while True: pass` took {:.1} s to be killed at a 3 s limit", elapsed.as_secs_f64());
    }
    println!(
        "qemu-m0: `while True: pass` killed after {:.1} s (limit 3 s), exit code 124: {last_line}",
        elapsed.as_secs_f64()
    );
    Ok(())
}

/// The stage "qemu: a 200-line module compiles on the Pico's heap": the
/// suite's `compile/module_200_lines.py` (it compiles and runs a 200-line
/// module's text with `compile` and `exec`) runs on qemu-m0, whose heap is
/// the Pico's (192 KiB), followed by `micropython.mem_info()`; the stage
/// checks the module's results and prints the heap the compilation needed
/// at its peak (its compile arena), a figure, not a limit.
pub fn compile_on_pico_heap(_sh: &Shell) -> anyhow::Result<()> {
    let root = crate::project_root();
    let test = root.join("tests/py/compile/module_200_lines.py");
    let expected = std::fs::read_to_string(test.with_extension("py.exp"))?;
    let dir = root.join("target/qemu-compile");
    std::fs::create_dir_all(&dir)?;
    let program = dir.join("module_200_lines_mem_info.py");
    let source = std::fs::read_to_string(&test)?;
    std::fs::write(&program, format!("{source}import micropython\nmicropython.mem_info()\n"))?;
    let output = std::process::Command::new(std::env::current_exe()?)
        .args(["run", "--board", "qemu-m0"])
        .arg(&program)
        .stdin(std::process::Stdio::null())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || !stdout.starts_with(&expected) {
        bail!(
            "the 200-line module did not compile and run on qemu-m0 ({}):\n{stdout}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let Some(figure) = stdout.lines().find(|line| line.starts_with("compile arena:")) else {
        bail!("micropython.mem_info() printed no compile arena line:\n{stdout}");
    };
    println!("qemu-m0 (the Pico's 192 KiB heap): 200-line module ({} source bytes) {figure}", source_bytes(&source));
    Ok(())
}

/// The length of the module text inside the 200-line test program.
fn source_bytes(program: &str) -> usize {
    let text = program.split_once("SOURCE = \"\"\"\\\n").map_or("", |(_, rest)| rest);
    text.split_once("\"\"\"").map_or(0, |(module, _)| module.len())
}

/// How many QEMU processes run at the same time: `RIME_QEMU_JOBS`, or the
/// machine's parallelism (QEMU runs one guest core on one host thread).
fn jobs() -> usize {
    std::env::var("RIME_QEMU_JOBS")
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|&jobs: &usize| jobs > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Runs `each(0..count)` on `jobs` worker threads and returns the results in
/// index order.
fn run_in_parallel<T: Send>(count: usize, jobs: usize, each: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<T>>> = Mutex::new((0..count).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, count.max(1)) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= count {
                    break;
                }
                let result = each(index);
                slots.lock().unwrap_or_else(|poisoned| poisoned.into_inner())[index] = Some(result);
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .map(|slot| slot.expect("every index below the count was taken by a worker"))
        .collect()
}

/// A test frozen for a board: its image file and its expected output.
struct Prepared {
    image: PathBuf,
    expected: String,
}

/// Freezes one test for `board` into `image` and reads its expected output.
fn prepare(board: &QemuBoard, test: &Path, image: &Path) -> anyhow::Result<Prepared> {
    let root = crate::project_root();
    let loaded = suite::load(test, &root)?;
    let modules = loaded
        .modules
        .into_iter()
        .map(|(name, source)| Input { name, kind: InputKind::Compile { source, opt: 0 } })
        .collect();
    // The small heap goes into the image header, which the runtime honours.
    let heap = loaded.small_heap.then_some(suite::SMALL_HEAP as u32);
    let inputs = Inputs { modules, main: Some(loaded.main), heap, ..Inputs::default() };
    let frozen = match freeze::freeze(&inputs, &board.name, Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("does not freeze:\n{rendered}"),
    };
    files::write_atomically(image, &frozen.image.bytes)?;
    Ok(Prepared { image: image.to_path_buf(), expected: loaded.expected })
}

/// Boots a prepared test and compares its output with the expected one.
fn run_prepared(board: &QemuBoard, elf: &Path, prepared: &Prepared) -> anyhow::Result<()> {
    let (status, stdout, stderr) = run_qemu(board, elf, &prepared.image)?;
    let output = stdout + &stderr;
    let expected = &prepared.expected;
    // Status 1 is an uncaught exception, whose traceback the output comparison checks.
    if status != Some(0) && status != Some(1) {
        bail!("QEMU exited with {status:?}\n{output}");
    }
    if output != *expected {
        bail!("output differs\n--- expected\n{expected}--- got\n{output}");
    }
    Ok(())
}

/// Boots the runtime with `image` and returns the exit status, stdout and stderr.
fn run_qemu(board: &QemuBoard, elf: &Path, image: &Path) -> anyhow::Result<(Option<i32>, String, String)> {
    let captured = qemu::run_captured(qemu::qemu_command(board, elf, image), TEST_TIMEOUT)?;
    Ok((captured.status.code(), captured.stdout, captured.stderr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_come_back_in_index_order() {
        let results = run_in_parallel(50, 3, |index| {
            // Later indices finish first, so the order comes from the slots.
            std::thread::sleep(Duration::from_micros(((50 - index) * 20) as u64));
            index * 2
        });
        assert_eq!(results, (0..50).map(|index| index * 2).collect::<Vec<_>>());
        assert_eq!(run_in_parallel(0, 4, |index| index), Vec::<usize>::new());
        assert_eq!(run_in_parallel(3, 0, |index| index + 1), vec![1, 2, 3]);
    }
}
