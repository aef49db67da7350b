//! The wizard as a state machine: [`Answers`], [`Step`], [`flow`] and its navigation, and
//! [`validate_step`] (the error summary).

use super::*;

/// Who is applying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ApplicantKind {
    /// A single city (municipality).
    City,
    /// A group of municipalities applying together.
    Group,
    /// A region or other sub-national government.
    Region,
    /// A province.
    Province,
    /// Any other organisation.
    Other,
}

impl ApplicantKind {
    /// Every kind, in the order the question offers them.
    pub const ALL: [ApplicantKind; 5] = [
        ApplicantKind::City,
        ApplicantKind::Group,
        ApplicantKind::Region,
        ApplicantKind::Province,
        ApplicantKind::Other,
    ];

    /// The id used in URLs, the rules file and translations.
    pub fn id(self) -> &'static str {
        match self {
            ApplicantKind::City => "city",
            ApplicantKind::Group => "group",
            ApplicantKind::Region => "region",
            ApplicantKind::Province => "province",
            ApplicantKind::Other => "other",
        }
    }

    /// Parse an id written by [`ApplicantKind::id`].
    pub fn from_id(s: &str) -> Option<ApplicantKind> {
        ApplicantKind::ALL.into_iter().find(|k| k.id() == s)
    }

    /// Cities and groups of municipalities are who a call is for.
    pub fn can_apply(self) -> bool {
        matches!(self, ApplicantKind::City | ApplicantKind::Group)
    }
}

/// A Yes / No / Not sure answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not sure.
    NotSure,
}

impl Tri {
    /// Every answer, in the order the radios show them.
    pub const ALL: [Tri; 3] = [Tri::Yes, Tri::No, Tri::NotSure];

    /// The id used in URLs: `yes`, `no`, `notsure`.
    pub fn id(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::NotSure => "notsure",
        }
    }

    /// Parse an id written by [`Tri::id`].
    pub fn from_id(s: &str) -> Option<Tri> {
        Tri::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// The applicant's country.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CountryAnswer {
    /// An ISO 3166-1 alpha-2 code, upper case.
    Code(String),
    /// "Another country" (not in the list offered).
    Other,
}

impl CountryAnswer {
    /// The URL form: the code, or `other`.
    pub fn id(&self) -> &str {
        match self {
            CountryAnswer::Code(c) => c,
            CountryAnswer::Other => "other",
        }
    }

    /// Parse the URL form. Accepts lower case, and the EU's own abbreviations `UK` and `EL`
    /// (mapped to the ISO codes `GB` and `GR`). Anything else that is not two letters is `None`.
    pub fn parse(s: &str) -> Option<CountryAnswer> {
        if s == "other" {
            return Some(CountryAnswer::Other);
        }
        let up = s.to_ascii_uppercase();
        match up.as_str() {
            "UK" => Some(CountryAnswer::Code("GB".to_string())),
            "EL" => Some(CountryAnswer::Code("GR".to_string())),
            c if is_alpha2(c) => Some(CountryAnswer::Code(up)),
            _ => None,
        }
    }

    pub(super) fn is_valid(&self) -> bool {
        match self {
            CountryAnswer::Code(c) => is_alpha2(c),
            CountryAnswer::Other => true,
        }
    }
}

/// The population answer: a number of inhabitants, or "not sure".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PopulationAnswer {
    /// Inhabitants (for a group: the total of all its municipalities), 1 to [`MAX_POPULATION`].
    Count(u64),
    /// "I'm not sure".
    NotSure,
}

impl PopulationAnswer {
    pub(super) fn is_valid(self) -> bool {
        match self {
            PopulationAnswer::Count(n) => (1..=MAX_POPULATION).contains(&n),
            PopulationAnswer::NotSure => true,
        }
    }
}

