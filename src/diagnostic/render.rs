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
    let primary = visible(source, d.span);
    let labels: Vec<(Span, &str)> = d
        .labels
        .iter()
        .map(|l| (visible(source, l.span), l.message.as_str()))
        .collect();
    // Show only the lines the annotations touch: rendering the whole file
    // would cost O(file) per diagnostic.
    let lo = labels
        .iter()
        .map(|(s, _)| s.start)
        .fold(primary.start, u32::min);
    let hi = labels
        .iter()
        .map(|(s, _)| s.end)
        .fold(primary.end, u32::max);
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
    let path = source.path().display().to_string();
    let mut snippet = Snippet::source(text)
        .line_start(first_line)
        .path(path.as_str())
        .fold(true);
    let mut primary_annotation = AnnotationKind::Primary.span(shift(primary));
    if let Some(label) = &d.label {
        primary_annotation = primary_annotation.label(label.as_str());
    }
    snippet = snippet.annotation(primary_annotation);
    for &(span, message) in &labels {
        snippet = snippet.annotation(AnnotationKind::Context.span(shift(span)).label(message));
    }
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Finding => Level::INFO.with_name("finding"),
        Severity::Note => Level::NOTE,
    };
    let mut group = level
        .primary_title(d.message.as_str())
        .id(d.code.as_str())
        .element(snippet);
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
    serde_json::to_string(&value).unwrap_or_default()
}
