//! Explore's table end to end: search, live region, facets, sorting, deep links, detail, export.

use fantoccini::key::Key;
use iuc_e2e::{with_browser, BrowserOptions, Ctx};
use serde_json::json;

async fn rows(c: &Ctx) -> usize {
    c.count("table.pairings tbody tr").await
}

async fn type_query(c: &Ctx, text: &str) {
    let input = c.find("#q").await;
    input.click().await.expect("focus search");
    input.send_keys(text).await.expect("type");
}

async fn status(c: &Ctx) -> String {
    c.text("#result-count").await
}

#[tokio::test]
async fn typing_filters_rows_highlights_and_announces_the_count() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        assert_eq!(status(&c).await, "55 of 55 pairings shown");
        assert_eq!(
            c.js("return document.querySelector('#result-count').getAttribute('aria-live')").await,
            json!("polite")
        );

        // Accent-insensitive: "malmo" finds Malmö.
        let entries = c.js("return history.length;").await;
        type_query(&c, "malmo").await;
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 1;", 5).await;
        assert!(c.text("table.pairings tbody").await.contains("Malmö"));
        assert_eq!(c.text("table.pairings tbody mark").await, "Malmö");
        assert_eq!(status(&c).await, "1 of 55 pairings shown");
        // The URL carries the query once typing pauses (one history write, not one per key).
        c.wait_js("return location.search === '?q=malmo';", 5).await;
        assert_eq!(c.js("return history.length;").await, entries, "typing adds no history entries");

        // Several words narrow (AND); an alias from the data finds the local name.
        c.find("#q").await.clear().await.unwrap();
        type_query(&c, "turin").await;
        c.wait_js("return document.querySelector('table.pairings tbody').innerText.includes('Torino');", 5).await;
        c.find("#q").await.clear().await.unwrap();
        type_query(&c, "smart india").await;
        c.wait_js("return document.querySelector('#result-count').innerText.startsWith('6 of');", 5).await;

        // No result: a helpful message and one click back.
        c.find("#q").await.clear().await.unwrap();
        type_query(&c, "zzzz").await;
        c.wait_js("return !!document.querySelector('.empty');", 5).await;
        assert_eq!(status(&c).await, "0 of 55 pairings shown");
        c.screenshot("explore-empty").await;
        c.find(".empty button").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 55;", 5).await;
        assert_eq!(c.js("return document.querySelector('#q').value").await, json!(""));
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_restores_search_filters_and_sort_and_back_works() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/?q=smart&region=north-america&sort=-eu-city").await;
        c.wait_for_rows().await;
        assert_eq!(c.js("return document.querySelector('#q').value").await, json!("smart"));
        let first_cells =
            c.js("return [...document.querySelectorAll('table.pairings tbody tr th')].map(e => e.innerText)").await;
        // North American pairings mentioning "smart", EU city descending.
        assert_eq!(first_cells, json!(["Rijeka", "Metropolitan City of Bologna", "Manchester City Council", "Malmö"]));
        assert_eq!(
            c.js("return document.querySelector('th[aria-sort=descending]').innerText")
                .await
                .as_str()
                .map(|s| s.contains("EU city")),
            Some(true)
        );
        assert_eq!(c.js("return document.querySelector('#f-region-north-america').checked").await, json!(true));

        // Unknown and malformed parameters are ignored, not fatal.
        c.open("/?region=atlantis&tag=%ZZ&sort=nonsense&x=1&q=rome").await;
        c.wait_for_rows().await;
        assert_eq!(rows(&c).await, 1);

        // Facet toggling, with live counts and back/forward.
        c.open("/").await;
        c.wait_for_rows().await;
        c.find("#f-region-asia").await.click().await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 30;", 5).await;
        assert!(c.client.current_url().await.unwrap().query().unwrap_or("").contains("region=asia"));
        c.client.back().await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 55;", 5).await;
        c.client.forward().await.unwrap();
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr').length === 30;", 5).await;
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn sorting_toggles_aria_sort_and_orders_with_accents() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        let th = "table.pairings thead th:nth-child(3)";
        assert_eq!(c.js(&format!("return document.querySelector('{th}').getAttribute('aria-sort')")).await, json!("none"));
        c.find(&format!("{th} button")).await.click().await.unwrap();
        c.wait_js(&format!("return document.querySelector('{th}').getAttribute('aria-sort') === 'ascending';"), 5).await;
        let names = c.js("return [...document.querySelectorAll('table.pairings tbody tr td:nth-child(3)')].map(e => e.innerText)").await;
        let names: Vec<String> = serde_json::from_value(names).unwrap();
        let folded: Vec<String> = names.iter().map(|n| iuc_core_fold(n)).collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted, "partner cities ascending, accents folded");
        c.find(&format!("{th} button")).await.click().await.unwrap();
        c.wait_js(&format!("return document.querySelector('{th}').getAttribute('aria-sort') === 'descending';"), 5).await;
        assert!(c.client.current_url().await.unwrap().query().unwrap_or("").contains("sort=-partner-city"));
        c.find(&format!("{th} button")).await.click().await.unwrap();
        c.wait_js(&format!("return document.querySelector('{th}').getAttribute('aria-sort') === 'none';"), 5).await;
    })
    .await;
}

