#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Property tests of the routing invariants (issue 4) over generated scenarios.

use std::collections::BTreeSet;

use proptest::prelude::*;
use routewijzer::domain::{explain_json, explain_str, Engine, Outcome};
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

/// Every (activity, verzoektype) pair of the catalogue with the activity's flags.
fn pairs() -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for a in &engine().catalogue.activities {
        for v in &a.verzoektypes {
            out.push((
                a.id.clone(),
                v.as_str().to_string(),
                a.exceptions.iter().map(|e| e.flag.clone()).collect(),
            ));
        }
    }
    out
}

fn gemeente_ids() -> Vec<String> {
    engine()
        .geography()
        .gemeenten()
        .iter()
        .map(|g| g.id.clone())
        .collect()
}

prop_compose! {
    fn activities()(picks in prop::collection::btree_set(0..pairs().len(), 1..7),
                    flag_bits in prop::collection::vec(any::<u8>(), 7))
                    -> Vec<Value> {
        let all = pairs();
        picks.into_iter().enumerate().map(|(i, p)| {
            let (act, vt, flags) = &all[p];
            let bits = flag_bits[i % flag_bits.len()];
            let chosen: Vec<&String> = flags.iter().enumerate()
                .filter(|(j, _)| bits & (1 << j) != 0).map(|(_, f)| f).collect();
            // The top bit: no toepasbare regels for it (vraagstuk 4), now and then.
            if bits & 0x80 != 0 && bits & 0x40 != 0 {
                json!({ "activity": act, "verzoektype": vt, "flags": chosen, "toepasbare_regels": false })
            } else {
                json!({ "activity": act, "verzoektype": vt, "flags": chosen })
            }
        }).collect()
    }
}

fn inline_configuration(g: &str) -> impl Strategy<Value = Value> {
    let bgs: [String; 5] = [
        g.to_string(),
        "PV30".into(),
        "WS24".into(),
        "IENW".into(),
        "KGG".into(),
    ];
    let targets: Vec<String> = engine()
        .catalogue
        .activities
        .iter()
        .map(|a| a.id.clone())
        .chain(engine().catalogue.groups.iter().map(|g| g.id.clone()))
        .collect();
    let bds = ["ODBN", "ODZOB", "OMWB", "VR21", "RWS"];
    let g = g.to_string();
    prop::collection::vec(
        (
            0..bgs.len(),
            0..targets.len(),
            0..bds.len(),
            prop::option::of(0..7usize),
            0..3u8,
            prop::option::of(any::<bool>()),
        ),
        0..12,
    )
    .prop_map(move |raw| {
        let mut seen = BTreeSet::new();
        let mut entries = Vec::new();
        for (b, t, d, vt, gm, mandaat) in raw {
            let vt_str = vt.map(|i| routewijzer::domain::Verzoektype::ALL[i].as_str());
            if !seen.insert((b, t, vt, gm == 0)) {
                continue;
            }
            let gemeenten = match gm {
                0 => Value::Null,
                1 => json!([g.clone()]),
                _ => json!(["GM0772", "GM0855"]),
            };
            entries.push(json!({
                "bevoegd_gezag": bgs[b], "activity": targets[t], "behandeldienst": bds[d],
                "verzoektype": vt_str, "gemeenten": gemeenten, "mandaat": mandaat
            }));
        }
        json!({ "behandeldiensten": entries })
    })
}

