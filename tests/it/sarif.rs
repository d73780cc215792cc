//! `argmap check --format sarif`: a SARIF 2.1.0 log that validates against
//! the OASIS schema (committed as a fixture) and says what the JSON lines
//! say.

use crate::support::{argmap, fixture, root, text};

/// The OASIS schema as published (oasis-tcs/sarif-spec,
/// `Schemata/sarif-schema-2.1.0.json`), with its one erratum applied: the
/// `language` pattern has a stray `]` that a strict regex engine refuses
/// (sarif-spec issue 488, fixed in the 2.1.0 errata as below).
fn validator() -> jsonschema::Validator {
    let path = fixture("sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).unwrap();
    let published = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(published).count(), 2);
    let text = text.replace(published, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn sarif(args: &[&str]) -> (serde_json::Value, i32) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let out = argmap(&root(), &all);
    let log = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    (log, out.status.code().unwrap_or(-1))
}

#[test]
fn the_log_of_every_invalid_fixture_validates_against_the_sarif_schema() {
    let (log, code) = sarif(&["tests/fixtures/invalid", "maps"]);
    assert_eq!(code, 1);
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .take(5)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A log that is not SARIF is refused: the validator does check.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), argmap::diagnostic::RULES.len());
    let results = run["results"].as_array().unwrap();
    // The same diagnostics as the JSON lines, in the same order.
    let json = argmap(
        &root(),
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/invalid",
            "maps",
        ],
    );
    let lines: Vec<serde_json::Value> = text(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), lines.len());
    let artifacts = run["artifacts"].as_array().unwrap();
    for (result, line) in results.iter().zip(&lines) {
        assert_eq!(result["ruleId"], line["code"]);
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], line["code"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], line["file"]);
        let artifact =
            usize::try_from(location["artifactLocation"]["index"].as_u64().unwrap()).unwrap();
        assert_eq!(artifacts[artifact]["location"]["uri"], line["file"]);
        assert_eq!(location["region"]["startLine"], line["line"]);
        assert_eq!(location["region"]["startColumn"], line["column"]);
        assert_eq!(location["region"]["endLine"], line["end"]["line"]);
        let message = result["message"]["text"].as_str().unwrap();
        assert!(message.starts_with(line["message"].as_str().unwrap()));
        let level = match line["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        assert!(result["partialFingerprints"]["argmap/v1"].is_string());
    }
    // Fingerprints tell results apart.
    let mut prints: Vec<String> = results
        .iter()
        .map(|r| {
            format!(
                "{}{}",
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["partialFingerprints"]["argmap/v1"]
            )
        })
        .collect();
    prints.sort();
    let before = prints.len();
    prints.dedup();
    assert_eq!(prints.len(), before);
}

#[test]
fn a_clean_run_is_a_log_with_no_results_and_the_same_bytes_each_time() {
    let (log, code) = sarif(&["maps/istanbul.yaml"]);
    assert_eq!(code, 0);
    assert!(validator().is_valid(&log));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    let a = argmap(&root(), &["check", "--format", "sarif", "maps"]);
    let b = argmap(&root(), &["check", "--format", "sarif", "maps"]);
    assert_eq!(a.stdout, b.stdout);
}
