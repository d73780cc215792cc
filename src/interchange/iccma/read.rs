//! Reading a framework file: the bytes of an `.af`, `apx` or `tgf` file
//! into a [`NamedFramework`].
//!
//! Parsing works on the bytes without copying them; every malformed line
//! is an error that names its line.

use std::collections::HashMap;

use super::{FrameworkError, FrameworkFormat, MAX_ARGUMENTS, NamedFramework, argument_limit};
use crate::semantics::Framework;

fn err<T>(line: usize, message: impl Into<String>) -> Result<T, FrameworkError> {
    Err(FrameworkError {
        line,
        message: message.into(),
        declared: None,
    })
}
/// Parses a framework file.
///
/// # Errors
/// A [`FrameworkError`] naming the first malformed line: a missing or bad
/// `p af N` header, an argument out of range, a repeated attack, an
/// undeclared or repeated argument name, a header declaring more arguments
/// than [`argument_limit`] allows for the file's size.
pub fn parse(text: &[u8], format: FrameworkFormat) -> Result<NamedFramework, FrameworkError> {
    parse_with_limit(text, format, argument_limit(text.len()))
}

/// Like [`parse`], with a `p af N` header allowed to declare up to
/// `max_arguments` (at most [`MAX_ARGUMENTS`]) whatever the file's size.
///
/// # Errors
/// As [`parse`]; a header over the limit sets [`FrameworkError::declared`].
pub fn parse_with_limit(
    text: &[u8],
    format: FrameworkFormat,
    max_arguments: usize,
) -> Result<NamedFramework, FrameworkError> {
    let max_arguments = max_arguments.min(MAX_ARGUMENTS);
    let parsed = match format {
        FrameworkFormat::Af => parse_af(text, max_arguments).map(|framework| NamedFramework {
            framework,
            names: None,
        }),
        FrameworkFormat::Apx => parse_apx(text),
        FrameworkFormat::Tgf => parse_tgf(text),
    }?;
    if let Some(line) = repeated_attack(text, &parsed, format) {
        return err(line, "attack written twice");
    }
    Ok(parsed)
}

/// Lines with their 1-based numbers, without the line break.
fn lines(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    text.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
}

fn number(field: &[u8]) -> Option<usize> {
    if field.is_empty() || field.len() > 12 || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        field
            .iter()
            .fold(0usize, |n, &d| n * 10 + usize::from(d - b'0')),
    )
}

fn parse_af(text: &[u8], max_arguments: usize) -> Result<Framework, FrameworkError> {
    let mut n: Option<usize> = None;
    let mut attacks = Vec::new();
    for (line, bytes) in lines(text) {
        let mut fields = bytes
            .split(u8::is_ascii_whitespace)
            .filter(|f| !f.is_empty());
        let Some(first) = fields.next() else { continue };
        if first.starts_with(b"#") {
            continue;
        }
        let Some(n) = n else {
            if first != b"p" || fields.next() != Some(b"af") {
                return err(line, "expected the header `p af N`");
            }
            let count = fields.next().and_then(number);
            match count {
                Some(c) if c > MAX_ARGUMENTS => {
                    return err(
                        line,
                        format!("{c} arguments is more than the limit of {MAX_ARGUMENTS}"),
                    );
                }
                // Checked before anything is allocated for the arguments.
                Some(c) if c > max_arguments => {
                    return Err(FrameworkError {
                        line,
                        message: if max_arguments == argument_limit(text.len()) {
                            format!(
                                "the header declares {c} arguments, more than the {max_arguments} \
                                 allowed for a file of {} bytes ({} per byte, at least {})",
                                text.len(),
                                super::ARGUMENTS_PER_BYTE,
                                super::ARGUMENTS_ALWAYS_ALLOWED
                            )
                        } else {
                            format!(
                                "the header declares {c} arguments, more than the limit of {max_arguments}"
                            )
                        },
                        declared: Some(c),
                    });
                }
                Some(c) if fields.next().is_none() => {
                    n = Some(c);
                    attacks.reserve(c.saturating_mul(2).min(text.len() / 4));
                }
                _ => return err(line, "expected the header `p af N` with N a whole number"),
            }
            continue;
        };
        let second = fields.next();
        let (Some(a), Some(b), None) = (number(first), second.and_then(number), fields.next())
        else {
            return err(line, "expected an attack `i j`: two argument numbers");
        };
        for x in [a, b] {
            if x == 0 || x > n {
                return err(
                    line,
                    format!("argument {x} is out of range: the header declares 1 to {n}"),
                );
            }
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "both are at most MAX_ARGUMENTS"
        )]
        attacks.push(((a - 1) as u32, (b - 1) as u32));
    }
    match n {
        Some(n) => Ok(Framework::new(n, &attacks)),
        None => err(0, "empty file: expected the header `p af N`"),
    }
}

