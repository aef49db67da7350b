//! Deterministic performance guards: what `./x test` may assert about performance on a shared,
//! possibly busy machine. Bytes of the build, counts (DOM nodes, history entries, DOM changes)
//! and memory growth over a fixed number of cycles come out the same on a quiet machine and a
//! loaded one; a time in milliseconds does not (it drifts by ±20 % or more from run to run), so
//! no test here or anywhere in `./x test` asserts one. The time budgets live in `./x bench`,
//! which reports them, and `./x bench --check` fails when one is missed (`iuc_e2e::budgets`).
//!
//! Each test prints its figures (`--nocapture` to see them when it passes) and writes them to
//! `target/e2e-artefacts/perf-*.json`.
//!
//! | guard | ceiling | today |
//! |---|---|---|
//! | first load of Explore, brotli | ≤ 450 KB (budget 150 KB, not met yet) | 385 KB |
//! | std's lower-case and float-parsing tables in the WASM | none | none (23 KB raw before) |
//! | DOM nodes, Explore at 55 pairings (map + table) | ≤ 6,000 | 4,098 |
//! | DOM nodes, Explore at 10,000 pairings (the table renders the rows near the viewport, 16 at 1280×900; the map clusters) | ≤ 7,000 | 2,906 (4,782 with 100 rows) |
//! | history entries added by typing | 0 | 0 |
//! | WASM memory growth over 300 search/select cycles, after 10 | ≤ 1 MB | 0.13 MB; 6.8 MB before the `vendor/reactive_graph` fix |

use iuc_e2e::bench;
use iuc_e2e::{artefacts_dir, dist_dir, with_browser, BrowserOptions, Ctx};
use serde_json::json;
use std::time::Duration;

/// Regression guard (budget 150 KB not met yet).
const CEILING_FIRST_LOAD_BYTES: usize = 450_000;
/// Every node in the document (elements, text, comments) on Explore at 55 pairings.
const CEILING_NODES_55: u64 = 6_000;
/// The same at 10,000 pairings: the table's window and the map's clusters keep it near the
/// 55-pairing page's.
const CEILING_NODES_10K: u64 = 7_000;
/// WASM linear memory only grows, in 64 KiB pages, and the allocator keeps some slack: "no
/// growth" is asserted as at most 1 MB over 300 cycles (a leak of 3 KB per cycle or more fails).
/// It does not depend on garbage-collection timing: run 10 times while another process kept one
/// core busy, the growth was 131,072 bytes (two pages) every time (2026-12-07).
const CEILING_MEMORY_GROWTH_BYTES: f64 = 1_000_000.0;
const MEMORY_CYCLES: usize = 300;
/// At 10,000 pairings the table renders the rows in and near the viewport (`iuc_core::window`):
/// at 1280×900, 900 px of rows of about 40 px, 8 more on each side, in steps of 8.
const CEILING_ROWS_10K: u64 = 48;

fn record(name: &str, v: serde_json::Value) {
    eprintln!("{name}: {v}");
    let _ = std::fs::write(artefacts_dir().join(format!("perf-{name}.json")), v.to_string());
}

/// Every node in the document, and the table's rows.
async fn counts(c: &Ctx) -> (u64, u64) {
    let v = c
        .js("const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); let n = 1; \
             while (w.nextNode()) n++; \
             return [n, document.querySelectorAll('table.pairings tbody tr:not(.spacer)').length];")
        .await;
    (v[0].as_u64().unwrap_or(u64::MAX), v[1].as_u64().unwrap_or(0))
}

