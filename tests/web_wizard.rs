//! Browser tests of the eligibility wizard (wasm-bindgen-test in headless Chromium): the wizard is
//! mounted inside a router on a fresh element, for a given URL, and the DOM is checked after each
//! interaction. Also the "Find your city" gazetteer's parsing and matching.
#![cfg(target_arch = "wasm32")]

use iuc_explorer::wizard::{fmt_u64, has_return_marker, Wizard};
use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::components::Router;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Poll, Waker};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RULES: &str = include_str!("../public/data/eligibility.json");

fn fresh_container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("main").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Wait `ms` milliseconds (lets animation frames and timers run).
async fn sleep(ms: i32) {
    let state: Rc<RefCell<(bool, Option<Waker>)>> = Rc::new(RefCell::new((false, None)));
    let s2 = state.clone();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let mut s = s2.borrow_mut();
        s.0 = true;
        if let Some(w) = s.1.take() {
            w.wake();
        }
    });
    window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms).unwrap();
    std::future::poll_fn(move |cx| {
        let mut s = state.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// Put `url` in the address bar, then mount the wizard over the shipped rules.
async fn mount_at(url: &str) -> (web_sys::HtmlElement, impl Sized) {
    // The app's page has `<base href>` (trunk's public URL); the router's base path comes from it.
    let doc = document();
    if doc.query_selector("base").unwrap().is_none() {
        let base = doc.create_element("base").unwrap();
        base.set_attribute("href", "/").unwrap();
        doc.head().unwrap().append_child(&base).unwrap();
    }
    window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)).unwrap();
    let rules = Arc::new(iuc_core::eligibility::load_rules(RULES).unwrap());
    let root = fresh_container();
    let handle = mount_to(root.clone(), move || view! { <Router><Wizard rules=rules.clone() /></Router> });
    tick().await;
    sleep(20).await;
    (root, handle)
}

fn q(root: &web_sys::HtmlElement, css: &str) -> Option<web_sys::Element> {
    root.query_selector(css).unwrap()
}

fn text(root: &web_sys::HtmlElement, css: &str) -> String {
    q(root, css).and_then(|e| e.text_content()).unwrap_or_default()
}

fn click(root: &web_sys::HtmlElement, css: &str) {
    q(root, css).unwrap_or_else(|| panic!("no {css}")).unchecked_into::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn continue_with_no_answer_shows_the_error_summary_then_moves_on() {
    let (root, _handle) = mount_at("/eligibility?step=kind").await;
    assert_eq!(text(&root, "legend h1"), "Who is applying?");
    assert_eq!(root.query_selector_all("input[type=radio][name=kind]").unwrap().length(), 5);
    assert!(q(&root, ".error-summary").is_none());
    assert_eq!(q(&root, "a.back-link").unwrap().get_attribute("href").as_deref(), Some("/eligibility"));

    // Continue with nothing chosen.
    click(&root, "form button[type=submit]");
    tick().await;
    let summary = q(&root, "#error-summary").expect("error summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text(&root, ".error-summary__title"), "There is a problem");
    assert_eq!(text(&root, ".error-summary__list a"), "Select who is applying");
    assert!(q(&root, ".error-summary__list a").unwrap().get_attribute("href").unwrap().ends_with("#kind"));
    assert!(text(&root, "#kind-error").contains("Select who is applying"));
    assert_eq!(
        q(&root, "fieldset").unwrap().get_attribute("aria-describedby").as_deref(),
        Some("kind-hint kind-error")
    );
    assert!(document().title().starts_with("Error: Who is applying?"), "{}", document().title());
    // Focus moves to the summary once it is on screen.
    sleep(100).await;
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("error-summary"));
    // Still on the same page: nothing was navigated.
    assert_eq!(window().location().search().unwrap(), "?step=kind");

    // Choose "a group" and continue: the country question, answers in the URL.
    click(&root, "#kind-group");
    click(&root, "form button[type=submit]");
    tick().await;
    sleep(20).await;
    assert_eq!(window().location().search().unwrap(), "?kind=group&step=country");
    assert!(text(&root, "h1").contains("municipalities of your group"), "{}", text(&root, "h1"));
    assert!(q(&root, ".error-summary").is_none(), "a new page starts without errors");
    // The member states of the call, then "Another country".
    let options = root.query_selector_all("#country option").unwrap().length();
    assert_eq!(options, 1 + 28 + 1);
}

#[wasm_bindgen_test]
async fn a_typed_population_is_checked_before_the_core_sees_it() {
    let (root, _handle) = mount_at("/eligibility?kind=city&country=DE&step=population").await;
    let input: web_sys::HtmlInputElement = q(&root, "#population").unwrap().unchecked_into();
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    input.set_value("1.5 million");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "form button[type=submit]");
    tick().await;
    assert!(text(&root, "#population-error").contains("in full"), "{}", text(&root, "#population-error"));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("population-hint population-error"));
    input.set_value("100,000");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "form button[type=submit]");
    tick().await;
    sleep(20).await;
    assert_eq!(window().location().search().unwrap(), "?kind=city&country=DE&pop=100000&step=commitments");
}

