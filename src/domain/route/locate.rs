//! Step 1: locate the scenario, and what the place itself tells (`locatie-grens`,
//! `geen-omgevingsdienst-bekend`, `od-vr-verschil`).

use super::super::error::ScenarioError;
use super::super::finding::{Finding, FindingCode};
use super::super::json::{quote, whole};
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

/// Step 1: a water activity needs the waterschap under the point.
pub(super) fn check_water(
    engine: &Engine,
    activities: &[SelectedActivity],
    loc: &Located,
) -> Result<(), ScenarioError> {
    for (i, sel) in activities.iter().enumerate() {
        let water = engine
            .catalogue
            .activity(&sel.activity)
            .is_some_and(|a| a.water);
        if water && loc.waterschap.is_none() {
            return Err(ScenarioError::new(
                format!("activities[{i}].activity"),
                format!(
                    "{} is een wateractiviteit, maar de locatie ligt buiten elk waterschap",
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
        out.push(Finding::new(
            FindingCode::LocatieGrens,
            format!(
                "Het punt ligt op ongeveer {} m van een gemeentegrens. De grenzen in de meegeleverde kaart kunnen tot ongeveer 100 m afwijken: controleer of {} de juiste gemeente is.",
                whole(loc.boundary_distance_m), loc.gemeente.name
            ),
            vec![loc.gemeente.id.clone()],
        ));
    }
    match (&loc.omgevingsdienst, &loc.veiligheidsregio) {
        (None, _) => out.push(Finding::new(
            FindingCode::GeenOmgevingsdienstBekend,
            format!(
                "Voor {} staat geen omgevingsdienst in de meegeleverde tabel. Een behandeldienst kan alleen via een eigen configuratie worden ingesteld.",
                loc.gemeente.name
            ),
            vec![loc.gemeente.id.clone()],
        )),
        (Some(od), Some(vr)) => {
            if let Some((major, _)) = ctx.engine.vr_majority_od.get(&vr.id) {
                if major != &od.id {
                    let major_name = ctx
                        .engine
                        .organisations
                        .get(major)
                        .map_or(major.clone(), |o| o.name.clone());
                    out.push(Finding::new(
                        FindingCode::OdVrVerschil,
                        format!(
                            "{} valt onder {}, maar hoort bij veiligheidsregio {}, waarvan de meeste gemeenten onder {} vallen. De regio's van omgevingsdienst en veiligheidsregio vallen hier niet samen: reken op andere partners bij milieu en bij brandveiligheid.",
                            loc.gemeente.name, od.name, vr.name, major_name
                        ),
                        vec![loc.gemeente.id.clone(), od.id.clone(), vr.id.clone(), major.clone()],
                    ));
                }
            }
        }
        (Some(_), None) => {}
    }
    out
}
