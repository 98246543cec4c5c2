//! The document view: the agreement as it prints (A4 portrait, `@media print` in
//! views.css), from the same blocks as the ODT and Markdown downloads; and the file
//! actions: print, ODT, Markdown, save the agreement and open one again.

use std::rc::Rc;

use yew::prelude::*;

use super::aansluiten::sequence_figure;
use super::Page;
use crate::domain::rules::{month_name, Rules};
use crate::domain::werkafspraken::document::{self as doc, Block, Document, Input};
use crate::domain::werkafspraken::{odt, Werkafspraak};
use crate::domain::MAX_INPUT_BYTES;
use crate::ui::browser::{self, Reading};
use crate::ui::state::werkafspraken::WaAction;

fn today(lang: &str) -> String {
    let d = js_sys::Date::new_0();
    let month = month_name(lang, d.get_month() as usize + 1).unwrap_or("");
    format!("{} {month} {}", d.get_date(), d.get_full_year())
}

/// A block as HTML: the same content as in the ODT and the Markdown.
fn block(b: &Block, first_heading: &mut bool) -> Html {
    match b {
        Block::Heading(level, text) => {
            let tag = match level {
                1 => "h2",
                2 => "h3",
                _ => "h4",
            };
            let id = (*first_heading).then(|| "rw-wa-doc-title".to_string());
            *first_heading = false;
            html! { <@{tag} id={id}>{ text }</@> }
        }
        Block::Para(text) => html! { <p>{ text }</p> },
        Block::Fields(fields) => html! {
            <dl class="rw-wa-doc-fields">{ for fields.iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }</dl>
        },
        Block::List(items) => html! { <ol>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ol> },
        Block::Checklist(items) => html! {
            <ul class="rw-wa-doc-checklist">{ for items.iter().map(|(on, t)| html! { <li>{ format!("{} {t}", if *on { "☑" } else { "☐" }) }</li> }) }</ul>
        },
        Block::Table { caption, head, rows } => html! {
            <div class="rw-wa-scroll">
                <table class="rw-wa-doc-table">
                    <caption>{ caption }</caption>
                    <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
                </table>
            </div>
        },
    }
}

/// A name for the downloads: `werkafspraken-veiligheidsregio-VR21`.
fn file_stem(a: &Werkafspraak) -> String {
    let key: String = a.regio.key().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).take(60).collect();
    format!("werkafspraken-{key}")
}

pub fn document_view(p: &Page) -> Html {
    let lang = p.lang;
    let Some(report) = p.progress.report.clone() else {
        return html! { <p>{ lang.t("De gaten worden berekend…", "Computing the gaps…") }</p> };
    };
    let document: Rc<Document> = Rc::new(doc::document(&Input {
        words: crate::domain::werkafspraken::document::Words { engine: p.engine, sjablonen: p.words.sjablonen, lang: p.words.lang },
        rules: Rules::bundled(),
        agreement: p.agreement,
        report: &report,
        date: today(lang.code()),
    }));
    let stem = file_stem(p.agreement);
    let notify = {
        let state = p.state.clone();
        move |r: Result<(), String>| {
            if let Err(e) = r {
                state.dispatch(WaAction::Notify(Some(e)));
            }
        }
    };
    let on_print = Callback::from(|_| {
        let _ = gloo_utils::window().print();
    });
    let on_odt = {
        let (d, name, notify) = (document.clone(), format!("{stem}.odt"), notify.clone());
        Callback::from(move |_| notify(browser::offer_bytes(&name, "application/vnd.oasis.opendocument.text", &odt::odt(&d))))
    };
    let on_md = {
        let (d, name, notify) = (document.clone(), format!("{stem}.md"), notify.clone());
        Callback::from(move |_| notify(browser::offer_file(&name, "text/markdown;charset=utf-8", &doc::markdown(&d))))
    };
    let on_save = {
        let (value, name, notify) = (p.agreement.to_value(), format!("{stem}.json"), notify);
        Callback::from(move |_| notify(browser::offer_json(&name, &value)))
    };
    let mut first = true;
    html! {
        <>
            <div class="rw-wa-actions rw-wa-screen">
                <button type="button" class="rw-button" onclick={on_print}>{ lang.t("Afdrukken (A4)", "Print (A4)") }</button>
                <button type="button" class="rw-button" onclick={on_odt}>{ lang.t("Download ODT", "Download ODT") }</button>
                <button type="button" class="rw-button" onclick={on_md}>{ lang.t("Download Markdown", "Download Markdown") }</button>
                <button type="button" class="rw-button" onclick={on_save}>{ lang.t("Werkafspraak opslaan als bestand", "Save the agreement as a file") }</button>
                <OpenFile state={p.state.clone()} />
            </div>
            <article class="rw-wa-doc" aria-labelledby="rw-wa-doc-title" lang={document.lang.clone()}>
                { for document.blocks.iter().map(|b| block(b, &mut first)) }
                { sequence_figure(lang) }
            </article>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub state: UseReducerHandle<crate::ui::state::werkafspraken::WaState>,
}

/// Opens an agreement file: it replaces the current agreement only when it validates; the
/// replaced one can be put back.
#[function_component(OpenFile)]
fn open_file(props: &OpenFileProps) -> Html {
    let reading = use_mut_ref(|| None::<Reading>);
    let Some(app) = crate::ui::context::use_app() else {
        return Html::default();
    };
    let (engine, lang, state) = (app.engine, app.state.lang, props.state.clone());
    let onchange = browser::on_files(&reading, MAX_INPUT_BYTES, move |read| {
        let opened = read.and_then(|files| {
            let (name, text) = files.into_iter().next().ok_or("geen bestand")?;
            Werkafspraak::from_text(engine, &text).map_err(|e| format!("{name}: {e}"))
        });
        match opened {
            Ok(a) => state.dispatch(WaAction::Replace(Box::new(a))),
            Err(e) => state.dispatch(WaAction::Notify(Some(format!("{e}. De huidige werkafspraak blijft staan.")))),
        }
    });
    html! {
        <>
            <label class="rw-button rw-file-label" for="rw-wa-open">{ lang.t("Werkafspraak openen…", "Open an agreement…") }</label>
            <input id="rw-wa-open" class="rw-file-input" type="file" accept=".json,application/json" {onchange} />
        </>
    }
}
