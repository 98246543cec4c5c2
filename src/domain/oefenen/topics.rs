//! The vraagstukken of the seed deck a casus practises. Each has evidence in the outcome
//! ([`Topic::shown_by`]), so a casus cannot be tagged with a topic it does not show.
//!
//! The deck's test grid wrote three of them as `1:1`, `1:n` and `1:?` (one bevoegd gezag
//! to one, several or no behandeldienst). They read as ratios without the grid, so their
//! ids are now words (`een-behandeldienst`, `meer-behandeldiensten`,
//! `geen-behandeldienst-ingesteld`); the old ids are still read.

use std::collections::BTreeSet;

use serde::Serialize;

use super::super::configuration::ConfigEntry;
use super::super::finding::FindingCode;
use super::super::ids::{Dso, OrgKind, Verzoektype};
use super::super::outcome::Outcome;
use super::super::scenario::Scenario;
use super::super::Engine;

/// A vraagstuk of the seed deck a casus practises. Each has evidence in the outcome
/// (`Topic::shown_by`), so a tag cannot be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// One bevoegd gezag, one behandeldienst for everything it configured.
    EenOpEen,
    /// One bevoegd gezag, several behandeldiensten (per activity or area).
    EenOpN,
    /// A bevoegd gezag that configured no behandeldienst at all.
    EenOpOnbekend,
    /// Routing per werkingsgebied (gemeenten of an entry), not per content.
    Werkingsgebied,
    /// dso 2020: the behandeldienst cannot be changed after receipt.
    NaOntvangst2020,
    /// dso 2023: the behandeldienst can be changed after receipt.
    NaOntvangst2023,
    /// A meervoudige aanvraag whose behandeldienst receives nothing.
    MeervoudigBdLeeg,
    /// A magneet moves the bevoegd gezag to the provincie.
    MagneetProvincie,
    /// Water and non-water split into separate verzoeken.
    SplitWater,
    /// Meldingen split by bevoegd gezag.
    MeldingenPerBg,
    /// The veiligheidsregio advises without a trigger.
    VeiligheidsregioAdviseur,
    /// Heusden: omgevingsdienst and veiligheidsregio regions differ.
    OdVrVerschil,
    /// A verzoek split by verzoektype (melding and aanvraag).
    SplitVerzoektype,
    /// Vraagstuk 4: an activity without toepasbare regels makes no verzoek (T9).
    GeenToepasbareRegels,
    /// The deck's bevinding 2: a behandeldienst without a mandate (B16).
    Mandaat,
    /// Brzo work of one bevoegd gezag that the DSO cannot split off (B14, B15).
    Brzo,
}

