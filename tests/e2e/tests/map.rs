//! The map end to end: markers and arcs match the data and the table's filters; mouse and
//! keyboard selection open the same detail as the table; zoom controls work.

use fantoccini::key::Key;
use iuc_e2e::{with_browser, BrowserOptions, Ctx};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The distinct places of the shipped dataset (a city, or each member of a multi-place entry).
fn places_in_data() -> usize {
    let text = std::fs::read_to_string(iuc_e2e::dist_dir().join("data/pairings.json")).expect("pairings.json in dist");
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut set = BTreeSet::new();
    for p in v["pairings"].as_array().unwrap() {
        for side in [&p["eu"], &p["partner"]] {
            let places = side["places"].as_array().cloned().unwrap_or_default();
            if places.is_empty() {
                set.insert((side["name"].to_string(), side["country"].to_string()));
            } else {
                for pl in places {
                    set.insert((pl["name"].to_string(), side["country"].to_string()));
                }
            }
        }
    }
    set.len()
}

/// Markers on screen, counting each cluster as the places it stands for.
async fn places_on_map(c: &Ctx) -> u64 {
    c.js("return [...document.querySelectorAll('.map-marker')].reduce((n, m) => n + Number(m.dataset.count || 1), 0);")
        .await
        .as_u64()
        .unwrap_or(0)
}

async fn wait_map(c: &Ctx) {
    c.wait_js(
        "return document.querySelectorAll('.map-marker').length > 0 && !!document.querySelector('.map-country');",
        20,
    )
    .await;
}

