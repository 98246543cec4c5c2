#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The library API the CLI and the JavaScript layer share: outcome shape (contract §4) and
//! values as they arrive from JavaScript (every number a float).

use routewijzer::domain::{explain_json, explain_str, parse_json_text, Engine, MAX_INPUT_BYTES};
use serde_json::{json, Value};

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

#[test]
fn outcome_has_the_contract_shape() {
    let o = explain_json(&json!({
        "location": { "lon": 5.528, "lat": 51.765 },
        "activities": [
            { "activity": "milieubelastende-activiteit", "verzoektype": "melding", "flags": [] },
            { "activity": "bouwactiviteit-technisch", "verzoektype": "aanvraag-vergunning" }
        ],
        "configuration": "voorbeeld-noord-brabant"
    }))
    .unwrap();
    let v = serde_json::to_value(&o).unwrap();
    for k in [
        "location",
        "verzoeken",
        "total_triggers",
        "findings",
        "assumptions",
    ] {
        assert!(v.get(k).is_some(), "{k}");
    }
    for k in [
        "gemeente",
        "provincie",
        "waterschap",
        "omgevingsdienst",
        "veiligheidsregio",
    ] {
        assert_eq!(keys(&v["location"][k]), ["id", "name"]);
    }
    assert_eq!(
        keys(&v["assumptions"]),
        ["bd_merge", "bg_notified_when_bd", "dso"]
    );
    for vz in v["verzoeken"].as_array().unwrap() {
        for k in [
            "verzoektype",
            "activities",
            "bevoegd_gezag",
            "behandeldienst",
            "recipients",
            "triggers",
            "adviseurs",
            "findings",
        ] {
            assert!(vz.get(k).is_some(), "{k}");
        }
        for r in vz["recipients"].as_array().unwrap() {
            assert!(r["id"].is_string() && r["role"].is_string());
        }
    }
    // The bouw aanvraag has no behandeldienst: null, not left out.
    assert_eq!(v["verzoeken"][0]["behandeldienst"], Value::Null);
    let f = &v["verzoeken"][1]["findings"][0];
    assert_eq!(keys(f), ["code", "concerns", "rule", "text"]);
    assert!(v.get("timeline").is_none());
}

#[test]
fn javascript_numbers_are_accepted() {
    // serde-wasm-bindgen may hand every number over as a float.
    let o = explain_json(&json!({
        "location": { "rd": [161500.0, 421000.0] },
        "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }],
        "configuration": "voorbeeld-noord-brabant",
        "assumptions": { "dso": 2023.0 },
        "after_receipt": [{ "verzoek": 0.0, "action": "wijzig-behandeldienst", "to": null }]
    }))
    .unwrap();
    assert_eq!(o.timeline.len(), 1);
    assert_eq!(o.timeline[0].triggers, 0);
    assert_eq!(o.timeline[0].behandeldienst, None);
    let e = explain_json(&json!({
        "location": { "gemeente": "GM0828" },
        "activities": [{ "activity": 5.0, "verzoektype": "melding" }]
    }))
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "activities[0].activity: verwacht een activiteit-id, gevonden: getal 5"
    );
    let e = explain_json(&json!({
        "location": { "gemeente": "GM0828" },
        "activities": [{ "activity": "sloopactiviteit", "verzoektype": "melding" }],
        "after_receipt": [{ "verzoek": 0.5, "action": "wijzig-behandeldienst" }]
    }))
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("after_receipt[0].verzoek: verwacht het volgnummer"),
        "{e}"
    );
}

#[test]
fn text_and_value_entry_points_agree() {
    let text = r#"{ "location": { "gemeente": "GM0796" },
                    "activities": [ { "activity": "brandveilig-gebruik", "verzoektype": "melding" } ],
                    "configuration": "voorbeeld-noord-brabant" }"#;
    let a = explain_str(text).unwrap();
    let b = explain_json(&parse_json_text(text).unwrap()).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.total_triggers, 2);
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    assert!(explain_str(&big)
        .unwrap_err()
        .to_string()
        .starts_with("invoer te groot"));
}

#[test]
fn engine_exposes_what_the_app_needs() {
    let e = Engine::bundled().unwrap();
    // The contract's 18 (§2) and the vellingsactiviteit (L16).
    assert_eq!(e.catalogue.activities.len(), 19);
    assert_eq!(e.catalogue.groups.len(), 6);
    assert_eq!(
        e.configurations
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["voorbeeld-nederland", "voorbeeld-noord-brabant"]
    );
    assert!(e.organisations.get("ODZOB").is_some());
    // Parse, then route: the app keeps the parsed scenario to edit and share it.
    let s = e
        .parse(&json!({ "location": { "gemeente": "GM0828" },
                        "activities": [ { "activity": "sloopactiviteit", "verzoektype": "melding" } ] }))
        .unwrap();
    let written = serde_json::to_value(&s).unwrap();
    assert_eq!(written["format"], "routewijzer-scenario/1");
    // The defaults of contract §3: today's DSO (the behandeldienst can be changed).
    assert_eq!(
        written["assumptions"],
        json!({ "bd_merge": "all-same", "dso": "2023", "bg_notified_when_bd": true })
    );
    assert_eq!(e.route(&s).unwrap().total_triggers, 1);
}
