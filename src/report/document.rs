//! The report: a finished document around a map, in Markdown or as one
//! self-contained HTML file (title and summary, diagram, evaluation,
//! claims, quotes, actors, sources, check results).
//!
//! Every piece of map text goes through [`escape_html`] or
//! [`escape_markdown`], so a map cannot inject markup or script. The HTML
//! carries a Content-Security-Policy that allows no script and no network
//! access.

use std::fmt::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Map, Source};
use crate::render::RenderOptions;
use crate::semantics::{Evaluation, Label, Status};
use crate::text::{escape_html as esc, escape_markdown as md};

use super::actors::{ActorsReport, Commitment, commitments_text};
use super::list;
use super::page::{Page, svg_size};

/// The stylesheet of the HTML report.
const CSS: &str = include_str!("report.css");

/// The report's diagram: the map drawn as `render` draws it by default
/// (layout chosen by size, see [`crate::render::auto_layout`]), as an
/// `<svg>` element without the XML prolog and doctype, so that it can stand
/// inside HTML; with `links`, every node links to its row of the claims
/// table (`#claim-<id>`). As [`crate::render::svg`], the built-in layout
/// draws it when Graphviz is missing, and [`crate::render::Svg::fallback`]
/// says so.
///
/// # Errors
/// As [`crate::render::svg`].
pub fn diagram(
    graph: &crate::ArgGraph,
    links: bool,
    program: &crate::render::DotProgram,
) -> Result<crate::render::Svg, crate::Error> {
    let options = RenderOptions {
        links,
        layout: crate::render::auto_layout(graph),
        ..RenderOptions::default()
    };
    diagram_with(graph, &options, program)
}

/// The report's diagram drawn with these options (those of `render`: the
/// part of the map, direction, groups, status colours, page fit), as an
/// `<svg>` element as [`diagram`] gives it.
///
/// # Errors
/// As [`crate::render::svg`].
pub fn diagram_with(
    graph: &crate::ArgGraph,
    options: &RenderOptions,
    program: &crate::render::DotProgram,
) -> Result<crate::render::Svg, crate::Error> {
    let mut svg = crate::render::svg(graph, options, program)?;
    if let Some(start) = svg.text.find("<svg") {
        svg.text.drain(..start);
    }
    Ok(svg)
}

/// How the Markdown report shows the diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkdownDiagram<'a> {
    /// An image file beside the report, by this relative name.
    File(&'a str),
    /// A Mermaid block (GitHub and GitLab draw it).
    Mermaid,
    /// A Mermaid block with this flowchart, drawn by the caller (with
    /// drawing options of its own).
    MermaidText(&'a str),
}

/// The report of an evaluated map.
#[derive(Debug)]
pub struct Report<'a> {
    /// The map's name as shown.
    path: String,
    evaluation: &'a Evaluation<'a>,
    diagnostics: &'a [Diagnostic],
    actors: ActorsReport,
}

/// One row of the claims table.
struct Row {
    id: String,
    kind: &'static str,
    label: Option<String>,
    text: String,
    held_by: Vec<String>,
    rejected_by: Vec<String>,
    status: Status,
    why: Option<String>,
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

impl<'a> Report<'a> {
    /// The report of an evaluation; `map_path` is the map's name as shown
    /// and `diagnostics` its check results (warnings, findings and notes
    /// are listed).
    pub fn new(
        map_path: &str,
        evaluation: &'a Evaluation<'a>,
        diagnostics: &'a [Diagnostic],
    ) -> Self {
        Report {
            path: map_path.to_string(),
            evaluation,
            diagnostics,
            actors: ActorsReport::new(evaluation, diagnostics),
        }
    }

    fn map(&self) -> &Map {
        self.evaluation.graph().map()
    }

    fn title(&self) -> String {
        self.map()
            .title
            .as_ref()
            .map_or_else(|| "Argument map".to_string(), |t| t.value.to_string())
    }

