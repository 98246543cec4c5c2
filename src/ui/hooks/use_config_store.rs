//! The user's configurations in localStorage (the store's reducer does no IO): loaded once,
//! saved after each change, watched for another tab's save; and the explainer's inline
//! configuration following every valid edit of the one it uses.

use gloo_events::EventListener;
use yew::prelude::*;

use super::super::embedding::Embedding;
use super::super::state::store::{Store, StoreAction, STORAGE_NAME};
use super::super::state::{Action, State};
use super::super::storage;
use crate::domain::{ConfigurationRef, Engine};

/// The store saved under `key`; an unreadable one is set aside with a notice.
fn load(key: Option<String>) -> Store {
    let text = key.as_deref().and_then(storage::read);
    Store::from_text(key.clone(), text.as_deref()).unwrap_or_else(|why| {
        let aside = key.as_deref().and_then(storage::set_aside);
        Store::unreadable(key, &why, aside)
    })
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
    {
        let reducer = store.clone();
        // Saved after a change of the drafts only: loading writes nothing (so an unreadable
        // store stays in place for the full build to report too, after a lazy switch), and
        // choosing another configuration to show saves nothing (a draft can be thousands of
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
    // Another tab saved the configurations: this tab stops saving and asks.
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
