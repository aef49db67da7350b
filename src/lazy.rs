//! Routes and parts whose code is loaded when first used.
//!
//! With the `split` feature (trunk's build, see index.html) the wizard, About and Explore's
//! statistics are split functions (`wasm_split`, the macro under Leptos's `#[lazy]`):
//! `xtask/src/split.rs` cuts each into its own WASM chunk, which the page fetches the first time
//! the route or part is shown (the service worker precaches the chunks once the browser is idle,
//! so they also work offline). A chunk that cannot be fetched is said so, with "Try again".
//! Without the feature (the native pre-renderer, wasm-bindgen-test) they are ordinary
//! components, rendered at once.
//!
//! A page that starts on one of these routes loads its chunk with the data, before the app takes
//! over the pre-rendered page ([`preload`], called by `crate::start`): the first render is then
//! complete, as on every other route.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The split points. Leptos's `#[lazy]` panics when a chunk cannot be fetched (a panic ends the
/// app); the `fallible` form of the same macro returns the failure, so the page can say so and
/// offer to try again. `wasm_split` needs no `async`: each body returns its view at once.
#[cfg(feature = "split")]
mod chunks {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(wizard, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_wizard))]
    pub fn wizard() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <crate::wizard::WizardPage /> }.into_any())
    }

    #[wasm_split(about, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_about))]
    pub fn about() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <crate::about::AboutPage /> }.into_any())
    }

    #[wasm_split(stats_body, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn stats_body(pending: StoredValue<Option<String>>) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <crate::stats::StatsBody pending /> }.into_any())
    }
}

/// `/eligibility`.
#[component]
pub fn WizardRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return load(chunks::wizard, Focus::Heading { navigated: navigated() });
    #[cfg(not(feature = "split"))]
    view! { <crate::wizard::WizardPage /> }.into_any()
}

/// `/about`.
#[component]
pub fn AboutRoute() -> impl IntoView {
    #[cfg(feature = "split")]
    return load(chunks::about, Focus::Heading { navigated: navigated() });
    #[cfg(not(feature = "split"))]
    view! { <crate::about::AboutPage /> }.into_any()
}

/// Explore's statistics, once opened.
pub fn stats_body(pending: StoredValue<Option<String>>) -> AnyView {
    #[cfg(feature = "split")]
    return load(move || chunks::stats_body(pending), Focus::Selector("#stats-title button"));
    #[cfg(not(feature = "split"))]
    view! { <crate::stats::StatsBody pending /> }.into_any()
}

/// Where focus goes once a lazily loaded view replaces what the reader was waiting on.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
#[derive(Clone, Copy)]
enum Focus {
    /// A route: its heading, after a navigation that waited for the chunk (the shell's move found
    /// no heading yet) or after "Try again". `navigated` is false during the take-over, which
    /// restores focus and scroll itself.
    Heading { navigated: bool },
    /// A part of a page: this element, after "Try again" (the button has gone).
    Selector(&'static str),
}

/// Whether the app had taken the page over when this view began to render: a navigation.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn navigated() -> bool {
    !crate::takeover::taking_over()
}

/// The view of a split function: at once if its chunk is loaded, else "Loading…" until it is.
/// If the chunk cannot be fetched (offline before the service worker had cached it, a host that
/// lost the file), why, and "Try again", which fetches it afresh: the rest of the app goes on.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn load<F>(chunk: impl Fn() -> F + Send + Sync + 'static, focus: Focus) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>> + Send + 'static,
{
    let i = use_i18n();
    let attempt = RwSignal::new(0u32);
    let waited = StoredValue::new(false);
    let fallback = move || {
        waited.set_value(true);
        view! { <p class="loading" role="status">{move || i.t().page_loading}</p> }
    };
    view! {
        <Suspense fallback>
            {move || {
                let retried = attempt.get() > 0;
                let loading = chunk();
                Suspend::new(async move {
                    let loaded = loading.await;
                    let waited = waited.try_get_value() == Some(true);
                    let heading = matches!(focus, Focus::Heading { navigated: true }) && waited;
                    match loaded {
                        Ok(view) => {
                            match focus {
                                Focus::Heading { .. } if heading || retried => {
                                    request_animation_frame(crate::dom::focus_main_heading);
                                }
                                Focus::Selector(s) if retried => {
                                    request_animation_frame(move || crate::dom::focus_selector(s));
                                }
                                _ => {}
                            }
                            view
                        }
                        Err(e) => {
                            leptos::logging::warn!("{e}");
                            if heading || retried {
                                request_animation_frame(|| crate::dom::focus_selector(".load-failed button"));
                            }
                            failed(attempt)
                        }
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// A chunk that could not be fetched: why (announced), and a button that tries again.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn failed(attempt: RwSignal<u32>) -> AnyView {
    let i = use_i18n();
    view! {
        <div class="notice error load-failed" role="alert">
            <p>{move || i.t().part_failed}</p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {move || i.t().try_again}
            </button>
        </div>
    }
    .into_any()
}

/// Load the chunk of the route at `path` (an app path), if it has one.
pub async fn preload(path: &str) {
    #[cfg(feature = "split")]
    match path {
        // A failure shows on the route itself, which tries again (`load`).
        "/eligibility" => drop(chunks::preload_wizard().await),
        "/about" => drop(chunks::preload_about().await),
        _ => {}
    }
    #[cfg(not(feature = "split"))]
    let _ = path;
}
