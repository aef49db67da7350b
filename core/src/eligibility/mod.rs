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
//!
//! ## Layout
//! `rules.rs` (the call as data and its loader), `flow.rs` (answers, steps, the state machine
//! and the error summary), `verdict.rs` (the outcome and its reasons), `url.rs` (answers ↔ URL).

mod flow;
mod rules;
mod url;
mod verdict;

pub use flow::*;
pub use rules::*;
pub use url::*;
pub use verdict::*;

use crate::dataset::{Problem, Region, MAX_TEXT};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

#[cfg(test)]
mod tests;
