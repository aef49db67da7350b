//! Explore: the linked map and table of pairings, with search, facets, export and the detail.
//!
//! All state a user may share lives in the URL query (decoded by `iuc_core::state`); this module
//! only turns it into views and turns clicks and keystrokes back into URLs.

use crate::app::{app_path, with_data, AppData, DataProblems};
use crate::i18n::{fill, fmt_int, use_i18n, I18n};
use iuc_core::dataset::{Pairing, Region};
use iuc_core::search::{self, FacetValue, Facets, SortDir, SortKey};
use iuc_core::state::{self, ExploreState, View};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;
use std::time::Duration;

/// How many rows the table renders before "Show more" (keeps a keystroke under a frame at scale).
pub const PAGE_SIZE: usize = 100;

/// While typing, the URL is written when the typing pauses this long (or when the search box
/// loses focus, or anything else changes the state). Writing it costs the browser more than the
/// search itself, and browsers ignore history changes made faster than about ten a second.
pub const URL_WRITE_DELAY_MS: u64 = 300;

/// Cancel the pending URL write, if any (also the map's: `crate::map`).
pub(crate) fn cancel_write(timer: StoredValue<Option<TimeoutHandle>>) {
    if let Some(h) = timer.try_update_value(Option::take).flatten() {
        h.clear();
    }
}

/// Search text typed since the URL was last written, and the URL query it was typed over.
#[derive(Clone, Debug, PartialEq)]
struct Typed {
    over: String,
    q: String,
}

/// Everything the Explore views share: the data, the URL state and what it selects.
#[derive(Clone, Copy)]
pub struct ExploreCtx {
    pub data: StoredValue<Arc<AppData>>,
    /// The decoded URL state (unknown values dropped).
    pub state: Memo<ExploreState>,
    /// The pairings that pass the search and filters, sorted as asked (indices into the dataset).
    pub rows: Memo<Vec<usize>>,
    pub facets: Memo<Facets>,
    /// The pairing whose detail is open (from `/pairing/<id>`).
    pub selected: Memo<Option<usize>>,
    /// Navigate to an app path; `true` replaces the history entry (used while typing).
    pub go: Callback<(String, bool)>,
    /// App-wide parameters every link keeps (embed mode).
    pub sticky: StoredValue<crate::embed::Sticky>,
    /// What follows `/pairing/<id>` in a detail URL: the encoded state and the sticky parameters
    /// (`?q=…&embed=1`, or empty). Computed once per state change and shared by every row link.
    pub detail_query: Memo<String>,
    /// The URL's query string (`?…`), as the router has it (it changes when typing pauses, not
    /// on every key).
    pub search: Memo<String>,
    /// Text typed ahead of the URL (see [`URL_WRITE_DELAY_MS`]); it counts only while the URL
    /// is still the one it was typed over, so Back and links always win.
    typed: RwSignal<Option<Typed>>,
    /// The pending URL write.
    write_timer: StoredValue<Option<TimeoutHandle>>,
}

impl ExploreCtx {
    /// The URL of the Explore page with `st` (keeping the open detail, if any).
    pub fn url_for(&self, st: &ExploreState, keep_detail: bool) -> String {
        let q = state::encode(st);
        let path = match (keep_detail, self.selected.get_untracked()) {
            (true, Some(i)) => self.data.with_value(|d| format!("/pairing/{}", d.loaded.dataset.pairings[i].id)),
            _ => "/".to_string(),
        };
        let url = if q.is_empty() { path } else { format!("{path}?{q}") };
        crate::app::href(&self.sticky.with_value(|s| s.apply(&url)))
    }

    /// Change the state: `f` edits a copy of the current one (with any text typed ahead of the
    /// URL, which this writes).
    pub fn update(&self, replace: bool, f: impl FnOnce(&mut ExploreState)) {
        let mut st = self.state.get_untracked();
        f(&mut st);
        self.go_to(self.url_for(&st, true), replace);
    }

    /// Navigate; the URL written now carries the typed text, so it is no longer pending.
    pub fn go_to(&self, url: String, replace: bool) {
        cancel_write(self.write_timer);
        self.go.run((url, replace));
        self.typed.try_set(None);
    }

