//! One table per bevoegd gezag, filters, and the editing of entries.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::configuration::draft::{Diagnostic, Draft, DraftEntry, Severity};
use crate::domain::{Engine, OrgKind, Verzoektype};
use crate::geo::{GemeenteInfo, Geography};
use crate::ui::context::use_app;
use crate::ui::i18n::Lang;

type OnChange = Callback<(Draft, Option<(usize, &'static str)>)>;

/// Entries shown at first, and more per click: a configuration of thousands of entries (an
/// import, a stored draft) opens without drawing them all.
const PAGE: usize = 25;
/// Entries drawn per frame until the shown ones are all there: a row with its selects costs
/// the browser a few milliseconds of layout, so a page of them is spread over frames.
const STEP: usize = 5;
/// Diagnostics listed in the summary above the tables; the rest are counted.
const SUMMARY: usize = 10;

#[derive(Properties, PartialEq)]
pub struct MetaProps {
    pub draft: Rc<Draft>,
    pub onchange: OnChange,
    pub lang: Lang,
}

/// Name and description of a user configuration.
#[function_component(Meta)]
pub fn meta(props: &MetaProps) -> Html {
    let lang = props.lang;
    let field = |set: fn(&mut Draft, String), key: &'static str| {
        let draft = props.draft.clone();
        let onchange = props.onchange.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = input_value(&e) {
                let mut d = Draft::clone(&draft);
                set(&mut d, v);
                onchange.emit((d, Some((usize::MAX, key))));
            }
        })
    };
    html! {
        <div class="rw-config-meta">
            <div class="rw-field">
                <label for="rw-cfg-name">{ lang.t("Naam", "Name") }</label>
                <input id="rw-cfg-name" type="text" value={props.draft.name.clone()} oninput={field(|d, v| d.name = v, "name")} />
            </div>
            <div class="rw-field">
                <label for="rw-cfg-description">{ lang.t("Beschrijving", "Description") }</label>
                <textarea id="rw-cfg-description" value={props.draft.description.clone()} oninput={field(|d, v| d.description = v, "description")} />
            </div>
        </div>
    }
}

fn input_value(e: &InputEvent) -> Option<String> {
    let target = e.target()?;
    use wasm_bindgen::JsCast;
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    target
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    /// Shared, so the callbacks of every cell hold the draft without copying it; a copy is
    /// made only when a cell changes.
    pub draft: Rc<Draft>,
    pub editable: bool,
    /// Sorted by entry (`Draft::check`), shared.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub onchange: OnChange,
    pub lang: Lang,
}

/// How many entries to draw now: STEP at first, STEP more each frame up to `limit`.
#[hook]
fn use_drawn(limit: usize) -> usize {
    let drawn = use_state(|| STEP);
    {
        let handle = drawn.clone();
        use_effect_with((*drawn, limit), move |&(now, limit)| {
            let timer = (now < limit).then(|| {
                gloo_timers::callback::Timeout::new(0, move || handle.set(now + STEP))
            });
            move || drop(timer)
        });
    }
    *drawn
}

