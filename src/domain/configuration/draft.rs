//! An editable configuration: entries kept as typed (unknown ids and all), checked as a whole
//! into a list of diagnostics, and turned into a validated [`Configuration`] when it is clean.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{ConfigEntry, Configuration, CONFIGURATION_FORMAT, INHOUD_UITLEG};
use crate::domain::catalogue::Catalogue;
use crate::domain::error::ScenarioError;
use crate::domain::ids::{Level, OrgKind, Verzoektype};
use crate::domain::organisations::Organisations;
use crate::domain::Engine;

/// One entry as the user typed it. Empty `verzoektype` = every verzoektype, empty
/// `gemeenten` = everywhere, empty `inhoud` = no content condition (the only valid value).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DraftEntry {
    pub bevoegd_gezag: String,
    pub activity: String,
    pub behandeldienst: String,
    pub verzoektype: String,
    pub gemeenten: Vec<String>,
    pub inhoud: String,
    pub bron: Option<String>,
    /// Mandate from the bevoegd gezag (B16): kept as read; `None` = unknown.
    pub mandaat: Option<bool>,
}

/// A configuration being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub id: String,
    pub name: String,
    pub description: String,
    pub entries: Vec<DraftEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Fout,
    Waarschuwing,
}

/// One finding about a draft: which entry and field, what is wrong, which rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Index into `Draft::entries`.
    pub entry: usize,
    /// Field name as in the JSON format (`bevoegd_gezag`, `gemeenten`, …).
    pub field: &'static str,
    /// `bd-onbekend`, `bd-geen-bg`, `bd-dubbel`, `bd-overlap`, `bd-inhoud`, `bd-verzoektype`.
    pub code: &'static str,
    pub rule: Option<&'static str>,
    pub message: String,
}

impl DraftEntry {
    pub fn from_entry(e: &ConfigEntry) -> DraftEntry {
        DraftEntry {
            bevoegd_gezag: e.bevoegd_gezag.clone(),
            activity: e.activity.clone(),
            behandeldienst: e.behandeldienst.clone(),
            verzoektype: e
                .verzoektype
                .map(|v| v.as_str().to_string())
                .unwrap_or_default(),
            gemeenten: e.gemeenten.clone().unwrap_or_default(),
            inhoud: String::new(),
            bron: e.bron.clone(),
            mandaat: e.mandaat,
        }
    }

    fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("bevoegd_gezag".into(), json!(self.bevoegd_gezag));
        m.insert("activity".into(), json!(self.activity));
        m.insert("behandeldienst".into(), json!(self.behandeldienst));
        m.insert(
            "verzoektype".into(),
            non_empty(&self.verzoektype).map_or(Value::Null, |v| json!(v)),
        );
        m.insert(
            "gemeenten".into(),
            if self.gemeenten.is_empty() {
                Value::Null
            } else {
                json!(self.gemeenten)
            },
        );
        if let Some(bron) = &self.bron {
            m.insert("bron".into(), json!(bron));
        }
        if let Some(mandaat) = self.mandaat {
            m.insert("mandaat".into(), json!(mandaat));
        }
        // Kept so that the contract's parser refuses it with the B5 explanation.
        if !self.inhoud.trim().is_empty() {
            m.insert("inhoud".into(), json!(self.inhoud));
        }
        Value::Object(m)
    }

    /// Lenient read of a stored entry: strings as typed; `None` when the shape is wrong.
    fn from_value(v: &Value) -> Option<DraftEntry> {
        let m = v.as_object()?;
        let text = |k: &str| -> Option<String> {
            match m.get(k) {
                None | Some(Value::Null) => Some(String::new()),
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => None,
            }
        };
        let gemeenten = match m.get("gemeenten") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .map(|g| g.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
            Some(_) => return None,
        };
        Some(DraftEntry {
            bevoegd_gezag: text("bevoegd_gezag")?,
            activity: text("activity")?,
            behandeldienst: text("behandeldienst")?,
            verzoektype: text("verzoektype")?,
            gemeenten,
            inhoud: text("inhoud")?,
            bron: non_empty(&text("bron")?).map(str::to_string),
            mandaat: match m.get("mandaat") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(_) => return None,
            },
        })
    }
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

