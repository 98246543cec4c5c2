//! The shell: header with the view tabs and the language switch, the notices, and the
//! views. It owns the state (through the hooks that keep it in the URL and storage),
//! derives the outcome, and hands all of it to the pages through the context.

use std::rc::Rc;

use yew::prelude::*;

use super::components::notice::notice;
use super::context::{AppContext, Derived};
use super::embedding::Embedding;
use super::hooks;
use super::i18n::Lang;
use super::links;
use super::pages::verklaren::Verklaren;
use super::state::store::{Store, StoreAction};
use super::state::Action;
use super::view::View;
use crate::domain::{Engine, ScenarioDraft};
use crate::geo::Located;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embedding: Rc<Embedding>,
}

/// The first view: a casus link opens Oefenen, else the `view` option, else the first.
fn first_view(embedding: &Embedding) -> View {
    let wanted = if links::has_casus(embedding) {
        Some(View::Oefenen)
    } else {
        embedding.view
    };
    match wanted {
        Some(v) if embedding.views.contains(&v) => v,
        _ => embedding.views.first().copied().unwrap_or(View::Verklaren),
    }
}

/// The explainer's outcome, routed at the place the state already located.
fn derive(engine: &Engine, draft: &ScenarioDraft, located: &Option<Located>) -> Derived {
    let scenario = draft.to_scenario()?;
    let routed = match located {
        Some(located) => engine.route_located(&scenario, located),
        None => engine.route(&scenario),
    };
    Some(routed.map_err(|e| e.to_string()))
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The bundled data is checked by the tests; should it fail all the same, say so. (The
    // answer never changes, so the hooks below always run in the same order.)
    let engine = match Engine::bundled() {
        Ok(engine) => engine,
        Err(e) => {
            return html! {
                <p class="rw-error" role="alert">{ format!("Routewijzer: interne fout in de meegeleverde gegevens: {e}") }</p>
            }
        }
    };
    let embedding = &props.embedding;
    let state = hooks::use_scenario(embedding, engine);
    let store = hooks::use_config_store(embedding, &state, engine);
    let view = {
        let embedding = embedding.clone();
        use_state(move || first_view(&embedding))
    };
    // The Speelveld stays mounted (hidden) once opened, so its region and choices survive
    // a visit to the explainer.
    let speelveld_seen = {
        let start = *view;
        use_state(move || start == View::Speelveld)
    };
    let onview = {
        let (view, seen) = (view.clone(), speelveld_seen.clone());
        Callback::from(move |v: View| {
            if v == View::Speelveld {
                seen.set(true);
            }
            view.set(v)
        })
    };
    let outcome = use_memo(
        (state.draft.clone(), state.located.clone()),
        move |(draft, located)| derive(engine, draft, located),
    );
    let app_ref = use_node_ref();
    hooks::use_build_effects(hooks::BuildEffects {
        embedding,
        state: &state,
        outcome: &outcome,
        engine,
        app: &app_ref,
        view: *view,
    });

    let context = AppContext {
        state: state.clone(),
        store: store.clone(),
        engine,
        embedding: embedding.clone(),
        outcome,
        onview: onview.clone(),
    };
    let lang = state.lang;
    let onlang = {
        let state = state.clone();
        let next = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        Callback::from(move |_| state.dispatch(Action::SetLang(next)))
    };
    // One notice for the explainer's and the configurations' messages and reports.
    let ondismiss = {
        let (state, store) = (state.clone(), store.clone());
        Callback::from(move |_| {
            state.dispatch(Action::DismissNotice);
            store.dispatch(StoreAction::Notify(None));
        })
    };
    let classes = classes!(
        "rw-app",
        embedding.compact.then_some("rw-compact"),
        (*view == View::Speelveld).then_some("rw-app-speelveld")
    );
    html! {
        <ContextProvider<AppContext> {context}>
        <div class={classes} lang={lang.code()} ref={app_ref}>
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
            { conflict(&store, lang) }
            if let Some(shown) = state.shown_notice(store.notice.as_deref()) {
                { notice(&shown, lang, ondismiss) }
            }
            { other_views(*view, *speelveld_seen, lang) }
            // The shell hides the explainer in the same render that shows another view (a
            // child's own re-render comes a pass later, and the page would jump meanwhile).
            <main class="rw-main" hidden={*view != View::Verklaren}>
                <Verklaren />
            </main>
            <footer class="rw-footer">
                <p>{ lang.t("Routewijzer is een hulpmiddel om de routering van het DSO te begrijpen, geen officiële bron. Regels en bronnen: zie elke bevinding.",
                    "Routewijzer helps to understand DSO routing; it is not an official source. Rules and sources: see each finding.") }</p>
                <p>{ "Kaart: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis · EUPL-1.2 · " }{ format!("versie {}", env!("CARGO_PKG_VERSION")) }</p>
            </footer>
        </div>
        </ContextProvider<AppContext>>
    }
}

/// Another tab saved the configurations: this one asks which version to keep. (The start
/// build cannot edit them, so it has nothing to keep and never asks.)
#[cfg(not(feature = "views"))]
fn conflict(_store: &UseReducerHandle<Store>, _lang: Lang) -> Html {
    Html::default()
}

/// Another tab saved the configurations: this one asks which version to keep.
#[cfg(feature = "views")]
fn conflict(store: &UseReducerHandle<Store>, lang: Lang) -> Html {
    let Some(conflict) = &store.conflict else {
        return Html::default();
    };
    html! {
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
}

/// Every view but the explainer (which stays mounted, hidden, to keep the map's view).
#[cfg(feature = "views")]
fn other_views(view: View, speelveld_seen: bool, _lang: Lang) -> Html {
    use super::pages::{configuratie::Configuratie, oefenen::Oefenen, speelveld::Speelveld};
    html! {
        <>
            if view == View::Oefenen { <Oefenen /> }
            if view == View::Configuratie { <Configuratie /> }
            if speelveld_seen || view == View::Speelveld {
                <div hidden={view != View::Speelveld}><Speelveld /></div>
            }
        </>
    }
}

/// The start build: the full build is on its way (`use_upgrade`); a line says so.
#[cfg(not(feature = "views"))]
fn other_views(view: View, _speelveld_seen: bool, lang: Lang) -> Html {
    if view == View::Verklaren {
        return html! {};
    }
    html! {
        <p class="rw-loading" role="status">
            { lang.t("Deze weergave wordt geladen… Lukt dat niet, herlaad dan de pagina.",
                "Loading this view… If it does not appear, reload the page.") }
        </p>
    }
}
