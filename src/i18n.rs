//! Every user-visible string of the interface, in one place.
//!
//! Each language is one `Strings` value; a missing string in any language is a compile error
//! (every field must be given). Templates use `{name}` placeholders filled by [`fill`].
//! City names, and the call's quoted sentences, stay as published.

use leptos::prelude::*;

/// The interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    Es,
    De,
    It,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::De, Lang::It, Lang::Pt];

    /// BCP 47 code, for `lang` attributes and the `lang=` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Pt => "pt",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.get(..2)?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == c)
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::De => "Deutsch",
            Lang::It => "Italiano",
            Lang::Pt => "Português",
        }
    }

    /// The interface strings (English until the language's bundle is installed: see
    /// `crate::lang::bundle`; the app shows a language only once it is).
    pub fn strings(self) -> &'static Strings {
        crate::lang::bundle::get(self).map_or(&EN, |b| &b.strings)
    }

    /// The first of the browser's preferred languages that the interface speaks; English if none.
    pub fn from_browser() -> Lang {
        let Some(nav) = crate::dom::window().map(|w| w.navigator()) else { return Lang::En };
        let langs = nav.languages();
        (0..langs.length())
            .filter_map(|k| langs.get(k).as_string())
            .chain(nav.language())
            .find_map(|code| Lang::from_code(&code))
            .unwrap_or(Lang::En)
    }
}

/// Replace `{key}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// An integer with the language's digit grouping (100,000 / 100 000 / 100.000).
pub fn fmt_u64(lang: Lang, n: u64) -> String {
    // Grouping as each language writes it: 100,000 / 100 000 / 100.000 (a no-break space where a
    // space groups, so numbers never wrap).
    let sep = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
        Lang::Pt => "\u{a0}",
        Lang::Es | Lang::De | Lang::It => ".",
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// [`fmt_u64`] for counts.
pub fn fmt_int(lang: Lang, n: usize) -> String {
    fmt_u64(lang, n as u64)
}

/// The current language, provided at the root of the app.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The strings of the current language (reactive: read it inside a closure).
    pub fn t(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    /// Put the document title back to the app's name (when a page that set its own goes away).
    pub fn reset_title(&self) {
        let lang = self.lang.try_get_untracked().unwrap_or(Lang::En);
        crate::dom::set_title(lang.strings().app_name);
    }
}

/// The i18n context (the root provides it; tests mounting a lone component get English).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| {
        let i = I18n { lang: RwSignal::new(Lang::En) };
        provide_context(i);
        i
    })
}

