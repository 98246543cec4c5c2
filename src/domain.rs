//! The routing contract (../spec in README) and `route()`.
