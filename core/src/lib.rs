//! # iuc-core — the pure domain core of the IUC Pairings Explorer
//!
//! Everything here is plain Rust over plain data: no DOM, no network, no clock, no randomness.
//! The Leptos shell (the `iuc-explorer` crate) holds signals and calls into this crate; the
//! tooling (`xtask`) uses it to generate and check data. Every rule is tested natively with
//! `cargo test`.

pub mod colour;
pub mod dataset;
pub mod eligibility;
pub mod export;
pub mod gazetteer;
pub mod geo;
pub mod order;
pub mod search;
pub mod state;
pub mod text;
pub mod window;
