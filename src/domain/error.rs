//! Errors: `ScenarioError` for bad input (one line, JSON path first, in Dutch) and `DataError`
//! for a bundled or trainer-edited data file that does not validate.

use std::fmt;

/// A scenario that cannot be routed. `Display` is one line: `path: what was expected`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// JSON path such as `activities[1].verzoektype`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl ScenarioError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever the message holds.
        let message = one_line(&self.message);
        if self.path.is_empty() {
            write!(f, "{message}")
        } else {
            write!(f, "{}: {message}", self.path)
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Longest message shown whole; a longer one keeps its start and its end (where serde_json
/// puts the line and column).
const MAX_MESSAGE_CHARS: usize = 1_500;

/// Unicode format characters, which change how text displays without being seen: bidi marks,
/// embeddings, overrides and isolates (U+200E/F, U+202A–202E, U+2066–2069), zero-width
/// characters (U+200B–200D), the word joiner (U+2060) and the byte-order mark (U+FEFF). A
/// message that echoed them could display reversed and mislead.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Appends `c` as a message shows a character of input: NUL and format characters escaped
/// as `\u0000` / `\u202E` (removing a NUL could make a message contradict itself: "onbekende
/// gemeente 'GM0828'"), any other control character and the line and paragraph separators
/// as a space, everything else as it is. The one rule for every message (`one_line`,
/// `json::quote`).
pub(crate) fn push_shown(out: &mut String, c: char) {
    if c == '\0' || is_format(c) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push_str("\\u");
        let code = u32::from(c);
        for shift in [12, 8, 4, 0] {
            let digit = HEX
                .get(((code >> shift) & 0xF) as usize)
                .copied()
                .unwrap_or(b'0');
            out.push(char::from(digit));
        }
    } else if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
        out.push(' ');
    } else {
        out.push(c);
    }
}

/// A message as one line of plain text (every character as [`push_shown`] shows it), and an
/// overlong message shortened in the middle: at most [`MAX_MESSAGE_CHARS`]. Messages quote
/// input (serde_json's "unknown field `…`" does so verbatim), and fuzzing found keys such as
/// "f\u{7f}rmat" coming through raw.
pub(crate) fn one_line(message: &str) -> String {
    one_line_max(message, MAX_MESSAGE_CHARS)
}

/// As [`one_line`], at most `max` characters: its first two thirds and its last fifth around
/// " … ".
pub(crate) fn one_line_max(message: &str, max: usize) -> String {
    let mut shown = String::with_capacity(message.len());
    for c in message.chars() {
        push_shown(&mut shown, c);
    }
    let count = shown.chars().count();
    if count <= max {
        return shown;
    }
    let head: String = shown.chars().take(max * 2 / 3).collect();
    let tail: String = shown.chars().skip(count.saturating_sub(max / 5)).collect();
    format!("{head} … {tail}")
}

/// A data file (catalogue, organisations, configuration) that does not validate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// Which file or configuration, e.g. `catalogus` or `voorbeeld-noord-brabant`.
    pub source: String,
    pub message: String,
}

impl DataError {
    pub fn new(source: impl Into<String>, message: impl Into<String>) -> DataError {
        DataError {
            source: source.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = one_line(&self.message);
        write!(f, "{}: {message}", self.source)
    }
}

impl std::error::Error for DataError {}

impl From<DataError> for ScenarioError {
    fn from(e: DataError) -> ScenarioError {
        ScenarioError::new("", format!("interne fout in meegeleverde gegevens: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line_of_plain_text() {
        let e = DataError::new(
            "catalogus",
            "unknown field `f\u{7f}rmat`\n\u{1b}[31m\u{2028}x",
        );
        assert_eq!(e.to_string(), "catalogus: unknown field `f rmat`  [31m x");
        let e = ScenarioError::new("title", "a\tb\r\nc");
        assert_eq!(e.to_string(), "title: a b  c");
        let long = format!("{}END at line 1 column 9", "k".repeat(100_000));
        let shown = ScenarioError::new("", long).to_string();
        assert!(
            shown.chars().count() <= MAX_MESSAGE_CHARS,
            "{}",
            shown.len()
        );
        assert!(shown.ends_with("END at line 1 column 9") && shown.contains(" … "));
    }

    #[test]
    fn format_characters_and_nul_are_escaped_not_obeyed_or_lost() {
        // A right-to-left override would display the rest of the message reversed.
        let e = ScenarioError::new("location.gemeente", "onbekende gemeente 'GM\u{202E}8280'");
        assert_eq!(
            e.to_string(),
            "location.gemeente: onbekende gemeente 'GM\\u202E8280'"
        );
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}', '\u{FEFF}',
        ] {
            let shown = one_line(&format!("a{c}b"));
            assert_eq!(shown, format!("a\\u{:04X}b", u32::from(c)));
        }
        // NUL is shown, not removed: the message must not contradict itself.
        assert_eq!(one_line("'GM0828\0'"), "'GM0828\\u0000'");
        // Other control characters are a space, as before.
        assert_eq!(one_line("a\u{7}b\u{85}c"), "a b c");
        assert_eq!(
            one_line_max(&"x".repeat(400), 300).chars().count(),
            200 + 3 + 60
        );
    }
}
