//! The drawing engine: the legend leaves the layout alone, drawings fit
//! pages at a minimum font size, holders are chips with legible text, and
//! the layout is stable when a node is added.

use std::process::Command;

use argmap::render::{AA_CONTRAST, Rgb, contrast};
use argmap::{CheckOptions, Format, GroupBy, Orientation, Page, Paper, RenderOptions, Size};

use crate::support::{argmap, have_dot, pipe, root, text, workspace};

/// A checked map from YAML text (which must have no errors).
fn checked(yaml: &str) -> argmap::Checked {
    let checked = argmap::check(
        &argmap::SourceFile::new("map.yaml", yaml.to_string()),
        &CheckOptions::default(),
    );
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    checked
}

fn istanbul() -> argmap::Checked {
    let text = std::fs::read_to_string(root().join("maps/istanbul.yaml")).unwrap();
    // Checked from the repository root so that sources' files resolve.
    let checked = argmap::check(
        &argmap::SourceFile::new("maps/istanbul.yaml", text),
        &CheckOptions::default(),
    );
    assert!(!checked.has_errors());
    checked
}

/// A made-up map of `n` nodes (n ≥ 6): a question, four main claims that
/// answer it, and reasons for and against them, held by five actors, some
/// quoting the same paragraph of one source.
pub(crate) fn synthetic(n: usize) -> String {
    let mut y = String::from(
        "title: A synthetic dispute\nactors:\n  a: Alpha Ministry\n  b: Beta Alliance\n  c: Gamma Institute (analysis)\n  d: { name: Delta, color: \"#000080\" }\n  e: { name: Epsilon, color: khaki }\nsources:\n  doc: { title: The Founding Charter }\n  paper: { title: A Commentary }\nnodes:\n  q:\n    kind: question\n    text: Which reading of the charter prevails?\n",
    );
    let holders = [
        "[a]",
        "[b, c]",
        "[a, d, e]",
        "[c]",
        "[b, d]",
        "[e, a, b, c]",
    ];
    for k in 1..n {
        let target = if k <= 4 {
            "q".to_string()
        } else {
            format!("c{}", (k - 1) / 3)
        };
        let relation = match (k <= 4, k % 3) {
            (true, _) => "answers",
            (false, 0) => "attacks",
            _ => "supports",
        };
        y.push_str(&format!(
            "  c{k}:\n    text: Claim {k} on what the charter means for all\n    held_by: {}\n    {relation}: {target}\n",
            holders[k % holders.len()]
        ));
        if k % 4 == 1 {
            y.push_str("    rejected_by: [d]\n");
        }
        if k % 5 == 0 {
            y.push_str("    evidence: [{ source: doc, at: para 8, quote: The text }]\n");
        } else if k % 7 == 0 {
            y.push_str("    evidence: [{ source: paper, at: p. 3 }]\n");
        }
    }
    y
}

/// `dot -Tplain` of DOT text.
fn plain(dot: &str) -> String {
    let out = pipe(Command::new("dot").arg("-Tplain"), dot.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Each node's name and box from `-Tplain` (inches), in the order listed.
fn node_boxes(plain: &str) -> Vec<(String, [f64; 4])> {
    plain
        .lines()
        .filter(|l| l.starts_with("node "))
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| w[i].parse::<f64>().unwrap();
            (w[1].to_string(), [n(2), n(3), n(4), n(5)])
        })
        .collect()
}

/// The edges' control points from `-Tplain`, as text.
fn edge_lines(plain: &str) -> Vec<String> {
    plain
        .lines()
        .filter(|l| l.starts_with("edge "))
        .map(|l| {
            // `edge tail head n x1 y1 … xn yn [label x y] style color`.
            let w: Vec<&str> = l.split_whitespace().collect();
            let n: usize = w[3].parse().unwrap();
            w[..4 + 2 * n].join(" ")
        })
        .collect()
}

