//! AIF and Kialo import and export.

use std::fmt::Write as _;

use argmap::interchange::{Draft, aif, kialo};
use argmap::{CheckOptions, SourceFile, check};

use crate::file_name;
use crate::support::root;

/// Checks a draft's YAML and returns it; fails on any error.
fn checked_yaml(name: &str, draft: &Draft) -> String {
    let errors = crate::draft_errors(draft);
    let yaml = draft.to_yaml();
    assert!(errors.is_empty(), "{name}: {errors:?}\n{yaml}");
    yaml
}

/// The YAML of an import followed by its losses, for a snapshot.
fn report(name: &str, draft: &Draft) -> String {
    let mut out = checked_yaml(name, draft);
    out.push_str("\n--- losses\n");
    for loss in &draft.losses {
        let _ = writeln!(out, "{loss}");
    }
    out
}

fn load_map(path: &str) -> argmap::Map {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let c = check(&SourceFile::new(path, text), &CheckOptions::default());
    assert!(!c.has_errors(), "{path}");
    c.into_parts().0.unwrap().into_map()
}

#[test]
fn kialo_fixtures() {
    insta::glob!("../fixtures/kialo", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let draft = kialo::import(&text, &file_name(path)).unwrap();
        insta::assert_snapshot!(report(&file_name(path), &draft));
    });
}

#[test]
fn aif_fixtures() {
    insta::glob!("../fixtures/aif", "*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let draft = aif::import(&text, "Four-day week").unwrap();
        insta::assert_snapshot!(report(&file_name(path), &draft));
    });
}

#[test]
fn aif_export_of_every_relation() {
    let map = load_map("tests/fixtures/valid/all-relations.yaml");
    let json = aif::export(&map);
    insta::assert_snapshot!(json);
    // And back: every node and relation kind survives.
    let draft = aif::import(&json, "Every kind of node and relation").unwrap();
    checked_yaml("back.yaml", &draft);
    assert_eq!(draft.nodes.len(), map.nodes.len());
}

#[test]
fn aif_round_trip_of_the_istanbul_map() {
    let map = load_map("maps/istanbul.yaml");
    let json = aif::export(&map);
    let draft = aif::import(&json, "Istanbul").unwrap();
    checked_yaml("istanbul-back.yaml", &draft);
    // The shape: nodes of each kind and relations of each kind, both ways.
    let mut before = std::collections::BTreeMap::new();
    for n in map.nodes.values() {
        *before.entry(n.kind.as_str()).or_insert(0) += 1;
        for r in &n.relations {
            *before.entry(r.kind.as_str()).or_insert(0) += 1;
        }
    }
    let mut after = std::collections::BTreeMap::new();
    for n in &draft.nodes {
        *after.entry(n.kind.as_str()).or_insert(0) += 1;
        for r in &n.relations {
            *after.entry(r.kind.as_str()).or_insert(0) += 1;
        }
    }
    assert_eq!(before, after);
    let before: std::collections::BTreeSet<&str> =
        map.nodes.values().map(|n| n.text.value.as_str()).collect();
    let after: std::collections::BTreeSet<&str> =
        draft.nodes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(before, after);
    // Holders and rejecters come back as L-, YA-nodes and participants.
    assert!(draft.losses.is_empty(), "{:?}", draft.losses);
    let commitments = |held: Vec<usize>, rejected: Vec<usize>| (held, rejected);
    assert_eq!(
        commitments(
            map.nodes.values().map(|n| n.held_by.len()).collect(),
            map.nodes.values().map(|n| n.rejected_by.len()).collect()
        ),
        commitments(
            draft.nodes.iter().map(|n| n.held_by.len()).collect(),
            draft.nodes.iter().map(|n| n.rejected_by.len()).collect()
        )
    );
}

#[test]
fn malformed_input_is_an_error_with_a_line() {
    let err = aif::import(
        "{\n  \"nodes\": [\n    {\"nodeID\": \"1\" \"text\": \"x\"}\n  ]\n}\n",
        "t",
    )
    .unwrap_err();
    assert_eq!(err.line, Some(3));
    assert!(
        err.to_string().starts_with("line 3: not valid JSON"),
        "{err}"
    );
    let err = aif::import("{\"edges\": []}", "t").unwrap_err();
    assert!(err.to_string().contains("no `nodes` list"), "{err}");
    assert!(kialo::import("Discussion Title: nothing\n", "t").is_err());
}

