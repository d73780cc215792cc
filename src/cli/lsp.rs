//! `argmap lsp`: a language server over stdio.
//!
//! The protocol glue only: the library's [`argmap::ide`] does the work on
//! byte offsets; this module keeps the open documents, turns offsets into
//! the protocol's lines and UTF-16 columns and back, debounces checking
//! while the user types, and re-checks a map when a source file it cites
//! changes on disk. A request that fails inside the library is answered
//! with an error and logged; the server goes on.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

use argmap::ide::{self, Analysis, CompletionKind, SymbolKind, Target};
use argmap::{CheckOptions, Code, Severity, SourceFile, Span};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::Uri;
use serde_json::{Value, json};

use super::{Failure, Globals};

const AFTER_HELP: &str = "\
The server speaks the Language Server Protocol on stdin and stdout; an
editor starts it. It checks every document the editor opens with the same
checks as `argmap check` (quotes included, against the source files on
disk) and offers completion, hover, go-to-definition, references, rename,
document symbols, folding and quick fixes. docs/editors.md shows the set-up
for VS Code, Neovim, Helix and Zed.

Settings (initializationOptions, or the `argmap` section of the
workspace settings): `warn` and `allow` (lists of codes or names, as
--warn and --allow), `requireVerified` and `allowOutsideSources`
(booleans), `explanationUrl` (a URL with `{code}` and `{name}` for the
link of each diagnostic's code; by default a local Markdown file with the
explanation).";

/// Arguments of `argmap lsp`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

/// How long typing must pause before a changed map is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// How often the source files that open maps cite are looked at.
const POLL: Duration = Duration::from_secs(1);

pub(crate) fn run(_args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let (connection, threads) = Connection::stdio();
    let mut server = Server::new(connection, globals.check_options());
    let result = server.start();
    drop(server);
    threads.join()?;
    result.map(|()| ExitCode::SUCCESS)
}

/// An open document.
struct Document {
    text: String,
    version: i32,
    /// The check of the current text, unless it changed since.
    analysis: Option<Analysis>,
    /// The last analysis that had a map: completion takes its ids while
    /// the current text cannot be read.
    good: Option<Analysis>,
    /// When a changed text is due to be checked.
    due: Option<Instant>,
    /// The source files the map cites, with their modification times at
    /// the last check.
    cited: Vec<(PathBuf, Option<SystemTime>)>,
}

struct Server {
    connection: Connection,
    base: CheckOptions,
    options: CheckOptions,
    explanation_url: Option<String>,
    /// The settings given at start (`initializationOptions`), which
    /// workspace settings add to.
    initial: Value,
    /// Where the explanation files were written, for the code links.
    explanations: Option<PathBuf>,
    documents: BTreeMap<String, (Uri, Document)>,
    last_poll: Instant,
}

impl Server {
    fn new(connection: Connection, base: CheckOptions) -> Self {
        Server {
            connection,
            options: base.clone(),
            base,
            explanation_url: None,
            initial: Value::Null,
            explanations: None,
            documents: BTreeMap::new(),
            last_poll: Instant::now(),
        }
    }