#[test]
fn the_legend_never_moves_a_node_or_lengthens_an_edge() {
    if !have_dot() {
        return;
    }
    let maps = [
        ("istanbul", istanbul()),
        ("synthetic", checked(&synthetic(35))),
    ];
    for (name, checked) in &maps {
        let graph = checked.graph().unwrap();
        for status in [false, true] {
            let mut with = RenderOptions::default();
            if status {
                let evaluation = argmap::semantics::Evaluation::new(
                    graph,
                    argmap::semantics::Semantics::Grounded,
                    argmap::semantics::Support::Deductive,
                    1,
                )
                .unwrap();
                with.status =
                    argmap::render::StatusColours::of_evaluation(&evaluation, 0, "grounded");
            }
            let without = RenderOptions {
                legend: false,
                ..with.clone()
            };
            let (a, b) = (
                plain(&argmap::render::dot(graph, &with)),
                plain(&argmap::render::dot(graph, &without)),
            );
            // Every node in the same place with the same size, every edge
            // along the same curve: the legend is the graph's label, placed
            // after the layout, above it.
            assert_eq!(node_boxes(&a), node_boxes(&b), "{name}: nodes moved");
            assert_eq!(edge_lines(&a), edge_lines(&b), "{name}: edges changed");
            let size = |p: &str| -> (f64, f64) {
                let w: Vec<f64> = p
                    .lines()
                    .next()
                    .unwrap()
                    .split_whitespace()
                    .skip(2)
                    .map(|x| x.parse().unwrap())
                    .collect();
                (w[0], w[1])
            };
            // The graph's width is the same; only the label's height is added.
            let ((wa, ha), (wb, hb)) = (size(&a), size(&b));
            assert!((wa - wb).abs() < 1e-6, "{name}: width {wa} against {wb}");
            assert!(ha >= hb, "{name}");
        }
    }
}

/// The `MediaBox` of a PDF that Graphviz (cairo) wrote, in points.
fn media_box(pdf: &[u8]) -> Vec<f64> {
    let s = String::from_utf8_lossy(pdf);
    let at = s.find("/MediaBox").expect("a MediaBox");
    let rest = &s[at..];
    let open = rest.find('[').unwrap();
    let close = rest.find(']').unwrap();
    rest[open + 1..close]
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect()
}

/// The smallest text in an SVG that Graphviz drew, in points on the page:
/// each `font-size` times the scale of the graph's transform.
fn smallest_text_pt(svg: &str) -> f64 {
    let scale: f64 = {
        let at = svg.find("transform=\"scale(").unwrap() + "transform=\"scale(".len();
        svg[at..].split([' ', ')']).next().unwrap().parse().unwrap()
    };
    svg.match_indices("font-size=\"")
        .map(|(i, m)| {
            let v = &svg[i + m.len()..];
            v[..v.find('"').unwrap()].parse::<f64>().unwrap()
        })
        .fold(f64::INFINITY, f64::min)
        * scale
}

