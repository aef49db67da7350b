//! # iuc-explorer — the Leptos (CSR) shell of the IUC Pairings Explorer
//!
//! Thin components that hold signals and call the pure core (`iuc_core`). Only [`data`] touches
//! the network. See ARCHITECTURE.md for the codemap and the invariants.

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

use wasm_bindgen::JsCast;

/// Install the panic hook, fetch the start language's strings unless it is English, and mount
/// the app into `#app` (so the first paint is already in the reader's language).
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_fatal_error();
    }));
    let (lang, explicit) = lang::switch::initial_lang();
    wasm_bindgen_futures::spawn_local(async move {
        let lang = match lang::bundle::load(lang).await {
            Ok(()) => lang,
            Err(e) => {
                // Start in English, and say why in the console.
                leptos::logging::warn!("{e}");
                i18n::Lang::En
            }
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(root) = doc.get_element_by_id("app") else { return };
        root.set_inner_html("");
        let handle =
            leptos::mount::mount_to(root.unchecked_into(), move || leptos::view! { <app::App lang explicit /> });
        handle.forget();
    });
}
