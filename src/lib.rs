//! # iuc-explorer — the Leptos (CSR) shell of the IUC Pairings Explorer
//!
//! Thin components that hold signals and call the pure core (`iuc_core`). Only [`data`] touches
//! the network. See ARCHITECTURE.md for the codemap and the invariants.

// The native (ssr) build computes the layout of deeply nested async view types.
#![cfg_attr(feature = "ssr", recursion_limit = "512")]

pub mod about;
pub mod app;
pub mod data;
pub mod dom;
pub mod embed;
pub mod explore;
pub mod i18n;
pub mod lang;
pub mod lazy;
pub mod loaded;
pub mod paths;
pub mod wizard;

#[cfg(feature = "ssr")]
pub mod prerender;
pub mod takeover;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod layering_tests;

use std::sync::Arc;

/// Install the panic hook; load what the first render needs (the start language's strings
/// unless English, the pairings, on `/eligibility` the rules, and a lazily loaded
/// route's code) at once; then build the app out of sight beside the pre-rendered page and swap
/// them (see [`takeover`]): the first paint of the app is complete and in the reader's language.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_fatal_error();
    }));
    let (lang, explicit) = lang::switch::initial_lang();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(window) = dom::window() else { return };
        let Some(doc) = window.document() else { return };
        takeover::normalise_address(&window);
        let pathname = window.location().pathname().unwrap_or_default();
        let route = paths::app_path(&pathname);
        let wants_rules = route == "/eligibility";
        // A pre-rendered Explore page has drawn the basemap: the app takes it from there. Another
        // page's first render does not need it: the shell loads it once mounted (`app::App`).
        let world = takeover::basemap_from_page(&doc).map(|w| Ok(Arc::new(w)));
        let (lang_loaded, pairings, rules, ()) = futures::join!(
            lang::bundle::load(lang),
            data::load_pairings(),
            async move {
                if wants_rules {
                    Some(data::load_rules().await)
                } else {
                    None
                }
            },
            // The route's code, when it is loaded lazily (the wizard, About).
            app::preload_route(&route),
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
        let data = pairings.map(|l| Arc::new(loaded::AppData::new(l)));
        // Let the browser breathe between parsing and indexing the data and the render: two
        // shorter tasks rather than one long one (a tap on the page is answered in between).
        yield_to_browser().await;
        let Some(root) = doc.get_element_by_id("app") else { return };
        takeover::prepare(&doc);
        let pre = loaded::Preloaded { data, world, rules, search: window.location().search().unwrap_or_default() };
        // Built out of sight, beside the page, its heaviest parts each in a later task (see
        // `takeover`); then one task swaps the page for the app, and the frame after it puts
        // focus and scroll back, before it paints.
        let Some(app_root) = takeover::hidden_root(&doc, &root) else { return };
        let handle =
            leptos::mount::mount_to(app_root.clone(), move || leptos::view! { <app::App lang explicit pre /> });
        handle.forget();
        // After the router's first render (a microtask), in a task of its own.
        leptos::prelude::set_timeout(
            move || {
                takeover::when_built(move || {
                    let carried = takeover::swap(&doc, &root, &app_root);
                    leptos::prelude::request_animation_frame(move || takeover::restore(&doc, carried));
                })
            },
            std::time::Duration::ZERO,
        );
    });
}

/// Resolve in a later task (`setTimeout(0)`), letting the browser handle input and paint.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = dom::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
