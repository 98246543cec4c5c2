//! The smallest Yew app: one heading. Measured side by side with Routewijzer.
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component(Hello)]
fn hello() -> Html {
    html! { <h1>{ "Hallo" }</h1> }
}

#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<Hello>::with_root(root).render();
}
