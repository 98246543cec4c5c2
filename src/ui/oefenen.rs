//! Oefenen: the training view. The trainee answers a casus first (bevoegd gezag,
//! behandeldienst, triggers, who misses out), then the engine's outcome is revealed next to
//! the answers with each part marked right or wrong (text and icon), the explanation and the
//! rules with their sources. Its own reducer; progress in localStorage (`progress`).

mod progress;

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use yew::prelude::*;

use crate::ui::forms::keep_value;

use super::i18n::Lang;
use super::rule_texts;
use crate::domain::oefenen::{
    self, bundled_leerpad, choices, expected_from_outcome, fill_explanation, grade, load_casus,
    Answer, Answers, Ask, Casus, Grading,
};
use crate::domain::outcome::Named;
use crate::domain::rules::Rules;
use crate::domain::{Engine, Outcome};
use progress::{Progress, Score};

use super::embed::Embedding;

/// Files larger than this are refused before reading.
const MAX_FILE_BYTES: f64 = oefenen::MAX_FILE_BYTES as f64;

#[derive(Clone, Debug, PartialEq)]
pub struct OefenState {
    leerpad_id: String,
    leerpad_title: String,
    casussen: Vec<Casus>,
    current: usize,
    given: Vec<Option<Answer>>,
    grading: Option<Grading>,
    show_hints: bool,
    /// Projector mode: large type, high contrast, the path hidden.
    present: bool,
    /// In projector mode, the story is shown alone first, then the questions (`QUESTIONS`),
    /// then the outcome (when `grading` is set).
    step: u8,
    progress: Progress,
    /// Where this instance keeps the progress (`None`: an embedded instance without storage).
    progress_key: Option<String>,
    message: Option<String>,
}

pub enum OefenAction {
    Go(usize),
    Set(usize, Option<Answer>),
    Toggle(usize, String, bool),
    Reveal,
    Retry,
    Hints,
    Present,
    /// Projector mode: the next (true) or previous step; see `OefenState::step`.
    Step(bool),
    /// A trainer's casus from a file, already validated.
    Open(Box<Casus>),
    /// A trainer's leerpad with its casus files, already validated.
    OpenLeerpad(Box<oefenen::Leerpad>),
    Message(String),
    Dismiss,
}

fn blank(casus: Option<&Casus>) -> Vec<Option<Answer>> {
    casus
        .map(|c| {
            c.questions
                .iter()
                .map(|q| (q.ask == Ask::BuitenBeeld).then(|| Answer::Ids(BTreeSet::new())))
                .collect()
        })
        .unwrap_or_default()
}

fn route(casus: &Casus) -> Result<Outcome, String> {
    let engine = Engine::bundled().map_err(|e| e.to_string())?;
    oefenen::outcome(engine, casus).map_err(|e| e.to_string())
}

/// A casus in the URL (`#casus=` + the casus file, URI-encoded), for a link in a training
/// invitation.
use super::embed::CASUS_FRAGMENT;
/// A link longer than this was not made for Routewijzer.
const MAX_LINK_CHARS: usize = 200_000;

/// The casus in the URL: `None` when there is none, `Err` with a message when it is broken.
fn casus_from_url() -> Option<Result<Casus, String>> {
    let hash = gloo_utils::window().location().hash().ok()?;
    let encoded = hash.strip_prefix(CASUS_FRAGMENT)?;
    Some((|| {
        let text =
            crate::domain::link::decode(encoded, MAX_LINK_CHARS).map_err(|e| e.to_string())?;
        let engine = Engine::bundled().map_err(|e| e.to_string())?;
        load_casus(engine, "link", &text).map_err(|e| e.to_string())
    })())
}

