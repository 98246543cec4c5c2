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
        let message = self.message.replace(['\n', '\r'], " ");
        if self.path.is_empty() {
            write!(f, "{message}")
        } else {
            write!(f, "{}: {message}", self.path)
        }
    }
}

impl std::error::Error for ScenarioError {}

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
        let message = self.message.replace(['\n', '\r'], " ");
        write!(f, "{}: {message}", self.source)
    }
}

impl std::error::Error for DataError {}

impl From<DataError> for ScenarioError {
    fn from(e: DataError) -> ScenarioError {
        ScenarioError::new("", format!("interne fout in meegeleverde gegevens: {e}"))
    }
}
