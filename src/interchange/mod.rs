//! Every file format in and out of argmap: maps to and from Argdown
//! ([`argdown`]), AIF (the Argument Interchange Format, AIFdb JSON,
//! [`aif`]) and Kialo's plain-text export ([`kialo`]), and abstract
//! argumentation frameworks in the ICCMA formats `.af`, `apx` and `tgf`
//! ([`iccma`]).
//!
//! Importers build a [`Draft`], a map as plain strings, and write it with
//! [`Draft::to_yaml`]; whatever the source format says that a map cannot
//! hold is listed in [`Draft::losses`], never dropped in silence. They
//! name what they read with [`Ids`] (ids made by [`to_id`]) and keep
//! support free of circles with one guard. Exporters read a checked
//! [`Map`](crate::Map); the framework writer reads a
//! [`Framework`](crate::semantics::Framework). This module sits above
//! `load`, `model` and `semantics`, and none of them uses it.
//!
//! [`import`] and [`export`] are the entry points for every format: the
//! first turns a file's bytes into map YAML ([`Imported`], with the
//! losses), the second writes a checked map ([`ArgGraph`](crate::ArgGraph))
//! in a format ([`Exported`], with what the format had no place for). The
//! format modules below them give the [`Draft`] and the text themselves.

use std::fmt::{self, Write as _};

use crate::model::{NodeKind, RelationKind};

pub mod aif;
pub mod argdown;
mod file;
mod guard;
pub mod iccma;
mod id;
pub mod kialo;

pub use file::{ExportFormat, Exported, ImportFailure, ImportFormat, Imported, export, import};
pub use id::{Ids, to_id};

/// A map under construction, as plain strings, in the order it is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The map's title.
    pub title: String,
    /// A longer description.
    pub summary: Option<String>,
    /// Actors as (id, name).
    pub actors: Vec<(String, String)>,
    /// The nodes, in order.
    pub nodes: Vec<DraftNode>,
    /// What the source said that the map cannot hold.
    pub losses: Vec<Loss>,
    /// How [`Draft::to_yaml`] writes it.
    pub style: DraftStyle,
}

/// How [`Draft::to_yaml`] writes values and sections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DraftStyle {
    /// Values plain where YAML reads them back unchanged, else quoted; a
    /// blank line before `actors:` and `nodes:`. For maps read from
    /// another map format, meant to be edited by hand.
    #[default]
    Plain,
    /// The title, texts and labels always double-quoted, and no blank
    /// lines. For maps made from a framework, whose argument names can
    /// look like anything and whose files can be long.
    Quoted,
}

/// One node of a [`Draft`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftNode {
    /// A valid, unique node id (see [`Ids`]).
    pub id: String,
    /// Claim, argument or question.
    pub kind: NodeKind,
    /// The statement (never blank in a valid map).
    pub text: String,
    /// A short title.
    pub label: Option<String>,
    /// Actor ids.
    pub held_by: Vec<String>,
    /// Actor ids of those who reject it.
    pub rejected_by: Vec<String>,
    /// Free words.
    pub tags: Vec<String>,
    /// Free text.
    pub note: Option<String>,
    /// An argument's premises (node ids).
    pub premises: Vec<String>,
    /// An argument's conclusion (a node id).
    pub conclusion: Option<String>,
    /// Outgoing relations.
    pub relations: Vec<DraftRelation>,
}

/// One relation of a [`DraftNode`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRelation {
    /// Its kind.
    pub kind: RelationKind,
    /// The target: a node id, or for `undercuts` a relation id.
    pub to: String,
    /// A relation id, when something undercuts it.
    pub id: Option<String>,
    /// A label drawn on the edge.
    pub label: Option<String>,
}

impl DraftRelation {
    /// A relation with no id or label.
    pub fn new(kind: RelationKind, to: impl Into<String>) -> Self {
        DraftRelation {
            kind,
            to: to.into(),
            id: None,
            label: None,
        }
    }
}

/// Something in the imported file that the map does not represent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The 1-based line in the imported file, when known.
    pub line: Option<usize>,
    /// What was left out, and why.
    pub message: String,
}

impl Loss {
    /// A loss at a line of the imported file.
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        Loss {
            line: Some(line),
            message: message.into(),
        }
    }

    /// A loss with no one line to show (AIF, whose ids name the place).
    pub fn whole(message: impl Into<String>) -> Self {
        Loss {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        at_line(f, self.line, &self.message)
    }
}

/// `line N: message`, or the message alone when there is no line.
fn at_line(f: &mut fmt::Formatter<'_>, line: Option<usize>, message: &str) -> fmt::Result {
    match line {
        Some(line) => write!(f, "line {line}: {message}"),
        None => f.write_str(message),
    }
}

