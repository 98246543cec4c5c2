//! Appendix "Aansluiten" (the 2020 deck): what must be in place before a verzoeknotificatie
//! arrives, per receiving party, as a checklist the parties tick (kept with the agreement);
//! and the message sequence the deck draws, as a picture with its text beside it.

use yew::prelude::*;

use super::Page;
use crate::domain::werkafspraken::document::{checklist, sequence};
use crate::ui::state::werkafspraken::WaAction;

/// The sequence as a picture: DSO → receiver (verzoeknotificatie), receiver → DSO (fetch
/// through Verzoek afhandelen), receiver → VTH system (processing). The ordered list beside it
/// says the same in words, so the picture is decorative for a screen reader.
pub fn sequence_figure(lang: crate::ui::i18n::Lang) -> Html {
    let lane = |x: u32, label: &str| {
        let mid = (x + 75).to_string();
        html! {
            <g>
                <rect x={x.to_string()} y="4" width="150" height="30" rx="4" class="rw-wa-seq-box" />
                <text x={mid.clone()} y="24" text-anchor="middle">{ label.to_string() }</text>
                <line x1={mid.clone()} y1="34" x2={mid} y2="176" class="rw-wa-seq-life" />
            </g>
        }
    };
    let arrow = |x1: u32, x2: u32, y: u32, label: &'static str| {
        let mid = (x1 + x2) / 2;
        html! {
            <g>
                <line x1={x1.to_string()} y1={y.to_string()} x2={x2.to_string()} y2={y.to_string()} class="rw-wa-seq-arrow" marker-end="url(#rw-wa-arrow)" />
                <text x={mid.to_string()} y={(y - 6).to_string()} text-anchor="middle">{ label }</text>
            </g>
        }
    };
    html! {
        <figure class="rw-wa-sequence">
            <svg viewBox="0 0 560 180" aria-hidden="true" focusable="false">
                <defs>
                    <marker id="rw-wa-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                { lane(5, "DSO") }
                { lane(205, lang.t("Bevoegd gezag / behandeldienst", "Bevoegd gezag / behandeldienst")) }
                { lane(405, lang.t("VTH-systeem", "VTH system")) }
                { arrow(80, 280, 70, lang.t("1. verzoeknotificatie", "1. verzoeknotificatie")) }
                { arrow(280, 80, 115, lang.t("2. ophalen: Verzoek afhandelen", "2. fetch: Verzoek afhandelen")) }
                { arrow(280, 480, 160, lang.t("3. verwerken", "3. process")) }
            </svg>
            <figcaption>
                { lang.t("Berichtenvolgorde (presentatie 2020, regels T1 en T7):", "Message sequence (2020 deck, rules T1 and T7):") }
                <ol>{ for sequence(lang).into_iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            </figcaption>
        </figure>
    }
}

pub fn aansluiten(p: &Page) -> Html {
    let lang = p.lang;
    let Some(report) = &p.progress.report else {
        return Html::default();
    };
    html! {
        <section class="rw-wa-part" aria-labelledby="rw-wa-aansluiten">
            <h3 id="rw-wa-aansluiten">{ lang.t("4. Aansluiten: wat er moet zijn voor een verzoeknotificatie aankomt", "4. Connecting: what must be in place for a verzoeknotificatie to arrive") }</h3>
            { sequence_figure(lang) }
            { for report.receivers.iter().enumerate().map(|(n, r)| {
                let ticked = p.agreement.aansluiten.get(&r.org.id).cloned().unwrap_or_default();
                html! {
                    <fieldset class="rw-wa-checklist" data-org={r.org.id.clone()}>
                        <legend>{ &r.org.name }</legend>
                        { for checklist(p.words, r, &ticked).into_iter().enumerate().map(|(i, (key, text, on))| {
                            let id = format!("rw-wa-check-{n}-{i}");
                            let onchange = {
                                let (state, org, key) = (p.state.clone(), r.org.id.clone(), key.clone());
                                Callback::from(move |e: Event| {
                                    let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                                    state.dispatch(WaAction::Tick(org.clone(), key.clone(), checked));
                                })
                            };
                            html! {
                                <div class="rw-check">
                                    <input type="checkbox" id={id.clone()} data-item={key} checked={on} {onchange} />
                                    <label for={id}>{ text }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </section>
    }
}
