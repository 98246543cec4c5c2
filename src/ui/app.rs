//! The explainer screen: location, activities, outcome. One reducer holds the scenario;
//! the outcome is derived from it on every render and never stored.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use super::activities::Activities;
use super::config_store::{Store, StoreAction, BUNDLED};
use super::embed::Embedding;
use super::i18n::Lang;
use super::location::{locate, LocationCard, LocationPicker};
use super::map::Map;
use super::outcome::{Assumptions, OutcomeView};
use super::scenario_io;
use super::state::{Action, Place, State};
use crate::domain::{explain_json, Engine};

/// The app's views; the explainer stays mounted (hidden) so its map keeps pan and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Verklaren,
    Oefenen,
    Speelveld,
    Configuratie,
}

impl View {
    pub const ALL: [View; 4] = [
        View::Verklaren,
        View::Configuratie,
        View::Speelveld,
        View::Oefenen,
    ];

    /// The name in mount options (`views: ["verklaren", …]`).
    pub fn id(self) -> &'static str {
        match self {
            View::Verklaren => "verklaren",
            View::Configuratie => "configuratie",
            View::Speelveld => "speelveld",
            View::Oefenen => "oefenen",
        }
    }

    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Verklaren => lang.t("Verklaren", "Explain"),
            View::Oefenen => lang.t("Oefenen", "Practise"),
            View::Speelveld => lang.t("Speelveld", "Playing field"),
            View::Configuratie => lang.t("Configuratie", "Configuration"),
        }
    }
}

/// What the views beside the explainer need from the app (the start build reads only the
/// view and the language: it shows a loading line).
#[cfg_attr(not(feature = "views"), allow(dead_code))]
struct OtherViews {
    view: View,
    state: State,
    dispatch: Callback<Action>,
    onview: Callback<View>,
    lang: Lang,
    /// The Speelveld stays mounted (hidden) once opened, so its region and choices survive
    /// a visit to the explainer.
    speelveld_seen: bool,
    store: UseReducerHandle<Store>,
    onuse: Callback<crate::domain::Configuration>,
    /// The user configuration the explainer uses, if any.
    active: Option<String>,
}

/// Every view but the explainer (which stays mounted, hidden, to keep the map's view).
#[cfg(feature = "views")]
fn other_views(v: &OtherViews) -> Html {
    let lang = v.lang;
    html! {
        <>
            if v.view == View::Oefenen { <super::oefenen::Oefenen {lang} scenario={v.state.scenario()} /> }
            if v.view == View::Configuratie {
                <super::configuratie::Configuratie store={v.store.clone()} {lang} onuse={v.onuse.clone()} active={v.active.clone()} />
            }
            if v.speelveld_seen || v.view == View::Speelveld {
                <div hidden={v.view != View::Speelveld}>
                    <super::speelveld::Speelveld state={v.state.clone()} dispatch={v.dispatch.clone()} onview={v.onview.clone()} {lang} />
                </div>
            }
        </>
    }
}

/// The start build: the full build is on its way (requested in `App`).
#[cfg(not(feature = "views"))]
fn other_views(v: &OtherViews) -> Html {
    if v.view == View::Verklaren {
        return html! {};
    }
    html! {
        <p class="rw-loading" role="status">
            { v.lang.t("Deze weergave wordt geladen… Lukt dat niet, herlaad dan de pagina.",
                "Loading this view… If it does not appear, reload the page.") }
        </p>
    }
}

