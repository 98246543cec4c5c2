//! What every fuzz target checks, for one input. The fuzz targets (`fuzz_targets/*.rs`, nightly,
//! libFuzzer) call these functions; `tests/fuzz_replay.rs` includes this very file on stable and
//! replays every file of `fuzz/corpus/<target>/` through them, so CI checks the same code paths
//! without nightly.
//!
//! Each check feeds the input to one parser of outside input through its public entry point
//! and asserts a sane result: no panic, and either a value that holds together or an error
//! whose message is one non-empty line of plain text (no control characters, so it cannot
//! break a terminal or a log line) of reasonable length.

use routewijzer::domain::configuration::csv::{
    export_csv, import_csv, parse_records, problems_csv,
};
use routewijzer::domain::oefenen::{self, casus_to_json, load_casus, load_leerpad};
use routewijzer::domain::rules::Rules;
use routewijzer::domain::{explain_json, link, parse_json_text};
use routewijzer::domain::{
    explain_str, Catalogue, Configuration, Engine, FindingTexts, Lang, Organisations,
};
use routewijzer::geo::{self, CoordFormat, Geography};

/// One input's check.
pub type Check = fn(&[u8]);

/// Every target by name (the folder name under `fuzz/corpus/`) with its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("scenario_json", scenario_json),
    ("configuration_json", configuration_json),
    ("coordinates", coordinates),
    ("catalogue_json", catalogue_json),
    ("organisations_json", organisations_json),
    ("findings_json", findings_json),
    ("rules_json", rules_json),
    ("geography", geography),
    ("gemeente_search", gemeente_search),
    ("link_fragment", link_fragment),
    ("casus", casus),
    ("leerpad", leerpad),
    ("configuration_csv", configuration_csv),
];

/// Longest error message we accept as "readable" (characters).
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// An error message is one non-empty line of plain text.
pub fn assert_message(what: &str, message: &str) {
    assert!(!message.trim().is_empty(), "{what}: empty error message");
    assert!(
        !message.chars().any(char::is_control),
        "{what}: control character in error message {message:?}"
    );
    assert!(
        !message.contains(['\u{2028}', '\u{2029}']),
        "{what}: line separator in error message {message:?}"
    );
    // Unicode format characters (bidi overrides and isolates, zero-width characters, the
    // byte-order mark) are shown escaped, so a message cannot display reversed.
    assert!(
        !message.chars().any(|c| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')),
        "{what}: format character in error message {message:?}"
    );
    let n = message.chars().count();
    assert!(
        n <= MAX_MESSAGE_CHARS,
        "{what}: error message of {n} characters"
    );
}

fn engine() -> &'static Engine {
    match Engine::bundled() {
        Ok(e) => e,
        Err(e) => panic!("bundled engine does not build: {e}"),
    }
}

/// Inputs are bytes; parsers take text. Invalid UTF-8 is replaced (U+FFFD) so the mutations
/// that break UTF-8 still reach the parser.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Scenario JSON (contract §3) → outcome (§4), through `explain_str` as the CLI and the
/// JavaScript API call it.
pub fn scenario_json(data: &[u8]) {
    let text = text(data);
    match explain_str(&text) {
        Ok(outcome) => {
            let json = match serde_json::to_string(&outcome) {
                Ok(j) => j,
                Err(e) => panic!("outcome does not serialise: {e}"),
            };
            // The outcome is valid JSON that reads back to the same value.
            let back: serde_json::Value = match serde_json::from_str(&json) {
                Ok(v) => v,
                Err(e) => panic!("outcome JSON does not parse back: {e}"),
            };
            assert!(back.is_object(), "outcome is not an object");
            assert!(
                !outcome.verzoeken.is_empty(),
                "a routed scenario has at least one verzoek"
            );
            // Contract §5: at most two triggers per verzoek (BG, behandeldienst), one per
            // recipient, and the total is their sum.
            let mut sum = 0u32;
            for v in &outcome.verzoeken {
                assert!(v.triggers <= 2, "verzoek with {} triggers", v.triggers);
                assert_eq!(v.triggers as usize, v.recipients.len());
                assert!(!v.activities.is_empty(), "verzoek without activities");
                sum += v.triggers;
            }
            assert_eq!(outcome.total_triggers, sum, "total_triggers is not the sum");
        }
        Err(e) => assert_message("scenario", &e.to_string()),
    }
}

