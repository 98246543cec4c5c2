//! Step 5: the behandeldienst of a verzoek with bevoegd gezag B. Per activity the most
//! specific entry of B wins; the activities' results combine per `bd_merge`. The findings
//! say which configured behandeldienst is passed over and why. (B2–B5, B9, B11, B12)

use super::super::catalogue::Activity;
use super::super::configuration::ConfigEntry;
use super::super::finding::{Finding, NoBdWhy};
use super::super::ids::{BdMerge, OrgKind, Verzoektype};
use super::super::organisations::Org;
use super::{Act, Ctx};

/// The behandeldienst of a verzoek, with the bd-* findings.
pub(super) struct BdResult {
    pub(super) bd: Option<Org>,
    pub(super) findings: Vec<Finding>,
}

/// How specific an entry is for an activity (contract §5 step 5): exact activity over group,
/// then exact verzoektype over null, then a gemeenten list over null. Higher wins.
type Specificity = (bool, bool, bool);

/// Does `entry` name this activity or its group? Then how specifically.
fn specificity(entry: &ConfigEntry, def: &Activity) -> Option<Specificity> {
    let exact = if entry.activity == def.id {
        true
    } else if def.parent.as_deref() == Some(entry.activity.as_str()) {
        false
    } else {
        return None;
    };
    Some((
        exact,
        entry.verzoektype.is_some(),
        entry.gemeenten.is_some(),
    ))
}

/// Does `entry` name this activity or its group?
fn names_activity(entry: &ConfigEntry, def: &Activity) -> bool {
    specificity(entry, def).is_some()
}

/// The most specific of `entries` for `def`, for the verzoektype and gemeente.
fn most_specific<'e>(
    entries: impl Iterator<Item = &'e ConfigEntry>,
    def: &Activity,
    vt: Verzoektype,
    gemeente: &str,
) -> Option<&'e ConfigEntry> {
    let mut best: Option<(&ConfigEntry, Specificity)> = None;
    for e in entries {
        if !e.covers_verzoektype(vt) || !e.covers_gemeente(gemeente) {
            continue;
        }
        let Some(key) = specificity(e, def) else {
            continue;
        };
        if best.is_none_or(|(_, k)| key > k) {
            best = Some((e, key));
        }
    }
    best.map(|(e, _)| e)
}

/// Step 5 for a verzoek: each activity's entry under `bg`, combined per `bd_merge`, with the
/// findings `bd-mixed`, `bd-verzoektype`, `bd-locatie` and `bd-andere-bg`, and without a
/// behandeldienst always `geen-behandeldienst` with its one reason.
pub(super) fn behandeldienst(ctx: &Ctx, bg: &Org, acts: &[&Act], vt: Verzoektype) -> BdResult {
    let g = ctx.loc.gemeente.id.as_str();
    let merge = ctx.assumptions.bd_merge;
    let per_act: Vec<Option<&ConfigEntry>> = acts
        .iter()
        .map(|a| {
            most_specific(
                ctx.entries.iter().filter(|e| e.bevoegd_gezag == bg.id),
                a.def,
                vt,
                g,
            )
        })
        .collect();
    let chosen = merged(merge, &per_act);
    let mut findings = Vec::new();
    let mut misses: Vec<(&Act, NearMiss)> = Vec::new();
    // Activities without a behandeldienst that another bestuursorgaan configured, and who.
    let mut configured_elsewhere: (Vec<&Activity>, Vec<Org>) = (Vec::new(), Vec::new());
    for (a, res) in acts.iter().zip(&per_act) {
        match res {
            Some(e) if Some(e.behandeldienst.as_str()) != chosen => {
                findings.push(Finding::bd_mixed(
                    ctx.texts(),
                    a.def,
                    bg,
                    &ctx.bd_org(&e.behandeldienst),
                    merge,
                ));
            }
            Some(_) => {}
            None => {
                let m = near_miss(ctx, a, bg, vt);
                findings.extend(near_miss_findings(ctx, a, bg, vt, &m));
                misses.push((a, m));
            }
        }
        for e in foreign(ctx, a, bg, vt, res.is_some()) {
            let owner = ctx.org_by_id(&e.bevoegd_gezag, &e.bevoegd_gezag, OrgKind::Gemeente);
            findings.push(Finding::bd_andere_bg(
                ctx.texts(),
                a.def,
                &owner,
                &ctx.bd_org(&e.behandeldienst),
                bg,
            ));
            if res.is_none() {
                let (acts, owners) = &mut configured_elsewhere;
                if !acts.iter().any(|x| x.id == a.def.id) {
                    acts.push(a.def);
                }
                if !owners.iter().any(|o| o.id == owner.id) {
                    owners.push(owner);
                }
            }
        }
    }
    if chosen.is_none() {
        let why = why_none(ctx, bg, acts, vt, &per_act, &misses, configured_elsewhere);
        findings.push(Finding::geen_behandeldienst(ctx.texts(), bg, why));
    }
    let without_mandate = chosen.filter(|id| {
        *id != bg.id
            && per_act
                .iter()
                .flatten()
                .any(|e| e.behandeldienst == *id && e.mandaat == Some(false))
    });
    if let Some(id) = without_mandate {
        findings.push(Finding::bd_zonder_mandaat(ctx.texts(), &ctx.bd_org(id), bg));
    }
    findings.extend(brzo(ctx, bg, acts, &per_act, chosen));
    let bd = chosen.map(|id| ctx.bd_org(id));
    BdResult { bd, findings }
}

