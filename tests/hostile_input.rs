#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Hostile input (issue 11), natively: empty, huge, deeply nested, not UTF-8, markup in names,
//! impossible and foreign coordinates. Every case gives a clear one-line message that says
//! what was wrong and where, through the library and through the command line (exit 2), and
//! leaves the engine answering the next good scenario exactly as before.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use routewijzer::domain::{
    explain_str, parse_json_text, text_from_bytes, Configuration, Engine, MAX_INPUT_BYTES,
};
use routewijzer::geo::{parse_coordinates, CoordError, Geography, LonLat};

const SCRIPT: &str = "<script>alert('x')</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";

fn contract_example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/routing/contract-example.scenario.json"),
    )
    .unwrap()
}

/// A scenario at `location` (JSON text) with one plain activity.
fn scenario_at(location: &str) -> String {
    format!(
        r#"{{"format": "routewijzer-scenario/1", "location": {location},
            "activities": [{{"activity": "sloopactiviteit", "verzoektype": "melding"}}]}}"#
    )
}

/// A message is one non-empty line of plain text.
fn assert_one_line(message: &str) {
    assert!(!message.trim().is_empty(), "empty message");
    assert!(
        !message.chars().any(char::is_control),
        "not one line of plain text: {message:?}"
    );
}

fn err(text: &str) -> String {
    let e = explain_str(text).expect_err("hostile input accepted");
    let m = e.to_string();
    assert_one_line(&m);
    m
}

fn cli_file(name: &str, bytes: &[u8]) -> Output {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_input");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .arg("route")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    out
}

/// The CLI refuses the file with exit 2, nothing on stdout and one line on stderr.
fn cli_refuses(name: &str, bytes: &[u8]) -> String {
    let out = cli_file(name, bytes);
    assert_eq!(out.status.code(), Some(2), "{name}: exit {:?}", out.status);
    assert!(out.stdout.is_empty(), "{name}: output on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = stderr
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("{stderr:?}"));
    assert_one_line(line);
    line.to_string()
}

// ---- files: empty, huge, deeply nested ----

#[test]
fn empty_input_says_it_is_empty() {
    for text in ["", "   \n\t", "\u{feff}"] {
        let m = err(text);
        assert!(m.starts_with("lege invoer"), "{m}");
    }
    assert!(cli_refuses("leeg.json", b"").starts_with("lege invoer"));
}

#[test]
fn fifty_megabytes_are_refused_by_size_before_parsing() {
    let big = format!("{{\"title\": \"{}\"}}", "x".repeat(50 * 1024 * 1024 - 13));
    assert_eq!(big.len(), 50 * 1024 * 1024);
    let m = err(&big);
    assert_eq!(
        m,
        format!("invoer te groot: 52428800 bytes (maximaal {MAX_INPUT_BYTES})")
    );
    // The CLI reads no more than the cap.
    let line = cli_refuses("groot.json", big.as_bytes());
    assert!(line.starts_with("invoer te groot"), "{line}");
    assert!(line.contains(&MAX_INPUT_BYTES.to_string()), "{line}");
}