/// The document's node count on Explore's start page (every pairing shown, no detail, an empty
/// search box), at rest. The page is brought there the way a reader would (the site name's link),
/// since a search typed just before may still be waiting for its URL write, or be overtaken by a
/// detail's navigation; then the count must hold for 400 ms.
async fn settled_nodes(c: &Ctx) -> u64 {
    c.js("document.querySelector('a.brand-name').click(); return true;").await;
    // What the page shows, not the address bar: after many quick detail opens and closes the
    // browser's URL can be left on a detail's address while the page shows Explore (a
    // leptos_router ordering race, see the closing note of #13).
    let at_rest = "const c = document.querySelector('#result-count'); const m = c && c.innerText.match(/^([\\d,]+) of ([\\d,]+)/); \
                   return !!m && m[1] === m[2] && !document.querySelector('.detail') && document.querySelector('#q').value === '';";
    for _ in 0..300 {
        if c.js(at_rest).await == serde_json::json!(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let state = c
        .js("return { href: location.href, q: document.querySelector('#q').value, detail: !!document.querySelector('.detail'), \
             count: document.querySelector('#result-count') && document.querySelector('#result-count').innerText };")
        .await;
    assert_eq!(c.js(at_rest).await, serde_json::json!(true), "Explore's start page never came: {state}");
    let mut last = counts(c).await.0;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let now = counts(c).await.0;
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("the page never came to rest: {last} nodes and still changing");
}

/// Type the benchmark's 20 keys (type "smart", delete it, type "water", delete it) and check
/// that each word changed the page, that typing added no history entry, and that the page is
/// back to its node count once the box is empty again. Returns the DOM changes per key.
async fn typing_leaves_no_trace(c: &Ctx, nodes_before: u64) -> Vec<u64> {
    let entries = c.js("return history.length;").await;
    let keys = bench::search_run(c, &bench::search_keys(), 150).await.expect("typing");
    assert_eq!(keys.len(), 20);
    let changed = keys.iter().filter(|k| k.mutations > 0).count();
    // A key that does not change the result set (the 5th letter of "smart") may change nothing.
    assert!(changed >= 15, "only {changed} of 20 keys changed the page: {keys:?}");
    // The URL is written once typing pauses: wait for that write, then count history entries
    // (before `settled_nodes`, whose link click is a navigation of its own).
    c.wait_js("return !new URLSearchParams(location.search).has('q');", 30).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(c.js("return history.length;").await, entries, "typing added history entries");
    let after = settled_nodes(c).await;
    assert_eq!(after, nodes_before, "the page with the box emptied again has another node count");
    keys.iter().map(|k| k.mutations).collect()
}

#[test]
fn the_first_load_is_under_its_ceiling() {
    let rows = xtask::sizes::measure(&dist_dir()).expect("a release build in IUC_DIST");
    let first: usize = rows.iter().filter(|f| xtask::sizes::is_first_load(&f.path)).map(|f| f.brotli).sum();
    let wasm: usize = rows.iter().filter(|f| f.path.ends_with(".wasm")).map(|f| f.brotli).sum();
    assert!(wasm > 0, "no WASM in {}", dist_dir().display());
    record(
        "first-load",
        json!({ "first_load_brotli": first, "wasm_brotli": wasm, "ceiling": CEILING_FIRST_LOAD_BYTES }),
    );
    let files: Vec<String> = rows
        .iter()
        .filter(|f| xtask::sizes::is_first_load(&f.path))
        .map(|f| format!("{} {}", f.path, f.brotli))
        .collect();
    assert!(
        first <= CEILING_FIRST_LOAD_BYTES,
        "first load is {first} bytes brotli (WASM {wasm}), over the ceiling of {CEILING_FIRST_LOAD_BYTES}: {files:?}"
    );
}

/// Two tables of the standard library the app keeps out of its WASM (README, "Performance"): the
/// one `char::to_lowercase` and `str::to_lowercase` search (13 KB; `iuc_core::text` lower-cases
/// from its own runs), and the 128-bit powers of five `str::parse::<f64>` needs (10 KB; a map view
/// in the URL is read by `iuc_core::geo`'s own plain-decimal reader). One call to either anywhere
/// brings its table back, which this finds by its first bytes.
#[test]
fn the_wasm_carries_neither_standard_table_the_app_does_without() {
    // `to_lowercase`'s table starts with the pairs (À, à), (Á, á), (Â, â), (Ã, ã), two u32 each.
    let lower: Vec<u8> = ('\u{C0}'..='\u{C3}')
        .flat_map(|c| [c as u32, c.to_lowercase().next().map_or(0, |l| l as u32)])
        .flat_map(u32::to_le_bytes)
        .collect();
    // `dec2flt`'s POWER_OF_FIVE_128 starts with 5^-342 as two u64.
    let pow5: Vec<u8> =
        [0xeef4_53d6_923b_d65a_u64, 0x113f_aa29_06a1_3b3f].into_iter().flat_map(u64::to_le_bytes).collect();
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    let mut checked = 0;
    for entry in std::fs::read_dir(dist_dir()).expect("a release build in IUC_DIST").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            let bytes = std::fs::read(&path).expect("readable");
            let name = path.display();
            assert!(!contains(&bytes, &lower), "{name} carries char::to_lowercase's table: use iuc_core::text");
            assert!(!contains(&bytes, &pow5), "{name} carries str::parse::<f64>'s table");
            checked += 1;
        }
    }
    assert!(checked > 1, "no split WASM in {}", dist_dir().display());
}

