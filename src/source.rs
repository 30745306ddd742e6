//! Where things sit in a RON source text, and the error every loader reports.
//!
//! serde hands us values without positions, so after a file parses we still need
//! to say on which line and column a bad value was written. [`SourceMap`] scans
//! the text once (strings, comments and nesting aware, without recursion) and
//! records the position of every `key: value` pair under a dotted path such as
//! `execution.memory_mb` or `nodes[2].kind`.

use std::fmt;

/// One problem in one input file, with everything a user needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as the user named it (or `<built-in ...>` for embedded data).
    pub file: String,
    /// 1-based line of the offending text (0 when the file could not be read at all).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Dotted path of the field, e.g. `execution.memory_mb`; empty for the whole file.
    pub field: String,
    /// The value as written in the file, shortened if long; empty when none applies.
    pub value: String,
    /// What is wrong, in plain words.
    pub problem: String,
    /// What would be accepted instead.
    pub allowed: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "field `{}`", self.field)?;
            if !self.value.is_empty() {
                write!(f, " = {}", self.value)?;
            }
            f.write_str(": ")?;
        } else if !self.value.is_empty() {
            write!(f, "`{}`: ", self.value)?;
        }
        f.write_str(&self.problem)?;
        if !self.allowed.is_empty() {
            write!(f, " (allowed: {})", self.allowed)?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

/// All problems found in one file; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileErrors(pub Vec<FileError>);

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileErrors {}

/// The most problems one file's report lists; the rest are counted.
pub const LISTED_PROBLEMS: usize = 20;

/// How many problems a checker writes out before it only counts the rest
/// (more than it lists, so the listed ones are the file's first).
pub const WRITTEN_PROBLEMS: usize = 4 * LISTED_PROBLEMS;

impl FileErrors {
    /// The problems of one file, the first [`LISTED_PROBLEMS`] listed and the
    /// rest counted in one last line ("and 399,980 more problems"), so a file
    /// with a huge list of bad items reads, and prints, in a moment.
    #[must_use]
    pub fn capped(errors: Vec<FileError>) -> Self {
        Self::capped_with(errors, 0)
    }

    /// [`FileErrors::capped`] for a checker that stopped writing problems
    /// out after the first few dozen and counted `unlisted` more.
    #[must_use]
    pub fn capped_with(errors: Vec<FileError>, unlisted: usize) -> Self {
        Self::capped_to(errors, unlisted, LISTED_PROBLEMS)
    }

    /// [`FileErrors::capped_with`] listing `listed` problems (the window marks
    /// more of them at their fields than a message lists).
    #[must_use]
    pub fn capped_to(mut errors: Vec<FileError>, unlisted: usize, listed: usize) -> Self {
        if errors.len() + unlisted > listed + 1 && errors.len() > listed {
            let more = errors.len() + unlisted - listed;
            let next = &errors[listed];
            let summary = FileError {
                file: next.file.clone(),
                line: next.line,
                column: next.column,
                field: String::new(),
                value: String::new(),
                problem: format!(
                    "and {} more problems, from field `{}` on",
                    crate::format::count(more as f64),
                    next.field
                ),
                allowed: String::new(),
            };
            errors.truncate(listed);
            errors.push(summary);
        }
        Self(errors)
    }
}

/// Why a data file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{file}: cannot read the file: {source}")]
    Io {
        /// The path as given.
        file: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file was read but its content is wrong.
    #[error("{0}")]
    Invalid(FileErrors),
}

impl LoadError {
    /// The individual problems (empty for an I/O error).
    #[must_use]
    pub fn problems(&self) -> &[FileError] {
        match self {
            Self::Io { .. } => &[],
            Self::Invalid(errors) => &errors.0,
        }
    }
}

impl From<FileError> for LoadError {
    fn from(error: FileError) -> Self {
        Self::Invalid(FileErrors(vec![error]))
    }
}

/// The largest input any loader accepts, in bytes; bigger files are refused
/// before parsing so a stray multi-gigabyte file can't stall the app.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Reads a text file for a loader, refusing huge and non-UTF-8 files with a clear message.
///
/// # Errors
/// An I/O error, a file over [`MAX_FILE_BYTES`], or bytes that are not UTF-8.
pub fn read_text(path: &std::path::Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    check_size(&file, bytes.len())?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let (line, column) = end_position(&text);
            Err(FileError {
                file,
                line,
                column,
                field: String::new(),
                value: String::new(),
                problem: "the file is not UTF-8 text (is it a binary file?)".into(),
                allowed: "a UTF-8 RON text file".into(),
            }
            .into())
        }
    }
}