/// Rough fold for the assertion (lower-case, strip common accents).
fn iuc_core_fold(s: &str) -> String {
    s.to_lowercase()
        .replace(['á', 'à', 'ã', 'â'], "a")
        .replace(['é', 'è'], "e")
        .replace(['í'], "i")
        .replace(['ó', 'ô'], "o")
        .replace(['ú', 'ü'], "u")
}

#[tokio::test]
async fn the_detail_opens_by_keyboard_has_its_own_url_and_escape_closes_it() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/?q=rome").await;
        c.wait_for_rows().await;
        // Keyboard: focus the row link and press Enter.
        c.js("document.querySelector('a.row-link').focus(); return true;").await;
        c.keys(&Key::Enter.to_string()).await;
        c.wait_js("return !!document.querySelector('.detail h2');", 5).await;
        let url = c.client.current_url().await.unwrap();
        assert_eq!(url.path(), "/pairing/rome--yantai");
        assert_eq!(url.query(), Some("q=rome"));
        let detail = c.text(".detail").await;
        for want in ["Rome", "Yantai", "Italy", "China", "social inclusion and smart cities", "km", "SDG"] {
            assert!(detail.contains(want), "detail lacks {want}: {detail}");
        }
        c.wait_js("return document.activeElement && document.activeElement.id === 'detail-title';", 5).await;
        // Escape closes and returns focus to the row.
        c.keys(&Key::Escape.to_string()).await;
        c.wait_js("return !document.querySelector('.detail');", 5).await;
        assert_eq!(c.client.current_url().await.unwrap().path(), "/");
        c.wait_js("return document.activeElement && document.activeElement.classList.contains('row-link');", 5).await;

        // A detail deep link works on its own, and similar pairings link on.
        c.open("/pairing/aarhus--udaipur").await;
        c.wait_js("return !!document.querySelector('.detail h2');", 10).await;
        assert!(c.text(".detail h2").await.contains("Aarhus"));
        assert!(c.count(".detail .similar li a").await >= 1);
        c.screenshot("detail").await;
        c.assert_clean().await;
    })
    .await;
}

/// Keep every Blob the page makes a download URL for, in `window.__blobs`.
async fn capture_downloads(c: &Ctx) {
    c.js("window.__blobs = []; const o = URL.createObjectURL; \
          URL.createObjectURL = b => { window.__blobs.push(b); return o.call(URL, b); }; return true;")
        .await;
}

#[tokio::test]
async fn export_gives_exactly_the_rows_shown() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/?pcountry=CA").await;
        c.wait_for_rows().await;
        assert_eq!(rows(&c).await, 6);
        capture_downloads(&c).await;
        // The downloads are in the toolbar's menu.
        c.find(".actions-menu > summary").await.click().await.unwrap();
        c.find(".export button:nth-child(1)").await.click().await.unwrap();
        c.find(".export button:nth-child(2)").await.click().await.unwrap();
        let texts = c
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 Promise.all(window.__blobs.map(async b => { \
                   const bytes = new Uint8Array(await b.arrayBuffer()); \
                   return (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF ? 'BOM:' : '') + new TextDecoder().decode(bytes); \
                 })).then(done);",
                vec![],
            )
            .await
            .unwrap();
        let texts: Vec<String> = serde_json::from_value(texts).unwrap();
        assert_eq!(texts.len(), 2);
        let csv = &texts[0];
        let csv = csv.strip_prefix("BOM:").expect("the CSV starts with a UTF-8 byte-order mark");
        assert_eq!(csv.trim_end().lines().count(), 7, "header + 6 rows: {csv}");
        assert!(csv.contains("Montréal") && !csv.contains("Zhengzhou"));
        assert!(!texts[1].starts_with("BOM:"), "JSON has no BOM");
        let json: serde_json::Value = serde_json::from_str(&texts[1]).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(6));
        assert!(json.as_array().unwrap().iter().all(|p| p["partner"]["country"] == "CA"));
    })
    .await;
}

