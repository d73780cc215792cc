//! Semantics against brute force on random small frameworks (proptest),
//! and the textbook examples.

use std::collections::BTreeSet;

use argmap::semantics::search::{
    DEFAULT_STEPS, Semantics, all_labellings, extensions, find_with, preferred, some_preferred,
};
use argmap::semantics::{Framework, Label, grounded};
use proptest::prelude::*;

type Ext = BTreeSet<usize>;

fn ins(labels: &[Label]) -> Ext {
    (0..labels.len())
        .filter(|&i| labels[i] == Label::In)
        .collect()
}

/// The definitions of Dung 1995, checked over every subset.
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
    fn stable(&self, s: &Ext) -> bool {
        self.conflict_free(s)
            && (0..self.n).all(|a| s.contains(&a) || s.iter().any(|&c| self.attacks(c, a)))
    }
    fn subsets(&self) -> Vec<Ext> {
        (0u32..1 << self.n)
            .map(|m| (0..self.n).filter(|&i| m & (1 << i) != 0).collect())
            .collect()
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
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn semantics_match_the_definitions((n, attacks) in framework()) {
        let af = build(n, &attacks);
        let brute = Brute { n, attacks: attacks.clone() };
        let subsets = brute.subsets();

        let complete: BTreeSet<Ext> = all_labellings(&af, false, DEFAULT_STEPS).unwrap().iter().map(|l| ins(l)).collect();
        let expected: BTreeSet<Ext> = subsets.iter().filter(|s| brute.complete(s)).cloned().collect();
        prop_assert_eq!(&complete, &expected);

        let stable: BTreeSet<Ext> = all_labellings(&af, true, DEFAULT_STEPS).unwrap().iter().map(|l| ins(l)).collect();
        let expected_stable: BTreeSet<Ext> = subsets.iter().filter(|s| brute.stable(s)).cloned().collect();
        prop_assert_eq!(&stable, &expected_stable);

        let pref: BTreeSet<Ext> = preferred(&af, DEFAULT_STEPS).unwrap().iter().map(|l| ins(l)).collect();
        let admissible: Vec<&Ext> = subsets.iter().filter(|s| brute.admissible(s)).collect();
        let expected_pref: BTreeSet<Ext> = admissible
            .iter()
            .filter(|s| !admissible.iter().any(|t| t.len() > s.len() && s.is_subset(t)))
            .map(|s| (*s).clone())
            .collect();
        prop_assert_eq!(&pref, &expected_pref);

        // The SCC-decomposed enumeration gives the same sets, each once.
        for (semantics, want) in [
            (Semantics::Complete, &expected),
            (Semantics::Stable, &expected_stable),
            (Semantics::Preferred, &expected_pref),
        ] {
            let found = extensions(&af, semantics, usize::MAX, DEFAULT_STEPS).unwrap();
            prop_assert!(!found.truncated);
            let sets: Vec<Ext> = found.labellings.iter().map(|l| ins(l)).collect();
            let unique: BTreeSet<Ext> = sets.iter().cloned().collect();
            prop_assert_eq!(unique.len(), sets.len());
            prop_assert_eq!(&unique, want);
            // Every labelling is a legal complete labelling.
            for l in &found.labellings {
                for a in 0..n {
                    let attackers: Vec<Label> = attacks.iter().filter(|p| p.1 == a).map(|p| l[p.0]).collect();
                    let legal = match l[a] {
                        Label::In => attackers.iter().all(|&x| x == Label::Out),
                        Label::Out => attackers.contains(&Label::In),
                        Label::Undecided => !attackers.contains(&Label::In) && attackers.contains(&Label::Undecided),
                    };
                    prop_assert!(legal, "argument {} in {:?}", a, l);
                }
            }
            // A limit stops the enumeration and says so.
            if want.len() > 1 {
                let one = extensions(&af, semantics, 1, DEFAULT_STEPS).unwrap();
                prop_assert!(one.truncated && one.labellings.len() == 1);
            }
            let exact = extensions(&af, semantics, want.len().max(1), DEFAULT_STEPS).unwrap();
            prop_assert!(!exact.truncated);
        }

        // One preferred labelling found by growth is one of them.
        let one = some_preferred(&af, DEFAULT_STEPS).unwrap();
        prop_assert!(expected_pref.contains(&ins(&one)), "{:?}", one);

        // The grounded extension is the least complete one.
        let g = ins(&grounded(&af));
        prop_assert!(complete.contains(&g));
        prop_assert!(complete.iter().all(|c| g.is_subset(c)));
        // Every stable extension is preferred.
        prop_assert!(stable.is_subset(&pref));

        // Credulous acceptance by a forced search agrees with enumeration.
        for a in 0..n {
            let found = find_with(&af, false, a, Label::In, DEFAULT_STEPS).unwrap();
            prop_assert_eq!(found.is_some(), complete.iter().any(|c| c.contains(&a)));
            if let Some(l) = found {
                prop_assert!(expected.contains(&ins(&l)) && l[a] == Label::In);
            }
        }
    }
}

