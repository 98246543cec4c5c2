//! Oefenen: the training view. The trainee answers a casus first (bevoegd gezag,
//! behandeldienst, triggers, who misses out), then the engine's outcome is revealed next to
//! the answers with each part marked right or wrong (text and icon), the explanation and the
//! rules with their sources. Its state and reducer are `state::oefenen` (plain Rust); this
//! page routes the casus (a memo), keeps the progress in localStorage, and reads files.

mod questions;
mod reveal;
mod trainer;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::oefenen::{self, bundled_leerpad, choices, expected_from_outcome, Answers};
use crate::domain::outcome::Named;
use crate::domain::{Engine, Outcome};
use crate::ui::browser::{self, Reading};
use crate::ui::components::notice::notice;
use crate::ui::context::{use_app, AppContext};
use crate::ui::i18n::Lang;
use crate::ui::links;
use crate::ui::state::oefenen::progress::{Progress, STORAGE_NAME};
use crate::ui::state::oefenen::{open_files, OefenAction, OefenState, Step};
use crate::ui::storage;
use questions::Questions;
use reveal::Reveal;
use trainer::Trainer;

impl Reducible for OefenState {
    type Action = OefenAction;
    fn reduce(self: Rc<Self>, action: OefenAction) -> Rc<OefenState> {
        Rc::new((*self).clone().reduce(action))
    }
}

/// The stored progress (a corrupt or foreign one set aside, with a message), the bundled
/// leerpad, and a casus from the link.
fn initial(app: &AppContext) -> OefenState {
    let key = app.embedding.storage_key(STORAGE_NAME);
    let stored = key.as_deref().and_then(|k| Some((k, storage::read(k)?)));
    let (progress, message) = match stored {
        None => (Progress::fresh(), None),
        Some((key, text)) => match Progress::from_text(&text) {
            Ok(progress) => (progress, None),
            Err(problem) => {
                let aside = storage::set_aside(key, &text);
                let what = "De opgeslagen oefenvoortgang";
                (
                    Progress::fresh(),
                    Some(storage::report(what, problem, &aside, key)),
                )
            }
        },
    };
    let bundled = bundled_leerpad(app.engine).map_err(|e| e.to_string());
    let link = links::casus(&app.embedding, app.engine);
    OefenState::new(bundled, link, progress, message)
}

/// The state, with its progress saved whenever a grading changes it.
#[hook]
fn use_oefen_state(app: &AppContext) -> UseReducerHandle<OefenState> {
    let state = {
        let app = app.clone();
        use_reducer(move || initial(&app))
    };
    let key = app.embedding.storage_key(STORAGE_NAME);
    let saved = use_mut_ref(|| state.progress.clone());
    {
        let state = state.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            if *saved.borrow() == *progress {
                return;
            }
            *saved.borrow_mut() = progress.clone();
            let text = serde_json::to_string(progress).unwrap_or_default();
            if let Some(Err(e)) = key.map(|key| storage::write(&key, &text)) {
                state.dispatch(OefenAction::Message(format!(
                    "Uw voortgang is niet opgeslagen: {e}."
                )));
            }
        });
    }
    state
}

/// Page Down / → next, Page Up / ← previous (not while typing): a casus at a time, or on the
/// projector a step at a time (what a presenter's clicker sends).
#[hook]
fn use_keys(state: &UseReducerHandle<OefenState>, expected: Rc<Result<Answers, String>>) {
    let state = state.clone();
    let deps = (state.current, state.casussen.len(), state.present, expected);
    use_effect_with(deps, move |(current, len, present, expected)| {
        let (current, len, present, expected) = (*current, *len, *present, expected.clone());
        let listener =
            gloo_events::EventListener::new(&gloo_utils::document(), "keydown", move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e) else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                    });
                if typing {
                    return;
                }
                let step = |forward| OefenAction::Step(forward, (*expected).clone());
                match e.key().as_str() {
                    "PageDown" | "ArrowRight" if present => state.dispatch(step(true)),
                    "PageUp" | "ArrowLeft" if present => state.dispatch(step(false)),
                    "PageDown" | "ArrowRight" if current + 1 < len => {
                        state.dispatch(OefenAction::Go(current + 1))
                    }
                    "PageUp" | "ArrowLeft" if current > 0 => {
                        state.dispatch(OefenAction::Go(current - 1))
                    }
                    _ => {}
                }
            });
        move || drop(listener)
    });
}

