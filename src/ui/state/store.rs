//! The user's configurations: drafts with undo/redo, kept in localStorage as a versioned
//! envelope (the hook `use_config_store` reads and writes it; this reducer does no IO). A
//! store this version cannot read is reported and copied aside, never wiped (`ui::storage`). Another tab's
//! save is never overwritten unseen: this tab stops saving and asks which version to keep.
//! Part of the start build too: the explainer lists these configurations.

// The editing half serves the Configuratie view, which only the full build has.
#![cfg_attr(not(feature = "views"), allow(dead_code))]

use std::rc::Rc;

use serde_json::{json, Value};

use crate::domain::configuration::draft::Draft;

/// The key's last part, after the instance's prefix (`routewijzer.v1.configuraties`).
pub const STORAGE_NAME: &str = "configuraties";
/// The explainer's default configuration (a scenario or link that names one keeps its own),
/// and the one the Configuratie view shows first.
pub const BUNDLED: &str = "voorbeeld-nederland";
const VERSION: u64 = 1;
/// Undo steps kept.
const MAX_UNDO: usize = 100;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Store {
    /// Each draft shared: an undo step, a copy of the store and a view's props hold the
    /// same draft instead of copying it (a draft can have thousands of entries).
    pub drafts: Vec<Rc<Draft>>,
    /// The configuration shown: a user draft id, or `None` for a bundled one.
    pub selected: Option<String>,
    /// The bundled configuration shown when no user draft is (by name); `None`: the one the
    /// explainer uses, or [`BUNDLED`].
    pub bundled: Option<String>,
    undo: Vec<Vec<Rc<Draft>>>,
    redo: Vec<Vec<Rc<Draft>>>,
    /// (draft id, entry, field) of the last edit, so typing in one field is one undo step.
    last_edit: Option<(String, usize, &'static str)>,
    pub notice: Option<String>,
    /// Where this instance keeps them; `None`: an embedded instance that stores nothing.
    key: Option<String>,
    /// Another tab saved a different version: (its drafts, or why they cannot be read).
    /// Until the user chooses, this tab does not save.
    pub conflict: Option<Result<Vec<Draft>, String>>,
}

/// The edits come from the Configuratie view, and another tab's save matters only to a tab
/// that saves: only the full build has them (a smaller first load, docs/performance.md).
pub enum StoreAction {
    #[cfg(feature = "views")]
    Select(Option<String>),
    /// Show a bundled configuration (by name).
    #[cfg(feature = "views")]
    SelectBundled(String),
    /// A new draft (copy, empty or import), selected at once.
    #[cfg(feature = "views")]
    Add(Draft),
    /// A changed draft (same id); the key joins keystrokes in one field into one undo step.
    #[cfg(feature = "views")]
    Update(Draft, Option<(usize, &'static str)>),
    #[cfg(feature = "views")]
    Remove(String),
    #[cfg(feature = "views")]
    Undo,
    #[cfg(feature = "views")]
    Redo,
    Notify(Option<String>),
    /// Another tab wrote this text under our key.
    #[cfg(feature = "views")]
    External(String),
    /// Resolve a conflict: take the other tab's version (true) or keep ours (false).
    #[cfg(feature = "views")]
    Resolve(bool),
}

impl Store {
    /// The store saved under `key` as `text` (`None`: nothing saved yet), or why that text
    /// cannot be read.
    pub fn from_text(key: Option<String>, text: Option<&str>) -> Result<Store, String> {
        let drafts = match text {
            Some(text) => parse(text)?,
            None => Vec::new(),
        };
        Ok(Store {
            key,
            drafts: drafts.into_iter().map(Rc::new).collect(),
            ..Store::default()
        })
    }

    /// The text this store saves.
    pub fn text(&self) -> String {
        json!({
            "version": VERSION,
            "configuraties": self.drafts.iter().map(|d| d.to_value()).collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// Where to save now: the key, unless there is none or another tab's version waits for
    /// the user's choice.
    pub fn save_key(&self) -> Option<&str> {
        match (&self.key, &self.conflict) {
            (Some(key), None) => Some(key),
            _ => None,
        }
    }

    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    pub fn draft(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id).map(|d| &**d)
    }

    pub fn selected_draft(&self) -> Option<&Draft> {
        self.selected.as_deref().and_then(|id| self.draft(id))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn remember(&mut self) {
        self.undo.push(self.drafts.clone());
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

/// What is stored under a key: JSON text with a `version` this Routewijzer knows
/// (`version`), read strictly; or why it cannot be read. Shared by every stored envelope.
pub(crate) fn envelope(text: &str, version: u64) -> Result<Value, String> {
    let value = crate::domain::strict_json::parse(text).map_err(|e| e.to_string())?;
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == version => Ok(value),
        Some(v) => Err(format!(
            "versie {v}, deze Routewijzer kent versie {version}"
        )),
        None => Err("geen versienummer".into()),
    }
}

fn parse(text: &str) -> Result<Vec<Draft>, String> {
    let value = envelope(text, VERSION)?;
    value
        .get("configuraties")
        .and_then(Value::as_array)
        .ok_or("geen lijst 'configuraties'")?
        .iter()
        .enumerate()
        .map(|(i, d)| {
            Draft::from_value(d).ok_or_else(|| format!("configuraties[{i}] is beschadigd"))
        })
        .collect()
}

impl Store {
    pub fn reduce(self, action: StoreAction) -> Store {
        let mut next = self;
        #[cfg_attr(not(feature = "views"), allow(unused_mut))]
        let mut edit = None;
        match action {
            #[cfg(feature = "views")]
            StoreAction::Select(id) => next.selected = id,
            #[cfg(feature = "views")]
            StoreAction::SelectBundled(name) => {
                next.selected = None;
                next.bundled = Some(name);
            }
            #[cfg(feature = "views")]
            StoreAction::Add(draft) => {
                next.remember();
                next.selected = Some(draft.id.clone());
                next.drafts.push(Rc::new(draft));
            }
            #[cfg(feature = "views")]
            StoreAction::Update(draft, key) => {
                let key = key.map(|(i, f)| (draft.id.clone(), i, f));
                if key.is_none() || key != next.last_edit {
                    next.remember();
                }
                edit = key;
                if let Some(slot) = next.drafts.iter_mut().find(|d| d.id == draft.id) {
                    *slot = Rc::new(draft);
                }
            }
            #[cfg(feature = "views")]
            StoreAction::Remove(id) => {
                next.remember();
                next.drafts.retain(|d| d.id != id);
                next.selected = None;
            }
            #[cfg(feature = "views")]
            StoreAction::Undo => {
                if let Some(previous) = next.undo.pop() {
                    next.redo
                        .push(std::mem::replace(&mut next.drafts, previous));
                }
            }
            #[cfg(feature = "views")]
            StoreAction::Redo => {
                if let Some(later) = next.redo.pop() {
                    next.undo.push(std::mem::replace(&mut next.drafts, later));
                }
            }
            StoreAction::Notify(text) => next.notice = text,
            #[cfg(feature = "views")]
            StoreAction::External(text) => {
                // Our own last save echoed back, or the same content: nothing to choose.
                if text != next.text() {
                    next.conflict = Some(parse(&text));
                }
            }
            #[cfg(feature = "views")]
            StoreAction::Resolve(take_theirs) => {
                if let (true, Some(Ok(theirs))) = (take_theirs, next.conflict.take()) {
                    next.remember();
                    next.drafts = theirs.into_iter().map(Rc::new).collect();
                }
                next.conflict = None;
            }
        }
        next.last_edit = edit;
        if next
            .selected
            .as_deref()
            .is_some_and(|id| next.draft(id).is_none())
        {
            next.selected = None;
        }
        next
    }
}
