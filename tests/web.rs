//! Browser tests (wasm-bindgen-test in headless Chromium): mount components into a fresh
//! element and assert on the DOM after each interaction.
#![cfg(target_arch = "wasm32")]

use iuc_explorer::app::DataProblems;
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
