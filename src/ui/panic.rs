//! A panic must never leave a silently dead page: the hook logs the details and replaces the
//! app with a readable Dutch message.

use std::cell::RefCell;

thread_local! {
    /// Every mounted instance's root: after a panic none of them can be trusted.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Debug builds only: this event on a root panics on purpose, so a test can prove that the
/// hook shows the message (tests/dom.rs). Release builds have no such door.
pub const DEBUG_PANIC_EVENT: &str = "routewijzer-debug-panic";

pub const MESSAGE: &str = "Er ging iets mis in Routewijzer. Herlaad de pagina om verder te gaan; \
     wat u in deze browser hebt opgeslagen, blijft bewaard.";

/// Installs the hook; `root` is the element the app lives in.
pub fn install(root: &web_sys::Element) {
    ROOTS.with(|cell| cell.borrow_mut().push(root.clone()));
    #[cfg(debug_assertions)]
    gloo_events::EventListener::new(root, DEBUG_PANIC_EVENT, |_| deliberate_panic()).forget();
    std::panic::set_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&format!("Routewijzer: {details}").into());
        show(&details);
    }));
}

/// Replaces the app's content with the message. The details are set as text, never markup.
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut roots: Vec<web_sys::Element> = ROOTS.with(|cell| cell.borrow().clone());
    roots.retain(|root| root.is_connected());
    if roots.is_empty() {
        roots.extend(document.body().map(Into::into));
    }
    for root in roots {
        show_in(&document, &root, details);
    }
}

fn show_in(document: &web_sys::Document, root: &web_sys::Element, details: &str) {
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("rw-panic");
    let _ = panel.set_attribute("role", "alert");
    let parts = [("h2", "Er ging iets mis"), ("p", MESSAGE), ("pre", details)];
    for (tag, text) in parts {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = panel.append_child(&element);
        }
    }
    root.set_text_content(None);
    let _ = root.append_child(&panel);
}

#[cfg(debug_assertions)]
#[allow(clippy::panic)] // the one deliberate panic, for the test of the hook
fn deliberate_panic() {
    panic!("bewuste testfout (alleen in debug-builds)");
}
