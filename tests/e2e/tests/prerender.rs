//! Pre-rendered pages (src/prerender.rs) and the app's take-over (src/takeover.rs): the build
//! writes every route's page; it reads without JavaScript; the app takes it over without a
//! layout shift, keeping what the reader typed, the focus and the scroll position; an address
//! that asks for other content never shows the unfiltered English page first; a data file edited
//! in place wins over the pages; deep links work offline.

use iuc_e2e::bench::cdp;
use iuc_e2e::{with_browser, BrowserOptions, Ctx};
use serde_json::json;
use std::time::Duration;

/// Records whether the page was hidden by public/pre.js, and what it said, when the first frame
/// was drawn (installed with the layout-shift probe: see [`watch`]).
const FIRST_FRAME: &str = "requestAnimationFrame(() => { window.__firstFrame = { pending: document.documentElement.classList.contains('iuc-pending'), \
  says: getComputedStyle(document.documentElement, '::after').content, \
  rows: document.querySelectorAll('table.pairings tbody tr').length, app: document.documentElement.dataset.app || null }; });";

/// From now on, every navigation's layout shift (from its start) and its first frame.
async fn watch(c: &Ctx) {
    c.watch_layout_shifts().await;
    cdp(c, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": FIRST_FRAME })).await.expect("first-frame probe");
}

fn dist_file(rel: &str) -> String {
    std::fs::read_to_string(iuc_e2e::dist_dir().join(rel)).unwrap_or_else(|e| panic!("dist/{rel}: {e}"))
}

/// The `content` of `<meta name|property="key">` in a page.
fn meta(html: &str, key: &str) -> Option<String> {
    for attr in ["name", "property"] {
        let pat = format!("<meta {attr}=\"{key}\" content=\"");
        if let Some(i) = html.find(&pat) {
            let rest = &html[i + pat.len()..];
            return rest.find('"').map(|j| rest[..j].to_string());
        }
    }
    None
}

fn title(html: &str) -> String {
    let i = html.find("<title>").expect("a <title>") + "<title>".len();
    html[i..i + html[i..].find("</title>").expect("</title>")].to_string()
}

fn unescape(s: &str) -> String {
    s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn the_build_holds_a_page_for_every_route_each_with_its_own_title_and_preview_tags() {
    let data = dist_file("data/pairings.json");
    let loaded = iuc_core::dataset::load(&data);
    assert_eq!(loaded.dataset.pairings.len(), 55);
    let fingerprint = iuc_core::dataset::fingerprint(&data);
    let mut titles = std::collections::BTreeSet::new();
    let mut pages = vec![
        ("index.html".to_string(), "/".to_string()),
        ("about/index.html".into(), "/about".into()),
        ("eligibility/index.html".into(), "/eligibility".into()),
        ("404.html".into(), "*".into()),
    ];
    for p in &loaded.dataset.pairings {
        pages.push((format!("pairing/{}/index.html", p.id), format!("/pairing/{}", p.id)));
    }
    for (file, route) in &pages {
        let html = dist_file(file);
        let t = unescape(&title(&html));
        assert!(titles.insert(t.clone()), "{file}: the title {t:?} is another page's too");
        assert_eq!(meta(&html, "og:title").map(|s| unescape(&s)), Some(t.clone()), "{file}");
        assert_eq!(meta(&html, "twitter:title").map(|s| unescape(&s)), Some(t.clone()), "{file}");
        for key in ["description", "og:description", "twitter:card"] {
            assert!(meta(&html, key).is_some_and(|v| !v.is_empty()), "{file}: no {key}");
        }
        // `./x test` builds for https://iuc.example.org/ (xtask TEST_PUBLIC_URL): the addresses
        // link previews need are absolute.
        assert_eq!(
            meta(&html, "og:image").as_deref(),
            Some("https://iuc.example.org/icons/icon-any-512.png"),
            "{file}"
        );
        if route != "*" {
            let url = format!("https://iuc.example.org{route}");
            assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{file}: canonical");
            assert_eq!(meta(&html, "og:url"), Some(url), "{file}");
        }
        assert_eq!(meta(&html, "iuc-prerendered").as_deref(), Some(route.as_str()), "{file}");
        assert_eq!(meta(&html, "iuc-data").as_deref(), Some(fingerprint.as_str()), "{file}: data fingerprint");
        // The strict CSP: no inline script, no style attribute or element.
        for tag in html.split("<script").skip(1) {
            let open = &tag[..tag.find('>').unwrap()];
            assert!(open.contains(" src="), "{file}: an inline script: <script{open}>");
        }
        assert!(!html.contains(" style=") && !html.contains("<style"), "{file}: inline style");
        // One `<title>` in the head (the map's country names are SVG titles, in the body).
        assert_eq!(html[..html.find("</head>").unwrap()].matches("<title>").count(), 1, "{file}");
    }
    // A pairing's page is that pairing's detail over Explore, with the whole table and the map.
    let p = loaded.dataset.pairings.iter().find(|p| p.id == "belfast--cali-medellin").expect("Belfast");
    let html = dist_file("pairing/belfast--cali-medellin/index.html");
    assert!(unescape(&title(&html)).starts_with(&format!("{} – {}", p.eu.name, p.partner.name)));
    assert!(html.contains("id=\"detail-title\""));
    assert_eq!(html.matches("<tr").count(), 56, "a header row and 55 rows");
    assert!(html.contains("class=\"map-country") && html.contains("map-marker") && html.contains("map-arc"));
}

#[tokio::test]
async fn without_javascript_the_pages_are_a_readable_site() {
    with_browser(BrowserOptions::default(), |c| async move {
        cdp(&c, "Emulation.setScriptExecutionDisabled", json!({ "value": true })).await.expect("disable JS");
        c.client.goto(&c.url("/")).await.unwrap();
        c.wait_js("return document.readyState === 'complete';", 30).await;
        // Nothing of the app ran: the page is the pre-rendered one.
        assert_eq!(c.js("return document.documentElement.dataset.app || null;").await, json!(null));
        assert_eq!(c.count("table.pairings tbody tr").await, 55);
        assert!(c.text("#result-count").await.contains("55 of 55"), "{}", c.text("#result-count").await);
        assert!(c.count(".map-marker").await > 0 && c.count(".map-country").await > 100);
        let note = c.js("return document.querySelector('.noscript-note') ? document.querySelector('.noscript-note').innerText : '';").await;
        assert!(note.as_str().is_some_and(|t| t.contains("need JavaScript")), "the no-script note is shown: {note}");
        // The links between pairings are real links.
        let link = c.find("a.row-link[data-id='belfast--cali-medellin']").await;
        link.click().await.unwrap();
        c.wait_js("return location.pathname === '/pairing/belfast--cali-medellin' && document.readyState === 'complete';", 30)
            .await;
        assert!(c.text("#detail-title").await.contains("Belfast"));
        assert!(c.js("return document.title;").await.as_str().unwrap_or("").starts_with("Belfast"));
        c.client.goto(&c.url("/about")).await.unwrap();
        c.wait_js("return document.readyState === 'complete';", 30).await;
        assert!(c.text("main h1").await.contains("About"));
        c.client.goto(&c.url("/eligibility")).await.unwrap();
        c.wait_js("return document.readyState === 'complete';", 30).await;
        assert!(!c.text("main h1").await.is_empty());
        c.screenshot("prerender-no-js-eligibility").await;
    })
    .await;
}

#[tokio::test]
async fn the_app_takes_over_without_a_shift_keeping_typed_text_focus_and_scroll() {
    for (width, height) in [(1280, 800), (412, 823)] {
        let opts = BrowserOptions { width, height, ..Default::default() };
        with_browser(opts, |c| async move {
            watch(&c).await;
            // The WASM is held back: the reader has the pre-rendered page only.
            c.server.hold("_bg.wasm");
            c.client.goto(&c.url("/")).await.unwrap();
            c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 55;", 30).await;
            let first = c.js("return window.__firstFrame;").await;
            assert_eq!(first["pending"], json!(false), "{first}");
            assert_eq!(first["app"], json!(null), "{first}");
            let input = c.find("#q").await;
            input.click().await.unwrap();
            input.send_keys("japan").await.unwrap();
            assert_eq!(c.js("return document.documentElement.dataset.app || null;").await, json!(null));
            c.server.release_held();
            c.wait_js("return document.documentElement.dataset.app === 'ready';", 60).await;
            // What was typed is kept and applied; focus stays in the box, the caret at its end.
            c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 8;", 10).await;
            let state = c
                .js("const q = document.getElementById('q'); return { value: q.value, focused: document.activeElement === q, \
                     caret: q.selectionStart, url: location.search, active: document.activeElement && (document.activeElement.id || document.activeElement.tagName), count: document.getElementById('result-count').innerText };")
                .await;
            assert_eq!(state["value"], json!("japan"), "{state}");
            assert_eq!(state["focused"], json!(true), "{state}");
            assert_eq!(state["caret"], json!(5), "{state}");
            assert!(state["url"].as_str().unwrap_or("").contains("q=japan"), "{state}");
            assert!(state["count"].as_str().unwrap_or("").contains("8 of 55"), "{state}");
            tokio::time::sleep(Duration::from_millis(500)).await;
            let (total, shifts) = c.layout_shift().await;
            assert!(total <= 0.01, "/ at {width}×{height}: layout shift {total:.3} on take-over: {shifts}");

            // A pairing page, and About scrolled down before the app is there.
            for path in ["/pairing/belfast--cali-medellin", "/about"] {
                c.server.hold("_bg.wasm");
                c.client.goto(&c.url(path)).await.unwrap();
                c.wait_js("return !!document.querySelector('main h1') && document.readyState !== 'loading';", 30).await;
                c.js("window.scrollTo(0, 300); return true;").await;
                let y = c.js("return window.scrollY;").await.as_f64().unwrap_or(0.0);
                c.server.release_held();
                c.wait_js("return document.documentElement.dataset.app === 'ready';", 60).await;
                tokio::time::sleep(Duration::from_millis(500)).await;
                let after = c.js("return window.scrollY;").await.as_f64().unwrap_or(-1.0);
                assert!((after - y).abs() <= 1.0, "{path}: scrolled to {y} before the take-over, {after} after");
                let (total, shifts) = c.layout_shift().await;
                assert!(total <= 0.01, "{path} at {width}×{height}: layout shift {total:.3}: {shifts}");
            }
            c.assert_console_clean().await;
        })
        .await;
    }
}

#[tokio::test]
async fn an_address_that_asks_for_other_content_never_shows_the_unfiltered_english_page() {
    // (path, browser language, what the app shows once it has taken over)
    let cases = [
        ("/?q=water", "en-GB", "return document.getElementById('result-count').innerText.includes('of 55') && !document.getElementById('result-count').innerText.startsWith('55');"),
        ("/?embed=1&pcountry=CA", "en-GB", "return document.body.classList.contains('embed') && document.querySelectorAll('table.pairings tbody tr').length === 6;"),
        ("/?lang=fr", "en-GB", "return document.documentElement.lang === 'fr';"),
        ("/", "fr-FR", "return document.documentElement.lang === 'fr';"),
        ("/pairing/no-such-pairing", "en-GB", "return !!document.querySelector('main');"),
        ("/no/such/page", "en-GB", "return !!document.querySelector('.not-found');"),
    ];
    for (path, lang, shown) in cases {
        let opts = BrowserOptions { lang, ..Default::default() };
        with_browser(opts, |c| async move {
            watch(&c).await;
            c.open(path).await;
            c.wait_js(shown, 30).await;
            let first = c.js("return window.__firstFrame;").await;
            assert_eq!(first["pending"], json!(true), "{path} ({lang}): the pre-rendered page showed first: {first}");
            // ... and says that something is coming, in the page's language.
            let says = if lang.starts_with("fr") || path.contains("lang=fr") { "Chargement…" } else { "Loading…" };
            assert_eq!(first["says"], json!(format!("\"{says}\"")), "{path} ({lang}): {first}");
            assert_eq!(c.js("return document.documentElement.classList.contains('iuc-pending');").await, json!(false));
            tokio::time::sleep(Duration::from_millis(500)).await;
            let (total, shifts) = c.layout_shift().await;
            eprintln!("{path} ({lang}): layout shift {total:.4}");
            assert!(total <= 0.01, "{path} ({lang}): layout shift {total:.3}: {shifts}");
        })
        .await;
    }
}

#[tokio::test]
async fn a_data_file_edited_in_place_wins_over_the_pages_built_from_the_old_one() {
    with_browser(BrowserOptions::default(), |c| async move {
        let data = dist_file("data/pairings.json");
        assert!(data.contains("\"Belfast\""));
        let edited = data.replacen("\"Belfast\"", "\"Belfast City\"", 1);
        c.server.set_override("/data/pairings.json", "application/json", edited.into_bytes());
        c.open("/pairing/belfast--cali-medellin").await;
        c.wait_js("return document.getElementById('detail-title').innerText.includes('Belfast City');", 30).await;
        assert!(c.text("table.pairings").await.contains("Belfast City"));
        let console = c.console().await;
        assert!(
            console.iter().any(|(_, m)| m.contains("has changed since these pages were pre-rendered")),
            "the console says the pages want rebuilding: {console:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_pre_rendered_map_hands_its_basemap_to_the_app_instead_of_a_second_download() {
    with_browser(BrowserOptions::default(), |c| async move {
        let fetched = "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);";
        c.open("/pairing/rome--yantai").await;
        let files = c.js(fetched).await.to_string();
        assert!(files.contains("/data/pairings.json"), "{files}");
        assert!(!files.contains("/data/world.json"), "the page drew the basemap, yet the app fetched it: {files}");
        assert!(c.count(".map-country").await > 100, "the app's map has the basemap");
        // A page without the map (About) takes it from Explore's pre-rendered page (which the
        // worker precaches anyway) once the app has mounted: Explore is a click away.
        c.open("/about").await;
        c.wait_js(
            "return performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === '/index.html');",
            10,
        )
        .await;
        let files = c.js(fetched).await.to_string();
        assert!(files.contains("/index.html") && !files.contains("/data/world.json"), "{files}");
        c.find("nav a[href='/']").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('.map-country').length > 100;", 10).await;
        c.assert_console_clean().await;
    })
    .await;
}

#[tokio::test]
async fn a_page_is_its_folders_index_and_the_app_takes_either_address() {
    with_browser(BrowserOptions::default(), |c| async move {
        watch(&c).await;
        // As a host that redirects a folder's address to its trailing-slash form serves them.
        for (path, shown) in [
            ("/about/", "return document.querySelector('main h1').innerText.includes('About');"),
            ("/pairing/rome--yantai/", "return document.getElementById('detail-title').innerText.includes('Yantai');"),
            ("/about/index.html", "return document.querySelector('main h1').innerText.includes('About');"),
        ] {
            c.open(path).await;
            c.wait_js(shown, 10).await;
            let first = c.js("return window.__firstFrame;").await;
            assert_eq!(first["pending"], json!(false), "{path}: its own page, shown at once: {first}");
            let (total, shifts) = c.layout_shift().await;
            assert!(total <= 0.01, "{path}: layout shift {total:.3}: {shifts}");
        }
        c.assert_console_clean().await;
    })
    .await;
}

#[tokio::test]
async fn the_take_over_writes_html_lang_only_when_the_language_changes() {
    with_browser(BrowserOptions::default(), |c| async move {
        // Every write of `<html lang>` from the first script on (Chromium re-matches `:lang()` on
        // every element of the page when it is written, even with the value it had: under
        // Lighthouse's tracing that made the take-over's longest task twice as long).
        // (Installed before the page has an `<html>`: it watches the document.)
        let probe = "window.__langWrites = []; new MutationObserver(rs => { for (const r of rs) \
                     if (r.target === document.documentElement) window.__langWrites.push(r.target.getAttribute('lang')); }) \
                     .observe(document, { attributes: true, subtree: true, attributeFilter: ['lang'] });";
        cdp(&c, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": probe })).await.expect("lang probe");
        c.open("/").await;
        assert_eq!(c.js("return document.documentElement.lang;").await, json!("en"));
        assert_eq!(c.js("return window.__langWrites;").await, json!([]), "the page was English already");
        // Another language: written once, to that language.
        c.open("/?lang=fr").await;
        assert_eq!(c.js("return window.__langWrites;").await, json!(["fr"]));
        c.assert_console_clean().await;
    })
    .await;
}
