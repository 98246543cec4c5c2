//! The scenario (contract §3): parsed by hand from a `serde_json::Value` so every error names
//! its JSON path; `Serialize` writes the same format back (round trip).

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::catalogue::Catalogue;
use super::configuration::Configuration;
use super::draft::{Need, ScenarioDraft};
use super::error::ScenarioError;
use super::ids::{AdviesRole, BdAfterBgChange, BdMerge, Dso, Verzoektype};
use super::json::{
    check_fields, describe, expect_array, expect_f64, expect_object, expect_str, field_path,
    index_path, one_of, opt_bool_field, quote, required,
};
use super::organisations::Organisations;

pub const SCENARIO_FORMAT: &str = "routewijzer-scenario/1";

/// Where the activities take place.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Location {
    /// WGS84.
    LonLat { lon: f64, lat: f64 },
    /// RD New (EPSG:28992), `[x, y]` in metres.
    Rd { rd: [f64; 2] },
    /// The representative point inside this gemeente.
    Gemeente { gemeente: String },
}

/// One chosen activity with its verzoektype and flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelectedActivity {
    pub activity: String,
    pub verzoektype: Verzoektype,
    pub flags: Vec<String>,
    /// Extension (vraagstuk 4, T9): are there toepasbare regels for it in the DSO? `None`:
    /// as the catalogue says (present, unless it marks the activity `"geen"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toepasbare_regels: Option<bool>,
}

impl SelectedActivity {
    /// An activity with its verzoektype, no flags, and toepasbare regels as the catalogue
    /// says.
    pub fn new(activity: String, verzoektype: Verzoektype) -> SelectedActivity {
        SelectedActivity {
            activity,
            verzoektype,
            flags: Vec::new(),
            toepasbare_regels: None,
        }
    }
}

/// `configuration`: a bundled configuration by name, or inline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigurationRef {
    Bundled(String),
    Inline(Configuration),
}

impl Serialize for ConfigurationRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ConfigurationRef::Bundled(name) => s.serialize_str(name),
            ConfigurationRef::Inline(c) => c.serialize(s),
        }
    }
}

/// The switchable assumptions (contract §3), with their defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Assumptions {
    pub bd_merge: BdMerge,
    pub dso: Dso,
    pub bg_notified_when_bd: bool,
    /// Extension (domain-research §8.5). `None` = not given (default `re-derive`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bd_after_bg_change: Option<BdAfterBgChange>,
    /// Extension (L15, `[?]`): the gemeente's role as adviseur for a buitenplanse
    /// omgevingsplanactiviteit. `None` = not given (default `advies`, contract §2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bopa_adviesrol: Option<AdviesRole>,
}

impl Default for Assumptions {
    fn default() -> Assumptions {
        Assumptions {
            bd_merge: BdMerge::AllSame,
            dso: Dso::default(),
            bg_notified_when_bd: true,
            bd_after_bg_change: None,
            bopa_adviesrol: None,
        }
    }
}

/// A change after receipt (contract §5.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AfterReceiptAction {
    WijzigBevoegdGezag,
    WijzigBehandeldienst,
}

impl AfterReceiptAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AfterReceiptAction::WijzigBevoegdGezag => "wijzig-bevoegd-gezag",
            AfterReceiptAction::WijzigBehandeldienst => "wijzig-behandeldienst",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AfterReceipt {
    /// Index into the outcome's `verzoeken`.
    pub verzoek: usize,
    pub action: AfterReceiptAction,
    pub to: Option<String>,
}

/// A validated scenario. Ids are known; verzoektypes and flags fit their activity;
/// configuration entries are known and free of duplicates. The location is not yet resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub location: Location,
    pub activities: Vec<SelectedActivity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ConfigurationRef>,
    pub assumptions: Assumptions,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after_receipt: Vec<AfterReceipt>,
}

const FIELDS: &[&str] = &[
    "format",
    "title",
    "description",
    "location",
    "activities",
    "configuration",
    "assumptions",
    "after_receipt",
];
const ACTIVITY_FIELDS: &[&str] = &["activity", "verzoektype", "flags", "toepasbare_regels"];
const ASSUMPTION_FIELDS: &[&str] = &[
    "bd_merge",
    "dso",
    "bg_notified_when_bd",
    "bd_after_bg_change",
    "bopa_adviesrol",
];
const AFTER_FIELDS: &[&str] = &["verzoek", "action", "to"];

