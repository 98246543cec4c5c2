//! Importing a file: JSON at once, monitor CSV as a job that maps rows for a few
//! milliseconds per timer tick, so the page keeps painting and shows progress; then one
//! summary of what happened to the rows, with the rejected rows as a download.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::domain::configuration::csv::{problems_csv, Importer, RowProblem};
use crate::domain::configuration::draft::Draft;
use crate::domain::configuration::import::{Counts, NoteKind, RowNote};
use crate::domain::{Configuration, Engine};
use crate::ui::browser;
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;
use crate::ui::state::store::StoreAction;

/// Work per tick before the page gets the thread back; rows per step within a tick.
const TICK_BUDGET_MS: f64 = 8.0;
const ROWS_PER_STEP: usize = 100;
/// Notes and rejected rows listed on screen; the rest are counted (all are in the download).
const SHOWN: usize = 50;

/// What the last import said.
#[derive(Clone, PartialEq)]
pub struct ImportReport {
    pub file: String,
    pub rows: usize,
    pub counts: Counts,
    pub notes: Rc<Vec<RowNote>>,
    pub problems: Rc<Vec<RowProblem>>,
}

/// How far a running import is: (file, rows mapped, rows).
pub type Progress = (String, usize, usize);

/// A CSV import under way.
pub struct Job {
    file: String,
    importer: Importer<'static>,
    timer: Option<Timeout>,
}

pub type JobSlot = Rc<RefCell<Option<Job>>>;

/// The draft and report of an import that has finished.
pub type Done = Callback<(Draft, ImportReport)>;

/// The import's part of the view: progress and report to show, a file to import, the
/// rejected rows to download.
pub struct Imports {
    pub progress: UseStateHandle<Option<Progress>>,
    pub report: UseStateHandle<Option<ImportReport>>,
    pub onfile: Callback<(String, String)>,
    pub ondownload: Callback<MouseEvent>,
}

/// Imports as the Configuratie view runs them: a finished import becomes a new draft,
/// selected, with its report; an import that cannot start leaves a notice and changes
/// nothing. Leaving the view stops a running import.
#[hook]
pub fn use_import() -> Imports {
    let report = use_state(|| None::<ImportReport>);
    let progress = use_state(|| None::<Progress>);
    let job: JobSlot = use_mut_ref(|| None);
    {
        let job = job.clone();
        use_effect_with((), move |_| move || drop(job.borrow_mut().take()));
    }
    let app = use_app();
    let onfile = {
        let (report, progress, job) = (report.clone(), progress.clone(), job.clone());
        let app = app.clone();
        Callback::from(move |file: (String, String)| {
            let Some(app) = &app else { return };
            let store = app.store.clone();
            let done: Done = {
                let (store, report) = (store.clone(), report.clone());
                Callback::from(move |(draft, r)| {
                    store.dispatch(StoreAction::Add(draft));
                    report.set(Some(r));
                })
            };
            let name = file.0.clone();
            store.dispatch(StoreAction::Notify(None));
            if let Err(e) = start(file, app.engine, &job, &progress, &done) {
                store.dispatch(StoreAction::Notify(Some(format!(
                    "{name}: {e}. Er is niets veranderd."
                ))));
            }
        })
    };
    let ondownload = {
        let report = report.clone();
        Callback::from(move |_| {
            let failed = report.as_ref().map(download_problems);
            if let (Some(Err(e)), Some(app)) = (failed, &app) {
                app.store.dispatch(StoreAction::Notify(Some(e)));
            }
        })
    };
    Imports {
        progress,
        report,
        onfile,
        ondownload,
    }
}

/// Starts importing `text` of file `name`: JSON is read at once; a CSV becomes a job in
/// `slot` (replacing one that runs) that reports its progress and, when done, calls `done`.
pub fn start(
    (name, text): (String, String),
    engine: &'static Engine,
    slot: &JobSlot,
    progress: &UseStateHandle<Option<Progress>>,
    done: &Done,
) -> Result<(), String> {
    let base = name.rsplit_once('.').map_or(name.as_str(), |(b, _)| b);
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if looks_json {
        let value = crate::domain::parse_json_text(&text).map_err(|e| e.to_string())?;
        let c = Configuration::from_value(&value, "", &engine.catalogue, &engine.organisations)
            .map_err(|e| e.to_string())?;
        let draft = named(Draft::from_configuration(&c), base);
        let report = ImportReport {
            file: name.clone(),
            rows: draft.entries.len(),
            counts: Counts {
                taken: draft.entries.len(),
                ..Counts::default()
            },
            notes: Rc::default(),
            problems: Rc::default(),
        };
        done.emit((draft, report));
        return Ok(());
    }
    let importer = Importer::new(&text, base, engine)?;
    *slot.borrow_mut() = Some(Job {
        file: name,
        importer,
        timer: None,
    });
    run(slot.clone(), progress.clone(), done.clone());
    Ok(())
}

/// A new id, and the file's name when the draft has none.
fn named(mut draft: Draft, base: &str) -> Draft {
    draft.id = super::new_id();
    if draft.name.trim().is_empty() {
        draft.name = base.to_string();
    }
    draft
}

