//! The start page and the question pages (GOV.UK "question pages": one question per page, the
//! question as the heading, a hint, a Back link, Continue, the error summary).

use super::finder::Finder;
use super::{set_page_title, show_errors, Wiz};
use crate::i18n::{fill, use_i18n};
use iuc_core::dataset::Region;
use iuc_core::eligibility::{
    back, parse_population, Answers, ApplicantKind, CallStatus, CountryAnswer, FieldError, PopulationAnswer,
    ReasonKind, Requirement, Step, Tri,
};
use leptos::prelude::*;

/// One radio or checkbox of a group.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<&'static str>,
}

/// The id of the `n`-th input of a group whose error/field id is `field` (GOV.UK: the first one
/// carries the field id, so the error summary's link lands on it).
fn input_id(field: &str, value: &str, n: usize) -> String {
    if n == 0 {
        field.to_string()
    } else {
        format!("{field}-{value}")
    }
}

/// The inline error of `field`, if any (reactive).
fn field_error(errors: RwSignal<Vec<FieldError>>, field: &str) -> Option<FieldError> {
    errors.with(|es| es.iter().find(|e| e.field == field).cloned())
}

/// `aria-describedby` for a control: its hint, plus its error message when there is one.
fn described_by(errors: RwSignal<Vec<FieldError>>, field: String, hint: bool) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{field}-hint"));
        }
        if field_error(errors, &field).is_some() {
            ids.push(format!("{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The inline error message (`<p id="{field}-error">`), shown when `field` has an error.
fn error_message(w: Wiz, errors: RwSignal<Vec<FieldError>>, field: String) -> impl IntoView {
    move || {
        field_error(errors, &field).map(|e| {
            let t = w.t_untracked();
            view! {
                <p id=format!("{field}-error") class="error-message">
                    <span class="visually-hidden">{t.error_prefix}" "</span>
                    {w.error_text(&e)}
                </p>
            }
        })
    }
}

/// The class of a form group (red bar when it has an error).
fn group_class(errors: RwSignal<Vec<FieldError>>, field: String) -> impl Fn() -> &'static str {
    move || if field_error(errors, &field).is_some() { "form-group form-group--error" } else { "form-group" }
}

/// A "why we ask" hint: a plain explanation and the call's own sentence.
pub fn why_hint(w: Wiz, id: Option<String>, why: Option<String>, quote: String) -> AnyView {
    let t = w.t_untracked();
    view! {
        <div class="hint" id=id>
            {why.map(|why| view! { <p><strong>{t.why_we_ask}": "</strong>{why}</p> })}
            <figure class="quote">
                <blockquote><p>{quote}</p></blockquote>
                <figcaption>{t.quote_source}</figcaption>
            </figure>
        </div>
    }
    .into_any()
}

/// A fieldset of radios bound to `selected` (the chosen value).
#[allow(clippy::too_many_arguments)]
pub fn radios(
    w: Wiz,
    errors: RwSignal<Vec<FieldError>>,
    field: String,
    legend: AnyView,
    legend_class: &'static str,
    hint: Option<AnyView>,
    choices: Vec<Choice>,
    selected: RwSignal<Option<String>>,
) -> AnyView {
    let has_hint = hint.is_some();
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            let id = input_id(&field, &c.value, n);
            let hint_id = c.hint.map(|_| format!("{id}-item-hint"));
            let v = c.value.clone();
            let v2 = c.value.clone();
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        type="radio"
                        id=id.clone()
                        name=field.clone()
                        value=c.value.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || selected.with(|s| s.as_deref() == Some(v.as_str()))
                        on:change=move |_| selected.set(Some(v2.clone()))
                    />
                    <label class="radios__label" for=id>{c.label}</label>
                    {c.hint.map(|h| view! { <div class="hint radios__hint" id=hint_id>{h}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class(errors, field.clone())>
            <fieldset class="fieldset" aria-describedby=described_by(errors, field.clone(), has_hint)>
                <legend class=legend_class>{legend}</legend>
                {hint}
                {error_message(w, errors, field.clone())}
                <div class="radios">{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// Yes / No / I'm not sure.
pub fn tri_choices(w: Wiz) -> Vec<Choice> {
    let t = w.t_untracked();
    Tri::ALL.iter().map(|x| Choice { value: x.id().to_string(), label: t.tri(*x).to_string(), hint: None }).collect()
}

/// The GOV.UK error summary: a focusable alert with a link to each field.
pub fn error_summary(w: Wiz, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    move || {
        let errs = errors.get();
        if errs.is_empty() {
            return None;
        }
        let t = w.t_untracked();
        // The links point into this very page (`target=_self` keeps the router out of it); the
        // click handler moves focus to the field, as GOV.UK's script does.
        let here = crate::dom::window()
            .and_then(|win| Some(format!("{}{}", win.location().pathname().ok()?, win.location().search().ok()?)))
            .unwrap_or_default();
        let items = errs
            .iter()
            .map(|e| {
                let field = e.field.clone();
                view! {
                    <li>
                        <a
                            href=format!("{here}#{}", e.field)
                            target="_self"
                            on:click=move |ev: web_sys::MouseEvent| {
                                ev.prevent_default();
                                crate::dom::focus_id(&field);
                            }
                        >
                            {w.error_text(e)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{t.error_summary_title}</h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        })
    }
}

/// The Back link of a page: the previous page of the flow, or the summary when reached from it.
pub fn back_link(w: Wiz, step: Step) -> AnyView {
    let a = w.answers.get_untracked();
    let target = if w.ret.get_untracked() { Step::Check } else { w.rules.with_value(|r| back(r, &a, step)) };
    let t = w.t_untracked();
    view! { <a class="back-link" href=w.href(&a, target, false)>{t.back}</a> }.into_any()
}

/// The frame of a question page: Back, error summary, the form with Continue.
///
/// `draft()` reads the page's controls into answers (or returns errors the core cannot see, such
/// as a population that is not a number); Continue then validates with the core and navigates.
pub fn question_page(
    w: Wiz,
    step: Step,
    errors: RwSignal<Vec<FieldError>>,
    body: AnyView,
    draft: impl Fn() -> Result<Answers, Vec<FieldError>> + 'static,
) -> AnyView {
    let t = w.t_untracked();
    let group = w.answers.with_untracked(|a| a.kind == Some(ApplicantKind::Group));
    let heading = t.step_title(step, group);
    Effect::new(move |_| set_page_title(t, heading, errors.with(|e| !e.is_empty())));
    view! {
        <div class="wizard-step" data-step=step.id()>
            {back_link(w, step)}
            {error_summary(w, errors)}
            <form
                class="wizard-form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    match draft() {
                        Ok(d) => w.advance(step, d, errors),
                        Err(e) => show_errors(errors, e),
                    }
                }
            >
                {body}
                <button type="submit" class="button">{t.continue_button}</button>
            </form>
        </div>
    }
    .into_any()
}

/// A date for a status sentence, formatted.
fn date_arg(w: Wiz, d: &Option<String>) -> String {
    d.as_deref().map(|d| w.t_untracked().format_date(d)).unwrap_or_default()
}

/// The call's status in words ("The 2018 call for EU cities closed on 19 March 2018.").
pub fn status_text(w: Wiz) -> String {
    let rules = w.rules();
    let call = rules.current();
    let t = w.t_untracked();
    let kind = match call.status {
        CallStatus::Closed => ReasonKind::CallClosed { call: call.id.clone(), closed_on: call.closes.clone() },
        CallStatus::Open => ReasonKind::CallOpen { call: call.id.clone(), closes: call.closes.clone() },
        CallStatus::Upcoming => ReasonKind::CallUpcoming { call: call.id.clone(), opens: call.opens.clone() },
    };
    let date = match call.status {
        CallStatus::Upcoming => date_arg(w, &call.opens),
        _ => date_arg(w, &call.closes),
    };
    fill(t.reason(&kind), &[("call", &call.title), ("date", &date)])
}

/// The start page: what the check covers, the rules in plain words, time, privacy, Start now.
pub fn start_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let th = w.threshold_text(call.threshold);
    let a = w.answers.get_untracked();
    set_page_title(t, t.start_title, false);
    let mut rule_items: Vec<String> = vec![fill(
        t.start_rule_member_states,
        &[("n", &call.member_states.codes.len().to_string()), ("year", &call.member_states.as_of)],
    )];
    rule_items.push(fill(
        match call.city.population {
            Requirement::Encouraged => t.start_rule_city_encouraged,
            Requirement::Required => t.start_rule_city_required,
        },
        &[("threshold", &th)],
    ));
    rule_items.push(fill(
        match call.group.population {
            Requirement::Encouraged => t.start_rule_group_encouraged,
            Requirement::Required => t.start_rule_group_required,
        },
        &[("threshold", &th)],
    ));
    if call.group.lead_authority {
        rule_items.push(t.start_rule_group_lead.to_string());
    }
    if call.group.members_commitment {
        rule_items.push(t.start_rule_group_members.to_string());
    }
    if call.excluded.is_some() {
        rule_items.push(t.start_rule_excluded.to_string());
    }
    let commitments: Vec<String> = call.commitments.iter().map(|c| w.commitment_label(call, &c.id)).collect();
    view! {
        <div class="wizard-step start" data-step="start">
            <h1>{t.start_title}</h1>
            <p class="lead">{fill(t.start_intro, &[("call", &call.title)])}</p>
            <h2>{t.start_rules_title}</h2>
            <ul class="list list--bullet">{rule_items.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            {(!commitments.is_empty()).then(|| view! {
                <p>{t.start_rule_commitments}</p>
                <ul class="list list--bullet">{commitments.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
            <h2>{t.start_status_title}</h2>
            <p>{status_text(w)}</p>
            <h2>{t.start_time_title}</h2>
            <p>{t.start_time}</p>
            <h2>{t.start_privacy_title}</h2>
            <p>{t.start_privacy}</p>
            <a class="button button--start" href=w.href(&a, Step::Kind, false) draggable="false">
                {t.start_button}
                <svg class="button__start-icon" aria-hidden="true" focusable="false" width="17.5" height="19" viewBox="0 0 33 40">
                    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                </svg>
            </a>
            <p class="small">{t.start_not_official}</p>
        </div>
    }
    .into_any()
}

/// "Who is applying?"
pub fn kind_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let a = w.answers.get_untracked();
    let selected = RwSignal::new(a.kind.map(|k| k.id().to_string()));
    let errors = RwSignal::new(Vec::new());
    let quote = call.excluded.as_ref().map(|e| e.quote.clone()).unwrap_or_else(|| call.group.quote.clone());
    let choices = ApplicantKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.id().to_string(),
            label: t.kind(*k).to_string(),
            hint: (*k == ApplicantKind::Group).then_some(t.kind_group_hint),
        })
        .collect();
    let body = radios(
        w,
        errors,
        "kind".into(),
        view! { <h1 class="fieldset__heading">{t.kind_question}</h1> }.into_any(),
        "fieldset__legend fieldset__legend--l",
        Some(why_hint(w, Some("kind-hint".into()), Some(t.kind_why.into()), quote)),
        choices,
        selected,
    );
    question_page(w, Step::Kind, errors, body, move || {
        let mut d = a.clone();
        d.kind = selected.get_untracked().and_then(|v| ApplicantKind::from_id(&v));
        Ok(d)
    })
}

/// "In which country is your city?" with the optional "Find your city".
pub fn country_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current().clone();
    let a = w.answers.get_untracked();
    let group = a.kind == Some(ApplicantKind::Group);
    let selected = RwSignal::new(a.country.as_ref().map(|c| c.id().to_string()));
    let population = RwSignal::new(a.population);
    let errors = RwSignal::new(Vec::new());
    let codes = call.member_states.codes.clone();
    let options = move || {
        let mut named: Vec<(String, String)> = codes.iter().map(|c| (w.country_name(c), c.clone())).collect();
        iuc_core::order::sort_by_key(&mut named, |(name, _)| iuc_core::text::fold(name));
        named
            .into_iter()
            .map(|(name, code)| {
                let c = code.clone();
                view! {
                    <option value=code prop:selected=move || selected.with(|s| s.as_deref() == Some(c.as_str()))>
                        {name}
                    </option>
                }
            })
            .collect_view()
    };
    let on_select = move |v: String| selected.set(Some(v).filter(|v| !v.is_empty()));
    // A city picked in "Find your city" fills in the country and, for a city, the population —
    // unless the user has given a figure of their own (their figure wins).
    let on_pick = Callback::new(move |c: iuc_core::gazetteer::City| -> bool {
        selected.set(Some(c.country.clone()));
        let previous = w.found.get_untracked().map(|f| f.population);
        let own_figure = match population.get_untracked() {
            None => false,
            Some(PopulationAnswer::Count(n)) => Some(n) != previous,
            Some(PopulationAnswer::NotSure) => true,
        };
        let fill_population = !group && !own_figure;
        if fill_population {
            population.set(Some(PopulationAnswer::Count(c.population)));
        }
        w.found.set(Some(c));
        fill_population
    });
    let heading = t.step_title(Step::Country, group);
    let body = view! {
        <div class=group_class(errors, "country".into())>
            <h1 class="label-wrapper">
                <label class="label label--l" for="country">{heading}</label>
            </h1>
            {why_hint(
                w,
                Some("country-hint".into()),
                Some(fill(t.country_why, &[("year", &call.member_states.as_of)])),
                call.member_states.quote.clone(),
            )}
            {error_message(w, errors, "country".into())}
            <select
                class="select"
                id="country"
                name="country"
                aria-describedby=described_by(errors, "country".into(), true)
                aria-invalid=move || field_error(errors, "country").map(|_| "true")
                on:change:target=move |ev| on_select(ev.target().value())
                on:input:target=move |ev| on_select(ev.target().value())
            >
                <option value="" prop:selected=move || selected.with(Option::is_none)>{t.country_choose}</option>
                {options}
                <option value="other" prop:selected=move || selected.with(|s| s.as_deref() == Some("other"))>
                    {t.country_other}
                </option>
            </select>
        </div>
        <Finder w=w group=group on_pick=on_pick />
    }
    .into_any();
    question_page(w, Step::Country, errors, body, move || {
        let mut d = a.clone();
        d.country = selected.get_untracked().and_then(|v| CountryAnswer::parse(&v));
        d.population = population.get_untracked();
        Ok(d)
    })
}

/// "How many people live in your city?" (for a group: the total).
pub fn population_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let a = w.answers.get_untracked();
    let group = a.kind == Some(ApplicantKind::Group);
    let th = w.threshold_text(call.threshold);
    let why = match (group, call.requirement(if group { ApplicantKind::Group } else { ApplicantKind::City })) {
        (false, Some(Requirement::Required)) => t.population_why_city_required,
        (false, _) => t.population_why_city_encouraged,
        (true, Some(Requirement::Encouraged)) => t.population_why_group_encouraged,
        (true, _) => t.population_why_group_required,
    };
    let quote = if group { call.group.quote.clone() } else { call.city.quote.clone() };
    let text = RwSignal::new(match a.population {
        Some(PopulationAnswer::Count(n)) => n.to_string(),
        _ => String::new(),
    });
    let not_sure = RwSignal::new(a.population == Some(PopulationAnswer::NotSure));
    let errors = RwSignal::new(Vec::new());
    let lang = w.lang.get_untracked();
    // Say where a pre-filled figure comes from (while it is still GeoNames' figure).
    let prefilled = w.found.get_untracked().filter(|c| {
        !group
            && a.country == Some(CountryAnswer::Code(c.country.clone()))
            && a.population == Some(PopulationAnswer::Count(c.population))
    });
    let heading = t.step_title(Step::Population, group);
    let body = view! {
        <div class=group_class(errors, "population".into())>
            <h1 class="label-wrapper">
                <label class="label label--l" for="population">{heading}</label>
            </h1>
            <div class="hint" id="population-hint">
                <p>{t.population_format_hint}</p>
                {prefilled.map(|c| view! {
                    <p class="prefilled">
                        {fill(t.population_prefilled, &[("city", &c.name), ("population", &super::fmt_u64(lang, c.population))])}
                    </p>
                })}
            </div>
            {why_hint(w, None, Some(fill(why, &[("threshold", &th)])), quote)}
            {error_message(w, errors, "population".into())}
            <input
                class=move || {
                    if field_error(errors, "population").is_some() { "input input--width-10 input--error" } else { "input input--width-10" }
                }
                id="population"
                name="population"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described_by(errors, "population".into(), true)
                aria-invalid=move || field_error(errors, "population").map(|_| "true")
                prop:value=move || text.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    if !v.trim().is_empty() {
                        not_sure.set(false);
                    }
                    text.set(v);
                }
            />
            <p class="or-divider">{t.population_or}</p>
            <div class="checkboxes">
                <div class="checkboxes__item">
                    <input
                        class="checkboxes__input"
                        type="checkbox"
                        id="population-not-sure"
                        name="population-not-sure"
                        prop:checked=move || not_sure.get()
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            not_sure.set(on);
                            if on {
                                text.set(String::new());
                            }
                        }
                    />
                    <label class="checkboxes__label" for="population-not-sure">{t.population_not_sure}</label>
                </div>
            </div>
        </div>
    }
    .into_any();
    question_page(w, Step::Population, errors, body, move || {
        let mut d = a.clone();
        let typed = text.get_untracked();
        d.population = if not_sure.get_untracked() {
            Some(PopulationAnswer::NotSure)
        } else if typed.trim().is_empty() {
            None
        } else {
            match parse_population(&typed) {
                Ok(n) => Some(PopulationAnswer::Count(n)),
                Err(e) => return Err(vec![FieldError::population(e)]),
            }
        };
        Ok(d)
    })
}

/// Groups: the lead authority and the other members' commitment.
pub fn group_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let a = w.answers.get_untracked();
    let lead = RwSignal::new(a.lead.map(|x| x.id().to_string()));
    let members = RwSignal::new(a.members.map(|x| x.id().to_string()));
    let errors = RwSignal::new(Vec::new());
    let tri_field = |field: &str, question: &'static str, hint: &'static str, sel: RwSignal<Option<String>>| {
        radios(
            w,
            errors,
            field.to_string(),
            view! { {question} }.into_any(),
            "fieldset__legend fieldset__legend--m",
            Some(view! { <div class="hint" id=format!("{field}-hint")>{hint}</div> }.into_any()),
            tri_choices(w),
            sel,
        )
    };
    let body = view! {
        <h1>{t.group_title}</h1>
        {why_hint(w, None, Some(t.group_why.into()), call.group.quote.clone())}
        {call.group.lead_authority.then(|| tri_field("lead", t.lead_question, t.lead_hint, lead))}
        {call.group.members_commitment.then(|| tri_field("members", t.members_question, t.members_hint, members))}
    }
    .into_any();
    question_page(w, Step::Group, errors, body, move || {
        let mut d = a.clone();
        d.lead = lead.get_untracked().and_then(|v| Tri::from_id(&v));
        d.members = members.get_untracked().and_then(|v| Tri::from_id(&v));
        Ok(d)
    })
}

/// The call's commitments, one Yes / No / Not sure fieldset each.
pub fn commitments_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let rules = w.rules();
    let call = rules.current();
    let a = w.answers.get_untracked();
    let group = a.kind == Some(ApplicantKind::Group);
    let errors = RwSignal::new(Vec::new());
    let fields: Vec<(String, RwSignal<Option<String>>)> = call
        .commitments
        .iter()
        .map(|c| (c.id.clone(), RwSignal::new(a.commitments.get(&c.id).map(|x| x.id().to_string()))))
        .collect();
    let sets = call
        .commitments
        .iter()
        .zip(fields.iter())
        .map(|(c, (_, sel))| {
            let field = format!("commitment-{}", c.id);
            radios(
                w,
                errors,
                field.clone(),
                view! { {w.commitment_label(call, &c.id)} }.into_any(),
                "fieldset__legend fieldset__legend--s",
                Some(why_hint(w, Some(format!("{field}-hint")), None, c.quote.clone())),
                tri_choices(w),
                *sel,
            )
        })
        .collect_view();
    let body = view! {
        <h1>{t.step_title(Step::Commitments, group)}</h1>
        <p class="lead">{t.commitments_intro}</p>
        {sets}
    }
    .into_any();
    question_page(w, Step::Commitments, errors, body, move || {
        let mut d = a.clone();
        for (id, sel) in &fields {
            match sel.get_untracked().and_then(|v| Tri::from_id(&v)) {
                Some(x) => d.commitments.insert(id.clone(), x),
                None => d.commitments.remove(id),
            };
        }
        Ok(d)
    })
}

/// A checkbox bound to membership of `value` in the list `chosen` (keeping the order chosen).
fn checkbox<T: Clone + PartialEq + Send + Sync + 'static>(
    id: String,
    label: String,
    value: T,
    chosen: RwSignal<Vec<T>>,
) -> impl IntoView {
    let v = value.clone();
    view! {
        <div class="checkboxes__item">
            <input
                class="checkboxes__input"
                type="checkbox"
                id=id.clone()
                prop:checked=move || chosen.with(|c| c.contains(&v))
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    chosen.update(|c| {
                        c.retain(|x| *x != value);
                        if on {
                            c.push(value.clone());
                        }
                    });
                }
            />
            <label class="checkboxes__label" for=id>{label}</label>
        </div>
    }
}

