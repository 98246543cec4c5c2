//! A scenario being composed (the app's state, a link, a half-filled file): everything a
//! [`Scenario`] has, with the location and the activities still optional. Parsed by the same
//! walk as a scenario (`scenario::parse`), so both give the same messages; written back in
//! the contract format (§3), so a draft with a location and activities is a scenario.

use serde::ser::{Serialize, SerializeStruct, Serializer};

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
    /// The draft in the contract format as a JSON value: every output of the app (link,
    /// storage, download, messages) writes this one value, so the typed serializers are
    /// instantiated once (first-load size, docs/performance.md).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
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

/// The contract format: `format` first, absent parts left out, `activities` always (a list,
/// maybe empty), `assumptions` always (in full, so a link says what it assumed).
impl Serialize for ScenarioDraft {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("ScenarioDraft", 8)?;
        out.serialize_field("format", SCENARIO_FORMAT)?;
        match &self.title {
            Some(title) => out.serialize_field("title", title)?,
            None => out.skip_field("title")?,
        }
        match &self.description {
            Some(text) => out.serialize_field("description", text)?,
            None => out.skip_field("description")?,
        }
        match &self.location {
            Some(location) => out.serialize_field("location", location)?,
            None => out.skip_field("location")?,
        }
        out.serialize_field("activities", &self.activities)?;
        match &self.configuration {
            Some(configuration) => out.serialize_field("configuration", configuration)?,
            None => out.skip_field("configuration")?,
        }
        out.serialize_field("assumptions", &self.assumptions)?;
        if self.after_receipt.is_empty() {
            out.skip_field("after_receipt")?;
        } else {
            out.serialize_field("after_receipt", &self.after_receipt)?;
        }
        out.end()
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