/// An import that failed: the file is not in the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// The file is in the format, but holds nothing a map can hold (an
    /// Argdown document of headings and prose only, say).
    pub nothing_to_map: bool,
}

impl ImportError {
    /// An error at a line.
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        ImportError {
            line: Some(line),
            message: message.into(),
            nothing_to_map: false,
        }
    }

    /// An error about the whole file.
    pub fn whole(message: impl Into<String>) -> Self {
        ImportError {
            line: None,
            message: message.into(),
            nothing_to_map: false,
        }
    }

    /// A file in the format that holds nothing a map can hold; `message`
    /// says what it holds instead.
    pub fn nothing_to_map(message: impl Into<String>) -> Self {
        ImportError {
            nothing_to_map: true,
            ..ImportError::whole(message)
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        at_line(f, self.line, &self.message)
    }
}

impl std::error::Error for ImportError {}

/// What a map holds beyond nodes, kinds, texts and relations, counted,
/// for saying what an export leaves out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extras {
    pub(crate) title: bool,
    pub(crate) summary: bool,
    pub(crate) labels: usize,
    pub(crate) tags: usize,
    pub(crate) notes: usize,
    pub(crate) evidence: usize,
    pub(crate) sources: usize,
    pub(crate) commitments: usize,
    pub(crate) relation_labels: usize,
    pub(crate) relation_ids: usize,
}

impl Extras {
    pub(crate) fn of(map: &crate::Map) -> Extras {
        let mut x = Extras {
            title: map.title.is_some(),
            summary: map.summary.is_some(),
            sources: map.sources.len(),
            notes: map.actors.values().filter(|a| a.note.is_some()).count()
                + map.sources.values().filter(|s| s.note.is_some()).count(),
            ..Extras::default()
        };
        for node in map.nodes.values() {
            x.labels += usize::from(node.label.is_some());
            x.tags += usize::from(!node.tags.is_empty());
            x.notes += usize::from(node.note.is_some());
            x.evidence += node.evidence.len();
            x.commitments += node.held_by.len() + node.rejected_by.len();
            for r in &node.relations {
                x.relation_labels += usize::from(r.label.is_some());
                x.relation_ids += usize::from(r.id.is_some());
                x.evidence += r.evidence.len();
            }
        }
        x
    }
}

/// `n thing`, `n things`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A short label for a long text (see [`crate::text::truncate`]): whole
/// words up to `max` characters and an ellipsis, or `None` when the text
/// fits on one line of `max` characters as it is.
pub(crate) fn short_label(text: &str, max: usize) -> Option<String> {
    if text.chars().count() <= max && !text.contains('\n') {
        return None;
    }
    Some(crate::text::truncate(text, max + 1))
}

/// An id as a YAML key or list item: plain when YAML reads it back as the
/// same string, else double-quoted.
pub(crate) fn yaml_key(id: &str) -> String {
    let plain = id.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            id,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        id.to_string()
    } else {
        yaml_quote(id)
    }
}

/// A YAML double-quoted string: `"` and `\\` escaped, and every character
/// YAML does not allow in a file written as `\uXXXX` (or `\UXXXXXXXX`).
pub(crate) fn yaml_quote(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if yaml_printable(c) => out.push(c),
            c if u32::from(c) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\U{:08x}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// Whether YAML 1.2 allows `c` in a file as it is (`c-printable`, without
/// the line breaks and the byte-order mark, which mean something there).
fn yaml_printable(c: char) -> bool {
    matches!(u32::from(c), 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..=0x10_FFFF)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// A text value: plain when that reads back unchanged, else double-quoted.
pub(crate) fn yaml_text(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(['\n', '\r', '\t', '#', '"', '\'', '`', '\\'])
        && !s.contains(": ")
        && !s.ends_with(':')
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '<',
        ])
        && s.chars().all(yaml_printable)
        && s.parse::<f64>().is_err()
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain { s.to_string() } else { yaml_quote(s) }
}

fn id_list(ids: &[String]) -> String {
    let items: Vec<String> = ids.iter().map(|id| yaml_key(id)).collect();
    format!("[{}]", items.join(", "))
}

impl Draft {
    /// The draft as a map file, in the order of the format's documentation:
    /// title, summary, actors, then nodes with their relations, in its
    /// [`style`](Draft::style).
    pub fn to_yaml(&self) -> String {
        let mut s = self.yaml_head();
        for node in &self.nodes {
            node.write_yaml(self.style, &mut s);
        }
        s
    }

