//! The last step of the import: the model as read into a [`Draft`], within
//! argmap's rules (what cannot be kept is a [`Loss`](crate::interchange::Loss) with its line).

use std::collections::{HashMap, HashSet};

use super::{Arg, Reader, Ref, RelKind, Seen};
use crate::interchange::guard::SupportGraph;
use crate::interchange::{Draft, DraftNode, DraftRelation, Ids, ImportError};
use crate::model::{NodeKind, RelationKind};

/// The draft node of each statement, argument and step.
#[derive(Default)]
struct Nodes {
    statement: HashMap<usize, usize>,
    argument: HashMap<usize, usize>,
    step: HashMap<(usize, usize), usize>,
}

impl Reader {
    pub(super) fn build(mut self) -> Result<Draft, ImportError> {
        let mut used: HashSet<usize> = HashSet::new();
        for rel in &self.rels {
            for r in [rel.from, rel.to] {
                if let Ref::Statement(c) = r {
                    used.insert(c);
                }
            }
        }
        let mut in_pcs: HashSet<usize> = HashSet::new();
        for arg in &self.args {
            for step in &arg.steps {
                in_pcs.extend(step.premises.iter().copied());
                in_pcs.insert(step.conclusion);
            }
        }
        used.extend(in_pcs.iter().copied());
        let mut ids = Ids::new();
        // Statements first, so that the arguments' premises have ids.
        let mut statements: HashMap<usize, DraftNode> = HashMap::new();
        for c in 0..self.classes.len() {
            let class = self.classes[c].clone();
            if class.title.is_none() && !used.contains(&c) {
                let text = class.texts.first().map_or("", |(t, _)| t.as_str());
                self.loss(
                    class.line,
                    format!(
                        "untitled statement with no relation left out as prose: \"{}\"",
                        crate::text::truncate(text, 60)
                    ),
                );
                continue;
            }
            let text = if let Some((t, _)) = class.texts.first() {
                t.clone()
            } else {
                let title = class.title.clone().unwrap_or_default();
                self.loss(
                    class.line,
                    format!("statement [{title}] is never given a text: its title is used"),
                );
                title
            };
            let mut kind = NodeKind::Claim;
            if class.question {
                if in_pcs.contains(&c) {
                    self.loss(
                        class.line,
                        "a question used in a premise-conclusion structure is imported as a claim",
                    );
                } else {
                    kind = NodeKind::Question;
                }
            }
            let id = ids.make(class.title.as_deref().unwrap_or(&text), "statement");
            statements.insert(
                c,
                DraftNode {
                    id,
                    kind,
                    text,
                    label: class.title.clone(),
                    tags: tags(class.section.as_ref(), None, &class.tags),
                    note: other_wordings(&class.texts),
                    ..DraftNode::default()
                },
            );
        }
        let mut arguments: HashMap<usize, Vec<DraftNode>> = HashMap::new();
        let mut anonymous = 0;
        for a in 0..self.args.len() {
            let arg = self.args[a].clone();
            let title = arg.title.clone().unwrap_or_else(|| {
                anonymous += 1;
                format!("Untitled argument {anonymous}")
            });
            let text = arg
                .texts
                .first()
                .map_or_else(|| title.clone(), |(t, _)| t.clone());
            let note = other_wordings(&arg.texts);
            if arg.steps.is_empty() {
                self.loss(
                    arg.line,
                    format!(
                        "argument <{title}> has no premise-conclusion structure: imported as a claim tagged `argument`"
                    ),
                );
                let node = DraftNode {
                    id: ids.make(&title, "argument"),
                    kind: NodeKind::Claim,
                    text,
                    label: Some(title.clone()),
                    tags: tags(arg.section.as_ref(), Some("argument"), &arg.tags),
                    note,
                    ..DraftNode::default()
                };
                arguments.insert(a, vec![node]);
                continue;
            }
            let id_of = |c: &usize| statements.get(c).map(|n| n.id.clone());
            let n = arg.steps.len();
            let mut out = Vec::new();
            for (k, step) in arg.steps.iter().enumerate() {
                let last = k + 1 == n;
                let rules = step.rules.as_ref().map(|r| format!("Inference: {r}"));
                let (step_title, step_text, step_note) = if last {
                    let note = match (note.clone(), rules) {
                        (Some(n), Some(r)) => Some(format!("{r}\n{n}")),
                        (n, r) => r.or(n),
                    };
                    (title.clone(), text.clone(), note)
                } else {
                    (
                        format!("{title} (step {})", k + 1),
                        format!("Step {} of {title}", k + 1),
                        rules,
                    )
                };
                out.push(DraftNode {
                    id: ids.make(&step_title, "argument"),
                    kind: NodeKind::Argument,
                    text: step_text,
                    label: (arg.title.is_some() || !last).then(|| step_title.clone()),
                    tags: tags(arg.section.as_ref(), None, &arg.tags),
                    note: step_note,
                    premises: step.premises.iter().filter_map(id_of).collect(),
                    conclusion: id_of(&step.conclusion),
                    ..DraftNode::default()
                });
            }
            arguments.insert(a, out);
        }
        // In the order of first appearance; record where each one went.
        let mut draft = Draft::default();
        let mut nodes = Nodes::default();
        for seen in self.order.clone() {
            match seen {
                Seen::Statement(c) => {
                    if let Some(node) = statements.remove(&c) {
                        nodes.statement.insert(c, draft.nodes.len());
                        draft.nodes.push(node);
                    }
                }
                Seen::Argument(a) => {
                    let group = arguments.remove(&a).unwrap_or_default();
                    for (k, node) in group.into_iter().enumerate() {
                        nodes.step.insert((a, k), draft.nodes.len());
                        nodes.argument.insert(a, draft.nodes.len());
                        draft.nodes.push(node);
                    }
                }
            }
        }
        if draft.nodes.is_empty() {
            return Err(ImportError::nothing_to_map(
                "it has no statements (`[Title]: text`) or arguments (`<Title>: text`), only headings and prose",
            ));
        }
        self.relations(&mut draft, &nodes, &mut ids)?;
        draft.title = self.title.clone().unwrap_or_default();
        draft.summary.clone_from(&self.summary);
        draft.losses = std::mem::take(&mut self.losses);
        draft.losses.sort_by_key(|l| l.line);
        Ok(draft)
    }

