//! A casus's explanation: placeholders (`{total_triggers}`, `{bd:ACTIVITEIT}`, …) filled from
//! the engine's outcome, so the text cannot disagree with the engine.

use super::super::finding::Finding;
use super::super::outcome::{Named, Outcome};
use super::answers::{after_receipt, missed, outcome_names, verzoek};
use super::{Casus, CasusError};

/// The placeholders an explanation may hold.
pub const PLACEHOLDERS: &[&str] = &[
    "{total_triggers}",
    "{verzoeken}",
    "{gemeente}",
    "{provincie}",
    "{waterschap}",
    "{omgevingsdienst}",
    "{veiligheidsregio}",
    "{buiten_beeld}",
    "{bg:ACTIVITEIT}",
    "{bd:ACTIVITEIT}",
    "{triggers:ACTIVITEIT}",
    "{bg_na:ACTIVITEIT}",
    "{bd_na:ACTIVITEIT}",
];

fn name_of(outcome: &Outcome, id: &str) -> String {
    outcome_names(outcome)
        .into_iter()
        .find(|n| n.id == id)
        .map_or_else(|| id.to_string(), |n| n.name)
}

/// Who misses out, by the name the outcome gives an adviseur ("Veiligheidsregio
/// Brabant-Noord", "Gedeputeerde Staten van Noord-Brabant"), else by its plain name.
fn missed_name(outcome: &Outcome, id: &str) -> String {
    outcome
        .verzoeken
        .iter()
        .flat_map(|v| v.adviseurs.iter())
        .find(|a| a.id == id)
        .map_or_else(|| name_of(outcome, id), |a| a.name.clone())
}

fn opt_name(n: Option<&Named>) -> String {
    n.map_or_else(|| "geen".to_string(), |n| n.name.clone())
}

fn placeholder(outcome: &Outcome, key: &str) -> Result<String, String> {
    let l = &outcome.location;
    let (name, arg) = match key.split_once(':') {
        Some((n, a)) => (n, Some(a)),
        None => (key, None),
    };
    Ok(match (name, arg) {
        ("total_triggers", None) => outcome.total_triggers.to_string(),
        ("verzoeken", None) => outcome.verzoeken.len().to_string(),
        ("gemeente", None) => l.gemeente.name.clone(),
        ("provincie", None) => l.provincie.name.clone(),
        ("waterschap", None) => opt_name(l.waterschap.as_ref()),
        ("omgevingsdienst", None) => opt_name(l.omgevingsdienst.as_ref()),
        ("veiligheidsregio", None) => opt_name(l.veiligheidsregio.as_ref()),
        ("buiten_beeld", None) => {
            let m = missed(outcome);
            if m.is_empty() {
                "niemand".to_string()
            } else {
                m.iter()
                    .map(|id| missed_name(outcome, id))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
        ("bg", Some(a)) => verzoek(outcome, Some(a))?.1.bevoegd_gezag.name.clone(),
        ("bd", Some(a)) => opt_name(verzoek(outcome, Some(a))?.1.behandeldienst.as_ref()),
        ("triggers", Some(a)) => verzoek(outcome, Some(a))?.1.triggers.to_string(),
        ("bg_na", Some(a)) => {
            let (i, _) = verzoek(outcome, Some(a))?;
            after_receipt(outcome, i)?.0.name
        }
        ("bd_na", Some(a)) => {
            let (i, _) = verzoek(outcome, Some(a))?;
            opt_name(after_receipt(outcome, i)?.1.as_ref())
        }
        _ => {
            return Err(format!(
                "onbekende plaatsaanduiding '{{{}}}' (bekend: {})",
                key.chars().take(60).collect::<String>(),
                PLACEHOLDERS.join(", ")
            ))
        }
    })
}

/// The explanation with every `{…}` placeholder filled from the outcome. Unknown
/// placeholders, or ones that do not fit the outcome, are errors.
pub fn fill_explanation(text: &str, outcome: &Outcome) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(end) = after.find('}') else {
            return Err("'{' zonder '}'".to_string());
        };
        let key = after.get(..end).unwrap_or_default();
        out.push_str(&placeholder(outcome, key.trim())?);
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// The casus's explanation in Dutch or (when it has one) English, filled from `outcome`, the
/// engine's outcome of its scenario. The app's reveal step calls this.
pub fn explanation(casus: &Casus, outcome: &Outcome, english: bool) -> Result<String, CasusError> {
    fill_explanation(&casus.texts(english).explanation, outcome)
        .map_err(|m| CasusError::new(&casus.id, "explanation", m))
}

/// Every finding of the outcome: of each verzoek, of the whole, and of the timeline, in that
/// order. The app's reveal step shows them with their rules and sources.
pub fn all_findings(outcome: &Outcome) -> impl Iterator<Item = &Finding> {
    outcome
        .verzoeken
        .iter()
        .flat_map(|v| v.findings.iter())
        .chain(outcome.findings.iter())
        .chain(outcome.timeline.iter().flat_map(|s| s.findings.iter()))
}

/// Rule ids behind the outcome (the rules of [`all_findings`]), each once, in order of
/// appearance; for showing sources via `rules::Rules`.
pub fn rule_ids(outcome: &Outcome) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in all_findings(outcome) {
        if !out.contains(&f.rule) {
            out.push(f.rule.clone());
        }
    }
    out
}
