//! The shell: skip links, the header with the views (links in the URL, so Back works) and
//! the language switch, the notices, the views in one `<main>`, and the footer with an
//! "Over" panel. It owns the state (through the hooks that keep it in the URL and storage),
//! derives the outcome, and hands all of it to the pages through the context.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::{focus, focus_id};
use super::components::glossary;
use super::components::notice::notices;
use super::context::{AppContext, Derived};
use super::embedding::Embedding;
use super::hooks;
use super::i18n::Lang;
use super::links;
use super::pages::verklaren::Verklaren;
use super::rule_texts;
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

/// The explainer's outcome, routed at the place the state already located.
fn derive(engine: &Engine, draft: &ScenarioDraft, located: &Option<Located>) -> Derived {
    let scenario = draft.to_scenario()?;
    let routed = match located {
        Some(located) => engine.route_located(&scenario, located),
        None => engine.route(&scenario),
    };
    Some(routed.map_err(|e| e.to_string()))
}

/// A link that moves focus to `target` without touching the URL (only `links` does that).
fn skip_link(target: &'static str, text: &'static str) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(link) = e.target_dyn_into::<web_sys::Node>() {
            focus_id(&link, target);
        }
    });
    html! {
        <a class="nl-skip-link nl-skip-link--visible-on-focus rw-skip" href={format!("#{target}")} {onclick}>{ text }</a>
    }
}

/// After a change of view, focus goes to the new view's first heading (a screen reader then
/// reads where the user is); not on the first render, unless the loader asks (`focus`:
/// the switch from the start build).
#[hook]
fn use_view_focus(app: &NodeRef, view: View, focus_first: bool) {
    let first = use_mut_ref(|| true);
    let app = app.clone();
    use_effect_with(view, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) && !focus_first {
            return;
        }
        let heading = app
            .cast::<web_sys::Element>()
            .and_then(|app| app.query_selector(".rw-views-main > :not([hidden]) h2").ok())
            .flatten();
        if let Some(heading) = heading {
            focus(heading);
        }
    });
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
    super::water::track(&state); // a scenario waiting for the water areas opens here
    let store = hooks::use_config_store(embedding, &state, engine);
    let view = state.view;
    // The Speelveld stays mounted (hidden) once opened, so its region and choices survive
    // a visit to the explainer.
    let speelveld_seen = use_mut_ref(|| false);
    if view == View::Speelveld {
        *speelveld_seen.borrow_mut() = true;
    }
    let onview = {
        let state = state.clone();
        Callback::from(move |v: View| state.dispatch(Action::SetView(v)))
    };
    let outcome = use_memo(
        (state.draft.clone(), state.located.clone()),
        move |(draft, located)| derive(engine, draft, located),
    );
    let app_ref = use_node_ref();
    use_view_focus(&app_ref, view, embedding.focus);
    hooks::use_build_effects(hooks::BuildEffects {
        embedding,
        state: &state,
        outcome: &outcome,
        engine,
        app: &app_ref,
        view,
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
        Callback::from(move |_| state.dispatch(Action::SetLang(lang.other())))
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
        (view == View::Speelveld).then_some("rw-app-speelveld")
    );
    let seen = *speelveld_seen.borrow();
    // The page's own instance has the page's landmarks; an embedded one is a named region
    // of its host's page, with plain parts inside.
    let page = embedding.owns_fragment;
    let (root, part) = if page { ("div", ["header", "main", "footer"]) } else { ("section", ["div"; 3]) };
    let [header, main, footer_tag] = part;
    html! {
        <ContextProvider<AppContext> {context}>
        <@{root} class={classes} lang={lang.code()} ref={app_ref} aria-label={(!page).then(|| embedding.name())}>
            // Skip links serve the page; an embedded instance is one region of its host's.
            if page {
                <div class="rw-skip-links">
                    if view == View::Verklaren {
                        { skip_link("rw-gemeente-search", lang.t("Naar locatie kiezen", "Skip to choosing the location")) }
                        { skip_link("rw-activity-filter", lang.t("Naar activiteiten kiezen", "Skip to choosing activities")) }
                        { skip_link("rw-summary", lang.t("Naar de uitkomst", "Skip to the outcome")) }
                    } else {
                        { skip_link("rw-main", lang.t("Naar de inhoud", "Skip to the content")) }
                    }
                </div>
            }
            <@{header} class="rw-header">
                <div class="rw-header-row">
                    <h1>{ "Routewijzer" }</h1>
                    { views_nav(embedding, view, &state.draft, &onview, lang) }
                    <button type="button" class="nl-button nl-button--subtle rw-lang" onclick={onlang}
                        lang={lang.other().code()}>
                        { if lang == Lang::Nl { "English" } else { "Nederlands" } }
                    </button>
                </div>
                <p class="rw-lead">{ lead(lang) }</p>
            </@>
            { conflict(&store, lang) }
            { match state.shown_notices(store.notice.as_deref()).as_slice() {
                [] => Html::default(),
                shown => notices(shown, lang, ondismiss),
            } }
            <@{main} id="rw-main" class="rw-views-main">
                { other_views(view, seen, lang) }
                // The shell hides the explainer in the same render that shows another view (a
                // child's own re-render comes a pass later, and the page would jump meanwhile).
                <div class="rw-main" hidden={view != View::Verklaren}>
                    <Verklaren />
                </div>
            </@>
            { footer(footer_tag, lang) }
        </@>
        </ContextProvider<AppContext>>
    }
}

