//! The browser layer: Yew components over the domain and the geography. wasm32 only.

mod activities;
#[cfg(feature = "views")]
mod api;
mod app;
mod config_store;
#[cfg(feature = "views")]
mod configuratie;
mod embed;
mod forms;
mod i18n;
mod js_json;
mod location;
mod map;
#[cfg(feature = "views")]
mod oefenen;
mod outcome;
pub mod panic;
mod rule_texts;
mod scenario_io;
#[cfg(feature = "views")]
mod speelveld;
mod state;
mod storage;
mod water;

use wasm_bindgen::prelude::*;

pub use app::{App, AppProps};
pub use embed::Embedding;

/// One mounted instance; `destroy()` removes it (a custom element leaving the page).
#[wasm_bindgen]
pub struct MountedApp {
    handle: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl MountedApp {
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }

    /// The rules file the loader fetched for the findings (`text`), or why it could not
    /// (`error`); see `rule_texts`. The full build has them compiled in and ignores this.
    #[wasm_bindgen(js_name = setRules)]
    pub fn set_rules(&self, text: Option<String>, error: Option<String>) {
        rule_texts::set(text, error);
    }

    /// The water areas the loader fetched (`data/geo/water.bin`; empty when it could not);
    /// see `water`. The full build has them compiled in and ignores this.
    #[wasm_bindgen(js_name = setWater)]
    pub fn set_water(&self, bytes: &[u8]) {
        water::set(bytes);
    }
}

/// Mounts an instance into `root` with the options of docs/embedding.md (`undefined` for
/// the stand-alone page's defaults). Throws an `Error` naming a wrong option.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> Result<MountedApp, JsError> {
    let options: serde_json::Value = if options.is_undefined() || options.is_null() {
        serde_json::Value::Null
    } else {
        js_json::stringify(&options)
            .and_then(|text| serde_json::from_str(&text).ok())
            .ok_or_else(|| JsError::new("routewijzer: options is geen JSON-object"))?
    };
    let embedding = match options {
        serde_json::Value::Null => Embedding::default(),
        options => Embedding::from_options(&options).map_err(|e| JsError::new(&e))?,
    };
    if !embed::HOST_API && !embedding.parent_origins.is_empty() {
        return Err(JsError::new(
            "routewijzer: parentOrigins (de postMessage-API) zit in de volledige build; www/loader.js laadt die",
        ));
    }
    panic::install(&root);
    let props = AppProps {
        embedding: std::rc::Rc::new(embedding),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(MountedApp {
        handle: Some(handle),
    })
}