#[test]
fn textbook_examples() {
    // Nixon diamond: two preferred extensions, both stable; grounded empty.
    let af = build(2, &[(0, 1), (1, 0)]);
    assert_eq!(preferred(&af, DEFAULT_STEPS).unwrap().len(), 2);
    assert_eq!(all_labellings(&af, true, DEFAULT_STEPS).unwrap().len(), 2);
    // Odd cycle: no stable extension, one (empty) preferred.
    let af = build(3, &[(0, 1), (1, 2), (2, 0)]);
    assert!(all_labellings(&af, true, DEFAULT_STEPS).unwrap().is_empty());
    assert_eq!(
        preferred(&af, DEFAULT_STEPS)
            .unwrap()
            .iter()
            .map(|l| ins(l))
            .collect::<Vec<_>>(),
        [Ext::new()]
    );
    // Floating reinstatement: d is in every preferred extension but not grounded.
    let af = build(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
    let pref = preferred(&af, DEFAULT_STEPS).unwrap();
    assert_eq!(pref.len(), 2);
    assert!(pref.iter().all(|l| l[3] == Label::In));
    assert_eq!(grounded(&af)[3], Label::Undecided);
}

mod maps {
    //! Maps read as frameworks: the readings of support, flattening, and
    //! the Istanbul map's two positions.

    use argmap::semantics::map::{MapFramework, Support};
    use argmap::semantics::search::{DEFAULT_STEPS, Semantics, extensions};
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
        assert_eq!(why, "out: attacked by `b` (which attacks `c`), which is in");
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
            "out: attacked by `u` (undercut), which is in"
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
        let pref = extensions(&f.framework, Semantics::Preferred, 10, DEFAULT_STEPS).unwrap();
        assert_eq!(pref.labellings.len(), 2);
        let why = f.explain(&pref.labellings[0], 0);
        assert!(
            why == "in: every attacker is out: `b` (contradicts it), attacked by `a`",
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
                labels(
                    &f,
                    &["conditional-choice", "russia-signed", "nato-defensive"]
                ),
                [In; 3],
                "{support:?}"
            );
            assert!(attacks(&f, "conditional-choice", "free-choice-grounds"));
            assert!(attacks(&f, "russia-signed", "enlargement-argument"));
            assert!(attacks(&f, "nato-defensive", "enlargement-argument"));
            assert!(
                attacks(&f, "open-door", "guarantees") && attacks(&f, "guarantees", "open-door")
            );
            // Nothing attacks a sentence of paragraph 8, whatever the reading.
            for n in PARA_8 {
                assert!(f.attackers(at(n)).is_empty(), "{n} {support:?}");
            }
            // Preferred: two extensions, one per side's position; the text
            // is in both, and neither inference is in either.
            let pref = extensions(&f.framework, Semantics::Preferred, 10, DEFAULT_STEPS).unwrap();
            assert_eq!(pref.labellings.len(), 2, "{support:?}");
            let has = |l: &[Label], n: &str| l[at(n)] == In;
            let nato = pref
                .labellings
                .iter()
                .find(|l| has(l, "open-door"))
                .unwrap();
            let russia = pref
                .labellings
                .iter()
                .find(|l| has(l, "guarantees"))
                .unwrap();
            assert!(
                !has(nato, "guarantees") && !has(russia, "open-door"),
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