impl OefenState {
    fn initial(embedding: &Embedding) -> OefenState {
        let progress_key = embedding.storage_key(progress::STORAGE_NAME);
        let (progress, stored_message) = progress::load(progress_key.as_deref());
        let loaded = Engine::bundled()
            .map_err(|e| e.to_string())
            .and_then(|e| bundled_leerpad(e).map_err(|e| e.to_string()));
        let (mut leerpad_id, mut leerpad_title, mut casussen, mut message) = match loaded {
            Ok(lp) => (lp.id, lp.title, lp.casussen, stored_message),
            Err(e) => (String::new(), String::new(), Vec::new(), Some(e)),
        };
        match casus_from_url().filter(|_| embedding.owns_fragment) {
            Some(Ok(casus)) => {
                leerpad_id = format!("eigen:{}", casus.id);
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
        // Start at the first casus not yet done.
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
            step: 0,
            progress,
            progress_key,
            message,
        }
    }

    fn casus(&self) -> Option<&Casus> {
        self.casussen.get(self.current)
    }

    /// One step on the projector: story → questions → outcome → next casus, and back.
    fn step(self: Rc<Self>, forward: bool) -> Rc<OefenState> {
        let revealed = self.grading.is_some();
        let action = match (forward, revealed, self.step) {
            (true, true, _) if self.current + 1 < self.casussen.len() => {
                OefenAction::Go(self.current + 1)
            }
            (true, true, _) => return self,
            (true, false, STORY) => {
                let mut next = (*self).clone();
                next.step = QUESTIONS;
                return Rc::new(next);
            }
            (true, false, _) => OefenAction::Reveal,
            (false, true, _) => OefenAction::Retry,
            (false, false, QUESTIONS) => {
                let mut next = (*self).clone();
                next.step = STORY;
                return Rc::new(next);
            }
            (false, false, _) if self.current > 0 => OefenAction::Go(self.current - 1),
            (false, false, _) => return self,
        };
        self.reduce(action)
    }
}

const STORY: u8 = 0;
const QUESTIONS: u8 = 1;

impl Reducible for OefenState {
    type Action = OefenAction;

