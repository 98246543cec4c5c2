//! Routewijzer: shows how the Omgevingsloket (DSO-LV) routes verzoeken to bevoegd gezag and
//! behandeldienst, and which triggers go out.
//!
//! Architecture (see README): `domain` is the routing contract and engine, `geo` answers
//! "where is this point", `data` holds the bundled files. These three are plain Rust: no
//! IO, no browser, no panics. `ui` is the Yew layer; its state layer (reducers) compiles
//! everywhere, its components only on wasm32 (ARCHITECTURE.md).

pub mod data;
pub mod domain;
pub mod geo;
pub mod short_sort;

pub mod ui;
