//! Yew components in a real headless Chromium (wasm-bindgen-test). On the host this file
//! compiles to nothing.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use routewijzer::ui::{panic, App};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    // Yew renders on its scheduler, not synchronously.
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Waits until `done` holds, checking every 10 ms for at most 5 s (a loaded machine renders
/// and runs effects later than a quiet one; a fixed wait would be flaky).
async fn until(done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
}

#[wasm_bindgen_test]
async fn app_renders_title_and_map() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let title = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(title.text_content().unwrap(), "Routewijzer");
    assert!(root.query_selector("svg.rw-map").unwrap().is_some());
}

#[wasm_bindgen_test]
fn panic_message_replaces_the_app_and_shows_details_as_text() {
    let root = fresh_root();
    root.set_text_content(Some("oude inhoud"));
    panic::install(&root);
    panic::show("<img src=x onerror=alert(1)> details");
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Er ging iets mis"), "{text}");
    assert!(
        text.contains("<img src=x onerror=alert(1)>"),
        "details must be text: {text}"
    );
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "no markup may be created"
    );
    assert!(!text.contains("oude inhoud"));
}

#[wasm_bindgen_test]
async fn a_real_panic_in_the_app_shows_the_panic_page() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    panic::install(&root);
    settle().await;
    assert!(root.query_selector("svg.rw-map").unwrap().is_some());
    // The debug-only door panics inside an event listener, as a bug in a callback would.
    let event = web_sys::Event::new(panic::DEBUG_PANIC_EVENT).unwrap();
    let _ = root.dispatch_event(&event);
    let alert = root
        .query_selector(".rw-panic[role=alert]")
        .unwrap()
        .expect("the panic page");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Er ging iets mis"), "{text}");
    assert!(text.contains("bewuste testfout"), "{text}");
    assert!(root.query_selector("svg.rw-map").unwrap().is_none());
}

/// Issue 19: a scenario that keeps the behandeldienst after a change of bevoegd gezag
/// (`assumptions.bd_after_bg_change: "keep"`) must keep it when opened from a link; the app
/// writes its state back into the URL, so the link it shows must still say `keep`.
#[wasm_bindgen_test]
async fn a_link_keeps_bd_after_bg_change() {
    let fixture = include_str!("fixtures/routing/na-ontvangst-bg-wijziging-houdt-bd.scenario.json");
    let window = web_sys::window().unwrap();
    let location = window.location();
    // The fixture is pretty-printed; the app writes its draft compact, so its own link
    // differs from this one.
    let link = format!("#scenario={}", routewijzer::domain::link::encode(fixture));
    location.set_hash(&link).unwrap();
    let given = location.hash().unwrap(); // as the browser keeps it
    let root = fresh_root();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    until(|| location.hash().is_ok_and(|h| h != given)).await;
    let hash = location.hash().unwrap();
    assert_ne!(hash, given, "the app writes its own link");
    let encoded = hash
        .strip_prefix("#scenario=")
        .expect("the app keeps a scenario link");
    let text = routewijzer::domain::link::decode(encoded, 100_000).unwrap();
    let shown: serde_json::Value = serde_json::from_str(&text).unwrap();
    handle.destroy();
    location.set_hash("").unwrap();
    assert_eq!(
        shown["assumptions"]["bd_after_bg_change"], "keep",
        "the link the app shows: {text}"
    );
    assert_eq!(shown["after_receipt"][0]["to"], "GM0796");
}
