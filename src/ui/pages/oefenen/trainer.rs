//! For trainers: turn the explainer's scenario into a casus, and download the casus or the
//! whole leerpad as files another trainer can open.

use yew::prelude::*;

use crate::domain::oefenen::{self, Casus};
use crate::domain::Engine;
use crate::ui::browser;
use crate::ui::context::use_app;
use crate::ui::forms::keep_value;
use crate::ui::state::oefenen::{OefenAction, OefenState};

#[derive(Properties, PartialEq)]
pub struct TrainerProps {
    pub state: UseReducerHandle<OefenState>,
}

/// A casus from the explainer's (complete) scenario, with this title and story.
fn make_casus(
    engine: &Engine,
    scenario: Option<serde_json::Value>,
    title: &str,
    story: &str,
) -> Result<Casus, String> {
    // TODO(merge): oefenen::draft_casus could take the `Scenario` itself (no JSON value).
    let scenario = scenario
        .ok_or_else(|| "kies eerst een locatie en activiteiten in de verklaarder".to_string())?;
    let title = Some(title.trim())
        .filter(|t| !t.is_empty())
        .unwrap_or("Eigen casus");
    let story = Some(story.trim())
        .filter(|s| !s.is_empty())
        .unwrap_or("(nog geen verhaal)");
    oefenen::draft_casus(engine, &scenario, title, story).map_err(|e| e.to_string())
}

#[function_component(Trainer)]
pub fn trainer(props: &TrainerProps) -> Html {
    let title = use_state(String::new);
    let story = use_state(String::new);
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (engine, lang, state) = (app.engine, app.state.lang, &props.state);
    let on_title = keep_value::<InputEvent>(&title);
    let on_story = keep_value::<InputEvent>(&story);
    let on_make = {
        let state = state.clone();
        let scenario = app
            .state
            .draft
            .to_scenario()
            .and_then(|s| serde_json::to_value(s).ok());
        let (title, story) = ((*title).clone(), (*story).clone());
        Callback::from(move |_| {
            state.dispatch(match make_casus(engine, scenario.clone(), &title, &story) {
                Ok(c) => OefenAction::Open(Box::new(c)),
                Err(m) => OefenAction::Message(format!("{m}. Uw voortgang is behouden.")),
            })
        })
    };
    let offer = |file: fn(&OefenState) -> Option<(String, serde_json::Value)>| {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some((name, value)) = file(&state) {
                if let Err(m) = browser::offer_json(&name, &value) {
                    state.dispatch(OefenAction::Message(m));
                }
            }
        })
    };
    let on_download = offer(|s| {
        let c = s.casus()?;
        Some((format!("{}.json", c.id), oefenen::casus_to_json(c)))
    });
    let on_download_leerpad = offer(|s| {
        let leerpad = s.leerpad();
        Some((
            format!("{}.leerpad.json", leerpad.id),
            oefenen::leerpad_to_json(&leerpad),
        ))
    });
    html! {
        <details class="rw-oef-trainer">
            <summary>{ lang.t("Voor trainers", "For trainers") }</summary>
            <div class="rw-field">
                <label for="rw-oef-title">{ lang.t("Titel van de nieuwe casus", "Title of the new casus") }</label>
                <input id="rw-oef-title" type="text" value={(*title).clone()} oninput={on_title} />
            </div>
            <div class="rw-field">
                <label for="rw-oef-story">{ lang.t("Verhaal", "Story") }</label>
                <textarea id="rw-oef-story" value={(*story).clone()} oninput={on_story} />
            </div>
            <button type="button" class="nl-button nl-button--primary" onclick={on_make}>
                { lang.t("Maak casus van de verklaarder", "Make a casus from the explainer") }
            </button>
            <button type="button" class="nl-button nl-button--secondary" onclick={on_download}>
                { lang.t("Download deze casus", "Download this casus") }
            </button>
            <button type="button" class="nl-button nl-button--secondary" onclick={on_download_leerpad}>
                { lang.t("Download het hele leerpad (één bestand)", "Download the whole leerpad (one file)") }
            </button>
        </details>
    }
}
