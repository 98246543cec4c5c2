//! The matrix table: sticky column heads and gemeente names, one button per cell that opens
//! the case in the explainer; with a combination, a "samen" column per gemeente.

use std::rc::Rc;

use yew::prelude::*;

use super::{short_verzoektype, Case, Palette, RowData};
use crate::domain::outcome::Named;
use crate::domain::speelveld::{Cell, Column, Combined};
use crate::domain::{Engine, OrgKind, Verzoektype};
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

/// Everything a cell shows, in words: the button's description (`title`, read after its
/// visible name) and the map's accessible name.
pub fn cell_text(gemeente: &str, column: &Column, cell: &Cell, lang: Lang) -> String {
    let mut text = format!(
        "{gemeente}, {}, {}: {} {}; {} {}; {} {}",
        column.activity_name,
        column.verzoektype.label(),
        lang.t("bevoegd gezag", "bevoegd gezag"),
        cell.bevoegd_gezag.name,
        lang.t("behandeldienst", "behandeldienst"),
        cell.behandeldienst
            .as_ref()
            .map_or(lang.t("geen", "none"), |b| b.name.as_str()),
        cell.triggers,
        lang.t("triggers", "triggers"),
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
        "{gemeente}, {}: {} {}, {} {}; {} {}",
        lang.t("samen in één aanvraag", "together in one aanvraag"),
        combined.verzoeken,
        lang.t("verzoek(en)", "verzoek(en)"),
        combined.triggers,
        lang.t("triggers", "triggers"),
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
    html! {
        <div class="rw-sv-scroll">
            <table class="rw-sv-table">
                <caption>{ &props.caption }</caption>
                <colgroup>
                    <col class="rw-sv-col-gemeente" />
                    if combining { <col class="rw-sv-col-combo" /> }
                    { for visible.iter().map(|_| html! { <col /> }) }
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2" class="rw-sv-corner">{ lang.t("Gemeente", "Gemeente") }</th>
                        if combining {
                            <th scope="col" rowspan="2" class="rw-sv-combo-head">{ lang.t("Samen in één aanvraag", "Together in one aanvraag") }</th>
                        }
                        { for heads.iter().map(|(c, n)| html! {
                            <th scope="col" colspan={n.to_string()} class={classes!("rw-sv-activity", (*n == 1).then_some("rw-sv-narrow"))}>
                                <span>{ &c.activity_name }</span>
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
                    { for props.rows.iter().map(|row| html! {
                        <MatrixRow key={row.row.gemeente.id.clone()} row={row.clone()} columns={props.columns.clone()}
                            visible={props.visible.clone()} palette={props.palette.clone()} combine={combine.clone()}
                            onopen={props.onopen.clone()} {lang} />
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
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
                        title={label} onclick={open(activities)}>
                        <span>{ shown }</span><span class="rw-sv-triggers">{ c.triggers }</span>
                    </button>
                </td>
            }
        }
        Err(message) => html! { <td class="rw-sv-combo"><span title={message.clone()}>{ "n.v.t." }</span></td> },
    });
    html! {
        <tr>
            <th scope="row" class="rw-sv-gemeente">{ &gemeente.name }</th>
            { for combo }
            { for props.visible.iter().filter_map(|&i| Some((props.columns.get(i)?, props.row.row.cells.get(i)?))).map(|(column, cell)| {
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
