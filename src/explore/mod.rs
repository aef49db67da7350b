//! Explore: the linked map and table of pairings, with search, facets, export and the detail.
//!
//! All state a user may share lives in the URL query (decoded by `iuc_core::state`); this module
//! builds the shared context ([`ExploreCtx`]) from it and lays out the parts, each in its own
//! file: the search bar, the facets, the toolbar (view tabs, downloads), the table, the map and
//! the pairing detail. They turn clicks and keystrokes back into URLs through the context.

mod detail;
pub mod embed_dialog;
mod facets;
pub mod map;
mod search_bar;
pub mod stats;
mod table;
mod toolbar;

pub use detail::DetailRoute;
pub use facets::FacetKind;

use crate::i18n::use_i18n;
use crate::loaded::{with_data, AppData, DataProblems};
use crate::paths::app_path;
use crate::takeover::Later;
use iuc_core::search::{self, Facets};
use iuc_core::state::{self, ExploreState, View};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;
use std::time::Duration;

/// While typing, the URL is written when the typing pauses this long (or when the search box
/// loses focus, or anything else changes the state). Writing it costs the browser more than the
/// search itself, and browsers ignore history changes made faster than about ten a second.
pub const URL_WRITE_DELAY_MS: u64 = 300;

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
        crate::paths::href(&self.sticky.with_value(|s| s.apply(&url)))
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
        crate::dom::cancel_timeout(self.write_timer);
        self.go.run((url, replace));
        self.typed.try_set(None);
    }

    /// The search box's text changed: the state follows at once, the URL when typing pauses.
    pub fn type_query(&self, q: &str) {
        let over = self.search.get_untracked();
        self.typed.set(Some(Typed { over, q: q.to_string() }));
        let ctx = *self;
        crate::dom::cancel_timeout(self.write_timer);
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
        self.detail_query.with_untracked(|q| crate::paths::href(&format!("/pairing/{id}{q}")))
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
        // URLs carry the base already (see `crate::paths::href`).
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
    on_cleanup(move || crate::dom::cancel_timeout(write_timer));

    let view_mode = move || state.try_with(|s| s.view).unwrap_or_default();
    view! {
        <DataProblems data=data.loaded.clone() />
        <search_bar::SearchBar />
        <div class="explore-body">
            // The filters, the map and the table are each built in a task of their own when
            // taking over a pre-rendered page (see `crate::takeover`).
            <Later part="filters">
                <facets::Filters />
            </Later>
            <div class="results">
                <toolbar::ResultsToolbar />
                <stats::StatsPanel />
                <div
                    class="panes"
                    id="panes"
                    role="tabpanel"
                    aria-labelledby=move || toolbar::view_tab_id(view_mode())
                    class:both=move || view_mode() == View::Both
                >
                    <Show when=move || view_mode() != View::Table>
                        <Later part="map">
                            <map::PairingsMap />
                        </Later>
                    </Show>
                    <Show when=move || view_mode() != View::Map>
                        <Later part="table">
                            <table::PairingsTable />
                        </Later>
                    </Show>
                </div>
            </div>
        </div>
        <Outlet />
    }
}
