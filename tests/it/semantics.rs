//! Semantics against brute force on random small frameworks (proptest),
//! and the textbook examples.

use std::collections::BTreeSet;

use argmap::semantics::solver::{
    Semantics, counterexample, credulous, extensions, ideal, is_complete, some_extension,
};
use argmap::semantics::task::{TASKS, Task, solve};
use argmap::semantics::{Framework, Label, grounded};
use proptest::prelude::*;

type Ext = BTreeSet<usize>;

fn ins(labels: &[Label]) -> Ext {
    (0..labels.len())
        .filter(|&i| labels[i] == Label::In)
        .collect()
}

/// The definitions, checked over every subset: Dung 1995 (conflict-free,
/// admissible, complete, stable, preferred), Caminada 2006 (semi-stable:
/// complete with a maximal range), Verheij 1996 (stage: conflict-free with
/// a maximal range), Dung, Mancarella and Toni 2007 (ideal: the largest
/// admissible set inside every preferred extension).
struct Brute {
    n: usize,
    attacks: Vec<(usize, usize)>,
}

impl Brute {
    fn attacks(&self, a: usize, b: usize) -> bool {
        self.attacks.contains(&(a, b))
    }
    fn conflict_free(&self, s: &Ext) -> bool {
        s.iter().all(|&a| s.iter().all(|&b| !self.attacks(a, b)))
    }
    fn defends(&self, s: &Ext, a: usize) -> bool {
        (0..self.n)
            .filter(|&b| self.attacks(b, a))
            .all(|b| s.iter().any(|&c| self.attacks(c, b)))
    }
    fn admissible(&self, s: &Ext) -> bool {
        self.conflict_free(s) && s.iter().all(|&a| self.defends(s, a))
    }
    fn complete(&self, s: &Ext) -> bool {
        self.admissible(s) && (0..self.n).all(|a| !self.defends(s, a) || s.contains(&a))
    }
    fn range(&self, s: &Ext) -> Ext {
        (0..self.n)
            .filter(|&a| s.contains(&a) || s.iter().any(|&c| self.attacks(c, a)))
            .collect()
    }
    fn stable(&self, s: &Ext) -> bool {
        self.conflict_free(s) && self.range(s).len() == self.n
    }
    fn subsets(&self) -> Vec<Ext> {
        (0u32..1 << self.n)
            .map(|m| (0..self.n).filter(|&i| m & (1 << i) != 0).collect())
            .collect()
    }
    /// The members of `sets` that are maximal under `key` (by inclusion).
    fn maximal(sets: &[Ext], key: impl Fn(&Ext) -> Ext) -> BTreeSet<Ext> {
        let keys: Vec<Ext> = sets.iter().map(&key).collect();
        (0..sets.len())
            .filter(|&i| {
                !keys
                    .iter()
                    .any(|k| k.len() > keys[i].len() && keys[i].is_subset(k))
            })
            .map(|i| sets[i].clone())
            .collect()
    }
    fn extensions(&self, semantics: Semantics) -> BTreeSet<Ext> {
        let all = self.subsets();
        let complete: Vec<Ext> = all.iter().filter(|s| self.complete(s)).cloned().collect();
        let admissible: Vec<Ext> = all.iter().filter(|s| self.admissible(s)).cloned().collect();
        let free: Vec<Ext> = all
            .iter()
            .filter(|s| self.conflict_free(s))
            .cloned()
            .collect();
        let preferred = Self::maximal(&admissible, Ext::clone);
        match semantics {
            Semantics::Grounded => {
                // The least complete extension.
                let least = complete.iter().min_by_key(|s| s.len()).unwrap().clone();
                assert!(complete.iter().all(|c| least.is_subset(c)));
                [least].into()
            }
            Semantics::Complete => complete.into_iter().collect(),
            Semantics::Preferred => preferred,
            Semantics::Stable => all.into_iter().filter(|s| self.stable(s)).collect(),
            Semantics::SemiStable => Self::maximal(&complete, |s| self.range(s)),
            Semantics::Stage => Self::maximal(&free, |s| self.range(s)),
            Semantics::Ideal => {
                let inside: Vec<Ext> = admissible
                    .into_iter()
                    .filter(|s| preferred.iter().all(|p| s.is_subset(p)))
                    .collect();
                let largest = inside.iter().max_by_key(|s| s.len()).unwrap().clone();
                assert!(inside.iter().all(|s| s.is_subset(&largest)));
                [largest].into()
            }
        }
    }
}

