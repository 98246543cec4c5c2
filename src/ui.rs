//! The browser layer: Yew components over the domain and the geography. wasm32 only.

mod api;
mod app;
mod map;
pub mod panic;

use wasm_bindgen::prelude::*;

pub use app::App;

/// Mounts the app into `root`. Called by `www/main.js` after the Wasm module is initialised.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    panic::install(&root);
    yew::Renderer::<App>::with_root(root).render();
}
