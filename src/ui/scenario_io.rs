//! Where the scenario lives outside the app: the URL fragment (shareable, the source of
//! truth), localStorage (survives a reload without the fragment), and files.

use wasm_bindgen::JsCast;

use super::embed::Embedding;
use super::state::State;
use super::storage;
use crate::domain::link;

const FRAGMENT_KEY: &str = "scenario=";
/// The key's last part, after the instance's versioned prefix (`routewijzer.v1.scenario`).
const STORAGE_NAME: &str = "scenario";
/// A shared link longer than this was not made by Routewijzer.
const MAX_FRAGMENT_CHARS: usize = 100_000;
/// Scenario files larger than this are refused before reading.
pub const MAX_FILE_BYTES: f64 = 1_048_576.0;

/// The fragment that encodes this state.
pub fn fragment_of(state: &State) -> String {
    let json = state.draft().to_string();
    format!("#{FRAGMENT_KEY}{}", link::encode(&json))
}

fn current_fragment() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// The state in the URL: `None` when there is none (or this instance does not own the URL),
/// `Err` with a Dutch message when the fragment is damaged (truncated, double-encoded,
/// oversized, not a scenario).
pub fn from_fragment(embedding: &Embedding) -> Option<Result<State, String>> {
    if !embedding.owns_fragment {
        return None;
    }
    let hash = current_fragment();
    let encoded = hash.strip_prefix('#')?.strip_prefix(FRAGMENT_KEY)?;
    Some(decode_fragment(encoded))
}

fn decode_fragment(encoded: &str) -> Result<State, String> {
    let text = link::decode(encoded, MAX_FRAGMENT_CHARS).map_err(|e| e.to_string())?;
    State::from_scenario_text(&text).map_err(|e| format!("de link bevat geen geldig scenario: {e}"))
}

/// True when the URL already shows this state (so a hashchange came from us).
pub fn fragment_matches(state: &State) -> bool {
    current_fragment() == fragment_of(state)
}

/// Writes the state to localStorage and, with `to_url`, to the URL (without a new history
/// entry), as far as this instance owns them. The error says why it will not survive a
/// reload (storage full or blocked); the URL still holds it.
pub fn save(state: &State, embedding: &Embedding, to_url: bool) -> Result<(), String> {
    if embedding.owns_fragment && to_url {
        let fragment = fragment_of(state);
        if current_fragment() != fragment {
            if let Ok(history) = gloo_utils::window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&fragment),
                );
            }
        }
    }
    match embedding.storage_key(STORAGE_NAME) {
        Some(key) => storage::write(&key, &state.draft().to_string()),
        None => Ok(()),
    }
}

/// The state saved in this browser, if it is readable; a corrupt or foreign entry is set
/// aside (never overwritten unseen) and `None` returned.
pub fn from_storage(embedding: &Embedding) -> Option<State> {
    let key = embedding.storage_key(STORAGE_NAME)?;
    let text = storage::read(&key)?;
    // Versions before 0.2 stored the scenario as a JSON string holding the JSON.
    // (Read as a Value, not as String: a typed read links serde's float formatting for its
    // "invalid type" errors, docs/performance.md.)
    let text = match crate::domain::strict_json::parse(&text) {
        Ok(serde_json::Value::String(inner)) => inner,
        _ => text,
    };
    let state = State::from_scenario_text(&text).ok();
    if state.is_none() {
        storage::set_aside(&key);
    }
    state
}

/// Offers the scenario as a file download, in the contract format.
pub fn download(state: &State) -> Result<(), String> {
    let json = serde_json::to_string_pretty(&state.draft()).map_err(|e| e.to_string())?;
    offer_file("routewijzer-scenario.json", "application/json", &json)
}

/// Offers `text` as a file download (a Blob, so nothing leaves the browser). The Blob
/// stores it as UTF-8; a leading U+FEFF becomes the byte-order mark EF BB BF.
pub fn offer_file(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = || "kon het bestand niet maken".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let anchor = gloo_utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(fail)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
