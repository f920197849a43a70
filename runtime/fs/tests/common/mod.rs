//! Helpers shared by rime-fs's integration tests: a canonical listing of a
//! filesystem (the same text `tests/reference/littlefs-tool.py dump` prints) and the
//! reference Python's location.

#![allow(dead_code)]

use std::path::PathBuf;
use std::pin::Pin;
use std::process::Command;

use rime_fs::{BlockDevice, EntryKind, Filesystem, OpenFlags};
use sha2::{Digest, Sha256};

pub const READ: OpenFlags =
    OpenFlags { read: true, write: false, create: false, exclusive: false, truncate: false, append: false };
pub const WRITE_NEW: OpenFlags =
    OpenFlags { read: false, write: true, create: true, exclusive: false, truncate: true, append: false };
pub const APPEND: OpenFlags =
    OpenFlags { read: false, write: true, create: true, exclusive: false, truncate: false, append: true };

/// Every entry under `/`, sorted: `d PATH` or `f PATH SIZE SHA256`.
pub fn dump<D: BlockDevice>(mut fs: Pin<&mut Filesystem<D>>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(directory) = pending.pop() {
        let mut entries = Vec::new();
        let listed = if directory.is_empty() { "/" } else { directory.as_str() };
        fs.as_mut()
            .read_dir(listed, |entry| {
                entries.push((entry.kind, String::from_utf8(entry.name().to_vec()).unwrap(), entry.size))
            })
            .unwrap();
        for (kind, name, size) in entries {
            let path = format!("{directory}/{name}");
            match kind {
                EntryKind::Directory => {
                    lines.push(format!("d {path}"));
                    pending.push(path);
                }
                EntryKind::File => {
                    let content = read_file(fs.as_mut(), &path);
                    assert_eq!(content.len(), size as usize, "{path}: listed size");
                    lines.push(format!("f {path} {} {:x}", content.len(), Sha256::digest(&content)));
                }
            }
        }
    }
    lines.sort();
    lines
}

pub fn read_file<D: BlockDevice>(mut fs: Pin<&mut Filesystem<D>>, path: &str) -> Vec<u8> {
    let handle = fs.as_mut().open(path, READ).unwrap_or_else(|error| panic!("open {path}: {error}"));
    let mut content = Vec::new();
    let mut chunk = [0u8; 700];
    loop {
        let read = fs.as_mut().read(handle, &mut chunk).unwrap();
        if read == 0 {
            break;
        }
        content.extend_from_slice(&chunk[..read]);
    }
    fs.as_mut().close(handle).unwrap();
    content
}

pub fn write_file<D: BlockDevice>(mut fs: Pin<&mut Filesystem<D>>, path: &str, flags: OpenFlags, content: &[u8]) {
    let handle = fs.as_mut().open(path, flags).unwrap_or_else(|error| panic!("open {path}: {error}"));
    assert_eq!(fs.as_mut().write(handle, content).unwrap(), content.len());
    fs.as_mut().close(handle).unwrap();
}

/// The same bytes as `pattern` in `littlefs-tool.py`.
pub fn pattern(length: usize, seed: usize) -> Vec<u8> {
    (0..length).map(|index| ((index * 7 + seed) % 251) as u8).collect()
}

/// Runs `tests/reference/littlefs-tool.py COMMAND IMAGE [ARG]` with the pinned reference
/// Python (tests/reference/.venv, with littlefs-python from its
/// requirements.txt) and returns its dump.
pub fn littlefs_python(arguments: &[&str]) -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let python = root.join("../../tests/reference/.venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: python3 -m venv tests/reference/.venv && \
         tests/reference/.venv/bin/pip install -r tests/reference/requirements.txt",
        python.display()
    );
    let output = Command::new(python)
        .arg(root.join("../../tests/reference/littlefs-tool.py"))
        .args(arguments)
        .output()
        .expect("running littlefs-tool.py");
    assert!(output.status.success(), "littlefs-tool.py {arguments:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().lines().map(str::to_owned).collect()
}

/// A fresh scratch file path for one test.
pub fn scratch(name: &str) -> PathBuf {
    let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    directory.join(format!("{name}-{}.img", std::process::id()))
}
