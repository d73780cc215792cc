//! Diagnostics for every fixture, spans, and the checks reference.

use std::collections::BTreeSet;
use std::path::Path;

use argmap::diagnostic::render;
use argmap::{CheckOptions, Code, SourceFile, check};

use crate::file_name;
use crate::support::{files, real_maps, root};

/// Checks bytes as the CLI does (decode, then load and check), with the
/// fixture's own code switched on if it is off by default.
fn run(path: &Path, bytes: Vec<u8>) -> (SourceFile, Vec<argmap::Diagnostic>) {
    run_as(path, &file_name(path), bytes)
}

/// As [`run`], naming the file `name` (relative to the repository root,
/// where the tests run, so that a source's `file:` resolves from it).
fn run_as(path: &Path, name: &str, bytes: Vec<u8>) -> (SourceFile, Vec<argmap::Diagnostic>) {
    let name = name.to_string();
    let code = file_name(path).split('-').next().and_then(Code::parse);
    let options = CheckOptions {
        warn: code.into_iter().collect::<BTreeSet<_>>(),
        ..CheckOptions::default()
    };
    let (source, early) = argmap::load::decode(Path::new(&name), bytes);
    let diagnostics = match early {
        Some(d) => vec![d],
        None => check(&source, &options).diagnostics,
    };
    (source, diagnostics)
}

#[test]
fn invalid_fixtures() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let bytes = std::fs::read(path).unwrap();
        let input = String::from_utf8_lossy(&bytes).into_owned();
        let (source, diagnostics) = run(path, bytes);
        let name = file_name(path);
        let expected = name.split('-').next().unwrap();
        assert!(
            diagnostics.iter().any(|d| d.code.as_str() == expected),
            "{name} should report {expected}, got {:?}",
            diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect::<Vec<_>>()
        );
        let mut out = String::new();
        for d in &diagnostics {
            out.push_str(&render::human(&source, d, false));
            out.push_str("\n\n");
        }
        out.push_str("--- json\n");
        for d in &diagnostics {
            let line = render::json(&source, d);
            serde_json::from_str::<serde_json::Value>(&line).expect("valid JSON");
            out.push_str(&line);
            out.push('\n');
        }
        insta::with_settings!({ description => input.trim_end(), omit_expression => true }, {
            insta::assert_snapshot!(out);
        });
    });
}

#[test]
fn every_code_has_a_fixture() {
    let names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for code in Code::all() {
        assert!(
            names.iter().any(|n| n.starts_with(&format!("{code}-"))),
            "no fixture for {code}"
        );
    }
}

#[test]
fn valid_fixtures_and_maps_are_clean() {
    let mut files = files(&root().join("tests/fixtures/valid"), &["yaml"]);
    files.extend(real_maps());
    assert!(files.len() >= 5);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let relative = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let (_, mut diagnostics) = run_as(&path, &relative, bytes);
        // Findings describe the dispute, not a fault of the map.
        diagnostics
            .retain(|d| d.severity != argmap::Severity::Finding || relative.starts_with("maps/"));
        assert!(
            diagnostics.is_empty(),
            "{}: {diagnostics:#?}",
            path.display()
        );
    }
}

