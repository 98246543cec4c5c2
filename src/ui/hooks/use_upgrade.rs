//! The start build (without the `views` feature) has only the explainer: opening another
//! view asks the page's loader (www/loader.js) to switch to the full build, handing over the
//! scenario and the language so no work is lost.

use yew::prelude::*;

use super::super::i18n::Lang;
use super::super::view::View;
use crate::domain::ScenarioDraft;

const UPGRADE_EVENT: &str = "routewijzer-upgrade";

/// Sends the upgrade event from `app` whenever a view other than the explainer is chosen.
#[hook]
pub fn use_upgrade(app: &NodeRef, view: View, draft: &ScenarioDraft, lang: Lang) {
    let app = app.clone();
    use_effect_with((view, draft.clone()), move |(view, draft)| {
        if *view == View::Verklaren {
            return;
        }
        let Some(element) = app.cast::<web_sys::Element>() else {
            return;
        };
        let detail = serde_json::json!({ "view": view.id(), "scenario": draft.to_value(), "lang": lang.code() });
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        // One serializer for every interface (serde_json), parsed by the browser.
        let parsed = serde_json::to_string(&detail)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok());
        if let Some(detail) = parsed {
            init.set_detail(&detail);
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(UPGRADE_EVENT, &init) {
            let _ = element.dispatch_event(&event);
        }
    });
}
