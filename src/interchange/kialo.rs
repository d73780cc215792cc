//! Kialo's plain-text discussion export:
//!
//! ```text
//! Discussion Title: Should the city ban cars from the centre?
//!
//! 1. The city should ban cars from the centre.
//! 1.1. Pro: Air quality in the centre would improve.
//! 1.1.1. Con: Most pollution comes from the ring road.
//! 1.2. Con: Shops depend on customers who drive.
//! 1.3. Pro: -> See 1.1.1.
//! ```
//!
//! Each numbered line starts a claim; the number gives its place in the
//! tree, `Pro:` or `Con:` whether it supports or attacks its parent. Lines
//! that do not start a claim continue the text of the one before. `-> See
//! 1.1.1.` is a link: the claim 1.1.1 is used again here, so it supports
//! (or attacks) this line's parent as well, and no new node is made.
//!
//! The mapping (see `docs/interchange-aif-kialo.md`): every claim becomes a
//! claim with an id made from its first words, a label when its text is
//! long, and a note with its Kialo number; a Pro `supports` its parent, a
//! Con `attacks` it. In a multi-thesis discussion (children of `1.` with no
//! `Pro:` or `Con:`), `1.` is a question and the theses `answer` it.
//!
//! Kialo allows what a map does not: a link can make a claim support and
//! attack the same parent, relate a claim to itself, or close a circle of
//! support. Such a link is left out and listed as a loss with its line, so
//! that every import passes `argmap check`.

use std::collections::{HashMap, HashSet};

use super::guard::SupportGraph;
use super::id::id_words;
use super::short_label;
use super::{Draft, DraftNode, DraftRelation, Ids, ImportError, Loss};
use crate::model::{NodeKind, RelationKind};

/// Pro or Con.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stance {
    Pro,
    Con,
}

/// One numbered entry of the export.
#[derive(Debug)]
struct Entry {
    /// The 1-based line it starts on.
    line: usize,
    /// Its number without the final dot, e.g. `1.2.3`.
    path: String,
    stance: Option<Stance>,
    text: String,
}

impl Entry {
    fn parent(&self) -> Option<&str> {
        self.path.rsplit_once('.').map(|(p, _)| p)
    }