    /// The search box's text changed: the state follows at once, the URL when typing pauses.
    pub fn type_query(&self, q: &str) {
        let over = self.search.get_untracked();
        self.typed.set(Some(Typed { over, q: q.to_string() }));
        let ctx = *self;
        cancel_write(self.write_timer);
        let handle = set_timeout_with_handle(move || ctx.write_typed(), Duration::from_millis(URL_WRITE_DELAY_MS)).ok();
        self.write_timer.try_set_value(handle);
    }

    /// Write the typed text to the URL now (replacing the history entry), if any is pending.
    pub fn write_typed(&self) {
        let pending = self.typed.try_with_untracked(|t| t.as_ref().map(|t| t.over.clone())).flatten();
        match pending {
            Some(over) if self.search.try_get_untracked().as_ref() == Some(&over) => self.update(true, |_| {}),
            // The URL changed since (Back, a link): the typed text no longer applies.
            Some(_) => {
                self.typed.try_set(None);
            }
            None => {}
        }
    }

    /// The detail URL of pairing `i`, keeping the current search.
    pub fn detail_url(&self, i: usize) -> String {
        let id = self.data.with_value(|d| d.loaded.dataset.pairings.get(i).map(|p| p.id.clone()).unwrap_or_default());
        self.detail_query.with_untracked(|q| crate::app::href(&format!("/pairing/{id}{q}")))
    }

    /// Close the detail (back to the list with the same search).
    pub fn close_detail(&self) {
        let st = self.state.get_untracked();
        self.go_to(self.url_for(&st, false), false);
    }
}

#[component]
pub fn ExplorePage() -> impl IntoView {
    let i = use_i18n();
    // An embed's `title=0`: the partner's page has its own title; ours stays for screen readers.
    let no_title = crate::embed::use_sticky().no_title;
    view! {
        <section class="page explore" class:no-title=no_title aria-labelledby="explore-title">
            <h1 id="explore-title">{move || i.t().explore_title}</h1>
            <p class="lead">{move || i.t().explore_intro}</p>
            {with_data(|data: Arc<AppData>| view! { <Explore data /> })}
        </section>
    }
}

/// Build the shared context from the URL and render the panes.
#[component]
fn Explore(data: Arc<AppData>) -> impl IntoView {
    let location = use_location();
    let nav = use_navigate();
    let go = Callback::new(move |(url, replace): (String, bool)| {
        // URLs carry the base already (see `crate::app::href`).
        nav(&url, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
    });
    let stored = StoredValue::new(data.clone());
    let search = location.search;
    let typed = RwSignal::new(None::<Typed>);
    let state = Memo::new(move |_| {
        let url = search.get();
        let mut st = state::decode(&url);
        stored.with_value(|d| st.retain_known(&d.loaded.dataset));
        typed.with(|t| match t {
            Some(t) if t.over == url => st.set_query(&t.q),
            _ => {}
        });
        st
    });
    let i = use_i18n();
    // What the rows depend on: not the view or the map's position (a map moved by hand writes
    // the URL; the rows need not be computed again).
    let query = Memo::new(move |_| state.with(|s| (s.filters.clone(), s.sort)));
    let computed = Memo::new(move |_| {
        let (filters, sort) = query.get();
        stored.with_value(|d| {
            let ds = &d.loaded.dataset;
            let lang_ix = d.index_for(i.lang.get());
            let (mut rows, facets) = search::explore(lang_ix.as_deref().unwrap_or(&d.index), ds, &filters);
            if let Some((k, dir)) = sort {
                search::sort(ds, &mut rows, k, dir);
            }
            (rows, facets)
        })
    });
    // Memos below read memos of an enclosing component with `try_with`: during a quick route
    // change a pending update can still recompute them after that component is gone.
    let rows = Memo::new(move |_| computed.try_with(|c| c.0.clone()).unwrap_or_default());
    let facets = Memo::new(move |_| computed.try_with(|c| c.1.clone()).unwrap_or_default());
    let selected = Memo::new(move |_| {
        let path = app_path(&location.pathname.get());
        let id = path.strip_prefix("/pairing/")?.trim_end_matches('/').to_string();
        stored.with_value(|d| d.loaded.dataset.pairings.iter().position(|p| p.id == id))
    });
    let sticky = StoredValue::new(crate::embed::use_sticky());
    let detail_query = Memo::new(move |_| {
        let q = state.try_with(state::encode).unwrap_or_default();
        let q = if q.is_empty() { q } else { format!("?{q}") };
        sticky.with_value(|s| s.apply(&q))
    });
    let write_timer = StoredValue::new(None);
    let ctx = ExploreCtx {
        data: stored,
        state,
        rows,
        facets,
        selected,
        go,
        sticky,
        detail_query,
        search,
        typed,
        write_timer,
    };
    provide_context(ctx);
    // Leaving Explore while typing: no late write to another page's URL.
    on_cleanup(move || cancel_write(write_timer));

    let view_mode = move || state.try_with(|s| s.view).unwrap_or_default();
    view! {
        <DataProblems data=data.loaded.clone() />
        <SearchBar />
        <div class="explore-body">
            <Filters />
            <div class="results">
                <ResultsToolbar />
                <crate::stats::StatsPanel />
                <div
                    class="panes"
                    id="panes"
                    role="tabpanel"
                    aria-labelledby=move || view_tab_id(view_mode())
                    class:both=move || view_mode() == View::Both
                >
                    <Show when=move || view_mode() != View::Table>
                        <crate::map::PairingsMap />
                    </Show>
                    <Show when=move || view_mode() != View::Map>
                        <PairingsTable />
                    </Show>
                </div>
            </div>
        </div>
        <Outlet />
    }
}

#[component]
fn SearchBar() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let total = ctx.data.with_value(|d| d.loaded.dataset.pairings.len());
    let shown = move || ctx.rows.with(Vec::len);
    view! {
        <search class="search-bar" role="search">
            <label for="q">{move || i.t().search_label}</label>
            <p id="q-hint" class="hint">{move || i.t().search_hint}</p>
            <input
                id="q"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="q-hint"
                // Only while the table is shown (an ID reference to nothing is invalid ARIA).
                aria-controls=move || (ctx.state.with(|s| s.view) != View::Map).then_some("pairings-table")
                prop:value=move || ctx.state.with(|s| s.filters.q.clone())
                on:input:target=move |ev| ctx.type_query(&ev.target().value())
                // Enter, or leaving the box (before a click elsewhere acts): write the URL now.
                on:change=move |_| ctx.write_typed()
            />
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true" id="result-count">
                {move || fill(i.t().n_of_total_shown, &[("n", &fmt_int(i.lang.get(), shown())), ("total", &fmt_int(i.lang.get(), total))])}
            </p>
        </search>
    }
}