#[tokio::test]
async fn explore_at_55_pairings_stays_small_and_typing_leaves_no_trace() {
    with_browser(BrowserOptions::default(), |c| async move {
        bench::install_load_probe(&c).await.expect("load probe");
        bench::load(&c, "/", true, Duration::from_secs(60)).await.expect("cold load");
        assert_eq!(c.text("#result-count").await, "55 of 55 pairings shown");
        let nodes = settled_nodes(&c).await;
        let rows = counts(&c).await.1;
        assert_eq!(rows, 55);
        let mutations = typing_leaves_no_trace(&c, nodes).await;
        record("55", json!({ "dom_nodes": nodes, "rows": rows, "dom_changes_per_key": mutations }));
        c.assert_clean().await;
        assert!(nodes <= CEILING_NODES_55, "{nodes} DOM nodes at 55 pairings (ceiling {CEILING_NODES_55})");
    })
    .await;
}

#[tokio::test]
async fn explore_at_10000_pairings_renders_a_window_of_rows_and_clusters_the_map() {
    let base = bench::shipped_dataset().expect("the shipped dataset");
    let synthetic = bench::synthetic_dataset(&base, 10_000, 1).expect("synthetic dataset");
    with_browser(BrowserOptions::default(), |c| async move {
        c.server.set_override("/data/pairings.json", "application/json", synthetic.into_bytes());
        bench::install_load_probe(&c).await.expect("load probe");
        bench::load(&c, "/", true, Duration::from_secs(120)).await.expect("load 10,000 pairings");
        assert_eq!(c.text("#result-count").await, "10,000 of 10,000 pairings shown");
        let nodes = settled_nodes(&c).await;
        let rows = counts(&c).await.1;
        assert!(rows > 0 && rows <= CEILING_ROWS_10K, "the table renders {rows} rows (ceiling {CEILING_ROWS_10K})");
        // A cluster's accessible name lists its first five cities, then "…" (no one can listen
        // to thousands of names).
        let names = c
            .js("return [...document.querySelectorAll('.map-marker.cluster')].map(m => m.getAttribute('aria-label'))")
            .await;
        let names: Vec<&str> = names.as_array().expect("labels").iter().filter_map(|v| v.as_str()).collect();
        assert!(!names.is_empty(), "clusters at 10,000 pairings");
        assert!(names.iter().any(|n| n.contains("…")), "some cluster has more than five cities: {names:?}");
        for n in &names {
            assert!(n.len() < 400, "a cluster's name: {n}");
        }
        let mutations = typing_leaves_no_trace(&c, nodes).await;
        record("10000", json!({ "dom_nodes": nodes, "rows": rows, "dom_changes_per_key": mutations }));
        assert!(nodes <= CEILING_NODES_10K, "{nodes} DOM nodes at 10,000 pairings (ceiling {CEILING_NODES_10K})");
    })
    .await;
}

#[tokio::test]
async fn memory_does_not_grow_across_search_and_select_cycles() {
    with_browser(BrowserOptions::default(), |c| async move {
        bench::install_load_probe(&c).await.expect("load probe");
        bench::load(&c, "/", false, Duration::from_secs(60)).await.expect("load");
        assert_eq!(bench::cycles(&c, 10).await.expect("warm-up cycles"), 10, "each cycle opens a detail");
        let nodes_before = settled_nodes(&c).await;
        let before = bench::memory(&c).await.expect("memory");
        let mut opened = 0;
        for _ in 0..MEMORY_CYCLES / 100 {
            opened += bench::cycles(&c, 100).await.expect("cycles");
        }
        assert_eq!(opened as usize, MEMORY_CYCLES, "each cycle opens a detail");
        let nodes_after = settled_nodes(&c).await;
        let after = bench::memory(&c).await.expect("memory");
        let growth = after.wasm - before.wasm;
        record(
            "memory",
            json!({ "cycles": MEMORY_CYCLES, "before": before.to_json(), "after": after.to_json(), "wasm_growth_bytes": growth,
                    "document_nodes": { "before": nodes_before, "after": nodes_after } }),
        );
        // The document's own nodes, not DevTools' DOM counter: that one also counts detached
        // nodes the collector has not reached yet, and once came out one higher under load.
        assert_eq!(nodes_after, nodes_before, "nodes in the document after the cycles");
        assert!(
            growth <= CEILING_MEMORY_GROWTH_BYTES,
            "WASM memory grew by {:.0} KB over {MEMORY_CYCLES} search/select cycles (ceiling {:.0} KB)",
            growth / 1e3,
            CEILING_MEMORY_GROWTH_BYTES / 1e3
        );
        c.assert_clean().await;
    })
    .await;
}