/// The first state: the URL (if this instance owns it), else this instance's stored work,
/// else the host's options, else empty.
fn initial_state(embedding: &Embedding) -> State {
    let fallback = || {
        let mut state = scenario_io::from_storage(embedding)
            .or_else(|| embedding.initial.clone())
            .unwrap_or_default();
        state.lang = embedding.lang;
        state
    };
    match scenario_io::from_fragment(embedding) {
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

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embedding: Rc<Embedding>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embedding = props.embedding.clone();
    let state = {
        let embedding = embedding.clone();
        use_reducer(move || initial_state(&embedding))
    };
    let lang = state.lang;
    let view = {
        let embedding = embedding.clone();
        use_state(move || {
            let wanted = if super::embed::casus_link_in_url(&embedding) {
                Some(View::Oefenen)
            } else {
                embedding.view
            };
            match wanted {
                Some(v) if embedding.views.contains(&v) => v,
                _ => embedding.views.first().copied().unwrap_or(View::Verklaren),
            }
        })
    };
    // The Speelveld stays mounted (hidden) once opened, so its region and choices survive
    // a visit to the explainer.
    let speelveld_seen = {
        let start = *view;
        use_state(move || start == View::Speelveld)
    };
    let onview = {
        let view = view.clone();
        let seen = speelveld_seen.clone();
        Callback::from(move |v: View| {
            if v == View::Speelveld {
                seen.set(true);
            }
            view.set(v)
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    let storage_problem = use_state(|| None::<String>);
    // The URL and storage follow the state; a casus link the page was opened with stays in
    // the URL until the scenario itself changes.
    {
        let embedding = embedding.clone();
        let first = use_mut_ref(|| true);
        let storage_problem = storage_problem.clone();
        use_effect_with((*state).clone(), move |state| {
            let opened_with_casus = std::mem::replace(&mut *first.borrow_mut(), false)
                && super::embed::casus_link_in_url(&embedding);
            // Shown beside the file actions while it lasts: the scenario still lives in this
            // window and its URL.
            let problem = scenario_io::save(state, &embedding, !opened_with_casus).err();
            if *storage_problem != problem {
                storage_problem.set(problem);
            }
            if embedding.owns_fragment {
                gloo::utils::document_element()
                    .set_attribute("lang", state.lang.code())
                    .ok();
            }
            super::embed::notify_host(&embedding, state);
        });
    }
    super::embed::use_host_messages(&embedding, &state);

    // A link pasted into this tab's address bar changes only the fragment.
    {
        let state = state.clone();
        let embedding = embedding.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if scenario_io::fragment_matches(&state) {
                    return;
                }
                match scenario_io::from_fragment(&embedding) {
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

    let app_ref = use_node_ref();
    super::embed::use_host_resize(&embedding, &app_ref);
    // The start build has only the explainer: another view loads the full build.
    #[cfg(not(feature = "views"))]
    {
        let app_ref = app_ref.clone();
        use_effect_with((*view, (*state).clone()), move |(view, state)| {
            if *view != View::Verklaren {
                super::embed::request_upgrade(&app_ref, *view, state);
            }
        });
    }

    // The user's configurations; the one the explainer uses follows every valid edit.
    let store = {
        let key = embedding.storage_key(super::config_store::STORAGE_NAME);
        use_reducer(move || Store::load(key))
    };
    {
        let reducer = store.clone();
        // Saved after a change only: loading writes nothing (so an unreadable store stays
        // in place for the full build to report too, after a lazy switch).
        let loaded = use_mut_ref(|| true);
        use_effect_with((*store).clone(), move |store| {
            if std::mem::replace(&mut *loaded.borrow_mut(), false) {
                return;
            }
            if let Err(e) = store.save() {
                if store.notice.is_none() {
                    reducer.dispatch(StoreAction::Notify(Some(format!(
                        "De configuraties zijn niet bewaard: {e}. Exporteer ze om ze te houden."
                    ))));
                }
            }
        });
    }
    // Another tab saved the configurations: this tab stops saving and asks (config_store).
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
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
            let user = c.id.as_deref().is_some_and(|id| id != BUNDLED);
            if user {
                let draft = crate::domain::configuration::draft::Draft::from_configuration(&c);
                dispatch.emit(Action::SetInlineConfiguration(draft.to_value()));
            } else {
                dispatch.emit(Action::SetConfiguration(Some(BUNDLED.to_string())));
            }
            view.set(View::Verklaren);
        })
    };

    let outcome = use_memo((*state).clone(), |state| {
        state
            .scenario()
            .map(|scenario| explain_json(&scenario).map_err(|e| e.to_string()))
    });

    // A point in a large water waits, in the start build, for the water areas (ui::water).
    let app = state.dispatcher();
    super::water::track(&app);
    let onplace = {
        let dispatch = dispatch.clone();
        Callback::from(move |place: Place| {
            if !super::water::wait_for_place(&app, &place) {
                dispatch.emit(Action::Place(place))
            }
        })
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
            let Some(file) = super::forms::take_file(&e) else {
                return;
            };
            let name = file.name();
            if file.size() > scenario_io::MAX_FILE_BYTES {
                dispatch.emit(Action::Notify(format!(
                    "{name}: het bestand is te groot ({} kB, maximaal 1024 kB). Uw vorige scenario is behouden.",
                    crate::domain::json::whole(file.size() / 1024.0)
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
        <ContextProvider<Rc<Embedding>> context={embedding.clone()}>
        <div class={classes!("rw-app", embedding.compact.then_some("rw-compact"), (*view == View::Speelveld).then_some("rw-app-speelveld"))} lang={lang.code()} ref={app_ref}>
            <header class="rw-header">
                <div class="rw-header-row">
                    <h1>{ "Routewijzer" }</h1>
                    <nav class="rw-views" hidden={embedding.views.len() < 2} aria-label={lang.t("Weergave", "View")}>
                        { for embedding.views.iter().map(|&v| html! {
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
            if let Some(conflict) = &store.conflict {
                <div class="rw-notice" role="alert">
                    <p>
                        { lang.t("Een ander venster heeft de configuraties intussen gewijzigd. Dit venster bewaart niets meer tot u kiest.",
                            "Another window changed the configurations meanwhile. This window saves nothing until you choose.") }
                        if let Err(why) = conflict { { format!(" ({why})") } }
                    </p>
                    if conflict.is_ok() {
                        <button type="button" class="rw-button" onclick={{ let store = store.clone(); move |_| store.dispatch(StoreAction::Resolve(true)) }}>
                            { lang.t("Gebruik die versie", "Use that version") }
                        </button>
                    }
                    <button type="button" class="rw-button" onclick={{ let store = store.clone(); move |_| store.dispatch(StoreAction::Resolve(false)) }}>
                        { lang.t("Houd de versie van dit venster", "Keep this window's version") }
                    </button>
                </div>
            }
            if let Some(notice) = &state.notice {
                <div class="rw-notice" role="alert">
                    <p>{ &notice.text }</p>
                    <button type="button" class="rw-button" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
                </div>
            }
            { other_views(&OtherViews { view: *view, state: (*state).clone(), dispatch: dispatch.clone(), onview: onview.clone(), lang, speelveld_seen: *speelveld_seen, store: store.clone(), onuse: onuse.clone(), active: active.clone() }) }
            <main class="rw-main" hidden={*view != View::Verklaren}>
                <section class="rw-panel rw-panel-location" aria-labelledby="rw-h-location">
                    <h2 id="rw-h-location">{ lang.t("1. Locatie", "1. Location") }</h2>
                    <Map {marker} {selected} {onpick} {lang} region={embedding.region.clone()} />
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
                    if let Some(problem) = &*storage_problem {
                        <p class="rw-warning" role="status">{ format!("{}: {problem}.", lang.t("Niet bewaard in deze browser", "Not kept in this browser")) }</p>
                    }
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
                <p>{ "Kaart: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis · EUPL-1.2 · " }{ format!("versie {}", env!("CARGO_PKG_VERSION")) }</p>
            </footer>
        </div>
        </ContextProvider<Rc<Embedding>>>
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