/// Names of the bundled configurations, for checking `configuration: "<name>"`.
pub trait ConfigurationNames {
    fn has_configuration(&self, name: &str) -> bool;
    fn configuration_names(&self) -> Vec<String>;
}

impl Scenario {
    /// Parses and validates a scenario.
    pub fn from_value(
        value: &Value,
        catalogue: &Catalogue,
        orgs: &Organisations,
        bundled: &dyn ConfigurationNames,
    ) -> Result<Scenario, ScenarioError> {
        parse(value, catalogue, orgs, bundled, Need::Scenario)?.into_scenario()
    }
}

/// The one walk over a scenario's JSON, for a scenario and for a draft: the same checks in
/// the same order, so both give the same messages. A draft may lack the location and the
/// activities (`Need::Draft`); a scenario may not.
pub(crate) fn parse(
    value: &Value,
    catalogue: &Catalogue,
    orgs: &Organisations,
    bundled: &dyn ConfigurationNames,
    need: Need,
) -> Result<ScenarioDraft, ScenarioError> {
    let map = expect_object(value, "", "een JSON-object als scenario")?;
    check_fields(map, "", FIELDS)?;

    if let Some(f) = map.get("format") {
        let s = expect_str(f, "format", &format!("'{SCENARIO_FORMAT}'"))?;
        if s != SCENARIO_FORMAT {
            return Err(ScenarioError::new(
                "format",
                format!("verwacht '{SCENARIO_FORMAT}', gevonden {}", quote(s)),
            ));
        }
    }
    let opt_text = |key: &str| -> Result<Option<String>, ScenarioError> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => Ok(Some(expect_str(v, key, "tekst")?.to_string())),
        }
    };
    let title = opt_text("title")?;
    let description = opt_text("description")?;

    let location = match (map.get("location"), need) {
        (None, Need::Draft) => None,
        (None, Need::Scenario) => return Err(missing_location()),
        (Some(v), _) => Some(parse_location(v)?),
    };

    let list: &[Value] = match (map.get("activities"), need) {
        (None, Need::Draft) => &[],
        (None, Need::Scenario) => return Err(missing_activities()),
        (Some(v), _) => expect_array(v, "activities", "een lijst van activiteiten")?,
    };
    if list.is_empty() && need == Need::Scenario {
        return Err(no_activities());
    }
    let mut activities: Vec<SelectedActivity> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let path = index_path("activities", i);
        let sel = parse_activity(item, &path, catalogue)?;
        if let Some(j) = activities
            .iter()
            .position(|a| a.activity == sel.activity && a.verzoektype == sel.verzoektype)
        {
            return Err(ScenarioError::new(
                path,
                format!(
                    "{} met verzoektype {} staat al in activities[{j}]; kies elke combinatie één keer",
                    sel.activity,
                    sel.verzoektype.as_str()
                ),
            ));
        }
        activities.push(sel);
    }

    let configuration = match map.get("configuration") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => {
            if !bundled.has_configuration(name) {
                return Err(ScenarioError::new(
                    "configuration",
                    format!(
                        "onbekende configuratie {} (beschikbaar: {}; of een object {{ \"behandeldiensten\": [ … ] }})",
                        quote(name),
                        bundled.configuration_names().join(", ")
                    ),
                ));
            }
            Some(ConfigurationRef::Bundled(name.clone()))
        }
        Some(v) => Some(ConfigurationRef::Inline(Configuration::from_value(
            v,
            "configuration",
            catalogue,
            orgs,
        )?)),
    };

    let assumptions = match map.get("assumptions") {
        None | Some(Value::Null) => Assumptions::default(),
        Some(v) => parse_assumptions(v)?,
    };

    let after_receipt = match map.get("after_receipt") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => {
            let list = expect_array(v, "after_receipt", "een lijst van stappen")?;
            let mut out = Vec::with_capacity(list.len());
            for (i, item) in list.iter().enumerate() {
                out.push(parse_after(item, &index_path("after_receipt", i), orgs)?);
            }
            out
        }
    };

    Ok(ScenarioDraft {
        title,
        description,
        location,
        activities,
        configuration,
        assumptions,
        after_receipt,
    })
}

