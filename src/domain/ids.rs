//! Contract identifiers (§1): verzoektypes, bevoegd-gezag levels, roles and assumption values.

use serde::{Serialize, Serializer};

pub use super::finding::texts::Lang;

/// The seven verzoektypes, in the contract's order (§1); `Ord` follows that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verzoektype {
    AanvraagVergunning,
    Melding,
    Informatie,
    AanvraagMaatwerkvoorschrift,
    AanvraagGelijkwaardigeMaatregel,
    MeldingGelijkwaardigeMaatregel,
    InformatieOngewoonVoorval,
}

impl Verzoektype {
    /// All verzoektypes in contract order.
    pub const ALL: [Verzoektype; 7] = [
        Verzoektype::AanvraagVergunning,
        Verzoektype::Melding,
        Verzoektype::Informatie,
        Verzoektype::AanvraagMaatwerkvoorschrift,
        Verzoektype::AanvraagGelijkwaardigeMaatregel,
        Verzoektype::MeldingGelijkwaardigeMaatregel,
        Verzoektype::InformatieOngewoonVoorval,
    ];

    /// The contract id, e.g. `aanvraag-vergunning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verzoektype::AanvraagVergunning => "aanvraag-vergunning",
            Verzoektype::Melding => "melding",
            Verzoektype::Informatie => "informatie",
            Verzoektype::AanvraagMaatwerkvoorschrift => "aanvraag-maatwerkvoorschrift",
            Verzoektype::AanvraagGelijkwaardigeMaatregel => "aanvraag-gelijkwaardige-maatregel",
            Verzoektype::MeldingGelijkwaardigeMaatregel => "melding-gelijkwaardige-maatregel",
            Verzoektype::InformatieOngewoonVoorval => "informatie-ongewoon-voorval",
        }
    }

    /// Dutch label for people, e.g. "aanvraag vergunning".
    pub fn label(self) -> &'static str {
        match self {
            Verzoektype::AanvraagVergunning => "aanvraag vergunning",
            Verzoektype::Melding => "melding",
            Verzoektype::Informatie => "informatie",
            Verzoektype::AanvraagMaatwerkvoorschrift => "aanvraag maatwerkvoorschrift",
            Verzoektype::AanvraagGelijkwaardigeMaatregel => "aanvraag gelijkwaardige maatregel",
            Verzoektype::MeldingGelijkwaardigeMaatregel => "melding gelijkwaardige maatregel",
            Verzoektype::InformatieOngewoonVoorval => "informatie ongewoon voorval",
        }
    }

    /// English label, e.g. "application for a permit".
    pub fn label_en(self) -> &'static str {
        match self {
            Verzoektype::AanvraagVergunning => "application for a permit",
            Verzoektype::Melding => "notification",
            Verzoektype::Informatie => "information",
            Verzoektype::AanvraagMaatwerkvoorschrift => "application for a custom rule",
            Verzoektype::AanvraagGelijkwaardigeMaatregel => "application for an equivalent measure",
            Verzoektype::MeldingGelijkwaardigeMaatregel => "notification of an equivalent measure",
            Verzoektype::InformatieOngewoonVoorval => "information on an unusual incident",
        }
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.label(),
            Lang::En => self.label_en(),
        }
    }

    pub fn parse(s: &str) -> Option<Verzoektype> {
        Verzoektype::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// `aanvraag-vergunning, melding, …` for error messages.
    pub fn all_ids() -> String {
        join(Verzoektype::ALL.iter().map(|v| v.as_str()))
    }
}

impl Serialize for Verzoektype {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The level of an activity's own bevoegd gezag (contract §2).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Gemeente,
    Provincie,
    Waterschap,
    /// A minister, by short code (`IENW`, `KGG`, `LNV`).
    Rijk(String),
}

impl Level {
    /// `gemeente`, `provincie`, `waterschap`, `rijk:<CODE>`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "gemeente" => Some(Level::Gemeente),
            "provincie" => Some(Level::Provincie),
            "waterschap" => Some(Level::Waterschap),
            _ => {
                let code = s.strip_prefix("rijk:")?;
                if code.is_empty() {
                    None
                } else {
                    Some(Level::Rijk(code.to_string()))
                }
            }
        }
    }

    pub fn as_string(&self) -> String {
        match self {
            Level::Gemeente => "gemeente".into(),
            Level::Provincie => "provincie".into(),
            Level::Waterschap => "waterschap".into(),
            Level::Rijk(code) => format!("rijk:{code}"),
        }
    }

    /// Higher is more central: rijk > provincie > waterschap > gemeente (contract §2: "the
    /// most central one wins").
    pub fn centrality(&self) -> u8 {
        match self {
            Level::Gemeente => 0,
            Level::Waterschap => 1,
            Level::Provincie => 2,
            Level::Rijk(_) => 3,
        }
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_string())
    }
}