/// `brzo-behandeldienst`: the first Brzo activity (a flag marked `brzo`) of a provincie's
/// verzoek that the configuration links to another behandeldienst than the provincie's Brzo
/// omgevingsdienst (its own entry, else the verzoek's behandeldienst). (B14, B15)
fn brzo(
    ctx: &Ctx,
    bg: &Org,
    acts: &[&Act],
    per_act: &[Option<&ConfigEntry>],
    chosen: Option<&str>,
) -> Option<Finding> {
    if bg.kind != OrgKind::Provincie {
        return None;
    }
    let dienst = ctx.engine.organisations.brzo_dienst(&bg.id)?;
    acts.iter().zip(per_act).find_map(|(a, res)| {
        let bd = res.map(|e| e.behandeldienst.as_str()).or(chosen)?;
        (a.applied.iter().any(|e| e.brzo) && bd != dienst.id).then(|| {
            Finding::brzo_behandeldienst(
                ctx.texts(),
                a.def,
                (bg, &ctx.bd_org(bd)),
                &ctx.loc.provincie,
                &ctx.bd_org(&dienst.id),
            )
        })
    })
}

/// Why a verzoek got no behandeldienst, in one reason: no configuration chosen; else
/// activities that resolved differently (B12); else activities configured only for another
/// verzoektype (B3), or only for other gemeenten (B5); else configured by another
/// bestuursorgaan (B11); else nothing for these activities, or nothing at all, under this
/// bevoegd gezag (B2). Each names every activity it applies to, so it does not depend on
/// their order.
fn why_none<'a>(
    ctx: &'a Ctx,
    bg: &Org,
    acts: &[&'a Act],
    vt: Verzoektype,
    per_act: &[Option<&ConfigEntry>],
    misses: &[(&'a Act, NearMiss)],
    (elsewhere, owners): (Vec<&'a Activity>, Vec<Org>),
) -> NoBdWhy<'a> {
    if !ctx.configured {
        return NoBdWhy::NoConfiguration;
    }
    if let (true, Some(first)) = (per_act.iter().any(Option::is_some), acts.first()) {
        return NoBdWhy::ActivitiesDiffer(ctx.assumptions.bd_merge, first.def);
    }
    let mut other_types: Vec<Verzoektype> = Vec::new();
    let mut of_type: Vec<&Activity> = Vec::new();
    for (a, m) in misses.iter().filter(|(_, m)| !m.other_types.is_empty()) {
        of_type.push(a.def);
        for t in &m.other_types {
            if !other_types.contains(t) {
                other_types.push(*t);
            }
        }
    }
    if !of_type.is_empty() {
        crate::short_sort::sort_by(&mut other_types, Ord::cmp);
        return NoBdWhy::OtherVerzoektype(of_type, other_types, vt);
    }
    let of_place: Vec<&Activity> = misses
        .iter()
        .filter(|(_, m)| m.other_places > 0)
        .map(|(a, _)| a.def)
        .collect();
    if !of_place.is_empty() {
        return NoBdWhy::OtherGemeenten(of_place, &ctx.loc.gemeente);
    }
    if !elsewhere.is_empty() {
        return NoBdWhy::OtherBevoegdGezag(elsewhere, owners);
    }
    if ctx.entries.iter().any(|e| e.bevoegd_gezag == bg.id) {
        NoBdWhy::ActivitiesNotConfigured(acts.iter().map(|a| a.def).collect())
    } else {
        NoBdWhy::NothingConfiguredByBg
    }
}

/// `bd_merge`: `all-same` → X when every activity resolves to X; `any-single` → X when X is
/// the only behandeldienst found; `first-activity` → the first activity's.
fn merged<'e>(merge: BdMerge, per_act: &[Option<&'e ConfigEntry>]) -> Option<&'e str> {
    let found: Vec<&str> = per_act
        .iter()
        .flatten()
        .map(|e| e.behandeldienst.as_str())
        .collect();
    match merge {
        BdMerge::AllSame => match found.first() {
            Some(x) if found.len() == per_act.len() && found.iter().all(|y| y == x) => Some(x),
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
    }
}

