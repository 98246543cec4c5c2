//! The intended task division of a region (issue 20, item 1): which organisation should
//! handle, or advise on, which activity (or group) and verzoektype, per bevoegd gezag. It
//! starts from the behandeldienstconfiguratie (what the DSO is told) plus a data file of
//! defaults (`data/werkafspraken/taakverdeling.json`: advice roles, the Brzo split, the
//! basistaken), and the user edits it. The gap engine compares it with the DSO's routing.

use serde_json::{json, Map, Value};

use super::super::catalogue::Activity;
use super::super::configuration::ConfigEntry;
use super::super::error::ScenarioError;
use super::super::ids::Verzoektype;
use super::super::json::{
    check_fields, expect_object, expect_str, field_path, list_of, opt_text_field, text_field,
};
use super::super::outcome::Named;
use super::super::Engine;
use crate::geo::GemeenteInfo;

/// The format of the defaults file.
pub const DEFAULTS_FORMAT: &str = "routewijzer-taakverdeling/1";

/// Whose division an entry is: every gemeente's college, the provincie's Gedeputeerde
/// Staten, the waterschap's bestuur (each relative to where the activity takes place), or one
/// bestuursorgaan by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Gemeente,
    Provincie,
    Waterschap,
    Org(String),
}

/// Who should act: the gemeente's own omgevingsdienst or veiligheidsregio, the gemeente or
/// provincie of the place, the bevoegd gezag itself, or one organisation by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    Gemeente,
    Provincie,
    Omgevingsdienst,
    Veiligheidsregio,
    BevoegdGezag,
    Org(String),
}

/// What the party does with the verzoek.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rol {
    /// Handles it (as behandeldienst, or the bevoegd gezag itself).
    Behandelen,
    /// Advises on it: must be involved, gets nothing from the DSO by itself.
    Advies,
}

/// One line of the division.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskEntry {
    pub scope: Scope,
    /// An activity or group id of the catalogue.
    pub activity: String,
    pub verzoektype: Option<Verzoektype>,
    /// A split by content: an exception flag of the activity (`seveso`) or a label the DSO
    /// cannot see (`geen-basistaak`). `None`: every verzoek of this kind.
    pub inhoud: Option<String>,
    pub partij: Party,
    pub rol: Rol,
    /// Only in these gemeenten (a provincie's 1:n division); `None`: everywhere.
    pub gemeenten: Option<Vec<String>>,
    /// Why (shown with the entry): "basistaak", "Brzo (B14)".
    pub toelichting: Option<String>,
}

impl Scope {
    pub fn key(&self) -> &str {
        match self {
            Scope::Gemeente => "gemeente",
            Scope::Provincie => "provincie",
            Scope::Waterschap => "waterschap",
            Scope::Org(id) => id,
        }
    }

    pub fn from_key(key: &str) -> Scope {
        match key {
            "gemeente" => Scope::Gemeente,
            "provincie" => Scope::Provincie,
            "waterschap" => Scope::Waterschap,
            id => Scope::Org(id.to_string()),
        }
    }

    /// Does a verzoek addressed to `bg` at a place in `place` fall under this scope?
    pub fn covers(&self, bg: &str, place: &Place) -> bool {
        match self {
            Scope::Gemeente => bg == place.gemeente.id,
            Scope::Provincie => bg == place.provincie.id,
            Scope::Waterschap => place.waterschap.as_ref().is_some_and(|w| w.id == bg),
            Scope::Org(id) => id == bg,
        }
    }
}

impl Party {
    pub fn key(&self) -> &str {
        match self {
            Party::Gemeente => "gemeente",
            Party::Provincie => "provincie",
            Party::Omgevingsdienst => "omgevingsdienst",
            Party::Veiligheidsregio => "veiligheidsregio",
            Party::BevoegdGezag => "bevoegd-gezag",
            Party::Org(id) => id,
        }
    }

    pub fn from_key(key: &str) -> Party {
        match key {
            "gemeente" => Party::Gemeente,
            "provincie" => Party::Provincie,
            "omgevingsdienst" => Party::Omgevingsdienst,
            "veiligheidsregio" => Party::Veiligheidsregio,
            "bevoegd-gezag" => Party::BevoegdGezag,
            id => Party::Org(id.to_string()),
        }
    }

    /// The organisation this party is for a verzoek to `bg` at `place`; `None` where the
    /// gemeente has no such organisation.
    pub fn resolve(&self, bg: &str, place: &Place) -> Option<String> {
        match self {
            Party::Gemeente => Some(place.gemeente.id.clone()),
            Party::Provincie => Some(place.provincie.id.clone()),
            Party::Omgevingsdienst => place.omgevingsdienst.as_ref().map(|n| n.id.clone()),
            Party::Veiligheidsregio => place.veiligheidsregio.as_ref().map(|n| n.id.clone()),
            Party::BevoegdGezag => Some(bg.to_string()),
            Party::Org(id) => Some(id.clone()),
        }
    }