/// Refuses inputs larger than [`MAX_FILE_BYTES`].
///
/// # Errors
/// When `len` is over the limit.
pub fn check_size(file: &str, len: usize) -> Result<(), LoadError> {
    if len > MAX_FILE_BYTES {
        return Err(FileError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            field: String::new(),
            value: format!("{len} bytes"),
            problem: "the file is too large".into(),
            allowed: format!("at most {MAX_FILE_BYTES} bytes"),
        }
        .into());
    }
    Ok(())
}

fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.chars().filter(|&c| c == '\n').count();
    let column = 1 + text.chars().rev().take_while(|&c| c != '\n').count();
    (line, column)
}

/// A position in a text: 1-based line and character column, and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte offset into the text.
    pub byte: usize,
}

/// One `key: value` pair found in a RON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpan {
    /// Dotted path, e.g. `traffic.shape` or `nodes[1].id`.
    pub path: String,
    /// Where the key starts.
    pub key: Pos,
    /// Where the value starts.
    pub value_start: Pos,
    /// Byte offset just past the value.
    pub value_end: usize,
}

/// The positions of every field in a RON text, by dotted path.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    text: String,
    fields: Vec<FieldSpan>,
    /// Positions of sequence elements, by path such as `triggers[1]`.
    elements: Vec<FieldSpan>,
    /// The first field, else the first element, at each path: a lookup per
    /// problem stays constant-time however many fields a file holds.
    index: std::collections::HashMap<String, Span>,
}

/// Where [`SourceMap::index`] points.
#[derive(Debug, Clone, Copy)]
enum Span {
    Field(usize),
    Element(usize),
}

/// Nesting deeper than this is scanned but not mapped (no loader's format
/// nests more than a few levels, and the parser refuses past 128): a path per
/// level would make a deeply nested file cost the square of its depth.
const MAPPED_DEPTH: usize = 64;

/// Elements of one list mapped, at most (with the fields inside them): a
/// problem further down a longer list (none of the formats has lists that
/// long) points at the list itself.
const MAPPED_ELEMENTS: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Paren,
    Seq,
    Map,
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    prefix: String,
    index: usize,
    key: Option<String>,
    /// Index into `fields` of the pair whose value is open, to close its span.
    open_field: Option<usize>,
    open_element: Option<usize>,
    /// Whether what this frame holds is mapped (see [`MAPPED_DEPTH`] and [`MAPPED_ELEMENTS`]).
    mapped: bool,
}

