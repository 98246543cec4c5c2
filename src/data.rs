//! Bundled data files (catalogue, organisations, behandeldienstconfiguraties) and their
//! validation. The files live in `data/` and are compiled in; `domain` decodes and checks them
//! (`Catalogue::from_json`, `Configuration::from_json`), so a file edited by a trainer gives a
//! clear error instead of a wrong route.

/// The activity catalogue (contract §2).
pub const CATALOGUE_JSON: &str = include_str!("../data/catalogue.json");

/// Ministers, waterschappen and uitvoeringsorganisaties (organisations that do not follow from
/// the geography's gemeente table).
pub const ORGANISATIONS_JSON: &str = include_str!("../data/organisations.json");

/// Bundled behandeldienstconfiguraties by name (contract §3 `configuration`, §6).
pub const CONFIGURATIONS: &[(&str, &str)] = &[(
    "voorbeeld-noord-brabant",
    include_str!("../data/configurations/voorbeeld-noord-brabant.json"),
)];
