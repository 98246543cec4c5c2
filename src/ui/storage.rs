//! localStorage as plain JSON text per key. Nothing stored is ever silently destroyed:
//! - an entry the app cannot use is copied aside before anything replaces it, into a
//!   rotation that keeps the last [`KEEP`] copies: slots `<key>.beschadigd.1` to `.4`, filled
//!   in turn, with the slot after the newest always emptied, so no copy is ever written over
//!   and the oldest goes only once a newer one is safely written; the same text is kept once;
//! - every copy is reported on screen ([`report`]);
//! - when the copy cannot be made (storage full), the entry stays where it is and this page
//!   writes nothing over it ([`write`] refuses), and the user is told;
//! - a full or blocked storage on an ordinary save is reported, not ignored.
//!
//! The rotation is plain Rust over [`Entries`], so `cargo test` checks it against a storage
//! with a quota (`tests/ui_storage.rs`); the browser's localStorage is the wasm part below.

/// How many set-aside copies of one key are kept.
pub const KEEP: u32 = 3;

/// Why a write did not happen: the browser refused (quota or storage switched off).
pub const FULL: &str = "de opslag van deze browser is vol of geblokkeerd";

/// What the rotation needs of a key-value store: localStorage, or a map in tests.
pub trait Entries {
    fn get(&self, key: &str) -> Option<String>;
    /// False when the store refuses (full, blocked); the old value then stays.
    fn set(&mut self, key: &str, text: &str) -> bool;
    fn remove(&mut self, key: &str);
}

/// Keeps `text`, the unusable entry under `key`, as the newest copy of the rotation; returns
/// the key it is kept under (an older copy with the same text: that one). `Err` with the
/// reason when it cannot be kept: the caller must then leave `key` alone.
pub fn keep_aside(entries: &mut impl Entries, key: &str, text: &str) -> Result<String, String> {
    let slot = |n: u32| format!("{key}.beschadigd.{n}");
    // The first empty slot is the next to fill: one after the newest (a fixed set of keys,
    // so no listing of all keys).
    let mut free = None;
    for n in 1..=KEEP + 1 {
        match entries.get(&slot(n)) {
            Some(kept) if kept == text => return Ok(slot(n)),
            None if free.is_none() => free = Some(n),
            _ => {}
        }
    }
    // Every slot taken (not by this app): write over none of them.
    let n = free.ok_or("de plaatsen voor reservekopieën zijn alle bezet")?;
    if !entries.set(&slot(n), text) {
        return Err(FULL.to_string());
    }
    // The new copy is safe: the oldest, in the slot after it, may go.
    entries.remove(&slot(n % (KEEP + 1) + 1));
    Ok(slot(n))
}

/// The on-screen report of an entry that could not be used: `what` it is ("Het opgeslagen
/// scenario"), `why`, and where it is now (the result of [`keep_aside`] for `key`).
pub fn report(what: &str, why: &str, aside: &Result<String, String>, key: &str) -> String {
    match aside {
        Ok(aside) => {
            format!("{what}: niet te gebruiken ({why}); bewaard onder '{aside}' en niet gewist.")
        }
        Err(full) => format!(
            "{what}: niet te gebruiken ({why}) en niet apart te zetten: {full}. Het gegeven blijft onder '{key}' staan en wordt niet overschreven; wat u nu doet, wordt in deze browser niet bewaard."
        ),
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

/// The browser's localStorage.
#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;

    use gloo_storage::{LocalStorage, Storage};

    use super::{Entries, FULL};

    thread_local! {
        /// Keys whose unusable entry could not be set aside: this page writes nothing there.
        static STUCK: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    struct Local;

    impl Entries for Local {
        fn get(&self, key: &str) -> Option<String> {
            read(key)
        }
        fn set(&mut self, key: &str, text: &str) -> bool {
            LocalStorage::raw().set_item(key, text).is_ok()
        }
        fn remove(&mut self, key: &str) {
            let _ = LocalStorage::raw().remove_item(key);
        }
    }

    /// The text under `key`; `None` when nothing is stored or storage is blocked.
    pub fn read(key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    /// Writes `text` under `key`; the error says why it could not be kept (full, blocked, or
    /// an entry there that could not be set aside).
    pub fn write(key: &str, text: &str) -> Result<(), String> {
        if STUCK.with(|stuck| stuck.borrow().iter().any(|k| k == key)) {
            return Err(format!(
                "onder '{key}' staat nog een gegeven dat niet apart kon worden gezet, en Routewijzer schrijft daar niets overheen"
            ));
        }
        LocalStorage::raw().set_item(key, text).map_err(|_| {
            format!(
                "{FULL}; uw werk staat nog in dit venster, maar blijft na herladen niet bewaard"
            )
        })
    }

    /// Sets aside `text`, the unusable entry under `key` (see [`super::keep_aside`]); when
    /// that fails, this page no longer writes to `key`.
    pub fn set_aside(key: &str, text: &str) -> Result<String, String> {
        let aside = super::keep_aside(&mut Local, key, text);
        if aside.is_err() {
            STUCK.with(|stuck| stuck.borrow_mut().push(key.to_string()));
        }
        aside
    }
}
