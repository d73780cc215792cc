//! The table of every check: code, name, default severity and explanation.
//!
//! This is the one place where a code is defined. `argmap explain` prints the
//! explanation and `docs/checks.md` is generated from the same text.

use std::fmt::Write;

use crate::diagnostic::Severity;

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

/// One row of the registry.
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
    /// *Why is this bad?*, *Example* and *Use instead*.
    pub explanation: &'static str,
}

impl Code {
    /// Every code, in registry order.
    pub fn all() -> impl Iterator<Item = Code> {
        RULES.iter().map(|r| r.code)
    }

    /// The registry row of this code.
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

macro_rules! rule {
    ($code:ident, $id:literal, $name:literal, $sev:ident, $on:literal, $summary:literal, $expl:expr) => {
        Rule {
            code: Code::$code,
            id: $id,
            name: $name,
            severity: Severity::$sev,
            enabled_by_default: $on,
            summary: $summary,
            explanation: $expl,
        }
    };
}

/// Every check, indexed by `Code as usize`.
pub static RULES: &[Rule] = &[
    rule!(
        InvalidUtf8,
        "E001",
        "invalid-utf8",
        Error,
        true,
        "the file is not valid UTF-8",
        r"## What it does
Reports a map file whose bytes are not valid UTF-8, at the first bad byte.

## Why is this bad?
Maps are text. A file saved in Latin-1 or Windows-1252 turns every `æ`, `ø`
and `å` into garbage, so argmap refuses to guess.

## Example
A file saved as Latin-1 with the text `title: Forsvarsdepartementet og NATO-utvidelsen på Balkan`.

Use instead: save the file as UTF-8 (every current editor can; in Vim
`:set fenc=utf-8`, then save).
"
    ),
    rule!(
        EmptyMap,
        "E002",
        "empty-map",
        Error,
        true,
        "the file holds no map",
        r"## What it does
Reports a map file that is empty or holds only comments.

## Why is this bad?
An empty file is almost always a mistake: a file truncated by a failed save,
or a new file never filled in. It cannot be drawn or evaluated.

## Example
```yaml
# TODO: write the map
```

Use instead:
```yaml
title: A first map
nodes:
  a:
    text: The first claim.
```
"
    ),
    rule!(
        YamlSyntax,
        "E003",
        "yaml-syntax",
        Error,
        true,
        "the YAML does not parse",
        r"## What it does
Reports text that is not valid YAML, at the place the parser stopped.

## Why is this bad?
Nothing after a syntax error can be read reliably, so the map is not checked
further until the error is fixed.

## Example
```yaml
title: Unclosed list
nodes:
  a:
    text: A claim.
    tags: [principle, osce
```

Use instead:
```yaml
title: Unclosed list
nodes:
  a:
    text: A claim.
    tags: [principle, osce]
```
"
    ),
    rule!(
        UnsupportedVersion,
        "E004",
        "unsupported-version",
        Error,
        true,
        "`argmap:` names a format version other than 1",
        r"## What it does
Reports an `argmap:` key whose value is not `1`, the only version of the map
format this argmap reads.

## Why is this bad?
A map written for another version of the format may mean something else by
the same keys; reading it as version 1 could silently change its meaning.

## Example
```yaml
argmap: 2
title: From the future
nodes:
  a:
    text: A claim.
```

Use instead:
```yaml
argmap: 1
title: From the future
nodes:
  a:
    text: A claim.
```
"
    ),
    rule!(
        InputLimit,
        "E005",
        "input-limit",
        Error,
        true,
        "the input exceeds a safety limit",
        r#"## What it does
Reports input that exceeds one of argmap's safety limits: a file larger than
the size limit (256 MiB by default), YAML nested more than 64 levels deep,
aliases that would expand into more than a million nodes (a "billion laughs"
bomb), or a single text value longer than 1 MiB.

## Why is this bad?
No real argument map comes near these limits, and input that does is either
broken or built to make a tool hang or run out of memory. argmap stops with
this error instead.

## Example
```yaml
title: Alias bomb
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
nodes:
  a:
    text: A claim.
```

Use instead: write each value out; keep long documents in a source `file:`
rather than in the map.
"#
    ),
    rule!(
        MissingField,
        "E101",
        "missing-field",
        Error,
        true,
        "a required field is missing",
        r"## What it does
Reports a mapping that lacks a field the format requires: the map's `title`
and `nodes`, a node's `text`, a source's `title`, a piece of evidence's
`source`, an actor's `name`, a relation target's `to`.

## Why is this bad?
Without these fields the map cannot be drawn or read: a node without text has
nothing to say, evidence without a source cites nothing.

## Example
```yaml
title: Missing text
nodes:
  free-choice:
    label: Free choice
```

Use instead:
```yaml
title: Missing text
nodes:
  free-choice:
    label: Free choice
    text: Every state may freely choose its security arrangements.
```
"
    ),
    rule!(
        WrongType,
        "E102",
        "wrong-type",
        Error,
        true,
        "a value has the wrong type",
        r#"## What it does
Reports a value of the wrong YAML type: a list where text is expected, a
number where a list of ids is expected, a mapping where a string is expected.

## Why is this bad?
YAML guesses types from how a value is written, so `text: yes` is a boolean
and `label: 1999` a number. argmap does not coerce: say what you mean.

## Example
```yaml
title: Wrong type
nodes:
  a:
    text: [A claim, in a list]
```

Use instead:
```yaml
title: Wrong type
nodes:
  a:
    text: "A claim, in a list"
```
"#
    ),
    rule!(
        UnknownKey,
        "E103",
        "unknown-key",
        Error,
        true,
        "a key is not part of the format",
        r"## What it does
Reports a key that the map format does not define, with the closest known key
as a suggestion.

## Why is this bad?
A misspelt key is otherwise silently ignored: `suports:` would draw no edge
and nobody would notice.

## Example
```yaml
title: Typo
nodes:
  a:
    text: A claim.
    suports: b
  b:
    text: Another claim.
```

Use instead:
```yaml
title: Typo
nodes:
  a:
    text: A claim.
    supports: b
  b:
    text: Another claim.
```
"
    ),
    rule!(
        InvalidId,
        "E104",
        "invalid-id",
        Error,
        true,
        "an id has characters outside the id alphabet",
        r"## What it does
Reports an id (of a node, relation, actor or source) that is empty, longer
than 128 characters, or uses characters other than lowercase ASCII letters,
digits, `-`, `_` and `.`; it must start with a letter or digit. Also reports
a node whose id is a node key (`supports`, `text`, …) and whose value is not
a mapping: that is a key indented too little, read as a node of its own.

## Why is this bad?
Ids are written by hand in references, used as file and anchor names in
reports and as node names in other tools; a narrow alphabet keeps them
portable and easy to type.

## Example
```yaml
title: Bad id
nodes:
  Free Choice:
    text: Every state may freely choose its security arrangements.
```

Use instead:
```yaml
title: Bad id
nodes:
  free-choice:
    text: Every state may freely choose its security arrangements.
```
"
    ),
    rule!(
        InvalidDate,
        "E105",
        "invalid-date",
        Error,
        true,
        "a date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
        r"## What it does
Reports a source `date` that is not a year, a year and month, or a full
calendar date in ISO 8601 form, or that names a day that does not exist.

## Why is this bad?
Dates order the sources in reports and bibliographies; `19.11.1999` or
`1999-02-30` cannot be sorted or trusted.

## Example
```yaml
title: Bad date
sources:
  istanbul-1999:
    title: Charter for European Security
    date: 19.11.1999
nodes:
  a:
    text: A claim.
    evidence:
      - source: istanbul-1999
```

Use instead:
```yaml
title: Bad date
sources:
  istanbul-1999:
    title: Charter for European Security
    date: 1999-11-19
nodes:
  a:
    text: A claim.
    evidence:
      - source: istanbul-1999
```
"
    ),
    rule!(
        InvalidValue,
        "E106",
        "invalid-value",
        Error,
        true,
        "a value is not one of the allowed values",
        r"## What it does
Reports a value outside its allowed set: a node `kind` other than `claim`,
`argument` or `question`, or a `text`, `title` or `name` that is blank.

## Why is this bad?
An unknown kind cannot be given its type rules or its shape in the diagram,
and a blank text says nothing.

## Example
```yaml
title: Bad kind
nodes:
  a:
    kind: claimm
    text: A claim.
```

Use instead:
```yaml
title: Bad kind
nodes:
  a:
    kind: claim
    text: A claim.
```
"
    ),
    rule!(
        DuplicateKey,
        "E107",
        "duplicate-key",
        Error,
        true,
        "a YAML mapping repeats a key",
        r"## What it does
Reports a key that appears twice in the same YAML mapping, such as two nodes
with the same id or two `text:` fields in one node.

## Why is this bad?
Most YAML readers silently keep only the last value, so one of the two nodes
vanishes from the map without a trace.

## Example
```yaml
title: Twice
nodes:
  a:
    text: A claim.
  a:
    text: Another claim.
```

Use instead:
```yaml
title: Twice
nodes:
  a:
    text: A claim.
  b:
    text: Another claim.
```
"
    ),
    rule!(
        DuplicateId,
        "E108",
        "duplicate-id",
        Error,
        true,
        "a relation id repeats a node or relation id",
        r"## What it does
Reports a named relation (`{ to: …, id: … }`) whose id is already used by a
node or by another named relation. Nodes and named relations share one
namespace, so that `undercuts:` can name either.

## Why is this bad?
An undercut aimed at a shared id would be ambiguous.

## Example
```yaml
title: Shared id
nodes:
  a:
    text: A claim.
    supports: { to: b, id: b }
  b:
    text: Another claim.
```

Use instead:
```yaml
title: Shared id
nodes:
  a:
    text: A claim.
    supports: { to: b, id: a-supports-b }
  b:
    text: Another claim.
```
"
    ),
    rule!(
        UnknownReference,
        "E201",
        "unknown-reference",
        Error,
        true,
        "a reference names nothing defined in the map",
        r"## What it does
Reports a reference to a node, named relation, actor or source that the map
does not define, with the closest defined id as a suggestion.

## Why is this bad?
A dangling reference is a relation or attribution that silently goes
nowhere; it is nearly always a typo or a renamed id.

## Example
```yaml
title: Typo in a reference
actors:
  nato: NATO
nodes:
  open-door:
    text: NATO's door stays open.
    held_by: [natoo]
    supports: free-choise
  free-choice:
    text: Every state may choose its alliances.
```

Use instead:
```yaml
title: Typo in a reference
actors:
  nato: NATO
nodes:
  open-door:
    text: NATO's door stays open.
    held_by: [nato]
    supports: free-choice
  free-choice:
    text: Every state may choose its alliances.
```
"
    ),
    rule!(
        RelationKind,
        "E202",
        "relation-kind",
        Error,
        true,
        "a relation joins node kinds it may not join",
        r"## What it does
Checks each relation against the kinds of the nodes it joins:

| relation | from | to |
|---|---|---|
| `supports` | claim, argument | claim |
| `attacks` | claim, argument | claim, argument |
| `undercuts` | claim, argument | argument, named relation |
| `contradicts` | claim | claim |
| `answers` | claim | question |
| `premises`, `conclusion` | argument | claim |

Only `undercuts` may name a relation id.

## Why is this bad?
A question asserts nothing, so it cannot be supported or attacked; an
undercut attacks an inference, so its target must be one.

## Example
```yaml
title: Supporting a question
nodes:
  q:
    kind: question
    text: Does paragraph 8 rank its two principles?
  a:
    text: No, they stand side by side.
    supports: q
```

Use instead:
```yaml
title: Supporting a question
nodes:
  q:
    kind: question
    text: Does paragraph 8 rank its two principles?
  a:
    text: No, they stand side by side.
    answers: q
```
"
    ),
    rule!(
        ArgumentStructure,
        "E203",
        "argument-structure",
        Error,
        true,
        "an argument lacks premises or conclusion, or a claim has them",
        r"## What it does
Reports an argument without `premises` or without a `conclusion`, and
`premises`/`conclusion` on a node that is not an argument.

## Why is this bad?
An argument is an inference from premises to a conclusion; without either
side it is not an argument. On a claim the keys would be ignored.

## Example
```yaml
title: Half an argument
nodes:
  arg:
    kind: argument
    text: Enlargement moved forces east, so it harmed Russia's security.
    conclusion: harmed
  harmed:
    text: Enlargement harmed Russia's security.
```

Use instead:
```yaml
title: Half an argument
nodes:
  arg:
    kind: argument
    text: Enlargement moved forces east, so it harmed Russia's security.
    premises: [forces-east]
    conclusion: harmed
  forces-east:
    text: Enlargement moved forces east.
  harmed:
    text: Enlargement harmed Russia's security.
```
"
    ),
    rule!(
        CircularSupport,
        "E204",
        "circular-support",
        Error,
        true,
        "claims support each other in a circle",
        r"## What it does
Finds cycles of support (`supports`, and premise → argument → conclusion) and
reports each cycle once, with its whole path.

## Why is this bad?
A claim that ultimately rests on itself is begging the question; support
should bottom out in evidence or in claims taken as given.

## Example
```yaml
title: Circle
nodes:
  a:
    text: The treaty is binding.
    supports: b
  b:
    text: The parties must keep the treaty.
    supports: a
```

Use instead:
```yaml
title: Circle
nodes:
  a:
    text: The treaty is binding.
    supports: b
  b:
    text: The parties must keep the treaty.
  c:
    text: The parties signed and ratified the treaty.
    supports: a
```
"
    ),
    rule!(
        ConflictingRelation,
        "E205",
        "conflicting-relation",
        Error,
        true,
        "a node both supports and attacks the same target",
        r"## What it does
Reports a node that both supports a target and attacks (or contradicts) it.

## Why is this bad?
A claim cannot speak for and against the same claim at once; one of the two
relations is a mistake, or the claim should be split in two.

## Example
```yaml
title: Both ways
nodes:
  a:
    text: Enlargement was a free choice of each new member.
    supports: b
    attacks: b
  b:
    text: Enlargement was legitimate.
```

Use instead:
```yaml
title: Both ways
nodes:
  a:
    text: Enlargement was a free choice of each new member.
    supports: b
  b:
    text: Enlargement was legitimate.
```
"
    ),
    rule!(
        SelfRelation,
        "E206",
        "self-relation",
        Error,
        true,
        "a node relates to itself",
        r"## What it does
Reports a relation from a node to itself, such as a claim that supports or
attacks itself, or an argument listed among its own premises.

## Why is this bad?
Self-support is circular and self-attack makes a claim unacceptable under
every semantics; both are nearly always a copy-paste slip.

## Example
```yaml
title: Self
nodes:
  a:
    text: A claim.
    supports: a
```

Use instead:
```yaml
title: Self
nodes:
  a:
    text: A claim.
  b:
    text: A reason for it.
    supports: a
```
"
    ),
    rule!(
        QuoteNotFound,
        "E207",
        "quote-not-found",
        Error,
        true,
        "a quote is not in its source's file",
        r"## What it does
Reports a `quote:` that does not occur in the local copy of the source it
cites (the source's `file:`). Differences of whitespace and line breaks,
typographic and straight quotes and apostrophes, dashes, soft hyphens and
Unicode normalisation are ignored, nothing else; an ellipsis (`…`, `[...]`
or `[…]`) splits a quote into parts that must occur in that order. The help
line shows the closest passage of the source and where the quote departs
from it.

## Why is this bad?
A quote is a claim about a document. A misquotation, even a small one, is
the first thing a critic checks and the easiest way to lose a reader's
trust.

## Example
```yaml
title: Misquoted
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        quote: free to chose or change its security arrangements
```

Use instead:
```yaml
title: Misquoted
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        quote: free to choose or change its security arrangements
```
"
    ),
    rule!(
        SourceFile,
        "E208",
        "source-file",
        Error,
        true,
        "a source's `file:` cannot be read or lies outside the map's folder",
        r"## What it does
Reports a source whose `file:` is missing, unreadable, not UTF-8, larger
than 256 MiB, or outside the folder tree of the map (for example
`../../etc/passwd`). Paths are relative to the map file. Pass
`--allow-outside-sources` to read files outside the map's folder.

## Why is this bad?
Quotes are checked against the file; a file that cannot be read leaves them
unchecked. A map should not make a checker read arbitrary files on the
machine it runs on, which matters when checking maps from others in CI.

## Example
```yaml
title: Missing file
sources:
  istanbul-1999:
    title: Charter for European Security
    file: sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
```

Use instead: give the path of the file relative to the map.
```yaml
title: Missing file
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
```
"
    ),
    rule!(
        LocatorMismatch,
        "E209",
        "locator-mismatch",
        Error,
        true,
        "a paragraph locator does not match the source",
        r"## What it does
Checks a locator `at:` that names a paragraph (`para 8`, `paragraph 8`,
`§ 8`) against a source file that numbers its paragraphs (lines starting
`1.`, `8.`, …, the numbers rising by at most 50 at a time, so that a
numbered list inside a paragraph or a line starting with a year is not a
paragraph): the paragraph must exist, and a quote on the same evidence
must stand in it. Sources that number no paragraphs are not checked.

## Why is this bad?
A reader looks the passage up by its locator; a wrong paragraph number
sends them to the wrong place, and often means the quote was attributed to
the wrong passage.

## Example
```yaml
title: Wrong paragraph
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        at: para 1
        quote: free to choose or change its security arrangements
```

Use instead:
```yaml
title: Wrong paragraph
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        at: para 8
        quote: free to choose or change its security arrangements
```
"
    ),
    rule!(
        IsolatedNode,
        "W301",
        "isolated-node",
        Warning,
        true,
        "a node has no relation at all",
        r"## What it does
Warns about a node that no relation touches: it supports, attacks, answers
nothing, and nothing relates to it.

## Why is this bad?
A map is about how claims bear on each other; a lone node is often a
relation forgotten or aimed at the wrong id.

## Example
```yaml
title: Alone
nodes:
  a:
    text: A claim.
  b:
    text: A claim about something else.
  c:
    text: A reason for a.
    supports: a
```

Use instead:
```yaml
title: Alone
nodes:
  a:
    text: A claim.
  b:
    text: A claim about something else.
    attacks: a
  c:
    text: A reason for a.
    supports: a
```
"
    ),
    rule!(
        UnusedActor,
        "W302",
        "unused-actor",
        Warning,
        true,
        "an actor holds and rejects nothing",
        r"## What it does
Warns about an actor that no node names in `held_by` or `rejected_by`.

## Why is this bad?
An unused actor appears in the legend without a single claim; usually a
`held_by` list is missing it, or it is left over from an edit.

## Example
```yaml
title: Nobody
actors:
  osce: OSCE
nodes:
  a:
    text: A claim.
```

Use instead:
```yaml
title: Nobody
actors:
  osce: OSCE
nodes:
  a:
    text: A claim.
    held_by: [osce]
```
"
    ),
    rule!(
        UnusedSource,
        "W303",
        "unused-source",
        Warning,
        true,
        "a source is cited by no evidence",
        r"## What it does
Warns about a source that no `evidence` entry cites.

## Why is this bad?
An uncited source pads the bibliography and suggests evidence that was meant
to be attached and was not.

## Example
```yaml
title: Uncited
sources:
  founding-act-1997:
    title: NATO–Russia Founding Act
nodes:
  a:
    text: A claim.
```

Use instead:
```yaml
title: Uncited
sources:
  founding-act-1997:
    title: NATO–Russia Founding Act
nodes:
  a:
    text: A claim.
    evidence:
      - source: founding-act-1997
        at: Preamble
```
"
    ),
    rule!(
        DuplicateRelation,
        "W304",
        "duplicate-relation",
        Warning,
        true,
        "the same relation is written twice",
        r"## What it does
Warns when the same relation between the same two nodes is written twice,
including a `contradicts` written on both sides.

## Why is this bad?
`contradicts` is symmetric and is drawn once; writing it on both nodes, or
listing a target twice, adds nothing and clutters the map.

## Example
```yaml
title: Twice
nodes:
  a:
    text: Alliances are a free choice.
    contradicts: b
  b:
    text: Alliances may not harm others.
    contradicts: a
```

Use instead:
```yaml
title: Twice
nodes:
  a:
    text: Alliances are a free choice.
    contradicts: b
  b:
    text: Alliances may not harm others.
```
"
    ),
    rule!(
        UnsupportedClaim,
        "W305",
        "unsupported-claim",
        Warning,
        false,
        "a claim has neither evidence nor support",
        r"## What it does
Warns about a claim that has no `evidence` and that nothing supports (by
`supports` or as an argument's conclusion). Off by default; turn it on with
`argmap check --warn unsupported-claim`.

## Why is this bad?
In a map meant for a report, every claim should rest on something: a cited
document or another claim. A bare assertion is fine while drafting, which is
why this lint is off by default.

## Example
```yaml
title: Bare
nodes:
  a:
    text: Paragraph 8 ranks free choice above the no-expense duty.
```

Use instead:
```yaml
title: Bare
sources:
  istanbul-1999:
    title: Charter for European Security
nodes:
  a:
    text: Paragraph 8 ranks free choice above the no-expense duty.
    evidence:
      - source: istanbul-1999
        at: para 8
```
"
    ),
    rule!(
        UnverifiedQuote,
        "N401",
        "unverified-quote",
        Note,
        false,
        "a quote's source has no `file:` to check it against",
        r"## What it does
Notes a `quote:` whose source has no local `file:`, so argmap cannot check
that the quote is in it. Off by default; turn it on with
`--warn unverified-quote`, or make it an error with `--require-verified`.

## Why is this bad?
An unchecked quote may be misquoted without anyone noticing. Keeping a
plain-text copy of the cited passage beside the map (under a folder such as
`sources/`) lets every quote be checked on every run.

## Example
```yaml
title: Unverified
sources:
  istanbul-1999:
    title: Charter for European Security
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        quote: free to choose or change its security arrangements
```

Use instead:
```yaml
title: Unverified
sources:
  istanbul-1999:
    title: Charter for European Security
    file: maps/sources/istanbul-1999.txt
nodes:
  a:
    text: States may choose their alliances.
    evidence:
      - source: istanbul-1999
        quote: free to choose or change its security arrangements
```
"
    ),
    rule!(
        ConflictingCommitments,
        "F501",
        "conflicting-commitments",
        Finding,
        true,
        "an actor holds two nodes of which one attacks the other",
        r"## What it does
Finds an actor who holds (`held_by`) a node and also holds a node that
attacks, undercuts or contradicts it, and shows the relation that links
them. A finding: it is shown, but never makes `argmap check` fail, not even
under `--deny warnings`. Silence it with `--allow conflicting-commitments`.

## Why is this bad?
It may be a mistake in the map, or it may be the point: an actor who cites
the half of a document that suits them while holding the other half too.
Either way it deserves a look.

## Example
```yaml
title: Both ways
actors:
  nato: NATO
nodes:
  choice:
    text: Every state may choose its alliances.
    held_by: [nato]
  expense:
    text: No state may strengthen its security at others' expense.
    held_by: [nato]
    attacks: choice
```

Use instead: attribute each claim to the actor who holds it.
```yaml
title: Both ways
actors:
  nato: NATO
  russia: Russian Federation
nodes:
  choice:
    text: Every state may choose its alliances.
    held_by: [nato]
  expense:
    text: No state may strengthen its security at others' expense.
    held_by: [russia]
    attacks: choice
```
"
    ),
    rule!(
        HeldAndRejected,
        "F502",
        "held-and-rejected",
        Finding,
        true,
        "an actor holds and rejects the same node",
        r"## What it does
Finds an actor listed both in `held_by` and in `rejected_by` of one node. A
finding: shown, never failing the check.

## Why is this bad?
An actor cannot both hold and reject a claim at the same time. It is
usually a slip, or a change of position that the map should show as two
claims with dates.

## Example
```yaml
title: Changed mind
actors:
  usa: United States
nodes:
  a:
    text: Enlargement must stop.
    held_by: [usa]
    rejected_by: [usa]
```

Use instead:
```yaml
title: Changed mind
actors:
  usa: United States
nodes:
  a:
    text: Enlargement must stop.
    rejected_by: [usa]
```
"
    ),
    rule!(
        RejectedPremise,
        "F503",
        "rejected-premise",
        Finding,
        true,
        "an actor holds an argument or its conclusion but rejects a premise",
        r"## What it does
Finds an actor who holds an argument, or the conclusion of an argument,
while rejecting one of its premises, and shows the chain premise →
argument → conclusion. A finding: shown, never failing the check.

## Why is this bad?
Holding a conclusion while rejecting a premise of the argument offered for
it means that argument is not the actor's reason; the map may attribute the
argument to the wrong actor, or the actor relies on a premise they deny.

## Example
```yaml
title: Premise denied
actors:
  nato: NATO
nodes:
  expense:
    text: Enlargement came at Russia's expense.
    rejected_by: [nato]
  arg:
    kind: argument
    text: Enlargement came at Russia's expense, so it broke the promise.
    premises: [expense]
    conclusion: broke
  broke:
    text: Enlargement broke the promise.
    held_by: [nato]
```

Use instead:
```yaml
title: Premise denied
actors:
  nato: NATO
  russia: Russian Federation
nodes:
  expense:
    text: Enlargement came at Russia's expense.
    rejected_by: [nato]
  arg:
    kind: argument
    text: Enlargement came at Russia's expense, so it broke the promise.
    premises: [expense]
    conclusion: broke
  broke:
    text: Enlargement broke the promise.
    held_by: [russia]
```
"
    ),
];

/// The checks reference as Markdown: the text of `docs/checks.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n<!-- Generated by `argmap explain --markdown`; edit src/check/registry.rs instead. -->\n\n\
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
}