fn scenario() -> impl Strategy<Value = Value> {
    let ids = gemeente_ids();
    let n = ids.len();
    (0..n, activities(), 0..3u8, 0..3usize, any::<bool>(), any::<bool>(), any::<bool>())
        .prop_flat_map(move |(gi, acts, cfg, merge, dso, notified, as_point)| {
            let g = ids[gi].clone();
            let info = engine().geography().gemeente(&g).unwrap();
            let location = if as_point {
                json!({ "lon": info.representative_point.lon, "lat": info.representative_point.lat })
            } else {
                json!({ "gemeente": g })
            };
            let merge = ["all-same", "any-single", "first-activity"][merge];
            let assumptions = json!({
                "bd_merge": merge,
                "dso": if dso { "2023" } else { "2020" },
                "bg_notified_when_bd": notified,
                "bopa_adviesrol": if notified == dso { "advies" } else { "advies-met-instemming" },
            });
            let config: BoxedStrategy<Value> = match cfg {
                0 => Just(Value::Null).boxed(),
                1 => Just(json!("voorbeeld-noord-brabant")).boxed(),
                _ => inline_configuration(&g).boxed(),
            };
            config.prop_map(move |c| {
                json!({
                    "location": location.clone(),
                    "activities": acts.clone(),
                    "configuration": c,
                    "assumptions": assumptions.clone(),
                })
            })
        })
}

/// Order-insensitive view of an outcome.
fn normalise(o: &Outcome) -> Value {
    let findings = |fs: &[routewijzer::domain::Finding]| -> Vec<(String, Vec<String>)> {
        let mut v: Vec<(String, Vec<String>)> = fs
            .iter()
            .map(|f| {
                let mut c = f.concerns.clone();
                c.sort();
                (f.code.as_str().to_string(), c)
            })
            .collect();
        v.sort();
        v
    };
    let mut verzoeken: Vec<Value> = o
        .verzoeken
        .iter()
        .map(|v| {
            let mut acts = v.activities.clone();
            acts.sort();
            let mut adv: Vec<(String, String)> = v
                .adviseurs
                .iter()
                .map(|a| (a.id.clone(), format!("{:?}", a.role)))
                .collect();
            adv.sort();
            json!({
                "verzoektype": v.verzoektype, "activities": acts, "bg": v.bevoegd_gezag,
                "bd": v.behandeldienst, "recipients": v.recipients, "triggers": v.triggers,
                "adviseurs": adv, "findings": findings(&v.findings),
            })
        })
        .collect();
    verzoeken.sort_by_key(|v| v.to_string());
    json!({
        "location": o.location, "verzoeken": verzoeken, "total": o.total_triggers,
        "findings": findings(&o.findings), "assumptions": o.assumptions,
    })
}

