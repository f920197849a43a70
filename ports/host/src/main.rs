//! The host port: a std program that will load a frozen image and run its main
//! module on the VM. Until the runtime core exists it says so and exits with 2,
//! the code every not-yet-available command uses.

fn main() {
    eprintln!("rime-host {}: running frozen images is not available yet (runtime core issue)", rime_vm::VERSION);
    std::process::exit(2);
}
