//! The gap engine (issue 20, item 2): routes every gemeente of a region × activity ×
//! verzoektype (with the content variants the division names, and the meervoudige aanvragen
//! of two activities) with the engine's own `route`, and reports every place where the DSO's
//! routing differs from the intended division, grouped by kind. Pure: no IO, no clock.

use std::collections::HashMap;

use super::super::catalogue::Activity;
use super::super::ids::Verzoektype;
use super::super::outcome::{MissedReason, Named, Outcome, Verzoek};
use super::super::scenario::{
    AfterReceipt, AfterReceiptAction, Location, Scenario, SelectedActivity,
};
use super::super::{Engine, FindingCode, ScenarioDraft};
use super::taakverdeling::{Party, Place, Rol, Scope, Taakverdeling};
use crate::geo::{GemeenteInfo, Located};

/// The kinds of gap, in the order of the issue: (a) to (f), then (g).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GapKind {
    /// (a) A behandeldienst that misses out in a meervoudig verzoek (vraagstuk 3).
    MeervoudigGemist,
    /// (b) An adviseur or an intended adviser that gets no verzoeknotificatie.
    GeenNotificatie,
    /// (c) Work the division splits by content, which the DSO cannot route (vraagstuk 1).
    Inhoud,
    /// (d) A verzoek without behandeldienst where the division intends one.
    GeenBehandeldienst,
    /// (e) What happens after a change of bevoegd gezag or behandeldienst (vraagstuk 2).
    NaWijziging,
    /// (f) An activity that cannot be requested without toepasbare regels (vraagstuk 4).
    GeenToepasbareRegels,
    /// (g) The DSO sends the verzoek to another behandelaar than the division intends.
    AndereBehandelaar,
}

impl GapKind {
    pub const ALL: [GapKind; 7] = [
        GapKind::MeervoudigGemist,
        GapKind::GeenNotificatie,
        GapKind::Inhoud,
        GapKind::GeenBehandeldienst,
        GapKind::NaWijziging,
        GapKind::GeenToepasbareRegels,
        GapKind::AndereBehandelaar,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::MeervoudigGemist => "meervoudig-gemist",
            GapKind::GeenNotificatie => "geen-notificatie",
            GapKind::Inhoud => "inhoud",
            GapKind::GeenBehandeldienst => "geen-behandeldienst",
            GapKind::NaWijziging => "na-wijziging",
            GapKind::GeenToepasbareRegels => "geen-toepasbare-regels",
            GapKind::AndereBehandelaar => "andere-behandelaar",
        }
    }

    pub fn parse(s: &str) -> Option<GapKind> {
        GapKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which change after receipt a (e) gap is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    BevoegdGezag,
    Behandeldienst,
}

/// One routed case a gap covers: what to open in the explainer, and what it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct GapCase {
    pub gemeente: Named,
    pub activities: Vec<SelectedActivity>,
    pub after_receipt: Vec<AfterReceipt>,
    /// The verzoek the gap is about (index in the outcome's verzoeken).
    pub verzoek: usize,
    /// Its state as the explainer shows it (after the after-receipt steps, if any).
    pub bevoegd_gezag: Named,
    pub behandeldienst: Option<Named>,
    /// Who gets a trigger for it (in the last step, when there are steps).
    pub recipients: Vec<String>,
    /// The organisation that misses out, or should act (resolved here).
    pub partij: Option<Named>,
    /// For (e) on the behandeldienst: false when the DSO refused the change (dso 2020).
    pub changed: bool,
}

/// A gap: every case of one kind about the same party, activity and content.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// Stable across recomputation: the user's texts are kept under it.
    pub id: String,
    pub kind: GapKind,
    /// For (e): which change.
    pub change: Option<Change>,
    /// Whose verzoek (relative to the place).
    pub scope: Scope,
    /// Who misses out or should act.
    pub partij: Party,
    pub activity: String,
    pub inhoud: Option<String>,
    pub verzoektypes: Vec<Verzoektype>,
    /// (a): the activities it was combined with.
    pub partners: Vec<String>,
    /// The concrete bevoegde gezagen, parties and who got the verzoek instead.
    pub bevoegde_gezagen: Vec<Named>,
    pub parties: Vec<Named>,
    pub routed: Vec<Named>,
    /// (e) on the bevoegd gezag: the bevoegd gezag it is forwarded to.
    pub new_bg: Vec<Named>,
    pub cases: Vec<GapCase>,
    /// The rules of the findings behind the cases, each once.
    pub rules: Vec<String>,
}

