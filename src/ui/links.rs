//! The URL fragment: `#scenario=…` (the explainer's scenario: shareable, the source of
//! truth) and `#casus=…` (a casus for Oefenen, docs/oefenen.md), percent-encoded JSON, or for
//! a long scenario packed (`#scenario=z:…`, `domain::link`), and `#/speelveld` (another
//! view: Back returns to the previous one, and a view can be linked). The only module that reads or
//! writes `location.hash`, and only for an instance that owns the fragment
//! (docs/embedding.md). The app never writes a link it cannot read: a scenario too long even
//! packed is not put in the URL, and the caller hears why.

use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;

use super::embedding::Embedding;
use super::state::Opened;
use super::view::View;
use crate::domain::link::{self, LinkError, Payload};
use crate::domain::{Engine, ScenarioDraft, MAX_INPUT_BYTES};

const SCENARIO: &str = "#scenario=";
/// A casus link opens the Oefenen view.
const CASUS: &str = "#casus=";
/// A scenario link's value (after `#scenario=`) longer than this was not made by Routewijzer;
/// the app writes none longer.
const MAX_SCENARIO_CHARS: usize = 100_000;
/// Another view than the explainer: `#/speelveld`.
const VIEW: &str = "#/";
/// A casus link longer than this was not made for Routewijzer.
#[cfg(feature = "views")]
const MAX_CASUS_CHARS: usize = 200_000;

/// What to do with the codec's answer.
type Answer = Box<dyn FnOnce(Result<String, String>)>;

