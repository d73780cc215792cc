//! Any text as a map open in an editor, and any cursor: every editor
//! request of `argmap::ide` (completion, hover, definition, references,
//! rename, quick fixes, symbols, folding, SARIF of its diagnostics) must
//! answer without panicking, with spans inside the text; applying a
//! rename's or a quick fix's edits must be possible (no overlaps).
#![no_main]

use argmap::ide::{self, Analysis, Target};
use argmap::{CheckOptions, SourceFile, Span};
use libfuzzer_sys::fuzz_target;

fn apply(text: &str, edits: &[ide::Edit]) -> String {
    let mut edits: Vec<&ide::Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    for pair in edits.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "overlapping edits {edits:?}");
    }
    let mut out = text.to_string();
    for e in edits.iter().rev() {
        assert!(e.span.end as usize <= text.len());
        out.replace_range(e.span.range(), &e.text);
    }
    out
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let cursor = usize::from(u16::from_le_bytes([data[0], data[1]]));
    let text = String::from_utf8_lossy(&data[2..]).into_owned();
    let len = text.len();
    let inside = |s: Span| s.start <= s.end && s.end as usize <= len;
    let analysis = Analysis::new(SourceFile::new("fuzz.yaml", text.clone()), &CheckOptions::default());
    let offset = if len == 0 { 0 } else { cursor % (len + 1) };
    for c in ide::complete(&text, offset, Some(&analysis)) {
        assert!(inside(c.replace), "{c:?}");
    }
    if let Some(h) = analysis.hover(offset) {
        assert!(inside(h.span));
    }
    if let Some(Target::Here(s)) = analysis.definition(offset) {
        assert!(inside(s));
    }
    for s in analysis.references(offset, true) {
        assert!(inside(s));
    }
    if let Some(s) = analysis.prepare_rename(offset) {
        assert!(inside(s));
    }
    if let Ok(edits) = analysis.rename(offset, "fuzz-renamed") {
        let renamed = apply(&text, &edits);
        let _ = Analysis::new(SourceFile::new("fuzz.yaml", renamed), &CheckOptions::default());
    }
    for action in analysis.actions(Span::new(0..len)) {
        let _ = apply(&text, &action.edits);
    }
    for s in ide::symbols(&analysis) {
        assert!(inside(s.span) && inside(s.selection));
    }
    let lines = text.split('\n').count();
    for (a, b) in ide::folding(analysis.source()) {
        assert!(a < b && b < lines.max(1));
    }
    let _ = argmap::diagnostic::sarif::log(&[(analysis.source(), analysis.diagnostics())]);
});
