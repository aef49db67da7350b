//! Every user-visible string of the statistics panel (see `crate::i18n` for the pattern): one
//! [`StatsStrings`] value per language; a missing field is a compile error. Templates use `{name}`
//! placeholders filled by [`crate::i18n::fill`].

use crate::i18n::Lang;

crate::string_table! {
    /// The statistics panel's strings in one language.
    pub struct StatsStrings {
        /// The panel's heading (also the label of the button that opens and closes it).
        pub title: &'static str,
        /// `{n}`: how many pairings are shown (and counted).
        pub intro: &'static str,
        pub by_region: &'static str,
        pub by_partner_country: &'static str,
        pub by_eu_country: &'static str,
        pub by_tag: &'static str,
        /// Under the topic chart: why its counts add up to more than the pairings shown.
        pub tag_note: &'static str,
        /// After a count of 1 (read by screen readers, not shown).
        pub unit_one: &'static str,
        /// After any other count (read by screen readers, not shown).
        pub unit_other: &'static str,
        /// `{n}`: how many values the chart has.
        pub show_all: &'static str,
        /// `{n}`: how many values are shown when collapsed.
        pub show_top: &'static str,
        /// When no pairing is shown.
        pub nothing: &'static str,
    }
}

/// English.
pub static STATS_EN: StatsStrings = StatsStrings {
    title: "Statistics at a glance",
    intro: "Counts of the {n} pairings shown, for the current search and filters. Select a bar to filter by it; \
            select it again to remove the filter.",
    by_region: "By partner region",
    by_partner_country: "By partner country",
    by_eu_country: "By EU country",
    by_tag: "By topic",
    tag_note: "A pairing can have several topics, so these counts can add up to more than the number of pairings.",
    unit_one: "pairing",
    unit_other: "pairings",
    show_all: "Show all {n}",
    show_top: "Show the top {n} only",
    nothing: "No pairings are shown, so there is nothing to count.",
};

/// The statistics strings for `lang`.
pub fn stats_strings(lang: Lang) -> &'static StatsStrings {
    crate::lang::bundle::get(lang).map_or(&STATS_EN, |b| &b.stats)
}
