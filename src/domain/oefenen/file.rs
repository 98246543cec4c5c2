//! Casus and leerpad files (docs/oefenen.md): read and validated with the shared
//! `domain::json` helpers, whose errors (JSON path and message) get the file's name here, and
//! written back in the same format.

use serde_json::{Map, Value};

use super::super::error::ScenarioError;
use super::super::json::{
    check_fields, expect_array, expect_object, field_path, format_field, index_path, list_of,
    opt_text_field, quote, required, text_field, texts_field,
};
use super::super::outcome::Outcome;
use super::super::scenario::Scenario;
use super::super::{parse_json_text, Engine};
use super::answers::expected_answer;
use super::explanation::fill_explanation;
use super::{
    Ask, Casus, CasusError, CasusTexts, Leerpad, Question, Topic, CASUS_FORMAT, LEERPAD_FORMAT,
    MAX_CASUSSEN, MAX_FILE_BYTES,
};

const CASUS_FIELDS: &[&str] = &[
    "format",
    "id",
    "title",
    "story",
    "topics",
    "scenario",
    "questions",
    "hints",
    "explanation",
    "en",
    "werkafspraak",
];
const EN_FIELDS: &[&str] = &["title", "story", "hints", "explanation"];
const QUESTION_FIELDS: &[&str] = &["ask", "activity", "text"];
const LEERPAD_FIELDS: &[&str] = &["format", "id", "title", "description", "casussen"];

/// The file's text as JSON, within the size cap.
fn cap(file: &str, text: &str) -> Result<Value, CasusError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(CasusError::new(
            file,
            "",
            format!(
                "bestand te groot: {} bytes (maximaal {MAX_FILE_BYTES})",
                text.len()
            ),
        ));
    }
    parse_json_text(text).map_err(|e| CasusError::new(file, e.path, e.message))
}

/// True when `key` is absent or `null`.
fn absent(map: &Map<String, Value>, key: &str) -> bool {
    map.get(key).is_none_or(Value::is_null)
}

/// `object.key` as text that is not empty.
fn filled(map: &Map<String, Value>, path: &str, key: &str) -> Result<String, ScenarioError> {
    let text = text_field(map, path, key)?;
    if text.trim().is_empty() {
        return Err(ScenarioError::new(
            field_path(path, key),
            "mag niet leeg zijn",
        ));
    }
    Ok(text)
}

/// `hints` at `path`: a list of texts, or nothing.
fn hints(map: &Map<String, Value>, path: &str) -> Result<Vec<String>, ScenarioError> {
    if absent(map, "hints") {
        Ok(Vec::new())
    } else {
        texts_field(map, path, "hints")
    }
}

/// `id`: lower-case letters, digits and `-`.
fn id(map: &Map<String, Value>) -> Result<String, ScenarioError> {
    let id = text_field(map, "", "id")?;
    let ok = !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(id)
    } else {
        Err(ScenarioError::new(
            "id",
            "verwacht een id van kleine letters, cijfers en '-' (hoogstens 80 tekens)",
        ))
    }
}

