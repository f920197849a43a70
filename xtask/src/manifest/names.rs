//! Frozen names: module targets, import names, resource names, and the small
//! value formats the manifest uses (heap sizes, Python string literals).
//!
//! A module's *target* is the path it gets inside the frozen namespace, as
//! MicroPython derives it (spec §1.4): a `/`-separated relative path that keeps
//! its `.py` or `.mpy` extension, e.g. `asyncio/core.py`. It must be importable:
//! every part is an ASCII Python identifier that is not a keyword, because a
//! file that `import` cannot name is a silent mistake in MicroPython.
//! Two targets that differ only in extension (`a.py`, `a.mpy`) name the same
//! module, so duplicates are found by `import_key`.

/// Python's keywords, which cannot be module or package names.
const PYTHON_KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Checks a module target such as `pkg/mod.py`; the error says what is wrong.
pub fn check_module_target(target: &str) -> Result<(), String> {
    if !target.is_ascii() {
        return Err(format!("module name `{target}` has non-ASCII characters"));
    }
    let Some(stem) = target.strip_suffix(".py").or_else(|| target.strip_suffix(".mpy")) else {
        return Err(format!("module name `{target}` does not end in `.py` or `.mpy`"));
    };
    for part in stem.split('/') {
        if part.is_empty() {
            return Err(format!("module name `{target}` has an empty path part"));
        }
        if !is_identifier(part) {
            return Err(format!("module name `{target}` is not importable: `{part}` is not a Python identifier"));
        }
        if PYTHON_KEYWORDS.contains(&part) {
            return Err(format!("module name `{target}` is not importable: `{part}` is a Python keyword"));
        }
    }
    Ok(())
}

/// Whether `text` is an ASCII Python identifier.
pub fn is_identifier(text: &str) -> bool {
    let mut characters = text.chars();
    characters.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && characters.all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// The target without its extension: `a/b.py` and `a/b.mpy` both give `a/b`.
pub fn import_key(target: &str) -> &str {
    target.strip_suffix(".py").or_else(|| target.strip_suffix(".mpy")).unwrap_or(target)
}

/// The dotted import name: `a/b.py` → `a.b`, `a/__init__.py` → `a`.
pub fn import_name(target: &str) -> String {
    let key = import_key(target);
    let key = key.strip_suffix("/__init__").unwrap_or(key);
    key.replace('/', ".")
}

/// Checks the name a resource gets in flash: ASCII, `/`-separated, no empty,
/// `.` or `..` parts.
pub fn check_resource_name(name: &str) -> Result<(), String> {
    if !name.is_ascii() || name.chars().any(|character| character.is_ascii_control()) {
        return Err(format!("resource name `{name}` must be printable ASCII"));
    }
    if name.split('/').any(|part| part.is_empty() || part == "." || part == "..") {
        return Err(format!("resource name `{name}` has an empty, `.` or `..` path part"));
    }
    Ok(())
}

/// Parses a heap size: an integer number of bytes, or a string of digits with
/// an optional `K` (×1024) or `M` (×1024×1024) suffix.
pub fn parse_heap_size(value: &toml::Value) -> Result<u32, String> {
    const EXPECTED: &str = "heap must be a number of bytes or a size like \"192K\"";
    let bytes: i64 = match value {
        toml::Value::Integer(bytes) => *bytes,
        toml::Value::String(text) => {
            let trimmed = text.trim();
            let (digits, multiplier) = if let Some(digits) = trimmed.strip_suffix(['K', 'k']) {
                (digits, 1024)
            } else if let Some(digits) = trimmed.strip_suffix(['M', 'm']) {
                (digits, 1024 * 1024)
            } else {
                (trimmed, 1)
            };
            if digits.is_empty() || !digits.chars().all(|character| character.is_ascii_digit()) {
                return Err(EXPECTED.to_string());
            }
            digits.parse::<i64>().map_err(|_| EXPECTED.to_string())?.saturating_mul(multiplier)
        }
        _ => return Err(EXPECTED.to_string()),
    };
    if bytes <= 0 {
        return Err("heap must be larger than 0".to_string());
    }
    u32::try_from(bytes).map_err(|_| "heap must be smaller than 4G".to_string())
}

/// A byte count the way a person writes it: `192K`, `1M`, or plain bytes.
// The workspace's rust-version (1.85) predates `u32::is_multiple_of`.
#[allow(clippy::manual_is_multiple_of)]
pub fn format_size(bytes: u32) -> String {
    if bytes % (1024 * 1024) == 0 {
        format!("{}M", bytes / (1024 * 1024))
    } else if bytes % 1024 == 0 {
        format!("{}K", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Python's `repr()` of a string, which MicroPython uses to write `__version__`.
pub fn python_string_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            character if character == quote => {
                out.push('\\');
                out.push(character);
            }
            character if (character as u32) < 0x20 || character as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", character as u32))
            }
            character => out.push(character),
        }
    }
    out.push(quote);
    out
}

/// The source bytes MicroPython compiles for a `.py` of a package with
/// `version`: the file, plus `__version__ = '<version>'` appended unless the
/// text already contains `__version__ =` (spec §1.6).
pub fn with_version_injected(source: Vec<u8>, version: Option<&str>) -> Vec<u8> {
    let Some(version) = version else {
        return source;
    };
    if source.windows(b"__version__ =".len()).any(|window| window == b"__version__ =") {
        return source;
    }
    let mut out = source;
    out.extend_from_slice(format!("\n\n__version__ = {}\n", python_string_repr(version)).as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_targets() {
        assert_eq!(check_module_target("asyncio/core.py"), Ok(()));
        assert_eq!(check_module_target("_boot.mpy"), Ok(()));
        assert!(check_module_target("my-module.py").is_err());
        assert!(check_module_target("café.py").is_err());
        assert!(check_module_target("class/x.py").is_err());
        assert!(check_module_target("a//b.py").is_err());
        assert_eq!(import_name("a/__init__.py"), "a");
        assert_eq!(import_name("a/b.mpy"), "a.b");
    }

    #[test]
    fn heap_sizes() {
        assert_eq!(parse_heap_size(&toml::Value::String("192K".to_string())), Ok(192 * 1024));
        assert_eq!(parse_heap_size(&toml::Value::String("1M".to_string())), Ok(1024 * 1024));
        assert_eq!(parse_heap_size(&toml::Value::Integer(4096)), Ok(4096));
        assert!(parse_heap_size(&toml::Value::String("12Q".to_string())).is_err());
        assert!(parse_heap_size(&toml::Value::Integer(-1)).is_err());
        assert_eq!(format_size(200 * 1024), "200K");
    }

    #[test]
    fn version_injection_matches_micropython() {
        assert_eq!(
            with_version_injected(b"x = 1\n".to_vec(), Some("0.5.0")),
            b"x = 1\n\n\n__version__ = '0.5.0'\n".to_vec()
        );
        assert_eq!(with_version_injected(b"__version__ = '1'\n".to_vec(), Some("2")), b"__version__ = '1'\n".to_vec());
        assert_eq!(python_string_repr("it's"), "\"it's\"");
    }
}
