//! The machine boundary seen from the host port: `machine.Pin` keeps no pin
//! state of its own, so what a program does reaches the port's simulated
//! pins, and what the port's pins do (driven from outside, as a test jig
//! would) is what the program reads. Pin edges armed in the port become
//! events and pending interrupts.

use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::port::{Machine, MachineEvent, PinMode, PinTrigger, Port, Pull};
use rime_vm::{Config, Outcome};

/// Runs `program` on `port`; returns its output.
fn run(port: &mut HostPort, program: &str) -> String {
    let image = freeze_sources(&[("main.py", program.as_bytes())]).expect("freezes");
    let outcome = run_image(&image, DEFAULT_HEAP, Config::default(), port).expect("runs");
    let output = String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8");
    assert_eq!(outcome, Outcome::Finished, "{output}");
    port.capture = Some(Vec::new());
    output
}

#[test]
fn a_program_configures_and_drives_the_ports_pins() {
    let mut port = HostPort::new(true);
    run(&mut port, "from machine import Pin\nPin(5, Pin.OUT, value=1)\nPin('GP7', Pin.IN, Pin.PULL_UP)\n");
    let machine = &mut port.machine;
    let five = machine.pin(5).expect("GPIO5");
    assert_eq!(five.mode(), Some(PinMode::Output));
    assert!(five.read(), "GPIO5 drives high");
    let seven = machine.pin(7).expect("GPIO7");
    assert_eq!((seven.mode(), seven.pull()), (Some(PinMode::Input), Pull::Up));
    assert_eq!(machine.pin(6).expect("GPIO6").mode(), None, "an untouched pin stays unconfigured");
}

#[test]
fn a_program_reads_what_drives_the_ports_pins() {
    let mut port = HostPort::new(true);
    port.machine.drive(9, Some(true)).expect("GPIO9");
    let program = "from machine import Pin\np = Pin(9, Pin.IN, Pin.PULL_DOWN)\nprint(p.value())\n";
    assert_eq!(run(&mut port, program), "1\n", "the outside level wins over the pull resistor");
    port.machine.drive(9, None).expect("GPIO9");
    assert_eq!(run(&mut port, "from machine import Pin\nprint(Pin(9).value())\n"), "0\n", "the pull-down again");
}

#[test]
fn armed_pin_edges_become_pending_events() {
    let mut port = HostPort::new(true);
    port.machine.pin(3).expect("GPIO3").set_irq(PinTrigger::RISING, false).expect("edges can be armed");
    assert!(!port.pending_interrupt());
    run(&mut port, "from machine import Pin\np = Pin(3, Pin.OUT)\np.on()\np.off()\n");
    assert!(port.pending_interrupt(), "the rising edge waits for the VM");
    assert_eq!(port.machine.take_event(), Some(MachineEvent::Pin { pin: 3, trigger: PinTrigger::RISING }));
    assert!(!port.pending_interrupt());
}
