//! The app shell end to end: data on screen, deep links, not-found, a broken data file.

use iuc_e2e::{with_browser, with_server, BrowserOptions, Options};

#[tokio::test]
async fn explore_loads_the_data_and_shows_every_pairing() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        assert_eq!(c.count("table.pairings tbody tr").await, 55);
        let table = c.text("table.pairings").await;
        assert!(table.contains("Agii Anargiri-Kamatero") && table.contains("Zhengzhou"), "{table}");
        assert!(table.contains("Austin, Texas"), "{table}");
        // Landmarks and navigation state.
        assert_eq!(c.count("header").await, 1);
        assert_eq!(c.count("nav a[aria-current='page']").await, 1);
        assert!(c.text("nav a[aria-current='page']").await.contains("Explore"));
        assert!(c.text("footer").await.contains("GeoNames"));
        c.screenshot("explore").await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn about_is_reachable_by_deep_link() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/about").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert!(c.text("main h1").await.contains("About"), "{}", c.text("main").await);
        assert!(c.text("nav a[aria-current='page']").await.contains("About"));
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn an_unknown_path_shows_not_found_with_a_way_back() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/no/such/page").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert_eq!(c.text("main h1").await, "Page not found");
        assert_eq!(c.count("main a[href='/']").await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_broken_data_file_gives_a_readable_error_not_a_blank_page() {
    let server = Options::new(iuc_e2e::dist_dir());
    with_server(server, BrowserOptions::default(), |c| async move {
        c.server.set_override(
            "/data/pairings.json",
            "application/json",
            b"{\"schema_version\": 1, \"pairings\": [".to_vec(),
        );
        c.open("/").await;
        c.wait_js("return !!document.querySelector('.notice');", 20).await;
        let notice = c.text(".notice").await;
        assert!(notice.contains("not valid JSON"), "{notice}");
        assert!(c.text("main h1").await.contains("Explore"));
    })
    .await;
}

#[tokio::test]
async fn a_missing_data_file_says_which_file_and_status() {
    let server = Options::new(iuc_e2e::dist_dir());
    with_server(server, BrowserOptions::default(), |c| async move {
        c.server.set_override_status("/data/pairings.json", 404, "text/plain", b"Not found".to_vec());
        c.open("/").await;
        c.wait_js("return !!document.querySelector('.notice');", 20).await;
        let notice = c.text(".notice").await;
        assert!(notice.contains("data/pairings.json") && notice.contains("HTTP 404"), "{notice}");
    })
    .await;
}
