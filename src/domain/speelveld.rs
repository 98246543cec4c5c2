//! Speelveld: the routing matrix of a region (issue 7). Every cell is one single-activity
//! scenario routed by the engine itself; the configuration is parsed once and the same
//! [`Scenario`] is re-aimed at each gemeente and activity, so nothing here re-implements
//! routing.

use serde_json::Value;

use super::finding::FindingCode;
use super::ids::Verzoektype;
use super::outcome::{MissedReason, Named, Outcome};
use super::scenario::{Assumptions, ConfigurationRef, Location, Scenario, SelectedActivity};
use super::spreadsheet::{document, push_line};
use super::{Configuration, Engine, ScenarioDraft, ScenarioError};
use crate::geo::{GemeenteInfo, Located};

/// A region: whose gemeenten form the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Region {
    Nederland,
    Provincie(String),
    Omgevingsdienst(String),
    Veiligheidsregio(String),
    /// A hand-picked set of gemeenten (ids).
    Gemeenten(Vec<String>),
}

impl Region {
    /// A stable text key (for a `<select>` value or a link): `nl`, `provincie:PV30`,
    /// `omgevingsdienst:ODBN`, `veiligheidsregio:VR21`, `gemeenten:GM0828+GM1991`.
    pub fn key(&self) -> String {
        match self {
            Region::Nederland => "nl".to_string(),
            Region::Provincie(id) => format!("provincie:{id}"),
            Region::Omgevingsdienst(id) => format!("omgevingsdienst:{id}"),
            Region::Veiligheidsregio(id) => format!("veiligheidsregio:{id}"),
            Region::Gemeenten(ids) => format!("gemeenten:{}", ids.join("+")),
        }
    }

    /// The region of a [`Region::key`]; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Region> {
        if key == "nl" {
            return Some(Region::Nederland);
        }
        let (kind, id) = key.split_once(':')?;
        let id = id.to_string();
        match kind {
            "provincie" => Some(Region::Provincie(id)),
            "omgevingsdienst" => Some(Region::Omgevingsdienst(id)),
            "veiligheidsregio" => Some(Region::Veiligheidsregio(id)),
            "gemeenten" => Some(Region::Gemeenten(
                id.split('+')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            )),
            _ => None,
        }
    }

    fn contains(&self, g: &GemeenteInfo) -> bool {
        let is = |named: &Option<Named>, id: &str| named.as_ref().is_some_and(|n| n.id == id);
        match self {
            Region::Nederland => true,
            Region::Provincie(id) => g.provincie.id == *id,
            Region::Omgevingsdienst(id) => is(&g.omgevingsdienst, id),
            Region::Veiligheidsregio(id) => is(&g.veiligheidsregio, id),
            Region::Gemeenten(ids) => ids.contains(&g.id),
        }
    }

    /// The region's gemeenten, by name ('s-Hertogenbosch under S); unknown ids are skipped.
    pub fn gemeenten<'g>(&self, engine: &'g Engine) -> Vec<&'g GemeenteInfo> {
        let mut list: Vec<&GemeenteInfo> = engine
            .geography()
            .gemeenten()
            .iter()
            .filter(|g| self.contains(g))
            .collect();
        list.sort_by_cached_key(|g| sort_key(&g.name));
        list
    }

    /// "Provincie Noord-Brabant", "Omgevingsdienst Brabant Noord", "Heel Nederland", …
    pub fn name(&self, engine: &Engine) -> String {
        let org = |id: &str| engine.organisations.name_or_id(id);
        match self {
            Region::Nederland => "Heel Nederland".to_string(),
            Region::Provincie(id) | Region::Omgevingsdienst(id) | Region::Veiligheidsregio(id) => {
                org(id)
            }
            Region::Gemeenten(ids) => match ids.as_slice() {
                [one] => org(one),
                _ => format!("{} gekozen gemeenten", ids.len()),
            },
        }
    }
}

fn sort_key(name: &str) -> String {
    name.trim_start_matches('\'').to_lowercase()
}

/// Every region to choose from: heel Nederland, the provincies, the omgevingsdiensten and
/// the veiligheidsregio's (each by name), with their display names.
pub fn regions(engine: &Engine) -> Vec<(Region, String)> {
    let geo = engine.geography();
    let named = |r: Region| {
        let name = r.name(engine);
        (r, name)
    };
    type Area = fn(&GemeenteInfo) -> Option<&Named>;
    type Make = fn(String) -> Region;
    let areas: [(Make, Area); 3] = [
        (Region::Provincie, |g| Some(&g.provincie)),
        (Region::Omgevingsdienst, |g| g.omgevingsdienst.as_ref()),
        (Region::Veiligheidsregio, |g| g.veiligheidsregio.as_ref()),
    ];
    let mut out = vec![named(Region::Nederland)];
    for (region, area) in areas {
        let mut ids: Vec<&str> = Vec::new();
        for id in geo
            .gemeenten()
            .iter()
            .filter_map(|g| area(g))
            .map(|n| n.id.as_str())
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut part: Vec<(Region, String)> = ids
            .into_iter()
            .map(|id| named(region(id.to_string())))
            .collect();
        part.sort_by_cached_key(|(_, name)| sort_key(name));
        out.append(&mut part);
    }
    out
}

