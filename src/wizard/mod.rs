//! The eligibility wizard: "Can my city join?" — a thin view over `iuc_core::eligibility`.
//!
//! The page and every answer live in the URL query (`encode_query` / `decode_answers`), so Back,
//! Forward, reload and shared links reproduce the exact page and result; `resolve_step` decides
//! where a deep link lands. One extra key is the shell's own: `return=check` marks a question
//! reached from a "Change" link, so Continue goes back to "Check your answers" (the core ignores
//! keys it does not know).
//!
//! Each URL renders its page afresh: the page keeps what the user is choosing in local signals
//! (the draft) until Continue, which validates with the core (`submit`) and navigates. Errors use
//! the GOV.UK error summary (focused) plus inline messages by the fields.
//!
//! Layout: [`questions`] (start and question pages), [`summary`] (check answers and the result),
//! [`finder`] (the "Find your city" combobox, over [`iuc_core::gazetteer`]: its data, pure).

mod finder;
mod questions;
mod summary;
pub mod text;

use crate::data::{self, RulesError};
use crate::i18n::{fill, use_i18n, Lang};
use crate::loaded::DataResource;
use crate::wizard::text::{wizard_strings, WizardStrings};
use iuc_core::eligibility::{
    decode_answers, encode_answers, encode_query, resolve_step, submit, Answers, Call, ErrorCode, FieldError, Rules,
    Step, Threshold,
};
use iuc_core::gazetteer::{City, Gazetteer};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The wizard's path in the app.
pub const PATH: &str = "/eligibility";
/// The marker a "Change" link adds so that Continue returns to the check-answers page.
pub const RETURN_TO_CHECK: &str = "return=check";

crate::lazy_route! {
    /// `/eligibility`. Its code is a WASM chunk of its own with the `split` feature (see `crate::lazy`).
    WizardRoute => WizardPage, chunk wizard, preload preload_wizard
}

