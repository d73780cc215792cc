//! Completion, from the text around the cursor.
//!
//! The line being typed is often not YAML yet (`held_by: [na`), so the
//! context is read from the text by indentation, as block YAML is written:
//! the key on the cursor's line, or the keys of the lines it is indented
//! under. The ids offered come from an [`Analysis`] that had a map, the
//! current one or the last that could be read.

use super::Analysis;
use crate::load::schema::{
    ACTOR_KEYS, EVIDENCE_KEYS, KINDS, MAP_KEYS, NODE_KEYS, SOURCE_KEYS, TARGET_KEYS,
};
use crate::model::{NodeKind, RelationKind};
use crate::source::Span;

/// What a completion item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    /// A node id.
    Node(NodeKind),
    /// A named relation's id.
    Relation,
    /// An actor id.
    Actor,
    /// A source id.
    Source,
    /// A key of the format.
    Key,
    /// A value of a key that takes a fixed set (`kind:`).
    Value,
}

/// One completion item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows and what is matched against the typed prefix.
    pub label: String,
    /// A short description beside it: the node's label or text, the
    /// actor's name, the source's title.
    pub detail: String,
    /// Longer text for the item's documentation: a node's full text.
    pub documentation: Option<String>,
    /// What it is.
    pub kind: CompletionKind,
    /// The text that replaces [`replace`](Self::replace).
    pub insert: String,
    /// The typed prefix the item replaces.
    pub replace: Span,
}

/// Longest detail shown.
const DETAIL_CHARS: usize = 80;

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// One line of the text, read for its structure.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    /// Column of the first character after indentation and `- ` marks.
    content: usize,
    /// Column of the first `- `, if the line starts a list item.
    dash: Option<usize>,
    /// The key the line starts with, if any (`held_by` in `held_by: x`).
    key: Option<&'a str>,
}

fn read_line(line: &str) -> Option<Line<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut rest = &line[indent..];
    if rest.is_empty() || rest.starts_with('#') {
        return None;
    }
    let mut content = indent;
    let mut dash = None;
    while let Some(r) = rest
        .strip_prefix("- ")
        .or_else(|| (rest == "-").then_some(""))
    {
        dash.get_or_insert(content);
        let spaces = r.len() - r.trim_start_matches(' ').len();
        content += rest.len() - r.len() + spaces;
        rest = &r[spaces..];
    }
    let key = rest.find(':').and_then(|i| {
        let key = rest[..i].trim();
        let after = &rest[i + 1..];
        let ok = !key.is_empty()
            && key.bytes().all(|b| is_word(b) || b == b'"' || b == b'\'')
            && (after.is_empty() || after.starts_with(' '));
        ok.then(|| key.trim_matches(['"', '\'']))
    });
    Some(Line { content, dash, key })
}

/// The key lines a line is nested under, from the top: `(line, key)`.
fn ancestors<'a>(lines: &[&'a str], at: usize, content: usize) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut level = content;
    for j in (0..at).rev() {
        if level == 0 {
            break;
        }
        let Some(l) = read_line(lines[j]) else {
            continue;
        };
        // A key of the same item, or an item of the same list: a sibling.
        if l.content >= level {
            continue;
        }
        if let Some(key) = l.key {
            out.push((j, key));
        }
        // Above a list item (`- to: x`), its list's key is indented
        // less than the dash.
        level = l.dash.unwrap_or(l.content);
    }
    out.reverse();
    out
}

/// What is expected at the cursor.
#[derive(Debug, PartialEq, Eq)]
enum Expect<'a> {
    /// Keys of a mapping, minus those already written.
    Keys(&'static [&'static str], Vec<&'a str>),
    /// The value of a key: with the relation a `to:` on the same line
    /// belongs to, and the ids already in the flow list being written.
    Value {
        key: &'static str,
        relation: Option<RelationKind>,
        written: Vec<String>,
    },
    /// Evidence shorthand or keys: a source id or an evidence key.
    EvidenceItem(Vec<&'a str>),
}

