//! Small DOM helpers shared by components (focus management, the fatal-error message,
//! downloads). Everything that is not a Leptos view but touches `web_sys` lives here.

use wasm_bindgen::JsCast;

/// The browser window; `None` when rendering natively (pre-rendering at build time, native
/// tests), where there is no browser and any call into JavaScript would panic.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The document; `None` when rendering natively (see [`window`]).
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// After a panic the app is in an unknown state: replace it with a friendly message that
/// keeps the data reachable. Written with plain DOM calls because Leptos may be the broken part.
pub fn show_fatal_error() {
    let Some(doc) = document() else { return };
    let Some(root) = doc.get_element_by_id("app") else { return };
    let Ok(box_) = doc.create_element("div") else { return };
    box_.set_class_name("fatal-error");
    box_.set_attribute("role", "alert").ok();
    // Text only (no markup from the panic message is ever interpreted).
    let Ok(h) = doc.create_element("h1") else { return };
    h.set_text_content(Some("Something went wrong"));
    let Ok(p) = doc.create_element("p") else { return };
    p.set_text_content(Some(
        "The explorer hit an unexpected error and stopped. Reloading the page usually helps. \
         The pairings are also available as JSON data at data/pairings.json.",
    ));
    box_.append_child(&h).ok();
    box_.append_child(&p).ok();
    root.set_inner_html("");
    root.append_child(&box_).ok();
    crate::takeover::show_page(&doc, "failed");
}

/// Move keyboard focus to the main heading of the page (after a route change), without
/// scrolling the page when it is already visible.
pub fn focus_main_heading() {
    let Some(doc) = document() else { return };
    if let Ok(Some(h)) = doc.query_selector("main h1") {
        if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
            if h.get_attribute("tabindex").is_none() {
                h.set_attribute("tabindex", "-1").ok();
            }
            h.focus().ok();
        }
    }
}

/// Focus the first element matching a CSS selector; the main heading if there is none.
pub fn focus_selector(selector: &str) {
    let el = document().and_then(|d| d.query_selector(selector).ok().flatten());
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(e) => {
            e.focus().ok();
        }
        None => focus_main_heading(),
    }
}

/// Focus the element with this id, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.focus().ok();
        }
    }
}

/// Offer `content` as a file download (used by the CSV/JSON export).
pub fn download(filename: &str, mime: &str, content: &str) {
    let Some(doc) = document() else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.set_hidden(true);
            if let Some(body) = doc.body() {
                body.append_child(&a).ok();
                a.click();
                body.remove_child(&a).ok();
            }
        }
    }
    web_sys::Url::revoke_object_url(&url).ok();
}

/// Set `<html lang>` (for the language switch). Only when it changes: Chromium re-matches
/// `:lang()` on every element of the page when the attribute is written, even with the same value.
pub fn set_document_lang(lang: &str) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        if el.get_attribute("lang").as_deref() != Some(lang) {
            el.set_attribute("lang", lang).ok();
        }
    }
}

/// Set the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Add a class to `<body>` (e.g. `embed`).
pub fn add_body_class(class: &str) {
    if let Some(b) = document().and_then(|d| d.body()) {
        b.class_list().add_1(class).ok();
    }
}

pub fn remove_body_class(class: &str) {
    if let Some(b) = document().and_then(|d| d.body()) {
        b.class_list().remove_1(class).ok();
    }
}

/// Make everything but the element with id `id` (and what it contains) inert, or undo it: the
/// modal pattern for a sheet drawn over the page (focus and clicks stay inside it).
pub fn inert_outside(id: &str, inert: bool) {
    let Some(doc) = document() else { return };
    let Some(mut el) = doc.get_element_by_id(id) else { return };
    while let Some(parent) = el.parent_element() {
        let children = parent.children();
        for k in 0..children.length() {
            if let Some(sibling) = children.item(k).filter(|c| !c.is_same_node(Some(&el))) {
                if inert {
                    sibling.set_attribute("inert", "").ok();
                } else {
                    sibling.remove_attribute("inert").ok();
                }
            }
        }
        if parent.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        el = parent;
    }
}

/// Listen to a window event for as long as the current component lives; natively (the
/// pre-renderer) there is no window, and nothing to listen to.
pub fn on_window(event: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let handle = leptos::prelude::window_event_listener_untyped(event, f);
        leptos::prelude::on_cleanup(move || handle.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (event, f);
}

/// Whether the reader asked for reduced motion (`prefers-reduced-motion: reduce`).
pub fn prefers_reduced_motion() -> bool {
    matches_media("(prefers-reduced-motion: reduce)")
}

/// Whether a media query matches now (false natively).
pub fn matches_media(query: &str) -> bool {
    window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// `performance.now()`, in milliseconds (`None` natively).
pub fn now() -> Option<f64> {
    Some(window()?.performance()?.now())
}

/// Set (or, with `None`, remove) one parameter of the current URL's query in place: no
/// navigation, no history entry; the path, the other parameters, the hash and the history
/// state are kept.
pub fn replace_query_param(key: &str, value: Option<&str>) {
    let Some(w) = window() else { return };
    let loc = w.location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&loc.search().unwrap_or_default()) else { return };
    if params.get(key).as_deref() == value {
        return;
    }
    match value {
        Some(v) => params.set(key, v),
        None => params.delete(key),
    }
    let q = String::from(params.to_string());
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = if q.is_empty() { format!("{path}{hash}") } else { format!("{path}?{q}{hash}") };
    if let Ok(h) = w.history() {
        let state = h.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = h.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Cancel a pending timeout kept in `timer`, if any (Explore's and the map's URL writes, the
/// embed dialog's preview).
pub fn cancel_timeout(timer: leptos::prelude::StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>) {
    use leptos::prelude::UpdateValue;
    if let Some(h) = timer.try_update_value(Option::take).flatten() {
        h.clear();
    }
}
