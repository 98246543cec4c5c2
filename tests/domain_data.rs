#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The bundled data: the catalogue is contract §2, the example configuration is contract §6,
//! every rule id resolves, and broken files give clear errors.

use std::collections::{BTreeMap, BTreeSet};

use routewijzer::data::{CATALOGUE_JSON, CONFIGURATIONS, ORGANISATIONS_JSON};
use routewijzer::domain::rules::Rules;
use routewijzer::domain::{Catalogue, Configuration, Engine, FindingCode};

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

#[test]
fn catalogue_is_the_contract_table() {
    // id, own BG, water, verzoektypes, exceptions (flag→level, magneet), parent
    let table: &[(&str, &str, bool, &str, &str, &str)] = &[
        ("bouwactiviteit-technisch", "gemeente", false, "aanvraag-vergunning melding informatie", "", "bouwen"),
        ("omgevingsplanactiviteit-bouwwerk", "gemeente", false, "aanvraag-vergunning", "", "bouwen"),
        ("omgevingsplanactiviteit-afwijken", "gemeente", false, "aanvraag-vergunning", "", "bouwen"),
        ("kappen", "gemeente", false, "aanvraag-vergunning melding", "", "natuur"),
        ("sloopactiviteit", "gemeente", false, "melding", "", "bouwen"),
        ("brandveilig-gebruik", "gemeente", false, "aanvraag-vergunning melding", "", "veiligheid"),
        ("rijksmonumentenactiviteit", "gemeente", false, "aanvraag-vergunning", "", "bouwen"),
        ("milieubelastende-activiteit", "gemeente", false, "aanvraag-vergunning melding informatie aanvraag-maatwerkvoorschrift aanvraag-gelijkwaardige-maatregel informatie-ongewoon-voorval", "ippc=provincie! seveso=provincie!", "milieu"),
        ("lozingsactiviteit-riool", "gemeente", false, "melding informatie", "", "milieu"),
        ("wateractiviteit-lozen", "waterschap", true, "aanvraag-vergunning melding", "rijkswater=rijk:IENW!", "water"),
        ("wateractiviteit-onttrekken", "waterschap", true, "aanvraag-vergunning melding", "provinciaal-grondwater=provincie! rijkswater=rijk:IENW!", "water"),
        ("beperkingengebiedactiviteit-waterstaatswerk", "waterschap", true, "aanvraag-vergunning melding", "rijkswater=rijk:IENW!", "water"),
        ("waterschapsverordening-activiteit", "waterschap", true, "aanvraag-vergunning melding", "", "water"),
        ("ontgrondingsactiviteit", "provincie", false, "aanvraag-vergunning", "rijkswater=rijk:IENW!", "overig"),
        ("flora-fauna-activiteit", "provincie", false, "aanvraag-vergunning", "", "natuur"),
        ("natura2000-activiteit", "provincie", false, "aanvraag-vergunning", "", "natuur"),
        ("omgevingsverordening-activiteit", "provincie", false, "aanvraag-vergunning melding", "", "overig"),
        ("mijnbouwlocatieactiviteit", "rijk:KGG", false, "aanvraag-vergunning", "", "overig"),
    ];
    let cat = &engine().catalogue;
    assert_eq!(cat.activities.len(), table.len());
    for (id, level, water, vts, exc, parent) in table {
        let a = cat.activity(id).unwrap();
        assert_eq!(a.level.as_string(), *level, "{id}");
        assert_eq!(a.water, *water, "{id}");
        let got: Vec<&str> = a.verzoektypes.iter().map(|v| v.as_str()).collect();
        assert_eq!(got.join(" "), *vts, "{id}");
        let got: Vec<String> = a
            .exceptions
            .iter()
            .map(|e| {
                format!(
                    "{}={}{}",
                    e.flag,
                    e.level.as_string(),
                    if e.magneet { "!" } else { "" }
                )
            })
            .collect();
        assert_eq!(got.join(" "), *exc, "{id}");
        assert_eq!(a.parent.as_deref(), Some(*parent), "{id}");
    }
    assert!(cat.activity("mijnbouwlocatieactiviteit").unwrap().magneet);
    let instemming: BTreeSet<&str> = cat
        .activities
        .iter()
        .filter(|a| a.adviseur_role == routewijzer::domain::AdviesRole::AdviesMetInstemming)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        instemming,
        BTreeSet::from([
            "natura2000-activiteit",
            "flora-fauna-activiteit",
            "ontgrondingsactiviteit"
        ])
    );
    assert_eq!(
        cat.activity("sloopactiviteit").unwrap().name,
        "Slopen (incl. asbest)"
    );
}

