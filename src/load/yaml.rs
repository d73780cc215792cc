//! YAML text → a spanned value tree. The only file that names the YAML crate.
//!
//! Built directly from granit-parser's events (a pure-Rust YAML 1.2 parser
//! with byte spans for every event), iteratively, so no input can overflow
//! the stack. The tree keeps every key and value with its byte span and keeps
//! repeated keys (the schema pass reports them).
//!
//! Limits: nesting depth [`MAX_DEPTH`]; aliases may copy at most
//! [`MAX_ALIAS_NODES`] nodes in all (a "billion laughs" stops there); one
//! document per file.
//!
//! Scalars follow the YAML 1.2 core schema: `null`/`~`/empty are null, only
//! `true`/`false` are booleans, so `no`, `y` or `on` stay strings; `007`
//! stays a string; quoted or `!!str` scalars are always strings.

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError};

use crate::source::Span;

/// Deepest nesting accepted. A map needs about ten levels.
pub(crate) const MAX_DEPTH: usize = 64;

/// Most nodes that aliases may copy, in all.
pub(crate) const MAX_ALIAS_NODES: usize = 1_000_000;

/// A YAML value with its span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Yaml {
    pub(crate) value: Value,
    pub(crate) span: Span,
}

/// The value itself.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool,
    Int(i128),
    Float,
    Str(compact_str::CompactString),
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

impl Value {
    /// The YAML type name, for "expected …, found …" messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    fn size(&self) -> usize {
        match self {
            Value::Seq(items) => 1 + items.iter().map(|i| i.value.size()).sum::<usize>(),
            Value::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.value.size() + v.value.size())
                    .sum::<usize>()
            }
            _ => 1,
        }
    }
}

/// Why the text could not be turned into a tree.
#[derive(Debug)]
pub(crate) struct ParseError {
    pub(crate) message: String,
    pub(crate) span: Span,
    /// Whether a safety limit (rather than the syntax) stopped the parser.
    pub(crate) limit: bool,
}

impl ParseError {
    fn limit(message: impl Into<String>, span: Span) -> Self {
        ParseError {
            message: message.into(),
            span,
            limit: true,
        }
    }
}

/// An open collection while building.
enum Frame {
    Seq {
        items: Vec<Yaml>,
        start: usize,
        anchor: usize,
    },
    Map {
        entries: Vec<(Yaml, Yaml)>,
        key: Option<Yaml>,
        start: usize,
        anchor: usize,
        /// The top-level `nodes:` mapping: its entries go to the caller as
        /// they complete instead of into `entries`.
        stream: bool,
    },
}

/// Parses one YAML document. `Ok(None)` means the document is empty.
#[cfg(test)]
pub(crate) fn parse(text: &str) -> Result<Option<Yaml>, ParseError> {
    parse_streaming(text, None)
}

/// Parses one YAML document, handing each entry of the top-level `nodes:`
/// mapping to `on_node` as soon as it is complete, so that a large map's
/// tree never exists whole. The `nodes:` value in the returned tree is then
/// an empty mapping.
pub(crate) fn parse_streaming(
    text: &str,
    on_node: Option<&mut dyn FnMut(Yaml, Yaml)>,
) -> Result<Option<Yaml>, ParseError> {
    parse_events(text, on_node, None)
}

/// The error for an anchor or alias in a part of a document.
fn anchored(at: usize) -> ParseError {
    ParseError {
        message: "an anchor or alias in a part read alone".into(),
        span: Span::new(at..at),
        limit: false,
    }
}

/// The first entry of the block mapping that `text` starts with, read as
/// it would be read in the whole document: the parser stops one event
/// after the entry is complete, so what follows it in `text` (the rest of
/// the document) only ends it, as it does there. Entries of a `nodes:`
/// mapping in it go to `on_node`. With the entry: where the next event
/// starts, and whether it is a scalar (the next key).
///
/// `depth` is how deeply the entry's mapping stands in the document, for
/// the nesting limit. An anchor or alias is an error here: their budget is
/// the whole document's (the caller then parses all of it).
pub(crate) fn parse_first_entry(
    text: &str,
    depth: usize,
    on_node: Option<&mut dyn FnMut(Yaml, Yaml)>,
) -> Result<Option<(Yaml, Yaml, usize, bool)>, ParseError> {
    let mut next = None;
    let tree = parse_events(text, on_node, Some((&mut next, depth)))?;
    Ok(match (tree, next) {
        (
            Some(Yaml {
                value: Value::Map(mut entries),
                ..
            }),
            Some((at, scalar)),
        ) if entries.len() == 1 => entries.pop().map(|(k, v)| (k, v, at, scalar)),
        _ => None,
    })
}