impl Frame {
    fn child_prefix(&self) -> String {
        match (self.kind, &self.key) {
            (FrameKind::Seq, _) => format!("{}[{}]", self.prefix, self.index),
            (_, Some(key)) => join(&self.prefix, key),
            (_, None) => self.prefix.clone(),
        }
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

struct Cursor<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn pos(&mut self) -> Pos {
        let byte = self.chars.peek().map_or(self.text.len(), |&(i, _)| i);
        Pos {
            line: self.line,
            column: self.column,
            byte,
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let rest = &self.text[self.pos().byte..];
                    if rest.starts_with("//") {
                        while let Some(c) = self.bump() {
                            if c == '\n' {
                                break;
                            }
                        }
                    } else if rest.starts_with("/*") {
                        self.bump();
                        self.bump();
                        let mut depth = 1usize;
                        while depth > 0 {
                            let rest = &self.text[self.pos().byte..];
                            if rest.starts_with("*/") {
                                depth -= 1;
                                self.bump();
                                self.bump();
                            } else if rest.starts_with("/*") {
                                depth += 1;
                                self.bump();
                                self.bump();
                            } else if self.bump().is_none() {
                                return;
                            }
                        }
                    } else {
                        return;
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_string(&mut self) {
        // At the opening quote.
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) {
        // At `r`, followed by hashes and a quote.
        self.bump();
        let mut hashes = 0usize;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        if self.peek() != Some('"') {
            return;
        }
        self.bump();
        let closing = format!("\"{}", "#".repeat(hashes));
        loop {
            let rest = &self.text[self.pos().byte..];
            if rest.is_empty() {
                return;
            }
            if rest.starts_with(&closing) {
                for _ in 0..closing.chars().count() {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }
}

impl SourceMap {
    /// Scans `text` and records where every field and sequence element is.
    /// Never fails: text that isn't valid RON still yields what could be found.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut map = Self {
            text: text.to_owned(),
            ..Self::default()
        };
        let mut cursor = Cursor {
            text,
            chars: text.char_indices().peekable(),
            line: 1,
            column: 1,
        };
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            cursor.skip_trivia();
            let start = cursor.pos();
            let Some(c) = cursor.peek() else { break };
            // A sequence element begins at the first token after `[` or `,`.
            // Mapped: not too deep, inside a mapped frame, and not past the
            // mapped part of a long list (nor anything inside such an element).
            let mapped = stack.len() <= MAPPED_DEPTH
                && stack
                    .last()
                    .is_none_or(|f| f.mapped && !(f.kind == FrameKind::Seq && f.index >= MAPPED_ELEMENTS));
            if let Some(top) = stack.last_mut()
                && mapped
                && top.kind == FrameKind::Seq
                && top.open_element.is_none()
                && c != ']'
            {
                top.open_element = Some(map.elements.len());
                map.elements.push(FieldSpan {
                    path: format!("{}[{}]", top.prefix, top.index),
                    key: start,
                    value_start: start,
                    value_end: start.byte,
                });
            }
            match c {
                '(' | '[' | '{' => {
                    cursor.bump();
                    let prefix = if mapped {
                        stack.last().map(Frame::child_prefix).unwrap_or_default()
                    } else {
                        String::new()
                    };
                    let kind = match c {
                        '(' => FrameKind::Paren,
                        '[' => FrameKind::Seq,
                        _ => FrameKind::Map,
                    };
                    stack.push(Frame {
                        kind,
                        prefix,
                        index: 0,
                        key: None,
                        open_field: None,
                        open_element: None,
                        mapped,
                    });
                }
                ')' | ']' | '}' => {
                    cursor.bump();
                    let end = cursor.pos().byte;
                    stack.pop();
                    // The closing bracket ends the value of the enclosing pair.
                    if let Some(parent) = stack.last() {
                        map.extend(parent, end);
                    }
                }
                ',' => {
                    cursor.bump();
                    if let Some(top) = stack.last_mut() {
                        top.open_field = None;
                        top.open_element = None;
                        top.key = None;
                        if top.kind == FrameKind::Seq {
                            top.index += 1;
                        }
                    }
                }
                '"' => {
                    cursor.skip_string();
                    let end = cursor.pos().byte;
                    // The closing quote is one byte; an unclosed string runs to the end of the text.
                    let inner_end = if end > start.byte + 1 && text[..end].ends_with('"') {
                        end - 1
                    } else {
                        end
                    };
                    let key = text.get(start.byte + 1..inner_end).unwrap_or_default().to_owned();
                    map.after_token(&mut cursor, &mut stack, start, end, Some(key).filter(|_| mapped));
                }
                'r' if matches!(text[start.byte..].chars().nth(1), Some('#' | '"')) => {
                    cursor.skip_raw_string();
                    let end = cursor.pos().byte;
                    map.after_token(&mut cursor, &mut stack, start, end, None);
                }
                '\'' => {
                    cursor.bump();
                    if cursor.peek() == Some('\\') {
                        cursor.bump();
                    }
                    cursor.bump();
                    if cursor.peek() == Some('\'') {
                        cursor.bump();
                    }
                    let end = cursor.pos().byte;
                    map.after_token(&mut cursor, &mut stack, start, end, None);
                }
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                    while let Some(c) = cursor.peek() {
                        if c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.') {
                            cursor.bump();
                        } else {
                            break;
                        }
                    }
                    let end = cursor.pos().byte;
                    let word = &text[start.byte..end];
                    let is_ident = word.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
                    let key = (is_ident && mapped).then(|| word.to_owned());
                    map.after_token(&mut cursor, &mut stack, start, end, key);
                }
                _ => {
                    cursor.bump();
                    let end = cursor.pos().byte;
                    if let Some(top) = stack.last() {
                        map.extend(top, end);
                    }
                }
            }
        }
        for (i, f) in map.elements.iter().enumerate().rev() {
            map.index.insert(f.path.clone(), Span::Element(i));
        }
        for (i, f) in map.fields.iter().enumerate().rev() {
            map.index.insert(f.path.clone(), Span::Field(i));
        }
        map
    }

    /// Handles a finished token: a key when a `:` follows, else part of a value.
    fn after_token(
        &mut self,
        cursor: &mut Cursor<'_>,
        stack: &mut [Frame],
        start: Pos,
        end: usize,
        key_text: Option<String>,
    ) {
        let Some(top) = stack.last_mut() else { return };
        if let Some(key) = key_text
            && top.kind != FrameKind::Seq
            && top.key.is_none()
        {
            cursor.skip_trivia();
            if cursor.peek() == Some(':') {
                cursor.bump();
                cursor.skip_trivia();
                let value_start = cursor.pos();
                let path = join(&top.prefix, &key);
                top.key = Some(key);
                top.open_field = Some(self.fields.len());
                self.fields.push(FieldSpan {
                    path,
                    key: start,
                    value_start,
                    value_end: value_start.byte,
                });
                return;
            }
        }
        self.extend(top, end);
    }

    fn extend(&mut self, frame: &Frame, end: usize) {
        if let Some(i) = frame.open_field {
            self.fields[i].value_end = self.fields[i].value_end.max(end);
        }
        if let Some(i) = frame.open_element {
            self.elements[i].value_end = self.elements[i].value_end.max(end);
        }
    }

    /// The span of the field at `path` (e.g. `execution.memory_mb`), if written.
    #[must_use]
    pub fn field(&self, path: &str) -> Option<&FieldSpan> {
        match self.index.get(path)? {
            Span::Field(i) => self.fields.get(*i),
            Span::Element(i) => self.elements.get(*i),
        }
    }

    /// The value of `path` as written in the text, trimmed and shortened to 60 characters.
    #[must_use]
    pub fn value_text(&self, path: &str) -> Option<String> {
        let span = self.field(path)?;
        Some(shorten(
            self.text
                .get(span.value_start.byte..span.value_end)
                .unwrap_or("")
                .trim(),
        ))
    }

    /// The innermost field whose key or value covers the position, for errors
    /// that come with a position but no field name.
    #[must_use]
    pub fn field_at(&self, line: usize, column: usize) -> Option<&FieldSpan> {
        let byte = self.byte_of(line, column)?;
        self.fields
            .iter()
            .chain(&self.elements)
            .filter(|f| f.key.byte <= byte && byte <= f.value_end)
            .min_by_key(|f| f.value_end - f.key.byte)
    }

    /// Where to point for `path`: the value if the field is written, else the
    /// nearest written parent's key, else the start of the text.
    #[must_use]
    pub fn locate(&self, path: &str) -> Pos {
        if let Some(span) = self.field(path) {
            return span.value_start;
        }
        let mut parent = path;
        while let Some(cut) = parent.rfind(['.', '[']) {
            parent = &parent[..cut];
            if let Some(span) = self.field(parent) {
                return span.key;
            }
        }
        self.first_token()
    }

    fn first_token(&self) -> Pos {
        let mut cursor = Cursor {
            text: &self.text,
            chars: self.text.char_indices().peekable(),
            line: 1,
            column: 1,
        };
        cursor.skip_trivia();
        cursor.pos()
    }

    fn byte_of(&self, line: usize, column: usize) -> Option<usize> {
        let line_start = if line <= 1 {
            0
        } else {
            self.text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
        };
        let rest = &self.text[line_start..];
        let offset = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        Some(line_start + offset)
    }

    /// The text this map was built from.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Shortens long values for messages, on a character boundary.
#[must_use]
pub fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// Turns a RON parse error into a [`FileError`], naming the field from the
/// position when ron does not.
#[must_use]
pub fn ron_error(file: &str, text: &str, error: &ron::error::SpannedError) -> FileError {
    use ron::error::Error as E;
    let map = SourceMap::new(text);
    let mut line = error.span.start.line;
    let mut column = error.span.start.col;
    let spot = map.field_at(line, column);
    let mut field = spot.map(|f| f.path.clone()).unwrap_or_default();
    let mut value = spot.and_then(|f| map.value_text(&f.path)).unwrap_or_default();
    let at_end = map
        .byte_of(error.span.end.line, error.span.end.col)
        .is_some_and(|b| SourceMap::new(text.get(b..).unwrap_or("")).first_token().byte >= text.len() - b);
    if text.trim().is_empty() || (SourceMap::new(text).first_token().byte >= text.len()) {
        return FileError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            field: String::new(),
            value: String::new(),
            problem: "the file is empty".into(),
            allowed: "a RON value".into(),
        };
    }
    let (problem, allowed) = match &error.code {
        _ if at_end
            && !matches!(
                error.code,
                E::MissingStructField { .. } | E::NoSuchStructField { .. }
            ) =>
        {
            field = String::new();
            value = String::new();
            (
                "the file ends too early (an unclosed bracket or string?)".into(),
                "a complete RON value with every bracket closed".into(),
            )
        }
        E::NoSuchStructField { expected, found, .. } => {
            // Point at the unknown key itself.
            let parent = field.rsplit_once('.').map(|(p, _)| p.to_owned());
            field = parent.map_or_else(|| found.clone(), |p| join(&p, found));
            if let Some(span) = map.field(&field) {
                line = span.key.line;
                column = span.key.column;
            }
            value = String::new();
            (format!("unknown field `{found}`"), one_of(expected))
        }
        E::NoSuchEnumVariant { expected, found, .. } => {
            value.clone_from(found);
            (format!("unknown variant `{found}`"), one_of(expected))
        }
        E::MissingStructField { field: missing, .. } => {
            (*missing).clone_into(&mut field);
            value = String::new();
            (
                "this required field is missing".into(),
                format!("add `{missing}: ...`"),
            )
        }
        E::DuplicateStructField { field: dup, .. } => {
            ("the field is written twice".into(), format!("one `{dup}`"))
        }
        E::ExpectedComma => {
            field = String::new();
            value = String::new();
            (
                "a comma (or a closing bracket) is missing before this".into(),
                "`,` after every field and list item".into(),
            )
        }
        E::ExpectedDifferentStructName { expected, found } => {
            field = String::new();
            value = String::new();
            (
                format!("the file holds a `{found}`, not a `{expected}`"),
                format!("a `{expected}(...)` value"),
            )
        }
        E::ExceededRecursionLimit => (
            "the brackets nest too deeply".into(),
            "at most 128 levels of nesting".into(),
        ),
        E::Eof => (
            "the file ends too early (an unclosed bracket or string?)".into(),
            "a complete RON value".into(),
        ),
        E::TrailingCharacters => {
            value = shorten(text.get(map.byte_of(line, column).unwrap_or(0)..).unwrap_or(""));
            field = String::new();
            (
                "unexpected text after the end of the value".into(),
                "nothing after the closing bracket but comments".into(),
            )
        }
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            (error.code.to_string(), "a whole number in range, e.g. 512".into())
        }
        E::ExpectedFloat => (error.code.to_string(), "a number, e.g. 200.0".into()),
        E::ExpectedString | E::ExpectedStringEnd => (error.code.to_string(), "a double-quoted string".into()),
        E::ExpectedBoolean => (error.code.to_string(), "true or false".into()),
        E::ExpectedOption => (error.code.to_string(), "None or Some(value)".into()),
        E::Message(message) => (message.clone(), String::new()),
        other => (other.to_string(), String::new()),
    };
    // Type errors point at the value itself (ron reports the space before it).
    let type_error = matches!(
        error.code,
        E::ExpectedInteger
            | E::IntegerOutOfBounds
            | E::InvalidIntegerDigit { .. }
            | E::ExpectedFloat
            | E::ExpectedBoolean
            | E::ExpectedString
            | E::ExpectedOption
            | E::NoSuchEnumVariant { .. }
    );
    if type_error && let Some(span) = map.field(&field) {
        line = span.value_start.line;
        column = span.value_start.column;
    }
    FileError {
        file: file.to_owned(),
        line,
        column,
        field,
        value,
        problem,
        allowed,
    }
}

fn one_of(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    format!("one of {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_string_ending_in_a_wide_character_maps_without_panicking() {
        // Found by the workload fuzz target: the key of an unclosed string was cut
        // one byte before the end of the text, inside a two-byte character.
        for text in ["(name: \"ab\u{6d2}", "(\"\u{6d2}", "(name: \"x\\\"", "\""] {
            let map = SourceMap::new(text);
            let _ = map.locate("name");
        }
    }

    const TEXT: &str = r#"Workload(
    name: "A (tricky) name, with: colons",
    traffic: (
        monthly_requests: 10000000, // comment with ( and ,
        peak_to_average: Some(3.0),
    ),
    triggers: [HttpApi, Queue],
    /* block ( comment */ execution: (memory_mb: 512),
    nodes: [(id: "a"), (id: "b", kind: Queue)],
)"#;

