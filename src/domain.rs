//! The routing contract (`../shared/spec/contract.md`, readings in `docs/contract-readings.md`)
//! and `route()`.
//!
//! Entry points for every interface (CLI, JavaScript API, app), so they give identical
//! results and messages:
//! - [`explain_str`]: scenario JSON text → [`Outcome`] or a one-line [`ScenarioError`];
//! - [`explain_json`]: the same from a `serde_json::Value` (the JS API converts its object);
//! - [`Engine::bundled`] for the catalogue, organisations and bundled configurations.

pub mod catalogue;
pub mod configuration;
pub mod draft;
pub mod error;
pub mod finding;
pub mod ids;
pub(crate) mod json;
pub mod link;
pub mod oefenen;
pub mod organisations;
pub mod outcome;
mod route;
pub mod rules;
pub mod scenario;
pub mod speelveld;
pub(crate) mod spreadsheet;
pub mod strict_json;
pub mod werkafspraken;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

pub use catalogue::{
    Activity, AdviesBasis, Catalogue, Exception, Group, Note, RoleAssumption, ToepasbareRegels,
    VasteAdviseur, VasteAdviseurRegel,
};
pub use configuration::{ConfigEntry, Configuration};
pub use draft::ScenarioDraft;
pub use error::{DataError, ScenarioError};
pub use finding::{Finding, FindingCode, FindingTexts, Lang, NoBehandeldienst};
pub use ids::{
    AdviesRole, BdAfterBgChange, BdMerge, Dso, Level, OrgKind, RecipientRole, Verzoektype,
};
pub use organisations::{BrzoDienst, Org, Organisations};
pub use outcome::Outcome;
pub use scenario::{
    AfterReceipt, AfterReceiptAction, Assumptions, ConfigurationRef, Location, Scenario,
    SelectedActivity, SCENARIO_FORMAT,
};

use crate::geo::Geography;
use configuration::voorbeeld::{voorbeeld_nederland, VOORBEELD_NEDERLAND};

/// Input larger than this is rejected before parsing (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The catalogue, organisations and bundled configurations over a geography, validated once.
pub struct Engine {
    pub catalogue: Catalogue,
    pub organisations: Organisations,
    /// Bundled configurations by name: `voorbeeld-nederland` (generated from the geography),
    /// then `data::CONFIGURATIONS` in order.
    pub configurations: Vec<(String, Configuration)>,
    /// The findings' sentences in Dutch (`data/findings/nl.json`), for the outcome's `text`;
    /// English: [`Engine::english`].
    pub finding_texts: FindingTexts,
    geography: &'static Geography,
    /// Per veiligheidsregio: the omgevingsdienst most of its gemeenten belong to.
    vr_majority_od: HashMap<String, (String, usize)>,
}