fn framework() -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
    (1usize..8).prop_flat_map(|n| {
        (
            Just(n),
            proptest::collection::btree_set((0..n, 0..n), 0..(n * n).min(16)),
        )
            .prop_map(|(n, set)| (n, set.into_iter().collect()))
    })
}

fn build(n: usize, attacks: &[(usize, usize)]) -> Framework {
    let id = |x: usize| u32::try_from(x).unwrap();
    let pairs: Vec<(u32, u32)> = attacks.iter().map(|&(a, b)| (id(a), id(b))).collect();
    Framework::new(n, &pairs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Every semantics, enumerated and decided, against the definitions.
    #[test]
    fn semantics_match_the_definitions((n, attacks) in framework()) {
        let af = build(n, &attacks);
        let brute = Brute { n, attacks: attacks.clone() };
        for semantics in Semantics::ALL {
            let want = brute.extensions(semantics);
            let found = extensions(&af, semantics, usize::MAX - 1, None).unwrap();
            prop_assert!(!found.truncated);
            let sets: Vec<Ext> = found.labellings.iter().map(|l| ins(l)).collect();
            let unique: BTreeSet<Ext> = sets.iter().cloned().collect();
            prop_assert_eq!(unique.len(), sets.len(), "{:?} listed twice", semantics);
            prop_assert_eq!(&unique, &want, "{:?}", semantics);
            for l in &found.labellings {
                // Out is exactly what the extension attacks; every
                // labelling but stage's is a complete labelling.
                let s = ins(l);
                for (a, &label) in l.iter().enumerate() {
                    let attacked = s.iter().any(|&c| brute.attacks(c, a));
                    prop_assert_eq!(label == Label::Out, attacked && !s.contains(&a));
                }
                if semantics != Semantics::Stage {
                    prop_assert!(is_complete(&af, l), "{:?}: {:?}", semantics, l);
                }
            }
            // A limit stops the enumeration and says so.
            if want.len() > 1 {
                let one = extensions(&af, semantics, 1, None).unwrap();
                prop_assert!(one.truncated && one.labellings.len() == 1);
                prop_assert!(want.contains(&ins(&one.labellings[0])));
            }
            let exact = extensions(&af, semantics, want.len().max(1), None).unwrap();
            prop_assert!(!exact.truncated);
            // Some extension is one of them (none only when there is none).
            let some = some_extension(&af, semantics, None).unwrap();
            prop_assert_eq!(some.is_none(), want.is_empty());
            if let Some(l) = some {
                prop_assert!(want.contains(&ins(&l)), "{:?}: {:?}", semantics, l);
            }
            // Credulous and sceptical acceptance of every argument, with
            // witnesses and counterexamples that are extensions.
            for a in 0..n {
                let witness = credulous(&af, semantics, a, None).unwrap();
                prop_assert_eq!(witness.is_some(), want.iter().any(|e| e.contains(&a)), "DC {:?} {}", semantics, a);
                if let Some(l) = witness {
                    prop_assert!(want.contains(&ins(&l)) && l[a] == Label::In);
                }
                let counter = counterexample(&af, semantics, a, None).unwrap();
                prop_assert_eq!(counter.is_none(), want.iter().all(|e| e.contains(&a)), "DS {:?} {}", semantics, a);
                if let Some(l) = counter {
                    prop_assert!(want.contains(&ins(&l)) && l[a] != Label::In);
                }
            }
        }
        // The grounded extension is the least complete one, the ideal one
        // lies between it and every preferred one; stable extensions are
        // semi-stable and stage ones.
        let g = ins(&grounded(&af));
        let i = ins(&ideal(&af, None).unwrap());
        prop_assert!(g.is_subset(&i));
        prop_assert!(brute.extensions(Semantics::Preferred).iter().all(|p| i.is_subset(p)));
        let stable = brute.extensions(Semantics::Stable);
        if !stable.is_empty() {
            prop_assert_eq!(&stable, &brute.extensions(Semantics::SemiStable));
            prop_assert_eq!(&stable, &brute.extensions(Semantics::Stage));
        }
        // Every ICCMA task answers as the functions above.
        for name in TASKS {
            let task = Task::parse(name).unwrap();
            let want = brute.extensions(task.semantics);
            for q in 0..n {
                let answer = solve(&af, task, Some(q), None).unwrap();
                if let Some(e) = &answer.extension {
                    prop_assert!(want.contains(&e.iter().copied().collect::<Ext>()), "{}", name);
                }
                if task.needs_query() {
                    let expected = if name.starts_with("DC") {
                        want.iter().any(|e| e.contains(&q))
                    } else {
                        want.iter().all(|e| e.contains(&q))
                    };
                    prop_assert_eq!(answer.accepted, Some(expected), "{} {}", name, q);
                }
            }
        }
    }
}

#[test]
fn textbook_examples() {
    let sets = |af: &Framework, s: Semantics| -> Vec<Ext> {
        extensions(af, s, 64, None)
            .unwrap()
            .labellings
            .iter()
            .map(|l| ins(l))
            .collect()
    };
    // Nixon diamond: two preferred extensions, both stable; grounded empty.
    let af = build(2, &[(0, 1), (1, 0)]);
    assert_eq!(sets(&af, Semantics::Preferred).len(), 2);
    assert_eq!(sets(&af, Semantics::Stable).len(), 2);
    // Odd cycle: no stable extension, one (empty) preferred.
    let af = build(3, &[(0, 1), (1, 2), (2, 0)]);
    assert!(sets(&af, Semantics::Stable).is_empty());
    assert_eq!(sets(&af, Semantics::Preferred), [Ext::new()]);
    // Floating reinstatement: d is in every preferred extension but not grounded.
    let af = build(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
    let pref = extensions(&af, Semantics::Preferred, 64, None)
        .unwrap()
        .labellings;
    assert_eq!(pref.len(), 2);
    assert!(pref.iter().all(|l| l[3] == Label::In));
    assert_eq!(grounded(&af)[3], Label::Undecided);
}

mod maps {
    //! Maps read as frameworks: the readings of support, flattening, and
    //! the Istanbul map's two positions.

    use argmap::semantics::map::{MapFramework, Support};
    use argmap::semantics::solver::{Semantics, extensions};
    use argmap::semantics::{Label, grounded};
    use argmap::{CheckOptions, SourceFile, check};

    fn framework(yaml: &str, support: Support) -> MapFramework {
        framework_at("t.yaml", yaml, support)
    }

    /// As [`framework`], the map read from `path` (sources resolve from it).
    fn framework_at(path: &str, yaml: &str, support: Support) -> MapFramework {
        let text = if yaml.contains("\ntitle:") {
            yaml.to_string()
        } else {
            format!("title: T\n{yaml}")
        };
        let source = SourceFile::new(path, text);
        let checked = check(&source, &CheckOptions::default());
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        MapFramework::build(checked.graph().unwrap(), support)
    }

    /// Grounded label of each named argument.
    fn labels(f: &MapFramework, names: &[&str]) -> Vec<Label> {
        let g = grounded(&f.framework);
        names
            .iter()
            .map(|n| {
                let i = f.arguments.iter().position(|a| a.name == *n).unwrap();
                g[i]
            })
            .collect()
    }

    fn attacks(f: &MapFramework, from: &str, to: &str) -> bool {
        let i = |n: &str| f.arguments.iter().position(|a| a.name == n).unwrap();
        f.framework
            .attacked_by(i(from))
            .contains(&u32::try_from(i(to)).unwrap())
    }

    use Label::{In, Out, Undecided};

    // a supports b; c attacks b.
    const MEDIATED: &str =
        "nodes:\n  a: {text: A, supports: b}\n  b: B\n  c: {text: C, attacks: b}\n";
    // a supports b; c attacks a.
    const SECONDARY: &str =
        "nodes:\n  a: {text: A, supports: b}\n  b: B\n  c: {text: C, attacks: a}\n";

    #[test]
    fn deductive_support_gives_supported_and_mediated_attacks() {
        let f = framework(MEDIATED, Support::Deductive);
        assert!(attacks(&f, "c", "a"), "mediated attack");
        assert_eq!(labels(&f, &["a", "b", "c"]), [Out, Out, In]);
        // An attack on the supporter leaves what it supports alone.
        let f = framework(SECONDARY, Support::Deductive);
        assert_eq!(labels(&f, &["a", "b", "c"]), [Out, In, In]);
        // Supported attack: a supports b, b attacks c.
        let f = framework(
            "nodes:\n  a: {text: A, supports: b}\n  b: {text: B, attacks: c}\n  c: C\n",
            Support::Deductive,
        );
        assert!(attacks(&f, "a", "c"));
    }

    #[test]
    fn necessary_support_gives_secondary_and_extended_attacks() {
        let f = framework(SECONDARY, Support::Necessary);
        assert!(attacks(&f, "c", "b"), "secondary attack");
        assert_eq!(labels(&f, &["a", "b", "c"]), [Out, Out, In]);
        let f = framework(MEDIATED, Support::Necessary);
        assert_eq!(labels(&f, &["a", "b", "c"]), [In, Out, In]);
        // Extended attack: a supports b and attacks c, so b attacks c.
        let f = framework(
            "nodes:\n  a: {text: A, supports: b, attacks: c}\n  b: B\n  c: C\n",
            Support::Necessary,
        );
        assert!(attacks(&f, "b", "c"));
    }

    #[test]
    fn no_support_is_plain_dung() {
        let f = framework(MEDIATED, Support::None);
        assert_eq!(labels(&f, &["a", "b", "c"]), [In, Out, In]);
        let f = framework(SECONDARY, Support::None);
        assert_eq!(labels(&f, &["a", "b", "c"]), [Out, In, In]);
        assert_eq!(f.attacks.len(), 1);
    }

    const ARGUMENT: &str = "\
nodes:
  p: P
  q: Q
  arg: {kind: argument, text: From p and q c, premises: [p, q], conclusion: c}
  c: C
  x: {text: X, attacks: p}
  y: {text: Y, attacks: c}
";

    #[test]
    fn premises_are_necessary_and_conclusions_follow_in_every_reading() {
        for support in Support::ALL {
            let f = framework(ARGUMENT, support);
            // Undermining p defeats the argument, not q; rebutting c
            // defeats the argument and c, not the premises.
            assert!(
                attacks(&f, "x", "arg") && attacks(&f, "y", "arg"),
                "{support:?}"
            );
            assert!(
                !attacks(&f, "y", "p") && !attacks(&f, "y", "q"),
                "{support:?}"
            );
            assert_eq!(
                labels(&f, &["p", "q", "arg", "c"]),
                [Out, In, Out, Out],
                "{support:?}"
            );
        }
    }

    /// Every map under `tests/fixtures/literature/` against the labellings
    /// its header cites: `# expect <grounded|complete|preferred|stable>
    /// <all|none|deductive|necessary>: …` with `id=label` pairs for
    /// grounded and `{ids in}` sets for the others, and `# expect
    /// [no-]attacks <reading>: a->b …` for derived attacks.
    #[test]
    fn literature_fixtures_give_their_published_labellings() {
        use std::collections::BTreeSet;
        let dir = crate::support::root().join("tests/fixtures/literature");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        assert!(files.len() >= 9, "{files:?}");
        let mut checked = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            assert!(text.contains("# Source: "), "{name} cites no source");
            for line in text.lines() {
                let Some(rest) = line.strip_prefix("# expect ") else {
                    continue;
                };
                let (head, body) = rest.split_once(':').unwrap();
                let (what, reading) = head.split_once(' ').unwrap();
                let readings: Vec<Support> = match reading {
                    "all" => Support::ALL.to_vec(),
                    "none" => vec![Support::None],
                    "deductive" => vec![Support::Deductive],
                    "necessary" => vec![Support::Necessary],
                    other => panic!("{name}: unknown reading {other}"),
                };
                for support in readings {
                    let f = framework_at(&name, &text, support);
                    let at = format!("{name}, {what}, {support:?}");
                    let index = |id: &str| {
                        f.arguments
                            .iter()
                            .position(|a| a.name == id)
                            .unwrap_or_else(|| panic!("{at}: no argument {id}"))
                    };
                    match what {
                        "grounded" => {
                            let g = grounded(&f.framework);
                            for pair in body.split_whitespace() {
                                let (id, label) = pair.split_once('=').unwrap();
                                assert_eq!(g[index(id)].as_str(), label, "{at}: {id}");
                            }
                        }
                        "attacks" | "no-attacks" => {
                            for pair in body.split_whitespace() {
                                let (a, b) = pair.split_once("->").unwrap();
                                assert_eq!(attacks(&f, a, b), what == "attacks", "{at}: {pair}");
                            }
                        }
                        semantics => {
                            let semantics = Semantics::from_name(semantics)
                                .unwrap_or_else(|| panic!("{name}: unknown semantics {semantics}"));
                            let expected: BTreeSet<BTreeSet<String>> = body
                                .split('{')
                                .skip(1)
                                .map(|set| {
                                    set.trim_end()
                                        .trim_end_matches('}')
                                        .split_whitespace()
                                        .map(str::to_string)
                                        .collect()
                                })
                                .collect();
                            let got: BTreeSet<BTreeSet<String>> =
                                extensions(&f.framework, semantics, 64, None)
                                    .unwrap()
                                    .labellings
                                    .iter()
                                    .map(|l| {
                                        f.arguments
                                            .iter()
                                            .enumerate()
                                            .filter(|(i, a)| {
                                                l[*i] == In
                                                    && matches!(
                                                        a.origin,
                                                        argmap::semantics::map::Origin::Node(_)
                                                    )
                                            })
                                            .map(|(_, a)| a.name.clone())
                                            .collect()
                                    })
                                    .collect();
                            assert_eq!(got, expected, "{at}");
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked >= 30, "only {checked} expectations");
    }

    /// A random small map: claims `c0…`, arguments `a0…` (premises among
    /// the claims, a conclusion claim), and random supports, attacks,
    /// contradictions and undercuts of arguments. Maps with errors (a
    /// support cycle, say) are left out by the caller.
    fn random_map() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (2usize..6, 0usize..3)
            .prop_flat_map(|(claims, args)| {
                let nodes = claims + args;
                (
                    Just((claims, args)),
                    proptest::collection::vec((0..claims, 0..claims, 0..claims), args),
                    proptest::collection::vec((0u8..4, 0..nodes, 0..nodes), 0..9),
                )
            })
            .prop_map(|((claims, args), shapes, relations)| {
                let id = |i: usize| {
                    if i < claims {
                        format!("c{i}")
                    } else {
                        format!("a{}", i - claims)
                    }
                };
                let mut rels: Vec<std::collections::BTreeMap<&str, Vec<String>>> =
                    vec![std::collections::BTreeMap::new(); claims + args];
                for (kind, from, to) in relations {
                    let to_claim = to < claims;
                    let kind = match kind {
                        0 if to_claim => "supports",
                        1 => "attacks",
                        2 if from < claims && to_claim => "contradicts",
                        3 if !to_claim => "undercuts",
                        _ => continue,
                    };
                    if from != to && !rels[from].get(kind).is_some_and(|v| v.contains(&id(to))) {
                        rels[from].entry(kind).or_default().push(id(to));
                    }
                }
                let mut yaml = String::from("title: Random\nnodes:\n");
                for i in 0..claims + args {
                    yaml.push_str(&format!("  {}:\n", id(i)));
                    if i < claims {
                        yaml.push_str(&format!("    text: Claim {i}.\n"));
                    } else {
                        let (p1, p2, c) = shapes[i - claims];
                        let mut premises: Vec<String> = vec![id(p1), id(p2)];
                        premises.dedup();
                        premises.retain(|p| *p != id(c));
                        if premises.is_empty() {
                            premises.push(id((c + 1) % claims));
                        }
                        yaml.push_str(&format!(
                            "    kind: argument\n    text: Argument {i}.\n    premises: [{}]\n    conclusion: {}\n",
                            premises.join(", "),
                            id(c)
                        ));
                    }
                    for (kind, to) in &rels[i] {
                        yaml.push_str(&format!("    {kind}: [{}]\n", to.join(", ")));
                    }
                }
                yaml
            })
    }

    /// The map's framework, or `None` when the map has errors.
    fn try_framework(yaml: &str, support: Support) -> Option<MapFramework> {
        let source = SourceFile::new("random.yaml", yaml.to_string());
        let checked = check(&source, &CheckOptions::default());
        (!checked.has_errors()).then(|| MapFramework::build(checked.graph().unwrap(), support))
    }

    /// The in-set of each extension, by name, left to the map's nodes.
    fn in_sets(
        f: &MapFramework,
        labellings: &[Vec<Label>],
        keep: impl Fn(&str) -> bool,
    ) -> std::collections::BTreeSet<Vec<String>> {
        labellings
            .iter()
            .map(|l| {
                f.arguments
                    .iter()
                    .enumerate()
                    .filter(|(i, a)| l[*i] == In && keep(&a.name))
                    .map(|(_, a)| a.name.clone())
                    .collect()
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Under every reading: grounded is complete and in every complete
        /// extension; every complete extension is closed under the
        /// commitments of arguments (accepting an argument accepts its
        /// premises and its conclusion) and of `supports` as read.
        #[test]
        fn every_extension_is_closed_under_its_commitments(yaml in random_map()) {
            for support in Support::ALL {
                let Some(f) = try_framework(&yaml, support) else { return Ok(()) };
                let g = grounded(&f.framework);
                let complete = extensions(&f.framework, Semantics::Complete, 512, None).unwrap();
                proptest::prop_assert!(complete.labellings.contains(&g), "{yaml}");
                let source = SourceFile::new("random.yaml", yaml.clone());
                let checked = check(&source, &CheckOptions::default());
                let map = checked.graph().unwrap().map();
                let arg = |id: &str| f.arguments.iter().position(|a| a.name == id).unwrap();
                for l in &complete.labellings {
                    for i in 0..l.len() {
                        proptest::prop_assert!(g[i] != In || l[i] == In, "{yaml}");
                    }
                    for node in map.nodes.values() {
                        let me = arg(&node.id.value);
                        if node.kind == argmap::model::NodeKind::Argument && l[me] == In {
                            for p in &node.premises {
                                proptest::prop_assert_eq!(l[arg(&p.value)], In, "premise {} of {}: {}", p.value, node.id.value, yaml);
                            }
                            if let Some(c) = &node.conclusion {
                                proptest::prop_assert_eq!(l[arg(&c.value)], In, "conclusion of {}: {}", node.id.value, yaml);
                            }
                        }
                        for r in &node.relations {
                            if r.kind != argmap::model::RelationKind::Supports {
                                continue;
                            }
                            let to = arg(&r.target.value);
                            match support {
                                Support::Deductive if l[me] == In => proptest::prop_assert_eq!(l[to], In, "{}", yaml),
                                Support::Necessary if l[to] == In => proptest::prop_assert_eq!(l[me], In, "{}", yaml),
                                _ => {}
                            }
                        }
                    }
                }
            }
        }

        /// An undercut defeats the argument alone: adding an argument
        /// (premises from the map, a new conclusion) and an undercut of
        /// it changes the label of no other node, its premises included,
        /// under grounded and preferred semantics and every reading.
        #[test]
        fn an_undercut_never_changes_a_premise(
            yaml in random_map(),
            premises in proptest::collection::btree_set(0usize..2, 1..3),
            attacked in proptest::bool::ANY,
        ) {
            let premises: Vec<String> = premises.iter().map(|p| format!("c{p}")).collect();
            let argument = format!(
                "  new-arg:\n    kind: argument\n    text: The new argument.\n    premises: [{}]\n    conclusion: new-claim\n  new-claim:\n    text: The new conclusion.\n",
                premises.join(", ")
            );
            // The undercutter is itself attacked by `c0` half the time, so
            // that it is not always accepted.
            let without = format!("{yaml}{argument}  undercutter:\n    text: The undercutter.\n");
            let mut with = format!("{without}    undercuts: new-arg\n");
            if attacked {
                with = with.replacen("  c0:\n    text: Claim 0.\n", "  c0:\n    text: Claim 0.\n    attacks: [undercutter]\n", 1);
            }
            let without = if attacked {
                without.replacen("  c0:\n    text: Claim 0.\n", "  c0:\n    text: Claim 0.\n    attacks: [undercutter]\n", 1)
            } else {
                without
            };
            let keep = |n: &str| !n.starts_with("new-") && n != "undercutter" && !n.contains('/');
            for support in Support::ALL {
                let (Some(a), Some(b)) = (try_framework(&without, support), try_framework(&with, support)) else {
                    return Ok(());
                };
                let grounded_of = |f: &MapFramework| in_sets(f, &[grounded(&f.framework)], keep);
                proptest::prop_assert_eq!(grounded_of(&a), grounded_of(&b), "{}", with);
                let pref = |f: &MapFramework| {
                    let e = extensions(&f.framework, Semantics::Preferred, 512, None).unwrap();
                    in_sets(f, &e.labellings, keep)
                };
                proptest::prop_assert_eq!(pref(&a), pref(&b), "{}", with);
            }
        }
    }

    #[test]
    fn grounded_never_explains_acceptance_by_attacking_back() {
        // Dung's I-A dialogue: `i1` and `a` attack each other, `i2`
        // defeats `a`. `i1` is accepted because of `i2`, not because it
        // attacks `a` back.
        let text = std::fs::read_to_string(
            crate::support::root().join("tests/fixtures/literature/dung-dialogue.yaml"),
        )
        .unwrap();
        let f = framework(&text, Support::None);
        let i1 = f.arguments.iter().position(|a| a.name == "i1").unwrap();
        let why = f.explain(&grounded(&f.framework), i1);
        assert_eq!(
            why,
            "accepted: its one attacker, `a`, is rejected, because `i2` attacks `a` and is accepted."
        );
    }

    #[test]
    fn deductive_commitments_are_closed() {
        // a ⇒ b → c ⇐ d: accepting a rules out d, whose commitment c is
        // attacked by a's commitment b.
        let f = framework(
            "nodes:\n  a: {text: A, supports: b}\n  b: {text: B, attacks: c}\n  c: C\n  d: {text: D, supports: c}\n",
            Support::Deductive,
        );
        assert!(attacks(&f, "a", "d"));
        let i =
            |n: &str| u32::try_from(f.arguments.iter().position(|a| a.name == n).unwrap()).unwrap();
        let ad = f
            .attacks
            .iter()
            .find(|x| x.from == i("a") && x.to == i("d"))
            .unwrap();
        assert_eq!(
            ad.via,
            argmap::semantics::map::Via::Derived {
                by: i("b"),
                on: i("c")
            }
        );
        let x = f.arguments.iter().position(|a| a.name == "d").unwrap();
        let why = f.explain(&grounded(&f.framework), x);
        assert_eq!(
            why,
            "rejected: `b` (which attacks `c`) attacks it and is accepted (as does 1 more accepted attacker)."
        );
    }

    #[test]
    fn an_undercut_relation_becomes_a_meta_argument() {
        let yaml = "\
nodes:
  a:
    text: A
    attacks: [{to: b, id: r}]
  b: B
  u: {text: U, undercuts: r}
";
        let f = framework(yaml, Support::None);
        assert_eq!(
            labels(&f, &["a", "b", "u", "r", "r/x"]),
            [In, In, In, Out, Out]
        );
        let r = f.arguments.iter().position(|a| a.name == "r").unwrap();
        assert_eq!(
            f.explain(&grounded(&f.framework), r),
            "rejected: `u` undercuts it and is accepted."
        );
        // Undercut the undercutter: the attack holds again.
        let f = framework(
            &format!("{yaml}  v: {{text: V, attacks: u}}\n"),
            Support::None,
        );
        assert_eq!(labels(&f, &["b", "u", "r"]), [Out, Out, In]);
        // A contradiction undercut both ways.
        let yaml = "\
nodes:
  a:
    text: A
    contradicts: [{to: b, id: r}]
  b: B
  u: {text: U, undercuts: r}
";
        let f = framework(yaml, Support::None);
        assert_eq!(labels(&f, &["a", "b", "r", "r/rev"]), [In, In, Out, Out]);
    }

    #[test]
    fn an_undercut_support_defeats_the_inference_not_its_source() {
        let yaml = "\
nodes:
  a:
    text: A
    supports: [{to: b, id: r}]
  b: B
  u: {text: U, undercuts: r}
  x: {text: X, attacks: b}
";
        // Deductive: the attack on b reaches the inference r, not a.
        let f = framework(yaml, Support::Deductive);
        assert_eq!(labels(&f, &["a", "r", "b", "u"]), [In, Out, Out, In]);
        assert!(attacks(&f, "x", "r") && !attacks(&f, "x", "a"));
        // Necessary: b cannot stand without the inference.
        let f = framework(yaml, Support::Necessary);
        assert!(attacks(&f, "u", "b"));
        assert_eq!(labels(&f, &["a", "r", "b"]), [In, Out, Out]);
    }

    #[test]
    fn contradiction_is_mutual_and_questions_are_left_out() {
        let f = framework(
            "nodes:\n  q: {kind: question, text: Which?}\n  a: {text: A, contradicts: b, answers: q}\n  b: {text: B, answers: q}\n",
            Support::Deductive,
        );
        assert_eq!(f.arguments.len(), 2);
        assert_eq!(labels(&f, &["a", "b"]), [Undecided, Undecided]);
        let pref = extensions(&f.framework, Semantics::Preferred, 10, None).unwrap();
        assert_eq!(pref.labellings.len(), 2);
        let why = f.explain(&pref.labellings[0], 0);
        assert!(
            why == "accepted: its one attacker, `b` (contradicting it), is rejected, because it attacks `b` back.",
            "{why}"
        );
    }

    /// The Istanbul map (issue 11): the text of paragraph 8 stands in every
    /// reading, each side's inference from its half is undercut by the
    /// other side's reading, and the two positions, which contradict each
    /// other, are left undecided by grounded semantics and split the
    /// preferred extensions in two, one per side.
    #[test]
    fn istanbul_the_text_stands_the_inferences_fall_and_each_side_is_one_extension() {
        const PARA_8: [&str; 6] = [
            "equal-right",
            "free-choice",
            "neutrality",
            "mutual-respect",
            "no-expense",
            "no-sphere",
        ];
        let text =
            std::fs::read_to_string(crate::support::root().join("maps/istanbul.yaml")).unwrap();
        for support in Support::ALL {
            let f = framework_at("maps/istanbul.yaml", &text, support);
            let at = |n: &str| f.arguments.iter().position(|a| a.name == n).unwrap();
            // Grounded: the text is in, both positions undecided, and each
            // inference out, undercut by a reading that nothing attacks.
            assert_eq!(labels(&f, &PARA_8), [In; 6], "{support:?}");
            assert_eq!(
                labels(&f, &["open-door", "guarantees"]),
                [Undecided; 2],
                "{support:?}"
            );
            assert_eq!(
                labels(&f, &["free-choice-grounds", "enlargement-argument"]),
                [Out; 2],
                "{support:?}"
            );
            assert_eq!(
                labels(&f, &["conditional-choice", "russia-signed"]),
                [In; 2],
                "{support:?}"
            );
            // Russia's factual premise and NATO's reply contradict each
            // other and stay undecided, like the positions they bear on.
            assert_eq!(
                labels(&f, &["enlargement-expense", "nato-defensive"]),
                [Undecided; 2],
                "{support:?}"
            );
            assert!(attacks(&f, "conditional-choice", "free-choice-grounds"));
            assert!(attacks(&f, "russia-signed", "enlargement-argument"));
            assert!(
                attacks(&f, "nato-defensive", "enlargement-expense")
                    && attacks(&f, "enlargement-expense", "nato-defensive")
            );
            // An attack on a premise reaches the argument.
            assert!(
                attacks(&f, "nato-defensive", "enlargement-argument"),
                "rebuts its premise"
            );
            assert!(
                attacks(&f, "open-door", "guarantees") && attacks(&f, "guarantees", "open-door")
            );
            // Nothing attacks a sentence of paragraph 8, whatever the reading.
            for n in PARA_8 {
                assert!(f.attackers(at(n)).is_empty(), "{n} {support:?}");
            }
            // Preferred: four extensions, one for each choice of a position
            // (`guarantees` or `open-door`) and of the factual claim
            // (`enlargement-expense` or `nato-defensive`), two disputes the
            // map keeps apart; the text is in all, neither inference in any.
            let pref = extensions(&f.framework, Semantics::Preferred, 10, None).unwrap();
            assert_eq!(pref.labellings.len(), 4, "{support:?}");
            let has = |l: &[Label], n: &str| l[at(n)] == In;
            let mut choices: Vec<(bool, bool)> = pref
                .labellings
                .iter()
                .map(|l| {
                    assert_ne!(has(l, "guarantees"), has(l, "open-door"), "{support:?}");
                    assert_ne!(
                        has(l, "enlargement-expense"),
                        has(l, "nato-defensive"),
                        "{support:?}"
                    );
                    (has(l, "guarantees"), has(l, "enlargement-expense"))
                })
                .collect();
            choices.sort_unstable();
            assert_eq!(
                choices,
                [(false, false), (false, true), (true, false), (true, true)],
                "{support:?}"
            );
            for l in &pref.labellings {
                for n in PARA_8 {
                    assert!(has(l, n), "{n} {support:?}");
                }
                assert!(!has(l, "free-choice-grounds") && !has(l, "enlargement-argument"));
            }
        }
    }
}
