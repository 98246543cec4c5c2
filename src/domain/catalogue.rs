//! The activity catalogue (contract §2): data in `data/catalogue.json`, validated on load.
//! Extensions beyond the contract's table (all optional in the file): fixed adviseurs with
//! their basis (law or practice) and verzoektypes, exception flags that exclude another flag,
//! carry fixed adviseurs or mark Brzo work, notes that add a finding (`notes`), whose
//! toepasbare regels an activity depends on (`toepasbare_regels`, vraagstuk 4) and an
//! adviseur role that an assumption decides (`adviseur_role_assumption`).

use std::collections::HashSet;

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::{DataError, ScenarioError};
use super::finding::FindingCode;
use super::ids::{AdviesRole, Level, Verzoektype};
use super::json::{
    bool_field, check_fields, expect_object, expect_str, field_path, list_of, one_of, opt_list_of,
    opt_one_of, opt_text_field, text_field, texts_field,
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
    /// Flags of the same activity this one sets aside when both are set (`ippc-veehouderij`
    /// excludes `ippc`: category 6.6 is the exception to the IPPC rule, L14).
    pub excludes: Vec<String>,
    /// Fixed adviseurs when this flag applies (the veiligheidsregio at a Seveso-inrichting,
    /// L17).
    pub vaste_adviseurs: Vec<VasteAdviseurRegel>,
    /// Findings this flag adds to its verzoek.
    pub notes: Vec<Note>,
    /// Brzo work: it belongs with the provincie's Brzo omgevingsdienst (B14, B15).
    pub brzo: bool,
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

/// Why a fixed adviseur advises: the law (the default), or practice only (T10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdviesBasis {
    #[default]
    Wet,
    Praktijk,
}

/// A fixed adviseur of an activity or an exception: who, on what basis, under which rule,
/// and for which verzoektypes (empty: all of them). In the file either `"veiligheidsregio"`
/// (by law, every verzoektype) or `{ "adviseur", "basis", "rule", "verzoektypes" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VasteAdviseurRegel {
    pub adviseur: VasteAdviseur,
    pub basis: AdviesBasis,
    pub rule: Option<String>,
    pub verzoektypes: Vec<Verzoektype>,
}

impl VasteAdviseurRegel {
    pub fn applies_to(&self, v: Verzoektype) -> bool {
        self.verzoektypes.is_empty() || self.verzoektypes.contains(&v)
    }
}

/// A finding the catalogue attaches to an activity (for one verzoektype, or all) or to an
/// exception flag: `{ "code": "kappen-vellingsactiviteit", "verzoektype": "melding" }`.
/// Only the codes of [`FindingCode::NOTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: FindingCode,
    pub verzoektype: Option<Verzoektype>,
}

/// Whose toepasbare regels an activity depends on (vraagstuk 4, rule T9). Without them the
/// Omgevingsloket cannot compose a verzoek for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ToepasbareRegels {
    /// Not marked: made centrally (Rijk rules such as the Bal and Bbl); assumed present.
    #[default]
    Centraal,
    /// `"eigen"`: the bevoegd gezag's own rules (omgevingsplan, verordeningen), which it
    /// must translate itself; a scenario may say it has not (`toepasbare_regels: false`).
    Eigen,
    /// `"geen"` (or `false`): none published in this catalogue's world; no verzoek unless a
    /// scenario says otherwise (`toepasbare_regels: true`).
    Geen,
}

