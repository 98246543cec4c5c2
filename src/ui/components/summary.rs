//! The result in a line ("3 verzoeknotificaties · 2 verzoeken · behandeldienst: …"), kept in
//! view while the user chooses the location and the activities (www/style.css: a bar at the
//! foot of the screen on narrow screens, above the outcome on wide ones). Its live region
//! exists before the first result, so screen readers announce the first one and each
//! change. A function, not a component: it has no state.

use yew::prelude::*;

use crate::domain::outcome::Named;
use crate::domain::Outcome;
use crate::ui::browser::focus_id;
use crate::ui::context::Derived;
use crate::ui::i18n::Lang;

/// The behandeldiensten of the outcome's verzoeken, each once, by name.
fn behandeldiensten(outcome: &Outcome) -> Vec<&Named> {
    let mut out: Vec<&Named> = Vec::new();
    for bd in outcome.verzoeken.iter().filter_map(|v| v.behandeldienst.as_ref()) {
        if !out.iter().any(|b| b.id == bd.id) {
            out.push(bd);
        }
    }
    out
}

fn line(outcome: &Outcome, lang: Lang) -> Html {
    let total = outcome.total_triggers;
    // The domain's word, in both languages (the glossary explains it).
    let word = if total == 1 { "verzoeknotificatie" } else { "verzoeknotificaties" };
    let bds = behandeldiensten(outcome);
    let bd = match bds.as_slice() {
        [] => lang.t("geen behandeldienst", "no behandeldienst").to_string(),
        [one] => format!("{}: {}", lang.t("behandeldienst", "behandeldienst"), one.name),
        more => format!(
            "{}: {}",
            lang.t("behandeldiensten", "behandeldiensten"),
            more.iter().map(|b| b.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    };
    html! { <>
        <span class="rw-total-number" data-total={total.to_string()}>{ total }</span>
        { format!(" {word} · {} · {bd}", lang.count(outcome.verzoeken.len(), ("verzoek", "verzoek"), ("verzoeken", "verzoeken"))) }
    </> }
}

pub fn summary(outcome: &Derived, lang: Lang) -> Html {
    let text = match outcome {
        None => html! { lang.t("Nog geen uitkomst: kies een locatie en ten minste één activiteit.",
            "No outcome yet: choose a location and at least one activity.") },
        Some(Err(_)) => html! { lang.t("Geen uitkomst: zie de melding bij 3.", "No outcome: see the message under 3.") },
        Some(Ok(outcome)) => line(outcome, lang),
    };
    let onmore = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(link) = e.target_dyn_into::<web_sys::Node>() {
            focus_id(&link, "rw-h-outcome");
        }
    });
    html! {
        <div id="rw-summary" class="rw-summary" tabindex="-1">
            <p class="rw-total" aria-live="polite" aria-atomic="true">{ text }</p>
            if matches!(outcome, Some(Ok(_))) {
                <a class="rw-summary-more" href="#rw-h-outcome" onclick={onmore}>{ lang.t("Bekijk de uitkomst", "See the outcome") }</a>
            }
        </div>
    }
}
