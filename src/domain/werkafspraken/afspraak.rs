//! The agreement as the user keeps it (issue 20, items 3–5): the region, the configuration
//! and assumptions, the task division, per gap the chosen template, the edited text, the
//! status and notes, and the Aansluiten ticks. One JSON format for the browser's storage and
//! for the file a user saves and opens again, read strictly with the JSON path of any error.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::super::error::ScenarioError;
use super::super::json::{
    check_fields, expect_object, field_path, opt_text_field, text_field, texts_field,
};
use super::super::speelveld::Region;
use super::super::{Engine, ScenarioDraft};
use super::taakverdeling::Taakverdeling;

pub const FORMAT: &str = "routewijzer-werkafspraken/1";

/// Where a gap's agreement stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// The proposal from the template (or an edited text), not yet agreed.
    #[default]
    Voorstel,
    Afgesproken,
    /// The parties accept the risk and make no agreement.
    GeaccepteerdRisico,
}

impl Status {
    pub const ALL: [Status; 3] = [
        Status::Voorstel,
        Status::Afgesproken,
        Status::GeaccepteerdRisico,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Voorstel => "voorstel",
            Status::Afgesproken => "afgesproken",
            Status::GeaccepteerdRisico => "geaccepteerd-risico",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What the user did with one gap's proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Afspraak {
    /// Another template than the proposal's.
    pub sjabloon: Option<String>,
    /// The text as edited; `None`: the template's text.
    pub tekst: Option<String>,
    pub status: Status,
    pub notities: String,
}

impl Afspraak {
    pub fn is_empty(&self) -> bool {
        *self == Afspraak::default()
    }
}

/// The whole agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Werkafspraak {
    pub titel: String,
    pub regio: Region,
    /// Only the configuration and the assumptions count.
    pub settings: ScenarioDraft,
    pub taakverdeling: Taakverdeling,
    /// By gap id.
    pub afspraken: BTreeMap<String, Afspraak>,
    /// By organisation id: the checklist items ticked.
    pub aansluiten: BTreeMap<String, Vec<String>>,
}

/// Longest text a user may keep in one field (a gap's text, its notes).
pub const MAX_TEXT_CHARS: usize = 20_000;

impl Werkafspraak {
    /// The agreement's configuration and assumptions as a draft (what the gap engine routes).
    pub fn draft(&self) -> &ScenarioDraft {
        &self.settings
    }

    pub fn afspraak(&self, gap: &str) -> Afspraak {
        self.afspraken.get(gap).cloned().unwrap_or_default()
    }

    pub fn to_value(&self) -> Value {
        let settings = self.settings.to_value();
        let afspraken: Map<String, Value> = self
            .afspraken
            .iter()
            .filter(|(_, a)| !a.is_empty())
            .map(|(id, a)| {
                (
                    id.clone(),
                    json!({
                        "sjabloon": a.sjabloon,
                        "tekst": a.tekst,
                        "status": a.status.as_str(),
                        "notities": a.notities,
                    }),
                )
            })
            .collect();
        json!({
            "format": FORMAT,
            "titel": self.titel,
            "regio": self.regio.key(),
            "configuration": settings.get("configuration"),
            "assumptions": settings.get("assumptions"),
            "taakverdeling": self.taakverdeling.to_value(),
            "afspraken": afspraken,
            "aansluiten": self.aansluiten,
        })
    }

    /// An agreement file's text, checked as a whole: nothing is taken from a bad file.
    pub fn from_text(engine: &Engine, text: &str) -> Result<Werkafspraak, ScenarioError> {
        let value = crate::domain::parse_json_text(text)?;
        Werkafspraak::from_value(engine, &value)
    }

