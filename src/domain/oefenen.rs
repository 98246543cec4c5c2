//! Oefenen (training): casussen and leerpaden as data files, the expected answers computed by
//! the engine from each casus's scenario, and grading of a trainee's answers.
//!
//! A casus never holds its answers: `expected_answers` routes the scenario and reads them from
//! the outcome. Its explanation holds placeholders (`{total_triggers}`, `{bd:ACTIVITY}`, …)
//! that are filled from the same outcome, so the text cannot disagree with the engine.
//! File format: `docs/oefenen.md`.
//!
//! - `file`: reading and writing casus and leerpad files;
//! - `topics`: the vraagstukken a casus practises, each shown by the outcome;
//! - `answers`: the expected answers from the engine's outcome, and grading;
//! - `explanation`: the explanation's placeholders, filled from the outcome.

mod answers;
mod explanation;
mod file;
mod topics;

use std::fmt;

use serde::Serialize;
use serde_json::Value;

pub use answers::{
    choices, expected_answers, expected_from_outcome, grade, missed, outcome, Answer, Answers,
    Grading, Part,
};
pub use explanation::{all_findings, explanation, fill_explanation, rule_ids, PLACEHOLDERS};
pub use file::{
    bundled_leerpad, casus_from_value, casus_to_json, draft_casus, leerpad_to_json, load_casus,
    load_leerpad,
};
pub use topics::Topic;

/// The bundled leerpad and its casus files (file name, text), in `data/oefenen/`.
pub use crate::data::{OEFENEN_CASUSSEN as BUNDLED_CASUSSEN, OEFENEN_LEERPAD as BUNDLED_LEERPAD};

pub const CASUS_FORMAT: &str = "routewijzer-casus/1";
pub const LEERPAD_FORMAT: &str = "routewijzer-leerpad/1";
/// A casus or leerpad file larger than this is refused before parsing (256 KiB).
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// A leerpad lists at most this many casussen.
pub const MAX_CASUSSEN: usize = 200;

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
    pub(crate) fn new(
        file: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> CasusError {
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
        let line = if self.path.is_empty() {
            format!("{}: {}", self.file, self.message)
        } else {
            format!("{}: {}: {}", self.file, self.path, self.message)
        };
        f.write_str(&super::error::one_line(&line))
    }
}

impl std::error::Error for CasusError {}

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
    /// Which gaps of the casus's agreement have no agreement (needs `werkafspraak`).
    OntbrekendeAfspraak,
}

impl Ask {
    pub const ALL: [Ask; 8] = [
        Ask::BevoegdGezag,
        Ask::Behandeldienst,
        Ask::Triggers,
        Ask::Verzoeken,
        Ask::BuitenBeeld,
        Ask::BevoegdGezagNaOntvangst,
        Ask::BehandeldienstNaOntvangst,
        Ask::OntbrekendeAfspraak,
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
            Ask::OntbrekendeAfspraak => "ontbrekende-afspraak",
        }
    }

    pub fn parse(s: &str) -> Option<Ask> {
        Ask::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub(crate) fn needs_verzoek(self) -> bool {
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
    /// A bundled agreement the casus starts from (`werkafspraak`), analysed by the engine:
    /// its gaps and those without agreement ("welke afspraak ontbreekt hier?").
    pub werkafspraak: Option<super::werkafspraken::Oefening>,
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
