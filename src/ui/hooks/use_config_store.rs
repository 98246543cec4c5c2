//! The user's configurations in localStorage (the store's reducer does no IO): loaded once,
//! saved after each change, watched for another tab's save (the full build: the start
//! build, which cannot edit them, only reads them); and the explainer's inline configuration
//! following every valid edit of the one it uses.

#[cfg(feature = "views")]
use gloo_events::EventListener;
use yew::prelude::*;

use super::super::embedding::Embedding;
#[cfg(feature = "views")]
use super::super::state::store::StoreAction;
use super::super::state::store::{Store, STORAGE_NAME};
use super::super::state::{Action, State};
use super::super::storage;
use crate::domain::{ConfigurationRef, Engine};

/// The store saved under `key`; one that cannot be read is set aside (or, where even that
/// fails, left in place and not written over, `ui::storage`), with a report as its notice.
fn load(key: Option<String>) -> Store {
    let text = key.as_deref().and_then(storage::read);
    match (Store::from_text(key.clone(), text.as_deref()), key.as_deref(), text) {
        (Err(why), Some(at), Some(text)) => {
            let aside = storage::set_aside(at, &text);
            let report = storage::report("De opgeslagen configuraties", &why, &aside, at);
            let mut empty = Store::from_text(key, None).unwrap_or_default();
            empty.notice = Some(format!("{report} U begint met een lege lijst."));
            empty
        }
        (store, _, _) => store.unwrap_or_default(),
    }
}

#[hook]
pub fn use_config_store(
    embedding: &Embedding,
    state: &UseReducerHandle<State>,
    engine: &'static Engine,
) -> UseReducerHandle<Store> {
    let store = {
        let key = embedding.storage_key(STORAGE_NAME);
        use_reducer(move || load(key))
    };
    // Saved after a change of the drafts only (the full build: the start build cannot edit
    // them): loading writes nothing (so an unreadable store stays in place for the full build to report
    // too, after a lazy switch).
    #[cfg(feature = "views")]
    {
        let reducer = store.clone();
        // Choosing another configuration to show saves nothing (a draft can be thousands of
        // entries).
        let loaded = use_mut_ref(|| true);
        let deps = (store.drafts.clone(), store.save_key().map(str::to_string));
        use_effect_with(deps, move |(_, key)| {
            if std::mem::replace(&mut *loaded.borrow_mut(), false) {
                return;
            }
            let Some(key) = key else { return };
            if let Err(e) = storage::write(key, &reducer.text()) {
                if reducer.notice.is_none() {
                    reducer.dispatch(StoreAction::Notify(Some(format!(
                        "De configuraties zijn niet bewaard: {e}. Exporteer ze om ze te houden."
                    ))));
                }
            }
        });
    }
    // Another tab saved the configurations: this tab stops saving and asks. (The start build
    // writes nothing, so it has nothing to lose; it reads them again when the full build
    // takes over, or on a reload.)
    #[cfg(feature = "views")]
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo_utils::window(), "storage", move |event| {
                let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                else {
                    return;
                };
                if event.key().as_deref() == store.key() {
                    if let Some(text) = event.new_value() {
                        store.dispatch(StoreAction::External(text));
                    }
                }
            });
            move || drop(listener)
        });
    }
    // The user configuration the explainer uses follows every valid edit.
    {
        let state = state.clone();
        let inline = state
            .inline_id()
            .and_then(|id| store.drafts.iter().find(|d| d.id == id))
            .cloned();
        use_effect_with(inline, move |inline| {
            let Some(draft) = inline else {
                return;
            };
            let Ok(configuration) = draft.to_configuration(engine) else {
                return;
            };
            let next = Some(ConfigurationRef::Inline(configuration));
            if state.draft.configuration != next {
                state.dispatch(Action::SetConfiguration(next));
            }
        });
    }
    store
}