    fn start(&mut self) -> Result<(), Failure> {
        let (id, params) = self
            .connection
            .initialize_start()
            .map_err(|e| protocol(&e))?;
        let params: lsp::InitializeParams = serde_json::from_value(params).unwrap_or_default();
        if let Some(options) = params.initialization_options {
            self.initial = settings_of(&options).clone();
            let initial = self.initial.clone();
            self.configure(&initial);
        }
        let capabilities = json!({
            "positionEncoding": "utf-16",
            "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": false } },
            "completionProvider": { "triggerCharacters": [" ", "[", ",", "-"] },
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "renameProvider": { "prepareProvider": true },
            "documentSymbolProvider": true,
            "foldingRangeProvider": true,
            "codeActionProvider": { "codeActionKinds": ["quickfix"] },
        });
        // Answered here rather than by `initialize_finish`, which fails on
        // any message before `initialized`; the main loop ignores that
        // notification and takes whatever comes.
        self.respond(Response::new_ok(
            id,
            json!({
                "capabilities": capabilities,
                "serverInfo": { "name": "argmap", "version": env!("CARGO_PKG_VERSION") },
            }),
        ));
        self.explanations = write_explanations();
        self.main_loop()
    }

    fn main_loop(&mut self) -> Result<(), Failure> {
        loop {
            let now = Instant::now();
            let next_due = self.documents.values().filter_map(|(_, d)| d.due).min();
            let wait = next_due
                .map_or(POLL, |due| due.saturating_duration_since(now))
                .min(POLL);
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Request(req)) => {
                    if self
                        .connection
                        .handle_shutdown(&req)
                        .map_err(|e| protocol(&e))?
                    {
                        return Ok(());
                    }
                    self.request(&req);
                }
                Ok(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return Ok(());
                    }
                    self.notification(n);
                }
                Err(e) if e.is_disconnected() => return Ok(()),
                Ok(Message::Response(_)) | Err(_) => {}
            }
            self.check_due();
            if self.last_poll.elapsed() >= POLL {
                self.last_poll = Instant::now();
                self.poll_sources();
            }
        }
    }

    /// Reads the settings: `warn`, `allow`, `requireVerified`,
    /// `allowOutsideSources`, `explanationUrl`.
    fn configure(&mut self, s: &Value) {
        let codes = |key: &str| -> Vec<Code> {
            s.get(key)
                .and_then(Value::as_array)
                .map(|list| {
                    list.iter()
                        .filter_map(Value::as_str)
                        .filter_map(|c| {
                            let code = Code::parse(c);
                            if code.is_none() {
                                self.log(&format!("unknown check `{c}` in the `{key}` setting"));
                            }
                            code
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut options = self.base.clone();
        options.warn = codes("warn").into_iter().collect();
        options.allow = codes("allow")
            .into_iter()
            .filter(|c| c.rule().severity != Severity::Error)
            .collect();
        if let Some(b) = s.get("requireVerified").and_then(Value::as_bool) {
            options.require_verified = b;
        }
        if let Some(b) = s.get("allowOutsideSources").and_then(Value::as_bool) {
            options.allow_outside_sources = b || self.base.allow_outside_sources;
        }
        self.explanation_url = s
            .get("explanationUrl")
            .and_then(Value::as_str)
            .map(str::to_string);
        self.options = options;
    }

    fn log(&self, message: &str) {
        eprintln!("argmap lsp: {message}");
        self.notify(
            "window/logMessage",
            json!({ "type": 1, "message": format!("argmap: {message}") }),
        );
    }

    fn notify(&self, method: &str, params: Value) {
        let _ = self
            .connection
            .sender
            .send(Notification::new(method.to_string(), params).into());
    }

    fn respond(&self, response: Response) {
        let _ = self.connection.sender.send(response.into());
    }

    fn notification(&mut self, n: Notification) {
        let params = n.params;
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(params) else {
                    return;
                };
                let doc = Document {
                    text: p.text_document.text,
                    version: p.text_document.version,
                    analysis: None,
                    good: None,
                    due: Some(Instant::now()),
                    cited: Vec::new(),
                };
                let key = p.text_document.uri.as_str().to_string();
                self.documents.insert(key, (p.text_document.uri, doc));
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(params)
                else {
                    return;
                };
                if let Some((_, doc)) = self.documents.get_mut(p.text_document.uri.as_str()) {
                    for change in p.content_changes {
                        match change.range {
                            None => doc.text = change.text,
                            Some(range) => {
                                let a = offset(&doc.text, range.start);
                                let b = offset(&doc.text, range.end).max(a);
                                doc.text.replace_range(a..b, &change.text);
                            }
                        }
                    }
                    doc.version = p.text_document.version;
                    if let Some(a) = doc.analysis.take()
                        && a.map().is_some()
                    {
                        doc.good = Some(a);
                    }
                    doc.due = Some(Instant::now() + DEBOUNCE);
                }
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(params)
                else {
                    return;
                };
                if let Some((uri, _)) = self.documents.remove(p.text_document.uri.as_str()) {
                    self.notify(
                        "textDocument/publishDiagnostics",
                        json!({ "uri": uri, "diagnostics": [] }),
                    );
                }
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => {
                // A saved or changed file may be a source another map cites.
                self.poll_sources();
            }
            "workspace/didChangeConfiguration" => {
                // Only argmap's own settings count, over those given at
                // start; an empty or another tool's section changes nothing.
                let Some(settings) = params.get("settings") else {
                    return;
                };
                // An `argmap` section, even empty (settings removed), or
                // argmap's keys at the top.
                let section = settings.get("argmap").is_some();
                let Some(ours) = settings_of(settings)
                    .as_object()
                    .filter(|o| section || has_ours(o))
                else {
                    return;
                };
                let mut merged = self.initial.as_object().cloned().unwrap_or_default();
                for (k, v) in ours {
                    merged.insert(k.clone(), v.clone());
                }
                self.configure(&Value::Object(merged));
                for (_, doc) in self.documents.values_mut() {
                    doc.analysis = None;
                    doc.due = Some(Instant::now());
                }
            }
            _ => {}
        }
    }

    /// Checks every document whose pause is over, and publishes.
    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, (_, d))| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.analyse(&key);
            self.publish(&key);
        }
    }

    /// Makes sure a document's analysis is of its current text.
    fn analyse(&mut self, key: &str) {
        let options = self.options.clone();
        let Some((uri, doc)) = self.documents.get_mut(key) else {
            return;
        };
        if doc.analysis.is_some() {
            doc.due = None;
            return;
        }
        let path = path_of(uri);
        let source = SourceFile::new(path.clone(), doc.text.clone());
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| Analysis::new(source, &options)));
        doc.due = None;
        match result {
            Ok(analysis) => {
                doc.cited = cited_files(&analysis, &path);
                if analysis.map().is_some() {
                    doc.good = None;
                }
                doc.analysis = Some(analysis);
            }
            Err(_) => {
                let message = format!("checking {} failed inside argmap", path.display());
                self.log(&message);
            }
        }
    }

    fn publish(&self, key: &str) {
        let Some((uri, doc)) = self.documents.get(key) else {
            return;
        };
        let Some(analysis) = &doc.analysis else {
            return;
        };
        let index = LineIndex::new(analysis.source());
        let diagnostics: Vec<Value> = analysis
            .diagnostics()
            .iter()
            .map(|d| self.diagnostic(uri, &index, d))
            .collect();
        self.notify(
            "textDocument/publishDiagnostics",
            json!({ "uri": uri, "version": doc.version, "diagnostics": diagnostics }),
        );
    }

    fn diagnostic(&self, uri: &Uri, index: &LineIndex<'_>, d: &argmap::Diagnostic) -> Value {
        let rule = d.code.rule();
        let severity = match d.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Finding => 3,
            Severity::Note => 4,
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .map(|l| {
                json!({
                    "location": { "uri": uri, "range": index.range(l.span) },
                    "message": l.message,
                })
            })
            .collect();
        let mut out = json!({
            "range": index.range(d.span),
            "severity": severity,
            "code": rule.id,
            "source": "argmap",
            "message": message,
            "data": { "name": rule.name },
        });
        if !related.is_empty() {
            out["relatedInformation"] = Value::Array(related);
        }
        if let Some(href) = self.explanation_link(d.code) {
            out["codeDescription"] = json!({ "href": href });
        }
        out
    }

    /// The link of a code's explanation: the `explanationUrl` setting, or
    /// the Markdown file written at start.
    fn explanation_link(&self, code: Code) -> Option<String> {
        let rule = code.rule();
        if let Some(template) = &self.explanation_url {
            return Some(
                template
                    .replace("{code}", rule.id)
                    .replace("{name}", rule.name),
            );
        }
        let dir = self.explanations.as_ref()?;
        Some(file_uri(&dir.join(format!("{}-{}.md", rule.id, rule.name))))
    }

    /// Re-checks the maps whose cited source files changed on disk.
    fn poll_sources(&mut self) {
        let changed: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, (_, d))| d.cited.iter().any(|(path, time)| modified(path) != *time))
            .map(|(k, _)| k.clone())
            .collect();
        for key in changed {
            if let Some((_, doc)) = self.documents.get_mut(&key) {
                doc.analysis = None;
            }
            self.analyse(&key);
            self.publish(&key);
        }
    }

    fn request(&mut self, req: &Request) {
        let id = req.id.clone();
        let key = req
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .map(str::to_string);
        // A request on a text changed since its check: check it now, and
        // publish, as the pause would have.
        if let Some(key) = &key
            && self
                .documents
                .get(key)
                .is_some_and(|(_, d)| d.analysis.is_none())
        {
            self.analyse(key);
            self.publish(key);
        }
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| self.answer(req, key.as_deref())));
        match result {
            Ok(Ok(value)) => self.respond(Response::new_ok(id, value)),
            Ok(Err((code, message))) => self.respond(Response::new_err(id, code as i32, message)),
            Err(_) => {
                self.log(&format!("`{}` failed inside argmap", req.method));
                self.respond(Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("argmap failed on `{}`", req.method),
                ));
            }
        }
    }

    fn answer(&self, req: &Request, key: Option<&str>) -> Result<Value, (ErrorCode, String)> {
        let method = req.method.as_str();
        let known = [
            "textDocument/completion",
            "textDocument/hover",
            "textDocument/definition",
            "textDocument/references",
            "textDocument/prepareRename",
            "textDocument/rename",
            "textDocument/documentSymbol",
            "textDocument/foldingRange",
            "textDocument/codeAction",
        ];
        if !known.contains(&method) {
            return Err((
                ErrorCode::MethodNotFound,
                format!("unknown method `{method}`"),
            ));
        }
        let Some((uri, doc)) = key.and_then(|k| self.documents.get(k)) else {
            return Ok(Value::Null);
        };
        let Some(analysis) = &doc.analysis else {
            return Ok(Value::Null);
        };
        let index = LineIndex::new(analysis.source());
        let position = req
            .params
            .get("position")
            .and_then(|p| serde_json::from_value::<lsp::Position>(p.clone()).ok())
            .map(|p| offset(&doc.text, p));
        let at = position.unwrap_or(0);
        let location = |span: Span| json!({ "uri": uri, "range": index.range(span) });
        Ok(match method {
            "textDocument/completion" => {
                let ids = analysis
                    .map()
                    .is_some()
                    .then_some(analysis)
                    .or(doc.good.as_ref());
                let items: Vec<Value> = ide::complete(&doc.text, at, ids)
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| completion_item(&index, i, c))
                    .collect();
                json!({ "isIncomplete": false, "items": items })
            }
            "textDocument/hover" => match analysis.hover(at) {
                Some(h) => json!({
                    "contents": { "kind": "markdown", "value": h.markdown },
                    "range": index.range(h.span),
                }),
                None => Value::Null,
            },
            "textDocument/definition" => match analysis.definition(at) {
                Some(Target::Here(span)) => location(span),
                Some(Target::File { path, line }) => {
                    let path = std::fs::canonicalize(&path).unwrap_or(path);
                    let at = json!({ "line": line, "character": 0 });
                    json!({ "uri": file_uri(&path), "range": { "start": at, "end": at } })
                }
                None => Value::Null,
            },
            "textDocument/references" => {
                let declaration = req
                    .params
                    .pointer("/context/includeDeclaration")
                    .and_then(Value::as_bool)
                    .unwrap_or(true);
                Value::Array(
                    analysis
                        .references(at, declaration)
                        .into_iter()
                        .map(location)
                        .collect(),
                )
            }
            "textDocument/prepareRename" => match analysis.prepare_rename(at) {
                Some(span) => json!({
                    "range": index.range(span),
                    "placeholder": &doc.text[span.range()],
                }),
                None => {
                    return Err((
                        ErrorCode::RequestFailed,
                        "only a node, actor, source or relation id can be renamed".into(),
                    ));
                }
            },
            "textDocument/rename" => {
                let new = req
                    .params
                    .get("newName")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                match analysis.rename(at, new) {
                    Ok(edits) => workspace_edit(uri, &index, &edits),
                    Err(message) => return Err((ErrorCode::RequestFailed, message)),
                }
            }
            "textDocument/documentSymbol" => Value::Array(
                ide::symbols(analysis)
                    .iter()
                    .map(|s| symbol(&index, s))
                    .collect(),
            ),
            "textDocument/foldingRange" => Value::Array(
                ide::folding(analysis.source())
                    .into_iter()
                    .map(|(a, b)| json!({ "startLine": a, "endLine": b }))
                    .collect(),
            ),
            "textDocument/codeAction" => {
                let range = req
                    .params
                    .get("range")
                    .and_then(|r| serde_json::from_value::<lsp::Range>(r.clone()).ok());
                let span = range.map_or(Span::default(), |r| {
                    Span::new(offset(&doc.text, r.start)..offset(&doc.text, r.end))
                });
                let actions: Vec<Value> = analysis
                    .actions(span)
                    .into_iter()
                    .map(|a| {
                        let d = &analysis.diagnostics()[a.fixes];
                        json!({
                            "title": a.title,
                            "kind": "quickfix",
                            "isPreferred": a.preferred,
                            "diagnostics": [self.diagnostic(uri, &index, d)],
                            "edit": workspace_edit(uri, &index, &a.edits),
                        })
                    })
                    .collect();
                Value::Array(actions)
            }
            _ => Value::Null,
        })
    }
}

