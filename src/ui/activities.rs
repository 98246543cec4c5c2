//! Choosing activities: a searchable catalogue by group, and per chosen activity its
//! verzoektype (only the allowed ones) and its flags as plain questions.

use yew::prelude::*;

use super::i18n::Lang;
use super::state::{Action, Chosen};
use crate::domain::{Engine, Exception, Verzoektype};
use crate::geo::normalize;

/// The flags of contract §2 as questions a policy officer can answer.
fn flag_question(lang: Lang, exception: &Exception) -> String {
    let text = match exception.flag.as_str() {
        "ippc" => lang.t(
            "Gaat het om een IPPC-installatie (grote industriële of agrarische installatie)?",
            "Is it an IPPC installation (large industrial or agricultural installation)?",
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

#[derive(Properties, PartialEq)]
pub struct ActivitiesProps {
    pub chosen: Vec<Chosen>,
    pub dispatch: Callback<Action>,
    pub lang: Lang,
}

#[function_component(Activities)]
pub fn activities(props: &ActivitiesProps) -> Html {
    let filter = use_state(String::new);
    let lang = props.lang;
    let Ok(engine) = Engine::bundled() else {
        return html! { <p class="rw-error">{ lang.t("De activiteitencatalogus kon niet worden geladen.", "The activity catalogue could not be loaded.") }</p> };
    };
    let catalogue = &engine.catalogue;
    let wanted = normalize(&filter);
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
            }
        })
    };

    let groups = catalogue.groups.iter().map(|group| {
        let members: Vec<_> = catalogue
            .activities
            .iter()
            .filter(|a| a.parent.as_deref() == Some(group.id.as_str()))
            .filter(|a| wanted.is_empty() || normalize(&a.name).contains(&wanted) || a.id.contains(&wanted))
            .collect();
        if members.is_empty() {
            return html! {};
        }
        html! {
            <li class="rw-group">
                <h4>{ &group.name }</h4>
                <ul>
                    { for members.into_iter().map(|a| {
                        let dispatch = props.dispatch.clone();
                        let id = a.id.clone();
                        let onclick = Callback::from(move |_| dispatch.emit(Action::AddActivity(id.clone())));
                        html! {
                            <li><button type="button" class="rw-add" data-activity={a.id.clone()} {onclick}
                                aria-label={format!("{} {}", lang.t("Voeg toe:", "Add:"), a.name)}>{ format!("+ {}", a.name) }</button></li>
                        }
                    }) }
                </ul>
            </li>
        }
    });

    let chosen = props.chosen.iter().enumerate().map(|(index, c)| {
        let Some(activity) = catalogue.activity(&c.activity) else {
            return html! {};
        };
        let select_id = format!("rw-verzoektype-{index}");
        let onchange = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                    if let Some(v) = Verzoektype::parse(&select.value()) {
                        dispatch.emit(Action::SetVerzoektype(index, v));
                    }
                }
            })
        };
        let onremove = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_| dispatch.emit(Action::RemoveActivity(index)))
        };
        html! {
            <li class="rw-chosen" data-activity={c.activity.clone()}>
                <div class="rw-chosen-head">
                    <strong>{ &activity.name }</strong>
                    <button type="button" class="rw-remove" onclick={onremove}
                        aria-label={format!("{} {}", lang.t("Verwijder", "Remove"), activity.name)}>{ lang.t("Verwijder", "Remove") }</button>
                </div>
                <label for={select_id.clone()}>{ lang.t("Verzoektype", "Type of verzoek") }</label>
                <select id={select_id} class="rw-verzoektype" {onchange}>
                    { for activity.verzoektypes.iter().map(|v| html! {
                        <option value={v.as_str()} selected={*v == c.verzoektype}>{ v.label() }</option>
                    }) }
                </select>
                { for activity.exceptions.iter().map(|exception| {
                    let checked = c.flags.contains(&exception.flag);
                    let flag = exception.flag.clone();
                    let dispatch = props.dispatch.clone();
                    let onchange = Callback::from(move |e: Event| {
                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                            dispatch.emit(Action::SetFlag(index, flag.clone(), input.checked()));
                        }
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
    });

    html! {
        <div class="rw-activities">
            if props.chosen.is_empty() {
                <p class="rw-muted">{ lang.t("Nog geen activiteiten gekozen.", "No activities chosen yet.") }</p>
            } else {
                <ol class="rw-chosen-list" aria-label={lang.t("Gekozen activiteiten", "Chosen activities")}>{ for chosen }</ol>
            }
            <div class="rw-field">
                <label for="rw-activity-filter">{ lang.t("Zoek in de activiteiten", "Search the activities") }</label>
                <input id="rw-activity-filter" type="search" value={(*filter).clone()} {oninput} />
            </div>
            <ul class="rw-catalogue">{ for groups }</ul>
        </div>
    }
}