/// Everything the user has answered so far; `None` (or absent from a map) means not answered yet.
///
/// Answers to questions that no longer matter (say, the group questions after switching to
/// "a city") are kept, so switching back restores them, but they are ignored by [`flow`] and
/// [`evaluate`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    /// Who is applying.
    pub kind: Option<ApplicantKind>,
    /// In which country.
    pub country: Option<CountryAnswer>,
    /// Inhabitants of the city, or the group's total.
    pub population: Option<PopulationAnswer>,
    /// Group only: has a lead urban authority with a clear administrative contact been identified?
    pub lead: Option<Tri>,
    /// Group only: have the other municipalities committed?
    pub members: Option<Tri>,
    /// Each commitment, keyed by [`Commitment::id`].
    pub commitments: BTreeMap<String, Tri>,
    /// Topics of interest: tag ids of the pairings dataset, in the order chosen.
    pub topics: Vec<String>,
    /// Preferred partner regions, in the order chosen.
    pub regions: Vec<Region>,
}

// ───────────────────────────── steps ─────────────────────────────

/// A page of the wizard, in the order they come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// The start page: what the check does, and the call's status.
    Start,
    /// "Who is applying?"
    Kind,
    /// "In which country?"
    Country,
    /// "What is the population?" (for a group: the total).
    Population,
    /// Groups only: lead authority and the other members' commitment (two questions, one page).
    Group,
    /// One Yes / No / Not sure question per commitment of the call, on one page.
    Commitments,
    /// Optional: topics and partner regions of interest.
    Interests,
    /// "Check your answers".
    Check,
    /// The outcome.
    Result,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 9] = [
        Step::Start,
        Step::Kind,
        Step::Country,
        Step::Population,
        Step::Group,
        Step::Commitments,
        Step::Interests,
        Step::Check,
        Step::Result,
    ];

    /// The id used in URLs (`step=check`) and translations.
    pub fn id(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Kind => "kind",
            Step::Country => "country",
            Step::Population => "population",
            Step::Group => "group",
            Step::Commitments => "commitments",
            Step::Interests => "interests",
            Step::Check => "check",
            Step::Result => "result",
        }
    }

    /// Parse an id written by [`Step::id`].
    pub fn from_id(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|st| st.id() == s)
    }

    /// Whether the page asks questions whose answers are checked (not Start, Check, Result).
    /// Interests is a question page, but all its answers are optional.
    pub fn is_question(self) -> bool {
        !matches!(self, Step::Start | Step::Check | Step::Result)
    }
}

/// The country answer rules the applicant out (a well-formed answer that is not a member state).
pub(super) fn country_excludes(call: &Call, a: &Answers) -> bool {
    match &a.country {
        Some(CountryAnswer::Other) => true,
        Some(CountryAnswer::Code(c)) => is_alpha2(c) && !call.is_member(c),
        None => false,
    }
}

/// The population answer rules the applicant out (below a *required* threshold).
pub(super) fn population_excludes(call: &Call, a: &Answers) -> bool {
    match (a.kind.and_then(|k| call.requirement(k)), a.population) {
        (Some(Requirement::Required), Some(PopulationAnswer::Count(n))) => {
            PopulationAnswer::Count(n).is_valid() && !call.threshold.is_met(n)
        }
        _ => false,
    }
}

pub(super) fn group_questions(call: &Call, a: &Answers) -> bool {
    a.kind == Some(ApplicantKind::Group) && (call.group.lead_authority || call.group.members_commitment)
}

/// The pages that matter for these answers, in order, from [`Step::Start`] to [`Step::Result`].
///
/// The flow stops at the first answer that rules the applicant out (then goes straight to
/// Result): a kind other than city or group, a country that was not a member state, or a
/// population below a *required* threshold. The Group page appears only for groups, the
/// Commitments page only when the call lists commitments. Unanswered questions do not shorten
/// the flow: it is recomputed after every answer.
pub fn flow(rules: &Rules, answers: &Answers) -> Vec<Step> {
    let call = rules.current();
    let mut f = vec![Step::Start, Step::Kind];
    if answers.kind.is_some_and(|k| !k.can_apply()) {
        f.push(Step::Result);
        return f;
    }
    f.push(Step::Country);
    if country_excludes(call, answers) {
        f.push(Step::Result);
        return f;
    }
    f.push(Step::Population);
    if population_excludes(call, answers) {
        f.push(Step::Result);
        return f;
    }
    if group_questions(call, answers) {
        f.push(Step::Group);
    }
    if !call.commitments.is_empty() {
        f.push(Step::Commitments);
    }
    f.extend([Step::Interests, Step::Check, Step::Result]);
    f
}