    /// The relative form of organisation `id` at `place`: the gemeente's own omgevingsdienst
    /// or veiligheidsregio, else the organisation itself. Gaps are grouped by this, so one
    /// gap covers "each gemeente's veiligheidsregio".
    pub fn relative(id: &str, place: &Place) -> Party {
        let is = |n: &Option<Named>| n.as_ref().is_some_and(|n| n.id == id);
        if id == place.gemeente.id {
            Party::Gemeente
        } else if id == place.provincie.id {
            Party::Provincie
        } else if is(&place.omgevingsdienst) {
            Party::Omgevingsdienst
        } else if is(&place.veiligheidsregio) {
            Party::Veiligheidsregio
        } else {
            Party::Org(id.to_string())
        }
    }
}

impl Rol {
    pub fn key(self) -> &'static str {
        match self {
            Rol::Behandelen => "behandelen",
            Rol::Advies => "advies",
        }
    }
}

/// Where a verzoek is routed: the gemeente and the areas around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub gemeente: Named,
    pub provincie: Named,
    pub waterschap: Option<Named>,
    pub omgevingsdienst: Option<Named>,
    pub veiligheidsregio: Option<Named>,
}

impl Place {
    pub fn of(g: &GemeenteInfo) -> Place {
        Place {
            gemeente: Named {
                id: g.id.clone(),
                name: g.name.clone(),
            },
            provincie: g.provincie.clone(),
            waterschap: None,
            omgevingsdienst: g.omgevingsdienst.clone(),
            veiligheidsregio: g.veiligheidsregio.clone(),
        }
    }

    /// The relative scope of bestuursorgaan `bg` here.
    pub fn scope_of(&self, bg: &str) -> Scope {
        if bg == self.gemeente.id {
            Scope::Gemeente
        } else if bg == self.provincie.id {
            Scope::Provincie
        } else if self.waterschap.as_ref().is_some_and(|w| w.id == bg) {
            Scope::Waterschap
        } else {
            Scope::Org(bg.to_string())
        }
    }
}

impl TaskEntry {
    /// Does this entry speak about activity `def` as `vt` for a verzoek to `bg` at `place`?
    /// (Its content label is matched by the caller.)
    pub fn applies(&self, bg: &str, place: &Place, def: &Activity, vt: Verzoektype) -> bool {
        let activity = self.activity == def.id || def.parent.as_deref() == Some(&self.activity);
        activity
            && self.verzoektype.is_none_or(|v| v == vt)
            && self.scope.covers(bg, place)
            && self
                .gemeenten
                .as_ref()
                .is_none_or(|list| list.contains(&place.gemeente.id))
    }