#[tokio::test]
async fn one_marker_per_place_and_one_arc_per_pairing_and_search_reduces_them() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        assert_eq!(places_on_map(&c).await as usize, places_in_data());
        assert_eq!(c.count(".arcs g.arc").await, 55);
        // Arcs are real paths without NaN.
        assert_eq!(c.js("return [...document.querySelectorAll('.map-arc')].filter(p => /NaN|undefined/.test(p.getAttribute('d'))).length").await, json!(0));
        // Countries taking part are shaded by side.
        assert!(c.count(".map-country.eu").await >= 15);
        assert!(c.count(".map-country.partner").await >= 9);
        c.screenshot("map-world").await;

        // The map shows exactly what the table shows.
        let input = c.find("#q").await;
        input.click().await.unwrap();
        input.send_keys("canada").await.unwrap();
        c.wait_js("return document.querySelectorAll('.arcs g.arc').length === 6;", 5).await;
        assert_eq!(c.count("table.pairings tbody tr").await, 6);
        assert_eq!(c.count(".map-country.partner").await, 1);
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn clicking_a_marker_opens_its_pairing_and_highlights_it() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        c.find(".map-marker[data-place='Austin, Texas']").await.click().await.unwrap();
        c.wait_js("return !!document.querySelector('.detail h2');", 5).await;
        assert_eq!(c.client.current_url().await.unwrap().path(), "/pairing/bologna--austin");
        assert!(c.text(".detail h2").await.contains("Austin, Texas"));
        // Its arc is highlighted and the others fade.
        assert_eq!(c.count(".map-arc.hl").await, 1);
        assert_eq!(c.count(".map-arc.faded").await, 54);
        c.screenshot("map-selected").await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn keyboard_only_zoom_and_marker_selection() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        // Zoom to Europe with the preset button, by keyboard.
        c.js("document.querySelector('.map-presets button:nth-child(2)').focus(); return true;").await;
        let vb0 = c.js("return document.querySelector('.map-frame svg').getAttribute('viewBox')").await;
        c.keys(&Key::Enter.to_string()).await;
        c.wait_js(&format!("return document.querySelector('.map-frame svg').getAttribute('viewBox') !== {vb0};"), 5)
            .await;
        // From the map's skip link (first in the map's section; shown when focused), Tab until a
        // map marker has focus (it shows a tooltip), then Enter selects it.
        c.js("document.querySelector('.skip-map').focus(); return true;").await;
        let shown = c.js("const r = document.querySelector('.skip-map').getBoundingClientRect(); return r.width > 20 && r.height > 20;").await;
        assert_eq!(shown, json!(true), "the skip link shows when focused");
        let mut found = false;
        for _ in 0..40 {
            c.keys(&Key::Tab.to_string()).await;
            if c.js("return !!document.activeElement.closest('.map-marker:not(.cluster)');").await == json!(true) {
                found = true;
                break;
            }
        }
        assert!(found, "no map marker reachable with Tab");
        let label = c.js("return document.activeElement.getAttribute('aria-label')").await;
        assert!(label.as_str().unwrap_or("").contains("paired with"), "{label}");
        c.wait_js("return !!document.querySelector('#map-tooltip');", 5).await;
        c.keys(&Key::Enter.to_string()).await;
        c.wait_js("return location.pathname.startsWith('/pairing/') && !!document.querySelector('.detail h2');", 5)
            .await;
        // + and − on a focused marker zoom the map.
        c.keys(&Key::Escape.to_string()).await;
        c.wait_js("return !document.querySelector('.detail');", 5).await;
        c.js("document.querySelector('.map-controls button').focus(); return true;").await;
        let vb1 = c.js("return document.querySelector('.map-frame svg').getAttribute('viewBox')").await;
        c.keys("+").await;
        c.wait_js(&format!("return document.querySelector('.map-frame svg').getAttribute('viewBox') !== {vb1};"), 5)
            .await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn a_cluster_zooms_in_until_its_places_are_separate() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        let before = c.count(".map-marker.cluster").await;
        assert!(before > 0, "Europe is dense: expected clusters at world zoom");
        let vb0 = c.js("return document.querySelector('.map-frame svg').getAttribute('viewBox')").await;
        let n = c.js("const m = document.querySelector('.map-marker.cluster'); m.dispatchEvent(new MouseEvent('click', {bubbles: true})); return Number(m.dataset.count);").await;
        assert!(n.as_u64().unwrap_or(0) >= 2);
        c.wait_js(&format!("return document.querySelector('.map-frame svg').getAttribute('viewBox') !== {vb0};"), 5).await;
        assert!(c.count(".map-marker.cluster").await < before || c.count(".map-marker:not(.cluster)").await > 0);
        // Still every place on the map, now with fewer in clusters.
        assert_eq!(places_on_map(&c).await as usize, places_in_data());
    })
    .await;
}

/// The viewBox as `[x, y, w, h]`.
async fn view_box(c: &Ctx) -> Vec<f64> {
    let v = c.js("return document.querySelector('.map-frame svg').getAttribute('viewBox')").await;
    v.as_str().unwrap_or("").split_whitespace().filter_map(|n| n.parse().ok()).collect()
}

/// Markers whose centre lies outside the viewBox (in map units).
async fn markers_outside(c: &Ctx) -> Value {
    c.js("const vb = document.querySelector('.map-frame svg').viewBox.baseVal; \
          return [...document.querySelectorAll('.map-marker')].map(m => { const b = m.getBBox(); \
            return [b.x + b.width / 2, b.y + b.height / 2]; }) \
            .filter(([x, y]) => x < vb.x || x > vb.x + vb.width || y < vb.y || y > vb.y + vb.height);")
        .await
}

