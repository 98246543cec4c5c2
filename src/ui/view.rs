//! The app's views. Plain data: the shell switches between them, mount options name them.

use super::i18n::Lang;

/// The app's views; the explainer stays mounted (hidden) so its map keeps pan and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Verklaren,
    Oefenen,
    Speelveld,
    Configuratie,
    Werkafspraken,
}

impl View {
    /// In the order of the tabs.
    pub const ALL: [View; 5] = [
        View::Verklaren,
        View::Configuratie,
        View::Speelveld,
        View::Werkafspraken,
        View::Oefenen,
    ];

    /// The name in mount options (`views: ["verklaren", …]`).
    pub fn id(self) -> &'static str {
        match self {
            View::Verklaren => "verklaren",
            View::Configuratie => "configuratie",
            View::Speelveld => "speelveld",
            View::Oefenen => "oefenen",
            View::Werkafspraken => "werkafspraken",
        }
    }

    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        // One choice of language, not one per view: smaller in the start build.
        let (nl, en) = match self {
            View::Verklaren => ("Verklaren", "Explain"),
            View::Oefenen => ("Oefenen", "Training"),
            View::Speelveld => ("Speelveld", "Overview"),
            View::Configuratie => ("Configuratie", "Configuration"),
            View::Werkafspraken => ("Werkafspraken", "Agreements"),
        };
        lang.t(nl, en)
    }

    /// The page's title while this view is on screen.
    pub fn title(self, lang: Lang) -> String {
        match self {
            View::Verklaren => lang
                .t(
                    "Routewijzer – hoe het Omgevingsloket verzoeken routeert",
                    "Routewijzer – how the Omgevingsloket routes verzoeken",
                )
                .to_string(),
            other => format!("{} – Routewijzer", other.label(lang)),
        }
    }
}