#[function_component(Oefenen)]
pub fn oefenen_view() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let state = use_oefen_state(&app);
    let reading = use_mut_ref(|| None::<Reading>);
    let (engine, lang) = (app.engine, app.state.lang);
    // Routed once per casus, not on every render.
    let outcome = use_memo(state.casus().cloned(), move |casus| {
        casus
            .as_ref()
            .map(|c| oefenen::outcome(engine, c).map_err(|e| e.to_string()))
    });
    let expected = use_memo(
        (state.casus().cloned(), outcome.clone()),
        |(casus, outcome)| match (casus, outcome.as_ref()) {
            (Some(c), Some(Ok(o))) => expected_from_outcome(c, o).map_err(|e| e.to_string()),
            (_, Some(Err(e))) => Err(e.clone()),
            _ => Err("geen casus".to_string()),
        },
    );
    use_keys(&state, expected.clone());
    let section = use_node_ref();
    use_present(&state, &section);
    // Opened files: one casus, or a leerpad with its casus files.
    let onopen = {
        let state = state.clone();
        browser::on_files(&reading, oefenen::MAX_FILE_BYTES, move |read| {
            state.dispatch(match read.and_then(|files| open_files(engine, &files)) {
                Ok(action) => action,
                Err(m) => OefenAction::Message(format!(
                    "{m}. Uw voortgang en de huidige casus zijn behouden."
                )),
            });
        })
    };
    let message = state.message.clone().map(|text| {
        let state = state.clone();
        let ondismiss = Callback::from(move |_| state.dispatch(OefenAction::Dismiss));
        notice(&text, Lang::Nl, lang, ondismiss)
    });
    let path = path(&state, onopen, lang);
    let Some(casus) = state.casus().cloned() else {
        return html! { <section class="rw-oefenen" ref={section}>{ message }{ path }</section> };
    };
    let section_class = classes!("rw-oefenen", state.present.then_some("rw-oef-present"));
    // The casus first: on a phone it comes before the leerpad (the grid puts the leerpad
    // on the left on a wide screen).
    html! {
        <section class={section_class} ref={section}>
            { for message }
            { casus_article(&state, &casus, &outcome, &expected, engine, lang) }
            { path }
        </section>
    }
}

