//! Who gets what for one verzoek, as a picture that is also its own text: the Omgevingsloket
//! on the left, one numbered arrow per verzoeknotificatie to each recipient (the copy to the
//! bevoegd gezag marked as the copy), and apart from them those who get nothing, each with
//! the reason. Plain HTML and CSS (www/style.css), so the text keeps the page's size at
//! every width. A function, not a component: it has no state (docs/performance.md). Used
//! by the explainer and by Oefenen's reveal.

use yew::prelude::*;

use super::glossary::term_link;
use crate::domain::outcome::{MissedReason, Verzoek};
use crate::domain::{AdviesRole, Engine, FindingCode, RecipientRole};
use crate::ui::i18n::Lang;

/// "College van B&W van Oss (GM0828)": the name first, the id after it.
pub fn named(name: &str, id: &str) -> String {
    if name == id || name.is_empty() {
        id.to_string()
    } else {
        format!("{name} ({id})")
    }
}

/// The organisation's name with its id, or the id alone.
pub fn org_named(engine: &Engine, id: &str) -> String {
    named(&engine.organisations.name_or_id(id), id)
}

/// Why someone who expected this verzoek gets nothing, in one sentence.
fn missed_reason(reason: &MissedReason, lang: Lang) -> &'static str {
    match reason {
        MissedReason::Adviseur(AdviesRole::Advies) => lang.t(
            "adviseur: het Omgevingsloket stuurt adviseurs niets; het bevoegd gezag of de behandeldienst moet hem zelf betrekken.",
            "adviseur: the Omgevingsloket sends adviseurs nothing; the bevoegd gezag or the behandeldienst must involve it.",
        ),
        MissedReason::Adviseur(AdviesRole::AdviesMetInstemming) => lang.t(
            "adviseur met instemming: het Omgevingsloket stuurt adviseurs niets; het bevoegd gezag of de behandeldienst moet hem zelf betrekken.",
            "adviseur whose consent is needed: the Omgevingsloket sends adviseurs nothing; the bevoegd gezag or the behandeldienst must involve it.",
        ),
        MissedReason::Configured(FindingCode::BdAndereBg) => lang.t(
            "ingesteld als behandeldienst door een ander bevoegd gezag; alleen de instelling van het bevoegd gezag van dit verzoek telt.",
            "set as behandeldienst by another bevoegd gezag; only the setting of this verzoek's bevoegd gezag counts.",
        ),
        MissedReason::Configured(_) => lang.t(
            "ingesteld als behandeldienst voor een van de activiteiten, maar het Omgevingsloket stuurt één verzoek naar hoogstens één behandeldienst, en de activiteiten van dit verzoek wijzen niet allemaal naar hem (zie de bevinding hieronder).",
            "set as behandeldienst for one of the activities, but the Omgevingsloket sends one verzoek to at most one behandeldienst, and not every activity of this verzoek points to it (see the finding below).",
        ),
    }
}

/// One arrow: its number, the recipient and what it does with the verzoek.
fn arrow(n: usize, name: &str, id: &str, role: RecipientRole, copy: bool, lang: Lang) -> Html {
    let (class, what) = match (role, copy) {
        (RecipientRole::Behandeldienst, _) => (
            "rw-bd",
            lang.t("behandeldienst: behandelt het verzoek", "behandeldienst: handles the verzoek"),
        ),
        (RecipientRole::BevoegdGezag, true) => (
            "rw-bg",
            lang.t("bevoegd gezag: beslist; krijgt een", "bevoegd gezag: decides; gets a"),
        ),
        (RecipientRole::BevoegdGezag, false) => (
            "rw-bg",
            lang.t("bevoegd gezag: beslist en behandelt", "bevoegd gezag: decides and handles"),
        ),
    };
    html! {
        <li class={classes!("rw-flow-arrow", copy.then_some("rw-flow-copy"))}>
            <span class="rw-flow-line" aria-hidden="true"><span class="rw-flow-n">{ n }</span></span>
            <span class={classes!("rw-flow-to", class)} data-id={id.to_string()}>
                <span class="rw-sr">{ format!("{} {n} {} ", lang.t("Verzoeknotificatie", "Verzoeknotificatie"), lang.t("naar", "to")) }</span>
                <strong>{ named(name, id) }</strong>
                <span class="rw-flow-what">
                    { what }
                    if copy { { " " }<span class="rw-flow-badge">{ lang.t("kopie", "copy") }</span> }
                </span>
            </span>
        </li>
    }
}

/// The picture for one verzoek. `why_no_bd` says why it has no behandeldienst, if it has
/// none (the engine's finding).
pub fn flow(engine: &Engine, verzoek: &Verzoek, why_no_bd: Html, lang: Lang) -> Html {
    let has_bd = verzoek
        .recipients
        .iter()
        .any(|r| r.role == RecipientRole::Behandeldienst);
    // The one who handles it first, the copy after it.
    let mut recipients: Vec<_> = verzoek.recipients.iter().collect();
    crate::short_sort::sort_by(&mut recipients, |a, b| {
        (a.role == RecipientRole::BevoegdGezag).cmp(&(b.role == RecipientRole::BevoegdGezag))
    });
    let bg_left_out = !verzoek
        .recipients
        .iter()
        .any(|r| r.role == RecipientRole::BevoegdGezag);
    let missed = verzoek.missed();
    let no_bd = verzoek.behandeldienst.is_none();
    let nothing = !missed.is_empty() || bg_left_out || no_bd;
    html! {
        <div class="rw-flow">
            <div class="rw-flow-picture">
                <p class="rw-flow-source">
                    { term_link("omgevingsloket", "Omgevingsloket") }
                    <span class="rw-flow-what">{ lang.t("landelijke voorziening (DSO-LV)", "national facility (DSO-LV)") }</span>
                </p>
                <ol class="rw-flow-arrows" aria-label={lang.t("Krijgen een verzoeknotificatie", "Get a verzoeknotificatie")}>
                    { for recipients.iter().enumerate().map(|(i, r)| {
                        let copy = r.role == RecipientRole::BevoegdGezag && has_bd;
                        arrow(i + 1, &r.name, &r.id, r.role, copy, lang)
                    }) }
                </ol>
            </div>
            if nothing {
                <div class="rw-flow-nothing">
                    <p class="rw-flow-nothing-title">{ lang.t("Krijgen niets:", "Get nothing:") }</p>
                    <ul class="rw-missed">
                        if no_bd {
                            <li class="rw-bd rw-flow-no-bd">{ why_no_bd }</li>
                        }
                        if bg_left_out {
                            <li>
                                <strong>{ named(&verzoek.bevoegd_gezag.name, &verzoek.bevoegd_gezag.id) }</strong>
                                { " — " }{ lang.t("bevoegd gezag: krijgt geen kopie onder de gekozen aanname.", "bevoegd gezag: gets no copy under the chosen assumption.") }
                            </li>
                        }
                        { for missed.iter().map(|(id, reason)| html! {
                            <li data-id={id.clone()}><strong>{ org_named(engine, id) }</strong>{ " — " }{ missed_reason(reason, lang) }</li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
