//! From a map to an abstract framework, and why each node gets its label.
//!
//! Every claim and argument of the map is an argument of the framework
//! (questions assert nothing and are left out). `attacks` and `undercuts`
//! aimed at a node are attacks; `contradicts` is an attack both ways;
//! `answers` plays no part.
//!
//! A named relation that is undercut is flattened into meta-arguments, so
//! that the framework stays a plain Dung framework (S. Boella, D. M.
//! Gabbay, L. van der Torre and S. Villata, "Meta-argumentation modelling
//! I: methodology and techniques", *Studia Logica* 93 (2009) 297–355; the
//! same reading as Modgil's extended frameworks): an attack `r` from `a` to
//! `b` becomes `a → r/x → r → b`, where `r/x` stands for "`a` is not
//! accepted" and `r` for "the attack `r` holds"; whatever undercuts `r`
//! attacks the meta-argument `r`. A `contradicts` relation gets one such
//! chain per direction (`r`, and `r/rev` back). A `/` cannot occur in
//! an id, so these names never clash with a node's. A named `supports` relation
//! `r` from `a` to `b` that is undercut becomes a meta-argument `r`, "`a`,
//! and the inference from `a` to `b`": `r` needs `a`, supports `b` as the
//! relation did, and is attacked by the undercutter. So an undercut
//! defeats the inference without touching `a`.
//!
//! Support is read by one of the bipolar readings of [`Support`], which
//! turn support into derived attacks (C. Cayrol and M.-C.
//! Lagasquie-Schiex, "Bipolarity in argumentation graphs: towards a better
//! understanding", *International Journal of Approximate Reasoning* 54
//! (2013) 876–899).

use std::collections::BTreeMap;

use super::{Framework, Label};
use crate::graph::{ArgGraph, EdgeKind};
use crate::model::{NodeKind, RelationKind};

/// How a plain `supports` relation turns into attacks.
///
/// Premises and conclusions are read the same way in every reading, as in
/// structured argumentation (S. Modgil and H. Prakken, "A general account
/// of argumentation with preferences", *Artificial Intelligence* 195
/// (2013) 361–397): an argument needs all of its premises (necessary
/// support, so an attack on a premise undermines the argument, and an
/// attack on the argument never reaches a premise), and an argument
/// entails its conclusion (deductive support, so an attack on the
/// conclusion rebuts the argument, and the argument attacks what its
/// conclusion attacks). An undercut defeats the argument alone: its
/// premises keep their status and its conclusion loses that support.
/// The meta-argument of an undercut `supports` needs its source in the
/// same way. Only a plain `supports` between two claims is a choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Support {
    /// A `supports` is a reason, read as a one-premise argument: it adds
    /// no attacks, so an attack on the target does not reach the reason
    /// and a reason does not attack what its target attacks.
    #[default]
    None,
    /// A `supports` is deductive, "if `a` is accepted, so is `b`":
    /// supported attacks (`a ⇒ … ⇒ b → c` gives `a → c`) and mediated
    /// attacks (`a ⇒ … ⇒ b ← c` gives `c → a`).
    Deductive,
    /// A `supports` is necessary, "`b` cannot be accepted without `a`":
    /// secondary attacks (`c → a ⇒ … ⇒ b` gives `c → b`) and extended
    /// attacks (`a ⇒ … ⇒ b`, `a → c` gives `b → c`).
    Necessary,
}

impl Support {
    /// Every reading, in the order the command line lists them.
    pub const ALL: [Support; 3] = [Support::None, Support::Deductive, Support::Necessary];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Support::None => "none",
            Support::Deductive => "deductive",
            Support::Necessary => "necessary",
        }
    }

    /// How this reading takes one support edge.
    fn read(self, edge: SupportEdge) -> Option<Reading> {
        match (edge, self) {
            (SupportEdge::Premise | SupportEdge::Source, _)
            | (SupportEdge::Supports, Support::Necessary) => Some(Reading::Necessary),
            (SupportEdge::Conclusion, _) | (SupportEdge::Supports, Support::Deductive) => {
                Some(Reading::Deductive)
            }
            (SupportEdge::Supports, Support::None) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SupportEdge {
    Supports,
    /// From the source of an undercut support to its meta-argument, which
    /// needs it.
    Source,
    Premise,
    Conclusion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    Deductive,
    Necessary,
}

/// What an argument of the framework stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The map node with this index (in [`Map::nodes`](crate::model::Map::nodes)).
    Node(usize),
    /// A named relation that is undercut: "the relation holds". The
    /// relation is `map.nodes[node].relations[position]`.
    Relation {
        /// The node the relation is written on.
        node: usize,
        /// Its index in that node's relations.
        position: usize,
    },
    /// The auxiliary "the attacker is not accepted" of a flattened attack.
    Auxiliary {
        /// The node the relation is written on.
        node: usize,
        /// Its index in that node's relations.
        position: usize,
    },
}

/// An argument of the framework.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The node id, or the relation id for meta-arguments.
    pub name: String,
    /// What it stands for.
    pub origin: Origin,
}

