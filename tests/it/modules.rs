//! The library's top-level modules depend on each other one way only.
//!
//! Data flows load → graph → check/semantics → render, and the modules that
//! every step uses (`source`, `model`, `diagnostic`) depend on none of the
//! steps. This test reads every file of the library (all of `src/` except
//! the binary: `src/main.rs` and `src/cli/`), collects which top-level
//! modules each top-level module names (`crate::x`, `use crate::{x, y}`,
//! `super::` that climbs to the crate root, and names the crate root
//! re-exports from a module, such as `crate::Code`), and fails on a cycle,
//! printing each as `a -> b -> a` with the files that make each step.
//!
//! The scan is lexical: comments and string and character literals are
//! blanked first, so a path in a doc comment or a message does not count.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::support::root;

/// Which files make each edge `from -> to` between top-level modules.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

#[test]
fn top_level_modules_form_no_cycle() {
    let src = root().join("src");
    let files = library_files(&src);
    let reexports = root_reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let modules: BTreeSet<String> = files.iter().map(|(path, _)| path[0].clone()).collect();
    let mut edges = Edges::new();
    for (path, file) in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        for to in references(path, &text, &reexports) {
            if modules.contains(&to) && to != path[0] {
                edges
                    .entry((path[0].clone(), to))
                    .or_default()
                    .insert(shown.clone());
            }
        }
    }
    let cycles = cycles(&edges);
    assert!(
        cycles.is_empty(),
        "the top-level modules form cycles:\n\n{}",
        cycles.join("\n\n")
    );
}

/// Every `.rs` file of the library except the crate root, with its module
/// path (`src/check/rules/quotes.rs` is `[check, rules, quotes]`).
///
/// `lib.rs` is the root, not a module: its `pub use` lines only re-export.
fn library_files(src: &Path) -> Vec<(Vec<String>, PathBuf)> {
    let mut out = Vec::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().path();
            let relative = file.strip_prefix(src).unwrap();
            if relative == Path::new("cli") || relative == Path::new("main.rs") {
                continue;
            }
            if file.is_dir() {
                pending.push(file);
            } else if file.extension().is_some_and(|e| e == "rs") && relative != Path::new("lib.rs")
            {
                let mut path: Vec<String> = relative
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if path.len() > 1 && path.last().is_some_and(|last| last == "mod") {
                    path.pop();
                }
                out.push((path, file));
            }
        }
    }
    out.sort();
    out
}

/// The names the crate root re-exports, each with the top-level module it
/// comes from: `pub use check::{CheckOptions, check};` maps `CheckOptions`
/// and `check` to `check`.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let tokens = tokens(&blank_comments_and_literals(lib));
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" && tokens.get(i + 2).is_some_and(|t| t == "::") {
            let module = tokens[i + 1].clone();
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |p| i + p);
            for j in i + 1..end {
                let leaf = tokens
                    .get(j + 1)
                    .is_some_and(|t| [",", "}", ";"].contains(&t.as_str()));
                if leaf && is_ident(&tokens[j]) {
                    out.insert(tokens[j].clone(), module.clone());
                }
            }
            i = end;
        }
        i += 1;
    }
    out
}

/// The top-level modules (and root re-exports, resolved to their module)
/// that a file with module path `path` names. May include the file's own
/// module and names that are not modules; the caller filters.
fn references(path: &[String], text: &str, reexports: &BTreeMap<String, String>) -> Vec<String> {
    let tokens = tokens(&blank_comments_and_literals(text));
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`) deepen the path `super::` climbs
    // from: each entry is the module's name and the brace depth it opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push((tokens[i + 1].clone(), depth));
            }
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "crate" if tokens.get(i + 1).is_some_and(|t| t == "::") => {
                out.extend(root_names(&tokens[i + 2..], reexports));
            }
            "super" if tokens.get(i + 1).is_some_and(|t| t == "::") => {
                let mut climbs = 0;
                while tokens.get(i + 2 * climbs).is_some_and(|t| t == "super")
                    && tokens.get(i + 2 * climbs + 1).is_some_and(|t| t == "::")
                {
                    climbs += 1;
                }
                let here = path.len() + inline.len();
                // Climbing to the root leaves the module; short of it, the
                // path stays inside the file's own top-level module.
                if climbs == here {
                    out.extend(root_names(&tokens[i + 2 * climbs..], reexports));
                }
                i += 2 * climbs - 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The root-level names a path continues with: `x` in `crate::x::y`, or
/// `x` and `y` in `crate::{x::a, y}`.
fn root_names(rest: &[String], reexports: &BTreeMap<String, String>) -> Vec<String> {
    let resolve = |name: &String| reexports.get(name).unwrap_or(name).clone();
    match rest.first().map(String::as_str) {
        Some("{") => {
            let mut names = Vec::new();
            let mut depth = 0;
            let mut item_start = true;
            for token in rest {
                match token.as_str() {
                    "{" => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    "," => item_start = depth == 1,
                    name if item_start && is_ident(name) => {
                        names.push(resolve(token));
                        item_start = false;
                    }
                    _ => item_start = false,
                }
            }
            names
        }
        Some(name) if is_ident(name) => vec![resolve(&rest[0])],
        _ => Vec::new(),
    }
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Splits code into identifiers, `::` and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
            continue;
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
        i += 1;
    }
    out
}

/// The code with comments and the insides of string and character literals
/// replaced by spaces, so that neither braces nor paths in them count.
fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut nesting = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    nesting += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    nesting -= 1;
                    i += 2;
                    if nesting == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && (i == 0
                || !ident(chars[i - 1])
                || (chars[i - 1] == 'b' && !ident(at(i.wrapping_sub(2)))))
        {
            // A raw string: `r"…"`, `r#"…"#`, `br"…"`.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if at(i + 1 + hashes) == '"' {
                i += hashes + 2;
                while i < chars.len()
                    && !(chars[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#'))
                {
                    i += 1;
                }
                i += hashes + 1;
            } else {
                out.push(c);
                i += 1;
                continue;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal; a lifetime (`'a`) has no closing quote.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            out.push(c);
            i += 1;
            continue;
        }
        // Blank what was skipped, keeping line breaks.
        let end = i.min(chars.len());
        out.extend(
            chars[start..end]
                .iter()
                .map(|&c| if c == '\n' { '\n' } else { ' ' }),
        );
    }
    out
}

