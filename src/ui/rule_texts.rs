//! The rules' texts and sources (`data/rules.json`) for the findings, and how they are shown:
//! the text in the reader's language, the confidence mark in words, each source with its
//! publisher, title, date and address. The full build has them compiled in. The start build
//! fetches them the first time someone opens a finding: they are hidden until then, and
//! leaving them out of the first load saves 17 KB gzip (docs/performance.md). The same goes
//! for the findings' English sentences (`data/findings/en.json`, `Engine::english`), asked
//! for as soon as an English page shows a finding. The loader (www/loader.js) fetches both on
//! the `routewijzer-rules` event and hands them to `MountedApp::set_rules`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::i18n::Lang;
use crate::domain::rules::{Rule, Rules, Source};
use crate::domain::{Finding, FindingTexts};

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
pub fn set(_text: Option<String>, _english: Option<String>, _error: Option<String>) {}

/// The findings' English sentences, once there.
#[cfg(feature = "views")]
fn english() -> Option<&'static FindingTexts> {
    crate::domain::Engine::english().ok()
}

#[cfg(not(feature = "views"))]
thread_local! {
    static TEXTS: RefCell<(RuleTexts, bool)> = const { RefCell::new((RuleTexts::Loading, false)) };
    static ENGLISH: std::cell::Cell<Option<&'static FindingTexts>> = const { std::cell::Cell::new(None) };
}

#[cfg(not(feature = "views"))]
fn english() -> Option<&'static FindingTexts> {
    ENGLISH.with(std::cell::Cell::get)
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

/// The fetched files (the rules, the findings' English), or why they could not be
/// fetched. Kept for the page's lifetime (leaked once: every instance on the page shares
/// them). English that does not load leaves the findings in Dutch, marked as such.
#[cfg(not(feature = "views"))]
pub fn set(text: Option<String>, english: Option<String>, error: Option<String>) {
    let failed = |message: String| RuleTexts::Failed(Box::leak(message.into_boxed_str()));
    let texts = match text {
        Some(text) => Rules::from_json(&text)
            .map_or_else(failed, |rules| RuleTexts::Ready(Box::leak(Box::new(rules)))),
        None => failed(error.unwrap_or_else(|| "onbekende fout".to_string())),
    };
    let english = english
        .and_then(|text| FindingTexts::from_json(&text, Lang::En).ok())
        .map(|texts| &*Box::leak(Box::new(texts)));
    TEXTS.with(|t| t.borrow_mut().0 = texts);
    ENGLISH.with(|e| e.set(english));
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

/// A finding's sentence in `lang`: English once its sentences are there, else the
/// engine's Dutch (with `false`: not in `lang`).
pub fn finding_text(finding: &Finding, lang: Lang) -> (String, bool) {
    match (lang, english()) {
        (Lang::Nl, _) => (finding.text.clone(), true),
        (Lang::En, Some(texts)) => (finding.text_in(texts), true),
        (Lang::En, None) => (finding.text.clone(), false),
    }
}

/// "Stand van de bronnen" in the reader's language ("6 december 2026"), once the rules are
/// there. The full build has it at once. In the start build it is `None` until something has
/// asked for the rules: an "Over" panel calls [`request`] when it opens and re-renders through
/// [`subscribe`], as the findings do.
pub fn sources_checked(lang: Lang) -> Option<String> {
    match current() {
        RuleTexts::Ready(rules) => Some(rules.sources_checked_text(lang.code())),
        RuleTexts::Loading | RuleTexts::Failed(_) => None,
    }
}

/// The confidence mark in words with its short form: "indirect gedocumenteerd [D-ind]".
pub fn mark_label(rules: &Rules, rule: &Rule, lang: Lang) -> String {
    match rules.mark(&rule.mark) {
        Some(mark) => format!("{} [{}]", mark.word.get(lang.code()), rule.mark),
        None => format!("[{}]", rule.mark),
    }
}

/// A rule's text in the reader's language, its confidence and its sources.
pub fn details(rules: &Rules, rule: &Rule, lang: Lang) -> Html {
    let meaning = rules
        .mark(&rule.mark)
        .map(|m| m.meaning.get(lang.code()))
        .unwrap_or_default();
    html! {
        <>
            <p lang={lang.code()}>{ rule.text.get(lang.code()) }</p>
            <p class="rw-muted">
                { format!("{}: {} — {meaning}.", lang.t("Zekerheid", "Certainty"), mark_label(rules, rule, lang)) }
            </p>
            { source_list(rules, rule, lang) }
        </>
    }
}

/// The rule's sources: id, publisher and title (Dutch, as published), date, and the address
/// as a link.
pub fn source_list(rules: &Rules, rule: &Rule, lang: Lang) -> Html {
    html! {
        <ul class="rw-sources">
            { for rule.sources.iter().filter_map(|id| rules.source(id)).map(|s| source_item(s, lang)) }
        </ul>
    }
}

fn source_item(source: &Source, lang: Lang) -> Html {
    let link = match &source.url {
        Some(url) => html! {
            <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a>
        },
        None => html! { { lang.t("niet openbaar", "not public") } },
    };
    html! {
        <li>
            { format!("{} · ", source.id) }
            <span lang="nl">{ format!("{}: ", source.publisher) }<cite>{ &source.title }</cite></span>
            { format!(", {}. ", source.dating(lang.code())) }
            { link }
        </li>
    }
}
