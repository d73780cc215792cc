//! Semantics against brute force on random small frameworks (proptest),
//! and the textbook examples.

use std::collections::BTreeSet;

use argmap::semantics::search::{
    DEFAULT_STEPS, Semantics, all_labellings, extensions, find_with, preferred,
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
