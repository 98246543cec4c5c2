//! The matrix table: sticky column heads and gemeente names, one button per cell that opens
//! the case in the explainer; with a combination, a "samen" column per gemeente. It is a
//! WAI-ARIA APG grid: one tab stop, the arrow keys (and Home, End, Page Up, Page Down) move
//! between the cells, and the focused cell's sentence is written out under the table.

use std::rc::Rc;

use yew::prelude::*;

use super::{short_verzoektype, Case, Palette, RowData};
use crate::domain::outcome::Named;
use crate::domain::speelveld::{Cell, Column, Combined};
use crate::domain::{Engine, OrgKind, Verzoektype};
use crate::ui::browser::focus;
use crate::ui::i18n::Lang;

/// The bevoegd gezag in a few letters: Gem, Prov, WS, or the minister's code.
fn bg_short(bg: &Named) -> String {
    let kind = Engine::bundled()
        .ok()
        .and_then(|e| e.organisations.get(&bg.id))
        .map(|o| o.kind);
    match kind {
        Some(OrgKind::Gemeente) => "Gem".to_string(),
        Some(OrgKind::Provincie) => "Prov".to_string(),
        Some(OrgKind::Waterschap) => "WS".to_string(),
        _ => bg.id.clone(),
    }
}

fn names(list: &[Named]) -> String {
    list.iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 verzoeknotificatie", "2 verzoeknotificaties" (the same word in both languages).
fn notifications(n: u32) -> String {
    format!("{n} verzoeknotificatie{}", if n == 1 { "" } else { "s" })
}

/// Everything a cell shows, in words: the button's description (`title`, read after its
/// visible name) and the map's accessible name.
pub fn cell_text(gemeente: &str, column: &Column, cell: &Cell, lang: Lang) -> String {
    let mut text = format!(
        "{gemeente}, {}, {}: {} {}; {} {}; {}",
        column.activity_name,
        column.verzoektype.label_in(lang),
        lang.t("bevoegd gezag", "bevoegd gezag"),
        cell.bevoegd_gezag.name,
        lang.t("behandeldienst", "behandeldienst"),
        cell.behandeldienst
            .as_ref()
            .map_or(lang.t("geen", "none"), |b| b.name.as_str()),
        notifications(cell.triggers),
    );
    if !cell.missed.is_empty() {
        text.push_str(&format!(
            "; {}: {}",
            lang.t(
                "krijgt niets, wel geconfigureerd",
                "gets nothing though configured"
            ),
            names(&cell.missed)
        ));
    }
    text
}

fn combined_text(gemeente: &str, combined: &Combined, lang: Lang) -> String {
    let mut text = format!(
        "{gemeente}, {}: {}, {}; {} {}",
        lang.t("samen in één aanvraag", "together in one aanvraag"),
        lang.count(combined.verzoeken, ("verzoek", "verzoek"), ("verzoeken", "verzoeken")),
        notifications(combined.triggers),
        lang.t("behandeldienst", "behandeldienst"),
        if combined.behandeldiensten.is_empty() {
            lang.t("geen", "none").to_string()
        } else {
            names(&combined.behandeldiensten)
        }
    );
    for m in &combined.missed {
        text.push_str(&format!(
            "; {} {} ({})",
            m.behandeldienst.name,
            lang.t(
                "krijgt het niet, wel geconfigureerd voor",
                "does not get it, though configured for"
            ),
            m.activity
        ));
    }
    text
}

/// Column heads may break only between the parts of a compound (soft hyphens), never
/// inside a part: "Omgevingsplan-activiteit", not "Omgevingspla nactiviteit".
fn breakable(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for (i, c) in name.char_indices() {
        let rest = name.get(i..).unwrap_or_default();
        let joins = i > 0 && name.get(..i).is_some_and(|b| b.ends_with(|p: char| p.is_alphabetic()));
        if joins && ["activiteit", "locatie", "werk"].iter().any(|part| rest.starts_with(part)) {
            out.push('\u{AD}');
        }
        out.push(c);
    }
    out
}

/// Arrow keys, Home, End, Page Up and Page Down move the focus between the cell buttons
/// (`data-r`, `data-c`); the cell focused last is the grid's one tab stop.
fn on_grid_key(e: KeyboardEvent) {
    let Some(cell) = e.target_dyn_into::<web_sys::Element>() else { return };
    let at = |name| cell.get_attribute(name).and_then(|v| v.parse::<i32>().ok());
    let (Some(r), Some(c)) = (at("data-r"), at("data-c")) else { return };
    let (dr, dc): (i32, i32) = match e.key().as_str() {
        "ArrowRight" => (0, 1),
        "ArrowLeft" => (0, -1),
        "ArrowDown" => (1, 0),
        "ArrowUp" => (-1, 0),
        "Home" => (0, -c),
        "End" => (0, 999),
        "PageDown" => (10, 0),
        "PageUp" => (-10, 0),
        _ => return,
    };
    e.prevent_default();
    let Some(grid) = cell.closest("table").ok().flatten() else { return };
    let find = |r: i32, c: i32| grid.query_selector(&format!("[data-r=\"{r}\"][data-c=\"{c}\"]")).ok().flatten();
    // Step by step towards the target, so a row or column end or an empty cell stops it.
    let (mut best, mut step) = (None, 1);
    while let Some(next) = find(r + dr.signum() * step.min(dr.abs()), c + dc.signum() * step.min(dc.abs())) {
        best = Some(next);
        if step >= dr.abs().max(dc.abs()) {
            break;
        }
        step += 1;
    }
    if let Some(next) = best {
        focus(next);
    }
}

/// The focused cell becomes the grid's tab stop.
fn on_grid_focus(e: FocusEvent) {
    let Some(cell) = e.target_dyn_into::<web_sys::Element>() else { return };
    if !cell.has_attribute("data-r") {
        return;
    }
    if let Some(grid) = cell.closest("table").ok().flatten() {
        if let Ok(stops) = grid.query_selector_all("[data-r][tabindex=\"0\"]") {
            for i in 0..stops.length() {
                if let Some(stop) = stops.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                    let _ = stop.set_attribute("tabindex", "-1");
                }
            }
        }
    }
    let _ = cell.set_attribute("tabindex", "0");
}

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub caption: String,
    pub rows: Vec<Rc<RowData>>,
    pub columns: Rc<Vec<Column>>,
    pub visible: Rc<Vec<usize>>,
    pub palette: Rc<Palette>,
    pub combine: Vec<String>,
    pub onopen: Callback<Case>,
    pub lang: Lang,
}

