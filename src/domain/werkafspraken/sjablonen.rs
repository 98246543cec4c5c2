//! The templates of the proposed agreements (issue 20, item 3): per kind of gap a title and
//! an explanation, per template who acts, the trigger, a term, the DSO function or
//! workaround (each with its rules and sources from `data/rules.json`), and the text with
//! placeholders; plus the Aansluiten checklist. Data (`data/werkafspraken/sjablonen.json`)
//! that a domain expert edits, checked on load with the JSON path of any error.

use serde_json::{Map, Value};

use super::super::error::ScenarioError;
use super::super::ids::Dso;
use super::super::json::{
    check_fields, expect_object, field_path, list_of, opt_text_field, text_field, texts_field,
};
use super::super::rules::{Rules, Text};
use super::gaps::{Change, GapKind};

pub const FORMAT: &str = "routewijzer-werkafspraken-sjablonen/1";

/// The placeholders a template text may hold.
pub const PLACEHOLDERS: [&str; 9] = [
    "bevoegd_gezag",
    "partij",
    "ontvanger",
    "activiteit",
    "verzoektypes",
    "inhoud",
    "partners",
    "nieuw_bevoegd_gezag",
    "termijn",
];

/// A DSO function or workaround, with where it is documented.
#[derive(Clone, Debug, PartialEq)]
pub struct Functie {
    pub id: String,
    pub naam: Text,
    pub rules: Vec<String>,
    pub sources: Vec<String>,
}

/// A kind of gap as shown: letter, title, explanation, rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Soort {
    pub kind: GapKind,
    pub letter: String,
    pub titel: Text,
    pub uitleg: Text,
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sjabloon {
    pub id: String,
    pub soort: GapKind,
    pub functie: String,
    /// Only under this DSO version (`None`: any).
    pub dso: Option<Dso>,
    /// (e) only: which change it is about.
    pub wijziging: Option<Change>,
    pub wie: Text,
    pub trigger: Text,
    pub termijn: Text,
    pub tekst: Text,
}