/// The kind of an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    Gemeente,
    Provincie,
    Waterschap,
    Minister,
    Omgevingsdienst,
    Veiligheidsregio,
    Uitvoeringsorganisatie,
}

impl OrgKind {
    /// A bestuursorgaan that can be bevoegd gezag (contract §1).
    pub fn is_bestuursorgaan(self) -> bool {
        matches!(
            self,
            OrgKind::Gemeente | OrgKind::Provincie | OrgKind::Waterschap | OrgKind::Minister
        )
    }
}

/// Role of an adviseur (contract §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdviesRole {
    Advies,
    AdviesMetInstemming,
}

impl AdviesRole {
    pub fn parse(s: &str) -> Option<AdviesRole> {
        match s {
            "advies" => Some(AdviesRole::Advies),
            "advies-met-instemming" => Some(AdviesRole::AdviesMetInstemming),
            _ => None,
        }
    }

    /// The contract id: `advies`, `advies-met-instemming`.
    pub fn as_str(self) -> &'static str {
        match self {
            AdviesRole::Advies => "advies",
            AdviesRole::AdviesMetInstemming => "advies-met-instemming",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AdviesRole::Advies => "advies",
            AdviesRole::AdviesMetInstemming => "advies met instemming",
        }
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Nl, _) => self.label(),
            (Lang::En, AdviesRole::Advies) => "advice",
            (Lang::En, AdviesRole::AdviesMetInstemming) => "advice with consent",
        }
    }
}

/// Role of a recipient of a trigger (contract §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientRole {
    BevoegdGezag,
    Behandeldienst,
}

/// Assumption `bd_merge` (contract §3, domain-research B12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BdMerge {
    #[default]
    AllSame,
    AnySingle,
    FirstActivity,
}

impl BdMerge {
    pub const ALL: [BdMerge; 3] = [BdMerge::AllSame, BdMerge::AnySingle, BdMerge::FirstActivity];

    pub fn as_str(self) -> &'static str {
        match self {
            BdMerge::AllSame => "all-same",
            BdMerge::AnySingle => "any-single",
            BdMerge::FirstActivity => "first-activity",
        }
    }

    pub fn parse(s: &str) -> Option<BdMerge> {
        BdMerge::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Assumption `dso` (contract §3, domain-research C3, C6 / §8.3): the DSO as it works
/// today (`2023`, the default: the behandeldienst can be changed after receipt, documented
/// by December 2023 at the latest), or the 2020 pre-production test (`2020`: it cannot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Dso {
    V2020,
    #[default]
    V2023,
}

impl Dso {
    pub const ALL: [Dso; 2] = [Dso::V2023, Dso::V2020];

    /// What the setting means, for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dso::V2023, Lang::Nl) => "Huidig DSO: behandeldienst wijzigbaar na ontvangst (gedocumenteerd uiterlijk december 2023)",
            (Dso::V2023, Lang::En) => "Current DSO: behandeldienst can be changed after receipt (documented by December 2023 at the latest)",
            (Dso::V2020, Lang::Nl) => "Pre-productie 2020 (Brabant-Noord-test): behandeldienst niet wijzigbaar",
            (Dso::V2020, Lang::En) => "Pre-production 2020 (Brabant-Noord test): behandeldienst cannot be changed",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Dso::V2020 => "2020",
            Dso::V2023 => "2023",
        }
    }

    pub fn parse(s: &str) -> Option<Dso> {
        match s {
            "2020" => Some(Dso::V2020),
            "2023" => Some(Dso::V2023),
            _ => None,
        }
    }
}

impl Serialize for Dso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Extension assumption `bd_after_bg_change` (domain-research §8.5): after a change of
/// bevoegd gezag, is the behandeldienst re-derived from the new BG's configuration
/// (contract §5.7, the default) or kept as it was?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BdAfterBgChange {
    #[default]
    ReDerive,
    Keep,
}

impl BdAfterBgChange {
    pub fn as_str(self) -> &'static str {
        match self {
            BdAfterBgChange::ReDerive => "re-derive",
            BdAfterBgChange::Keep => "keep",
        }
    }

    pub fn parse(s: &str) -> Option<BdAfterBgChange> {
        match s {
            "re-derive" => Some(BdAfterBgChange::ReDerive),
            "keep" => Some(BdAfterBgChange::Keep),
            _ => None,
        }
    }
}

/// `a, b, c`.
pub(crate) fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}
