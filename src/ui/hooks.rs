//! The shell's effects as hooks (Yew's function_todomvc keeps its storage effect beside the
//! reducer the same way): the reducers stay pure, and these write the URL, storage and the
//! host page.

mod use_config_store;
#[cfg(feature = "views")]
mod use_host;
mod use_scenario;
#[cfg(not(feature = "views"))]
mod use_upgrade;

use std::rc::Rc;

use yew::prelude::*;

use super::context::Derived;
use super::embedding::Embedding;
use super::state::State;
use super::view::View;
use crate::domain::Engine;
pub use use_config_store::use_config_store;
pub use use_scenario::use_scenario;

/// What the shell needs for the effects that differ between the two builds.
#[allow(dead_code)] // each build reads the fields its own effects need
pub struct BuildEffects<'a> {
    pub embedding: &'a Rc<Embedding>,
    pub state: &'a UseReducerHandle<State>,
    pub outcome: &'a Rc<Derived>,
    pub engine: &'static Engine,
    pub app: &'a NodeRef,
    pub view: View,
}

/// The full build: the postMessage API for a host page (`use_host`).
#[cfg(feature = "views")]
#[hook]
pub fn use_build_effects(e: BuildEffects<'_>) {
    use_host::use_host(e.embedding, e.state, e.outcome, e.engine, e.app);
}

/// The start build: another view than the explainer loads the full build (`use_upgrade`).
#[cfg(not(feature = "views"))]
#[hook]
pub fn use_build_effects(e: BuildEffects<'_>) {
    use_upgrade::use_upgrade(e.app, e.view, &e.state.draft, e.state.lang);
}