/// Facet filters with live counts.
#[component]
fn Filters() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let any = move || {
        ctx.state.with(|s| {
            !s.filters.q.is_empty()
                || !s.filters.regions.is_empty()
                || !s.filters.partner_countries.is_empty()
                || !s.filters.eu_countries.is_empty()
                || !s.filters.tags.is_empty()
        })
    };
    let clear = move |_| ctx.update(false, |s| s.filters = Default::default());
    // On phones (narrow screens, style/main.css) the filters are a full-height sheet behind a
    // "Filters (n)" button, so the first screen shows the search box and the pairings; on wider
    // screens the button and the sheet's "Show n pairings" are not shown and this is a column.
    let open = RwSignal::new(false);
    let on = move || {
        ctx.state.with(|s| {
            let f = &s.filters;
            f.regions.len() + f.partner_countries.len() + f.eu_countries.len() + f.tags.len()
        })
    };
    let toggle_label = move || match on() {
        0 => i.t().filters_open.to_string(),
        n => fill(i.t().filters_open_n, &[("n", &fmt_int(i.lang.get(), n))]),
    };
    let show_label = move || fill(i.t().filters_show_n, &[("n", &fmt_int(i.lang.get(), ctx.rows.with(Vec::len)))]);
    // In an embed (any width) they are a panel in the page's flow instead, not modal: the frame
    // grows to fit it, and a sheet over the whole frame could reach below the partner's screen.
    let embed = ctx.sticky.with_value(|s| s.embed);
    let set_open = move |now: bool| {
        open.set(now);
        if !embed {
            // While open, the sheet is modal: the page behind it is inert and does not scroll.
            crate::dom::inert_outside("filters", now);
            if now {
                crate::dom::add_body_class("sheet-open");
            } else {
                crate::dom::remove_body_class("sheet-open");
            }
        }
        let to = if now { "filters-title" } else { "filters-toggle" };
        request_animation_frame(move || crate::dom::focus_id(to));
    };
    // Turned to a wider screen while open: the sheet is a column again, and the page not inert.
    crate::dom::on_window("resize", move |_| {
        if !embed && open.get_untracked() && !crate::dom::matches_media("(max-width: 48rem)") {
            set_open(false);
        }
    });
    on_cleanup(move || {
        crate::dom::inert_outside("filters", false);
        crate::dom::remove_body_class("sheet-open");
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            set_open(false);
        }
    };
    view! {
        <button type="button" id="filters-toggle" class="filters-toggle" aria-controls="filters"
            aria-expanded=move || open.get().to_string() on:click=move |_| set_open(!open.get_untracked())>
            {toggle_label}
        </button>
        <aside id="filters" class="filters" class:open=move || open.get() aria-labelledby="filters-title" on:keydown=on_key>
            <h2 id="filters-title" tabindex="-1">{move || i.t().filters_title}</h2>
            <button type="button" class="link-button" on:click=clear disabled=move || !any()>
                {move || i.t().clear_all}
            </button>
            <FacetGroup kind=FacetKind::Region />
            <FacetGroup kind=FacetKind::Tag />
            <FacetGroup kind=FacetKind::PartnerCountry />
            <FacetGroup kind=FacetKind::EuCountry />
            <div class="filters-done">
                <button type="button" class="primary" on:click=move |_| set_open(false)>{show_label}</button>
            </div>
        </aside>
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FacetKind {
    Region,
    Tag,
    PartnerCountry,
    EuCountry,
}

impl FacetKind {
    fn id(self) -> &'static str {
        match self {
            FacetKind::Region => "region",
            FacetKind::Tag => "tag",
            FacetKind::PartnerCountry => "pcountry",
            FacetKind::EuCountry => "eucountry",
        }
    }

    fn title(self, i: &I18n) -> &'static str {
        let t = i.t();
        match self {
            FacetKind::Region => t.facet_region,
            FacetKind::Tag => t.facet_tag,
            FacetKind::PartnerCountry => t.facet_partner_country,
            FacetKind::EuCountry => t.facet_eu_country,
        }
    }

    fn values(self, f: &Facets) -> Vec<FacetValue> {
        match self {
            FacetKind::Region => f.regions.clone(),
            FacetKind::Tag => f.tags.clone(),
            FacetKind::PartnerCountry => f.partner_countries.clone(),
            FacetKind::EuCountry => f.eu_countries.clone(),
        }
    }

    /// Select or deselect `id` in this facet of `st`.
    pub fn toggle(self, st: &mut ExploreState, id: &str, on: bool) {
        let f = &mut st.filters;
        match self {
            FacetKind::Region => {
                if let Some(r) = Region::from_id(id) {
                    if on {
                        f.regions.insert(r);
                    } else {
                        f.regions.remove(&r);
                    }
                }
            }
            FacetKind::Tag | FacetKind::PartnerCountry | FacetKind::EuCountry => {
                let set = match self {
                    FacetKind::Tag => &mut f.tags,
                    FacetKind::PartnerCountry => &mut f.partner_countries,
                    _ => &mut f.eu_countries,
                };
                if on {
                    set.insert(id.to_string());
                } else {
                    set.remove(id);
                }
            }
        }
    }
}

