//! A framework as a map: one claim per argument, with its attacks, built
//! as a [`Draft`] like every other importer's.

use super::NamedFramework;
use crate::interchange::{Draft, DraftNode, DraftRelation, DraftStyle, Ids, to_id};
use crate::model::RelationKind;

/// A map of a framework: one claim per argument, with its attacks.
///
/// Argument names become node ids: kept when they are valid ids, else made
/// by [`to_id`] (the name is kept as the label), made unique with a numeric
/// suffix. Unnamed (`.af`) arguments, and names with nothing usable, are
/// `a1`, `a2`, … (by position). A map cannot say that a node attacks
/// itself, so a self-attacking argument `x` gets two helper claims,
/// `x.loop-1` and `x.loop-2`, with `x → x.loop-1 → x.loop-2 → x`: an odd
/// cycle that gives `x` the same status as a self-attack under every
/// semantics here.
///
/// The draft is written in [`DraftStyle::Quoted`]: names in a framework
/// file can look like anything. It has no losses: a framework holds
/// nothing a map cannot.
///
/// # Complexity
/// O(n + m) for n arguments and m attacks.
pub fn to_draft(named: &NamedFramework, title: &str) -> Draft {
    let mut draft = head(named, title);
    draft.nodes.reserve(named.framework.len());
    nodes(named, |node| draft.nodes.push(node));
    draft
}

/// [`to_draft`] written as a map file: the same text as
/// `to_draft(named, title).to_yaml()`, but each node is written as soon as
/// it is made, so that a framework of millions of arguments never stands
/// in memory as a whole draft.
pub fn to_map(named: &NamedFramework, title: &str) -> String {
    let head = head(named, title);
    let mut s = head.yaml_head();
    nodes(named, |node| node.write_yaml(head.style, &mut s));
    s
}

/// The draft without its nodes: title, summary and style.
fn head(named: &NamedFramework, title: &str) -> Draft {
    let af = &named.framework;
    let plural = |k: usize, one: &str| format!("{k} {one}{}", if k == 1 { "" } else { "s" });
    Draft {
        title: title.to_string(),
        summary: Some(format!(
            "An abstract argumentation framework of {} and {}.",
            plural(af.len(), "argument"),
            plural(af.attack_count(), "attack")
        )),
        style: DraftStyle::Quoted,
        ..Draft::default()
    }
}

/// Makes the nodes, in order, handing each to `emit`.
fn nodes(named: &NamedFramework, mut emit: impl FnMut(DraftNode)) {
    let af = &named.framework;
    let n = af.len();
    let mut used = Ids::new();
    let mut ids = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let (base, label) = match &named.names {
            Some(names) if crate::load::id_syntax(&names[i]).is_ok() => (names[i].clone(), None),
            Some(names) => (
                to_id(&names[i]).unwrap_or_else(|| format!("a{}", i + 1)),
                Some(names[i].clone()),
            ),
            None => (format!("a{}", i + 1), None),
        };
        ids.push(used.unique(&base));
        labels.push(label);
    }
    // Helpers for self-attacks, named after every argument has its id.
    let loops: Vec<Option<(String, String)>> = (0..n)
        .map(|a| {
            af.attacked_by(a).contains(&idx(a)).then(|| {
                (
                    used.unique(&format!("{}.loop-1", ids[a])),
                    used.unique(&format!("{}.loop-2", ids[a])),
                )
            })
        })
        .collect();
    let attack = |to: &str| DraftRelation::new(RelationKind::Attacks, to);
    for (a, (id, label)) in ids.iter().zip(labels).enumerate() {
        let mut relations: Vec<DraftRelation> = af
            .attacked_by(a)
            .iter()
            .filter(|&&b| b as usize != a)
            .map(|&b| attack(&ids[b as usize]))
            .collect();
        if let Some((first, _)) = &loops[a] {
            relations.push(attack(first));
        }
        emit(DraftNode {
            id: id.clone(),
            text: format!("Argument {}", named.name(a)),
            label,
            relations,
            ..DraftNode::default()
        });
        if let Some((first, second)) = &loops[a] {
            for (k, helper, next) in [(1, first, second), (2, second, id)] {
                emit(DraftNode {
                    id: helper.clone(),
                    text: format!(
                        "Helper {k} of 2: with `{id}` an odd cycle, which says that `{id}` attacks itself."
                    ),
                    tags: vec!["self-attack".to_string()],
                    relations: vec![attack(next)],
                    ..DraftNode::default()
                });
            }
        }
    }
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::Framework;

    #[test]
    fn names_become_ids_and_labels() {
        let named = NamedFramework {
            framework: Framework::new(4, &[(0, 1), (2, 2)]),
            names: Some(vec![
                "A".into(),
                "a".into(),
                "Free Choice!".into(),
                "x.y".into(),
            ]),
        };
        let yaml = to_map(&named, "T");
        assert_eq!(yaml, to_draft(&named, "T").to_yaml());
        assert!(
            yaml.starts_with("argmap: 1\ntitle: \"T\"\nsummary: An abstract argumentation framework of 4 arguments and 2 attacks.\nnodes:\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("  a:\n    text: \"Argument A\"\n    label: \"A\"\n    attacks: [a-2]\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("  a-2:\n    text: \"Argument a\"\n"),
            "{yaml}"
        );
        // No trailing dash; a self-attack becomes an odd cycle of helpers.
        assert!(
            yaml.contains("  free-choice:\n    text: \"Argument Free Choice!\"\n    label: \"Free Choice!\"\n    attacks: [free-choice.loop-1]\n  free-choice.loop-1:\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("    tags: [self-attack]\n    attacks: [free-choice]\n"),
            "{yaml}"
        );
        // A valid id is kept as it is, without a label.
        assert!(
            yaml.ends_with("  x.y:\n    text: \"Argument x.y\"\n"),
            "{yaml}"
        );
        let source = crate::SourceFile::new("t.yaml", yaml);
        let checked = crate::check(&source, &crate::CheckOptions::default());
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    }

    #[test]
    fn numbers_are_quoted_ids() {
        let named = NamedFramework {
            framework: Framework::new(2, &[(0, 1)]),
            names: Some(vec!["1".into(), "null".into()]),
        };
        let yaml = to_map(&named, "T");
        assert!(
            yaml.contains("  \"1\":\n    text: \"Argument 1\"\n    attacks: [\"null\"]\n"),
            "{yaml}"
        );
        let unnamed = NamedFramework {
            framework: Framework::new(2, &[(1, 0)]),
            names: None,
        };
        assert!(
            to_map(&unnamed, "T").contains("  a2:\n    text: \"Argument 2\"\n    attacks: [a1]\n")
        );
    }
}