fn parse_events(
    text: &str,
    mut on_node: Option<&mut dyn FnMut(Yaml, Yaml)>,
    mut first_entry: Option<(&mut Option<(usize, bool)>, usize)>,
) -> Result<Option<Yaml>, ParseError> {
    let depth = first_entry.as_ref().map_or(0, |(_, depth)| *depth);
    let part = first_entry.is_some();
    let mut stack: Vec<Frame> = Vec::new();
    // With `first_entry`: the entry, once complete; returned when the
    // parser has read one event more without an error.
    let mut first: Option<Yaml> = None;
    let mut anchors: HashMap<usize, Yaml> = HashMap::new();
    let mut alias_budget = MAX_ALIAS_NODES;
    let mut root: Option<Yaml> = None;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| scan_error(&e))?;
        if first.is_some() {
            if let Some((next, _)) = first_entry.as_mut() {
                let at = span.start.byte_offset().unwrap_or(span.start.index());
                **next = Some((at, matches!(event, Event::Scalar(..))));
            }
            return Ok(first);
        }
        let start = span.start.byte_offset().unwrap_or(span.start.index());
        let end = span
            .end
            .byte_offset()
            .unwrap_or(span.end.index())
            .max(start);
        let node = match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 && root.is_some() {
                    return Err(ParseError {
                        message: "more than one YAML document in the file".into(),
                        span: Span::new(start..end.max(start + 3)),
                        limit: false,
                    });
                }
                continue;
            }
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _) => {
                if part && anchor != 0 {
                    return Err(anchored(start));
                }
                if stack.len() + depth >= MAX_DEPTH {
                    return Err(ParseError::limit(
                        format!("YAML is nested more than {MAX_DEPTH} levels deep"),
                        Span::new(start..end),
                    ));
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        items: Vec::new(),
                        start,
                        anchor,
                    }
                } else {
                    let stream = on_node.is_some()
                        && matches!(
                        stack.as_slice(),
                        [Frame::Map { key: Some(Yaml { value: Value::Str(k), .. }), .. }] if k == "nodes"
                    );
                    Frame::Map {
                        entries: Vec::new(),
                        key: None,
                        start,
                        anchor,
                        stream,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let (value, start, anchor) = match frame {
                    Frame::Seq {
                        items,
                        start,
                        anchor,
                    } => (Value::Seq(items), start, anchor),
                    Frame::Map {
                        mut entries,
                        key,
                        start,
                        anchor,
                        stream,
                    } => {
                        if let Some(key) = key {
                            let at = key.span.end as usize;
                            if let (true, Some(f)) = (stream, on_node.as_mut()) {
                                f(key, null(at));
                            } else {
                                entries.push((key, null(at)));
                            }
                        }
                        (Value::Map(entries), start, anchor)
                    }
                };
                let node = Yaml {
                    value,
                    span: Span::new(start..start),
                };
                remember(&mut anchors, anchor, &node);
                node
            }
            Event::Scalar(_, _, anchor, _) if part && anchor != 0 => return Err(anchored(start)),
            Event::Scalar(value, style, anchor, tag) => {
                let is_str_tag = tag.as_ref().is_some_and(|t| t.suffix() == "str");
                let node = Yaml {
                    value: scalar(value, style, is_str_tag),
                    span: Span::new(start..end),
                };
                remember(&mut anchors, anchor, &node);
                node
            }
            Event::Alias(_) if part => return Err(anchored(start)),
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(ParseError {
                        message: "alias to an unknown anchor".into(),
                        span: Span::new(start..end),
                        limit: false,
                    });
                };
                let size = target.value.size();
                if size > alias_budget {
                    return Err(ParseError::limit(
                        "aliases expand to more than a million nodes (an alias bomb?)".to_string(),
                        Span::new(start..end),
                    ));
                }
                alias_budget -= size;
                Yaml {
                    value: target.value.clone(),
                    span: Span::new(start..end),
                }
            }
            Event::UnresolvedAlias(name) => {
                return Err(ParseError {
                    message: format!("alias `*{name}` refers to no anchor"),
                    span: Span::new(start..end),
                    limit: false,
                });
            }
            _ => continue,
        };
        match stack.last_mut() {
            Some(Frame::Map {
                key, stream: true, ..
            }) => match (key.take(), on_node.as_mut()) {
                (Some(k), Some(f)) => f(k, node),
                (_, _) => *key = Some(node),
            },
            _ => attach(&mut stack, &mut root, node),
        }
        if part
            && let [Frame::Map { entries, start, .. }] = stack.as_mut_slice()
            && entries.len() == 1
        {
            first = Some(Yaml {
                value: Value::Map(std::mem::take(entries)),
                span: Span::new(*start..*start),
            });
        }
    }
    Ok(root.filter(|t| !(matches!(t.value, Value::Null) && t.span.is_empty())))
}

/// Adds a finished node to the open collection, or makes it the root.
fn attach(stack: &mut [Frame], root: &mut Option<Yaml>, node: Yaml) {
    match stack.last_mut() {
        Some(Frame::Seq { items, .. }) => items.push(node),
        Some(Frame::Map { entries, key, .. }) => match key.take() {
            Some(k) => entries.push((k, node)),
            None => *key = Some(node),
        },
        None => *root = Some(node),
    }
}

fn null(at: usize) -> Yaml {
    Yaml {
        value: Value::Null,
        span: Span::new(at..at),
    }
}

