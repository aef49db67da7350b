//! Hosting under a sub-path (`trunk build --public-url /iuc/`): links, deep links, navigation,
//! data and the wizard all stay under the base. `./x test` builds this variant into
//! `target/dist-subpath` and passes it as `IUC_DIST_SUBPATH`.

use iuc_e2e::{with_server, BrowserOptions, Options};
use serde_json::json;

#[tokio::test]
async fn the_app_works_under_a_sub_path() {
    let dir = std::env::var("IUC_DIST_SUBPATH")
        .expect("IUC_DIST_SUBPATH: a build with --public-url /iuc/ (./x test makes it)");
    let mut o = Options::new(dir);
    o.base = "/iuc/".into();
    with_server(o, BrowserOptions::default(), |c| async move {
        c.open("/iuc/").await;
        c.wait_for_rows().await;
        let links = c.js("return [...document.querySelectorAll('nav a, a.row-link')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('/iuc/'))").await;
        assert_eq!(links, json!([]), "every link stays under the base");
        c.find("nav a[href='/iuc/about']").await.click().await.unwrap();
        c.wait_js("return location.pathname === '/iuc/about' && document.querySelector('main h1').innerText.includes('About');", 10).await;
        c.open("/iuc/pairing/rome--yantai").await;
        c.wait_js("return !!document.querySelector('.detail h2');", 10).await;
        c.find(".detail .close").await.click().await.unwrap();
        c.wait_js("return !document.querySelector('.detail') && location.pathname === '/iuc/';", 5).await;
        c.open("/iuc/eligibility").await;
        c.wait_js("return !!document.querySelector('main h1');", 10).await;
        let wizard = c.js("return [...document.querySelectorAll('main a')].map(a => a.getAttribute('href')).filter(h => h.startsWith('/') && !h.startsWith('/iuc/'))").await;
        assert_eq!(wizard, json!([]));
        // Nothing was requested outside the base.
        let outside: Vec<String> = c.server.requests().into_iter().filter(|r| !r.contains(" /iuc/")).collect();
        assert!(outside.is_empty(), "{outside:?}");
        c.assert_clean().await;
    })
    .await;
}
