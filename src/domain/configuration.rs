//! Behandeldienstconfiguratie (contract §3 `configuration`, domain-research §3).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::catalogue::Catalogue;
use super::error::{DataError, ScenarioError};
use super::ids::OrgKind;
use super::ids::Verzoektype;
use super::json::{
    check_fields, expect_array, expect_object, expect_str, field_path, index_path, quote, required,
};
use super::organisations::Organisations;

pub mod csv;
pub mod diff;
pub mod draft;
pub mod import;
pub mod names;
pub mod org_names;
pub mod voorbeeld;

/// Why a condition on the content of a verzoek cannot be configured (domain-research B5,
/// W-BD-CONTENT): shown by the editor and in the error for an `inhoud` field.
pub const INHOUD_UITLEG: &str = "het DSO kan niet routeren op de inhoud van een verzoek (antwoorden op vragen, omvang, basistaak of plustaak); een behandeldienst hangt alleen af van activiteit, verzoektype (toestemming) en locatie (regel B5). Maak zo nodig een werkafspraak buiten het DSO";

/// One configuration entry: bevoegd gezag B routes `activity` (or a group) to `behandeldienst`,
/// optionally only for one verzoektype and/or only within some gemeenten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConfigEntry {
    pub bevoegd_gezag: String,
    pub activity: String,
    pub behandeldienst: String,
    pub verzoektype: Option<Verzoektype>,
    pub gemeenten: Option<Vec<String>>,
    /// Where this entry comes from (extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bron: Option<String>,
    /// Extension (B16, the 2020 deck's bevinding 2): has the bevoegd gezag given this
    /// behandeldienst a mandate to decide? `None` = unknown (no finding); `Some(false)` adds
    /// `bd-zonder-mandaat` to the verzoeken it receives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mandaat: Option<bool>,
}

impl ConfigEntry {
    /// True when `gemeente` lies in the entry's area (a `null` list covers everything).
    pub fn covers_gemeente(&self, gemeente: &str) -> bool {
        match &self.gemeenten {
            None => true,
            Some(list) => list.iter().any(|g| g == gemeente),
        }
    }

    /// True when the entry accepts verzoektype `v` (`null` accepts all).
    pub fn covers_verzoektype(&self, v: Verzoektype) -> bool {
        self.verzoektype.is_none_or(|x| x == v)
    }
}

/// A behandeldienstconfiguratie: a list of entries, validated (known organisations and
/// activities, no overlapping duplicates).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Configuration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub behandeldiensten: Vec<ConfigEntry>,
}

pub const CONFIGURATION_FORMAT: &str = "routewijzer-configuratie/1";

const FIELDS: &[&str] = &["format", "id", "name", "description", "behandeldiensten"];
const ENTRY_FIELDS: &[&str] = &[
    "bevoegd_gezag",
    "activity",
    "behandeldienst",
    "verzoektype",
    "gemeenten",
    "bron",
    "mandaat",
];

impl Configuration {
    /// Decodes a bundled or trainer-edited configuration file.
    pub fn from_json(
        source: &str,
        text: &str,
        catalogue: &Catalogue,
        orgs: &Organisations,
    ) -> Result<Configuration, DataError> {
        // A byte-order mark (Windows editors, Excel exports) is skipped, as for scenarios, and
        // syntax errors read like the scenario's: Dutch, with line and column.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value =
            super::strict_json::parse(text).map_err(|e| DataError::new(source, e.to_string()))?;
        Configuration::from_value(&value, "", catalogue, orgs)
            .map_err(|e| DataError::new(source, e.to_string()))
    }