#[tokio::test]
async fn the_geojson_download_holds_the_shown_pairings_as_arcs_with_their_cities() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/?q=japan").await;
        c.wait_for_rows().await;
        assert_eq!(rows(&c).await, 8);
        capture_downloads(&c).await;
        // From the keyboard, as any control: open the toolbar's menu, focus the button and press Enter.
        c.js("document.querySelector('.actions-menu > summary').focus(); return true;").await;
        c.keys(&fantoccini::key::Key::Enter.to_string()).await;
        c.wait_js("return document.querySelector('.actions-menu').open;", 5).await;
        iuc_e2e::axe::assert_no_violations(&c, "the toolbar's menu open").await;
        c.js("document.querySelector('.export button.export-geojson').focus(); return true;").await;
        c.keys(&fantoccini::key::Key::Enter.to_string()).await;
        let blob = c
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];                  const b = window.__blobs[0]; b ? b.text().then(t => done({ type: b.type, text: t })) : done(null);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(blob["type"], "application/geo+json");
        let v: serde_json::Value = serde_json::from_str(blob["text"].as_str().expect("a GeoJSON download")).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        let lines: Vec<_> = features.iter().filter(|f| f["geometry"]["type"] == "LineString").collect();
        assert_eq!(lines.len(), 8, "one arc per pairing shown");
        assert_eq!(features.iter().filter(|f| f["geometry"]["type"] == "Point").count(), 16, "and both cities");
        for f in lines {
            let line = f["geometry"]["coordinates"].as_array().unwrap();
            assert!(line.len() >= 2);
            for p in line {
                let (lon, lat) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat), "{p}");
            }
            // From the EU city (west) to the Japanese one (east): lon, lat order.
            let (first, last) = (&line[0], &line[line.len() - 1]);
            assert!(first[0].as_f64().unwrap() < 30.0 && last[0].as_f64().unwrap() > 129.0, "{first} → {last}");
            assert_eq!(f["properties"]["partner_country"], "JP");
        }
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn at_phone_width_the_page_does_not_scroll_sideways() {
    let opts = BrowserOptions { width: 320, height: 800, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        let overflow =
            c.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
        assert!(overflow.as_i64().unwrap_or(99) <= 0, "horizontal overflow {overflow}");
        c.screenshot("explore-320").await;
    })
    .await;
}

/// On a phone the filters are a full-height sheet behind a "Filters (n)" button: modal while
/// open (the page behind is inert), "Show n pairings" and Escape close it, focus comes back.
#[tokio::test]
async fn on_a_phone_the_filters_open_as_a_sheet_that_shows_what_they_leave() {
    let opts = BrowserOptions { width: 390, height: 844, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        // Closed: the facets are not in the page's flow; the button is a 44 px target.
        assert_eq!(c.js("return getComputedStyle(document.getElementById('filters')).display;").await, json!("none"));
        let toggle = c.js("const r = document.getElementById('filters-toggle').getBoundingClientRect(); return [r.width, r.height, r.top];").await;
        assert!(toggle[1].as_f64().unwrap_or(0.0) >= 44.0 && toggle[2].as_f64().unwrap_or(1e9) < 844.0, "{toggle}");
        c.js("document.getElementById('filters-toggle').focus(); return true;").await;
        c.keys(&Key::Enter.to_string()).await;
        c.wait_js("return document.activeElement && document.activeElement.id === 'filters-title';", 5).await;
        let sheet = c.js("const r = document.getElementById('filters').getBoundingClientRect(); \
                          return [r.top === 0 && r.height === innerHeight, document.getElementById('filters-toggle').getAttribute('aria-expanded'), \
                          document.querySelector('.results').inert];").await;
        assert_eq!(sheet, json!([true, "true", true]), "a full-height sheet, the page behind inert");
        iuc_e2e::axe::assert_no_violations(&c, "phone filter sheet open").await;
        c.find("label[for='f-region-asia']").await.click().await.unwrap();
        c.wait_js("return document.querySelector('.filters-done button').innerText.includes('Show 30 pairings');", 5).await;
        c.find(".filters-done button").await.click().await.unwrap();
        c.wait_js("return document.activeElement && document.activeElement.id === 'filters-toggle';", 5).await;
        assert_eq!(c.text("#filters-toggle").await, "Filters (1)");
        assert_eq!(c.count("table.pairings tbody tr").await, 30);
        assert_eq!(c.js("return document.querySelector('.results').inert;").await, json!(false));
        // Escape closes it too.
        c.find("#filters-toggle").await.click().await.unwrap();
        c.wait_js("return document.getElementById('filters').classList.contains('open');", 5).await;
        c.keys(&Key::Escape.to_string()).await;
        c.wait_js("return !document.getElementById('filters').classList.contains('open') && document.activeElement.id === 'filters-toggle';", 5).await;
        c.screenshot("phone-390-first-screen").await;
        c.assert_clean().await;
    })
    .await;
}

