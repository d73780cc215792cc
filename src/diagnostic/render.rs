//! Diagnostics → text: rustc-style snippets for people, JSON lines for
//! machines. Formatting only; the caller decides where it goes.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::source::{LineCol, SourceFile, Span};

/// Renders one diagnostic as rustc does: a header with severity, code and
/// message, the `--> file:line:col` line, the source with a caret under the
/// span and each secondary label, and a `help:` line.
///
/// With `styled`, ANSI colours are included; strip them when not writing to
/// a terminal.
pub fn human(source: &SourceFile, d: &Diagnostic, styled: bool) -> String {
    let mut marks = vec![Mark::new(source, d.span, d.label.as_deref(), true)];
    marks.extend(
        d.labels
            .iter()
            .map(|l| Mark::new(source, l.span, Some(l.message.as_str()), false)),
    );
    let path = source.path().display().to_string();
    let snippets = clusters(marks).into_iter().map(|cluster| {
        // Only the lines the cluster touches go to the renderer: its cost is
        // the size of what it shows, never the size of the file.
        let lo = cluster.iter().map(|m| m.span.start).min().unwrap_or(0);
        let hi = cluster.iter().map(|m| m.span.end).max().unwrap_or(0);
        let (window, first_line) = source.lines_around(Span { start: lo, end: hi });
        let text = &source.text()[window.clone()];
        let shift = |s: Span| {
            let start = (s.start as usize)
                .saturating_sub(window.start)
                .min(text.len());
            let end = (s.end as usize)
                .saturating_sub(window.start)
                .clamp(start, text.len());
            start..end
        };
        let mut snippet = Snippet::source(text)
            .line_start(first_line)
            .path(path.as_str())
            .fold(true);
        for mark in cluster {
            let kind = if mark.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let mut annotation = kind.span(shift(mark.span));
            if let Some(label) = mark.label {
                annotation = annotation.label(label);
            }
            snippet = snippet.annotation(annotation);
        }
        snippet
    });
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Finding => Level::INFO.with_name("finding"),
        Severity::Note => Level::NOTE,
    };
    let mut group = level
        .primary_title(d.message.as_str())
        .id(d.code.as_str())
        .elements(snippets);
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&report)
}

/// Annotations at most this many lines apart share one snippet (the lines
/// between them folded to `...`); farther ones get a snippet of their own
/// (introduced by `:::`), so that the lines between two distant labels are
/// never scanned: a diagnostic costs the size of what it shows.
const SNIPPET_GAP: usize = 40;

/// A span over more lines than this is marked on its first line only (the
/// JSON output keeps the whole span).
const LONG_SPAN_LINES: usize = 8;

/// One annotation of a diagnostic: its span (made visible, long ones cut to
/// their first line), the lines it covers (0-based), its label.
struct Mark<'a> {
    span: Span,
    first: usize,
    last: usize,
    label: Option<&'a str>,
    primary: bool,
}

impl<'a> Mark<'a> {
    fn new(source: &SourceFile, span: Span, label: Option<&'a str>, primary: bool) -> Self {
        let mut span = visible(source, span);
        let first = source.line_col(span.start).line - 1;
        let mut last = source.line_col(span.end).line - 1;
        if last - first > LONG_SPAN_LINES {
            let (line, _) = source.lines_around(Span {
                start: span.start,
                end: span.start,
            });
            span.end = u32::try_from(line.end)
                .unwrap_or(span.start)
                .max(span.start);
            last = first;
        }
        Mark {
            span,
            first,
            last,
            label,
            primary,
        }
    }
}

