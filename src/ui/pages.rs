//! One page per view (Yew's function_router keeps `pages/` beside `components/`). The
//! explainer is in both builds; the other views only in the full build (`views`).

#[cfg(feature = "views")]
pub mod configuratie;
#[cfg(feature = "views")]
pub mod oefenen;
#[cfg(feature = "views")]
pub mod speelveld;
pub mod verklaren;
#[cfg(feature = "views")]
pub mod werkafspraken;
