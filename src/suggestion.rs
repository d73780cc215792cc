//! "Did you mean …?" suggestions for misspelt names.

/// The candidate closest to `name` by Levenshtein distance, if it is close
/// enough to be a likely typo (distance below 3, and below the length of
/// `name` so that very short names do not match everything).
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = name.chars().count();
    let limit = 3.min(len);
    candidates
        .into_iter()
        // The edit distance is at least the difference in length: that
        // cheap test rules most candidates out before the real comparison.
        .filter(|c| *c != name && c.chars().count().abs_diff(len) < limit)
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|&(d, _)| d < limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            closest("suports", ["supports", "attacks"]),
            Some("supports")
        );
        assert_eq!(closest("natoo", ["nato", "usa"]), Some("nato"));
        assert_eq!(closest("xyz", ["supports"]), None);
        assert_eq!(closest("a", ["b", "c"]), None);
    }
}