/// Completion items at an offset of a map text, with ids from `ids`.
pub fn complete(text: &str, offset: usize, ids: Option<&Analysis>) -> Vec<Completion> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let prefix = before.bytes().rev().take_while(|&b| is_word(b)).count();
    // The whole id under the cursor is replaced, not only its typed part.
    let suffix = text[offset..].bytes().take_while(|&b| is_word(b)).count();
    let replace = Span::new(offset - prefix..offset + suffix);
    let head = &before[..before.len() - prefix];
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let at = text[..line_start].matches('\n').count();
    let Some(expect) = expect(&lines, at, head) else {
        return Vec::new();
    };
    let ancestors_of_line = {
        let content = read_line(&format!("{head}x")).map_or(0, |l| l.content);
        ancestors(&lines, at, content)
    };
    let node_here = match ancestors_of_line.as_slice() {
        [(_, "nodes"), (_, id), ..] => Some(*id),
        _ => None,
    };
    let relation_here = ancestors_of_line
        .iter()
        .rev()
        .find_map(|(_, k)| relation_kind(k));
    let mut out = Vec::new();
    let key = |k: &str| Completion {
        label: k.to_string(),
        detail: "key".to_string(),
        documentation: None,
        kind: CompletionKind::Key,
        insert: format!("{k}: "),
        replace,
    };
    match expect {
        Expect::Keys(keys, written) => {
            out.extend(keys.iter().filter(|k| !written.contains(k)).map(|k| key(k)));
        }
        Expect::EvidenceItem(written) => {
            sources(ids, replace, &mut out);
            out.extend(
                EVIDENCE_KEYS
                    .iter()
                    .filter(|k| !written.contains(k))
                    .map(|k| key(k)),
            );
        }
        Expect::Value {
            key,
            relation,
            written,
        } => {
            let relation = relation.or(relation_here);
            match key {
                "held_by" | "rejected_by" => actors(ids, replace, &mut out),
                "source" | "evidence" => sources(ids, replace, &mut out),
                "kind" => out.extend(KINDS.iter().map(|v| Completion {
                    label: (*v).to_string(),
                    detail: "node kind".to_string(),
                    documentation: None,
                    kind: CompletionKind::Value,
                    insert: (*v).to_string(),
                    replace,
                })),
                "premises" | "conclusion" => {
                    nodes(ids, replace, node_here, &[NodeKind::Claim], false, &mut out);
                }
                "to" => {
                    if let Some(kind) = relation {
                        targets(ids, replace, node_here, kind, &mut out);
                    }
                }
                other => {
                    if let Some(kind) = relation_kind(other) {
                        targets(ids, replace, node_here, kind, &mut out);
                    }
                }
            }
            out.retain(|c| !written.contains(&c.label));
        }
    }
    out
}

/// What the cursor's line and the lines above it ask for.
fn expect<'a>(lines: &[&'a str], at: usize, head: &str) -> Option<Expect<'a>> {
    // The typed part of the line, read as if the prefix were a word.
    let probe = format!("{head}x");
    let line = read_line(&probe)?;
    let tail = &probe[line.content..];
    // A line inside a free-text value (`text: |` and its lines) has
    // nothing to complete.
    let path = ancestors(lines, at, line.content);
    if path.last().is_some_and(|(_, k)| TEXT_KEYS.contains(k)) {
        return None;
    }
    if let Some(first) = key_colons(tail).next() {
        return value_of(tail, first);
    }
    if tail != "x" {
        return None;
    }
    let keys: Vec<&str> = path.iter().map(|(_, k)| *k).collect();
    let written = || siblings(lines, at, line.content, line.dash.is_some());
    if line.dash.is_some() {
        // A list item: an id for the list's key, or a key of the item.
        let parent = *keys.last()?;
        return match parent {
            "evidence" => Some(Expect::EvidenceItem(Vec::new())),
            p if relation_kind(p).is_some()
                || matches!(p, "held_by" | "rejected_by" | "premises" | "conclusion") =>
            {
                NODE_KEYS.iter().find(|k| **k == p).map(|k| Expect::Value {
                    key: k,
                    relation: None,
                    written: Vec::new(),
                })
            }
            _ => None,
        };
    }
    // Inside a list item's mapping: the item's keys.
    let in_item = item_start(lines, at, line.content).is_some();
    let mut written = written();
    let set: &'static [&'static str] = match keys.as_slice() {
        [] => MAP_KEYS,
        ["actors", _] => ACTOR_KEYS,
        ["sources", _] => SOURCE_KEYS,
        ["nodes", _] => {
            written.extend(keys_not_for(lines, path[1].0));
            NODE_KEYS
        }
        ["nodes", _, "evidence"] | ["nodes", _, _, "evidence"] => EVIDENCE_KEYS,
        ["nodes", _, rel] if relation_kind(rel).is_some() => TARGET_KEYS,
        _ => return None,
    };
    if in_item && matches!(keys.as_slice(), [] | ["actors" | "sources" | "nodes", _]) {
        return None;
    }
    Some(Expect::Keys(set, written))
}

