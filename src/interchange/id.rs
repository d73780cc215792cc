//! Node and relation ids made from names: the one slug function of the
//! crate ([`to_id`]), the namespace that keeps ids unique ([`Ids`]), and
//! the choice of words for an id made from a long text (`id_words`).
//!
//! Every importer (Argdown, AIF, Kialo, the ICCMA frameworks) names what it
//! reads through these two, so a name becomes the same id whatever format
//! it came from. The ids they make pass the map's id rule (lowercase ASCII
//! letters, digits, `-`, `_` and `.`, starting with a letter or digit, as
//! `load` checks it).

use std::collections::HashSet;

pub use crate::load::to_id;
use crate::model::RelationKind;

/// Words for a readable id: up to `words` words of the text, without a
/// leading article or trailing small words (`the`, `of`, `to`, …), so that
/// an id reads as a phrase.
pub(crate) fn id_words(text: &str, words: usize) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "but", "at", "by", "as",
        "is", "are", "be", "was", "that", "with", "from", "its", "it", "not", "would", "should",
        "will", "can", "may", "must", "has", "have",
    ];
    let small = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        SMALL.contains(&w.as_str())
    };
    let mut list: Vec<&str> = text.split_whitespace().collect();
    if list.len() > 1
        && list
            .first()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
    {
        list.remove(0);
    }
    list.truncate(words);
    while list.len() > 1 && list.last().is_some_and(|w| small(w)) {
        list.pop();
    }
    list.join(" ")
}

/// Hands out valid, unique ids (nodes and relations share one namespace).
#[derive(Clone, Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// An empty namespace.
    pub fn new() -> Self {
        Ids::default()
    }

    /// A fresh id made from `name` (see [`to_id`]), or from `fallback`
    /// when nothing of the name is left; `-2`, `-3`, … make it unique.
    pub fn make(&mut self, name: &str, fallback: &str) -> String {
        let base = to_id(name)
            .or_else(|| to_id(fallback))
            .unwrap_or_else(|| "node".to_string());
        self.unique(&base)
    }

    /// A fresh id for the relation of kind `kind` from node `from` to
    /// `to`, for when something undercuts a relation that has none:
    /// `from-kind-to`, made unique.
    pub fn relation(&mut self, from: &str, kind: RelationKind, to: &str) -> String {
        self.make(&format!("{from}-{}-{to}", kind.as_str()), "relation")
    }

    /// `base` itself when free, else `base-2`, `base-3`, …
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut k = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }

    /// Whether `id` is taken.
    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_words_read_as_phrases() {
        assert_eq!(
            id_words("The city centre should be car-free.", 6),
            "city centre should be car-free."
        );
        assert_eq!(
            id_words("A solar park on the old airfield", 4),
            "solar park"
        );
        assert_eq!(id_words("The", 6), "The");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::new();
        assert_eq!(
            ids.make("Free choice of alliances", "s1"),
            "free-choice-of-alliances"
        );
        assert_eq!(
            ids.make("Free choice of alliances!", "s1"),
            "free-choice-of-alliances-2"
        );
        assert_eq!(ids.make("«»", "s1"), "s1");
        assert_eq!(ids.make("", ""), "node");
        assert_eq!(
            ids.relation("a", RelationKind::Supports, "b"),
            "a-supports-b"
        );
        assert!(ids.contains("a-supports-b"));
    }
}
