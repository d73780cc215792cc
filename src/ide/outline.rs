//! The shape of a map's text: document symbols, folding ranges, and where
//! a new actor or source goes.
//!
//! Entries are found by indentation, as block YAML writes them: an entry
//! runs from its key to the last line indented deeper. A map in flow style
//! (`nodes: {a: …}`) has symbols but no folding.

use super::{Analysis, Edit};
use crate::model::NodeKind;
use crate::source::{SourceFile, Span};

/// What a document symbol stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    /// `actors:`, `sources:` or `nodes:`.
    Section,
    /// An actor.
    Actor,
    /// A source.
    Source,
    /// A node of this kind.
    Node(NodeKind),
}

/// One entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The id, or the section's key.
    pub name: String,
    /// A short description: the label or text, the actor's name, the
    /// source's title.
    pub detail: String,
    /// What it is.
    pub kind: SymbolKind,
    /// The whole entry.
    pub span: Span,
    /// The id (or key) itself.
    pub selection: Span,
    /// The entries of a section.
    pub children: Vec<Symbol>,
}

/// The lines of a text (from its [`SourceFile`]'s line table): start
/// offsets and indentation.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(source: &'a SourceFile) -> Self {
        let starts = source.line_starts().iter().map(|&s| s as usize).collect();
        Lines {
            text: source.text(),
            starts,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    fn line(&self, i: usize) -> &'a str {
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }

    /// Indentation of a line, or `None` for a blank or comment line.
    fn indent(&self, i: usize) -> Option<usize> {
        let line = self.line(i);
        let rest = line.trim_start_matches(' ');
        (!rest.is_empty() && !rest.starts_with('#')).then(|| line.len() - rest.len())
    }

    /// The last line of the entry whose key is on line `i`: the last
    /// line after it indented deeper than it (blank lines inside count,
    /// trailing ones do not).
    fn entry_end(&self, i: usize) -> usize {
        let Some(indent) = self.indent(i) else {
            return i;
        };
        let mut last = i;
        for j in i + 1..self.starts.len() {
            match self.indent(j) {
                None => {}
                Some(k) if k > indent => last = j,
                Some(_) => break,
            }
        }
        last
    }

    /// The span of lines `first..=last`, without the final line break.
    fn span(&self, first: usize, last: usize) -> Span {
        let end = self.starts[last] + self.line(last).len();
        Span::new(self.starts[first]..end)
    }
}

/// The outline of a map: its `actors:`, `sources:` and `nodes:` sections,
/// each with its entries; a node's detail is its label or text.
pub fn symbols(analysis: &Analysis) -> Vec<Symbol> {
    let Some(map) = analysis.map() else {
        return Vec::new();
    };
    let lines = Lines::new(&analysis.source);
    let entry = |name: &str, detail: &str, kind, id: Span| {
        let first = lines.line_of(id.start as usize);
        let last = lines.entry_end(first);
        Symbol {
            name: name.to_string(),
            detail: detail.to_string(),
            kind,
            span: Span::new(id.start as usize..lines.span(first, last).end as usize).cover(id),
            selection: id,
            children: Vec::new(),
        }
    };
    let mut sections = Vec::new();
    let mut section = |key: &str, children: Vec<Symbol>| {
        if children.is_empty() {
            return;
        }
        let key_line = top_level_key(&lines, key);
        let (span, selection) = match key_line {
            Some(i) => {
                let start = lines.starts[i];
                let key_span = Span::new(start..start + key.len());
                let whole = lines.span(i, lines.entry_end(i));
                let whole = children.iter().fold(whole, |s, c| s.cover(c.span));
                (whole, key_span)
            }
            None => {
                let whole = children
                    .iter()
                    .skip(1)
                    .fold(children[0].span, |s, c| s.cover(c.span));
                (whole, children[0].selection)
            }
        };
        sections.push(Symbol {
            name: key.to_string(),
            detail: format!("{}", children.len()),
            kind: SymbolKind::Section,
            span,
            selection,
            children,
        });
    };
    section(
        "actors",
        map.actors
            .values()
            .map(|a| entry(&a.id.value, &a.name.value, SymbolKind::Actor, a.id.span))
            .collect(),
    );
    section(
        "sources",
        map.sources
            .values()
            .map(|s| entry(&s.id.value, &s.title.value, SymbolKind::Source, s.id.span))
            .collect(),
    );
    section(
        "nodes",
        map.nodes
            .values()
            .map(|n| {
                let detail = n.label.as_ref().map_or(&n.text.value, |l| &l.value);
                entry(&n.id.value, detail, SymbolKind::Node(n.kind), n.id.span)
            })
            .collect(),
    );
    sections
}

/// The line of a top-level key (`nodes:`), if it is written in block style.
fn top_level_key(lines: &Lines<'_>, key: &str) -> Option<usize> {
    (0..lines.starts.len()).find(|&i| {
        let line = lines.line(i);
        line.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    })
}

