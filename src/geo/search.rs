//! Gemeente search by name: case-, accent- and punctuation-insensitive, exact before prefix
//! before word-prefix before substring, official names before aliases and former gemeenten.

use super::{DecodeError, GemeenteInfo, Geography};
use serde::Serialize;

/// What kind of name matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum MatchKind {
    /// The gemeente's official name.
    Name,
    /// A common other name ("Den Bosch").
    Alias,
    /// A former gemeente merged into this one since 2018 ("Uden" → Maashorst).
    Former,
    /// A former gemeente split over several, one of which is this one ("Haaren").
    FormerPart,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// Gemeente id, e.g. `GM1982`.
    pub id: String,
    /// Official gemeente name, e.g. `Land van Cuijk`.
    pub name: String,
    /// The name that matched (official name, alias or former gemeente).
    pub matched: String,
    pub kind: MatchKind,
    /// Text to show, e.g. `Cuijk (voormalige gemeente, nu Land van Cuijk)`.
    pub label: String,
}

#[derive(Clone, Debug)]
pub(crate) struct Alias {
    name: String,
    norm: String,
    gemeente: usize,
    pub(crate) kind: MatchKind,
}

/// Lower case, accents removed, everything that is not a letter or digit becomes one
/// space, trimmed. "'s-Hertogenbosch" → "s hertogenbosch", "Súdwest-Fryslân" → "sudwest fryslan".
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for ch in s.chars().flat_map(lower) {
        let c = fold_accent(ch);
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower case as `char::to_lowercase` for the letters names are written in (ASCII, Latin-1,
/// Latin Extended-A, and the Kelvin and Ångström signs that lower-case into them); any other
/// character as it is. The standard library's version covers all of Unicode with an 11 KB
/// table in the first page load (docs/performance.md, "Tried"). Every name and alias has
/// only these letters (a test checks), and a letter outside them matches no name in either
/// case, so the search finds the same.
fn lower(c: char) -> impl Iterator<Item = char> {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x130 => 0x69, // İ → i + combining dot above
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x212A => 0x6B,
        0x212B => 0xE5,
        _ => u,
    };
    std::iter::once(char::from_u32(lower).unwrap_or(c)).chain((u == 0x130).then_some('\u{307}'))
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĳ' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' => 's',
        'ž' => 'z',
        '\u{2019}' | '\u{2018}' | '`' | '´' => '\'',
        other => other,
    }
}

pub(crate) fn parse_aliases(
    csv: &str,
    gemeenten: &[GemeenteInfo],
) -> Result<Vec<Alias>, DecodeError> {
    // the official names first (normalised once here, not per query)
    let mut out: Vec<Alias> = gemeenten
        .iter()
        .enumerate()
        .map(|(i, g)| Alias {
            name: g.name.clone(),
            norm: normalize(&g.name),
            gemeente: i,
            kind: MatchKind::Name,
        })
        .collect();
    for (no, line) in csv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "alias,gm_code,kind" {
            continue;
        }
        let bad =
            |what: &str| DecodeError::Metadata(format!("aliases.csv regel {}: {what}", no + 1));
        let mut parts = line.rsplitn(3, ',');
        let (Some(kind), Some(code), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("verwacht alias,gm_code,kind"));
        };
        let kind = match kind.trim() {
            "alias" => MatchKind::Alias,
            "voormalig" => MatchKind::Former,
            "voormalig-deels" => MatchKind::FormerPart,
            _ => return Err(bad("onbekende soort")),
        };
        let gemeente = gemeenten
            .binary_search_by(|g| g.id.as_str().cmp(code.trim()))
            .map_err(|_| bad("onbekende gemeente"))?;
        out.push(Alias {
            name: name.trim().to_string(),
            norm: normalize(name),
            gemeente,
            kind,
        });
    }
    Ok(out)
}

/// 0 exact, 1 prefix, 2 prefix of a later word, 3 substring; None = no match.
fn rank(norm_name: &str, q: &str) -> Option<u8> {
    if norm_name == q {
        Some(0)
    } else if norm_name.starts_with(q) {
        Some(1)
    } else if norm_name
        .match_indices(q)
        .any(|(i, _)| norm_name.get(..i).is_some_and(|p| p.ends_with(' ')))
    {
        Some(2)
    } else if norm_name.contains(q) {
        Some(3)
    } else {
        None
    }
}

fn label(kind: MatchKind, matched: &str, name: &str) -> String {
    match kind {
        MatchKind::Name => name.to_string(),
        MatchKind::Alias => format!("{matched} ({name})"),
        MatchKind::Former => format!("{matched} (voormalige gemeente, nu {name})"),
        MatchKind::FormerPart => format!("{matched} (voormalige gemeente, nu deels {name})"),
    }
}

impl Geography {
    /// Gemeenten matching `query`, best first, at most `limit`. Each gemeente appears once,
    /// with the best-matching of its names. An empty query gives no hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let mut q = normalize(query);
        // "gemeente Oss" → "oss"
        if let Some(rest) = q.strip_prefix("gemeente ") {
            q = rest.to_string();
        }
        if q.is_empty() {
            return Vec::new();
        }
        // (rank, kind, gemeente index, matched name)
        let mut best: Vec<Option<(u8, MatchKind, &str)>> = vec![None; self.gemeenten.len()];
        for a in &self.aliases {
            if let Some(r) = rank(&a.norm, &q) {
                if let Some(slot) = best.get_mut(a.gemeente) {
                    let better = slot.is_none_or(|(r0, k0, _)| (r, a.kind) < (r0, k0));
                    if better {
                        *slot = Some((r, a.kind, a.name.as_str()));
                    }
                }
            }
        }
        let mut hits: Vec<(u8, MatchKind, &str, &GemeenteInfo)> = best
            .iter()
            .zip(&self.gemeenten)
            .filter_map(|(b, g)| b.map(|(r, k, m)| (r, k, m, g)))
            .collect();
        crate::short_sort::sort_by(&mut hits, |a, b| {
            (a.0, a.1, &a.3.name).cmp(&(b.0, b.1, &b.3.name))
        });
        hits.into_iter()
            .take(limit)
            .map(|(_, kind, matched, g)| SearchHit {
                id: g.id.clone(),
                name: g.name.clone(),
                matched: matched.to_string(),
                kind,
                label: label(kind, matched, &g.name),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lower` is `char::to_lowercase` for the letters it claims and for every character of
    /// every bundled name and alias.
    #[test]
    fn lower_case_as_the_standard_library() {
        let claimed = (0..0x180)
            .chain([0x212A, 0x212B])
            .filter_map(char::from_u32);
        let geography = Geography::bundled();
        let names = geography
            .aliases
            .iter()
            .map(|a| a.name.as_str())
            .chain(geography.gemeenten.iter().map(|g| g.name.as_str()))
            .flat_map(str::chars);
        for c in claimed.chain(names) {
            assert_eq!(
                lower(c).collect::<String>(),
                c.to_lowercase().collect::<String>(),
                "{c:?}"
            );
        }
        assert_eq!(normalize("İJSSELSTEIN Κ"), "i jsselstein Κ");
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("'s-Hertogenbosch"), "s hertogenbosch");
        assert_eq!(normalize("  Súdwest-Fryslân "), "sudwest fryslan");
        assert_eq!(normalize("Bergen (NH.)"), "bergen nh");
    }
}
