//! File helpers shared by every command: reading with the path in the
//! error, and writing atomically.
//!
//! Everything xtask writes for another tool or a later run (images, firmware
//! files, reports, cache entries, converted manifests, `.mpy` files) goes
//! through [`write_atomically`]: the bytes go to a temporary file in the same
//! folder, which is renamed over the target, so a reader (a flasher, a
//! concurrent freeze, an editor) sees the old file or the new one, never
//! half of one. Errors name the file, so commands can pass them on with `?`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename (creating the folder when needed). On failure the temporary file
/// is removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let written =
        std::fs::write(&temporary, bytes).with_context(|| format!("writing {}", temporary.display())).and_then(|()| {
            std::fs::rename(&temporary, path)
                .with_context(|| format!("renaming {} to {}", temporary.display(), path.display()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Reads the whole file at `path`; the error names it.
pub fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Copies the file `from` to `to`, atomically at `to`, and returns its bytes.
pub fn copy(from: &Path, to: &Path) -> anyhow::Result<Vec<u8>> {
    let bytes = read(from)?;
    write_atomically(to, &bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_file_whole_and_leave_no_temporary() {
        let dir = std::env::temp_dir().join(format!("rime-files-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let target = dir.join("deep/out.bin");
        write_atomically(&target, b"first").unwrap();
        write_atomically(&target, b"second").unwrap();
        assert_eq!(read(&target).unwrap(), b"second");
        let copied = dir.join("copy.bin");
        assert_eq!(copy(&target, &copied).unwrap(), b"second");
        assert_eq!(read(&copied).unwrap(), b"second");
        let names: Vec<String> = std::fs::read_dir(dir.join("deep"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out.bin"], "no temporary file is left behind");
        // A target that is a folder cannot be replaced: an error naming it.
        let error = write_atomically(&dir.join("deep"), b"x").unwrap_err();
        assert!(format!("{error:#}").contains("deep"), "{error:#}");
        assert!(read(&dir.join("missing")).unwrap_err().to_string().contains("missing"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
