//! `voorbeeld-nederland` (contract §6.3): the illustrative configuration for the whole country,
//! generated from the geography's gemeente→omgevingsdienst table, never typed by hand.
//!
//! The engine builds it from its geography (`Engine::new`), so it costs the first load no data;
//! `make voorbeeld` writes the same configuration to `data/configurations/voorbeeld-nederland.json`
//! for people and other tools, and `tests/voorbeeld_nederland.rs` checks that file is what
//! [`voorbeeld_nederland`] yields, so the two cannot drift.

use serde::Serialize;

use super::{ConfigEntry, Configuration, CONFIGURATION_FORMAT};
use crate::geo::{GemeenteInfo, Geography};

/// The configuration's name (its `id` and the scenario's `configuration`).
pub const VOORBEELD_NEDERLAND: &str = "voorbeeld-nederland";

/// What every gemeente gives to its own omgevingsdienst (contract §6.3).
const GEMEENTE_ACTIVITIES: [&str; 3] = [
    "milieubelastende-activiteit",
    "lozingsactiviteit-riool",
    "sloopactiviteit",
];

/// What Gedeputeerde Staten give, per gemeente of the provincie, to that gemeente's own
/// omgevingsdienst (contract §6.3).
const PROVINCIE_ACTIVITIES: [&str; 3] = [
    "milieubelastende-activiteit",
    "ontgrondingsactiviteit",
    "omgevingsverordening-activiteit",
];

const TABLE: &str = "gemeente→omgevingsdienst-tabel (peildatum 1 januari 2026; data/geo/README.md)";

/// The configuration: first every gemeente (by CBS code) with its three entries, then per
/// activity every provincie (by code) with one entry per omgevingsdienst that serves some of
/// its gemeenten (in the order of their first gemeente), listing those gemeenten. A gemeente
/// the table gives no omgevingsdienst (a trainer's own table) is left out. Valid by
/// construction over the organisations of the same geography: one entry per gemeente and
/// activity, and a provincie's lists are disjoint (each gemeente has one omgevingsdienst).
/// No sorting: the geography keeps gemeenten and provincies sorted by id (and a sort would
/// cost the first load more code than the rest of this function).
pub fn voorbeeld_nederland(geography: &Geography) -> Configuration {
    let served: Vec<(&GemeenteInfo, &str)> = geography
        .gemeenten()
        .iter()
        .filter_map(|g| Some((g, g.omgevingsdienst.as_ref()?.id.as_str())))
        .collect();

    let mut entries = Vec::new();
    for &(g, od) in &served {
        let bron = format!(
            "Contract §6.3: elke gemeente → eigen omgevingsdienst; {} → {od} volgens de {TABLE}{}. Illustratief.",
            g.name,
            if g.omgevingsdienst_afgeleid {
                " (afgeleid, niet met een bron bevestigd)"
            } else {
                ""
            }
        );
        for activity in GEMEENTE_ACTIVITIES {
            entries.push(entry(&g.id, activity, od, None, &bron));
        }
    }

    // (provincie, omgevingsdienst, the provincie's gemeenten it serves)
    let mut groups: Vec<(&str, &str, Vec<&GemeenteInfo>)> = Vec::new();
    for provincie in geography.provincies() {
        for &(g, od) in served
            .iter()
            .filter(|(g, _)| g.provincie.id == provincie.id)
        {
            match groups.iter_mut().find(|x| x.0 == provincie.id && x.1 == od) {
                Some(group) => group.2.push(g),
                None => groups.push((&provincie.id, od, vec![g])),
            }
        }
    }
    for activity in PROVINCIE_ACTIVITIES {
        for (provincie, od, list) in &groups {
            let name = list
                .first()
                .map_or(*provincie, |g| g.provincie.name.as_str());
            let afgeleid = list.iter().filter(|g| g.omgevingsdienst_afgeleid).count();
            let bron = format!(
                "Contract §6.3 en domain-research B5 (1:n): Gedeputeerde Staten van {name} → {od} voor de {} gemeenten van {name} die {od} bedient volgens de {TABLE}{}. Illustratief.",
                list.len(),
                match afgeleid {
                    0 => String::new(),
                    n => format!(" ({n} daarvan afgeleid, niet met een bron bevestigd)"),
                }
            );
            let ids = list.iter().map(|g| g.id.clone()).collect();
            entries.push(entry(provincie, activity, od, Some(ids), &bron));
        }
    }

    Configuration {
        id: Some(VOORBEELD_NEDERLAND.to_string()),
        name: Some("Voorbeeld Nederland".to_string()),
        description: Some(DESCRIPTION.to_string()),
        behandeldiensten: entries,
    }
}

const DESCRIPTION: &str = "Illustratief voorbeeld, geen echte DSO-configuratie. Elke gemeente en elke provincie (Gedeputeerde Staten) met de eigen omgevingsdienst van de gemeente, volgens contract §6.3. Echte behandeldienstconfiguraties staan in het DSO en worden gepubliceerd op de implementatiemonitor (pagina I3 Behandeldiensten). Gegenereerd uit de gemeente→omgevingsdienst-tabel door make voorbeeld (src/domain/configuration/voorbeeld.rs).";

fn entry(
    bevoegd_gezag: &str,
    activity: &str,
    behandeldienst: &str,
    gemeenten: Option<Vec<String>>,
    bron: &str,
) -> ConfigEntry {
    ConfigEntry {
        bevoegd_gezag: bevoegd_gezag.to_string(),
        activity: activity.to_string(),
        behandeldienst: behandeldienst.to_string(),
        verzoektype: None,
        gemeenten,
        bron: Some(bron.to_string()),
        // unknown: §6.3 says nothing about a mandate (no finding either way)
        mandaat: None,
    }
}

/// The committed file's text (`routewijzer-configuratie/1`, fields in the contract's order,
/// two-space indent, a final newline). Only `make voorbeeld` and the tests call it.
pub fn file_text(configuration: &Configuration) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        #[serde(flatten)]
        configuration: &'a Configuration,
    }
    let file = File {
        format: CONFIGURATION_FORMAT,
        configuration,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