/// Optional: topics (the dataset's tag vocabulary) and preferred partner regions.
pub fn interests_page(w: Wiz) -> AnyView {
    let t = w.t_untracked();
    let i = use_i18n();
    let a = w.answers.get_untracked();
    let topics = RwSignal::new(a.topics.clone());
    let regions = RwSignal::new(a.regions.clone());
    let errors = RwSignal::new(Vec::new());
    let topic_boxes = move || match w.data.map(|d| d.get()) {
        Some(Ok(d)) => d
            .loaded
            .dataset
            .tags
            .iter()
            .map(|tag| checkbox(format!("topic-{}", tag.id), tag.label.clone(), tag.id.clone(), topics))
            .collect_view()
            .into_any(),
        _ => view! { <p class="hint">{t.topics_unavailable}</p> }.into_any(),
    };
    let region_boxes = Region::ALL
        .iter()
        .map(|r| checkbox(format!("region-{}", r.id()), crate::i18n::region_label(&i, *r).to_string(), *r, regions))
        .collect_view();
    let body = view! {
        <h1>{t.interests_title}</h1>
        <p class="lead">{t.interests_intro}</p>
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby="topics-hint">
                <legend class="fieldset__legend fieldset__legend--m">{t.topics_legend}</legend>
                <div class="hint" id="topics-hint">{t.select_all_that_apply}</div>
                <div class="checkboxes checkboxes--columns">{topic_boxes}</div>
            </fieldset>
        </div>
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby="regions-hint">
                <legend class="fieldset__legend fieldset__legend--m">{t.regions_legend}</legend>
                <div class="hint" id="regions-hint">{t.select_all_that_apply}</div>
                <div class="checkboxes">{region_boxes}</div>
            </fieldset>
        </div>
    }
    .into_any();
    question_page(w, Step::Interests, errors, body, move || {
        let mut d = a.clone();
        d.topics = topics.get_untracked();
        d.regions = regions.get_untracked();
        Ok(d)
    })
}
