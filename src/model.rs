//! The map model: what a map file says, with the span of every id and
//! reference so that checks can point at it.

use indexmap::IndexMap;

use crate::source::Span;

/// A string from the map with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The value.
    pub value: compact_str::CompactString,
    /// Where it was written.
    pub span: Span,
}

/// A reference to a node, relation, actor or source, as written.
pub type Ref = Text;

/// A table of a [`Map`] keyed by id: in the order written, hashed by
/// foldhash with a fixed seed (ids are looked up millions of times in a
/// large map; the order never depends on the hasher).
pub type Table<V> = IndexMap<compact_str::CompactString, V, foldhash::fast::FixedState>;

/// A whole map.
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// The `argmap:` format version, when given.
    pub version: Option<u32>,
    /// The map's title.
    pub title: Option<Text>,
    /// A longer description.
    pub summary: Option<Text>,
    /// Default language of the texts (a BCP 47 tag such as `en` or `nb`).
    pub lang: Option<Text>,
    /// The people and institutions that hold or reject claims, by id.
    pub actors: Table<Actor>,
    /// The documents that evidence cites, by id.
    pub sources: Table<Source>,
    /// Claims, arguments and questions, by id, in file order.
    pub nodes: Table<Node>,
}

/// Someone who holds or rejects claims.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The id, as written as a key.
    pub id: Text,
    /// The display name.
    pub name: Text,
    /// A diagram fill colour (`#rrggbb` or an X11 colour name).
    pub color: Option<Text>,
    /// Free text.
    pub note: Option<Text>,
}

/// A document that evidence cites.
#[derive(Clone, Debug)]
pub struct Source {
    /// The id, as written as a key.
    pub id: Text,
    /// The document's title.
    pub title: Text,
    /// Who wrote it.
    pub author: Option<Text>,
    /// Who published it.
    pub publisher: Option<Text>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<Text>,
    /// Where to read it.
    pub url: Option<Text>,
    /// Its language.
    pub lang: Option<Text>,
    /// A local plain-text copy, relative to the map file.
    pub file: Option<Text>,
    /// Free text.
    pub note: Option<Text>,
}

/// What a node is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A statement that can be true or false.
    #[default]
    Claim,
    /// An inference from premises to a conclusion.
    Argument,
    /// An open question that claims answer.
    Question,
}

impl NodeKind {
    /// The name used in the map format.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Claim => "claim",
            NodeKind::Argument => "argument",
            NodeKind::Question => "question",
        }
    }

    /// The name with its indefinite article: "a claim", "an argument".
    pub fn with_article(self) -> &'static str {
        match self {
            NodeKind::Claim => "a claim",
            NodeKind::Argument => "an argument",
            NodeKind::Question => "a question",
        }
    }
}

/// A claim, argument or question.
#[derive(Clone, Debug)]
pub struct Node {
    /// The id, as written as a key.
    pub id: Text,
    /// What it is.
    pub kind: NodeKind,
    /// Where the kind was written, when it was.
    pub kind_span: Option<Span>,
    /// The full statement (empty when missing; the loader reported it).
    pub text: Text,
    /// A short title for diagrams. (The fields a node seldom has are boxed:
    /// a node stays small in a map of a million.)
    pub label: Option<Box<Text>>,
    /// Actors who hold it.
    pub held_by: Box<[Ref]>,
    /// Actors who reject it.
    pub rejected_by: Box<[Ref]>,
    /// Cited documents.
    pub evidence: Box<[Evidence]>,
    /// Free-form tags.
    pub tags: Box<[Text]>,
    /// A hand-made group: nodes with the same `group:` are drawn in one box
    /// under `--group-by group`.
    pub group: Option<Box<Text>>,
    /// Free text.
    pub note: Option<Box<Text>>,
    /// Outgoing relations, grouped by kind in the order of
    /// [`RelationKind::ALL`], each group in file order.
    pub relations: Box<[Relation]>,
    /// An argument's premises.
    pub premises: Box<[Ref]>,
    /// Where `premises:` was written.
    pub premises_span: Option<Span>,
    /// An argument's conclusion.
    pub conclusion: Option<Box<Ref>>,
}

/// A quotation or reference to a source.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// The cited source's id.
    pub source: Ref,
    /// A locator such as `para 8` or `p. 3`.
    pub at: Option<Text>,
    /// Verbatim text from the source.
    pub quote: Option<Text>,
    /// A translation of the quote.
    pub translation: Option<Box<Text>>,
    /// Free text.
    pub note: Option<Box<Text>>,
    /// The whole entry.
    pub span: Span,
}

/// The kinds of relation between nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    /// The source gives a reason for the target.
    Supports,
    /// The source gives a reason against the target (rebuttal).
    Attacks,
    /// The source attacks the inference of an argument or named relation.
    Undercuts,
    /// The two claims cannot both be true (symmetric).
    Contradicts,
    /// The source answers a question.
    Answers,
}

impl RelationKind {
    /// Every kind, in the order the format lists them.
    pub const ALL: [RelationKind; 5] = [
        RelationKind::Supports,
        RelationKind::Attacks,
        RelationKind::Undercuts,
        RelationKind::Contradicts,
        RelationKind::Answers,
    ];

    /// The key used in the map format.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Supports => "supports",
            RelationKind::Attacks => "attacks",
            RelationKind::Undercuts => "undercuts",
            RelationKind::Contradicts => "contradicts",
            RelationKind::Answers => "answers",
        }
    }
}

/// One relation written on a node.
#[derive(Clone, Debug)]
pub struct Relation {
    /// Its kind.
    pub kind: RelationKind,
    /// The target id (a node, or for `undercuts` also a named relation).
    pub target: Ref,
    /// The relation's own id, which makes it a target for `undercuts`.
    pub id: Option<Box<Text>>,
    /// A label drawn on the edge.
    pub label: Option<Box<Text>>,
    /// Evidence for the relation itself.
    pub evidence: Box<[Evidence]>,
    /// The whole target entry.
    pub span: Span,
}