    /// Decodes and validates a configuration object found at JSON path `path`.
    pub fn from_value(
        value: &Value,
        path: &str,
        catalogue: &Catalogue,
        orgs: &Organisations,
    ) -> Result<Configuration, ScenarioError> {
        let map = expect_object(
            value,
            path,
            "de naam van een meegeleverde configuratie of een object { \"behandeldiensten\": [ … ] }",
        )?;
        check_fields(map, path, FIELDS)?;
        if let Some(f) = map.get("format") {
            let p = field_path(path, "format");
            let s = expect_str(f, &p, "tekst")?;
            if s != CONFIGURATION_FORMAT {
                return Err(ScenarioError::new(
                    p,
                    format!("verwacht '{CONFIGURATION_FORMAT}', gevonden {}", quote(s)),
                ));
            }
        }
        let opt_text = |key: &str| -> Result<Option<String>, ScenarioError> {
            match map.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => Ok(Some(
                    expect_str(v, &field_path(path, key), "tekst")?.to_string(),
                )),
            }
        };
        let id = opt_text("id")?;
        let name = opt_text("name")?;
        let description = opt_text("description")?;
        let list_path = field_path(path, "behandeldiensten");
        let list = expect_array(
            required(map, path, "behandeldiensten", "een lijst van regels")?,
            &list_path,
            "een lijst van regels",
        )?;
        let mut entries = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            entries.push(parse_entry(
                item,
                &index_path(&list_path, i),
                catalogue,
                orgs,
            )?);
        }
        check_duplicates(&entries, &list_path)?;
        Ok(Configuration {
            id,
            name,
            description,
            behandeldiensten: entries,
        })
    }
}

fn parse_entry(
    item: &Value,
    path: &str,
    catalogue: &Catalogue,
    orgs: &Organisations,
) -> Result<ConfigEntry, ScenarioError> {
    let map = expect_object(item, path, "een configuratieregel (object)")?;
    if map.contains_key("inhoud") {
        return Err(ScenarioError::new(
            field_path(path, "inhoud"),
            format!("bd-inhoud: {INHOUD_UITLEG}"),
        ));
    }
    check_fields(map, path, ENTRY_FIELDS)?;

    let bg = entry_bevoegd_gezag(map, path, orgs)?;

    let act_path = field_path(path, "activity");
    let activity = expect_str(
        required(map, path, "activity", "een activiteit- of groep-id")?,
        &act_path,
        "een activiteit- of groep-id",
    )?;
    if !catalogue.is_activity_or_group(activity) {
        return Err(ScenarioError::new(
            act_path,
            format!(
                "onbekende activiteit of groep {} (groepen: {}; activiteiten: {})",
                quote(activity),
                super::ids::join(catalogue.groups.iter().map(|g| g.id.as_str())),
                catalogue.activity_ids()
            ),
        ));
    }

    let bd_path = field_path(path, "behandeldienst");
    let bd = expect_str(
        required(map, path, "behandeldienst", "een organisatie-id zoals ODBN")?,
        &bd_path,
        "een organisatie-id zoals ODBN",
    )?;
    if orgs.get(bd).is_none() {
        return Err(ScenarioError::new(
            bd_path,
            format!(
                "onbekende organisatie {} (verwacht bijvoorbeeld een omgevingsdienst zoals ODBN, een veiligheidsregio zoals VR21 of een gemeente)",
                quote(bd)
            ),
        ));
    }

    let vt_path = field_path(path, "verzoektype");
    let verzoektype = match map.get("verzoektype") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let s = expect_str(v, &vt_path, "null of een verzoektype")?;
            Some(Verzoektype::parse(s).ok_or_else(|| {
                ScenarioError::new(
                    vt_path.clone(),
                    format!(
                        "onbekend verzoektype {} (verwacht null of: {})",
                        quote(s),
                        Verzoektype::all_ids()
                    ),
                )
            })?)
        }
    };

    let gemeenten = entry_gemeenten(map, path, orgs)?;

    let bron = match map.get("bron") {
        None | Some(Value::Null) => None,
        Some(v) => Some(expect_str(v, &field_path(path, "bron"), "tekst")?.to_string()),
    };

    let mandaat = super::json::opt_bool_field(
        map,
        path,
        "mandaat",
        "true, false of null (heeft de behandeldienst mandaat?)",
    )?;

    Ok(ConfigEntry {
        bevoegd_gezag: bg.to_string(),
        activity: activity.to_string(),
        behandeldienst: bd.to_string(),
        verzoektype,
        gemeenten,
        bron,
        mandaat,
    })
}