#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    let lang = props.lang;
    let gemeente_query = use_state(String::new);
    let bd_filter = use_state(String::new);
    let limit = use_state(|| PAGE);
    let drawn_limit = use_drawn(*limit);
    // The entry just added is shown, though it lies beyond the entries shown so far.
    let added = use_state(|| None::<usize>);
    let Some(engine) = use_app().map(|app| app.engine) else {
        return Html::default();
    };
    let geo = Geography::bundled();
    let gemeente = geo
        .search(&gemeente_query, 1)
        .first()
        .and_then(|h| geo.gemeente(&h.id));
    let mut bds: Vec<&str> = props
        .draft
        .entries
        .iter()
        .map(|e| e.behandeldienst.as_str())
        .collect();
    bds.sort_unstable();
    bds.dedup();

    let keep = |e: &DraftEntry| {
        gemeente.is_none_or(|g| applies_in(e, g, engine))
            && (bd_filter.is_empty() || e.behandeldienst == *bd_filter)
    };
    let (groups, matching) = group_entries(&props.draft, keep, (*limit).min(drawn_limit), *added);
    let onmore = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let ongemeente = {
        let q = gemeente_query.clone();
        Callback::from(move |e: InputEvent| q.set(input_value(&e).unwrap_or_default()))
    };
    let onbd = {
        let f = bd_filter.clone();
        Callback::from(move |e: Event| f.set(select_value(&e).unwrap_or_default()))
    };
    let onadd = {
        let draft = props.draft.clone();
        let onchange = props.onchange.clone();
        let added = added.clone();
        Callback::from(move |_| {
            let mut d = Draft::clone(&draft);
            added.set(Some(d.entries.len()));
            d.entries.push(super::new_entry(&draft));
            onchange.emit((d, None));
        })
    };
    let shown_count = matching;
    // Shown: what the user asked for (drawing may still be catching up, a few per frame).
    let shown = matching.min(*limit);

    html! {
        <section class="rw-config-tables" aria-labelledby="rw-h-entries">
            <h3 id="rw-h-entries">{ format!("{} ({} / {})", lang.t("Instellingen", "Settings"), shown_count, props.draft.entries.len()) }</h3>
            { problems_status(&props.diagnostics, lang) }
            <div class="rw-config-filters">
                <div class="rw-field">
                    <label for="rw-cfg-filter-gemeente">{ lang.t("Alles voor gemeente", "Everything for gemeente") }</label>
                    <input id="rw-cfg-filter-gemeente" type="search" value={(*gemeente_query).clone()} oninput={ongemeente} />
                    if let Some(g) = gemeente {
                        <span class="rw-muted">{ format!("{} ({})", g.name, g.id) }</span>
                    }
                </div>
                <div class="rw-field">
                    <label for="rw-cfg-filter-bd">{ lang.t("Alles naar behandeldienst", "Everything to behandeldienst") }</label>
                    <select id="rw-cfg-filter-bd" onchange={onbd}>
                        <option value="" selected={bd_filter.is_empty()}>{ lang.t("alle", "all") }</option>
                        { for bds.iter().map(|bd| html! {
                            <option value={bd.to_string()} selected={*bd_filter == *bd}>{ org_label(engine, bd) }</option>
                        }) }
                    </select>
                </div>
            </div>
            { summary(&props.diagnostics, lang) }
            if props.editable {
                <datalist id="rw-cfg-orgs">
                    { for engine.organisations.all().into_iter().filter(|o| matches!(o.kind, OrgKind::Omgevingsdienst | OrgKind::Veiligheidsregio | OrgKind::Provincie | OrgKind::Waterschap | OrgKind::Minister)).map(|o| html! {
                        <option value={o.id.clone()}>{ o.display_name() }</option>
                    }) }
                </datalist>
            }
            { for groups.iter().map(|(bg, rows)| html! {
                <table class="rw-config-table">
                    <caption>{ engine.organisations.get(bg).map_or_else(|| format!("{} '{bg}'", lang.t("Onbekend bevoegd gezag", "Unknown bevoegd gezag")), |o| format!("{} ({bg})", o.bg_name())) }</caption>
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        if props.editable { <th scope="col">{ lang.t("Bevoegd gezag", "Bevoegd gezag") }</th> }
                        <th scope="col">{ lang.t("Activiteit of groep", "Activity or group") }</th>
                        <th scope="col">{ lang.t("Verzoektype", "Verzoektype") }</th>
                        <th scope="col">{ lang.t("Gemeenten", "Gemeenten") }</th>
                        <th scope="col">{ lang.t("Behandeldienst", "Behandeldienst") }</th>
                        if props.editable {
                            <th scope="col">{ lang.t("Voorwaarde op inhoud", "Condition on content") }</th>
                            <th scope="col">{ lang.t("Actie", "Action") }</th>
                        }
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|&(i, e)| row(props, engine, i, e)) }
                    </tbody>
                </table>
            }) }
            if shown < matching {
                <p class="rw-config-more">
                    { format!("{} {shown} {} {matching} {}. ", lang.t("Getoond:", "Shown:"), lang.t("van", "of"), lang.t("instellingen", "settings")) }
                    <button type="button" class="rw-button" onclick={onmore}>{ format!("{} {}", lang.t("Toon nog", "Show"), PAGE.min(matching - shown)) }</button>
                </p>
            }
            if props.editable {
                <button type="button" class="nl-button nl-button--secondary" onclick={onadd}>{ lang.t("Instelling toevoegen", "Add a setting") }</button>
            }
        </section>
    }
}

