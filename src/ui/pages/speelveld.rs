//! Speelveld: the routing matrix of a region under the active configuration and assumptions
//! (issue 7). A table (rows gemeenten, columns activity × verzoektype) or a map; a
//! combination check for activities submitted together; CSV export and a print view.
//! The matrix is built a few gemeenten per timer tick, so all 342 never freeze the page.

mod kaart;
mod matrix;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::domain::outcome::Named;
use crate::domain::rules::month_name;
use crate::domain::speelveld::{self, Column, Combined, Field, Region, Row};
use crate::domain::{
    Assumptions, Engine, Location, ScenarioDraft, SelectedActivity, Verzoektype,
};
use crate::geo::{omgevingsdiensten_on_map, GemeenteInfo, OdOnMap};
use crate::ui::browser::{self, now_ms};
use crate::ui::components::assumptions_form::bd_merge_text;
use crate::ui::context::use_app;
use crate::ui::forms::keep_value;
use crate::ui::i18n::Lang;
use crate::ui::state::{Action, Notice, Opened};
use crate::ui::view::View;

/// One computed gemeente: its cells and, when activities are combined, the check.
#[derive(Debug, PartialEq, Eq)]
pub struct RowData {
    pub row: Row,
    pub combined: Option<Result<Combined, String>>,
}

/// Work per tick before the page gets the thread back to draw. Drawing a gemeente's 33
/// buttons costs more than routing them, so while the shown page fills, a tick adds only a
/// few rows; after that only the progress bar changes.
const TICK_BUDGET_MS: f64 = 8.0;
const ROWS_PER_TICK: usize = 4;
/// Gemeenten per table page: a provincie (Noord-Brabant has 56) fits on one. A table of all
/// 342 at once costs the browser seconds of layout; the map shows them all.
const PAGE_SIZE: usize = 60;

/// The matrix being built: what for (`key`), what is left, what is done.
#[derive(Default)]
struct Job {
    key: String,
    field: Option<Field<'static>>,
    todo: Vec<&'static GemeenteInfo>,
    total: usize,
    rows: Vec<Rc<RowData>>,
    combine: Vec<String>,
    timer: Option<Timeout>,
    /// Time spent routing so far (not drawing), for the status line and the e2e figures.
    compute_ms: f64,
}

impl Job {
    /// Computes rows until the budget is spent; true when more remain.
    fn step(&mut self, columns: &[Column]) -> bool {
        let Some(field) = self.field.as_mut() else {
            return false;
        };
        let start = now_ms();
        let combine: Vec<&str> = self.combine.iter().map(String::as_str).collect();
        let cap = if self.rows.len() < PAGE_SIZE {
            ROWS_PER_TICK
        } else {
            usize::MAX
        };
        for _ in 0..cap {
            let Some(g) = self.todo.pop() else { break };
            let combined = (combine.len() >= 2)
                .then(|| field.combination(&g.id, &combine, Verzoektype::AanvraagVergunning));
            self.rows.push(Rc::new(RowData {
                row: field.row(g, columns),
                combined,
            }));
            if now_ms() - start > TICK_BUDGET_MS {
                break;
            }
        }
        self.compute_ms += now_ms() - start;
        !self.todo.is_empty()
    }
}

fn run(job: Rc<RefCell<Job>>, columns: Rc<Vec<Column>>, redraw: UseForceUpdateHandle) {
    let more = job.borrow_mut().step(&columns);
    if more {
        let next = {
            let job = job.clone();
            let redraw = redraw.clone();
            Timeout::new(0, move || run(job, columns, redraw))
        };
        job.borrow_mut().timer = Some(next);
    }
    redraw.force_update();
}

/// Colour classes per behandeldienst. An omgevingsdienst has the colour of the explainer's
/// map (`Geography::omgevingsdienst_colours`: 4 colours, neighbours differ), classes
/// `rw-sv-c0`–`c3`; any other behandeldienst (a veiligheidsregio, say) gets the next of
/// `c4`–`c7` in order of appearance. Colour is never the only cue: every cell writes the
/// behandeldienst's code, and the legend names each one.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Palette {
    slots: Vec<Named>,
}

