//! `argmap report` (Markdown snapshot, HTML in a real browser), Mermaid
//! output, and quote checks from the command line.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{argmap, chromium, listing, mermaid_js, real_maps, root, text};

/// Measures the laid-out page from inside: the report itself allows no
/// script, so a test-only copy carries this one, which writes the sizes
/// (CSS pixels) into an attribute of `<html>` for `--dump-dom` to show;
/// after loading, when a `#fragment` has been scrolled to and `:target`
/// applies.
const MEASURE: &str = "<script>\naddEventListener('load', () => setTimeout(() => {\nconst view = document.querySelector('.diagram-view');\nconst svg = view.querySelector('svg').getBoundingClientRect();\ndocument.documentElement.setAttribute('data-measure', [innerWidth, document.documentElement.scrollWidth, svg.left, svg.right, svg.width, view.clientWidth].map(Math.round).join(' '));\n}, 100));\n</script>\n";

/// Runs headless chromium on a local page: the DOM after loading (with
/// `--dump-dom`) or a screenshot.
fn browse(browser: &Path, page: &Path, extra: &[&str]) -> Output {
    browse_url(browser, &format!("file://{}", page.display()), extra)
}

/// As [`browse`], for an address (a page with a `#fragment`).
fn browse_url(browser: &Path, url: &str, extra: &[&str]) -> Output {
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
    std::fs::create_dir_all(root().join("target")).unwrap();
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

/// The sizes [`MEASURE`] writes: window width, page width, and the
/// diagram's left, right and width, and its scrolling box's width.
#[derive(Debug)]
struct Measured {
    window: f64,
    page: f64,
    left: f64,
    right: f64,
    width: f64,
    view: f64,
}

/// Loads the report at `url` in a window `width` pixels wide and returns
/// what [`MEASURE`] wrote.
fn measure(browser: &Path, url: &str, width: u32) -> Measured {
    let out = browse_url(
        browser,
        url,
        &[&format!("--window-size={width},2000"), "--dump-dom"],
    );
    let dom = text(&out.stdout);
    let at = dom.find("data-measure=\"").unwrap_or_else(|| {
        panic!(
            "nothing measured: {}{}",
            &dom[..dom.len().min(500)],
            text(&out.stderr)
        )
    }) + "data-measure=\"".len();
    let v: Vec<f64> = dom[at..at + dom[at..].find('"').unwrap()]
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    Measured {
        window: v[0],
        page: v[1],
        left: v[2],
        right: v[3],
        width: v[4],
        view: v[5],
    }
}

/// The pages of a PDF Chromium printed: width and height of each, in
/// points, from the `/MediaBox` of each page object.
fn pdf_pages(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let n: Vec<f64> = rest[..rest.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

/// A test-only copy of the HTML report at `report`, without its CSP and
/// with [`MEASURE`]; returns its address.
fn measurable_copy(report: &Path) -> String {
    let html = std::fs::read_to_string(report).unwrap();
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
    assert!(html.contains(csp), "the report lost its CSP");
    let measured = report.with_extension("measured.html");
    std::fs::write(
        &measured,
        html.replace(csp, "")
            .replace("</body>", &format!("{MEASURE}</body>")),
    )
    .unwrap();
    format!("file://{}", measured.display())
}

/// Writes the HTML report of `map` (relative to the repository) into `dir`.
fn html_report(map: &Path, dir: &Path) -> std::path::PathBuf {
    let report = dir.join(map.file_name().unwrap()).with_extension("html");
    let out = argmap(
        &root(),
        &[
            "report",
            map.to_str().unwrap(),
            "-o",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    report
}

// See issue 12, item 3: the report showed the left 45 % of the diagram in
// a scrolling box, and printed it over many pages, too small to read.
#[test]
fn html_report_diagram_fits_a_1280_px_window_and_prints_on_a4() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Every real map's diagram, fitted to the column: the whole diagram
    // inside the window, no sideways scrolling.
    for map in real_maps() {
        let report = html_report(&map, dir.path());
        let fit = measure(&browser, &measurable_copy(&report), 1280);
        let name = map.display();
        assert!((fit.window - 1280.0).abs() < 0.5, "{name}: {fit:?}");
        assert!(fit.width > 300.0, "{name}: the diagram shrank: {fit:?}");
        assert!(
            fit.left >= 0.0 && fit.right <= fit.window && fit.width <= fit.view,
            "{name}: the diagram does not fit the window: {fit:?}"
        );
        assert!(
            fit.page <= fit.window,
            "{name}: the page scrolls sideways: {fit:?}"
        );
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("{name} at 1280 px: diagram {:.0} px wide\n", fit.width),
        );
    }
    let report = html_report(Path::new("maps/istanbul.yaml"), dir.path());
    let url = measurable_copy(&report);
    let fit = measure(&browser, &url, 1280);
    // Full size (`#diagram-full`, CSS only): wider than the window, inside
    // its scrolling box; the page itself still does not scroll sideways.
    let full = measure(&browser, &format!("{url}#diagram-full"), 1280);
    assert!(full.width > fit.width * 1.5, "{full:?}");
    assert!(
        full.view <= full.window && full.page <= full.window,
        "{full:?}"
    );
    // Printed on A4: text pages upright, the diagram on its side, then
    // enlarged in parts; a page count that a reader would print.
    let pdf = dir.path().join("istanbul.pdf");
    let out = browse(
        &browser,
        &report,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pages = pdf_pages(&std::fs::read(&pdf).unwrap());
    let a4 = |&(w, h): &(f64, f64)| (w - 595.0).abs() < 1.5 && (h - 842.0).abs() < 1.5;
    let a4_landscape = |&(w, h): &(f64, f64)| a4(&(h, w));
    assert!(
        pages.iter().all(|p| a4(p) || a4_landscape(p)),
        "not all A4: {pages:?}"
    );
    let landscape = pages.iter().filter(|p| a4_landscape(p)).count();
    assert!(a4(&pages[0]), "{pages:?}");
    assert!(
        landscape >= 1,
        "no landscape page for the diagram: {pages:?}"
    );
    assert!(
        (4..=30).contains(&pages.len()),
        "{} pages: {pages:?}",
        pages.len()
    );
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "the Istanbul report at 1280 px: diagram {:.0} px wide of {:.0} (full size {:.0}); printed on {} A4 pages, {landscape} of them landscape\n",
            fit.width,
            fit.window,
            full.width,
            pages.len()
        ),
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
