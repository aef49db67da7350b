//! The verdict: [`evaluate`] turns answers into an [`Outcome`] with its reasons and next steps.

use super::*;

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

pub(super) fn tri_reason(t: Tri, yes: ReasonKind, no: ReasonKind, not_sure: ReasonKind) -> ReasonKind {
    match t {
        Tri::Yes => yes,
        Tri::No => no,
        Tri::NotSure => not_sure,
    }
}

/// What to do about a reason that stands in the way (none for those that do not).
pub(super) fn fix_for(kind: &ReasonKind) -> Option<NextStep> {
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