/// A behandeldienstconfiguratie file (a trainer's edit or an export).
pub fn configuration_json(data: &[u8]) {
    let e = engine();
    let text = text(data);
    match Configuration::from_json("fuzz", &text, &e.catalogue, &e.organisations) {
        Ok(c) => {
            for entry in &c.behandeldiensten {
                assert!(
                    e.organisations.get(&entry.bevoegd_gezag).is_some(),
                    "accepted unknown bevoegd gezag {}",
                    entry.bevoegd_gezag
                );
                assert!(
                    e.organisations.get(&entry.behandeldienst).is_some(),
                    "accepted unknown behandeldienst {}",
                    entry.behandeldienst
                );
                assert!(
                    e.catalogue.is_activity_or_group(&entry.activity),
                    "accepted unknown activity {}",
                    entry.activity
                );
            }
        }
        Err(err) => {
            let m = err.to_string();
            assert!(
                m.starts_with("fuzz: "),
                "message does not name the file: {m}"
            );
            assert_message("configuration", &m);
        }
    }
}

/// A typed-in coordinate string, then where it lies.
pub fn coordinates(data: &[u8]) {
    let text = text(data);
    match geo::parse_coordinates_detailed(&text) {
        Ok((p, format)) => {
            assert!(
                p.lon.is_finite() && p.lat.is_finite(),
                "non-finite point {p:?} from {text:?}"
            );
            if format != CoordFormat::Rd {
                assert!(
                    (50.5..=53.7).contains(&p.lat) && (3.2..=7.3).contains(&p.lon),
                    "WGS84 point outside the accepted ranges: {p:?}"
                );
            }
            assert_eq!(
                geo::parse_coordinates(&text).ok(),
                Some(p),
                "parse_coordinates disagrees with parse_coordinates_detailed"
            );
            if let Some(located) = Geography::bundled().locate(p) {
                assert!(
                    Geography::bundled()
                        .gemeente(&located.gemeente.id)
                        .is_some(),
                    "located in unknown gemeente {}",
                    located.gemeente.id
                );
                assert!(
                    located.boundary_distance_m.is_finite() && located.boundary_distance_m >= 0.0
                );
            }
        }
        Err(e) => assert_message("coordinates", &e.to_string()),
    }
}

/// The activity catalogue (a trainer's edited copy).
pub fn catalogue_json(data: &[u8]) {
    let text = text(data);
    match Catalogue::from_json(&text, engine().organisations.ministers()) {
        Ok(c) => {
            for a in &c.activities {
                assert!(
                    c.activity(&a.id).is_some(),
                    "activity {} not found by id",
                    a.id
                );
            }
        }
        Err(e) => assert_message("catalogue", &e.to_string()),
    }
}

/// The organisations file.
pub fn organisations_json(data: &[u8]) {
    let text = text(data);
    match Organisations::from_json(&text, Geography::bundled()) {
        Ok(o) => {
            for org in o.all() {
                assert!(
                    o.get(&org.id).is_some(),
                    "organisation {} not found by id",
                    org.id
                );
            }
        }
        Err(e) => assert_message("organisations", &e.to_string()),
    }
}

/// A findings file (`data/findings/*.json`), read as Dutch and as English: a file that loads
/// renders every finding of a routed scenario without a placeholder left.
pub fn findings_json(data: &[u8]) {
    let text = text(data);
    for lang in [Lang::Nl, Lang::En] {
        match FindingTexts::from_json(&text, lang) {
            Ok(texts) => {
                let scenario = r#"{ "location": { "gemeente": "GM1991" }, "configuration": "voorbeeld-noord-brabant",
                    "activities": [ { "activity": "omgevingsplanactiviteit-bouwwerk", "verzoektype": "aanvraag-vergunning" },
                                    { "activity": "milieubelastende-activiteit", "verzoektype": "aanvraag-vergunning" },
                                    { "activity": "sloopactiviteit", "verzoektype": "melding" } ] }"#;
                let outcome = match explain_str(scenario) {
                    Ok(o) => o,
                    Err(e) => panic!("bundled scenario does not route: {e}"),
                };
                for v in &outcome.verzoeken {
                    for f in &v.findings {
                        let shown = f.text_in(&texts);
                        assert!(!shown.is_empty(), "empty sentence for {}", f.sentence());
                    }
                }
            }
            Err(e) => assert_message("findings", &e.to_string()),
        }
    }
}

