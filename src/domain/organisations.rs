//! Organisations: who an id is, its name, and the name of its bestuursorgaan (contract §1, §4).
//!
//! Gemeenten, provincies, omgevingsdiensten and veiligheidsregio's come from the geography's
//! gemeente table; ministers, waterschappen and uitvoeringsorganisaties (RWS) from
//! `data/organisations.json`, which also names the six Brzo omgevingsdiensten and the
//! provincies they serve (`brzo_omgevingsdiensten`, rule B14).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::error::{DataError, ScenarioError};
use super::ids::OrgKind;
use super::json::{
    check_fields, expect_object, list_of, opt_list_of, opt_text_field, text_field, texts_field,
};
use crate::geo::Geography;

/// An organisation with its contract id and plain name ("Oss", "Omgevingsdienst Brabant
/// Noord", "Waterschap Aa en Maas", "Infrastructuur en Waterstaat").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Org {
    pub id: String,
    pub kind: OrgKind,
    pub name: String,
}

impl Org {
    /// The name of the bestuursorgaan as bevoegd gezag (contract §4): "College van B&W van
    /// Oss", "Gedeputeerde Staten van Noord-Brabant", "Dagelijks bestuur van Waterschap Aa en
    /// Maas", "Minister van Infrastructuur en Waterstaat". Other kinds: their display name.
    pub fn bg_name(&self) -> String {
        match self.kind {
            OrgKind::Gemeente => format!("College van B&W van {}", self.name),
            OrgKind::Provincie => format!("Gedeputeerde Staten van {}", self.name),
            OrgKind::Waterschap => format!("Dagelijks bestuur van {}", self.name),
            OrgKind::Minister => format!("Minister van {}", self.name),
            _ => self.display_name(),
        }
    }

    /// The name to show for an organisation in any role other than bevoegd gezag:
    /// "Gemeente Oss", "Provincie Noord-Brabant", "Veiligheidsregio Brabant-Noord", or the
    /// name as it is for omgevingsdiensten and waterschappen.
    pub fn display_name(&self) -> String {
        match self.kind {
            OrgKind::Gemeente => format!("Gemeente {}", self.name),
            OrgKind::Provincie => format!("Provincie {}", self.name),
            OrgKind::Minister => format!("Minister van {}", self.name),
            OrgKind::Veiligheidsregio if !self.name.starts_with("Veiligheidsregio") => {
                format!("Veiligheidsregio {}", self.name)
            }
            _ => self.name.clone(),
        }
    }

    /// The name as adviseur: a bestuursorgaan as such ("College van B&W van Oss"), anyone
    /// else by display name.
    pub fn adviseur_name(&self) -> String {
        if self.kind.is_bestuursorgaan() {
            self.bg_name()
        } else {
            self.display_name()
        }
    }
}

/// One entry of the organisations file.
struct RawOrg {
    id: String,
    name: String,
}

impl RawOrg {
    fn from_value(value: &Value, path: &str) -> Result<RawOrg, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "name", "note"])?;
        opt_text_field(map, path, "note")?;
        Ok(RawOrg {
            id: text_field(map, path, "id")?,
            name: text_field(map, path, "name")?,
        })
    }
}

/// A Brzo omgevingsdienst (rule B14): it carries out the Brzo tasks of Gedeputeerde Staten
/// of `provincies`. `mark` is the confidence of that division (`D`, `D-ind`, `I`, `?`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BrzoDienst {
    pub id: String,
    pub provincies: Vec<String>,
    pub mark: String,
}

/// One entry of `brzo_omgevingsdiensten`, with its name for when the geography lacks it.
struct RawBrzo {
    dienst: BrzoDienst,
    name: String,
}

