//! Argdown, the Markdown-like syntax for argument maps: import into a
//! [`Draft`] and export of a checked [`Map`].
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

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::{Draft, DraftNode, DraftRelation, Ids, ImportError, Loss};
use crate::model::{Map, NodeKind, RelationKind};

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
    let lines = strip_comments(&body)?;
    for block in blocks(&lines) {
        reader.block(&block)?;
    }
    let mut draft = reader.build()?;
    if draft.title.is_empty() {
        title.clone_into(&mut draft.title);
    }
    Ok(draft)
}

// ---------------------------------------------------------------------
// Front matter, comments and blocks

/// One line of the document after comments are removed.
#[derive(Clone, Debug)]
struct Line {
    /// 1-based line number.
    no: usize,
    /// Columns of leading whitespace (a tab counts as 4).
    indent: usize,
    /// The text without its indentation and trailing whitespace.
    text: String,
}

impl Reader {
    /// Reads the front matter, if any, and returns the document with its
    /// lines blanked (so that line numbers stay right).
    fn front_matter(&mut self, text: &str) -> Result<String, ImportError> {
        let lines: Vec<&str> = text.lines().collect();
        let Some(start) = lines.iter().position(|l| !l.trim().is_empty()) else {
            return Err(ImportError::whole("the document is empty"));
        };
        if !lines[start].trim_start().starts_with("===") {
            return Ok(text.to_string());
        }
        let Some(len) = lines[start + 1..]
            .iter()
            .position(|l| l.trim_start().starts_with("==="))
        else {
            return Err(ImportError::at(
                start + 1,
                "the front matter (`===`) is not closed by another `===` line",
            ));
        };
        let end = start + 1 + len;
        let mut kept = Vec::new();
        let mut i = start + 1;
        while i < end {
            let line = lines[i];
            let Some((key, value)) = top_key(line) else {
                i += 1;
                continue;
            };
            let mut value = value.trim().to_string();
            let mut j = i + 1;
            while j < end && !lines[j].trim().is_empty() && lines[j].starts_with([' ', '\t']) {
                if matches!(key, "title" | "subTitle") {
                    value.push(' ');
                    value.push_str(lines[j].trim());
                } else if key == "model" && lines[j].trim() == "mode: strict" {
                    self.strict = true;
                }
                j += 1;
            }
            match key {
                "title" => self.title = Some(yaml_scalar(&value)),
                "subTitle" => self.summary = Some(yaml_scalar(&value)),
                "model" if self.strict => {}
                _ => kept.push(key.to_string()),
            }
            i = j;
        }
        if !kept.is_empty() {
            self.losses.push(Loss {
                line: Some(start + 1),
                message: format!("front matter settings are not kept: {}", kept.join(", ")),
            });
        }
        let mut out = String::new();
        for (k, line) in lines.iter().enumerate() {
            if k > end {
                out.push_str(line);
            }
            out.push('\n');
        }
        Ok(out)
    }
}

/// `key: value` at the start of a front matter line.
fn top_key(line: &str) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && !key.contains(' ')).then_some((key, value))
}

