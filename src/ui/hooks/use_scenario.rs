//! The explainer's state and where it lives outside the app: the URL fragment (shareable,
//! the source of truth) and localStorage (survives a reload without the fragment).

use std::rc::Rc;

use yew::prelude::*;

use super::super::embedding::Embedding;
use super::super::links;
use super::super::state::{Action, Notice, Opened, State};
use super::super::storage;
use crate::domain::Engine;

/// The key's last part, after the instance's versioned prefix (`routewijzer.v1.scenario`).
const STORAGE_NAME: &str = "scenario";
const KEPT: &str = "Uw vorige scenario is behouden.";

/// The first state: the URL (if this instance owns it), else this instance's stored work,
/// else the host's options, else empty.
fn initial(embedding: &Embedding, engine: &Engine) -> State {
    let fallback = || {
        let opened = from_storage(embedding, engine).or_else(|| embedding.initial.clone());
        let mut state = State {
            lang: embedding.lang,
            ..State::default()
        };
        if let Some(opened) = opened {
            state = state.reduce(Action::Load(Box::new(opened)));
        }
        state
    };
    match links::scenario(embedding, engine) {
        None => fallback(),
        Some(Ok(opened)) => State::default().reduce(Action::Load(Box::new(opened))),
        Some(Err(message)) => State {
            notice: Some(Notice {
                text: format!("{message}. {KEPT}"),
            }),
            ..fallback()
        },
    }
}

/// The scenario saved in this browser, if it is readable; a corrupt or foreign entry is set
/// aside (never overwritten unseen).
fn from_storage(embedding: &Embedding, engine: &Engine) -> Option<Opened> {
    let key = embedding.storage_key(STORAGE_NAME)?;
    let text = storage::read(&key)?;
    // Versions before 0.2 stored the scenario as a JSON string holding the JSON.
    // (Read as a Value, not as String: a typed read links serde's float formatting for its
    // "invalid type" errors, docs/performance.md.)
    let text = match crate::domain::strict_json::parse(&text) {
        Ok(serde_json::Value::String(inner)) => inner,
        _ => text,
    };
    let opened = super::super::water::open_text(engine, &text);
    // a point in a large water is not damage: it opens when the water areas are here
    if opened.as_ref().is_err_and(|e| e != super::super::water::OPENS_LATER) {
        storage::set_aside(&key);
    }
    opened.ok()
}

/// The explainer's state, kept in the URL and in storage as it changes (a casus link the
/// page was opened with stays in the URL until the scenario itself changes), and reloaded
/// when a link is pasted into the address bar. Also returns why the work is not kept in
/// this browser (storage full or blocked), while that lasts.
#[hook]
pub fn use_scenario(
    embedding: &Rc<Embedding>,
    engine: &'static Engine,
) -> (UseReducerHandle<State>, Option<String>) {
    let state = {
        let embedding = embedding.clone();
        use_reducer(move || initial(&embedding, engine))
    };
    let problem = use_state(|| None::<String>);
    {
        let embedding = embedding.clone();
        let first = use_mut_ref(|| true);
        let problem = problem.clone();
        use_effect_with((state.draft.clone(), state.lang), move |(draft, lang)| {
            let opened_with_casus =
                std::mem::replace(&mut *first.borrow_mut(), false) && links::has_casus(&embedding);
            if !opened_with_casus {
                links::show(draft, &embedding);
            }
            let saved = match embedding.storage_key(STORAGE_NAME) {
                Some(key) => storage::write(&key, &draft.to_value().to_string()),
                None => Ok(()),
            };
            if *problem != saved.as_ref().err().cloned() {
                problem.set(saved.err());
            }
            if embedding.owns_fragment {
                gloo_utils::document_element()
                    .set_attribute("lang", lang.code())
                    .ok();
            }
        });
    }
    {
        let state = state.clone();
        let embedding = embedding.clone();
        use_effect_with((), move |_| {
            let listener = links::on_change(move || {
                if links::shows(&state.draft) {
                    return;
                }
                match links::scenario(&embedding, engine) {
                    Some(Ok(opened)) => state.dispatch(Action::Load(Box::new(opened))),
                    Some(Err(message)) => {
                        state.dispatch(Action::Notify(format!("{message}. {KEPT}")))
                    }
                    None => {}
                }
            });
            move || drop(listener)
        });
    }
    let problem = (*problem).clone();
    (state, problem)
}
