//! `argmap report`: a finished document around a map, in Markdown or one
//! self-contained HTML file.
//!
//! Every piece of map text goes through [`esc`] (HTML) or [`md`]
//! (Markdown), so a map cannot inject markup or script. The HTML also
//! carries a Content-Security-Policy that allows no script at all.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::render::{DotProgram, fallback_svg, run_dot};
use argmap::semantics::Label;
use argmap::{Format, RenderOptions, Severity};

use super::Failure;
use super::actors::{ActorsReport, from_evaluated};
use super::eval::{Evaluated, SemanticsArg, SupportArg, evaluate_for};

const AFTER_HELP: &str = "\
The report holds: the title and summary; the diagram (inline SVG in HTML,
each node a link to its row; in Markdown an SVG file written beside the
report, or a Mermaid block with --diagram mermaid); the evaluation; a table
of claims and arguments (id, text, held by, status, evidence); every quote
with its source, locator, translation and whether it was checked against
the source's file; the actors, what their positions rest on and their
tensions; the sources; the check results (warnings, findings, notes).

A map with errors gets no report: the errors are shown as by `check`.
Files are written atomically. The HTML is one file with no scripts and no
network access, readable on screen and in print.

Exit status: 0 written, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap report maps/istanbul.yaml -o report.html
  argmap report maps/istanbul.yaml -o report.md            writes report.svg too
  argmap report maps/istanbul.yaml -o report.md --diagram mermaid";

/// Arguments of `argmap report`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The report to write: .html or .md (`-` for stdout, HTML unless --format md).
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,

    /// Report format (default: from the extension of -o; HTML on stdout).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<ReportFormat>,

    /// How Markdown shows the diagram: an SVG file beside the report, or a
    /// Mermaid block (GitHub and GitLab draw it). HTML always inlines SVG.
    #[arg(long, value_enum, default_value_t = Diagram::Svg, ignore_case = true)]
    diagram: Diagram,

    /// The semantics for the statuses.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded, ignore_case = true)]
    semantics: SemanticsArg,

    /// How support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::Deductive, ignore_case = true)]
    support: SupportArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Html,
    #[value(alias = "markdown")]
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Diagram {
    Svg,
    Mermaid,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let to_stdout = args.output.as_os_str() == "-";
    let format = match args.format {
        Some(f) => f,
        None => match args
            .output
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("html" | "htm") => ReportFormat::Html,
            Some("md" | "markdown") => ReportFormat::Md,
            _ if to_stdout => ReportFormat::Html,
            _ => {
                return Err(Failure::Message(format!(
                    "cannot tell the report format from `{}`; use .html or .md, or pass --format",
                    args.output.display()
                )));
            }
        },
    };
    if format == ReportFormat::Html && args.diagram == Diagram::Mermaid {
        super::warning(
            "--diagram mermaid applies to Markdown; the HTML report inlines the SVG drawing",
        );
    }
    if to_stdout && format == ReportFormat::Md && args.diagram == Diagram::Svg {
        return Err(Failure::Message(
            "a Markdown report on stdout cannot have an SVG file beside it; pass --diagram mermaid or -o FILE.md".into(),
        ));
    }
    let evaluated = match evaluate_for(
        &args.map,
        args.semantics.semantics(),
        args.support.support(),
        64,
        "reported",
    )? {
        Ok(e) => e,
        Err(code) => return Ok(code),
    };
    let actors = from_evaluated(&evaluated, args.semantics, args.support);
    let doc = Doc {
        path: super::shown_path(&args.map),
        e: &evaluated,
        actors: &actors,
        semantics: args.semantics,
        support: args.support,
    };
    let (text, svg) = match format {
        ReportFormat::Html => (doc.html(&doc.svg(true)?), None),
        ReportFormat::Md if args.diagram == Diagram::Mermaid => (doc.markdown(None), None),
        ReportFormat::Md => {
            let svg_path = args.output.with_extension("svg");
            let name = svg_path
                .file_name()
                .map_or_else(|| "report.svg".into(), |n| n.to_string_lossy().into_owned());
            (doc.markdown(Some(&name)), Some((svg_path, doc.svg(false)?)))
        }
    };
    if to_stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some((path, svg)) = svg {
        super::render::write_atomically(&path, svg.as_bytes())?;
        writeln!(anstream::stdout(), "{}", path.display())?;
    }
    super::render::write_atomically(&args.output, text.as_bytes())?;
    writeln!(anstream::stdout(), "{}", args.output.display())?;
    Ok(ExitCode::SUCCESS)
}

