//! The eligibility check: the call's rules as data, and the wizard as a pure state machine.
//!
//! Three layers, each plain data in and plain data out (no DOM, no clock, no I/O):
//!
//! 1. **Rules** — [`load_rules`] reads `public/data/eligibility.json` (a `calls` array and the
//!    `current_call` id) and validates it, listing every [`Problem`] at once. Every rule carries the
//!    sentence of the programme page it comes from (`quote`), so each answer can be explained with
//!    the source's own words.
//! 2. **The wizard** — [`Answers`] (what the user said; every field optional), [`Step`] (which page),
//!    [`flow`] (the pages that matter for these answers), [`next`] / [`back`] / [`submit`] /
//!    [`resolve_step`] (navigation) and [`validate_step`] (the GOV.UK error summary). Answers travel
//!    in the URL: [`encode_query`] / [`decode_answers`], so a result can be bookmarked and shared
//!    and the browser's Back button works.
//! 3. **The verdict** — [`evaluate`] turns answers into an [`Outcome`]: a [`Verdict`], the
//!    [`Reason`]s (each with a stable kind for translation plus the quoted source sentence) and the
//!    [`NextStep`]s. No English wording lives here: the UI translates kinds by their `id()`.
//!
//! ## Design choices
//! - **One page for the group questions and one for the commitments.** The commitments are a
//!   data-driven list (five in 2018) that together answer one decision — "can we commit to what the
//!   programme asks?" — so they share a page, one Yes / No / Not sure fieldset each, with the quote
//!   as hint. That keeps [`Step`] a small fixed `Copy` enum whose URL ids do not depend on the data,
//!   so a shared link stays valid when a call's commitments change.
//! - **Stop at the first answer that rules the applicant out** (GOV.UK "check a service is
//!   suitable": tell users as early as possible). A region, province or other body goes from
//!   *Kind* straight to *Result*; so does a country that was not a member state, and a group whose
//!   total population does not exceed the threshold. The Check page only appears when there is a
//!   set of answers to check.
//! - **Population thresholds are strict as written**: "more than 100,000" and "exceeds 100,000"
//!   mean a population of exactly 100,000 does not meet it ([`Comparison::MoreThan`]). For a single
//!   city the threshold is *encouraged* (below it the city may still apply:
//!   [`Verdict::EligibleBelowEncouraged`]); for a group it is *required* ([`Verdict::NotEligible`]).
//! - **"Not sure" is an answer, not a gap**: it gives [`Verdict::NotYet`] with a "find out …" step,
//!   never a guess.

use crate::dataset::{Problem, Region, MAX_TEXT};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The schema version of the rules file this build understands.
pub const RULES_SCHEMA_VERSION: u64 = 1;
/// The largest population accepted anywhere (10 billion: more than the world's).
pub const MAX_POPULATION: u64 = 10_000_000_000;
/// Longest id (commitment, topic) accepted in the rules and in URLs.
pub const MAX_ID_LEN: usize = 60;

// ───────────────────────────── the rules ─────────────────────────────

/// Where a call stands. The core has no clock, so the status is data, kept up to date by the
/// programme officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallStatus {
    /// Announced, not yet accepting applications.
    Upcoming,
    /// Accepting applications.
    Open,
    /// No longer accepting applications.
    Closed,
}

impl CallStatus {
    /// The id used in the rules file: `upcoming`, `open`, `closed`.
    pub fn id(self) -> &'static str {
        match self {
            CallStatus::Upcoming => "upcoming",
            CallStatus::Open => "open",
            CallStatus::Closed => "closed",
        }
    }

    /// Parse an id written by [`CallStatus::id`].
    pub fn from_id(s: &str) -> Option<CallStatus> {
        [CallStatus::Upcoming, CallStatus::Open, CallStatus::Closed].into_iter().find(|c| c.id() == s)
    }
}

/// How a population is compared with a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// Strictly greater: "more than 100,000", "exceeds 100,000" (100,000 itself does not meet it).
    MoreThan,
    /// Greater or equal: "100,000 or more".
    AtLeast,
}

impl Comparison {
    /// The id used in the rules file: `more-than`, `at-least`.
    pub fn id(self) -> &'static str {
        match self {
            Comparison::MoreThan => "more-than",
            Comparison::AtLeast => "at-least",
        }
    }

    /// Parse an id written by [`Comparison::id`].
    pub fn from_id(s: &str) -> Option<Comparison> {
        [Comparison::MoreThan, Comparison::AtLeast].into_iter().find(|c| c.id() == s)
    }
}

/// A population threshold and how it is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Threshold {
    /// The number of inhabitants, e.g. 100,000.
    pub value: u64,
    /// Strictly more than, or at least, [`Threshold::value`].
    pub comparison: Comparison,
}

impl Threshold {
    /// Whether a population meets the threshold.
    pub fn is_met(self, population: u64) -> bool {
        match self.comparison {
            Comparison::MoreThan => population > self.value,
            Comparison::AtLeast => population >= self.value,
        }
    }

    /// How many more inhabitants a population needs to meet the threshold (0 when it does).
    pub fn shortfall(self, population: u64) -> u64 {
        let needed = match self.comparison {
            Comparison::MoreThan => self.value.saturating_add(1),
            Comparison::AtLeast => self.value,
        };
        needed.saturating_sub(population)
    }
}

/// Whether meeting the population threshold is a condition or a wish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Requirement {
    /// Applicants below the threshold may apply; those above are preferred.
    Encouraged,
    /// Applicants below the threshold are not eligible.
    Required,
}

impl Requirement {
    /// The id used in the rules file: `encouraged`, `required`.
    pub fn id(self) -> &'static str {
        match self {
            Requirement::Encouraged => "encouraged",
            Requirement::Required => "required",
        }
    }

    /// Parse an id written by [`Requirement::id`].
    pub fn from_id(s: &str) -> Option<Requirement> {
        [Requirement::Encouraged, Requirement::Required].into_iter().find(|r| r.id() == s)
    }
}

/// The countries whose cities may apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberStates {
    /// The year the list reflects ("2018": the UK is a member).
    pub as_of: String,
    /// ISO 3166-1 alpha-2 codes (GB for the United Kingdom, GR for Greece).
    pub codes: Vec<String>,
    /// The source sentence.
    pub quote: String,
}

/// The rule for a single city.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CityRule {
    /// Whether the population threshold is encouraged or required for a single city.
    pub population: Requirement,
    /// The source sentence.
    pub quote: String,
}

/// The rule for a group of municipalities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRule {
    /// Whether the group's *total* population must meet the threshold.
    pub population: Requirement,
    /// Whether a lead urban authority with a clear administrative contact must be identified and provided.
    pub lead_authority: bool,
    /// Whether the commitment of the other members is needed.
    pub members_commitment: bool,
    /// The source sentence.
    pub quote: String,
}

/// Another programme to which excluded applicants are pointed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// The programme's name as the source gives it.
    pub name: String,
    /// The source sentence.
    pub quote: String,
}

/// Kinds of applicant that are not eligible themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// Only [`ApplicantKind::Region`] and [`ApplicantKind::Province`] can be listed.
    pub kinds: Vec<ApplicantKind>,
    /// The source sentence.
    pub quote: String,
    /// Where to send them instead.
    pub redirect: Option<Redirect>,
}

/// Something a selected city commits to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// Stable id (`18m`, `resources`, …): the key in [`Answers::commitments`], in URLs and in
    /// the UI's translations.
    pub id: String,
    /// The source sentence (also the English fallback when the UI has no translation for the id).
    pub quote: String,
}

/// An e-mail contact and the sentence that gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// The address.
    pub email: String,
    /// The source sentence.
    pub quote: String,
}

/// Whom to write to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contacts {
    /// The programme's coordination unit, for questions.
    pub coordination: Contact,
    /// Where to ask to join the mailing list, for news of future calls.
    pub mailing_list: Contact,
}

/// One call for applications and its conditions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// Stable id, e.g. `eu-cities-2018`.
    pub id: String,
    /// English title (the UI may translate by id).
    pub title: String,
    /// Upcoming, open or closed.
    pub status: CallStatus,
    /// Opening date, `YYYY-MM-DD`, when known.
    pub opens: Option<String>,
    /// Closing date, `YYYY-MM-DD`, when known (always known for a closed call).
    pub closes: Option<String>,
    /// The source sentence about the call's status.
    pub status_quote: String,
    /// Who may apply, by country.
    pub member_states: MemberStates,
    /// The population threshold (applied per [`CityRule::population`] and [`GroupRule::population`]).
    pub threshold: Threshold,
    /// The rule for single cities.
    pub city: CityRule,
    /// The rule for groups of municipalities.
    pub group: GroupRule,
    /// Kinds of applicant that are explicitly excluded, if any.
    pub excluded: Option<Exclusion>,
    /// What selected cities commit to, in the order the wizard asks.
    pub commitments: Vec<Commitment>,
    /// Whom to write to.
    pub contacts: Contacts,
}

impl Call {
    /// Whether a country (alpha-2) was a member state for this call.
    pub fn is_member(&self, code: &str) -> bool {
        self.member_states.codes.iter().any(|c| c == code)
    }

    /// A commitment by id.
    pub fn commitment(&self, id: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.id == id)
    }

    /// Whether an applicant kind is listed as excluded.
    pub fn excludes(&self, kind: ApplicantKind) -> bool {
        self.excluded.as_ref().is_some_and(|e| e.kinds.contains(&kind))
    }

    /// The population requirement for a kind of applicant (`None` for kinds that cannot apply).
    pub fn requirement(&self, kind: ApplicantKind) -> Option<Requirement> {
        match kind {
            ApplicantKind::City => Some(self.city.population),
            ApplicantKind::Group => Some(self.group.population),
            _ => None,
        }
    }

    /// The source sentence behind the population rule for a kind of applicant.
    fn population_quote(&self, kind: ApplicantKind) -> &str {
        if kind == ApplicantKind::Group {
            &self.group.quote
        } else {
            &self.city.quote
        }
    }

    /// Every quoted source sentence of the call, with the field it belongs to (for checks and credits).
    pub fn quotes(&self) -> Vec<(String, &str)> {
        let mut q = vec![
            ("status_quote".to_string(), self.status_quote.as_str()),
            ("member_states.quote".to_string(), self.member_states.quote.as_str()),
            ("city.quote".to_string(), self.city.quote.as_str()),
            ("group.quote".to_string(), self.group.quote.as_str()),
        ];
        if let Some(e) = &self.excluded {
            q.push(("excluded.quote".to_string(), e.quote.as_str()));
            if let Some(r) = &e.redirect {
                q.push(("excluded.redirect.quote".to_string(), r.quote.as_str()));
            }
        }
        for (i, c) in self.commitments.iter().enumerate() {
            q.push((format!("commitments[{i}].quote"), c.quote.as_str()));
        }
        q.push(("contacts.coordination.quote".to_string(), self.contacts.coordination.quote.as_str()));
        q.push(("contacts.mailing_list.quote".to_string(), self.contacts.mailing_list.quote.as_str()));
        q
    }
}

/// The validated rules file. Built only by [`load_rules`], so the current call always exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    source: String,
    calls: Vec<Call>,
    current: usize,
}

impl Rules {
    /// The call the wizard checks against (`current_call` in the file).
    pub fn current(&self) -> &Call {
        // `load_rules` only builds a `Rules` whose `current` indexes `calls`, and the fields are private.
        &self.calls[self.current]
    }

    /// Every call in the file, in file order.
    pub fn calls(&self) -> &[Call] {
        &self.calls
    }

    /// A call by id.
    pub fn call(&self, id: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id)
    }

    /// Where the quotes come from (free text, for the credits).
    pub fn source(&self) -> &str {
        &self.source
    }
}

// ───────────────────────────── loading ─────────────────────────────

use crate::dataset::{truncate, type_name};

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An id: lower-case ASCII letters, digits and inner hyphens; safe in a URL without escaping.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn is_alpha2(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// `YYYY-MM-DD` naming a real day of the Gregorian calendar.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r)?.parse().ok() };
    let all_digits = b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    all_digits && (1..=days).contains(&d)
}

fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else { return false };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains('@')
        && s.chars().all(|c| c.is_ascii_graphic())
}

/// Reads one object of the rules file, reporting every problem against one location.
struct Walker<'p> {
    loc: String,
    problems: &'p mut Vec<Problem>,
}

type Obj = Map<String, Value>;

