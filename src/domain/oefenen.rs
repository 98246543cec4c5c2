//! Oefenen (training): casussen and leerpaden as data files, the expected answers computed by
//! the engine from each casus's scenario, and grading of a trainee's answers.
//!
//! A casus never holds its answers: `expected_answers` routes the scenario and reads them from
//! the outcome. Its explanation holds placeholders (`{total_triggers}`, `{bd:ACTIVITY}`, …)
//! that are filled from the same outcome, so the text cannot disagree with the engine.
//! File format: `docs/oefenen.md`.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::configuration::ConfigEntry;
use super::finding::FindingCode;
use super::organisations::Org;
use super::outcome::{Named, Outcome, Verzoek};
use super::scenario::{ConfigurationRef, Scenario};
use super::{parse_json_text, Dso, Engine};

pub const CASUS_FORMAT: &str = "routewijzer-casus/1";
pub const LEERPAD_FORMAT: &str = "routewijzer-leerpad/1";
/// A casus or leerpad file larger than this is refused before parsing (256 KiB).
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// A leerpad lists at most this many casussen.
pub const MAX_CASUSSEN: usize = 200;

/// The bundled leerpad and its casus files (file name, text), in `data/oefenen/`.
pub const BUNDLED_LEERPAD: (&str, &str) = (
    "leerpad.json",
    include_str!("../../data/oefenen/leerpad.json"),
);
pub const BUNDLED_CASUSSEN: &[(&str, &str)] = &[
    (
        "01-oss-melding.json",
        include_str!("../../data/oefenen/01-oss-melding.json"),
    ),
    (
        "02-oss-split-verzoektype.json",
        include_str!("../../data/oefenen/02-oss-split-verzoektype.json"),
    ),
    (
        "03-maashorst-meervoudig.json",
        include_str!("../../data/oefenen/03-maashorst-meervoudig.json"),
    ),
    (
        "04-eindhoven-1-op-n.json",
        include_str!("../../data/oefenen/04-eindhoven-1-op-n.json"),
    ),
    (
        "05-werkingsgebied.json",
        include_str!("../../data/oefenen/05-werkingsgebied.json"),
    ),
    (
        "06-limburg-1-op-onbekend.json",
        include_str!("../../data/oefenen/06-limburg-1-op-onbekend.json"),
    ),
    (
        "07-den-bosch-veiligheidsregio.json",
        include_str!("../../data/oefenen/07-den-bosch-veiligheidsregio.json"),
    ),
    (
        "08-heusden.json",
        include_str!("../../data/oefenen/08-heusden.json"),
    ),
    (
        "09-meldingen-per-bevoegd-gezag.json",
        include_str!("../../data/oefenen/09-meldingen-per-bevoegd-gezag.json"),
    ),
    (
        "10-land-van-cuijk-water.json",
        include_str!("../../data/oefenen/10-land-van-cuijk-water.json"),
    ),
    (
        "11-grondwater-magneet.json",
        include_str!("../../data/oefenen/11-grondwater-magneet.json"),
    ),
    (
        "12-na-ontvangst-2020.json",
        include_str!("../../data/oefenen/12-na-ontvangst-2020.json"),
    ),
    (
        "13-na-ontvangst-2023.json",
        include_str!("../../data/oefenen/13-na-ontvangst-2023.json"),
    ),
];

/// A casus or leerpad file that does not validate. `Display`: `file: path: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CasusError {
    pub file: String,
    /// JSON path such as `questions[2].activity`; empty for the file as a whole.
    pub path: String,
    pub message: String,
}

/// Longest file name or JSON path shown in an error message (characters).
const MAX_PATH_CHARS: usize = 120;

impl CasusError {
    fn new(file: &str, path: impl Into<String>, message: impl Into<String>) -> CasusError {
        // A path holds the file's own keys, and a hand-edited file can hold a key of any
        // length: keep the message one readable line (found by fuzzing).
        let path: String = path.into();
        let path = match path.char_indices().nth(MAX_PATH_CHARS) {
            Some((cut, _)) => format!("{}…", path.get(..cut).unwrap_or_default()),
            None => path,
        };
        CasusError {
            file: file.chars().take(MAX_PATH_CHARS).collect(),
            path,
            message: message.into(),
        }
    }
}

