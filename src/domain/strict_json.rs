//! The one JSON reader for input from outside (scenarios from the CLI, the JS API, links and
//! files; configurations; casus and leerpad files; the catalogue, organisations and rules
//! files; stored work): serde_json's parser, building a `serde_json::Value`, except that a key
//! that appears twice in one object is an error naming it by its JSON path.
//!
//! serde_json's own `Value` keeps the last of two equal keys without a word, so
//! `{"lat": 51.76, "lat": 52.37}` silently moved a point from Oss to Zeewolde (issue 22).
//! Everything else is serde_json's: the grammar, numbers (`float_roundtrip`), the 128-level
//! depth limit and the line and column of an error.

use std::cell::Cell;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::error::ScenarioError;
use super::json::{field_path, index_path};

/// JSON text → value. Syntax errors read `ongeldige JSON (…) op regel L, kolom C` (or "te
/// diep genest", "onverwacht einde"); a repeated key reads
/// `location.lat: dubbele sleutel … op regel L, kolom C`. The caller skips a byte-order mark
/// and caps the size.
pub fn parse(text: &str) -> Result<Value, ScenarioError> {
    let duplicate = Cell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        at: None,
        duplicate: &duplicate,
    };
    let value = seed
        .deserialize(&mut reader)
        .and_then(|value| reader.end().map(|()| value));
    // A repeated key comes before any syntax error after it: the first problem in the text.
    match (duplicate.take(), value) {
        (Some(path), _) => Err(ScenarioError::new(
            path,
            "dubbele sleutel: staat al eerder in hetzelfde object (een sleutel mag maar één keer voorkomen)",
        )),
        (None, Ok(value)) => Ok(value),
        (None, Err(e)) => Err(syntax_error(&e)),
    }
}

/// serde_json's error in Dutch, with its line and column.
fn syntax_error(e: &serde_json::Error) -> ScenarioError {
    let raw = e.to_string();
    let what = if raw.contains("recursion limit") {
        "JSON is te diep genest (maximaal 128 niveaus)".to_string()
    } else {
        match e.classify() {
            serde_json::error::Category::Eof => "onverwacht einde van de JSON".to_string(),
            _ => {
                // serde_json's own words without its position suffix.
                let detail = raw.split(" at line ").next().unwrap_or(&raw);
                format!("ongeldige JSON ({detail})")
            }
        }
    };
    ScenarioError::new(
        "",
        format!("{what} op regel {}, kolom {}", e.line(), e.column()),
    )
}

/// Where a value sits: a chain of keys and indexes up to the root, on the stack. The path
/// text is only written for a duplicate.
struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Longest JSON path shown (bytes; at most as many characters), as for a casus file's paths.
const MAX_PATH: usize = 120;

/// `activities[1].verzoektype`, as the hand-written readers write paths (`domain::json`).
fn path_text(at: &At<'_>) -> String {
    let path = full_path(at);
    if path.len() <= MAX_PATH {
        return path;
    }
    let mut cut = MAX_PATH;
    while !path.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", path.get(..cut).unwrap_or_default())
}

fn full_path(at: &At<'_>) -> String {
    let parent = at.parent.map(full_path).unwrap_or_default();
    match at.step {
        // A key as text: at most 60 characters, no control characters, `""` if empty.
        Step::Key(key) => {
            let shown: String = key.chars().take(60).filter(|c| !c.is_control()).collect();
            field_path(&parent, if shown.is_empty() { "\"\"" } else { &shown })
        }
        Step::Index(i) => index_path(&parent, i),
    }
}

