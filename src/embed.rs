//! Embedding on partner websites and app-wide URL parameters.
//!
//! `?embed=1` shows the app chromeless (no site header or footer; a small "open the full
//! explorer" link and the credits instead) and posts its height to the parent page in the
//! Datawrapper protocol (`{"datawrapper-height": {"<embed_id>": h}}`) on load and on every size
//! change. These parameters are "sticky": every internal link keeps them, so navigating inside
//! an embed stays embedded. The "Embed this view" dialog writes the iframe snippet.

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

/// What the "Embed this view" dialog offers on top of the view itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Show the page's title and introduction (`title=0` when not).
    pub title: bool,
    /// Keep a map view moved by hand (`map=`); otherwise the embed's map fits what it shows.
    pub keep_map: bool,
    /// The partner's colour as typed (empty: the explorer's own). Only one that passes
    /// `iuc_core::colour::check_accent` goes into the address.
    pub accent: String,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions { title: true, keep_map: true, accent: String::new() }
    }
}

/// The embed's address: `origin`, `path` and the page's own query `pairs` (earlier embed
/// parameters already removed, see `current_page_without_embed`), with the options.
pub fn embed_src(origin: &str, path: &str, pairs: &[String], o: &EmbedOptions) -> String {
    let mut q: Vec<String> = pairs.iter().filter(|kv| o.keep_map || !kv.starts_with("map=")).cloned().collect();
    q.push("embed=1".into());
    q.push("embed_id=iuc-pairings".into());
    if !o.title {
        q.push("title=0".into());
    }
    if let Ok(a) = iuc_core::colour::check_accent(&o.accent) {
        q.push(format!("accent={}", a.accent.trim_start_matches('#')));
    }
    format!("{origin}{path}?{}", q.join("&"))
}

/// The snippet for an embed at `src`: the iframe (with the sandbox the README recommends) and
/// the resize script from `origin` + `base`.
pub fn snippet_for(src: &str, origin: &str, base: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"IUC city pairings\" width=\"100%\" height=\"720\" loading=\"lazy\" data-iuc-embed\n        sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>\n<script src=\"{origin}{base}/embed.js\" async></script>",
        src.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// The dialog's words for the verdict on an accent as typed (`None`: nothing typed): used, or
/// refused and why.
fn accent_status(
    i: &crate::i18n::I18n,
    verdict: &Option<Result<iuc_core::colour::Accent, iuc_core::colour::Refusal>>,
) -> String {
    use crate::i18n::fill;
    use iuc_core::colour::Refusal;
    let Some(verdict) = verdict.clone() else { return String::new() };
    let t = i.t();
    match verdict {
        Ok(a) => fill(t.embed_accent_used, &[("hex", &a.accent)]),
        Err(Refusal::TooFaint { hex, ratio, .. }) => {
            let ratio = format!("{ratio:.2}");
            let ratio = if i.lang.get_untracked() == crate::i18n::Lang::En { ratio } else { ratio.replace('.', ",") };
            fill(t.embed_accent_faint, &[("hex", &hex), ("ratio", &ratio)])
        }
        Err(Refusal::NotAColour(v)) => fill(t.embed_accent_invalid, &[("value", &v)]),
    }
}

/// The "Embed this view" button and dialog: options (title, map view, accent colour), the
/// iframe snippet for the current view, and a live preview of it.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    use leptos::leptos_dom::helpers::TimeoutHandle;
    let i = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The page as it was when the dialog opened (origin, path, query pairs).
    let page = RwSignal::new(None::<(String, String, Vec<String>)>);
    let title = RwSignal::new(true);
    let keep_map = RwSignal::new(true);
    let accent = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let has_map = move || page.with(|p| p.as_ref().is_some_and(|(_, _, q)| q.iter().any(|kv| kv.starts_with("map="))));
    let src = Memo::new(move |_| {
        let o = EmbedOptions { title: title.get(), keep_map: keep_map.get(), accent: accent.get() };
        page.with(|p| p.as_ref().map(|(origin, path, q)| embed_src(origin, path, q, &o)).unwrap_or_default())
    });
    let snippet = move || {
        let origin = page.with(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default());
        snippet_for(&src.get(), &origin, &crate::app::href(""))
    };
    // The preview follows the address when the options pause (each change loads the embed).
    let preview = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let s = src.get();
        crate::dom::cancel_timeout(timer);
        if s.is_empty() || preview.get_untracked().is_empty() {
            preview.set(s);
        } else {
            let h = set_timeout_with_handle(
                move || {
                    preview.try_set(s);
                },
                std::time::Duration::from_millis(500),
            )
            .ok();
            timer.set_value(h);
        }
    });
    on_cleanup(move || crate::dom::cancel_timeout(timer));
    let open = move |_| {
        page.set(current_page_without_embed());
        copied.set(false);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    // Closed (the button, Escape): the preview is unloaded.
    let on_close = move |_| page.set(None);
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = snippet();
        if let Some(w) = crate::dom::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
        // Also select the text, so Ctrl+C works where the clipboard API is not allowed.
        if let Some(t) = crate::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("embed-snippet"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            t.select();
        }
        copied.set(true);
    };
    // The accent's verdict, once per change (the words and `aria-invalid` read it).
    let verdict =
        Memo::new(move |_| accent.with(|a| (!a.trim().is_empty()).then(|| iuc_core::colour::check_accent(a.trim()))));
    let status = move || verdict.with(|v| accent_status(&i, v));
    let refused = move || verdict.with(|v| matches!(v, Some(Err(_))));
    view! {
        <button type="button" on:click=open aria-haspopup="dialog">{move || i.t().embed_button}</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=on_close>
            <h2 id="embed-title">{move || i.t().embed_title}</h2>
            <p id="embed-help">{move || i.t().embed_help}</p>
            <fieldset class="embed-options">
                <legend>{move || i.t().embed_options}</legend>
                <p class="check">
                    <input type="checkbox" id="embed-opt-title" prop:checked=move || title.get()
                        on:change:target=move |ev| title.set(ev.target().checked()) />
                    <label for="embed-opt-title">{move || i.t().embed_opt_title}</label>
                </p>
                <Show when=has_map>
                    <p class="check">
                        <input type="checkbox" id="embed-opt-map" prop:checked=move || keep_map.get()
                            on:change:target=move |ev| keep_map.set(ev.target().checked()) />
                        <label for="embed-opt-map">{move || i.t().embed_opt_map}</label>
                    </p>
                </Show>
                <label for="embed-opt-accent">{move || i.t().embed_opt_accent}</label>
                <p id="embed-accent-hint" class="hint">{move || i.t().embed_opt_accent_hint}</p>
                <input type="text" id="embed-opt-accent" class="accent-input" autocomplete="off" spellcheck="false"
                    aria-describedby="embed-accent-hint embed-accent-status"
                    aria-invalid=move || refused().then_some("true")
                    prop:value=move || accent.get()
                    on:input:target=move |ev| accent.set(ev.target().value()) />
                <p id="embed-accent-status" class="accent-status" class:refused=refused role="status">{status}</p>
            </fieldset>
            <label for="embed-snippet">{move || i.t().embed_code_label}</label>
            <textarea id="embed-snippet" readonly rows="5" aria-describedby="embed-help" prop:value=snippet></textarea>
            <p class="dialog-actions">
                <button type="button" class="primary" on:click=copy>{move || i.t().embed_copy}</button>
                <button type="button" on:click=close>{move || i.t().close}</button>
            </p>
            <p role="status" class="copied">{move || if copied.get() { i.t().embed_copied } else { "" }}</p>
            <h3 id="embed-preview-title">{move || i.t().embed_preview}</h3>
            <Show when=move || !preview.get().is_empty()>
                <iframe class="embed-preview" src=move || preview.get() title=move || i.t().embed_preview_title></iframe>
            </Show>
        </dialog>
    }
}

