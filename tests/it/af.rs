//! The abstract-argumentation solver against ICCMA benchmark frameworks
//! with grounded references agreed on by three independent solvers
//! (`tests/fixtures/iccma/`, copied from the shared benchmark set), and
//! answers to the other tasks given by an independent SAT-based solver
//! (`references.tsv`).

use std::path::Path;

use argmap::interchange::iccma::{self, FrameworkFormat};
use argmap::semantics::{Label, grounded};

use crate::support::{argmap, files, root, text};

fn iccma_dir() -> std::path::PathBuf {
    root().join("tests/fixtures/iccma")
}

fn format_of(path: &Path) -> FrameworkFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("apx") => FrameworkFormat::Apx,
        _ => FrameworkFormat::Af,
    }
}

#[test]
fn grounded_matches_references() {
    let mut checked = 0;
    for path in files(&iccma_dir(), &["af", "apx"]) {
        let af = iccma::parse(&std::fs::read(&path).unwrap(), format_of(&path)).unwrap();
        let labels = grounded(&af.framework);
        let got: Vec<String> = (0..labels.len())
            .filter(|&i| labels[i] == Label::In)
            .map(|i| af.name(i))
            .collect();
        let reference = path.with_file_name(format!(
            "{}.GR.txt",
            path.file_name().unwrap().to_string_lossy()
        ));
        let expected: Vec<String> = std::fs::read_to_string(&reference)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        assert_eq!(got_sorted, expected_sorted, "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 5);
}

/// Checks the lines of `references.tsv` on the frameworks `wanted`
/// accepts: every answer as the reference, every witness and
/// counterexample an extension that shows it.
fn check_references(wanted: impl Fn(&str) -> bool) -> usize {
    use argmap::semantics::solver::{Semantics, is_complete};
    use argmap::semantics::task::{Problem, Task, solve};
    let text = std::fs::read_to_string(iccma_dir().join("references.tsv")).unwrap();
    let mut frameworks = std::collections::HashMap::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (instance, task_name, argument, expected) =
            (fields[0], fields[1], fields[2], fields[3]);
        if !wanted(instance) {
            continue;
        }
        let af = frameworks.entry(instance.to_string()).or_insert_with(|| {
            let path = iccma_dir().join(instance);
            iccma::parse(&std::fs::read(&path).unwrap(), format_of(&path)).unwrap()
        });
        let task = Task::parse(task_name).unwrap();
        let query = (!argument.is_empty()).then(|| af.find(argument).unwrap());
        let answer = solve(&af.framework, task, query, None).unwrap();
        let at = format!("{instance} {task_name} {argument}");
        let got = match (task.problem, answer.accepted, &answer.extension) {
            (Problem::SomeExtension, _, Some(_)) => "EXTENSION",
            (_, Some(true), _) => "YES",
            _ => "NO",
        };
        assert_eq!(got, expected, "{at}");
        if let Some(ext) = &answer.extension {
            // The extension shown is one: complete (stage: conflict-free),
            // stable with nothing undecided, and with or without the query
            // as the answer says.
            let n = af.framework.len();
            let mut set = vec![false; n];
            for &a in ext {
                set[a] = true;
            }
            let mut labels: Vec<Label> = set
                .iter()
                .map(|&x| if x { Label::In } else { Label::Undecided })
                .collect();
            for a in 0..n {
                for &t in af.framework.attacked_by(a) {
                    if set[a] {
                        assert!(!set[t as usize], "{at}: not conflict-free");
                        labels[t as usize] = Label::Out;
                    }
                }
            }
            if task.semantics != Semantics::Stage {
                assert!(is_complete(&af.framework, &labels), "{at}: not complete");
            }
            if task.semantics == Semantics::Stable {
                assert!(!labels.contains(&Label::Undecided), "{at}: not stable");
            }
            if let Some(q) = query {
                assert_eq!(set[q], task.problem == Problem::Credulous, "{at}");
            }
        }
        count += 1;
    }
    count
}

#[test]
fn other_tasks_match_references() {
    let small = |i: &str| !i.starts_with("a1210993");
    assert_eq!(check_references(small), 104);
}

#[test]
#[ignore = "slow: a framework of 7,346 arguments, about 50 SAT-based tasks"]
fn other_tasks_match_references_on_the_large_framework() {
    assert_eq!(check_references(|i| i.starts_with("a1210993")), 53);
}

#[test]
fn acceptance_queries_match_references() {
    let queries = std::fs::read_to_string(iccma_dir().join("queries.tsv")).unwrap();
    let mut count = 0;
    for line in queries.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (instance, argument, task, expected) = (fields[0], fields[1], fields[2], fields[3]);
        let file = iccma_dir().join(instance);
        let out = argmap(
            &root(),
            &[
                "af",
                "-p",
                task,
                "-a",
                argument,
                "-f",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{line}");
        let stdout = text(&out.stdout);
        let mut lines = stdout.lines();
        assert_eq!(lines.next(), Some(expected), "{line}");
        // A certificate follows DC YES and DS NO in the .af format.
        let certified =
            (task == "DC-GR" && expected == "YES") || (task == "DS-GR" && expected == "NO");
        if Path::new(instance).extension().is_some_and(|e| e == "af") {
            assert_eq!(
                lines.next().is_some_and(|l| l.starts_with('w')),
                certified,
                "{line}"
            );
        }
        count += 1;
    }
    assert!(count >= 8, "only {count} queries");
}

/// `argmap af ARGS`: exit code, stdout and stderr.
fn af_cli(args: &[&str]) -> (Option<i32>, String, String) {
    let out = argmap(&root(), &[&["af"], args].concat());
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn iccma_interface() {
    assert_eq!(
        af_cli(&[]),
        (
            Some(0),
            format!("argmap {}\n", env!("CARGO_PKG_VERSION")),
            String::new()
        )
    );
    assert_eq!(
        af_cli(&["--problems"]).1,
        "[SE-GR,DC-GR,DS-GR,SE-CO,DC-CO,DS-CO,SE-PR,DC-PR,DS-PR,SE-ST,DC-ST,DS-ST,SE-SST,DC-SST,DS-SST,SE-STG,DC-STG,DS-STG,SE-ID,DC-ID,DS-ID]\n"
    );
    let probo = iccma_dir().join("probo2-a.apx");
    let probo = probo.to_str().unwrap();
    assert_eq!(
        af_cli(&["-p", "SE-GR", "-fo", "apx", "-f", probo]).1,
        "[b]\n"
    );
    assert_eq!(
        af_cli(&["-p", "DC-GR", "-fo", "apx", "-f", probo, "-a", "a"]).1,
        "NO\n"
    );
    let af = iccma_dir().join("probo2-a.af");
    let af = af.to_str().unwrap();
    assert_eq!(af_cli(&["-p", "SE-GR", "-f", af]).1, "w 2\n");
    assert_eq!(
        af_cli(&["-p", "DC-GR", "-f", af, "-a", "2"]).1,
        "YES\nw 2\n"
    );
    assert_eq!(af_cli(&["-p", "DS-GR", "-f", af, "-a", "1"]).1, "NO\nw 2\n");
}

#[test]
fn iccma_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.af");
    std::fs::write(&bad, "p af 2\n1 2\n2 5\n").unwrap();
    let bad = bad.to_str().unwrap();
    let (code, stdout, stderr) = af_cli(&["-p", "SE-GR", "-f", bad]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert!(
        stderr.ends_with("line 3: argument 5 is out of range: the header declares 1 to 2\n"),
        "{stderr}"
    );
    let (code, _, stderr) = af_cli(&["-p", "EE-PR", "-f", bad]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("task `EE-PR` is not supported; supported: SE-GR, DC-GR"),
        "{stderr}"
    );
    let good = iccma_dir().join("probo2-a.af");
    let (code, _, stderr) = af_cli(&["-p", "DC-GR", "-f", good.to_str().unwrap(), "-a", "9"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("`9` is not an argument"), "{stderr}");
}

#[test]
fn searching_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    // Floating reinstatement: 1 and 2 attack each other and both attack 3,
    // which attacks 4. Preferred and stable: {1,4} and {2,4}.
    let floating = write("floating.af", "p af 4\n1 2\n2 1\n1 3\n2 3\n3 4\n");
    let run = |task: &str, arg: Option<&str>| {
        let mut args = vec!["-p", task, "-f", floating.as_str()];
        if let Some(a) = arg {
            args.extend(["-a", a]);
        }
        af_cli(&args).1
    };
    // Where the answer has one extension only, it is printed exactly;
    // where there are two, either may be given.
    let either = |out: String, first: &str, options: &[&str]| {
        assert!(
            options.iter().any(|o| out == format!("{first}{o}\n")),
            "{out:?}"
        );
    };
    assert_eq!(run("SE-CO", None), "w\n");
    either(run("DC-CO", Some("4")), "YES\n", &["w 1 4", "w 2 4"]);
    assert_eq!(run("DC-CO", Some("3")), "NO\n");
    assert_eq!(run("DC-PR", Some("2")), "YES\nw 2 4\n");
    assert_eq!(run("DS-CO", Some("4")), "NO\nw\n");
    either(run("SE-PR", None), "", &["w 1 4", "w 2 4"]);
    assert_eq!(run("DS-PR", Some("4")), "YES\n");
    assert_eq!(run("DS-PR", Some("1")), "NO\nw 2 4\n");
    either(run("SE-ST", None), "", &["w 1 4", "w 2 4"]);
    assert_eq!(run("DC-ST", Some("2")), "YES\nw 2 4\n");
    assert_eq!(run("DS-ST", Some("4")), "YES\n");
    // Stable extensions exist, so semi-stable and stage are stable.
    either(run("SE-SST", None), "", &["w 1 4", "w 2 4"]);
    assert_eq!(run("DS-SST", Some("4")), "YES\n");
    assert_eq!(run("DC-STG", Some("3")), "NO\n");
    assert_eq!(run("DS-STG", Some("2")), "NO\nw 1 4\n");
    // {4} is in both preferred extensions but cannot defend itself alone.
    assert_eq!(run("SE-ID", None), "w\n");
    assert_eq!(run("DS-ID", Some("4")), "NO\nw\n");
    assert_eq!(run("DC-ID", Some("1")), "NO\n");
    // An odd cycle has no stable extension.
    let odd = write("odd.af", "p af 3\n1 2\n2 3\n3 1\n");
    assert_eq!(af_cli(&["-p", "SE-ST", "-f", &odd]).1, "NO\n");
    assert_eq!(af_cli(&["-p", "DS-ST", "-f", &odd, "-a", "1"]).1, "YES\n");
    assert_eq!(af_cli(&["-p", "SE-PR", "-f", &odd]).1, "w\n");
}

#[test]
fn stage_semantics_leaves_isolated_arguments_out_of_the_solver() {
    // 300,000 arguments and no attack: every one is in the one stage
    // extension, found without a SAT variable per argument.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("isolated.af");
    std::fs::write(&file, "p af 300000\n1 2\n").unwrap();
    let out = argmap(
        &root(),
        &["af", "-p", "SE-STG", "-f", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let words: Vec<String> = text(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(words.len(), 300_000, "w and every argument but 2");
    assert_eq!(words[..3], ["w", "1", "3"]);
    let out = argmap(
        &root(),
        &[
            "af",
            "-p",
            "DS-STG",
            "-f",
            file.to_str().unwrap(),
            "-a",
            "7",
        ],
    );
    assert_eq!(text(&out.stdout), "YES\n");
}

#[test]
fn long_cycles_do_not_overflow_the_stack() {
    // An even cycle of 200,000 arguments: every search goes 200,000 deep.
    let n = 200_000;
    let mut cycle = format!("p af {n}\n");
    for i in 1..n {
        cycle.push_str(&format!("{i} {}\n", i + 1));
    }
    cycle.push_str(&format!("{n} 1\n"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cycle.af");
    std::fs::write(&file, cycle).unwrap();
    for (task, first) in [
        ("SE-PR", "w "),
        ("SE-ST", "w "),
        ("SE-SST", "w "),
        ("DC-CO", "YES"),
        ("DS-PR", "NO"),
        ("DS-STG", "NO"),
        ("SE-ID", "w\n"),
    ] {
        let mut args = vec!["af", "-p", task, "-f", file.to_str().unwrap()];
        if !task.starts_with("SE") {
            args.extend(["-a", "1"]);
        }
        let out = argmap(&root(), &args);
        assert_eq!(out.status.code(), Some(0), "{task}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with(first), "{task}");
        if first == "w " {
            // Every other argument of the cycle: half of them.
            assert_eq!(stdout.split_whitespace().count(), 1 + n / 2, "{task}");
        }
    }
}
