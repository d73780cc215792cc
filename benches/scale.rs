//! Scale benchmark: time and peak memory of `check` and of DOT rendering on
//! generated maps of 1k, 10k, 100k and 1M nodes.
//!
//! Run with `cargo bench --bench scale` (sizes may follow: `-- 1000 10000`;
//! `-- af` runs only the argumentation-framework part, `-- maps` only maps,
//! `-- eval` only `argmap eval` on the Istanbul map and on generated maps,
//! `-- lsp` only `argmap lsp`, from a change to its diagnostics,
//! `-- quotes` only quote verification: 10k quotes against a 10 MB source).
//! `-- af` also runs the solver part: every ICCMA task but grounded on the
//! shared ICCMA instances, the test fixtures and AFGen-style random
//! frameworks of 100 to 1,000 arguments, each run under a time limit
//! (`ARGMAP_BENCH_LIMIT` seconds, default 10), with solved counts and times
//! per task; `-- solver` runs that part alone, `-- grounded` the grounded
//! part alone.
//! Each measurement runs in a fresh child process so that its peak resident
//! memory (`VmHWM`) is its own. The maps are tree-like, as real ones are: each
//! node supports (70%) or attacks (30%) one earlier node, 15% add a
//! cross-link to another earlier node, a third cite evidence.

#![allow(clippy::cast_precision_loss, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use argmap::{CheckOptions, LoadOptions, RenderOptions};

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

fn generate(n: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);
    let mut s = String::with_capacity(n * 160);
    s.push_str("argmap: 1\ntitle: Generated benchmark map\nactors:\n");
    for a in 0..8 {
        let _ = writeln!(s, "  actor-{a}: Actor number {a}");
    }
    s.push_str("sources:\n");
    for k in 0..20 {
        let _ = writeln!(
            s,
            "  source-{k}: {{ title: Source document {k}, date: 20{:02}-0{}-1{} }}",
            k,
            k % 9 + 1,
            k % 9
        );
    }
    s.push_str("nodes:\n");
    for i in 0..n {
        let _ = writeln!(s, "  n{i}:");
        let _ = writeln!(
            s,
            "    text: Claim {i} says that the commitment under discussion applies in case {} of {}.",
            rng.below(1000),
            n
        );
        let _ = writeln!(s, "    held_by: [actor-{}]", rng.below(8));
        if i > 0 {
            let parent = i - 1 - rng.below(i.min(40));
            let kind = if rng.below(10) < 7 {
                "supports"
            } else {
                "attacks"
            };
            let _ = writeln!(s, "    {kind}: n{parent}");
            if rng.below(100) < 15 && i > 2 {
                let other = rng.below(i);
                if other != parent {
                    let kind = if kind == "supports" {
                        "attacks"
                    } else {
                        "supports"
                    };
                    // Different kind than to the parent, to an earlier node:
                    // no cycle and no conflicting pair.
                    let _ = writeln!(s, "    {kind}: {{ to: n{other}, label: cross-link }}");
                }
            }
        }
        if rng.below(3) == 0 {
            let _ = writeln!(
                s,
                "    evidence:\n      - source: source-{}\n        at: p. {}\n        quote: \"the commitment applies\"",
                rng.below(20),
                rng.below(300) + 1
            );
        }
    }
    s
}

/// A densely linked map: each node supports one earlier node and attacks
/// two others (about 3 relations per node), as a debate with many
/// cross-links.
fn generate_dense(n: usize) -> String {
    let mut rng = Rng(0x51_7cc1_b727_220a ^ n as u64);
    let mut s = String::with_capacity(n * 120);
    s.push_str("argmap: 1\ntitle: Generated dense map\nnodes:\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "  n{i}:\n    text: Claim {i} of a densely linked debate."
        );
        if i == 0 {
            let _ = writeln!(s, "    attacks: n1");
            continue;
        }
        let parent = rng.below(i);
        let _ = writeln!(s, "    supports: n{parent}");
        let mut attacked = Vec::new();
        while attacked.len() < 2 {
            let t = rng.below(n);
            if t != i && t != parent && !attacked.contains(&t) {
                attacked.push(t);
            }
        }
        let _ = writeln!(s, "    attacks: [n{}, n{}]", attacked[0], attacked[1]);
    }
    s
}

/// A tree-like map for evaluation: each node supports (60%), attacks (25%)
/// or contradicts (15%) one of the 40 nodes before it, so support chains
/// are long and contradictions give many preferred extensions.
fn generate_eval(n: usize) -> String {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ n as u64);
    let mut s = String::with_capacity(n * 80);
    s.push_str("argmap: 1\ntitle: Generated evaluation map\nnodes:\n");
    for i in 0..n {
        let _ = writeln!(s, "  n{i}:\n    text: Claim {i}.");
        if i > 0 {
            let parent = i - 1 - rng.below(i.min(40));
            let kind = match rng.below(100) {
                0..60 => "supports",
                60..85 => "attacks",
                _ => "contradicts",
            };
            let _ = writeln!(s, "    {kind}: n{parent}");
        }
    }
    s
}

