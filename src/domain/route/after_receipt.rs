//! Step 7: changes after receipt. Changing the bevoegd gezag re-addresses the verzoek (and
//! re-derives or keeps the behandeldienst); changing the behandeldienst is refused under
//! `dso: "2020"` and done under `2023`. Each step is one timeline entry with the state after
//! it. (C2–C6)

use super::super::error::ScenarioError;
use super::super::finding::Finding;
use super::super::ids::{Dso, OrgKind};
use super::super::outcome::{Recipient, TimelineStep};
use super::super::scenario::{AfterReceipt, AfterReceiptAction, Assumptions};
use super::{bd_named, behandeldienst, bg_named, count, recipients, Addressed, Ctx, Draft};

/// Step 7 over every after-receipt step, from each verzoek's state as submitted. Also the
/// assumptions as applied (`bd_after_bg_change` is shown once a bevoegd gezag changes).
pub(super) fn after_receipt(
    ctx: &Ctx,
    drafts: &[Draft],
    mut states: Vec<Addressed>,
    steps: &[AfterReceipt],
) -> Result<(Vec<TimelineStep>, Assumptions), ScenarioError> {
    let mut timeline: Vec<TimelineStep> = Vec::with_capacity(steps.len());
    let mut shown = ctx.assumptions;
    for (i, step) in steps.iter().enumerate() {
        let (Some(draft), Some(state)) = (drafts.get(step.verzoek), states.get_mut(step.verzoek))
        else {
            return Err(no_such_verzoek(i, step.verzoek, drafts.len()));
        };
        let mut findings = Vec::new();
        let recipients = match step.action {
            AfterReceiptAction::WijzigBevoegdGezag => {
                shown.bd_after_bg_change =
                    Some(ctx.assumptions.bd_after_bg_change.unwrap_or_default());
                change_bg(ctx, draft, state, step.to.as_deref(), &mut findings)
            }
            AfterReceiptAction::WijzigBehandeldienst => {
                change_bd(ctx, state, step.to.as_deref(), &mut findings)
            }
        };
        timeline.push(TimelineStep {
            step: i + 1,
            verzoek: step.verzoek,
            action: step.action,
            to: step.to.clone(),
            bevoegd_gezag: bg_named(&state.bg),
            behandeldienst: state.bd.as_ref().map(bd_named),
            triggers: count(&recipients),
            recipients,
            findings,
        });
    }
    Ok((timeline, shown))
}

fn no_such_verzoek(step: usize, verzoek: usize, count: usize) -> ScenarioError {
    ScenarioError::new(
        format!("after_receipt[{step}].verzoek"),
        format!(
            "verzoek {verzoek} bestaat niet (dit scenario heeft {count} verzoek{}: {})",
            if count == 1 { "" } else { "en" },
            (0..count)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// `wijzig-bevoegd-gezag`: the new bevoegd gezag gets the verzoek, with the behandeldienst
/// re-derived from its configuration (`re-derive`, the default) or kept (`keep`).
fn change_bg(
    ctx: &Ctx,
    draft: &Draft,
    state: &mut Addressed,
    to: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Vec<Recipient> {
    use super::super::ids::BdAfterBgChange;
    let to = to.unwrap_or_default();
    let new_bg = ctx.org_by_id(to, to, OrgKind::Gemeente);
    findings.push(Finding::bg_gewijzigd(ctx.texts(), &state.bg, &new_bg));
    let bd = match ctx.assumptions.bd_after_bg_change.unwrap_or_default() {
        BdAfterBgChange::ReDerive => {
            let r = behandeldienst::behandeldienst(ctx, &new_bg, &draft.acts, draft.verzoektype);
            findings.extend(r.findings);
            r.bd
        }
        BdAfterBgChange::Keep => state.bd.clone(),
    };
    let (recipients, copy) = recipients::recipients_for(ctx, &new_bg, bd.as_ref());
    findings.extend(copy);
    *state = Addressed { bg: new_bg, bd };
    recipients
}

/// `wijzig-behandeldienst`: refused under `dso: "2020"`; under `2023` the new behandeldienst
/// gets one trigger, and `to: null` removes it and sends none.
fn change_bd(
    ctx: &Ctx,
    state: &mut Addressed,
    to: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Vec<Recipient> {
    match ctx.assumptions.dso {
        Dso::V2020 => {
            findings.push(Finding::bd_niet_wijzigbaar(ctx.texts(), to));
            Vec::new()
        }
        Dso::V2023 => {
            let new_bd = to.map(|id| ctx.org_by_id(id, id, OrgKind::Uitvoeringsorganisatie));
            findings.push(Finding::bd_gewijzigd(ctx.texts(), new_bd.as_ref()));
            let recipients = new_bd
                .iter()
                .map(recipients::behandeldienst_recipient)
                .collect();
            state.bd = new_bd;
            recipients
        }
    }
}
