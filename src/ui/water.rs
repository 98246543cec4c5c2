//! The large waters in the start build. A point in the IJsselmeer, the Waddenzee or the
//! Zeeuwse wateren lies in no gemeente polygon; the water areas that place it (`geo::water`,
//! 7 KB gzip) are compiled into the full build only, and the start build fetches them the
//! first time a point misses every gemeente polygon (docs/performance.md). The loader
//! (www/loader.js) fetches `data/geo/water.bin` on the `routewijzer-water` event and hands the
//! bytes to `MountedApp::set_water`; then what waited is done again: the place is set or
//! refused as usual, a link or file is opened again. Kept small: it is in the first load.

use std::cell::RefCell;

use yew::UseReducerDispatcher;

use super::location::locate;
use super::state::{Action, Place, State};
use crate::geo::Geography;

/// Sent on the document (there is one set of water areas per page).
pub const WATER_EVENT: &str = "routewijzer-water";

type App = UseReducerDispatcher<State>;

/// What waits for the water areas.
#[derive(Default)]
struct Waiting {
    asked: bool,
    /// A place chosen in an app.
    place: Option<(App, Place)>,
    /// A refused scenario (a link, a file, stored work): opened again in the app that last
    /// rendered (at start-up: the one that read it). The first one waits: a link is read
    /// before the stored work it replaces.
    scenario: Option<String>,
    app: Option<App>,
}

thread_local! {
    static WAITING: RefCell<Waiting> = RefCell::new(Waiting::default());
}

/// Called by every app when it renders: a refused scenario opens there.
pub fn track(app: &App) {
    WAITING.with(|w| w.borrow_mut().app = Some(app.clone()));
}

/// Whether a point that missed every gemeente polygon may be water this build cannot place
/// yet; if so, `keep` keeps what waits and the loader is asked for the areas (once).
fn wait(keep: impl FnOnce(&mut Waiting)) -> bool {
    if Geography::bundled().has_water() {
        return false;
    }
    let ask = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        keep(&mut w);
        !std::mem::replace(&mut w.asked, true)
    });
    if ask {
        if let Ok(event) = web_sys::CustomEvent::new(WATER_EVENT) {
            let _ = gloo::utils::document().dispatch_event(&event);
        }
    }
    true
}

/// True when `place` waits for the water areas (and is set or refused in `app` then).
pub fn wait_for_place(app: &App, place: &Place) -> bool {
    locate(place).is_none() && wait(|w| w.place = Some((app.clone(), place.clone())))
}

/// True when a scenario refused for its point waits for the water areas.
pub fn wait_for_scenario(text: &str) -> bool {
    wait(|w| {
        w.scenario.get_or_insert_with(|| text.to_string());
    })
}

/// The fetched areas (empty when they could not be fetched): what waited is done again.
pub fn set(bytes: &[u8]) {
    let supplied = Geography::bundled().supply_water(bytes).is_ok();
    let (place, scenario, app) = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        w.asked = supplied; // after a failure a later point may ask again
        (w.place.take(), w.scenario.take(), w.app.clone())
    });
    if !supplied {
        if let Some(app) = place
            .map(|(app, _)| app)
            .or(app.filter(|_| scenario.is_some()))
        {
            app.dispatch(Action::Notify(
                "De waterkaart (IJsselmeer, Waddenzee…) kon niet laden; probeer het later opnieuw."
                    .into(),
            ));
        }
        return;
    }
    if let Some((app, place)) = place {
        app.dispatch(Action::Place(place));
    }
    if let (Some(text), Some(app)) = (scenario, app) {
        app.dispatch(match State::from_scenario_text(&text) {
            Ok(state) => Action::Load(Box::new(state)),
            Err(message) => Action::Notify(message),
        });
    }
}