#[component]
fn FacetGroup(kind: FacetKind) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let values = Memo::new(move |_| ctx.facets.try_with(|f| kind.values(f)).unwrap_or_default());
    let n_selected = move || values.with(|v| v.iter().filter(|x| x.selected).count());
    // Regions are few: open by default; the others open when something in them is selected.
    let open = kind == FacetKind::Region || n_selected() > 0;
    view! {
        <details class="facet" open=open>
            <summary>
                {move || kind.title(&i)}
                <Show when=move || { n_selected() > 0 }>
                    <span class="badge">{move || fill(i.t().n_selected, &[("n", &n_selected().to_string())])}</span>
                </Show>
            </summary>
            <fieldset>
                <legend class="visually-hidden">{move || kind.title(&i)}</legend>
                <ul>
                    <For each=move || values.get() key=|v| v.id.clone() let:v>
                        {
                            let id = v.id.clone();
                            let input_id = format!("f-{}-{}", kind.id(), v.id);
                            let fallback = v.label.clone();
                            let region = Region::from_id(&v.id).filter(|_| kind == FacetKind::Region);
                            let code = v.id.clone();
                            let is_country = matches!(kind, FacetKind::PartnerCountry | FacetKind::EuCountry);
                            let label = move || match region {
                                Some(r) => region_label(&i, r).to_string(),
                                None if is_country => ctx
                                    .data
                                    .try_with_value(|d| d.loaded.dataset.country_name_in(&code, i.lang.get().code()).to_string())
                                    .unwrap_or_else(|| fallback.clone()),
                                None => fallback.clone(),
                            };
                            let vid = v.id.clone();
                            let count = move || values.with(|vs| vs.iter().find(|x| x.id == vid).map(|x| x.count).unwrap_or(0));
                            let vid2 = v.id.clone();
                            let checked = move || values.with(|vs| vs.iter().any(|x| x.id == vid2 && x.selected));
                            view! {
                                <li>
                                    <input
                                        type="checkbox"
                                        id=input_id.clone()
                                        prop:checked=checked
                                        on:change:target=move |ev| {
                                            let on = ev.target().checked();
                                            ctx.update(false, |s| kind.toggle(s, &id, on));
                                        }
                                    />
                                    <label for=input_id>
                                        {label}
                                        " "
                                        <span class="count">{move || format!("({})", count())}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </fieldset>
        </details>
    }
}

pub fn region_label(i: &I18n, r: Region) -> &'static str {
    let t = i.t();
    match r {
        Region::Asia => t.region_asia,
        Region::LatinAmericaCaribbean => t.region_lac,
        Region::NorthAmerica => t.region_na,
    }
}

