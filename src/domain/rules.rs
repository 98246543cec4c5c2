//! The rules behind the routing, in Dutch (leading) and English, each with a confidence mark
//! and dated public sources, so that every finding can show where it comes from. Data:
//! `data/rules.json`. That file is the edited source: a domain expert changes it there, and
//! this reader checks it on load.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::error::ScenarioError;
use super::json::{
    bool_field, check_fields, expect_object, field_path, list_of, opt_text_field, quote, required,
    text_field, texts_field,
};

/// The file format this reader accepts.
pub const FORMAT: &str = "routewijzer-rules/2";

/// A text in Dutch (leading) and English.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    /// The text for a language code: `"en"` gives English, anything else Dutch.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.nl
        }
    }
}

/// A confidence mark written out: its word ("gedocumenteerd") and what it means.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mark {
    pub word: Text,
    pub meaning: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub id: String,
    pub text: Text,
    /// `D`, `D-ind`, `I` or `?`: a key of [`Rules::marks`].
    pub mark: String,
    pub sources: Vec<String>,
}

/// A public source: who published it, its own (Dutch) title, when, and where to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// Publication or version date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// A version or publication reference ("Stb. 2018, 290", "commit 231e8ba").
    pub version: Option<String>,
    /// The date by which the source was consulted (`YYYY-MM-DD`).
    pub consulted: Option<String>,
    /// A public `https://` address; `None` only for a source marked `"public": false`.
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    pub format: String,
    pub origin: Text,
    /// "Stand van de bronnen": the date up to which the sources were checked (`YYYY-MM-DD`).
    pub sources_checked: String,
    /// Confidence marks by their short form (`D`), with the mark written out. A list, not a
    /// map: less code in the start build, which fetches this file.
    pub marks: Vec<(String, Mark)>,
    pub rules: Vec<Rule>,
    pub sources: Vec<Source>,
}

impl Rules {
    /// Parses and checks a rules file: the format, both languages of every text, known marks,
    /// no dangling or repeated ids, dated sources with public addresses.
    pub fn from_json(text: &str) -> Result<Rules, String> {
        Rules::check(text).map_err(|m| super::error::one_line(&m))
    }

    fn check(text: &str) -> Result<Rules, String> {
        // Read by hand, not with serde's derive: the start build fetches this file, and a
        // derived decoder is about 16 KB of code (docs/performance.md).
        let value = super::strict_json::parse(text).map_err(|e| format!("rules.json: {e}"))?;
        let rules = Rules::from_value(&value).map_err(|e| format!("rules.json: {e}"))?;
        rules
            .check_links()
            .map_err(|e| format!("rules.json: {e}"))?;
        Ok(rules)
    }

    fn from_value(value: &Value) -> Result<Rules, ScenarioError> {
        let map = expect_object(value, "", "een object")?;
        check_fields(
            map,
            "",
            &[
                "format",
                "sources_checked",
                "origin",
                "marks",
                "rules",
                "sources",
            ],
        )?;
        let format = text_field(map, "", "format")?;
        if format != FORMAT {
            return Err(ScenarioError::new(
                "format",
                format!(
                    "{} wordt niet ondersteund (verwacht: {FORMAT})",
                    quote(&format)
                ),
            ));
        }
        let sources_checked = date_field(map, "", "sources_checked", true)?.ok_or_else(|| {
            ScenarioError::new(
                "sources_checked",
                "ontbreekt (verwacht een datum als 2026-12-06)",
            )
        })?;
        let marks = expect_object(
            required(map, "", "marks", "een object")?,
            "marks",
            "een object",
        )?
        .iter()
        .map(|(k, v)| Ok((k.clone(), Mark::from_value(v, &field_path("marks", k))?)))
        .collect::<Result<_, ScenarioError>>()?;
        Ok(Rules {
            format,
            origin: text_pair(map, "", "origin")?,
            sources_checked,
            marks,
            rules: list_of(map, "", "rules", Rule::from_value)?,
            sources: list_of(map, "", "sources", Source::from_value)?,
        })
    }

