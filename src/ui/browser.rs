//! Files in the browser: the ones a user opens (one size-checked reader for every view) and
//! the ones the app offers for download. Nothing leaves the browser.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use wasm_bindgen::JsCast;

use crate::domain::json::whole;

/// A file's name and its text.
pub type TextFile = (String, String);

/// Reads in progress; dropping it cancels them (keep it, e.g. in a `use_mut_ref`).
pub type Reading = Vec<FileReader>;

/// The files chosen in a file input, which is then cleared so the same file can be chosen
/// again (after fixing it, say).
fn take_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// An `onchange` for a file input: reads the chosen files (see [`read_files`]) and hands
/// the result to `done`; the reads are kept in `reading` while they last.
pub fn on_files(
    reading: &Rc<RefCell<Option<Reading>>>,
    max_bytes: usize,
    done: impl Fn(Result<Vec<TextFile>, String>) + 'static,
) -> yew::Callback<web_sys::Event> {
    let reading = reading.clone();
    let done = Rc::new(done);
    yew::Callback::from(move |e: web_sys::Event| {
        let files = take_files(&e);
        if !files.is_empty() {
            let done = done.clone();
            *reading.borrow_mut() = Some(read_files(files, max_bytes, move |read| done(read)));
        }
    })
}

/// Reads `files` as text, with the command line's decoding (UTF-16/32 named, bad UTF-8
/// with line and column), and calls `done` once: every file's name and text in the order
/// chosen, or the first refusal, starting with the file's name. A file over `max_bytes` is
/// refused before anything is read.
fn read_files(
    files: Vec<web_sys::File>,
    max_bytes: usize,
    done: impl FnOnce(Result<Vec<TextFile>, String>) + 'static,
) -> Reading {
    if let Some(big) = files.iter().find(|f| f.size() > max_bytes as f64) {
        done(Err(format!(
            "{}: het bestand is te groot ({} kB, maximaal {} kB)",
            big.name(),
            whole(big.size() / 1024.0),
            max_bytes / 1024
        )));
        return Vec::new();
    }
    // One slot per file, in the order chosen; `done` runs when the last one is filled.
    let slots = Rc::new(RefCell::new(vec![None; files.len()]));
    let done = Rc::new(Cell::new(Some(done)));
    files
        .into_iter()
        .enumerate()
        .map(|(index, file)| {
            let name = file.name();
            let (slots, done) = (slots.clone(), done.clone());
            gloo_file::callbacks::read_as_bytes(&file.into(), move |read| {
                let text = read
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| {
                        crate::domain::text_from_bytes(&bytes)
                            .map(str::to_string)
                            .map_err(|e| e.to_string())
                    })
                    .map(|text| (name.clone(), text))
                    .map_err(|e| format!("{name}: {e}"));
                let mut slots = slots.borrow_mut();
                if let Some(slot) = slots.get_mut(index) {
                    *slot = Some(text);
                }
                if slots.iter().all(Option::is_some) {
                    if let Some(done) = done.take() {
                        done(slots.drain(..).flatten().collect());
                    }
                }
            })
        })
        .collect()
}

/// Offers `text` as a file download (a Blob, so nothing leaves the browser). The Blob
/// stores it as UTF-8; a leading U+FEFF becomes the byte-order mark EF BB BF.
pub fn offer_file(name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer_parts(name, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers `bytes` as a file download (an ODT, say). The full build only.
#[cfg(feature = "views")]
pub fn offer_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer_parts(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer_parts(name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let fail = || "kon het bestand niet maken".to_string();
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The JavaScript constructor takes strings and byte arrays alike.
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

/// Offers `value` as a pretty-printed JSON file.
pub fn offer_json(name: &str, value: &serde_json::Value) -> Result<(), String> {
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    offer_file(name, "application/json", &json)
}

/// Milliseconds from the page's clock (`performance.now()`, or the date where it is missing).
/// For the work the full build spreads over timer ticks (Speelveld, CSV import).
#[cfg(feature = "views")]
pub fn now_ms() -> f64 {
    gloo_utils::window()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The element with `id` in the document or shadow root that holds `near` (an instance
/// may live in a shadow root, where `document.getElementById` does not look).
pub fn element_by_id(near: &web_sys::Node, id: &str) -> Option<web_sys::Element> {
    let root = near.get_root_node();
    match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root.dyn_ref::<web_sys::Document>()?.get_element_by_id(id),
    }
}

/// Moves focus to the element with `id` near `near` (a skip link's target, a term in the
/// glossary, a view's heading), making it focusable first if it is not.
pub fn focus_id(near: &web_sys::Node, id: &str) {
    if let Some(element) = element_by_id(near, id) {
        focus(element);
    }
}

/// Focuses `element`, making it focusable (from script only) if it is not.
pub fn focus(element: web_sys::Element) {
    let focusable = element
        .matches("input, select, button, a[href], textarea, [tabindex]")
        .unwrap_or(false);
    if !focusable {
        let _ = element.set_attribute("tabindex", "-1");
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
