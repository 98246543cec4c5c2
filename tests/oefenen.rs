//! Oefenen: every bundled casus loads, routes, and its explanation and topics agree with the
//! engine; the leerpad covers every vraagstuk; broken files give clear errors; grading works.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use routewijzer::domain::oefenen::{
    self, bundled_leerpad, expected_answers, explanation, grade, leerpad_to_json, load_casus,
    load_leerpad, missed, Answer, Answers, Ask, Topic, BUNDLED_CASUSSEN, BUNDLED_LEERPAD,
};
use routewijzer::domain::Engine;

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

#[test]
fn every_data_file_is_bundled() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/oefenen");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "leerpad.json")
        .collect();
    on_disk.sort();
    let bundled: Vec<String> = BUNDLED_CASUSSEN
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(on_disk, bundled);
}

#[test]
fn bundled_leerpad_loads_in_order_and_has_ten_or_more() {
    let lp = bundled_leerpad(engine()).unwrap_or_else(|e| panic!("{e}"));
    assert!(lp.casussen.len() >= 10, "{}", lp.casussen.len());
    let ids: BTreeSet<&str> = lp.casussen.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), lp.casussen.len());
}

#[test]
fn leerpad_covers_every_vraagstuk_and_tags_are_shown_by_the_engine() {
    let e = engine();
    let lp = bundled_leerpad(e).unwrap();
    let mut covered = BTreeSet::new();
    for c in &lp.casussen {
        let scenario = e.parse(&c.scenario).unwrap();
        let outcome = e.route(&scenario).unwrap();
        for t in &c.topics {
            assert!(
                t.shown_by(e, &scenario, &outcome),
                "{}: {}",
                c.id,
                t.as_str()
            );
            covered.insert(*t);
        }
    }
    // Every topic, the vraagstukken of the deck and issue 16's (vraagstuk 4, mandaat, Brzo).
    for t in Topic::ALL {
        assert!(covered.contains(&t), "no casus covers {}", t.as_str());
    }
}

#[test]
fn explanations_are_filled_from_the_engine() {
    let e = engine();
    let lp = bundled_leerpad(e).unwrap();
    for c in &lp.casussen {
        let outcome = oefenen::outcome(e, c).unwrap();
        let text = explanation(c, &outcome, false).unwrap();
        if c.en.is_some() {
            let en = explanation(c, &outcome, true).unwrap();
            assert!(!en.contains(['{', '}']) && en != text, "{}: {en}", c.id);
        }
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{}: {text}",
            c.id
        );
        // Every number and organisation in the text comes from the engine: the raw text
        // names no organisation id and holds no digit outside the years 2020/2023.
        // Years and the name "Natura 2000" are not counts.
        let raw = c
            .explanation
            .replace("2020", "")
            .replace("2023", "")
            .replace("Natura 2000", "");
        let outside: String = {
            let mut s = String::new();
            let mut depth = 0;
            for ch in raw.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => s.push(ch),
                    _ => {}
                }
            }
            s
        };
        assert!(
            !outside.chars().any(|ch| ch.is_ascii_digit()),
            "{}: a number typed into the explanation: {outside}",
            c.id
        );
        for n in oefenen::choices(e, &outcome) {
            assert!(!outside.contains(&n.id), "{}: id {} typed in", c.id, n.id);
        }
        // Filled values are the outcome's.
        if c.explanation.contains("{total_triggers}") {
            assert!(
                text.contains(&outcome.total_triggers.to_string()),
                "{}",
                c.id
            );
        }
    }
}