    /// Marks and sources that rules name exist; ids are unique.
    fn check_links(&self) -> Result<(), ScenarioError> {
        for (i, rule) in self.rules.iter().enumerate() {
            let at = format!("rules[{i}]");
            if self.rules.iter().take(i).any(|r| r.id == rule.id) {
                return Err(ScenarioError::new(
                    format!("{at}.id"),
                    format!("{} komt twee keer voor", quote(&rule.id)),
                ));
            }
            if self.mark(&rule.mark).is_none() {
                let known: Vec<&str> = self.marks.iter().map(|(k, _)| k.as_str()).collect();
                return Err(ScenarioError::new(
                    format!("{at}.mark"),
                    format!(
                        "onbekend teken {} (bekend: {})",
                        quote(&rule.mark),
                        known.join(", ")
                    ),
                ));
            }
            if let Some(missing) = rule.sources.iter().find(|s| self.source(s).is_none()) {
                return Err(ScenarioError::new(
                    format!("{at}.sources"),
                    format!("onbekende bron {}", quote(missing)),
                ));
            }
        }
        for (i, source) in self.sources.iter().enumerate() {
            if self.sources.iter().take(i).any(|s| s.id == source.id) {
                return Err(ScenarioError::new(
                    format!("sources[{i}].id"),
                    format!("{} komt twee keer voor", quote(&source.id)),
                ));
            }
        }
        Ok(())
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

    pub fn mark(&self, mark: &str) -> Option<&Mark> {
        self.marks.iter().find(|(k, _)| k == mark).map(|(_, m)| m)
    }

    /// "Stand van de bronnen" as people read it: "6 december 2026" / "6 December 2026".
    pub fn sources_checked_text(&self, lang: &str) -> String {
        long_date(&self.sources_checked, lang)
    }
}

impl Mark {
    fn from_value(value: &Value, path: &str) -> Result<Mark, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["word", "meaning"])?;
        Ok(Mark {
            word: text_pair(map, path, "word")?,
            meaning: text_pair(map, path, "meaning")?,
        })
    }
}

impl Rule {
    fn from_value(value: &Value, path: &str) -> Result<Rule, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "text", "mark", "sources"])?;
        Ok(Rule {
            id: filled_text(map, path, "id")?,
            text: text_pair(map, path, "text")?,
            mark: text_field(map, path, "mark")?,
            sources: texts_field(map, path, "sources")?,
        })
    }
}

impl Source {
    fn from_value(value: &Value, path: &str) -> Result<Source, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(
            map,
            path,
            &[
                "id",
                "publisher",
                "title",
                "date",
                "version",
                "consulted",
                "url",
                "public",
            ],
        )?;
        let source = Source {
            id: filled_text(map, path, "id")?,
            publisher: filled_text(map, path, "publisher")?,
            title: filled_text(map, path, "title")?,
            date: date_field(map, path, "date", false)?,
            version: opt_text_field(map, path, "version")?.filter(|v| !v.trim().is_empty()),
            consulted: date_field(map, path, "consulted", true)?,
            url: opt_text_field(map, path, "url")?,
        };
        if source.date.is_none() && source.version.is_none() && source.consulted.is_none() {
            return Err(ScenarioError::new(
                path,
                "geen datum, versie of raadpleegdatum (verwacht date, version of consulted)",
            ));
        }
        let public = bool_field(map, path, "public", Some(true))?;
        match (&source.url, public) {
            (None, true) => Err(ScenarioError::new(
                field_path(path, "url"),
                "ontbreekt (verwacht een openbare https-URL, of \"public\": false)",
            )),
            (Some(_), false) => Err(ScenarioError::new(
                field_path(path, "url"),
                "hoort niet bij een bron met \"public\": false",
            )),
            (Some(url), true) if !is_public_url(url) => Err(ScenarioError::new(
                field_path(path, "url"),
                format!("verwacht een openbare https-URL, gevonden: {}", quote(url)),
            )),
            _ => Ok(source),
        }
    }

    /// When the source is from, as people read it: "13 december 2023 · commit 231e8ba ·
    /// geraadpleegd uiterlijk 6 december 2026".
    pub fn dating(&self, lang: &str) -> String {
        let mut out = String::new();
        let mut add = |part: &str| {
            if !out.is_empty() {
                out.push_str(" · ");
            }
            out.push_str(part);
        };
        if let Some(date) = &self.date {
            add(&long_date(date, lang));
        }
        if let Some(version) = &self.version {
            add(version);
        }
        if let Some(consulted) = &self.consulted {
            let prefix = if lang == "en" {
                "consulted by "
            } else {
                "geraadpleegd uiterlijk "
            };
            add(&(prefix.to_string() + &long_date(consulted, lang)));
        }
        out
    }
}

