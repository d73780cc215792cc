//! `argmap report` (Markdown snapshot, HTML in a real browser), Mermaid
//! output, and quote checks from the command line.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{argmap, chromium, listing, mermaid_js, root, text};

/// Runs headless chromium on a local page: the DOM after loading (with
/// `--dump-dom`) or a screenshot.
fn browse(browser: &Path, page: &Path, extra: &[&str]) -> Output {
    let url = format!("file://{}", page.display());
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
        ])
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

#[test]
fn markdown_report_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let beside_map = listing(&root().join("tests/fixtures/report"));
    let out_md = dir.path().join("report.md");
    let out = argmap(
        &root(),
        &[
            "report",
            "tests/fixtures/report/small.yaml",
            "-o",
            out_md.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The diagram goes beside the report, nothing beside the map.
    assert_eq!(listing(&root().join("tests/fixtures/report")), beside_map);
    let md = std::fs::read_to_string(&out_md).unwrap();
    let svg = std::fs::read_to_string(dir.path().join("report.svg")).unwrap();
    assert!(svg.contains("<svg"));
    insta::assert_snapshot!("report_small_md", md);
    // With Mermaid instead of an SVG file.
    let out = argmap(
        &root(),
        &[
            "report",
            "tests/fixtures/report/small.yaml",
            "-o",
            "-",
            "--format",
            "md",
            "--diagram",
            "mermaid",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.contains("```mermaid\nflowchart RL\n"), "{md}");
    // Markdown on stdout cannot carry an SVG file; a map with errors gets no report.
    let out = argmap(
        &root(),
        &[
            "report",
            "tests/fixtures/report/small.yaml",
            "-o",
            "-",
            "--format",
            "md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "title: T\nnodes:\n  a: {text: A, attacks: b}\n").unwrap();
    let out = argmap(dir.path(), &["report", "bad.yaml", "-o", "r.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("r.html").exists());
}

#[test]
fn mermaid_escapes_tricky_labels() {
    let out = argmap(
        &root(),
        &[
            "render",
            "tests/fixtures/report/tricky.yaml",
            "--format",
            "mermaid",
            "-o",
            "-",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mermaid = text(&out.stdout);
    insta::assert_snapshot!("mermaid_tricky", mermaid);
    // Every label stays inside its quotes: no raw quote, angle bracket or
    // statement separator inside one.
    for line in mermaid.lines().filter(|l| l.contains("(\"")) {
        let inner = &line[line.find("(\"").unwrap() + 2..line.rfind("\")").unwrap()];
        // Drop our own line breaks, bold and italics, and the spans of
        // holder chips, whose style holds only CSS we write (colours as
        // `rgb(…)`, `;` as its entity code `#59;`).
        let mut rest = inner.to_string();
        for tag in ["<br>", "<b>", "</b>", "<i>", "</i>", "</span>"] {
            rest = rest.replace(tag, "");
        }
        while let Some(i) = rest.find("<span style='") {
            let end = i + rest[i..].find("'>").unwrap() + 2;
            let style = &rest[i + 13..end - 2];
            assert!(
                style
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "(),:#; -".contains(c)),
                "{line}"
            );
            rest.replace_range(i..end, "");
        }
        // Then entity codes (`#quot;`, `#35;`): nothing Mermaid reads
        // specially may remain.
        while let Some(i) = rest.find('#') {
            let end = rest[i..].find(';').map(|j| i + j + 1).unwrap();
            assert!(
                rest[i + 1..end - 1]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()),
                "{line}"
            );
            rest.replace_range(i..end, "");
        }
        assert!(
            !rest.contains(['"', '<', '>', ';', '%', '[', ']', '{', '}', '|', '`']),
            "{line}"
        );
    }
}

/// Renders Mermaid text with mermaid.js in the browser; needs chromium and
/// a `mermaid.min.js` (`ARGMAP_MERMAID_JS`, or the copy `.ci/run` installs
/// under `target/mermaid`).
#[test]
fn mermaid_output_renders_in_mermaid_js() {
    let Some(browser) = chromium() else { return };
    let Some(js) = mermaid_js() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("<!doctype html><html><body>\n");
    for map in ["tests/fixtures/report/tricky.yaml", "maps/istanbul.yaml"] {
        let out = argmap(&root(), &["render", map, "--format", "mermaid", "-o", "-"]);
        let escaped = text(&out.stdout).replace('&', "&amp;").replace('<', "&lt;");
        page.push_str(&format!("<pre class=\"mermaid\">{escaped}</pre>\n"));
    }
    page.push_str(&format!(
        "<script src=\"file://{}\"></script>\n<script>\nwindow.alert = () => document.body.setAttribute('data-alert', '1');\nmermaid.initialize({{startOnLoad: false, securityLevel: 'strict'}});\nmermaid.run().then(() => document.body.setAttribute('data-done', '1')).catch(e => document.body.setAttribute('data-error', String(e)));\n</script></body></html>\n",
        js.display()
    ));
    let file = dir.path().join("mermaid.html");
    std::fs::write(&file, page).unwrap();
    let out = browse(&browser, &file, &["--dump-dom"]);
    let dom = text(&out.stdout);
    assert!(
        dom.contains("data-done=\"1\""),
        "mermaid did not finish: {}",
        &dom[..dom.len().min(2000)]
    );
    assert!(
        !dom.contains("data-error=\"") && !dom.contains("data-alert=\""),
        "{}",
        &dom[..dom.len().min(2000)]
    );
    assert_eq!(
        dom.matches("aria-roledescription=\"flowchart-v2\"").count(),
        2
    );
    // The tricky label comes out as text.
    assert!(
        dom.contains("&lt;b&gt;bold&lt;/b&gt;"),
        "tricky label not shown as text"
    );
}

#[test]
fn html_report_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    // Map text that would run script or add markup if it were not escaped.
    let hostile = "\
title: \"<script>document.title='pwned'</script>Report\"
summary: \"<img src=x onerror=\\\"document.body.setAttribute('data-pwned','1')\\\">\"
actors:
  x: \"</table><script>document.body.setAttribute('data-pwned','2')</script>\"
nodes:
  a:
    label: \"<svg onload=\\\"document.body.setAttribute('data-pwned','3')\\\">\"
    text: \"</td></tr></table><iframe src=javascript:alert(1)></iframe>\"
    held_by: [x]
    attacks: b
  b:
    text: \"Plain ' \\\" & text\"
";
    std::fs::write(dir.path().join("hostile.yaml"), hostile).unwrap();
    let out = argmap(
        dir.path(),
        &["report", "hostile.yaml", "-o", "hostile.html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("hostile.html")).unwrap();
    assert!(!html.contains("<script") && !html.contains("<iframe") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;document.title="));
    // The Istanbul report: diagram, table, links from nodes to rows.
    let out = argmap(
        &root(),
        &[
            "report",
            "maps/istanbul.yaml",
            "-o",
            dir.path().join("istanbul.html").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let Some(browser) = chromium() else { return };
    let out = browse(&browser, &dir.path().join("hostile.html"), &["--dump-dom"]);
    let dom = text(&out.stdout);
    assert!(
        dom.contains("<table"),
        "no table in {}",
        &dom[..dom.len().min(500)]
    );
    // The hostile text is there as text, never as an attribute it set.
    assert!(dom.contains("data-pwned"), "hostile text missing");
    assert!(!dom.contains("data-pwned=\""), "map text ran as script");
    assert!(!dom.contains("<title>pwned"));
    assert!(!dom.contains("<iframe") && !dom.contains("<img"));
    let out = browse(&browser, &dir.path().join("istanbul.html"), &["--dump-dom"]);
    let dom = text(&out.stdout);
    assert!(dom.contains("<svg"), "no diagram");
    assert!(dom.contains("id=\"claim-free-choice\""), "no table row");
    assert!(
        dom.contains("href=\"#claim-free-choice\""),
        "the node does not link to its row"
    );
    // A screenshot, kept under target/ and named in the test output.
    let shot = root().join("target/report-screenshot.png");
    let out = browse(
        &browser,
        &dir.path().join("istanbul.html"),
        &[
            "--window-size=1280,1800",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!("screenshot of the Istanbul report: {}\n", shot.display()),
    );
}

#[test]
fn the_committed_istanbul_report_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let out_md = dir.path().join("istanbul-report.md");
    let out = argmap(
        &root(),
        &[
            "report",
            "maps/istanbul.yaml",
            "-o",
            out_md.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fresh = std::fs::read_to_string(out_md).unwrap();
    let committed = std::fs::read_to_string(root().join("docs/istanbul-report.md")).unwrap();
    assert!(
        fresh == committed,
        "docs/istanbul-report.md is stale: run `cargo run -- report maps/istanbul.yaml -o docs/istanbul-report.md` (and .html)"
    );
}
