//! Browser tests (wasm-bindgen-test in headless Chromium): mount components into a fresh
//! element and assert on the DOM after each interaction.
#![cfg(target_arch = "wasm32")]

use iuc_explorer::loaded::DataProblems;
use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("section").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

const SHIPPED: &str = include_str!("../public/data/pairings.json");

#[wasm_bindgen_test]
async fn data_problems_lists_every_problem_as_text() {
    // A dataset with one good and one bad record (unknown country, script in the name).
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let pairings = v["pairings"].as_array_mut().unwrap();
    let mut bad = pairings[0].clone();
    bad["id"] = "bad-one".into();
    bad["eu"]["name"] = "<img src=x onerror=alert(1)>".into();
    bad["eu"]["country"] = "ZZ".into();
    pairings.truncate(1);
    pairings.push(bad);
    let loaded = Arc::new(iuc_core::dataset::load(&v.to_string()));
    assert_eq!(loaded.dataset.pairings.len(), 1);

    let root = fresh_container();
    let _handle = mount_to(root.clone(), move || view! { <DataProblems data=loaded.clone() /> });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("1 of 2 pairings are shown"), "{text}");
    assert!(text.contains("pairings[1] (bad-one) · eu.country"), "{text}");
    // Nothing from the data is interpreted as markup.
    assert!(root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_long_problem_list_shows_the_first_200_and_counts_the_rest() {
    let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let pairings = v["pairings"].as_array_mut().unwrap();
    let template = pairings[0].clone();
    pairings.truncate(1);
    for k in 0..230 {
        let mut bad = template.clone();
        bad["id"] = format!("bad-{k}").into();
        bad["eu"]["country"] = "ZZ".into();
        pairings.push(bad);
    }
    let loaded = Arc::new(iuc_core::dataset::load(&v.to_string()));
    let more = loaded.problems.len() - iuc_explorer::loaded::PROBLEMS_SHOWN;
    assert!(more >= 30, "{} problems", loaded.problems.len());

    let root = fresh_container();
    let _handle = mount_to(root.clone(), move || view! { <DataProblems data=loaded.clone() /> });
    tick().await;
    assert_eq!(root.query_selector_all(".problem-list li").unwrap().length(), 200);
    let text = root.text_content().unwrap();
    assert!(text.contains(&format!("… and {more} more.")), "{text}");
}

mod explore {
    use super::*;
    use iuc_explorer::explore::ExplorePage;
    use iuc_explorer::loaded::{AppData, DataResource};
    use leptos_router::components::{ParentRoute, Route, Router, Routes};
    use leptos_router::path;

    /// Mount Explore over the shipped data (no network: the resource resolves immediately).
    fn mount_explore(root: web_sys::HtmlElement) -> impl Sized {
        // Start from a clean URL so earlier tests' state doesn't leak in.
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
            .unwrap();
        mount_to(root, || {
            let loaded = Arc::new(iuc_core::dataset::load(SHIPPED));
            provide_context(DataResource::new(Ok(Arc::new(AppData::new(loaded)))));
            view! {
                <Router>
                    <Routes fallback=|| "not found">
                        <ParentRoute path=path!("") view=ExplorePage>
                            <Route path=path!("") view=|| () />
                        </ParentRoute>
                    </Routes>
                </Router>
            }
        })
    }

    /// Let the reactive system, the resource and the router settle.
    async fn settle() {
        for _ in 0..5 {
            tick().await;
        }
        sleep_ms(30).await;
        for _ in 0..5 {
            tick().await;
        }
    }

    async fn sleep_ms(ms: i32) {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }

    fn rows(root: &web_sys::HtmlElement) -> u32 {
        root.query_selector_all("table.pairings tbody tr").unwrap().length()
    }

    #[wasm_bindgen_test]
    async fn typing_in_the_search_box_filters_the_rows_and_updates_the_live_region() {
        let root = fresh_container();
        let _h = mount_explore(root.clone());
        settle().await;
        assert_eq!(rows(&root), 55);
        let input: web_sys::HtmlInputElement = root.query_selector("#q").unwrap().unwrap().unchecked_into();
        input.set_value("sao leopoldo");
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        settle().await;
        assert_eq!(rows(&root), 1);
        let status = root.query_selector("#result-count").unwrap().unwrap();
        assert_eq!(status.text_content().unwrap(), "1 of 55 pairings shown");
        assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
        // Each query word is highlighted, accent-insensitively.
        let marks = root.query_selector_all("tbody mark").unwrap();
        let marked: Vec<String> = (0..marks.length()).map(|k| marks.item(k).unwrap().text_content().unwrap()).collect();
        assert_eq!(marked, ["São", "Leopoldo"]);
        // The URL follows when typing pauses (history writes cost more than the search)...
        let search = || web_sys::window().unwrap().location().search().unwrap();
        assert_eq!(search(), "");
        sleep_ms(iuc_explorer::explore::URL_WRITE_DELAY_MS as i32 + 100).await;
        assert_eq!(search(), "?q=sao+leopoldo");
        // ... or at once when the box reports a change (Enter, or focus leaving it).
        input.set_value("porto");
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        settle().await;
        assert_eq!(search(), "?q=sao+leopoldo");
        input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        settle().await;
        assert_eq!(search(), "?q=porto");
        assert!(rows(&root) >= 1);
    }

    #[wasm_bindgen_test]
    async fn a_sort_header_is_a_button_that_cycles_aria_sort() {
        let root = fresh_container();
        let _h = mount_explore(root.clone());
        settle().await;
        let th = root.query_selector("thead th").unwrap().unwrap();
        assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("none"));
        let button: web_sys::HtmlElement = th.query_selector("button").unwrap().unwrap().unchecked_into();
        button.click();
        settle().await;
        assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
        let first = root.query_selector("tbody tr th").unwrap().unwrap().text_content().unwrap();
        assert_eq!(first, "Aarhus");
        button.click();
        settle().await;
        assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("descending"));
        let first = root.query_selector("tbody tr th").unwrap().unwrap().text_content().unwrap();
        assert_eq!(first, "Zaragoza");
    }

    #[wasm_bindgen_test]
    async fn a_facet_checkbox_filters_and_counts_react_to_the_search() {
        let root = fresh_container();
        let _h = mount_explore(root.clone());
        settle().await;
        let asia: web_sys::HtmlInputElement = root.query_selector("#f-region-asia").unwrap().unwrap().unchecked_into();
        asia.click();
        settle().await;
        assert_eq!(rows(&root), 30);
        assert!(web_sys::window().unwrap().location().search().unwrap().contains("region=asia"));
        // Counts of the region facet ignore the region selection but follow the text.
        let input: web_sys::HtmlInputElement = root.query_selector("#q").unwrap().unwrap().unchecked_into();
        input.set_value("canada");
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        settle().await;
        assert_eq!(rows(&root), 0);
        let na = root.query_selector("label[for='f-region-north-america']").unwrap().unwrap().text_content().unwrap();
        assert!(na.contains("(6)"), "{na}");
        assert!(root.query_selector(".empty").unwrap().is_some());
    }
}