/// One matrix column: an activity with one of its allowed verzoektypes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub activity: String,
    pub activity_name: String,
    /// The catalogue group (`bouwen`, `milieu`, …).
    pub group: Option<String>,
    pub verzoektype: Verzoektype,
}

/// Every activity × allowed verzoektype, in catalogue order.
pub fn columns(engine: &Engine) -> Vec<Column> {
    engine
        .catalogue
        .activities
        .iter()
        .flat_map(|a| {
            a.verzoektypes.iter().map(|&verzoektype| Column {
                activity: a.id.clone(),
                activity_name: a.name.clone(),
                group: a.parent.clone(),
                verzoektype,
            })
        })
        .collect()
}

/// What one single-activity verzoek gets in one gemeente.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub bevoegd_gezag: Named,
    pub behandeldienst: Option<Named>,
    pub triggers: u32,
    /// Configured behandeldiensten that get no trigger (findings `bd-mixed`, `bd-andere-bg`).
    pub missed: Vec<Named>,
    /// Every finding code of the outcome, once each, in order.
    pub codes: Vec<FindingCode>,
}

/// A cell, or the engine's message when the case cannot be routed there (a water activity
/// outside every waterschap).
pub type CellResult = Result<Cell, String>;

/// One gemeente's cells, in column order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub gemeente: Named,
    pub cells: Vec<CellResult>,
}

/// A configured behandeldienst that misses a combined verzoek.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    pub activity: String,
    pub behandeldienst: Named,
}

/// Activities submitted together in one gemeente, against each submitted alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Combined {
    pub verzoeken: usize,
    pub triggers: u32,
    /// Who receives the combined verzoeken as behandeldienst.
    pub behandeldiensten: Vec<Named>,
    /// Behandeldiensten an activity gets when submitted alone but not together.
    pub missed: Vec<Missed>,
}

/// The routing field: the active configuration and assumptions, parsed once, aimed at one
/// gemeente and activity after another.
pub struct Field<'e> {
    engine: &'e Engine,
    scenario: Scenario,
    /// The last gemeente located: a row routes one gemeente 33 times.
    located: Option<(String, Located, bool)>,
}

