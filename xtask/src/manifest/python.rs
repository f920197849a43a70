//! A static reader for MicroPython's `manifest.py`: a small tokenizer and a
//! parser for the one form real manifests use, top-level calls with literal
//! arguments (`module("x.py", opt=3)`). Nothing is executed.
//!
//! Every statement that is not such a call (conditionals, loops, assignments,
//! imports, `options.x`, expressions as arguments) becomes an `Unsupported`
//! item with its position, so the converter can report all of them at once.
//! Comments on their own lines are kept and attached to the next call.

use std::ops::Range;

/// A literal argument value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
    None,
    /// A list or a tuple.
    List(Vec<Spanned>),
}

/// A value with its byte range in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    pub value: Value,
    pub span: Range<usize>,
}

/// One `name=value` argument.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: Spanned,
}

/// One top-level call statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub function: String,
    pub function_span: Range<usize>,
    pub positional: Vec<Spanned>,
    pub keywords: Vec<Keyword>,
    /// Full-line comments just above the call, each with its `#`.
    pub comments: Vec<String>,
}

/// What a `manifest.py` is made of, in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Call(Call),
    /// Something the converter cannot express, with the reason.
    Unsupported {
        message: String,
        span: Range<usize>,
    },
    /// Full-line comments after the last call.
    TrailingComments(Vec<String>),
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Name(String),
    Str(String),
    Int(i64),
    Open(char),
    Close(char),
    Comma,
    Equals,
    DoubleStar,
    Newline,
    /// A comment; `own_line` when nothing but spaces precedes it on its line.
    Comment {
        text: String,
        own_line: bool,
    },
    /// Any other character or literal, with the reason it is not supported.
    Other(String),
}

struct Lexer<'a> {
    text: &'a str,
    position: usize,
    depth: usize,
    tokens: Vec<(Token, Range<usize>)>,
}