/// Keys whose values are free text, never ids.
const TEXT_KEYS: &[&str] = &[
    "title",
    "summary",
    "lang",
    "name",
    "color",
    "note",
    "author",
    "publisher",
    "date",
    "url",
    "file",
    "text",
    "label",
    "group",
    "at",
    "quote",
    "translation",
    "tags",
    "id",
];

/// The offsets of the colons that end a key on a line (`key:` followed by a
/// space, `[`, `{` or nothing), outside quotes.
fn key_colons(line: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = line.as_bytes();
    let mut quote = None;
    (0..bytes.len()).filter(move |&i| {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None => {
                return b == b':'
                    && i > 0
                    && is_word(bytes[i - 1]) | matches!(bytes[i - 1], b'"' | b'\'')
                    && bytes
                        .get(i + 1)
                        .is_none_or(|n| matches!(n, b' ' | b'[' | b'{'));
            }
        }
        false
    })
}

/// The word that ends just before `end` (quotes around it dropped).
fn word_before(line: &str, end: usize) -> &str {
    let head = line[..end].trim_end_matches(['"', '\'']);
    let start = head.len() - head.bytes().rev().take_while(|&b| is_word(b)).count();
    &head[start..]
}

/// The value context at the end of a line that has a key: the last key
/// before the cursor (`to` in `supports: { to: `), unless the line is a
/// free-text key's value, the cursor is in a quoted string or a comment.
fn value_of<'a>(tail: &str, first: usize) -> Option<Expect<'a>> {
    // `text: words … supports: x` is free text, unless the first key stands
    // inside a flow collection (`- { quote: "…", source: `).
    if TEXT_KEYS.contains(&word_before(tail, first)) && !tail[..first].contains(['{', '[']) {
        let rest = tail[first + 1..].trim_start();
        if !rest.starts_with(['[', '{']) {
            return None;
        }
    }
    // Inside a quoted string or after a comment: nothing to complete.
    let mut quote = None;
    for (i, b) in tail.bytes().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'#' && (i == 0 || tail.as_bytes()[i - 1] == b' ') => return None,
            Some(_) | None => {}
        }
    }
    if quote.is_some() {
        return None;
    }
    let colons: Vec<usize> = key_colons(tail).collect();
    let &last = colons.last()?;
    let key = word_before(tail, last);
    let key = NODE_KEYS
        .iter()
        .chain(EVIDENCE_KEYS)
        .chain(TARGET_KEYS)
        .find(|k| **k == key)?;
    // The relation a `to:` on this line belongs to: the last relation key
    // before it.
    let relation = colons
        .iter()
        .rev()
        .find_map(|&c| relation_kind(word_before(tail, c)));
    // Ids already in the flow list being written (`[a, b, `).
    let value = &tail[last + 1..];
    let written = value
        .rfind('[')
        .map(|open| {
            let mut items: Vec<String> = value[open + 1..]
                .split(',')
                .map(|w| w.trim().trim_matches(['"', '\'']).to_string())
                .collect();
            // The last is the one being typed.
            items.pop();
            items
        })
        .unwrap_or_default();
    Some(Expect::Value {
        key,
        relation,
        written,
    })
}

