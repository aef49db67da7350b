//! "Check your answers" (a GOV.UK summary list with Change links) and the result page.

use super::questions::{back_link, error_summary, why_hint};
use super::{fmt_u64, set_page_title, Wiz};
use crate::i18n::{fill, use_i18n};
use iuc_core::dataset::Region;
use iuc_core::eligibility::{
    evaluate, flow, submit, Answers, ApplicantKind, CountryAnswer, Effect as Weight, NextStep, PopulationAnswer,
    Reason, ReasonKind, Step, Verdict,
};
use iuc_core::search::{self, Filters};
use iuc_core::state::{self, ExploreState};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One row of the summary: what was asked, the answer, and the page to change it on.
struct Row {
    key: String,
    value: String,
    step: Step,
}

/// The rows for every answer of the flow, in question order.
fn rows(w: Wiz, a: &Answers) -> Vec<Row> {
    let t = w.t_untracked();
    let i = use_i18n();
    let rules = w.rules();
    let call = rules.current();
    let lang = w.lang.get_untracked();
    let group = a.kind == Some(ApplicantKind::Group);
    let mut out = Vec::new();
    let mut push = |key: &str, value: String, step: Step| out.push(Row { key: key.to_string(), value, step });
    for step in flow(&rules, a) {
        match step {
            Step::Kind => push(t.row_kind, a.kind.map(|k| t.kind(k).to_string()).unwrap_or_default(), step),
            Step::Country => {
                let v = match &a.country {
                    Some(CountryAnswer::Code(c)) => w.country_name(c),
                    Some(CountryAnswer::Other) => t.country_other.to_string(),
                    None => String::new(),
                };
                push(t.row_country, v, step)
            }
            Step::Population => {
                let v = match a.population {
                    Some(PopulationAnswer::Count(n)) => fmt_u64(lang, n),
                    Some(PopulationAnswer::NotSure) => t.not_sure.to_string(),
                    None => String::new(),
                };
                push(if group { t.row_population_group } else { t.row_population }, v, step)
            }
            Step::Group => {
                if call.group.lead_authority {
                    push(t.row_lead, a.lead.map(|x| t.tri(x).to_string()).unwrap_or_default(), step);
                }
                if call.group.members_commitment {
                    push(t.row_members, a.members.map(|x| t.tri(x).to_string()).unwrap_or_default(), step);
                }
            }
            Step::Commitments => {
                for c in &call.commitments {
                    let v = a.commitments.get(&c.id).map(|x| t.tri(*x).to_string()).unwrap_or_default();
                    push(&w.commitment_label(call, &c.id), v, step);
                }
            }
            Step::Interests => {
                let topics: Vec<String> = a
                    .topics
                    .iter()
                    .map(|id| {
                        w.data
                            .and_then(|d| d.get().ok())
                            .map(|d| d.loaded.dataset.tag_label(id).to_string())
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect();
                let regions: Vec<&str> = a.regions.iter().map(|r| crate::i18n::region_label(&i, *r)).collect();
                let or_none = |v: Vec<String>| if v.is_empty() { t.none_chosen.to_string() } else { v.join(", ") };
                push(t.row_topics, or_none(topics), step);
                push(t.row_regions, or_none(regions.into_iter().map(String::from).collect()), step);
            }
            Step::Start | Step::Check | Step::Result => {}
        }
    }
    out
}

/// A GOV.UK summary list; with Change links that come back here (`return=check`) when asked.
fn summary_list(w: Wiz, a: &Answers, change_links: bool) -> AnyView {
    let t = w.t_untracked();
    let items = rows(w, a)
        .into_iter()
        .map(|r| {
            let action = change_links.then(|| {
                view! {
                    <dd class="summary-list__actions">
                        <a class="link" href=w.href(a, r.step, true)>
                            {t.change}
                            <span class="visually-hidden">" " {r.key.clone()}</span>
                        </a>
                    </dd>
                }
            });
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{r.key}</dt>
                    <dd class="summary-list__value">{r.value}</dd>
                    {action}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{items}</dl> }.into_any()
}

/// "Check your answers".
pub fn check_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let a = w.answers.get_untracked();
    let errors = RwSignal::new(Vec::new());
    Effect::new(move |_| set_page_title(t, t.check_title, errors.with(|e| !e.is_empty())));
    let a2 = a.clone();
    view! {
        <div class="wizard-step" data-step="check">
            {back_link(w, Step::Check)}
            {error_summary(w, errors)}
            <h1>{t.check_title}</h1>
            {summary_list(w, &a, true)}
            <form
                class="wizard-form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let rules = w.rules();
                    match submit(&rules, &a2, Step::Check) {
                        Ok(next) => w.go.run(w.path(&a2, next, false)),
                        Err(e) => super::show_errors(errors, e),
                    }
                }
            >
                <button type="submit" class="button">{t.check_submit}</button>
            </form>
        </div>
    }
    .into_any()
}

fn effect_label(w: Wiz, e: Weight) -> &'static str {
    let t = w.t_untracked();
    match e {
        Weight::Meets => t.effect_meets,
        Weight::Info => t.effect_info,
        Weight::Encouraged => t.effect_encouraged,
        Weight::ToFix => t.effect_to_fix,
        Weight::FindOut => t.effect_find_out,
        Weight::Excludes => t.effect_excludes,
    }
}

