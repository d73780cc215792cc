//! Import: AIF JSON (AIFdb, OVA) into a [`Draft`], reading as far as it
//! goes; every node and edge it cannot read is a [`Loss`] naming its
//! `nodeID`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;

use super::{ATTACKING_ARGUMENT, CONTRADICTION};
use crate::interchange::guard::SupportGraph;
use crate::interchange::id::id_words;
use crate::interchange::short_label;
use crate::interchange::{Draft, DraftNode, DraftRelation, Ids, ImportError, Loss};
use crate::model::{NodeKind, RelationKind};

/// One node as read.
struct Raw {
    id: String,
    text: String,
    kind: String,
}

/// What an RA-node stands for.
enum Inference {
    /// `from` supports `to` (AIF indices).
    Support { from: usize, to: usize },
    /// Each of `from` answers the question `to`.
    Answer { from: Vec<usize>, to: usize },
    /// An argument node.
    Argument {
        premises: Vec<usize>,
        conclusion: usize,
    },
    /// Not readable; the loss is listed.
    Lost,
}

/// Where a relation read from an S-node was written: (draft node index,
/// relation index).
type RelAt = (usize, usize);

/// Reads AIF JSON into a draft map.
///
/// Malformed JSON is an [`ImportError`] at its line; JSON that is not AIF
/// (no `nodes` list) an error about the whole file. Everything else is
/// read as far as it goes, and what cannot be read is listed as a loss.
pub fn import(text: &str, title: &str) -> Result<Draft, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        ImportError::at(e.line().max(1), format!("not valid JSON: {message}"))
    })?;
    let root = value
        .get("AIF")
        .or_else(|| value.get("aif"))
        .unwrap_or(&value);
    let Some(list) = root.get("nodes").and_then(Value::as_array) else {
        return Err(ImportError::whole(
            "not AIF: no `nodes` list (expected {\"nodes\": [...], \"edges\": [...]})",
        ));
    };
    let mut r = Reader {
        draft: Draft {
            title: title.to_string(),
            ..Draft::default()
        },
        ..Reader::default()
    };
    r.read_nodes(list);
    r.read_edges(root.get("edges").and_then(Value::as_array));
    r.read_people(root);
    r.read_illocutions();
    r.classify_inferences();
    r.make_nodes();
    r.make_relations();
    r.guard();
    r.finish();
    if r.draft.nodes.is_empty() {
        return Err(ImportError::nothing_to_map(
            "it has no I-node or RA-node, and a map needs at least one claim",
        ));
    }
    Ok(r.draft)
}

fn id_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn is_default_inference(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "" | "ra" | "default inference" | "inference"
    )
}

#[derive(Default)]
struct Reader {
    draft: Draft,
    ids: Ids,
    nodes: Vec<Raw>,
    index: HashMap<String, usize>,
    ins: Vec<Vec<usize>>,
    outs: Vec<Vec<usize>>,
    /// Locution L-node index → person id.
    speaker: HashMap<usize, String>,
    /// Person id → name, in the order first seen.
    people: Vec<(String, String)>,
    /// Content node index → person ids holding it.
    holders: HashMap<usize, Vec<String>>,
    /// Who disagrees with a node (`Disagreeing` YA-nodes).
    rejecters: HashMap<usize, Vec<String>>,
    questions: HashSet<usize>,
    /// L- and YA-nodes read as commitments or questions.
    used: HashSet<usize>,
    inferences: HashMap<usize, Inference>,
    /// AIF index → draft node index.
    node_of: HashMap<usize, usize>,
    /// S-node index → the relation it was read as.
    rel_of: HashMap<usize, RelAt>,
    /// S-nodes already reported or read, so that no loss is listed twice.
    done: HashSet<usize>,
}

impl Reader {
    fn loss(&mut self, message: String) {
        self.draft.losses.push(Loss::whole(message));
    }