/// The download formats of the shown pairings.
#[derive(Clone, Copy)]
enum Export {
    Csv,
    Json,
    /// Arcs and cities, for GIS tools (`iuc_core::export::to_geojson`).
    GeoJson,
}

/// The id of the tab that shows `v` (the panes are its tab panel).
fn view_tab_id(v: View) -> &'static str {
    match v {
        View::Both => "view-both",
        View::Map => "view-map",
        View::Table => "view-table",
    }
}

/// View switch and export buttons.
#[component]
fn ResultsToolbar() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let export = move |format: Export| {
        let rows = ctx.rows.get_untracked();
        ctx.data.with_value(|d| {
            let ds = &d.loaded.dataset;
            let (name, mime, s) = match format {
                Export::Csv => ("iuc-pairings.csv", "text/csv;charset=utf-8", iuc_core::export::to_csv(ds, &rows)),
                Export::Json => ("iuc-pairings.json", "application/json", iuc_core::export::to_json(ds, &rows)),
                Export::GeoJson => {
                    ("iuc-pairings.geojson", "application/geo+json", iuc_core::export::to_geojson(ds, &rows, true))
                }
            };
            crate::dom::download(name, mime, &s);
        });
    };
    let embed = ctx.sticky.with_value(|s| s.embed);
    // The view switch is a set of tabs (WAI-ARIA APG, automatic activation): one tab stop,
    // the arrow keys, Home and End choose; the choice is the URL's `view`.
    const VIEWS: [View; 3] = [View::Both, View::Map, View::Table];
    let choose = move |v: View| {
        ctx.update(false, |s| s.view = v);
        crate::dom::focus_id(view_tab_id(v));
    };
    let on_tab_key = move |ev: web_sys::KeyboardEvent| {
        let now = VIEWS.iter().position(|v| *v == ctx.state.with_untracked(|s| s.view)).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (now + 1) % VIEWS.len(),
            "ArrowLeft" | "ArrowUp" => (now + VIEWS.len() - 1) % VIEWS.len(),
            "Home" => 0,
            "End" => VIEWS.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        choose(VIEWS[next]);
    };
    let view_tab = move |v: View| {
        let label = move || match v {
            View::Map => i.t().view_map,
            View::Table => i.t().view_table,
            View::Both => i.t().view_both,
        };
        let selected = move || ctx.state.with(|s| s.view) == v;
        view! {
            <button
                type="button"
                role="tab"
                id=view_tab_id(v)
                aria-controls="panes"
                aria-selected=move || selected().to_string()
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| choose(v)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="toolbar">
            <div class="view-switch" role="tablist" aria-label=move || i.t().view_label on:keydown=on_tab_key>
                {view_tab(View::Both)}
                {view_tab(View::Map)}
                {view_tab(View::Table)}
            </div>
            // Folded into a menu, so the map and the table come first (on a phone, in an embed).
            <details class="actions-menu">
            <summary>{move || if embed { i.t().actions_menu_embed } else { i.t().actions_menu }}</summary>
            <div class="export" role="group" aria-label=move || i.t().export_label>
                <button type="button" on:click=move |_| export(Export::Csv) disabled=move || ctx.rows.with(Vec::is_empty)>
                    {move || i.t().export_csv}
                </button>
                <button type="button" on:click=move |_| export(Export::Json) disabled=move || ctx.rows.with(Vec::is_empty)>
                    {move || i.t().export_json}
                </button>
                <button
                    type="button"
                    class="export-geojson"
                    on:click=move |_| export(Export::GeoJson)
                    disabled=move || ctx.rows.with(Vec::is_empty)
                >
                    {move || i.t().export_geojson}
                </button>
                {(!ctx.sticky.with_value(|s| s.embed)).then(|| view! { <crate::embed::EmbedDialog /> })}
                <button type="button" class="print-only-hide" on:click=move |_| {
                    if let Some(w) = crate::dom::window() {
                        w.print().ok();
                    }
                }>
                    {move || i.t().print}
                </button>
            </div>
            </details>
        </div>
    }
}

