//! The agreement as a document (issue 20, items 4 and 5): one block list that the print
//! view, the Markdown download and the ODT download all render, so they cannot disagree.
//! Title, parties, date, configuration and assumptions; the task division; one section per
//! gap with its example, rules, sources and agreed text; the Aansluiten appendix per
//! receiving party; the matrix; the sources.

use super::super::ids::Verzoektype;
use super::super::outcome::Named;
use super::super::rules::Rules;
use super::super::scenario::ConfigurationRef;
use super::super::Engine;
use super::afspraak::{Afspraak, Status, Werkafspraak};
use super::gaps::{Gap, GapCase, GapKind, Receiver, Report};
use super::sjablonen::{fill, Functie, Sjablonen, Sjabloon, Voor};
use super::taakverdeling::{Party, Rol, Scope, TaskEntry};

/// One block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 to 3.
    Heading(u8, String),
    Para(String),
    /// Label and value pairs.
    Fields(Vec<(String, String)>),
    List(Vec<String>),
    /// Ticked or not, and the item.
    Checklist(Vec<(bool, String)>),
    Table {
        caption: String,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// `nl` or `en`.
    pub lang: String,
    pub date: String,
    pub blocks: Vec<Block>,
}

/// A language: Dutch first, English second (the domain's).
pub use crate::domain::Lang;

/// What the document and the page need to say about one gap, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The template in use (the chosen one, else the proposal).
    pub sjabloon: Option<String>,
    pub wie: String,
    pub trigger: String,
    pub termijn: String,
    /// The function or workaround, with its rules and sources in words.
    pub functie: String,
    pub functie_rules: Vec<String>,
    pub functie_sources: Vec<String>,
    /// The template's text filled in.
    pub voorstel: String,
    /// What stands: the edited text, else the proposal.
    pub tekst: String,
}

/// Everything that describes gaps in words: the engine, the templates and the language.
pub struct Words<'a> {
    pub engine: &'a Engine,
    pub sjablonen: &'a Sjablonen,
    pub lang: Lang,
}

fn join(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.t("en", "and")),
    }
}

