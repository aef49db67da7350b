//! The language switch, and keeping the choice in the URL (`lang=fr`) and in `<html lang>`.
//!
//! The language is app-wide, not part of any page's state, so it is not encoded by the pages:
//! after every navigation the current URL gets its `lang` parameter back with
//! `history.replaceState` (the router ignores parameters it does not know). Without a `lang`
//! parameter the browser's preferred language is used.

use crate::i18n::{fill, use_i18n, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether the language was chosen (by the switch or a `lang=` URL) rather than taken from the
/// browser; only a chosen language is written into the URL.
#[derive(Clone, Copy)]
pub struct ExplicitLang(pub RwSignal<bool>);

/// The language a page load starts in: the URL's `lang`, else the browser's preference.
/// Returns whether it was chosen explicitly (by the URL).
pub fn initial_lang() -> (Lang, bool) {
    let search = crate::dom::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let from_url = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("lang"))
        .and_then(|c| Lang::from_code(&c));
    match from_url {
        Some(l) => (l, true),
        None => (Lang::from_browser(), false),
    }
}

/// Keeps `<html lang>` and the URL in step with the language (call once, inside the router).
pub fn keep_in_sync(explicit: RwSignal<bool>) {
    let i = use_i18n();
    let location = use_location();
    Effect::new(move |_| {
        let lang = i.lang.get();
        location.pathname.track();
        location.search.track();
        crate::dom::set_document_lang(lang.code());
        crate::dom::replace_query_param("lang", explicit.get().then_some(lang.code()));
    });
}

/// The switch: a labelled `<select>` of the languages, each named in its own language. A
/// language whose strings cannot be fetched is not switched to: the select goes back to the
/// current language and a status message says so (in the current language).
#[component]
pub fn LanguageSwitch(explicit: RwSignal<bool>) -> impl IntoView {
    let i = use_i18n();
    let select = NodeRef::<leptos::html::Select>::new();
    let failed = RwSignal::new(None::<Lang>);
    // The last language chosen: a slower fetch of an earlier choice must not win.
    let wanted = StoredValue::new(None::<Lang>);
    let choose = move |l: Lang| {
        failed.set(None);
        explicit.set(true);
        wanted.set_value(Some(l));
        // The page changes language once its strings are here (a local fetch, or the offline
        // cache).
        leptos::task::spawn_local(async move {
            let result = crate::lang::bundle::load(l).await;
            if wanted.try_get_value().flatten() != Some(l) {
                return;
            }
            match result {
                Ok(()) => {
                    i.lang.try_set(l);
                }
                Err(e) => {
                    leptos::logging::warn!("{e}");
                    failed.try_set(Some(l));
                    if let (Some(sel), Some(now)) = (select.get_untracked(), i.lang.try_get_untracked()) {
                        sel.set_value(now.code());
                    }
                }
            }
        });
    };
    view! {
        <div class="language-switch">
            <label for="language">{move || i.t().language}</label>
            <select
                id="language"
                node_ref=select
                aria-describedby="language-status"
                on:change:target=move |ev| {
                    if let Some(l) = Lang::from_code(&ev.target().value()) {
                        choose(l);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=move || i.lang.get() == l>
                                {l.name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id="language-status" class="language-status" role="status">
                {move || failed.get().map(|l| fill(i.t().language_failed, &[("name", l.name())]))}
            </p>
        </div>
    }
}
