//! Components: one per file, each a `FooProps` and a `#[function_component(Foo)]`. Those
//! that read the app's state take it from the context (`context::use_app`).

pub mod activities;
pub mod assumptions_form;
pub mod configuration_select;
pub mod findings;
pub mod flow;
pub mod glossary;
pub mod location_card;
pub mod location_picker;
pub mod map;
pub mod notice;
pub mod outcome;
pub mod summary;