/// The cycles among the modules, each with the files that make each of its
/// steps: for every module caught in a cycle, the shortest cycle through it
/// (a cycle through several such modules is printed once).
fn cycles(edges: &Edges) -> Vec<String> {
    let mut graph = DiGraph::<&str, ()>::new();
    let mut index: BTreeMap<&str, NodeIndex> = BTreeMap::new();
    for (from, to) in edges.keys() {
        for name in [from, to] {
            index
                .entry(name.as_str())
                .or_insert_with(|| graph.add_node(name.as_str()));
        }
        graph.add_edge(index[from.as_str()], index[to.as_str()], ());
    }
    let mut found: BTreeSet<Vec<&str>> = BTreeSet::new();
    for group in tarjan_scc(&graph) {
        if group.len() < 2 {
            continue;
        }
        let members: BTreeSet<&str> = group.iter().map(|&n| graph[n]).collect();
        for &start in &members {
            let mut cycle = shortest_cycle(&graph, &index, &members, start);
            // Start each cycle at its first module by name, to print it once.
            let first = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap();
            cycle.rotate_left(first);
            found.insert(cycle);
        }
    }
    found
        .into_iter()
        .map(|mut cycle| {
            cycle.push(cycle[0]);
            let mut text = cycle.join(" -> ");
            for step in cycle.windows(2) {
                let files = &edges[&(step[0].to_string(), step[1].to_string())];
                let mut shown: Vec<String> = files.iter().take(3).cloned().collect();
                if files.len() > 3 {
                    shown.push(format!("{} more", files.len() - 3));
                }
                text.push_str(&format!(
                    "\n  {} -> {}: {}",
                    step[0],
                    step[1],
                    shown.join(", ")
                ));
            }
            text
        })
        .collect()
}

/// The modules of a shortest cycle from `start` back to it, found by a
/// breadth-first search inside `start`'s strongly connected `members`
/// (which guarantees there is one). `start` comes first and is not repeated.
fn shortest_cycle<'a>(
    graph: &DiGraph<&'a str, ()>,
    index: &BTreeMap<&str, NodeIndex>,
    members: &BTreeSet<&'a str>,
    start: &'a str,
) -> Vec<&'a str> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut last = start;
    'search: while let Some(at) = queue.pop_front() {
        for next in graph.neighbors(index[at]).map(|n| graph[n]) {
            if next == start {
                last = at;
                break 'search;
            }
            if members.contains(next) && !came_from.contains_key(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    let mut cycle = vec![last];
    while let Some(&previous) = came_from.get(cycle.last().unwrap()) {
        cycle.push(previous);
    }
    cycle.reverse();
    cycle
}

#[test]
fn cycles_are_printed_whole() {
    let mut edges = Edges::new();
    for (from, to) in [("a", "b"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges
            .entry((from.into(), to.into()))
            .or_default()
            .insert(format!("src/{from}.rs"));
    }
    assert_eq!(
        cycles(&edges),
        [
            "a -> b -> a\n  a -> b: src/a.rs\n  b -> a: src/b.rs",
            "a -> b -> c -> a\n  a -> b: src/a.rs\n  b -> c: src/b.rs\n  c -> a: src/c.rs",
        ]
    );
}

#[test]
fn scanner_reads_paths_not_comments_or_strings() {
    let reexports =
        root_reexports("pub use check::{CheckOptions, check};\npub use diagnostic::Code;\n");
    let text = r##"
        //! See [`crate::render`].
        use crate::{model::Map, source::{Span, SourceFile}};
        use super::sibling;
        fn f() {
            let _ = "crate::quote";
            let _ = r#"crate::graph"#;
            let _ = '{';
            let _: &'static str = crate::Code::Foo.as_str();
            /* crate::actors */
        }
        #[cfg(test)]
        mod tests {
            use super::super::CheckOptions;
        }
        use super::super::load;
    "##;
    let mut found = references(&["check".into(), "rules".into()], text, &reexports);
    found.sort();
    // `super::super::load` from `check::rules` climbs to the root (in the
    // test module, two climbs stay inside `check`).
    assert_eq!(found, ["diagnostic", "load", "model", "source"]);
}