/// One tick: map rows for a few milliseconds, then schedule the next tick or finish.
fn run(slot: JobSlot, progress: UseStateHandle<Option<Progress>>, done: Done) {
    let finished = {
        let mut guard = slot.borrow_mut();
        let Some(job) = guard.as_mut() else { return };
        let start = browser::now_ms();
        let mut more = true;
        while more && browser::now_ms() - start < TICK_BUDGET_MS {
            more = job.importer.step(ROWS_PER_STEP);
        }
        if more {
            let (mapped, rows) = job.importer.progress();
            progress.set(Some((job.file.clone(), mapped, rows)));
            let (slot, progress, done) = (slot.clone(), progress.clone(), done.clone());
            job.timer = Some(Timeout::new(0, move || run(slot, progress, done)));
            None
        } else {
            guard.take()
        }
    };
    if let Some(job) = finished {
        progress.set(None);
        let result = job.importer.finish();
        let base = job.file.rsplit_once('.').map_or(job.file.as_str(), |(b, _)| b);
        let report = ImportReport {
            file: job.file.clone(),
            rows: result.rows,
            counts: result.counts,
            notes: Rc::new(result.notes),
            problems: Rc::new(result.problems),
        };
        done.emit((named(result.draft, base), report));
    }
}

/// The progress of a running import.
pub fn progress_view((file, mapped, rows): &Progress, lang: Lang) -> Html {
    html! {
        <p class="rw-config-progress" role="status">
            <label for="rw-cfg-progress">{ format!("{} {file}: {mapped} {} {rows} {}", lang.t("Importeren", "Importing"), lang.t("van", "of"), lang.t("rijen", "rows")) }</label>
            <progress id="rw-cfg-progress" max={rows.to_string()} value={mapped.to_string()}></progress>
        </p>
    }
}

/// The summary of an import: counts, warnings and rejected rows (the first [`SHOWN`] of
/// each; all of the rejected ones in the download).
pub fn report_view(r: &ImportReport, lang: Lang, ondownload: Callback<MouseEvent>) -> Html {
    let c = r.counts;
    let line = |n: usize, text: String| format!("{} {n}: {text}", lang.t("Rij", "Row"));
    let more = |n: usize| {
        (n > SHOWN).then(|| {
            html! { <p class="rw-muted">{ format!("{} {} {}", lang.t("… en nog", "… and"), n - SHOWN, lang.t("meer (alle in het bestand hieronder).", "more (all in the file below).")) }</p> }
        })
    };
    let parent_note = (c.parent > 0 || r.notes.iter().any(|n| n.kind == NoteKind::Bovenliggend)).then(|| html! {
        <p class="rw-config-waarschuwing">{ lang.t(
            "Let op: een activiteit die niet in de catalogus staat, is overgenomen onder de activiteit die haar omvat. Die bovenliggende activiteit geldt nu voor de hele activiteit, ook voor wat de echte configuratie in het DSO misschien anders regelt. Controleer deze regels.",
            "Note: an activity that is not in the catalogue was taken under the activity that covers it. That parent activity now applies to all of it, including what the real configuration in the DSO may route differently. Check these rows.") }</p>
    });
    html! {
        <section class="rw-card rw-config-report" aria-labelledby="rw-h-import">
            <h3 id="rw-h-import">{ format!("{} {}: {} {}, {} {}", lang.t("Import", "Import"), r.file, r.rows, lang.t("rijen", "rows"), c.rejected, lang.t("niet overgenomen", "rejected")) }</h3>
            <ul class="rw-import-counts">
                <li data-count="taken">{ format!("{} {}", c.taken, lang.t("overgenomen", "taken")) }</li>
                <li data-count="parent">{ format!("{} {}", c.parent, lang.t("overgenomen onder een bovenliggende activiteit (met waarschuwing)", "taken under a parent activity (with a warning)")) }</li>
                <li data-count="merged">{ format!("{} {}", c.merged, lang.t("samengevoegd met een eerdere rij", "merged with an earlier row")) }</li>
                <li data-count="rejected">{ format!("{} {}", c.rejected, lang.t("niet overgenomen", "rejected")) }</li>
            </ul>
            { for parent_note }
            if !r.notes.is_empty() {
                <h4>{ lang.t("Waarschuwingen bij overgenomen rijen", "Warnings on rows taken") }</h4>
                <ul>{ for r.notes.iter().take(SHOWN).map(|n| html! {
                    <li class="rw-config-note rw-config-waarschuwing" data-kind={note_kind(n.kind)}>{ line(n.line, n.message.clone()) }</li>
                }) }</ul>
                { for more(r.notes.len()) }
            }
            if !r.problems.is_empty() {
                <h4>{ lang.t("Niet overgenomen", "Rejected") }</h4>
                <ul>{ for r.problems.iter().take(SHOWN).map(|p| html! {
                    <li class="rw-config-problem">{ line(p.line, p.message.clone()) }</li>
                }) }</ul>
                { for more(r.problems.len()) }
                <button type="button" class="rw-button" onclick={ondownload}>{ lang.t("Download de niet overgenomen rijen (CSV)", "Download the rejected rows (CSV)") }</button>
            }
        </section>
    }
}

fn note_kind(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Bovenliggend => "bovenliggend",
        NoteKind::Voormalig => "voormalig",
        NoteKind::Samengevoegd => "samengevoegd",
        NoteKind::Datum => "datum",
    }
}

/// Offers the rejected rows of `r` as a CSV file.
pub fn download_problems(r: &ImportReport) -> Result<(), String> {
    let base = r.file.rsplit_once('.').map_or(r.file.as_str(), |(b, _)| b);
    browser::offer_file(
        &format!("{base}-niet-overgenomen.csv"),
        "text/csv;charset=utf-8",
        &problems_csv(&r.problems),
    )
}
