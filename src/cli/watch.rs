//! `argmap watch`: check and draw a map again on every save.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
Checks and draws the map as `argmap render` does (every option of render
applies), then waits. Whenever the map, or a source file its quotes are
checked against, is saved, it checks and draws again, printing the
diagnostics. A save with errors keeps the last good drawing and the watch
goes on; stop it with Ctrl-C. Editors that save by writing a new file and
renaming it over the old one are followed.

Examples:
  argmap watch maps/istanbul.yaml
  argmap watch maps/istanbul.yaml -o istanbul.png --status grounded";

/// Arguments of `argmap watch`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct WatchArgs {
    #[command(flatten)]
    render: super::render::Args,
}

pub(crate) fn run(args: &WatchArgs, globals: &Globals) -> Result<ExitCode, Failure> {
    let map = &args.render.map;
    if map.as_os_str() == "-" {
        return Err(Failure::Message(
            "watch needs a map file, not stdin".to_string(),
        ));
    }
    if !map.is_file() {
        return Err(Failure::Message(format!(
            "cannot watch `{}`: no such file",
            map.display()
        )));
    }
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(150), None, tx)
        .map_err(|e| Failure::Message(format!("cannot watch files: {e}")))?;
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    // The map's folder first, so that no save during the first round is
    // missed; then the folders of the source files it names.
    let mut files = watched_files(map, None);
    watch_dirs(&mut debouncer, &files, &mut dirs)?;
    files = draw(args, globals, files);
    watch_dirs(&mut debouncer, &files, &mut dirs)?;
    let others = files.len().saturating_sub(1);
    let mut note = format!("watching `{}`", map.display());
    if others > 0 {
        note.push_str(&format!(
            " and {others} source file{}",
            if others == 1 { "" } else { "s" }
        ));
    }
    note.push_str("; Ctrl-C stops");
    status(&note)?;
    for result in rx {
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    io::warning(&format!("watching: {e}"));
                }
                continue;
            }
        };
        // Only writes count: reading the map to check it opens it, and an
        // open is an event too.
        let changed = events
            .iter()
            .filter(|e| is_write(e.event.kind))
            .flat_map(|e| e.event.paths.iter())
            .find(|p| files.contains(*p));
        let Some(changed) = changed else {
            continue;
        };
        // The map as it was named; a source file by its name.
        let shown = if absolute(map).as_ref() == Some(changed) {
            map.display().to_string()
        } else {
            changed
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        status(&format!("`{shown}` changed: checking again"))?;
        // The map may now cite other source files.
        files = draw(args, globals, std::mem::take(&mut files));
        watch_dirs(&mut debouncer, &files, &mut dirs)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether an event changes a file's content or existence (not an open,
/// a read, or a change of permissions or times).
fn is_write(kind: EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Modify(modify) => !matches!(modify, ModifyKind::Metadata(_)),
        EventKind::Access(_) => false,
    }
}

/// One round of `argmap render`, whose failures are printed, never fatal;
/// returns the files to watch: the map and the source files it names, read
/// from the map this round checked, or `before` when the map has errors
/// (which leave the files it cites as they were).
fn draw(args: &WatchArgs, globals: &Globals, before: BTreeSet<PathBuf>) -> BTreeSet<PathBuf> {
    let render = &args.render;
    let mut files = BTreeSet::new();
    let result = super::render::resolve_format(render).and_then(|format| {
        match io::checked_map(&render.map, &globals.check_options(), "drawn")? {
            Ok(checked) => {
                files = watched_files(&render.map, checked.map());
                super::render::draw(render, format, &checked)
            }
            Err(code) => Ok(code),
        }
    });
    match result {
        Ok(_) => {}
        Err(Failure::Message(m)) => io::error(&m),
        Err(Failure::Io(e)) => io::error(&e.to_string()),
    }
    if files.is_empty() { before } else { files }
}

fn status(message: &str) -> Result<(), Failure> {
    let style = anstyle::Style::new().bold();
    writeln!(anstream::stderr(), "{style}{message}{style:#}")?;
    Ok(())
}

/// The map and the source files it names, as absolute paths in
/// canonical folders (the form in which change events name them).
fn watched_files(path: &Path, map: Option<&argmap::Map>) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    let Some(map_abs) = absolute(path) else {
        return files;
    };
    let base = map_abs.parent().map(Path::to_path_buf).unwrap_or_default();
    files.insert(map_abs);
    for source in map.iter().flat_map(|m| m.sources.values()) {
        if let Some(file) = &source.file
            && let Some(path) = absolute(&base.join(file.value.as_str()))
        {
            files.insert(path);
        }
    }
    files
}

/// `path` with its folder made canonical and its file name kept, so that
/// a file replaced by a rename still matches.
fn absolute(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(dir.canonicalize().ok()?.join(name))
}

/// Watches the folders of `files` not yet watched (not recursively: a
/// map in a large folder tree costs one watch per folder it uses).
fn watch_dirs<T: notify_debouncer_full::notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<T, C>,
    files: &BTreeSet<PathBuf>,
    dirs: &mut BTreeSet<PathBuf>,
) -> Result<(), Failure> {
    for dir in files.iter().filter_map(|f| f.parent()) {
        if dirs.contains(dir) {
            continue;
        }
        debouncer
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| Failure::Message(format!("cannot watch `{}`: {e}", dir.display())))?;
        dirs.insert(dir.to_path_buf());
    }
    Ok(())
}
