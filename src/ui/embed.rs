//! Embedding: the options of `mount(element, options)` and `<routewijzer-app>`, which keep
//! several instances on one page apart (own storage keys, at most one owns the URL
//! fragment), and the `postMessage` API for a host page around an iframe (docs/embedding.md).

use std::rc::Rc;

use gloo_events::EventListener;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::app::View;
use super::i18n::Lang;
use super::state::{Action, State};

/// Where an instance keeps its work and what it shows; fixed for the instance's life.
#[derive(Clone, Debug, PartialEq)]
pub struct Embedding {
    /// Prefix of this instance's localStorage keys; `None` = it stores nothing.
    pub storage_prefix: Option<String>,
    /// Only the instance that owns the fragment reads and writes `#scenario=` / `#casus=`.
    pub owns_fragment: bool,
    pub views: Vec<View>,
    /// The view to open first (`view` option); else the first of `views`.
    pub view: Option<View>,
    pub compact: bool,
    pub lang: Lang,
    /// Map start region: a provincie, omgevingsdienst or veiligheidsregio id.
    pub region: Option<String>,
    /// The first state when neither the URL nor storage holds one.
    pub initial: Option<State>,
    /// Origins whose `postMessage` requests are answered; empty = the API is off.
    pub parent_origins: Vec<String>,
}

impl Default for Embedding {
    /// The stand-alone page: default storage keys, owns the URL, every view.
    fn default() -> Embedding {
        Embedding {
            storage_prefix: Some(STORAGE_PREFIX.to_string()),
            owns_fragment: true,
            views: View::ALL.to_vec(),
            view: None,
            compact: false,
            lang: Lang::Nl,
            region: None,
            initial: None,
            parent_origins: Vec::new(),
        }
    }
}

const STORAGE_PREFIX: &str = "routewijzer.v1.";
/// A casus link (`#casus=…`, docs/oefenen.md) opens the Oefenen view.
pub const CASUS_FRAGMENT: &str = "#casus=";

/// True when this instance owns the URL and it holds a casus.
pub fn casus_link_in_url(embedding: &Embedding) -> bool {
    embedding.owns_fragment
        && gloo_utils::window()
            .location()
            .hash()
            .is_ok_and(|h| h.starts_with(CASUS_FRAGMENT))
}

/// The start build (without the `views` feature) asks the page's loader (www/loader.js) to
/// switch to the full build, handing over the scenario so no work is lost.
#[cfg(not(feature = "views"))]
pub const UPGRADE_EVENT: &str = "routewijzer-upgrade";
const OPTIONS: &[&str] = &[
    "id",
    "fragment",
    "lang",
    "views",
    "view",
    "compact",
    "region",
    "scenario",
    "configuration",
    "parentOrigins",
];

impl Embedding {
    /// The localStorage key for `name` in this instance, if it stores anything.
    pub fn storage_key(&self, name: &str) -> Option<String> {
        self.storage_prefix
            .as_ref()
            .map(|prefix| format!("{prefix}{name}"))
    }

    /// Reads mount options; a wrong option is named in the error (thrown to the host page).
    pub fn from_options(options: &Value) -> Result<Embedding, String> {
        let options = match options {
            Value::Null => return Ok(Embedding::default()),
            Value::Object(map) => map,
            _ => return Err("routewijzer: options moet een object zijn".to_string()),
        };
        if let Some(unknown) = options.keys().find(|k| !OPTIONS.contains(&k.as_str())) {
            return Err(format!(
                "routewijzer: onbekende optie '{unknown}' (bekend: {})",
                OPTIONS.join(", ")
            ));
        }
        let owns_fragment = flag(options, "fragment")?.unwrap_or(false);
        let id = text(options, "id")?;
        if let Some(id) = id {
            let valid = !id.is_empty()
                && id.len() <= 40
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                return Err(format!(
                    "routewijzer: id '{id}' mag alleen a-z, 0-9 en - bevatten (maximaal 40 tekens)"
                ));
            }
        }
        let storage_prefix = match id {
            Some(id) => Some(format!("{STORAGE_PREFIX}{id}.")),
            None if owns_fragment => Some(STORAGE_PREFIX.to_string()),
            None => None,
        };
        let lang = match text(options, "lang")? {
            None | Some("nl") => Lang::Nl,
            Some("en") => Lang::En,
            Some(other) => return Err(format!("routewijzer: lang '{other}' (verwacht nl of en)")),
        };
        let views = match options.get("views") {
            None | Some(Value::Null) => View::ALL.to_vec(),
            Some(value) => views(value)?,
        };
        let view = match text(options, "view")? {
            None => None,
            Some(id) => Some(
                View::from_id(id)
                    .ok_or_else(|| format!("routewijzer: onbekende weergave \"{id}\" in view"))?,
            ),
        };
        let region = text(options, "region")?.map(str::to_string);
        let initial = initial_state(options)?;
        let parent_origins = match options.get("parentOrigins") {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => origins(value)?,
        };
        Ok(Embedding {
            storage_prefix,
            owns_fragment,
            views,
            view,
            compact: flag(options, "compact")?.unwrap_or(false),
            lang,
            region,
            initial,
            parent_origins,
        })
    }
}

