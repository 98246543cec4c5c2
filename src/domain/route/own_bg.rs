//! Step 2: the own bevoegd gezag of each activity. A flag with an exception decides (the most
//! central one wins, and it may make the activity a magneet); otherwise the activity's level.
//! A flag may set another aside (`excludes`: intensive livestock is the exception to the
//! IPPC rule). An activity without toepasbare regels makes no verzoek at all (vraagstuk 4).
//! (L1, L3, L11, L14, T9)

use super::super::catalogue::{Exception, ToepasbareRegels};
use super::super::finding::Finding;
use super::super::ids::Verzoektype;
use super::super::scenario::SelectedActivity;
use super::{Act, Ctx};

pub(super) fn own_bevoegd_gezag<'a>(
    ctx: &Ctx<'a>,
    activities: &'a [SelectedActivity],
    findings: &mut Vec<Finding>,
) -> Vec<Act<'a>> {
    let mut acts: Vec<Act> = Vec::with_capacity(activities.len());
    for (pos, sel) in activities.iter().enumerate() {
        let Some(def) = ctx.engine.catalogue.activity(&sel.activity) else {
            continue; // cannot happen: the scenario was validated against this catalogue
        };
        let set: Vec<&Exception> = def
            .exceptions
            .iter()
            .filter(|e| sel.flags.contains(&e.flag))
            .collect();
        let applied: Vec<&Exception> = set
            .iter()
            .copied()
            .filter(|e| !set.iter().any(|x| x.excludes.contains(&e.flag)))
            .collect();
        let mut exception: Option<&Exception> = None;
        for e in &applied {
            if exception.is_none_or(|x| e.level.centrality() > x.level.centrality()) {
                exception = Some(e);
            }
        }
        let level = exception.map_or(&def.level, |e| &e.level);
        let act = Act {
            pos,
            sel,
            def,
            own_bg: ctx.org_for_level(level),
            default_bg: ctx.org_for_level(&def.level),
            magneet: exception.map_or(def.magneet, |e| e.magneet),
            exception,
            applied,
        };
        let rules = sel
            .toepasbare_regels
            .unwrap_or(def.toepasbare_regels != ToepasbareRegels::Geen);
        if rules {
            acts.push(act);
        } else {
            findings.push(Finding::geen_toepasbare_regels(
                ctx.texts(),
                def,
                &act.own_bg,
            ));
        }
    }
    acts
}

/// What the catalogue says about one activity of a verzoek: `uitzondering` when a flag
/// changed its own bevoegd gezag, then the notes of the activity (for this verzoektype) and
/// of the flag that decided.
pub(super) fn activity_findings(ctx: &Ctx, a: &Act, verzoektype: Verzoektype) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(e) = a.exception.filter(|_| a.own_bg.id != a.default_bg.id) {
        out.push(Finding::uitzondering(
            ctx.texts(),
            a.def,
            e,
            &a.own_bg,
            &a.default_bg,
        ));
    }
    let notes = a
        .def
        .notes
        .iter()
        .chain(a.exception.iter().flat_map(|e| e.notes.iter()))
        .filter(|n| n.verzoektype.is_none_or(|v| v == verzoektype));
    for n in notes {
        out.extend(Finding::note(ctx.texts(), n.code, a.def, &a.own_bg));
    }
    out
}