impl Topic {
    pub const ALL: [Topic; 16] = [
        Topic::EenOpEen,
        Topic::EenOpN,
        Topic::EenOpOnbekend,
        Topic::Werkingsgebied,
        Topic::NaOntvangst2020,
        Topic::NaOntvangst2023,
        Topic::MeervoudigBdLeeg,
        Topic::MagneetProvincie,
        Topic::SplitWater,
        Topic::MeldingenPerBg,
        Topic::VeiligheidsregioAdviseur,
        Topic::OdVrVerschil,
        Topic::SplitVerzoektype,
        Topic::GeenToepasbareRegels,
        Topic::Mandaat,
        Topic::Brzo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::EenOpEen => "een-behandeldienst",
            Topic::EenOpN => "meer-behandeldiensten",
            Topic::EenOpOnbekend => "geen-behandeldienst-ingesteld",
            Topic::Werkingsgebied => "werkingsgebied",
            Topic::NaOntvangst2020 => "na-ontvangst-2020",
            Topic::NaOntvangst2023 => "na-ontvangst-2023",
            Topic::MeervoudigBdLeeg => "meervoudig-bd-leeg",
            Topic::MagneetProvincie => "magneet-provincie",
            Topic::SplitWater => "split-water",
            Topic::MeldingenPerBg => "meldingen-per-bevoegd-gezag",
            Topic::VeiligheidsregioAdviseur => "veiligheidsregio-adviseur",
            Topic::OdVrVerschil => "od-vr-verschil",
            Topic::SplitVerzoektype => "split-verzoektype",
            Topic::GeenToepasbareRegels => "geen-toepasbare-regels",
            Topic::Mandaat => "mandaat",
            Topic::Brzo => "brzo",
        }
    }

    /// The deck's grid ids, still read: `1:1`, `1:n`, `1:?`.
    fn deck_id(self) -> Option<&'static str> {
        match self {
            Topic::EenOpEen => Some("1:1"),
            Topic::EenOpN => Some("1:n"),
            Topic::EenOpOnbekend => Some("1:?"),
            _ => None,
        }
    }

    /// Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            Topic::EenOpEen => {
                "één behandeldienst voor alles wat het bevoegd gezag instelde (in 2020: 1:1)"
            }
            Topic::EenOpN => {
                "meer behandeldiensten onder één bevoegd gezag, per activiteit, verzoektype of gebied (in 2020: 1:n)"
            }
            Topic::EenOpOnbekend => {
                "het bevoegd gezag heeft geen behandeldienst ingesteld (in 2020: 1:?)"
            }
            Topic::Werkingsgebied => "routering per werkingsgebied, niet per inhoud",
            Topic::NaOntvangst2020 => "na ontvangst: behandeldienst niet te wijzigen (DSO 2020)",
            Topic::NaOntvangst2023 => "na ontvangst: behandeldienst wel te wijzigen (DSO 2023)",
            Topic::MeervoudigBdLeeg => "meervoudige aanvraag: behandeldienst krijgt niets",
            Topic::MagneetProvincie => "magneet: bevoegd gezag naar de provincie",
            Topic::SplitWater => "splitsing water en niet-water",
            Topic::MeldingenPerBg => "meldingen gesplitst per bevoegd gezag",
            Topic::VeiligheidsregioAdviseur => "veiligheidsregio als adviseur zonder trigger",
            Topic::OdVrVerschil => {
                "Heusden: regio's omgevingsdienst en veiligheidsregio verschillen"
            }
            Topic::SplitVerzoektype => "splitsing melding en aanvraag",
            Topic::GeenToepasbareRegels => {
                "geen toepasbare regels: geen verzoek, niemand krijgt iets (vraagstuk 4)"
            }
            Topic::Mandaat => "behandeldienst zonder mandaat (bevinding 2 van 2020)",
            Topic::Brzo => "Brzo-werk en ander milieuwerk van één bevoegd gezag",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL
            .into_iter()
            .find(|t| t.as_str() == s || t.deck_id() == Some(s))
    }

    /// True when the outcome (and the configuration the scenario applied) shows this topic.
    pub fn shown_by(self, engine: &Engine, scenario: &Scenario, outcome: &Outcome) -> bool {
        let (entries, _) = engine.configuration_entries(scenario.configuration.as_ref());
        let kind = |id: &str| engine.organisations.get(id).map(|o| o.kind);
        let of_bg = |bg: &str| -> Vec<&ConfigEntry> {
            entries.iter().filter(|e| e.bevoegd_gezag == bg).collect()
        };
        let has_code = |code: FindingCode| {
            outcome.findings.iter().any(|f| f.code == code)
                || outcome
                    .verzoeken
                    .iter()
                    .any(|v| v.findings.iter().any(|f| f.code == code))
        };
        let timeline_code = |code: FindingCode| {
            outcome
                .timeline
                .iter()
                .any(|s| s.findings.iter().any(|f| f.code == code))
        };
        let distinct_bds = |bg: &str| -> usize {
            of_bg(bg)
                .iter()
                .map(|e| e.behandeldienst.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        };
        match self {
            Topic::EenOpEen => outcome
                .verzoeken
                .iter()
                .any(|v| v.behandeldienst.is_some() && distinct_bds(&v.bevoegd_gezag.id) == 1),
            Topic::EenOpN => outcome
                .verzoeken
                .iter()
                .any(|v| distinct_bds(&v.bevoegd_gezag.id) >= 2),
            Topic::EenOpOnbekend => outcome
                .verzoeken
                .iter()
                .any(|v| v.behandeldienst.is_none() && of_bg(&v.bevoegd_gezag.id).is_empty()),
            Topic::Werkingsgebied => outcome.verzoeken.iter().any(|v| {
                of_bg(&v.bevoegd_gezag.id)
                    .iter()
                    .any(|e| e.gemeenten.is_some())
            }),
            Topic::NaOntvangst2020 => {
                outcome.assumptions.dso == Dso::V2020
                    && timeline_code(FindingCode::BdNietWijzigbaar)
            }
            Topic::NaOntvangst2023 => {
                outcome.assumptions.dso == Dso::V2023 && timeline_code(FindingCode::BdGewijzigd)
            }
            Topic::MeervoudigBdLeeg => outcome.verzoeken.iter().any(|v| {
                v.activities.len() >= 2 && v.findings.iter().any(|f| f.code == FindingCode::BdMixed)
            }),
            Topic::MagneetProvincie => outcome.verzoeken.iter().any(|v| {
                kind(&v.bevoegd_gezag.id) == Some(OrgKind::Provincie)
                    && v.findings.iter().any(|f| f.code == FindingCode::Magneet)
            }),
            Topic::SplitWater => has_code(FindingCode::SplitWater),
            Topic::MeldingenPerBg => {
                has_code(FindingCode::SplitBevoegdGezag)
                    && outcome
                        .verzoeken
                        .iter()
                        .filter(|v| v.verzoektype == Verzoektype::Melding)
                        .count()
                        >= 2
            }
            Topic::VeiligheidsregioAdviseur => outcome.verzoeken.iter().any(|v| {
                v.adviseurs.iter().any(|a| {
                    kind(&a.id) == Some(OrgKind::Veiligheidsregio)
                        && !v.recipients.iter().any(|r| r.id == a.id)
                })
            }),
            Topic::OdVrVerschil => has_code(FindingCode::OdVrVerschil),
            Topic::SplitVerzoektype => has_code(FindingCode::SplitVerzoektype),
            Topic::GeenToepasbareRegels => has_code(FindingCode::GeenToepasbareRegels),
            Topic::Mandaat => has_code(FindingCode::BdZonderMandaat),
            Topic::Brzo => has_code(FindingCode::BrzoBehandeldienst),
        }
    }
}
