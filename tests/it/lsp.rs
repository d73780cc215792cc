//! `argmap lsp`, driven over stdio with JSON-RPC as an editor drives it:
//! initialize, didOpen, didChange, completion, hover, definition,
//! references, rename, symbols, code actions, shutdown.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{argmap_command, fixture, have_nvim, root, workspace};

/// How long a test waits for one message before failing.
const TIMEOUT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next: i64,
    /// Notifications seen while waiting for responses.
    notifications: Vec<Value>,
    _cache: tempfile::TempDir,
}

impl Client {
    fn start() -> Client {
        Client::start_with(&Value::Null)
    }

    /// Starts the server with these `initializationOptions`.
    fn start_with(options: &Value) -> Client {
        let cache = tempfile::tempdir().unwrap();
        let mut child = argmap_command(&root())
            .arg("lsp")
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.unwrap()];
                reader.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next: 0,
            notifications: Vec::new(),
            _cache: cache,
        };
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {},
                "initializationOptions": options,
            }),
        );
        assert_eq!(init["serverInfo"]["name"], "argmap");
        assert_eq!(
            init["capabilities"]["renameProvider"]["prepareProvider"],
            true
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let mut message = json!({ "jsonrpc": "2.0", "method": method });
        message["params"] = params;
        self.send(&message);
    }

    fn receive(&mut self) -> Value {
        self.messages
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    /// The whole response to a request.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut message = json!({ "jsonrpc": "2.0", "id": id, "method": method });
        message["params"] = params;
        self.send(&message);
        loop {
            let m = self.receive();
            if m["id"] == id {
                return m;
            }
            self.notifications.push(m);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for a document.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.notifications.iter().position(|n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
        }) {
            let n = self.notifications.remove(i);
            return n["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.notifications.push(m);
        }
    }

    fn open(&mut self, path: &Path, text: &str) -> String {
        let uri = file_uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
        uri
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(start.elapsed() < TIMEOUT, "the server exits after `exit`");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn file_uri(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap();
    format!("file://{}", path.display()).replace(' ', "%20")
}

/// The protocol position of the `|` in `needle`, found in `text`.
fn position(text: &str, needle: &str) -> Value {
    let cursor = needle.find('|').unwrap();
    let needle = needle.replace('|', "");
    let at = text
        .find(&needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"))
        + cursor;
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

fn at(uri: &str, text: &str, needle: &str) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position(text, needle) })
}

/// The text a protocol range covers.
fn slice<'a>(text: &'a str, range: &Value) -> &'a str {
    let offset = |p: &Value| {
        let line = usize::try_from(p["line"].as_u64().unwrap()).unwrap();
        let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
        let mut units = usize::try_from(p["character"].as_u64().unwrap()).unwrap();
        let mut at = start;
        for c in text[start..].chars() {
            if units == 0 {
                break;
            }
            units -= c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    &text[offset(&range["start"])..offset(&range["end"])]
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn on_the_istanbul_map_every_request_answers_what_the_map_says() {
    let path = root().join("maps/istanbul.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start();
    let uri = client.open(&path, &text);
    // The map is clean, quotes included.
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());

    // Hover on a node: kind, label, holders, grounded status, quotes.
    let hover = client.request("textDocument/hover", at(&uri, &text, "\n  open-|door:"));
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(markdown.starts_with("**claim** `open-door`"), "{markdown}");
    assert!(
        markdown.contains("Held by: NATO (`nato`), United States (`usa`)"),
        "{markdown}"
    );
    assert!(markdown.contains("Grounded: **"), "{markdown}");
    assert!(
        markdown.contains("verified against their source files"),
        "{markdown}"
    );
    // Hover on a quote: found, in which file, on which line.
    let hover = client.request(
        "textDocument/hover",
        at(
            &uri,
            &text,
            "quote: \"E|ach participating State has an equal right",
        ),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("found in `sources/istanbul-1999.txt`, line"),
        "{markdown}"
    );
    assert!(markdown.contains("**Each participating State has an equal right to security.**"));

    // Definition of an actor reference: the actor's entry.
    let def = client.request(
        "textDocument/definition",
        at(&uri, &text, "held_by: [r|ussia]"),
    );
    assert_eq!(def["uri"], uri);
    assert_eq!(slice(&text, &def["range"]), "russia");
    assert_eq!(def["range"]["start"], position(&text, "\n  |russia: {"));
    // From a quote to the line of the source file that holds it.
    let def = client.request(
        "textDocument/definition",
        at(
            &uri,
            &text,
            "quote: \"E|ach participating State has an equal right",
        ),
    );
    let source = root().join("maps/sources/istanbul-1999.txt");
    assert_eq!(def["uri"], file_uri(&source));
    let line = usize::try_from(def["range"]["start"]["line"].as_u64().unwrap()).unwrap();
    let source_text = std::fs::read_to_string(source).unwrap();
    assert!(
        source_text
            .lines()
            .nth(line)
            .unwrap()
            .contains("Each participating State has an equal right"),
        "line {line}"
    );

    // References: every `held_by`/`rejected_by` naming russia, and its entry.
    let refs = client.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": uri },
            "position": position(&text, "\n  |russia: {"),
            "context": { "includeDeclaration": true },
        }),
    );
    let refs = refs.as_array().unwrap();
    let written = text.matches("russia").count()
        - text.matches("russia-").count()
        - text.matches("-russia").count();
    assert!(refs.len() >= 5, "{refs:?}");
    assert!(refs.len() <= written);
    assert!(refs.iter().all(|r| slice(&text, &r["range"]) == "russia"));

    // Rename a node: every place it is written, and nothing else.
    let prepare = client.request(
        "textDocument/prepareRename",
        at(&uri, &text, "\n  open-|door:"),
    );
    assert_eq!(slice(&text, &prepare["range"]), "open-door");
    let edit = client.request(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": uri },
            "position": position(&text, "\n  open-|door:"),
            "newName": "open-door-policy",
        }),
    );
    let edits = edit["changes"][uri.as_str()].as_array().unwrap();
    assert!(edits.len() >= 2);
    assert!(
        edits
            .iter()
            .all(|e| slice(&text, &e["range"]) == "open-door")
    );
    // A taken id is refused, with a message.
    let refused = client.call(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": uri },
            "position": position(&text, "\n  open-|door:"),
            "newName": "russia-signed",
        }),
    );
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(message.contains("already the id of a node"), "{message}");
    let refused = client.call(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": uri },
            "position": position(&text, "\n  open-|door:"),
            "newName": "Open Door",
        }),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a valid id")
    );

    // Completion in a half-typed `held_by: [` (the text is not YAML
    // now): the actor ids, with their names.
    let typed = text.replacen(
        "    held_by: [russia]\n",
        "    held_by: [russia]\n    rejected_by: [",
        1,
    );
    client.change(&uri, 2, &typed);
    let completion = client.request(
        "textDocument/completion",
        at(&uri, &typed, "rejected_by: [|"),
    );
    let items = completion["items"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(
        labels.contains(&"nato") && labels.contains(&"usa"),
        "{labels:?}"
    );
    let nato = items.iter().find(|i| i["label"] == "nato").unwrap();
    assert_eq!(nato["detail"], "NATO");
    // The half-typed text still gets diagnostics: a YAML error, located.
    let diagnostics = client.diagnostics(&uri);
    assert!(!diagnostics.is_empty());

    // Symbols: actors, sources, nodes.
    client.change(&uri, 3, &text);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["actors", "sources", "nodes"]);
    let nodes = symbols[2]["children"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["name"] == "open-door"));
    client.shutdown();
}

