#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The bundled rules as people read them: Dutch texts in Dutch, English texts in English,
//! every source traceable (publisher, title, date, public address) and no repository paths or
//! file names anywhere a person sees them.

use std::collections::BTreeSet;

use routewijzer::domain::rules::Rules;

fn rules() -> &'static Rules {
    let rules = Rules::bundled();
    assert!(!rules.rules.is_empty(), "the bundled rules parse");
    rules
}

/// The words of a text, lower case, split on anything that is not a letter.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// English function words that are no Dutch words. ("of", "is", "in", "die" are left out:
/// they are Dutch too.)
const ENGLISH_ONLY: &[&str] = &[
    "the", "and", "with", "which", "only", "when", "must", "should", "this", "that", "are", "from",
    "not", "for", "by", "to", "be", "it", "has", "have", "its", "their", "than", "where", "who",
    "will", "can", "may", "into", "would", "after", "before", "there", "these", "those", "because",
    "between", "does", "an", "or", "on", "at", "as", "if", "no", "yes",
];

fn english_words_in(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| ENGLISH_ONLY.contains(&w.as_str()))
        .collect()
}

/// Every Dutch text a person sees, with where it is.
fn dutch_texts(rules: &Rules) -> Vec<(String, &str)> {
    let mut out = vec![("origin.nl".to_string(), rules.origin.nl.as_str())];
    for (key, mark) in &rules.marks {
        out.push((format!("marks.{key}.word.nl"), &mark.word.nl));
        out.push((format!("marks.{key}.meaning.nl"), &mark.meaning.nl));
    }
    for rule in &rules.rules {
        out.push((format!("{}.nl", rule.id), &rule.text.nl));
    }
    for source in &rules.sources {
        out.push((format!("{}.title", source.id), &source.title));
        out.push((format!("{}.publisher", source.id), &source.publisher));
        if let Some(version) = &source.version {
            out.push((format!("{}.version", source.id), version));
        }
    }
    out
}

/// Every text a person sees, in both languages.
fn shown_texts(rules: &Rules) -> Vec<(String, &str)> {
    let mut out = dutch_texts(rules);
    out.push(("origin.en".into(), &rules.origin.en));
    for (key, mark) in &rules.marks {
        out.push((format!("marks.{key}.word.en"), &mark.word.en));
        out.push((format!("marks.{key}.meaning.en"), &mark.meaning.en));
    }
    for rule in &rules.rules {
        out.push((format!("{}.en", rule.id), &rule.text.en));
    }
    out
}

#[test]
fn no_english_in_the_dutch_texts() {
    for (at, text) in dutch_texts(rules()) {
        let found = english_words_in(text);
        assert!(found.is_empty(), "{at} has English words {found:?}: {text}");
    }
}

#[test]
fn every_rule_has_an_english_text_that_is_english() {
    for rule in &rules().rules {
        assert_ne!(rule.text.nl, rule.text.en, "{}", rule.id);
        assert!(
            !english_words_in(&rule.text.en).is_empty(),
            "{}.en reads as no English: {}",
            rule.id,
            rule.text.en
        );
    }
}

const FILE_ENDINGS: &[&str] = &[
    "md", "rs", "json", "py", "csv", "xml", "html", "htm", "mjs", "js", "toml", "txt", "rst",
    "yml", "yaml", "png", "sh",
];

/// A token that names a file (`sectie_dso.md`) or a repository path (`docs/ci/RWS`).
fn looks_like_a_path(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    let file = token
        .rsplit_once('.')
        .is_some_and(|(stem, ending)| !stem.is_empty() && FILE_ENDINGS.contains(&ending));
    let path = !token.contains("://") && token.matches('/').count() >= 2;
    file || path
}

#[test]
fn no_repository_path_or_file_name_is_shown() {
    for (at, text) in shown_texts(rules()) {
        assert!(!text.contains('`'), "{at} has a backtick: {text}");
        for folder in [
            "src/",
            "docs/",
            "data/",
            "scripts/",
            "tests/",
            "programmablokken",
        ] {
            assert!(
                !text.contains(folder),
                "{at} names a repository folder: {text}"
            );
        }
        let paths: Vec<&str> = text
            .split_whitespace()
            .filter(|t| looks_like_a_path(t))
            .collect();
        assert!(
            paths.is_empty(),
            "{at} names a path or file {paths:?}: {text}"
        );
    }
    // The check itself catches what the old file showed.
    assert!(looks_like_a_path(
        "`…/programmablokken/dso_gerelateerde_zaken.md`,"
    ));
    assert!(looks_like_a_path("docs/ci/RWS/STAM/index.md"));
    assert!(looks_like_a_path("(verwerking_dso_stam_berichten.md)"));
    assert!(!looks_like_a_path("en/of"));
    assert!(!looks_like_a_path("2.11.1"));
}

