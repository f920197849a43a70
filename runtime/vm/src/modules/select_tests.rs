//! `select.poll` on `sys.stdin` over a console whose input is scripted:
//! a waiting byte makes the console readable without being consumed (the
//! VM keeps it for the next read, `Vm::stdin_waiting`), reads take it, and
//! a poll with a timeout over an empty console ends when the clock passes it.

extern crate std;

use std::collections::VecDeque;
use std::string::String;
use std::vec::Vec;

use crate::compile::CompileMode;
use crate::image::ImageView;
use crate::port::{Config, Port};
use crate::vm::Vm;

/// A console with scripted input and a clock that advances as it sleeps.
struct Console {
    input: VecDeque<u8>,
    output: Vec<u8>,
    now_us: u64,
}

impl Port for Console {
    fn write_stdout(&mut self, bytes: &[u8]) {
        self.output.extend_from_slice(bytes);
    }

    fn read_stdin_byte(&mut self) -> Option<u8> {
        self.input.pop_front()
    }

    fn ticks_ms(&mut self) -> u32 {
        (self.now_us / 1000) as u32
    }

    fn ticks_us(&mut self) -> u32 {
        self.now_us as u32
    }

    fn sleep_us(&mut self, us: u64) {
        self.now_us += us;
    }
}

/// Runs `source` with `input` waiting on the console; what it printed.
fn run_with_input(source: &str, input: &[u8], stress: bool) -> String {
    let mut heap = std::vec![0u8; 64 * 1024];
    let mut console = Console { input: input.iter().copied().collect(), output: Vec::new(), now_us: 0 };
    {
        let config = Config { gc_stress: stress, ..Config::host() };
        let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut console, config).unwrap_or_else(|_| panic!("starts"));
        let globals = vm.new_dict(4).unwrap_or_else(|_| panic!("dict"));
        vm.push_root(globals).unwrap_or_else(|_| panic!("root"));
        let code =
            vm.compile_source(source.as_bytes(), "<test>", CompileMode::Exec).unwrap_or_else(|_| panic!("compiles"));
        vm.push_root(code).unwrap_or_else(|_| panic!("root"));
        if vm.run_code(code, globals, globals).is_err() {
            panic!("the program raised");
        }
    }
    String::from_utf8(console.output).unwrap_or_default()
}

#[test]
fn waiting_console_input_is_readable_and_stays_for_the_read() {
    let source = "import select, sys\n\
        p = select.poll()\n\
        p.register(sys.stdin, select.POLLIN)\n\
        print(p.poll(0) == [(sys.stdin, select.POLLIN)], p.poll(0) == [(sys.stdin, select.POLLIN)])\n\
        print(repr(sys.stdin.read(1)))\n\
        print(len(p.poll(0)), repr(sys.stdin.readline()))\n\
        print(p.poll(0), p.poll(250))\n\
        p.modify(sys.stdin, select.POLLIN | select.POLLOUT)\n\
        print(p.poll(0) == [(sys.stdin, select.POLLOUT)])\n\
        print(select.select([sys.stdin], [], [], 0.1))\n";
    for stress in [false, true] {
        assert_eq!(
            run_with_input(source, b"k\n", stress),
            "True True\n'k'\n1 '\\n'\n[] []\nTrue\n([], [], [])\n",
            "gc stress: {stress}"
        );
    }
}