    #[test]
    fn finds_nested_fields_and_positions() {
        let map = SourceMap::new(TEXT);
        let span = map.field("traffic.monthly_requests").expect("found");
        assert_eq!((span.key.line, span.key.column), (4, 9));
        assert_eq!(
            map.value_text("traffic.monthly_requests").as_deref(),
            Some("10000000")
        );
        assert_eq!(
            map.value_text("traffic.peak_to_average").as_deref(),
            Some("Some(3.0)")
        );
        assert_eq!(map.value_text("execution.memory_mb").as_deref(), Some("512"));
        assert_eq!(map.value_text("triggers[1]").as_deref(), Some("Queue"));
        assert_eq!(map.value_text("nodes[1].kind").as_deref(), Some("Queue"));
        assert_eq!(
            map.value_text("name").as_deref(),
            Some("\"A (tricky) name, with: colons\"")
        );
        assert!(map.field("colons").is_none());
    }

    #[test]
    fn field_at_finds_innermost() {
        let map = SourceMap::new(TEXT);
        let f = map.field_at(4, 30).expect("inside the value");
        assert_eq!(f.path, "traffic.monthly_requests");
        let f = map.field_at(5, 9).expect("on the key");
        assert_eq!(f.path, "traffic.peak_to_average");
    }

    #[test]
    fn locate_falls_back_to_parent() {
        let map = SourceMap::new(TEXT);
        let pos = map.locate("traffic.shape");
        assert_eq!((pos.line, pos.column), (3, 5));
        let pos = map.locate("servers.instance");
        assert_eq!((pos.line, pos.column), (1, 1));
    }