#[test]
fn every_source_is_traceable() {
    let rules = rules();
    for source in &rules.sources {
        let id = &source.id;
        assert!(!source.publisher.trim().is_empty(), "{id}");
        assert!(!source.title.trim().is_empty(), "{id}");
        assert!(
            !source.dating("nl").is_empty(),
            "{id} has no date or version"
        );
        match &source.url {
            Some(url) => {
                assert!(url.starts_with("https://"), "{id}: {url}");
                // A page a person reads, not a file in a repository.
                for raw in ["/blob/", "/raw/", "raw.githubusercontent.com"] {
                    assert!(!url.contains(raw), "{id} links to a repository file: {url}");
                }
                if url.starts_with("https://github.com/") {
                    let last = url
                        .trim_end_matches('/')
                        .rsplit('/')
                        .next()
                        .unwrap_or_default();
                    assert!(!looks_like_a_path(last), "{id} links to a file: {url}");
                }
            }
            // Only the 2020 presentation is not public; the rules say so.
            None => assert_eq!(id, "S1", "{id} has no public address"),
        }
    }
}

#[test]
fn every_source_is_used_and_every_documented_rule_has_one() {
    let rules = rules();
    let used: BTreeSet<&str> = rules
        .rules
        .iter()
        .flat_map(|r| r.sources.iter().map(String::as_str))
        .collect();
    for source in &rules.sources {
        assert!(
            used.contains(source.id.as_str()),
            "{} is used by no rule",
            source.id
        );
    }
    for rule in &rules.rules {
        if rule.mark.starts_with('D') {
            assert!(
                !rule.sources.is_empty(),
                "{} is documented without a source",
                rule.id
            );
        }
    }
}

#[test]
fn todays_terms_and_grammar() {
    for (at, text) in dutch_texts(rules()) {
        // The deck's word stands beside today's term.
        if words(text).contains("trigger") || words(text).contains("triggers") {
            assert!(
                text.contains("verzoeknotificatie (trigger)")
                    || text.contains("verzoeknotificaties (triggers)")
                    || text.contains("heet de trigger verzoeknotificatie")
                    || text.contains("de trigger verzoeknotificatie ging heten"),
                "{at} uses 'trigger' without 'verzoeknotificatie': {text}"
            );
        }
        if words(text).contains("vooroverleg") {
            assert!(
                text.contains("conceptverzoek (vooroverleg)")
                    || text.contains("vooroverleg conceptverzoek"),
                "{at}: {text}"
            );
        }
        // "Gedeputeerde Staten zijn / hebben", never "is / heeft".
        for wrong in [
            "Gedeputeerde Staten is",
            "Gedeputeerde Staten heeft",
            "is Gedeputeerde Staten",
            "heeft Gedeputeerde Staten",
        ] {
            assert!(!text.contains(wrong), "{at}: '{wrong}' in {text}");
        }
    }
}

#[test]
fn the_corrections_of_december_2026_are_in() {
    let rules = rules();
    let nl = |id: &str| rules.get(id).unwrap().text.nl.as_str();
    // C6: the behandeldienst could be changed by December 2023 at the latest.
    assert!(nl("C6").contains("uiterlijk in december 2023"));
    assert_eq!(rules.get("C6").unwrap().sources, ["S1", "S12"]);
    // C4: only the latest aanvulling, and only where aanvullingen existed.
    assert!(nl("C4").contains("terwijl er al aanvullingen"));
    assert!(nl("C4").contains("gaat niet verloren"));
    // T4: the bevoegd gezag or the behandeldienst involves the advisers.
    assert!(nl("T4").contains("Het bevoegd gezag of de behandeldienst moet hen zelf betrekken"));
    // The catalogue research has a rule for every point.
    for id in [
        "L14", "L15", "L16", "L17", "L18", "B14", "B15", "B16", "T9", "T10",
    ] {
        assert!(rules.get(id).is_some(), "{id}");
    }
}
