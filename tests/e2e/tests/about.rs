//! The About page and the "Statistics at a glance" panel end to end.

use iuc_e2e::axe::assert_no_violations;
use iuc_e2e::{with_browser, BrowserOptions, Ctx};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The shipped dataset, to check the charts' counts against.
fn dataset() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/pairings.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("public/data/pairings.json")).expect("valid JSON")
}

/// Counts of the pairings for which `keep` holds, by the values `key` gives (each value once per
/// pairing), as (id, count), most frequent first.
fn expected_counts(keep: impl Fn(&Value) -> bool, key: impl Fn(&Value) -> Vec<String>) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for p in dataset()["pairings"].as_array().expect("pairings").iter().filter(|p| keep(p)) {
        let mut vals = key(p);
        vals.sort();
        vals.dedup();
        for v in vals {
            *counts.entry(v).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.1));
    v
}

fn by_region(p: &Value) -> Vec<String> {
    vec![p["region"].as_str().unwrap_or("").to_string()]
}
fn by_partner_country(p: &Value) -> Vec<String> {
    vec![p["partner"]["country"].as_str().unwrap_or("").to_string()]
}
fn by_eu_country(p: &Value) -> Vec<String> {
    vec![p["eu"]["country"].as_str().unwrap_or("").to_string()]
}
fn by_tag(p: &Value) -> Vec<String> {
    p["tags"].as_array().map(|a| a.iter().filter_map(|t| t.as_str().map(String::from)).collect()).unwrap_or_default()
}

/// The bars of one chart as drawn: (id, label, count, aria-pressed, bar width).
async fn chart(c: &Ctx, facet: &str) -> Vec<(String, String, u64, String, f64)> {
    let v = c
        .js(&format!(
            "return [...document.querySelectorAll('.stats [data-facet=\"{facet}\"] button.bar')].map(b => [\
               b.dataset.id, b.querySelector('.bar-label').innerText, \
               parseInt(b.querySelector('.bar-count').textContent, 10), b.getAttribute('aria-pressed'), \
               parseFloat(b.querySelector('.bar-fill').getAttribute('width'))]);"
        ))
        .await;
    serde_json::from_value(v).expect("bars")
}

fn ids_counts(bars: &[(String, String, u64, String, f64)]) -> Vec<(String, u64)> {
    bars.iter().map(|b| (b.0.clone(), b.2)).collect()
}

/// Equal as multisets and both ordered by count, most first (ties may come in any order).
fn assert_same_counts(got: &[(String, u64)], want: &[(String, u64)], what: &str) {
    let mut g = got.to_vec();
    let mut w = want.to_vec();
    assert!(got.windows(2).all(|p| p[0].1 >= p[1].1), "{what}: not most frequent first: {got:?}");
    g.sort();
    w.sort();
    assert_eq!(g, w, "{what}");
}

/// `got` is the first `want.len().min(n)` values of `want` by count (ties at the cut may go
/// either way), most frequent first, each with its right count.
fn assert_top(got: &[(String, u64)], want: &[(String, u64)], n: usize, what: &str) {
    assert_eq!(got.len(), want.len().min(n), "{what}: {got:?}");
    assert!(got.windows(2).all(|p| p[0].1 >= p[1].1), "{what}: not most frequent first: {got:?}");
    for (id, count) in got {
        assert_eq!(want.iter().find(|w| &w.0 == id).map(|w| w.1), Some(*count), "{what}: {id}");
    }
    let least_shown = got.iter().map(|g| g.1).min().unwrap_or(0);
    let most_hidden = want.iter().filter(|w| !got.iter().any(|g| g.0 == w.0)).map(|w| w.1).max().unwrap_or(0);
    assert!(least_shown >= most_hidden, "{what}: a value with {most_hidden} is hidden, one with {least_shown} shown");
}