/// Groups marks into runs of nearby lines, the primary mark's run first,
/// the others in file order.
fn clusters(mut marks: Vec<Mark<'_>>) -> Vec<Vec<Mark<'_>>> {
    marks.sort_by_key(|m| (m.first, m.span.start, !m.primary));
    let mut runs: Vec<Vec<Mark<'_>>> = Vec::new();
    let mut run_last = 0;
    for mark in marks {
        match runs.last_mut() {
            Some(run) if mark.first <= run_last + SNIPPET_GAP => {
                run_last = run_last.max(mark.last);
                run.push(mark);
            }
            _ => {
                run_last = mark.last;
                runs.push(vec![mark]);
            }
        }
    }
    if let Some(i) = runs.iter().position(|r| r.iter().any(|m| m.primary)) {
        let primary = runs.remove(i);
        runs.insert(0, primary);
    }
    runs
}

/// Clamps a span and widens an empty one to the next character on its line,
/// so that the caret has something to stand under.
fn visible(source: &SourceFile, span: Span) -> Span {
    let span = source.clamp(span);
    if !span.is_empty() {
        return span;
    }
    let start = span.start as usize;
    match source.text()[start..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Span::new(start..start + c.len_utf8()),
        _ => span,
    }
}

/// A line and column pair in JSON output.
#[derive(Serialize)]
struct JsonPos {
    line: usize,
    column: usize,
}

impl From<LineCol> for JsonPos {
    fn from(lc: LineCol) -> Self {
        JsonPos {
            line: lc.line,
            column: lc.column,
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    line: usize,
    column: usize,
    end: JsonPos,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: usize,
    column: usize,
    end: JsonPos,
    severity: &'static str,
    code: &'static str,
    name: &'static str,
    message: &'a str,
    label: Option<&'a str>,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
}

/// Renders one diagnostic as a single line of JSON (no trailing newline).
///
/// Fields, in this order: `file`, `line`, `column` (1-based, in
/// characters), `end` (`{line, column}`, exclusive), `severity`, `code`,
/// `name`, `message`, `label`, `help` (both may be `null`) and `labels`
/// (secondary locations, each with `line`, `column`, `end`, `message`).
/// Control characters in strings are escaped (`\u0007`), DEL too.
pub fn json(source: &SourceFile, d: &Diagnostic) -> String {
    let span = source.clamp(d.span);
    let start = source.line_col(span.start);
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let s = source.clamp(l.span);
            let lc = source.line_col(s.start);
            JsonLabel {
                line: lc.line,
                column: lc.column,
                end: source.line_col(s.end).into(),
                message: &l.message,
            }
        })
        .collect();
    let value = JsonDiagnostic {
        file: source.path().display().to_string(),
        line: start.line,
        column: start.column,
        end: source.line_col(span.end).into(),
        severity: d.severity.as_str(),
        code: d.code.as_str(),
        name: d.code.rule().name,
        message: &d.message,
        label: d.label.as_deref(),
        help: d.help.as_deref(),
        labels,
    };
    let line = serde_json::to_string(&value).unwrap_or_default();
    // JSON allows DEL unescaped, but a terminal may act on it: it is
    // escaped like the other control characters, so that nothing is lost
    // and the line is the same wherever it is written.
    if line.contains('\u{7f}') {
        line.replace('\u{7f}', "\\u007f")
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    /// A file of `n` lines `line 1` … `line n`, and the span of line `k`.
    fn lines(n: usize) -> (SourceFile, impl Fn(usize) -> Span) {
        let text = (1..=n).fold(String::new(), |mut text, i| {
            text.push_str(&format!("line {i}\n"));
            text
        });
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let span = move |k: usize| Span::new(starts[k - 1]..starts[k] - 1);
        (SourceFile::new("m.yaml", text), span)
    }

    #[test]
    fn json_escapes_del_as_it_escapes_other_control_characters() {
        let source = SourceFile::new("m.yaml", "a: b\n");
        let d = Diagnostic::new(Code::InvalidId, Span::new(0..1), "id `a\u{7f}b\u{7}`");
        let line = json(&source, &d);
        assert!(!line.contains('\u{7f}'), "{line}");
        assert!(line.contains(r"a\u007fb\u0007"), "{line}");
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["message"], "id `a\u{7f}b\u{7}`");
    }

    #[test]
    fn distant_labels_get_snippets_of_their_own() {
        let (source, line) = lines(10_000);
        let d = Diagnostic::new(Code::DuplicateId, line(9_000), "repeated")
            .with_label("here")
            .with_secondary(line(5), "first")
            .with_secondary(line(9_010), "near");
        let out = human(&source, &d, false);
        // The primary's snippet comes first and holds the label 10 lines
        // away (folded); the distant label has its own, after `:::`.
        let primary = out.find("9000 | line 9000").unwrap();
        let near = out.find("9010 | line 9010").unwrap();
        let far = out.find("::: m.yaml:5:1").unwrap();
        assert!(primary < near && near < far, "{out}");
        assert!(out.contains("   5 | line 5"), "{out}");
        assert!(!out.contains("line 4999"), "{out}");
        assert!(out.lines().count() < 20, "{out}");
    }

    #[test]
    fn a_long_span_is_marked_on_its_first_line() {
        let (source, line) = lines(1_000);
        let span = Span {
            start: line(10).start,
            end: line(900).end,
        };
        let out = human(
            &source,
            &Diagnostic::new(Code::YamlSyntax, span, "long"),
            false,
        );
        assert!(out.contains("10 | line 10"), "{out}");
        assert!(!out.contains("line 11"), "{out}");
        assert!(!out.contains("line 900"), "{out}");
    }
}
