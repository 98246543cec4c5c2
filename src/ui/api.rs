//! The JavaScript API of the Wasm module (contract §7). It goes through the same
//! `domain::explain_json` as the command line, so both give identical outcomes and messages.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `explain(scenario)`: the scenario as a plain object in, the outcome object out. A bad
/// scenario throws an `Error` whose message is the command line's one-line error.
#[wasm_bindgen]
pub fn explain(scenario: JsValue) -> Result<JsValue, JsError> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| JsError::new(&format!("scenario: geen geldig JSON-object ({e})")))?;
    let outcome = crate::domain::explain_json(&value).map_err(|e| JsError::new(&e.to_string()))?;
    // json_compatible: maps become plain objects, exactly as JSON.parse would give them.
    outcome
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("uitkomst: {e}")))
}
