//! The code table: every diagnostic's code, name, default severity, summary
//! and explanation.
//!
//! This is the one place where a code is defined; the loader and the checks
//! only name a [`Code`] when they build a [`Diagnostic`](super::Diagnostic).
//! Each code's long explanation is a Markdown file in `explanations/`,
//! named `<code>-<name>.md` (e.g. `E201-unknown-reference.md`) and compiled
//! in with `include_str!`. `argmap explain` prints it and `docs/checks.md`
//! is generated from the same text by [`checks_markdown`].

use std::fmt::Write;

use super::Severity;

/// The stable code of a check, such as `E201`.
///
/// Codes never change meaning; a retired check keeps its number unused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `E001` the file is not UTF-8.
    InvalidUtf8,
    /// `E002` the file holds no map.
    EmptyMap,
    /// `E003` the YAML does not parse.
    YamlSyntax,
    /// `E004` `argmap:` names a format version other than 1.
    UnsupportedVersion,
    /// `E005` the input exceeds a safety limit.
    InputLimit,
    /// `E101` a required field is missing.
    MissingField,
    /// `E102` a value has the wrong type.
    WrongType,
    /// `E103` a key is not part of the format.
    UnknownKey,
    /// `E104` an id has characters outside the id alphabet.
    InvalidId,
    /// `E105` a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    InvalidDate,
    /// `E106` a value is not one of the allowed values.
    InvalidValue,
    /// `E107` a YAML mapping repeats a key.
    DuplicateKey,
    /// `E108` a relation id repeats a node or relation id.
    DuplicateId,
    /// `E201` a reference names nothing defined in the map.
    UnknownReference,
    /// `E202` a relation joins node kinds it may not join.
    RelationKind,
    /// `E203` an argument lacks premises or conclusion, or a claim has them.
    ArgumentStructure,
    /// `E204` claims support each other in a circle.
    CircularSupport,
    /// `E205` a node both supports and attacks the same target.
    ConflictingRelation,
    /// `E206` a node relates to itself.
    SelfRelation,
    /// `E207` a quote is not in its source's file.
    QuoteNotFound,
    /// `E208` a source's `file:` cannot be read or lies outside the map's folder.
    SourceFile,
    /// `E209` a paragraph locator does not match the source.
    LocatorMismatch,
    /// `W301` a node has no relation at all.
    IsolatedNode,
    /// `W302` an actor holds and rejects nothing.
    UnusedActor,
    /// `W303` a source is cited by no evidence.
    UnusedSource,
    /// `W304` the same relation is written twice.
    DuplicateRelation,
    /// `W305` a claim has neither evidence nor support (off by default).
    UnsupportedClaim,
    /// `N401` a quote's source has no `file:` to check it against (off by default).
    UnverifiedQuote,
    /// `F501` an actor holds two nodes of which one attacks the other.
    ConflictingCommitments,
    /// `F502` an actor holds and rejects the same node.
    HeldAndRejected,
    /// `F503` an actor holds an argument or its conclusion but rejects a premise.
    RejectedPremise,
}

/// One row of the code table.
#[derive(Debug)]
pub struct Rule {
    /// The code as an enum.
    pub code: Code,
    /// The code as printed, e.g. `E201`.
    pub id: &'static str,
    /// A short kebab-case name, e.g. `unknown-reference`.
    pub name: &'static str,
    /// Severity when the check is on.
    pub severity: Severity,
    /// Whether the check runs unless enabled explicitly.
    pub enabled_by_default: bool,
    /// One line saying what the check finds.
    pub summary: &'static str,
    /// The user documentation, Markdown with the sections *What it does*,
    /// *Why is this bad?*, *Example* and *Use instead*, from
    /// `explanations/<id>-<name>.md`.
    pub explanation: &'static str,
}