/// A phone's first screen (390×844) holds the search box and the map; the map / table / both
/// switch is a set of tabs (arrow keys, one tab stop), and the Table tab brings the first
/// pairings into the first screen.
#[tokio::test]
async fn on_a_phone_the_first_screen_shows_the_map_and_the_table_tab_the_first_rows() {
    let opts = BrowserOptions { width: 390, height: 844, ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        let (q_top, q_bottom) = c.span_of("#q").await;
        assert!(q_top >= 0.0 && q_bottom <= 844.0, "search box at {q_top}–{q_bottom}");
        let (map_top, map_bottom) = c.span_of(".map-frame svg").await;
        assert!(map_top > q_bottom && map_bottom <= 844.0, "the map at {map_top}–{map_bottom} is within the first screen");
        // Touch targets: the tabs, the filters' button, the menu and the navigation.
        let small = c
            .js("return [...document.querySelectorAll('.view-switch [role=tab], #filters-toggle, .actions-menu > summary, .site-header nav a, #language')] \
                 .map(e => e.getBoundingClientRect()).filter(r => r.height < 44).length;")
            .await;
        assert_eq!(small, json!(0), "every control in the first screen is at least 44 px tall");

        // The tabs: one tab stop, the arrow keys move and choose.
        let tabs = c.js("return [...document.querySelectorAll('[role=tablist] [role=tab]')].map(t => [t.id, t.getAttribute('aria-selected'), t.tabIndex]);").await;
        assert_eq!(tabs, json!([["view-both", "true", 0], ["view-map", "false", -1], ["view-table", "false", -1]]));
        assert_eq!(c.js("return document.getElementById('panes').getAttribute('aria-labelledby');").await, json!("view-both"));
        c.js("document.getElementById('view-both').focus(); return true;").await;
        c.keys(&Key::Right.to_string()).await;
        c.keys(&Key::Right.to_string()).await;
        c.wait_js("return new URLSearchParams(location.search).get('view') === 'table' && document.activeElement.id === 'view-table';", 5).await;
        assert_eq!(c.count(".map-frame").await, 0);
        assert_eq!(c.js("return document.getElementById('panes').getAttribute('aria-labelledby');").await, json!("view-table"));
        let (row_top, _) = c.span_of("table.pairings tbody tr").await;
        assert!(row_top < 844.0 - 100.0, "the first pairing starts at {row_top}");
        c.screenshot("phone-390-table-tab").await;
        // End and Home; Left wraps round.
        c.keys(&Key::Home.to_string()).await;
        c.wait_js("return !new URLSearchParams(location.search).has('view') && document.activeElement.id === 'view-both';", 5).await;
        c.keys(&Key::Left.to_string()).await;
        c.wait_js("return new URLSearchParams(location.search).get('view') === 'table';", 5).await;
        c.keys(&Key::End.to_string()).await;
        c.keys(&Key::Up.to_string()).await;
        c.wait_js("return new URLSearchParams(location.search).get('view') === 'map' && document.activeElement.id === 'view-map';", 5).await;
        iuc_e2e::axe::assert_no_violations(&c, "phone, map tab").await;
        c.assert_clean().await;
    })
    .await;
}