impl Draft {
    pub fn from_configuration(c: &Configuration) -> Draft {
        Draft {
            id: c.id.clone().unwrap_or_default(),
            name: c.name.clone().unwrap_or_default(),
            description: c.description.clone().unwrap_or_default(),
            entries: c
                .behandeldiensten
                .iter()
                .map(DraftEntry::from_entry)
                .collect(),
        }
    }

    /// The draft in the contract format (`routewijzer-configuratie/1`).
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("format".into(), json!(CONFIGURATION_FORMAT));
        for (key, text) in [
            ("id", &self.id),
            ("name", &self.name),
            ("description", &self.description),
        ] {
            if let Some(t) = non_empty(text) {
                m.insert(key.into(), json!(t));
            }
        }
        m.insert(
            "behandeldiensten".into(),
            Value::Array(self.entries.iter().map(DraftEntry::to_value).collect()),
        );
        Value::Object(m)
    }

    /// Lenient read of a stored draft (the app's own store); `None` when the shape is wrong.
    pub fn from_value(v: &Value) -> Option<Draft> {
        let m = v.as_object()?;
        let text = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let entries = m
            .get("behandeldiensten")?
            .as_array()?
            .iter()
            .map(DraftEntry::from_value)
            .collect::<Option<Vec<_>>>()?;
        Some(Draft {
            id: text("id"),
            name: text("name"),
            description: text("description"),
            entries,
        })
    }

    /// The validated configuration, or the contract parser's first error.
    pub fn to_configuration(&self, engine: &Engine) -> Result<Configuration, ScenarioError> {
        Configuration::from_value(
            &self.to_value(),
            "",
            &engine.catalogue,
            &engine.organisations,
        )
    }

    /// Every problem at once, in entry order (errors and warnings).
    pub fn check(&self, engine: &Engine) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // (activity, bevoegd gezag) → can it ever be BG: a file repeats its pairs.
        let mut bg_cache = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            let ctx = (&engine.catalogue, &engine.organisations, &mut bg_cache);
            check_entry(i, e, ctx, &mut out);
        }
        check_overlaps(&self.entries, &mut out);
        out.sort_by_key(|d| d.entry);
        out
    }
}

fn diag(
    entry: usize,
    field: &'static str,
    code: &'static str,
    rule: Option<&'static str>,
    severity: Severity,
    message: String,
) -> Diagnostic {
    Diagnostic {
        severity,
        entry,
        field,
        code,
        rule,
        message,
    }
}

fn unknown(entry: usize, field: &'static str, message: String) -> Diagnostic {
    diag(entry, field, "bd-onbekend", None, Severity::Fout, message)
}

type BgCache = HashMap<(String, String), bool>;