    fn reduce(self: Rc<Self>, action: OefenAction) -> Rc<OefenState> {
        let mut next = (*self).clone();
        match action {
            OefenAction::Go(i) => {
                if i < next.casussen.len() {
                    next.current = i;
                    next.step = STORY;
                    next.given = blank(next.casussen.get(i));
                    next.grading = None;
                    next.show_hints = false;
                }
            }
            OefenAction::Set(q, a) => {
                if let Some(slot) = next.given.get_mut(q) {
                    *slot = a;
                }
            }
            OefenAction::Toggle(q, id, on) => {
                if let Some(slot) = next.given.get_mut(q) {
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
            OefenAction::Reveal => {
                let Some(casus) = next.casus().cloned() else {
                    return self;
                };
                match route(&casus)
                    .and_then(|o| expected_from_outcome(&casus, &o).map_err(|e| e.to_string()))
                {
                    Ok(expected) => {
                        let g = grade(
                            &Answers {
                                answers: next.given.clone(),
                            },
                            &expected,
                        );
                        next.progress
                            .done
                            .entry(next.leerpad_id.clone())
                            .or_default()
                            .insert(
                                casus.id.clone(),
                                Score {
                                    right: g.right,
                                    total: g.total,
                                },
                            );
                        if let Err(e) = progress::save(next.progress_key.as_deref(), &next.progress)
                        {
                            next.message = Some(format!("Uw voortgang is niet opgeslagen: {e}."));
                        }
                        next.grading = Some(g);
                    }
                    Err(e) => next.message = Some(e),
                }
            }
            OefenAction::Retry => {
                next.given = blank(next.casus());
                next.grading = None;
                next.step = QUESTIONS;
            }
            OefenAction::Step(forward) => return self.step(forward),
            OefenAction::Hints => next.show_hints = !next.show_hints,
            OefenAction::Present => next.present = !next.present,
            OefenAction::Open(casus) => {
                next.leerpad_id = format!("eigen:{}", casus.id);
                next.leerpad_title = casus.title.clone();
                next.given = blank(Some(&casus));
                next.casussen = vec![*casus];
                next.current = 0;
                next.grading = None;
                next.show_hints = false;
                next.message = None;
            }
            OefenAction::OpenLeerpad(lp) => {
                next.leerpad_id = format!("eigen:{}", lp.id);
                next.leerpad_title = lp.title;
                next.casussen = lp.casussen;
                next.current = 0;
                next.given = blank(next.casussen.first());
                next.grading = None;
                next.show_hints = false;
                next.message = None;
            }
            OefenAction::Message(m) => next.message = Some(m),
            OefenAction::Dismiss => next.message = None,
        }
        Rc::new(next)
    }
}

/// A file read from the file picker: its name and its text (or why it could not be read).
type ReadFile = (String, Result<String, String>);

/// Opened files → one casus, or the leerpad among them with the others as its casus files.
fn open_files(files: &[ReadFile]) -> Result<OefenAction, String> {
    let engine = Engine::bundled().map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    for (name, text) in files {
        texts.push((name.as_str(), text.as_deref().map_err(|e| e.clone())?));
    }
    let leerpad = texts
        .iter()
        .find(|(_, t)| t.contains(oefenen::LEERPAD_FORMAT))
        .copied();
    match (leerpad, texts.as_slice()) {
        (Some((name, text)), _) => oefenen::load_leerpad(engine, name, text, &texts)
            .map(|lp| OefenAction::OpenLeerpad(Box::new(lp)))
            .map_err(|e| e.to_string()),
        (None, [(name, text)]) => load_casus(engine, name, text)
            .map(|c| OefenAction::Open(Box::new(c)))
            .map_err(|e| e.to_string()),
        (None, _) => {
            Err("kies één casusbestand, of een leerpad met zijn casusbestanden".to_string())
        }
    }
}

fn ask_text(ask: Ask, lang: Lang) -> &'static str {
    match ask {
        Ask::BevoegdGezag => lang.t(
            "Welk bevoegd gezag krijgt het verzoek?",
            "Which bevoegd gezag receives the verzoek?",
        ),
        Ask::Behandeldienst => lang.t(
            "Welke behandeldienst krijgt het verzoek?",
            "Which behandeldienst receives the verzoek?",
        ),
        Ask::Triggers => lang.t("Hoeveel triggers gaan er uit?", "How many triggers go out?"),
        Ask::Verzoeken => lang.t(
            "Hoeveel verzoeken maakt het DSO?",
            "How many verzoeken does the DSO make?",
        ),
        Ask::BuitenBeeld => lang.t(
            "Wie blijft buiten beeld (adviseur of ingestelde behandeldienst zonder trigger)?",
            "Who misses out (adviseur or configured behandeldienst without a trigger)?",
        ),
        Ask::BevoegdGezagNaOntvangst => lang.t(
            "Welk bevoegd gezag heeft het verzoek na de wijzigingen?",
            "Which bevoegd gezag has the verzoek after the changes?",
        ),
        Ask::BehandeldienstNaOntvangst => lang.t(
            "Welke behandeldienst heeft het verzoek na de wijzigingen?",
            "Which behandeldienst has the verzoek after the changes?",
        ),
    }
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

#[derive(Properties, PartialEq)]
pub struct OefenenProps {
    pub lang: Lang,
    /// The explainer's current scenario, for a trainer to turn into a casus.
    #[prop_or_default]
    pub scenario: Option<serde_json::Value>,
}

/// Offers `value` as a JSON file download.
fn download(value: &serde_json::Value, name: &str) -> Result<(), String> {
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    super::scenario_io::offer_file(name, "application/json", &json)
}

#[function_component(Oefenen)]
pub fn oefenen_view(props: &OefenenProps) -> Html {
    let lang = props.lang;
    let embedding = use_context::<Rc<Embedding>>().unwrap_or_default();
    let state = use_reducer(move || OefenState::initial(&embedding));
    let reader = use_mut_ref(|| None::<Vec<FileReader>>);

    let onopen = {
        let state = state.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(list) = input.files() else {
                return;
            };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            if files.is_empty() {
                return;
            }
            if let Some(big) = files.iter().find(|f| f.size() > MAX_FILE_BYTES) {
                state.dispatch(OefenAction::Message(format!(
                    "{}: het bestand is te groot (maximaal 256 kB). Uw voortgang is behouden.",
                    big.name()
                )));
                return;
            }
            // Read every file, then: one casus, or a leerpad with its casus files.
            let total = files.len();
            let texts: Rc<std::cell::RefCell<Vec<ReadFile>>> = Rc::default();
            let mut tasks = Vec::new();
            for file in files {
                let name = file.name();
                let state = state.clone();
                let texts = texts.clone();
                tasks.push(gloo_file::callbacks::read_as_bytes(
                    &file.into(),
                    move |result| {
                        let text = result.map_err(|e| e.to_string()).and_then(|bytes| {
                            crate::domain::text_from_bytes(&bytes)
                                .map(str::to_string)
                                .map_err(|e| format!("{name}: {e}"))
                        });
                        let done = {
                            let mut t = texts.borrow_mut();
                            t.push((name, text));
                            t.len() == total
                        };
                        if done {
                            let all = texts.borrow().clone();
                            state.dispatch(match open_files(&all) {
                                Ok(action) => action,
                                Err(m) => OefenAction::Message(format!(
                                    "{m}. Uw voortgang en de huidige casus zijn behouden."
                                )),
                            });
                        }
                    },
                ));
            }
            *reader.borrow_mut() = Some(tasks);
        })
    };

