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
    let mut out = String::with_capacity(s.len());
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
    out
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

/// Shortens a text to at most `max` characters: runs of white space become
/// one space, and a text that is too long is cut at a character boundary
/// and ends in `…` (counted in `max`).
///
/// # Example
/// ```
/// assert_eq!(argmap::text::truncate("every  state\nmay choose", 12), "every state…");
/// assert_eq!(argmap::text::truncate("short", 12), "short");
/// ```
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
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
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("æøå æøå æøå", 6), "æøå æ…");
        assert_eq!(truncate("", 3), "");
        assert_eq!(truncate("abcdef", 1), "…");
    }
}
