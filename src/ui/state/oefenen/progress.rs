//! Progress through a leerpad, kept in localStorage under a versioned key (the Oefenen
//! page reads and writes it). Corrupt or future-version data is ignored with a message;
//! nothing here can fail the app.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

impl Progress {
    pub fn fresh() -> Progress {
        Progress {
            version: VERSION,
            done: BTreeMap::new(),
        }
    }

    /// The stored text as progress, or what is wrong with it (for the report that says where
    /// it was set aside, `ui::storage`, so the next save loses nothing).
    pub fn from_text(text: &str) -> Result<Progress, &'static str> {
        // Raw text, not gloo's JSON-in-JSON, so the entry is plain JSON anyone can read.
        let value = crate::domain::strict_json::parse(text).ok();
        let version = value
            .as_ref()
            .and_then(|v| v.get("version"))
            .and_then(serde_json::Value::as_u64);
        match version {
            Some(v) if v != u64::from(VERSION) => {
                Err("het komt van een andere versie van Routewijzer")
            }
            _ => value
                .and_then(|v| serde_json::from_value::<Progress>(v).ok())
                .ok_or("het is beschadigd"),
        }
    }
}