const SLOTS: usize = 8;
/// The first class for behandeldiensten that are no omgevingsdienst.
const FIRST_OTHER: usize = 4;

/// The omgevingsdienst colouring (the map's table), read once.
fn od_colours() -> &'static [OdOnMap] {
    static COLOURS: std::sync::OnceLock<Vec<OdOnMap>> = std::sync::OnceLock::new();
    COLOURS.get_or_init(omgevingsdiensten_on_map)
}

impl Palette {
    fn from_rows(rows: &[Rc<RowData>]) -> Palette {
        let mut seen: Vec<Named> = Vec::new();
        let cells = rows.iter().flat_map(|r| &r.row.cells).flatten();
        for bd in cells.flat_map(|c| c.behandeldienst.iter().chain(&c.missed)) {
            if !seen.iter().any(|s| s.id == bd.id) {
                seen.push(bd.clone());
            }
        }
        Palette { slots: seen }
    }

    pub fn class(&self, bd: Option<&Named>) -> &'static str {
        const CLASSES: [&str; SLOTS] = [
            "rw-sv-c0", "rw-sv-c1", "rw-sv-c2", "rw-sv-c3", "rw-sv-c4", "rw-sv-c5", "rw-sv-c6",
            "rw-sv-c7",
        ];
        let Some(bd) = bd else { return "rw-sv-none" };
        let colour = |id: &str| od_colours().iter().find(|o| o.id == id).map(|o| o.colour);
        let slot = colour(&bd.id).map(usize::from).or_else(|| {
            let mut others = self.slots.iter().filter(|s| colour(&s.id).is_none());
            others.position(|s| s.id == bd.id).map(|i| i + FIRST_OTHER)
        });
        slot.and_then(|i| CLASSES.get(i))
            .copied()
            .unwrap_or("rw-sv-cx")
    }

    /// The legend: every behandeldienst present (by code), with its class, then "none".
    pub fn legend(&self, lang: Lang) -> Html {
        let mut present: Vec<&Named> = self.slots.iter().collect();
        present.sort_by(|a, b| a.id.cmp(&b.id));
        html! {
            <ul class="rw-sv-legend-list">
                { for present.into_iter().map(|bd| html! {
                    <li data-id={bd.id.clone()}><span class={classes!("rw-sv-swatch", self.class(Some(bd)))} aria-hidden="true"></span><strong>{ &bd.id }</strong>{ format!(" – {}", bd.name) }</li>
                }) }
                <li><span class="rw-sv-swatch rw-sv-none" aria-hidden="true"></span>{ lang.t("geen behandeldienst", "no behandeldienst") }</li>
                <li><span class="rw-sv-mark" aria-hidden="true">{ "!" }</span>{ lang.t("een geconfigureerde behandeldienst krijgt niets", "a configured behandeldienst gets nothing") }</li>
            </ul>
        }
    }
}

/// A short verzoektype for a narrow column head.
pub fn short_verzoektype(v: Verzoektype, lang: Lang) -> &'static str {
    match v {
        Verzoektype::AanvraagVergunning => lang.t("vergunning", "permit"),
        Verzoektype::Melding => lang.t("melding", "notification"),
        Verzoektype::Informatie => lang.t("informatie", "information"),
        Verzoektype::AanvraagMaatwerkvoorschrift => lang.t("maatwerk", "custom rule"),
        Verzoektype::AanvraagGelijkwaardigeMaatregel => {
            lang.t("gelijkw. (aanvraag)", "equivalent (request)")
        }
        Verzoektype::MeldingGelijkwaardigeMaatregel => {
            lang.t("gelijkw. (melding)", "equivalent (notice)")
        }
        Verzoektype::InformatieOngewoonVoorval => lang.t("ongewoon voorval", "incident"),
    }
}