/// `https://` and one word: what a person can click.
fn is_public_url(url: &str) -> bool {
    url.len() > "https://".len()
        && url.starts_with("https://")
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `object.key` as `{ "nl": …, "en": … }`, both filled in.
fn text_pair(map: &Map<String, Value>, path: &str, key: &str) -> Result<Text, ScenarioError> {
    let at = field_path(path, key);
    let pair = expect_object(
        required(map, path, key, "een object met nl en en")?,
        &at,
        "een object met nl en en",
    )?;
    check_fields(pair, &at, &["nl", "en"])?;
    Ok(Text {
        nl: filled_text(pair, &at, "nl")?,
        en: filled_text(pair, &at, "en")?,
    })
}

/// `object.key` as text that is not blank.
fn filled_text(map: &Map<String, Value>, path: &str, key: &str) -> Result<String, ScenarioError> {
    let text = text_field(map, path, key)?;
    if text.trim().is_empty() {
        return Err(ScenarioError::new(field_path(path, key), "is leeg"));
    }
    Ok(text)
}

/// `object.key`, when present, as a date: `YYYY-MM-DD`, or with `whole: false` also
/// `YYYY-MM` or `YYYY`.
fn date_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    whole: bool,
) -> Result<Option<String>, ScenarioError> {
    match opt_text_field(map, path, key)? {
        Some(d) if date_parts(&d).is_some_and(|(_, _, day)| day.is_some() || !whole) => Ok(Some(d)),
        Some(d) => Err(ScenarioError::new(
            field_path(path, key),
            format!(
                "verwacht een datum als {}, gevonden: {}",
                if whole {
                    "2026-12-06"
                } else {
                    "2026-12-06, 2026-12 of 2026"
                },
                quote(&d)
            ),
        )),
        None => Ok(None),
    }
}

/// Year, month (1 to 12) and day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as written. Checked
/// by hand: number parsing and formatting would add code to the start build.
fn date_parts(date: &str) -> Option<(&str, Option<usize>, Option<&str>)> {
    let mut parts = date.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let two = |p: &str, max: u8| -> Option<u8> {
        match p.as_bytes() {
            [a @ b'0'..=b'9', b @ b'0'..=b'9'] => {
                Some((a - b'0') * 10 + (b - b'0')).filter(|n| (1..=max).contains(n))
            }
            _ => None,
        }
    };
    let month = match parts.next() {
        Some(m) => Some(usize::from(two(m, 12)?)),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(two(d, 31).map(|_| d.trim_start_matches('0'))?),
        None => None,
    };
    parts.next().is_none().then_some((year, month, day))
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month (1 to 12) in a language (`"en"`, else Dutch): "maart", "March".
pub fn month_name(lang: &str, month: usize) -> Option<&'static str> {
    let months = if lang == "en" { &MONTHS_EN } else { &MONTHS_NL };
    months.get(month.checked_sub(1)?).copied()
}

