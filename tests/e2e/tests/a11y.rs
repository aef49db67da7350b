//! Accessibility (EN 301 549 → WCAG 2.1 AA): axe-core on every view and state, in light and dark
//! mode, at 320 px and with reduced motion; and keyboard use: the skip link, a visible focus
//! indicator on every interactive element, and the map's markers operated from the keyboard.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use iuc_e2e::axe::Audit;
use iuc_e2e::{with_browser, with_server, BrowserOptions, Ctx, Options};
use serde_json::{json, Value};

/// Explore is ready: rows (or the empty message), and the map with its basemap unless table-only.
const EXPLORE_READY: &str = "const v = new URLSearchParams(location.search).get('view'); \
    const data = document.querySelectorAll('table.pairings tbody tr').length > 0 || !!document.querySelector('.empty') || v === 'map'; \
    const map = v === 'table' || (!!document.querySelector('.map-country') && (document.querySelectorAll('.map-marker').length > 0 || !!document.querySelector('.empty') || new URLSearchParams(location.search).has('q'))); \
    return data && map && !document.querySelector('.loading');";

/// A page other than Explore is ready: a main heading and nothing loading.
const PAGE_READY: &str = "return !!document.querySelector('main h1') && !document.querySelector('.loading');";

/// Open `path`, wait for `ready` and check with axe.
async fn check(c: &Ctx, a: &mut Audit, path: &str, ready: &str, state: &str) {
    c.open(path).await;
    c.wait_js(ready, 30).await;
    a.check(c, state).await;
}

/// Fail on console errors or CSP reports (axe itself must not trip the CSP either).
async fn assert_console_clean(c: &Ctx) {
    c.assert_console_clean().await;
}

async fn press(c: &Ctx, key: Key) {
    let k: char = key.into();
    let actions =
        KeyActions::new("keyboard".to_string()).then(KeyAction::Down { value: k }).then(KeyAction::Up { value: k });
    c.client.perform_actions(actions).await.expect("key press");
}