fn check_entry(
    i: usize,
    e: &DraftEntry,
    (catalogue, orgs, bg_cache): (&Catalogue, &Organisations, &mut BgCache),
    out: &mut Vec<Diagnostic>,
) {
    let bg = orgs.get(e.bevoegd_gezag.trim());
    match bg {
        None => out.push(unknown(
            i,
            "bevoegd_gezag",
            format!(
                "onbekend bevoegd gezag '{}' (verwacht een id zoals GM0828, PV30, WS24 of IENW)",
                e.bevoegd_gezag
            ),
        )),
        Some(org) if !org.kind.is_bestuursorgaan() => out.push(unknown(
            i,
            "bevoegd_gezag",
            format!(
                "{} is geen bestuursorgaan en kan geen bevoegd gezag zijn",
                org.display_name()
            ),
        )),
        Some(_) => {}
    }
    if !catalogue.is_activity_or_group(e.activity.trim()) {
        out.push(unknown(
            i,
            "activity",
            format!("onbekende activiteit of groep '{}'", e.activity),
        ));
    } else if let Some(org) = bg.filter(|o| o.kind.is_bestuursorgaan()) {
        let can = *bg_cache
            .entry((e.activity.trim().to_string(), org.id.clone()))
            .or_insert_with(|| can_ever_be_bg(catalogue, e.activity.trim(), org.kind, &org.id));
        if !can {
            out.push(diag(
                i,
                "activity",
                "bd-geen-bg",
                Some("B2"),
                Severity::Waarschuwing,
                format!(
                    "{} is nooit bevoegd gezag voor '{}'; alleen het bevoegd gezag kan een behandeldienst koppelen, dus deze regel wordt nooit gebruikt (regel B2)",
                    org.bg_name(),
                    e.activity
                ),
            ));
        }
    }
    if orgs.get(e.behandeldienst.trim()).is_none() {
        out.push(unknown(
            i,
            "behandeldienst",
            format!(
                "onbekende behandeldienst '{}' (verwacht een id zoals ODBN of VR21)",
                e.behandeldienst
            ),
        ));
    }
    check_verzoektype(i, e, catalogue, out);
    check_gemeenten(i, e, orgs, out);
    if !e.inhoud.trim().is_empty() {
        out.push(diag(
            i,
            "inhoud",
            "bd-inhoud",
            Some("B5"),
            Severity::Fout,
            format!("voorwaarde '{}' kan niet: {INHOUD_UITLEG}", e.inhoud.trim()),
        ));
    }
}

fn check_verzoektype(i: usize, e: &DraftEntry, catalogue: &Catalogue, out: &mut Vec<Diagnostic>) {
    let Some(text) = non_empty(&e.verzoektype) else {
        return;
    };
    match Verzoektype::parse(text) {
        None => out.push(unknown(
            i,
            "verzoektype",
            format!(
                "onbekend verzoektype '{text}' (verwacht leeg of: {})",
                Verzoektype::all_ids()
            ),
        )),
        Some(v) => {
            let allowed = catalogue
                .activity(e.activity.trim())
                .is_none_or(|a| a.allows(v));
            if !allowed {
                out.push(diag(
                    i,
                    "verzoektype",
                    "bd-verzoektype",
                    None,
                    Severity::Waarschuwing,
                    format!(
                        "'{}' kent geen {}; deze regel wordt nooit gebruikt",
                        e.activity,
                        v.label()
                    ),
                ));
            }
        }
    }
}

fn check_gemeenten(i: usize, e: &DraftEntry, orgs: &Organisations, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    for g in &e.gemeenten {
        if !orgs.get(g).is_some_and(|o| o.kind == OrgKind::Gemeente) {
            out.push(unknown(
                i,
                "gemeenten",
                format!("onbekende gemeente '{g}' (verwacht een CBS-code zoals GM0828)"),
            ));
        } else if !seen.insert(g.as_str()) {
            out.push(diag(
                i,
                "gemeenten",
                "bd-dubbel",
                None,
                Severity::Fout,
                format!("gemeente {g} staat twee keer in de lijst"),
            ));
        }
    }
}

/// The levels a bevoegd gezag for `activity` (or any activity of a group) can have: its own
/// level, the levels of its exceptions, and — outside water activities, which form their own
/// verzoek — the level of any magneet, which pulls the whole aanvraag to itself.
fn can_ever_be_bg(catalogue: &Catalogue, activity: &str, kind: OrgKind, org_id: &str) -> bool {
    let magneten: Vec<&Level> = catalogue
        .activities
        .iter()
        .flat_map(|a| {
            let own = a.magneet.then_some(&a.level);
            own.into_iter()
                .chain(a.exceptions.iter().filter(|x| x.magneet).map(|x| &x.level))
        })
        .collect();
    let fits = |level: &Level| match (level, kind) {
        (Level::Gemeente, OrgKind::Gemeente)
        | (Level::Provincie, OrgKind::Provincie)
        | (Level::Waterschap, OrgKind::Waterschap) => true,
        (Level::Rijk(code), OrgKind::Minister) => code == org_id,
        _ => false,
    };
    catalogue
        .activities
        .iter()
        .filter(|a| a.id == activity || a.parent.as_deref() == Some(activity))
        .any(|a| {
            fits(&a.level)
                || a.exceptions.iter().any(|x| fits(&x.level))
                || (!a.water && magneten.iter().any(|l| fits(l)))
        })
}