#[component]
fn PairingsTable() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let limit = RwSignal::new(PAGE_SIZE);
    // A new search starts from the first page again.
    Effect::new(move |_| {
        ctx.state.with(|s| s.filters.clone());
        limit.set(PAGE_SIZE);
    });
    let total = ctx.data.with_value(|d| d.loaded.dataset.pairings.len());
    let header = move |key: SortKey, label: fn(&I18n) -> &'static str| {
        let aria_sort = move || match ctx.state.with(|s| s.sort) {
            Some((k, SortDir::Asc)) if k == key => "ascending",
            Some((k, SortDir::Desc)) if k == key => "descending",
            _ => "none",
        };
        let click = move |_| {
            ctx.update(false, |s| {
                s.sort = match s.sort {
                    Some((k, SortDir::Asc)) if k == key => Some((key, SortDir::Desc)),
                    Some((k, SortDir::Desc)) if k == key => None,
                    _ => Some((key, SortDir::Asc)),
                }
            })
        };
        let arrow = move || match aria_sort() {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=click>
                    {move || label(&i)}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    // Keyed rows: a keystroke only touches the rows that come or go and the highlights that
    // change; each row owns its reactive state, which is freed when it leaves.
    // `try_`: a pending update may recompute these after a route change removed the page.
    let q = Memo::new(move |_| ctx.state.try_with(|s| s.filters.q.clone()).unwrap_or_default());
    let visible = Memo::new(move |_| {
        let lim = limit.try_get().unwrap_or(PAGE_SIZE);
        ctx.rows.try_with(|rows| rows.iter().take(lim).copied().collect::<Vec<_>>()).unwrap_or_default()
    });
    let body = move || {
        view! {
            // Keyed by row and language: a language switch rebuilds the rows (country names).
            <For each=move || { let l = i.lang.get(); visible.get().into_iter().map(move |r| (r, l)).collect::<Vec<_>>() } key=|k| *k let:k>
                <TableRow r=k.0 q />
            </For>
        }
    };
    let clear = move |_| ctx.update(false, |s| s.filters = Default::default());
    view! {
        <div class="table-wrap">
            <table class="pairings" id="pairings-table" aria-describedby="result-count">
                <caption class="visually-hidden">{move || i.t().table_caption}</caption>
                <colgroup>
                    <col class="c-city" />
                    <col class="c-country" />
                    <col class="c-city" />
                    <col class="c-country" />
                    <col class="c-region" />
                    <col class="c-topics" />
                </colgroup>
                <thead>
                    <tr>
                        {header(SortKey::EuCity, |i| i.t().col_eu_city)}
                        {header(SortKey::EuCountry, |i| i.t().col_eu_country)}
                        {header(SortKey::PartnerCity, |i| i.t().col_partner_city)}
                        {header(SortKey::PartnerCountry, |i| i.t().col_partner_country)}
                        {header(SortKey::Region, |i| i.t().col_region)}
                        {header(SortKey::Topics, |i| i.t().col_topics)}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            // `Show` conditions are memos: `try_` as in `visible` above.
            <Show when=move || ctx.rows.try_with(Vec::is_empty).unwrap_or(false)>
                <div class="empty" role="note">
                    <h2>{move || i.t().empty_title}</h2>
                    <p>{move || i.t().empty_text}</p>
                    <button type="button" on:click=clear>{move || i.t().clear_all}</button>
                </div>
            </Show>
            <Show when=move || { ctx.rows.try_with(Vec::len).unwrap_or(0) > limit.try_get().unwrap_or(PAGE_SIZE) }>
                <p class="more">
                    <button type="button" on:click=move |_| limit.update(|l| *l += PAGE_SIZE)>
                        {move || fill(i.t().show_more, &[("n", &PAGE_SIZE.to_string()), ("shown", &fmt_int(i.lang.get(), limit.get())), ("total", &fmt_int(i.lang.get(), ctx.rows.with(Vec::len)))])}
                    </button>
                </p>
            </Show>
            <p class="visually-hidden">{move || fill(i.t().table_is_alternative, &[("total", &total.to_string())])}</p>
        </div>
    }
}

