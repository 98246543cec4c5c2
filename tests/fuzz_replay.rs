#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The fuzz corpus on stable: every file of `fuzz/corpus/<target>/` goes through the very
//! check its fuzz target makes (`fuzz/src/lib.rs`, included below), so CI keeps every input
//! the fuzzer found, and every crash it ever found, green without nightly or libFuzzer.

use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod checks;

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

fn corpus(target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir(target))
        .unwrap_or_else(|e| panic!("fuzz/corpus/{target}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs one target's check on every corpus file, naming the file that fails.
fn replay(target: &str) -> usize {
    let check = checks::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, f)| *f)
        .unwrap();
    let files = corpus(target);
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            panic!("{target}: {} fails its check", file.display());
        }
    }
    files.len()
}

#[test]
fn every_target_has_a_corpus_and_a_fuzz_target() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(fuzz.join("Cargo.toml")).unwrap();
    for (name, _) in checks::TARGETS {
        assert!(
            fuzz.join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "no fuzz target for {name}"
        );
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "{name} not in fuzz/Cargo.toml"
        );
        assert!(corpus_dir(name).is_dir(), "no corpus for {name}");
    }
    // And no corpus without a check (a renamed target would silently stop being replayed).
    for entry in std::fs::read_dir(fuzz.join("corpus")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            checks::TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz/corpus/{name} has no check"
        );
    }
}

#[test]
fn scenario_json_corpus() {
    // The seeds include every routing fixture.
    assert!(replay("scenario_json") >= 70);
}

#[test]
fn configuration_json_corpus() {
    replay("configuration_json");
}

#[test]
fn coordinates_corpus() {
    replay("coordinates");
}

#[test]
fn catalogue_json_corpus() {
    replay("catalogue_json");
}

#[test]
fn organisations_json_corpus() {
    replay("organisations_json");
}

#[test]
fn findings_json_corpus() {
    replay("findings_json");
}

#[test]
fn rules_json_corpus() {
    replay("rules_json");
}

#[test]
fn geography_corpus() {
    replay("geography");
}

/// scripts/fuzz.sh adds the current `data/geo/` files as a geography seed; here the current
/// bundled files, joined the same way, go through the check and must decode.
#[test]
fn geography_check_accepts_the_bundled_files() {
    let files = routewijzer::geo::bundled_files();
    let water = routewijzer::geo::bundled_water().unwrap();
    let joined = files
        .iter()
        .map(|(_, bytes)| bytes.to_vec())
        .chain([water.to_vec()])
        .collect::<Vec<_>>()
        .join(checks::GEO_SEPARATOR);
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "gemeenten.bin",
            "waterschappen.bin",
            "meta.tsv",
            "aliases.csv"
        ]
    );
    checks::geography(&joined);
    let parts: Vec<&[u8]> = files.iter().map(|(_, b)| *b).collect();
    let meta = std::str::from_utf8(parts[2]).unwrap();
    let aliases = std::str::from_utf8(parts[3]).unwrap();
    let g = routewijzer::geo::Geography::decode(parts[0], parts[1], meta, aliases).unwrap();
    assert_eq!(g.gemeenten().len(), 342);
}

/// Regression (third fuzzing finding), built from the current bundled files so that it keeps
/// reaching the metadata check whatever the binary format: control characters in a gemeente's
/// provincie id in meta.tsv were quoted raw into the message.
#[test]
fn geography_regression_control_characters_in_meta() {
    let files = routewijzer::geo::bundled_files();
    let meta = std::str::from_utf8(files[2].1).unwrap();
    let mut done = false;
    let meta: Vec<String> = meta
        .lines()
        .map(|line| {
            let mut f: Vec<&str> = line.split('\t').collect();
            if !done && f[0] == "GM" {
                done = true;
                f[3] = "\0\0\u{1b}[31m";
            }
            f.join("\t")
        })
        .collect();
    let meta = meta.join("\n");
    let aliases = std::str::from_utf8(files[3].1).unwrap();
    let e = routewijzer::geo::Geography::decode(files[0].1, files[1].1, &meta, aliases)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("onbekende provincie"), "{e}");
    checks::assert_message("geography", &e);
    let joined =
        [files[0].1, files[1].1, meta.as_bytes(), aliases.as_bytes()].join(checks::GEO_SEPARATOR);
    checks::geography(&joined);
}

#[test]
fn gemeente_search_corpus() {
    replay("gemeente_search");
}

/// The checks themselves can fail: a multi-line or empty message is caught.
#[test]
fn the_message_check_rejects_bad_messages() {
    for bad in [
        "",
        "  ",
        "twee\nregels",
        "escape \u{1b}[31m",
        "regel\u{2028}scheiding",
    ] {
        assert!(
            std::panic::catch_unwind(|| checks::assert_message("test", bad)).is_err(),
            "{bad:?} accepted"
        );
    }
    let long = "x".repeat(checks::MAX_MESSAGE_CHARS + 1);
    assert!(std::panic::catch_unwind(|| checks::assert_message("test", &long)).is_err());
    checks::assert_message("test", "activities[0].activity: onbekende activiteit 'x'");
}

#[test]
fn link_fragment_corpus() {
    replay("link_fragment");
}

#[test]
fn casus_corpus() {
    // The seeds include every bundled casus.
    assert!(replay("casus") >= 10);
}

#[test]
fn leerpad_corpus() {
    replay("leerpad");
}

#[test]
fn configuration_csv_corpus() {
    replay("configuration_csv");
}
