//! Organisation names as exports write them ("College van burgemeester en wethouders van
//! Oss", "Gemeente Oss", "Gedeputeerde Staten van Noord-Brabant", "Dagelijks bestuur van
//! Waterschap Aa en Maas", "Omgevingsdienst Brabant Noord", ids like `ODBN`, former gemeenten
//! like "Cuijk"), matched despite case, spacing, hyphens and these prefixes. The index is built
//! once per import, so a row costs a few hash look-ups, not a pass over every organisation.

use std::collections::HashMap;

use crate::domain::ids::OrgKind;
use crate::domain::organisations::{Org, Organisations};
use crate::geo::{normalize, Geography, MatchKind};

/// Prefixes (normalised, with their trailing space) and the kind of organisation they name.
/// "Utrecht" alone is gemeente or provincie; "Gemeente Utrecht" is not.
const PREFIXES: [(&str, OrgKind); 22] = [
    (
        "college van burgemeester en wethouders van ",
        OrgKind::Gemeente,
    ),
    ("college van burgemeester en wethouders ", OrgKind::Gemeente),
    ("college van b en w van ", OrgKind::Gemeente),
    ("college van b w van ", OrgKind::Gemeente),
    ("burgemeester en wethouders van ", OrgKind::Gemeente),
    ("b en w van ", OrgKind::Gemeente),
    ("gemeente ", OrgKind::Gemeente),
    ("gedeputeerde staten van ", OrgKind::Provincie),
    ("gedeputeerde staten ", OrgKind::Provincie),
    ("provincie ", OrgKind::Provincie),
    ("dagelijks bestuur van ", OrgKind::Waterschap),
    ("dagelijks bestuur ", OrgKind::Waterschap),
    ("waterschap ", OrgKind::Waterschap),
    ("hoogheemraadschap van ", OrgKind::Waterschap),
    ("hoogheemraadschap ", OrgKind::Waterschap),
    ("wetterskip ", OrgKind::Waterschap),
    ("minister van ", OrgKind::Minister),
    ("ministerie van ", OrgKind::Minister),
    ("omgevingsdienst ", OrgKind::Omgevingsdienst),
    ("regionale uitvoeringsdienst ", OrgKind::Omgevingsdienst),
    ("rud ", OrgKind::Omgevingsdienst),
    ("veiligheidsregio ", OrgKind::Veiligheidsregio),
];

/// Leading words that say nothing ("het college …", "de minister …").
const ARTICLES: [&str; 2] = ["het ", "de "];

/// A name without spaces: "Land van Cuijk", "Landvan Cuijk" and "land-van-cuijk" are one.
fn squash(normalised: &str) -> String {
    normalised.chars().filter(|c| *c != ' ').collect()
}

/// One prefix off a normalised name, with the kind it names.
fn strip_prefix(q: &str) -> Option<(&str, OrgKind)> {
    let q = ARTICLES.iter().find_map(|a| q.strip_prefix(a)).unwrap_or(q);
    PREFIXES
        .iter()
        .find_map(|(p, k)| q.strip_prefix(p).map(|rest| (rest, *k)))
}

/// An organisation found for a name; `former` when found as a former gemeente's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    pub org: &'a Org,
    pub former: Option<String>,
}

pub struct OrgIndex<'a> {
    by_id: HashMap<String, &'a Org>,
    /// Full names (name, display name, name as bevoegd gezag), squashed.
    full: HashMap<String, Vec<&'a Org>>,
    /// Names without their prefix ("aa en maas", "brabant noord"), squashed.
    bare: HashMap<String, Vec<&'a Org>>,
    geography: &'a Geography,
    /// Answers so far, by (text, bestuursorgaan only): a file repeats its names.
    memo: HashMap<(String, bool), Result<Found<'a>, String>>,
}