impl fmt::Display for CasusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever the file name, path or message hold.
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect()
        };
        if self.path.is_empty() {
            write!(f, "{}: {}", clean(&self.file), clean(&self.message))
        } else {
            write!(
                f,
                "{}: {}: {}",
                clean(&self.file),
                clean(&self.path),
                clean(&self.message)
            )
        }
    }
}

impl std::error::Error for CasusError {}

/// A vraagstuk of the seed deck a casus practises. Each has evidence in the outcome
/// (`Topic::shown_by`), so a tag cannot be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// One bevoegd gezag, one behandeldienst for everything it configured.
    EenOpEen,
    /// One bevoegd gezag, several behandeldiensten (per activity or area).
    EenOpN,
    /// A bevoegd gezag that configured no behandeldienst at all.
    EenOpOnbekend,
    /// Routing per werkingsgebied (gemeenten of an entry), not per content.
    Werkingsgebied,
    /// dso 2020: the behandeldienst cannot be changed after receipt.
    NaOntvangst2020,
    /// dso 2023: the behandeldienst can be changed after receipt.
    NaOntvangst2023,
    /// A meervoudige aanvraag whose behandeldienst receives nothing.
    MeervoudigBdLeeg,
    /// A magneet moves the bevoegd gezag to the provincie.
    MagneetProvincie,
    /// Water and non-water split into separate verzoeken.
    SplitWater,
    /// Meldingen split by bevoegd gezag.
    MeldingenPerBg,
    /// The veiligheidsregio advises without a trigger.
    VeiligheidsregioAdviseur,
    /// Heusden: omgevingsdienst and veiligheidsregio regions differ.
    OdVrVerschil,
    /// A verzoek split by verzoektype (melding and aanvraag).
    SplitVerzoektype,
}