    fn kind(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| n.kind.as_str())
    }

    fn aif_id(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("?", |n| n.id.as_str())
    }

    fn read_nodes(&mut self, list: &[Value]) {
        for (k, v) in list.iter().enumerate() {
            let Some(id) = id_string(v.get("nodeID")) else {
                self.loss(format!("node {} has no nodeID; left out", k + 1));
                continue;
            };
            if self.index.contains_key(&id) {
                self.loss(format!(
                    "node {id}: its nodeID is used twice; the second left out"
                ));
                continue;
            }
            let text = v.get("text").and_then(Value::as_str).unwrap_or("");
            let kind = v
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_ascii_uppercase();
            self.index.insert(id.clone(), self.nodes.len());
            self.nodes.push(Raw {
                id,
                text: text.trim().to_string(),
                kind,
            });
        }
        self.ins = vec![Vec::new(); self.nodes.len()];
        self.outs = vec![Vec::new(); self.nodes.len()];
    }

    fn read_edges(&mut self, list: Option<&Vec<Value>>) {
        for (k, v) in list.into_iter().flatten().enumerate() {
            let name = id_string(v.get("edgeID")).unwrap_or_else(|| (k + 1).to_string());
            let from = id_string(v.get("fromID"));
            let to = id_string(v.get("toID"));
            let (Some(from), Some(to)) = (from, to) else {
                self.loss(format!("edge {name}: no fromID or toID; left out"));
                continue;
            };
            let (Some(&f), Some(&t)) = (self.index.get(&from), self.index.get(&to)) else {
                self.loss(format!(
                    "edge {name}: from {from} to {to} names a node that does not exist; left out"
                ));
                continue;
            };
            let plain = |k: &str| matches!(k, "I" | "L");
            if plain(self.kind(f)) && plain(self.kind(t)) {
                self.loss(format!(
                    "edge {name}: from {from} to {to} joins two {}/{}-nodes without a scheme node; left out",
                    self.kind(f),
                    self.kind(t)
                ));
                continue;
            }
            if let Some(o) = self.outs.get_mut(f) {
                o.push(t);
            }
            if let Some(i) = self.ins.get_mut(t) {
                i.push(f);
            }
        }
    }

    fn read_people(&mut self, root: &Value) {
        let mut names: HashMap<String, String> = HashMap::new();
        for p in root
            .get("participants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(id) = id_string(p.get("participantID")) else {
                continue;
            };
            let part = |key: &str| p.get(key).and_then(Value::as_str).unwrap_or("").trim();
            let name = format!("{} {}", part("firstname"), part("surname"))
                .trim()
                .to_string();
            if !self.people.iter().any(|(p, _)| *p == id) {
                self.people.push((id.clone(), name.clone()));
            }
            names.insert(id, name);
        }
        for l in root
            .get("locutions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(node), Some(person)) =
                (id_string(l.get("nodeID")), id_string(l.get("personID")))
            else {
                continue;
            };
            let Some(&i) = self.index.get(&node) else {
                continue;
            };
            if !self.people.iter().any(|(p, _)| *p == person) {
                // No participant record: the speaker as the L-node names
                // them ("Name : words"), else by number.
                let text = self.nodes.get(i).map_or("", |n| n.text.as_str());
                let name = text
                    .split_once(':')
                    .map(|(s, _)| s.trim())
                    .filter(|s| !s.is_empty() && s.chars().count() <= 40)
                    .map_or_else(|| format!("Person {person}"), str::to_string);
                self.people.push((person.clone(), name));
            }
            self.speaker.entry(i).or_insert(person);
        }
    }

    /// YA-nodes from an L-node to an I- or RA-node: who holds what, and
    /// which I-nodes are questions.
    fn read_illocutions(&mut self) {
        for y in 0..self.nodes.len() {
            if self.kind(y) != "YA" {
                continue;
            }
            let (Some(&[l]), Some(&[t])) = (
                self.ins.get(y).map(Vec::as_slice),
                self.outs.get(y).map(Vec::as_slice),
            ) else {
                continue;
            };
            if self.kind(l) != "L" || !matches!(self.kind(t), "I" | "RA") {
                continue;
            }
            let text = self
                .nodes
                .get(y)
                .map_or(String::new(), |n| n.text.to_lowercase());
            let person = self.speaker.get(&l).cloned();
            if text.contains("questioning") {
                if (text == "questioning" || text.contains("pure")) && self.kind(t) == "I" {
                    self.questions.insert(t);
                }
            } else if text.contains("disagree") {
                if let Some(p) = person {
                    let list = self.rejecters.entry(t).or_default();
                    if !list.contains(&p) {
                        list.push(p);
                    }
                }
                self.used.insert(y);
                self.used.insert(l);
                continue;
            } else if !["assert", "agree", "argu", "conced", "restat"]
                .iter()
                .any(|w| text.contains(w))
            {
                continue;
            }
            if let Some(p) = person {
                let list = self.holders.entry(t).or_default();
                if !list.contains(&p) {
                    list.push(p);
                }
            }
            self.used.insert(y);
            self.used.insert(l);
        }
    }

    /// Content sources of an S-node: its I- and RA-node predecessors.
    fn sources(&self, s: usize) -> Vec<usize> {
        self.ins
            .get(s)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| matches!(self.kind(i), "I" | "RA"))
            .collect()
    }

    fn classify_inferences(&mut self) {
        for r in 0..self.nodes.len() {
            if self.kind(r) != "RA" {
                continue;
            }
            let sources = self.sources(r);
            let conclusions: Vec<usize> = self
                .outs
                .get(r)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| self.kind(i) == "I")
                .collect();
            let id = self.aif_id(r).to_string();
            let inference = match (conclusions.as_slice(), sources.as_slice()) {
                (&[c], &[_, ..]) if self.questions.contains(&c) => Inference::Answer {
                    from: sources,
                    to: c,
                },
                (&[c], &[from])
                    if self
                        .nodes
                        .get(r)
                        .is_some_and(|n| is_default_inference(&n.text)) =>
                {
                    Inference::Support { from, to: c }
                }
                (&[c], &[_, ..]) => {
                    if sources
                        .iter()
                        .any(|&p| self.kind(p) != "I" || self.questions.contains(&p))
                    {
                        self.loss(format!(
                            "node {id}: an RA-node whose premises are not all statements; left out"
                        ));
                        Inference::Lost
                    } else {
                        Inference::Argument {
                            premises: sources,
                            conclusion: c,
                        }
                    }
                }
                (_, &[]) => {
                    self.loss(format!("node {id}: an RA-node with no premise; left out"));
                    Inference::Lost
                }
                (cs, _) => {
                    self.loss(format!(
                        "node {id}: an RA-node with {} conclusions (an inference has one); left out",
                        cs.len()
                    ));
                    Inference::Lost
                }
            };
            self.inferences.insert(r, inference);
        }
    }

    fn make_nodes(&mut self) {
        for i in 0..self.nodes.len() {
            let (kind, text) = match (self.kind(i), self.inferences.get(&i)) {
                ("I", _) => {
                    let kind = if self.questions.contains(&i) {
                        NodeKind::Question
                    } else {
                        NodeKind::Claim
                    };
                    (
                        kind,
                        self.nodes.get(i).map_or(String::new(), |n| n.text.clone()),
                    )
                }
                (
                    "RA",
                    Some(Inference::Argument {
                        premises,
                        conclusion,
                    }),
                ) => {
                    let raw = self.nodes.get(i).map_or("", |n| n.text.as_str());
                    let text = if is_default_inference(raw) {
                        let names: Vec<String> = premises.iter().map(|&p| self.short(p)).collect();
                        format!("{}; so {}", names.join("; "), self.short(*conclusion))
                    } else {
                        raw.to_string()
                    };
                    (NodeKind::Argument, text)
                }
                _ => continue,
            };
            let aif_id = self.aif_id(i).to_string();
            let text = if text.is_empty() {
                self.loss(format!("node {aif_id}: no text; written as \"(no text)\""));
                "(no text)".to_string()
            } else {
                text
            };
            let prefix = if kind == NodeKind::Argument {
                "ra"
            } else {
                "i"
            };
            let id = self
                .ids
                .make(&id_words(&text, 6), &format!("{prefix}{aif_id}"));
            self.node_of.insert(i, self.draft.nodes.len());
            self.draft.nodes.push(DraftNode {
                id,
                kind,
                label: short_label(&text, 60),
                text,
                held_by: self.holders.get(&i).cloned().unwrap_or_default(),
                rejected_by: self.rejecters.get(&i).cloned().unwrap_or_default(),
                ..DraftNode::default()
            });
        }
        // Premises and conclusions, now that every node has its id.
        for r in 0..self.nodes.len() {
            if let Some(Inference::Argument {
                premises,
                conclusion,
            }) = self.inferences.get(&r)
            {
                let id_of = |i: &usize| {
                    self.node_of
                        .get(i)
                        .and_then(|&d| self.draft.nodes.get(d))
                        .map(|n| n.id.clone())
                };
                let premises: Vec<String> = premises.iter().filter_map(id_of).collect();
                let conclusion = id_of(conclusion);
                if let Some(n) = self
                    .node_of
                    .get(&r)
                    .and_then(|&d| self.draft.nodes.get_mut(d))
                {
                    n.premises = premises;
                    n.conclusion = conclusion;
                }
            }
        }
    }

    fn short(&self, i: usize) -> String {
        let text = self.nodes.get(i).map_or("", |n| n.text.as_str());
        short_label(text, 40).unwrap_or_else(|| text.to_string())
    }

    fn draft_id(&self, i: usize) -> Option<String> {
        self.node_of
            .get(&i)
            .and_then(|&d| self.draft.nodes.get(d))
            .map(|n| n.id.clone())
    }

    fn draft_kind(&self, i: usize) -> Option<NodeKind> {
        self.node_of
            .get(&i)
            .and_then(|&d| self.draft.nodes.get(d))
            .map(|n| n.kind)
    }

    /// Writes a relation on the draft node of `from`; returns where.
    fn relate(&mut self, from: usize, kind: RelationKind, to: String) -> Option<RelAt> {
        let d = *self.node_of.get(&from)?;
        let node = self.draft.nodes.get_mut(d)?;
        node.relations.push(DraftRelation::new(kind, to));
        Some((d, node.relations.len() - 1))
    }

    fn make_relations(&mut self) {
        let mut attacks: Vec<(usize, usize, usize)> = Vec::new();
        let mut undercuts: Vec<(usize, usize, usize)> = Vec::new();
        for s in 0..self.nodes.len() {
            let id = self.aif_id(s).to_string();
            let kind = self.kind(s).to_string();
            match kind.as_str() {
                "RA" => match self.inferences.remove(&s) {
                    Some(Inference::Support { from, to }) => {
                        let to_id = self.draft_id(to);
                        let from_kind = self.draft_kind(from);
                        match (from_kind, to_id) {
                            (Some(NodeKind::Claim | NodeKind::Argument), Some(t)) => {
                                if let Some(at) = self.relate(from, RelationKind::Supports, t) {
                                    self.rel_of.insert(s, at);
                                }
                            }
                            _ => self.loss(format!(
                                "node {id}: an RA-node from node {} (not a claim or argument); left out",
                                self.aif_id(from)
                            )),
                        }
                        self.done.insert(s);
                    }
                    Some(Inference::Answer { from, to }) => {
                        let Some(t) = self.draft_id(to) else { continue };
                        for f in from {
                            if self.kind(f) == "I" && self.draft_kind(f) == Some(NodeKind::Claim) {
                                self.relate(f, RelationKind::Answers, t.clone());
                            } else {
                                self.loss(format!(
                                    "node {id}: node {} cannot answer a question; left out",
                                    self.aif_id(f)
                                ));
                            }
                        }
                        self.done.insert(s);
                    }
                    _ => {
                        self.done.insert(s);
                    }
                },
                "MA" => {
                    let sources = self.sources(s);
                    let targets: Vec<usize> = self.outs.get(s).cloned().unwrap_or_default();
                    match (sources.as_slice(), targets.as_slice()) {
                        (&[f], &[t])
                            if self.kind(f) == "I"
                                && self.draft_kind(f) == Some(NodeKind::Claim)
                                && self.draft_kind(t) == Some(NodeKind::Claim) =>
                        {
                            let Some(t_id) = self.draft_id(t) else {
                                continue;
                            };
                            if let Some(at) = self.relate(f, RelationKind::Supports, t_id) {
                                self.rel_of.insert(s, at);
                            }
                            self.loss(format!(
                                "node {id}: a rephrase (MA-node) of node {} read as support",
                                self.aif_id(t)
                            ));
                        }
                        _ => self.loss(format!(
                            "node {id}: an MA-node (rephrase) not between two claims; left out"
                        )),
                    }
                    self.done.insert(s);
                }
                "CA" => {
                    let sources = self.sources(s);
                    let targets: Vec<usize> = self.outs.get(s).cloned().unwrap_or_default();
                    let (&[f], &[t]) = (sources.as_slice(), targets.as_slice()) else {
                        self.loss(format!(
                            "node {id}: a CA-node needs one source and one target; left out"
                        ));
                        self.done.insert(s);
                        continue;
                    };
                    if !matches!(
                        self.draft_kind(f),
                        Some(NodeKind::Claim | NodeKind::Argument)
                    ) {
                        self.loss(format!(
                            "node {id}: a CA-node from node {} (not a claim or argument); left out",
                            self.aif_id(f)
                        ));
                        self.done.insert(s);
                        continue;
                    }
                    match (self.kind(t), self.draft_kind(t)) {
                        ("I", Some(NodeKind::Claim)) => attacks.push((s, f, t)),
                        ("RA", Some(NodeKind::Argument)) => {
                            let text = self
                                .nodes
                                .get(s)
                                .map_or(String::new(), |n| n.text.to_lowercase());
                            let kind = if text == ATTACKING_ARGUMENT.to_lowercase() {
                                RelationKind::Attacks
                            } else {
                                RelationKind::Undercuts
                            };
                            let Some(t_id) = self.draft_id(t) else {
                                continue;
                            };
                            if let Some(at) = self.relate(f, kind, t_id) {
                                self.rel_of.insert(s, at);
                            }
                            self.done.insert(s);
                        }
                        ("RA" | "CA" | "MA", _) => undercuts.push((s, f, t)),
                        _ => {
                            self.loss(format!(
                                "node {id}: a CA-node on node {} (a {}-node that cannot be attacked); left out",
                                self.aif_id(t),
                                self.kind(t)
                            ));
                            self.done.insert(s);
                        }
                    }
                }
                _ => {}
            }
        }
        // A CA-node `Contradiction` is a `contradicts`, and its mirror
        // image (written by an export) the same one; other CA-nodes
        // between claims are attacks, mirrored or not.
        let marked = |r: &Self, s: usize| {
            r.nodes
                .get(s)
                .is_some_and(|n| n.text.eq_ignore_ascii_case(CONTRADICTION))
        };
        let mut paired: HashSet<usize> = HashSet::new();
        for k in 0..attacks.len() {
            let Some(&(s, f, t)) = attacks.get(k) else {
                continue;
            };
            self.done.insert(s);
            if paired.contains(&s) {
                continue;
            }
            let contradiction = marked(self, s);
            let mirror = attacks
                .iter()
                .skip(k + 1)
                .find(|&&(s2, f2, t2)| {
                    contradiction && f2 == t && t2 == f && !paired.contains(&s2) && marked(self, s2)
                })
                .map(|&(s2, ..)| s2);
            let Some(t_id) = self.draft_id(t) else {
                continue;
            };
            let kind = if contradiction {
                RelationKind::Contradicts
            } else {
                RelationKind::Attacks
            };
            if let Some(at) = self.relate(f, kind, t_id) {
                self.rel_of.insert(s, at);
                if let Some(s2) = mirror {
                    self.rel_of.insert(s2, at);
                    paired.insert(s2);
                }
            }
            paired.insert(s);
        }
        // Undercuts of relations: name the relation, point at the name.
        for (s, f, t) in undercuts {
            self.done.insert(s);
            let undercuttable = self.rel_of.get(&t).copied().filter(|&(d, k)| {
                self.draft
                    .nodes
                    .get(d)
                    .and_then(|n| n.relations.get(k))
                    .is_some_and(|r| {
                        matches!(
                            r.kind,
                            RelationKind::Supports
                                | RelationKind::Attacks
                                | RelationKind::Contradicts
                        )
                    })
            });
            let Some((d, k)) = undercuttable else {
                self.loss(format!(
                    "node {}: a CA-node on node {}, which is no inference that can be undercut; left out",
                    self.aif_id(s),
                    self.aif_id(t)
                ));
                continue;
            };
            let Some(name) = self.relation_id(d, k) else {
                continue;
            };
            if let Some(at) = self.relate(f, RelationKind::Undercuts, name) {
                self.rel_of.insert(s, at);
            }
        }
        self.report_unread();
    }

    /// The id of a relation, giving it one first when it has none.
    fn relation_id(&mut self, d: usize, k: usize) -> Option<String> {
        let node = self.draft.nodes.get(d)?;
        let rel = node.relations.get(k)?;
        if let Some(id) = &rel.id {
            return Some(id.clone());
        }
        let id = self.ids.relation(&node.id, rel.kind, &rel.to);
        if let Some(r) = self
            .draft
            .nodes
            .get_mut(d)
            .and_then(|n| n.relations.get_mut(k))
        {
            r.id = Some(id.clone());
        }
        Some(id)
    }

    /// Lists, by kind, every node that was not read.
    fn report_unread(&mut self) {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for i in 0..self.nodes.len() {
            let kind = self.kind(i).to_string();
            let read = match kind.as_str() {
                "I" => true,
                "RA" | "CA" | "MA" => self.done.contains(&i),
                "L" | "YA" => self.used.contains(&i),
                _ => false,
            };
            if read {
                continue;
            }
            let id = self.aif_id(i).to_string();
            match groups.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, ids)) => ids.push(id),
                None => groups.push((kind, vec![id])),
            }
        }
        for (kind, ids) in groups {
            let what = match kind.as_str() {
                "L" => "L-nodes (locutions) not read as commitments",
                "YA" => "YA-nodes (illocutions) not read as commitments or questions",
                "TA" => "TA-nodes (transitions between locutions)",
                "PA" => "PA-nodes (preferences)",
                "" => "nodes with no type",
                _ => "nodes of a type argmap does not read",
            };
            let mut message = format!("{what}, left out:");
            if !matches!(kind.as_str(), "L" | "YA" | "TA" | "PA") {
                let _ = write!(message, " (type {kind:?})");
            }
            let _ = write!(message, " {}", ids.join(", "));
            self.loss(message);
        }
    }

    /// Drops what `argmap check` would reject: relations to oneself
    /// (`E206`), support and attack of the same target (`E205`) and
    /// circular support (`E204`), each with a loss.
    fn guard(&mut self) {
        let mut losses = Vec::new();
        let mut removed: HashSet<String> = HashSet::new();
        for node in &mut self.draft.nodes {
            let id = node.id.clone();
            node.relations.retain(|r| {
                let keep = r.to != id;
                if !keep {
                    losses.push(format!("{id} {} itself; left out", r.kind.as_str()));
                }
                keep
            });
            if node
                .conclusion
                .as_ref()
                .is_some_and(|c| node.premises.contains(c))
            {
                losses.push(format!(
                    "argument {id} concludes one of its premises; left out"
                ));
                removed.insert(id);
            }
        }
        // A node that supports a target may not attack or contradict it.
        let supports: HashSet<(String, String)> = self
            .draft
            .nodes
            .iter()
            .flat_map(|n| {
                n.relations
                    .iter()
                    .filter(|r| r.kind == RelationKind::Supports)
                    .map(|r| (n.id.clone(), r.to.clone()))
            })
            .collect();
        for node in &mut self.draft.nodes {
            let id = node.id.clone();
            node.relations.retain(|r| {
                let conflict = match r.kind {
                    RelationKind::Attacks => supports.contains(&(id.clone(), r.to.clone())),
                    RelationKind::Contradicts => {
                        supports.contains(&(id.clone(), r.to.clone()))
                            || supports.contains(&(r.to.clone(), id.clone()))
                    }
                    _ => false,
                };
                if conflict {
                    losses.push(format!(
                        "{id} {} {} and supports it too; the {} left out",
                        r.kind.as_str(),
                        r.to,
                        r.kind.as_str()
                    ));
                }
                !conflict
            });
        }
        // Circular support: arguments first, then supports, in order.
        let mut graph = SupportGraph::default();
        for node in &self.draft.nodes {
            let (Some(c), false) = (&node.conclusion, removed.contains(&node.id)) else {
                continue;
            };
            if !graph.add_argument(&node.id, node.premises.iter().map(String::as_str), c) {
                losses.push(format!(
                    "argument {} would close a circle of support; left out",
                    node.id
                ));
                removed.insert(node.id.clone());
            }
        }
        for node in &mut self.draft.nodes {
            let id = node.id.clone();
            node.relations.retain(|r| {
                if r.kind != RelationKind::Supports {
                    return true;
                }
                if graph.add_support(&id, &r.to) {
                    return true;
                }
                losses.push(format!(
                    "{id} supports {}, which would close a circle of support; left out",
                    r.to
                ));
                false
            });
        }
        self.draft.nodes.retain(|n| !removed.contains(&n.id));
        // Whatever pointed at a node or relation left out goes too (a
        // relation may point at one that points at one left out).
        loop {
            let targets: HashSet<String> = self
                .draft
                .nodes
                .iter()
                .flat_map(|n| {
                    std::iter::once(n.id.clone())
                        .chain(n.relations.iter().filter_map(|r| r.id.clone()))
                })
                .collect();
            let mut dropped = false;
            for node in &mut self.draft.nodes {
                let id = node.id.clone();
                node.relations.retain(|r| {
                    let keep = targets.contains(&r.to);
                    if !keep {
                        dropped = true;
                        losses.push(format!(
                            "{id} {} {}, which was left out; left out too",
                            r.kind.as_str(),
                            r.to
                        ));
                    }
                    keep
                });
            }
            if !dropped {
                break;
            }
        }
        for message in losses {
            self.loss(message);
        }
    }

    /// Actors: every participant and speaker, with ids of their own.
    fn finish(&mut self) {
        let mut actor_ids = Ids::new();
        let mut by_person: HashMap<String, String> = HashMap::new();
        for (person, name) in &self.people {
            let name = if name.is_empty() {
                format!("Person {person}")
            } else {
                name.clone()
            };
            let id = actor_ids.make(&name, &format!("p{person}"));
            by_person.insert(person.clone(), id.clone());
            self.draft.actors.push((id, name));
        }
        let actors = |people: &[String]| -> Vec<String> {
            people
                .iter()
                .filter_map(|p| by_person.get(p).cloned())
                .collect()
        };
        for node in &mut self.draft.nodes {
            node.held_by = actors(&node.held_by);
            node.rejected_by = actors(&node.rejected_by);
        }
    }
}
