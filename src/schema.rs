//! The map format as a JSON Schema, for editors: completion, hover
//! documentation and validation while a map is typed (see
//! `docs/editors.md`).
//!
//! The types here describe the file as written, shorthands included; they
//! exist for the schema only (the loader reads maps with spans into
//! [`crate::model`]). A test validates every valid fixture against the
//! schema and checks that the schema rejects the invalid ones that a schema
//! can see. The types are never built, only described: hence the allows.

#![allow(dead_code, clippy::large_enum_variant)]

use indexmap::IndexMap;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// The JSON Schema dialect to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Draft {
    /// JSON Schema 2020-12 (default).
    #[default]
    Draft2020_12,
    /// JSON Schema draft-07, what the YAML language server of VS Code and
    /// other editors validates with.
    Draft07,
}

/// The schema of the map format, pretty-printed JSON ending in a newline.
pub fn json_schema(draft: Draft) -> String {
    let settings = match draft {
        Draft::Draft2020_12 => SchemaSettings::draft2020_12(),
        Draft::Draft07 => SchemaSettings::draft07(),
    };
    // Inlined, so that every property carries its own description next to
    // its type: the YAML language server's hover shows the description of
    // a `$ref`'s target, not the one beside the `$ref`.
    let settings = settings.with(|s| s.inline_subschemas = true);
    let schema = settings.into_generator().into_root_schema_for::<MapFile>();
    let mut schema = schema.to_value();
    without_null(&mut schema);
    tidy_descriptions(&mut schema);
    let Some(object) = schema.as_object_mut() else {
        return String::new();
    };
    object.insert(
        "$id".into(),
        match draft {
            Draft::Draft2020_12 => "https://argmap.invalid/schema/v1/argmap.schema.json",
            Draft::Draft07 => "https://argmap.invalid/schema/v1/argmap.draft-07.schema.json",
        }
        .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// An argmap map (format version 1): claims, arguments and questions, the
/// relations between them, the actors who hold them and the documents they
/// cite. See docs/format.md.
#[derive(JsonSchema)]
#[schemars(title = "argmap map", deny_unknown_fields)]
struct MapFile {
    /// The format version; when given it must be 1.
    #[schemars(range(min = 1, max = 1))]
    argmap: Option<u32>,
    /// The map's title, drawn above the diagram.
    #[schemars(schema_with = "non_blank")]
    title: String,
    /// A longer description.
    summary: Option<String>,
    /// Default language of the texts, a BCP 47 tag such as `en` or `nb`.
    lang: Option<String>,
    /// The people and institutions that hold or reject claims, by id.
    actors: Option<Actors>,
    /// The documents that evidence cites, by id.
    sources: Option<Sources>,
    /// Claims, arguments and questions, by id; at least one. Nodes and
    /// named relations share one namespace.
    #[schemars(schema_with = "nodes")]
    nodes: IndexMap<String, NodeEntry>,
}

/// An actor: its display name alone, or a mapping.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum ActorEntry {
    /// The display name.
    Name(#[schemars(schema_with = "non_blank")] String),
    /// An actor with its details.
    Full(Actor),
}

/// Someone who holds or rejects claims.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Actor {
    /// The display name.
    #[schemars(schema_with = "non_blank")]
    name: String,
    /// A diagram fill colour: `#rrggbb` or an X11/SVG colour name (default:
    /// the next colour of a palette).
    color: Option<String>,
    /// Free text.
    note: Option<String>,
}

/// A source: its title alone, or a mapping.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum SourceEntry {
    /// The document's title.
    Title(#[schemars(schema_with = "non_blank")] String),
    /// A source with its details.
    Full(Source),
}

/// A document that evidence cites.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Source {
    /// The document's title.
    #[schemars(schema_with = "non_blank")]
    title: String,
    /// Who wrote it.
    author: Option<String>,
    /// Who published it.
    publisher: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, naming a real day.
    date: Option<Date>,
    /// Where to read it.
    url: Option<String>,
    /// Its language (BCP 47).
    lang: Option<String>,
    /// A local copy (plain text, Markdown or HTML), relative to the map and
    /// inside its folder tree; every `quote:` citing the source must occur
    /// in it.
    file: Option<String>,
    /// Free text.
    note: Option<String>,
}