/// The rules file.
pub fn rules_json(data: &[u8]) {
    let text = text(data);
    match Rules::from_json(&text) {
        Ok(r) => {
            for rule in &r.rules {
                assert!(r.mark(&rule.mark).is_some(), "rule with unknown mark");
                assert!(
                    rule.sources.iter().all(|s| r.source(s).is_some()),
                    "rule with unknown source"
                );
                assert!(!rule.text.nl.trim().is_empty() && !rule.text.en.trim().is_empty());
            }
            for source in &r.sources {
                assert!(!source.dating("nl").is_empty(), "source without a date");
                assert!(source
                    .url
                    .as_deref()
                    .is_none_or(|u| u.starts_with("https://")));
            }
            assert!(!r.sources_checked_text("en").is_empty());
        }
        Err(m) => assert_message("rules", &m),
    }
}

/// A typed gemeente search (the app's search box): at most `limit` hits, each a known
/// gemeente, each once; nothing for a query without letters or digits.
pub fn gemeente_search(data: &[u8]) {
    let text = text(data);
    let g = Geography::bundled();
    let hits = g.search(&text, 10);
    assert!(hits.len() <= 10, "{} hits for limit 10", hits.len());
    for (i, hit) in hits.iter().enumerate() {
        let info = g.gemeente(&hit.id);
        assert!(info.is_some(), "hit for unknown gemeente {}", hit.id);
        assert_eq!(info.map(|i| i.name.as_str()), Some(hit.name.as_str()));
        assert!(
            !hits.iter().skip(i + 1).any(|h| h.id == hit.id),
            "{} found twice",
            hit.id
        );
        assert!(!hit.label.is_empty());
    }
    if !text.chars().any(char::is_alphanumeric) {
        assert!(
            hits.is_empty(),
            "hits for a query without letters: {text:?}"
        );
    }
}

/// Separator between the four files of a geography in one fuzz input.
pub const GEO_SEPARATOR: &[u8] = b"\n--8<--\n";

