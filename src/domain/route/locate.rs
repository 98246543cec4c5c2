//! Step 1: locate the scenario, and what the place itself tells (`locatie-grens`,
//! `geen-omgevingsdienst-bekend`, `od-vr-verschil`).

use super::super::catalogue::Exception;
use super::super::error::ScenarioError;
use super::super::finding::Finding;
use super::super::ids::Level;
use super::super::json::quote;
use super::super::outcome::Named;
use super::super::scenario::{Location, SelectedActivity};
use super::super::Engine;
use super::Ctx;
use crate::geo::{shown_number, Located, LonLat};

/// Step 1: the gemeente, provincie, waterschap, omgevingsdienst and veiligheidsregio of the
/// scenario's location; `true` when it was a point (not a gemeente).
pub(crate) fn locate(
    engine: &Engine,
    location: &Location,
) -> Result<(Located, bool), ScenarioError> {
    let geo = engine.geography;
    match location {
        Location::LonLat { lon, lat } => geo
            .locate(LonLat {
                lon: *lon,
                lat: *lat,
            })
            .map(|l| (l, true))
            .ok_or_else(|| {
                ScenarioError::new(
                    "location",
                    format!(
                        "het punt (lon {}, lat {}) ligt buiten elke gemeente",
                        shown_number(*lon),
                        shown_number(*lat)
                    ),
                )
            }),
        Location::Rd { rd: [x, y] } => geo.locate_rd(*x, *y).map(|l| (l, true)).ok_or_else(|| {
            ScenarioError::new(
                "location.rd",
                format!(
                    "het RD-punt ({}, {}) ligt buiten elke gemeente",
                    shown_number(*x),
                    shown_number(*y)
                ),
            )
        }),
        Location::Gemeente { gemeente } => {
            if geo.gemeente(gemeente).is_none() {
                return Err(ScenarioError::new(
                    "location.gemeente",
                    format!(
                        "onbekende gemeente {} (verwacht een CBS-code zoals GM0828)",
                        quote(gemeente)
                    ),
                ));
            }
            geo.locate_gemeente(gemeente).map(|l| (l, false)).ok_or_else(|| {
                ScenarioError::new(
                    "location.gemeente",
                    format!("het representatieve punt van {gemeente} ligt buiten de geografie (interne fout)"),
                )
            })
        }
    }
}

/// Step 1: a water activity needs the waterschap under the point, unless a flag makes
/// another bestuursorgaan competent: a lozing in rijkswater goes to the minister, also in the
/// large waters (Waddenzee, Eems-Dollard, the coastal sea) beyond the waterschappen' data.
pub(super) fn check_water(
    engine: &Engine,
    activities: &[SelectedActivity],
    loc: &Located,
) -> Result<(), ScenarioError> {
    for (i, sel) in activities.iter().enumerate() {
        let Some(def) = engine.catalogue.activity(&sel.activity) else {
            continue;
        };
        let elsewhere = |e: &&Exception| e.level != Level::Waterschap;
        let flagged = def
            .exceptions
            .iter()
            .filter(elsewhere)
            .any(|e| sel.flags.contains(&e.flag));
        if def.water && !flagged && loc.waterschap.is_none() {
            // the flag (if any) that would send it elsewhere
            let hint = def
                .exceptions
                .iter()
                .find(elsewhere)
                .map_or(String::new(), |e| {
                    format!(" (met de vlag {} is geen waterschap nodig)", e.flag)
                });
            return Err(ScenarioError::new(
                format!("activities[{i}].activity"),
                format!(
                    "{} is een wateractiviteit, maar de locatie ligt buiten elk waterschap{hint}",
                    sel.activity
                ),
            ));
        }
    }
    Ok(())
}

/// What the place tells by itself: near a gemeente boundary (a point only; the geography's
/// one 100 m constant decides `near_boundary`), no omgevingsdienst in the table, or an
/// omgevingsdienst other than the one most of its veiligheidsregio has.
pub(super) fn location_findings(ctx: &Ctx, is_point: bool) -> Vec<Finding> {
    let loc = &ctx.loc;
    let mut out = Vec::new();
    if is_point && loc.near_boundary {
        out.push(Finding::locatie_grens(
            ctx.texts(),
            loc.boundary_distance_m,
            &loc.gemeente,
        ));
    }
    match (&loc.omgevingsdienst, &loc.veiligheidsregio) {
        (None, _) => out.push(Finding::geen_omgevingsdienst_bekend(
            ctx.texts(),
            &loc.gemeente,
        )),
        (Some(od), Some(vr)) => {
            if let Some((major, _)) = ctx.engine.vr_majority_od.get(&vr.id) {
                if major != &od.id {
                    let majority_od = Named {
                        id: major.clone(),
                        name: ctx.engine.organisations.name_or_id(major),
                    };
                    out.push(Finding::od_vr_verschil(
                        ctx.texts(),
                        &loc.gemeente,
                        od,
                        vr,
                        &majority_od,
                    ));
                }
            }
        }
        (Some(_), None) => {}
    }
    out
}
