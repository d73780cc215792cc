//! What the test files share: the repository's paths, running the real
//! `argmap` binary, and finding the outside programs some checks need
//! (Graphviz, a headless browser, mermaid.js).
//!
//! Every run of the binary goes through [`argmap_command`], so that all
//! tests see the same environment: no colour, and Graphviz found on `PATH`
//! rather than through a `ARGMAP_DOT` the caller's shell may set.
//!
//! An outside program that is missing skips the checks that need it, with a
//! notice, except under CI (see [`in_ci`]), where it fails them: there a
//! skipped check would pass unnoticed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The `argmap` binary, run in `dir`, without colour and without
/// `ARGMAP_DOT`; add arguments, environment or pipes as a test needs.
pub(crate) fn argmap_command(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_argmap"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("ARGMAP_DOT");
    command
}

/// Runs `argmap ARGS` in `dir` with nothing on stdin and collects its exit
/// status, stdout and stderr.
pub(crate) fn argmap(dir: &Path, args: &[&str]) -> Output {
    argmap_command(dir).args(args).output().unwrap()
}

/// Runs `argmap ARGS` in `dir` with `input` on stdin.
pub(crate) fn argmap_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    pipe(argmap_command(dir).args(args), input)
}

/// Runs `argmap ARGS` in `dir` into `head HEAD_ARGS`, which stops reading
/// early; the output's stdout is argmap's exit status (as bash's
/// `PIPESTATUS` gives it) and its stderr is argmap's.
pub(crate) fn argmap_into_head(dir: &Path, args: &str, head_args: &str) -> Output {
    let script = format!(
        "{} {args} | head {head_args} >/dev/null; echo ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_argmap"),
    );
    Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("ARGMAP_DOT")
        .output()
        .unwrap()
}

/// Runs a program with `input` on stdin and collects its output.
pub(crate) fn pipe(command: &mut Command, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// Asserts that a run exited with `code` and that its stderr contains
/// `message`; a failure shows the whole stderr.
#[track_caller]
pub(crate) fn assert_exit(out: &Output, code: i32, message: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    assert!(
        stderr.contains(message),
        "stderr lacks {message:?}: {stderr}"
    );
}

/// Output bytes as text (lossily: a test compares it with text).
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary folder holding a copy of `maps/` (the real maps and their
/// sources), for the tests that write beside a map.
pub(crate) fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("maps"), &dir.path().join("maps"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The names in a folder, sorted.
pub(crate) fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The files in `dir` whose extension is one of `extensions`, sorted.
pub(crate) fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    files
}

/// The real maps: every `maps/*.yaml`, sorted.
pub(crate) fn real_maps() -> Vec<PathBuf> {
    files(&root().join("maps"), &["yaml"])
}

/// Whether the tests run under CI: `CI` is set, and not empty, `0` or
/// `false` (`.ci/run` sets it). There, a check that needs a missing
/// program fails instead of skipping.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"))
}

/// Says that `what` is missing: under CI a test failure, elsewhere a notice
/// on stderr (written past the test harness's capture, so that a skipped
/// check is visible) printed once per program.
fn missing(notice: &OnceLock<()>, what: &str, skipped: &str, install: &str) {
    assert!(
        !in_ci(),
        "{what} not found, and CI is set: {skipped} must run here ({install})"
    );
    notice.get_or_init(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "notice: {what} not found; skipping {skipped} ({install})"
        );
    });
}

/// Whether `program ARG` runs and succeeds.
fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether Graphviz's `dot` can be run here; when not, fails under CI and
/// otherwise prints a notice (once).
pub(crate) fn have_dot() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    static NOTICE: OnceLock<()> = OnceLock::new();
    let found = *FOUND.get_or_init(|| runs("dot", "-V"));
    if !found {
        missing(
            &NOTICE,
            "Graphviz `dot`",
            "the checks that run it",
            "install: apt-get install graphviz",
        );
    }
    found
}

/// The headless browser (Debian's `chromium`, or the program in
/// `ARGMAP_CHROMIUM`); when there is none, fails under CI and otherwise
/// prints a notice (once).
pub(crate) fn chromium() -> Option<PathBuf> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    static NOTICE: OnceLock<()> = OnceLock::new();
    let found = FOUND.get_or_init(|| {
        std::env::var("ARGMAP_CHROMIUM")
            .into_iter()
            .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
            .find(|c| runs(c, "--version"))
            .map(PathBuf::from)
    });
    if found.is_none() {
        missing(
            &NOTICE,
            "chromium",
            "the browser checks",
            "install: apt-get install chromium",
        );
    }
    found.clone()
}

/// mermaid.js (`ARGMAP_MERMAID_JS`, or the copy `.ci/run` installs under
/// `target/mermaid`); when it is not there, fails under CI and otherwise
/// prints a notice (once).
pub(crate) fn mermaid_js() -> Option<PathBuf> {
    static NOTICE: OnceLock<()> = OnceLock::new();
    let js = std::env::var_os("ARGMAP_MERMAID_JS").map_or_else(
        || root().join("target/mermaid/node_modules/mermaid/dist/mermaid.min.js"),
        PathBuf::from,
    );
    if js.exists() {
        return Some(js);
    }
    missing(
        &NOTICE,
        &format!("mermaid.min.js at {}", js.display()),
        "the Mermaid rendering check",
        ".ci/run installs it",
    );
    None
}

/// Whether Neovim (`nvim`) can be run here; when not, fails under CI and
/// otherwise prints a notice (once).
pub(crate) fn have_nvim() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    static NOTICE: OnceLock<()> = OnceLock::new();
    let found = *FOUND.get_or_init(|| runs("nvim", "--version"));
    if !found {
        missing(
            &NOTICE,
            "Neovim `nvim`",
            "the editor check",
            "install: apt-get install neovim",
        );
    }
    found
}
