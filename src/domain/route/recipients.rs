//! Step 6: who gets a trigger (the bevoegd gezag, its behandeldienst, or both), and the
//! adviseurs, who get none: those of a meervoudige aanvraag and the fixed adviseurs of the
//! activities and their flags (the veiligheidsregio for brandveilig gebruik by practice,
//! T10; at a Seveso-inrichting by law, L17). (T2–T4)

use super::super::catalogue::{VasteAdviseur, VasteAdviseurRegel};
use super::super::finding::Finding;
use super::super::ids::{AdviesRole, OrgKind, RecipientRole};
use super::super::organisations::Org;
use super::super::outcome::{Adviseur, Recipient, Verzoek};
use super::{bd_named, bg_named, count, own_bg, Advice, Ctx, Draft};

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
        .flat_map(|a| own_bg::activity_findings(ctx, a, draft.verzoektype))
        .collect();
    findings.extend(draft.findings.iter().cloned());
    findings.extend(bd_findings);
    let (recipients, copy) = recipients_for(ctx, &draft.bg, bd);
    findings.extend(copy);
    let adviseurs = vaste_adviseurs(ctx, draft, &recipients);
    for x in &adviseurs {
        findings.push(Finding::adviseur_zonder_trigger(
            ctx.texts(),
            &x.org,
            x.role,
            x.basis,
            x.rule.as_deref(),
        ));
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
            .map(|x| Adviseur {
                id: x.org.id.clone(),
                role: x.role,
                name: x.org.adviseur_name(),
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

/// The draft's adviseurs plus the fixed adviseurs of its activities and their flags that
/// apply to its verzoektype, unless they already receive the verzoek or are its bevoegd
/// gezag.
fn vaste_adviseurs(ctx: &Ctx, draft: &Draft, recipients: &[Recipient]) -> Vec<Advice> {
    let mut adviseurs = draft.adviseurs.clone();
    for a in &draft.acts {
        let regels = a
            .def
            .vaste_adviseurs
            .iter()
            .chain(a.applied.iter().flat_map(|e| e.vaste_adviseurs.iter()))
            .filter(|r| r.applies_to(draft.verzoektype));
        for r in regels {
            let Some(org) = fixed_adviseur(ctx, r) else {
                continue;
            };
            let is_recipient = recipients.iter().any(|x| x.id == org.id);
            if !is_recipient
                && org.id != draft.bg.id
                && !adviseurs.iter().any(|x| x.org.id == org.id)
            {
                adviseurs.push(Advice {
                    org,
                    role: AdviesRole::Advies,
                    basis: r.basis,
                    rule: r.rule.clone(),
                });
            }
        }
    }
    adviseurs
}

/// The organisation of a fixed adviseur at this location, if the location has one.
fn fixed_adviseur(ctx: &Ctx, r: &VasteAdviseurRegel) -> Option<Org> {
    let (named, kind) = match r.adviseur {
        VasteAdviseur::Veiligheidsregio => {
            (ctx.loc.veiligheidsregio.as_ref(), OrgKind::Veiligheidsregio)
        }
        VasteAdviseur::Omgevingsdienst => {
            (ctx.loc.omgevingsdienst.as_ref(), OrgKind::Omgevingsdienst)
        }
    };
    named.map(|n| ctx.org_by_id(&n.id, &n.name, kind))
}
