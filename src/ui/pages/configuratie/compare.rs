//! The diff view: two configurations, a region, and the routes that change.

use yew::prelude::*;

use crate::ui::forms::keep_value;

use super::{all_configurations, draft_by_id};
use crate::ui::state::store::BUNDLED;
use crate::domain::configuration::diff::{diff, Route, RouteChange};
use crate::domain::{Assumptions, Engine};
use crate::geo::Geography;
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;

/// Region choices: `pv:<id>` per provincie, `od:<id>` per omgevingsdienst, or `hand`.
fn regions() -> Vec<(String, String)> {
    let geo = Geography::bundled();
    let mut out: Vec<(String, String)> = geo
        .provincies()
        .iter()
        .map(|p| (format!("pv:{}", p.id), format!("Provincie {}", p.name)))
        .collect();
    let mut ods: Vec<(String, String)> = geo
        .gemeenten()
        .iter()
        .filter_map(|g| g.omgevingsdienst.as_ref())
        .map(|od| (format!("od:{}", od.id), od.name.clone()))
        .collect();
    ods.sort();
    ods.dedup();
    out.extend(ods);
    out
}

/// The gemeente ids of a region choice; `hand` reads ids or names from `typed`.
fn region_gemeenten(region: &str, typed: &str) -> Vec<String> {
    let geo = Geography::bundled();
    let by = |pick: &dyn Fn(&crate::geo::GemeenteInfo) -> bool| -> Vec<String> {
        geo.gemeenten()
            .iter()
            .filter(|g| pick(g))
            .map(|g| g.id.clone())
            .collect()
    };
    if let Some(pv) = region.strip_prefix("pv:") {
        by(&|g| g.provincie.id == pv)
    } else if let Some(od) = region.strip_prefix("od:") {
        by(&|g| g.omgevingsdienst.as_ref().is_some_and(|o| o.id == od))
    } else {
        typed
            .split([',', ';'])
            .filter_map(|t| {
                let t = t.trim();
                geo.gemeente(t)
                    .map(|g| g.id.clone())
                    .or_else(|| geo.search(t, 1).first().map(|h| h.id.clone()))
            })
            .collect()
    }
}

fn route_text(engine: &Engine, r: &Route, lang: Lang) -> String {
    let bds: Vec<String> = r
        .behandeldiensten
        .iter()
        .map(|bd| match bd {
            Some(id) => engine.organisations.name_or_id(id),
            None => lang.t("geen", "none").to_string(),
        })
        .collect();
    bds.join(" + ")
}

