//! One element as written: a statement `[Title]: text` or an argument
//! `<Title>: text` with its tags and data, relation symbols, statement
//! numbers and inference lines, and backslash escapes.

/// A relation symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sym {
    /// `+`, `<+`: the child supports the parent.
    SupportIn,
    /// `+>`: the parent supports the child.
    SupportOut,
    /// `-`, `<-`: the child attacks the parent.
    AttackIn,
    /// `->`: the parent attacks the child.
    AttackOut,
    /// `_`, `<_`: the child undercuts the parent.
    UndercutIn,
    /// `_>`: the parent undercuts the child.
    UndercutOut,
    /// `><`: the two contradict each other.
    Contradiction,
}

/// The relation symbol at the start of a line, and the rest of the line.
pub(super) fn relation_symbol(text: &str) -> Option<(Sym, &str)> {
    const SYMBOLS: [(&str, Sym); 10] = [
        ("+>", Sym::SupportOut),
        ("->", Sym::AttackOut),
        ("<+", Sym::SupportIn),
        ("<-", Sym::AttackIn),
        ("><", Sym::Contradiction),
        ("_>", Sym::UndercutOut),
        ("<_", Sym::UndercutIn),
        ("+", Sym::SupportIn),
        ("-", Sym::AttackIn),
        ("_", Sym::UndercutIn),
    ];
    if text.starts_with("--") || text.starts_with("<!--") {
        return None;
    }
    SYMBOLS.iter().find_map(|&(s, sym)| {
        let rest = text.strip_prefix(s)?;
        if s == "_" && !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        Some((sym, rest.trim_start()))
    })
}

/// A `(n)` statement number at the start of a line, and the rest.
pub(super) fn statement_number(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('(')?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let rest = rest[digits..].strip_prefix(')')?;
    (digits > 0 && (rest.is_empty() || rest.starts_with([' ', '\t']))).then(|| rest.trim_start())
}

/// A line of hyphens only (an inference marker), with its length.
pub(super) fn hyphens(text: &str) -> Option<usize> {
    (text.len() >= 2 && text.chars().all(|c| c == '-')).then_some(text.len())
}

/// A statement or argument as written in one place.
#[derive(Clone, Debug, Default)]
pub(super) struct Element {
    /// `true` for `<…>`.
    pub(super) argument: bool,
    /// The title, when given.
    pub(super) title: Option<String>,
    /// The text (a definition), when given.
    pub(super) text: Option<String>,
    /// Tags.
    pub(super) tags: Vec<String>,
    /// `{…}` data blocks.
    pub(super) data: Vec<String>,
}

