//! JavaScript values read as JSON text (`JSON.stringify`, then serde_json): the command
//! line's size cap and nesting limit apply unchanged, and a 10 000-deep object cannot
//! exhaust the stack. (Values going out use serde-wasm-bindgen, `api` and `use_host`.)

use wasm_bindgen::JsValue;

/// JSON text of a JavaScript value (`JSON.stringify`), or `None` for what has none
/// (`undefined`, a function, a cycle).
pub fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A JavaScript value as JSON; `Value::Null` for what JSON cannot hold.
#[cfg(feature = "views")]
pub fn from_js(value: &JsValue) -> serde_json::Value {
    stringify(value)
        .and_then(|text| crate::domain::strict_json::parse(&text).ok())
        .unwrap_or(serde_json::Value::Null)
}