/// A geography from its files (gemeenten.bin, waterschappen.bin, meta.tsv, aliases.csv and,
/// optionally, water.bin), given as one input separated by [`GEO_SEPARATOR`]; missing parts
/// are empty. When it decodes, locating, searching and drawing it must work too.
pub fn geography(data: &[u8]) {
    let mut parts: Vec<&[u8]> = Vec::with_capacity(5);
    let mut rest = data;
    while parts.len() < 4 {
        match find(rest, GEO_SEPARATOR) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + GEO_SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    let part = |i: usize| parts.get(i).copied().unwrap_or(&[]);
    let meta = String::from_utf8_lossy(part(2));
    let aliases = String::from_utf8_lossy(part(3));
    match Geography::decode(part(0), part(1), &meta, &aliases) {
        Ok(g) => {
            assert!(g.status().is_ok());
            let stats = g.stats();
            assert_eq!(stats.gemeenten, g.gemeenten().len());
            for info in g.gemeenten().iter().take(8) {
                let (x, y) = info.representative_rd;
                if let Some(l) = g.locate_rd(x, y) {
                    assert!(g.gemeente(&l.gemeente.id).is_some());
                    assert!(l.boundary_distance_m >= 0.0 || l.boundary_distance_m.is_nan());
                }
                let _ = g.search(&info.name, 5);
            }
            let _ = g.locate_rd(155_000.0, 463_000.0);
            let _ = g.locate_rd(f64::MAX, f64::MIN);
            let _ = g.svg_paths(geo::Layer::Gemeenten, None, 100.0);
            let _ = g.svg_paths(geo::Layer::Provincies, None, 100.0);
            let _ = g.svg_paths(geo::Layer::Waterschappen, None, 100.0);
            // the water areas, supplied later as in the web app's start build
            match g.supply_water(part(4)) {
                Ok(()) => {
                    let _ = g.locate_rd(160_000.0, 530_000.0); // the IJsselmeer
                    let _ = g.stats();
                }
                Err(e) => assert_message("geography", &e.to_string()),
            }
        }
        Err(e) => assert_message("geography", &e.to_string()),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A share link's fragment value (`#scenario=…`) → text → scenario, as the app opens it:
/// whatever arrives either decodes and re-encodes to the same text, or is a packed link
/// (`z:…`) whose payload is only base64url of a length base64 can have and reads back the
/// same, or is refused with a message. (Unpacking itself is the browser's
/// `DecompressionStream`; what it answers is read by `link::unpacked`, checked here with
/// every answer it can give.)
pub fn link_fragment(data: &[u8]) {
    let encoded = text(data);
    match link::read(&encoded, 100_000) {
        Ok(link::Payload::Text(decoded)) => {
            assert_eq!(
                link::decode(&link::encode(&decoded), usize::MAX),
                Ok(decoded.clone())
            );
            scenario_text(&decoded);
        }
        Ok(link::Payload::Packed(packed)) => {
            assert!(
                !packed.is_empty()
                    && packed.len() % 4 != 1
                    && packed
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "packed payload {packed:?} accepted"
            );
            let again = format!("{}{packed}", link::PACKED);
            assert_eq!(
                link::read(&again, usize::MAX),
                Ok(link::Payload::Packed(packed))
            );
            for code in ["groot", "kapot", ""] {
                match link::unpacked(Err(code.to_string()), 1 << 20) {
                    Ok(_) => panic!("unpacking failure {code:?} read as text"),
                    Err(e) => assert_message("packed link", &e.to_string()),
                }
            }
        }
        Err(e) => assert_message("link", &e.to_string()),
    }
}

/// JSON text from a link, read as the app reads it.
fn scenario_text(decoded: &str) {
    match parse_json_text(decoded) {
        Ok(value) => {
            if let Err(e) = explain_json(&value) {
                assert_message("link scenario", &e.to_string());
            }
        }
        Err(e) => assert_message("link JSON", &e.to_string()),
    }
}

/// A casus file a trainer edited by hand: it loads, and then its expected answers come from
/// the engine and it writes back to a file that loads to the same casus; or a message.
pub fn casus(data: &[u8]) {
    let e = engine();
    match load_casus(e, "fuzz.json", &text(data)) {
        Ok(casus) => {
            if let Err(err) = oefenen::expected_answers(e, &casus) {
                assert_message("casus answers", &err.to_string());
            }
            let written = casus_to_json(&casus).to_string();
            match load_casus(e, "fuzz.json", &written) {
                Ok(back) => assert_eq!(back, casus, "casus does not round-trip"),
                Err(err) => panic!("a written casus does not load: {err}"),
            }
        }
        Err(err) => assert_message("casus", &err.to_string()),
    }
}

/// A leerpad file with the bundled casussen beside it (the upload of several files).
pub fn leerpad(data: &[u8]) {
    let e = engine();
    match load_leerpad(e, "leerpad.json", &text(data), oefenen::BUNDLED_CASUSSEN) {
        Ok(path) => assert!(!path.casussen.is_empty(), "a leerpad without casussen"),
        Err(err) => assert_message("leerpad", &err.to_string()),
    }
}

/// A behandeldienstconfiguratie export from the DSO's implementation monitor (CSV, often via
/// Excel): every row ends in exactly one of the four counts, each rejected row is named with
/// its line, each note is a clean line; the rejected-rows file holds no cell a spreadsheet
/// would run; what is imported validates and exports to CSV that imports to the same entries.
pub fn configuration_csv(data: &[u8]) {
    let e = engine();
    match import_csv(&text(data), "fuzz", e) {
        Ok(import) => {
            let c = import.counts;
            assert_eq!(
                c.taken + c.parent + c.merged + c.rejected,
                import.rows,
                "the counts do not add up to the rows"
            );
            assert_eq!(
                import.problems.len(),
                c.rejected,
                "a rejected row not listed"
            );
            for p in &import.problems {
                assert!(p.line >= 2, "a row problem on the header line {}", p.line);
                assert_message("csv row", &p.message);
            }
            for n in &import.notes {
                assert!(n.line >= 2, "a note on the header line {}", n.line);
                assert_message("csv note", &n.message);
            }
            let rejected = problems_csv(&import.problems);
            assert!(!rejected.contains('\u{0}'), "NUL in the rejected-rows file");
            let records = parse_records(&rejected)
                .unwrap_or_else(|m| panic!("the rejected-rows file does not read back: {m}"));
            assert_eq!(
                records.len(),
                1 + import.problems.len(),
                "rows lost in the file"
            );
            for (_, cells) in &records {
                for cell in cells {
                    let number = cell
                        .strip_prefix(['-', '+'])
                        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']) || number,
                        "a cell that runs as a formula: {cell:?}"
                    );
                }
            }
            if let Ok(config) = import.draft.to_configuration(e) {
                let again = import_csv(&export_csv(&import.draft, e), "fuzz", e)
                    .unwrap_or_else(|m| panic!("an exported CSV does not import: {m}"));
                assert_eq!(
                    again
                        .draft
                        .to_configuration(e)
                        .ok()
                        .map(|c| c.behandeldiensten),
                    Some(config.behandeldiensten),
                    "CSV export does not round-trip"
                );
            }
        }
        Err(m) => assert_message("csv", &m),
    }
}
