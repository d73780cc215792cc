//! The real binary: exit codes, default paths, output files, streams.

use std::path::Path;

use crate::support::{
    argmap, argmap_command, argmap_into_head, argmap_stdin, assert_exit, fixture, have_dot,
    listing, real_maps, root, text, workspace,
};

#[test]
fn check_defaults_to_maps_folder() {
    let dir = workspace();
    let out = argmap(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // Every real map, however many there are, and all of them clean.
    let maps = match real_maps().len() {
        1 => "1 map".to_string(),
        n => format!("{n} maps"),
    };
    assert_eq!(text(&out.stdout), format!("checked {maps}: no problems\n"));
}

// Issue 12, item 6: every real map quotes only what a local copy of its
// source holds, so that each quote is checked.
#[test]
fn every_real_map_passes_require_verified() {
    let maps = real_maps();
    assert!(maps.len() >= 3, "{maps:?}");
    for map in maps {
        let out = argmap(
            &root(),
            &["check", "--require-verified", map.to_str().unwrap()],
        );
        assert_eq!(
            (out.status.code(), text(&out.stdout)),
            (Some(0), "checked 1 map: no problems\n".to_string()),
            "{}: {}",
            map.display(),
            text(&out.stderr)
        );
    }
}

#[test]
fn check_without_maps_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(dir.path(), &["check"]);
    assert_exit(&out, 2, "there is no `maps/` folder here");
}

#[test]
fn check_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(dir.path(), &["check", "nope.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: cannot read `nope.yaml`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_reports_every_file_and_exits_1() {
    let invalid = fixture("invalid");
    let out = argmap(&root(), &["check", invalid.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let files = std::fs::read_dir(&invalid).unwrap().count();
    assert!(
        stdout.contains(&format!("checked {files} maps:")),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "colour under NO_COLOR");
    // Sorted: E001 before W305.
    let first = stdout.find("E001-latin1.yaml").unwrap();
    let last = stdout.find("W304-duplicate-relations.yaml").unwrap();
    assert!(first < last);
}

#[test]
fn check_json_is_one_object_per_line() {
    let file = fixture("invalid/E201-unknown-references.yaml");
    let out = argmap(
        &root(),
        &["check", "--format", "json", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0]["code"], "W302");
    let first = &lines[1];
    for key in [
        "file", "line", "column", "end", "severity", "code", "message", "help",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["code"], "E201");
    assert_eq!(first["line"], 9);
    assert_eq!(first["column"], 15);
    assert_eq!(first["message"], "unknown actor `natoo`");
    assert_eq!(first["help"], "did you mean `nato`?");
}

#[test]
fn deny_warnings_and_allow() {
    let file = fixture("invalid/W301-isolated-node.yaml");
    let file = file.to_str().unwrap();
    assert_eq!(argmap(&root(), &["check", file]).status.code(), Some(0));
    assert_eq!(
        argmap(&root(), &["check", "--deny", "warnings", file])
            .status
            .code(),
        Some(1)
    );
    let allowed = argmap(
        &root(),
        &["check", "--deny", "warnings", "-A", "isolated-node", file],
    );
    assert_eq!(allowed.status.code(), Some(0));
    assert_eq!(text(&allowed.stdout), "checked 1 map: no problems\n");
    let error = argmap(&root(), &["check", "--allow", "E201", file]);
    assert_eq!(error.status.code(), Some(2));
    let unknown = argmap(&root(), &["check", "--warn", "E999", file]);
    assert_exit(&unknown, 2, "unknown check `E999`");
}

#[test]
fn check_reads_stdin() {
    let out = argmap_stdin(
        &root(),
        &["check", "-"],
        b"title: t
nodes:
  a: { text: x, supports: b }
",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("--> <stdin>:3:27"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn render_default_output_is_svg_in_current_folder() {
    let dir = workspace();
    let out = argmap(dir.path(), &["render", "maps/istanbul.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "istanbul.svg\n");
    let svg = std::fs::read_to_string(dir.path().join("istanbul.svg")).unwrap();
    assert!(svg.contains("<svg"));
    // Graphviz or not, nothing but the output is left behind.
    assert_eq!(listing(dir.path()), ["istanbul.svg", "maps"]);
}

#[test]
fn render_formats_from_extension() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "-o", "out/map.dot"],
    );
    assert_eq!(out.status.code(), Some(2), "missing folder");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "-o", "out/map.dot"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dot = std::fs::read_to_string(dir.path().join("out/map.dot")).unwrap();
    assert!(dot.starts_with("digraph \"argmap\" {"));
    if !have_dot() {
        return;
    }
    for (ext, magic) in [
        ("svg", &b"<?xml"[..]),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
    ] {
        let name = format!("out/map.{ext}");
        let out = argmap(dir.path(), &["render", "maps/istanbul.yaml", "-o", &name]);
        assert_eq!(out.status.code(), Some(0), "{ext}: {}", text(&out.stderr));
        let bytes = std::fs::read(dir.path().join(&name)).unwrap();
        assert!(
            bytes.starts_with(magic),
            "{ext} output starts with {:?}",
            &bytes[..8]
        );
    }
}

#[test]
fn render_to_stdout() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "-o", "-", "--format", "dot"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("digraph"));
    assert_eq!(listing(dir.path()), ["maps"], "no file written");
}

#[test]
fn render_refuses_unknown_extension() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "-o", "map.jpeg"],
    );
    assert_exit(&out, 2, "cannot tell the format from `map.jpeg`");
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "--format", "gif"],
    );
    assert_exit(&out, 2, "possible values: dot, svg, png, pdf");
}

