//! Form controls bound to a `use_state` string: one way to read an input, select or
//! textarea, instead of a cast per component.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The value of the input, select or textarea an event came from.
pub fn value_of(event: &web_sys::Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return Some(select.value());
    }
    target
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(web_sys::HtmlTextAreaElement::value)
}

/// A callback (for `oninput` or `onchange`) that keeps `handle` equal to the control's value.
pub fn keep_value<E: AsRef<web_sys::Event> + 'static>(
    handle: &UseStateHandle<String>,
) -> Callback<E> {
    let handle = handle.clone();
    Callback::from(move |e: E| {
        if let Some(value) = value_of(e.as_ref()) {
            handle.set(value);
        }
    })
}