/// Child mode for `eval-<semantics>`: check, build the framework (deductive
/// support), the extensions (at most 64) and every explanation.
fn child_eval(semantics: &str, path: &Path) {
    use argmap::semantics::map::{MapFramework, Support};
    use argmap::semantics::solver::{Semantics, extensions};
    let semantics = match semantics {
        "grounded" => Semantics::Grounded,
        _ => Semantics::Preferred,
    };
    let start = Instant::now();
    let (source, _) = argmap::load::read_source(path, &LoadOptions::default()).unwrap();
    let checked = argmap::check(&source, &CheckOptions::default());
    assert!(!checked.has_errors(), "{:?}", &checked.diagnostics[..1]);
    let f = MapFramework::build(checked.graph().unwrap(), Support::Deductive);
    let found = extensions(&f.framework, semantics, 64, None).unwrap();
    let mut bytes = 0;
    for labels in &found.labellings {
        for a in 0..labels.len() {
            bytes += f.explain(labels, a).len();
        }
    }
    std::hint::black_box(bytes);
    println!(
        "{} {} {} {}",
        start.elapsed().as_millis(),
        peak_rss_kib(),
        f.framework.attack_count(),
        found.labellings.len()
    );
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// A random framework of `n` arguments and `2n` attacks in ICCMA 2023
/// `.af` format; each argument attacks two distinct others.
fn generate_af(n: usize) -> String {
    let mut rng = Rng(0x5851_f42d_4c95_7f2d ^ n as u64);
    let mut s = String::with_capacity(n * 24);
    let _ = writeln!(s, "p af {n}");
    for i in 0..n {
        let r1 = 1 + rng.below(n - 1);
        let mut r2 = 1 + rng.below(n - 1);
        if r2 == r1 {
            r2 = if r1 + 1 < n { r1 + 1 } else { 1 };
        }
        let _ = writeln!(s, "{} {}", i + 1, (i + r1) % n + 1);
        if r2 != r1 {
            let _ = writeln!(s, "{} {}", i + 1, (i + r2) % n + 1);
        }
    }
    s
}

/// Child mode for frameworks: parse, grounded, format the `w …` line, as
/// `argmap af -p SE-GR` does.
fn child_af(path: &Path) {
    use argmap::interchange::iccma::{FrameworkFormat, parse};
    use argmap::semantics::{Label, grounded};
    let start = Instant::now();
    let bytes = std::fs::read(path).unwrap();
    let af = parse(&bytes, FrameworkFormat::Af).unwrap();
    drop(bytes);
    let labels = grounded(&af.framework);
    let mut out = Vec::with_capacity(labels.len() * 4);
    out.push(b'w');
    for (i, l) in labels.iter().enumerate() {
        if *l == Label::In {
            let _ = std::io::Write::write_fmt(&mut out, format_args!(" {}", i + 1));
        }
    }
    std::hint::black_box(out.len());
    println!("{} {}", start.elapsed().as_millis(), peak_rss_kib());
}

/// Child mode: measure one step on one file and print `ms kib`.
fn child(step: &str, path: &Path) {
    if let Some(task) = step.strip_prefix("task-") {
        child_task(task, path);
        return;
    }
    if step == "af" {
        child_af(path);
        return;
    }
    if let Some(semantics) = step.strip_prefix("eval-") {
        child_eval(semantics, path);
        return;
    }
    if step == "check-quotes" {
        let start = Instant::now();
        let (source, _) = argmap::load::read_source(path, &LoadOptions::default()).unwrap();
        let checked = argmap::check(&source, &CheckOptions::default());
        let missing = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == argmap::Code::QuoteNotFound)
            .count();
        assert_eq!(missing, 10, "{:?}", checked.diagnostics.first());
        println!("{} {}", start.elapsed().as_millis(), peak_rss_kib());
        return;
    }
    let options = LoadOptions {
        max_file_bytes: u64::MAX,
    };
    let start = Instant::now();
    let (source, early) = argmap::load::read_source(path, &options).unwrap();
    assert!(early.is_none());
    if step == "load" {
        // Read, parse (the YAML fast path) and build the model: no checks.
        let loaded = argmap::load(&source);
        std::hint::black_box(loaded.map.as_ref().map(|m| m.nodes.len()));
        println!("{} {}", start.elapsed().as_millis(), peak_rss_kib());
        return;
    }
    let checked = argmap::check(&source, &CheckOptions::default());
    let check_time = start.elapsed();
    assert!(!checked.has_errors(), "{:?}", &checked.diagnostics[..1]);
    let elapsed = if step == "dot" {
        let graph = checked.graph().unwrap();
        let start = Instant::now();
        let dot = argmap::render::dot(graph, &RenderOptions::default());
        std::hint::black_box(dot.len());
        start.elapsed()
    } else {
        check_time
    };
    println!("{} {}", elapsed.as_millis(), peak_rss_kib());
}

/// Words for the generated source documents and node texts.
const WORDS: &[&str] = &[
    "security",
    "indivisible",
    "participating",
    "States",
    "alliance",
    "treaty",
    "choose",
    "expense",
    "Charter",
    "commitment",
    "neutrality",
    "principle",
    "the",
    "of",
    "and",
    "to",
    "will",
    "not",
    "strengthen",
    "their",
    "rights",
    "others",
    "each",
    "right",
    "free",
];

