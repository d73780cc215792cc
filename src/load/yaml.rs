//! YAML text → a spanned value tree. The only file that names the YAML crate.
//!
//! The tree keeps every key and value with its byte span and keeps repeated
//! keys (the schema pass reports them), so no later step needs the parser.
//! Limits: nesting depth 64, alias expansion one million events, and the
//! caller's file-size limit, enforced here or before.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::options::DuplicateKeyPolicy;
use serde_saphyr::{Budget, Location, Spanned};

use crate::source::Span;

/// Deepest nesting the parser accepts; protects the stack (a map needs
/// about ten levels; each level costs tens of KiB of stack in debug builds,
/// and threads may have as little as 2 MiB).
pub(crate) const MAX_DEPTH: usize = 32;

/// A YAML value with its span.
#[derive(Debug, Clone)]
pub(crate) struct Yaml {
    pub(crate) value: Value,
    pub(crate) span: Span,
}

/// The value itself.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Null,
    Bool,
    Int(i128),
    Float,
    Str(String),
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

impl Value {
    /// The YAML type name, for "expected …, found …" messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Why the text could not be turned into a tree.
#[derive(Debug)]
pub(crate) struct ParseError {
    pub(crate) message: String,
    pub(crate) span: Span,
    /// Whether a safety limit (rather than the syntax) stopped the parser.
    pub(crate) limit: bool,
}

/// Parses one YAML document. `Ok(None)` means the document is empty.
pub(crate) fn parse(text: &str) -> Result<Option<Yaml>, ParseError> {
    let mut budget = Budget::default();
    // Maps of a million nodes have tens of millions of events; the limits
    // that matter for safety are depth and alias expansion, kept at defaults.
    budget.max_events = usize::MAX;
    budget.max_nodes = usize::MAX;
    budget.max_total_scalar_bytes = usize::MAX;
    budget.max_reader_input_bytes = None;
    budget.max_depth = MAX_DEPTH;
    let options = serde_saphyr::options! {
        budget: Some(budget),
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
        // YAML 1.2 booleans only: `no`, `y` or `on` are ids and words here.
        strict_booleans: true,
        // `007` and `1_000` stay as written rather than turning into numbers.
        leading_zero_numbers_as_strings: true,
    };
    match serde_saphyr::from_str_with_options::<Option<Yaml>>(text, options) {
        Ok(tree) => Ok(tree.filter(|t| !matches!(t.value, Value::Null) || !t.span.is_empty())),
        Err(err) => {
            let span = err
                .location()
                .map_or(Span::default(), |l| span_of(&l, text));
            let raw = err.to_string();
            let limit = raw.contains("budget") || raw.contains("limit");
            let message = if !limit {
                clean_message(&raw)
            } else if raw.contains("Depth") {
                format!("YAML is nested more than {MAX_DEPTH} levels deep")
            } else if raw.contains("Anchor") || raw.contains("Alias") || raw.contains("Replay") {
                "aliases expand to more than a million events (an alias bomb?)".to_string()
            } else {
                format!(
                    "input exceeds a parser safety limit ({})",
                    clean_message(&raw)
                )
            };
            Err(ParseError {
                message,
                span,
                limit,
            })
        }
    }
}

/// The parser appends " at line L, column C" and may prefix its own
/// category; argmap shows the location itself.
fn clean_message(raw: &str) -> String {
    let mut msg = raw.lines().next().unwrap_or(raw).trim().to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    let mut chars = msg.chars();
    match chars.next() {
        Some(c) => c
            .to_lowercase()
            .chain(chars)
            .collect::<String>()
            .trim_end_matches('.')
            .to_string(),
        None => "invalid YAML".to_string(),
    }
}

fn span_of(location: &Location, text: &str) -> Span {
    let s = location.span();
    match (s.byte_offset(), s.byte_len()) {
        (Some(start), Some(len)) => {
            let start = usize::try_from(start).unwrap_or(usize::MAX);
            let len = usize::try_from(len).unwrap_or(0);
            Span::new(start..start.saturating_add(len))
        }
        _ => {
            // Fall back to line and column (1-based, in characters).
            let line = usize::try_from(location.line()).unwrap_or(0);
            let column = usize::try_from(location.column()).unwrap_or(0);
            if line == 0 {
                return Span::default();
            }
            let line_start = text
                .match_indices('\n')
                .nth(line.saturating_sub(2))
                .map_or(0, |(i, _)| if line == 1 { 0 } else { i + 1 });
            let offset = text[line_start.min(text.len())..]
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| line_start + i);
            Span::new(offset..offset)
        }
    }
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        let s = spanned.referenced.span();
        let span = match (s.byte_offset(), s.byte_len()) {
            (Some(start), Some(len)) => {
                let start = usize::try_from(start).unwrap_or(usize::MAX);
                Span::new(start..start.saturating_add(usize::try_from(len).unwrap_or(0)))
            }
            _ => Span::default(),
        };
        Ok(Yaml {
            value: spanned.value,
            span,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        let _ = v;
        Ok(Value::Bool)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(i128::from(v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(i128::from(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i128::try_from(v).map_or(Value::Float, Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        let _ = v;
        Ok(Value::Float)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Yaml>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Yaml>()? {
            let value = map.next_value::<Yaml>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Yaml {
        parse(text).expect("parses").expect("not empty")
    }

    #[test]
    fn keys_and_values_carry_byte_spans() {
        let text = "title: Æ og ø\nnodes:\n  a: { text: \"x\" }\n";
        let tree = parse_ok(text);
        let Value::Map(entries) = &tree.value else {
            panic!("not a map")
        };
        let (k, v) = &entries[0];
        assert_eq!(&text[k.span.range()], "title");
        assert_eq!(&text[v.span.range()], "Æ og ø");
        let Value::Map(nodes) = &entries[1].1.value else {
            panic!()
        };
        assert_eq!(&text[nodes[0].0.span.range()], "a");
    }

    #[test]
    fn repeated_keys_are_kept() {
        let tree = parse_ok("a: 1\na: 2\n");
        let Value::Map(entries) = &tree.value else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn empty_and_comment_only_documents_are_none() {
        assert!(parse("").expect("parses").is_none());
        assert!(parse("# nothing\n").expect("parses").is_none());
    }

    #[test]
    fn deep_nesting_is_a_limit_error() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse(&text).expect_err("too deep");
        assert!(err.limit, "{}", err.message);
    }

    #[test]
    fn alias_bomb_is_a_limit_error() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        let err = parse(&text).expect_err("bomb");
        assert!(err.limit, "{}", err.message);
    }
}
