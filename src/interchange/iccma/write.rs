//! Writing a framework in an ICCMA format, with the names of its
//! arguments.
//!
//! The `.af` format numbers arguments; [`write()`] keeps their names in
//! comment lines `# <number> <name>` after the header, which solvers
//! ignore and [`af_names`](super::af_names) reads back.

use std::fmt::Write as _;

use super::FrameworkFormat;
use crate::semantics::Framework;

/// Writes a framework in an ICCMA format; `names[i]` names argument `i`.
///
/// `apx` names are written quoted (`arg("free-choice").`, a string
/// constant in ASP); `tgf` names as they are. Names must not contain
/// whitespace, commas, quotes or parentheses (map and relation ids never
/// do).
///
/// # Complexity
/// O(n + m).
pub fn write(af: &Framework, names: &[String], format: FrameworkFormat) -> String {
    let mut s = String::new();
    match format {
        FrameworkFormat::Af => {
            let _ = writeln!(s, "p af {}", af.len());
            let _ = writeln!(s, "# argument names (number, name):");
            for (i, name) in names.iter().enumerate() {
                let _ = writeln!(s, "# {} {name}", i + 1);
            }
            for a in 0..af.len() {
                for &b in af.attacked_by(a) {
                    let _ = writeln!(s, "{} {}", a + 1, b + 1);
                }
            }
        }
        FrameworkFormat::Apx => {
            // Quoted: ids hold `-`, `.` and `/`, which a bare ASP or Prolog
            // constant cannot.
            for name in names {
                let _ = writeln!(s, "arg(\"{name}\").");
            }
            for a in 0..af.len() {
                for &b in af.attacked_by(a) {
                    let _ = writeln!(s, "att(\"{}\",\"{}\").", names[a], names[b as usize]);
                }
            }
        }
        FrameworkFormat::Tgf => {
            for name in names {
                let _ = writeln!(s, "{name}");
            }
            s.push_str("#\n");
            for a in 0..af.len() {
                for &b in af.attacked_by(a) {
                    let _ = writeln!(s, "{} {}", names[a], names[b as usize]);
                }
            }
        }
    }
    s
}

/// Writes a task's answer as ICCMA solvers print it: for SE the extension
/// (`w 1 4 5`, or `NO` when there is none); for DC and DS `YES` or `NO`,
/// then the witness or counterexample line when there is one. With `probo`
/// (the older interface, for apx and tgf) an extension prints as `[a,b]`
/// and DC and DS print no certificate.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_answer(
    out: &mut impl std::io::Write,
    af: &super::NamedFramework,
    answer: &crate::semantics::task::Answer,
    probo: bool,
) -> std::io::Result<()> {
    let extension = |out: &mut dyn std::io::Write, extension: &[usize]| {
        if probo {
            let names: Vec<String> = extension.iter().map(|&i| af.name(i)).collect();
            writeln!(out, "[{}]", names.join(","))
        } else {
            out.write_all(b"w")?;
            for &i in extension {
                write!(out, " {}", i + 1)?;
            }
            out.write_all(b"\n")
        }
    };
    match (answer.accepted, &answer.extension) {
        (None, Some(e)) => extension(out, e),
        (None, None) => writeln!(out, "NO"),
        (Some(yes), certificate) => {
            writeln!(out, "{}", if yes { "YES" } else { "NO" })?;
            match certificate {
                Some(e) if !probo => extension(out, e),
                _ => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::iccma::{af_names, parse};

    #[test]
    fn af_round_trip_keeps_names() {
        let af = Framework::new(3, &[(0, 1), (1, 2), (2, 2)]);
        let names: Vec<String> = ["x", "y-1", "r/x"].map(String::from).to_vec();
        let text = write(&af, &names, FrameworkFormat::Af);
        assert!(text.starts_with("p af 3\n"));
        let back = parse(text.as_bytes(), FrameworkFormat::Af).unwrap();
        assert_eq!(back.framework.attack_count(), 3);
        assert_eq!(af_names(text.as_bytes(), 3), Some(names.clone()));
        for format in [FrameworkFormat::Apx, FrameworkFormat::Tgf] {
            let text = write(&af, &names, format);
            let back = parse(text.as_bytes(), format).unwrap();
            assert_eq!(back.names.as_deref(), Some(&names[..]));
            assert_eq!(back.framework.attacked_by(2), [2]);
        }
        // Names missing or repeated: none.
        assert_eq!(af_names(b"p af 2\n# 1 a\n", 2), None);
        assert_eq!(af_names(b"p af 1\n# 1 a\n# 1 b\n", 1), None);
    }
}
