//! Any bytes through each importer (the first byte picks Argdown, AIF,
//! Kialo, af, apx or tgf), then a check of the map it writes. Checks that
//! nothing panics and that an imported map is a well-formed map file: it
//! loads without YAML, structure or id errors (reference and type-rule
//! errors are allowed: the importer reports those to the user).
#![no_main]

use argmap::interchange::{ImportFormat, import};
use argmap::{CheckOptions, Code, SourceFile};
use libfuzzer_sys::fuzz_target;

const FORMATS: [ImportFormat; 6] = [
    ImportFormat::Argdown,
    ImportFormat::Aif,
    ImportFormat::Kialo,
    ImportFormat::Af,
    ImportFormat::Apx,
    ImportFormat::Tgf,
];

/// What an importer must never write.
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

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(first) % FORMATS.len()];
    // Small limits keep each run quick; the limits themselves are tested.
    let Ok(imported) = import(bytes, format, "Fuzz", 4 << 20, Some(20_000)) else {
        return;
    };
    let source = SourceFile::new("imported.yaml", imported.yaml);
    let checked = argmap::check(&source, &CheckOptions::default());
    for d in &checked.diagnostics {
        assert!(
            !MALFORMED.contains(&d.code),
            "{format:?} wrote a malformed map: {} {}\n{}",
            d.code.as_str(),
            d.message,
            source.text()
        );
    }
});