    /// The number this entry links to, for `-> See 1.2.3.`.
    fn link(&self) -> Option<String> {
        let rest = self.text.strip_prefix("-> See ")?.trim();
        let path = rest.trim_end_matches('.');
        (!path.is_empty() && path.split('.').all(is_number)).then(|| path.to_string())
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1.2.3. rest` → (`1.2.3`, `rest`).
fn split_number(line: &str) -> Option<(&str, &str)> {
    let (number, rest) = line.split_once(' ')?;
    let path = number.strip_suffix('.')?;
    path.split('.').all(is_number).then_some((path, rest))
}

/// Kialo escapes Markdown characters (`\(`, `\*`); the text keeps them
/// plain.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// Reads Kialo's plain-text discussion export into a draft map.
///
/// The title is the export's `Discussion Title:` when it has one, else
/// `title`. A file with no numbered claim is an error; everything else is
/// read, and what cannot be kept is listed in [`Draft::losses`].
pub fn import(text: &str, title: &str) -> Result<Draft, ImportError> {
    let mut draft = Draft {
        title: title.to_string(),
        ..Draft::default()
    };
    let entries = read_entries(text, &mut draft);
    if entries.is_empty() {
        return Err(ImportError::whole(
            "no numbered claims: expected lines like `1. Thesis` and `1.1. Pro: A reason`",
        ));
    }
    build(&entries, &mut draft);
    if draft.nodes.is_empty() {
        return Err(ImportError::nothing_to_map(
            "every numbered line is a link (`-> See …`), and a map needs at least one claim",
        ));
    }
    Ok(draft)
}

fn read_entries(text: &str, draft: &mut Draft) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let trimmed = raw.trim_end();
        // A numbered line starts an entry when its parent is known (the
        // first one may be anything); otherwise it is text, such as a
        // numbered list inside a claim.
        let start = split_number(trimmed).filter(|(path, _)| {
            entries.is_empty()
                || path
                    .rsplit_once('.')
                    .is_some_and(|(p, _)| known.contains(p))
        });
        if let Some((path, rest)) = start {
            let (stance, rest) = if let Some(r) = rest.strip_prefix("Pro:") {
                (Some(Stance::Pro), r)
            } else if let Some(r) = rest.strip_prefix("Con:") {
                (Some(Stance::Con), r)
            } else {
                (None, rest)
            };
            if !known.insert(path.to_string()) {
                draft.losses.push(Loss::at(
                    line,
                    format!("claim number {path}. is used twice; this one is read under the first"),
                ));
            }
            entries.push(Entry {
                line,
                path: path.to_string(),
                stance,
                text: rest.trim().to_string(),
            });
            continue;
        }
        match entries.last_mut() {
            Some(entry) => {
                entry.text.push('\n');
                entry.text.push_str(trimmed);
            }
            None => {
                if let Some(t) = trimmed.strip_prefix("Discussion Title:") {
                    if !t.trim().is_empty() {
                        draft.title = t.trim().to_string();
                    }
                } else if !trimmed.trim().is_empty() {
                    draft
                        .losses
                        .push(Loss::at(line, "text before the first claim; left out"));
                }
            }
        }
    }
    for e in &mut entries {
        e.text = unescape(e.text.trim());
    }
    entries
}

/// The relations made so far, to keep the map valid as links are added.
#[derive(Default)]
struct Relations {
    written: HashSet<(usize, usize, RelationKind)>,
    support: SupportGraph,
}

fn build(entries: &[Entry], draft: &mut Draft) {
    let root = entries.first().map(|e| e.path.clone()).unwrap_or_default();
    // Multi-thesis: the theses under the root have no Pro or Con.
    let root_is_question = entries
        .iter()
        .any(|e| e.stance.is_none() && e.parent() == Some(root.as_str()));
    let mut ids = Ids::new();
    // Number → node index, for entries that are not links.
    let mut node_at: HashMap<&str, usize> = HashMap::new();
    for e in entries {
        if e.link().is_some() || node_at.contains_key(e.path.as_str()) {
            continue;
        }
        let kind = if root_is_question && e.path == root {
            NodeKind::Question
        } else {
            NodeKind::Claim
        };
        let text = if e.text.is_empty() {
            draft.losses.push(Loss::at(
                e.line,
                format!("claim {}. has no text; written as \"(no text)\"", e.path),
            ));
            "(no text)".to_string()
        } else {
            e.text.clone()
        };
        let fallback = format!("k{}", e.path.replace('.', "-"));
        node_at.insert(e.path.as_str(), draft.nodes.len());
        draft.nodes.push(DraftNode {
            id: ids.make(&id_words(&text, 6), &fallback),
            kind,
            label: short_label(&text, 60),
            note: Some(format!("Kialo {}.", e.path)),
            text,
            ..DraftNode::default()
        });
    }
    // Links resolve to the node they name (through other links, too).
    let links: HashMap<&str, String> = entries
        .iter()
        .filter_map(|e| e.link().map(|l| (e.path.as_str(), l)))
        .collect();
    let resolve = |path: &str| -> Option<usize> {
        let mut path = path.to_string();
        for _ in 0..=links.len() {
            if let Some(&n) = node_at.get(path.as_str()) {
                return Some(n);
            }
            path = links.get(path.as_str())?.clone();
        }
        None
    };
    let mut rels = Relations::default();
    // Tree relations first (they cannot conflict), then the ones that
    // pass through a link, in the order of the file.
    let mut later = Vec::new();
    for e in entries {
        let Some(parent) = e.parent() else { continue };
        let through_link = links.contains_key(e.path.as_str()) || links.contains_key(parent);
        if through_link {
            later.push(e);
            continue;
        }
        let (Some(from), Some(to)) = (node_at.get(e.path.as_str()), node_at.get(parent)) else {
            continue;
        };
        relate(draft, &mut rels, e, *from, *to);
    }
    for e in later {
        let Some(parent) = e.parent() else { continue };
        if let Some(target) = links.get(e.path.as_str())
            && resolve(target).is_none()
        {
            draft.losses.push(Loss::at(
                e.line,
                format!(
                    "claim {}. links to {target}., which does not exist; left out",
                    e.path
                ),
            ));
            continue;
        }
        let (Some(from), Some(to)) = (resolve(&e.path), resolve(parent)) else {
            draft.losses.push(Loss::at(
                e.line,
                format!(
                    "claim {}. is under {parent}., a broken link; its relation is left out",
                    e.path
                ),
            ));
            continue;
        };
        relate(draft, &mut rels, e, from, to);
    }
}

/// Adds the relation of entry `e` from node `from` to its parent `to`,
/// unless the map could not hold it.
fn relate(draft: &mut Draft, rels: &mut Relations, e: &Entry, from: usize, to: usize) {
    let to_kind = draft.nodes.get(to).map(|n| n.kind);
    let name = |i: usize| draft.nodes.get(i).map_or(String::new(), |n| n.id.clone());
    let (a, b) = (name(from), name(to));
    // A link can name the root of a discussion with several theses, which
    // is a question: it cannot support, attack or answer anything.
    if draft.nodes.get(from).map(|n| n.kind) == Some(NodeKind::Question) {
        draft.losses.push(Loss::at(
            e.line,
            format!(
                "claim {}. links to the question {a}, which cannot support, attack or answer {b}; left out",
                e.path
            ),
        ));
        return;
    }
    let kind = match (e.stance, to_kind) {
        (Some(Stance::Pro), Some(NodeKind::Claim)) => RelationKind::Supports,
        (Some(Stance::Con), Some(NodeKind::Claim)) => RelationKind::Attacks,
        (None, Some(NodeKind::Question)) => RelationKind::Answers,
        (Some(_), _) => {
            draft.losses.push(Loss::at(e.line, format!(
                    "claim {}. is a Pro or Con of the question {}; a question cannot be supported or attacked, so it is kept without a relation",
                    e.path, b
                )));
            return;
        }
        (None, _) => {
            draft.losses.push(Loss::at(
                e.line,
                format!(
                    "claim {}. is neither Pro nor Con; kept without a relation to its parent",
                    e.path
                ),
            ));
            return;
        }
    };
    let why = if from == to {
        Some(format!(
            "{a} would {} itself",
            kind.as_str().trim_end_matches('s')
        ))
    } else if rels.written.contains(&(from, to, kind)) {
        Some(format!("{a} already {} {b}", kind.as_str()))
    } else if kind == RelationKind::Supports
        && rels.written.contains(&(from, to, RelationKind::Attacks))
        || kind == RelationKind::Attacks
            && rels.written.contains(&(from, to, RelationKind::Supports))
    {
        Some(format!("{a} would both support and attack {b}"))
    } else if kind == RelationKind::Supports && rels.support.reaches(&b, &a) {
        Some(format!(
            "{a} supporting {b} would close a circle of support"
        ))
    } else {
        None
    };
    if let Some(why) = why {
        draft.losses.push(Loss::at(
            e.line,
            format!("claim {}.: {why}; left out", e.path),
        ));
        return;
    }
    rels.written.insert((from, to, kind));
    if kind == RelationKind::Supports {
        rels.support.add(&a, &b);
    }
    if let Some(node) = draft.nodes.get_mut(from) {
        node.relations.push(DraftRelation::new(kind, b));
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::{CheckOptions, Severity, SourceFile, check};

    fn assert_checks(draft: &Draft) {
        let yaml = draft.to_yaml();
        let c = check(
            &SourceFile::new("k.yaml", yaml.clone()),
            &CheckOptions::default(),
        );
        let errors: Vec<String> = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        assert!(errors.is_empty(), "{errors:?}\n{yaml}");
    }

    fn relations(draft: &Draft) -> Vec<String> {
        draft
            .nodes
            .iter()
            .flat_map(|n| {
                n.relations
                    .iter()
                    .map(move |r| format!("{} {} {}", n.id, r.kind.as_str(), r.to))
            })
            .collect()
    }

    #[test]
    fn tree_links_and_multiline_text() {
        let text = "Discussion Title: Cars in the centre?\n\n\
            1. The city should ban cars from the centre.\n\
            1.1. Pro: Air would improve.\n\
            1.1.1. Con: Pollution comes from the ring road \\(mostly\\).\n\
            It is measured there.\n\
            1.2. Con: Shops need drivers.\n\
            1.2.1. Pro: -> See 1.1.1.\n";
        let draft = import(text, "fallback").unwrap();
        assert_checks(&draft);
        assert_eq!(draft.title, "Cars in the centre?");
        assert_eq!(draft.nodes.len(), 4);
        assert_eq!(
            draft.nodes[2].text,
            "Pollution comes from the ring road (mostly).\nIt is measured there."
        );
        assert_eq!(
            relations(&draft),
            [
                "air-would-improve supports city-should-ban-cars",
                "pollution-comes-from-the-ring-road attacks air-would-improve",
                "pollution-comes-from-the-ring-road supports shops-need-drivers",
                "shops-need-drivers attacks city-should-ban-cars",
            ]
        );
        assert!(draft.losses.is_empty(), "{:?}", draft.losses);
    }

    #[test]
    fn links_that_break_the_rules_are_losses() {
        let text = "1. Thesis.\n\
            1.1. Pro: A.\n\
            1.1.1. Pro: B.\n\
            1.1.1.1. Pro: -> See 1.1.\n\
            1.2. Con: -> See 1.1.\n\
            1.1.2. Con: -> See 1.1.\n\
            1.3. Pro: -> See 9.9.\n\
            1.4. Pro: -> See 1.1.\n";
        let draft = import(text, "t").unwrap();
        assert_checks(&draft);
        let lines: Vec<Option<usize>> = draft.losses.iter().map(|l| l.line).collect();
        assert_eq!(
            lines,
            [Some(4), Some(5), Some(6), Some(7), Some(8)],
            "{:?}",
            draft.losses
        );
        assert!(draft.losses[0].message.contains("circle"));
        assert!(draft.losses[1].message.contains("both support and attack"));
        assert!(draft.losses[2].message.contains("itself"));
        assert!(draft.losses[3].message.contains("does not exist"));
        assert!(draft.losses[4].message.contains("already"));
    }

    // Found by the import property test: a link to the root of a
    // discussion with several theses made a question support a claim.
    #[test]
    fn a_link_to_the_question_at_the_root_is_a_loss() {
        let text = "3. Pro: \n3.1. A\n3.2. Pro: \n3.1.1. Pro: -> See 3.\n";
        let draft = import(text, "t").unwrap();
        assert_checks(&draft);
        let loss = draft.losses.iter().find(|l| l.line == Some(4)).unwrap();
        assert!(loss.message.contains("links to the question"), "{loss:?}");
    }

    #[test]
    fn forward_links_and_children_of_links() {
        let text = "1. T.\n1.1. Pro: -> See 1.2.1.\n1.1.1. Con: C under the link.\n1.2. Con: A.\n1.2.1. Pro: B.\n";
        let draft = import(text, "t").unwrap();
        assert_checks(&draft);
        assert_eq!(
            relations(&draft),
            [
                "c-under-the-link attacks b",
                "a attacks t",
                "b supports a",
                "b supports t"
            ]
        );
    }

    #[test]
    fn multi_thesis_discussions_are_questions() {
        let text = "Discussion Title: Which energy?\n\n1. Which energy should we use?\n1.1. Wind power.\n1.1.1. Pro: It is cheap.\n1.2. Nuclear power.\n";
        let draft = import(text, "t").unwrap();
        assert_checks(&draft);
        assert_eq!(draft.nodes[0].kind, NodeKind::Question);
        assert_eq!(
            relations(&draft),
            [
                "wind-power answers which-energy-should-we-use",
                "it-is-cheap supports wind-power",
                "nuclear-power answers which-energy-should-we-use",
            ]
        );
    }

    #[test]
    fn numbered_lists_inside_a_claim_stay_text() {
        let text = "1. Thesis.\n1.1. Pro: Two reasons:\n1. first\n2. second\n1.2. Con: No.\n";
        let draft = import(text, "t").unwrap();
        assert_eq!(draft.nodes.len(), 3);
        assert_eq!(draft.nodes[1].text, "Two reasons:\n1. first\n2. second");
    }

    #[test]
    fn no_claims_is_an_error() {
        assert!(import("Discussion Title: Empty\n\n", "t").is_err());
    }

    /// A generated debate of 1,000 claims, every fifth a link.
    fn debate(claims: usize) -> String {
        let mut text = String::from("Discussion Title: Generated\n\n1. The thesis.\n");
        let mut paths = vec!["1".to_string()];
        let mut k = 1;
        let mut made = 1;
        while made < claims {
            let parent = paths[(k * 7) % paths.len()].clone();
            let n = paths
                .iter()
                .filter(|p| p.rsplit_once('.').map(|(a, _)| a) == Some(&parent))
                .count()
                + 1;
            let path = format!("{parent}.{n}");
            let stance = if k % 3 == 0 { "Con" } else { "Pro" };
            if k % 5 == 0 {
                let target = &paths[(k * 13) % paths.len()];
                let _ = writeln!(text, "{path}. {stance}: -> See {target}.");
            } else {
                let _ = writeln!(
                    text,
                    "{path}. {stance}: Claim {k} says something about point {parent},\nover two lines."
                );
                made += 1;
            }
            paths.push(path);
            k += 1;
        }
        text
    }

    #[test]
    fn a_thousand_claims() {
        let draft = import(&debate(1000), "t").unwrap();
        assert_eq!(draft.nodes.len(), 1000);
        assert_checks(&draft);
    }
}
