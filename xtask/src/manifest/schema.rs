//! The `manifest.toml` schema: serde types that mirror the file exactly.
//!
//! Every table denies unknown keys, and every value that an error may need to
//! point at is wrapped in `toml::Spanned`, so the resolver can report the
//! exact line and column. The types only describe the file; what the entries
//! mean (paths, variables, module names) is the resolver's business.
//!
//! Entries of different kinds (`[[module]]`, `[[package]]`, `[[include]]`, …)
//! are kept in separate vectors by serde; `Entry::all_in_file_order` merges
//! them back into the order they appear in the file, which is the order the
//! resolver processes them in.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

/// A whole `manifest.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestDocument {
    /// Default optimisation level (0–3) for this file's entries.
    pub opt: Option<Spanned<i64>>,
    /// Strings to place in flash ahead of time.
    #[serde(default)]
    pub qstrs: Vec<Spanned<String>>,
    /// The package's metadata; `version` becomes `__version__`.
    pub metadata: Option<Spanned<Metadata>>,
    /// User-defined path variables with their default values.
    #[serde(default)]
    pub vars: BTreeMap<String, Spanned<String>>,
    /// The options this manifest accepts from `include`/`require`, with defaults.
    #[serde(default)]
    pub options: BTreeMap<String, Spanned<toml::Value>>,
    /// The image's main module and heap size.
    pub image: Option<Image>,
    #[serde(default)]
    pub include: Vec<Spanned<Include>>,
    #[serde(default)]
    pub require: Vec<Spanned<Require>>,
    #[serde(default)]
    pub library: Vec<Spanned<Library>>,
    #[serde(default)]
    pub module: Vec<Spanned<Module>>,
    #[serde(default)]
    pub package: Vec<Spanned<Package>>,
    #[serde(default)]
    pub freeze: Vec<Spanned<Freeze>>,
    #[serde(default)]
    pub resources: Vec<Spanned<Resources>>,
}

/// `[metadata]`, like MicroPython's `metadata()`. Only `version` changes the
/// frozen modules; the other fields are checked and kept for packaging.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub name: Option<Spanned<String>>,
    pub version: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub license: Option<Spanned<String>>,
    pub author: Option<Spanned<String>>,
}

/// `[image]`: settings of the whole firmware image.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// The module run at boot, as an import name (`app.main`).
    pub main: Option<Spanned<String>>,
    /// Heap size: a number of bytes or a string like `"192K"`.
    pub heap: Option<Spanned<toml::Value>>,
}

/// `[[include]]`: another manifest file, or a directory holding `manifest.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Include {
    pub path: Spanned<String>,
    pub options: Option<Spanned<BTreeMap<String, toml::Value>>>,
    pub when: Option<Spanned<String>>,
}

/// `[[require]]`: a package by name from the registered libraries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Require {
    pub name: Spanned<String>,
    pub library: Option<Spanned<String>>,
    pub options: Option<Spanned<BTreeMap<String, toml::Value>>>,
    pub when: Option<Spanned<String>>,
}

/// `[[library]]`: registers a folder of packages for `require`, like `add_library`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub name: Spanned<String>,
    pub path: Spanned<String>,
    #[serde(default)]
    pub prepend: bool,
}

/// `[[module]]`: one `.py` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub path: Spanned<String>,
    pub base_path: Option<Spanned<String>>,
    pub opt: Option<Spanned<i64>>,
    pub source: Option<Spanned<bool>>,
    pub when: Option<Spanned<String>>,
}

/// `[[package]]`: a directory of `.py` files, walked recursively or listed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub path: Spanned<String>,
    pub base_path: Option<Spanned<String>>,
    pub files: Option<Spanned<Vec<Spanned<String>>>>,
    pub opt: Option<Spanned<i64>>,
    pub source: Option<Spanned<bool>>,
    pub when: Option<Spanned<String>>,
}

/// What `[[freeze]]` picks up and how it freezes it.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FreezeKind {
    /// `.py` compiled, `.mpy` frozen as they are (`freeze()`).
    Auto,
    /// Only `.py`, compiled (`freeze_as_mpy()`).
    Py,
    /// Only `.mpy`, frozen as they are (`freeze_mpy()`).
    Mpy,
    /// Only `.py`, frozen as source and compiled on import (`freeze_as_str()`).
    Source,
}

/// `[[freeze]]`: a directory tree, or chosen scripts inside it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Freeze {
    pub path: Spanned<String>,
    pub script: Option<Spanned<Scripts>>,
    pub kind: Option<Spanned<FreezeKind>>,
    pub opt: Option<Spanned<i64>>,
    pub when: Option<Spanned<String>>,
}

/// `[[resources]]`: non-Python files frozen into flash.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    pub path: Spanned<String>,
    pub prefix: Option<Spanned<String>>,
    pub when: Option<Spanned<String>>,
}

/// `script = "a.py"` or `script = ["a.py", "b.mpy"]`.
#[derive(Debug)]
pub struct Scripts(pub Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for Scripts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scripts, D::Error> {
        deserializer.deserialize_any(ScriptsVisitor)
    }
}

struct ScriptsVisitor;

impl<'de> Visitor<'de> for ScriptsVisitor {
    type Value = Scripts;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string or an array of strings")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Scripts, E> {
        // A single string has no span of its own here; the caller uses the span of `script`.
        Ok(Scripts(vec![Spanned::new(0..0, value.to_string())]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scripts, A::Error> {
        let mut scripts = Vec::new();
        while let Some(script) = seq.next_element::<Spanned<String>>()? {
            scripts.push(script);
        }
        Ok(Scripts(scripts))
    }
}

/// One entry of any kind, borrowed from a document, for processing in file order.
#[derive(Debug)]
pub enum Entry<'a> {
    Include(&'a Spanned<Include>),
    Require(&'a Spanned<Require>),
    Module(&'a Spanned<Module>),
    Package(&'a Spanned<Package>),
    Freeze(&'a Spanned<Freeze>),
    Resources(&'a Spanned<Resources>),
}

impl Entry<'_> {
    fn start(&self) -> usize {
        match self {
            Entry::Include(entry) => entry.span().start,
            Entry::Require(entry) => entry.span().start,
            Entry::Module(entry) => entry.span().start,
            Entry::Package(entry) => entry.span().start,
            Entry::Freeze(entry) => entry.span().start,
            Entry::Resources(entry) => entry.span().start,
        }
    }

    /// The entry's `when` condition, if any.
    pub fn when(&self) -> Option<&Spanned<String>> {
        match self {
            Entry::Include(entry) => entry.get_ref().when.as_ref(),
            Entry::Require(entry) => entry.get_ref().when.as_ref(),
            Entry::Module(entry) => entry.get_ref().when.as_ref(),
            Entry::Package(entry) => entry.get_ref().when.as_ref(),
            Entry::Freeze(entry) => entry.get_ref().when.as_ref(),
            Entry::Resources(entry) => entry.get_ref().when.as_ref(),
        }
    }

    /// All entries of `document`, in the order they appear in the file.
    pub fn all_in_file_order(document: &ManifestDocument) -> Vec<Entry<'_>> {
        let mut entries: Vec<Entry<'_>> = Vec::new();
        entries.extend(document.include.iter().map(Entry::Include));
        entries.extend(document.require.iter().map(Entry::Require));
        entries.extend(document.module.iter().map(Entry::Module));
        entries.extend(document.package.iter().map(Entry::Package));
        entries.extend(document.freeze.iter().map(Entry::Freeze));
        entries.extend(document.resources.iter().map(Entry::Resources));
        entries.sort_by_key(Entry::start);
        entries
    }
}
