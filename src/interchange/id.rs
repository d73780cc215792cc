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

use unicode_normalization::UnicodeNormalization;

use crate::model::RelationKind;

/// The longest id [`to_id`] makes (the map allows 128; ids are typed by
/// hand, so shorter reads better).
const MAX_LEN: usize = 64;

/// A valid node id for a name, or `None` when nothing of the name is left.
///
/// The name is lowercased; letters with a customary ASCII spelling are
/// transliterated (`æ` → `ae`, `ø` → `oe`, `å` → `aa`, `ä` → `ae`, `ö` →
/// `oe`, `ü` → `ue`, `ß` → `ss`, `œ` → `oe`, `þ` → `th`), other accented
/// Latin letters lose their accents (`é` → `e`, `ñ` → `n`), apostrophes
/// are dropped (`centre's` → `centres`), and every run of other
/// characters becomes one `-`. The id never starts or ends with `-` or
/// `.`, never holds `--`, and is at most 64 bytes long, cut after a whole
/// word when one ends in the second half.
///
/// # Example
/// ```
/// use argmap::interchange::to_id;
/// assert_eq!(to_id("Free choice!").as_deref(), Some("free-choice"));
/// assert_eq!(to_id("Søren på bærtur").as_deref(), Some("soeren-paa-baertur"));
/// assert_eq!(to_id("«»"), None);
/// ```
pub fn to_id(name: &str) -> Option<String> {
    let mut id = String::new();
    let mut dash = false;
    let mut push = |id: &mut String, c: char| {
        if c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || (matches!(c, '_' | '.') && !id.is_empty())
        {
            if dash && !id.is_empty() {
                id.push('-');
            }
            dash = false;
            id.push(c);
        } else {
            dash = true;
        }
    };
    for c in name.chars().flat_map(char::to_lowercase) {
        // "centre's" → "centres", not "centre-s"; a lone combining mark
        // belongs to the letter before it.
        if matches!(c, '\'' | '\u{2019}') || is_combining(c) {
            continue;
        }
        if let Some(ascii) = transliteration(c) {
            for c in ascii.chars() {
                push(&mut id, c);
            }
        } else if c.is_ascii() {
            push(&mut id, c);
        } else {
            // An accented letter decomposes into its base and combining
            // marks: keep the base when it is ASCII.
            let mut base = c.nfd().filter(|c| !is_combining(*c));
            match (base.next(), base.next()) {
                (Some(b), None) if b.is_ascii_alphanumeric() => push(&mut id, b),
                _ => push(&mut id, '-'),
            }
        }
        if id.len() > MAX_LEN {
            break;
        }
    }
    if id.len() > MAX_LEN {
        // Cut after a whole word when that keeps at least half.
        let cut = id[..=MAX_LEN]
            .rfind('-')
            .filter(|&i| i >= MAX_LEN / 2)
            .unwrap_or(MAX_LEN);
        id.truncate(cut);
    }
    let id = id.trim_end_matches(['-', '.']).to_string();
    crate::load::id_syntax(&id).is_ok().then_some(id)
}

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

/// The customary ASCII spelling of a lowercase letter that has one other
/// than dropping its accent.
fn transliteration(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' | 'ä' => "ae",
        'ø' | 'ö' | 'œ' => "oe",
        'å' => "aa",
        'ü' => "ue",
        'ß' => "ss",
        'þ' => "th",
        'ð' | 'đ' => "d",
        'ł' => "l",
        'ı' => "i",
        _ => return None,
    })
}

/// Whether `c` is a combining mark (the accents NFD splits off).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
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

    fn id(name: &str) -> Option<String> {
        to_id(name)
    }

    #[test]
    fn names_become_valid_readable_ids() {
        for (name, want) in [
            ("Free choice of alliances", "free-choice-of-alliances"),
            ("Free Choice!", "free-choice"),
            ("\"x y\"", "x-y"),
            ("The centre's plan", "the-centres-plan"),
            ("a  --  b", "a-b"),
            ("--lead", "lead"),
            ("trail-", "trail"),
            ("end.", "end"),
            ("_x", "x"),
            ("a_b.c", "a_b.c"),
            ("r/x", "r-x"),
            ("007", "007"),
            ("x.loop-1", "x.loop-1"),
        ] {
            assert_eq!(id(name).as_deref(), Some(want), "{name:?}");
        }
    }

    #[test]
    fn letters_are_transliterated_alike() {
        for (name, want) in [
            ("blåbær", "blaabaer"),
            ("Søren", "soeren"),
            ("Ærø", "aeroe"),
            ("Sikkerhet på bekostning", "sikkerhet-paa-bekostning"),
            ("Straße", "strasse"),
            ("Größe über", "groesse-ueber"),
            ("Œuvre", "oeuvre"),
            ("Þór", "thor"),
            ("café crème", "cafe-creme"),
            ("Ünï", "ueni"),
            ("niño", "nino"),
            ("Łódź", "lodz"),
        ] {
            assert_eq!(id(name).as_deref(), Some(want), "{name:?}");
        }
    }

    #[test]
    fn nothing_left_is_none() {
        for name in ["", "--", "«»", "Ελλάδα", "日本", "...", "_"] {
            assert_eq!(id(name), None, "{name:?}");
        }
    }

    #[test]
    fn long_names_are_cut_after_a_word() {
        let long = "word ".repeat(40);
        let cut = id(&long).unwrap();
        assert!(cut.len() <= MAX_LEN, "{cut}");
        assert!(cut.ends_with("word") && !cut.contains("--"), "{cut}");
        let one = "x".repeat(100);
        assert_eq!(id(&one).unwrap().len(), MAX_LEN);
        // A word boundary too early is not used.
        let early = format!("ab {}", "y".repeat(100));
        assert_eq!(id(&early).unwrap().len(), MAX_LEN);
    }

    #[test]
    fn every_id_passes_the_map_rule() {
        for name in [
            "Free choice",
            "ø",
            "-.-a",
            ".a",
            "a.-",
            "Ä",
            "x\u{301}",
            "\u{301}a",
            "1 2 3",
        ] {
            if let Some(id) = id(name) {
                assert!(crate::load::id_syntax(&id).is_ok(), "{name:?} → {id:?}");
                assert!(
                    !id.contains("--") && !id.ends_with('-'),
                    "{name:?} → {id:?}"
                );
            }
        }
    }

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
