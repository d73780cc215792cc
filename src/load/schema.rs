//! The map format's schema: required and unknown keys, types, id syntax,
//! dates and repeated keys, checked while the YAML tree becomes a [`Map`].

use super::Loaded;
use super::MAX_VALUE_BYTES;
use super::fast::NodeSink as _;
use super::yaml::{self, ParseError, Value, Yaml};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    Actor, Evidence, Map, Node, NodeKind, Ref, Relation, RelationKind, Source, Text,
};
use crate::source::{SourceFile, Span};
use crate::suggestion::closest;

pub(crate) const MAP_KEYS: &[&str] = &[
    "argmap", "title", "summary", "lang", "actors", "sources", "nodes",
];
pub(crate) const ACTOR_KEYS: &[&str] = &["name", "color", "note"];
pub(crate) const SOURCE_KEYS: &[&str] = &[
    "title",
    "author",
    "publisher",
    "date",
    "url",
    "lang",
    "file",
    "note",
];
pub(crate) const NODE_KEYS: &[&str] = &[
    "kind",
    "text",
    "label",
    "held_by",
    "rejected_by",
    "evidence",
    "tags",
    "group",
    "note",
    "supports",
    "attacks",
    "undercuts",
    "contradicts",
    "answers",
    "premises",
    "conclusion",
];
pub(crate) const EVIDENCE_KEYS: &[&str] = &["source", "at", "quote", "translation", "note"];
pub(crate) const TARGET_KEYS: &[&str] = &["to", "id", "label", "evidence"];
pub(crate) const KINDS: &[&str] = &["claim", "argument", "question"];

/// Parses the text and builds the model, collecting every problem. Nodes
/// are converted one by one as the parser completes them, so the YAML tree
/// of a large map never exists whole. `Ok(None)` means the text holds no
/// document; otherwise the model (unless the text is not a mapping at all)
/// and the problems.
pub(super) fn build(source: &SourceFile) -> Result<Option<Loaded>, ParseError> {
    build_split_from(source, super::fast::split_from())
}

/// [`build`], reading the nodes in two parts from a text of `split_from`
/// bytes (the tests split small texts).
fn build_split_from(source: &SourceFile, split_from: usize) -> Result<Option<Loaded>, ParseError> {
    let mut cx = Cx {
        source,
        diagnostics: Vec::new(),
    };
    // Room for the nodes a text of this size usually holds (a node takes
    // some 150 to 250 bytes of YAML), so that a large map's table is not
    // grown and rehashed twenty times. Of what it reserves, only a byte a
    // slot is written before nodes arrive.
    let mut nodes = crate::model::Table::default();
    nodes.reserve(source.text().len() / 256);
    let mut streamed = 0usize;
    // The fast path for the usual shapes; the parser for the rest, from the
    // start (what the fast path handed over is dropped).
    let fast = super::fast::parse_streaming(
        source.text(),
        &mut Builder {
            cx: &mut cx,
            nodes: &mut nodes,
            streamed: &mut streamed,
        },
        split_from,
    );
    let tree = match fast {
        Ok(tree) => tree,
        Err(super::fast::Fallback) => {
            cx.diagnostics.clear();
            nodes.clear();
            streamed = 0;
            let mut builder = Builder {
                cx: &mut cx,
                nodes: &mut nodes,
                streamed: &mut streamed,
            };
            yaml::parse_streaming(
                source.text(),
                Some(&mut |key, value| builder.node(key, value)),
            )?
        }
    };
    let Some(tree) = tree else {
        return Ok(None);
    };
    let map = cx.map(tree, nodes, streamed);
    Ok(Some(Loaded {
        map,
        diagnostics: cx.diagnostics,
    }))
}

/// Builds each node as it is read and puts it in the table. On a large map
/// the fast path reads the second half of the nodes on another thread, where
/// a [`Part`] builds them; they are put in the table, and their diagnostics
/// after those of the first half, when the part is joined: the same table
/// and diagnostics, in the same order, as building every node here.
struct Builder<'b, 's> {
    cx: &'b mut Cx<'s>,
    nodes: &'b mut crate::model::Table<Node>,
    /// How many nodes were read.
    streamed: &'b mut usize,
}

/// The nodes a second thread built.
struct Part<'s> {
    cx: Cx<'s>,
    /// Each node read, built unless its key or value was wrong, with the end
    /// of its diagnostics in `cx`; in batches, so that nothing is copied as
    /// they grow and each is freed once in the table.
    built: Vec<Vec<Built>>,
}

