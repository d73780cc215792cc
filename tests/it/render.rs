//! DOT for every map and valid fixture, and Graphviz accepts each.

use std::process::Command;

use argmap::{CheckOptions, GroupBy, RenderOptions, SourceFile, check};

use crate::file_name;
use crate::support::{have_dot, pipe, root};

fn dot_of(path: &std::path::Path, options: &RenderOptions) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    // Named relative to the repository root, where tests run, so that
    // sources' `file:` paths resolve.
    let name = path
        .strip_prefix(root())
        .map_or_else(|_| file_name(path), |p| p.to_string_lossy().into_owned());
    let checked = check(&SourceFile::new(name, text), &CheckOptions::default());
    assert!(
        !checked.has_errors(),
        "{}: {:#?}",
        path.display(),
        checked.diagnostics
    );
    argmap::render::dot(checked.graph().unwrap(), options)
}

/// Feeds DOT to Graphviz; it must succeed without a warning.
fn assert_dot_accepts(name: &str, dot: &str) {
    let out = pipe(Command::new("dot").arg("-Tsvg"), dot.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "dot rejected {name}:\n{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

fn snapshot_dir(pattern_dir: &str) {
    let dot_here = have_dot();
    insta::glob!(pattern_dir, "*.yaml", |path| {
        let dot = dot_of(path, &RenderOptions::default());
        insta::with_settings!({ snapshot_suffix => file_name(path) }, {
            insta::assert_snapshot!(dot);
        });
        if dot_here {
            assert_dot_accepts(&file_name(path), &dot);
            for group_by in [GroupBy::Actor, GroupBy::Tag] {
                let options = RenderOptions {
                    group_by,
                    ..RenderOptions::default()
                };
                assert_dot_accepts(&file_name(path), &dot_of(path, &options));
            }
        }
    });
}

#[test]
fn maps_dot() {
    snapshot_dir("../../maps");
}

#[test]
fn valid_fixtures_dot() {
    snapshot_dir("../fixtures/valid");
}

#[test]
fn labels_cannot_inject_dot() {
    let path = root().join("tests/fixtures/valid/tricky-labels.yaml");
    let dot = dot_of(&path, &RenderOptions::default());
    // The injection attempt stays inside one label: escaped for the
    // HTML-like label and quoted in the tooltip.
    assert!(
        dot.contains("&quot;]; evil -&gt; pwned [label=&quot;x"),
        "{dot}"
    );
    assert!(dot.contains(r#"\"]; evil -> pwned [label=\"x"#), "{dot}");
    assert!(dot.contains(r"C:\\path\\to\\file\\"), "{dot}");
    // Node and edge statements: one per line; the injected text adds none.
    let edges = dot
        .lines()
        .filter(|l| l.contains(" -> ") && !l.contains("label="))
        .count();
    assert_eq!(edges, 3, "{dot}");
    if have_dot() {
        // Graphviz itself sees four nodes (the legend is the graph's
        // label, not a node), three edges.
        let plain =
            String::from_utf8(pipe(Command::new("dot").arg("-Tplain"), dot.as_bytes()).stdout)
                .unwrap();
        assert_eq!(
            plain.lines().filter(|l| l.starts_with("node ")).count(),
            4,
            "{plain}"
        );
        assert_eq!(
            plain.lines().filter(|l| l.starts_with("edge ")).count(),
            3,
            "{plain}"
        );
    }
}

#[test]
fn fallback_layout_draws_every_node() {
    let path = root().join("maps/istanbul.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check(
        &SourceFile::new("istanbul.yaml", text),
        &CheckOptions::default(),
    );
    let graph = checked.graph().unwrap();
    let svg = argmap::render::fallback_svg(graph, &RenderOptions::default()).unwrap();
    assert!(svg.contains("<svg"));
    for node in graph.map().nodes.values() {
        let first_word = node
            .label
            .as_deref()
            .unwrap_or(&node.text)
            .value
            .split_whitespace()
            .next()
            .unwrap();
        let first_word = first_word.replace('\'', "&apos;").replace('"', "&quot;");
        assert!(svg.contains(&first_word), "{} missing", node.id.value);
    }
}
