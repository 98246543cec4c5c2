//! The rules' texts and sources (`data/rules.json`) for the findings. The full build has
//! them compiled in. The start build fetches them the first time someone opens a finding:
//! they are hidden until then, and leaving them out of the first load saves 8 KB gzip
//! (docs/performance.md). The loader (www/loader.js) does the fetch on the
//! `routewijzer-rules` event and hands the text to `MountedApp::set_rules`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::domain::rules::Rules;

/// Sent (bubbling, through shadow roots) by the element that needs the rules.
#[cfg_attr(feature = "views", allow(dead_code))]
pub const RULES_EVENT: &str = "routewijzer-rules";

#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "views", allow(dead_code))] // the full build is always Ready
pub enum RuleTexts {
    /// Not asked for yet, or on their way.
    Loading,
    Ready(&'static Rules),
    /// Offline or a refused file: the reason, for the user.
    Failed(&'static str),
}

#[cfg(feature = "views")]
pub fn current() -> RuleTexts {
    RuleTexts::Ready(Rules::bundled())
}

#[cfg(feature = "views")]
pub fn request(_from: &web_sys::Element) {}

#[cfg(feature = "views")]
pub fn set(_text: Option<String>, _error: Option<String>) {}

#[cfg(not(feature = "views"))]
thread_local! {
    static TEXTS: RefCell<(RuleTexts, bool)> = const { RefCell::new((RuleTexts::Loading, false)) };
}

#[cfg(not(feature = "views"))]
pub fn current() -> RuleTexts {
    TEXTS.with(|t| t.borrow().0)
}

/// Asks the loader for the rules, once per page.
#[cfg(not(feature = "views"))]
pub fn request(from: &web_sys::Element) {
    let first = TEXTS.with(|t| !std::mem::replace(&mut t.borrow_mut().1, true));
    if !first {
        return;
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(RULES_EVENT, &init) {
        let _ = from.dispatch_event(&event);
    }
}

/// The fetched file, or why it could not be fetched. Kept for the page's lifetime (leaked
/// once: every instance on the page shares it).
#[cfg(not(feature = "views"))]
pub fn set(text: Option<String>, error: Option<String>) {
    let failed = |message: String| RuleTexts::Failed(Box::leak(message.into_boxed_str()));
    let texts = match text {
        Some(text) => Rules::from_json(&text)
            .map_or_else(failed, |rules| RuleTexts::Ready(Box::leak(Box::new(rules)))),
        None => failed(error.unwrap_or_else(|| "onbekende fout".to_string())),
    };
    TEXTS.with(|t| t.borrow_mut().0 = texts);
    notify();
}

thread_local! {
    static LISTENERS: RefCell<Vec<Weak<dyn Fn()>>> = const { RefCell::new(Vec::new()) };
}

/// Calls `listener` when the rules arrive, for as long as the returned handle lives.
pub fn subscribe(listener: Rc<dyn Fn()>) -> Rc<dyn Fn()> {
    LISTENERS.with(|l| l.borrow_mut().push(Rc::downgrade(&listener)));
    listener
}

#[cfg_attr(feature = "views", allow(dead_code))]
fn notify() {
    let alive: Vec<Rc<dyn Fn()>> = LISTENERS.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|w| w.strong_count() > 0);
        l.iter().filter_map(Weak::upgrade).collect()
    });
    for listener in alive {
        listener();
    }
}
