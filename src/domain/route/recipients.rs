//! Step 6: who gets a trigger (the bevoegd gezag, its behandeldienst, or both), and the
//! adviseurs, who get none: those of a meervoudige aanvraag and the activities' fixed
//! adviseurs (the veiligheidsregio for brandveilig gebruik). (T2–T4)

use super::super::catalogue::VasteAdviseur;
use super::super::finding::Finding;
use super::super::ids::{AdviesRole, OrgKind, RecipientRole};
use super::super::organisations::Org;
use super::super::outcome::{Adviseur, Recipient, Verzoek};
use super::{bd_named, bg_named, count, own_bg, Ctx, Draft};

/// The verzoek as submitted: steps 5 and 6 put together, with every finding about it in a
/// fixed order (exceptions, step 4, step 5, recipients, adviseurs).
pub(super) fn verzoek(
    ctx: &Ctx,
    draft: &Draft,
    bd: Option<&Org>,
    bd_findings: Vec<Finding>,
) -> Verzoek {
    let mut findings: Vec<Finding> = draft
        .acts
        .iter()
        .filter_map(|a| own_bg::exception_finding(ctx, a))
        .collect();
    findings.extend(draft.findings.iter().cloned());
    findings.extend(bd_findings);
    let (recipients, copy) = recipients_for(ctx, &draft.bg, bd);
    findings.extend(copy);
    let adviseurs = vaste_adviseurs(ctx, draft, &recipients);
    for (org, role) in &adviseurs {
        findings.push(Finding::adviseur_zonder_trigger(ctx.texts(), org, *role));
    }
    Verzoek {
        verzoektype: draft.verzoektype,
        activities: draft.acts.iter().map(|a| a.def.id.clone()).collect(),
        bevoegd_gezag: bg_named(&draft.bg),
        behandeldienst: bd.map(bd_named),
        triggers: count(&recipients),
        recipients,
        adviseurs: adviseurs
            .iter()
            .map(|(org, role)| Adviseur {
                id: org.id.clone(),
                role: *role,
                name: org.adviseur_name(),
            })
            .collect(),
        findings,
    }
}

/// Step 6: with a behandeldienst D ≠ B, B (a copy, `bd-copy`) and D when
/// `bg_notified_when_bd`, else D alone (`bg-geen-kopie`); without one, B alone.
pub(super) fn recipients_for(
    ctx: &Ctx,
    bg: &Org,
    bd: Option<&Org>,
) -> (Vec<Recipient>, Option<Finding>) {
    let bg_recipient = Recipient {
        id: bg.id.clone(),
        role: RecipientRole::BevoegdGezag,
        name: bg.bg_name(),
    };
    let Some(bd) = bd.filter(|bd| bd.id != bg.id) else {
        return (vec![bg_recipient], None);
    };
    let copy = ctx.assumptions.bg_notified_when_bd;
    let finding = Finding::bd_copy(ctx.texts(), bg, bd, copy);
    let bd_recipient = behandeldienst_recipient(bd);
    if copy {
        (vec![bg_recipient, bd_recipient], Some(finding))
    } else {
        (vec![bd_recipient], Some(finding))
    }
}

pub(super) fn behandeldienst_recipient(bd: &Org) -> Recipient {
    Recipient {
        id: bd.id.clone(),
        role: RecipientRole::Behandeldienst,
        name: bd.display_name(),
    }
}

/// The draft's adviseurs plus the activities' fixed adviseurs, unless they already receive
/// the verzoek or are its bevoegd gezag.
fn vaste_adviseurs(ctx: &Ctx, draft: &Draft, recipients: &[Recipient]) -> Vec<(Org, AdviesRole)> {
    let mut adviseurs = draft.adviseurs.clone();
    for a in &draft.acts {
        for v in &a.def.vaste_adviseurs {
            let (named, kind) = match v {
                VasteAdviseur::Veiligheidsregio => {
                    (ctx.loc.veiligheidsregio.as_ref(), OrgKind::Veiligheidsregio)
                }
                VasteAdviseur::Omgevingsdienst => {
                    (ctx.loc.omgevingsdienst.as_ref(), OrgKind::Omgevingsdienst)
                }
            };
            let Some(named) = named else { continue };
            let org = ctx.org_by_id(&named.id, &named.name, kind);
            let is_recipient = recipients.iter().any(|r| r.id == org.id);
            if !is_recipient
                && org.id != draft.bg.id
                && !adviseurs.iter().any(|(o, _)| o.id == org.id)
            {
                adviseurs.push((org, AdviesRole::Advies));
            }
        }
    }
    adviseurs
}
