//! Any bytes as a map file: decode, load, check, and print every
//! diagnostic for people and as JSON. Checks that nothing panics, that
//! every diagnostic's span lies in the text, that the JSON parses, and that
//! a second check gives the same diagnostics.
#![no_main]

use std::path::Path;

use argmap::CheckOptions;
use argmap::diagnostic::render::{human, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (source, early) = argmap::load::decode(Path::new("fuzz.yaml"), data.to_vec());
    let run = || match &early {
        Some(d) => vec![d.clone()],
        None => argmap::check(&source, &CheckOptions::default()).diagnostics,
    };
    let diagnostics = run();
    let len = source.text().len();
    let mut lines = Vec::new();
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end as usize <= len + 3, "{d:?}");
        let _ = human(&source, d, false);
        let line = json(&source, d);
        let value: serde_json::Value = serde_json::from_str(&line).expect("JSON diagnostic");
        assert_eq!(value["code"], d.code.as_str());
        lines.push(line);
    }
    let again: Vec<String> = run().iter().map(|d| json(&source, d)).collect();
    assert_eq!(lines, again, "the same text gave other diagnostics");
});
