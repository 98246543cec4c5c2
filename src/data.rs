//! Bundled data files (catalogue, configurations, geography) and their validation.