struct Doc<'a> {
    path: String,
    e: &'a Evaluated,
    actors: &'a ActorsReport,
    semantics: SemanticsArg,
    support: SupportArg,
}

/// One row of the claims table.
struct Row {
    id: String,
    kind: &'static str,
    label: Option<String>,
    text: String,
    held_by: Vec<String>,
    rejected_by: Vec<String>,
    status: String,
    why: String,
    evidence: usize,
}

/// One quote.
struct QuoteRow {
    node: String,
    source: String,
    source_title: String,
    at: Option<String>,
    quote: String,
    translation: Option<String>,
    checked_against: Option<String>,
}

impl Doc<'_> {
    fn map(&self) -> &argmap::Map {
        // `evaluate_for` returns only maps that loaded without errors.
        self.e
            .checked
            .map
            .as_ref()
            .unwrap_or_else(|| unreachable!())
    }

    fn title(&self) -> String {
        self.map()
            .title
            .as_ref()
            .map_or_else(|| "Argument map".to_string(), |t| t.value.clone())
    }

    /// The diagram as SVG without its XML prolog, nodes linking to rows.
    fn svg(&self, links: bool) -> Result<String, Failure> {
        let map = self.map();
        let options = RenderOptions {
            links,
            // As `render` does: large densely linked maps by sfdp.
            layout: argmap::render::auto_layout(&self.e.checked.graph),
            ..RenderOptions::default()
        };
        let dot = argmap::render::dot(map, &self.e.checked.graph, &options);
        let program = DotProgram {
            program: std::env::var_os("ARGMAP_DOT").unwrap_or_else(|| OsString::from("dot")),
        };
        let svg = match run_dot(&dot, Format::Svg, &program) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == argmap::ErrorKind::GraphvizMissing => {
                super::warning(&format!(
                    "{e}; the diagram is drawn with the built-in layout (install Graphviz for the full drawing)"
                ));
                fallback_svg(map, &self.e.checked.graph, &options)?
            }
            Err(e) => return Err(e.into()),
        };
        let start = svg.find("<svg").unwrap_or(0);
        Ok(svg[start..].to_string())
    }

    fn rows(&self) -> Vec<Row> {
        let map = self.map();
        let f = &self.e.framework;
        let labellings = &self.e.extensions.labellings;
        let refs = |v: &[argmap::model::Ref]| v.iter().map(|r| r.value.clone()).collect();
        map.nodes
            .values()
            .enumerate()
            .map(|(i, node)| {
                let (status, why) = match f.of_node[i] {
                    None => ("not evaluated".to_string(), String::new()),
                    Some(a) if labellings.len() == 1 => {
                        let l = &labellings[0];
                        (l[a as usize].as_str().to_string(), f.explain(l, a as usize))
                    }
                    Some(a) => {
                        let k = labellings
                            .iter()
                            .filter(|l| l[a as usize] == Label::In)
                            .count();
                        (format!("in {k} of {}", labellings.len()), String::new())
                    }
                };
                Row {
                    id: node.id.value.clone(),
                    kind: node.kind.as_str(),
                    label: node.label.as_ref().map(|l| l.value.clone()),
                    text: node.text.value.clone(),
                    held_by: refs(&node.held_by),
                    rejected_by: refs(&node.rejected_by),
                    status,
                    why,
                    evidence: node.evidence.len(),
                }
            })
            .collect()
    }

    fn quotes(&self) -> Vec<QuoteRow> {
        let map = self.map();
        let mut rows = Vec::new();
        for node in map.nodes.values() {
            let relation_evidence = node.relations.iter().flat_map(|r| &r.evidence);
            for e in node.evidence.iter().chain(relation_evidence) {
                let Some(q) = &e.quote else { continue };
                let source = map.sources.get(&e.source.value);
                rows.push(QuoteRow {
                    node: node.id.value.clone(),
                    source: e.source.value.clone(),
                    source_title: source.map_or_else(String::new, |s| s.title.value.clone()),
                    at: e.at.as_ref().map(|a| a.value.clone()),
                    quote: q.value.clone(),
                    translation: e.translation.as_ref().map(|t| t.value.clone()),
                    checked_against: source
                        .and_then(|s| s.file.as_ref())
                        .map(|f| f.value.clone()),
                });
            }
        }
        rows
    }

    fn evaluation_summary(&self) -> String {
        let f = &self.e.framework;
        let ext = &self.e.extensions;
        let semantics = self.semantics.semantics().as_str();
        let support = self.support.support().as_str();
        let names = |l: &[Label], want: Label| -> Vec<String> {
            (0..l.len())
                .filter(|&i| l[i] == want && !f.arguments[i].name.contains('/'))
                .map(|i| f.arguments[i].name.clone())
                .collect()
        };
        let mut s = format!("Semantics: {semantics}; support read as `{support}`. ");
        if self.semantics == SemanticsArg::Grounded {
            if let Some(l) = ext.labellings.first() {
                let _ = write!(
                    s,
                    "{} in, {} out, {} undecided.",
                    names(l, Label::In).len(),
                    names(l, Label::Out).len(),
                    names(l, Label::Undecided).len()
                );
            }
        } else {
            let _ = write!(
                s,
                "{} extension{}{}.",
                ext.labellings.len(),
                if ext.labellings.len() == 1 { "" } else { "s" },
                if ext.truncated { " (the first 64)" } else { "" }
            );
        }
        s
    }

    fn extensions(&self) -> Vec<Vec<String>> {
        let f = &self.e.framework;
        if self.semantics == SemanticsArg::Grounded {
            return Vec::new();
        }
        self.e
            .extensions
            .labellings
            .iter()
            .map(|l| {
                (0..l.len())
                    .filter(|&i| l[i] == Label::In && !f.arguments[i].name.contains('/'))
                    .map(|i| f.arguments[i].name.clone())
                    .collect()
            })
            .collect()
    }

    /// Warnings, findings and notes.
    fn findings(&self) -> Vec<(String, &'static str, String, usize)> {
        self.e
            .checked
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Error)
            .map(|d| {
                (
                    d.code.as_str().to_string(),
                    d.severity.as_str(),
                    d.message.clone(),
                    d.span.start as usize,
                )
            })
            .collect()
    }

    fn markdown(&self, svg_file: Option<&str>) -> String {
        let map = self.map();
        let mut s = String::new();
        let _ = writeln!(s, "# {}\n", md(&self.title()));
        if let Some(summary) = &map.summary {
            let _ = writeln!(s, "{}\n", md(summary.value.trim()));
        }
        let _ = writeln!(s, "*Generated by argmap from `{}`.*\n", md(&self.path));
        let _ = writeln!(s, "## Diagram\n");
        match svg_file {
            Some(file) => {
                let _ = writeln!(s, "![The map drawn as a diagram](<{file}>)\n");
            }
            None => {
                let mermaid =
                    argmap::render::mermaid(map, &self.e.checked.graph, &RenderOptions::default());
                let _ = writeln!(s, "```mermaid\n{mermaid}```\n");
            }
        }
        let _ = writeln!(
            s,
            "## Evaluation\n\n{}\n",
            md_code(&self.evaluation_summary())
        );
        for (k, ext) in self.extensions().iter().enumerate() {
            let _ = writeln!(s, "- Extension {}: {}", k + 1, md(&list(ext)));
        }
        let _ = writeln!(s, "\n## Claims and arguments\n");
        let _ = writeln!(
            s,
            "| id | kind | statement | held by | rejected by | status | evidence |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|");
        for r in self.rows() {
            let statement = match &r.label {
                Some(l) => format!("**{}** — {}", md(l), md(&r.text)),
                None => md(&r.text),
            };
            let status = if r.why.is_empty() {
                md(&r.status)
            } else {
                format!("{} ({})", md(&r.status), md_code(&r.why))
            };
            let _ = writeln!(
                s,
                "| <a id=\"claim-{}\"></a>`{}` | {} | {statement} | {} | {} | {status} | {} |",
                r.id,
                r.id,
                r.kind,
                md(&list(&r.held_by)),
                md(&list(&r.rejected_by)),
                r.evidence
            );
        }
        let quotes = self.quotes();
        let _ = writeln!(s, "\n## Quotes\n");
        if quotes.is_empty() {
            let _ = writeln!(s, "The map quotes nothing.");
        }
        for q in &quotes {
            let at =
                q.at.as_ref()
                    .map_or_else(String::new, |a| format!(", {}", md(a)));
            let _ = writeln!(s, "> {}\n", md(q.quote.trim()));
            if let Some(t) = &q.translation {
                let _ = writeln!(s, "> *{}*\n", md(t.trim()));
            }
            let checked = match &q.checked_against {
                Some(f) => format!("checked against `{}`", md(f)),
                None => "not checked: the source has no local file".to_string(),
            };
            let _ = writeln!(
                s,
                "— {} (`{}`{at}), cited for [`{}`](#claim-{}); {checked}.\n",
                md(&q.source_title),
                q.source,
                q.node,
                q.node
            );
        }
        let _ = writeln!(s, "## Actors\n");
        for a in &self.actors.actors {
            let _ = writeln!(s, "### {} (`{}`)\n", md(&a.name), a.id);
            let c = |v: &[super::actors::Commitment]| {
                md(&list(
                    &v.iter()
                        .map(|c| format!("{} ({})", c.id, c.status))
                        .collect::<Vec<_>>(),
                ))
            };
            let _ = writeln!(s, "- Holds: {}", c(&a.holds));
            let _ = writeln!(s, "- Rejects: {}", c(&a.rejects));
            let _ = writeln!(s, "- Rests on, held by others: {}", md(&list(&a.rests_on)));
            let _ = writeln!(s, "- Cites: {}", md(&list(&a.cites)));
            if a.tensions.is_empty() {
                let _ = writeln!(s, "- Tensions: none\n");
            } else {
                let _ = writeln!(s, "- Tensions:");
                for t in &a.tensions {
                    let _ = writeln!(s, "  - {} {}", t.code, md_code(&t.message));
                }
                s.push('\n');
            }
        }
        if !self.actors.foundations.is_empty() {
            let _ = writeln!(s, "What the positions rest on:\n");
            let _ = writeln!(s, "| node | held by | positions resting on it |");
            let _ = writeln!(s, "|---|---|---|");
            for f in &self.actors.foundations {
                let _ = writeln!(
                    s,
                    "| [`{}`](#claim-{}) | {} | {} |",
                    f.id,
                    f.id,
                    md(&list(&f.held_by)),
                    md(&list(&f.rested_on_by))
                );
            }
            s.push('\n');
        }
        let _ = writeln!(s, "## Sources\n");
        for (id, src) in &map.sources {
            let _ = writeln!(s, "- `{id}`: {}", md(&bibliography(src, true)));
        }
        let _ = writeln!(s, "\n## Check results\n");
        let findings = self.findings();
        if findings.is_empty() {
            let _ = writeln!(s, "No problems: every check passed.");
        } else {
            for (code, severity, message, _) in &findings {
                let _ = writeln!(s, "- {severity} {code}: {}", md_code(message));
            }
        }
        s
    }

    fn html(&self, svg: &str) -> String {
        let map = self.map();
        let title = esc(&self.title());
        let lang = map
            .lang
            .as_ref()
            .map_or_else(|| "en".to_string(), |l| esc(&l.value));
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
             <meta name=\"generator\" content=\"argmap\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        );
        let _ = writeln!(s, "<header>\n<h1>{title}</h1>");
        if let Some(summary) = &map.summary {
            let _ = writeln!(s, "<p class=\"summary\">{}</p>", esc(summary.value.trim()));
        }
        let _ = writeln!(
            s,
            "<p class=\"meta\">Generated by argmap from <code>{}</code>.</p>\n</header>",
            esc(&self.path)
        );
        let _ = writeln!(
            s,
            "<nav><a href=\"#diagram\">Diagram</a> · <a href=\"#evaluation\">Evaluation</a> · <a href=\"#claims\">Claims</a> · <a href=\"#quotes\">Quotes</a> · <a href=\"#actors\">Actors</a> · <a href=\"#sources\">Sources</a> · <a href=\"#checks\">Checks</a></nav>"
        );
        let _ = writeln!(
            s,
            "<section id=\"diagram\">\n<h2>Diagram</h2>\n<figure>\n{svg}\n<figcaption>Click a node to read its entry in the table below.</figcaption>\n</figure>\n</section>"
        );
        let _ = writeln!(
            s,
            "<section id=\"evaluation\">\n<h2>Evaluation</h2>\n<p>{}</p>",
            code_spans(&esc(&self.evaluation_summary()))
        );
        let exts = self.extensions();
        if !exts.is_empty() {
            s.push_str("<ol class=\"extensions\">\n");
            for ext in &exts {
                let _ = writeln!(s, "<li>{}</li>", esc(&list(ext)));
            }
            s.push_str("</ol>\n");
        }
        s.push_str("</section>\n");
        let _ = writeln!(
            s,
            "<section id=\"claims\">\n<h2>Claims and arguments</h2>\n<table>\n<thead><tr><th>id</th><th>kind</th><th>statement</th><th>held by</th><th>rejected by</th><th>status</th><th>evidence</th></tr></thead>\n<tbody>"
        );
        for r in self.rows() {
            let statement = match &r.label {
                Some(l) => format!("<strong>{}</strong><br>{}", esc(l), esc(&r.text)),
                None => esc(&r.text),
            };
            let why = if r.why.is_empty() {
                String::new()
            } else {
                format!("<div class=\"why\">{}</div>", code_spans(&esc(&r.why)))
            };
            let _ = writeln!(
                s,
                "<tr id=\"claim-{id}\" class=\"status-{cls}\"><td><code>{id}</code></td><td>{}</td><td>{statement}</td><td>{}</td><td>{}</td><td><span class=\"status\">{}</span>{why}</td><td>{}</td></tr>",
                r.kind,
                esc(&list(&r.held_by)),
                esc(&list(&r.rejected_by)),
                esc(&r.status),
                r.evidence,
                id = esc(&r.id),
                cls = r.status.split_whitespace().next().unwrap_or("none"),
            );
        }
        s.push_str("</tbody>\n</table>\n</section>\n");
        let quotes = self.quotes();
        s.push_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n");
        if quotes.is_empty() {
            s.push_str("<p>The map quotes nothing.</p>\n");
        }
        for q in &quotes {
            let at =
                q.at.as_ref()
                    .map_or_else(String::new, |a| format!(", {}", esc(a)));
            let translation = q.translation.as_ref().map_or_else(String::new, |t| {
                format!("<p class=\"translation\">{}</p>", esc(t))
            });
            let checked = match &q.checked_against {
                Some(f) => format!(
                    "<span class=\"verified\">checked against <code>{}</code></span>",
                    esc(f)
                ),
                None => {
                    "<span class=\"unverified\">not checked: the source has no local file</span>"
                        .to_string()
                }
            };
            let _ = writeln!(
                s,
                "<blockquote><p>{}</p>{translation}<footer>{} (<code>{}</code>{at}), cited for <a href=\"#claim-{node}\"><code>{node}</code></a>; {checked}</footer></blockquote>",
                esc(&q.quote),
                esc(&q.source_title),
                esc(&q.source),
                node = esc(&q.node),
            );
        }
        s.push_str("</section>\n<section id=\"actors\">\n<h2>Actors</h2>\n");
        for a in &self.actors.actors {
            let c = |v: &[super::actors::Commitment]| {
                if v.is_empty() {
                    return "(none)".to_string();
                }
                v.iter()
                    .map(|c| {
                        format!(
                            "<a href=\"#claim-{id}\"><code>{id}</code></a> ({})",
                            esc(&c.status),
                            id = esc(&c.id)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                s,
                "<h3>{} (<code>{}</code>)</h3>\n<ul>\n<li>Holds: {}</li>\n<li>Rejects: {}</li>\n<li>Rests on, held by others: {}</li>\n<li>Cites: {}</li>",
                esc(&a.name),
                esc(&a.id),
                c(&a.holds),
                c(&a.rejects),
                esc(&list(&a.rests_on)),
                esc(&list(&a.cites))
            );
            if a.tensions.is_empty() {
                s.push_str("<li>Tensions: none</li>\n");
            } else {
                s.push_str("<li>Tensions:<ul>");
                for t in &a.tensions {
                    let _ = write!(s, "<li>{} {}</li>", t.code, code_spans(&esc(&t.message)));
                }
                s.push_str("</ul></li>\n");
            }
            s.push_str("</ul>\n");
        }
        if !self.actors.foundations.is_empty() {
            s.push_str("<h3>What the positions rest on</h3>\n<table>\n<thead><tr><th>node</th><th>held by</th><th>positions resting on it</th></tr></thead>\n<tbody>\n");
            for f in &self.actors.foundations {
                let _ = writeln!(
                    s,
                    "<tr><td><a href=\"#claim-{id}\"><code>{id}</code></a></td><td>{}</td><td>{}</td></tr>",
                    esc(&list(&f.held_by)),
                    esc(&list(&f.rested_on_by)),
                    id = esc(&f.id)
                );
            }
            s.push_str("</tbody>\n</table>\n");
        }
        s.push_str(
            "</section>\n<section id=\"sources\">\n<h2>Sources</h2>\n<ul class=\"sources\">\n",
        );
        for (id, src) in &map.sources {
            let web = src
                .url
                .as_ref()
                .filter(|u| u.value.starts_with("https://") || u.value.starts_with("http://"));
            let link = web.map_or_else(String::new, |u| {
                format!(", <a href=\"{u}\">{u}</a>", u = esc(&u.value))
            });
            let _ = writeln!(
                s,
                "<li id=\"source-{id}\"><code>{id}</code>: {}{link}</li>",
                esc(&bibliography(src, web.is_none())),
                id = esc(id)
            );
        }
        s.push_str("</ul>\n</section>\n<section id=\"checks\">\n<h2>Check results</h2>\n");
        let findings = self.findings();
        if findings.is_empty() {
            s.push_str("<p>No problems: every check passed.</p>\n");
        } else {
            s.push_str("<ul>\n");
            for (code, severity, message, _) in &findings {
                let _ = writeln!(
                    s,
                    "<li class=\"{severity}\">{severity} {code}: {}</li>",
                    esc(message)
                );
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n</body>\n</html>\n");
        s
    }
}

const CSS: &str = "
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:72rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a;background:#fff}
h1{font-size:1.9rem;margin:.5rem 0}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
.summary{font-size:1.05rem;color:#333}.meta{color:#666;font-size:.9rem}
nav{position:sticky;top:0;background:#fff;padding:.4rem 0;border-bottom:1px solid #eee;font-size:.9rem}
figure{margin:0;overflow-x:auto;border:1px solid #eee}figure svg{max-width:none;height:auto}figcaption{color:#666;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}tr:target{outline:3px solid #f0a500}
.status{font-weight:600}.status-in .status{color:#1b7837}.status-out .status{color:#b2182b}.status-undecided .status{color:#8a6d00}
.why{color:#555;font-size:.8rem;margin-top:.2rem}
blockquote{border-left:4px solid #bbb;margin:1rem 0;padding:.2rem 1rem;background:#fafafa}
blockquote footer{color:#555;font-size:.85rem}.translation{font-style:italic;color:#444}
.verified{color:#1b7837}.unverified{color:#b2182b}
code{font-size:.9em}
@media print{nav{display:none}figure{border:0}figure svg{max-width:100%}body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,blockquote{break-inside:avoid}figure svg{max-height:24cm}}
";

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}

/// A bibliography entry: author, title, publisher, date, address (unless
/// the caller links it itself), local copy.
fn bibliography(src: &argmap::model::Source, with_url: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = &src.author {
        parts.push(a.value.clone());
    }
    parts.push(format!("\"{}\"", src.title.value));
    if let Some(p) = &src.publisher {
        parts.push(p.value.clone());
    }
    if let Some(d) = &src.date {
        parts.push(d.value.clone());
    }
    if let Some(u) = src.url.as_ref().filter(|_| with_url) {
        parts.push(u.value.clone());
    }
    if let Some(f) = &src.file {
        parts.push(format!("local copy: {}", f.value));
    }
    parts.join(", ")
}

/// Backtick pairs in escaped text as `<code>` (a lone backtick stays).
fn code_spans(escaped: &str) -> String {
    let pieces: Vec<&str> = escaped.split('`').collect();
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 && i + 1 < pieces.len() {
            let _ = write!(out, "<code>{piece}</code>");
        } else {
            if i > 0 && i % 2 == 1 {
                out.push('`');
            }
            out.push_str(piece);
        }
    }
    out
}

/// Text for HTML content or attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// As [`md`], but backticks stay, so that `id` reads as code (for the
/// messages and reasons argmap writes, whose backticks hold ids).
fn md_code(s: &str) -> String {
    let pieces: Vec<&str> = s.split('`').collect();
    let mut out = String::with_capacity(s.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Inside a pair of backticks: code, where only a table's `|` and
        // line breaks need care.
        if i % 2 == 1 && i + 1 < pieces.len() {
            out.push_str(&piece.replace('|', "\\|").replace(['\n', '\r'], " "));
        } else {
            out.push_str(&md(piece));
        }
    }
    out
}

/// Text for a Markdown paragraph or table cell: markup characters
/// backslash-escaped, HTML made inert, line breaks as spaces.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
