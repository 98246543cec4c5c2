//! The explainer's state, its actions and the reducer (Yew's function_todomvc pattern), in
//! plain Rust: this layer compiles natively too, so `cargo test` runs the reducers
//! (tests/ui_state.rs). The state is the scenario draft plus view settings; the outcome is
//! derived from it (`use_memo` in the shell), never stored. Reducers do no IO: effects
//! (storage, the URL, routing) live in the hooks.

#[cfg(feature = "views")]
pub mod oefenen;
pub mod store;
#[cfg(feature = "views")]
pub mod werkafspraken;

use super::i18n::Lang;
use super::view::View;
use crate::domain::{
    Assumptions, ConfigurationRef, Engine, Location, ScenarioDraft, SelectedActivity, Verzoektype,
};
use crate::geo::Located;

/// A message for the user: something was refused and the previous state kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// The language `text` is in: the app's when it was written, Dutch for the engine's
    /// own messages (shown marked as Dutch in English).
    pub lang: Lang,
}

impl Notice {
    /// A message written in `lang`.
    pub fn new(lang: Lang, text: String) -> Notice {
        Notice { text, lang }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub draft: ScenarioDraft,
    /// Where `draft.location` lies: located once, when the location is set (see [`place`]);
    /// the location card, the map and routing read it.
    pub located: Option<Located>,
    pub lang: Lang,
    /// The view on screen (the explainer stays mounted behind the others).
    pub view: View,
    pub notice: Option<Notice>,
    /// What happened to the stored scenario (set aside, or it could not be): shown with the
    /// notice until the user closes it; a change of the scenario does not clear it.
    pub report: Option<String>,
    /// Why the draft is not kept outside this window, while that lasts (the hooks' report).
    pub not_kept: NotKept,
}

/// Why the explainer's work is not kept outside this window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NotKept {
    /// Not in this browser (storage full or blocked, or an old entry there that could not be
    /// set aside).
    pub storage: Option<String>,
    /// Not in the URL: too long for a link the app can read.
    pub link: Option<String>,
}

impl Default for State {
    fn default() -> State {
        State {
            draft: ScenarioDraft {
                configuration: Some(ConfigurationRef::Bundled(store::BUNDLED.to_string())),
                ..ScenarioDraft::default()
            },
            located: None,
            lang: Lang::Nl,
            view: View::Verklaren,
            notice: None,
            report: None,
            not_kept: NotKept::default(),
        }
    }
}

/// A draft that passed every check, with its location located: ready to load.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub draft: ScenarioDraft,
    pub located: Option<Located>,
}

impl Opened {
    /// A draft whose location, if any, lies in a gemeente (routing's message otherwise).
    pub fn new(engine: &Engine, draft: ScenarioDraft) -> Result<Opened, String> {
        let located = match &draft.location {
            Some(location) => Some(engine.locate(location).map_err(|e| e.to_string())?),
            None => None,
        };
        Ok(Opened { draft, located })
    }

    /// Scenario JSON text (a file, a link, storage) → a draft the engine accepts, located.
    pub fn from_text(engine: &Engine, text: &str) -> Result<Opened, String> {
        Opened::new(engine, draft_from_text(engine, text)?)
    }
}

/// Scenario JSON text → a draft the engine accepts (not yet located), with the engine's
/// message (naming the JSON path) when it does not.
pub fn draft_from_text(engine: &Engine, text: &str) -> Result<ScenarioDraft, String> {
    let value = crate::domain::parse_json_text(text).map_err(|e| e.to_string())?;
    engine.parse_draft(&value).map_err(|e| e.to_string())
}

pub enum Action {
    /// A located place (see [`place`]).
    Place(Location, Box<Located>),
    /// An activity with the verzoektype it starts with (see [`add_activity`]).
    AddActivity(SelectedActivity),
    RemoveActivity(usize),
    SetVerzoektype(usize, Verzoektype),
    SetFlag(usize, String, bool),
    /// A bundled configuration by name, a valid inline one, or none.
    SetConfiguration(Option<ConfigurationRef>),
    SetAssumptions(Assumptions),
    SetLang(Lang),
    SetView(View),
    /// Replace the scenario with one from a file, a link or the speelveld (already checked).
    Load(Box<Opened>),
    Notify(Notice),
    /// Closes the notice and the report.
    DismissNotice,
    /// Why the draft is not in storage (`false`) or in the URL (`true`), or `None`: it is.
    NotKept(bool, Option<String>),
}

