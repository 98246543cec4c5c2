//! The reveal: the score, the casus's explanation filled in from the engine's outcome, the
//! verzoeken, and the findings with their rules and sources (the explainer's `Findings`).

use yew::prelude::*;

use crate::domain::oefenen::{self, Casus, Grading};
use crate::domain::{Finding, Outcome};
use crate::ui::components::findings::Findings;
use crate::ui::i18n::Lang;
use crate::ui::state::oefenen::{OefenAction, OefenState};

#[derive(Properties, PartialEq)]
pub struct RevealProps {
    pub state: UseReducerHandle<OefenState>,
    pub grading: Grading,
    pub outcome: Outcome,
    /// The casus: its explanation is filled in by the domain (`oefenen::explanation`).
    pub casus: Casus,
    pub lang: Lang,
}

#[function_component(Reveal)]
pub fn reveal(props: &RevealProps) -> Html {
    let RevealProps {
        state,
        grading: g,
        outcome: o,
        casus,
        lang,
    } = props;
    let lang = *lang;
    let text = oefenen::explanation(casus, o, lang == Lang::En).unwrap_or_else(|e| e.to_string());
    let findings: Vec<Finding> = oefenen::all_findings(o).cloned().collect();
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