/// The assumptions in words, for the screen and the printout.
fn assumptions_text(assumptions: &Assumptions, lang: Lang) -> String {
    format!(
        "{}: {} · {} · {}: {}",
        lang.t("Eén behandeldienst per verzoek", "One behandeldienst per verzoek"),
        bd_merge_text(assumptions.bd_merge, lang),
        assumptions.dso.label(lang),
        lang.t("Kopie aan het bevoegd gezag", "Copy to the bevoegd gezag"),
        if assumptions.bg_notified_when_bd {
            lang.t("ja", "yes")
        } else {
            lang.t("nee", "no")
        }
    )
}

fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let month = month_name(lang.code(), d.get_month() as usize + 1).unwrap_or("");
    format!("{} {month} {}", d.get_date(), d.get_full_year())
}

/// One case of the field (a gemeente and activities, no flags) as the explainer's scenario,
/// keeping the configuration and the assumptions of `draft`.
fn open_case(engine: &Engine, draft: &ScenarioDraft, case: Case) -> Action {
    let (gemeente, activities) = case;
    let activities = activities
        .into_iter()
        .map(|(activity, verzoektype)| SelectedActivity::new(activity, verzoektype))
        .collect();
    let scenario = draft.aimed(Location::Gemeente { gemeente }, activities);
    match Opened::new(engine, scenario.into()) {
        Ok(opened) => Action::Load(Box::new(opened)),
        Err(e) => Action::Notify(Notice::new(Lang::Nl, e)),
    }
}

/// A case to open: gemeente and activities with their verzoektype.
pub type Case = (String, Vec<(String, Verzoektype)>);

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Tabel,
    Kaart,
}

/// The user's choices on this page (kept while the page stays mounted).
#[derive(Clone)]
struct Choices {
    region_key: UseStateHandle<String>,
    picked_text: UseStateHandle<String>,
    group: UseStateHandle<String>,
    verzoektype: UseStateHandle<String>,
    combine: UseStateHandle<Vec<String>>,
    mode: UseStateHandle<Mode>,
    map_column: UseStateHandle<Option<usize>>,
    page: UseStateHandle<usize>,
}

#[hook]
fn use_choices() -> Choices {
    Choices {
        region_key: use_state(|| "omgevingsdienst:ODBN".to_string()),
        picked_text: use_state(String::new),
        group: use_state(String::new),
        verzoektype: use_state(String::new),
        combine: use_state(Vec::<String>::new),
        mode: use_state(|| Mode::Tabel),
        map_column: use_state(|| None::<usize>),
        page: use_state(|| 0usize),
    }
}

/// What the matrix build has done for the current key.
struct Progress {
    rows: Vec<Rc<RowData>>,
    total: usize,
    complete: bool,
    compute_ms: f64,
    config_name: Option<String>,
}

/// (Re)starts the build when region, configuration, assumptions or combination change
/// (`key`), and reports how far it is.
#[hook]
fn use_matrix(
    engine: Option<&'static Engine>,
    draft: ScenarioDraft,
    region: Region,
    choices: &Choices,
    columns: Rc<Vec<Column>>,
) -> Progress {
    let job = use_mut_ref(Job::default);
    let redraw = use_force_update();
    let settings =
        serde_json::to_string(&(&draft.configuration, &draft.assumptions)).unwrap_or_default();
    let key = format!("{}|{settings}|{}", region.key(), choices.combine.join("+"));
    {
        let job = job.clone();
        let combine = (*choices.combine).clone();
        let page = choices.page.clone();
        use_effect_with(key.clone(), move |key| {
            page.set(0);
            let Some(engine) = engine else {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            };
            let mut todo = region.gemeenten(engine);
            todo.reverse();
            *job.borrow_mut() = Job {
                key: key.clone(),
                total: todo.len(),
                field: Some(Field::from_draft(engine, &draft)),
                todo,
                combine,
                ..Job::default()
            };
            run(job.clone(), columns, redraw);
            Box::new(move || job.borrow_mut().timer = None)
        });
    }
    let job = job.borrow();
    let current = job.key == key;
    Progress {
        rows: if current {
            job.rows.clone()
        } else {
            Vec::new()
        },
        total: job.total,
        complete: current && job.todo.is_empty(),
        compute_ms: job.compute_ms,
        config_name: job.field.as_ref().and_then(Field::configuration_name),
    }
}

