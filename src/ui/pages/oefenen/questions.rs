//! The questions of a casus: a select per organisation asked for, a number field per count,
//! checkboxes for who misses out; after the reveal each marked right or wrong (text and
//! icon) with the given and the correct answer.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::domain::oefenen::{Answer, Ask, Casus, Grading};
use crate::domain::outcome::Named;
use crate::ui::i18n::Lang;
use crate::ui::state::oefenen::{OefenAction, OefenState};

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub state: UseReducerHandle<OefenState>,
    pub casus: Casus,
    /// The organisations to choose from (those the outcome names).
    pub names: Vec<Named>,
    pub lang: Lang,
}

/// The question for each kind of answer, Dutch and English (unless the casus words it).
const ASK_TEXTS: [(Ask, &str, &str); 8] = [
    (
        Ask::BevoegdGezag,
        "Welk bevoegd gezag krijgt het verzoek?",
        "Which bevoegd gezag receives the verzoek?",
    ),
    (
        Ask::Behandeldienst,
        "Welke behandeldienst krijgt het verzoek?",
        "Which behandeldienst receives the verzoek?",
    ),
    (
        Ask::Triggers,
        "Hoeveel verzoeknotificaties gaan er uit?",
        "How many verzoeknotificaties go out?",
    ),
    (
        Ask::Verzoeken,
        "Hoeveel verzoeken maakt het Omgevingsloket?",
        "How many verzoeken does the Omgevingsloket make?",
    ),
    (
        Ask::BuitenBeeld,
        "Wie krijgt niets (een adviseur, of een ingestelde behandeldienst die geen verzoeknotificatie krijgt)?",
        "Who gets nothing (an adviseur, or a configured behandeldienst that gets no verzoeknotificatie)?",
    ),
    (
        Ask::BevoegdGezagNaOntvangst,
        "Welk bevoegd gezag heeft het verzoek na de wijzigingen?",
        "Which bevoegd gezag has the verzoek after the changes?",
    ),
    (
        Ask::BehandeldienstNaOntvangst,
        "Welke behandeldienst heeft het verzoek na de wijzigingen?",
        "Which behandeldienst has the verzoek after the changes?",
    ),
    (
        Ask::OntbrekendeAfspraak,
        "Welke afspraak ontbreekt hier? Kies de gaten van de werkafspraak zonder afspraak.",
        "Which agreement is missing here? Choose the gaps of the agreement without one.",
    ),
];

fn ask_text(ask: Ask, lang: Lang) -> &'static str {
    ASK_TEXTS
        .iter()
        .find(|(a, _, _)| *a == ask)
        .map_or("", |(_, nl, en)| lang.t(nl, en))
}

fn show(answer: Option<&Answer>, names: &[Named], lang: Lang) -> String {
    let name = |id: &str| {
        names
            .iter()
            .find(|n| n.id == id)
            .map_or_else(|| id.to_string(), |n| n.name.clone())
    };
    match answer {
        None => lang.t("(geen antwoord)", "(no answer)").to_string(),
        Some(Answer::Org(None)) => lang.t("geen", "none").to_string(),
        Some(Answer::Org(Some(id))) => name(id),
        Some(Answer::Count(n)) => n.to_string(),
        Some(Answer::Ids(s)) if s.is_empty() => lang.t("niemand", "nobody").to_string(),
        Some(Answer::Ids(s)) => s.iter().map(|id| name(id)).collect::<Vec<_>>().join(", "),
    }
}

#[function_component(Questions)]
pub fn questions(props: &QuestionsProps) -> Html {
    let QuestionsProps {
        state,
        casus,
        names,
        lang,
    } = props;
    let lang = *lang;
    let revealed = state.grading.as_ref();
    // The gaps of the casus's agreement, for "welke afspraak ontbreekt hier?".
    let gaps: Vec<Named> = casus
        .werkafspraak
        .iter()
        .flat_map(|w| &w.gaps)
        .map(|(id, nl, en)| Named {
            id: id.clone(),
            name: if lang == Lang::En { en } else { nl }.clone(),
        })
        .collect();
    html! {
        <>
            { for casus.questions.iter().enumerate().map(|(qi, q)| {
                let choose = if q.ask == Ask::OntbrekendeAfspraak { &gaps } else { names };
                question(state, qi, q, choose, revealed, lang)
            }) }
        </>
    }
}