impl<'e> Field<'e> {
    /// From a scenario or a draft in JSON: only its `configuration` and `assumptions` count;
    /// location, activities, title and after-receipt steps are ignored.
    pub fn new(engine: &'e Engine, draft: &Value) -> Result<Field<'e>, ScenarioError> {
        let settings: serde_json::Map<String, Value> = ["configuration", "assumptions"]
            .into_iter()
            .filter_map(|key| Some((key.to_string(), draft.get(key)?.clone())))
            .collect();
        let draft = engine.parse_draft(&Value::Object(settings))?;
        Ok(Field::from_draft(engine, &draft))
    }

    /// From a validated draft (the app's state): its configuration and assumptions.
    pub fn from_draft(engine: &'e Engine, draft: &ScenarioDraft) -> Field<'e> {
        Field {
            engine,
            // Aimed at a gemeente and activities before every route (`aim`).
            scenario: draft.aimed(
                Location::Gemeente {
                    gemeente: String::new(),
                },
                Vec::new(),
            ),
            located: None,
        }
    }

    /// With a configuration already decoded (no JSON round trip), e.g. two to compare.
    pub fn with_configuration(
        engine: &'e Engine,
        configuration: Configuration,
        assumptions: Assumptions,
    ) -> Result<Field<'e>, ScenarioError> {
        let draft = ScenarioDraft {
            configuration: Some(ConfigurationRef::Inline(configuration)),
            assumptions,
            ..ScenarioDraft::default()
        };
        Ok(Field::from_draft(engine, &draft))
    }

    pub fn assumptions(&self) -> Assumptions {
        self.scenario.assumptions
    }

    /// The configuration's name (or id, or bundled name); `None` without a configuration.
    pub fn configuration_name(&self) -> Option<String> {
        match self.scenario.configuration.as_ref()? {
            ConfigurationRef::Bundled(name) => Some(
                self.engine
                    .configuration(name)
                    .and_then(|c| c.name.clone())
                    .unwrap_or_else(|| name.clone()),
            ),
            ConfigurationRef::Inline(c) => Some(
                c.name
                    .clone()
                    .or_else(|| c.id.clone())
                    .unwrap_or_else(|| "eigen configuratie".to_string()),
            ),
        }
    }

    /// The scenario of this field for `gemeente` and `activities` (no flags), as JSON: what
    /// the explainer gets when a cell is opened.
    pub fn scenario_for(&mut self, gemeente: &str, activities: &[(&str, Verzoektype)]) -> Value {
        self.aim(gemeente, activities);
        serde_json::to_value(&self.scenario).unwrap_or(Value::Null)
    }

    fn aim(&mut self, gemeente: &str, activities: &[(&str, Verzoektype)]) {
        self.scenario.location = Location::Gemeente {
            gemeente: gemeente.to_string(),
        };
        self.scenario.activities = activities
            .iter()
            .map(|(activity, verzoektype)| {
                SelectedActivity::new((*activity).to_string(), *verzoektype)
            })
            .collect();
    }

    /// Routes these activities (no flags) in `gemeente` with the engine's `route()`.
    pub fn route(
        &mut self,
        gemeente: &str,
        activities: &[(&str, Verzoektype)],
    ) -> Result<Outcome, ScenarioError> {
        // What `Engine::parse` guarantees for a scenario, checked here as it is not parsed.
        for (i, (id, vt)) in activities.iter().enumerate() {
            let path = format!("activities[{i}]");
            let Some(def) = self.engine.catalogue.activity(id) else {
                return Err(ScenarioError::new(
                    path,
                    format!("onbekende activiteit '{id}'"),
                ));
            };
            if !def.allows(*vt) || activities.iter().take(i).any(|p| p == &(*id, *vt)) {
                return Err(ScenarioError::new(
                    path,
                    format!("{} kan niet (nog eens) als {}", def.name, vt.label()),
                ));
            }
        }
        self.aim(gemeente, activities);
        let located = match self.located.take() {
            Some(hit) if hit.0 == gemeente => hit,
            _ => {
                let (loc, is_point) = super::route::locate(self.engine, &self.scenario.location)?;
                (gemeente.to_string(), loc, is_point)
            }
        };
        let outcome =
            super::route::route_at(self.engine, &self.scenario, located.1.clone(), located.2);
        self.located = Some(located);
        outcome
    }

    pub fn cell(&mut self, gemeente: &str, column: &Column) -> CellResult {
        let outcome = self
            .route(gemeente, &[(&column.activity, column.verzoektype)])
            .map_err(|e| e.to_string())?;
        Ok(self.cell_of(&outcome))
    }

    fn cell_of(&self, outcome: &Outcome) -> Cell {
        let first = outcome.verzoeken.first();
        let all_findings = outcome
            .findings
            .iter()
            .chain(outcome.verzoeken.iter().flat_map(|v| &v.findings));
        let mut codes: Vec<FindingCode> = Vec::new();
        for f in all_findings {
            if !codes.contains(&f.code) {
                codes.push(f.code);
            }
        }
        // Configured behandeldiensten passed over (the domain's one definition), not adviseurs.
        let mut missed: Vec<Named> = Vec::new();
        for (bd, reason) in outcome.verzoeken.iter().flat_map(|v| v.missed()) {
            let configured = matches!(reason, MissedReason::Configured(_));
            if configured && !receives(outcome, &bd) && !missed.iter().any(|m| m.id == bd) {
                missed.push(self.named(&bd));
            }
        }
        Cell {
            bevoegd_gezag: first.map_or_else(
                || Named {
                    id: String::new(),
                    name: String::new(),
                },
                |v| v.bevoegd_gezag.clone(),
            ),
            behandeldienst: first.and_then(|v| v.behandeldienst.clone()),
            triggers: outcome.total_triggers,
            missed,
            codes,
        }
    }

    fn named(&self, id: &str) -> Named {
        Named {
            id: id.to_string(),
            name: self.engine.organisations.name_or_id(id),
        }
    }

    /// One gemeente's row over `columns`.
    pub fn row(&mut self, gemeente: &GemeenteInfo, columns: &[Column]) -> Row {
        Row {
            gemeente: Named {
                id: gemeente.id.clone(),
                name: gemeente.name.clone(),
            },
            cells: columns.iter().map(|c| self.cell(&gemeente.id, c)).collect(),
        }
    }

    /// Every row of a region.
    pub fn matrix(&mut self, region: &Region, columns: &[Column]) -> Vec<Row> {
        region
            .gemeenten(self.engine)
            .into_iter()
            .map(|g| self.row(g, columns))
            .collect()
    }

    /// The combination check (vraagstuk 3, rule B12): `activities` submitted together as
    /// `verzoektype` in `gemeente`, against each submitted alone. An activity's behandeldienst
    /// alone that is not the behandeldienst of the combined verzoek holding that activity is
    /// missed.
    pub fn combination(
        &mut self,
        gemeente: &str,
        activities: &[&str],
        verzoektype: Verzoektype,
    ) -> Result<Combined, String> {
        let together: Vec<(&str, Verzoektype)> =
            activities.iter().map(|a| (*a, verzoektype)).collect();
        let outcome = self.route(gemeente, &together).map_err(|e| e.to_string())?;
        let mut missed = Vec::new();
        for &activity in activities {
            let alone = self
                .route(gemeente, &[(activity, verzoektype)])
                .map_err(|e| e.to_string())?;
            let Some(bd) = alone
                .verzoeken
                .first()
                .and_then(|v| v.behandeldienst.clone())
            else {
                continue;
            };
            let gets = outcome
                .verzoeken
                .iter()
                .filter(|v| v.activities.iter().any(|a| a == activity))
                .any(|v| v.behandeldienst.as_ref().is_some_and(|b| b.id == bd.id));
            if !gets {
                missed.push(Missed {
                    activity: activity.to_string(),
                    behandeldienst: bd,
                });
            }
        }
        let mut behandeldiensten: Vec<Named> = Vec::new();
        for bd in outcome
            .verzoeken
            .iter()
            .filter_map(|v| v.behandeldienst.as_ref())
        {
            if !behandeldiensten.contains(bd) {
                behandeldiensten.push(bd.clone());
            }
        }
        Ok(Combined {
            verzoeken: outcome.verzoeken.len(),
            triggers: outcome.total_triggers,
            behandeldiensten,
            missed,
        })
    }
}

fn receives(outcome: &Outcome, bd: &str) -> bool {
    outcome
        .verzoeken
        .iter()
        .any(|v| v.behandeldienst.as_ref().is_some_and(|b| b.id == bd))
}

/// The CSV header (Dutch), one line per gemeente × activity × verzoektype.
pub const CSV_HEADER: [&str; 14] = [
    "Gemeente-id",
    "Gemeente",
    "Activiteit-id",
    "Activiteit",
    "Verzoektype-id",
    "Verzoektype",
    "Bevoegd gezag-id",
    "Bevoegd gezag",
    "Behandeldienst-id",
    "Behandeldienst",
    "Triggers",
    "Gemiste behandeldienst-id",
    "Gemiste behandeldienst",
    "Bevindingen of fout",
];

/// The matrix as CSV that Excel opens as is: UTF-8 with byte-order mark, `;` between
/// fields, CRLF line ends, quoted as `spreadsheet::field` quotes.
pub fn csv<'a>(columns: &[Column], rows: impl IntoIterator<Item = &'a Row>) -> Vec<u8> {
    let mut out = document();
    push_line(&mut out, CSV_HEADER);
    for row in rows {
        for (column, cell) in columns.iter().zip(&row.cells) {
            let mut fields = vec![
                row.gemeente.id.clone(),
                row.gemeente.name.clone(),
                column.activity.clone(),
                column.activity_name.clone(),
                column.verzoektype.as_str().to_string(),
                column.verzoektype.label().to_string(),
            ];
            match cell {
                Ok(c) => {
                    let bd = c.behandeldienst.as_ref();
                    let list = |f: fn(&Named) -> &str| {
                        c.missed.iter().map(f).collect::<Vec<_>>().join(", ")
                    };
                    fields.extend([
                        c.bevoegd_gezag.id.clone(),
                        c.bevoegd_gezag.name.clone(),
                        bd.map_or_else(String::new, |b| b.id.clone()),
                        bd.map_or_else(String::new, |b| b.name.clone()),
                        c.triggers.to_string(),
                        list(|n| &n.id),
                        list(|n| &n.name),
                        c.codes
                            .iter()
                            .map(|code| code.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]);
                }
                Err(message) => {
                    fields.extend(std::iter::repeat_n(String::new(), 7));
                    fields.push(format!("fout: {message}"));
                }
            }
            push_line(&mut out, fields);
        }
    }
    out.into_bytes()
}

/// Gemeenten typed by a person: names, former names, aliases or CBS codes, separated by
/// commas, semicolons or new lines. Returns the ids found (each once, in the order typed)
/// and the parts that matched no gemeente.
pub fn pick_gemeenten(engine: &Engine, text: &str) -> (Vec<String>, Vec<String>) {
    let geo = engine.geography();
    let mut ids: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for part in text.split([',', ';', '\n']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        let code = part.to_ascii_uppercase();
        let id = match geo.gemeente(&code) {
            Some(g) => Some(g.id.clone()),
            None => geo.search(part, 1).into_iter().next().map(|hit| hit.id),
        };
        match id {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => unknown.push(part.to_string()),
        }
    }
    (ids, unknown)
}
