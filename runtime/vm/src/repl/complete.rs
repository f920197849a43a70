//! Tab completion, as MicroPython's REPL does it: the text before the
//! cursor ends in a dotted chain `a.b.c` (letters, digits, `_` and dots);
//! every complete word is looked up from the REPL's `__main__` (its globals,
//! then the builtins), and the last, partial word is completed against the
//! names that object has. After `import ` the candidates are the native
//! modules. Candidates are tried in qstr order, as MicroPython's are, and
//! names starting with `_` only when the partial word is not empty.
//!
//! One candidate, or several sharing a longer prefix, completes in place;
//! several without one are listed in columns of 16 on lines of at most 64
//! characters, after which the editor draws the prompt and line again.
//! An empty result, and a first word that is a prefix of `import`,
//! completes to `import `.

use crate::obj::Obj;
use crate::vm::{Vm, R};

/// What a tab press found.
pub(crate) enum Completion {
    /// Nothing to complete.
    None,
    /// Insert this many bytes (written to the caller's buffer).
    Insert(usize),
    /// Several matches were listed on the console.
    Listed,
}

const IMPORT: &[u8] = b"import ";

/// The width of a column in the list of matches, and of a line.
const COLUMN_WIDTH: usize = 16;
const LINE_WIDTH: usize = 4 * COLUMN_WIDTH;

/// Where the names of a completion are looked up.
#[derive(Clone, Copy)]
enum Scope {
    /// The REPL's globals and the builtins.
    Main,
    /// The attributes of an object.
    Object(Obj),
    /// The native modules' names.
    Modules,
}

impl Vm<'_> {
    /// Completes the text before the cursor; an insertion is written to `addition`.
    pub(crate) fn repl_complete(&mut self, text: &[u8], addition: &mut [u8]) -> R<Completion> {
        let chain_start = text
            .iter()
            .rposition(|&byte| !(byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'.'))
            .map_or(0, |at| at + 1);
        let chain = &text[chain_start..];
        let (words, partial) = match chain.iter().rposition(|&byte| byte == b'.') {
            Some(at) => (Some(&chain[..at]), &chain[at + 1..]),
            None => (None, chain),
        };
        let mut scope = Scope::Main;
        if let Some(words) = words {
            for word in words.split(|&byte| byte == b'.') {
                let Some(found) = self.complete_lookup(scope, word)? else { return Ok(Completion::None) };
                scope = Scope::Object(found);
            }
        }
        if text.starts_with(IMPORT) {
            scope = Scope::Modules;
        }
        self.root_scope(|vm| {
            if let Scope::Object(obj) = scope {
                vm.push_root(obj)?;
            }
            vm.complete_in(scope, text, chain_start, words.is_none(), partial, addition)
        })
    }

    /// The completion of `partial` among the names of `scope`.
    fn complete_in(
        &mut self,
        scope: Scope,
        text: &[u8],
        chain_start: usize,
        first_word: bool,
        partial: &[u8],
        addition: &mut [u8],
    ) -> R<Completion> {
        let mut first_match = 0u32;
        let mut match_count = 0u32;
        let mut common_len = 0usize;
        for id in 1..self.qstr_end() {
            if !self.complete_candidate(scope, id, partial)? {
                continue;
            }
            match_count += 1;
            if first_match == 0 {
                first_match = id;
                common_len = self.qstr_bytes(id).len();
            } else {
                let first = self.qstr_bytes(first_match);
                let other = self.qstr_bytes(id);
                let shared = first.iter().zip(other).take_while(|(a, b)| a == b).count();
                common_len = common_len.min(shared);
            }
        }
        if match_count == 0 {
            let is_first_word = chain_start == 0 && first_word && text.len() == partial.len();
            if is_first_word && !partial.is_empty() && partial.len() < IMPORT.len() && IMPORT.starts_with(partial) {
                let rest = &IMPORT[partial.len()..];
                addition[..rest.len()].copy_from_slice(rest);
                return Ok(Completion::Insert(rest.len()));
            }
            return Ok(Completion::None);
        }
        if match_count == 1 || common_len > partial.len() {
            let name = self.qstr_bytes(first_match);
            let rest = &name[partial.len()..common_len.max(partial.len())];
            let count = rest.len().min(addition.len());
            addition[..count].copy_from_slice(&rest[..count]);
            return Ok(Completion::Insert(count));
        }
        self.complete_list(scope, partial)?;
        Ok(Completion::Listed)
    }

    /// Lists the matches in columns, each line starting on a new line.
    fn complete_list(&mut self, scope: Scope, partial: &[u8]) -> R<()> {
        let mut line_len = LINE_WIDTH;
        for id in 1..self.qstr_end() {
            if !self.complete_candidate(scope, id, partial)? {
                continue;
            }
            let mut name = [0u8; 64];
            let bytes = self.qstr_bytes(id);
            let len = bytes.len().min(name.len());
            name[..len].copy_from_slice(&bytes[..len]);
            let mut gap = line_len.div_ceil(COLUMN_WIDTH) * COLUMN_WIDTH - line_len;
            if gap < 2 {
                gap += COLUMN_WIDTH;
            }
            if line_len + gap + len <= LINE_WIDTH {
                for _ in 0..gap {
                    self.console_write(b" ");
                }
                line_len += gap + len;
            } else {
                self.console_write(b"\r\n");
                line_len = len;
            }
            self.console_write(&name[..len]);
        }
        self.console_write(b"\r\n");
        Ok(())
    }

    /// Whether qstr `id` starts with `partial` and names something in `scope`.
    fn complete_candidate(&mut self, scope: Scope, id: u32, partial: &[u8]) -> R<bool> {
        let name = self.qstr_bytes(id);
        if name.is_empty() || (partial.is_empty() && name[0] == b'_') || !name.starts_with(partial) {
            return Ok(false);
        }
        if let Scope::Modules = scope {
            let mut copy = [0u8; 64];
            let len = name.len().min(copy.len());
            copy[..len].copy_from_slice(&name[..len]);
            return Ok(self.find_native_module(&copy[..len]).is_some() && !copy.starts_with(b"u"));
        }
        Ok(self.complete_lookup_id(scope, id)?.is_some())
    }

    /// Looks `word` up in `scope`; `None` when it names nothing there.
    fn complete_lookup(&mut self, scope: Scope, word: &[u8]) -> R<Option<Obj>> {
        match self.find_qstr(word) {
            Some(id) => self.complete_lookup_id(scope, id),
            None => Ok(None),
        }
    }

    /// Looks qstr `id` up in `scope`, swallowing any exception the lookup raises.
    fn complete_lookup_id(&mut self, scope: Scope, id: u32) -> R<Option<Obj>> {
        let name = Obj::qstr(id);
        match scope {
            Scope::Main => {
                let globals = self.repl_globals()?;
                if let Some(value) = self.map_get_qstr(globals, name) {
                    return Ok(Some(value));
                }
                Ok(crate::builtins::lookup_builtin(id))
            }
            Scope::Object(obj) => match self.try_load_method(obj, name) {
                Ok(Some((value, _))) => Ok(Some(value)),
                Ok(None) => Ok(None),
                Err(_) => {
                    self.exc = Obj::NULL;
                    Ok(None)
                }
            },
            Scope::Modules => Ok(None),
        }
    }
}