#[tokio::test]
async fn the_map_fits_the_shown_pairings_until_moved_by_hand() {
    let world = iuc_core::geo::MAP_WIDTH * iuc_core::geo::map_height();
    // A partner's embed of Canada's pairings in an 800×700 frame opens on them.
    let opts = BrowserOptions { width: 800, height: 700, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/?embed=1&pcountry=CA&view=both").await;
        wait_map(&c).await;
        c.wait_js("const vb = document.querySelector('.map-frame svg').viewBox.baseVal; return vb.width < 1000;", 10)
            .await;
        let vb = view_box(&c).await;
        let share = vb[2] * vb[3] / world;
        assert!(share <= 0.1, "the view is {share:.3} of the world: {vb:?}");
        assert_eq!(markers_outside(&c).await, json!([]), "every shown marker is inside the view");
        c.js("document.querySelector('.map-frame').scrollIntoView(); return true;").await;
        c.screenshot("map-embed-canada").await;
        c.assert_clean().await;
    })
    .await;

    // (Reduced motion: each fit is one jump, so the figures below are final ones.)
    with_browser(BrowserOptions { reduced_motion: true, ..Default::default() }, |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        // Ticking a filter zooms to its pairings.
        c.open("/?q=japan").await;
        wait_map(&c).await;
        c.wait_js("return document.querySelectorAll('.arcs g.arc').length === 8;", 10).await;
        let japan = view_box(&c).await;
        assert!(japan[2] * japan[3] / world < 0.5, "{japan:?}");
        assert_eq!(markers_outside(&c).await, json!([]));
        // Moved by hand (here: the World preset), the view stays when the search changes.
        c.find(".map-presets button").await.click().await.unwrap();
        let by_hand = view_box(&c).await;
        assert_ne!(by_hand, japan);
        let input = c.find("#q").await;
        input.clear().await.unwrap();
        input.send_keys("canada").await.unwrap();
        c.wait_js("return new URLSearchParams(location.search).get('q') === 'canada';", 10).await;
        c.wait_js("return document.querySelectorAll('.arcs g.arc').length === 6;", 10).await;
        assert_eq!(view_box(&c).await, by_hand, "a view moved by hand is kept");
        // ... and goes into the URL, so a reload or a shared link shows it again.
        c.wait_js("return new URLSearchParams(location.search).get('map') === '500,243.4,1';", 10).await;
        c.client.refresh().await.unwrap();
        c.wait_js("return document.documentElement.dataset.app === 'ready';", 30).await;
        wait_map(&c).await;
        assert_eq!(view_box(&c).await, by_hand, "the view comes back from the URL");
        assert!(c.js("return location.search;").await.as_str().unwrap_or("").contains("q=canada"));
        // "Fit to shown", from the keyboard, fits Canada's pairings and follows the filters again.
        c.js("document.querySelector('.map-presets button.map-fit').focus(); return true;").await;
        c.keys(&Key::Enter.to_string()).await;
        c.wait_js("return document.querySelector('.map-frame svg').viewBox.baseVal.width < 1000;", 10).await;
        let canada = view_box(&c).await;
        assert!(canada[2] * canada[3] / world <= 0.1, "{canada:?}");
        assert_eq!(markers_outside(&c).await, json!([]));
        // A fitted view is not a view by hand: the URL loses its `map`.
        c.wait_js("return !new URLSearchParams(location.search).has('map');", 10).await;
        c.assert_clean().await;
    })
    .await;

    // Without reduced motion a fit is animated: the view passes through views in between.
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        wait_map(&c).await;
        c.js("window.__widths = []; const svg = document.querySelector('.map-frame svg'); \
              new MutationObserver(() => window.__widths.push(svg.viewBox.baseVal.width)) \
                .observe(svg, { attributes: true, attributeFilter: ['viewBox'] }); return true;")
            .await;
        let input = c.find("#q").await;
        input.click().await.unwrap();
        input.send_keys("canada").await.unwrap();
        c.wait_js("return document.querySelectorAll('.arcs g.arc').length === 6;", 10).await;
        c.wait_js("return window.__widths.length > 2;", 10).await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        let widths = c.js("return window.__widths;").await;
        let w: Vec<f64> = widths.as_array().into_iter().flatten().filter_map(|v| v.as_f64()).collect();
        assert!(w.len() >= 4, "{w:?}");
        assert!(w.windows(2).all(|p| p[1] <= p[0] + 1e-6), "the zoom only closes in: {w:?}");
        let end = view_box(&c).await;
        assert!(end[2] * end[3] / world <= 0.1, "{end:?}");
    })
    .await;
}