/// The query's matches in each marked cell of a row (in the order of [`TableRow`]'s cells).
type RowMarks = [Vec<std::ops::Range<usize>>; 5];

/// Cell `k`'s text with the query's matches marked; re-rendered only when its marks change.
///
/// The row computes all its cells' marks in one memo (`marks`): the shared query then has one
/// subscriber per row instead of one per cell (every subscriber of the query is visited on each
/// keystroke, and each one that leaves unsubscribes with a linear search).
fn marked_cell(text: String, marks: Memo<RowMarks>, k: usize) -> impl IntoView {
    let ranges = Memo::new(move |_| marks.try_with(|m| m[k].clone()).unwrap_or_default());
    move || {
        ranges.with(|r| {
            if r.is_empty() {
                text.clone().into_any()
            } else {
                search::segments(&text, r)
                    .into_iter()
                    .map(
                        |(hit, s)| {
                            if hit {
                                view! { <mark>{s.to_string()}</mark> }.into_any()
                            } else {
                                s.to_string().into_any()
                            }
                        },
                    )
                    .collect_view()
                    .into_any()
            }
        })
    }
}

#[component]
fn TableRow(r: usize, q: Memo<String>) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    // Rows are keyed by language (see `PairingsTable`): their text need not follow it.
    let t = i.lang.get_untracked().strings();
    let lang = i.lang.get_untracked().code();
    let (eu, eu_country, partner, partner_country, region, topics, pid) = ctx.data.with_value(|d| {
        let ds = &d.loaded.dataset;
        let p = &ds.pairings[r];
        (
            p.eu.name.clone(),
            ds.country_name_in(&p.eu.country, lang).to_string(),
            p.partner.name.clone(),
            ds.country_name_in(&p.partner.country, lang).to_string(),
            p.region,
            p.topics.clone(),
            p.id.clone(),
        )
    });
    let marks = {
        let texts = [eu.clone(), eu_country.clone(), partner.clone(), partner_country.clone(), topics.clone()];
        Memo::new(move |_| {
            q.try_with(|q| {
                let blank = q.trim().is_empty();
                texts.each_ref().map(|t| if blank { Vec::new() } else { search::highlight(t, q) })
            })
            .unwrap_or_default()
        })
    };
    // One string shared by every row's link (see `ExploreCtx::detail_query`).
    let pid2 = pid.clone();
    let href =
        move || ctx.detail_query.try_with(|q| crate::app::href(&format!("/pairing/{pid2}{q}"))).unwrap_or_default();
    // One subscription to the selection per row (its class and `aria-current` read this).
    let sel = Memo::new(move |_| ctx.selected.try_get().flatten() == Some(r));
    let is_sel = move || sel.get();
    view! {
        <tr
            class:selected=is_sel
            aria-current=move || is_sel().then_some("true")
            on:click=move |ev: web_sys::MouseEvent| {
                // Clicking anywhere on the row opens the detail (links handle themselves).
                let on_link = ev
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|e| e.closest("a,button").ok().flatten())
                    .is_some();
                if !on_link {
                    ctx.go_to(ctx.detail_url(r), false);
                }
            }
        >
            // A plain link: the router handles clicks on every same-origin link, and a row needs
            // none of `<A>`'s active-link tracking.
            <th scope="row" data-label=t.col_eu_city>
                <a href=href class="row-link" data-id=pid>{marked_cell(eu, marks, 0)}</a>
            </th>
            <td data-label=t.col_eu_country>{marked_cell(eu_country, marks, 1)}</td>
            <td data-label=t.col_partner_city>{marked_cell(partner, marks, 2)}</td>
            <td data-label=t.col_partner_country>{marked_cell(partner_country, marks, 3)}</td>
            <td data-label=t.col_region>{region_label(&i, region)}</td>
            <td data-label=t.col_topics class="topics">{marked_cell(topics, marks, 4)}</td>
        </tr>
    }
}

