//! Findings: a contract code, a Dutch text, the rule id in domain-research.md and the ids the
//! finding concerns. Built only here, by typed constructors; their sentences are data
//! (`data/findings.json`, [`texts`]), in Dutch for the outcome and in English on request
//! ([`Finding::text_in`]).

use serde::{Serialize, Serializer};

use super::catalogue::{Activity, AdviesBasis, Exception};
use super::ids::{join, AdviesRole, BdMerge, OrgKind, Verzoektype};
use super::json::whole;
use super::organisations::Org;
use crate::geo::Named;

pub mod texts;

pub use texts::{FindingTexts, Lang};

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
    /// A verzoek without behandeldienst, and why ([`NoBehandeldienst`]).
    GeenBehandeldienst,
    /// An activity without toepasbare regels: no verzoek, nobody notified (T9, vraagstuk 4).
    GeenToepasbareRegels,
    /// The behandeldienst has no mandate from the bevoegd gezag (B16, bevinding 2).
    BdZonderMandaat,
    /// Brzo work configured to another behandeldienst than the Brzo omgevingsdienst (B15).
    BrzoBehandeldienst,
    /// The gemeente's adviseur role for a buitenplanse omgevingsplanactiviteit (L15, `[?]`).
    BopaAdviesrol,
    /// Catalogue note: intensive livestock at an IPPC installation stays with the gemeente
    /// (L14, `[?]`).
    IppcVeehouderij,
    /// Catalogue note: on a defence site the ILT decides for the minister of IenW (L18).
    Defensieterrein,
    /// Catalogue note: a kap-melding outside the bebouwingscontour is the provincie's
    /// vellingsactiviteit (L16).
    KappenVellingsactiviteit,
}

impl FindingCode {
    pub const ALL: [FindingCode; 27] = [
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
        FindingCode::GeenBehandeldienst,
        FindingCode::GeenToepasbareRegels,
        FindingCode::BdZonderMandaat,
        FindingCode::BrzoBehandeldienst,
        FindingCode::BopaAdviesrol,
        FindingCode::IppcVeehouderij,
        FindingCode::Defensieterrein,
        FindingCode::KappenVellingsactiviteit,
    ];