impl Topic {
    pub const ALL: [Topic; 13] = [
        Topic::EenOpEen,
        Topic::EenOpN,
        Topic::EenOpOnbekend,
        Topic::Werkingsgebied,
        Topic::NaOntvangst2020,
        Topic::NaOntvangst2023,
        Topic::MeervoudigBdLeeg,
        Topic::MagneetProvincie,
        Topic::SplitWater,
        Topic::MeldingenPerBg,
        Topic::VeiligheidsregioAdviseur,
        Topic::OdVrVerschil,
        Topic::SplitVerzoektype,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::EenOpEen => "1:1",
            Topic::EenOpN => "1:n",
            Topic::EenOpOnbekend => "1:?",
            Topic::Werkingsgebied => "werkingsgebied",
            Topic::NaOntvangst2020 => "na-ontvangst-2020",
            Topic::NaOntvangst2023 => "na-ontvangst-2023",
            Topic::MeervoudigBdLeeg => "meervoudig-bd-leeg",
            Topic::MagneetProvincie => "magneet-provincie",
            Topic::SplitWater => "split-water",
            Topic::MeldingenPerBg => "meldingen-per-bevoegd-gezag",
            Topic::VeiligheidsregioAdviseur => "veiligheidsregio-adviseur",
            Topic::OdVrVerschil => "od-vr-verschil",
            Topic::SplitVerzoektype => "split-verzoektype",
        }
    }

    /// Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            Topic::EenOpEen => "1:1 — één behandeldienst per bevoegd gezag",
            Topic::EenOpN => "1:n — meer behandeldiensten per bevoegd gezag",
            Topic::EenOpOnbekend => "1:? — geen behandeldienst ingesteld",
            Topic::Werkingsgebied => "routering per werkingsgebied, niet per inhoud",
            Topic::NaOntvangst2020 => "na ontvangst: behandeldienst niet te wijzigen (DSO 2020)",
            Topic::NaOntvangst2023 => "na ontvangst: behandeldienst wel te wijzigen (DSO 2023)",
            Topic::MeervoudigBdLeeg => "meervoudige aanvraag: behandeldienst krijgt niets",
            Topic::MagneetProvincie => "magneet: bevoegd gezag naar de provincie",
            Topic::SplitWater => "splitsing water en niet-water",
            Topic::MeldingenPerBg => "meldingen gesplitst per bevoegd gezag",
            Topic::VeiligheidsregioAdviseur => "veiligheidsregio als adviseur zonder trigger",
            Topic::OdVrVerschil => {
                "Heusden: regio's omgevingsdienst en veiligheidsregio verschillen"
            }
            Topic::SplitVerzoektype => "splitsing melding en aanvraag",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// True when the outcome (and the configuration the scenario applied) shows this topic.
    pub fn shown_by(self, engine: &Engine, scenario: &Scenario, outcome: &Outcome) -> bool {
        let entries = configuration_entries(engine, scenario);
        let of_bg = |bg: &str| -> Vec<&ConfigEntry> {
            entries.iter().filter(|e| e.bevoegd_gezag == bg).collect()
        };
        let has_code = |code: FindingCode| {
            outcome.findings.iter().any(|f| f.code == code)
                || outcome
                    .verzoeken
                    .iter()
                    .any(|v| v.findings.iter().any(|f| f.code == code))
        };
        let timeline_code = |code: FindingCode| {
            outcome
                .timeline
                .iter()
                .any(|s| s.findings.iter().any(|f| f.code == code))
        };
        let distinct_bds = |bg: &str| -> usize {
            of_bg(bg)
                .iter()
                .map(|e| e.behandeldienst.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        };
        match self {
            Topic::EenOpEen => outcome
                .verzoeken
                .iter()
                .any(|v| v.behandeldienst.is_some() && distinct_bds(&v.bevoegd_gezag.id) == 1),
            Topic::EenOpN => outcome
                .verzoeken
                .iter()
                .any(|v| distinct_bds(&v.bevoegd_gezag.id) >= 2),
            Topic::EenOpOnbekend => outcome
                .verzoeken
                .iter()
                .any(|v| v.behandeldienst.is_none() && of_bg(&v.bevoegd_gezag.id).is_empty()),
            Topic::Werkingsgebied => outcome.verzoeken.iter().any(|v| {
                of_bg(&v.bevoegd_gezag.id)
                    .iter()
                    .any(|e| e.gemeenten.is_some())
            }),
            Topic::NaOntvangst2020 => {
                outcome.assumptions.dso == Dso::V2020
                    && timeline_code(FindingCode::BdNietWijzigbaar)
            }
            Topic::NaOntvangst2023 => {
                outcome.assumptions.dso == Dso::V2023 && timeline_code(FindingCode::BdGewijzigd)
            }
            Topic::MeervoudigBdLeeg => outcome.verzoeken.iter().any(|v| {
                v.activities.len() >= 2 && v.findings.iter().any(|f| f.code == FindingCode::BdMixed)
            }),
            Topic::MagneetProvincie => outcome.verzoeken.iter().any(|v| {
                v.bevoegd_gezag.id.starts_with("PV")
                    && v.findings.iter().any(|f| f.code == FindingCode::Magneet)
            }),
            Topic::SplitWater => has_code(FindingCode::SplitWater),
            Topic::MeldingenPerBg => {
                has_code(FindingCode::SplitBevoegdGezag)
                    && outcome
                        .verzoeken
                        .iter()
                        .filter(|v| v.verzoektype.as_str() == "melding")
                        .count()
                        >= 2
            }
            Topic::VeiligheidsregioAdviseur => outcome.verzoeken.iter().any(|v| {
                v.adviseurs
                    .iter()
                    .any(|a| a.id.starts_with("VR") && !v.recipients.iter().any(|r| r.id == a.id))
            }),
            Topic::OdVrVerschil => has_code(FindingCode::OdVrVerschil),
            Topic::SplitVerzoektype => has_code(FindingCode::SplitVerzoektype),
        }
    }
}

fn configuration_entries<'a>(engine: &'a Engine, scenario: &'a Scenario) -> &'a [ConfigEntry] {
    match &scenario.configuration {
        None => &[],
        Some(ConfigurationRef::Bundled(name)) => engine
            .configuration(name)
            .map_or(&[], |c| c.behandeldiensten.as_slice()),
        Some(ConfigurationRef::Inline(c)) => c.behandeldiensten.as_slice(),
    }
}

