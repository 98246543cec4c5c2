//! Findings: a contract code, a Dutch text, the rule id in domain-research.md and the ids the
//! finding concerns.

use serde::{Serialize, Serializer};

use super::catalogue::{Activity, Exception};
use super::ids::{join, AdviesRole, BdMerge, Verzoektype};
use super::json::whole;
use super::organisations::Org;
use crate::geo::Named;

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

/// One finding. Built only by the constructors below, which take what the finding is about
/// as typed values and write its Dutch `text`, its `rule` and its `concerns` (the ids, in
/// each code's order, that the JSON shows).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: FindingCode,
    /// Dutch, for people.
    pub text: String,
    /// Rule id in domain-research.md.
    pub rule: String,
    /// Activity and organisation ids this finding concerns (extension).
    pub concerns: Vec<String>,
    /// The configured behandeldienst this finding names as passed over: it gets no trigger
    /// (`bd-mixed`, `bd-andere-bg`).
    #[serde(skip)]
    pub passed_over: Option<String>,
    /// The other bestuursorgaan whose configuration does not count here (`bd-andere-bg`).
    #[serde(skip)]
    pub other_bevoegd_gezag: Option<String>,
}

/// Names of activities: `a, b, c`.
fn activity_names(acts: &[&Activity]) -> String {
    join(acts.iter().map(|a| a.name.as_str()))
}

