//! Argdown, the Markdown-like syntax for argument maps: import into a
//! [`Draft`] and export of a checked [`Map`](crate::Map).
//!
//! What the importer reads, and how it maps it (see
//! `docs/interchange-argdown.md` for the full list and the reasons):
//!
//! - a front matter block (`===` … `===`): its `title` becomes the map's
//!   title (else the `title` argument is used; headings never give the
//!   title), `subTitle` the summary, `model: mode: strict` switches to the
//!   strict reading of statement relations; every other key is a [`Loss`];
//! - statements `[Title]: text`, references `[Title]` and untitled
//!   statements: one claim per equivalence class (title), labelled with the
//!   title. A second, different wording of a class goes into the note. An
//!   untitled top-level statement that takes part in no relation and no
//!   premise–conclusion structure is prose and left out (a loss each);
//! - arguments `<Title>: text` with a premise–conclusion structure
//!   (`(1)` … `----` or `--` rule `--` … `(n)`) become `argument` nodes; an
//!   intermediate conclusion splits the structure into chained arguments,
//!   one per inference step (`<Title> (step k)`), each step's conclusion a
//!   premise of the next. An argument without a structure cannot be an
//!   argmap argument (`E203`), so it becomes a claim tagged `argument`;
//! - relations in trees and in the explicit form (`+ - _ <+ <- <_` point
//!   from the child to its parent, `+> -> _>` from the parent to the child,
//!   `><` is a contradiction) become `supports`, `attacks`, `undercuts` and
//!   `contradicts`, within argmap's rules: an undercut of a claim (a
//!   sketched argument) undercuts that claim's outgoing relations, which
//!   are given ids; a support of an argument goes to its premise when it
//!   has one; whatever cannot be kept is a loss with its line;
//! - tags `#tag` and `#(a tag)`; the innermost heading above a node is its
//!   first tag (argmap has no groups; `--group-by tag` clusters by it);
//! - comments (`//`, `/* */`, `<!-- -->`) are skipped; backslash escapes
//!   are read; bold, italic, links and mentions are kept as written text;
//!   YAML data `{…}` is a loss, except `{kind: question}`, which the
//!   exporter writes for questions.
//!
//! The exporter writes every node with a unique title (its label, else its
//! id), claims as `[Title]: text`, arguments as `<Title>: text` followed by
//! their premise–conclusion structure of `[Title]` references, relations as
//! `+>`, `->`, `_>` and `><` lines under their source, tags as `#(tag)`,
//! and what Argdown has no place for (notes, actors, evidence, edge labels)
//! as `//` comments.
//!
//! The import runs in four steps, one file each: `blocks` strips the front
//! matter and comments and cuts the document into blocks of lines,
//! `element` reads one statement or argument as written, `read` builds
//! the model as read (equivalence classes, arguments, relations), and
//! `draft` turns that model into a [`Draft`] within argmap's rules.
//! `export` writes a checked map.

use std::collections::HashMap;

use super::{Draft, ImportError, Loss};
use element::Sym;

mod blocks;
mod draft;
mod element;
mod export;
mod read;

pub use export::{export, left_out};

/// Reads an Argdown document into a draft map.
///
/// The map's title is the front matter's `title:` when there is one, else
/// `title`. Anything the map cannot hold is listed in [`Draft::losses`]
/// with its line; input that is not Argdown (an unclosed front matter,
/// comment or data block, a broken premise–conclusion structure, a
/// document without statements) is an [`ImportError`].
pub fn import(text: &str, title: &str) -> Result<Draft, ImportError> {
    let mut reader = Reader::default();
    let body = reader.front_matter(text)?;
    let lines = blocks::strip_comments(&body)?;
    for block in blocks::blocks(&lines) {
        reader.block(&block)?;
    }
    let mut draft = reader.build()?;
    if draft.title.is_empty() {
        title.clone_into(&mut draft.title);
    }
    Ok(draft)
}

// The model as read, shared by the steps of the import.

/// Something a relation can start or end at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Ref {
    /// An equivalence class (statement).
    Statement(usize),
    /// An argument (its last inference step when reconstructed).
    Argument(usize),
    /// One inference step of a reconstructed argument.
    Step(usize, usize),
}

/// The argmap relation kinds an Argdown relation reads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RelKind {
    Support,
    Attack,
    Undercut,
    Contradiction,
}

#[derive(Clone, Debug)]
struct Rel {
    kind: RelKind,
    from: Ref,
    to: Ref,
    line: usize,
}

#[derive(Clone, Debug, Default)]
struct Class {
    title: Option<String>,
    texts: Vec<(String, usize)>,
    tags: Vec<String>,
    section: Option<String>,
    line: usize,
    question: bool,
}

#[derive(Clone, Debug, Default)]
struct Arg {
    title: Option<String>,
    texts: Vec<(String, usize)>,
    tags: Vec<String>,
    section: Option<String>,
    line: usize,
    steps: Vec<Step>,
}

#[derive(Clone, Debug)]
struct Step {
    premises: Vec<usize>,
    conclusion: usize,
    rules: Option<String>,
    line: usize,
}

/// Nodes in the order they first appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Statement(usize),
    Argument(usize),
}

#[derive(Debug, Default)]
struct Reader {
    title: Option<String>,
    summary: Option<String>,
    strict: bool,
    losses: Vec<Loss>,
    classes: Vec<Class>,
    class_titles: HashMap<String, usize>,
    args: Vec<Arg>,
    arg_titles: HashMap<String, usize>,
    order: Vec<Seen>,
    rels: Vec<Rel>,
    /// Headings above the current block, by level.
    headings: Vec<(usize, String)>,
    /// The argument the previous top-level block named (for a following
    /// premise–conclusion structure).
    last_argument: Option<usize>,
}

/// One item of a block: its root, a relation child, a pcs statement or an
/// inference.
#[derive(Clone, Debug)]
struct Item {
    kind: ItemKind,
    indent: usize,
    line: usize,
    text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemKind {
    Root,
    Relation(Sym),
    Pcs,
    /// A collapsed (`false`) or expanded (`true`) inference.
    Inference(bool),
}
