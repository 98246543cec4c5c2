//! JavaScript values to and from JSON text: one serializer (serde_json) for every interface,
//! so the JS API gives exactly the CLI's JSON, and the Wasm carries no second serializer.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// A Rust value as the plain object `JSON.parse` makes of its JSON.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    js_sys::JSON::parse(&text).map_err(|_| "JSON.parse weigerde de uitvoer".to_string())
}

/// JSON text of a JavaScript value (`JSON.stringify`), or `None` for what has none
/// (`undefined`, a function, a cycle).
pub fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A JavaScript value as JSON; `Value::Null` for what JSON cannot hold.
pub fn from_js(value: &JsValue) -> Value {
    stringify(value)
        .and_then(|text| crate::domain::strict_json::parse(&text).ok())
        .unwrap_or(Value::Null)
}