/// The page after `step` for these answers (the next page of [`flow`]; `Result` stays `Result`).
/// Works from a page that is no longer in the flow too. Does not validate: see [`submit`].
pub fn next(rules: &Rules, answers: &Answers, step: Step) -> Step {
    flow(rules, answers).into_iter().find(|s| *s > step).unwrap_or(Step::Result)
}

/// The page before `step` for these answers (the previous page of [`flow`]; `Start` stays `Start`).
pub fn back(rules: &Rules, answers: &Answers, step: Step) -> Step {
    flow(rules, answers).into_iter().rev().find(|s| *s < step).unwrap_or(Step::Start)
}

/// "Continue" on a page: the errors to show, or the page to go to.
pub fn submit(rules: &Rules, answers: &Answers, step: Step) -> Result<Step, Vec<FieldError>> {
    let errors = validate_step(rules, answers, step);
    if errors.is_empty() {
        Ok(next(rules, answers, step))
    } else {
        Err(errors)
    }
}

/// The page to show for a URL: the requested page (or, if it no longer matters, the next page of
/// the flow after it) unless an earlier page of the flow still needs an answer, which then comes
/// first. `None` means the start page.
pub fn resolve_step(rules: &Rules, answers: &Answers, requested: Option<Step>) -> Step {
    let f = flow(rules, answers);
    let wanted = requested.unwrap_or(Step::Start);
    let target = f.iter().copied().find(|s| *s >= wanted).unwrap_or(Step::Result);
    f.into_iter()
        .take_while(|s| *s < target)
        .find(|s| s.is_question() && !validate_step(rules, answers, *s).is_empty())
        .unwrap_or(target)
}

// ───────────────────────────── validation ─────────────────────────────

/// Why a population text was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PopulationError {
    /// Nothing typed. Suggested: "Enter the population, or select ‘I’m not sure’".
    Empty,
    /// Not a number. Suggested: "Enter the population as a whole number, like 120000".
    NotANumber,
    /// Below zero. Suggested: "The population must be more than 0".
    Negative,
    /// Has decimals ("1.5", "100,5"). Suggested: "Enter the population as a whole number, without decimals".
    NotWhole,
    /// Abbreviated ("120k", "1.2 million"). Suggested: "Enter the population in full, like 120000, not 120k".
    Abbreviated,
    /// Zero. Suggested: "The population must be more than 0".
    Zero,
    /// More than [`MAX_POPULATION`]. Suggested: "The population must be 10,000,000,000 or less".
    TooLarge,
}

impl PopulationError {
    /// Stable id for translations.
    pub fn id(self) -> &'static str {
        match self {
            PopulationError::Empty => "population-empty",
            PopulationError::NotANumber => "population-not-a-number",
            PopulationError::Negative => "population-negative",
            PopulationError::NotWhole => "population-not-whole",
            PopulationError::Abbreviated => "population-abbreviated",
            PopulationError::Zero => "population-zero",
            PopulationError::TooLarge => "population-too-large",
        }
    }
}

pub(super) fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

pub(super) fn is_separator(c: char) -> bool {
    is_space_separator(c) || matches!(c, ',' | '.' | '\'' | '’')
}

