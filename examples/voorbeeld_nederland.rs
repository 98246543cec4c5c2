//! Writes `data/configurations/voorbeeld-nederland.json` (contract §6.3) from the bundled
//! geography's gemeente→omgevingsdienst table: `make voorbeeld`, after `make geo` brought in a
//! new table. `tests/voorbeeld_nederland.rs` fails while the committed file differs.
//!
//! `cargo run --example voorbeeld_nederland [-- FILE]` (default: the committed file).

use std::process::ExitCode;

use routewijzer::domain::configuration::voorbeeld::{file_text, voorbeeld_nederland};
use routewijzer::geo::Geography;

const DEFAULT_OUT: &str = "data/configurations/voorbeeld-nederland.json";

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_OUT.to_string());
    let geography = Geography::bundled();
    if let Err(e) = geography.status() {
        eprintln!("geografie: {e}");
        return ExitCode::FAILURE;
    }
    let configuration = voorbeeld_nederland(geography);
    let entries = configuration.behandeldiensten.len();
    match std::fs::write(&out, file_text(&configuration)) {
        Ok(()) => {
            println!("{out}: {entries} regels");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::FAILURE
        }
    }
}