/// The line of the list item the line at `at` belongs to (`- to: x`
/// above `  id: y`), if any.
fn item_start(lines: &[&str], at: usize, content: usize) -> Option<usize> {
    for j in (0..at).rev() {
        let Some(l) = read_line(lines[j]) else {
            continue;
        };
        if l.content < content {
            return None;
        }
        if l.content == content && l.dash.is_some() {
            return Some(j);
        }
    }
    None
}

/// The keys already written in the mapping the line at `at` is in.
fn siblings<'a>(lines: &[&'a str], at: usize, content: usize, item: bool) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut scan = |range: &mut dyn Iterator<Item = usize>| {
        for j in range {
            let Some(l) = read_line(lines[j]) else {
                continue;
            };
            if l.content < content {
                break;
            }
            if l.content == content {
                if let Some(k) = l.key {
                    out.push(k);
                }
                if l.dash.is_some() {
                    break;
                }
            }
        }
    };
    if !item {
        scan(&mut (0..at).rev());
    }
    scan(&mut (at + 1..lines.len()));
    out
}

/// The node keys a node may not have, for the kind its block on the lines
/// after `node` declares (a claim when it declares none): a claim has no
/// premises or conclusion, an argument neither contradicts nor answers, a
/// question has no relations at all.
fn keys_not_for(lines: &[&str], node: usize) -> &'static [&'static str] {
    const CLAIM: &[&str] = &["premises", "conclusion"];
    const ARGUMENT: &[&str] = &["contradicts", "answers"];
    const QUESTION: &[&str] = &[
        "supports",
        "attacks",
        "undercuts",
        "contradicts",
        "answers",
        "premises",
        "conclusion",
    ];
    let Some(top) = read_line(lines[node]) else {
        return CLAIM;
    };
    let mut kind = None;
    for line in &lines[node + 1..] {
        let Some(l) = read_line(line) else { continue };
        if l.content <= top.content {
            break;
        }
        if l.key == Some("kind") {
            let value = line.split_once(':').map_or("", |(_, v)| v);
            kind = value.split('#').next().map(str::trim);
            break;
        }
    }
    match kind {
        Some("argument") => ARGUMENT,
        Some("question") => QUESTION,
        _ => CLAIM,
    }
}

fn relation_kind(key: &str) -> Option<RelationKind> {
    RelationKind::ALL.into_iter().find(|k| k.as_str() == key)
}

fn actors(ids: Option<&Analysis>, replace: Span, out: &mut Vec<Completion>) {
    let Some(map) = ids.and_then(Analysis::map) else {
        return;
    };
    out.extend(map.actors.values().map(|a| Completion {
        label: a.id.value.to_string(),
        detail: crate::text::truncate(&a.name.value, DETAIL_CHARS),
        documentation: a.note.as_ref().map(|n| n.value.to_string()),
        kind: CompletionKind::Actor,
        insert: a.id.value.to_string(),
        replace,
    }));
}

fn sources(ids: Option<&Analysis>, replace: Span, out: &mut Vec<Completion>) {
    let Some(map) = ids.and_then(Analysis::map) else {
        return;
    };
    out.extend(map.sources.values().map(|s| Completion {
        label: s.id.value.to_string(),
        detail: crate::text::truncate(&s.title.value, DETAIL_CHARS),
        documentation: s.file.as_ref().map(|f| format!("file: {}", f.value)),
        kind: CompletionKind::Source,
        insert: s.id.value.to_string(),
        replace,
    }));
}

