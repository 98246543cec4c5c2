//! Choosing the location without the map: a gemeente search (with former names) and a
//! coordinates field (RD or WGS84). Also the location card.

use yew::prelude::*;

use crate::ui::forms::keep_value;

use super::i18n::Lang;
use super::state::Place;
use crate::geo::{parse_coordinates, Geography, Located};

#[derive(Properties, PartialEq)]
pub struct LocationPickerProps {
    pub onplace: Callback<Place>,
    pub lang: Lang,
}

#[function_component(LocationPicker)]
pub fn location_picker(props: &LocationPickerProps) -> Html {
    let query = use_state(String::new);
    let coords = use_state(String::new);
    let coord_error = use_state(|| None::<String>);
    let lang = props.lang;

    let hits = Geography::bundled().search(&query, 8);
    let oninput = keep_value::<InputEvent>(&query);
    let oncoords = keep_value::<InputEvent>(&coords);
    let onsubmit = {
        let coords = coords.clone();
        let coord_error = coord_error.clone();
        let onplace = props.onplace.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_coordinates(&coords) {
                Ok(point) => {
                    coord_error.set(None);
                    onplace.emit(Place::Point(point));
                }
                Err(error) => coord_error.set(Some(error.to_string())),
            }
        })
    };

    html! {
        <div class="rw-location-picker">
            <div class="rw-field">
                <label for="rw-gemeente-search">{ lang.t("Zoek een gemeente (ook oude namen)", "Find a gemeente (former names too)") }</label>
                <input id="rw-gemeente-search" type="search" autocomplete="off" value={(*query).clone()} {oninput}
                    aria-controls={(!query.trim().is_empty()).then_some("rw-gemeente-hits")} placeholder={lang.t("bijv. Oss, Den Bosch, Uden", "e.g. Oss, Den Bosch, Uden")} />
                if !query.trim().is_empty() {
                    <ul id="rw-gemeente-hits" class="rw-hits" aria-live="polite">
                        if hits.is_empty() {
                            <li class="rw-muted">{ lang.t("Geen gemeente gevonden.", "No gemeente found.") }</li>
                        }
                        { for hits.iter().map(|hit| {
                            let onplace = props.onplace.clone();
                            let query = query.clone();
                            let id = hit.id.clone();
                            let onclick = Callback::from(move |_| {
                                onplace.emit(Place::Gemeente(id.clone()));
                                query.set(String::new());
                            });
                            html! { <li><button type="button" class="rw-hit" data-id={hit.id.clone()} {onclick}>{ &hit.label }</button></li> }
                        }) }
                    </ul>
                }
            </div>
            <form class="rw-field" {onsubmit}>
                <label for="rw-coordinates">{ lang.t("Of typ coördinaten (RD of WGS84)", "Or type coordinates (RD or WGS84)") }</label>
                <div class="rw-inline">
                    <input id="rw-coordinates" type="text" value={(*coords).clone()} oninput={oncoords}
                        placeholder="155000 463000 · 51.765, 5.528" aria-invalid={coord_error.is_some().to_string()}
                        aria-describedby="rw-coordinates-error" />
                    <button type="submit" class="rw-button">{ lang.t("Plaats", "Place") }</button>
                </div>
                <p id="rw-coordinates-error" class="rw-error" role="alert">{ (*coord_error).clone().unwrap_or_default() }</p>
            </form>
        </div>
    }
}

/// What the geography says about a place.
pub fn locate(place: &Place) -> Option<Located> {
    let geo = Geography::bundled();
    match place {
        Place::Point(p) => geo.locate(*p),
        Place::Gemeente(id) => geo.locate_gemeente(id),
    }
}

#[derive(Properties, PartialEq)]
pub struct LocationCardProps {
    pub place: Option<Place>,
    pub lang: Lang,
}

#[function_component(LocationCard)]
pub fn location_card(props: &LocationCardProps) -> Html {
    let lang = props.lang;
    let Some(place) = &props.place else {
        return html! {
            <section class="rw-card rw-location-card" aria-labelledby="rw-location-title">
                <h3 id="rw-location-title">{ lang.t("Locatie", "Location") }</h3>
                <p class="rw-muted">{ lang.t("Nog geen locatie. Klik op de kaart, zoek een gemeente of typ coördinaten.", "No location yet. Click the map, find a gemeente or type coordinates.") }</p>
            </section>
        };
    };
    let unknown = lang.t("niet bekend", "not known");
    let body = match locate(place) {
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
                        { row(lang.t("Omgevingsdienst", "Omgevingsdienst"), found.omgevingsdienst.as_ref().map(named)) }
                        { row(lang.t("Veiligheidsregio", "Veiligheidsregio"), found.veiligheidsregio.as_ref().map(named)) }
                    </dl>
                    if matches!(place, Place::Point(_)) && found.near_boundary {
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