impl Lexer<'_> {
    fn peek_char(&self, offset: usize) -> Option<char> {
        self.text[self.position..].chars().nth(offset)
    }

    fn at_line_start(&self, start: usize) -> bool {
        self.text[..start].rsplit('\n').next().is_some_and(|before| before.trim().is_empty())
    }

    fn push(&mut self, token: Token, start: usize) {
        self.tokens.push((token, start..self.position));
    }

    fn run(mut self) -> Vec<(Token, Range<usize>)> {
        while let Some(character) = self.peek_char(0) {
            let start = self.position;
            match character {
                '\n' => {
                    self.position += 1;
                    if self.depth == 0 {
                        self.push(Token::Newline, start);
                    }
                }
                ' ' | '\t' | '\r' | '\x0c' => self.position += 1,
                '\\' if self.peek_char(1) == Some('\n') => self.position += 2,
                '#' => {
                    let end = self.text[start..].find('\n').map_or(self.text.len(), |newline| start + newline);
                    let own_line = self.at_line_start(start);
                    self.position = end;
                    // Comments inside brackets sit between arguments; they are dropped.
                    if self.depth == 0 {
                        let text = self.text[start..end].trim_end().to_string();
                        self.push(Token::Comment { text, own_line }, start);
                    }
                }
                '(' | '[' | '{' => {
                    self.depth += 1;
                    self.position += 1;
                    self.push(Token::Open(character), start);
                }
                ')' | ']' | '}' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.position += 1;
                    self.push(Token::Close(character), start);
                }
                ',' => {
                    self.position += 1;
                    self.push(Token::Comma, start);
                }
                '=' if self.peek_char(1) != Some('=') => {
                    self.position += 1;
                    self.push(Token::Equals, start);
                }
                '*' if self.peek_char(1) == Some('*') => {
                    self.position += 2;
                    self.push(Token::DoubleStar, start);
                }
                '"' | '\'' => self.string(start, ""),
                character if character.is_ascii_digit() => self.number(start),
                character if character.is_alphabetic() || character == '_' => {
                    let length: usize = self.text[start..]
                        .chars()
                        .take_while(|next| next.is_alphanumeric() || *next == '_')
                        .map(char::len_utf8)
                        .sum();
                    let word = &self.text[start..start + length];
                    let prefix = word.to_ascii_lowercase();
                    let next = self.text[start + length..].chars().next();
                    if matches!(next, Some('"' | '\''))
                        && matches!(prefix.as_str(), "r" | "u" | "b" | "f" | "rb" | "br" | "fr" | "rf")
                    {
                        self.position = start + length;
                        self.string(start, &prefix);
                    } else {
                        self.position = start + length;
                        self.push(Token::Name(word.to_string()), start);
                    }
                }
                other => {
                    self.position += other.len_utf8();
                    self.push(Token::Other(format!("`{other}`")), start);
                }
            }
        }
        let end = self.text.len();
        self.tokens.push((Token::Newline, end..end));
        self.tokens
    }

    fn number(&mut self, start: usize) {
        let length: usize = self.text[start..]
            .chars()
            .take_while(|next| next.is_ascii_alphanumeric() || *next == '_' || *next == '.')
            .map(char::len_utf8)
            .sum();
        self.position = start + length;
        let literal = self.text[start..start + length].replace('_', "");
        let parsed = match literal.strip_prefix("0x").or_else(|| literal.strip_prefix("0X")) {
            Some(hex) => i64::from_str_radix(hex, 16).ok(),
            None => literal.parse::<i64>().ok(),
        };
        match parsed {
            Some(number) => self.push(Token::Int(number), start),
            None => self.push(Token::Other(format!("the number `{literal}`")), start),
        }
    }

    /// A string literal starting at `self.position` (after any prefix).
    fn string(&mut self, start: usize, prefix: &str) {
        let quote = self.peek_char(0).unwrap_or('"');
        let triple = self.text[self.position..].starts_with(&quote.to_string().repeat(3));
        let delimiter = if triple { quote.to_string().repeat(3) } else { quote.to_string() };
        self.position += delimiter.len();
        let raw = prefix.contains('r');
        let mut value = String::new();
        let mut closed = false;
        while let Some(character) = self.peek_char(0) {
            if self.text[self.position..].starts_with(&delimiter) {
                self.position += delimiter.len();
                closed = true;
                break;
            }
            if character == '\n' && !triple {
                break;
            }
            self.position += character.len_utf8();
            if character != '\\' {
                value.push(character);
                continue;
            }
            let Some(escaped) = self.peek_char(0) else { break };
            self.position += escaped.len_utf8();
            if raw {
                value.push('\\');
                value.push(escaped);
                continue;
            }
            match escaped {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'r' => value.push('\r'),
                '0' => value.push('\0'),
                '\\' | '\'' | '"' => value.push(escaped),
                '\n' => {}
                'x' => {
                    let hex: String = self.text[self.position..].chars().take(2).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(decoded) if hex.len() == 2 => {
                            value.push(decoded);
                            self.position += 2;
                        }
                        _ => value.push_str("\\x"),
                    }
                }
                other => {
                    value.push('\\');
                    value.push(other);
                }
            }
        }
        if !closed {
            self.push(Token::Other("an unterminated string".to_string()), start);
        } else if prefix.contains('f') {
            self.push(Token::Other("an f-string".to_string()), start);
        } else if prefix.contains('b') {
            self.push(Token::Other("a bytes literal".to_string()), start);
        } else {
            self.push(Token::Str(value), start);
        }
    }
}

/// Reads a `manifest.py` into items, in file order. Never fails: what it
/// cannot read becomes `Item::Unsupported`.
pub fn parse(text: &str) -> Vec<Item> {
    let tokens = Lexer { text, position: 0, depth: 0, tokens: Vec::new() }.run();
    let mut parser = Parser { tokens, index: 0, items: Vec::new(), comments: Vec::new(), skipping_block: false };
    parser.run();
    parser.items
}

