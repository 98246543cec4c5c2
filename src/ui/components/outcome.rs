//! The outcome: the total triggers, one card per verzoek with its message flow, the
//! findings, and the steps after receipt. Derived by the shell, read from the context.

use yew::prelude::*;

use super::findings::Findings;
use crate::domain::outcome::{MissedReason, Verzoek};
use crate::domain::{AdviesRole, Engine, RecipientRole};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;

fn activity_name(engine: &Engine, id: &str) -> String {
    engine
        .catalogue
        .activity(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// Who expected this verzoek but gets no trigger, and why (the domain's one definition).
fn missed(engine: &Engine, verzoek: &Verzoek, lang: Lang) -> Vec<(String, String)> {
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
            (engine.organisations.name_or_id(&id), why)
        })
        .collect()
}

/// DSO-LV → each recipient, one arrow per trigger; those who miss out greyed, with why.
fn flow(index: usize, verzoek: &Verzoek, missed: &[(String, String)], lang: Lang) -> Html {
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

fn verzoek_card(engine: &Engine, index: usize, verzoek: &Verzoek, lang: Lang) -> Html {
    let activities = verzoek
        .activities
        .iter()
        .map(|a| activity_name(engine, a))
        .collect::<Vec<_>>()
        .join(", ");
    let missed = missed(engine, verzoek, lang);
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
            { flow(index, verzoek, &missed, lang) }
            <Findings findings={verzoek.findings.clone()} {lang} />
        </li>
    }
}

#[function_component(OutcomeView)]
pub fn outcome_view() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let (engine, lang) = (app.engine, app.state.lang);
    let outcome = match &*app.outcome {
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
                { for outcome.verzoeken.iter().enumerate().map(|(i, v)| verzoek_card(engine, i, v, lang)) }
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
