//! The assumptions in force (contract §3 `assumptions`), switchable in place.

use yew::prelude::*;

use crate::domain::{AdviesRole, Assumptions, BdMerge, Dso};
use crate::ui::i18n::Lang;
use crate::ui::context::use_app;
use crate::ui::forms::value_of;
use crate::ui::state::Action;

/// What a `bd_merge` value means, in words (also on the speelveld's printout).
pub fn bd_merge_text(m: BdMerge, lang: Lang) -> &'static str {
    match m {
        BdMerge::AllSame => lang.t(
            "alleen als alle activiteiten dezelfde behandeldienst hebben",
            "only when every activity has the same behandeldienst",
        ),
        BdMerge::AnySingle => lang.t(
            "de enige gevonden behandeldienst",
            "the only behandeldienst found",
        ),
        BdMerge::FirstActivity => lang.t("die van de eerste activiteit", "the first activity's"),
    }
}

#[function_component(AssumptionsForm)]
pub fn assumptions_form() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let lang = app.state.lang;
    let now = app.state.draft.assumptions;
    // Each control changes one assumption and keeps the others.
    let change = |set: fn(Assumptions, &web_sys::Event) -> Option<Assumptions>| {
        app.callback(move |e: Event| Some(Action::SetAssumptions(set(now, &e)?)))
    };
    let on_merge = change(|a, e| {
        Some(Assumptions {
            bd_merge: BdMerge::parse(&value_of(e)?)?,
            ..a
        })
    });
    let on_dso = change(|a, e| {
        Some(Assumptions {
            dso: Dso::parse(&value_of(e)?)?,
            ..a
        })
    });
    let on_copy = change(|a, e| {
        let input =
            wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&e.target()?)?.checked();
        Some(Assumptions {
            bg_notified_when_bd: input,
            ..a
        })
    });
    html! {
        <fieldset class="rw-assumptions">
            <legend>{ lang.t("Aannames (instelbaar: de bronnen laten dit open)", "Assumptions (switchable: the sources leave these open)") }</legend>
            <div class="rw-field">
                <label for="rw-bd-merge">{ lang.t("Eén behandeldienst per verzoek kiezen (regel B12 [?])", "Choosing one behandeldienst per verzoek (rule B12 [?])") }</label>
                <select id="rw-bd-merge" onchange={on_merge}>
                    { for BdMerge::ALL.iter().map(|m| html! { <option value={m.as_str()} selected={*m == now.bd_merge}>{ format!("{}: {}", m.as_str(), bd_merge_text(*m, lang)) }</option> }) }
                </select>
            </div>
            <div class="rw-field">
                <label for="rw-dso">{ lang.t("DSO-versie: behandeldienst wijzigen na ontvangst (C6)", "DSO version: changing the behandeldienst after receipt (C6)") }</label>
                <select id="rw-dso" onchange={on_dso}>
                    <option value="2020" selected={now.dso == Dso::V2020}>{ lang.t("2020: kan niet", "2020: not possible") }</option>
                    <option value="2023" selected={now.dso != Dso::V2020}>{ lang.t("2023: kan wel", "2023: possible") }</option>
                </select>
            </div>
            <div class="rw-check">
                <input id="rw-bg-copy" type="checkbox" checked={now.bg_notified_when_bd} onchange={on_copy} />
                <label for="rw-bg-copy">{ lang.t("Bevoegd gezag krijgt een kopie-trigger als er een behandeldienst is (T3)", "Bevoegd gezag gets a copy trigger when there is a behandeldienst (T3)") }</label>
            </div>
            { bopa_choice(&app) }
        </fieldset>
    }
}

/// The gemeente's role for a buitenplanse omgevingsplanactiviteit (assumption
/// `bopa_adviesrol`, rule L15 [?]): shown once a chosen activity leaves its role to it.
fn bopa_choice(app: &crate::ui::context::AppContext) -> Html {
    let lang = app.state.lang;
    let draft = &app.state.draft;
    let relevant = draft.activities.iter().any(|a| {
        app.engine
            .catalogue
            .activity(&a.activity)
            .is_some_and(|d| d.adviseur_role_assumption.is_some())
    });
    if !relevant {
        return Html::default();
    }
    let now = draft.assumptions;
    let role = now.bopa_adviesrol.unwrap_or(AdviesRole::Advies);
    let choices = [
        (AdviesRole::Advies, lang.t("advies (de standaard van het contract)", "advies (the contract's default)")),
        (AdviesRole::AdviesMetInstemming, lang.t("advies met instemming (waarschijnlijk, niet nagelezen)", "advies met instemming (probable, not checked)")),
    ];
    html! {
        <fieldset class="rw-radios">
            <legend>{ lang.t("Rol van de gemeente bij een buitenplanse omgevingsplanactiviteit als de provincie of het Rijk beslist (regel L15, onbekend)",
                "The gemeente's role for a buitenplanse omgevingsplanactiviteit when the provincie or the Rijk decides (rule L15, unknown)") }</legend>
            { for choices.into_iter().map(|(r, text)| {
                let id = format!("rw-bopa-{}", r.as_str());
                let onchange = app.callback(move |_: Event| {
                    Some(Action::SetAssumptions(Assumptions { bopa_adviesrol: Some(r), ..now }))
                });
                html! {
                    <div class="rw-radio">
                        <input type="radio" id={id.clone()} name="rw-bopa" value={r.as_str()} checked={role == r} {onchange} />
                        <label for={id}>{ text }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
