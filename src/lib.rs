//! Routewijzer: shows how the Omgevingsloket (DSO-LV) routes verzoeken to bevoegd gezag and
//! behandeldienst, and which triggers go out.
//!
//! Architecture (see README): `domain` is the routing contract and engine, `geo` answers
//! "where is this point", `data` holds the bundled files and validates them. These three
//! are plain Rust: no IO, no browser, no panics. `ui` is the Yew layer and exists only on
//! wasm32.

pub mod data;
pub mod domain;
pub mod geo;

#[cfg(target_arch = "wasm32")]
pub mod ui;
