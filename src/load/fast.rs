//! A fast path for the YAML maps are written in, with granit-parser as the
//! authority.
//!
//! A map is block YAML of a few shapes: `key: value` lines, lists of `- `
//! items (often `- key: value`), one-line flow lists and mappings
//! (`[a, b]`, `{ to: x, label: y }`), plain and quoted one-line scalars,
//! comments. This module reads exactly that, line by line, and builds the
//! same tree, with the same spans, that [`super::yaml::parse_streaming`]
//! builds from the parser's events, several times faster. Anything else
//! (block scalars `|`, multi-line scalars, escapes, tags, complex keys) is
//! handed to granit-parser: one node (an entry of `nodes:`) or one
//! top-level entry at a time, parsed alone and its spans moved to where it
//! stands. A few things make the whole document go to granit-parser from
//! the start, so that the answer is always the parser's: tabs, carriage
//! returns, characters YAML does not allow, anything that may be an anchor
//! or alias, document markers, a top level that is not a block mapping at
//! column 0, and any error in a part (the whole document then gives the
//! parser's own error, at its own place).
//!
//! `tests/it/check.rs` and the `yaml_fast` fuzz target compare the two on
//! generated and arbitrary documents.

use super::yaml::{self, Value, Yaml};
use crate::source::Span;

/// The document must be read by granit-parser from the start.
#[derive(Debug)]
pub(crate) struct Fallback;

/// Where the entries of a top-level `nodes:` mapping go as they are read.
pub(crate) trait NodeSink {
    /// What takes the nodes of a later part of the mapping, read on another
    /// thread while this one reads the first part.
    type Part: Send;

    /// Takes the next node.
    fn node(&mut self, key: Yaml, value: Yaml);

    /// A part for nodes read on another thread, or `None` to read every
    /// node here.
    fn part(&self) -> Option<Self::Part>;

    /// Takes a node read on another thread.
    fn part_node(part: &mut Self::Part, key: Yaml, value: Yaml);

    /// Takes the part's nodes, at the point of the reading where they
    /// stand: the same as if [`NodeSink::node`] had taken each of them.
    fn join(&mut self, part: Self::Part);
}

/// Any function of a node's key and value takes every node itself.
impl<F: FnMut(Yaml, Yaml)> NodeSink for F {
    type Part = ();

    fn node(&mut self, key: Yaml, value: Yaml) {
        self(key, value);
    }

    fn part(&self) -> Option<()> {
        None
    }

    fn part_node((): &mut (), _: Yaml, _: Yaml) {}

    fn join(&mut self, (): ()) {}
}

/// The text size from which the nodes of its second half are read on a
/// thread of their own: below it, a thread costs more than it saves.
const SPLIT_FROM: usize = 4 << 20;

/// The text size from which the nodes are read in two parts on this
/// machine: [`SPLIT_FROM`], or never on one core.
pub(crate) fn split_from() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if cores < 2 { usize::MAX } else { SPLIT_FROM }
}

/// Parses `text` as [`yaml::parse_streaming`] does, handing every entry of
/// a top-level `nodes:` mapping to `on_node` as it is read; or says that
/// the whole document must go to granit-parser, before or after handing
/// over nodes (the caller then starts again). From a text of `split_from`
/// bytes ([`split_from`] on this machine; the tests split small texts),
/// when `on_node` gives a [`NodeSink::part`], the second half of the nodes
/// is read on another thread.
pub(crate) fn parse_streaming(
    text: &str,
    on_node: &mut impl NodeSink,
    split_from: usize,
) -> Result<Option<Yaml>, Fallback> {
    if needs_parser(text.as_bytes()) {
        return Err(Fallback);
    }
    let p = Lines {
        text,
        b: text.as_bytes(),
        depth: std::cell::Cell::new(0),
        split_from,
    };
    let Some((first, 0)) = p.significant(0) else {
        return Err(Fallback);
    };
    let mut entries = Vec::new();
    let mut at = first;
    while at < text.len() {
        // One top-level entry: its line and every line below it that is
        // indented or not significant (found only when needed: the lines of
        // `nodes:` are most of a map).
        let end = || p.next_at_or_below(p.line_end(at), 0);
        let key_end = p.key_end(at).ok_or(Fallback)?;
        let key = yaml_key(text, at, key_end);
        if matches!(&key.value, Value::Str(k) if k == "nodes") {
            // Its entries go to `on_node`, whatever the style of its value.
            match p.stream_nodes(at, key_end, on_node)? {
                Some((value, resume)) => {
                    entries.push((key, value));
                    at = resume;
                }
                None => {
                    let end = end();
                    entries.push(slice_entry(
                        text,
                        at,
                        0,
                        (end, end < text.len()),
                        Some(&mut |k, v| on_node.node(k, v)),
                    )?);
                    at = end;
                }
            }
            continue;
        }
        let mut cursor = at;
        if let Some(entry) = p.map_entry(&mut cursor, key_end, 0) {
            entries.push(entry);
            // On from where the entry ends (a list at column 0 under its key
            // is part of it).
            at = match p.significant(cursor) {
                Some((first, 0)) => first,
                Some(_) => return Err(Fallback),
                None => text.len(),
            };
            continue;
        }
        let end = end();
        entries.push(slice_entry(text, at, 0, (end, end < text.len()), None)?);
        at = end;
    }
    Ok(Some(Yaml {
        value: Value::Map(entries),
        span: Span::new(first..first),
    }))
}

