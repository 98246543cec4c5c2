//! The `postMessage` API for a host page around an iframe (docs/embedding.md), in the full
//! build only (`embedding::HOST_API`): every change of the scenario is told to the allowed
//! origins with its outcome, `routewijzer:set-scenario` and `routewijzer:get-outcome` are
//! answered, and the app's height is reported so the host can size the iframe.

use std::rc::Rc;

use gloo_events::EventListener;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::super::context::Derived;
use super::super::embedding::Embedding;
use super::super::js_json;
use super::super::state::{Action, Opened, State};
use crate::domain::{Engine, Outcome, ScenarioDraft, MAX_INPUT_BYTES};

/// What the app sends; `type` is `routewijzer:changed`, `…:outcome`, `…:error` or
/// `…:resize`.
#[derive(Serialize)]
struct Message<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<&'a ScenarioDraft>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<f64>,
}

impl<'a> Message<'a> {
    fn new(kind: &'a str) -> Message<'a> {
        Message {
            kind,
            scenario: None,
            outcome: None,
            error: None,
            height: None,
        }
    }

    /// The scenario and its outcome (or why there is none).
    fn about(kind: &'a str, draft: &'a ScenarioDraft, outcome: &'a Derived) -> Message<'a> {
        const INCOMPLETE: &str = "het scenario is nog niet compleet (locatie en activiteit nodig)";
        Message {
            scenario: Some(draft),
            outcome: outcome.as_ref().and_then(|o| o.as_ref().ok()),
            error: Some(match outcome {
                None => INCOMPLETE,
                Some(Err(e)) => e.as_str(),
                Some(Ok(_)) => "",
            })
            .filter(|e| !e.is_empty()),
            ..Message::new(kind)
        }
    }

    /// Delivered only if the host really has this origin (targetOrigin), never to '*'.
    fn post(&self, target: &web_sys::Window, origin: &str) {
        let as_json = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(data) = self.serialize(&as_json) {
            let _ = target.post_message(&data, origin);
        }
    }
}

/// A request from the host page; anything that is not one of ours is `None` and ignored.
enum HostRequest {
    /// The scenario as JSON text, or why the message holds none.
    SetScenario(Result<String, String>),
    GetOutcome,
}

/// Reads the host's message where it is, in JavaScript: only its `type` and, for
/// `set-scenario`, its `scenario`, measured before any of it is copied into wasm memory
/// (`js_json::bounded_text`, the input limit). A message that is not an object, or has no
/// type of ours, is `None`.
fn host_request(data: &JsValue) -> Option<HostRequest> {
    let field = |name: &str| js_sys::Reflect::get(data, &JsValue::from_str(name)).ok();
    let kind = field("type")?;
    // A `type` is a short name: a long string is not ours, and is never copied in.
    let kind = kind.dyn_ref::<js_sys::JsString>().filter(|k| k.length() < 64)?;
    match String::from(kind).as_str() {
        "routewijzer:set-scenario" => Some(HostRequest::SetScenario(
            match field("scenario").filter(|s| !s.is_undefined()) {
                Some(scenario) => js_json::bounded_text(&scenario, "scenario", MAX_INPUT_BYTES),
                None => Err("set-scenario zonder scenario (verwacht een scenario-object of JSON-tekst)".into()),
            },
        )),
        "routewijzer:get-outcome" => Some(HostRequest::GetOutcome),
        _ => None,
    }
}

/// The host window when this page runs in an iframe and may talk to it.
fn host_window(embedding: &Embedding) -> Option<web_sys::Window> {
    if embedding.parent_origins.is_empty() {
        return None;
    }
    let window = gloo_utils::window();
    let parent = window.parent().ok().flatten()?;
    // Not framed: the parent is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// The newest state and outcome, for listeners that live as long as the app.
type Latest = Rc<std::cell::RefCell<(ScenarioDraft, Rc<Derived>)>>;

#[hook]
pub fn use_host(
    embedding: &Rc<Embedding>,
    state: &UseReducerHandle<State>,
    outcome: &Rc<Derived>,
    engine: &'static Engine,
    app: &NodeRef,
) {
    let on = !embedding.parent_origins.is_empty();
    let latest: Latest = use_mut_ref(|| (state.draft.clone(), outcome.clone()));
    // Only kept up to date where the API is on: no copy per render on an ordinary page.
    if on {
        *latest.borrow_mut() = (state.draft.clone(), outcome.clone());
    }
    // Every change of the scenario (and so of its outcome) is told to the host.
    {
        let embedding = embedding.clone();
        use_effect_with(
            (state.draft.clone(), outcome.clone()),
            move |(draft, outcome)| {
                if let Some(host) = host_window(&embedding) {
                    let message = Message::about("routewijzer:changed", draft, outcome);
                    for origin in &embedding.parent_origins {
                        message.post(&host, origin);
                    }
                }
            },
        );
    }
    use_messages(embedding, state, engine, latest);
    use_resize(embedding, app);
}

/// Answers `routewijzer:set-scenario` and `routewijzer:get-outcome` from allowed origins;
/// every other message is ignored.
#[hook]
fn use_messages(
    embedding: &Rc<Embedding>,
    state: &UseReducerHandle<State>,
    engine: &'static Engine,
    latest: Latest,
) {
    let state = state.clone();
    use_effect_with(embedding.clone(), move |embedding| {
        let embedding = embedding.clone();
        let listener = (!embedding.parent_origins.is_empty()).then(|| {
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
                // Read through JSON text, by the strict reader: a repeated key is an error, and
                // serde_json's nesting limit guards the stack.
                match host_request(&event.data()) {
                    Some(HostRequest::SetScenario(scenario)) => {
                        let opened = scenario.and_then(|text| Opened::from_text(engine, &text));
                        match opened {
                            Ok(opened) => state.dispatch(Action::Load(Box::new(opened))),
                            Err(e) => Message {
                                error: Some(&e),
                                ..Message::new("routewijzer:error")
                            }
                            .post(&source, &origin),
                        }
                    }
                    Some(HostRequest::GetOutcome) => {
                        let (draft, outcome) = &*latest.borrow();
                        Message::about("routewijzer:outcome", draft, outcome)
                            .post(&source, &origin);
                    }
                    None => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// Reports the app's height to an allowed host, so it can size the iframe to fit.
#[hook]
fn use_resize(embedding: &Rc<Embedding>, app: &NodeRef) {
    let app = app.clone();
    use_effect_with(embedding.clone(), move |embedding| {
        let embedding = embedding.clone();
        let observed = host_window(&embedding).zip(app.cast::<web_sys::Element>());
        let observer = observed.and_then(|(host, element)| {
            let measured = element.clone();
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
                // The app's own height: the iframe's document is never shorter than the frame.
                let height = measured.get_bounding_client_rect().height().ceil();
                let message = Message {
                    height: Some(height),
                    ..Message::new("routewijzer:resize")
                };
                for origin in &embedding.parent_origins {
                    message.post(&host, origin);
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