impl Gap {
    /// How many combinations of gemeente × activities × verzoektype it covers.
    pub fn count(&self) -> usize {
        self.cases.len()
    }

    /// The gemeenten it covers, each once, in region order.
    pub fn gemeenten(&self) -> Vec<&Named> {
        let mut out: Vec<&Named> = Vec::new();
        for c in &self.cases {
            if !out.iter().any(|g| g.id == c.gemeente.id) {
                out.push(&c.gemeente);
            }
        }
        out
    }
}

/// The matrix appendix: per gemeente, per column (activity × verzoektype), who gets what.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub gemeente: Named,
    /// `None` where the case cannot be routed (a water activity outside every waterschap).
    pub cells: Vec<Option<MatrixCell>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub bevoegd_gezag: String,
    pub behandeldienst: Option<String>,
    pub triggers: u32,
}

/// An organisation that receives verzoeknotificaties in the region (the Aansluiten appendix).
#[derive(Clone, Debug, PartialEq)]
pub struct Receiver {
    pub org: Named,
    pub as_bevoegd_gezag: bool,
    pub as_behandeldienst: bool,
    /// For a behandeldienst: the bevoegde gezagen it works for (whose mandaat it needs).
    pub mandaat_van: Vec<Named>,
    /// For a bevoegd gezag: the activities it receives verzoeken for (toepasbare regels).
    pub activities: Vec<String>,
}

/// What the analysis found for a region.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub gaps: Vec<Gap>,
    pub matrix: Vec<MatrixRow>,
    pub receivers: Vec<Receiver>,
    /// Gemeenten that could not be routed, with the engine's message.
    pub errors: Vec<String>,
}

/// One case's place in a gap group.
struct Hit<'a> {
    kind: GapKind,
    change: Option<Change>,
    scope: Scope,
    partij: Party,
    def: &'a Activity,
    inhoud: Option<&'a str>,
    verzoektype: Verzoektype,
    partner: Option<&'a str>,
    routed: Option<Named>,
    new_bg: Option<Named>,
}

impl<'a> Hit<'a> {
    /// A hit with nothing routed instead, no partner and no change.
    fn new(
        kind: GapKind,
        scope: Scope,
        partij: Party,
        def: &'a Activity,
        inhoud: Option<&'a str>,
        verzoektype: Verzoektype,
    ) -> Hit<'a> {
        Hit {
            kind,
            change: None,
            scope,
            partij,
            def,
            inhoud,
            verzoektype,
            partner: None,
            routed: None,
            new_bg: None,
        }
    }
}

/// The analysis of a region, one gemeente at a time (so a page can spread it over frames).
pub struct Analysis<'e> {
    engine: &'e Engine,
    division: Taakverdeling,
    /// Activities the catalogue marks as having no toepasbare regels (vraagstuk 4).
    without_rules: Vec<String>,
    scenario: Scenario,
    columns: Vec<(&'e Activity, Verzoektype)>,
    report: Report,
    index: HashMap<String, usize>,
}

