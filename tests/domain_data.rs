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
        // Extension (L16): the Bal vellingsactiviteit, a melding to the provincie.
        ("vellingsactiviteit", "provincie", false, "melding aanvraag-maatwerkvoorschrift", "", "natuur"),
        ("sloopactiviteit", "gemeente", false, "melding", "", "bouwen"),
        ("brandveilig-gebruik", "gemeente", false, "aanvraag-vergunning melding", "", "veiligheid"),
        ("rijksmonumentenactiviteit", "gemeente", false, "aanvraag-vergunning", "", "bouwen"),
        ("milieubelastende-activiteit", "gemeente", false, "aanvraag-vergunning melding informatie aanvraag-maatwerkvoorschrift aanvraag-gelijkwaardige-maatregel informatie-ongewoon-voorval", "ippc=provincie! ippc-veehouderij=gemeente seveso=provincie! defensieterrein=rijk:IENW!", "milieu"),
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

/// The catalogue corrections of issue 16 (docs/bronnen-catalogus.md), as data.
#[test]
fn catalogue_carries_the_2026_corrections() {
    use routewijzer::domain::{AdviesBasis, RoleAssumption, ToepasbareRegels, VasteAdviseur};
    let cat = &engine().catalogue;
    let mba = cat.activity("milieubelastende-activiteit").unwrap();
    // L14: intensive livestock sets the IPPC flag aside and stays with the gemeente.
    let vee = mba.exception("ippc-veehouderij").unwrap();
    assert_eq!(
        (vee.excludes.as_slice(), vee.rule.as_str()),
        (&["ippc".to_string()][..], "L14")
    );
    assert_eq!(vee.notes[0].code, FindingCode::IppcVeehouderij);
    // B14/L17: Seveso is Brzo work, and the veiligheidsregio advises on an aanvraag by law.
    let seveso = mba.exception("seveso").unwrap();
    assert!(seveso.brzo);
    let vr = &seveso.vaste_adviseurs[0];
    assert_eq!(
        (vr.adviseur, vr.basis, vr.rule.as_deref()),
        (
            VasteAdviseur::Veiligheidsregio,
            AdviesBasis::Wet,
            Some("L17")
        )
    );
    assert_eq!(vr.verzoektypes.len(), 1);
    // L18: the defence site goes to the minister of IenW (the ILT), not Defensie.
    assert_eq!(mba.exception("defensieterrein").unwrap().rule, "L18");
    // T10: brandveilig gebruik's adviseur is practice.
    let bv = &cat.activity("brandveilig-gebruik").unwrap().vaste_adviseurs[0];
    assert_eq!(
        (bv.basis, bv.rule.as_deref()),
        (AdviesBasis::Praktijk, Some("T10"))
    );
    // L15: the BOPA role is an assumption; its default is the contract's advies.
    let bopa = cat.activity("omgevingsplanactiviteit-afwijken").unwrap();
    assert_eq!(
        bopa.adviseur_role_assumption,
        Some(RoleAssumption::BopaAdviesrol)
    );
    assert_eq!(bopa.adviseur_role, routewijzer::domain::AdviesRole::Advies);
    // L16: a kapmelding points at the vellingsactiviteit.
    assert_eq!(
        cat.activity("kappen").unwrap().notes[0].code,
        FindingCode::KappenVellingsactiviteit
    );
    // T9: the decentral activities rest on the bevoegd gezag's own toepasbare regels.
    let eigen: BTreeSet<&str> = cat
        .activities
        .iter()
        .filter(|a| a.toepasbare_regels == ToepasbareRegels::Eigen)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        eigen,
        BTreeSet::from([
            "omgevingsplanactiviteit-bouwwerk",
            "kappen",
            "waterschapsverordening-activiteit",
            "omgevingsverordening-activiteit"
        ])
    );
}