/// Nodes of the given kinds (all kinds if none fits), except `except`.
fn nodes(
    ids: Option<&Analysis>,
    replace: Span,
    except: Option<&str>,
    kinds: &[NodeKind],
    relations: bool,
    out: &mut Vec<Completion>,
) {
    let Some(map) = ids.and_then(Analysis::map) else {
        return;
    };
    out.extend(
        map.nodes
            .values()
            .filter(|n| kinds.contains(&n.kind) && Some(n.id.value.as_str()) != except)
            .map(|n| {
                let shown = n.label.as_ref().map_or(&n.text.value, |l| &l.value);
                Completion {
                    label: n.id.value.to_string(),
                    detail: format!(
                        "{}: {}",
                        n.kind.as_str(),
                        crate::text::truncate(shown, DETAIL_CHARS)
                    ),
                    documentation: Some(n.text.value.to_string()),
                    kind: CompletionKind::Node(n.kind),
                    insert: n.id.value.to_string(),
                    replace,
                }
            }),
    );
    if relations {
        for (from, n) in &map.nodes {
            // `answers` and `undercuts` are no inferences to undercut.
            let inferences = n
                .relations
                .iter()
                .filter(|r| !matches!(r.kind, RelationKind::Answers | RelationKind::Undercuts));
            for r in inferences {
                if let Some(id) = &r.id {
                    out.push(Completion {
                        label: id.value.to_string(),
                        detail: format!("relation: {from} {} {}", r.kind.as_str(), r.target.value),
                        documentation: None,
                        kind: CompletionKind::Relation,
                        insert: id.value.to_string(),
                        replace,
                    });
                }
            }
        }
    }
}

