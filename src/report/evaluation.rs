//! The evaluation document: every argument of a map's framework, its
//! attacks, each extension with every node's label and the reason, and
//! which nodes are accepted sceptically and credulously. `argmap eval`
//! prints it as text or JSON.

use std::collections::BTreeSet;
use std::fmt::{self, Write};

use serde::Serialize;

use crate::semantics::map::{Attack, MapFramework, Origin, Via};
use crate::semantics::{Evaluation, Label, Semantics};
use crate::text::truncate;

use super::list;

/// An evaluation, ready to print; its JSON is the serialization of this
/// value (documented in docs/semantics.md). To read statuses and reasons
/// in a program, ask the [`Evaluation`] itself.
#[derive(Debug, Serialize)]
pub struct EvaluationReport {
    /// The map file, as shown (`<stdin>` for standard input).
    map: String,
    semantics: &'static str,
    support: &'static str,
    /// Whether the list of extensions was cut short at the limit.
    truncated: bool,
    arguments: Vec<ArgumentReport>,
    attacks: AttackList,
    extensions: Vec<ExtensionReport>,
    /// Ids in every extension (null when truncated).
    sceptical: Option<Vec<String>>,
    /// Ids in some extension (null when truncated).
    credulous: Option<Vec<String>>,
    /// Each question, its answers and its bottom line.
    questions: Vec<super::QuestionReport>,
    /// What the statuses mean, in one line.
    meaning: &'static str,
}

/// What an argument of the framework stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum ArgumentKind {
    Claim,
    Argument,
    Question,
    /// A meta-argument: "the relation holds".
    Relation,
    /// Part of a flattened attack.
    Auxiliary,
}

#[derive(Debug, Serialize)]
struct ArgumentReport {
    id: String,
    /// The node's full text (empty for meta-arguments).
    #[serde(skip)]
    text: String,
    kind: ArgumentKind,
    label: Option<String>,
    held_by: Vec<String>,
    rejected_by: Vec<String>,
}

/// The framework's attacks, kept as integers: names are looked up only
/// when the list is written as JSON, sorted by attacker name, then target
/// name (as integers, by each name's rank).
#[derive(Debug)]
struct AttackList {
    /// The argument names, in framework order.
    names: Vec<String>,
    /// The attacks, in the order they are written.
    attacks: Vec<Attack>,
}

impl AttackList {
    fn new(f: &MapFramework) -> Self {
        let names: Vec<String> = f.arguments.iter().map(|a| a.name.clone()).collect();
        // Each name's rank in name order; equal names share a rank.
        let mut order: Vec<u32> = (0..names.len()).map(idx).collect();
        order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut rank = vec![0u32; names.len()];
        let mut r = 0;
        for k in 0..order.len() {
            if k > 0 && names[order[k] as usize] != names[order[k - 1] as usize] {
                r += 1;
            }
            rank[order[k] as usize] = r;
        }
        let mut attacks = f.attacks.clone();
        // Stable, as the sort by names it stands for was.
        attacks.sort_by_key(|a| (rank[a.from as usize], rank[a.to as usize]));
        AttackList { names, attacks }
    }

    fn len(&self) -> usize {
        self.attacks.len()
    }

    fn derived(&self) -> usize {
        self.attacks
            .iter()
            .filter(|a| matches!(a.via, Via::Derived { .. }))
            .count()
    }
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// One attack as JSON writes it.
#[derive(Serialize)]
struct AttackReport<'a> {
    from: &'a str,
    to: &'a str,
    /// attacks, undercuts, contradicts, flattened or derived.
    via: &'static str,
    /// For derived attacks: what the attacker is committed to that
    /// attacks (`by`), and what the target is committed to that is
    /// attacked (`on`).
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<&'a str>,
}

impl Serialize for AttackList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let name = |i: u32| self.names[i as usize].as_str();
        let mut seq = serializer.serialize_seq(Some(self.attacks.len()))?;
        for x in &self.attacks {
            let (via, through) = match x.via {
                Via::Attacks => ("attacks", None),
                Via::Undercuts => ("undercuts", None),
                Via::Contradicts => ("contradicts", None),
                Via::Flattened => ("flattened", None),
                Via::Derived { by, on } => ("derived", Some((name(by), name(on)))),
            };
            let (by, on) = through.unzip();
            seq.serialize_element(&AttackReport {
                from: name(x.from),
                to: name(x.to),
                via,
                by,
                on,
            })?;
        }
        seq.end()
    }
}

