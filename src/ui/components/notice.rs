//! A message for the user with a button to close it.

use yew::prelude::*;

use crate::ui::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: AttrValue,
    pub lang: Lang,
    pub ondismiss: Callback<MouseEvent>,
}

#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    html! {
        <div class="rw-notice" role="alert">
            <p>{ &props.text }</p>
            <button type="button" class="rw-button" onclick={props.ondismiss.clone()}>{ props.lang.t("Sluiten", "Close") }</button>
        </div>
    }
}
