//! The agreement's set-up: title, region (a provincie, omgevingsdienst, veiligheidsregio or
//! hand-picked gemeenten, as in the Speelveld), configuration (bundled, the user's own, or
//! an imported file) and assumptions. A new region or configuration starts a new agreement
//! (the division follows the configuration); the replaced one can be put back.

use yew::prelude::*;

use crate::domain::speelveld::{self, Region};
use crate::domain::werkafspraken::document::{configuration_name};
use crate::domain::werkafspraken::{self as wa};
use crate::domain::{Assumptions, BdMerge, ConfigurationRef, Dso, ScenarioDraft, MAX_INPUT_BYTES};
use crate::ui::browser::{self, Reading};
use crate::ui::context::use_app;
use crate::ui::forms::{keep_value, value_of};
use crate::ui::state::werkafspraken::{WaAction, WaState};

#[derive(Properties, PartialEq)]
pub struct KeuzeProps {
    pub state: UseReducerHandle<WaState>,
}

const OWN: &str = "eigen:";
const IMPORTED: &str = "import";

#[function_component(Keuze)]
pub fn keuze(props: &KeuzeProps) -> Html {
    let app = use_app();
    let current = props.state.agreement.clone();
    let region_key = use_state(|| {
        current.as_ref().map_or_else(String::new, |a| match &a.regio {
            Region::Gemeenten(_) => "gemeenten:".to_string(),
            r => r.key(),
        })
    });
    let picked = use_state(|| match current.as_ref().map(|a| &a.regio) {
        Some(Region::Gemeenten(ids)) => ids.join(", "),
        _ => String::new(),
    });
    let config = use_state(|| match current.as_ref().and_then(|a| a.settings.configuration.clone()) {
        Some(ConfigurationRef::Bundled(name)) => name,
        Some(ConfigurationRef::Inline(_)) => IMPORTED.to_string(),
        None => String::new(),
    });
    let imported = use_state(|| match current.as_ref().and_then(|a| a.settings.configuration.clone()) {
        Some(c @ ConfigurationRef::Inline(_)) => Some(c),
        _ => None,
    });
    let reading = use_mut_ref(|| None::<Reading>);
    let (Some(app), Some(agreement)) = (app, current) else {
        return Html::default();
    };
    let (engine, lang, state) = (app.engine, app.state.lang, props.state.clone());
    let (ids, unknown) = speelveld::pick_gemeenten(engine, &picked);
    let region = match Region::from_key(&region_key) {
        Some(Region::Gemeenten(_)) => Region::Gemeenten(ids),
        other => other.unwrap_or_else(|| agreement.regio.clone()),
    };
    let chosen_config: Result<Option<ConfigurationRef>, String> = match config.as_str() {
        "" => Ok(None),
        IMPORTED => Ok((*imported).clone()),
        value => match value.strip_prefix(OWN) {
            Some(id) => app
                .store
                .draft(id)
                .ok_or_else(|| "Deze configuratie bestaat niet meer.".to_string())
                .and_then(|d| d.to_configuration(engine).map_err(|e| format!("{}: {e}", d.name)))
                .map(|c| Some(ConfigurationRef::Inline(c))),
            None => Ok(Some(ConfigurationRef::Bundled(value.to_string()))),
        },
    };
    let onnew = {
        let (state, region, chosen) = (state.clone(), region.clone(), chosen_config.clone());
        let assumptions = agreement.settings.assumptions;
        Callback::from(move |_| {
            let settings = match &chosen {
                Ok(configuration) => ScenarioDraft { configuration: configuration.clone(), assumptions, ..ScenarioDraft::default() },
                Err(e) => return state.dispatch(WaAction::Notify(Some(e.clone()))),
            };
            match wa::afspraak::read_region(engine, &region.key()).and_then(|r| wa::new_agreement(engine, r, &settings)) {
                Ok(a) => state.dispatch(WaAction::Replace(Box::new(a))),
                Err(e) => state.dispatch(WaAction::Notify(Some(e.to_string()))),
            }
        })
    };
    let onimport = {
        let (state, imported, config) = (state.clone(), imported.clone(), config.clone());
        browser::on_files(&reading, MAX_INPUT_BYTES, move |read| {
            let parsed = read.and_then(|files| {
                let (name, text) = files.into_iter().next().ok_or("geen bestand")?;
                let value = crate::domain::parse_json_text(&text).map_err(|e| format!("{name}: {e}"))?;
                let draft = engine
                    .parse_draft(&serde_json::json!({ "configuration": value }))
                    .map_err(|e| format!("{name}: {e}"))?;
                draft.configuration.ok_or_else(|| format!("{name}: geen configuratie"))
            });
            match parsed {
                Ok(c) => {
                    imported.set(Some(c));
                    config.set(IMPORTED.to_string());
                }
                Err(e) => state.dispatch(WaAction::Notify(Some(e))),
            }
        })
    };
    let ontitle = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = value_of(&e) {
                state.dispatch(WaAction::SetTitle(v));
            }
        })
    };
    let onrestore = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(WaAction::RestorePrevious))
    };
    html! {
        <section class="rw-wa-part" aria-labelledby="rw-wa-setup">
            <h3 id="rw-wa-setup">{ lang.t("1. Opzet: regio, configuratie en aannames", "1. Set-up: region, configuration and assumptions") }</h3>
            <p>{ format!("{}: {} · {}", lang.t("Deze werkafspraak", "This agreement"), agreement.regio.name(engine), configuration_name(engine, agreement.settings.configuration.as_ref(), lang)) }</p>
            <div class="rw-field">
                <label for="rw-wa-titel">{ lang.t("Titel", "Title") }</label>
                <input id="rw-wa-titel" type="text" value={agreement.titel.clone()} oninput={ontitle}
                    placeholder={crate::domain::werkafspraken::document::default_title(engine, &agreement, lang)} />
            </div>
            { assumptions(&state, agreement.settings.assumptions, lang) }
            <fieldset class="rw-wa-new">
                <legend>{ lang.t("Nieuwe werkafspraak (de taakverdeling begint dan opnieuw vanuit de configuratie)", "New agreement (the task division then starts again from the configuration)") }</legend>
                { region_fields(engine, &region_key, &picked, &unknown, lang) }
                { config_select(engine, &app.store, &config, imported.is_some(), lang) }
                <div class="rw-wa-actions">
                    <label class="rw-button rw-file-label" for="rw-wa-config-file">{ lang.t("Importeer configuratie (JSON)…", "Import configuration (JSON)…") }</label>
                    <input id="rw-wa-config-file" class="rw-file-input" type="file" accept=".json,application/json" onchange={onimport} />
                    <button type="button" class="rw-button" onclick={onnew}>{ lang.t("Nieuwe werkafspraak maken", "Make a new agreement") }</button>
                    if props.state.previous.is_some() {
                        <button type="button" class="rw-button" onclick={onrestore}>{ lang.t("Vorige werkafspraak terugzetten", "Put the previous agreement back") }</button>
                    }
                </div>
            </fieldset>
        </section>
    }
}