#[tokio::test]
async fn explore_in_every_state_has_no_axe_violations() {
    with_browser(BrowserOptions::default(), |c| async move {
        let mut a = Audit::new();
        check(&c, &mut a, "/", EXPLORE_READY, "explore").await;

        // Typing a search (the live region and highlighted matches).
        let input = c.find("#q").await;
        input.click().await.expect("focus search");
        input.send_keys("smart").await.expect("type");
        c.wait_js("return document.querySelectorAll('table.pairings tbody mark').length > 0;", 5).await;
        a.check(&c, "explore-search").await;

        check(
            &c,
            &mut a,
            "/?q=zzzz",
            "return !!document.querySelector('.empty') && !!document.querySelector('.map-country');",
            "explore-empty",
        )
        .await;
        check(&c, &mut a, "/?region=asia&tag=mobility&pcountry=CN&eucountry=IT", EXPLORE_READY, "explore-facets").await;
        check(&c, &mut a, "/?sort=-partner-country", EXPLORE_READY, "explore-sorted").await;
        check(&c, &mut a, "/?view=map", EXPLORE_READY, "explore-map-only").await;
        check(&c, &mut a, "/?view=table", EXPLORE_READY, "explore-table-only").await;

        // The pairing detail (opened by deep link and by the keyboard) and the "not found" detail.
        check(
            &c,
            &mut a,
            "/pairing/rome--yantai",
            "return !!document.querySelector('.detail h2') && !!document.querySelector('.map-country');",
            "detail",
        )
        .await;
        check(
            &c,
            &mut a,
            "/pairing/agii-anargiri-kamatero--zhengzhou?q=mobility",
            "return !!document.querySelector('.detail h2');",
            "detail-with-search",
        )
        .await;
        check(
            &c,
            &mut a,
            "/pairing/no-such-pairing",
            "return !!document.querySelector('.detail h2');",
            "detail-not-found",
        )
        .await;

        // A map marker focused from the keyboard (its tooltip shows).
        c.open("/").await;
        c.wait_js(EXPLORE_READY, 30).await;
        c.js("document.querySelector('.map-marker:not(.cluster)').focus(); return true;").await;
        c.wait_js("return !!document.querySelector('.map-tooltip');", 5).await;
        a.check(&c, "map-marker-focused").await;

        // More rows than a page: the "Show more" button.
        check(&c, &mut a, "/?q=a", EXPLORE_READY, "explore-query-a").await;
        assert_console_clean(&c).await;
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn about_not_found_and_embed_have_no_axe_violations() {
    with_browser(BrowserOptions::default(), |c| async move {
        let mut a = Audit::new();
        check(&c, &mut a, "/about", PAGE_READY, "about").await;
        check(&c, &mut a, "/no/such/page", PAGE_READY, "not-found").await;
        check(&c, &mut a, "/?embed=1", EXPLORE_READY, "embed").await;
        check(
            &c,
            &mut a,
            "/pairing/rome--yantai?embed=1",
            "return !!document.querySelector('.detail h2');",
            "embed-detail",
        )
        .await;
        assert_console_clean(&c).await;
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn data_error_pages_have_no_axe_violations() {
    with_server(Options::new(iuc_e2e::dist_dir()), BrowserOptions::default(), |c| async move {
        let mut a = Audit::new();
        // A service worker would answer from its cache; these checks need the server's answer.
        c.server.set_override("/sw.js", "text/javascript", b"// no service worker in this test\n".to_vec());
        c.server.set_override("/data/pairings.json", "application/json", b"{\"schema_version\": 1, \"pairings\": [".to_vec());
        check(&c, &mut a, "/", "return !!document.querySelector('.notice');", "data-not-json").await;

        // Some records with problems: the problem list above a partial table.
        let text = std::fs::read_to_string(iuc_e2e::dist_dir().join("data/pairings.json")).expect("pairings.json");
        let mut v: Value = serde_json::from_str(&text).expect("JSON");
        v["pairings"][0]["eu"]["lat"] = json!(95.0);
        v["pairings"][1]["tags"] = json!(["no-such-tag"]);
        c.server.set_override("/data/pairings.json", "application/json", v.to_string().into_bytes());
        check(&c, &mut a, "/", "return !!document.querySelector('.problem-list') && document.querySelectorAll('table.pairings tbody tr').length > 0 && !!document.querySelector('.map-country');", "data-problems")
            .await;

        c.server.set_override_status("/data/pairings.json", 404, "text/plain", b"Not found".to_vec());
        check(&c, &mut a, "/", "return !!document.querySelector('.notice.error');", "data-missing").await;
        a.finish();
    })
    .await;
}

/// The wizard's pages, reached by deep link (the answers live in the URL).
const WIZARD_STATES: &[(&str, &str)] = &[
    ("wizard-start", "/eligibility"),
    ("wizard-kind", "/eligibility?step=kind"),
    ("wizard-country", "/eligibility?kind=city&step=country"),
    ("wizard-population", "/eligibility?kind=city&country=ES&step=population"),
    ("wizard-group", "/eligibility?kind=group&country=ES&pop=150000&step=group"),
    ("wizard-commitments", "/eligibility?kind=city&country=ES&pop=150000&step=commitments"),
    (
        "wizard-interests",
        "/eligibility?kind=city&country=ES&pop=150000&c=18m:yes,resources:yes,action-plan:yes,partnership-agreement:yes,reporting:yes&step=interests",
    ),
    (
        "wizard-check",
        "/eligibility?kind=city&country=ES&pop=150000&c=18m:yes,resources:yes,action-plan:yes,partnership-agreement:yes,reporting:yes&topics=mobility&regions=asia&step=check",
    ),
    (
        "outcome-eligible",
        "/eligibility?kind=city&country=ES&pop=150000&c=18m:yes,resources:yes,action-plan:yes,partnership-agreement:yes,reporting:yes&topics=mobility&regions=asia&step=result",
    ),
    (
        "outcome-below-encouraged",
        "/eligibility?kind=city&country=ES&pop=50000&c=18m:yes,resources:yes,action-plan:yes,partnership-agreement:yes,reporting:yes&step=result",
    ),
    (
        "outcome-not-sure",
        "/eligibility?kind=group&country=ES&pop=notsure&lead=notsure&members=yes&c=18m:notsure,resources:yes,action-plan:yes,partnership-agreement:yes,reporting:no&step=result",
    ),
    ("outcome-group-too-small", "/eligibility?kind=group&country=ES&pop=90000&step=result"),
    ("outcome-region", "/eligibility?kind=region&step=result"),
    ("outcome-not-member", "/eligibility?kind=city&country=other&step=result"),
];

#[tokio::test]
async fn every_wizard_step_and_outcome_has_no_axe_violations() {
    with_browser(BrowserOptions::default(), |c| async move {
        let mut a = Audit::new();
        let mut headings = Vec::new();
        for (state, path) in WIZARD_STATES {
            check(&c, &mut a, path, PAGE_READY, state).await;
            headings.push(c.text("main h1").await);
        }
        // Each deep link landed on its own page (the questions and "check your answers" each
        // have their own heading).
        let mut pages: Vec<&String> = headings[..8].iter().collect();
        pages.sort();
        pages.dedup();
        assert_eq!(pages.len(), 8, "the wizard deep links did not reach 8 different pages: {headings:#?}");
        // A question answered with nothing: the error summary and the inline error.
        c.open("/eligibility?step=kind").await;
        c.wait_js(PAGE_READY, 30).await;
        c.find("main form button[type=submit]").await.click().await.expect("continue");
        c.wait_js("return !!document.querySelector('.error-summary, [role=alert]');", 5).await;
        a.check(&c, "wizard-kind-error").await;
        c.open("/eligibility?kind=city&country=ES&step=population").await;
        c.wait_js(PAGE_READY, 30).await;
        let input = c.find("main form input[type=text], main form input[inputmode]").await;
        input.send_keys("lots").await.expect("type");
        c.find("main form button[type=submit]").await.click().await.expect("continue");
        c.wait_js("return !!document.querySelector('.error-summary, [role=alert]');", 5).await;
        a.check(&c, "wizard-population-error").await;
        assert_console_clean(&c).await;
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn dark_mode_applies_and_has_no_axe_violations() {
    let opts = BrowserOptions { dark: true, ..Default::default() };
    with_browser(opts, |c| async move {
        let mut a = Audit::new();
        c.open("/").await;
        assert_eq!(c.js("return matchMedia('(prefers-color-scheme: dark)').matches;").await, json!(true));
        // The page really is dark: the body background is darker than its text.
        let lum = c
            .js("const l = s => { const m = s.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126*m[0] + 0.7152*m[1] + 0.0722*m[2]; }; \
                 const cs = getComputedStyle(document.body); return [l(cs.backgroundColor), l(cs.color)];")
            .await;
        let (bg, fg) = (lum[0].as_f64().unwrap_or(255.0), lum[1].as_f64().unwrap_or(0.0));
        assert!(bg < 60.0 && fg > 180.0, "dark mode does not apply: background {bg}, text {fg}");
        c.wait_js(EXPLORE_READY, 30).await;
        a.check(&c, "dark-explore").await;
        check(&c, &mut a, "/?q=zzzz", "return !!document.querySelector('.empty');", "dark-explore-empty").await;
        check(&c, &mut a, "/?region=asia&tag=mobility", EXPLORE_READY, "dark-explore-facets").await;
        check(&c, &mut a, "/pairing/rome--yantai", "return !!document.querySelector('.detail h2') && !!document.querySelector('.map-country');", "dark-detail").await;
        c.js("document.querySelector('.map-marker:not(.cluster)').focus(); return true;").await;
        c.wait_js("return !!document.querySelector('.map-tooltip');", 5).await;
        a.check(&c, "dark-map-marker-focused").await;
        check(&c, &mut a, "/about", PAGE_READY, "dark-about").await;
        check(&c, &mut a, "/no/such/page", PAGE_READY, "dark-not-found").await;
        check(&c, &mut a, "/?embed=1", EXPLORE_READY, "dark-embed").await;
        for (state, path) in WIZARD_STATES.iter().filter(|(s, _)| s.starts_with("outcome") || *s == "wizard-check" || *s == "wizard-kind") {
            check(&c, &mut a, path, PAGE_READY, &format!("dark-{state}")).await;
        }
        assert_console_clean(&c).await;
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn at_320_px_nothing_is_lost_and_axe_finds_nothing() {
    let opts = BrowserOptions { width: 320, height: 720, ..Default::default() };
    with_browser(opts, |c| async move {
        let mut a = Audit::new();
        for (path, ready, state) in [
            ("/", EXPLORE_READY, "320-explore"),
            ("/pairing/rome--yantai", "return !!document.querySelector('.detail h2');", "320-detail"),
            ("/about", PAGE_READY, "320-about"),
            ("/eligibility?step=kind", PAGE_READY, "320-wizard-kind"),
            (WIZARD_STATES[8].1, PAGE_READY, "320-outcome"),
        ] {
            check(&c, &mut a, path, ready, state).await;
            // No sideways scrolling (WCAG 1.4.10 reflow).
            let overflow =
                c.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
            assert!(overflow.as_i64().unwrap_or(99) <= 0, "{state}: horizontal overflow of {overflow} px");
        }
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn reduced_motion_applies_and_has_no_axe_violations() {
    let opts = BrowserOptions { reduced_motion: true, ..Default::default() };
    with_browser(opts, |c| async move {
        let mut a = Audit::new();
        c.open("/").await;
        assert_eq!(c.js("return matchMedia('(prefers-reduced-motion: reduce)').matches;").await, json!(true));
        c.wait_js(EXPLORE_READY, 30).await;
        // No transition or animation anywhere.
        let moving = c
            .js("return [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e); \
                 return s.transitionDuration.split(',').some(d => parseFloat(d) > 0.01) || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01); }) \
                 .slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class'));")
            .await;
        assert_eq!(moving, json!([]), "elements still animate with reduced motion");
        a.check(&c, "reduced-motion-explore").await;
        check(&c, &mut a, "/pairing/rome--yantai", "return !!document.querySelector('.detail h2');", "reduced-motion-detail").await;
        a.finish();
    })
    .await;
}

#[tokio::test]
async fn tab_reaches_the_skip_link_first_and_it_moves_focus_to_main() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/").await;
        c.wait_for_rows().await;
        press(&c, Key::Tab).await;
        let first =
            c.js("const a = document.activeElement; return [a.tagName, a.className, a.getAttribute('href')];").await;
        assert_eq!(first, json!(["A", "skip-link", "#main"]), "the first Tab stop is the skip link");
        // Visible when focused: inside the viewport.
        let rect =
            c.js("const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom, r.width];").await;
        assert!(
            rect[0].as_f64().unwrap_or(-1.0) >= 0.0 && rect[2].as_f64().unwrap_or(0.0) > 10.0,
            "skip link off screen: {rect}"
        );
        press(&c, Key::Enter).await;
        c.wait_js("return document.activeElement && document.activeElement.id === 'main';", 5).await;
        // The next Tab goes into the page content, past the header.
        press(&c, Key::Tab).await;
        let next = c.js("return !!document.activeElement.closest('main');").await;
        assert_eq!(next, json!(true), "after the skip link, Tab continues inside main");
        assert_console_clean(&c).await;
    })
    .await;
}

/// What the focused element looks like: the styles a focus indicator can use.
const FOCUS_LOOK: &str = "const a = document.activeElement; if (!a || a === document.body) return null; \
    const s = getComputedStyle(a); const kid = a.querySelector('circle, rect'); const ks = kid ? getComputedStyle(kid) : null; \
    const frame = a.closest('.map-frame'); \
    const r = a.getBoundingClientRect(); \
    return { what: a.tagName + (a.id ? '#' + a.id : '') + (a.getAttribute('class') ? '.' + a.getAttribute('class').split(' ').join('.') : '') + ' ' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40), \
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : '', \
      shadow: s.boxShadow === 'none' ? '' : s.boxShadow, \
      stroke: ks ? ks.stroke + ' ' + ks.strokeWidth : '', \
      frame: frame ? getComputedStyle(frame).boxShadow : '', \
      size: r.width * r.height, focusVisible: a.matches(':focus-visible') };";

/// Tab from the top of the page to its end; return the stops and those without a visible
/// focus indicator (an outline or box-shadow, or for a map marker a changed stroke).
async fn walk_focus(c: &Ctx) -> (Vec<String>, Vec<String>) {
    // How markers look unfocused, to tell the focused stroke apart.
    let plain_stroke = c
        .js("const k = document.querySelector('.map-marker:not(.cluster) circle, .map-marker:not(.cluster) rect'); \
             if (!k) return ''; const s = getComputedStyle(k); return s.stroke + ' ' + s.strokeWidth;")
        .await;
    c.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true;").await;
    let mut seen = std::collections::BTreeSet::new();
    let (mut stops, mut missing) = (Vec::new(), Vec::new());
    for _ in 0..600 {
        press(c, Key::Tab).await;
        let look = c.js(FOCUS_LOOK).await;
        if look.is_null() {
            break; // past the end of the page
        }
        let what = look["what"].as_str().unwrap_or("").to_string();
        if !seen.insert(what.clone()) && stops.len() > 5 {
            break; // wrapped around
        }
        stops.push(what.clone());
        let s = |k: &str| look[k].as_str().unwrap_or("").to_string();
        let marker_stroke = !s("stroke").is_empty() && Some(s("stroke").as_str()) != plain_stroke.as_str();
        let visible = !s("outline").is_empty() || !s("shadow").is_empty() || marker_stroke;
        if !visible || look["size"].as_f64().unwrap_or(0.0) < 1.0 {
            missing.push(format!(
                "{what}: outline {:?}, shadow {:?}, stroke {:?}, size {}",
                s("outline"),
                s("shadow"),
                s("stroke"),
                look["size"]
            ));
        }
    }
    (stops, missing)
}

#[tokio::test]
async fn every_interactive_element_in_explore_shows_a_visible_focus_indicator() {
    with_browser(BrowserOptions::default(), |c| async move {
        // The page with filters, map markers and clusters, the table.
        c.open("/?region=north-america").await;
        c.wait_js(EXPLORE_READY, 30).await;
        let (stops, missing) = walk_focus(&c).await;
        println!("{} tab stops checked in Explore", stops.len());
        assert!(stops.len() > 40, "only {} tab stops in Explore: {stops:#?}", stops.len());
        for want in ["A.skip-link", "INPUT#q", "SUMMARY", "g.map-marker", "BUTTON.sort", "A.row-link"] {
            assert!(stops.iter().any(|s| s.starts_with(want)), "Tab never reached {want}: {stops:#?}");
        }
        assert!(missing.is_empty(), "focused without a visible indicator:\n{}", missing.join("\n"));
        // Shift+Tab walks back.
        c.js("document.querySelector('#q').focus(); return true;").await;
        c.shift_tab().await;
        let back = c
            .js("const q = document.querySelector('#q'), a = document.activeElement; \
                 return a !== q && !!(a.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING) && !!a.closest('header');")
            .await;
        assert_eq!(back, json!(true), "Shift+Tab from the search box goes back into the header");

        // With a pairing's detail open (its close button and links).
        c.open("/pairing/rome--yantai?q=rome").await;
        c.wait_js("return !!document.querySelector('.detail h2') && !!document.querySelector('.map-country');", 30)
            .await;
        let (stops, missing) = walk_focus(&c).await;
        println!("{} tab stops checked with the detail open", stops.len());
        assert!(stops.iter().any(|s| s.starts_with("BUTTON.close")), "Tab never reached the detail: {stops:#?}");
        assert!(missing.is_empty(), "focused without a visible indicator:\n{}", missing.join("\n"));
    })
    .await;
}

#[tokio::test]
async fn map_markers_are_reached_by_tab_and_enter_opens_the_detail() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/?region=latin-america-caribbean").await;
        c.wait_js(EXPLORE_READY, 30).await;
        c.js("document.querySelector('#q').focus(); return true;").await;
        let mut found = false;
        for _ in 0..200 {
            press(&c, Key::Tab).await;
            let on_marker =
                c.js("const a = document.activeElement; return a.matches('.map-marker:not(.cluster)');").await;
            if on_marker == json!(true) {
                found = true;
                break;
            }
        }
        assert!(found, "no map marker reached with Tab from the search box");
        let label = c.js("return document.activeElement.getAttribute('aria-label');").await;
        assert!(label.as_str().is_some_and(|l| l.len() > 5), "the marker has a name: {label}");
        assert_eq!(c.js("return document.activeElement.getAttribute('role');").await, json!("button"));
        c.wait_js("return !!document.querySelector('.map-tooltip');", 5).await;
        press(&c, Key::Enter).await;
        c.wait_js("return location.pathname.startsWith('/pairing/') && !!document.querySelector('.detail h2');", 5)
            .await;
        let url = c.client.current_url().await.expect("url");
        let id = url.path().trim_start_matches("/pairing/").to_string();
        let pairings = std::fs::read_to_string(iuc_e2e::dist_dir().join("data/pairings.json")).expect("data");
        assert!(pairings.contains(&format!("\"id\":\"{id}\"")), "{id} is a pairing id");
        assert_eq!(url.query(), Some("region=latin-america-caribbean"), "the filters are kept");
        // Focus moved into the detail; Escape closes it and returns to the list.
        c.wait_js("return document.activeElement && document.activeElement.id === 'detail-title';", 5).await;
        press(&c, Key::Escape).await;
        c.wait_js("return !document.querySelector('.detail') && location.pathname === '/';", 5).await;
        // Space works as well as Enter on a marker.
        c.js("document.querySelector('.map-marker:not(.cluster)').focus(); return true;").await;
        press(&c, Key::Space).await;
        c.wait_js("return location.pathname.startsWith('/pairing/');", 5).await;
        assert_console_clean(&c).await;
    })
    .await;
}
