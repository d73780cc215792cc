//! Finding quotes in source documents.
//!
//! A quote matches its source when both read the same after
//! canonical folding: Unicode NFC; every run of whitespace and line
//! breaks as one space; typographic quotes, apostrophes and guillemets as
//! `"` and `'`; every dash as `-`; soft hyphens dropped. Nothing else is
//! folded: case, spelling and punctuation must agree. An ellipsis in a
//! quote (`…`, `[...]` or `[…]`) splits it into parts that must occur in
//! order.
//!
//! A source is searched once for all the quotes that cite it
//! ([`Source::find_all`], Aho–Corasick over the canonical text), so ten
//! thousand quotes cost one pass over a ten-megabyte document. A quote that
//! is not found gets the closest passage: the window of the source on
//! which most of the quote's rarer words agree, compared with the quote by
//! normalised Levenshtein similarity (`strsim`).

use std::fmt::Write as _;

use aho_corasick::AhoCorasick;
use unicode_normalization::UnicodeNormalization;

/// Text after [`canonical`] folding, with the way back to the original.
#[derive(Clone, Debug, Default)]
pub(crate) struct Canonical {
    /// The folded text.
    pub text: String,
    /// For each byte of `text` (and one past the end), the byte offset in
    /// the NFC text it came from.
    origin: Vec<u32>,
}

/// Folds text for matching (see the module docs). `nfc` is the text after
/// NFC normalisation, which [`Canonical::origin`] offsets refer to.
pub(crate) fn canonical(nfc: &str) -> Canonical {
    let mut text = String::with_capacity(nfc.len());
    let mut origin = Vec::with_capacity(nfc.len() + 1);
    let mut space = false;
    let bytes = nfc.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let offset = u32::try_from(i).unwrap_or(u32::MAX);
        // ASCII, most of most texts, byte by byte: only white space folds.
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                space = true;
                continue;
            }
            if space {
                if !text.is_empty() {
                    text.push(' ');
                    origin.push(offset);
                }
                space = false;
            }
            text.push(char::from(b));
            origin.push(offset);
            continue;
        }
        let Some(c) = nfc[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        let folded = match c {
            '\u{00AD}' => continue,
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
            | '\u{203A}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        if space {
            if !text.is_empty() {
                text.push(' ');
                origin.push(offset);
            }
            space = false;
        }
        let start = text.len();
        text.push(folded);
        origin.extend(std::iter::repeat_n(offset, text.len() - start));
    }
    origin.push(u32::try_from(nfc.len()).unwrap_or(u32::MAX));
    Canonical { text, origin }
}

impl Canonical {
    /// The NFC byte offset of canonical byte `i`.
    pub(crate) fn origin(&self, i: usize) -> usize {
        self.origin.get(i).map_or(0, |&o| o as usize)
    }
}

/// NFC normalisation.
pub(crate) fn nfc(text: &str) -> String {
    // Most text is NFC already (all ASCII text is): the quick check says
    // so without composing it character by character.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_string();
    }
    text.nfc().collect()
}

/// The parts of a quote an ellipsis separates, each folded; empty parts
/// (an ellipsis at either end) are dropped.
pub(crate) fn parts(quote: &str) -> Vec<String> {
    let nfc = nfc(quote);
    let mut pieces = Vec::new();
    let mut rest = nfc.as_str();
    loop {
        let next = ["[...]", "[…]", "…"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, m.len())))
            .min();
        match next {
            Some((i, len)) => {
                pieces.push(&rest[..i]);
                rest = &rest[i + len..];
            }
            None => {
                pieces.push(rest);
                break;
            }
        }
    }
    pieces
        .into_iter()
        .map(|p| canonical(p).text)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where a quote was found: byte range in the NFC source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Start of the first part.
    pub start: usize,
    /// End of the last part.
    pub end: usize,
}

/// The passage of a source closest to a quote that is not in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Closest {
    /// Byte range in the NFC source text.
    pub start: usize,
    /// End of the passage.
    pub end: usize,
    /// Normalised Levenshtein similarity, 0 to 1.
    pub similarity: f64,
    /// The passage as the source has it (whitespace folded).
    pub passage: String,
    /// Where the quote first departs from the passage: a short piece of the
    /// quote and the source's text at the same place.
    pub differs: Option<(String, String)>,
}

/// A source document ready for searching.
#[derive(Clone, Debug)]
pub struct Source {
    /// The text after NFC normalisation.
    pub nfc: String,
    /// The folded text.
    pub(crate) canonical: Canonical,
}

