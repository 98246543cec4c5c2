//! Writes the files derived from the bundled geography's gemeente→omgevingsdienst table:
//! `data/configurations/voorbeeld-nederland.json` (contract §6.3) and
//! `data/geo/omgevingsdienst_kaart.tsv` (the map's colour and label point per omgevingsdienst).
//! `make voorbeeld`, after `make geo` brought in a new table; `tests/voorbeeld_nederland.rs` and
//! `tests/geo_omgevingsdienst.rs` fail while a committed file differs.
//!
//! `cargo run --example voorbeeld_nederland [-- FILE]` (default: the committed configuration).

use std::process::ExitCode;

use routewijzer::domain::configuration::voorbeeld::{file_text, voorbeeld_nederland};
use routewijzer::geo::{omgevingsdienst_map_tsv, Geography};

const DEFAULT_OUT: &str = "data/configurations/voorbeeld-nederland.json";
const MAP_TABLE: &str = "data/geo/omgevingsdienst_kaart.tsv";

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
    let written = std::fs::write(&out, file_text(&configuration))
        .and_then(|()| std::fs::write(MAP_TABLE, omgevingsdienst_map_tsv(geography)));
    match written {
        Ok(()) => {
            println!("{out}: {entries} regels; {MAP_TABLE}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::FAILURE
        }
    }
}
