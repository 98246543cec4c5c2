//! The app's one state, its actions and the reducer (Yew's function_todomvc pattern).
//! The state is the scenario plus view settings; the outcome is never stored, only derived.

use std::rc::Rc;

use serde_json::{json, Value};
use yew::Reducible;

use super::i18n::Lang;
use crate::domain::{BdMerge, Dso, Engine, Verzoektype};
use crate::geo::{rd_to_wgs84, LonLat};

/// Where the user placed the request.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Point(LonLat),
    Gemeente(String),
}

/// One chosen activity with its verzoektype and flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub activity: String,
    pub verzoektype: Verzoektype,
    pub flags: Vec<String>,
}

/// A message for the user: something was refused and the previous state kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub place: Option<Place>,
    pub activities: Vec<Chosen>,
    /// Bundled configuration name; `None` = no behandeldiensten.
    pub configuration: Option<String>,
    /// An inline configuration from an opened scenario, kept as given.
    pub inline_configuration: Option<Value>,
    pub bd_merge: BdMerge,
    pub dso: Dso,
    pub bg_notified_when_bd: bool,
    /// Steps after receipt from an opened scenario, kept as given.
    pub after_receipt: Option<Value>,
    pub title: Option<String>,
    pub lang: Lang,
    pub notice: Option<Notice>,
}

impl Default for State {
    fn default() -> State {
        State {
            place: None,
            activities: Vec::new(),
            configuration: Some("voorbeeld-noord-brabant".to_string()),
            inline_configuration: None,
            bd_merge: BdMerge::AllSame,
            dso: Dso::V2020,
            bg_notified_when_bd: true,
            after_receipt: None,
            title: None,
            lang: Lang::Nl,
            notice: None,
        }
    }
}

pub enum Action {
    Place(Place),
    AddActivity(String),
    RemoveActivity(usize),
    SetVerzoektype(usize, Verzoektype),
    SetFlag(usize, String, bool),
    SetConfiguration(Option<String>),
    /// Use a configuration of the Configuratie view (contract format, already validated).
    SetInlineConfiguration(Value),
    SetBdMerge(BdMerge),
    SetDso(Dso),
    SetBgNotified(bool),
    SetLang(Lang),
    /// Replace the scenario with one from a file or the URL (already validated).
    Load(Box<State>),
    Notify(String),
    DismissNotice,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<State> {
        let mut next = (*self).clone();
        match action {
            Action::Place(place) => {
                // A point outside the Netherlands is refused; the previous location stays.
                if super::location::locate(&place).is_some() {
                    next.place = Some(place);
                } else {
                    next.notice = Some(Notice {
                        text: "Dit punt ligt buiten elke Nederlandse gemeente (zee, België of \
                               Duitsland). De vorige locatie blijft staan."
                            .to_string(),
                    });
                    return Rc::new(next);
                }
            }
            Action::AddActivity(id) => {
                let first_type = Engine::bundled()
                    .ok()
                    .and_then(|e| e.catalogue.activity(&id))
                    .and_then(|a| a.verzoektypes.first().copied());
                if let Some(verzoektype) = first_type {
                    next.activities.push(Chosen {
                        activity: id,
                        verzoektype,
                        flags: Vec::new(),
                    });
                }
            }
            Action::RemoveActivity(index) => {
                if index < next.activities.len() {
                    next.activities.remove(index);
                }
            }
            Action::SetVerzoektype(index, v) => {
                if let Some(chosen) = next.activities.get_mut(index) {
                    chosen.verzoektype = v;
                }
            }
            Action::SetFlag(index, flag, on) => {
                if let Some(chosen) = next.activities.get_mut(index) {
                    chosen.flags.retain(|f| f != &flag);
                    if on {
                        chosen.flags.push(flag);
                    }
                }
            }
            Action::SetConfiguration(name) => {
                next.configuration = name;
                next.inline_configuration = None;
            }
            Action::SetInlineConfiguration(value) => {
                next.configuration = None;
                next.inline_configuration = Some(value);
            }
            Action::SetBdMerge(v) => next.bd_merge = v,
            Action::SetDso(v) => next.dso = v,
            Action::SetBgNotified(v) => next.bg_notified_when_bd = v,
            Action::SetLang(lang) => next.lang = lang,
            Action::Load(loaded) => {
                let lang = next.lang;
                next = *loaded;
                next.lang = lang;
            }
            Action::Notify(text) => next.notice = Some(Notice { text }),
            Action::DismissNotice => next.notice = None,
        }
        // A successful change of the scenario clears an old complaint.
        if !matches!(
            action_kind(&next, &self),
            Change::NoticeOnly | Change::Nothing
        ) {
            next.notice = None;
        }
        Rc::new(next)
    }
}

enum Change {
    Scenario,
    NoticeOnly,
    Nothing,
}

fn action_kind(next: &State, previous: &State) -> Change {
    let mut a = next.clone();
    let mut b = previous.clone();
    a.notice = None;
    b.notice = None;
    a.lang = b.lang;
    if a != b {
        Change::Scenario
    } else if next.notice != previous.notice {
        Change::NoticeOnly
    } else {
        Change::Nothing
    }
}

