//! Steps 3 and 4: group the activities into verzoeken, and give each verzoek its one
//! bevoegd gezag. (SP1, SP2, L5–L7, L9, L10, R2)

use super::super::catalogue::Activity;
use super::super::finding::Finding;
use super::super::ids::{AdviesRole, OrgKind, Verzoektype};
use super::super::organisations::Org;
use super::{Act, Ctx, Draft};

/// Activities of one verzoektype that can go in one verzoek as far as step 3 is concerned;
/// for `aanvraag-vergunning`, the water or the non-water part.
pub(super) struct Group<'a> {
    verzoektype: Verzoektype,
    /// `Some(is_water)` for a part of an `aanvraag-vergunning`.
    water: Option<bool>,
    acts: Vec<&'a Act<'a>>,
}

/// Step 3: by verzoektype (finding `split-verzoektype`); an `aanvraag-vergunning` group split
/// into water and non-water (finding `split-water`).
pub(super) fn group<'a>(acts: &'a [Act<'a>], findings: &mut Vec<Finding>) -> Vec<Group<'a>> {
    let types: Vec<Verzoektype> = Verzoektype::ALL
        .into_iter()
        .filter(|vt| acts.iter().any(|a| a.sel.verzoektype == *vt))
        .collect();
    if types.len() > 1 {
        findings.push(Finding::split_verzoektype(&types));
    }
    let mut groups = Vec::new();
    for verzoektype in types {
        let of_type: Vec<&Act> = acts
            .iter()
            .filter(|a| a.sel.verzoektype == verzoektype)
            .collect();
        if verzoektype != Verzoektype::AanvraagVergunning {
            groups.push(Group {
                verzoektype,
                water: None,
                acts: of_type,
            });
            continue;
        }
        let (water, dry): (Vec<&Act>, Vec<&Act>) = of_type.into_iter().partition(|a| a.def.water);
        if !water.is_empty() && !dry.is_empty() {
            findings.push(Finding::split_water(&defs(&water), &defs(&dry)));
        }
        for (part, is_water) in [(dry, false), (water, true)] {
            if !part.is_empty() {
                groups.push(Group {
                    verzoektype,
                    water: Some(is_water),
                    acts: part,
                });
            }
        }
    }
    groups
}

/// Step 4: an `aanvraag-vergunning` part is one meervoudige aanvraag with one bevoegd gezag;
/// every other group is one verzoek per distinct own bevoegd gezag. In the contract's order
/// (§4): verzoektype, bevoegd gezag id, position of the first activity.
pub(super) fn bevoegd_gezag_per_verzoek<'a>(
    ctx: &Ctx,
    groups: Vec<Group<'a>>,
    findings: &mut Vec<Finding>,
) -> Vec<Draft<'a>> {
    let mut drafts: Vec<Draft> = Vec::new();
    for g in groups {
        match g.water {
            Some(is_water) => drafts.push(aanvraag(ctx, g.acts, is_water)),
            None => drafts.extend(per_bevoegd_gezag(g.verzoektype, g.acts, findings)),
        }
    }
    drafts.sort_by(|a, b| {
        (a.verzoektype, &a.bg.id, first_pos(&a.acts)).cmp(&(
            b.verzoektype,
            &b.bg.id,
            first_pos(&b.acts),
        ))
    });
    drafts
}

/// Step 4 for every verzoektype but `aanvraag-vergunning`: one verzoek per distinct own
/// bevoegd gezag (finding `split-bevoegd-gezag`).
fn per_bevoegd_gezag<'a>(
    verzoektype: Verzoektype,
    acts: Vec<&'a Act<'a>>,
    findings: &mut Vec<Finding>,
) -> Vec<Draft<'a>> {
    let mut by_bg: Vec<(Org, Vec<&Act>)> = Vec::new();
    for a in acts {
        match by_bg.iter_mut().find(|(bg, _)| bg.id == a.own_bg.id) {
            Some((_, list)) => list.push(a),
            None => by_bg.push((a.own_bg.clone(), vec![a])),
        }
    }
    if by_bg.len() > 1 {
        findings.push(Finding::split_bevoegd_gezag(
            verzoektype,
            &by_bg.iter().map(|(bg, _)| bg).collect::<Vec<_>>(),
        ));
    }
    by_bg
        .into_iter()
        .map(|(bg, acts)| Draft {
            verzoektype,
            acts,
            bg,
            adviseurs: Vec::new(),
            findings: Vec::new(),
        })
        .collect()
}

/// Step 4 for an `aanvraag-vergunning` part: a rijk magneet (the first; two ministers add
/// `bg-conflict`), else a provincie magneet, else the one own bevoegd gezag they share, else
/// the gemeente (non-water) or waterschap (water). Every other own bevoegd gezag advises.
fn aanvraag<'a>(ctx: &Ctx, part: Vec<&'a Act<'a>>, is_water: bool) -> Draft<'a> {
    let mut findings = Vec::new();
    let magneet_of = |kind: OrgKind| -> Vec<&'a Act<'a>> {
        part.iter()
            .copied()
            .filter(|a| a.magneet && a.own_bg.kind == kind)
            .collect()
    };
    let rijk = magneet_of(OrgKind::Minister);
    let prov = magneet_of(OrgKind::Provincie);
    let (bg, via): (Org, Option<&Act>) = if let Some(first) = rijk.first() {
        if let Some(f) = bg_conflict(&rijk, first) {
            findings.push(f);
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
        findings.push(magneet(&part, &bg, &adviseurs));
    }
    Draft {
        verzoektype: Verzoektype::AanvraagVergunning,
        acts: part,
        bg,
        adviseurs,
        findings,
    }
}

/// `bg-conflict` when the rijk magneten of one aanvraag belong to different ministers.
fn bg_conflict(rijk: &[&Act], first: &Act) -> Option<Finding> {
    let mut ministers: Vec<&Org> = Vec::new();
    for a in rijk {
        if !ministers.iter().any(|m| m.id == a.own_bg.id) {
            ministers.push(&a.own_bg);
        }
    }
    if ministers.len() < 2 {
        return None;
    }
    Some(Finding::bg_conflict(&defs(rijk), &ministers, &first.own_bg))
}

/// `magneet`: every magneet that points at the chosen bevoegd gezag (so the finding does not
/// depend on the order of the activities), what it pulls along, and who advises instead.
fn magneet(part: &[&Act], bg: &Org, adviseurs: &[(Org, AdviesRole)]) -> Finding {
    let magneten: Vec<&Act> = part
        .iter()
        .copied()
        .filter(|a| a.magneet && a.own_bg.id == bg.id)
        .collect();
    let pulled: Vec<&Act> = part
        .iter()
        .copied()
        .filter(|a| a.own_bg.id != bg.id)
        .collect();
    Finding::magneet(
        &defs(&magneten),
        bg,
        &defs(&pulled),
        &adviseurs.iter().map(|(o, _)| o).collect::<Vec<_>>(),
    )
}

fn first_pos(acts: &[&Act]) -> usize {
    acts.first().map_or(usize::MAX, |a| a.pos)
}

fn defs<'a>(acts: &[&'a Act]) -> Vec<&'a Activity> {
    acts.iter().map(|a| a.def).collect()
}
