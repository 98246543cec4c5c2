//! The reveal: the score, the casus's explanation filled in from the engine's outcome, the
//! verzoeken with the explainer's picture of who gets what and their findings (rules and
//! sources), and the findings about the whole casus.

use yew::prelude::*;

use crate::domain::oefenen::{self, Casus, Grading};
use crate::domain::{Finding, Outcome};
use crate::ui::components::findings::Findings;
use crate::ui::components::outcome::verzoek_card;
use crate::ui::context::use_app;
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
    /// The explanation is in Dutch only (a trainer's own casus).
    pub dutch_only: bool,
}

/// The findings not about one verzoek: overall, after receipt.
fn other_findings(o: &Outcome) -> Vec<Finding> {
    o.findings
        .iter()
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
        casus,
        lang,
        dutch_only,
    } = props;
    let lang = *lang;
    let Some(app) = use_app() else {
        return Html::default();
    };
    let text = oefenen::explanation(casus, o, lang == Lang::En).unwrap_or_else(|e| e.to_string());
    let findings = other_findings(o);
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
            <p class="rw-oef-explanation" lang={dutch_only.then_some("nl")}>{ text }</p>
            <div class="rw-oef-rules">
                <ol class="rw-verzoeken">
                    { for o.verzoeken.iter().enumerate().map(|v| verzoek_card(app.engine, v, "h4", lang)) }
                </ol>
                <Findings {findings} {lang} />
            </div>
            <div class="rw-file-actions">
                <button type="button" class="nl-button nl-button--secondary" onclick={onretry}>{ lang.t("Opnieuw", "Try again") }</button>
                if next < state.casussen.len() {
                    <button type="button" class="nl-button nl-button--primary" onclick={onnext}>{ lang.t("Volgende casus", "Next casus") }</button>
                }
            </div>
        </section>
    }
}
