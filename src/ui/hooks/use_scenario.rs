//! The explainer's state and where it lives outside the app: the URL fragment (shareable,
//! the source of truth; also the view on screen, so Back works) and localStorage (survives a
//! reload without the fragment; also the chosen language). The page's title and language
//! follow the view and the language.

use std::rc::Rc;

use yew::prelude::*;

use super::super::embedding::Embedding;
use super::super::i18n::Lang;
use super::super::links;
use super::super::state::{draft_from_text, Action, Notice, Opened, State};
use super::super::storage;
use super::super::view::View;
use super::super::water::{self, OPENS_LATER};
use crate::domain::Engine;

/// The key's last part, after the instance's versioned prefix (`routewijzer.v1.scenario`).
const STORAGE_NAME: &str = "scenario";
/// The language the user chose last (`nl` or `en`).
const LANG_NAME: &str = "taal";

/// A link that cannot be read: the engine's (Dutch) reason and what is kept, in `lang`.
fn refused_link(message: &str, lang: Lang) -> Notice {
    Notice::new(
        lang,
        format!(
            "{}: {message}. {}",
            lang.t("De link is niet te openen", "The link cannot be opened"),
            lang.t("Uw vorige scenario is behouden.", "Your previous scenario is kept.")
        ),
    )
}

/// The first view: the URL's, else the `view` option, else the first; one the instance
/// shows.
fn first_view(embedding: &Embedding) -> View {
    match links::view(embedding).or(embedding.view) {
        Some(v) if embedding.views.contains(&v) => v,
        _ => embedding.views.first().copied().unwrap_or(View::Verklaren),
    }
}

/// The scenario saved in this browser if it is readable, and the report of one that is not:
/// it is set aside, or, where even that fails, left in place and never written over
/// (`ui::storage`). With `linked` (a link opens instead) it is only checked, so a point of it
/// in a large water does not wait for the water areas and open over the link later.
fn from_storage(
    embedding: &Embedding,
    engine: &Engine,
    linked: bool,
) -> (Option<Opened>, Option<String>) {
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
    let stored = inner.as_deref().unwrap_or(&text);
    let opened = if linked {
        draft_from_text(engine, stored).map(|_| None)
    } else {
        // a point in a large water is not damage: it opens when the water areas are here
        water::open_text(engine, stored).map(Some)
    };
    match opened {
        Ok(opened) => (opened, None),
        Err(why) if why == OPENS_LATER => (None, None),
        Err(why) => {
            let aside = storage::set_aside(&key, &text);
            let what = "Het opgeslagen scenario";
            (None, Some(storage::report(what, &why, &aside, &key)))
        }
    }
}

/// The first state: the URL (if this instance owns it), else this instance's stored work,
/// else the host's options, else empty; in the language chosen last, else the host's. The
/// stored entry is checked either way, so a link never replaces a damaged one unseen. A
/// packed link is opened later (`links::unpack`).
fn initial(embedding: &Embedding, engine: &Engine) -> State {
    let lang = embedding
        .storage_key(LANG_NAME)
        .and_then(|key| storage::read(&key))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(embedding.lang);
    // The link first: one waiting for the water areas waits before the stored work it replaces.
    let linked = links::scenario(embedding, engine);
    let (stored, report) = from_storage(embedding, engine, matches!(linked, Some(Ok(_))));
    let state = State {
        lang,
        view: first_view(embedding),
        report,
        ..State::default()
    };
    let load = |opened: Option<Opened>| match opened {
        Some(opened) => state.clone().reduce(Action::Load(Box::new(opened))),
        None => state.clone(),
    };
    let fallback = || load(stored.clone().or_else(|| embedding.initial.clone()));
    match linked {
        Some(Ok(opened)) => load(Some(*opened)),
        Some(Err(message)) => fallback().reduce(Action::Notify(refused_link(&message, lang))),
        None => fallback(),
    }
}

/// A scenario from a link: loaded, or the reason it was refused (the state is kept).
fn apply(state: &UseReducerHandle<State>, opened: Result<Box<Opened>, String>) {
    state.dispatch(match opened {
        Ok(opened) => Action::Load(opened),
        Err(message) => Action::Notify(refused_link(&message, state.lang)),
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
    // alone meanwhile; a link pasted later, Back and Forward are followed.
    {
        let state = state.clone();
        let embedding = embedding.clone();
        use_effect_with((), move |_| {
            let opened = state.clone();
            links::unpack(&embedding, engine, move |result| apply(&opened, result));
            let listener = links::on_change(move || {
                if let Some(view) = links::view(&embedding).filter(|v| embedding.views.contains(v)) {
                    state.dispatch(Action::SetView(view));
                }
                if links::shows(&state.draft) {
                    return;
                }
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
        use_effect_with((state.draft.clone(), state.view), move |(draft, view)| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            let told = {
                let state = state.clone();
                move |why: Option<String>| {
                    if state.not_kept.link != why {
                        state.dispatch(Action::NotKept(true, why));
                    }
                }
            };
            // The explainer's link replaces itself as the scenario changes; a change of view
            // is a new history entry. A casus link stays until the scenario changes.
            match view {
                View::Verklaren if first || links::view(&embedding) == Some(View::Verklaren) => {
                    if !(first && links::has_casus(&embedding)) {
                        links::show(draft, &embedding, told);
                    }
                }
                other => links::show_view(*other, draft, &embedding, told),
            }
            let saved = match embedding.storage_key(STORAGE_NAME) {
                Some(key) => storage::write(&key, &draft.to_value().to_string()),
                None => Ok(()),
            };
            if state.not_kept.storage != saved.as_ref().err().cloned() {
                state.dispatch(Action::NotKept(false, saved.err()));
            }
        });
    }
    use_page_language(embedding, state.lang, state.view);
    state
}

/// The chosen language is kept (after the first render: the host's default is not a
/// choice), and the page's `lang` and title follow the language and the view, if this
/// instance owns the page.
#[hook]
fn use_page_language(embedding: &Rc<Embedding>, lang: Lang, view: View) {
    let embedding = embedding.clone();
    let first = use_mut_ref(|| true);
    use_effect_with((lang, view), move |(lang, view)| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if let (false, Some(key)) = (first, embedding.storage_key(LANG_NAME)) {
            let _ = storage::write(&key, lang.code());
        }
        if embedding.owns_fragment {
            let document = gloo_utils::document();
            document.set_title(&view.title(*lang));
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        }
    });
}