const LOCATION_FORMS: &str =
    "een locatie: { \"lon\", \"lat\" }, { \"rd\": [x, y] } of { \"gemeente\": \"GM0828\" }";

/// A scenario without `location`.
pub(crate) fn missing_location() -> ScenarioError {
    ScenarioError::new("location", format!("ontbreekt (verwacht {LOCATION_FORMS})"))
}

/// A scenario without `activities`.
pub(crate) fn missing_activities() -> ScenarioError {
    ScenarioError::new(
        "activities",
        "ontbreekt (verwacht een lijst van activiteiten)",
    )
}

/// A scenario with `activities: []`.
pub(crate) fn no_activities() -> ScenarioError {
    ScenarioError::new("activities", "lege lijst; kies minstens één activiteit")
}

fn parse_location(v: &Value) -> Result<Location, ScenarioError> {
    let expected = "{ \"lon\", \"lat\" }, { \"rd\": [x, y] } of { \"gemeente\": \"GM0828\" }";
    let map = expect_object(v, "location", &format!("een locatie: {expected}"))?;
    let has = |k: &str| map.contains_key(k);
    let forms = usize::from(has("lon") || has("lat"))
        + usize::from(has("rd"))
        + usize::from(has("gemeente"));
    if forms > 1 {
        return Err(ScenarioError::new(
            "location",
            format!("kies één vorm: {expected}"),
        ));
    }
    if has("gemeente") {
        check_fields(map, "location", &["gemeente"])?;
        let s = expect_str(
            required(map, "location", "gemeente", "een CBS-code zoals GM0828")?,
            "location.gemeente",
            "een CBS-code zoals GM0828",
        )?;
        return Ok(Location::Gemeente {
            gemeente: s.to_string(),
        });
    }
    if has("rd") {
        check_fields(map, "location", &["rd"])?;
        let what = "[x, y] in RD-meters (EPSG:28992)";
        let arr = expect_array(required(map, "location", "rd", what)?, "location.rd", what)?;
        let [x, y] = arr.as_slice() else {
            return Err(ScenarioError::new(
                "location.rd",
                format!(
                    "verwacht {what}, twee getallen; gevonden: een lijst van {}",
                    arr.len()
                ),
            ));
        };
        let x = expect_f64(x, "location.rd[0]", "een getal (x in meters)")?;
        let y = expect_f64(y, "location.rd[1]", "een getal (y in meters)")?;
        return Ok(Location::Rd { rd: [x, y] });
    }
    if has("lon") || has("lat") {
        check_fields(map, "location", &["lon", "lat"])?;
        let lon = expect_f64(
            required(map, "location", "lon", "een lengtegraad (WGS84)")?,
            "location.lon",
            "een lengtegraad (WGS84)",
        )?;
        let lat = expect_f64(
            required(map, "location", "lat", "een breedtegraad (WGS84)")?,
            "location.lat",
            "een breedtegraad (WGS84)",
        )?;
        return Ok(Location::LonLat { lon, lat });
    }
    if let Some(key) = map.keys().next() {
        check_fields(map, "location", &["lon", "lat", "rd", "gemeente"])?;
        return Err(ScenarioError::new(
            field_path("location", key),
            format!("onbekend veld (verwacht: {expected})"),
        ));
    }
    Err(ScenarioError::new(
        "location",
        format!("leeg object; verwacht {expected}"),
    ))
}