impl<'a> OrgIndex<'a> {
    pub fn new(orgs: &'a Organisations, geography: &'a Geography) -> OrgIndex<'a> {
        let mut index = OrgIndex {
            by_id: HashMap::new(),
            full: HashMap::new(),
            bare: HashMap::new(),
            geography,
            memo: HashMap::new(),
        };
        for o in orgs.all() {
            index.by_id.insert(o.id.to_uppercase(), o);
            let mut names = vec![o.name.clone(), o.display_name(), o.bg_name()];
            names.sort();
            names.dedup();
            for name in names {
                let n = normalize(&name);
                push_unique(index.full.entry(squash(&n)).or_default(), o);
                let mut rest = n.as_str();
                while let Some((r, _)) = strip_prefix(rest) {
                    rest = r;
                }
                push_unique(index.bare.entry(squash(rest)).or_default(), o);
            }
        }
        index
    }

    /// The one organisation a name or id means. `bestuursorgaan`: only those can be BG.
    pub fn find(&mut self, text: &str, bestuursorgaan: bool) -> Result<Found<'a>, String> {
        let key = (text.to_string(), bestuursorgaan);
        if let Some(answer) = self.memo.get(&key) {
            return answer.clone();
        }
        let answer = self.look_up(text, bestuursorgaan);
        self.memo.insert(key, answer.clone());
        answer
    }

    fn look_up(&self, text: &str, bestuursorgaan: bool) -> Result<Found<'a>, String> {
        if text.is_empty() {
            return Err("leeg".into());
        }
        if let Some(o) = self.by_id.get(&text.to_uppercase()) {
            return check_kind(o, bestuursorgaan).map(|org| Found { org, former: None });
        }
        let q = normalize(text);
        let mut hits = self.full.get(&squash(&q)).cloned().unwrap_or_default();
        let mut former = None;
        if hits.is_empty() {
            // Prefixes off, the first one saying which kind is meant.
            let mut rest = q.as_str();
            let mut kind = None;
            while let Some((r, k)) = strip_prefix(rest) {
                rest = r;
                kind = kind.or(Some(k));
            }
            let fits = |o: &&Org| kind.is_none_or(|k| o.kind == k);
            hits = self.full.get(&squash(rest)).cloned().unwrap_or_default();
            hits.retain(fits);
            if hits.is_empty() {
                hits = self.bare.get(&squash(rest)).cloned().unwrap_or_default();
                hits.retain(fits);
            }
            if hits.is_empty() && kind.is_none_or(|k| k == OrgKind::Gemeente) {
                hits = self.former_gemeente(rest);
                former = (!hits.is_empty()).then(|| text.to_string());
            }
        }
        if bestuursorgaan {
            hits.retain(|o| o.kind.is_bestuursorgaan());
        }
        match hits.as_slice() {
            [one] => check_kind(one, bestuursorgaan).map(|org| Found { org, former }),
            [] => Err(format!("organisatie '{text}' niet gevonden")),
            many => Err(format!(
                "'{text}' is niet eenduidig: {}",
                many.iter()
                    .map(|o| format!("{} ({})", o.display_name(), o.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Gemeenten by a former or other name ("Uden" → Maashorst, "Cuijk" → Land van Cuijk):
    /// those whose name matches exactly; a former gemeente split over several gives several.
    fn former_gemeente(&self, name: &str) -> Vec<&'a Org> {
        let hits = self.geography.search(name, 5);
        let mut out: Vec<&'a Org> = Vec::new();
        for h in hits
            .iter()
            .filter(|h| squash(&normalize(&h.matched)) == squash(name) && h.kind != MatchKind::Name)
        {
            if let Some(o) = self.by_id.get(&h.id.to_uppercase()) {
                if o.kind == OrgKind::Gemeente {
                    push_unique(&mut out, o);
                }
            }
        }
        out
    }
}

fn push_unique<'a>(list: &mut Vec<&'a Org>, o: &'a Org) {
    if !list.iter().any(|x| x.id == o.id) {
        list.push(o);
    }
}

fn check_kind(o: &Org, bestuursorgaan: bool) -> Result<&Org, String> {
    if bestuursorgaan && !o.kind.is_bestuursorgaan() {
        Err(format!(
            "{} is geen bestuursorgaan en kan geen bevoegd gezag zijn",
            o.display_name()
        ))
    } else {
        Ok(o)
    }
}