/// Presentation mode fills the screen (the Fullscreen API, asked for right after the click
/// that turned it on); leaving full screen (Escape) ends it. After "Toon de uitkomst" focus
/// goes to the outcome's heading.
#[hook]
fn use_present(state: &UseReducerHandle<OefenState>, section: &NodeRef) {
    {
        let section = section.clone();
        use_effect_with(state.present, move |present| {
            let document = gloo_utils::document();
            let ours = document.fullscreen_element().is_some();
            match (*present, section.cast::<web_sys::Element>()) {
                (true, Some(section)) if !ours => {
                    let _ = section.request_fullscreen();
                }
                (false, _) if ours => document.exit_fullscreen(),
                _ => {}
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(state.present, move |present| {
            let present = *present;
            let listener = gloo_events::EventListener::new(&gloo_utils::document(), "fullscreenchange", move |_| {
                if present && gloo_utils::document().fullscreen_element().is_none() {
                    state.dispatch(OefenAction::Present);
                }
            });
            move || drop(listener)
        });
    }
    let section = section.clone();
    use_effect_with(state.grading.is_some(), move |revealed| {
        if *revealed {
            if let Some(heading) = section.cast::<web_sys::Element>().and_then(|s| s.query_selector("#rw-h-oef-reveal").ok().flatten()) {
                crate::ui::browser::focus(heading);
            }
        }
    });
}

/// The leerpad's casussen with their scores, presentation mode, opening files, trainers.
fn path(state: &UseReducerHandle<OefenState>, onopen: Callback<Event>, lang: Lang) -> Html {
    let done = state
        .progress
        .done
        .get(&state.leerpad_id)
        .cloned()
        .unwrap_or_default();
    html! {
        <nav class="rw-oef-path" aria-label={lang.t("Casussen in het leerpad", "Casussen in the leerpad")}>
            <h2 id="rw-h-oefenen">{ &state.leerpad_title }</h2>
            <ol>
                { for state.casussen.iter().enumerate().map(|(i, c)| {
                    let go = { let state = state.clone(); Callback::from(move |_| state.dispatch(OefenAction::Go(i))) };
                    let mark = done.get(&c.id).map(|s| format!(" — {}/{} {}", s.right, s.total, lang.t("goed", "right")));
                    html! {
                        <li>
                            <button type="button" class="rw-oef-link" onclick={go}
                                aria-current={(i == state.current).then_some("step")}>
                                <span lang={(lang == Lang::En && c.en.is_none()).then_some("nl")}>{ c.texts(lang == Lang::En).title }</span>
                            </button>
                            if let Some(m) = mark { <span class="rw-oef-done">{ m }</span> }
                        </li>
                    }
                }) }
            </ol>
            <div class="rw-file-actions">
                <button type="button" class="nl-button nl-button--secondary" aria-pressed={state.present.to_string()}
                    onclick={{ let state = state.clone(); move |_| state.dispatch(OefenAction::Present) }}>
                    { lang.t("Presentatiemodus", "Presentation mode") }
                </button>
                <input id="rw-oef-open" class="rw-file-input" type="file" multiple=true accept=".json,application/json" onchange={onopen} />
                <label class="nl-button nl-button--secondary rw-file-label" for="rw-oef-open">{ lang.t("Open casus…", "Open casus…") }</label>
            </div>
            <Trainer state={state.clone()} />
        </nav>
    }
}

/// The casus: story, hints, questions, the reveal, and the projector's step buttons.
fn casus_article(
    state: &UseReducerHandle<OefenState>,
    casus: &oefenen::Casus,
    outcome: &Option<Result<Outcome, String>>,
    expected: &Rc<Result<Answers, String>>,
    engine: &Engine,
    lang: Lang,
) -> Html {
    // The trainee reads the casus in the app's language when the casus has it; a casus in
    // Dutch only (a trainer's own) is marked as Dutch.
    let texts = casus.texts(lang == Lang::En);
    let text_lang = (lang == Lang::En && casus.en.is_none()).then_some("nl");
    let names: Vec<Named> = match outcome {
        Some(Ok(o)) => choices(engine, o),
        _ => Vec::new(),
    };
    let revealed = state.grading.clone();
    let dispatch = |action: fn(Result<Answers, String>) -> OefenAction| {
        let (state, expected) = (state.clone(), expected.clone());
        move || state.dispatch(action((*expected).clone()))
    };
    let onsubmit = {
        let reveal = dispatch(OefenAction::Reveal);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            reveal();
        })
    };
    let step = |forward: bool| {
        let (state, expected) = (state.clone(), expected.clone());
        Callback::from(move |_| state.dispatch(OefenAction::Step(forward, (*expected).clone())))
    };
    let onhints = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Hints))
    };
    let onpresent = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Present))
    };
    let reveal = match (&revealed, outcome) {
        (Some(g), Some(Ok(o))) => html! {
            <Reveal state={state.clone()} grading={g.clone()} outcome={o.clone()} casus={casus.clone()} {lang} dutch_only={text_lang.is_some()} />
        },
        (_, Some(Err(e))) => html! { <p class="rw-notice" role="alert" lang="nl">{ e.clone() }</p> },
        _ => html! {},
    };
    let story_only = state.present && state.step == Step::Story && revealed.is_none();
    // On the projector the outcome has the screen to itself.
    let form_hidden = story_only || (state.present && revealed.is_some());
    let step_label = match (revealed.is_some(), state.step) {
        (true, _) => lang.t("Stap 3 van 3: de uitkomst", "Step 3 of 3: the outcome"),
        (false, Step::Story) => lang.t("Stap 1 van 3: het verhaal", "Step 1 of 3: the story"),
        (false, Step::Questions) => lang.t("Stap 2 van 3: de vragen", "Step 2 of 3: the questions"),
    };
    html! {
        <article class={classes!("rw-panel", "rw-oef-casus", revealed.is_some().then_some("rw-oef-revealed"))} aria-labelledby="rw-h-casus">
            <h2 id="rw-h-casus">{ format!("{} {}: ", lang.t("Casus", "Casus"), state.current + 1) }<span lang={text_lang}>{ &texts.title }</span></h2>
            <p class="rw-oef-story" lang={text_lang}>{ &texts.story }</p>
            if !texts.hints.is_empty() {
                <button type="button" class="nl-button nl-button--secondary" onclick={onhints} aria-expanded={state.show_hints.to_string()}>
                    { lang.t("Hints", "Hints") }
                </button>
                if state.show_hints {
                    <ul class="rw-oef-hints" lang={text_lang}>{ for texts.hints.iter().map(|h| html! { <li>{ h }</li> }) }</ul>
                }
            }
            <form class="rw-oef-form" {onsubmit} hidden={form_hidden}>
                <Questions state={state.clone()} casus={casus.clone()} {names} {lang} />
                if revealed.is_none() {
                    <button type="submit" class="nl-button nl-button--primary rw-oef-submit">{ lang.t("Toon de uitkomst", "Reveal the outcome") }</button>
                }
            </form>
            { reveal }
            if state.present {
                <div class="rw-file-actions rw-oef-steps">
                    <button type="button" class="nl-button nl-button--secondary" onclick={step(false)}>{ lang.t("← Vorige stap", "← Previous step") }</button>
                    <p class="rw-oef-step" aria-live="polite">{ step_label }</p>
                    <button type="button" class="nl-button nl-button--primary" onclick={step(true)}>{ lang.t("Volgende stap →", "Next step →") }</button>
                    <button type="button" class="nl-button nl-button--subtle" onclick={onpresent}>{ lang.t("Presentatie sluiten", "Close the presentation") }</button>
                </div>
            }
        </article>
    }
}
