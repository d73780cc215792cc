//! Text helpers shared by every output: escaping for HTML and Markdown, and
//! shortening a text to fit a column or a label.
//!
//! Everything a map says passes through one of these before it reaches
//! markup, so that a map cannot inject markup or script into a drawing or a
//! report.

/// Escapes text for HTML content and attribute values (also Graphviz's
/// HTML-like labels): `&`, `<`, `>`, `"` and `'` become entities; control
/// characters other than line breaks and tabs are dropped, as neither HTML
/// nor Graphviz can show them.
///
/// # Example
/// ```
/// assert_eq!(argmap::text::escape_html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::new();
    push_escaped_html(&mut out, s);
    out
}

/// [`escape_html`] of `s`, onto the end of `out`.
pub fn push_escaped_html(out: &mut String, s: &str) {
    // Most text holds nothing to escape or drop (no markup character, no
    // control character but tab and line feed, no C1 control).
    if !s.bytes().any(|b| {
        matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0x7f | 0xc2)
            || (b < 0x20 && b != b'\n' && b != b'\t')
    }) {
        out.push_str(s);
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Escapes text for a Markdown paragraph or table cell: markup characters
/// are backslash-escaped, HTML is made inert, line breaks become spaces.
///
/// # Example
/// ```
/// assert_eq!(argmap::text::escape_markdown("*a* | <b>"), "\\*a\\* \\| &lt;b&gt;");
/// ```
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a path for a URI: every byte but ASCII letters, digits,
/// `-`, `.`, `_`, `~` and `/`.
///
/// # Example
/// ```
/// assert_eq!(argmap::text::percent_encode_path("a map/é.yaml"), "a%20map/%C3%A9.yaml");
/// ```
pub fn percent_encode_path(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Shortens a text to at most `max` characters: runs of white space become
/// one space, and a text that is too long is cut after the last whole word
/// that fits (inside a word only when the first word alone is too long),
/// loses trailing punctuation, and ends in `…` (counted in `max`).
///
/// # Example
/// ```
/// use argmap::text::truncate;
/// assert_eq!(truncate("every  state\nmay choose", 14), "every state…");
/// assert_eq!(truncate("short", 12), "short");
/// assert_eq!(truncate("unbreakable", 6), "unbre…");
/// ```
pub fn truncate(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let len = |s: &str| s.chars().count();
    let whole = words.iter().map(|w| len(w)).sum::<usize>() + words.len().saturating_sub(1);
    if whole <= max {
        return words.join(" ");
    }
    let room = max.saturating_sub(1);
    let mut out = String::new();
    let mut out_len = 0;
    for word in words {
        if out_len > 0 && out_len + 1 + len(word) > room {
            break;
        }
        if out_len > 0 {
            out.push(' ');
            out_len += 1;
        }
        out.push_str(word);
        out_len += len(word);
    }
    if out_len > room {
        out = out.chars().take(room).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A name without a closing parenthesis: "War on the Rocks (analysis)" →
/// "War on the Rocks".
pub fn without_closing_parenthesis(name: &str) -> &str {
    let name = name.trim();
    match name.rfind(" (") {
        Some(k) if name.ends_with(')') && k > 0 => &name[..k],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape_html("<script>alert('x')</script>\u{7}&"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
        assert_eq!(escape_html("a\nb\tc"), "a\nb\tc");
    }

    #[test]
    fn markdown_cannot_open_markup() {
        assert_eq!(escape_markdown("[x](y) `z`\n#"), "\\[x\\](y) \\`z\\` \\#");
    }

    #[test]
    fn truncate_counts_characters_and_cuts_after_words() {
        assert_eq!(truncate("æøå æøå æøå", 8), "æøå æøå…");
        assert_eq!(truncate("æøå æøå æøå", 7), "æøå…");
        assert_eq!(truncate("", 3), "");
        assert_eq!(truncate("abcdef", 1), "…");
        assert_eq!(truncate("one, two, three", 10), "one, two…");
        assert!(truncate(&"word ".repeat(40), 60).chars().count() <= 60);
    }
}
