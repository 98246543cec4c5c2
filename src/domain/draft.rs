//! A scenario being composed (the app's state, a link, a half-filled file): everything a
//! [`Scenario`] has, with the location and the activities still optional. Parsed by the same
//! walk as a scenario (`scenario::parse`), so both give the same messages; written back in
//! the contract format (§3), so a draft with a location and activities is a scenario.

use serde::ser::{Serialize, Serializer};
use serde_json::{json, Map, Value};

use super::configuration::draft::Draft;
use super::scenario::{
    missing_location, no_activities, AfterReceipt, Assumptions, ConfigurationRef, Location,
    Scenario, SelectedActivity, SCENARIO_FORMAT,
};
use super::ScenarioError;

/// What a parse must find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// A draft: location and activities may be missing (or the list empty).
    Draft,
    /// A scenario: both are required.
    Scenario,
}

/// A validated scenario that may lack its location and activities. Ids are known,
/// verzoektypes and flags fit their activity, the configuration is known or valid inline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioDraft {
    pub title: Option<String>,
    pub description: Option<String>,
    pub location: Option<Location>,
    pub activities: Vec<SelectedActivity>,
    pub configuration: Option<ConfigurationRef>,
    pub assumptions: Assumptions,
    pub after_receipt: Vec<AfterReceipt>,
}

impl ScenarioDraft {
    /// The draft in the contract format (§3): `format`, absent parts left out, `activities`
    /// always (a list, maybe empty), `assumptions` always and in full (a link says what it
    /// assumed). Built by hand, like the other formats the app writes: serde's derived
    /// serializers for these types would add about 2 KB gzip to the first load
    /// (docs/performance.md). Parsed back by [`super::Engine::parse_draft`] to an equal draft.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("format".into(), json!(SCENARIO_FORMAT));
        for (key, text) in [("title", &self.title), ("description", &self.description)] {
            if let Some(text) = text {
                m.insert(key.into(), json!(text));
            }
        }
        if let Some(location) = &self.location {
            let location = match location {
                Location::LonLat { lon, lat } => json!({ "lon": lon, "lat": lat }),
                Location::Rd { rd } => json!({ "rd": rd }),
                Location::Gemeente { gemeente } => json!({ "gemeente": gemeente }),
            };
            m.insert("location".into(), location);
        }
        let activities = self.activities.iter().map(|a| {
            let mut v = json!({ "activity": a.activity, "verzoektype": a.verzoektype.as_str(), "flags": a.flags });
            if let (Some(rules), Some(map)) = (a.toepasbare_regels, v.as_object_mut()) {
                map.insert("toepasbare_regels".into(), json!(rules));
            }
            v
        });
        m.insert("activities".into(), Value::Array(activities.collect()));
        match &self.configuration {
            Some(ConfigurationRef::Bundled(name)) => {
                m.insert("configuration".into(), json!(name));
            }
            Some(ConfigurationRef::Inline(c)) => {
                m.insert(
                    "configuration".into(),
                    Draft::from_configuration(c).to_value(),
                );
            }
            None => {}
        }
        let a = &self.assumptions;
        let mut assumptions = json!({
            "bd_merge": a.bd_merge.as_str(),
            "dso": a.dso.as_str(),
            "bg_notified_when_bd": a.bg_notified_when_bd,
        });
        if let Some(map) = assumptions.as_object_mut() {
            if let Some(keep) = a.bd_after_bg_change {
                map.insert("bd_after_bg_change".into(), json!(keep.as_str()));
            }
            if let Some(role) = a.bopa_adviesrol {
                map.insert("bopa_adviesrol".into(), json!(role.as_str()));
            }
        }
        m.insert("assumptions".into(), assumptions);
        if !self.after_receipt.is_empty() {
            let steps = self
                .after_receipt
                .iter()
                .map(|s| json!({ "verzoek": s.verzoek, "action": s.action.as_str(), "to": s.to }));
            m.insert("after_receipt".into(), Value::Array(steps.collect()));
        }
        Value::Object(m)
    }

    /// True when it has a location and at least one activity: a scenario.
    pub fn is_complete(&self) -> bool {
        self.location.is_some() && !self.activities.is_empty()
    }

    /// The scenario, or which part is missing (the messages of a scenario's parse).
    pub fn into_scenario(self) -> Result<Scenario, ScenarioError> {
        let location = self.location.ok_or_else(missing_location)?;
        if self.activities.is_empty() {
            return Err(no_activities());
        }
        Ok(Scenario {
            format: SCENARIO_FORMAT.to_string(),
            title: self.title,
            description: self.description,
            location,
            activities: self.activities,
            configuration: self.configuration,
            assumptions: self.assumptions,
            after_receipt: self.after_receipt,
        })
    }

    /// The scenario if the draft is complete (a copy; the draft stays).
    pub fn to_scenario(&self) -> Option<Scenario> {
        self.is_complete()
            .then(|| self.clone().into_scenario().ok())
            .flatten()
    }

    /// This draft's configuration and assumptions at another place with other activities:
    /// a complete scenario (the speelveld's cells, a case opened from it).
    pub fn aimed(&self, location: Location, activities: Vec<SelectedActivity>) -> Scenario {
        Scenario {
            format: SCENARIO_FORMAT.to_string(),
            title: None,
            description: None,
            location,
            activities,
            configuration: self.configuration.clone(),
            assumptions: self.assumptions,
            after_receipt: Vec::new(),
        }
    }
}

impl From<Scenario> for ScenarioDraft {
    fn from(s: Scenario) -> ScenarioDraft {
        ScenarioDraft {
            title: s.title,
            description: s.description,
            location: Some(s.location),
            activities: s.activities,
            configuration: s.configuration,
            assumptions: s.assumptions,
            after_receipt: s.after_receipt,
        }
    }
}

/// Written as [`ScenarioDraft::to_value`] writes it: one definition of the format.
impl Serialize for ScenarioDraft {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_draft_names_what_a_scenario_lacks() {
        let Err(e) = ScenarioDraft::default().into_scenario() else {
            panic!("an empty draft is no scenario");
        };
        assert_eq!(e.path, "location");
    }
}
