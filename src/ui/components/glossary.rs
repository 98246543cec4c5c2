//! "Begrippen": the few terms the app cannot do without, each explained in one or two
//! sentences (domain-research §1), reachable from every term's first use. A function, not
//! a component: it has no state (docs/performance.md).

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::i18n::Lang;

/// Id (the anchor `rw-term-<id>`), the term, and its explanation in Dutch and in English.
const TERMS: [(&str, &str, &str, &str); 7] = [
    (
        "omgevingsloket",
        "Omgevingsloket (DSO-LV)",
        "Het loket van de landelijke voorziening van het Digitaal Stelsel Omgevingswet (DSO-LV). Hier dient een initiatiefnemer aanvragen en meldingen in; het loket maakt er verzoeken van en laat het bevoegd gezag en de behandeldienst weten dat er een verzoek klaarstaat.",
        "The counter of the national facility of the Digitaal Stelsel Omgevingswet (DSO-LV). An initiatiefnemer submits applications and meldingen here; it turns them into verzoeken and tells the bevoegd gezag and the behandeldienst that a verzoek is ready.",
    ),
    (
        "verzoek",
        "verzoek",
        "Wat het Omgevingsloket van een indiening maakt: één verzoektype (zoals aanvraag vergunning of melding) voor één of meer activiteiten, met één bevoegd gezag. Eén indiening kan meer verzoeken worden.",
        "What the Omgevingsloket makes of a submission: one verzoektype (such as an application for a permit or a melding) for one or more activities, with one bevoegd gezag. One submission can become several verzoeken.",
    ),
    (
        "bevoegd-gezag",
        "bevoegd gezag",
        "Het bestuursorgaan dat over het verzoek beslist: het college van B&W van een gemeente, Gedeputeerde Staten van een provincie, het dagelijks bestuur van een waterschap of een minister.",
        "The body that decides on the verzoek: the college van B&W of a gemeente, Gedeputeerde Staten of a provincie, the board of a waterschap, or a minister.",
    ),
    (
        "behandeldienst",
        "behandeldienst",
        "De organisatie die het verzoek namens het bevoegd gezag behandelt, zoals een omgevingsdienst of een veiligheidsregio. Het bevoegd gezag stelt dit per activiteit in het DSO in (de behandeldienstconfiguratie).",
        "The organisation that handles the verzoek on behalf of the bevoegd gezag, such as an omgevingsdienst or a veiligheidsregio. The bevoegd gezag sets this per activity in the DSO (the behandeldienst configuration).",
    ),
    (
        "verzoeknotificatie",
        "verzoeknotificatie (trigger)",
        "Het bericht van het Omgevingsloket dat er een verzoek klaarstaat; in de presentatie van 2020 heette het een trigger. Per verzoek gaan er hoogstens twee uit: naar de behandeldienst en, als kopie, naar het bevoegd gezag; zonder behandeldienst één, naar het bevoegd gezag.",
        "The Omgevingsloket's message that a verzoek is ready; the 2020 presentation called it a trigger. At most two go out per verzoek: to the behandeldienst and, as a copy, to the bevoegd gezag; without a behandeldienst one, to the bevoegd gezag.",
    ),
    (
        "adviseur",
        "adviseur",
        "Een organisatie die over het verzoek adviseert, zoals de provincie, het waterschap of de veiligheidsregio. Het Omgevingsloket stuurt een adviseur niets: het bevoegd gezag of de behandeldienst moet hem zelf betrekken.",
        "An organisation that advises on the verzoek, such as the provincie, the waterschap or the veiligheidsregio. The Omgevingsloket sends an adviseur nothing: the bevoegd gezag or the behandeldienst must involve it.",
    ),
    (
        "werkingsgebied",
        "werkingsgebied",
        "Het gebied waarvoor iets geldt: een activiteit of regel in het DSO, of een behandeldienst die een bevoegd gezag alleen voor sommige gemeenten heeft ingesteld.",
        "The area something applies to: an activity or rule in the DSO, or a behandeldienst that a bevoegd gezag has set for some gemeenten only.",
    ),
];

/// Opens the glossary and moves focus to the term (the URL stays as it is).
fn show(near: &web_sys::Node, id: &str) {
    if let Some(details) = browser::element_by_id(near, "rw-begrippen")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(e).ok())
    {
        details.set_open(true);
    }
    browser::focus_id(near, &format!("rw-term-{id}"));
}

/// A term's first use: a link to its explanation.
pub fn term_link(id: &'static str, text: &'static str) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(link) = e.target_dyn_into::<web_sys::Node>() {
            show(&link, id);
        }
    });
    html! { <a class="rw-term" href={format!("#rw-term-{id}")} {onclick}>{ text }</a> }
}

/// The glossary, closed until opened or until a term's link opens it.
pub fn glossary(lang: Lang) -> Html {
    html! {
        <details id="rw-begrippen" class="rw-glossary">
            <summary>{ lang.t("Begrippen", "Terms") }</summary>
            <dl>
                { for TERMS.iter().map(|(id, term, nl, en)| html! { <>
                    <dt id={format!("rw-term-{id}")} lang="nl">{ *term }</dt>
                    <dd>{ lang.t(nl, en) }</dd>
                </> }) }
            </dl>
        </details>
    }
}
