//! The expected answers of a casus, read from the engine's outcome (a casus never holds its
//! answers), who misses out, the organisations a trainee chooses from, and grading.

use std::collections::BTreeSet;

use serde::Serialize;

use super::super::json::field_path;
use super::super::organisations::Org;
use super::super::outcome::{Named, Outcome, Verzoek};
use super::super::Engine;
use super::{Ask, Casus, CasusError, Question};

/// One answer: an organisation id (or none), a number, or a set of ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Org(Option<String>),
    Count(u32),
    Ids(BTreeSet<String>),
}

/// Answers to a casus's questions, in question order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    pub answers: Vec<Option<Answer>>,
}

/// One graded part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    pub question: usize,
    pub right: bool,
    pub given: Option<Answer>,
    pub expected: Option<Answer>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Grading {
    pub parts: Vec<Part>,
    pub right: usize,
    pub total: usize,
}

/// Marks every part right or wrong. A missing answer is wrong; a set is right only when equal.
pub fn grade(given: &Answers, expected: &Answers) -> Grading {
    let mut parts = Vec::new();
    for (i, exp) in expected.answers.iter().enumerate() {
        let g = given.answers.get(i).cloned().flatten();
        let right = match (&g, exp) {
            (Some(g), Some(e)) => g == e,
            _ => false,
        };
        parts.push(Part {
            question: i,
            right,
            given: g,
            expected: exp.clone(),
        });
    }
    let right = parts.iter().filter(|p| p.right).count();
    Grading {
        total: parts.len(),
        right,
        parts,
    }
}

/// Routes the casus's scenario.
pub fn outcome(engine: &Engine, casus: &Casus) -> Result<Outcome, CasusError> {
    engine
        .explain_json(&casus.scenario)
        .map_err(|e| CasusError::new(&casus.id, field_path("scenario", &e.path), e.message))
}

/// The expected answers, in question order, read from the engine's outcome.
pub fn expected_answers(engine: &Engine, casus: &Casus) -> Result<Answers, CasusError> {
    let outcome = outcome(engine, casus)?;
    expected_from_outcome(casus, &outcome)
}

pub fn expected_from_outcome(casus: &Casus, outcome: &Outcome) -> Result<Answers, CasusError> {
    let mut answers = Vec::new();
    for (i, q) in casus.questions.iter().enumerate() {
        let a = expected_answer(outcome, q, casus.werkafspraak.as_ref())
            .map_err(|m| CasusError::new(&casus.id, format!("questions[{i}]"), m))?;
        answers.push(Some(a));
    }
    Ok(Answers { answers })
}

/// The index of the verzoek a question (or placeholder) is about.
fn verzoek_index(outcome: &Outcome, activity: Option<&str>) -> Result<usize, String> {
    match activity {
        Some(a) => outcome
            .verzoeken
            .iter()
            .position(|v| v.activities.iter().any(|x| x == a))
            .ok_or_else(|| {
                format!(
                    "geen verzoek met activiteit '{}'",
                    a.chars().take(80).collect::<String>()
                )
            }),
        None if outcome.verzoeken.len() == 1 => Ok(0),
        None => Err(format!(
            "het DSO maakt {} verzoeken: noem met 'activity' welk verzoek bedoeld is",
            outcome.verzoeken.len()
        )),
    }
}

pub(super) fn verzoek<'a>(
    outcome: &'a Outcome,
    activity: Option<&str>,
) -> Result<(usize, &'a Verzoek), String> {
    let i = verzoek_index(outcome, activity)?;
    outcome
        .verzoeken
        .get(i)
        .map(|v| (i, v))
        .ok_or_else(|| "verzoek bestaat niet".to_string())
}

/// Bevoegd gezag and behandeldienst of verzoek `i` after every after-receipt step.
pub(super) fn after_receipt(outcome: &Outcome, i: usize) -> Result<(Named, Option<Named>), String> {
    if outcome.timeline.is_empty() {
        return Err("het scenario heeft geen stappen na ontvangst (after_receipt)".to_string());
    }
    let v = outcome
        .verzoeken
        .get(i)
        .ok_or_else(|| "verzoek bestaat niet".to_string())?;
    let mut state = (v.bevoegd_gezag.clone(), v.behandeldienst.clone());
    for s in outcome.timeline.iter().filter(|s| s.verzoek == i) {
        state = (s.bevoegd_gezag.clone(), s.behandeldienst.clone());
    }
    Ok(state)
}

