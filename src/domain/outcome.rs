//! The outcome (contract §4). Field names and shapes are the contract's; additions are
//! optional fields only (`name` on recipients and adviseurs, `concerns` on findings,
//! `boundary_distance_m`, `configuration`, `timeline`, `timeline_triggers`, and `basis` and
//! `tot_2026` on the location's omgevingsdienst).

use serde::{Serialize, Serializer};

use super::finding::{Finding, FindingCode};
use super::ids::{AdviesRole, RecipientRole, Verzoektype};
use super::scenario::Assumptions;
pub use crate::geo::Named;

/// The resolved location.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeLocation {
    pub gemeente: Named,
    pub provincie: Named,
    pub waterschap: Option<Named>,
    pub omgevingsdienst: Option<Named>,
    /// The omgevingsdienst comes from an inferred table row (`"basis": "afgeleid"` in the
    /// JSON, inside `omgevingsdienst`; docs/contract-readings.md).
    pub omgevingsdienst_afgeleid: bool,
    /// The omgevingsdienst before the mergers of 1 January 2026 (`"tot_2026"` inside
    /// `omgevingsdienst`), where it was another one.
    pub omgevingsdienst_tot_2026: Option<Named>,
    pub veiligheidsregio: Option<Named>,
    /// Metres from the point to the nearest gemeente boundary (point locations only).
    pub boundary_distance_m: Option<f64>,
}

/// The contract's shape: the omgevingsdienst's extension fields sit inside its object.
impl Serialize for OutcomeLocation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Od<'a> {
            id: &'a str,
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            basis: Option<&'static str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            tot_2026: Option<&'a Named>,
        }
        #[derive(Serialize)]
        struct Shown<'a> {
            gemeente: &'a Named,
            provincie: &'a Named,
            waterschap: &'a Option<Named>,
            omgevingsdienst: Option<Od<'a>>,
            veiligheidsregio: &'a Option<Named>,
            #[serde(skip_serializing_if = "Option::is_none")]
            boundary_distance_m: Option<f64>,
        }
        Shown {
            gemeente: &self.gemeente,
            provincie: &self.provincie,
            waterschap: &self.waterschap,
            omgevingsdienst: self.omgevingsdienst.as_ref().map(|od| Od {
                id: &od.id,
                name: &od.name,
                basis: self.omgevingsdienst_afgeleid.then_some("afgeleid"),
                tot_2026: self.omgevingsdienst_tot_2026.as_ref(),
            }),
            veiligheidsregio: &self.veiligheidsregio,
            boundary_distance_m: self.boundary_distance_m,
        }
        .serialize(serializer)
    }
}

/// Someone who gets a trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub id: String,
    pub role: RecipientRole,
    /// Extension: display name.
    pub name: String,
}

/// Someone who advises without a trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Adviseur {
    pub id: String,
    pub role: AdviesRole,
    /// Extension: display name.
    pub name: String,
}

/// One verzoek as submitted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verzoek {
    pub verzoektype: Verzoektype,
    pub activities: Vec<String>,
    pub bevoegd_gezag: Named,
    pub behandeldienst: Option<Named>,
    pub recipients: Vec<Recipient>,
    pub triggers: u32,
    pub adviseurs: Vec<Adviseur>,
    pub findings: Vec<Finding>,
}

/// One step after receipt, with the state after it (contract §5.7).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineStep {
    /// 1-based.
    pub step: usize,
    /// Index into `verzoeken`.
    pub verzoek: usize,
    pub action: super::scenario::AfterReceiptAction,
    pub to: Option<String>,
    pub bevoegd_gezag: Named,
    pub behandeldienst: Option<Named>,
    /// Who gets a trigger in this step.
    pub recipients: Vec<Recipient>,
    pub triggers: u32,
    pub findings: Vec<Finding>,
}

/// Which configuration was applied (extension), so the app can label it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConfigurationInfo {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub entries: usize,
}

/// What the DSO does with the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub location: OutcomeLocation,
    pub verzoeken: Vec<Verzoek>,
    pub total_triggers: u32,
    pub findings: Vec<Finding>,
    pub assumptions: Assumptions,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ConfigurationInfo>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineStep>,
    /// Extension: triggers sent by the timeline steps (not part of `total_triggers`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline_triggers: Option<u32>,
}

/// Why an organisation that expected a verzoek gets no trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MissedReason {
    /// An adviseur: involved, but the DSO sends it nothing (T4).
    Adviseur(AdviesRole),
    /// A configured behandeldienst passed over; the finding says why (`bd-mixed`,
    /// `bd-andere-bg`).
    Configured(FindingCode),
}

impl Verzoek {
    /// Who misses out on this verzoek: adviseurs, and configured behandeldiensten that the
    /// findings name as passed over, unless they receive it after all. The one definition
    /// for the explainer, Oefenen's answers and the speelveld.
    pub fn missed(&self) -> Vec<(String, MissedReason)> {
        let mut out: Vec<(String, MissedReason)> = self
            .adviseurs
            .iter()
            .map(|a| (a.id.clone(), MissedReason::Adviseur(a.role)))
            .collect();
        for f in &self.findings {
            if let Some(id) = &f.passed_over {
                let received = self.recipients.iter().any(|r| &r.id == id);
                if !received && !out.iter().any(|(o, _)| o == id) {
                    out.push((id.clone(), MissedReason::Configured(f.code)));
                }
            }
        }
        out
    }
}
