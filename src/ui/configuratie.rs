//! The Configuratie view: the bundled example and the user's configurations, a table per
//! bevoegd gezag with filters, editing with diagnostics as you type, undo/redo, import and
//! export (JSON, monitor CSV), and a diff of routes between two configurations.

mod compare;
mod table;

use gloo_file::callbacks::FileReader;
use yew::prelude::*;

pub use super::config_store::{Store, StoreAction, BUNDLED};
use super::i18n::Lang;
use super::scenario_io;
use crate::domain::configuration::csv::{export_csv, import_csv, RowProblem};
use crate::domain::configuration::draft::{Draft, DraftEntry, Severity};
use crate::domain::{Configuration, Engine};

/// The bundled example as a draft (read-only in the view).
pub fn bundled_draft() -> Draft {
    Engine::bundled()
        .ok()
        .and_then(|e| e.configuration(BUNDLED))
        .map(Draft::from_configuration)
        .unwrap_or_default()
}

/// Every configuration by (id, label): the bundled one first.
pub fn all_configurations(store: &Store, lang: Lang) -> Vec<(String, String)> {
    let bundled = bundled_draft();
    std::iter::once((
        String::new(),
        format!(
            "{} ({})",
            bundled.name,
            lang.t("meegeleverd, alleen lezen", "bundled, read-only")
        ),
    ))
    .chain(store.drafts.iter().map(|d| (d.id.clone(), d.name.clone())))
    .collect()
}

