#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! `voorbeeld-nederland` is contract §6.3: generated from the gemeente→omgevingsdienst table,
//! the committed file is exactly what the generator writes, and the engine carries it.

use std::collections::BTreeSet;

use routewijzer::domain::configuration::voorbeeld::{
    file_text, voorbeeld_nederland, VOORBEELD_NEDERLAND,
};
use routewijzer::domain::{explain_json, Configuration, Engine};
use serde_json::json;

const COMMITTED: &str = include_str!("../data/configurations/voorbeeld-nederland.json");

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

#[test]
fn the_committed_file_is_what_the_generator_writes() {
    let generated = file_text(&voorbeeld_nederland(engine().geography()));
    assert!(
        generated == COMMITTED,
        "data/configurations/voorbeeld-nederland.json differs from the table's configuration: run `make voorbeeld` and review the diff"
    );
}

#[test]
fn the_engine_carries_the_committed_file_first() {
    let e = engine();
    assert_eq!(e.configurations[0].0, VOORBEELD_NEDERLAND);
    let file = Configuration::from_json(
        "voorbeeld-nederland.json",
        COMMITTED,
        &e.catalogue,
        &e.organisations,
    )
    .unwrap();
    assert_eq!(e.configuration(VOORBEELD_NEDERLAND), Some(&file));
    assert!(file
        .description
        .as_deref()
        .unwrap()
        .starts_with("Illustratief voorbeeld, geen echte DSO-configuratie"));
}

/// Every entry, as `(bevoegd gezag, activity, behandeldienst, gemeente or "*")`, read from
/// the table directly rather than from the generator.
fn expected_by_section_6_3(e: &Engine) -> BTreeSet<(String, String, String, String)> {
    let mut want = BTreeSet::new();
    for g in e.geography().gemeenten() {
        let od = g.omgevingsdienst.as_ref().unwrap().id.clone();
        for act in [
            "milieubelastende-activiteit",
            "lozingsactiviteit-riool",
            "sloopactiviteit",
        ] {
            want.insert((g.id.clone(), act.into(), od.clone(), "*".into()));
        }
        for act in [
            "milieubelastende-activiteit",
            "ontgrondingsactiviteit",
            "omgevingsverordening-activiteit",
        ] {
            want.insert((g.provincie.id.clone(), act.into(), od.clone(), g.id.clone()));
        }
    }
    want
}

#[test]
fn it_is_section_6_3_and_nothing_else() {
    let e = engine();
    let c = e.configuration(VOORBEELD_NEDERLAND).unwrap();
    let mut have = BTreeSet::new();
    for x in &c.behandeldiensten {
        assert!(x.verzoektype.is_none(), "{x:?}");
        assert!(x
            .bron
            .as_deref()
            .is_some_and(|b| b.contains("Illustratief")));
        match &x.gemeenten {
            None => assert!(have.insert((
                x.bevoegd_gezag.clone(),
                x.activity.clone(),
                x.behandeldienst.clone(),
                "*".to_string()
            ))),
            Some(list) => {
                for g in list {
                    // a provincie's entry lists only gemeenten of that provincie
                    let info = e.geography().gemeente(g).unwrap();
                    assert_eq!(info.provincie.id, x.bevoegd_gezag, "{x:?}");
                    assert!(have.insert((
                        x.bevoegd_gezag.clone(),
                        x.activity.clone(),
                        x.behandeldienst.clone(),
                        g.clone()
                    )));
                }
            }
        }
    }
    assert_eq!(have, expected_by_section_6_3(e));
    // 342 gemeenten × 3, and 3 activities × each (provincie, omgevingsdienst) pair
    assert_eq!(e.geography().gemeenten().len(), 342);
    let pairs: BTreeSet<_> = e
        .geography()
        .gemeenten()
        .iter()
        .map(|g| (&g.provincie.id, &g.omgevingsdienst.as_ref().unwrap().id))
        .collect();
    assert_eq!(c.behandeldiensten.len(), 342 * 3 + 3 * pairs.len());
    let services: BTreeSet<_> = c
        .behandeldiensten
        .iter()
        .map(|x| x.behandeldienst.as_str())
        .collect();
    assert_eq!(services.len(), 26, "{services:?}");
    assert!(services.iter().all(|s| !s.starts_with("VR")));
}

#[test]
fn afgeleid_rows_say_so_in_their_bron() {
    let e = engine();
    let c = e.configuration(VOORBEELD_NEDERLAND).unwrap();
    let afgeleid: Vec<_> = e
        .geography()
        .gemeenten()
        .iter()
        .filter(|g| g.omgevingsdienst_afgeleid)
        .collect();
    assert_eq!(afgeleid.len(), 27);
    for g in afgeleid {
        let own = c
            .behandeldiensten
            .iter()
            .find(|x| x.bevoegd_gezag == g.id)
            .unwrap();
        assert!(own.bron.as_deref().unwrap().contains("afgeleid"), "{own:?}");
    }
}

/// The two cases through the library's entry point (the CLI fixtures
/// `nederland-*.scenario.json` run them through the command line).
#[test]
fn utrecht_and_groningen_route_to_their_omgevingsdienst() {
    for (gemeente, activity, verzoektype, bevoegd_gezag, behandeldienst) in [
        (
            "GM0344",
            "milieubelastende-activiteit",
            "melding",
            "GM0344",
            "ODU",
        ),
        (
            "GM0014",
            "ontgrondingsactiviteit",
            "aanvraag-vergunning",
            "PV20",
            "ODG",
        ),
    ] {
        let outcome = explain_json(&json!({
            "location": { "gemeente": gemeente },
            "activities": [{ "activity": activity, "verzoektype": verzoektype }],
            "configuration": "voorbeeld-nederland"
        }))
        .unwrap();
        let v = &outcome.verzoeken[0];
        assert_eq!(v.bevoegd_gezag.id, bevoegd_gezag);
        assert_eq!(v.behandeldienst.as_ref().unwrap().id, behandeldienst);
        assert_eq!((v.triggers, outcome.total_triggers), (2, 2));
    }
}
