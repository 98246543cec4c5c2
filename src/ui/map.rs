//! The SVG map of the gemeenten.

use yew::prelude::*;

#[function_component(Map)]
pub fn map() -> Html {
    html! {
        <svg class="rw-map" role="img" aria-label="Kaart van de Nederlandse gemeenten" viewBox="0 0 100 100">
        </svg>
    }
}