/// The configuration: none, a bundled one, one of the user's own, or the imported file.
fn config_select(
    engine: &'static crate::domain::Engine,
    store: &crate::ui::state::store::Store,
    config: &UseStateHandle<String>,
    has_imported: bool,
    lang: crate::ui::i18n::Lang,
) -> Html {
    html! {
                <div class="rw-field">
                    <label for="rw-wa-config">{ lang.t("Behandeldienstconfiguratie", "Behandeldienst configuration") }</label>
                    <select id="rw-wa-config" onchange={keep_value::<Event>(config)}>
                        <option value="" selected={config.is_empty()}>{ lang.t("Geen behandeldiensten", "No behandeldiensten") }</option>
                        { for engine.configurations.iter().map(|(id, c)| html! {
                            <option value={id.clone()} selected={**config == *id}>{ format!("{} ({})", c.name.as_deref().unwrap_or(id), lang.t("illustratief", "illustrative")) }</option>
                        }) }
                        { for store.drafts.iter().map(|d| {
                            let v = format!("{OWN}{}", d.id);
                            html! { <option value={v.clone()} selected={**config == v}>{ format!("{} ({})", d.name, lang.t("eigen", "own")) }</option> }
                        }) }
                        if has_imported {
                            <option value={IMPORTED} selected={**config == IMPORTED}>{ lang.t("Geïmporteerde configuratie", "Imported configuration") }</option>
                        }
                    </select>
                </div>
    }
}