/// For whom a checklist item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voor {
    Alle,
    Behandeldienst,
    /// Once per activity the party receives as bevoegd gezag.
    Activiteit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistItem {
    pub id: String,
    pub voor: Voor,
    pub tekst: Text,
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sjablonen {
    pub functies: Vec<Functie>,
    pub soorten: Vec<Soort>,
    pub sjablonen: Vec<Sjabloon>,
    pub aansluiten: Vec<ChecklistItem>,
}

impl Sjablonen {
    pub fn soort(&self, kind: GapKind) -> Option<&Soort> {
        self.soorten.iter().find(|s| s.kind == kind)
    }

    pub fn functie(&self, id: &str) -> Option<&Functie> {
        self.functies.iter().find(|f| f.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Sjabloon> {
        self.sjablonen.iter().find(|s| s.id == id)
    }

    /// The templates for a gap of `kind` (and `change`), in file order.
    pub fn for_gap(&self, kind: GapKind, change: Option<Change>) -> Vec<&Sjabloon> {
        self.sjablonen
            .iter()
            .filter(|s| s.soort == kind && (s.wijziging.is_none() || s.wijziging == change))
            .collect()
    }

    /// The proposal: the first template that fits the DSO version.
    pub fn proposal(&self, kind: GapKind, change: Option<Change>, dso: Dso) -> Option<&Sjabloon> {
        let all = self.for_gap(kind, change);
        all.iter()
            .find(|s| s.dso.is_none_or(|d| d == dso))
            .or(all.first())
            .copied()
    }
}

/// `text` with every `{name}` filled by `value(name)`.
pub fn fill(text: &str, value: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 1..).unwrap_or_default();
        match after.find('}') {
            Some(end) => {
                out.push_str(&value(after.get(..end).unwrap_or_default()));
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Checks that `text` names only known placeholders.
fn placeholders_known(text: &str, path: &str) -> Result<(), ScenarioError> {
    let mut bad: Option<String> = None;
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(end) = after.find('}') else {
            return Err(ScenarioError::new(path, "'{' zonder '}'"));
        };
        let name = after.get(..end).unwrap_or_default();
        if !PLACEHOLDERS.contains(&name) {
            bad = Some(name.chars().take(40).collect());
            break;
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    match bad {
        Some(name) => Err(ScenarioError::new(
            path,
            format!(
                "onbekende plaatsaanduiding '{{{name}}}' (bekend: {})",
                PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
            ),
        )),
        None => Ok(()),
    }
}

fn text_nl_en(map: &Map<String, Value>, path: &str, key: &str) -> Result<Text, ScenarioError> {
    let at = field_path(path, key);
    let v = map
        .get(key)
        .ok_or_else(|| ScenarioError::new(&at, "ontbreekt (verwacht { \"nl\": …, \"en\": … })"))?;
    let m = expect_object(v, &at, "een object met nl en en")?;
    check_fields(m, &at, &["nl", "en"])?;
    let text = Text {
        nl: text_field(m, &at, "nl")?,
        en: text_field(m, &at, "en")?,
    };
    for (lang, t) in [("nl", &text.nl), ("en", &text.en)] {
        if t.trim().is_empty() {
            return Err(ScenarioError::new(
                field_path(&at, lang),
                "mag niet leeg zijn",
            ));
        }
        placeholders_known(t, &field_path(&at, lang))?;
    }
    Ok(text)
}

/// Rule ids that exist in the rules file.
fn rule_ids(
    map: &Map<String, Value>,
    path: &str,
    rules: &Rules,
) -> Result<Vec<String>, ScenarioError> {
    let ids = texts_field(map, path, "rules")?;
    for (i, id) in ids.iter().enumerate() {
        if rules.get(id).is_none() {
            return Err(ScenarioError::new(
                format!("{}[{i}]", field_path(path, "rules")),
                format!("onbekende regel '{id}' (niet in data/rules.json)"),
            ));
        }
    }
    Ok(ids)
}

fn kind_field(map: &Map<String, Value>, path: &str, key: &str) -> Result<GapKind, ScenarioError> {
    let s = text_field(map, path, key)?;
    GapKind::parse(&s).ok_or_else(|| {
        ScenarioError::new(
            field_path(path, key),
            format!(
                "onbekende soort '{s}' (verwacht {})",
                GapKind::ALL.map(GapKind::as_str).join(", ")
            ),
        )
    })
}

/// Reads and checks the templates file against the rules file.
pub fn from_json(text: &str, rules: &Rules) -> Result<Sjablonen, ScenarioError> {
    let value = crate::domain::parse_json_text(text)?;
    let map = expect_object(&value, "", "een object")?;
    check_fields(
        map,
        "",
        &[
            "format",
            "description",
            "functies",
            "soorten",
            "sjablonen",
            "aansluiten",
        ],
    )?;
    super::super::json::format_field(map, FORMAT)?;
    opt_text_field(map, "", "description")?;
    let functies = list_of(map, "", "functies", |v, at| {
        let m = expect_object(v, at, "een object")?;
        check_fields(m, at, &["id", "naam", "rules", "sources"])?;
        let sources = texts_field(m, at, "sources")?;
        for (i, s) in sources.iter().enumerate() {
            if !rules.sources.iter().any(|x| &x.id == s) {
                return Err(ScenarioError::new(
                    format!("{}[{i}]", field_path(at, "sources")),
                    format!("onbekende bron '{s}' (niet in data/rules.json)"),
                ));
            }
        }
        Ok(Functie {
            id: text_field(m, at, "id")?,
            naam: text_nl_en(m, at, "naam")?,
            rules: rule_ids(m, at, rules)?,
            sources,
        })
    })?;
    let soorten = list_of(map, "", "soorten", |v, at| {
        let m = expect_object(v, at, "een object")?;
        check_fields(m, at, &["id", "letter", "titel", "uitleg", "rules"])?;
        Ok(Soort {
            kind: kind_field(m, at, "id")?,
            letter: text_field(m, at, "letter")?,
            titel: text_nl_en(m, at, "titel")?,
            uitleg: text_nl_en(m, at, "uitleg")?,
            rules: rule_ids(m, at, rules)?,
        })
    })?;
    let sjablonen = list_of(map, "", "sjablonen", |v, at| {
        read_sjabloon(v, at, &functies)
    })?;
    for (i, s) in sjablonen.iter().enumerate() {
        if sjablonen.iter().take(i).any(|x: &Sjabloon| x.id == s.id) {
            return Err(ScenarioError::new(
                format!("sjablonen[{i}].id"),
                format!("id '{}' komt dubbel voor", s.id),
            ));
        }
    }
    let aansluiten = list_of(map, "", "aansluiten", |v, at| {
        let m = expect_object(v, at, "een object")?;
        check_fields(m, at, &["id", "voor", "tekst", "rules"])?;
        let voor = match text_field(m, at, "voor")?.as_str() {
            "alle" => Voor::Alle,
            "behandeldienst" => Voor::Behandeldienst,
            "activiteit" => Voor::Activiteit,
            other => {
                return Err(ScenarioError::new(
                    field_path(at, "voor"),
                    format!("onbekend: '{other}' (verwacht alle, behandeldienst of activiteit)"),
                ))
            }
        };
        Ok(ChecklistItem {
            id: text_field(m, at, "id")?,
            voor,
            tekst: text_nl_en(m, at, "tekst")?,
            rules: rule_ids(m, at, rules)?,
        })
    })?;
    for kind in GapKind::ALL {
        if !soorten.iter().any(|s| s.kind == kind) {
            return Err(ScenarioError::new(
                "soorten",
                format!("soort '{}' ontbreekt", kind.as_str()),
            ));
        }
        if !sjablonen.iter().any(|s: &Sjabloon| s.soort == kind) {
            return Err(ScenarioError::new(
                "sjablonen",
                format!("geen sjabloon voor soort '{}'", kind.as_str()),
            ));
        }
    }
    Ok(Sjablonen {
        functies,
        soorten,
        sjablonen,
        aansluiten,
    })
}

fn read_sjabloon(v: &Value, at: &str, functies: &[Functie]) -> Result<Sjabloon, ScenarioError> {
    let m = expect_object(v, at, "een object")?;
    check_fields(
        m,
        at,
        &[
            "id",
            "soort",
            "functie",
            "dso",
            "wijziging",
            "wie",
            "trigger",
            "termijn",
            "tekst",
        ],
    )?;
    let id = text_field(m, at, "id")?;
    let soort = kind_field(m, at, "soort")?;
    let functie = text_field(m, at, "functie")?;
    if !functies.iter().any(|f| f.id == functie) {
        return Err(ScenarioError::new(
            field_path(at, "functie"),
            format!(
                "onbekende functie '{functie}' (verwacht {})",
                functies
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let dso = match opt_text_field(m, at, "dso")? {
        None => None,
        Some(s) => Some(Dso::parse(&s).ok_or_else(|| {
            ScenarioError::new(
                field_path(at, "dso"),
                format!("onbekende DSO-versie '{s}' (verwacht 2020 of 2023)"),
            )
        })?),
    };
    let wijziging = match opt_text_field(m, at, "wijziging")?.as_deref() {
        None => None,
        Some("bevoegd-gezag") => Some(Change::BevoegdGezag),
        Some("behandeldienst") => Some(Change::Behandeldienst),
        Some(other) => {
            return Err(ScenarioError::new(
                field_path(at, "wijziging"),
                format!("onbekend: '{other}' (verwacht bevoegd-gezag of behandeldienst)"),
            ))
        }
    };
    Ok(Sjabloon {
        id,
        soort,
        functie,
        dso,
        wijziging,
        wie: text_nl_en(m, at, "wie")?,
        trigger: text_nl_en(m, at, "trigger")?,
        termijn: text_nl_en(m, at, "termijn")?,
        tekst: text_nl_en(m, at, "tekst")?,
    })
}
