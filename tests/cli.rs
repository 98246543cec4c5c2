#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The command line (contract §7): the same outcome as the library for every fixture, JSON on
//! stdout and exit 0; one line on stderr and exit 2 for bad input and bad usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use routewijzer::domain::{explain_str, MAX_INPUT_BYTES};
use serde_json::{json, Value};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_routewijzer"))
}

fn with_stdin(input: &[u8], args: &[&str]) -> Output {
    let mut child = cli()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Write on a thread: the CLI may stop reading early (size cap) and close the pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/routing");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".scenario.json"))
        .collect();
    v.sort();
    v
}

fn one_line_error(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.ends_with('\n'));
    let line = err.trim_end_matches('\n');
    assert!(
        !line.is_empty() && !line.contains('\n'),
        "not one line: {err:?}"
    );
    line.to_string()
}

#[test]
fn cli_equals_library_on_every_fixture() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let out = cli().arg("route").arg(&path).output().unwrap();
        match explain_str(&text) {
            Ok(outcome) => {
                assert_eq!(out.status.code(), Some(0), "{}", path.display());
                let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(
                    printed,
                    serde_json::to_value(&outcome).unwrap(),
                    "{}",
                    path.display()
                );
                assert!(out.stderr.is_empty());
            }
            Err(e) => assert_eq!(one_line_error(&out), e.to_string(), "{}", path.display()),
        }
        // The same through standard input.
        let via_stdin = with_stdin(text.as_bytes(), &["route", "-"]);
        assert_eq!(via_stdin.status.code(), out.status.code());
        assert_eq!(via_stdin.stdout, out.stdout);
        assert_eq!(via_stdin.stderr, out.stderr);
    }
}