type Groups<'a> = Vec<(String, Vec<(usize, &'a DraftEntry)>)>;

/// Entries by bevoegd gezag, in order of first appearance, with their index: the first
/// `limit` that `keep` lets through, and entry `always` too (the one just added, wherever it
/// falls); and how many it lets through in all.
fn group_entries(
    draft: &Draft,
    keep: impl Fn(&DraftEntry) -> bool,
    limit: usize,
    always: Option<usize>,
) -> (Groups<'_>, usize) {
    let mut groups: Groups = Vec::new();
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut matching = 0usize;
    for (i, e) in draft.entries.iter().enumerate() {
        if !keep(e) {
            continue;
        }
        matching += 1;
        if matching > limit && always != Some(i) {
            continue;
        }
        let g = *group_of.entry(e.bevoegd_gezag.as_str()).or_insert_with(|| {
            groups.push((e.bevoegd_gezag.clone(), Vec::new()));
            groups.len() - 1
        });
        if let Some((_, list)) = groups.get_mut(g) {
            list.push((i, e));
        }
    }
    (groups, matching)
}

/// True when entry `e` can apply to a verzoek in gemeente `g`: it lists `g`, or it covers
/// everywhere and its bevoegd gezag's area holds `g` (a waterschap or minister: always).
fn applies_in(e: &DraftEntry, g: &GemeenteInfo, engine: &Engine) -> bool {
    if !e.gemeenten.is_empty() {
        return e.gemeenten.contains(&g.id);
    }
    match engine.organisations.get(&e.bevoegd_gezag).map(|o| o.kind) {
        Some(OrgKind::Gemeente) => e.bevoegd_gezag == g.id,
        Some(OrgKind::Provincie) => e.bevoegd_gezag == g.provincie.id,
        _ => true,
    }
}

fn org_label(engine: &Engine, id: &str) -> String {
    engine.organisations.get(id).map_or_else(
        || id.to_string(),
        |o| format!("{} ({id})", o.display_name()),
    )
}

fn activity_label(engine: &Engine, id: &str) -> String {
    engine
        .catalogue
        .activity(id)
        .map(|a| a.name.clone())
        .or_else(|| {
            engine
                .catalogue
                .group(id)
                .map(|g| format!("groep {}", g.name))
        })
        .unwrap_or_else(|| id.to_string())
}

