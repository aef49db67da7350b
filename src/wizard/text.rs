//! Every user-visible string of the eligibility wizard ("Can my city join?"), per language.
//!
//! The core (`iuc_core::eligibility`) speaks in stable ids (steps, applicant kinds, error codes,
//! reason kinds, next steps); this module words them. Templates use `{name}` placeholders filled by
//! [`crate::i18n::fill`]. The call's quoted sentences are not here: they come from the rules file
//! and are shown as published. Every field must be given for every language (a missing string is a
//! compile error).

use crate::i18n::Lang;
use iuc_core::eligibility::{ApplicantKind, Comparison, ErrorCode, NextStep, ReasonKind, Requirement, Step, Tri};

crate::string_table! {
    /// The wizard's strings in one language.
    pub struct WizardStrings {
        // ── the page frame ──
        /// Page title template: `{page}` is the page's heading.
        pub doc_title: &'static str,
        /// Put in front of the title when the page shows errors (GOV.UK).
        pub doc_title_error: &'static str,
        /// The wizard's name (heading while loading).
        pub wizard_name: &'static str,
        pub loading_rules: &'static str,
        pub rules_failed_title: &'static str,
        pub rules_failed_help: &'static str,
        pub rules_problems_title: &'static str,
        pub rules_problems_intro: &'static str,
        pub back: &'static str,
        pub continue_button: &'static str,
        pub error_summary_title: &'static str,
        /// Visually hidden before an inline error message.
        pub error_prefix: &'static str,
        pub why_we_ask: &'static str,
        /// Caption under a quote from the call.
        pub quote_source: &'static str,
        pub yes: &'static str,
        pub no: &'static str,
        pub not_sure: &'static str,
        /// Thresholds: `{n}` is the number of inhabitants.
        pub threshold_more_than: &'static str,
        pub threshold_at_least: &'static str,
        /// Month names for dates ("19 March 2018").
        pub months: [&'static str; 12],
        /// `{day} {month} {year}`.
        pub date: &'static str,

        // ── start ──
        pub start_title: &'static str,
        pub start_intro: &'static str,
        pub start_rules_title: &'static str,
        pub start_rule_member_states: &'static str,
        pub start_rule_city_encouraged: &'static str,
        pub start_rule_city_required: &'static str,
        pub start_rule_group_required: &'static str,
        pub start_rule_group_encouraged: &'static str,
        pub start_rule_group_lead: &'static str,
        pub start_rule_group_members: &'static str,
        pub start_rule_excluded: &'static str,
        pub start_rule_commitments: &'static str,
        pub start_status_title: &'static str,
        pub start_time_title: &'static str,
        pub start_time: &'static str,
        pub start_privacy_title: &'static str,
        pub start_privacy: &'static str,
        pub start_not_official: &'static str,
        pub start_button: &'static str,

        // ── kind ──
        pub kind_question: &'static str,
        pub kind_why: &'static str,
        pub kind_city: &'static str,
        pub kind_group: &'static str,
        pub kind_group_hint: &'static str,
        pub kind_region: &'static str,
        pub kind_province: &'static str,
        pub kind_other: &'static str,

        // ── country ──
        pub country_question_city: &'static str,
        pub country_question_group: &'static str,
        /// `{year}`: the year the member-state list reflects.
        pub country_why: &'static str,
        pub country_choose: &'static str,
        pub country_other: &'static str,
        pub finder_label: &'static str,
        pub finder_hint_city: &'static str,
        pub finder_hint_group: &'static str,
        pub finder_list_label: &'static str,
        /// `{n}` results.
        pub finder_results: &'static str,
        pub finder_one_result: &'static str,
        pub finder_no_results: &'static str,
        /// `{population}` of a city in the list.
        pub finder_option_population: &'static str,
        /// `{city}`, `{country}`.
        pub finder_selected_country: &'static str,
        /// `{city}`, `{country}`, `{population}`.
        pub finder_selected_both: &'static str,
        pub finder_credit: &'static str,

        // ── population ──
        pub population_question_city: &'static str,
        pub population_question_group: &'static str,
        /// `{threshold}` ("more than 100,000").
        pub population_why_city_encouraged: &'static str,
        pub population_why_city_required: &'static str,
        pub population_why_group_required: &'static str,
        pub population_why_group_encouraged: &'static str,
        pub population_format_hint: &'static str,
        pub population_or: &'static str,
        pub population_not_sure: &'static str,
        /// `{city}`, `{population}`.
        pub population_prefilled: &'static str,

        // ── group ──
        pub group_title: &'static str,
        pub group_why: &'static str,
        pub lead_question: &'static str,
        pub lead_hint: &'static str,
        pub members_question: &'static str,
        pub members_hint: &'static str,

        // ── commitments ──
        pub commitments_title_city: &'static str,
        pub commitments_title_group: &'static str,
        pub commitments_intro: &'static str,
        /// Plain-language label per commitment id; unknown ids fall back to the quoted sentence.
        pub commitments: &'static [(&'static str, &'static str)],

        // ── interests ──
        pub interests_title: &'static str,
        pub interests_intro: &'static str,
        pub topics_legend: &'static str,
        pub regions_legend: &'static str,
        pub select_all_that_apply: &'static str,
        pub topics_unavailable: &'static str,

        // ── check answers ──
        pub check_title: &'static str,
        pub check_submit: &'static str,
        pub change: &'static str,
        pub row_kind: &'static str,
        pub row_country: &'static str,
        pub row_population: &'static str,
        pub row_population_group: &'static str,
        pub row_lead: &'static str,
        pub row_members: &'static str,
        pub row_topics: &'static str,
        pub row_regions: &'static str,
        pub none_chosen: &'static str,

        // ── result ──
        pub verdict_eligible: &'static str,
        pub verdict_eligible_text: &'static str,
        pub verdict_below_encouraged: &'static str,
        pub verdict_below_encouraged_text: &'static str,
        pub verdict_not_yet: &'static str,
        pub verdict_not_yet_text: &'static str,
        pub verdict_not_eligible: &'static str,
        pub verdict_not_eligible_text: &'static str,
        pub verdict_incomplete: &'static str,
        pub verdict_incomplete_text: &'static str,
        /// `{call}`: the call's title.
        pub result_checked_against: &'static str,
        pub reasons_title: &'static str,
        pub effect_meets: &'static str,
        pub effect_info: &'static str,
        pub effect_encouraged: &'static str,
        pub effect_to_fix: &'static str,
        pub effect_find_out: &'static str,
        pub effect_excludes: &'static str,
        pub next_title: &'static str,
        /// Link from a thing to fix back to its question; `{question}` is visually hidden context.
        pub change_answer: &'static str,
        pub peers_title: &'static str,
        /// `{n}` pairings.
        pub peers_found: &'static str,
        pub peers_found_one: &'static str,
        pub peers_none: &'static str,
        pub peers_no_choice: &'static str,
        pub peers_explore: &'static str,
        pub peers_explore_all: &'static str,
        /// `{n}` more pairings not listed.
        pub peers_more: &'static str,
        pub your_answers: &'static str,
        pub share_title: &'static str,
        pub print: &'static str,
        pub copy_link: &'static str,
        pub link_label: &'static str,
        pub link_copied: &'static str,
        pub link_copy_manually: &'static str,
        pub start_again: &'static str,

        // ── reasons (keyed by `ReasonKind::id()`, see [`WizardStrings::reason`]) ──
        pub reason_eu_member_state: &'static str,
        pub reason_not_eu_member_state: &'static str,
        pub reason_not_eu_member_state_other: &'static str,
        pub reason_sub_national_government: &'static str,
        pub reason_not_a_city_or_group: &'static str,
        pub reason_above_threshold: &'static str,
        pub reason_above_threshold_group: &'static str,
        pub reason_below_encouraged_size: &'static str,
        pub reason_below_required_size: &'static str,
        pub reason_below_required_size_group: &'static str,
        pub reason_population_unknown_encouraged: &'static str,
        pub reason_population_unknown_required: &'static str,
        pub reason_population_unknown_group: &'static str,
        pub reason_lead_authority_identified: &'static str,
        pub reason_lead_authority_missing: &'static str,
        pub reason_lead_authority_unknown: &'static str,
        pub reason_members_committed: &'static str,
        pub reason_members_not_committed: &'static str,
        pub reason_members_commitment_unknown: &'static str,
        pub reason_commitment_confirmed: &'static str,
        pub reason_commitment_declined: &'static str,
        pub reason_commitment_unsure: &'static str,
        pub reason_call_closed: &'static str,
        pub reason_call_closed_undated: &'static str,
        pub reason_call_open: &'static str,
        pub reason_call_open_undated: &'static str,
        pub reason_call_upcoming: &'static str,
        pub reason_call_upcoming_undated: &'static str,

        // ── next steps (keyed by `NextStep::id()`, see [`WizardStrings::next_step`]) ──
        pub next_answer_question: &'static str,
        pub next_other_programme: &'static str,
        pub next_support_city_application: &'static str,
        pub next_apply_as_city_or_group: &'static str,
        pub next_enlarge_group: &'static str,
        pub next_form_group: &'static str,
        pub next_name_lead_authority: &'static str,
        pub next_secure_members_commitment: &'static str,
        pub next_confirm_commitment: &'static str,
        pub next_find_out_population: &'static str,
        pub next_find_out_population_group: &'static str,
        pub next_find_out_lead_authority: &'static str,
        pub next_find_out_members_commitment: &'static str,
        pub next_find_out_commitment: &'static str,
        pub next_explore_pairings: &'static str,
        pub next_apply: &'static str,
        pub next_apply_undated: &'static str,
        /// `{email}` becomes a mailto link.
        pub next_join_mailing_list: &'static str,
        pub next_contact_coordination_unit: &'static str,

        // ── errors (keyed by `ErrorCode::id()`, see [`WizardStrings::error`]) ──
        pub error_select_kind: &'static str,
        pub error_select_country: &'static str,
        pub error_enter_population: &'static str,
        pub error_population_not_a_number: &'static str,
        pub error_population_negative: &'static str,
        pub error_population_not_whole: &'static str,
        pub error_population_abbreviated: &'static str,
        pub error_population_zero: &'static str,
        pub error_population_too_large: &'static str,
        pub error_select_lead: &'static str,
        pub error_select_members: &'static str,
        /// `{commitment}`: the commitment's label.
        pub error_select_commitment: &'static str,
    }
}

impl WizardStrings {
    /// The label of an applicant kind (radio label, summary value).
    pub fn kind(&self, k: ApplicantKind) -> &'static str {
        match k {
            ApplicantKind::City => self.kind_city,
            ApplicantKind::Group => self.kind_group,
            ApplicantKind::Region => self.kind_region,
            ApplicantKind::Province => self.kind_province,
            ApplicantKind::Other => self.kind_other,
        }
    }

    /// Yes / No / I'm not sure.
    pub fn tri(&self, t: Tri) -> &'static str {
        match t {
            Tri::Yes => self.yes,
            Tri::No => self.no,
            Tri::NotSure => self.not_sure,
        }
    }

    /// The plain-language label of a commitment, if this language has one for its id.
    pub fn commitment(&self, id: &str) -> Option<&'static str> {
        self.commitments.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
    }

    /// The threshold template for a comparison (`{n}` to fill).
    pub fn threshold(&self, c: Comparison) -> &'static str {
        match c {
            Comparison::MoreThan => self.threshold_more_than,
            Comparison::AtLeast => self.threshold_at_least,
        }
    }

    /// The heading of a step's page (for the Group/Commitments/Population/Country pages it
    /// depends on whether a group applies).
    pub fn step_title(&self, step: Step, group: bool) -> &'static str {
        match step {
            Step::Start => self.start_title,
            Step::Kind => self.kind_question,
            Step::Country if group => self.country_question_group,
            Step::Country => self.country_question_city,
            Step::Population if group => self.population_question_group,
            Step::Population => self.population_question_city,
            Step::Group => self.group_title,
            Step::Commitments if group => self.commitments_title_group,
            Step::Commitments => self.commitments_title_city,
            Step::Interests => self.interests_title,
            Step::Check => self.check_title,
            Step::Result => self.wizard_name,
        }
    }

    /// The error message for an error code, by its `id()` (GOV.UK error-message style).
    /// `{commitment}` is left in the template for the caller to fill.
    pub fn error(&self, code: &ErrorCode) -> &'static str {
        match code.id() {
            "select-kind" => self.error_select_kind,
            "select-country" => self.error_select_country,
            "enter-population" | "population-empty" => self.error_enter_population,
            "population-not-a-number" => self.error_population_not_a_number,
            "population-negative" => self.error_population_negative,
            "population-not-whole" => self.error_population_not_whole,
            "population-abbreviated" => self.error_population_abbreviated,
            "population-zero" => self.error_population_zero,
            "population-too-large" => self.error_population_too_large,
            "select-lead" => self.error_select_lead,
            "select-members" => self.error_select_members,
            "select-commitment" => self.error_select_commitment,
            _ => self.error_select_kind,
        }
    }

    /// The explanation template of a reason, by its `id()` (and, where the wording differs, by
    /// whether it is about a group or has a date). Placeholders: `{country}`, `{kind}`,
    /// `{population}`, `{threshold}`, `{shortfall}`, `{commitment}`, `{call}`, `{date}`.
    pub fn reason(&self, kind: &ReasonKind) -> &'static str {
        match (kind.id(), kind) {
            ("eu-member-state", _) => self.reason_eu_member_state,
            ("not-eu-member-state", ReasonKind::NotEuMemberState { country: Some(_) }) => {
                self.reason_not_eu_member_state
            }
            ("not-eu-member-state", _) => self.reason_not_eu_member_state_other,
            ("sub-national-government", _) => self.reason_sub_national_government,
            ("not-a-city-or-group", _) => self.reason_not_a_city_or_group,
            ("above-threshold", ReasonKind::AboveThreshold { group: true, .. }) => self.reason_above_threshold_group,
            ("above-threshold", _) => self.reason_above_threshold,
            ("below-encouraged-size", _) => self.reason_below_encouraged_size,
            ("below-required-size", ReasonKind::BelowRequiredSize { group: true, .. }) => {
                self.reason_below_required_size_group
            }
            ("below-required-size", _) => self.reason_below_required_size,
            ("population-unknown", ReasonKind::PopulationUnknown { group: true, .. }) => {
                self.reason_population_unknown_group
            }
            ("population-unknown", ReasonKind::PopulationUnknown { requirement: Requirement::Required, .. }) => {
                self.reason_population_unknown_required
            }
            ("population-unknown", _) => self.reason_population_unknown_encouraged,
            ("lead-authority-identified", _) => self.reason_lead_authority_identified,
            ("lead-authority-missing", _) => self.reason_lead_authority_missing,
            ("lead-authority-unknown", _) => self.reason_lead_authority_unknown,
            ("members-committed", _) => self.reason_members_committed,
            ("members-not-committed", _) => self.reason_members_not_committed,
            ("members-commitment-unknown", _) => self.reason_members_commitment_unknown,
            ("commitment-confirmed", _) => self.reason_commitment_confirmed,
            ("commitment-declined", _) => self.reason_commitment_declined,
            ("commitment-unsure", _) => self.reason_commitment_unsure,
            ("call-closed", ReasonKind::CallClosed { closed_on: Some(_), .. }) => self.reason_call_closed,
            ("call-closed", _) => self.reason_call_closed_undated,
            ("call-open", ReasonKind::CallOpen { closes: Some(_), .. }) => self.reason_call_open,
            ("call-open", _) => self.reason_call_open_undated,
            ("call-upcoming", ReasonKind::CallUpcoming { opens: Some(_), .. }) => self.reason_call_upcoming,
            _ => self.reason_call_upcoming_undated,
        }
    }

    /// The template of a next step, by its `id()`. Placeholders: `{question}`, `{name}`,
    /// `{threshold}`, `{shortfall}`, `{commitment}`, `{date}`, `{email}`.
    pub fn next_step(&self, n: &NextStep) -> &'static str {
        match (n.id(), n) {
            ("answer-question", _) => self.next_answer_question,
            ("other-programme", _) => self.next_other_programme,
            ("support-city-application", _) => self.next_support_city_application,
            ("apply-as-city-or-group", _) => self.next_apply_as_city_or_group,
            ("enlarge-group", _) => self.next_enlarge_group,
            ("form-group", _) => self.next_form_group,
            ("name-lead-authority", _) => self.next_name_lead_authority,
            ("secure-members-commitment", _) => self.next_secure_members_commitment,
            ("confirm-commitment", _) => self.next_confirm_commitment,
            ("find-out-population", NextStep::FindOutPopulation { group: true }) => self.next_find_out_population_group,
            ("find-out-population", _) => self.next_find_out_population,
            ("find-out-lead-authority", _) => self.next_find_out_lead_authority,
            ("find-out-members-commitment", _) => self.next_find_out_members_commitment,
            ("find-out-commitment", _) => self.next_find_out_commitment,
            ("explore-pairings", _) => self.next_explore_pairings,
            ("apply", NextStep::Apply { closes: Some(_) }) => self.next_apply,
            ("apply", _) => self.next_apply_undated,
            ("join-mailing-list", _) => self.next_join_mailing_list,
            _ => self.next_contact_coordination_unit,
        }
    }

    /// "19 March 2018" from `2018-03-19` (the text as given when it is not such a date).
    pub fn format_date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        if let [y, m, d] = parts[..] {
            if let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) {
                if let Some(month) = m.checked_sub(1).and_then(|i| self.months.get(i)) {
                    return crate::i18n::fill(self.date, &[("day", &d.to_string()), ("month", month), ("year", y)]);
                }
            }
        }
        iso.to_string()
    }
}

