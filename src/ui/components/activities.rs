//! Choosing activities: a searchable catalogue by group (Enter in the search adds the first
//! hit), and per chosen activity its verzoektype (only the allowed ones) and its flags as
//! plain questions. After adding, focus goes to the new activity's verzoektype.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::{Exception, SelectedActivity, Verzoektype};
use crate::geo::normalize;
use crate::ui::browser::focus;
use crate::ui::context::{use_app, AppContext};
use crate::ui::forms::keep_value;
use crate::ui::i18n::Lang;
use crate::ui::state::{add_activity, Action};

/// The flags of contract §2 as questions a policy officer can answer.
fn flag_question(lang: Lang, exception: &Exception) -> String {
    let text = match exception.flag.as_str() {
        "ippc" => lang.t(
            "Gaat het om een IPPC-installatie (grote industriële installatie), geen intensieve veehouderij?",
            "Is it an IPPC installation (large industrial installation), not intensive livestock farming?",
        ),
        "ippc-veehouderij" => lang.t(
            "Gaat het om een IPPC-installatie voor intensieve veehouderij (varkens of pluimvee, RIE-categorie 6.6)?",
            "Is it an IPPC installation for intensive livestock farming (pigs or poultry, IED category 6.6)?",
        ),
        "defensieterrein" => lang.t(
            "Ligt de activiteit op een defensielocatie (bijvoorbeeld een vliegbasis)?",
            "Does the activity take place on a defence site (an air base, for example)?",
        ),
        "seveso" => lang.t(
            "Is het een Seveso-inrichting (Brzo-bedrijf met gevaarlijke stoffen)?",
            "Is it a Seveso establishment (Brzo company with hazardous substances)?",
        ),
        "rijkswater" => lang.t(
            "Vindt de activiteit plaats in of aan een rijkswater, zoals de Maas?",
            "Does the activity take place in or by a rijkswater, such as the Maas?",
        ),
        "provinciaal-grondwater" => lang.t(
            "Is het een grondwateronttrekking waarvoor de provincie bevoegd is (drinkwater, grote industriële onttrekking, open bodemenergie)?",
            "Is it a groundwater withdrawal the provincie decides on (drinking water, large industrial use, open ground-source energy)?",
        ),
        _ => return format!("{}?", exception.name),
    };
    text.to_string()
}

/// After an activity was added here, focus goes to its verzoektype (the next render has it).
#[hook]
fn use_focus_added(root: &NodeRef, count: usize) -> Rc<Cell<bool>> {
    let pending: Rc<Cell<bool>> = use_memo((), |_| Cell::new(false));
    {
        let (pending, root) = (pending.clone(), root.clone());
        use_effect_with(count, move |count| {
            if pending.replace(false) && *count > 0 {
                let select = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(&format!("#rw-verzoektype-{}", count - 1)).ok())
                    .flatten();
                if let Some(select) = select {
                    focus(select);
                }
            }
        });
    }
    pending
}