fn topics(map: &Map<String, Value>) -> Result<Vec<Topic>, ScenarioError> {
    let mut topics = Vec::new();
    if absent(map, "topics") {
        return Ok(topics);
    }
    for (i, s) in texts_field(map, "", "topics")?.iter().enumerate() {
        let topic = Topic::parse(s).ok_or_else(|| {
            ScenarioError::new(
                index_path("topics", i),
                format!(
                    "onbekend onderwerp {} (bekend: {})",
                    quote(s),
                    Topic::ALL.map(Topic::as_str).join(", ")
                ),
            )
        })?;
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    Ok(topics)
}

/// The `en` block, if any.
fn english(map: &Map<String, Value>) -> Result<Option<CasusTexts>, ScenarioError> {
    if absent(map, "en") {
        return Ok(None);
    }
    let en = expect_object(
        required(map, "", "en", "een object")?,
        "en",
        "een object { \"title\", \"story\", \"hints\", \"explanation\" }",
    )?;
    check_fields(en, "en", EN_FIELDS)?;
    Ok(Some(CasusTexts {
        title: filled(en, "en", "title")?,
        story: filled(en, "en", "story")?,
        hints: hints(en, "en")?,
        explanation: filled(en, "en", "explanation")?,
    }))
}

fn question(value: &Value, path: &str) -> Result<Question, ScenarioError> {
    let map = expect_object(
        value,
        path,
        "een object { \"ask\", \"activity\", \"text\" }",
    )?;
    check_fields(map, path, QUESTION_FIELDS)?;
    let ask = text_field(map, path, "ask")?;
    let ask = Ask::parse(&ask).ok_or_else(|| {
        ScenarioError::new(
            field_path(path, "ask"),
            format!(
                "onbekende vraag {} (bekend: {})",
                quote(&ask),
                Ask::ALL.map(Ask::as_str).join(", ")
            ),
        )
    })?;
    Ok(Question {
        ask,
        activity: opt_text_field(map, path, "activity")?,
        text: opt_text_field(map, path, "text")?,
    })
}

/// Reads and validates a casus file: fields, the scenario (engine's parser and router), the
/// questions against the outcome, the placeholders of the explanation, and the topics against
/// the outcome.
pub fn load_casus(engine: &Engine, file: &str, text: &str) -> Result<Casus, CasusError> {
    let value = cap(file, text)?;
    casus_from_value(engine, file, &value)
}

/// As [`load_casus`], from a JSON value (a leerpad's inline casus, a drafted one).
pub fn casus_from_value(engine: &Engine, file: &str, value: &Value) -> Result<Casus, CasusError> {
    let in_file = |e: ScenarioError| CasusError::new(file, e.path, e.message);
    let (casus, scenario) = read_casus(engine, value).map_err(in_file)?;
    let outcome = engine
        .route(&scenario)
        .map_err(|e| in_file(in_scenario(e)))?;
    fits_outcome(engine, &casus, &scenario, &outcome).map_err(in_file)?;
    Ok(casus)
}

/// An error in the casus's scenario, with the path from the top of the file.
fn in_scenario(e: ScenarioError) -> ScenarioError {
    ScenarioError::new(field_path("scenario", &e.path), e.message)
}

/// The casus's fields and its parsed scenario.
fn read_casus(engine: &Engine, value: &Value) -> Result<(Casus, Scenario), ScenarioError> {
    let map = expect_object(value, "", "een JSON-object")?;
    check_fields(map, "", CASUS_FIELDS)?;
    format_field(map, CASUS_FORMAT)?;
    let id = id(map)?;
    let title = filled(map, "", "title")?;
    let story = filled(map, "", "story")?;
    let explanation = filled(map, "", "explanation")?;
    let topics = topics(map)?;
    let hints = hints(map, "")?;
    let en = english(map)?;
    let werkafspraak = opt_text_field(map, "", "werkafspraak")?
        .map(|name| {
            crate::domain::werkafspraken::oefening(engine, &name)
                .map_err(|e| ScenarioError::new("werkafspraak", e.to_string()))
        })
        .transpose()?;
    let scenario_value = required(map, "", "scenario", "een scenario")?;
    let scenario = engine.parse(scenario_value).map_err(in_scenario)?;
    let questions = list_of(map, "", "questions", question)?;
    if questions.is_empty() {
        return Err(ScenarioError::new(
            "questions",
            "verwacht minstens één vraag",
        ));
    }
    let casus = Casus {
        id,
        title,
        story,
        topics,
        scenario: scenario_value.clone(),
        questions,
        hints,
        explanation,
        en,
        werkafspraak,
    };
    Ok((casus, scenario))
}

/// The questions, the explanations' placeholders and the topics fit the outcome.
fn fits_outcome(
    engine: &Engine,
    casus: &Casus,
    scenario: &Scenario,
    outcome: &Outcome,
) -> Result<(), ScenarioError> {
    for (i, q) in casus.questions.iter().enumerate() {
        expected_answer(outcome, q, casus.werkafspraak.as_ref())
            .map_err(|m| ScenarioError::new(index_path("questions", i), m))?;
    }
    fill_explanation(&casus.explanation, outcome)
        .map_err(|m| ScenarioError::new("explanation", m))?;
    if let Some(en) = &casus.en {
        fill_explanation(&en.explanation, outcome)
            .map_err(|m| ScenarioError::new("en.explanation", m))?;
    }
    for (i, t) in casus.topics.iter().enumerate() {
        if !t.shown_by(engine, scenario, outcome) {
            return Err(ScenarioError::new(
                index_path("topics", i),
                format!(
                    "onderwerp '{}' blijkt niet uit de uitkomst van het scenario",
                    t.as_str()
                ),
            ));
        }
    }
    Ok(())
}

/// Reads a leerpad file and its casus files (`files`: file name → text), in the leerpad's
/// order. Names a casus file the leerpad lists but `files` lacks, and duplicate casus ids.
pub fn load_leerpad(
    engine: &Engine,
    file: &str,
    text: &str,
    files: &[(&str, &str)],
) -> Result<Leerpad, CasusError> {
    let value = cap(file, text)?;
    let in_file = |e: ScenarioError| CasusError::new(file, e.path, e.message);
    let (mut leerpad, items) = read_leerpad(&value).map_err(in_file)?;
    for (i, item) in items.iter().enumerate() {
        let path = index_path("casussen", i);
        let casus = match item {
            // A downloaded leerpad carries its casussen inline: one self-contained file.
            Value::Object(_) => casus_from_value(engine, &format!("{file} {path}"), item)?,
            Value::String(name) => {
                let (_, casus_text) = files.iter().find(|(f, _)| f == name).ok_or_else(|| {
                    CasusError::new(
                        file,
                        &path,
                        format!("casusbestand {} niet gevonden", quote(name)),
                    )
                })?;
                load_casus(engine, name, casus_text)?
            }
            _ => {
                return Err(CasusError::new(
                    file,
                    path,
                    "verwacht een bestandsnaam of een casus",
                ))
            }
        };
        if let Some(j) = leerpad.casussen.iter().position(|c| c.id == casus.id) {
            return Err(CasusError::new(
                file,
                path,
                format!(
                    "casus-id '{}' komt dubbel voor (ook casussen[{j}])",
                    casus.id
                ),
            ));
        }
        leerpad.casussen.push(casus);
    }
    Ok(leerpad)
}

/// The leerpad's own fields (no casussen yet) and its list of casussen.
fn read_leerpad(value: &Value) -> Result<(Leerpad, &Vec<Value>), ScenarioError> {
    let map = expect_object(value, "", "een JSON-object")?;
    check_fields(map, "", LEERPAD_FIELDS)?;
    format_field(map, LEERPAD_FORMAT)?;
    let leerpad = Leerpad {
        id: id(map)?,
        title: filled(map, "", "title")?,
        description: opt_text_field(map, "", "description")?,
        casussen: Vec::new(),
    };
    let what = "een lijst van casusbestanden";
    let items = expect_array(required(map, "", "casussen", what)?, "casussen", what)?;
    if items.is_empty() {
        return Err(ScenarioError::new(
            "casussen",
            "verwacht minstens één casusbestand",
        ));
    }
    if items.len() > MAX_CASUSSEN {
        return Err(ScenarioError::new(
            "casussen",
            format!(
                "te veel casussen: {} (maximaal {MAX_CASUSSEN})",
                items.len()
            ),
        ));
    }
    Ok((leerpad, items))
}

/// The bundled leerpad, validated.
pub fn bundled_leerpad(engine: &Engine) -> Result<Leerpad, CasusError> {
    let (file, text) = super::BUNDLED_LEERPAD;
    load_leerpad(engine, file, text, super::BUNDLED_CASUSSEN)
}

// ---------------------------------------------------------------- writing files (trainer)

/// A leerpad as one self-contained file: its casussen inline, in order (`load_leerpad`
/// reads it back without any other file).
pub fn leerpad_to_json(leerpad: &Leerpad) -> Value {
    let mut o = Map::new();
    o.insert("format".into(), Value::from(LEERPAD_FORMAT));
    o.insert("id".into(), Value::from(leerpad.id.as_str()));
    o.insert("title".into(), Value::from(leerpad.title.as_str()));
    if let Some(d) = &leerpad.description {
        o.insert("description".into(), Value::from(d.as_str()));
    }
    o.insert(
        "casussen".into(),
        Value::Array(leerpad.casussen.iter().map(casus_to_json).collect()),
    );
    Value::Object(o)
}

/// The casus as a file in the documented format (what `load_casus` reads back).
pub fn casus_to_json(casus: &Casus) -> Value {
    let questions: Vec<Value> = casus
        .questions
        .iter()
        .map(|q| {
            let mut o = Map::new();
            o.insert("ask".into(), Value::from(q.ask.as_str()));
            if let Some(a) = &q.activity {
                o.insert("activity".into(), Value::from(a.as_str()));
            }
            if let Some(t) = &q.text {
                o.insert("text".into(), Value::from(t.as_str()));
            }
            Value::Object(o)
        })
        .collect();
    let mut value = serde_json::json!({
        "format": CASUS_FORMAT,
        "id": casus.id,
        "title": casus.title,
        "story": casus.story,
        "topics": casus.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "scenario": casus.scenario,
        "questions": questions,
        "hints": casus.hints,
        "explanation": casus.explanation,
    });
    if let (Some(en), Some(o)) = (&casus.en, value.as_object_mut()) {
        o.insert(
            "en".into(),
            serde_json::json!({
                "title": en.title,
                "story": en.story,
                "hints": en.hints,
                "explanation": en.explanation,
            }),
        );
    }
    if let (Some(w), Some(o)) = (&casus.werkafspraak, value.as_object_mut()) {
        o.insert("werkafspraak".into(), serde_json::json!(w.preset));
    }
    value
}

/// A new casus from a scenario (the explainer's current state) with a title and story: the
/// standard questions for each verzoek the engine makes, every topic the outcome shows, and
/// an explanation of placeholders only. Validated like a file.
pub fn draft_casus(
    engine: &Engine,
    scenario: &Value,
    title: &str,
    story: &str,
) -> Result<Casus, CasusError> {
    let file = "nieuwe casus";
    let parsed = engine
        .parse(scenario)
        .map_err(|e| CasusError::new(file, field_path("scenario", &e.path), e.message))?;
    let outcome = engine
        .route(&parsed)
        .map_err(|e| CasusError::new(file, field_path("scenario", &e.path), e.message))?;
    let mut questions = Vec::new();
    let mut parts = Vec::new();
    let single = outcome.verzoeken.len() == 1;
    if !single {
        questions.push(serde_json::json!({ "ask": "verzoeken" }));
        parts.push("Het DSO maakt {verzoeken} verzoeken.".to_string());
    }
    for v in &outcome.verzoeken {
        let Some(first) = v.activities.first() else {
            continue;
        };
        for ask in ["bevoegd-gezag", "behandeldienst"] {
            questions.push(if single {
                serde_json::json!({ "ask": ask })
            } else {
                serde_json::json!({ "ask": ask, "activity": first })
            });
        }
        parts.push(format!(
            "Het verzoek met {first} gaat naar {{bg:{first}}}, behandeldienst: {{bd:{first}}}; verzoeknotificaties (triggers): {{triggers:{first}}}."
        ));
        if !outcome.timeline.is_empty() {
            for ask in ["bevoegd-gezag-na-ontvangst", "behandeldienst-na-ontvangst"] {
                questions.push(serde_json::json!({ "ask": ask, "activity": first }));
            }
            parts.push(format!(
                "Na de wijzigingen: {{bg_na:{first}}}, behandeldienst {{bd_na:{first}}}."
            ));
        }
    }
    questions.push(serde_json::json!({ "ask": "triggers" }));
    questions.push(serde_json::json!({ "ask": "buiten-beeld" }));
    parts.push(
        "Verzoeknotificaties (triggers) in totaal: {total_triggers}. Buiten beeld: {buiten_beeld}."
            .into(),
    );
    let topics: Vec<&str> = Topic::ALL
        .into_iter()
        .filter(|t| t.shown_by(engine, &parsed, &outcome))
        .map(Topic::as_str)
        .collect();
    let id: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(60)
        .collect();
    let value = serde_json::json!({
        "format": CASUS_FORMAT,
        "id": if id.is_empty() { "eigen-casus".to_string() } else { id },
        "title": title,
        "story": story,
        "topics": topics,
        "scenario": scenario,
        "questions": questions,
        "hints": [],
        "explanation": parts.join(" "),
    });
    casus_from_value(engine, file, &value)
}