/// An entry's `bevoegd_gezag`: a known bestuursorgaan.
fn entry_bevoegd_gezag<'a>(
    map: &'a serde_json::Map<String, Value>,
    path: &str,
    orgs: &Organisations,
) -> Result<&'a str, ScenarioError> {
    let bg_path = field_path(path, "bevoegd_gezag");
    let bg = expect_str(
        required(
            map,
            path,
            "bevoegd_gezag",
            "een organisatie-id zoals GM0828 of PV30",
        )?,
        &bg_path,
        "een organisatie-id zoals GM0828 of PV30",
    )?;
    match orgs.get(bg) {
        None => {
            return Err(ScenarioError::new(
                bg_path,
                format!(
                    "onbekende organisatie {} (verwacht een gemeente, provincie, waterschap of minister, zoals GM0828, PV30, WS24 of IENW)",
                    quote(bg)
                ),
            ))
        }
        Some(org) if !org.kind.is_bestuursorgaan() => {
            return Err(ScenarioError::new(
                bg_path,
                format!(
                    "{} is geen bestuursorgaan (verwacht een gemeente, provincie, waterschap of minister)",
                    quote(bg)
                ),
            ))
        }
        Some(_) => {}
    }
    Ok(bg)
}

/// An entry's `gemeenten`: `null` (all) or a non-empty list of known gemeenten, each once.
fn entry_gemeenten(
    map: &serde_json::Map<String, Value>,
    path: &str,
    orgs: &Organisations,
) -> Result<Option<Vec<String>>, ScenarioError> {
    let gm_path = field_path(path, "gemeenten");
    let gemeenten = match map.get("gemeenten") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let list = expect_array(v, &gm_path, "null of een lijst van gemeente-ids")?;
            if list.is_empty() {
                return Err(ScenarioError::new(
                    gm_path,
                    "lege lijst; gebruik null voor alle gemeenten",
                ));
            }
            let mut out: Vec<String> = Vec::with_capacity(list.len());
            for (j, g) in list.iter().enumerate() {
                let p = index_path(&gm_path, j);
                let s = expect_str(g, &p, "een gemeente-id zoals GM0828")?;
                match orgs.get(s) {
                    Some(o) if o.kind == OrgKind::Gemeente => {}
                    _ => {
                        return Err(ScenarioError::new(
                            p,
                            format!(
                                "onbekende gemeente {} (verwacht een CBS-code zoals GM0828)",
                                quote(s)
                            ),
                        ))
                    }
                }
                if out.iter().any(|x| x == s) {
                    return Err(ScenarioError::new(
                        p,
                        format!("gemeente {} staat twee keer in de lijst", quote(s)),
                    ));
                }
                out.push(s.to_string());
            }
            Some(out)
        }
    };
    Ok(gemeenten)
}

/// At most one entry per (bevoegd_gezag, activity, verzoektype, gemeente) (contract §3).
/// Linear: each area (a gemeente, or everywhere) of a key remembers the first entry that has it.
fn check_duplicates(entries: &[ConfigEntry], list_path: &str) -> Result<(), ScenarioError> {
    type Area<'a> = (&'a str, &'a str, Option<Verzoektype>, Option<&'a str>);
    let mut first: HashMap<Area, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let key = (e.bevoegd_gezag.as_str(), e.activity.as_str(), e.verzoektype);
        let areas: Vec<Option<&str>> = match &e.gemeenten {
            None => vec![None],
            Some(list) => list.iter().map(|g| Some(g.as_str())).collect(),
        };
        for area in areas {
            let j = *first.entry((key.0, key.1, key.2, area)).or_insert(i);
            if j == i {
                continue;
            }
            let what =
                area.map_or_else(|| "alle gemeenten".to_string(), |g| format!("gemeente {g}"));
            return Err(ScenarioError::new(
                index_path(list_path, i),
                format!(
                    "dubbel met behandeldiensten[{j}]: zelfde bevoegd_gezag {}, activity {}, verzoektype {} en {what}; maximaal één regel per combinatie",
                    e.bevoegd_gezag,
                    e.activity,
                    e.verzoektype.map_or("null", |v| v.as_str()),
                ),
            ));
        }
    }
    Ok(())
}
