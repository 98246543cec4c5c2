//! The outcome: the total triggers, one card per verzoek with its message flow, the findings
//! with their rules and sources, and the assumptions, switchable in place.

use yew::prelude::*;

use super::i18n::Lang;
use super::rule_texts::{self, RuleTexts};
use super::state::Action;
use crate::domain::outcome::{MissedReason, Verzoek};
use crate::domain::rules::Rule;
use crate::domain::{AdviesRole, BdMerge, Dso, Engine, Finding, Outcome, RecipientRole};

fn activity_name(id: &str) -> String {
    Engine::bundled()
        .ok()
        .and_then(|e| e.catalogue.activity(id))
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn org_name(id: &str) -> String {
    Engine::bundled().map_or_else(|_| id.to_string(), |e| e.organisations.name_or_id(id))
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    pub lang: Lang,
}

/// Findings in plain Dutch, each with its rule, the rule's sources and confidence mark.
#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let update = use_force_update();
    // Re-rendered when the rules' texts arrive (the start build fetches them on first use).
    let _subscription = use_memo((), move |_| {
        rule_texts::subscribe(std::rc::Rc::new(move || update.force_update()))
    });
    if props.findings.is_empty() {
        return html! {};
    }
    let texts = rule_texts::current();
    let lang = props.lang;
    // Opening a finding is what needs the texts: ask for them then.
    let ontoggle = Callback::from(|e: Event| {
        if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
            if details.open() {
                rule_texts::request(&details);
            }
        }
    });
    html! {
        <ul class="rw-findings">
            { for props.findings.iter().map(|f| {
                let rule = match texts {
                    RuleTexts::Ready(rules) => rules.get(&f.rule),
                    RuleTexts::Loading | RuleTexts::Failed(_) => None,
                };
                let summary = match rule {
                    Some(rule) => format!("{} {} [{}] · {}", lang.t("Regel", "Rule"), f.rule, rule.mark, f.code.as_str()),
                    None => format!("{} {} · {}", lang.t("Regel", "Rule"), f.rule, f.code.as_str()),
                };
                html! {
                    <li class="rw-finding" data-code={f.code.as_str()}>
                        <p>{ &f.text }</p>
                        <details ontoggle={ontoggle.clone()}>
                            <summary>{ summary }</summary>
                            { rule_details(texts, rule, lang) }
                        </details>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The rule's text, confidence and sources; or why they are not (yet) there.
fn rule_details(texts: RuleTexts, rule: Option<&Rule>, lang: Lang) -> Html {
    match (texts, rule) {
        (RuleTexts::Ready(rules), Some(rule)) => html! {
            <>
                <p lang="en">{ &rule.text }</p>
                <p class="rw-muted">
                    { format!("{}: [{}] {}. ", lang.t("Zekerheid", "Confidence"), rule.mark, rules.mark_meaning(&rule.mark).unwrap_or_default()) }
                    { format!("{}: {}", lang.t("Basis", "Basis"), rule.basis) }
                </p>
                <ul class="rw-sources">
                    { for rule.sources.iter().filter_map(|id| rules.source(id)).map(|s| html! {
                        <li>
                            { format!("{} – {}", s.id, s.title) }
                            { for s.urls.iter().map(|u| html! { <>{ " " }<a href={u.clone()} rel="noopener noreferrer" target="_blank">{ lang.t("bron", "source") }</a></> }) }
                        </li>
                    }) }
                </ul>
            </>
        },
        (RuleTexts::Ready(_), None) => html! {
            <p class="rw-muted">{ lang.t("Deze regel staat niet in het regeloverzicht.", "This rule is not in the rule list.") }</p>
        },
        (RuleTexts::Failed(reason), _) => html! {
            <p class="rw-muted" role="status">{ format!("{} ({reason})", lang.t(
                "De toelichting en bronnen van de regels konden niet laden. Herlaad de pagina om het opnieuw te proberen",
                "The rules' explanations and sources could not load. Reload the page to try again")) }</p>
        },
        (RuleTexts::Loading, _) => html! {
            <p class="rw-muted" role="status">{ lang.t("Toelichting en bronnen worden geladen…", "Loading the explanation and sources…") }</p>
        },
    }
}

/// Who expected this verzoek but gets no trigger, and why (the domain's one definition).
fn missed(verzoek: &Verzoek, lang: Lang) -> Vec<(String, String)> {
    verzoek
        .missed()
        .into_iter()
        .map(|(id, reason)| {
            let why = match reason {
                MissedReason::Adviseur(AdviesRole::Advies) => {
                    format!(
                        "{}: {}",
                        lang.t("adviseur", "adviser"),
                        lang.t("geen trigger", "no trigger")
                    )
                }
                MissedReason::Adviseur(AdviesRole::AdviesMetInstemming) => format!(
                    "{}: {}",
                    lang.t("advies met instemming", "advice with consent"),
                    lang.t("geen trigger", "no trigger")
                ),
                MissedReason::Configured(code) => format!(
                    "{} ({})",
                    lang.t("geconfigureerd, geen trigger", "configured, no trigger"),
                    code.as_str()
                ),
            };
            (org_name(&id), why)
        })
        .collect()
}

/// DSO-LV → each recipient, one arrow per trigger; those who miss out greyed, with why.
fn flow(index: usize, verzoek: &Verzoek, lang: Lang) -> Html {
    let missed = missed(verzoek, lang);
    let rows = verzoek.recipients.len() + missed.len();
    let height = 20 + 44 * rows.max(1);
    let mid = height / 2;
    let marker = format!("rw-arrow-{index}");
    let label = format!(
        "{} {}",
        lang.t("Berichtenstroom:", "Message flow:"),
        verzoek
            .recipients
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <svg class="rw-flow" viewBox={format!("0 0 760 {height}")} role="img" aria-label={label}>
            <defs>
                <marker id={marker.clone()} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" class="rw-flow-head" />
                </marker>
            </defs>
            <rect x="4" y={(mid - 18).to_string()} width="110" height="36" rx="4" class="rw-flow-dso" />
            <text x="59" y={(mid + 5).to_string()} text-anchor="middle" class="rw-flow-dso-text">{ "DSO-LV" }</text>
            { for verzoek.recipients.iter().enumerate().map(|(i, r)| {
                let y = 20 + 44 * i + 12;
                let role = match r.role {
                    RecipientRole::BevoegdGezag => lang.t("bevoegd gezag", "bevoegd gezag"),
                    RecipientRole::Behandeldienst => lang.t("behandeldienst", "behandeldienst"),
                };
                html! {
                    <g class="rw-flow-recipient">
                        <line x1="114" y1={mid.to_string()} x2="300" y2={y.to_string()} class="rw-flow-line" marker-end={format!("url(#{marker})")} />
                        <text x="150" y={(y.saturating_sub(4)).to_string()} class="rw-flow-label">{ format!("trigger {}", i + 1) }</text>
                        <text x="306" y={(y + 5).to_string()} class="rw-flow-name">{ format!("{} ({role})", r.name) }</text>
                    </g>
                }
            }) }
            { for missed.iter().enumerate().map(|(j, (name, why))| {
                let y = 20 + 44 * (verzoek.recipients.len() + j) + 12;
                html! {
                    <g class="rw-flow-missed">
                        <line x1="114" y1={mid.to_string()} x2="300" y2={y.to_string()} class="rw-flow-line-missed" />
                        <text x="306" y={(y + 1).to_string()} class="rw-flow-name-missed">{ name }</text>
                        <text x="306" y={(y + 15).to_string()} class="rw-flow-why">{ why }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

fn verzoek_card(index: usize, verzoek: &Verzoek, lang: Lang) -> Html {
    let activities = verzoek
        .activities
        .iter()
        .map(|a| activity_name(a))
        .collect::<Vec<_>>()
        .join(", ");
    let missed = missed(verzoek, lang);
    html! {
        <li class="rw-card rw-verzoek" data-verzoektype={verzoek.verzoektype.as_str()}>
            <h3>{ format!("{} {}: {}", lang.t("Verzoek", "Verzoek"), index + 1, verzoek.verzoektype.label()) }</h3>
            <dl class="rw-facts">
                <dt>{ lang.t("Activiteiten", "Activities") }</dt><dd>{ activities }</dd>
                <dt>{ lang.t("Bevoegd gezag", "Bevoegd gezag") }</dt><dd class="rw-bg" data-id={verzoek.bevoegd_gezag.id.clone()}>{ &verzoek.bevoegd_gezag.name }</dd>
                <dt>{ lang.t("Behandeldienst", "Behandeldienst") }</dt>
                <dd class="rw-bd" data-id={verzoek.behandeldienst.as_ref().map(|b| b.id.clone())}>
                    { verzoek.behandeldienst.as_ref().map_or_else(|| lang.t("geen", "none").to_string(), |b| b.name.clone()) }
                </dd>
                <dt>{ lang.t("Triggers", "Triggers") }</dt><dd class="rw-triggers">{ verzoek.triggers }</dd>
            </dl>
            <h4>{ lang.t("Ontvangt een trigger", "Receives a trigger") }</h4>
            <ul class="rw-recipients">
                { for verzoek.recipients.iter().map(|r| html! { <li>{ &r.name }</li> }) }
            </ul>
            if !missed.is_empty() {
                <h4>{ lang.t("Krijgt geen trigger", "Gets no trigger") }</h4>
                <ul class="rw-missed">
                    { for missed.iter().map(|(name, why)| html! { <li>{ format!("{name} – {why}") }</li> }) }
                </ul>
            }
            { flow(index, verzoek, lang) }
            <Findings findings={verzoek.findings.clone()} {lang} />
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutcomeViewProps {
    /// `None` while the scenario is incomplete.
    pub outcome: Option<Result<Outcome, String>>,
    pub lang: Lang,
}

#[function_component(OutcomeView)]
pub fn outcome_view(props: &OutcomeViewProps) -> Html {
    let lang = props.lang;
    let outcome = match &props.outcome {
        None => {
            return html! {
                <p class="rw-muted rw-placeholder">{ lang.t(
                    "Kies een locatie en ten minste één activiteit; dan ziet u hier welke verzoeken het DSO maakt en wie ze krijgt.",
                    "Choose a location and at least one activity to see which verzoeken the DSO makes and who receives them.") }</p>
            }
        }
        Some(Err(message)) => {
            return html! { <p class="rw-error" role="alert">{ message }</p> };
        }
        Some(Ok(outcome)) => outcome,
    };
    html! {
        <div class="rw-outcome">
            <p class="rw-total" aria-live="polite">
                <span class="rw-total-number" data-total={outcome.total_triggers.to_string()}>{ outcome.total_triggers }</span>
                { format!(" {} ", if outcome.total_triggers == 1 { "trigger" } else { "triggers" }) }
                { format!("{} {} {}", lang.t("in totaal, voor", "in total, for"), outcome.verzoeken.len(),
                    if outcome.verzoeken.len() == 1 { lang.t("verzoek", "verzoek") } else { lang.t("verzoeken", "verzoeken") }) }
            </p>
            if let Some(config) = &outcome.configuration {
                <p class="rw-muted">{ format!("{}: {}. {}", lang.t("Configuratie", "Configuration"),
                    config.name.clone().or_else(|| config.id.clone()).unwrap_or_else(|| lang.t("eigen configuratie", "own configuration").to_string()),
                    config.description.clone().unwrap_or_default()) }</p>
            }
            <Findings findings={outcome.findings.clone()} {lang} />
            <ol class="rw-verzoeken">
                { for outcome.verzoeken.iter().enumerate().map(|(i, v)| verzoek_card(i, v, lang)) }
            </ol>
            if !outcome.timeline.is_empty() {
                <h3>{ lang.t("Na ontvangst", "After receipt") }</h3>
                <ol class="rw-timeline">
                    { for outcome.timeline.iter().map(|step| html! {
                        <li>
                            { format!("{} {}: {} → {}; {} {}", lang.t("Verzoek", "Verzoek"), step.verzoek + 1, step.action.as_str(),
                                step.to.clone().unwrap_or_else(|| "–".into()), step.triggers, "trigger(s)") }
                            <Findings findings={step.findings.clone()} {lang} />
                        </li>
                    }) }
                </ol>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    pub bd_merge: BdMerge,
    pub dso: Dso,
    pub bg_notified_when_bd: bool,
    pub dispatch: Callback<Action>,
    pub lang: Lang,
}

/// A `<select>` change parsed into an action; unknown values are ignored.
fn on_select<T: 'static>(
    dispatch: &Callback<Action>,
    parse: fn(&str) -> Option<T>,
    action: fn(T) -> Action,
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            if let Some(value) = parse(&select.value()) {
                dispatch.emit(action(value));
            }
        }
    })
}

/// The assumptions in force, switchable in place (contract §3 `assumptions`).
#[function_component(Assumptions)]
pub fn assumptions(props: &AssumptionsProps) -> Html {
    let lang = props.lang;
    let on_merge = on_select(&props.dispatch, BdMerge::parse, Action::SetBdMerge);
    let on_dso = on_select(&props.dispatch, Dso::parse, Action::SetDso);
    let on_copy = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.emit(Action::SetBgNotified(input.checked()));
            }
        })
    };
    let merge_label = |m: BdMerge| match m {
        BdMerge::AllSame => lang.t(
            "all-same: alleen als alle activiteiten dezelfde behandeldienst hebben",
            "all-same: only when every activity has the same behandeldienst",
        ),
        BdMerge::AnySingle => lang.t(
            "any-single: de enige gevonden behandeldienst",
            "any-single: the only behandeldienst found",
        ),
        BdMerge::FirstActivity => lang.t(
            "first-activity: die van de eerste activiteit",
            "first-activity: the first activity's",
        ),
    };
    html! {
        <fieldset class="rw-assumptions">
            <legend>{ lang.t("Aannames (instelbaar: de bronnen laten dit open)", "Assumptions (switchable: the sources leave these open)") }</legend>
            <div class="rw-field">
                <label for="rw-bd-merge">{ lang.t("Eén behandeldienst per verzoek kiezen (regel B12 [?])", "Choosing one behandeldienst per verzoek (rule B12 [?])") }</label>
                <select id="rw-bd-merge" onchange={on_merge}>
                    { for BdMerge::ALL.iter().map(|m| html! { <option value={m.as_str()} selected={*m == props.bd_merge}>{ merge_label(*m) }</option> }) }
                </select>
            </div>
            <div class="rw-field">
                <label for="rw-dso">{ lang.t("DSO-versie: behandeldienst wijzigen na ontvangst (C6)", "DSO version: changing the behandeldienst after receipt (C6)") }</label>
                <select id="rw-dso" onchange={on_dso}>
                    <option value="2020" selected={props.dso == Dso::V2020}>{ lang.t("2020: kan niet", "2020: not possible") }</option>
                    <option value="2023" selected={props.dso != Dso::V2020}>{ lang.t("2023: kan wel", "2023: possible") }</option>
                </select>
            </div>
            <div class="rw-check">
                <input id="rw-bg-copy" type="checkbox" checked={props.bg_notified_when_bd} onchange={on_copy} />
                <label for="rw-bg-copy">{ lang.t("Bevoegd gezag krijgt een kopie-trigger als er een behandeldienst is (T3)", "Bevoegd gezag gets a copy trigger when there is a behandeldienst (T3)") }</label>
            </div>
        </fieldset>
    }
}
