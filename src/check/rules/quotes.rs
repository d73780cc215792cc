//! `E207 quote-not-found`, `E208 source-file`, `E209 locator-mismatch`,
//! `N401 unverified-quote`: quotes against the local copies of their
//! sources.
//!
//! Each source file is read once and searched once for every quote that
//! cites it (see [`crate::quote`]).

use std::path::{Path, PathBuf};

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Evidence, Source};
use crate::quote::{self, Match};

/// Where a `file:` path starts from.
const HELP_RELATIVE: &str = "the path is relative to the map file's folder (to the current folder for a map read from stdin)";

/// Largest source file read, as for maps.
const MAX_SOURCE_BYTES: u64 = 256 * 1024 * 1024;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    // Every evidence entry, on nodes and on relations, in map order, with
    // the sources they cite (one lookup each).
    let mut cited: Vec<Vec<&Evidence>> = vec![Vec::new(); map.sources.len()];
    for node in map.nodes.values() {
        let all = node
            .evidence
            .iter()
            .chain(node.relations.iter().flat_map(|r| &r.evidence));
        for e in all {
            if let Some(k) = map.sources.get_index_of(e.source.value.as_str()) {
                cited[k].push(e);
            }
        }
    }
    let base = base(cx.path);
    for ((id, source), cites) in map.sources.iter().zip(cited) {
        let Some(file) = &source.file else {
            if cx.options.enabled(Code::UnverifiedQuote) {
                for e in cites.iter().filter(|e| e.quote.is_some()) {
                    unverified(e, id, out);
                }
            }
            continue;
        };
        let text = match read(&base, &file.value, cx.options.allow_outside_sources) {
            Ok(text) => text,
            Err(why) => {
                if cx.options.enabled(Code::SourceFile) {
                    out.push(
                        Diagnostic::new(Code::SourceFile, file.span, why.message)
                            .with_label(why.label)
                            .with_help(why.help),
                    );
                }
                continue;
            }
        };
        check_source(cx, source, &file.value, &text, &cites, out);
    }
}

/// The folder a map's `file:` paths start from.
fn base(map: &Path) -> PathBuf {
    match map.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A source file cited by a map, read under the same rules as the quote
/// checks (inside the map's folder unless allowed, HTML reduced to text):
/// its path and text, or why it cannot be read.
pub(crate) fn read_cited(
    map: &Path,
    file: &str,
    allow_outside: bool,
) -> Result<(PathBuf, String), String> {
    let base = base(map);
    let text = read(&base, file, allow_outside).map_err(|e| e.message)?;
    Ok((base.join(file), text))
}

fn unverified(e: &Evidence, id: &str, out: &mut Vec<Diagnostic>) {
    if let Some(q) = &e.quote {
        out.push(
            Diagnostic::new(
                Code::UnverifiedQuote,
                q.span,
                format!("this quote from `{id}` is not checked: the source has no `file:`"),
            )
            .with_label("not checked")
            .with_help(format!(
                "keep a plain-text copy of the passage beside the map and name it with `file:` under source `{id}`"
            )),
        );
    }
}

struct ReadError {
    message: String,
    label: &'static str,
    help: String,
}

/// Reads a source file relative to the map's folder, refusing one outside
/// it unless allowed. HTML is reduced to text.
fn read(base: &Path, file: &str, allow_outside: bool) -> Result<String, ReadError> {
    let path = base.join(file);
    let fail = |message: String, label: &'static str, help: &str| ReadError {
        message,
        label,
        help: help.to_string(),
    };
    let outside = || {
        fail(
            format!("source file `{file}` is outside the map's folder"),
            "outside the map's folder",
            "keep source copies in or below the map's folder, or pass --allow-outside-sources",
        )
    };
    let unreadable = |e: std::io::Error| {
        fail(
            format!("cannot read source file `{file}`: {}", io_reason(&e)),
            "cannot be read",
            HELP_RELATIVE,
        )
    };
    // Judged on the path as written first, so that a refused path says
    // nothing about what exists outside the map's folder.
    if !allow_outside && escapes(file) {
        return Err(outside());
    }
    let resolved = std::fs::canonicalize(&path).map_err(unreadable)?;
    if !allow_outside {
        let root = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
        if !resolved.starts_with(&root) {
            return Err(outside());
        }
    }
    let meta = std::fs::metadata(&resolved).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(fail(
            format!("source file `{file}` is not a file"),
            "not a file",
            "name a plain-text, Markdown or HTML file",
        ));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(fail(
            format!(
                "source file `{file}` is too large ({} bytes; the limit is {MAX_SOURCE_BYTES})",
                meta.len()
            ),
            "too large",
            "keep only the cited passages in the local copy",
        ));
    }
    let bytes = std::fs::read(&resolved).map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(
            format!(
                "source file `{file}` is not UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ),
            "not UTF-8",
            "save the file as UTF-8",
        )
    })?;
    let html = Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    Ok(if html {
        quote::html_to_text(&text)
    } else {
        text
    })
}

