//! Routes and parts whose code is loaded when first used.
//!
//! With the `split` feature (trunk's build, see index.html) the wizard, About and Explore's
//! statistics are Leptos `#[lazy]` functions: `xtask/src/split.rs` cuts each into its own WASM
//! chunk, which the page fetches the first time the route or part is shown (the service worker
//! precaches the chunks once the browser is idle, so they also work offline). Without it (the native pre-renderer,
//! wasm-bindgen-test) they are ordinary components, rendered at once.
//!
//! A page that starts on one of these routes loads its chunk with the data, before the app takes
//! over the pre-rendered page ([`preload`], called by `crate::start`): the first render is then
//! complete, as on every other route.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[cfg(feature = "split")]
mod chunks {
    use leptos::prelude::*;

    #[leptos::lazy]
    pub fn wizard() -> AnyView {
        view! { <crate::wizard::WizardPage /> }.into_any()
    }

    #[leptos::lazy]
    pub fn about() -> AnyView {
        view! { <crate::about::AboutPage /> }.into_any()
    }

    #[leptos::lazy]
    pub fn stats_body(pending: StoredValue<Option<String>>) -> AnyView {
        view! { <crate::stats::StatsBody pending /> }.into_any()
    }
}

/// `/eligibility`.
#[component]
pub fn WizardRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return lazily(chunks::wizard);
    #[cfg(not(feature = "split"))]
    view! { <crate::wizard::WizardPage /> }.into_any()
}

/// `/about`.
#[component]
pub fn AboutRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return lazily(chunks::about);
    #[cfg(not(feature = "split"))]
    view! { <crate::about::AboutPage /> }.into_any()
}

/// Explore's statistics, once opened.
pub fn stats_body(pending: StoredValue<Option<String>>) -> AnyView {
    #[cfg(feature = "split")]
    return part(move || chunks::stats_body(pending));
    #[cfg(not(feature = "split"))]
    view! { <crate::stats::StatsBody pending /> }.into_any()
}

/// The view of a lazy function that is part of a page: at once if its chunk is loaded, else
/// "Loading…" until it is.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn part<F>(chunk: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: std::future::Future<Output = AnyView> + Send + 'static,
{
    let i = use_i18n();
    let fallback = move || view! { <p class="loading" role="status">{move || i.t().page_loading}</p> };
    view! { <Suspense fallback>{move || Suspend::new(chunk())}</Suspense> }.into_any()
}

/// The view of a lazy function: at once if its chunk is loaded, else "Loading…" until it is, and
/// then focus moves to the page's heading, as after any other navigation (the shell's move
/// found no heading yet).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn lazily<F>(chunk: fn() -> F) -> AnyView
where
    F: std::future::Future<Output = AnyView> + Send + 'static,
{
    let i = use_i18n();
    // A navigation: the app had taken the page over when this route began to render (never
    // move focus, and so the scroll, during the take-over itself, which restores both).
    let navigated = crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.has_attribute("data-app"));
    let waited = StoredValue::new(false);
    let fallback = move || {
        waited.set_value(true);
        view! { <p class="loading" role="status">{move || i.t().page_loading}</p> }
    };
    view! {
        <Suspense fallback>
            {move || Suspend::new(async move {
                let page = chunk().await;
                if navigated && waited.try_get_value() == Some(true) {
                    request_animation_frame(crate::dom::focus_main_heading);
                }
                page
            })}
        </Suspense>
    }
    .into_any()
}

/// Load the chunk of the route at `path` (an app path), if it has one.
pub async fn preload(path: &str) {
    #[cfg(feature = "split")]
    match path {
        "/eligibility" => chunks::__preload_wizard().await,
        "/about" => chunks::__preload_about().await,
        _ => {}
    }
    #[cfg(not(feature = "split"))]
    let _ = path;
}