/// What placing the request at `location` does: the place, or a notice that it lies
/// outside every gemeente (the previous location stays).
pub fn place(engine: &Engine, location: Location, lang: Lang) -> Action {
    match engine.locate(&location) {
        Ok(located) => Action::Place(location, Box::new(located)),
        Err(_) => Action::Notify(Notice::new(
            lang,
            lang.t(
                "Dit punt ligt buiten elke Nederlandse gemeente (zee, België of Duitsland). \
                 De vorige locatie blijft staan.",
                "This point lies outside every Dutch gemeente (sea, Belgium or Germany). \
                 The previous location stays.",
            )
            .to_string(),
        )),
    }
}

/// Whether `location` is a point in no gemeente polygon while this build has no water areas
/// yet (the start build before it fetched them, `ui::water`): it may lie in a large water.
pub fn water_pending(engine: &Engine, location: &Location) -> bool {
    !matches!(location, Location::Gemeente { .. })
        && !engine.geography().has_water()
        && engine.locate(location).is_err()
}

/// Adding an activity: with the first verzoektype the catalogue allows for it.
pub fn add_activity(engine: &Engine, id: &str) -> Option<Action> {
    let activity = engine.catalogue.activity(id)?;
    Some(Action::AddActivity(SelectedActivity::new(
        activity.id.clone(),
        *activity.verzoektypes.first()?,
    )))
}

/// Six decimals (about 0.1 m) keep the URL short without moving the point.
pub fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

impl State {
    pub fn reduce(mut self, action: Action) -> State {
        let before = self.draft.clone();
        let draft = &mut self.draft;
        match action {
            Action::Place(location, located) => {
                draft.location = Some(location);
                self.located = Some(*located);
            }
            Action::AddActivity(chosen) => draft.activities.push(chosen),
            Action::RemoveActivity(index) => {
                if index < draft.activities.len() {
                    draft.activities.remove(index);
                }
            }
            Action::SetVerzoektype(index, v) => {
                if let Some(chosen) = draft.activities.get_mut(index) {
                    chosen.verzoektype = v;
                }
            }
            Action::SetFlag(index, flag, on) => {
                if let Some(chosen) = draft.activities.get_mut(index) {
                    chosen.flags.retain(|f| f != &flag);
                    if on {
                        chosen.flags.push(flag);
                    }
                }
            }
            Action::SetConfiguration(configuration) => draft.configuration = configuration,
            Action::SetAssumptions(assumptions) => draft.assumptions = assumptions,
            Action::SetLang(lang) => self.lang = lang,
            Action::SetView(view) => self.view = view,
            Action::Load(opened) => {
                self.draft = opened.draft;
                self.located = opened.located;
                self.notice = None;
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::NotKept(in_url, why) => {
                let slot = if in_url {
                    &mut self.not_kept.link
                } else {
                    &mut self.not_kept.storage
                };
                *slot = why;
            }
            Action::DismissNotice => {
                self.notice = None;
                self.report = None;
            }
        }
        // A successful change of the scenario clears an old complaint.
        if self.draft != before {
            self.notice = None;
        }
        self
    }

    /// What the shell shows, in order: the notice, the report, then `more` (the configuration
    /// store's); the report and the store's messages are Dutch.
    pub fn shown_notices(&self, more: Option<&str>) -> Vec<Notice> {
        let dutch = [self.report.as_deref(), more].into_iter().flatten();
        let dutch = dutch.map(|text| Notice::new(Lang::Nl, text.to_string()));
        self.notice.iter().cloned().chain(dutch).collect()
    }

    /// The user configuration (by id) the explainer's inline configuration came from.
    pub fn inline_id(&self) -> Option<&str> {
        match &self.draft.configuration {
            Some(ConfigurationRef::Inline(c)) => c.id.as_deref(),
            _ => None,
        }
    }
}