    /// The codes the catalogue may attach to an activity or a flag (`notes`).
    pub const NOTES: [FindingCode; 3] = [
        FindingCode::IppcVeehouderij,
        FindingCode::Defensieterrein,
        FindingCode::KappenVellingsactiviteit,
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
            FindingCode::GeenBehandeldienst => "geen-behandeldienst",
            FindingCode::GeenToepasbareRegels => "geen-toepasbare-regels",
            FindingCode::BdZonderMandaat => "bd-zonder-mandaat",
            FindingCode::BrzoBehandeldienst => "brzo-behandeldienst",
            FindingCode::BopaAdviesrol => "bopa-adviesrol",
            FindingCode::IppcVeehouderij => "ippc-veehouderij",
            FindingCode::Defensieterrein => "defensieterrein",
            FindingCode::KappenVellingsactiviteit => "kappen-vellingsactiviteit",
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
            // The rule of its reason: NoBehandeldienst::rule.
            FindingCode::GeenBehandeldienst => "B2",
            FindingCode::GeenToepasbareRegels => "T9",
            FindingCode::BdZonderMandaat => "B16",
            FindingCode::BrzoBehandeldienst => "B15",
            FindingCode::BopaAdviesrol => "L15",
            FindingCode::IppcVeehouderij => "L14",
            FindingCode::Defensieterrein => "L18",
            FindingCode::KappenVellingsactiviteit => "L16",
        }
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Every sentence a finding can have: its id in `data/findings/*.json` (the code, or
/// `code/variant`) and the parameters its templates use, separated by spaces.
pub(crate) const SENTENCES: &[(&str, &str)] = &[
    ("split-verzoektype", "aantal verzoektypes"),
    ("split-water", "wateractiviteiten andere_activiteiten"),
    ("split-bevoegd-gezag", "verzoektype bevoegde_gezagen aantal"),
    ("bg-conflict", "ministers gekozen"),
    ("magneet", "magneten meegetrokken bevoegd_gezag adviseurs"),
    (
        "uitzondering",
        "activiteit vlag vlag_naam bevoegd_gezag standaard_bevoegd_gezag magneet",
    ),
    (
        "bd-mixed/all-same",
        "activiteit bevoegd_gezag behandeldienst",
    ),
    (
        "bd-mixed/any-single",
        "activiteit bevoegd_gezag behandeldienst",
    ),
    (
        "bd-mixed/first-activity",
        "activiteit bevoegd_gezag behandeldienst",
    ),
    (
        "bd-verzoektype",
        "bevoegd_gezag activiteit ingesteld_voor verzoektype",
    ),
    ("bd-locatie", "bevoegd_gezag activiteit aantal gemeente"),
    (
        "bd-andere-bg",
        "ander_bevoegd_gezag activiteit behandeldienst bevoegd_gezag",
    ),
    ("bd-copy", "behandeldienst bevoegd_gezag behandeldienst_id"),
    ("bg-geen-kopie", "behandeldienst bevoegd_gezag"),
    ("adviseur-zonder-trigger", "adviseur rol"),
    ("adviseur-zonder-trigger/praktijk", "adviseur rol"),
    ("bg-gewijzigd", "van naar"),
    ("bd-niet-wijzigbaar", "naar"),
    ("bd-niet-wijzigbaar/verwijderen", ""),
    ("bd-gewijzigd", "behandeldienst"),
    ("bd-gewijzigd/verwijderd", ""),
    ("locatie-grens", "afstand gemeente"),
    ("geen-omgevingsdienst-bekend", "gemeente"),
    (
        "od-vr-verschil",
        "gemeente omgevingsdienst veiligheidsregio meeste_omgevingsdienst",
    ),
    ("geen-behandeldienst/geen-configuratie", "bevoegd_gezag"),
    (
        "geen-behandeldienst/bg-zonder-configuratie",
        "bevoegd_gezag",
    ),
    (
        "geen-behandeldienst/niet-ingesteld",
        "bevoegd_gezag activiteiten",
    ),
    (
        "geen-behandeldienst/ander-verzoektype",
        "bevoegd_gezag activiteiten ingesteld_voor verzoektype",
    ),
    (
        "geen-behandeldienst/andere-gemeenten",
        "bevoegd_gezag activiteiten gemeente",
    ),
    (
        "geen-behandeldienst/andere-bg",
        "ander_bevoegd_gezag activiteiten bevoegd_gezag",
    ),
    ("geen-behandeldienst/all-same", ""),
    ("geen-behandeldienst/any-single", ""),
    ("geen-behandeldienst/first-activity", "activiteit"),
    ("geen-toepasbare-regels", "activiteit bevoegd_gezag"),
    ("bd-zonder-mandaat", "behandeldienst bevoegd_gezag"),
    (
        "brzo-behandeldienst",
        "activiteit bevoegd_gezag behandeldienst provincie brzo_dienst",
    ),
    ("bopa-adviesrol", "adviseur activiteit"),
    ("bopa-adviesrol/instemming", "adviseur activiteit"),
    ("ippc-veehouderij", "activiteit bevoegd_gezag"),
    ("defensieterrein", "activiteit bevoegd_gezag"),
    ("kappen-vellingsactiviteit", "activiteit"),
];

/// Why a verzoek has no behandeldienst: the reason of a `geen-behandeldienst` finding, each
/// with its rule in domain-research.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoBehandeldienst {
    /// The scenario chose no configuration at all (T2: without one, only the BG).
    NoConfiguration,
    /// The bevoegd gezag has no entry at all in the configuration (B2).
    NothingConfiguredByBg,
    /// It has entries, but none for these activities (B2).
    ActivitiesNotConfigured,
    /// Configured for the activity, but for another verzoektype only (B3).
    OtherVerzoektype,
    /// Configured for the activity, but for other gemeenten only (B5).
    OtherGemeenten,
    /// Configured, but by another bestuursorgaan than the verzoek's bevoegd gezag (B11).
    OtherBevoegdGezag,
    /// Activities resolve to different behandeldiensten, or some to none, and the
    /// assumption `bd_merge` then gives none (B12).
    ActivitiesDiffer,
}

impl NoBehandeldienst {
    pub fn rule(self) -> &'static str {
        match self {
            NoBehandeldienst::NoConfiguration => "T2",
            NoBehandeldienst::NothingConfiguredByBg | NoBehandeldienst::ActivitiesNotConfigured => {
                "B2"
            }
            NoBehandeldienst::OtherVerzoektype => "B3",
            NoBehandeldienst::OtherGemeenten => "B5",
            NoBehandeldienst::OtherBevoegdGezag => "B11",
            NoBehandeldienst::ActivitiesDiffer => "B12",
        }
    }
}

