//! The call as data: the rules file's types and its loader ([`load_rules`]), which lists every
//! problem at once.

use super::*;

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
    pub(super) fn population_quote(&self, kind: ApplicantKind) -> &str {
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

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An id: lower-case ASCII letters, digits and inner hyphens; safe in a URL without escaping.
pub(super) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

pub(super) fn is_alpha2(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// `YYYY-MM-DD` naming a real day of the Gregorian calendar.
pub(super) fn is_date(s: &str) -> bool {
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

pub(super) fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else { return false };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains('@')
        && s.chars().all(|c| c.is_ascii_graphic())
}

/// Reads one object of the rules file, reporting every problem against one location.
pub(super) struct Walker<'p> {
    loc: String,
    problems: &'p mut Vec<Problem>,
}

type Obj = Map<String, Value>;

impl Walker<'_> {
    pub(super) fn report(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem { location: self.loc.clone(), field: field.to_string(), message: message.into() });
    }

    /// Report keys that are neither known nor `note` (a typo would otherwise go unnoticed).
    pub(super) fn known(&mut self, m: &Obj, path: &str, allowed: &[&str]) {
        for k in m.keys() {
            if k != "note" && !allowed.contains(&k.as_str()) {
                self.report(&join(path, &truncate(k, 40)), "is not a field this app knows (a typo?)");
            }
        }
    }

    pub(super) fn object<'v>(&mut self, m: &'v Obj, path: &str, key: &str) -> Option<&'v Obj> {
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

    pub(super) fn array<'v>(&mut self, m: &'v Obj, path: &str, key: &str) -> Option<&'v Vec<Value>> {
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
    pub(super) fn text(&mut self, m: &Obj, path: &str, key: &str) -> Option<String> {
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

    pub(super) fn check_text(&mut self, field: &str, s: &str) -> bool {
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
    pub(super) fn date(&mut self, m: &Obj, path: &str, key: &str) -> Result<Option<String>, ()> {
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

    pub(super) fn boolean(&mut self, m: &Obj, path: &str, key: &str) -> Option<bool> {
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
    pub(super) fn choice<T>(
        &mut self,
        m: &Obj,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        ids: &str,
    ) -> Option<T> {
        let s = self.text(m, path, key)?;
        let t = parse(&s);
        if t.is_none() {
            self.report(&join(path, key), format!("\"{}\" is not one of {ids}", truncate(&s, 30)));
        }
        t
    }

    pub(super) fn email_contact(&mut self, m: &Obj, path: &str, key: &str) -> Option<Contact> {
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

pub(super) fn read_call(m: &Obj, loc: String, problems: &mut Vec<Problem>) -> Option<Call> {
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
