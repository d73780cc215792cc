//! The JSON Schema for editors: committed copies in sync, and agreement
//! with `argmap check` on the fixtures.

use std::path::{Path, PathBuf};

use argmap::schema::{Draft, json_schema};
use argmap::{CheckOptions, Severity, SourceFile, check};

use crate::file_name;
use crate::support::{files, root};

fn validator(draft: Draft) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&json_schema(draft)).unwrap();
    // The dialect is the one the schema names in `$schema`.
    jsonschema::validator_for(&schema).unwrap()
}

/// A YAML file as the JSON a YAML language server validates.
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The YAML files in a folder of the repository, sorted.
fn yaml_files(dir: &str) -> Vec<PathBuf> {
    files(&root().join(dir), &["yaml"])
}

#[test]
fn committed_schemas_are_current() {
    for (draft, file) in [
        (Draft::Draft2020_12, "docs/argmap.schema.json"),
        (Draft::Draft07, "docs/argmap.draft-07.schema.json"),
    ] {
        let committed = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(
            committed == json_schema(draft),
            "{file} is stale: run `cargo run -- schema{} -o {file}`",
            if draft == Draft::Draft07 {
                " --draft 07"
            } else {
                ""
            }
        );
    }
}

#[test]
fn schemas_name_their_dialect() {
    let modern: serde_json::Value =
        serde_json::from_str(&json_schema(Draft::Draft2020_12)).unwrap();
    assert_eq!(
        modern["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let old: serde_json::Value = serde_json::from_str(&json_schema(Draft::Draft07)).unwrap();
    assert_eq!(old["$schema"], "http://json-schema.org/draft-07/schema#");
    // Inlined: a property's description sits beside its type, where
    // language servers look for hover text, not beside a `$ref`.
    for schema in [&modern, &old] {
        assert!(!schema.to_string().contains("\"$ref\""));
        let held_by = &schema["properties"]["nodes"]["additionalProperties"]["anyOf"][1]["properties"]
            ["held_by"];
        assert_eq!(held_by["description"], "Actors who hold it (actor ids).");
        assert!(held_by["anyOf"].is_array());
    }
    // Every property of the map format is described, for hover help.
    for schema in [&modern, &old] {
        let text = schema.to_string();
        for key in [
            "held_by",
            "premises",
            "undercuts",
            "translation",
            "propertyNames",
        ] {
            assert!(text.contains(key), "{key}");
        }
        let mut missing = Vec::new();
        describe_all(schema, "", &mut missing);
        assert!(
            missing.is_empty(),
            "properties without a description: {missing:?}"
        );
    }
}

fn describe_all(value: &serde_json::Value, at: &str, missing: &mut Vec<String>) {
    if let Some(props) = value.get("properties").and_then(|p| p.as_object()) {
        for (key, schema) in props {
            if schema.is_object() && schema.get("description").is_none() {
                missing.push(format!("{at}/{key}"));
            }
        }
    }
    match value {
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                // The argument rule's conditions name keys described above.
                if !matches!(k.as_str(), "if" | "then" | "else") {
                    describe_all(v, &format!("{at}/{k}"), missing);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| describe_all(v, at, missing)),
        _ => {}
    }
}

#[test]
fn valid_fixtures_and_maps_validate() {
    let mut files = yaml_files("tests/fixtures/valid");
    files.extend(yaml_files("maps"));
    files.extend(yaml_files("docs/examples"));
    assert!(files.len() >= 6);
    for draft in [Draft::Draft2020_12, Draft::Draft07] {
        let validator = validator(draft);
        for path in &files {
            let errors: Vec<String> = validator
                .iter_errors(&as_json(path))
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", file_name(path));
        }
    }
}

/// The invalid fixtures whose problems are a schema's to see: every one is
/// rejected by both the schema and `argmap check`. The others (dates that
/// name no day, repeated keys, which JSON cannot hold, merge keys, which YAML
/// readers apply before a schema sees the data, references, relation
/// kinds, cycles, quotes, the file's bytes) are `check`'s alone.
#[test]
fn schema_level_errors_are_rejected_by_both() {
    const SCHEMA_LEVEL: &[&str] = &[
        "E004-version-2.yaml",
        "E101-missing-source-and-to.yaml",
        "E101-missing-text.yaml",
        "E101-missing-title-and-nodes.yaml",
        "E102-wrong-types.yaml",
        "E103-unknown-keys.yaml",
        "E104-invalid-ids.yaml",
        "E106-bad-kind-and-blank.yaml",
        "E106-blank-shorthands.yaml",
        "E106-no-nodes.yaml",
        "E106-nodes-without-value.yaml",
        "E203-argument-structure.yaml",
    ];
    let validator = validator(Draft::Draft2020_12);
    let old = validator_for_07();
    let dir = root().join("tests/fixtures/invalid");
    for name in SCHEMA_LEVEL {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = check(&SourceFile::new(&path, text), &CheckOptions::default());
        assert!(
            checked
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error),
            "{name}: check finds no error"
        );
        let json = as_json(&path);
        assert!(!validator.is_valid(&json), "{name}: the schema accepts it");
        assert!(
            !old.is_valid(&json),
            "{name}: the draft-07 schema accepts it"
        );
    }
}

fn validator_for_07() -> jsonschema::Validator {
    validator(Draft::Draft07)
}

#[test]
fn maps_name_the_schema() {
    for path in yaml_files("maps") {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            "# yaml-language-server: $schema=../docs/argmap.draft-07.schema.json",
            "{}",
            file_name(&path)
        );
    }
}