#[test]
fn contract_example_gives_the_contract_outcome() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/routing/contract-example.scenario.json");
    let out = cli().arg("route").arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let o: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(o["location"]["gemeente"]["id"], "GM0828");
    assert_eq!(
        o["location"]["omgevingsdienst"]["name"],
        "Omgevingsdienst Brabant Noord"
    );
    assert_eq!(o["total_triggers"], 3);
    let melding = o["verzoeken"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["verzoektype"] == "melding")
        .unwrap();
    assert_eq!(melding["bevoegd_gezag"]["name"], "College van B&W van Oss");
    assert_eq!(melding["behandeldienst"]["id"], "ODBN");
    assert_eq!(melding["triggers"], 2);
    assert_eq!(melding["recipients"][0]["role"], "bevoegd-gezag");
    assert_eq!(melding["recipients"][1]["role"], "behandeldienst");
    assert_eq!(melding["findings"][0]["code"], "bd-copy");
    assert_eq!(melding["findings"][0]["rule"], "T3");
    assert_eq!(o["findings"][0]["code"], "split-verzoektype");
    assert_eq!(o["findings"][0]["rule"], "SP1");
    assert_eq!(
        o["assumptions"],
        serde_json::json!({ "bd_merge": "all-same", "dso": "2020", "bg_notified_when_bd": true })
    );
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        &[][..],
        &["route"][..],
        &["explain", "x.json"][..],
        &["route", "a", "b"][..],
    ] {
        let out = cli().args(args).output().unwrap();
        let line = one_line_error(&out);
        assert!(line.contains("gebruik: routewijzer route"), "{line}");
    }
    let out = cli()
        .args(["route", "/nonexistent/scenario.json"])
        .output()
        .unwrap();
    assert!(one_line_error(&out).starts_with("kan /nonexistent/scenario.json niet openen"));
    let dir = std::env::temp_dir();
    let out = cli().arg("route").arg(&dir).output().unwrap();
    assert!(one_line_error(&out).contains("niet"));
    let help = cli().arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn hostile_input_gives_a_clear_error_not_a_crash() {
    // Too large.
    let big = format!("{{\"title\": \"{}\"}}", "x".repeat(MAX_INPUT_BYTES + 10));
    let line = one_line_error(&with_stdin(big.as_bytes(), &["route", "-"]));
    assert!(line.starts_with("invoer te groot"), "{line}");
    // Deeply nested.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let line = one_line_error(&with_stdin(deep.as_bytes(), &["route", "-"]));
    assert!(line.contains("te diep genest"), "{line}");
    let deep_obj = format!(
        "{{\"title\": {}1{}}}",
        "{\"a\":".repeat(5_000),
        "}".repeat(5_000)
    );
    let line = one_line_error(&with_stdin(deep_obj.as_bytes(), &["route", "-"]));
    assert!(line.contains("te diep genest"), "{line}");
    // Not UTF-8.
    let line = one_line_error(&with_stdin(&[0xff, 0xfe, b'{', b'}'], &["route", "-"]));
    assert!(line.contains("UTF-8"), "{line}");
    // Empty, truncated, trailing garbage, a bare value.
    for input in ["", "{", "{} x", "null", "\"scenario\"", "[]"] {
        let line = one_line_error(&with_stdin(input.as_bytes(), &["route", "-"]));
        assert!(!line.is_empty(), "{input:?}");
    }
    // A byte-order mark is tolerated.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/routing/contract-example.scenario.json"),
    )
    .unwrap();
    let out = with_stdin(format!("\u{feff}{text}").as_bytes(), &["route", "-"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn without_assumptions_the_behandeldienst_can_be_changed_after_receipt() {
    // Contract §3: `dso` defaults to "2023", today's DSO.
    let scenario = br#"{ "location": { "gemeente": "GM0828" },
        "activities": [ { "activity": "milieubelastende-activiteit", "verzoektype": "melding" } ],
        "configuration": "voorbeeld-noord-brabant",
        "after_receipt": [ { "verzoek": 0, "action": "wijzig-behandeldienst", "to": "ODZOB" } ] }"#;
    let out = with_stdin(scenario, &["route", "-"]);
    assert_eq!(out.status.code(), Some(0));
    let o: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(o["assumptions"]["dso"], "2023");
    let step = &o["timeline"][0];
    assert_eq!(step["findings"][0]["code"], "bd-gewijzigd");
    assert_eq!(step["behandeldienst"]["id"], "ODZOB");
    assert_eq!(step["triggers"], 1);
}

/// Issue 17: with `voorbeeld-nederland` (contract §6.3) a melding in Utrecht goes to the
/// gemeente and ODU, an ontgronding in Groningen to Gedeputeerde Staten and ODG; two
/// verzoeknotificaties each.
#[test]
fn voorbeeld_nederland_routes_utrecht_and_groningen() {
    for (fixture, bevoegd_gezag, behandeldienst) in [
        ("nederland-utrecht-melding-milieu", "GM0344", "ODU"),
        ("nederland-groningen-ontgronding", "PV20", "ODG"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/routing/{fixture}.scenario.json"));
        let out = cli().arg("route").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{fixture}");
        let o: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(o["configuration"]["id"], "voorbeeld-nederland");
        let v = &o["verzoeken"][0];
        assert_eq!(v["bevoegd_gezag"]["id"], bevoegd_gezag, "{fixture}");
        assert_eq!(v["behandeldienst"]["id"], behandeldienst, "{fixture}");
        assert_eq!(
            (&v["triggers"], &o["total_triggers"]),
            (&json!(2), &json!(2))
        );
        assert_eq!(o["location"]["omgevingsdienst"]["id"], behandeldienst);
    }
}

/// The one line on stderr of a run that could not write its output: exit 1, no panic.
fn write_failure(out: &Output) -> String {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let line = err.strip_suffix('\n').unwrap_or_else(|| panic!("{err:?}"));
    assert!(!line.contains('\n'), "not one line: {err:?}");
    assert!(
        line.starts_with("kan de uitvoer niet schrijven naar standaarduitvoer: "),
        "{line}"
    );
    line.to_string()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/routing/contract-example.scenario.json")
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_one_line_and_exit_1_not_a_panic() {
    for args in [&["route"][..], &["--help"][..]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut cmd = cli();
        cmd.args(args);
        if args == ["route"] {
            cmd.arg(example());
        }
        let out = cmd.stdout(full).stderr(Stdio::piped()).output().unwrap();
        let line = write_failure(&out);
        assert!(line.contains("(os error 28)"), "ENOSPC is named: {line}");
    }
}

#[test]
fn a_closed_pipe_is_one_line_and_exit_1() {
    // The reading end is closed before the CLI writes: every write fails with EPIPE, as when
    // `| head -c0` or any reader has gone away (Rust ignores SIGPIPE, so this is an error).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = cli()
        .arg("route")
        .arg(example())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let line = write_failure(&out);
    assert!(line.contains("(os error 32)"), "EPIPE is named: {line}");
}

#[cfg(unix)]
#[test]
fn file_names_are_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    // ESC (a colour), BEL, a right-to-left override, a zero-width space, a line break, a
    // backslash and a byte that is not UTF-8: none reaches the terminal as it is.
    let name = b"/nonexistent/x\x1b[31mrood\x07\xe2\x80\xaegpj.\xe2\x80\x8bexe\nnieuw\\\xff.json";
    let out = cli()
        .arg("route")
        .arg(std::ffi::OsStr::from_bytes(name))
        .output()
        .unwrap();
    let line = one_line_error(&out);
    assert_eq!(
        line,
        "kan /nonexistent/x\\u{1b}[31mrood\\u{7}\\u{202e}gpj.\\u{200b}exe\\u{a}nieuw\\\\\\xff.json \
         niet openen: No such file or directory (os error 2)"
    );
    assert!(!line
        .chars()
        .any(|c| c.is_control() || ('\u{2000}'..='\u{206f}').contains(&c)));
    // An argument that is not UTF-8 is a file name like any other, not a panic (args_os).
    let out = cli()
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert!(one_line_error(&out).contains("gebruik: routewijzer route"));
}