/// The targets a relation of this kind may have (docs/format.md's table).
fn targets(
    ids: Option<&Analysis>,
    replace: Span,
    except: Option<&str>,
    kind: RelationKind,
    out: &mut Vec<Completion>,
) {
    let (kinds, relations): (&[NodeKind], bool) = match kind {
        RelationKind::Supports | RelationKind::Contradicts => (&[NodeKind::Claim], false),
        RelationKind::Attacks => (&[NodeKind::Claim, NodeKind::Argument], false),
        RelationKind::Undercuts => (&[NodeKind::Argument], true),
        RelationKind::Answers => (&[NodeKind::Question], false),
    };
    nodes(ids, replace, except, kinds, relations, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckOptions, SourceFile};

    const MAP: &str = "\
title: t
actors:
  nato: NATO
  russia: Russia
sources:
  vg: { title: VG }
nodes:
  choice:
    text: States may choose.
  arg:
    kind: argument
    text: So.
    premises: [choice]
    conclusion: door
    supports:
      to: door
      id: arg-door
  door:
    text: The door stays open.
  q:
    kind: question
    text: Open?
";

    fn labels(text: &str, cursor: &str) -> Vec<String> {
        let ids = Analysis::new(SourceFile::new("m.yaml", MAP), &CheckOptions::default());
        let at = text.find(cursor).unwrap() + cursor.len();
        complete(text, at, Some(&ids))
            .into_iter()
            .map(|c| c.label)
            .collect()
    }

    fn with(line_after: &str, new: &str) -> String {
        MAP.replacen(line_after, &format!("{line_after}{new}"), 1)
    }

    #[test]
    fn ids_where_ids_go() {
        let t = with("    text: States may choose.\n", "    held_by: [na");
        assert_eq!(labels(&t, "held_by: [na"), ["nato", "russia"]);
        let t = with("    text: States may choose.\n", "    supports: ");
        assert_eq!(labels(&t, "supports: "), ["door"]);
        let t = with("    text: States may choose.\n", "    answers:\n      - ");
        assert_eq!(labels(&t, "answers:\n      - "), ["q"]);
        let t = with("    text: States may choose.\n", "    undercuts: ");
        assert_eq!(labels(&t, "undercuts: "), ["arg", "arg-door"]);
        let t = with(
            "    text: States may choose.\n",
            "    evidence:\n      - source: ",
        );
        assert_eq!(labels(&t, "source: "), ["vg"]);
        let t = with("      id: arg-door\n", "    attacks:\n      to: ");
        assert_eq!(labels(&t, "attacks:\n      to: "), ["choice", "door"]);
        let t = with("    text: States may choose.\n", "    kind: ");
        assert_eq!(labels(&t, "kind: "), ["claim", "argument", "question"]);
    }

    #[test]
    fn flow_style_crlf_and_the_id_under_the_cursor() {
        let t = with("    text: States may choose.\n", "    supports: { to: ");
        assert_eq!(labels(&t, "supports: { to: "), ["door"]);
        let t = with(
            "    text: States may choose.\n",
            "    evidence: [{ source: ",
        );
        assert_eq!(labels(&t, "evidence: [{ source: "), ["vg"]);
        let t = with("    text: States may choose.\n", "    held_by: [\"nato\", ");
        assert_eq!(labels(&t, "held_by: [\"nato\", "), ["russia"]);
        // Not inside a string, a comment or free text.
        let t = with("    text: States may choose.\n", "    held_by: [nato] # ");
        assert!(labels(&t, "held_by: [nato] # ").is_empty());
        let t = with("    text: States may choose.\n", "    note: \"supports: ");
        assert!(labels(&t, "note: \"supports: ").is_empty());
        let t = with(
            "    text: States may choose.\n",
            "    label: see supports: ",
        );
        assert!(labels(&t, "label: see supports: ").is_empty());
        // CRLF line endings read as LF.
        let crlf =
            with("    text: States may choose.\n", "    answers:\n      - ").replace('\n', "\r\n");
        assert_eq!(labels(&crlf, "answers:\r\n      - "), ["q"]);
        let crlf = with("    text: So.\n", "    \n").replace('\n', "\r\n");
        let keys = labels(&crlf, "So.\r\n    ");
        assert!(keys.contains(&"undercuts".to_string()), "{keys:?}");
        // The whole id under the cursor is replaced.
        let ids = Analysis::new(SourceFile::new("m.yaml", MAP), &CheckOptions::default());
        let t = with("    text: States may choose.\n", "    held_by: [nato]\n");
        let at = t.find("[na").unwrap() + 3;
        let item = complete(&t, at, Some(&ids)).remove(0);
        assert_eq!(&t[item.replace.range()], "nato");
    }

    #[test]
    fn undercuts_offers_only_inferences() {
        let map = MAP.replace(
            "  q:\n    kind: question\n    text: Open?\n",
            "  q:\n    kind: question\n    text: Open?\n  yes:\n    text: Yes.\n    answers: { to: q, id: yes-q }\n",
        );
        let ids = Analysis::new(SourceFile::new("m.yaml", &*map), &CheckOptions::default());
        let t = map.replacen(
            "    text: States may choose.\n",
            "    text: States may choose.\n    undercuts: ",
            1,
        );
        let at = t.find("undercuts: ").unwrap() + 11;
        let got: Vec<String> = complete(&t, at, Some(&ids))
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(got, ["arg", "arg-door"]);
    }

    #[test]
    fn keys_fit_the_node_kind_and_skip_those_written() {
        let t = with("    text: States may choose.\n", "    \n");
        let keys = labels(&t, "choose.\n    ");
        assert!(keys.contains(&"held_by".to_string()), "{keys:?}");
        assert!(!keys.contains(&"premises".to_string()), "{keys:?}");
        assert!(!keys.contains(&"text".to_string()), "{keys:?}");
        let t = with("    text: So.\n", "    \n");
        let keys = labels(&t, "So.\n    ");
        assert!(!keys.contains(&"premises".to_string()), "{keys:?}");
        assert!(keys.contains(&"undercuts".to_string()), "{keys:?}");
        assert!(!keys.contains(&"answers".to_string()), "{keys:?}");
        let t = with("    text: Open?\n", "    \n");
        let keys = labels(&t, "Open?\n    ");
        assert!(!keys.contains(&"supports".to_string()), "{keys:?}");
        let t = with("title: t\n", "");
        let keys = labels(&format!("{t}su"), "Open?\nsu");
        assert_eq!(keys, ["argmap", "summary", "lang"]);
    }
}
