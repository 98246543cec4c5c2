//! The reveal: the score, the casus's explanation filled in from the engine's outcome, the
//! verzoeken, and the findings with their rules and sources (the explainer's `Findings`).

use yew::prelude::*;

use crate::domain::oefenen::{fill_explanation, Grading};
use crate::domain::{Finding, Outcome};
use crate::ui::components::findings::Findings;
use crate::ui::i18n::Lang;
use crate::ui::state::oefenen::{OefenAction, OefenState};

#[derive(Properties, PartialEq)]
pub struct RevealProps {
    pub state: UseReducerHandle<OefenState>,
    pub grading: Grading,
    pub outcome: Outcome,
    /// The casus's explanation, with placeholders for the outcome.
    pub explanation: String,
    pub lang: Lang,
}

/// Every finding of the outcome: per verzoek, overall, after receipt.
fn all_findings(o: &Outcome) -> Vec<Finding> {
    o.verzoeken
        .iter()
        .flat_map(|v| v.findings.iter())
        .chain(o.findings.iter())
        .chain(o.timeline.iter().flat_map(|s| s.findings.iter()))
        .cloned()
        .collect()
}

#[function_component(Reveal)]
pub fn reveal(props: &RevealProps) -> Html {
    let RevealProps {
        state,
        grading: g,
        outcome: o,
        explanation,
        lang,
    } = props;
    let lang = *lang;
    let text = fill_explanation(explanation, o).unwrap_or_default();
    let findings = all_findings(o);
    let onretry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Retry))
    };
    let next = state.current + 1;
    let onnext = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Go(next)))
    };
    html! {
        <section class="rw-oef-reveal" aria-labelledby="rw-h-oef-reveal">
            <h3 id="rw-h-oef-reveal">{ format!("{}: {} / {}", lang.t("Uitkomst", "Outcome"), g.right, g.total) }</h3>
            <p class="rw-oef-explanation">{ text }</p>
            <ul class="rw-oef-verzoeken">
                { for o.verzoeken.iter().map(|v| html! {
                    <li>{ format!("{} ({}): {} {}, {} {}, {} trigger(s)",
                        v.verzoektype.as_str(), v.activities.join(", "),
                        lang.t("bevoegd gezag", "bevoegd gezag"), v.bevoegd_gezag.name,
                        lang.t("behandeldienst", "behandeldienst"),
                        v.behandeldienst.as_ref().map_or(lang.t("geen", "none").to_string(), |b| b.name.clone()),
                        v.triggers) }</li>
                }) }
            </ul>
            if !findings.is_empty() {
                <h4>{ lang.t("Waarom: regels en bronnen", "Why: rules and sources") }</h4>
                <div class="rw-oef-rules"><Findings {findings} {lang} /></div>
            }
            <div class="rw-file-actions">
                <button type="button" class="rw-button" onclick={onretry}>{ lang.t("Opnieuw", "Try again") }</button>
                if next < state.casussen.len() {
                    <button type="button" class="rw-button" onclick={onnext}>{ lang.t("Volgende casus", "Next casus") }</button>
                }
            </div>
        </section>
    }
}
