//! Translations of the interface: one module per language, each defining the same four string
//! tables as English (`crate::i18n::EN`, `crate::wizard_text::WIZARD_EN`,
//! `crate::about_text::ABOUT_EN`, `crate::stats_text::STATS_EN`). Every field must be given, so a
//! missing translation does not compile. City names and quoted sentences of the call stay as
//! published (the quotes live outside these tables).
pub mod de;
pub mod es;
pub mod fr;
pub mod it;
pub mod pt;
pub mod switch;
