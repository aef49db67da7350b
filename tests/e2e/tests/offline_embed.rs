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
        for want in ["/index.html", "/data/pairings.json", "_bg.wasm", "/boot.js"] {
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
        // Precached pre-rendered pages answer their own addresses; a pairing's page that was never
        // visited is index.html, which the app turned into the pairing (above).
        assert_eq!(c.js("return document.querySelector('meta[name=\"iuc-prerendered\"]').content;").await, json!("/about"));
        // From a page without the map, Explore has its basemap (taken from the cached index.html).
        c.find("nav a[href='/']").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('.map-country').length > 100 && document.querySelectorAll('table.pairings tbody tr').length === 55;", 10).await;

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

/// A server that sends `Cache-Control: no-store`, so the browser's HTTP cache cannot hide a file
/// downloaded twice.
fn no_store() -> Options {
    let mut opts = Options::new(iuc_e2e::dist_dir());
    opts.no_store = true;
    opts
}

/// A first visit to `path`: the page shows its rows, then the worker installs (precaching the
/// build) once the page is idle, and takes control.
async fn first_visit(c: &iuc_e2e::Ctx, path: &str) {
    c.open(path).await;
    c.wait_for_rows().await;
    c.wait_js("return !!navigator.serviceWorker.controller;", 60).await;
}

/// What a first visit downloads, with the service worker allowed: the page's own first load,
/// then the worker's precache. The server sends `Cache-Control: no-store`, so the browser's HTTP
/// cache cannot hide a file downloaded twice: only the hand-over (the page puts what it fetched
/// into a cache the worker's install reads) keeps the WASM and the data to one download.
#[tokio::test]
async fn a_first_visit_downloads_each_file_once_precache_included() {
    with_server(no_store(), BrowserOptions::default(), |c| async move {
        first_visit(&c, "/").await;
        let caches = c
            .client
            .execute_async("const done = arguments[arguments.length - 1]; caches.keys().then(done);", vec![])
            .await
            .unwrap();
        let caches: Vec<String> = serde_json::from_value(caches).unwrap();
        assert!(caches.len() == 1 && caches[0].starts_with("iuc-") && caches[0] != "iuc-handoff", "{caches:?}");

        let mut fetched: std::collections::BTreeMap<String, usize> = Default::default();
        for r in c.server.requests() {
            let path = r.strip_prefix("GET ").unwrap_or(&r).split('?').next().unwrap_or("").to_string();
            *fetched.entry(path).or_default() += 1;
        }
        // The WASM and the data, which the page fetches itself, are handed over: one download each.
        for want in ["_bg.wasm", "/data/pairings.json"] {
            let n: usize = fetched.iter().filter(|(p, _)| p.ends_with(want)).map(|(_, n)| n).sum();
            assert_eq!(n, 1, "{want} downloaded {n} times: {fetched:?}");
        }
        // The basemap is in the page (and in index.html for the other pages): its file is not needed.
        assert_eq!(fetched.get("/data/world.json"), None, "{fetched:?}");
        // The rest of the build is precached too, once.
        for want in ["/data/eligibility.json", "/index.html", "/embed.js"] {
            assert_eq!(fetched.get(want), Some(&1), "{want}: {fetched:?}");
        }
        // But for the languages the page was not shown in (kept once used: see below).
        let strings: Vec<_> = fetched.keys().filter(|p| p.starts_with("/i18n/")).collect();
        assert!(strings.is_empty(), "a visit in English downloaded {strings:?}");

        // In bytes (brotli, as a host would send them): the whole visit against the first load.
        let rows = xtask::sizes::measure(&iuc_e2e::dist_dir()).expect("sizes");
        let size = |path: &str| {
            let rel = path.trim_start_matches('/');
            let rel = if rel.is_empty() { "index.html" } else { rel };
            rows.iter().find(|f| f.path == rel).map_or(0, |f| f.brotli)
        };
        // What the page loads through its HTML (styles, scripts, icon, manifest) it cannot hand
        // over; a host's cache headers let the worker take the hashed ones from the HTTP cache,
        // and here, with no-store, they are downloaded again. They must stay small. So is the
        // page itself (the pre-rendered index.html: a document cannot be handed over; with its
        // `no-cache` header a host's revalidation makes it cheap): it counts in the ratio below.
        let again: Vec<_> = fetched
            .iter()
            .filter(|(p, n)| **n > 1 && !matches!(p.as_str(), "/" | "/index.html"))
            .map(|(p, n)| (p, n, size(p)))
            .collect();
        let again_bytes: usize = again.iter().map(|(_, n, b)| (**n - 1) * b).sum();
        assert!(again_bytes <= 30_000, "{again_bytes} bytes downloaded again: {again:?}");
        let visit: usize = fetched.iter().map(|(p, n)| n * size(p)).sum();
        let first: usize = rows.iter().filter(|f| xtask::sizes::is_first_load(&f.path)).map(|f| f.brotli).sum();
        let ratio = visit as f64 / first as f64;
        eprintln!("first visit, precache included: {visit} bytes brotli = {ratio:.2} × the first load ({first})");
        let _ = std::fs::write(
            iuc_e2e::artefacts_dir().join("perf-first-visit.json"),
            json!({ "visit_brotli": visit, "first_load_brotli": first, "ratio": ratio, "downloaded_again_brotli": again_bytes, "requests": fetched }).to_string(),
        );
        assert!(ratio <= 1.5, "a first visit downloads {ratio:.2} × the first load ({visit} of {first} bytes)");
        c.assert_clean().await;
    })
    .await;
}

/// A partner's colour: `accent=` is used where it meets WCAG AA (4.5:1 as text on the page's
/// light backgrounds) and refused otherwise, with the reason in the console.
#[tokio::test]
async fn an_embed_takes_a_readable_accent_and_refuses_a_faint_one() {
    with_browser(BrowserOptions::default(), |c| async move {
        let pressed = "return getComputedStyle(document.querySelector('.view-switch [aria-selected=\"true\"]')).backgroundColor;";
        c.open("/?embed=1&pcountry=CA&accent=5b2a86").await;
        c.wait_for_rows().await;
        assert_eq!(c.js(pressed).await, json!("rgb(91, 42, 134)"), "the partner's colour is applied");
        assert_eq!(c.js("return getComputedStyle(document.querySelector('.view-switch [aria-selected=\"true\"]')).color;").await, json!("rgb(255, 255, 255)"));
        // Set by CSSOM, not a style attribute (the strict CSP forbids those), and kept by links.
        assert_eq!(c.js("return document.documentElement.getAttribute('style') !== null && document.querySelectorAll('[style]').length <= 1;").await, json!(true));
        let href = c.js("return document.querySelector('a.row-link').getAttribute('href');").await;
        assert!(href.as_str().unwrap_or("").contains("accent=5b2a86"), "{href}");
        c.assert_clean().await;

        // Yellow on white is 1.51:1: refused, the default kept, and the console says why.
        c.open("/?embed=1&accent=ffcc00").await;
        c.wait_for_rows().await;
        assert_eq!(c.js(pressed).await, json!("rgb(0, 51, 153)"), "the default accent");
        let said = c.console().await.into_iter().any(|(_, m)| m.contains("accent #ffcc00 is not used") && m.contains("4.5:1"));
        assert!(said, "the console explains the refusal");
        let href = c.js("return document.querySelector('a.row-link').getAttribute('href');").await;
        assert!(!href.as_str().unwrap_or("").contains("accent"), "a refused colour is not carried on: {href}");
        c.assert_clean().await;
    })
    .await;
}

/// An embed (800×700, Canada's pairings) shows content first: the search box, a "Filters (n)"
/// button whose panel opens in the page's flow (not modal), and the map in the first screen;
/// `title=0` leaves the title to screen readers.
#[tokio::test]
async fn an_embed_puts_the_search_and_the_map_first_with_the_filters_behind_a_button() {
    let opts = BrowserOptions { width: 800, height: 700, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/?embed=1&pcountry=CA&view=both").await;
        c.wait_for_rows().await;
        assert_eq!(c.js("return getComputedStyle(document.getElementById('filters')).display;").await, json!("none"));
        assert_eq!(c.text("#filters-toggle").await, "Filters (1)");
        let (map_top, map_bottom) = c.span_of(".map-frame svg").await;
        assert!(map_top < 700.0 - 150.0, "the map starts at {map_top}, within the frame's first screen");
        c.screenshot("embed-800-compact").await;

        // The panel opens in the flow: nothing is made inert, the frame's page grows.
        let height0 = c.js("return document.documentElement.scrollHeight;").await.as_f64().unwrap_or(0.0);
        c.find("#filters-toggle").await.click().await.unwrap();
        c.wait_js("return document.activeElement && document.activeElement.id === 'filters-title';", 5).await;
        let panel = c.js("const f = document.getElementById('filters'); return [getComputedStyle(f).position, document.querySelector('.results').inert, \
                          document.getElementById('filters-toggle').getAttribute('aria-expanded'), document.body.classList.contains('sheet-open')];").await;
        assert_eq!(panel, json!(["static", false, "true", false]), "a panel in the flow, not a modal sheet");
        let height1 = c.js("return document.documentElement.scrollHeight;").await.as_f64().unwrap_or(0.0);
        assert!(height1 > height0, "the page grows with the panel ({height0} → {height1})");
        iuc_e2e::axe::assert_no_violations(&c, "embed filters open").await;
        c.screenshot("embed-800-filters-open").await;
        c.find("label[for='f-pcountry-CA']").await.click().await.unwrap();
        c.wait_js("return document.querySelector('.filters-done button').innerText.includes('Show 55 pairings');", 5).await;
        c.find("label[for='f-pcountry-CA']").await.click().await.unwrap();
        c.wait_js("return document.querySelector('.filters-done button').innerText.includes('Show 6 pairings');", 5).await;
        c.find(".filters-done button").await.click().await.unwrap();
        c.wait_js("return document.activeElement && document.activeElement.id === 'filters-toggle' && getComputedStyle(document.getElementById('filters')).display === 'none';", 5).await;

        // title=0: the heading stays for screen readers, out of sight; the map comes up.
        c.open("/?embed=1&pcountry=CA&view=both&title=0").await;
        c.wait_for_rows().await;
        let h1 = c.js("const h = document.querySelector('h1'); const r = h.getBoundingClientRect(); return [h.textContent, r.width <= 1 && r.height <= 1];").await;
        assert_eq!(h1, json!(["Explore the city pairings", true]));
        let (top_without, _) = c.span_of(".map-frame svg").await;
        assert!(top_without < map_top - 50.0, "without the title the map moves up ({map_top} → {top_without}), bottom was {map_bottom}");
        // Links keep it, so a pairing's page opened inside the embed has no title either.
        let href = c.js("return document.querySelector('a.row-link').getAttribute('href');").await;
        assert!(href.as_str().unwrap_or("").contains("title=0"), "{href}");
        iuc_e2e::axe::assert_no_violations(&c, "embed without title").await;
        c.screenshot("embed-800-no-title").await;
        c.assert_clean().await;
    })
    .await;
}