#[test]
fn output_is_deterministic() {
    let path = root().join("tests/fixtures/invalid/E201-unknown-references.yaml");
    let render_all = || {
        let (source, diagnostics) = run(&path, std::fs::read(&path).unwrap());
        diagnostics
            .iter()
            .map(|d| render::json(&source, d))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let first = render_all();
    for _ in 0..5 {
        assert_eq!(first, render_all());
    }
}

/// Asserts the first diagnostic of `code` in `yaml` starts at `line:column`
/// and covers `width` characters.
macro_rules! span_case {
    ($name:ident, $yaml:expr, $code:literal, $line:literal, $column:literal, $width:literal) => {
        #[test]
        fn $name() {
            let source = SourceFile::new("t.yaml", $yaml);
            let options = CheckOptions::default();
            let diagnostics = check(&source, &options).diagnostics;
            let d = diagnostics
                .iter()
                .find(|d| d.code.as_str() == $code)
                .unwrap_or_else(|| panic!("no {} in {diagnostics:#?}", $code));
            let start = source.line_col(d.span.start);
            let width = source.slice(d.span).chars().count();
            assert_eq!(
                (start.line, start.column, width),
                ($line, $column, $width),
                "{d:#?}"
            );
        }
    };
}

span_case!(
    span_unknown_key,
    "title: t\nnodes:\n  a:\n    text: x\n    suports: a\n",
    "E103",
    5,
    5,
    7
);
span_case!(
    span_unknown_node,
    "title: t\nnodes:\n  a:\n    text: x\n    supports: [a, bb]\n",
    "E201",
    5,
    19,
    2
);
span_case!(
    span_quoted_value,
    "title: t\nnodes:\n  a:\n    text: x\n    supports: \"zz\"\n",
    "E201",
    5,
    15,
    4
);
span_case!(
    span_duplicate_node,
    "title: t\nnodes:\n  ab:\n    text: x\n  ab:\n    text: y\n",
    "E107",
    5,
    3,
    2
);
span_case!(
    span_non_ascii,
    "title: ø\nnodes:\n  æ:\n    text: x\n",
    "E104",
    3,
    3,
    1
);
span_case!(
    span_missing_text,
    "title: t\nnodes:\n  abc:\n    label: x\n",
    "E101",
    3,
    3,
    3
);
span_case!(
    span_syntax,
    "title: t\nnodes:\n  a:\n    text: [x\n",
    "E003",
    4,
    11,
    0
);
span_case!(
    span_crlf,
    "title: t\r\nnodes:\r\n  a:\r\n    text: x\r\n    attacks: q\r\n",
    "E201",
    5,
    14,
    1
);

#[test]
fn long_values_are_refused() {
    let text = format!(
        "title: t\nnodes:\n  a:\n    text: {}\n",
        "x".repeat(2 * 1024 * 1024)
    );
    let source = SourceFile::new("t.yaml", text);
    let diagnostics = check(&source, &CheckOptions::default()).diagnostics;
    assert!(
        diagnostics.iter().any(|d| d.code == Code::InputLimit),
        "{diagnostics:#?}"
    );
}

#[test]
fn long_support_chain_does_not_overflow() {
    // Kosaraju is iterative; a recursive SCC would overflow on this chain.
    let mut text = String::from("title: chain\nnodes:\n");
    for i in 0..100_000 {
        text.push_str(&format!("  n{i}: {{ text: x, supports: n{} }}\n", i + 1));
    }
    text.push_str("  n100000: { text: end, supports: n0 }\n");
    let source = SourceFile::new("chain.yaml", text);
    let diagnostics = check(&source, &CheckOptions::default()).diagnostics;
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, Code::CircularSupport);
    assert_eq!(diagnostics[0].labels.len(), 100_000);
}

#[test]
fn checks_doc_is_generated_from_the_registry() {
    let on_disk = std::fs::read_to_string(root().join("docs/checks.md")).unwrap();
    assert!(
        on_disk == argmap::diagnostic::checks_markdown(),
        "docs/checks.md is stale: run `cargo run -- explain --markdown > docs/checks.md`"
    );
}

/// The YAML blocks of a section of an explanation.
fn yaml_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(b), "```") => {
                blocks.push(std::mem::take(b));
                current = None;
            }
            (Some(b), l) => {
                b.push_str(l);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn explanation_examples_do_what_they_say() {
    for rule in argmap::diagnostic::RULES {
        let (bad, good) = rule.explanation.split_once("Use instead").unwrap();
        let options = CheckOptions {
            warn: BTreeSet::from([rule.code]),
            ..CheckOptions::default()
        };
        let codes = |yaml: &str| -> Vec<Code> {
            check(&SourceFile::new("example.yaml", yaml), &options)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        for example in yaml_blocks(bad) {
            assert!(
                codes(&example).contains(&rule.code),
                "{}: example does not report it",
                rule.id
            );
        }
        for fixed in yaml_blocks(good) {
            let found = codes(&fixed);
            assert!(
                !found.contains(&rule.code),
                "{}: fixed example still reports it",
                rule.id
            );
            assert!(
                !found
                    .iter()
                    .any(|c| c.rule().severity == argmap::Severity::Error),
                "{}: fixed example has errors: {found:?}",
                rule.id
            );
        }
    }
}