/// What the table renders, as a reader's browser has it: `aria-rowcount`, and each rendered
/// row's `aria-rowindex` and pairing id; the row at the middle of the viewport.
const WINDOW_PROBE: &str = "const t = document.querySelector('table.pairings'); \
  const rows = [...t.querySelectorAll('tbody tr:not(.spacer)')]; \
  const r = t.getBoundingClientRect(); \
  const e = document.elementFromPoint(r.left + r.width / 2, innerHeight / 2); \
  const tr = e && e.closest('table.pairings tbody tr'); \
  return { count: Number(t.getAttribute('aria-rowcount')), \
    index: rows.map(r => Number(r.getAttribute('aria-rowindex'))), \
    ids: rows.map(r => r.querySelector('a.row-link').dataset.id), \
    middle: tr ? (tr.classList.contains('spacer') ? -1 : Number(tr.getAttribute('aria-rowindex'))) : 0 };";

/// The `aria-rowindex` of the row whose link has the focus (0 when none has).
const FOCUSED_ROW: &str = "const a = document.activeElement; \
  return a && a.classList.contains('row-link') ? Number(a.closest('tr').getAttribute('aria-rowindex')) : 0;";

/// The benchmark's 10,000 synthetic pairings, and their ids in dataset order.
fn ten_thousand() -> (String, Vec<String>) {
    use iuc_e2e::bench;
    let base = bench::shipped_dataset().expect("the shipped dataset");
    let synthetic = bench::synthetic_dataset(&base, 10_000, 1).expect("synthetic dataset");
    let parsed: serde_json::Value = serde_json::from_str(&synthetic).expect("json");
    let ids = parsed["pairings"]
        .as_array()
        .expect("pairings")
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect();
    (synthetic, ids)
}

/// Serve `data` as the pairings and open the table, once the app shows all of them.
async fn open_table_at_10000(c: &Ctx, data: String) {
    c.server.set_override("/data/pairings.json", "application/json", data.into_bytes());
    c.open("/?view=table").await;
    c.wait_js(
        "return document.documentElement.dataset.app && \
         document.querySelector('table.pairings')?.getAttribute('aria-rowcount') === '10001';",
        90,
    )
    .await;
}

/// Check a window probe: consecutive rows, each the pairing at its place in the list.
fn check_window(w: &serde_json::Value, ids: &[String], what: &str) -> (u64, u64) {
    let index: Vec<u64> = w["index"].as_array().expect("index").iter().filter_map(|v| v.as_u64()).collect();
    let shown: Vec<&str> = w["ids"].as_array().expect("ids").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(w["count"], json!(ids.len() + 1), "{what}: aria-rowcount counts every pairing and the header");
    assert!(!index.is_empty() && index.len() < 80, "{what}: {} rows rendered", index.len());
    assert!(index.windows(2).all(|p| p[1] == p[0] + 1), "{what}: rows out of order {index:?}");
    for (k, id) in index.iter().zip(&shown) {
        assert_eq!(ids[*k as usize - 2], *id, "{what}: row {k} is not the pairing at its place");
    }
    (index[0], index[index.len() - 1])
}