type Key<'a> = (&'a str, &'a str, &'a str);

/// The first two entries that claimed an area of a key with different behandeldiensten, and
/// the first per behandeldienst: enough to name, for any later entry, one duplicate and one
/// overlap, so the diagnostics grow with the entries, not with their pairs.
#[derive(Default)]
struct Claims<'a> {
    first: Option<usize>,
    other: Option<usize>,
    by_bd: HashMap<&'a str, usize>,
}

/// Same (bevoegd gezag, activity, verzoektype) with overlapping areas: a duplicate when the
/// behandeldienst is the same, an overlap (ambiguous routing) when it differs (B4). Each
/// entry is named against the first earlier entry of each kind, with the shared gemeenten.
fn check_overlaps(entries: &[DraftEntry], out: &mut Vec<Diagnostic>) {
    // (key, gemeente or "" for everywhere) → who claimed it.
    let mut claims: HashMap<(Key, &str), Claims> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let key = (
            e.bevoegd_gezag.trim(),
            e.activity.trim(),
            e.verzoektype.trim(),
        );
        let bd = e.behandeldienst.trim();
        let mut areas: Vec<&str> = e.gemeenten.iter().map(String::as_str).collect();
        if areas.is_empty() {
            areas.push("");
        }
        areas.sort_unstable();
        areas.dedup();
        // (earlier entry, duplicate?) → the shared areas, in order of first finding.
        let mut found: Vec<((usize, bool), Vec<&str>)> = Vec::new();
        for area in areas {
            let c = claims.entry((key, area)).or_default();
            let first_bd = c
                .first
                .and_then(|j| entries.get(j))
                .map(|x| x.behandeldienst.trim());
            let earlier = [
                c.by_bd.get(bd).map(|&j| (j, true)),
                match first_bd {
                    Some(f) if f != bd => c.first.map(|j| (j, false)),
                    _ => c.other.map(|j| (j, false)),
                },
            ];
            for hit in earlier.into_iter().flatten() {
                match found.iter_mut().find(|(h, _)| *h == hit) {
                    Some((_, list)) => list.push(area),
                    None => found.push((hit, vec![area])),
                }
            }
            match first_bd {
                None => c.first = Some(i),
                Some(f) if f != bd && c.other.is_none() => c.other = Some(i),
                _ => {}
            }
            c.by_bd.entry(bd).or_insert(i);
        }
        found.sort_by_key(|((j, _), _)| *j);
        for ((j, duplicate), shared) in found {
            let Some(other) = entries.get(j) else {
                continue;
            };
            let (code, what) = if duplicate {
                ("bd-dubbel", "dubbel met")
            } else {
                ("bd-overlap", "overlapt met")
            };
            let area = if shared == [""] {
                "beide voor alle gemeenten".to_string()
            } else {
                format!("gemeenten {}", shared.join(", "))
            };
            out.push(diag(
                i,
                "gemeenten",
                code,
                Some("B4"),
                Severity::Fout,
                format!(
                    "{what} regel {} (zelfde bevoegd gezag, activiteit en verzoektype, {area}: {} tegen {}); per combinatie en gemeente kan maar één behandeldienst",
                    j + 1,
                    other.behandeldienst,
                    e.behandeldienst
                ),
            ));
        }
    }
}