/// A reason with what it names, for [`Finding::geen_behandeldienst`].
pub(crate) enum NoBdWhy<'a> {
    NoConfiguration,
    NothingConfiguredByBg,
    ActivitiesNotConfigured(Vec<&'a Activity>),
    /// The activities, the verzoektypes they are configured for, the verzoek's.
    OtherVerzoektype(Vec<&'a Activity>, Vec<Verzoektype>, Verzoektype),
    OtherGemeenten(Vec<&'a Activity>, &'a Named),
    /// The activities and who configured them.
    OtherBevoegdGezag(Vec<&'a Activity>, Vec<Org>),
    /// Under `bd_merge`; the first activity (for `first-activity`).
    ActivitiesDiffer(BdMerge, &'a Activity),
}

/// One parameter of a finding's sentence, typed, so that it reads right in either language.
#[derive(Clone, Debug)]
pub(crate) enum Arg {
    /// Shown as it is (an id, a number, names `a, b, c`), and whether it is singular: one
    /// name that is not a plural itself (Gedeputeerde Staten are).
    Text(String, bool),
    Count(usize),
    Verzoektypes(Vec<Verzoektype>),
    Role(AdviesRole),
    /// Only chooses (`{magneet|…|}`); shows nothing.
    Yes(bool),
}

impl Arg {
    pub(crate) fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t, _) => t.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Verzoektypes(list) => list
                .iter()
                .map(|v| v.label_in(lang))
                .collect::<Vec<_>>()
                .join(", "),
            Arg::Role(r) => r.label_in(lang).to_string(),
            Arg::Yes(_) => String::new(),
        }
    }

    /// Picks the first word of a `{name|one|other}` choice.
    pub(crate) fn is_one(&self) -> bool {
        match self {
            Arg::Text(_, one) | Arg::Yes(one) => *one,
            Arg::Role(_) => true,
            Arg::Count(n) => *n == 1,
            Arg::Verzoektypes(list) => list.len() == 1,
        }
    }

    fn plain(text: String) -> Arg {
        Arg::Text(text, true)
    }

    /// Organisations by their name as bevoegd gezag ("Gedeputeerde Staten van …" is plural).
    fn bgs(orgs: &[&Org]) -> Arg {
        let names: Vec<String> = orgs.iter().map(|o| o.bg_name()).collect();
        let plural = orgs.len() != 1 || orgs.iter().any(|o| o.kind == OrgKind::Provincie);
        Arg::Text(names.join(", "), !plural)
    }

    fn bg(org: &Org) -> Arg {
        Arg::Text(org.bg_name(), org.kind != OrgKind::Provincie)
    }

    /// An organisation in another role than bevoegd gezag: its display name.
    fn org(org: &Org) -> Arg {
        Arg::plain(org.display_name())
    }

    fn activities(acts: &[&Activity]) -> Arg {
        Arg::Text(join(acts.iter().map(|a| a.name.as_str())), acts.len() == 1)
    }

    fn activity(act: &Activity) -> Arg {
        Arg::plain(act.name.clone())
    }
}

/// One finding. Built only by the constructors below, which take what the finding is about
/// as typed values and write its Dutch `text`, its `rule` and its `concerns` (the ids, in
/// each code's order, that the JSON shows).
#[derive(Clone, Debug, Serialize)]
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
    /// The other bestuursorgaan whose configuration does not count here (`bd-andere-bg`,
    /// `geen-behandeldienst` for that reason).
    #[serde(skip)]
    pub other_bevoegd_gezag: Option<String>,
    /// Why the verzoek has no behandeldienst (`geen-behandeldienst`).
    #[serde(skip)]
    pub no_behandeldienst: Option<NoBehandeldienst>,
    /// Its sentence in [`SENTENCES`] and the parameters in that sentence's order, to write
    /// it in another language.
    #[serde(skip)]
    sentence: &'static str,
    #[serde(skip)]
    args: Vec<Arg>,
}

