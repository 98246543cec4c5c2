//! Findings: a contract code, a Dutch text, the rule id in domain-research.md and the ids the
//! finding concerns.

use serde::{Serialize, Serializer};

/// Every finding code the engine emits. The first sixteen are the contract's (§4); the rest
/// are extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingCode {
    SplitVerzoektype,
    SplitWater,
    SplitBevoegdGezag,
    Magneet,
    AdviseurZonderTrigger,
    BdCopy,
    BdMixed,
    BdAndereBg,
    BdVerzoektype,
    BdLocatie,
    BdNietWijzigbaar,
    OdVrVerschil,
    LocatieGrens,
    GeenOmgevingsdienstBekend,
    BgConflict,
    // Extensions.
    /// An exception flag changed an activity's own bevoegd gezag.
    Uitzondering,
    /// `bg_notified_when_bd: false`: the bevoegd gezag gets no copy.
    BgGeenKopie,
    /// After receipt: the bevoegd gezag was changed.
    BgGewijzigd,
    /// After receipt (dso 2023): the behandeldienst was changed or removed.
    BdGewijzigd,
}

impl FindingCode {
    pub const ALL: [FindingCode; 19] = [
        FindingCode::SplitVerzoektype,
        FindingCode::SplitWater,
        FindingCode::SplitBevoegdGezag,
        FindingCode::Magneet,
        FindingCode::AdviseurZonderTrigger,
        FindingCode::BdCopy,
        FindingCode::BdMixed,
        FindingCode::BdAndereBg,
        FindingCode::BdVerzoektype,
        FindingCode::BdLocatie,
        FindingCode::BdNietWijzigbaar,
        FindingCode::OdVrVerschil,
        FindingCode::LocatieGrens,
        FindingCode::GeenOmgevingsdienstBekend,
        FindingCode::BgConflict,
        FindingCode::Uitzondering,
        FindingCode::BgGeenKopie,
        FindingCode::BgGewijzigd,
        FindingCode::BdGewijzigd,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::SplitVerzoektype => "split-verzoektype",
            FindingCode::SplitWater => "split-water",
            FindingCode::SplitBevoegdGezag => "split-bevoegd-gezag",
            FindingCode::Magneet => "magneet",
            FindingCode::AdviseurZonderTrigger => "adviseur-zonder-trigger",
            FindingCode::BdCopy => "bd-copy",
            FindingCode::BdMixed => "bd-mixed",
            FindingCode::BdAndereBg => "bd-andere-bg",
            FindingCode::BdVerzoektype => "bd-verzoektype",
            FindingCode::BdLocatie => "bd-locatie",
            FindingCode::BdNietWijzigbaar => "bd-niet-wijzigbaar",
            FindingCode::OdVrVerschil => "od-vr-verschil",
            FindingCode::LocatieGrens => "locatie-grens",
            FindingCode::GeenOmgevingsdienstBekend => "geen-omgevingsdienst-bekend",
            FindingCode::BgConflict => "bg-conflict",
            FindingCode::Uitzondering => "uitzondering",
            FindingCode::BgGeenKopie => "bg-geen-kopie",
            FindingCode::BgGewijzigd => "bg-gewijzigd",
            FindingCode::BdGewijzigd => "bd-gewijzigd",
        }
    }

    /// The rule id in domain-research.md that the finding rests on.
    pub fn rule(self) -> &'static str {
        match self {
            FindingCode::SplitVerzoektype => "SP1",
            FindingCode::SplitWater => "SP2",
            FindingCode::SplitBevoegdGezag => "SP3",
            FindingCode::Magneet => "L6",
            FindingCode::AdviseurZonderTrigger => "T4",
            FindingCode::BdCopy => "T3",
            FindingCode::BdMixed => "B12",
            FindingCode::BdAndereBg => "B11",
            FindingCode::BdVerzoektype => "B3",
            FindingCode::BdLocatie => "B5",
            FindingCode::BdNietWijzigbaar => "C6",
            FindingCode::OdVrVerschil => "§6.2",
            FindingCode::LocatieGrens => "R5",
            FindingCode::GeenOmgevingsdienstBekend => "§6.1",
            FindingCode::BgConflict => "R6",
            FindingCode::Uitzondering => "L11",
            FindingCode::BgGeenKopie => "T3",
            FindingCode::BgGewijzigd => "C2",
            FindingCode::BdGewijzigd => "C3",
        }
    }

    /// True for the codes the contract defines (§4).
    pub fn is_contract(self) -> bool {
        !matches!(
            self,
            FindingCode::Uitzondering
                | FindingCode::BgGeenKopie
                | FindingCode::BgGewijzigd
                | FindingCode::BdGewijzigd
        )
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: FindingCode,
    /// Dutch, for people.
    pub text: String,
    /// Rule id in domain-research.md.
    pub rule: String,
    /// Activity and organisation ids this finding concerns (extension).
    pub concerns: Vec<String>,
}

impl Finding {
    pub fn new(code: FindingCode, text: String, concerns: Vec<String>) -> Finding {
        Finding {
            code,
            text,
            rule: code.rule().to_string(),
            concerns,
        }
    }

    /// With a rule other than the code's default (e.g. the rule of a catalogue exception).
    pub fn with_rule(mut self, rule: &str) -> Finding {
        if !rule.is_empty() {
            self.rule = rule.to_string();
        }
        self
    }
}