crate::string_table! {
    pub struct Strings {
        pub app_name: &'static str,
        pub language: &'static str,
        /// The language switch could not fetch a language's strings: `{name}` is its own name.
        pub language_failed: &'static str,
        pub programme: &'static str,
        pub skip_to_content: &'static str,
        pub nav_label: &'static str,
        pub nav_explore: &'static str,
        pub nav_eligibility: &'static str,
        pub nav_about: &'static str,
        pub footer_data: &'static str,
        pub footer_geonames: &'static str,
        pub footer_basemap: &'static str,
        pub footer_programme: &'static str,
        pub footer_privacy: &'static str,
        pub load_failed_title: &'static str,
        pub load_failed_help: &'static str,
        pub problems_title: &'static str,
        pub problems_intro: &'static str,
        pub problems_more: &'static str,
        pub not_found_title: &'static str,
        pub not_found_text: &'static str,
        pub not_found_home: &'static str,
        pub explore_title: &'static str,
        pub explore_intro: &'static str,
        pub search_label: &'static str,
        pub search_hint: &'static str,
        pub n_of_total_shown: &'static str,
        pub filters_title: &'static str,
        /// The menu that holds the downloads, "Embed this view" and Print (in an embed: no
        /// "Embed this view").
        pub actions_menu: &'static str,
        pub actions_menu_embed: &'static str,
        /// On phones: the button that opens the filters as a full-height sheet; `{n}`: how many
        /// filters are on (the button shows it when there are any).
        pub filters_open: &'static str,
        pub filters_open_n: &'static str,
        /// Closes the filter sheet; `{n}`: the pairings the filters leave.
        pub filters_show_n: &'static str,
        pub clear_all: &'static str,
        pub n_selected: &'static str,
        pub facet_region: &'static str,
        pub facet_tag: &'static str,
        pub facet_partner_country: &'static str,
        pub facet_eu_country: &'static str,
        pub region_asia: &'static str,
        pub region_lac: &'static str,
        pub region_na: &'static str,
        pub view_label: &'static str,
        pub view_map: &'static str,
        pub view_table: &'static str,
        pub view_both: &'static str,
        pub export_label: &'static str,
        pub export_csv: &'static str,
        pub export_json: &'static str,
        /// The GeoJSON download (the arcs of the shown pairings, for GIS tools).
        pub export_geojson: &'static str,
        pub print: &'static str,
        pub table_caption: &'static str,
        pub col_eu_city: &'static str,
        pub col_eu_country: &'static str,
        pub col_partner_city: &'static str,
        pub col_partner_country: &'static str,
        pub col_region: &'static str,
        pub col_topics: &'static str,
        pub empty_title: &'static str,
        pub empty_text: &'static str,
        pub table_is_alternative: &'static str,
        pub detail_not_found: &'static str,
        pub detail_not_found_text: &'static str,
        pub close: &'static str,
        pub close_detail: &'static str,
        pub population: &'static str,
        pub places: &'static str,
        pub country: &'static str,
        pub eu_side: &'static str,
        pub partner_side: &'static str,
        pub tags: &'static str,
        pub sdgs: &'static str,
        /// One goal in the detail's list, e.g. "SDG 11".
        pub sdg_n: &'static str,
        pub distance: &'static str,
        pub km: &'static str,
        pub similar: &'static str,
        pub map_title: &'static str,
        pub map_help: &'static str,
        pub map_zoom_to: &'static str,
        pub map_world: &'static str,
        /// Zooms the map to the pairings shown (and makes it follow the filters again).
        pub map_fit: &'static str,
        pub map_europe: &'static str,
        pub map_asia: &'static str,
        pub map_americas: &'static str,
        pub map_skip: &'static str,
        pub map_zoom_label: &'static str,
        pub map_zoom_in: &'static str,
        pub map_zoom_out: &'static str,
        pub map_reset: &'static str,
        pub map_legend: &'static str,
        pub legend_eu: &'static str,
        pub legend_partner: &'static str,
        pub legend_arc: &'static str,
        pub legend_cluster: &'static str,
        pub map_text_alternative: &'static str,
        pub map_marker_eu: &'static str,
        pub map_marker_partner: &'static str,
        pub map_cluster: &'static str,
        pub map_selected: &'static str,
        pub map_basemap_failed: &'static str,
        pub map_arcs_hidden: &'static str,
        pub update_available: &'static str,
        pub update_reload: &'static str,
        pub embed_button: &'static str,
        pub embed_title: &'static str,
        pub embed_help: &'static str,
        pub embed_code_label: &'static str,
        pub embed_copy: &'static str,
        pub embed_copied: &'static str,
        pub embed_open_full: &'static str,
        pub opens_new_tab: &'static str,
        pub embed_credits: &'static str,
        pub embed_options: &'static str,
        pub embed_opt_title: &'static str,
        pub embed_opt_map: &'static str,
        pub embed_opt_accent: &'static str,
        pub embed_opt_accent_hint: &'static str,
        pub embed_accent_used: &'static str,
        pub embed_accent_faint: &'static str,
        pub embed_accent_invalid: &'static str,
        pub embed_preview: &'static str,
        pub embed_preview_title: &'static str,
        /// A page whose code is still being fetched (a lazily loaded route); as public/pre.js says it.
        pub page_loading: &'static str,
        /// A part of the app whose code could not be fetched (src/lazy.rs), and its button.
        pub part_failed: &'static str,
        pub try_again: &'static str,
    }
}