/// B14: the six Brzo omgevingsdiensten cover the twelve provincies once each.
#[test]
fn every_provincie_has_one_brzo_omgevingsdienst() {
    let e = engine();
    let orgs = &e.organisations;
    let ids: BTreeSet<&str> = orgs.brzo_diensten().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        BTreeSet::from(["DCMR", "ODG", "ODGM", "ODNZKG", "OMWB", "RUDZL"])
    );
    let provincies: BTreeSet<&str> = e
        .geography()
        .gemeenten()
        .iter()
        .map(|g| g.provincie.id.as_str())
        .collect();
    assert_eq!(provincies.len(), 12);
    for p in provincies {
        assert!(orgs.brzo_dienst(p).is_some(), "{p}");
    }
    assert_eq!(orgs.brzo_dienst("PV30").unwrap().id, "OMWB");
    assert!(orgs.get("RUDZL").is_some());
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
        let fixed = a
            .vaste_adviseurs
            .iter()
            .chain(a.exceptions.iter().flat_map(|e| e.vaste_adviseurs.iter()));
        for r in fixed {
            assert!(r.rule.as_deref().is_none_or(known), "{} {:?}", a.id, r.rule);
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
        // The extensions of issue 16.
        (
            "\"excludes\": [\"ippc\"]",
            "\"excludes\": [\"ipc\"]",
            "vlag 'ippc-veehouderij': excludes noemt 'ipc', geen andere vlag van deze activiteit",
        ),
        (
            "\"code\": \"defensieterrein\"",
            "\"code\": \"defensie\"",
            ".notes[0].code: onbekende waarde 'defensie' (verwacht: ippc-veehouderij, defensieterrein, kappen-vellingsactiviteit)",
        ),
        (
            "\"basis\": \"praktijk\"",
            "\"basis\": \"gewoonte\"",
            ".vaste_adviseurs[0].basis: onbekende waarde 'gewoonte' (verwacht: wet of praktijk)",
        ),
        (
            "\"toepasbare_regels\": \"eigen\"",
            "\"toepasbare_regels\": true",
            ".toepasbare_regels: verwacht eigen of geen, gevonden: true",
        ),
        (
            "\"adviseur_role_assumption\": \"bopa_adviesrol\"",
            "\"adviseur_role_assumption\": \"bopa\"",
            ".adviseur_role_assumption: onbekende waarde 'bopa' (verwacht: bopa_adviesrol)",
        ),
        (
            "\"brzo\": true",
            "\"brzo\": \"ja\"",
            ".brzo: verwacht true of false, gevonden: tekst 'ja'",
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
    // A trainer's catalogue may mark an activity as having no toepasbare regels at all.
    let none = CATALOGUE_JSON.replacen(
        "\"toepasbare_regels\": \"eigen\"",
        "\"toepasbare_regels\": false",
        1,
    );
    let cat = Catalogue::from_json(&none, &ministers).unwrap();
    let marked = cat.activity("omgevingsplanactiviteit-bouwwerk").unwrap();
    assert_eq!(
        marked.toepasbare_regels,
        routewijzer::domain::ToepasbareRegels::Geen
    );
}

#[test]
fn broken_brzo_data_gives_a_clear_error() {
    let geo = engine().geography();
    for (from, to, want) in [
        (
            "\"PV31\"",
            "\"PV99\"",
            "organisaties: brzo_omgevingsdiensten: RUDZL: provincie 'PV99' is geen bekende provincie",
        ),
        (
            "\"PV31\"",
            "\"PV30\"",
            "organisaties: brzo_omgevingsdiensten: RUDZL: provincie 'PV30' heeft al Brzo-omgevingsdienst OMWB",
        ),
        (
            "\"mark\": \"I\"",
            "\"zeker\": \"I\"",
            "organisaties: brzo_omgevingsdiensten[5].zeker: onbekend veld",
        ),
    ] {
        let text = ORGANISATIONS_JSON.replacen(from, to, 1);
        assert_ne!(text, ORGANISATIONS_JSON, "{from}");
        let err = routewijzer::domain::Organisations::from_json(&text, geo)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(want), "{err}");
    }
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
