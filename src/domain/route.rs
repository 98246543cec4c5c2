//! `route()`: contract §5, one named function per step. Pure; once the scenario is parsed,
//! the only failures are about the location (outside every gemeente / waterschap) and
//! after-receipt steps that name a verzoek that does not exist.
//!
//! | step of §5 | function | file |
//! |---|---|---|
//! | 1 locate | [`locate`], `check_water`, `location_findings` | `route/locate.rs` |
//! | 2 own bevoegd gezag per activity | `own_bevoegd_gezag` | `route/own_bg.rs` |
//! | 3 group into verzoeken | `group` | `route/verzoeken.rs` |
//! | 4 bevoegd gezag per verzoek | `bevoegd_gezag_per_verzoek` (`aanvraag`, `per_bevoegd_gezag`) | `route/verzoeken.rs` |
//! | 5 behandeldienst | `behandeldienst` | `route/behandeldienst.rs` |
//! | 6 recipients, triggers, fixed adviseurs | `recipients_for`, `vaste_adviseurs` | `route/recipients.rs` |
//! | 7 after receipt | `after_receipt` | `route/after_receipt.rs` |

mod after_receipt;
mod behandeldienst;
mod locate;
mod own_bg;
mod recipients;
mod verzoeken;

use std::collections::HashMap;

use super::catalogue::{Activity, AdviesBasis, Exception};
use super::configuration::ConfigEntry;
use super::error::ScenarioError;
use super::finding::{Finding, FindingCode, FindingTexts};
use super::ids::{AdviesRole, Level, OrgKind, Verzoektype};
use super::organisations::Org;
use super::outcome::{ConfigurationInfo, Named, Outcome, OutcomeLocation, Recipient};
use super::scenario::{Assumptions, Scenario, SelectedActivity};
use super::Engine;
use crate::geo::Located;

pub(crate) use locate::locate;

/// One selected activity with its own bevoegd gezag (step 2).
struct Act<'a> {
    pos: usize,
    sel: &'a SelectedActivity,
    def: &'a Activity,
    own_bg: Org,
    /// The bevoegd gezag of the activity's level, before any exception.
    default_bg: Org,
    magneet: bool,
    /// The exception that decided its own bevoegd gezag, if any.
    exception: Option<&'a Exception>,
    /// Every exception whose flag is set and not set aside by another (`excludes`).
    applied: Vec<&'a Exception>,
}

/// An adviseur of a verzoek: who, in what role, on what basis (law or practice) and under
/// which rule when it is a fixed adviseur of the catalogue.
#[derive(Clone)]
struct Advice {
    org: Org,
    role: AdviesRole,
    basis: AdviesBasis,
    rule: Option<String>,
}

/// A verzoek before behandeldienst and recipients (steps 3 and 4).
struct Draft<'a> {
    verzoektype: Verzoektype,
    acts: Vec<&'a Act<'a>>,
    bg: Org,
    adviseurs: Vec<Advice>,
    findings: Vec<Finding>,
}

/// Who a verzoek is with: its bevoegd gezag and behandeldienst (after step 5, and after each
/// step of step 7).
#[derive(Clone)]
struct Addressed {
    bg: Org,
    bd: Option<Org>,
}

/// What every step reads: the engine, the located place and the configuration.
struct Ctx<'e> {
    engine: &'e Engine,
    loc: Located,
    entries: &'e [ConfigEntry],
    /// The scenario chose a configuration (bundled or inline), even an empty one.
    configured: bool,
    assumptions: Assumptions,
    /// Bestuursorganen competent at this location (for `bd-andere-bg`).
    competent: Vec<String>,
}

pub(crate) fn route(engine: &Engine, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
    let (loc, is_point) = locate(engine, &scenario.location)?; // 1
    route_at(engine, scenario, loc, is_point)
}

/// [`route`] from step 1 on, with `scenario.location` already located (`is_point`: it was a
/// point, not a gemeente).
pub(crate) fn route_at(
    engine: &Engine,
    scenario: &Scenario,
    loc: Located,
    is_point: bool,
) -> Result<Outcome, ScenarioError> {
    locate::check_water(engine, &scenario.activities, &loc)?; // 1
    let (entries, config) = engine.configuration_entries(scenario.configuration.as_ref());
    let ctx = Ctx::new(
        engine,
        loc,
        (entries, config.is_some()),
        scenario.assumptions,
    );
    let mut findings = locate::location_findings(&ctx, is_point); // 1
    let acts = own_bg::own_bevoegd_gezag(&ctx, &scenario.activities, &mut findings); // 2
    let groups = verzoeken::group(&ctx, &acts, &mut findings); // 3
    let drafts = verzoeken::bevoegd_gezag_per_verzoek(&ctx, groups, &mut findings); // 4
    let mut verzoeken = Vec::with_capacity(drafts.len());
    let mut addressed = Vec::with_capacity(drafts.len());
    for draft in &drafts {
        let bd = behandeldienst::behandeldienst(&ctx, &draft.bg, &draft.acts, draft.verzoektype); // 5
        let verzoek = recipients::verzoek(&ctx, draft, bd.bd.as_ref(), bd.findings); // 6
        verzoeken.push(verzoek);
        addressed.push(Addressed {
            bg: draft.bg.clone(),
            bd: bd.bd,
        });
    }
    let (timeline, mut assumptions) =
        after_receipt::after_receipt(&ctx, &drafts, addressed, &scenario.after_receipt)?; // 7
                                                                                          // The outcome names the assumptions it applied: bopa_adviesrol once it decided a role.
    let bopa = |d: &Draft| {
        d.findings
            .iter()
            .any(|f| f.code == FindingCode::BopaAdviesrol)
    };
    if drafts.iter().any(bopa) {
        assumptions.bopa_adviesrol =
            Some(ctx.assumptions.bopa_adviesrol.unwrap_or(AdviesRole::Advies));
    }
    let total_triggers = verzoeken.iter().map(|v| v.triggers).sum();
    let timeline_triggers =
        (!timeline.is_empty()).then(|| timeline.iter().map(|s| s.triggers).sum());
    Ok(Outcome {
        location: outcome_location(&ctx.loc, is_point),
        verzoeken,
        total_triggers,
        findings,
        assumptions,
        configuration: config.map(|c| ConfigurationInfo {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            entries: c.behandeldiensten.len(),
        }),
        timeline,
        timeline_triggers,
    })
}