/// A node a [`Part`] read: built unless its key or value was wrong, and the
/// end of its diagnostics.
type Built = (Option<(Text, Node)>, usize);

/// Nodes per batch of a [`Part`].
const PART_BATCH: usize = 4096;

impl Builder<'_, '_> {
    fn put(&mut self, id: &Text, node: Node) {
        self.cx
            .insert(self.nodes, id, |n: &Node| n.id.span, "node", node);
    }
}

impl<'s> super::fast::NodeSink for Builder<'_, 's> {
    type Part = Part<'s>;

    fn node(&mut self, key: Yaml, value: Yaml) {
        *self.streamed += 1;
        if let Some((id, node)) = self.cx.entry_node(key, value) {
            self.put(&id, node);
        }
    }

    fn part(&self) -> Option<Part<'s>> {
        Some(Part {
            cx: Cx {
                source: self.cx.source,
                diagnostics: Vec::new(),
            },
            built: Vec::new(),
        })
    }

    fn part_node(part: &mut Part<'s>, key: Yaml, value: Yaml) {
        let built = part.cx.entry_node(key, value);
        if part.built.last().is_none_or(|b| b.len() == PART_BATCH) {
            part.built.push(Vec::with_capacity(PART_BATCH));
        }
        if let Some(batch) = part.built.last_mut() {
            batch.push((built, part.cx.diagnostics.len()));
        }
    }

    fn join(&mut self, part: Part<'s>) {
        // The table grown once, to its size, rather than doubled.
        self.nodes.reserve(part.built.iter().map(Vec::len).sum());
        let mut diagnostics = part.cx.diagnostics.into_iter();
        let mut taken = 0;
        for (built, end) in part.built.into_iter().flatten() {
            self.cx
                .diagnostics
                .extend(diagnostics.by_ref().take(end - taken));
            taken = end;
            *self.streamed += 1;
            if let Some((id, node)) = built {
                self.put(&id, node);
            }
        }
    }
}

/// What a mapping belongs to, as messages name it ("node `a`", "evidence
/// of node `a`"): written out only when a message needs it, so that a map
/// with no problems formats none.
#[derive(Clone, Copy)]
enum What<'a> {
    /// Already written out: "the map", "actor `a`".
    Plain(&'a str),
    /// "node \`a\`".
    Node(&'a str),
    /// "evidence of …".
    EvidenceOf(&'a What<'a>),
    /// "\`supports\` of …".
    RelationOf(RelationKind, &'a What<'a>),
    /// "a target in \`supports\` of …".
    TargetIn(RelationKind, &'a What<'a>),
}

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Plain(s) => f.write_str(s),
            What::Node(id) => write!(f, "node `{id}`"),
            What::EvidenceOf(owner) => write!(f, "evidence of {owner}"),
            What::RelationOf(kind, owner) => write!(f, "`{}` of {owner}", kind.as_str()),
            What::TargetIn(kind, owner) => write!(f, "a target in `{}` of {owner}", kind.as_str()),
        }
    }
}

struct Cx<'s> {
    source: &'s SourceFile,
    diagnostics: Vec<Diagnostic>,
}

/// The fields of one mapping, first occurrence of each key, with spans.
struct Fields<'w> {
    /// Few keys per mapping: a list searched in order beats hashing.
    /// (name, key span, value); a taken value is left as null.
    entries: Vec<(compact_str::CompactString, Span, Yaml)>,
    /// The span that names the mapping's owner (a node id, a key).
    owner: Span,
    /// How to name the owner in messages, e.g. "node `a`".
    what: What<'w>,
}

impl Fields<'_> {
    /// Moves a field's value out (so the tree shrinks as the model grows);
    /// `None` when absent or null.
    fn take(&mut self, name: &str) -> Option<Yaml> {
        let (_, _, v) = self.entries.iter_mut().find(|(n, _, _)| same(n, name))?;
        let at = v.span;
        let v = std::mem::replace(
            v,
            Yaml {
                value: Value::Null,
                span: at,
            },
        );
        (!matches!(v.value, Value::Null)).then_some(v)
    }

    fn key_span(&self, name: &str) -> Option<Span> {
        self.entries
            .iter()
            .find(|(n, _, _)| same(n, name))
            .map(|&(_, k, _)| k)
    }
}

