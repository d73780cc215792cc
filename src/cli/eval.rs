//! `argmap eval`: which claims of a map stand under a semantics, and why.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::semantics::Label;
use argmap::semantics::map::{MapFramework, Origin, Support, Via};
use argmap::semantics::search::{DEFAULT_STEPS, Extensions, Semantics, extensions};
use serde::Serialize;

use super::Failure;

const AFTER_HELP: &str = "\
The map becomes an abstract argumentation framework: every claim and
argument is an argument; attacks, undercuts and contradicts (both ways) are
attacks; a named relation that is undercut becomes a meta-argument; support
turns into derived attacks as --support says. See docs/semantics.md.

Labels: in (accepted), out (rejected: an attacker is in), undecided.
Grounded gives one labelling; complete, preferred and stable list each
extension, then which nodes are accepted in every extension (sceptically)
and in some (credulously).

Exit status: 0 evaluated (also when --max-extensions cut the list short,
with a warning), 1 the map has errors, 2 a usage or I/O failure, or the
search gave up.

Examples:
  argmap eval maps/istanbul.yaml
  argmap eval maps/istanbul.yaml --semantics preferred
  argmap eval maps/istanbul.yaml --support none --format json | jq '.extensions[0].in'";

/// Arguments of `argmap eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The map to evaluate (`-` reads stdin).
    map: PathBuf,

    /// The semantics.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded, ignore_case = true)]
    semantics: SemanticsArg,

    /// How support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::Deductive, ignore_case = true)]
    support: SupportArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text, ignore_case = true)]
    format: OutputFormat,

    /// Stop listing extensions after this many (complete, preferred, stable).
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    max_extensions: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SemanticsArg {
    /// The sceptical core: one labelling, in linear time.
    Grounded,
    /// Every complete labelling.
    Complete,
    /// The maximal complete labellings: each coherent position.
    Preferred,
    /// The labellings where everything is in or out.
    Stable,
}