/// The inside of `name(…).` on one line, or `None`.
fn call<'a>(line: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let line = line.trim_ascii();
    let rest = line.strip_prefix(name)?.trim_ascii_start();
    let rest = rest.strip_prefix(b"(")?;
    let rest = rest.trim_ascii_end().strip_suffix(b".")?.trim_ascii_end();
    rest.strip_suffix(b")").map(<[u8]>::trim_ascii)
}

/// Named arguments as a file declares them (`apx` and `tgf`).
#[derive(Default)]
struct Declared<'t> {
    index: HashMap<&'t [u8], u32>,
    names: Vec<String>,
    attacks: Vec<(u32, u32)>,
}

impl<'t> Declared<'t> {
    fn declare(&mut self, line: usize, name: &'t [u8]) -> Result<(), FrameworkError> {
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        if self.index.insert(name, id).is_some() {
            return err(
                line,
                format!(
                    "argument `{}` declared twice",
                    String::from_utf8_lossy(name)
                ),
            );
        }
        self.names.push(String::from_utf8_lossy(name).into_owned());
        if self.names.len() > MAX_ARGUMENTS {
            return err(line, format!("more than {MAX_ARGUMENTS} arguments"));
        }
        Ok(())
    }

    /// Records an attack between declared arguments; `how` says where
    /// arguments must be declared.
    fn attack(&mut self, line: usize, a: &[u8], b: &[u8], how: &str) -> Result<(), FrameworkError> {
        let look = |x: &[u8]| {
            self.index.get(x).copied().ok_or_else(|| FrameworkError {
                line,
                declared: None,
                message: format!(
                    "argument `{}` is not declared {how}",
                    String::from_utf8_lossy(x)
                ),
            })
        };
        let pair = (look(a)?, look(b)?);
        self.attacks.push(pair);
        Ok(())
    }

    fn finish(self) -> NamedFramework {
        NamedFramework {
            framework: Framework::new(self.names.len(), &self.attacks),
            names: Some(self.names),
        }
    }
}

fn parse_apx(text: &[u8]) -> Result<NamedFramework, FrameworkError> {
    let mut names = Declared::default();
    for (line, bytes) in lines(text) {
        let trimmed = without_comment(bytes).trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(name) = call(trimmed, b"arg") {
            if name.is_empty() || name.contains(&b',') {
                return err(line, "expected `arg(name).`");
            }
            names.declare(line, unquote(name))?;
        } else if let Some(pair) = call(trimmed, b"att") {
            let mut parts = pair.split(|&b| b == b',').map(|p| unquote(p.trim_ascii()));
            let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
                return err(line, "expected `att(a,b).`");
            };
            names.attack(line, a, b, "with `arg(…)`")?;
        } else {
            return err(line, "expected `arg(name).` or `att(a,b).`");
        }
    }
    Ok(names.finish())
}