#[test]
fn a_map_with_three_problems_shows_all_three_and_offers_fixes() {
    let dir = workspace();
    let from = fixture("editors");
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    for name in ["problems.yaml", "sources/speech.txt"] {
        std::fs::copy(from.join(name), dir.path().join(name)).unwrap();
    }
    let path = dir.path().join("problems.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start();
    let uri = client.open(&path, &text);
    let diagnostics = client.diagnostics(&uri);
    let mut found = codes(&diagnostics);
    found.sort();
    assert_eq!(found, ["E201", "E204", "E207"]);
    for d in &diagnostics {
        assert_eq!(d["source"], "argmap");
        assert_eq!(d["severity"], 1);
        let href = d["codeDescription"]["href"].as_str().unwrap();
        assert!(href.starts_with("file:///"), "{href}");
        let file = path_of(href);
        let explanation = std::fs::read_to_string(&file).unwrap();
        assert!(explanation.starts_with(&format!("# {}", d["code"].as_str().unwrap())));
    }
    let unknown = diagnostics.iter().find(|d| d["code"] == "E201").unwrap();
    assert_eq!(slice(&text, &unknown["range"]), "b2");
    let cycle = diagnostics.iter().find(|d| d["code"] == "E204").unwrap();
    assert!(!cycle["relatedInformation"].as_array().unwrap().is_empty());

    // The quick fix for the unknown reference: the did-you-mean.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": unknown["range"],
            "context": { "diagnostics": [unknown] },
        }),
    );
    let fix = &actions[0];
    assert_eq!(fix["title"], "Replace `b2` with `b`");
    assert_eq!(fix["isPreferred"], true);
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    assert_eq!(slice(&text, &edit["range"]), "b2");
    assert_eq!(edit["newText"], "b");

    // Fixing the quote's source file on disk clears E207 without a keystroke.
    std::fs::write(
        dir.path().join("sources/speech.txt"),
        "We will never agree to this. So said the speaker.\n",
    )
    .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let found = codes(&client.diagnostics(&uri));
        if !found.contains(&"E207".to_string()) {
            assert_eq!(found.len(), 2, "{found:?}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "E207 stays after the source file was fixed"
        );
    }

    // Any text at all gets an answer: binary junk, half a key, nothing.
    for (version, junk) in [
        "\u{0}\u{1}: [",
        "nodes:\n  a:\n    text: [",
        "",
        "- - -\n\t:",
    ]
    .iter()
    .enumerate()
    {
        client.change(&uri, i64::try_from(version).unwrap() + 2, junk);
        let _ = client.diagnostics(&uri);
        let completion = client.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 3 } }),
        );
        assert!(completion["items"].is_array());
        let hover = client.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 9, "character": 99 } }),
        );
        assert!(hover.get("error").is_none(), "{hover}");
    }
    client.shutdown();
}

