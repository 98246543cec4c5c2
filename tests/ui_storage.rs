#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The rotation of set-aside entries (`ui::storage`), against a storage with a quota as the
//! browser's: a copy is never rewritten, only the last three are kept, the oldest goes only
//! once a newer one is safe, and a copy that does not fit leaves everything as it was.

use std::collections::BTreeMap;

use routewijzer::ui::storage::{keep_aside, report, Entries, KEEP};

/// A localStorage stand-in: at most `quota` bytes of keys and values.
struct Quota {
    map: BTreeMap<String, String>,
    quota: usize,
}

impl Quota {
    fn new(quota: usize, entries: &[(&str, &str)]) -> Quota {
        let map = entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Quota { map, quota }
    }
    fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Entries for Quota {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn set(&mut self, key: &str, text: &str) -> bool {
        let old = self.map.get(key).map_or(0, |v| key.len() + v.len());
        if self.used() - old + key.len() + text.len() > self.quota {
            return false;
        }
        self.map.insert(key.to_string(), text.to_string());
        true
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

const KEY: &str = "routewijzer.v1.scenario";

fn keys(store: &Quota) -> Vec<String> {
    store.map.keys().cloned().collect()
}

fn aside(n: u32) -> String {
    format!("{KEY}.beschadigd.{n}")
}

#[test]
fn each_new_corrupt_entry_gets_its_own_copy_and_none_is_overwritten() {
    let mut store = Quota::new(usize::MAX, &[(KEY, "{kapot 1")]);
    assert_eq!(keep_aside(&mut store, KEY, "{kapot 1"), Ok(aside(1)));
    // The app then writes fresh work under KEY; later that is damaged too.
    assert_eq!(keep_aside(&mut store, KEY, "{kapot 2"), Ok(aside(2)));
    assert_eq!(store.get(&aside(1)).as_deref(), Some("{kapot 1"));
    assert_eq!(store.get(&aside(2)).as_deref(), Some("{kapot 2"));
    // The same text again (a page that reads the same entry twice) is not copied twice.
    assert_eq!(keep_aside(&mut store, KEY, "{kapot 1"), Ok(aside(1)));
    assert_eq!(keys(&store).len(), 3);
}

#[test]
fn only_the_last_three_are_kept() {
    let mut store = Quota::new(usize::MAX, &[]);
    let slots = [1, 2, 3, 4, 1, 2];
    for (n, slot) in (1..=6u32).zip(slots) {
        assert_eq!(
            keep_aside(&mut store, KEY, &format!("{{kapot {n}")),
            Ok(aside(slot))
        );
        // Never more than three, and always the newest three.
        let texts: Vec<String> = store.map.values().cloned().collect();
        let expected: Vec<String> = (n.saturating_sub(2).max(1)..=n)
            .map(|k| format!("{{kapot {k}"))
            .collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "after {n}");
    }
    assert_eq!(KEEP, 3);
    // Another key's copies and an old single copy (before the rotation) are left alone.
    let mut store = Quota::new(
        usize::MAX,
        &[
            ("routewijzer.v1.configuraties.beschadigd.1", "x"),
            (&format!("{KEY}.beschadigd"), "oud"),
        ],
    );
    for n in 1..=5 {
        keep_aside(&mut store, KEY, &format!("{n}")).unwrap();
    }
    assert_eq!(
        store
            .get("routewijzer.v1.configuraties.beschadigd.1")
            .as_deref(),
        Some("x")
    );
    assert_eq!(
        store.get(&format!("{KEY}.beschadigd")).as_deref(),
        Some("oud")
    );
    // Four slots taken by hand: none is written over.
    let taken: Vec<(String, String)> = (1..=4).map(|n| (aside(n), format!("hand {n}"))).collect();
    let entries: Vec<(&str, &str)> = taken
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut store = Quota::new(usize::MAX, &entries);
    let before = store.map.clone();
    assert!(keep_aside(&mut store, KEY, "{kapot").is_err());
    assert_eq!(store.map, before);
}

#[test]
fn a_copy_that_does_not_fit_changes_nothing_and_says_so() {
    // 4.5 MB under the key, a 5 MB quota: the copy cannot fit (issue 22: the original was lost).
    let big = "x".repeat(4_500_000);
    let mut store = Quota::new(5_000_000, &[(KEY, &big), (&aside(1), "{oud")]);
    let before = store.map.clone();
    let result = keep_aside(&mut store, KEY, &big);
    assert!(result.is_err());
    assert_eq!(store.map, before, "nothing is removed or written");
    let message = report("Het opgeslagen scenario", "invoer te groot", &result, KEY);
    assert!(message.contains("niet apart te zetten"), "{message}");
    assert!(
        message.contains(&format!("blijft onder '{KEY}' staan")),
        "{message}"
    );
    assert!(message.contains("vol"), "{message}");
    // With room, the report names the copy.
    let kept = report("Het opgeslagen scenario", "kapot", &Ok(aside(2)), KEY);
    assert!(
        kept.contains(&format!("bewaard onder '{}'", aside(2))),
        "{kept}"
    );
}

#[test]
fn the_oldest_goes_only_after_the_new_copy_is_safe() {
    // Three copies and room for exactly one more entry of this size: the new one is written
    // in slot 4, then the oldest (slot 1) removed.
    let (one, two, three) = (aside(1), aside(2), aside(3));
    let entries = [
        (one.as_str(), "aaaa"),
        (two.as_str(), "bbbb"),
        (three.as_str(), "cccc"),
    ];
    let room = entries
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum::<usize>()
        + aside(4).len()
        + 4;
    let mut store = Quota::new(room, &entries);
    assert_eq!(keep_aside(&mut store, KEY, "dddd"), Ok(aside(4)));
    assert_eq!(keys(&store), vec![aside(2), aside(3), aside(4)]);
    // No room at all: the three stay as they are.
    let mut full = Quota::new(room - 1, &entries);
    assert!(keep_aside(&mut full, KEY, "dddd").is_err());
    assert_eq!(keys(&full), vec![aside(1), aside(2), aside(3)]);
}