impl RawBrzo {
    fn from_value(value: &Value, path: &str) -> Result<RawBrzo, ScenarioError> {
        let map = expect_object(value, path, "een object")?;
        check_fields(map, path, &["id", "name", "provincies", "mark", "note"])?;
        opt_text_field(map, path, "note")?;
        Ok(RawBrzo {
            dienst: BrzoDienst {
                id: text_field(map, path, "id")?,
                provincies: texts_field(map, path, "provincies")?,
                mark: text_field(map, path, "mark")?,
            },
            name: text_field(map, path, "name")?,
        })
    }
}

/// The organisations file: ministers, waterschappen, uitvoeringsorganisaties, and the Brzo
/// omgevingsdiensten. Read by hand from a `serde_json::Value` (not serde's derive: less code
/// in the start build, docs/performance.md).
struct RawFile {
    lists: [Vec<RawOrg>; 3],
    brzo: Vec<RawBrzo>,
}

fn raw_file(value: &Value) -> Result<RawFile, ScenarioError> {
    const LISTS: [&str; 3] = ["ministers", "waterschappen", "uitvoeringsorganisaties"];
    const BRZO: &str = "brzo_omgevingsdiensten";
    let map = expect_object(value, "", "een object")?;
    check_fields(
        map,
        "",
        &["format", "description", LISTS[0], LISTS[1], LISTS[2], BRZO],
    )?;
    text_field(map, "", "format")?;
    text_field(map, "", "description")?;
    let list = |key: &str| list_of(map, "", key, RawOrg::from_value);
    Ok(RawFile {
        lists: [list(LISTS[0])?, list(LISTS[1])?, list(LISTS[2])?],
        brzo: opt_list_of(map, "", BRZO, RawBrzo::from_value)?,
    })
}

/// Every organisation the engine knows, by id.
#[derive(Clone, Debug, Default)]
pub struct Organisations {
    by_id: HashMap<String, Org>,
    ministers: Vec<String>,
    brzo: Vec<BrzoDienst>,
}

impl Organisations {
    /// Builds the index from the geography and an organisations file.
    pub fn from_json(text: &str, geo: &Geography) -> Result<Organisations, DataError> {
        let RawFile { lists, brzo } = read_file(text)?;
        let [ministers, waterschappen, uitvoeringsorganisaties] = lists;
        let mut orgs = Organisations::default();
        for m in ministers {
            orgs.ministers.push(m.id.clone());
            orgs.insert(m.id, OrgKind::Minister, m.name)?;
        }
        for w in waterschappen {
            orgs.insert(w.id, OrgKind::Waterschap, w.name)?;
        }
        for u in uitvoeringsorganisaties {
            orgs.insert(u.id, OrgKind::Uitvoeringsorganisatie, u.name)?;
        }
        for w in geo.waterschappen() {
            orgs.upsert(&w.id, OrgKind::Waterschap, &w.name)?;
        }
        for g in geo.gemeenten() {
            orgs.insert(g.id.clone(), OrgKind::Gemeente, g.name.clone())?;
            orgs.upsert(&g.provincie.id, OrgKind::Provincie, &g.provincie.name)?;
            if let Some(od) = &g.omgevingsdienst {
                orgs.upsert(&od.id, OrgKind::Omgevingsdienst, &od.name)?;
            }
            if let Some(vr) = &g.veiligheidsregio {
                orgs.upsert(&vr.id, OrgKind::Veiligheidsregio, &vr.name)?;
            }
        }
        orgs.add_brzo(brzo)?;
        Ok(orgs)
    }

    /// The Brzo omgevingsdiensten, after the geography (whose names win): each an
    /// omgevingsdienst, each provincie known and served by one of them at most.
    fn add_brzo(&mut self, brzo: Vec<RawBrzo>) -> Result<(), DataError> {
        for RawBrzo { dienst, name } in brzo {
            self.upsert(&dienst.id, OrgKind::Omgevingsdienst, &name)?;
            for p in &dienst.provincies {
                let bad = match self.get(p) {
                    Some(o) if o.kind == OrgKind::Provincie => self
                        .brzo_dienst(p)
                        .map(|other| format!("heeft al Brzo-omgevingsdienst {}", other.id)),
                    _ => Some("is geen bekende provincie".to_string()),
                };
                if let Some(why) = bad {
                    return Err(DataError::new(
                        "organisaties",
                        format!(
                            "brzo_omgevingsdiensten: {}: provincie '{p}' {why}",
                            dienst.id
                        ),
                    ));
                }
            }
            self.brzo.push(dienst);
        }
        Ok(())
    }

