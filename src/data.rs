//! Bundled data files (catalogue, organisations, behandeldienstconfiguraties) and their
//! validation. The files live in `data/` and are compiled in; `domain` decodes and checks them
//! (`Catalogue::from_json`, `Configuration::from_json`), so a file edited by a trainer gives a
//! clear error instead of a wrong route.

/// The activity catalogue (contract §2).
pub const CATALOGUE_JSON: &str = include_str!("../data/catalogue.json");

/// Ministers, waterschappen and uitvoeringsorganisaties (organisations that do not follow from
/// the geography's gemeente table).
pub const ORGANISATIONS_JSON: &str = include_str!("../data/organisations.json");

/// The sentences of the findings in Dutch, the outcome's `text` (`domain::finding::texts`).
pub const FINDINGS_NL_JSON: &str = include_str!("../data/findings/nl.json");

/// The same sentences in English, for the app's English mode. Linked only where asked for
/// (`Engine::english`): the start build fetches it later instead.
pub const FINDINGS_EN_JSON: &str = include_str!("../data/findings/en.json");

/// Bundled behandeldienstconfiguraties by name (contract §3 `configuration`, §6).
pub const CONFIGURATIONS: &[(&str, &str)] = &[(
    "voorbeeld-noord-brabant",
    include_str!("../data/configurations/voorbeeld-noord-brabant.json"),
)];
