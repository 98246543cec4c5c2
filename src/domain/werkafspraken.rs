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

use super::catalogue::{Catalogue, ToepasbareRegels};
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
/// "geen"` or `false` on an activity; vraagstuk 4): no verzoek, so nobody is notified.
pub fn without_toepasbare_regels(catalogue: &Catalogue) -> Vec<String> {
    catalogue
        .activities
        .iter()
        .filter(|a| a.toepasbare_regels == ToepasbareRegels::Geen)
        .map(|a| a.id.clone())
        .collect()
}

/// A new agreement for `region` with the configuration and assumptions of `settings`: the
/// task division starts from the configuration plus the bundled defaults.
pub fn new_agreement(
    engine: &Engine,
    region: Region,
    settings: &ScenarioDraft,
) -> Result<Werkafspraak, ScenarioError> {
    let settings = ScenarioDraft {
        configuration: settings.configuration.clone(),
        assumptions: settings.assumptions,
        ..ScenarioDraft::default()
    };
    let taakverdeling = start_division(engine, &region, &settings)?;
    Ok(Werkafspraak {
        titel: String::new(),
        regio: region,
        settings,
        taakverdeling,
        afspraken: BTreeMap::new(),
        aansluiten: BTreeMap::new(),
    })
}

/// The division a region starts with: its configuration's entries plus the bundled defaults.
pub fn start_division(
    engine: &Engine,
    region: &Region,
    settings: &ScenarioDraft,
) -> Result<Taakverdeling, ScenarioError> {
    let defaults = taakverdeling::defaults(engine, TAAKVERDELING_JSON)
        .map_err(|e| ScenarioError::new(format!("taakverdeling.json: {}", e.path), e.message))?;
    let config = match &settings.configuration {
        None => &[][..],
        Some(super::ConfigurationRef::Bundled(name)) => engine
            .configuration(name)
            .map_or(&[][..], |c| c.behandeldiensten.as_slice()),
        Some(super::ConfigurationRef::Inline(c)) => c.behandeldiensten.as_slice(),
    };
    Ok(Taakverdeling::start(
        config,
        &region.gemeenten(engine),
        &defaults,
    ))
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

/// Bundled agreements by name, for training (`data/werkafspraken/`): a casus names one with
/// its `werkafspraak` field (docs/oefenen.md).
pub const PRESETS: &[(&str, &str)] = &[(
    "voorbeeld-brabant-noord",
    include_str!("../../data/werkafspraken/voorbeeld-brabant-noord.json"),
)];

/// A preset's gaps for Oefenen's "welke afspraak ontbreekt hier?": every gap with its title
/// in Dutch and English, and the ids of those without an agreement, all from the engine.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Oefening {
    pub preset: String,
    /// (gap id, Dutch title, English title), in report order.
    pub gaps: Vec<(String, String, String)>,
    pub open: std::collections::BTreeSet<String>,
}

/// Analyses a bundled preset. Refuses one where every gap or no gap has an agreement: the
/// question would have no answer to find.
pub fn oefening(engine: &Engine, preset: &str) -> Result<Oefening, ScenarioError> {
    let (_, text) = PRESETS.iter().find(|(n, _)| *n == preset).ok_or_else(|| {
        ScenarioError::new(
            "",
            format!(
                "onbekende werkafspraak '{}' (bekend: {})",
                preset.chars().take(60).collect::<String>(),
                PRESETS
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })?;
    let agreement = Werkafspraak::from_text(engine, text)?;
    let report = analyse(
        engine,
        &agreement,
        without_toepasbare_regels(&engine.catalogue),
    );
    let sj = bundled_sjablonen()?;
    let title = |lang: document::Lang, g: &Gap| {
        document::Words {
            engine,
            sjablonen: sj,
            lang,
        }
        .title(g)
    };
    let open: std::collections::BTreeSet<String> = open_gaps(&agreement, &report)
        .into_iter()
        .map(|g| g.id.clone())
        .collect();
    if open.is_empty() || open.len() == report.gaps.len() {
        return Err(ScenarioError::new(
            "",
            format!("werkafspraak '{preset}': {} van de {} gaten zonder afspraak; de vraag heeft dan geen antwoord om te zoeken", open.len(), report.gaps.len()),
        ));
    }
    Ok(Oefening {
        preset: preset.to_string(),
        gaps: report
            .gaps
            .iter()
            .map(|g| {
                (
                    g.id.clone(),
                    title(document::Lang::Nl, g),
                    title(document::Lang::En, g),
                )
            })
            .collect(),
        open,
    })
}
