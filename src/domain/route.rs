//! `route()`: contract §5, step by step. Pure; once the scenario is parsed, the only failures
//! are about the location (outside every gemeente / waterschap) and after-receipt steps that
//! name a verzoek that does not exist.

use std::collections::HashMap;

use crate::geo::shown_number;

use super::catalogue::{Activity, Exception, VasteAdviseur};
use super::configuration::ConfigEntry;
use super::error::ScenarioError;
use super::finding::{Finding, FindingCode};
use super::ids::{
    join, AdviesRole, BdAfterBgChange, BdMerge, Dso, Level, OrgKind, RecipientRole, Verzoektype,
};
use super::organisations::Org;
use super::outcome::{
    Adviseur, ConfigurationInfo, Named, Outcome, OutcomeLocation, Recipient, TimelineStep, Verzoek,
};
use super::scenario::{AfterReceiptAction, Location, Scenario, SelectedActivity};
use super::Engine;
use crate::geo::{Located, LonLat};

/// Points closer than this to a gemeente boundary get `locatie-grens` (contract §4).
pub const BOUNDARY_WARNING_M: f64 = 100.0;

/// One selected activity with its own bevoegd gezag (step 2).
struct Act<'a> {
    pos: usize,
    sel: &'a SelectedActivity,
    def: &'a Activity,
    own_bg: Org,
    /// The bevoegd gezag of the activity's level, before any exception.
    default_bg: Org,
    magneet: bool,
    exception: Option<&'a Exception>,
}

/// A verzoek before behandeldienst and recipients.
struct Draft<'a> {
    verzoektype: Verzoektype,
    acts: Vec<&'a Act<'a>>,
    bg: Org,
    adviseurs: Vec<(Org, AdviesRole)>,
    findings: Vec<Finding>,
}

/// The behandeldienst of a verzoek under one bevoegd gezag (step 5).
struct BdResult {
    bd: Option<Org>,
    findings: Vec<Finding>,
}

struct Ctx<'e> {
    engine: &'e Engine,
    loc: Located,
    entries: &'e [ConfigEntry],
    /// Bestuursorganen competent at this location (for `bd-andere-bg`).
    competent: Vec<String>,
}