impl Walker<'_> {
    fn report(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem { location: self.loc.clone(), field: field.to_string(), message: message.into() });
    }

    /// Report keys that are neither known nor `note` (a typo would otherwise go unnoticed).
    fn known(&mut self, m: &Obj, path: &str, allowed: &[&str]) {
        for k in m.keys() {
            if k != "note" && !allowed.contains(&k.as_str()) {
                self.report(&join(path, &truncate(k, 40)), "is not a field this app knows (a typo?)");
            }
        }
    }

    fn object<'v>(&mut self, m: &'v Obj, path: &str, key: &str) -> Option<&'v Obj> {
        match m.get(key) {
            Some(Value::Object(o)) => Some(o),
            Some(v) => {
                self.report(&join(path, key), format!("must be an object, found {}", type_name(v)));
                None
            }
            None => {
                self.report(&join(path, key), "is missing");
                None
            }
        }
    }

    fn array<'v>(&mut self, m: &'v Obj, path: &str, key: &str) -> Option<&'v Vec<Value>> {
        match m.get(key) {
            Some(Value::Array(a)) => Some(a),
            Some(v) => {
                self.report(&join(path, key), format!("must be an array, found {}", type_name(v)));
                None
            }
            None => {
                self.report(&join(path, key), "is missing");
                None
            }
        }
    }

    /// A required, non-empty, printable text of at most [`MAX_TEXT`] bytes.
    fn text(&mut self, m: &Obj, path: &str, key: &str) -> Option<String> {
        let field = join(path, key);
        match m.get(key) {
            Some(Value::String(s)) => self.check_text(&field, s).then(|| s.clone()),
            Some(v) => {
                self.report(&field, format!("must be a string, found {}", type_name(v)));
                None
            }
            None => {
                self.report(&field, "is missing");
                None
            }
        }
    }

    fn check_text(&mut self, field: &str, s: &str) -> bool {
        if s.trim().is_empty() {
            self.report(field, "is empty");
        } else if s.len() > MAX_TEXT {
            self.report(field, format!("is {} bytes long; the limit is {MAX_TEXT}", s.len()));
        } else if s.chars().any(char::is_control) {
            self.report(field, "contains control characters");
        } else {
            return true;
        }
        false
    }

    /// An optional `YYYY-MM-DD`; `Err` when present but malformed.
    fn date(&mut self, m: &Obj, path: &str, key: &str) -> Result<Option<String>, ()> {
        let field = join(path, key);
        match m.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if is_date(s) => Ok(Some(s.clone())),
            Some(Value::String(s)) => {
                self.report(&field, format!("\"{}\" is not a date written YYYY-MM-DD", truncate(s, 30)));
                Err(())
            }
            Some(v) => {
                self.report(&field, format!("must be a date string YYYY-MM-DD or null, found {}", type_name(v)));
                Err(())
            }
        }
    }

    fn boolean(&mut self, m: &Obj, path: &str, key: &str) -> Option<bool> {
        match m.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            Some(v) => {
                self.report(&join(path, key), format!("must be true or false, found {}", type_name(v)));
                None
            }
            None => {
                self.report(&join(path, key), "is missing");
                None
            }
        }
    }

    /// A required text that must be one of a few ids.
    fn choice<T>(&mut self, m: &Obj, path: &str, key: &str, parse: fn(&str) -> Option<T>, ids: &str) -> Option<T> {
        let s = self.text(m, path, key)?;
        let t = parse(&s);
        if t.is_none() {
            self.report(&join(path, key), format!("\"{}\" is not one of {ids}", truncate(&s, 30)));
        }
        t
    }

    fn email_contact(&mut self, m: &Obj, path: &str, key: &str) -> Option<Contact> {
        let o = self.object(m, path, key)?;
        let p = join(path, key);
        self.known(o, &p, &["email", "quote"]);
        let email = self.text(o, &p, "email");
        if let Some(e) = &email {
            if !is_email(e) {
                self.report(&join(&p, "email"), format!("\"{}\" is not an e-mail address", truncate(e, 60)));
            }
        }
        let quote = self.text(o, &p, "quote");
        Some(Contact { email: email.filter(|e| is_email(e))?, quote: quote? })
    }
}

