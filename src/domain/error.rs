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

/// A message as one line of plain text: every control character (line breaks, tabs, escape
/// sequences that a terminal would obey) and line separator becomes a space, and an overlong
/// message is shortened in the middle. Messages quote input (serde_json's "unknown field
/// `…`" does so verbatim), and fuzzing found keys such as "f\u{7f}rmat" coming through raw.
pub(crate) fn one_line(message: &str) -> String {
    let clean: Vec<char> = message
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if clean.len() <= MAX_MESSAGE_CHARS {
        return clean.into_iter().collect();
    }
    let head: String = clean.iter().take(1_000).collect();
    let tail: String = clean.iter().skip(clean.len().saturating_sub(300)).collect();
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
}