fn gemeenten_label(engine: &Engine, list: &[String], lang: Lang) -> String {
    if list.is_empty() {
        return lang.t("alle", "all").into();
    }
    list.iter()
        .map(|g| {
            engine
                .organisations
                .get(g)
                .map_or(g.clone(), |o| o.name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn verzoektype_label(v: &str, lang: Lang) -> String {
    Verzoektype::parse(v).map_or_else(
        || {
            if v.is_empty() {
                lang.t("alle", "all").into()
            } else {
                v.to_string()
            }
        },
        |v| v.label_in(lang).to_string(),
    )
}

/// The first few problems of the draft (the count is [`problems_status`]): a draft of
/// thousands of problems is summed up here, not in one long list.
fn summary(diagnostics: &[Diagnostic], lang: Lang) -> Html {
    if diagnostics.is_empty() {
        return Html::default();
    }
    let rest = diagnostics.len().saturating_sub(SUMMARY);
    html! {
        <div class="rw-config-summary">
            <ul class="rw-config-summary-list">{ for diagnostics.iter().take(SUMMARY).map(|d| html! {
                <li class={if d.severity == Severity::Fout { "rw-config-fout" } else { "rw-config-waarschuwing" }}>
                    { format!("{} {}: ", lang.t("Instelling", "Setting"), d.entry + 1) }<span lang="nl">{ &d.message }</span>
                </li>
            }) }</ul>
            if rest > 0 {
                <p>{ format!("{} {rest} {}", lang.t("Nog", "Another"), lang.t("staan bij hun instelling.", "are shown at their setting.")) }</p>
            }
        </div>
    }
}

/// The id of the list of problems with setting `i`.
fn diag_id(i: usize) -> String {
    format!("rw-cfg-diag-{i}")
}

/// How setting `i`'s fields point at its problems: `aria-describedby` and `aria-invalid`.
fn field_state(props: &TablesProps, i: usize) -> (Option<String>, Option<&'static str>) {
    let mine = props.diagnostics.iter().filter(|d| d.entry == i);
    let (any, error) = mine.fold((false, false), |(_, f), d| (true, f || d.severity == Severity::Fout));
    (any.then(|| diag_id(i)), error.then_some("true"))
}

/// The number of errors and warnings, announced as it changes.
fn problems_status(diagnostics: &[Diagnostic], lang: Lang) -> Html {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Fout).count();
    let warnings = diagnostics.len() - errors;
    let text = if diagnostics.is_empty() {
        lang.t("Geen fouten of waarschuwingen.", "No errors or warnings.").to_string()
    } else {
        format!(
            "{}, {}.",
            lang.count(errors, ("fout", "error"), ("fouten", "errors")),
            lang.count(warnings, ("waarschuwing", "warning"), ("waarschuwingen", "warnings"))
        )
    };
    html! { <p class="rw-config-problems" role="status">{ text }</p> }
}

fn row(props: &TablesProps, engine: &Engine, i: usize, e: &DraftEntry) -> Html {
    let lang = props.lang;
    // Diagnostics are sorted by entry: this entry's are one slice, found in log time.
    let all = &props.diagnostics;
    let from = all.partition_point(|d| d.entry < i);
    let to = all.partition_point(|d| d.entry <= i);
    let diags: Vec<&Diagnostic> = all.get(from..to).unwrap_or_default().iter().collect();
    let cols = if props.editable { 8 } else { 5 };
    let cells = if props.editable {
        edit_cells(props, engine, i, e)
    } else {
        html! { <>
            <td>{ activity_label(engine, &e.activity) }</td>
            <td>{ verzoektype_label(&e.verzoektype, lang) }</td>
            <td>{ gemeenten_label(engine, &e.gemeenten, lang) }</td>
            <td>{ org_label(engine, &e.behandeldienst) }</td>
        </> }
    };
    html! { <>
        <tr class={classes!("rw-config-row", (!diags.is_empty()).then_some("rw-config-row-flagged"))}>
            <th scope="row">{ i + 1 }</th>
            { cells }
        </tr>
        if !diags.is_empty() {
            <tr class="rw-config-diag-row">
                <td colspan={cols.to_string()}>
                    // The fields of this setting point here (aria-describedby).
                    <ul class="rw-config-diags" id={diag_id(i)}>{ for diags.iter().map(|d| html! {
                        <li class={if d.severity == Severity::Fout { "rw-config-fout" } else { "rw-config-waarschuwing" }}>
                            { format!("{}: ", if d.severity == Severity::Fout { lang.t("Fout", "Error") } else { lang.t("Waarschuwing", "Warning") }) }
                            <span lang="nl">{ &d.message }</span>
                        </li>
                    }) }</ul>
                </td>
            </tr>
        }
    </> }
}

/// Sets one field of entry `i` from the typed text.
fn setter(
    props: &TablesProps,
    i: usize,
    key: &'static str,
    set: fn(&mut DraftEntry, String),
) -> impl Fn(String) {
    let draft = props.draft.clone();
    let onchange = props.onchange.clone();
    move |v: String| {
        let mut d = Draft::clone(&draft);
        if let Some(e) = d.entries.get_mut(i) {
            set(e, v);
            onchange.emit((d, Some((i, key))));
        }
    }
}

fn text_cell(
    props: &TablesProps,
    i: usize,
    key: &'static str,
    label: String,
    value: String,
    set: fn(&mut DraftEntry, String),
    list: Option<&'static str>,
) -> Html {
    let apply = setter(props, i, key, set);
    let (described, invalid) = field_state(props, i);
    // What an id stands for, by its field.
    let named = (key == "bevoegd_gezag" || key == "behandeldienst")
        .then(|| Engine::bundled().ok().and_then(|e| e.organisations.get(value.trim()).map(|o| o.display_name())))
        .flatten();
    // A list is taken when the field is left: rewriting it per keystroke would eat commas.
    if key == "gemeenten" {
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                apply(v.value());
            }
        });
        return html! { <td><input type="text" class="rw-config-input" aria-label={label} {value} {onchange}
            aria-describedby={described} aria-invalid={invalid} /></td> };
    }
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(v) = input_value(&e) {
            apply(v);
        }
    });
    html! { <td>
        <input type="text" class="rw-config-input" aria-label={label} {value} {oninput} list={list}
            aria-describedby={described} aria-invalid={invalid} />
        if let Some(name) = named { <span class="rw-hint" lang="nl">{ name }</span> }
    </td> }
}

