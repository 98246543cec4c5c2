//! `routewijzer route FILE.json` / `routewijzer route -` (contract §7).
//!
//! Prints the outcome as pretty JSON on stdout and exits 0. A bad scenario prints one line on
//! stderr and exits 2. Usage errors (no or unknown subcommand, unreadable file) also exit 2,
//! with the usage on stderr. Output that cannot be written (a full disk, a closed pipe) is one
//! line on stderr and exit 1, never a panic.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::process::ExitCode;

use routewijzer::domain::{explain_str, text_from_bytes, MAX_INPUT_BYTES};

const USAGE: &str = "gebruik: routewijzer route BESTAND.json   (of '-' voor standaardinvoer)";
const HELP: &str =
    "Drukt de uitkomst (JSON, contract §4) af; foutcode 2 bij een ongeldig scenario.";

fn main() -> ExitCode {
    // args_os: a file name that is not UTF-8 is still a file name, not a panic.
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "route" => run(file),
        [flag] if flag == "-h" || flag == "--help" || flag == "help" => {
            write_stdout(&format!("{USAGE}\n{HELP}\n"))
        }
        _ => fail(&format!("ongeldige aanroep; {USAGE}")),
    }
}

/// One line on stderr, exit 2.
fn fail(message: &str) -> ExitCode {
    say(message);
    ExitCode::from(2)
}

/// One line on stderr. If stderr itself is gone there is no one left to tell.
fn say(message: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", message.replace(['\n', '\r'], " "));
}

/// Writes `text` to stdout; a failure (`> /dev/full`, a reader that has gone away) is one
/// line on stderr and exit 1 instead of `println!`'s panic.
fn write_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!(
                "kan de uitvoer niet schrijven naar standaarduitvoer: {e}"
            ));
            ExitCode::from(1)
        }
    }
}

fn run(file: &OsStr) -> ExitCode {
    let text = match read_input(file) {
        Ok(t) => t,
        Err(message) => return fail(&message),
    };
    match explain_str(&text) {
        Ok(outcome) => match serde_json::to_string_pretty(&outcome) {
            Ok(json) => write_stdout(&format!("{json}\n")),
            Err(e) => fail(&format!(
                "interne fout bij het schrijven van de uitkomst: {e}"
            )),
        },
        Err(e) => fail(&e.to_string()),
    }
}

/// Reads at most `MAX_INPUT_BYTES + 1` bytes, so an oversized input is reported by the engine
/// without reading it all.
fn read_input(file: &OsStr) -> Result<String, String> {
    let limit = u64::try_from(MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let shown = shown_name(file);
    let result = if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        match std::fs::File::open(file) {
            Ok(f) => f.take(limit).read_to_end(&mut bytes),
            Err(e) => return Err(format!("kan {shown} niet openen: {e}")),
        }
    };
    if let Err(e) = result {
        return Err(format!("kan {shown} niet lezen: {e}"));
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "invoer te groot: meer dan {MAX_INPUT_BYTES} bytes (maximaal {MAX_INPUT_BYTES})"
        ));
    }
    text_from_bytes(&bytes)
        .map(str::to_string)
        .map_err(|e| e.to_string())
}

/// A file name as it may reach a terminal: control characters (ESC, BEL, line breaks),
/// bidirectional overrides and isolates and zero-width characters are written as `\u{…}`,
/// a byte that is not UTF-8 as `\x..`, and a backslash as `\\`, so the name cannot recolour,
/// reverse or hide text, and two different names never look the same.
fn shown_name(file: &OsStr) -> String {
    let bytes = file.as_encoded_bytes();
    let mut shown = String::new();
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                shown.push_str("\\\\");
            } else if c.is_control() || is_invisible_format(c) {
                shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            } else {
                shown.push(c);
            }
        }
        for byte in chunk.invalid() {
            shown.push_str(&format!("\\x{byte:02x}"));
        }
    }
    shown
}

/// Unicode format characters that change how text around them is shown: bidi marks,
/// embeddings, overrides and isolates, zero-width spaces and joiners, the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}' | '\u{feff}')
}
