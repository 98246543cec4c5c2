//! localStorage as plain JSON text per key. Nothing stored is ever silently destroyed: an
//! entry the app cannot use is copied aside under `<key>.beschadigd` before it is replaced,
//! and a full or blocked storage is reported, not ignored.

use gloo_storage::{LocalStorage, Storage};

/// The text under `key`; `None` when nothing is stored or storage is blocked.
pub fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes `text` under `key`; the error says why it could not be kept (full, blocked).
pub fn write(key: &str, text: &str) -> Result<(), String> {
    LocalStorage::raw().set_item(key, text).map_err(|_| {
        "de opslag van deze browser is vol of geblokkeerd; uw werk staat nog in dit venster, \
         maar blijft na herladen niet bewaard"
            .to_string()
    })
}

/// Keeps an unusable entry under `<key>.beschadigd` (the latest one), so that writing a
/// fresh value under `key` loses nothing. Returns the key it was kept under.
pub fn set_aside(key: &str) -> Option<String> {
    let text = read(key)?;
    let aside = format!("{key}.beschadigd");
    write(&aside, &text).ok().map(|()| aside)
}
