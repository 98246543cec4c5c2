//! The app's state layer, natively (issue 19): the explainer's reducer, the configuration
//! store and Oefenen's reducer are plain functions, tested here without a browser. The
//! first test is data-driven over every routing fixture, like `domain_fixtures`: a scenario
//! opened in the app is the scenario the command line routes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use routewijzer::domain::oefenen::{bundled_leerpad, expected_answers, Answer};
use routewijzer::domain::{
    BdMerge, ConfigurationRef, Engine, Location, ScenarioDraft, Verzoektype,
};
use routewijzer::ui::i18n::Lang;
use routewijzer::ui::state::oefenen::progress::Progress;
use routewijzer::ui::state::oefenen::{OefenAction, OefenState, Step};
use routewijzer::ui::state::store::{Store, StoreAction};
use routewijzer::ui::state::{add_activity, place, Action, Notice, Opened, State};
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/routing");
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p
                .file_name()?
                .to_str()?
                .strip_suffix(".scenario.json")?
                .to_string();
            Some((name, fs::read_to_string(&p).unwrap()))
        })
        .collect();
    out.sort();
    out
}

/// Missing location or activities: what a draft may lack and a scenario may not.
fn only_incomplete(path: &str) -> bool {
    path == "location" || path == "activities"
}

#[test]
fn every_fixture_opens_as_the_scenario_the_command_line_routes() {
    let engine = engine();
    let list = fixtures();
    assert!(list.len() >= 30, "only {} fixtures", list.len());
    let mut failures = Vec::new();
    for (name, text) in list {
        let Ok(value) = routewijzer::domain::parse_json_text(&text) else {
            continue; // not JSON: refused alike, covered by hostile_input
        };
        let scenario = engine.parse(&value);
        let draft = engine.parse_draft(&value);
        match (&scenario, &draft) {
            // Everything a scenario says survives in the draft (issue 19: the lost
            // bd_after_bg_change), and routing the draft at its located place gives the
            // command line's outcome.
            (Ok(s), Ok(d)) => {
                if ScenarioDraft::from(s.clone()) != *d {
                    failures.push(format!("{name}: the draft differs from the scenario"));
                }
                // What the app writes (link, storage, file) reads back as the same draft.
                if engine.parse_draft(&d.to_value()).as_ref() != Ok(d) {
                    failures.push(format!("{name}: the written draft reads back differently"));
                }
                let cli = engine.route(s).map_err(|e| e.to_string());
                let app = Opened::new(engine, d.clone()).and_then(|o| {
                    let located = o.located.expect("a scenario has a location");
                    let scenario = o.draft.to_scenario().expect("complete");
                    engine
                        .route_located(&scenario, &located)
                        .map_err(|e| e.to_string())
                });
                match (cli, app) {
                    (Ok(a), Ok(b)) if a == b => {}
                    (Err(_), Err(_)) => {}
                    (a, b) => failures.push(format!("{name}: cli {a:?} / app {b:?}")),
                }
            }
            // One walk, one set of messages.
            (Err(a), Err(b)) if a == b => {}
            (Err(a), Ok(_)) if only_incomplete(&a.path) => {}
            (a, b) => failures.push(format!("{name}: scenario {a:?} / draft {b:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_app_keeps_bd_after_bg_change_from_a_file_or_link() {
    let text = include_str!("fixtures/routing/na-ontvangst-bg-wijziging-houdt-bd.scenario.json");
    let opened = Opened::from_text(engine(), text).unwrap();
    let state = State::default().reduce(Action::Load(Box::new(opened)));
    let saved = serde_json::to_value(&state.draft).unwrap();
    assert_eq!(saved["assumptions"]["bd_after_bg_change"], "keep");
    assert_eq!(saved["after_receipt"][0]["to"], "GM0796");
    // What the app writes into the URL opens to the same state.
    let again = Opened::from_text(engine(), &saved.to_string()).unwrap();
    assert_eq!(again.draft, state.draft);
}

/// A state from `start` (draft JSON) after `actions`, as draft JSON and notice.
fn check(start: Value, actions: Vec<Action>, expect: Value, notice: Option<&str>) {
    let opened = Opened::new(engine(), engine().parse_draft(&start).unwrap()).unwrap();
    let mut state = State::default().reduce(Action::Load(Box::new(opened)));
    for action in actions {
        state = state.reduce(action);
    }
    let mut got = serde_json::to_value(&state.draft).unwrap();
    got.as_object_mut().unwrap().remove("format");
    assert_eq!(got, expect);
    let text = state.notice.as_ref().map(|n| n.text.as_str());
    match notice {
        None => assert_eq!(text, None),
        Some(part) => assert!(text.is_some_and(|t| t.contains(part)), "{text:?}"),
    }
}

#[test]
fn reducer_cases() {
    let e = engine();
    let assumptions = routewijzer::domain::Assumptions::default();
    let defaults = serde_json::to_value(assumptions).unwrap();
    let oss = Location::Gemeente {
        gemeente: "GM0828".into(),
    };
    let cases: Vec<(Value, Vec<Action>, Value, Option<&str>)> = vec![
        // Placing and choosing build up a scenario.
        (
            json!({}),
            vec![
                place(e, oss.clone(), Lang::Nl),
                add_activity(e, "kappen").unwrap(),
            ],
            json!({ "location": { "gemeente": "GM0828" }, "activities": [{ "activity": "kappen", "verzoektype": "aanvraag-vergunning", "flags": [] }], "assumptions": defaults }),
            None,
        ),
        // A point at sea is refused with a notice; the previous place stays.
        (
            json!({ "location": { "gemeente": "GM0828" } }),
            vec![place(
                e,
                Location::LonLat {
                    lon: 3.0,
                    lat: 53.0,
                },
                Lang::Nl,
            )],
            json!({ "location": { "gemeente": "GM0828" }, "activities": [], "assumptions": defaults }),
            Some("buiten elke Nederlandse gemeente"),
        ),
        // A change of the scenario clears an old notice.
        (
            json!({}),
            vec![
                Action::Notify(Notice::new(Lang::Nl, "oud".into())),
                place(e, oss.clone(), Lang::Nl),
            ],
            json!({ "location": { "gemeente": "GM0828" }, "activities": [], "assumptions": defaults }),
            None,
        ),
        // Verzoektype, flags, removal; an index out of range changes nothing.
        (
            json!({ "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }] }),
            vec![
                Action::SetVerzoektype(0, Verzoektype::AanvraagVergunning),
                Action::SetFlag(0, "ippc".into(), true),
                Action::SetFlag(0, "ippc".into(), true),
                Action::RemoveActivity(5),
            ],
            json!({ "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "aanvraag-vergunning", "flags": ["ippc"] }], "assumptions": defaults }),
            None,
        ),
        // Configuration and assumptions.
        (
            json!({ "configuration": "voorbeeld-noord-brabant" }),
            vec![
                Action::SetConfiguration(None),
                Action::SetAssumptions(routewijzer::domain::Assumptions {
                    bd_merge: BdMerge::AnySingle,
                    ..assumptions
                }),
            ],
            json!({ "activities": [], "assumptions": { "bd_merge": "any-single", "dso": defaults["dso"], "bg_notified_when_bd": true } }),
            None,
        ),
    ];
    for (start, actions, expect, notice) in cases {
        check(start, actions, expect, notice);
    }
}

#[test]
fn the_default_state_uses_the_bundled_configuration_and_nothing_else() {
    let state = State::default();
    assert_eq!(
        state.draft.configuration,
        Some(ConfigurationRef::Bundled("voorbeeld-nederland".into())),
        "issue 17: the whole country's example is the default"
    );
    assert!(state.draft.location.is_none() && state.draft.activities.is_empty());
    assert_eq!(
        state.draft.to_scenario(),
        None,
        "an incomplete draft is no scenario"
    );
    assert_eq!(
        state.draft.assumptions,
        ScenarioDraft::default().assumptions
    );
}

#[test]
fn a_broken_draft_is_refused_with_the_scenario_message() {
    let bad = json!({ "activities": [{ "activity": "sloopactiviteit", "verzoektype": "aanvraag-vergunning" }] });
    let e = engine().parse_draft(&bad).unwrap_err();
    assert_eq!(e.path, "activities[0].verzoektype");
    let unknown =
        Opened::from_text(engine(), r#"{"location": {"gemeente": "GM9999"}}"#).unwrap_err();
    assert!(unknown.contains("GM9999"), "{unknown}");
}

#[test]
fn the_store_undoes_redoes_and_notices_another_tab() {
    let store = Store::from_text(Some("k".into()), None).unwrap();
    let draft = routewijzer::domain::configuration::draft::Draft {
        id: "eigen-1".into(),
        name: "Een".into(),
        ..Default::default()
    };
    let store = store.reduce(StoreAction::Add(draft.clone()));
    assert_eq!(store.drafts.len(), 1);
    assert_eq!(store.selected.as_deref(), Some("eigen-1"));
    let undone = store.clone().reduce(StoreAction::Undo);
    assert!(undone.drafts.is_empty() && undone.selected.is_none());
    let redone = undone.reduce(StoreAction::Redo);
    assert_eq!(redone.drafts, store.drafts);
    // Our own save echoed back is no conflict; another text is, and stops saving.
    let echoed = redone.clone().reduce(StoreAction::External(redone.text()));
    assert!(echoed.conflict.is_none() && echoed.save_key() == Some("k"));
    let other = redone.reduce(StoreAction::External("{}".into()));
    assert!(other.conflict.is_some() && other.save_key().is_none());
    // An unreadable store is refused with the reason (the hook sets it aside and reports
    // it: ui::storage, tests/ui_storage.rs).
    let why = Store::from_text(None, Some("kapot")).unwrap_err();
    assert!(why.contains("regel 1"), "{why}");
}

/// Two bundled configurations (issue 17): the Configuratie view's choice of one stays, and
/// choosing a user draft and back does not lose it.
#[test]
fn the_store_remembers_which_bundled_configuration_is_shown() {
    let store = Store::from_text(None, None).unwrap();
    assert_eq!(
        (store.selected.as_deref(), store.bundled.as_deref()),
        (None, None)
    );
    let store = store.reduce(StoreAction::SelectBundled("voorbeeld-noord-brabant".into()));
    assert_eq!(store.bundled.as_deref(), Some("voorbeeld-noord-brabant"));
    assert!(store.selected.is_none());
    let draft = routewijzer::domain::configuration::draft::Draft {
        id: "eigen-1".into(),
        ..Default::default()
    };
    let store = store.reduce(StoreAction::Add(draft));
    assert_eq!(store.selected.as_deref(), Some("eigen-1"));
    let store = store.reduce(StoreAction::SelectBundled("voorbeeld-nederland".into()));
    assert_eq!(
        (store.selected.as_deref(), store.bundled.as_deref()),
        (None, Some("voorbeeld-nederland"))
    );
}

fn oefen_state() -> OefenState {
    let leerpad = bundled_leerpad(engine()).map_err(|e| e.to_string());
    OefenState::new(leerpad, None, Progress::fresh(), None)
}

#[test]
fn oefenen_grades_without_routing_and_keeps_the_score_in_its_progress() {
    let state = oefen_state();
    let casus = state.casus().unwrap().clone();
    let expected = expected_answers(engine(), &casus).unwrap();
    // Every answer right: the grading says so and the progress records it.
    let mut state = state;
    for (q, answer) in expected.answers.iter().enumerate() {
        state = state.reduce(OefenAction::Set(q, answer.clone()));
    }
    let state = state.reduce(OefenAction::Reveal(Ok(expected.clone())));
    let grading = state.grading.clone().unwrap();
    assert_eq!(grading.right, grading.total);
    let done = &state.progress.done[&state.leerpad_id][&casus.id];
    assert_eq!((done.right, done.total), (grading.right, grading.total));
    // No expected answers (the casus could not be routed): a message, no grading.
    let failed = oefen_state().reduce(OefenAction::Reveal(Err("kapot".into())));
    assert_eq!(failed.message.as_deref(), Some("kapot"));
    assert!(failed.grading.is_none());
    // A fresh state starts at the first casus not yet done.
    let again = OefenState::new(
        bundled_leerpad(engine()).map_err(|e| e.to_string()),
        None,
        state.progress.clone(),
        None,
    );
    assert_eq!(again.current, 1);
    // Answers change only where asked; a question that does not exist changes nothing.
    let answered = oefen_state().reduce(OefenAction::Set(99, Some(Answer::Count(1))));
    assert_eq!(answered.given, oefen_state().given);
}

#[test]
fn the_projector_steps_story_questions_outcome_and_back() {
    let state = oefen_state();
    let expected = expected_answers(engine(), state.casus().unwrap()).map_err(|e| e.to_string());
    let step = |s: OefenState, forward| s.reduce(OefenAction::Step(forward, expected.clone()));
    assert_eq!(state.step, Step::Story);
    let questions = step(state, true);
    assert_eq!(questions.step, Step::Questions);
    let revealed = step(questions.clone(), true);
    assert!(
        revealed.grading.is_some(),
        "the step after the questions reveals"
    );
    let next = step(revealed.clone(), true);
    assert_eq!(
        (next.current, next.step, next.grading.is_none()),
        (1, Step::Story, true)
    );
    let back = step(revealed, false);
    assert_eq!((back.step, back.grading.is_none()), (Step::Questions, true));
    assert_eq!(step(questions, false).step, Step::Story);
}

#[test]
fn a_broken_casus_link_keeps_the_bundled_leerpad_with_a_message() {
    let leerpad = bundled_leerpad(engine()).map_err(|e| e.to_string());
    let state = OefenState::new(
        leerpad,
        Some(Err("afgekapt".into())),
        Progress::fresh(),
        None,
    );
    assert!(state.message.unwrap().contains("afgekapt"));
    assert!(state.casussen.len() > 1);
}

/// Issue 22: the report about the stored scenario (set aside) stays on screen until the
/// user closes it; a link or a change of the scenario does not wipe it, unlike a notice.
#[test]
fn the_report_about_stored_work_lasts_until_closed() {
    let e = engine();
    let report = "Het opgeslagen scenario: niet te gebruiken (kapot); bewaard onder 'k.beschadigd.1' en niet gewist.";
    let state = State {
        report: Some(report.into()),
        ..State::default()
    }
    .reduce(Action::Notify(Notice::new(
        Lang::En,
        "the link is damaged".into(),
    )));
    let texts = |s: &State, more| -> Vec<(String, Lang)> {
        s.shown_notices(more)
            .into_iter()
            .map(|n| (n.text, n.lang))
            .collect()
    };
    assert_eq!(
        texts(&state, Some("De configuraties …")),
        [
            ("the link is damaged".to_string(), Lang::En),
            (report.to_string(), Lang::Nl),
            ("De configuraties …".to_string(), Lang::Nl)
        ]
    );
    let opened = Opened::from_text(e, r#"{"location": {"gemeente": "GM0828"}}"#).unwrap();
    let changed = state
        .reduce(Action::Load(Box::new(opened)))
        .reduce(add_activity(e, "kappen").unwrap());
    assert!(changed.notice.is_none(), "the notice goes with a change");
    assert_eq!(texts(&changed, None), [(report.to_string(), Lang::Nl)]);
    let closed = changed.reduce(Action::DismissNotice);
    assert_eq!(texts(&closed, None), []);
    // Why the draft is not kept is set and cleared per place.
    let full = closed.reduce(Action::NotKept(false, Some("vol".into())));
    let both = full.reduce(Action::NotKept(true, Some("te lang".into())));
    assert_eq!(both.not_kept.storage.as_deref(), Some("vol"));
    assert_eq!(both.not_kept.link.as_deref(), Some("te lang"));
    let linked = both.reduce(Action::NotKept(true, None));
    assert_eq!(linked.not_kept.link, None);
    assert_eq!(linked.not_kept.storage.as_deref(), Some("vol"));
}