/// The embed parameters, which the dialog writes anew and the full explorer does not take.
const EMBED_KEYS: [&str; 4] = ["embed=", "embed_id=", "title=", "accent="];

/// The current page's origin, path and query pairs, without the embed parameters.
fn current_page_without_embed() -> Option<(String, String, Vec<String>)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<String> {
        q.split('&').map(String::from).collect()
    }

    #[test]
    fn the_embed_address_carries_the_view_and_the_options() {
        let page = pairs("q=water&pcountry=CA&map=120.5,80,4");
        let o = EmbedOptions::default();
        assert_eq!(
            embed_src("https://x.eu", "/", &page, &o),
            "https://x.eu/?q=water&pcountry=CA&map=120.5,80,4&embed=1&embed_id=iuc-pairings"
        );
        let o = EmbedOptions { title: false, keep_map: false, accent: " #5B2A86 ".into() };
        assert_eq!(
            embed_src("https://x.eu", "/iuc/", &page, &o),
            "https://x.eu/iuc/?q=water&pcountry=CA&embed=1&embed_id=iuc-pairings&title=0&accent=5b2a86"
        );
        // A refused colour is not written: the embed would not use it.
        let o = EmbedOptions { accent: "ffcc00".into(), ..Default::default() };
        assert!(!embed_src("https://x.eu", "/", &page, &o).contains("accent"));
    }

    #[test]
    fn the_snippet_escapes_the_address_for_an_attribute() {
        let s = snippet_for("https://x.eu/?q=a\"b&embed=1", "https://x.eu", "/iuc");
        assert!(s.contains("src=\"https://x.eu/?q=a&quot;b&amp;embed=1\""), "{s}");
        assert!(s.ends_with("<script src=\"https://x.eu/iuc/embed.js\" async></script>"), "{s}");
    }
}
