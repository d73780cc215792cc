//! A map evaluated: its framework under a reading of support, and the
//! labellings of a semantics. This is what `eval`, `actors`, `report` and
//! `render --status` start from.

use super::Label;
use super::map::{MapFramework, Support};
use super::solver::{Extensions, Semantics, TimedOut, extensions};
use crate::graph::ArgGraph;

/// How a node stands under an evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Accepted: in the one labelling there is.
    In,
    /// Rejected: out in the one labelling there is.
    Out,
    /// Neither: undecided in the one labelling there is.
    Undecided,
    /// With several labellings (or none): in `k` of the `n` extensions.
    InSome {
        /// In how many extensions the node is in.
        k: usize,
        /// How many extensions there are.
        n: usize,
    },
    /// The node is not an argument of the framework (a question).
    NotEvaluated,
}

impl Status {
    /// The status of a labelled argument.
    pub fn of_label(label: Label) -> Status {
        match label {
            Label::In => Status::In,
            Label::Out => Status::Out,
            Label::Undecided => Status::Undecided,
        }
    }

    /// A one-word class for styling: `in`, `out`, `undecided`, `all` (in
    /// every one of several extensions), `some`, `none` (in no extension)
    /// or `unevaluated`.
    pub fn class(self) -> &'static str {
        match self {
            Status::In => "in",
            Status::Out => "out",
            Status::Undecided => "undecided",
            Status::InSome { k, n } if k == n && n > 0 => "all",
            Status::InSome { k: 0, .. } => "none",
            Status::InSome { .. } => "some",
            Status::NotEvaluated => "unevaluated",
        }
    }
}

impl Status {
    /// The status as JSON gives it, in the terms of the literature: `in`,
    /// `out`, `undecided`, `in k of n` or `not evaluated`.
    pub fn as_label(self) -> String {
        match self {
            Status::In => "in".into(),
            Status::Out => "out".into(),
            Status::Undecided => "undecided".into(),
            Status::InSome { k, n } => format!("in {k} of {n}"),
            Status::NotEvaluated => "not evaluated".into(),
        }
    }
}

impl serde::Serialize for Status {
    /// As [`Status::as_label`]: `in`, `out`, `undecided`, `in k of n`,
    /// `not evaluated`, so that programs read the terms of the literature.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_label())
    }
}

impl std::fmt::Display for Status {
    /// In plain words: `accepted`, `rejected`, `undecided`, `accepted in k
    /// of n` or `not evaluated`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::In => f.write_str(word(Label::In)),
            Status::Out => f.write_str(word(Label::Out)),
            Status::Undecided => f.write_str(word(Label::Undecided)),
            Status::InSome { k, n } => write!(f, "accepted in {k} of {n}"),
            Status::NotEvaluated => f.write_str("not evaluated"),
        }
    }
}

/// The plain word for a label: `accepted`, `rejected` or `undecided`.
pub fn word(label: Label) -> &'static str {
    match label {
        Label::In => "accepted",
        Label::Out => "rejected",
        Label::Undecided => "undecided",
    }
}

/// What "accepted" means, short enough for a diagram's legend.
pub const ACCEPTED_MEANS: &str = "accepted = defended against every attack in the map, not “true”";

/// What "accepted" means under `semantics`, short enough for a legend:
/// [`ACCEPTED_MEANS`], but under stage semantics, which need not defend
/// what it accepts, a sentence of its own.
pub fn accepted_means(semantics: Semantics) -> &'static str {
    match semantics {
        Semantics::Stage => "accepted = in a conflict-free set that settles the most, not “true”",
        _ => ACCEPTED_MEANS,
    }
}

/// What the statuses of a semantics mean, in one line for a reader who
/// does not know the theory.
pub fn meaning(semantics: Semantics) -> &'static str {
    match semantics {
        Semantics::Grounded => {
            "accepted = defended against every attack in the map by what the map accepts beyond dispute (grounded semantics); it does not mean true. rejected = attacked by something accepted. undecided = the map does not settle it, usually because two sides attack each other."
        }
        Semantics::Complete => {
            "each extension is one consistent reading of the map that accepts everything it defends (complete semantics); accepted in k of n = accepted in k of those readings; it does not mean true."
        }
        Semantics::Preferred => {
            "each extension is one of the largest positions the map can defend (preferred semantics); accepted in k of n = defended in k of those positions; accepted in every extension = defended whichever position one takes; it does not mean true."
        }
        Semantics::Stable => {
            "each extension is a position that takes a stand on every node, accepting or rejecting it (stable semantics); accepted in k of n = accepted in k of those positions; it does not mean true."
        }
        Semantics::SemiStable => {
            "each extension is a position the map can defend that leaves as little as possible undecided (semi-stable semantics; the stable positions when there are any); accepted in k of n = accepted in k of those positions; it does not mean true."
        }
        Semantics::Stage => {
            "each extension is a consistent set of nodes that accepts or rejects as much of the map as possible, without needing to defend what it accepts (stage semantics; the stable positions when there are any); accepted in k of n = accepted in k of those sets; it does not mean true."
        }
        Semantics::Ideal => {
            "accepted = in the largest position the map can defend that lies inside every one of its largest defensible positions (ideal semantics): more cautious than preferred, bolder than grounded; it does not mean true. rejected = attacked by something accepted. undecided = neither."
        }
    }
}

