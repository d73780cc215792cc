//! The one integration-test binary: checks, rendering and the CLI.

mod af;
mod argdown;
mod check;
mod cli;
mod documents;
mod eval;
mod fuzz_regressions;
mod interchange;
mod lsp;
mod modules;
mod quotes;
mod render;
mod render_drawing;
mod report;
mod sarif;
mod schema;
mod semantics;
mod support;

use std::path::Path;

/// File name of a path, for stable snapshot text.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The errors `argmap check` reports for the map an importer drafted.
pub(crate) fn draft_errors(draft: &argmap::interchange::Draft) -> Vec<String> {
    let source = argmap::SourceFile::new("imported.yaml", draft.to_yaml());
    argmap::check(&source, &argmap::CheckOptions::default())
        .diagnostics
        .iter()
        .filter(|d| d.severity == argmap::Severity::Error)
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect()
}