/// Reads an element from its text (continuation lines joined by spaces).
pub(super) fn element(raw: &str) -> Element {
    let (raw, data) = take_data(raw);
    let mut el = Element {
        data,
        ..Element::default()
    };
    let chars: Vec<char> = raw.trim().chars().collect();
    let mut rest: &[char] = &chars;
    if let Some(&open) = chars.first().filter(|c| matches!(c, '[' | '<')) {
        let close = if open == '[' { ']' } else { '>' };
        if let Some(end) = find_unescaped(&chars[1..], close).map(|k| k + 1) {
            let title = unescape(&chars[1..end].iter().collect::<String>());
            let link = open == '[' && chars.get(end + 1) == Some(&'(');
            if !link && !title.is_empty() {
                el.argument = open == '<';
                el.title = Some(title);
                rest = &chars[end + 1..];
                if rest.first() == Some(&':') {
                    rest = &rest[1..];
                    el.text = Some(String::new());
                }
            }
        }
    }
    let (text, tags) = take_tags(rest);
    el.tags = tags;
    let text = unescape(&text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if el.title.is_none() || el.text.is_some() || !text.is_empty() {
        el.text = Some(text);
    }
    el
}

/// The first unescaped `c`.
fn find_unescaped(chars: &[char], c: char) -> Option<usize> {
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == c {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Removes `{…}` data blocks (braces balanced, escapes skipped).
pub(super) fn take_data(raw: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = raw.chars().collect();
    // Where each `{` closes (every brace counted, as Argdown counts them
    // inside a block), found in one pass: an unclosed `{` costs nothing more.
    let mut close = vec![usize::MAX; chars.len()];
    let mut open = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        match c {
            '{' => open.push(k),
            '}' => {
                if let Some(o) = open.pop() {
                    close[o] = k;
                }
            }
            _ => {}
        }
    }
    let mut text = String::new();
    let mut data = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                text.extend(chars[i..chars.len().min(i + 2)].iter());
                i += 2;
            }
            '{' => {
                let j = close[i];
                if j == usize::MAX {
                    // Not closed: Argdown reads the brace as text.
                    text.push('{');
                    i += 1;
                    continue;
                }
                let inner: String = chars[i + 1..j].iter().collect();
                data.push(inner.trim().to_string());
                text.push(' ');
                i = j + 1;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    (text, data)
}

/// Finds tags; removes those at the end of the text (the others stay in
/// the text as written). Returns the text, still escaped, and the tags.
pub(super) fn take_tags(chars: &[char]) -> (String, Vec<String>) {
    let mut spans = Vec::new();
    // The first `)` at or after the last `#(` scanned from (`chars.len()`
    // when none): a run of unclosed `#(` is scanned once.
    let mut close = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        let starts = chars[i] == '#' && (i == 0 || chars[i - 1].is_whitespace());
        if starts {
            if chars.get(i + 1) == Some(&'(') {
                if close < i + 2 {
                    close = chars[i + 2..]
                        .iter()
                        .position(|&c| c == ')')
                        .map_or(chars.len(), |k| i + 2 + k);
                }
                if close < chars.len() {
                    let k = close - (i + 2);
                    let tag: String = chars[i + 2..i + 2 + k].iter().collect();
                    spans.push((i, i + 3 + k, tag.trim().to_string()));
                    i += 3 + k;
                    continue;
                }
            } else {
                let len = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                    .count();
                if len > 0 {
                    spans.push((i, i + 1 + len, chars[i + 1..=i + len].iter().collect()));
                    i += 1 + len;
                    continue;
                }
            }
        }
        i += 1;
    }
    let mut end = chars.len();
    for (start, stop, _) in spans.iter().rev() {
        if chars[*stop..end].iter().all(|c| c.is_whitespace()) {
            end = *start;
        } else {
            break;
        }
    }
    let tags = spans
        .into_iter()
        .map(|(_, _, t)| t)
        .filter(|t| !t.is_empty())
        .collect();
    (chars[..end].iter().collect(), tags)
}

/// Reads backslash escapes: `\c` is `c`.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_symbols_point_the_right_way() {
        assert_eq!(relation_symbol("+ [A]"), Some((Sym::SupportIn, "[A]")));
        assert_eq!(relation_symbol("<+ [A]"), Some((Sym::SupportIn, "[A]")));
        assert_eq!(relation_symbol("+> [A]"), Some((Sym::SupportOut, "[A]")));
        assert_eq!(relation_symbol("-> <A>"), Some((Sym::AttackOut, "<A>")));
        assert_eq!(relation_symbol("<- <A>"), Some((Sym::AttackIn, "<A>")));
        assert_eq!(relation_symbol("_ <A>"), Some((Sym::UndercutIn, "<A>")));
        assert_eq!(relation_symbol("_> <A>"), Some((Sym::UndercutOut, "<A>")));
        assert_eq!(relation_symbol(">< [A]"), Some((Sym::Contradiction, "[A]")));
        assert_eq!(relation_symbol("----"), None);
        assert_eq!(relation_symbol("_italic_ text"), None);
        assert_eq!(relation_symbol("[A]"), None);
    }

    #[test]
    fn elements_read_titles_texts_tags_and_data() {
        let el = element("[Choice]: Every state #(may) choose. #principle #(para 8) {a: 1}");
        assert!(!el.argument);
        assert_eq!(el.title.as_deref(), Some("Choice"));
        assert_eq!(el.text.as_deref(), Some("Every state #(may) choose."));
        assert_eq!(el.tags, ["may", "principle", "para 8"]);
        assert_eq!(el.data, ["a: 1"]);
        let el = element("<Arg> #tag");
        assert!(el.argument);
        assert_eq!(el.text, None);
        let el = element("[a link](https://example.org) opens the text");
        assert_eq!(el.title, None);
        assert_eq!(
            el.text.as_deref(),
            Some("[a link](https://example.org) opens the text")
        );
        for open in ["a {", "{", "a { b {c}", "[", "<", "#", "#(", "\\"] {
            let _ = element(open);
        }
        assert_eq!(element("a {").text.as_deref(), Some("a {"));
        let el = element("[T]: \\[not a title\\] \\#x");
        assert_eq!(el.text.as_deref(), Some("[not a title] #x"));
    }

    #[test]
    fn statement_numbers_and_inference_lines() {
        assert_eq!(statement_number("(12) text"), Some("text"));
        assert_eq!(statement_number("(a) text"), None);
        assert_eq!(statement_number("(1)text"), None);
        assert_eq!(hyphens("----"), Some(4));
        assert_eq!(hyphens("-"), None);
    }
}
