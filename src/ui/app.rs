//! The explainer screen: location, activities, outcome. One reducer holds the scenario;
//! the outcome is derived from it on every render and never stored.

use gloo::events::EventListener;
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use super::activities::Activities;
use super::configuratie::{Configuratie, Store};
use super::i18n::Lang;
use super::location::{locate, LocationCard, LocationPicker};
use super::map::Map;
use super::oefenen::Oefenen;
use super::outcome::{Assumptions, OutcomeView};
use super::scenario_io;
use super::state::{Action, Place, State};
use crate::domain::{explain_json, Engine};

/// The app's views; the explainer stays mounted (hidden) so its map keeps pan and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Verklaren,
    Oefenen,
    Configuratie,
}

impl View {
    pub const ALL: [View; 3] = [View::Verklaren, View::Oefenen, View::Configuratie];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Verklaren => lang.t("Verklaren", "Explain"),
            View::Oefenen => lang.t("Oefenen", "Practise"),
            View::Configuratie => lang.t("Configuratie", "Configuration"),
        }
    }
}

fn initial_state() -> State {
    let fallback = || scenario_io::from_storage().unwrap_or_default();
    match scenario_io::from_fragment() {
        None => fallback(),
        Some(Ok(state)) => state,
        Some(Err(message)) => State {
            notice: Some(super::state::Notice {
                text: format!("{message}. Uw vorige scenario is behouden."),
            }),
            ..fallback()
        },
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let lang = state.lang;
    let view = use_state(|| {
        if super::oefenen::link_in_url() {
            View::Oefenen
        } else {
            View::Verklaren
        }
    });
    let onview = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // The URL and storage follow the state.
    use_effect_with((*state).clone(), |state| {
        scenario_io::save(state);
        gloo::utils::document_element()
            .set_attribute("lang", state.lang.code())
            .ok();
    });

    // A link pasted into this tab's address bar changes only the fragment.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if scenario_io::fragment_matches(&state) {
                    return;
                }
                match scenario_io::from_fragment() {
                    Some(Ok(loaded)) => state.dispatch(Action::Load(Box::new(loaded))),
                    Some(Err(message)) => state.dispatch(Action::Notify(format!(
                        "{message}. Uw vorige scenario is behouden."
                    ))),
                    None => {}
                }
            });
            move || drop(listener)
        });
    }

    // The user's configurations; the one the explainer uses follows every valid edit.
    let store = use_reducer(Store::load);
    use_effect_with((*store).clone(), |store| store.save());
    let active = active_user_configuration(&state, &store);
    {
        let state = state.clone();
        use_effect_with((*store).clone(), move |store| {
            let Some(draft) =
                active_user_configuration(&state, store).and_then(|id| store.draft(&id))
            else {
                return;
            };
            let valid = Engine::bundled().is_ok_and(|e| draft.to_configuration(e).is_ok());
            let value = draft.to_value();
            if valid && state.inline_configuration.as_ref() != Some(&value) {
                state.dispatch(Action::SetInlineConfiguration(value));
            }
        });
    }
    let onuse = {
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |c: crate::domain::Configuration| {
            let user =
                c.id.as_deref()
                    .is_some_and(|id| id != super::configuratie::BUNDLED);
            if user {
                let draft = crate::domain::configuration::draft::Draft::from_configuration(&c);
                dispatch.emit(Action::SetInlineConfiguration(draft.to_value()));
            } else {
                dispatch.emit(Action::SetConfiguration(Some(
                    super::configuratie::BUNDLED.to_string(),
                )));
            }
            view.set(View::Verklaren);
        })
    };

    let outcome = use_memo((*state).clone(), |state| {
        state
            .scenario()
            .map(|scenario| explain_json(&scenario).map_err(|e| e.to_string()))
    });

    let onplace = {
        let dispatch = dispatch.clone();
        Callback::from(move |place: Place| dispatch.emit(Action::Place(place)))
    };
    let onpick = {
        let onplace = onplace.clone();
        Callback::from(move |point| onplace.emit(Place::Point(point)))
    };

    let reader = use_mut_ref(|| None::<FileReader>);
    let onopen = {
        let dispatch = dispatch.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            if file.size() > scenario_io::MAX_FILE_BYTES {
                dispatch.emit(Action::Notify(format!(
                    "{name}: het bestand is te groot ({:.0} kB, maximaal 1024 kB). Uw vorige scenario is behouden.",
                    file.size() / 1024.0
                )));
                return;
            }
            let dispatch = dispatch.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file.into(), move |result| {
                let parsed = result.map_err(|e| e.to_string()).and_then(|bytes| {
                    // The CLI's decoding: UTF-16/32 named, bad UTF-8 with line and column.
                    crate::domain::text_from_bytes(&bytes)
                        .map_err(|e| e.to_string())
                        .and_then(State::from_scenario_text)
                });
                match parsed {
                    Ok(loaded) => dispatch.emit(Action::Load(Box::new(loaded))),
                    Err(message) => dispatch.emit(Action::Notify(format!(
                        "{name}: {message}. Uw vorige scenario is behouden."
                    ))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let ondownload = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Err(message) = scenario_io::download(&state) {
                state.dispatch(Action::Notify(message));
            }
        })
    };
    let onlang = {
        let dispatch = dispatch.clone();
        let next = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        Callback::from(move |_| dispatch.emit(Action::SetLang(next)))
    };
    let onconfig = {
        let dispatch = dispatch.clone();
        let store = store.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let value = select.value();
                if let Some(id) = value.strip_prefix(USER_PREFIX) {
                    dispatch.emit(user_configuration_action(&store, id));
                    return;
                }
                dispatch.emit(Action::SetConfiguration(
                    (!value.is_empty()).then_some(value),
                ));
            }
        })
    };
    let ondismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::DismissNotice))
    };

    let marker = match &state.place {
        Some(Place::Point(p)) => Some(*p),
        Some(Place::Gemeente(id)) => crate::geo::Geography::bundled()
            .gemeente(id)
            .map(|g| g.representative_point),
        None => None,
    };
    let selected = state
        .place
        .as_ref()
        .and_then(locate)
        .map(|found| found.gemeente.id);
    let configurations = Engine::bundled()
        .map(|e| {
            e.configurations
                .iter()
                .map(|(name, c)| (name.clone(), c.name.clone().unwrap_or_else(|| name.clone())))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();

    html! {
        <div class="rw-app" lang={lang.code()}>
            <header class="rw-header">
                <div class="rw-header-row">
                    <h1>{ "Routewijzer" }</h1>
                    <nav class="rw-views" aria-label={lang.t("Weergave", "View")}>
                        { for View::ALL.iter().map(|&v| html! {
                            <button type="button" class="rw-button" aria-pressed={(*view == v).to_string()}
                                onclick={{ let onview = onview.clone(); move |_| onview.emit(v) }}>{ v.label(lang) }</button>
                        }) }
                    </nav>
                    <button type="button" class="rw-button rw-lang" onclick={onlang}
                        lang={if lang == Lang::Nl { "en" } else { "nl" }}>
                        { if lang == Lang::Nl { "English" } else { "Nederlands" } }
                    </button>
                </div>
                <p class="rw-lead">
                    { lang.t("Zie welk bevoegd gezag en welke behandeldienst een verzoek uit het Omgevingsloket krijgen, hoeveel triggers er uitgaan, en waarom.",
                        "See which bevoegd gezag and which behandeldienst receive a verzoek from the Omgevingsloket, how many triggers go out, and why.") }
                </p>
            </header>
            if let Some(notice) = &state.notice {
                <div class="rw-notice" role="alert">
                    <p>{ &notice.text }</p>
                    <button type="button" class="rw-button" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
                </div>
            }
            if *view == View::Oefenen { <Oefenen {lang} scenario={state.scenario()} /> }
            if *view == View::Configuratie { <Configuratie store={store.clone()} {lang} {onuse} active={active.clone()} /> }
            <main class="rw-main" hidden={*view != View::Verklaren}>
                <section class="rw-panel rw-panel-location" aria-labelledby="rw-h-location">
                    <h2 id="rw-h-location">{ lang.t("1. Locatie", "1. Location") }</h2>
                    <Map {marker} {selected} {onpick} {lang} />
                    <LocationPicker {onplace} {lang} />
                    <LocationCard place={state.place.clone()} {lang} />
                </section>
                <section class="rw-panel rw-panel-activities" aria-labelledby="rw-h-activities">
                    <h2 id="rw-h-activities">{ lang.t("2. Activiteiten", "2. Activities") }</h2>
                    <Activities chosen={state.activities.clone()} dispatch={dispatch.clone()} {lang} />
                </section>
                <section class="rw-panel rw-panel-outcome" aria-labelledby="rw-h-outcome">
                    <h2 id="rw-h-outcome">{ lang.t("3. Wat het DSO doet", "3. What the DSO does") }</h2>
                    <div class="rw-field">
                        <label for="rw-configuration">{ lang.t("Behandeldienstconfiguratie", "Behandeldienst configuration") }</label>
                        <select id="rw-configuration" onchange={onconfig}>
                            <option value="" selected={state.configuration.is_none() && state.inline_configuration.is_none()}>{ lang.t("Geen behandeldiensten", "No behandeldiensten") }</option>
                            { for configurations.iter().map(|(id, name)| html! {
                                <option value={id.clone()} selected={state.inline_configuration.is_none() && state.configuration.as_deref() == Some(id.as_str())}>
                                    { format!("{name} ({})", lang.t("illustratief", "illustrative")) }
                                </option>
                            }) }
                            { for store.drafts.iter().map(|d| html! {
                                <option value={format!("{USER_PREFIX}{}", d.id)} selected={active.as_deref() == Some(d.id.as_str())}>
                                    { format!("{} ({})", d.name, lang.t("eigen", "own")) }
                                </option>
                            }) }
                            if state.inline_configuration.is_some() && active.is_none() {
                                <option value="" selected=true disabled=true>{ lang.t("Eigen configuratie uit het scenario", "Own configuration from the scenario") }</option>
                            }
                        </select>
                    </div>
                    <OutcomeView outcome={(*outcome).clone()} {lang} />
                    <Assumptions bd_merge={state.bd_merge} dso={state.dso} bg_notified_when_bd={state.bg_notified_when_bd} dispatch={dispatch.clone()} {lang} />
                    <div class="rw-file-actions">
                        <button type="button" class="rw-button" onclick={ondownload}>{ lang.t("Download scenario", "Download scenario") }</button>
                        <label class="rw-button rw-file-label" for="rw-open">{ lang.t("Open scenario…", "Open scenario…") }</label>
                        <input id="rw-open" class="rw-file-input" type="file" accept=".json,application/json" onchange={onopen} />
                    </div>
                </section>
            </main>
            <footer class="rw-footer">
                <p>{ lang.t("Routewijzer is een hulpmiddel om de routering van het DSO te begrijpen, geen officiële bron. Regels en bronnen: zie elke bevinding.",
                    "Routewijzer helps to understand DSO routing; it is not an official source. Rules and sources: see each finding.") }</p>
                <p>{ "Kaart: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis · EUPL-1.2" }</p>
            </footer>
        </div>
    }
}

/// Value prefix of a user configuration in the explainer's select.
const USER_PREFIX: &str = "eigen:";

/// The id of the user configuration the explainer's inline configuration came from.
fn active_user_configuration(state: &State, store: &Store) -> Option<String> {
    let id = state.inline_configuration.as_ref()?.get("id")?.as_str()?;
    store.draft(id).map(|d| d.id.clone())
}

/// Choosing a user configuration in the explainer: its valid version, or why not.
fn user_configuration_action(store: &Store, id: &str) -> Action {
    let Some(draft) = store.draft(id) else {
        return Action::Notify("Deze configuratie bestaat niet meer.".into());
    };
    let checked = Engine::bundled()
        .map_err(|e| e.to_string())
        .and_then(|e| draft.to_configuration(e).map_err(|e| e.to_string()));
    match checked {
        Ok(_) => Action::SetInlineConfiguration(draft.to_value()),
        Err(e) => Action::Notify(format!(
            "Configuratie '{}' bevat fouten en kan niet in de verklaring: {e}. Herstel ze onder Configuratie.",
            draft.name
        )),
    }
}
