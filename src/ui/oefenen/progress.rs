//! Progress through a leerpad, kept in localStorage under a versioned key. Corrupt or
//! future-version data is ignored with a message; nothing here can fail the app.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ui::storage;

/// The key's last part; the instance's prefix comes first (`routewijzer.v1.oefenen`).
pub const STORAGE_NAME: &str = "oefenen";
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

/// The stored progress, or a fresh one with a message saying why the stored one was set
/// aside (under `<key>.beschadigd`, so the next save loses nothing).
pub fn load(key: Option<&str>) -> (Progress, Option<String>) {
    let fresh = Progress {
        version: VERSION,
        done: BTreeMap::new(),
    };
    // Raw text, not gloo's JSON-in-JSON, so the entry is plain JSON anyone can read.
    // Nothing stored yet, storage blocked, or an embedded instance without storage.
    let Some(key) = key else {
        return (fresh, None);
    };
    let Some(text) = storage::read(key) else {
        return (fresh, None);
    };
    let value = crate::domain::strict_json::parse(&text).ok();
    let version = value
        .as_ref()
        .and_then(|v| v.get("version"))
        .and_then(serde_json::Value::as_u64);
    let problem = match version {
        Some(v) if v != u64::from(VERSION) => "komt van een andere versie van Routewijzer",
        _ => match value.and_then(|v| serde_json::from_value::<Progress>(v).ok()) {
            Some(progress) => return (progress, None),
            None => "is beschadigd",
        },
    };
    let kept = storage::set_aside(key).map_or(String::new(), |aside| {
        format!(" Het oude gegeven is bewaard als '{aside}'.")
    });
    (
        fresh,
        Some(format!(
            "De opgeslagen oefenvoortgang {problem} en wordt niet gebruikt.{kept}"
        )),
    )
}

/// Stores the progress; the error says why it will not survive a reload.
pub fn save(key: Option<&str>, progress: &Progress) -> Result<(), String> {
    let (Some(key), Ok(text)) = (key, serde_json::to_string(progress)) else {
        return Ok(());
    };
    storage::write(key, &text)
}