/// `/pairing/<id>`: the detail of one pairing, over the Explore page.
#[component]
pub fn DetailRoute() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let Some(ctx) = use_context::<ExploreCtx>() else {
        return ().into_any();
    };
    let id = move || params.read().get("id").unwrap_or_default();
    (move || match ctx.selected.get() {
        Some(r) => view! { <Detail row=r /> }.into_any(),
        None => view! {
            <aside class="detail" aria-labelledby="detail-title">
                <h2 id="detail-title" tabindex="-1">{move || i.t().detail_not_found}</h2>
                <p>{move || fill(i.t().detail_not_found_text, &[("id", &id())])}</p>
                <button type="button" on:click=move |_| ctx.close_detail()>{move || i.t().close}</button>
            </aside>
        }
        .into_any(),
    })
    .into_any()
}

fn side_view(i: I18n, ds: &iuc_core::dataset::Dataset, s: &iuc_core::dataset::Side, heading: &'static str) -> AnyView {
    let lang = i.lang.get_untracked();
    let pop = s.population.as_ref().map(|p| {
        let v = fmt_int(lang, p.value as usize);
        let src = p.source.clone();
        view! { <dt>{i.t().population}</dt><dd>{v}" "<small>"("{src}")"</small></dd> }
    });
    let places = (!s.places.is_empty()).then(|| {
        let items = s.places.iter().map(|pl| view! { <li>{pl.name.clone()}</li> }).collect_view();
        view! { <dt>{i.t().places}</dt><dd><ul>{items}</ul></dd> }
    });
    view! {
        <section class="side">
            <h3>{heading}</h3>
            <p class="city">{s.name.clone()}</p>
            <dl>
                <dt>{i.t().country}</dt>
                <dd>{ds.country_name_in(&s.country, lang.code()).to_string()}</dd>
                {pop}
                {places}
            </dl>
        </section>
    }
    .into_any()
}

#[component]
fn Detail(row: usize) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let close = move || ctx.close_detail();
    // Re-rendered when the language changes.
    let content = move || {
        ctx.data.with_value(|d| {
            let ds = &d.loaded.dataset;
            let p: &Pairing = &ds.pairings[row];
            let lang = i.lang.get();
            let km = fmt_int(lang, search::distance_km(p).round() as usize);
            let tags =
                p.tags.iter().map(|t| view! { <li class="tag">{ds.tag_label(t).to_string()}</li> }).collect_view();
            let sdgs = ds.sdgs_of(p);
            let sdg_text = if sdgs.is_empty() {
                "—".to_string()
            } else {
                sdgs.iter().map(|n| fill(i.t().sdg_n, &[("n", &n.to_string())])).collect::<Vec<_>>().join(", ")
            };
            let similar = search::similar(ds, &p.id, 5)
                .into_iter()
                .map(|(j, _)| {
                    let q = &ds.pairings[j];
                    let href = ctx.detail_url(j);
                    let label = format!("{} – {}", q.eu.name, q.partner.name);
                    view! { <li><A href=href>{label}</A></li> }
                })
                .collect_view();
            let title = format!("{} – {}", p.eu.name, p.partner.name);
            crate::dom::set_title(&format!("{title} · {}", i.t().app_name));
            view! {
                <h2 id="detail-title" tabindex="-1">{title}</h2>
                <div class="sides">
                    {side_view(i, ds, &p.eu, i.t().eu_side)}
                    {side_view(i, ds, &p.partner, i.t().partner_side)}
                </div>
                <dl class="facts">
                    <dt>{i.t().col_region}</dt><dd>{region_label(&i, p.region)}</dd>
                    <dt>{i.t().col_topics}</dt><dd><q>{p.topics.clone()}</q></dd>
                    <dt>{i.t().tags}</dt><dd><ul class="tags">{tags}</ul></dd>
                    <dt>{i.t().sdgs}</dt><dd>{sdg_text}</dd>
                    <dt>{i.t().distance}</dt><dd>{fill(i.t().km, &[("n", &km)])}</dd>
                </dl>
                <h3>{i.t().similar}</h3>
                <ul class="similar">{similar}</ul>
            }
        })
    };
    on_cleanup(move || i.reset_title());
    view! {
        <aside
            class="detail"
            aria-labelledby="detail-title"
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <button type="button" class="close" on:click=move |_| close() aria-label=move || i.t().close_detail>
                "×"
            </button>
            {content}
        </aside>
    }
}
