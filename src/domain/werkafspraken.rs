//! Werkafspraken (issue 20): turn what the DSO cannot do into a draft working agreement for
//! a region. The parts, each pure and native-testable:
//! - [`taakverdeling`]: the intended task division (from the configuration plus defaults);
//! - [`gaps`]: the gap engine, which routes the region with the engine's own `route`;
//! - [`sjablonen`]: the templates of the proposed agreements and the Aansluiten checklist;
//! - [`afspraak`]: the agreement as kept in the browser and in a file;
//! - [`document`]: the document (print view, Markdown), and [`odt`]: the ODT file.
//!
//! Documentation: `docs/werkafspraken.md`.

pub mod afspraak;
pub mod document;
pub mod gaps;
pub mod odt;
pub mod sjablonen;
pub mod taakverdeling;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::error::ScenarioError;
use super::rules::Rules;
use super::speelveld::Region;
use super::{Engine, ScenarioDraft};
pub use afspraak::{Afspraak, Status, Werkafspraak};
pub use gaps::{Analysis, Gap, GapKind, Report};
pub use sjablonen::Sjablonen;
pub use taakverdeling::Taakverdeling;

/// The templates file (`data/werkafspraken/sjablonen.json`).
pub const SJABLONEN_JSON: &str = include_str!("../../data/werkafspraken/sjablonen.json");
/// The default task division (`data/werkafspraken/taakverdeling.json`).
pub const TAAKVERDELING_JSON: &str = include_str!("../../data/werkafspraken/taakverdeling.json");

/// The bundled templates, checked against the bundled rules; the test suite proves they load.
pub fn bundled_sjablonen() -> Result<&'static Sjablonen, ScenarioError> {
    static SJ: OnceLock<Result<Sjablonen, ScenarioError>> = OnceLock::new();
    SJ.get_or_init(|| sjablonen::from_json(SJABLONEN_JSON, Rules::bundled()))
        .as_ref()
        .map_err(|e| ScenarioError::new(format!("sjablonen.json: {}", e.path), e.message.clone()))
}

/// Activities the catalogue marks as having no toepasbare regels (`"toepasbare_regels":
/// false` on an activity; vraagstuk 4). The catalogue reader does not know that field yet,
/// so it is read from the file's text; absent, nothing is marked.
pub fn without_toepasbare_regels(catalogue_json: &str) -> Vec<String> {
    let Ok(value) = crate::domain::strict_json::parse(catalogue_json) else {
        return Vec::new();
    };
    value
        .get("activities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|a| a.get("toepasbare_regels") == Some(&Value::Bool(false)))
        .filter_map(|a| a.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}

/// A new agreement for `region` with the configuration and assumptions of `settings`: the
/// task division starts from the configuration plus the bundled defaults.
pub fn new_agreement(
    engine: &Engine,
    region: Region,
    settings: &ScenarioDraft,
) -> Result<Werkafspraak, ScenarioError> {
    let defaults = taakverdeling::defaults(engine, TAAKVERDELING_JSON)
        .map_err(|e| ScenarioError::new(format!("taakverdeling.json: {}", e.path), e.message))?;
    let settings = ScenarioDraft {
        configuration: settings.configuration.clone(),
        assumptions: settings.assumptions,
        ..ScenarioDraft::default()
    };
    let config = match &settings.configuration {
        None => &[][..],
        Some(super::ConfigurationRef::Bundled(name)) => engine
            .configuration(name)
            .map_or(&[][..], |c| c.behandeldiensten.as_slice()),
        Some(super::ConfigurationRef::Inline(c)) => c.behandeldiensten.as_slice(),
    };
    let gemeenten = region.gemeenten(engine);
    let taakverdeling = Taakverdeling::start(config, &gemeenten, &defaults);
    Ok(Werkafspraak {
        titel: String::new(),
        regio: region,
        settings,
        taakverdeling,
        afspraken: BTreeMap::new(),
        aansluiten: BTreeMap::new(),
    })
}

/// The whole analysis of an agreement's region at once (the page spreads it over frames
/// with [`Analysis::add`]).
pub fn analyse(engine: &Engine, agreement: &Werkafspraak, without_rules: Vec<String>) -> Report {
    let mut analysis = Analysis::new(
        engine,
        &agreement.settings,
        agreement.taakverdeling.clone(),
        without_rules,
    );
    for g in agreement.regio.gemeenten(engine) {
        analysis.add(g);
    }
    analysis.finish()
}

/// The gaps of a report that have no agreement: neither agreed nor accepted as a risk
/// (Oefenen's "welke afspraak ontbreekt hier?").
pub fn open_gaps<'r>(agreement: &Werkafspraak, report: &'r Report) -> Vec<&'r Gap> {
    report
        .gaps
        .iter()
        .filter(|g| agreement.afspraak(&g.id).status == Status::Voorstel)
        .collect()
}
