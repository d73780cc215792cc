//! Diagnostics → SARIF 2.1.0, the format code-scanning services read
//! (GitHub code scanning among them).
//!
//! One log holds one run of argmap over any number of maps. Every rule of
//! the code table is listed under `tool.driver.rules`, with its summary,
//! its explanation and its default level; each result names its rule by
//! the stable code (`E201`), its place by line and column, and carries a
//! fingerprint that does not change when lines are added above it.

use serde_json::{Value, json};

use super::{Diagnostic, RULES, Severity};
use crate::source::{SourceFile, Span};
use crate::text::percent_encode_path;

/// The schema a log names (`SchemaStore`'s copy of the OASIS schema, which
/// code-scanning services recognise).
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The name of the fingerprint each result carries.
pub const FINGERPRINT: &str = "argmap/v1";

/// The SARIF level of a severity: findings and notes never fail a check,
/// so both are `note`.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Finding | Severity::Note => "note",
    }
}

/// Writes one SARIF log for the diagnostics of each map, in the order
/// given, pretty-printed. A map's path becomes a URI relative to the
/// checked-out tree (`%SRCROOT%`) when it is relative, a `file:` URI when
/// it is absolute. Columns count Unicode characters, as in every other
/// output of argmap (`columnKind: unicodeCodePoints`).
pub fn log(files: &[(&SourceFile, &[Diagnostic])]) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.what_it_does().replace('`', "") },
                "help": {
                    "text": format!(
                        "{} \"argmap explain {}\" prints the whole explanation.",
                        r.what_it_does().replace('`', ""),
                        r.id
                    ),
                    "markdown": r.explanation,
                },
                "defaultConfiguration": {
                    "level": level(r.severity),
                    "enabled": r.enabled_by_default,
                },
                "properties": { "severity": r.severity.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut artifacts = Vec::new();
    for (source, diagnostics) in files {
        let (uri, base) = uri(source);
        let index = artifacts.len();
        artifacts.push(artifact(&uri, base));
        // How many results before this one had the same fingerprint text:
        // two equal diagnostics in one file stay apart.
        let mut seen: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
        for d in *diagnostics {
            let mut primary = location(source, d.span, &uri, base, index);
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut r = location(source, l.span, &uri, base, index);
                    r["id"] = json!(i + 1);
                    r["message"] = json!({ "text": l.message });
                    r
                })
                .collect();
            if let Some(label) = &d.label {
                primary["message"] = json!({ "text": label });
            }
            let key = fnv(&[
                d.code.as_str().as_bytes(),
                d.message.as_bytes(),
                source.slice(d.span).as_bytes(),
            ]);
            let n = seen.entry(key).or_default();
            let fingerprint = format!("{key:016x}:{n}");
            *n += 1;
            let text = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": d.code as usize,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [primary],
                "partialFingerprints": { FINGERPRINT: fingerprint },
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if d.severity != d.code.rule().severity {
                result["properties"] = json!({ "severity": d.severity.as_str() });
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "argmap",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                "%SRCROOT%": { "description": { "text": "the folder argmap was run in" } }
            },
            "artifacts": artifacts,
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn artifact(uri: &str, base: bool) -> Value {
    let mut location = json!({ "uri": uri });
    if base {
        location["uriBaseId"] = json!("%SRCROOT%");
    }
    json!({ "location": location, "mimeType": "application/yaml" })
}

fn location(source: &SourceFile, span: Span, uri: &str, base: bool, index: usize) -> Value {
    let span = source.clamp(span);
    let start = source.line_col(span.start);
    let end = source.line_col(span.end);
    let mut artifact = json!({ "uri": uri, "index": index });
    if base {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut region = json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    });
    let text = source.slice(span);
    if !text.is_empty() && text.len() <= 200 {
        region["snippet"] = json!({ "text": text });
    }
    json!({ "physicalLocation": { "artifactLocation": artifact, "region": region } })
}

/// The URI of a map's path and whether it is relative to `%SRCROOT%`
/// (the folder argmap ran in): a relative path that leaves that folder
/// (`../x.yaml`) is a relative reference without the base.
fn uri(source: &SourceFile) -> (String, bool) {
    let path = source.path();
    let text = path.to_string_lossy().replace('\\', "/");
    if path.is_absolute() {
        (format!("file://{}", percent_encode_path(&text)), false)
    } else {
        let text = text.strip_prefix("./").unwrap_or(&text);
        let leaves = path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir));
        (percent_encode_path(text), !leaves)
    }
}

/// FNV-1a, 64 bits, over the parts with a separator: a fingerprint must
/// be the same on every machine and in every version, which the standard
/// library's hashers do not promise.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn a_fingerprint_does_not_move_with_the_line() {
        let a = SourceFile::new("m.yaml", "x: 1\nnodes: bad\n");
        let b = SourceFile::new("m.yaml", "# added\n\nx: 1\nnodes: bad\n");
        let d = |s: &SourceFile| {
            let at = s.text().find("bad").unwrap();
            Diagnostic::new(Code::InvalidId, Span::new(at..at + 3), "bad")
        };
        let fingerprint = |s: &SourceFile| {
            let log: Value = serde_json::from_str(&log(&[(s, &[d(s)])])).unwrap();
            log["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT].clone()
        };
        assert_eq!(fingerprint(&a), fingerprint(&b));
        let log: Value = serde_json::from_str(&log(&[(&b, &[d(&b)])])).unwrap();
        let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 4);
        assert_eq!(region["startColumn"], 8);
    }

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            uri(&SourceFile::new("./maps/a b.yaml", "")),
            ("maps/a%20b.yaml".to_string(), true)
        );
        assert_eq!(
            uri(&SourceFile::new("../other/m.yaml", "")),
            ("../other/m.yaml".to_string(), false)
        );
        assert_eq!(
            uri(&SourceFile::new("/tmp/é.yaml", "")),
            ("file:///tmp/%C3%A9.yaml".to_string(), false)
        );
    }
}
