//! Taking over a pre-rendered page (see ARCHITECTURE.md, "Pre-rendered pages").
//!
//! The release build writes every route's page as HTML (`src/prerender.rs`). The app does not
//! hydrate it: `crate::start` loads what the first render needs, then in one task (no frame in
//! between) reads what the reader did to the page so far ([`capture`]), empties `#app`, mounts
//! the app, which renders the same markup, and puts back what was read ([`restore`]):
//! - text typed into the search box goes into the URL's `q` first, so the app starts with it;
//! - focus (an element with an id, or a table row's link) and the text selection in it;
//! - the scroll position.
//!
//! `public/pre.js` hides a pre-rendered page whose URL asks for something else (filters, an
//! embed, another language, another route); [`restore`] shows the app's page again.

use wasm_bindgen::JsCast;

thread_local! {
    static MAP_WIDTH: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// The width in CSS pixels of the pre-rendered page's map, read by [`capture`] (where the page
/// had one, shown): the map's first render sizes its markers for it.
pub fn map_width() -> Option<f64> {
    MAP_WIDTH.with(|m| m.get())
}

/// What the reader had done on the pre-rendered page.
#[derive(Debug, Default)]
pub struct Carried {
    focus: Option<Focus>,
    scroll: (f64, f64),
}

#[derive(Debug)]
enum Focus {
    /// An element with an id, and the selection if it is a text field.
    Id(String, Option<(u32, u32)>),
    /// A table row's link (`a.row-link[data-id]`).
    Row(String),
}

/// The `<meta>` that marks a pre-rendered page: the app path it was rendered for.
pub const ROUTE_META: &str = "iuc-prerendered";
/// The `<meta>` with the fingerprint of the data a pre-rendered page was built from.
pub const DATA_META: &str = "iuc-data";

fn meta(doc: &web_sys::Document, name: &str) -> Option<String> {
    doc.query_selector(&format!("meta[name=\"{name}\"]")).ok().flatten()?.get_attribute("content")
}

/// Read what the reader did on the pre-rendered page before the app was ready, and put typed
/// search text into the URL (so call this before reading the URL for the app).
pub fn capture(doc: &web_sys::Document) -> Carried {
    let Some(window) = crate::dom::window() else { return Carried::default() };
    if meta(doc, ROUTE_META).is_none() {
        return Carried::default();
    }
    carry_typed_query(doc);
    let focus = doc.active_element().and_then(|el| {
        let id = el.id();
        if !id.is_empty() {
            let selection = el
                .dyn_ref::<web_sys::HtmlInputElement>()
                .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
            Some(Focus::Id(id, selection))
        } else if el.class_list().contains("row-link") {
            el.get_attribute("data-id").map(Focus::Row)
        } else {
            None
        }
    });
    let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    if let Some(svg) = doc.query_selector(".map-pane svg").ok().flatten() {
        let w = svg.get_bounding_client_rect().width();
        MAP_WIDTH.with(|m| m.set((w > 0.0).then_some(w)));
    }
    Carried { focus, scroll }
}

/// The address as the app's routes know it: a folder's address (`/about/`, `/about/index.html`,
/// as a static host may serve a pre-rendered page) becomes `/about`, in place (no history entry).
pub fn normalise_address(window: &web_sys::Window) {
    let loc = window.location();
    let path = loc.pathname().unwrap_or_default();
    let base = crate::app::href("");
    let trimmed = path.strip_suffix("index.html").unwrap_or(&path).trim_end_matches('/');
    let trimmed = if trimmed.len() <= base.len() { format!("{base}/") } else { trimmed.to_string() };
    if trimmed != path {
        let url = format!("{trimmed}{}{}", loc.search().unwrap_or_default(), loc.hash().unwrap_or_default());
        if let Ok(h) = window.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Text typed into the pre-rendered search box (its value differs from the value it was
/// rendered with) becomes the URL's `q`, replacing the current history entry.
fn carry_typed_query(doc: &web_sys::Document) {
    let Some(input) = doc.get_element_by_id("q").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    let typed = input.value();
    if typed == input.default_value() {
        return;
    }
    crate::dom::replace_query_param("q", Some(typed.as_str()).filter(|t| !t.trim().is_empty()));
}

/// After the app has mounted: focus, selection and scroll as they were, and the page shown
/// (`public/pre.js` may have hidden it).
pub fn restore(doc: &web_sys::Document, carried: Carried) {
    match carried.focus {
        Some(Focus::Id(id, selection)) => {
            if let Some(el) = doc.get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
                if let (Some((start, end)), Some(input)) = (selection, el.dyn_ref::<web_sys::HtmlInputElement>()) {
                    let _ = input.set_selection_range(start, end);
                }
            }
        }
        Some(Focus::Row(id)) => crate::dom::focus_selector(&format!("a.row-link[data-id=\"{id}\"]")),
        None => {}
    }
    if let Some(w) = crate::dom::window() {
        if carried.scroll != (0.0, 0.0) {
            w.scroll_to_with_x_and_y(carried.scroll.0, carried.scroll.1);
        }
    }
    show_page(doc, "ready");
}

/// Show the page again after `public/pre.js` hid it, and say that the app has taken over
/// (`<html data-app="ready">`, or `"failed"` after a fatal error: what tests wait for).
pub fn show_page(doc: &web_sys::Document, state: &str) {
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().remove_1("iuc-pending");
        let _ = html.set_attribute("data-app", state);
    }
}

/// The basemap as the pre-rendered map drew it (Explore's pages): the app takes it from there
/// instead of downloading `data/world.json` again. `None` on a page without the map.
pub fn basemap_from_page(doc: &web_sys::Document) -> Option<crate::explore::map::World> {
    meta(doc, ROUTE_META)?;
    let sphere = doc.query_selector(".map-pane path.map-sphere").ok()??.get_attribute("d")?;
    let paths = doc.query_selector_all(".map-pane path.map-country[data-id]").ok()?;
    let mut countries = Vec::with_capacity(paths.length() as usize);
    for k in 0..paths.length() {
        let el = paths.item(k)?.dyn_into::<web_sys::Element>().ok()?;
        countries.push(crate::explore::map::WorldCountry {
            id: el.get_attribute("data-id")?,
            name: el.first_element_child().and_then(|t| t.text_content()).unwrap_or_default(),
            d: el.get_attribute("d")?,
        });
    }
    (!countries.is_empty()).then(|| crate::explore::map::World { sphere, graticule: String::new(), countries })
}

/// When the pre-rendered page was built from other data than the file just fetched (a host
/// edited `data/pairings.json` in place), say in the console that the pages want rebuilding;
/// the app shows the file's data either way.
pub fn note_stale_pages(doc: &web_sys::Document, fetched: &str) {
    let Some(built) = meta(doc, DATA_META) else { return };
    if built != fetched {
        leptos::logging::warn!(
            "data/pairings.json has changed since these pages were pre-rendered (built from {built}, now \
             {fetched}): showing the new data. Rebuild the pages to refresh them (DATA.md)."
        );
    }
}