/// The keys argmap reads from settings.
const SETTINGS: [&str; 5] = [
    "warn",
    "allow",
    "requireVerified",
    "allowOutsideSources",
    "explanationUrl",
];

/// argmap's settings in a settings object: its `argmap` section, or the
/// object itself.
fn settings_of(settings: &Value) -> &Value {
    settings.get("argmap").unwrap_or(settings)
}

fn has_ours(settings: &serde_json::Map<String, Value>) -> bool {
    SETTINGS.iter().any(|k| settings.contains_key(*k))
}

fn protocol(e: &lsp_server::ProtocolError) -> Failure {
    Failure::Message(format!("language server protocol: {e}"))
}

fn workspace_edit(uri: &Uri, index: &LineIndex<'_>, edits: &[ide::Edit]) -> Value {
    let edits: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": index.range(e.span), "newText": e.text }))
        .collect();
    let mut changes = serde_json::Map::new();
    changes.insert(uri.as_str().to_string(), Value::Array(edits));
    json!({ "changes": changes })
}

fn completion_item(index: &LineIndex<'_>, i: usize, c: ide::Completion) -> Value {
    // The protocol's kinds: Reference 18, EnumMember 20, Constant 21,
    // File 17, Property 10, Value 12.
    let kind = match c.kind {
        CompletionKind::Node(_) | CompletionKind::Relation => 18,
        CompletionKind::Actor => 21,
        CompletionKind::Source => 17,
        CompletionKind::Key => 10,
        CompletionKind::Value => 20,
    };
    let mut item = json!({
        "label": c.label,
        "kind": kind,
        "detail": c.detail,
        "sortText": format!("{i:06}"),
        "filterText": c.label,
        "textEdit": { "range": index.range(c.replace), "newText": c.insert },
    });
    if let Some(doc) = c.documentation {
        item["documentation"] = json!({ "kind": "plaintext", "value": doc });
    }
    item
}

