//! Which routes a proposed configuration changes: every gemeente × activity × verzoektype of
//! a region routed by the real engine under both configurations (one activity per scenario).

use serde::Serialize;
use serde_json::json;

use super::Configuration;
use crate::domain::scenario::{Assumptions, ConfigurationRef};
use crate::domain::{Engine, Outcome, Verzoektype};

/// How one single-activity verzoek fares under one configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    /// Behandeldienst ids, one per verzoek (`None` = the bevoegd gezag handles it).
    pub behandeldiensten: Vec<Option<String>>,
    pub triggers: u32,
}

/// A route that differs between configuration A and B.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteChange {
    pub gemeente: String,
    pub activity: String,
    pub verzoektype: Verzoektype,
    pub a: Route,
    pub b: Route,
}

/// Routes every (gemeente, activity, allowed verzoektype) with configuration `a` and `b`
/// and lists the ones whose behandeldienst or trigger count differ. Combinations the engine
/// refuses (a water activity where no waterschap lies) are skipped, as no verzoek exists.
pub fn diff(
    engine: &Engine,
    a: &Configuration,
    b: &Configuration,
    gemeenten: &[String],
    assumptions: Assumptions,
) -> Vec<RouteChange> {
    let mut out = Vec::new();
    for gemeente in gemeenten {
        for activity in &engine.catalogue.activities {
            for &verzoektype in &activity.verzoektypes {
                let value = json!({
                    "location": { "gemeente": gemeente },
                    "activities": [{ "activity": activity.id, "verzoektype": verzoektype.as_str() }],
                });
                let Ok(mut scenario) = engine.parse(&value) else {
                    continue;
                };
                scenario.assumptions = assumptions;
                let mut route_with = |c: &Configuration| {
                    scenario.configuration = Some(ConfigurationRef::Inline(c.clone()));
                    engine.route(&scenario).ok().map(|o| route_of(&o))
                };
                if let (Some(ra), Some(rb)) = (route_with(a), route_with(b)) {
                    if ra != rb {
                        out.push(RouteChange {
                            gemeente: gemeente.clone(),
                            activity: activity.id.clone(),
                            verzoektype,
                            a: ra,
                            b: rb,
                        });
                    }
                }
            }
        }
    }
    out
}

fn route_of(o: &Outcome) -> Route {
    Route {
        behandeldiensten: o
            .verzoeken
            .iter()
            .map(|v| v.behandeldienst.as_ref().map(|n| n.id.clone()))
            .collect(),
        triggers: o.total_triggers,
    }
}