#[test]
fn expected_answers_come_from_the_outcome() {
    let e = engine();
    let lp = bundled_leerpad(e).unwrap();
    for c in &lp.casussen {
        let outcome = oefenen::outcome(e, c).unwrap();
        let exp = expected_answers(e, c).unwrap();
        assert_eq!(exp.answers.len(), c.questions.len());
        for (q, a) in c.questions.iter().zip(&exp.answers) {
            let a = a.as_ref().unwrap();
            match (q.ask, a) {
                (Ask::Triggers, Answer::Count(n)) if q.activity.is_none() => {
                    assert_eq!(*n, outcome.total_triggers)
                }
                (Ask::Verzoeken, Answer::Count(n)) => {
                    assert_eq!(*n as usize, outcome.verzoeken.len())
                }
                (Ask::BuitenBeeld, Answer::Ids(s)) => assert_eq!(s, &missed(&outcome)),
                (Ask::BevoegdGezag, Answer::Org(Some(id))) => {
                    assert!(outcome.verzoeken.iter().any(|v| &v.bevoegd_gezag.id == id))
                }
                _ => {}
            }
        }
        // Answering with the expected answers is all right.
        let g = grade(&exp, &exp);
        assert_eq!(g.right, g.total);
    }
}

#[test]
fn specific_casussen_say_what_the_deck_says() {
    let e = engine();
    let lp = bundled_leerpad(e).unwrap();
    let find = |id: &str| lp.casussen.iter().find(|c| c.id == id).unwrap();
    // Meervoudige aanvraag: no behandeldienst, the configured ODBN misses out.
    let c = find("maashorst-meervoudig");
    let o = oefenen::outcome(e, c).unwrap();
    assert!(o.verzoeken[0].behandeldienst.is_none());
    assert!(missed(&o).contains("ODBN"));
    // VR as adviseur without trigger.
    let o = oefenen::outcome(e, find("den-bosch-brandveilig-aanvraag")).unwrap();
    assert!(missed(&o).iter().any(|id| id.starts_with("VR")));
}

#[test]
fn grading_marks_each_part() {
    let e = engine();
    let lp = bundled_leerpad(e).unwrap();
    let c = &lp.casussen[0];
    let exp = expected_answers(e, c).unwrap();
    let mut given = exp.clone();
    given.answers[0] = Some(Answer::Org(Some("PV30".into())));
    given.answers[2] = None;
    let g = grade(&given, &exp);
    assert_eq!(g.total, exp.answers.len());
    assert!(!g.parts[0].right);
    assert_eq!(g.parts[0].expected, exp.answers[0]);
    assert!(g.parts[1].right);
    assert!(!g.parts[2].right);
    assert_eq!(g.right, g.total - 2);
    // Sets: order does not matter, a missing member is wrong.
    let a: BTreeSet<String> = ["B".into(), "A".into()].into();
    let b: BTreeSet<String> = ["A".into(), "B".into()].into();
    let g = grade(
        &Answers {
            answers: vec![Some(Answer::Ids(a))],
        },
        &Answers {
            answers: vec![Some(Answer::Ids(b.clone()))],
        },
    );
    assert_eq!(g.right, 1);
    let g = grade(
        &Answers {
            answers: vec![Some(Answer::Ids(["A".into()].into()))],
        },
        &Answers {
            answers: vec![Some(Answer::Ids(b))],
        },
    );
    assert_eq!(g.right, 0);
    // No answers at all: everything wrong, nothing panics.
    let g = grade(&Answers::default(), &exp);
    assert_eq!(g.right, 0);
}

fn first_casus() -> serde_json::Value {
    serde_json::from_str(BUNDLED_CASUSSEN[0].1).unwrap()
}

fn err_of(v: &serde_json::Value) -> String {
    load_casus(engine(), "mijn-casus.json", &v.to_string())
        .unwrap_err()
        .to_string()
}

