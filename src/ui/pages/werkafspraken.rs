//! Werkafspraken (issue 20): choose a region, a configuration and the assumptions, edit the
//! intended task division, see every gap the engine finds with a worked example that opens
//! in the explainer, agree on each one from a template, tick the Aansluiten checklist, and
//! print or download the agreement (ODT, Markdown, the agreement file). The agreement is
//! kept in localStorage (`state/werkafspraken.rs`); the gaps are computed a gemeente per
//! timer tick, so a provincie never freezes the page.

mod aansluiten;
mod document;
mod gaten;
mod keuze;
mod taak;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::domain::speelveld::Region;
use crate::domain::werkafspraken::document::Words;
use crate::domain::werkafspraken::gaps::GapCase;
use crate::domain::werkafspraken::{self as wa, Analysis, Report, Werkafspraak};
use crate::domain::{Engine, Location, ScenarioDraft};
use crate::geo::GemeenteInfo;
use crate::ui::components::notice::notice;
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;
use crate::ui::state::werkafspraken::{WaAction, WaState, STORAGE_NAME};
use crate::ui::state::{Action, Notice, Opened};
use crate::ui::storage;
use crate::ui::view::View;

/// The region a first agreement is drafted for: Brabant-Noord, the 2020 deck's region.
const FIRST_REGION: &str = "veiligheidsregio:VR21";

/// The words of the domain's documents in the page's language.
pub fn words(engine: &'static Engine, lang: Lang) -> Option<Words<'static>> {
    Some(Words {
        engine,
        sjablonen: wa::bundled_sjablonen().ok()?,
        lang,
    })
}

/// The stored agreement, or a first one from the explainer's configuration and assumptions.
fn first_state(engine: &'static Engine, key: Option<&str>, draft: &ScenarioDraft) -> WaState {
    let stored = key.and_then(|key| Some((key, storage::read(key)?)));
    let mut state = match stored {
        None => WaState::default(),
        Some((key, text)) => WaState::from_text(engine, &text).unwrap_or_else(|why| {
            let aside = storage::set_aside(key, &text);
            WaState::unreadable(storage::report("De opgeslagen werkafspraak", &why, &aside, key))
        }),
    };
    if state.agreement.is_none() {
        let region = Region::from_key(FIRST_REGION).unwrap_or(Region::Nederland);
        match wa::new_agreement(engine, region, draft) {
            Ok(a) => state.agreement = Some(a),
            Err(e) => state.notice = Some(e.to_string()),
        }
    }
    state
}

/// The gap analysis in progress or done, for one agreement's key.
#[derive(Default)]
struct Job {
    key: String,
    analysis: Option<Analysis<'static>>,
    todo: Vec<&'static GemeenteInfo>,
    total: usize,
    report: Option<Rc<Report>>,
    timer: Option<Timeout>,
}

fn run(job: Rc<RefCell<Job>>, redraw: UseForceUpdateHandle) {
    let more = {
        let mut j = job.borrow_mut();
        if let Some(g) = j.todo.pop() {
            if let Some(a) = j.analysis.as_mut() {
                a.add(g);
            }
        }
        if j.todo.is_empty() {
            if let Some(a) = j.analysis.take() {
                j.report = Some(Rc::new(a.finish()));
            }
        }
        !j.todo.is_empty()
    };
    if more {
        let next = {
            let (job, redraw) = (job.clone(), redraw.clone());
            Timeout::new(0, move || run(job, redraw))
        };
        job.borrow_mut().timer = Some(next);
    }
    redraw.force_update();
}

/// What the analysis has done: the report once complete, else how far it is.
pub struct Progress {
    pub report: Option<Rc<Report>>,
    pub done: usize,
    pub total: usize,
}

/// (Re)starts the analysis when the region, settings or division change.
#[hook]
fn use_gaps(engine: Option<&'static Engine>, agreement: Option<Werkafspraak>) -> Progress {
    let job = use_mut_ref(Job::default);
    let redraw = use_force_update();
    let key = agreement.as_ref().map_or_else(String::new, |a| {
        format!(
            "{}|{}|{}",
            a.regio.key(),
            a.settings.to_value(),
            a.taakverdeling.to_value()
        )
    });
    {
        let job = job.clone();
        use_effect_with(key.clone(), move |key| {
            if let (Some(a), Some(engine)) = (agreement, engine) {
                let mut todo = a.regio.gemeenten(engine);
                todo.reverse();
                let without = wa::without_toepasbare_regels(&engine.catalogue);
                *job.borrow_mut() = Job {
                    key: key.clone(),
                    total: todo.len(),
                    analysis: Some(Analysis::new(engine, &a.settings, a.taakverdeling, without)),
                    todo,
                    ..Job::default()
                };
                run(job.clone(), redraw);
            }
            move || job.borrow_mut().timer = None
        });
    }
    let j = job.borrow();
    let current = j.key == key;
    Progress {
        report: if current { j.report.clone() } else { None },
        done: if current { j.total - j.todo.len() } else { 0 },
        total: j.total,
    }
}

/// Saves the state under the instance's key whenever it changes; says so when it cannot.
#[hook]
fn use_saved(state: &UseReducerHandle<WaState>, key: Option<String>) {
    let handle = state.clone();
    use_effect_with((**state).clone(), move |s| {
        if let Some(key) = key {
            if let Err(why) = storage::write(&key, &s.text()) {
                if s.notice.as_deref() != Some(why.as_str()) {
                    handle.dispatch(WaAction::Notify(Some(why)));
                }
            }
        }
    });
}

/// Everything the page's parts draw from.
pub struct Page<'a> {
    pub engine: &'static Engine,
    pub lang: Lang,
    pub words: &'a Words<'static>,
    pub state: &'a UseReducerHandle<WaState>,
    pub agreement: &'a Werkafspraak,
    pub progress: &'a Progress,
    pub onopen: Callback<GapCase>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Werken,
    Document,
}