fn edit_cells(props: &TablesProps, engine: &Engine, i: usize, e: &DraftEntry) -> Html {
    let lang = props.lang;
    let n = i + 1;
    let on_activity = {
        let apply = setter(props, i, "activity", |e, v| e.activity = v);
        Callback::from(move |ev: Event| {
            if let Some(v) = select_value(&ev) {
                apply(v);
            }
        })
    };
    let on_type = {
        let apply = setter(props, i, "verzoektype", |e, v| e.verzoektype = v);
        Callback::from(move |ev: Event| {
            if let Some(v) = select_value(&ev) {
                apply(v);
            }
        })
    };
    let on_remove = {
        let draft = props.draft.clone();
        let onchange = props.onchange.clone();
        Callback::from(move |_| {
            let mut d = Draft::clone(&draft);
            if i < d.entries.len() {
                d.entries.remove(i);
                onchange.emit((d, None));
            }
        })
    };
    let known = engine.catalogue.is_activity_or_group(&e.activity);
    let (described, invalid) = field_state(props, i);
    html! { <>
        { text_cell(props, i, "bevoegd_gezag", format!("{} {n}", lang.t("Bevoegd gezag (code, bijvoorbeeld PV30) van instelling", "Bevoegd gezag (code, for example PV30) of setting")), e.bevoegd_gezag.clone(), |e, v| e.bevoegd_gezag = v.trim().to_string(), Some("rw-cfg-orgs")) }
        <td>
            <select aria-label={format!("{} {n}", lang.t("Activiteit of groep van instelling", "Activity or group of setting"))} onchange={on_activity}
                aria-describedby={described.clone()} aria-invalid={invalid}>
                if !known { <option value={e.activity.clone()} selected=true>{ if e.activity.is_empty() { lang.t("— kies —", "— choose —").to_string() } else { e.activity.clone() } }</option> }
                <optgroup label={lang.t("Groepen", "Groups")}>
                    { for engine.catalogue.groups.iter().map(|g| html! { <option value={g.id.clone()} selected={g.id == e.activity}>{ format!("{} {}", lang.t("groep", "group"), g.name) }</option> }) }
                </optgroup>
                <optgroup label={lang.t("Activiteiten", "Activities")}>
                    { for engine.catalogue.activities.iter().map(|a| html! { <option value={a.id.clone()} selected={a.id == e.activity}>{ a.name.clone() }</option> }) }
                </optgroup>
            </select>
        </td>
        <td>
            <select aria-label={format!("{} {n}", lang.t("Verzoektype van instelling", "Verzoektype of setting"))} onchange={on_type}
                aria-describedby={described} aria-invalid={invalid}>
                <option value="" selected={e.verzoektype.is_empty()}>{ lang.t("alle", "all") }</option>
                { for Verzoektype::ALL.iter().map(|v| html! { <option value={v.as_str()} selected={v.as_str() == e.verzoektype}>{ v.label_in(lang) }</option> }) }
            </select>
        </td>
        { text_cell(props, i, "gemeenten", format!("{} {n}", lang.t("Gemeenten (CBS-codes zoals GM0828, met komma's; leeg = alle) van instelling", "Gemeenten (CBS codes such as GM0828, with commas; empty = all) of setting")), e.gemeenten.join(", "), |e, v| e.gemeenten = v.split([',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect(), None) }
        { text_cell(props, i, "behandeldienst", format!("{} {n}", lang.t("Behandeldienst (code, bijvoorbeeld ODBN) van instelling", "Behandeldienst (code, for example ODBN) of setting")), e.behandeldienst.clone(), |e, v| e.behandeldienst = v.trim().to_string(), Some("rw-cfg-orgs")) }
        { text_cell(props, i, "inhoud", format!("{} {n}", lang.t("Voorwaarde op inhoud van instelling", "Condition on content of setting")), e.inhoud.clone(), |e, v| e.inhoud = v, None) }
        <td><button type="button" class="nl-button nl-button--subtle nl-button--negative" onclick={on_remove} aria-label={format!("{} {n}", lang.t("Verwijder instelling", "Remove setting"))}>{ lang.t("Verwijder", "Remove") }</button></td>
    </> }
}