fn check_invariants(input: &Value, o: &Outcome) {
    // Exactly one bevoegd gezag per verzoek; it is the only bevoegd-gezag recipient.
    let mut total = 0;
    for v in &o.verzoeken {
        assert!(!v.bevoegd_gezag.id.is_empty());
        let bg_recipients: Vec<_> = v
            .recipients
            .iter()
            .filter(|r| r.role == routewijzer::domain::RecipientRole::BevoegdGezag)
            .collect();
        assert!(bg_recipients.len() <= 1);
        if let Some(r) = bg_recipients.first() {
            assert_eq!(r.id, v.bevoegd_gezag.id);
        }
        assert!(
            !v.recipients.is_empty() && v.recipients.len() <= 2,
            "at most two triggers (T2)"
        );
        assert_eq!(v.triggers as usize, v.recipients.len());
        total += v.triggers;
        for a in &v.adviseurs {
            assert!(
                !v.recipients.iter().any(|r| r.id == a.id),
                "adviseur {} is a recipient",
                a.id
            );
        }
        for f in &v.findings {
            assert!(!f.text.is_empty() && !f.rule.is_empty());
            match f.code.as_str() {
                // Only a verzoek that has a behandeldienst can lack its mandate.
                "bd-zonder-mandaat" => assert!(v.behandeldienst.is_some()),
                // Brzo work is the provincie's, and goes elsewhere than its Brzo service.
                "brzo-behandeldienst" => {
                    assert!(v.bevoegd_gezag.id.starts_with("PV"));
                    assert!(v
                        .recipients
                        .iter()
                        .all(|r| !f.concerns[2..].contains(&r.id)));
                }
                _ => {}
            }
        }
    }
    assert_eq!(o.total_triggers, total);
    // Every chosen activity with toepasbare regels in exactly one verzoek; each without
    // them in none, with one `geen-toepasbare-regels` finding (T9).
    let without = |a: &&Value| a["toepasbare_regels"] == json!(false);
    let missing = input["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(without);
    let said = o
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "geen-toepasbare-regels");
    assert_eq!(missing.count(), said.count());
    let mut chosen: Vec<(String, String)> = input["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !without(a))
        .map(|a| {
            (
                a["activity"].as_str().unwrap().to_string(),
                a["verzoektype"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut routed: Vec<(String, String)> = o
        .verzoeken
        .iter()
        .flat_map(|v| {
            v.activities
                .iter()
                .map(move |a| (a.clone(), v.verzoektype.as_str().to_string()))
        })
        .collect();
    chosen.sort();
    routed.sort();
    assert_eq!(chosen, routed);
    // Contract §4 order.
    for w in o.verzoeken.windows(2) {
        assert!(
            (w[0].verzoektype, &w[0].bevoegd_gezag.id)
                <= (w[1].verzoektype, &w[1].bevoegd_gezag.id)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn routing_invariants_hold(input in scenario()) {
        match explain_json(&input) {
            Ok(o) => check_invariants(&input, &o),
            // Only a water activity outside every waterschap may fail here.
            Err(e) => prop_assert!(e.to_string().contains("buiten elk waterschap"), "{e}"),
        }
    }

    #[test]
    fn outcome_does_not_depend_on_activity_order(input in scenario(), seed in any::<u64>()) {
        let Ok(o) = explain_json(&input) else { return Ok(()) };
        let first_activity = o.assumptions.bd_merge == routewijzer::domain::BdMerge::FirstActivity;
        // bg-conflict: the first rijk magneet in scenario order wins, by contract.
        let conflict = o.verzoeken.iter().any(|v| v.findings.iter().any(|f| f.code.as_str() == "bg-conflict"));
        prop_assume!(!first_activity && !conflict);
        let mut shuffled = input.clone();
        let acts = shuffled["activities"].as_array_mut().unwrap();
        let len = acts.len();
        let mut s = seed;
        for i in (1..len).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            acts.swap(i, (s >> 33) as usize % (i + 1));
        }
        let o2 = explain_json(&shuffled).unwrap();
        prop_assert_eq!(normalise(&o), normalise(&o2));
    }

    #[test]
    fn scenario_round_trips_through_json(input in scenario()) {
        let engine = engine();
        let parsed = engine.parse(&input).unwrap();
        let written = serde_json::to_value(&parsed).unwrap();
        let reparsed = engine.parse(&written).unwrap();
        prop_assert_eq!(&parsed, &reparsed);
        // And as text, as the app's download button writes it.
        let text = serde_json::to_string_pretty(&parsed).unwrap();
        prop_assert_eq!(engine.parse(&serde_json::from_str(&text).unwrap()).unwrap(), parsed);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = explain_str(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        let _ = explain_json(&v);
        let _ = explain_json(&json!({ "location": v.clone(), "activities": [v.clone()], "configuration": v.clone(), "assumptions": v.clone(), "after_receipt": [v] }));
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1.0e6..1.0e6f64).prop_map(|f| json!(f)),
        prop_oneof![
            Just("GM0828".to_string()),
            Just("melding".to_string()),
            Just("sloopactiviteit".to_string()),
            Just("voorbeeld-noord-brabant".to_string()),
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("activity".to_string()),
                    Just("verzoektype".to_string()),
                    Just("flags".to_string()),
                    Just("gemeente".to_string()),
                    Just("lon".to_string()),
                    Just("lat".to_string()),
                    Just("rd".to_string()),
                    Just("behandeldiensten".to_string()),
                    Just("verzoek".to_string()),
                    Just("action".to_string()),
                    Just("to".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