/// The columns shown under the group and verzoektype filters.
fn visible_columns(columns: &[Column], choices: &Choices) -> Rc<Vec<usize>> {
    let (group, verzoektype) = (&*choices.group, &*choices.verzoektype);
    Rc::new(
        columns
            .iter()
            .enumerate()
            .filter(|(_, c)| group.is_empty() || c.group.as_deref() == Some(group.as_str()))
            .filter(|(_, c)| verzoektype.is_empty() || c.verzoektype.as_str() == *verzoektype)
            .map(|(i, _)| i)
            .collect(),
    )
}

/// Until one is chosen, the map shows the first column where someone is behandeldienst.
fn map_column(rows: &[Rc<RowData>], columns: &[Column], chosen: Option<usize>) -> usize {
    chosen.unwrap_or_else(|| {
        (0..columns.len())
            .find(|&i| {
                rows.iter().any(|r| {
                    r.row
                        .cells
                        .get(i)
                        .is_some_and(|c| c.as_ref().is_ok_and(|c| c.behandeldienst.is_some()))
                })
            })
            .unwrap_or(0)
    })
}

/// Everything the page's parts draw from.
struct Page<'a> {
    engine: &'static Engine,
    lang: Lang,
    choices: &'a Choices,
    region: Region,
    unknown: Vec<String>,
    columns: Rc<Vec<Column>>,
    progress: Progress,
    assumptions: Assumptions,
    config_name: String,
    palette: Rc<Palette>,
    onopen: Callback<Case>,
    onnotify: Callback<String>,
}

#[function_component(Speelveld)]
pub fn speelveld_view() -> Html {
    let app = use_app();
    let engine = app.as_ref().map(|a| a.engine);
    let choices = use_choices();
    let columns = use_memo((), move |_| {
        engine.map(speelveld::columns).unwrap_or_default()
    });
    let region = Region::from_key(&choices.region_key).unwrap_or(Region::Nederland);
    let (picked, unknown) = engine.map_or_else(Default::default, |e| {
        speelveld::pick_gemeenten(e, &choices.picked_text)
    });
    let region = match region {
        Region::Gemeenten(_) => Region::Gemeenten(picked),
        other => other,
    };
    let draft = app
        .as_ref()
        .map(|a| a.state.draft.clone())
        .unwrap_or_default();
    let progress = use_matrix(
        engine,
        draft.clone(),
        region.clone(),
        &choices,
        columns.clone(),
    );
    // Stable while the draft is, so unchanged rows are not redrawn on every tick.
    let onopen = use_callback(
        (draft.clone(), app.clone().map(|a| (a.state, a.onview))),
        move |case: Case, (draft, app)| {
            if let (Some(engine), Some((state, onview))) = (engine, app) {
                state.dispatch(open_case(engine, draft, case));
                onview.emit(View::Verklaren);
            }
        },
    );
    let (Some(app), Some(engine)) = (app, engine) else {
        return Html::default();
    };
    let lang = app.state.lang;
    let state = app.state.clone();
    let page = Page {
        engine,
        lang,
        choices: &choices,
        region,
        unknown,
        config_name: progress.config_name.clone().unwrap_or_else(|| {
            lang.t("geen behandeldiensten", "no behandeldiensten")
                .to_string()
        }),
        palette: Rc::new(Palette::from_rows(&progress.rows)),
        columns,
        progress,
        assumptions: draft.assumptions,
        onopen,
        onnotify: Callback::from(move |m| state.dispatch(Action::Notify(Notice::new(Lang::Nl, m)))),
    };
    html! {
        <section class="rw-speelveld rw-view" aria-labelledby="rw-sv-title">
            { head(&page) }
            { controls(&page) }
            { results(&page) }
        </section>
    }
}