/// Whether anything in the text makes the line reader's answer uncertain:
/// tabs, carriage returns, control and other characters YAML does not allow
/// as they are, a possible anchor (`&a`) or alias (`*a`), a document
/// marker or directive at the start of a line.
fn needs_parser(b: &[u8]) -> bool {
    // The bytes that need a look; the rest (nearly all) are passed over.
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 0x20 {
            t[c] = true;
            c += 1;
        }
        t[0x7f] = true;
        t[b'&' as usize] = true;
        t[b'*' as usize] = true;
        t[0xc2] = true;
        t[0xe2] = true;
        t[0xef] = true;
        t
    };
    // A document marker or directive at the start of a line.
    let marker = |i: usize| {
        b.get(i) == Some(&b'%')
            || b[i.min(b.len())..].starts_with(b"---")
            || b[i.min(b.len())..].starts_with(b"...")
    };
    if marker(0) {
        return true;
    }
    for (i, &c) in b.iter().enumerate() {
        if !SPECIAL[usize::from(c)] {
            continue;
        }
        match c {
            b'\n' if marker(i + 1) => return true,
            b'\n' => {}
            0..0x20 | 0x7f => return true,
            b'&' | b'*' => {
                let before = if i == 0 { b' ' } else { b[i - 1] };
                let after = b.get(i + 1).copied().unwrap_or(b' ');
                if matches!(before, b' ' | b'[' | b'{' | b',' | b':' | b'\n')
                    && !matches!(after, b' ' | b'\n')
                {
                    return true;
                }
            }
            // C1 controls, U+2028/2029, a byte-order mark, U+FFFE/FFFF.
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => return true,
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => {
                return true;
            }
            0xef if (b.get(i + 1) == Some(&0xbb) && b.get(i + 2) == Some(&0xbf))
                || (b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf))) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// The entry (top-level, or of `nodes:`) starting at `start`, read by
/// granit-parser from there on, as in the whole document (it stops one
/// event after the entry), its spans moved to where it stands; nodes of a
/// `nodes:` entry go to `on_node`. `next` is where the line reader found
/// what follows the entry (the first character of the next significant
/// line, or the end of the text) and `sibling` whether that is the next key
/// of the same mapping: the parser's next event must stand there and be a
/// key exactly then, or the whole document goes to the parser.
fn slice_entry(
    text: &str,
    start: usize,
    depth: usize,
    (next, sibling): (usize, bool),
    on_node: Option<&mut dyn FnMut(Yaml, Yaml)>,
) -> Result<(Yaml, Yaml), Fallback> {
    let rest = &text[start..];
    let entry = match on_node {
        Some(on_node) => {
            let mut shifted = |k: Yaml, v: Yaml| on_node(shift(k, start), shift(v, start));
            yaml::parse_first_entry(rest, depth, Some(&mut shifted))
        }
        None => yaml::parse_first_entry(rest, depth, None),
    };
    match entry {
        Ok(Some((k, v, at, key))) if start + at == next && key == sibling => {
            Ok((shift(k, start), shift(v, start)))
        }
        _ => Err(Fallback),
    }
}

/// The tree with every span moved `by` bytes on.
fn shift(mut y: Yaml, by: usize) -> Yaml {
    fn walk(y: &mut Yaml, by: u32) {
        y.span.start += by;
        y.span.end += by;
        match &mut y.value {
            Value::Seq(items) => items.iter_mut().for_each(|i| walk(i, by)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                walk(k, by);
                walk(v, by);
            }),
            _ => {}
        }
    }
    walk(&mut y, u32::try_from(by).unwrap_or(u32::MAX));
    y
}

fn yaml_key(text: &str, start: usize, end: usize) -> Yaml {
    Yaml {
        value: yaml::plain_scalar(&text[start..end]),
        span: Span::new(start..end),
    }
}

/// The text, read line by line. Positions are byte offsets; `None` from a
/// reading function means "not the shapes read here".
struct Lines<'t> {
    text: &'t str,
    b: &'t [u8],
    /// Collections open now: past [`MAX_DEPTH`] the parser takes over
    /// (and applies its own limit), so no input runs this reader deep.
    depth: std::cell::Cell<usize>,
    /// The text size from which the nodes are read in two parts.
    split_from: usize,
}

/// Deepest nesting read here (a map needs about six levels).
const MAX_DEPTH: usize = 24;

impl Lines<'_> {
    /// Runs `read` one level deeper, or gives up past [`MAX_DEPTH`].
    fn nested<T>(&self, read: impl FnOnce() -> Option<T>) -> Option<T> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let found = read();
        self.depth.set(self.depth.get() - 1);
        found
    }
}