impl Words<'_> {
    pub fn activity(&self, id: &str) -> String {
        self.engine
            .catalogue
            .activity(id)
            .map(|a| a.name.clone())
            .or_else(|| self.engine.catalogue.group(id).map(|g| g.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    pub fn org(&self, id: &str) -> String {
        self.engine.organisations.name_or_id(id)
    }

    pub fn party(&self, p: &Party) -> String {
        let l = self.lang;
        match p {
            Party::Gemeente => l.t("de gemeente", "the gemeente").into(),
            Party::Provincie => l.t("de provincie", "the provincie").into(),
            Party::Omgevingsdienst => l
                .t(
                    "de omgevingsdienst van de gemeente",
                    "the gemeente's omgevingsdienst",
                )
                .into(),
            Party::Veiligheidsregio => l
                .t(
                    "de veiligheidsregio van de gemeente",
                    "the gemeente's veiligheidsregio",
                )
                .into(),
            Party::BevoegdGezag => l
                .t("het bevoegd gezag zelf", "the bevoegd gezag itself")
                .into(),
            Party::Org(id) => self.org(id),
        }
    }

    pub fn scope(&self, s: &Scope) -> String {
        let l = self.lang;
        match s {
            Scope::Gemeente => l
                .t(
                    "het college van B&W van de gemeente",
                    "the gemeente's college van B&W",
                )
                .into(),
            Scope::Provincie => l
                .t(
                    "Gedeputeerde Staten van de provincie",
                    "the provincie's Gedeputeerde Staten",
                )
                .into(),
            Scope::Waterschap => l
                .t("het bestuur van het waterschap", "the waterschap's board")
                .into(),
            Scope::Org(id) => self.org(id),
        }
    }

    /// Concrete names when they are few, else the relative description with the ids.
    fn some(&self, named: &[Named], relative: String) -> String {
        match named {
            [] => relative,
            [one] => one.name.clone(),
            list if list.len() <= 2 => join(
                &list.iter().map(|n| n.name.clone()).collect::<Vec<_>>(),
                self.lang,
            ),
            list => format!(
                "{relative} ({})",
                list.iter()
                    .map(|n| n.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    pub fn inhoud(&self, gap: &Gap) -> String {
        let Some(label) = &gap.inhoud else {
            return String::new();
        };
        self.engine
            .catalogue
            .activity(&gap.activity)
            .and_then(|a| a.exception(label))
            .map_or_else(|| label.replace('-', " "), |e| e.name.clone())
    }

    fn verzoektypes(&self, list: &[Verzoektype]) -> String {
        join(
            &list
                .iter()
                .map(|v| v.label().to_string())
                .collect::<Vec<_>>(),
            self.lang,
        )
    }

    /// The value of a template placeholder for a gap.
    pub fn placeholder(&self, gap: &Gap, name: &str, termijn: &str) -> String {
        let bg = self.some(&gap.bevoegde_gezagen, self.scope(&gap.scope));
        match name {
            "bevoegd_gezag" => bg,
            "partij" if gap.partij == Party::BevoegdGezag => bg,
            "partij" => self.some(&gap.parties, self.party(&gap.partij)),
            "ontvanger" if gap.routed.is_empty() => bg,
            "ontvanger" => self.some(
                &gap.routed,
                self.lang
                    .t(
                        "de ontvangende behandeldienst",
                        "the receiving behandeldienst",
                    )
                    .into(),
            ),
            "activiteit" => self.activity(&gap.activity),
            "verzoektypes" => self.verzoektypes(&gap.verzoektypes),
            "inhoud" => self.inhoud(gap),
            "partners" => join(
                &gap.partners
                    .iter()
                    .map(|p| self.activity(p))
                    .collect::<Vec<_>>(),
                self.lang,
            ),
            "nieuw_bevoegd_gezag" => self.some(
                &gap.new_bg,
                self.lang
                    .t("het bevoegde bestuursorgaan", "the competent body")
                    .into(),
            ),
            "termijn" => termijn.to_string(),
            other => format!("{{{other}}}"),
        }
    }

    /// The gap's heading: its kind, the activity (and content), the party.
    pub fn title(&self, gap: &Gap) -> String {
        let kind = self.sjablonen.soort(gap.kind).map_or_else(
            || gap.kind.as_str().to_string(),
            |s| s.titel.get(self.lang.code()).to_string(),
        );
        let mut what = self.activity(&gap.activity);
        if gap.inhoud.is_some() {
            what = format!("{what} ({})", self.inhoud(gap));
        }
        let who = self.placeholder(gap, "partij", "");
        format!("{kind}: {what} — {who}")
    }

    pub fn letter(&self, kind: GapKind) -> String {
        self.sjablonen
            .soort(kind)
            .map_or_else(String::new, |s| s.letter.clone())
    }

    /// The proposal for a gap, with the user's choices applied.
    pub fn proposal(&self, gap: &Gap, afspraak: &Afspraak, dso: super::super::Dso) -> Proposal {
        let chosen = afspraak
            .sjabloon
            .as_deref()
            .and_then(|id| self.sjablonen.get(id))
            .filter(|s| s.soort == gap.kind);
        let sjabloon: Option<&Sjabloon> =
            chosen.or_else(|| self.sjablonen.proposal(gap.kind, gap.change, dso));
        let code = self.lang.code();
        let Some(s) = sjabloon else {
            let tekst = afspraak.tekst.clone().unwrap_or_default();
            return Proposal {
                sjabloon: None,
                wie: String::new(),
                trigger: String::new(),
                termijn: String::new(),
                functie: String::new(),
                functie_rules: Vec::new(),
                functie_sources: Vec::new(),
                voorstel: String::new(),
                tekst,
            };
        };
        let termijn = s.termijn.get(code).to_string();
        let filled = |t: &str| fill(t, &|name| self.placeholder(gap, name, &termijn));
        let voorstel = filled(s.tekst.get(code));
        let functie: Option<&Functie> = self.sjablonen.functie(&s.functie);
        Proposal {
            sjabloon: Some(s.id.clone()),
            wie: filled(s.wie.get(code)),
            trigger: filled(s.trigger.get(code)),
            termijn: termijn.clone(),
            functie: functie.map_or_else(String::new, |f| f.naam.get(code).to_string()),
            functie_rules: functie.map(|f| f.rules.clone()).unwrap_or_default(),
            functie_sources: functie.map(|f| f.sources.clone()).unwrap_or_default(),
            tekst: afspraak.tekst.clone().unwrap_or_else(|| voorstel.clone()),
            voorstel,
        }
    }

    /// A case in words: where, which activities, and what the DSO answers.
    pub fn case(&self, gap: &Gap, c: &GapCase) -> String {
        let l = self.lang;
        let acts: Vec<String> = c
            .activities
            .iter()
            .map(|a| {
                let flags = if a.flags.is_empty() {
                    String::new()
                } else {
                    format!(", {}", a.flags.join(", "))
                };
                format!(
                    "{} ({}{flags})",
                    self.activity(&a.activity),
                    a.verzoektype.label()
                )
            })
            .collect();
        let steps: Vec<String> = c
            .after_receipt
            .iter()
            .map(|s| {
                let to =
                    s.to.as_deref()
                        .map_or_else(|| l.t("geen", "none").to_string(), |id| self.org(id));
                format!("{} → {to}", s.action.as_str())
            })
            .collect();
        let bd = c
            .behandeldienst
            .as_ref()
            .map_or_else(|| l.t("geen", "none").to_string(), |b| b.name.clone());
        let receivers: Vec<String> = c.recipients.iter().map(|id| self.org(id)).collect();
        let mut out = format!(
            "{}: {}{}. {} {}; {} {bd}; {} {}.",
            c.gemeente.name,
            acts.join(" + "),
            if steps.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} {}",
                    l.t("na ontvangst:", "after receipt:"),
                    steps.join(", ")
                )
            },
            l.t("Bevoegd gezag:", "Bevoegd gezag:"),
            c.bevoegd_gezag.name,
            l.t("behandeldienst:", "behandeldienst:"),
            l.t("verzoeknotificaties aan:", "verzoeknotificaties to:"),
            if receivers.is_empty() {
                l.t("niemand", "nobody").to_string()
            } else {
                join(&receivers, l)
            },
        );
        if let Some(p) = &c.partij {
            let gets = c.recipients.contains(&p.id);
            let said = match (gap.kind, gets) {
                (GapKind::NaWijziging, true) => format!(
                    " {} {}.",
                    p.name,
                    l.t(
                        "krijgt het verzoek na de wijziging",
                        "receives the verzoek after the change"
                    )
                ),
                (GapKind::NaWijziging, false) if !c.changed => format!(
                    " {}",
                    l.t(
                        "De wijziging van de behandeldienst kan niet in deze DSO-versie.",
                        "The behandeldienst cannot be changed in this DSO version."
                    )
                ),
                (_, false) => format!(" {} {}.", p.name, l.t("krijgt niets", "gets nothing")),
                (_, true) => String::new(),
            };
            out.push_str(&said);
        }
        out
    }
}

/// Everything the document is made from.
pub struct Input<'a> {
    pub words: Words<'a>,
    pub rules: &'a Rules,
    pub agreement: &'a Werkafspraak,
    pub report: &'a Report,
    /// The date as printed ("6 december 2026").
    pub date: String,
}

/// The configuration's name as shown.
pub fn configuration_name(engine: &Engine, c: Option<&ConfigurationRef>, lang: Lang) -> String {
    match c {
        None => lang
            .t("geen behandeldiensten", "no behandeldiensten")
            .into(),
        Some(ConfigurationRef::Bundled(name)) => engine
            .configuration(name)
            .and_then(|c| c.name.clone())
            .map_or_else(
                || name.clone(),
                |n| format!("{n} ({})", lang.t("illustratief", "illustrative")),
            ),
        Some(ConfigurationRef::Inline(c)) => c
            .name
            .clone()
            .or_else(|| c.id.clone())
            .unwrap_or_else(|| lang.t("eigen configuratie", "own configuration").into()),
    }
}

pub fn assumptions_text(a: &super::super::Assumptions, lang: Lang) -> String {
    format!(
        "bd_merge: {} · DSO: {} · {}: {}",
        a.bd_merge.as_str(),
        a.dso.as_str(),
        lang.t("kopie aan het bevoegd gezag", "copy to the bevoegd gezag"),
        if a.bg_notified_when_bd {
            lang.t("ja", "yes")
        } else {
            lang.t("nee", "no")
        }
    )
}

pub fn default_title(engine: &Engine, agreement: &Werkafspraak, lang: Lang) -> String {
    if agreement.titel.trim().is_empty() {
        format!(
            "{} {}",
            lang.t(
                "Werkafspraken DSO-routering",
                "Working agreements on DSO routing"
            ),
            agreement.regio.name(engine)
        )
    } else {
        agreement.titel.clone()
    }
}

pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Voorstel => lang.t(
            "voorstel (nog niet afgesproken)",
            "proposal (not yet agreed)",
        ),
        Status::Afgesproken => lang.t("afgesproken", "agreed"),
        Status::GeaccepteerdRisico => lang.t("geaccepteerd risico", "accepted risk"),
    }
}

