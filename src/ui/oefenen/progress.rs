//! Progress through a leerpad, kept in localStorage under a versioned key. Corrupt or
//! future-version data is ignored with a message; nothing here can fail the app.

use std::collections::BTreeMap;

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "routewijzer.v1.oefenen";
pub const VERSION: u32 = 1;

/// One casus answered: how many parts were right out of how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub right: usize,
    pub total: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Per leerpad id, per casus id.
    pub done: BTreeMap<String, BTreeMap<String, Score>>,
}

/// The stored progress, or a fresh one with a message saying why the stored one was ignored.
pub fn load() -> (Progress, Option<String>) {
    let fresh = Progress {
        version: VERSION,
        done: BTreeMap::new(),
    };
    // Raw text, not gloo's JSON-in-JSON, so the entry is plain JSON anyone can read.
    let Some(text) = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten() else {
        // Nothing stored yet (or storage blocked): start fresh, silently.
        return (fresh, None);
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => {
            return (
                fresh,
                Some("De opgeslagen oefenvoortgang is beschadigd en is genegeerd.".to_string()),
            )
        }
    };
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(VERSION)) {
        return (
            fresh,
            Some(
                "De opgeslagen oefenvoortgang komt van een andere versie van Routewijzer en is genegeerd."
                    .to_string(),
            ),
        );
    }
    match serde_json::from_value::<Progress>(value) {
        Ok(p) => (p, None),
        Err(_) => (
            fresh,
            Some("De opgeslagen oefenvoortgang is beschadigd en is genegeerd.".to_string()),
        ),
    }
}

/// Stores the progress; a full or blocked storage only costs the reload.
pub fn save(progress: &Progress) {
    if let Ok(text) = serde_json::to_string(progress) {
        let _ = LocalStorage::raw().set_item(STORAGE_KEY, &text);
    }
}
