//! Taking over a pre-rendered page (see ARCHITECTURE.md, "Pre-rendered pages").
//!
//! The release build writes every route's page as HTML (`src/prerender.rs`). The app does not
//! hydrate it: `crate::start` loads what the first render needs, carries text typed into the
//! search box into the URL's `q` ([`prepare`]), and mounts the app into a hidden container
//! inside `#app` ([`hidden_root`]), beside the page, which stays as it is. The heaviest parts
//! (Explore's map, table and filters: [`Later`]) are built there each in a task of its own.
//! Once all are built, one task ([`swap`]) reads what the reader did to the page meanwhile
//! ([`capture`]), removes it and shows the app, which renders the same markup, and the next
//! frame puts back what was read ([`restore`]):
//! - text typed into the search box (before the app started: in the URL; since: typed again
//!   into the app's box);
//! - focus (an element with an id, or a table row's link) and the text selection in it;
//! - the scroll position.
//!
//! Building out of sight, in several tasks, keeps each task short (a phone's reader is not kept
//! waiting for ≈ 200 ms at once, and Lighthouse's total blocking time counts what a task takes
//! over 50 ms), and no frame does any work for it: the document does not change until the swap.
//!
//! `public/pre.js` hides a pre-rendered page whose URL asks for something else (filters, an
//! embed, another language, another route); [`restore`] shows the app's page again.

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    static MAP_WIDTH: Cell<Option<f64>> = const { Cell::new(None) };
    /// The pre-rendered search box's value when the app read the URL ([`prepare`]).
    static TYPED_AT_START: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Between [`hidden_root`] and [`swap`]: the app is being built out of sight.
    static TAKING_OVER: Cell<bool> = const { Cell::new(false) };
    /// [`Later`] parts not built yet, and what is to run once they are ([`when_built`]).
    static PENDING: Cell<usize> = const { Cell::new(0) };
    static AFTER: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// The width in CSS pixels of the pre-rendered page's map, read by [`prepare`] (where the page
/// had one, shown): the map's first render sizes its markers for it.
pub fn map_width() -> Option<f64> {
    MAP_WIDTH.with(|m| m.get())
}

