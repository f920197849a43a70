//! Behaviour of the host runner that the Python suite cannot check through
//! stdout alone: tracebacks of uncaught exceptions (file names and lines from
//! the frozen line tables), `sys.exit` codes, and the heap and qstr reports
//! of `micropython.mem_info(1)` and `qstr_info(1)`.

use std::path::Path;

use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

fn run(modules: &[(&str, &str)], heap: usize) -> (Outcome, String) {
    let sources: Vec<(&str, &[u8])> = modules.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
    let image = freeze_sources(&sources).expect("freezes");
    let mut port = HostPort::new(true);
    let outcome = run_image(&image, heap, Config::host(), &mut port).expect("runs");
    (outcome, String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8"))
}

#[test]
fn uncaught_exceptions_print_a_traceback_through_modules() {
    let main = "import util\nprint('start')\nutil.check(-1)\n";
    let util =
        "def check(value):\n    if value < 0:\n        raise ValueError('negative: %d' % value)\n    return value\n";
    let (outcome, output) = run(&[("main.py", main), ("util.py", util)], DEFAULT_HEAP);
    assert_eq!(outcome, Outcome::Uncaught);
    assert_eq!(
        output,
        "start\nTraceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n  File \"util.py\", line 3, in check\nValueError: negative: -1\n"
    );
}

#[test]
fn exceptions_without_arguments_print_their_name_and_a_colon() {
    // MicroPython's mp_obj_exception_print writes ": " even when there are no arguments.
    let (outcome, output) = run(&[("main.py", "x = 1\n\nraise KeyboardInterrupt\n")], DEFAULT_HEAP);
    assert_eq!(outcome, Outcome::Uncaught);
    assert_eq!(
        output,
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\nKeyboardInterrupt: \n"
    );
}

#[test]
fn sys_exit_sets_the_outcome() {
    let (outcome, output) =
        run(&[("main.py", "import sys\nprint('bye')\nsys.exit(3)\nprint('never')\n")], DEFAULT_HEAP);
    assert_eq!((outcome, output.as_str()), (Outcome::Exit(3), "bye\n"));
    let (outcome, _) = run(&[("main.py", "import sys\nsys.exit()\n")], DEFAULT_HEAP);
    assert_eq!(outcome, Outcome::Finished);
}

#[test]
fn mem_info_draws_the_heap_map() {
    let program = "import micropython\nkeep = [bytearray(40) for i in range(3)]\nmicropython.mem_info(1)\n";
    let (outcome, output) = run(&[("main.py", program)], 8 * 1024);
    assert_eq!(outcome, Outcome::Finished);
    let mut lines = output.lines();
    assert!(lines.next().is_some_and(|line| line.starts_with("stack: ")));
    let totals = lines.next().expect("GC line");
    assert!(totals.starts_with("GC: total: "), "{totals}");
    assert!(lines.next().is_some_and(|line| line.starts_with(" No. of 1-blocks: ")));
    assert!(lines.next().is_some_and(|line| line.starts_with("GC memory layout; from ")));
    let map: Vec<&str> = lines.collect();
    let total_blocks: usize =
        totals["GC: total: ".len()..].split(',').next().and_then(|bytes| bytes.parse::<usize>().ok()).expect("total")
            / 16;
    // An 8 KiB heap whose first line holds everything: that line, the lines
    // of free blocks after it collapsed as MicroPython collapses them (two
    // or more), then the last, partial line of free blocks.
    assert!(map[0].starts_with("00000000: "));
    assert_eq!(map[0].len(), 10 + 64);
    assert!(map[0].contains('L') && map[0].contains('D') && map[0].contains('M'), "{output}");
    let free_lines = (total_blocks - 64) / 64;
    assert!(free_lines >= 2, "{output}");
    assert_eq!(map[1], format!("       ({free_lines} lines all free)"), "{output}");
    assert_eq!(map.len(), 3, "{output}");
    assert!(map[2].starts_with(&format!("{:08x}: ", (1 + free_lines) * 64 * 16)), "{output}");
    assert_eq!(map[2].len() - 10, total_blocks - 64 * (1 + free_lines), "{output}");
    assert!(map[2][10..].bytes().all(|byte| byte == b'.'), "{output}");
    assert!(map[0][10..].bytes().all(|byte| b".h=TLDFBMSA".contains(&byte)), "{output}");
}

#[test]
fn qstr_info_lists_ram_qstrs() {
    let program = "import micropython\nd = {}\nsetattr(type('x', (), {}) if False else d.__class__, 'y', 1) if False else None\nname = 'made_' + 'at_runtime'\nclass C: pass\nsetattr(C, name, 1)\nmicropython.qstr_info(1)\n";
    let (outcome, output) = run(&[("main.py", program)], DEFAULT_HEAP);
    assert_eq!(outcome, Outcome::Finished, "{output}");
    assert!(output.starts_with("qstr pool: n_pool=1, n_qstr=1, "), "{output}");
    assert!(output.ends_with("Q(made_at_runtime)\n"), "{output}");
}

/// A port's own module, registered through `Config::port_modules`, as a
/// board port registers `rp2`: a function, a constant and a computed
/// attribute, found by `import`, with the VM's modules still there.
mod port_module {
    use super::*;
    use rime_vm::builtins::Handler;
    use rime_vm::{NativeModule, Obj, Vm, R};

    fn twice(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        rime_vm::builtins::check_args(vm, args, 1, 1)?;
        let value = vm.to_i64(args[0])?;
        vm.new_int(value * 2)
    }

    fn computed(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
        Ok((vm.qstr_bytes(name) == b"heap_blocks").then(|| Obj::small(vm.heap.block_count() as i32)))
    }

    static FUNCTIONS: &[(&str, Handler)] = &[("twice", twice)];
    static MODULE: NativeModule = NativeModule {
        name: "board_extras",
        functions: FUNCTIONS,
        constants: &[("LEDS", Obj::small(3))],
        attr: Some(computed),
    };
    static PORT_MODULES: &[&NativeModule] = &[&MODULE];

    #[test]
    fn a_port_registers_a_module_of_its_own() {
        let main =
            "import board_extras, math\nprint(board_extras.__name__, board_extras.twice(21), board_extras.LEDS)\n\
                    print(board_extras.heap_blocks > 0, math.sqrt(16))\ntry:\n    board_extras.missing\n\
                    except AttributeError as e:\n    print('AttributeError')\n";
        let image = freeze_sources(&[("main.py", main.as_bytes())]).expect("freezes");
        let mut port = HostPort::new(true);
        let config = Config { port_modules: PORT_MODULES, ..Config::host() };
        let outcome = run_image(&image, DEFAULT_HEAP, config, &mut port).expect("runs");
        let output = String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8");
        assert_eq!(outcome, Outcome::Finished, "{output}");
        assert_eq!(output, "board_extras 42 3\nTrue 4.0\nAttributeError\n");
        // Without the port's list the module does not exist.
        let mut port = HostPort::new(true);
        let outcome = run_image(&image, DEFAULT_HEAP, Config::host(), &mut port).expect("runs");
        assert_eq!(outcome, Outcome::Uncaught);
    }
}

/// The host's `rp2.bootsel_button()` reads the simulated machine's button,
/// which the jig's GP20 presses: the emulated Pico's program prints the same.
#[test]
fn the_hosts_bootsel_button_follows_the_jig() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pico");
    let source = std::fs::read(root.join("bootsel_button.py")).expect("the program");
    let expected = std::fs::read_to_string(root.join("bootsel_button.py.exp")).expect("its output");
    let image = freeze_sources(&[("main.py", &source)]).expect("freezes");
    let mut port = HostPort::new(true);
    let config = Config { port_modules: rime_host::rp2_module::PORT_MODULES, ..Config::host() };
    let outcome = run_image(&image, DEFAULT_HEAP, config, &mut port).expect("runs");
    let output = String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8");
    assert_eq!((outcome, output.as_str()), (Outcome::Finished, expected.as_str()));
}