struct Parser {
    tokens: Vec<(Token, Range<usize>)>,
    index: usize,
    items: Vec<Item>,
    comments: Vec<String>,
    /// Set after an unsupported statement that opens a block (`if x:`), so
    /// its indented body is not reported line by line.
    skipping_block: bool,
}

impl Parser {
    fn token(&self) -> &Token {
        self.tokens.get(self.index).map_or(&Token::Newline, |(token, _)| token)
    }

    fn span(&self) -> Range<usize> {
        self.tokens.get(self.index).map_or(0..0, |(_, span)| span.clone())
    }

    fn next_token(&self) -> &Token {
        self.tokens.get(self.index + 1).map_or(&Token::Newline, |(token, _)| token)
    }

    fn at_end(&self) -> bool {
        self.index >= self.tokens.len()
    }

    /// Skips to just after the end of the current logical line.
    fn skip_line(&mut self) {
        while !self.at_end() && *self.token() != Token::Newline {
            self.index += 1;
        }
        self.index += 1;
    }

    fn unsupported(&mut self, message: impl Into<String>, span: Range<usize>) {
        self.items.push(Item::Unsupported { message: message.into(), span });
        self.comments.clear();
    }

    fn run(&mut self) {
        while !self.at_end() {
            let (token, span) = (self.token().clone(), self.span());
            let indented = span.start > 0 && self.line_is_indented(span.start);
            match token {
                Token::Newline => self.index += 1,
                Token::Comment { text, own_line } => {
                    if own_line && !self.skipping_block {
                        self.comments.push(text);
                    }
                    self.index += 1;
                }
                _ if indented && self.skipping_block => self.skip_line(),
                Token::Name(name) if *self.next_token() == Token::Open('(') => {
                    self.skipping_block = false;
                    self.call(name, span);
                }
                Token::Str(_) if matches!(self.next_token(), Token::Newline | Token::Comment { .. }) => {
                    // A docstring: nothing to convert.
                    self.skipping_block = false;
                    self.skip_line();
                }
                _ => {
                    let message = self.statement_message(&token);
                    self.unsupported(message, span);
                    self.skip_line();
                    self.skipping_block = true;
                }
            }
        }
        if !self.comments.is_empty() {
            let comments = std::mem::take(&mut self.comments);
            self.items.push(Item::TrailingComments(comments));
        }
    }

    fn line_is_indented(&self, start: usize) -> bool {
        let previous = self.tokens[..self.index].iter().rev().find(|(token, _)| *token == Token::Newline);
        match previous {
            Some((_, newline)) => start > newline.end,
            None => start > 0,
        }
    }

    fn statement_message(&self, token: &Token) -> String {
        match token {
            Token::Name(name) => match name.as_str() {
                "if" | "elif" | "else" => {
                    "conditionals cannot be converted; declare `[options]` and use `when = \"option\"` on entries"
                        .to_string()
                }
                "for" | "while" => "loops cannot be converted; write each entry out".to_string(),
                "import" | "from" => "imports cannot be converted; a manifest.toml has no code".to_string(),
                "def" | "class" | "try" | "with" => {
                    format!("`{name}` blocks cannot be converted; a manifest.toml has no code")
                }
                "options" => {
                    "`options` cannot be converted; declare `[options]` and use `when = \"option\"` on entries"
                        .to_string()
                }
                _ if *self.next_token() == Token::Equals => {
                    format!("the variable `{name}` cannot be converted; write its value in place or use `[vars]`")
                }
                _ => format!(
                    "cannot convert this statement; only calls like `module(\"x.py\")` are supported (found `{name}`)"
                ),
            },
            _ => "cannot convert this statement; only calls like `module(\"x.py\")` are supported".to_string(),
        }
    }

