//! The regular-expression engine behind the `re` module: a compiler from
//! MicroPython's documented pattern subset to a small byte program, and a
//! backtracking matcher over it.
//!
//! The subset is the one MicroPython 1.27 accepts: `.`, `[...]` and `[^...]`
//! (with ranges and the `\d \w \s` classes inside), `^`, `$`, `?`, `*`, `+`
//! and their lazy forms `??`, `*?`, `+?`, `|`, capturing `(...)` and
//! non-capturing `(?:...)` groups, and the escapes `\d \D \s \S \w \W`; any
//! other escaped character stands for itself. Like MicroPython, the engine
//! works on bytes (a non-ASCII character is several bytes), `.` matches any
//! byte (a newline too), `$` matches only at the very end, and a `]` right
//! after `[` closes the class. Counted repetitions `{m,n}` are not part of the
//! subset: `{` is an ordinary character.
//!
//! The program is plain bytes so that the `re` module can keep it in a bytes
//! object on the VM heap. Its first byte is the number of groups (group 0,
//! the whole match, included); the instructions follow, with jump targets
//! relative to the instruction that holds them, so that a compiled piece can
//! be moved when a quantifier or an alternation is put in front of it.
//! Backtracking uses an explicit stack of fixed size: a match that needs more
//! than [`MAX_BACKTRACK`] open choices fails with [`MatchError`] instead of
//! exhausting the machine's stack.

/// The largest program, in bytes.
pub const MAX_PROGRAM: usize = 1024;
/// The most groups a pattern may have, group 0 included.
pub const MAX_GROUPS: usize = 16;
/// The most choice points (and saved captures) a match may keep open.
pub const MAX_BACKTRACK: usize = 384;

const OP_CHAR: u8 = 1;
const OP_ANY: u8 = 2;
const OP_CLASS: u8 = 3;
const OP_NAMED: u8 = 4;
const OP_SPLIT: u8 = 5;
const OP_JMP: u8 = 6;
const OP_SAVE: u8 = 7;
const OP_BOL: u8 = 8;
const OP_EOL: u8 = 9;
const OP_MATCH: u8 = 10;

/// The size of a split instruction: opcode and two 16-bit offsets.
const SPLIT_SIZE: usize = 5;
/// The size of a jump instruction: opcode and one 16-bit offset.
const JMP_SIZE: usize = 3;
/// The deepest nesting of groups.
const MAX_DEPTH: usize = 32;

/// Why a pattern does not compile; MicroPython's two messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// A `)` without its `(`: "error in regex".
    Unbalanced,
    /// Anything else the subset does not accept: "regex too complex".
    TooComplex,
}

/// A match needed more backtracking room than [`MAX_BACKTRACK`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchError;

/// A compiled program: the group count, then the code.
pub struct Program {
    pub bytes: [u8; MAX_PROGRAM],
    pub len: usize,
}

impl Program {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Compiles `pattern` into a program.
pub fn compile(pattern: &[u8]) -> Result<Program, CompileError> {
    let mut compiler = Compiler { pattern, at: 0, program: Program { bytes: [0; MAX_PROGRAM], len: 1 }, groups: 1 };
    compiler.alternation(0)?;
    if compiler.at < pattern.len() {
        return Err(CompileError::Unbalanced);
    }
    compiler.emit(&[OP_MATCH])?;
    compiler.program.bytes[0] = compiler.groups as u8;
    Ok(compiler.program)
}

/// The number of groups of a program, group 0 included.
pub fn group_count(program: &[u8]) -> usize {
    program.first().copied().unwrap_or(1) as usize
}

struct Compiler<'p> {
    pattern: &'p [u8],
    at: usize,
    program: Program,
    groups: usize,
}

