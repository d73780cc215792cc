//! What the importers share beyond the draft itself: short names for ids
//! and labels, and a support graph that keeps imports free of circular
//! support (`E204`), the one rule an importer cannot check one relation at
//! a time.
//!
//! The guard refuses an edge *before* it closes a circle, one edge at a
//! time, on a draft's string ids; `check::rules::circular_support` finds
//! the circles already in a loaded map, all at once, with their paths. The
//! two answer different questions and share no code.

use std::collections::{HashMap, HashSet};

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

/// A short label for a long text: whole words up to about `max` characters
/// and an ellipsis, or `None` when the text is short enough to show as is.
pub(crate) fn short_label(text: &str, max: usize) -> Option<String> {
    if text.chars().count() <= max && !text.contains('\n') {
        return None;
    }
    let mut label = String::new();
    for word in text.split_whitespace() {
        if !label.is_empty() && label.chars().count() + 1 + word.chars().count() > max {
            break;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(word);
    }
    if label.chars().count() > max {
        label = label.chars().take(max).collect();
    }
    let label = label.trim_end_matches([',', ';', ':', '.', ' ']);
    Some(format!("{label}…"))
}

/// Edges of support between node ids (`supports`, premise → argument,
/// argument → conclusion), added one at a time.
#[derive(Debug, Default)]
pub(crate) struct SupportGraph {
    out: HashMap<String, Vec<String>>,
}

impl SupportGraph {
    /// Whether `to` can be reached from `from` (a node reaches itself).
    pub(crate) fn reaches(&self, from: &str, to: &str) -> bool {
        if from == to {
            return true;
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for next in self.out.get(n).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.as_str()) {
                    stack.push(next.as_str());
                }
            }
        }
        false
    }

    /// Adds an edge.
    pub(crate) fn add(&mut self, from: &str, to: &str) {
        self.out
            .entry(from.to_string())
            .or_default()
            .push(to.to_string());
    }

    /// Adds `from` supports `to`, unless `to` already reaches `from` (the
    /// support would close a circle); whether it was added.
    pub(crate) fn add_support(&mut self, from: &str, to: &str) -> bool {
        if self.reaches(to, from) {
            return false;
        }
        self.add(from, to);
        true
    }

    /// Adds argument `id` with its edges (each premise → `id` →
    /// `conclusion`), unless the conclusion already reaches one of the
    /// premises (the argument would close a circle); whether it was added.
    pub(crate) fn add_argument<'a>(
        &mut self,
        id: &str,
        premises: impl IntoIterator<Item = &'a str> + Clone,
        conclusion: &str,
    ) -> bool {
        if premises
            .clone()
            .into_iter()
            .any(|p| self.reaches(conclusion, p))
        {
            return false;
        }
        for p in premises {
            self.add(p, id);
        }
        self.add(id, conclusion);
        true
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
    fn labels_cut_at_words() {
        assert_eq!(short_label("short", 20), None);
        assert_eq!(
            short_label("one two three four five six", 14).as_deref(),
            Some("one two three…")
        );
    }

    #[test]
    fn reachability() {
        let mut g = SupportGraph::default();
        g.add("a", "b");
        g.add("b", "c");
        assert!(g.reaches("a", "c"));
        assert!(!g.reaches("c", "a"));
        assert!(!g.add_support("c", "a"));
        assert!(g.add_support("a", "d"));
        // An argument from `c` to `a` would close a circle, from `a` to `e`
        // not.
        assert!(!g.add_argument("x", ["c"], "a"));
        assert!(!g.reaches("c", "x"));
        assert!(g.add_argument("y", ["a", "d"], "e"));
        assert!(g.reaches("d", "e"));
    }
}
