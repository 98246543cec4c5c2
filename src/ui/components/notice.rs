//! A message for the user with a button to close it. A function, not a component: it has
//! no state of its own, and every component type costs first-load size (docs/performance.md).

use yew::prelude::*;

use crate::ui::i18n::Lang;

pub fn notice(text: &str, lang: Lang, ondismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="rw-notice" role="alert">
            <p>{ text }</p>
            <button type="button" class="rw-button" onclick={ondismiss}>{ lang.t("Sluiten", "Close") }</button>
        </div>
    }
}