/// The views as links: each has its own address, the current one is marked.
fn views_nav(
    embedding: &Embedding,
    view: View,
    draft: &ScenarioDraft,
    onview: &Callback<View>,
    lang: Lang,
) -> Html {
    if embedding.views.len() < 2 {
        return Html::default();
    }
    html! {
        <nav class="rw-views" aria-label={format!("{} {}", lang.t("Weergaven van", "Views of"), embedding.name())}>
            <ul>
                { for embedding.views.iter().map(|&v| {
                    let onclick = {
                        let onview = onview.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            onview.emit(v);
                        })
                    };
                    html! {
                        <li><a class="rw-view-link" href={links::view_href(v, draft)} data-view={v.id()}
                            aria-current={(view == v).then_some("page")} {onclick}>{ v.label(lang) }</a></li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// What the app is for, with each term's first use linked to its explanation.
fn lead(lang: Lang) -> Html {
    let term = |id, text| glossary::term_link(id, text);
    match lang {
        Lang::Nl => html! { <>
            { "Zie welk " }{ term("bevoegd-gezag", "bevoegd gezag") }{ " en welke " }{ term("behandeldienst", "behandeldienst") }
            { " elk " }{ term("verzoek", "verzoek") }{ " uit het " }{ term("omgevingsloket", "Omgevingsloket") }
            { " krijgen, hoeveel " }{ term("verzoeknotificatie", "verzoeknotificaties") }{ " er uitgaan, wie als " }
            { term("adviseur", "adviseur") }{ " niets krijgt, en waarom." }
        </> },
        Lang::En => html! { <>
            { "See which " }{ term("bevoegd-gezag", "bevoegd gezag") }{ " and which " }{ term("behandeldienst", "behandeldienst") }
            { " receive each " }{ term("verzoek", "verzoek") }{ " from the " }{ term("omgevingsloket", "Omgevingsloket") }
            { ", how many " }{ term("verzoeknotificatie", "verzoeknotificaties") }{ " go out, which " }
            { term("adviseur", "adviseur") }{ " gets nothing, and why." }
        </> },
    }
}

/// The footer: what Routewijzer is, and an "Over" panel with the sources' date, the map's
/// attribution, the licence, the version, and the glossary.
fn footer(tag: &'static str, lang: Lang) -> Html {
    html! {
        <@{tag} class="rw-footer">
            <p>{ lang.t("Routewijzer helpt de routering van het Omgevingsloket te begrijpen. Het is geen officiële bron; de bronnen staan bij elke bevinding.",
                "Routewijzer helps to understand how the Omgevingsloket routes verzoeken. It is not an official source; the sources are given with each finding.") }</p>
            <About {lang} />
            { glossary::glossary(lang) }
        </@>
    }
}

#[derive(Properties, PartialEq)]
struct AboutProps {
    lang: Lang,
}

/// "Over Routewijzer": the date the sources were last checked comes with the rules, which
/// the start build fetches when this panel opens.
#[function_component(About)]
fn about(props: &AboutProps) -> Html {
    let update = use_force_update();
    let _subscription = use_memo((), move |_| {
        rule_texts::subscribe(Rc::new(move || update.force_update()))
    });
    let lang = props.lang;
    let ontoggle = Callback::from(|e: Event| {
        if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
            if details.open() {
                rule_texts::request(&details);
            }
        }
    });
    let checked = rule_texts::sources_checked(lang)
        .unwrap_or_else(|| lang.t("wordt geladen…", "loading…").to_string());
    html! {
        <details class="rw-about" {ontoggle}>
            <summary>{ lang.t("Over Routewijzer", "About Routewijzer") }</summary>
            <p>{ format!("{}: {checked}", lang.t("Stand van de bronnen", "Sources checked on")) }</p>
            <p>{ lang.t("Kaart: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis.", "Map: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis.") }</p>
            <p>{ format!("{} · {} {}", lang.t("Licentie EUPL-1.2", "Licence EUPL-1.2"), lang.t("versie", "version"), env!("CARGO_PKG_VERSION")) }</p>
        </details>
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
                if let Err(why) = conflict { { " (" }<span lang="nl">{ why }</span>{ ")" } }
            </p>
            if conflict.is_ok() {
                <button type="button" class="nl-button nl-button--primary" onclick={{ let store = store.clone(); move |_| store.dispatch(StoreAction::Resolve(true)) }}>
                    { lang.t("Gebruik die versie", "Use that version") }
                </button>
            }
            <button type="button" class="nl-button nl-button--secondary" onclick={{ let store = store.clone(); move |_| store.dispatch(StoreAction::Resolve(false)) }}>
                { lang.t("Houd de versie van dit venster", "Keep this window's version") }
            </button>
        </div>
    }
}

/// Every view but the explainer (which stays mounted, hidden, to keep the map's view).
#[cfg(feature = "views")]
fn other_views(view: View, speelveld_seen: bool, _lang: Lang) -> Html {
    use super::pages::{
        configuratie::Configuratie, oefenen::Oefenen, speelveld::Speelveld,
        werkafspraken::Werkafspraken,
    };
    html! {
        <>
            if view == View::Oefenen { <Oefenen /> }
            if view == View::Werkafspraken { <Werkafspraken /> }
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
