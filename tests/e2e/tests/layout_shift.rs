//! No layout shift while the app loads: nothing the reader already sees moves when the data, the
//! map or the page's content arrive. A shift score is not a time: with the footer kept below the
//! first screen until the content is in, the pages below score 0 however fast or slow the machine.

use iuc_e2e::{with_browser, BrowserOptions};

#[tokio::test]
async fn pages_load_without_layout_shift_on_desktop_and_phone() {
    for (width, height) in [(1280, 800), (412, 823)] {
        let opts = BrowserOptions { width, height, ..Default::default() };
        with_browser(opts, |c| async move {
            c.watch_layout_shifts().await;
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
                let (total, shifts) = c.layout_shift().await;
                assert!(total <= 0.01, "{path} at {width}×{height}: layout shift {total:.3}: {shifts}");
            }
        })
        .await;
    }
}