/// Read a population typed by a person. Strict but kind:
///
/// - accepts digits with consistent thousands separators: `120000`, `120 000` (also no-break and
///   thin spaces), `120,000`, `120.000`, `120'000`; surrounding spaces are ignored;
/// - rejects, each with its own [`PopulationError`]: empty text, negatives, decimals (`1.5`,
///   `100,5`, `1,234.5`), abbreviations (`120k`, `1.2 million`, `2 mio`), 0, more than
///   [`MAX_POPULATION`], and anything else (`1e5`, `about 100000`, `1,00,000`).
///
/// A single `.` or `,` followed by exactly three digits is read as a thousands separator
/// (`1.500` is 1,500 inhabitants), as no population is written with three decimals.
pub fn parse_population(s: &str) -> Result<u64, PopulationError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(PopulationError::Empty);
    }
    if t.chars().count() > 40 {
        return Err(PopulationError::NotANumber);
    }
    let looks_numeric = |x: &str| {
        let x = x.trim();
        x.starts_with(|c: char| c.is_ascii_digit()) && x.chars().all(|c| c.is_ascii_digit() || is_separator(c))
    };
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        return Err(if looks_numeric(rest) { PopulationError::Negative } else { PopulationError::NotANumber });
    }
    if let Some(i) = t.find(|c: char| c.is_alphabetic()) {
        let (num, word) = t.split_at(i);
        let word = word.trim().trim_end_matches('.').to_ascii_lowercase();
        const WORDS: [&str; 13] = [
            "k", "m", "mn", "mio", "mil", "mill", "million", "millions", "thousand", "tsd", "bn", "billion", "billions",
        ];
        return Err(if looks_numeric(num) && WORDS.contains(&word.as_str()) {
            PopulationError::Abbreviated
        } else {
            PopulationError::NotANumber
        });
    }
    if !looks_numeric(t) {
        return Err(PopulationError::NotANumber);
    }
    // Split into digit groups and the separators between them.
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if is_separator(c) {
            groups.push(&t[start..i]);
            seps.push(c);
            start = i + c.len_utf8();
        }
    }
    groups.push(&t[start..]);
    if groups.iter().any(|g| g.is_empty()) {
        return Err(PopulationError::NotANumber);
    }
    let same_kind = |a: char, b: char| a == b || (is_space_separator(a) && is_space_separator(b));
    // Digit groups read as thousands: 1–3 digits, then groups of exactly 3, one kind of separator.
    let thousands = |groups: &[&str], seps: &[char]| {
        groups.len() == 1
            || (groups.first().is_some_and(|g| g.len() <= 3)
                && groups.iter().skip(1).all(|g| g.len() == 3)
                && seps.windows(2).all(|w| same_kind(w[0], w[1])))
    };
    if !thousands(&groups, &seps) {
        // A last `.` or `,` after a well-formed whole part, that cannot be a thousands separator
        // (not followed by 3 digits, or unlike the separators before it, or after more than 3
        // digits), is a decimal mark: "1.5", "99999.99", "1,234.567", "12345.678".
        let (n_groups, n_seps) = (groups.len(), seps.len());
        let decimal = match (seps.last(), groups.last()) {
            (Some(&last_sep @ ('.' | ',')), Some(last)) => {
                let (head, head_seps) = (&groups[..n_groups - 1], &seps[..n_seps - 1]);
                thousands(head, head_seps)
                    && (last.len() != 3
                        || head_seps.last().is_some_and(|c| !same_kind(*c, last_sep))
                        || (head.len() == 1 && head[0].len() > 3))
            }
            _ => false,
        };
        return Err(if decimal { PopulationError::NotWhole } else { PopulationError::NotANumber });
    }
    let mut n: u64 = 0;
    for d in groups.concat().bytes() {
        n = n.checked_mul(10).and_then(|n| n.checked_add(u64::from(d - b'0'))).ok_or(PopulationError::TooLarge)?;
    }
    match n {
        0 => Err(PopulationError::Zero),
        n if n > MAX_POPULATION => Err(PopulationError::TooLarge),
        n => Ok(n),
    }
}