/// What a question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ask {
    /// Which bevoegd gezag gets the verzoek (with `activity`).
    BevoegdGezag,
    /// Which behandeldienst, or none.
    Behandeldienst,
    /// How many triggers: in total, or for the verzoek with `activity`.
    Triggers,
    /// How many verzoeken the DSO makes.
    Verzoeken,
    /// Who misses out: adviseurs and configured behandeldiensten without a trigger.
    BuitenBeeld,
    /// Bevoegd gezag after the after-receipt steps.
    BevoegdGezagNaOntvangst,
    /// Behandeldienst after the after-receipt steps.
    BehandeldienstNaOntvangst,
}

impl Ask {
    pub const ALL: [Ask; 7] = [
        Ask::BevoegdGezag,
        Ask::Behandeldienst,
        Ask::Triggers,
        Ask::Verzoeken,
        Ask::BuitenBeeld,
        Ask::BevoegdGezagNaOntvangst,
        Ask::BehandeldienstNaOntvangst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Ask::BevoegdGezag => "bevoegd-gezag",
            Ask::Behandeldienst => "behandeldienst",
            Ask::Triggers => "triggers",
            Ask::Verzoeken => "verzoeken",
            Ask::BuitenBeeld => "buiten-beeld",
            Ask::BevoegdGezagNaOntvangst => "bevoegd-gezag-na-ontvangst",
            Ask::BehandeldienstNaOntvangst => "behandeldienst-na-ontvangst",
        }
    }

    pub fn parse(s: &str) -> Option<Ask> {
        Ask::ALL.into_iter().find(|a| a.as_str() == s)
    }

    fn needs_verzoek(self) -> bool {
        matches!(
            self,
            Ask::BevoegdGezag
                | Ask::Behandeldienst
                | Ask::BevoegdGezagNaOntvangst
                | Ask::BehandeldienstNaOntvangst
        )
    }
}

/// One question of a casus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub ask: Ask,
    /// Names the verzoek the question is about: the one holding this activity. Needed when
    /// the DSO makes more than one verzoek.
    pub activity: Option<String>,
    /// The question as shown; empty = a standard text.
    pub text: Option<String>,
}

/// A validated casus. Its scenario parses and routes; its questions and explanation fit the
/// outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Casus {
    pub id: String,
    pub title: String,
    pub story: String,
    pub topics: Vec<Topic>,
    /// The scenario JSON as written (contract format).
    pub scenario: Value,
    pub questions: Vec<Question>,
    pub hints: Vec<String>,
    /// With placeholders; see `explanation`.
    pub explanation: String,
    /// The texts in English (`en`), for a session in English; optional.
    pub en: Option<CasusTexts>,
}

/// A casus's texts for people in a second language: what the trainee reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CasusTexts {
    pub title: String,
    pub story: String,
    pub hints: Vec<String>,
    /// With the same placeholders as the Dutch explanation.
    pub explanation: String,
}

impl Casus {
    /// The texts to show: English when asked and present, else Dutch.
    pub fn texts(&self, english: bool) -> CasusTexts {
        match (&self.en, english) {
            (Some(en), true) => en.clone(),
            _ => CasusTexts {
                title: self.title.clone(),
                story: self.story.clone(),
                hints: self.hints.clone(),
                explanation: self.explanation.clone(),
            },
        }
    }
}

/// A leerpad: casussen in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Leerpad {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub casussen: Vec<Casus>,
}

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

// ---------------------------------------------------------------- reading files

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

fn object<'a>(file: &str, v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, CasusError> {
    v.as_object()
        .ok_or_else(|| CasusError::new(file, path, "verwacht een JSON-object"))
}

fn known_fields(
    file: &str,
    obj: &Map<String, Value>,
    path: &str,
    allowed: &[&str],
) -> Result<(), CasusError> {
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            let shown: String = k.chars().take(60).collect();
            return Err(CasusError::new(
                file,
                join_path(path, k),
                format!(
                    "onbekend veld '{shown}' (toegestaan: {})",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An optional list of hints (`hints`) at `path`.
fn hint_list(file: &str, obj: &Map<String, Value>, path: &str) -> Result<Vec<String>, CasusError> {
    let at = join_path(path, "hints");
    match obj.get("hints") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, h)| {
                h.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| CasusError::new(file, format!("{at}[{i}]"), "verwacht tekst"))
            })
            .collect(),
        Some(_) => Err(CasusError::new(file, at, "verwacht een lijst")),
    }
}

