//! Embedding on partner websites and app-wide URL parameters.
//!
//! `?embed=1` shows the app chromeless (no site header or footer; a small "open the full
//! explorer" link and the credits instead) and posts its height to the parent page in the
//! Datawrapper protocol (`{"datawrapper-height": {"<embed_id>": h}}`) on load and on every size
//! change. These parameters are "sticky": every internal link keeps them, so navigating inside
//! an embed stays embedded. Explore's "Embed this view" dialog (`crate::explore::embed_dialog`)
//! writes the iframe snippet.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parameters that apply to the whole app and travel with every internal link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sticky {
    pub embed: bool,
    /// The id the height message carries (Datawrapper's chart id); letters, digits, `-`, `_`.
    pub embed_id: Option<String>,
    /// The partner's accent colour (`accent=`) as `iuc_core::colour::check_accent` judged it:
    /// only a colour that passed travels with links; a refusal says why.
    pub accent: Option<Result<iuc_core::colour::Accent, iuc_core::colour::Refusal>>,
    /// `title=0`: an embed without the page's title and introduction (they stay for screen
    /// readers, as the page's heading).
    pub no_title: bool,
}

/// The default id of height messages.
pub const DEFAULT_EMBED_ID: &str = "iuc-explorer";

impl Sticky {
    /// Read from a query string (without `?`); anything malformed is ignored.
    pub fn from_query(q: &str) -> Sticky {
        if q.is_empty() {
            // (Also: a pre-rendered page, natively, where there is no URLSearchParams.)
            return Sticky::default();
        }
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(q) else { return Sticky::default() };
        let embed = matches!(params.get("embed").as_deref(), Some("1" | "true" | "yes"));
        let embed_id = params.get("embed_id").filter(|s| {
            !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        let accent = params.get("accent").map(|a| iuc_core::colour::check_accent(&a));
        let no_title = embed && matches!(params.get("title").as_deref(), Some("0" | "false" | "no"));
        Sticky { embed, embed_id, accent, no_title }
    }

    /// The query pairs to append to internal links.
    pub fn params(&self) -> String {
        let mut s = String::new();
        if self.embed {
            s.push_str("embed=1");
            if let Some(id) = &self.embed_id {
                s.push_str("&embed_id=");
                s.push_str(id);
            }
            if let Some(Ok(a)) = &self.accent {
                s.push_str("&accent=");
                s.push_str(a.accent.trim_start_matches('#'));
            }
            if self.no_title {
                s.push_str("&title=0");
            }
        }
        s
    }

    /// `url` (an app path with or without a query) with the sticky parameters added.
    pub fn apply(&self, url: &str) -> String {
        let p = self.params();
        if p.is_empty() {
            url.to_string()
        } else if url.contains('?') {
            format!("{url}&{p}")
        } else {
            format!("{url}?{p}")
        }
    }
}

/// An embed's `accent=`: applied through CSSOM custom properties on `<html>` (allowed under the
/// strict CSP, unlike a `style` attribute) when it passes `iuc_core::colour::check_accent`;
/// otherwise the default is kept and the console says why.
pub fn apply_accent(sticky: &Sticky) {
    match &sticky.accent {
        None => {}
        Some(Ok(a)) => {
            let root = crate::dom::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(root) = root {
                let style = root.style();
                let _ = style.set_property("--partner-accent", &a.accent);
                let _ = style.set_property("--partner-accent-fg", &a.fg);
            }
        }
        Some(Err(why)) => {
            web_sys::console::warn_1(&format!("IUC Pairings Explorer: {why}. The default colour is kept.").into())
        }
    }
}

/// The sticky parameters (read once at start-up).
pub fn use_sticky() -> Sticky {
    use_context::<Sticky>().unwrap_or_default()
}

/// Add the sticky parameters to an internal URL.
pub fn link(url: &str) -> String {
    use_sticky().apply(url)
}

fn post_height(id: &str) {
    let Some(w) = crate::dom::window() else { return };
    let Some(doc) = w.document() else { return };
    let Some(el) = doc.document_element() else { return };
    let h = el.scroll_height().max(doc.body().map(|b| b.scroll_height()).unwrap_or(0));
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return; // not in a frame
    }
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &JsValue::from_str(id), &JsValue::from_f64(h as f64));
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("datawrapper-height"), &inner);
    let _ = parent.post_message(&msg, "*");
}

/// In embed mode: post the page height now and whenever it changes.
pub fn start_auto_height(sticky: &Sticky) {
    if !sticky.embed {
        return;
    }
    let id = sticky.embed_id.clone().unwrap_or_else(|| DEFAULT_EMBED_ID.to_string());
    post_height(&id);
    let id2 = id.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| post_height(&id2));
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(el) = crate::dom::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            observer.observe(&el);
        }
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    cb.forget();
}

/// "A new version is available — Reload": shown when the service worker has a new build waiting.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i = use_i18n();
    let ready = RwSignal::new(false);
    let check = move || {
        let waiting = crate::dom::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("iucWaitingWorker")).ok())
            .is_some_and(|v| !v.is_undefined() && !v.is_null());
        if waiting {
            ready.set(true);
        }
    };
    check();
    crate::dom::on_window("iuc-update-available", move |_| check());
    let reload = move |_| {
        if let Some(w) = crate::dom::window() {
            if let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str("iucApplyUpdate")) {
                if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                    let _ = f.call0(&JsValue::NULL);
                }
            }
        }
    };
    view! {
        <div class="update-prompt" role="status" aria-live="polite">
            <Show when=move || ready.get()>
                <p>
                    {move || i.t().update_available}
                    " "
                    <button type="button" class="primary" on:click=reload>{move || i.t().update_reload}</button>
                </p>
            </Show>
        </div>
    }
}

/// The embed parameters, which the dialog writes anew and the full explorer does not take.
const EMBED_KEYS: [&str; 4] = ["embed=", "embed_id=", "title=", "accent="];

/// The current page's origin, path and query pairs, without the embed parameters.
pub fn current_page_without_embed() -> Option<(String, String, Vec<String>)> {
    let loc = crate::dom::window()?.location();
    let search = loc.search().unwrap_or_default();
    let q = search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty() && !EMBED_KEYS.iter().any(|k| kv.starts_with(k)))
        .map(String::from)
        .collect();
    Some((loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default(), q))
}

/// The full explorer's URL for the current page (embed parameters removed).
pub fn full_explorer_url() -> String {
    let Some((_, path, q)) = current_page_without_embed() else { return String::new() };
    if q.is_empty() {
        path
    } else {
        format!("{path}?{}", q.join("&"))
    }
}