#[test]
fn nesting_ten_thousand_levels_deep_is_a_clean_error() {
    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let objects = format!(
        "{{\"title\": {}1{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    // Deep inside a field the engine knows, too.
    let in_configuration = scenario_at(r#"{"gemeente": "GM0828"}"#).replacen(
        "{\"format\"",
        &format!(
            "{{\"configuration\": {}null{}, \"format\"",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
        1,
    );
    for text in [&arrays, &objects, &in_configuration] {
        let m = err(text);
        assert!(m.starts_with("JSON is te diep genest"), "{m}");
        assert!(m.contains("op regel 1, kolom"), "{m}");
        let line = cli_refuses("diep.json", text.as_bytes());
        assert_eq!(line, m);
    }
    // A data file (a trainer's configuration) nested as deep.
    let engine = Engine::bundled().unwrap();
    let e = Configuration::from_json("diep", &arrays, &engine.catalogue, &engine.organisations)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("diep: JSON is te diep genest"), "{e}");
}

#[test]
fn endless_unreadable_and_missing_files_give_one_line() {
    let run = |path: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
            .args(["route", path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(out.stdout.is_empty(), "{path}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let line = stderr.strip_suffix('\n').unwrap().to_string();
        assert_one_line(&line);
        line
    };
    // An endless stream is cut at the size cap, not read to the end.
    #[cfg(unix)]
    assert!(run("/dev/zero").starts_with("invoer te groot"));
    let dir = env!("CARGO_TARGET_TMPDIR");
    assert!(run(dir).starts_with(&format!("kan {dir} niet lezen")));
    let missing = format!("{dir}/bestaat-niet.json");
    assert!(run(&missing).starts_with(&format!("kan {missing} niet openen")));
}

// ---- encodings ----

#[test]
fn invalid_utf8_names_the_byte_line_and_column() {
    let bytes = b"{\n  \"title\": \"caf\xe9\"\n}";
    let m = text_from_bytes(bytes).unwrap_err().to_string();
    assert_eq!(
        m,
        "invoer is geen UTF-8: ongeldige byte 0xE9 op regel 2, kolom 16 (byte 17); sla het bestand op als UTF-8"
    );
    assert_eq!(cli_refuses("latin1.json", bytes), m);
    // A lone continuation byte at the very start, and a truncated sequence at the end.
    let m = text_from_bytes(b"\x80{}").unwrap_err().to_string();
    assert!(m.contains("0x80 op regel 1, kolom 1 (byte 0)"), "{m}");
    let m = text_from_bytes(b"{}\xe2\x82").unwrap_err().to_string();
    assert!(m.contains("0xE2 op regel 1, kolom 3 (byte 2)"), "{m}");
}

#[test]
fn utf16_and_utf32_are_named() {
    let text = contract_example();
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let le_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf32: Vec<u8> = [0xff, 0xfe, 0, 0]
        .into_iter()
        .chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes()))
        .collect();
    for (name, bytes, expected) in [
        ("le.json", &le, "maar UTF-16 (byte-order mark FF FE)"),
        ("be.json", &be, "maar UTF-16 (byte-order mark FE FF)"),
        (
            "le-zonder-bom.json",
            &le_no_bom,
            "maar UTF-16 (zonder byte-order mark)",
        ),
        (
            "utf32.json",
            &utf32,
            "maar UTF-32 (byte-order mark FF FE 00 00)",
        ),
    ] {
        let m = text_from_bytes(bytes).unwrap_err().to_string();
        assert!(m.starts_with("invoer is geen UTF-8"), "{name}: {m}");
        assert!(m.contains(expected), "{name}: {m}");
        assert!(m.ends_with("sla het bestand op als UTF-8"), "{name}: {m}");
        assert_eq!(cli_refuses(name, bytes), m, "{name}");
    }
    // UTF-8 with a byte-order mark is fine.
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(text_from_bytes(with_bom.as_bytes()).unwrap(), with_bom);
    assert!(explain_str(&with_bom).is_ok());
}

#[test]
fn data_files_from_windows_editors_are_read() {
    // A configuration or catalogue saved with a byte-order mark reads as without one, and a
    // broken configuration says where, in Dutch, like a scenario.
    let engine = Engine::bundled().unwrap();
    let (name, text) = routewijzer::data::CONFIGURATIONS[0];
    let with_bom = format!("\u{feff}{text}");
    let c = Configuration::from_json(name, &with_bom, &engine.catalogue, &engine.organisations)
        .unwrap();
    assert_eq!(Some(&c), engine.configuration(name));
    let catalogue = format!("\u{feff}{}", routewijzer::data::CATALOGUE_JSON);
    let ministers = engine.organisations.ministers();
    assert_eq!(
        routewijzer::domain::Catalogue::from_json(&catalogue, ministers).unwrap(),
        engine.catalogue
    );
    let broken = text.replacen('[', "[,", 1);
    let e = Configuration::from_json(name, &broken, &engine.catalogue, &engine.organisations)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(&format!("{name}: ongeldige JSON (")) && e.contains(" op regel "),
        "{e}"
    );
}

// ---- markup in names ----