#[derive(Debug, Serialize)]
struct ExtensionReport {
    #[serde(rename = "in")]
    accepted: Vec<String>,
    out: Vec<String>,
    undecided: Vec<String>,
    /// One entry per argument, in the order of `arguments`.
    nodes: Vec<NodeLabel>,
}

#[derive(Debug, Serialize)]
struct NodeLabel {
    id: String,
    status: Label,
    why: String,
}

impl EvaluationReport {
    /// The document of an evaluation; `map_path` is the map's name as
    /// shown.
    pub fn new(map_path: &str, e: &Evaluation<'_>) -> EvaluationReport {
        let map = e.graph().map();
        let f = e.framework();
        let texts = |v: &[crate::model::Ref]| v.iter().map(|r| r.value.to_string()).collect();
        let arguments = f
            .arguments
            .iter()
            .map(|a| match a.origin {
                Origin::Node(i) => {
                    let node = &map.nodes[i];
                    ArgumentReport {
                        id: a.name.clone(),
                        text: node.text.value.to_string(),
                        kind: match node.kind {
                            crate::model::NodeKind::Claim => ArgumentKind::Claim,
                            crate::model::NodeKind::Argument => ArgumentKind::Argument,
                            crate::model::NodeKind::Question => ArgumentKind::Question,
                        },
                        label: node.label.as_ref().map(|l| l.value.to_string()),
                        held_by: texts(&node.held_by),
                        rejected_by: texts(&node.rejected_by),
                    }
                }
                Origin::Relation { .. } | Origin::Auxiliary { .. } => ArgumentReport {
                    id: a.name.clone(),
                    text: String::new(),
                    kind: if matches!(a.origin, Origin::Relation { .. }) {
                        ArgumentKind::Relation
                    } else {
                        ArgumentKind::Auxiliary
                    },
                    label: None,
                    held_by: Vec::new(),
                    rejected_by: Vec::new(),
                },
            })
            .collect();
        let attacks = AttackList::new(f);
        let extensions = e
            .extensions()
            .labellings
            .iter()
            .map(|labels| {
                let with = |l: Label| {
                    (0..labels.len())
                        .filter(|&i| labels[i] == l)
                        .map(|i| f.arguments[i].name.clone())
                        .collect()
                };
                ExtensionReport {
                    accepted: with(Label::In),
                    out: with(Label::Out),
                    undecided: with(Label::Undecided),
                    nodes: (0..labels.len())
                        .map(|i| NodeLabel {
                            id: f.arguments[i].name.clone(),
                            status: labels[i],
                            why: f.explain(labels, i),
                        })
                        .collect(),
                }
            })
            .collect();
        let (sceptical, credulous) = if e.extensions().truncated {
            (None, None)
        } else {
            let all = &e.extensions().labellings;
            let pick = |every: bool| {
                (0..f.arguments.len())
                    .filter(|&i| {
                        let mut it = all.iter().map(|l| l[i] == Label::In);
                        // In every extension: vacuously true when there
                        // is none, as ICCMA's sceptical tasks answer.
                        if every { it.all(|x| x) } else { it.any(|x| x) }
                    })
                    .map(|i| f.arguments[i].name.clone())
                    .collect()
            };
            (Some(pick(true)), Some(pick(false)))
        };
        EvaluationReport {
            map: map_path.to_string(),
            semantics: e.semantics().as_str(),
            support: f.support.as_str(),
            truncated: e.extensions().truncated,
            arguments,
            attacks,
            extensions,
            sceptical,
            credulous,
            questions: super::questions(e),
            meaning: crate::semantics::meaning(e.semantics()),
        }
    }

    fn grounded(&self) -> bool {
        Semantics::from_name(self.semantics).is_some_and(Semantics::is_unique)
    }

