//! A panic must never leave a silently dead page: the hook logs the details and replaces the
//! app with a readable Dutch message.

use std::cell::RefCell;

thread_local! {
    static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

pub const MESSAGE: &str = "Er ging iets mis in Routewijzer. Herlaad de pagina om verder te gaan; \
     wat u in deze browser hebt opgeslagen, blijft bewaard.";

/// Installs the hook; `root` is the element the app lives in.
pub fn install(root: &web_sys::Element) {
    ROOT.with(|cell| *cell.borrow_mut() = Some(root.clone()));
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
    let root = ROOT
        .with(|cell| cell.borrow().clone())
        .or_else(|| document.body().map(Into::into));
    let Some(root) = root else { return };
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
