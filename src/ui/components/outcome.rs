//! The outcome: one card per verzoek with its picture of who gets what and its findings,
//! the findings about the whole scenario, and the steps after receipt. The total is in the
//! summary (`summary.rs`). Derived by the shell, read from the context.

use yew::prelude::*;

use super::findings::Findings;
use super::flow::{flow, org_named};
use crate::domain::outcome::{TimelineStep, Verzoek};
use crate::domain::scenario::AfterReceiptAction;
use crate::domain::{Engine, Finding, FindingCode};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;

fn activity_name(engine: &Engine, id: &str) -> String {
    engine
        .catalogue
        .activity(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// One verzoek: what it is, who gets what, and its findings. `heading` is the level its
/// title takes where it is shown (`h3` in the explainer, `h4` in Oefenen's reveal).
pub fn verzoek_card(
    engine: &Engine,
    (index, verzoek): (usize, &Verzoek),
    heading: &'static str,
    lang: Lang,
) -> Html {
    let activities = verzoek
        .activities
        .iter()
        .map(|a| activity_name(engine, a))
        .collect::<Vec<_>>()
        .join(", ");
    let triggers = verzoek.triggers as usize;
    // Why it has no behandeldienst goes in the picture, with its source.
    let (why_none, findings): (Vec<Finding>, Vec<Finding>) = verzoek
        .findings
        .iter()
        .cloned()
        .partition(|f| f.code == FindingCode::GeenBehandeldienst);
    html! {
        <li class="rw-card rw-verzoek" data-verzoektype={verzoek.verzoektype.as_str()}>
            <@{heading}>{ format!("{} {}: {}", lang.t("Verzoek", "Verzoek"), index + 1, verzoek.verzoektype.label_in(lang)) }</@>
            <p class="rw-verzoek-about">
                <span lang="nl">{ activities }</span>{ " · " }
                <span class="rw-triggers">{ triggers }</span>
                { if triggers == 1 { " verzoeknotificatie" } else { " verzoeknotificaties" } }
            </p>
            { flow(engine, verzoek, html! { <Findings findings={why_none} {lang} /> }, lang) }
            <Findings {findings} {lang} />
        </li>
    }
}

/// A change after receipt, in words.
fn timeline_step(engine: &Engine, step: &TimelineStep, lang: Lang) -> Html {
    let to = step
        .to
        .as_deref()
        .map_or_else(|| lang.t("geen", "none").to_string(), |id| org_named(engine, id));
    let what = match step.action {
        AfterReceiptAction::WijzigBevoegdGezag => lang.t("bevoegd gezag gewijzigd in", "bevoegd gezag changed to"),
        AfterReceiptAction::WijzigBehandeldienst => lang.t("behandeldienst gewijzigd in", "behandeldienst changed to"),
    };
    let n = step.triggers as usize;
    html! {
        <li>
            { format!("{} {}: {what} {to}; {n} {}", lang.t("Verzoek", "Verzoek"), step.verzoek + 1,
                if n == 1 { "verzoeknotificatie" } else { "verzoeknotificaties" }) }
            <Findings findings={step.findings.clone()} {lang} />
        </li>
    }
}

#[function_component(OutcomeView)]
pub fn outcome_view() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (engine, lang) = (app.engine, app.state.lang);
    let outcome = match &*app.outcome {
        None => {
            return html! {
                <p class="rw-muted rw-placeholder">{ lang.t(
                    "Kies een locatie en ten minste één activiteit; dan ziet u hier welke verzoeken het Omgevingsloket maakt en wie ze krijgt.",
                    "Choose a location and at least one activity to see which verzoeken the Omgevingsloket makes and who receives them.") }</p>
            }
        }
        Some(Err(message)) => {
            return html! {
                <p class="rw-error" role="alert">
                    { lang.t("Dit scenario kan niet worden gerouteerd: ", "This scenario cannot be routed: ") }
                    <span lang="nl">{ message }</span>
                </p>
            };
        }
        Some(Ok(outcome)) => outcome,
    };
    html! {
        <div class="rw-outcome">
            <Findings findings={outcome.findings.clone()} {lang} />
            <ol class="rw-verzoeken">
                { for outcome.verzoeken.iter().enumerate().map(|v| verzoek_card(engine, v, "h3", lang)) }
            </ol>
            if !outcome.timeline.is_empty() {
                <h3>{ lang.t("Na ontvangst", "After receipt") }</h3>
                <ol class="rw-timeline">
                    { for outcome.timeline.iter().map(|step| timeline_step(engine, step, lang)) }
                </ol>
            }
        </div>
    }
}
