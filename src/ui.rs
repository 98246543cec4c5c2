//! The browser layer: Yew components over the domain and the geography (ARCHITECTURE.md,
//! "ui"). Two layers:
//! - plain Rust, compiled everywhere so `cargo test` runs the reducers: `state` (the
//!   states, actions and reducers), `embedding` (mount options), `view`, `i18n`, and the
//!   rotation of set-aside entries in `storage`;
//! - the web layer, wasm32 only: the `app` shell, `pages` (one per view), `components`
//!   (one per file), `hooks` (effects: URL, storage, host page), `links` (the URL
//!   fragment), `browser` (files), localStorage (in `storage`), and the JavaScript API.

pub mod embedding;
pub mod i18n;
pub mod state;
pub mod storage;
pub mod view;

/// Declares the web layer's items: wasm32 only.
macro_rules! web {
    ($($item:item)*) => { $( #[cfg(target_arch = "wasm32")] $item )* };
}

web! {
    mod app;
    mod browser;
    mod components;
    mod context;
    mod forms;
    mod hooks;
    mod js_json;
    mod links;
    mod pages;
    pub mod panic;
    mod rule_texts;
    mod water;
    pub use web::*;
}
#[cfg(all(target_arch = "wasm32", feature = "views"))]
mod api;

/// `mount` and the mounted instance: the page's entry points.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    pub use super::app::{App, AppProps};
    pub use super::embedding::Embedding;
    use super::{js_json, links, panic, rule_texts, water};

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

        /// The rules file the loader fetched for the findings (`text`) and the findings'
        /// English sentences (`english`), or why they could not be fetched (`error`); see
        /// `rule_texts`. The full build has them compiled in and ignores this.
        #[wasm_bindgen(js_name = setRules)]
        pub fn set_rules(
            &self,
            text: Option<String>,
            english: Option<String>,
            error: Option<String>,
        ) {
            rule_texts::set(text, english, error);
        }

        /// The water areas the loader fetched (`data/geo/water.bin`; empty when it could
        /// not); see `water`. The full build has them compiled in and never asks.
        #[wasm_bindgen(js_name = setWater)]
        pub fn set_water(&self, bytes: &[u8]) {
            water::set(bytes);
        }
    }

    /// Mounts an instance into `root` with the options of docs/embedding.md (`undefined` for
    /// the stand-alone page's defaults), and the loader's link codec (`links::set_codec`).
    /// Throws an `Error` naming a wrong option.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        options: JsValue,
        codec: Option<js_sys::Function>,
    ) -> Result<MountedApp, JsError> {
        let options: serde_json::Value = if options.is_undefined() || options.is_null() {
            serde_json::Value::Null
        } else {
            js_json::stringify(&options)
                .and_then(|text| crate::domain::strict_json::parse(&text).ok())
                .ok_or_else(|| JsError::new("routewijzer: options is geen JSON-object"))?
        };
        let embedding = match options {
            serde_json::Value::Null => Embedding::default(),
            options => Embedding::from_options(&options).map_err(|e| JsError::new(&e))?,
        };
        if let Some(codec) = codec {
            links::set_codec(codec);
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
}