impl Engine {
    /// The engine over the bundled data, built and validated on first use.
    pub fn bundled() -> Result<&'static Engine, DataError> {
        static ENGINE: OnceLock<Result<Engine, DataError>> = OnceLock::new();
        ENGINE
            .get_or_init(|| {
                Engine::new(
                    Geography::bundled(),
                    crate::data::CATALOGUE_JSON,
                    crate::data::ORGANISATIONS_JSON,
                    crate::data::CONFIGURATIONS,
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// An engine over the given data files (a trainer's edited catalogue or configurations),
    /// with `voorbeeld-nederland` generated from `geography`'s table.
    pub fn new(
        geography: &'static Geography,
        catalogue_json: &str,
        organisations_json: &str,
        configurations: &[(&str, &str)],
    ) -> Result<Engine, DataError> {
        if let Err(e) = geography.status() {
            return Err(DataError::new("geografie", e.to_string()));
        }
        let finding_texts = FindingTexts::from_json(crate::data::FINDINGS_NL_JSON, Lang::Nl)?;
        let organisations = Organisations::from_json(organisations_json, geography)?;
        let catalogue = Catalogue::from_json(catalogue_json, organisations.ministers())?;
        let mut configs = Vec::new();
        // Generated from the geography's own table (contract §6.3), first: the explainer's
        // default. A file of the same name among `configurations` takes its place.
        if !configurations
            .iter()
            .any(|(n, _)| *n == VOORBEELD_NEDERLAND)
        {
            let c = voorbeeld_nederland(geography);
            // its organisations come from this geography; its activities must be catalogued
            if let Some(e) = c
                .behandeldiensten
                .iter()
                .find(|e| !catalogue.is_activity_or_group(&e.activity))
            {
                return Err(DataError::new(
                    VOORBEELD_NEDERLAND,
                    format!("activiteit '{}' ontbreekt in de catalogus", e.activity),
                ));
            }
            configs.push((VOORBEELD_NEDERLAND.to_string(), c));
        }
        for (name, text) in configurations {
            let c = Configuration::from_json(name, text, &catalogue, &organisations)?;
            configs.push(((*name).to_string(), c));
        }
        Ok(Engine {
            catalogue,
            organisations,
            configurations: configs,
            finding_texts,
            geography,
            vr_majority_od: route::vr_majority_od(geography),
        })
    }

    pub fn geography(&self) -> &'static Geography {
        self.geography
    }

    /// A bundled configuration by name.
    pub fn configuration(&self, name: &str) -> Option<&Configuration> {
        self.configurations
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c)
    }

    /// The findings' sentences in English (`data/findings/en.json`), validated on first
    /// use. Calling it links the English file into the build: the start build leaves it out
    /// (about 1.5 KB gzip) and fetches it with the rules instead.
    pub fn english() -> Result<&'static FindingTexts, DataError> {
        static ENGLISH: OnceLock<Result<FindingTexts, DataError>> = OnceLock::new();
        ENGLISH
            .get_or_init(|| FindingTexts::from_json(crate::data::FINDINGS_EN_JSON, Lang::En))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A finding's sentence in `lang`: its `text` for Dutch; for English the English
    /// sentence with the same parameters (or the Dutch when the English file does not load).
    pub fn finding_text(&self, finding: &Finding, lang: Lang) -> String {
        match (lang, Engine::english()) {
            (Lang::En, Ok(en)) => finding.text_in(en),
            _ => finding.text.clone(),
        }
    }

    /// Parses and validates a scenario (no routing yet).
    pub fn parse(&self, value: &Value) -> Result<Scenario, ScenarioError> {
        Scenario::from_value(value, &self.catalogue, &self.organisations, self)
    }

    /// Parses and validates a draft: a scenario that may lack its location and activities,
    /// checked exactly as [`Engine::parse`] checks a scenario (the same messages).
    pub fn parse_draft(&self, value: &Value) -> Result<ScenarioDraft, ScenarioError> {
        scenario::parse(
            value,
            &self.catalogue,
            &self.organisations,
            self,
            draft::Need::Draft,
        )
    }

    /// Step 1 of routing: where a location lies, or routing's message why it cannot be
    /// placed. With [`Engine::route_located`] a place is located once, not once per use.
    pub fn locate(&self, location: &Location) -> Result<crate::geo::Located, ScenarioError> {
        route::locate(self, location).map(|(located, _)| located)
    }

    /// [`Engine::route`] with step 1 already done: `located` is what [`Engine::locate`] said
    /// for `scenario.location`.
    pub fn route_located(
        &self,
        scenario: &Scenario,
        located: &crate::geo::Located,
    ) -> Result<Outcome, ScenarioError> {
        let is_point = !matches!(scenario.location, Location::Gemeente { .. });
        route::route_at(self, scenario, located.clone(), is_point)
    }

    /// Routes a validated scenario (contract §5). Fails only on the location (outside every
    /// gemeente, or a water activity outside every waterschap) or on an after-receipt step
    /// naming a verzoek that does not exist.
    pub fn route(&self, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
        route::route(self, scenario)
    }

    /// Checks that a location lies in a gemeente (the first step of routing), with the
    /// message routing would give.
    pub fn check_location(&self, location: &Location) -> Result<(), ScenarioError> {
        route::locate(self, location).map(|_| ())
    }

    /// Parse + route.
    pub fn explain_json(&self, value: &Value) -> Result<Outcome, ScenarioError> {
        let scenario = self.parse(value)?;
        self.route(&scenario)
    }

    pub(crate) fn configuration_entries<'a>(
        &'a self,
        r: Option<&'a ConfigurationRef>,
    ) -> (&'a [ConfigEntry], Option<&'a Configuration>) {
        let config = match r {
            None => None,
            Some(ConfigurationRef::Bundled(name)) => self.configuration(name),
            Some(ConfigurationRef::Inline(c)) => Some(c),
        };
        (
            config.map_or(&[], |c| c.behandeldiensten.as_slice()),
            config,
        )
    }
}