/// What an activity without a behandeldienst under its bevoegd gezag nearly had: entries of
/// that bevoegd gezag for it that failed only on verzoektype (their verzoektypes), or only
/// on gemeenten (how many other gemeenten).
struct NearMiss {
    other_types: Vec<Verzoektype>,
    other_places: usize,
}

fn near_miss(ctx: &Ctx, a: &Act, bg: &Org, vt: Verzoektype) -> NearMiss {
    let g = ctx.loc.gemeente.id.as_str();
    let mut other_types: Vec<Verzoektype> = Vec::new();
    let mut other_places: Vec<&String> = Vec::new();
    for e in ctx.entries {
        if e.bevoegd_gezag != bg.id || !names_activity(e, a.def) {
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
                if !other_places.contains(&x) {
                    other_places.push(x);
                }
            }
        }
    }
    crate::short_sort::sort_by(&mut other_types, Ord::cmp);
    NearMiss {
        other_types,
        other_places: other_places.len(),
    }
}

/// `bd-verzoektype` / `bd-locatie` for a near miss.
fn near_miss_findings(ctx: &Ctx, a: &Act, bg: &Org, vt: Verzoektype, m: &NearMiss) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !m.other_types.is_empty() {
        findings.push(Finding::bd_verzoektype(
            ctx.texts(),
            a.def,
            bg,
            &m.other_types,
            vt,
        ));
    }
    if m.other_places > 0 {
        findings.push(Finding::bd_locatie(
            ctx.texts(),
            a.def,
            bg,
            m.other_places,
            &ctx.loc.gemeente,
        ));
    }
    findings
}

/// `bd-andere-bg`: per other bestuursorgaan competent here, its most specific entry that
/// would have matched. Only where it explains something: the activity found no
/// behandeldienst under `bg` (`resolved` false), or the entry is its own bevoegd gezag's
/// (overruled by a magneet) or that of its level before an exception (the gemeente of an
/// IPPC installation).
fn foreign<'e>(
    ctx: &Ctx<'e>,
    a: &Act,
    bg: &Org,
    vt: Verzoektype,
    resolved: bool,
) -> Vec<&'e ConfigEntry> {
    let g = ctx.loc.gemeente.id.as_str();
    let mut best: Vec<(&'e ConfigEntry, Specificity)> = Vec::new();
    for e in ctx.entries {
        let owner = e.bevoegd_gezag.as_str();
        let explains = !resolved || owner == a.own_bg.id || owner == a.default_bg.id;
        if owner == bg.id
            || !explains
            || !ctx.competent.iter().any(|c| c == owner)
            || !e.covers_verzoektype(vt)
            || !e.covers_gemeente(g)
        {
            continue;
        }
        let Some(key) = specificity(e, a.def) else {
            continue;
        };
        match best.iter_mut().find(|(f, _)| f.bevoegd_gezag == owner) {
            Some(slot) if key > slot.1 => *slot = (e, key),
            Some(_) => {}
            None => best.push((e, key)),
        }
    }
    best.into_iter().map(|(e, _)| e).collect()
}
