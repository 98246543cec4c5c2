//! The gaps the engine found, grouped by kind, each with its size, the gemeenten it covers
//! (each opens its example in the explainer), its rules and sources, and the proposed
//! agreement: who acts, when, within what term, through which DSO function or workaround;
//! the text can be edited, another template chosen, the status set ("geaccepteerd risico"),
//! notes added. Everything is kept with the agreement.

use yew::prelude::*;

use super::Page;
use crate::domain::rules::Rules;
use crate::domain::werkafspraken::afspraak::{Afspraak, Status};
use crate::domain::werkafspraken::document::{gap_rules, rule_words, status_label};
use crate::domain::werkafspraken::gaps::{Gap, GapCase};
use crate::ui::forms::value_of;
use crate::ui::state::werkafspraken::WaAction;

/// A callback that changes this gap's agreement with `apply` (from the control's value).
fn edit<E: AsRef<web_sys::Event> + 'static>(
    p: &Page,
    gap: &Gap,
    apply: fn(&mut Afspraak, String),
) -> Callback<E> {
    let (state, id, now) = (p.state.clone(), gap.id.clone(), p.agreement.afspraak(&gap.id));
    Callback::from(move |e: E| {
        if let Some(v) = value_of(e.as_ref()) {
            let mut next = now.clone();
            apply(&mut next, v);
            state.dispatch(WaAction::SetAfspraak(id.clone(), next));
        }
    })
}