/// `a, b, c` of each organisation's name as bevoegd gezag.
fn bg_names(orgs: &[&Org]) -> String {
    orgs.iter()
        .map(|o| o.bg_name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Finding {
    fn new(code: FindingCode, text: String, concerns: Vec<String>) -> Finding {
        Finding {
            code,
            text,
            rule: code.rule().to_string(),
            concerns,
            passed_over: None,
            other_bevoegd_gezag: None,
        }
    }

    /// `split-verzoektype`: the choice becomes one verzoek per verzoektype.
    pub(crate) fn split_verzoektype(types: &[Verzoektype]) -> Finding {
        Finding::new(
            FindingCode::SplitVerzoektype,
            format!(
                "Deze keuze wordt {} afzonderlijke verzoeken, één per verzoektype ({}). Elk verzoek wordt apart gerouteerd en levert eigen triggers op.",
                types.len(),
                join(types.iter().map(|v| v.label()))
            ),
            types.iter().map(|v| v.as_str().to_string()).collect(),
        )
    }

    /// `split-water`: water and other activities cannot be one aanvraag.
    pub(crate) fn split_water(water: &[&Activity], dry: &[&Activity]) -> Finding {
        Finding::new(
            FindingCode::SplitWater,
            format!(
                "Wateractiviteiten ({}) en andere activiteiten ({}) kunnen niet in één aanvraag (art. 5.7 lid 2 Omgevingswet): het worden twee aanvragen.",
                activity_names(water),
                activity_names(dry)
            ),
            water.iter().map(|a| a.id.clone()).collect(),
        )
    }

    /// `split-bevoegd-gezag`: no meervoudige verzoek of this type across bevoegde gezagen.
    pub(crate) fn split_bevoegd_gezag(verzoektype: Verzoektype, bgs: &[&Org]) -> Finding {
        Finding::new(
            FindingCode::SplitBevoegdGezag,
            format!(
                "Er bestaat geen meervoudige {}: de activiteiten hebben verschillende bevoegde gezagen ({}), dus elk krijgt een eigen verzoek ({} verzoeken).",
                verzoektype.label(),
                bg_names(bgs),
                bgs.len()
            ),
            bgs.iter().map(|bg| bg.id.clone()).collect(),
        )
    }

    /// `bg-conflict`: rijk magneten of different ministers in one aanvraag; `chosen` is the
    /// first.
    pub(crate) fn bg_conflict(magneten: &[&Activity], ministers: &[&Org], chosen: &Org) -> Finding {
        let mut concerns: Vec<String> = magneten.iter().map(|a| a.id.clone()).collect();
        concerns.extend(ministers.iter().map(|m| m.id.clone()));
        Finding::new(
            FindingCode::BgConflict,
            format!(
                "Deze aanvraag bevat magneetactiviteiten van verschillende ministers ({}). Het recht wijst hier niet één bevoegd gezag aan; Routewijzer kiest de eerste ({}). Overleg vooraf of dien afzonderlijke aanvragen in.",
                join(ministers.iter().map(|m| m.name.as_str())),
                chosen.bg_name()
            ),
            concerns,
        )
    }

    /// `magneet`: the magneten pull the whole aanvraag (also `pulled`) to `bg`; the other
    /// own bevoegde gezagen advise.
    pub(crate) fn magneet(
        magneten: &[&Activity],
        bg: &Org,
        pulled: &[&Activity],
        adviseurs: &[&Org],
    ) -> Finding {
        let mut concerns: Vec<String> = magneten.iter().map(|a| a.id.clone()).collect();
        concerns.push(bg.id.clone());
        concerns.extend(adviseurs.iter().map(|o| o.id.clone()));
        Finding::new(
            FindingCode::Magneet,
            format!(
                "{} {} hier een magneetactiviteit: de hele aanvraag, ook {}, gaat naar {}. {} adviseert en krijgt geen trigger.",
                activity_names(magneten),
                if magneten.len() == 1 { "is" } else { "zijn" },
                activity_names(pulled),
                bg.bg_name(),
                bg_names(adviseurs)
            ),
            concerns,
        )
    }

    /// `uitzondering`: a flag made `own_bg` the activity's own bevoegd gezag instead of
    /// `default_bg`; the rule is the exception's.
    pub(crate) fn uitzondering(
        activity: &Activity,
        exception: &Exception,
        own_bg: &Org,
        default_bg: &Org,
    ) -> Finding {
        let mut f = Finding::new(
            FindingCode::Uitzondering,
            format!(
                "{}: door '{}' ({}) is {} het eigen bevoegd gezag, niet {}{}.",
                activity.name,
                exception.flag,
                exception.name,
                own_bg.bg_name(),
                default_bg.bg_name(),
                if exception.magneet {
                    "; het is een magneetactiviteit"
                } else {
                    ""
                }
            ),
            vec![activity.id.clone(), own_bg.id.clone()],
        );
        if !exception.rule.is_empty() {
            f.rule = exception.rule.clone();
        }
        f
    }

    /// `bd-mixed`: the activity's behandeldienst under `bg` (`passed_over`) did not become
    /// the verzoek's, under assumption `merge`.
    pub(crate) fn bd_mixed(
        activity: &Activity,
        bg: &Org,
        passed_over: &Org,
        merge: BdMerge,
    ) -> Finding {
        let why = match merge {
            BdMerge::AllSame => "niet alle activiteiten in dit verzoek komen op die behandeldienst uit (aanname all-same)",
            BdMerge::AnySingle => "de activiteiten in dit verzoek komen op verschillende behandeldiensten uit (aanname any-single)",
            BdMerge::FirstActivity => "alleen de eerste activiteit bepaalt de behandeldienst (aanname first-activity)",
        };
        let mut f = Finding::new(
            FindingCode::BdMixed,
            format!(
                "{} heeft onder {} behandeldienst {}, maar die krijgt geen trigger: {why}. Het DSO stuurt één verzoek naar hooguit één behandeldienst.",
                activity.name,
                bg.bg_name(),
                passed_over.display_name()
            ),
            vec![activity.id.clone(), passed_over.id.clone()],
        );
        f.passed_over = Some(passed_over.id.clone());
        f
    }

    /// `bd-verzoektype`: `bg` configured the activity only for `configured_for`.
    pub(crate) fn bd_verzoektype(
        activity: &Activity,
        bg: &Org,
        configured_for: &[Verzoektype],
        verzoektype: Verzoektype,
    ) -> Finding {
        Finding::new(
            FindingCode::BdVerzoektype,
            format!(
                "{} heeft voor {} alleen een behandeldienst ingesteld voor {}, niet voor {}: deze activiteit krijgt hier geen behandeldienst.",
                bg.bg_name(),
                activity.name,
                join(configured_for.iter().map(|t| t.label())),
                verzoektype.label()
            ),
            vec![activity.id.clone(), bg.id.clone()],
        )
    }

    /// `bd-locatie`: `bg` configured the activity only for `other_gemeenten` other gemeenten.
    pub(crate) fn bd_locatie(
        activity: &Activity,
        bg: &Org,
        other_gemeenten: usize,
        gemeente: &Named,
    ) -> Finding {
        Finding::new(
            FindingCode::BdLocatie,
            format!(
                "{} heeft voor {} alleen een behandeldienst ingesteld voor andere gemeenten ({} gemeente{}), niet voor {}.",
                bg.bg_name(),
                activity.name,
                other_gemeenten,
                if other_gemeenten == 1 { "" } else { "n" },
                gemeente.name
            ),
            vec![activity.id.clone(), bg.id.clone()],
        )
    }

    /// `bd-andere-bg`: `other_bg` configured `passed_over` for the activity, but the verzoek
    /// goes to `bg`.
    pub(crate) fn bd_andere_bg(
        activity: &Activity,
        other_bg: &Org,
        passed_over: &Org,
        bg: &Org,
    ) -> Finding {
        let mut f = Finding::new(
            FindingCode::BdAndereBg,
            format!(
                "De configuratie van {} voor {} (behandeldienst {}) telt hier niet: dit verzoek gaat naar {}, en alleen de configuratie van het bevoegd gezag van het verzoek telt.",
                other_bg.bg_name(),
                activity.name,
                passed_over.display_name(),
                bg.bg_name()
            ),
            vec![activity.id.clone(), other_bg.id.clone(), passed_over.id.clone()],
        );
        f.passed_over = Some(passed_over.id.clone());
        f.other_bevoegd_gezag = Some(other_bg.id.clone());
        f
    }

    /// `bd-copy`: `bd` handles the verzoek, `bg` gets a copy.
    pub(crate) fn bd_copy(bg: &Org, bd: &Org) -> Finding {
        Finding::new(
            FindingCode::BdCopy,
            format!(
                "{} behandelt het verzoek en krijgt de trigger; {} krijgt een kopie (uitvoerende instantie = {}). Spreek af wie de zaak registreert, zodat er geen dubbele zaken of zwarte gaten ontstaan.",
                bd.display_name(),
                bg.bg_name(),
                bd.id
            ),
            vec![bg.id.clone(), bd.id.clone()],
        )
    }

    /// `bg-geen-kopie`: under `bg_notified_when_bd: false` only `bd` hears of the verzoek.
    pub(crate) fn bg_geen_kopie(bg: &Org, bd: &Org) -> Finding {
        Finding::new(
            FindingCode::BgGeenKopie,
            format!(
                "Onder de aanname 'bevoegd gezag krijgt geen kopie' krijgt alleen {} een trigger; {} hoort het niet van het DSO.",
                bd.display_name(),
                bg.bg_name()
            ),
            vec![bg.id.clone(), bd.id.clone()],
        )
    }

    /// `adviseur-zonder-trigger`: `adviseur` advises (`role`) and gets nothing from the DSO.
    pub(crate) fn adviseur_zonder_trigger(adviseur: &Org, role: AdviesRole) -> Finding {
        Finding::new(
            FindingCode::AdviseurZonderTrigger,
            format!(
                "{} is adviseur ({}) maar krijgt geen trigger van het DSO; het bevoegd gezag moet deze zelf betrekken, via de Samenwerkfunctionaliteit of via werkafspraken.",
                adviseur.adviseur_name(),
                role.label()
            ),
            vec![adviseur.id.clone()],
        )
    }

    /// `bg-gewijzigd`: after receipt the verzoek goes from `from` to `to`.
    pub(crate) fn bg_gewijzigd(from: &Org, to: &Org) -> Finding {
        Finding::new(
            FindingCode::BgGewijzigd,
            format!(
                "Het verzoek gaat na ontvangst van {} naar {}. Het nieuwe bevoegd gezag ontvangt alleen de laatste aanvulling (C4) en moet de initiatiefnemer zelf informeren (C5).",
                from.bg_name(),
                to.bg_name()
            ),
            vec![from.id.clone(), to.id.clone()],
        )
    }

    /// `bd-niet-wijzigbaar`: under `dso: "2020"` the change to `to` is refused.
    pub(crate) fn bd_niet_wijzigbaar(to: Option<&str>) -> Finding {
        Finding::new(
            FindingCode::BdNietWijzigbaar,
            format!(
                "In het DSO van 2020 kon de behandeldienst na ontvangst niet worden gewijzigd, alleen het bevoegd gezag; de wijziging naar {} gaat niet door en er gaat geen trigger uit.",
                to.unwrap_or("geen behandeldienst")
            ),
            to.iter().map(|s| (*s).to_string()).collect(),
        )
    }

    /// `bd-gewijzigd`: after receipt the behandeldienst becomes `to`, or is removed.
    pub(crate) fn bd_gewijzigd(to: Option<&Org>) -> Finding {
        let text = match to {
            Some(bd) => format!(
                "De behandeldienst wordt na ontvangst gewijzigd naar {}; die krijgt één trigger (sinds ongeveer 2023 mogelijk via de API).",
                bd.display_name()
            ),
            None => "De behandeldienst wordt na ontvangst verwijderd; er gaat geen trigger uit en het bevoegd gezag behandelt het verzoek zelf.".to_string(),
        };
        Finding::new(
            FindingCode::BdGewijzigd,
            text,
            to.iter().map(|o| o.id.clone()).collect(),
        )
    }

    /// `locatie-grens`: the point lies `distance_m` from a boundary of `gemeente`.
    pub(crate) fn locatie_grens(distance_m: f64, gemeente: &Named) -> Finding {
        Finding::new(
            FindingCode::LocatieGrens,
            format!(
                "Het punt ligt op ongeveer {} m van een gemeentegrens. De grenzen in de meegeleverde kaart kunnen tot ongeveer 100 m afwijken: controleer of {} de juiste gemeente is.",
                whole(distance_m),
                gemeente.name
            ),
            vec![gemeente.id.clone()],
        )
    }

    /// `geen-omgevingsdienst-bekend`: the bundled table has no omgevingsdienst for `gemeente`.
    pub(crate) fn geen_omgevingsdienst_bekend(gemeente: &Named) -> Finding {
        Finding::new(
            FindingCode::GeenOmgevingsdienstBekend,
            format!(
                "Voor {} staat geen omgevingsdienst in de meegeleverde tabel. Een behandeldienst kan alleen via een eigen configuratie worden ingesteld.",
                gemeente.name
            ),
            vec![gemeente.id.clone()],
        )
    }

    /// `od-vr-verschil`: `gemeente` is in `od`, while most of its veiligheidsregio `vr` is in
    /// `majority_od`.
    pub(crate) fn od_vr_verschil(
        gemeente: &Named,
        od: &Named,
        vr: &Named,
        majority_od: &Named,
    ) -> Finding {
        Finding::new(
            FindingCode::OdVrVerschil,
            format!(
                "{} valt onder {}, maar hoort bij veiligheidsregio {}, waarvan de meeste gemeenten onder {} vallen. De regio's van omgevingsdienst en veiligheidsregio vallen hier niet samen: reken op andere partners bij milieu en bij brandveiligheid.",
                gemeente.name, od.name, vr.name, majority_od.name
            ),
            vec![
                gemeente.id.clone(),
                od.id.clone(),
                vr.id.clone(),
                majority_od.id.clone(),
            ],
        )
    }
}