impl Cx<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn wrong_type(&mut self, y: &Yaml, expected: &str, context: impl std::fmt::Display) {
        let span = self.visible(y.span);
        self.push(
            Diagnostic::new(
                Code::WrongType,
                span,
                format!(
                    "expected {expected} for {context}, found {}",
                    y.value.type_name()
                ),
            )
            .with_label(format!("expected {expected}")),
        );
    }

    /// Zero-length spans (a mapping value) get one character so a caret shows.
    fn visible(&self, span: Span) -> Span {
        if span.is_empty() {
            let text = self.source.text();
            let start = span.start as usize;
            let len = text[start.min(text.len())..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            Span::new(start..start + len)
        } else {
            span
        }
    }

    /// A mapping's fields: reports non-string keys, repeated keys and keys
    /// not in `allowed`.
    fn fields<'w>(
        &mut self,
        y: Yaml,
        allowed: &[&str],
        owner: Span,
        what: What<'w>,
    ) -> Option<Fields<'w>> {
        let Value::Map(entries) = y.value else {
            self.wrong_type(&y, "a mapping", what);
            return None;
        };
        let mut fields = Fields {
            entries: Vec::with_capacity(entries.len()),
            owner,
            what,
        };
        for (k, v) in entries {
            let Value::Str(name) = k.value else {
                self.wrong_type(&k, "a key name", what);
                continue;
            };
            if let Some(&(_, first, _)) = fields.entries.iter().find(|(n, _, _)| same(n, &name)) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateKey,
                        k.span,
                        format!("duplicate key `{name}` in {what}"),
                    )
                    .with_label("repeated here")
                    .with_secondary(first, "first defined here")
                    .with_help("YAML keeps only one value per key; remove or merge one of them"),
                );
                continue;
            }
            if !allowed.iter().any(|a| same(a, &name)) {
                let suggestion = closest(&name, allowed.iter().copied());
                let help = suggestion
                    .map(|c| format!("did you mean `{c}`?"))
                    .or_else(|| hint_for_misplaced(&name, allowed))
                    .unwrap_or_else(|| format!("expected one of {}", list(allowed)));
                let mut d = Diagnostic::new(
                    Code::UnknownKey,
                    k.span,
                    format!("unknown key `{name}` in {what}"),
                )
                .with_label("unknown key")
                .with_help(help);
                d.replacement = suggestion.map(str::to_string);
                self.push(d);
                continue;
            }
            fields.entries.push((name, k.span, v));
        }
        Some(fields)
    }

    /// A string value; other scalars are a type error. `None` when absent.
    fn string(&mut self, f: &mut Fields, name: &str) -> Option<Text> {
        let y = f.take(name)?;
        self.text_of(y, || format!("`{name}` of {}", f.what))
    }

    fn text_of(&mut self, y: Yaml, context: impl Fn() -> String) -> Option<Text> {
        match y.value {
            Value::Str(s) => {
                if s.len() > MAX_VALUE_BYTES {
                    self.push(
                        Diagnostic::new(
                            Code::InputLimit,
                            Span::new(y.span.start as usize..y.span.start as usize),
                            format!(
                                "{} is too long ({} bytes; the limit is {MAX_VALUE_BYTES})",
                                context(),
                                s.len()
                            ),
                        )
                        .with_help(
                            "keep long documents in a source `file:` and quote only the passage",
                        ),
                    );
                    return None;
                }
                Some(Text {
                    value: s,
                    span: y.span,
                })
            }
            _ => {
                self.wrong_type(&y, "a string", context());
                None
            }
        }
    }

    /// Like [`Cx::string`] but numbers are taken as written (`at: 3`,
    /// `date: 1999`).
    fn scalar(&mut self, f: &mut Fields, name: &str) -> Option<Text> {
        let y = f.take(name)?;
        match &y.value {
            Value::Int(_) | Value::Float => Some(Text {
                value: self.source.slice(y.span).into(),
                span: y.span,
            }),
            _ => self.text_of(y, || format!("`{name}` of {}", f.what)),
        }
    }

    /// The text of a shorthand (`id: text`), which must not be blank
    /// either: `E106` like a blank `text:`, `name:` or `title:`.
    fn shorthand(&mut self, y: Yaml, what: What<'_>, field: &str, help: &str) -> Option<Text> {
        let text = self.text_of(y, || what.to_string())?;
        if text.value.trim().is_empty() {
            self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    self.visible(text.span),
                    format!("the {field} of {what} is blank"),
                )
                .with_label("blank")
                .with_help(help.to_string()),
            );
        }
        Some(text)
    }

    /// A required, non-blank string.
    fn required(&mut self, f: &mut Fields, name: &str, help: &str) -> Text {
        match f.take(name) {
            Some(y) => {
                let span = y.span;
                let text = self.text_of(y, || format!("`{name}` of {}", f.what));
                if let Some(t) = &text
                    && t.value.trim().is_empty()
                {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            self.visible(t.span),
                            format!("`{name}` of {} is blank", f.what),
                        )
                        .with_label("blank")
                        .with_help(help.to_string()),
                    );
                }
                text.unwrap_or(Text {
                    value: compact_str::CompactString::default(),
                    span,
                })
            }
            None => {
                let at = f.key_span(name).unwrap_or(f.owner);
                self.push(
                    Diagnostic::new(
                        Code::MissingField,
                        self.visible(at),
                        format!("{} has no `{name}`", f.what),
                    )
                    .with_label(format!("`{name}` missing"))
                    .with_help(help.to_string()),
                );
                Text {
                    value: compact_str::CompactString::default(),
                    span: f.owner,
                }
            }
        }
    }

    /// An id written as a mapping key (strings, or integers taken as written).
    /// The node of an entry of `nodes:`, with its id; `None` (and the
    /// problem reported) when the key is no id or the value no node.
    fn entry_node(&mut self, key: Yaml, value: Yaml) -> Option<(Text, Node)> {
        let id = self.key_id(key, "node")?;
        let node = self.node(&id, value)?;
        Some((id, node))
    }

    fn key_id(&mut self, k: Yaml, what: &str) -> Option<Text> {
        let value = match k.value {
            Value::Str(s) => s,
            Value::Int(_) | Value::Float | Value::Bool => self.source.slice(k.span).into(),
            _ => {
                self.wrong_type(&k, "an id", what);
                return None;
            }
        };
        let text = Text {
            value,
            span: k.span,
        };
        self.check_id(&text, what);
        Some(text)
    }

    fn check_id(&mut self, id: &Text, what: &str) {
        if let Err(why) = id_syntax(&id.value) {
            let suggestion = suggest_id(&id.value);
            let help = suggestion.as_ref().map_or_else(
                || "ids use lowercase letters, digits, `-`, `_` and `.`".to_string(),
                |s| format!("write it as `{s}`"),
            );
            let mut d = Diagnostic::new(
                Code::InvalidId,
                self.visible(id.span),
                format!("invalid {what} id `{}`: {why}", id.value),
            )
            .with_label("invalid id")
            .with_help(help);
            d.replacement = suggestion;
            self.push(d);
        }
    }

    /// One id or a list of ids (references; their existence is checked later).
    fn refs(&mut self, f: &mut Fields, name: &str) -> Box<[Ref]> {
        let Some(y) = f.take(name) else {
            return Box::default();
        };
        let context = || format!("`{name}` of {}", f.what);
        let items = Items::of(y);
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.value {
                Value::Str(s) => out.push(Text {
                    value: s,
                    span: item.span,
                }),
                Value::Int(_) => out.push(Text {
                    value: self.source.slice(item.span).into(),
                    span: item.span,
                }),
                _ => self.wrong_type(&item, "an id or a list of ids", context()),
            }
        }
        out.into_boxed_slice()
    }

    fn map(
        &mut self,
        tree: Yaml,
        streamed_nodes: crate::model::Table<Node>,
        streamed: usize,
    ) -> Option<Map> {
        let top = self.visible(Span::new(
            tree.span.start as usize..tree.span.start as usize,
        ));
        let mut f = self.fields(tree, MAP_KEYS, top, What::Plain("the map"))?;
        let mut map = Map::default();
        if let Some(y) = f.take("argmap") {
            match y.value {
                Value::Int(1) => map.version = Some(1),
                _ => self.push(
                    Diagnostic::new(
                        Code::UnsupportedVersion,
                        self.visible(y.span),
                        format!(
                            "unsupported map format version `{}`",
                            self.source.slice(y.span)
                        ),
                    )
                    .with_label("expected `1`")
                    .with_help("this argmap reads version 1 of the map format: `argmap: 1`"),
                ),
            }
        }
        map.title = Some(self.required(&mut f, "title", "give the map a title: `title: …`"));
        map.summary = self.string(&mut f, "summary");
        map.lang = self.string(&mut f, "lang");
        if let Some(y) = f.take("actors") {
            self.actors(y, &mut map);
        }
        if let Some(y) = f.take("sources") {
            self.sources(y, &mut map);
        }
        match f.take("nodes") {
            Some(y) => {
                let key_span = f.key_span("nodes").unwrap_or(y.span);
                map.nodes = streamed_nodes;
                self.nodes(y, key_span, &mut map, streamed);
            }
            // `nodes:` written with nothing under it is the same mistake
            // as `nodes: {}`.
            None if f.key_span("nodes").is_some() => {
                let at = f.key_span("nodes").unwrap_or(top);
                self.push(
                    Diagnostic::new(Code::InvalidValue, at, "`nodes` is empty")
                        .with_label("no nodes")
                        .with_help("a map needs at least one node"),
                );
            }
            None => {
                self.push(
                    Diagnostic::new(
                        Code::MissingField,
                        self.visible(top),
                        "the map has no `nodes`",
                    )
                    .with_label("`nodes` missing")
                    .with_help("add `nodes:` with at least one claim"),
                );
            }
        }
        Some(map)
    }

    /// Entries of an id-keyed mapping (actors, sources, nodes), with valid
    /// ids; repeated ids are found when the caller inserts them.
    fn id_entries(&mut self, y: Yaml, what: &str, section: &str) -> Vec<(Text, Yaml)> {
        let Value::Map(entries) = y.value else {
            self.wrong_type(
                &y,
                &format!("a mapping of {what} ids"),
                format!("`{section}`"),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            if let Some(id) = self.key_id(k, what) {
                out.push((id, v));
            }
        }
        out
    }

    /// Inserts into an id-keyed collection unless the id is taken, which is
    /// reported with both places.
    fn insert<T>(
        &mut self,
        into: &mut crate::model::Table<T>,
        id: &Text,
        first_span: impl Fn(&T) -> Span,
        what: &str,
        item: T,
    ) {
        // One lookup: a large map inserts a million ids.
        let slot = match into.entry(id.value.clone()) {
            indexmap::map::Entry::Vacant(slot) => {
                slot.insert(item);
                return;
            }
            indexmap::map::Entry::Occupied(slot) => slot,
        };
        let first = first_span(slot.get());
        self.push(
            Diagnostic::new(
                Code::DuplicateKey,
                id.span,
                format!("duplicate {what} id `{}`", id.value),
            )
            .with_label("repeated here")
            .with_secondary(first, "first defined here")
            .with_help(format!(
                "give each {what} its own id; YAML would silently keep only the last"
            )),
        );
    }

    fn actors(&mut self, y: Yaml, map: &mut Map) {
        for (id, v) in self.id_entries(y, "actor", "actors") {
            let what = format!("actor `{}`", id.value);
            let actor = match v.value {
                Value::Str(_) => Actor {
                    name: self
                        .shorthand(
                            v,
                            What::Plain(&what),
                            "name",
                            "write the actor's display name",
                        )
                        .unwrap_or_else(|| empty(id.span)),
                    id: id.clone(),
                    color: None,
                    note: None,
                },
                Value::Null => {
                    self.push(
                        Diagnostic::new(
                            Code::MissingField,
                            id.span,
                            format!("{what} has no `name`"),
                        )
                        .with_label("`name` missing")
                        .with_help(format!(
                            "write `{}: Display Name` or `{{ name: … }}`",
                            id.value
                        )),
                    );
                    Actor {
                        name: empty(id.span),
                        id: id.clone(),
                        color: None,
                        note: None,
                    }
                }
                _ => {
                    let Some(mut f) = self.fields(v, ACTOR_KEYS, id.span, What::Plain(&what))
                    else {
                        continue;
                    };
                    Actor {
                        name: self.required(&mut f, "name", "give the actor a display name"),
                        color: self.string(&mut f, "color"),
                        note: self.string(&mut f, "note"),
                        id: id.clone(),
                    }
                }
            };
            self.insert(&mut map.actors, &id, |a| a.id.span, "actor", actor);
        }
    }

    fn sources(&mut self, y: Yaml, map: &mut Map) {
        for (id, v) in self.id_entries(y, "source", "sources") {
            let what = format!("source `{}`", id.value);
            let mut source = Source {
                id: id.clone(),
                title: empty(id.span),
                author: None,
                publisher: None,
                date: None,
                url: None,
                lang: None,
                file: None,
                note: None,
            };
            if let Value::Str(_) = v.value {
                source.title = self
                    .shorthand(v, What::Plain(&what), "title", "write the document's title")
                    .unwrap_or_else(|| empty(id.span));
            } else if let Some(mut f) = self.fields(v, SOURCE_KEYS, id.span, What::Plain(&what)) {
                let date = self.scalar(&mut f, "date");
                if let Some(d) = &date
                    && let Err(why) = check_date(&d.value)
                {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidDate,
                            self.visible(d.span),
                            format!("invalid date `{}` in {what}: {why}", d.value),
                        )
                        .with_label("invalid date")
                        .with_help("write `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, e.g. `1999-11-19`"),
                    );
                }
                source.title = self.required(&mut f, "title", "give the source its document title");
                source.author = self.string(&mut f, "author");
                source.publisher = self.string(&mut f, "publisher");
                source.date = date;
                source.url = self.string(&mut f, "url");
                source.lang = self.string(&mut f, "lang");
                source.file = self.string(&mut f, "file");
                source.note = self.string(&mut f, "note");
            }
            self.insert(&mut map.sources, &id, |s| s.id.span, "source", source);
        }
    }

    /// Converts the entries of `nodes:` that were not streamed already.
    fn nodes(&mut self, y: Yaml, key_span: Span, map: &mut Map, streamed: usize) {
        let is_map = matches!(y.value, Value::Map(_));
        let entries = self.id_entries(y, "node", "nodes");
        if entries.is_empty() && is_map && streamed == 0 {
            self.push(
                Diagnostic::new(Code::InvalidValue, key_span, "`nodes` is empty")
                    .with_label("no nodes")
                    .with_help("a map needs at least one node"),
            );
        }
        map.nodes.reserve(entries.len());
        // Each node's subtree is dropped as soon as it is converted, so the
        // tree and the model are never both whole in memory.
        for (id, v) in entries {
            if let Some(node) = self.node(&id, v) {
                self.insert(&mut map.nodes, &id, |n| n.id.span, "node", node);
            }
        }
    }

    /// A node; `None` for a node key indented too little, which is
    /// reported and left out rather than drawn as a node of its own.
    fn node(&mut self, id: &Text, y: Yaml) -> Option<Node> {
        let mut node = Node {
            id: id.clone(),
            kind: NodeKind::Claim,
            kind_span: None,
            text: empty(id.span),
            label: None,
            held_by: Box::default(),
            rejected_by: Box::default(),
            evidence: Box::default(),
            tags: Box::default(),
            group: None,
            note: None,
            relations: Box::default(),
            premises: Box::default(),
            premises_span: None,
            conclusion: None,
        };
        let what = What::Node(&id.value);
        // A node named like a node key, with a plain value, is nearly always
        // a key indented too little: `supports: b` at node level.
        if NODE_KEYS.contains(&id.value.as_str()) && !matches!(y.value, Value::Map(_)) {
            self.push(
                Diagnostic::new(
                    Code::InvalidId,
                    id.span,
                    format!(
                        "node id `{}` is a node key; is it indented too little?",
                        id.value
                    ),
                )
                .with_label("read as a node")
                .with_help(format!(
                    "indent `{}:` under its node, or give this node another id",
                    id.value
                )),
            );
            return None;
        }
        // Shorthand: `id: text`.
        if let Value::Str(_) = y.value {
            if let Some(t) = self.shorthand(y, what, "text", "write the full statement") {
                node.text = t;
            }
            return Some(node);
        }
        if let Value::Null = y.value {
            self.push(
                Diagnostic::new(Code::MissingField, id.span, format!("{what} has no `text`"))
                    .with_label("`text` missing")
                    .with_help("write `text: …` with the full statement"),
            );
            return Some(node);
        }
        let Some(mut f) = self.fields(y, NODE_KEYS, id.span, what) else {
            return Some(node);
        };
        if let Some(k) = self.string(&mut f, "kind") {
            node.kind_span = Some(k.span);
            match k.value.as_str() {
                "claim" => node.kind = NodeKind::Claim,
                "argument" => node.kind = NodeKind::Argument,
                "question" => node.kind = NodeKind::Question,
                other => {
                    let suggestion = closest(other, KINDS.iter().copied());
                    let help = suggestion.map_or_else(
                        || format!("expected one of {}", list(KINDS)),
                        |c| format!("did you mean `{c}`?"),
                    );
                    let mut d = Diagnostic::new(
                        Code::InvalidValue,
                        self.visible(k.span),
                        format!("unknown node kind `{other}`"),
                    )
                    .with_label("unknown kind")
                    .with_help(help);
                    if !k.span.is_empty() {
                        d.replacement = suggestion.map(str::to_string);
                    }
                    self.push(d);
                }
            }
        }
        node.text = self.required(&mut f, "text", "write `text: …` with the full statement");
        node.label = self.string(&mut f, "label").map(Box::new);
        node.note = self.string(&mut f, "note").map(Box::new);
        node.held_by = self.refs(&mut f, "held_by");
        node.rejected_by = self.refs(&mut f, "rejected_by");
        node.tags = self.refs(&mut f, "tags");
        node.group = self.string(&mut f, "group").map(Box::new);
        node.evidence = self.evidence_list(f.take("evidence"), &what);
        let mut relations = Vec::new();
        for kind in RelationKind::ALL {
            if let Some(y) = f.take(kind.as_str()) {
                self.relations(y, kind, &what, &mut relations);
            }
        }
        node.relations = relations.into_boxed_slice();
        node.premises = self.refs(&mut f, "premises");
        node.premises_span = f.key_span("premises");
        let mut conclusions = self.refs(&mut f, "conclusion").into_vec();
        if conclusions.len() > 1 {
            self.push(
                Diagnostic::new(
                    Code::WrongType,
                    conclusions[1].span,
                    format!("{} has more than one conclusion", f.what),
                )
                .with_label("second conclusion")
                .with_help("an argument has one conclusion; split it into several arguments"),
            );
        }
        conclusions.truncate(1);
        node.conclusion = conclusions.pop().map(Box::new);
        Some(node)
    }

    fn evidence_list(&mut self, y: Option<Yaml>, owner: &What<'_>) -> Box<[Evidence]> {
        let Some(y) = y else {
            return Box::default();
        };
        let items = Items::of(y);
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let span = item.span;
            if let Value::Str(s) = item.value {
                out.push(Evidence {
                    source: Text { value: s, span },
                    at: None,
                    quote: None,
                    translation: None,
                    note: None,
                    span,
                });
                continue;
            }
            let Some(mut f) = self.fields(item, EVIDENCE_KEYS, span, What::EvidenceOf(owner))
            else {
                continue;
            };
            let source = self.required(&mut f, "source", "name the cited source's id: `source: …`");
            out.push(Evidence {
                source,
                at: self.scalar(&mut f, "at"),
                quote: self.string(&mut f, "quote"),
                translation: self.string(&mut f, "translation").map(Box::new),
                note: self.string(&mut f, "note").map(Box::new),
                span,
            });
        }
        out.into_boxed_slice()
    }

    fn relations(
        &mut self,
        y: Yaml,
        kind: RelationKind,
        owner: &What<'_>,
        out: &mut Vec<Relation>,
    ) {
        let context = What::RelationOf(kind, owner);
        let items = Items::of(y);
        out.reserve_exact(items.len());
        for item in items {
            let span = item.span;
            match item.value {
                Value::Str(_) | Value::Int(_) => {
                    let value = match item.value {
                        Value::Str(s) => s,
                        _ => self.source.slice(span).into(),
                    };
                    out.push(Relation {
                        kind,
                        target: Text { value, span },
                        id: None,
                        label: None,
                        evidence: Box::default(),
                        span,
                    });
                }
                Value::Map(_) => {
                    let Some(mut f) =
                        self.fields(item, TARGET_KEYS, span, What::TargetIn(kind, owner))
                    else {
                        continue;
                    };
                    let target = self.required(&mut f, "to", "name the target node: `to: …`");
                    let id = self.string(&mut f, "id");
                    if let Some(id) = &id {
                        self.check_id(id, "relation");
                    }
                    out.push(Relation {
                        kind,
                        span: target.span,
                        target,
                        id: id.map(Box::new),
                        label: self.string(&mut f, "label").map(Box::new),
                        evidence: self.evidence_list(f.take("evidence"), &context),
                    });
                }
                _ => self.wrong_type(
                    &item,
                    "an id, a `{ to: … }` mapping or a list of them",
                    context,
                ),
            }
        }
    }
}