// What this module keeps for the page: the codec, and the request it is working on.
thread_local! {
    /// The page's packer and unpacker (www/loader.js, through `mount`): the browser's
    /// CompressionStream. `None` when the app was mounted without the loader (the wasm
    /// tests): links are then written plain, and a packed one cannot be opened.
    static CODEC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Counts the requests: an answer to an older one than the last is dropped (of two
    /// drafts packed at once, only the newer reaches the URL).
    static TURN: Cell<u32> = const { Cell::new(0) };
    /// What to do with the answer to request `TURN`.
    static WAITING: Cell<Option<Answer>> = const { Cell::new(None) };
    /// A packed link is being unpacked: the URL is left alone until it is loaded.
    static UNPACKING: Cell<bool> = const { Cell::new(false) };
}

/// The codec www/loader.js hands to `mount`: `codec(turn, text, max)` packs `text` (`max`
/// 0) or unpacks at most `max` bytes of it, and then calls [`link_done`] with `turn` and
/// the result or the code of why not.
pub fn set_codec(codec: js_sys::Function) {
    CODEC.replace(Some(codec));
}

/// The codec's answer to request `turn` (an exported function, not a closure: smaller).
#[wasm_bindgen(js_name = linkDone)]
pub fn link_done(turn: u32, value: Option<String>, code: Option<String>) {
    if TURN.get() != turn {
        return;
    }
    UNPACKING.replace(false);
    if let Some(done) = WAITING.take() {
        done(value.ok_or_else(|| code.unwrap_or_default()));
    }
}

/// A new request: whatever was asked before is dropped. Returns its turn.
fn next_turn() -> u32 {
    WAITING.replace(None);
    let turn = TURN.get().wrapping_add(1);
    TURN.replace(turn);
    turn
}

/// Asks the codec to pack `text` (`max` 0) or to unpack it; `done` gets the answer later,
/// unless a newer request came meanwhile. Without a codec, `done(Err(""))` at once.
fn call_codec(text: &str, max: usize, done: impl FnOnce(Result<String, String>) + 'static) {
    let turn = next_turn();
    let Some(codec) = CODEC.with_borrow(Clone::clone) else {
        return done(Err(String::new()));
    };
    UNPACKING.replace(max > 0);
    WAITING.replace(Some(Box::new(done)));
    let _ = codec.call3(&JsValue::NULL, &turn.into(), &text.into(), &max.into());
}

fn hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// Replaces the URL's fragment with `fragment` (empty: none), without a history entry.
fn write(fragment: &str) {
    if hash() == fragment {
        return;
    }
    let window = gloo_utils::window();
    let href = window.location().href().unwrap_or_default();
    let url = match fragment {
        "" => href.split('#').next().unwrap_or_default(),
        _ => fragment,
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// The value a link carries under `key`: `None` when the URL holds no such link (or this
/// instance does not own the URL), `Err` with a Dutch message when it is damaged
/// (truncated, double-encoded, oversized).
fn link_value(embedding: &Embedding, key: &str, max: usize) -> Option<Result<Payload, String>> {
    if !embedding.owns_fragment {
        return None;
    }
    let hash = hash();
    let value = hash.strip_prefix(key)?;
    Some(link::read(value, max).map_err(|e| e.to_string()))
}

/// A scenario from a link, checked as a draft.
fn opened(engine: &Engine, text: Result<String, String>) -> Result<Box<Opened>, String> {
    text.and_then(|text| {
        // a point in a large water opens when the water areas are here (ui::water)
        super::water::open_text(engine, &text)
            .map(Box::new)
            .map_err(|e| format!("de link bevat geen geldig scenario: {e}"))
    })
}

/// The scenario in the URL, if this instance owns it and it holds one: checked, or `Err`
/// with the reason. `None` for a packed link too: [`unpack`] opens that.
pub fn scenario(embedding: &Embedding, engine: &Engine) -> Option<Result<Box<Opened>, String>> {
    match link_value(embedding, SCENARIO, MAX_SCENARIO_CHARS)? {
        Ok(Payload::Packed(_)) => None,
        Ok(Payload::Text(text)) => Some(opened(engine, Ok(text))),
        Err(message) => Some(Err(message)),
    }
}

/// Opens a packed scenario link, if the URL holds one: the browser unpacks it, stopping at
/// the input limit (a link that unpacks to more is refused, never held whole), and `done`
/// gets the checked draft. Meanwhile the URL is left alone. False when there is none.
pub fn unpack(
    embedding: &Embedding,
    engine: &'static Engine,
    done: impl FnOnce(Result<Box<Opened>, String>) + 'static,
) -> bool {
    let Some(Ok(Payload::Packed(packed))) = link_value(embedding, SCENARIO, MAX_SCENARIO_CHARS)
    else {
        return false;
    };
    call_codec(&packed, MAX_INPUT_BYTES, move |answer| {
        let text = link::unpacked(answer, MAX_INPUT_BYTES).map_err(|e| e.to_string());
        done(opened(engine, text));
    });
    true
}

/// Puts the draft in the URL without a new history entry, if this instance owns it: plain
/// while short, else packed (later: the browser packs it). `told` hears why it is not in
/// the URL (`None`: it is): when it does not fit in a link the app can read, the fragment is
/// cleared, so a reload opens the stored work instead of an older link.
pub fn show(draft: &ScenarioDraft, embedding: &Embedding, told: impl FnOnce(Option<String>) + 'static) {
    if !embedding.owns_fragment || UNPACKING.get() {
        return;
    }
    let text = draft.to_value().to_string();
    let plain = link::encode(&text);
    let short = plain.len() <= link::PLAIN_MAX_CHARS;
    let size = text.len();
    let finish = move |packed: Option<String>| {
        let value = packed
            .map(|p| format!("{}{p}", link::PACKED))
            .unwrap_or(plain);
        let fits = size <= MAX_INPUT_BYTES && value.len() <= MAX_SCENARIO_CHARS;
        write(&if fits { format!("{SCENARIO}{value}") } else { String::new() });
        told((!fits).then(|| {
            let long = LinkError::TooLong {
                chars: value.len().max(size),
                max: MAX_SCENARIO_CHARS,
            };
            format!("{long}; bewaar of deel het scenario als bestand met ‘Download scenario’ hieronder")
        }));
    };
    if short {
        next_turn();
        return finish(None);
    }
    call_codec(&text, 0, move |packed| finish(packed.ok()));
}

/// The plain link of a short draft; `None` for one that must be packed.
fn plain_fragment(draft: &ScenarioDraft) -> Option<String> {
    let plain = link::encode(&draft.to_value().to_string());
    (plain.len() <= link::PLAIN_MAX_CHARS).then(|| format!("{SCENARIO}{plain}"))
}

/// True when the URL already shows this draft as a plain link (so a hashchange to it, as
/// Back from another view, changes nothing).
pub fn shows(draft: &ScenarioDraft) -> bool {
    plain_fragment(draft).is_some_and(|fragment| hash() == fragment)
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

/// A view's address: `#/speelveld`; the explainer's is its scenario's plain link (`#` for a
/// long one, which [`show`] packs in place).
pub fn view_href(view: View, draft: &ScenarioDraft) -> String {
    match view {
        View::Verklaren => plain_fragment(draft).unwrap_or_else(|| "#".to_string()),
        other => format!("{VIEW}{}", other.id()),
    }
}

/// Puts `view` in the URL as a new history entry, so that Back returns to the view before
/// (if this instance owns the URL and it shows another view). `told` as for [`show`].
pub fn show_view(
    view: View,
    draft: &ScenarioDraft,
    embedding: &Embedding,
    told: impl FnOnce(Option<String>) + 'static,
) {
    if !embedding.owns_fragment || self::view(embedding) == Some(view) {
        return;
    }
    if let Ok(history) = gloo_utils::window().history() {
        let url = view_href(view, draft);
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if view == View::Verklaren {
        show(draft, embedding, told);
    }
}

/// True when this instance owns the URL and it holds a casus.
pub fn has_casus(embedding: &Embedding) -> bool {
    embedding.owns_fragment && hash().starts_with(CASUS)
}

/// The casus in the URL, read as a casus file (a plain link: the app writes none).
#[cfg(feature = "views")]
pub fn casus(
    embedding: &Embedding,
    engine: &Engine,
) -> Option<Result<crate::domain::oefenen::Casus, String>> {
    let text = match link_value(embedding, CASUS, MAX_CASUS_CHARS)? {
        Ok(Payload::Text(text)) => Ok(text),
        Ok(Payload::Packed(_)) => Err(LinkError::Unreadable.to_string()),
        Err(message) => Err(message),
    };
    Some(text.and_then(|text| {
        crate::domain::oefenen::load_casus(engine, "link", &text).map_err(|e| e.to_string())
    }))
}

/// Calls `changed` when the fragment changes (a link pasted into this tab's address bar).
pub fn on_change(changed: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), "hashchange", move |_| changed())
}