/// A division entry as a table row.
pub fn entry_row(w: &Words, e: &TaskEntry) -> Vec<String> {
    let l = w.lang;
    let mut scope = w.scope(&e.scope);
    if let Some(list) = &e.gemeenten {
        scope = format!("{scope} ({} {})", list.len(), l.t("gemeenten", "gemeenten"));
    }
    vec![
        scope,
        w.activity(&e.activity),
        e.verzoektype
            .map_or_else(|| l.t("alle", "all").to_string(), |v| v.label().to_string()),
        e.inhoud.clone().unwrap_or_else(|| "—".into()),
        w.party(&e.partij),
        match e.rol {
            Rol::Behandelen => l.t("behandelen", "handles"),
            Rol::Advies => l.t("advies", "advises"),
        }
        .to_string(),
        e.toelichting.clone().unwrap_or_default(),
    ]
}

/// The parties of the agreement: who receives verzoeken in the region, and who should act.
pub fn parties(input: &Input) -> Vec<String> {
    let mut out: Vec<String> = input
        .report
        .receivers
        .iter()
        .map(|r| r.org.name.clone())
        .collect();
    for g in &input.report.gaps {
        for p in &g.parties {
            if !out.contains(&p.name) {
                out.push(p.name.clone());
            }
        }
    }
    out
}