#[test]
fn headless_neovim_shows_the_three_problems_of_a_map() {
    if !have_nvim() {
        return;
    }
    let dir = workspace();
    let out = dir.path().join("diagnostics.txt");
    let status = std::process::Command::new("nvim")
        .args(["--headless", "--clean", "-c"])
        .arg(format!(
            "luafile {}",
            root().join("tests/editors/nvim-diagnostics.lua").display()
        ))
        .current_dir(dir.path())
        .env("ARGMAP", env!("CARGO_BIN_EXE_argmap"))
        .env("ARGMAP_MAP", fixture("editors/problems.yaml"))
        .env("ARGMAP_OUT", &out)
        .env("ARGMAP_EXPECT", "3")
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{status}");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "E201 24:14 unknown node `b2`",
            "E204 15:15 circular support `a -> b -> a`",
            "E207 18:16 quote not found in `sources/speech.txt` (source `speech`)",
        ],
        "{text}"
    );
}

#[test]
fn settings_from_the_start_hold_until_argmap_settings_change_them() {
    let path = fixture("editors/problems.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start_with(&json!({ "warn": ["unsupported-claim"] }));
    let uri = client.open(&path, &text);
    let with_lint = codes(&client.diagnostics(&uri));
    assert!(with_lint.contains(&"W305".to_string()), "{with_lint:?}");
    // Another tool's settings, or none, change nothing.
    for settings in [
        json!({}),
        json!({ "yaml": { "validate": true } }),
        Value::Null,
    ] {
        client.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings }),
        );
        client.change(&uri, 2, &text);
        assert_eq!(codes(&client.diagnostics(&uri)), with_lint);
    }
    // argmap's own section does.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "argmap": { "warn": [] } } }),
    );
    let without = codes(&client.diagnostics(&uri));
    assert!(!without.contains(&"W305".to_string()), "{without:?}");
    assert_eq!(without.len(), 3);
    // An empty section (settings removed) goes back to those of the start.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "argmap": {} } }),
    );
    assert_eq!(codes(&client.diagnostics(&uri)), with_lint);
    client.shutdown();
}

/// The path of a `file:` URI, as the server reads it.
pub(crate) fn path_of(uri: &str) -> std::path::PathBuf {
    let rest = uri.strip_prefix("file://").unwrap();
    let mut out = Vec::new();
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&rest[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    std::path::PathBuf::from(String::from_utf8(out).unwrap())
}
