//! The activity catalogue (contract §2): data in `data/catalogue.json`, validated on load.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::error::{DataError, ScenarioError};
use super::ids::{AdviesRole, Level, Verzoektype};
use super::json::{
    bool_field, check_fields, expect_object, expect_str, list_of, opt_list_of, opt_text_field,
    text_field, texts_field,
};

/// A group of activities (`bouwen`, `milieu`, …); configurations may target a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// An exception: when `flag` is set on a selected activity, its own bevoegd gezag is `level`
/// (and it may be a magneet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exception {
    pub flag: String,
    /// Dutch description of the flag, e.g. "IPPC-installatie".
    pub name: String,
    pub level: Level,
    pub magneet: bool,
    /// Rule id in domain-research.md.
    pub rule: String,
}

/// Organisations that advise on an activity by its nature, regardless of the bevoegd gezag
/// (extension; domain-research §5 and §9.4 example 5: the veiligheidsregio for brandveilig
/// gebruik).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VasteAdviseur {
    Veiligheidsregio,
    Omgevingsdienst,
}

/// One activity of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    /// Level of its own bevoegd gezag.
    pub level: Level,
    pub water: bool,
    /// Always a magneet (e.g. mijnbouwlocatieactiviteit).
    pub magneet: bool,
    pub verzoektypes: Vec<Verzoektype>,
    pub exceptions: Vec<Exception>,
    /// Role of its own bevoegd gezag when that is overruled in a meervoudige aanvraag.
    pub adviseur_role: AdviesRole,
    pub vaste_adviseurs: Vec<VasteAdviseur>,
    /// Rule id for its own bevoegd gezag.
    pub rule: String,
    /// Confidence mark of that rule: `D`, `D-ind`, `I`, `?`.
    pub mark: String,
}

impl Activity {
    pub fn allows(&self, v: Verzoektype) -> bool {
        self.verzoektypes.contains(&v)
    }

    pub fn exception(&self, flag: &str) -> Option<&Exception> {
        self.exceptions.iter().find(|e| e.flag == flag)
    }
}

/// The validated catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Catalogue {
    pub groups: Vec<Group>,
    pub activities: Vec<Activity>,
}

/// The catalogue file as written, before validation. Read by hand from a
/// `serde_json::Value`, not with serde's derive: 20 KB less code (3 KB gzip) in the start build
/// (docs/performance.md), and errors that name the JSON path in Dutch.
struct RawCatalogue {
    groups: Vec<RawGroup>,
    activities: Vec<RawActivity>,
}

struct RawGroup {
    id: String,
    name: String,
}

struct RawException {
    flag: String,
    name: String,
    level: String,
    magneet: bool,
    rule: String,
}

struct RawActivity {
    id: String,
    name: String,
    parent: Option<String>,
    level: String,
    water: bool,
    magneet: bool,
    verzoektypes: Vec<String>,
    exceptions: Vec<RawException>,
    adviseur_role: Option<String>,
    vaste_adviseurs: Vec<VasteAdviseur>,
    rule: String,
    mark: String,
}

impl RawCatalogue {
    fn from_value(value: &Value) -> Result<RawCatalogue, ScenarioError> {
        let map = expect_object(value, "", "een object")?;
        check_fields(map, "", &["format", "description", "groups", "activities"])?;
        text_field(map, "", "format")?;
        opt_text_field(map, "", "description")?;
        Ok(RawCatalogue {
            groups: list_of(map, "", "groups", RawGroup::from_value)?,
            activities: list_of(map, "", "activities", RawActivity::from_value)?,
        })
    }
}

impl RawGroup {
    fn from_value(value: &Value, path: &str) -> Result<RawGroup, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "name"])?;
        Ok(RawGroup {
            id: text_field(map, path, "id")?,
            name: text_field(map, path, "name")?,
        })
    }
}

impl RawException {
    fn from_value(value: &Value, path: &str) -> Result<RawException, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["flag", "name", "level", "magneet", "rule"])?;
        Ok(RawException {
            flag: text_field(map, path, "flag")?,
            name: text_field(map, path, "name")?,
            level: text_field(map, path, "level")?,
            magneet: bool_field(map, path, "magneet", Some(false))?,
            rule: text_field(map, path, "rule")?,
        })
    }
}

impl RawActivity {
    fn from_value(value: &Value, path: &str) -> Result<RawActivity, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(
            map,
            path,
            &[
                "id",
                "name",
                "parent",
                "level",
                "water",
                "magneet",
                "verzoektypes",
                "exceptions",
                "adviseur_role",
                "vaste_adviseurs",
                "rule",
                "mark",
            ],
        )?;
        Ok(RawActivity {
            id: text_field(map, path, "id")?,
            name: text_field(map, path, "name")?,
            parent: opt_text_field(map, path, "parent")?,
            level: text_field(map, path, "level")?,
            water: bool_field(map, path, "water", None)?,
            magneet: bool_field(map, path, "magneet", Some(false))?,
            verzoektypes: texts_field(map, path, "verzoektypes")?,
            exceptions: opt_list_of(map, path, "exceptions", RawException::from_value)?,
            adviseur_role: opt_text_field(map, path, "adviseur_role")?,
            vaste_adviseurs: opt_list_of(map, path, "vaste_adviseurs", vaste_adviseur)?,
            rule: text_field(map, path, "rule")?,
            mark: text_field(map, path, "mark")?,
        })
    }
}

