//! The explainer's choice of behandeldienstconfiguratie: none, a bundled one, or one of the
//! user's own (from the Configuratie view), used inline once it is valid.

use yew::prelude::*;

use crate::domain::{ConfigurationRef, Engine};
use crate::ui::context::use_app;
use crate::ui::state::store::Store;
use crate::ui::i18n::Lang;
use crate::ui::state::{Action, Notice, State};
use super::glossary::term_link;

/// Value prefix of a user configuration in the select.
const USER_PREFIX: &str = "eigen:";

/// The id of the user configuration the explainer's inline configuration came from.
fn active(state: &State, store: &Store) -> Option<String> {
    store.draft(state.inline_id()?).map(|d| d.id.clone())
}

/// Choosing in the select: the configuration, or why a user configuration cannot be used.
fn choose(engine: &Engine, store: &Store, value: String, lang: Lang) -> Action {
    let Some(id) = value.strip_prefix(USER_PREFIX) else {
        return Action::SetConfiguration(
            (!value.is_empty()).then_some(ConfigurationRef::Bundled(value)),
        );
    };
    let Some(draft) = store.draft(id) else {
        return Action::Notify(Notice::new(
            lang,
            lang.t("Deze configuratie bestaat niet meer.", "This configuration no longer exists.")
                .into(),
        ));
    };
    match draft.to_configuration(engine) {
        Ok(c) => Action::SetConfiguration(Some(ConfigurationRef::Inline(c))),
        // The check's message is Dutch.
        Err(e) => Action::Notify(Notice::new(
            Lang::Nl,
            format!(
                "Configuratie '{}' bevat fouten en kan niet in de verklaring: {e}. Herstel ze onder Configuratie.",
                draft.name
            ),
        )),
    }
}

#[function_component(ConfigurationSelect)]
pub fn configuration_select() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (state, store, engine) = (&app.state, &app.store, app.engine);
    let lang = state.lang;
    let onchange = {
        let store = store.clone();
        app.callback(move |e: Event| {
            let select = e.target_dyn_into::<web_sys::HtmlSelectElement>()?;
            Some(choose(engine, &store, select.value(), lang))
        })
    };
    let active = active(state, store);
    let (bundled, inline) = match &state.draft.configuration {
        Some(ConfigurationRef::Bundled(name)) => (Some(name.as_str()), None),
        Some(ConfigurationRef::Inline(c)) => (None, Some(c.name.clone().unwrap_or_default())),
        None => (None, None),
    };
    html! {
        <div class="rw-field">
            <label for="rw-configuration">{ lang.t("Behandeldienstconfiguratie", "Behandeldienst configuration") }</label>
            <select id="rw-configuration" {onchange} aria-describedby="rw-configuration-hint">
                <option value="" selected={state.draft.configuration.is_none()}>{ lang.t("Geen behandeldiensten", "No behandeldiensten") }</option>
                { for engine.configurations.iter().map(|(id, c)| html! {
                    <option value={id.clone()} selected={bundled == Some(id.as_str())}>
                        { format!("{} ({})", c.name.as_deref().unwrap_or(id), lang.t("illustratief", "illustrative")) }
                    </option>
                }) }
                { for store.drafts.iter().map(|d| html! {
                    <option value={format!("{USER_PREFIX}{}", d.id)} selected={active.as_deref() == Some(d.id.as_str())}>
                        { format!("{} ({})", d.name, lang.t("eigen", "own")) }
                    </option>
                }) }
                if let (Some(name), None) = (inline, &active) {
                    <option value="" selected=true disabled=true>{ format!("{}: {name}", lang.t("Eigen configuratie uit het scenario", "Own configuration from the scenario")) }</option>
                }
            </select>
            <p class="rw-hint" id="rw-configuration-hint">
                { lang.t("Per bevoegd gezag: welke behandeldienst een activiteit krijgt, eventueel alleen in een deel van zijn ",
                    "Per bevoegd gezag: which behandeldienst an activity gets, possibly only in part of its ") }
                { term_link("werkingsgebied", "werkingsgebied") }{ "." }
            </p>
        </div>
    }
}