/// Whether two key names are equal. Keys are short and most differ in
/// length or first letter, which are compared before the bytes: a map's
/// every mapping looks its keys up this way.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// A list's items, or the value itself as a list of one.
enum Items {
    One(Option<Yaml>),
    Many(std::vec::IntoIter<Yaml>),
}

impl Items {
    fn of(y: Yaml) -> Items {
        match y.value {
            Value::Seq(items) => Items::Many(items.into_iter()),
            value => Items::One(Some(Yaml {
                value,
                span: y.span,
            })),
        }
    }
}

impl Iterator for Items {
    type Item = Yaml;

    fn next(&mut self) -> Option<Yaml> {
        match self {
            Items::One(one) => one.take(),
            Items::Many(many) => many.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Items::One(one) => (usize::from(one.is_some()), Some(usize::from(one.is_some()))),
            Items::Many(many) => many.size_hint(),
        }
    }
}

impl ExactSizeIterator for Items {}

fn empty(span: Span) -> Text {
    Text {
        value: compact_str::CompactString::default(),
        span,
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Keys that are right elsewhere in the format get a pointer there.
fn hint_for_misplaced(name: &str, allowed: &[&str]) -> Option<String> {
    if name == "<<" {
        return Some("merge keys (`<<`) are not part of YAML 1.2; write the fields out".into());
    }
    let relation = RelationKind::ALL.iter().any(|k| k.as_str() == name);
    if (relation || name == "premises" || name == "conclusion") && !allowed.contains(&"text") {
        return Some(format!("`{name}` belongs inside a node"));
    }
    if NODE_KEYS.contains(&name) && allowed.contains(&"nodes") {
        return Some(format!("`{name}` belongs inside a node under `nodes:`"));
    }
    None
}

/// Checks the id alphabet: lowercase ASCII letters, digits, `-`, `_`, `.`,
/// starting with a letter or digit, 1–128 characters.
pub(crate) fn id_syntax(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("it is empty".into());
    }
    if id.len() > 128 {
        return Err("it is longer than 128 characters".into());
    }
    if let Some(c) = id
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')))
    {
        return Err(if c.is_ascii_uppercase() {
            "uppercase letters are not allowed".into()
        } else if c.is_whitespace() {
            "spaces are not allowed".into()
        } else {
            format!("`{c}` is not allowed")
        });
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("it must start with a letter or digit".into());
    }
    Ok(())
}

/// A valid id close to an invalid one, for the help line.
fn suggest_id(id: &str) -> Option<String> {
    super::to_id(id).filter(|s| s != id)
}

/// Checks `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with real month lengths.
pub(crate) fn check_date(date: &str) -> Result<(), String> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let shape_ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !shape_ok {
        return Err("not in the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".into());
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    let year = num(parts[0]);
    if let Some(m) = parts.get(1) {
        let month = num(m);
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        if let Some(d) = parts.get(2) {
            let day = num(d);
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&day) {
                return Err(format!("month {month} of {year} has no day {day}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(id_syntax("free-choice").is_ok());
        assert!(id_syntax("istanbul-1999.para_8").is_ok());
        assert!(id_syntax("Free").is_err());
        assert!(id_syntax("-a").is_err());
        assert!(id_syntax("a b").is_err());
        assert!(id_syntax("").is_err());
        assert_eq!(suggest_id("Free Choice"), Some("free-choice".into()));
        assert_eq!(suggest_id("Blåbær søvn"), Some("blaabaer-soevn".into()));
    }

    /// A map whose nodes are read in two parts, on two threads, gives the
    /// same model and the same diagnostics, in the same order, as read on
    /// one: on every map and fixture, and on one with problems in both
    /// halves (a duplicate across them, a wrong id, a wrong type, an
    /// unknown key).
    #[test]
    fn two_parts_build_what_one_builds() {
        let mut texts = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("maps"), root.join("tests/fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    texts.push(text);
                }
            }
        }
        let mut map = String::from("title: T\nactors:\n  a: { name: A }\nnodes:\n");
        for i in 0..200 {
            map.push_str(&match i {
                20 | 150 => "  dup:\n    text: Twice.\n".to_string(),
                40 | 160 => format!("  Bad{i}:\n    text: Wrong id.\n"),
                60 | 170 => format!("  n{i}:\n    text: [not, text]\n"),
                80 | 180 => format!("  n{i}:\n    text: X.\n    colour: red\n"),
                _ => format!("  n{i}:\n    text: Claim {i}.\n    held_by: [a]\n"),
            });
        }
        texts.push(map);
        let mut split = 0;
        for text in &texts {
            let source = SourceFile::new("m.yaml", text.clone());
            let summary = |r: Result<Option<Loaded>, ParseError>| match r {
                Ok(Some(l)) => format!("{:?}\n{:?}", l.map, l.diagnostics),
                Ok(None) => "none".to_string(),
                Err(e) => format!("error {} {:?}", e.message, e.span),
            };
            let one = summary(build_split_from(&source, usize::MAX));
            let two = summary(build_split_from(&source, 0));
            assert_eq!(one, two, "{text:.300}");
            split += usize::from(one.contains("DuplicateKey") && one.contains("InvalidId"));
        }
        assert!(split >= 1, "the map with problems in both halves was read");
    }

    #[test]
    fn dates() {
        assert!(check_date("1999").is_ok());
        assert!(check_date("1999-11").is_ok());
        assert!(check_date("1999-11-19").is_ok());
        assert!(check_date("2000-02-29").is_ok());
        assert!(check_date("1900-02-29").is_err());
        assert!(check_date("1999-13").is_err());
        assert!(check_date("19.11.1999").is_err());
        assert!(check_date("1999-1-1").is_err());
    }
}
