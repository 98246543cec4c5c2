//! The explainer: 1. the location (map, search, coordinates), 2. the activities, 3. what
//! the Omgevingsloket does (the outcome, derived by the shell), with the configuration, the
//! assumptions and the scenario's file actions; the summary of the result stays in view
//! while the user works (`summary`).

use yew::prelude::*;

use crate::domain::{Location, MAX_INPUT_BYTES};
use crate::geo::{rd_to_wgs84, LonLat};
use crate::ui::browser::{self, Reading};
use crate::ui::components::{
    activities::Activities, assumptions_form::AssumptionsForm,
    configuration_select::ConfigurationSelect, location_card::LocationCard,
    location_picker::LocationPicker, map::Map, outcome::OutcomeView, summary::summary,
};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;
use crate::ui::state::{round6, Action, Notice};
use crate::ui::water::{open_text, place_or_wait};

/// A point on the map or typed in, as the scenario keeps it.
fn at_point(p: LonLat) -> Location {
    Location::LonLat {
        lon: round6(p.lon),
        lat: round6(p.lat),
    }
}

#[function_component(Verklaren)]
pub fn verklaren() -> Html {
    let reading = use_mut_ref(|| None::<Reading>);
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (state, engine, lang) = (&app.state, app.engine, app.state.lang);
    // a point in a large water may wait for the water areas (ui::water)
    let onpick = {
        let state = state.clone();
        app.callback(move |p: LonLat| place_or_wait(&state, engine, at_point(p)))
    };
    let onplace = {
        let state = state.clone();
        app.callback(move |location: Location| place_or_wait(&state, engine, location))
    };
    let onopen = {
        let state = state.clone();
        browser::on_files(&reading, MAX_INPUT_BYTES, move |read| {
            let opened = read.and_then(|files| {
                let (name, text) = files.into_iter().next().unwrap_or_default();
                open_text(engine, &text).map_err(|e| format!("{name}: {e}"))
            });
            state.dispatch(match opened {
                Ok(opened) => Action::Load(Box::new(opened)),
                // The engine's message (file, line, JSON path) is Dutch.
                Err(message) => Action::Notify(Notice::new(
                    Lang::Nl,
                    format!("{message}. Uw vorige scenario is behouden."),
                )),
            });
        })
    };
    let ondownload = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Err(message) =
                browser::offer_json("routewijzer-scenario.json", &state.draft.to_value())
            {
                state.dispatch(Action::Notify(Notice::new(Lang::Nl, message)));
            }
        })
    };
    let marker = match (&state.draft.location, &state.located) {
        (Some(Location::LonLat { lon, lat }), _) => Some(LonLat {
            lon: *lon,
            lat: *lat,
        }),
        (_, Some(located)) => Some(rd_to_wgs84(located.rd.0, located.rd.1)),
        _ => None,
    };
    let selected = state.located.as_ref().map(|l| l.gemeente.id.clone());
    html! {
        <>
            <section class="rw-panel rw-panel-location" aria-labelledby="rw-h-location">
                <h2 id="rw-h-location">{ lang.t("1. Locatie", "1. Location") }</h2>
                <Map {marker} {selected} {onpick} {lang} region={app.embedding.region.clone()} />
                <LocationPicker {onplace} {lang} />
                <LocationCard />
            </section>
            <section class="rw-panel rw-panel-activities" aria-labelledby="rw-h-activities">
                <h2 id="rw-h-activities">{ lang.t("2. Activiteiten", "2. Activities") }</h2>
                <Activities />
            </section>
            <div class="rw-result">
                { summary(&app.outcome, lang) }
                <section class="rw-panel rw-panel-outcome" aria-labelledby="rw-h-outcome">
                    <h2 id="rw-h-outcome">{ lang.t("3. Wat het Omgevingsloket doet", "3. What the Omgevingsloket does") }</h2>
                    <ConfigurationSelect />
                    <OutcomeView />
                    <AssumptionsForm />
                    // Not in storage, or too long for a link the app can read (the address bar
                    // then shows none, and the file, the button below, keeps or shares it).
                    { for [(lang.t("Niet bewaard in deze browser: ", "Not kept in this browser: "), &state.not_kept.storage),
                            (lang.t("Geen link: ", "No link: "), &state.not_kept.link)].into_iter().filter_map(|(what, problem)| {
                        problem.as_ref().map(|problem| html! {
                            <p class="rw-warning" role="status">{ what }<span lang="nl">{ format!("{problem}.") }</span></p>
                        })
                    }) }
                    <div class="rw-file-actions">
                        <button type="button" class="nl-button nl-button--secondary" onclick={ondownload}>{ lang.t("Download scenario", "Download scenario") }</button>
                        <input id="rw-open" class="rw-file-input" type="file" accept=".json,application/json" onchange={onopen} />
                        <label class="nl-button nl-button--secondary rw-file-label" for="rw-open">{ lang.t("Open scenario…", "Open scenario…") }</label>
                    </div>
                </section>
            </div>
        </>
    }
}