async fn open_stats(c: &Ctx) {
    let toggle = ".stats-title button";
    assert_eq!(
        c.js(&format!("return document.querySelector('{toggle}').getAttribute('aria-expanded')")).await,
        json!("false")
    );
    c.find(toggle).await.click().await.expect("open the statistics");
    c.wait_js("return document.querySelectorAll('.stats [data-facet=\"region\"] button.bar').length > 0;", 10).await;
    assert_eq!(
        c.js(&format!("return document.querySelector('{toggle}').getAttribute('aria-expanded')")).await,
        json!("true")
    );
}

#[tokio::test]
async fn about_deep_link_shows_the_programme_contacts_credits_and_leads_into_the_wizard() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/about").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert_eq!(c.count("main h1").await, 1);
        let h1 = c.text("main h1").await;
        assert!(h1.contains("About") && h1.contains("International Urban Cooperation"), "{h1}");
        assert!(c.js("return document.title").await.as_str().unwrap_or("").starts_with("About"));

        // The six things joining means, each with an explanation.
        let words = c.js("return [...document.querySelectorAll('.six-things dt')].map(e => e.innerText.trim())").await;
        assert_eq!(words, json!(["COMMIT", "LEARN", "SHARE", "EXCHANGE", "SHOWCASE", "IMPLEMENT"]));
        let expl =
            c.js("return [...document.querySelectorAll('.six-things dd')].map(e => e.innerText.trim().length)").await;
        let expl: Vec<usize> = serde_json::from_value(expl).unwrap();
        assert_eq!(expl.len(), 6);
        assert!(expl.iter().all(|&n| n > 30), "explanations {expl:?}");

        // Sections with h2 headings, in order, and the facts they must carry.
        let h2 = c.js("return [...document.querySelectorAll('main section > h2')].map(e => e.innerText)").await;
        let h2: Vec<String> = serde_json::from_value(h2).unwrap();
        for want in [
            "What the programme is",
            "What joining means",
            "What cities commit to",
            "Who can apply",
            "Local Action Plan",
            "global agendas",
            "Calls",
            "Contacts",
            "Data and credits",
        ] {
            assert!(h2.iter().any(|h| h.contains(want)), "no section {want}: {h2:?}");
        }
        let main = c.text("main").await;
        for want in [
            "18 months",
            "Partnership Agreement",
            "100,000 inhabitants",
            "URBACT",
            "UN 2030 Agenda",
            "Sustainable Development Goals (SDGs)",
            "New Urban Agenda for the European Union",
            "Sendai Framework",
            "Paris Agreement",
            "19 March 2018",
            "2017 calls",
        ] {
            assert!(main.contains(want), "About lacks {want:?}");
        }
        // Sentences from the programme page are marked as quotations, in English, with their source.
        let quotes = c
            .js("return [...document.querySelectorAll('main figure blockquote[lang=en]')].map(e => e.innerText.trim())")
            .await;
        let quotes: Vec<String> = serde_json::from_value(quotes).unwrap();
        assert!(quotes.len() >= 3, "{quotes:?}");
        assert!(
            quotes.contains(&"Cities with more than 100,000 inhabitants are encouraged to apply.".to_string()),
            "{quotes:?}"
        );
        assert_eq!(c.count("main figure figcaption").await, quotes.len());

        // Contacts as mailto links.
        for addr in ["coordination-unit@iuc-europe.eu", "support@iuc-europe.eu"] {
            let sel = format!("main a[href='mailto:{addr}']");
            assert_eq!(c.count(&sel).await, 1, "{sel}");
            assert_eq!(c.text(&sel).await, addr);
        }
        // Data credits with their licences.
        let credits = c.text(".credits").await;
        for want in [
            "© European Union",
            "2011/833/EU",
            "GeoNames",
            "CC BY 4.0",
            "Natural Earth",
            "public domain",
            "world-atlas",
            "ISC",
        ] {
            assert!(credits.contains(want), "credits lack {want:?}: {credits}");
        }
        assert_eq!(c.count(".credits a[href='https://creativecommons.org/licenses/by/4.0/']").await, 1);
        assert_eq!(c.count(".credits a[href='https://www.geonames.org/']").await, 1);

        assert_no_violations(&c, "about").await;
        c.screenshot("about").await;
        c.assert_clean().await;

        // The call to action opens the wizard.
        let cta = ".cta a[href='/eligibility']";
        assert_eq!(c.count(cta).await, 1);
        c.find(cta).await.click().await.expect("click the call to action");
        c.wait_js("return location.pathname === '/eligibility' && !document.querySelector('.about');", 10).await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        assert_ne!(c.text("main h1").await, h1);
        assert!(c.text("nav a[aria-current='page']").await.contains("Can my city join"));
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn the_stats_panel_counts_the_pairings_and_its_bars_filter() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        // Closed at first: nothing is rendered in it.
        assert_eq!(c.count(".stats button.bar").await, 0);
        open_stats(&c).await;

        // Counts as in the data, most frequent first; the known figures of the 2017 calls.
        let region = chart(&c, "region").await;
        assert_same_counts(&ids_counts(&region), &expected_counts(|_| true, by_region), "regions");
        let labels: Vec<(String, u64)> = region.iter().map(|b| (b.1.clone(), b.2)).collect();
        assert_eq!(
            labels,
            [("Asia", 30), ("Latin America and the Caribbean", 18), ("North America", 7)]
                .map(|(l, n)| (l.to_string(), n))
                .to_vec()
        );
        // Bar lengths follow the counts; the longest fills its track.
        assert_eq!(region[0].4, 100.0);
        assert!((region[2].4 - 7.0 * 100.0 / 30.0).abs() < 0.01, "{region:?}");
        assert!(region.iter().all(|b| b.3 == "false"));

        let pc = chart(&c, "pcountry").await;
        assert_same_counts(&ids_counts(&pc), &expected_counts(|_| true, by_partner_country), "partner countries");
        assert_eq!(pc[0].1, "India");
        assert_eq!(pc[0].2, 12);
        // Long charts show their top 10, and all on request.
        let eu_all = expected_counts(|_| true, by_eu_country);
        assert!(eu_all.len() > 10);
        assert_top(&ids_counts(&chart(&c, "eucountry").await), &eu_all, 10, "top 10 EU countries");
        let show_all = ".stats [data-facet='eucountry'] .show-all";
        assert_eq!(c.text(show_all).await, format!("Show all {}", eu_all.len()));
        c.find(show_all).await.click().await.unwrap();
        c.wait_js(
            &format!(
                "return document.querySelectorAll('.stats [data-facet=\"eucountry\"] button.bar').length === {};",
                eu_all.len()
            ),
            5,
        )
        .await;
        assert_eq!(
            c.js(&format!("return document.querySelector(\"{show_all}\").getAttribute('aria-expanded')")).await,
            json!("true")
        );
        assert_same_counts(&ids_counts(&chart(&c, "eucountry").await), &eu_all, "all EU countries");
        let tags = expected_counts(|_| true, by_tag);
        assert_top(&ids_counts(&chart(&c, "tag").await), &tags, 10, "top 10 topics");

        // Text equivalent: each bar is a toggle button named by its label and count; the SVG is hidden.
        let na = ".stats [data-facet='region'] button[data-id='north-america']";
        assert_eq!(
            c.js(&format!("return document.querySelector(\"{na} svg\").getAttribute('aria-hidden')")).await,
            json!("true")
        );
        assert_eq!(
            c.js(&format!("return document.querySelector(\"{na}\").textContent.replace(/\\s+/g, ' ').trim()")).await,
            json!("North America 7 pairings")
        );
        assert_eq!(c.count(".stats [style]").await, 0, "no inline styles (CSP)");

        // A click filters: 7 rows, pressed, in the URL; focus stays on the bar.
        c.find(na).await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 7;", 5).await;
        c.wait_js(&format!("return document.querySelector(\"{na}\").getAttribute('aria-pressed') === 'true';"), 5)
            .await;
        let query = c.client.current_url().await.unwrap().query().unwrap_or("").to_string();
        assert!(query.split('&').any(|kv| kv == "region=north-america"), "{query}");
        assert_eq!(c.js("return document.querySelector('#f-region-north-america').checked").await, json!(true));
        // The other charts now count the 7 shown.
        let na_rows = |p: &Value| p["region"] == "north-america";
        assert_same_counts(
            &ids_counts(&chart(&c, "pcountry").await),
            &expected_counts(na_rows, by_partner_country),
            "partner countries in North America",
        );
        assert_same_counts(
            &ids_counts(&chart(&c, "region").await),
            &[("north-america".to_string(), 7)],
            "regions when filtered",
        );
        c.wait_js("return document.activeElement && document.activeElement.dataset.id === 'north-america';", 5).await;

        // Keyboard: Space on the focused bar removes the filter again.
        c.keys(" ").await;
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 55;", 5).await;
        c.wait_js(&format!("return document.querySelector(\"{na}\").getAttribute('aria-pressed') === 'false';"), 5)
            .await;
        assert!(!c.client.current_url().await.unwrap().query().unwrap_or("").contains("region="));
        c.wait_js("return document.activeElement && document.activeElement.dataset.id === 'north-america';", 5).await;

        assert_no_violations(&c, "stats-open").await;
        c.screenshot("stats").await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn typing_a_search_updates_the_charts() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        open_stats(&c).await;
        let input = c.find("#q").await;
        input.click().await.unwrap();
        input.send_keys("india").await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 12;", 5).await;
        c.wait_js("return document.querySelectorAll('.stats [data-facet=\"pcountry\"] button.bar').length === 1;", 5)
            .await;
        let pc = chart(&c, "pcountry").await;
        assert_eq!((pc[0].0.as_str(), pc[0].1.as_str(), pc[0].2), ("IN", "India", 12));
        let india = |p: &Value| p["partner"]["country"] == "IN";
        assert_same_counts(&ids_counts(&chart(&c, "region").await), &[("asia".to_string(), 12)], "regions for india");
        assert_top(
            &ids_counts(&chart(&c, "eucountry").await),
            &expected_counts(india, by_eu_country),
            10,
            "EU countries for india",
        );
        assert_top(&ids_counts(&chart(&c, "tag").await), &expected_counts(india, by_tag), 10, "topics for india");
        assert!(c.text(".stats-intro").await.contains("12 pairings shown"));

        // Nothing matches: the panel says so instead of drawing empty charts.
        input.clear().await.unwrap();
        input.send_keys("zzzz").await.unwrap();
        c.wait_js("return !!document.querySelector('.stats-nothing');", 5).await;
        assert_eq!(c.count(".stats .chart").await, 0);
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn the_open_stats_panel_passes_axe_in_dark_mode_with_a_pressed_bar() {
    let opts = BrowserOptions { dark: true, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/?region=asia").await;
        c.wait_for_rows().await;
        open_stats(&c).await;
        assert_eq!(
            c.js("return document.querySelector(\".stats [data-facet='region'] button[data-id='asia']\").getAttribute('aria-pressed')").await,
            json!("true")
        );
        assert_no_violations(&c, "dark-stats-open").await;
        c.screenshot("stats-dark").await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn at_phone_width_about_and_the_open_stats_do_not_scroll_sideways() {
    let opts = BrowserOptions { width: 320, height: 800, ..Default::default() };
    with_browser(opts, |c| async move {
        let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
        c.open("/").await;
        c.wait_for_rows().await;
        open_stats(&c).await;
        let o = c.js(overflow).await;
        assert!(o.as_i64().unwrap_or(99) <= 0, "Explore with statistics: horizontal overflow {o}");
        c.screenshot("stats-320").await;
        c.open("/about").await;
        c.wait_js("return !!document.querySelector('.six-things');", 10).await;
        let o = c.js(overflow).await;
        assert!(o.as_i64().unwrap_or(99) <= 0, "About: horizontal overflow {o}");
        c.assert_clean().await;
    })
    .await;
}
