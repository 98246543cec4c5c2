//! The rules behind the routing, with their sources and confidence marks, so that every
//! finding can show where it comes from. Data: `data/rules.json`, extracted from
//! domain-research.md by `scripts/data/gen_rules.py`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
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

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub urls: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
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
        let rules: Rules = serde_json::from_str(text).map_err(|e| format!("rules.json: {e}"))?;
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
