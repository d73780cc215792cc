//! Checks on a loaded map: references, type rules, cycles and lints.
//!
//! [`check`] loads a [`SourceFile`], builds its [`ArgGraph`] and runs every
//! rule in a fixed order; the diagnostics come back sorted by position, so
//! the same map always gives the same output. Each rule lives in its own
//! file under `rules/`; the codes it reports, with their explanations, are
//! rows of the table in [`diagnostic`](crate::diagnostic::RULES).

mod rules;

use std::collections::BTreeSet;

use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::graph::ArgGraph;
use crate::load::{self, Loaded};
use crate::model::Map;
use crate::source::SourceFile;

/// Which checks run.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Checks to run although they are off by default (e.g. `W305`).
    pub warn: BTreeSet<Code>,
    /// Warnings, findings and notes to silence.
    pub allow: BTreeSet<Code>,
    /// Make `N401 unverified-quote` an error (and turn it on).
    pub require_verified: bool,
    /// Let a source's `file:` point outside the map's folder tree.
    pub allow_outside_sources: bool,
}

impl CheckOptions {
    /// Whether a code's diagnostics are kept.
    pub fn enabled(&self, code: Code) -> bool {
        let rule = code.rule();
        if rule.severity != Severity::Error && self.allow.contains(&code) {
            return false;
        }
        rule.enabled_by_default
            || self.warn.contains(&code)
            || (self.require_verified && code == Code::UnverifiedQuote)
    }
}

/// A checked map: the model (when the text was a map at all), its graph and
/// every diagnostic.
#[derive(Debug)]
pub struct Checked {
    /// The map, unless the text could not be read as one.
    pub map: Option<Map>,
    /// The map's graph (empty without a map).
    pub graph: ArgGraph,
    /// Every problem, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads and checks one map.
pub fn check(source: &SourceFile, options: &CheckOptions) -> Checked {
    let Loaded {
        map,
        mut diagnostics,
    } = load::load(source);
    let graph = match &map {
        Some(map) => {
            let graph = ArgGraph::build(map);
            let cx = rules::Context {
                map,
                graph: &graph,
                options,
                path: source.path(),
            };
            rules::run_all(&cx, &mut diagnostics);
            graph
        }
        None => ArgGraph::default(),
    };
    diagnostics.retain(|d| options.enabled(d.code));
    if options.require_verified {
        for d in &mut diagnostics {
            if d.code == Code::UnverifiedQuote {
                d.severity = Severity::Error;
            }
        }
    }
    diagnostic::sort(&mut diagnostics);
    Checked {
        map,
        graph,
        diagnostics,
    }
}

/// Runs every graph rule, including those off by default, on a loaded map
/// (without the loader's diagnostics). `path` is where the map was read
/// from: sources' `file:` paths resolve from its folder.
pub fn check_map(map: &Map, graph: &ArgGraph, path: &std::path::Path) -> Vec<Diagnostic> {
    let everything = CheckOptions {
        warn: Code::all().collect(),
        ..CheckOptions::default()
    };
    let cx = rules::Context {
        map,
        graph,
        options: &everything,
        path,
    };
    let mut out = Vec::new();
    rules::run_all(&cx, &mut out);
    out
}