/// A node: its text alone (a claim), or a mapping.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum NodeEntry {
    /// The text of a claim.
    Text(#[schemars(schema_with = "non_blank")] String),
    /// A claim, argument or question with its details.
    Full(Node),
}

/// What a node is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum Kind {
    /// A statement that can be true or false (the default).
    Claim,
    /// An inference: its `premises` jointly support its `conclusion`.
    Argument,
    /// An open question that claims answer.
    Question,
}

/// A claim, argument or question.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, extend("allOf" = [{
    "if": { "properties": { "kind": { "const": "argument" } }, "required": ["kind"] },
    "then": { "required": ["premises", "conclusion"] },
    "else": { "properties": { "premises": false, "conclusion": false } }
}]))]
struct Node {
    /// What it is: claim (default), argument or question.
    kind: Option<Kind>,
    /// The full statement.
    #[schemars(schema_with = "non_blank")]
    text: String,
    /// A short title, drawn in diagrams instead of the text.
    label: Option<String>,
    /// Actors who hold it (actor ids).
    held_by: Option<Ids>,
    /// Actors who reject it (actor ids).
    rejected_by: Option<Ids>,
    /// Cited documents: a source id, an entry, or a list of them.
    evidence: Option<EvidenceList>,
    /// Free words; `argmap render --group-by tag` clusters by the first.
    tags: Option<Tags>,
    /// A hand-made group: `argmap render --group-by group` draws the nodes
    /// of one group in one box labelled with it.
    group: Option<String>,
    /// Free text.
    note: Option<String>,
    /// A reason for the target claim (from a claim or argument).
    supports: Option<Targets>,
    /// A reason against the target claim or argument (rebuttal).
    attacks: Option<Targets>,
    /// Denies that the target argument's inference, or a named relation,
    /// holds.
    undercuts: Option<Targets>,
    /// The target claim cannot be true together with this one (symmetric:
    /// write it once, on either side).
    contradicts: Option<Targets>,
    /// An answer to the target question.
    answers: Option<Targets>,
    /// An argument's premises (claim ids); required for arguments only.
    premises: Option<Ids>,
    /// An argument's conclusion (a claim id); required for arguments only.
    conclusion: Option<Id>,
}

/// An id: lowercase ASCII letters, digits, `-`, `_` and `.`, starting with
/// a letter or digit, at most 128 characters (numbers are taken as written).
#[derive(JsonSchema)]
#[schemars(untagged)]
enum Id {
    /// An id.
    Name(#[schemars(schema_with = "id")] String),
    /// A number used as an id.
    Number(u64),
}

/// One id or a list of ids.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum Ids {
    /// One id.
    One(Id),
    /// A list of ids.
    Many(Vec<Id>),
}

/// Evidence: one entry or a list.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum EvidenceList {
    /// One entry.
    One(EvidenceEntry),
    /// A list of entries.
    Many(Vec<EvidenceEntry>),
}

/// A source id alone, or a mapping.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum EvidenceEntry {
    /// The cited source's id.
    Source(Id),
    /// A citation with its details.
    Full(Evidence),
}

/// A quotation or reference to a source.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Evidence {
    /// The cited source's id.
    source: Id,
    /// A locator such as `para 8` or `p. 3`; a paragraph is checked against
    /// the source's file when it numbers its paragraphs.
    at: Option<String>,
    /// Verbatim text from the source; an ellipsis (`…`, `[...]`) splits it
    /// into parts that must occur in order.
    quote: Option<String>,
    /// A translation of the quote.
    translation: Option<String>,
    /// Free text.
    note: Option<String>,
}