/// `/eligibility`: loads the rules, then runs the wizard (or says why it cannot).
#[component]
pub fn WizardPage() -> AnyView {
    let i = use_i18n();
    // Arriving from another page of the app (focus is on the link that was followed) rather than
    // by loading this address: then the wizard moves focus to its heading once it has rendered.
    let arrived_in_app = crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| Some((d.active_element()?, d.body()?)))
        .is_some_and(|(active, body)| !active.is_same_node(Some(&body)));
    // Loaded before the app mounted (a page load here, or the pre-renderer): render at once.
    if let Some(pre) = use_context::<crate::loaded::PreloadedRules>() {
        let body = match pre.0.get_value() {
            Ok(r) => view! { <Wizard rules=r focus_on_mount=arrived_in_app /> }.into_any(),
            Err(e) => view! { <RulesFailed error=e /> }.into_any(),
        };
        return view! { <section class="page wizard">{body}</section> }.into_any();
    }
    let rules = LocalResource::new(data::load_rules);
    view! {
        <section class="page wizard">
            <Suspense fallback=move || {
                let t = wizard_strings(i.lang.get());
                view! {
                    <h1>{t.wizard_name}</h1>
                    <p class="loading" role="status">{t.loading_rules}</p>
                }
            }>
                {move || Suspend::new(async move {
                    match rules.await {
                        Ok(r) => view! { <Wizard rules=r focus_on_mount=arrived_in_app /> }.into_any(),
                        Err(e) => view! { <RulesFailed error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The rules file could not be fetched or does not validate: say so, with every problem.
#[component]
pub fn RulesFailed(error: RulesError) -> impl IntoView {
    let i = use_i18n();
    let t = wizard_strings(i.lang.get_untracked());
    crate::dom::set_title(&fill(t.doc_title, &[("page", t.wizard_name)]));
    let body = match error {
        RulesError::Load(e) => view! {
            <h2>{t.rules_failed_title}</h2>
            <p><code>{e.to_string()}</code></p>
            <p>{t.rules_failed_help}</p>
        }
        .into_any(),
        RulesError::Invalid(problems) => view! {
            <h2>{t.rules_problems_title}</h2>
            <p>{t.rules_problems_intro}</p>
            {crate::loaded::problem_list(&problems)}
        }
        .into_any(),
    };
    view! {
        <h1>{t.wizard_name}</h1>
        <div class="notice error" role="alert">{body}</div>
    }
}

/// What every page of the wizard shares: the rules, the URL state and the ways to move on.
#[derive(Clone, Copy)]
pub struct Wiz {
    /// The validated rules.
    pub rules: StoredValue<Arc<Rules>>,
    /// The answers in the URL.
    pub answers: Memo<Answers>,
    /// The page shown (the requested page, resolved by the core).
    pub step: Memo<Step>,
    /// Whether the URL carries `return=check` (reached from a Change link).
    pub ret: Memo<bool>,
    /// The current language.
    pub lang: Memo<Lang>,
    /// The router's base path (for `href`s; navigation takes app paths).
    pub base: StoredValue<String>,
    /// Navigate (push) to an app path.
    pub go: Callback<String>,
    /// The pairings dataset (country names, topics, peers), when the app provides it.
    pub data: Option<DataResource>,
    /// The "Find your city" gazetteer, loaded when the wizard opens.
    pub gazetteer: LocalResource<Result<Arc<Gazetteer>, String>>,
    /// The city last picked in "Find your city" (to say where a pre-filled population comes from).
    pub found: RwSignal<Option<City>>,
}

impl Wiz {
    /// The strings of the current language (reactive).
    pub fn t(&self) -> &'static WizardStrings {
        wizard_strings(self.lang.get())
    }

    /// The strings of the current language, without tracking it.
    pub fn t_untracked(&self) -> &'static WizardStrings {
        wizard_strings(self.lang.get_untracked())
    }

    /// The rules.
    pub fn rules(&self) -> Arc<Rules> {
        self.rules.get_value()
    }

    /// The app path of `step` with `answers` (and the return marker).
    pub fn path(&self, answers: &Answers, step: Step, ret: bool) -> String {
        if step == Step::Start && encode_answers(answers).is_empty() {
            return PATH.to_string();
        }
        let mut q = encode_query(answers, Some(step));
        if ret {
            q.push('&');
            q.push_str(RETURN_TO_CHECK);
        }
        format!("{PATH}?{q}")
    }

    /// [`Wiz::path`] with the base path in front, for an `href`.
    pub fn href(&self, answers: &Answers, step: Step, ret: bool) -> String {
        format!("{}{}", self.base.get_value(), self.path(answers, step, ret))
    }

    /// An `href` to another page of the app (`/pairing/x`).
    pub fn app_href(&self, path: &str) -> String {
        format!("{}{path}", self.base.get_value())
    }

    /// Continue from `step` with the draft answers: navigate to the next page, or show errors.
    pub fn advance(&self, step: Step, draft: Answers, errors: RwSignal<Vec<FieldError>>) {
        let rules = self.rules();
        match submit(&rules, &draft, step) {
            Ok(next) => {
                let ret = self.ret.get_untracked() && step < Step::Check;
                // From a Change link: back to the summary, unless the change raised a new question.
                let target = if ret { resolve_step(&rules, &draft, Some(Step::Check)) } else { next };
                self.go.run(self.path(&draft, target, ret && target < Step::Check));
            }
            Err(e) => show_errors(errors, e),
        }
    }

    /// The English (or current language) name of a country, from the dataset when loaded.
    pub fn country_name(&self, code: &str) -> String {
        self.data
            .and_then(|d| d.get().ok())
            .and_then(|d| {
                let lang = self.lang.get_untracked().code();
                d.loaded.dataset.country(code).map(|_| d.loaded.dataset.country_name_in(code, lang).to_string())
            })
            .unwrap_or_else(|| code.to_string())
    }

    /// The label of a commitment: the language's plain wording, else the quoted sentence.
    pub fn commitment_label(&self, call: &Call, id: &str) -> String {
        self.t_untracked()
            .commitment(id)
            .map(str::to_string)
            .or_else(|| call.commitment(id).map(|c| c.quote.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// "more than 100,000".
    pub fn threshold_text(&self, th: Threshold) -> String {
        let t = self.t_untracked();
        fill(t.threshold(th.comparison), &[("n", &fmt_u64(self.lang.get_untracked(), th.value))])
    }

    /// The message of a field error, in words.
    pub fn error_text(&self, e: &FieldError) -> String {
        let t = self.t_untracked();
        let rules = self.rules();
        match &e.code {
            ErrorCode::SelectCommitment { id } => {
                fill(t.error(&e.code), &[("commitment", &self.commitment_label(rules.current(), id))])
            }
            code => t.error(code).to_string(),
        }
    }
}

/// Show errors and move focus to the error summary once it is on screen.
pub fn show_errors(errors: RwSignal<Vec<FieldError>>, e: Vec<FieldError>) {
    errors.set(e);
    request_animation_frame(|| crate::dom::focus_id("error-summary"));
}

/// Set the document title for a page (GOV.UK: "Error: " in front when the page shows errors).
pub fn set_page_title(t: &WizardStrings, heading: &str, has_errors: bool) {
    let title = fill(t.doc_title, &[("page", heading)]);
    if has_errors {
        crate::dom::set_title(&format!("{}{title}", t.doc_title_error));
    } else {
        crate::dom::set_title(&title);
    }
}

/// An integer with the language's digit grouping, for populations.
pub fn fmt_u64(lang: Lang, n: u64) -> String {
    crate::i18n::fmt_u64(lang, n)
}

thread_local! {
    /// The gazetteer once loaded and indexed: opening the wizard again in the same visit
    /// neither downloads nor folds its 6,000 names again.
    static GAZETTEER: std::cell::RefCell<Option<Arc<Gazetteer>>> = const { std::cell::RefCell::new(None) };
}

/// [`data::load_gazetteer`], once per visit (failures are retried the next time).
async fn load_gazetteer_once() -> Result<Arc<Gazetteer>, String> {
    if let Some(g) = GAZETTEER.with(|c| c.borrow().clone()) {
        return Ok(g);
    }
    let g = data::load_gazetteer().await?;
    GAZETTEER.with(|c| *c.borrow_mut() = Some(g.clone()));
    Ok(g)
}

/// Whether a query string carries the return-to-check marker.
pub fn has_return_marker(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|p| p == RETURN_TO_CHECK)
}

/// The wizard over loaded rules. `focus_on_mount`: move focus to the heading on first render
/// (when arriving from another page of the app).
#[component]
pub fn Wizard(rules: Arc<Rules>, #[prop(optional)] focus_on_mount: bool) -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let nav = use_navigate();
    let go = Callback::new(move |url: String| nav(&url, NavigateOptions::default()));
    let search = location.search;
    let rules = StoredValue::new(rules);
    let decoded = Memo::new(move |_| decode_answers(&search.get()));
    let answers = Memo::new(move |_| decoded.with(|d| d.0.clone()));
    let step = Memo::new(move |_| {
        let (a, requested) = decoded.get();
        rules.with_value(|r| resolve_step(r, &a, requested))
    });
    let ret = Memo::new(move |_| has_return_marker(&search.get()));
    let lang = Memo::new(move |_| i.lang.get());
    let w = Wiz {
        rules,
        answers,
        step,
        ret,
        lang,
        base: StoredValue::new(crate::paths::base_path()),
        go,
        data: use_context::<DataResource>(),
        gazetteer: LocalResource::new(load_gazetteer_once),
        found: RwSignal::new(None),
    };

    // A new page (any change of the query) moves focus to its heading, after it has rendered.
    Effect::new(move |prev: Option<String>| {
        let now = search.get();
        if prev.as_ref().is_some_and(|p| p != &now) || (prev.is_none() && focus_on_mount) {
            request_animation_frame(crate::dom::focus_main_heading);
        }
        now
    });
    on_cleanup(move || i.reset_title());

    // Every URL renders its page afresh (fresh drafts and no stale errors).
    let page = Memo::new(move |_| (step.get(), search.get(), lang.get()));
    move || {
        let (step, _, _) = page.get();
        untrack(|| match step {
            Step::Start => questions::start_page(w),
            Step::Kind => questions::kind_page(w),
            Step::Country => questions::country_page(w),
            Step::Population => questions::population_page(w),
            Step::Group => questions::group_page(w),
            Step::Commitments => questions::commitments_page(w),
            Step::Interests => questions::interests_page(w),
            Step::Check => summary::check_page(w),
            Step::Result => summary::result_page(w),
        })
    }
}