/// An apx line without its `%` comment (a `%` inside `"…"` is kept).
fn without_comment(line: &[u8]) -> &[u8] {
    let mut quoted = false;
    for (i, &b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'%' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// An apx name without the double quotes of a quoted constant.
fn unquote(name: &[u8]) -> &[u8] {
    match name {
        [b'"', inner @ .., b'"'] => inner,
        _ => name,
    }
}

fn parse_tgf(text: &[u8]) -> Result<NamedFramework, FrameworkError> {
    let mut names = Declared::default();
    let mut in_attacks = false;
    for (line, bytes) in lines(text) {
        let trimmed = bytes.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed == b"#" {
            in_attacks = true;
            continue;
        }
        let mut fields = trimmed
            .split(u8::is_ascii_whitespace)
            .filter(|f| !f.is_empty());
        if in_attacks {
            let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
                return err(line, "expected an attack `a b`");
            };
            names.attack(line, a, b, "before `#`")?;
        } else if let Some(name) = fields.next() {
            names.declare(line, name)?;
        }
    }
    // Every TGF file has the `#` line, even with no attacks: without it
    // the text is most likely not TGF at all.
    if !in_attacks {
        let last = text
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, l)| !l.trim_ascii().is_empty())
            .last()
            .map_or(1, |(i, _)| i + 1);
        return err(
            last,
            "no `#` line: TGF lists the arguments, then a line `#`, then the attacks",
        );
    }
    Ok(names.finish())
}

/// The line of the first repeated attack, if any. Checked on the built
/// framework (sorting each argument's targets), so the common case costs no
/// hash table; the line is found by a second pass only on error.
fn repeated_attack(text: &[u8], parsed: &NamedFramework, format: FrameworkFormat) -> Option<usize> {
    let af = &parsed.framework;
    let mut scratch = Vec::new();
    let mut dup = None;
    for a in 0..af.len() {
        scratch.clear();
        scratch.extend_from_slice(af.attacked_by(a));
        scratch.sort_unstable();
        if let Some(w) = scratch.windows(2).find(|w| w[0] == w[1]) {
            dup = Some((a, w[0] as usize));
            break;
        }
    }
    let (a, b) = dup?;
    // Find the second line that writes this attack.
    let (na, nb) = (parsed.name(a), parsed.name(b));
    let mut seen = 0;
    for (line, bytes) in lines(text) {
        let is_it = match format {
            FrameworkFormat::Af | FrameworkFormat::Tgf => {
                let mut f = bytes
                    .split(u8::is_ascii_whitespace)
                    .filter(|f| !f.is_empty());
                f.next() == Some(na.as_bytes())
                    && f.next() == Some(nb.as_bytes())
                    && f.next().is_none()
            }
            FrameworkFormat::Apx => call(without_comment(bytes), b"att").is_some_and(|p| {
                let mut parts = p.split(|&c| c == b',').map(|p| unquote(p.trim_ascii()));
                parts.next() == Some(na.as_bytes()) && parts.next() == Some(nb.as_bytes())
            }),
        };
        if is_it {
            seen += 1;
            if seen == 2 {
                return Some(line);
            }
        }
    }
    Some(0)
}