    fn insert(&mut self, id: String, kind: OrgKind, name: String) -> Result<(), DataError> {
        if self.by_id.contains_key(&id) {
            return Err(DataError::new(
                "organisaties",
                format!("organisatie-id '{id}' komt twee keer voor"),
            ));
        }
        self.by_id.insert(id.clone(), Org { id, kind, name });
        Ok(())
    }

    fn upsert(&mut self, id: &str, kind: OrgKind, name: &str) -> Result<(), DataError> {
        match self.by_id.get(id) {
            Some(existing) if existing.kind == kind => Ok(()),
            Some(existing) => Err(DataError::new(
                "organisaties",
                format!(
                    "organisatie-id '{id}' is zowel {:?} als {kind:?}",
                    existing.kind
                ),
            )),
            None => self.insert(id.to_string(), kind, name.to_string()),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Org> {
        self.by_id.get(id)
    }

    /// The display name of a known organisation, or the id itself: for ids that reach a
    /// text from outside the bundled organisations (a trainer's configuration, a typed id).
    pub fn name_or_id(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), Org::display_name)
    }

    /// The Brzo omgevingsdienst of a provincie (B14), if the data names one.
    pub fn brzo_dienst(&self, provincie: &str) -> Option<&BrzoDienst> {
        self.brzo
            .iter()
            .find(|d| d.provincies.iter().any(|p| p == provincie))
    }

    /// The Brzo omgevingsdiensten and the provincies each serves (B14).
    pub fn brzo_diensten(&self) -> &[BrzoDienst] {
        &self.brzo
    }

    /// Minister codes (`IENW`, `KGG`, `LNV`).
    pub fn ministers(&self) -> &[String] {
        &self.ministers
    }

    /// All organisations, sorted by id.
    pub fn all(&self) -> Vec<&Org> {
        let mut v: Vec<&Org> = self.by_id.values().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }
}

/// Minister codes of an organisations file, without a geography (used to validate catalogue
/// levels `rijk:<CODE>`).
pub fn minister_codes(text: &str) -> Result<Vec<String>, DataError> {
    let RawFile {
        lists: [ministers, ..],
        ..
    } = read_file(text)?;
    Ok(ministers.into_iter().map(|m| m.id).collect())
}

/// The organisations file's lists, or a message naming what and where.
fn read_file(text: &str) -> Result<RawFile, DataError> {
    let bad = |e: &dyn std::fmt::Display| DataError::new("organisaties", e.to_string());
    let value = super::strict_json::parse(text).map_err(|e| bad(&e))?;
    raw_file(&value).map_err(|e| bad(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_organisations_file_is_named_by_its_path() {
        let bundled = crate::data::ORGANISATIONS_JSON;
        assert!(!minister_codes(bundled).unwrap_or_default().is_empty());
        for (from, to, expected) in [
            (
                "\"ministers\"",
                "\"minister\"",
                "organisaties: minister: onbekend veld (verwacht: format, description, ministers, waterschappen, uitvoeringsorganisaties, brzo_omgevingsdiensten)",
            ),
            (
                "\"name\": \"",
                "\"name\": 3, \"x\": \"",
                "organisaties: ministers[0].x: onbekend veld (verwacht: id, name, note)",
            ),
        ] {
            let text = bundled.replacen(from, to, 1);
            let err = minister_codes(&text).map(|_| ()).unwrap_err().to_string();
            assert_eq!(err, expected);
        }
        let err = minister_codes("[]").map(|_| ()).unwrap_err().to_string();
        assert_eq!(
            err,
            "organisaties: verwacht een object, gevonden: een lijst"
        );
    }
}