impl Compiler<'_> {
    fn peek(&self) -> Option<u8> {
        self.pattern.get(self.at).copied()
    }

    fn emit(&mut self, bytes: &[u8]) -> Result<(), CompileError> {
        let end = self.program.len + bytes.len();
        if end > MAX_PROGRAM {
            return Err(CompileError::TooComplex);
        }
        self.program.bytes[self.program.len..end].copy_from_slice(bytes);
        self.program.len = end;
        Ok(())
    }

    /// Opens `size` bytes of room at `at`, moving the code after it.
    fn insert(&mut self, at: usize, size: usize) -> Result<(), CompileError> {
        let len = self.program.len;
        if len + size > MAX_PROGRAM {
            return Err(CompileError::TooComplex);
        }
        self.program.bytes.copy_within(at..len, at + size);
        self.program.len = len + size;
        Ok(())
    }

    /// Writes a split at `at` whose two targets are relative to `at`.
    fn put_split(&mut self, at: usize, first: isize, second: isize) {
        self.program.bytes[at] = OP_SPLIT;
        self.program.bytes[at + 1..at + 3].copy_from_slice(&(first as i16).to_le_bytes());
        self.program.bytes[at + 3..at + 5].copy_from_slice(&(second as i16).to_le_bytes());
    }

    fn put_jmp(&mut self, at: usize, target: isize) {
        self.program.bytes[at] = OP_JMP;
        self.program.bytes[at + 1..at + 3].copy_from_slice(&(target as i16).to_le_bytes());
    }

    /// `sequence ('|' sequence)*`.
    fn alternation(&mut self, depth: usize) -> Result<(), CompileError> {
        let start = self.program.len;
        self.sequence(depth)?;
        while self.peek() == Some(b'|') {
            self.at += 1;
            self.insert(start, SPLIT_SIZE)?;
            let jump_at = self.program.len;
            self.emit(&[0; JMP_SIZE])?;
            let second = self.program.len;
            self.sequence(depth)?;
            let end = self.program.len;
            self.put_split(start, SPLIT_SIZE as isize, (second - start) as isize);
            self.put_jmp(jump_at, (end - jump_at) as isize);
        }
        Ok(())
    }

    /// Atoms, each with an optional quantifier, up to `|`, `)` or the end.
    fn sequence(&mut self, depth: usize) -> Result<(), CompileError> {
        while let Some(byte) = self.peek() {
            if byte == b'|' || byte == b')' {
                break;
            }
            let atom_start = self.program.len;
            self.atom(byte, depth)?;
            self.quantifier(atom_start)?;
        }
        Ok(())
    }

    fn atom(&mut self, byte: u8, depth: usize) -> Result<(), CompileError> {
        self.at += 1;
        match byte {
            b'(' => self.group(depth),
            b'*' | b'+' | b'?' => Err(CompileError::TooComplex),
            b'.' => self.emit(&[OP_ANY]),
            b'^' => self.emit(&[OP_BOL]),
            b'$' => self.emit(&[OP_EOL]),
            b'[' => self.class(),
            b'\\' => {
                let escaped = self.peek().ok_or(CompileError::TooComplex)?;
                self.at += 1;
                if is_named_class(escaped) {
                    self.emit(&[OP_NAMED, escaped])
                } else {
                    self.emit(&[OP_CHAR, escaped])
                }
            }
            _ => self.emit(&[OP_CHAR, byte]),
        }
    }

    fn group(&mut self, depth: usize) -> Result<(), CompileError> {
        if depth >= MAX_DEPTH {
            return Err(CompileError::TooComplex);
        }
        let capture = if self.peek() == Some(b'?') {
            if self.pattern.get(self.at + 1) != Some(&b':') {
                return Err(CompileError::TooComplex);
            }
            self.at += 2;
            None
        } else {
            if self.groups >= MAX_GROUPS {
                return Err(CompileError::TooComplex);
            }
            self.groups += 1;
            Some(self.groups - 1)
        };
        if let Some(number) = capture {
            self.emit(&[OP_SAVE, (2 * number) as u8])?;
        }
        self.alternation(depth + 1)?;
        if self.peek() != Some(b')') {
            return Err(CompileError::TooComplex);
        }
        self.at += 1;
        if let Some(number) = capture {
            self.emit(&[OP_SAVE, (2 * number + 1) as u8])?;
        }
        Ok(())
    }

    /// `[...]`: the opcode, whether it is negated, the item count, then
    /// three bytes per item: kind (0 a range, 1 a named class), and two bytes.
    fn class(&mut self) -> Result<(), CompileError> {
        let negated = self.peek() == Some(b'^');
        if negated {
            self.at += 1;
        }
        let count_at = self.program.len + 2;
        self.emit(&[OP_CLASS, u8::from(negated), 0])?;
        let mut count = 0u8;
        loop {
            let byte = self.peek().ok_or(CompileError::TooComplex)?;
            self.at += 1;
            if byte == b']' {
                break;
            }
            let low = if byte == b'\\' {
                let escaped = self.peek().ok_or(CompileError::TooComplex)?;
                self.at += 1;
                if is_named_class(escaped) {
                    self.emit(&[1, escaped, 0])?;
                    count = count.checked_add(1).ok_or(CompileError::TooComplex)?;
                    continue;
                }
                escaped
            } else {
                byte
            };
            let mut high = low;
            if self.peek() == Some(b'-') && self.pattern.get(self.at + 1).is_some_and(|&next| next != b']') {
                self.at += 1;
                high = self.pattern[self.at];
                self.at += 1;
                if high == b'\\' {
                    high = self.peek().ok_or(CompileError::TooComplex)?;
                    self.at += 1;
                }
            }
            self.emit(&[0, low, high])?;
            count = count.checked_add(1).ok_or(CompileError::TooComplex)?;
        }
        self.program.bytes[count_at] = count;
        Ok(())
    }

    /// Applies `*`, `+` or `?` (each possibly lazy) to the atom compiled at `atom_start`.
    fn quantifier(&mut self, atom_start: usize) -> Result<(), CompileError> {
        let Some(quantifier @ (b'*' | b'+' | b'?')) = self.peek() else { return Ok(()) };
        self.at += 1;
        let lazy = self.peek() == Some(b'?');
        if lazy {
            self.at += 1;
        }
        let order = |near: isize, far: isize| if lazy { (far, near) } else { (near, far) };
        match quantifier {
            b'*' => {
                self.insert(atom_start, SPLIT_SIZE)?;
                let jump_at = self.program.len;
                self.emit(&[0; JMP_SIZE])?;
                self.put_jmp(jump_at, atom_start as isize - jump_at as isize);
                let end = self.program.len;
                let (first, second) = order(SPLIT_SIZE as isize, (end - atom_start) as isize);
                self.put_split(atom_start, first, second);
            }
            b'+' => {
                let split_at = self.program.len;
                self.emit(&[0; SPLIT_SIZE])?;
                let (first, second) = order(atom_start as isize - split_at as isize, SPLIT_SIZE as isize);
                self.put_split(split_at, first, second);
            }
            _ => {
                self.insert(atom_start, SPLIT_SIZE)?;
                let end = self.program.len;
                let (first, second) = order(SPLIT_SIZE as isize, (end - atom_start) as isize);
                self.put_split(atom_start, first, second);
            }
        }
        if matches!(self.peek(), Some(b'*' | b'+' | b'?')) {
            return Err(CompileError::TooComplex);
        }
        Ok(())
    }
}