#[test]
fn markup_in_names_comes_back_as_the_same_text() {
    // Accepted free text: the configuration's name and description reach the outcome
    // unchanged (no escaping, no stripping); the JSON output carries them as strings.
    let scenario = scenario_at(r#"{"gemeente": "GM0828"}"#).replacen(
        "{\"format\"",
        &format!(
            "{{\"title\": {}, \"configuration\": {{\"name\": {}, \"description\": {}, \"behandeldiensten\": []}}, \"format\"",
            serde_json::to_string(SCRIPT).unwrap(),
            serde_json::to_string(IMG).unwrap(),
            serde_json::to_string(SCRIPT).unwrap()
        ),
        1,
    );
    let outcome = explain_str(&scenario).unwrap();
    let config = outcome.configuration.as_ref().unwrap();
    assert_eq!(config.name.as_deref(), Some(IMG));
    assert_eq!(config.description.as_deref(), Some(SCRIPT));
    let out = cli_file("markup.json", scenario.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["configuration"]["name"], IMG);

    // Refused ids: the message quotes them as plain text and names the field.
    let bad_activity = scenario_at(r#"{"gemeente": "GM0828"}"#).replace("sloopactiviteit", SCRIPT);
    let m = err(&bad_activity);
    assert!(m.starts_with("activities[0].activity: "), "{m}");
    assert!(m.contains(&format!("'{SCRIPT}'")), "{m}");
    assert_eq!(cli_refuses("script.json", bad_activity.as_bytes()), m);

    let bad_gemeente = scenario_at(&format!(
        "{{\"gemeente\": {}}}",
        serde_json::to_string(IMG).unwrap()
    ));
    let m = err(&bad_gemeente);
    assert!(m.starts_with("location.gemeente: "), "{m}");
    assert!(m.contains(IMG), "{m}");

    // As an unknown key: the path shows the key as text.
    let bad_key = scenario_at(r#"{"gemeente": "GM0828"}"#).replacen(
        "{\"format\"",
        &format!("{{{}: 1, \"format\"", serde_json::to_string(IMG).unwrap()),
        1,
    );
    let m = err(&bad_key);
    assert!(m.starts_with(&format!("{IMG}: onbekend veld")), "{m}");
}

// ---- coordinates ----

#[test]
fn impossible_numbers_in_a_scenario_are_refused_with_the_place() {
    // JSON has no NaN or Infinity: a syntax error with line and column.
    for (lon, lat) in [("NaN", "52"), ("Infinity", "52"), ("5", "-Infinity")] {
        let m = err(&scenario_at(&format!("{{\"lon\": {lon}, \"lat\": {lat}}}")));
        assert!(m.starts_with("ongeldige JSON"), "{m}");
        assert!(m.contains("op regel 1, kolom"), "{m}");
    }
    // Beyond f64: serde_json's "number out of range", with the place.
    let m = err(&scenario_at(r#"{"lon": 1e309, "lat": 52}"#));
    assert!(
        m.contains("number out of range") && m.contains("regel 1"),
        "{m}"
    );
    // Huge but finite: outside every gemeente.
    for location in [
        r#"{"lon": 1e308, "lat": 52}"#,
        r#"{"lon": 5, "lat": -1e308}"#,
        r#"{"rd": [1e308, 1e308]}"#,
        r#"{"rd": [-1e308, 463000]}"#,
    ] {
        let m = err(&scenario_at(location));
        assert!(m.starts_with("location"), "{location}: {m}");
        assert!(m.contains("buiten elke gemeente"), "{location}: {m}");
        assert!(m.len() < 80, "numbers written out: {m}");
    }
    let m = err(&scenario_at(r#"{"rd": [1e308, -1e300]}"#));
    assert_eq!(
        m,
        "location.rd: het RD-punt (1e308, -1e300) ligt buiten elke gemeente"
    );
}

#[test]
fn belgium_germany_and_the_sea_lie_outside_every_gemeente() {
    let places = [
        ("België (Antwerpen)", 4.4, 51.2),
        ("Duitsland (Essen)", 7.0, 51.5),
        ("Noordzee", 3.5, 52.5),
    ];
    for (name, lon, lat) in places {
        let m = err(&scenario_at(&format!("{{\"lon\": {lon}, \"lat\": {lat}}}")));
        assert_eq!(
            m,
            format!("location: het punt (lon {lon}, lat {lat}) ligt buiten elke gemeente"),
            "{name}"
        );
        let line = cli_refuses(
            "buitenland.json",
            scenario_at(&format!("{{\"lon\": {lon}, \"lat\": {lat}}}")).as_bytes(),
        );
        assert_eq!(line, m, "{name}");
        // Typed in: the format is read (it is in the Netherlands' lat/lon box), and the
        // point is then found outside every gemeente.
        let typed = parse_coordinates(&format!("{lat}, {lon}")).unwrap();
        assert_eq!(typed, LonLat { lon, lat });
        assert!(Geography::bundled().locate(typed).is_none(), "{name}");
    }
    // A control: a point in Oss is inside.
    assert!(Geography::bundled()
        .locate(LonLat {
            lon: 5.528,
            lat: 51.765
        })
        .is_some());
}

#[test]
fn impossible_numbers_typed_in_are_refused_with_a_message() {
    for (typed, expected) in [
        ("NaN, 5", "\"NaN\" is geen eindig getal"),
        ("52, inf", "\"inf\" is geen eindig getal"),
        ("Infinity 52", "\"Infinity\" is geen eindig getal"),
        ("-Infinity 52", "\"-Infinity\" is geen eindig getal"),
        ("1e999 52", "\"1e999\" is geen eindig getal"),
        ("1e308 52", "(1e308, 52) ligt niet in Nederland"),
        ("52 1e308", "ligt niet in Nederland"),
        (SCRIPT, "geen getal"),
        (IMG, "geen getal"),
    ] {
        let e = parse_coordinates(typed).unwrap_err();
        let m = e.to_string();
        assert!(m.contains(expected), "{typed}: {m}");
        assert_one_line(&m);
        if typed.contains('e') && typed.contains("308") {
            assert!(matches!(e, CoordError::OutsideNetherlands(..)), "{typed}");
        }
    }
    // Markup typed in is quoted as text.
    let m = parse_coordinates(&format!("{SCRIPT} 5"))
        .unwrap_err()
        .to_string();
    assert!(m.contains("<script>alert('x')</script>"), "{m}");
}

// ---- the previous state stays intact ----

#[test]
fn after_all_that_the_engine_answers_as_before() {
    let text = contract_example();
    let before = explain_str(&text).unwrap();
    let hostile: Vec<String> = vec![
        String::new(),
        "x".repeat(MAX_INPUT_BYTES + 1),
        "[".repeat(10_000),
        scenario_at(r#"{"lon": 3.5, "lat": 52.5}"#),
        scenario_at(r#"{"rd": [1e308, 1e308]}"#),
        scenario_at(r#"{"gemeente": "GM0828"}"#).replace("sloopactiviteit", SCRIPT),
        text.replace("voorbeeld-noord-brabant", IMG),
    ];
    for h in &hostile {
        assert!(explain_str(h).is_err());
    }
    assert_eq!(explain_str(&text).unwrap(), before);
    assert_eq!(
        explain_str(&text).unwrap(),
        routewijzer::domain::explain_json(&parse_json_text(&text).unwrap()).unwrap()
    );
}

#[test]
fn nul_and_bidi_characters_in_input_are_shown_escaped() {
    // Issue 22 items 6 and 8b: a NUL is shown (not removed, which made the message
    // contradict itself), and a right-to-left override cannot reverse the message.
    let m = err(
        r#"{ "location": { "gemeente": "GM0828\u0000" }, "activities": [ { "activity": "kappen", "verzoektype": "melding" } ] }"#,
    );
    assert_eq!(
        m,
        "location.gemeente: onbekende gemeente 'GM0828\\u0000' (verwacht een CBS-code zoals GM0828)"
    );
    let m = err(
        r#"{ "location": { "gemeente": "GM\u202e8280" }, "activities": [ { "activity": "kappen", "verzoektype": "melding" } ] }"#,
    );
    assert!(
        m.contains("'GM\\u202E8280'") && !m.contains('\u{202E}'),
        "{m}"
    );
    let m = err(
        r#"{ "location": { "gemeente": "GM0828" }, "activities": [ { "activity": "kap\u2066pen", "verzoektype": "melding" } ] }"#,
    );
    assert!(
        m.contains("'kap\\u2066pen'") && !m.contains('\u{2066}'),
        "{m}"
    );
    let m = err(r#"{ "location": { "gemeente": "GM0828" }, "activities": [], "\u202eformat": 1 }"#);
    assert!(m.starts_with("\\u202Eformat: onbekend veld"), "{m}");
}