#[test]
fn example_configuration_is_contract_section_6() {
    let e = engine();
    let c = e.configuration("voorbeeld-noord-brabant").unwrap();
    assert!(c
        .description
        .as_deref()
        .unwrap()
        .starts_with("Illustratief voorbeeld, geen echte DSO-configuratie"));
    assert!(c
        .behandeldiensten
        .iter()
        .all(|x| x.bron.as_deref().is_some_and(|b| !b.is_empty())));
    let nb: Vec<_> = e
        .geography()
        .gemeenten()
        .iter()
        .filter(|g| g.provincie.id == "PV30")
        .collect();
    assert_eq!(nb.len(), 56);
    for g in &nb {
        let od = g.omgevingsdienst.as_ref().unwrap().id.clone();
        for act in [
            "milieubelastende-activiteit",
            "lozingsactiviteit-riool",
            "sloopactiviteit",
        ] {
            let own: Vec<_> = c
                .behandeldiensten
                .iter()
                .filter(|x| x.bevoegd_gezag == g.id && x.activity == act)
                .collect();
            assert_eq!(own.len(), 1, "{} {act}", g.id);
            assert_eq!(own[0].behandeldienst, od);
            assert!(own[0].verzoektype.is_none() && own[0].gemeenten.is_none());
        }
        for act in [
            "milieubelastende-activiteit",
            "ontgrondingsactiviteit",
            "omgevingsverordening-activiteit",
        ] {
            let pv: Vec<_> = c
                .behandeldiensten
                .iter()
                .filter(|x| {
                    x.bevoegd_gezag == "PV30" && x.activity == act && x.covers_gemeente(&g.id)
                })
                .collect();
            assert_eq!(pv.len(), 1, "{} {act}", g.id);
            assert_eq!(pv[0].behandeldienst, od, "{} {act}", g.id);
        }
    }
    let vr: Vec<_> = c
        .behandeldiensten
        .iter()
        .filter(|x| x.behandeldienst == "VR21")
        .collect();
    assert_eq!(vr.len(), 1);
    assert_eq!(vr[0].bevoegd_gezag, "GM0796");
    assert_eq!(vr[0].activity, "brandveilig-gebruik");
    assert_eq!(vr[0].verzoektype.unwrap().as_str(), "melding");
    assert_eq!(c.behandeldiensten.len(), 56 * 3 + 3 * 3 + 1);
    let per_od: BTreeMap<&str, usize> = nb.iter().fold(BTreeMap::new(), |mut m, g| {
        *m.entry(g.omgevingsdienst.as_ref().unwrap().id.as_str())
            .or_default() += 1;
        m
    });
    assert_eq!(
        per_od,
        BTreeMap::from([("ODBN", 10), ("ODZOB", 21), ("OMWB", 25)])
    );
}

#[test]
fn every_rule_id_resolves() {
    let rules = Rules::bundled();
    let known = |id: &str| rules.get(id).is_some();
    for code in FindingCode::ALL {
        assert!(known(code.rule()), "{} → {}", code.as_str(), code.rule());
    }
    for a in &engine().catalogue.activities {
        assert!(known(&a.rule), "{}", a.id);
        for e in &a.exceptions {
            assert!(known(&e.rule), "{} {}", a.id, e.flag);
        }
    }
}