impl scenario::ConfigurationNames for Engine {
    fn has_configuration(&self, name: &str) -> bool {
        self.configuration(name).is_some()
    }

    fn configuration_names(&self) -> Vec<String> {
        self.configurations.iter().map(|(n, _)| n.clone()).collect()
    }
}

/// Scenario as a JSON value → outcome, over the bundled data. The JavaScript API calls this.
pub fn explain_json(value: &Value) -> Result<Outcome, ScenarioError> {
    Engine::bundled()?.explain_json(value)
}

/// Scenario as JSON text → outcome, over the bundled data. The command line calls this.
pub fn explain_str(text: &str) -> Result<Outcome, ScenarioError> {
    let value = parse_json_text(text)?;
    explain_json(&value)
}

/// File bytes → text, for every file a user hands in (the CLI's input; later the app's file
/// imports). Refuses what is not UTF-8 with a message that says what it is instead and where:
/// UTF-16 or UTF-32 (by byte-order mark, or UTF-16 by its zero bytes), or the first invalid
/// byte with its line and column. A UTF-8 byte-order mark is kept (the parsers skip it).
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, ScenarioError> {
    const SAVE: &str = "sla het bestand op als UTF-8";
    let encoding = match bytes {
        [0xff, 0xfe, 0, 0, ..] => Some("UTF-32 (byte-order mark FF FE 00 00)"),
        [0, 0, 0xfe, 0xff, ..] => Some("UTF-32 (byte-order mark 00 00 FE FF)"),
        [0xff, 0xfe, ..] => Some("UTF-16 (byte-order mark FF FE)"),
        [0xfe, 0xff, ..] => Some("UTF-16 (byte-order mark FE FF)"),
        // JSON and CSV text never start with a zero byte: ASCII in UTF-16 without a mark.
        [0, b, ..] | [b, 0, ..] if *b != 0 => Some("UTF-16 (zonder byte-order mark)"),
        _ => None,
    };
    if let Some(encoding) = encoding {
        return Err(ScenarioError::new(
            "",
            format!("invoer is geen UTF-8 maar {encoding}; {SAVE}"),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let valid = bytes.get(..at).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        let byte = bytes.get(at).copied().unwrap_or_default();
        ScenarioError::new(
            "",
            format!(
                "invoer is geen UTF-8: ongeldige byte 0x{byte:02X} op regel {line}, kolom {column} (byte {at}); {SAVE}"
            ),
        )
    })
}

/// JSON text → value, with the size cap and Dutch one-line errors (line and column).
pub fn parse_json_text(text: &str) -> Result<Value, ScenarioError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ScenarioError::new(
            "",
            format!(
                "invoer te groot: {} bytes (maximaal {MAX_INPUT_BYTES})",
                text.len()
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ScenarioError::new(
            "",
            "lege invoer (verwacht een scenario: een JSON-object)",
        ));
    }
    strict_json::parse(text)
}
