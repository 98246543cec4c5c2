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

/// The bundled leerpad and its casus files (file name, text), in `data/oefenen/`.
pub const OEFENEN_LEERPAD: (&str, &str) =
    ("leerpad.json", include_str!("../data/oefenen/leerpad.json"));
pub const OEFENEN_CASUSSEN: &[(&str, &str)] = &[
    (
        "01-oss-melding.json",
        include_str!("../data/oefenen/01-oss-melding.json"),
    ),
    (
        "02-oss-split-verzoektype.json",
        include_str!("../data/oefenen/02-oss-split-verzoektype.json"),
    ),
    (
        "03-maashorst-meervoudig.json",
        include_str!("../data/oefenen/03-maashorst-meervoudig.json"),
    ),
    (
        "04-eindhoven-1-op-n.json",
        include_str!("../data/oefenen/04-eindhoven-1-op-n.json"),
    ),
    (
        "05-werkingsgebied.json",
        include_str!("../data/oefenen/05-werkingsgebied.json"),
    ),
    (
        "06-limburg-1-op-onbekend.json",
        include_str!("../data/oefenen/06-limburg-1-op-onbekend.json"),
    ),
    (
        "07-den-bosch-veiligheidsregio.json",
        include_str!("../data/oefenen/07-den-bosch-veiligheidsregio.json"),
    ),
    (
        "08-heusden.json",
        include_str!("../data/oefenen/08-heusden.json"),
    ),
    (
        "09-meldingen-per-bevoegd-gezag.json",
        include_str!("../data/oefenen/09-meldingen-per-bevoegd-gezag.json"),
    ),
    (
        "10-land-van-cuijk-water.json",
        include_str!("../data/oefenen/10-land-van-cuijk-water.json"),
    ),
    (
        "11-grondwater-magneet.json",
        include_str!("../data/oefenen/11-grondwater-magneet.json"),
    ),
    (
        "12-na-ontvangst-2020.json",
        include_str!("../data/oefenen/12-na-ontvangst-2020.json"),
    ),
    (
        "13-na-ontvangst-2023.json",
        include_str!("../data/oefenen/13-na-ontvangst-2023.json"),
    ),
    (
        "14-geen-toepasbare-regels.json",
        include_str!("../data/oefenen/14-geen-toepasbare-regels.json"),
    ),
    (
        "15-mandaat.json",
        include_str!("../data/oefenen/15-mandaat.json"),
    ),
    ("16-brzo.json", include_str!("../data/oefenen/16-brzo.json")),
    (
        "17-werkafspraak-ontbreekt.json",
        include_str!("../data/oefenen/17-werkafspraak-ontbreekt.json"),
    ),
];

/// The DSO's activity names mapped to catalogue ids, for the monitor-CSV import
/// (`domain::configuration::names`). Linked only where the import is: the full build.
pub const ACTIVITEITNAMEN_CSV: &str = include_str!("../data/activiteitnamen.csv");