impl SemanticsArg {
    pub(crate) fn semantics(self) -> Semantics {
        match self {
            SemanticsArg::Grounded => Semantics::Grounded,
            SemanticsArg::Complete => Semantics::Complete,
            SemanticsArg::Preferred => Semantics::Preferred,
            SemanticsArg::Stable => Semantics::Stable,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SupportArg {
    /// Every support is deductive: accepting a node commits to what it supports.
    Deductive,
    /// Every support is necessary: a node cannot stand without its supports.
    Necessary,
    /// Premises are necessary for their argument; an argument entails its
    /// conclusion; `supports` adds no attacks.
    Arguments,
    /// Ignore support: plain Dung semantics on the attacks.
    None,
}

impl SupportArg {
    pub(crate) fn support(self) -> Support {
        match self {
            SupportArg::None => Support::None,
            SupportArg::Arguments => Support::Arguments,
            SupportArg::Deductive => Support::Deductive,
            SupportArg::Necessary => Support::Necessary,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// A map evaluated: the framework and its extensions.
pub(crate) struct Evaluated {
    pub(crate) checked: argmap::Checked,
    pub(crate) framework: MapFramework,
    pub(crate) extensions: Extensions,
}

/// Checks, translates and evaluates a map; `Err(code)` when it has errors.
pub(crate) fn evaluate(
    path: &std::path::Path,
    semantics: Semantics,
    support: Support,
    limit: usize,
) -> Result<Result<Evaluated, ExitCode>, Failure> {
    evaluate_for(path, semantics, support, limit, "evaluated")
}

/// As [`evaluate`]; `what` says what was not done when the map has errors.
pub(crate) fn evaluate_for(
    path: &std::path::Path,
    semantics: Semantics,
    support: Support,
    limit: usize,
    what: &str,
) -> Result<Result<Evaluated, ExitCode>, Failure> {
    let checked = match super::checked_map(path, what)? {
        Ok(checked) => checked,
        Err(code) => return Ok(Err(code)),
    };
    let Some(map) = checked.map.as_ref() else {
        return Ok(Err(ExitCode::from(1)));
    };
    let framework = MapFramework::build(map, &checked.graph, support);
    let extensions =
        extensions(&framework.framework, semantics, limit, DEFAULT_STEPS).map_err(|e| {
            Failure::Message(format!(
                "the search for {} extensions of `{}` gave up: {e}; try --semantics grounded",
                semantics.as_str(),
                path.display()
            ))
        })?;
    Ok(Ok(Evaluated {
        checked,
        framework,
        extensions,
    }))
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let semantics = args.semantics.semantics();
    let limit = usize::try_from(args.max_extensions).unwrap_or(usize::MAX);
    let evaluated = match evaluate(&args.map, semantics, args.support.support(), limit)? {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    if evaluated.extensions.truncated {
        super::warning(&format!(
            "stopped after {limit} {} extension{} (--max-extensions); there are more, so acceptance is not shown",
            semantics.as_str(),
            if limit == 1 { "" } else { "s" }
        ));
    }
    let report = Report::new(&super::shown_path(&args.map), semantics, &evaluated);
    let text = match args.format {
        OutputFormat::Text => report.text(),
        OutputFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)
                .map_err(|e| Failure::Message(format!("cannot write JSON: {e}")))?;
            s.push('\n');
            s
        }
    };
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The evaluation as printed; the JSON output serializes it as is.
#[derive(Debug, Serialize)]
pub(crate) struct Report {
    /// The map file.
    map: String,
    semantics: &'static str,
    support: &'static str,
    /// Whether --max-extensions cut the list of extensions short.
    truncated: bool,
    arguments: Vec<ArgumentReport>,
    attacks: Vec<AttackReport>,
    pub(crate) extensions: Vec<ExtensionReport>,
    /// Ids in every extension (null when truncated).
    sceptical: Option<Vec<String>>,
    /// Ids in some extension (null when truncated).
    credulous: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct ArgumentReport {
    id: String,
    /// The node's full text (empty for meta-arguments).
    #[serde(skip)]
    text: String,
    /// claim, argument, relation (a meta-argument: "the relation holds") or
    /// auxiliary (part of a flattened attack).
    kind: &'static str,
    label: Option<String>,
    held_by: Vec<String>,
    rejected_by: Vec<String>,
}

#[derive(Debug, Serialize)]
struct AttackReport {
    from: String,
    to: String,
    /// attacks, undercuts, contradicts, flattened, supported, mediated,
    /// secondary or extended.
    via: &'static str,
    /// For derived attacks: what the attacker is committed to that
    /// attacks (`by`), and what the target is committed to that is
    /// attacked (`on`); either may be the attacker or target itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ExtensionReport {
    #[serde(rename = "in")]
    pub(crate) accepted: Vec<String>,
    out: Vec<String>,
    undecided: Vec<String>,
    /// One entry per argument, in the order of `arguments`.
    pub(crate) nodes: Vec<NodeStatus>,
}

#[derive(Debug, Serialize)]
pub(crate) struct NodeStatus {
    pub(crate) id: String,
    /// in, out or undecided.
    pub(crate) status: &'static str,
    pub(crate) why: String,
}

impl Report {
    pub(crate) fn new(map_path: &str, semantics: Semantics, e: &Evaluated) -> Report {
        let Some(map) = e.checked.map.as_ref() else {
            unreachable!("evaluate() returns only checked maps")
        };
        let f = &e.framework;
        let name = |i: u32| f.arguments[i as usize].name.clone();
        let texts = |v: &[argmap::model::Ref]| v.iter().map(|r| r.value.clone()).collect();
        let arguments = f
            .arguments
            .iter()
            .map(|a| match a.origin {
                Origin::Node(i) => {
                    let node = &map.nodes[i];
                    ArgumentReport {
                        id: a.name.clone(),
                        text: node.text.value.clone(),
                        kind: node.kind.as_str(),
                        label: node.label.as_ref().map(|l| l.value.clone()),
                        held_by: texts(&node.held_by),
                        rejected_by: texts(&node.rejected_by),
                    }
                }
                Origin::Relation { .. } | Origin::Auxiliary { .. } => ArgumentReport {
                    id: a.name.clone(),
                    text: String::new(),
                    kind: if matches!(a.origin, Origin::Relation { .. }) {
                        "relation"
                    } else {
                        "auxiliary"
                    },
                    label: None,
                    held_by: Vec::new(),
                    rejected_by: Vec::new(),
                },
            })
            .collect();
        let mut attacks: Vec<AttackReport> = f
            .attacks
            .iter()
            .map(|x| {
                let (via, through) = match x.via {
                    Via::Attacks => ("attacks", None),
                    Via::Undercuts => ("undercuts", None),
                    Via::Contradicts => ("contradicts", None),
                    Via::Flattened => ("flattened", None),
                    Via::Derived { by, on } => ("derived", Some((name(by), name(on)))),
                };
                let (by, on) = through.unzip();
                AttackReport {
                    from: name(x.from),
                    to: name(x.to),
                    via,
                    by,
                    on,
                }
            })
            .collect();
        attacks.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
        let extensions: Vec<ExtensionReport> = e
            .extensions
            .labellings
            .iter()
            .map(|labels| {
                let with = |l: Label| {
                    (0..labels.len())
                        .filter(|&i| labels[i] == l)
                        .map(|i| f.arguments[i].name.clone())
                        .collect()
                };
                ExtensionReport {
                    accepted: with(Label::In),
                    out: with(Label::Out),
                    undecided: with(Label::Undecided),
                    nodes: (0..labels.len())
                        .map(|i| NodeStatus {
                            id: f.arguments[i].name.clone(),
                            status: labels[i].as_str(),
                            why: f.explain(labels, i),
                        })
                        .collect(),
                }
            })
            .collect();
        let (sceptical, credulous) = if e.extensions.truncated {
            (None, None)
        } else {
            let all = &e.extensions.labellings;
            let pick = |every: bool| {
                (0..f.arguments.len())
                    .filter(|&i| {
                        let mut it = all.iter().map(|l| l[i] == Label::In);
                        // In every extension: vacuously true when there
                        // is none, as ICCMA's sceptical tasks answer.
                        if every { it.all(|x| x) } else { it.any(|x| x) }
                    })
                    .map(|i| f.arguments[i].name.clone())
                    .collect()
            };
            (Some(pick(true)), Some(pick(false)))
        };
        Report {
            map: map_path.to_string(),
            semantics: semantics.as_str(),
            support: f.support.as_str(),
            truncated: e.extensions.truncated,
            arguments,
            attacks,
            extensions,
            sceptical,
            credulous,
        }
    }

    fn is_auxiliary(&self, id: &str) -> bool {
        self.arguments
            .iter()
            .any(|a| a.id == id && a.kind == "auxiliary")
    }

    /// The text output: a table per extension, then acceptance.
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        let n = self.extensions.len();
        let derived = self.attacks.iter().filter(|a| a.by.is_some()).count();
        let _ = writeln!(
            s,
            "{}: {} semantics, support read as `{}`",
            self.map, self.semantics, self.support
        );
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let auxiliary = self
            .arguments
            .iter()
            .filter(|a| a.kind == "auxiliary")
            .count();
        let aux = if auxiliary == 0 {
            String::new()
        } else {
            format!(" (and {auxiliary} auxiliary, not shown)")
        };
        let _ = writeln!(
            s,
            "{}{aux}, {} ({derived} derived from support)",
            plural(self.arguments.len() - auxiliary, "argument", "arguments"),
            plural(self.attacks.len(), "attack", "attacks")
        );
        if self.semantics != "grounded" {
            let more = if self.truncated { " (cut short)" } else { "" };
            let _ = writeln!(s, "{n} extension{}{more}", if n == 1 { "" } else { "s" });
        }
        let width = self
            .arguments
            .iter()
            .filter(|a| a.kind != "auxiliary")
            .map(|a| a.id.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let held_width = self
            .arguments
            .iter()
            .map(|a| a.held_by.join(", ").chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        for (k, ext) in self.extensions.iter().enumerate() {
            s.push('\n');
            if self.semantics != "grounded" {
                let shown: Vec<String> = ext
                    .accepted
                    .iter()
                    .filter(|id| !self.is_auxiliary(id))
                    .cloned()
                    .collect();
                let _ = writeln!(s, "extension {}: in: {}", k + 1, list(&shown));
            }
            let _ = writeln!(
                s,
                "{:width$}  {:9}  {:held_width$}  LABEL",
                "NODE", "STATUS", "HELD BY"
            );
            for (a, st) in self.arguments.iter().zip(&ext.nodes) {
                if a.kind == "auxiliary" {
                    continue;
                }
                let label = match (&a.label, a.kind) {
                    (Some(l), _) => l.clone(),
                    (None, "relation") => format!("the relation `{}` holds", a.id),
                    (None, _) => short(&a.text),
                };
                let held = if a.held_by.is_empty() {
                    "-".to_string()
                } else {
                    a.held_by.join(", ")
                };
                let _ = writeln!(
                    s,
                    "{:width$}  {:9}  {held:held_width$}  {label}",
                    a.id, st.status
                );
                let _ = writeln!(s, "{:width$}  {}", "", st.why);
            }
        }
        if self.semantics != "grounded" && n == 0 && !self.truncated {
            let _ = writeln!(
                s,
                "\nThere is no {} extension, so no node is accepted in some extension; acceptance in every extension holds vacuously for every node.",
                self.semantics
            );
        } else if self.semantics != "grounded"
            && let (Some(sc), Some(cr)) = (&self.sceptical, &self.credulous)
        {
            let only: Vec<String> = cr.iter().filter(|c| !sc.contains(c)).cloned().collect();
            let none: Vec<String> = self
                .arguments
                .iter()
                .filter(|a| a.kind != "auxiliary" && !cr.contains(&a.id))
                .map(|a| a.id.clone())
                .collect();
            s.push('\n');
            let _ = writeln!(s, "accepted in every extension (sceptically): {}", list(sc));
            let _ = writeln!(
                s,
                "accepted in some, not all (credulously):   {}",
                list(&only)
            );
            let _ = writeln!(
                s,
                "accepted in none:                          {}",
                list(&none)
            );
        }
        s
    }
}

/// A node's text for the LABEL column: its first 60 characters.
fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 60 {
        text
    } else {
        let cut: String = text.chars().take(59).collect();
        format!("{}…", cut.trim_end())
    }
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "(none)".to_string()
    } else {
        ids.join(", ")
    }
}
