//! The bar above the tables: choose a configuration, copy, start empty, delete, undo,
//! redo, use it in the explainer, import and export.

use yew::prelude::*;

use super::{all_configurations, new_id, shown_id, to_explainer};
use crate::domain::configuration::csv::export_csv;
use crate::domain::configuration::draft::Draft;
use crate::domain::{Engine, MAX_INPUT_BYTES};
use crate::ui::browser::{self, Reading};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;
use crate::ui::state::store::{StoreAction, BUNDLED};

#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// The configuration shown (a bundled one when no user draft is selected).
    pub shown: std::rc::Rc<Draft>,
    pub editable: bool,
    /// A file chosen for import: (name, text).
    pub onfile: Callback<(String, String)>,
}

/// After a delete: what was deleted, with a button to undo it; focus goes to that button.
fn deleted_message(name: &str, onundo: Callback<MouseEvent>, lang: Lang) -> Html {
    html! {
        <div class="rw-config-status rw-config-deleted" role="status">
            <p>{ format!("{} ‘{name}’ {}", lang.t("Configuratie", "Configuration"), lang.t("is verwijderd.", "was deleted.")) }</p>
            <button type="button" id="rw-cfg-undo-delete" class="nl-button nl-button--secondary" onclick={onundo}>
                { lang.t("Ongedaan maken", "Undo") }
            </button>
        </div>
    }
}

/// Focus goes to the deleted configuration's undo button once it is shown.
#[hook]
fn use_focus_undo(shown: bool) {
    use_effect_with(shown, move |shown| {
        if *shown {
            if let Some(undo) = gloo_utils::document().get_element_by_id("rw-cfg-undo-delete") {
                crate::ui::browser::focus(undo);
            }
        }
    });
}

/// Choosing a configuration to show: a user draft by its id, else a bundled one by name.
fn on_select(store: &UseReducerHandle<crate::ui::state::store::Store>) -> Callback<Event> {
    let store = store.clone();
    Callback::from(move |e: Event| {
        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            let v = s.value();
            store.dispatch(if store.draft(&v).is_some() {
                StoreAction::Select(Some(v))
            } else {
                StoreAction::SelectBundled(v)
            });
        }
    })
}

