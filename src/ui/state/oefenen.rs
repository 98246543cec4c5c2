//! Oefenen's state: the leerpad, the casus on screen, the trainee's answers, the grading and
//! the progress. A plain reducer: it neither routes (the page derives the casus's outcome
//! with `use_memo` and hands the expected answers to `Reveal`) nor writes storage (the page
//! saves the progress when it changes).

pub mod progress;

use std::collections::BTreeSet;

use crate::domain::oefenen::{self, grade, Answer, Answers, Ask, Casus, Grading, Leerpad};
use progress::{Progress, Score};

/// Where a casus is on the projector (presentation mode): the story alone, then the
/// questions, then (once graded) the outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Story,
    Questions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OefenState {
    pub leerpad_id: String,
    pub leerpad_title: String,
    pub casussen: Vec<Casus>,
    pub current: usize,
    pub given: Vec<Option<Answer>>,
    pub grading: Option<Grading>,
    pub show_hints: bool,
    /// Projector mode: large type, high contrast, the path hidden.
    pub present: bool,
    pub step: Step,
    pub progress: Progress,
    pub message: Option<String>,
}

pub enum OefenAction {
    Go(usize),
    Set(usize, Option<Answer>),
    Toggle(usize, String, bool),
    /// Grade the answers against the expected ones (from the casus's outcome), or say why
    /// there are none.
    Reveal(Result<Answers, String>),
    Retry,
    Hints,
    Present,
    /// Projector mode: the next (true) or previous step; the expected answers serve the
    /// step from the questions to the outcome.
    Step(bool, Result<Answers, String>),
    /// A trainer's casus (from a file or the explainer), already validated.
    Open(Box<Casus>),
    /// A trainer's leerpad with its casus files, already validated.
    OpenLeerpad(Box<Leerpad>),
    Message(String),
    Dismiss,
}

