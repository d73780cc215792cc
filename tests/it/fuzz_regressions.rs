//! The inputs `cargo fuzz` found problems with (`fuzz/regressions/<target>/`),
//! run through the same steps as their fuzz target, on stable Rust: each
//! must now pass the target's checks.

use std::path::Path;

use argmap::interchange::{ImportFormat, import};
use argmap::{CheckOptions, Code, SourceFile};

use crate::support::root;

/// Every file of one target's regressions.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/regressions").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| (crate::file_name(&p), std::fs::read(&p).unwrap()))
        .collect()
}

/// As `fuzz_targets/import.rs`: the first byte picks the format; a map an
/// importer writes loads without YAML, structure or id errors.
#[test]
fn import_regressions() {
    const FORMATS: [ImportFormat; 6] = [
        ImportFormat::Argdown,
        ImportFormat::Aif,
        ImportFormat::Kialo,
        ImportFormat::Af,
        ImportFormat::Apx,
        ImportFormat::Tgf,
    ];
    const MALFORMED: [Code; 9] = [
        Code::InvalidUtf8,
        Code::EmptyMap,
        Code::YamlSyntax,
        Code::UnsupportedVersion,
        Code::MissingField,
        Code::WrongType,
        Code::UnknownKey,
        Code::InvalidId,
        Code::DuplicateKey,
    ];
    let all = inputs("import");
    assert!(!all.is_empty());
    for (name, data) in all {
        let Some((&first, bytes)) = data.split_first() else {
            continue;
        };
        let format = FORMATS[usize::from(first) % FORMATS.len()];
        let Ok(imported) = import(bytes, format, "Fuzz", 4 << 20, Some(20_000)) else {
            continue;
        };
        let source = SourceFile::new("imported.yaml", imported.yaml);
        let checked = argmap::check(&source, &CheckOptions::default());
        for d in &checked.diagnostics {
            assert!(
                !MALFORMED.contains(&d.code),
                "{name}: {format:?} wrote a malformed map: {} {}",
                d.code.as_str(),
                d.message
            );
        }
    }
}

/// As `fuzz_targets/load_check.rs` and `yaml_fast.rs`: any bytes load and
/// check, every diagnostic prints, a second check gives the same
/// diagnostics, and the YAML fast path agrees with the parser.
#[test]
fn load_check_regressions() {
    use argmap::diagnostic::render::{human, json};
    for (name, data) in inputs("load_check") {
        if let Ok(text) = std::str::from_utf8(&data) {
            // As `fuzz_targets/yaml_fast.rs`: the fast path reads it as
            // the parser does, or leaves it to the parser.
            if let Err(e) = argmap::load::yaml_fast_path_agrees(text) {
                panic!("{name}: {e}");
            }
        }
        let (source, early) = argmap::load::decode(Path::new("fuzz.yaml"), data);
        let run = || match &early {
            Some(d) => vec![d.clone()],
            None => argmap::check(&source, &CheckOptions::default()).diagnostics,
        };
        let first: Vec<String> = run().iter().map(|d| json(&source, d)).collect();
        for d in &run() {
            let _ = human(&source, d, false);
        }
        let again: Vec<String> = run().iter().map(|d| json(&source, d)).collect();
        assert_eq!(first, again, "{name}");
    }
}

/// As `fuzz_targets/quote.rs`: a source text, NUL, quotes separated by
/// SOH; every place reported lies on character boundaries. (The input
/// kept here took seconds when the closest passage's length search was
/// cubic in the quote's length.)
#[test]
fn quote_regressions() {
    use argmap::quote::{Match, Source};
    let all = inputs("quote");
    assert!(!all.is_empty());
    for (name, data) in all {
        let text = String::from_utf8_lossy(&data);
        let (source_text, quotes) = text.split_once('\0').unwrap_or((&text, ""));
        let quotes: Vec<&str> = quotes.split('\u{1}').collect();
        let source = Source::new(source_text);
        let nfc = &source.nfc;
        for m in source.find_all(&quotes) {
            let (start, end) = match m {
                Match::Found(f) => (f.start, f.end),
                Match::Missing {
                    closest: Some(c), ..
                } => (c.start, c.end),
                Match::Missing { closest: None, .. } => continue,
            };
            assert!(start <= end && end <= nfc.len(), "{name}");
            assert!(
                nfc.is_char_boundary(start) && nfc.is_char_boundary(end),
                "{name}"
            );
        }
    }
}