/// Every language's bundle (`public/i18n/<code>.json`, as the app fetches it) installs in the
/// browser and has real tables, not English stand-ins (a missing string is a compile error in
/// the native build; this catches a table that was never translated).
#[wasm_bindgen_test]
fn every_language_is_translated() {
    use iuc_explorer::i18n::{Lang, EN};
    use iuc_explorer::lang::bundle;
    let files = [
        (Lang::Fr, include_str!("../public/i18n/fr.json")),
        (Lang::Es, include_str!("../public/i18n/es.json")),
        (Lang::De, include_str!("../public/i18n/de.json")),
        (Lang::It, include_str!("../public/i18n/it.json")),
        (Lang::Pt, include_str!("../public/i18n/pt.json")),
    ];
    for (lang, json) in files {
        if !bundle::is_ready(lang) {
            // Until its bundle is installed a language reads as English.
            assert_eq!(lang.strings().nav_explore, EN.nav_explore);
        }
        bundle::install(lang, json).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert!(bundle::is_ready(lang));
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let t = lang.strings();
        assert_ne!(t.nav_explore, EN.nav_explore, "{lang:?} interface");
        assert_ne!(t.search_label, EN.search_label, "{lang:?} interface");
        let w = iuc_explorer::wizard::text::wizard_strings(lang);
        assert_ne!(w.wizard_name, iuc_explorer::wizard::text::WIZARD_EN.wizard_name, "{lang:?} wizard");
        let a = iuc_explorer::about::text::about_strings(lang);
        assert_ne!(a.title, iuc_explorer::about::text::ABOUT_EN.title, "{lang:?} about");
        let s = iuc_explorer::explore::stats::text::stats_strings(lang);
        assert_ne!(s.title, iuc_explorer::explore::stats::text::STATS_EN.title, "{lang:?} stats");
    }
}

/// The take-over's steps over a stand-in pre-rendered page: the app is built hidden beside the
/// page (which is left as it is), `swap` removes the page and shows the app, and `restore`
/// types again into the app's search box what was typed into the page's while the app was being
/// built (an `input` event, as the reader's own typing), with the focus.
#[wasm_bindgen_test]
async fn the_take_over_swaps_the_page_for_the_app_and_carries_late_typing() {
    use iuc_explorer::takeover;
    let doc = document();
    let meta = doc.create_element("meta").unwrap();
    meta.set_attribute("name", takeover::ROUTE_META).unwrap();
    meta.set_attribute("content", "/").unwrap();
    doc.head().unwrap().append_child(&meta).unwrap();
    // First in the body, so that its `#q` comes before any other test's.
    let root = doc.create_element("div").unwrap();
    root.set_inner_html("<p class='page'>Pre-rendered</p><input id='q' value=''>");
    let body = doc.body().unwrap();
    body.insert_before(&root, body.first_child().as_ref()).unwrap();

    takeover::prepare(&doc);
    let app = takeover::hidden_root(&doc, &root).unwrap();
    let typed = RwSignal::new(String::new());
    let _handle = mount_to(app.clone(), move || {
        view! { <input id="q" on:input:target=move |ev| typed.set(ev.target().value()) /> }
    });
    tick().await;
    // Built out of sight; the page is untouched.
    assert!(app.hidden());
    assert_eq!(root.query_selector_all(".page").unwrap().length(), 1);
    // The reader types into the page's box meanwhile.
    let page_box: web_sys::HtmlInputElement = root.query_selector("input").unwrap().unwrap().unchecked_into();
    page_box.focus().unwrap();
    page_box.set_value("malmo");

    let carried = takeover::swap(&doc, &root, &app);
    assert!(!app.hidden());
    assert_eq!(root.children().length(), 1, "only the app is left: {}", root.inner_html());
    takeover::restore(&doc, carried);
    tick().await;
    let app_box: web_sys::HtmlInputElement = app.query_selector("#q").unwrap().unwrap().unchecked_into();
    assert_eq!(app_box.value(), "malmo");
    assert_eq!(typed.get_untracked(), "malmo", "the app saw the typing");
    assert!(doc.active_element().is_some_and(|a| a.is_same_node(Some(&app_box))));

    root.remove();
    meta.remove();
    doc.document_element().unwrap().remove_attribute("data-app").unwrap();
}
