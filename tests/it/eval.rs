//! `argmap eval`, `argmap export` and `argmap import` as a user runs them.

use std::path::Path;

use crate::support::{argmap, argmap_stdin, assert_exit, root, text};

#[test]
fn eval_istanbul_grounded_text() {
    let out = argmap(&root(), &["eval", "maps/istanbul.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn eval_istanbul_preferred_json() {
    let args = [
        "eval",
        "maps/istanbul.yaml",
        "--semantics",
        "preferred",
        "--format",
        "json",
    ];
    let out = argmap(&root(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["semantics"], "preferred");
    assert_eq!(v["support"], "none");
    assert_eq!(v["truncated"], false);
    let exts = v["extensions"].as_array().unwrap();
    // Two choices the map keeps apart: the position, and whether
    // enlargement came at Russia's expense.
    assert_eq!(exts.len(), 4);
    let has = |e: &serde_json::Value, id: &str| e["in"].as_array().unwrap().iter().any(|x| x == id);
    // Each side's position in some extension; the text of paragraph 8 in all.
    assert!(
        exts.iter()
            .any(|e| has(e, "open-door") && !has(e, "guarantees"))
    );
    assert!(
        exts.iter()
            .any(|e| has(e, "guarantees") && !has(e, "open-door"))
    );
    let sceptical: Vec<&str> = v["sceptical"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(sceptical.contains(&"free-choice") && sceptical.contains(&"no-expense"));
    assert!(!sceptical.contains(&"open-door") && !sceptical.contains(&"guarantees"));
    // Every node has a status and a reason in every extension.
    for e in exts {
        let nodes = e["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), v["arguments"].as_array().unwrap().len());
        // The reason starts with the status in words.
        assert!(nodes.iter().all(|n| {
            let word = match n["status"].as_str().unwrap() {
                "in" => "accepted: ",
                "out" => "rejected: ",
                _ => "undecided: ",
            };
            n["why"].as_str().unwrap().starts_with(word)
        }));
    }
    // Derived attacks say where they come from.
    let attacks = v["attacks"].as_array().unwrap();
    assert!(
        attacks
            .iter()
            .any(|a| a["via"] == "derived" && a["by"].is_string() && a["on"].is_string())
    );
    // Byte-identical on a second run.
    let again = argmap(&root(), &args);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn eval_limit_stops_with_a_warning() {
    let out = argmap(
        &root(),
        &[
            "eval",
            "maps/istanbul.yaml",
            "--semantics",
            "preferred",
            "--max-extensions",
            "1",
            "--format",
            "json",
        ],
    );
    assert_exit(
        &out,
        0,
        "stopped after 1 preferred extension (--max-extensions)",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["truncated"], true);
    assert_eq!(v["extensions"].as_array().unwrap().len(), 1);
    assert!(v["sceptical"].is_null() && v["credulous"].is_null());
}

#[test]
fn eval_other_semantics_and_readings() {
    // The Nixon diamond: the facts stand under every reading.
    for support in ["none", "deductive", "necessary", "arguments"] {
        let v = eval_example("nixon", &["--support", support]);
        assert_eq!(
            v["support"],
            if support == "arguments" {
                "none"
            } else {
                support
            }
        );
        let ins = v["extensions"][0]["in"].as_array().unwrap();
        assert!(ins.iter().any(|x| x == "quaker") && ins.iter().any(|x| x == "republican"));
    }
    // Stable and complete list their extensions and acceptance.
    let out = argmap(
        &root(),
        &["eval", "docs/examples/nixon.yaml", "--semantics", "stable"],
    );
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(
        s.contains("2 extensions")
            && s.contains("accepted in every extension (sceptically): quaker, republican\n"),
        "{s}"
    );
    // Grounded, and one per side.
    let v = eval_example("nixon", &["--semantics", "complete"]);
    assert_eq!(v["extensions"].as_array().unwrap().len(), 3);
    // Both sides are stable, so semi-stable and stage give them; ideal,
    // like grounded, one labelling with the facts alone.
    for semantics in ["semi-stable", "stage"] {
        let v = eval_example("nixon", &["--semantics", semantics]);
        assert_eq!(v["semantics"], semantics);
        assert_eq!(v["extensions"].as_array().unwrap().len(), 2, "{semantics}");
    }
    let out = argmap(
        &root(),
        &["eval", "docs/examples/nixon.yaml", "--semantics", "ideal"],
    );
    let s = text(&out.stdout);
    assert!(s.contains("ideal semantics") && s.contains("quaker"), "{s}");
    assert!(!s.contains("extension 1"), "one labelling, not a list: {s}");
}

#[test]
fn eval_stage_says_what_it_accepts_undefended() {
    // An odd cycle: each stage extension accepts one witness, rejects the
    // one it discredits and leaves the third undecided; the explanations
    // say so rather than call the undecided attacker rejected.
    let out = argmap(
        &root(),
        &[
            "eval",
            "docs/examples/odd-cycle.yaml",
            "--semantics",
            "stage",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("3 extensions"), "{s}");
    assert!(
        s.contains("is undecided (a stage extension need not defend what it accepts)"),
        "{s}"
    );
    assert!(
        s.contains("which is accepted, so the two cannot both be accepted"),
        "{s}"
    );
    assert!(!s.contains("is rejected, because"), "{s}");
    // The diagram's legend does not call what it accepts defended.
    let out = argmap(
        &root(),
        &[
            "render",
            "docs/examples/odd-cycle.yaml",
            "--status",
            "stage",
            "--format",
            "dot",
            "-o",
            "-",
        ],
    );
    let dot = text(&out.stdout);
    assert!(
        dot.contains("accepted = in a conflict-free set that settles the most"),
        "{dot}"
    );
    assert!(!dot.contains("defended against every attack"), "{dot}");
}

#[test]
fn timeout_is_checked_and_reported() {
    let map = "docs/examples/nixon.yaml";
    for bad in ["0", "-1", "soon", "NaN"] {
        let out = argmap(&root(), &["eval", map, &format!("--timeout={bad}")]);
        assert_exit(&out, 2, "--timeout");
    }
    let out = argmap(
        &root(),
        &["eval", map, "--semantics", "preferred", "--timeout", "30"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A dense ICCMA framework on which credulous acceptance under complete
    // semantics is hard: a short limit gives up with a message, exit 2.
    let hard = root().join("tests/fixtures/iccma/st_890_86_9_572.af");
    let out = argmap(
        &root(),
        &[
            "af",
            "-p",
            "DC-CO",
            "-f",
            hard.to_str().unwrap(),
            "-a",
            "1",
            "--timeout",
            "0.3",
        ],
    );
    assert_exit(&out, 2, "DC-CO: the time limit was reached");
    assert!(out.stdout.is_empty());
}

#[test]
fn eval_refuses_a_map_with_errors_and_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "title: T\nnodes:\n  a: {text: A, attacks: b}\n",
    )
    .unwrap();
    let out = argmap(dir.path(), &["eval", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("E201") && err.contains("nothing was evaluated"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = argmap(dir.path(), &["eval", "missing.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = argmap(dir.path(), &["eval", "bad.yaml", "--semantics", "naive"]);
    assert_exit(&out, 2, "possible values");
    let out = argmap(dir.path(), &["eval", "bad.yaml", "--max-extensions", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_reads_stdin() {
    let out = argmap_stdin(
        &root(),
        &["eval", "-", "--semantics", "preferred"],
        b"title: T\nnodes:\n  a: {text: A, contradicts: b}\n  b: B\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("extension 1: accepts a\n") && s.contains("extension 2: accepts b\n"),
        "{s}"
    );
}

#[test]
fn render_status_colours_nodes_and_picks_extensions() {
    let dot = |extra: &[&str]| {
        let mut args = vec!["render", "maps/istanbul.yaml", "-o", "-", "--format", "dot"];
        args.extend_from_slice(extra);
        argmap(&root(), &args)
    };
    let out = dot(&["--status", "grounded"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    // The node statement of a node: its line in the DOT text.
    let line = |s: &str, id: &str| {
        s.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\"[")))
            .unwrap_or_else(|| panic!("no node {id}"))
            .to_string()
    };
    assert!(line(&s, "open-door").contains("fillcolor=\"#EEDD88\""));
    assert!(line(&s, "open-door").contains("<TD>undecided <I>["));
    assert!(line(&s, "free-choice").contains("fillcolor=\"#77AADD\""));
    assert!(line(&s, "free-choice-grounds").contains("fillcolor=\"#EE8866\""));
    assert!(s.contains(">grounded, `supports` read as none<"), "{s}");
    // Questions are not evaluated: no fill, no status.
    assert!(!line(&s, "enlargement").contains("fillcolor"));
    // Each preferred extension colours one side.
    let one = text(&dot(&["--status", "preferred"]).stdout);
    let two = text(&dot(&["--status", "preferred", "--extension", "2"]).stdout);
    assert_ne!(line(&one, "open-door"), line(&two, "open-door"));
    assert!(two.contains(">preferred extension 2, `supports` read as none<"));
    let out = dot(&["--status", "preferred", "--extension", "5"]);
    assert_exit(&out, 2, "has 4 preferred extensions");
    let out = dot(&["--extension", "2"]);
    assert_eq!(out.status.code(), Some(2));
    // Without --status there are no status fills; holders are chips.
    let plain = text(&dot(&[]).stdout);
    assert!(!plain.contains("[undecided]") && !plain.contains("#EEDD88"));
}

/// Numbers in a grounded reference file.
fn reference(name: &str) -> std::collections::BTreeSet<usize> {
    let text = std::fs::read_to_string(
        root()
            .join("tests/fixtures/iccma")
            .join(format!("{name}.GR.txt")),
    )
    .unwrap();
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect()
}

#[test]
fn import_then_eval_reproduces_the_grounded_references() {
    let dir = tempfile::tempdir().unwrap();
    // Two of these have self-attacking arguments (odd-cycle helpers).
    for name in [
        "a1210993_20150717_0403.gml.80.af",
        "st_890_86_9_572.af",
        "admbuster_1000.af",
        "probo2-a.af",
    ] {
        let file = root().join("tests/fixtures/iccma").join(name);
        let out = argmap(
            dir.path(),
            &["import", file.to_str().unwrap(), "-o", "m.yaml"],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let out = argmap(dir.path(), &["check", "m.yaml", "-A", "W301"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let out = argmap(
            dir.path(),
            &["eval", "m.yaml", "--support", "none", "--format", "json"],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let got: std::collections::BTreeSet<usize> = v["extensions"][0]["in"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x.as_str().unwrap().strip_prefix('a')?.parse().ok())
            .collect();
        assert_eq!(got, reference(name), "{name}");
    }
}

#[test]
fn export_feeds_the_solver_and_round_trips_through_import() {
    let dir = tempfile::tempdir().unwrap();
    let ist = root().join("maps/istanbul.yaml");
    let ist = ist.to_str().unwrap();
    // One reading of support for the export and for eval, so that the
    // solver and eval read the same framework.
    let out = argmap(
        dir.path(),
        &["export", ist, "-o", "ist.af", "--support", "none"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let af = std::fs::read_to_string(dir.path().join("ist.af")).unwrap();
    assert!(
        af.starts_with("p af 24\n# argument names (number, name):\n# 1 equal-right\n"),
        "{af}"
    );
    // The solver's preferred extension is one of eval's two.
    let out = argmap(dir.path(), &["af", "-p", "SE-PR", "-f", "ist.af"]);
    let w = text(&out.stdout);
    let numbers: Vec<usize> = w
        .trim()
        .strip_prefix("w ")
        .unwrap()
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    let names: Vec<String> = numbers
        .iter()
        .map(|n| {
            af.lines()
                .find_map(|l| l.strip_prefix(&format!("# {n} ")))
                .unwrap()
                .to_string()
        })
        .collect();
    let out = argmap(
        dir.path(),
        &[
            "eval",
            ist,
            "--support",
            "none",
            "--semantics",
            "preferred",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["extensions"].as_array().unwrap().iter().any(|e| {
            let mut ins: Vec<String> = e["in"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            let mut want = names.clone();
            ins.sort();
            want.sort();
            ins == want
        }),
        "{names:?}"
    );
    // Import keeps the names from the comments; the map evaluates alike.
    let out = argmap(dir.path(), &["import", "ist.af", "-o", "back.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let out = argmap(
        dir.path(),
        &[
            "eval",
            "back.yaml",
            "--support",
            "none",
            "--semantics",
            "preferred",
            "--format",
            "json",
        ],
    );
    let back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sets = |v: &serde_json::Value| -> Vec<Vec<String>> {
        let mut s: Vec<Vec<String>> = v["extensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let mut x: Vec<String> = e["in"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect();
                x.sort();
                x
            })
            .collect();
        s.sort();
        s
    };
    assert_eq!(sets(&back), sets(&v));
    // apx and tgf, to stdout, read back by the solver.
    for format in ["apx", "tgf"] {
        let out = argmap(dir.path(), &["export", ist, "--format", format]);
        assert_eq!(out.status.code(), Some(0));
        std::fs::write(dir.path().join(format!("ist.{format}")), &out.stdout).unwrap();
        let out = argmap(
            dir.path(),
            &[
                "af",
                "-p",
                "DC-PR",
                "-f",
                &format!("ist.{format}"),
                "-a",
                "free-choice",
            ],
        );
        assert_eq!(text(&out.stdout), "YES\n");
    }
}

#[test]
fn import_and_export_report_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.af"), "p af 2\n1 3\n").unwrap();
    let out = argmap(dir.path(), &["import", "bad.af", "-o", "m.yaml"]);
    assert_exit(&out, 2, "line 2: argument 3 is out of range");
    assert!(!dir.path().join("m.yaml").exists());
    let out = argmap(dir.path(), &["import", "missing.af", "-o", "m.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = argmap(dir.path(), &["import", "bad.af"]);
    assert_eq!(out.status.code(), Some(2), "-o is required");
    std::fs::write(
        dir.path().join("bad.yaml"),
        "title: T\nnodes:\n  a: {text: A, attacks: b}\n",
    )
    .unwrap();
    let out = argmap(dir.path(), &["export", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

/// `argmap eval --format json` on a file under docs/examples.
fn eval_example(name: &str, extra: &[&str]) -> serde_json::Value {
    let path = format!("docs/examples/{name}.yaml");
    let mut args = vec!["eval", path.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let out = argmap(&root(), &args);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn status_of(v: &serde_json::Value, extension: usize, id: &str) -> String {
    v["extensions"][extension]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .map(|n| n["status"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
fn the_examples_in_docs_semantics_behave_as_documented() {
    let v = eval_example("reinstatement", &[]);
    let statuses: Vec<String> = ["wet", "sprinkler", "broken"]
        .iter()
        .map(|n| status_of(&v, 0, n))
        .collect();
    assert_eq!(statuses, ["in", "out", "in"]);
    let count = |v: &serde_json::Value| v["extensions"].as_array().unwrap().len();
    let v = eval_example("nixon", &[]);
    assert_eq!(status_of(&v, 0, "quaker"), "in");
    assert!(
        [
            "pacifist-argument",
            "hawk-argument",
            "pacifist",
            "not-pacifist"
        ]
        .iter()
        .all(|n| status_of(&v, 0, n) == "undecided")
    );
    for support in ["none", "deductive", "necessary"] {
        assert_eq!(
            count(&eval_example(
                "nixon",
                &["--semantics", "preferred", "--support", support]
            )),
            2,
            "{support}"
        );
    }
    assert_eq!(
        count(&eval_example("odd-cycle", &["--semantics", "stable"])),
        0
    );
    let v = eval_example("odd-cycle", &["--semantics", "preferred"]);
    assert_eq!(count(&v), 1);
    assert!(v["extensions"][0]["in"].as_array().unwrap().is_empty());
    // The undercut defeats the inference; the reading stands.
    let v = eval_example("undercut", &[]);
    assert_eq!(status_of(&v, 0, "reading"), "in");
    assert_eq!(status_of(&v, 0, "fever"), "in");
    assert_eq!(status_of(&v, 0, "reading-shows-fever"), "out");
    // Read as necessary, the fever falls with the inference, and so does
    // the argument that needs it; its conclusion stands on its own.
    let v = eval_example("undercut", &["--support", "necessary"]);
    assert_eq!(status_of(&v, 0, "fever"), "out");
    assert_eq!(status_of(&v, 0, "fever-argument"), "out");
    assert_eq!(status_of(&v, 0, "infection"), "in");
    assert_eq!(status_of(&v, 0, "reading"), "in");
    // Istanbul: the same four preferred extensions under every reading.
    for (support, n) in [
        ("deductive", 4),
        ("none", 4),
        ("necessary", 4),
        ("arguments", 4),
    ] {
        let out = argmap(
            &root(),
            &[
                "eval",
                "maps/istanbul.yaml",
                "--semantics",
                "preferred",
                "--support",
                support,
                "--format",
                "json",
            ],
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(count(&v), n, "{support}");
    }
    // Every image the page shows exists.
    let page = std::fs::read_to_string(root().join("docs/semantics.md")).unwrap();
    for image in page
        .split("](")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .filter(|s| {
            std::path::Path::new(s)
                .extension()
                .is_some_and(|e| e == "svg" || e == "yaml")
        })
    {
        assert!(root().join("docs").join(image).exists(), "{image}");
    }
}

#[test]
fn meta_argument_names_never_clash_with_node_ids() {
    let dir = tempfile::tempdir().unwrap();
    let map = "\
title: Clash
nodes:
  a:
    text: A
    attacks: [{to: b, id: ab}]
    contradicts: [{to: c, id: cd}]
  b: B
  c: C
  ab.x: {text: A node named like an auxiliary, attacks: a}
  cd.rev: {text: Another, attacks: a}
  u: {text: U, undercuts: [ab, cd]}
";
    std::fs::write(dir.path().join("m.yaml"), map).unwrap();
    let out = argmap(dir.path(), &["eval", "m.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["arguments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(ids.contains(&"ab/x") && ids.contains(&"cd/rev") && ids.contains(&"cd/rev/x"));
    // Each format reads back in the solver.
    for format in ["af", "apx", "tgf"] {
        let file = format!("m.{format}");
        let out = argmap(dir.path(), &["export", "m.yaml", "-o", &file]);
        assert_eq!(out.status.code(), Some(0));
        let out = argmap(dir.path(), &["af", "-p", "SE-GR", "-f", &file]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            text(&out.stderr)
        );
    }
    let apx = std::fs::read_to_string(dir.path().join("m.apx")).unwrap();
    assert!(
        apx.contains("arg(\"ab/x\").") && apx.contains("arg(\"ab.x\")."),
        "{apx}"
    );
}

#[test]
fn imported_maps_always_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "odd.apx",
            "arg(\"x y\").\narg(Ünï). % a comment\narg(--).\natt(\"x y\",Ünï).\natt(--,--).\n",
        ),
        ("loop.tgf", "x\nx.loop-1\n#\nx x\nx.loop-1 x\n"),
        ("dup.tgf", "A\na\n#\nA a\n"),
    ];
    for (name, body) in cases {
        std::fs::write(dir.path().join(name), body).unwrap();
        let out = argmap(dir.path(), &["import", name, "-o", "m.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let out = argmap(dir.path(), &["check", "m.yaml", "-A", "W301"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    // Refused: nothing to map, or more than a map may hold: 9,000,000
    // arguments of ~30 bytes each are just over the 256 MiB of a map. (The
    // largest count the parser takes is refused in
    // `the_largest_framework_the_parser_takes_is_refused`.)
    for (name, body) in [
        ("empty.apx", ""),
        ("zero.af", "p af 0\n"),
        ("big.af", "p af 9000000\n"),
    ] {
        assert_import_refused(dir.path(), name, body);
    }
    // Standard input is af unless --from (or its alias --fo) says otherwise,
    // and the error says so.
    let out = argmap_stdin(dir.path(), &["import", "-", "-o", "-"], b"arg(a).\n");
    assert_exit(&out, 2, "pass --from");
    let out = argmap_stdin(
        dir.path(),
        &["import", "-", "--fo", "apx", "-o", "-"],
        b"arg(a).\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("title: \"stdin\""));
}

/// Asserts that `argmap import NAME -o m.yaml` in `dir` refuses `body`
/// (exit 2) and writes nothing.
fn assert_import_refused(dir: &Path, name: &str, body: &str) {
    std::fs::write(dir.join(name), body).unwrap();
    let _ = std::fs::remove_file(dir.join("m.yaml"));
    let out = argmap(dir, &["import", name, "-o", "m.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{name}");
    assert!(
        text(&out.stderr).contains("nothing was written"),
        "{name}: {}",
        text(&out.stderr)
    );
    assert!(!dir.join("m.yaml").exists(), "{name}");
}

/// A 14-byte header that declares 99,999,999 arguments is refused before
/// anything is allocated for them: by `import` as more than a map may hold,
/// by `af` as more than a file of its size may declare (with the way to
/// read it anyway); a header a map could hold but the file's size does not
/// allow is refused by `import` with the same way out.
#[test]
fn a_header_is_checked_against_the_file_size_before_allocation() {
    let dir = tempfile::tempdir().unwrap();
    assert_import_refused(dir.path(), "huge.af", "p af 99999999\n");
    let out = argmap(dir.path(), &["import", "huge.af"]);
    assert!(
        text(&out.stderr).contains("(99999999 arguments, 0 attacks) would make a map of 2861 MiB or more, over the 256 MiB a map may have"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(dir.path().join("wide.af"), "p af 5000000\n").unwrap();
    let out = argmap(dir.path(), &["import", "wide.af", "-o", "w.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("w.yaml").exists());
    assert!(
        text(&out.stderr).contains(
            "`wide.af`: line 1: the header declares 5000000 arguments, more than the 1000000 allowed for a file of 13 bytes (8 per byte, at least 1000000); `--max-arguments 5000000` reads it anyway"
        ),
        "{}",
        text(&out.stderr)
    );
    let out = argmap(dir.path(), &["af", "-p", "SE-GR", "-f", "huge.af"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("`--max-arguments 99999999` reads it anyway"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    // Raised, the limit lets a header-only framework be solved.
    std::fs::write(dir.path().join("wide.af"), "p af 2000000\n").unwrap();
    let out = argmap(
        dir.path(),
        &["af", "-p", "DC-GR", "-f", "wide.af", "-a", "2000000"],
    );
    assert_eq!(out.status.code(), Some(2), "refused by default");
    let out = argmap(
        dir.path(),
        &[
            "af",
            "-p",
            "DC-GR",
            "-f",
            "wide.af",
            "-a",
            "2000000",
            "--max-arguments",
            "2000000",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("YES"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn no_stable_extension_is_said_plainly() {
    let out = argmap(
        &root(),
        &[
            "render",
            "docs/examples/odd-cycle.yaml",
            "--status",
            "stable",
            "-o",
            "-",
            "--format",
            "dot",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("has no stable extension") && !err.contains("--extension"),
        "{err}"
    );
    let v = eval_example("odd-cycle", &["--semantics", "stable"]);
    assert_eq!(v["credulous"].as_array().unwrap().len(), 0);
    assert_eq!(v["sceptical"].as_array().unwrap().len(), 3);
}

#[test]
fn actors_show_which_half_each_side_builds_on() {
    let out = argmap(
        &root(),
        &["actors", "maps/istanbul.yaml", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let foundation = |id: &str| -> Vec<String> {
        v["foundations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| {
                f["rested_on_by"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(foundation("free-choice"), ["nato", "usa"]);
    assert_eq!(foundation("no-expense"), ["russia"]);
    let russia = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "russia")
        .unwrap();
    assert!(
        russia["holds"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "guarantees" && c["status"] == "undecided")
    );
    // Under preferred semantics a status counts extensions.
    let out = argmap(
        &root(),
        &["actors", "maps/istanbul.yaml", "--semantics", "preferred"],
    );
    let s = text(&out.stdout);
    assert!(s.contains("guarantees (accepted in 2 of 4)"), "{s}");
    assert!(s.contains("free-choice          held by osce"), "{s}");
    // Tensions are the commitment findings.
    let fixture = "tests/fixtures/invalid/F501-conflicting-commitments.yaml";
    let out = argmap(&root(), &["actors", fixture, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let russia = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "russia")
        .unwrap();
    assert_eq!(russia["tensions"].as_array().unwrap().len(), 2);
    assert_eq!(russia["tensions"][0]["code"], "F501");
}
