//! Checks on a loaded map: references, type rules, cycles and lints.
//!
//! [`check`] loads a [`SourceFile`], builds its [`ArgGraph`] and runs every
//! rule in a fixed order; the diagnostics come back sorted by position, so
//! the same map always gives the same output. Each rule lives in its own
//! file under `rules/`; the codes it reports, with their explanations, are
//! rows of the table in [`diagnostic`](crate::diagnostic::RULES).

mod rules;

pub(crate) use rules::read_cited;

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

/// A checked map: the model with its graph (when the text was a map at all)
/// and every diagnostic.
#[derive(Debug)]
pub struct Checked {
    /// The map and its graph, unless the text could not be read as a map.
    graph: Option<ArgGraph>,
    /// Every problem, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The map and its graph, errors or not, unless the text could not be
    /// read as a map.
    pub fn graph(&self) -> Option<&ArgGraph> {
        self.graph.as_ref()
    }

    /// Takes the map and its graph, errors or not, and the diagnostics.
    pub fn into_parts(self) -> (Option<ArgGraph>, Vec<Diagnostic>) {
        (self.graph, self.diagnostics)
    }

    /// The map, unless the text could not be read as one.
    pub fn map(&self) -> Option<&Map> {
        self.graph.as_ref().map(ArgGraph::map)
    }

    /// The map and its graph when the map has no errors: what evaluating,
    /// drawing and reporting need.
    pub fn clean(&self) -> Option<&ArgGraph> {
        self.graph.as_ref().filter(|_| !self.has_errors())
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads and checks one map.
///
/// The quote checks read the source files the map's quotes cite (a
/// source's `file:`), relative to the folder of [`SourceFile::path`]; a
/// map made in memory should be given the path it would have on disk.
pub fn check(source: &SourceFile, options: &CheckOptions) -> Checked {
    let Loaded {
        map,
        mut diagnostics,
    } = load::load(source);
    let graph = map.map(|map| {
        let graph = ArgGraph::build(map);
        let cx = rules::Context {
            map: graph.map(),
            graph: &graph,
            options,
            path: source.path(),
        };
        rules::run_all(&cx, &mut diagnostics);
        graph
    });
    diagnostics.retain(|d| options.enabled(d.code));
    if options.require_verified {
        for d in &mut diagnostics {
            if d.code == Code::UnverifiedQuote {
                d.severity = Severity::Error;
            }
        }
    }
    diagnostic::sort(&mut diagnostics);
    Checked { graph, diagnostics }
}
