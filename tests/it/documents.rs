//! The documents of `argmap::report` built through the library, as a
//! program that uses the crate would: evaluation, actors and report.

use argmap::report::{ActorsReport, EvaluationReport, MarkdownDiagram, Page, Report};
use argmap::semantics::{Evaluation, Semantics, Support};
use argmap::{CheckOptions, Checked, SourceFile, check};

fn checked(text: &str) -> Checked {
    let checked = check(&SourceFile::new("m.yaml", text), &CheckOptions::default());
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked
}

/// The Nixon diamond: `quaker` and `republican` attack each other, so
/// preferred semantics has two extensions, one with each; `dove`, attacked
/// by both, is in neither, and grounded semantics leaves all three
/// undecided.
const DIAMOND: &str = "\
title: Nixon diamond
nodes:
  quaker:
    text: Nixon is a pacifist, as a Quaker.
    contradicts: republican
    attacks: dove
  republican:
    text: Nixon is not a pacifist, as a Republican.
    attacks: dove
  dove:
    text: Nixon argues for disarmament.
";

// Regression: a node in 0 of 2 preferred extensions was styled as accepted
// in the HTML report, because the CSS class was the first word of the
// status text ("in 0 of 2" → `status-in`).
#[test]
fn html_report_styles_a_node_in_no_extension_as_in_none() {
    let checked = checked(DIAMOND);
    let graph = checked.clean().unwrap();
    let e = Evaluation::new(graph, Semantics::Preferred, Support::Deductive, 64).unwrap();
    assert_eq!(e.extensions().labellings.len(), 2);
    let mut html = String::new();
    Report::new("m.yaml", &e, &checked.diagnostics)
        .write_html(&mut html, "<svg></svg>", Page::default())
        .unwrap();
    let row = |id: &str| {
        let start = html.find(&format!("<tr id=\"claim-{id}\"")).unwrap();
        html[start..start + html[start..].find("</tr>").unwrap()].to_string()
    };
    assert!(
        row("dove").contains("class=\"status-none\""),
        "{}",
        row("dove")
    );
    assert!(
        row("dove").contains(">accepted in 0 of 2<"),
        "{}",
        row("dove")
    );
    assert!(
        row("quaker").contains("class=\"status-some\""),
        "{}",
        row("quaker")
    );
    assert!(
        !html.contains("status-in\""),
        "no row is accepted in every extension"
    );
}

#[test]
fn grounded_statuses_and_reasons_reach_the_markdown_report() {
    let checked = checked(DIAMOND);
    let e = Evaluation::new(
        checked.clean().unwrap(),
        Semantics::Grounded,
        Support::Deductive,
        64,
    )
    .unwrap();
    let mut md = String::new();
    Report::new("m.yaml", &e, &checked.diagnostics)
        .write_markdown(&mut md, MarkdownDiagram::File("m.svg"))
        .unwrap();
    assert!(md.contains("![The map drawn as a diagram](<m.svg>)"));
    assert!(md.contains(
        "Semantics: grounded; `supports` read as `deductive`. 0 accepted, 0 rejected, 3 undecided."
    ));
    let mut text = String::new();
    EvaluationReport::new("m.yaml", &e)
        .write_text(&mut text)
        .unwrap();
    assert!(text.starts_with("m.yaml: grounded semantics, `supports` read as `deductive`\n"));
    assert!(text.contains("\nWhat this means: accepted = defended against every attack"));
    let json = serde_json::to_value(EvaluationReport::new("m.yaml", &e)).unwrap();
    assert_eq!(
        json["extensions"][0]["undecided"].as_array().unwrap().len(),
        3
    );
    assert_eq!(json["extensions"][0]["nodes"][0]["status"], "undecided");
}

/// One actor holding what attacks what it holds (F501), holding and
/// rejecting one node (F502), and rejecting a premise of an argument it
/// holds (F503); another actor with no tension.
const TENSIONS: &str = "\
title: Tensions
actors:
  x: X
  y: Y
nodes:
  a:
    text: A.
    held_by: [x]
    attacks: b
  b:
    text: B.
    held_by: [x, y]
    rejected_by: [x]
  p:
    text: P.
    rejected_by: [x]
  arg:
    kind: argument
    text: From P, C.
    premises: [p]
    conclusion: c
    held_by: [x]
  c:
    text: C.
";

// Regression: tensions were found by matching the wording of the
// commitment messages, so rewording a message dropped them silently.
#[test]
fn actor_tensions_come_from_the_findings_subject_not_their_wording() {
    let mut checked = checked(TENSIONS);
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .filter(|d| d.subject.is_some())
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes.len(), 3, "{:?}", checked.diagnostics);
    for d in &mut checked.diagnostics {
        d.message = "reworded".into();
    }
    let graph = checked.graph().unwrap();
    let e = Evaluation::new(graph, Semantics::Grounded, Support::Deductive, 64).unwrap();
    let actors = ActorsReport::new(&e, &checked.diagnostics);
    let tensions = |id: &str| -> Vec<&str> {
        let actor = actors.actors.iter().find(|a| a.id == id).unwrap();
        let mut codes: Vec<&str> = actor.tensions.iter().map(|t| t.code).collect();
        codes.sort_unstable();
        codes
    };
    assert_eq!(tensions("x"), ["F501", "F502", "F503"]);
    assert!(tensions("y").is_empty());
    let f501 = checked
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "F501")
        .and_then(|d| d.subject.as_ref())
        .unwrap();
    assert_eq!(f501.actor, "x");
    assert_eq!(f501.nodes, ["a", "b"]);
}

#[test]
fn html_report_prints_on_the_page_it_is_given() {
    let checked = checked(DIAMOND);
    let e = Evaluation::new(
        checked.clean().unwrap(),
        Semantics::Grounded,
        Support::Deductive,
        64,
    )
    .unwrap();
    let report = Report::new("m.yaml", &e, &checked.diagnostics);
    let html = |svg: &str, page: Page| {
        let mut html = String::new();
        report.write_html(&mut html, svg, page).unwrap();
        html
    };
    // A small drawing: A4 by default, the diagram upright as it is tall,
    // printed once.
    let small = html(
        "<svg width=\"200pt\" height=\"300pt\"></svg>",
        Page::default(),
    );
    assert!(small.contains("@page{size:A4;margin:12mm}"), "{small}");
    assert!(small.contains("@page diagram{size:A4;"), "{small}");
    assert!(!small.contains("class=\"diagram-parts\""));
    assert!(small.contains("href=\"#diagram-full\">Full size</a>"));
    // A drawing far too wide for one page: the diagram page on its side,
    // and the drawing again in parts, each showing its own slice.
    let wide = "<svg width=\"3000pt\" height=\"400pt\" viewBox=\"0 0 3000 400\"></svg>";
    let page = Page {
        size: argmap::render::Paper::Letter,
        landscape: true,
    };
    let html = html(wide, page);
    assert!(html.contains("@page{size:letter landscape;"), "{html}");
    assert!(
        html.contains("@page diagram{size:letter landscape;"),
        "{html}"
    );
    let parts = html.matches("<figure><svg viewBox=\"").count();
    assert!(parts >= 3, "{parts} parts");
    assert_eq!(html.matches(wide).count(), 1 + parts);
}