/// The names [`write()`](super::write()) keeps in an `.af` file's comments, when every one
/// of the `n` arguments has exactly one.
pub fn af_names(text: &[u8], n: usize) -> Option<Vec<String>> {
    let mut names: Vec<Option<String>> = vec![None; n];
    for line in text.split(|&b| b == b'\n') {
        let Some(rest) = line.strip_prefix(b"#") else {
            continue;
        };
        let rest = String::from_utf8_lossy(rest);
        let mut fields = rest.split_whitespace();
        let (Some(i), Some(name), None) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        let Ok(i) = i.parse::<usize>() else { continue };
        if i == 0 || i > n || names[i - 1].is_some() {
            return None;
        }
        names[i - 1] = Some(name.to_string());
    }
    names.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn af(text: &str) -> Result<NamedFramework, FrameworkError> {
        parse(text.as_bytes(), FrameworkFormat::Af)
    }

    #[test]
    fn reads_af() {
        let f = af("# comment\np af 3\n1 2\n2 3\r\n\n# end\n").unwrap();
        assert_eq!(f.framework.len(), 3);
        assert_eq!(f.framework.attack_count(), 2);
        assert_eq!(f.framework.attacked_by(0), [1]);
        assert_eq!(f.find("3"), Some(2));
        assert_eq!(f.find("4"), None);
    }

    #[test]
    fn malformed_af_names_the_line() {
        let e = |t: &str| af(t).unwrap_err().to_string();
        assert_eq!(e(""), "empty file: expected the header `p af N`");
        assert_eq!(e("1 2\n"), "line 1: expected the header `p af N`");
        assert_eq!(
            e("p af x\n"),
            "line 1: expected the header `p af N` with N a whole number"
        );
        assert_eq!(
            e("p af 2\n1 3\n"),
            "line 2: argument 3 is out of range: the header declares 1 to 2"
        );
        assert_eq!(
            e("p af 2\n0 1\n"),
            "line 2: argument 0 is out of range: the header declares 1 to 2"
        );
        assert_eq!(
            e("p af 2\n1\n"),
            "line 2: expected an attack `i j`: two argument numbers"
        );
        assert_eq!(e("p af 2\n1 2\n2 1\n1 2\n"), "line 4: attack written twice");
        assert_eq!(
            e("p af 99999999999\n"),
            "line 1: 99999999999 arguments is more than the limit of 100000000"
        );
        // A header declaring more than the file's size allows is refused
        // before anything is allocated for it.
        let refused = af("p af 99999999\n").unwrap_err();
        assert_eq!(refused.declared, Some(99_999_999));
        assert_eq!(
            refused.to_string(),
            "line 1: the header declares 99999999 arguments, more than the 1000000 allowed for a file of 14 bytes (8 per byte, at least 1000000)"
        );
        assert_eq!(af("p af 1000000\n").unwrap().framework.len(), 1_000_000);
        let small = parse_with_limit(b"p af 11\n", FrameworkFormat::Af, 10).unwrap_err();
        assert_eq!(
            small.message,
            "the header declares 11 arguments, more than the limit of 10"
        );
        assert_eq!(
            parse_with_limit(b"p af 2000000\n", FrameworkFormat::Af, 2_000_000)
                .unwrap()
                .framework
                .len(),
            2_000_000
        );
    }

    #[test]
    fn reads_apx_and_tgf() {
        let f = parse(b"arg(a).\narg(b).\natt(a, b).\n", FrameworkFormat::Apx).unwrap();
        assert_eq!(
            f.names.as_deref(),
            Some(&["a".to_string(), "b".to_string()][..])
        );
        assert_eq!(f.framework.attacked_by(0), [1]);
        let e = parse(b"arg(a).\natt(a,c).\n", FrameworkFormat::Apx).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: argument `c` is not declared with `arg(…)`"
        );
        let e = parse(b"arg(a).\natt(a,a).\natt(a,a).\n", FrameworkFormat::Apx).unwrap_err();
        assert_eq!(e.to_string(), "line 3: attack written twice");
        let f = parse(b"x\ny\n#\nx y\n", FrameworkFormat::Tgf).unwrap();
        assert_eq!(f.find("y"), Some(1));
        assert_eq!(f.framework.attacked_by(0), [1]);
        // No `#` line: not TGF (a Kialo export, a list of words).
        let e = parse(b"1. Thesis\n1.1. Pro: more\n", FrameworkFormat::Tgf).unwrap_err();
        assert!(e.to_string().starts_with("line 2: no `#` line"), "{e}");
        assert_eq!(
            parse(b"x\n#\n", FrameworkFormat::Tgf)
                .unwrap()
                .framework
                .len(),
            1
        );
    }
}
