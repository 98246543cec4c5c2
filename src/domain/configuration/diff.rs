//! Which routes a proposed configuration changes: every gemeente × activity × verzoektype of
//! a region routed by the real engine under both configurations (one activity per scenario).

use serde::Serialize;

use super::Configuration;
use crate::domain::scenario::Assumptions;
use crate::domain::speelveld::{columns, Field};
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
/// The Speelveld's [`Field`] does the routing: each configuration is set once, not per cell.
pub fn diff(
    engine: &Engine,
    a: &Configuration,
    b: &Configuration,
    gemeenten: &[String],
    assumptions: Assumptions,
) -> Vec<RouteChange> {
    let fields = Field::with_configuration(engine, a.clone(), assumptions).and_then(|fa| {
        Field::with_configuration(engine, b.clone(), assumptions).map(|fb| (fa, fb))
    });
    // The probe scenario is the first bundled gemeente and activity: it always parses.
    let Ok((mut fa, mut fb)) = fields else {
        return Vec::new();
    };
    let columns = columns(engine);
    let mut out = Vec::new();
    for gemeente in gemeenten {
        for column in &columns {
            let activities = [(column.activity.as_str(), column.verzoektype)];
            let (Ok(oa), Ok(ob)) = (
                fa.route(gemeente, &activities),
                fb.route(gemeente, &activities),
            ) else {
                continue;
            };
            let (ra, rb) = (route_of(&oa), route_of(&ob));
            if ra != rb {
                out.push(RouteChange {
                    gemeente: gemeente.clone(),
                    activity: column.activity.clone(),
                    verzoektype: column.verzoektype,
                    a: ra,
                    b: rb,
                });
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