/// A YAML scalar as text: quotes removed, a trailing comment dropped.
fn yaml_scalar(value: &str) -> String {
    let value = value.trim();
    if value.starts_with('"')
        && let Ok(s) = serde_json::from_str::<String>(value)
    {
        return s;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    let value = value.split(" #").next().unwrap_or(value);
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document's lines with comments removed. A line that held only a
/// comment is `None`: it neither belongs to a block nor separates blocks.
fn strip_comments(text: &str) -> Result<Vec<Option<Line>>, ImportError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Option<Line>> = Vec::new();
    let mut current = String::new();
    let mut had_comment = false;
    let mut line_no = 1;
    let mut i = 0;
    let mut push_line = |current: &mut String, had_comment: bool, no: usize| {
        let raw = std::mem::take(current);
        let trimmed = raw.trim_end();
        if trimmed.trim_start().is_empty() {
            out.push(if had_comment {
                None
            } else {
                Some(Line {
                    no,
                    indent: 0,
                    text: String::new(),
                })
            });
        } else {
            let body = trimmed.trim_start();
            let indent = trimmed[..trimmed.len() - body.len()]
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            out.push(Some(Line {
                no,
                indent,
                text: body.to_string(),
            }));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let rest = |s: &str| {
            chars[i..]
                .iter()
                .take(s.chars().count())
                .copied()
                .eq(s.chars())
        };
        if c == '\\' && i + 1 < chars.len() && chars[i + 1] != '\n' {
            current.push(c);
            current.push(chars[i + 1]);
            i += 2;
        } else if c == '[' {
            let len = link_len(&chars[i..]);
            current.extend(&chars[i..i + len.max(1)]);
            i += len.max(1);
        } else if rest("//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            had_comment = true;
        } else if rest("/*") || rest("<!--") {
            let (close, open_len) = if c == '/' { ("*/", 2) } else { ("-->", 4) };
            let start_line = line_no;
            i += open_len;
            loop {
                if i >= chars.len() {
                    return Err(ImportError::at(
                        start_line,
                        format!("comment not closed by `{close}`"),
                    ));
                }
                if chars[i..]
                    .iter()
                    .take(close.len())
                    .copied()
                    .eq(close.chars())
                {
                    i += close.len();
                    break;
                }
                if chars[i] == '\n' {
                    push_line(&mut current, true, line_no);
                    line_no += 1;
                }
                i += 1;
            }
            current.push(' ');
            had_comment = true;
        } else if c == '\n' {
            push_line(&mut current, had_comment, line_no);
            had_comment = false;
            line_no += 1;
            i += 1;
        } else {
            if c != '\r' {
                current.push(c);
            }
            i += 1;
        }
    }
    push_line(&mut current, had_comment, line_no);
    Ok(out)
}

/// The length of a Markdown link `[text](url)` at the start, or 0.
fn link_len(chars: &[char]) -> usize {
    let Some(close) = chars.iter().position(|&c| c == ']' || c == '\n') else {
        return 0;
    };
    if close < 2 || chars[close] != ']' || chars.get(close + 1) != Some(&'(') {
        return 0;
    }
    match chars[close + 2..]
        .iter()
        .position(|&c| c == ')' || c == '\n' || c == ' ')
    {
        Some(k) if k > 0 && chars[close + 2 + k] == ')' => close + 3 + k,
        _ => 0,
    }
}

/// Runs of non-blank lines. An unindented heading, `[Title]:` or
/// `<Title>:` line (or a title alone) starts a new block even without a
/// blank line before it: Argdown wants one there,
/// but running two elements together would merge them into one text.
fn blocks(lines: &[Option<Line>]) -> Vec<Vec<Line>> {
    let mut blocks = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines.iter().flatten() {
        if line.text.is_empty() {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            continue;
        }
        // (A heading may wrap onto the next lines, so what follows one
        // without a blank line is part of it unless it starts an element.)
        let starts_element = line.indent == 0 && (is_heading(&line.text) || is_titled(&line.text));
        if !block.is_empty() && starts_element {
            blocks.push(std::mem::take(&mut block));
        }
        block.push(line.clone());
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// `# Title`, `## Title`, …: hashes, then a space.
fn is_heading(text: &str) -> bool {
    let rest = text.trim_start_matches('#');
    rest.len() < text.len() && rest.starts_with(' ')
}

/// `[Title]: …`, `<Title>: …`, or a title alone.
fn is_titled(text: &str) -> bool {
    let (open, close) = match text.chars().next() {
        Some('[') => ('[', ']'),
        Some('<') => ('<', '>'),
        _ => return false,
    };
    let inner = &text[open.len_utf8()..];
    let Some(end) = inner.find(close) else {
        return false;
    };
    let rest = inner[end + close.len_utf8()..].trim_start();
    end > 0 && (rest.is_empty() || rest.starts_with(':'))
}

// ---------------------------------------------------------------------
// Elements: statements and arguments as written

/// A relation symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sym {
    /// `+`, `<+`: the child supports the parent.
    SupportIn,
    /// `+>`: the parent supports the child.
    SupportOut,
    /// `-`, `<-`: the child attacks the parent.
    AttackIn,
    /// `->`: the parent attacks the child.
    AttackOut,
    /// `_`, `<_`: the child undercuts the parent.
    UndercutIn,
    /// `_>`: the parent undercuts the child.
    UndercutOut,
    /// `><`: the two contradict each other.
    Contradiction,
}

/// The relation symbol at the start of a line, and the rest of the line.
fn relation_symbol(text: &str) -> Option<(Sym, &str)> {
    const SYMBOLS: [(&str, Sym); 10] = [
        ("+>", Sym::SupportOut),
        ("->", Sym::AttackOut),
        ("<+", Sym::SupportIn),
        ("<-", Sym::AttackIn),
        ("><", Sym::Contradiction),
        ("_>", Sym::UndercutOut),
        ("<_", Sym::UndercutIn),
        ("+", Sym::SupportIn),
        ("-", Sym::AttackIn),
        ("_", Sym::UndercutIn),
    ];
    if text.starts_with("--") || text.starts_with("<!--") {
        return None;
    }
    SYMBOLS.iter().find_map(|&(s, sym)| {
        let rest = text.strip_prefix(s)?;
        if s == "_" && !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        Some((sym, rest.trim_start()))
    })
}

/// A `(n)` statement number at the start of a line, and the rest.
fn statement_number(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('(')?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let rest = rest[digits..].strip_prefix(')')?;
    (digits > 0 && (rest.is_empty() || rest.starts_with([' ', '\t']))).then(|| rest.trim_start())
}

/// A line of hyphens only (an inference marker), with its length.
fn hyphens(text: &str) -> Option<usize> {
    (text.len() >= 2 && text.chars().all(|c| c == '-')).then_some(text.len())
}

/// A statement or argument as written in one place.
#[derive(Clone, Debug, Default)]
struct Element {
    /// `true` for `<…>`.
    argument: bool,
    /// The title, when given.
    title: Option<String>,
    /// The text (a definition), when given.
    text: Option<String>,
    /// Tags.
    tags: Vec<String>,
    /// `{…}` data blocks.
    data: Vec<String>,
}

/// Reads an element from its text (continuation lines joined by spaces).
fn element(raw: &str) -> Element {
    let (raw, data) = take_data(raw);
    let mut el = Element {
        data,
        ..Element::default()
    };
    let chars: Vec<char> = raw.trim().chars().collect();
    let mut rest: &[char] = &chars;
    if let Some(&open) = chars.first().filter(|c| matches!(c, '[' | '<')) {
        let close = if open == '[' { ']' } else { '>' };
        if let Some(end) = find_unescaped(&chars[1..], close).map(|k| k + 1) {
            let title = unescape(&chars[1..end].iter().collect::<String>());
            let link = open == '[' && chars.get(end + 1) == Some(&'(');
            if !link && !title.is_empty() {
                el.argument = open == '<';
                el.title = Some(title);
                rest = &chars[end + 1..];
                if rest.first() == Some(&':') {
                    rest = &rest[1..];
                    el.text = Some(String::new());
                }
            }
        }
    }
    let (text, tags) = take_tags(rest);
    el.tags = tags;
    let text = unescape(&text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if el.title.is_none() || el.text.is_some() || !text.is_empty() {
        el.text = Some(text);
    }
    el
}

/// The first unescaped `c`.
fn find_unescaped(chars: &[char], c: char) -> Option<usize> {
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == c {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Removes `{…}` data blocks (braces balanced, escapes skipped).
fn take_data(raw: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = raw.chars().collect();
    let mut text = String::new();
    let mut data = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                text.extend(chars[i..chars.len().min(i + 2)].iter());
                i += 2;
            }
            '{' => {
                let mut depth = 0;
                let mut j = i;
                while j < chars.len() {
                    match chars[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        break;
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    // Not closed: Argdown reads the brace as text.
                    text.push('{');
                    i += 1;
                    continue;
                }
                let inner: String = chars[i + 1..j].iter().collect();
                data.push(inner.trim().to_string());
                text.push(' ');
                i = j + 1;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    (text, data)
}

/// Finds tags; removes those at the end of the text (the others stay in
/// the text as written). Returns the text, still escaped, and the tags.
fn take_tags(chars: &[char]) -> (String, Vec<String>) {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        let starts = chars[i] == '#' && (i == 0 || chars[i - 1].is_whitespace());
        if starts {
            if chars.get(i + 1) == Some(&'(') {
                if let Some(k) = chars[i + 2..].iter().position(|&c| c == ')') {
                    let tag: String = chars[i + 2..i + 2 + k].iter().collect();
                    spans.push((i, i + 3 + k, tag.trim().to_string()));
                    i += 3 + k;
                    continue;
                }
            } else {
                let len = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                    .count();
                if len > 0 {
                    spans.push((i, i + 1 + len, chars[i + 1..=i + len].iter().collect()));
                    i += 1 + len;
                    continue;
                }
            }
        }
        i += 1;
    }
    let mut end = chars.len();
    for (start, stop, _) in spans.iter().rev() {
        if chars[*stop..end].iter().all(|c| c.is_whitespace()) {
            end = *start;
        } else {
            break;
        }
    }
    let tags = spans
        .into_iter()
        .map(|(_, _, t)| t)
        .filter(|t| !t.is_empty())
        .collect();
    (chars[..end].iter().collect(), tags)
}

/// Reads backslash escapes: `\c` is `c`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------
// The model as read

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

impl Reader {
    fn loss(&mut self, line: usize, message: impl Into<String>) {
        self.losses.push(Loss {
            line: Some(line),
            message: message.into(),
        });
    }

    fn section(&self) -> Option<String> {
        self.headings.last().map(|(_, h)| h.clone())
    }

    fn block(&mut self, block: &[Line]) -> Result<(), ImportError> {
        let first = &block[0];
        let level = first.text.chars().take_while(|&c| c == '#').count();
        if level > 0 && first.text[level..].starts_with([' ', '\t']) {
            self.heading(level, block);
            self.last_argument = None;
            return Ok(());
        }
        if statement_number(&first.text).is_some() {
            let items = items(block, true)?;
            self.pcs(&items)?;
            self.last_argument = None;
            return Ok(());
        }
        let list = list_marker(&first.text).is_some();
        let items = items(block, false)?;
        let mut stack: Vec<(usize, Option<Ref>)> = Vec::new();
        let mut root_argument = None;
        for item in &items {
            let text = if list {
                list_marker(&item.text).unwrap_or(&item.text)
            } else {
                &item.text
            };
            let is_root = item.kind == ItemKind::Root || list && list_marker(&item.text).is_some();
            if is_root {
                let r = self.element(text, item.line);
                root_argument = match r {
                    Some(Ref::Argument(a)) => Some(a),
                    _ => None,
                };
                stack.clear();
                stack.push((item.indent, r));
                continue;
            }
            let ItemKind::Relation(sym) = item.kind else {
                continue;
            };
            let child = self.element(text, item.line);
            while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= item.indent) {
                stack.pop();
            }
            match (stack.last().and_then(|&(_, p)| p), child) {
                (Some(parent), Some(child)) => self.relation(sym, parent, child, item.line),
                (None, _) => self.loss(item.line, "a relation below nothing: not kept"),
                (_, None) => {}
            }
            stack.push((item.indent, child));
        }
        self.last_argument = if list { None } else { root_argument };
        Ok(())
    }

    fn heading(&mut self, level: usize, block: &[Line]) {
        let joined: Vec<&str> = block.iter().map(|l| l.text.as_str()).collect();
        let joined = joined.join(" ");
        let (text, data) = take_data(joined.trim_start_matches('#'));
        let chars: Vec<char> = text.chars().collect();
        let (text, tags) = take_tags(&chars);
        let text = unescape(&text).replace("@[", "[").replace("@<", "<");
        let text = text.replace(['[', ']', '<', '>'], "");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !data.is_empty() || !tags.is_empty() {
            let mut what = Vec::new();
            if !tags.is_empty() {
                what.push(format!("tags {}", tags.join(", ")));
            }
            what.extend(data.iter().map(|d| format!("data {{{d}}}")));
            self.loss(
                block[0].no,
                format!("heading `{text}`: {} not kept", what.join(" and ")),
            );
        }
        self.headings.retain(|(l, _)| *l < level);
        if !text.is_empty() {
            self.headings.push((level, text));
        }
    }

    /// Registers an element; returns what it refers to.
    /// Registers an element; `None` (and a loss) when it has neither a
    /// title nor a text.
    fn element(&mut self, raw: &str, line: usize) -> Option<Ref> {
        let el = element(raw);
        let section = self.section();
        let mut question = false;
        for data in &el.data {
            if data.replace(' ', "") == "kind:question" && !el.argument {
                question = true;
            } else {
                self.loss(line, format!("data {{{data}}} not kept"));
            }
        }
        let text = el.text.filter(|t| !t.is_empty());
        if el.title.is_none() && text.is_none() {
            let what = if el.tags.is_empty() {
                String::new()
            } else {
                format!(" (tags {})", el.tags.join(", "))
            };
            self.loss(
                line,
                format!("no statement here, only markup{what}: not kept"),
            );
            return None;
        }
        if el.argument {
            let title = el.title.unwrap_or_default();
            let a = match self.arg_titles.get(&title) {
                Some(&a) => a,
                None => {
                    self.args.push(Arg {
                        title: Some(title.clone()),
                        line,
                        ..Arg::default()
                    });
                    self.order.push(Seen::Argument(self.args.len() - 1));
                    self.arg_titles.insert(title, self.args.len() - 1);
                    self.args.len() - 1
                }
            };
            let arg = &mut self.args[a];
            if let Some(text) = text {
                if arg.texts.is_empty() {
                    arg.section = section;
                }
                arg.texts.push((text, line));
            } else if arg.section.is_none() {
                arg.section = section;
            }
            for tag in el.tags {
                if !arg.tags.contains(&tag) {
                    arg.tags.push(tag);
                }
            }
            return Some(Ref::Argument(a));
        }
        let c = match el.title.as_ref().and_then(|t| self.class_titles.get(t)) {
            Some(&c) => c,
            None => {
                self.classes.push(Class {
                    title: el.title.clone(),
                    line,
                    ..Class::default()
                });
                let c = self.classes.len() - 1;
                self.order.push(Seen::Statement(c));
                if let Some(title) = el.title {
                    self.class_titles.insert(title, c);
                }
                c
            }
        };
        let class = &mut self.classes[c];
        if let Some(text) = text {
            if class.texts.is_empty() {
                class.section = section;
            }
            class.texts.push((text, line));
        } else if class.section.is_none() {
            class.section = section;
        }
        class.question |= question;
        for tag in el.tags {
            if !class.tags.contains(&tag) {
                class.tags.push(tag);
            }
        }
        Some(Ref::Statement(c))
    }

    fn relation(&mut self, sym: Sym, parent: Ref, child: Ref, line: usize) {
        let (kind, from, to) = match sym {
            Sym::SupportIn => (RelKind::Support, child, parent),
            Sym::SupportOut => (RelKind::Support, parent, child),
            Sym::AttackIn => (RelKind::Attack, child, parent),
            Sym::AttackOut => (RelKind::Attack, parent, child),
            Sym::UndercutIn => (RelKind::Undercut, child, parent),
            Sym::UndercutOut => (RelKind::Undercut, parent, child),
            Sym::Contradiction => (RelKind::Contradiction, parent, child),
        };
        self.rels.push(Rel {
            kind,
            from,
            to,
            line,
        });
    }

    /// A premise–conclusion structure: its statements, inferences and the
    /// relations below them.
    fn pcs(&mut self, items: &[Item]) -> Result<(), ImportError> {
        let line = items[0].line;
        let a = match self.last_argument {
            Some(a) if !self.args[a].steps.is_empty() => {
                self.loss(
                    line,
                    "a second premise-conclusion structure for the same argument is not kept",
                );
                return Ok(());
            }
            Some(a) => {
                if self.args[a].texts.is_empty() {
                    self.args[a].section = self.section();
                }
                a
            }
            None => {
                self.args.push(Arg {
                    title: None,
                    line,
                    section: self.section(),
                    ..Arg::default()
                });
                self.order.push(Seen::Argument(self.args.len() - 1));
                self.args.len() - 1
            }
        };
        let mut steps: Vec<Step> = Vec::new();
        let mut premises: Vec<usize> = Vec::new();
        let mut rules: Option<(Option<String>, usize)> = None;
        let mut stack: Vec<(usize, Option<Ref>)> = Vec::new();
        let mut pending_rels = Vec::new();
        for item in items {
            match item.kind {
                ItemKind::Pcs => {
                    let r = self.element(&item.text, item.line);
                    let Some(Ref::Statement(c)) = r else {
                        return Err(ImportError::at(
                            item.line,
                            "a premise or conclusion must be a statement (with a title or a text), not an argument",
                        ));
                    };
                    if let Some((rule, _)) = rules.take() {
                        if premises.is_empty() {
                            return Err(ImportError::at(
                                item.line,
                                "an inference with no premises above it",
                            ));
                        }
                        if premises.contains(&c) {
                            return Err(ImportError::at(
                                item.line,
                                "a conclusion that is also one of its own premises",
                            ));
                        }
                        steps.push(Step {
                            premises: std::mem::take(&mut premises),
                            conclusion: c,
                            rules: rule,
                            line: item.line,
                        });
                    }
                    if !premises.contains(&c) {
                        premises.push(c);
                    }
                    stack.clear();
                    stack.push((item.indent, r));
                }
                ItemKind::Inference(_) => {
                    if rules.is_some() {
                        return Err(ImportError::at(
                            item.line,
                            "two inferences with no statement between them",
                        ));
                    }
                    let (text, data) = take_data(&item.text);
                    for d in data {
                        self.loss(item.line, format!("inference data {{{d}}} not kept"));
                    }
                    let text = unescape(&text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    rules = Some(((!text.is_empty()).then_some(text), item.line));
                    stack.clear();
                    stack.push((item.indent, Some(Ref::Step(a, steps.len()))));
                }
                ItemKind::Relation(sym) => {
                    let child = self.element(&item.text, item.line);
                    while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= item.indent) {
                        stack.pop();
                    }
                    match (stack.last().and_then(|&(_, p)| p), child) {
                        (Some(parent), Some(child)) => {
                            pending_rels.push((sym, parent, child, item.line));
                        }
                        (None, _) => self.loss(item.line, "a relation below nothing: not kept"),
                        (_, None) => {}
                    }
                    stack.push((item.indent, child));
                }
                ItemKind::Root => {}
            }
        }
        if let Some((_, at)) = rules {
            return Err(ImportError::at(
                at,
                "an inference with no conclusion below it",
            ));
        }
        if steps.is_empty() {
            let Some(conclusion) = premises.pop() else {
                return Err(ImportError::at(
                    line,
                    "an empty premise-conclusion structure",
                ));
            };
            if premises.is_empty() {
                return Err(ImportError::at(
                    line,
                    "a premise-conclusion structure needs at least two statements",
                ));
            }
            self.loss(
                line,
                "a premise-conclusion structure without an inference line: its last statement is taken as the conclusion",
            );
            steps.push(Step {
                premises,
                conclusion,
                rules: None,
                line,
            });
        } else if premises.len() > 1 {
            let last = items
                .iter()
                .rev()
                .find(|i| i.kind == ItemKind::Pcs)
                .map_or(line, |i| i.line);
            return Err(ImportError::at(
                last,
                "a premise-conclusion structure must end with a conclusion (an inference line before the last statement)",
            ));
        }
        self.args[a].steps = steps;
        for (sym, parent, child, line) in pending_rels {
            self.relation(sym, parent, child, line);
        }
        Ok(())
    }
}

/// A `* ` or `1. ` list marker: the rest of the line.
fn list_marker(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix("* ") {
        return Some(rest.trim_start());
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| rest.trim_start())
}

/// Splits a block into items with their continuation lines joined.
fn items(block: &[Line], pcs: bool) -> Result<Vec<Item>, ImportError> {
    let mut items: Vec<Item> = Vec::new();
    let mut expanded = false;
    for (k, line) in block.iter().enumerate() {
        let text = line.text.as_str();
        if pcs && expanded {
            if hyphens(text).is_some() {
                expanded = false;
            } else if let Some(last) = items.last_mut() {
                last.text.push(' ');
                last.text.push_str(text);
            }
            continue;
        }
        let new = |kind, text: &str| Item {
            kind,
            indent: line.indent,
            line: line.no,
            text: text.to_string(),
        };
        if k == 0 && !pcs {
            items.push(new(ItemKind::Root, text));
        } else if let Some(rest) = pcs.then(|| statement_number(text)).flatten() {
            items.push(new(ItemKind::Pcs, rest));
        } else if pcs && hyphens(text).is_some() {
            let next = block.get(k + 1).map(|l| l.text.as_str());
            let collapsed =
                next.is_none_or(|n| statement_number(n).is_some() || relation_symbol(n).is_some());
            expanded = !collapsed;
            items.push(new(ItemKind::Inference(expanded), ""));
        } else if pcs && text.starts_with("--") && text.ends_with("--") && text.len() > 4 {
            let inner = text.trim_matches('-').trim();
            items.push(new(ItemKind::Inference(false), inner));
        } else if let Some((sym, rest)) = relation_symbol(text) {
            items.push(new(ItemKind::Relation(sym), rest));
        } else if !pcs
            && list_marker(block[0].text.as_str()).is_some()
            && list_marker(text).is_some()
        {
            items.push(new(ItemKind::Root, text));
        } else if let Some(last) = items.last_mut() {
            last.text.push(' ');
            last.text.push_str(text);
        } else {
            return Err(ImportError::at(line.no, "text before the first statement"));
        }
    }
    if expanded {
        let at = items.last().map_or(block[0].no, |i| i.line);
        return Err(ImportError::at(
            at,
            "an inference (`--`) not closed by another `--` line",
        ));
    }
    Ok(items)
}

// ---------------------------------------------------------------------
// From the model to a draft map

/// The draft node of each statement, argument and step.
#[derive(Default)]
struct Nodes {
    statement: HashMap<usize, usize>,
    argument: HashMap<usize, usize>,
    step: HashMap<(usize, usize), usize>,
}

impl Reader {
    fn build(mut self) -> Result<Draft, ImportError> {
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
                        shorten(text)
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
            return Err(ImportError::whole(
                "no statements or arguments: the document holds prose only",
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
        let mut support = SupportGraph::new(draft);
        if let Some(line) = support.cycle_line(draft, &self.args, nodes) {
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
            if kind == RelationKind::Supports {
                if support.reaches(to, from) {
                    self.loss(
                        rel.line,
                        format!("{what}: this support would close a circle; not kept"),
                    );
                    continue;
                }
                support.add(from, to);
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

/// Support edges (supports, premise → argument → conclusion) by node index.
struct SupportGraph {
    edges: Vec<Vec<usize>>,
}

impl SupportGraph {
    fn new(draft: &Draft) -> Self {
        SupportGraph {
            edges: vec![Vec::new(); draft.nodes.len()],
        }
    }

    fn add(&mut self, from: usize, to: usize) {
        self.edges[from].push(to);
    }

    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.edges.len()];
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(self.edges[n].iter().copied());
            }
        }
        false
    }

    /// Adds the arguments' edges; the line of a structure that closes a
    /// circle, if one does.
    fn cycle_line(&mut self, draft: &Draft, args: &[Arg], nodes: &Nodes) -> Option<usize> {
        let index: HashMap<&str, usize> = draft
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        for (a, arg) in args.iter().enumerate() {
            for (k, step) in arg.steps.iter().enumerate() {
                let &node = nodes.step.get(&(a, k))?;
                let d = &draft.nodes[node];
                let conclusion = d.conclusion.as_deref().and_then(|c| index.get(c).copied());
                let premises: Vec<usize> = d
                    .premises
                    .iter()
                    .filter_map(|p| index.get(p.as_str()).copied())
                    .collect();
                if let Some(c) = conclusion {
                    if premises.iter().any(|&p| self.reaches(c, p)) {
                        return Some(step.line);
                    }
                    self.add(node, c);
                }
                for p in premises {
                    self.add(p, node);
                }
            }
        }
        None
    }
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

fn shorten(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_string()
    } else {
        let cut: String = text.chars().take(57).collect();
        format!("{}...", cut.trim_end())
    }
}

// ---------------------------------------------------------------------
// Export

/// Writes a checked map as Argdown.
///
/// Every node gets a unique title (its label, else its id); the importer
/// reads the result back to the same nodes, texts and relations.
pub fn export(map: &Map) -> String {
    let mut titles: HashMap<&str, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    for (id, node) in &map.nodes {
        let base = node
            .label
            .as_ref()
            .map_or(id.as_str(), |l| l.value.as_str());
        let mut title = clean_title(base);
        if title.is_empty() || used.contains(&title) {
            title = clean_title(&format!("{title} ({id})"));
        }
        let mut k = 2;
        let base = title.clone();
        while used.contains(&title) {
            title = format!("{base} {k}");
            k += 1;
        }
        used.insert(title.clone());
        titles.insert(id.as_str(), title);
    }
    let reference = |id: &str| -> String {
        let title = titles.get(id).cloned().unwrap_or_else(|| clean_title(id));
        match map.nodes.get(id).map(|n| n.kind) {
            Some(NodeKind::Argument) => format!("<{title}>"),
            _ => format!("[{title}]"),
        }
    };
    // Named relations: id → source node id.
    let mut named: HashMap<&str, &str> = HashMap::new();
    for (id, node) in &map.nodes {
        for r in &node.relations {
            if let Some(rid) = &r.id {
                named.insert(rid.value.as_str(), id.as_str());
            }
        }
    }
    let mut s = String::new();
    let title = map.title.as_ref().map_or("", |t| t.value.as_str());
    let _ = writeln!(s, "===");
    let _ = writeln!(s, "title: {}", super::yaml_quote(title));
    if let Some(summary) = &map.summary {
        let _ = writeln!(s, "subTitle: {}", super::yaml_quote(&summary.value));
    }
    let _ = writeln!(s, "===");
    for (id, node) in &map.nodes {
        let _ = writeln!(s);
        let mut head = reference(id);
        head.push_str(": ");
        head.push_str(&escape(&node.text.value));
        for tag in &node.tags {
            let tag = tag.value.replace(['(', ')'], " ");
            let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            if !tag.is_empty() {
                let _ = write!(head, " #({tag})");
            }
        }
        if node.kind == NodeKind::Question {
            head.push_str(" {kind: question}");
        }
        let _ = writeln!(s, "{head}");
        for r in &node.relations {
            let target = r.target.value.as_str();
            let (symbol, shown) = match r.kind {
                RelationKind::Supports | RelationKind::Answers => ("+>", reference(target)),
                RelationKind::Attacks => ("->", reference(target)),
                RelationKind::Contradicts => ("><", reference(target)),
                RelationKind::Undercuts => match named.get(target) {
                    Some(source) => ("_>", reference(source)),
                    None => ("_>", reference(target)),
                },
            };
            let _ = write!(s, "  {symbol} {shown}");
            let mut comments = Vec::new();
            if let Some(source) = (r.kind == RelationKind::Undercuts)
                .then(|| named.get(target))
                .flatten()
            {
                comments.push(format!(
                    "undercuts the relation `{target}` of {}",
                    reference(source)
                ));
            }
            if r.kind == RelationKind::Answers {
                comments.push("answers".to_string());
            }
            if let Some(label) = &r.label {
                comments.push(format!("label: {}", one_line(&label.value)));
            }
            if !r.evidence.is_empty() {
                comments.push(format!("evidence: {}", evidence(&r.evidence)));
            }
            if comments.is_empty() {
                let _ = writeln!(s);
            } else {
                let _ = writeln!(s, " // {}", comments.join("; "));
            }
        }
        let mut extras = Vec::new();
        if !node.held_by.is_empty() {
            extras.push(format!("held by: {}", names(&node.held_by)));
        }
        if !node.rejected_by.is_empty() {
            extras.push(format!("rejected by: {}", names(&node.rejected_by)));
        }
        if !node.evidence.is_empty() {
            extras.push(format!("evidence: {}", evidence(&node.evidence)));
        }
        if let Some(note) = &node.note {
            extras.push(format!("note: {}", one_line(&note.value)));
        }
        for extra in extras {
            let _ = writeln!(s, "  // {extra}");
        }
        if node.kind == NodeKind::Argument {
            let _ = writeln!(s);
            let mut k = 1;
            for p in &node.premises {
                let _ = writeln!(s, "({k}) {}", reference(&p.value));
                k += 1;
            }
            let _ = writeln!(s, "----");
            if let Some(c) = &node.conclusion {
                let _ = writeln!(s, "({k}) {}", reference(&c.value));
            }
        }
    }
    s
}

/// A title Argdown reads back as written: one line, no brackets.
fn clean_title(title: &str) -> String {
    let title = title
        .replace(['[', '<', '{'], "(")
        .replace([']', '>', '}'], ")");
    let title = title.replace(['\\', '#'], " ").replace('/', "-");
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    title.trim_start_matches(['-', '@']).trim().to_string()
}

/// Text with Argdown's special characters escaped, on one line.
fn escape(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = one_line(text).chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let special = matches!(
            c,
            '\\' | '#' | '[' | ']' | '<' | '>' | '{' | '}' | '*' | '_' | '@'
        ) || c == '/' && matches!(chars.get(i + 1), Some('/' | '*'))
            || c == '/' && i > 0 && chars[i - 1] == '/';
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn names(refs: &[crate::model::Ref]) -> String {
    refs.iter()
        .map(|r| r.value.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn evidence(evidence: &[crate::model::Evidence]) -> String {
    evidence
        .iter()
        .map(|e| {
            let mut s = e.source.value.clone();
            if let Some(at) = &e.at {
                let _ = write!(s, " {}", one_line(&at.value));
            }
            if let Some(quote) = &e.quote {
                let _ = write!(s, " \"{}\"", one_line(&quote.value));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What [`export`] keeps only as `//` comments, which an import
/// does not read back, and what it leaves out.
pub fn left_out(map: &crate::Map) -> Vec<String> {
    let x = super::Extras::of(map);
    let mut out = Vec::new();
    for (n, one, many) in [
        (
            x.commitments,
            "held_by/rejected_by entry",
            "held_by/rejected_by entries",
        ),
        (x.notes, "note", "notes"),
        (x.evidence, "evidence entry", "evidence entries"),
        (x.relation_labels, "relation label", "relation labels"),
    ] {
        if n > 0 {
            out.push(format!("{} (kept as comments)", super::count(n, one, many)));
        }
    }
    if x.sources > 0 {
        out.push(super::count(
            x.sources,
            "source's details",
            "sources' details",
        ));
    }
    if x.relation_ids > 0 {
        out.push(super::count(x.relation_ids, "relation id", "relation ids"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_symbols_point_the_right_way() {
        assert_eq!(relation_symbol("+ [A]"), Some((Sym::SupportIn, "[A]")));
        assert_eq!(relation_symbol("<+ [A]"), Some((Sym::SupportIn, "[A]")));
        assert_eq!(relation_symbol("+> [A]"), Some((Sym::SupportOut, "[A]")));
        assert_eq!(relation_symbol("-> <A>"), Some((Sym::AttackOut, "<A>")));
        assert_eq!(relation_symbol("<- <A>"), Some((Sym::AttackIn, "<A>")));
        assert_eq!(relation_symbol("_ <A>"), Some((Sym::UndercutIn, "<A>")));
        assert_eq!(relation_symbol("_> <A>"), Some((Sym::UndercutOut, "<A>")));
        assert_eq!(relation_symbol(">< [A]"), Some((Sym::Contradiction, "[A]")));
        assert_eq!(relation_symbol("----"), None);
        assert_eq!(relation_symbol("_italic_ text"), None);
        assert_eq!(relation_symbol("[A]"), None);
    }

    #[test]
    fn elements_read_titles_texts_tags_and_data() {
        let el = element("[Choice]: Every state #(may) choose. #principle #(para 8) {a: 1}");
        assert!(!el.argument);
        assert_eq!(el.title.as_deref(), Some("Choice"));
        assert_eq!(el.text.as_deref(), Some("Every state #(may) choose."));
        assert_eq!(el.tags, ["may", "principle", "para 8"]);
        assert_eq!(el.data, ["a: 1"]);
        let el = element("<Arg> #tag");
        assert!(el.argument);
        assert_eq!(el.text, None);
        let el = element("[a link](https://example.org) opens the text");
        assert_eq!(el.title, None);
        assert_eq!(
            el.text.as_deref(),
            Some("[a link](https://example.org) opens the text")
        );
        for open in ["a {", "{", "a { b {c}", "[", "<", "#", "#(", "\\"] {
            let _ = element(open);
        }
        assert_eq!(element("a {").text.as_deref(), Some("a {"));
        let el = element("[T]: \\[not a title\\] \\#x");
        assert_eq!(el.text.as_deref(), Some("[not a title] #x"));
    }

    #[test]
    fn comments_go_but_links_and_escapes_stay() {
        let lines =
            strip_comments("a // c\nb [l](http://x.org) /* c\nc */ d\n<!-- x -->\n\\// e").unwrap();
        let texts: Vec<Option<&str>> = lines
            .iter()
            .map(|l| l.as_ref().map(|l| l.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                Some("a"),
                Some("b [l](http://x.org)"),
                Some("d"),
                None,
                Some("\\// e")
            ]
        );
        assert!(strip_comments("a /* open").is_err());
    }

    #[test]
    fn statement_numbers_and_inference_lines() {
        assert_eq!(statement_number("(12) text"), Some("text"));
        assert_eq!(statement_number("(a) text"), None);
        assert_eq!(statement_number("(1)text"), None);
        assert_eq!(hyphens("----"), Some(4));
        assert_eq!(hyphens("-"), None);
    }

    #[test]
    fn escape_and_unescape_are_inverse() {
        for text in ["a #b [c] <d> {e} *f* _g_ @h \\ // /* x/y", "plain"] {
            assert_eq!(unescape(&escape(text)), text);
        }
    }
}
