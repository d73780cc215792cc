//! A framework as a map: one claim per argument, with its attacks.

use std::fmt::Write as _;

use super::NamedFramework;
use crate::interchange::{yaml_key as key, yaml_quote as quote};

/// A map of a framework: one claim per argument, with its attacks.
///
/// Argument names become node ids: kept when they are valid ids, else
/// lowercased with other characters replaced by `-` (the name is kept as
/// the label), made unique with a numeric suffix. Unnamed (`.af`)
/// arguments, and names with nothing usable, are `a1`, `a2`, … (by
/// position). A map cannot say that a node attacks
/// itself, so a self-attacking argument `x` gets two helper claims,
/// `x.loop-1` and `x.loop-2`, with `x → x.loop-1 → x.loop-2 → x`: an odd
/// cycle that gives `x` the same status as a self-attack under every
/// semantics here.
pub fn to_map(named: &NamedFramework, title: &str) -> String {
    let af = &named.framework;
    let n = af.len();
    let mut ids_in_use = crate::interchange::Ids::new();
    let mut unique = |base: String| ids_in_use.unique(&base);
    let mut ids = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let (base, label) = match &named.names {
            Some(names) => match to_id(&names[i]) {
                Some(id) if id == names[i] => (id, None),
                Some(id) => (id, Some(names[i].clone())),
                None => (format!("a{}", i + 1), Some(names[i].clone())),
            },
            None => (format!("a{}", i + 1), None),
        };
        ids.push(unique(base));
        labels.push(label);
    }
    // Helpers for self-attacks, named after every argument has its id.
    let loops: Vec<Option<(String, String)>> = (0..n)
        .map(|a| {
            af.attacked_by(a).contains(&idx(a)).then(|| {
                (
                    unique(format!("{}.loop-1", ids[a])),
                    unique(format!("{}.loop-2", ids[a])),
                )
            })
        })
        .collect();
    let mut s = String::new();
    let _ = writeln!(s, "argmap: 1");
    let _ = writeln!(s, "title: {}", quote(title));
    let plural = |k: usize, one: &str| format!("{k} {one}{}", if k == 1 { "" } else { "s" });
    let _ = writeln!(
        s,
        "summary: An abstract argumentation framework of {} and {}.",
        plural(n, "argument"),
        plural(af.attack_count(), "attack")
    );
    let _ = writeln!(s, "nodes:");
    for a in 0..n {
        let id = &ids[a];
        let _ = writeln!(s, "  {}:", key(id));
        let _ = writeln!(
            s,
            "    text: {}",
            quote(&format!("Argument {}", named.name(a)))
        );
        if let Some(label) = &labels[a] {
            let _ = writeln!(s, "    label: {}", quote(label));
        }
        let mut list: Vec<String> = af
            .attacked_by(a)
            .iter()
            .filter(|&&b| b as usize != a)
            .map(|&b| key(&ids[b as usize]))
            .collect();
        if let Some((first, _)) = &loops[a] {
            list.push(key(first));
        }
        if !list.is_empty() {
            let _ = writeln!(s, "    attacks: [{}]", list.join(", "));
        }
        if let Some((first, second)) = &loops[a] {
            for (k, helper, next) in [(1, first, second), (2, second, id)] {
                let _ = writeln!(s, "  {}:", key(helper));
                let _ = writeln!(
                    s,
                    "    text: {}",
                    quote(&format!(
                        "Helper {k} of 2: with `{id}` an odd cycle, which says that `{id}` attacks itself."
                    ))
                );
                let _ = writeln!(s, "    tags: [self-attack]");
                let _ = writeln!(s, "    attacks: [{}]", key(next));
            }
        }
    }
    s
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A valid node id for a name, or `None` when nothing of it is left.
fn to_id(name: &str) -> Option<String> {
    let id: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take(100)
        .collect();
    crate::load::id_syntax(&id).is_ok().then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::Framework;

    #[test]
    fn ids_are_valid_and_unique() {
        assert_eq!(to_id("Free Choice!").as_deref(), Some("free-choice-"));
        assert_eq!(to_id("\"x y\"").as_deref(), Some("x-y-"));
        assert_eq!(to_id("Ünï").as_deref(), Some("n-"));
        assert_eq!(to_id("--"), None);
        assert_eq!(key("1"), "\"1\"");
        assert_eq!(key("null"), "\"null\"");
        assert_eq!(key("a1"), "a1");
        let named = NamedFramework {
            framework: Framework::new(2, &[(0, 1)]),
            names: Some(vec!["A".into(), "a".into()]),
        };
        let yaml = to_map(&named, "T");
        assert!(
            yaml.contains("  a:\n    text: \"Argument A\"\n    label: \"A\"\n    attacks: [a-2]\n")
        );
        assert!(yaml.contains("  a-2:\n"));
    }
}