#[test]
fn broken_casus_files_give_clear_errors() {
    let mut v = first_casus();
    v["antwoord"] = "GM0828".into();
    let m = err_of(&v);
    assert!(
        m.starts_with("mijn-casus.json: antwoord: onbekend veld"),
        "{m}"
    );

    let mut v = first_casus();
    v.as_object_mut().unwrap().remove("story");
    assert_eq!(
        err_of(&v),
        // The shared JSON reader's wording (domain::json), as in every other data file.
        "mijn-casus.json: story: ontbreekt (verwacht tekst)"
    );

    let mut v = first_casus();
    v["scenario"]["activities"][0]["verzoektype"] = "aanvraag-vergunningx".into();
    let m = err_of(&v);
    assert!(
        m.starts_with("mijn-casus.json: scenario.activities[0].verzoektype: "),
        "{m}"
    );

    let mut v = first_casus();
    v["questions"][0]["ask"] = "wie-betaalt".into();
    let m = err_of(&v);
    assert!(
        m.starts_with("mijn-casus.json: questions[0].ask: onbekende vraag"),
        "{m}"
    );

    let mut v = first_casus();
    v["questions"][0]["surprise"] = 1.into();
    assert!(err_of(&v).starts_with("mijn-casus.json: questions[0].surprise: onbekend veld"));

    let mut v = first_casus();
    v["questions"][0]["activity"] = "sloopactiviteit".into();
    let m = err_of(&v);
    assert!(
        m.contains("questions[0]: geen verzoek met activiteit 'sloopactiviteit'"),
        "{m}"
    );

    let mut v = first_casus();
    v["explanation"] = "Er gaan {aantal} triggers uit.".into();
    let m = err_of(&v);
    assert!(
        m.starts_with("mijn-casus.json: explanation: onbekende plaatsaanduiding '{aantal}'"),
        "{m}"
    );

    let mut v = first_casus();
    v["topics"] = serde_json::json!(["magneet-provincie"]);
    let m = err_of(&v);
    assert!(
        m.contains("topics[0]: onderwerp 'magneet-provincie' blijkt niet uit de uitkomst"),
        "{m}"
    );

    let mut v = first_casus();
    v["format"] = "routewijzer-casus/9".into();
    assert!(err_of(&v).contains("format: 'routewijzer-casus/9' wordt niet ondersteund"));

    let mut v = first_casus();
    v["id"] = "Mijn Casus!".into();
    assert!(err_of(&v).starts_with("mijn-casus.json: id: verwacht een id"));

    let m = load_casus(engine(), "x.json", "{ nee")
        .unwrap_err()
        .to_string();
    assert!(m.starts_with("x.json: "), "{m}");
    let big = format!("{{\"a\": \"{}\"}}", "x".repeat(oefenen::MAX_FILE_BYTES));
    let m = load_casus(engine(), "x.json", &big)
        .unwrap_err()
        .to_string();
    assert!(m.contains("bestand te groot"), "{m}");
    // Messages are one line.
    let mut v = first_casus();
    v["id\nx"] = 1.into();
    assert!(!err_of(&v).contains('\n'));
}

#[test]
fn broken_leerpad_files_give_clear_errors() {
    let e = engine();
    let lp: serde_json::Value = serde_json::from_str(BUNDLED_LEERPAD.1).unwrap();

    let mut v = lp.clone();
    v["casussen"][1] = "bestaat-niet.json".into();
    let m = load_leerpad(e, "pad.json", &v.to_string(), BUNDLED_CASUSSEN)
        .unwrap_err()
        .to_string();
    assert_eq!(
        m,
        "pad.json: casussen[1]: casusbestand 'bestaat-niet.json' niet gevonden"
    );

    let mut v = lp.clone();
    v["casussen"][1] = v["casussen"][0].clone();
    let m = load_leerpad(e, "pad.json", &v.to_string(), BUNDLED_CASUSSEN)
        .unwrap_err()
        .to_string();
    assert!(
        m.contains("casussen[1]: casus-id 'oss-melding' komt dubbel voor (ook casussen[0])"),
        "{m}"
    );

    let mut v = lp.clone();
    v["extra"] = true.into();
    let m = load_leerpad(e, "pad.json", &v.to_string(), BUNDLED_CASUSSEN)
        .unwrap_err()
        .to_string();
    assert!(m.starts_with("pad.json: extra: onbekend veld"), "{m}");

    // A broken casus file is named by its own file name.
    let mut files: Vec<(&str, String)> = BUNDLED_CASUSSEN
        .iter()
        .map(|(n, t)| (*n, t.to_string()))
        .collect();
    files[0].1 = files[0].1.replace("\"story\"", "\"verhaal\"");
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let m = load_leerpad(e, "pad.json", BUNDLED_LEERPAD.1, &refs)
        .unwrap_err()
        .to_string();
    assert!(
        m.starts_with("01-oss-melding.json: verhaal: onbekend veld"),
        "{m}"
    );
}