#[function_component(Activities)]
pub fn activities() -> Html {
    let filter = use_state(String::new);
    let app = use_app();
    let root = use_node_ref();
    let count = app.as_ref().map_or(0, |a| a.state.draft.activities.len());
    let adding = use_focus_added(&root, count);
    let Some(app) = app else {
        return Html::default();
    };
    let (engine, lang) = (app.engine, app.state.lang);
    let chosen = &app.state.draft.activities;
    let catalogue = &engine.catalogue;
    let wanted = normalize(&filter);
    let oninput = keep_value::<InputEvent>(&filter);
    let matching: Vec<_> = catalogue
        .activities
        .iter()
        .filter(|a| wanted.is_empty() || normalize(&a.name).contains(&wanted) || a.id.contains(&wanted))
        .collect();
    let add = |id: String| {
        let adding = adding.clone();
        app.callback(move |_: ()| {
            adding.set(true);
            add_activity(engine, &id)
        })
    };
    // Enter in the search adds the first activity it shows (in the catalogue's order).
    let first = catalogue
        .groups
        .iter()
        .find_map(|g| matching.iter().find(|a| a.parent.as_deref() == Some(g.id.as_str())))
        .filter(|_| !wanted.is_empty());
    let onkeydown = {
        let add = first.map(|a| add(a.id.clone()));
        Callback::from(move |e: KeyboardEvent| {
            if let (Some(add), "Enter") = (&add, e.key().as_str()) {
                e.prevent_default();
                add.emit(());
            }
        })
    };

    let groups = catalogue.groups.iter().map(|group| {
        let members: Vec<_> = matching
            .iter()
            .filter(|a| a.parent.as_deref() == Some(group.id.as_str()))
            .collect();
        if members.is_empty() {
            return html! {};
        }
        html! {
            <li class="rw-group">
                <h3 lang="nl">{ &group.name }</h3>
                <ul>
                    { for members.into_iter().map(|a| {
                        let onclick = add(a.id.clone()).reform(|_: MouseEvent| ());
                        html! {
                            <li><button type="button" class="rw-add" data-activity={a.id.clone()} {onclick}
                                aria-label={format!("{} {}", lang.t("Voeg toe:", "Add:"), a.name)}>
                                <span aria-hidden="true">{ "+ " }</span><span lang="nl">{ &a.name }</span>
                            </button></li>
                        }
                    }) }
                </ul>
            </li>
        }
    });

    let items = chosen
        .iter()
        .enumerate()
        .map(|(index, c)| chosen_item(&app, index, c));

    html! {
        <div class="rw-activities" ref={root}>
            if chosen.is_empty() {
                <p class="rw-muted">{ lang.t("Nog geen activiteiten gekozen.", "No activities chosen yet.") }</p>
            } else {
                <ol class="rw-chosen-list" aria-label={lang.t("Gekozen activiteiten", "Chosen activities")}>{ for items }</ol>
            }
            <div class="rw-field">
                <label for="rw-activity-filter">{ lang.t("Zoek een activiteit", "Find an activity") }</label>
                <input id="rw-activity-filter" type="search" value={(*filter).clone()} {oninput} {onkeydown} aria-describedby="rw-activity-hint" />
                <p id="rw-activity-hint" class="rw-hint">{ match (first, wanted.is_empty()) {
                    (Some(a), _) => format!("{} {}", lang.t("Enter voegt toe:", "Enter adds:"), a.name),
                    (None, false) => lang.t("Geen activiteit gevonden.", "No activity found.").to_string(),
                    (None, true) => String::new(),
                } }</p>
            </div>
            <ul class="rw-catalogue">{ for groups }</ul>
        </div>
    }
}

/// A chosen activity: its name, its verzoektype and the questions its exceptions ask.
fn chosen_item(app: &AppContext, index: usize, c: &SelectedActivity) -> Html {
    let lang = app.state.lang;
    let Some(activity) = app.engine.catalogue.activity(&c.activity) else {
        return html! {};
    };
    let select_id = format!("rw-verzoektype-{index}");
    let onchange = app.callback(move |e: Event| {
        let select = e.target_dyn_into::<web_sys::HtmlSelectElement>()?;
        Some(Action::SetVerzoektype(index, Verzoektype::parse(&select.value())?))
    });
    let onremove = app.callback(move |_: MouseEvent| Some(Action::RemoveActivity(index)));
    html! {
        <li class="rw-chosen" data-activity={c.activity.clone()}>
            <div class="rw-chosen-head">
                <strong lang="nl">{ &activity.name }</strong>
                <button type="button" class="nl-button nl-button--subtle rw-remove" onclick={onremove}
                    aria-label={format!("{} {}", lang.t("Verwijder", "Remove"), activity.name)}>{ lang.t("Verwijder", "Remove") }</button>
            </div>
            <label for={select_id.clone()}>{ lang.t("Verzoektype", "Verzoektype") }</label>
            <select id={select_id} class="rw-verzoektype" {onchange}>
                { for activity.verzoektypes.iter().map(|v| html! {
                    <option value={v.as_str()} selected={*v == c.verzoektype}>{ v.label_in(lang) }</option>
                }) }
            </select>
            { for activity.exceptions.iter().map(|exception| {
                let checked = c.flags.contains(&exception.flag);
                let flag = exception.flag.clone();
                let onchange = app.callback(move |e: Event| {
                    let input = e.target_dyn_into::<web_sys::HtmlInputElement>()?;
                    Some(Action::SetFlag(index, flag.clone(), input.checked()))
                });
                let id = format!("rw-flag-{index}-{}", exception.flag);
                html! {
                    <div class="rw-check">
                        <input type="checkbox" id={id.clone()} {checked} {onchange} />
                        <label for={id}>{ flag_question(lang, exception) }</label>
                    </div>
                }
            }) }
        </li>
    }
}
