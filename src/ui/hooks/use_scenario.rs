//! The explainer's state and where it lives outside the app: the URL fragment (shareable,
//! the source of truth) and localStorage (survives a reload without the fragment).

use std::rc::Rc;

use yew::prelude::*;

use super::super::embedding::Embedding;
use super::super::links;
use super::super::state::{Action, Opened, State};
use super::super::storage;
use crate::domain::Engine;

/// The key's last part, after the instance's versioned prefix (`routewijzer.v1.scenario`).
const STORAGE_NAME: &str = "scenario";
const KEPT: &str = "Uw vorige scenario is behouden.";

/// The scenario saved in this browser if it is readable, and the report of one that is not:
/// it is set aside, or, where even that fails, left in place and never written over
/// (`ui::storage`).
fn from_storage(embedding: &Embedding, engine: &Engine) -> (Option<Opened>, Option<String>) {
    let Some(key) = embedding.storage_key(STORAGE_NAME) else {
        return (None, None);
    };
    let Some(text) = storage::read(&key) else {
        return (None, None);
    };
    // Versions before 0.2 stored the scenario as a JSON string holding the JSON.
    // (Read as a Value, not as String: a typed read links serde's float formatting for its
    // "invalid type" errors, docs/performance.md.)
    let inner = match crate::domain::strict_json::parse(&text) {
        Ok(serde_json::Value::String(inner)) => Some(inner),
        _ => None,
    };
    match Opened::from_text(engine, inner.as_deref().unwrap_or(&text)) {
        Ok(opened) => (Some(opened), None),
        Err(why) => {
            let aside = storage::set_aside(&key, &text);
            let what = "Het opgeslagen scenario";
            (None, Some(storage::report(what, &why, &aside, &key)))
        }
    }
}

/// The first state: the URL (if this instance owns it), else this instance's stored work,
/// else the host's options, else empty. The stored entry is checked either way, so a link
/// never replaces a damaged one unseen. A packed link is opened later (`links::unpack`).
fn initial(embedding: &Embedding, engine: &Engine) -> State {
    let (stored, report) = from_storage(embedding, engine);
    let state = State {
        lang: embedding.lang,
        report,
        ..State::default()
    };
    let load = |opened: Option<Opened>| match opened {
        Some(opened) => state.clone().reduce(Action::Load(Box::new(opened))),
        None => state.clone(),
    };
    let fallback = || load(stored.clone().or_else(|| embedding.initial.clone()));
    match links::scenario(embedding, engine) {
        Some(Ok(opened)) => load(Some(*opened)),
        Some(Err(message)) => fallback().reduce(Action::Notify(format!("{message}. {KEPT}"))),
        None => fallback(),
    }
}

/// A scenario from a link: loaded, or the reason it was refused (the state is kept).
fn apply(state: &UseReducerHandle<State>, opened: Result<Box<Opened>, String>) {
    state.dispatch(match opened {
        Ok(opened) => Action::Load(opened),
        Err(message) => Action::Notify(format!("{message}. {KEPT}")),
    });
}

/// The explainer's state, kept in the URL and in storage as it changes (a casus link the
/// page was opened with stays in the URL until the scenario itself changes), and reloaded
/// when a link is pasted into the address bar. Why the work is not kept in this browser or
/// in the URL is in the state (`State::not_kept`), while that lasts.
#[hook]
pub fn use_scenario(embedding: &Rc<Embedding>, engine: &'static Engine) -> UseReducerHandle<State> {
    let state = {
        let embedding = embedding.clone();
        use_reducer(move || initial(&embedding, engine))
    };
    // First (effects run in order): a packed link in the URL is unpacked, and the URL is left
    // alone meanwhile; a link pasted later is opened.
    {
        let state = state.clone();
        let embedding = embedding.clone();
        use_effect_with((), move |_| {
            let opened = state.clone();
            links::unpack(&embedding, engine, move |result| apply(&opened, result));
            let listener = links::on_change(move || {
                let opened = state.clone();
                if !links::unpack(&embedding, engine, move |result| apply(&opened, result)) {
                    if let Some(result) = links::scenario(&embedding, engine) {
                        apply(&state, result);
                    }
                }
            });
            move || drop(listener)
        });
    }
    {
        let embedding = embedding.clone();
        let first = use_mut_ref(|| true);
        let state = state.clone();
        use_effect_with((state.draft.clone(), state.lang), move |(draft, lang)| {
            let opened_with_casus =
                std::mem::replace(&mut *first.borrow_mut(), false) && links::has_casus(&embedding);
            let told = {
                let state = state.clone();
                move |why: Option<String>| {
                    if state.not_kept.link != why {
                        state.dispatch(Action::NotKept(true, why));
                    }
                }
            };
            if !opened_with_casus {
                links::show(draft, &embedding, told);
            }
            let saved = match embedding.storage_key(STORAGE_NAME) {
                Some(key) => storage::write(&key, &draft.to_value().to_string()),
                None => Ok(()),
            };
            if state.not_kept.storage != saved.as_ref().err().cloned() {
                state.dispatch(Action::NotKept(false, saved.err()));
            }
            if embedding.owns_fragment {
                gloo_utils::document_element()
                    .set_attribute("lang", lang.code())
                    .ok();
            }
        });
    }
    state
}
