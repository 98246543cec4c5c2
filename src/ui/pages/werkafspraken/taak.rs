//! The intended task division, editable: one row per line (whose verzoek, activity,
//! verzoektype, content, party, role, note). Each change is checked by the domain's own
//! reader (`TaskEntry::from_value`); a bad change is refused with its message and the
//! division stays as it was.

use serde_json::{json, Value};
use yew::prelude::*;

use super::Page;
use crate::domain::werkafspraken::taakverdeling::{Party, Scope, TaskEntry};
use crate::domain::werkafspraken::Taakverdeling;
use crate::domain::Verzoektype;
use crate::ui::forms::value_of;
use crate::ui::state::werkafspraken::WaAction;

/// The organisations a row may name: relative choices, then the region's own.
fn options(p: &Page, relative: &[&str], current: &str, kinds: &[&str]) -> Vec<(String, String)> {
    let w = p.words;
    let mut out: Vec<(String, String)> = relative
        .iter()
        .map(|k| {
            let label = if ["gemeente", "provincie", "waterschap"].contains(k) && kinds.contains(&"bg") {
                w.scope(&Scope::from_key(k))
            } else {
                w.party(&Party::from_key(k))
            };
            ((*k).to_string(), label)
        })
        .collect();
    let mut add = |id: &str| {
        if !out.iter().any(|(k, _)| k == id) {
            out.push((id.to_string(), w.org(id)));
        }
    };
    for g in p.agreement.regio.gemeenten(p.engine) {
        if kinds.contains(&"bg") {
            add(&g.id);
            add(&g.provincie.id);
        }
        if kinds.contains(&"party") {
            for n in [&g.omgevingsdienst, &g.veiligheidsregio].into_iter().flatten() {
                add(&n.id);
            }
        }
    }
    if kinds.contains(&"party") {
        for brzo in ["OMWB", "DCMR", "ODNZKG", "ODG", "RUDZL"] {
            if p.engine.organisations.get(brzo).is_some() {
                add(brzo);
            }
        }
    }
    add(current);
    out
}

fn select(id: String, label: String, value: &str, choices: &[(String, String)], onchange: Callback<Event>) -> Html {
    html! {
        <select id={id} aria-label={label} {onchange}>
            { for choices.iter().map(|(k, t)| html! { <option value={k.clone()} selected={k == value}>{ t }</option> }) }
        </select>
    }
}

/// A callback that sets `field` of row `i` to the control's value, through the checked reader.
fn change(p: &Page, i: usize, field: &'static str) -> Callback<Event> {
    let (state, engine) = (p.state.clone(), p.engine);
    let entries = p.agreement.taakverdeling.entries.clone();
    Callback::from(move |e: Event| {
        let Some(value) = value_of(&e) else { return };
        let mut list = entries.clone();
        let Some(entry) = list.get(i) else { return };
        let mut v = entry.to_value();
        let empty = value.trim().is_empty();
        let next = match field {
            "verzoektype" | "inhoud" | "toelichting" if empty => Value::Null,
            _ => json!(value),
        };
        if let Some(map) = v.as_object_mut() {
            map.insert(field.to_string(), next);
        }
        match TaskEntry::from_value(engine, &v, &format!("taakverdeling[{i}]")) {
            Ok(next) => {
                if let Some(slot) = list.get_mut(i) {
                    *slot = next;
                }
                state.dispatch(WaAction::SetDivision(Taakverdeling { entries: list }));
            }
            Err(e) => state.dispatch(WaAction::Notify(Some(e.to_string()))),
        }
    })
}

