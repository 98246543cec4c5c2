//! The rules behind the routing, with their sources and confidence marks, so that every
//! finding can show where it comes from. Data: `data/rules.json`, extracted from
//! domain-research.md by `scripts/data/gen_rules.py`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::error::ScenarioError;
use super::json::{
    check_fields, expect_object, expect_str, field_path, list_of, required, text_field, texts_field,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub id: String,
    /// The rule as the research states it (English paraphrase of Dutch sources).
    pub text: String,
    /// The research's source and confidence column, verbatim.
    pub basis: String,
    /// `D`, `D-ind`, `I` or `?`.
    pub mark: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub urls: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    pub format: String,
    pub origin: String,
    /// Confidence mark → its meaning in Dutch.
    pub marks: BTreeMap<String, String>,
    pub rules: Vec<Rule>,
    pub sources: Vec<Source>,
}

impl Rules {
    /// Parses and checks a rules file: known format, known marks, no dangling source ids.
    pub fn from_json(text: &str) -> Result<Rules, String> {
        Rules::check(text).map_err(|m| super::error::one_line(&m))
    }

    fn check(text: &str) -> Result<Rules, String> {
        // Read by hand, not with serde's derive: the start build fetches this file, and a
        // derived decoder is about 16 KB of code (docs/performance.md).
        let value = super::strict_json::parse(text).map_err(|e| format!("rules.json: {e}"))?;
        let rules = Rules::from_value(&value).map_err(|e| format!("rules.json: {e}"))?;
        if rules.format != "routewijzer-rules/1" {
            return Err(format!(
                "rules.json: format '{}' wordt niet ondersteund (verwacht: routewijzer-rules/1)",
                rules.format
            ));
        }
        for (index, rule) in rules.rules.iter().enumerate() {
            if !rules.marks.contains_key(&rule.mark) {
                return Err(format!(
                    "rules.json: rules[{index}].mark: onbekend teken '{}'",
                    rule.mark
                ));
            }
            if let Some(missing) = rule.sources.iter().find(|s| rules.source(s).is_none()) {
                return Err(format!(
                    "rules.json: rules[{index}].sources: onbekende bron '{missing}'"
                ));
            }
        }
        Ok(rules)
    }

    fn from_value(value: &Value) -> Result<Rules, ScenarioError> {
        let map = expect_object(value, "", "een object")?;
        check_fields(map, "", &["format", "origin", "marks", "rules", "sources"])?;
        let marks = expect_object(
            required(map, "", "marks", "een object")?,
            "marks",
            "een object",
        )?
        .iter()
        .map(|(k, v)| {
            let meaning = expect_str(v, &field_path("marks", k), "tekst")?;
            Ok((k.clone(), meaning.to_string()))
        })
        .collect::<Result<_, ScenarioError>>()?;
        let rules = list_of(map, "", "rules", Rule::from_value)?;
        let sources = list_of(map, "", "sources", Source::from_value)?;
        Ok(Rules {
            format: text_field(map, "", "format")?,
            origin: text_field(map, "", "origin")?,
            marks,
            rules,
            sources,
        })
    }

    /// The bundled rules. A broken bundle yields no rules rather than a dead app; the test
    /// suite proves the bundle parses.
    pub fn bundled() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            Rules::from_json(include_str!("../../data/rules.json")).unwrap_or_default()
        })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn mark_meaning(&self, mark: &str) -> Option<&str> {
        self.marks.get(mark).map(String::as_str)
    }
}

impl Rule {
    fn from_value(value: &Value, path: &str) -> Result<Rule, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "text", "basis", "mark", "sources"])?;
        Ok(Rule {
            id: text_field(map, path, "id")?,
            text: text_field(map, path, "text")?,
            basis: text_field(map, path, "basis")?,
            mark: text_field(map, path, "mark")?,
            sources: texts_field(map, path, "sources")?,
        })
    }
}

impl Source {
    fn from_value(value: &Value, path: &str) -> Result<Source, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "title", "urls"])?;
        Ok(Source {
            id: text_field(map, path, "id")?,
            title: text_field(map, path, "title")?,
            urls: texts_field(map, path, "urls")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_parse_and_cover_the_research() {
        let rules = Rules::from_json(include_str!("../../data/rules.json")).unwrap();
        assert_eq!(rules.rules.len(), 53);
        assert!(rules.get("§6.2").is_some());
        assert_eq!(rules.sources.len(), 36);
        let b12 = rules.get("B12").unwrap();
        assert_eq!(b12.mark, "?");
        assert_eq!(rules.get("T2").unwrap().sources, vec!["S1"]);
        assert!(rules.source("S3").unwrap().urls[0].starts_with("https://"));
    }

    #[test]
    fn hand_read_rules_name_what_and_where() {
        let bundled: Value = serde_json::from_str(include_str!("../../data/rules.json")).unwrap();
        let broken = |edit: &dyn Fn(&mut Value)| {
            let mut v = bundled.clone();
            edit(&mut v);
            Rules::from_json(&v.to_string()).unwrap_err()
        };
        for (edit, expected) in [
            (
                &(|v: &mut Value| v["rules"][2]["sources"] = Value::from("S1")) as &dyn Fn(&mut Value),
                "rules.json: rules[2].sources: verwacht een lijst, gevonden: tekst 'S1'",
            ),
            (
                &|v: &mut Value| {
                    v["rules"][1].as_object_mut().unwrap().remove("text");
                },
                "rules.json: rules[1].text: ontbreekt (verwacht tekst)",
            ),
            (
                &|v: &mut Value| v["sources"][0]["urls"] = Value::from(vec![7]),
                "rules.json: sources[0].urls[0]: verwacht tekst, gevonden: getal 7",
            ),
            (
                &|v: &mut Value| v["rules"][0]["extra"] = Value::from(true),
                "rules.json: rules[0].extra: onbekend veld (verwacht: id, text, basis, mark, sources)",
            ),
            (
                &|v: &mut Value| v["marks"]["D"] = Value::Null,
                "rules.json: marks.D: verwacht tekst, gevonden: null",
            ),
            (
                &|v: &mut Value| *v = Value::from(vec![1]),
                "rules.json: verwacht een object, gevonden: een lijst",
            ),
        ] {
            assert_eq!(broken(edit), expected);
        }
    }

    #[test]
    fn broken_rules_give_a_message_naming_the_place() {
        let text =
            include_str!("../../data/rules.json").replacen("\"mark\": \"D\"", "\"mark\": \"X\"", 1);
        let err = Rules::from_json(&text).unwrap_err();
        assert!(err.contains("rules[0].mark"), "{err}");
        assert!(Rules::from_json("{")
            .unwrap_err()
            .starts_with("rules.json:"));
    }
}