/// The result for one quote.
#[derive(Clone, Debug, PartialEq)]
pub enum Match {
    /// Every part was found, in order.
    Found(Found),
    /// Some part was not; the closest passage to the first missing part,
    /// if any part of the source resembles it.
    Missing {
        /// The part that was not found (folded).
        part: String,
        /// Whether that part does occur, but only before the part that
        /// precedes it in the quote.
        earlier: bool,
        /// The closest passage.
        closest: Option<Closest>,
    },
}

/// Most occurrences of one part remembered (a part this common is not a
/// quote worth checking anyway).
const MAX_HITS: usize = 100_000;

/// Most occurrences of one word that vote for a closest passage.
const CAP: usize = 200_000;

/// Longest part of a quote whose closest passage is sought whole; a longer
/// one is placed by its beginning.
const CLOSEST_CHARS: usize = 1_000;

/// `strsim::normalized_levenshtein(part, window[..k])` for every `k` from
/// 0 to `window.len()`, in one pass of the edit-distance table: O(part ×
/// window) for all of them, where one call each would cost that per `k`.
fn similarities_of_prefixes(part: &[char], window: &[char]) -> Vec<f64> {
    let n = part.len();
    #[expect(clippy::cast_precision_loss, reason = "lengths are far below 2^52")]
    let similarity = |distance: usize, k: usize| {
        let longest = n.max(k);
        if longest == 0 {
            1.0
        } else {
            1.0 - distance as f64 / longest as f64
        }
    };
    // The table's column for `window[..k]`: distances to each `part[..i]`.
    let mut column: Vec<usize> = (0..=n).collect();
    let mut out = Vec::with_capacity(window.len() + 1);
    out.push(similarity(column[n], 0));
    for (k, &w) in window.iter().enumerate() {
        let mut diagonal = column[0];
        column[0] = k + 1;
        for i in 1..=n {
            let above = column[i];
            let substitute = diagonal + usize::from(part[i - 1] != w);
            column[i] = (above + 1).min(column[i - 1] + 1).min(substitute);
            diagonal = above;
        }
        out.push(similarity(column[n], k + 1));
    }
    out
}

impl Source {
    /// Prepares a source text (plain text; see [`html_to_text`] for HTML).
    pub fn new(text: &str) -> Source {
        let nfc = nfc(text);
        let canonical = canonical(&nfc);
        Source { nfc, canonical }
    }

    /// Looks up every quote in one pass over the source.
    pub fn find_all(&self, quotes: &[&str]) -> Vec<Match> {
        let split: Vec<Vec<String>> = quotes.iter().map(|q| parts(q)).collect();
        let mut patterns: Vec<&str> = split.iter().flatten().map(String::as_str).collect();
        patterns.sort_unstable();
        patterns.dedup();
        // Start positions of each pattern, ascending.
        let mut hits: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
        if !patterns.is_empty()
            && let Ok(ac) = AhoCorasick::new(&patterns)
        {
            for m in ac.find_overlapping_iter(&self.canonical.text) {
                let list = &mut hits[m.pattern().as_usize()];
                if list.len() < MAX_HITS {
                    list.push(m.start());
                }
            }
        }
        split
            .iter()
            .map(|quote_parts| {
                let mut from = 0usize;
                let mut first = None;
                for part in quote_parts {
                    let k = patterns.binary_search(&part.as_str()).unwrap_or(0);
                    let list = &hits[k];
                    let i = list.partition_point(|&s| s < from);
                    // Past the occurrences remembered, search directly.
                    let direct = (i == list.len() && list.len() == MAX_HITS)
                        .then(|| {
                            self.canonical.text[from..]
                                .find(part.as_str())
                                .map(|p| from + p)
                        })
                        .flatten();
                    match list.get(i).copied().or(direct).as_ref() {
                        Some(&s) => {
                            first.get_or_insert(s);
                            from = s + part.len();
                        }
                        None if !list.is_empty() => {
                            return Match::Missing {
                                part: part.clone(),
                                earlier: true,
                                closest: None,
                            };
                        }
                        None => {
                            return Match::Missing {
                                part: part.clone(),
                                earlier: false,
                                closest: self.closest(part),
                            };
                        }
                    }
                }
                let start = first.unwrap_or(0);
                Match::Found(Found {
                    start: self.canonical.origin(start),
                    end: self.canonical.origin(from),
                })
            })
            .collect()
    }