/// A water activity needs the waterschap under the point, unless a flag makes another
/// bestuursorgaan competent: a lozing in rijkswater goes to the minister, also in the large
/// waters (Waddenzee, Eems-Dollard, the coastal sea) beyond the waterschappen.
fn check_waterschap(
    engine: &Engine,
    scenario: &Scenario,
    loc: &Located,
) -> Result<(), ScenarioError> {
    for (i, sel) in scenario.activities.iter().enumerate() {
        let Some(def) = engine.catalogue.activity(&sel.activity) else {
            continue;
        };
        // the flag (if any) of an exception that sends this activity elsewhere
        let elsewhere = def
            .exceptions
            .iter()
            .find(|e| e.level != Level::Waterschap)
            .map(|e| e.flag.as_str());
        let flagged = def
            .exceptions
            .iter()
            .any(|e| e.level != Level::Waterschap && sel.flags.contains(&e.flag));
        if def.water && !flagged && loc.waterschap.is_none() {
            let hint = elsewhere.map_or(String::new(), |f| {
                format!(" (met de vlag {f} is geen waterschap nodig)")
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

pub(crate) fn route(engine: &Engine, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
    // 1. Locate.
    let (loc, is_point) = locate(engine, &scenario.location)?;
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
    check_waterschap(engine, scenario, &loc)?;
    let (entries, config_info) = engine.configuration_entries(scenario.configuration.as_ref());
    let mut competent = vec![loc.gemeente.id.clone(), loc.provincie.id.clone()];
    if let Some(w) = &loc.waterschap {
        competent.push(w.id.clone());
    }
    competent.extend(engine.organisations.ministers().iter().cloned());
    let ctx = Ctx {
        engine,
        loc,
        entries,
        competent,
    };
    let assumptions = scenario.assumptions;

    // 2. Own bevoegd gezag per activity.
    let mut acts: Vec<Act> = Vec::with_capacity(scenario.activities.len());
    for (pos, sel) in scenario.activities.iter().enumerate() {
        let Some(def) = engine.catalogue.activity(&sel.activity) else {
            continue; // cannot happen: the scenario was validated against this catalogue
        };
        let mut exception: Option<&Exception> = None;
        for e in &def.exceptions {
            if sel.flags.iter().any(|f| f == &e.flag)
                && exception.is_none_or(|x| e.level.centrality() > x.level.centrality())
            {
                exception = Some(e);
            }
        }
        let level = exception.map_or(&def.level, |e| &e.level);
        let magneet = exception.map_or(def.magneet, |e| e.magneet);
        let own_bg = ctx.org_for_level(level);
        let default_bg = ctx.org_for_level(&def.level);
        acts.push(Act {
            pos,
            sel,
            def,
            own_bg,
            default_bg,
            magneet,
            exception,
        });
    }

    let mut top_findings: Vec<Finding> = location_findings(&ctx, is_point);

    // 3. Group by verzoektype; split aanvragen into water and non-water.
    let types: Vec<Verzoektype> = Verzoektype::ALL
        .into_iter()
        .filter(|vt| acts.iter().any(|a| a.sel.verzoektype == *vt))
        .collect();
    if types.len() > 1 {
        top_findings.push(Finding::new(
            FindingCode::SplitVerzoektype,
            format!(
                "Deze keuze wordt {} afzonderlijke verzoeken, één per verzoektype ({}). Elk verzoek wordt apart gerouteerd en levert eigen triggers op.",
                types.len(),
                join(types.iter().map(|v| v.label()))
            ),
            types.iter().map(|v| v.as_str().to_string()).collect(),
        ));
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for vt in types {
        let group: Vec<&Act> = acts.iter().filter(|a| a.sel.verzoektype == vt).collect();
        if vt == Verzoektype::AanvraagVergunning {
            let (water, dry): (Vec<&Act>, Vec<&Act>) = group.into_iter().partition(|a| a.def.water);
            if !water.is_empty() && !dry.is_empty() {
                top_findings.push(Finding::new(
                    FindingCode::SplitWater,
                    format!(
                        "Wateractiviteiten ({}) en andere activiteiten ({}) kunnen niet in één aanvraag (art. 5.7 lid 2 Omgevingswet): het worden twee aanvragen.",
                        names(&water),
                        names(&dry)
                    ),
                    water.iter().map(|a| a.def.id.clone()).collect(),
                ));
            }
            // 4. One meervoudige aanvraag per part, with one bevoegd gezag.
            for (part, is_water) in [(dry, false), (water, true)] {
                if !part.is_empty() {
                    drafts.push(aanvraag_draft(&ctx, part, is_water));
                }
            }
        } else {
            // 4. Every other verzoektype: one verzoek per distinct own bevoegd gezag.
            let mut by_bg: Vec<(Org, Vec<&Act>)> = Vec::new();
            for a in group {
                match by_bg.iter_mut().find(|(bg, _)| bg.id == a.own_bg.id) {
                    Some((_, list)) => list.push(a),
                    None => by_bg.push((a.own_bg.clone(), vec![a])),
                }
            }
            if by_bg.len() > 1 {
                top_findings.push(Finding::new(
                    FindingCode::SplitBevoegdGezag,
                    format!(
                        "Er bestaat geen meervoudige {}: de activiteiten hebben verschillende bevoegde gezagen ({}), dus elk krijgt een eigen verzoek ({} verzoeken).",
                        vt.label(),
                        by_bg
                            .iter()
                            .map(|(bg, _)| bg.bg_name())
                            .collect::<Vec<_>>()
                            .join(", "),
                        by_bg.len()
                    ),
                    by_bg.iter().map(|(bg, _)| bg.id.clone()).collect(),
                ));
            }
            for (bg, list) in by_bg {
                drafts.push(Draft {
                    verzoektype: vt,
                    acts: list,
                    bg,
                    adviseurs: Vec::new(),
                    findings: Vec::new(),
                });
            }
        }
    }

    // Contract §4 order: verzoektype, bevoegd gezag id, position of the first activity.
    drafts.sort_by(|a, b| {
        (a.verzoektype, &a.bg.id, first_pos(&a.acts)).cmp(&(
            b.verzoektype,
            &b.bg.id,
            first_pos(&b.acts),
        ))
    });

    // 5 and 6: behandeldienst, recipients and triggers.
    let mut verzoeken: Vec<Verzoek> = Vec::with_capacity(drafts.len());
    let mut states: Vec<(Org, Option<Org>)> = Vec::with_capacity(drafts.len());
    for draft in &drafts {
        let mut findings: Vec<Finding> = draft
            .acts
            .iter()
            .filter_map(|a| a.exception.map(|e| exception_finding(a, e)))
            .collect();
        findings.extend(draft.findings.iter().cloned());
        let bd = ctx.behandeldienst(
            &draft.bg,
            &draft.acts,
            draft.verzoektype,
            assumptions.bd_merge,
        );
        findings.extend(bd.findings);
        let (recipients, mut rf) =
            recipients_for(&draft.bg, bd.bd.as_ref(), assumptions.bg_notified_when_bd);
        findings.append(&mut rf);
        // Fixed advisers (e.g. the veiligheidsregio for brandveilig gebruik), unless they
        // already receive the verzoek.
        let mut adviseurs = draft.adviseurs.clone();
        for a in &draft.acts {
            for v in &a.def.vaste_adviseurs {
                let named = match v {
                    VasteAdviseur::Veiligheidsregio => ctx.loc.veiligheidsregio.as_ref(),
                    VasteAdviseur::Omgevingsdienst => ctx.loc.omgevingsdienst.as_ref(),
                };
                let Some(named) = named else { continue };
                let org = ctx.org_by_id(
                    &named.id,
                    &named.name,
                    match v {
                        VasteAdviseur::Veiligheidsregio => OrgKind::Veiligheidsregio,
                        VasteAdviseur::Omgevingsdienst => OrgKind::Omgevingsdienst,
                    },
                );
                let is_recipient = recipients.iter().any(|r| r.id == org.id);
                if !is_recipient
                    && org.id != draft.bg.id
                    && !adviseurs.iter().any(|(o, _)| o.id == org.id)
                {
                    adviseurs.push((org, AdviesRole::Advies));
                }
            }
        }
        for (org, role) in &adviseurs {
            findings.push(Finding::new(
                FindingCode::AdviseurZonderTrigger,
                format!(
                    "{} is adviseur ({}) maar krijgt geen trigger van het DSO; het bevoegd gezag moet deze zelf betrekken, via de Samenwerkfunctionaliteit of via werkafspraken.",
                    adviseur_name(org),
                    role.label()
                ),
                vec![org.id.clone()],
            ));
        }
        let triggers = count(&recipients);
        verzoeken.push(Verzoek {
            verzoektype: draft.verzoektype,
            activities: draft.acts.iter().map(|a| a.def.id.clone()).collect(),
            bevoegd_gezag: bg_named(&draft.bg),
            behandeldienst: bd.bd.as_ref().map(bd_named),
            recipients,
            triggers,
            adviseurs: adviseurs
                .iter()
                .map(|(org, role)| Adviseur {
                    id: org.id.clone(),
                    role: *role,
                    name: adviseur_name(org),
                })
                .collect(),
            findings,
        });
        states.push((draft.bg.clone(), bd.bd));
    }
    let total_triggers = verzoeken.iter().map(|v| v.triggers).sum();

    // 7. After receipt.
    let mut timeline: Vec<TimelineStep> = Vec::new();
    let mut shown_assumptions = assumptions;
    for (i, step) in scenario.after_receipt.iter().enumerate() {
        let path = format!("after_receipt[{i}].verzoek");
        let (Some(draft), Some(state)) = (drafts.get(step.verzoek), states.get_mut(step.verzoek))
        else {
            return Err(ScenarioError::new(
                path,
                format!(
                    "verzoek {} bestaat niet (dit scenario heeft {} verzoek{}: {})",
                    step.verzoek,
                    drafts.len(),
                    if drafts.len() == 1 { "" } else { "en" },
                    (0..drafts.len())
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
        let mut findings = Vec::new();
        let recipients: Vec<Recipient> = match step.action {
            AfterReceiptAction::WijzigBevoegdGezag => {
                let mode = assumptions.bd_after_bg_change.unwrap_or_default();
                shown_assumptions.bd_after_bg_change = Some(mode);
                let to = step.to.as_deref().unwrap_or_default();
                let new_bg = ctx.org_by_id(to, to, OrgKind::Gemeente);
                findings.push(Finding::new(
                    FindingCode::BgGewijzigd,
                    format!(
                        "Het verzoek gaat na ontvangst van {} naar {}. Het nieuwe bevoegd gezag ontvangt alleen de laatste aanvulling (C4) en moet de initiatiefnemer zelf informeren (C5).",
                        state.0.bg_name(),
                        new_bg.bg_name()
                    ),
                    vec![state.0.id.clone(), new_bg.id.clone()],
                ));
                let bd = match mode {
                    BdAfterBgChange::ReDerive => {
                        let r = ctx.behandeldienst(
                            &new_bg,
                            &draft.acts,
                            draft.verzoektype,
                            assumptions.bd_merge,
                        );
                        findings.extend(r.findings);
                        r.bd
                    }
                    BdAfterBgChange::Keep => state.1.clone(),
                };
                let (recipients, mut rf) =
                    recipients_for(&new_bg, bd.as_ref(), assumptions.bg_notified_when_bd);
                findings.append(&mut rf);
                *state = (new_bg, bd);
                recipients
            }
            AfterReceiptAction::WijzigBehandeldienst => match assumptions.dso {
                Dso::V2020 => {
                    findings.push(Finding::new(
                        FindingCode::BdNietWijzigbaar,
                        format!(
                            "In het DSO van 2020 kon de behandeldienst na ontvangst niet worden gewijzigd, alleen het bevoegd gezag; de wijziging naar {} gaat niet door en er gaat geen trigger uit.",
                            step.to.as_deref().unwrap_or("geen behandeldienst")
                        ),
                        step.to.iter().cloned().collect(),
                    ));
                    Vec::new()
                }
                Dso::V2023 => {
                    let new_bd = step
                        .to
                        .as_deref()
                        .map(|id| ctx.org_by_id(id, id, OrgKind::Uitvoeringsorganisatie));
                    let text = match &new_bd {
                        Some(bd) => format!(
                            "De behandeldienst wordt na ontvangst gewijzigd naar {}; die krijgt één trigger (sinds ongeveer 2023 mogelijk via de API).",
                            bd.display_name()
                        ),
                        None => "De behandeldienst wordt na ontvangst verwijderd; er gaat geen trigger uit en het bevoegd gezag behandelt het verzoek zelf.".to_string(),
                    };
                    findings.push(Finding::new(
                        FindingCode::BdGewijzigd,
                        text,
                        new_bd.iter().map(|o| o.id.clone()).collect(),
                    ));
                    state.1 = new_bd.clone();
                    new_bd
                        .iter()
                        .map(|bd| Recipient {
                            id: bd.id.clone(),
                            role: RecipientRole::Behandeldienst,
                            name: bd.display_name(),
                        })
                        .collect()
                }
            },
        };
        timeline.push(TimelineStep {
            step: i + 1,
            verzoek: step.verzoek,
            action: step.action,
            to: step.to.clone(),
            bevoegd_gezag: bg_named(&state.0),
            behandeldienst: state.1.as_ref().map(bd_named),
            triggers: count(&recipients),
            recipients,
            findings,
        });
    }
    let timeline_triggers = if timeline.is_empty() {
        None
    } else {
        Some(timeline.iter().map(|s| s.triggers).sum())
    };

    let distance = if is_point {
        Some((ctx.loc.boundary_distance_m * 10.0).round() / 10.0)
    } else {
        None
    };
    Ok(Outcome {
        location: OutcomeLocation {
            gemeente: ctx.loc.gemeente.clone(),
            provincie: ctx.loc.provincie.clone(),
            waterschap: ctx.loc.waterschap.clone(),
            omgevingsdienst: ctx.loc.omgevingsdienst.clone(),
            omgevingsdienst_afgeleid: ctx.loc.omgevingsdienst_afgeleid,
            omgevingsdienst_tot_2026: ctx.loc.omgevingsdienst_tot_2026.clone(),
            veiligheidsregio: ctx.loc.veiligheidsregio.clone(),
            boundary_distance_m: distance,
        },
        verzoeken,
        total_triggers,
        findings: top_findings,
        assumptions: shown_assumptions,
        configuration: config_info.map(|c| ConfigurationInfo {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            entries: c.behandeldiensten.len(),
        }),
        timeline,
        timeline_triggers,
    })
}

fn count(recipients: &[Recipient]) -> u32 {
    u32::try_from(recipients.len()).unwrap_or(u32::MAX)
}

fn first_pos(acts: &[&Act]) -> usize {
    acts.first().map_or(usize::MAX, |a| a.pos)
}

fn names(acts: &[&Act]) -> String {
    join(acts.iter().map(|a| a.def.name.as_str()))
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

/// Adviseurs are bestuursorganen (named as such) or other organisations (display name).
fn adviseur_name(org: &Org) -> String {
    if org.kind.is_bestuursorgaan() {
        org.bg_name()
    } else {
        org.display_name()
    }
}

/// Step 6.
fn recipients_for(bg: &Org, bd: Option<&Org>, bg_notified: bool) -> (Vec<Recipient>, Vec<Finding>) {
    let bg_recipient = Recipient {
        id: bg.id.clone(),
        role: RecipientRole::BevoegdGezag,
        name: bg.bg_name(),
    };
    match bd {
        Some(bd) if bd.id != bg.id => {
            let bd_recipient = Recipient {
                id: bd.id.clone(),
                role: RecipientRole::Behandeldienst,
                name: bd.display_name(),
            };
            if bg_notified {
                let f = Finding::new(
                    FindingCode::BdCopy,
                    format!(
                        "{} behandelt het verzoek en krijgt de trigger; {} krijgt een kopie (uitvoerende instantie = {}). Spreek af wie de zaak registreert, zodat er geen dubbele zaken of zwarte gaten ontstaan.",
                        bd.display_name(),
                        bg.bg_name(),
                        bd.id
                    ),
                    vec![bg.id.clone(), bd.id.clone()],
                );
                (vec![bg_recipient, bd_recipient], vec![f])
            } else {
                let f = Finding::new(
                    FindingCode::BgGeenKopie,
                    format!(
                        "Onder de aanname 'bevoegd gezag krijgt geen kopie' krijgt alleen {} een trigger; {} hoort het niet van het DSO.",
                        bd.display_name(),
                        bg.bg_name()
                    ),
                    vec![bg.id.clone(), bd.id.clone()],
                );
                (vec![bd_recipient], vec![f])
            }
        }
        _ => (vec![bg_recipient], Vec::new()),
    }
}

/// Step 4 for an `aanvraag-vergunning` part.
fn aanvraag_draft<'a>(ctx: &Ctx, part: Vec<&'a Act<'a>>, is_water: bool) -> Draft<'a> {
    let mut findings = Vec::new();
    let rijk: Vec<&Act> = part
        .iter()
        .copied()
        .filter(|a| a.magneet && a.own_bg.kind == OrgKind::Minister)
        .collect();
    let prov: Vec<&Act> = part
        .iter()
        .copied()
        .filter(|a| a.magneet && a.own_bg.kind == OrgKind::Provincie)
        .collect();
    let (bg, via): (Org, Option<&Act>) = if let Some(first) = rijk.first() {
        let mut ministers: Vec<&Org> = Vec::new();
        for a in &rijk {
            if !ministers.iter().any(|m| m.id == a.own_bg.id) {
                ministers.push(&a.own_bg);
            }
        }
        if ministers.len() > 1 {
            let mut concerns: Vec<String> = rijk.iter().map(|a| a.def.id.clone()).collect();
            concerns.extend(ministers.iter().map(|m| m.id.clone()));
            findings.push(Finding::new(
                FindingCode::BgConflict,
                format!(
                    "Deze aanvraag bevat magneetactiviteiten van verschillende ministers ({}). Het recht wijst hier niet één bevoegd gezag aan; Routewijzer kiest de eerste ({}). Overleg vooraf of dien afzonderlijke aanvragen in.",
                    join(ministers.iter().map(|m| m.name.as_str())),
                    first.own_bg.bg_name()
                ),
                concerns,
            ));
        }
        (first.own_bg.clone(), Some(*first))
    } else if let Some(first) = prov.first() {
        (first.own_bg.clone(), Some(*first))
    } else if let Some(first) = part
        .first()
        .filter(|f| part.iter().all(|a| a.own_bg.id == f.own_bg.id))
    {
        (first.own_bg.clone(), None)
    } else if is_water {
        match &ctx.loc.waterschap {
            Some(w) => (ctx.org_by_id(&w.id, &w.name, OrgKind::Waterschap), None),
            None => (ctx.gemeente_org(), None),
        }
    } else {
        (ctx.gemeente_org(), None)
    };

    let mut adviseurs: Vec<(Org, AdviesRole)> = Vec::new();
    for a in &part {
        if a.own_bg.id == bg.id {
            continue;
        }
        match adviseurs.iter_mut().find(|(o, _)| o.id == a.own_bg.id) {
            Some((_, role)) => *role = (*role).max(a.def.adviseur_role),
            None => adviseurs.push((a.own_bg.clone(), a.def.adviseur_role)),
        }
    }
    if via.is_some() && !adviseurs.is_empty() {
        // Every magneet that points at the chosen BG, so the finding does not depend on
        // the order of the activities.
        let magneten: Vec<&Act> = part
            .iter()
            .copied()
            .filter(|a| a.magneet && a.own_bg.id == bg.id)
            .collect();
        let mut concerns: Vec<String> = magneten.iter().map(|a| a.def.id.clone()).collect();
        concerns.push(bg.id.clone());
        concerns.extend(adviseurs.iter().map(|(o, _)| o.id.clone()));
        let pulled: Vec<&Act> = part
            .iter()
            .copied()
            .filter(|a| a.own_bg.id != bg.id)
            .collect();
        findings.push(Finding::new(
            FindingCode::Magneet,
            format!(
                "{} {} hier een magneetactiviteit: de hele aanvraag, ook {}, gaat naar {}. {} adviseert en krijgt geen trigger.",
                names(&magneten),
                if magneten.len() == 1 { "is" } else { "zijn" },
                names(&pulled),
                bg.bg_name(),
                adviseurs
                    .iter()
                    .map(|(o, _)| o.bg_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            concerns,
        ));
    }
    Draft {
        verzoektype: Verzoektype::AanvraagVergunning,
        acts: part,
        bg,
        adviseurs,
        findings,
    }
}

fn exception_finding(a: &Act, e: &Exception) -> Finding {
    // Beyond the waterschappen (the Waddenzee's edge, the coastal sea) the level's own
    // bestuursorgaan does not exist here; org_for_level's stand-in (the gemeente) would mislead.
    let default_bg = if a.def.level == Level::Waterschap && a.default_bg.kind != OrgKind::Waterschap
    {
        "een waterschap (hier ligt geen waterschap)".to_string()
    } else {
        a.default_bg.bg_name()
    };
    Finding::new(
        FindingCode::Uitzondering,
        format!(
            "{}: door '{}' ({}) is {} het eigen bevoegd gezag, niet {}{}.",
            a.def.name,
            e.flag,
            e.name,
            a.own_bg.bg_name(),
            default_bg,
            if e.magneet {
                "; het is een magneetactiviteit"
            } else {
                ""
            }
        ),
        vec![a.def.id.clone(), a.own_bg.id.clone()],
    )
    .with_rule(&e.rule)
}

fn location_findings(ctx: &Ctx, is_point: bool) -> Vec<Finding> {
    let loc = &ctx.loc;
    let mut out = Vec::new();
    if is_point && (loc.near_boundary || loc.boundary_distance_m < BOUNDARY_WARNING_M) {
        out.push(Finding::new(
            FindingCode::LocatieGrens,
            format!(
                "Het punt ligt op ongeveer {} m van een gemeentegrens. De grenzen in de meegeleverde kaart kunnen tot ongeveer 100 m afwijken: controleer of {} de juiste gemeente is.",
                super::json::whole(loc.boundary_distance_m), loc.gemeente.name
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
                        super::json::quote(gemeente)
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

impl Ctx<'_> {
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

    /// Does `entry` name this activity (Some(true)) or its group (Some(false))?
    fn entry_activity(entry: &ConfigEntry, def: &Activity) -> Option<bool> {
        if entry.activity == def.id {
            Some(true)
        } else if def.parent.as_deref() == Some(entry.activity.as_str()) {
            Some(false)
        } else {
            None
        }
    }

    /// Step 5 for one activity under bevoegd gezag `bg_id`: the most specific entry.
    fn resolve(&self, bg_id: &str, def: &Activity, vt: Verzoektype) -> Option<&ConfigEntry> {
        let g = self.loc.gemeente.id.as_str();
        let mut best: Option<(&ConfigEntry, (bool, bool, bool))> = None;
        for e in self.entries {
            if e.bevoegd_gezag != bg_id || !e.covers_verzoektype(vt) || !e.covers_gemeente(g) {
                continue;
            }
            let Some(exact) = Self::entry_activity(e, def) else {
                continue;
            };
            let key = (exact, e.verzoektype.is_some(), e.gemeenten.is_some());
            if best.is_none_or(|(_, k)| key > k) {
                best = Some((e, key));
            }
        }
        best.map(|(e, _)| e)
    }

    /// Step 5 for a verzoek: combine per `bd_merge`, with the bd-* findings.
    fn behandeldienst(&self, bg: &Org, acts: &[&Act], vt: Verzoektype, merge: BdMerge) -> BdResult {
        let per_act: Vec<Option<&ConfigEntry>> = acts
            .iter()
            .map(|a| self.resolve(&bg.id, a.def, vt))
            .collect();
        let found: Vec<&str> = per_act
            .iter()
            .flatten()
            .map(|e| e.behandeldienst.as_str())
            .collect();
        let chosen: Option<&str> = match merge {
            BdMerge::AllSame => match found.first() {
                Some(x) if found.len() == acts.len() && found.iter().all(|y| y == x) => Some(x),
                _ => None,
            },
            BdMerge::AnySingle => match found.first() {
                Some(x) if found.iter().all(|y| y == x) => Some(x),
                _ => None,
            },
            BdMerge::FirstActivity => per_act
                .first()
                .copied()
                .flatten()
                .map(|e| e.behandeldienst.as_str()),
        };
        let mut findings = Vec::new();
        let g = self.loc.gemeente.id.as_str();
        for (a, res) in acts.iter().zip(&per_act) {
            match res {
                Some(e) if Some(e.behandeldienst.as_str()) != chosen => {
                    let bd_name = self
                        .engine
                        .organisations
                        .get(&e.behandeldienst)
                        .map_or(e.behandeldienst.clone(), |o| o.display_name());
                    let why = match merge {
                        BdMerge::AllSame => "niet alle activiteiten in dit verzoek komen op die behandeldienst uit (aanname all-same)",
                        BdMerge::AnySingle => "de activiteiten in dit verzoek komen op verschillende behandeldiensten uit (aanname any-single)",
                        BdMerge::FirstActivity => "alleen de eerste activiteit bepaalt de behandeldienst (aanname first-activity)",
                    };
                    findings.push(Finding::new(
                        FindingCode::BdMixed,
                        format!(
                            "{} heeft onder {} behandeldienst {}, maar die krijgt geen trigger: {why}. Het DSO stuurt één verzoek naar hooguit één behandeldienst.",
                            a.def.name,
                            bg.bg_name(),
                            bd_name
                        ),
                        vec![a.def.id.clone(), e.behandeldienst.clone()],
                    ));
                }
                Some(_) => {}
                None => {
                    // Entries of this BG that failed only on verzoektype or only on gemeenten.
                    let mut other_types: Vec<Verzoektype> = Vec::new();
                    let mut other_places: Vec<String> = Vec::new();
                    for e in self.entries {
                        if e.bevoegd_gezag != bg.id || Self::entry_activity(e, a.def).is_none() {
                            continue;
                        }
                        let vt_ok = e.covers_verzoektype(vt);
                        let g_ok = e.covers_gemeente(g);
                        if !vt_ok && g_ok {
                            if let Some(t) = e.verzoektype {
                                if !other_types.contains(&t) {
                                    other_types.push(t);
                                }
                            }
                        }
                        if vt_ok && !g_ok {
                            for x in e.gemeenten.iter().flatten() {
                                if !other_places.contains(x) {
                                    other_places.push(x.clone());
                                }
                            }
                        }
                    }
                    if !other_types.is_empty() {
                        other_types.sort();
                        findings.push(Finding::new(
                            FindingCode::BdVerzoektype,
                            format!(
                                "{} heeft voor {} alleen een behandeldienst ingesteld voor {}, niet voor {}: deze activiteit krijgt hier geen behandeldienst.",
                                bg.bg_name(),
                                a.def.name,
                                join(other_types.iter().map(|t| t.label())),
                                vt.label()
                            ),
                            vec![a.def.id.clone(), bg.id.clone()],
                        ));
                    }
                    if !other_places.is_empty() {
                        findings.push(Finding::new(
                            FindingCode::BdLocatie,
                            format!(
                                "{} heeft voor {} alleen een behandeldienst ingesteld voor andere gemeenten ({} gemeente{}), niet voor {}.",
                                bg.bg_name(),
                                a.def.name,
                                other_places.len(),
                                if other_places.len() == 1 { "" } else { "n" },
                                self.loc.gemeente.name
                            ),
                            vec![a.def.id.clone(), bg.id.clone()],
                        ));
                    }
                }
            }
            // Entries of other bestuursorganen competent here that would have matched.
            let mut foreign: Vec<(&ConfigEntry, (bool, bool, bool))> = Vec::new();
            for e in self.entries {
                if e.bevoegd_gezag == bg.id
                    || !self.competent.contains(&e.bevoegd_gezag)
                    || !e.covers_verzoektype(vt)
                    || !e.covers_gemeente(g)
                {
                    continue;
                }
                // Only where it explains something: the activity found no behandeldienst
                // under this BG, or the entry is its own BG's (overruled by a magneet) or that
                // of its level before an exception (the gemeente of an IPPC installation).
                if res.is_some()
                    && e.bevoegd_gezag != a.own_bg.id
                    && e.bevoegd_gezag != a.default_bg.id
                {
                    continue;
                }
                let Some(exact) = Self::entry_activity(e, a.def) else {
                    continue;
                };
                let key = (exact, e.verzoektype.is_some(), e.gemeenten.is_some());
                match foreign
                    .iter_mut()
                    .find(|(f, _)| f.bevoegd_gezag == e.bevoegd_gezag)
                {
                    Some(slot) if key > slot.1 => *slot = (e, key),
                    Some(_) => {}
                    None => foreign.push((e, key)),
                }
            }
            for (e, _) in foreign {
                let owner = self.org_by_id(&e.bevoegd_gezag, &e.bevoegd_gezag, OrgKind::Gemeente);
                let bd_name = self
                    .engine
                    .organisations
                    .get(&e.behandeldienst)
                    .map_or(e.behandeldienst.clone(), |o| o.display_name());
                findings.push(Finding::new(
                    FindingCode::BdAndereBg,
                    format!(
                        "De configuratie van {} voor {} (behandeldienst {}) telt hier niet: dit verzoek gaat naar {}, en alleen de configuratie van het bevoegd gezag van het verzoek telt.",
                        owner.bg_name(),
                        a.def.name,
                        bd_name,
                        bg.bg_name()
                    ),
                    vec![a.def.id.clone(), e.bevoegd_gezag.clone(), e.behandeldienst.clone()],
                ));
            }
        }
        let bd = chosen.map(|id| self.org_by_id(id, id, OrgKind::Uitvoeringsorganisatie));
        BdResult { bd, findings }
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