pub static EN: Strings = Strings {
    app_name: "IUC Pairings Explorer",
    language: "Language",
    language_failed: "{name} could not be loaded. Check your connection and try again.",
    programme: "International Urban Cooperation (IUC) city-to-city pairings",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    nav_explore: "Explore pairings",
    nav_eligibility: "Can my city join?",
    nav_about: "About the programme",
    footer_data: "Pairings and programme text: the IUC programme page, © European Union.",
    footer_geonames: "Coordinates and populations: GeoNames, licensed under CC BY 4.0.",
    footer_basemap: "Basemap: Natural Earth (public domain) via world-atlas (ISC licence).",
    footer_programme: "An independent explorer of public programme information; not an official EU site.",
    footer_privacy: "No cookies, no tracking, no third-party requests: everything runs in your browser.",
    load_failed_title: "The pairings could not be loaded",
    load_failed_help: "Check your connection and reload the page. If it keeps failing, the data file on the server may be missing or damaged.",
    problems_title: "Some records in the data file have problems",
    problems_intro: "{valid} of {total} pairings are shown. These problems need fixing in the data file:",
    problems_more: "… and {n} more.",
    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the link may be mistyped.",
    not_found_home: "Go to the pairings explorer",
    explore_title: "Explore the city pairings",
    explore_intro: "Through the IUC programme, EU cities cooperate with cities in Asia, Latin America and the Caribbean, and North America on sustainable urban development.",
    search_label: "Search the pairings",
    search_hint: "City, country, topic or region — accents and case don't matter; several words narrow the result.",
    n_of_total_shown: "{n} of {total} pairings shown",
    filters_title: "Filter",
    actions_menu: "Download, embed, print",
    actions_menu_embed: "Download, print",
    filters_open: "Filters",
    filters_open_n: "Filters ({n})",
    filters_show_n: "Show {n} pairings",
    clear_all: "Clear search and filters",
    n_selected: "{n} selected",
    facet_region: "Partner region",
    facet_tag: "Topic",
    facet_partner_country: "Partner country",
    facet_eu_country: "EU country",
    region_asia: "Asia",
    region_lac: "Latin America and the Caribbean",
    region_na: "North America",
    view_label: "Show",
    view_map: "Map",
    view_table: "Table",
    view_both: "Map and table",
    export_label: "Export the pairings shown",
    export_csv: "Download CSV",
    export_json: "Download JSON",
    export_geojson: "Download GeoJSON (map)",
    print: "Print",
    table_caption: "IUC city pairings: EU city, its country, the paired city, its country, the partner region and the topics of cooperation",
    col_eu_city: "EU city",
    col_eu_country: "EU country",
    col_partner_city: "Paired city",
    col_partner_country: "Partner country",
    col_region: "Region",
    col_topics: "Topics",
    empty_title: "No pairings match",
    empty_text: "Try fewer or different words, or remove some filters.",
    table_is_alternative: "This table lists the same {total} pairings as the map and is its text alternative.",
    detail_not_found: "Pairing not found",
    detail_not_found_text: "There is no pairing with the id “{id}”. It may have been renamed.",
    close: "Close",
    close_detail: "Close the pairing detail",
    population: "Population",
    places: "Member places",
    country: "Country",
    eu_side: "EU city",
    partner_side: "Paired city",
    tags: "Topic tags",
    sdgs: "Sustainable Development Goals",
    sdg_n: "SDG {n}",
    distance: "Distance between the cities",
    km: "{n} km",
    similar: "Pairings with similar topics",
    map_title: "Map of the pairings",
    map_help: "Each pairing is an arc between its two cities. Zoom with the buttons, the mouse wheel, pinch, or the + and − keys; move with drag or the arrow keys; 0 resets. Select a city to see its pairing.",
    map_zoom_to: "Zoom to",
    map_world: "World",
    map_fit: "Fit to shown",
    map_europe: "Europe",
    map_asia: "Asia",
    map_americas: "The Americas",
    map_skip: "Skip the map markers",
    map_zoom_label: "Zoom",
    map_zoom_in: "Zoom in",
    map_zoom_out: "Zoom out",
    map_reset: "Show the whole world",
    map_legend: "Legend",
    legend_eu: "EU city (circle)",
    legend_partner: "Partner city (square)",
    legend_arc: "Pairing",
    legend_cluster: "Several cities close together: select to zoom in",
    map_text_alternative: "The table of pairings below lists the same pairings as the map, as text.",
    map_marker_eu: "{city}, {country} (EU city), paired with {partners}",
    map_marker_partner: "{city}, {country} (partner city), paired with {partners}",
    map_cluster: "{n} cities close together: {places}. Select to zoom in.",
    map_selected: "Selected on the map: {eu} and {partner} ({region}).",
    map_arcs_hidden: "More than {max} pairings are shown, too many to draw as arcs: narrow the search or the filters to see them. Cities are still on the map.",
    map_basemap_failed: "The basemap could not be loaded; the cities and pairings are still shown.",
    update_available: "A new version of the explorer is available.",
    update_reload: "Reload",
    embed_button: "Embed this view",
    embed_title: "Embed this view on your website",
    embed_help: "Paste this code into your page. It shows the map and table with the current search and filters, without the site header, and resizes itself to its content. It sets no cookies and sends no data anywhere.",
    embed_code_label: "Embed code",
    embed_copy: "Copy code",
    embed_copied: "Copied. You can paste it into your page.",
    embed_open_full: "Open the full IUC Pairings Explorer",
    opens_new_tab: " (opens in a new tab)",
    embed_credits: "Data: IUC programme page © European Union; GeoNames (CC BY 4.0); Natural Earth.",
    embed_options: "Options",
    embed_opt_title: "Show the title and introduction",
    embed_opt_map: "Keep the map where it is now (otherwise it fits the pairings shown)",
    embed_opt_accent: "Accent colour",
    embed_opt_accent_hint: "Your brand colour as hex, such as #5b2a86. Leave empty for the explorer's blue.",
    embed_accent_used: "{hex} is used.",
    embed_accent_faint: "{hex} is not used: its contrast with the page's background is {ratio}:1, below the 4.5:1 that WCAG AA asks for text. Choose a darker colour; the explorer's blue is kept.",
    embed_accent_invalid: "“{value}” is not a colour: give one as hex, such as #5b2a86.",
    embed_preview: "Preview",
    embed_preview_title: "Preview of the embedded view",
    page_loading: "Loading…",
    part_failed: "This part of the explorer could not be loaded. Check your connection and try again.",
    try_again: "Try again",
};

/// A partner region's name in the reader's language (Explore's facets and table, the wizard).
pub fn region_label(i: &I18n, r: iuc_core::dataset::Region) -> &'static str {
    use iuc_core::dataset::Region;
    let t = i.t();
    match r {
        Region::Asia => t.region_asia,
        Region::LatinAmericaCaribbean => t.region_lac,
        Region::NorthAmerica => t.region_na,
    }
}