#[test]
fn istanbul_fits_one_a4_landscape_page_with_text_of_at_least_7pt() {
    if !have_dot() {
        return;
    }
    let dir = workspace();
    // By default a PDF is one A4 page, turned the way the drawing fits.
    let out = argmap(
        &root(),
        &[
            "render",
            "maps/istanbul.yaml",
            "-o",
            &dir.path().join("m.pdf").to_string_lossy(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = std::fs::read(dir.path().join("m.pdf")).unwrap();
    assert_eq!(media_box(&pdf), [0.0, 0.0, 842.0, 595.0]);
    // The same page as SVG: every text on it is at least 7 pt.
    let out = argmap(
        &root(),
        &["render", "maps/istanbul.yaml", "--page", "a4", "-o", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = text(&out.stdout);
    assert!(
        svg.contains("<svg width=\"842pt\" height=\"595pt\""),
        "{}",
        &svg[..400]
    );
    let smallest = smallest_text_pt(&svg);
    assert!(smallest >= 7.0, "text of {smallest:.2} pt");
    // The library says the same.
    let checked = istanbul();
    let options = RenderOptions {
        size: Size::Page(Page {
            paper: Paper::A4,
            orientation: Orientation::Auto,
            margin_pt: 20.0,
        }),
        ..RenderOptions::default()
    };
    let drawing = argmap::render::draw(
        checked.graph().unwrap(),
        &options,
        Format::Pdf,
        &argmap::render::DotProgram::default(),
    )
    .unwrap();
    let fit = drawing.fit.unwrap();
    assert!(fit.landscape && fit.font_pt >= 7.0, "{fit:?}");
    // The text is drawn at the fit's scale, as Graphviz rounds it (two
    // decimals).
    assert!(
        smallest >= 7.0 && (smallest - fit.font_pt).abs() < 0.15,
        "{fit:?} against {smallest}"
    );
}

#[test]
fn pages_sizes_and_a_map_too_large_to_read() {
    if !have_dot() {
        return;
    }
    let dir = workspace();
    std::fs::write(dir.path().join("big.yaml"), synthetic(160)).unwrap();
    std::fs::write(dir.path().join("mid.yaml"), synthetic(45)).unwrap();
    let run = |args: &[&str]| argmap(dir.path(), args);
    // Every paper, both ways up.
    for (page, w, h) in [
        ("a4", 595.0, 842.0),
        ("a3", 842.0, 1191.0),
        ("letter", 612.0, 792.0),
        ("legal", 612.0, 1008.0),
    ] {
        for (turn, (pw, ph)) in [("--portrait", (w, h)), ("--landscape", (h, w))] {
            let out = run(&[
                "render",
                "mid.yaml",
                "--page",
                page,
                turn,
                "--min-font",
                "0",
                "-o",
                "p.pdf",
            ]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            let pdf = std::fs::read(dir.path().join("p.pdf")).unwrap();
            assert_eq!(media_box(&pdf), [0.0, 0.0, pw, ph], "{page} {turn}");
        }
    }
    // 45 nodes whose reasons fan out three to a claim: too many in one
    // rank for A4 at 7 pt, but A3 takes them (turned as they fit best).
    let out = run(&["render", "mid.yaml", "-o", "mid.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("does not fit"));
    let out = run(&["render", "mid.yaml", "--page", "a3", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let smallest = smallest_text_pt(&text(&out.stdout));
    assert!(smallest >= 7.0, "{smallest}");
    // 160 nodes cannot be read on A4: refused, with what to do.
    let out = run(&["render", "big.yaml", "-o", "big.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("does not fit") && err.contains("below the minimum of 7 pt"),
        "{err}"
    );
    assert!(err.contains("--focus") && err.contains("--page"), "{err}");
    assert!(!dir.path().join("big.pdf").exists());
    // With no minimum it is drawn, however small.
    let out = run(&["render", "big.yaml", "--min-font", "0", "-o", "big.pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // --width in px for PNG (96 px per inch); --height in pt for SVG.
    let out = run(&[
        "render",
        "mid.yaml",
        "--width",
        "800px",
        "--min-font",
        "0",
        "-o",
        "w.png",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let png = std::fs::read(dir.path().join("w.png")).unwrap();
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert!((799..=801).contains(&width), "{width}");
    let out = run(&[
        "render",
        "mid.yaml",
        "--height",
        "400pt",
        "--min-font",
        "0",
        "-o",
        "-",
    ]);
    assert!(text(&out.stdout).contains("height=\"400pt\""));
    let out = run(&["render", "mid.yaml", "--width", "10furlongs", "-o", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown unit `furlongs`"));
}

/// Every (fill, text) colour pair written in DOT text: chips' `BGCOLOR`
/// with their `FONT COLOR`, and nodes' `fillcolor` with their `fontcolor`
/// (white and black by default).
fn colour_pairs(dot: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (i, _) in dot.match_indices("BGCOLOR=\"") {
        let rest = &dot[i + 9..];
        let fill = &rest[..rest.find('"').unwrap()];
        let font = rest.find("<FONT COLOR=\"").unwrap() + 13;
        let ink = &rest[font..font + rest[font..].find('"').unwrap()];
        pairs.push((fill.to_string(), ink.to_string()));
    }
    let attr = |line: &str, key: &str| -> Option<String> {
        let k = line.find(&format!(" {key}=\""))? + key.len() + 3;
        Some(line[k..k + line[k..].find('"')?].to_string())
    };
    for line in dot.lines().filter(|l| l.contains("[id=\"node-")) {
        pairs.push((
            attr(line, "fillcolor").unwrap_or_else(|| "#FFFFFF".into()),
            attr(line, "fontcolor").unwrap_or_else(|| "#000000".into()),
        ));
    }
    pairs
}

#[test]
fn every_fill_and_its_text_contrast_at_least_4_5_to_1() {
    let maps = [
        istanbul(),
        checked(&synthetic(35)),
        checked(
            "title: Colours\nactors:\n  dark: { name: Dark, color: \"#111111\" }\n  navy: { name: Navy, color: navy }\n  pale: { name: Pale, color: \"#ffffe0\" }\n  odd: { name: Odd, color: chartreuse4 }\n  mid: { name: Mid, color: \"#808080\" }\nnodes:\n  a: { text: A claim, held_by: [dark, navy, pale, odd, mid], supports: b }\n  b: { text: Another, held_by: [mid], rejected_by: [dark, odd] }\n",
        ),
    ];
    let mut checked_pairs = 0;
    for checked in &maps {
        let graph = checked.graph().unwrap();
        let evaluation = argmap::semantics::Evaluation::new(
            graph,
            argmap::semantics::Semantics::Grounded,
            argmap::semantics::Support::Deductive,
            1,
        )
        .unwrap();
        let status = argmap::render::StatusColours::of_evaluation(&evaluation, 0, "grounded");
        for status in [None, status] {
            let options = RenderOptions {
                status,
                ..RenderOptions::default()
            };
            let dot = argmap::render::dot(graph, &options);
            for (fill, ink) in colour_pairs(&dot) {
                let (f, t) = (Rgb::parse(&fill).unwrap(), Rgb::parse(&ink).unwrap());
                let ratio = contrast(f, t);
                assert!(ratio >= AA_CONTRAST, "{ink} on {fill}: {ratio:.2}");
                checked_pairs += 1;
            }
            // An unreadable colour name is never a fill under text.
            assert!(!dot.contains("BGCOLOR=\"chartreuse4\""));
            // Mermaid: the style of every chip and node.
            let mermaid = argmap::render::mermaid(graph, &options);
            for (i, _) in mermaid.match_indices("background-color:rgb(") {
                let rest = &mermaid[i..];
                let rgb = |s: &str| -> Rgb {
                    let k = s.find("rgb(").unwrap() + 4;
                    let v: Vec<u8> = s[k..k + s[k..].find(')').unwrap()]
                        .split(',')
                        .map(|x| x.parse().unwrap())
                        .collect();
                    Rgb(v[0], v[1], v[2])
                };
                let fill = rgb(rest);
                let ink = rgb(&rest[rest.find("#59;color:").unwrap()..]);
                assert!(contrast(fill, ink) >= AA_CONTRAST, "{rest}");
            }
            for line in mermaid
                .lines()
                .filter(|l| l.trim_start().starts_with("style n"))
            {
                let get = |key: &str| {
                    let k = line.find(key).unwrap() + key.len();
                    Rgb::parse(line[k..].split(',').next().unwrap()).unwrap()
                };
                assert!(
                    contrast(get("fill:"), get(",color:")) >= AA_CONTRAST,
                    "{line}"
                );
            }
        }
        // The library's own list of what it can emit for this map.
        for (colour, pair) in argmap::render::fills_and_text(graph.map()) {
            if let Some((fill, ink)) = pair {
                assert!(contrast(fill, ink) >= AA_CONTRAST, "{colour}");
            }
        }
    }
    assert!(checked_pairs > 100, "{checked_pairs}");
}

#[test]
fn several_holders_keep_the_shape_of_the_kind() {
    let checked = istanbul();
    let dot = argmap::render::dot(checked.graph().unwrap(), &RenderOptions::default());
    assert!(!dot.contains("striped") && !dot.contains("wedged"), "{dot}");
    let line = |id: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\"[")))
            .unwrap()
            .to_string()
    };
    // An argument held by two actors stays an ellipse with two chips.
    let map = checked.graph().unwrap().map();
    let (id, node) = map
        .nodes
        .iter()
        .find(|(_, n)| n.kind == argmap::model::NodeKind::Argument && n.held_by.len() > 1)
        .expect("an argument with several holders");
    let l = line(id);
    assert!(l.contains("shape=\"ellipse\""), "{l}");
    assert_eq!(l.matches("BGCOLOR=").count(), node.held_by.len(), "{l}");
    // A claim held by several: a rounded box (the default node), chips.
    let (id, node) = map
        .nodes
        .iter()
        .find(|(_, n)| n.kind == argmap::model::NodeKind::Claim && n.held_by.len() > 1)
        .unwrap();
    let l = line(id);
    assert!(!l.contains("shape="), "{l}");
    assert!(l.matches("BGCOLOR=").count() >= node.held_by.len(), "{l}");
}

#[test]
fn group_by_source_boxes_each_quoted_passage_and_group_by_group_the_groups() {
    let yaml = "title: Groups\nsources:\n  charter: { title: The Charter }\nnodes:\n  q: { kind: question, text: Which one? }\n  a:\n    text: A\n    answers: q\n    evidence: [{ source: charter, at: para 8, quote: x }]\n    group: Side one\n  b:\n    text: B\n    answers: q\n    evidence: [{ source: charter, at: para 8, quote: y }]\n    group: Side one\n  c:\n    text: C\n    supports: a\n    evidence: [{ source: charter, at: para 9 }]\n";
    let checked = checked(yaml);
    let graph = checked.graph().unwrap();
    let dot = |group_by| {
        argmap::render::dot(
            graph,
            &RenderOptions {
                group_by,
                ..RenderOptions::default()
            },
        )
    };
    let by_source = dot(GroupBy::Source);
    let cluster = |dot: &str, label: &str| -> String {
        let at = dot
            .find(&format!("label=\"{label}\""))
            .unwrap_or_else(|| panic!("{dot}"));
        let end = at + dot[at..].find("\n  }").unwrap();
        dot[at..end].to_string()
    };
    let para8 = cluster(&by_source, "The Charter\\npara 8");
    assert!(
        para8.contains("\"a\"[") && para8.contains("\"b\"["),
        "{para8}"
    );
    assert!(!para8.contains("\"c\"["));
    // A passage only one node quotes gets no box.
    assert!(!by_source.contains("para 9\""), "{by_source}");
    let by_group = dot(GroupBy::Group);
    let side = cluster(&by_group, "Side one");
    assert!(side.contains("\"a\"[") && side.contains("\"b\"[") && !side.contains("\"c\"["));
    // Without groups, the question sits on the last rank, first to read.
    let plain_dot = dot(GroupBy::None);
    assert!(
        plain_dot.contains("subgraph questions {\n    rank=\"max\"\n    \"q\""),
        "{plain_dot}"
    );
    if have_dot() {
        for d in [&by_source, &by_group, &plain_dot] {
            let out = pipe(Command::new("dot").arg("-Tsvg"), d.as_bytes());
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "{}",
                text(&out.stderr)
            );
        }
        // Right to left: the question is the leftmost node.
        let boxes = node_boxes(&plain(&plain_dot));
        let q = boxes.iter().find(|(n, _)| n == "q").unwrap().1[0];
        assert!(boxes.iter().all(|(_, b)| b[0] >= q), "{boxes:?}");
    }
}

/// How far the nodes of a map move, in points, when one node is added:
/// the mean and the largest distance over the nodes both drawings have.
fn movement(before: &str, after: &str) -> (f64, f64) {
    let a = node_boxes(before);
    let b = node_boxes(after);
    let mut moved = Vec::new();
    for (name, p) in &a {
        if let Some((_, q)) = b.iter().find(|(n, _)| n == name) {
            moved.push(((p[0] - q[0]).hypot(p[1] - q[1])) * 72.0);
        }
    }
    let mean = moved.iter().sum::<f64>() / f64::from(u32::try_from(moved.len()).unwrap());
    (mean, moved.iter().copied().fold(0.0, f64::max))
}

#[test]
fn layout_is_deterministic_and_adding_a_node_moves_few() {
    if !have_dot() {
        return;
    }
    let base = synthetic(35);
    let options = RenderOptions::default();
    let draw = |yaml: &str| {
        plain(&argmap::render::dot(
            checked(yaml).graph().unwrap(),
            &options,
        ))
    };
    let first = draw(&base);
    assert_eq!(first, draw(&base), "the same map, the same layout");
    let width = first
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .nth(2)
        .unwrap()
        .parse::<f64>()
        .unwrap()
        * 72.0;
    // A new reason at the edge of the map, one in its middle, and a new
    // main claim answering the question.
    for (what, target) in [
        ("a leaf's reason", "supports: c30"),
        ("a middle reason", "supports: c5"),
        ("a new answer", "answers: q"),
    ] {
        let grown = format!("{base}  extra:\n    text: One more reason\n    {target}\n");
        let (mean, max) = movement(&first, &draw(&grown));
        // Printed for the record (`cargo test … -- --nocapture`).
        println!(
            "adding {what} to 35 nodes: the others move {mean:.1} pt on average, {max:.1} pt at most (drawing {width:.0} pt wide)"
        );
        assert!(
            mean < width / 3.0,
            "{what}: mean movement {mean:.1} pt of a {width:.0} pt drawing"
        );
    }
    // The Istanbul map with a new answer to its question: before edges
    // kept their order (`ordering=out`) the others moved 108 pt on average.
    let text = std::fs::read_to_string(root().join("maps/istanbul.yaml")).unwrap();
    let draw_named = |yaml: String| {
        let checked = argmap::check(
            &argmap::SourceFile::new("maps/istanbul.yaml", yaml),
            &CheckOptions::default(),
        );
        plain(&argmap::render::dot(checked.graph().unwrap(), &options))
    };
    let before = draw_named(text.clone());
    let after = draw_named(format!(
        "{text}  extra:\n    text: One more answer to it\n    answers: priority\n"
    ));
    let (mean, max) = movement(&before, &after);
    let width = before
        .lines()
        .find(|l| l.starts_with("graph "))
        .and_then(|l| l.split_whitespace().nth(2))
        .and_then(|w| w.parse::<f64>().ok())
        .unwrap()
        * 72.0;
    println!(
        "adding an answer to the Istanbul map: the others move {mean:.1} pt on average, {max:.1} pt at most (drawing {width:.0} pt wide)"
    );
    // A new answer joins a rank of its own question's answers, so the
    // nodes below it shift by its height; the rest of the drawing stays.
    assert!(
        mean < width / 10.0,
        "{mean:.1} pt of a {width:.0} pt drawing"
    );
}

#[test]
fn report_takes_every_drawing_option_of_render() {
    if !have_dot() {
        return;
    }
    let dir = workspace();
    let out = argmap(
        &root(),
        &[
            "report",
            "maps/istanbul.yaml",
            "-o",
            &dir.path().join("r.html").to_string_lossy(),
            "--rankdir",
            "bt",
            "--group-by",
            "source",
            "--status",
            "grounded",
            "--no-legend",
            "--focus",
            "free-choice",
            "--depth",
            "1",
            "--wrap",
            "30",
            "--font-size",
            "12",
            "--page",
            "a4",
            "--landscape",
            "--margin",
            "10mm",
            "--min-font",
            "6",
            "--engine",
            "dot",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    // --page and --landscape choose the printed page; the drawing keeps
    // its natural size for the stylesheet to fit.
    assert!(
        html.contains("@page{size:A4 landscape;"),
        "{}",
        &html[..300]
    );
    assert!(!html.contains("<svg width=\"842pt\" height=\"595pt\""));
    // Graphviz writes `-` in ids as `&#45;`.
    assert!(
        html.contains("id=\"node&#45;free&#45;choice\"") && html.contains("#claim-free-choice")
    );
    // Only the focus and its neighbours are drawn; statuses fill them.
    assert!(!html.contains("id=\"node&#45;letter\""));
    assert!(
        html.contains("fill=\"#eedd88\"")
            || html.contains("fill=\"#77aadd\"")
            || html.contains("fill=\"#ee8866\"")
    );
    // Markdown with Mermaid takes them too.
    let out = argmap(
        &root(),
        &[
            "report",
            "maps/istanbul.yaml",
            "--format",
            "md",
            "--diagram",
            "mermaid",
            "-o",
            "-",
            "--rankdir",
            "lr",
            "--no-legend",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.contains("flowchart LR") && !md.contains("subgraph legend"));
}

/// docs/gallery.md shows what `docs/gallery/make` drew: every picture of
/// docs/gallery/pictures.tsv is there, with the DOT text the renderer
/// gives today (so a change to the drawing or a map without a redrawn
/// gallery fails here) and its PNG.
#[test]
fn the_gallery_is_current() {
    let dir = root().join("docs/gallery");
    let page = std::fs::read_to_string(root().join("docs/gallery.md")).unwrap();
    let list = std::fs::read_to_string(dir.join("pictures.tsv")).unwrap();
    let mut pictures = 0;
    for line in list
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line}");
        let (name, map, options) = (fields[0], fields[1], fields[2]);
        let mut args = vec!["render", map, "--format", "dot", "-o", "-"];
        if options != "-" {
            args.extend(options.split_whitespace());
        }
        let out = argmap(&root(), &args);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let committed =
            std::fs::read_to_string(dir.join(format!("{name}.dot"))).unwrap_or_else(|_| {
                panic!("docs/gallery/{name}.dot is missing: run docs/gallery/make")
            });
        assert!(
            text(&out.stdout) == committed,
            "docs/gallery/{name} is stale: run docs/gallery/make"
        );
        let png = std::fs::metadata(dir.join(format!("{name}.png"))).unwrap();
        assert!(png.len() > 10_000, "{name}.png");
        assert!(page.contains(&format!("(gallery/{name}.png)")), "{name}");
        pictures += 1;
    }
    assert!(pictures >= 12, "{pictures}");
    assert!(page.contains("(gallery/istanbul-report.png)"));
    assert!(dir.join("istanbul-report.png").exists());
    // Three maps of real disputes, each drawn.
    for map in ["istanbul", "whaling", "pluto"] {
        assert!(list.contains(&format!("\n{map}\t")), "{map}");
    }
}

/// In a report, --page chooses the printed page: a map too large for the
/// page at 7 pt is still reported (the stylesheet enlarges the diagram in
/// parts), where `render` would refuse it.
#[test]
fn report_page_is_the_printed_page_not_a_fit_of_the_drawing() {
    let dir = workspace();
    let out = argmap(
        dir.path(),
        &[
            "report",
            "maps/istanbul.yaml",
            "--page",
            "letter",
            "--landscape",
            "-o",
            "r.html",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(
        html.contains("@page{size:letter landscape;"),
        "{}",
        &html[..200]
    );
}