fn symbol(index: &LineIndex<'_>, s: &ide::Symbol) -> Value {
    // The protocol's kinds: Namespace 3, Class 5, Interface 11, Function
    // 12, String 15, Object 19, Event 24, File 1.
    let kind = match s.kind {
        SymbolKind::Section => 3,
        SymbolKind::Actor => 19,
        SymbolKind::Source => 1,
        SymbolKind::Node(argmap::model::NodeKind::Claim) => 15,
        SymbolKind::Node(argmap::model::NodeKind::Argument) => 12,
        SymbolKind::Node(argmap::model::NodeKind::Question) => 11,
    };
    let detail: String = s.detail.chars().take(120).collect();
    json!({
        "name": s.name,
        "detail": detail,
        "kind": kind,
        "range": index.range(s.span),
        "selectionRange": index.range(s.selection),
        "children": s.children.iter().map(|c| symbol(index, c)).collect::<Vec<_>>(),
    })
}

/// The source files a map cites, with their modification times now.
fn cited_files(analysis: &Analysis, map: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    let Some(m) = analysis.map() else {
        return Vec::new();
    };
    let base = map.parent().unwrap_or(Path::new("."));
    m.sources
        .values()
        .filter_map(|s| s.file.as_ref())
        .map(|f| {
            let path = base.join(f.value.as_str());
            let time = modified(&path);
            (path, time)
        })
        .collect()
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Writes each code's explanation as a Markdown file in the user's cache
/// folder (once per version), for the links of diagnostics' codes.
fn write_explanations() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    let dir = cache
        .join("argmap")
        .join(env!("CARGO_PKG_VERSION"))
        .join("explanations");
    std::fs::create_dir_all(&dir).ok()?;
    for rule in argmap::diagnostic::RULES {
        let path = dir.join(format!("{}-{}.md", rule.id, rule.name));
        let text = format!(
            "# {} {}\n\n{}\n",
            rule.id,
            rule.name,
            rule.explanation.trim()
        );
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        let file = tempfile::NamedTempFile::new_in(&dir).ok()?;
        std::fs::write(file.path(), &text).ok()?;
        file.persist(&path).ok()?;
    }
    std::fs::canonicalize(&dir).ok()
}