/// The title and what the field assumes (also on the printout).
fn head(p: &Page) -> Html {
    let (engine, lang, combine) = (p.engine, p.lang, &p.choices.combine);
    let (region_name, config_name) = (p.region.name(engine), &p.config_name);
    html! {
            <div class="rw-sv-head">
                <h2 id="rw-sv-title">{ format!("{}: ", View::Speelveld.label(lang)) }<span lang="nl">{ region_name }</span></h2>
                <dl class="rw-facts rw-sv-meta">
                    <dt>{ lang.t("Configuratie", "Configuration") }</dt><dd class="rw-sv-config">{ config_name }</dd>
                    <dt>{ lang.t("Aannames", "Assumptions") }</dt><dd>{ assumptions_text(&p.assumptions, lang) }</dd>
                    if combine.len() >= 2 {
                        <dt>{ lang.t("Combinatiecheck", "Combination check") }</dt>
                        <dd class="rw-sv-combined-names">{ format!("{} ({})", combine.iter().map(|id| engine.catalogue.activity(id).map_or(id.as_str(), |a| a.name.as_str())).collect::<Vec<_>>().join(" + "), Verzoektype::AanvraagVergunning.label()) }</dd>
                    }
                    <dt>{ lang.t("Datum", "Date") }</dt><dd>{ today(lang) }</dd>
                    <dt>{ lang.t("Cellen", "Cells") }</dt>{ key(lang) }
                </dl>
            </div>
    }
}