fn parse_activity(
    item: &Value,
    path: &str,
    catalogue: &Catalogue,
) -> Result<SelectedActivity, ScenarioError> {
    let map = expect_object(
        item,
        path,
        "een object { \"activity\", \"verzoektype\", \"flags\" }",
    )?;
    check_fields(map, path, ACTIVITY_FIELDS)?;
    let act_path = field_path(path, "activity");
    let id = expect_str(
        required(map, path, "activity", "een activiteit-id")?,
        &act_path,
        "een activiteit-id",
    )?;
    let Some(activity) = catalogue.activity(id) else {
        let what = if catalogue.group(id).is_some() {
            format!("{} is een groep, geen activiteit", quote(id))
        } else {
            format!("onbekende activiteit {}", quote(id))
        };
        return Err(ScenarioError::new(
            act_path,
            format!("{what} (verwacht één van: {})", catalogue.activity_ids()),
        ));
    };
    let allowed = super::ids::join(activity.verzoektypes.iter().map(|v| v.as_str()));
    let vt_path = field_path(path, "verzoektype");
    let vt_str = expect_str(
        required(
            map,
            path,
            "verzoektype",
            &format!(
                "een verzoektype; toegestaan voor {}: {allowed}",
                activity.id
            ),
        )?,
        &vt_path,
        "een verzoektype",
    )?;
    let Some(verzoektype) = Verzoektype::parse(vt_str) else {
        return Err(ScenarioError::new(
            vt_path,
            format!(
                "onbekend verzoektype {} (toegestaan voor {}: {allowed})",
                quote(vt_str),
                activity.id
            ),
        ));
    };
    if !activity.allows(verzoektype) {
        return Err(ScenarioError::new(
            vt_path,
            format!(
                "'{}' is niet toegestaan voor {} (toegestaan: {allowed})",
                verzoektype.as_str(),
                activity.id
            ),
        ));
    }
    let mut flags: Vec<String> = Vec::new();
    if let Some(v) = map.get("flags") {
        if !v.is_null() {
            let fl_path = field_path(path, "flags");
            let list = expect_array(v, &fl_path, "een lijst van vlaggen")?;
            let possible = if activity.exceptions.is_empty() {
                "geen".to_string()
            } else {
                super::ids::join(activity.exceptions.iter().map(|e| e.flag.as_str()))
            };
            for (j, f) in list.iter().enumerate() {
                let p = index_path(&fl_path, j);
                let s = expect_str(f, &p, "een vlag (tekst)")?;
                if activity.exception(s).is_none() {
                    return Err(ScenarioError::new(
                        p,
                        format!(
                            "vlag {} bestaat niet voor {} (mogelijk: {possible})",
                            quote(s),
                            activity.id
                        ),
                    ));
                }
                if flags.iter().any(|x| x == s) {
                    return Err(ScenarioError::new(
                        p,
                        format!("vlag {} staat er twee keer", quote(s)),
                    ));
                }
                flags.push(s.to_string());
            }
        }
    }
    let toepasbare_regels = opt_bool_field(
        map,
        path,
        "toepasbare_regels",
        "true of false (zijn er toepasbare regels in het DSO?)",
    )?;
    Ok(SelectedActivity {
        activity: activity.id.clone(),
        verzoektype,
        flags,
        toepasbare_regels,
    })
}

fn parse_assumptions(v: &Value) -> Result<Assumptions, ScenarioError> {
    let map = expect_object(v, "assumptions", "een object met aannames")?;
    check_fields(map, "assumptions", ASSUMPTION_FIELDS)?;
    let mut a = Assumptions::default();
    if let Some(v) = map.get("bd_merge") {
        let what = "all-same, any-single of first-activity";
        let s = expect_str(v, "assumptions.bd_merge", what)?;
        a.bd_merge = BdMerge::parse(s).ok_or_else(|| {
            ScenarioError::new(
                "assumptions.bd_merge",
                format!("onbekende waarde {} (verwacht: {what})", quote(s)),
            )
        })?;
    }
    if let Some(v) = map.get("dso") {
        let what = "\"2020\" of \"2023\"";
        let s = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => match as_index(v) {
                Some(i) => i.to_string(),
                None => n.to_string(),
            },
            other => {
                return Err(ScenarioError::new(
                    "assumptions.dso",
                    format!("verwacht {what}, gevonden: {}", describe(other)),
                ))
            }
        };
        a.dso = Dso::parse(&s).ok_or_else(|| {
            ScenarioError::new(
                "assumptions.dso",
                format!("onbekende waarde {} (verwacht: {what})", quote(&s)),
            )
        })?;
    }
    if let Some(v) = map.get("bg_notified_when_bd") {
        a.bg_notified_when_bd = v.as_bool().ok_or_else(|| {
            ScenarioError::new(
                "assumptions.bg_notified_when_bd",
                format!("verwacht true of false, gevonden: {}", describe(v)),
            )
        })?;
    }
    // Present means a value (`null` is refused, as for the contract's assumptions).
    let choice = |key: &str, what: &str| {
        map.get(key)
            .map(|v| (v, field_path("assumptions", key), what.to_string()))
    };
    if let Some((v, at, what)) = choice("bd_after_bg_change", "re-derive of keep") {
        a.bd_after_bg_change = Some(one_of(v, &at, &what, BdAfterBgChange::parse)?);
    }
    if let Some((v, at, what)) = choice("bopa_adviesrol", "advies of advies-met-instemming") {
        a.bopa_adviesrol = Some(one_of(v, &at, &what, AdviesRole::parse)?);
    }
    Ok(a)
}

