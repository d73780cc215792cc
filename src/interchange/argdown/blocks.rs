//! The first step of the import: the front matter (`===` … `===`),
//! comments (`//`, `/* */`, `<!-- -->`) and the cutting of the document
//! into blocks of lines separated by blank lines.

use super::Reader;
use crate::interchange::{ImportError, Loss};

/// One line of the document after comments are removed.
#[derive(Clone, Debug)]
pub(super) struct Line {
    /// 1-based line number.
    pub(super) no: usize,
    /// Columns of leading whitespace (a tab counts as 4).
    pub(super) indent: usize,
    /// The text without its indentation and trailing whitespace.
    pub(super) text: String,
}

impl Reader {
    /// Reads the front matter, if any, and returns the document with its
    /// lines blanked (so that line numbers stay right).
    pub(super) fn front_matter(&mut self, text: &str) -> Result<String, ImportError> {
        let lines: Vec<&str> = text.lines().collect();
        let Some(start) = lines.iter().position(|l| !l.trim().is_empty()) else {
            return Err(ImportError::whole("the document is empty"));
        };
        if !lines[start].trim_start().starts_with("===") {
            return Ok(text.to_string());
        }
        let Some(len) = lines[start + 1..]
            .iter()
            .position(|l| l.trim_start().starts_with("==="))
        else {
            return Err(ImportError::at(
                start + 1,
                "the front matter (`===`) is not closed by another `===` line",
            ));
        };
        let end = start + 1 + len;
        let mut kept = Vec::new();
        let mut i = start + 1;
        while i < end {
            let line = lines[i];
            let Some((key, value)) = top_key(line) else {
                i += 1;
                continue;
            };
            let mut value = value.trim().to_string();
            let mut j = i + 1;
            while j < end && !lines[j].trim().is_empty() && lines[j].starts_with([' ', '\t']) {
                if matches!(key, "title" | "subTitle") {
                    value.push(' ');
                    value.push_str(lines[j].trim());
                } else if key == "model" && lines[j].trim() == "mode: strict" {
                    self.strict = true;
                }
                j += 1;
            }
            match key {
                "title" => self.title = Some(yaml_scalar(&value)),
                "subTitle" => self.summary = Some(yaml_scalar(&value)),
                "model" if self.strict => {}
                _ => kept.push(key.to_string()),
            }
            i = j;
        }
        if !kept.is_empty() {
            self.losses.push(Loss::at(
                start + 1,
                format!("front matter settings are not kept: {}", kept.join(", ")),
            ));
        }
        let mut out = String::new();
        for (k, line) in lines.iter().enumerate() {
            if k > end {
                out.push_str(line);
            }
            out.push('\n');
        }
        Ok(out)
    }
}

/// `key: value` at the start of a front matter line.
fn top_key(line: &str) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && !key.contains(' ')).then_some((key, value))
}

