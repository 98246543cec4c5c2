//! Routing benchmark (issue 4): routes per second for typical scenarios, and the time to route
//! every Noord-Brabant gemeente × every activity × every allowed verzoektype as single-activity
//! scenarios, and the Speelveld matrix of a region (issue 7). Prints figures only; nothing is asserted (these machines are noisy).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use routewijzer::domain::{explain_json, explain_str, Engine};
use serde_json::{json, Value};

fn per_second(label: &str, mut f: impl FnMut()) {
    // Warm up, then run for about half a second.
    for _ in 0..50 {
        f();
    }
    let start = Instant::now();
    let mut n: u64 = 0;
    while start.elapsed() < Duration::from_millis(500) {
        for _ in 0..50 {
            f();
        }
        n += 50;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label:<58} {:>10.0} routes/s  ({:>7.2} µs each)",
        n as f64 / secs,
        secs * 1e6 / n as f64
    );
}

fn main() {
    let t = Instant::now();
    let engine = Engine::bundled().unwrap();
    println!(
        "engine + geography + data, first use: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let contract = json!({
        "location": { "lon": 5.528, "lat": 51.765 },
        "activities": [
            { "activity": "milieubelastende-activiteit", "verzoektype": "melding", "flags": [] },
            { "activity": "bouwactiviteit-technisch", "verzoektype": "aanvraag-vergunning" }
        ],
        "configuration": "voorbeeld-noord-brabant",
        "assumptions": { "bd_merge": "all-same", "dso": "2020", "bg_notified_when_bd": true }
    });
    let by_gemeente = json!({
        "location": { "gemeente": "GM0828" },
        "activities": contract["activities"].clone(),
        "configuration": "voorbeeld-noord-brabant"
    });
    let ippc = json!({
        "location": { "lon": 5.528, "lat": 51.765 },
        "activities": [
            { "activity": "milieubelastende-activiteit", "verzoektype": "aanvraag-vergunning", "flags": ["ippc"] },
            { "activity": "bouwactiviteit-technisch", "verzoektype": "aanvraag-vergunning" },
            { "activity": "natura2000-activiteit", "verzoektype": "aanvraag-vergunning" },
            { "activity": "wateractiviteit-lozen", "verzoektype": "aanvraag-vergunning", "flags": ["rijkswater"] },
            { "activity": "sloopactiviteit", "verzoektype": "melding" },
            { "activity": "wateractiviteit-onttrekken", "verzoektype": "melding" }
        ],
        "configuration": "voorbeeld-noord-brabant",
        "after_receipt": [ { "verzoek": 0, "action": "wijzig-bevoegd-gezag", "to": "GM0828" } ]
    });
    let inline = json!({
        "location": { "rd": [161500, 421000] },
        "activities": contract["activities"].clone(),
        "configuration": { "behandeldiensten": [
            { "bevoegd_gezag": "GM0828", "activity": "milieu", "behandeldienst": "ODBN" },
            { "bevoegd_gezag": "GM0828", "activity": "milieubelastende-activiteit", "behandeldienst": "ODBN", "verzoektype": "melding" }
        ] }
    });
    let contract_text = serde_json::to_string_pretty(&contract).unwrap();

    println!();
    per_second(
        "contract §3 example (lon/lat), JSON text → outcome",
        || {
            black_box(explain_str(black_box(&contract_text)).unwrap());
        },
    );
    per_second("contract §3 example (lon/lat), value → outcome", || {
        black_box(explain_json(black_box(&contract)).unwrap());
    });
    let parsed = engine.parse(&contract).unwrap();
    per_second("contract §3 example, route() only (parsed once)", || {
        black_box(engine.route(black_box(&parsed)).unwrap());
    });
    per_second("same activities, { gemeente } location", || {
        black_box(explain_json(black_box(&by_gemeente)).unwrap());
    });
    per_second(
        "6 activities, IPPC magneet, water split, after receipt",
        || {
            black_box(explain_json(black_box(&ippc)).unwrap());
        },
    );
    per_second("inline configuration, RD location", || {
        black_box(explain_json(black_box(&inline)).unwrap());
    });

    // Every Noord-Brabant gemeente × activity × allowed verzoektype.
    let nb: Vec<String> = engine
        .geography()
        .gemeenten()
        .iter()
        .filter(|g| g.provincie.id == "PV30")
        .map(|g| g.id.clone())
        .collect();
    let mut scenarios: Vec<Value> = Vec::new();
    for g in &nb {
        for a in &engine.catalogue.activities {
            for v in &a.verzoektypes {
                scenarios.push(json!({
                    "location": { "gemeente": g },
                    "activities": [ { "activity": a.id, "verzoektype": v.as_str() } ],
                    "configuration": "voorbeeld-noord-brabant"
                }));
            }
        }
    }
    println!();
    let mut best = f64::MAX;
    let mut triggers = 0u64;
    let mut with_bd = 0usize;
    for _ in 0..5 {
        let t = Instant::now();
        triggers = 0;
        with_bd = 0;
        for s in &scenarios {
            let o = explain_json(s).unwrap();
            triggers += u64::from(o.total_triggers);
            with_bd += o
                .verzoeken
                .iter()
                .filter(|v| v.behandeldienst.is_some())
                .count();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "Noord-Brabant sweep: {} gemeenten × {} activities × allowed verzoektypes = {} scenarios",
        nb.len(),
        engine.catalogue.activities.len(),
        scenarios.len()
    );
    println!(
        "  routed in {:.1} ms (best of 5; {:.2} µs each); {} triggers, {} verzoeken with a behandeldienst",
        best * 1e3,
        best * 1e6 / scenarios.len() as f64,
        triggers,
        with_bd
    );
    speelveld(engine);
}

/// Speelveld (issue 7): the whole matrix of a region through `Field`, best of five.
fn speelveld(engine: &Engine) {
    use routewijzer::domain::speelveld::{columns, Field, Region};
    let cols = columns(engine);
    let draft = json!({ "configuration": "voorbeeld-noord-brabant" });
    println!();
    for region in [
        Region::Omgevingsdienst("ODBN".into()),
        Region::Provincie("PV30".into()),
        Region::Nederland,
    ] {
        let mut best = f64::MAX;
        let mut cells = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let mut field = Field::new(engine, &draft).unwrap();
            let rows = field.matrix(&region, &cols);
            cells = rows.iter().map(|r| r.cells.len()).sum::<usize>();
            black_box(rows);
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "speelveld matrix {:<32} {cells:>6} cells in {:>6.1} ms (best of 5; {:.2} µs each)",
            region.name(engine),
            best * 1e3,
            best * 1e6 / cells as f64
        );
    }
    let mut field = Field::new(engine, &draft).unwrap();
    let gemeenten = Region::Nederland.gemeenten(engine);
    let pair = [
        "omgevingsplanactiviteit-bouwwerk",
        "milieubelastende-activiteit",
    ];
    let t = Instant::now();
    let missed: usize = gemeenten
        .iter()
        .map(|g| {
            field
                .combination(
                    &g.id,
                    &pair,
                    routewijzer::domain::Verzoektype::AanvraagVergunning,
                )
                .map_or(0, |c| c.missed.len())
        })
        .sum();
    println!(
        "speelveld combination check, 2 activities × 342 gemeenten: {:.1} ms ({missed} missed)",
        t.elapsed().as_secs_f64() * 1e3
    );
}
