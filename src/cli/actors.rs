//! `argmap actors`: each actor's commitments, their status under a
//! semantics, what their position rests on, and the tensions among them.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::Severity;
use argmap::semantics::Label;
use serde::Serialize;

use super::Failure;
use super::eval::{SemanticsArg, SupportArg, evaluate_for};

const AFTER_HELP: &str = "\
For each actor: the nodes it holds, with their status under the semantics
(in, out, undecided; for several extensions, in how many each is in), the
nodes it rejects, what its position rests on that others hold (the nodes
from which support reaches what it holds), the sources it cites, and its
tensions (the F5xx findings of `argmap check`). Then, for every node some
position rests on, who builds on it.

Exit status: 0 listed, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap actors maps/istanbul.yaml
  argmap actors maps/istanbul.yaml --semantics preferred --format json";

/// Arguments of `argmap actors`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The semantics for the status of each commitment.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded, ignore_case = true)]
    semantics: SemanticsArg,

    /// How support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::Deductive, ignore_case = true)]
    support: SupportArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, ignore_case = true)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The actors of a map, as printed; the JSON output serializes it.
#[derive(Debug, Serialize)]
pub(crate) struct ActorsReport {
    semantics: &'static str,
    support: &'static str,
    /// Extensions the statuses count over (1 for grounded).
    extensions: usize,
    pub(crate) actors: Vec<ActorReport>,
    /// For each node some actor's position rests on without holding it:
    /// who holds it, and whose positions rest on it.
    pub(crate) foundations: Vec<Foundation>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ActorReport {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) holds: Vec<Commitment>,
    pub(crate) rejects: Vec<Commitment>,
    pub(crate) rests_on: Vec<String>,
    pub(crate) cites: Vec<String>,
    pub(crate) tensions: Vec<Tension>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Commitment {
    pub(crate) id: String,
    /// in, out or undecided (grounded); else "in k of n".
    pub(crate) status: String,
    /// In how many extensions the node is in (`extensions` counts them).
    pub(crate) in_extensions: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct Tension {
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Foundation {
    pub(crate) id: String,
    pub(crate) held_by: Vec<String>,
    pub(crate) rested_on_by: Vec<String>,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let Ok(report) = build(&args.map, args.semantics, args.support)? else {
        return Ok(ExitCode::from(1));
    };
    let text = match args.format {
        Format::Text => text(&report),
        Format::Json => {
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

/// Evaluates the map and gathers every actor's commitments.
pub(crate) fn build(
    path: &std::path::Path,
    semantics: SemanticsArg,
    support: SupportArg,
) -> Result<Result<ActorsReport, ExitCode>, Failure> {
    let evaluated =
        match evaluate_for(path, semantics.semantics(), support.support(), 64, "listed")? {
            Ok(e) => e,
            Err(code) => return Ok(Err(code)),
        };
    Ok(Ok(from_evaluated(&evaluated, semantics, support)))
}

/// Every actor's commitments in an evaluated map.
pub(crate) fn from_evaluated(
    evaluated: &super::eval::Evaluated,
    semantics: SemanticsArg,
    support: SupportArg,
) -> ActorsReport {
    let Some(map) = evaluated.checked.map.as_ref() else {
        return ActorsReport {
            semantics: semantics.semantics().as_str(),
            support: support.support().as_str(),
            extensions: 0,
            actors: Vec::new(),
            foundations: Vec::new(),
        };
    };
    let f = &evaluated.framework;
    let labellings = &evaluated.extensions.labellings;
    let grounded = semantics == SemanticsArg::Grounded;
    let status = |node: usize| -> String {
        let Some(a) = f.of_node[node] else {
            return "not evaluated".to_string();
        };
        let a = a as usize;
        if grounded {
            return labellings
                .first()
                .map_or(Label::Undecided, |l| l[a])
                .as_str()
                .to_string();
        }
        let k = labellings.iter().filter(|l| l[a] == Label::In).count();
        format!("in {k} of {}", labellings.len())
    };
    let id = |i: usize| map.nodes[i].id.value.clone();
    let in_count = |node: usize| {
        f.of_node[node].map_or(0, |a| {
            labellings
                .iter()
                .filter(|l| l[a as usize] == Label::In)
                .count()
        })
    };
    let commitment = |&i: &usize| Commitment {
        id: id(i),
        status: status(i),
        in_extensions: in_count(i),
    };
    let all = argmap::actors::commitments(map, &evaluated.checked.graph);
    let actors: Vec<ActorReport> = all
        .iter()
        .map(|c| ActorReport {
            id: c.id.clone(),
            name: c.name.clone(),
            holds: c.holds.iter().map(commitment).collect(),
            rejects: c.rejects.iter().map(commitment).collect(),
            rests_on: c.rests_on.iter().map(|&i| id(i)).collect(),
            cites: c.cites.clone(),
            tensions: evaluated
                .checked
                .diagnostics
                .iter()
                .filter(|d| {
                    d.severity == Severity::Finding
                        && d.message.starts_with(&format!("`{}` ", c.id))
                })
                .map(|d| Tension {
                    code: d.code.as_str(),
                    message: d.message.clone(),
                })
                .collect(),
        })
        .collect();
    let mut foundations: Vec<Foundation> = Vec::new();
    for i in 0..map.nodes.len() {
        let rested: Vec<String> = all
            .iter()
            .filter(|c| c.rests_on.contains(&i))
            .map(|c| c.id.clone())
            .collect();
        if rested.is_empty() {
            continue;
        }
        foundations.push(Foundation {
            id: id(i),
            held_by: map.nodes[i]
                .held_by
                .iter()
                .map(|r| r.value.clone())
                .collect(),
            rested_on_by: rested,
        });
    }
    ActorsReport {
        semantics: semantics.semantics().as_str(),
        support: support.support().as_str(),
        extensions: labellings.len(),
        actors,
        foundations,
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}

fn text(r: &ActorsReport) -> String {
    let mut s = String::new();
    let over = if r.semantics == "grounded" {
        format!(
            "status under grounded semantics, support read as `{}`",
            r.support
        )
    } else {
        format!(
            "status: in how many of the {} {} extensions, support read as `{}`",
            r.extensions, r.semantics, r.support
        )
    };
    let _ = writeln!(s, "{} actors; {over}", r.actors.len());
    if r.semantics != "grounded" && r.extensions == 0 {
        let _ = writeln!(
            s,
            "There is no {} extension, so no commitment is accepted in any.",
            r.semantics
        );
    }
    let commitments = |c: &[Commitment]| -> String {
        list(
            &c.iter()
                .map(|c| format!("{} ({})", c.id, c.status))
                .collect::<Vec<_>>(),
        )
    };
    for a in &r.actors {
        let _ = writeln!(s, "\n{} — {}", a.id, a.name);
        let _ = writeln!(s, "  holds ({}): {}", a.holds.len(), commitments(&a.holds));
        let _ = writeln!(
            s,
            "  rejects ({}): {}",
            a.rejects.len(),
            commitments(&a.rejects)
        );
        let _ = writeln!(s, "  rests on, held by others: {}", list(&a.rests_on));
        let _ = writeln!(s, "  cites: {}", list(&a.cites));
        if a.tensions.is_empty() {
            let _ = writeln!(s, "  tensions: none");
        } else {
            let _ = writeln!(s, "  tensions:");
            for t in &a.tensions {
                let _ = writeln!(s, "    {} {}", t.code, t.message);
            }
        }
    }
    if !r.foundations.is_empty() {
        let _ = writeln!(s, "\nWhat the positions rest on:");
        let width = r
            .foundations
            .iter()
            .map(|f| f.id.chars().count())
            .max()
            .unwrap_or(0);
        for f in &r.foundations {
            let _ = writeln!(
                s,
                "  {:width$}  held by {:24}  rested on by {}",
                f.id,
                list(&f.held_by),
                list(&f.rested_on_by)
            );
        }
    }
    s
}
