//! The Configuratie view: the bundled examples and the user's configurations, a table per
//! bevoegd gezag with filters, editing with diagnostics as you type, undo/redo, import and
//! export (JSON, monitor CSV), and a diff of routes between two configurations.

mod bar;
mod compare;
mod import;
mod table;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::configuration::draft::{Draft, DraftEntry, Severity};
use crate::domain::{Configuration, ConfigurationRef, Engine};
use crate::ui::context::{use_app, AppContext};
use crate::ui::i18n::Lang;
use crate::ui::state::store::{Store, StoreAction, BUNDLED};
use crate::ui::state::Action;
use crate::ui::view::View;

/// A bundled configuration as a draft (read-only in the view); an empty name is the default.
pub fn bundled_draft(engine: &Engine, name: &str) -> Option<Draft> {
    let name = if name.is_empty() { BUNDLED } else { name };
    engine.configuration(name).map(Draft::from_configuration)
}

/// The id of the configuration shown: the user's draft or bundled one chosen here; before
/// any choice, the bundled one the explainer uses, else the default.
pub(crate) fn shown_id(store: &Store, app: &AppContext) -> String {
    if let Some(id) = store.selected.clone().or_else(|| store.bundled.clone()) {
        return id;
    }
    match &app.state.draft.configuration {
        Some(ConfigurationRef::Bundled(name)) => name.clone(),
        _ => BUNDLED.to_string(),
    }
}

/// A fresh id for a new draft.
pub(crate) fn new_id() -> String {
    format!("eigen-{}", js_sys::Date::now() as u64)
}

/// Every configuration by (id, label): the bundled ones first (by name), then the user's.
pub fn all_configurations(engine: &Engine, store: &Store, lang: Lang) -> Vec<(String, String)> {
    let bundled = engine.configurations.iter().map(|(name, c)| {
        let label = c.name.as_deref().unwrap_or(name);
        let note = lang.t("meegeleverd, alleen lezen", "bundled, read-only");
        (name.clone(), format!("{label} ({note})"))
    });
    bundled
        .chain(store.drafts.iter().map(|d| (d.id.clone(), d.name.clone())))
        .collect()
}

/// The draft for an id of [`all_configurations`]: a user's draft, else a bundled one by name
/// (empty = the default).
pub fn draft_by_id(engine: &Engine, store: &Store, id: &str) -> Option<Draft> {
    store
        .draft(id)
        .cloned()
        .or_else(|| bundled_draft(engine, id))
}

/// Use a (valid) configuration in the explainer and show it there: the bundled one by
/// name, a user's one inline.
pub(crate) fn to_explainer(app: &AppContext) -> Callback<Configuration> {
    let (state, onview, engine) = (app.state.clone(), app.onview.clone(), app.engine);
    Callback::from(move |c: Configuration| {
        let bundled = c.id.clone().filter(|id| engine.configuration(id).is_some());
        let chosen = match bundled {
            Some(name) => ConfigurationRef::Bundled(name),
            None => ConfigurationRef::Inline(c),
        };
        state.dispatch(Action::SetConfiguration(Some(chosen)));
        onview.emit(View::Verklaren);
    })
}