    /// Most specific first, as the configuration's own rule (contract §5.5): exact activity
    /// over group, an exact verzoektype over none, a gemeenten list over none, one
    /// bestuursorgaan over a relative scope.
    fn specificity(&self, def: &Activity) -> (bool, bool, bool, bool) {
        (
            self.activity == def.id,
            self.verzoektype.is_some(),
            self.gemeenten.is_some(),
            matches!(self.scope, Scope::Org(_)),
        )
    }

    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("bevoegd_gezag".into(), json!(self.scope.key()));
        m.insert("activity".into(), json!(self.activity));
        m.insert(
            "verzoektype".into(),
            json!(self.verzoektype.map(Verzoektype::as_str)),
        );
        m.insert("inhoud".into(), json!(self.inhoud));
        m.insert("partij".into(), json!(self.partij.key()));
        m.insert("rol".into(), json!(self.rol.key()));
        m.insert("gemeenten".into(), json!(self.gemeenten));
        m.insert("toelichting".into(), json!(self.toelichting));
        Value::Object(m)
    }

    /// One entry, checked against the catalogue and the organisations.
    pub fn from_value(engine: &Engine, v: &Value, path: &str) -> Result<TaskEntry, ScenarioError> {
        const FIELDS: [&str; 8] = [
            "bevoegd_gezag",
            "activity",
            "verzoektype",
            "inhoud",
            "partij",
            "rol",
            "gemeenten",
            "toelichting",
        ];
        let map = expect_object(v, path, "een regel van de taakverdeling (een object)")?;
        check_fields(map, path, &FIELDS)?;
        let scope = Scope::from_key(&text_field(map, path, "bevoegd_gezag")?);
        if let Scope::Org(id) = &scope {
            let known = engine
                .organisations
                .get(id)
                .is_some_and(|o| o.kind.is_bestuursorgaan());
            if !known {
                return Err(ScenarioError::new(
                    field_path(path, "bevoegd_gezag"),
                    format!("onbekend bevoegd gezag '{id}' (verwacht gemeente, provincie, waterschap of een id zoals GM0828)"),
                ));
            }
        }
        let activity = text_field(map, path, "activity")?;
        let def = engine.catalogue.activity(&activity);
        if def.is_none() && engine.catalogue.group(&activity).is_none() {
            return Err(ScenarioError::new(
                field_path(path, "activity"),
                format!("onbekende activiteit of groep '{activity}'"),
            ));
        }
        let verzoektype = match opt_text_field(map, path, "verzoektype")? {
            None => None,
            Some(s) => {
                let vt = Verzoektype::parse(&s).ok_or_else(|| {
                    ScenarioError::new(
                        field_path(path, "verzoektype"),
                        format!(
                            "onbekend verzoektype '{s}' (verwacht {})",
                            Verzoektype::all_ids()
                        ),
                    )
                })?;
                if def.is_some_and(|d| !d.allows(vt)) {
                    return Err(ScenarioError::new(
                        field_path(path, "verzoektype"),
                        format!("{activity} kent geen {}", vt.label()),
                    ));
                }
                Some(vt)
            }
        };
        let partij = Party::from_key(&text_field(map, path, "partij")?);
        if let Party::Org(id) = &partij {
            if engine.organisations.get(id).is_none() {
                return Err(ScenarioError::new(
                    field_path(path, "partij"),
                    format!("onbekende organisatie '{id}' (verwacht omgevingsdienst, veiligheidsregio, bevoegd-gezag of een id zoals ODBN)"),
                ));
            }
        }
        let rol = match text_field(map, path, "rol")?.as_str() {
            "behandelen" => Rol::Behandelen,
            "advies" => Rol::Advies,
            other => {
                return Err(ScenarioError::new(
                    field_path(path, "rol"),
                    format!("onbekende rol '{other}' (verwacht behandelen of advies)"),
                ))
            }
        };
        let gemeenten = match map.get("gemeenten") {
            None | Some(Value::Null) => None,
            Some(_) => Some(list_of(map, path, "gemeenten", |v, at| {
                let id = expect_str(v, at, "een CBS-code")?;
                engine
                    .geography()
                    .gemeente(id)
                    .map(|g| g.id.clone())
                    .ok_or_else(|| ScenarioError::new(at, format!("onbekende gemeente '{id}'")))
            })?),
        };
        let short = |key: &str| -> Result<Option<String>, ScenarioError> {
            let text = opt_text_field(map, path, key)?.filter(|t| !t.trim().is_empty());
            match text {
                Some(t) if t.chars().count() > 200 => Err(ScenarioError::new(
                    field_path(path, key),
                    "te lang (hoogstens 200 tekens)",
                )),
                other => Ok(other),
            }
        };
        Ok(TaskEntry {
            scope,
            activity,
            verzoektype,
            inhoud: short("inhoud")?,
            partij,
            rol,
            gemeenten,
            toelichting: short("toelichting")?,
        })
    }
}

/// The division: its entries in the user's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Taakverdeling {
    pub entries: Vec<TaskEntry>,
}

impl Taakverdeling {
    /// The most specific entry with role `rol` and content label `inhoud` for activity `def`
    /// as `vt` in a verzoek to `bg` at `place`.
    pub fn find(
        &self,
        rol: Rol,
        inhoud: Option<&str>,
        bg: &str,
        place: &Place,
        def: &Activity,
        vt: Verzoektype,
    ) -> Option<&TaskEntry> {
        self.entries
            .iter()
            .filter(|e| e.rol == rol && e.inhoud.as_deref() == inhoud)
            .filter(|e| e.applies(bg, place, def, vt))
            .max_by_key(|e| e.specificity(def))
    }

    /// Every advice entry for this activity and content, one per party.
    pub fn advisers(
        &self,
        inhoud: Option<&str>,
        bg: &str,
        place: &Place,
        def: &Activity,
        vt: Verzoektype,
    ) -> Vec<&TaskEntry> {
        let mut out: Vec<&TaskEntry> = Vec::new();
        for e in self.entries.iter().filter(|e| {
            e.rol == Rol::Advies && e.inhoud.as_deref() == inhoud && e.applies(bg, place, def, vt)
        }) {
            if !out.iter().any(|o| o.partij == e.partij) {
                out.push(e);
            }
        }
        out
    }

