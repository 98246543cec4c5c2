//! Dutch first, English second. Each label is written as its pair where it is used, so a
//! translator sees both side by side. Texts that exist only in Dutch (the engine's messages,
//! a trainer's own casus) are shown as they are and marked `lang="nl"`.

/// The domain's language (its findings are written in both); the app's words are here.
pub use crate::domain::Lang;

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (the switch offers it).
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// "1 verzoek", "2 verzoeken": `n` with the word for one or for more.
    pub fn count(self, n: usize, one: (&str, &str), more: (&str, &str)) -> String {
        let (nl, en) = if n == 1 { one } else { more };
        format!("{n} {}", if self == Lang::Nl { nl } else { en })
    }
}
