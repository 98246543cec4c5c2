//! Small helpers for reading a `serde_json::Value` by hand with path-aware Dutch errors.

use serde_json::{Map, Value};

use super::error::{push_shown, ScenarioError};

/// `parent.key`, or `key` at the top.
pub(crate) fn field_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[i]`.
pub(crate) fn index_path(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// What a value is, in Dutch, for "gevonden: …".
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => match n.as_f64() {
            // The same text whether the number arrived as an integer (JSON text) or as a
            // float (a JavaScript object).
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("getal {}", whole(f)),
            _ => format!("getal {n}"),
        },
        Value::String(s) => format!("tekst '{}'", shown(s, 40)),
        Value::Array(_) => "een lijst".into(),
        Value::Object(_) => "een object".into(),
    }
}

/// What `{:.0}` prints for `x` with |x| < 2^53, without core's float formatting (about 6 KB
/// gzip of the start build, docs/performance.md): round half to even, and `-0` for a
/// negative number that rounds to zero.
pub(crate) fn whole(x: f64) -> String {
    let rounded = x.round_ties_even();
    if rounded == 0.0 && x.is_sign_negative() {
        "-0".to_string()
    } else {
        (rounded as i64).to_string()
    }
}

/// The first `max` characters of input as a message shows them (`error::push_shown`), with
/// `…` when there were more.
fn shown(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().take(max) {
        push_shown(&mut out, c);
    }
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// Quote an id from the input for a message (shortened, one line).
pub(crate) fn quote(s: &str) -> String {
    format!("'{}'", shown(s, 60))
}

pub(crate) fn expect_object<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
) -> Result<&'a Map<String, Value>, ScenarioError> {
    v.as_object().ok_or_else(|| {
        ScenarioError::new(path, format!("verwacht {what}, gevonden: {}", describe(v)))
    })
}

/// Rejects the first key not in `allowed`.
pub(crate) fn check_fields(
    map: &Map<String, Value>,
    path: &str,
    allowed: &[&str],
) -> Result<(), ScenarioError> {
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(ScenarioError::new(
                field_path(path, &quote_key(key)),
                format!("onbekend veld (verwacht: {})", allowed.join(", ")),
            ));
        }
    }
    Ok(())
}

fn quote_key(key: &str) -> String {
    if key.is_empty() {
        "\"\"".into()
    } else {
        shown(key, 60)
    }
}

pub(crate) fn expect_str<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
) -> Result<&'a str, ScenarioError> {
    v.as_str().ok_or_else(|| {
        ScenarioError::new(path, format!("verwacht {what}, gevonden: {}", describe(v)))
    })
}

pub(crate) fn expect_array<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
) -> Result<&'a Vec<Value>, ScenarioError> {
    v.as_array().ok_or_else(|| {
        ScenarioError::new(path, format!("verwacht {what}, gevonden: {}", describe(v)))
    })
}

pub(crate) fn expect_f64(v: &Value, path: &str, what: &str) -> Result<f64, ScenarioError> {
    match v.as_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(ScenarioError::new(
            path,
            format!("verwacht {what}, gevonden: {}", describe(v)),
        )),
    }
}

pub(crate) fn required<'a>(
    map: &'a Map<String, Value>,
    path: &str,
    key: &str,
    what: &str,
) -> Result<&'a Value, ScenarioError> {
    map.get(key).ok_or_else(|| {
        ScenarioError::new(
            field_path(path, key),
            format!("ontbreekt (verwacht {what})"),
        )
    })
}

/// `object.key` as text.
pub(crate) fn text_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<String, ScenarioError> {
    let v = required(map, path, key, "tekst")?;
    expect_str(v, &field_path(path, key), "tekst").map(str::to_string)
}

/// `object.key` as a list of texts.
pub(crate) fn texts_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<Vec<String>, ScenarioError> {
    list_of(map, path, key, |v, at| {
        expect_str(v, at, "tekst").map(str::to_string)
    })
}

/// The list `object.key`, each item read by `item` with its path.
pub(crate) fn list_of<T>(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    item: impl Fn(&Value, &str) -> Result<T, ScenarioError>,
) -> Result<Vec<T>, ScenarioError> {
    let list = required(map, path, key, "een lijst")?;
    let path = field_path(path, key);
    expect_array(list, &path, "een lijst")?
        .iter()
        .enumerate()
        .map(|(i, v)| item(v, &index_path(&path, i)))
        .collect()
}

/// As [`list_of`], with an absent list read as empty.
pub(crate) fn opt_list_of<T>(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    item: impl Fn(&Value, &str) -> Result<T, ScenarioError>,
) -> Result<Vec<T>, ScenarioError> {
    if map.contains_key(key) {
        list_of(map, path, key, item)
    } else {
        Ok(Vec::new())
    }
}

/// The file's `format` must be `want` (every data file the app reads names its format).
pub(crate) fn format_field(map: &Map<String, Value>, want: &str) -> Result<(), ScenarioError> {
    let found = text_field(map, "", "format")?;
    if found == want {
        return Ok(());
    }
    Err(ScenarioError::new(
        "format",
        format!(
            "{} wordt niet ondersteund (verwacht '{want}')",
            quote(&found)
        ),
    ))
}

/// `object.key` as text, or `None` when absent or `null`.
pub(crate) fn opt_text_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<Option<String>, ScenarioError> {
    map.get(key)
        .filter(|v| !v.is_null())
        .map(|v| expect_str(v, &field_path(path, key), "tekst").map(str::to_string))
        .transpose()
}

/// `object.key` as true or false, or `default` when absent.
pub(crate) fn bool_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    default: Option<bool>,
) -> Result<bool, ScenarioError> {
    match (map.get(key), default) {
        (None, Some(default)) => Ok(default),
        (None, None) => Err(ScenarioError::new(
            field_path(path, key),
            "ontbreekt (verwacht true of false)",
        )),
        (Some(v), _) => v.as_bool().ok_or_else(|| {
            ScenarioError::new(
                field_path(path, key),
                format!("verwacht true of false, gevonden: {}", describe(v)),
            )
        }),
    }
}

/// `value` at `path` as one of the texts `expected` describes (`"a of b"`), read by `parse`.
pub(crate) fn one_of<T>(
    value: &Value,
    path: &str,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, ScenarioError> {
    let s = expect_str(value, path, expected)?;
    parse(s).ok_or_else(|| {
        ScenarioError::new(
            path,
            format!("onbekende waarde {} (verwacht: {expected})", quote(s)),
        )
    })
}

/// [`one_of`] for `object.key`, or `None` when absent or `null`.
pub(crate) fn opt_one_of<T>(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ScenarioError> {
    map.get(key)
        .filter(|v| !v.is_null())
        .map(|v| one_of(v, &field_path(path, key), expected, parse))
        .transpose()
}

/// `object.key` as true or false, or `None` when absent or `null`; `what` says what the
/// value means in the message.
pub(crate) fn opt_bool_field(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    what: &str,
) -> Result<Option<bool>, ScenarioError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_bool().map(Some).ok_or_else(|| {
            ScenarioError::new(
                field_path(path, key),
                format!("verwacht {what}, gevonden: {}", describe(v)),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::whole;

    #[test]
    fn whole_prints_what_format_prints() {
        let mut values = vec![
            0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49, -0.4, 3254.0, 4170.94,
        ];
        values.extend([1e15 - 0.5, -9.0e15, 123_456.789, 7.0e-300, -7.0e-300]);
        // Also a spread of ordinary distances and coordinates.
        values.extend((0..2000).map(|i| f64::from(i) * 37.123_456 - 20_000.0));
        for x in values {
            assert_eq!(whole(x), format!("{x:.0}"), "{x}");
        }
    }
}