pub(super) fn expected_answer(
    outcome: &Outcome,
    q: &Question,
    werkafspraak: Option<&crate::domain::werkafspraken::Oefening>,
) -> Result<Answer, String> {
    let activity = q.activity.as_deref();
    if !q.ask.needs_verzoek() && q.ask != Ask::Triggers && activity.is_some() {
        return Err(format!("vraag '{}' kent geen 'activity'", q.ask.as_str()));
    }
    Ok(match q.ask {
        Ask::BevoegdGezag => {
            Answer::Org(Some(verzoek(outcome, activity)?.1.bevoegd_gezag.id.clone()))
        }
        Ask::Behandeldienst => Answer::Org(
            verzoek(outcome, activity)?
                .1
                .behandeldienst
                .as_ref()
                .map(|n| n.id.clone()),
        ),
        Ask::Triggers => match activity {
            None => Answer::Count(outcome.total_triggers),
            Some(_) => Answer::Count(verzoek(outcome, activity)?.1.triggers),
        },
        Ask::Verzoeken => Answer::Count(u32::try_from(outcome.verzoeken.len()).unwrap_or(u32::MAX)),
        Ask::BuitenBeeld => Answer::Ids(missed(outcome)),
        Ask::BevoegdGezagNaOntvangst => {
            let (i, _) = verzoek(outcome, activity)?;
            Answer::Org(Some(after_receipt(outcome, i)?.0.id))
        }
        Ask::BehandeldienstNaOntvangst => {
            let (i, _) = verzoek(outcome, activity)?;
            Answer::Org(after_receipt(outcome, i)?.1.map(|n| n.id))
        }
        // From the gap engine, over the casus's agreement (read when the casus loads).
        Ask::OntbrekendeAfspraak => Answer::Ids(
            werkafspraak
                .ok_or("vraag 'ontbrekende-afspraak' vraagt een werkafspraak in de casus (veld 'werkafspraak')")?
                .open
                .clone(),
        ),
    })
}

/// Who misses out: adviseurs, and behandeldiensten the findings name as configured but
/// passed over (`bd-mixed`, `bd-andere-bg`), that get no trigger from any verzoek.
pub fn missed(outcome: &Outcome) -> BTreeSet<String> {
    let recipients: BTreeSet<&str> = outcome
        .verzoeken
        .iter()
        .flat_map(|v| v.recipients.iter().map(|r| r.id.as_str()))
        .collect();
    let mut out: BTreeSet<String> = outcome
        .verzoeken
        .iter()
        .flat_map(|v| v.missed().into_iter().map(|(id, _)| id))
        .collect();
    out.retain(|id| !recipients.contains(id.as_str()));
    out
}

/// Organisations a trainee can choose from for bevoegd gezag, behandeldienst and "buiten
/// beeld": the location's organisations plus everyone the outcome names, each once, under
/// one name per organisation ("Gemeente Oss", "Provincie Noord-Brabant").
pub fn choices(engine: &Engine, outcome: &Outcome) -> Vec<Named> {
    outcome_names(outcome)
        .into_iter()
        .map(|n| Named {
            name: engine
                .organisations
                .get(&n.id)
                .map_or(n.name, Org::display_name),
            id: n.id,
        })
        .collect()
}

/// Everyone the outcome names, under the outcome's own names.
pub(super) fn outcome_names(outcome: &Outcome) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let mut add = |n: &Named| {
        if !out.iter().any(|o| o.id == n.id) {
            out.push(n.clone());
        }
    };
    let l = &outcome.location;
    add(&l.gemeente);
    add(&l.provincie);
    for n in [&l.waterschap, &l.omgevingsdienst, &l.veiligheidsregio]
        .into_iter()
        .flatten()
    {
        add(n);
    }
    for v in &outcome.verzoeken {
        add(&v.bevoegd_gezag);
        if let Some(bd) = &v.behandeldienst {
            add(bd);
        }
        for r in &v.recipients {
            add(&Named {
                id: r.id.clone(),
                name: r.name.clone(),
            });
        }
        for a in &v.adviseurs {
            add(&Named {
                id: a.id.clone(),
                name: a.name.clone(),
            });
        }
    }
    for s in &outcome.timeline {
        add(&s.bevoegd_gezag);
        if let Some(bd) = &s.behandeldienst {
            add(bd);
        }
    }
    out
}
