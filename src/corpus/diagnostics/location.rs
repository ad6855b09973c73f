//! Where a problem is: JSON paths, line:column locations, and finding the value a JSON path
//! names in the source text (one scan for all diagnostics).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

use serde::Serialize;

use super::{Code, Diagnostic};

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where in the JSON document a value sits, e.g. `$.sections[3].paragraphs[0].text`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(pub Vec<PathSegment>);

impl JsonPath {
    /// The document root, `$`.
    #[must_use]
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path with an object key appended.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Key(key.to_owned()));
        Self(segments)
    }

    /// This path with an array index appended.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Index(index));
        Self(segments)
    }

    /// Splits off a trailing run of one segment repeated more than eight times, the
    /// `[0][0][0]…` or `.x.x.x…` a too deeply nested document ends in: the path to where the
    /// nesting starts, and how many levels the run has (0 when there is no such run).
    #[must_use]
    pub fn split_repeated_tail(mut self) -> (Self, usize) {
        const LONGEST_KEPT_RUN: usize = 8;
        let Some(last) = self.0.last().cloned() else {
            return (self, 0);
        };
        let run = self.0.iter().rev().take_while(|s| **s == last).count();
        if run <= LONGEST_KEPT_RUN {
            return (self, 0);
        }
        self.0.truncate(self.0.len() - run);
        (self, run)
    }

    /// Builds a path from `serde_path_to_error`'s path.
    #[must_use]
    pub fn from_serde(path: &serde_path_to_error::Path) -> Self {
        use serde_path_to_error::Segment;
        let segments = path
            .iter()
            .filter_map(|segment| match segment {
                Segment::Seq { index } => Some(PathSegment::Index(*index)),
                Segment::Map { key } => Some(PathSegment::Key(key.clone())),
                Segment::Enum { variant } => Some(PathSegment::Key(variant.clone())),
                Segment::Unknown => None,
            })
            .collect();
        Self(segments)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                PathSegment::Key(key) if is_plain_key(key) => write!(f, ".{key}")?,
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A position in the source text: 1-based line and column (in characters), and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 0-based byte offset of the start.
    pub offset: usize,
    /// Length in bytes of the offending value (0 when only a point is known).
    pub length: usize,
}

impl Location {
    /// The location of byte `offset` (spanning `length` bytes) in `source`.
    #[must_use]
    pub fn at_offset(source: &str, offset: usize, length: usize) -> Self {
        let offset = source.floor_char_boundary(offset.min(source.len()));
        let before = source.get(..offset).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
        Self {
            line,
            column,
            offset,
            length,
        }
    }

    /// The location of a 1-based line and 1-based byte column, as `serde_json` reports them.
    #[must_use]
    pub fn at_line_byte_column(source: &str, line: usize, byte_column: usize) -> Self {
        let mut offset = 0;
        for (number, text) in source.split_inclusive('\n').enumerate() {
            if number + 1 == line {
                offset += byte_column.saturating_sub(1).min(text.len());
                return Self::at_offset(source, offset, 0);
            }
            offset += text.len();
        }
        Self::at_offset(source, source.len(), 0)
    }
}

/// Where each line of a text starts, so that many [`Location`]s can be computed without
/// scanning the text from its start for each (which is quadratic for a large file): the line
/// is found by binary search, the column by counting the characters of that line only.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `source` (one pass).
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { source, starts }
    }

    /// The same as [`Location::at_offset`] on the indexed text, in time proportional to the
    /// length of the line rather than the offset.
    #[must_use]
    pub fn location(&self, offset: usize, length: usize) -> Location {
        let offset = self
            .source
            .floor_char_boundary(offset.min(self.source.len()));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .source
            .get(line_start..offset)
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        Location {
            line,
            column,
            offset,
            length,
        }
    }
}