/// An adviseur role that a switchable assumption decides instead of `adviseur_role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleAssumption {
    /// `bopa_adviesrol` (L15): the gemeente's role for a buitenplanse
    /// omgevingsplanactiviteit when Gedeputeerde Staten or a minister decide.
    BopaAdviesrol,
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
    /// When set, an assumption decides that role (its default is `adviseur_role`).
    pub adviseur_role_assumption: Option<RoleAssumption>,
    pub vaste_adviseurs: Vec<VasteAdviseurRegel>,
    /// Findings this activity adds to its verzoek.
    pub notes: Vec<Note>,
    pub toepasbare_regels: ToepasbareRegels,
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
    excludes: Vec<String>,
    vaste_adviseurs: Vec<VasteAdviseurRegel>,
    notes: Vec<Note>,
    brzo: bool,
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
    adviseur_role_assumption: Option<RoleAssumption>,
    vaste_adviseurs: Vec<VasteAdviseurRegel>,
    notes: Vec<Note>,
    toepasbare_regels: ToepasbareRegels,
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
        check_fields(
            map,
            path,
            &[
                "flag",
                "name",
                "level",
                "magneet",
                "rule",
                "excludes",
                "vaste_adviseurs",
                "notes",
                "brzo",
            ],
        )?;
        Ok(RawException {
            flag: text_field(map, path, "flag")?,
            name: text_field(map, path, "name")?,
            level: text_field(map, path, "level")?,
            magneet: bool_field(map, path, "magneet", Some(false))?,
            rule: text_field(map, path, "rule")?,
            excludes: opt_list_of(map, path, "excludes", |v, at| {
                expect_str(v, at, "een vlag").map(str::to_string)
            })?,
            vaste_adviseurs: opt_list_of(map, path, "vaste_adviseurs", vaste_adviseur)?,
            notes: opt_list_of(map, path, "notes", note)?,
            brzo: bool_field(map, path, "brzo", Some(false))?,
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
                "adviseur_role_assumption",
                "vaste_adviseurs",
                "notes",
                "toepasbare_regels",
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
            adviseur_role_assumption: opt_one_of(
                map,
                path,
                "adviseur_role_assumption",
                "bopa_adviesrol",
                |s| (s == "bopa_adviesrol").then_some(RoleAssumption::BopaAdviesrol),
            )?,
            vaste_adviseurs: opt_list_of(map, path, "vaste_adviseurs", vaste_adviseur)?,
            notes: opt_list_of(map, path, "notes", note)?,
            toepasbare_regels: toepasbare_regels(map, path)?,
            rule: text_field(map, path, "rule")?,
            mark: text_field(map, path, "mark")?,
        })
    }
}

/// `"veiligheidsregio"`, or `{ "adviseur", "basis", "rule", "verzoektypes" }`.
fn vaste_adviseur(value: &Value, path: &str) -> Result<VasteAdviseurRegel, ScenarioError> {
    let who = |v: &Value, at: &str| {
        one_of(v, at, "veiligheidsregio of omgevingsdienst", |s| match s {
            "veiligheidsregio" => Some(VasteAdviseur::Veiligheidsregio),
            "omgevingsdienst" => Some(VasteAdviseur::Omgevingsdienst),
            _ => None,
        })
    };
    let Some(map) = value.as_object() else {
        return Ok(VasteAdviseurRegel {
            adviseur: who(value, path)?,
            basis: AdviesBasis::Wet,
            rule: None,
            verzoektypes: Vec::new(),
        });
    };
    check_fields(map, path, &["adviseur", "basis", "rule", "verzoektypes"])?;
    let adviseur = match map.get("adviseur") {
        Some(v) => who(v, &field_path(path, "adviseur"))?,
        None => {
            return Err(ScenarioError::new(
                field_path(path, "adviseur"),
                "ontbreekt (verwacht veiligheidsregio of omgevingsdienst)",
            ))
        }
    };
    let basis = opt_one_of(map, path, "basis", "wet of praktijk", |s| match s {
        "wet" => Some(AdviesBasis::Wet),
        "praktijk" => Some(AdviesBasis::Praktijk),
        _ => None,
    })?
    .unwrap_or_default();
    Ok(VasteAdviseurRegel {
        adviseur,
        basis,
        rule: opt_text_field(map, path, "rule")?,
        verzoektypes: opt_list_of(map, path, "verzoektypes", |v, at| {
            one_of(v, at, "een verzoektype", Verzoektype::parse)
        })?,
    })
}

/// `{ "code", "verzoektype" }`: a finding of [`FindingCode::NOTES`].
fn note(value: &Value, path: &str) -> Result<Note, ScenarioError> {
    let map = expect_object(value, path, "een object { \"code\", \"verzoektype\" }")?;
    check_fields(map, path, &["code", "verzoektype"])?;
    let codes = super::ids::join(FindingCode::NOTES.iter().map(|c| c.as_str()));
    let code_path = field_path(path, "code");
    let code = match map.get("code") {
        Some(v) => one_of(v, &code_path, &codes, |s| {
            FindingCode::NOTES.into_iter().find(|c| c.as_str() == s)
        })?,
        None => {
            return Err(ScenarioError::new(
                code_path,
                format!("ontbreekt (verwacht: {codes})"),
            ))
        }
    };
    let verzoektype = opt_one_of(
        map,
        path,
        "verzoektype",
        "een verzoektype",
        Verzoektype::parse,
    )?;
    Ok(Note { code, verzoektype })
}