/// Lines in Kialo's shape, shuffled and mangled.
fn kialo_line() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let number = proptest::collection::vec(1u8..4, 1..5).prop_map(|parts| {
        parts
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(".")
            + "."
    });
    (
        number.clone(),
        prop_oneof![Just("Pro: "), Just("Con: "), Just(""), Just("Thesis: ")],
        prop_oneof![
            "[a-z ]{0,20}".prop_map(|s| s),
            number.prop_map(|n| format!("-> See {n}")),
            Just(String::new()),
            "\\PC{0,12}".prop_map(|s| s),
        ],
    )
        .prop_map(|(n, side, text)| format!("{n} {side}{text}"))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Whatever the text, Kialo import ends in a map that checks without
    /// errors, or in an error: never a panic, never a broken map.
    #[test]
    fn any_kialo_text_imports_clean_or_fails(
        lines in proptest::collection::vec(kialo_line(), 0..30),
        title in proptest::option::of("Discussion Title: [a-z ]{0,10}"),
    ) {
        let mut text = title.map(|t| t + "\n\n").unwrap_or_default();
        text.push_str(&lines.join("\n"));
        if let Ok(draft) = kialo::import(&text, "fuzz") {
            let errors = crate::draft_errors(&draft);
            proptest::prop_assert!(errors.is_empty(), "{errors:?}\n{text}\n{}", draft.to_yaml());
        }
    }

    /// AIF JSON with nodes and edges picked at random (dangling ids, odd
    /// types, cycles): a clean map or an error.
    #[test]
    fn any_aif_graph_imports_clean_or_fails(
        nodes in proptest::collection::vec((0u8..8, "[a-z ]{0,12}"), 0..14),
        edges in proptest::collection::vec((0u8..16, 0u8..16), 0..24),
    ) {
        const TYPES: [&str; 8] = ["I", "RA", "CA", "MA", "L", "YA", "TA", "PA"];
        let nodes: Vec<serde_json::Value> = nodes
            .iter()
            .enumerate()
            .map(|(i, (t, text))| serde_json::json!({"nodeID": (i + 1).to_string(), "type": TYPES[*t as usize], "text": text}))
            .collect();
        let edges: Vec<serde_json::Value> = edges
            .iter()
            .enumerate()
            .map(|(i, (a, b))| serde_json::json!({"edgeID": i.to_string(), "fromID": a.to_string(), "toID": b.to_string()}))
            .collect();
        let text = serde_json::json!({"nodes": nodes, "edges": edges, "locutions": []}).to_string();
        if let Ok(draft) = aif::import(&text, "fuzz") {
            let errors = crate::draft_errors(&draft);
            proptest::prop_assert!(errors.is_empty(), "{errors:?}\n{text}\n{}", draft.to_yaml());
        }
    }
}

/// Hostile inputs, one or more per importer, each shaped to hit
/// a loop that would be quadratic (an unclosed brace rescanned to the end,
/// a `[` or `#(` looking for its close, a parent looked up among its
/// siblings, one argument attacked by all): with every importer linear each takes well under a second, even
/// in a debug build; a quadratic one would take minutes. Each is either
/// imported or refused with a message, never a panic.
#[test]
fn importers_stay_linear_on_hostile_input() {
    use argmap::interchange::{ImportFormat, import};
    // Characters on one line, and entries of a list: a quadratic loop
    // would make 10^10 and 4·10^8 steps of them.
    let n = 100_000;
    let wide = 20_000;
    let mut cases: Vec<(ImportFormat, String)> = Vec::new();
    // Argdown: 100,000 unclosed `{` in one statement, as many `[`, `[…](`
    // and `#(`.
    cases.push((ImportFormat::Argdown, format!("[A]: {}\n", "{".repeat(n))));
    cases.push((ImportFormat::Argdown, format!("[A]: {}\n", "[".repeat(n))));
    cases.push((ImportFormat::Argdown, format!("[A]: {}](\n", "[".repeat(n))));
    cases.push((
        ImportFormat::Argdown,
        format!("[A]: a{}\n", " #(".repeat(n / 2)),
    ));
    // Argdown: one statement with 20,000 reasons.
    let mut many = String::from("[A]: a\n");
    for i in 0..wide {
        let _ = writeln!(many, "  + [B{i}]: b");
    }
    cases.push((ImportFormat::Argdown, many));
    // Kialo: 20,000 reasons for one thesis.
    let mut kialo = String::from("Discussion Title: Wide\n\n1. Thesis\n");
    for i in 0..wide {
        let _ = writeln!(kialo, "1.{}. Pro: Reason {i}", i + 1);
    }
    cases.push((ImportFormat::Kialo, kialo));
    // AIF: 20,000 claims each supporting the first through an RA-node.
    let mut nodes = vec![r#"{"nodeID":"c0","text":"Claim 0","type":"I"}"#.to_string()];
    let mut edges = Vec::new();
    for i in 1..wide {
        nodes.push(format!(
            r#"{{"nodeID":"c{i}","text":"Claim {i}","type":"I"}}"#
        ));
        nodes.push(format!(
            r#"{{"nodeID":"r{i}","text":"Default Inference","type":"RA"}}"#
        ));
        edges.push(format!(
            r#"{{"edgeID":"e{i}a","fromID":"c{i}","toID":"r{i}"}}"#
        ));
        edges.push(format!(
            r#"{{"edgeID":"e{i}b","fromID":"r{i}","toID":"c0"}}"#
        ));
    }
    cases.push((
        ImportFormat::Aif,
        format!(
            r#"{{"nodes":[{}],"edges":[{}]}}"#,
            nodes.join(","),
            edges.join(",")
        ),
    ));
    // Frameworks: every argument attacks argument 1.
    let mut af = format!("p af {wide}\n");
    let mut apx = String::new();
    let mut tgf = String::new();
    for i in 1..=wide {
        let _ = writeln!(af, "{i} 1");
        let _ = writeln!(apx, "arg(a{i}).");
        let _ = writeln!(tgf, "a{i}");
    }
    tgf.push_str("#\n");
    for i in 1..=wide {
        let _ = writeln!(apx, "att(a{i},a1).");
        let _ = writeln!(tgf, "a{i} a1");
    }
    cases.extend([
        (ImportFormat::Af, af),
        (ImportFormat::Apx, apx),
        (ImportFormat::Tgf, tgf),
    ]);
    for (format, input) in cases {
        let imported = import(input.as_bytes(), format, "hostile", 256 << 20, None);
        match imported {
            Ok(imported) => assert!(imported.yaml.starts_with("argmap: 1"), "{format:?}"),
            Err(e) => assert!(!e.to_string().is_empty(), "{format:?}"),
        }
    }
}