/// "Embed this view": the options (title, map view, accent) write the code and the live preview;
/// a faint accent is refused in the dialog, with the reason; all by keyboard.
#[tokio::test]
async fn the_embed_dialog_offers_options_with_a_live_preview_and_refuses_a_faint_accent() {
    let opts = BrowserOptions { width: 1280, height: 900, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/?pcountry=CA&map=100,50,3").await;
        c.wait_for_rows().await;
        let snippet = "return document.getElementById('embed-snippet').value;";
        let src_in = |s: &serde_json::Value| {
            let s = s.as_str().unwrap_or("");
            let start = s.find("src=\"").map(|i| i + 5).unwrap_or(0);
            s[start..].split('"').next().unwrap_or("").replace("&amp;", "&")
        };
        // The dialog's content is a chunk of its own, fetched when it is first opened.
        let embed_chunk = |c: &iuc_e2e::Ctx| c.server.requests().into_iter().filter(|r| r.contains("/split_embed_body-")).count();
        assert_eq!(embed_chunk(&c), 0, "fetched before the dialog was opened");
        c.find(".actions-menu > summary").await.click().await.unwrap();
        c.find(".embed-dialog").await;
        c.js("[...document.querySelectorAll('.actions-menu button')].find(b => b.getAttribute('aria-haspopup') === 'dialog').click(); return true;").await;
        c.wait_js("return document.querySelector('.embed-dialog').open;", 5).await;
        // Focus on its first option once it is there, as a dialog opened with its content.
        c.wait_js("return document.activeElement && document.activeElement.id === 'embed-opt-title';", 10).await;
        assert_eq!(embed_chunk(&c), 1);
        let src = src_in(&c.js(snippet).await);
        assert!(src.ends_with("/?pcountry=CA&map=100,50,3&embed=1&embed_id=iuc-pairings"), "{src}");
        // The preview is the embed itself.
        c.wait_js("const f = document.querySelector('.embed-preview'); return f && f.contentDocument && f.contentDocument.querySelectorAll('table.pairings tbody tr').length === 6;", 20).await;
        assert_eq!(c.js("return document.querySelector('.embed-preview').getAttribute('src');").await, json!(src));
        iuc_e2e::axe::assert_no_violations(&c, "embed dialog").await;

        // Options, by keyboard: no title, the map fits instead of the hand-moved view.
        c.js("document.getElementById('embed-opt-title').focus(); return true;").await;
        c.keys(" ").await;
        c.js("document.getElementById('embed-opt-map').focus(); return true;").await;
        c.keys(" ").await;
        let src = src_in(&c.js(snippet).await);
        assert!(src.ends_with("/?pcountry=CA&embed=1&embed_id=iuc-pairings&title=0"), "{src}");

        // A faint accent is refused, and says why; the code does not carry it.
        c.js("document.getElementById('embed-opt-accent').focus(); return true;").await;
        c.keys("ffcc00").await;
        c.wait_js("return document.getElementById('embed-accent-status').textContent.includes('not used');", 5).await;
        let status = c.text("#embed-accent-status").await;
        assert!(status.contains("#ffcc00") && status.contains("1.51:1") && status.contains("4.5:1"), "{status}");
        assert_eq!(c.js("return document.getElementById('embed-opt-accent').getAttribute('aria-invalid');").await, json!("true"));
        assert!(!src_in(&c.js(snippet).await).contains("accent"));
        c.screenshot("embed-dialog-refused").await;
        // A dark one is used, in the code and the preview.
        c.js("const a = document.getElementById('embed-opt-accent'); a.select(); return true;").await;
        c.keys("#5b2a86").await;
        c.wait_js("return document.getElementById('embed-accent-status').textContent === '#5b2a86 is used.';", 5).await;
        let src = src_in(&c.js(snippet).await);
        assert!(src.ends_with("&title=0&accent=5b2a86"), "{src}");
        c.wait_js(&format!("return document.querySelector('.embed-preview').getAttribute('src') === {:?};", src), 5).await;
        c.wait_js("const f = document.querySelector('.embed-preview'); const d = f && f.contentDocument; \
                   return !!d && d.readyState === 'complete' && !!d.querySelector('table.pairings tbody tr') && !!d.querySelector('h1') && \
                   d.querySelector('h1').getBoundingClientRect().height <= 1 && \
                   d.defaultView.getComputedStyle(d.querySelector('.view-switch [aria-selected=\"true\"]')).backgroundColor === 'rgb(91, 42, 134)';", 20).await;
        iuc_e2e::axe::assert_no_violations(&c, "embed dialog with options").await;
        c.screenshot("embed-dialog").await;
        // Escape closes it; the preview is unloaded.
        c.keys(&fantoccini::key::Key::Escape.to_string()).await;
        c.wait_js("return !document.querySelector('.embed-dialog').open && !document.querySelector('.embed-preview');", 5).await;
        c.assert_clean().await;
    })
    .await;
}