/// `"toepasbare_regels"`: absent, `"eigen"`, `"geen"` or `false`.
fn toepasbare_regels(
    map: &Map<String, Value>,
    path: &str,
) -> Result<ToepasbareRegels, ScenarioError> {
    match map.get("toepasbare_regels") {
        None | Some(Value::Null) => Ok(ToepasbareRegels::Centraal),
        Some(Value::Bool(false)) => Ok(ToepasbareRegels::Geen),
        Some(v) => one_of(
            v,
            &field_path(path, "toepasbare_regels"),
            "eigen of geen",
            |s| match s {
                "eigen" => Some(ToepasbareRegels::Eigen),
                "geen" => Some(ToepasbareRegels::Geen),
                _ => None,
            },
        ),
    }
}

const SRC: &str = "catalogus";

fn err(msg: String) -> DataError {
    DataError::new(SRC, msg)
}

/// A level of the file: `gemeente`, `provincie`, `waterschap` or `rijk:<known minister>`.
fn parse_level(s: &str, at: &str, ministers: &[String]) -> Result<Level, DataError> {
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
}

fn verzoektypes(raw: &[String], at: &str) -> Result<Vec<Verzoektype>, DataError> {
    let mut out = Vec::new();
    for v in raw {
        let vt = Verzoektype::parse(v).ok_or_else(|| {
            err(format!(
                "{at}: onbekend verzoektype '{v}' (verwacht: {})",
                Verzoektype::all_ids()
            ))
        })?;
        if out.contains(&vt) {
            return Err(err(format!("{at}: verzoektype '{v}' staat er twee keer")));
        }
        out.push(vt);
    }
    if out.is_empty() {
        return Err(err(format!("{at}: geen verzoektypes")));
    }
    Ok(out)
}

fn exceptions(
    raw: Vec<RawException>,
    at: &str,
    ministers: &[String],
) -> Result<Vec<Exception>, DataError> {
    let flags: Vec<String> = raw.iter().map(|e| e.flag.clone()).collect();
    let mut out: Vec<Exception> = Vec::new();
    for e in raw {
        if e.flag.is_empty() || out.iter().any(|x| x.flag == e.flag) {
            return Err(err(format!(
                "{at}: vlag '{}' is leeg of komt twee keer voor",
                e.flag
            )));
        }
        let here = format!("{at}, vlag '{}'", e.flag);
        if let Some(x) = e
            .excludes
            .iter()
            .find(|x| **x == e.flag || !flags.contains(x))
        {
            return Err(err(format!(
                "{here}: excludes noemt '{x}', geen andere vlag van deze activiteit"
            )));
        }
        out.push(Exception {
            level: parse_level(&e.level, &here, ministers)?,
            flag: e.flag,
            name: e.name,
            magneet: e.magneet,
            rule: e.rule,
            excludes: e.excludes,
            vaste_adviseurs: e.vaste_adviseurs,
            notes: e.notes,
            brzo: e.brzo,
        });
    }
    Ok(out)
}

fn activity(a: RawActivity, groups: &[Group], ministers: &[String]) -> Result<Activity, DataError> {
    let at = format!("activiteit '{}'", a.id);
    if let Some(p) = &a.parent {
        if !groups.iter().any(|g| &g.id == p) {
            return Err(err(format!("{at}: parent '{p}' is geen groep")));
        }
    }
    let adviseur_role = match a.adviseur_role.as_deref() {
        None => AdviesRole::Advies,
        Some(s) => AdviesRole::parse(s).ok_or_else(|| {
            err(format!(
                "{at}: adviseur_role '{s}' (verwacht: advies of advies-met-instemming)"
            ))
        })?,
    };
    Ok(Activity {
        level: parse_level(&a.level, &at, ministers)?,
        verzoektypes: verzoektypes(&a.verzoektypes, &at)?,
        exceptions: exceptions(a.exceptions, &at, ministers)?,
        id: a.id,
        name: a.name,
        parent: a.parent,
        water: a.water,
        magneet: a.magneet,
        adviseur_role,
        adviseur_role_assumption: a.adviseur_role_assumption,
        vaste_adviseurs: a.vaste_adviseurs,
        notes: a.notes,
        toepasbare_regels: a.toepasbare_regels,
        rule: a.rule,
        mark: a.mark,
    })
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
        let mut activities = Vec::new();
        for a in raw.activities {
            if a.id.is_empty() || !ids.insert(a.id.clone()) {
                return Err(err(format!(
                    "activiteit '{}': id is leeg of komt twee keer voor",
                    a.id
                )));
            }
            activities.push(activity(a, &groups, ministers)?);
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