fn effect_id(e: Weight) -> &'static str {
    match e {
        Weight::Meets => "meets",
        Weight::Info => "info",
        Weight::Encouraged => "encouraged",
        Weight::ToFix => "to-fix",
        Weight::FindOut => "find-out",
        Weight::Excludes => "excludes",
    }
}

/// A reason in words.
fn reason_text(w: Wiz, r: &Reason) -> String {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let lang = w.lang.get_untracked();
    let mut args: Vec<(&str, String)> = vec![("call", call.title.clone())];
    match &r.kind {
        ReasonKind::EuMemberState { country } | ReasonKind::NotEuMemberState { country: Some(country) } => {
            args.push(("country", w.country_name(country)))
        }
        ReasonKind::SubNationalGovernment { kind } | ReasonKind::NotACityOrGroup { kind } => {
            args.push(("kind", t.kind(*kind).to_string()))
        }
        ReasonKind::AboveThreshold { threshold, population, .. }
        | ReasonKind::BelowEncouragedSize { threshold, population } => {
            args.push(("population", fmt_u64(lang, *population)));
            args.push(("threshold", w.threshold_text(*threshold)));
        }
        ReasonKind::BelowRequiredSize { threshold, population, .. } => {
            args.push(("population", fmt_u64(lang, *population)));
            args.push(("threshold", w.threshold_text(*threshold)));
            args.push(("shortfall", fmt_u64(lang, threshold.shortfall(*population))));
        }
        ReasonKind::PopulationUnknown { threshold, .. } => args.push(("threshold", w.threshold_text(*threshold))),
        ReasonKind::CommitmentConfirmed { id }
        | ReasonKind::CommitmentDeclined { id }
        | ReasonKind::CommitmentUnsure { id } => args.push(("commitment", w.commitment_label(call, id))),
        ReasonKind::CallClosed { closed_on: d, .. }
        | ReasonKind::CallOpen { closes: d, .. }
        | ReasonKind::CallUpcoming { opens: d, .. } => {
            args.push(("date", d.as_deref().map(|d| t.format_date(d)).unwrap_or_default()))
        }
        _ => {}
    }
    let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(t.reason(&r.kind), &refs)
}

/// The page where the answer behind a next step can be changed.
fn fix_step(n: &NextStep) -> Option<Step> {
    Some(match n {
        NextStep::AnswerQuestion { step } => *step,
        NextStep::ApplyAsCityOrGroup | NextStep::FormGroup { .. } => Step::Kind,
        NextStep::EnlargeGroup { .. } | NextStep::FindOutPopulation { .. } => Step::Population,
        NextStep::NameLeadAuthority
        | NextStep::SecureMembersCommitment
        | NextStep::FindOutLeadAuthority
        | NextStep::FindOutMembersCommitment => Step::Group,
        NextStep::ConfirmCommitment { .. } | NextStep::FindOutCommitment { .. } => Step::Commitments,
        _ => return None,
    })
}

/// Text with `{email}` turned into a mailto link.
fn with_mail_link(text: &str, email: &str) -> AnyView {
    match text.split_once("{email}") {
        Some((before, after)) => {
            let href = format!("mailto:{email}");
            view! { {before.to_string()}<a class="link" href=href>{email.to_string()}</a>{after.to_string()} }
                .into_any()
        }
        None => text.to_string().into_any(),
    }
}