fn outcome_location(loc: &Located, is_point: bool) -> OutcomeLocation {
    OutcomeLocation {
        gemeente: loc.gemeente.clone(),
        provincie: loc.provincie.clone(),
        waterschap: loc.waterschap.clone(),
        omgevingsdienst: loc.omgevingsdienst.clone(),
        omgevingsdienst_afgeleid: loc.omgevingsdienst_afgeleid,
        omgevingsdienst_tot_2026: loc.omgevingsdienst_tot_2026.clone(),
        veiligheidsregio: loc.veiligheidsregio.clone(),
        boundary_distance_m: is_point.then(|| (loc.boundary_distance_m * 10.0).round() / 10.0),
    }
}

impl<'e> Ctx<'e> {
    fn new(
        engine: &'e Engine,
        loc: Located,
        (entries, configured): (&'e [ConfigEntry], bool),
        assumptions: Assumptions,
    ) -> Ctx<'e> {
        let mut competent = vec![loc.gemeente.id.clone(), loc.provincie.id.clone()];
        if let Some(w) = &loc.waterschap {
            competent.push(w.id.clone());
        }
        competent.extend(engine.organisations.ministers().iter().cloned());
        Ctx {
            engine,
            loc,
            entries,
            configured,
            assumptions,
            competent,
        }
    }

    fn gemeente_org(&self) -> Org {
        Org {
            id: self.loc.gemeente.id.clone(),
            kind: OrgKind::Gemeente,
            name: self.loc.gemeente.name.clone(),
        }
    }

    /// Step 2: the bestuursorgaan of a level at this location.
    fn org_for_level(&self, level: &Level) -> Org {
        match level {
            Level::Gemeente => self.gemeente_org(),
            Level::Provincie => Org {
                id: self.loc.provincie.id.clone(),
                kind: OrgKind::Provincie,
                name: self.loc.provincie.name.clone(),
            },
            Level::Waterschap => match &self.loc.waterschap {
                Some(w) => Org {
                    id: w.id.clone(),
                    kind: OrgKind::Waterschap,
                    name: w.name.clone(),
                },
                None => self.gemeente_org(),
            },
            Level::Rijk(code) => self.org_by_id(code, code, OrgKind::Minister),
        }
    }

    /// The findings' sentences.
    fn texts(&self) -> &'e FindingTexts {
        &self.engine.finding_texts
    }

    /// A behandeldienst by id (validated input names only known organisations).
    fn bd_org(&self, id: &str) -> Org {
        self.org_by_id(id, id, OrgKind::Uitvoeringsorganisatie)
    }

    /// A known organisation, or (never for validated input) a stand-in with the given name.
    fn org_by_id(&self, id: &str, name: &str, kind: OrgKind) -> Org {
        self.engine
            .organisations
            .get(id)
            .cloned()
            .unwrap_or_else(|| Org {
                id: id.to_string(),
                kind,
                name: name.to_string(),
            })
    }
}

fn count(recipients: &[Recipient]) -> u32 {
    u32::try_from(recipients.len()).unwrap_or(u32::MAX)
}

fn bg_named(org: &Org) -> Named {
    Named {
        id: org.id.clone(),
        name: org.bg_name(),
    }
}

fn bd_named(org: &Org) -> Named {
    Named {
        id: org.id.clone(),
        name: org.display_name(),
    }
}

/// For each veiligheidsregio: the omgevingsdienst most of its gemeenten belong to, and how
/// many. Ties: `None` for that region (no `od-vr-verschil`).
pub(crate) fn vr_majority_od(geo: &crate::geo::Geography) -> HashMap<String, (String, usize)> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for g in geo.gemeenten() {
        if let (Some(vr), Some(od)) = (&g.veiligheidsregio, &g.omgevingsdienst) {
            *counts.entry(&vr.id).or_default().entry(&od.id).or_default() += 1;
        }
    }
    let mut out = HashMap::new();
    for (vr, ods) in counts {
        let max = ods.values().copied().max().unwrap_or(0);
        let top: Vec<&&str> = ods
            .iter()
            .filter(|(_, n)| **n == max)
            .map(|(od, _)| od)
            .collect();
        if let [only] = top.as_slice() {
            out.insert(vr.to_string(), (only.to_string(), max));
        }
    }
    out
}