/// What is wrong with an answer, as a stable code; the UI words it (GOV.UK error messages).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Suggested: "Select who is applying".
    SelectKind,
    /// Suggested: "Select the country".
    SelectCountry,
    /// Suggested: "Enter the population, or select ‘I’m not sure’".
    EnterPopulation,
    /// The typed population was not accepted (see [`PopulationError`] for wording).
    Population(PopulationError),
    /// Suggested: "Select whether a lead urban authority has been identified".
    SelectLead,
    /// Suggested: "Select whether the other municipalities have committed".
    SelectMembers,
    /// Suggested: "Select whether your city can commit to this" (shown at the commitment's fieldset).
    SelectCommitment {
        /// The commitment's id.
        id: String,
    },
}

impl ErrorCode {
    /// Stable id for translations.
    pub fn id(&self) -> &'static str {
        match self {
            ErrorCode::SelectKind => "select-kind",
            ErrorCode::SelectCountry => "select-country",
            ErrorCode::EnterPopulation => "enter-population",
            ErrorCode::Population(e) => e.id(),
            ErrorCode::SelectLead => "select-lead",
            ErrorCode::SelectMembers => "select-members",
            ErrorCode::SelectCommitment { .. } => "select-commitment",
        }
    }
}

/// One entry of the GOV.UK error summary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The page the field is on (a Check page lists errors from earlier pages).
    pub step: Step,
    /// The field's HTML id, for the summary's link and focus: `kind`, `country`, `population`,
    /// `lead`, `members`, `commitment-<id>`.
    pub field: String,
    /// What is wrong.
    pub code: ErrorCode,
}

impl FieldError {
    pub(super) fn new(step: Step, field: &str, code: ErrorCode) -> FieldError {
        FieldError { step, field: field.to_string(), code }
    }

    /// The error for a population text that [`parse_population`] rejected.
    pub fn population(e: PopulationError) -> FieldError {
        FieldError::new(Step::Population, "population", ErrorCode::Population(e))
    }
}

/// The errors to show on a page, in page order (empty: the page may be left with Continue).
///
/// Check and Result collect the errors of every earlier question page of the [`flow`], each
/// tagged with its page, so a hand-edited URL never reaches a verdict on missing answers.
/// Interests is optional and never has errors.
pub fn validate_step(rules: &Rules, answers: &Answers, step: Step) -> Vec<FieldError> {
    let call = rules.current();
    let mut e = Vec::new();
    match step {
        Step::Start | Step::Interests => {}
        Step::Kind => {
            if answers.kind.is_none() {
                e.push(FieldError::new(step, "kind", ErrorCode::SelectKind));
            }
        }
        Step::Country => {
            if !answers.country.as_ref().is_some_and(CountryAnswer::is_valid) {
                e.push(FieldError::new(step, "country", ErrorCode::SelectCountry));
            }
        }
        Step::Population => match answers.population {
            None => e.push(FieldError::new(step, "population", ErrorCode::EnterPopulation)),
            Some(PopulationAnswer::Count(0)) => e.push(FieldError::population(PopulationError::Zero)),
            Some(p) if !p.is_valid() => e.push(FieldError::population(PopulationError::TooLarge)),
            Some(_) => {}
        },
        Step::Group => {
            if call.group.lead_authority && answers.lead.is_none() {
                e.push(FieldError::new(step, "lead", ErrorCode::SelectLead));
            }
            if call.group.members_commitment && answers.members.is_none() {
                e.push(FieldError::new(step, "members", ErrorCode::SelectMembers));
            }
        }
        Step::Commitments => {
            for c in &call.commitments {
                if !answers.commitments.contains_key(&c.id) {
                    e.push(FieldError::new(
                        step,
                        &format!("commitment-{}", c.id),
                        ErrorCode::SelectCommitment { id: c.id.clone() },
                    ));
                }
            }
        }
        Step::Check | Step::Result => {
            for s in flow(rules, answers).into_iter().filter(|s| s.is_question() && *s < step) {
                e.extend(validate_step(rules, answers, s));
            }
        }
    }
    e
}

// ───────────────────────────── the verdict ─────────────────────────────
