//! The browser layer: Yew components over the domain and the geography. wasm32 only.

mod activities;
mod api;
mod app;
mod configuratie;
mod i18n;
mod location;
mod map;
mod oefenen;
mod outcome;
pub mod panic;
mod scenario_io;
mod state;

use wasm_bindgen::prelude::*;

pub use app::App;

/// Mounts the app into `root`. Called by `www/main.js` after the Wasm module is initialised.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    panic::install(&root);
    yew::Renderer::<App>::with_root(root).render();
}
