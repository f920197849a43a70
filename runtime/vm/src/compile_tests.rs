//! Tests of the compiler on the board through its Rust API
//! (`Vm::compile_source`, `Vm::run_code`): results, printing in `single`
//! mode, compile errors as exception values, and heap use, in normal and in
//! GC stress mode.

extern crate std;

use std::string::String;
use std::vec::Vec;

use crate::compile::CompileMode;
use crate::image::ImageView;
use crate::obj::{Obj, TypeId};
use crate::port::{Config, Port};
use crate::vm::Vm;

/// A port that keeps what is written to stdout.
struct CapturePort(Vec<u8>);

impl Port for CapturePort {
    fn write_stdout(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// Runs `test` on a fresh VM with a 64 KiB heap; returns what it printed.
fn with_vm(stress: bool, test: impl FnOnce(&mut Vm<'_>)) -> String {
    let mut heap = std::vec![0u8; 64 * 1024];
    let mut port = CapturePort(Vec::new());
    let config = Config { gc_stress: stress, ..Config::host() };
    {
        let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut port, config).unwrap_or_else(|_| panic!("starts"));
        test(&mut vm);
    }
    String::from_utf8(port.0).unwrap_or_default()
}

fn run(vm: &mut Vm<'_>, source: &str, mode: CompileMode, globals: Obj) -> Result<Obj, Obj> {
    let code = vm.compile_source(source.as_bytes(), "<test>", mode).map_err(|_| vm.exc)?;
    vm.with_roots(&[code], |vm| vm.run_code(code, globals, globals)).map_err(|_| vm.exc)
}

#[test]
fn eval_returns_the_value_and_exec_shares_globals() {
    for stress in [false, true] {
        with_vm(stress, |vm| {
            let globals = vm.new_dict(4).unwrap_or_else(|_| panic!("dict"));
            vm.push_root(globals).unwrap_or_else(|_| panic!("root"));
            let none = run(vm, "def f(n):\n    return [n * i for i in range(4)]\nx = f(3)", CompileMode::Exec, globals);
            assert_eq!(none, Ok(Obj::NONE));
            let total = run(vm, "sum(x) + len('a str longer than a qstr constant')", CompileMode::Eval, globals);
            assert_eq!(total, Ok(Obj::small(18 + 33)));
        });
    }
}

#[test]
fn single_mode_prints_expression_statements_as_the_repl() {
    let printed = with_vm(false, |vm| {
        let globals = vm.new_dict(4).unwrap_or_else(|_| panic!("dict"));
        vm.push_root(globals).unwrap_or_else(|_| panic!("root"));
        for line in ["1 + 1", "None", "x = 'a'", "x", "for i in range(2): i * 10\n"] {
            assert!(run(vm, line, CompileMode::Single, globals).is_ok(), "{line}");
        }
    });
    assert_eq!(printed, "2\n'a'\n0\n10\n");
}

#[test]
fn compile_errors_are_syntax_error_values_with_file_and_line() {
    with_vm(false, |vm| {
        let globals = vm.new_dict(4).unwrap_or_else(|_| panic!("dict"));
        vm.push_root(globals).unwrap_or_else(|_| panic!("root"));
        let exc = run(vm, "x = 1\ny = (2 +\n", CompileMode::Exec, globals).err().unwrap_or(Obj::NULL);
        assert_eq!(vm.native_type(exc), TypeId::SyntaxError);
        let traceback = vm.get(exc, 2);
        assert_eq!(vm.list_len(traceback), 3);
        assert_eq!(vm.str_bytes(vm.list_item(traceback, 0)), b"<test>");
        assert_eq!(vm.list_item(traceback, 1), Obj::small(3));
        let exc = run(vm, "if 1:\n  a = 1\n    b = 2\n", CompileMode::Exec, globals).err().unwrap_or(Obj::NULL);
        assert_eq!(vm.native_type(exc), TypeId::IndentationError);
        let exc = run(vm, "x = 1", CompileMode::Eval, globals).err().unwrap_or(Obj::NULL);
        assert_eq!(vm.native_type(exc), TypeId::SyntaxError);
    });
}

#[test]
fn code_is_freed_by_the_collector_and_the_heap_cost_is_small() {
    with_vm(false, |vm| {
        let globals = vm.new_dict(4).unwrap_or_else(|_| panic!("dict"));
        vm.push_root(globals).unwrap_or_else(|_| panic!("root"));
        // Warm up (RAM qstrs for the names, the dict's table), then measure.
        let source = "def f(a, b):\n    return a * b + 1\nr = f(6, 7)";
        assert!(run(vm, source, CompileMode::Exec, globals).is_ok());
        vm.collect();
        let before = vm.heap.stats().used_blocks;
        let code = vm.compile_source(source.as_bytes(), "<test>", CompileMode::Exec).unwrap_or(Obj::NULL);
        let code_blocks = vm.heap.stats().used_blocks - before;
        // Code object, unit tuple, qstr and object tables, two raw codes.
        assert!((4..=12).contains(&code_blocks), "{code_blocks} blocks");
        let result = vm.with_roots(&[code], |vm| vm.run_code(code, globals, globals));
        assert_eq!(result, Ok(Obj::NONE));
        for _ in 0..200 {
            assert!(run(vm, source, CompileMode::Exec, globals).is_ok());
        }
        vm.collect();
        // Only the last `f` (and its raw code) stays reachable.
        let after = vm.heap.stats().used_blocks;
        assert!(after <= before + 4, "{before} blocks before, {after} after");
    });
}