fn is_named_class(letter: u8) -> bool {
    matches!(letter, b'd' | b'D' | b'w' | b'W' | b's' | b'S')
}

/// Whether `byte` is in the named class `letter` (`d`, `w`, `s` or their negations).
fn in_named_class(letter: u8, byte: u8) -> bool {
    let positive = match letter.to_ascii_lowercase() {
        b'd' => byte.is_ascii_digit(),
        b'w' => byte.is_ascii_alphanumeric() || byte == b'_',
        _ => matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
    };
    positive == letter.is_ascii_lowercase()
}

fn offset_at(code: &[u8], at: usize) -> isize {
    i16::from_le_bytes([code[at], code[at + 1]]) as isize
}

/// The span of a match: where the whole match starts and ends, and each
/// group's bounds (`-1` for a group that did not take part).
pub type Captures = [i32; 2 * MAX_GROUPS];

/// Tries the program at `start` only. `subject[..end]` is the text; `^`
/// matches at `begin`, `$` at `end`. On success `captures` holds every
/// group's bounds, group 0 included.
pub fn match_at(
    program: &[u8],
    subject: &[u8],
    begin: usize,
    start: usize,
    end: usize,
    captures: &mut Captures,
) -> Result<bool, MatchError> {
    captures.fill(-1);
    let code = program;
    let text = &subject[..end.min(subject.len())];
    let mut stack = [(0u32, 0u32); MAX_BACKTRACK];
    let mut depth = 0usize;
    let mut pc = 1usize;
    let mut sp = start;
    loop {
        let advanced = match code.get(pc).copied().unwrap_or(OP_MATCH) {
            OP_CHAR => {
                let ok = text.get(sp) == Some(&code[pc + 1]);
                pc += 2;
                sp += 1;
                ok
            }
            OP_ANY => {
                let ok = sp < text.len();
                pc += 1;
                sp += 1;
                ok
            }
            OP_NAMED => {
                let ok = text.get(sp).is_some_and(|&byte| in_named_class(code[pc + 1], byte));
                pc += 2;
                sp += 1;
                ok
            }
            OP_CLASS => {
                let negated = code[pc + 1] != 0;
                let count = code[pc + 2] as usize;
                let items = &code[pc + 3..pc + 3 + 3 * count];
                let ok = text.get(sp).is_some_and(|&byte| {
                    let found = items.chunks(3).any(|item| {
                        if item[0] == 1 {
                            in_named_class(item[1], byte)
                        } else {
                            (item[1]..=item[2]).contains(&byte)
                        }
                    });
                    found != negated
                });
                pc += 3 + 3 * count;
                sp += 1;
                ok
            }
            OP_SPLIT => {
                if depth == MAX_BACKTRACK {
                    return Err(MatchError);
                }
                let second = (pc as isize + offset_at(code, pc + 3)) as usize;
                stack[depth] = (second as u32, sp as u32);
                depth += 1;
                pc = (pc as isize + offset_at(code, pc + 1)) as usize;
                true
            }
            OP_JMP => {
                pc = (pc as isize + offset_at(code, pc + 1)) as usize;
                true
            }
            OP_SAVE => {
                if depth == MAX_BACKTRACK {
                    return Err(MatchError);
                }
                let slot = code[pc + 1] as usize;
                stack[depth] = (0x8000_0000 | slot as u32, captures[slot] as u32);
                depth += 1;
                captures[slot] = sp as i32;
                pc += 2;
                true
            }
            OP_BOL => {
                pc += 1;
                sp == begin
            }
            OP_EOL => {
                pc += 1;
                sp == text.len()
            }
            _ => {
                captures[0] = start as i32;
                captures[1] = sp as i32;
                return Ok(true);
            }
        };
        if advanced {
            continue;
        }
        // Backtrack: undo saved captures until the newest open choice.
        loop {
            if depth == 0 {
                return Ok(false);
            }
            depth -= 1;
            let (first, second) = stack[depth];
            if first & 0x8000_0000 != 0 {
                captures[(first & 0xff) as usize] = second as i32;
            } else {
                pc = first as usize;
                sp = second as usize;
                break;
            }
        }
    }
}