/// A map's framework and the labellings of one semantics.
#[derive(Debug)]
pub struct Evaluation<'g> {
    graph: &'g ArgGraph,
    semantics: Semantics,
    framework: MapFramework,
    extensions: Extensions,
}

impl<'g> Evaluation<'g> {
    /// The map and its graph.
    pub fn graph(&self) -> &'g ArgGraph {
        self.graph
    }

    /// The semantics evaluated.
    pub fn semantics(&self) -> Semantics {
        self.semantics
    }

    /// The map as a framework, under the chosen reading of support.
    pub fn framework(&self) -> &MapFramework {
        &self.framework
    }

    /// The labellings, in a fixed order (exactly one for grounded, unless
    /// the limit was 0).
    pub fn extensions(&self) -> &Extensions {
        &self.extensions
    }

    /// Evaluates a map (which should be free of errors, see
    /// [`crate::Checked::clean`]) under `semantics`, listing at most `limit`
    /// extensions (one past the limit is looked for, so that
    /// [`Extensions::truncated`] says whether there are more). A `limit` of
    /// 0 lists none, under grounded semantics too.
    ///
    /// Nothing bounds the search: see [`Evaluation::until`] for a deadline.
    ///
    /// # Errors
    /// None in practice: [`TimedOut`] is only returned with a deadline.
    ///
    /// # Example
    /// ```
    /// use argmap::semantics::{Evaluation, Semantics, Status, Support};
    /// let map = "title: t\nnodes:\n  a:\n    text: A.\n    attacks: b\n  b:\n    text: B.\n";
    /// let checked = argmap::check(&argmap::SourceFile::new("m.yaml", map), &Default::default());
    /// let e = Evaluation::new(checked.clean().unwrap(), Semantics::Grounded, Support::None, 64)?;
    /// assert_eq!(e.status(0), Status::In);
    /// assert_eq!(e.status(1), Status::Out);
    /// # Ok::<(), argmap::semantics::TimedOut>(())
    /// ```
    pub fn new(
        graph: &'g ArgGraph,
        semantics: Semantics,
        support: Support,
        limit: usize,
    ) -> Result<Self, TimedOut> {
        Self::until(graph, semantics, support, limit, None)
    }

    /// As [`Evaluation::new`], giving up at `deadline`.
    ///
    /// # Errors
    /// [`TimedOut`] when the deadline passes before every extension asked
    /// for is found.
    pub fn until(
        graph: &'g ArgGraph,
        semantics: Semantics,
        support: Support,
        limit: usize,
        deadline: Option<std::time::Instant>,
    ) -> Result<Self, TimedOut> {
        let framework = MapFramework::build(graph, support);
        let extensions = extensions(&framework.framework, semantics, limit, deadline)?;
        Ok(Evaluation {
            graph,
            semantics,
            framework,
            extensions,
        })
    }

    /// The reading of support the framework was built with.
    pub fn support(&self) -> Support {
        self.framework.support
    }

    /// In how many labellings the map node with this index (in
    /// [`crate::model::Map::nodes`]) is in; 0 for a question.
    pub fn in_count(&self, node: usize) -> usize {
        self.argument(node).map_or(0, |a| {
            self.extensions
                .labellings
                .iter()
                .filter(|l| l[a] == Label::In)
                .count()
        })
    }

    /// How the map node with this index stands: under grounded semantics
    /// its label, under the others in how many extensions it is in.
    pub fn status(&self, node: usize) -> Status {
        let Some(a) = self.argument(node) else {
            return Status::NotEvaluated;
        };
        if self.semantics.is_unique() {
            // No labelling only when the limit was 0: nothing was evaluated.
            return self
                .grounded_labels()
                .map_or(Status::NotEvaluated, |labels| Status::of_label(labels[a]));
        }
        match self.grounded_labels() {
            Some(labels) => Status::of_label(labels[a]),
            None => Status::InSome {
                k: self.in_count(node),
                n: self.extensions.labellings.len(),
            },
        }
    }

    /// Why the map node with this index has its label in extension `k`
    /// (from 0, in the order of [`Extensions::labellings`]); `None` for a
    /// question or when there is no such extension.
    pub fn why_in(&self, node: usize, k: usize) -> Option<String> {
        let a = self.argument(node)?;
        let labels = self.extensions.labellings.get(k)?;
        Some(self.framework.explain(labels, a))
    }

    /// The index of the node with this id, for [`Evaluation::status`] and
    /// the others.
    pub fn node(&self, id: &str) -> Option<usize> {
        self.graph.map().nodes.get_index_of(id)
    }

    /// Why the map node with this index has its grounded label (see
    /// [`MapFramework::explain`]); `None` under the other semantics and
    /// for questions.
    pub fn why(&self, node: usize) -> Option<String> {
        let a = self.argument(node)?;
        let labels = self.grounded_labels()?;
        Some(self.framework.explain(labels, a))
    }

    fn grounded_labels(&self) -> Option<&[Label]> {
        if self.semantics.is_unique() {
            self.extensions.labellings.first().map(Vec::as_slice)
        } else {
            None
        }
    }

    fn argument(&self, node: usize) -> Option<usize> {
        self.framework
            .of_node
            .get(node)
            .copied()
            .flatten()
            .map(|a| a as usize)
    }
}
