//! Shared tooling: the static preview server (used by `cargo xtask preview`, the e2e tests and
//! the benchmark), size measurement, and the basemap generator.
pub mod basemap;
pub mod sizes;
pub mod split;
pub mod static_server;