/// Whether a relative path leaves its folder by its own `..` steps, or is
/// absolute.
fn escapes(file: &str) -> bool {
    use std::path::Component;
    let mut depth = 0i32;
    for c in Path::new(file).components() {
        match c {
            Component::Prefix(_) | Component::RootDir => return true,
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn check_source(
    cx: &Context<'_>,
    source: &Source,
    file: &str,
    text: &str,
    cites: &[&Evidence],
    out: &mut Vec<Diagnostic>,
) {
    let doc = quote::Source::new(text);
    let quoted: Vec<&Evidence> = cites
        .iter()
        .copied()
        .filter(|e| e.quote.is_some())
        .collect();
    let texts: Vec<&str> = quoted
        .iter()
        .filter_map(|e| e.quote.as_ref().map(|q| q.value.as_str()))
        .collect();
    let results = doc.find_all(&texts);
    let paragraphs = doc.paragraphs();
    let id = &source.id.value;
    for (e, result) in quoted.iter().zip(&results) {
        let Some(q) = &e.quote else { continue };
        let wordless = quote::parts(&q.value)
            .iter()
            .all(|p| !p.chars().any(char::is_alphanumeric));
        if wordless {
            if cx.options.enabled(Code::QuoteNotFound) {
                out.push(
                    Diagnostic::new(
                        Code::QuoteNotFound,
                        q.span,
                        format!("this quote from `{id}` has no words to look for"),
                    )
                    .with_label("empty quote")
                    .with_help("quote the passage, or leave `quote:` out"),
                );
            }
            continue;
        }
        if let Match::Missing {
            part,
            earlier,
            closest,
        } = result
            && cx.options.enabled(Code::QuoteNotFound)
        {
            let whole = quote::parts(&q.value).len() <= 1;
            let message = if whole {
                format!("quote not found in `{file}` (source `{id}`)")
            } else if *earlier {
                format!(
                    "quote not found in `{file}` (source `{id}`): the part \"{part}\" stands before the part it follows in the quote"
                )
            } else {
                format!(
                    "quote not found in `{file}` (source `{id}`): the part \"{part}\" is missing"
                )
            };
            let help = match closest {
                Some(c) => quote::describe(c, file, doc.line_of(c.start)),
                None if *earlier => {
                    "the parts around an ellipsis must appear in the order of the source"
                        .to_string()
                }
                None => "no passage of the source resembles it; check the source and the file"
                    .to_string(),
            };
            out.push(
                Diagnostic::new(Code::QuoteNotFound, q.span, message)
                    .with_label("not in the source")
                    .with_help(help),
            );
        }
        if let Match::Found(found) = result {
            locator(cx, e, file, &paragraphs, Some(found.start), out);
        }
    }
    // Locators on evidence without a quote: the paragraph must exist.
    for e in cites.iter().filter(|e| e.quote.is_none()) {
        locator(cx, e, file, &paragraphs, None, out);
    }
}

fn locator(
    cx: &Context<'_>,
    e: &Evidence,
    file: &str,
    paragraphs: &[(u32, usize, usize)],
    quote_at: Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    if !cx.options.enabled(Code::LocatorMismatch) || paragraphs.is_empty() {
        return;
    }
    let Some(at) = &e.at else { return };
    let Some(n) = quote::paragraph_locator(&at.value) else {
        return;
    };
    let numbered = if paragraphs.len() <= 8 {
        let list: Vec<String> = paragraphs.iter().map(|p| p.0.to_string()).collect();
        format!("paragraphs {}", list.join(", "))
    } else {
        let first = paragraphs.first().map_or(0, |p| p.0);
        let last = paragraphs.last().map_or(0, |p| p.0);
        format!("{} paragraphs, from {first} to {last}", paragraphs.len())
    };
    match paragraphs.iter().find(|p| p.0 == n) {
        None => out.push(
            Diagnostic::new(
                Code::LocatorMismatch,
                at.span,
                format!("`{file}` has no paragraph {n}"),
            )
            .with_label("no such paragraph")
            .with_help(format!("the file numbers {numbered}")),
        ),
        Some(&(_, start, end)) => {
            if let Some(pos) = quote_at
                && !(start..end).contains(&pos)
            {
                let actual = paragraphs
                    .iter()
                    .find(|p| (p.1..p.2).contains(&pos))
                    .map(|p| p.0);
                let help = match actual {
                    Some(k) => format!("the quote stands in paragraph {k}: write `at: para {k}`"),
                    None => "the quote stands before the first numbered paragraph".to_string(),
                };
                out.push(
                    Diagnostic::new(
                        Code::LocatorMismatch,
                        at.span,
                        format!("the quote is not in paragraph {n} of `{file}`"),
                    )
                    .with_label("wrong paragraph")
                    .with_help(help),
                );
            }
        }
    }
}