    pub fn from_value(engine: &Engine, value: &Value) -> Result<Werkafspraak, ScenarioError> {
        let map = expect_object(value, "", "een werkafspraak (een JSON-object)")?;
        check_fields(
            map,
            "",
            &[
                "format",
                "titel",
                "regio",
                "configuration",
                "assumptions",
                "taakverdeling",
                "afspraken",
                "aansluiten",
            ],
        )?;
        super::super::json::format_field(map, FORMAT)?;
        let titel = opt_text_field(map, "", "titel")?.unwrap_or_default();
        long("titel", &titel)?;
        let key = text_field(map, "", "regio")?;
        let regio = read_region(engine, &key)?;
        let settings: Map<String, Value> = ["configuration", "assumptions"]
            .into_iter()
            .filter_map(|k| Some((k.to_string(), map.get(k)?.clone())))
            .collect();
        let settings = engine.parse_draft(&Value::Object(settings))?;
        // Without a division (a hand-written training preset), it starts as a new one does.
        let taakverdeling = match map.get("taakverdeling") {
            Some(v) => Taakverdeling::from_value(engine, v, "taakverdeling")?,
            None => super::start_division(engine, &regio, &settings)?,
        };
        let mut afspraken = BTreeMap::new();
        if let Some(v) = map.get("afspraken") {
            let m = expect_object(v, "afspraken", "een object (per gat)")?;
            for (id, a) in m {
                let path = field_path("afspraken", id);
                afspraken.insert(id.clone(), read_afspraak(a, &path)?);
            }
        }
        let mut aansluiten = BTreeMap::new();
        if let Some(v) = map.get("aansluiten") {
            let m = expect_object(v, "aansluiten", "een object (per organisatie)")?;
            for (id, _) in m {
                aansluiten.insert(id.clone(), texts_field(m, "aansluiten", id)?);
            }
        }
        Ok(Werkafspraak {
            titel,
            regio,
            settings,
            taakverdeling,
            afspraken,
            aansluiten,
        })
    }
}

fn long(path: &str, text: &str) -> Result<(), ScenarioError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ScenarioError::new(
            path,
            format!("te lang (hoogstens {MAX_TEXT_CHARS} tekens)"),
        ));
    }
    Ok(())
}

/// A region key (`veiligheidsregio:VR21`, `gemeenten:GM0828+GM1991`) with at least one
/// gemeente, all known.
pub fn read_region(engine: &Engine, key: &str) -> Result<Region, ScenarioError> {
    let region = Region::from_key(key).ok_or_else(|| {
        ScenarioError::new(
            "regio",
            format!("onbekende regio '{}' (verwacht bijvoorbeeld veiligheidsregio:VR21 of gemeenten:GM0828+GM1991)", key.chars().take(60).collect::<String>()),
        )
    })?;
    if let Region::Gemeenten(ids) = &region {
        if let Some(bad) = ids
            .iter()
            .find(|id| engine.geography().gemeente(id).is_none())
        {
            return Err(ScenarioError::new(
                "regio",
                format!("onbekende gemeente '{bad}'"),
            ));
        }
    }
    if region.gemeenten(engine).is_empty() {
        return Err(ScenarioError::new(
            "regio",
            format!("regio '{key}' heeft geen gemeenten"),
        ));
    }
    Ok(region)
}

fn read_afspraak(v: &Value, path: &str) -> Result<Afspraak, ScenarioError> {
    let m = expect_object(v, path, "een object")?;
    check_fields(m, path, &["sjabloon", "tekst", "status", "notities"])?;
    let status = match opt_text_field(m, path, "status")? {
        None => Status::Voorstel,
        Some(s) => Status::parse(&s).ok_or_else(|| {
            ScenarioError::new(
                field_path(path, "status"),
                format!("onbekende status '{s}' (verwacht voorstel, afgesproken of geaccepteerd-risico)"),
            )
        })?,
    };
    let tekst = opt_text_field(m, path, "tekst")?;
    let notities = opt_text_field(m, path, "notities")?.unwrap_or_default();
    long(
        &field_path(path, "tekst"),
        tekst.as_deref().unwrap_or_default(),
    )?;
    long(&field_path(path, "notities"), &notities)?;
    Ok(Afspraak {
        sjabloon: opt_text_field(m, path, "sjabloon")?,
        tekst,
        status,
        notities,
    })
}
