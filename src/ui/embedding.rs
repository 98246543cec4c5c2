//! Embedding: the options of `mount(element, options)` and `<routewijzer-app>`, which keep
//! several instances on one page apart (own storage keys, at most one owns the URL
//! fragment; docs/embedding.md). Plain data, read once per instance; the `postMessage` API
//! for a host page around an iframe is the hook `use_host`.

use serde_json::{json, Map, Value};

use super::i18n::Lang;
use super::state::{store, Opened};
use super::view::View;
use crate::domain::Engine;

/// Where an instance keeps its work and what it shows; fixed for the instance's life.
#[derive(Clone, Debug, PartialEq)]
pub struct Embedding {
    /// Prefix of this instance's localStorage keys; `None` = it stores nothing.
    pub storage_prefix: Option<String>,
    /// Only the instance that owns the fragment reads and writes `#scenario=` / `#casus=`.
    /// It is the page (its `<main>`, title and language); other instances are a region of
    /// their host's page.
    pub owns_fragment: bool,
    /// The instance's name (`id` option), which tells two instances on one page apart.
    pub id: Option<String>,
    pub views: Vec<View>,
    /// The view to open first (`view` option); else the first of `views`.
    pub view: Option<View>,
    pub compact: bool,
    pub lang: Lang,
    /// Map start region: a provincie, omgevingsdienst or veiligheidsregio id.
    pub region: Option<String>,
    /// The first scenario when neither the URL nor storage holds one.
    pub initial: Option<Opened>,
    /// Origins whose `postMessage` requests are answered; empty = the API is off.
    pub parent_origins: Vec<String>,
    /// Move focus to the view's heading once mounted (`focus` option: the loader sets it
    /// when it switches from the start build, which took the focus with it).
    pub focus: bool,
}

impl Default for Embedding {
    /// The stand-alone page: default storage keys, owns the URL, every view.
    fn default() -> Embedding {
        Embedding {
            storage_prefix: Some(STORAGE_PREFIX.to_string()),
            owns_fragment: true,
            id: None,
            views: View::ALL.to_vec(),
            view: None,
            compact: false,
            lang: Lang::Nl,
            region: None,
            initial: None,
            parent_origins: Vec::new(),
            focus: false,
        }
    }
}

const STORAGE_PREFIX: &str = "routewijzer.v1.";

/// The postMessage API is in the full build only: www/loader.js starts the full build for
/// a page with `parentOrigins`, and the start build refuses them ([`Embedding::from_options`]).
/// A smaller first load for everyone else (docs/performance.md).
pub const HOST_API: bool = cfg!(feature = "views");

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
    "focus",
];

impl Embedding {
    /// The localStorage key for `name` in this instance, if it stores anything.
    pub fn storage_key(&self, name: &str) -> Option<String> {
        self.storage_prefix
            .as_ref()
            .map(|prefix| format!("{prefix}{name}"))
    }

    /// The name of the instance's landmarks: "Routewijzer", with the instance's id when it
    /// has one (two on one page must differ).
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) => format!("Routewijzer ({id})"),
            None => "Routewijzer".to_string(),
        }
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
            id: id.map(str::to_string),
            views,
            view,
            compact: flag(options, "compact")?.unwrap_or(false),
            lang,
            region,
            initial,
            parent_origins,
            focus: flag(options, "focus")?.unwrap_or(false),
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

/// The start build has no postMessage API: an origin is refused here, saying where it is.
#[cfg(not(feature = "views"))]
fn origins(value: &Value) -> Result<Vec<String>, String> {
    match value.as_array() {
        Some(list) if list.is_empty() => Ok(Vec::new()),
        _ => Err("routewijzer: parentOrigins (de postMessage-API) zit in de volledige build; www/loader.js laadt die".into()),
    }
}

#[cfg(feature = "views")]
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
#[cfg(feature = "views")]
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "https" | "http")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '*', ' ', '@'])
}

/// The scenario, region and configuration options as a first scenario.
fn initial_state(options: &Map<String, Value>) -> Result<Option<Opened>, String> {
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
                object.insert("configuration".into(), json!(store::BUNDLED));
            }
            (None, Some(_)) => {}
        }
        if let (Some(gemeente), false) = (region, object.contains_key("location")) {
            object.insert("location".into(), json!({ "gemeente": gemeente }));
        }
    }
    Engine::bundled()
        .map_err(|e| e.to_string())
        .and_then(|engine| {
            let parsed = engine.parse_draft(&draft).map_err(|e| e.to_string())?;
            Opened::new(engine, parsed)
        })
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