impl Lines<'_> {
    /// The end of the line holding `at` (its `\n`, or the end of the text).
    fn line_end(&self, at: usize) -> usize {
        memchr::memchr(b'\n', &self.b[at..]).map_or(self.b.len(), |k| at + k)
    }

    /// The first significant line (not blank, not only a comment) at or
    /// after the line starting at `line`: the position of its first
    /// character and its indent.
    fn significant(&self, mut line: usize) -> Option<(usize, usize)> {
        while line < self.b.len() {
            let indent = self.b[line..].iter().take_while(|&&c| c == b' ').count();
            let first = line + indent;
            match self.b.get(first) {
                None => return None,
                Some(b'\n' | b'#') => line = self.line_end(first) + 1,
                Some(_) => return Some((first, indent)),
            }
        }
        None
    }

    /// The start of the first significant line after `from` (a line end)
    /// indented `indent` or less, or the end of the text.
    fn next_at_or_below(&self, from: usize, indent: usize) -> usize {
        let mut line = from + 1;
        while let Some((first, k)) = self.significant(line) {
            if k <= indent {
                return first - k;
            }
            line = self.line_end(first) + 1;
        }
        self.b.len()
    }

    /// At a plain key, the end of the key (before `:`, which a space or the
    /// line's end follows).
    fn key_end(&self, at: usize) -> Option<usize> {
        if !plain_start(self.b, at, false) {
            return None;
        }
        let end = self.line_end(at);
        let mut i = at;
        while i < end {
            // The parser gives up on a key whose `:` is more than 1024
            // characters on (an error); leave long keys to it.
            if i - at > 1000 {
                return None;
            }
            match self.b[i] {
                b':' if i + 1 == end || self.b[i + 1] == b' ' => {
                    return (i > at && self.b[i - 1] != b' ').then_some(i);
                }
                b'#' if self.b[i - 1] == b' ' => return None,
                b'"' | b'\'' | b'[' | b']' | b'{' | b'}' | b',' if i == at => return None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// One `key: value` of a block mapping indented `indent`; `cursor` goes
    /// to the start of the next line after it and its value.
    fn map_entry(&self, cursor: &mut usize, key_end: usize, indent: usize) -> Option<(Yaml, Yaml)> {
        let at = *cursor;
        let key = yaml_key(self.text, at, key_end);
        let line_end = self.line_end(at);
        let after = skip_spaces(self.b, key_end + 1, line_end);
        if after < line_end && self.b[after] != b'#' {
            let (value, next) = self.inline(after, line_end)?;
            *cursor = next;
            // A more indented line after an inline value continues it.
            if self.significant(next).is_some_and(|(_, k)| k > indent) {
                return None;
            }
            return Some((key, value));
        }
        // The value is on the lines below: more indented, or a list at the
        // same indent; else null.
        *cursor = line_end + 1;
        match self.significant(*cursor) {
            Some((first, k)) if k > indent => {
                let value = self.block(first, k, cursor)?;
                Some((key, value))
            }
            Some((first, k)) if k == indent && is_item(self.b, first) => {
                // A list at its key's indent ("indentless"): the parser puts
                // its start at its first item.
                let mut value = self.nested(|| self.seq(first, k, cursor))?;
                let item = skip_spaces(self.b, first + 1, self.line_end(first));
                value.span = Span::new(item..item);
                Some((key, value))
            }
            _ => Some((
                key,
                Yaml {
                    value: Value::Null,
                    span: Span::new(key_end..key_end),
                },
            )),
        }
    }

    /// A block node starting at `first`, indented `indent`.
    fn block(&self, first: usize, indent: usize, cursor: &mut usize) -> Option<Yaml> {
        self.nested(|| {
            if is_item(self.b, first) {
                self.seq(first, indent, cursor)
            } else {
                self.map(first, indent, cursor)
            }
        })
    }

    /// A block mapping whose first key starts at `first`, its keys at
    /// column `indent`; `cursor` ends after it.
    fn map(&self, first: usize, indent: usize, cursor: &mut usize) -> Option<Yaml> {
        let mut entries = Vec::new();
        let mut at = first;
        loop {
            let key_end = self.key_end(at)?;
            *cursor = at;
            entries.push(self.map_entry(cursor, key_end, indent)?);
            match self.significant(*cursor) {
                Some((next, k)) if k == indent => at = next,
                Some((_, k)) if k > indent => return None,
                _ => break,
            }
        }
        Some(Yaml {
            value: Value::Map(entries),
            span: Span::new(first..first),
        })
    }

    /// A block list whose first `-` is at `first`, indented `indent`.
    fn seq(&self, first: usize, indent: usize, cursor: &mut usize) -> Option<Yaml> {
        let mut items = Vec::new();
        let mut at = first;
        loop {
            let line_end = self.line_end(at);
            let item = skip_spaces(self.b, at + 1, line_end);
            if item >= line_end || self.b[item] == b'#' || item == at + 1 {
                // `-` alone, or `-` without a space: not read here.
                return None;
            }
            let column = item - (at - indent);
            if self.key_end(item).is_some() {
                // `- key: value`: a mapping at the item's column.
                items.push(self.nested(|| self.map(item, column, cursor))?);
            } else {
                let (value, next) = self.inline(item, line_end)?;
                *cursor = next;
                items.push(value);
            }
            match self.significant(*cursor) {
                Some((next, k)) if k == indent && is_item(self.b, next) => at = next,
                Some((_, k)) if k > indent => return None,
                _ => break,
            }
        }
        Some(Yaml {
            value: Value::Seq(items),
            span: Span::new(first..first),
        })
    }

    /// A value that stands on its line, from `at` to `line_end`: a flow
    /// collection, a quoted or a plain scalar, then at most a comment.
    /// Returns it and the start of the next line.
    fn inline(&self, at: usize, line_end: usize) -> Option<(Yaml, usize)> {
        let (value, end) = match self.b[at] {
            b'[' | b'{' | b'"' | b'\'' => self.flow(at, line_end)?,
            _ => {
                if !plain_start(self.b, at, false) {
                    return None;
                }
                // Up to a comment, trailing spaces dropped.
                let mut end = line_end;
                let mut i = at;
                while i < line_end {
                    match self.b[i] {
                        b'#' if self.b[i - 1] == b' ' => {
                            end = i;
                            break;
                        }
                        b':' if i + 1 == line_end || self.b[i + 1] == b' ' => return None,
                        _ => {}
                    }
                    i += 1;
                }
                while end > at && self.b[end - 1] == b' ' {
                    end -= 1;
                }
                (
                    Yaml {
                        value: yaml::plain_scalar(&self.text[at..end]),
                        span: Span::new(at..end),
                    },
                    end,
                )
            }
        };
        let rest = skip_spaces(self.b, end, line_end);
        if rest < line_end && !(self.b[rest] == b'#' && rest > end) {
            return None;
        }
        Some((value, line_end + 1))
    }

    /// A flow node or quoted scalar at `at`, all on its line: the node and
    /// the position after it.
    fn flow(&self, at: usize, line_end: usize) -> Option<(Yaml, usize)> {
        match self.b[at] {
            b'"' => {
                let close = at + 1 + memchr::memchr2(b'"', b'\\', &self.b[at + 1..line_end])?;
                if self.b[close] != b'"' {
                    return None;
                }
                Some((
                    Yaml {
                        value: Value::Str(self.text[at + 1..close].into()),
                        span: Span::new(at..close + 1),
                    },
                    close + 1,
                ))
            }
            b'\'' => {
                let mut s = String::new();
                let mut i = at + 1;
                loop {
                    let k = i + memchr::memchr(b'\'', &self.b[i..line_end])?;
                    s.push_str(&self.text[i..k]);
                    if self.b.get(k + 1) == Some(&b'\'') && k + 1 < line_end {
                        s.push('\'');
                        i = k + 2;
                    } else {
                        return Some((
                            Yaml {
                                value: Value::Str(s.into()),
                                span: Span::new(at..k + 1),
                            },
                            k + 1,
                        ));
                    }
                }
            }
            open @ (b'[' | b'{') => {
                let close = if open == b'[' { b']' } else { b'}' };
                let mut i = skip_spaces(self.b, at + 1, line_end);
                let mut items = Vec::new();
                let mut entries = Vec::new();
                if self.b.get(i) == Some(&close) {
                    i += 1;
                } else {
                    loop {
                        if open == b'[' {
                            let (item, next) = self.flow_item(i, line_end)?;
                            items.push(item);
                            i = next;
                        } else {
                            let key_end = self.flow_plain_end(i, line_end, true)?;
                            if self.b.get(key_end) != Some(&b':') {
                                return None;
                            }
                            let key = yaml_key(self.text, i, key_end);
                            let v = skip_spaces(self.b, key_end + 1, line_end);
                            if v == key_end + 1 {
                                return None;
                            }
                            let (value, next) = self.flow_item(v, line_end)?;
                            entries.push((key, value));
                            i = next;
                        }
                        i = skip_spaces(self.b, i, line_end);
                        match self.b.get(i) {
                            Some(&c) if c == close => {
                                i += 1;
                                break;
                            }
                            Some(b',') => {
                                i = skip_spaces(self.b, i + 1, line_end);
                                if i >= line_end || matches!(self.b[i], b',' | b']' | b'}') {
                                    return None;
                                }
                            }
                            _ => return None,
                        }
                    }
                }
                let value = if open == b'[' {
                    Value::Seq(items)
                } else {
                    Value::Map(entries)
                };
                Some((
                    Yaml {
                        value,
                        span: Span::new(at..at),
                    },
                    i,
                ))
            }
            _ => None,
        }
    }

    /// An item of a flow collection: a quoted scalar, a nested collection
    /// or a plain scalar.
    fn flow_item(&self, at: usize, line_end: usize) -> Option<(Yaml, usize)> {
        if at >= line_end {
            return None;
        }
        if matches!(self.b[at], b'[' | b'{' | b'"' | b'\'') {
            return self.nested(|| self.flow(at, line_end));
        }
        let end = self.flow_plain_end(at, line_end, false)?;
        Some((
            Yaml {
                value: yaml::plain_scalar(&self.text[at..end]),
                span: Span::new(at..end),
            },
            end,
        ))
    }

    /// The end of a plain scalar inside a flow collection (trailing spaces
    /// dropped). A key ends before `: `; a value must not hold a `:` that
    /// could make it a key.
    fn flow_plain_end(&self, at: usize, line_end: usize, key: bool) -> Option<usize> {
        if at >= line_end || !plain_start(self.b, at, true) {
            return None;
        }
        let mut i = at;
        let mut end = None;
        while i < line_end {
            if key && i - at > 1000 {
                return None;
            }
            match self.b[i] {
                b',' | b']' | b'}' | b'[' | b'{' => break,
                b'#' if self.b[i - 1] == b' ' => return None,
                b':' if key && self.b.get(i + 1) == Some(&b' ') => {
                    end = Some(i);
                    break;
                }
                b':' => return None,
                _ => {}
            }
            i += 1;
        }
        let mut end = end.unwrap_or(i);
        if key && self.b.get(end) != Some(&b':') {
            return None;
        }
        let stop = end;
        while end > at && self.b[end - 1] == b' ' {
            end -= 1;
        }
        if key && end != stop {
            return None;
        }
        (end > at).then_some(end)
    }

    /// The entries of a `nodes:` mapping written as a block below its key,
    /// each read here or by the parser alone and handed to `on_node`; the
    /// (empty) mapping that stands in the tree. `None` when the value is
    /// not a block mapping (the caller reads the entry another way).
    /// The value of `nodes:` (an empty mapping: its entries went to
    /// `on_node`) and where the next top-level entry starts; `None` for a
    /// value this does not stream.
    ///
    /// The entry ends at the first significant line indented 0, so a line
    /// after a node lies within the entry exactly when it is indented.
    fn stream_nodes(
        &self,
        at: usize,
        key_end: usize,
        sink: &mut impl NodeSink,
    ) -> Result<Option<(Yaml, usize)>, Fallback> {
        let line_end = self.line_end(at);
        let after = skip_spaces(self.b, key_end + 1, line_end);
        if after < line_end && self.b[after] != b'#' {
            return Ok(None);
        }
        let Some((first, indent)) = self.significant(line_end + 1) else {
            return Ok(None);
        };
        // The mapping's span is its first key's: known here only for a
        // plain key.
        if indent == 0 || is_item(self.b, first) || self.key_end(first).is_none() {
            return Ok(None);
        }
        let split = self
            .split_point(first, indent)
            .and_then(|at| Some((at, sink.part()?)));
        let resume = match split {
            None => self.every_entry(first, indent, sink)?,
            Some((at, part)) => self.node_entries_split(first, indent, sink, at, part)?,
        };
        Ok(Some((
            Yaml {
                value: Value::Map(Vec::new()),
                span: Span::new(first..first),
            },
            resume,
        )))
    }

    /// Where a second thread may start reading the entries of the mapping
    /// whose entries start at `first`, indented `indent`: the first line
    /// after five twelfths of the text on that is indented `indent` and
    /// starts with a plain key. (This thread reads less than half, for it
    /// also puts the other half's nodes in the table, which takes about a
    /// third as long as reading them.) Whether the reading from `first`
    /// comes to that line as an entry of the mapping is known only when it
    /// does.
    fn split_point(&self, first: usize, indent: usize) -> Option<usize> {
        if self.b.len() < self.split_from {
            return None;
        }
        let mut line = self.line_end(first + (self.b.len() - first) / 12 * 5) + 1;
        // A few lines on at most: a map's nodes are a few lines each.
        for _ in 0..1000 {
            let (at, k) = self.significant(line)?;
            if k == indent && !is_item(self.b, at) && self.key_end(at).is_some() {
                return Some(at);
            }
            line = self.line_end(at) + 1;
        }
        None
    }

    /// Every entry of the mapping from the one at `first` on, read here
    /// and handed to `sink`; where the next top-level entry starts.
    fn every_entry(
        &self,
        first: usize,
        indent: usize,
        sink: &mut impl NodeSink,
    ) -> Result<usize, Fallback> {
        match self.node_entries(first, indent, &mut |k, v| sink.node(k, v), None)? {
            Entries::End(resume) => Ok(resume),
            Entries::Reached => unreachable!("no point to reach was given"),
        }
    }

    /// Reads the entries from `first` on, the part from `split` on on a
    /// thread of its own; when the reading from `first` reaches `split` as
    /// an entry, the part's nodes are handed over there. When it does not
    /// (the mapping ends before, or `split` lies inside an entry), the part
    /// is dropped and the reading goes on here: either way, `sink` takes
    /// the same nodes in the same order as from one thread.
    fn node_entries_split<S: NodeSink>(
        &self,
        first: usize,
        indent: usize,
        sink: &mut S,
        split: usize,
        mut part: S::Part,
    ) -> Result<usize, Fallback> {
        let stop = std::sync::atomic::AtomicBool::new(false);
        let depth = self.depth.get();
        let (text, b) = (self.text, self.b);
        std::thread::scope(|scope| {
            let second = std::thread::Builder::new().spawn_scoped(scope, || {
                let lines = Lines {
                    text,
                    b,
                    depth: std::cell::Cell::new(depth),
                    split_from: usize::MAX,
                };
                let read = lines.node_entries(
                    split,
                    indent,
                    &mut |k, v| S::part_node(&mut part, k, v),
                    Some((usize::MAX, &stop)),
                );
                (read, part)
            });
            // A thread the system would not start: every node read here.
            let Ok(second) = second else {
                return self.every_entry(first, indent, sink);
            };
            let read = self.node_entries(
                first,
                indent,
                &mut |k, v| sink.node(k, v),
                Some((split, &stop)),
            );
            let reached = matches!(read, Ok(Entries::Reached));
            if !reached {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            let (second, part) = second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match read? {
                Entries::End(resume) => Ok(resume),
                Entries::Reached => match second? {
                    Entries::End(resume) => {
                        sink.join(part);
                        Ok(resume)
                    }
                    Entries::Reached => unreachable!("the second part has no point to reach"),
                },
            }
        })
    }

    /// The entries of the mapping from the one at `node` on, indented
    /// `indent`, each handed to `on_node`, up to where the next top-level
    /// entry starts. With `until`, stops at the entry that starts there
    /// (if one does), and gives up when `stop` is set.
    fn node_entries(
        &self,
        mut node: usize,
        indent: usize,
        on_node: &mut dyn FnMut(Yaml, Yaml),
        until: Option<(usize, &std::sync::atomic::AtomicBool)>,
    ) -> Result<Entries, Fallback> {
        let resume = loop {
            if let Some((at, stop)) = until {
                if node == at {
                    return Ok(Entries::Reached);
                }
                if node > at {
                    // Past the point without an entry there: the other
                    // thread's reading is of no use.
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                } else if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(Fallback);
                }
            }
            // A key the parser reads in other ways (quoted, tagged, complex)
            // could depend on what comes before it: the whole document goes
            // to the parser then.
            let key_end = self.key_end(node).ok_or(Fallback)?;
            let mut cursor = node;
            // Where the entry ends: as read here (a list at the key's
            // indent is part of it), or as the parser reads it in place
            // (the node mapping stands one level down in the document).
            let after = if let Some((k, v)) = self.map_entry(&mut cursor, key_end, indent) {
                on_node(k, v);
                cursor
            } else {
                let node_end = self.next_at_or_below(self.line_end(node), indent);
                let next = match self.significant(node_end) {
                    Some((next, k)) => (next, k == indent),
                    None => (self.b.len(), false),
                };
                let (k, v) = slice_entry(self.text, node - indent, 1, next, None)?;
                on_node(k, v);
                node_end
            };
            match self.significant(after) {
                Some((next, k)) if k == indent => node = next,
                Some((_, k)) if k > 0 => return Err(Fallback),
                Some((next, _)) => break next,
                None => break self.b.len(),
            }
        };
        Ok(Entries::End(resume))
    }
}

/// How a reading of a mapping's entries ended.
enum Entries {
    /// At the top-level entry that starts here, or the end of the text.
    End(usize),
    /// At the entry it was to stop at.
    Reached,
}

fn skip_spaces(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && b[i] == b' ' {
        i += 1;
    }
    i
}

/// Whether `- ` (or `-` at the end of the line) starts a list item at `at`.
fn is_item(b: &[u8], at: usize) -> bool {
    b[at] == b'-' && matches!(b.get(at + 1), None | Some(b' ' | b'\n'))
}

/// Whether a plain scalar may start at `at`: not with an indicator, and
/// `-`, `?` or `:` only before a character that is not a space (nor, in a
/// flow collection, a flow indicator).
fn plain_start(b: &[u8], at: usize, flow: bool) -> bool {
    match b.get(at) {
        None
        | Some(
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n',
        ) => false,
        Some(b'-' | b'?' | b':') => match b.get(at + 1) {
            None | Some(b' ' | b'\n') => false,
            Some(b',' | b'[' | b']' | b'{' | b'}') => !flow,
            Some(_) => true,
        },
        Some(_) => true,
    }
}

/// Whether the fast path and the parser agree on `text`: the same nodes
/// handed over and the same tree, or the fast path defers to the parser.
/// For the differential tests and the `yaml_fast` fuzz target; `Err` names
/// the first difference.
pub(crate) fn agrees(text: &str) -> Result<(), String> {
    let mut fast_nodes = Vec::new();
    let fast = parse_streaming(text, &mut |k, v| fast_nodes.push((k, v)), usize::MAX);
    split_agrees(text, fast.as_ref().ok().map(|tree| (tree, &fast_nodes[..])))?;
    let Ok(fast) = fast else {
        return Ok(());
    };
    let mut slow_nodes = Vec::new();
    let slow = yaml::parse_streaming(text, Some(&mut |k, v| slow_nodes.push((k, v))));
    let slow = match slow {
        Ok(slow) => slow,
        Err(e) => {
            return Err(format!(
                "the parser refused it ({} at {:?}), the fast path read it",
                e.message, e.span
            ));
        }
    };
    let (Some(fast), Some(slow)) = (fast, slow) else {
        return Err("one found no document".into());
    };
    first_difference(&fast, &slow, "")?;
    same_nodes(&fast_nodes, &slow_nodes, "", |a, b| {
        format!("{a} nodes handed over, the parser {b}")
    })
}

/// The first difference between two lists of nodes handed over, each
/// place named after `prefix`; `count` says how their lengths differ.
fn same_nodes(
    a: &[KeyValue],
    b: &[KeyValue],
    prefix: &str,
    count: impl FnOnce(usize, usize) -> String,
) -> Result<(), String> {
    if a.len() != b.len() {
        return Err(count(a.len(), b.len()));
    }
    for (i, ((ak, av), (bk, bv))) in a.iter().zip(b).enumerate() {
        first_difference(ak, bk, &format!("{prefix}node {i} key"))?;
        first_difference(av, bv, &format!("{prefix}node {i}"))?;
    }
    Ok(())
}

/// A node's key and value, as handed over.
type KeyValue = (Yaml, Yaml);

/// Whether reading the nodes in two parts, on two threads, from the middle
/// of the text (as a large text is read) gives what reading them on one
/// thread gave: `whole`, or `None` for leaving the text to the parser.
fn split_agrees(text: &str, whole: Option<(&Option<Yaml>, &[KeyValue])>) -> Result<(), String> {
    /// Takes the nodes of both parts, in order.
    struct Halves(Vec<KeyValue>);
    impl NodeSink for Halves {
        type Part = Vec<KeyValue>;
        fn node(&mut self, key: Yaml, value: Yaml) {
            self.0.push((key, value));
        }
        fn part(&self) -> Option<Self::Part> {
            Some(Vec::new())
        }
        fn part_node(part: &mut Self::Part, key: Yaml, value: Yaml) {
            part.push((key, value));
        }
        fn join(&mut self, part: Self::Part) {
            self.0.extend(part);
        }
    }
    let mut halves = Halves(Vec::new());
    let split = parse_streaming(text, &mut halves, 0);
    match (split, whole) {
        (Err(Fallback), None) => Ok(()),
        (Ok(_), None) => Err("read in two parts, not left to the parser as in one".into()),
        (Err(Fallback), Some(_)) => Err("left to the parser in two parts, read in one".into()),
        (Ok(tree), Some((whole_tree, whole_nodes))) => {
            match (&tree, whole_tree) {
                (Some(a), Some(b)) => first_difference(a, b, "two parts")?,
                (None, None) => {}
                _ => return Err("a document in one reading only".into()),
            }
            same_nodes(&halves.0, whole_nodes, "two parts, ", |a, b| {
                format!("{a} nodes in two parts, {b} in one")
            })
        }
    }
}

/// The first place where two trees differ.
fn first_difference(fast: &Yaml, slow: &Yaml, path: &str) -> Result<(), String> {
    let differ = |what: String| Err(format!("at {path}: {what}"));
    if fast.span != slow.span {
        return differ(format!("span {:?}, the parser {:?}", fast.span, slow.span));
    }
    match (&fast.value, &slow.value) {
        (Value::Seq(a), Value::Seq(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                first_difference(x, y, &format!("{path}/{i}"))?;
            }
            Ok(())
        }
        (Value::Map(a), Value::Map(b)) if a.len() == b.len() => {
            for (i, ((ka, va), (kb, vb))) in a.iter().zip(b).enumerate() {
                first_difference(ka, kb, &format!("{path}/key {i}"))?;
                first_difference(va, vb, &format!("{path}/{i}"))?;
            }
            Ok(())
        }
        (Value::Seq(a), Value::Seq(b)) => {
            differ(format!("{} items, the parser {}", a.len(), b.len()))
        }
        (Value::Map(a), Value::Map(b)) => {
            differ(format!("{} entries, the parser {}", a.len(), b.len()))
        }
        (a, b) if a == b => Ok(()),
        (a, b) => differ(format!(
            "{:.80}, the parser {:.80}",
            format!("{a:?}"),
            format!("{b:?}")
        )),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::agrees;

    #[test]
    fn agrees_on_every_map_and_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("maps"), root.join("docs/examples")];
        let mut files = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    files.push(path);
                }
            }
            if dir.ends_with("maps") {
                dirs.push(root.join("tests/fixtures"));
            }
        }
        assert!(files.len() > 50);
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue; // not UTF-8: never parsed
            };
            if let Err(e) = agrees(&text) {
                panic!("{}: {e}", path.display());
            }
        }
    }

    /// Cases where reading a part alone once differed from reading the
    /// whole document: an alias budget per part, the nesting limit one level
    /// off, keys past the parser's 1024-character limit; and lists at their
    /// key's indent, read here.
    #[test]
    fn agrees_where_parts_read_alone_could_differ() {
        let level = |n: &str, t: &str| {
            let refs: Vec<String> = (0..10).map(|i| format!("\"{i}\":*{t}")).collect();
            format!("\"{n}\":&{n} {{{}}}", refs.join(","))
        };
        let node = format!(
            "{{\"a\":&a [x,x,x,x,x,x,x,x,x,x],{},{},{},{}}}",
            level("b", "a"),
            level("c", "b"),
            level("d", "c"),
            level("e", "d")
        );
        let bomb = (0..8).fold(String::new(), |mut bomb, i| {
            bomb.push_str(&format!("  n{i}: {node}\n"));
            bomb
        });
        let cases = [
            format!("nodes:\n{bomb}"),
            format!("nodes:\n  a: {}{}\n", "[".repeat(63), "]".repeat(63)),
            format!(
                "nodes:\n  a: {}{}\n  b: \"x\\n\"\n",
                "[".repeat(62),
                "]".repeat(62)
            ),
            format!("{}: x\n", "k".repeat(1025)),
            format!("a: 1\n{}: x\n", "k".repeat(1025)),
            format!("a: {{ {}: x }}\n", "k".repeat(1025)),
            "a:\n- x\n- y\nb: 1\n".to_string(),
            "nodes:\n  a:\n  - x\n  b: 1\n".to_string(),
        ];
        for text in cases {
            if let Err(e) = agrees(&text) {
                panic!("{text:.200}\n{e}");
            }
        }
        // The lists at their key's indent are read here, not by the parser.
        let mut nodes = 0;
        assert!(
            super::parse_streaming(
                "a:\n- x\nnodes:\n  a:\n  - x\n  b: 1\n",
                &mut |_, _| {
                    nodes += 1;
                },
                usize::MAX
            )
            .is_ok()
        );
        assert_eq!(nodes, 2);
    }

    /// Scalars as maps write them, and ones that are not what they seem.
    const SCALARS: &[&str] = &[
        "plain text",
        "Claim 3 says: no",
        "a: b",
        "x #c",
        "a#b",
        "p. 3",
        "'it''s'",
        "''",
        "\"dq\"",
        "\"\"",
        "\"esc \\\" q\"",
        "[a, b]",
        "[a, \"b c\", 'd']",
        "{ to: x, label: y }",
        "[]",
        "{}",
        "[ ]",
        "{a: [b, c]}",
        "[a, [b]]",
        "[a,b,]",
        "{a}",
        "{a: }",
        "{a:b}",
        "[a: b]",
        "| block",
        ">",
        "|-",
        "&anchor x",
        "*alias",
        "!!str 1",
        "!tag x",
        "~",
        "null",
        "Null",
        "true",
        "yes",
        "no",
        "007",
        "1.5",
        "-1",
        "+2",
        "0x1f",
        ".inf",
        "1e3",
        "- x",
        "? k",
        ":x",
        "-x",
        "?x",
        "a:",
        "trailing  ",
        "@at",
        "`tick",
        "%pct",
        "[a, b] tail",
        "\"unclosed",
        "'unclosed",
        "[unclosed",
        "{ x: 1 } # note",
        "x # note",
        "ünïcödé ✓",
        "a, b",
        "[a #b]",
        "{to: x,label: y}",
        "[\"a\",'b']",
    ];
    const KEYS: &[&str] = &[
        "title", "text", "held_by", "supports", "n1", "a b", "k:v", "x#y", "-k", "1", "true",
        "\"q\"", "? k", "key ", "[k]", "evidence", "kind",
    ];

    #[derive(Clone, Debug)]
    enum Tree {
        Scalar(&'static str),
        Map(Vec<(&'static str, Tree)>),
        Seq(Vec<Tree>),
    }

    fn tree() -> impl Strategy<Value = Tree> {
        let leaf = proptest::sample::select(SCALARS).prop_map(Tree::Scalar);
        leaf.prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec((proptest::sample::select(KEYS), inner.clone()), 1..4)
                    .prop_map(Tree::Map),
                proptest::collection::vec(inner, 1..4).prop_map(Tree::Seq),
            ]
        })
    }

    /// Writes a mapping's entries at `indent`; lists as values sit at the
    /// key's indent when `flush`.
    fn write_map(entries: &[(&str, Tree)], indent: usize, flush: bool, out: &mut String) {
        for (k, v) in entries {
            out.push_str(&" ".repeat(indent));
            out.push_str(k);
            out.push(':');
            write_value(v, indent, flush, out);
        }
    }

    fn write_value(v: &Tree, indent: usize, flush: bool, out: &mut String) {
        match v {
            Tree::Scalar(s) => {
                out.push(' ');
                out.push_str(s);
                out.push('\n');
            }
            Tree::Map(entries) => {
                out.push('\n');
                write_map(entries, indent + 2, flush, out);
            }
            Tree::Seq(items) => {
                out.push('\n');
                let at = if flush { indent } else { indent + 2 };
                for item in items {
                    out.push_str(&" ".repeat(at));
                    out.push('-');
                    match item {
                        Tree::Map(entries) => {
                            let (k, v) = &entries[0];
                            out.push(' ');
                            out.push_str(k);
                            out.push(':');
                            write_value(v, at + 2, flush, out);
                            write_map(&entries[1..], at + 2, flush, out);
                        }
                        other => write_value(other, at, flush, out),
                    }
                }
            }
        }
    }

    /// A map-like document: a header, then `nodes:` of generated entries;
    /// then lines changed at random (indent moved, comments and blank
    /// lines added).
    fn document() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec((proptest::sample::select(KEYS), tree()), 0..3),
            proptest::collection::vec((proptest::sample::select(KEYS), tree()), 0..5),
            any::<bool>(),
            proptest::collection::vec((any::<u16>(), 0u8..6), 0..4),
        )
            .prop_map(|(header, nodes, flush, edits)| {
                let mut out = String::from("argmap: 1\n");
                write_map(&header, 0, flush, &mut out);
                out.push_str("nodes:\n");
                write_map(&nodes, 2, flush, &mut out);
                let mut lines: Vec<String> = out.lines().map(str::to_string).collect();
                for (at, edit) in edits {
                    let i = usize::from(at) % lines.len();
                    match edit {
                        0 => lines[i].insert(0, ' '),
                        1 => {
                            if lines[i].starts_with(' ') {
                                lines[i].remove(0);
                            }
                        }
                        2 => lines.insert(i, "  # a comment".into()),
                        3 => lines.insert(i, String::new()),
                        4 => lines[i].push_str(" # trailing"),
                        _ => lines[i].push_str("  "),
                    }
                }
                lines.join("\n") + "\n"
            })
    }

    /// The second half of a large `nodes:` is read on another thread and
    /// joined; when the middle of the text lies past the nodes (in a later
    /// section whose entries look like nodes), or inside a node, the other
    /// thread's reading is dropped. Each reading agrees with the parser.
    #[test]
    fn the_second_half_of_the_nodes_is_read_beside() {
        struct Count {
            here: usize,
            joined: Vec<usize>,
        }
        impl super::NodeSink for Count {
            type Part = usize;
            fn node(&mut self, _: super::Yaml, _: super::Yaml) {
                self.here += 1;
            }
            fn part(&self) -> Option<usize> {
                Some(0)
            }
            fn part_node(part: &mut usize, _: super::Yaml, _: super::Yaml) {
                *part += 1;
            }
            fn join(&mut self, part: usize) {
                self.joined.push(part);
            }
        }
        let nodes: String = (0..100)
            .map(|i| format!("  n{i}:\n    text: Claim {i}.\n    supports: [n0]\n"))
            .collect::<Vec<_>>()
            .concat();
        let sources = (0..1000)
            .map(|i| format!("  s{i}:\n    title: S\n"))
            .collect::<Vec<_>>()
            .concat();
        let inside = format!(
            "nodes:\n  a:\n    text: A.\n  b:\n{}",
            "  - x: 1\n".repeat(200)
        );
        for (text, nodes, split) in [
            (format!("title: T\nnodes:\n{nodes}"), 100, true),
            (format!("nodes:\n{nodes}sources:\n{sources}"), 100, false),
            (inside, 2, false),
        ] {
            agrees(&text).unwrap();
            let mut count = Count {
                here: 0,
                joined: Vec::new(),
            };
            super::parse_streaming(&text, &mut count, 0).unwrap();
            let beside: usize = count.joined.iter().sum();
            assert_eq!(count.here + beside, nodes, "{text:.100}");
            if split {
                // Some seven twelfths on the other thread.
                assert_eq!(count.joined.len(), 1);
                assert!((50..65).contains(&beside), "{beside} read beside");
            } else {
                assert!(count.joined.is_empty());
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The fast path reads every document as the parser does, or leaves
        /// it to the parser.
        #[test]
        fn agrees_with_the_parser(text in document()) {
            if let Err(e) = agrees(&text) {
                prop_assert!(false, "{text}\n{e}");
            }
        }
    }
}