/// What the reader had done on the pre-rendered page.
#[derive(Debug, Default)]
pub struct Carried {
    focus: Option<Focus>,
    scroll: (f64, f64),
    /// Text typed into the search box after [`prepare`] (the app started without it).
    typed: Option<String>,
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

/// Before the app reads the URL: text typed into the pre-rendered search box goes into its `q`,
/// and the pre-rendered map's width is read (the map's first render sizes its markers for it).
pub fn prepare(doc: &web_sys::Document) {
    if meta(doc, ROUTE_META).is_none() {
        return;
    }
    carry_typed_query(doc);
    TYPED_AT_START.with(|t| *t.borrow_mut() = search_box(doc).map(|i| i.value()));
    if let Some(svg) = doc.query_selector(".map-pane svg").ok().flatten() {
        let w = svg.get_bounding_client_rect().width();
        MAP_WIDTH.with(|m| m.set((w > 0.0).then_some(w)));
    }
}

/// The pre-rendered page's search box (the first `#q` in the document: the page comes before
/// the app's hidden container).
fn search_box(doc: &web_sys::Document) -> Option<web_sys::HtmlInputElement> {
    doc.get_element_by_id("q").and_then(|e| e.dyn_into().ok())
}

/// The container the app is mounted into: in `#app`, after the pre-rendered page, hidden (so
/// building into it costs no style or layout work) until [`swap`].
pub fn hidden_root(doc: &web_sys::Document, root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let next = doc.create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    next.set_class_name("app-root");
    next.set_hidden(true);
    root.append_child(&next).ok()?;
    TAKING_OVER.with(|t| t.set(true));
    Some(next)
}

/// Whether the app is being built out of sight, before [`swap`] (views that would move focus
/// must not: [`restore`] puts it back).
pub fn taking_over() -> bool {
    TAKING_OVER.with(Cell::get)
}

/// Run `f` once the [`Later`] parts being built are (at once if there are none).
pub fn when_built(f: impl FnOnce() + 'static) {
    if PENDING.with(Cell::get) == 0 {
        f();
    } else {
        AFTER.with(|a| *a.borrow_mut() = Some(Box::new(f)));
    }
}

/// A part of a page that the take-over builds in a task of its own, after the rest (see the
/// module docs). Anywhere else (a navigation, the pre-renderer) it is built at once. Its wrapper
/// is `display: contents`: the layout sees the content alone.
#[component]
pub fn Later(part: &'static str, children: ChildrenFn) -> impl IntoView {
    let taking_over = taking_over();
    let built = RwSignal::new(!taking_over);
    if taking_over {
        PENDING.with(|p| p.set(p.get() + 1));
        set_timeout(
            move || {
                built.try_set(true);
                // The part is built in this task's microtasks; what waits for the last part
                // runs in a task of its own.
                if PENDING.with(|p| {
                    p.set(p.get().saturating_sub(1));
                    p.get() == 0
                }) {
                    if let Some(f) = AFTER.with(|a| a.borrow_mut().take()) {
                        set_timeout(f, std::time::Duration::ZERO);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }
    view! {
        <div class="later" data-part=part>
            <Show when=move || built.get()>{children()}</Show>
        </div>
    }
}

/// The end of the take-over: read what the reader did on the pre-rendered page meanwhile,
/// remove it and show the app (one task, so no frame shows anything in between). Then
/// [`restore`] in the next frame.
pub fn swap(doc: &web_sys::Document, root: &web_sys::Element, app: &web_sys::HtmlElement) -> Carried {
    TAKING_OVER.with(|t| t.set(false));
    let carried = capture(doc);
    let mut node = root.first_child();
    while let Some(n) = node {
        node = n.next_sibling();
        if !n.is_same_node(Some(app)) {
            let _ = root.remove_child(&n);
        }
    }
    app.set_hidden(false);
    carried
}

/// Read what the reader did on the pre-rendered page.
fn capture(doc: &web_sys::Document) -> Carried {
    let Some(window) = crate::dom::window() else { return Carried::default() };
    if meta(doc, ROUTE_META).is_none() {
        return Carried::default();
    }
    let now = search_box(doc).map(|i| i.value());
    let typed = now.filter(|v| TYPED_AT_START.with(|t| t.borrow().as_ref() != Some(v)));
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
    Carried { focus, scroll, typed }
}

/// The address as the app's routes know it: a folder's address (`/about/`, `/about/index.html`,
/// as a static host may serve a pre-rendered page) becomes `/about`, in place (no history entry).
pub fn normalise_address(window: &web_sys::Window) {
    let loc = window.location();
    let path = loc.pathname().unwrap_or_default();
    let base = crate::paths::href("");
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
    let Some(input) = search_box(doc) else { return };
    let typed = input.value();
    if typed == input.default_value() {
        return;
    }
    crate::dom::replace_query_param("q", Some(typed.as_str()).filter(|t| !t.trim().is_empty()));
}

/// After the app has mounted: focus, selection and scroll as they were, and the page shown
/// (`public/pre.js` may have hidden it).
pub fn restore(doc: &web_sys::Document, carried: Carried) {
    // Typed while the app was being built: typed again into the app's box, as the reader would.
    if let (Some(text), Some(input)) = (carried.typed, search_box(doc)) {
        input.set_value(&text);
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = input.dispatch_event(&ev);
        }
    }
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

/// The basemap as a pre-rendered map drew it: this page's (Explore's pages, which hand it to the
/// app), or Explore's `index.html` parsed for a page without the map (`crate::data::load_world`).
/// `None` for a document without the map.
pub fn basemap_from_page(doc: &web_sys::Document) -> Option<crate::data::World> {
    meta(doc, ROUTE_META)?;
    let sphere = doc.query_selector(".map-pane path.map-sphere").ok()??.get_attribute("d")?;
    let paths = doc.query_selector_all(".map-pane path.map-country[data-id]").ok()?;
    let mut countries = Vec::with_capacity(paths.length() as usize);
    for k in 0..paths.length() {
        let el = paths.item(k)?.dyn_into::<web_sys::Element>().ok()?;
        countries.push(crate::data::WorldCountry {
            id: el.get_attribute("data-id")?,
            name: el.first_element_child().and_then(|t| t.text_content()).unwrap_or_default(),
            d: el.get_attribute("d")?,
        });
    }
    (!countries.is_empty()).then(|| crate::data::World { sphere, graticule: String::new(), countries })
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