#[function_component(Configuratie)]
pub fn configuratie() -> Html {
    let imports = import::use_import();
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (store, engine, lang) = (app.store.clone(), app.engine, app.state.lang);
    let active = app
        .state
        .inline_id()
        .and_then(|id| store.draft(id))
        .map(|d| d.id.clone());
    // Shared with the store, not copied: a draft can have thousands of entries.
    let editable: Option<Rc<Draft>> = store
        .selected
        .as_deref()
        .and_then(|id| store.drafts.iter().find(|d| d.id == id))
        .cloned();
    // A bundled one made into a draft once per choice (voorbeeld-nederland has 1 107 entries).
    let bundled = use_memo(shown_id(&store, &app), |name| {
        Rc::new(bundled_draft(engine, name).unwrap_or_default())
    });
    let shown = editable.clone().unwrap_or_else(|| (*bundled).clone());
    // Checked once per version of the draft, not on every render (a draft can have
    // thousands of entries).
    let diagnostics = use_memo(shown.clone(), |d| d.check(engine));
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Fout);

    let onkey = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let action = match e.key().to_lowercase().as_str() {
                "z" if e.shift_key() => StoreAction::Redo,
                "z" => StoreAction::Undo,
                "y" => StoreAction::Redo,
                _ => return,
            };
            e.prevent_default();
            store.dispatch(action);
        })
    };
    let onchange = {
        let store = store.clone();
        Callback::from(
            move |(draft, key): (Draft, Option<(usize, &'static str)>)| {
                store.dispatch(StoreAction::Update(draft, key))
            },
        )
    };
    let is_active = editable.is_some() && active == store.selected;

    html! {
        <section class="rw-config" aria-labelledby="rw-h-config" onkeydown={onkey}>
            <h2 id="rw-h-config">{ lang.t("Behandeldienstconfiguratie", "Behandeldienst configuration") }</h2>
            <p class="rw-lead">{ lang.t(
                "Per bevoegd gezag: welke behandeldienst verzoeken krijgt voor een activiteit of groep, eventueel alleen voor één verzoektype of alleen in sommige gemeenten.",
                "Per bevoegd gezag: which behandeldienst receives verzoeken for an activity or group, optionally for one verzoektype or some gemeenten only.") }</p>
            <details class="rw-config-exercise">
                <summary>{ lang.t("Oefening: vraagstuk 1 nadoen", "Exercise: redo vraagstuk 1") }</summary>
                <p>{ lang.t(
                    "Eén activiteit, drie behandeldiensten per gemeente. Kies ‘Nieuwe lege configuratie’ en voeg drie instellingen toe voor Gedeputeerde Staten van Noord-Brabant (PV30) met Ontgrondingsactiviteit: Oss (GM0828) naar Omgevingsdienst Brabant Noord (ODBN), Eindhoven (GM0772) naar Omgevingsdienst Zuidoost-Brabant (ODZOB) en Tilburg (GM0855) naar Omgevingsdienst Midden- en West-Brabant (OMWB). Kies ‘Gebruik in de verklaring’ en kies met die activiteit Oss, Eindhoven of Tilburg. Probeer daarna een voorwaarde op inhoud (bijvoorbeeld ‘alleen boven 1000 m²’): u ziet waarom dat niet kan.",
                    "One activity, three behandeldiensten by gemeente. Choose ‘New empty configuration’ and add three settings for Gedeputeerde Staten of Noord-Brabant (PV30) with Ontgrondingsactiviteit: Oss (GM0828) to Omgevingsdienst Brabant Noord (ODBN), Eindhoven (GM0772) to Omgevingsdienst Zuidoost-Brabant (ODZOB) and Tilburg (GM0855) to Omgevingsdienst Midden- en West-Brabant (OMWB). Choose ‘Use in the explainer’ and choose Oss, Eindhoven or Tilburg with that activity. Then try a condition on content (say ‘only above 1000 m²’): you will see why that is impossible.") }</p>
            </details>
            <bar::Bar shown={shown.clone()} editable={editable.is_some()} onfile={imports.onfile.clone()} />
            if is_active {
                <p class="rw-config-status" role="status">{
                    if has_errors {
                        lang.t("De verklaring gebruikt deze configuratie. Er zijn fouten: de verklaring blijft de laatste geldige versie gebruiken tot ze zijn opgelost.",
                            "The explainer uses this configuration. It has errors: the explainer keeps the last valid version until they are fixed.")
                    } else {
                        lang.t("De verklaring gebruikt deze configuratie; wijzigingen werken direct door.", "The explainer uses this configuration; changes apply at once.")
                    }
                }</p>
            }
            if let Some(p) = &*imports.progress {
                { import::progress_view(p, lang) }
            }
            if let Some(r) = &*imports.report {
                { import::report_view(r, lang, imports.ondownload.clone()) }
            }
            if let Some(d) = &editable {
                <table::Meta draft={Rc::clone(d)} onchange={onchange.clone()} {lang} />
            }
            <table::Tables key={shown.id.clone()} draft={shown.clone()} editable={editable.is_some()} diagnostics={diagnostics} {onchange} {lang} />
            <compare::Compare />
        </section>
    }
}

/// A new entry: the bevoegd gezag of the last one, so adding within a table is quick.
pub(crate) fn new_entry(draft: &Draft) -> DraftEntry {
    DraftEntry {
        bevoegd_gezag: draft
            .entries
            .last()
            .map(|e| e.bevoegd_gezag.clone())
            .unwrap_or_default(),
        ..DraftEntry::default()
    }
}
