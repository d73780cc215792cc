//! Editor features on one map, by byte offset: what `argmap lsp` serves.
//!
//! An [`Analysis`] is one check of one map text (the same [`check()`] as
//! `argmap check`, so the same diagnostics) with an index of every id in
//! it: where each node, actor, source and named relation is defined and
//! where it is referred to. On it rest go-to-definition, find-references,
//! rename, hover, document symbols, folding and quick fixes. Completion
//! ([`complete`]) reads the text around the cursor itself, so that it works
//! on a half-typed line the loader cannot read, taking the ids from the
//! last analysis that had a map.
//!
//! Positions are byte offsets into the map text; turning them into an
//! editor's lines and UTF-16 columns is the server's job.

mod complete;
mod outline;

use std::fmt::Write as _;
use std::path::PathBuf;

pub use complete::{Completion, CompletionKind, complete};
pub use outline::{Symbol, SymbolKind, folding, symbols};

use crate::check::{CheckOptions, Checked, check};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Evidence, Map, RelationKind};
use crate::semantics::{Evaluation, Semantics, Status, Support};
use crate::source::{SourceFile, Span};

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    /// A claim, argument or question.
    Node,
    /// An actor under `actors:`.
    Actor,
    /// A source under `sources:`.
    Source,
    /// A relation given an `id:`, which `undercuts` can target.
    Relation,
}

impl IdKind {
    /// The word for it in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Node => "node",
            IdKind::Actor => "actor",
            IdKind::Source => "source",
            IdKind::Relation => "relation",
        }
    }
}

/// One place an id is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// What it names.
    pub kind: IdKind,
    /// The id.
    pub id: String,
    /// Where it is written (quotes included, if it is quoted).
    pub span: Span,
    /// Whether this is where it is defined.
    pub definition: bool,
}

/// Where go-to-definition leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A place in the map itself.
    Here(Span),
    /// A line (0-based) of another file: the source file that holds a
    /// quote.
    File {
        /// The file, as the map's `file:` names it, joined to the map's
        /// folder.
        path: PathBuf,
        /// The line, from 0.
        line: usize,
    },
}

/// One replacement in the map text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What is replaced (empty to insert).
    pub span: Span,
    /// The new text.
    pub text: String,
}

/// A quick fix: a title and the edits that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// What it does, as the editor's menu shows it.
    pub title: String,
    /// The edits, in text order, none overlapping.
    pub edits: Vec<Edit>,
    /// The index of the diagnostic it fixes, in [`Analysis::diagnostics`].
    pub fixes: usize,
    /// Whether it is the obvious fix (a did-you-mean).
    pub preferred: bool,
}

/// Hover text: Markdown, and the span it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// What the hover is about.
    pub span: Span,
    /// The text, in Markdown.
    pub markdown: String,
}

/// A quote written in the map, and the source it cites.
#[derive(Clone, Debug)]
struct Quote {
    span: Span,
    source: String,
    text: String,
}

/// One check of one map text, indexed for editor requests.
#[derive(Debug)]
pub struct Analysis {
    source: SourceFile,
    checked: Checked,
    options: CheckOptions,
    /// Every id written, sorted by position.
    occurrences: Vec<Occurrence>,
    /// Every quote, sorted by position.
    quotes: Vec<Quote>,
}

impl Analysis {
    /// Checks a map text and indexes its ids.
    pub fn new(source: SourceFile, options: &CheckOptions) -> Analysis {
        let checked = check(&source, options);
        let (occurrences, quotes) = checked.map().map(index).unwrap_or_default();
        Analysis {
            source,
            checked,
            options: options.clone(),
            occurrences,
            quotes,
        }
    }

    /// The map text.
    pub fn source(&self) -> &SourceFile {
        &self.source
    }

    /// The check's result.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// Every diagnostic, as `argmap check` reports them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    /// The map, unless the text could not be read as one.
    pub fn map(&self) -> Option<&Map> {
        self.checked.map()
    }

