//! Where the scenario lives outside the app: the URL fragment (shareable, the source of
//! truth), localStorage (survives a reload without the fragment), and files.

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::state::State;

const FRAGMENT_KEY: &str = "scenario=";
/// Versioned, so a future format never gets misread by this version.
const STORAGE_KEY: &str = "routewijzer.v1.scenario";
/// A shared link longer than this was not made by Routewijzer.
const MAX_FRAGMENT_CHARS: usize = 100_000;
/// Scenario files larger than this are refused before reading.
pub const MAX_FILE_BYTES: f64 = 1_048_576.0;

/// The fragment that encodes this state.
pub fn fragment_of(state: &State) -> String {
    let json = state.draft().to_string();
    format!(
        "#{FRAGMENT_KEY}{}",
        String::from(js_sys::encode_uri_component(&json))
    )
}

fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The state in the URL: `None` when there is none, `Err` with a Dutch message when the
/// fragment is damaged (truncated, double-encoded, oversized, not a scenario).
pub fn from_fragment() -> Option<Result<State, String>> {
    let hash = current_fragment();
    let encoded = hash.strip_prefix('#')?.strip_prefix(FRAGMENT_KEY)?;
    Some(decode_fragment(encoded))
}

fn decode_fragment(encoded: &str) -> Result<State, String> {
    if encoded.len() > MAX_FRAGMENT_CHARS {
        return Err(format!(
            "de link is te lang ({} tekens, maximaal {MAX_FRAGMENT_CHARS})",
            encoded.len()
        ));
    }
    let text: String = js_sys::decode_uri_component(encoded)
        .map_err(|_| {
            "de link is beschadigd (ongeldige %-codering; misschien afgebroken)".to_string()
        })?
        .into();
    State::from_scenario_text(&text).map_err(|e| format!("de link bevat geen geldig scenario: {e}"))
}

/// True when the URL already shows this state (so a hashchange came from us).
pub fn fragment_matches(state: &State) -> bool {
    current_fragment() == fragment_of(state)
}

/// Writes the state to the URL (without a new history entry) and to localStorage.
pub fn save(state: &State) {
    let fragment = fragment_of(state);
    if current_fragment() != fragment {
        if let Ok(history) = gloo::utils::window().history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
        }
    }
    // A full or blocked storage only costs the reload fallback; the URL still holds it.
    let _ = LocalStorage::set(STORAGE_KEY, state.draft().to_string());
}

/// The state saved in this browser, if it is readable; a corrupt or foreign entry is ignored.
pub fn from_storage() -> Option<State> {
    let text: String = LocalStorage::get(STORAGE_KEY).ok()?;
    State::from_scenario_text(&text).ok()
}

/// Offers the scenario as a file download, in the contract format.
pub fn download(state: &State) -> Result<(), String> {
    let json = serde_json::to_string_pretty(&state.draft()).map_err(|e| e.to_string())?;
    download_text(&json, "routewijzer-scenario.json", "application/json")
}

/// Offers `text` as a file download named `name` (a Blob URL, revoked after the click).
pub fn download_text(text: &str, name: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "kon het bestand niet maken".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "kon het bestand niet maken".to_string())?;
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "kon het bestand niet maken".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