fn vaste_adviseur(value: &Value, path: &str) -> Result<VasteAdviseur, ScenarioError> {
    match expect_str(value, path, "tekst")? {
        "veiligheidsregio" => Ok(VasteAdviseur::Veiligheidsregio),
        "omgevingsdienst" => Ok(VasteAdviseur::Omgevingsdienst),
        other => Err(ScenarioError::new(
            path,
            format!(
                "onbekende vaste adviseur {} (verwacht: veiligheidsregio of omgevingsdienst)",
                super::json::quote(other)
            ),
        )),
    }
}

const SRC: &str = "catalogus";

fn err(msg: String) -> DataError {
    DataError::new(SRC, msg)
}

impl Catalogue {
    /// Decodes and validates a catalogue file. `ministers` are the known minister codes for
    /// levels `rijk:<CODE>`.
    pub fn from_json(text: &str, ministers: &[String]) -> Result<Catalogue, DataError> {
        // A byte-order mark (a trainer's Windows editor) is skipped.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = super::strict_json::parse(text).map_err(|e| err(e.to_string()))?;
        let raw = RawCatalogue::from_value(&value).map_err(|e| err(e.to_string()))?;
        let mut ids = HashSet::new();
        let mut groups = Vec::new();
        for g in raw.groups {
            if !ids.insert(g.id.clone()) {
                return Err(err(format!("groep '{}' komt twee keer voor", g.id)));
            }
            groups.push(Group {
                id: g.id,
                name: g.name,
            });
        }
        let parse_level = |s: &str, at: &str| -> Result<Level, DataError> {
            let level = Level::parse(s).ok_or_else(|| {
                err(format!(
                    "{at}: onbekend niveau '{s}' (verwacht: gemeente, provincie, waterschap of rijk:<minister>)"
                ))
            })?;
            if let Level::Rijk(code) = &level {
                if !ministers.iter().any(|m| m == code) {
                    return Err(err(format!(
                        "{at}: onbekende minister '{code}' (bekend: {})",
                        ministers.join(", ")
                    )));
                }
            }
            Ok(level)
        };
        let mut activities = Vec::new();
        for a in raw.activities {
            let at = format!("activiteit '{}'", a.id);
            if a.id.is_empty() || !ids.insert(a.id.clone()) {
                return Err(err(format!("{at}: id is leeg of komt twee keer voor")));
            }
            if let Some(p) = &a.parent {
                if !groups.iter().any(|g| &g.id == p) {
                    return Err(err(format!("{at}: parent '{p}' is geen groep")));
                }
            }
            let level = parse_level(&a.level, &at)?;
            let mut verzoektypes = Vec::new();
            for v in &a.verzoektypes {
                let vt = Verzoektype::parse(v).ok_or_else(|| {
                    err(format!(
                        "{at}: onbekend verzoektype '{v}' (verwacht: {})",
                        Verzoektype::all_ids()
                    ))
                })?;
                if verzoektypes.contains(&vt) {
                    return Err(err(format!("{at}: verzoektype '{v}' staat er twee keer")));
                }
                verzoektypes.push(vt);
            }
            if verzoektypes.is_empty() {
                return Err(err(format!("{at}: geen verzoektypes")));
            }
            let mut exceptions: Vec<Exception> = Vec::new();
            for e in a.exceptions {
                if e.flag.is_empty() || exceptions.iter().any(|x| x.flag == e.flag) {
                    return Err(err(format!(
                        "{at}: vlag '{}' is leeg of komt twee keer voor",
                        e.flag
                    )));
                }
                let level = parse_level(&e.level, &format!("{at}, vlag '{}'", e.flag))?;
                exceptions.push(Exception {
                    flag: e.flag,
                    name: e.name,
                    level,
                    magneet: e.magneet,
                    rule: e.rule,
                });
            }
            let adviseur_role = match a.adviseur_role.as_deref() {
                None => AdviesRole::Advies,
                Some(s) => AdviesRole::parse(s).ok_or_else(|| {
                    err(format!(
                        "{at}: adviseur_role '{s}' (verwacht: advies of advies-met-instemming)"
                    ))
                })?,
            };
            activities.push(Activity {
                id: a.id,
                name: a.name,
                parent: a.parent,
                level,
                water: a.water,
                magneet: a.magneet,
                verzoektypes,
                exceptions,
                adviseur_role,
                vaste_adviseurs: a.vaste_adviseurs,
                rule: a.rule,
                mark: a.mark,
            });
        }
        if activities.is_empty() {
            return Err(err("geen activiteiten".into()));
        }
        Ok(Catalogue { groups, activities })
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// True for an activity id or a group id (what a configuration entry may name).
    pub fn is_activity_or_group(&self, id: &str) -> bool {
        self.activity(id).is_some() || self.group(id).is_some()
    }

    /// `a, b, c` of all activity ids, for error messages.
    pub fn activity_ids(&self) -> String {
        super::ids::join(self.activities.iter().map(|a| a.id.as_str()))
    }
}