fn row(p: &Page, i: usize, e: &TaskEntry) -> Html {
    let (lang, engine) = (p.lang, p.engine);
    let n = i + 1;
    let label = |what: &str| format!("{what}, {} {n}", lang.t("regel", "row"));
    let scopes = options(p, &["gemeente", "provincie", "waterschap"], e.scope.key(), &["bg"]);
    let parties = options(p, &["omgevingsdienst", "veiligheidsregio", "gemeente", "provincie", "bevoegd-gezag"], e.partij.key(), &["party"]);
    let mut activities: Vec<(String, String)> = engine.catalogue.groups.iter().map(|g| (g.id.clone(), format!("{} ({})", g.name, lang.t("groep", "group")))).collect();
    activities.extend(engine.catalogue.activities.iter().map(|a| (a.id.clone(), a.name.clone())));
    let mut types = vec![(String::new(), lang.t("alle", "all").to_string())];
    types.extend(Verzoektype::ALL.iter().map(|v| (v.as_str().to_string(), v.label().to_string())));
    let roles = vec![("behandelen".to_string(), lang.t("behandelen", "handles").to_string()), ("advies".to_string(), lang.t("advies", "advises").to_string())];
    let remove = {
        let (state, list) = (p.state.clone(), p.agreement.taakverdeling.entries.clone());
        Callback::from(move |_| {
            let mut list = list.clone();
            if i < list.len() {
                list.remove(i);
            }
            state.dispatch(WaAction::SetDivision(Taakverdeling { entries: list.clone() }));
        })
    };
    let text = |field: &'static str, value: &Option<String>, what: &str| {
        html! { <input type="text" id={format!("rw-wa-{field}-{i}")} aria-label={label(what)} value={value.clone().unwrap_or_default()} onchange={change(p, i, field)} /> }
    };
    html! {
        <tr>
            <td>{ select(format!("rw-wa-scope-{i}"), label(lang.t("Bevoegd gezag", "Bevoegd gezag")), e.scope.key(), &scopes, change(p, i, "bevoegd_gezag")) }</td>
            <td>{ select(format!("rw-wa-act-{i}"), label(lang.t("Activiteit", "Activity")), &e.activity, &activities, change(p, i, "activity")) }</td>
            <td>{ select(format!("rw-wa-vt-{i}"), label(lang.t("Verzoektype", "Verzoektype")), e.verzoektype.map_or("", |v| v.as_str()), &types, change(p, i, "verzoektype")) }</td>
            <td>{ text("inhoud", &e.inhoud, lang.t("Inhoud", "Content")) }</td>
            <td>{ select(format!("rw-wa-party-{i}"), label(lang.t("Partij", "Party")), e.partij.key(), &parties, change(p, i, "partij")) }</td>
            <td>{ select(format!("rw-wa-rol-{i}"), label(lang.t("Rol", "Role")), e.rol.key(), &roles, change(p, i, "rol")) }</td>
            <td>{ text("toelichting", &e.toelichting, lang.t("Toelichting", "Note")) }</td>
            <td><button type="button" class="rw-button" aria-label={label(lang.t("Verwijder", "Remove"))} onclick={remove}>{ "×" }</button></td>
        </tr>
    }
}

/// The division table with its add button.
pub fn division(p: &Page) -> Html {
    let lang = p.lang;
    let entries = &p.agreement.taakverdeling.entries;
    let add = {
        let (state, list) = (p.state.clone(), entries.clone());
        Callback::from(move |_| {
            let mut list = list.clone();
            list.push(TaskEntry {
                scope: Scope::Gemeente,
                activity: "milieu".into(),
                verzoektype: None,
                inhoud: None,
                partij: Party::Omgevingsdienst,
                rol: crate::domain::werkafspraken::taakverdeling::Rol::Behandelen,
                gemeenten: None,
                toelichting: None,
            });
            state.dispatch(WaAction::SetDivision(Taakverdeling { entries: list.clone() }));
        })
    };
    let heads = [("Bevoegd gezag", "Bevoegd gezag"), ("Activiteit of groep", "Activity or group"), ("Verzoektype", "Verzoektype"), ("Inhoud (vlag of label)", "Content (flag or label)"), ("Partij", "Party"), ("Rol", "Role"), ("Toelichting", "Note"), ("Verwijderen", "Remove")];
    html! {
        <section class="rw-wa-part" aria-labelledby="rw-wa-div">
            <h3 id="rw-wa-div">{ lang.t("2. Beoogde taakverdeling", "2. Intended task division") }</h3>
            <p>{ lang.t("Begint bij de configuratie (wat het DSO weet) en de standaardverdeling (advies, Brzo, basistaken). Wie hoort wat te behandelen of te adviseren? Een splitsing op inhoud (bijvoorbeeld seveso of geen-basistaak) kan het DSO niet routeren.",
                "Starts from the configuration (what the DSO knows) and the default division (advice, Brzo, basistaken). Who should handle or advise on what? A split by content (for example seveso or geen-basistaak) is something the DSO cannot route.") }</p>
            <div class="rw-wa-scroll">
                <table class="rw-wa-division">
                    <caption>{ lang.t("Taakverdeling: per regel wiens verzoek, wat, en wie het behandelt of adviseert", "Task division: per row whose verzoek, what, and who handles or advises") }</caption>
                    <thead><tr>{ for heads.iter().map(|(nl, en)| html! { <th scope="col">{ lang.t(nl, en) }</th> }) }</tr></thead>
                    <tbody>{ for entries.iter().enumerate().map(|(i, e)| row(p, i, e)) }</tbody>
                </table>
            </div>
            <button type="button" class="rw-button" onclick={add}>{ lang.t("Regel toevoegen", "Add a row") }</button>
        </section>
    }
}