/// Fills in [`Diagnostic::location`] from each diagnostic's JSON path, scanning `source` once.
///
/// `source` must be the well-formed JSON text the diagnostics were found in. Diagnostics that
/// already have a location, or whose path is not found, are left as they are.
pub fn locate_paths(source: &str, diagnostics: &mut [Diagnostic]) {
    let wanted: HashMap<String, usize> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.location.is_none())
        .filter_map(|(i, d)| d.path.as_ref().map(|p| (p.to_string(), i)))
        .collect();
    if wanted.is_empty() {
        return;
    }
    // The paths of the containers on the way to a wanted value: any other container is
    // skipped without working out the paths inside it.
    let on_the_way: HashSet<String> = diagnostics
        .iter()
        .filter(|d| d.location.is_none())
        .filter_map(|d| d.path.as_ref())
        .flat_map(|path| {
            (0..=path.0.len())
                .map(|n| JsonPath(path.0.get(..n).unwrap_or_default().to_vec()).to_string())
        })
        .collect();
    let spans = scan_value_spans(
        source,
        |path| wanted.contains_key(path),
        |path| on_the_way.contains(path),
    );
    // Where each diagnostic points, as (offset, length, which diagnostic). Several needles in
    // one value (say two unknown citation keys in a paragraph) are searched for from where
    // the previous one of the same code was found, so each points at its own occurrence and
    // a value with very many of them is searched once, not once per diagnostic.
    let mut targets: Vec<(usize, usize, usize)> = Vec::new();
    let mut search_from: HashMap<(String, Code), usize> = HashMap::new();
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if diagnostic.location.is_some() {
            continue;
        }
        let Some(path) = &diagnostic.path else {
            continue;
        };
        let path = path.to_string();
        let Some(&(start, end)) = spans.get(&path) else {
            continue;
        };
        let narrowed = diagnostic.needle.as_deref().and_then(|needle| {
            let cursor = search_from.entry((path, diagnostic.code)).or_insert(start);
            let found = source
                .get(*cursor..end)
                .and_then(|value| value.find(needle))
                .map(|n| *cursor + n)
                .or_else(|| Some(start + source.get(start..end)?.find(needle)?))?;
            *cursor = found + needle.len();
            Some((found, needle.len()))
        });
        let (offset, length) = narrowed.unwrap_or((start, end - start));
        targets.push((offset, length, i));
    }
    // Line and column of every target in one pass over the text.
    targets.sort_unstable();
    let mut locator = Locator::new(source);
    for (offset, length, i) in targets {
        let location = locator.at(offset, length);
        if let Some(diagnostic) = diagnostics.get_mut(i) {
            diagnostic.location = Some(location);
        }
    }
}

/// Computes [`Location`]s for ascending offsets in one pass (the same result as
/// [`Location::at_offset`] for each, without rescanning the text from its start).
struct Locator<'a> {
    source: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str) -> Self {
        Self {
            source,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn at(&mut self, offset: usize, length: usize) -> Location {
        let offset = self
            .source
            .floor_char_boundary(offset.min(self.source.len()));
        if offset < self.offset {
            *self = Self::new(self.source);
        }
        let passed = self.source.get(self.offset..offset).unwrap_or_default();
        let newlines = passed.bytes().filter(|&b| b == b'\n').count();
        if let Some(last) = passed.rfind('\n') {
            self.line += newlines;
            self.column = 1 + passed.get(last + 1..).unwrap_or_default().chars().count();
        } else {
            self.column += passed.chars().count();
        }
        self.offset = offset;
        Location {
            line: self.line,
            column: self.column,
            offset,
            length,
        }
    }
}

/// Walks well-formed JSON without recursion and returns the byte span of each value whose path
/// (in [`JsonPath`]'s display form) `wanted` accepts. Containers whose path `descend` rejects
/// are stepped over without looking at the paths inside them.
// One state machine over the bytes (the open containers, the path so far, the pending key):
// split into functions, its state would have to be passed around between them.
#[allow(clippy::too_many_lines)]
fn scan_value_spans(
    source: &str,
    wanted: impl Fn(&str) -> bool,
    descend: impl Fn(&str) -> bool,
) -> HashMap<String, (usize, usize)> {
    enum Frame {
        Object { path_len: usize, expect_key: bool },
        Array { path_len: usize, next_index: usize },
    }
    let bytes = source.as_bytes();
    let mut found = HashMap::new();
    let mut open: Vec<(String, usize)> = Vec::new(); // wanted containers still open: path, start
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::from("$");
    let mut pos = 0;
    let mut pending_key: Option<Cow<'_, str>> = None;

    // Called at the start of every value: extends the path for the enclosing container.
    let value_path = |stack: &mut Vec<Frame>, path: &mut String, key: Option<Cow<'_, str>>| {
        match stack.last_mut() {
            Some(Frame::Array {
                path_len,
                next_index,
            }) => {
                path.truncate(*path_len);
                // Writing to a String cannot fail.
                let _ = write!(path, "[{next_index}]");
                *next_index += 1;
            }
            Some(Frame::Object { path_len, .. }) => {
                path.truncate(*path_len);
                let key = key.unwrap_or_default();
                if is_plain_key(&key) {
                    path.push('.');
                    path.push_str(&key);
                } else {
                    let _ = write!(path, "[{key:?}]");
                }
            }
            None => {}
        }
    };

    while pos < bytes.len() {
        let Some(&byte) = bytes.get(pos) else { break };
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | 0xEF | 0xBB | 0xBF => pos += 1,
            b'{' | b'[' => {
                value_path(&mut stack, &mut path, pending_key.take());
                if !descend(&path) {
                    pos = container_end(bytes, pos);
                    if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                        *expect_key = true;
                    }
                    continue;
                }
                if wanted(&path) {
                    open.push((path.clone(), pos));
                }
                let path_len = path.len();
                stack.push(if byte == b'{' {
                    Frame::Object {
                        path_len,
                        expect_key: true,
                    }
                } else {
                    Frame::Array {
                        path_len,
                        next_index: 0,
                    }
                });
                pos += 1;
            }
            b'}' | b']' => {
                let closed_len = match stack.pop() {
                    Some(Frame::Object { path_len, .. } | Frame::Array { path_len, .. }) => {
                        path_len
                    }
                    None => 0,
                };
                path.truncate(closed_len);
                if open.last().is_some_and(|(p, _)| *p == path)
                    && let Some((p, start)) = open.pop()
                {
                    found.insert(p, (start, pos + 1));
                }
                pos += 1;
                // The value is complete: the enclosing object now expects a key.
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            b'"' => {
                let end = string_end(bytes, pos);
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Object {
                        expect_key: true,
                        ..
                    })
                );
                if is_key {
                    let raw = source
                        .get(pos + 1..end.saturating_sub(1))
                        .unwrap_or_default();
                    let key = if raw.contains('\\') {
                        Cow::Owned(
                            serde_json::from_str::<String>(source.get(pos..end).unwrap_or("\"\""))
                                .unwrap_or_default(),
                        )
                    } else {
                        Cow::Borrowed(raw)
                    };
                    pending_key = Some(key);
                    if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                        *expect_key = false;
                    }
                } else {
                    value_path(&mut stack, &mut path, pending_key.take());
                    if wanted(&path) {
                        found.insert(path.clone(), (pos, end));
                    }
                    if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                        *expect_key = true;
                    }
                }
                pos = end;
            }
            _ => {
                // A scalar: number, true, false or null.
                let end = bytes
                    .iter()
                    .skip(pos)
                    .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
                    .map_or(bytes.len(), |n| pos + n);
                value_path(&mut stack, &mut path, pending_key.take());
                if wanted(&path) {
                    found.insert(path.clone(), (pos, end));
                }
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
                pos = end.max(pos + 1);
            }
        }
    }
    found
}

