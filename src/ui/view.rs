//! The app's views. Plain data: the shell switches between them, mount options name them.

use super::i18n::Lang;

/// The app's views; the explainer stays mounted (hidden) so its map keeps pan and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Verklaren,
    Oefenen,
    Speelveld,
    Configuratie,
}

impl View {
    /// In the order of the tabs.
    pub const ALL: [View; 4] = [
        View::Verklaren,
        View::Configuratie,
        View::Speelveld,
        View::Oefenen,
    ];

    /// The name in mount options (`views: ["verklaren", …]`).
    pub fn id(self) -> &'static str {
        match self {
            View::Verklaren => "verklaren",
            View::Configuratie => "configuratie",
            View::Speelveld => "speelveld",
            View::Oefenen => "oefenen",
        }
    }

    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Verklaren => lang.t("Verklaren", "Explain"),
            View::Oefenen => lang.t("Oefenen", "Training"),
            View::Speelveld => lang.t("Speelveld", "Overview"),
            View::Configuratie => lang.t("Configuratie", "Configuration"),
        }
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
