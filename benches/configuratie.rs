//! Configuratie benchmark (issue 22 items 1–2): time to import a monitor CSV of N identical
//! rows and of 100 000 unmatched rows, and to check a stored draft of N identical entries,
//! with the number of diagnostics, which grows with N, not with N². Prints figures only;
//! nothing is asserted (these machines are noisy).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Instant;

use routewijzer::domain::configuration::csv::import_csv;
use routewijzer::domain::configuration::draft::{Draft, DraftEntry};
use routewijzer::domain::Engine;

const HEADER: &str =
    "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let engine = Engine::bundled().unwrap();
    for n in [500usize, 1000, 2000, 4000] {
        let text = format!("{HEADER}{}", ";GM0828;kappen;ODBN;;\n".repeat(n));
        let t = Instant::now();
        let r = import_csv(&text, "bench", engine).unwrap();
        let import_ms = ms(t);
        let entry = DraftEntry {
            bevoegd_gezag: "GM0828".into(),
            activity: "kappen".into(),
            behandeldienst: "ODBN".into(),
            ..DraftEntry::default()
        };
        let draft = Draft {
            entries: vec![entry; n],
            ..Draft::default()
        };
        let t = Instant::now();
        let diagnostics = draft.check(engine).len();
        println!(
            "{n:>6} identical rows: import {import_ms:>7.1} ms ({} merged); draft of {n} entries: check {:>7.1} ms, {diagnostics} diagnostics",
            r.counts.merged,
            ms(t)
        );
    }
    let text = format!("{HEADER}{}", "x;y\n".repeat(100_000));
    let t = Instant::now();
    let r = import_csv(&text, "bench", engine).unwrap();
    println!(
        "100 000 unmatched rows ({} kB): import {:.1} ms, {} rejected",
        text.len() / 1024,
        ms(t),
        r.counts.rejected
    );
}
