//! No layout shift while the app loads: nothing the reader already sees moves when the data, the
//! map or the page's content arrive. A shift score is not a time: with the footer kept below the
//! first screen until the content is in, the pages below score 0 however fast or slow the machine.

use iuc_e2e::bench::cdp;
use iuc_e2e::{with_browser, BrowserOptions};
use serde_json::json;

/// Sums the page's layout-shift entries (what Lighthouse and Core Web Vitals call CLS, without
/// the session windows: a stricter sum), and names what moved.
const SHIFT_PROBE: &str = "window.__shifts = []; new PerformanceObserver(l => { for (const e of l.getEntries()) \
  if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map(s => s.node ? \
  (s.node.id || s.node.className || s.node.nodeName) : '?') }); }).observe({ type: 'layout-shift', buffered: true });";

#[tokio::test]
async fn pages_load_without_layout_shift_on_desktop_and_phone() {
    for (width, height) in [(1280, 800), (412, 823)] {
        let opts = BrowserOptions { width, height, ..Default::default() };
        with_browser(opts, |c| async move {
            cdp(&c, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": SHIFT_PROBE })).await.expect("probe");
            for path in ["/", "/pairing/belfast--cali-medellin", "/about", "/eligibility"] {
                c.open(path).await;
                c.wait_js("return !!document.querySelector('main h1');", 60).await;
                if path == "/" {
                    c.wait_for_rows().await;
                    c.wait_js(
                        "return !!document.querySelector('.map-country') && !!document.querySelector('.map-marker');",
                        30,
                    )
                    .await;
                }
                // Let anything still on its way arrive (the basemap, fonts, the worker's update check).
                tokio::time::sleep(std::time::Duration::from_millis(800)).await;
                let shifts = c.js("return window.__shifts;").await;
                let total: f64 = shifts.as_array().into_iter().flatten().filter_map(|s| s["value"].as_f64()).sum();
                assert!(total <= 0.01, "{path} at {width}×{height}: layout shift {total:.3}: {shifts}");
            }
        })
        .await;
    }
}