/// A YAML scalar as text: quotes removed, a trailing comment dropped.
fn yaml_scalar(value: &str) -> String {
    let value = value.trim();
    if value.starts_with('"')
        && let Ok(s) = serde_json::from_str::<String>(value)
    {
        return s;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    let value = value.split(" #").next().unwrap_or(value);
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document's lines with comments removed. A line that held only a
/// comment is `None`: it neither belongs to a block nor separates blocks.
pub(super) fn strip_comments(text: &str) -> Result<Vec<Option<Line>>, ImportError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Option<Line>> = Vec::new();
    let mut current = String::new();
    let mut links = Links::default();
    let mut had_comment = false;
    let mut line_no = 1;
    let mut i = 0;
    let mut push_line = |current: &mut String, had_comment: bool, no: usize| {
        let raw = std::mem::take(current);
        let trimmed = raw.trim_end();
        if trimmed.trim_start().is_empty() {
            out.push(if had_comment {
                None
            } else {
                Some(Line {
                    no,
                    indent: 0,
                    text: String::new(),
                })
            });
        } else {
            let body = trimmed.trim_start();
            let indent = trimmed[..trimmed.len() - body.len()]
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            out.push(Some(Line {
                no,
                indent,
                text: body.to_string(),
            }));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let rest = |s: &str| {
            chars[i..]
                .iter()
                .take(s.chars().count())
                .copied()
                .eq(s.chars())
        };
        if c == '\\' && i + 1 < chars.len() && chars[i + 1] != '\n' {
            current.push(c);
            current.push(chars[i + 1]);
            i += 2;
        } else if c == '[' {
            let len = links.len_at(&chars, i);
            current.extend(&chars[i..i + len.max(1)]);
            i += len.max(1);
        } else if rest("//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            had_comment = true;
        } else if rest("/*") || rest("<!--") {
            let (close, open_len) = if c == '/' { ("*/", 2) } else { ("-->", 4) };
            let start_line = line_no;
            i += open_len;
            loop {
                if i >= chars.len() {
                    return Err(ImportError::at(
                        start_line,
                        format!("comment not closed by `{close}`"),
                    ));
                }
                if chars[i..]
                    .iter()
                    .take(close.len())
                    .copied()
                    .eq(close.chars())
                {
                    i += close.len();
                    break;
                }
                if chars[i] == '\n' {
                    push_line(&mut current, true, line_no);
                    line_no += 1;
                }
                i += 1;
            }
            current.push(' ');
            had_comment = true;
        } else if c == '\n' {
            push_line(&mut current, had_comment, line_no);
            had_comment = false;
            line_no += 1;
            i += 1;
        } else {
            if c != '\r' {
                current.push(c);
            }
            i += 1;
        }
    }
    push_line(&mut current, had_comment, line_no);
    Ok(out)
}

/// Finds Markdown links `[text](url)`, remembering where its last scans
/// ended, so that a run of `[` without a `]` is scanned once, not once per
/// `[`.
#[derive(Default)]
struct Links {
    /// The first `]` or line break at or after the last `[` scanned from
    /// (`chars.len()` when there is none); valid for any `[` before it.
    stop: usize,
    /// The `]` whose `(url)` was last scanned, and the link's end then.
    url: Option<(usize, usize)>,
}

impl Links {
    /// The length of a Markdown link at `i` (a `[`), or 0.
    fn len_at(&mut self, chars: &[char], i: usize) -> usize {
        if self.stop <= i {
            self.stop = chars[i..]
                .iter()
                .position(|&c| c == ']' || c == '\n')
                .map_or(chars.len(), |k| i + k);
        }
        let close = self.stop;
        if close >= chars.len()
            || close < i + 2
            || chars[close] != ']'
            || chars.get(close + 1) != Some(&'(')
        {
            return 0;
        }
        let end = match self.url {
            Some((c, end)) if c == close => end,
            _ => {
                let end = match chars[close + 2..]
                    .iter()
                    .position(|&c| c == ')' || c == '\n' || c == ' ')
                {
                    Some(k) if k > 0 && chars[close + 2 + k] == ')' => close + 3 + k,
                    _ => 0,
                };
                self.url = Some((close, end));
                end
            }
        };
        if end == 0 { 0 } else { end - i }
    }
}

/// Runs of non-blank lines. An unindented heading, `[Title]:` or
/// `<Title>:` line (or a title alone) starts a new block even without a
/// blank line before it: Argdown wants one there,
/// but running two elements together would merge them into one text.
pub(super) fn blocks(lines: &[Option<Line>]) -> Vec<Vec<Line>> {
    let mut blocks = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines.iter().flatten() {
        if line.text.is_empty() {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            continue;
        }
        // (A heading may wrap onto the next lines, so what follows one
        // without a blank line is part of it unless it starts an element.)
        let starts_element = line.indent == 0 && (is_heading(&line.text) || is_titled(&line.text));
        if !block.is_empty() && starts_element {
            blocks.push(std::mem::take(&mut block));
        }
        block.push(line.clone());
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// `# Title`, `## Title`, …: hashes, then a space.
fn is_heading(text: &str) -> bool {
    let rest = text.trim_start_matches('#');
    rest.len() < text.len() && rest.starts_with(' ')
}

/// `[Title]: …`, `<Title>: …`, or a title alone.
fn is_titled(text: &str) -> bool {
    let (open, close) = match text.chars().next() {
        Some('[') => ('[', ']'),
        Some('<') => ('<', '>'),
        _ => return false,
    };
    let inner = &text[open.len_utf8()..];
    let Some(end) = inner.find(close) else {
        return false;
    };
    let rest = inner[end + close.len_utf8()..].trim_start();
    end > 0 && (rest.is_empty() || rest.starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_but_links_and_escapes_stay() {
        let lines =
            strip_comments("a // c\nb [l](http://x.org) /* c\nc */ d\n<!-- x -->\n\\// e").unwrap();
        let texts: Vec<Option<&str>> = lines
            .iter()
            .map(|l| l.as_ref().map(|l| l.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                Some("a"),
                Some("b [l](http://x.org)"),
                Some("d"),
                None,
                Some("\\// e")
            ]
        );
        assert!(strip_comments("a /* open").is_err());
    }
}
