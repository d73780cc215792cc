//! Map text → [`Map`], with a diagnostic for every problem in the text.
//!
//! Loading never stops at the first problem: a key it does not know is
//! reported and skipped, a node with a bad field is kept (so references to
//! it still resolve), and only a file that is not YAML at all yields no map.

mod fast;
mod id;
pub(crate) mod schema;

pub(crate) use schema::id_syntax;
pub(crate) mod yaml;

pub use id::to_id;

use std::io::Read;
use std::path::Path;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind};
use crate::model::Map;
use crate::source::{SourceFile, Span};

/// Limits applied while reading a map.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Largest file accepted, in bytes (default 256 MiB).
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Longest single text value accepted (1 MiB).
pub const MAX_VALUE_BYTES: usize = 1024 * 1024;

/// The outcome of loading one file.
#[derive(Debug)]
pub struct Loaded {
    /// The map, unless the text is not a YAML mapping at all.
    pub map: Option<Map>,
    /// Every problem found while reading, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a map file from disk.
///
/// Returns the source file and, when the bytes are not acceptable as a map
/// text (not UTF-8, too large), a diagnostic saying so; the file's text is
/// then the readable part only.
///
/// # Errors
///
/// Fails with [`ErrorKind::Read`] when the file cannot be read.
pub fn read_source(
    path: &Path,
    options: &LoadOptions,
) -> Result<(SourceFile, Option<Diagnostic>), Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(ErrorKind::Read, path, e))?;
    if meta.is_file() && meta.len() > options.max_file_bytes {
        return Ok(too_large(path, &format!("{} bytes", meta.len()), options));
    }
    // Read through the limit whatever the file is: a pipe or a device has
    // no length to check first.
    let file = std::fs::File::open(path).map_err(|e| Error::io(ErrorKind::Read, path, e))?;
    // A file's length sizes the buffer at once (one more byte for the read
    // that finds the end), instead of doubling it as it fills.
    let hint = if meta.is_file() {
        meta.len().saturating_add(1)
    } else {
        0
    };
    read_limited(file, path, options, usize::try_from(hint).unwrap_or(0))
}

/// Reads a map from a stream, such as standard input, named `name` in
/// diagnostics (`<stdin>`). As [`read_source`], with the size limit applied
/// while reading: at most one byte past the limit is read.
///
/// # Errors
///
/// Fails with [`ErrorKind::Read`] when the stream cannot be read.
pub fn read_stream(
    reader: impl std::io::Read,
    name: &Path,
    options: &LoadOptions,
) -> Result<(SourceFile, Option<Diagnostic>), Error> {
    read_limited(reader, name, options, 0)
}

fn read_limited(
    reader: impl std::io::Read,
    name: &Path,
    options: &LoadOptions,
    capacity: usize,
) -> Result<(SourceFile, Option<Diagnostic>), Error> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(options.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(ErrorKind::Read, name, e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > options.max_file_bytes {
        let size = format!("more than {} bytes", options.max_file_bytes);
        return Ok(too_large(name, &size, options));
    }
    Ok(decode(name, bytes))
}

fn too_large(path: &Path, size: &str, options: &LoadOptions) -> (SourceFile, Option<Diagnostic>) {
    let diag = Diagnostic::new(
        Code::InputLimit,
        Span::default(),
        format!(
            "file is too large ({size}; the limit is {} bytes)",
            options.max_file_bytes
        ),
    )
    .with_help("split the map into several files, or keep long documents in a source `file:`");
    (SourceFile::new(path, String::new()), Some(diag))
}

/// Turns bytes into a [`SourceFile`], reporting [`Code::InvalidUtf8`] at the
/// first byte that is not UTF-8. A byte-order mark is dropped.
pub fn decode(path: &Path, bytes: Vec<u8>) -> (SourceFile, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.replace_range(..3, "");
            }
            (SourceFile::new(path, text), None)
        }
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bad = err.as_bytes()[at];
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let diag = Diagnostic::new(
                Code::InvalidUtf8,
                Span::new(at..at + 3),
                format!("file is not valid UTF-8: byte 0x{bad:02x} at offset {at}"),
            )
            .with_label("not UTF-8")
            .with_help("save the file as UTF-8");
            (SourceFile::new(path, text), Some(diag))
        }
    }
}

/// Parses and validates the text of a map.
pub fn load(source: &SourceFile) -> Loaded {
    let (map, mut diagnostics) = match schema::build(source) {
        Ok(Some(Loaded { map, diagnostics })) => (map, diagnostics),
        Ok(None) => {
            return Loaded {
                map: None,
                diagnostics: vec![
                    Diagnostic::new(Code::EmptyMap, Span::default(), "file holds no map")
                        .with_help(
                            "a map needs at least `title:` and `nodes:`; see `argmap explain E002`",
                        ),
                ],
            };
        }
        Err(err) => {
            let (code, help) = if err.message.contains("nested") {
                (
                    Code::InputLimit,
                    "argmap reads at most 64 levels of nesting; a map needs about ten",
                )
            } else if err.limit {
                (
                    Code::InputLimit,
                    "aliases may copy at most a million nodes in all; write values out instead",
                )
            } else if err.message.contains("more than one YAML document") {
                (
                    Code::YamlSyntax,
                    "a map file holds one YAML document; split it into two files",
                )
            } else if err.message.contains("tab") {
                (Code::YamlSyntax, "YAML indents with spaces, not tabs")
            } else {
                (
                    Code::YamlSyntax,
                    "fix the YAML syntax; nothing after this point was checked",
                )
            };
            return Loaded {
                map: None,
                diagnostics: vec![Diagnostic::new(code, err.span, err.message).with_help(help)],
            };
        }
    };
    crate::diagnostic::sort(&mut diagnostics);
    Loaded { map, diagnostics }
}

/// Every map file (`*.yaml`, `*.yml`) below a folder, sorted, with the
/// folders that could not be read. Hidden entries (`.name`) are skipped, and
/// links to folders are not followed (a link cycle would never end); a link
/// to a file is listed, and a broken one fails when it is read.
pub fn find_maps(dir: &Path) -> (Vec<std::path::PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(Error::io(ErrorKind::Read, &dir, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(Error::io(ErrorKind::Read, &dir, e));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                files.push(path);
            }
        }
    }
    files.sort();
    (files, errors)
}

/// Whether the YAML fast path reads `text` as granit-parser does (or
/// leaves it to the parser): `Err` says how they differ. For the fuzz
/// targets; not part of the stable API.
#[doc(hidden)]
pub fn yaml_fast_path_agrees(text: &str) -> Result<(), String> {
    fast::agrees(text)
}
