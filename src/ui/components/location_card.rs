//! The location card: what lies at the chosen place (gemeente, provincie, waterschap,
//! omgevingsdienst, veiligheidsregio), with a warning near an uncertain boundary.

use yew::prelude::*;

use crate::domain::Location;
use crate::ui::context::use_app;

#[function_component(LocationCard)]
pub fn location_card() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let state = &app.state;
    let lang = state.lang;
    let Some(location) = &state.draft.location else {
        return html! {
            <section class="rw-card rw-location-card" aria-labelledby="rw-location-title">
                <h3 id="rw-location-title">{ lang.t("Locatie", "Location") }</h3>
                <p class="rw-muted">{ lang.t("Nog geen locatie. Klik op de kaart, zoek een gemeente of typ coördinaten.", "No location yet. Click the map, find a gemeente or type coordinates.") }</p>
            </section>
        };
    };
    let unknown = lang.t("niet bekend", "not known");
    let body = match &state.located {
        None => html! {
            <p class="rw-error">{ lang.t("Dit punt ligt buiten elke Nederlandse gemeente (zee, België of Duitsland). Kies een punt in Nederland.", "This point lies outside every Dutch gemeente (sea, Belgium or Germany). Choose a point in the Netherlands.") }</p>
        },
        Some(found) => {
            let row = |label: &'static str, value: Option<String>| {
                html! {
                    <><dt>{ label }</dt><dd>{ value.unwrap_or_else(|| unknown.to_string()) }</dd></>
                }
            };
            let named = |n: &crate::geo::Named| format!("{} ({})", n.name, n.id);
            html! {
                <>
                    <dl class="rw-facts">
                        { row(lang.t("Gemeente", "Gemeente"), Some(named(&found.gemeente))) }
                        { row(lang.t("Provincie", "Provincie"), Some(named(&found.provincie))) }
                        { row(lang.t("Waterschap", "Waterschap"), found.waterschap.as_ref().map(named)) }
                        { omgevingsdienst_row(found, lang) }
                        { row(lang.t("Veiligheidsregio", "Veiligheidsregio"), found.veiligheidsregio.as_ref().map(named)) }
                    </dl>
                    if !matches!(location, Location::Gemeente { .. }) && found.near_boundary {
                        <p class="rw-warning">{ format!("{} {} m {}", lang.t("Let op: dit punt ligt", "Note: this point lies"), crate::domain::json::whole(found.boundary_distance_m), lang.t("van een gemeentegrens. Daar zijn de grenzen onnauwkeurig (50–100 m); controleer de gemeente.", "from a gemeente boundary, where the boundaries are uncertain (50–100 m); check the gemeente.")) }</p>
                    }
                    if found.near_waterschap_boundary {
                        <p class="rw-muted">{ lang.t("De waterschapsgrens is grof (1–2 km): het waterschap is een indicatie.", "The waterschap boundary is coarse (1–2 km): the waterschap is an indication.") }</p>
                    }
                </>
            }
        }
    };
    html! {
        <section class="rw-card rw-location-card" aria-labelledby="rw-location-title">
            <h3 id="rw-location-title">{ lang.t("Locatie", "Location") }</h3>
            { body }
        </section>
    }
}

/// The omgevingsdienst with how sure it is: "afgeleid" (inferred, not named by a source) and
/// the service before the mergers of 1 January 2026 (contract §6.1, issue 17).
fn omgevingsdienst_row(found: &crate::geo::Located, lang: crate::ui::i18n::Lang) -> Html {
    let Some(od) = &found.omgevingsdienst else {
        return html! {
            <><dt>{ lang.t("Omgevingsdienst", "Omgevingsdienst") }</dt><dd>{ lang.t("niet bekend", "not known") }</dd></>
        };
    };
    html! {
        <>
            <dt>{ lang.t("Omgevingsdienst", "Omgevingsdienst") }</dt>
            <dd class="rw-od" data-id={od.id.clone()}>
                { format!("{} ({})", od.name, od.id) }
                if found.omgevingsdienst_afgeleid {
                    <span class="rw-od-basis" data-basis="afgeleid">
                        <strong>{ lang.t(" · afgeleid", " · afgeleid (inferred)") }</strong>
                        { lang.t(": geen bron noemt deze gemeente; afgeleid uit het werkgebied of de voorgangers van de gemeente, dus minder zeker.",
                            ": no source names this gemeente; inferred from the service's area or the gemeente's predecessors, so less certain.") }
                    </span>
                }
                if let Some(before) = &found.omgevingsdienst_tot_2026 {
                    <span class="rw-od-before">{ format!(" · {} {} ({})", lang.t("tot 2026:", "until 2026:"), before.name, before.id) }</span>
                }
            </dd>
        </>
    }
}