fn flag(options: &Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("routewijzer: {key} moet true of false zijn")),
    }
}

fn text<'a>(options: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(format!("routewijzer: {key} moet tekst zijn")),
    }
}

fn views(value: &Value) -> Result<Vec<View>, String> {
    let known = || {
        View::ALL
            .iter()
            .map(|v| v.id())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let list = value
        .as_array()
        .filter(|list| !list.is_empty())
        .ok_or_else(|| {
            format!(
                "routewijzer: views moet een niet-lege lijst zijn uit {}",
                known()
            )
        })?;
    let mut out = Vec::new();
    for item in list {
        let view = item.as_str().and_then(View::from_id).ok_or_else(|| {
            format!(
                "routewijzer: onbekende weergave {item} (bekend: {})",
                known()
            )
        })?;
        if !out.contains(&view) {
            out.push(view);
        }
    }
    Ok(out)
}

fn origins(value: &Value) -> Result<Vec<String>, String> {
    let list = value
        .as_array()
        .ok_or("routewijzer: parentOrigins moet een lijst van origins zijn")?;
    list.iter()
        .map(|item| {
            item.as_str()
                .filter(|o| is_origin(o))
                .map(str::to_string)
                .ok_or_else(|| {
                    format!("routewijzer: parentOrigins: {item} is geen origin zoals https://intranet.example.nl")
                })
        })
        .collect()
}

/// `scheme://host[:port]` without path; `*` is refused on purpose.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "https" | "http")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '*', ' ', '@'])
}

/// The scenario, region and configuration options as a first state.
fn initial_state(options: &Map<String, Value>) -> Result<Option<State>, String> {
    let scenario = option_value(options, "scenario")?;
    let scenario = scenario.as_ref();
    let configuration = option_value(options, "configuration")?;
    let configuration = configuration.as_ref();
    let region = text(options, "region")?.filter(|r| r.starts_with("GM"));
    if scenario.is_none() && configuration.is_none() && region.is_none() {
        return Ok(None);
    }
    let mut draft = match scenario {
        Some(value @ Value::Object(_)) => value.clone(),
        Some(_) => return Err("routewijzer: scenario moet een object zijn".to_string()),
        None => json!({ "format": crate::domain::SCENARIO_FORMAT }),
    };
    if let Some(object) = draft.as_object_mut() {
        match (configuration, scenario) {
            (Some(configuration), _) => {
                object.insert("configuration".into(), configuration.clone());
            }
            // Only a region: the stand-alone app's default configuration, as without options.
            (None, None) => {
                object.insert(
                    "configuration".into(),
                    json!(State::default().configuration),
                );
            }
            (None, Some(_)) => {}
        }
        if let (Some(gemeente), false) = (region, object.contains_key("location")) {
            object.insert("location".into(), json!({ "gemeente": gemeente }));
        }
    }
    State::from_scenario_text(&draft.to_string())
        .map(Some)
        .map_err(|e| format!("routewijzer: scenario: {e}"))
}

/// An option, `None` if absent or `null`. JSON text (a `scenario` string: the element's
/// attribute; a `configuration` starting with `{`: a file that embed.js fetched) is read by
/// the strict reader, as a file is: a repeated key is refused, where `JSON.parse` would keep
/// the last.
fn option_value(options: &Map<String, Value>, key: &str) -> Result<Option<Value>, String> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if key == "scenario" || text.starts_with('{') => {
            crate::domain::parse_json_text(text)
                .map(Some)
                .map_err(|e| format!("routewijzer: {key}: {e}"))
        }
        Some(other) => Ok(Some(other.clone())),
    }
}

/// A request from the host page, as documented in docs/embedding.md.
pub enum HostRequest {
    SetScenario(Value),
    GetOutcome,
}

/// Reads a message body; anything that is not one of ours is `None` and ignored.
pub fn host_request(data: &Value) -> Option<HostRequest> {
    match data.get("type")?.as_str()? {
        "routewijzer:set-scenario" => Some(HostRequest::SetScenario(data.get("scenario")?.clone())),
        "routewijzer:get-outcome" => Some(HostRequest::GetOutcome),
        _ => None,
    }
}

