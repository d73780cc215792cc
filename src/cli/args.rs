//! Argument groups that several commands share, defined once.

use argmap::semantics::{Semantics, Support};

/// `--semantics` and `--support`: how a map is evaluated.
#[derive(Clone, Copy, Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// The semantics.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded, ignore_case = true)]
    pub(crate) semantics: SemanticsArg,

    /// How a plain `supports` turns into attacks. Premises and conclusions
    /// of arguments are read the same way in every reading: an argument
    /// needs all its premises and entails its conclusion.
    #[arg(long, value_enum, default_value_t = SupportArg::None, ignore_case = true)]
    pub(crate) support: SupportArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SemanticsArg {
    /// The sceptical core: one labelling, in linear time.
    Grounded,
    /// Every complete labelling.
    Complete,
    /// The maximal complete labellings: each coherent position.
    Preferred,
    /// The labellings where everything is accepted or rejected.
    Stable,
}

impl SemanticsArg {
    pub(crate) fn semantics(self) -> Semantics {
        match self {
            SemanticsArg::Grounded => Semantics::Grounded,
            SemanticsArg::Complete => Semantics::Complete,
            SemanticsArg::Preferred => Semantics::Preferred,
            SemanticsArg::Stable => Semantics::Stable,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SupportArg {
    /// A `supports` is a reason, like a one-premise argument: it adds no
    /// attacks (`arguments` is an old name for it).
    #[value(alias = "arguments")]
    None,
    /// A `supports` settles its target: accepting `a` commits to `b`, and an
    /// attack on `b` reaches `a`.
    Deductive,
    /// A `supports` is a precondition: `b` cannot stand without `a`.
    Necessary,
}

impl SupportArg {
    pub(crate) fn support(self) -> Support {
        match self {
            SupportArg::None => Support::None,
            SupportArg::Deductive => Support::Deductive,
            SupportArg::Necessary => Support::Necessary,
        }
    }
}

/// The map, its evaluation and the output format: what `eval` and
/// `actors` take.
#[derive(Clone, Debug, clap::Args)]
pub(crate) struct DocumentArgs {
    /// The map (`-` reads stdin).
    pub(crate) map: std::path::PathBuf,

    #[command(flatten)]
    pub(crate) eval: EvalArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text, ignore_case = true)]
    pub(crate) format: TextOrJson,
}

/// `--format text|json` of the commands that print a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}
