//! The one slug function of the crate: a valid id made from any name
//! ([`to_id`]). The importers name what they read with it, and the loader
//! suggests it as the fix for an invalid id, so a name becomes the same id
//! wherever it is met.

use unicode_normalization::UnicodeNormalization;

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
/// use argmap::load::to_id;
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
}
