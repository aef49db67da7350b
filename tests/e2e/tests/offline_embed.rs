//! Offline once loaded (service worker), the update prompt, and embedding on another origin.

use iuc_e2e::{with_browser, with_server, BrowserOptions, Options, Server};
use serde_json::json;

#[tokio::test]
async fn after_one_visit_everything_works_offline_and_a_new_build_prompts_a_reload() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        // The worker installs, precaches the build and takes control.
        c.wait_js("return !!navigator.serviceWorker.controller;", 30).await;
        let cached = c
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; caches.keys().then(async ks => { \
                   const c = await caches.open(ks[0]); const reqs = await c.keys(); \
                   done({caches: ks, urls: reqs.map(r => new URL(r.url).pathname)}); });",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(cached["caches"].as_array().map(Vec::len), Some(1), "{cached}");
        let urls = cached["urls"].to_string();
        for want in ["/index.html", "/data/pairings.json", "/data/world.json", "_bg.wasm", "/boot.js"] {
            assert!(urls.contains(want), "{want} not precached: {urls}");
        }

        // The server goes away.
        c.server.set_offline(true);
        c.client.refresh().await.unwrap();
        c.wait_for_rows().await;
        assert_eq!(c.count("table.pairings tbody tr").await, 55);
        c.wait_js("return document.querySelectorAll('.map-marker').length > 0 && !!document.querySelector('.map-country');", 10).await;
        let input = c.find("#q").await;
        input.click().await.unwrap();
        input.send_keys("canada").await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 6;", 5).await;
        // Deep links are served from the cache too.
        c.open("/pairing/rome--yantai").await;
        c.wait_js("return !!document.querySelector('.detail h2');", 10).await;
        assert!(c.text(".detail h2").await.contains("Yantai"));
        c.open("/eligibility").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert!(!c.text("main h1").await.is_empty());
        c.open("/about").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert!(c.text("main h1").await.contains("About"));

        // Back online with a rebuilt version: the page offers a reload and then runs it.
        c.server.set_offline(false);
        let sw = std::fs::read(iuc_e2e::dist_dir().join("sw.js")).unwrap();
        let mut rebuilt = b"self.IUC_BUILD = { version: \"rebuilt0000000000\", files: [\"./\", \"index.html\"] };\n".to_vec();
        rebuilt.extend(sw.splitn(2, |&b| b == b'\n').nth(1).unwrap_or_default());
        c.server.set_override("/sw.js", "text/javascript", rebuilt);
        c.open("/").await;
        c.wait_for_rows().await;
        c.js("navigator.serviceWorker.getRegistration().then(r => r && r.update()); return true;").await;
        c.wait_js("return !!document.querySelector('.update-prompt button');", 30).await;
        assert!(c.text(".update-prompt").await.contains("new version"));
        c.find(".update-prompt button").await.click().await.unwrap();
        c.wait_js(
            "return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL.endsWith('/sw.js') \
             && !document.querySelector('.update-prompt button') && document.querySelectorAll('table.pairings tbody tr').length === 55;",
            30,
        )
        .await;
        let keys = c
            .client
            .execute_async("const done = arguments[arguments.length - 1]; caches.keys().then(done);", vec![])
            .await
            .unwrap();
        assert_eq!(keys, json!(["iuc-rebuilt0000000000"]), "old caches are deleted on activate");
    })
    .await;
}

#[tokio::test]
async fn a_partner_page_on_another_origin_embeds_a_preset_view_that_resizes_itself() {
    let dir = std::env::temp_dir().join(format!("iuc-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let app = Server::start(Options::new(iuc_e2e::dist_dir())).unwrap();
    let host_html = format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Partner</title></head><body>\
         <h1>Our city's partners</h1>\
         <iframe id=f src=\"{o}/?embed=1&embed_id=ours&pcountry=CA&view=table\" title=\"IUC city pairings\" width=\"100%\" height=\"150\" \
           sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" data-iuc-embed></iframe>\
         <script src=\"{o}/embed.js\"></script></body></html>",
        o = app.origin()
    );
    std::fs::write(dir.join("index.html"), host_html).unwrap();
    let mut host = Options::new(&dir);
    host.security_headers = false;
    let app = std::sync::Arc::new(app);
    let app2 = app.clone();
    with_server(host, BrowserOptions::default(), |c| async move {
        c.client.goto(&c.url("/")).await.unwrap();
        // embed.js sets the iframe's height from the app's message.
        c.wait_js("const f = document.getElementById('f'); return parseInt(f.style.height || '0') > 300;", 30).await;
        let h = c.js("return parseInt(document.getElementById('f').style.height)").await.as_i64().unwrap();
        c.client.enter_frame(0).await.unwrap();
        c.wait_for_rows().await;
        assert_eq!(c.count("table.pairings tbody tr").await, 6, "only the preset's pairings");
        assert_eq!(c.count(".site-header").await, 0, "chromeless");
        assert_eq!(c.count(".map-pane").await, 0, "view=table");
        assert!(c.text(".embed-footer").await.contains("Open the full"));
        let content = c.js("return document.documentElement.scrollHeight").await.as_i64().unwrap();
        assert!((h - content).abs() <= 2, "iframe {h}px, content {content}px");
        // Links inside the embed stay embedded.
        c.find("a.row-link").await.click().await.unwrap();
        c.wait_js("return location.pathname.startsWith('/pairing/') && location.search.includes('embed=1');", 5).await;
        c.client.enter_parent_frame().await.unwrap();
        assert!(app2.requests().iter().any(|r| r.contains("/data/pairings.json")));
    })
    .await;
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
