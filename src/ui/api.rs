//! The JavaScript API of the Wasm module (contract §7). It goes through the same
//! `domain::explain_str` as the command line, so both give identical outcomes and messages.

use wasm_bindgen::prelude::*;

use super::js_json;

/// `explain(scenario)`: the scenario as a plain object in, the outcome object out. A bad
/// scenario throws an `Error` whose message is the command line's one-line error.
#[wasm_bindgen]
pub fn explain(scenario: JsValue) -> Result<JsValue, JsError> {
    // Through JSON text rather than a direct object walk: the command line's size cap and
    // nesting limit then apply unchanged, and a 10 000-deep object cannot exhaust the stack.
    let text = js_json::stringify(&scenario).ok_or_else(|| {
        JsError::new("scenario: geen JSON-object (verwacht: een scenario-object)")
    })?;
    let outcome = crate::domain::explain_str(&text).map_err(|e| JsError::new(&e.to_string()))?;
    // As JSON.parse would make it of the CLI's JSON (null for an absent value, plain
    // objects), without the text in between.
    use serde::Serialize;
    outcome
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("uitkomst: {e}")))
}
