//! Export: a checked [`Map`] as AIF JSON in AIFdb's shape, and what that
//! leaves out.

use std::collections::HashMap;

use serde::Serialize;

use super::{ANSWERING, ATTACKING_ARGUMENT, CONTRADICTION, DEFAULT_CONFLICT, DEFAULT_INFERENCE};
use crate::model::{Map, NodeKind, RelationKind};

#[derive(Serialize, Default)]
struct Aif {
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    locutions: Vec<AifLocution>,
    participants: Vec<AifParticipant>,
}

#[derive(Serialize)]
struct AifNode {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct AifEdge {
    #[serde(rename = "edgeID")]
    edge: String,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
    #[serde(rename = "formEdgeID")]
    form_edge: Option<String>,
}

#[derive(Serialize)]
struct AifLocution {
    #[serde(rename = "nodeID")]
    node_id: String,
    #[serde(rename = "personID")]
    person_id: String,
}

#[derive(Serialize)]
struct AifParticipant {
    #[serde(rename = "participantID")]
    participant_id: String,
    firstname: String,
    surname: String,
}

impl Aif {
    fn node(&mut self, kind: &'static str, text: &str) -> String {
        let node_id = (self.nodes.len() + 1).to_string();
        self.nodes.push(AifNode {
            node_id: node_id.clone(),
            text: text.to_string(),
            kind,
        });
        node_id
    }

    fn edge(&mut self, from: &str, to: &str) {
        self.edges.push(AifEdge {
            edge: (self.edges.len() + 1).to_string(),
            from: from.to_string(),
            to: to.to_string(),
            form_edge: None,
        });
    }

    /// An S-node between two nodes: `from` → S → `to`.
    fn link(&mut self, kind: &'static str, text: &str, from: &str, to: &str) -> String {
        let s = self.node(kind, text);
        self.edge(from, &s);
        self.edge(&s, to);
        s
    }
}

/// Writes a checked map as AIF JSON (AIFdb shape), deterministic, pretty-printed.
///
/// Node and edge ids count from 1 in the order of the map; there are no
/// timestamps, so the same map always gives the same text.
pub fn export(map: &Map) -> String {
    let mut aif = Aif::default();
    // Map node id → AIF node id (the I-node, or an argument's RA-node).
    let mut ids: HashMap<&str, String> = HashMap::new();
    for (id, node) in &map.nodes {
        let kind = if node.kind == NodeKind::Argument {
            "RA"
        } else {
            "I"
        };
        ids.insert(id.as_str(), aif.node(kind, &node.text.value));
    }
    for (id, node) in &map.nodes {
        let Some(ra) = ids.get(id.as_str()).cloned() else {
            continue;
        };
        for premise in &node.premises {
            if let Some(p) = ids.get(premise.value.as_str()) {
                aif.edge(p, &ra);
            }
        }
        if let Some(c) = node
            .conclusion
            .as_ref()
            .and_then(|c| ids.get(c.value.as_str()))
        {
            aif.edge(&ra, c);
        }
    }
    // Relations; a named one remembers its S-node for undercuts.
    let mut named: HashMap<&str, String> = HashMap::new();
    for (id, node) in &map.nodes {
        let Some(from) = ids.get(id.as_str()).cloned() else {
            continue;
        };
        for rel in &node.relations {
            if rel.kind == RelationKind::Undercuts {
                continue;
            }
            let Some(to) = ids.get(rel.target.value.as_str()).cloned() else {
                continue;
            };
            let target_kind = map.nodes.get(&rel.target.value).map(|n| n.kind);
            let s = match rel.kind {
                RelationKind::Supports => aif.link("RA", DEFAULT_INFERENCE, &from, &to),
                RelationKind::Answers => aif.link("RA", ANSWERING, &from, &to),
                RelationKind::Attacks => {
                    let text = if target_kind == Some(NodeKind::Argument) {
                        ATTACKING_ARGUMENT
                    } else {
                        DEFAULT_CONFLICT
                    };
                    aif.link("CA", text, &from, &to)
                }
                RelationKind::Undercuts => continue,
                RelationKind::Contradicts => {
                    let s = aif.link("CA", CONTRADICTION, &from, &to);
                    aif.link("CA", CONTRADICTION, &to, &from);
                    s
                }
            };
            if let Some(rid) = &rel.id {
                named.insert(rid.value.as_str(), s);
            }
        }
    }
    for (id, node) in &map.nodes {
        let Some(from) = ids.get(id.as_str()).cloned() else {
            continue;
        };
        for rel in node
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Undercuts)
        {
            let target = rel.target.value.as_str();
            let to = match map.nodes.get(target) {
                Some(_) => ids.get(target),
                None => named.get(target),
            };
            if let Some(to) = to.cloned() {
                aif.link("CA", DEFAULT_CONFLICT, &from, &to);
            }
        }
    }
    // Actors: participants, and for each commitment a locution (L-node) of
    // the actor tied to the content by a YA-node.
    let mut people: HashMap<&str, (String, &str)> = HashMap::new();
    for (i, (id, actor)) in map.actors.iter().enumerate() {
        let participant_id = (i + 1).to_string();
        let name = actor.name.value.trim();
        let (first, sur) = name.split_once(' ').unwrap_or((name, ""));
        aif.participants.push(AifParticipant {
            participant_id: participant_id.clone(),
            firstname: first.to_string(),
            surname: sur.trim().to_string(),
        });
        people.insert(id.as_str(), (participant_id, &actor.name.value));
    }
    for (id, node) in &map.nodes {
        let Some(content) = ids.get(id.as_str()).cloned() else {
            continue;
        };
        let holding = match node.kind {
            NodeKind::Claim => "Asserting",
            NodeKind::Argument => "Arguing",
            NodeKind::Question => "Pure Questioning",
        };
        let text = &node.text.value;
        let commitments = node
            .held_by
            .iter()
            .map(|a| (a, holding))
            .chain(node.rejected_by.iter().map(|a| (a, "Disagreeing")));
        let mut asked = false;
        for (actor, illocution) in commitments {
            let Some((person, name)) = people.get(actor.value.as_str()) else {
                continue;
            };
            let l = aif.node("L", &format!("{name}: {text}"));
            aif.link("YA", illocution, &l, &content);
            aif.locutions.push(AifLocution {
                node_id: l,
                person_id: person.clone(),
            });
            asked |= illocution == "Pure Questioning";
        }
        if node.kind == NodeKind::Question && !asked {
            let l = aif.node("L", text);
            aif.link("YA", "Pure Questioning", &l, &content);
        }
    }
    let mut out = serde_json::to_string_pretty(&aif).unwrap_or_default();
    out.push('\n');
    out
}

/// What [`export`] leaves out of `map`, as phrases ("the title",
/// "12 labels"); empty when it keeps everything.
pub fn left_out(map: &crate::Map) -> Vec<String> {
    let x = crate::interchange::Extras::of(map);
    let mut out = Vec::new();
    if x.title {
        out.push("the title".to_string());
    }
    if x.summary {
        out.push("the summary".to_string());
    }
    for (n, one, many) in [
        (x.labels, "label", "labels"),
        (x.tags, "node's tags", "nodes' tags"),
        (x.notes, "note", "notes"),
        (x.evidence, "evidence entry", "evidence entries"),
        (x.sources, "source", "sources"),
        (x.relation_labels, "relation label", "relation labels"),
        (x.relation_ids, "relation id", "relation ids"),
    ] {
        if n > 0 {
            out.push(crate::interchange::count(n, one, many));
        }
    }
    out
}
