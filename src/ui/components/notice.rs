//! A message for the user with a button to close it. A function, not a component: it has
//! no state of its own, and every component type costs first-load size (docs/performance.md).

use yew::prelude::*;

use crate::ui::i18n::Lang;

/// `text` is in `text_lang` (the engine's and the stored data's messages are Dutch); it is
/// marked when that is not the page's language.
pub fn notice(text: &str, text_lang: Lang, lang: Lang, ondismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="rw-notice" role="alert">
            <p lang={(text_lang != lang).then_some(text_lang.code())}>{ text }</p>
            <button type="button" class="nl-button nl-button--secondary" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
        </div>
    }
}