impl Argument {
    /// Whether it is an auxiliary of a flattened attack ("the attacker is
    /// not accepted"), which outputs leave out.
    pub fn is_auxiliary(&self) -> bool {
        matches!(self.origin, Origin::Auxiliary { .. })
    }
}

/// Why one argument attacks another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// An `attacks` relation.
    Attacks,
    /// An `undercuts` relation.
    Undercuts,
    /// A `contradicts` relation (either direction).
    Contradicts,
    /// A link inside a flattened relation.
    Flattened,
    /// Derived from support: the attacker is committed to `by`, which
    /// attacks `on`, to which the target is committed (either may be the
    /// attacker or the target itself).
    Derived {
        /// What the attacker is committed to that attacks.
        by: u32,
        /// What the target is committed to that is attacked.
        on: u32,
    },
}

/// One attack of the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attack {
    /// The attacking argument.
    pub from: u32,
    /// The attacked argument.
    pub to: u32,
    /// The first reason found for it (a relation of the map before a
    /// derived attack).
    pub via: Via,
}

/// A map read as an abstract framework.
#[derive(Clone, Debug, Default)]
pub struct MapFramework {
    /// The framework itself.
    pub framework: Framework,
    /// Its arguments: the map's claims and arguments in map order, then
    /// the meta-arguments of undercut relations.
    pub arguments: Vec<Argument>,
    /// Its attacks, sorted by target, then attacker.
    pub attacks: Vec<Attack>,
    /// `attacks[attackers_start[a]..attackers_start[a + 1]]` attack `a`.
    attackers_start: Vec<usize>,
    /// The argument of each map node (`None` for questions).
    pub of_node: Vec<Option<u32>>,
    /// The reading of support it was built with.
    pub support: Support,
    /// (supported, supporter) pairs, sorted: see [`MapFramework::supporters`].
    supporters: Vec<(u32, u32)>,
    /// The supporters of `supporters`, in the same order.
    supporter_ids: Vec<u32>,
}