/// The region: grouped by kind (an agreement is for a provincie, an omgevingsdienst's or a
/// veiligheidsregio's area, or chosen gemeenten; not for the whole country).
fn region_fields(
    engine: &'static crate::domain::Engine,
    key: &UseStateHandle<String>,
    picked: &UseStateHandle<String>,
    unknown: &[String],
    lang: crate::ui::i18n::Lang,
) -> Html {
    let groups = [
        ("provincie:", lang.t("Provincies", "Provincies")),
        ("omgevingsdienst:", lang.t("Omgevingsdiensten", "Omgevingsdiensten")),
        ("veiligheidsregio:", lang.t("Veiligheidsregio's", "Veiligheidsregio's")),
    ];
    let regions = speelveld::regions(engine);
    let is_picked = key.starts_with("gemeenten:");
    html! {
        <>
            <div class="rw-field">
                <label for="rw-wa-region">{ lang.t("Regio", "Region") }</label>
                <select id="rw-wa-region" onchange={keep_value::<Event>(key)}>
                    { for groups.iter().map(|(prefix, label)| html! {
                        <optgroup label={*label}>
                            { for regions.iter().map(|(r, name)| (r.key(), name)).filter(|(k, _)| k.starts_with(prefix)).map(|(k, name)| {
                                let on = **key == k;
                                html! { <option selected={on} value={k}>{ name }</option> }
                            }) }
                        </optgroup>
                    }) }
                    <option value="gemeenten:" selected={is_picked}>{ lang.t("Zelf gekozen gemeenten…", "Hand-picked gemeenten…") }</option>
                </select>
            </div>
            if is_picked {
                <div class="rw-field">
                    <label for="rw-wa-picked">{ lang.t("Gemeenten (namen of CBS-codes, met komma's ertussen)", "Gemeenten (names or CBS codes, separated by commas)") }</label>
                    <input id="rw-wa-picked" type="text" value={(**picked).clone()} onchange={keep_value::<Event>(picked)} />
                    if !unknown.is_empty() {
                        <p class="rw-error" role="alert">{ format!("{}: {}", lang.t("Niet gevonden", "Not found"), unknown.join(", ")) }</p>
                    }
                </div>
            }
        </>
    }
}

/// The assumptions of the current agreement, changed in place (the division stays).
fn assumptions(state: &UseReducerHandle<WaState>, now: Assumptions, lang: crate::ui::i18n::Lang) -> Html {
    let set = |apply: fn(Assumptions, &str) -> Option<Assumptions>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(next) = value_of(&e).and_then(|v| apply(now, &v)) {
                state.dispatch(WaAction::SetAssumptions(next));
            }
        })
    };
    let merge = set(|a, v| Some(Assumptions { bd_merge: BdMerge::parse(v)?, ..a }));
    let dso = set(|a, v| Some(Assumptions { dso: Dso::parse(v)?, ..a }));
    let copy = set(|a, v| Some(Assumptions { bg_notified_when_bd: v == "ja", ..a }));
    let yes = if now.bg_notified_when_bd { "ja" } else { "nee" };
    html! {
        <fieldset class="rw-wa-assumptions">
            <legend>{ lang.t("Aannames van deze werkafspraak", "Assumptions of this agreement") }</legend>
            <div class="rw-field">
                <label for="rw-wa-merge">{ lang.t("Eén behandeldienst per verzoek (B12)", "One behandeldienst per verzoek (B12)") }</label>
                <select id="rw-wa-merge" onchange={merge}>
                    { for BdMerge::ALL.iter().map(|m| html! { <option value={m.as_str()} selected={*m == now.bd_merge}>{ m.as_str() }</option> }) }
                </select>
            </div>
            <div class="rw-field">
                <label for="rw-wa-dso">{ lang.t("DSO-versie (C6)", "DSO version (C6)") }</label>
                <select id="rw-wa-dso" onchange={dso}>
                    { for ["2020", "2023"].iter().map(|v| html! { <option value={*v} selected={now.dso.as_str() == *v}>{ *v }</option> }) }
                </select>
            </div>
            <div class="rw-field">
                <label for="rw-wa-copy">{ lang.t("Kopie aan het bevoegd gezag (T3)", "Copy to the bevoegd gezag (T3)") }</label>
                <select id="rw-wa-copy" onchange={copy}>
                    { for [("ja", lang.t("ja", "yes")), ("nee", lang.t("nee", "no"))].iter().map(|(v, t)| html! { <option value={*v} selected={yes == *v}>{ *t }</option> }) }
                </select>
            </div>
        </fieldset>
    }
}