#[function_component(Bar)]
pub fn bar(props: &BarProps) -> Html {
    let reading = use_mut_ref(|| None::<Reading>);
    let deleted = use_state(|| None::<String>);
    use_focus_undo(deleted.is_some());
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (store, engine, lang) = (app.store.clone(), app.engine, app.state.lang);
    let shown = &props.shown;
    let chosen = shown_id(&store, &app);
    let editable = props.editable.then_some(());
    let onselect = on_select(&store);
    let add = |make: fn(&Draft, Lang) -> Draft| {
        let store = store.clone();
        let shown = shown.clone();
        Callback::from(move |_| store.dispatch(StoreAction::Add(make(&shown, lang))))
    };
    let oncopy = add(|d, lang| Draft {
        id: new_id(),
        name: format!("{} ({})", d.name, lang.t("kopie", "copy")),
        ..d.clone()
    });
    let onnew = add(|_, lang| Draft {
        id: new_id(),
        name: lang.t("Nieuwe configuratie", "New configuration").into(),
        ..Draft::default()
    });
    let onremove = {
        let (store, deleted) = (store.clone(), deleted.clone());
        let (id, name) = (store.selected.clone(), shown.name.clone());
        Callback::from(move |_| {
            if let Some(id) = &id {
                store.dispatch(StoreAction::Remove(id.clone()));
                deleted.set(Some(name.clone()));
            }
        })
    };
    let onundo_delete = {
        let (store, deleted) = (store.clone(), deleted.clone());
        Callback::from(move |_| {
            store.dispatch(StoreAction::Undo);
            deleted.set(None);
        })
    };
    let onundo = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(StoreAction::Undo))
    };
    let onredo = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(StoreAction::Redo))
    };
    let onuse = {
        let onuse = to_explainer(&app);
        let shown = shown.clone();
        let store = store.clone();
        Callback::from(move |_| match shown.to_configuration(engine) {
            Ok(c) => onuse.emit(c),
            Err(e) => store.dispatch(StoreAction::Notify(Some(format!(
                "Deze configuratie bevat fouten en kan niet in de verklaring: {e}"
            )))),
        })
    };
    let export = |csv: bool| export(shown, &store, engine, csv);
    let onimport = {
        let store = store.clone();
        let onfile = props.onfile.clone();
        browser::on_files(&reading, MAX_INPUT_BYTES, move |read| match read {
            Ok(files) => onfile.emit(files.into_iter().next().unwrap_or_default()),
            Err(message) => store.dispatch(StoreAction::Notify(Some(format!(
                "{message}. Er is niets veranderd."
            )))),
        })
    };
    html! {
        <>
        if let Some(name) = &*deleted {
            { deleted_message(name, onundo_delete, lang) }
        }
        <div class="rw-config-bar">
            <div class="rw-field">
                <label for="rw-cfg-select">{ lang.t("Configuratie", "Configuration") }</label>
                <select id="rw-cfg-select" onchange={onselect}>
                    { for all_configurations(engine, &store, lang).into_iter().map(|(id, label)| html! {
                        <option value={id.clone()} selected={chosen == id}>{ label }</option>
                    }) }
                </select>
            </div>
            <button type="button" class="nl-button nl-button--secondary" onclick={oncopy}>{ lang.t("Kopiëren om te bewerken", "Copy to edit") }</button>
            <button type="button" class="nl-button nl-button--secondary" onclick={onnew}>{ lang.t("Nieuwe lege configuratie", "New empty configuration") }</button>
            if editable.is_some() {
                <button type="button" class="nl-button nl-button--secondary nl-button--negative" onclick={onremove}>{ lang.t("Verwijderen", "Delete") }</button>
            }
            <button type="button" class="nl-button nl-button--subtle" onclick={onundo} disabled={!store.can_undo()} title="Ctrl+Z">{ lang.t("Ongedaan maken", "Undo") }</button>
            <button type="button" class="nl-button nl-button--subtle" onclick={onredo} disabled={!store.can_redo()} title="Ctrl+Y">{ lang.t("Opnieuw", "Redo") }</button>
            <button type="button" class="nl-button nl-button--primary" onclick={onuse}>{ lang.t("Gebruik in de verklaring", "Use in the explainer") }</button>
            <input id="rw-cfg-import" class="rw-file-input" type="file" accept=".json,.csv,application/json,text/csv" onchange={onimport} />
            <label class="nl-button nl-button--secondary rw-file-label" for="rw-cfg-import">{ lang.t("Importeer JSON of CSV…", "Import JSON or CSV…") }</label>
            <button type="button" class="nl-button nl-button--secondary" onclick={export(false)}>{ lang.t("Exporteer JSON", "Export JSON") }</button>
            <button type="button" class="nl-button nl-button--secondary" onclick={export(true)}>{ lang.t("Exporteer CSV", "Export CSV") }</button>
        </div>
        </>
    }
}

/// Offers the configuration shown as a file: the monitor's CSV, or JSON.
fn export(
    shown: &Draft,
    store: &UseReducerHandle<crate::ui::state::store::Store>,
    engine: &'static Engine,
    csv: bool,
) -> Callback<MouseEvent> {
    let (shown, store) = (shown.clone(), store.clone());
    Callback::from(move |_| {
        let name = if shown.id.is_empty() {
            BUNDLED
        } else {
            shown.id.as_str()
        };
        let result = if csv {
            browser::offer_file(
                &format!("{name}.csv"),
                "text/csv",
                &export_csv(&shown, engine),
            )
        } else {
            browser::offer_json(&format!("{name}.json"), &shown.to_value())
        };
        if let Err(e) = result {
            store.dispatch(StoreAction::Notify(Some(e)));
        }
    })
}