#[tokio::test]
async fn at_10000_pairings_the_table_renders_the_rows_near_the_viewport() {
    let (synthetic, ids) = ten_thousand();
    with_browser(BrowserOptions::default(), |c| async move {
        open_table_at_10000(&c, synthetic).await;
        assert_eq!(status(&c).await, "10,000 of 10,000 pairings shown");
        // At the top: the first rows, in dataset order.
        let (first, _) = check_window(&c.js(WINDOW_PROBE).await, &ids, "top");
        assert_eq!(first, 2, "the first row after the header");
        iuc_e2e::axe::assert_no_violations(&c, "table-window-top").await;

        // Scrolled far down: the rows there are rendered, in place, and the spacers keep the
        // page's height (the middle of the viewport is a row, not a spacer).
        c.js("const t = document.querySelector('table.pairings tbody tr:not(.spacer)'); \
              const h = t.getBoundingClientRect().height; \
              window.scrollTo(0, t.getBoundingClientRect().top + scrollY + 4000 * h); return true;")
            .await;
        c.wait_js(&format!("return (() => {{ {WINDOW_PROBE} }})().middle > 100;"), 10).await;
        let w = c.js(WINDOW_PROBE).await;
        let (a, b) = check_window(&w, &ids, "scrolled");
        let middle = w["middle"].as_u64().expect("a row in the middle");
        assert!(a < middle && middle < b, "the row in view ({middle}) is inside the window {a}..{b}");
        assert!((3_000..5_000).contains(&middle), "scrolled by about 4,000 rows: row {middle} in view");

        // Tab walks down the rows past the rendered ones: the browser scrolls the focused row
        // into view and the window follows.
        for step in 0..3 {
            let last = c
                .js("const rows = document.querySelectorAll('table.pairings tbody tr:not(.spacer)'); \
                     const r = rows[rows.length - 1]; r.querySelector('a.row-link').focus(); \
                     return Number(r.getAttribute('aria-rowindex'));")
                .await
                .as_u64()
                .expect("last rendered row");
            c.wait_js(
                &format!("return !!document.querySelector('table.pairings tr[aria-rowindex=\"{}\"]');", last + 1),
                5,
            )
            .await;
            c.keys(&Key::Tab.to_string()).await;
            let now = c.js(FOCUSED_ROW).await;
            assert_eq!(now, json!(last + 1), "Tab {step} from the last rendered row reaches the next pairing");
        }
        check_window(&c.js(WINDOW_PROBE).await, &ids, "after Tab");
        // Shift+Tab walks back up, past the viewport's top (the window grows upwards).
        let mut at = c.js(FOCUSED_ROW).await.as_u64().expect("a focused row");
        for _ in 0..40 {
            c.shift_tab().await;
            let now = c.js(FOCUSED_ROW).await;
            assert_eq!(now, json!(at - 1), "Shift+Tab from row {at} reaches the one before");
            at -= 1;
        }
        let (a, _) = check_window(&c.js(WINDOW_PROBE).await, &ids, "after Shift+Tab");
        assert!(a < at, "the window grew upwards to row {at} ({a})");

        // Printing renders every row, and the window comes back after.
        c.js("window.dispatchEvent(new Event('beforeprint')); return true;").await;
        c.wait_js(
            "return document.querySelectorAll('table.pairings tbody tr:not(.spacer)').length === 10000 \
                   && !document.querySelector('table.pairings tr.spacer');",
            60,
        )
        .await;
        c.js("window.dispatchEvent(new Event('afterprint')); return true;").await;
        c.wait_js("return document.querySelectorAll('table.pairings tbody tr:not(.spacer)').length < 80;", 30).await;

        // A search: the count follows, and the window starts again from the rows in view.
        c.js("window.scrollTo(0, 0); return true;").await;
        type_query(&c, "water").await;
        c.wait_js("return !document.querySelector('#result-count').innerText.startsWith('10,000 of');", 10).await;
        let shown: u64 = status(&c).await.split(" of ").next().unwrap_or("").replace(',', "").parse().expect("a count");
        let w = c.js(WINDOW_PROBE).await;
        assert_eq!(w["count"], json!(shown + 1), "aria-rowcount follows the search");
        c.assert_clean().await;
    })
    .await;
}

/// On a phone the rows are cards of several lines, of unequal heights: the window still holds
/// the rows in view after a long scroll, and the spacers keep the page's length.
#[tokio::test]
async fn at_10000_pairings_a_phone_scrolls_through_the_table() {
    let (synthetic, ids) = ten_thousand();
    let phone = BrowserOptions { width: 390, height: 844, ..BrowserOptions::default() };
    with_browser(phone, |c| async move {
        open_table_at_10000(&c, synthetic).await;
        check_window(&c.js(WINDOW_PROBE).await, &ids, "phone, top");
        for (i, rows) in [2_000, 7_000, 9_990].into_iter().enumerate() {
            c.js(&format!(
                "const t = document.querySelector('table.pairings tbody'); \
                 const h = t.getBoundingClientRect().height / 10000; \
                 window.scrollTo(0, t.getBoundingClientRect().top + scrollY + {rows} * h); return true;"
            ))
            .await;
            c.wait_js(&format!("return (() => {{ {WINDOW_PROBE} }})().middle > 0;"), 10).await;
            let w = c.js(WINDOW_PROBE).await;
            let (a, b) = check_window(&w, &ids, &format!("phone, scroll {i}"));
            let middle = w["middle"].as_u64().expect("a row in the middle");
            assert!(a <= middle && middle <= b, "the row in view ({middle}) is inside the window {a}..{b}");
        }
        // The end of the list: the last pairing is rendered once scrolled to the bottom.
        c.js("window.scrollTo(0, document.documentElement.scrollHeight); return true;").await;
        c.wait_js("return !!document.querySelector('table.pairings tr[aria-rowindex=\"10001\"]');", 10).await;
        check_window(&c.js(WINDOW_PROBE).await, &ids, "phone, bottom");
        c.assert_clean().await;
    })
    .await;
}