/// The dispatch loop polls the port between bytecodes: a console whose
/// interrupt character arrives while a loop runs stops the loop with
/// `KeyboardInterrupt`, which the program can catch. The console here is a
/// test double of the serial line (a true hardware boundary): it reports the
/// character after a number of polls.
mod keyboard_interrupt {
    use super::*;
    use rime_vm::{ImageView, Port, Vm};

    struct InterruptingConsole {
        output: Vec<u8>,
        polls_left: u32,
        interrupted: bool,
    }

    impl Port for InterruptingConsole {
        fn write_stdout(&mut self, bytes: &[u8]) {
            self.output.extend_from_slice(bytes);
        }
        fn pending_interrupt(&mut self) -> bool {
            self.polls_left = self.polls_left.saturating_sub(1);
            self.polls_left == 0 && !self.interrupted
        }
        fn take_interrupt(&mut self) -> bool {
            let take = self.polls_left == 0 && !self.interrupted;
            self.interrupted |= take;
            take
        }
    }

    fn run_interrupted(source: &str) -> (Outcome, String) {
        let image = freeze_sources(&[("main.py", source.as_bytes())]).expect("freezes");
        let mut heap = vec![0u8; DEFAULT_HEAP];
        let mut port = InterruptingConsole { output: Vec::new(), polls_left: 1000, interrupted: false };
        let outcome = {
            let view = ImageView::new(&image, rime_vm::abi().abi_id).expect("valid image");
            let mut vm = Vm::new(&mut heap, view, &mut port, Config::host()).expect("starts");
            vm.run_main_module()
        };
        (outcome, String::from_utf8(port.output).expect("utf-8"))
    }

    #[test]
    fn an_endless_loop_is_interrupted_and_the_program_may_catch_it() {
        let source =
            "n = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print('caught', n > 100)\n\
                      i = 0\nwhile i < 5000:\n    i += 1\nprint('then ran on', i)\n";
        let (outcome, output) = run_interrupted(source);
        assert_eq!(outcome, Outcome::Finished, "{output}");
        assert_eq!(output, "caught True\nthen ran on 5000\n");
    }

    #[test]
    fn an_uncaught_interrupt_ends_the_program_with_a_traceback() {
        let (outcome, output) = run_interrupted("def spin():\n    for i in range(10 ** 9):\n        pass\n\nspin()\n");
        assert_eq!(outcome, Outcome::Uncaught);
        assert!(output.ends_with("KeyboardInterrupt: \n"), "{output}");
        assert!(output.contains(", in spin\n"), "{output}");
    }
}