#[wasm_bindgen_test]
async fn a_region_result_names_the_other_programme_with_its_quote() {
    let (root, _handle) = mount_at("/eligibility?kind=region&step=result").await;
    let page = q(&root, ".wizard-step.result").expect("result page");
    assert_eq!(page.get_attribute("data-verdict").as_deref(), Some("not-eligible"));
    assert_eq!(text(&root, "h1"), "You cannot apply to this call");
    let next = text(&root, ".next-steps");
    assert!(next.contains("inter-regional cooperation on innovation"), "{next}");
    assert!(next.contains("Regions wishing to engage in sustainable development are invited to apply"), "{next}");
    assert_eq!(root.query_selector_all(".reasons blockquote").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn a_change_link_returns_to_check_answers() {
    // In the order the core writes them (by id).
    let all_yes = "c=18m:yes,action-plan:yes,partnership-agreement:yes,reporting:yes,resources:yes";
    let (root, _handle) = mount_at(&format!("/eligibility?kind=city&country=ES&pop=150000&{all_yes}&step=check")).await;
    let links = root.query_selector_all(".summary-list a").unwrap();
    assert_eq!(links.length(), 10);
    let population_link = (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|a| a.text_content().unwrap_or_default().contains("Population"))
        .expect("a Change link for the population");
    assert_eq!(
        population_link.unchecked_ref::<web_sys::Element>().get_attribute("href").unwrap(),
        format!("/eligibility?kind=city&country=ES&pop=150000&{all_yes}&step=population&return=check")
    );
    // Follow it (a fresh mount at that address: earlier tests' routers still listen to clicks).
    let href = population_link.unchecked_ref::<web_sys::Element>().get_attribute("href").unwrap();
    drop(_handle);
    root.remove();
    let (root, _handle) = mount_at(&href).await;
    assert_eq!(q(&root, ".wizard-step").and_then(|s| s.get_attribute("data-step")).as_deref(), Some("population"));
    // Back goes to the summary too.
    assert!(q(&root, "a.back-link").unwrap().get_attribute("href").unwrap().ends_with("&step=check"));
    let input: web_sys::HtmlInputElement = q(&root, "#population").unwrap().unchecked_into();
    assert_eq!(input.value(), "150000");
    input.set_value("90000");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "form button[type=submit]");
    tick().await;
    sleep(20).await;
    // Straight back to the summary (not to the commitments page), with the new figure.
    assert_eq!(q(&root, ".wizard-step").unwrap().get_attribute("data-step").as_deref(), Some("check"));
    assert!(text(&root, ".summary-list").contains("90,000"));
    assert!(!has_return_marker(&window().location().search().unwrap()));
}

#[wasm_bindgen_test]
fn populations_are_formatted_without_32_bit_overflow() {
    use iuc_explorer::i18n::Lang;
    assert_eq!(fmt_u64(Lang::En, 10_000_000_000), "10,000,000,000");
    assert_eq!(fmt_u64(Lang::En, 99_999), "99,999");
    assert_eq!(fmt_u64(Lang::En, 7), "7");
    assert!(has_return_marker("?kind=city&step=kind&return=check"));
    assert!(!has_return_marker("?return=checkout"));
}

/// A rules file with more problems than a list shows: the first 200, then how many more (the
/// list the data's problems use too), not a list cut short without a word.
#[wasm_bindgen_test]
async fn a_rules_file_with_many_problems_counts_those_not_listed() {
    use iuc_core::dataset::Problem;
    use iuc_explorer::data::RulesError;
    use iuc_explorer::wizard::RulesFailed;
    let problems: Vec<Problem> = (0..230)
        .map(|k| Problem { location: format!("commitments[{k}]"), field: "id".into(), message: "is empty".into() })
        .collect();
    let root = fresh_container();
    let _handle = mount_to(root.clone(), move || view! { <RulesFailed error=RulesError::Invalid(problems.clone()) /> });
    tick().await;
    assert_eq!(root.query_selector_all(".problem-list li").unwrap().length(), 200);
    let text = root.text_content().unwrap();
    assert!(text.contains("… and 30 more."), "{text}");
}
