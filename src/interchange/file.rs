//! One entry point for every format: which format a file is in (by name or
//! extension), importing its bytes as a [`Draft`], and exporting a checked
//! map in a format.

use std::fmt;

use super::iccma::{self, FrameworkError, FrameworkFormat};
use super::{ImportError, aif, argdown, kialo};
use crate::graph::ArgGraph;
use crate::semantics::{MapFramework, Support};

/// The formats a map is imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// ICCMA 2023 framework (`.af`).
    Af,
    /// Aspartix framework (`.apx`).
    Apx,
    /// Trivial graph format framework (`.tgf`).
    Tgf,
    /// Argdown (`.argdown`, `.ad`).
    Argdown,
    /// AIF JSON, AIFdb/OVA (`.json`).
    Aif,
    /// Kialo's plain-text discussion export (`.txt`).
    Kialo,
}

impl ImportFormat {
    /// Every format, in the order of the command line's `--from`.
    pub const ALL: [ImportFormat; 6] = [
        ImportFormat::Af,
        ImportFormat::Apx,
        ImportFormat::Tgf,
        ImportFormat::Argdown,
        ImportFormat::Aif,
        ImportFormat::Kialo,
    ];

    /// The format an extension names (`af`, `apx`, `tgf`, `argdown` or
    /// `ad`, `json`, `txt`; any case), if any.
    pub fn from_extension(extension: &str) -> Option<ImportFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "af" => Some(ImportFormat::Af),
            "apx" => Some(ImportFormat::Apx),
            "tgf" => Some(ImportFormat::Tgf),
            "json" => Some(ImportFormat::Aif),
            "argdown" | "ad" => Some(ImportFormat::Argdown),
            "txt" => Some(ImportFormat::Kialo),
            _ => None,
        }
    }

    /// The format of a file by its extension, else af (ICCMA files have no
    /// fixed extension).
    pub fn of_path(path: &std::path::Path) -> ImportFormat {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ImportFormat::from_extension)
            .unwrap_or(ImportFormat::Af)
    }

    /// The framework format, for af, apx and tgf.
    pub fn framework(self) -> Option<FrameworkFormat> {
        match self {
            ImportFormat::Af => Some(FrameworkFormat::Af),
            ImportFormat::Apx => Some(FrameworkFormat::Apx),
            ImportFormat::Tgf => Some(FrameworkFormat::Tgf),
            ImportFormat::Argdown | ImportFormat::Aif | ImportFormat::Kialo => None,
        }
    }

    /// The format's name in messages: "af", "Argdown", "AIF JSON", "a Kialo
    /// export".
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Af => "af",
            ImportFormat::Apx => "apx",
            ImportFormat::Tgf => "tgf",
            ImportFormat::Argdown => "Argdown",
            ImportFormat::Aif => "AIF JSON",
            ImportFormat::Kialo => "a Kialo export",
        }
    }
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportFailure {
    /// Occurs when a map format's bytes are not UTF-8: the 1-based line,
    /// and the byte of that line, of the first bad byte.
    NotUtf8 {
        /// The line.
        line: usize,
        /// The byte of the line.
        column: usize,
    },
    /// Occurs when the text is not in the map format.
    Map(ImportFormat, ImportError),
    /// Occurs when a framework file does not parse.
    Framework(FrameworkError),
    /// Occurs when the map imported from a map format would be larger
    /// than a map may be.
    MapTooLarge {
        /// The size of the map.
        bytes: u64,
        /// The largest map, in bytes.
        limit: u64,
    },
    /// Occurs when a framework has no arguments: a map needs a node.
    NoArguments,
    /// Occurs when the map of a framework would be larger than a map may
    /// be (`bytes` is its size, or a lower bound of it).
    TooLarge {
        /// Arguments of the framework.
        arguments: usize,
        /// Attacks of the framework.
        attacks: usize,
        /// The size of the map, at least.
        bytes: u64,
        /// The largest map, in bytes.
        limit: u64,
    },
}

