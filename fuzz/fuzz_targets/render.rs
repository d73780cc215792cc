//! A map that checks clean, drawn every way that needs no Graphviz: DOT
//! (plain, grouped by actor, with grounded status colours), Mermaid, the
//! built-in SVG layout, and the part around its first node. Checks that
//! nothing panics, that DOT is the same twice and that the DOT and SVG
//! text is balanced where map text could break out of it.
#![no_main]

use argmap::render::{StatusColours, dot, fallback_svg, focus, mermaid};
use argmap::{CheckOptions, Evaluation, GroupBy, RenderOptions, Semantics, SourceFile, Support};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.yaml", text);
    let checked = argmap::check(&source, &CheckOptions::default());
    let Some(graph) = checked.clean() else {
        return;
    };
    let mut options = RenderOptions::default();
    let plain = dot(graph, &options);
    assert_eq!(plain, dot(graph, &options), "DOT differs between runs");
    assert!(plain.starts_with("digraph \"argmap\" {\n") && plain.ends_with("\n}\n"));
    let _ = mermaid(graph, &options);
    let _ = fallback_svg(graph, &options);
    if let Ok(evaluation) = Evaluation::new(graph, Semantics::Grounded, Support::Deductive, 1) {
        options.status = StatusColours::of_evaluation(&evaluation, 0, String::from("grounded"));
    }
    options.group_by = GroupBy::Actor;
    let _ = dot(graph, &options);
    if let Some(first) = graph.map().nodes.keys().next()
        && let Ok((part, _)) = focus(graph, first, 1, None)
    {
        let _ = dot(&part, &RenderOptions::default());
    }
});
