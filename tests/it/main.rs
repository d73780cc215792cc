//! The one integration-test binary: checks, rendering and the CLI.

mod af;
mod argdown;
mod check;
mod cli;
mod documents;
mod eval;
mod interchange;
mod modules;
mod quotes;
mod render;
mod report;
mod schema;
mod semantics;

use std::path::{Path, PathBuf};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether Graphviz's `dot` can be run here; prints a notice (once) when
/// not. The notice is written to stderr directly, past the test harness's
/// output capture, so that a skipped check is visible.
pub(crate) fn have_dot() -> bool {
    static HAVE_DOT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HAVE_DOT.get_or_init(|| {
        let ok = std::process::Command::new("dot")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "notice: Graphviz `dot` not found; skipping the checks that run it (install: apt-get install graphviz)"
            );
        }
        ok
    })
}

/// Runs a program with `input` on stdin and collects its output.
pub(crate) fn pipe(command: &mut std::process::Command, input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

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