    /// Maps the relations onto the draft within argmap's rules.
    fn relations(
        &mut self,
        draft: &mut Draft,
        nodes: &Nodes,
        ids: &mut Ids,
    ) -> Result<(), ImportError> {
        let node_of = |r: Ref| -> Option<usize> {
            match r {
                Ref::Statement(c) => nodes.statement.get(&c).copied(),
                Ref::Argument(a) => nodes.argument.get(&a).copied(),
                Ref::Step(a, k) => nodes.step.get(&(a, k)).copied(),
            }
        };
        let mut support = SupportGraph::default();
        if let Some(line) = circular_structure(&mut support, draft, &self.args, nodes) {
            return Err(ImportError::at(
                line,
                "premise-conclusion structures that support each other in a circle",
            ));
        }
        let rels = std::mem::take(&mut self.rels);
        let mut undercuts = Vec::new();
        for rel in &rels {
            let (Some(from), Some(to)) = (node_of(rel.from), node_of(rel.to)) else {
                continue;
            };
            let what = format!(
                "{} {} {}",
                describe(draft, from),
                rel_word(rel.kind),
                describe(draft, to)
            );
            if from == to {
                self.loss(
                    rel.line,
                    format!("{what}: a relation to itself is not kept"),
                );
                continue;
            }
            if draft.nodes[from].kind == NodeKind::Question {
                self.loss(
                    rel.line,
                    format!("{what}: a question has no relations of its own"),
                );
                continue;
            }
            let both_statements =
                matches!(rel.from, Ref::Statement(_)) && matches!(rel.to, Ref::Statement(_));
            let (kind, to) = match rel.kind {
                RelKind::Undercut => {
                    undercuts.push((from, to, rel.line, what));
                    continue;
                }
                RelKind::Contradiction => {
                    if draft.nodes[from].kind != NodeKind::Claim
                        || draft.nodes[to].kind != NodeKind::Claim
                    {
                        self.loss(
                            rel.line,
                            format!("{what}: only claims can contradict each other"),
                        );
                        continue;
                    }
                    (RelationKind::Contradicts, to)
                }
                RelKind::Attack
                    if self.strict
                        && both_statements
                        && draft.nodes[from].kind == NodeKind::Claim
                        && draft.nodes[to].kind == NodeKind::Claim =>
                {
                    (RelationKind::Contradicts, to)
                }
                RelKind::Attack => {
                    if draft.nodes[to].kind == NodeKind::Question {
                        self.loss(rel.line, format!("{what}: a question cannot be attacked"));
                        continue;
                    }
                    (RelationKind::Attacks, to)
                }
                RelKind::Support => match draft.nodes[to].kind {
                    NodeKind::Question if draft.nodes[from].kind == NodeKind::Claim => {
                        (RelationKind::Answers, to)
                    }
                    NodeKind::Question => {
                        self.loss(rel.line, format!("{what}: only claims answer a question"));
                        continue;
                    }
                    NodeKind::Argument => {
                        let premises = draft.nodes[to].premises.clone();
                        let target = match premises.as_slice() {
                            [one] => draft.nodes.iter().position(|n| &n.id == one),
                            _ => None,
                        };
                        match target {
                            Some(t) if t != from => (RelationKind::Supports, t),
                            _ => {
                                self.loss(
                                    rel.line,
                                    format!("{what}: support of an argument does not say which premise it supports; not kept"),
                                );
                                continue;
                            }
                        }
                    }
                    NodeKind::Claim => (RelationKind::Supports, to),
                },
            };
            let target_id = draft.nodes[to].id.clone();
            if has_relation(draft, from, kind, to) {
                continue;
            }
            let conflicting = match kind {
                RelationKind::Supports => {
                    has_relation(draft, from, RelationKind::Attacks, to)
                        || has_relation(draft, from, RelationKind::Contradicts, to)
                }
                RelationKind::Attacks | RelationKind::Contradicts => {
                    has_relation(draft, from, RelationKind::Supports, to)
                        || kind == RelationKind::Contradicts
                            && has_relation(draft, to, RelationKind::Supports, from)
                }
                _ => false,
            };
            if conflicting {
                self.loss(
                    rel.line,
                    format!(
                        "{what}: the same node already speaks the other way about it; not kept"
                    ),
                );
                continue;
            }
            if kind == RelationKind::Supports
                && !support.add_support(&draft.nodes[from].id, &draft.nodes[to].id)
            {
                self.loss(
                    rel.line,
                    format!("{what}: this support would close a circle; not kept"),
                );
                continue;
            }
            draft.nodes[from]
                .relations
                .push(DraftRelation::new(kind, target_id));
        }
        for (from, to, line, what) in undercuts {
            match draft.nodes[to].kind {
                NodeKind::Argument => {
                    let target = draft.nodes[to].id.clone();
                    if !has_relation(draft, from, RelationKind::Undercuts, to) {
                        draft.nodes[from]
                            .relations
                            .push(DraftRelation::new(RelationKind::Undercuts, target));
                    }
                }
                NodeKind::Question => {
                    self.loss(line, format!("{what}: a question cannot be undercut"));
                }
                NodeKind::Claim => {
                    let mut named = Vec::new();
                    let source = draft.nodes[to].id.clone();
                    for k in 0..draft.nodes[to].relations.len() {
                        let r = &draft.nodes[to].relations[k];
                        if !matches!(
                            r.kind,
                            RelationKind::Supports
                                | RelationKind::Attacks
                                | RelationKind::Contradicts
                        ) {
                            continue;
                        }
                        let id = match &r.id {
                            Some(id) => id.clone(),
                            None => {
                                let id = ids.relation(&source, r.kind, &r.to);
                                draft.nodes[to].relations[k].id = Some(id.clone());
                                id
                            }
                        };
                        named.push(id);
                    }
                    if named.is_empty() {
                        self.loss(
                            line,
                            format!("{what}: an undercut needs an inference, and this claim has no outgoing relation to undercut; not kept"),
                        );
                    }
                    for id in named {
                        let exists = draft.nodes[from]
                            .relations
                            .iter()
                            .any(|r| r.kind == RelationKind::Undercuts && r.to == id);
                        if !exists {
                            draft.nodes[from]
                                .relations
                                .push(DraftRelation::new(RelationKind::Undercuts, id));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Adds the arguments' premise–conclusion structures to `support`; the
/// line of the first structure whose conclusion already supports one of
/// its premises (a circle), if one does.
fn circular_structure(
    support: &mut SupportGraph,
    draft: &Draft,
    args: &[Arg],
    nodes: &Nodes,
) -> Option<usize> {
    let known: HashSet<&str> = draft.nodes.iter().map(|n| n.id.as_str()).collect();
    for (a, arg) in args.iter().enumerate() {
        for (k, step) in arg.steps.iter().enumerate() {
            let &node = nodes.step.get(&(a, k))?;
            let d = &draft.nodes[node];
            let premises = d
                .premises
                .iter()
                .map(String::as_str)
                .filter(|p| known.contains(p));
            match d.conclusion.as_deref().filter(|c| known.contains(c)) {
                Some(c) => {
                    if !support.add_argument(&d.id, premises, c) {
                        return Some(step.line);
                    }
                }
                None => {
                    for p in premises {
                        support.add(p, &d.id);
                    }
                }
            }
        }
    }
    None
}

fn has_relation(draft: &Draft, from: usize, kind: RelationKind, to: usize) -> bool {
    let target = &draft.nodes[to].id;
    let forward = draft.nodes[from]
        .relations
        .iter()
        .any(|r| r.kind == kind && &r.to == target);
    let source = &draft.nodes[from].id;
    let backward = kind == RelationKind::Contradicts
        && draft.nodes[to]
            .relations
            .iter()
            .any(|r| r.kind == kind && &r.to == source);
    forward || backward
}

fn rel_word(kind: RelKind) -> &'static str {
    match kind {
        RelKind::Support => "supports",
        RelKind::Attack => "attacks",
        RelKind::Undercut => "undercuts",
        RelKind::Contradiction => "contradicts",
    }
}

fn describe(draft: &Draft, i: usize) -> String {
    let n = &draft.nodes[i];
    let name = n.label.as_deref().unwrap_or(&n.id);
    match n.kind {
        NodeKind::Argument => format!("<{name}>"),
        _ => format!("[{name}]"),
    }
}

fn tags(section: Option<&String>, extra: Option<&str>, own: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in section
        .map(String::as_str)
        .into_iter()
        .chain(extra)
        .chain(own.iter().map(String::as_str))
    {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// Further, different wordings of a statement or argument, as a note.
fn other_wordings(texts: &[(String, usize)]) -> Option<String> {
    let first = &texts.first()?.0;
    let mut others: Vec<&str> = Vec::new();
    for (t, _) in &texts[1..] {
        if t != first && !others.contains(&t.as_str()) {
            others.push(t);
        }
    }
    (!others.is_empty()).then(|| format!("Also worded: {}", others.join(" | ")))
}
