//! Steps 3 and 4: group the activities into verzoeken, and give each verzoek its one
//! bevoegd gezag. (SP1, SP2, L5–L7, L9, L10, R2)

use super::super::catalogue::{Activity, AdviesBasis, RoleAssumption};
use super::super::finding::Finding;
use super::super::ids::{AdviesRole, OrgKind, Verzoektype};
use super::super::organisations::Org;
use super::{Act, Advice, Ctx, Draft};

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
pub(super) fn group<'a>(
    ctx: &Ctx,
    acts: &'a [Act<'a>],
    findings: &mut Vec<Finding>,
) -> Vec<Group<'a>> {
    let types: Vec<Verzoektype> = Verzoektype::ALL
        .into_iter()
        .filter(|vt| acts.iter().any(|a| a.sel.verzoektype == *vt))
        .collect();
    if types.len() > 1 {
        findings.push(Finding::split_verzoektype(ctx.texts(), &types));
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
            findings.push(Finding::split_water(
                ctx.texts(),
                &defs(&water),
                &defs(&dry),
            ));
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
            None => per_bevoegd_gezag(ctx, g.verzoektype, g.acts, findings, &mut drafts),
        }
    }
    crate::short_sort::sort_by(&mut drafts, |a, b| {
        (a.verzoektype, &a.bg.id, first_pos(&a.acts)).cmp(&(
            b.verzoektype,
            &b.bg.id,
            first_pos(&b.acts),
        ))
    });
    drafts
}

/// Step 4 for every verzoektype but `aanvraag-vergunning`: one verzoek per distinct own
/// bevoegd gezag (finding `split-bevoegd-gezag`), added to `drafts`.
fn per_bevoegd_gezag<'a>(
    ctx: &Ctx,
    verzoektype: Verzoektype,
    acts: Vec<&'a Act<'a>>,
    findings: &mut Vec<Finding>,
    drafts: &mut Vec<Draft<'a>>,
) {
    let start = drafts.len();
    for a in acts {
        match drafts
            .iter_mut()
            .skip(start)
            .find(|d| d.bg.id == a.own_bg.id)
        {
            Some(d) => d.acts.push(a),
            None => drafts.push(Draft {
                verzoektype,
                acts: vec![a],
                bg: a.own_bg.clone(),
                adviseurs: Vec::new(),
                findings: Vec::new(),
            }),
        }
    }
    let bgs: Vec<&Org> = drafts.iter().skip(start).map(|d| &d.bg).collect();
    if bgs.len() > 1 {
        findings.push(Finding::split_bevoegd_gezag(ctx.texts(), verzoektype, &bgs));
    }
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
        if let Some(f) = bg_conflict(ctx, &rijk, first) {
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

    let mut adviseurs: Vec<Advice> = Vec::new();
    let mut roles = Vec::new();
    for a in &part {
        if a.own_bg.id == bg.id {
            continue;
        }
        let role = adviseur_role(ctx, a.def);
        if a.def.adviseur_role_assumption.is_some() {
            roles.push(Finding::bopa_adviesrol(ctx.texts(), &a.own_bg, a.def, role));
        }
        match adviseurs.iter_mut().find(|x| x.org.id == a.own_bg.id) {
            Some(x) => x.role = x.role.max(role),
            None => adviseurs.push(Advice {
                org: a.own_bg.clone(),
                role,
                basis: AdviesBasis::Wet,
                rule: None,
            }),
        }
    }
    if via.is_some() && !adviseurs.is_empty() {
        findings.push(magneet(ctx, &part, &bg, &adviseurs));
    }
    findings.extend(roles);
    Draft {
        verzoektype: Verzoektype::AanvraagVergunning,
        acts: part,
        bg,
        adviseurs,
        findings,
    }
}

/// The role of an activity's overruled own bevoegd gezag: the catalogue's, or the
/// assumption's where the catalogue leaves it to one (`bopa_adviesrol`, L15).
fn adviseur_role(ctx: &Ctx, def: &Activity) -> AdviesRole {
    match def.adviseur_role_assumption {
        Some(RoleAssumption::BopaAdviesrol) => {
            ctx.assumptions.bopa_adviesrol.unwrap_or(def.adviseur_role)
        }
        None => def.adviseur_role,
    }
}

/// `bg-conflict` when the rijk magneten of one aanvraag belong to different ministers.
fn bg_conflict(ctx: &Ctx, rijk: &[&Act], first: &Act) -> Option<Finding> {
    let mut ministers: Vec<&Org> = Vec::new();
    for a in rijk {
        if !ministers.iter().any(|m| m.id == a.own_bg.id) {
            ministers.push(&a.own_bg);
        }
    }
    if ministers.len() < 2 {
        return None;
    }
    Some(Finding::bg_conflict(
        ctx.texts(),
        &defs(rijk),
        &ministers,
        &first.own_bg,
    ))
}

/// `magneet`: every magneet that points at the chosen bevoegd gezag (so the finding does not
/// depend on the order of the activities), what it pulls along, and who advises instead.
fn magneet(ctx: &Ctx, part: &[&Act], bg: &Org, adviseurs: &[Advice]) -> Finding {
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
        ctx.texts(),
        &defs(&magneten),
        bg,
        &defs(&pulled),
        &adviseurs.iter().map(|x| &x.org).collect::<Vec<_>>(),
    )
}

fn first_pos(acts: &[&Act]) -> usize {
    acts.first().map_or(usize::MAX, |a| a.pos)
}

fn defs<'a>(acts: &[&'a Act]) -> Vec<&'a Activity> {
    acts.iter().map(|a| a.def).collect()
}
