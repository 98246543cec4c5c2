//! The sentences of the findings, as data: `data/findings/nl.json` (the outcome's `text`)
//! and `data/findings/en.json`, each with a template per sentence id (a code, or
//! `code/variant`) with named placeholders. Validated on load against the sentences the
//! engine builds ([`super::SENTENCES`]): no unknown or missing id, every placeholder known
//! and every parameter used. One file per language, so that the page's first load carries
//! only the Dutch (docs/performance.md); the format is in docs/bevindingen.md.
//!
//! Template syntax: `{name}` fills a parameter; `{name|one|other}` picks `one` when the
//! parameter is singular (a count of 1, one name that is not a plural such as Gedeputeerde
//! Staten) or true, and `other` otherwise.

use serde_json::Value;

use super::super::error::{DataError, ScenarioError};
use super::super::json::{check_fields, expect_object, field_path, text_field};
use super::{Arg, SENTENCES};

pub const FINDINGS_FORMAT: &str = "routewijzer-findings/1";

/// A language of the findings' sentences: Dutch (the outcome's `text`) or English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// Picks the text for this language: each text is written as its pair where it is used.
    pub fn t<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A piece of a template: text, `{name}`, or `{name|one|other}`.
enum Piece<'t> {
    Text(&'t str),
    Param(&'t str),
    Choice(&'t str, &'t str, &'t str),
}

/// A template's pieces; `Err` says what is not well formed.
fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let unpaired = || "'{' en '}' horen in paren: {naam} of {naam|een|meer}".to_string();
    let mut parts = template.split('{');
    let first = parts.next().unwrap_or_default();
    if first.contains('}') {
        return Err(unpaired());
    }
    let mut out = vec![Piece::Text(first)];
    for part in parts {
        let (inner, text) = part.split_once('}').ok_or_else(unpaired)?;
        if text.contains('}') {
            return Err(unpaired());
        }
        let bits: Vec<&str> = inner.split('|').collect();
        out.push(match bits.as_slice() {
            [name] => Piece::Param(name),
            [name, one, other] => Piece::Choice(name, one, other),
            _ => {
                return Err(format!(
                    "{{{inner}}}: verwacht {{naam}} of {{naam|een|meer}}"
                ))
            }
        });
        out.push(Piece::Text(text));
    }
    Ok(out)
}

/// Checks a template against its parameters (space-separated): well formed, no unknown
/// placeholder, every parameter used.
fn check(template: &str, params: &str) -> Result<(), String> {
    let pieces = pieces(template)?;
    let names = || {
        pieces.iter().filter_map(|p| match p {
            Piece::Text(_) => None,
            Piece::Param(name) | Piece::Choice(name, _, _) => Some(*name),
        })
    };
    let unknown = names().find(|n| !params.split(' ').any(|p| p == *n));
    let missing = params
        .split_whitespace()
        .find(|p| !names().any(|n| n == *p));
    let (what, name) = match (unknown, missing) {
        (Some(name), _) => ("onbekend", name),
        (None, Some(name)) => ("ontbreekt", name),
        (None, None) => return Ok(()),
    };
    Err(format!(
        "plaatsaanduiding {{{name}}} {what} (deze zin gebruikt: {})",
        if params.is_empty() { "geen" } else { params }
    ))
}

/// The sentences of every finding in one language, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingTexts {
    pub lang: Lang,
    /// In [`SENTENCES`] order.
    templates: Vec<String>,
}

impl FindingTexts {
    /// Reads and validates a findings file in `lang`.
    pub fn from_json(text: &str, lang: Lang) -> Result<FindingTexts, DataError> {
        let bad = |e: &dyn std::fmt::Display| DataError::new("bevindingen", e.to_string());
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = super::super::strict_json::parse(text).map_err(|e| bad(&e))?;
        let templates = templates(&value).map_err(|e| bad(&e))?;
        Ok(FindingTexts { lang, templates })
    }

    /// The sentence `id` with `args` filled in; empty for an id not in [`SENTENCES`].
    /// `args` are in the order of the sentence's parameters.
    pub(crate) fn render(&self, id: &str, args: &[Arg]) -> String {
        let Some((i, (_, params))) = SENTENCES.iter().enumerate().find(|(_, (s, _))| *s == id)
        else {
            return String::new();
        };
        let template = self.templates.get(i);
        let arg = |name: &str| {
            params
                .split(' ')
                .position(|p| p == name)
                .and_then(|i| args.get(i))
        };
        let mut out = String::new();
        // Checked on load: a stored template always has its pieces.
        for piece in pieces(template.map_or("", String::as_str)).unwrap_or_default() {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Param(name) => {
                    if let Some(a) = arg(name) {
                        out.push_str(&a.text(self.lang));
                    }
                }
                Piece::Choice(name, one, other) => {
                    out.push_str(if arg(name).is_none_or(Arg::is_one) {
                        one
                    } else {
                        other
                    });
                }
            }
        }
        out
    }
}

/// The file's templates in [`SENTENCES`] order, each checked; errors name the JSON path.
fn templates(value: &Value) -> Result<Vec<String>, ScenarioError> {
    let map = expect_object(value, "", "een object")?;
    check_fields(map, "", &["format", "description", "findings"])?;
    let format = text_field(map, "", "format")?;
    if format != FINDINGS_FORMAT {
        return Err(ScenarioError::new(
            "format",
            format!("verwacht {FINDINGS_FORMAT}, gevonden '{format}'"),
        ));
    }
    let findings = expect_object(
        map.get("findings").unwrap_or(&Value::Null),
        "findings",
        "een object met per bevinding een zin",
    )?;
    if let Some(key) = findings
        .keys()
        .find(|k| !SENTENCES.iter().any(|(id, _)| id == k))
    {
        return Err(ScenarioError::new(
            field_path("findings", key),
            "onbekende bevinding (de bevindingen staan in docs/bevindingen.md)",
        ));
    }
    let mut templates = Vec::with_capacity(SENTENCES.len());
    for (id, params) in SENTENCES {
        let template = text_field(findings, "findings", id)?;
        if let Err(m) = check(&template, params) {
            return Err(ScenarioError::new(field_path("findings", id), m));
        }
        templates.push(template);
    }
    Ok(templates)
}