/// The WASM chunks of the lazily loaded routes (the wizard, About), as built.
fn route_chunks() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(iuc_e2e::dist_dir())
        .expect("dist")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("split_") && n.ends_with(".wasm"))
        .collect();
    names.sort();
    names
}

/// The wizard's, About's, the statistics' and the embed dialog's code are WASM chunks of their
/// own: Explore's page does not fetch them; a chunk is fetched when its route or part is first
/// shown, once (the service worker has precached it by then); and after one visit it loads
/// offline.
#[tokio::test]
async fn a_routes_code_is_fetched_when_the_route_is_first_used() {
    let chunks = route_chunks();
    let wizard = chunks.iter().find(|n| n.starts_with("split_wizard")).cloned().expect("a wizard chunk");
    let about = chunks.iter().find(|n| n.starts_with("split_about")).cloned().expect("an about chunk");
    let stats = chunks.iter().find(|n| n.starts_with("split_stats_body")).cloned().expect("a statistics chunk");
    let embed = chunks.iter().find(|n| n.starts_with("split_embed_body")).cloned().expect("an embed dialog chunk");
    let all = [wizard.clone(), about.clone(), stats.clone(), embed];
    with_browser(BrowserOptions::default(), |c| async move {
        let page_wasm = "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.slice(1)).filter(p => p.endsWith('.wasm'));";
        c.open("/").await;
        c.wait_for_rows().await;
        let fetched = c.js(page_wasm).await;
        let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
        assert!(fetched.len() == 1 && fetched[0].ends_with("_bg.wasm"), "Explore fetched only the main module: {fetched:?}");
        // The worker precaches the chunks when the page is idle (not the page itself).
        c.wait_js("return !!navigator.serviceWorker.controller;", 60).await;
        let cached = c
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; caches.keys().then(async ks => { \
                   const c = await caches.open(ks.find(k => k !== 'iuc-handoff')); \
                   done((await c.keys()).map(r => new URL(r.url).pathname.slice(1))); });",
                vec![],
            )
            .await
            .unwrap();
        let cached = cached.to_string();
        for chunk in &all {
            assert!(cached.contains(chunk.as_str()), "{chunk} is not precached: {cached}");
        }
        let fetched: Vec<String> = serde_json::from_value(c.js(page_wasm).await).unwrap();
        assert_eq!(fetched.len(), 1, "the page still has not fetched a chunk: {fetched:?}");

        // A part of Explore: the statistics' chunk when the panel is first opened.
        c.find("#stats-title button").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('#stats-body .charts ul li').length > 0;", 20).await;
        let fetched: Vec<String> = serde_json::from_value(c.js(page_wasm).await).unwrap();
        assert!(fetched.contains(&stats) && !fetched.contains(&wizard), "{fetched:?}");

        // The wizard, from the navigation: its chunk (and only its) is loaded now.
        c.find(".site-header a[href='/eligibility']").await.click().await.unwrap();
        c.wait_js("return location.pathname === '/eligibility' && !!document.querySelector('main h1') && document.querySelector('main h1').innerText.includes('join');", 20).await;
        let fetched: Vec<String> = serde_json::from_value(c.js(page_wasm).await).unwrap();
        assert!(fetched.contains(&wizard) && !fetched.contains(&about), "{fetched:?}");

        // Offline, in a new page: About's chunk comes from the cache.
        c.server.set_offline(true);
        c.open("/").await;
        c.wait_for_rows().await;
        c.find(".site-header a[href='/about']").await.click().await.unwrap();
        c.wait_js("return location.pathname === '/about' && !!document.querySelector('main h1') && document.querySelector('main h1').innerText.includes('About');", 20).await;
        let fetched: Vec<String> = serde_json::from_value(c.js(page_wasm).await).unwrap();
        assert!(fetched.contains(&about), "{fetched:?}");
        c.server.set_offline(false);

        // Each chunk crossed the network once: the worker's precache.
        let requests = c.server.requests();
        for chunk in &all {
            let n = requests.iter().filter(|r| r.ends_with(&format!("/{chunk}"))).count();
            assert_eq!(n, 1, "{chunk} requested {n} times: {requests:?}");
        }
        c.assert_clean().await;
    })
    .await;
}

