//! The one integration-test binary: checks, rendering and the CLI.

mod check;
mod cli;
mod render;

use std::path::{Path, PathBuf};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether Graphviz's `dot` can be run here; prints a notice when not.
pub(crate) fn have_dot() -> bool {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("notice: Graphviz `dot` not found; skipping the checks that need it");
    }
    ok
}

/// File name of a path, for stable snapshot text.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