/// Relation targets: one or a list.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum Targets {
    /// One target.
    One(Target),
    /// A list of targets.
    Many(Vec<Target>),
}

/// A target id alone, or a mapping.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum Target {
    /// The target's id (a node, or for `undercuts` a named relation).
    Id(Id),
    /// A relation with its details.
    Full(Relation),
}

/// A relation with an id, label or evidence of its own.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Relation {
    /// The target's id (a node, or for `undercuts` a named relation).
    to: Id,
    /// Names the relation, so that an `undercuts` can target it.
    id: Option<Id>,
    /// Drawn on the edge.
    label: Option<String>,
    /// Evidence for the link itself.
    evidence: Option<EvidenceList>,
}

const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,127}$";

fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": ID_PATTERN })
}

fn non_blank(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": "\\S" })
}

/// Implements [`JsonSchema`] for a type from a schema function.
macro_rules! schema_type {
    ($name:ident, $schema:expr) => {
        struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                #[allow(clippy::redundant_closure_call)]
                ($schema)(generator)
            }
        }
    };
}

schema_type!(Date, |_: &mut SchemaGenerator| json_schema!({
    "description": "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, naming a real day.",
    "anyOf": [
        { "type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$" },
        { "type": "integer", "minimum": 0, "maximum": 9999 }
    ]
}));

schema_type!(Tags, |_: &mut SchemaGenerator| json_schema!({
    "description": "A free word, or a list of them.",
    "anyOf": [
        { "type": ["string", "number"] },
        { "type": "array", "items": { "type": ["string", "number"] } }
    ]
}));

schema_type!(Actors, |g: &mut SchemaGenerator| keyed::<ActorEntry>(
    g, false
));
schema_type!(Sources, |g: &mut SchemaGenerator| keyed::<SourceEntry>(
    g, false
));

fn keyed<T: JsonSchema>(generator: &mut SchemaGenerator, at_least_one: bool) -> Schema {
    let value = generator.subschema_for::<T>();
    let mut schema = json_schema!({
        "type": "object",
        "propertyNames": { "pattern": ID_PATTERN },
        "additionalProperties": value
    });
    if at_least_one {
        schema.insert("minProperties".into(), 1.into());
    }
    schema
}

fn nodes(generator: &mut SchemaGenerator) -> Schema {
    keyed::<NodeEntry>(generator, true)
}

/// Descriptions for editors: lines of a doc comment joined into one
/// paragraph, and none on the branches of an `anyOf`, so that hover shows
/// the property's own description (the YAML language server shows the
/// innermost matching branch's).
fn tidy_descriptions(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(object) => {
            if let Some(Value::String(d)) = object.get_mut("description") {
                *d = d
                    .split("\n\n")
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            if let Some(Value::Array(branches)) = object.get_mut("anyOf") {
                for branch in branches.iter_mut() {
                    strip_branch(branch);
                }
            }
            object.values_mut().for_each(tidy_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

/// Drops the description of an `anyOf` branch, and of the branches it
/// nests.
fn strip_branch(branch: &mut serde_json::Value) {
    if let Some(object) = branch.as_object_mut() {
        object.remove("description");
        if let Some(serde_json::Value::Array(inner)) = object.get_mut("anyOf") {
            inner.iter_mut().for_each(strip_branch);
        }
    }
}

/// Takes `null` out of every type: the loader refuses an empty value where
/// a value is expected, so an editor should too.
fn without_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    let Value::Object(object) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(without_null);
        }
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            object.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(any)) = object.get_mut("anyOf") {
        any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
        if any.len() == 1
            && let Some(Value::Object(only)) = any.pop()
        {
            object.remove("anyOf");
            for (k, v) in only {
                object.entry(k).or_insert(v);
            }
        }
    }
    object.values_mut().for_each(without_null);
}
