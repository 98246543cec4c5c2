//! The URL fragment: `#scenario=…` (the explainer's scenario: shareable, the source of
//! truth), `#casus=…` (a casus for Oefenen, docs/oefenen.md), both percent-encoded JSON
//! (`domain::link`), and `#/speelveld` (another view: Back returns to the previous one, and
//! a view can be linked). The only module that reads or writes `location.hash`, and only
//! for an instance that owns the fragment (docs/embedding.md).

use gloo_events::EventListener;

use super::embedding::Embedding;
use super::state::Opened;
use super::view::View;
use crate::domain::{link, Engine, ScenarioDraft};

const SCENARIO: &str = "#scenario=";
/// A casus link opens the Oefenen view.
const CASUS: &str = "#casus=";
/// A shared scenario link longer than this was not made by Routewijzer.
const MAX_SCENARIO_CHARS: usize = 100_000;
/// Another view than the explainer: `#/speelveld`.
const VIEW: &str = "#/";
/// A casus link longer than this was not made for Routewijzer.
#[cfg(feature = "views")]
const MAX_CASUS_CHARS: usize = 200_000;

fn hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// The fragment that encodes this draft.
pub fn fragment_of(draft: &ScenarioDraft) -> String {
    let json = draft.to_value().to_string();
    format!("{SCENARIO}{}", link::encode(&json))
}

/// The text a link carries under `key`: `None` when the URL holds no such link (or this
/// instance does not own the URL), `Err` with a Dutch message when it is damaged
/// (truncated, double-encoded, oversized).
fn link_text(embedding: &Embedding, key: &str, max: usize) -> Option<Result<String, String>> {
    if !embedding.owns_fragment {
        return None;
    }
    let hash = hash();
    let encoded = hash.strip_prefix(key)?;
    Some(link::decode(encoded, max).map_err(|e| e.to_string()))
}

/// The scenario in the URL, checked as a draft (see [`link_text`]).
pub fn scenario(embedding: &Embedding, engine: &Engine) -> Option<Result<Opened, String>> {
    let text = link_text(embedding, SCENARIO, MAX_SCENARIO_CHARS)?;
    Some(text.and_then(|text| {
        // a point in a large water opens when the water areas are here (ui::water)
        super::water::open_text(engine, &text)
            .map_err(|e| format!("de link bevat geen geldig scenario: {e}"))
    }))
}

/// True when the URL already shows this draft (so a hashchange came from us).
pub fn shows(draft: &ScenarioDraft) -> bool {
    hash() == fragment_of(draft)
}

/// Puts the draft in the URL without a new history entry, if this instance owns it.
pub fn show(draft: &ScenarioDraft, embedding: &Embedding) {
    if !embedding.owns_fragment {
        return;
    }
    let fragment = fragment_of(draft);
    if hash() != fragment {
        if let Ok(history) = gloo_utils::window().history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
        }
    }
}

/// The view the URL names: `#/<view>`, a casus (Oefenen) or a scenario (the explainer);
/// `None` when it names none or this instance does not own the URL.
pub fn view(embedding: &Embedding) -> Option<View> {
    if !embedding.owns_fragment {
        return None;
    }
    let hash = hash();
    if let Some(id) = hash.strip_prefix(VIEW) {
        return View::from_id(id);
    }
    if hash.starts_with(CASUS) {
        return Some(View::Oefenen);
    }
    hash.starts_with(SCENARIO).then_some(View::Verklaren)
}

/// A view's address: `#/speelveld`; the explainer's is its scenario's link.
pub fn view_href(view: View, draft: &ScenarioDraft) -> String {
    match view {
        View::Verklaren => fragment_of(draft),
        other => format!("{VIEW}{}", other.id()),
    }
}

/// Puts `view` in the URL as a new history entry, so that Back returns to the view before
/// (if this instance owns the URL and it shows another view).
pub fn show_view(view: View, draft: &ScenarioDraft, embedding: &Embedding) {
    if !embedding.owns_fragment || self::view(embedding) == Some(view) {
        return;
    }
    if let Ok(history) = gloo_utils::window().history() {
        let url = view_href(view, draft);
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// True when this instance owns the URL and it holds a casus.
pub fn has_casus(embedding: &Embedding) -> bool {
    embedding.owns_fragment && hash().starts_with(CASUS)
}

/// The casus in the URL, read as a casus file (see [`link_text`]).
#[cfg(feature = "views")]
pub fn casus(
    embedding: &Embedding,
    engine: &Engine,
) -> Option<Result<crate::domain::oefenen::Casus, String>> {
    let text = link_text(embedding, CASUS, MAX_CASUS_CHARS)?;
    Some(text.and_then(|text| {
        crate::domain::oefenen::load_casus(engine, "link", &text).map_err(|e| e.to_string())
    }))
}

/// Calls `changed` when the fragment changes (a link pasted into this tab's address bar).
pub fn on_change(changed: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), "hashchange", move |_| changed())
}
