//! Hostile input in the live app: malformed data files (the browser subset of the variants in
//! `core/tests/hostile_cases`) and a seeded stream of garbled URLs. The page is never blank, no
//! injected markup runs, and nothing is logged as an error.
//!
//! These tests replace `sw.js` with an empty worker: the real one serves data files from its
//! cache, and these tests need each request to reach the (overridden) server.
//!
//! `IUC_FUZZ_CASES=<n>` drives more URLs (default 1,000), `IUC_FUZZ_SEED=<u64>` another seed.

#[path = "../../../core/tests/hostile_cases/mod.rs"]
mod hostile_cases;

use hostile_cases::{cases, Expect};
use iuc_e2e::{with_server, BrowserOptions, Ctx, Options};
use serde_json::{json, Value};
use std::time::Instant;

/// Up to this many shown pairings the table renders every row; above, the rows near the viewport
/// (`iuc_core::window::RENDER_ALL_UP_TO`).
const RENDER_ALL_UP_TO: usize = iuc_core::window::RENDER_ALL_UP_TO;

const NO_WORKER: &[u8] = b"// No service worker in these tests: every request must reach the test server.\n";

/// The page shows something: a heading, and the data, an empty-result message or a notice.
const SETTLED: &str = "return !!document.querySelector('main h1') && !document.querySelector('.loading') \
    && (document.querySelectorAll('table.pairings tbody tr').length > 0 || !!document.querySelector('.notice') || !!document.querySelector('.empty'));";

/// Whether anything injected ran or was created as markup.
const INJECTED: &str = "return { pwned: typeof window.__pwned !== 'undefined', \
    img: document.querySelectorAll('img[src=\"x\"]').length, \
    handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).map(e => e.outerHTML.slice(0, 120)), \
    scripts: [...document.querySelectorAll('script')].filter(s => !s.src).length, \
    js_links: [...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length };";