/// Tries the program at every position from `start` to `end`; `anchored`
/// tries `start` only (`match` rather than `search`).
pub fn search(
    program: &[u8],
    subject: &[u8],
    begin: usize,
    start: usize,
    end: usize,
    anchored: bool,
    captures: &mut Captures,
) -> Result<bool, MatchError> {
    let end = end.min(subject.len());
    let mut at = start;
    while at <= end {
        if match_at(program, subject, begin, at, end, captures)? {
            return Ok(true);
        }
        if anchored {
            break;
        }
        at += 1;
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pattern: &str, text: &str) -> Option<(i32, i32)> {
        let program = compile(pattern.as_bytes()).expect("pattern compiles");
        let mut captures = [0; 2 * MAX_GROUPS];
        let found = search(program.as_bytes(), text.as_bytes(), 0, 0, text.len(), false, &mut captures).unwrap();
        found.then_some((captures[0], captures[1]))
    }

    #[test]
    fn literals_classes_and_anchors() {
        assert_eq!(find("b+", "abbbc"), Some((1, 4)));
        assert_eq!(find("[a-c]+", "xxcab1"), Some((2, 5)));
        assert_eq!(find(r"\d+$", "ab12"), Some((2, 4)));
        assert_eq!(find("^b", "ab"), None);
        assert_eq!(find("a.c", "a\nc"), Some((0, 3)));
        assert_eq!(find("[^a]", "aab"), Some((2, 3)));
    }

    #[test]
    fn alternation_lazy_and_groups() {
        assert_eq!(find("cat|dog|bird", "a bird"), Some((2, 6)));
        assert_eq!(find("a.*?c", "abcabc"), Some((0, 3)));
        assert_eq!(find("a.*c", "abcabc"), Some((0, 6)));
        let program = compile(b"(a)(?:x)?(b)?").unwrap();
        assert_eq!(group_count(program.as_bytes()), 3);
        let mut captures = [0; 2 * MAX_GROUPS];
        assert!(match_at(program.as_bytes(), b"ac", 0, 0, 2, &mut captures).unwrap());
        assert_eq!(&captures[..6], &[0, 1, 0, 1, -1, -1]);
    }

    #[test]
    fn bad_patterns_and_runaway_matches() {
        assert_eq!(compile(b")").err(), Some(CompileError::Unbalanced));
        assert_eq!(compile(b"(").err(), Some(CompileError::TooComplex));
        assert_eq!(compile(b"*a").err(), Some(CompileError::TooComplex));
        assert_eq!(compile(b"[a").err(), Some(CompileError::TooComplex));
        let program = compile(b"(a*)*b").unwrap();
        let mut captures = [0; 2 * MAX_GROUPS];
        assert_eq!(match_at(program.as_bytes(), b"aac", 0, 0, 3, &mut captures), Err(MatchError));
    }
}