#[test]
#[ignore]
fn print_leerpad() {
    let e = engine();
    for c in bundled_leerpad(e).unwrap().casussen {
        println!(
            "== {} {:?}",
            c.id,
            c.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>()
        );
        let outcome = oefenen::outcome(e, &c).unwrap();
        println!("   {}", explanation(&c, &outcome, false).unwrap());
        println!("   {:?}", expected_answers(e, &c).unwrap().answers);
    }
}

#[test]
fn casus_files_round_trip_and_drafts_from_every_fixture_load() {
    let e = engine();
    for c in bundled_leerpad(e).unwrap().casussen {
        let back = oefenen::casus_from_value(e, "x", &oefenen::casus_to_json(&c)).unwrap();
        assert_eq!(back, c);
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/routing");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".scenario.json") || name.starts_with("err-") {
            continue;
        }
        let scenario: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let c = oefenen::draft_casus(e, &scenario, "Mijn casus", "Een verhaal.")
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(c.id, "mijn-casus");
        let exp = expected_answers(e, &c).unwrap();
        assert_eq!(grade(&exp, &exp).right, c.questions.len());
        n += 1;
    }
    assert!(n >= 30, "{n}");
}

#[test]
fn a_downloaded_leerpad_is_one_file_that_loads_to_the_same_leerpad() {
    let engine = engine();
    let bundled = bundled_leerpad(engine).unwrap();
    let text = serde_json::to_string_pretty(&leerpad_to_json(&bundled)).unwrap();
    let back = load_leerpad(engine, "download.json", &text, &[]).unwrap();
    assert_eq!(back, bundled);
    // An inline casus that is broken is named by its place in the leerpad.
    let mut value = leerpad_to_json(&bundled);
    value["casussen"][2]["scenario"]["location"] = serde_json::json!({ "gemeente": "GM9999" });
    let err = load_leerpad(engine, "download.json", &value.to_string(), &[])
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("download.json casussen[2]"), "{err}");
    assert!(err.contains("GM9999"), "{err}");
    value["casussen"][2] = serde_json::json!(7);
    let err = load_leerpad(engine, "download.json", &value.to_string(), &[])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("verwacht een bestandsnaam of een casus"),
        "{err}"
    );
}

#[test]
fn every_bundled_casus_reads_in_english_too() {
    let engine = engine();
    for casus in bundled_leerpad(engine).unwrap().casussen {
        let en = casus.texts(true);
        assert!(casus.en.is_some(), "{}: no English texts", casus.id);
        assert_ne!(en.title, casus.title, "{}", casus.id);
        assert_eq!(en.hints.len(), casus.hints.len(), "{}", casus.id);
        assert_eq!(casus.texts(false).story, casus.story);
    }
    // The English explanation is checked like the Dutch one.
    let mut v = first_casus();
    v["en"] = serde_json::json!({ "title": "T", "story": "S", "explanation": "{onbekend}" });
    let m = err_of(&v);
    assert!(m.contains("en.explanation"), "{m}");
    v["en"] = serde_json::json!({ "title": "T", "story": "S", "explanation": "E", "extra": 1 });
    assert!(
        err_of(&v).contains("en.extra: onbekend veld"),
        "{}",
        err_of(&v)
    );
}