/// A next step in words, with its link(s).
fn next_step_view(w: Wiz, a: &Answers, n: &NextStep) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let lang = w.lang.get_untracked();
    let group = a.kind == Some(ApplicantKind::Group);
    let mut args: Vec<(&str, String)> = Vec::new();
    let mut email = None;
    let mut quote = None;
    match n {
        NextStep::AnswerQuestion { step } => args.push(("question", t.step_title(*step, group).to_string())),
        NextStep::OtherProgramme { name } => {
            args.push(("name", name.clone()));
            quote = call.excluded.as_ref().and_then(|e| e.redirect.as_ref()).map(|r| r.quote.clone());
        }
        NextStep::EnlargeGroup { threshold, shortfall } => {
            args.push(("threshold", w.threshold_text(*threshold)));
            args.push(("shortfall", fmt_u64(lang, *shortfall)));
        }
        NextStep::FormGroup { threshold } => args.push(("threshold", w.threshold_text(*threshold))),
        NextStep::ConfirmCommitment { id } | NextStep::FindOutCommitment { id } => {
            args.push(("commitment", w.commitment_label(call, id)))
        }
        NextStep::Apply { closes } => {
            args.push(("date", closes.as_deref().map(|d| t.format_date(d)).unwrap_or_default()))
        }
        NextStep::JoinMailingList { email: e } | NextStep::ContactCoordinationUnit { email: e } => {
            email = Some(e.clone())
        }
        _ => {}
    }
    let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = fill(t.next_step(n), &refs);
    let body = match &email {
        Some(e) => with_mail_link(&text, e),
        None => text.into_any(),
    };
    let change = fix_step(n).map(|step| {
        let question = t.step_title(step, group);
        view! {
            " "
            <a class="link" href=w.href(a, step, true)>
                {t.change_answer}
                <span class="visually-hidden">": " {question}</span>
            </a>
        }
    });
    let quote = quote.map(|q| why_hint(w, None, None, q));
    view! { <li data-next=n.id()>{body}{change}{quote}</li> }.into_any()
}

/// The pairings working on the chosen topics and regions, as links into Explore.
fn peers(w: Wiz, topics: Vec<String>, regions: Vec<Region>) -> AnyView {
    const SHOWN: usize = 10;
    let t = w.t_untracked();
    let body = move || {
        let res = w.data?;
        let data = res.get().ok()?;
        let ds = &data.loaded.dataset;
        let filters = Filters {
            tags: topics.iter().filter(|id| ds.tag(id).is_some()).cloned().collect(),
            regions: regions.iter().copied().collect(),
            ..Filters::default()
        };
        if filters.is_empty() {
            return Some(
                view! {
                    <p>{t.peers_no_choice}</p>
                    <p><a class="link" href=w.app_href("/")>{t.peers_explore_all}</a></p>
                }
                .into_any(),
            );
        }
        let found = search::filter(&data.index, ds, &filters);
        let explore = w.app_href(&format!("/?{}", state::encode(&ExploreState { filters, ..ExploreState::default() })));
        if found.is_empty() {
            return Some(
                view! {
                    <p>{t.peers_none}</p>
                    <p><a class="link" href=w.app_href("/")>{t.peers_explore_all}</a></p>
                }
                .into_any(),
            );
        }
        let intro = if found.len() == 1 {
            t.peers_found_one.to_string()
        } else {
            fill(t.peers_found, &[("n", &found.len().to_string())])
        };
        let items = found
            .iter()
            .take(SHOWN)
            .filter_map(|&r| ds.pairings.get(r))
            .map(|p| {
                let href = w.app_href(&format!("/pairing/{}", p.id));
                let label = format!("{} – {}", p.eu.name, p.partner.name);
                view! { <li><a class="link" href=href>{label}</a>": " {p.topics.clone()}</li> }
            })
            .collect_view();
        let more = found.len().saturating_sub(SHOWN);
        Some(
            view! {
                <p>{intro}</p>
                <ul class="list list--bullet peers">{items}</ul>
                {(more > 0).then(|| view! { <p>{fill(t.peers_more, &[("n", &more.to_string())])}</p> })}
                <p><a class="link" href=explore>{t.peers_explore}</a></p>
            }
            .into_any(),
        )
    };
    view! {
        <section class="peers-section" aria-labelledby="peers-title">
            <h2 id="peers-title">{t.peers_title}</h2>
            {body}
        </section>
    }
    .into_any()
}

