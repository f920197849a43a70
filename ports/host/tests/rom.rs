//! The read-only volume at `/rom` on the host: the image's resources read
//! in place. `tests/fs/rom/files` is frozen as resources with a program:
//! `program.py` must print MicroPython's own output (`program.py.exp`, made
//! by `tests/fs/rom/expected.sh` with MicroPython's VfsRom), `readonly.py`
//! beside a littlefs volume at `/` its hand-checked output, both also under
//! GC stress; a `memoryview` of a resource must point into the image bytes
//! and cost no heap for the resource's bytes; and an image without
//! resources has no `/rom`.

use std::path::{Path, PathBuf};

use rime_host::fs_image::run_image_with_filesystem;
use rime_host::{HostPort, DEFAULT_HEAP};
use rime_vm::{Config, ImageView, Outcome};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fs/rom")
}

/// Every file below `dir`, named by its path relative to `relative_to`.
fn files(dir: &Path, relative_to: &Path, found: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, relative_to, found);
        } else {
            let name = path.strip_prefix(relative_to).expect("inside").to_string_lossy().replace('\\', "/");
            found.push((name, std::fs::read(&path).expect("readable file")));
        }
    }
}

/// An image whose main module is `source`, with `resources`.
fn freeze(source: &str, resources: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut builder = rime_bytecode::image::ImageBuilder::new(rime_vm::abi(), "host");
    let compiled = rime_compiler::compile(source.as_bytes(), "main.py", &rime_compiler::CompileOptions::default())
        .expect("compiles");
    builder.module("main.py", compiled);
    builder.main_module("main.py");
    for (name, bytes) in resources {
        builder.resource(name, bytes.clone());
    }
    builder.build().expect("links").bytes
}

fn fixture_resources() -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let root = fixture().join("files");
    files(&root, &root, &mut found);
    found
}

fn run(image: &[u8], gc_stress: bool, fs: Option<&Path>) -> (Outcome, String) {
    let mut port = HostPort::new(true);
    let config = Config { gc_stress, ..Config::host() };
    let outcome = run_image_with_filesystem(image, DEFAULT_HEAP, config, &mut port, fs).expect("runs");
    (outcome, String::from_utf8(port.capture.take().unwrap_or_default()).expect("utf-8"))
}

fn scratch_dir(name: &str) -> PathBuf {
    let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

#[test]
fn program_prints_what_micropython_prints_with_its_romfs() {
    let source = std::fs::read_to_string(fixture().join("program.py")).unwrap();
    let expected = std::fs::read_to_string(fixture().join("program.py.exp")).unwrap();
    let image = freeze(&source, &fixture_resources());
    for gc_stress in [false, true] {
        let (outcome, output) = run(&image, gc_stress, None);
        assert_eq!(outcome, Outcome::Finished, "gc_stress {gc_stress}: {output}");
        assert_eq!(output, expected, "gc_stress {gc_stress}");
    }
}

#[test]
fn changes_are_refused_beside_a_littlefs_volume() {
    let source = std::fs::read_to_string(fixture().join("readonly.py")).unwrap();
    let expected = std::fs::read_to_string(fixture().join("readonly.py.exp")).unwrap();
    let image = freeze(&source, &fixture_resources());
    let directory = scratch_dir("rom-readonly");
    for gc_stress in [false, true] {
        // A fresh littlefs image each time: the program writes /note.txt.
        let fs = directory.join(format!("fs-{gc_stress}.img"));
        let (outcome, output) = run(&image, gc_stress, Some(&fs));
        assert_eq!(outcome, Outcome::Finished, "gc_stress {gc_stress}: {output}");
        assert_eq!(output, expected, "gc_stress {gc_stress}");
    }
}

#[test]
fn a_memoryview_of_a_resource_points_into_the_image_and_copies_nothing() {
    const SIZE: usize = 8192;
    let big: Vec<u8> = (0..SIZE).map(|index| (index * 7 % 251) as u8).collect();
    let program = "\
import gc, uctypes
gc.collect()
before = gc.mem_alloc()
f = open('/rom/big.bin', 'rb')
view = memoryview(f)
total = 0
for index in range(0, len(view), 512):
    total += view[index]
part = view[100:104]
after = gc.mem_alloc()
print(uctypes.addressof(view), uctypes.addressof(part), len(view), len(part), total, after - before)
";
    let image = freeze(program, &[("big.bin".to_string(), big.clone()), ("small.txt".to_string(), b"x".to_vec())]);
    let (outcome, output) = run(&image, false, None);
    assert_eq!(outcome, Outcome::Finished, "{output}");
    let figures: Vec<u64> = output.split_whitespace().map(|figure| figure.parse().expect("a number")).collect();
    let [address, part_address, len, part_len, total, growth] = figures[..] else { panic!("{output}") };
    assert_eq!((len, part_len), (SIZE as u64, 4));
    assert_eq!(total, (0..SIZE).step_by(512).map(|index| u64::from(big[index])).sum::<u64>());
    // The view's address is the resource's place in the image as the VM
    // sees it: the same bytes of the image buffer, not a copy.
    let view = ImageView::new(&image, rime_vm::abi().abi_id).expect("a valid image");
    let index = (0..view.resource_count()).find(|&index| view.resource_data(index).len() == SIZE).expect("big.bin");
    let in_place = view.resource_data(index);
    assert_eq!(in_place, &big[..]);
    let offset = (address as u32 - view.link_address) as usize;
    assert_eq!(image[offset..].as_ptr(), in_place.as_ptr());
    assert_eq!(part_address, address + 100);
    // Opening and viewing cost a few small objects, far from the 8 KiB.
    assert!(growth < 512, "heap grew by {growth} bytes");
}

#[test]
fn an_image_without_resources_has_no_rom_volume() {
    let program = "\
import os
print(os.listdir('/'))
try:
    open('/rom/x')
except OSError as error:
    print(error.errno)
";
    let (outcome, output) = run(&freeze(program, &[]), false, None);
    assert_eq!((outcome, output.as_str()), (Outcome::Finished, "[]\n19\n"));
    let (_, output) =
        run(&freeze("import os\nprint(os.listdir('/'), os.listdir())\n", &fixture_resources()), false, None);
    assert_eq!(output, "['rom'] ['rom']\n");
}
