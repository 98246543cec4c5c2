//! The Werkafspraken view's state: the agreement being drafted, kept in localStorage as a
//! versioned envelope like the configurations (`store.rs`). A stored agreement this version
//! cannot read is reported and copied aside by the page's effect, never wiped; an opened
//! file replaces the agreement only when it validates, and the replaced one can be put
//! back. The reducer does no IO and no routing (the page runs the gap engine).

use serde_json::{json, Value};

use crate::domain::werkafspraken::afspraak::Afspraak;
use crate::domain::werkafspraken::{Taakverdeling, Werkafspraak};
use crate::domain::{Assumptions, Engine};

/// The key's last part, after the instance's prefix (`routewijzer.v1.werkafspraken`).
pub const STORAGE_NAME: &str = "werkafspraken";
const VERSION: u64 = 1;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WaState {
    pub agreement: Option<Werkafspraak>,
    /// The agreement a new or opened one replaced, until the user puts it back.
    pub previous: Option<Werkafspraak>,
    pub notice: Option<String>,
}

pub enum WaAction {
    /// A new agreement (from the choices) or one opened from a file (already validated).
    Replace(Box<Werkafspraak>),
    /// Put the replaced agreement back (the current one becomes the replaced one).
    RestorePrevious,
    SetTitle(String),
    SetAssumptions(Assumptions),
    SetDivision(Taakverdeling),
    SetAfspraak(String, Afspraak),
    /// (organisation, checklist item, ticked).
    Tick(String, String, bool),
    Notify(Option<String>),
}

impl WaState {
    /// The state saved as `text`, or why it cannot be read (a message for the user).
    pub fn from_text(engine: &Engine, text: &str) -> Result<WaState, String> {
        let value = super::store::envelope(text, VERSION)?;
        let read = |key: &str| -> Result<Option<Werkafspraak>, String> {
            match value.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => Werkafspraak::from_value(engine, v)
                    .map(Some)
                    .map_err(|e| format!("{key}: {e}")),
            }
        };
        Ok(WaState {
            agreement: read("werkafspraak")?,
            previous: read("vorige")?,
            notice: None,
        })
    }

    /// An empty state with the report of the stored one that could not be read (why, and
    /// where it is now: `ui::storage::report`).
    pub fn unreadable(report: String) -> WaState {
        WaState {
            notice: Some(format!("{report} U begint met een nieuwe.")),
            ..WaState::default()
        }
    }

    /// The text this state saves.
    pub fn text(&self) -> String {
        json!({
            "version": VERSION,
            "werkafspraak": self.agreement.as_ref().map(Werkafspraak::to_value),
            "vorige": self.previous.as_ref().map(Werkafspraak::to_value),
        })
        .to_string()
    }

    pub fn reduce(mut self, action: WaAction) -> WaState {
        if let WaAction::Notify(text) = action {
            self.notice = text;
            return self;
        }
        if let WaAction::Replace(next) = action {
            self.previous = self.agreement.replace(*next);
            self.notice = None;
            return self;
        }
        if let WaAction::RestorePrevious = action {
            if let Some(previous) = self.previous.take() {
                self.previous = self.agreement.replace(previous);
            }
            return self;
        }
        let Some(a) = self.agreement.as_mut() else {
            return self;
        };
        match action {
            WaAction::SetTitle(t) => a.titel = t,
            WaAction::SetAssumptions(x) => a.settings.assumptions = x,
            WaAction::SetDivision(d) => a.taakverdeling = d,
            WaAction::SetAfspraak(gap, afspraak) => {
                if afspraak.is_empty() {
                    a.afspraken.remove(&gap);
                } else {
                    a.afspraken.insert(gap, afspraak);
                }
            }
            WaAction::Tick(org, item, on) => {
                let list = a.aansluiten.entry(org.clone()).or_default();
                list.retain(|x| x != &item);
                if on {
                    list.push(item);
                }
                if list.is_empty() {
                    a.aansluiten.remove(&org);
                }
            }
            WaAction::Replace(_) | WaAction::RestorePrevious | WaAction::Notify(_) => {}
        }
        self
    }
}