    // Keyboard: Page Down / → next, Page Up / ← previous (not while typing): a casus at a
    // time, or on the projector a step at a time (what a presenter's clicker sends).
    {
        let state = state.clone();
        use_effect_with(
            (state.current, state.casussen.len(), state.present),
            move |&(current, len, present)| {
                let listener =
                    gloo_events::EventListener::new(&gloo_utils::document(), "keydown", move |e| {
                        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e)
                        else {
                            return;
                        };
                        let typing = e
                            .target()
                            .and_then(|t| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()
                            })
                            .is_some_and(|el| {
                                matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                            });
                        if typing {
                            return;
                        }
                        match e.key().as_str() {
                            "PageDown" | "ArrowRight" if present => {
                                state.dispatch(OefenAction::Step(true))
                            }
                            "PageUp" | "ArrowLeft" if present => {
                                state.dispatch(OefenAction::Step(false))
                            }
                            "PageDown" | "ArrowRight" if current + 1 < len => {
                                state.dispatch(OefenAction::Go(current + 1))
                            }
                            "PageUp" | "ArrowLeft" if current > 0 => {
                                state.dispatch(OefenAction::Go(current - 1))
                            }
                            _ => {}
                        }
                    });
                move || drop(listener)
            },
        );
    }

    let done = state
        .progress
        .done
        .get(&state.leerpad_id)
        .cloned()
        .unwrap_or_default();
    let message = state.message.clone().map(|m| {
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(OefenAction::Dismiss))
        };
        html! {
            <div class="rw-notice" role="alert">
                <p>{ m }</p>
                <button type="button" class="rw-button" onclick={dismiss}>{ lang.t("Sluiten", "Close") }</button>
            </div>
        }
    });

    let trainer_title = use_state(String::new);
    let trainer_story = use_state(String::new);
    let trainer = {
        let on_title = keep_value::<InputEvent>(&trainer_title);
        let on_story = keep_value::<InputEvent>(&trainer_story);
        let on_make = {
            let state = state.clone();
            let scenario = props.scenario.clone();
            let title = (*trainer_title).clone();
            let story = (*trainer_story).clone();
            Callback::from(move |_| {
                let made = scenario
                    .as_ref()
                    .ok_or_else(|| {
                        "kies eerst een locatie en activiteiten in de verklaarder".to_string()
                    })
                    .and_then(|sc| {
                        let engine = Engine::bundled().map_err(|e| e.to_string())?;
                        let title = if title.trim().is_empty() {
                            "Eigen casus"
                        } else {
                            title.trim()
                        };
                        let story = if story.trim().is_empty() {
                            "(nog geen verhaal)"
                        } else {
                            story.trim()
                        };
                        oefenen::draft_casus(engine, sc, title, story).map_err(|e| e.to_string())
                    });
                match made {
                    Ok(c) => state.dispatch(OefenAction::Open(Box::new(c))),
                    Err(m) => state.dispatch(OefenAction::Message(format!(
                        "{m}. Uw voortgang is behouden."
                    ))),
                }
            })
        };
        let on_download = {
            let state = state.clone();
            Callback::from(move |_| {
                if let Some(c) = state.casus() {
                    if let Err(m) = download(&oefenen::casus_to_json(c), &format!("{}.json", c.id))
                    {
                        state.dispatch(OefenAction::Message(m));
                    }
                }
            })
        };
        let on_download_leerpad = {
            let state = state.clone();
            Callback::from(move |_| {
                let id = state.leerpad_id.trim_start_matches("eigen:").to_string();
                let leerpad = oefenen::Leerpad {
                    id: id.clone(),
                    title: state.leerpad_title.clone(),
                    description: None,
                    casussen: state.casussen.clone(),
                };
                let file = format!("{id}.leerpad.json");
                if let Err(m) = download(&oefenen::leerpad_to_json(&leerpad), &file) {
                    state.dispatch(OefenAction::Message(m));
                }
            })
        };
        html! {
            <details class="rw-oef-trainer">
                <summary>{ lang.t("Voor trainers", "For trainers") }</summary>
                <div class="rw-field">
                    <label for="rw-oef-title">{ lang.t("Titel van de nieuwe casus", "Title of the new casus") }</label>
                    <input id="rw-oef-title" type="text" value={(*trainer_title).clone()} oninput={on_title} />
                </div>
                <div class="rw-field">
                    <label for="rw-oef-story">{ lang.t("Verhaal", "Story") }</label>
                    <textarea id="rw-oef-story" value={(*trainer_story).clone()} oninput={on_story} />
                </div>
                <button type="button" class="rw-button" onclick={on_make}>
                    { lang.t("Maak casus van de verklaarder", "Make a casus from the explainer") }
                </button>
                <button type="button" class="rw-button" onclick={on_download}>
                    { lang.t("Download deze casus", "Download this casus") }
                </button>
                <button type="button" class="rw-button" onclick={on_download_leerpad}>
                    { lang.t("Download het hele leerpad (één bestand)", "Download the whole leerpad (one file)") }
                </button>
            </details>
        }
    };

    let path = html! {
        <nav class="rw-oef-path" aria-label={lang.t("Casussen in het leerpad", "Casussen in the leerpad")}>
            <h2 id="rw-h-oefenen">{ &state.leerpad_title }</h2>
            <ol>
                { for state.casussen.iter().enumerate().map(|(i, c)| {
                    let go = { let state = state.clone(); Callback::from(move |_| state.dispatch(OefenAction::Go(i))) };
                    let mark = done.get(&c.id).map(|s| format!(" — {}/{} {}", s.right, s.total, lang.t("goed", "right")));
                    html! {
                        <li>
                            <button type="button" class="rw-oef-link" onclick={go}
                                aria-current={(i == state.current).then_some("step")}>
                                { c.texts(lang == Lang::En).title }
                            </button>
                            if let Some(m) = mark { <span class="rw-oef-done">{ m }</span> }
                        </li>
                    }
                }) }
            </ol>
            <div class="rw-file-actions">
                <button type="button" class="rw-button" aria-pressed={state.present.to_string()}
                    onclick={{ let state = state.clone(); move |_| state.dispatch(OefenAction::Present) }}>
                    { lang.t("Presentatiemodus", "Presentation mode") }
                </button>
                <label class="rw-button rw-file-label" for="rw-oef-open">{ lang.t("Open casus…", "Open casus…") }</label>
                <input id="rw-oef-open" class="rw-file-input" type="file" multiple=true accept=".json,application/json" onchange={onopen} />
            </div>
            { trainer }
        </nav>
    };

    let Some(casus) = state.casus().cloned() else {
        return html! { <section class="rw-oefenen">{ message }{ path }</section> };
    };
    let outcome = route(&casus);
    // The trainee reads the casus in the app's language when the casus has it.
    let texts = casus.texts(lang == Lang::En);
    let names: Vec<Named> = match (Engine::bundled(), outcome.as_ref()) {
        (Ok(engine), Ok(o)) => choices(engine, o),
        _ => Vec::new(),
    };
    let revealed = state.grading.clone();

    let questions = casus.questions.iter().enumerate().map(|(qi, q)| {
        let id = format!("rw-oef-q{qi}");
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
            Ask::BevoegdGezag | Ask::BevoegdGezagNaOntvangst | Ask::Behandeldienst | Ask::BehandeldienstNaOntvangst => {
                let with_none = matches!(q.ask, Ask::Behandeldienst | Ask::BehandeldienstNaOntvangst);
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
                    <select id={id.clone()} {onchange} {disabled}>
                        <option value="" selected={given.is_none()}>{ lang.t("— kies —", "— choose —") }</option>
                        if with_none {
                            <option value="-" selected={given == Some(Answer::Org(None))}>{ lang.t("geen behandeldienst", "no behandeldienst") }</option>
                        }
                        { for names.iter().map(|n| html! {
                            <option value={n.id.clone()} selected={given == Some(Answer::Org(Some(n.id.clone())))}>{ &n.name }</option>
                        }) }
                    </select>
                }
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
                let value = match &given { Some(Answer::Count(n)) => n.to_string(), _ => String::new() };
                html! { <input id={id.clone()} type="number" min="0" max="99" inputmode="numeric" {value} {oninput} {disabled} /> }
            }
            Ask::BuitenBeeld => {
                let set = match &given { Some(Answer::Ids(s)) => s.clone(), _ => BTreeSet::new() };
                html! {
                    <fieldset id={id.clone()} class="rw-oef-checks">
                        <legend>{ &label }</legend>
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
        };
        let part = revealed.as_ref().and_then(|g| g.parts.get(qi)).map(|p| {
            let (class, icon, word) = if p.right {
                ("rw-oef-mark rw-oef-right", "✔", lang.t("Goed", "Right"))
            } else {
                ("rw-oef-mark rw-oef-wrong", "✘", lang.t("Fout", "Wrong"))
            };
            html! {
                <p class={class}>
                    <span aria-hidden="true">{ icon }</span>{ " " }<strong>{ word }</strong>
                    { format!(" — {}: {}; {}: {}",
                        lang.t("uw antwoord", "your answer"), show(p.given.as_ref(), &names, lang),
                        lang.t("juist", "correct"), show(p.expected.as_ref(), &names, lang)) }
                </p>
            }
        });
        html! {
            <div class="rw-field rw-oef-question">
                if q.ask != Ask::BuitenBeeld {
                    <label for={id.clone()}>{ label.clone() }</label>
                }
                { input }
                { for part }
            </div>
        }
    });

    let onsubmit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(OefenAction::Reveal);
        })
    };
    let onretry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Retry))
    };
    let onhints = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Hints))
    };
    let next_index = state.current + 1;
    let onnext = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Go(next_index)))
    };
    let has_next = next_index < state.casussen.len();

    let reveal = match (&revealed, &outcome) {
        (Some(g), Ok(o)) => {
            let text = fill_explanation(&texts.explanation, o).unwrap_or_default();
            let rules = Rules::bundled();
            let findings: Vec<_> = o
                .verzoeken
                .iter()
                .flat_map(|v| v.findings.iter())
                .chain(o.findings.iter())
                .chain(o.timeline.iter().flat_map(|s| s.findings.iter()))
                .collect();
            html! {
                <section class="rw-oef-reveal" aria-labelledby="rw-h-oef-reveal">
                    <h3 id="rw-h-oef-reveal">{ format!("{}: {} / {}", lang.t("Uitkomst", "Outcome"), g.right, g.total) }</h3>
                    <p class="rw-oef-explanation">{ text }</p>
                    <ul class="rw-oef-verzoeken">
                        { for o.verzoeken.iter().map(|v| html! {
                            <li>{ format!("{} ({}): {} {}, {} {}, {} trigger(s)",
                                v.verzoektype.as_str(), v.activities.join(", "),
                                lang.t("bevoegd gezag", "bevoegd gezag"), v.bevoegd_gezag.name,
                                lang.t("behandeldienst", "behandeldienst"),
                                v.behandeldienst.as_ref().map_or(lang.t("geen", "none").to_string(), |b| b.name.clone()),
                                v.triggers) }</li>
                        }) }
                    </ul>
                    if !findings.is_empty() {
                        <h4>{ lang.t("Waarom: regels en bronnen", "Why: rules and sources") }</h4>
                        <ul class="rw-oef-rules">
                            { for findings.iter().map(|f| {
                                let rule = rules.get(&f.rule);
                                let mark = rule.map(|r| format!(" · {}", rule_texts::mark_label(rules, r, lang))).unwrap_or_default();
                                html! {
                                    <li>
                                        <p>{ &f.text }</p>
                                        <p class="rw-oef-source">{ format!("{} {}{mark}", lang.t("Regel", "Rule"), f.rule) }</p>
                                        if let Some(r) = rule { { rule_texts::source_list(rules, r, lang) } }
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <div class="rw-file-actions">
                        <button type="button" class="rw-button" onclick={onretry}>{ lang.t("Opnieuw", "Try again") }</button>
                        if has_next {
                            <button type="button" class="rw-button" onclick={onnext}>{ lang.t("Volgende casus", "Next casus") }</button>
                        }
                    </div>
                </section>
            }
        }
        (_, Err(e)) => html! { <p class="rw-notice" role="alert">{ e.clone() }</p> },
        _ => html! {},
    };

    let story_only = state.present && state.step == STORY && revealed.is_none();
    let step_label = match (revealed.is_some(), state.step) {
        (true, _) => lang.t("Stap 3 van 3: de uitkomst", "Step 3 of 3: the outcome"),
        (false, STORY) => lang.t("Stap 1 van 3: het verhaal", "Step 1 of 3: the story"),
        (false, _) => lang.t("Stap 2 van 3: de vragen", "Step 2 of 3: the questions"),
    };
    let step = |forward: bool| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(OefenAction::Step(forward)))
    };
    let section_class = classes!("rw-oefenen", state.present.then_some("rw-oef-present"));
    html! {
        <section class={section_class}>
            { for message }
            { path }
            <article class="rw-panel rw-oef-casus" aria-labelledby="rw-h-casus">
                <h3 id="rw-h-casus">{ format!("{} {}: {}", lang.t("Casus", "Casus"), state.current + 1, texts.title) }</h3>
                <p class="rw-oef-story">{ &texts.story }</p>
                if !texts.hints.is_empty() {
                    <button type="button" class="rw-button" onclick={onhints} aria-expanded={state.show_hints.to_string()}>
                        { lang.t("Hints", "Hints") }
                    </button>
                    if state.show_hints {
                        <ul class="rw-oef-hints">{ for texts.hints.iter().map(|h| html! { <li>{ h }</li> }) }</ul>
                    }
                }
                <form class="rw-oef-form" {onsubmit} hidden={story_only}>
                    { for questions }
                    if revealed.is_none() {
                        <button type="submit" class="rw-button rw-oef-submit">{ lang.t("Toon de uitkomst", "Reveal the outcome") }</button>
                    }
                </form>
                { reveal }
                if state.present {
                    <div class="rw-file-actions rw-oef-steps">
                        <button type="button" class="rw-button" onclick={step(false)}>{ lang.t("← Vorige stap", "← Previous step") }</button>
                        <p class="rw-oef-step" aria-live="polite">{ step_label }</p>
                        <button type="button" class="rw-button" onclick={step(true)}>{ lang.t("Volgende stap →", "Next step →") }</button>
                    </div>
                }
            </article>
        </section>
    }
}