fn text_field(
    file: &str,
    obj: &Map<String, Value>,
    path: &str,
    key: &str,
    required: bool,
) -> Result<Option<String>, CasusError> {
    match obj.get(key) {
        None | Some(Value::Null) if !required => Ok(None),
        None => Err(CasusError::new(
            file,
            join_path(path, key),
            "ontbreekt (verplicht veld)",
        )),
        Some(Value::String(s)) if s.trim().is_empty() && required => Err(CasusError::new(
            file,
            join_path(path, key),
            "mag niet leeg zijn",
        )),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(CasusError::new(
            file,
            join_path(path, key),
            "verwacht tekst",
        )),
    }
}

fn format_field(file: &str, obj: &Map<String, Value>, want: &str) -> Result<(), CasusError> {
    match text_field(file, obj, "", "format", true)? {
        Some(f) if f == want => Ok(()),
        Some(f) => Err(CasusError::new(
            file,
            "format",
            format!(
                "'{}' wordt niet ondersteund (verwacht '{want}')",
                f.chars().take(60).collect::<String>()
            ),
        )),
        None => Err(CasusError::new(file, "format", "ontbreekt")),
    }
}

fn check_id(file: &str, id: &str, path: &str) -> Result<(), CasusError> {
    let ok = !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(CasusError::new(
            file,
            path,
            "verwacht een id van kleine letters, cijfers en '-' (hoogstens 80 tekens)",
        ))
    }
}

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
];
const EN_FIELDS: &[&str] = &["title", "story", "hints", "explanation"];
const QUESTION_FIELDS: &[&str] = &["ask", "activity", "text"];

/// Reads and validates a casus file: fields, the scenario (engine's parser and router), the
/// questions against the outcome, the placeholders of the explanation, and the topics against
/// the outcome.
pub fn load_casus(engine: &Engine, file: &str, text: &str) -> Result<Casus, CasusError> {
    let value = cap(file, text)?;
    casus_from_value(engine, file, &value)
}