impl fmt::Display for ImportFailure {
    /// The problem, for a caller to put after the file's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportFailure::NotUtf8 { line, column } => {
                write!(f, "is not UTF-8: line {line}, byte {column} of the line")
            }
            ImportFailure::Map(format, e) if e.nothing_to_map => {
                write!(
                    f,
                    "is {} but holds nothing a map can hold: {e}",
                    format.name()
                )
            }
            ImportFailure::Map(format, e) => write!(f, "is not {}: {e}", format.name()),
            ImportFailure::Framework(e) => write!(f, "{e}"),
            ImportFailure::MapTooLarge { bytes, limit } => write!(
                f,
                "would make a map of {} MiB, over the {} MiB a map may have",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            ImportFailure::NoArguments => {
                f.write_str("has no arguments; a map needs at least one node")
            }
            ImportFailure::TooLarge {
                arguments,
                attacks,
                bytes,
                limit,
            } => write!(
                f,
                "({arguments} arguments, {attacks} attacks) would make a map of {} MiB or more, over the {} MiB a map may have",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ImportFailure {}

/// An imported map: its YAML text, and what the source said that the map
/// cannot hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The map file's text.
    pub yaml: String,
    /// What was not kept as written (see [`super::Draft::losses`]).
    pub losses: Vec<super::Loss>,
}

/// Imports a file's bytes as a map titled `title`, of at most `limit` bytes
/// of YAML.
///
/// A map format is read as UTF-8 (a byte-order mark is dropped); a
/// framework is refused before its map is built when its size alone says
/// the map would be too large (every argument takes at least about 30
/// bytes of YAML, every attack about 4), and after, when the map is. A
/// `p af N` header is checked before anything is allocated for its
/// arguments: against the map's limit, and against `max_arguments` (by
/// default [`iccma::argument_limit`] of the file's size).
///
/// # Errors
/// [`ImportFailure`], saying what is wrong with the bytes.
pub fn import(
    bytes: &[u8],
    format: ImportFormat,
    title: &str,
    limit: u64,
    max_arguments: Option<usize>,
) -> Result<Imported, ImportFailure> {
    let Some(framework) = format.framework() else {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let good = &bytes[..e.valid_up_to()];
            ImportFailure::NotUtf8 {
                line: memchr::memchr_iter(b'\n', good).count() + 1,
                column: good.iter().rev().take_while(|&&b| b != b'\n').count() + 1,
            }
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let importer = match format {
            ImportFormat::Argdown => argdown::import,
            ImportFormat::Aif => aif::import,
            _ => kialo::import,
        };
        let mut draft = importer(text, title).map_err(|e| ImportFailure::Map(format, e))?;
        let yaml = draft.to_yaml();
        let size = u64::try_from(yaml.len()).unwrap_or(u64::MAX);
        if size > limit {
            return Err(ImportFailure::MapTooLarge { bytes: size, limit });
        }
        return Ok(Imported {
            yaml,
            losses: std::mem::take(&mut draft.losses),
        });
    };
    let map_cap = usize::try_from(limit / 30).unwrap_or(usize::MAX);
    let allowed = max_arguments
        .unwrap_or_else(|| iccma::argument_limit(bytes.len()))
        .min(map_cap);
    let mut named = match iccma::parse_with_limit(bytes, framework, allowed) {
        Err(e) if e.declared.is_some_and(|n| n > map_cap) => {
            let arguments = e.declared.unwrap_or(0);
            return Err(ImportFailure::TooLarge {
                arguments,
                attacks: 0,
                bytes: u64::try_from(arguments)
                    .unwrap_or(u64::MAX)
                    .saturating_mul(30),
                limit,
            });
        }
        parsed => parsed.map_err(ImportFailure::Framework)?,
    };
    let (arguments, attacks) = (named.framework.len(), named.framework.attack_count());
    if arguments == 0 {
        return Err(ImportFailure::NoArguments);
    }
    let too_large = |bytes: u64| ImportFailure::TooLarge {
        arguments,
        attacks,
        bytes,
        limit,
    };
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let estimate = count(arguments)
        .saturating_mul(30)
        .saturating_add(count(attacks).saturating_mul(4));
    if estimate > limit {
        return Err(too_large(estimate));
    }
    if framework == FrameworkFormat::Af {
        named.names = iccma::af_names(bytes, arguments);
    }
    let yaml = iccma::to_map(&named, title);
    if count(yaml.len()) > limit {
        return Err(too_large(count(yaml.len())));
    }
    Ok(Imported {
        yaml,
        losses: Vec::new(),
    })
}

/// The formats a map is exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The map's framework, ICCMA 2023 (`.af`).
    Af,
    /// The map's framework, Aspartix (`.apx`).
    Apx,
    /// The map's framework, trivial graph format (`.tgf`).
    Tgf,
    /// The map as Argdown (`.argdown`, `.ad`).
    Argdown,
    /// The map as AIF JSON (`.json`).
    Aif,
}

impl ExportFormat {
    /// Every format, in the order of the command line's `--format`.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Af,
        ExportFormat::Apx,
        ExportFormat::Tgf,
        ExportFormat::Argdown,
        ExportFormat::Aif,
    ];

    /// The format an extension names, if any.
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "af" => Some(ExportFormat::Af),
            "apx" => Some(ExportFormat::Apx),
            "tgf" => Some(ExportFormat::Tgf),
            "json" => Some(ExportFormat::Aif),
            "argdown" | "ad" => Some(ExportFormat::Argdown),
            _ => None,
        }
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Af => "af",
            ExportFormat::Apx => "apx",
            ExportFormat::Tgf => "tgf",
            ExportFormat::Argdown => "Argdown",
            ExportFormat::Aif => "AIF",
        }
    }
}

/// An exported map: the text, and what the format had no place for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file's text.
    pub text: String,
    /// What was left out, as phrases ("the title", "12 labels"); empty
    /// for frameworks, which are the map's framework by definition.
    pub left_out: Vec<String>,
}

/// Exports a checked map: a framework format writes the map's framework
/// under the reading `support`; a map format writes the map itself.
pub fn export(graph: &ArgGraph, format: ExportFormat, support: Support) -> Exported {
    let map = graph.map();
    let framework = |format| {
        let f = MapFramework::build(graph, support);
        let names: Vec<String> = f.arguments.iter().map(|a| a.name.clone()).collect();
        Exported {
            text: iccma::write(&f.framework, &names, format),
            left_out: Vec::new(),
        }
    };
    match format {
        ExportFormat::Af => framework(FrameworkFormat::Af),
        ExportFormat::Apx => framework(FrameworkFormat::Apx),
        ExportFormat::Tgf => framework(FrameworkFormat::Tgf),
        ExportFormat::Argdown => Exported {
            text: argdown::export(map),
            left_out: argdown::left_out(map),
        },
        ExportFormat::Aif => Exported {
            text: aif::export(map),
            left_out: aif::left_out(map),
        },
    }
}