fn remember(anchors: &mut HashMap<usize, Yaml>, anchor: usize, node: &Yaml) {
    if anchor != 0 {
        anchors.insert(anchor, node.clone());
    }
}

/// A plain scalar's value by the YAML 1.2 core schema.
pub(crate) fn plain_scalar(text: &str) -> Value {
    scalar(Cow::Borrowed(text), ScalarStyle::Plain, false)
}

/// Resolves a scalar by the YAML 1.2 core schema (plain scalars only).
fn scalar(text: Cow<'_, str>, style: ScalarStyle, force_str: bool) -> Value {
    if style != ScalarStyle::Plain || force_str {
        return Value::Str(text.into());
    }
    match text.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return Value::Bool,
        _ => {}
    }
    // A number starts with a sign, a digit or `.`: most scalars in a map
    // are words, and need not be tried as numbers.
    if text
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.'))
    {
        if let Some(n) = integer(&text) {
            return Value::Int(n);
        }
        if is_float(&text) {
            return Value::Float;
        }
    }
    Value::Str(text.into())
}

fn integer(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if let Some(hex) = s.strip_prefix("0x") {
        return i128::from_str_radix(hex, 16).ok();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return i128::from_str_radix(oct, 8).ok();
    }
    // `007` keeps its zeros: it is an id or a code, not a number.
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

fn is_float(s: &str) -> bool {
    let t = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(t, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(whole)
        && frac.is_none_or(digits)
        && (!whole.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok && (frac.is_some() || exponent.is_some())
}

fn scan_error(e: &ScanError) -> ParseError {
    let at = e.marker().byte_offset().unwrap_or(e.marker().index());
    let info = e.info();
    let mut chars = info.chars();
    let message = match chars.next() {
        Some(c) => c
            .to_lowercase()
            .chain(chars)
            .collect::<String>()
            .trim_end_matches('.')
            .to_string(),
        None => "invalid YAML".to_string(),
    };
    // The parser has its own nesting guard; report it as the limit it is.
    if message.contains("recursion limit") {
        return ParseError::limit(
            format!("YAML is nested more than {MAX_DEPTH} levels deep"),
            Span::new(at..at),
        );
    }
    ParseError {
        message,
        span: Span::new(at..at),
        limit: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Yaml {
        parse(text).expect("parses").expect("not empty")
    }

    #[test]
    fn keys_and_values_carry_byte_spans() {
        let text = "title: Æ og ø\nnodes:\n  a: { text: \"x\" }\n";
        let tree = parse_ok(text);
        let Value::Map(entries) = &tree.value else {
            panic!("not a map")
        };
        let (k, v) = &entries[0];
        assert_eq!(&text[k.span.range()], "title");
        assert_eq!(&text[v.span.range()], "Æ og ø");
        let Value::Map(nodes) = &entries[1].1.value else {
            panic!()
        };
        assert_eq!(&text[nodes[0].0.span.range()], "a");
        let Value::Map(fields) = &nodes[0].1.value else {
            panic!()
        };
        assert_eq!(&text[fields[0].1.span.range()], "\"x\"");
    }

    #[test]
    fn repeated_keys_are_kept() {
        let tree = parse_ok("a: 1\na: 2\n");
        let Value::Map(entries) = &tree.value else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn core_schema_scalars() {
        let tree = parse_ok(
            "[1, -2, 007, 1.5, 1e3, .inf, true, no, y, ~, '1', !!str 2, 1999-11-19, 0x1f]",
        );
        let Value::Seq(items) = tree.value else {
            panic!()
        };
        let kinds: Vec<&str> = items.iter().map(|i| i.value.type_name()).collect();
        assert_eq!(
            kinds,
            [
                "an integer",
                "an integer",
                "a string",
                "a number",
                "a number",
                "a number",
                "a boolean",
                "a string",
                "a string",
                "null",
                "a string",
                "a string",
                "a string",
                "an integer"
            ]
        );
    }

    #[test]
    fn empty_and_comment_only_documents_are_none() {
        assert!(parse("").expect("parses").is_none());
        assert!(parse("# nothing\n").expect("parses").is_none());
        assert!(parse("---\n...\n").expect("parses").is_none());
    }

    #[test]
    fn deep_nesting_is_a_limit_error() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(&text).expect_err("too deep");
        assert!(err.limit, "{}", err.message);
    }

    #[test]
    fn alias_bomb_is_a_limit_error() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        let err = parse(&text).expect_err("bomb");
        assert!(err.limit, "{}", err.message);
    }

    #[test]
    fn aliases_copy_their_anchor() {
        let tree = parse_ok("a: &x [1, 2]\nb: *x\n");
        let Value::Map(entries) = tree.value else {
            panic!()
        };
        assert!(matches!(&entries[1].1.value, Value::Seq(items) if items.len() == 2));
    }

    #[test]
    fn second_document_is_an_error() {
        let err = parse("a: 1\n---\nb: 2\n").expect_err("two documents");
        assert!(!err.limit);
        assert!(err.message.contains("more than one"), "{}", err.message);
    }
}