impl<'e> Analysis<'e> {
    /// `draft` gives the configuration and assumptions; `without_rules` the activities
    /// without toepasbare regels.
    pub fn new(
        engine: &'e Engine,
        draft: &ScenarioDraft,
        division: Taakverdeling,
        without_rules: Vec<String>,
    ) -> Analysis<'e> {
        let columns = engine
            .catalogue
            .activities
            .iter()
            .flat_map(|a| a.verzoektypes.iter().map(move |vt| (a, *vt)))
            .collect();
        Analysis {
            engine,
            division,
            without_rules,
            scenario: draft.aimed(
                Location::Gemeente {
                    gemeente: String::new(),
                },
                Vec::new(),
            ),
            columns,
            report: Report::default(),
            index: HashMap::new(),
        }
    }

    pub fn finish(mut self) -> Report {
        self.report.gaps.sort_by_key(|g| g.kind);
        self.report
    }

    fn name(&self, id: &str) -> Named {
        Named {
            id: id.to_string(),
            name: self.engine.organisations.name_or_id(id),
        }
    }

    fn route(
        &mut self,
        located: &Located,
        activities: Vec<SelectedActivity>,
        after_receipt: Vec<AfterReceipt>,
    ) -> Option<Outcome> {
        self.scenario.location = Location::Gemeente {
            gemeente: located.gemeente.id.clone(),
        };
        self.scenario.activities = activities;
        self.scenario.after_receipt = after_receipt;
        self.engine.route_located(&self.scenario, located).ok()
    }

    /// Routes one gemeente: every column, the content variants, and the pairs.
    pub fn add(&mut self, g: &GemeenteInfo) {
        let located = match self.engine.locate(&Location::Gemeente {
            gemeente: g.id.clone(),
        }) {
            Ok(l) => l,
            Err(e) => {
                self.report.errors.push(format!("{}: {e}", g.name));
                return;
            }
        };
        let mut place = Place::of(g);
        place.waterschap = located.waterschap.clone();
        let mut cells = Vec::with_capacity(self.columns.len());
        // Per activity (aanvraag only): the intended behandelaar the DSO reaches alone.
        let mut alone: Vec<(&'e Activity, String, Outcome)> = Vec::new();
        for (def, vt) in self.columns.clone() {
            let Some(base) = self.route(&located, vec![one(def, vt, Vec::new())], Vec::new())
            else {
                cells.push(None);
                continue;
            };
            cells.push(base.verzoeken.first().map(|v| MatrixCell {
                bevoegd_gezag: v.bevoegd_gezag.id.clone(),
                behandeldienst: v.behandeldienst.as_ref().map(|b| b.id.clone()),
                triggers: base.total_triggers,
            }));
            self.receive(&base, def);
            if let Some(p) = self.single(&located, &place, def, vt, None, &base, &[]) {
                if vt == Verzoektype::AanvraagVergunning {
                    alone.push((def, p, base.clone()));
                }
            }
            for label in self
                .division
                .labels(def)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
            {
                let flags: Vec<String> = def
                    .exception(&label)
                    .map(|e| e.flag.clone())
                    .into_iter()
                    .collect();
                let variant = if flags.is_empty() {
                    base.clone()
                } else {
                    match self.route(&located, vec![one(def, vt, flags.clone())], Vec::new()) {
                        Some(v) => v,
                        None => continue,
                    }
                };
                self.single(&located, &place, def, vt, Some(&label), &variant, &flags);
                self.forwarded(&located, &place, def, vt, &label, &base, &variant);
            }
            if self.without_rules.contains(&def.id) {
                let case = self.case(
                    &place,
                    &base,
                    0,
                    vec![one(def, vt, Vec::new())],
                    Vec::new(),
                    None,
                );
                let scope = base
                    .verzoeken
                    .first()
                    .map_or(Scope::Gemeente, |v| place.scope_of(&v.bevoegd_gezag.id));
                self.hit(
                    Hit::new(
                        GapKind::GeenToepasbareRegels,
                        scope,
                        Party::BevoegdGezag,
                        def,
                        None,
                        vt,
                    ),
                    case,
                    &base,
                );
            }
        }
        self.report.matrix.push(MatrixRow {
            gemeente: place.gemeente.clone(),
            cells,
        });
        self.pairs(&located, &place, &alone);
    }

    /// A single verzoek (or a content variant) against the division: (c), (d), (g) for the
    /// behandelaar, (b) for advisers and adviseurs, and (e) for changing the behandeldienst.
    /// Returns the intended behandeldienst when the DSO delivers it (for the pair check).
    #[allow(clippy::too_many_arguments)]
    fn single(
        &mut self,
        located: &Located,
        place: &Place,
        def: &'e Activity,
        vt: Verzoektype,
        inhoud: Option<&str>,
        outcome: &Outcome,
        flags: &[String],
    ) -> Option<String> {
        let v = outcome.verzoeken.first()?;
        let bg = v.bevoegd_gezag.id.clone();
        let handler = v
            .behandeldienst
            .as_ref()
            .map_or(bg.as_str(), |b| b.id.as_str())
            .to_string();
        let scope = place.scope_of(&bg);
        let acts = vec![one(def, vt, flags.to_vec())];
        let inhoud_owned = inhoud.map(str::to_string);
        let mut delivered = None;
        if let Some(entry) = self
            .division
            .find(Rol::Behandelen, inhoud, &bg, place, def, vt)
            .cloned()
        {
            if let Some(p) = entry.partij.resolve(&bg, place) {
                if p == handler {
                    delivered = (p != bg).then_some(p);
                } else {
                    let kind = match (inhoud, &v.behandeldienst) {
                        (Some(_), _) => GapKind::Inhoud,
                        (None, None) => GapKind::GeenBehandeldienst,
                        (None, Some(_)) => GapKind::AndereBehandelaar,
                    };
                    let case = self.case(place, outcome, 0, acts.clone(), Vec::new(), Some(&p));
                    let hit = Hit {
                        routed: Some(self.name(&handler)),
                        ..Hit::new(
                            kind,
                            scope.clone(),
                            entry.partij.clone(),
                            def,
                            inhoud_owned.as_deref(),
                            vt,
                        )
                    };
                    self.hit(hit, case, outcome);
                    if kind != GapKind::GeenBehandeldienst {
                        self.changed_bd(
                            located,
                            place,
                            &entry.partij,
                            def,
                            vt,
                            inhoud,
                            acts.clone(),
                            &p,
                            &bg,
                            &handler,
                        );
                    }
                }
            }
        }
        let recipients: Vec<String> = v.recipients.iter().map(|r| r.id.clone()).collect();
        let mut advisers: Vec<(Party, String)> = Vec::new();
        for e in self.division.advisers(inhoud, &bg, place, def, vt) {
            if let Some(p) = e.partij.resolve(&bg, place) {
                advisers.push((e.partij.clone(), p));
            }
        }
        if inhoud.is_none() {
            for (id, reason) in v.missed() {
                if matches!(reason, MissedReason::Adviseur(_))
                    && !advisers.iter().any(|(_, p)| *p == id)
                {
                    advisers.push((Party::relative(&id, place), id));
                }
            }
        }
        for (partij, p) in advisers {
            if recipients.contains(&p) {
                continue;
            }
            let case = self.case(place, outcome, 0, acts.clone(), Vec::new(), Some(&p));
            let hit = Hit {
                routed: Some(self.name(&handler)),
                ..Hit::new(
                    GapKind::GeenNotificatie,
                    scope.clone(),
                    partij,
                    def,
                    inhoud_owned.as_deref(),
                    vt,
                )
            };
            self.hit(hit, case, outcome);
        }
        delivered
    }

    /// (e) The behandeldienst changed after receipt to the intended party (or removed, when
    /// the bevoegd gezag itself should handle it): what the DSO then does.
    #[allow(clippy::too_many_arguments)]
    fn changed_bd(
        &mut self,
        located: &Located,
        place: &Place,
        partij: &Party,
        def: &'e Activity,
        vt: Verzoektype,
        inhoud: Option<&str>,
        acts: Vec<SelectedActivity>,
        p: &str,
        bg: &str,
        handler: &str,
    ) {
        let step = AfterReceipt {
            verzoek: 0,
            action: AfterReceiptAction::WijzigBehandeldienst,
            to: (p != bg).then(|| p.to_string()),
        };
        let Some(after) = self.route(located, acts.clone(), vec![step.clone()]) else {
            return;
        };
        let case = self.case(place, &after, 0, acts, vec![step], Some(p));
        let hit = Hit {
            change: Some(Change::Behandeldienst),
            routed: Some(self.name(handler)),
            ..Hit::new(
                GapKind::NaWijziging,
                place.scope_of(bg),
                partij.clone(),
                def,
                inhoud,
                vt,
            )
        };
        self.hit(hit, case, &after);
    }

    /// (e) A content variant whose flag moves the bevoegd gezag (a Seveso-inrichting to the
    /// provincie): submitted without it, the verzoek lands at the gemeente, which must
    /// forward it; after the change the DSO re-derives the behandeldienst.
    #[allow(clippy::too_many_arguments)]
    fn forwarded(
        &mut self,
        located: &Located,
        place: &Place,
        def: &'e Activity,
        vt: Verzoektype,
        label: &str,
        base: &Outcome,
        variant: &Outcome,
    ) {
        let (Some(b), Some(v)) = (base.verzoeken.first(), variant.verzoeken.first()) else {
            return;
        };
        if b.bevoegd_gezag.id == v.bevoegd_gezag.id {
            return;
        }
        let intended = self
            .division
            .find(
                Rol::Behandelen,
                Some(label),
                &v.bevoegd_gezag.id,
                place,
                def,
                vt,
            )
            .map(|e| e.partij.clone());
        let step = AfterReceipt {
            verzoek: 0,
            action: AfterReceiptAction::WijzigBevoegdGezag,
            to: Some(v.bevoegd_gezag.id.clone()),
        };
        let acts = vec![one(def, vt, Vec::new())];
        let Some(after) = self.route(located, acts.clone(), vec![step.clone()]) else {
            return;
        };
        let p = intended
            .as_ref()
            .and_then(|i| i.resolve(&v.bevoegd_gezag.id, place));
        let case = self.case(place, &after, 0, acts, vec![step], p.as_deref());
        let new_bg = self.name(&v.bevoegd_gezag.id);
        let hit = Hit {
            change: Some(Change::BevoegdGezag),
            routed: b.behandeldienst.clone(),
            new_bg: Some(new_bg),
            ..Hit::new(
                GapKind::NaWijziging,
                place.scope_of(&b.bevoegd_gezag.id),
                intended.unwrap_or(Party::BevoegdGezag),
                def,
                Some(label),
                vt,
            )
        };
        self.hit(hit, case, &after);
    }

    /// (a) and (b) in meervoudige aanvragen of two activities, one of which the DSO delivers
    /// to its intended behandeldienst when submitted alone.
    fn pairs(
        &mut self,
        located: &Located,
        place: &Place,
        alone: &[(&'e Activity, String, Outcome)],
    ) {
        let candidates: Vec<&'e Activity> = self
            .columns
            .iter()
            .filter(|(_, vt)| *vt == Verzoektype::AanvraagVergunning)
            .map(|(d, _)| *d)
            .collect();
        let mut done: Vec<(&str, &str)> = Vec::new();
        for (a, _, _) in alone {
            for b in candidates
                .iter()
                .filter(|b| b.id != a.id && b.water == a.water)
            {
                let key = if a.id < b.id {
                    (a.id.as_str(), b.id.as_str())
                } else {
                    (b.id.as_str(), a.id.as_str())
                };
                if done.contains(&key) {
                    continue;
                }
                done.push(key);
                let vt = Verzoektype::AanvraagVergunning;
                let acts = vec![one(a, vt, Vec::new()), one(b, vt, Vec::new())];
                let Some(together) = self.route(located, acts.clone(), Vec::new()) else {
                    continue;
                };
                for (x, partner) in [(*a, *b), (*b, *a)] {
                    let Some((_, p, single)) = alone.iter().find(|(d, _, _)| d.id == x.id) else {
                        continue;
                    };
                    let Some((i, v)) = holding(&together, &x.id) else {
                        continue;
                    };
                    if v.recipients.iter().any(|r| &r.id == p) {
                        continue;
                    }
                    let single_bg = single
                        .verzoeken
                        .first()
                        .map_or(String::new(), |s| s.bevoegd_gezag.id.clone());
                    let partij = self
                        .division
                        .find(Rol::Behandelen, None, &single_bg, place, x, vt)
                        .map_or_else(|| Party::relative(p, place), |e| e.partij.clone());
                    let case = self.case(place, &together, i, acts.clone(), Vec::new(), Some(p));
                    let hit = Hit {
                        partner: Some(&partner.id),
                        routed: v.behandeldienst.clone(),
                        ..Hit::new(
                            GapKind::MeervoudigGemist,
                            place.scope_of(&single_bg),
                            partij,
                            x,
                            None,
                            vt,
                        )
                    };
                    self.hit(hit, case, &together);
                }
                self.pair_adviseurs(place, &together, &acts, a, b);
            }
        }
    }

    /// (b) Adviseurs of a meervoudige aanvraag: the own bevoegd gezag of an activity that the
    /// aanvraag's bevoegd gezag overruled.
    fn pair_adviseurs(
        &mut self,
        place: &Place,
        together: &Outcome,
        acts: &[SelectedActivity],
        a: &'e Activity,
        b: &'e Activity,
    ) {
        for (i, v) in together.verzoeken.iter().enumerate() {
            for (id, reason) in v.missed() {
                if !matches!(reason, MissedReason::Adviseur(_))
                    || v.recipients.iter().any(|r| r.id == id)
                {
                    continue;
                }
                // The activity the adviseur advises on: the one at its level, or the one
                // with a fixed adviser (the veiligheidsregio for brandveilig gebruik).
                let fixed = matches!(
                    Party::relative(&id, place),
                    Party::Veiligheidsregio | Party::Omgevingsdienst
                );
                let own = |d: &Activity| {
                    place.scope_of(&id) == level_scope(d)
                        || (fixed && !d.vaste_adviseurs.is_empty())
                };
                let (def, partner) = if own(b) && !own(a) { (b, a) } else { (a, b) };
                let case = self.case(place, together, i, acts.to_vec(), Vec::new(), Some(&id));
                let hit = Hit {
                    partner: Some(&partner.id),
                    routed: v.behandeldienst.clone(),
                    ..Hit::new(
                        GapKind::GeenNotificatie,
                        place.scope_of(&v.bevoegd_gezag.id),
                        Party::relative(&id, place),
                        def,
                        None,
                        v.verzoektype,
                    )
                };
                self.hit(hit, case, together);
            }
        }
    }

    /// A case from an outcome: verzoek `i`, after the after-receipt steps.
    fn case(
        &self,
        place: &Place,
        outcome: &Outcome,
        i: usize,
        activities: Vec<SelectedActivity>,
        after_receipt: Vec<AfterReceipt>,
        partij: Option<&str>,
    ) -> GapCase {
        let v = outcome.verzoeken.get(i);
        let mut state = (
            v.map(|v| v.bevoegd_gezag.clone())
                .unwrap_or_else(|| place.gemeente.clone()),
            v.and_then(|v| v.behandeldienst.clone()),
            v.map(|v| v.recipients.iter().map(|r| r.id.clone()).collect())
                .unwrap_or_default(),
        );
        let mut changed = true;
        for s in outcome.timeline.iter().filter(|s| s.verzoek == i) {
            state = (
                s.bevoegd_gezag.clone(),
                s.behandeldienst.clone(),
                s.recipients.iter().map(|r| r.id.clone()).collect(),
            );
            if s.findings
                .iter()
                .any(|f| f.code == FindingCode::BdNietWijzigbaar)
            {
                changed = false;
            }
        }
        GapCase {
            gemeente: place.gemeente.clone(),
            activities,
            after_receipt,
            verzoek: i,
            bevoegd_gezag: state.0,
            behandeldienst: state.1,
            recipients: state.2,
            partij: partij.map(|p| self.name(p)),
            changed,
        }
    }

    /// Adds a case to its gap (made on first sight).
    fn hit(&mut self, hit: Hit<'_>, case: GapCase, outcome: &Outcome) {
        let id = [
            hit.kind.as_str(),
            match hit.change {
                Some(Change::BevoegdGezag) => "bg",
                Some(Change::Behandeldienst) => "bd",
                None => "",
            },
            hit.scope.key(),
            hit.partij.key(),
            &hit.def.id,
            hit.inhoud.unwrap_or_default(),
        ]
        .join("|");
        let at = match self.index.get(&id) {
            Some(&at) => at,
            None => {
                self.report.gaps.push(Gap {
                    id: id.clone(),
                    kind: hit.kind,
                    change: hit.change,
                    scope: hit.scope.clone(),
                    partij: hit.partij.clone(),
                    activity: hit.def.id.clone(),
                    inhoud: hit.inhoud.map(str::to_string),
                    verzoektypes: Vec::new(),
                    partners: Vec::new(),
                    bevoegde_gezagen: Vec::new(),
                    parties: Vec::new(),
                    routed: Vec::new(),
                    new_bg: Vec::new(),
                    cases: Vec::new(),
                    rules: Vec::new(),
                });
                self.index.insert(id, self.report.gaps.len() - 1);
                self.report.gaps.len() - 1
            }
        };
        let Some(gap) = self.report.gaps.get_mut(at) else {
            return;
        };
        if gap.cases.iter().any(|c| {
            c.gemeente.id == case.gemeente.id
                && c.activities == case.activities
                && c.after_receipt == case.after_receipt
        }) {
            return;
        }
        add_once(&mut gap.verzoektypes, hit.verzoektype);
        if let Some(p) = hit.partner {
            add_once(&mut gap.partners, p.to_string());
        }
        add_named(&mut gap.bevoegde_gezagen, &case.bevoegd_gezag);
        if let Some(p) = &case.partij {
            add_named(&mut gap.parties, p);
        }
        if let Some(r) = &hit.routed {
            add_named(&mut gap.routed, r);
        }
        if let Some(n) = &hit.new_bg {
            add_named(&mut gap.new_bg, n);
        }
        if let Some(v) = outcome.verzoeken.get(case.verzoek) {
            for f in v
                .findings
                .iter()
                .chain(&outcome.findings)
                .chain(outcome.timeline.iter().flat_map(|s| &s.findings))
            {
                add_once(&mut gap.rules, f.rule.clone());
            }
        }
        gap.cases.push(case);
    }

    /// Every organisation that receives a verzoeknotificatie for a single-activity verzoek.
    fn receive(&mut self, outcome: &Outcome, def: &Activity) {
        for v in &outcome.verzoeken {
            for r in &v.recipients {
                let named = self.name(&r.id);
                let at = match self.report.receivers.iter().position(|x| x.org.id == r.id) {
                    Some(at) => at,
                    None => {
                        self.report.receivers.push(Receiver {
                            org: named,
                            as_bevoegd_gezag: false,
                            as_behandeldienst: false,
                            mandaat_van: Vec::new(),
                            activities: Vec::new(),
                        });
                        self.report.receivers.len() - 1
                    }
                };
                let bg = self.name(&v.bevoegd_gezag.id);
                let Some(x) = self.report.receivers.get_mut(at) else {
                    continue;
                };
                if r.id == v.bevoegd_gezag.id {
                    x.as_bevoegd_gezag = true;
                    add_once(&mut x.activities, def.id.clone());
                } else {
                    x.as_behandeldienst = true;
                    add_named(&mut x.mandaat_van, &bg);
                }
            }
        }
    }
}

fn one(def: &Activity, vt: Verzoektype, flags: Vec<String>) -> SelectedActivity {
    SelectedActivity {
        activity: def.id.clone(),
        verzoektype: vt,
        flags,
        toepasbare_regels: None,
    }
}

/// The verzoek holding activity `id`, with its index.
fn holding<'o>(outcome: &'o Outcome, id: &str) -> Option<(usize, &'o Verzoek)> {
    outcome
        .verzoeken
        .iter()
        .enumerate()
        .find(|(_, v)| v.activities.iter().any(|a| a == id))
}

/// The relative scope of an activity's own level (no exceptions).
fn level_scope(def: &Activity) -> Scope {
    use super::super::ids::Level;
    match &def.level {
        Level::Gemeente => Scope::Gemeente,
        Level::Provincie => Scope::Provincie,
        Level::Waterschap => Scope::Waterschap,
        Level::Rijk(code) => Scope::Org(code.clone()),
    }
}

fn add_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn add_named(list: &mut Vec<Named>, n: &Named) {
    if !list.iter().any(|x| x.id == n.id) {
        list.push(n.clone());
    }
}