impl State {
    /// The scenario in the contract format (§3), or `None` while it is incomplete.
    pub fn scenario(&self) -> Option<Value> {
        let place = self.place.as_ref()?;
        if self.activities.is_empty() {
            return None;
        }
        Some(self.scenario_value(place))
    }

    /// The scenario even when incomplete (for the URL and downloads): no location or no
    /// activities simply stay out.
    pub fn draft(&self) -> Value {
        match &self.place {
            Some(place) => self.scenario_value(place),
            None => {
                let mut value = self.scenario_value(&Place::Gemeente(String::new()));
                if let Some(object) = value.as_object_mut() {
                    object.remove("location");
                }
                value
            }
        }
    }

    fn scenario_value(&self, place: &Place) -> Value {
        let location = match place {
            Place::Point(p) => json!({ "lon": round6(p.lon), "lat": round6(p.lat) }),
            Place::Gemeente(id) => json!({ "gemeente": id }),
        };
        let activities: Vec<Value> = self
            .activities
            .iter()
            .map(|c| {
                json!({ "activity": c.activity, "verzoektype": c.verzoektype.as_str(), "flags": c.flags })
            })
            .collect();
        let mut scenario = json!({
            "format": crate::domain::SCENARIO_FORMAT,
            "location": location,
            "activities": activities,
            "assumptions": {
                "bd_merge": self.bd_merge.as_str(),
                "dso": self.dso.as_str(),
                "bg_notified_when_bd": self.bg_notified_when_bd,
            },
        });
        if let Some(object) = scenario.as_object_mut() {
            if let Some(title) = &self.title {
                object.insert("title".into(), json!(title));
            }
            if let Some(inline) = &self.inline_configuration {
                object.insert("configuration".into(), inline.clone());
            } else if let Some(name) = &self.configuration {
                object.insert("configuration".into(), json!(name));
            }
            if let Some(steps) = &self.after_receipt {
                object.insert("after_receipt".into(), steps.clone());
            }
        }
        scenario
    }

    /// A state from scenario JSON text (a file or the URL). The engine validates it first,
    /// so the message names the JSON path; a draft without location or activities is
    /// accepted as such.
    pub fn from_scenario_text(text: &str) -> Result<State, String> {
        let value = crate::domain::parse_json_text(text).map_err(|e| e.to_string())?;
        let engine = Engine::bundled().map_err(|e| e.to_string())?;
        let object = value
            .as_object()
            .ok_or_else(|| "het scenario is geen JSON-object".to_string())?;
        let has_place = object.contains_key("location");
        let has_activities = object
            .get("activities")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
        // Validate the complete scenario; a draft gets a stand-in for what it lacks.
        let mut probe = value.clone();
        if let Some(probe) = probe.as_object_mut() {
            if !has_place {
                probe.insert("location".into(), json!({ "gemeente": "GM0828" }));
            }
            if !has_activities {
                probe.insert(
                    "activities".into(),
                    json!([{ "activity": "kappen", "verzoektype": "melding" }]),
                );
            }
        }
        let scenario = engine.parse(&probe).map_err(|e| e.to_string())?;
        // A location the engine cannot place (unknown gemeente, a point at sea) is refused
        // now, with the engine's message, rather than loaded as a broken state.
        if has_place {
            engine.check_location(&scenario.location).map_err(|e| {
                // in the start build, a point in a large water opens once the water areas
                // are here (ui::water)
                let point = !matches!(
                    scenario.location,
                    crate::domain::scenario::Location::Gemeente { .. }
                );
                if point && super::water::wait_for_scenario(text) {
                    format!("{e} (de waterkaart laadt; daarna opent het)")
                } else {
                    e.to_string()
                }
            })?;
        }
        let mut state = State {
            configuration: None,
            ..State::default()
        };
        state.place = has_place
            .then(|| place_of(object.get("location")))
            .flatten();
        if has_activities {
            state.activities = scenario
                .activities
                .iter()
                .map(|a| Chosen {
                    activity: a.activity.clone(),
                    verzoektype: a.verzoektype,
                    flags: a.flags.clone(),
                })
                .collect();
        }
        match object.get("configuration") {
            Some(Value::String(name)) => state.configuration = Some(name.clone()),
            Some(inline @ Value::Object(_)) => state.inline_configuration = Some(inline.clone()),
            _ => {}
        }
        state.bd_merge = scenario.assumptions.bd_merge;
        state.dso = scenario.assumptions.dso;
        state.bg_notified_when_bd = scenario.assumptions.bg_notified_when_bd;
        state.after_receipt = object.get("after_receipt").cloned();
        state.title = object
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(state)
    }
}

fn place_of(location: Option<&Value>) -> Option<Place> {
    let location = location?;
    if let Some(id) = location.get("gemeente").and_then(Value::as_str) {
        return Some(Place::Gemeente(id.to_string()));
    }
    if let (Some(lon), Some(lat)) = (
        location.get("lon").and_then(Value::as_f64),
        location.get("lat").and_then(Value::as_f64),
    ) {
        return Some(Place::Point(LonLat { lon, lat }));
    }
    let rd = location.get("rd").and_then(Value::as_array)?;
    let x = rd.first().and_then(Value::as_f64)?;
    let y = rd.get(1).and_then(Value::as_f64)?;
    Some(Place::Point(rd_to_wgs84(x, y)))
}

/// Six decimals (about 0.1 m) keep the URL short without moving the point.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}
