//! AIF, the Argument Interchange Format, in the JSON shape of AIFdb and
//! OVA: `{"nodes": [...], "edges": [...], "locutions": [...],
//! "participants": [...]}`, optionally wrapped as `{"AIF": {...}}`.
//!
//! The mapping, both ways (see `docs/interchange-aif-kialo.md`):
//!
//! - a claim is an I-node; a question is an I-node introduced by a
//!   `Pure Questioning` YA-node (from an L-node, with no speaker when no
//!   actor holds the question);
//! - an argument is one RA-node carrying the argument's text, with edges
//!   premise → RA → conclusion;
//! - `supports` is an RA-node `Default Inference` (source → RA → target);
//!   `answers` an RA-node `Answering` to a question;
//! - `attacks` is a CA-node `Default Conflict` (a CA-node
//!   `Attacking the argument` when the target is an argument);
//!   `contradicts` is two mirrored CA-nodes `Contradiction` (CA-nodes
//!   with other texts stay attacks, mirrored or not); `undercuts` a CA-node
//!   `Default Conflict` pointing at the RA- or CA-node of the inference;
//! - `held_by` is an L-node (locution) of the actor, linked to the content
//!   by a YA-node (`Asserting`, `Arguing` for arguments, `Pure Questioning`
//!   for questions), with the actor in `participants` and `locutions`;
//!   `rejected_by` a YA-node `Disagreeing`.
//!
//! Labels, tags, notes, relation labels and ids, evidence and sources have
//! no place in AIF and are left out of an export. An import lists in
//! [`Draft::losses`](super::Draft::losses) every node and edge it cannot
//! read, by its `nodeID`.
//!
//! [`import()`] (AIF JSON into a [`Draft`](super::Draft)) lives in
//! `import.rs`, [`export()`] and [`left_out`] in `export.rs`; the texts
//! both sides give S-nodes are the constants here.

mod export;
mod import;

pub use export::{export, left_out};
pub use import::import;