/// The first case per gemeente, each a button that opens it in the explainer.
fn examples(p: &Page, gap: &Gap, n: usize) -> Html {
    let lang = p.lang;
    let mut firsts: Vec<&GapCase> = Vec::new();
    for c in &gap.cases {
        if !firsts.iter().any(|f| f.gemeente.id == c.gemeente.id) {
            firsts.push(c);
        }
    }
    html! {
        <details class="rw-wa-examples" open={n == 1}>
            <summary>{ format!("{} ({} {})", lang.t("Voorbeelden per gemeente", "Examples per gemeente"), firsts.len(), lang.t("gemeenten", "gemeenten")) }</summary>
            <ul>
                { for firsts.iter().map(|c| {
                    let onclick = { let (open, c) = (p.onopen.clone(), (*c).clone()); Callback::from(move |_| open.emit(c.clone())) };
                    html! {
                        <li>
                            <span>{ p.words.case(gap, c) }</span>
                            { " " }
                            <button type="button" class="rw-button rw-wa-open" data-gap={gap.id.clone()} data-gemeente={c.gemeente.id.clone()} {onclick}>
                                { format!("{} {}", lang.t("Open in Verklaren:", "Open in Explain:"), c.gemeente.name) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

fn gap_view(p: &Page, n: usize, gap: &Gap) -> Html {
    let (lang, w) = (p.lang, p.words);
    let afspraak = p.agreement.afspraak(&gap.id);
    let proposal = w.proposal(gap, &afspraak, p.agreement.settings.assumptions.dso);
    let rules = Rules::bundled();
    let sources: Vec<Html> = proposal
        .functie_sources
        .iter()
        .filter_map(|id| rules.source(id))
        .map(|s| match &s.url {
            Some(url) => html! { <li><a href={url.clone()} rel="noopener noreferrer">{ format!("{}: {} ({})", s.id, s.title, s.publisher) }</a></li> },
            None => html! { <li>{ format!("{}: {} ({})", s.id, s.title, s.publisher) }</li> },
        })
        .collect();
    let templates = w.sjablonen.for_gap(gap.kind, gap.change);
    let code = lang.code();
    let base = format!("rw-wa-gap-{n}");
    let gemeenten = gap.gemeenten().len();
    html! {
        <article class={classes!("rw-wa-gap", (afspraak.status != Status::Voorstel).then_some("rw-wa-done"))} aria-labelledby={format!("{base}-h")} data-gap={gap.id.clone()} data-kind={gap.kind.as_str()}>
            <h4 id={format!("{base}-h")}>{ format!("{n}. ({}) {}", w.letter(gap.kind), w.title(gap)) }</h4>
            <p>{ w.sjablonen.soort(gap.kind).map(|s| s.uitleg.get(code).to_string()).unwrap_or_default() }</p>
            <p class="rw-wa-count">{ format!("{} {} {gemeenten} {}.", gap.count(), lang.t("combinaties in", "combinations in"), lang.t("gemeenten", "gemeenten")) }</p>
            { examples(p, gap, n) }
            <dl class="rw-facts rw-wa-proposal">
                <dt>{ lang.t("Regels", "Rules") }</dt><dd>{ rule_words(rules, &gap_rules(w, gap, &proposal), lang) }</dd>
                <dt>{ lang.t("Wie", "Who") }</dt><dd>{ &proposal.wie }</dd>
                <dt>{ lang.t("Wanneer", "When") }</dt><dd>{ &proposal.trigger }</dd>
                <dt>{ lang.t("Termijn", "Term") }</dt><dd>{ &proposal.termijn }</dd>
                <dt>{ lang.t("Hoe", "How") }</dt><dd>{ &proposal.functie }<ul class="rw-wa-sources">{ for sources }</ul></dd>
            </dl>
            if templates.len() > 1 {
                <div class="rw-field">
                    <label for={format!("{base}-sj")}>{ lang.t("Sjabloon", "Template") }</label>
                    <select id={format!("{base}-sj")} onchange={edit::<Event>(p, gap, |a, v| { a.sjabloon = Some(v); a.tekst = None; })}>
                        { for templates.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={proposal.sjabloon.as_deref() == Some(s.id.as_str())}>{ w.sjablonen.functie(&s.functie).map_or(s.id.clone(), |f| f.naam.get(code).to_string()) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="rw-field">
                <label for={format!("{base}-tekst")}>{ lang.t("Afspraak (tekst, aan te passen)", "Agreement (text, editable)") }</label>
                <textarea id={format!("{base}-tekst")} class="rw-wa-text" rows="4" value={proposal.tekst.clone()}
                    oninput={edit::<InputEvent>(p, gap, |a, v| a.tekst = Some(v))} />
            </div>
            <div class="rw-field">
                <label for={format!("{base}-status")}>{ lang.t("Status", "Status") }</label>
                <select id={format!("{base}-status")} class="rw-wa-status" onchange={edit::<Event>(p, gap, |a, v| a.status = Status::parse(&v).unwrap_or_default())}>
                    { for Status::ALL.iter().map(|s| html! { <option value={s.as_str()} selected={*s == afspraak.status}>{ status_label(*s, lang) }</option> }) }
                </select>
            </div>
            <div class="rw-field">
                <label for={format!("{base}-notes")}>{ lang.t("Notities", "Notes") }</label>
                <textarea id={format!("{base}-notes")} rows="2" value={afspraak.notities.clone()}
                    oninput={edit::<InputEvent>(p, gap, |a, v| a.notities = v)} />
            </div>
        </article>
    }
}

pub fn gaps(p: &Page) -> Html {
    let lang = p.lang;
    let body = match &p.progress.report {
        None => html! { <p>{ lang.t("De gaten worden berekend…", "Computing the gaps…") }</p> },
        Some(r) if r.gaps.is_empty() => html! { <p>{ lang.t("Geen gaten: het DSO routeert zoals de taakverdeling bedoelt.", "No gaps: the DSO routes as the task division intends.") }</p> },
        Some(r) => html! { <>{ for r.gaps.iter().enumerate().map(|(i, g)| gap_view(p, i + 1, g)) }</> },
    };
    html! {
        <section class="rw-wa-part" aria-labelledby="rw-wa-gaps">
            <h3 id="rw-wa-gaps">{ lang.t("3. Gaten en voorgestelde afspraken", "3. Gaps and proposed agreements") }</h3>
            <p>{ lang.t("Overal waar de routering van het DSO afwijkt van de taakverdeling. Elk voorbeeld opent in Verklaren met dezelfde uitkomst.", "Wherever the DSO's routing differs from the task division. Every example opens in Explain with the same outcome.") }</p>
            { body }
        </section>
    }
}
