//! Argdown import and export: snapshots of small fixtures, the real
//! Argdown example documents against the counts of the official Argdown
//! CLI (`tests/argdown-oracle.sh`), malformed input, and a round trip
//! through export and import on generated maps (proptest).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use argmap::interchange::argdown::{export, import};
use argmap::interchange::{Draft, DraftNode, DraftRelation};
use argmap::model::{NodeKind, RelationKind};
use argmap::{CheckOptions, Severity, SourceFile, check};
use proptest::prelude::*;

use crate::file_name;
use crate::support::{files, root};

fn argdown_dir() -> PathBuf {
    root().join("tests/fixtures/argdown")
}

/// Imports a file; panics on an import error.
fn import_file(path: &Path) -> Draft {
    let text = std::fs::read_to_string(path).unwrap();
    import(&text, &file_name(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The YAML and the losses, as one text.
fn shown(draft: &Draft) -> String {
    let mut out = draft.to_yaml();
    out.push_str("\n# losses\n");
    for loss in &draft.losses {
        out.push_str(&format!("# {loss}\n"));
    }
    out
}

#[test]
fn import_fixtures() {
    insta::glob!("../fixtures/argdown", "*.argdown", |path| {
        let draft = import_file(path);
        assert_eq!(
            crate::draft_errors(&draft),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        insta::assert_snapshot!(shown(&draft));
    });
}

#[test]
fn export_all_relations() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/valid/all-relations.yaml")).unwrap();
    let checked = check(
        &SourceFile::new("all-relations.yaml", text),
        &CheckOptions::default(),
    );
    let map = checked.into_parts().0.unwrap().into_map();
    let argdown = export(&map);
    insta::assert_snapshot!(argdown);
    let back = import(&argdown, "x").unwrap();
    assert_eq!(crate::draft_errors(&back), Vec::<String>::new());
    assert_eq!(canonical_map(&map), canonical_draft(&back));
}

#[test]
fn real_documents_pass_check() {
    let dir = argdown_dir().join("real");
    let files = files(&dir, &["argdown"]);
    assert_eq!(files.len(), 4);
    for path in files {
        let draft = import_file(&path);
        let errors = crate::draft_errors(&draft);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

/// Our figures in the terms of Argdown's JSON export.
fn our_counts(draft: &Draft) -> serde_json::Value {
    let prose = loss_count(draft, "left out as prose");
    let sketched = loss_count(draft, "has no premise-conclusion structure");
    let steps = draft
        .nodes
        .iter()
        .filter(|n| {
            n.kind == NodeKind::Argument
                && n.label
                    .as_deref()
                    .is_some_and(|l| l.ends_with(')') && l.contains(" (step "))
        })
        .count();
    let arguments = draft
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Argument)
        .count()
        - steps;
    let claims = draft
        .nodes
        .iter()
        .filter(|n| n.kind != NodeKind::Argument)
        .count()
        - sketched;
    let mut relations: BTreeMap<&str, usize> = BTreeMap::new();
    for node in &draft.nodes {
        for r in &node.relations {
            let name = match r.kind {
                RelationKind::Supports | RelationKind::Answers => "support",
                RelationKind::Attacks => "attack",
                RelationKind::Undercuts => "undercut",
                RelationKind::Contradicts => "contradictory",
            };
            *relations.entry(name).or_default() += 1;
        }
    }
    serde_json::json!({
        "statements": claims + prose,
        "arguments": arguments + sketched,
        "reconstructed_arguments": arguments,
        "relations": relations,
    })
}

fn loss_count(draft: &Draft, what: &str) -> usize {
    draft
        .losses
        .iter()
        .filter(|l| l.message.contains(what))
        .count()
}

/// The counts of `tests/argdown-oracle.sh` (the official Argdown CLI) and
/// ours agree on every real document: statements (an untitled statement
/// that argmap leaves out as prose is counted, with its loss), arguments
/// (chained steps of one argument count once; sketched arguments, imported
/// as claims, count as arguments) and relations by type. The figures are
/// in `docs/interchange-argdown.md`.
#[test]
fn real_documents_match_the_argdown_counts() {
    let dir = argdown_dir().join("real");
    let counts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("counts.json")).unwrap()).unwrap();
    let documents = counts["documents"].as_object().unwrap();
    assert_eq!(documents.len(), 4);
    for (name, theirs) in documents {
        let ours = our_counts(&import_file(&dir.join(name)));
        for key in [
            "statements",
            "arguments",
            "reconstructed_arguments",
            "relations",
        ] {
            assert_eq!(ours[key], theirs[key], "{name}: {key}");
        }
    }
}

#[test]
fn malformed_input_is_an_error_with_a_line() {
    let cases = [
        ("===\ntitle: x\n\n[A]: a\n", Some(1), "front matter"),
        (
            "[A]: a\n\n/* open\n\n[B]: b\n",
            Some(3),
            "comment not closed",
        ),
        ("<A>\n\n(1) p\n----\n", Some(4), "no conclusion"),
        (
            "<A>\n\n(1) p\n----\n(2) c\n(3) d\n",
            Some(6),
            "must end with a conclusion",
        ),
        ("<A>\n\n(1) p\n--\nrule\n(2) c\n", Some(4), "not closed"),
        (
            "<A>\n\n(1) p\n-- a --\n-- b --\n(2) c\n",
            Some(5),
            "two inferences",
        ),
        (
            "<A>\n\n(1) [P]: p\n----\n(2) [P]\n",
            Some(5),
            "its own premises",
        ),
        (
            "<A>\n\n(1) <B>\n----\n(2) c\n",
            Some(3),
            "must be a statement",
        ),
        ("  \n\n", None, "empty"),
        (
            "Just prose.\n\nMore prose.\n",
            None,
            "only headings and prose",
        ),
        (
            "# A heading\n\n## Another\n",
            None,
            "only headings and prose",
        ),
    ];
    for (text, line, message) in cases {
        let err = import(text, "t").unwrap_err();
        assert_eq!(err.line, line, "{text:?}: {err}");
        assert!(err.message.contains(message), "{text:?}: {err}");
    }
}

#[test]
fn title_comes_from_front_matter_else_the_argument() {
    let draft = import("# Heading\n\n[A]: a\n", "Fallback").unwrap();
    assert_eq!(draft.title, "Fallback");
    assert_eq!(draft.nodes[0].tags, ["Heading"]);
    let draft = import("===\ntitle: 'It''s here'\n===\n\n[A]: a\n", "Fallback").unwrap();
    assert_eq!(draft.title, "It's here");
}

#[test]
fn escaped_characters_read_as_text() {
    // An export written by hand in the form `export` uses, with every
    // special character escaped, reads back to the same text.
    let draft = import(
        "[T]: a \\#b \\[c\\] \\/\\/ d \\{e\\} \\*f\\* \\_g\\_ \\\\ h\n",
        "t",
    )
    .unwrap();
    assert_eq!(draft.nodes[0].text, "a #b [c] // d {e} *f* _g_ \\ h");
}

// -------------------------------------------------------------------------
// Round trip on generated maps

/// What must survive a round trip: nodes by kind and text, arguments'
/// structures and relations, all by text.
#[derive(Debug, PartialEq, Eq)]
struct Canonical {
    nodes: BTreeSet<(String, String)>,
    structures: BTreeSet<(String, Vec<String>, String)>,
    relations: BTreeSet<(String, &'static str, String)>,
}

fn canonical_draft(draft: &Draft) -> Canonical {
    let text: BTreeMap<&str, &str> = draft
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.text.as_str()))
        .collect();
    let mut named: BTreeMap<&str, String> = BTreeMap::new();
    for n in &draft.nodes {
        for r in &n.relations {
            if let Some(id) = &r.id {
                named.insert(
                    id,
                    format!("{} -{}-> {}", n.text, r.kind.as_str(), text[r.to.as_str()]),
                );
            }
        }
    }
    let mut c = Canonical {
        nodes: BTreeSet::new(),
        structures: BTreeSet::new(),
        relations: BTreeSet::new(),
    };
    for n in &draft.nodes {
        c.nodes
            .insert((n.kind.as_str().to_string(), n.text.clone()));
        if n.kind == NodeKind::Argument {
            let mut premises: Vec<String> = n
                .premises
                .iter()
                .map(|p| text[p.as_str()].to_string())
                .collect();
            premises.sort();
            let conclusion = n.conclusion.as_deref().map(|k| text[k]).unwrap_or_default();
            c.structures
                .insert((n.text.clone(), premises, conclusion.to_string()));
        }
        for r in &n.relations {
            let target = text
                .get(r.to.as_str())
                .map(|t| (*t).to_string())
                .or_else(|| named.get(r.to.as_str()).cloned())
                .unwrap_or_default();
            let (a, b) = if r.kind == RelationKind::Contradicts && target < n.text {
                (target, n.text.clone())
            } else {
                (n.text.clone(), target)
            };
            c.relations.insert((a, r.kind.as_str(), b));
        }
    }
    c
}

/// A checked map as a draft, for [`canonical_draft`].
fn canonical_map(map: &argmap::Map) -> Canonical {
    let nodes = map
        .nodes
        .values()
        .map(|n| DraftNode {
            id: n.id.value.to_string(),
            kind: n.kind,
            text: n.text.value.to_string(),
            premises: n.premises.iter().map(|p| p.value.to_string()).collect(),
            conclusion: n.conclusion.as_ref().map(|c| c.value.to_string()),
            relations: n
                .relations
                .iter()
                .map(|r| DraftRelation {
                    kind: r.kind,
                    to: r.target.value.to_string(),
                    id: r.id.as_ref().map(|i| i.value.to_string()),
                    label: None,
                })
                .collect(),
            ..DraftNode::default()
        })
        .collect();
    canonical_draft(&Draft {
        nodes,
        ..Draft::default()
    })
}

/// Words for texts and labels, with Argdown's special characters.
const WORDS: &[&str] = &[
    "state", "alliance", "security", "treaty", "#tag", "a_b", "x/y", "//", "/*", "[z]", "<w>",
    "{d}", "*e*", "@m", "\\", "a: b", "--", "+", "->", "(1)", "é", "#(t t)", "-->",
];

/// A random valid map: claims, arguments whose premises come before their
/// conclusion, supports that only go forward (no circles), attacks,
/// contradictions and undercuts of arguments, as a draft.
fn generated(
    texts: &[Vec<usize>],
    labels: &[Option<usize>],
    args: &[(Vec<usize>, usize)],
    rels: &[(u8, usize, usize)],
) -> Draft {
    let n = texts.len();
    let phrase = |words: &[usize]| {
        words
            .iter()
            .map(|&w| WORDS[w])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut nodes: Vec<DraftNode> = (0..n)
        .map(|i| DraftNode {
            id: format!("c{i}"),
            text: format!("{} c{i}", phrase(&texts[i])),
            label: labels
                .get(i)
                .copied()
                .flatten()
                .map(|w| WORDS[w].to_string()),
            ..DraftNode::default()
        })
        .collect();
    // Rank: claim i is 2i, an argument with conclusion c is 2c - 1.
    let mut rank: Vec<usize> = (0..n).map(|i| 2 * i).collect();
    for (k, (premises, conclusion)) in args.iter().enumerate() {
        let conclusion = conclusion % n;
        let mut ps: Vec<usize> = premises
            .iter()
            .map(|p| p % n)
            .filter(|&p| p < conclusion)
            .collect();
        ps.sort_unstable();
        ps.dedup();
        if ps.is_empty() {
            continue;
        }
        rank.push(2 * conclusion - 1);
        nodes.push(DraftNode {
            id: format!("a{k}"),
            kind: NodeKind::Argument,
            text: format!("because {} a{k}", phrase(&texts[k % n])),
            premises: ps.iter().map(|p| format!("c{p}")).collect(),
            conclusion: Some(format!("c{conclusion}")),
            ..DraftNode::default()
        });
    }
    let total = nodes.len();
    let has = |nodes: &[DraftNode], s: usize, kind: RelationKind, t: usize| {
        let target = nodes[t].id.clone();
        nodes[s]
            .relations
            .iter()
            .any(|r| r.kind == kind && r.to == target)
    };
    for &(kind, s, t) in rels {
        let (s, t) = (s % total, t % total);
        if s == t {
            continue;
        }
        let claim = |i: usize| i < n;
        let kind = match kind {
            0 if claim(t) && rank[s] < rank[t] => RelationKind::Supports,
            1 => RelationKind::Attacks,
            2 if claim(s) && claim(t) => RelationKind::Contradicts,
            3 if !claim(t) => RelationKind::Undercuts,
            _ => continue,
        };
        let conflict = match kind {
            RelationKind::Supports => {
                has(&nodes, s, RelationKind::Attacks, t)
                    || has(&nodes, s, RelationKind::Contradicts, t)
                    || has(&nodes, t, RelationKind::Contradicts, s)
            }
            RelationKind::Attacks => has(&nodes, s, RelationKind::Supports, t),
            RelationKind::Contradicts => {
                has(&nodes, s, RelationKind::Supports, t)
                    || has(&nodes, t, RelationKind::Supports, s)
                    || has(&nodes, t, RelationKind::Contradicts, s)
            }
            _ => false,
        };
        if conflict || has(&nodes, s, kind, t) {
            continue;
        }
        let to = nodes[t].id.clone();
        nodes[s].relations.push(DraftRelation::new(kind, to));
    }
    Draft {
        title: "Generated".to_string(),
        nodes,
        ..Draft::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_keeps_nodes_texts_and_relations(
        texts in proptest::collection::vec(proptest::collection::vec(0..WORDS.len(), 1..5), 2..7),
        labels in proptest::collection::vec(proptest::option::of(0..WORDS.len()), 0..7),
        args in proptest::collection::vec((proptest::collection::vec(0usize..7, 1..4), 0usize..7), 0..4),
        rels in proptest::collection::vec((0u8..4, 0usize..11, 0usize..11), 0..14),
    ) {
        let draft = generated(&texts, &labels, &args, &rels);
        let yaml = draft.to_yaml();
        let checked = check(&SourceFile::new("generated.yaml", yaml.clone()), &CheckOptions::default());
        let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.message.clone()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}\n{yaml}");
        let map = checked.into_parts().0.unwrap().into_map();
        let argdown = export(&map);
        let back = import(&argdown, "x").map_err(|e| TestCaseError::fail(format!("{e}\n{argdown}")))?;
        prop_assert_eq!(crate::draft_errors(&back), Vec::<String>::new(), "{}", argdown);
        prop_assert_eq!(canonical_map(&map), canonical_draft(&back), "{}", argdown);
        prop_assert_eq!(back.nodes.len(), map.nodes.len());
    }
}

/// Pieces of Argdown syntax, for documents of random shape.
const TOKENS: &[&str] = &[
    "[A]",
    "[B]",
    "[C]",
    "<X>",
    "<Y>",
    ": ",
    "text ",
    "more words ",
    "\n",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "+ ",
    "- ",
    "_ ",
    "+> ",
    "-> ",
    "_> ",
    "<+ ",
    "<- ",
    "<_ ",
    ">< ",
    "(1) ",
    "(2) ",
    "(3) ",
    "----\n",
    "--\n",
    "-- rule --\n",
    "#",
    "# H\n",
    "#tag ",
    "#(t t) ",
    "{",
    "}",
    "{kind: question}",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    "===\n",
    "title: T\n",
    "\\",
    "*",
    "_",
    "@[A]",
    "[l](u) ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_document_imports_to_a_clean_map_or_an_error(
        picks in proptest::collection::vec(0..TOKENS.len(), 0..60),
    ) {
        let text: String = picks.iter().map(|&i| TOKENS[i]).collect();
        if let Ok(draft) = import(&text, "Random") {
            prop_assert_eq!(crate::draft_errors(&draft), Vec::<String>::new(), "{}\n{}", text, draft.to_yaml());
        }
    }
}

#[test]
fn elements_without_blank_lines_between_stay_apart() {
    // Argdown wants a blank line before a heading or a new element; without
    // one, the two must not run together into one text.
    let draft = import(
        "# Heading\n[A]: a\n[B]: b #tag\n  +> [A]\n<C>: c\n  - [A]\n",
        "t",
    )
    .unwrap();
    let texts: Vec<&str> = draft.nodes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["a", "b", "c"]);
    assert!(
        draft
            .nodes
            .iter()
            .all(|n| n.tags.first().map(String::as_str) == Some("Heading"))
    );
    assert_eq!(draft.nodes[1].relations.len(), 1);
    assert!(crate::draft_errors(&draft).is_empty());
    // A title that merely starts a line of a wrapped text does not split it.
    let draft = import("[A]: a text\nthat goes on\n", "t").unwrap();
    assert_eq!(draft.nodes[0].text, "a text that goes on");
}
