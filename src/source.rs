//! Source text and byte spans.
//!
//! Every location argmap reports is a [`Span`], a byte range into one
//! [`SourceFile`]. Lines and columns are computed only when a diagnostic is
//! rendered, from the line table the file builds once.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A byte range `start..end` in a [`SourceFile`].
///
/// Spans are `u32`: argmap refuses input larger than 4 GiB long before it
/// reaches this type (see [`crate::LoadOptions::max_file_bytes`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte. Invariant: `start <= end`.
    pub end: u32,
}

impl Span {
    /// Makes a span from a byte range; offsets past `u32::MAX` saturate.
    pub fn new(range: Range<usize>) -> Self {
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let end = u32::try_from(range.end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    /// The span as a `usize` range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

/// One input file: its name as the user gave it, its text and a line table.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    /// Byte offsets of line starts; `u32` as in [`Span`].
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// Wraps text read from `path`. The path is only used for display and to
    /// resolve relative paths inside the map.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(&text));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The path the file was read from, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Clamps a span to the text and to character boundaries, so that slicing
    /// and rendering never fail on a span that came from elsewhere.
    pub fn clamp(&self, span: Span) -> Span {
        let len = self.text.len();
        let mut start = (span.start as usize).min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        if span.is_empty() {
            return Span::new(start..start);
        }
        let mut end = (span.end as usize).min(len).max(start);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start..end)
    }

    /// Byte offsets where lines start: 0, then one past each `\n`.
    pub fn line_starts(&self) -> &[u32] {
        &self.line_starts
    }

    /// The text a span covers (after [`SourceFile::clamp`]).
    pub fn slice(&self, span: Span) -> &str {
        &self.text[self.clamp(span).range()]
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = self
            .clamp(Span::new(offset as usize..offset as usize))
            .start as usize;
        let line = self.line_starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.line_starts[line] as usize;
        let column = self.text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte range of the lines (without the final line break) that `span`
    /// touches, and the 1-based number of the first.
    pub fn lines_around(&self, span: Span) -> (Range<usize>, usize) {
        let span = self.clamp(span);
        let first = self.line_starts.partition_point(|&s| s <= span.start) - 1;
        let last = self.line_starts.partition_point(|&s| s <= span.end) - 1;
        let start = self.line_starts[first] as usize;
        let mut end = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start..end.max(start), first + 1)
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = u32> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("m.yaml", "a: 1\nø: æ\r\nlast");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 1 });
        // `æ` starts at byte 9 (ø is two bytes), column 4.
        assert_eq!(f.line_col(9), LineCol { line: 2, column: 4 });
        assert_eq!(f.line_col(13), LineCol { line: 3, column: 1 });
        assert_eq!(f.line_col(999), LineCol { line: 3, column: 5 });
    }

    #[test]
    fn clamp_respects_char_boundaries() {
        let f = SourceFile::new("m.yaml", "ø");
        assert_eq!(f.clamp(Span::new(1..1)), Span::new(0..0));
        assert_eq!(f.clamp(Span::new(0..1)), Span::new(0..2));
        assert_eq!(f.clamp(Span::new(5..9)), Span::new(2..2));
    }

    #[test]
    fn lines_around_strips_crlf() {
        let f = SourceFile::new("m.yaml", "a\r\nbcd\r\ne");
        assert_eq!(f.lines_around(Span::new(4..5)), (3..6, 2));
        assert_eq!(f.lines_around(Span::new(0..4)), (0..6, 1));
    }
}
