//! Organisations: who an id is, its name, and the name of its bestuursorgaan (contract §1, §4).
//!
//! Gemeenten, provincies, omgevingsdiensten and veiligheidsregio's come from the geography's
//! gemeente table; ministers, waterschappen and uitvoeringsorganisaties (RWS) from
//! `data/organisations.json`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::ids::OrgKind;
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    id: String,
    name: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganisations {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    description: String,
    ministers: Vec<RawOrg>,
    waterschappen: Vec<RawOrg>,
    uitvoeringsorganisaties: Vec<RawOrg>,
}

/// Every organisation the engine knows, by id.
#[derive(Clone, Debug, Default)]
pub struct Organisations {
    by_id: HashMap<String, Org>,
    ministers: Vec<String>,
}

impl Organisations {
    /// Builds the index from the geography and an organisations file.
    pub fn from_json(text: &str, geo: &Geography) -> Result<Organisations, DataError> {
        let raw: RawOrganisations = serde_json::from_str(text)
            .map_err(|e| DataError::new("organisaties", e.to_string()))?;
        let mut orgs = Organisations::default();
        for m in raw.ministers {
            orgs.ministers.push(m.id.clone());
            orgs.insert(m.id, OrgKind::Minister, m.name)?;
        }
        for w in raw.waterschappen {
            orgs.insert(w.id, OrgKind::Waterschap, w.name)?;
        }
        for u in raw.uitvoeringsorganisaties {
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
        Ok(orgs)
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
    let raw: RawOrganisations =
        serde_json::from_str(text).map_err(|e| DataError::new("organisaties", e.to_string()))?;
    Ok(raw.ministers.into_iter().map(|m| m.id).collect())
}