/// A chunk that cannot be fetched (offline before the worker cached it, a host that lost the
/// file) does not end the app: the route or part says so, Explore goes on working, and "Try
/// again" fetches the chunk afresh and shows it, with focus where the reader can carry on.
#[tokio::test]
async fn a_chunk_that_cannot_be_fetched_says_so_and_can_be_tried_again() {
    let chunks = route_chunks();
    let about = chunks.iter().find(|n| n.starts_with("split_about")).cloned().expect("an about chunk");
    let stats = chunks.iter().find(|n| n.starts_with("split_stats_body")).cloned().expect("a statistics chunk");
    let embed = chunks.iter().find(|n| n.starts_with("split_embed_body")).cloned().expect("an embed dialog chunk");
    with_browser(BrowserOptions::default(), |c| async move {
        // The host fails these files (and there is no worker, which would fail to precache them).
        let fail = |chunks: &[&String]| {
            c.server.clear_overrides();
            c.server.set_override("/sw.js", "text/javascript", b"// no service worker in this test\n".to_vec());
            for chunk in chunks {
                c.server.set_override_status(&format!("/{chunk}"), 503, "text/plain", b"Service unavailable".to_vec());
            }
        };
        fail(&[&about, &stats]);
        c.open("/").await;
        c.wait_for_rows().await;

        // A part of Explore: the statistics panel.
        c.find("#stats-title button").await.click().await.unwrap();
        c.wait_js("return !!document.querySelector('#stats-body .load-failed[role=alert] button');", 20).await;
        let said = c.text("#stats-body .load-failed").await;
        assert!(said.contains("could not be loaded") && said.contains("Try again"), "{said}");
        assert_eq!(c.count(".fatal-error").await, 0, "the app stopped");
        // The rest of Explore still answers.
        c.find("#q").await.send_keys("malmo").await.unwrap();
        c.wait_js("return document.querySelectorAll('#pairings-table tbody tr').length === 1;", 10).await;
        // The host answers again: "Try again" shows the charts, and focus goes back to the
        // panel's button (the one pressed has gone).
        fail(&[&about]);
        c.find("#stats-body .load-failed button").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('#stats-body .charts ul li').length > 0;", 20).await;
        c.wait_js("return document.activeElement === document.querySelector('#stats-title button');", 10).await;

        // A dialog: "Embed this view", whose content is a chunk. Focus is on "Try again", and the
        // dialog can still be closed with a button (its content's own Close is not there).
        fail(&[&about, &embed]);
        c.find(".actions-menu > summary").await.click().await.unwrap();
        c.js("[...document.querySelectorAll('.actions-menu button')].find(b => b.getAttribute('aria-haspopup') === 'dialog').click(); return true;").await;
        c.wait_js("const b = document.querySelector('.embed-dialog .load-failed button'); return !!b && document.activeElement === b;", 20).await;
        c.find(".embed-dialog > .dialog-actions button").await.click().await.unwrap();
        c.wait_js("return !document.querySelector('.embed-dialog').open;", 5).await;
        assert_eq!(c.count(".fatal-error").await, 0, "the app stopped");
        fail(&[&about]);

        // A route: About, from the header. The reader waited on it: focus is on "Try again".
        c.find(".site-header a[href='/about']").await.click().await.unwrap();
        c.wait_js("return location.pathname === '/about' && !!document.querySelector('main .load-failed[role=alert]');", 20).await;
        let on_button = "const b = document.querySelector('main .load-failed button'); return !!b && document.activeElement === b && b.textContent.trim() === 'Try again';";
        c.wait_js(on_button, 5).await;
        // Still failing: Enter tries again, and the message and the focus come back.
        c.keys("\u{E007}").await;
        let asked = || c.server.requests().iter().filter(|r| r.ends_with(&format!("/{about}"))).count();
        for _ in 0..100 {
            if asked() >= 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(asked(), 2, "About's chunk asked for again");
        c.wait_js(on_button, 20).await;
        assert_eq!(c.count(".fatal-error").await, 0, "the app stopped");
        // The host answers again: Enter shows About, with focus on its heading.
        fail(&[]);
        c.keys("\u{E007}").await;
        c.wait_js("const h = document.querySelector('main h1'); return !!h && h.innerText.includes('About') && document.activeElement === h;", 20).await;
        assert_eq!(c.count(".load-failed").await, 0);
        assert_eq!(c.count(".fatal-error").await, 0);
    })
    .await;
}

/// A visit in another language downloads its strings once (the page hands them to the worker)
/// and not the other four; offline, the page comes back in that language, and a language never
/// used is refused with a message, the page staying as it was. Once online, it is kept too.
#[tokio::test]
async fn a_visit_in_one_language_keeps_that_language_offline_and_no_other() {
    with_server(no_store(), BrowserOptions::default(), |c| async move {
        first_visit(&c, "/?lang=fr").await;
        let strings: Vec<String> = c.server.requests().into_iter().filter(|r| r.contains("/i18n/")).collect();
        assert_eq!(strings.len(), 1, "{strings:?}");
        assert!(strings[0].contains("/i18n/fr.json"), "{strings:?}");

        // Offline, the page comes back in `lang`.
        let reload_offline_in = |lang: &'static str| {
            let c = &c;
            async move {
                c.server.set_offline(true);
                c.client.refresh().await.unwrap();
                let ready = format!(
                    "return document.documentElement.dataset.app === 'ready' && document.documentElement.lang === '{lang}';"
                );
                c.wait_js(&ready, 30).await;
                c.wait_for_rows().await;
            }
        };
        reload_offline_in("fr").await;
        // German was never used: the switch says so and the page stays in French.
        let choose_german = "const s = document.getElementById('language'); s.value = 'de'; \
                             s.dispatchEvent(new Event('change')); return true;";
        c.js(choose_german).await;
        c.wait_js("return document.getElementById('language-status').innerText.length > 0;", 10).await;
        assert_eq!(c.js("return document.documentElement.lang;").await, json!("fr"));
        assert_eq!(c.js("return document.getElementById('language').value;").await, json!("fr"));

        // Online, German is fetched once and kept: offline again, it is there.
        c.server.set_offline(false);
        c.js(choose_german).await;
        c.wait_js("return document.documentElement.lang === 'de';", 10).await;
        reload_offline_in("de").await;
    })
    .await;
}