/// A map as users write them, for the end-to-end benchmark: 24 actors (two
/// hold nothing: `W302`), 20 sources (16 with a local file of about 40 KB
/// the quotes are checked against, one cited by nothing: `W303`), claims
/// and one argument in ten (premises and a conclusion), each held by one or
/// two actors and now and then rejected by one, supports and attacks to
/// earlier claims with 15 % cross-links, undercuts of arguments, a third
/// with evidence quoting a sentence of a source file. This brings the
/// warnings and findings real maps carry: isolated nodes (`W301`),
/// duplicate relations (`W304`), conflicting commitments (`F501`), held and
/// rejected (`F502`), rejected premises (`F503`). With `errors`, a few
/// hundred errors as well (at most `n / 100`, at most 300): unknown
/// references (`E201`), misquotes (`E207`, each then searched for its
/// closest passage), self-relations (`E206`) and unknown keys (`E103`).
///
/// Writes `map.yaml` and `sources/` into `folder` and returns the map's
/// path.
fn generate_real(n: usize, errors: bool, folder: &Path) -> PathBuf {
    let mut rng = Rng(0x2f1a_77c3_9e01_b5d3 ^ n as u64 ^ u64::from(errors));
    std::fs::create_dir_all(folder.join("sources")).unwrap();
    // The source documents: numbered sentences of 12 words.
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for k in 0..16 {
        let mut text = format!("Source document {k}.\n\n");
        let mut doc = Vec::new();
        for line in 0..400 {
            let mut sentence = format!("{}.", line + 1);
            for _ in 0..12 {
                sentence.push(' ');
                sentence.push_str(WORDS[rng.below(WORDS.len())]);
            }
            text.push_str(&sentence);
            text.push('\n');
            doc.push(sentence);
        }
        std::fs::write(folder.join(format!("sources/doc-{k}.txt")), text).unwrap();
        sentences.push(doc);
    }
    let mut s = String::with_capacity(n * 260);
    s.push_str(
        "argmap: 1\ntitle: Generated map with holders, evidence, warnings and findings\nactors:\n",
    );
    for a in 0..24 {
        let _ = writeln!(
            s,
            "  actor-{a}: {{ name: Actor number {a}, note: a party to the dispute }}"
        );
    }
    s.push_str("sources:\n");
    for k in 0..20 {
        let _ = write!(
            s,
            "  source-{k}:\n    title: Source document {k}\n    date: 20{:02}-0{}-1{}\n",
            k,
            k % 9 + 1,
            k % 9
        );
        if k < 16 {
            let _ = writeln!(s, "    file: sources/doc-{k}.txt");
        }
    }
    s.push_str("nodes:\n");
    let budget = if errors { (n / 100).min(300) } else { 0 };
    let error_every = n.checked_div(budget).unwrap_or(usize::MAX);
    let is_argument = |i: usize| i % 10 == 5;
    // The latest claim at or before `i`.
    let claim_at = |i: usize| if is_argument(i) { i - 1 } else { i };
    for i in 0..n {
        let error = if i > 0 && i % error_every == error_every / 2 {
            Some(i / error_every % 4)
        } else {
            None
        };
        let _ = writeln!(s, "  n{i}:");
        let holder = rng.below(22);
        if is_argument(i) && i > 10 {
            let _ = writeln!(s, "    kind: argument\n    label: Argument {i}");
            let _ = writeln!(
                s,
                "    text: From claims {} and {} it follows that claim {} holds in case {}.",
                i - 1,
                i - 2,
                claim_at(i - 3 - rng.below(i.min(40) - 3)),
                rng.below(1000)
            );
            let conclusion = claim_at(i - 3 - rng.below(i.min(40) - 3));
            let _ = writeln!(s, "    held_by: [actor-{holder}]");
            let _ = writeln!(
                s,
                "    premises: [n{}, n{}]\n    conclusion: n{conclusion}",
                i - 1,
                i - 2
            );
            // One argument in three is undercut by a later claim (below);
            // one in five rebuts another argument.
            if rng.below(5) == 0 && i > 20 {
                let _ = writeln!(s, "    attacks: n{}", i - 10);
            }
        } else {
            let _ = writeln!(
                s,
                "    label: Claim {i}\n    text: Claim {i} says that the commitment under discussion applies in case {} of {n}.",
                rng.below(1000)
            );
            if rng.below(4) == 0 {
                let _ = writeln!(
                    s,
                    "    held_by: [actor-{holder}, actor-{}]",
                    (holder + 1 + rng.below(20)) % 22
                );
            } else {
                let _ = writeln!(s, "    held_by: [actor-{holder}]");
            }
            if rng.below(20) == 0 {
                let _ = writeln!(s, "    rejected_by: [actor-{}]", rng.below(22));
            }
            // 2 % are left without a relation (W301).
            let mut supports = Vec::new();
            let mut attacks = Vec::new();
            if i > 0 && rng.below(50) != 0 {
                let parent = claim_at(i - 1 - rng.below(i.min(40)));
                let support = rng.below(10) < 7;
                let (first, second) = if support {
                    (&mut supports, &mut attacks)
                } else {
                    (&mut attacks, &mut supports)
                };
                first.push(match error {
                    Some(0) => format!("n{parent}-typo"),
                    Some(1) => format!("n{i}"),
                    _ => format!("n{parent}"),
                });
                if rng.below(100) < 15 && i > 2 {
                    let other = claim_at(rng.below(i));
                    if other != parent {
                        second.push(format!("{{ to: n{other}, label: cross-link }}"));
                    }
                }
                if rng.below(100) == 0 {
                    first.push(format!("{{ to: n{parent}, label: written twice }}"));
                }
            }
            for (kind, targets) in [("supports", &supports), ("attacks", &attacks)] {
                match targets.len() {
                    0 => {}
                    1 => {
                        let _ = writeln!(s, "    {kind}: {}", targets[0]);
                    }
                    _ => {
                        let _ = writeln!(s, "    {kind}: [{}]", targets.join(", "));
                    }
                }
            }
            if !supports.is_empty() && i > 20 && rng.below(12) == 0 {
                let mut target = i - 1 - rng.below(i.min(40));
                while !is_argument(target) {
                    target -= 1;
                }
                if target > 10 {
                    let _ = writeln!(s, "    undercuts: n{target}");
                }
            }
        }
        if error == Some(3) {
            let _ = writeln!(s, "    colour: red");
        }
        if rng.below(3) == 0 || error == Some(2) {
            let k = rng.below(19);
            let _ = write!(
                s,
                "    evidence:\n      - source: source-{k}\n        at: p. {}\n",
                rng.below(300) + 1
            );
            if k < 16 {
                let sentence = &sentences[k][rng.below(400)];
                let words: Vec<&str> = sentence.split(' ').skip(1).collect();
                let from = rng.below(6);
                let mut quote = words[from..from + 6].join(" ");
                if error == Some(2) {
                    quote = quote.replacen('e', "a", 1);
                }
                let _ = writeln!(s, "        quote: \"{quote}\"");
            }
        }
    }
    let path = folder.join("map.yaml");
    std::fs::write(&path, s).unwrap();
    path
}

