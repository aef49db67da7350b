//! Privacy and the strict CSP: using the app stores nothing in the browser and talks to no other
//! origin; the built page has no inline script or style for the CSP to refuse.

use iuc_e2e::{with_browser, BrowserOptions};
use serde_json::json;

#[tokio::test]
async fn using_explore_stores_nothing_and_talks_only_to_its_own_origin() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        // Search, filter, sort, switch views, open and close a detail, go to the other pages.
        let input = c.find("#q").await;
        input.click().await.expect("focus");
        input.send_keys("smart").await.expect("type");
        c.wait_js("return document.querySelector('#result-count').innerText.startsWith('2') || document.querySelectorAll('table.pairings tbody tr').length < 55;", 5).await;
        c.find("#f-region-asia").await.click().await.expect("facet");
        c.find("table.pairings thead th:nth-child(2) button").await.click().await.expect("sort");
        c.find(".view-switch button:nth-child(2)").await.click().await.expect("map only");
        c.find(".view-switch button:nth-child(1)").await.click().await.expect("both");
        c.js("document.querySelector('a.row-link').click(); return true;").await;
        c.wait_js("return !!document.querySelector('.detail h2');", 5).await;
        c.find(".detail .close").await.click().await.expect("close");
        c.js("document.querySelector('nav a[href=\"/about\"]').click(); return true;").await;
        c.wait_js("return location.pathname === '/about' && !!document.querySelector('main h1');", 10).await;
        c.js("document.querySelector('nav a[href=\"/eligibility\"]').click(); return true;").await;
        c.wait_js("return location.pathname === '/eligibility' && !!document.querySelector('main h1');", 10).await;

        let stored = c
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const dbs = indexedDB.databases ? indexedDB.databases() : Promise.resolve([]);
                 dbs.then(d => done({ local: localStorage.length, session: sessionStorage.length,
                                      cookie: document.cookie, indexeddb: d.length }));",
                vec![],
            )
            .await
            .expect("storage");
        assert_eq!(stored, json!({ "local": 0, "session": 0, "cookie": "", "indexeddb": 0 }));
        // Console errors and CSP reports, requests to other origins, cookies.
        c.assert_clean().await;
        // Only reads: no beacon, form post or upload reaches the server either.
        let writes: Vec<String> = c.server.requests().into_iter().filter(|r| !r.starts_with("GET /")).collect();
        assert!(writes.is_empty(), "requests other than GET: {writes:?}");
    })
    .await;
}

#[test]
fn the_built_page_has_no_inline_script_or_style() {
    let path = iuc_e2e::dist_dir().join("index.html");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lower = html.to_ascii_lowercase();
    // Every <script> loads a file.
    let mut scripts = 0;
    for (at, _) in lower.match_indices("<script") {
        let tag_end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        let tag = &lower[at..tag_end];
        assert!(tag.contains(" src="), "inline <script> in {}: {}", path.display(), &html[at..tag_end + 1]);
        let close = lower[tag_end..].find("</script>").map_or(0, |e| e);
        assert_eq!(lower[tag_end + 1..tag_end + close].trim(), "", "a <script src> with content");
        scripts += 1;
    }
    assert!(scripts >= 1, "the page loads its script");
    assert!(!lower.contains("<style"), "a <style> element in {}", path.display());
    // No style attribute and no inline event handler on any element.
    for (at, _) in lower.match_indices('<') {
        let tag_end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        let tag = &lower[at..tag_end];
        if tag.starts_with("<!--") {
            continue;
        }
        for attr in tag.split(|c: char| c.is_whitespace()).skip(1) {
            let name = attr.split('=').next().unwrap_or("");
            assert!(name != "style", "a style attribute: {}", &html[at..=tag_end.min(html.len() - 1)]);
            assert!(!(name.starts_with("on") && attr.contains('=')), "an inline handler: {}", &html[at..tag_end]);
        }
    }
    assert!(!lower.contains("javascript:"), "a javascript: URL in {}", path.display());
}