/// Builds the document.
pub fn document(input: &Input) -> Document {
    let (w, l) = (&input.words, input.words.lang);
    let engine = w.engine;
    let a = input.agreement;
    let title = default_title(engine, a, l);
    let mut blocks = vec![
        Block::Heading(1, title.clone()),
        Block::Fields(vec![
            (l.t("Regio", "Region").into(), a.regio.name(engine)),
            (l.t("Datum", "Date").into(), input.date.clone()),
            (l.t("Configuratie", "Configuration").into(), configuration_name(engine, a.settings.configuration.as_ref(), l)),
            (l.t("Aannames", "Assumptions").into(), assumptions_text(&a.settings.assumptions, l)),
            (l.t("Partijen", "Parties").into(), parties(input).join("; ")),
        ]),
        Block::Para(l.t(
            "Concept, opgesteld met Routewijzer. Het DSO routeert een verzoek alleen op activiteit, verzoektype en locatie, en stuurt per verzoek hoogstens twee verzoeknotificaties. Waar die routering afwijkt van de taakverdeling hieronder, staat een gat met een voorbeeld, de regel en de bron, en de afspraak die de partijen maken.",
            "Draft, made with Routewijzer. The DSO routes a verzoek only on activity, verzoektype and location, and sends at most two verzoeknotificaties per verzoek. Wherever that routing differs from the task division below, there is a gap with an example, the rule and the source, and the agreement the parties make.",
        ).into()),
        Block::Heading(2, l.t("Taakverdeling", "Task division").into()),
        Block::Table {
            caption: l.t("Beoogde taakverdeling", "Intended task division").into(),
            head: [("Bevoegd gezag", "Bevoegd gezag"), ("Activiteit", "Activity"), ("Verzoektype", "Verzoektype"), ("Inhoud", "Content"), ("Partij", "Party"), ("Rol", "Role"), ("Toelichting", "Note")]
                .iter()
                .map(|(nl, en)| l.t(nl, en).to_string())
                .collect(),
            rows: a.taakverdeling.entries.iter().map(|e| entry_row(w, e)).collect(),
        },
        Block::Heading(2, l.t("Gaten en afspraken", "Gaps and agreements").into()),
    ];
    if input.report.gaps.is_empty() {
        blocks.push(Block::Para(
            l.t(
                "Geen gaten: het DSO routeert zoals de taakverdeling bedoelt.",
                "No gaps: the DSO routes as the task division intends.",
            )
            .into(),
        ));
    }
    for (n, gap) in input.report.gaps.iter().enumerate() {
        gap_blocks(input, n + 1, gap, &mut blocks);
    }
    aansluiten_blocks(input, &mut blocks);
    matrix_blocks(input, &mut blocks);
    source_blocks(input, &mut blocks);
    Document {
        title,
        lang: l.code().into(),
        date: input.date.clone(),
        blocks,
    }
}

