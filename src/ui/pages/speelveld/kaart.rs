//! Map mode: the region's gemeenten coloured by who receives one activity × verzoektype.
//! Every gemeente is focusable and opens its case on Enter or click; the details of the
//! hovered or focused gemeente are written out below the map (the table is the full text
//! alternative).

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::matrix::cell_text;
use super::{short_verzoektype, Case, Palette, RowData};
use crate::domain::speelveld::{Column, Region};
use crate::domain::Engine;
use crate::geo::{Layer, SvgMap};
use crate::ui::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct KaartProps {
    pub region: Region,
    pub rows: Vec<Rc<RowData>>,
    pub columns: Rc<Vec<Column>>,
    pub palette: Rc<Palette>,
    pub column: usize,
    pub onselect: Callback<usize>,
    pub onopen: Callback<Case>,
    pub lang: Lang,
}

fn region_paths(region: &Region) -> SvgMap {
    let Ok(engine) = Engine::bundled() else {
        return SvgMap {
            view_box: [0.0; 4],
            paths: Vec::new(),
        };
    };
    let gemeenten = region.gemeenten(engine);
    let ids: Vec<&str> = gemeenten.iter().map(|g| g.id.as_str()).collect();
    // Coarser for the whole country; a region gets more detail.
    let tolerance = if ids.len() > 100 { 60.0 } else { 20.0 };
    engine
        .geography()
        .svg_paths(Layer::Gemeenten, Some(&ids), tolerance)
}

#[function_component(Kaart)]
pub fn kaart(props: &KaartProps) -> Html {
    let lang = props.lang;
    let paths = use_memo(props.region.clone(), region_paths);
    let active = use_state(|| None::<String>);
    let column = props.columns.get(props.column);
    let by_id: HashMap<&str, &RowData> = props
        .rows
        .iter()
        .map(|r| (r.row.gemeente.id.as_str(), r.as_ref()))
        .collect();
    let describe = |id: &str, name: &str| -> String {
        let cell = by_id.get(id).and_then(|r| r.row.cells.get(props.column));
        match (cell, column) {
            (Some(Ok(cell)), Some(column)) => cell_text(name, column, cell, lang),
            (Some(Err(message)), _) => format!("{name}: {message}"),
            _ => format!(
                "{name}: {}",
                lang.t("nog niet berekend", "not computed yet")
            ),
        }
    };
    let onchange = {
        let onselect = props.onselect.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Ok(i) = s.value().parse::<usize>() {
                    onselect.emit(i);
                }
            }
        })
    };
    let details = active
        .as_ref()
        .and_then(|id| paths.paths.iter().find(|p| &p.id == id))
        .map(|p| describe(&p.id, &p.name));
    html! {
        <figure class="rw-sv-kaart">
            <div class="rw-field">
                <label for="rw-sv-column">{ lang.t("Activiteit en verzoektype op de kaart", "Activity and verzoektype on the map") }</label>
                <select id="rw-sv-column" {onchange}>
                    { for props.columns.iter().enumerate().map(|(i, c)| html! {
                        <option value={i.to_string()} selected={i == props.column}>
                            { format!("{} – {}", c.activity_name, short_verzoektype(c.verzoektype, lang)) }
                        </option>
                    }) }
                </select>
            </div>
            <svg class="rw-sv-map" viewBox={paths.view_box_attr()} role="group"
                aria-label={lang.t("Kaart van de regio; elke gemeente is een knop die het geval opent in Verklaren. De tabel geeft dezelfde gegevens als tekst.",
                    "Map of the region; each gemeente is a button that opens the case in Explain. The table gives the same data as text.")}>
                { for paths.paths.iter().map(|p| {
                    let cell = by_id.get(p.id.as_str()).and_then(|r| r.row.cells.get(props.column)).and_then(|c| c.as_ref().ok());
                    let class = cell.map_or("rw-sv-pending", |c| props.palette.class(c.behandeldienst.as_ref()));
                    let missed = cell.is_some_and(|c| !c.missed.is_empty());
                    let label = describe(&p.id, &p.name);
                    let case = column.map(|c| (p.id.clone(), vec![(c.activity.clone(), c.verzoektype)]));
                    let onclick = {
                        let onopen = props.onopen.clone();
                        let case = case.clone();
                        Callback::from(move |_: MouseEvent| if let Some(c) = &case { onopen.emit(c.clone()) })
                    };
                    let onkeydown = {
                        let onopen = props.onopen.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            if matches!(e.key().as_str(), "Enter" | " ") {
                                e.prevent_default();
                                if let Some(c) = &case { onopen.emit(c.clone()) }
                            }
                        })
                    };
                    let show = {
                        let active = active.clone();
                        let id = p.id.clone();
                        Callback::from(move |_: FocusEvent| active.set(Some(id.clone())))
                    };
                    let hover = {
                        let active = active.clone();
                        let id = p.id.clone();
                        Callback::from(move |_: MouseEvent| active.set(Some(id.clone())))
                    };
                    html! {
                        <path d={p.d.clone()} class={classes!("rw-sv-area", class, missed.then_some("rw-sv-area-missed"))}
                            data-id={p.id.clone()} tabindex="0" role="button" aria-label={label}
                            {onclick} {onkeydown} onfocus={show} onmouseenter={hover} />
                    }
                }) }
            </svg>
            <figcaption>
                <p class="rw-sv-details" aria-live="polite">
                    { details.unwrap_or_else(|| lang.t("Wijs een gemeente aan of ga er met Tab naartoe voor de details.",
                        "Point at a gemeente or Tab to it for its details.").to_string()) }
                </p>
            </figcaption>
        </figure>
    }
}
