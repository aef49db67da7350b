//! # iuc-explorer — the Leptos (CSR) shell of the IUC Pairings Explorer
//!
//! Thin components that hold signals and call the pure core (`iuc_core`). Only [`data`] touches
//! the network. See ARCHITECTURE.md for the codemap and the invariants.

// The native (ssr) build computes the layout of deeply nested async view types.
#![cfg_attr(feature = "ssr", recursion_limit = "512")]

pub mod about;
pub mod about_text;
pub mod app;
pub mod data;
pub mod dom;
pub mod embed;
pub mod explore;
pub mod i18n;
pub mod lang;
pub mod map;
pub mod stats;
pub mod stats_text;
pub mod wizard;
pub mod wizard_text;

#[cfg(feature = "ssr")]
pub mod prerender;
pub mod takeover;

use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Install the panic hook; load what the first render needs (the start language's strings
/// unless English, the pairings, the basemap, and on `/eligibility` the rules) at once; then
/// mount the app into `#app`, taking over the pre-rendered page in the same task (see
/// [`takeover`]): the first paint of the app is complete and in the reader's language.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_fatal_error();
    }));
    let (lang, explicit) = lang::switch::initial_lang();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(window) = dom::window() else { return };
        let Some(doc) = window.document() else { return };
        let pathname = window.location().pathname().unwrap_or_default();
        let wants_rules = app::app_path(&pathname) == "/eligibility";
        let (lang_loaded, pairings, world, rules) = futures::join!(
            lang::bundle::load(lang),
            data::load_pairings(),
            data::load_world(),
            async move {
                if wants_rules {
                    Some(data::load_rules().await)
                } else {
                    None
                }
            },
        );
        let lang = match lang_loaded {
            Ok(()) => lang,
            Err(e) => {
                // Start in English, and say why in the console.
                leptos::logging::warn!("{e}");
                i18n::Lang::En
            }
        };
        if let Ok(loaded) = &pairings {
            takeover::note_stale_pages(&doc, &loaded.fingerprint);
        }
        let Some(root) = doc.get_element_by_id("app") else { return };
        // From here to the restore, one task and the microtasks after it: no frame shows an empty
        // or half-built page.
        let carried = takeover::capture(&doc);
        let pre = app::Preloaded {
            data: pairings.map(|l| Arc::new(app::AppData::new(l))),
            world,
            rules,
            search: window.location().search().unwrap_or_default(),
        };
        root.set_inner_html("");
        let handle =
            leptos::mount::mount_to(root.unchecked_into(), move || leptos::view! { <app::App lang explicit pre /> });
        handle.forget();
        // The router renders the matched route in a microtask: put focus and scroll back once
        // everything is in place, still before the next paint.
        leptos::prelude::request_animation_frame(move || takeover::restore(&doc, carried));
    });
}