/// The rule ids of a gap and its proposal's function, each once.
pub fn gap_rules(w: &Words, gap: &Gap, p: &Proposal) -> Vec<String> {
    let mut out: Vec<String> = w
        .sjablonen
        .soort(gap.kind)
        .map(|s| s.rules.clone())
        .unwrap_or_default();
    for r in gap.rules.iter().chain(&p.functie_rules) {
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}

fn gap_blocks(input: &Input, n: usize, gap: &Gap, blocks: &mut Vec<Block>) {
    let (w, l) = (&input.words, input.words.lang);
    let afspraak = input.agreement.afspraak(&gap.id);
    let p = w.proposal(gap, &afspraak, input.agreement.settings.assumptions.dso);
    blocks.push(Block::Heading(
        3,
        format!("{n}. ({}) {}", w.letter(gap.kind), w.title(gap)),
    ));
    if let Some(s) = w.sjablonen.soort(gap.kind) {
        blocks.push(Block::Para(s.uitleg.get(l.code()).to_string()));
    }
    let gemeenten: Vec<String> = gap.gemeenten().iter().map(|g| g.name.clone()).collect();
    let mut fields = vec![(
        l.t("Omvang", "Scope").to_string(),
        format!(
            "{} {} {} {}: {}",
            gap.count(),
            l.t("combinaties in", "combinations in"),
            gemeenten.len(),
            l.t("gemeenten", "gemeenten"),
            gemeenten.join(", ")
        ),
    )];
    fields.push((
        l.t("Verzoektypes", "Verzoektypes").into(),
        w.verzoektypes(&gap.verzoektypes),
    ));
    if !gap.partners.is_empty() {
        fields.push((
            l.t("Samen met", "Together with").into(),
            w.placeholder(gap, "partners", ""),
        ));
    }
    if let Some(c) = gap.cases.first() {
        fields.push((l.t("Voorbeeld", "Example").into(), w.case(gap, c)));
    }
    let rules = gap_rules(w, gap, &p);
    fields.push((
        l.t("Regels", "Rules").into(),
        rule_words(input.rules, &rules, l),
    ));
    fields.push((l.t("Wie", "Who").into(), p.wie.clone()));
    fields.push((l.t("Wanneer", "When").into(), p.trigger.clone()));
    fields.push((l.t("Termijn", "Term").into(), p.termijn.clone()));
    fields.push((
        l.t(
            "Hoe (DSO-functie of omweg)",
            "How (DSO function or workaround)",
        )
        .into(),
        format!(
            "{} ({}: {})",
            p.functie,
            l.t("bronnen", "sources"),
            p.functie_sources.join(", ")
        ),
    ));
    fields.push((l.t("Afspraak", "Agreement").into(), p.tekst.clone()));
    fields.push((
        l.t("Status", "Status").into(),
        status_label(afspraak.status, l).into(),
    ));
    if !afspraak.notities.trim().is_empty() {
        fields.push((l.t("Notities", "Notes").into(), afspraak.notities.clone()));
    }
    blocks.push(Block::Fields(fields));
}

/// Rule ids with their mark in words: "B12 (onbekend), T2 (gedocumenteerd)".
pub fn rule_words(rules: &Rules, ids: &[String], l: Lang) -> String {
    ids.iter()
        .map(|id| {
            let mark = rules
                .get(id)
                .and_then(|r| rules.marks.iter().find(|(k, _)| *k == r.mark))
                .map(|(_, m)| m.word.get(l.code()).to_string());
            match mark {
                Some(m) => format!("{id} ({m})"),
                None => id.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The message sequence the 2020 deck draws, as text (the page also draws it).
pub fn sequence(l: Lang) -> Vec<String> {
    vec![
        l.t("Het DSO stuurt een verzoeknotificatie (via Digikoppeling) aan het bevoegd gezag en, als die er is, de behandeldienst.", "The DSO sends a verzoeknotificatie (through Digikoppeling) to the bevoegd gezag and, if there is one, the behandeldienst.").into(),
        l.t("Het systeem van de ontvanger haalt het verzoek op met de API Verzoek afhandelen (verwijzingen, het STAM-bericht, de documenten).", "The receiver's system fetches the verzoek with the Verzoek afhandelen API (references, the STAM message, the documents).").into(),
        l.t("Het VTH-systeem verwerkt het verzoek: een zaak, de ontvangstbevestiging, de behandeling.", "The VTH system processes the verzoek: a case, the acknowledgement, the handling.").into(),
    ]
}

/// The checklist of one receiving party: (item id, text, ticked).
pub fn checklist(w: &Words, r: &Receiver, ticked: &[String]) -> Vec<(String, String, bool)> {
    let code = w.lang.code();
    let mut out = Vec::new();
    for item in &w.sjablonen.aansluiten {
        let mut push = |key: String, text: String| {
            let on = ticked.contains(&key);
            out.push((key, text, on));
        };
        match item.voor {
            Voor::Alle => push(item.id.clone(), item.tekst.get(code).to_string()),
            Voor::Behandeldienst if r.as_behandeldienst => {
                for bg in &r.mandaat_van {
                    let text = fill(item.tekst.get(code), &|name| {
                        if name == "bevoegd_gezag" {
                            bg.name.clone()
                        } else {
                            String::new()
                        }
                    });
                    push(format!("{}:{}", item.id, bg.id), text);
                }
            }
            Voor::Activiteit if r.as_bevoegd_gezag => {
                for act in &r.activities {
                    let text = fill(item.tekst.get(code), &|name| {
                        if name == "activiteit" {
                            w.activity(act)
                        } else {
                            String::new()
                        }
                    });
                    push(format!("{}:{act}", item.id), text);
                }
            }
            _ => {}
        }
    }
    out
}

fn aansluiten_blocks(input: &Input, blocks: &mut Vec<Block>) {
    let (w, l) = (&input.words, input.words.lang);
    blocks.push(Block::Heading(
        2,
        l.t(
            "Bijlage A. Aansluiten: wat er moet zijn voor een verzoeknotificatie aankomt",
            "Appendix A. Connecting: what must be in place for a verzoeknotificatie to arrive",
        )
        .into(),
    ));
    blocks.push(Block::List(sequence(l)));
    for r in &input.report.receivers {
        let role = match (r.as_bevoegd_gezag, r.as_behandeldienst) {
            (true, true) => l.t(
                "bevoegd gezag en behandeldienst",
                "bevoegd gezag and behandeldienst",
            ),
            (true, false) => l.t("bevoegd gezag", "bevoegd gezag"),
            _ => l.t("behandeldienst", "behandeldienst"),
        };
        blocks.push(Block::Heading(3, format!("{} ({role})", r.org.name)));
        let ticked = input
            .agreement
            .aansluiten
            .get(&r.org.id)
            .cloned()
            .unwrap_or_default();
        blocks.push(Block::Checklist(
            checklist(w, r, &ticked)
                .into_iter()
                .map(|(_, t, on)| (on, t))
                .collect(),
        ));
    }
}

/// Gemeenten per matrix table: fits A4 portrait.
pub const MATRIX_COLUMNS: usize = 8;

fn matrix_blocks(input: &Input, blocks: &mut Vec<Block>) {
    let (w, l) = (&input.words, input.words.lang);
    blocks.push(Block::Heading(
        2,
        l.t(
            "Bijlage B. Matrix: wat het DSO doet met elk verzoek met één activiteit",
            "Appendix B. Matrix: what the DSO does with every single-activity verzoek",
        )
        .into(),
    ));
    blocks.push(Block::Para(l.t("Per cel de behandeldienst (— als er geen is) en het aantal verzoeknotificaties; staat er een bevoegd gezag voor, dan is dat niet de gemeente.", "Each cell gives the behandeldienst (— if none) and the number of verzoeknotificaties; a bevoegd gezag in front means it is not the gemeente.").into()));
    let columns: Vec<(String, Verzoektype)> = w
        .engine
        .catalogue
        .activities
        .iter()
        .flat_map(|a| a.verzoektypes.iter().map(move |v| (a.name.clone(), *v)))
        .collect();
    for (part, chunk) in input.report.matrix.chunks(MATRIX_COLUMNS).enumerate() {
        let mut head = vec![l
            .t("Activiteit – verzoektype", "Activity – verzoektype")
            .to_string()];
        head.extend(chunk.iter().map(|r| r.gemeente.name.clone()));
        let rows = columns
            .iter()
            .enumerate()
            .map(|(i, (name, vt))| {
                let mut row = vec![format!("{name} – {}", vt.label())];
                row.extend(
                    chunk
                        .iter()
                        .map(|r| match r.cells.get(i).cloned().flatten() {
                            None => "×".to_string(),
                            Some(c) => {
                                let bg = if c.bevoegd_gezag == r.gemeente.id {
                                    String::new()
                                } else {
                                    format!("{}: ", c.bevoegd_gezag)
                                };
                                format!(
                                    "{bg}{} ({})",
                                    c.behandeldienst.unwrap_or_else(|| "—".into()),
                                    c.triggers
                                )
                            }
                        }),
                );
                row
            })
            .collect();
        blocks.push(Block::Table {
            caption: format!("{} {}", l.t("Matrix, deel", "Matrix, part"), part + 1),
            head,
            rows,
        });
    }
}

fn source_blocks(input: &Input, blocks: &mut Vec<Block>) {
    let (w, l) = (&input.words, input.words.lang);
    let mut ids: Vec<String> = Vec::new();
    for gap in &input.report.gaps {
        let p = w.proposal(
            gap,
            &input.agreement.afspraak(&gap.id),
            input.agreement.settings.assumptions.dso,
        );
        for r in gap_rules(w, gap, &p) {
            for s in input
                .rules
                .get(&r)
                .map(|r| r.sources.clone())
                .unwrap_or_default()
            {
                if !ids.contains(&s) {
                    ids.push(s);
                }
            }
        }
        for s in p.functie_sources {
            if !ids.contains(&s) {
                ids.push(s);
            }
        }
    }
    blocks.push(Block::Heading(
        2,
        l.t("Bijlage C. Bronnen", "Appendix C. Sources").into(),
    ));
    blocks.push(Block::List(
        ids.iter()
            .filter_map(|id| input.rules.source(id))
            .map(|s| {
                let date = s
                    .date
                    .as_deref()
                    .map_or_else(String::new, |d| format!(", {d}"));
                let url = s.url.as_deref().map_or_else(
                    || l.t(" (niet openbaar)", " (not public)").to_string(),
                    |u| format!(", {u}"),
                );
                format!("{}: {}, {}{date}{url}", s.id, s.publisher, s.title)
            })
            .collect(),
    ));
}

/// Escapes what Markdown or HTML would read as markup in user text.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The document as Markdown (CommonMark with GitHub tables).
pub fn markdown(doc: &Document) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    md_escape(text)
                );
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", md_escape(text));
            }
            Block::Fields(fields) => {
                for (k, v) in fields {
                    let _ = writeln!(out, "- **{}:** {}", md_escape(k), md_escape(v));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", i + 1, md_escape(item));
                }
                out.push('\n');
            }
            Block::Checklist(items) => {
                for (on, item) in items {
                    let _ = writeln!(
                        out,
                        "- [{}] {}",
                        if *on { "x" } else { " " },
                        md_escape(item)
                    );
                }
                out.push('\n');
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                let _ = writeln!(out, "*{}*\n", md_escape(caption));
                let line = |cells: &[String]| {
                    format!(
                        "| {} |",
                        cells
                            .iter()
                            .map(|c| md_escape(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                let _ = writeln!(out, "{}", line(head));
                let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
                for row in rows {
                    let _ = writeln!(out, "{}", line(row));
                }
                out.push('\n');
            }
        }
    }
    out
}