/// Print, the link to this result (copyable) and Start again.
fn share(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let status = RwSignal::new(String::new());
    let url = crate::dom::window().and_then(|win| win.location().href().ok()).unwrap_or_default();
    let select_link = move || {
        let input = crate::dom::window()
            .and_then(|win| win.document())
            .and_then(|d| d.get_element_by_id("result-link"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            input.focus().ok();
            input.select();
        }
        status.set(t.link_copy_manually.to_string());
    };
    let copy = {
        let url = url.clone();
        move |_| {
            let Some(win) = crate::dom::window() else { return };
            let nav = win.navigator();
            let has_clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
            if !has_clipboard {
                select_link();
                return;
            }
            type Handler = dyn FnMut(wasm_bindgen::JsValue);
            let done = Closure::<Handler>::new(move |_| status.set(t.link_copied.to_string()));
            let failed = Closure::<Handler>::new(move |_| select_link());
            let _ = nav.clipboard().write_text(&url).then2(&done, &failed);
            // The promise settles once, later: the two small handlers are left to it.
            done.forget();
            failed.forget();
        }
    };
    view! {
        <section class="share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{t.share_title}</h2>
            <div class="form-group">
                <label class="label" for="result-link">{t.link_label}</label>
                <input class="input" id="result-link" type="text" readonly value=url spellcheck="false" />
            </div>
            <div class="button-group">
                <button type="button" class="button button--secondary" id="copy-link" on:click=copy>{t.copy_link}</button>
                <button
                    type="button"
                    class="button button--secondary"
                    id="print-result"
                    on:click=move |_| {
                        if let Some(win) = crate::dom::window() {
                            win.print().ok();
                        }
                    }
                >
                    {t.print}
                </button>
            </div>
            <p class="share__status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
    .into_any()
}

/// The result: the verdict, every reason with its quote, next steps, peers, print and share.
pub fn result_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let a = w.answers.get_untracked();
    let outcome = evaluate(&rules, &a);
    let (title, text) = match outcome.verdict {
        Verdict::Eligible => (t.verdict_eligible, t.verdict_eligible_text),
        Verdict::EligibleBelowEncouraged => (t.verdict_below_encouraged, t.verdict_below_encouraged_text),
        Verdict::NotYet => (t.verdict_not_yet, t.verdict_not_yet_text),
        Verdict::NotEligible => (t.verdict_not_eligible, t.verdict_not_eligible_text),
        Verdict::Incomplete => (t.verdict_incomplete, t.verdict_incomplete_text),
    };
    set_page_title(t, title, false);
    let reasons = outcome
        .reasons
        .iter()
        .map(|r| {
            let e = r.effect();
            view! {
                <li class=format!("reason reason--{}", effect_id(e)) data-reason=r.kind.id()>
                    <strong class=format!("tag tag--{}", effect_id(e))>{effect_label(w, e)}</strong>
                    <p class="reason__text">{reason_text(w, r)}</p>
                    {why_hint(w, None, None, r.quote.clone())}
                </li>
            }
        })
        .collect_view();
    let explore = outcome.next_steps.iter().find_map(|n| match n {
        NextStep::ExplorePairings { topics, regions } => Some((topics.clone(), regions.clone())),
        _ => None,
    });
    let next = outcome
        .next_steps
        .iter()
        .filter(|n| !matches!(n, NextStep::ExplorePairings { .. }))
        .map(|n| next_step_view(w, &a, n))
        .collect_view();
    view! {
        <div class="wizard-step result" data-step="result" data-verdict=outcome.verdict.id()>
            {back_link(w, Step::Result)}
            <div class=format!("panel panel--{}", outcome.verdict.id())>
                <h1 class="panel__title">{title}</h1>
                <p class="panel__body">{text}</p>
            </div>
            <p>{fill(t.result_checked_against, &[("call", &call.title)])}</p>
            <h2>{t.reasons_title}</h2>
            <ul class="reasons">{reasons}</ul>
            <h2>{t.next_title}</h2>
            <ul class="list list--bullet next-steps">{next}</ul>
            {explore.map(|(topics, regions)| peers(w, topics, regions))}
            <h2>{t.your_answers}</h2>
            {summary_list(w, &a, false)}
            {share(w)}
            <p class="no-print"><a class="link" href=w.app_href(super::PATH)>{t.start_again}</a></p>
        </div>
    }
    .into_any()
}