fn read_call(m: &Obj, loc: String, problems: &mut Vec<Problem>) -> Option<Call> {
    let mut w = Walker { loc, problems };
    w.known(
        m,
        "",
        &[
            "id",
            "title",
            "status",
            "opens",
            "closes",
            "status_quote",
            "member_states",
            "population",
            "city",
            "group",
            "excluded",
            "commitments",
            "contacts",
        ],
    );
    let id = w.text(m, "", "id");
    if let Some(i) = &id {
        if !is_id(i) {
            w.report("id", "must be lower-case letters, digits and hyphens (at most 60)");
        }
    }
    let id = id.filter(|i| is_id(i));
    let title = w.text(m, "", "title");
    let status = w.choice(m, "", "status", CallStatus::from_id, "\"upcoming\", \"open\", \"closed\"");
    let opens = w.date(m, "", "opens");
    let closes = w.date(m, "", "closes");
    if let (Ok(Some(o)), Ok(Some(c))) = (&opens, &closes) {
        if o > c {
            w.report("closes", format!("{c} is before the opening date {o}"));
        }
    }
    if status == Some(CallStatus::Closed) && matches!(closes, Ok(None)) {
        w.report("closes", "a closed call needs its closing date");
    }
    let status_quote = w.text(m, "", "status_quote");

    let member_states = w.object(m, "", "member_states").and_then(|o| {
        w.known(o, "member_states", &["as_of", "codes", "quote"]);
        let as_of = w.text(o, "member_states", "as_of");
        let quote = w.text(o, "member_states", "quote");
        let list = w.array(o, "member_states", "codes");
        let mut codes = Vec::new();
        let mut ok = list.is_some();
        if let Some(list) = list {
            if list.is_empty() {
                w.report("member_states.codes", "is empty: no city could apply");
                ok = false;
            }
            let mut seen = HashSet::new();
            for (i, v) in list.iter().enumerate() {
                let field = format!("member_states.codes[{i}]");
                match v.as_str() {
                    Some("UK") => w.report(&field, "use GB, the ISO 3166-1 code of the United Kingdom"),
                    Some("EL") => w.report(&field, "use GR, the ISO 3166-1 code of Greece"),
                    Some(c) if is_alpha2(c) => {
                        if seen.insert(c) {
                            codes.push(c.to_string());
                            continue;
                        }
                        w.report(&field, format!("{c} is listed twice"));
                    }
                    Some(c) => w.report(
                        &field,
                        format!("\"{}\" is not an ISO 3166-1 alpha-2 code such as \"DE\"", truncate(c, 20)),
                    ),
                    None => w.report(&field, format!("must be a string, found {}", type_name(v))),
                }
                ok = false;
            }
        }
        ok.then_some(())?;
        Some(MemberStates { as_of: as_of?, codes, quote: quote? })
    });

    let threshold = w.object(m, "", "population").and_then(|o| {
        w.known(o, "population", &["threshold", "comparison"]);
        let value = match o.get("threshold") {
            Some(Value::Number(n)) => match n.as_u64() {
                Some(0) => {
                    w.report("population.threshold", "is 0: every place would meet it");
                    None
                }
                Some(v) if v <= MAX_POPULATION => Some(v),
                _ => {
                    w.report("population.threshold", format!("{n} is not a whole number from 1 to {MAX_POPULATION}"));
                    None
                }
            },
            Some(v) => {
                w.report("population.threshold", format!("must be a whole number, found {}", type_name(v)));
                None
            }
            None => {
                w.report("population.threshold", "is missing");
                None
            }
        };
        let comparison =
            w.choice(o, "population", "comparison", Comparison::from_id, "\"more-than\" (strictly), \"at-least\"");
        Some(Threshold { value: value?, comparison: comparison? })
    });

    let city = w.object(m, "", "city").and_then(|o| {
        w.known(o, "city", &["population", "quote"]);
        let population = w.choice(o, "city", "population", Requirement::from_id, "\"encouraged\", \"required\"");
        let quote = w.text(o, "city", "quote");
        Some(CityRule { population: population?, quote: quote? })
    });

    let group = w.object(m, "", "group").and_then(|o| {
        w.known(o, "group", &["population", "lead_authority", "members_commitment", "quote"]);
        let population = w.choice(o, "group", "population", Requirement::from_id, "\"encouraged\", \"required\"");
        let lead_authority = w.boolean(o, "group", "lead_authority");
        let members_commitment = w.boolean(o, "group", "members_commitment");
        let quote = w.text(o, "group", "quote");
        Some(GroupRule {
            population: population?,
            lead_authority: lead_authority?,
            members_commitment: members_commitment?,
            quote: quote?,
        })
    });

    // `excluded` is optional: without it, only cities and groups are asked further questions anyway.
    let excluded: Result<Option<Exclusion>, ()> = match m.get("excluded") {
        None | Some(Value::Null) => Ok(None),
        Some(_) => {
            let e = w.object(m, "", "excluded").and_then(|o| {
                w.known(o, "excluded", &["kinds", "quote", "redirect"]);
                let mut kinds = Vec::new();
                let mut ok = true;
                if let Some(list) = w.array(o, "excluded", "kinds") {
                    if list.is_empty() {
                        w.report("excluded.kinds", "is empty (leave out \"excluded\" instead)");
                        ok = false;
                    }
                    for (i, v) in list.iter().enumerate() {
                        let field = format!("excluded.kinds[{i}]");
                        match v.as_str().map(|s| (s, ApplicantKind::from_id(s))) {
                            Some((_, Some(k @ (ApplicantKind::Region | ApplicantKind::Province)))) => {
                                if kinds.contains(&k) {
                                    w.report(&field, format!("\"{}\" is listed twice", k.id()));
                                    ok = false;
                                } else {
                                    kinds.push(k);
                                }
                            }
                            Some((s, Some(_))) => {
                                w.report(
                                    &field,
                                    format!("\"{s}\" cannot be excluded: only \"region\" and \"province\" can"),
                                );
                                ok = false;
                            }
                            Some((s, None)) => {
                                w.report(
                                    &field,
                                    format!("\"{}\" is not one of \"region\", \"province\"", truncate(s, 30)),
                                );
                                ok = false;
                            }
                            None => {
                                w.report(&field, format!("must be a string, found {}", type_name(v)));
                                ok = false;
                            }
                        }
                    }
                } else {
                    ok = false;
                }
                let quote = w.text(o, "excluded", "quote");
                let redirect = match o.get("redirect") {
                    None | Some(Value::Null) => Ok(None),
                    Some(_) => w
                        .object(o, "excluded", "redirect")
                        .and_then(|r| {
                            w.known(r, "excluded.redirect", &["name", "quote"]);
                            let name = w.text(r, "excluded.redirect", "name");
                            let quote = w.text(r, "excluded.redirect", "quote");
                            Some(Redirect { name: name?, quote: quote? })
                        })
                        .map(Some)
                        .ok_or(()),
                };
                ok.then_some(())?;
                Some(Exclusion { kinds, quote: quote?, redirect: redirect.ok()? })
            });
            e.map(Some).ok_or(())
        }
    };

    let commitments = w.array(m, "", "commitments").and_then(|list| {
        let mut out = Vec::new();
        let mut ok = true;
        let mut seen = HashSet::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("commitments[{i}]");
            let Value::Object(o) = v else {
                w.report(&path, format!("must be an object, found {}", type_name(v)));
                ok = false;
                continue;
            };
            w.known(o, &path, &["id", "quote"]);
            let id = w.text(o, &path, "id");
            let quote = w.text(o, &path, "quote");
            match (id, quote) {
                (Some(id), Some(quote)) if is_id(&id) && seen.insert(id.clone()) => out.push(Commitment { id, quote }),
                (Some(id), _) if !is_id(&id) => {
                    w.report(&join(&path, "id"), "must be lower-case letters, digits and hyphens (at most 60)");
                    ok = false;
                }
                (Some(id), Some(_)) => {
                    w.report(&join(&path, "id"), format!("\"{id}\" is used by an earlier commitment"));
                    ok = false;
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    });

    let contacts = w.object(m, "", "contacts").and_then(|o| {
        w.known(o, "contacts", &["coordination", "mailing_list"]);
        let coordination = w.email_contact(o, "contacts", "coordination");
        let mailing_list = w.email_contact(o, "contacts", "mailing_list");
        Some(Contacts { coordination: coordination?, mailing_list: mailing_list? })
    });

    Some(Call {
        id: id?,
        title: title?,
        status: status?,
        opens: opens.ok()?,
        closes: closes.ok()?,
        status_quote: status_quote?,
        member_states: member_states?,
        threshold: threshold?,
        city: city?,
        group: group?,
        excluded: excluded.ok()?,
        commitments: commitments?,
        contacts: contacts?,
    })
}

/// Parse and validate a rules file (`public/data/eligibility.json`).
///
/// Returns every problem found — location (`file`, `calls[0] (eu-cities-2018)`), dotted field
/// (`commitments[2].quote`) and message — rather than stopping at the first. Never panics.
pub fn load_rules(text: &str) -> Result<Rules, Vec<Problem>> {
    let file_problem =
        |field: &str, message: String| Problem { location: "file".to_string(), field: field.to_string(), message };
    let root: Value = serde_json::from_str(text).map_err(|e| {
        vec![file_problem("", format!("is not valid JSON: {e} (line {}, column {})", e.line(), e.column()))]
    })?;
    let Value::Object(root) = root else {
        return Err(vec![file_problem("", format!("must be a JSON object, found {}", type_name(&root)))]);
    };
    let mut problems = Vec::new();
    let mut w = Walker { loc: "file".to_string(), problems: &mut problems };
    w.known(&root, "", &["schema_version", "source", "current_call", "calls"]);
    match root.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(RULES_SCHEMA_VERSION) => {}
        Some(Value::Number(n)) => {
            w.report("schema_version", format!("is {n}, this app reads version {RULES_SCHEMA_VERSION}"))
        }
        Some(v) => w.report("schema_version", format!("must be an integer, found {}", type_name(v))),
        None => w.report("schema_version", "is missing"),
    }
    let source = match root.get("source") {
        None => Some(String::new()),
        Some(_) => w.text(&root, "", "source"),
    };
    let current_call = w.text(&root, "", "current_call");
    let list = w.array(&root, "", "calls").cloned().unwrap_or_default();
    if root.get("calls").is_some_and(Value::is_array) && list.is_empty() {
        w.report("calls", "is empty: there is no call to check against");
    }

    let mut calls = Vec::new();
    let mut all_read = true;
    let mut ids = HashSet::new();
    for (i, v) in list.iter().enumerate() {
        let hint = v.get("id").and_then(Value::as_str).map(|s| truncate(s, 40)).unwrap_or_default();
        let loc = if hint.is_empty() { format!("calls[{i}]") } else { format!("calls[{i}] ({hint})") };
        let Value::Object(o) = v else {
            problems.push(Problem {
                location: loc,
                field: String::new(),
                message: format!("must be an object, found {}", type_name(v)),
            });
            all_read = false;
            continue;
        };
        match read_call(o, loc.clone(), &mut problems) {
            Some(call) => {
                if !ids.insert(call.id.clone()) {
                    problems.push(Problem {
                        location: loc,
                        field: "id".to_string(),
                        message: format!("\"{}\" is used by an earlier call", call.id),
                    });
                }
                calls.push(call);
            }
            None => all_read = false,
        }
    }

    let current = current_call.as_ref().and_then(|id| calls.iter().position(|c| &c.id == id));
    if let (Some(id), None, true) = (&current_call, current, all_read) {
        let known: Vec<&str> = calls.iter().map(|c| c.id.as_str()).collect();
        problems.push(file_problem(
            "current_call",
            format!("\"{}\" is not the id of any call (the calls are: {})", truncate(id, 40), known.join(", ")),
        ));
    }
    match (source, current) {
        (Some(source), Some(current)) if problems.is_empty() => Ok(Rules { source, calls, current }),
        _ => Err(problems),
    }
}

// ───────────────────────────── answers ─────────────────────────────

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

    fn is_valid(&self) -> bool {
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
    fn is_valid(self) -> bool {
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
fn country_excludes(call: &Call, a: &Answers) -> bool {
    match &a.country {
        Some(CountryAnswer::Other) => true,
        Some(CountryAnswer::Code(c)) => is_alpha2(c) && !call.is_member(c),
        None => false,
    }
}

/// The population answer rules the applicant out (below a *required* threshold).
fn population_excludes(call: &Call, a: &Answers) -> bool {
    match (a.kind.and_then(|k| call.requirement(k)), a.population) {
        (Some(Requirement::Required), Some(PopulationAnswer::Count(n))) => {
            PopulationAnswer::Count(n).is_valid() && !call.threshold.is_met(n)
        }
        _ => false,
    }
}

fn group_questions(call: &Call, a: &Answers) -> bool {
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

fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_separator(c: char) -> bool {
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
        let word = word.trim().trim_end_matches('.').to_lowercase();
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
    fn new(step: Step, field: &str, code: ErrorCode) -> FieldError {
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

/// The overall answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Meets every condition.
    Eligible,
    /// Meets every condition, but a single city at or below the *encouraged* population.
    EligibleBelowEncouraged,
    /// Could be eligible: something to fix or to find out first (see the next steps).
    NotYet,
    /// Cannot apply to this call (see the reason and the next steps).
    NotEligible,
    /// Questions still unanswered.
    Incomplete,
}

impl Verdict {
    /// Stable id for translations.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::EligibleBelowEncouraged => "eligible-below-encouraged",
            Verdict::NotYet => "not-yet",
            Verdict::NotEligible => "not-eligible",
            Verdict::Incomplete => "incomplete",
        }
    }
}

/// How a reason weighs on the verdict (for grouping on the result page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// A condition that is met.
    Meets,
    /// Information that does not change the verdict (the call's status).
    Info,
    /// Below what is encouraged: may still apply.
    Encouraged,
    /// Something to fix before applying.
    ToFix,
    /// Something to find out before knowing.
    FindOut,
    /// Rules the applicant out.
    Excludes,
}

/// Why: a stable kind (translated by the UI) with the numbers it needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ReasonKind {
    /// The country was a member state.
    EuMemberState {
        /// Alpha-2 code.
        country: String,
    },
    /// The country was not a member state (`None`: "another country").
    NotEuMemberState {
        /// Alpha-2 code, if one was chosen.
        country: Option<String>,
    },
    /// Regions and provinces are not eligible applicants themselves.
    SubNationalGovernment {
        /// [`ApplicantKind::Region`] or [`ApplicantKind::Province`].
        kind: ApplicantKind,
    },
    /// Only cities and groups of municipalities can apply.
    NotACityOrGroup {
        /// The kind chosen.
        kind: ApplicantKind,
    },
    /// The population meets the threshold.
    AboveThreshold {
        /// The threshold.
        threshold: Threshold,
        /// The answer.
        population: u64,
        /// Whether it was required or encouraged.
        requirement: Requirement,
        /// The answer is a group's total.
        group: bool,
    },
    /// A population at or below an *encouraged* threshold: may still apply.
    BelowEncouragedSize {
        /// The threshold.
        threshold: Threshold,
        /// The answer.
        population: u64,
    },
    /// A population at or below a *required* threshold.
    BelowRequiredSize {
        /// The threshold.
        threshold: Threshold,
        /// The answer.
        population: u64,
        /// The answer is a group's total.
        group: bool,
    },
    /// Population answered "not sure".
    PopulationUnknown {
        /// The threshold.
        threshold: Threshold,
        /// Whether meeting it is required or encouraged.
        requirement: Requirement,
        /// The answer would be a group's total.
        group: bool,
    },
    /// A lead urban authority with a clear administrative contact has been identified.
    LeadAuthorityIdentified,
    /// No lead urban authority identified yet.
    LeadAuthorityMissing,
    /// Not sure whether a lead urban authority has been identified.
    LeadAuthorityUnknown,
    /// The other municipalities have committed.
    MembersCommitted,
    /// The other municipalities have not committed.
    MembersNotCommitted,
    /// Not sure whether the other municipalities have committed.
    MembersCommitmentUnknown,
    /// The applicant can commit to this.
    CommitmentConfirmed {
        /// [`Commitment::id`].
        id: String,
    },
    /// The applicant cannot commit to this (yet).
    CommitmentDeclined {
        /// [`Commitment::id`].
        id: String,
    },
    /// The applicant is not sure it can commit to this.
    CommitmentUnsure {
        /// [`Commitment::id`].
        id: String,
    },
    /// The call is closed.
    CallClosed {
        /// The call's id.
        call: String,
        /// Closing date, `YYYY-MM-DD`.
        closed_on: Option<String>,
    },
    /// The call is open.
    CallOpen {
        /// The call's id.
        call: String,
        /// Closing date, `YYYY-MM-DD`, if known.
        closes: Option<String>,
    },
    /// The call is announced but not open yet.
    CallUpcoming {
        /// The call's id.
        call: String,
        /// Opening date, `YYYY-MM-DD`, if known.
        opens: Option<String>,
    },
}

impl ReasonKind {
    /// Stable id for translations.
    pub fn id(&self) -> &'static str {
        match self {
            ReasonKind::EuMemberState { .. } => "eu-member-state",
            ReasonKind::NotEuMemberState { .. } => "not-eu-member-state",
            ReasonKind::SubNationalGovernment { .. } => "sub-national-government",
            ReasonKind::NotACityOrGroup { .. } => "not-a-city-or-group",
            ReasonKind::AboveThreshold { .. } => "above-threshold",
            ReasonKind::BelowEncouragedSize { .. } => "below-encouraged-size",
            ReasonKind::BelowRequiredSize { .. } => "below-required-size",
            ReasonKind::PopulationUnknown { .. } => "population-unknown",
            ReasonKind::LeadAuthorityIdentified => "lead-authority-identified",
            ReasonKind::LeadAuthorityMissing => "lead-authority-missing",
            ReasonKind::LeadAuthorityUnknown => "lead-authority-unknown",
            ReasonKind::MembersCommitted => "members-committed",
            ReasonKind::MembersNotCommitted => "members-not-committed",
            ReasonKind::MembersCommitmentUnknown => "members-commitment-unknown",
            ReasonKind::CommitmentConfirmed { .. } => "commitment-confirmed",
            ReasonKind::CommitmentDeclined { .. } => "commitment-declined",
            ReasonKind::CommitmentUnsure { .. } => "commitment-unsure",
            ReasonKind::CallClosed { .. } => "call-closed",
            ReasonKind::CallOpen { .. } => "call-open",
            ReasonKind::CallUpcoming { .. } => "call-upcoming",
        }
    }

    /// How this reason weighs on the verdict.
    pub fn effect(&self) -> Effect {
        use ReasonKind::*;
        match self {
            EuMemberState { .. }
            | AboveThreshold { .. }
            | LeadAuthorityIdentified
            | MembersCommitted
            | CommitmentConfirmed { .. } => Effect::Meets,
            CallClosed { .. } | CallOpen { .. } | CallUpcoming { .. } => Effect::Info,
            BelowEncouragedSize { .. } => Effect::Encouraged,
            LeadAuthorityMissing | MembersNotCommitted | CommitmentDeclined { .. } => Effect::ToFix,
            PopulationUnknown { .. } | LeadAuthorityUnknown | MembersCommitmentUnknown | CommitmentUnsure { .. } => {
                Effect::FindOut
            }
            NotEuMemberState { .. }
            | SubNationalGovernment { .. }
            | NotACityOrGroup { .. }
            | BelowRequiredSize { .. } => Effect::Excludes,
        }
    }

    /// The page where the answer behind this reason can be changed (`None` for the call's status).
    pub fn step(&self) -> Option<Step> {
        use ReasonKind::*;
        match self {
            EuMemberState { .. } | NotEuMemberState { .. } => Some(Step::Country),
            SubNationalGovernment { .. } | NotACityOrGroup { .. } => Some(Step::Kind),
            AboveThreshold { .. }
            | BelowEncouragedSize { .. }
            | BelowRequiredSize { .. }
            | PopulationUnknown { .. } => Some(Step::Population),
            LeadAuthorityIdentified
            | LeadAuthorityMissing
            | LeadAuthorityUnknown
            | MembersCommitted
            | MembersNotCommitted
            | MembersCommitmentUnknown => Some(Step::Group),
            CommitmentConfirmed { .. } | CommitmentDeclined { .. } | CommitmentUnsure { .. } => Some(Step::Commitments),
            CallClosed { .. } | CallOpen { .. } | CallUpcoming { .. } => None,
        }
    }
}

/// One reason for the verdict, with the source sentence it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    /// What, as a stable kind.
    pub kind: ReasonKind,
    /// The rule's source sentence, verbatim from the rules file.
    pub quote: String,
}

impl Reason {
    /// Shorthand for `self.kind.effect()`.
    pub fn effect(&self) -> Effect {
        self.kind.effect()
    }
}

/// What to do next, as a stable kind (translated by the UI) with the data it needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NextStep {
    /// Answer a question that is still open.
    AnswerQuestion {
        /// The page.
        step: Step,
    },
    /// Apply to another programme instead (regions and provinces).
    OtherProgramme {
        /// Its name, as the source gives it.
        name: String,
    },
    /// Support a city of your area in applying (regions and provinces are invited to).
    SupportCityApplication,
    /// If you act for a city or a group of municipalities, answer as that city or group.
    ApplyAsCityOrGroup,
    /// Bring more municipalities into the group.
    EnlargeGroup {
        /// The threshold.
        threshold: Threshold,
        /// Inhabitants still missing.
        shortfall: u64,
    },
    /// Consider applying together with neighbouring municipalities as a group.
    FormGroup {
        /// The threshold.
        threshold: Threshold,
    },
    /// Identify a lead urban authority and its administrative contact.
    NameLeadAuthority,
    /// Obtain the other municipalities' commitment.
    SecureMembersCommitment,
    /// Confirm you can commit to this (answered No).
    ConfirmCommitment {
        /// [`Commitment::id`].
        id: String,
    },
    /// Find out the population (of the city, or the group's total).
    FindOutPopulation {
        /// The answer would be a group's total.
        group: bool,
    },
    /// Find out whether a lead urban authority has been identified.
    FindOutLeadAuthority,
    /// Find out whether the other municipalities have committed.
    FindOutMembersCommitment,
    /// Find out whether you can commit to this (answered Not sure).
    FindOutCommitment {
        /// [`Commitment::id`].
        id: String,
    },
    /// See the current pairings on your topics and in your regions.
    ExplorePairings {
        /// Tag ids chosen on the Interests page.
        topics: Vec<String>,
        /// Regions chosen on the Interests page.
        regions: Vec<Region>,
    },
    /// Apply now (the call is open).
    Apply {
        /// Closing date, `YYYY-MM-DD`, if known.
        closes: Option<String>,
    },
    /// Join the mailing list to hear about future calls.
    JoinMailingList {
        /// Address to write to.
        email: String,
    },
    /// Ask the coordination unit.
    ContactCoordinationUnit {
        /// Address to write to.
        email: String,
    },
}

