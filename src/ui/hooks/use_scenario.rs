//! The explainer's state and where it lives outside the app: the URL fragment (shareable,
//! the source of truth; also the view on screen, so Back works) and localStorage (survives a
//! reload without the fragment; also the chosen language). The page's title and language
//! follow the view and the language.

use std::rc::Rc;

use yew::prelude::*;

use super::super::embedding::Embedding;
use super::super::i18n::Lang;
use super::super::links;
use super::super::state::{Action, Notice, Opened, State};
use super::super::storage;
use super::super::view::View;
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

/// The first state: the URL (if this instance owns it), else this instance's stored work,
/// else the host's options, else empty; in the language chosen last, else the host's.
fn initial(embedding: &Embedding, engine: &Engine) -> State {
    let lang = embedding
        .storage_key(LANG_NAME)
        .and_then(|key| storage::read(&key))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(embedding.lang);
    let start = State {
        lang,
        view: first_view(embedding),
        ..State::default()
    };
    let fallback = || match from_storage(embedding, engine).or_else(|| embedding.initial.clone()) {
        Some(opened) => start.clone().reduce(Action::Load(Box::new(opened))),
        None => start.clone(),
    };
    match links::scenario(embedding, engine) {
        None => fallback(),
        Some(Ok(opened)) => start.clone().reduce(Action::Load(Box::new(opened))),
        Some(Err(message)) => State {
            notice: Some(refused_link(&message, lang)),
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
        use_effect_with((state.draft.clone(), state.view), move |(draft, view)| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            // The explainer's link replaces itself as the scenario changes; a change of view
            // is a new history entry. A casus link stays until the scenario changes.
            match view {
                View::Verklaren if first || links::view(&embedding) == Some(View::Verklaren) => {
                    if !(first && links::has_casus(&embedding)) {
                        links::show(draft, &embedding);
                    }
                }
                other => links::show_view(*other, draft, &embedding),
            }
            let saved = match embedding.storage_key(STORAGE_NAME) {
                Some(key) => storage::write(&key, &draft.to_value().to_string()),
                None => Ok(()),
            };
            if *problem != saved.as_ref().err().cloned() {
                problem.set(saved.err());
            }
        });
    }
    use_page_language(embedding, state.lang, state.view);
    {
        let state = state.clone();
        let embedding = embedding.clone();
        use_effect_with((), move |_| {
            let listener = links::on_change(move || {
                // Back, Forward, or a link to a view.
                if let Some(view) = links::view(&embedding).filter(|v| embedding.views.contains(v)) {
                    state.dispatch(Action::SetView(view));
                }
                if links::shows(&state.draft) {
                    return;
                }
                match links::scenario(&embedding, engine) {
                    Some(Ok(opened)) => state.dispatch(Action::Load(Box::new(opened))),
                    Some(Err(message)) => {
                        state.dispatch(Action::Notify(refused_link(&message, state.lang)))
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
