//! A message for the user with a button to close it. A function, not a component: it has
//! no state of its own, and every component type costs first-load size (docs/performance.md).

use yew::prelude::*;

use crate::ui::i18n::Lang;
use crate::ui::state::Notice;

/// `text` is in `text_lang` (the engine's and the stored data's messages are Dutch); it is
/// marked when that is not the page's language.
#[cfg(feature = "views")]
pub fn notice(text: &str, text_lang: Lang, lang: Lang, ondismiss: Callback<MouseEvent>) -> Html {
    notices(&[Notice::new(text_lang, text.to_string())], lang, ondismiss)
}

/// Several messages, each in its own language, closed together.
pub fn notices(lines: &[Notice], lang: Lang, ondismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="rw-notice" role="alert">
            { for lines.iter().map(|n| html! { <p lang={(n.lang != lang).then_some(n.lang.code())}>{ &n.text }</p> }) }
            <button type="button" class="nl-button nl-button--secondary" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
        </div>
    }
}