/// Line starts of a text, for the protocol's positions: lines and UTF-16
/// code units.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// The index of a checked text, from its line table.
    fn new(source: &'a SourceFile) -> Self {
        let starts = source.line_starts().iter().map(|&s| s as usize).collect();
        LineIndex {
            text: source.text(),
            starts,
        }
    }

    fn position(&self, offset: usize) -> Value {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let character: usize = self.text[start..end].chars().map(char::len_utf16).sum();
        json!({ "line": line, "character": character })
    }

    fn range(&self, span: Span) -> Value {
        json!({
            "start": self.position(span.start as usize),
            "end": self.position(span.end as usize),
        })
    }
}

/// The byte offset of a protocol position (clamped to its line).
fn offset(text: &str, p: lsp::Position) -> usize {
    let mut start = 0;
    for _ in 0..p.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= p.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

/// The path of a `file:` URI (other URIs: the text after the scheme).
fn path_of(uri: &Uri) -> PathBuf {
    let text = uri.as_str();
    let rest = text
        .strip_prefix("file://")
        .map_or(text, |r| r.strip_prefix("localhost").unwrap_or(r));
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%'
            && let Some(b) = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            bytes.push(b);
            i += 3;
            continue;
        }
        bytes.push(raw[i]);
        i += 1;
    }
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The `file:` URI of an absolute path.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let slash = if text.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}", argmap::text::percent_encode_path(&text))
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn positions_count_utf16_units_both_ways() {
        let text = "a: å😀b\nnext\n";
        let source = SourceFile::new("m.yaml", text);
        let index = LineIndex::new(&source);
        let b = text.find('b').unwrap();
        assert_eq!(index.position(b), json!({ "line": 0, "character": 6 }));
        assert_eq!(offset(text, lsp::Position::new(0, 6)), b);
        assert_eq!(
            offset(text, lsp::Position::new(0, 99)),
            text.find('\n').unwrap()
        );
        assert_eq!(offset(text, lsp::Position::new(1, 2)), b + 4);
        assert_eq!(offset(text, lsp::Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/a map/é.yaml");
        let uri = Uri::from_str(&file_uri(path)).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20map/%C3%A9.yaml");
        assert_eq!(path_of(&uri), path);
    }
}