/// The wizard's strings in English.
pub static WIZARD_EN: WizardStrings = WizardStrings {
    doc_title: "{page} – Can my city join? – IUC Pairings Explorer",
    doc_title_error: "Error: ",
    wizard_name: "Can my city join?",
    loading_rules: "Loading the call’s conditions…",
    rules_failed_title: "The call’s conditions could not be loaded",
    rules_failed_help: "Check your connection and reload the page. If it keeps failing, the file data/eligibility.json on the server may be missing or damaged.",
    rules_problems_title: "The file with the call’s conditions has problems",
    rules_problems_intro: "The check cannot run until these are fixed in data/eligibility.json:",
    back: "Back",
    continue_button: "Continue",
    error_summary_title: "There is a problem",
    error_prefix: "Error:",
    why_we_ask: "Why we ask",
    quote_source: "— the IUC programme page",
    yes: "Yes",
    no: "No",
    not_sure: "I’m not sure",
    threshold_more_than: "more than {n}",
    threshold_at_least: "{n} or more",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: "{day} {month} {year}",

    start_title: "Check if your city can join the IUC city-to-city cooperation",
    start_intro: "Use this check to find out whether your local government can apply to be paired with a city in Asia, Latin America and the Caribbean, or North America, under the conditions of the {call}.",
    start_rules_title: "Who can apply",
    start_rule_member_states: "Cities in the member states of the European Union ({n} countries in {year}).",
    start_rule_city_encouraged: "Cities with {threshold} inhabitants are encouraged to apply. Smaller cities may still apply.",
    start_rule_city_required: "A city must have {threshold} inhabitants.",
    start_rule_group_required: "Groups of municipalities can apply together if their total population is {threshold}.",
    start_rule_group_encouraged: "Groups of municipalities can apply together; a total population of {threshold} is encouraged.",
    start_rule_group_lead: "A group needs a lead urban authority with a clear administrative contact.",
    start_rule_group_members: "The other municipalities of a group must commit too.",
    start_rule_excluded: "Regions, provinces and other sub-national governments cannot apply themselves, but they can support a city that applies.",
    start_rule_commitments: "Selected cities commit to:",
    start_status_title: "Is the call open?",
    start_time_title: "Before you start",
    start_time: "The check takes about 3 minutes. You will need your city’s population (for a group: the total of all its municipalities).",
    start_privacy_title: "Your answers stay with you",
    start_privacy: "Nothing you answer leaves your browser: nothing is sent anywhere and nothing is stored. Your answers are kept in this page’s address, so you can bookmark or share your result.",
    start_not_official: "This check explains the published conditions. It is not an official decision: the programme decides on applications.",
    start_button: "Start now",

    kind_question: "Who is applying?",
    kind_why: "Only cities and groups of municipalities can apply.",
    kind_city: "A city or municipality",
    kind_group: "A group of municipalities applying together",
    kind_group_hint: "For example, neighbouring towns with one of them as the lead authority.",
    kind_region: "A region or other sub-national government",
    kind_province: "A province",
    kind_other: "Another kind of organisation",

    country_question_city: "In which country is your city?",
    country_question_group: "In which country are the municipalities of your group?",
    country_why: "The call is for cities in the member states of the European Union, as of {year}.",
    country_choose: "Choose a country",
    country_other: "Another country",
    finder_label: "Or find your city (optional)",
    finder_hint_city: "Type the first letters of your city’s name to fill in the country and the population from GeoNames. You can change both.",
    finder_hint_group: "Type the first letters of one of your municipalities to fill in the country. You will give the group’s total population next.",
    finder_list_label: "Cities",
    finder_results: "{n} cities found. Use the up and down arrow keys to choose one, then press Enter.",
    finder_one_result: "1 city found. Press the down arrow key to choose it, then press Enter.",
    finder_no_results: "No city found.",
    finder_option_population: "{population} inhabitants",
    finder_selected_country: "{city}, {country} selected: the country is filled in.",
    finder_selected_both: "{city}, {country} selected: the country is filled in, and the population ({population}) on the next page.",
    finder_credit: "City names and populations: GeoNames, licensed under CC BY 4.0.",

    population_question_city: "How many people live in your city?",
    population_question_group: "What is the total population of the municipalities in your group?",
    population_why_city_encouraged: "The call encourages cities with {threshold} inhabitants to apply. Smaller cities may still apply.",
    population_why_city_required: "The call is for cities with {threshold} inhabitants.",
    population_why_group_required: "A group can apply only if the total population of its municipalities is {threshold}.",
    population_why_group_encouraged: "The call encourages groups with a total population of {threshold}.",
    population_format_hint: "Enter the number of inhabitants, for example 120000 or 120,000.",
    population_or: "or",
    population_not_sure: "I’m not sure of the population",
    population_prefilled: "Filled in from GeoNames for {city}: {population}. Check it against your own figure: yours is the one that counts.",

    group_title: "About your group",
    group_why: "A group of municipalities needs a lead and the commitment of all its members.",
    lead_question: "Has a lead urban authority, with a clear administrative contact, been identified?",
    lead_hint: "One municipality leads the application and gives the name of a contact person.",
    members_question: "Have the other municipalities in the group committed to take part?",
    members_hint: "Each municipality of the group confirms it takes part.",

    commitments_title_city: "Can your city commit to these?",
    commitments_title_group: "Can your group commit to these?",
    commitments_intro: "Every selected city signs up to each of these. Answer for each one.",
    commitments: &[
        ("18m", "Cooperate intensively with your partner city for at least 18 months"),
        ("resources", "Give the cooperation enough staff time and resources"),
        (
            "action-plan",
            "Develop a Local Action Plan with a partnership of local stakeholders: academia, business, other levels of government and the community",
        ),
        ("partnership-agreement", "Sign a Partnership Agreement"),
        ("reporting", "Report on progress and on future actions after the cooperation"),
    ],

    interests_title: "What would you like to work on? (optional)",
    interests_intro: "These answers do not change whether you can apply. We use them to show current pairings you could learn from. You can leave them empty.",
    topics_legend: "Topics",
    regions_legend: "Partner regions",
    select_all_that_apply: "Select all that apply.",
    topics_unavailable: "The list of topics could not be loaded. You can still choose partner regions.",

    check_title: "Check your answers",
    check_submit: "See your result",
    change: "Change",
    row_kind: "Who is applying",
    row_country: "Country",
    row_population: "Population",
    row_population_group: "Total population of the group",
    row_lead: "Lead urban authority identified",
    row_members: "Other municipalities committed",
    row_topics: "Topics",
    row_regions: "Partner regions",
    none_chosen: "None chosen",

    verdict_eligible: "You can apply",
    verdict_eligible_text: "Your answers meet every condition of the call.",
    verdict_below_encouraged: "You can apply, but the call encourages larger cities",
    verdict_below_encouraged_text: "Your answers meet the conditions. The call encourages cities of a larger size, so you may also consider applying as a group.",
    verdict_not_yet: "Not yet: something to fix or find out first",
    verdict_not_yet_text: "You could be able to apply once the points below are settled.",
    verdict_not_eligible: "You cannot apply to this call",
    verdict_not_eligible_text: "The reason is below, with what you can do instead.",
    verdict_incomplete: "Some questions are not answered yet",
    verdict_incomplete_text: "Answer them to get a result.",
    result_checked_against: "Checked against the conditions of the {call}.",
    reasons_title: "Why",
    effect_meets: "Met",
    effect_info: "Note",
    effect_encouraged: "Below the encouraged size",
    effect_to_fix: "To fix",
    effect_find_out: "To find out",
    effect_excludes: "Rules out",
    next_title: "What you can do next",
    change_answer: "Change your answer",
    peers_title: "Pairings to learn from",
    peers_found: "{n} current pairings work on the topics or with the regions you chose:",
    peers_found_one: "1 current pairing works on the topics or with the regions you chose:",
    peers_none: "No current pairing matches the topics and regions you chose.",
    peers_no_choice: "You did not choose topics or regions. All current pairings are in the explorer.",
    peers_explore: "See these pairings in the explorer",
    peers_explore_all: "Explore all pairings",
    peers_more: "… and {n} more in the explorer.",
    your_answers: "Your answers",
    share_title: "Keep or share this result",
    print: "Print this result",
    copy_link: "Copy link to this result",
    link_label: "Link to this result",
    link_copied: "Link copied.",
    link_copy_manually: "The link is selected: press Ctrl+C (or ⌘+C) to copy it.",
    start_again: "Start again",

    reason_eu_member_state: "{country} was a member state of the European Union for this call.",
    reason_not_eu_member_state: "{country} was not a member state of the European Union for this call. Only cities in member states can apply.",
    reason_not_eu_member_state_other: "Only cities in the member states of the European Union can apply to this call.",
    reason_sub_national_government: "{kind} cannot apply itself: regions, provinces and other sub-national governments are invited to support cities that apply.",
    reason_not_a_city_or_group: "Only cities (municipalities) and groups of municipalities can apply.",
    reason_above_threshold: "A population of {population} is {threshold}, the size the call looks for.",
    reason_above_threshold_group: "The group’s total population of {population} is {threshold}, as the call requires.",
    reason_below_encouraged_size: "A population of {population} is not {threshold}. The call encourages larger cities, but a smaller city may still apply.",
    reason_below_required_size: "A population of {population} is not {threshold}, which the call requires.",
    reason_below_required_size_group: "The group’s total population of {population} is not {threshold}: {shortfall} more inhabitants are needed.",
    reason_population_unknown_encouraged: "You are not sure of the population. The call encourages cities with {threshold} inhabitants.",
    reason_population_unknown_required: "You are not sure of the population. The call requires {threshold} inhabitants.",
    reason_population_unknown_group: "You are not sure of the group’s total population. It must be {threshold}.",
    reason_lead_authority_identified: "A lead urban authority with a clear administrative contact has been identified.",
    reason_lead_authority_missing: "A group needs a lead urban authority with a clear administrative contact, and you said there is none yet.",
    reason_lead_authority_unknown: "You are not sure whether a lead urban authority has been identified.",
    reason_members_committed: "The other municipalities of the group have committed.",
    reason_members_not_committed: "The other municipalities of the group must commit, and you said they have not yet.",
    reason_members_commitment_unknown: "You are not sure whether the other municipalities have committed.",
    reason_commitment_confirmed: "You can commit to this: {commitment}.",
    reason_commitment_declined: "You said you cannot commit to this yet: {commitment}.",
    reason_commitment_unsure: "You are not sure you can commit to this: {commitment}.",
    reason_call_closed: "The {call} closed on {date}.",
    reason_call_closed_undated: "The {call} is closed.",
    reason_call_open: "The {call} is open until {date}.",
    reason_call_open_undated: "The {call} is open.",
    reason_call_upcoming: "The {call} opens on {date}.",
    reason_call_upcoming_undated: "The {call} has not opened yet.",

    next_answer_question: "Answer the question “{question}”",
    next_other_programme: "Regions wishing to engage in sustainable development can apply to {name}.",
    next_support_city_application: "Support a city in your area that applies.",
    next_apply_as_city_or_group: "If you act for a city or a group of municipalities, answer as that city or group.",
    next_enlarge_group: "Bring more municipalities into the group: it needs {shortfall} more inhabitants to have {threshold}.",
    next_form_group: "Consider applying together with neighbouring municipalities as a group with a total population of {threshold}.",
    next_name_lead_authority: "Identify a lead urban authority and its administrative contact.",
    next_secure_members_commitment: "Obtain the commitment of the other municipalities of the group.",
    next_confirm_commitment: "Make sure your city can commit to this: {commitment}.",
    next_find_out_population: "Find out your city’s population, for example from your national statistics office.",
    next_find_out_population_group: "Find out the total population of the municipalities in your group.",
    next_find_out_lead_authority: "Find out whether a lead urban authority has been identified.",
    next_find_out_members_commitment: "Find out whether the other municipalities have committed.",
    next_find_out_commitment: "Find out whether your city can commit to this: {commitment}.",
    next_explore_pairings: "Learn from the current pairings (below).",
    next_apply: "The call is open: apply before {date}.",
    next_apply_undated: "The call is open: you can apply now.",
    next_join_mailing_list: "Join the IUC mailing list to hear about future calls: write to {email}.",
    next_contact_coordination_unit: "For questions, write to the IUC coordination unit: {email}.",

    error_select_kind: "Select who is applying",
    error_select_country: "Select the country",
    error_enter_population: "Enter the population, or select ‘I’m not sure of the population’",
    error_population_not_a_number: "Enter the population as a number, like 120000",
    error_population_negative: "The population must be more than 0",
    error_population_not_whole: "Enter the population as a whole number, without decimals",
    error_population_abbreviated: "Enter the population in full, like 120000, not 120k",
    error_population_zero: "The population must be more than 0",
    error_population_too_large: "The population must be 10,000,000,000 or less",
    error_select_lead: "Select whether a lead urban authority has been identified",
    error_select_members: "Select whether the other municipalities have committed",
    error_select_commitment: "Select whether you can commit to: {commitment}",
};

/// The wizard's strings in `lang`.
pub fn wizard_strings(lang: Lang) -> &'static WizardStrings {
    crate::lang::bundle::get(lang).map_or(&WIZARD_EN, |b| &b.wizard)
}