    /// Writes the text output: a table per extension, then acceptance.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_text(&self, out: &mut impl Write) -> fmt::Result {
        let n = self.extensions.len();
        let derived = self.attacks.derived();
        writeln!(
            out,
            "{}: {} semantics, `supports` read as `{}`",
            self.map, self.semantics, self.support
        )?;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let auxiliary = self
            .arguments
            .iter()
            .filter(|a| a.kind == ArgumentKind::Auxiliary)
            .count();
        let aux = if auxiliary == 0 {
            String::new()
        } else {
            format!(" (and {auxiliary} auxiliary, not shown)")
        };
        writeln!(
            out,
            "{}{aux}, {} ({derived} derived from arguments and supports)",
            plural(self.arguments.len() - auxiliary, "argument", "arguments"),
            plural(self.attacks.len(), "attack", "attacks")
        )?;
        if !self.grounded() {
            let more = if self.truncated { " (cut short)" } else { "" };
            writeln!(out, "{n} extension{}{more}", if n == 1 { "" } else { "s" })?;
        }
        writeln!(out, "What this means: {}", self.meaning)?;
        if !self.questions.is_empty() {
            out.write_char('\n')?;
            for q in &self.questions {
                writeln!(out, "question `{}`: {}", q.id, truncate(&q.text, 70))?;
                writeln!(out, "  {}", q.bottom_line)?;
            }
        }
        let shown = || {
            self.arguments
                .iter()
                .filter(|a| a.kind != ArgumentKind::Auxiliary)
        };
        let auxiliary: BTreeSet<&str> = self
            .arguments
            .iter()
            .filter(|a| a.kind == ArgumentKind::Auxiliary)
            .map(|a| a.id.as_str())
            .collect();
        let width = shown()
            .map(|a| a.id.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let held_width = self
            .arguments
            .iter()
            .map(|a| a.held_by.join(", ").chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        for (k, ext) in self.extensions.iter().enumerate() {
            out.write_char('\n')?;
            if !self.grounded() {
                let accepted: Vec<String> = ext
                    .accepted
                    .iter()
                    .filter(|id| !auxiliary.contains(id.as_str()))
                    .cloned()
                    .collect();
                writeln!(out, "extension {}: accepts {}", k + 1, list(&accepted))?;
            }
            writeln!(
                out,
                "{:width$}  {:9}  {:held_width$}  LABEL",
                "NODE", "STATUS", "HELD BY"
            )?;
            for (a, st) in self.arguments.iter().zip(&ext.nodes) {
                if a.kind == ArgumentKind::Auxiliary {
                    continue;
                }
                let label = match (&a.label, a.kind) {
                    (Some(l), _) => l.clone(),
                    (None, ArgumentKind::Relation) => format!("the relation `{}` holds", a.id),
                    (None, _) => truncate(&a.text, 60),
                };
                let held = if a.held_by.is_empty() {
                    "-".to_string()
                } else {
                    a.held_by.join(", ")
                };
                writeln!(
                    out,
                    "{:width$}  {:9}  {held:held_width$}  {label}",
                    a.id,
                    crate::semantics::word(st.status)
                )?;
                writeln!(out, "{:width$}  {}", "", st.why)?;
            }
        }
        if !self.grounded() && n == 0 && !self.truncated {
            writeln!(
                out,
                "\nThere is no {} extension: no position takes a stand on every node, so no node is accepted in any (acceptance in every extension holds vacuously for every node, as in the JSON).",
                self.semantics
            )?;
        } else if !self.grounded()
            && let (Some(sc), Some(cr)) = (&self.sceptical, &self.credulous)
        {
            let sceptical: BTreeSet<&String> = sc.iter().collect();
            let credulous: BTreeSet<&String> = cr.iter().collect();
            let only: Vec<String> = cr
                .iter()
                .filter(|c| !sceptical.contains(c))
                .cloned()
                .collect();
            let none: Vec<String> = shown()
                .filter(|a| !credulous.contains(&a.id))
                .map(|a| a.id.clone())
                .collect();
            writeln!(out)?;
            writeln!(
                out,
                "accepted in every extension (sceptically): {}",
                list(sc)
            )?;
            writeln!(
                out,
                "accepted in some, not all (credulously):   {}",
                list(&only)
            )?;
            writeln!(
                out,
                "accepted in none:                          {}",
                list(&none)
            )?;
        }
        Ok(())
    }
}