/// Runs `argmap` with `args` in `folder`, stdout and stderr to files (as a
/// user redirecting them would), and returns (wall ms, peak RSS KiB, exit
/// status). The peak is the child's own, from `wait4`.
fn run_argmap(folder: &Path, args: &[&str]) -> (u64, u64, i32) {
    use std::os::unix::process::ExitStatusExt as _;
    let out = std::fs::File::create(folder.join("stdout")).unwrap();
    let err = std::fs::File::create(folder.join("stderr")).unwrap();
    let start = Instant::now();
    // Reaped by `wait4` below, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .current_dir(folder)
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap();
    let pid = i32::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: `rusage` is plain data; `wait4` fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    assert_eq!(waited, pid);
    let ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
    let kib = u64::try_from(usage.ru_maxrss).unwrap_or(0);
    let code = std::process::ExitStatus::from_raw(status)
        .code()
        .unwrap_or(-1);
    (ms, kib, code)
}

/// The fastest of three runs (its peak memory with it).
fn best_run(folder: &Path, args: &[&str]) -> (u64, u64, i32) {
    (0..3)
        .map(|_| run_argmap(folder, args))
        .min_by_key(|r| r.0)
        .unwrap()
}

/// What a user meets, end to end through the `argmap` binary, on generated
/// maps with holders, evidence, warnings and findings (and a variant with a
/// few hundred errors): `check` with human and JSON output, `render` to
/// DOT, `eval` under grounded and preferred semantics, `export` and
/// `import` of Argdown and AIF. Output goes to files, as when redirected.
fn bench_users(dir: &Path, sizes: &[usize]) {
    println!(
        "{:>9} {:>7} {:<34} {:>9} {:>9} {:>5} {:>11}",
        "nodes", "map", "command", "ms", "peak MiB", "exit", "output KB"
    );
    for &n in sizes {
        for errors in [false, true] {
            let folder = dir.join(format!("users-{n}{}", if errors { "-errors" } else { "" }));
            let map = folder.join("map.yaml");
            if !map.exists() {
                generate_real(n, errors, &folder);
            }
            let variant = if errors { "errors" } else { "clean" };
            // Each step: its name, its arguments, the file it writes.
            let mut steps: Vec<(&str, Vec<&str>, &str)> = vec![
                ("check", vec!["check", "map.yaml"], ""),
                (
                    "check --format json",
                    vec!["check", "--format", "json", "map.yaml"],
                    "",
                ),
                (
                    "render -o map.dot",
                    vec!["render", "map.yaml", "-o", "map.dot"],
                    "map.dot",
                ),
                ("eval (grounded)", vec!["eval", "map.yaml"], ""),
                (
                    "eval --semantics preferred",
                    vec![
                        "eval",
                        "--semantics",
                        "preferred",
                        "--timeout",
                        "60",
                        "map.yaml",
                    ],
                    "",
                ),
            ];
            if !errors {
                steps.extend([
                    (
                        "export --format argdown",
                        vec![
                            "export",
                            "--format",
                            "argdown",
                            "map.yaml",
                            "-o",
                            "map.argdown",
                        ],
                        "map.argdown",
                    ),
                    (
                        "import map.argdown",
                        vec!["import", "map.argdown", "-o", "imported.yaml"],
                        "imported.yaml",
                    ),
                    (
                        "export --format aif",
                        vec!["export", "--format", "aif", "map.yaml", "-o", "map.json"],
                        "map.json",
                    ),
                    (
                        "import map.json (AIF)",
                        vec!["import", "map.json", "-o", "imported.yaml"],
                        "imported.yaml",
                    ),
                ]);
            }
            for (name, args, file) in steps {
                let _ = std::fs::remove_file(folder.join("imported.yaml"));
                let (ms, kib, code) = best_run(&folder, &args);
                let written = ["stdout", "stderr", file]
                    .iter()
                    .filter(|f| !f.is_empty())
                    .map(|f| std::fs::metadata(folder.join(f)).map_or(0, |m| m.len()))
                    .sum::<u64>();
                println!(
                    "{n:>9} {variant:>7} {name:<34} {ms:>9} {:>9.1} {code:>5} {:>11}",
                    kib as f64 / 1024.0,
                    written / 1000
                );
            }
        }
    }
    println!(
        "ms: fastest of three runs, wall clock; peak MiB: the process's peak resident memory; output: bytes written to stdout, stderr and the output file"
    );
}

/// A language-server session with `argmap lsp`, over its stdin and stdout.
struct Lsp {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    stdout: std::io::BufReader<std::process::ChildStdout>,
    next: i64,
}

