//! Choosing the location without the map: a gemeente search (with former names) and a
//! coordinates field (RD or WGS84).

use yew::prelude::*;

use crate::domain::Location;
use crate::geo::{parse_coordinates, Geography};
use crate::ui::forms::keep_value;
use crate::ui::i18n::Lang;
use crate::ui::state::round6;

#[derive(Properties, PartialEq)]
pub struct LocationPickerProps {
    pub onplace: Callback<Location>,
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
                    onplace.emit(Location::LonLat {
                        lon: round6(point.lon),
                        lat: round6(point.lat),
                    });
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
                                onplace.emit(Location::Gemeente { gemeente: id.clone() });
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
