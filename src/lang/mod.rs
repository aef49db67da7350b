//! Translations of the interface: one module per language, each defining the same four string
//! tables as English (`crate::i18n::EN`, `crate::wizard::text::WIZARD_EN`,
//! `crate::about::text::ABOUT_EN`, `crate::explore::stats::text::STATS_EN`). Every field must be given, so a
//! missing translation does not compile. City names and quoted sentences of the call stay as
//! published (the quotes live outside these tables).
//!
//! The WASM build does not compile them in: it fetches each language's tables as JSON when the
//! language is first used (see [`bundle`]); the native build compiles them and writes and checks
//! those JSON files.
pub mod bundle;
#[cfg(not(target_arch = "wasm32"))]
pub mod de;
#[cfg(not(target_arch = "wasm32"))]
pub mod es;
#[cfg(not(target_arch = "wasm32"))]
pub mod fr;
#[cfg(not(target_arch = "wasm32"))]
pub mod it;
#[cfg(not(target_arch = "wasm32"))]
pub mod pt;
pub mod switch;