/// The message that tells the host the current scenario and its outcome (or error).
pub fn outcome_message(kind: &str, state: &State) -> Value {
    let scenario = state.draft();
    let result = match state.scenario() {
        None => {
            json!({ "error": "het scenario is nog niet compleet (locatie en activiteit nodig)" })
        }
        Some(complete) => match crate::domain::explain_json(&complete) {
            Ok(outcome) => json!({ "outcome": outcome }),
            Err(e) => json!({ "error": e.to_string() }),
        },
    };
    let mut message = json!({ "type": kind, "scenario": scenario });
    if let (Some(message), Some(result)) = (message.as_object_mut(), result.as_object()) {
        message.extend(result.clone());
    }
    message
}

/// The postMessage API is in the full build only: www/loader.js starts the full build for
/// a page with `parentOrigins`, and the start build refuses them (`ui::mount`). A smaller
/// first load for everyone else (docs/performance.md).
pub const HOST_API: bool = cfg!(feature = "views");

/// The host window when this page runs in an iframe and may talk to it.
fn host_window(embedding: &Embedding) -> Option<web_sys::Window> {
    if !HOST_API || embedding.parent_origins.is_empty() {
        return None;
    }
    let window = gloo_utils::window();
    let parent = window.parent().ok().flatten()?;
    // Not framed: the parent is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(target: &web_sys::Window, message: &Value, origin: &str) {
    if let Ok(data) = super::js_json::to_js(message) {
        // Delivered only if the host really has this origin (targetOrigin), never to '*'.
        let _ = target.post_message(&data, origin);
    }
}

/// Tells an allowed host page about every change of the scenario.
pub fn notify_host(embedding: &Embedding, state: &State) {
    if let Some(host) = host_window(embedding) {
        let message = outcome_message("routewijzer:changed", state);
        for origin in &embedding.parent_origins {
            post(&host, &message, origin);
        }
    }
}

/// Answers `routewijzer:set-scenario` and `routewijzer:get-outcome` from allowed origins;
/// every other message is ignored.
#[hook]
pub fn use_host_messages(embedding: &Rc<Embedding>, state: &UseReducerHandle<State>) {
    // The listener lives as long as the app; it reads the newest state through this cell.
    let latest = use_mut_ref(|| (**state).clone());
    // Only kept up to date where the API is on: no copy per render on an ordinary page.
    if HOST_API && !embedding.parent_origins.is_empty() {
        *latest.borrow_mut() = (**state).clone();
    }
    let state = state.clone();
    use_effect_with(embedding.clone(), move |embedding| {
        let embedding = embedding.clone();
        let listener = (HOST_API && !embedding.parent_origins.is_empty()).then(|| {
            EventListener::new(&gloo_utils::window(), "message", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let origin = event.origin();
                if !embedding.parent_origins.contains(&origin) {
                    return;
                }
                // A cross-origin WindowProxy fails `instanceof Window` in this realm, so no
                // checked cast; postMessage is all that is called on it.
                let Some(source) = event
                    .source()
                    .map(JsCast::unchecked_into::<web_sys::Window>)
                else {
                    return;
                };
                let data = super::js_json::from_js(&event.data());
                match host_request(&data) {
                    Some(HostRequest::SetScenario(scenario)) => {
                        match State::from_scenario_text(&scenario.to_string()) {
                            Ok(loaded) => state.dispatch(Action::Load(Box::new(loaded))),
                            Err(e) => post(
                                &source,
                                &json!({ "type": "routewijzer:error", "error": e }),
                                &origin,
                            ),
                        }
                    }
                    Some(HostRequest::GetOutcome) => post(
                        &source,
                        &outcome_message("routewijzer:outcome", &latest.borrow()),
                        &origin,
                    ),
                    None => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// Reports the app's height to an allowed host, so it can size the iframe to fit.
#[hook]
pub fn use_host_resize(embedding: &Rc<Embedding>, app: &NodeRef) {
    let app = app.clone();
    use_effect_with(embedding.clone(), move |embedding| {
        let embedding = embedding.clone();
        let observed = host_window(&embedding).zip(app.cast::<web_sys::Element>());
        let observer = observed.and_then(|(host, element)| {
            let measured = element.clone();
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
                // The app's own height: the iframe's document is never shorter than the frame.
                let height = measured.get_bounding_client_rect().height().ceil();
                let message = json!({ "type": "routewijzer:resize", "height": height });
                for origin in &embedding.parent_origins {
                    post(&host, &message, origin);
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(&element);
            Some((observer, callback))
        });
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Start build: asks the loader for the full build, opening `view` with this state.
#[cfg(not(feature = "views"))]
pub fn request_upgrade(app: &NodeRef, view: View, state: &State) {
    let Some(element) = app.cast::<web_sys::Element>() else {
        return;
    };
    let detail = json!({ "view": view.id(), "scenario": state.draft() });
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    if let Ok(detail) = super::js_json::to_js(&detail) {
        init.set_detail(&detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(UPGRADE_EVENT, &init) {
        let _ = element.dispatch_event(&event);
    }
}