pub fn casus_from_value(engine: &Engine, file: &str, value: &Value) -> Result<Casus, CasusError> {
    let obj = object(file, value, "")?;
    known_fields(file, obj, "", CASUS_FIELDS)?;
    format_field(file, obj, CASUS_FORMAT)?;
    let id = text_field(file, obj, "", "id", true)?.unwrap_or_default();
    check_id(file, &id, "id")?;
    let title = text_field(file, obj, "", "title", true)?.unwrap_or_default();
    let story = text_field(file, obj, "", "story", true)?.unwrap_or_default();
    let explanation = text_field(file, obj, "", "explanation", true)?.unwrap_or_default();

    let mut topics = Vec::new();
    match obj.get("topics") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, t) in items.iter().enumerate() {
                let path = format!("topics[{i}]");
                let s = t
                    .as_str()
                    .ok_or_else(|| CasusError::new(file, path.clone(), "verwacht tekst"))?;
                let topic = Topic::parse(s).ok_or_else(|| {
                    CasusError::new(
                        file,
                        path.clone(),
                        format!(
                            "onbekend onderwerp '{}' (bekend: {})",
                            s.chars().take(60).collect::<String>(),
                            Topic::ALL.map(Topic::as_str).join(", ")
                        ),
                    )
                })?;
                if !topics.contains(&topic) {
                    topics.push(topic);
                }
            }
        }
        Some(_) => return Err(CasusError::new(file, "topics", "verwacht een lijst")),
    }

    let hints = hint_list(file, obj, "")?;
    let en = match obj.get("en") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let eo = object(file, v, "en")?;
            known_fields(file, eo, "en", EN_FIELDS)?;
            let required = |key: &str| -> Result<String, CasusError> {
                Ok(text_field(file, eo, "en", key, true)?.unwrap_or_default())
            };
            Some(CasusTexts {
                title: required("title")?,
                story: required("story")?,
                hints: hint_list(file, eo, "en")?,
                explanation: required("explanation")?,
            })
        }
    };

    let scenario_value = obj
        .get("scenario")
        .ok_or_else(|| CasusError::new(file, "scenario", "ontbreekt (verplicht veld)"))?;
    let scenario = engine
        .parse(scenario_value)
        .map_err(|e| CasusError::new(file, join_path("scenario", &e.path), e.message))?;
    let outcome = engine
        .route(&scenario)
        .map_err(|e| CasusError::new(file, join_path("scenario", &e.path), e.message))?;

    let mut questions = Vec::new();
    match obj.get("questions") {
        Some(Value::Array(items)) if !items.is_empty() => {
            for (i, q) in items.iter().enumerate() {
                let path = format!("questions[{i}]");
                let qo = object(file, q, &path)?;
                known_fields(file, qo, &path, QUESTION_FIELDS)?;
                let ask_s = text_field(file, qo, &path, "ask", true)?.unwrap_or_default();
                let ask = Ask::parse(&ask_s).ok_or_else(|| {
                    CasusError::new(
                        file,
                        join_path(&path, "ask"),
                        format!(
                            "onbekende vraag '{}' (bekend: {})",
                            ask_s.chars().take(60).collect::<String>(),
                            Ask::ALL.map(Ask::as_str).join(", ")
                        ),
                    )
                })?;
                let activity = text_field(file, qo, &path, "activity", false)?;
                let text = text_field(file, qo, &path, "text", false)?;
                questions.push(Question {
                    ask,
                    activity,
                    text,
                });
            }
        }
        Some(Value::Array(_)) => {
            return Err(CasusError::new(
                file,
                "questions",
                "verwacht minstens één vraag",
            ))
        }
        None => {
            return Err(CasusError::new(
                file,
                "questions",
                "ontbreekt (verplicht veld)",
            ))
        }
        Some(_) => return Err(CasusError::new(file, "questions", "verwacht een lijst")),
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
    };
    // Questions fit the outcome.
    for (i, q) in casus.questions.iter().enumerate() {
        expected_answer(&outcome, q)
            .map_err(|m| CasusError::new(file, format!("questions[{i}]"), m))?;
    }
    // Placeholders are known and fit the outcome.
    fill_explanation(&casus.explanation, &outcome)
        .map_err(|m| CasusError::new(file, "explanation", m))?;
    if let Some(en) = &casus.en {
        fill_explanation(&en.explanation, &outcome)
            .map_err(|m| CasusError::new(file, "en.explanation", m))?;
    }
    // Topics are shown by the outcome.
    for (i, t) in casus.topics.iter().enumerate() {
        if !t.shown_by(engine, &scenario, &outcome) {
            return Err(CasusError::new(
                file,
                format!("topics[{i}]"),
                format!(
                    "onderwerp '{}' blijkt niet uit de uitkomst van het scenario",
                    t.as_str()
                ),
            ));
        }
    }
    Ok(casus)
}

const LEERPAD_FIELDS: &[&str] = &["format", "id", "title", "description", "casussen"];