/// Folding ranges, as 0-based first and last lines: every entry of more
/// than one line, at any depth.
pub fn folding(source: &SourceFile) -> Vec<(usize, usize)> {
    let lines = Lines::new(source);
    let mut out = Vec::new();
    // The entries still open, as (indentation, first line), and the last
    // line that was not blank: one pass, whatever the nesting.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut last = 0;
    let mut close = |open: &mut Vec<(usize, usize)>, above: usize, last: usize| {
        while let Some(&(indent, first)) = open.last() {
            if indent < above {
                break;
            }
            open.pop();
            if last > first {
                out.push((first, last));
            }
        }
    };
    for i in 0..lines.starts.len() {
        let Some(indent) = lines.indent(i) else {
            continue;
        };
        close(&mut open, indent, last);
        open.push((indent, i));
        last = i;
    }
    close(&mut open, 0, last);
    out.sort_unstable();
    out
}

/// The edit that adds `id` under the top-level `section` (`actors` or
/// `sources`), creating the section before `nodes:` if there is none. An
/// actor is written as its name, a source with its title: both from the
/// id, for the author to correct. `None` when the section is in flow style.
pub(super) fn add_entry(source: &SourceFile, section: &str, id: &str, what: &str) -> Option<Edit> {
    let lines = Lines::new(source);
    let name = readable(id);
    let text = source.text();
    // The text's own line ending.
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let body = |indent: &str| match what {
        "actor" => format!("{indent}{id}: {name}{nl}"),
        _ => format!("{indent}{id}:{nl}{indent}{indent}title: {name}{nl}"),
    };
    let at_line_start = |i: usize| Span::new(lines.starts[i]..lines.starts[i]);
    match top_level_key(&lines, section) {
        Some(i) => {
            let rest = lines.line(i)[section.len() + 1..].trim();
            if !rest.is_empty() && !rest.starts_with('#') {
                return None;
            }
            let last = lines.entry_end(i);
            let indent = (i + 1..=last).find_map(|j| lines.indent(j)).unwrap_or(2);
            let indent = " ".repeat(indent);
            let end = lines.starts[last] + lines.line(last).len();
            // After the entry's last line: at the next line's start, or at
            // the end of a text without a final line break.
            if end >= text.len() || last + 1 >= lines.starts.len() {
                let sep = if text.ends_with('\n') { "" } else { nl };
                return Some(Edit {
                    span: Span::new(text.len()..text.len()),
                    text: format!("{sep}{}", body(&indent)),
                });
            }
            Some(Edit {
                span: at_line_start(last + 1),
                text: body(&indent),
            })
        }
        None => {
            let text_block = format!("{section}:{nl}{}", body("  "));
            match top_level_key(&lines, "nodes") {
                Some(n) => Some(Edit {
                    span: at_line_start(n),
                    text: text_block,
                }),
                None => {
                    let sep = if text.is_empty() || text.ends_with('\n') {
                        ""
                    } else {
                        "\n"
                    };
                    Some(Edit {
                        span: Span::new(text.len()..text.len()),
                        text: format!("{sep}{text_block}"),
                    })
                }
            }
        }
    }
}

/// An id as words: `nato-2022` → `Nato 2022`.
fn readable(id: &str) -> String {
    let words: Vec<String> = id
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        id.to_string()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;

    #[test]
    fn symbols_list_sections_and_entries_with_their_ranges() {
        let text = "title: t\nactors:\n  nato: NATO\nnodes:\n  a:\n    text: A.\n    held_by: nato\n\n  b: B.\n";
        let a = Analysis::new(SourceFile::new("m.yaml", text), &CheckOptions::default());
        let s = symbols(&a);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "actors");
        assert_eq!(s[1].children.len(), 2);
        let node = &s[1].children[0];
        assert_eq!(node.kind, SymbolKind::Node(NodeKind::Claim));
        assert_eq!(
            a.source().slice(node.span),
            "a:\n    text: A.\n    held_by: nato"
        );
        assert_eq!(folding(a.source()), vec![(1, 2), (3, 8), (4, 6)]);
    }

    #[test]
    fn a_missing_section_is_made_before_nodes() {
        let text = "title: t\nnodes:\n  a: A.\n";
        let source = SourceFile::new("m.yaml", text);
        let edit = add_entry(&source, "sources", "vg-2022", "source").unwrap();
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.text);
        assert_eq!(
            out,
            "title: t\nsources:\n  vg-2022:\n    title: Vg 2022\nnodes:\n  a: A.\n"
        );
        let text = "actors:\n    nato: NATO\n    usa: USA";
        let source = SourceFile::new("m.yaml", text);
        let edit = add_entry(&source, "actors", "osce", "actor").unwrap();
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.text);
        assert_eq!(
            out,
            "actors:\n    nato: NATO\n    usa: USA\n    osce: Osce\n"
        );
        let source = SourceFile::new("m.yaml", "actors: {nato: NATO}\n");
        assert!(add_entry(&source, "actors", "osce", "actor").is_none());
        let text = "actors:\r\n  nato: NATO\r\nnodes:\r\n  a: A.\r\n";
        let edit = add_entry(&SourceFile::new("m.yaml", text), "actors", "osce", "actor").unwrap();
        assert_eq!(edit.text, "  osce: Osce\r\n");
    }

    #[test]
    fn folding_is_one_pass_on_deep_nesting() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&" ".repeat(i));
            text.push_str(&format!("k{i}:\n"));
        }
        let folds = folding(&SourceFile::new("m.yaml", text));
        assert_eq!(folds.len(), 2999);
        assert_eq!(folds[0], (0, 2999));
    }
}