/// Empty answers for a casus (an empty set where the answer is a set).
fn blank(casus: Option<&Casus>) -> Vec<Option<Answer>> {
    casus
        .map(|c| {
            c.questions
                .iter()
                .map(|q| {
                    matches!(q.ask, Ask::BuitenBeeld | Ask::OntbrekendeAfspraak)
                        .then(|| Answer::Ids(BTreeSet::new()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The leerpad id of a trainer's own casus or leerpad.
fn own(id: &str) -> String {
    format!("eigen:{id}")
}

impl OefenState {
    /// The bundled leerpad (or why it cannot load), replaced by a casus from a link when
    /// there is one; it starts at the first casus not yet done.
    pub fn new(
        bundled: Result<Leerpad, String>,
        link: Option<Result<Casus, String>>,
        progress: Progress,
        message: Option<String>,
    ) -> OefenState {
        let (mut leerpad_id, mut leerpad_title, mut casussen, mut message) = match bundled {
            Ok(lp) => (lp.id, lp.title, lp.casussen, message),
            Err(e) => (String::new(), String::new(), Vec::new(), Some(e)),
        };
        match link {
            Some(Ok(casus)) => {
                leerpad_id = own(&casus.id);
                leerpad_title = casus.title.clone();
                casussen = vec![casus];
            }
            Some(Err(e)) => {
                message = Some(format!(
                    "De link bevat geen geldige casus: {e}. U ziet het meegeleverde leerpad."
                ));
            }
            None => {}
        }
        let done = progress.done.get(&leerpad_id);
        let current = casussen
            .iter()
            .position(|c| done.is_none_or(|d| !d.contains_key(&c.id)))
            .unwrap_or(0);
        OefenState {
            given: blank(casussen.get(current)),
            leerpad_id,
            leerpad_title,
            casussen,
            current,
            grading: None,
            show_hints: false,
            present: false,
            step: Step::Story,
            progress,
            message,
        }
    }

    pub fn casus(&self) -> Option<&Casus> {
        self.casussen.get(self.current)
    }

    /// The casus on screen as a whole leerpad file (a trainer's download).
    pub fn leerpad(&self) -> Leerpad {
        Leerpad {
            id: self.leerpad_id.trim_start_matches("eigen:").to_string(),
            title: self.leerpad_title.clone(),
            description: None,
            casussen: self.casussen.clone(),
        }
    }

    /// One step on the projector: story → questions → outcome → next casus, and back.
    fn step(mut self, forward: bool, expected: Result<Answers, String>) -> OefenState {
        let revealed = self.grading.is_some();
        let action = match (forward, revealed, self.step) {
            (true, true, _) if self.current + 1 < self.casussen.len() => {
                OefenAction::Go(self.current + 1)
            }
            (true, true, _) => return self,
            (true, false, Step::Story) => {
                self.step = Step::Questions;
                return self;
            }
            (true, false, Step::Questions) => OefenAction::Reveal(expected),
            (false, true, _) => OefenAction::Retry,
            (false, false, Step::Questions) => {
                self.step = Step::Story;
                return self;
            }
            (false, false, Step::Story) if self.current > 0 => OefenAction::Go(self.current - 1),
            (false, false, Step::Story) => return self,
        };
        self.reduce(action)
    }

    /// A new leerpad (a trainer's), from its first casus.
    fn open(&mut self, id: &str, title: String, casussen: Vec<Casus>) {
        self.leerpad_id = own(id);
        self.leerpad_title = title;
        self.given = blank(casussen.first());
        self.casussen = casussen;
        self.current = 0;
        self.grading = None;
        self.show_hints = false;
        self.message = None;
    }

    pub fn reduce(mut self, action: OefenAction) -> OefenState {
        match action {
            OefenAction::Go(i) if i < self.casussen.len() => {
                self.current = i;
                self.step = Step::Story;
                self.given = blank(self.casussen.get(i));
                self.grading = None;
                self.show_hints = false;
            }
            OefenAction::Go(_) => {}
            OefenAction::Set(q, a) => {
                if let Some(slot) = self.given.get_mut(q) {
                    *slot = a;
                }
            }
            OefenAction::Toggle(q, id, on) => {
                if let Some(slot) = self.given.get_mut(q) {
                    let mut set = match slot.take() {
                        Some(Answer::Ids(s)) => s,
                        _ => BTreeSet::new(),
                    };
                    if on {
                        set.insert(id);
                    } else {
                        set.remove(&id);
                    }
                    *slot = Some(Answer::Ids(set));
                }
            }
            OefenAction::Reveal(Ok(expected)) => {
                let Some(casus_id) = self.casus().map(|c| c.id.clone()) else {
                    return self;
                };
                let answers = Answers {
                    answers: self.given.clone(),
                };
                let g = grade(&answers, &expected);
                let score = Score {
                    right: g.right,
                    total: g.total,
                };
                let done = self.progress.done.entry(self.leerpad_id.clone());
                done.or_default().insert(casus_id, score);
                self.grading = Some(g);
            }
            OefenAction::Reveal(Err(e)) => self.message = Some(e),
            OefenAction::Retry => {
                self.given = blank(self.casus());
                self.grading = None;
                self.step = Step::Questions;
            }
            OefenAction::Step(forward, expected) => return self.step(forward, expected),
            OefenAction::Hints => self.show_hints = !self.show_hints,
            OefenAction::Present => self.present = !self.present,
            OefenAction::Open(casus) => {
                let (id, title) = (casus.id.clone(), casus.title.clone());
                self.open(&id, title, vec![*casus]);
            }
            OefenAction::OpenLeerpad(lp) => self.open(&lp.id, lp.title, lp.casussen),
            OefenAction::Message(m) => self.message = Some(m),
            OefenAction::Dismiss => self.message = None,
        }
        self
    }
}

/// Opened files (name, text) → one casus, or the leerpad among them with the others as its
/// casus files.
pub fn open_files(
    engine: &crate::domain::Engine,
    files: &[(String, String)],
) -> Result<OefenAction, String> {
    let texts: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let leerpad = texts
        .iter()
        .find(|(_, t)| t.contains(oefenen::LEERPAD_FORMAT))
        .copied();
    match (leerpad, texts.as_slice()) {
        (Some((name, text)), _) => oefenen::load_leerpad(engine, name, text, &texts)
            .map(|lp| OefenAction::OpenLeerpad(Box::new(lp)))
            .map_err(|e| e.to_string()),
        (None, [(name, text)]) => oefenen::load_casus(engine, name, text)
            .map(|c| OefenAction::Open(Box::new(c)))
            .map_err(|e| e.to_string()),
        (None, _) => {
            Err("kies één casusbestand, of een leerpad met zijn casusbestanden".to_string())
        }
    }
}