/// The byte offset just past the array or object starting at `start` (which holds `{` or
/// `[`), in well-formed JSON.
fn container_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0_usize;
    let mut pos = start;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'"' => {
                pos = string_end(bytes, pos);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return pos + 1;
                }
            }
            _ => {}
        }
        pos += 1;
    }
    bytes.len()
}

/// The byte offset just past the JSON string starting at `start` (which holds `"`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut pos = start + 1;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::diagnostics::{Code, Diagnostic};

    #[test]
    fn paths_display_like_jsonpath() {
        let path = JsonPath::root().key("sections").index(3).key("a b");
        assert_eq!(path.to_string(), "$.sections[3][\"a b\"]");
    }

    #[test]
    fn a_long_run_of_one_segment_is_split_off_a_path() {
        let deep = (0..120).fold(
            JsonPath::root().key("references").index(1).key("deep"),
            |p, _| p.index(0),
        );
        let (start, levels) = deep.split_repeated_tail();
        assert_eq!(start.to_string(), "$.references[1].deep");
        assert_eq!(levels, 120);
        let objects = (0..9).fold(JsonPath::root(), |p, _| p.key("x"));
        assert_eq!(objects.split_repeated_tail(), (JsonPath::root(), 9));
        // Short runs are ordinary paths and stay whole.
        let ordinary = JsonPath::root().key("series").index(0).index(0).index(0);
        assert_eq!(ordinary.clone().split_repeated_tail(), (ordinary, 0));
        assert_eq!(
            JsonPath::root().split_repeated_tail(),
            (JsonPath::root(), 0)
        );
    }

    #[test]
    fn locate_finds_nested_values() {
        let source = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": null}\n}";
        let mut diagnostics = vec![
            Diagnostic::error(Code::EmptyText, "m", "h")
                .at(JsonPath::root().key("a").index(1).key("b")),
            Diagnostic::error(Code::EmptyText, "m", "h").at(JsonPath::root().key("c").key("d")),
            Diagnostic::error(Code::EmptyText, "m", "h").at(JsonPath::root().key("c")),
        ];
        locate_paths(source, &mut diagnostics);
        let at = |i: usize| {
            diagnostics
                .get(i)
                .and_then(|d| d.location)
                .map(|l| (l.line, l.column))
        };
        assert_eq!(at(0), Some((2, 18)));
        assert_eq!(at(1), Some((3, 14)));
        assert_eq!(at(2), Some((3, 8)));
    }

    #[test]
    fn line_index_agrees_with_at_offset() {
        let source = "é\n  ü x\n\n\u{5d0}\u{5d1} [@k]\nend";
        let lines = LineIndex::new(source);
        for offset in 0..=source.len() + 2 {
            assert_eq!(
                lines.location(offset, 3),
                Location::at_offset(source, offset, 3),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn location_counts_characters_not_bytes() {
        let source = "é\n  ü x";
        let location = Location::at_offset(source, source.find('x').unwrap_or(0), 1);
        assert_eq!((location.line, location.column), (2, 5));
    }
}