#[function_component(Matrix)]
pub fn matrix(props: &MatrixProps) -> Html {
    let lang = props.lang;
    let visible: Vec<&Column> = props
        .visible
        .iter()
        .filter_map(|&i| props.columns.get(i))
        .collect();
    // One head per run of columns of the same activity.
    let mut heads: Vec<(&Column, usize)> = Vec::new();
    for c in &visible {
        match heads.last_mut() {
            Some((last, n)) if last.activity == c.activity => *n += 1,
            _ => heads.push((c, 1)),
        }
    }
    let combining = props.combine.len() >= 2;
    let combine = Rc::new(props.combine.clone());
    let details = use_state(String::new);
    let onfocusin = {
        let details = details.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(title) = e.target_dyn_into::<web_sys::Element>().and_then(|c| c.get_attribute("title")) {
                details.set(title);
            }
            on_grid_focus(e);
        })
    };
    html! {
        <>
        <div class="rw-sv-scroll">
            <table class="rw-sv-table" role="grid" aria-describedby="rw-sv-key" onkeydown={Callback::from(on_grid_key)} {onfocusin}>
                <caption>{ &props.caption }</caption>
                <colgroup>
                    <col class="rw-sv-col-gemeente" />
                    if combining { <col class="rw-sv-col-combo" /> }
                    // An activity with one column gets a wider one: its name is the head.
                    { for heads.iter().flat_map(|(_, n)| std::iter::repeat_n(*n == 1, *n)).map(|wide| html! {
                        <col class={wide.then_some("rw-sv-col-wide")} />
                    }) }
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2" class="rw-sv-corner">{ lang.t("Gemeente", "Gemeente") }</th>
                        if combining {
                            <th scope="col" rowspan="2" class="rw-sv-combo-head">{ lang.t("Samen in één aanvraag", "Together in one aanvraag") }</th>
                        }
                        { for heads.iter().map(|(c, n)| html! {
                            <th scope="col" colspan={n.to_string()} class={classes!("rw-sv-activity", (*n == 1).then_some("rw-sv-narrow"))}>
                                <span lang="nl">{ breakable(&c.activity_name) }</span>
                            </th>
                        }) }
                    </tr>
                    <tr>
                        { for visible.iter().map(|c| html! {
                            <th scope="col" class="rw-sv-type" title={c.verzoektype.label()}><span>{ short_verzoektype(c.verzoektype, lang) }</span></th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().enumerate().map(|(r, row)| html! {
                        <MatrixRow key={row.row.gemeente.id.clone()} index={r} row={row.clone()} columns={props.columns.clone()}
                            visible={props.visible.clone()} palette={props.palette.clone()} combine={combine.clone()}
                            onopen={props.onopen.clone()} {lang} />
                    }) }
                </tbody>
            </table>
        </div>
        <p class="rw-sv-details">{ if details.is_empty() {
            lang.t("Ga met Tab naar de tabel en met de pijltjestoetsen door de cellen; Enter opent het geval in Verklaren.",
                "Tab to the table and move through the cells with the arrow keys; Enter opens the case in Explain.").to_string()
        } else { (*details).clone() } }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    /// The row's place on the page (the grid's row number).
    index: usize,
    row: Rc<RowData>,
    columns: Rc<Vec<Column>>,
    visible: Rc<Vec<usize>>,
    palette: Rc<Palette>,
    combine: Rc<Vec<String>>,
    onopen: Callback<Case>,
    lang: Lang,
}

/// One gemeente. Its own component, so a new row or a redraw does not rebuild the others.
#[function_component(MatrixRow)]
fn matrix_row(props: &RowProps) -> Html {
    let lang = props.lang;
    let r = props.index;
    // The first cell is the grid's tab stop until another is focused.
    let tabindex = |c: usize| if r == 0 && c == 0 { "0" } else { "-1" };
    let gemeente = &props.row.row.gemeente;
    let missing = matches!(&props.row.combined, Some(Ok(c)) if !c.missed.is_empty());
    let open = |activities: Vec<(String, Verzoektype)>| {
        let onopen = props.onopen.clone();
        let id = gemeente.id.clone();
        Callback::from(move |_| onopen.emit((id.clone(), activities.clone())))
    };
    let combo = props.row.combined.as_ref().map(|result| match result {
        Ok(c) => {
            let activities = props
                .combine
                .iter()
                .map(|a| (a.clone(), Verzoektype::AanvraagVergunning))
                .collect();
            let shown = if c.missed.is_empty() {
                c.behandeldiensten.first().map_or("–".to_string(), |b| b.id.clone())
            } else {
                format!(
                    "! {} {}",
                    lang.t("mist", "misses"),
                    c.missed
                        .iter()
                        .map(|m| m.behandeldienst.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let label = combined_text(&gemeente.name, c, lang);
            html! {
                <td class="rw-sv-combo">
                    <button type="button" class={classes!("rw-sv-cell", missing.then_some("rw-sv-alert"))}
                        data-gemeente={gemeente.id.clone()} data-missed={missing.to_string()}
                        data-r={r.to_string()} data-c="0" tabindex={tabindex(0)}
                        title={label} onclick={open(activities)}>
                        <span>{ shown }</span><span class="rw-sv-triggers">{ c.triggers }</span>
                    </button>
                </td>
            }
        }
        Err(message) => html! { <td class="rw-sv-combo"><span title={message.clone()}>{ "n.v.t." }</span></td> },
    });
    let offset = usize::from(combo.is_some());
    html! {
        <tr>
            <th scope="row" class="rw-sv-gemeente">{ &gemeente.name }</th>
            { for combo }
            { for props.visible.iter().filter_map(|&i| Some((props.columns.get(i)?, props.row.row.cells.get(i)?))).enumerate().map(|(n, (column, cell))| {
                let c = n + offset;
                let Ok(cell) = cell else {
                    let why = cell.as_ref().err().cloned().unwrap_or_default();
                    return html! { <td class="rw-sv-na"><span title={why}>{ "n.v.t." }</span></td> };
                };
                let highlighted = missing && column.verzoektype == Verzoektype::AanvraagVergunning
                    && props.combine.contains(&column.activity);
                let label = cell_text(&gemeente.name, column, cell, lang);
                html! {
                    <td>
                        <button type="button" class={classes!("rw-sv-cell", props.palette.class(cell.behandeldienst.as_ref()), highlighted.then_some("rw-sv-alert"))}
                            data-gemeente={gemeente.id.clone()} data-activity={column.activity.clone()} data-verzoektype={column.verzoektype.as_str()}
                            data-r={r.to_string()} data-c={c.to_string()} tabindex={tabindex(c)}
                            title={label}
                            onclick={open(vec![(column.activity.clone(), column.verzoektype)])}>
                            <span class="rw-sv-bg">{ bg_short(&cell.bevoegd_gezag) }</span>
                            <span class="rw-sv-bd">{ cell.behandeldienst.as_ref().map_or("–", |b| b.id.as_str()) }</span>
                            <span class="rw-sv-triggers">{ cell.triggers }</span>
                            if !cell.missed.is_empty() { <span class="rw-sv-mark" aria-hidden="true">{ "!" }</span> }
                        </button>
                    </td>
                }
            }) }
        </tr>
    }
}