/// The text of an RA-node that stands for a plain `supports`.
pub const DEFAULT_INFERENCE: &str = "Default Inference";
/// The text of a CA-node for `attacks` and `undercuts`.
pub const DEFAULT_CONFLICT: &str = "Default Conflict";
/// The text of the two mirrored CA-nodes of a `contradicts`.
pub const CONTRADICTION: &str = "Contradiction";
/// The text of an RA-node that stands for `answers`.
pub const ANSWERING: &str = "Answering";
/// The text of a CA-node for `attacks` on an argument (a plain CA-node on
/// an RA-node is an undercut).
pub const ATTACKING_ARGUMENT: &str = "Attacking the argument";

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap, HashSet};
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use serde_json::Value;

    use super::*;
    use crate::model::{Map, NodeKind, RelationKind};
    use crate::{CheckOptions, SourceFile, check};

    fn checked(name: &str, yaml: &str) -> Map {
        let c = check(&SourceFile::new(name, yaml), &CheckOptions::default());
        let errors: Vec<String> = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        assert!(errors.is_empty(), "{errors:?}\n{yaml}");
        c.into_parts().0.expect("a map").into_map()
    }

    /// What a round trip keeps: kinds, texts, premises, conclusions and
    /// relations, all named by text (ids are remade on import).
    fn shape(map: &Map) -> BTreeSet<String> {
        let text = |id: &str| {
            map.nodes
                .get(id)
                .map_or_else(|| format!("?{id}"), |n| n.text.value.to_string())
        };
        let mut named: HashMap<&str, String> = HashMap::new();
        for (id, node) in &map.nodes {
            for r in &node.relations {
                if let Some(rid) = &r.id {
                    named.insert(
                        rid.value.as_str(),
                        format!(
                            "<{} {} {}>",
                            text(id),
                            r.kind.as_str(),
                            text(&r.target.value)
                        ),
                    );
                }
            }
        }
        let mut out = BTreeSet::new();
        for (id, node) in &map.nodes {
            let premises: BTreeSet<String> = node.premises.iter().map(|p| text(&p.value)).collect();
            let names = |refs: &[crate::model::Ref]| -> BTreeSet<String> {
                refs.iter()
                    .map(|a| {
                        map.actors
                            .get(&a.value)
                            .map_or(String::new(), |a| a.name.value.to_string())
                    })
                    .collect()
            };
            let (holders, rejecters) = (names(&node.held_by), names(&node.rejected_by));
            out.insert(format!(
                "{} {:?} premises {premises:?} conclusion {:?} held by {holders:?} rejected by {rejecters:?}",
                node.kind.as_str(),
                node.text.value,
                node.conclusion.as_ref().map(|c| text(&c.value)),
            ));
            for r in &node.relations {
                let target = named
                    .get(r.target.value.as_str())
                    .cloned()
                    .unwrap_or_else(|| text(&r.target.value));
                let (a, b) = (text(id), target);
                // `contradicts` has no direction.
                let (a, b) = if r.kind == RelationKind::Contradicts && b < a {
                    (b, a)
                } else {
                    (a, b)
                };
                out.insert(format!("{a:?} {} {b:?}", r.kind.as_str()));
            }
        }
        out
    }

    fn round_trip(yaml: &str) {
        let map = checked("in.yaml", yaml);
        let json = export(&map);
        let draft = import(&json, "t").expect("import");
        assert!(draft.losses.is_empty(), "{:?}", draft.losses);
        let back = checked("back.yaml", &draft.to_yaml());
        assert_eq!(shape(&map), shape(&back), "{json}\n{}", draft.to_yaml());
        assert_eq!(export(&back), json, "export of the import differs");
    }

    const ALL: &str = include_str!("../../../tests/fixtures/valid/all-relations.yaml");

    #[test]
    fn all_relations_round_trip() {
        round_trip(ALL);
    }

    #[test]
    fn rejected_by_comes_back() {
        let map = checked("in.yaml", ALL);
        let draft = import(&export(&map), "t").unwrap();
        assert!(draft.losses.is_empty(), "{:?}", draft.losses);
        let back = checked("back.yaml", &draft.to_yaml());
        let rejecting = |m: &Map| -> Vec<(String, usize)> {
            m.nodes
                .values()
                .map(|n| (n.text.value.to_string(), n.rejected_by.len()))
                .filter(|(_, k)| *k > 0)
                .collect()
        };
        assert!(!rejecting(&map).is_empty());
        assert_eq!(rejecting(&map), rejecting(&back));
    }

    #[test]
    fn export_is_aifdb_shaped() {
        let yaml = "title: t\nactors:\n  nato: NATO\nnodes:\n  a:\n    text: A\n    held_by: nato\n    supports: b\n  b: B\n";
        let json = export(&checked("t.yaml", yaml));
        let v: Value = serde_json::from_str(&json).unwrap();
        let types: Vec<&str> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["I", "I", "RA", "L", "YA"]);
        assert_eq!(v["edges"][0]["fromID"], "1");
        assert_eq!(v["edges"][0]["toID"], "3");
        assert!(v["edges"][0]["formEdgeID"].is_null());
        assert_eq!(v["locutions"][0]["personID"], "1");
        assert_eq!(v["participants"][0]["firstname"], "NATO");
    }

    #[test]
    fn malformed_json_names_its_line() {
        let err = import("{\n  \"nodes\": [\n    {\"nodeID\": 1,}\n  ]\n}", "t").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = import("[1, 2]", "t").unwrap_err();
        assert_eq!(err.line, None);
    }

    #[test]
    fn foreign_aif_is_read_with_losses() {
        // Numeric ids, the xAIF wrapper, a TA-node, a linked argument with
        // the default scheme name, and an edge to nowhere.
        let json = r#"{"AIF": {
          "nodes": [
            {"nodeID": 1, "text": "Taxes should rise", "type": "I"},
            {"nodeID": 2, "text": "Schools need money", "type": "I"},
            {"nodeID": 3, "text": "Money must come from somewhere", "type": "I"},
            {"nodeID": 4, "text": "Default Inference", "type": "RA"},
            {"nodeID": 5, "text": "Default Transition", "type": "TA"},
            {"nodeID": 6, "text": "Schools need money", "type": "I"},
            {"nodeID": 7, "text": "Default Rephrase", "type": "MA"}
          ],
          "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 4},
            {"edgeID": 2, "fromID": 3, "toID": 4},
            {"edgeID": 3, "fromID": 4, "toID": 1},
            {"edgeID": 4, "fromID": 6, "toID": 7},
            {"edgeID": 5, "fromID": 7, "toID": 2},
            {"edgeID": 6, "fromID": 6, "toID": 99}
          ],
          "locutions": [], "participants": []}}"#;
        let draft = import(json, "Taxes").unwrap();
        let yaml = draft.to_yaml();
        checked("t.yaml", &yaml);
        assert_eq!(draft.nodes.len(), 5, "{yaml}");
        let arg = &draft.nodes[3];
        assert_eq!(arg.kind, NodeKind::Argument);
        assert_eq!(arg.premises.len(), 2);
        let losses: Vec<String> = draft.losses.iter().map(ToString::to_string).collect();
        assert_eq!(losses.len(), 3, "{losses:?}");
        assert!(losses.iter().any(|l| l.contains("edge 6")));
        assert!(
            losses
                .iter()
                .any(|l| l.contains("TA-nodes") && l.contains(" 5"))
        );
        assert!(losses.iter().any(|l| l.contains("rephrase")));
    }

    #[test]
    fn circles_and_conflicts_are_dropped() {
        let json = r#"{"nodes": [
            {"nodeID": "a", "text": "A", "type": "I"},
            {"nodeID": "b", "text": "B", "type": "I"},
            {"nodeID": "s1", "text": "Default Inference", "type": "RA"},
            {"nodeID": "s2", "text": "Default Inference", "type": "RA"},
            {"nodeID": "c1", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "s3", "text": "Default Inference", "type": "RA"}
          ], "edges": [
            {"edgeID": "1", "fromID": "a", "toID": "s1"}, {"edgeID": "2", "fromID": "s1", "toID": "b"},
            {"edgeID": "3", "fromID": "b", "toID": "s2"}, {"edgeID": "4", "fromID": "s2", "toID": "a"},
            {"edgeID": "5", "fromID": "a", "toID": "c1"}, {"edgeID": "6", "fromID": "c1", "toID": "b"},
            {"edgeID": "7", "fromID": "a", "toID": "s3"}, {"edgeID": "8", "fromID": "s3", "toID": "a"}
          ]}"#;
        let draft = import(json, "t").unwrap();
        checked("t.yaml", &draft.to_yaml());
        assert_eq!(draft.losses.len(), 3, "{:?}", draft.losses);
    }

    /// A small valid map: claims c0.., a question, arguments, relations
    /// chosen so that the map passes `check` (support only forward).
    fn arb_map() -> impl Strategy<Value = String> {
        (
            2usize..6,
            proptest::collection::vec((0usize..6, 0usize..6, 0u8..5), 0..8),
            proptest::collection::vec((0usize..6, 0usize..6, 0usize..6), 0..2),
            any::<bool>(),
            proptest::collection::vec((0usize..6, 0usize..2), 0..4),
        )
            .prop_map(|(n, rels, args, question, held)| {
                let mut yaml = String::from("title: generated\nactors:\n  x: Ann Lee\n  y: Bo\nnodes:\n");
                let mut pairs: HashSet<(usize, usize)> = HashSet::new();
                let mut named = Vec::new();
                for i in 0..n {
                    let _ = writeln!(yaml, "  c{i}:\n    text: Claim number {i}");
                    let holders: Vec<&str> = held
                        .iter()
                        .filter(|(c, _)| *c == i)
                        .map(|(_, a)| if *a == 0 { "x" } else { "y" })
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    if !holders.is_empty() {
                        let _ = writeln!(yaml, "    held_by: [{}]", holders.join(", "));
                    }
                    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
                    for &(a, b, k) in &rels {
                        let (a, b) = (a % n, b % n);
                        if a != i || a == b || !pairs.insert((a.min(b), a.max(b))) {
                            continue;
                        }
                        let kind = match k {
                            0 | 1 if a < b => "supports",
                            0..=2 => "attacks",
                            3 => "contradicts",
                            _ => "answers",
                        };
                        let target = if kind == "answers" {
                            if !question || groups.iter().any(|(k, _)| *k == "answers") {
                                continue;
                            }
                            "q".to_string()
                        } else {
                            let rid = format!("r{a}-{b}");
                            let t = format!("{{ to: c{b}, id: {rid} }}");
                            named.push(rid);
                            t
                        };
                        match groups.iter_mut().find(|(k, _)| *k == kind) {
                            Some((_, list)) => list.push(target),
                            None => groups.push((kind, vec![target])),
                        }
                    }
                    for (kind, list) in groups {
                        let _ = writeln!(yaml, "    {kind}: [{}]", list.join(", "));
                    }
                }
                if question {
                    let _ = writeln!(yaml, "  q:\n    kind: question\n    text: Which claim holds?");
                }
                for (k, &(p1, p2, c)) in args.iter().enumerate() {
                    let (p1, p2, c) = (p1 % n, p2 % n, c % n);
                    if p1 == c || p2 == c || p1 == p2 || !(p1 < c && p2 < c) {
                        continue;
                    }
                    let _ = writeln!(
                        yaml,
                        "  arg{k}:\n    kind: argument\n    text: Argument {k}\n    premises: [c{p1}, c{p2}]\n    conclusion: c{c}"
                    );
                    if let Some(r) = named.first() {
                        let _ = writeln!(yaml, "  cut{k}:\n    text: Undercutter {k}\n    undercuts: [arg{k}, {r}]");
                    }
                }
                yaml
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn generated_maps_round_trip(yaml in arb_map()) {
            let c = check(&SourceFile::new("g.yaml", yaml.clone()), &CheckOptions::default());
            prop_assert!(!c.has_errors(), "{yaml}");
            round_trip(&yaml);
        }
    }
}