    /// The map file up to its first node: everything but [`Draft::nodes`],
    /// ending with the `nodes:` line. With [`DraftNode::write_yaml`] after
    /// it for every node, this is [`Draft::to_yaml`], for a writer that
    /// makes its nodes one at a time and does not keep them.
    pub(crate) fn yaml_head(&self) -> String {
        let quoted = self.style == DraftStyle::Quoted;
        let text = |t: &str| if quoted { yaml_quote(t) } else { yaml_text(t) };
        let gap = if quoted { "" } else { "\n" };
        let mut s = String::new();
        let _ = writeln!(s, "argmap: 1");
        let _ = writeln!(s, "title: {}", text(&self.title));
        if let Some(summary) = &self.summary {
            let _ = writeln!(s, "summary: {}", yaml_text(summary));
        }
        if !self.actors.is_empty() {
            let _ = writeln!(s, "{gap}actors:");
            for (id, name) in &self.actors {
                let _ = writeln!(s, "  {}: {}", yaml_key(id), yaml_text(name));
            }
        }
        let _ = writeln!(s, "{gap}nodes:");
        s
    }
}

impl DraftNode {
    /// Appends the node, as an entry of a map's `nodes:`, to `s`.
    pub(crate) fn write_yaml(&self, style: DraftStyle, s: &mut String) {
        let text = |t: &str| {
            if style == DraftStyle::Quoted {
                yaml_quote(t)
            } else {
                yaml_text(t)
            }
        };
        let _ = writeln!(s, "  {}:", yaml_key(&self.id));
        if self.kind != NodeKind::Claim {
            let _ = writeln!(s, "    kind: {}", self.kind.as_str());
        }
        let _ = writeln!(s, "    text: {}", text(&self.text));
        if let Some(label) = &self.label {
            let _ = writeln!(s, "    label: {}", text(label));
        }
        if !self.held_by.is_empty() {
            let _ = writeln!(s, "    held_by: {}", id_list(&self.held_by));
        }
        if !self.rejected_by.is_empty() {
            let _ = writeln!(s, "    rejected_by: {}", id_list(&self.rejected_by));
        }
        if !self.tags.is_empty() {
            // Items of a flow list: flow indicators need quotes.
            let tags: Vec<String> = self
                .tags
                .iter()
                .map(|t| {
                    if t.contains(['[', ']', '{', '}', ',']) {
                        yaml_quote(t)
                    } else {
                        yaml_text(t)
                    }
                })
                .collect();
            let _ = writeln!(s, "    tags: [{}]", tags.join(", "));
        }
        if let Some(note) = &self.note {
            let _ = writeln!(s, "    note: {}", yaml_text(note));
        }
        if !self.premises.is_empty() {
            let _ = writeln!(s, "    premises: {}", id_list(&self.premises));
        }
        if let Some(conclusion) = &self.conclusion {
            let _ = writeln!(s, "    conclusion: {}", yaml_key(conclusion));
        }
        for kind in RelationKind::ALL {
            let group: Vec<&DraftRelation> =
                self.relations.iter().filter(|r| r.kind == kind).collect();
            if group.is_empty() {
                continue;
            }
            if group.iter().all(|r| r.id.is_none() && r.label.is_none()) {
                let ids: Vec<String> = group.iter().map(|r| r.to.clone()).collect();
                let _ = writeln!(s, "    {}: {}", kind.as_str(), id_list(&ids));
                continue;
            }
            let _ = writeln!(s, "    {}:", kind.as_str());
            for r in group {
                let mut fields = vec![format!("to: {}", yaml_key(&r.to))];
                if let Some(id) = &r.id {
                    fields.push(format!("id: {}", yaml_key(id)));
                }
                if let Some(label) = &r.label {
                    fields.push(format!("label: {}", yaml_quote(label)));
                }
                let _ = writeln!(s, "      - {{ {} }}", fields.join(", "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cut_at_words() {
        assert_eq!(short_label("short", 20), None);
        assert_eq!(
            short_label("one two three four five six", 14).as_deref(),
            Some("one two three…")
        );
    }

    #[test]
    fn yaml_text_reads_back_as_written() {
        for s in [
            "plain words",
            "no",
            "007",
            "a: b",
            "# not a comment",
            "- dash",
            "quote \"x\"",
            "two\nlines",
            " padded",
        ] {
            let yaml = format!("title: {}\nnodes:\n  a: x\n", yaml_text(s));
            let loaded = crate::load(&crate::SourceFile::new("t.yaml", yaml));
            let title = loaded.map.and_then(|m| m.title).map(|t| t.value);
            assert_eq!(title.as_deref(), Some(s), "{s:?}");
        }
    }
}
