//! What every page and component reads through Yew's context instead of props (the
//! `contexts` example): the state with its dispatcher, the configuration store, the engine,
//! the embedding options, the derived outcome, and the way to switch views.

use std::rc::Rc;

use yew::prelude::*;

use super::embedding::Embedding;
use super::state::store::{Store, StoreAction};
use super::state::{Action, State};
use super::view::View;
use crate::domain::{Engine, Outcome};

// The Yew side of the reducers: one line each, the logic is in `state` (plain Rust).
impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<State> {
        Rc::new((*self).clone().reduce(action))
    }
}

impl Reducible for Store {
    type Action = StoreAction;
    fn reduce(self: Rc<Self>, action: StoreAction) -> Rc<Store> {
        Rc::new((*self).clone().reduce(action))
    }
}

#[cfg(feature = "views")]
impl Reducible for super::state::werkafspraken::WaState {
    type Action = super::state::werkafspraken::WaAction;
    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        Rc::new((*self).clone().reduce(action))
    }
}

/// The explainer's outcome: `None` while the scenario is incomplete, else the outcome or
/// the engine's one-line message.
pub type Derived = Option<Result<Outcome, String>>;

#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<State>,
    pub store: UseReducerHandle<Store>,
    pub engine: &'static Engine,
    pub embedding: Rc<Embedding>,
    /// Derived from `state` by the shell (`use_memo`), never stored.
    pub outcome: Rc<Derived>,
    pub onview: Callback<View>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &AppContext) -> bool {
        self.state == other.state
            && self.store == other.store
            && std::ptr::eq(self.engine, other.engine)
            && self.embedding == other.embedding
            && Rc::ptr_eq(&self.outcome, &other.outcome)
            && self.onview == other.onview
    }
}

impl AppContext {
    /// A callback that dispatches the action `make` builds from its argument (if any).
    /// `make` is boxed: one copy of this code per argument type, not one per call site.
    pub fn callback<T: 'static>(
        &self,
        make: impl Fn(T) -> Option<Action> + 'static,
    ) -> Callback<T> {
        dispatcher(&self.state, Box::new(make))
    }
}

fn dispatcher<T: 'static>(
    state: &UseReducerHandle<State>,
    make: Box<dyn Fn(T) -> Option<Action>>,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| {
        if let Some(action) = make(value) {
            state.dispatch(action);
        }
    })
}

/// The app's context; `None` only outside the `App` shell.
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