/// Reads a leerpad file and its casus files (`files`: file name → text), in the leerpad's
/// order. Names a casus file the leerpad lists but `files` lacks, and duplicate casus ids.
pub fn load_leerpad(
    engine: &Engine,
    file: &str,
    text: &str,
    files: &[(&str, &str)],
) -> Result<Leerpad, CasusError> {
    let value = cap(file, text)?;
    let obj = object(file, &value, "")?;
    known_fields(file, obj, "", LEERPAD_FIELDS)?;
    format_field(file, obj, LEERPAD_FORMAT)?;
    let id = text_field(file, obj, "", "id", true)?.unwrap_or_default();
    check_id(file, &id, "id")?;
    let title = text_field(file, obj, "", "title", true)?.unwrap_or_default();
    let description = text_field(file, obj, "", "description", false)?;
    let names = match obj.get("casussen") {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => {
            return Err(CasusError::new(
                file,
                "casussen",
                "verwacht minstens één casusbestand",
            ))
        }
        None => {
            return Err(CasusError::new(
                file,
                "casussen",
                "ontbreekt (verplicht veld)",
            ))
        }
        Some(_) => return Err(CasusError::new(file, "casussen", "verwacht een lijst")),
    };
    if names.len() > MAX_CASUSSEN {
        return Err(CasusError::new(
            file,
            "casussen",
            format!(
                "te veel casussen: {} (maximaal {MAX_CASUSSEN})",
                names.len()
            ),
        ));
    }
    let mut casussen: Vec<Casus> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let path = format!("casussen[{i}]");
        let casus = match n {
            // A downloaded leerpad carries its casussen inline: one self-contained file.
            Value::Object(_) => casus_from_value(engine, &format!("{file} {path}"), n)?,
            Value::String(name) => {
                let (_, casus_text) = files.iter().find(|(f, _)| f == name).ok_or_else(|| {
                    CasusError::new(
                        file,
                        path.clone(),
                        format!(
                            "casusbestand '{}' niet gevonden",
                            name.chars().take(80).collect::<String>()
                        ),
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
        if let Some(j) = casussen.iter().position(|c| c.id == casus.id) {
            return Err(CasusError::new(
                file,
                path,
                format!(
                    "casus-id '{}' komt dubbel voor (ook casussen[{j}])",
                    casus.id
                ),
            ));
        }
        casussen.push(casus);
    }
    Ok(Leerpad {
        id,
        title,
        description,
        casussen,
    })
}

/// The bundled leerpad, validated.
pub fn bundled_leerpad(engine: &Engine) -> Result<Leerpad, CasusError> {
    load_leerpad(
        engine,
        BUNDLED_LEERPAD.0,
        BUNDLED_LEERPAD.1,
        BUNDLED_CASUSSEN,
    )
}

// ---------------------------------------------------------------- answers from the engine

/// Routes the casus's scenario.
pub fn outcome(engine: &Engine, casus: &Casus) -> Result<Outcome, CasusError> {
    engine
        .explain_json(&casus.scenario)
        .map_err(|e| CasusError::new(&casus.id, join_path("scenario", &e.path), e.message))
}

/// The expected answers, in question order, read from the engine's outcome.
pub fn expected_answers(engine: &Engine, casus: &Casus) -> Result<Answers, CasusError> {
    let outcome = outcome(engine, casus)?;
    expected_from_outcome(casus, &outcome)
}

pub fn expected_from_outcome(casus: &Casus, outcome: &Outcome) -> Result<Answers, CasusError> {
    let mut answers = Vec::new();
    for (i, q) in casus.questions.iter().enumerate() {
        let a = expected_answer(outcome, q)
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

fn verzoek<'a>(
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
fn after_receipt(outcome: &Outcome, i: usize) -> Result<(Named, Option<Named>), String> {
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

fn expected_answer(outcome: &Outcome, q: &Question) -> Result<Answer, String> {
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
fn outcome_names(outcome: &Outcome) -> Vec<Named> {
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

// ---------------------------------------------------------------- explanation

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
                    .map(|id| name_of(outcome, id))
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

/// The casus's explanation filled from the engine's outcome.
pub fn explanation(engine: &Engine, casus: &Casus) -> Result<String, CasusError> {
    let outcome = outcome(engine, casus)?;
    fill_explanation(&casus.explanation, &outcome)
        .map_err(|m| CasusError::new(&casus.id, "explanation", m))
}

/// Rule ids behind the outcome (findings of verzoeken, the whole, and the timeline), each
/// once, in order of appearance; for showing sources via `rules::Rules`.
pub fn rule_ids(outcome: &Outcome) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = outcome
        .verzoeken
        .iter()
        .flat_map(|v| v.findings.iter())
        .chain(outcome.findings.iter())
        .chain(outcome.timeline.iter().flat_map(|s| s.findings.iter()));
    for f in all {
        if !out.contains(&f.rule) {
            out.push(f.rule.clone());
        }
    }
    out
}

// ---------------------------------------------------------------- writing files (trainer)

/// The casus as a file in the documented format (what `load_casus` reads back).
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
        .map_err(|e| CasusError::new(file, join_path("scenario", &e.path), e.message))?;
    let outcome = engine
        .route(&parsed)
        .map_err(|e| CasusError::new(file, join_path("scenario", &e.path), e.message))?;
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