    /// The window of the source most like `part`: its rarer words vote for
    /// where it would start, and the best-voted windows are compared.
    fn closest(&self, part: &str) -> Option<Closest> {
        let text = &self.canonical.text;
        if part.is_empty() || text.is_empty() {
            return None;
        }
        // Each comparison costs the square of the part's length: a longer
        // part is placed by its first `CLOSEST_CHARS` characters.
        let part = match part.char_indices().nth(CLOSEST_CHARS) {
            Some((i, _)) => &part[..i],
            None => part,
        };
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut begin = None;
        for (i, c) in part.char_indices() {
            if c.is_alphanumeric() {
                begin.get_or_insert(i);
            } else if let Some(b) = begin.take() {
                words.push((b, &part[b..i]));
            }
        }
        if let Some(b) = begin {
            words.push((b, &part[b..]));
        }
        words.retain(|(_, w)| w.chars().count() >= 3);
        words.sort_unstable_by_key(|&(_, w)| std::cmp::Reverse(w.len()));
        words.dedup_by_key(|(_, w)| *w);
        words.truncate(10);
        // The rarest words place the passage best: count each (up to a
        // cap), then let the six rarest vote with all their occurrences.
        let bytes = text.as_bytes();
        let mut counted: Vec<(usize, usize, &str)> = words
            .iter()
            .map(|&(o, w)| (memchr::memmem::find_iter(bytes, w).take(CAP).count(), o, w))
            .filter(|&(n, _, _)| n > 0)
            .collect();
        counted.sort_unstable();
        counted.truncate(6);
        let mut votes: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
        for (_, offset, word) in counted {
            for p in memchr::memmem::find_iter(bytes, word).take(CAP) {
                if p >= offset {
                    *votes.entry((p - offset) / 8).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, u32)> = votes.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let len = part.chars().count();
        let mut best: Option<(f64, usize, usize)> = None;
        for &(bucket, _) in ranked.iter().take(4) {
            for shift in [0usize, 4, 8, 12] {
                let start = floor_char(text, (bucket * 8 + shift).min(text.len()));
                let end = text[start..]
                    .char_indices()
                    .nth(len)
                    .map_or(text.len(), |(i, _)| start + i);
                let score = strsim::normalized_levenshtein(part, &text[start..end]);
                if best.is_none_or(|(b, _, _)| score > b) {
                    best = Some((score, start, end));
                }
            }
        }
        let (mut similarity, mut start, mut end) = best?;
        // Then the start that fits best, a few characters either way...
        let from = floor_char(text, start.saturating_sub(12));
        for (i, _) in text[from..end].char_indices().take(25) {
            let s = from + i;
            let score = strsim::normalized_levenshtein(part, &text[s..end]);
            if score > similarity {
                (similarity, start) = (score, s);
            }
        }
        // ...and the length that fits best, within a fifth either way: the
        // similarity of every length from one pass.
        let slack = len / 5 + 2;
        // One character more than the longest length tried: where it ends.
        let window: Vec<(usize, char)> =
            text[start..].char_indices().take(len + slack + 1).collect();
        let chars: Vec<char> = window.iter().take(len + slack).map(|&(_, c)| c).collect();
        let quoted: Vec<char> = part.chars().collect();
        let of_length = similarities_of_prefixes(&quoted, &chars);
        for n in len.saturating_sub(slack)..=len + slack {
            let k = n.min(chars.len());
            let e = window.get(k).map_or(text.len(), |&(i, _)| start + i);
            let score = of_length[k];
            if score > similarity {
                (similarity, end) = (score, e);
            }
        }
        if similarity < 0.3 {
            return None;
        }
        // No space at either end of the passage.
        while text[start..end].starts_with(' ') {
            start += 1;
        }
        while end > start && text[start..end].ends_with(' ') {
            end -= 1;
        }
        let window = &text[start..end];
        let common = part
            .chars()
            .zip(window.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        let differs = (common < part.len()).then(|| {
            // From the word before the one where they part, 30 characters.
            let piece = |s: &str| -> String {
                let at = floor_char(s, common.min(s.len()));
                let begin = s[..at]
                    .rfind(' ')
                    .map_or(0, |i| s[..i].rfind(' ').map_or(0, |j| j + 1));
                // To the end of the word that passes 30 characters.
                let rest = &s[begin..];
                let cut = rest
                    .char_indices()
                    .skip(30)
                    .find(|&(_, c)| c == ' ')
                    .map_or(rest.len(), |(i, _)| i);
                rest[..cut].to_string()
            };
            (piece(part), piece(window))
        });
        let (mut nfc_start, mut nfc_end) =
            (self.canonical.origin(start), self.canonical.origin(end));
        // Whole words at both ends.
        while let Some(c) = self.nfc[..nfc_start]
            .chars()
            .next_back()
            .filter(|c| c.is_alphanumeric())
        {
            nfc_start -= c.len_utf8();
        }
        while let Some(c) = self.nfc[nfc_end..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
        {
            nfc_end += c.len_utf8();
        }
        // The passage as the source writes it, whitespace folded.
        let passage = self
            .nfc
            .get(nfc_start..nfc_end)
            .unwrap_or(window)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(Closest {
            start: nfc_start,
            end: nfc_end,
            similarity,
            passage,
            differs,
        })
    }

    /// The 1-based line of a byte offset of the NFC text.
    pub fn line_of(&self, offset: usize) -> usize {
        self.nfc[..offset.min(self.nfc.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
            + 1
    }

    /// The byte ranges (in the NFC text) of the paragraphs the source
    /// numbers: a line starting `8.` opens paragraph 8, which runs to the
    /// next numbered line. Numbers must rise, by at most 50 at a time (an
    /// excerpt may skip paragraphs), so a numbered list inside a paragraph
    /// or a line starting with a year is not taken for a paragraph.
    pub fn paragraphs(&self) -> Vec<(u32, usize, usize)> {
        let mut marks: Vec<(u32, usize)> = Vec::new();
        let mut offset = 0;
        for line in self.nfc.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty()
                && digits.len() <= 6
                && trimmed[digits.len()..]
                    .strip_prefix('.')
                    .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
                && let Ok(n) = digits.parse::<u32>()
            {
                let previous = marks.last().map_or(0, |m| m.0);
                if n > previous && n - previous <= 50 {
                    marks.push((n, offset));
                }
            }
            offset += line.len();
        }
        marks
            .iter()
            .enumerate()
            .map(|(i, &(n, start))| {
                let end = marks.get(i + 1).map_or(self.nfc.len(), |m| m.1);
                (n, start, end)
            })
            .collect()
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The paragraph number a locator names: `para 8`, `paragraph 8`,
/// `para. 8`, `§ 8`, `¶ 8` (case-insensitive), else `None`.
pub fn paragraph_locator(at: &str) -> Option<u32> {
    let lower = at.trim().to_lowercase();
    let rest = ["paragraph", "para.", "para", "§", "¶"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let after = &rest.trim_start()[digits.len()..];
    if digits.is_empty() || after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    digits.parse().ok()
}

/// HTML reduced to text: `<script>`, `<style>` and comments dropped; tags
/// removed (block-level ones and `<br>` end a line, inline ones leave no
/// space, so `Split<span>word</span>s` reads `Splitwords` as a browser
/// shows it); character references decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        // The end of the tag, skipping `>` inside quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(gt) = end else {
            rest = "";
            break;
        };
        let tag = rest[1..gt].trim().to_ascii_lowercase();
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if (name == "script" || name == "style") && !closing {
            let close = format!("</{name}");
            match rest.to_ascii_lowercase().find(&close) {
                Some(i) => {
                    rest = &rest[i..];
                    if let Some(gt) = rest.find('>') {
                        rest = &rest[gt + 1..];
                    }
                }
                None => rest = "",
            }
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "li"
                | "tr"
                | "td"
                | "th"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "section"
                | "article"
                | "table"
                | "ul"
                | "ol"
                | "pre"
                | "hr"
                | "header"
                | "footer"
                | "main"
                | "nav"
                | "aside"
                | "dd"
                | "dt"
                | "figure"
                | "figcaption"
                | "title"
        );
        if block {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{00A0}',
                "shy" => '\u{00AD}',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "laquo" => '«',
                "raquo" => '»',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "aelig" => 'æ',
                "AElig" => 'Æ',
                "oslash" => 'ø',
                "Oslash" => 'Ø',
                "aring" => 'å',
                "Aring" => 'Å',
                "auml" => 'ä',
                "Auml" => 'Ä',
                "ouml" => 'ö',
                "Ouml" => 'Ö',
                "uuml" => 'ü',
                "Uuml" => 'Ü',
                "szlig" => 'ß',
                "eacute" => 'é',
                "Eacute" => 'É',
                "egrave" => 'è',
                "ecirc" => 'ê',
                "aacute" => 'á',
                "agrave" => 'à',
                "iacute" => 'í',
                "oacute" => 'ó',
                "uacute" => 'ú',
                "ccedil" => 'ç',
                "ntilde" => 'ñ',
                "sect" => '§',
                "para" => '¶',
                "middot" => '·',
                "deg" => '°',
                "euro" => '€',
                "copy" => '©',
                "reg" => '®',
                "times" => '×',
                "thinsp" => '\u{2009}',
                "ensp" => '\u{2002}',
                "emsp" => '\u{2003}',
                "zwsp" => '\u{200B}',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One line for a help message: the closest passage and where the quote
/// departs from it.
pub(crate) fn describe(closest: &Closest, file: &str, line: usize) -> String {
    let mut s = format!(
        "closest passage ({file}, line {line}, {:.0}% alike): \"{}\"",
        closest.similarity * 100.0,
        visible(&closest.passage)
    );
    if let Some((quote, source)) = &closest.differs {
        let _ = write!(
            s,
            "; the quote has \"{}\" where the source has \"{}\"",
            visible(quote),
            visible(source)
        );
    }
    s
}

/// Characters that print as nothing, or as something else, written as
/// `<U+200B>` so that two texts that look alike show where they differ.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{FB00}'..='\u{FB06}' => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_similarities_are_strsims() {
        let cases = [
            ("", ""),
            ("abc", ""),
            ("", "xyz"),
            ("kitten", "sitting on"),
            ("æøå ok", "aeoa ok æ"),
        ];
        for (part, window) in cases {
            let p: Vec<char> = part.chars().collect();
            let w: Vec<char> = window.chars().collect();
            let all = similarities_of_prefixes(&p, &w);
            assert_eq!(all.len(), w.len() + 1);
            for (k, score) in all.iter().enumerate() {
                let prefix: String = w[..k].iter().collect();
                // Bit for bit: the same arithmetic, so the same closest passages.
                assert_eq!(
                    score.to_bits(),
                    strsim::normalized_levenshtein(part, &prefix).to_bits(),
                    "{part:?} {prefix:?}"
                );
            }
        }
    }

    #[test]
    fn folding_ignores_only_what_it_should() {
        let c = canonical("  «Det vil\u{00A0}ikke\n skje» – it’s\u{00AD}here ");
        assert_eq!(c.text, "\"Det vil ikke skje\" - it'shere");
        assert_eq!(canonical("Free").text, "Free");
        assert_ne!(canonical("free").text, canonical("Free").text);
        // NFC: a decomposed å equals the composed one.
        assert_eq!(nfc("a\u{030A}"), "å");
    }

    #[test]
    fn finds_quotes_and_ellipsis_parts_in_order() {
        let src = Source::new(
            "8. Each participating State has an equal right\nto security. We reaffirm the inherent right.\n9. Next.",
        );
        let found = src.find_all(&[
            "an equal right to security",
            "Each participating State […] the inherent right",
            "the inherent right … Each participating State",
            "an equal rite to security",
        ]);
        assert!(matches!(found[0], Match::Found(_)));
        assert!(matches!(found[1], Match::Found(_)));
        assert!(matches!(found[2], Match::Missing { earlier: true, .. }));
        let Match::Missing {
            closest: Some(c), ..
        } = &found[3]
        else {
            panic!("{:?}", found[3]);
        };
        assert_eq!(c.passage, "an equal right to security");
        assert_eq!(
            c.differs,
            Some((
                "equal rite to security".into(),
                "equal right to security".into()
            ))
        );
        assert_eq!(src.line_of(c.start), 1);
        let paras = src.paragraphs();
        assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [8, 9]);
        // A list inside paragraph 2 and a year are not paragraphs.
        let src =
            Source::new("1. One.\n2. Two:\n1. first\n2. second\n1999. That year.\n3. Three.\n");
        let paras = src.paragraphs();
        assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn locators_and_html() {
        assert_eq!(paragraph_locator("para 8"), Some(8));
        assert_eq!(paragraph_locator("Paragraph 12, second sentence"), Some(12));
        assert_eq!(paragraph_locator("§ 3"), Some(3));
        assert_eq!(paragraph_locator("p. 3"), None);
        assert_eq!(paragraph_locator("para 8a"), None);
        let text = html_to_text(
            "<p>Security is <b>indivisible</b> &amp; free&nbsp;choice&#8217;s</p><script>alert(1)</script>",
        );
        assert_eq!(
            canonical(&text).text,
            "Security is indivisible & free choice's"
        );
    }
}
