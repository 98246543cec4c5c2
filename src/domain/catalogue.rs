//! The activity catalogue (contract §2): data in `data/catalogue.json`, validated on load.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::ids::{AdviesRole, Level, Verzoektype};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[allow(dead_code)]
    format: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    groups: Vec<RawGroup>,
    activities: Vec<RawActivity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    flag: String,
    name: String,
    level: String,
    #[serde(default)]
    magneet: bool,
    rule: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActivity {
    id: String,
    name: String,
    #[serde(default)]
    parent: Option<String>,
    level: String,
    water: bool,
    #[serde(default)]
    magneet: bool,
    verzoektypes: Vec<String>,
    #[serde(default)]
    exceptions: Vec<RawException>,
    #[serde(default)]
    adviseur_role: Option<String>,
    #[serde(default)]
    vaste_adviseurs: Vec<VasteAdviseurRaw>,
    rule: String,
    mark: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum VasteAdviseurRaw {
    Veiligheidsregio,
    Omgevingsdienst,
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
        let raw: RawCatalogue = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
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
                vaste_adviseurs: a
                    .vaste_adviseurs
                    .into_iter()
                    .map(|v| match v {
                        VasteAdviseurRaw::Veiligheidsregio => VasteAdviseur::Veiligheidsregio,
                        VasteAdviseurRaw::Omgevingsdienst => VasteAdviseur::Omgevingsdienst,
                    })
                    .collect(),
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