    /// The content labels used for activity `def` (each once, in order).
    pub fn labels(&self, def: &Activity) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in &self.entries {
            let about = e.activity == def.id || def.parent.as_deref() == Some(&e.activity);
            if let (true, Some(label)) = (about, e.inhoud.as_deref()) {
                if !out.contains(&label) {
                    out.push(label);
                }
            }
        }
        out
    }

    pub fn to_value(&self) -> Value {
        Value::Array(self.entries.iter().map(TaskEntry::to_value).collect())
    }

    /// The list at `path` (every entry checked).
    pub fn from_value(
        engine: &Engine,
        v: &Value,
        path: &str,
    ) -> Result<Taakverdeling, ScenarioError> {
        let list = v.as_array().ok_or_else(|| {
            ScenarioError::new(path, "verwacht een lijst van regels (taakverdeling)")
        })?;
        let entries = list
            .iter()
            .enumerate()
            .map(|(i, e)| TaskEntry::from_value(engine, e, &format!("{path}[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Taakverdeling { entries })
    }

    /// The division a region starts with: the configuration's entries for the region's
    /// bevoegde gezagen, each said once where every gemeente does the same ("elke gemeente →
    /// eigen omgevingsdienst"), then the defaults that apply to the region and add something.
    pub fn start(
        config: &[ConfigEntry],
        gemeenten: &[&GemeenteInfo],
        defaults: &Taakverdeling,
    ) -> Taakverdeling {
        let places: Vec<Place> = gemeenten.iter().map(|g| Place::of(g)).collect();
        let mut out: Vec<TaskEntry> = Vec::new();
        let push = |e: TaskEntry, out: &mut Vec<TaskEntry>| {
            if !out.contains(&e) {
                out.push(e);
            }
        };
        // Each entry as seen from the gemeenten of the region it speaks about: (scope,
        // activity, verzoektype, party) relative to the place, and the places it covers.
        type Signature = (Scope, String, Option<Verzoektype>, Party);
        let seen = |e: &ConfigEntry, p: &Place| -> Option<Signature> {
            let scope = p.scope_of(&e.bevoegd_gezag);
            (!matches!(scope, Scope::Org(_)) && e.covers_gemeente(&p.gemeente.id)).then(|| {
                (
                    scope,
                    e.activity.clone(),
                    e.verzoektype,
                    Party::relative(&e.behandeldienst, p),
                )
            })
        };
        let mut covered: Vec<(Signature, Vec<&str>)> = Vec::new();
        for e in config {
            for p in &places {
                if let Some(sig) = seen(e, p) {
                    match covered.iter_mut().find(|(s, _)| *s == sig) {
                        Some((_, list)) => list.push(&p.gemeente.id),
                        None => covered.push((sig, vec![&p.gemeente.id])),
                    }
                }
            }
        }
        let general = |sig: &Signature| {
            covered.iter().any(|(s, list)| {
                s == sig
                    && places
                        .iter()
                        .all(|p| list.contains(&p.gemeente.id.as_str()))
            })
        };
        for e in config {
            let sigs: Vec<Signature> = places.iter().filter_map(|p| seen(e, p)).collect();
            let Some(first) = sigs.first() else {
                continue; // another region's bevoegd gezag
            };
            let entry = |scope: Scope, partij: Party, gemeenten: Option<Vec<String>>| TaskEntry {
                scope,
                activity: e.activity.clone(),
                verzoektype: e.verzoektype,
                inhoud: None,
                partij,
                rol: Rol::Behandelen,
                gemeenten,
                toelichting: None,
            };
            if sigs.iter().all(general) {
                push(entry(first.0.clone(), first.3.clone(), None), &mut out);
            } else {
                let only = e.gemeenten.as_ref().map(|list| {
                    list.iter()
                        .filter(|g| places.iter().any(|p| &p.gemeente.id == *g))
                        .cloned()
                        .collect()
                });
                push(
                    entry(
                        Scope::Org(e.bevoegd_gezag.clone()),
                        Party::Org(e.behandeldienst.clone()),
                        only,
                    ),
                    &mut out,
                );
            }
        }
        let provincies: Vec<&str> = places.iter().map(|p| p.provincie.id.as_str()).collect();
        for d in &defaults.entries {
            let in_region = match &d.scope {
                Scope::Org(id) => {
                    provincies.contains(&id.as_str()) || places.iter().any(|p| &p.gemeente.id == id)
                }
                _ => true,
            };
            if in_region {
                push(d.clone(), &mut out);
            }
        }
        Taakverdeling { entries: out }
    }
}

/// The bundled defaults, read strictly (`data/werkafspraken/taakverdeling.json`).
pub fn defaults(engine: &Engine, text: &str) -> Result<Taakverdeling, ScenarioError> {
    let value = crate::domain::parse_json_text(text)?;
    let map = expect_object(&value, "", "een object")?;
    check_fields(map, "", &["format", "description", "taakverdeling"])?;
    super::super::json::format_field(map, DEFAULTS_FORMAT)?;
    opt_text_field(map, "", "description")?;
    let list = map
        .get("taakverdeling")
        .ok_or_else(|| ScenarioError::new("taakverdeling", "ontbreekt (verwacht een lijst)"))?;
    Taakverdeling::from_value(engine, list, "taakverdeling")
}