fn meta(name: String, origin: Origin, arguments: &mut Vec<Argument>) -> u32 {
    arguments.push(Argument { name, origin });
    idx(arguments.len() - 1)
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl MapFramework {
    /// Builds the framework of a map that passed `check`.
    ///
    /// # Complexity
    /// O(n + m) without derived attacks. A reading of support walks the
    /// support paths from every argument: O(n · (n + m)) in the worst
    /// case, and as many derived attacks as support paths reach.
    pub fn build(graph: &ArgGraph, support: Support) -> Self {
        let map = graph.map();
        let arg_graph = &graph.graph;
        let mut arguments = Vec::with_capacity(map.nodes.len());
        let mut of_node = vec![None; map.nodes.len()];
        for (i, node) in map.nodes.values().enumerate() {
            if node.kind != NodeKind::Question {
                of_node[i] = Some(idx(arguments.len()));
                arguments.push(Argument {
                    name: node.id.value.to_string(),
                    origin: Origin::Node(i),
                });
            }
        }
        let mut base: BTreeMap<(u32, u32), Via> = BTreeMap::new();
        let mut supports: Vec<(u32, u32, SupportEdge)> = Vec::new();
        // Undercut relations first: they are routed through meta-arguments.
        let mut undercut: Vec<petgraph::graph::EdgeIndex> =
            graph.relation_undercuts.iter().map(|u| u.target).collect();
        undercut.sort_unstable();
        undercut.dedup();
        // For each undercut relation, the meta-arguments its undercutters attack.
        let mut targets_of: BTreeMap<petgraph::graph::EdgeIndex, Vec<u32>> = BTreeMap::new();
        for &e in &undercut {
            let data = arg_graph[e];
            let (Some((a, b)), EdgeKind::Relation(kind)) = (arg_graph.edge_endpoints(e), data.kind)
            else {
                continue;
            };
            let (Some(a), Some(b)) = (of_node[a.index()], of_node[b.index()]) else {
                continue; // `answers`: nothing to undercut in the framework
            };
            let rel = &map.nodes[data.written_on].relations[data.position];
            let name = rel
                .id
                .as_ref()
                .map_or_else(String::new, |t| t.value.to_string());
            let (node, position) = (data.written_on, data.position);
            let mut chain = |from: u32, to: u32, name: String, arguments: &mut Vec<Argument>| {
                let aux = meta(
                    format!("{name}/x"),
                    Origin::Auxiliary { node, position },
                    arguments,
                );
                let holds = meta(name, Origin::Relation { node, position }, arguments);
                base.insert((from, aux), Via::Flattened);
                base.insert((aux, holds), Via::Flattened);
                base.insert((holds, to), Via::Flattened);
                holds
            };
            let ys = match kind {
                RelationKind::Supports => {
                    let r = meta(name, Origin::Relation { node, position }, &mut arguments);
                    supports.push((a, r, SupportEdge::Source));
                    supports.push((r, b, SupportEdge::Supports));
                    vec![r]
                }
                RelationKind::Attacks | RelationKind::Undercuts => {
                    vec![chain(a, b, name, &mut arguments)]
                }
                RelationKind::Contradicts => {
                    let forth = chain(a, b, name.clone(), &mut arguments);
                    let back = chain(b, a, format!("{name}/rev"), &mut arguments);
                    vec![forth, back]
                }
                RelationKind::Answers => continue,
            };
            targets_of.insert(e, ys);
        }
        for u in &graph.relation_undercuts {
            let (Some(from), Some(ys)) = (of_node[u.from.index()], targets_of.get(&u.target))
            else {
                continue;
            };
            for &y in ys {
                base.entry((from, y)).or_insert(Via::Undercuts);
            }
        }
        for e in arg_graph.edge_indices() {
            if targets_of.contains_key(&e) {
                continue;
            }
            let Some((a, b)) = arg_graph.edge_endpoints(e) else {
                continue;
            };
            let (Some(a), Some(b)) = (of_node[a.index()], of_node[b.index()]) else {
                continue;
            };
            match arg_graph[e].kind {
                EdgeKind::Relation(RelationKind::Attacks) => {
                    base.entry((a, b)).or_insert(Via::Attacks);
                }
                EdgeKind::Relation(RelationKind::Undercuts) => {
                    base.entry((a, b)).or_insert(Via::Undercuts);
                }
                EdgeKind::Relation(RelationKind::Contradicts) => {
                    base.entry((a, b)).or_insert(Via::Contradicts);
                    base.entry((b, a)).or_insert(Via::Contradicts);
                }
                EdgeKind::Relation(RelationKind::Supports) => {
                    supports.push((a, b, SupportEdge::Supports));
                }
                EdgeKind::Premise => supports.push((a, b, SupportEdge::Premise)),
                EdgeKind::Conclusion => supports.push((a, b, SupportEdge::Conclusion)),
                EdgeKind::Relation(RelationKind::Answers) => {}
            }
        }
        let n = arguments.len();
        let mut all = base.clone();
        derive(n, &base, &supports, support, &mut all);
        let mut attacks: Vec<Attack> = all
            .into_iter()
            .map(|((from, to), via)| Attack { from, to, via })
            .collect();
        attacks.sort_by_key(|a| (a.to, a.from));
        let mut attackers_start = vec![0usize; n + 1];
        for a in &attacks {
            attackers_start[a.to as usize + 1] += 1;
        }
        for i in 0..n {
            attackers_start[i + 1] += attackers_start[i];
        }
        let pairs: Vec<(u32, u32)> = attacks.iter().map(|a| (a.from, a.to)).collect();
        let mut supporters: Vec<(u32, u32)> = supports
            .iter()
            .filter(|&&(_, _, edge)| {
                matches!(edge, SupportEdge::Supports | SupportEdge::Conclusion)
            })
            .map(|&(from, to, _)| (to, from))
            .collect();
        supporters.sort_unstable();
        supporters.dedup();
        let supporter_ids = supporters.iter().map(|&(_, from)| from).collect();
        MapFramework {
            supporters,
            supporter_ids,
            framework: Framework::new(n, &pairs),
            arguments,
            attacks,
            attackers_start,
            of_node,
            support,
        }
    }

    /// The attacks on argument `a`, by attacker.
    pub fn attackers(&self, a: usize) -> &[Attack] {
        &self.attacks[self.attackers_start[a]..self.attackers_start[a + 1]]
    }

    /// Why `a` has its label in `labels`, as a sentence a reader who does
    /// not know the theory can follow.
    ///
    /// - "accepted: nothing attacks it."
    /// - "accepted: its one attacker, `x`, is rejected (`y` attacks `x` and
    ///   is accepted)." or "accepted: all 4 of its attackers are rejected:
    ///   …"
    /// - "rejected: `x` attacks it and is accepted."
    /// - "undecided: `x` attacks it and is itself undecided, because `x`
    ///   and this node attack each other and nothing else settles either."
    ///
    /// Attackers are ranked: attacks written in the map first, then the
    /// shortest derived ones, then by name; at most three are named, then
    /// "and N more". A derived attack says where it comes from: "`x`
    /// (through `b`)" when `x` is committed to `b`, which attacks this
    /// node; "`x` (which attacks `c`)" when this node is committed to `c`;
    /// "`x` (through `b`, which attacks `c`)" for both. An auxiliary of a
    /// flattened attack is named by what it stands for, "“`a` is not
    /// accepted”". A node that stands although what supports it fell
    /// says so: "(its support `arg` is rejected; it stands on its own)".
    pub fn explain(&self, labels: &[Label], a: usize) -> String {
        const SHOWN: usize = 3;
        let attackers = self.ranked(a);
        let with = |l: Label| -> Vec<&Attack> {
            attackers
                .iter()
                .copied()
                .filter(|x| labels[x.from as usize] == l)
                .collect()
        };
        let list = |items: Vec<String>, total: usize| {
            let mut s = crate::text::join_and(&items);
            if total > items.len() {
                s.push_str(&format!(", and {} more", total - items.len()));
            }
            s
        };
        match labels[a] {
            // Only under stage semantics, which need not defend what it
            // accepts, is an accepted node attacked by an undecided one.
            Label::In if !with(Label::Undecided).is_empty() => {
                let open = with(Label::Undecided);
                let shown: Vec<String> =
                    open.iter().take(SHOWN).map(|x| self.attacker(x)).collect();
                format!(
                    "accepted: nothing accepted attacks it, though {} {} it and {} undecided (a stage extension need not defend what it accepts).",
                    list(shown, open.len()),
                    if open.len() == 1 { "attacks" } else { "attack" },
                    if open.len() == 1 { "is" } else { "are" }
                )
            }
            Label::In => {
                let mut s = if attackers.is_empty() {
                    "accepted: nothing attacks it".to_string()
                } else {
                    let reason = |x: &Attack| match self.first_accepted_besides(
                        labels,
                        x.from as usize,
                        a,
                    ) {
                        Some(y) if y.from as usize == a => {
                            format!("it attacks {} back", self.display_name(x.from))
                        }
                        Some(y) => format!(
                            "{} attacks {} and is accepted",
                            self.attacker(y),
                            self.display_name(x.from)
                        ),
                        None => format!("{} is rejected", self.display_name(x.from)),
                    };
                    if let [x] = attackers.as_slice() {
                        format!(
                            "accepted: its one attacker, {}, is rejected, because {}",
                            self.attacker(x),
                            reason(x)
                        )
                    } else {
                        let shown: Vec<String> = attackers
                            .iter()
                            .take(SHOWN)
                            .map(|x| format!("{} ({})", self.attacker(x), reason(x)))
                            .collect();
                        let all = if attackers.len() == 2 {
                            "both its attackers are".to_string()
                        } else {
                            format!("all {} of its attackers are", attackers.len())
                        };
                        format!("accepted: {all} rejected: {}", list(shown, attackers.len()))
                    }
                };
                let fallen: Vec<String> = self
                    .supporters(a)
                    .iter()
                    .filter(|&&r| labels[r as usize] != Label::In)
                    .map(|&r| self.display_name(r))
                    .collect();
                if !fallen.is_empty()
                    && !self
                        .supporters(a)
                        .iter()
                        .any(|&r| labels[r as usize] == Label::In)
                {
                    let n = fallen.len();
                    s.push_str(&format!(
                        " (its support{} {} {} not accepted; it stands on its own)",
                        if n == 1 { "" } else { "s" },
                        list(fallen.into_iter().take(SHOWN).collect(), n),
                        if n == 1 { "is" } else { "are" }
                    ));
                }
                s.push('.');
                s
            }
            Label::Out => {
                let accepted = with(Label::In);
                match accepted.first() {
                    Some(x) => {
                        let more = if accepted.len() > 1 {
                            format!(
                                " (as {} {} more accepted attacker{})",
                                if accepted.len() == 2 { "does" } else { "do" },
                                accepted.len() - 1,
                                if accepted.len() == 2 { "" } else { "s" }
                            )
                        } else {
                            String::new()
                        };
                        format!("rejected: {} and is accepted{more}.", self.acts_on_it(x))
                    }
                    None => "rejected.".to_string(),
                }
            }
            Label::Undecided => {
                let undecided = with(Label::Undecided);
                let Some(x) = undecided.first() else {
                    // Under stage semantics: left out because it attacks
                    // what the extension accepts.
                    let target = self
                        .framework
                        .attacked_by(a)
                        .iter()
                        .copied()
                        .find(|&t| labels[t as usize] == Label::In);
                    return match target {
                        Some(t) => format!(
                            "undecided: nothing accepted attacks it, but it attacks {}, which is accepted, so the two cannot both be accepted.",
                            self.display_name(t)
                        ),
                        None => "undecided.".to_string(),
                    };
                };
                let more = if undecided.len() > 1 {
                    let rest: Vec<String> = undecided[1..]
                        .iter()
                        .take(SHOWN - 1)
                        .map(|x| self.attacker(x))
                        .collect();
                    format!(
                        "; it is also attacked by {}, undecided too",
                        list(rest, undecided.len() - 1)
                    )
                } else {
                    String::new()
                };
                let mutual = self
                    .attackers(x.from as usize)
                    .iter()
                    .any(|y| y.from as usize == a);
                if mutual {
                    let who = match x.via {
                        Via::Attacks | Via::Contradicts | Via::Flattened => {
                            self.display_name(x.from)
                        }
                        _ => self.attacker(x),
                    };
                    return format!(
                        "undecided: it and {who} attack each other, and nothing else in the map settles which stands{more}."
                    );
                }
                let because = match self.first_with(labels, x.from as usize, Label::Undecided) {
                    Some(y) => format!(
                        ", because {} attacks {} and is undecided too",
                        self.attacker(y),
                        self.display_name(x.from)
                    ),
                    None => String::new(),
                };
                format!(
                    "undecided: {} and is itself undecided{because}{more}.",
                    self.acts_on_it(x)
                )
            }
        }
    }

    /// The attackers of `a`, ranked for explanations: attacks written in
    /// the map first, then derived ones through one commitment, then the
    /// rest, each by attacker.
    fn ranked(&self, a: usize) -> Vec<&Attack> {
        let mut attackers: Vec<&Attack> = self.attackers(a).iter().collect();
        attackers.sort_by_key(|x| {
            let rank = match x.via {
                Via::Derived { by, on } if by == x.from || on == x.to => 1,
                Via::Derived { .. } => 2,
                _ => 0,
            };
            (rank, x.from)
        });
        attackers
    }

    /// The best-ranked accepted attacker of `x` other than `me`, else `me`
    /// if it attacks `x`: why `x` is rejected, for `me`'s explanation.
    /// (Under grounded semantics there is always another: a node is never
    /// accepted there only because it attacks back.)
    fn first_accepted_besides(&self, labels: &[Label], x: usize, me: usize) -> Option<&Attack> {
        let ranked = self.ranked(x);
        ranked
            .iter()
            .copied()
            .find(|y| labels[y.from as usize] == Label::In && y.from as usize != me)
            .or_else(|| ranked.into_iter().find(|y| y.from as usize == me))
    }

    /// The best-ranked attacker of `a` with label `l`.
    fn first_with(&self, labels: &[Label], a: usize, l: Label) -> Option<&Attack> {
        self.ranked(a)
            .into_iter()
            .find(|y| labels[y.from as usize] == l)
    }

    /// What supports argument `a`: the arguments it is the conclusion of,
    /// the sources of `supports` aimed at it, and the meta-arguments of
    /// undercut supports aimed at it.
    pub fn supporters(&self, a: usize) -> &[u32] {
        let start = self
            .supporters
            .partition_point(|&(to, _)| (to as usize) < a);
        let end = self
            .supporters
            .partition_point(|&(to, _)| (to as usize) <= a);
        // The pairs are (target, supporter); hand back the supporters.
        &self.supporter_ids[start..end]
    }

    /// An argument's name as explanations show it: "`id`", or for an
    /// auxiliary of a flattened attack what it stands for, "“`a` is not
    /// accepted”".
    fn display_name(&self, i: u32) -> String {
        let arg = &self.arguments[i as usize];
        if arg.is_auxiliary()
            && let Some(src) = self.attackers(i as usize).first()
        {
            return format!(
                "“`{}` is not accepted”",
                self.arguments[src.from as usize].name
            );
        }
        format!("`{}`", arg.name)
    }

    /// "`x` attacks it", "`x` undercuts it", "`x` contradicts it", or a
    /// derived attack with where it comes from.
    fn acts_on_it(&self, x: &Attack) -> String {
        let who = self.display_name(x.from);
        match x.via {
            Via::Undercuts => format!("{who} undercuts it"),
            Via::Contradicts => format!("{who} contradicts it"),
            _ => format!("{} attacks it", self.attacker(x)),
        }
    }

    /// The attacker of `x`, with where a derived attack comes from.
    fn attacker(&self, x: &Attack) -> String {
        let name = |i: u32| self.display_name(i);
        let who = name(x.from);
        match x.via {
            Via::Attacks | Via::Flattened => who,
            Via::Undercuts => format!("{who} (undercutting it)"),
            Via::Contradicts => format!("{who} (contradicting it)"),
            Via::Derived { by, on } if on == x.to => format!("{who} (through {})", name(by)),
            Via::Derived { by, on } if by == x.from => {
                format!("{who} (which attacks {})", name(on))
            }
            Via::Derived { by, on } => {
                format!("{who} (through {}, which attacks {})", name(by), name(on))
            }
        }
    }
}

/// Adds the attacks a reading of support derives from `base` to `all`.
///
/// Every reading says what accepting an argument commits one to: with
/// deductive support `a ⇒ b`, accepting `a` commits to `b`; with necessary
/// support, accepting `b` commits to `a`. `X` then attacks `Y` whenever
/// something `X` commits to (or `X`) attacks something `Y` commits to (or
/// `Y`). The one-step cases are the supported and mediated attacks of
/// deductive support and the extended and secondary attacks of necessary
/// support; taking them to this closure keeps every extension closed under
/// its commitments.
fn derive(
    n: usize,
    base: &BTreeMap<(u32, u32), Via>,
    supports: &[(u32, u32, SupportEdge)],
    support: Support,
    all: &mut BTreeMap<(u32, u32), Via>,
) {
    let mut commits: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut committed_by: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b, edge) in supports {
        let (from, to) = match support.read(edge) {
            Some(Reading::Deductive) => (a, b),
            Some(Reading::Necessary) => (b, a),
            None => continue,
        };
        commits[from as usize].push(to);
        committed_by[to as usize].push(from);
    }
    if commits.iter().all(Vec::is_empty) {
        return;
    }
    let mut out_att: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in base.keys() {
        out_att[a as usize].push(b);
    }
    // Per argument X: a search over its commitments finds what they attack
    // (with one attacker for each), then a search back from those targets
    // over "is committed to by" finds every Y that X thereby attacks.
    let mut seen = vec![u32::MAX; n];
    let mut reached = vec![u32::MAX; n];
    let mut stack = Vec::new();
    // (Y, the target y that Y is committed to, X's commitment attacking y)
    let mut queue: Vec<(u32, u32, u32)> = Vec::new();
    for x in 0..n {
        let x32 = idx(x);
        stack.clear();
        queue.clear();
        stack.push(x32);
        seen[x] = x32;
        while let Some(c) = stack.pop() {
            for &y in &out_att[c as usize] {
                if reached[y as usize] != x32 {
                    reached[y as usize] = x32;
                    queue.push((y, y, c));
                }
            }
            for &d in &commits[c as usize] {
                if seen[d as usize] != x32 {
                    seen[d as usize] = x32;
                    stack.push(d);
                }
            }
        }
        let mut i = 0;
        while i < queue.len() {
            let (target, on, by) = queue[i];
            i += 1;
            all.entry((x32, target)).or_insert(Via::Derived { by, on });
            for &p in &committed_by[target as usize] {
                if reached[p as usize] != x32 {
                    reached[p as usize] = x32;
                    queue.push((p, on, by));
                }
            }
        }
    }
}
