//! The JavaScript API of the Wasm module (contract §7).