impl NextStep {
    /// Stable id for translations.
    pub fn id(&self) -> &'static str {
        match self {
            NextStep::AnswerQuestion { .. } => "answer-question",
            NextStep::OtherProgramme { .. } => "other-programme",
            NextStep::SupportCityApplication => "support-city-application",
            NextStep::ApplyAsCityOrGroup => "apply-as-city-or-group",
            NextStep::EnlargeGroup { .. } => "enlarge-group",
            NextStep::FormGroup { .. } => "form-group",
            NextStep::NameLeadAuthority => "name-lead-authority",
            NextStep::SecureMembersCommitment => "secure-members-commitment",
            NextStep::ConfirmCommitment { .. } => "confirm-commitment",
            NextStep::FindOutPopulation { .. } => "find-out-population",
            NextStep::FindOutLeadAuthority => "find-out-lead-authority",
            NextStep::FindOutMembersCommitment => "find-out-members-commitment",
            NextStep::FindOutCommitment { .. } => "find-out-commitment",
            NextStep::ExplorePairings { .. } => "explore-pairings",
            NextStep::Apply { .. } => "apply",
            NextStep::JoinMailingList { .. } => "join-mailing-list",
            NextStep::ContactCoordinationUnit { .. } => "contact-coordination-unit",
        }
    }
}

/// The result of [`evaluate`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// The overall answer.
    pub verdict: Verdict,
    /// Why, in question order: conditions met, to fix, to find out, and what rules out.
    pub reasons: Vec<Reason>,
    /// What to do, most pressing first.
    pub next_steps: Vec<NextStep>,
}

fn tri_reason(t: Tri, yes: ReasonKind, no: ReasonKind, not_sure: ReasonKind) -> ReasonKind {
    match t {
        Tri::Yes => yes,
        Tri::No => no,
        Tri::NotSure => not_sure,
    }
}

/// What to do about a reason that stands in the way (none for those that do not).
fn fix_for(kind: &ReasonKind) -> Option<NextStep> {
    Some(match kind {
        ReasonKind::BelowEncouragedSize { threshold, .. } => NextStep::FormGroup { threshold: *threshold },
        ReasonKind::PopulationUnknown { group, .. } => NextStep::FindOutPopulation { group: *group },
        ReasonKind::LeadAuthorityMissing => NextStep::NameLeadAuthority,
        ReasonKind::LeadAuthorityUnknown => NextStep::FindOutLeadAuthority,
        ReasonKind::MembersNotCommitted => NextStep::SecureMembersCommitment,
        ReasonKind::MembersCommitmentUnknown => NextStep::FindOutMembersCommitment,
        ReasonKind::CommitmentDeclined { id } => NextStep::ConfirmCommitment { id: id.clone() },
        ReasonKind::CommitmentUnsure { id } => NextStep::FindOutCommitment { id: id.clone() },
        _ => return None,
    })
}

/// Check the answers against the current call.
///
/// Only the answers to the pages of [`flow`] count. The verdict is, in this order:
/// [`Verdict::NotEligible`] if an answer rules the applicant out (whatever else is missing);
/// [`Verdict::Incomplete`] if a question of the flow is unanswered; [`Verdict::NotYet`] if
/// something is to fix or to find out ("No" or "Not sure"); [`Verdict::EligibleBelowEncouraged`]
/// for a city at or below an encouraged threshold; else [`Verdict::Eligible`].
pub fn evaluate(rules: &Rules, answers: &Answers) -> Outcome {
    let call = rules.current();
    let th = call.threshold;
    let mut reasons: Vec<Reason> = Vec::new();
    let mut unanswered: Vec<Step> = Vec::new();
    let mut push = |kind: ReasonKind, quote: &str| reasons.push(Reason { kind, quote: quote.to_string() });

    for step in flow(rules, answers) {
        if step.is_question() && !validate_step(rules, answers, step).is_empty() {
            unanswered.push(step);
            continue;
        }
        match step {
            Step::Kind => match answers.kind {
                Some(k) if call.excludes(k) => {
                    let quote = call.excluded.as_ref().map(|e| e.quote.as_str()).unwrap_or_default();
                    push(ReasonKind::SubNationalGovernment { kind: k }, quote);
                }
                Some(k) if !k.can_apply() => push(ReasonKind::NotACityOrGroup { kind: k }, &call.member_states.quote),
                _ => {}
            },
            Step::Country => match &answers.country {
                Some(CountryAnswer::Code(c)) if call.is_member(c) => {
                    push(ReasonKind::EuMemberState { country: c.clone() }, &call.member_states.quote)
                }
                Some(CountryAnswer::Code(c)) => {
                    push(ReasonKind::NotEuMemberState { country: Some(c.clone()) }, &call.member_states.quote)
                }
                Some(CountryAnswer::Other) => {
                    push(ReasonKind::NotEuMemberState { country: None }, &call.member_states.quote)
                }
                None => {}
            },
            Step::Population => {
                let kind = answers.kind.unwrap_or(ApplicantKind::City);
                let group = kind == ApplicantKind::Group;
                let quote = call.population_quote(kind);
                // The kind may still be unanswered (a hand-made URL): read the number as for a city.
                let requirement = call.requirement(kind).unwrap_or(call.city.population);
                match answers.population {
                    Some(PopulationAnswer::Count(n)) if th.is_met(n) => {
                        push(ReasonKind::AboveThreshold { threshold: th, population: n, requirement, group }, quote)
                    }
                    Some(PopulationAnswer::Count(n)) if requirement == Requirement::Required => {
                        push(ReasonKind::BelowRequiredSize { threshold: th, population: n, group }, quote)
                    }
                    Some(PopulationAnswer::Count(n)) => {
                        push(ReasonKind::BelowEncouragedSize { threshold: th, population: n }, quote)
                    }
                    Some(PopulationAnswer::NotSure) => {
                        push(ReasonKind::PopulationUnknown { threshold: th, requirement, group }, quote)
                    }
                    None => {}
                }
            }
            Step::Group => {
                if let (true, Some(t)) = (call.group.lead_authority, answers.lead) {
                    let kind = tri_reason(
                        t,
                        ReasonKind::LeadAuthorityIdentified,
                        ReasonKind::LeadAuthorityMissing,
                        ReasonKind::LeadAuthorityUnknown,
                    );
                    push(kind, &call.group.quote);
                }
                if let (true, Some(t)) = (call.group.members_commitment, answers.members) {
                    let kind = tri_reason(
                        t,
                        ReasonKind::MembersCommitted,
                        ReasonKind::MembersNotCommitted,
                        ReasonKind::MembersCommitmentUnknown,
                    );
                    push(kind, &call.group.quote);
                }
            }
            Step::Commitments => {
                for c in &call.commitments {
                    if let Some(t) = answers.commitments.get(&c.id) {
                        let id = c.id.clone();
                        let kind = tri_reason(
                            *t,
                            ReasonKind::CommitmentConfirmed { id: id.clone() },
                            ReasonKind::CommitmentDeclined { id: id.clone() },
                            ReasonKind::CommitmentUnsure { id },
                        );
                        push(kind, &c.quote);
                    }
                }
            }
            Step::Start | Step::Interests | Step::Check | Step::Result => {}
        }
    }

    let has = |e: Effect| reasons.iter().any(|r| r.effect() == e);
    let verdict = if has(Effect::Excludes) {
        Verdict::NotEligible
    } else if !unanswered.is_empty() {
        Verdict::Incomplete
    } else if has(Effect::ToFix) || has(Effect::FindOut) {
        Verdict::NotYet
    } else if has(Effect::Encouraged) {
        Verdict::EligibleBelowEncouraged
    } else {
        Verdict::Eligible
    };

    let coordination = || NextStep::ContactCoordinationUnit { email: call.contacts.coordination.email.clone() };
    let mut next_steps = Vec::new();
    match verdict {
        Verdict::NotEligible => {
            for r in reasons.iter().filter(|r| r.effect() == Effect::Excludes) {
                match &r.kind {
                    ReasonKind::SubNationalGovernment { .. } => {
                        if let Some(rd) = call.excluded.as_ref().and_then(|e| e.redirect.as_ref()) {
                            next_steps.push(NextStep::OtherProgramme { name: rd.name.clone() });
                        }
                        next_steps.push(NextStep::SupportCityApplication);
                    }
                    ReasonKind::NotACityOrGroup { .. } => {
                        next_steps.push(NextStep::ApplyAsCityOrGroup);
                        next_steps.push(coordination());
                    }
                    ReasonKind::BelowRequiredSize { threshold, population, group: true } => {
                        next_steps.push(NextStep::EnlargeGroup {
                            threshold: *threshold,
                            shortfall: threshold.shortfall(*population),
                        })
                    }
                    ReasonKind::BelowRequiredSize { threshold, group: false, .. } => {
                        next_steps.push(NextStep::FormGroup { threshold: *threshold })
                    }
                    _ => next_steps.push(coordination()),
                }
            }
        }
        Verdict::Incomplete => {
            next_steps.extend(unanswered.iter().map(|s| NextStep::AnswerQuestion { step: *s }));
        }
        Verdict::NotYet | Verdict::EligibleBelowEncouraged | Verdict::Eligible => {
            next_steps.extend(reasons.iter().filter_map(|r| fix_for(&r.kind)));
            next_steps
                .push(NextStep::ExplorePairings { topics: answers.topics.clone(), regions: answers.regions.clone() });
            let (status, steps) = match call.status {
                CallStatus::Open => (
                    ReasonKind::CallOpen { call: call.id.clone(), closes: call.closes.clone() },
                    vec![NextStep::Apply { closes: call.closes.clone() }, coordination()],
                ),
                CallStatus::Closed => (
                    ReasonKind::CallClosed { call: call.id.clone(), closed_on: call.closes.clone() },
                    vec![NextStep::JoinMailingList { email: call.contacts.mailing_list.email.clone() }, coordination()],
                ),
                CallStatus::Upcoming => (
                    ReasonKind::CallUpcoming { call: call.id.clone(), opens: call.opens.clone() },
                    vec![NextStep::JoinMailingList { email: call.contacts.mailing_list.email.clone() }, coordination()],
                ),
            };
            reasons.push(Reason { kind: status, quote: call.status_quote.clone() });
            next_steps.extend(steps);
        }
    }
    Outcome { verdict, reasons, next_steps }
}

// ───────────────────────────── the URL ─────────────────────────────

/// The answers as a URL query string (no leading `?`), e.g.
/// `kind=group&country=ES&pop=99999&lead=yes&members=yes&c=18m:yes,resources:notsure&topics=mobility,water&regions=asia`.
///
/// Every value is an id, a country code or a number, so nothing needs escaping; values that are
/// not well-formed (which [`decode_answers`] would drop) are left out. Unanswered questions are
/// left out; no answers give an empty string.
pub fn encode_answers(answers: &Answers) -> String {
    encode_query(answers, None)
}

/// [`encode_answers`] plus the page (`step=check`), for the address bar and Change links.
pub fn encode_query(answers: &Answers, step: Option<Step>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(k) = answers.kind {
        parts.push(format!("kind={}", k.id()));
    }
    if let Some(c) = answers.country.as_ref().filter(|c| c.is_valid()) {
        parts.push(format!("country={}", c.id()));
    }
    match answers.population {
        Some(PopulationAnswer::NotSure) => parts.push("pop=notsure".to_string()),
        Some(p @ PopulationAnswer::Count(n)) if p.is_valid() => parts.push(format!("pop={n}")),
        _ => {}
    }
    if let Some(t) = answers.lead {
        parts.push(format!("lead={}", t.id()));
    }
    if let Some(t) = answers.members {
        parts.push(format!("members={}", t.id()));
    }
    let c: Vec<String> =
        answers.commitments.iter().filter(|(id, _)| is_id(id)).map(|(id, t)| format!("{id}:{}", t.id())).collect();
    if !c.is_empty() {
        parts.push(format!("c={}", c.join(",")));
    }
    let topics: Vec<&str> = answers.topics.iter().map(String::as_str).filter(|t| is_id(t)).collect();
    if !topics.is_empty() {
        parts.push(format!("topics={}", topics.join(",")));
    }
    if !answers.regions.is_empty() {
        let r: Vec<&str> = answers.regions.iter().map(|r| r.id()).collect();
        parts.push(format!("regions={}", r.join(",")));
    }
    if let Some(s) = step {
        parts.push(format!("step={}", s.id()));
    }
    parts.join("&")
}