impl Lsp {
    fn start(folder: &Path) -> Lsp {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
            .arg("lsp")
            .current_dir(folder)
            .env("XDG_CACHE_HOME", folder.join("cache"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        Lsp {
            child,
            stdin,
            stdout,
            next: 0,
        }
    }

    fn send(&mut self, message: &serde_json::Value) {
        use std::io::Write as _;
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> serde_json::Value {
        use std::io::{BufRead as _, Read as _};
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn notify(&mut self, method: &str, params: serde_json::Value) {
        let mut m = serde_json::json!({ "jsonrpc": "2.0", "method": method });
        m["params"] = params;
        self.send(&m);
    }

    fn request(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let id = self.next;
        let mut m = serde_json::json!({ "jsonrpc": "2.0", "id": id, "method": method });
        m["params"] = params;
        self.send(&m);
        loop {
            let m = self.receive();
            if m["id"] == id {
                return m;
            }
        }
    }

    /// Waits for the next diagnostics; their count.
    fn diagnostics(&mut self) -> usize {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" {
                return m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
    }

    /// The server's peak resident memory so far, in KiB (`VmHWM`).
    fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

/// `argmap lsp` on the generated realistic maps (holders, evidence with
/// checked quotes, warnings, findings; and the variant with errors): the
/// time from opening the map to its diagnostics, from each change (an id
/// misspelt, then put right) to the diagnostics published for it, which
/// includes the server's pause of 150 ms for typing, and of a hover and a
/// completion request on the changed text; the server's peak memory.
fn bench_lsp(dir: &Path, sizes: &[usize]) {
    use serde_json::json;
    println!(
        "{:>9} {:>7} {:>8} {:>14} {:>14} {:>9} {:>12} {:>9} {:>11}",
        "nodes",
        "map",
        "open ms",
        "change ms min",
        "change ms max",
        "hover ms",
        "complete ms",
        "peak MiB",
        "diagnostics"
    );
    for &n in sizes {
        for errors in [false, true] {
            let folder = dir.join(format!("users-{n}{}", if errors { "-errors" } else { "" }));
            let map = folder.join("map.yaml");
            if !map.exists() {
                generate_real(n, errors, &folder);
            }
            let text = std::fs::read_to_string(&map).unwrap();
            let uri = format!("file://{}", std::fs::canonicalize(&map).unwrap().display());
            let mut lsp = Lsp::start(&folder);
            lsp.request(
                "initialize",
                json!({ "processId": null, "rootUri": null, "capabilities": {} }),
            );
            lsp.notify("initialized", json!({}));
            let start = Instant::now();
            lsp.notify(
                "textDocument/didOpen",
                json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
            );
            let count = lsp.diagnostics();
            let open = start.elapsed().as_millis();
            // An id in a `held_by` near the middle, misspelt and put right.
            let at = text[text.len() / 2..].find("held_by: [").unwrap() + text.len() / 2 + 10;
            let mut changes = Vec::new();
            for version in 2..12 {
                let changed = if version % 2 == 0 {
                    format!("{}zz{}", &text[..at], &text[at..])
                } else {
                    text.clone()
                };
                let start = Instant::now();
                lsp.notify(
                    "textDocument/didChange",
                    json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": changed }] }),
                );
                lsp.diagnostics();
                changes.push(start.elapsed().as_millis());
            }
            let line = text[..at].matches('\n').count();
            let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
            let position = json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": column + 1 } });
            let start = Instant::now();
            lsp.request("textDocument/hover", position.clone());
            let hover = start.elapsed().as_millis();
            let start = Instant::now();
            lsp.request("textDocument/completion", position);
            let complete = start.elapsed().as_millis();
            let peak = lsp.peak_kib();
            lsp.request("shutdown", serde_json::Value::Null);
            lsp.notify("exit", serde_json::Value::Null);
            let _ = lsp.child.wait();
            let variant = if errors { "errors" } else { "clean" };
            println!(
                "{n:>9} {variant:>7} {open:>8} {:>14} {:>14} {hover:>9} {complete:>12} {:>9.1} {count:>11}",
                changes.iter().min().unwrap(),
                changes.iter().max().unwrap(),
                peak as f64 / 1024.0
            );
        }
    }
    println!(
        "change ms: from sending a change to its diagnostics, over 10 changes, including the 150 ms pause the server waits for typing to stop"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1], Path::new(&args[2]));
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let only_af = args.iter().any(|a| a == "af");
    let only_maps = args.iter().any(|a| a == "maps");
    let only_eval = args.iter().any(|a| a == "eval");
    let only_solver = args.iter().any(|a| a == "solver");

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-maps");
    std::fs::create_dir_all(&dir).unwrap();
    let exe = std::env::current_exe().unwrap();
    if args.iter().any(|a| a == "users") {
        let sizes = if sizes.is_empty() {
            vec![10_000, 100_000, 1_000_000]
        } else {
            sizes
        };
        bench_users(&dir, &sizes);
        return;
    }
    if args.iter().any(|a| a == "lsp") {
        let sizes = if sizes.is_empty() {
            vec![1_000, 10_000]
        } else {
            sizes
        };
        bench_lsp(&dir, &sizes);
        return;
    }
    if only_solver {
        bench_solver(&exe, &dir);
        return;
    }
    if args.iter().any(|a| a == "grounded") {
        let sizes = if sizes.is_empty() {
            vec![10_000, 100_000, 1_000_000]
        } else {
            sizes
        };
        bench_af(&exe, &dir, &sizes);
        return;
    }
    if args.iter().any(|a| a == "render") {
        bench_render(&dir);
        return;
    }
    if args.iter().any(|a| a == "quotes") {
        bench_quotes(&exe, &dir);
        return;
    }
    if only_eval {
        let sizes = if sizes.is_empty() {
            vec![1_000, 10_000]
        } else {
            sizes
        };
        bench_eval(&exe, &dir, &sizes);
        return;
    }
    if !only_af {
        let sizes = if sizes.is_empty() {
            vec![1_000, 10_000, 100_000, 1_000_000]
        } else {
            sizes.clone()
        };
        bench_maps(&exe, &dir, &sizes);
    }
    if !only_maps {
        let sizes = if sizes.is_empty() {
            vec![10_000, 100_000, 1_000_000, 10_000_000]
        } else {
            sizes
        };
        bench_af(&exe, &dir, &sizes);
        bench_solver(&exe, &dir);
    }
}

/// A 10 MB source of pseudo-sentences and a map citing it 10,000 times:
/// 9,990 quotes cut from it (whitespace re-flowed), 10 with one letter
/// changed (each then gets a closest passage).
fn bench_quotes(exe: &Path, dir: &Path) {
    const VOCAB: &[&str] = &[
        "security",
        "indivisible",
        "participating",
        "State",
        "alliance",
        "treaty",
        "choose",
        "expense",
        "Charter",
        "commitment",
        "neutrality",
        "OSCE",
        "sikkerhet",
        "for",
        "alle",
        "the",
        "of",
        "and",
        "to",
        "will",
        "not",
        "strengthen",
        "their",
        "rights",
        "others",
    ];
    let folder = dir.join("quotes");
    std::fs::create_dir_all(folder.join("sources")).unwrap();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut text = String::with_capacity(10_500_000);
    let mut line = 0;
    while text.len() < 10_000_000 {
        let _ = write!(text, "{}. ", line + 1);
        for _ in 0..14 {
            text.push_str(VOCAB[rng.below(VOCAB.len())]);
            text.push(' ');
        }
        text.push('\n');
        line += 1;
    }
    std::fs::write(folder.join("sources/big.txt"), &text).unwrap();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut map = String::from(
        "argmap: 1\ntitle: Quote benchmark\nsources:\n  big:\n    title: A large document\n    file: sources/big.txt\nnodes:\n",
    );
    for i in 0..10_000 {
        let start = rng.below(words.len() - 30);
        let n = 8 + rng.below(20);
        let mut quote = words[start..start + n].join(" ");
        if i % 1000 == 999 {
            quote = quote.replacen('e', "a", 1);
        }
        let _ = write!(
            map,
            "  q{i}:\n    text: Claim {i}.\n    evidence:\n      - source: big\n        quote: {}\n",
            serde_json::to_string(&quote).unwrap()
        );
    }
    let path = folder.join("quotes.yaml");
    std::fs::write(&path, map).unwrap();
    let (ms, kib) = best_of_three(exe, "check-quotes", &path);
    println!(
        "quote verification: 10,000 quotes (10 not found) against a {:.1} MB source: {ms} ms, peak {:.1} MiB (whole check)",
        text.len() as f64 / 1e6,
        kib as f64 / 1024.0
    );
}

fn bench_eval(exe: &Path, dir: &Path, sizes: &[usize]) {
    println!(
        "argmap eval, deductive support: check + framework + extensions (at most 64) + every explanation"
    );
    println!(
        "{:>22} {:>7} {:>9} | {:>6} {:>8} {:>8} | {:>6} {:>8} {:>8}",
        "map", "nodes", "attacks", "GR ms", "GR MiB", "", "PR ms", "PR MiB", "PR exts"
    );
    let mut files = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("maps/istanbul.yaml")];
    for &n in sizes {
        let path = dir.join(format!("eval-{n}.yaml"));
        if !path.exists() {
            std::fs::write(&path, generate_eval(n)).unwrap();
        }
        files.push(path);
    }
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let nodes = argmap::load(&argmap::SourceFile::new(&path, text))
            .map
            .map_or(0, |m| m.nodes.len());
        let (gr_ms, gr_kib, extra) = best_of_three_with(exe, "eval-grounded", &path);
        let (pr_ms, pr_kib, pr_extra) = best_of_three_with(exe, "eval-preferred", &path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        println!(
            "{name:>22} {nodes:>7} {:>9} | {gr_ms:>6} {:>8.1} {:>8} | {pr_ms:>6} {:>8.1} {:>8}",
            extra.0,
            gr_kib as f64 / 1024.0,
            "",
            pr_kib as f64 / 1024.0,
            pr_extra.1
        );
    }
}

/// The numbers the fastest of three child runs of one step printed: `ms
/// kib`, then whatever else the step reports.
fn fastest_of_three(exe: &Path, step: &str, path: &Path) -> Vec<u64> {
    let mut best: Vec<u64> = Vec::new();
    for _ in 0..3 {
        let out = Command::new(exe)
            .args(["--child", step])
            .arg(path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let v: Vec<u64> = text
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect();
        if best.is_empty() || v[0] < best[0] {
            best = v;
        }
    }
    best
}

/// Like [`best_of_three`], also returning the child's two extra numbers.
fn best_of_three_with(exe: &Path, step: &str, path: &Path) -> (u64, u64, (u64, u64)) {
    let v = fastest_of_three(exe, step, path);
    (v[0], v[1], (v[2], v[3]))
}

/// Best of three child runs of one step: (ms, peak KiB).
fn best_of_three(exe: &Path, step: &str, path: &Path) -> (u64, u64) {
    let v = fastest_of_three(exe, step, path);
    (v[0], v[1])
}

fn bench_af(exe: &Path, dir: &Path, sizes: &[usize]) {
    println!();
    println!("grounded semantics, ICCMA .af, file read + parse + solve + output line");
    println!(
        "{:>40} {:>9} {:>9} {:>9} {:>10}",
        "framework", "args", "attacks", "ms", "peak MiB"
    );
    let mut files: Vec<PathBuf> = sizes
        .iter()
        .map(|&n| {
            let path = dir.join(format!("random-{n}.af"));
            if !path.exists() {
                std::fs::write(&path, generate_af(n)).unwrap();
            }
            path
        })
        .collect();
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/iccma/instances");
    if let Ok(entries) = std::fs::read_dir(&shared) {
        let mut more: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "af"))
            .collect();
        more.sort();
        files.extend(more);
    }
    for path in files {
        let text = std::fs::read(&path).unwrap();
        let af = argmap::interchange::iccma::parse(
            &text,
            argmap::interchange::iccma::FrameworkFormat::Af,
        )
        .unwrap();
        let (ms, kib) = best_of_three(exe, "af", &path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        println!(
            "{name:>40} {:>9} {:>9} {ms:>9} {:>10.1}",
            af.framework.len(),
            af.framework.attack_count(),
            kib as f64 / 1024.0
        );
    }
}

fn bench_maps(exe: &Path, dir: &Path, sizes: &[usize]) {
    println!(
        "{:>9} {:>9} | {:>9} {:>10} | {:>9} {:>10} | {:>9} {:>10}",
        "nodes", "file MB", "load ms", "load MiB", "check ms", "check MiB", "dot ms", "dot MiB"
    );
    for &n in sizes {
        let path = dir.join(format!("map-{n}.yaml"));
        if !path.exists() {
            std::fs::write(&path, generate(n)).unwrap();
        }
        let mb = std::fs::metadata(&path).unwrap().len() as f64 / 1e6;
        let run = |step: &str| best_of_three(exe, step, &path);
        let (load_ms, load_kib) = run("load");
        let (check_ms, check_kib) = run("check");
        let (dot_ms, dot_kib) = run("dot");
        println!(
            "{n:>9} {mb:>9.1} | {load_ms:>9} {:>10.1} | {check_ms:>9} {:>10.1} | {dot_ms:>9} {:>10.1}",
            load_kib as f64 / 1024.0,
            check_kib as f64 / 1024.0,
            dot_kib as f64 / 1024.0
        );
    }
    println!(
        "load: read + parse + build the model; check: that + graph + all checks; dot: DOT text only (after check); MiB: peak RSS of the process"
    );
}

/// `argmap render` to SVG, end to end (check, DOT, Graphviz), under each
/// layout engine, on tree-like and dense maps. A run past a minute is
/// stopped and reported as such.
fn bench_render(dir: &Path) {
    const LIMIT_SECS: u64 = 60;
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_argmap"));
    let mut maps: Vec<(String, PathBuf)> = Vec::new();
    for n in [100, 1_000, 5_000] {
        let path = dir.join(format!("render-tree-{n}.yaml"));
        std::fs::write(&path, generate(n)).unwrap();
        maps.push((format!("tree {n}"), path));
    }
    for n in [100, 150, 300, 500, 1_000] {
        let path = dir.join(format!("render-dense-{n}.yaml"));
        std::fs::write(&path, generate_dense(n)).unwrap();
        maps.push((format!("dense {n}"), path));
    }
    println!(
        "argmap render -o map.svg (check + DOT + layout), wall time, one run each; stopped after {LIMIT_SECS} s"
    );
    println!(
        "{:>12} {:>7} | {:>12} {:>12} {:>12} {:>12}",
        "map", "edges", "auto", "dot", "sfdp", "builtin"
    );
    for (name, path) in maps {
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = argmap::check(
            &argmap::SourceFile::new(&path, text),
            &CheckOptions::default(),
        );
        assert!(
            !checked.has_errors(),
            "{name}: {:?}",
            checked.diagnostics.first()
        );
        let edges = checked.graph().map_or(0, |g| g.petgraph().edge_count());
        let mut cells = Vec::new();
        for engine in ["auto", "dot", "sfdp", "builtin"] {
            let out = dir.join("render-out.svg");
            let start = Instant::now();
            // A process group of its own, so that a run stopped at the time
            // limit takes its `dot` with it.
            let mut command = Command::new(&exe);
            command
                .args(["render", "--engine", engine, "--max-nodes", "0", "-o"])
                .arg(&out)
                .arg(&path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            #[cfg(unix)]
            std::os::unix::process::CommandExt::process_group(&mut command, 0);
            let mut child = command.spawn().unwrap();
            let cell = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    let secs = start.elapsed().as_secs_f64();
                    break if status.success() {
                        format!("{secs:.2} s")
                    } else {
                        "failed".into()
                    };
                }
                if start.elapsed().as_secs() >= LIMIT_SECS {
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .status();
                    let _ = child.kill();
                    let _ = child.wait();
                    break format!("> {LIMIT_SECS} s");
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            };
            cells.push(cell);
        }
        println!(
            "{name:>12} {edges:>7} | {:>12} {:>12} {:>12} {:>12}",
            cells[0], cells[1], cells[2], cells[3]
        );
    }
}

/// An AFGen-style random framework (after `AFBenchGen2`: Cerutti, Giacomin
/// and Vallati, "Generating structured argumentation frameworks:
/// `AFBenchGen2`", COMMA 2016) in ICCMA 2023 `.af` format: the undirected
/// graph of one of three random-graph families, each edge turned into an
/// attack of a random direction, or into a mutual attack with
/// probability 1/4.
/// - `er`: Erdős–Rényi, each pair an edge with probability `4 / n`;
/// - `ba`: Barabási–Albert, each new argument linked to 2 earlier ones
///   chosen by degree;
/// - `ws`: Watts–Strogatz, a ring of 4 neighbours with each edge rewired
///   with probability 1/5.
fn generate_afgen(family: &str, n: usize, seed: u64) -> String {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ (n as u64) << 8 ^ seed);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    match family {
        "er" => {
            for a in 0..n {
                for b in a + 1..n {
                    if rng.below(n) < 4 {
                        edges.push((a, b));
                    }
                }
            }
        }
        "ba" => {
            let mut ends: Vec<usize> = vec![0, 1];
            edges.push((0, 1));
            for a in 2..n {
                let mut chosen: Vec<usize> = Vec::new();
                while chosen.len() < 2.min(a) {
                    let b = ends[rng.below(ends.len())];
                    if !chosen.contains(&b) {
                        chosen.push(b);
                    }
                }
                for b in chosen {
                    edges.push((b, a));
                    ends.extend([a, b]);
                }
            }
        }
        _ => {
            for a in 0..n {
                for k in 1..=2 {
                    let mut b = (a + k) % n;
                    if rng.below(5) == 0 {
                        b = rng.below(n);
                    }
                    if b != a {
                        edges.push((a, b));
                    }
                }
            }
        }
    }
    let mut attacks: Vec<(usize, usize)> = Vec::new();
    for (a, b) in edges {
        match rng.below(8) {
            0 | 1 => attacks.extend([(a, b), (b, a)]),
            2..=4 => attacks.push((a, b)),
            _ => attacks.push((b, a)),
        }
    }
    attacks.sort_unstable();
    attacks.dedup();
    let mut s = format!("p af {n}\n");
    for (a, b) in attacks {
        let _ = writeln!(s, "{} {}", a + 1, b + 1);
    }
    s
}

/// Child mode `task-<TASK>`: `path` is `FILE:ARG` (ARG empty for SE);
/// solves under the time limit and prints `ms kib answer` (`answer`:
/// `YES`, `NO`, `w` or `timeout`).
fn child_task(task: &str, path: &Path) {
    use argmap::interchange::iccma::{FrameworkFormat, parse};
    use argmap::semantics::task::{Task, solve};
    let spec = path.to_string_lossy();
    let (file, arg) = spec.rsplit_once(':').unwrap();
    let limit: f64 = std::env::var("ARGMAP_BENCH_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    let start = Instant::now();
    let deadline = start + std::time::Duration::from_secs_f64(limit);
    let bytes = std::fs::read(file).unwrap();
    let format = if Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("apx"))
    {
        FrameworkFormat::Apx
    } else {
        FrameworkFormat::Af
    };
    let af = parse(&bytes, format).unwrap();
    drop(bytes);
    let task = Task::parse(task).unwrap();
    let query = (!arg.is_empty()).then(|| af.find(arg).unwrap());
    let answer = match solve(&af.framework, task, query, Some(deadline)) {
        Ok(a) => match a.accepted {
            Some(true) => "YES",
            None if a.extension.is_some() => "w",
            Some(false) | None => "NO",
        },
        Err(_) => "timeout",
    };
    println!(
        "{} {} {answer}",
        start.elapsed().as_millis(),
        peak_rss_kib()
    );
}

/// Every ICCMA task but grounded ones on the shared ICCMA instances, the
/// test fixtures and AFGen-style frameworks: solved counts and times.
fn bench_solver(exe: &Path, dir: &Path) {
    use argmap::semantics::task::TASKS;
    let limit = std::env::var("ARGMAP_BENCH_LIMIT").unwrap_or_else(|_| "10".into());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for (family, folder) in [
        ("iccma", root.join("../shared/bench/iccma/instances")),
        ("fixture", root.join("tests/fixtures/iccma")),
    ] {
        if let Ok(entries) = std::fs::read_dir(&folder) {
            let mut more: Vec<PathBuf> = entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "af"))
                .collect();
            more.sort();
            // The fixtures copy some shared instances: each file once.
            more.retain(|p| !files.iter().any(|(_, f)| f.file_name() == p.file_name()));
            files.extend(more.into_iter().map(|p| (family.to_string(), p)));
        }
    }
    for family in ["er", "ba", "ws"] {
        for n in [100, 200, 500, 1000] {
            for seed in 0..2 {
                let path = dir.join(format!("afgen-{family}-{n}-{seed}.af"));
                if !path.exists() {
                    std::fs::write(&path, generate_afgen(family, n, seed)).unwrap();
                }
                files.push((format!("afgen-{family}"), path));
            }
        }
    }
    println!();
    println!(
        "solver: every task but grounded, {limit} s limit per run ({} frameworks; 2 query arguments each for DC and DS)",
        files.len()
    );
    // task -> (runs, solved, times in ms)
    let tasks: Vec<&str> = TASKS
        .iter()
        .copied()
        .filter(|t| !t.ends_with("-GR"))
        .collect();
    let mut per_task: Vec<(usize, usize, Vec<u64>, u64)> = vec![(0, 0, Vec::new(), 0); tasks.len()];
    let mut per_family: std::collections::BTreeMap<String, (usize, usize, u64)> =
        std::collections::BTreeMap::new();
    for (family, path) in &files {
        let text = std::fs::read(path).unwrap();
        let n = argmap::interchange::iccma::parse(
            &text,
            argmap::interchange::iccma::FrameworkFormat::Af,
        )
        .unwrap()
        .framework
        .len();
        let mut rng = Rng(0x9e37_79b9 ^ n as u64);
        let queries = [1 + rng.below(n), 1 + rng.below(n)];
        for (k, task) in tasks.iter().enumerate() {
            let args: Vec<String> = if task.starts_with("SE") {
                vec![String::new()]
            } else {
                queries.iter().map(usize::to_string).collect()
            };
            for arg in args {
                let out = Command::new(exe)
                    .args(["--child", &format!("task-{task}")])
                    .arg(format!("{}:{arg}", path.display()))
                    .env("ARGMAP_BENCH_LIMIT", &limit)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{task} {}: {}",
                    path.display(),
                    String::from_utf8_lossy(&out.stderr)
                );
                let line = String::from_utf8_lossy(&out.stdout).into_owned();
                let v: Vec<&str> = line.split_whitespace().collect();
                let ms: u64 = v[0].parse().unwrap();
                let kib: u64 = v[1].parse().unwrap();
                let solved = v[2] != "timeout";
                let entry = &mut per_task[k];
                entry.0 += 1;
                entry.3 = entry.3.max(kib);
                let fam = per_family.entry(family.clone()).or_default();
                fam.0 += 1;
                if solved {
                    entry.1 += 1;
                    entry.2.push(ms);
                    fam.1 += 1;
                    fam.2 += ms;
                }
            }
        }
    }
    println!(
        "{:>8} {:>8} {:>10} {:>10} {:>10} {:>10}",
        "task", "solved", "median ms", "p90 ms", "max ms", "peak MiB"
    );
    let mut all = (0, 0);
    for (task, (runs, solved, mut times, kib)) in tasks.iter().zip(per_task) {
        times.sort_unstable();
        // The q-th quantile: the value at position ⌊(len - 1) · q⌋.
        let at = |percent: usize| {
            times
                .get(times.len().saturating_sub(1) * percent / 100)
                .copied()
                .unwrap_or(0)
        };
        println!(
            "{task:>8} {:>8} {:>10} {:>10} {:>10} {:>10.1}",
            format!("{solved}/{runs}"),
            at(50),
            at(90),
            times.last().copied().unwrap_or(0),
            kib as f64 / 1024.0
        );
        all.0 += runs;
        all.1 += solved;
    }
    println!("{:>8} {:>8}", "all", format!("{}/{}", all.1, all.0));
    println!("{:>14} {:>8} {:>14}", "family", "solved", "total ms");
    for (family, (runs, solved, ms)) in per_family {
        println!("{family:>14} {:>8} {ms:>14}", format!("{solved}/{runs}"));
    }
}
