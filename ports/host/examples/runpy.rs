//! Freezes one `.py` file in memory and runs it: `cargo run -p rime-host --example runpy FILE.py [--gc-stress]`.

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE.py");
    let stress = args.any(|arg| arg == "--gc-stress");
    let source = std::fs::read(&path)?;
    let image = rime_host::freeze_sources(&[("main.py", &source)])?;
    let mut port = rime_host::HostPort::new(false);
    let config = rime_vm::Config { gc_stress: stress, ..rime_vm::Config::host() };
    let outcome = rime_host::run_image(&image, rime_host::DEFAULT_HEAP, config, &mut port)?;
    eprintln!("outcome: {outcome:?}");
    Ok(())
}