/// One question: its label, its input, and (once graded) its mark.
fn question(
    state: &UseReducerHandle<OefenState>,
    qi: usize,
    q: &crate::domain::oefenen::Question,
    names: &[Named],
    revealed: Option<&Grading>,
    lang: Lang,
) -> Html {
    let id = format!("rw-oef-q{qi}");
    // A casus's own wording of the question is Dutch only.
    let label_lang = (q.text.is_some() && lang == Lang::En).then_some("nl");
    let label = q.text.clone().unwrap_or_else(|| {
        let base = ask_text(q.ask, lang).to_string();
        match &q.activity {
            Some(a) => format!("{base} ({} {a})", lang.t("verzoek met", "verzoek with")),
            None => base,
        }
    });
    let given = state.given.get(qi).cloned().flatten();
    let disabled = revealed.is_some();
    let input = match q.ask {
        Ask::BevoegdGezag
        | Ask::BevoegdGezagNaOntvangst
        | Ask::Behandeldienst
        | Ask::BehandeldienstNaOntvangst => {
            org_select(state, qi, &id, q.ask, given.as_ref(), names, disabled, lang)
        }
        Ask::Triggers | Ask::Verzoeken => {
            let oninput = {
                let state = state.clone();
                Callback::from(move |e: InputEvent| {
                    if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                        let a = i.value().trim().parse::<u32>().ok().map(Answer::Count);
                        state.dispatch(OefenAction::Set(qi, a));
                    }
                })
            };
            let value = match &given {
                Some(Answer::Count(n)) => n.to_string(),
                _ => String::new(),
            };
            html! { <input id={id.clone()} type="number" min="0" max="99" inputmode="numeric" {value} {oninput} {disabled} /> }
        }
        Ask::BuitenBeeld | Ask::OntbrekendeAfspraak => checks(state, qi, &id, html! { <span lang={label_lang}>{ label.clone() }</span> }, given.as_ref(), names, disabled),
    };
    let part = revealed.and_then(|g| g.parts.get(qi)).map(|p| {
        let (class, icon, word) = if p.right {
            ("rw-oef-mark rw-oef-right", "✔", lang.t("Goed", "Right"))
        } else {
            ("rw-oef-mark rw-oef-wrong", "✘", lang.t("Fout", "Wrong"))
        };
        html! {
            <p class={class}>
                <span aria-hidden="true">{ icon }</span>{ " " }<strong>{ word }</strong>
                { format!(" — {}: {}; {}: {}",
                    lang.t("uw antwoord", "your answer"), show(p.given.as_ref(), names, lang),
                    lang.t("juist", "correct"), show(p.expected.as_ref(), names, lang)) }
            </p>
        }
    });
    html! {
        <div class="rw-field rw-oef-question">
            if !matches!(q.ask, Ask::BuitenBeeld | Ask::OntbrekendeAfspraak) {
                <label for={id.clone()} lang={label_lang}>{ label.clone() }</label>
            }
            { input }
            { for part }
        </div>
    }
}

/// A select of the organisations (with "no behandeldienst" where that is an answer).
#[allow(clippy::too_many_arguments)]
fn org_select(
    state: &UseReducerHandle<OefenState>,
    qi: usize,
    id: &str,
    ask: Ask,
    given: Option<&Answer>,
    names: &[Named],
    disabled: bool,
    lang: Lang,
) -> Html {
    let with_none = matches!(ask, Ask::Behandeldienst | Ask::BehandeldienstNaOntvangst);
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let v = s.value();
                let a = match v.as_str() {
                    "" => None,
                    "-" => Some(Answer::Org(None)),
                    _ => Some(Answer::Org(Some(v))),
                };
                state.dispatch(OefenAction::Set(qi, a));
            }
        })
    };
    html! {
        <select id={id.to_string()} {onchange} {disabled}>
            <option value="" selected={given.is_none()}>{ lang.t("— kies —", "— choose —") }</option>
            if with_none {
                <option value="-" selected={given == Some(&Answer::Org(None))}>{ lang.t("geen behandeldienst", "no behandeldienst") }</option>
            }
            { for names.iter().map(|n| html! {
                <option value={n.id.clone()} selected={given == Some(&Answer::Org(Some(n.id.clone())))}>{ &n.name }</option>
            }) }
        </select>
    }
}

/// Checkboxes: who misses out.
fn checks(
    state: &UseReducerHandle<OefenState>,
    qi: usize,
    id: &str,
    label: Html,
    given: Option<&Answer>,
    names: &[Named],
    disabled: bool,
) -> Html {
    let set = match given {
        Some(Answer::Ids(s)) => s.clone(),
        _ => BTreeSet::new(),
    };
    html! {
        <fieldset id={id.to_string()} class="rw-oef-checks">
            <legend>{ label }</legend>
            { for names.iter().enumerate().map(|(ni, n)| {
                let cid = format!("{id}-{ni}");
                let onchange = {
                    let state = state.clone();
                    let org = n.id.clone();
                    Callback::from(move |e: Event| {
                        if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                            state.dispatch(OefenAction::Toggle(qi, org.clone(), i.checked()));
                        }
                    })
                };
                html! {
                    <div class="rw-oef-check">
                        <input type="checkbox" id={cid.clone()} checked={set.contains(&n.id)} {onchange} {disabled} />
                        <label for={cid}>{ &n.name }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
