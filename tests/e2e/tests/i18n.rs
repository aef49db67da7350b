//! Languages end to end: the switch, the URL, `<html lang>`, the browser's preference, and
//! number formatting per language.

use iuc_e2e::{with_browser, BrowserOptions};
use serde_json::json;

#[tokio::test]
async fn the_switch_translates_the_page_and_the_choice_survives_navigation_and_reload() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.open("/pairing/rome--yantai").await;
        c.wait_js("return !!document.querySelector('.detail h2');", 20).await;
        assert_eq!(c.js("return document.documentElement.lang").await, json!("en"));
        let english_nav = c.text("nav").await;
        let english_pop = c.text(".detail .side dd:nth-of-type(2)").await;
        assert!(english_pop.contains(','), "English groups with commas: {english_pop}");

        c.js("const s = document.getElementById('language'); s.value = 'fr'; s.dispatchEvent(new Event('change')); return true;").await;
        c.wait_js("return document.documentElement.lang === 'fr';", 5).await;
        assert_ne!(c.text("nav").await, english_nav, "the navigation is translated");
        assert!(c.client.current_url().await.unwrap().query().unwrap_or("").contains("lang=fr"));
        // Country names come from the data in the interface language; city names stay as published.
        assert_eq!(c.text(".detail .side dd").await, "Italie");
        assert!(c.text(".detail h2").await.contains("Rome"));
        let french_pop = c.text(".detail .side dd:nth-of-type(2)").await;
        assert!(french_pop.contains('\u{202f}') && !french_pop.contains(','), "French groups with narrow spaces: {french_pop}");

        // Navigating keeps the language in the URL; a reload restores it.
        c.find(".detail .close").await.click().await.unwrap();
        c.wait_js("return location.pathname === '/' && location.search.includes('lang=fr');", 5).await;
        c.client.refresh().await.unwrap();
        c.wait_for_rows().await;
        assert_eq!(c.js("return document.documentElement.lang").await, json!("fr"));
        assert_eq!(c.js("return document.getElementById('language').value").await, json!("fr"));
        c.assert_clean().await;
    })
    .await;
}

#[tokio::test]
async fn the_browsers_preferred_language_is_the_default() {
    let opts = BrowserOptions { lang: "de-DE", ..Default::default() };
    with_browser(opts, |c| async move {
        c.open("/about").await;
        c.wait_js("return !!document.querySelector('main h1');", 20).await;
        assert_eq!(c.js("return document.documentElement.lang").await, json!("de"));
        // Not written into the URL: it is the browser's choice, not the user's.
        assert_eq!(c.client.current_url().await.unwrap().query(), None);
        // A language the interface does not speak falls back to English.
        c.open("/about?lang=xx").await;
        c.wait_js("return !!document.querySelector('main h1');", 20).await;
        assert_eq!(c.js("return document.documentElement.lang").await, json!("de"));
    })
    .await;
}

#[tokio::test]
async fn a_language_whose_strings_cannot_be_fetched_is_not_switched_to_and_the_switch_says_why() {
    with_browser(BrowserOptions::default(), |c| async move {
        c.server.set_override_status("/i18n/de.json", 503, "text/plain", b"Unavailable".to_vec());
        c.open("/").await;
        c.wait_for_rows().await;
        let english_nav = c.text("nav").await;
        c.js("const s = document.getElementById('language'); s.value = 'de'; s.dispatchEvent(new Event('change')); return true;").await;
        c.wait_js("return document.getElementById('language-status').innerText.length > 0;", 5).await;
        // Still English, the switch back on English, and a message in the status region.
        assert_eq!(c.js("return document.documentElement.lang").await, json!("en"));
        assert_eq!(c.js("return document.getElementById('language').value").await, json!("en"));
        assert_eq!(c.text("nav").await, english_nav);
        let status = c.text("#language-status").await;
        assert!(status.contains("Deutsch") && status.contains("could not be loaded"), "{status}");
        assert_eq!(c.js("return document.getElementById('language-status').getAttribute('role')").await, json!("status"));
        // Once the file can be had, choosing it again works and the message goes.
        c.server.clear_overrides();
        c.js("const s = document.getElementById('language'); s.value = 'de'; s.dispatchEvent(new Event('change')); return true;").await;
        c.wait_js("return document.documentElement.lang === 'de';", 5).await;
        assert_ne!(c.text("nav").await, english_nav);
        assert_eq!(c.text("#language-status").await, "");
    })
    .await;
}