/// `%XX` escapes and `+` decoded; `None` for a broken escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let digit = |c: u8| (c as char).to_digit(16);
                out.push((digit(hex[0])? * 16 + digit(hex[1])?) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Most items a list parameter (`c`, `topics`, `regions`) keeps, so a hostile URL stays small.
const MAX_LIST: usize = 64;

/// Read answers and the page from a URL query string (with or without the leading `?`).
///
/// Never fails: unknown parameters, malformed values and malformed list items are ignored, so a
/// damaged link still restores what it can. `%`-escapes are understood. A repeated single-value
/// parameter keeps its last good value; repeated list parameters add up (duplicates dropped).
pub fn decode_answers(query: &str) -> (Answers, Option<Step>) {
    let q = query.strip_prefix('?').unwrap_or(query);
    let mut a = Answers::default();
    let mut step = None;
    for pair in q.split('&') {
        let Some((key, raw)) = pair.split_once('=') else { continue };
        let Some(v) = percent_decode(raw) else { continue };
        let v = v.trim();
        match key {
            "kind" => a.kind = ApplicantKind::from_id(v).or(a.kind),
            "country" => a.country = CountryAnswer::parse(v).or(a.country.take()),
            "pop" => {
                let p = if v == "notsure" {
                    Some(PopulationAnswer::NotSure)
                } else if !v.is_empty() && v.len() <= 11 && v.bytes().all(|b| b.is_ascii_digit()) {
                    v.parse().ok().map(PopulationAnswer::Count).filter(|p| p.is_valid())
                } else {
                    None
                };
                a.population = p.or(a.population);
            }
            "lead" => a.lead = Tri::from_id(v).or(a.lead),
            "members" => a.members = Tri::from_id(v).or(a.members),
            "c" => {
                for item in v.split(',') {
                    if let Some((id, t)) = item.split_once(':') {
                        if let (true, Some(t)) = (is_id(id), Tri::from_id(t)) {
                            if a.commitments.len() < MAX_LIST || a.commitments.contains_key(id) {
                                a.commitments.insert(id.to_string(), t);
                            }
                        }
                    }
                }
            }
            "topics" => {
                for t in v.split(',') {
                    if is_id(t) && a.topics.len() < MAX_LIST && !a.topics.iter().any(|x| x == t) {
                        a.topics.push(t.to_string());
                    }
                }
            }
            "regions" => {
                for r in v.split(',').filter_map(Region::from_id) {
                    if !a.regions.contains(&r) {
                        a.regions.push(r);
                    }
                }
            }
            "step" => step = Step::from_id(v).or(step),
            _ => {}
        }
    }
    (a, step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    // ── fixtures ──

    /// A small call shaped like the 2018 one, with short distinct quotes so tests can tell which
    /// rule a reason cites.
    fn fixture() -> Value {
        json!({
            "schema_version": 1,
            "source": "test source",
            "current_call": "test-call",
            "calls": [{
                "id": "test-call",
                "title": "Test call",
                "status": "closed",
                "opens": null,
                "closes": "2018-03-19",
                "status_quote": "Q-status",
                "member_states": { "as_of": "2018", "codes": ["AT", "DE", "ES", "FR", "GB", "GR", "IT"], "quote": "Q-members" },
                "population": { "threshold": 100000, "comparison": "more-than" },
                "city": { "population": "encouraged", "quote": "Q-city" },
                "group": { "population": "required", "lead_authority": true, "members_commitment": true, "quote": "Q-group" },
                "excluded": {
                    "kinds": ["region", "province"],
                    "quote": "Q-excluded",
                    "redirect": { "name": "the inter-regional programme", "quote": "Q-redirect" }
                },
                "commitments": [
                    { "id": "18m", "quote": "Q-18m" },
                    { "id": "resources", "quote": "Q-resources" },
                    { "id": "reporting", "quote": "Q-reporting" }
                ],
                "contacts": {
                    "coordination": { "email": "coord@example.eu", "quote": "Q-coord" },
                    "mailing_list": { "email": "list@example.eu", "quote": "Q-list" }
                }
            }]
        })
    }

    fn rules() -> Rules {
        load_rules(&fixture().to_string()).expect("the fixture loads")
    }

    /// The fixture with one edit to its (only) call.
    fn rules_with(edit: impl FnOnce(&mut Value)) -> Rules {
        let mut v = fixture();
        edit(&mut v["calls"][0]);
        load_rules(&v.to_string()).expect("the edited fixture loads")
    }

    /// The problems of the fixture after one edit of the whole file.
    fn problems_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = fixture();
        edit(&mut v);
        load_rules(&v.to_string()).expect_err("the edited fixture is rejected")
    }

    fn has_problem(ps: &[Problem], location: &str, field: &str, message_part: &str) -> bool {
        ps.iter().any(|p| p.location == location && p.field == field && p.message.contains(message_part))
    }

    const CALL_LOC: &str = "calls[0] (test-call)";

    fn all(t: Tri) -> BTreeMap<String, Tri> {
        ["18m", "resources", "reporting"].iter().map(|id| (id.to_string(), t)).collect()
    }

    fn city(country: &str, population: u64) -> Answers {
        Answers {
            kind: Some(ApplicantKind::City),
            country: Some(CountryAnswer::Code(country.to_string())),
            population: Some(PopulationAnswer::Count(population)),
            commitments: all(Tri::Yes),
            ..Answers::default()
        }
    }

    fn group(population: u64, lead: Tri, members: Tri) -> Answers {
        Answers { kind: Some(ApplicantKind::Group), lead: Some(lead), members: Some(members), ..city("ES", population) }
    }

    fn kinds(o: &Outcome) -> Vec<&'static str> {
        o.reasons.iter().map(|r| r.kind.id()).collect()
    }

    fn reason<'a>(o: &'a Outcome, id: &str) -> &'a Reason {
        o.reasons.iter().find(|r| r.kind.id() == id).unwrap_or_else(|| panic!("no reason {id} in {o:#?}"))
    }

    use Step::*;

    // ── loading ──

    #[test]
    fn fixture_loads_with_the_current_call() {
        let r = rules();
        assert_eq!(r.current().id, "test-call");
        assert_eq!(r.source(), "test source");
        assert_eq!(r.calls().len(), 1);
        assert_eq!(r.current().threshold, Threshold { value: 100_000, comparison: Comparison::MoreThan });
        assert_eq!(r.current().city.population, Requirement::Encouraged);
        assert_eq!(r.current().group.population, Requirement::Required);
        assert_eq!(r.current().status, CallStatus::Closed);
        assert_eq!(r.current().closes.as_deref(), Some("2018-03-19"));
        assert!(r.current().excludes(ApplicantKind::Province));
        assert!(!r.current().excludes(ApplicantKind::City));
        assert_eq!(r.current().quotes().len(), 11);
    }

    #[test]
    fn current_call_picks_among_several_calls() {
        let mut v = fixture();
        let mut second = v["calls"][0].clone();
        second["id"] = json!("next-call");
        second["status"] = json!("open");
        second["population"]["threshold"] = json!(50000);
        v["calls"].as_array_mut().expect("array").push(second);
        v["current_call"] = json!("next-call");
        let r = load_rules(&v.to_string()).expect("two calls load");
        assert_eq!(r.current().id, "next-call");
        assert_eq!(r.current().threshold.value, 50_000);
        assert_eq!(r.call("test-call").map(|c| c.threshold.value), Some(100_000));
        // The wizard follows the current call: 60,000 meets the new threshold.
        assert_eq!(evaluate(&r, &city("DE", 60_000)).verdict, Verdict::Eligible);
    }

    #[test]
    fn unknown_current_call_is_reported_with_the_known_ids() {
        let ps = problems_with(|v| v["current_call"] = json!("eu-cities-2019"));
        assert!(has_problem(&ps, "file", "current_call", "\"eu-cities-2019\" is not the id of any call"), "{ps:?}");
        assert!(ps[0].message.contains("test-call"));
    }

    #[test]
    fn threshold_zero_is_reported() {
        let ps = problems_with(|v| v["calls"][0]["population"]["threshold"] = json!(0));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(has_problem(&ps, CALL_LOC, "population.threshold", "is 0"));
        for bad in [json!(-5), json!(1.5), json!("100000"), json!(20_000_000_000u64)] {
            let ps = problems_with(|v| v["calls"][0]["population"]["threshold"] = bad.clone());
            assert!(ps.iter().any(|p| p.field == "population.threshold"), "{bad}: {ps:?}");
        }
    }

    #[test]
    fn empty_member_list_is_reported() {
        let ps = problems_with(|v| v["calls"][0]["member_states"]["codes"] = json!([]));
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes", "is empty"), "{ps:?}");
    }

    #[test]
    fn bad_member_codes_are_reported_one_by_one() {
        let ps = problems_with(|v| v["calls"][0]["member_states"]["codes"] = json!(["DE", "UK", "EL", "de", 7, "DE"]));
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes[1]", "use GB"), "{ps:?}");
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes[2]", "use GR"));
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes[3]", "alpha-2"));
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes[4]", "must be a string"));
        assert!(has_problem(&ps, CALL_LOC, "member_states.codes[5]", "listed twice"));
        assert_eq!(ps.len(), 5);
    }

    #[test]
    fn commitment_without_quote_is_reported() {
        let ps = problems_with(|v| {
            v["calls"][0]["commitments"][1].as_object_mut().expect("object").remove("quote");
        });
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(has_problem(&ps, CALL_LOC, "commitments[1].quote", "is missing"));
        let ps = problems_with(|v| v["calls"][0]["commitments"][2]["quote"] = json!("   "));
        assert!(has_problem(&ps, CALL_LOC, "commitments[2].quote", "is empty"), "{ps:?}");
    }

    #[test]
    fn commitment_ids_must_be_url_safe_and_unique() {
        let ps = problems_with(|v| v["calls"][0]["commitments"][0]["id"] = json!("18 Months"));
        assert!(has_problem(&ps, CALL_LOC, "commitments[0].id", "lower-case"), "{ps:?}");
        let ps = problems_with(|v| v["calls"][0]["commitments"][2]["id"] = json!("18m"));
        assert!(has_problem(&ps, CALL_LOC, "commitments[2].id", "earlier commitment"), "{ps:?}");
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let ps = problems_with(|v| {
            v["schema_version"] = json!(2);
            let c = &mut v["calls"][0];
            c["population"]["threshold"] = json!(0);
            c["population"]["comparison"] = json!("over");
            c["city"]["population"] = json!("maybe");
            c["closes"] = json!("2018-02-30");
            c["contacts"]["coordination"]["email"] = json!("not an address");
            c["group"]["lead_authority"] = json!("yes");
            c["stauts"] = json!("typo");
        });
        let fields: Vec<&str> = ps.iter().map(|p| p.field.as_str()).collect();
        for f in [
            "schema_version",
            "population.threshold",
            "population.comparison",
            "city.population",
            "closes",
            "contacts.coordination.email",
            "group.lead_authority",
            "stauts",
        ] {
            assert!(fields.contains(&f), "{f} missing from {ps:#?}");
        }
    }

    #[test]
    fn each_required_field_removed_is_reported_by_name() {
        // Every leaf of the fixture's call except the optional ones.
        let optional = ["opens", "excluded", "excluded.redirect"];
        fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
            if let Value::Object(m) = v {
                for (k, child) in m {
                    let p = join(&path, k);
                    out.push(p.clone());
                    leaves(child, p, out);
                }
            }
        }
        let mut paths = Vec::new();
        leaves(&fixture()["calls"][0], String::new(), &mut paths);
        assert!(paths.len() > 25, "{paths:?}");
        for path in paths.iter().filter(|p| !optional.contains(&p.as_str())) {
            let ps = problems_with(|v| {
                let mut node = &mut v["calls"][0];
                let keys: Vec<&str> = path.split('.').collect();
                for k in &keys[..keys.len() - 1] {
                    node = &mut node[*k];
                }
                node.as_object_mut().expect("object").remove(keys[keys.len() - 1]);
            });
            let named = ps.iter().any(|p| p.field == *path && p.message == "is missing")
                // Removing the closing date of a closed call is reported as such.
                || (path == "closes" && has_problem(&ps, CALL_LOC, "closes", "closing date"));
            assert!(named, "removing {path}: {ps:#?}");
        }
    }

    #[test]
    fn optional_parts_may_be_left_out() {
        let r = rules_with(|c| {
            let o = c.as_object_mut().expect("object");
            o.remove("excluded");
            o.remove("opens");
        });
        assert!(r.current().excluded.is_none());
        // A region is then simply not a city or a group.
        let o = evaluate(&r, &Answers { kind: Some(ApplicantKind::Region), ..Answers::default() });
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(kinds(&o), ["not-a-city-or-group"]);
    }

    #[test]
    fn dates_and_status_are_checked() {
        for bad in ["2018-3-19", "2018-13-01", "2019-02-29", "19-03-2018", "2018-03-1x", "２０１８-03-19"] {
            let ps = problems_with(|v| v["calls"][0]["closes"] = json!(bad));
            assert!(has_problem(&ps, CALL_LOC, "closes", "YYYY-MM-DD"), "{bad}: {ps:?}");
        }
        assert!(is_date("2020-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(is_date("2000-02-29"));
        let ps = problems_with(|v| v["calls"][0]["opens"] = json!("2018-04-01"));
        assert!(has_problem(&ps, CALL_LOC, "closes", "before the opening date"), "{ps:?}");
        let ps = problems_with(|v| v["calls"][0]["closes"] = Value::Null);
        assert!(has_problem(&ps, CALL_LOC, "closes", "a closed call needs its closing date"), "{ps:?}");
        let ps = problems_with(|v| v["calls"][0]["status"] = json!("finished"));
        assert!(has_problem(&ps, CALL_LOC, "status", "is not one of"), "{ps:?}");
    }

    #[test]
    fn excluded_kinds_are_checked() {
        let ps = problems_with(|v| v["calls"][0]["excluded"]["kinds"] = json!(["city", "county", "region", "region"]));
        assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[0]", "cannot be excluded"), "{ps:?}");
        assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[1]", "is not one of"));
        assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[3]", "listed twice"));
    }

    #[test]
    fn file_level_problems() {
        let e = load_rules("{ not json").expect_err("bad JSON");
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("not valid JSON") && e[0].message.contains("line 1"), "{e:?}");
        let e = load_rules("[1, 2]").expect_err("array");
        assert!(e[0].message.contains("must be a JSON object, found an array"));
        let e = load_rules("{}").expect_err("empty object");
        for f in ["schema_version", "current_call", "calls"] {
            assert!(has_problem(&e, "file", f, "is missing"), "{f}: {e:?}");
        }
        let ps = problems_with(|v| v["calls"] = json!([]));
        assert!(has_problem(&ps, "file", "calls", "is empty"), "{ps:?}");
        let ps = problems_with(|v| v["calls"] = json!([42]));
        assert!(has_problem(&ps, "calls[0]", "", "must be an object"), "{ps:?}");
        let ps = problems_with(|v| {
            let c = v["calls"][0].clone();
            v["calls"].as_array_mut().expect("array").push(c);
        });
        assert!(has_problem(&ps, "calls[1] (test-call)", "id", "earlier call"), "{ps:?}");
        let ps = problems_with(|v| v["calls"][0]["status_quote"] = json!("bell\u{7}"));
        assert!(has_problem(&ps, CALL_LOC, "status_quote", "control characters"), "{ps:?}");
    }

    proptest! {
        #[test]
        fn load_rules_never_panics(s in ".{0,200}") {
            let _ = load_rules(&s);
        }

        #[test]
        fn load_rules_never_panics_on_damaged_fixtures(cut in 0usize..2000, junk in "[\\[\\]{}\":,0-9a-z ]{0,8}") {
            let text = fixture().to_string();
            let cut = cut.min(text.len());
            let damaged = format!("{}{junk}{}", &text[..cut], &text[cut..]);
            let _ = load_rules(&damaged);
        }
    }

    // ── population text ──

    #[test]
    fn population_accepts_common_ways_of_writing_numbers() {
        for (text, n) in [
            ("120000", 120_000),
            ("  120000 ", 120_000),
            ("100 000", 100_000),
            ("100\u{a0}000", 100_000),
            ("100\u{202f}000", 100_000),
            ("100,000", 100_000),
            ("100.000", 100_000),
            ("100'000", 100_000),
            ("1,234,567", 1_234_567),
            ("1.234.567", 1_234_567),
            ("1 234 567", 1_234_567),
            ("1.500", 1_500),
            ("7", 7),
            ("0100000", 100_000),
            ("10000000000", MAX_POPULATION),
            ("10,000,000,000", MAX_POPULATION),
        ] {
            assert_eq!(parse_population(text), Ok(n), "{text:?}");
        }
    }

    #[test]
    fn population_rejects_with_a_helpful_reason() {
        use PopulationError::*;
        for (text, e) in [
            ("", Empty),
            ("   ", Empty),
            ("-5", Negative),
            ("−100 000", Negative),
            ("-abc", NotANumber),
            ("1.5", NotWhole),
            ("100,5", NotWhole),
            ("99999.99", NotWhole),
            ("1,234.5", NotWhole),
            ("1,234.567", NotWhole),
            ("12345.678", NotWhole),
            ("12345,678", NotWhole),
            ("100.000,5", NotWhole),
            ("120k", Abbreviated),
            ("120 K", Abbreviated),
            ("1.2 million", Abbreviated),
            ("2 mio.", Abbreviated),
            ("about 100000", NotANumber),
            ("100000 inhabitants", NotANumber),
            ("1e5", NotANumber),
            ("+120000", NotANumber),
            ("1,00,000", NotANumber),
            ("12 34", NotANumber),
            ("100  000", NotANumber),
            ("100,000.000,000", NotANumber),
            ("١٢٣", NotANumber),
            ("0", Zero),
            ("000", Zero),
            ("10000000001", TooLarge),
            ("99999999999999999999999999", TooLarge),
            ("1111111111111111111111111111111111111111111", NotANumber),
        ] {
            assert_eq!(parse_population(text), Err(e), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn population_round_trips_every_accepted_number(n in 1u64..=MAX_POPULATION, sep in prop::sample::select(vec!["", " ", ",", ".", "'", "\u{a0}"])) {
            // Write n with `sep` between groups of three, as a person might.
            let digits = n.to_string();
            let mut text = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    text.push_str(sep);
                }
                text.push(ch);
            }
            prop_assert_eq!(parse_population(&text), Ok(n));
        }

        #[test]
        fn population_parse_never_panics(s in "\\PC{0,50}") {
            if let Ok(n) = parse_population(&s) {
                prop_assert!((1..=MAX_POPULATION).contains(&n));
            }
        }
    }

    // ── flow and navigation ──

    #[test]
    fn flow_for_a_city_skips_the_group_page() {
        assert_eq!(
            flow(&rules(), &city("DE", 200_000)),
            [Start, Kind, Country, Population, Commitments, Interests, Check, Result]
        );
    }

    #[test]
    fn flow_for_a_group_asks_the_group_page() {
        assert_eq!(
            flow(&rules(), &group(200_000, Tri::Yes, Tri::Yes)),
            [Start, Kind, Country, Population, Group, Commitments, Interests, Check, Result]
        );
    }

    #[test]
    fn flow_stops_at_the_answer_that_rules_out() {
        let r = rules();
        for k in [ApplicantKind::Region, ApplicantKind::Province, ApplicantKind::Other] {
            // Stale answers to later questions do not bring them back.
            let a = Answers { kind: Some(k), ..group(500_000, Tri::Yes, Tri::Yes) };
            assert_eq!(flow(&r, &a), [Start, Kind, Result], "{k:?}");
        }
        assert_eq!(flow(&r, &city("US", 500_000)), [Start, Kind, Country, Result]);
        let a = Answers { country: Some(CountryAnswer::Other), ..city("DE", 1) };
        assert_eq!(flow(&r, &a), [Start, Kind, Country, Result]);
        assert_eq!(flow(&r, &group(99_999, Tri::Yes, Tri::Yes)), [Start, Kind, Country, Population, Result]);
        assert_eq!(flow(&r, &group(100_000, Tri::Yes, Tri::Yes)), [Start, Kind, Country, Population, Result]);
        // A city below the (encouraged) threshold goes on.
        assert_eq!(flow(&r, &city("DE", 99_999)).len(), 8);
        // Not sure is not a knock-out.
        let a = Answers { population: Some(PopulationAnswer::NotSure), ..group(1, Tri::Yes, Tri::Yes) };
        assert!(flow(&r, &a).contains(&Group));
    }

    #[test]
    fn flow_with_nothing_answered_is_the_city_path() {
        assert_eq!(
            flow(&rules(), &Answers::default()),
            [Start, Kind, Country, Population, Commitments, Interests, Check, Result]
        );
    }

    #[test]
    fn changing_kind_from_group_to_city_drops_the_group_question() {
        let r = rules();
        let mut a = group(150_000, Tri::No, Tri::NotSure);
        assert!(flow(&r, &a).contains(&Group));
        assert_eq!(next(&r, &a, Population), Group);
        a.kind = Some(ApplicantKind::City);
        assert!(!flow(&r, &a).contains(&Group));
        assert_eq!(next(&r, &a, Population), Commitments);
        assert_eq!(back(&r, &a, Commitments), Population);
        // The stale group answers no longer count.
        let o = evaluate(&r, &a);
        assert_eq!(o.verdict, Verdict::Eligible);
        assert!(o.reasons.iter().all(|x| x.kind.step() != Some(Group)), "{o:#?}");
        // …and come back with the group.
        a.kind = Some(ApplicantKind::Group);
        assert_eq!(evaluate(&r, &a).verdict, Verdict::NotYet);
    }

    #[test]
    fn back_from_each_step_returns_to_the_previous_relevant_step() {
        let r = rules();
        let cases = [
            city("DE", 200_000),
            group(200_000, Tri::Yes, Tri::Yes),
            group(99_999, Tri::Yes, Tri::Yes),
            city("US", 200_000),
            Answers { kind: Some(ApplicantKind::Region), ..Answers::default() },
            Answers::default(),
        ];
        for a in &cases {
            let f = flow(&r, a);
            for w in f.windows(2) {
                assert_eq!(back(&r, a, w[1]), w[0], "back from {:?} for {a:?}", w[1]);
                assert_eq!(next(&r, a, w[0]), w[1], "next from {:?} for {a:?}", w[0]);
            }
            assert_eq!(back(&r, a, Start), Start);
            assert_eq!(next(&r, a, Result), Result);
        }
        // Explicitly, for a group: Commitments → Group → Population → Country → Kind → Start.
        let a = group(200_000, Tri::Yes, Tri::Yes);
        let mut s = Commitments;
        let mut seen = vec![s];
        while s != Start {
            s = back(&r, &a, s);
            seen.push(s);
        }
        assert_eq!(seen, [Commitments, Group, Population, Country, Kind, Start]);
        // Back from the result of a region returns to the question that decided it.
        let a = Answers { kind: Some(ApplicantKind::Province), ..Answers::default() };
        assert_eq!(back(&r, &a, Result), Kind);
        assert_eq!(back(&r, &group(5, Tri::Yes, Tri::Yes), Result), Population);
        assert_eq!(back(&r, &city("CH", 5), Result), Country);
    }

    #[test]
    fn next_and_back_from_a_page_that_no_longer_matters() {
        let r = rules();
        let a = city("DE", 200_000);
        assert_eq!(next(&r, &a, Group), Commitments);
        assert_eq!(back(&r, &a, Group), Population);
        let region = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
        assert_eq!(next(&r, &region, Kind), Result);
        assert_eq!(next(&r, &region, Commitments), Result);
        assert_eq!(back(&r, &region, Check), Kind);
    }

    #[test]
    fn data_decides_which_pages_exist() {
        let r = rules_with(|c| c["commitments"] = json!([]));
        assert!(!flow(&r, &city("DE", 200_000)).contains(&Commitments));
        assert_eq!(evaluate(&r, &city("DE", 200_000)).verdict, Verdict::Eligible);
        let r = rules_with(|c| {
            c["group"]["lead_authority"] = json!(false);
            c["group"]["members_commitment"] = json!(false);
        });
        assert!(!flow(&r, &group(200_000, Tri::No, Tri::No)).contains(&Group));
        assert_eq!(evaluate(&r, &group(200_000, Tri::No, Tri::No)).verdict, Verdict::Eligible);
        let r = rules_with(|c| c["group"]["lead_authority"] = json!(false));
        let a = Answers { lead: None, ..group(200_000, Tri::Yes, Tri::No) };
        assert_eq!(validate_step(&r, &a, Group), []);
        assert_eq!(evaluate(&r, &a).next_steps[0], NextStep::SecureMembersCommitment);
    }

    #[test]
    fn submit_validates_then_moves_on() {
        let r = rules();
        let a = Answers::default();
        assert_eq!(submit(&r, &a, Start), Ok(Kind));
        let e = submit(&r, &a, Kind).expect_err("kind unanswered");
        assert_eq!(e, [FieldError::new(Kind, "kind", ErrorCode::SelectKind)]);
        let a = Answers { kind: Some(ApplicantKind::Region), ..a };
        assert_eq!(submit(&r, &a, Kind), Ok(Result));
        let a = Answers { kind: Some(ApplicantKind::Group), ..a };
        assert_eq!(submit(&r, &a, Kind), Ok(Country));
    }

    #[test]
    fn resolve_step_sends_deep_links_to_the_first_open_question() {
        let r = rules();
        assert_eq!(resolve_step(&r, &Answers::default(), None), Start);
        assert_eq!(resolve_step(&r, &Answers::default(), Some(Check)), Kind);
        let a = Answers { population: None, ..city("DE", 1) };
        assert_eq!(resolve_step(&r, &a, Some(Result)), Population);
        assert_eq!(resolve_step(&r, &a, Some(Country)), Country);
        let full = city("DE", 200_000);
        assert_eq!(resolve_step(&r, &full, Some(Result)), Result);
        // A page that no longer matters: the next one that does.
        assert_eq!(resolve_step(&r, &full, Some(Group)), Commitments);
        let region = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
        assert_eq!(resolve_step(&r, &region, Some(Population)), Result);
        let half = Answers { commitments: BTreeMap::new(), ..full };
        assert_eq!(resolve_step(&r, &half, Some(Check)), Commitments);
    }

    // ── validation ──

    #[test]
    fn each_page_reports_its_own_missing_answers() {
        let r = rules();
        let none = Answers::default();
        assert_eq!(validate_step(&r, &none, Start), []);
        assert_eq!(validate_step(&r, &none, Interests), []);
        assert_eq!(validate_step(&r, &none, Kind)[0].code, ErrorCode::SelectKind);
        assert_eq!(validate_step(&r, &none, Country)[0].code, ErrorCode::SelectCountry);
        assert_eq!(validate_step(&r, &none, Population)[0].code, ErrorCode::EnterPopulation);
        let g = validate_step(&r, &none, Group);
        assert_eq!(g.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["lead", "members"]);
        let c = validate_step(&r, &none, Commitments);
        assert_eq!(
            c.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            ["commitment-18m", "commitment-resources", "commitment-reporting"]
        );
        assert_eq!(c[1].code, ErrorCode::SelectCommitment { id: "resources".into() });
        assert_eq!(c[1].code.id(), "select-commitment");
        // Answered pages are clean.
        let a = group(150_000, Tri::NotSure, Tri::No);
        for s in Step::ALL {
            assert_eq!(validate_step(&r, &a, s), [], "{s:?}");
        }
    }

    #[test]
    fn check_lists_every_missing_answer_of_the_flow() {
        let r = rules();
        let a = Answers { kind: Some(ApplicantKind::Group), ..Answers::default() };
        let steps: Vec<Step> = validate_step(&r, &a, Check).iter().map(|e| e.step).collect();
        assert_eq!(steps, [Country, Population, Group, Group, Commitments, Commitments, Commitments]);
        // Only the pages of the flow: a region has nothing left to answer.
        let a = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
        assert_eq!(validate_step(&r, &a, Check), []);
        assert_eq!(validate_step(&r, &a, Result), []);
    }

    #[test]
    fn malformed_answers_made_in_code_are_errors_not_crashes() {
        let r = rules();
        let a = Answers { country: Some(CountryAnswer::Code("germany".into())), ..city("DE", 1) };
        assert_eq!(validate_step(&r, &a, Country)[0].code, ErrorCode::SelectCountry);
        assert_eq!(evaluate(&r, &a).verdict, Verdict::Incomplete);
        let a = Answers { population: Some(PopulationAnswer::Count(0)), ..city("DE", 1) };
        assert_eq!(validate_step(&r, &a, Population)[0].code, ErrorCode::Population(PopulationError::Zero));
        let a = Answers { population: Some(PopulationAnswer::Count(u64::MAX)), ..city("DE", 1) };
        assert_eq!(validate_step(&r, &a, Population)[0].code, ErrorCode::Population(PopulationError::TooLarge));
        assert_eq!(FieldError::population(PopulationError::NotWhole).field, "population");
    }

    // ── outcomes ──

    #[test]
    fn eligible_city_cites_the_rules_and_points_to_the_closed_call_contacts() {
        let o = evaluate(&rules(), &city("DE", 120_000));
        assert_eq!(o.verdict, Verdict::Eligible);
        assert_eq!(
            kinds(&o),
            [
                "eu-member-state",
                "above-threshold",
                "commitment-confirmed",
                "commitment-confirmed",
                "commitment-confirmed",
                "call-closed"
            ]
        );
        assert_eq!(reason(&o, "eu-member-state").quote, "Q-members");
        assert_eq!(reason(&o, "above-threshold").quote, "Q-city");
        assert_eq!(
            o.reasons[1].kind,
            ReasonKind::AboveThreshold {
                threshold: rules().current().threshold,
                population: 120_000,
                requirement: Requirement::Encouraged,
                group: false
            }
        );
        assert_eq!(o.reasons[2].quote, "Q-18m");
        assert_eq!(o.reasons[4].quote, "Q-reporting");
        assert_eq!(
            reason(&o, "call-closed").kind,
            ReasonKind::CallClosed { call: "test-call".into(), closed_on: Some("2018-03-19".into()) }
        );
        assert_eq!(reason(&o, "call-closed").quote, "Q-status");
        assert_eq!(reason(&o, "call-closed").effect(), Effect::Info);
        assert_eq!(
            o.next_steps,
            [
                NextStep::ExplorePairings { topics: vec![], regions: vec![] },
                NextStep::JoinMailingList { email: "list@example.eu".into() },
                NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() },
            ]
        );
    }

    #[test]
    fn uk_was_a_member_state_in_2018() {
        let o = evaluate(&rules(), &city("GB", 250_000));
        assert_eq!(o.verdict, Verdict::Eligible);
        assert_eq!(o.reasons[0].kind, ReasonKind::EuMemberState { country: "GB".into() });
    }

    #[test]
    fn exactly_the_threshold_is_not_more_than_it() {
        let r = rules();
        let o = evaluate(&r, &city("IT", 100_000));
        assert_eq!(o.verdict, Verdict::EligibleBelowEncouraged);
        let th = r.current().threshold;
        assert_eq!(
            reason(&o, "below-encouraged-size").kind,
            ReasonKind::BelowEncouragedSize { threshold: th, population: 100_000 }
        );
        assert_eq!(reason(&o, "below-encouraged-size").quote, "Q-city");
        assert_eq!(o.next_steps[0], NextStep::FormGroup { threshold: th });
        assert_eq!(evaluate(&r, &city("IT", 100_001)).verdict, Verdict::Eligible);
        assert_eq!(evaluate(&r, &city("IT", 1)).verdict, Verdict::EligibleBelowEncouraged);
    }

    #[test]
    fn at_least_comparison_counts_the_threshold_itself() {
        let r = rules_with(|c| c["population"]["comparison"] = json!("at-least"));
        assert_eq!(evaluate(&r, &city("IT", 100_000)).verdict, Verdict::Eligible);
        assert_eq!(evaluate(&r, &city("IT", 99_999)).verdict, Verdict::EligibleBelowEncouraged);
        assert_eq!(evaluate(&r, &group(100_000, Tri::Yes, Tri::Yes)).verdict, Verdict::Eligible);
        assert_eq!(r.current().threshold.shortfall(99_999), 1);
    }

    #[test]
    fn group_of_three_totalling_99999_is_not_eligible() {
        let r = rules();
        // Three municipalities of 40,000 + 35,000 + 24,999.
        let o = evaluate(&r, &group(40_000 + 35_000 + 24_999, Tri::Yes, Tri::Yes));
        assert_eq!(o.verdict, Verdict::NotEligible);
        let th = r.current().threshold;
        assert_eq!(
            reason(&o, "below-required-size").kind,
            ReasonKind::BelowRequiredSize { threshold: th, population: 99_999, group: true }
        );
        assert_eq!(reason(&o, "below-required-size").quote, "Q-group");
        assert_eq!(o.next_steps, [NextStep::EnlargeGroup { threshold: th, shortfall: 2 }]);
        // Exactly 100,000 does not exceed it either.
        let o = evaluate(&r, &group(100_000, Tri::Yes, Tri::Yes));
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(o.next_steps, [NextStep::EnlargeGroup { threshold: th, shortfall: 1 }]);
    }

    #[test]
    fn group_above_the_threshold_with_everything_in_place_is_eligible() {
        let o = evaluate(&rules(), &group(100_001, Tri::Yes, Tri::Yes));
        assert_eq!(o.verdict, Verdict::Eligible);
        assert_eq!(reason(&o, "lead-authority-identified").quote, "Q-group");
        assert_eq!(reason(&o, "members-committed").quote, "Q-group");
        assert!(matches!(
            reason(&o, "above-threshold").kind,
            ReasonKind::AboveThreshold { group: true, requirement: Requirement::Required, .. }
        ));
    }

    #[test]
    fn group_without_lead_authority_is_not_yet() {
        let o = evaluate(&rules(), &group(100_001, Tri::No, Tri::Yes));
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(reason(&o, "lead-authority-missing").effect(), Effect::ToFix);
        assert_eq!(reason(&o, "lead-authority-missing").quote, "Q-group");
        assert_eq!(o.next_steps[0], NextStep::NameLeadAuthority);
        assert!(o.next_steps.contains(&NextStep::JoinMailingList { email: "list@example.eu".into() }));
    }

    #[test]
    fn group_members_not_committed_or_unknown_is_not_yet() {
        let r = rules();
        let o = evaluate(&r, &group(300_000, Tri::Yes, Tri::No));
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(o.next_steps[0], NextStep::SecureMembersCommitment);
        let o = evaluate(&r, &group(300_000, Tri::NotSure, Tri::NotSure));
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(o.next_steps[..2], [NextStep::FindOutLeadAuthority, NextStep::FindOutMembersCommitment]);
        assert_eq!(reason(&o, "members-commitment-unknown").effect(), Effect::FindOut);
    }

    #[test]
    fn regions_and_provinces_are_sent_to_the_inter_regional_programme() {
        let r = rules();
        for k in [ApplicantKind::Region, ApplicantKind::Province] {
            let o = evaluate(&r, &Answers { kind: Some(k), ..Answers::default() });
            assert_eq!(o.verdict, Verdict::NotEligible, "{k:?}");
            assert_eq!(
                o.reasons,
                [Reason { kind: ReasonKind::SubNationalGovernment { kind: k }, quote: "Q-excluded".into() }]
            );
            assert_eq!(
                o.next_steps,
                [
                    NextStep::OtherProgramme { name: "the inter-regional programme".into() },
                    NextStep::SupportCityApplication
                ]
            );
            assert_eq!(o.reasons[0].kind.step(), Some(Kind));
        }
    }

    #[test]
    fn other_organisations_are_asked_to_apply_as_their_city() {
        let o = evaluate(&rules(), &Answers { kind: Some(ApplicantKind::Other), ..city("DE", 500_000) });
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(kinds(&o), ["not-a-city-or-group"]);
        assert_eq!(
            o.next_steps,
            [NextStep::ApplyAsCityOrGroup, NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() }]
        );
    }

    #[test]
    fn non_eu_country_is_not_eligible() {
        let r = rules();
        let o = evaluate(&r, &city("NO", 700_000));
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(
            o.reasons,
            [Reason { kind: ReasonKind::NotEuMemberState { country: Some("NO".into()) }, quote: "Q-members".into() }]
        );
        assert_eq!(o.next_steps, [NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() }]);
        let o = evaluate(&r, &Answers { country: Some(CountryAnswer::Other), ..group(1, Tri::No, Tri::No) });
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(o.reasons[0].kind, ReasonKind::NotEuMemberState { country: None });
        // Ruled out even while the kind is still unanswered.
        let o = evaluate(&r, &Answers { country: Some(CountryAnswer::Code("US".into())), ..Answers::default() });
        assert_eq!(o.verdict, Verdict::NotEligible);
    }

    #[test]
    fn not_sure_answers_give_not_yet_with_find_out_steps() {
        let r = rules();
        let a = Answers { population: Some(PopulationAnswer::NotSure), ..city("FR", 1) };
        let o = evaluate(&r, &a);
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(
            reason(&o, "population-unknown").kind,
            ReasonKind::PopulationUnknown {
                threshold: r.current().threshold,
                requirement: Requirement::Encouraged,
                group: false
            }
        );
        assert_eq!(o.next_steps[0], NextStep::FindOutPopulation { group: false });
        let a = Answers { population: Some(PopulationAnswer::NotSure), ..group(1, Tri::Yes, Tri::Yes) };
        let o = evaluate(&r, &a);
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(reason(&o, "population-unknown").quote, "Q-group");
        assert_eq!(o.next_steps[0], NextStep::FindOutPopulation { group: true });
    }

    #[test]
    fn commitments_answered_no_or_not_sure_are_to_confirm() {
        let r = rules();
        let mut a = city("ES", 300_000);
        a.commitments.insert("resources".into(), Tri::No);
        a.commitments.insert("reporting".into(), Tri::NotSure);
        let o = evaluate(&r, &a);
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(reason(&o, "commitment-declined").quote, "Q-resources");
        assert_eq!(reason(&o, "commitment-unsure").quote, "Q-reporting");
        assert_eq!(
            o.next_steps[..2],
            [
                NextStep::ConfirmCommitment { id: "resources".into() },
                NextStep::FindOutCommitment { id: "reporting".into() }
            ]
        );
        // A commitment the call does not list is ignored.
        let mut a = city("ES", 300_000);
        a.commitments.insert("unknown".into(), Tri::No);
        assert_eq!(evaluate(&r, &a).verdict, Verdict::Eligible);
    }

    #[test]
    fn several_things_to_fix_come_out_in_question_order() {
        let mut a = group(400_000, Tri::No, Tri::NotSure);
        a.commitments.insert("18m".into(), Tri::No);
        let o = evaluate(&rules(), &a);
        assert_eq!(o.verdict, Verdict::NotYet);
        assert_eq!(
            o.next_steps[..3],
            [
                NextStep::NameLeadAuthority,
                NextStep::FindOutMembersCommitment,
                NextStep::ConfirmCommitment { id: "18m".into() }
            ]
        );
    }

    #[test]
    fn unanswered_questions_give_incomplete() {
        let r = rules();
        let o = evaluate(&r, &Answers::default());
        assert_eq!(o.verdict, Verdict::Incomplete);
        assert_eq!(
            o.next_steps,
            [Kind, Country, Population, Commitments].map(|step| NextStep::AnswerQuestion { step })
        );
        let a = Answers { lead: None, ..group(200_000, Tri::Yes, Tri::Yes) };
        let o = evaluate(&r, &a);
        assert_eq!(o.verdict, Verdict::Incomplete);
        assert_eq!(o.next_steps, [NextStep::AnswerQuestion { step: Group }]);
        // A single unanswered commitment is enough.
        let mut a = city("DE", 200_000);
        a.commitments.remove("18m");
        assert_eq!(evaluate(&r, &a).verdict, Verdict::Incomplete);
    }

    #[test]
    fn interests_are_carried_to_the_explore_step() {
        let mut a = city("DE", 200_000);
        a.topics = vec!["mobility".into(), "water".into()];
        a.regions = vec![Region::Asia];
        let o = evaluate(&rules(), &a);
        assert!(o
            .next_steps
            .contains(&NextStep::ExplorePairings { topics: a.topics.clone(), regions: vec![Region::Asia] }));
    }

    #[test]
    fn call_status_decides_the_closing_next_steps() {
        let r = rules_with(|c| c["status"] = json!("open"));
        let o = evaluate(&r, &city("DE", 200_000));
        assert_eq!(
            reason(&o, "call-open").kind,
            ReasonKind::CallOpen { call: "test-call".into(), closes: Some("2018-03-19".into()) }
        );
        assert!(o.next_steps.contains(&NextStep::Apply { closes: Some("2018-03-19".into()) }));
        assert!(!o.next_steps.iter().any(|n| n.id() == "join-mailing-list"));
        let r = rules_with(|c| {
            c["status"] = json!("upcoming");
            c["opens"] = json!("2019-01-15");
            c["closes"] = Value::Null;
        });
        let o = evaluate(&r, &city("DE", 200_000));
        assert_eq!(
            reason(&o, "call-upcoming").kind,
            ReasonKind::CallUpcoming { call: "test-call".into(), opens: Some("2019-01-15".into()) }
        );
        assert!(o.next_steps.iter().any(|n| n.id() == "join-mailing-list"));
    }

    #[test]
    fn a_call_requiring_city_size_rules_small_cities_out() {
        let r = rules_with(|c| c["city"]["population"] = json!("required"));
        let o = evaluate(&r, &city("DE", 100_000));
        assert_eq!(o.verdict, Verdict::NotEligible);
        assert_eq!(flow(&r, &city("DE", 100_000)), [Start, Kind, Country, Population, Result]);
        assert_eq!(o.next_steps, [NextStep::FormGroup { threshold: r.current().threshold }]);
    }

    #[test]
    fn ids_are_distinct_for_translation() {
        let ids: HashSet<&str> = Step::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids.len(), Step::ALL.len());
        let ids: HashSet<&str> = ApplicantKind::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids.len(), ApplicantKind::ALL.len());
        for s in Step::ALL {
            assert_eq!(Step::from_id(s.id()), Some(s));
        }
        for k in ApplicantKind::ALL {
            assert_eq!(ApplicantKind::from_id(k.id()), Some(k));
        }
    }

    // ── the URL ──

    #[test]
    fn encode_writes_the_documented_form() {
        let mut a = group(99_999, Tri::Yes, Tri::Yes);
        a.commitments = BTreeMap::from([("18m".into(), Tri::Yes), ("resources".into(), Tri::NotSure)]);
        a.topics = vec!["mobility".into(), "water".into()];
        a.regions = vec![Region::Asia];
        assert_eq!(
            encode_query(&a, Some(Check)),
            "kind=group&country=ES&pop=99999&lead=yes&members=yes&c=18m:yes,resources:notsure&topics=mobility,water&regions=asia&step=check"
        );
        assert_eq!(decode_answers(&encode_query(&a, Some(Check))), (a.clone(), Some(Check)));
        assert_eq!(encode_answers(&Answers::default()), "");
        let a = Answers { population: Some(PopulationAnswer::NotSure), ..Answers::default() };
        assert_eq!(encode_answers(&a), "pop=notsure");
    }

    #[test]
    fn encode_leaves_out_what_decode_would_drop() {
        let a = Answers {
            country: Some(CountryAnswer::Code("D&E".into())),
            population: Some(PopulationAnswer::Count(0)),
            commitments: BTreeMap::from([("a b".into(), Tri::Yes)]),
            topics: vec!["x&step=result".into(), "ok".into()],
            ..Answers::default()
        };
        assert_eq!(encode_answers(&a), "topics=ok");
    }

    #[test]
    fn decode_ignores_what_it_does_not_understand() {
        let (a, step) = decode_answers(
            "?kind=city&kind=martian&country=de&pop=12.5&pop=120000&lead=perhaps&utm_source=mail&c=18m:yes,bogus,:no,resources:maybe,X:yes&topics=Water,,mobility,mobility&regions=asia,mars,asia&step=nowhere&=&&novalue",
        );
        assert_eq!(a.kind, Some(ApplicantKind::City));
        assert_eq!(a.country, Some(CountryAnswer::Code("DE".into())));
        assert_eq!(a.population, Some(PopulationAnswer::Count(120_000)));
        assert_eq!(a.lead, None);
        assert_eq!(a.commitments, BTreeMap::from([("18m".into(), Tri::Yes)]));
        assert_eq!(a.topics, ["mobility"]);
        assert_eq!(a.regions, [Region::Asia]);
        assert_eq!(step, None);
        for q in ["pop=0", "pop=10000000001", "pop=-1", "pop=1e5", "pop=", "pop=%20"] {
            assert_eq!(decode_answers(q).0.population, None, "{q}");
        }
        assert_eq!(decode_answers("pop=10000000000").0.population, Some(PopulationAnswer::Count(MAX_POPULATION)));
    }

    #[test]
    fn decode_understands_percent_escapes_and_eu_country_codes() {
        let (a, step) = decode_answers("c=18m%3Ayes%2Creporting%3Ano&regions=north-america%2Casia&step=res%75lt");
        assert_eq!(a.commitments, BTreeMap::from([("18m".into(), Tri::Yes), ("reporting".into(), Tri::No)]));
        assert_eq!(a.regions, [Region::NorthAmerica, Region::Asia]);
        assert_eq!(step, Some(Result));
        assert_eq!(decode_answers("country=UK").0.country, Some(CountryAnswer::Code("GB".into())));
        assert_eq!(decode_answers("country=el").0.country, Some(CountryAnswer::Code("GR".into())));
        assert_eq!(decode_answers("country=other").0.country, Some(CountryAnswer::Other));
        for q in ["country=%ZZ", "country=%4", "country=%+1", "country=%C3", "country=DEU", "country=%C3%A9s"] {
            assert_eq!(decode_answers(q).0.country, None, "{q}");
        }
    }

    #[test]
    fn decode_bounds_lists() {
        let many: Vec<String> = (0..500).map(|i| format!("t{i}")).collect();
        let (a, _) = decode_answers(&format!("topics={}", many.join(",")));
        assert_eq!(a.topics.len(), MAX_LIST);
        let many: Vec<String> = (0..500).map(|i| format!("c{i}:yes")).collect();
        let (a, _) = decode_answers(&format!("c={}", many.join(",")));
        assert_eq!(a.commitments.len(), MAX_LIST);
    }

    fn id_strategy() -> impl Strategy<Value = String> {
        "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}"
    }

    fn tri() -> impl Strategy<Value = Tri> {
        prop::sample::select(Tri::ALL.to_vec())
    }

    fn answers_strategy() -> impl Strategy<Value = Answers> {
        let country = prop_oneof![
            Just(CountryAnswer::Other),
            "[A-Z]{2}"
                .prop_filter("EU aliases are normalised", |c| c != "UK" && c != "EL")
                .prop_map(CountryAnswer::Code),
            prop::sample::select(vec!["DE", "ES", "GB", "US", "CH"]).prop_map(|c| CountryAnswer::Code(c.to_string())),
        ];
        let population = prop_oneof![
            Just(PopulationAnswer::NotSure),
            (1u64..=MAX_POPULATION).prop_map(PopulationAnswer::Count),
            (99_990u64..100_010).prop_map(PopulationAnswer::Count),
        ];
        let commitment_id = prop_oneof![
            prop::sample::select(vec!["18m", "resources", "reporting"]).prop_map(String::from),
            id_strategy()
        ];
        (
            prop::option::of(prop::sample::select(ApplicantKind::ALL.to_vec())),
            prop::option::of(country),
            prop::option::of(population),
            prop::option::of(tri()),
            prop::option::of(tri()),
            prop::collection::btree_map(commitment_id, tri(), 0..6),
            prop::collection::vec(id_strategy(), 0..5),
            prop::sample::subsequence(Region::ALL.to_vec(), 0..=3).prop_shuffle(),
        )
            .prop_map(|(kind, country, population, lead, members, commitments, mut topics, regions)| {
                let mut seen = HashSet::new();
                topics.retain(|t| seen.insert(t.clone()));
                Answers { kind, country, population, lead, members, commitments, topics, regions }
            })
    }

    proptest! {
        #[test]
        fn encode_then_decode_is_identity(a in answers_strategy(), step in prop::option::of(prop::sample::select(Step::ALL.to_vec()))) {
            let q = encode_query(&a, step);
            prop_assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"=&,:-".contains(&b)), "{}", q);
            prop_assert_eq!(decode_answers(&q), (a.clone(), step));
            prop_assert_eq!(decode_answers(&format!("?{}", encode_answers(&a))), (a, None));
        }

        #[test]
        fn decode_never_panics_and_its_result_is_stable(q in "\\PC{0,300}") {
            let (a, step) = decode_answers(&q);
            prop_assert_eq!(decode_answers(&encode_query(&a, step)), (a, step));
        }

        #[test]
        fn decode_never_panics_on_near_miss_queries(q in "(&|=|,|:|%|%2|%3A|%2C|kind|pop|c|topics|regions|country|step|lead|yes|no|notsure|city|group|[0-9]{1,12}|[a-zA-Z-]{1,5}){0,30}") {
            let (a, step) = decode_answers(&q);
            prop_assert_eq!(decode_answers(&encode_query(&a, step)), (a, step));
        }

        #[test]
        fn every_answer_set_gets_a_consistent_outcome(a in answers_strategy()) {
            let r = rules();
            let f = flow(&r, &a);
            prop_assert_eq!(f.first(), Some(&Start));
            prop_assert_eq!(f.last(), Some(&Result));
            prop_assert!(f.windows(2).all(|w| w[0] < w[1]));
            for w in f.windows(2) {
                prop_assert_eq!(next(&r, &a, w[0]), w[1]);
                prop_assert_eq!(back(&r, &a, w[1]), w[0]);
            }
            let landing = resolve_step(&r, &a, Some(Result));
            prop_assert!(f.contains(&landing));
            let o = evaluate(&r, &a);
            let has = |e: Effect| o.reasons.iter().any(|x| x.effect() == e);
            match o.verdict {
                Verdict::Eligible => prop_assert!(!has(Effect::Excludes) && !has(Effect::ToFix) && !has(Effect::FindOut) && !has(Effect::Encouraged)),
                Verdict::EligibleBelowEncouraged => prop_assert!(has(Effect::Encouraged) && !has(Effect::ToFix) && !has(Effect::FindOut)),
                Verdict::NotYet => prop_assert!(has(Effect::ToFix) || has(Effect::FindOut)),
                Verdict::NotEligible => {
                    prop_assert!(has(Effect::Excludes));
                    prop_assert!(!f.contains(&Check));
                }
                Verdict::Incomplete => {
                    let only_questions = o.next_steps.iter().all(|n| n.id() == "answer-question");
                    prop_assert!(only_questions);
                }
            }
            // Complete answers land on the result; the result page has no errors exactly then.
            let complete = validate_step(&r, &a, Result).is_empty();
            prop_assert_eq!(complete, landing == Result);
            if complete {
                prop_assert_ne!(o.verdict, Verdict::Incomplete);
            } else if !has(Effect::Excludes) {
                prop_assert_eq!(o.verdict, Verdict::Incomplete);
            }
            // Every reason cites a sentence of the rules.
            let quotes: Vec<&str> = r.current().quotes().into_iter().map(|(_, q)| q).collect();
            for x in &o.reasons {
                prop_assert!(quotes.contains(&x.quote.as_str()), "{:?}", x);
            }
        }
    }
}
