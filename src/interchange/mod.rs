//! Maps to and from other formats: Argdown, AIF (the Argument Interchange
//! Format, AIFdb JSON) and Kialo's plain-text export.
//!
//! Importers build a [`Draft`], a map as plain strings, and write it with
//! [`Draft::to_yaml`]; whatever the source format says that a map cannot
//! hold is listed in [`Draft::losses`], never dropped in silence. Exporters
//! read a checked [`Map`](crate::Map).

pub mod argdown;

use std::collections::HashSet;
use std::fmt::{self, Write as _};

use crate::model::{NodeKind, RelationKind};

pub mod aif;
mod guard;
pub mod iccma;
pub mod kialo;

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

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// An import that failed: the file is not in the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl ImportError {
    /// An error at a line.
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        ImportError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error about the whole file.
    pub fn whole(message: impl Into<String>) -> Self {
        ImportError {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
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

/// Hands out valid, unique ids (nodes and relations share one namespace).
#[derive(Clone, Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// An empty namespace.
    pub fn new() -> Self {
        Ids::default()
    }

    /// A fresh id made from `name` (see [`to_id`]), or from `fallback`
    /// when nothing of the name is left; `-2`, `-3`, … make it unique.
    pub fn make(&mut self, name: &str, fallback: &str) -> String {
        let base = to_id(name)
            .or_else(|| to_id(fallback))
            .unwrap_or_else(|| "node".to_string());
        self.unique(&base)
    }

    /// `base` itself when free, else `base-2`, `base-3`, …
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut k = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }

    /// Whether `id` is taken.
    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }
}

/// A valid node id for a name (lowercase letters, digits, `-`, `_`, `.`,
/// starting with a letter or digit; at most 64 characters, cut at a word
/// boundary when possible), or `None` when nothing of the name is left.
pub fn to_id(name: &str) -> Option<String> {
    let mut id = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        // "centre's" → "centres", not "centre-s".
        if matches!(c, '\'' | '\u{2019}') {
            continue;
        }
        let c = match c {
            'æ' => Some("ae"),
            'ø' => Some("o"),
            'å' => Some("a"),
            'ß' => Some("ss"),
            _ => None,
        }
        .map_or(c, |s| {
            id.push_str(&s[..s.len() - 1]);
            s.chars().last().unwrap_or('-')
        });
        if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.') {
            if dash && !id.is_empty() {
                id.push('-');
            }
            dash = false;
            id.push(c);
        } else {
            dash = true;
        }
        if id.len() >= 64 {
            break;
        }
    }
    if id.len() > 64 {
        id.truncate(64);
    }
    let id = id.trim_end_matches(['-', '.']).to_string();
    crate::load::id_syntax(&id).is_ok().then_some(id)
}

/// An id as a YAML key or list item: plain when YAML reads it back as the
/// same string, else double-quoted.
pub fn yaml_key(id: &str) -> String {
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

/// A YAML double-quoted string (JSON escapes are valid YAML).
pub fn yaml_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// A text value: plain when that reads back unchanged, else double-quoted.
pub fn yaml_text(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(['\n', '\r', '\t', '#', '"', '\'', '`', '\\'])
        && !s.contains(": ")
        && !s.ends_with(':')
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '<',
        ])
        && s.chars().all(|c| !c.is_control())
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
    /// title, summary, actors, then nodes with their relations.
    pub fn to_yaml(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "argmap: 1");
        let _ = writeln!(s, "title: {}", yaml_text(&self.title));
        if let Some(summary) = &self.summary {
            let _ = writeln!(s, "summary: {}", yaml_text(summary));
        }
        if !self.actors.is_empty() {
            let _ = writeln!(s, "\nactors:");
            for (id, name) in &self.actors {
                let _ = writeln!(s, "  {}: {}", yaml_key(id), yaml_text(name));
            }
        }
        let _ = writeln!(s, "\nnodes:");
        for node in &self.nodes {
            let _ = writeln!(s, "  {}:", yaml_key(&node.id));
            if node.kind != NodeKind::Claim {
                let _ = writeln!(s, "    kind: {}", node.kind.as_str());
            }
            let _ = writeln!(s, "    text: {}", yaml_text(&node.text));
            if let Some(label) = &node.label {
                let _ = writeln!(s, "    label: {}", yaml_text(label));
            }
            if !node.held_by.is_empty() {
                let _ = writeln!(s, "    held_by: {}", id_list(&node.held_by));
            }
            if !node.rejected_by.is_empty() {
                let _ = writeln!(s, "    rejected_by: {}", id_list(&node.rejected_by));
            }
            if !node.tags.is_empty() {
                // Items of a flow list: flow indicators need quotes.
                let tags: Vec<String> = node
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
            if let Some(note) = &node.note {
                let _ = writeln!(s, "    note: {}", yaml_text(note));
            }
            if !node.premises.is_empty() {
                let _ = writeln!(s, "    premises: {}", id_list(&node.premises));
            }
            if let Some(conclusion) = &node.conclusion {
                let _ = writeln!(s, "    conclusion: {}", yaml_key(conclusion));
            }
            for kind in RelationKind::ALL {
                let group: Vec<&DraftRelation> =
                    node.relations.iter().filter(|r| r.kind == kind).collect();
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
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_readable_and_unique() {
        let mut ids = Ids::new();
        assert_eq!(
            ids.make("Free choice of alliances", "s1"),
            "free-choice-of-alliances"
        );
        assert_eq!(
            ids.make("Free choice of alliances!", "s1"),
            "free-choice-of-alliances-2"
        );
        assert_eq!(
            ids.make("Sikkerhet på bekostning", "s1"),
            "sikkerhet-pa-bekostning"
        );
        assert_eq!(ids.make("«»", "s1"), "s1");
        assert_eq!(ids.make("", ""), "node");
        let long = "word ".repeat(40);
        assert!(ids.make(&long, "x").len() <= 64);
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
