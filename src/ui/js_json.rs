//! JavaScript values read as JSON text (`JSON.stringify`, then serde_json): the command
//! line's size cap and nesting limit apply unchanged, and a 10 000-deep object cannot
//! exhaust the stack; a host's message is measured in JavaScript first ([`bounded_text`]).
//! (Values going out use serde-wasm-bindgen, `api` and `use_host`.)

#[cfg(feature = "views")]
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// JSON text of a JavaScript value (`JSON.stringify`), or `None` for what has none
/// (`undefined`, a function, a cycle).
pub fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A JavaScript value from outside (a host page's message) as JSON text, measured in
/// JavaScript before anything reaches wasm memory: a string by its length, anything else by
/// a walk that stops once it has seen `max` characters' worth, so a 100 MB message costs the
/// wasm nothing. Only what JSON holds is taken: a `Map`, `Date`, typed array or other
/// non-plain object (which `JSON.stringify` would silently turn into `{}` or a string) is
/// refused, named with its path under `what`. A string is returned as it is: JSON text, for
/// the strict reader.
#[cfg(feature = "views")]
pub fn bounded_text(value: &JsValue, what: &str, max: usize) -> Result<String, String> {
    let too_big = || format!("{what} is te groot (meer dan {max} tekens, het maximum)");
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        return match text.length() as usize {
            n if n > max => Err(format!("{what} is te groot ({n} tekens, maximaal {max})")),
            _ => Ok(String::from(text)),
        };
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(format!(
            "{what} moet een object of JSON-tekst zijn, geen {}",
            kind(value)
        ));
    }
    let mut budget = max;
    walk(value, &mut budget, 0).map_err(|problem| match problem {
        Problem::TooBig => too_big(),
        Problem::At(path, why) => format!("{what}{path}: {why}"),
    })?;
    let text = js_sys::JSON::stringify(value).map_err(|_| format!("{what}: geen JSON-waarde"))?;
    if text.length() as usize > max {
        return Err(too_big());
    }
    Ok(String::from(text))
}

/// Nesting deeper than this is refused, as serde_json (and so the strict reader) does.
#[cfg(feature = "views")]
const MAX_DEPTH: usize = 128;

/// Why a walk stopped: over the budget, or a value JSON cannot hold, at a path.
#[cfg(feature = "views")]
enum Problem {
    TooBig,
    At(String, String),
}

/// The JavaScript type of a value, in words, for a message.
#[cfg(feature = "views")]
fn kind(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "lijst".into();
    }
    if value.is_object() {
        let name = js_sys::Object::get_prototype_of(value)
            .constructor()
            .name();
        return format!("{}-object", String::from(name));
    }
    match value.js_typeof().as_string().as_deref() {
        Some("number") => "getal".into(),
        Some("boolean") => "ja/nee-waarde".into(),
        Some(other) => other.into(),
        None => String::new(),
    }
}

/// Checks `value` (at nesting `depth`) holds only plain objects, arrays, strings, numbers,
/// booleans and null, spending `budget` on its size.
#[cfg(feature = "views")]
fn walk(value: &JsValue, budget: &mut usize, depth: usize) -> Result<(), Problem> {
    let at = |why: &str| Problem::At(String::new(), why.to_string());
    let spend = |budget: &mut usize, n: usize| match budget.checked_sub(n) {
        Some(rest) => {
            *budget = rest;
            Ok(())
        }
        None => Err(Problem::TooBig),
    };
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        return spend(budget, text.length() as usize + 2);
    }
    spend(budget, 4)?;
    if !value.is_object() {
        let json = value.as_f64().is_some()
            || value.as_bool().is_some()
            || value.is_null()
            || value.is_undefined();
        return match json {
            true => Ok(()),
            false => Err(at(&format!("een {} is geen JSON-waarde", kind(value)))),
        };
    }
    if depth >= MAX_DEPTH {
        return Err(at("te diep genest"));
    }
    // Each child's problem gets its place in the path on the way up.
    let inside = |segment: String, problem: Problem| match problem {
        Problem::At(path, why) => Problem::At(format!("{segment}{path}"), why),
        other => other,
    };
    if let Some(list) = value.dyn_ref::<js_sys::Array>() {
        for (i, item) in list.iter().enumerate() {
            walk(&item, budget, depth + 1).map_err(|p| inside(format!("[{i}]"), p))?;
        }
        return Ok(());
    }
    let prototype = js_sys::Object::get_prototype_of(value);
    let plain = prototype.is_null()
        || JsValue::from(prototype) == JsValue::from(js_sys::Object::get_prototype_of(&js_sys::Object::new()));
    if !plain {
        return Err(at(&format!("een {} is geen JSON-object", kind(value))));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        spend(budget, name.len() + 3)?;
        let child = js_sys::Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        walk(&child, budget, depth + 1).map_err(|p| inside(format!(".{name}"), p))?;
    }
    Ok(())
}