#[function_component(Compare)]
pub fn compare() -> Html {
    let app = use_app();
    let a = use_state(|| BUNDLED.to_string());
    let b = use_state(|| {
        app.as_ref()
            .and_then(|app| app.store.drafts.first())
            .map(|d| d.id.clone())
            .unwrap_or_default()
    });
    let region = use_state(|| "od:ODBN".to_string());
    let typed = use_state(String::new);
    let result = use_state(|| None::<Result<(usize, Vec<RouteChange>), String>>);
    let Some(app) = app else {
        return Html::default();
    };
    let (engine, lang) = (app.engine, app.state.lang);
    let configs = all_configurations(engine, &app.store, lang);
    let pick = keep_value::<Event>;
    let ontyped = keep_value::<Event>(&typed);
    let onrun = {
        let (a, b, region, typed, result) = (
            a.clone(),
            b.clone(),
            region.clone(),
            typed.clone(),
            result.clone(),
        );
        let store = app.store.clone();
        Callback::from(move |_| {
            let config = |id: &str| {
                draft_by_id(engine, &store, id)
                    .ok_or_else(|| "configuratie niet gevonden".to_string())
                    .and_then(|d| {
                        d.to_configuration(engine)
                            .map_err(|e| format!("{}: {e}", d.name))
                    })
            };
            let gemeenten = region_gemeenten(&region, &typed);
            let outcome = config(&a).and_then(|ca| {
                let cb = config(&b)?;
                if gemeenten.is_empty() {
                    return Err("geen gemeenten in deze regio (typ namen of CBS-codes, gescheiden door komma's)".into());
                }
                Ok((gemeenten.len(), diff(engine, &ca, &cb, &gemeenten, Assumptions::default())))
            });
            result.set(Some(outcome));
        })
    };
    let config_select = |id: &str, label: String, value: &UseStateHandle<String>| {
        html! {
            <div class="rw-field">
                <label for={id.to_string()}>{ label }</label>
                <select id={id.to_string()} onchange={pick(value)}>
                    { for configs.iter().map(|(cid, name)| html! { <option value={cid.clone()} selected={**value == *cid}>{ name.clone() }</option> }) }
                </select>
            </div>
        }
    };
    let name_of = |id: &str| {
        engine
            .organisations
            .get(id)
            .map_or(id.to_string(), |o| o.name.clone())
    };
    html! {
        <section class="rw-config-compare" aria-labelledby="rw-h-compare">
            <h3 id="rw-h-compare">{ lang.t("Vergelijk twee configuraties", "Compare two configurations") }</h3>
            <div class="rw-config-filters">
                { config_select("rw-cmp-a", lang.t("Configuratie A", "Configuration A").into(), &a) }
                { config_select("rw-cmp-b", lang.t("Configuratie B", "Configuration B").into(), &b) }
                <div class="rw-field">
                    <label for="rw-cmp-region">{ lang.t("Regio", "Region") }</label>
                    <select id="rw-cmp-region" onchange={pick(&region)}>
                        { for regions().into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={*region == v}>{ l }</option> }) }
                        <option value="hand" selected={*region == "hand"}>{ lang.t("Zelf kiezen…", "Choose myself…") }</option>
                    </select>
                </div>
                if *region == "hand" {
                    <div class="rw-field">
                        <label for="rw-cmp-gemeenten">{ lang.t("Gemeenten (namen of CBS-codes, komma's)", "Gemeenten (names or CBS codes, commas)") }</label>
                        <input id="rw-cmp-gemeenten" type="text" value={(*typed).clone()} onchange={ontyped} />
                    </div>
                }
            </div>
            <button type="button" class="nl-button nl-button--primary" onclick={onrun}>{ lang.t("Vergelijk", "Compare") }</button>
            { match &*result {
                None => html! {},
                Some(Err(e)) => html! { <p class="rw-error" role="alert" lang="nl">{ e.clone() }</p> },
                Some(Ok((n, changes))) => html! { <>
                    <p class="rw-config-problems" role="status">{ format!("{}: {}.", lang.t("Vergeleken", "Compared"), lang.count(changes.len(), ("route verandert", "route changes"), ("routes veranderen", "routes change"))) }</p>
                    <table class="rw-config-table rw-config-diff">
                        <caption>{ format!("{} {} {} {}", lang.count(changes.len(), ("route verandert", "route changes"), ("routes veranderen", "routes change")), lang.t("in", "in"), lang.count(*n, ("gemeente", "gemeente"), ("gemeenten", "gemeenten")), lang.t("(één activiteit per verzoek, standaardaannames)", "(one activity per verzoek, default assumptions)")) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Gemeente" }</th>
                            <th scope="col">{ lang.t("Activiteit", "Activity") }</th>
                            <th scope="col">{ "Verzoektype" }</th>
                            <th scope="col">{ lang.t("Behandeldienst A", "Behandeldienst A") }</th>
                            <th scope="col">{ lang.t("Behandeldienst B", "Behandeldienst B") }</th>
                            <th scope="col">{ "Verzoeknotificaties A → B" }</th>
                        </tr></thead>
                        <tbody>{ for changes.iter().map(|c| html! {
                            <tr>
                                <th scope="row">{ name_of(&c.gemeente) }</th>
                                <td>{ engine.catalogue.activity(&c.activity).map_or(c.activity.clone(), |a| a.name.clone()) }</td>
                                <td>{ c.verzoektype.label_in(lang) }</td>
                                <td>{ route_text(engine, &c.a, lang) }</td>
                                <td>{ route_text(engine, &c.b, lang) }</td>
                                <td>{ format!("{} → {}", c.a.triggers, c.b.triggers) }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                </> },
            } }
        </section>
    }
}