/// The draft for an id of [`all_configurations`] (empty = the bundled one).
pub fn draft_by_id(store: &Store, id: &str) -> Option<Draft> {
    if id.is_empty() {
        Some(bundled_draft())
    } else {
        store.draft(id).cloned()
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub store: UseReducerHandle<Store>,
    pub lang: Lang,
    /// Use this (valid) configuration in the explainer.
    pub onuse: Callback<Configuration>,
    /// Id of the user configuration the explainer uses, if any.
    pub active: Option<String>,
}

/// What the last import said: file name, rows read, rejected rows.
#[derive(Clone, PartialEq)]
struct ImportReport {
    file: String,
    rows: usize,
    problems: Vec<RowProblem>,
}

#[function_component(Configuratie)]
pub fn configuratie(props: &Props) -> Html {
    let lang = props.lang;
    let store = props.store.clone();
    let report = use_state(|| None::<ImportReport>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let Ok(engine) = Engine::bundled() else {
        return html! { <p class="rw-error">{ "interne fout in meegeleverde gegevens" }</p> };
    };
    let editable = store.selected_draft().cloned();
    let shown = editable.clone().unwrap_or_else(bundled_draft);
    let diagnostics = shown.check(engine);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Fout);

    let onselect = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let v = s.value();
                store.dispatch(StoreAction::Select((!v.is_empty()).then_some(v)));
            }
        })
    };
    let add = |make: fn(&Draft, Lang) -> Draft| {
        let store = store.clone();
        let shown = shown.clone();
        Callback::from(move |_| store.dispatch(StoreAction::Add(make(&shown, lang))))
    };
    let oncopy = add(|d, lang| Draft {
        id: super::config_store::new_id(),
        name: format!("{} ({})", d.name, lang.t("kopie", "copy")),
        ..d.clone()
    });
    let onnew = add(|_, lang| Draft {
        id: super::config_store::new_id(),
        name: lang.t("Nieuwe configuratie", "New configuration").into(),
        ..Draft::default()
    });
    let onremove = {
        let store = store.clone();
        let id = store.selected.clone();
        Callback::from(move |_| {
            if let Some(id) = &id {
                store.dispatch(StoreAction::Remove(id.clone()));
            }
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
    let onuse = {
        let onuse = props.onuse.clone();
        let shown = shown.clone();
        let store = store.clone();
        Callback::from(move |_| match shown.to_configuration(engine) {
            Ok(c) => onuse.emit(c),
            Err(e) => store.dispatch(StoreAction::Notify(Some(format!(
                "Deze configuratie bevat fouten en kan niet in de verklaring: {e}"
            )))),
        })
    };
    let export = |csv: bool| {
        let shown = shown.clone();
        let store = store.clone();
        Callback::from(move |_| {
            let name = if shown.id.is_empty() {
                BUNDLED
            } else {
                shown.id.as_str()
            };
            let result = if csv {
                scenario_io::offer_file(
                    &format!("{name}.csv"),
                    "text/csv",
                    &export_csv(&shown, engine),
                )
            } else {
                serde_json::to_string_pretty(&shown.to_value())
                    .map_err(|e| e.to_string())
                    .and_then(|t| {
                        scenario_io::offer_file(&format!("{name}.json"), "application/json", &t)
                    })
            };
            if let Err(e) = result {
                store.dispatch(StoreAction::Notify(Some(e)));
            }
        })
    };
    let onimport = {
        let store = store.clone();
        let report = report.clone();
        Callback::from(move |e: Event| {
            let Some(file) = super::forms::take_file(&e) else {
                return;
            };
            let name = file.name();
            if file.size() > scenario_io::MAX_FILE_BYTES {
                store.dispatch(StoreAction::Notify(Some(format!(
                    "{name}: het bestand is te groot ({:.0} kB, maximaal 1024 kB). Er is niets veranderd.",
                    file.size() / 1024.0
                ))));
                return;
            }
            let store = store.clone();
            let report = report.clone();
            let task = gloo_file::callbacks::read_as_bytes(&file.into(), move |result| {
                let imported = result
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| import_file(&name, &bytes, engine));
                match imported {
                    Ok((draft, r)) => {
                        store.dispatch(StoreAction::Notify(None));
                        store.dispatch(StoreAction::Add(draft));
                        report.set(Some(r));
                    }
                    Err(message) => store.dispatch(StoreAction::Notify(Some(format!(
                        "{name}: {message}. Er is niets veranderd."
                    )))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let ondismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(StoreAction::Notify(None)))
    };
    let is_active = editable.is_some() && props.active == store.selected;

    html! {
        <main class="rw-config" aria-labelledby="rw-h-config" onkeydown={onkey}>
            <h2 id="rw-h-config">{ lang.t("Behandeldienstconfiguratie", "Behandeldienst configuration") }</h2>
            <p class="rw-lead">{ lang.t(
                "Per bevoegd gezag: welke behandeldienst krijgt verzoeken voor een activiteit of groep, eventueel alleen voor één verzoektype of alleen in sommige gemeenten. Vraagstuk 1 nadoen (één activiteit, drie behandeldiensten per gemeente): kies ‘Nieuwe lege configuratie’, voeg drie regels toe voor bevoegd gezag PV30 met Ontgrondingsactiviteit — gemeente GM0828 naar ODBN, GM0772 naar ODZOB, GM0855 naar OMWB — kies ‘Gebruik in de verklaring’ en klik met die activiteit op Oss, Eindhoven of Tilburg. Probeer daarna een voorwaarde op inhoud (bijvoorbeeld ‘alleen boven 1000 m²’): u ziet waarom dat niet kan.",
                "Per bevoegd gezag: which behandeldienst receives verzoeken for an activity or group, optionally for one verzoektype or some gemeenten only. To redo vraagstuk 1 (one activity, three behandeldiensten by gemeente): choose ‘New empty configuration’, add three entries for bevoegd gezag PV30 with Ontgrondingsactiviteit — gemeente GM0828 to ODBN, GM0772 to ODZOB, GM0855 to OMWB — choose ‘Use in the explainer’ and click Oss, Eindhoven or Tilburg with that activity. Then try a condition on content (say ‘only above 1000 m²’): you will see why that is impossible.") }</p>
            if let Some(text) = &store.notice {
                <div class="rw-notice" role="alert">
                    <p>{ text }</p>
                    <button type="button" class="rw-button" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
                </div>
            }
            <div class="rw-config-bar">
                <div class="rw-field">
                    <label for="rw-cfg-select">{ lang.t("Configuratie", "Configuration") }</label>
                    <select id="rw-cfg-select" onchange={onselect}>
                        { for all_configurations(&store, lang).into_iter().map(|(id, label)| html! {
                            <option value={id.clone()} selected={store.selected.clone().unwrap_or_default() == id}>{ label }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="rw-button" onclick={oncopy}>{ lang.t("Kopiëren om te bewerken", "Copy to edit") }</button>
                <button type="button" class="rw-button" onclick={onnew}>{ lang.t("Nieuwe lege configuratie", "New empty configuration") }</button>
                if editable.is_some() {
                    <button type="button" class="rw-button" onclick={onremove}>{ lang.t("Verwijderen", "Delete") }</button>
                }
                <button type="button" class="rw-button" onclick={onundo} disabled={!store.can_undo()} title="Ctrl+Z">{ lang.t("Ongedaan maken", "Undo") }</button>
                <button type="button" class="rw-button" onclick={onredo} disabled={!store.can_redo()} title="Ctrl+Y">{ lang.t("Opnieuw", "Redo") }</button>
                <button type="button" class="rw-button" onclick={onuse}>{ lang.t("Gebruik in de verklaring", "Use in the explainer") }</button>
                <label class="rw-button rw-file-label" for="rw-cfg-import">{ lang.t("Importeer JSON of CSV…", "Import JSON or CSV…") }</label>
                <input id="rw-cfg-import" class="rw-file-input" type="file" accept=".json,.csv,application/json,text/csv" onchange={onimport} />
                <button type="button" class="rw-button" onclick={export(false)}>{ lang.t("Exporteer JSON", "Export JSON") }</button>
                <button type="button" class="rw-button" onclick={export(true)}>{ lang.t("Exporteer CSV", "Export CSV") }</button>
            </div>
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
            if let Some(r) = &*report {
                <section class="rw-card rw-config-report" aria-labelledby="rw-h-import">
                    <h3 id="rw-h-import">{ format!("{} {}: {} {}, {} {}", lang.t("Import", "Import"), r.file, r.rows, lang.t("rijen", "rows"), r.problems.len(), lang.t("niet overgenomen", "rejected")) }</h3>
                    <ul>{ for r.problems.iter().map(|p| html! {
                        <li class="rw-config-problem">{ format!("{} {}: {}", lang.t("Regel", "Line"), p.line, p.message) }</li>
                    }) }</ul>
                </section>
            }
            if let Some(d) = &editable {
                <table::Meta draft={d.clone()} onchange={onchange.clone()} {lang} />
            }
            <table::Tables draft={shown.clone()} editable={editable.is_some()} diagnostics={diagnostics} {onchange} {lang} />
            <compare::Compare store={store.clone()} {lang} />
        </main>
    }
}

/// A file's bytes → a new draft named after the file, and what happened to its rows.
fn import_file(name: &str, bytes: &[u8], engine: &Engine) -> Result<(Draft, ImportReport), String> {
    let text = crate::domain::text_from_bytes(bytes).map_err(|e| e.to_string())?;
    let base = name.rsplit_once('.').map_or(name, |(b, _)| b).to_string();
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    let (mut draft, rows, problems) = if looks_json {
        let value = crate::domain::parse_json_text(text).map_err(|e| e.to_string())?;
        let c = Configuration::from_value(&value, "", &engine.catalogue, &engine.organisations)
            .map_err(|e| e.to_string())?;
        let d = Draft::from_configuration(&c);
        let rows = d.entries.len();
        (d, rows, Vec::new())
    } else {
        let r = import_csv(text, &base, engine)?;
        (r.draft, r.rows, r.problems)
    };
    draft.id = super::config_store::new_id();
    if draft.name.trim().is_empty() {
        draft.name = base;
    }
    let report = ImportReport {
        file: name.to_string(),
        rows,
        problems,
    };
    Ok((draft, report))
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
