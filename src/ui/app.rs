//! The top-level component.

use yew::prelude::*;

use super::map::Map;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="rw-app">
            <header class="rw-header">
                <h1>{ "Routewijzer" }</h1>
                <p class="rw-lead">
                    { "Zie welk bevoegd gezag en welke behandeldienst een verzoek uit het Omgevingsloket krijgen, hoeveel triggers er uitgaan, en waarom." }
                </p>
            </header>
            <main class="rw-main">
                <Map />
            </main>
        </div>
    }
}