#[test]
fn render_with_errors_keeps_existing_output() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "title: t\nnodes:\n  a: { text: x, supports: b }\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.svg"), "old drawing").unwrap();
    let out = argmap(dir.path(), &["render", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[E201]: unknown node `b`"), "{stderr}");
    assert!(
        stderr.contains("`bad.yaml` has errors; nothing was drawn"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.svg")).unwrap(),
        "old drawing"
    );
}

#[test]
fn render_without_graphviz_falls_back_for_svg_only() {
    let dir = workspace();
    let run = |args: &[&str]| {
        argmap_command(dir.path())
            .args(args)
            .env("ARGMAP_DOT", "/nonexistent/dot")
            .output()
            .unwrap()
    };
    let out = run(&["render", "maps/istanbul.yaml", "-o", "map.svg"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: Graphviz not found: no program `/nonexistent/dot`"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install graphviz"), "{stderr}");
    assert!(
        std::fs::read_to_string(dir.path().join("map.svg"))
            .unwrap()
            .contains("<svg")
    );
    let out = run(&["render", "maps/istanbul.yaml", "-o", "map.png"]);
    assert_exit(&out, 2, "png needs Graphviz");
    assert!(!dir.path().join("map.png").exists());
}

#[test]
fn explain_codes() {
    let out = argmap(&root(), &["explain", "E201"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("E201 unknown-reference (error)"),
        "{stdout}"
    );
    assert!(stdout.contains("## Why is this bad?"));
    let out = argmap(&root(), &["explain", "circular-support"]);
    assert!(text(&out.stdout).starts_with("E204"));
    let out = argmap(&root(), &["explain"]);
    assert_eq!(
        text(&out.stdout).lines().count(),
        argmap::diagnostic::RULES.len()
    );
    let out = argmap(&root(), &["explain", "E999"]);
    assert_eq!(out.status.code(), Some(2));
    let out = argmap(&root(), &["explain", "--markdown"]);
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string(root().join("docs/checks.md")).unwrap()
    );
}

#[test]
fn help_and_version() {
    let out = argmap(&root(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for word in ["check", "render", "explain", "Examples:", "--color"] {
        assert!(help.contains(word), "--help lacks {word}");
    }
    for sub in ["check", "render", "explain"] {
        let out = argmap(&root(), &[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            text(&out.stdout).contains("Examples:"),
            "{sub} --help has no examples"
        );
    }
    let out = argmap(&root(), &["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("argmap {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = argmap(&root(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn closed_pipe_exits_cleanly() {
    // `argmap check … | head -1`: the reader goes away early.
    let invalid = fixture("invalid");
    let out = argmap_into_head(&root(), &format!("check {}", invalid.display()), "-1");
    let status = text(&out.stdout);
    // 1 (errors found) if everything fit in the pipe buffer, never 2 or a signal.
    assert!(
        status.trim() == "1" || status.trim() == "0",
        "exit {status}: {}",
        text(&out.stderr)
    );
    assert!(
        !text(&out.stderr).contains("Broken pipe"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_reports_unreadable_paths_and_goes_on() {
    let bad = fixture("invalid/E201-unknown-references.yaml");
    let out = argmap(
        &root(),
        &["check", "/nonexistent/map.yaml", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error[E201]"), "{stdout}");
    assert!(
        stdout.ends_with(
            "checked 1 map: 7 errors, 1 warning (1 map with errors); 1 path could not be read\n"
        ),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("cannot read `/nonexistent/map.yaml`"));
}

#[test]
fn render_keeps_inner_dots_in_default_name() {
    let dir = workspace();
    std::fs::copy(
        dir.path().join("maps/istanbul.yaml"),
        dir.path().join("maps/istanbul.v2.yaml"),
    )
    .unwrap();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.v2.yaml", "--format", "dot"],
    );
    assert_eq!(
        text(&out.stdout),
        "istanbul.v2.dot\n",
        "{}",
        text(&out.stderr)
    );
    assert!(dir.path().join("istanbul.v2.dot").exists());
}

#[test]
fn render_into_missing_folder_names_the_folder() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &["render", "maps/istanbul.yaml", "-o", "nodir/map.dot"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: cannot write `nodir/map.dot`: the folder `nodir` does not exist\n"
    );
}

#[test]
fn render_warns_when_format_and_extension_disagree() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &[
            "render",
            "maps/istanbul.yaml",
            "-o",
            "map.png",
            "--format",
            "dot",
        ],
    );
    assert_exit(
        &out,
        0,
        "warning: writing dot to `map.png`, whose extension says png",
    );
}

#[test]
fn empty_graphviz_output_does_not_replace_a_drawing() {
    let dir = workspace();
    std::fs::write(dir.path().join("keep.svg"), "old drawing").unwrap();
    // `true` exits 0 and prints nothing.
    let out = argmap_command(dir.path())
        .args(["render", "maps/istanbul.yaml", "-o", "keep.svg"])
        .env("ARGMAP_DOT", "true")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // `true` neither reads its input nor writes output: either is a failure.
    assert!(
        text(&out.stderr).contains("error: Graphviz failed"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.svg")).unwrap(),
        "old drawing"
    );
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "_argmap()"),
        ("zsh", "#compdef argmap"),
        ("fish", "complete -c argmap"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = argmap(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(
            script.contains(marker),
            "{shell}: {}",
            &script[..script.len().min(200)]
        );
        for command in ["check", "render", "eval", "report", "actors"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let out = argmap(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let out = argmap(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let man = text(&out.stdout);
    assert!(
        man.contains(".TH argmap 1") && man.contains("report"),
        "{}",
        &man[..man.len().min(300)]
    );
    // Each command has its page, as the main page's list promises.
    assert!(
        man.contains("argmap\\-render(1)"),
        "{}",
        &man[..man.len().min(300)]
    );
    let out = argmap(dir.path(), &["man", "render"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(
        page.contains(".TH argmap-render 1") && page.contains("\\-\\-focus"),
        "{}",
        &page[..page.len().min(300)]
    );
    let out = argmap(dir.path(), &["man", "frobnicate"]);
    assert_exit(&out, 2, "the commands are check, render");
}

#[test]
fn render_focus_draws_the_neighbourhood() {
    let dir = workspace();
    let map = root().join("maps/istanbul.yaml");
    let map = map.to_str().unwrap();
    let out = argmap(
        dir.path(),
        &[
            "render",
            map,
            "--focus",
            "free-choice",
            "--depth",
            "1",
            "-o",
            "-",
            "--format",
            "dot",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dot = text(&out.stdout);
    assert!(dot.contains("\"free-choice\""));
    // One step: the argument built on it, the principle that supports it
    // and the question it answers, nothing further.
    assert!(dot.contains("\"free-choice-grounds\"["), "{dot}");
    assert!(dot.contains("\"indivisible\"["), "{dot}");
    assert!(dot.contains("\"para-8\"["), "{dot}");
    assert_eq!(dot.matches("id=\"node-").count(), 4, "{dot}");
    assert!(
        dot.contains("around `free-choice`, 1 step:"),
        "the title says it"
    );
    let whole = text(&argmap(dir.path(), &["render", map, "-o", "-", "--format", "dot"]).stdout);
    let nodes = |d: &str| d.matches("id=\"node-").count();
    assert!(nodes(&dot) < nodes(&whole));
    // Depth 0 is the node alone.
    let alone = text(
        &argmap(
            dir.path(),
            &[
                "render",
                map,
                "--focus",
                "free-choice",
                "--depth",
                "0",
                "-o",
                "-",
                "--format",
                "dot",
            ],
        )
        .stdout,
    );
    assert_eq!(nodes(&alone), 1);
    // A typo gets a suggestion and exit 2; nothing is written.
    let out = argmap(dir.path(), &["render", map, "--focus", "free-choise"]);
    assert_exit(&out, 2, "did you mean `free-choice`?");
    assert!(!dir.path().join("istanbul.svg").exists());
    // --depth needs --focus.
    let out = argmap(dir.path(), &["render", map, "--depth", "2"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn render_focus_keeps_status_colours_of_the_whole_map() {
    let dir = workspace();
    let map = root().join("maps/istanbul.yaml");
    let map = map.to_str().unwrap();
    let whole = text(
        &argmap(
            dir.path(),
            &[
                "render", map, "--status", "grounded", "-o", "-", "--format", "dot",
            ],
        )
        .stdout,
    );
    let part = text(
        &argmap(
            dir.path(),
            &[
                "render",
                map,
                "--status",
                "grounded",
                "--focus",
                "free-choice-grounds",
                "--depth",
                "1",
                "-o",
                "-",
                "--format",
                "dot",
            ],
        )
        .stdout,
    );
    // Each node drawn in the part has the statement it has in the whole.
    let node_line = |dot: &str, id: &str| -> String {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\"[")))
            .map(|l| l.split("tooltip").next().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    let drawn: Vec<&str> = part
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter_map(|l| l.split_once("\"["))
        .map(|(id, _)| id)
        .filter(|id| !id.starts_with('_'))
        .collect();
    assert!(drawn.len() >= 2, "{part}");
    for id in drawn {
        assert_eq!(node_line(&part, id), node_line(&whole, id), "{id}");
    }
}

#[test]
fn render_max_nodes_and_engines() {
    let dir = workspace();
    let map = root().join("maps/istanbul.yaml");
    let map = map.to_str().unwrap();
    let out = argmap(dir.path(), &["render", map, "--max-nodes", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("more than --max-nodes 5") && err.contains("--focus"),
        "{err}"
    );
    assert!(!dir.path().join("istanbul.svg").exists());
    // The limit is for layout: DOT and Mermaid text is written at any size.
    for (format, starts) in [("dot", "digraph"), ("mermaid", "flowchart")] {
        let out = argmap(
            dir.path(),
            &[
                "render",
                map,
                "--max-nodes",
                "5",
                "-o",
                "-",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(starts), "{format}");
    }
    // The limit counts the drawn part.
    let out = argmap(
        dir.path(),
        &[
            "render",
            map,
            "--max-nodes",
            "5",
            "--focus",
            "free-choice",
            "--depth",
            "0",
            "-o",
            "-",
            "--format",
            "dot",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // sfdp is named in the DOT text, so the file lays out the same anywhere.
    let out = argmap(
        dir.path(),
        &[
            "render", map, "--engine", "sfdp", "-o", "-", "--format", "dot",
        ],
    );
    assert!(text(&out.stdout).contains("layout=\"sfdp\""));
    let out = argmap(dir.path(), &["render", map, "-o", "-", "--format", "dot"]);
    assert!(
        !text(&out.stdout).contains("layout="),
        "a small map is laid out by dot"
    );
    // builtin: SVG without Graphviz; other formats are refused.
    let out = argmap(
        dir.path(),
        &["render", map, "--engine", "builtin", "-o", "b.svg"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(dir.path().join("b.svg"))
            .unwrap()
            .contains("<svg")
    );
    let out = argmap(
        dir.path(),
        &["render", map, "--engine", "builtin", "-o", "b.png"],
    );
    assert_exit(&out, 2, "SVG only");
    if have_dot() {
        let out = argmap(
            dir.path(),
            &["render", map, "--engine", "sfdp", "-o", "s.svg"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let svg = std::fs::read_to_string(dir.path().join("s.svg")).unwrap();
        assert!(svg.contains("node&#45;free&#45;choice"), "{svg}");
    }
}

#[test]
fn large_dense_maps_are_laid_out_by_sfdp() {
    // 400 nodes, each supporting an earlier one and attacking two others:
    // dot would take minutes, auto picks sfdp.
    let mut yaml = String::from("title: Dense\nnodes:\n");
    let mut state = 7u64;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    for i in 0..400u64 {
        yaml.push_str(&format!("  n{i}:\n    text: Claim {i}.\n"));
        if i > 0 {
            let parent = next(i);
            yaml.push_str(&format!("    supports: n{parent}\n"));
            let (a, b) = (next(400), next(400));
            let targets: Vec<String> = [a, b]
                .iter()
                .filter(|&&t| t != i && t != parent)
                .map(|t| format!("n{t}"))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if !targets.is_empty() {
                yaml.push_str(&format!("    attacks: [{}]\n", targets.join(", ")));
            }
        } else {
            yaml.push_str("    attacks: n1\n");
        }
    }
    let dir = workspace();
    std::fs::write(dir.path().join("dense.yaml"), &yaml).unwrap();
    let out = argmap(
        dir.path(),
        &["render", "dense.yaml", "-o", "-", "--format", "dot"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("layout=\"sfdp\""));
    let out = argmap(
        dir.path(),
        &[
            "render",
            "dense.yaml",
            "--engine",
            "dot",
            "-o",
            "-",
            "--format",
            "dot",
        ],
    );
    assert!(!text(&out.stdout).contains("layout="));
}

#[test]
fn every_command_reads_stdin_and_writes_stdout() {
    // In a copy of maps/, where the map's sources resolve, so that what
    // is there after the runs can be compared with what was there before.
    let dir = workspace();
    let maps = dir.path().join("maps");
    let before = listing(&maps);
    let map = std::fs::read(maps.join("istanbul.yaml")).unwrap();
    let run = |args: &[&str]| argmap_stdin(&maps, args, &map);
    for (args, starts) in [
        (&["check", "-"][..], "checked 1 map"),
        (&["render", "-", "--format", "dot"][..], "digraph"),
        (&["render", "-"][..], "<?xml"),
        (
            &["render", "-", "-o", "-", "--format", "mermaid"][..],
            "flowchart",
        ),
        (&["eval", "-", "--format", "json"][..], "{"),
        (
            &["actors", "-"][..],
            "7 actors; status under grounded semantics",
        ),
        (&["report", "-", "-o", "-"][..], "<!DOCTYPE html>"),
        (
            &[
                "report",
                "-",
                "-o",
                "-",
                "--format",
                "md",
                "--diagram",
                "mermaid",
            ][..],
            "# ",
        ),
        (&["export", "-", "-o", "-"][..], "p af"),
    ] {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        assert!(
            stdout.starts_with(starts),
            "{args:?}: {}",
            &stdout[..stdout.len().min(200)]
        );
    }
    // Nothing was written beside the map.
    assert_eq!(listing(&maps), before);
}

#[test]
fn closed_pipe_exits_cleanly_for_large_outputs() {
    // More than a pipe buffer (64 KiB) of output, read for 10 bytes.
    for command in [
        "render maps/istanbul.yaml -o - --format svg",
        "report maps/istanbul.yaml -o -",
        "man",
        "schema",
        "completions zsh",
    ] {
        let out = argmap_into_head(&root(), command, "-c 10");
        assert_eq!(
            text(&out.stdout).trim(),
            "0",
            "{command}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).is_empty(),
            "{command}: {}",
            text(&out.stderr)
        );
    }
}

/// `argmap watch w.yaml -o w.dot` in `dir`, with its stderr collected as
/// it comes.
fn watch(
    dir: &Path,
) -> (
    std::process::Child,
    std::sync::Arc<std::sync::Mutex<String>>,
) {
    use std::io::Read;
    let mut child = argmap_command(dir)
        .args(["watch", "w.yaml", "-o", "w.dot"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut pipe_err = child.stderr.take().unwrap();
    let sink = stderr.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe_err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    (child, stderr)
}

/// Waits up to 20 s for `done`, failing with the watch's stderr.
fn wait_until(stderr: &std::sync::Mutex<String>, what: &str, done: &dyn Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting for {what}; stderr: {}",
            stderr.lock().unwrap()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn watch_redraws_on_save_and_survives_bad_saves() {
    use std::time::Duration;
    let dir = workspace();
    let map = dir.path().join("w.yaml");
    std::fs::write(
        &map,
        "title: W\nnodes:\n  a: A\n  b: { text: B, supports: a }\n",
    )
    .unwrap();
    let (mut child, stderr) = watch(dir.path());
    let wait_for = |what: &str, done: &dyn Fn() -> bool| wait_until(&stderr, what, done);
    let out = dir.path().join("w.dot");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    wait_for("the first drawing", &|| read(&out).contains("\"b\""));
    // Nothing changes, so nothing is drawn again (reading the map to check
    // it is no change).
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        !stderr.lock().unwrap().contains("changed"),
        "redrawn without a save: {}",
        stderr.lock().unwrap()
    );
    // A bad save, written the way editors do: a new file renamed over it.
    let tmp = dir.path().join(".w.yaml.tmp");
    std::fs::write(
        &tmp,
        "title: W\nnodes:\n  a: A\n  b: { text: B, supports: zz }\n",
    )
    .unwrap();
    std::fs::rename(&tmp, &map).unwrap();
    wait_for("the error", &|| {
        stderr.lock().unwrap().contains("unknown node `zz`")
    });
    assert!(child.try_wait().unwrap().is_none(), "the watch goes on");
    assert!(read(&out).contains("\"b\""), "the last good drawing stays");
    // A good save in place.
    std::fs::write(
        &map,
        "title: W\nnodes:\n  a: A\n  c: { text: C, attacks: a }\n",
    )
    .unwrap();
    wait_for("the new drawing", &|| read(&out).contains("\"c\""));
    assert!(child.try_wait().unwrap().is_none());
    // One save, one round (the debouncer merges the events of a save).
    std::thread::sleep(Duration::from_secs(1));
    let rounds = stderr
        .lock()
        .unwrap()
        .matches("changed: checking again")
        .count();
    assert_eq!(rounds, 2, "{}", stderr.lock().unwrap());
    child.kill().unwrap();
    child.wait().unwrap();
    let err = stderr.lock().unwrap().clone();
    assert!(err.contains("watching `w.yaml`"), "{err}");
    // Watching stdin or a missing file is refused.
    let out = argmap(dir.path(), &["watch", "-"]);
    assert_eq!(out.status.code(), Some(2));
    let out = argmap(dir.path(), &["watch", "missing.yaml"]);
    assert_exit(&out, 2, "no such file");
}

#[test]
fn import_and_export_map_formats() {
    let dir = workspace();
    let istanbul = root().join("maps/istanbul.yaml");
    let istanbul = istanbul.to_str().unwrap();
    // Map → Argdown / AIF → map: the result checks clean and keeps the nodes.
    for (file, marker) in [("i.argdown", "<"), ("i.json", "\"nodeID\"")] {
        let out = argmap(dir.path(), &["export", istanbul, "-o", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        // What the format has no place for is said, not dropped in silence.
        let err = text(&out.stderr);
        assert!(
            err.contains("not exported") && err.contains("46 evidence entries"),
            "{file}: {err}"
        );
        assert!(
            std::fs::read_to_string(dir.path().join(file))
                .unwrap()
                .contains(marker)
        );
        let out = argmap(dir.path(), &["import", file, "-o", "back.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        let out = argmap(dir.path(), &["check", "back.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        let back = std::fs::read_to_string(dir.path().join("back.yaml")).unwrap();
        assert!(
            back.contains(
                "so NATO may admit states that choose to seek membership, and the Open Door stays"
            ),
            "{file}"
        );
    }
    // Kialo by extension, with losses reported as warnings naming the line.
    let kialo = root().join("tests/fixtures/kialo/broken-links.txt");
    let out = argmap(
        dir.path(),
        &["import", kialo.to_str().unwrap(), "-o", "k.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("warning: not kept as written: line "), "{err}");
    // stdin needs --from for a map format; stdout with -o -.
    let argdown = "[A]: Alpha.\n  + [B]: Beta.\n  - <C>: Gamma.\n";
    let out = argmap_stdin(
        dir.path(),
        &["import", "-", "--from", "argdown", "-o", "-"],
        argdown.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let yaml = text(&out.stdout);
    assert!(
        yaml.contains("supports: [a]") && yaml.contains("attacks: [a]"),
        "{yaml}"
    );
    let out = argmap_stdin(
        &root().join("maps"),
        &["export", "-", "--format", "argdown"],
        &std::fs::read(root().join("maps/istanbul.yaml")).unwrap(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("[free-choice]") || text(&out.stdout).contains("Para 8"));
    // Bad input: exit 2, the line named, nothing written.
    std::fs::write(dir.path().join("bad.json"), "{\"nodes\": [1, 2,]}").unwrap();
    let out = argmap(dir.path(), &["import", "bad.json", "-o", "bad.yaml"]);
    assert_exit(&out, 2, "is not AIF JSON: line 1");
    assert!(!dir.path().join("bad.yaml").exists());
    std::fs::write(dir.path().join("latin1.argdown"), b"[A]: caf\xe9\n").unwrap();
    let out = argmap(dir.path(), &["import", "latin1.argdown", "-o", "l.yaml"]);
    assert_exit(&out, 2, "not UTF-8");
    assert!(!dir.path().join("l.yaml").exists());
}

#[test]
fn watch_follows_source_files_even_after_a_bad_save() {
    let dir = workspace();
    std::fs::write(dir.path().join("src.txt"), "Every state may choose.\n").unwrap();
    let good = "title: W\nsources:\n  s: { title: S, file: src.txt }\nnodes:\n  a:\n    text: A\n    evidence: { source: s, quote: Every state may choose. }\n  b: { text: B, supports: a }\n";
    std::fs::write(dir.path().join("w.yaml"), good).unwrap();
    let (mut child, stderr) = watch(dir.path());
    let wait_for = |what: &str, done: &dyn Fn(&str) -> bool| {
        wait_until(&stderr, what, &|| done(&stderr.lock().unwrap()));
    };
    wait_for("the watch", &|e| e.contains("and 1 source file"));
    std::fs::write(
        dir.path().join("w.yaml"),
        good.replace("supports: a", "supports: zz"),
    )
    .unwrap();
    wait_for("the error", &|e| e.contains("unknown node `zz`"));
    // The map has errors, but the source it cites is still watched: a
    // changed quote source is checked again.
    std::fs::write(
        dir.path().join("src.txt"),
        "Every state may choose freely.\n",
    )
    .unwrap();
    wait_for("the source round", &|e| {
        e.contains("`src.txt` changed: checking again")
    });
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A map with `n` claims, each held by `actor` and attacking the one
/// before it: n - 1 conflicting commitments (F501), spread over the file.
fn conflicted_map(n: usize) -> String {
    let mut map = String::from("argmap: 1\ntitle: Conflicts\nactors:\n  a: An actor\nnodes:\n");
    for i in 0..n {
        map.push_str(&format!(
            "  c{i}:\n    text: Claim {i}.\n    held_by: [a]\n"
        ));
        if i > 0 {
            map.push_str(&format!("    attacks: c{}\n", i - 1));
        }
    }
    map
}

#[test]
fn check_caps_what_a_terminal_gets_per_code() {
    let dir = workspace();
    std::fs::write(dir.path().join("big.yaml"), conflicted_map(60)).unwrap();
    let out = argmap(dir.path(), &["check", "big.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.matches("finding[F501]").count(), 20, "{stdout}");
    assert!(
        stdout.contains("39 more F501 (conflicting-commitments) findings in `big.yaml` not shown (--max-diagnostics 20)"),
        "{stdout}"
    );
    // The summary still counts every one.
    assert!(stdout.contains("; 59 findings"), "{stdout}");
    let out = argmap(dir.path(), &["check", "big.yaml", "--max-diagnostics", "0"]);
    assert_eq!(text(&out.stdout).matches("finding[F501]").count(), 59);
    assert!(!text(&out.stdout).contains("not shown"));
    let out = argmap(dir.path(), &["check", "big.yaml", "--max-diagnostics", "5"]);
    assert_eq!(text(&out.stdout).matches("finding[F501]").count(), 5);
    let out = argmap(dir.path(), &["check", "big.yaml", "--format", "json"]);
    assert_eq!(
        text(&out.stdout).lines().count(),
        59,
        "JSON lists every one"
    );
}

#[test]
fn commands_that_use_a_map_count_its_warnings_and_findings_in_one_line() {
    let dir = workspace();
    std::fs::write(dir.path().join("big.yaml"), conflicted_map(30)).unwrap();
    for args in [
        &["render", "big.yaml", "-o", "big.dot"][..],
        &["eval", "big.yaml"],
        &["export", "big.yaml", "--format", "af"],
    ] {
        let out = argmap(dir.path(), args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(!err.contains("finding[F501]"), "{args:?}: {err}");
        assert_eq!(
            err.trim(),
            "note: `big.yaml` has 29 findings; `argmap check big.yaml` shows them",
            "{args:?}"
        );
    }
}

/// A document in the format that holds nothing a map can hold is refused
/// as such, not as "not Argdown"; a broken one still is "not Argdown".
#[test]
fn import_says_when_a_document_holds_nothing_to_map() {
    let dir = workspace();
    for (name, body) in [
        (
            "prose.argdown",
            "# Notes\n\nSome prose, and no statement.\n",
        ),
        ("headings.argdown", "# One\n\n## Two\n\n### Three\n"),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
        let out = argmap(dir.path(), &["import", name, "-o", "m.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert_eq!(
            text(&out.stderr).trim(),
            format!(
                "error: `{name}` is Argdown but holds nothing a map can hold: it has no statements (`[Title]: text`) or arguments (`<Title>: text`), only headings and prose; nothing was written"
            )
        );
        assert!(!dir.path().join("m.yaml").exists());
    }
    std::fs::write(
        dir.path().join("l.json"),
        r#"{"nodes": [{"nodeID": "1", "text": "Bob: hi", "type": "L"}], "edges": []}"#,
    )
    .unwrap();
    let out = argmap(dir.path(), &["import", "l.json"]);
    assert!(
        text(&out.stderr).contains("is AIF JSON but holds nothing a map can hold"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(
        dir.path().join("broken.argdown"),
        "<A>\n\n(1) [P]: p\n----\n(2) [P]\n",
    )
    .unwrap();
    let out = argmap(dir.path(), &["import", "broken.argdown"]);
    assert!(
        text(&out.stderr).contains("is not Argdown"),
        "{}",
        text(&out.stderr)
    );
}

/// More than 20 losses: the first 20 and a count, or all with --all-losses.
#[test]
fn import_lists_every_loss_on_request() {
    let dir = workspace();
    let mut kialo = String::from("Discussion Title: Many\n\n1. Thesis\n");
    for i in 0..30 {
        kialo.push_str(&format!("1.{}. Pro: -> See 1.\n", i + 1));
        kialo.push_str(&format!("1.{}. Con: Reason {i}\n", i + 31));
    }
    std::fs::write(dir.path().join("d.txt"), &kialo).unwrap();
    let out = argmap(
        dir.path(),
        &["import", "d.txt", "--from", "kialo", "-o", "d.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let losses = err.matches("not kept as written: line").count();
    assert_eq!(losses, 20, "{err}");
    assert!(
        err.contains("… and 10 more not kept as written; --all-losses lists them"),
        "{err}"
    );
    let out = argmap(
        dir.path(),
        &[
            "import",
            "d.txt",
            "--from",
            "kialo",
            "-o",
            "d.yaml",
            "--all-losses",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(
        err.matches("not kept as written: line").count(),
        30,
        "{err}"
    );
    assert!(!err.contains("more not kept"), "{err}");
}
