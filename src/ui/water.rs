//! The large waters in the start build. A point in the IJsselmeer, the Waddenzee or the
//! Zeeuwse wateren lies in no gemeente polygon; the water areas that place it (`geo::water`,
//! 7 KB gzip) are compiled into the full build only, and the start build fetches them the
//! first time a point misses every gemeente polygon (docs/performance.md). The loader
//! (www/loader.js) fetches `data/geo/water.bin` on the `routewijzer-water` event and hands the
//! bytes to `MountedApp::set_water`; then what waited is done again: the place is set or
//! refused as usual, a link, file or stored scenario is opened again. Kept small: it is in
//! the first load.

use std::cell::RefCell;

use yew::{UseReducerDispatcher, UseReducerHandle};

use super::i18n::Lang;
use super::state::{draft_from_text, place, water_pending, Action, Notice, Opened, State};
use crate::domain::{Engine, Location};

/// Sent on the document (there is one set of water areas per page).
pub const WATER_EVENT: &str = "routewijzer-water";

type App = UseReducerDispatcher<State>;

/// What waits for the water areas.
struct Waiting {
    asked: bool,
    /// A place chosen in an app, in the app's language.
    place: Option<(App, Location, Lang)>,
    /// A scenario (a link, a file, stored work) whose point missed: opened again in the app
    /// that rendered last (at start-up, the one that read it). The first one waits: a link
    /// is read before the stored work it replaces.
    scenario: Option<String>,
    app: Option<App>,
}

thread_local! {
    static WAITING: RefCell<Waiting> = const {
        RefCell::new(Waiting { asked: false, place: None, scenario: None, app: None })
    };
}

/// Called by the shell on every render: a waiting scenario opens there.
pub fn track(state: &UseReducerHandle<State>) {
    WAITING.with(|w| w.borrow_mut().app = Some(state.dispatcher()));
}

/// Keeps what waits and asks the loader for the areas (once).
fn wait(keep: impl FnOnce(&mut Waiting)) {
    let ask = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        keep(&mut w);
        !std::mem::replace(&mut w.asked, true)
    });
    if ask {
        if let Ok(event) = web_sys::CustomEvent::new(WATER_EVENT) {
            let _ = gloo_utils::document().dispatch_event(&event);
        }
    }
}

/// Placing at `location`: the action, or `None` while it waits for the water areas.
pub fn place_or_wait(state: &UseReducerHandle<State>, engine: &Engine, location: Location) -> Option<Action> {
    if !water_pending(engine, &location) {
        return Some(place(engine, location, state.lang));
    }
    wait(|w| w.place = Some((state.dispatcher(), location, state.lang)));
    None
}

/// What a scenario text whose point may lie in a large water says until the water areas
/// are here (then it opens).
pub const OPENS_LATER: &str = "het punt ligt in geen gemeente op land; de waterkaart laadt, daarna opent het";

/// Scenario JSON text → a draft, as [`Opened::from_text`]; a point that may lie in a large
/// water waits for the water areas ([`OPENS_LATER`]).
pub fn open_text(engine: &Engine, text: &str) -> Result<Opened, String> {
    let draft = draft_from_text(engine, text)?;
    if draft.location.as_ref().is_some_and(|l| water_pending(engine, l)) {
        wait(|w| {
            w.scenario.get_or_insert_with(|| text.to_string());
        });
        return Err(OPENS_LATER.into());
    }
    Opened::new(engine, draft)
}

/// The fetched areas (empty when they could not be fetched): what waited is done again.
pub fn set(bytes: &[u8]) {
    let Ok(engine) = Engine::bundled() else {
        return;
    };
    let supplied = engine.geography().supply_water(bytes).is_ok();
    let (place_at, scenario, app) = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        w.asked = supplied; // after a failure a later point may ask again
        (w.place.take(), w.scenario.take(), w.app.clone())
    });
    if !supplied {
        let to = place_at
            .map(|(app, _, lang)| (app, lang))
            .or(app.filter(|_| scenario.is_some()).map(|app| (app, Lang::Nl)));
        if let Some((app, lang)) = to {
            let text = lang.t(
                "De waterkaart (IJsselmeer, Waddenzee…) kon niet laden; probeer het later opnieuw.",
                "The water map (IJsselmeer, Waddenzee…) could not load; try again later.",
            );
            app.dispatch(Action::Notify(Notice::new(lang, text.into())));
        }
        return;
    }
    if let Some((app, location, lang)) = place_at {
        app.dispatch(place(engine, location, lang));
    }
    if let (Some(text), Some(app)) = (scenario, app) {
        app.dispatch(match Opened::from_text(engine, &text) {
            Ok(opened) => Action::Load(Box::new(opened)),
            // the engine's message is Dutch
            Err(message) => Action::Notify(Notice::new(Lang::Nl, message)),
        });
    }
}