/// Equal when what the JSON shows is equal (the sentence's parameters follow from it).
impl PartialEq for Finding {
    fn eq(&self, other: &Finding) -> bool {
        (self.code, &self.text, &self.rule, &self.concerns)
            == (other.code, &other.text, &other.rule, &other.concerns)
    }
}

impl Eq for Finding {}

impl Finding {
    fn new(
        t: &FindingTexts,
        code: FindingCode,
        sentence: &'static str,
        args: Vec<Arg>,
        concerns: Vec<String>,
    ) -> Finding {
        Finding {
            code,
            text: t.render(sentence, &args),
            rule: code.rule().to_string(),
            concerns,
            passed_over: None,
            other_bevoegd_gezag: None,
            no_behandeldienst: None,
            sentence,
            args,
        }
    }

    /// The finding's sentence in the language of `texts` (`text` is the Dutch one). For the
    /// app's English mode: `finding.text_in(engine.english()?)`, or in the start build the
    /// English file fetched later (`FindingTexts::from_json`).
    pub fn text_in(&self, texts: &FindingTexts) -> String {
        match texts.render(self.sentence, &self.args) {
            rendered if rendered.is_empty() => self.text.clone(),
            rendered => rendered,
        }
    }

    /// The id of its sentence in `data/findings/*.json`: the code, or `code/variant`.
    pub fn sentence(&self) -> &'static str {
        self.sentence
    }

    /// Every sentence id a finding can have.
    pub fn sentence_ids() -> impl Iterator<Item = &'static str> {
        SENTENCES.iter().map(|(id, _)| *id)
    }

    /// `split-verzoektype`: the choice becomes one verzoek per verzoektype.
    pub(crate) fn split_verzoektype(t: &FindingTexts, types: &[Verzoektype]) -> Finding {
        Finding::new(
            t,
            FindingCode::SplitVerzoektype,
            "split-verzoektype",
            vec![Arg::Count(types.len()), Arg::Verzoektypes(types.to_vec())],
            types.iter().map(|v| v.as_str().to_string()).collect(),
        )
    }

    /// `split-water`: water and other activities cannot be one aanvraag.
    pub(crate) fn split_water(t: &FindingTexts, water: &[&Activity], dry: &[&Activity]) -> Finding {
        Finding::new(
            t,
            FindingCode::SplitWater,
            "split-water",
            vec![Arg::activities(water), Arg::activities(dry)],
            water.iter().map(|a| a.id.clone()).collect(),
        )
    }

    /// `split-bevoegd-gezag`: no meervoudige verzoek of this type across bevoegde gezagen.
    pub(crate) fn split_bevoegd_gezag(
        t: &FindingTexts,
        verzoektype: Verzoektype,
        bgs: &[&Org],
    ) -> Finding {
        Finding::new(
            t,
            FindingCode::SplitBevoegdGezag,
            "split-bevoegd-gezag",
            vec![
                Arg::Verzoektypes(vec![verzoektype]),
                Arg::bgs(bgs),
                Arg::Count(bgs.len()),
            ],
            bgs.iter().map(|bg| bg.id.clone()).collect(),
        )
    }

    /// `bg-conflict`: rijk magneten of different ministers in one aanvraag; `chosen` is the
    /// first.
    pub(crate) fn bg_conflict(
        t: &FindingTexts,
        magneten: &[&Activity],
        ministers: &[&Org],
        chosen: &Org,
    ) -> Finding {
        let mut concerns: Vec<String> = magneten.iter().map(|a| a.id.clone()).collect();
        concerns.extend(ministers.iter().map(|m| m.id.clone()));
        let names = join(ministers.iter().map(|m| m.name.as_str()));
        Finding::new(
            t,
            FindingCode::BgConflict,
            "bg-conflict",
            vec![Arg::Text(names, false), Arg::bg(chosen)],
            concerns,
        )
    }

    /// `magneet`: the magneten pull the whole aanvraag (also `pulled`) to `bg`; the other
    /// own bevoegde gezagen advise.
    pub(crate) fn magneet(
        t: &FindingTexts,
        magneten: &[&Activity],
        bg: &Org,
        pulled: &[&Activity],
        adviseurs: &[&Org],
    ) -> Finding {
        let mut concerns: Vec<String> = magneten.iter().map(|a| a.id.clone()).collect();
        concerns.push(bg.id.clone());
        concerns.extend(adviseurs.iter().map(|o| o.id.clone()));
        Finding::new(
            t,
            FindingCode::Magneet,
            "magneet",
            vec![
                Arg::activities(magneten),
                Arg::activities(pulled),
                Arg::bg(bg),
                Arg::bgs(adviseurs),
            ],
            concerns,
        )
    }

    /// `uitzondering`: a flag made `own_bg` the activity's own bevoegd gezag instead of
    /// `default_bg`; the rule is the exception's.
    pub(crate) fn uitzondering(
        t: &FindingTexts,
        activity: &Activity,
        exception: &Exception,
        own_bg: &Org,
        default_bg: &Org,
    ) -> Finding {
        let mut f = Finding::new(
            t,
            FindingCode::Uitzondering,
            "uitzondering",
            vec![
                Arg::activity(activity),
                Arg::plain(exception.flag.clone()),
                Arg::plain(exception.name.clone()),
                Arg::bg(own_bg),
                Arg::bg(default_bg),
                Arg::Yes(exception.magneet),
            ],
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
        t: &FindingTexts,
        activity: &Activity,
        bg: &Org,
        passed_over: &Org,
        merge: BdMerge,
    ) -> Finding {
        let sentence = match merge {
            BdMerge::AllSame => "bd-mixed/all-same",
            BdMerge::AnySingle => "bd-mixed/any-single",
            BdMerge::FirstActivity => "bd-mixed/first-activity",
        };
        let mut f = Finding::new(
            t,
            FindingCode::BdMixed,
            sentence,
            vec![Arg::activity(activity), Arg::bg(bg), Arg::org(passed_over)],
            vec![activity.id.clone(), passed_over.id.clone()],
        );
        f.passed_over = Some(passed_over.id.clone());
        f
    }

    /// `bd-verzoektype`: `bg` configured the activity only for `configured_for`.
    pub(crate) fn bd_verzoektype(
        t: &FindingTexts,
        activity: &Activity,
        bg: &Org,
        configured_for: &[Verzoektype],
        verzoektype: Verzoektype,
    ) -> Finding {
        Finding::new(
            t,
            FindingCode::BdVerzoektype,
            "bd-verzoektype",
            vec![
                Arg::bg(bg),
                Arg::activity(activity),
                Arg::Verzoektypes(configured_for.to_vec()),
                Arg::Verzoektypes(vec![verzoektype]),
            ],
            vec![activity.id.clone(), bg.id.clone()],
        )
    }

    /// `bd-locatie`: `bg` configured the activity only for `other_gemeenten` other gemeenten.
    pub(crate) fn bd_locatie(
        t: &FindingTexts,
        activity: &Activity,
        bg: &Org,
        other_gemeenten: usize,
        gemeente: &Named,
    ) -> Finding {
        Finding::new(
            t,
            FindingCode::BdLocatie,
            "bd-locatie",
            vec![
                Arg::bg(bg),
                Arg::activity(activity),
                Arg::Count(other_gemeenten),
                Arg::plain(gemeente.name.clone()),
            ],
            vec![activity.id.clone(), bg.id.clone()],
        )
    }

    /// `bd-andere-bg`: `other_bg` configured `passed_over` for the activity, but the verzoek
    /// goes to `bg`.
    pub(crate) fn bd_andere_bg(
        t: &FindingTexts,
        activity: &Activity,
        other_bg: &Org,
        passed_over: &Org,
        bg: &Org,
    ) -> Finding {
        let mut f = Finding::new(
            t,
            FindingCode::BdAndereBg,
            "bd-andere-bg",
            vec![
                Arg::bg(other_bg),
                Arg::activity(activity),
                Arg::org(passed_over),
                Arg::bg(bg),
            ],
            vec![
                activity.id.clone(),
                other_bg.id.clone(),
                passed_over.id.clone(),
            ],
        );
        f.passed_over = Some(passed_over.id.clone());
        f.other_bevoegd_gezag = Some(other_bg.id.clone());
        f
    }

    /// `bd-copy` (`copy`) or `bg-geen-kopie`: `bd` handles the verzoek, and `bg` gets a copy
    /// or hears nothing.
    pub(crate) fn bd_copy(t: &FindingTexts, bg: &Org, bd: &Org, copy: bool) -> Finding {
        let mut args = vec![Arg::org(bd), Arg::bg(bg)];
        let (code, sentence) = if copy {
            args.push(Arg::plain(bd.id.clone()));
            (FindingCode::BdCopy, "bd-copy")
        } else {
            (FindingCode::BgGeenKopie, "bg-geen-kopie")
        };
        Finding::new(t, code, sentence, args, vec![bg.id.clone(), bd.id.clone()])
    }

    /// `adviseur-zonder-trigger`: `adviseur` advises (`role`) and gets nothing from the DSO;
    /// a fixed adviseur by practice says so (T10). `rule` is the fixed adviseur's own rule
    /// (T10, L17), else T4.
    pub(crate) fn adviseur_zonder_trigger(
        t: &FindingTexts,
        adviseur: &Org,
        role: AdviesRole,
        basis: AdviesBasis,
        rule: Option<&str>,
    ) -> Finding {
        let name = if adviseur.kind.is_bestuursorgaan() {
            Arg::bg(adviseur)
        } else {
            Arg::org(adviseur)
        };
        let sentence = match basis {
            AdviesBasis::Wet => "adviseur-zonder-trigger",
            AdviesBasis::Praktijk => "adviseur-zonder-trigger/praktijk",
        };
        let mut f = Finding::new(
            t,
            FindingCode::AdviseurZonderTrigger,
            sentence,
            vec![name, Arg::Role(role)],
            vec![adviseur.id.clone()],
        );
        if let Some(rule) = rule.filter(|r| !r.is_empty()) {
            f.rule = rule.to_string();
        }
        f
    }

    /// `bg-gewijzigd`: after receipt the verzoek goes from `from` to `to`.
    pub(crate) fn bg_gewijzigd(t: &FindingTexts, from: &Org, to: &Org) -> Finding {
        Finding::new(
            t,
            FindingCode::BgGewijzigd,
            "bg-gewijzigd",
            vec![Arg::bg(from), Arg::bg(to)],
            vec![from.id.clone(), to.id.clone()],
        )
    }

    /// `bd-niet-wijzigbaar`: under `dso: "2020"` the change to `to` is refused.
    pub(crate) fn bd_niet_wijzigbaar(t: &FindingTexts, to: Option<&str>) -> Finding {
        let (sentence, args) = match to {
            Some(id) => ("bd-niet-wijzigbaar", vec![Arg::plain(id.to_string())]),
            None => ("bd-niet-wijzigbaar/verwijderen", Vec::new()),
        };
        Finding::new(
            t,
            FindingCode::BdNietWijzigbaar,
            sentence,
            args,
            to.iter().map(|s| (*s).to_string()).collect(),
        )
    }

    /// `bd-gewijzigd`: after receipt the behandeldienst becomes `to`, or is removed.
    pub(crate) fn bd_gewijzigd(t: &FindingTexts, to: Option<&Org>) -> Finding {
        let (sentence, args) = match to {
            Some(bd) => ("bd-gewijzigd", vec![Arg::org(bd)]),
            None => ("bd-gewijzigd/verwijderd", Vec::new()),
        };
        Finding::new(
            t,
            FindingCode::BdGewijzigd,
            sentence,
            args,
            to.iter().map(|o| o.id.clone()).collect(),
        )
    }

    /// `geen-behandeldienst`: the verzoek to `bg` has no behandeldienst, and `why`.
    pub(crate) fn geen_behandeldienst(t: &FindingTexts, bg: &Org, why: NoBdWhy) -> Finding {
        use NoBehandeldienst as N;
        let mut concerns = vec![bg.id.clone()];
        let mut other = None;
        let (kind, sentence, args) = match why {
            NoBdWhy::NoConfiguration => (
                N::NoConfiguration,
                "geen-behandeldienst/geen-configuratie",
                vec![Arg::bg(bg)],
            ),
            NoBdWhy::NothingConfiguredByBg => (
                N::NothingConfiguredByBg,
                "geen-behandeldienst/bg-zonder-configuratie",
                vec![Arg::bg(bg)],
            ),
            NoBdWhy::ActivitiesNotConfigured(acts) => {
                concerns.extend(acts.iter().map(|a| a.id.clone()));
                (
                    N::ActivitiesNotConfigured,
                    "geen-behandeldienst/niet-ingesteld",
                    vec![Arg::bg(bg), Arg::activities(&acts)],
                )
            }
            NoBdWhy::OtherVerzoektype(acts, configured_for, verzoektype) => {
                concerns.extend(acts.iter().map(|a| a.id.clone()));
                (
                    N::OtherVerzoektype,
                    "geen-behandeldienst/ander-verzoektype",
                    vec![
                        Arg::bg(bg),
                        Arg::activities(&acts),
                        Arg::Verzoektypes(configured_for),
                        Arg::Verzoektypes(vec![verzoektype]),
                    ],
                )
            }
            NoBdWhy::OtherGemeenten(acts, gemeente) => {
                concerns.extend(acts.iter().map(|a| a.id.clone()));
                (
                    N::OtherGemeenten,
                    "geen-behandeldienst/andere-gemeenten",
                    vec![
                        Arg::bg(bg),
                        Arg::activities(&acts),
                        Arg::plain(gemeente.name.clone()),
                    ],
                )
            }
            NoBdWhy::OtherBevoegdGezag(acts, owners) => {
                concerns.extend(acts.iter().map(|a| a.id.clone()));
                concerns.extend(owners.iter().map(|o| o.id.clone()));
                other = owners.first().map(|o| o.id.clone());
                (
                    N::OtherBevoegdGezag,
                    "geen-behandeldienst/andere-bg",
                    vec![
                        Arg::bgs(&owners.iter().collect::<Vec<_>>()),
                        Arg::activities(&acts),
                        Arg::bg(bg),
                    ],
                )
            }
            NoBdWhy::ActivitiesDiffer(merge, first) => {
                let (sentence, args) = match merge {
                    BdMerge::AllSame => ("geen-behandeldienst/all-same", Vec::new()),
                    BdMerge::AnySingle => ("geen-behandeldienst/any-single", Vec::new()),
                    BdMerge::FirstActivity => (
                        "geen-behandeldienst/first-activity",
                        vec![Arg::activity(first)],
                    ),
                };
                (N::ActivitiesDiffer, sentence, args)
            }
        };
        let mut f = Finding::new(t, FindingCode::GeenBehandeldienst, sentence, args, concerns);
        f.rule = kind.rule().to_string();
        f.no_behandeldienst = Some(kind);
        f.other_bevoegd_gezag = other;
        f
    }

    /// `locatie-grens`: the point lies `distance_m` from a boundary of `gemeente`.
    pub(crate) fn locatie_grens(t: &FindingTexts, distance_m: f64, gemeente: &Named) -> Finding {
        Finding::new(
            t,
            FindingCode::LocatieGrens,
            "locatie-grens",
            vec![
                Arg::plain(whole(distance_m)),
                Arg::plain(gemeente.name.clone()),
            ],
            vec![gemeente.id.clone()],
        )
    }

    /// `geen-omgevingsdienst-bekend`: the bundled table has no omgevingsdienst for `gemeente`.
    pub(crate) fn geen_omgevingsdienst_bekend(t: &FindingTexts, gemeente: &Named) -> Finding {
        Finding::new(
            t,
            FindingCode::GeenOmgevingsdienstBekend,
            "geen-omgevingsdienst-bekend",
            vec![Arg::plain(gemeente.name.clone())],
            vec![gemeente.id.clone()],
        )
    }

    /// `od-vr-verschil`: `gemeente` is in `od`, while most of its veiligheidsregio `vr` is in
    /// `majority_od`.
    pub(crate) fn od_vr_verschil(
        t: &FindingTexts,
        gemeente: &Named,
        od: &Named,
        vr: &Named,
        majority_od: &Named,
    ) -> Finding {
        let named = |n: &Named| Arg::plain(n.name.clone());
        Finding::new(
            t,
            FindingCode::OdVrVerschil,
            "od-vr-verschil",
            vec![named(gemeente), named(od), named(vr), named(majority_od)],
            vec![
                gemeente.id.clone(),
                od.id.clone(),
                vr.id.clone(),
                majority_od.id.clone(),
            ],
        )
    }

    /// `geen-toepasbare-regels`: `activity` (own bevoegd gezag `bg`) has no toepasbare
    /// regels in this scenario, so the loket makes no verzoek of it.
    pub(crate) fn geen_toepasbare_regels(
        t: &FindingTexts,
        activity: &Activity,
        bg: &Org,
    ) -> Finding {
        Finding::new(
            t,
            FindingCode::GeenToepasbareRegels,
            "geen-toepasbare-regels",
            vec![Arg::activity(activity), Arg::bg(bg)],
            vec![activity.id.clone(), bg.id.clone()],
        )
    }

    /// `bd-zonder-mandaat`: `bd` receives the verzoek but has no mandate from `bg`.
    pub(crate) fn bd_zonder_mandaat(t: &FindingTexts, bd: &Org, bg: &Org) -> Finding {
        Finding::new(
            t,
            FindingCode::BdZonderMandaat,
            "bd-zonder-mandaat",
            vec![Arg::org(bd), Arg::bg(bg)],
            vec![bd.id.clone(), bg.id.clone()],
        )
    }

    /// `brzo-behandeldienst`: `bg` routes Brzo work (`activity`) to `bd`, while the Brzo
    /// tasks of `provincie` lie with `brzo`.
    pub(crate) fn brzo_behandeldienst(
        t: &FindingTexts,
        activity: &Activity,
        (bg, bd): (&Org, &Org),
        provincie: &Named,
        brzo: &Org,
    ) -> Finding {
        Finding::new(
            t,
            FindingCode::BrzoBehandeldienst,
            "brzo-behandeldienst",
            vec![
                Arg::activity(activity),
                Arg::bg(bg),
                Arg::org(bd),
                Arg::plain(provincie.name.clone()),
                Arg::org(brzo),
            ],
            vec![activity.id.clone(), bd.id.clone(), brzo.id.clone()],
        )
    }

    /// `bopa-adviesrol`: `adviseur` advises on `activity` in the role the assumption gave.
    pub(crate) fn bopa_adviesrol(
        t: &FindingTexts,
        adviseur: &Org,
        activity: &Activity,
        role: AdviesRole,
    ) -> Finding {
        let sentence = match role {
            AdviesRole::Advies => "bopa-adviesrol",
            AdviesRole::AdviesMetInstemming => "bopa-adviesrol/instemming",
        };
        Finding::new(
            t,
            FindingCode::BopaAdviesrol,
            sentence,
            vec![Arg::bg(adviseur), Arg::activity(activity)],
            vec![activity.id.clone(), adviseur.id.clone()],
        )
    }

    /// A catalogue note (`FindingCode::NOTES`) on `activity`, whose own bevoegd gezag is
    /// `own_bg`.
    pub(crate) fn note(
        t: &FindingTexts,
        code: FindingCode,
        activity: &Activity,
        own_bg: &Org,
    ) -> Option<Finding> {
        let (sentence, args) = match code {
            FindingCode::IppcVeehouderij => (
                "ippc-veehouderij",
                vec![Arg::activity(activity), Arg::bg(own_bg)],
            ),
            FindingCode::Defensieterrein => (
                "defensieterrein",
                vec![Arg::activity(activity), Arg::bg(own_bg)],
            ),
            FindingCode::KappenVellingsactiviteit => {
                ("kappen-vellingsactiviteit", vec![Arg::activity(activity)])
            }
            _ => return None,
        };
        Some(Finding::new(
            t,
            code,
            sentence,
            args,
            vec![activity.id.clone(), own_bg.id.clone()],
        ))
    }
}
