//! The assumptions in force (contract §3 `assumptions`), switchable in place: one radio
//! group each, one sentence per choice; the one no source documents says so.

use yew::prelude::*;

use crate::domain::{AdviesRole, Assumptions, BdMerge, Dso};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;
use crate::ui::state::Action;

/// What a `bd_merge` value means, in words (also on the speelveld's printout).
pub fn bd_merge_text(m: BdMerge, lang: Lang) -> &'static str {
    match m {
        BdMerge::AllSame => lang.t(
            "alleen als alle activiteiten van het verzoek dezelfde behandeldienst hebben",
            "only when every activity of the verzoek has the same behandeldienst",
        ),
        BdMerge::AnySingle => lang.t(
            "de enige behandeldienst die de activiteiten samen hebben, ook als sommige er geen hebben",
            "the only behandeldienst the activities have between them, even if some have none",
        ),
        BdMerge::FirstActivity => lang.t(
            "de behandeldienst van de eerste activiteit",
            "the first activity's behandeldienst",
        ),
    }
}

/// One radio button of group `name`; `set` makes the assumptions with this choice.
fn radio(
    name: &'static str,
    value: &'static str,
    checked: bool,
    text: &'static str,
    onchange: Callback<Event>,
) -> Html {
    let id = format!("{name}-{value}");
    html! {
        <div class="rw-radio">
            <input type="radio" id={id.clone()} {name} {value} {checked} {onchange} />
            <label for={id}>{ text }</label>
        </div>
    }
}

#[function_component(AssumptionsForm)]
pub fn assumptions_form() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let lang = app.state.lang;
    let now = app.state.draft.assumptions;
    // Each choice changes one assumption and keeps the others.
    let choose = |next: Assumptions| app.callback(move |_: Event| Some(Action::SetAssumptions(next)));
    html! {
        <fieldset class="rw-assumptions">
            <legend>{ lang.t("Aannames", "Assumptions") }</legend>
            <p class="rw-hint">{ lang.t("Waar de bronnen iets openlaten, kiest u wat u wilt nagaan.",
                "Where the sources leave something open, choose what you want to check.") }</p>
            <fieldset class="rw-radios">
                <legend>{ lang.t("Eén behandeldienst per verzoek, als de activiteiten verschillen", "One behandeldienst per verzoek, when the activities differ") }</legend>
                <p class="rw-undocumented">{ lang.t("Niet gedocumenteerd: test dit in pre-productie.", "Not documented: test this in pre-production.") }</p>
                { for BdMerge::ALL.iter().map(|&m| radio("rw-bd-merge", m.as_str(), now.bd_merge == m,
                    bd_merge_text(m, lang), choose(Assumptions { bd_merge: m, ..now }))) }
            </fieldset>
            <fieldset class="rw-radios">
                <legend>{ lang.t("Versie van het Omgevingsloket", "Version of the Omgevingsloket") }</legend>
                { for Dso::ALL.into_iter().map(|d| radio("rw-dso", d.as_str(), now.dso == d,
                    d.label(lang), choose(Assumptions { dso: d, ..now }))) }
            </fieldset>
            <fieldset class="rw-radios">
                <legend>{ lang.t("Kopie aan het bevoegd gezag", "Copy to the bevoegd gezag") }</legend>
                { radio("rw-bg-copy", "ja", now.bg_notified_when_bd,
                    lang.t("Is er een behandeldienst, dan krijgt het bevoegd gezag een kopie (zoals OpenWave het beschrijft).",
                        "When there is a behandeldienst, the bevoegd gezag gets a copy (as OpenWave describes it)."),
                    choose(Assumptions { bg_notified_when_bd: true, ..now })) }
                { radio("rw-bg-copy", "nee", !now.bg_notified_when_bd,
                    lang.t("Het bevoegd gezag krijgt geen kopie.", "The bevoegd gezag gets no copy."),
                    choose(Assumptions { bg_notified_when_bd: false, ..now })) }
            </fieldset>
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
                let onchange = app.callback(move |_: Event| {
                    Some(Action::SetAssumptions(Assumptions { bopa_adviesrol: Some(r), ..now }))
                });
                radio("rw-bopa", r.as_str(), role == r, text, onchange)
            }) }
        </fieldset>
    }
}