#[function_component(Werkafspraken)]
pub fn werkafspraken_view() -> Html {
    let app = use_app();
    let engine = app.as_ref().map(|a| a.engine);
    let key = app.as_ref().and_then(|a| a.embedding.storage_key(STORAGE_NAME));
    let state = {
        let (key, draft) = (key.clone(), app.as_ref().map(|a| a.state.draft.clone()));
        use_reducer(move || match engine {
            Some(engine) => first_state(engine, key.as_deref(), &draft.unwrap_or_default()),
            None => WaState::default(),
        })
    };
    use_saved(&state, key);
    let mode = use_state(|| Mode::Werken);
    let progress = use_gaps(engine, state.agreement.clone());
    let (Some(app), Some(engine)) = (app, engine) else {
        return Html::default();
    };
    let lang = app.state.lang;
    let Some(words) = words(engine, lang) else {
        return html! { <p class="rw-error" role="alert">{ lang.t("De sjablonen voor werkafspraken zijn niet te lezen.", "The agreement templates cannot be read.") }</p> };
    };
    let onopen = {
        let (explainer, onview) = (app.state.clone(), app.onview.clone());
        let settings = state.agreement.as_ref().map(|a| a.settings.clone()).unwrap_or_default();
        Callback::from(move |case: GapCase| {
            let mut scenario = settings.aimed(Location::Gemeente { gemeente: case.gemeente.id.clone() }, case.activities.clone());
            scenario.after_receipt = case.after_receipt.clone();
            match Opened::new(engine, scenario.into()) {
                Ok(opened) => {
                    explainer.dispatch(Action::Load(Box::new(opened)));
                    onview.emit(View::Verklaren);
                }
                Err(e) => explainer.dispatch(Action::Notify(Notice::new(Lang::Nl, e))),
            }
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(WaAction::Notify(None)))
    };
    let set_mode = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_| mode.set(m))
    };
    html! {
        <section class="rw-werkafspraken" aria-labelledby="rw-wa-title">
            <h2 id="rw-wa-title" class="rw-wa-screen">{ lang.t("Werkafspraken: wat het DSO niet kan, als afspraak voor de regio", "Working agreements: what the DSO cannot do, as an agreement for the region") }</h2>
            if let Some(text) = &state.notice {
                // the engine's and the storage's messages are Dutch
                { notice(text, Lang::Nl, lang, dismiss) }
            }
            <div class="rw-views rw-wa-screen" role="group" aria-label={lang.t("Weergave van de werkafspraak", "Agreement display")}>
                <button type="button" class="rw-button" aria-pressed={(*mode == Mode::Werken).to_string()} onclick={set_mode(Mode::Werken)}>{ lang.t("Opstellen", "Draft") }</button>
                <button type="button" class="rw-button" aria-pressed={(*mode == Mode::Document).to_string()} onclick={set_mode(Mode::Document)}>{ lang.t("Document (afdrukken, downloaden)", "Document (print, download)") }</button>
            </div>
            if let Some(agreement) = &state.agreement {
                { body(&Page { engine, lang, words: &words, state: &state, agreement, progress: &progress, onopen }, *mode == Mode::Document) }
            }
        </section>
    }
}

fn body(p: &Page, document_mode: bool) -> Html {
    let lang = p.lang;
    let status = match &p.progress.report {
        Some(report) => format!(
            "{} {} {} {}.",
            report.gaps.len(),
            lang.t("gaten gevonden in", "gaps found in"),
            report.matrix.len(),
            lang.t("gemeenten", "gemeenten")
        ),
        None => format!("{} {} {} {}…", lang.t("Berekenen:", "Computing:"), p.progress.done, lang.t("van", "of"), p.progress.total),
    };
    html! {
        <>
            <p class="rw-wa-progress rw-wa-screen" role="status">{ status }</p>
            if document_mode {
                { document::document_view(p) }
            } else {
                <keuze::Keuze state={p.state.clone()} />
                { taak::division(p) }
                { gaten::gaps(p) }
                { aansluiten::aansluiten(p) }
            }
        </>
    }
}