    /// Every id written in the map, in text order.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.occurrences
    }

    /// The id written at an offset (its end included, where a cursor
    /// stands after typing it).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        let i = self
            .occurrences
            .partition_point(|o| (o.span.end as usize) < offset);
        self.occurrences[i..]
            .iter()
            .take_while(|o| o.span.start as usize <= offset)
            .next()
    }

    fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.quotes
            .iter()
            .find(|q| (q.span.start as usize..=q.span.end as usize).contains(&offset))
    }

    /// Where the id at an offset is defined; from a quote, the line of the
    /// source file that holds it.
    pub fn definition(&self, offset: usize) -> Option<Target> {
        if let Some(o) = self.at(offset) {
            return self
                .occurrences
                .iter()
                .find(|d| d.definition && d.kind == o.kind && d.id == o.id)
                .map(|d| Target::Here(d.span));
        }
        let quote = self.quote_at(offset)?;
        let located = self.locate(quote).ok()?;
        let found = located.found?;
        Some(Target::File {
            path: located.path,
            line: found.line.unwrap_or(0),
        })
    }

    /// Every place the id at an offset is written; with `declaration`,
    /// its definition too.
    pub fn references(&self, offset: usize, declaration: bool) -> Vec<Span> {
        let Some(o) = self.at(offset) else {
            return Vec::new();
        };
        self.occurrences
            .iter()
            .filter(|r| r.kind == o.kind && r.id == o.id && (declaration || !r.definition))
            .map(|r| r.span)
            .collect()
    }

    /// The span of the id at an offset, if it can be renamed.
    pub fn prepare_rename(&self, offset: usize) -> Option<Span> {
        self.at(offset).map(|o| self.inner(o.span))
    }

    /// The edits that rename the id at an offset everywhere in the map.
    ///
    /// # Errors
    /// Why not, phrased for the user: no id there, the new id is not a
    /// valid id, or it is taken.
    pub fn rename(&self, offset: usize, new: &str) -> Result<Vec<Edit>, String> {
        let o = self
            .at(offset)
            .ok_or_else(|| "there is no node, actor, source or relation id here".to_string())?;
        if let Err(why) = crate::load::id_syntax(new) {
            return Err(format!("`{new}` is not a valid id: {why}"));
        }
        if let Some(what) = not_a_string(new) {
            return Err(format!(
                "`{new}` would be read as {what}, not as an id, where it is written unquoted; choose another id"
            ));
        }
        if new == o.id {
            return Ok(Vec::new());
        }
        // Nodes and named relations share one name space: `undercuts`
        // takes either.
        let clash = |kind: IdKind| match kind {
            IdKind::Node | IdKind::Relation => {
                matches!(self.kind_of(new), Some(IdKind::Node | IdKind::Relation))
            }
            other => self
                .occurrences
                .iter()
                .any(|d| d.definition && d.kind == other && d.id == new),
        };
        if clash(o.kind) {
            return Err(format!(
                "`{new}` is already the id of {} in this map",
                match self.kind_of(new) {
                    Some(IdKind::Relation) => "a relation",
                    Some(IdKind::Actor) => "an actor",
                    Some(IdKind::Source) => "a source",
                    _ => "a node",
                }
            ));
        }
        Ok(self.edits_for(o.kind, &o.id, new))
    }

    fn kind_of(&self, id: &str) -> Option<IdKind> {
        let map = self.map()?;
        if map.nodes.contains_key(id) {
            return Some(IdKind::Node);
        }
        self.occurrences
            .iter()
            .find(|d| d.definition && d.id == id)
            .map(|d| d.kind)
    }

    /// Replacing every occurrence of an id.
    fn edits_for(&self, kind: IdKind, old: &str, new: &str) -> Vec<Edit> {
        self.occurrences
            .iter()
            .filter(|r| r.kind == kind && r.id == old)
            .map(|r| Edit {
                span: self.inner(r.span),
                text: new.to_string(),
            })
            .collect()
    }

    /// A span without the quotes around it, if it is a quoted scalar.
    fn inner(&self, span: Span) -> Span {
        let text = self.source.slice(span);
        let quoted = text.len() >= 2
            && ((text.starts_with('"') && text.ends_with('"'))
                || (text.starts_with('\'') && text.ends_with('\'')));
        if quoted {
            Span::new(span.start as usize + 1..span.end as usize - 1)
        } else {
            span
        }
    }

    /// Hover text at an offset: for an id, what it names; for a quote,
    /// whether its source holds it and the passage around it; and the
    /// explanation of every diagnostic there.
    pub fn hover(&self, offset: usize) -> Option<Hover> {
        let mut parts = Vec::new();
        let mut span = None;
        if let Some(o) = self.at(offset) {
            span = Some(o.span);
            parts.push(self.describe(o));
        } else if let Some(q) = self.quote_at(offset) {
            span = Some(q.span);
            parts.push(self.describe_quote(q));
        }
        for d in self.diagnostics().iter().filter(|d| {
            let s = self.source.clamp(d.span);
            (s.start as usize..=s.end as usize).contains(&offset)
        }) {
            span.get_or_insert(d.span);
            let rule = d.code.rule();
            parts.push(format!(
                "**{} {}** ({}): {}\n\n{}",
                rule.id,
                rule.name,
                d.severity.as_str(),
                d.message,
                rule.what_it_does()
            ));
        }
        let span = span?;
        Some(Hover {
            span,
            markdown: parts.join("\n\n---\n\n"),
        })
    }

    fn describe(&self, o: &Occurrence) -> String {
        let Some(map) = self.map() else {
            return String::new();
        };
        let mut out = String::new();
        match o.kind {
            IdKind::Node => {
                let Some((index, _, node)) = map.nodes.get_full(o.id.as_str()) else {
                    return format!("unknown node `{}`", o.id);
                };
                let _ = write!(out, "**{}** `{}`", node.kind.as_str(), o.id);
                if let Some(label) = &node.label {
                    let _ = write!(out, " — {}", label.value);
                }
                let _ = write!(out, "\n\n> {}", node.text.value.replace('\n', "\n> "));
                let names = |refs: &[crate::model::Ref]| {
                    refs.iter()
                        .map(|r| match map.actors.get(r.value.as_str()) {
                            Some(a) => format!("{} (`{}`)", a.name.value, r.value),
                            None => format!("`{}`", r.value),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                if !node.held_by.is_empty() {
                    let _ = write!(out, "\n\nHeld by: {}", names(&node.held_by));
                }
                if !node.rejected_by.is_empty() {
                    let _ = write!(out, "\n\nRejected by: {}", names(&node.rejected_by));
                }
                let _ = write!(out, "\n\nGrounded: {}", self.grounded(index));
                let evidence: Vec<&Evidence> = node
                    .evidence
                    .iter()
                    .chain(node.relations.iter().flat_map(|r| r.evidence.iter()))
                    .collect();
                let quoted: Vec<&Evidence> = evidence
                    .iter()
                    .copied()
                    .filter(|e| e.quote.is_some())
                    .collect();
                if !quoted.is_empty() {
                    let verified = quoted.iter().filter(|e| self.verified(e)).count();
                    let _ = write!(
                        out,
                        "\n\nQuotes: {verified} of {} verified against their source files",
                        quoted.len()
                    );
                } else if !evidence.is_empty() {
                    let _ = write!(out, "\n\nEvidence: {} (no quote)", evidence.len());
                }
            }
            IdKind::Actor => {
                if let Some(a) = map.actors.get(o.id.as_str()) {
                    let _ = write!(out, "**actor** `{}` — {}", o.id, a.name.value);
                    let held = map
                        .nodes
                        .values()
                        .filter(|n| n.held_by.iter().any(|r| r.value == o.id))
                        .count();
                    let rejected = map
                        .nodes
                        .values()
                        .filter(|n| n.rejected_by.iter().any(|r| r.value == o.id))
                        .count();
                    let _ = write!(
                        out,
                        "\n\nHolds {held} node{}, rejects {rejected}",
                        if held == 1 { "" } else { "s" }
                    );
                    if let Some(note) = &a.note {
                        let _ = write!(out, "\n\n{}", note.value);
                    }
                } else {
                    let _ = write!(out, "unknown actor `{}`", o.id);
                }
            }
            IdKind::Source => {
                if let Some(s) = map.sources.get(o.id.as_str()) {
                    let _ = write!(out, "**source** `{}` — {}", o.id, s.title.value);
                    let by: Vec<&str> = [&s.author, &s.publisher, &s.date]
                        .into_iter()
                        .flatten()
                        .map(|t| t.value.as_str())
                        .collect();
                    if !by.is_empty() {
                        let _ = write!(out, "\n\n{}", by.join(", "));
                    }
                    let cites: Vec<&Quote> =
                        self.quotes.iter().filter(|q| q.source == o.id).collect();
                    match &s.file {
                        Some(file) => {
                            let verified = cites
                                .iter()
                                .filter(|q| !self.has_error_at(q.span, Code::QuoteNotFound))
                                .count();
                            let _ = write!(
                                out,
                                "\n\nFile: `{}`; {verified} of {} quotes found in it",
                                file.value,
                                cites.len()
                            );
                        }
                        None => {
                            let _ = write!(
                                out,
                                "\n\nNo `file:`: its {} quotes are not checked",
                                cites.len()
                            );
                        }
                    }
                } else {
                    let _ = write!(out, "unknown source `{}`", o.id);
                }
            }
            IdKind::Relation => {
                let found = map.nodes.iter().find_map(|(from, n)| {
                    n.relations
                        .iter()
                        .find(|r| r.id.as_ref().is_some_and(|id| id.value == o.id))
                        .map(|r| (from, r))
                });
                if let Some((from, r)) = found {
                    let _ = write!(
                        out,
                        "**relation** `{}`: `{from}` {} `{}`",
                        o.id,
                        r.kind.as_str(),
                        r.target.value
                    );
                    if let Some(label) = &r.label {
                        let _ = write!(out, " — {}", label.value);
                    }
                }
            }
        }
        out
    }

    /// The grounded status of a node, in words, when the map has no errors.
    fn grounded(&self, index: usize) -> String {
        let Some(graph) = self.checked.clean() else {
            return "not evaluated: the map has errors".to_string();
        };
        match Evaluation::new(graph, Semantics::Grounded, Support::default(), 1) {
            Ok(e) => match e.status(index) {
                Status::In => "**in** (accepted)".to_string(),
                Status::Out => "**out** (rejected)".to_string(),
                Status::Undecided => "**undecided**".to_string(),
                Status::InSome { k, n } => format!("in {k} of {n} extensions"),
                Status::NotEvaluated => "not evaluated (a question)".to_string(),
            },
            Err(_) => "not evaluated (timed out)".to_string(),
        }
    }

    fn has_error_at(&self, span: Span, code: Code) -> bool {
        self.diagnostics()
            .iter()
            .any(|d| d.code == code && d.span == span)
    }

    /// Whether a quote was checked against its source's file and found.
    fn verified(&self, e: &Evidence) -> bool {
        let Some(q) = &e.quote else { return false };
        let Some(source) = self
            .map()
            .and_then(|m| m.sources.get(e.source.value.as_str()))
        else {
            return false;
        };
        let Some(file) = &source.file else {
            return false;
        };
        !self.has_error_at(q.span, Code::QuoteNotFound)
            && !self
                .diagnostics()
                .iter()
                .any(|d| d.code == Code::SourceFile && d.span == file.span)
    }

    fn describe_quote(&self, q: &Quote) -> String {
        match self.locate(q) {
            Err(why) => format!("**quote** from `{}`: not checked ({why})", q.source),
            Ok(located) => {
                let file = located.file;
                match located.found {
                    Some(found) => format!(
                        "**quote** from `{}`: found in `{file}`{}\n\n> {}",
                        q.source,
                        found
                            .line
                            .map_or(String::new(), |l| format!(", line {}", l + 1)),
                        found.passage
                    ),
                    None => format!("**quote** from `{}`: **not found** in `{file}`", q.source),
                }
            }
        }
    }

    /// Reads a quote's source file and finds the quote in it.
    fn locate(&self, q: &Quote) -> Result<Located, String> {
        let map = self.map().ok_or("the map cannot be read")?;
        let source = map
            .sources
            .get(q.source.as_str())
            .ok_or_else(|| format!("no source `{}`", q.source))?;
        let file = source
            .file
            .as_ref()
            .ok_or_else(|| format!("source `{}` has no `file:`", q.source))?;
        let (path, text) = crate::check::read_cited(
            self.source.path(),
            &file.value,
            self.options.allow_outside_sources,
        )?;
        // Lines of HTML reduced to text are not the file's lines.
        let html = std::path::Path::new(file.value.as_str())
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let doc = crate::quote::Source::new(&text);
        let found = match doc.find_all(&[q.text.as_str()]).first() {
            Some(crate::quote::Match::Found(f)) => Some(Found {
                line: (!html).then(|| doc.line_of(f.start) - 1),
                passage: passage(&doc.nfc, f.start, f.end),
            }),
            _ => None,
        };
        Ok(Located {
            path,
            file: file.value.to_string(),
            found,
        })
    }

    /// Quick fixes for the diagnostics that touch a span: apply a
    /// did-you-mean, write an invalid id validly (everywhere it is
    /// written), add a missing actor or source under its section.
    pub fn actions(&self, span: Span) -> Vec<Action> {
        let mut out = Vec::new();
        for (i, d) in self.diagnostics().iter().enumerate() {
            let s = self.source.clamp(d.span);
            if s.end < span.start || s.start > span.end {
                continue;
            }
            if let Some(new) = &d.replacement
                && not_a_string(new).is_none()
                && !(d.code == Code::InvalidId && self.kind_of(new).is_some())
            {
                let old = self.source.slice(d.span);
                let edits = match self.occurrences.iter().find(|o| o.span == d.span) {
                    Some(o) if d.code == Code::InvalidId => self.edits_for(o.kind, &o.id, new),
                    _ => vec![Edit {
                        span: self.inner(d.span),
                        text: new.clone(),
                    }],
                };
                let n = edits.len();
                out.push(Action {
                    title: if n > 1 {
                        format!("Write `{old}` as `{new}` ({n} places)")
                    } else {
                        format!("Replace `{old}` with `{new}`")
                    },
                    edits,
                    fixes: i,
                    preferred: true,
                });
            }
            if d.code == Code::UnknownReference {
                for (what, section) in [("actor", "actors"), ("source", "sources")] {
                    let prefix = format!("unknown {what} `");
                    let Some(id) = d
                        .message
                        .strip_prefix(&prefix)
                        .and_then(|r| r.strip_suffix('`'))
                    else {
                        continue;
                    };
                    if crate::load::id_syntax(id).is_err() {
                        continue;
                    }
                    let title = format!("Add {what} `{id}` under `{section}:`");
                    if out.iter().any(|a: &Action| a.title == title) {
                        continue;
                    }
                    if let Some(edit) = outline::add_entry(&self.source, section, id, what) {
                        out.push(Action {
                            title,
                            edits: vec![edit],
                            fixes: i,
                            preferred: d.replacement.is_none(),
                        });
                    }
                }
            }
        }
        out
    }
}

/// What YAML reads an id as when it is written unquoted, if that is not
/// the id itself (`true` is a boolean, `1e3` a number); an integer in its
/// plain decimal form reads back as itself.
fn not_a_string(id: &str) -> Option<&'static str> {
    use crate::load::yaml::{Value, plain_scalar};
    match plain_scalar(id) {
        Value::Str(_) => None,
        Value::Int(n) if n.to_string() == id => None,
        Value::Null => Some("null"),
        Value::Bool => Some("a boolean"),
        _ => Some("a number"),
    }
}

/// Most characters of context shown on each side of a found quote.
const CONTEXT_CHARS: usize = 160;

/// A found quote in its line, as Markdown: the quote in bold, with up to
/// [`CONTEXT_CHARS`] of its line on each side.
fn passage(text: &str, start: usize, end: usize) -> String {
    let matched = &text[start..end];
    let start = start + (matched.len() - matched.trim_start().len());
    let end = start + matched.trim().len();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: Vec<char> = text[line_start..start].chars().collect();
    let after: Vec<char> = text[end..line_end].chars().collect();
    let mut out = String::new();
    if before.len() > CONTEXT_CHARS {
        out.push('…');
    }
    let skip = before.len().saturating_sub(CONTEXT_CHARS);
    out.push_str(&crate::text::escape_markdown(
        &before[skip..].iter().collect::<String>(),
    ));
    out.push_str("**");
    out.push_str(&crate::text::escape_markdown(
        &text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    ));
    out.push_str("**");
    out.push_str(&crate::text::escape_markdown(
        &after.iter().take(CONTEXT_CHARS).collect::<String>(),
    ));
    if after.len() > CONTEXT_CHARS {
        out.push('…');
    }
    out
}

struct Located {
    path: PathBuf,
    file: String,
    found: Option<Found>,
}

struct Found {
    /// 0-based line of the quote's start (`None` in HTML, whose text has
    /// other lines than the file).
    line: Option<usize>,
    /// The lines around it.
    passage: String,
}

/// Every id and quote of a map, by position.
fn index(map: &Map) -> (Vec<Occurrence>, Vec<Quote>) {
    let mut out = Vec::new();
    let mut quotes = Vec::new();
    let mut push = |kind, id: &str, span: Span, definition| {
        if !id.is_empty() {
            out.push(Occurrence {
                kind,
                id: id.to_string(),
                span,
                definition,
            });
        }
    };
    for actor in map.actors.values() {
        push(IdKind::Actor, &actor.id.value, actor.id.span, true);
    }
    for source in map.sources.values() {
        push(IdKind::Source, &source.id.value, source.id.span, true);
    }
    // Named relations, for `undercuts` targets that are not nodes.
    let named: std::collections::HashSet<&str> = map
        .nodes
        .values()
        .flat_map(|n| n.relations.iter())
        .filter_map(|r| r.id.as_ref().map(|id| id.value.as_str()))
        .collect();
    for node in map.nodes.values() {
        push(IdKind::Node, &node.id.value, node.id.span, true);
        for r in node.held_by.iter().chain(&node.rejected_by) {
            push(IdKind::Actor, &r.value, r.span, false);
        }
        let evidence = node
            .evidence
            .iter()
            .chain(node.relations.iter().flat_map(|r| r.evidence.iter()));
        for e in evidence {
            push(IdKind::Source, &e.source.value, e.source.span, false);
            if let Some(q) = &e.quote {
                quotes.push(Quote {
                    span: q.span,
                    source: e.source.value.to_string(),
                    text: q.value.to_string(),
                });
            }
        }
        for r in &node.relations {
            let target = r.target.value.as_str();
            let kind = if r.kind == RelationKind::Undercuts
                && !map.nodes.contains_key(target)
                && named.contains(target)
            {
                IdKind::Relation
            } else {
                IdKind::Node
            };
            push(kind, target, r.target.span, false);
            if let Some(id) = &r.id {
                push(IdKind::Relation, &id.value, id.span, true);
            }
        }
        for p in node.premises.iter().chain(node.conclusion.as_deref()) {
            push(IdKind::Node, &p.value, p.span, false);
        }
    }
    out.sort_by_key(|o| (o.span.start, o.span.end));
    // A span read twice (an id the loader saw in two roles) is kept once.
    out.dedup_by(|a, b| a.span == b.span);
    quotes.sort_by_key(|q| q.span.start);
    (out, quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "\
title: t
actors:
  nato: NATO
  russia: Russia
nodes:
  choice:
    text: States may choose.
    held_by: [nato]
  expense:
    text: No state at others' expense.
    held_by: russia
    contradicts: choice
  arg:
    kind: argument
    text: So.
    premises: [choice]
    conclusion: door
    supports:
      to: door
      id: arg-door
  door:
    text: The door stays open.
  doubt:
    text: Doubt.
    undercuts: arg-door
";

    fn analysis(text: &str) -> Analysis {
        Analysis::new(SourceFile::new("m.yaml", text), &CheckOptions::default())
    }

    fn at(text: &str, needle: &str, nth: usize) -> usize {
        text.match_indices(needle).nth(nth).unwrap().0 + 1
    }

    #[test]
    fn ids_are_found_defined_and_referenced() {
        let a = analysis(MAP);
        let o = a.at(at(MAP, "choice", 2)).unwrap();
        assert_eq!(
            (o.kind, o.id.as_str(), o.definition),
            (IdKind::Node, "choice", false)
        );
        let Some(Target::Here(def)) = a.definition(at(MAP, "choice", 2)) else {
            panic!()
        };
        assert_eq!(a.source().slice(def), "choice");
        assert_eq!(def.start as usize, at(MAP, "choice", 0) - 1);
        assert_eq!(a.references(at(MAP, "choice", 0), true).len(), 3);
        assert_eq!(a.references(at(MAP, "choice", 0), false).len(), 2);
        // A named relation, targeted by `undercuts`.
        let o = a.at(at(MAP, "arg-door", 1)).unwrap();
        assert_eq!(o.kind, IdKind::Relation);
        assert_eq!(a.references(at(MAP, "arg-door", 1), true).len(), 2);
        // Actors in a flow list and as one id.
        assert_eq!(a.references(at(MAP, "russia", 0), false).len(), 1);
    }

    #[test]
    fn rename_changes_every_occurrence_and_refuses_bad_or_taken_ids() {
        let a = analysis(MAP);
        let edits = a.rename(at(MAP, "choice", 0), "free-choice").unwrap();
        assert_eq!(edits.len(), 3);
        let mut text = MAP.to_string();
        for e in edits.iter().rev() {
            text.replace_range(e.span.range(), &e.text);
        }
        let renamed = analysis(&text);
        assert!(
            renamed
                .diagnostics()
                .iter()
                .all(|d| d.severity != crate::Severity::Error)
        );
        assert!(renamed.map().unwrap().nodes.contains_key("free-choice"));
        assert!(
            a.rename(at(MAP, "choice", 0), "Free Choice")
                .unwrap_err()
                .contains("not a valid id")
        );
        assert!(
            a.rename(at(MAP, "choice", 0), "door")
                .unwrap_err()
                .contains("already")
        );
        assert!(
            a.rename(at(MAP, "choice", 0), "arg-door")
                .unwrap_err()
                .contains("relation")
        );
        assert!(
            a.rename(at(MAP, "nato", 0), "russia")
                .unwrap_err()
                .contains("actor")
        );
        assert!(a.rename(at(MAP, "title", 0), "x").is_err());
    }

    #[test]
    fn hover_names_kind_holders_and_grounded_status() {
        let a = analysis(MAP);
        let h = a.hover(at(MAP, "\n  door:", 0) + 2).unwrap();
        assert!(h.markdown.starts_with("**claim** `door`"), "{}", h.markdown);
        let h = a.hover(at(MAP, "expense", 0)).unwrap();
        assert!(
            h.markdown.contains("Held by: Russia (`russia`)"),
            "{}",
            h.markdown
        );
        assert!(
            h.markdown.contains("Grounded: **undecided**"),
            "{}",
            h.markdown
        );
        let h = a.hover(at(MAP, "nato", 0)).unwrap();
        assert!(
            h.markdown.contains("Holds 1 node, rejects 0"),
            "{}",
            h.markdown
        );
    }

    #[test]
    fn quick_fixes_apply_suggestions_and_add_missing_actors() {
        let text = MAP
            .replace("contradicts: choice", "contradicts: choise")
            .replace("held_by: russia", "held_by: [russia, osce]");
        let a = analysis(&text);
        let actions = a.actions(Span::new(0..text.len()));
        let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
        assert!(
            titles.contains(&"Replace `choise` with `choice`"),
            "{titles:?}"
        );
        assert!(
            titles.contains(&"Add actor `osce` under `actors:`"),
            "{titles:?}"
        );
        let mut fixed = text.clone();
        let mut edits: Vec<&Edit> = actions.iter().flat_map(|a| &a.edits).collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            fixed.replace_range(e.span.range(), &e.text);
        }
        let after = analysis(&fixed);
        assert!(
            after
                .diagnostics()
                .iter()
                .all(|d| d.severity != crate::Severity::Error),
            "{fixed}\n{:?}",
            after.diagnostics()
        );
        assert!(after.map().unwrap().actors.contains_key("osce"));
    }

    #[test]
    fn an_invalid_id_is_rewritten_everywhere() {
        let text = MAP.replace("choice", "Choice");
        let a = analysis(&text);
        let fix = a
            .actions(Span::new(0..text.len()))
            .into_iter()
            .find(|x| x.title.starts_with("Write `Choice` as `choice`"))
            .unwrap();
        assert_eq!(fix.edits.len(), 3);
        // No fix that would clash with an id in use, or give a boolean.
        let text = MAP.replacen(
            "  door:\n",
            "  Choice:\n    text: C.\n  True:\n    text: T.\n  door:\n",
            1,
        );
        let a = analysis(&text);
        let titles: Vec<String> = a
            .actions(Span::new(0..text.len()))
            .into_iter()
            .map(|x| x.title)
            .collect();
        assert!(
            titles
                .iter()
                .all(|t| !t.contains("`Choice`") && !t.contains("`True`")),
            "{titles:?}"
        );
    }
}