    fn rows(&self) -> Vec<Row> {
        let e = self.evaluation;
        let refs = |v: &[crate::model::Ref]| v.iter().map(|r| r.value.to_string()).collect();
        self.map()
            .nodes
            .values()
            .enumerate()
            .map(|(i, node)| Row {
                id: node.id.value.to_string(),
                kind: node.kind.as_str(),
                label: node.label.as_ref().map(|l| l.value.to_string()),
                text: node.text.value.to_string(),
                held_by: refs(&node.held_by),
                rejected_by: refs(&node.rejected_by),
                status: e.status(i),
                // The status is shown beside it: keep the reason only.
                why: e.why(i).map(|why| match why.split_once(": ") {
                    Some((word, reason)) if !word.contains(' ') => reason.to_string(),
                    _ => why,
                }),
                evidence: node.evidence.len(),
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
                    node: node.id.value.to_string(),
                    source: e.source.value.to_string(),
                    source_title: source.map_or_else(String::new, |s| s.title.value.to_string()),
                    at: e.at.as_ref().map(|a| a.value.to_string()),
                    quote: q.value.to_string(),
                    translation: e.translation.as_ref().map(|t| t.value.to_string()),
                    checked_against: source
                        .and_then(|s| s.file.as_ref())
                        .map(|f| f.value.to_string()),
                });
            }
        }
        rows
    }

    /// The ids in each extension (none listed under grounded semantics).
    fn extensions(&self) -> Vec<Vec<String>> {
        let e = self.evaluation;
        if e.semantics().is_unique() {
            return Vec::new();
        }
        let f = e.framework();
        e.extensions()
            .labellings
            .iter()
            .map(|l| {
                (0..l.len())
                    .filter(|&i| l[i] == Label::In && !f.arguments[i].is_auxiliary())
                    .map(|i| f.arguments[i].name.clone())
                    .collect()
            })
            .collect()
    }

    fn evaluation_summary(&self) -> String {
        let e = self.evaluation;
        let f = e.framework();
        let ext = &e.extensions();
        let mut s = format!(
            "Semantics: {}; `supports` read as `{}`. ",
            e.semantics().as_str(),
            e.support().as_str()
        );
        if e.semantics().is_unique() {
            if let Some(l) = ext.labellings.first() {
                let count = |want: Label| {
                    (0..l.len())
                        .filter(|&i| l[i] == want && !f.arguments[i].is_auxiliary())
                        .count()
                };
                s.push_str(&format!(
                    "{} accepted, {} rejected, {} undecided.",
                    count(Label::In),
                    count(Label::Out),
                    count(Label::Undecided)
                ));
            }
        } else {
            let n = ext.labellings.len();
            s.push_str(&format!(
                "{n} extension{}{}.",
                if n == 1 { "" } else { "s" },
                if ext.truncated {
                    format!(" (the first {n})")
                } else {
                    String::new()
                }
            ));
        }
        s
    }

    /// Warnings, findings and notes.
    fn findings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Error)
    }

    /// Writes the report as Markdown.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_markdown(
        &self,
        out: &mut impl Write,
        diagram: MarkdownDiagram<'_>,
    ) -> fmt::Result {
        let map = self.map();
        writeln!(out, "# {}\n", md(&self.title()))?;
        if let Some(summary) = &map.summary {
            writeln!(out, "{}\n", md(summary.value.trim()))?;
        }
        writeln!(out, "*Generated by argmap from `{}`.*\n", md(&self.path))?;
        writeln!(out, "## Diagram\n")?;
        match diagram {
            MarkdownDiagram::File(file) => {
                writeln!(out, "![The map drawn as a diagram](<{file}>)\n")?;
            }
            MarkdownDiagram::Mermaid => {
                let mermaid =
                    crate::render::mermaid(self.evaluation.graph(), &RenderOptions::default());
                writeln!(out, "```mermaid\n{mermaid}```\n")?;
            }
            MarkdownDiagram::MermaidText(mermaid) => {
                writeln!(out, "```mermaid\n{mermaid}```\n")?;
            }
        }
        writeln!(
            out,
            "## Evaluation\n\n{}\n\n*What this means:* {}\n",
            md_code(&self.evaluation_summary()),
            md(crate::semantics::meaning(self.evaluation.semantics()))
        )?;
        for (k, ext) in self.extensions().iter().enumerate() {
            writeln!(out, "- Extension {} accepts: {}", k + 1, md(&list(ext)))?;
        }
        let questions = super::questions(self.evaluation);
        if !questions.is_empty() {
            writeln!(out, "\n### Questions\n")?;
            for q in &questions {
                writeln!(
                    out,
                    "- [`{}`](#claim-{}) {} — **{}**",
                    q.id,
                    q.id,
                    md(&q.text),
                    md_code(&q.bottom_line)
                )?;
            }
        }
        writeln!(out, "\n## Claims and arguments\n")?;
        writeln!(
            out,
            "| id | kind | statement | held by | rejected by | status | evidence |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for r in self.rows() {
            let statement = match &r.label {
                Some(l) => format!("**{}** — {}", md(l), md(&r.text)),
                None => md(&r.text),
            };
            let status = match &r.why {
                None => md(&r.status.to_string()),
                Some(why) => format!("{}: {}", md(&r.status.to_string()), md_code(why)),
            };
            writeln!(
                out,
                "| <a id=\"claim-{}\"></a>`{}` | {} | {statement} | {} | {} | {status} | {} |",
                r.id,
                r.id,
                r.kind,
                md(&list(&r.held_by)),
                md(&list(&r.rejected_by)),
                r.evidence
            )?;
        }
        let quotes = self.quotes();
        writeln!(out, "\n## Quotes\n")?;
        if quotes.is_empty() {
            writeln!(out, "The map quotes nothing.")?;
        }
        for q in &quotes {
            let at =
                q.at.as_ref()
                    .map_or_else(String::new, |a| format!(", {}", md(a)));
            writeln!(out, "> {}\n", md(q.quote.trim()))?;
            if let Some(t) = &q.translation {
                writeln!(out, "> *{}*\n", md(t.trim()))?;
            }
            let checked = match &q.checked_against {
                Some(f) => format!("checked against `{}`", md(f)),
                None => "not checked: the source has no local file".to_string(),
            };
            writeln!(
                out,
                "— {} (`{}`{at}), cited for [`{}`](#claim-{}); {checked}.\n",
                md(&q.source_title),
                q.source,
                q.node,
                q.node
            )?;
        }
        writeln!(out, "## Actors\n")?;
        for a in &self.actors.actors {
            writeln!(out, "### {} (`{}`)\n", md(&a.name), a.id)?;
            let c = |v: &[Commitment]| md(&commitments_text(v));
            writeln!(out, "- Holds: {}", c(&a.holds))?;
            writeln!(out, "- Rejects: {}", c(&a.rejects))?;
            writeln!(
                out,
                "- Rests on, held by others: {}",
                md(&list(&a.rests_on))
            )?;
            writeln!(out, "- Cites: {}", md(&list(&a.cites)))?;
            if a.tensions.is_empty() {
                writeln!(out, "- Tensions: none\n")?;
            } else {
                writeln!(out, "- Tensions:")?;
                for t in &a.tensions {
                    writeln!(out, "  - {} {}", t.code, md_code(&t.message))?;
                }
                writeln!(out)?;
            }
        }
        if !self.actors.foundations.is_empty() {
            writeln!(out, "What the positions rest on:\n")?;
            writeln!(out, "| node | held by | positions resting on it |")?;
            writeln!(out, "|---|---|---|")?;
            for f in &self.actors.foundations {
                writeln!(
                    out,
                    "| [`{}`](#claim-{}) | {} | {} |",
                    f.id,
                    f.id,
                    md(&list(&f.held_by)),
                    md(&list(&f.rested_on_by))
                )?;
            }
            writeln!(out)?;
        }
        writeln!(out, "## Sources\n")?;
        for (id, src) in &map.sources {
            writeln!(out, "- `{id}`: {}", md(&bibliography(src, true)))?;
        }
        writeln!(out, "\n## Check results\n")?;
        let mut any = false;
        for d in self.findings() {
            any = true;
            writeln!(
                out,
                "- {} {}: {}",
                d.severity.as_str(),
                d.code.as_str(),
                md_code(&d.message)
            )?;
        }
        if !any {
            writeln!(out, "No problems: every check passed.")?;
        }
        Ok(())
    }

    /// Writes the report as one self-contained HTML page; `svg` is the
    /// diagram, an `<svg>` element such as [`diagram`] draws (with links,
    /// so that nodes lead to their rows), and `page` the paper it prints on.
    ///
    /// On screen the diagram is scaled down to the column's width (never
    /// up), and a "Full size" link shows it at its natural size in a
    /// scrolling box (CSS `:target`, no script). In print it has a page of
    /// its own, turned to suit its shape and scaled to fit.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_html(&self, out: &mut impl Write, svg: &str, page: Page) -> fmt::Result {
        let map = self.map();
        let print = page.print_layout(svg_size(svg));
        let title = esc(&self.title());
        let lang = map
            .lang
            .as_ref()
            .map_or_else(|| "en".to_string(), |l| esc(&l.value));
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
             <meta name=\"generator\" content=\"argmap\">\n<title>{title}</title>\n<style>\n{CSS}{print}</style>\n</head>\n<body>\n",
            print = print.css,
        )?;
        writeln!(out, "<header>\n<h1>{title}</h1>")?;
        if let Some(summary) = &map.summary {
            writeln!(
                out,
                "<p class=\"summary\">{}</p>",
                esc(summary.value.trim())
            )?;
        }
        writeln!(
            out,
            "<p class=\"meta\">Generated by argmap from <code>{}</code>.</p>\n</header>",
            esc(&self.path)
        )?;
        writeln!(
            out,
            "<nav><a href=\"#diagram\">Diagram</a> · <a href=\"#evaluation\">Evaluation</a> · <a href=\"#claims\">Claims</a> · <a href=\"#quotes\">Quotes</a> · <a href=\"#actors\">Actors</a> · <a href=\"#sources\">Sources</a> · <a href=\"#checks\">Checks</a></nav>"
        )?;
        writeln!(
            out,
            "<section id=\"diagram\">\n<h2>Diagram</h2>\n<figure id=\"diagram-full\" class=\"diagram\">\n<figcaption>Click a node to read its entry in the table below. <a class=\"zoom zoom-in\" href=\"#diagram-full\">Full size</a><a class=\"zoom zoom-out\" href=\"#diagram\">Fit to width</a></figcaption>\n<div class=\"diagram-view\">\n{svg}\n</div>\n</figure>"
        )?;
        // For print only: the diagram again, enlarged to a legible size and
        // cut into pages, when the whole of it on one page is too small.
        if !print.tiles.is_empty() {
            out.write_str("<div class=\"diagram-parts\">\n")?;
            let parts = print.tiles.len();
            // The copies drop the ids, which the page must hold once.
            let svg = &without_ids(svg);
            for (i, tile) in print.tiles.iter().enumerate() {
                let [left, top, width, height] = tile.view_box;
                let [mm_w, mm_h] = tile.mm;
                writeln!(
                    out,
                    "<figure><svg viewBox=\"{left:.1} {top:.1} {width:.1} {height:.1}\" width=\"{mm_w:.1}mm\" height=\"{mm_h:.1}mm\" xmlns=\"http://www.w3.org/2000/svg\">\n{svg}\n</svg><figcaption>The diagram enlarged, part {} of {parts} (row {}, column {}).</figcaption></figure>",
                    i + 1,
                    tile.at.0,
                    tile.at.1,
                )?;
            }
            out.write_str("</div>\n")?;
        }
        out.write_str("</section>\n")?;
        writeln!(
            out,
            "<section id=\"evaluation\">\n<h2>Evaluation</h2>\n<p>{}</p>",
            code_spans(&esc(&self.evaluation_summary()))
        )?;
        writeln!(
            out,
            "<p class=\"meaning\"><strong>What this means:</strong> {}</p>",
            esc(crate::semantics::meaning(self.evaluation.semantics()))
        )?;
        let exts = self.extensions();
        if !exts.is_empty() {
            out.write_str("<ol class=\"extensions\">\n")?;
            for ext in &exts {
                writeln!(out, "<li>accepts {}</li>", esc(&list(ext)))?;
            }
            out.write_str("</ol>\n")?;
        }
        let questions = super::questions(self.evaluation);
        if !questions.is_empty() {
            out.write_str("<h3>Questions</h3>\n<dl class=\"questions\">\n")?;
            for q in &questions {
                writeln!(
                    out,
                    "<dt><a href=\"#claim-{id}\"><code>{id}</code></a> {}</dt><dd class=\"{}\">{}</dd>",
                    esc(&q.text),
                    if q.resolved { "resolved" } else { "unresolved" },
                    code_spans(&esc(&q.bottom_line)),
                    id = esc(&q.id),
                )?;
            }
            out.write_str("</dl>\n")?;
        }
        out.write_str("</section>\n")?;
        writeln!(
            out,
            "<section id=\"claims\">\n<h2>Claims and arguments</h2>\n<table class=\"claims\">\n<thead><tr><th>id</th><th>kind</th><th>statement</th><th>held by</th><th>rejected by</th><th>status</th><th>evidence</th></tr></thead>\n<tbody>"
        )?;
        for r in self.rows() {
            let statement = match &r.label {
                Some(l) => format!("<strong>{}</strong><br>{}", esc(l), esc(&r.text)),
                None => esc(&r.text),
            };
            let why = r.why.as_ref().map_or_else(String::new, |why| {
                format!("<div class=\"why\">{}</div>", code_spans(&esc(why)))
            });
            writeln!(
                out,
                "<tr id=\"claim-{id}\" class=\"status-{cls}\"><td><code>{id}</code></td><td>{}</td><td>{statement}</td><td>{}</td><td>{}</td><td><span class=\"status\">{}</span>{why}</td><td>{}</td></tr>",
                r.kind,
                esc(&list(&r.held_by)),
                esc(&list(&r.rejected_by)),
                r.status,
                r.evidence,
                id = esc(&r.id),
                cls = r.status.class(),
            )?;
        }
        out.write_str("</tbody>\n</table>\n</section>\n")?;
        let quotes = self.quotes();
        out.write_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n")?;
        if quotes.is_empty() {
            out.write_str("<p>The map quotes nothing.</p>\n")?;
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
            writeln!(
                out,
                "<blockquote><p>{}</p>{translation}<footer>{} (<code>{}</code>{at}), cited for <a href=\"#claim-{node}\"><code>{node}</code></a>; {checked}</footer></blockquote>",
                esc(&q.quote),
                esc(&q.source_title),
                esc(&q.source),
                node = esc(&q.node),
            )?;
        }
        out.write_str("</section>\n<section id=\"actors\">\n<h2>Actors</h2>\n")?;
        for a in &self.actors.actors {
            let c = |v: &[Commitment]| {
                if v.is_empty() {
                    return "(none)".to_string();
                }
                v.iter()
                    .map(|c| {
                        format!(
                            "<a href=\"#claim-{id}\"><code>{id}</code></a> ({})",
                            c.status,
                            id = esc(&c.id)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(
                out,
                "<h3>{} (<code>{}</code>)</h3>\n<ul>\n<li>Holds: {}</li>\n<li>Rejects: {}</li>\n<li>Rests on, held by others: {}</li>\n<li>Cites: {}</li>",
                esc(&a.name),
                esc(&a.id),
                c(&a.holds),
                c(&a.rejects),
                esc(&list(&a.rests_on)),
                esc(&list(&a.cites))
            )?;
            if a.tensions.is_empty() {
                out.write_str("<li>Tensions: none</li>\n")?;
            } else {
                out.write_str("<li>Tensions:<ul>")?;
                for t in &a.tensions {
                    write!(out, "<li>{} {}</li>", t.code, code_spans(&esc(&t.message)))?;
                }
                out.write_str("</ul></li>\n")?;
            }
            out.write_str("</ul>\n")?;
        }
        if !self.actors.foundations.is_empty() {
            out.write_str("<h3>What the positions rest on</h3>\n<table>\n<thead><tr><th>node</th><th>held by</th><th>positions resting on it</th></tr></thead>\n<tbody>\n")?;
            for f in &self.actors.foundations {
                writeln!(
                    out,
                    "<tr><td><a href=\"#claim-{id}\"><code>{id}</code></a></td><td>{}</td><td>{}</td></tr>",
                    esc(&list(&f.held_by)),
                    esc(&list(&f.rested_on_by)),
                    id = esc(&f.id)
                )?;
            }
            out.write_str("</tbody>\n</table>\n")?;
        }
        out.write_str(
            "</section>\n<section id=\"sources\">\n<h2>Sources</h2>\n<ul class=\"sources\">\n",
        )?;
        for (id, src) in &map.sources {
            let web = src
                .url
                .as_ref()
                .filter(|u| u.value.starts_with("https://") || u.value.starts_with("http://"));
            let link = web.map_or_else(String::new, |u| {
                format!(", <a href=\"{u}\">{u}</a>", u = esc(&u.value))
            });
            writeln!(
                out,
                "<li id=\"source-{id}\"><code>{id}</code>: {}{link}</li>",
                esc(&bibliography(src, web.is_none())),
                id = esc(id)
            )?;
        }
        out.write_str("</ul>\n</section>\n<section id=\"checks\">\n<h2>Check results</h2>\n")?;
        let mut findings = self.findings().peekable();
        if findings.peek().is_none() {
            out.write_str("<p>No problems: every check passed.</p>\n")?;
        } else {
            out.write_str("<ul>\n")?;
            for d in findings {
                let severity = d.severity.as_str();
                writeln!(
                    out,
                    "<li class=\"{severity}\">{severity} {}: {}</li>",
                    d.code.as_str(),
                    esc(&d.message)
                )?;
            }
            out.write_str("</ul>\n")?;
        }
        out.write_str("</section>\n</body>\n</html>\n")
    }
}

/// A bibliography entry: author, title, publisher, date, address (unless
/// the caller links it itself), local copy.
fn bibliography(src: &Source, with_url: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = &src.author {
        parts.push(a.value.to_string());
    }
    parts.push(format!("\"{}\"", src.title.value));
    if let Some(p) = &src.publisher {
        parts.push(p.value.to_string());
    }
    if let Some(d) = &src.date {
        parts.push(d.value.to_string());
    }
    if let Some(u) = src.url.as_ref().filter(|_| with_url) {
        parts.push(u.value.to_string());
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
            out.push_str("<code>");
            out.push_str(piece);
            out.push_str("</code>");
        } else {
            if i > 0 && i % 2 == 1 {
                out.push('`');
            }
            out.push_str(piece);
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

/// An element's text without its `id="…"` attributes.
fn without_ids(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(k) = rest.find(" id=\"") {
        out.push_str(&rest[..k]);
        let value = &rest[k + 5..];
        match value.find('"') {
            Some(end) => rest = &value[end + 1..],
            None => {
                rest = &rest[k..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_pair_backticks_and_keep_a_lone_one() {
        assert_eq!(code_spans("a `b` c"), "a <code>b</code> c");
        assert_eq!(code_spans("a `b"), "a `b");
    }

    #[test]
    fn md_code_keeps_code_and_escapes_the_rest() {
        assert_eq!(md_code("`a|b` *c*"), "`a\\|b` \\*c\\*");
    }
}
