#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Gemeente search by name, aliases and former gemeenten.

use proptest::prelude::*;
use routewijzer::geo::{Geography, MatchKind};

fn first(q: &str) -> routewijzer::geo::SearchHit {
    Geography::bundled()
        .search(q, 10)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {q:?}"))
}

#[test]
fn aliases_and_former_names() {
    let h = first("den bosch");
    assert_eq!(
        (h.id.as_str(), h.name.as_str()),
        ("GM0796", "'s-Hertogenbosch")
    );
    assert_eq!(h.kind, MatchKind::Alias);
    let h = first("cuijk");
    assert_eq!(h.id, "GM1982");
    assert_eq!(h.label, "Cuijk (voormalige gemeente, nu Land van Cuijk)");
    assert_eq!(first("uden").id, "GM1991");
    assert_eq!(first("Landerd").id, "GM1991");
    for (q, id) in [
        ("Boxmeer", "GM1982"),
        ("Grave", "GM1982"),
        ("mill en sint hubert", "GM1982"),
        ("sint anthonis", "GM1982"),
        ("Aalburg", "GM1959"),
        ("Werkendam", "GM1959"),
        ("Woudrichem", "GM1959"),
        ("Brielle", "GM1992"),
        ("Hellevoetsluis", "GM1992"),
        ("Westvoorne", "GM1992"),
        ("Weesp", "GM0363"),
        ("Appingedam", "GM1979"),
        ("Delfzijl", "GM1979"),
        ("Loppersum", "GM1979"),
        ("Heerhugowaard", "GM1980"),
        ("Langedijk", "GM1980"),
        ("Beemster", "GM0439"),
        ("Haarlemmerliede", "GM0394"),
        ("Zederik", "GM1961"),
        ("Dongeradeel", "GM1970"),
        ("Noordwijkerhout", "GM0575"),
        ("Den Haag", "GM0518"),
    ] {
        assert_eq!(first(q).id, id, "{q}");
    }
    // Haaren was split: all four successors, each labelled "deels".
    let hits = Geography::bundled().search("haaren", 10);
    let ids: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == MatchKind::FormerPart)
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(ids.len(), 4, "{hits:?}");
    for id in ["GM0824", "GM0757", "GM0865", "GM0855"] {
        assert!(ids.contains(&id));
    }
    assert!(hits[0].label.contains("nu deels"));
}

#[test]
fn case_accent_and_punctuation_insensitive() {
    assert_eq!(first("SÚDWEST").id, "GM1900");
    assert_eq!(first("sudwest fryslan").id, "GM1900");
    assert_eq!(first("'s-hertogenbosch").id, "GM0796");
    assert_eq!(first("s hertogenbosch").id, "GM0796");
    assert_eq!(first("HERTOGENBOSCH").id, "GM0796");
    assert_eq!(first("  oss ").name, "Oss");
    assert_eq!(first("Gemeente Oss").id, "GM0828");
}

#[test]
fn ranking_exact_prefix_substring() {
    let g = Geography::bundled();
    // exact before prefix: "Oss" before "Ossendrecht"-like names; "Bergen" alias variants
    assert_eq!(first("oss").id, "GM0828");
    // prefix before substring
    let hits = g.search("berg", 50);
    let first_sub = hits.iter().position(|h| {
        !h.name.to_lowercase().starts_with("berg") && !h.matched.to_lowercase().starts_with("berg")
    });
    let last_prefix = hits.iter().rposition(|h| {
        h.name.to_lowercase().starts_with("berg") || h.matched.to_lowercase().starts_with("berg")
    });
    if let (Some(s), Some(p)) = (first_sub, last_prefix) {
        assert!(p < s, "{hits:#?}");
    }
    assert!(hits.iter().any(|h| h.name == "Bergen op Zoom"));
    assert!(
        hits.iter().any(|h| h.name == "Steenbergen"),
        "substring match"
    );
    // each gemeente at most once
    let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), hits.len());
    // limit, empty query, no match
    assert_eq!(g.search("a", 5).len(), 5);
    assert!(g.search("", 5).is_empty());
    assert!(g.search("   ", 5).is_empty());
    assert!(g.search("xyzzy", 5).is_empty());
}

#[test]
fn every_official_name_finds_itself_first() {
    let g = Geography::bundled();
    for info in g.gemeenten() {
        let h = &g.search(&info.name, 3)[0];
        assert_eq!(h.id, info.id, "{}", info.name);
        assert_eq!(h.kind, MatchKind::Name);
        assert_eq!(h.label, info.name);
    }
}

proptest! {
    #[test]
    fn search_never_panics(q in ".{0,30}", limit in 0usize..20) {
        let hits = Geography::bundled().search(&q, limit);
        prop_assert!(hits.len() <= limit);
    }
}

/// The next herindeling (Wijdemeren, GM1696, joins Hilversum, GM0402, on 1 January 2027):
/// scripts/geo/import_cbs.py adds the merged gemeente's name to aliases.csv as a former
/// gemeente, so searching the old name keeps finding the gemeente it is part of now.
#[test]
fn a_merged_gemeente_keeps_being_found_under_its_old_name() {
    let files = routewijzer::geo::bundled_files();
    let text = |i: usize| std::str::from_utf8(files[i].1).unwrap();
    // today Wijdemeren is a gemeente of its own
    let h = first("Wijdemeren");
    assert_eq!((h.id.as_str(), h.kind), ("GM1696", MatchKind::Name));
    let aliases = format!("{}Wijdemeren,GM0402,voormalig\n", text(3));
    let g = Geography::decode(files[0].1, files[1].1, text(2), &aliases).unwrap();
    let hits = g.search("wijdemeren", 5);
    let found: Vec<(&str, MatchKind)> = hits.iter().map(|h| (h.id.as_str(), h.kind)).collect();
    assert_eq!(
        found,
        [("GM1696", MatchKind::Name), ("GM0402", MatchKind::Former)]
    );
    assert_eq!(
        hits[1].label,
        "Wijdemeren (voormalige gemeente, nu Hilversum)"
    );
    // a former name must point at a gemeente that exists: after the merger, not GM1696
    let stale = format!("{}Loosdrecht,GM9999,voormalig\n", text(3));
    assert!(Geography::decode(files[0].1, files[1].1, text(2), &stale).is_err());
}
