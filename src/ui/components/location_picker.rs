//! Choosing the location without the map: a gemeente search (with former names) that
//! follows the WAI-ARIA APG combobox pattern (list autocomplete with automatic selection:
//! typing opens the list with the first hit active, the arrows move, Enter chooses, Escape
//! closes the list and then clears the field; focus stays in the field), and a coordinates
//! field (RD or WGS84) whose error is tied to it.

use yew::prelude::*;

use crate::domain::Location;
use crate::geo::{parse_coordinates, Geography, MatchKind, SearchHit};
use crate::ui::forms::keep_value;
use crate::ui::i18n::Lang;
use crate::ui::state::round6;

#[derive(Properties, PartialEq)]
pub struct LocationPickerProps {
    pub onplace: Callback<Location>,
    pub lang: Lang,
}

/// The search field's text, whether its list is open, and the active hit.
#[derive(Clone, Default, PartialEq)]
struct Search {
    query: String,
    open: bool,
    active: usize,
}

/// What a key does in the search field, given the number of hits: the next state, and
/// the hit to choose (Enter).
fn on_key(key: &str, s: &Search, hits: usize) -> Option<(Search, Option<usize>)> {
    let next = |active| Search {
        open: true,
        active,
        ..s.clone()
    };
    Some(match key {
        "ArrowDown" if hits > 0 => (next(if s.open { (s.active + 1) % hits } else { 0 }), None),
        "ArrowUp" if hits > 0 => (next(if s.open { (s.active + hits - 1) % hits } else { hits - 1 }), None),
        "Enter" if s.open && hits > 0 => (s.clone(), Some(s.active.min(hits - 1))),
        "Escape" if s.open => (Search { open: false, ..s.clone() }, None),
        "Escape" => (Search::default(), None),
        _ => return None,
    })
}

/// The hit as the list shows it: the name that matched, with the gemeente it is now.
fn hit_label(hit: &SearchHit, lang: Lang) -> String {
    match hit.kind {
        MatchKind::Name => hit.name.clone(),
        MatchKind::Alias => format!("{} ({})", hit.matched, hit.name),
        MatchKind::Former => format!("{} ({} {})", hit.matched, lang.t("voormalige gemeente, nu", "former gemeente, now"), hit.name),
        MatchKind::FormerPart => format!("{} ({} {})", hit.matched, lang.t("voormalige gemeente, nu deels", "former gemeente, now partly"), hit.name),
    }
}

#[function_component(LocationPicker)]
pub fn location_picker(props: &LocationPickerProps) -> Html {
    let search = use_state(Search::default);
    let coords = use_state(String::new);
    let coord_error = use_state(|| None::<String>);
    let lang = props.lang;

    let hits = Geography::bundled().search(&search.query, 8);
    let choose = {
        let (search, onplace) = (search.clone(), props.onplace.clone());
        move |hit: &SearchHit| {
            onplace.emit(Location::Gemeente {
                gemeente: hit.id.clone(),
            });
            search.set(Search {
                query: hit.name.clone(),
                ..Search::default()
            });
        }
    };
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let query = input.value();
                let open = !query.trim().is_empty();
                search.set(Search { query, open, active: 0 });
            }
        })
    };
    let onkeydown = {
        let (search, hits, choose) = (search.clone(), hits.clone(), choose.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some((next, chosen)) = on_key(&e.key(), &search, hits.len()) else {
                return;
            };
            e.prevent_default();
            match chosen.and_then(|i| hits.get(i)) {
                Some(hit) => choose(hit),
                None => search.set(next),
            }
        })
    };
    let onblur = {
        let search = search.clone();
        Callback::from(move |_: FocusEvent| {
            if search.open {
                search.set(Search { open: false, ..(*search).clone() });
            }
        })
    };
    let oncoords = keep_value::<InputEvent>(&coords);
    let onsubmit = {
        let coords = coords.clone();
        let coord_error = coord_error.clone();
        let onplace = props.onplace.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_coordinates(&coords) {
                Ok(point) => {
                    coord_error.set(None);
                    onplace.emit(Location::LonLat {
                        lon: round6(point.lon),
                        lat: round6(point.lat),
                    });
                }
                Err(error) => coord_error.set(Some(error.to_string())),
            }
        })
    };
    let expanded = search.open && !hits.is_empty();
    let active = search.active.min(hits.len().saturating_sub(1));
    let status = match (search.open, hits.len()) {
        (false, _) => String::new(),
        (true, 0) => lang.t("Geen gemeente gevonden.", "No gemeente found.").to_string(),
        (true, n) => lang.count(n, ("gemeente gevonden", "gemeente found"), ("gemeenten gevonden", "gemeenten found")),
    };

    html! {
        <div class="rw-location-picker">
            <div class="rw-field rw-combobox">
                <label for="rw-gemeente-search">{ lang.t("Zoek een gemeente (ook oude namen)", "Find a gemeente (former names too)") }</label>
                <input id="rw-gemeente-search" type="text" autocomplete="off" spellcheck="false" value={search.query.clone()}
                    role="combobox" aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls="rw-gemeente-hits"
                    aria-activedescendant={expanded.then(|| format!("rw-hit-{active}"))} aria-describedby="rw-gemeente-status"
                    {oninput} {onkeydown} {onblur}
                    placeholder={lang.t("bijv. Oss, Den Bosch, Uden", "e.g. Oss, Den Bosch, Uden")} />
                <ul id="rw-gemeente-hits" class="rw-hits" role="listbox" aria-label={lang.t("Gemeenten", "Gemeenten")} hidden={!expanded}>
                    { for hits.iter().enumerate().map(|(i, hit)| {
                        let onclick = { let (choose, hit) = (choose.clone(), hit.clone()); Callback::from(move |_| choose(&hit)) };
                        // Keeps the focus in the field while a hit is clicked.
                        let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());
                        html! {
                            <li id={format!("rw-hit-{i}")} role="option" class="rw-hit" data-id={hit.id.clone()}
                                aria-selected={(i == active).to_string()} {onclick} {onmousedown}>{ hit_label(hit, lang) }</li>
                        }
                    }) }
                </ul>
                <p id="rw-gemeente-status" class="rw-hint" role="status">{ status }</p>
            </div>
            <form class="rw-field" {onsubmit}>
                <label for="rw-coordinates">{ lang.t("Of typ coördinaten (RD of WGS84)", "Or type coordinates (RD or WGS84)") }</label>
                <div class="rw-inline">
                    <input id="rw-coordinates" type="text" value={(*coords).clone()} oninput={oncoords}
                        placeholder="155000 463000 · 51.765, 5.528" aria-invalid={coord_error.is_some().to_string()}
                        aria-describedby="rw-coordinates-error" />
                    <button type="submit" class="nl-button nl-button--secondary">{ lang.t("Plaats", "Place") }</button>
                </div>
                <p id="rw-coordinates-error" class="rw-error" role="alert" lang="nl">{ (*coord_error).clone().unwrap_or_default() }</p>
            </form>
        </div>
    }
}
