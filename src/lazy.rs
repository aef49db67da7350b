//! Showing a view whose code is loaded when first used: "Loading…" until its chunk is in, and
//! "Try again" when it cannot be fetched. The split points themselves live with their features
//! (`wizard::WizardRoute`, `about::AboutRoute`, both made by [`lazy_route!`](crate::lazy_route),
//! `explore::stats::body`, `explore::embed_dialog::body`); this module knows none of them.
//!
//! With the `split` feature (trunk's build, see index.html) each is a split function
//! (`wasm_split`, the macro under Leptos's `#[lazy]`, in its `fallible` form: `#[lazy]` panics
//! when a chunk cannot be fetched, and a panic ends the app). `xtask/src/split.rs` cuts each into
//! its own WASM chunk, which the page fetches the first time the route or part is shown (the
//! service worker precaches the chunks once the browser is idle, so they also work offline).
//! `wasm_split` needs no `async`: each body returns its view at once. Without the feature (the
//! native pre-renderer, wasm-bindgen-test) they are ordinary components, rendered at once.
//!
//! A page that starts on one of the routes loads its chunk with the data, before the app takes
//! over the pre-rendered page (`crate::app::preload_route`, called by `crate::start`): the first
//! render is then complete, as on every other route.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A route whose code is a WASM chunk of its own with the `split` feature: the component
/// `$route` that shows `$page` (through [`load`]: "Loading…", "Try again"), `preload()` for a page
/// that starts on it (called by `crate::app::preload_route`), and the split function `$chunk`,
/// which names the chunk. Without the feature, `$page` at once. Used in the feature's own module.
#[macro_export]
#[doc(hidden)]
macro_rules! lazy_route {
    ($(#[$doc:meta])* $route:ident => $page:ident, chunk $chunk:ident, preload $preload:ident) => {
        $(#[$doc])*
        #[component]
        pub fn $route() -> impl IntoView {
            #[cfg(feature = "split")]
            return $crate::lazy::load(
                chunk::$chunk,
                $crate::lazy::Focus::Heading { navigated: $crate::lazy::navigated() },
            );
            #[cfg(not(feature = "split"))]
            view! { <$page /> }.into_any()
        }

        /// Fetch the route's chunk ahead (a page that starts on the route; a failure shows on
        /// the route itself, which tries again).
        pub async fn preload() {
            #[cfg(feature = "split")]
            drop(chunk::$preload().await);
        }

        #[cfg(feature = "split")]
        mod chunk {
            use leptos::prelude::*;
            use leptos::wasm_split::{wasm_split, SplitLoaderError};

            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
            pub fn $chunk() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <super::$page /> }.into_any())
            }
        }
    };
}

/// Where focus goes once a lazily loaded view replaces what the reader was waiting on.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
#[derive(Clone, Copy)]
pub enum Focus {
    /// A route: its heading, after a navigation that waited for the chunk (the shell's move found
    /// no heading yet) or after "Try again". `navigated` is false during the take-over, which
    /// restores focus and scroll itself.
    Heading { navigated: bool },
    /// A part of a page: this element, after "Try again" (the button has gone).
    Selector(&'static str),
    /// A part that opens in front of the page (a dialog): this element of it once it is shown
    /// (the dialog had nothing to focus while the chunk was on its way), or "Try again".
    Into(&'static str),
}

/// Whether the app had taken the page over when this view began to render: a navigation.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub fn navigated() -> bool {
    !crate::takeover::taking_over()
}

/// The view of a split function: at once if its chunk is loaded, else "Loading…" until it is.
/// If the chunk cannot be fetched (offline before the service worker had cached it, a host that
/// lost the file), why, and "Try again", which fetches it afresh: the rest of the app goes on.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub fn load<F>(chunk: impl Fn() -> F + Send + Sync + 'static, focus: Focus) -> AnyView
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
                    let into = matches!(focus, Focus::Into(_));
                    match loaded {
                        Ok(view) => {
                            match focus {
                                Focus::Heading { .. } if heading || retried => {
                                    request_animation_frame(crate::dom::focus_main_heading);
                                }
                                Focus::Selector(s) if retried => {
                                    request_animation_frame(move || crate::dom::focus_selector(s));
                                }
                                Focus::Into(s) => request_animation_frame(move || crate::dom::focus_selector(s)),
                                _ => {}
                            }
                            view
                        }
                        Err(e) => {
                            leptos::logging::warn!("{e}");
                            if heading || retried || into {
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