/// Region, filters, the combination check, and the actions (mode, export, print).
fn controls(p: &Page) -> Html {
    let (engine, lang, c) = (p.engine, p.lang, p.choices);
    let (region_key, group, verzoektype) = (&*c.region_key, &*c.group, &*c.verzoektype);
    let (combine, mode) = (&*c.combine, *c.mode);
    let unknown = &p.unknown;
    let complete = p.progress.complete;
    let select = keep_value::<Event>;
    let on_picked = keep_value::<Event>(&c.picked_text);
    let on_combine = |id: String| {
        let combine = c.combine.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let mut next: Vec<String> = (*combine).clone();
            next.retain(|x| x != &id);
            if on {
                next.push(id.clone());
            }
            combine.set(next);
        })
    };
    let on_export = {
        let rows = p.progress.rows.clone();
        let columns = p.columns.clone();
        let name = format!(
            "routewijzer-speelveld-{}.csv",
            p.region.key().replace([':', '+'], "-")
        );
        let onnotify = p.onnotify.clone();
        Callback::from(move |_| {
            let bytes = speelveld::csv(&columns, rows.iter().map(|r| &r.row));
            let text = String::from_utf8_lossy(&bytes);
            if let Err(m) = browser::offer_file(&name, "text/csv;charset=utf-8", &text) {
                onnotify.emit(m);
            }
        })
    };
    let on_print = Callback::from(|_| {
        let _ = gloo_utils::window().print();
    });
    let set_mode = |m: Mode| {
        let mode = c.mode.clone();
        Callback::from(move |_| mode.set(m))
    };
    let combinable = engine
        .catalogue
        .activities
        .iter()
        .filter(|a| a.allows(Verzoektype::AanvraagVergunning))
        .collect::<Vec<_>>();
    let is_picked = matches!(p.region, Region::Gemeenten(_));
    html! {
            <div class="rw-sv-controls">
                <div class="rw-field">
                    <label for="rw-sv-region">{ lang.t("Regio", "Region") }</label>
                    <select id="rw-sv-region" onchange={select(&c.region_key)}>
                        { for speelveld::regions(engine).into_iter().map(|(r, name)| {
                            let k = r.key();
                            html! { <option value={k.clone()} selected={*region_key == k}>{ name }</option> }
                        }) }
                        <option value="gemeenten:" selected={is_picked}>{ lang.t("Zelf gekozen gemeenten…", "Hand-picked gemeenten…") }</option>
                    </select>
                </div>
                if is_picked {
                    <div class="rw-field">
                        <label for="rw-sv-picked">{ lang.t("Gemeenten (namen of CBS-codes, met komma's ertussen)", "Gemeenten (names or CBS codes, separated by commas)") }</label>
                        <input id="rw-sv-picked" type="text" value={(*c.picked_text).clone()} onchange={on_picked} />
                        if !unknown.is_empty() {
                            <p class="rw-error" role="alert">{ format!("{}: {}", lang.t("Niet gevonden", "Not found"), unknown.join(", ")) }</p>
                        }
                    </div>
                }
                <div class="rw-field">
                    <label for="rw-sv-group">{ lang.t("Activiteitengroep", "Activity group") }</label>
                    <select id="rw-sv-group" onchange={select(&c.group)}>
                        <option value="" selected={group.is_empty()}>{ lang.t("alle groepen", "all groups") }</option>
                        { for engine.catalogue.groups.iter().map(|g| html! {
                            <option value={g.id.clone()} selected={*group == g.id}>{ &g.name }</option>
                        }) }
                    </select>
                </div>
                <div class="rw-field">
                    <label for="rw-sv-type">{ lang.t("Verzoektype", "Verzoektype") }</label>
                    <select id="rw-sv-type" onchange={select(&c.verzoektype)}>
                        <option value="" selected={verzoektype.is_empty()}>{ lang.t("alle verzoektypes", "all verzoektypes") }</option>
                        { for Verzoektype::ALL.iter().map(|v| html! {
                            <option value={v.as_str()} selected={*verzoektype == v.as_str()}>{ v.label() }</option>
                        }) }
                    </select>
                </div>
                <details class="rw-sv-combine" open={!combine.is_empty()}>
                    <summary>{ lang.t("Combinatiecheck: activiteiten samen in één aanvraag", "Combination check: activities together in one aanvraag") }</summary>
                    <fieldset>
                        <legend>{ lang.t("Kies twee of meer activiteiten (aanvraag vergunning)", "Choose two or more activities (aanvraag vergunning)") }</legend>
                        { for combinable.iter().map(|a| {
                            let id = format!("rw-sv-combine-{}", a.id);
                            html! {
                                <div class="rw-check">
                                    <input type="checkbox" id={id.clone()} data-activity={a.id.clone()} checked={combine.contains(&a.id)} onchange={on_combine(a.id.clone())} />
                                    <label for={id}>{ &a.name }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                </details>
                <div class="rw-sv-actions">
                    <div class="rw-sv-modes" role="group" aria-label={lang.t("Weergave van het speelveld", "Display of the overview")}>
                        <button type="button" class="nl-button nl-button--secondary" aria-pressed={(mode == Mode::Tabel).to_string()} onclick={set_mode(Mode::Tabel)}>{ lang.t("Tabel", "Table") }</button>
                        <button type="button" class="nl-button nl-button--secondary" aria-pressed={(mode == Mode::Kaart).to_string()} onclick={set_mode(Mode::Kaart)}>{ lang.t("Kaart", "Map") }</button>
                    </div>
                    <button type="button" class="nl-button nl-button--secondary" onclick={on_export} disabled={!complete}>{ lang.t("Exporteer CSV", "Export CSV") }</button>
                    <button type="button" class="nl-button nl-button--secondary" onclick={on_print} disabled={!complete}>{ lang.t("Afdrukken (A4 liggend)", "Print (A4 landscape)") }</button>
                </div>
            </div>
    }
}

/// What a cell says: "Gem ODBN 2" is bevoegd gezag, behandeldienst, verzoeknotificaties.
fn key(lang: Lang) -> Html {
    html! {
        <dd id="rw-sv-key" class="rw-sv-key">
            { lang.t("Elke cel: bevoegd gezag (Gem = het college van B&W van de gemeente, Prov = Gedeputeerde Staten, WS = het waterschap, anders de minister), behandeldienst (– = geen), aantal verzoeknotificaties.",
                "Each cell: bevoegd gezag (Gem = the gemeente's college van B&W, Prov = Gedeputeerde Staten, WS = the waterschap, otherwise the minister), behandeldienst (– = none), number of verzoeknotificaties.") }
        </dd>
    }
}

/// The progress line, the legend, and the map or the table (a page of it).
fn results(p: &Page) -> Html {
    let (lang, c, progress) = (p.lang, p.choices, &p.progress);
    let (rows, total, compute_ms) = (&progress.rows, progress.total, progress.compute_ms);
    let (done, complete, columns, palette) =
        (rows.len(), progress.complete, &p.columns, &p.palette);
    let (region, region_name, config_name) = (&p.region, p.region.name(p.engine), &p.config_name);
    let pages = done.max(total).div_ceil(PAGE_SIZE).max(1);
    let shown_page = (*c.page).min(pages - 1);
    let first = shown_page * PAGE_SIZE;
    let page_rows: Vec<Rc<RowData>> = rows.iter().skip(first).take(PAGE_SIZE).cloned().collect();
    let shown_column = map_column(rows, columns, *c.map_column);
    let visible = visible_columns(columns, c);
    let go = |to: usize| {
        let page = c.page.clone();
        Callback::from(move |_| page.set(to))
    };
    let (mode, map_column, combine, onopen) = (*c.mode, &c.map_column, &*c.combine, &p.onopen);
    html! {
        <>
            // The routing time is for the benchmarks (data-compute-ms), not for users.
            <p class="rw-sv-progress" role="status" data-compute-ms={complete.then(|| format!("{compute_ms:.0}"))}>
                if complete {
                    { format!("{} {} × {} {}.", done, lang.t("gemeenten", "gemeenten"), columns.len(), lang.t("combinaties van activiteit en verzoektype", "combinations of activity and verzoektype")) }
                } else {
                    <label for="rw-sv-progressbar">{ format!("{} {done} {} {total} {}", lang.t("Berekend:", "Computed:"), lang.t("van", "of"), lang.t("gemeenten", "gemeenten")) }</label>
                    <progress id="rw-sv-progressbar" max={total.to_string()} value={done.to_string()}></progress>
                }
            </p>
            <div class="rw-legend rw-sv-legend">
                <span class="rw-legend-title">{ lang.t("Behandeldienst (kleur):", "Behandeldienst (colour):") }</span>
                { palette.legend(lang) }
            </div>
            if mode == Mode::Kaart {
                <kaart::Kaart region={region.clone()} rows={rows.clone()} columns={columns.clone()} palette={palette.clone()}
                    column={shown_column} onselect={{ let m = map_column.clone(); Callback::from(move |i| m.set(Some(i))) }}
                    onopen={onopen.clone()} {lang} />
            } else {
                if pages > 1 {
                    <nav class="rw-sv-pages" aria-label={lang.t("Pagina's van de tabel", "Table pages")}>
                        <button type="button" class="nl-button nl-button--secondary" disabled={shown_page == 0} onclick={go(shown_page.saturating_sub(1))}>{ lang.t("Vorige", "Previous") }</button>
                        <span>{ format!("{} {}–{} {} {}", lang.t("Gemeenten", "Gemeenten"), first + 1, (first + PAGE_SIZE).min(total), lang.t("van", "of"), total) }</span>
                        <button type="button" class="nl-button nl-button--secondary" disabled={shown_page + 1 >= pages} onclick={go(shown_page + 1)}>{ lang.t("Volgende", "Next") }</button>
                    </nav>
                }
                <matrix::Matrix caption={format!("{} {region_name} — {config_name}", lang.t("Routering per gemeente, activiteit en verzoektype:", "Routing per gemeente, activity and verzoektype:"))}
                    rows={page_rows} columns={columns.clone()} {visible} palette={palette.clone()}
                    combine={(*combine).clone()} {onopen} {lang} />
            }
        </>
    }
}