impl Rule {
    /// The explanation's *What it does* paragraph, as one line of
    /// Markdown: what an editor's hover or a code-scanning rule shows.
    pub fn what_it_does(&self) -> String {
        let body = self
            .explanation
            .split_once("## What it does")
            .map_or(self.explanation, |(_, rest)| rest);
        body.trim_start()
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .split('\n')
            .take_while(|l| !l.starts_with('#'))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Code {
    /// Every code, in table order.
    pub fn all() -> impl Iterator<Item = Code> {
        RULES.iter().map(|r| r.code)
    }

    /// The table row of this code.
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The code as printed, e.g. `E201`.
    pub fn as_str(self) -> &'static str {
        self.rule().id
    }

    /// Looks a code up by its id (`E201`, case-insensitive) or name
    /// (`unknown-reference`).
    pub fn parse(text: &str) -> Option<Code> {
        RULES
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(text) || r.name == text)
            .map(|r| r.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of [`RULES`]; the explanation comes from
/// `explanations/<id>-<name>.md`.
macro_rules! rule {
    ($code:ident, $id:literal, $name:literal, $sev:ident, $on:literal, $summary:literal) => {
        Rule {
            code: Code::$code,
            id: $id,
            name: $name,
            severity: Severity::$sev,
            enabled_by_default: $on,
            summary: $summary,
            explanation: include_str!(concat!("explanations/", $id, "-", $name, ".md")),
        }
    };
}

/// Every check, indexed by `Code as usize`.
///
/// Columns: code, id, name, severity, on by default, summary.
#[rustfmt::skip]
pub static RULES: &[Rule] = &[
    rule!(InvalidUtf8,            "E001", "invalid-utf8",            Error,   true,  "the file is not valid UTF-8"),
    rule!(EmptyMap,               "E002", "empty-map",               Error,   true,  "the file holds no map"),
    rule!(YamlSyntax,             "E003", "yaml-syntax",             Error,   true,  "the YAML does not parse"),
    rule!(UnsupportedVersion,     "E004", "unsupported-version",     Error,   true,  "`argmap:` names a format version other than 1"),
    rule!(InputLimit,             "E005", "input-limit",             Error,   true,  "the input exceeds a safety limit"),
    rule!(MissingField,           "E101", "missing-field",           Error,   true,  "a required field is missing"),
    rule!(WrongType,              "E102", "wrong-type",              Error,   true,  "a value has the wrong type"),
    rule!(UnknownKey,             "E103", "unknown-key",             Error,   true,  "a key is not part of the format"),
    rule!(InvalidId,              "E104", "invalid-id",              Error,   true,  "an id has characters outside the id alphabet"),
    rule!(InvalidDate,            "E105", "invalid-date",            Error,   true,  "a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"),
    rule!(InvalidValue,           "E106", "invalid-value",           Error,   true,  "a value is not one of the allowed values"),
    rule!(DuplicateKey,           "E107", "duplicate-key",           Error,   true,  "a YAML mapping repeats a key"),
    rule!(DuplicateId,            "E108", "duplicate-id",            Error,   true,  "a relation id repeats a node or relation id"),
    rule!(UnknownReference,       "E201", "unknown-reference",       Error,   true,  "a reference names nothing defined in the map"),
    rule!(RelationKind,           "E202", "relation-kind",           Error,   true,  "a relation joins node kinds it may not join"),
    rule!(ArgumentStructure,      "E203", "argument-structure",      Error,   true,  "an argument lacks premises or conclusion, or a claim has them"),
    rule!(CircularSupport,        "E204", "circular-support",        Error,   true,  "claims support each other in a circle"),
    rule!(ConflictingRelation,    "E205", "conflicting-relation",    Error,   true,  "a node both supports and attacks the same target"),
    rule!(SelfRelation,           "E206", "self-relation",           Error,   true,  "a node relates to itself"),
    rule!(QuoteNotFound,          "E207", "quote-not-found",         Error,   true,  "a quote is not in its source's file"),
    rule!(SourceFile,             "E208", "source-file",             Error,   true,  "a source's `file:` cannot be read or lies outside the map's folder"),
    rule!(LocatorMismatch,        "E209", "locator-mismatch",        Error,   true,  "a paragraph locator does not match the source"),
    rule!(IsolatedNode,           "W301", "isolated-node",           Warning, true,  "a node has no relation at all"),
    rule!(UnusedActor,            "W302", "unused-actor",            Warning, true,  "an actor holds and rejects nothing"),
    rule!(UnusedSource,           "W303", "unused-source",           Warning, true,  "a source is cited by no evidence"),
    rule!(DuplicateRelation,      "W304", "duplicate-relation",      Warning, true,  "the same relation is written twice"),
    rule!(UnsupportedClaim,       "W305", "unsupported-claim",       Warning, false, "a claim has neither evidence nor support"),
    rule!(UnverifiedQuote,        "N401", "unverified-quote",        Note,    false, "a quote's source has no `file:` to check it against"),
    rule!(ConflictingCommitments, "F501", "conflicting-commitments", Finding, true,  "an actor holds two nodes of which one attacks the other"),
    rule!(HeldAndRejected,        "F502", "held-and-rejected",       Finding, true,  "an actor holds and rejects the same node"),
    rule!(RejectedPremise,        "F503", "rejected-premise",        Finding, true,  "an actor holds an argument or its conclusion but rejects a premise"),
];

/// The checks reference as Markdown: the text of `docs/checks.md`.
pub fn checks_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n<!-- Generated by `argmap explain --markdown`; edit the table in src/diagnostic/code.rs and the explanations in src/diagnostic/explanations/ instead. -->\n\n\
         `argmap check` runs every check below on each map. Errors make it exit with status 1; warnings\n\
         do so only under `--deny warnings`. Silence a warning with `--allow CODE`, turn on a check that\n\
         is off by default with `--warn CODE` (codes or names both work). `argmap explain CODE` prints one\n\
         entry in the terminal.\n\n| code | name | severity | finds |\n|---|---|---|---|\n",
    );
    for r in RULES {
        let sev = if r.enabled_by_default {
            r.severity.as_str().to_string()
        } else {
            format!("{} (off by default)", r.severity.as_str())
        };
        let _ = writeln!(
            out,
            "| [`{}`](#{}-{}) | `{}` | {} | {} |",
            r.id,
            r.id.to_lowercase(),
            r.name,
            r.name,
            sev,
            r.summary
        );
    }
    for r in RULES {
        let _ = write!(out, "\n## {} {}\n\n", r.id, r.name);
        let _ = write!(
            out,
            "Severity: {}{}.\n\n",
            r.severity.as_str(),
            if r.enabled_by_default {
                ""
            } else {
                ", off by default"
            }
        );
        for line in r.explanation.lines() {
            if let Some(rest) = line.strip_prefix("## ") {
                out.push_str("### ");
                out.push_str(rest);
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_code() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.code as usize, i, "{} is out of place", rule.id);
            assert_eq!(Code::parse(rule.id), Some(rule.code));
            assert_eq!(Code::parse(rule.name), Some(rule.code));
        }
    }

    #[test]
    fn every_rule_says_what_it_does_in_one_line() {
        for rule in RULES {
            let what = rule.what_it_does();
            assert!(what.len() > 20, "{}: {what:?}", rule.id);
            assert!(
                !what.contains('\n') && !what.contains("##"),
                "{}: {what:?}",
                rule.id
            );
        }
        assert_eq!(
            Code::InvalidUtf8.rule().what_it_does(),
            "Reports a map file whose bytes are not valid UTF-8, at the first bad byte."
        );
    }

    #[test]
    fn every_explanation_file_belongs_to_a_code() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostic/explanations");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut named: Vec<String> = RULES
            .iter()
            .map(|r| format!("{}-{}.md", r.id, r.name))
            .collect();
        named.sort();
        assert_eq!(on_disk, named, "a file in explanations/ names no code");
    }
}