#[test]
fn broken_catalogue_gives_a_clear_error() {
    let ministers = vec!["IENW".to_string(), "KGG".to_string()];
    let cases = [
        (
            "\"parent\": \"bouwen\"",
            "\"parent\": \"bouw\"",
            "parent 'bouw' is geen groep",
        ),
        (
            "\"level\": \"rijk:KGG\"",
            "\"level\": \"rijk:EZK\"",
            "onbekende minister 'EZK'",
        ),
        (
            "\"verzoektypes\": [\"melding\"]",
            "\"verzoektypes\": [\"sloopmelding\"]",
            "onbekend verzoektype 'sloopmelding'",
        ),
        (
            "\"level\": \"gemeente\"",
            "\"level\": \"stad\"",
            "onbekend niveau 'stad'",
        ),
        (
            "\"water\": false",
            "\"nat\": false",
            "activities[0].nat: onbekend veld",
        ),
        (
            "\"water\": false",
            "\"water\": \"nee\"",
            "activities[0].water: verwacht true of false, gevonden: tekst 'nee'",
        ),
        (
            "\"verzoektypes\": [\"melding\"]",
            "\"verzoektypes\": \"melding\"",
            ".verzoektypes: verwacht een lijst, gevonden: tekst 'melding'",
        ),
    ];
    for (from, to, want) in cases {
        let text = CATALOGUE_JSON.replacen(from, to, 1);
        let err = Catalogue::from_json(&text, &ministers)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("catalogus: ") && err.contains(want),
            "{err}"
        );
    }
    assert!(Catalogue::from_json(CATALOGUE_JSON, &ministers).is_ok());
}

#[test]
fn broken_configuration_gives_a_clear_error() {
    let e = engine();
    let text = CONFIGURATIONS[0].1;
    let broken = text.replacen(
        "\"behandeldienst\": \"ODZOB\"",
        "\"behandeldienst\": \"ODZB\"",
        1,
    );
    let err = Configuration::from_json("voorbeeld", &broken, &e.catalogue, &e.organisations)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("voorbeeld: behandeldiensten[")
            && err.contains("onbekende organisatie 'ODZB'"),
        "{err}"
    );
    let dup = text.replacen(
        "\"activity\": \"lozingsactiviteit-riool\"",
        "\"activity\": \"milieubelastende-activiteit\"",
        1,
    );
    let err = Configuration::from_json("voorbeeld", &dup, &e.catalogue, &e.organisations)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("behandeldiensten[1]: dubbel met behandeldiensten[0]"),
        "{err}"
    );
    let geo = e.geography();
    assert!(Engine::new(geo, CATALOGUE_JSON, ORGANISATIONS_JSON, &[("x", &broken)]).is_err());
}

#[test]
fn organisations_agree_with_the_geography() {
    let e = engine();
    let geo_ws: BTreeSet<(String, String)> = e
        .geography()
        .waterschappen()
        .iter()
        .map(|w| (w.id.clone(), w.name.clone()))
        .collect();
    let own_ws: BTreeSet<(String, String)> = e
        .organisations
        .all()
        .into_iter()
        .filter(|o| o.kind == routewijzer::domain::OrgKind::Waterschap)
        .map(|o| (o.id.clone(), o.name.clone()))
        .collect();
    assert_eq!(geo_ws, own_ws);
    assert_eq!(e.organisations.ministers(), ["IENW", "KGG", "LNV"]);
    assert_eq!(
        e.organisations.get("IENW").unwrap().bg_name(),
        "Minister van Infrastructuur en Waterstaat"
    );
    assert_eq!(
        e.organisations.get("PV30").unwrap().bg_name(),
        "Gedeputeerde Staten van Noord-Brabant"
    );
    assert_eq!(
        e.organisations.get("WS24").unwrap().bg_name(),
        "Dagelijks bestuur van Waterschap Aa en Maas"
    );
    assert_eq!(
        e.organisations.get("GM0828").unwrap().bg_name(),
        "College van B&W van Oss"
    );
    assert_eq!(
        e.organisations.get("VR21").unwrap().display_name(),
        "Veiligheidsregio Brabant-Noord"
    );
}