    #[test]
    fn maps_the_first_ten_thousand_items_of_a_list_and_what_they_hold() {
        let items: Vec<String> = (0..10_005).map(|i| format!("(a: {i})")).collect();
        let text = format!("(list: [{}])", items.join(", "));
        let map = SourceMap::new(&text);
        assert!(map.field("list[3].a").is_some());
        assert!(map.field("list[9999].a").is_some());
        assert!(map.field("list[10003]").is_none());
        assert!(
            map.field("list[10003].a").is_none(),
            "fields inside unmapped items are not mapped"
        );
        // A problem there points at the list itself.
        assert_eq!(map.locate("list[10003].a"), map.field("list").unwrap().key);
        // Keys past 64 levels of nesting are not mapped either.
        let deep = format!("{}x: 1{}", "(k: ".repeat(80), ")".repeat(80));
        let map = SourceMap::new(&deep);
        assert!(map.field(&vec!["k"; 60].join(".")).is_some());
        assert!(map.field(&vec!["k"; 70].join(".")).is_none());
    }

    #[test]
    fn survives_garbage_and_deep_nesting() {
        let deep = "(".repeat(100_000);
        let map = SourceMap::new(&deep);
        assert!(map.field("x").is_none());
        let map = SourceMap::new("\"unterminated");
        assert!(map.field_at(1, 3).is_none());
        let _ = SourceMap::new("r#\"raw \" still\"# x: 1 /* never closed");
    }
}