/// Reads one value at `at`; reports the first repeated key in `duplicate`.
#[derive(Clone, Copy)]
struct Seed<'a> {
    at: Option<&'a At<'a>>,
    duplicate: &'a Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("een JSON-waarde")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        // As serde_json's own Value: JSON text has no NaN or infinity, so this is total.
        Ok(Number::from_f64(x).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = At {
                parent: self.at,
                step: Step::Index(items.len()),
            };
            let seed = Seed {
                at: Some(&at),
                duplicate: self.duplicate,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = At {
                parent: self.at,
                step: Step::Key(&key),
            };
            // Noted, not an error at once: serde_json's custom errors cost 2.5 KB of the
            // start build (they parse their own message); `parse` reports the first.
            if object.contains_key(&key) {
                let first = self.duplicate.take();
                self.duplicate.set(first.or_else(|| Some(path_text(&at))));
            }
            let seed = Seed {
                at: Some(&at),
                duplicate: self.duplicate,
            };
            let value = map.next_value_seed(seed)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn a_repeated_key_is_named_by_its_path_line_and_column() {
        let text = "{\"location\": {\"lat\": 51.765,\n \"lon\": 5.528, \"lat\": 52.33}}";
        assert_eq!(
            err(text),
            "location.lat: dubbele sleutel: staat al eerder in hetzelfde object \
             (een sleutel mag maar één keer voorkomen)"
        );
        let list = r#"{"a": [{"x": 1}, {"x": 1, "y": {"z": [0, {"k": 1, "k": 1}]}}]}"#;
        assert!(
            err(list).starts_with("a[1].y.z[1].k: dubbele sleutel"),
            "{}",
            err(list)
        );
        assert!(err(r#"{"": 1, "": 2}"#).starts_with("\"\": dubbele sleutel"));
        // Keys equal after unescaping are the same key.
        assert!(err(r#"{"lat": 1, "l\u0061t": 2}"#).starts_with("lat: dubbele sleutel"));
        // The first of several, even before a syntax error further on.
        assert!(
            err(r#"{"a": {"b": 1, "b": 2}, "c": 1, "c": 2, "d": }"#).starts_with("a.b: dubbele")
        );
    }

    #[test]
    fn a_long_or_deep_path_is_cut_at_its_end() {
        let key = "k\u{1b}".repeat(100);
        let text = format!(
            "{}{{\"{key}\": 1, \"{key}\": 2}}{}",
            "{\"abcdefghij\": [".repeat(60),
            "]}".repeat(60)
        )
        .replace('\u{1b}', "\\u001b");
        let message = err(&text);
        let (path, _) = message.split_once(": dubbele sleutel").unwrap();
        assert!(path.starts_with("abcdefghij[0].abcdefghij[0]."), "{path}");
        assert!(path.ends_with('…'), "{path}");
        assert_eq!(path.chars().count(), MAX_PATH + 1);
        // A key alone: 60 characters of it, without the control characters.
        let short = err(&format!("{{\"{key}\": 1, \"{key}\": 2}}").replace('\u{1b}', "\\u001b"));
        assert!(
            short.starts_with(&format!("{}: dubbele", "k".repeat(30))),
            "{short}"
        );
    }

    #[test]
    fn everything_else_is_serde_jsons_value() {
        let text = r#"{"a": [1, -2, 3.5, 1e300, 18446744073709551615, true, null, "é\n"],
                       "b": {"c": {}}, "d": [], "e": 0.1, "f": -0.0, "g": 5.528000000000001}"#;
        let strict = parse(text).unwrap();
        assert_eq!(strict, serde_json::from_str::<Value>(text).unwrap());
        assert_eq!(
            strict.to_string(),
            serde_json::from_str::<Value>(text).unwrap().to_string()
        );
        // The same key in different objects is fine.
        assert!(parse(r#"{"a": {"x": 1}, "b": {"x": 1}, "x": [{"x": 1}, {"x": 2}]}"#).is_ok());
    }

    #[test]
    fn syntax_errors_and_the_depth_limit_are_unchanged() {
        assert_eq!(
            err("{\"a\": }"),
            "ongeldige JSON (expected value) op regel 1, kolom 7"
        );
        assert_eq!(
            err("{\"a\": 1"),
            "onverwacht einde van de JSON op regel 1, kolom 7"
        );
        assert_eq!(
            err("{} x"),
            "ongeldige JSON (trailing characters) op regel 1, kolom 4"
        );
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        // serde_json's limit, as before: 127 nested arrays pass, 128 do not.
        assert!(parse(&deep(127)).is_ok());
        assert!(err(&deep(128)).starts_with("JSON is te diep genest (maximaal 128 niveaus)"));
        assert!(err(&deep(100_000)).starts_with("JSON is te diep genest"));
    }
}