fn fuzz_seed() -> u64 {
    std::env::var("IUC_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x1AC_F022_2018)
}

async fn assert_nothing_injected(c: &Ctx, what: &str) {
    let r = c.js(INJECTED).await;
    assert_eq!(
        r,
        json!({ "pwned": false, "img": 0, "handlers": [], "scripts": 0, "js_links": 0 }),
        "{what}: injected markup"
    );
}

/// Console errors, minus the ones a case expects.
async fn console_errors(c: &Ctx) -> Vec<String> {
    c.console()
        .await
        .into_iter()
        .filter(|(level, msg)| level == "SEVERE" || msg.contains("Content Security Policy"))
        .map(|(_, msg)| msg.chars().take(3000).collect())
        .collect()
}

#[tokio::test]
async fn malformed_data_files_never_blank_the_page_or_run_injected_markup() {
    with_server(Options::new(iuc_e2e::dist_dir()), BrowserOptions::default(), |c| async move {
        c.server.set_override("/sw.js", "text/javascript", NO_WORKER.to_vec());
        let subset: Vec<_> = cases().into_iter().filter(|k| k.browser).collect();
        assert!(subset.len() >= 15, "{} browser cases", subset.len());
        let mut timings = Vec::new();
        let mut failures = Vec::new();
        for case in &subset {
            c.server.set_override("/data/pairings.json", "application/json", case.body.clone());
            let t0 = Instant::now();
            c.open("/").await;
            c.wait_js(SETTLED, 60).await;
            let ms = t0.elapsed().as_millis();
            // The map is drawn after the table: time it too, when there is something to draw.
            let map = if case.expect.valid() > 0 {
                c.wait_js("return document.querySelectorAll('.map-marker').length > 0;", 60).await;
                format!("{} ms", t0.elapsed().as_millis())
            } else {
                "-".to_string()
            };
            timings.push(format!(
                "{:>28}: {:>10} bytes, on screen in {ms:>6} ms, map markers in {map:>9}",
                case.name,
                case.body.len()
            ));

            let mut problems = Vec::new();
            let h1 = c.text("main h1").await;
            if h1.trim().is_empty() {
                problems.push("no heading".to_string());
            }
            let state = c
                .js("return { rows: document.querySelectorAll('table.pairings tbody tr:not(.spacer)').length, \
                     count: Number(document.querySelector('table.pairings')?.getAttribute('aria-rowcount') ?? 1) - 1, \
                     notice: !!document.querySelector('#problems-title, .notice.error'), \
                     problems: document.querySelectorAll('.problem-list li').length, \
                     text: document.body.innerText.length };")
                .await;
            let rows = state["rows"].as_u64().unwrap_or(0) as usize;
            // Every valid pairing counts; the table renders them all, or a window of them.
            let valid = case.expect.valid();
            let count = state["count"].as_u64().unwrap_or(0) as usize;
            let rendered_ok = if valid <= RENDER_ALL_UP_TO { rows == valid } else { rows > 0 && rows < valid };
            if count != valid || !rendered_ok {
                problems.push(format!("{rows} rows rendered of {count}, expected {valid}"));
            }
            if state["notice"] != json!(case.expect.has_problems()) {
                problems.push(format!("notice shown: {}, expected {}", state["notice"], case.expect.has_problems()));
            }
            if let Expect::Problems { message, .. } = &case.expect {
                let notice = c.text("section[aria-labelledby=problems-title], .notice.error").await;
                // Every problem is listed (the first 200), in the words `load` gives.
                if !notice.contains(message) {
                    problems.push(format!("the notice does not say {message:?}: {:.300}", notice));
                }
            }
            if state["text"].as_u64().unwrap_or(0) < 100 {
                problems.push("the page is (nearly) blank".into());
            }
            if let Some(v) = &case.verbatim {
                let shown = c.js(&format!("return document.body.innerText.includes({});", json!(v))).await;
                if shown != json!(true) {
                    problems.push(format!("{v:?} is not shown as text"));
                }
                // The markup-looking text also goes through the detail and the map tooltip.
                if rows > 0 {
                    c.js("document.querySelector('a.row-link').click(); return true;").await;
                    c.wait_js("return !!document.querySelector('.detail h2');", 10).await;
                    c.js(
                        "const m = document.querySelector('.map-marker:not(.cluster)'); if (m) m.focus(); return true;",
                    )
                    .await;
                    c.wait_js(
                        "return !document.querySelector('.map-marker') || !!document.querySelector('.map-tooltip');",
                        10,
                    )
                    .await;
                }
            }
            assert_nothing_injected(&c, &case.name).await;
            let errors = console_errors(&c).await;
            if !errors.is_empty() {
                problems.push(format!("console errors: {errors:?}"));
            }
            if !problems.is_empty() {
                c.screenshot(&format!("hostile-{}", case.name)).await;
                failures.push(format!("{}: {}", case.name, problems.join("; ")));
            }
        }
        println!("{}", timings.join("\n"));
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
    })
    .await;
}

#[path = "../../../core/tests/support/rng.rs"]
mod rng;
use rng::Rng;

const PIECES: &[&str] = &[
    "q=rome",
    "q=",
    "q=%",
    "q=%%",
    "q=%E0%A4",
    "q=%00",
    "q=%C3%A3o",
    "q=<img src=x onerror=window.__pwned=1>",
    "region=asia",
    "region=atlantis",
    "region=asia,,north-america",
    "pcountry=br",
    "pcountry=XX",
    "eucountry=IT,ES",
    "tag=smart-cities",
    "tag=-x-",
    "sort=-eu-city",
    "sort=nonsense",
    "sort=",
    "view=map",
    "view=table",
    "view=MAP",
    "kind=city",
    "kind=group",
    "kind=region",
    "country=ES",
    "country=other",
    "country=zz",
    "pop=150000",
    "pop=99999999999",
    "pop=notsure",
    "pop=-1",
    "lead=yes",
    "members=notsure",
    "c=18m:yes,resources:no",
    "c=%3A",
    "topics=mobility",
    "regions=asia",
    "step=result",
    "step=check",
    "step=kind",
    "step=nonsense",
    "return=check",
    "embed=1",
    "&",
    "&&",
    "=",
    "==",
    "%",
    "%ZZ",
    "x",
    "+",
    "%2B",
    "%26",
    "%3D",
];

const PATHS: &[&str] = &[
    "/",
    "/about",
    "/eligibility",
    "/pairing/rome--yantai",
    "/pairing/",
    "/pairing/nope",
    "/pairing/%00",
    "/pairing/%E0%A4",
    "/pairing/a/b",
    "/no/such/page",
    "/about/",
    "/eligibility/",
    "/ELIGIBILITY",
    "/%",
    "/%%",
    "/index.html",
    "/data",
    "/pairing/<img src=x onerror=window.__pwned=1>",
    "/pairing/javascript:alert(1)",
];

/// A random path-safe or query-safe piece of text (percent-encoded bytes, unicode, noise).
fn noise(r: &mut Rng, query: bool) -> String {
    let n = r.below(24);
    (0..n)
        .map(|_| match r.below(6) {
            0 => format!("%{:02X}", r.below(256)),
            1 => char::from_u32(0xA0 + r.below(0x2000) as u32).map(String::from).unwrap_or_default(),
            2 => "%".to_string(),
            3 if query => r.pick(&["&", "=", ",", "+", ";"]).to_string(),
            _ => ((b'a' + r.below(26) as u8) as char).to_string(),
        })
        .collect()
}

/// One garbled same-origin URL (path and query; never `//`, so it stays on this origin).
fn garbled_url(r: &mut Rng) -> String {
    let path = match r.below(5) {
        0 => format!("/pairing/{}", noise(r, false)),
        1 => format!("/{}", noise(r, false)),
        _ => r.pick(PATHS).to_string(),
    };
    let mut parts = Vec::new();
    for _ in 0..r.below(8) {
        parts.push(match r.below(4) {
            0 => noise(r, true),
            _ => r.pick(PIECES).to_string(),
        });
    }
    if r.below(40) == 0 {
        parts.push(format!("q={}", "a".repeat(20_000)));
    }
    let path = if path.starts_with("//") { path.replacen("//", "/", 1) } else { path };
    if parts.is_empty() && r.below(2) == 0 {
        path
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

/// The app is alive: heading, navigation, no fatal-error panel.
const ALIVE: &str = "return { h1: !!document.querySelector('main h1'), nav: !!document.querySelector('header nav'), \
    fatal: !!document.querySelector('.fatal-error'), text: document.body.innerText.length };";

#[tokio::test]
async fn a_thousand_garbled_urls_never_break_the_live_app() {
    let n: usize = std::env::var("IUC_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let seed = fuzz_seed();
    println!("browser URL fuzz: {n} URLs, seed {seed} (IUC_FUZZ_SEED={seed} to repeat)");
    with_server(Options::new(iuc_e2e::dist_dir()), BrowserOptions::default(), move |c| async move {
        c.server.set_override("/sw.js", "text/javascript", NO_WORKER.to_vec());
        c.open("/").await;
        c.wait_for_rows().await;
        // Longer stacks in panic reports, should one happen.
        c.js("Error.stackTraceLimit = 60; return true;").await;
        let mut r = Rng::new(seed);
        let urls: Vec<String> = (0..n).map(|_| garbled_url(&mut r)).collect();
        let t0 = Instant::now();
        for (b, batch) in urls.chunks(100).enumerate() {
            // Chromium ignores history changes beyond 200 in 10 s ("Throttling navigation"):
            // one batch of 100 every 6 s stays under that (and each URL is checked to have
            // been applied).
            let batch_start = Instant::now();
            // Each URL as the router sees a Back/Forward: pushState, then popstate; a task
            // boundary after each lets the app react (its effects run) before the next.
            let out = c
                .client
                .execute_async(
                    "const [urls, done] = [arguments[0], arguments[arguments.length - 1]];
                     (async () => {
                       const thrown = [];
                       for (const u of urls) {
                         try {
                           const want = new URL(u, location.href).href;
                           history.pushState(null, '', u);
                           if (location.href !== want) thrown.push(u.slice(0, 100) + ': pushState was ignored');
                           dispatchEvent(new PopStateEvent('popstate', { state: null }));
                         } catch (e) { thrown.push(u.slice(0, 100) + ': ' + e); }
                         await new Promise(r => setTimeout(r, 0));
                       }
                       await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                       done(thrown);
                     })();",
                    vec![json!(batch)],
                )
                .await
                .expect("batch");
            assert_eq!(out, json!([]), "batch {b}: pushState failed");
            let alive = c.js(ALIVE).await;
            let last = batch.last().map(|u| u.chars().take(200).collect::<String>()).unwrap_or_default();
            let errors = console_errors(&c).await;
            let ok = alive["h1"] == json!(true) && alive["nav"] == json!(true) && alive["fatal"] == json!(false);
            if !ok || !errors.is_empty() {
                c.screenshot(&format!("url-fuzz-batch-{b}")).await;
                let body = c.text("body").await;
                panic!(
                    "batch {b} (last URL {last:?}, now at {}): {alive}; console errors {errors:#?}\npage: {:.600}",
                    c.js("return location.href").await,
                    body
                );
            }
            assert_nothing_injected(&c, &format!("batch {b}")).await;
            if let Some(rest) = std::time::Duration::from_secs(6).checked_sub(batch_start.elapsed()) {
                tokio::time::sleep(rest).await;
            }
        }
        println!("browser URL fuzz: {n} URLs in {:.1} s", t0.elapsed().as_secs_f64());
        // Still fully working: a normal navigation gives the right rows.
        c.js("history.pushState(null, '', '/?q=rome'); dispatchEvent(new PopStateEvent('popstate', { state: null })); return true;")
            .await;
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 1;", 10).await;
        assert!(c.text("table.pairings tbody").await.contains("Yantai"));
        let v: Value = c.js(ALIVE).await;
        assert_eq!(v["fatal"], json!(false));
        c.assert_clean().await;
    })
    .await;
}
