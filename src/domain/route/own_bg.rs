//! Step 2: the own bevoegd gezag of each activity. A flag with an exception decides (the most
//! central one wins, and it may make the activity a magneet); otherwise the activity's level.
//! (L1, L3, L11)

use super::super::catalogue::Exception;
use super::super::finding::Finding;
use super::super::scenario::SelectedActivity;
use super::{Act, Ctx};

pub(super) fn own_bevoegd_gezag<'a>(
    ctx: &Ctx<'a>,
    activities: &'a [SelectedActivity],
) -> Vec<Act<'a>> {
    let mut acts: Vec<Act> = Vec::with_capacity(activities.len());
    for (pos, sel) in activities.iter().enumerate() {
        let Some(def) = ctx.engine.catalogue.activity(&sel.activity) else {
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
        acts.push(Act {
            pos,
            sel,
            def,
            own_bg: ctx.org_for_level(level),
            default_bg: ctx.org_for_level(&def.level),
            magneet: exception.map_or(def.magneet, |e| e.magneet),
            exception,
        });
    }
    acts
}

/// `uitzondering`: the exception that changed the activity's own bevoegd gezag.
pub(super) fn exception_finding(ctx: &Ctx, a: &Act) -> Option<Finding> {
    let e = a.exception?;
    Some(Finding::uitzondering(
        ctx.texts(),
        a.def,
        e,
        &a.own_bg,
        &a.default_bg,
    ))
}