    /// `name(args)` followed by the end of the line.
    fn call(&mut self, function: String, function_span: Range<usize>) {
        self.index += 2;
        let mut call = Call {
            function,
            function_span,
            positional: Vec::new(),
            keywords: Vec::new(),
            comments: std::mem::take(&mut self.comments),
        };
        loop {
            match self.token().clone() {
                Token::Close(')') => {
                    self.index += 1;
                    break;
                }
                Token::Name(name) if *self.next_token() == Token::Equals => {
                    let name_span = self.span();
                    self.index += 2;
                    match self.value() {
                        Ok(value) => call.keywords.push(Keyword { name, name_span, value }),
                        Err((message, span)) => return self.fail(message, span),
                    }
                }
                Token::DoubleStar => {
                    return self
                        .fail("`**` arguments cannot be converted; write the options out".to_string(), self.span())
                }
                _ => match self.value() {
                    Ok(value) => {
                        if !call.keywords.is_empty() {
                            return self.fail("a positional argument after a keyword argument".to_string(), value.span);
                        }
                        call.positional.push(value);
                    }
                    Err((message, span)) => return self.fail(message, span),
                },
            }
            match self.token() {
                Token::Comma => self.index += 1,
                Token::Close(')') => {}
                _ => return self.fail(self.non_literal_message(), self.span()),
            }
        }
        match self.token() {
            Token::Newline | Token::Comment { .. } => {
                self.items.push(Item::Call(call));
            }
            _ => {
                let span = self.span();
                self.fail("cannot convert code after a call on the same line".to_string(), span);
            }
        }
    }

    fn fail(&mut self, message: String, span: Range<usize>) {
        self.unsupported(message, span);
        self.skip_line();
    }

    fn non_literal_message(&self) -> String {
        match self.token() {
            Token::Other(what) => format!("only literal arguments can be converted (found {what})"),
            _ => "only literal arguments can be converted".to_string(),
        }
    }

    /// One literal: a string (adjacent strings are joined), a number, True,
    /// False, None, or a list or tuple of literals.
    fn value(&mut self) -> Result<Spanned, (String, Range<usize>)> {
        let span = self.span();
        let value = match self.token().clone() {
            Token::Str(first) => {
                let mut text = first;
                let mut end = span.end;
                self.index += 1;
                while let Token::Str(next) = self.token().clone() {
                    text.push_str(&next);
                    end = self.span().end;
                    self.index += 1;
                }
                return Ok(Spanned { value: Value::Str(text), span: span.start..end });
            }
            Token::Int(number) => Value::Int(number),
            Token::Name(name) if name == "True" => Value::Bool(true),
            Token::Name(name) if name == "False" => Value::Bool(false),
            Token::Name(name) if name == "None" => Value::None,
            Token::Name(name) if name == "options" => {
                return Err(("`options` cannot be converted; pass literal values".to_string(), span));
            }
            Token::Name(name) => {
                return Err((format!("only literal arguments can be converted (found the name `{name}`)"), span))
            }
            Token::Open(open @ ('(' | '[')) => return self.list(open, span),
            Token::Other(what) => {
                return Err((format!("only literal arguments can be converted (found {what})"), span))
            }
            _ => return Err(("only literal arguments can be converted".to_string(), span)),
        };
        self.index += 1;
        Ok(Spanned { value, span })
    }

    fn list(&mut self, open: char, start: Range<usize>) -> Result<Spanned, (String, Range<usize>)> {
        let close = if open == '(' { ')' } else { ']' };
        self.index += 1;
        let mut items = Vec::new();
        loop {
            if *self.token() == Token::Close(close) {
                let end = self.span().end;
                self.index += 1;
                return Ok(Spanned { value: Value::List(items), span: start.start..end });
            }
            items.push(self.value()?);
            match self.token() {
                Token::Comma => self.index += 1,
                Token::Close(found) if *found == close => {}
                _ => return Err((self.non_literal_message(), self.span())),
            }
        }
    }
}