/// "13 december 2023", "maart 2022", "2020" (Dutch) or "13 December 2023" (English); a text
/// that is not such a date is shown as it is.
fn long_date(date: &str, lang: &str) -> String {
    let Some((year, month, day)) = date_parts(date) else {
        return date.to_string();
    };
    let month = month
        .and_then(|m| month_name(lang, m))
        .map(|name| format!("{name} "))
        .unwrap_or_default();
    let day = day.map(|d| format!("{d} ")).unwrap_or_default();
    format!("{day}{month}{year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_value() -> Value {
        serde_json::from_str(include_str!("../../data/rules.json")).unwrap()
    }

    #[test]
    fn bundled_rules_parse_and_cover_the_research() {
        let rules = Rules::from_json(include_str!("../../data/rules.json")).unwrap();
        assert_eq!(rules.format, FORMAT);
        assert!(rules.get("§6.2").is_some());
        let b12 = rules.get("B12").unwrap();
        assert_eq!(b12.mark, "?");
        assert_eq!(rules.get("T2").unwrap().sources, vec!["S1"]);
        assert!(rules
            .source("S3")
            .unwrap()
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://"));
        // The marks are written out in words and keep their short form as the key.
        let words: Vec<(&str, &str)> = rules
            .marks
            .iter()
            .map(|(k, m)| (k.as_str(), m.word.nl.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("?", "onbekend: test dit in pre-productie"),
                ("D", "gedocumenteerd"),
                ("D-ind", "indirect gedocumenteerd"),
                ("I", "afgeleid"),
            ]
        );
        assert_eq!(
            rules.mark("?").unwrap().word.en,
            "unknown: test this in pre-production"
        );
    }

    #[test]
    fn texts_come_in_the_asked_language() {
        let rules = Rules::bundled();
        let t4 = rules.get("T4").unwrap();
        assert!(t4
            .text
            .get("nl")
            .contains("bevoegd gezag of de behandeldienst"));
        assert!(t4
            .text
            .get("en")
            .contains("bevoegd gezag or the behandeldienst"));
        assert_eq!(t4.text.get("xx"), t4.text.nl, "Dutch leads");
        assert_eq!(rules.sources_checked_text("nl"), "6 december 2026");
        assert_eq!(rules.sources_checked_text("en"), "6 December 2026");
    }

    #[test]
    fn sources_are_dated_in_words() {
        let rules = Rules::bundled();
        let rerouting = rules.source("S12").unwrap();
        assert_eq!(
            rerouting.title,
            "OpenWave-documentatie: DSO rerouteren bevoegd gezag en behandeldienst"
        );
        assert_eq!(
            rerouting.dating("nl"),
            "13 december 2023 · commit 231e8ba · geraadpleegd uiterlijk 6 december 2026"
        );
        assert_eq!(
            rerouting.dating("en"),
            "13 December 2023 · commit 231e8ba · consulted by 6 December 2026"
        );
        let odnhn = rules.source("S10").unwrap();
        assert!(
            odnhn.dating("nl").starts_with("maart 2022 · "),
            "{}",
            odnhn.dating("nl")
        );
        let deck = rules.source("S1").unwrap();
        assert_eq!(deck.url, None);
        assert!(deck.dating("nl").starts_with("2020 · "));
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(
            date_parts("2023-12-13"),
            Some(("2023", Some(12), Some("13")))
        );
        assert_eq!(
            date_parts("2023-12-06"),
            Some(("2023", Some(12), Some("6")))
        );
        assert_eq!(date_parts("2022-03"), Some(("2022", Some(3), None)));
        assert_eq!(date_parts("2020"), Some(("2020", None, None)));
        for bad in [
            "",
            "13-12-2023",
            "2023-13",
            "2023-1-05",
            "2023-12-32",
            "2023-12-01-1",
            "202",
            "2023-00",
            "2023-12-00",
            "20x3",
            "2023-+1",
        ] {
            assert_eq!(date_parts(bad), None, "{bad}");
        }
        assert_eq!(long_date("geen datum", "nl"), "geen datum");
        assert_eq!(month_name("en", 3), Some("March"));
        assert_eq!(month_name("nl", 12), Some("december"));
        assert_eq!(month_name("nl", 0), None);
        assert_eq!(month_name("nl", 13), None);
    }

    /// Edits the bundled file and returns the load error.
    fn broken(edit: &dyn Fn(&mut Value)) -> String {
        let mut v = bundled_value();
        edit(&mut v);
        Rules::from_json(&v.to_string()).unwrap_err()
    }

    fn remove(v: &mut Value, key: &str) {
        v.as_object_mut().unwrap().remove(key);
    }

    type Edit<'a> = &'a dyn Fn(&mut Value);

    #[test]
    fn broken_rules_name_what_and_where() {
        let cases: [(Edit, &str); 14] = [
            (
                &|v| remove(&mut v["rules"][1]["text"], "nl"),
                "rules.json: rules[1].text.nl: ontbreekt (verwacht tekst)",
            ),
            (
                &|v| v["rules"][1]["text"]["en"] = Value::from("  "),
                "rules.json: rules[1].text.en: is leeg",
            ),
            (
                &|v| v["rules"][2]["sources"] = Value::from("S1"),
                "rules.json: rules[2].sources: verwacht een lijst, gevonden: tekst 'S1'",
            ),
            (
                &|v| v["rules"][0]["mark"] = Value::from("X"),
                "rules.json: rules[0].mark: onbekend teken 'X' (bekend: ?, D, D-ind, I)",
            ),
            (
                &|v| v["rules"][0]["sources"][0] = Value::from("S999"),
                "rules.json: rules[0].sources: onbekende bron 'S999'",
            ),
            (
                &|v| v["rules"][1]["id"] = Value::from("L1"),
                "rules.json: rules[1].id: 'L1' komt twee keer voor",
            ),
            (
                &|v| v["rules"][0]["basis"] = Value::from("S1"),
                "rules.json: rules[0].basis: onbekend veld (verwacht: id, text, mark, sources)",
            ),
            (
                &|v| remove(&mut v["sources"][1], "url"),
                "rules.json: sources[1].url: ontbreekt (verwacht een openbare https-URL, of \"public\": false)",
            ),
            (
                &|v| v["sources"][1]["url"] = Value::from("docs/api.md"),
                "rules.json: sources[1].url: verwacht een openbare https-URL, gevonden: 'docs/api.md'",
            ),
            (
                &|v| v["sources"][1]["date"] = Value::from("13-12-2023"),
                "rules.json: sources[1].date: verwacht een datum als 2026-12-06, 2026-12 of 2026, gevonden: '13-12-2023'",
            ),
            (
                &|v| {
                    for key in ["date", "version", "consulted"] {
                        remove(&mut v["sources"][1], key);
                    }
                },
                "rules.json: sources[1]: geen datum, versie of raadpleegdatum (verwacht date, version of consulted)",
            ),
            (
                &|v| remove(&mut v["marks"]["D"]["word"], "en"),
                "rules.json: marks.D.word.en: ontbreekt (verwacht tekst)",
            ),
            (
                &|v| v["sources_checked"] = Value::from("december 2026"),
                "rules.json: sources_checked: verwacht een datum als 2026-12-06, gevonden: 'december 2026'",
            ),
            (
                &|v| v["format"] = Value::from("routewijzer-rules/1"),
                "rules.json: format: 'routewijzer-rules/1' wordt niet ondersteund (verwacht: routewijzer-rules/2)",
            ),
        ];
        for (edit, expected) in cases {
            assert_eq!(broken(edit), expected);
        }
        assert!(Rules::from_json("{")
            .unwrap_err()
            .starts_with("rules.json:"));
        assert_eq!(
            Rules::from_json("[1]").unwrap_err(),
            "rules.json: verwacht een object, gevonden: een lijst"
        );
    }
}