fn parse_after(v: &Value, path: &str, orgs: &Organisations) -> Result<AfterReceipt, ScenarioError> {
    let map = expect_object(v, path, "een object { \"verzoek\", \"action\", \"to\" }")?;
    check_fields(map, path, AFTER_FIELDS)?;
    let vz_path = field_path(path, "verzoek");
    let vz = required(
        map,
        path,
        "verzoek",
        "het volgnummer van een verzoek (0, 1, …)",
    )?;
    let verzoek = as_index(vz).ok_or_else(|| {
        ScenarioError::new(
            vz_path,
            format!(
                "verwacht het volgnummer van een verzoek (0, 1, …), gevonden: {}",
                describe(vz)
            ),
        )
    })?;
    let ac_path = field_path(path, "action");
    let what = "wijzig-bevoegd-gezag of wijzig-behandeldienst";
    let ac = expect_str(required(map, path, "action", what)?, &ac_path, what)?;
    let action = match ac {
        "wijzig-bevoegd-gezag" => AfterReceiptAction::WijzigBevoegdGezag,
        "wijzig-behandeldienst" => AfterReceiptAction::WijzigBehandeldienst,
        other => {
            return Err(ScenarioError::new(
                ac_path,
                format!("onbekende actie {} (verwacht: {what})", quote(other)),
            ))
        }
    };
    let to_path = field_path(path, "to");
    let to = match (action, map.get("to")) {
        (AfterReceiptAction::WijzigBevoegdGezag, None | Some(Value::Null)) => {
            return Err(ScenarioError::new(
                to_path,
                "verwacht het id van het nieuwe bevoegd gezag (gemeente, provincie, waterschap of minister)",
            ))
        }
        (AfterReceiptAction::WijzigBehandeldienst, None | Some(Value::Null)) => None,
        (_, Some(v)) => {
            let s = expect_str(v, &to_path, "een organisatie-id of null")?;
            match (action, orgs.get(s)) {
                (_, None) => {
                    return Err(ScenarioError::new(
                        to_path,
                        format!("onbekende organisatie {}", quote(s)),
                    ))
                }
                (AfterReceiptAction::WijzigBevoegdGezag, Some(o)) if !o.kind.is_bestuursorgaan() => {
                    return Err(ScenarioError::new(
                        to_path,
                        format!(
                            "{} is geen bestuursorgaan (verwacht een gemeente, provincie, waterschap of minister)",
                            quote(s)
                        ),
                    ))
                }
                _ => Some(s.to_string()),
            }
        }
    };
    Ok(AfterReceipt {
        verzoek,
        action,
        to,
    })
}

/// A non-negative integer, also when it arrives as a float with no fraction (numbers from
/// JavaScript).
fn as_index(v: &Value) -> Option<usize> {
    if let Some(n) = v.as_u64() {
        return usize::try_from(n).ok();
    }
    let f = v.as_f64()?;
    if f >= 0.0 && f.fract() == 0.0 && f <= 9.0e15 {
        // Exact: a whole number below 2^53 (no float formatting, docs/performance.md).
        usize::try_from(f as u64).ok()
    } else {
        None
    }
}
