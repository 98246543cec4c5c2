//! `routewijzer route FILE.json` / `routewijzer route -` (contract §7).
//!
//! Prints the outcome as pretty JSON on stdout and exits 0. A bad scenario prints one line on
//! stderr and exits 2. Usage errors (no or unknown subcommand, unreadable file) also exit 2,
//! with the usage on stderr.

use std::io::{Read, Write};
use std::process::ExitCode;

use routewijzer::domain::{explain_str, text_from_bytes, MAX_INPUT_BYTES};

const USAGE: &str = "gebruik: routewijzer route BESTAND.json   (of '-' voor standaardinvoer)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "route" => run(file),
        [flag] if flag == "-h" || flag == "--help" || flag == "help" => {
            println!("{USAGE}");
            println!(
                "Drukt de uitkomst (JSON, contract §4) af; foutcode 2 bij een ongeldig scenario."
            );
            ExitCode::SUCCESS
        }
        _ => fail(&format!("ongeldige aanroep; {USAGE}")),
    }
}

fn fail(message: &str) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", message.replace(['\n', '\r'], " "));
    ExitCode::from(2)
}

fn run(file: &str) -> ExitCode {
    let text = match read_input(file) {
        Ok(t) => t,
        Err(message) => return fail(&message),
    };
    match explain_str(&text) {
        Ok(outcome) => match serde_json::to_string_pretty(&outcome) {
            Ok(json) => {
                let mut out = std::io::stdout().lock();
                if writeln!(out, "{json}").and_then(|()| out.flush()).is_err() {
                    return ExitCode::from(1);
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!(
                "interne fout bij het schrijven van de uitkomst: {e}"
            )),
        },
        Err(e) => fail(&e.to_string()),
    }
}

/// Reads at most `MAX_INPUT_BYTES + 1` bytes, so an oversized input is reported by the engine
/// without reading it all.
fn read_input(file: &str) -> Result<String, String> {
    let limit = u64::try_from(MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        match std::fs::File::open(file) {
            Ok(f) => f.take(limit).read_to_end(&mut bytes),
            Err(e) => return Err(format!("kan {file} niet openen: {e}")),
        }
    };
    if let Err(e) = result {
        return Err(format!("kan {file} niet lezen: {e}"));
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
