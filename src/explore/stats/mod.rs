//! "Statistics at a glance" on Explore: the pairings shown, counted by partner region, partner
//! country, EU country and topic, as small bar charts that are also filters.
//!
//! ## The accessible pattern
//!
//! Each chart is a heading followed by a list (`<ul role="list">`: the role survives
//! `list-style: none` in Safari) of native `<button>`s, one per bar. A button's content is the
//! value's label, a decorative SVG bar and the count as text followed by a visually hidden unit
//! ("7 pairings"), so:
//! - the text equivalent *is* the control: a screen reader reads "North America 7 pairings,
//!   toggle button, not pressed", in a list of n items under the chart's heading; nothing has to
//!   be kept in sync with a separate hidden table;
//! - the SVG is `aria-hidden` and never focusable: the bar length repeats the count, it adds no
//!   information;
//! - keyboard use is the browser's own (Tab, Enter, Space), and `aria-pressed` says whether the
//!   value is a selected filter, the same state the Filter checkboxes show;
//! - the visible label is the start of the accessible name (WCAG 2.5.3), and the count is real
//!   text, so it zooms, reflows and is read in forced-colours mode.
//!
//! Bar lengths are SVG attributes (`width` in a 0–100 `viewBox` stretched to the CSS width), not
//! inline styles, because the app runs under `style-src 'self'`. Colours come from the CSS
//! variables (light and dark).
//!
//! Counts are over `ExploreCtx::rows`, the pairings shown, so they follow the search and every
//! filter. A value selected in a filter keeps its bar even at 0 so it can be deselected.

pub mod text;

use super::{ExploreCtx, FacetKind};
use crate::i18n::region_label;
use crate::i18n::{fill, fmt_int, use_i18n};
use iuc_core::dataset::{Dataset, Region};
use iuc_core::search::Filters;
use leptos::prelude::*;
use std::collections::BTreeMap;
use text::{stats_strings, StatsStrings};

/// How many bars a chart shows before "Show all".
pub const TOP: usize = 10;

/// One bar: a facet value and how many of the counted pairings have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Region id, country code or tag id (what [`FacetKind::toggle`] takes).
    pub id: String,
    /// What the bar is labelled with.
    pub label: String,
    /// How many of the counted pairings have this value.
    pub count: usize,
    /// Whether the value is selected in the filters.
    pub selected: bool,
}

/// The ids `filters` selects for `kind`.
pub fn selected_ids(filters: &Filters, kind: FacetKind) -> Vec<String> {
    match kind {
        FacetKind::Region => filters.regions.iter().map(|r| r.id().to_string()).collect(),
        FacetKind::Tag => filters.tags.iter().cloned().collect(),
        FacetKind::PartnerCountry => filters.partner_countries.iter().cloned().collect(),
        FacetKind::EuCountry => filters.eu_countries.iter().cloned().collect(),
    }
}

/// Count the pairings `rows` (indices into `ds.pairings`; unknown ones are skipped) by `kind`.
///
/// A pairing counts once per value (a topic listed twice counts once). Values with no pairing
/// are left out unless `filters` selects them. Bars come most frequent first, then by
/// accent-folded label, then id. `region_label` names a region and `lang` ("fr") picks the
/// country names (both in the interface language).
pub fn bars(
    ds: &Dataset,
    rows: &[usize],
    kind: FacetKind,
    filters: &Filters,
    region_label: impl Fn(Region) -> String,
    lang: &str,
) -> Vec<Bar> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in rows.iter().filter_map(|&r| ds.pairings.get(r)) {
        match kind {
            FacetKind::Region => *counts.entry(p.region.id().to_string()).or_default() += 1,
            FacetKind::PartnerCountry => *counts.entry(p.partner.country.clone()).or_default() += 1,
            FacetKind::EuCountry => *counts.entry(p.eu.country.clone()).or_default() += 1,
            FacetKind::Tag => {
                for (k, t) in p.tags.iter().enumerate() {
                    if !p.tags[..k].contains(t) {
                        *counts.entry(t.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    let selected = selected_ids(filters, kind);
    for id in &selected {
        counts.entry(id.clone()).or_default();
    }
    let label = |id: &str| match kind {
        FacetKind::Region => Region::from_id(id).map(&region_label).unwrap_or_else(|| id.to_string()),
        FacetKind::Tag => ds.tag_label(id).to_string(),
        FacetKind::PartnerCountry | FacetKind::EuCountry => ds.country_name_in(id, lang).to_string(),
    };
    let mut out: Vec<(String, Bar)> = counts
        .into_iter()
        .map(|(id, count)| {
            let label = label(&id);
            let selected = selected.contains(&id);
            (iuc_core::text::fold(&label), Bar { id, label, count, selected })
        })
        .collect();
    iuc_core::order::sort_by(&mut out, |(fa, a), (fb, b)| {
        b.count.cmp(&a.count).then_with(|| fa.cmp(fb)).then_with(|| a.id.cmp(&b.id))
    });
    out.into_iter().map(|(_, b)| b).collect()
}

/// The bars to draw: all of them, or the first `top` plus any selected one further down (so a
/// selected filter can always be seen and deselected).
pub fn visible(bars: &[Bar], all: bool, top: usize) -> Vec<Bar> {
    bars.iter().enumerate().filter(|(k, b)| all || *k < top || b.selected).map(|(_, b)| b.clone()).collect()
}

/// The id of a chart in the DOM (`data-facet`) and in element ids.
fn slug(kind: FacetKind) -> &'static str {
    match kind {
        FacetKind::Region => "region",
        FacetKind::Tag => "tag",
        FacetKind::PartnerCountry => "pcountry",
        FacetKind::EuCountry => "eucountry",
    }
}

/// The element ids of a chart's heading and list.
fn ids(kind: FacetKind) -> (&'static str, &'static str) {
    match kind {
        FacetKind::Region => ("stats-region-title", "stats-region-list"),
        FacetKind::Tag => ("stats-tag-title", "stats-tag-list"),
        FacetKind::PartnerCountry => ("stats-pcountry-title", "stats-pcountry-list"),
        FacetKind::EuCountry => ("stats-eucountry-title", "stats-eucountry-list"),
    }
}

fn chart_title(kind: FacetKind, s: &StatsStrings) -> &'static str {
    match kind {
        FacetKind::Region => s.by_region,
        FacetKind::Tag => s.by_tag,
        FacetKind::PartnerCountry => s.by_partner_country,
        FacetKind::EuCountry => s.by_eu_country,
    }
}

/// Put keyboard focus back on a bar's button if re-rendering took it away (a moved or
/// re-created element loses focus, which would drop a keyboard user at the top of the page).
fn refocus(selector: &str) {
    let Some(doc) = crate::dom::window().and_then(|w| w.document()) else { return };
    let lost = match doc.active_element() {
        None => true,
        Some(el) => doc.body().is_some_and(|b| wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(&b) == &el),
    };
    if !lost {
        return;
    }
    if let Ok(Some(el)) = doc.query_selector(selector) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            el.focus().ok();
        }
    }
}

/// The statistics panel: a heading whose button opens and closes it, then one chart per facet.
/// Needs the [`ExploreCtx`] (mount it inside Explore).
#[component]
pub fn StatsPanel() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let s = move || stats_strings(i.lang.get());
    let open = RwSignal::new(false);
    // The bar a click just toggled: focus goes back to it once the charts have re-rendered.
    let pending = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        ctx.state.track();
        if let Some(sel) = pending.try_update_value(Option::take).flatten() {
            request_animation_frame(move || refocus(&sel));
        }
    });
    view! {
        <section class="stats" aria-labelledby="stats-title">
            <h2 id="stats-title" class="stats-title">
                <button
                    type="button"
                    class="disclosure"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="stats-body"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="chevron" aria-hidden="true">"▸"</span>
                    {move || s().title}
                </button>
            </h2>
            <div id="stats-body" class="stats-body" hidden=move || !open.get()>
                // The charts' code is its own WASM chunk, fetched when first opened.
                <Show when=move || open.get()>{body(pending)}</Show>
            </div>
        </section>
    }
}

/// The open panel, whose code is a WASM chunk of its own with the `split` feature (see
/// `crate::lazy`); after "Try again", focus goes back to the panel's button.
fn body(pending: StoredValue<Option<String>>) -> AnyView {
    #[cfg(feature = "split")]
    return crate::lazy::load(move || chunk::stats_body(pending), crate::lazy::Focus::Selector("#stats-title button"));
    #[cfg(not(feature = "split"))]
    view! { <StatsBody pending /> }.into_any()
}

#[cfg(feature = "split")]
mod chunk {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(stats_body, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn stats_body(pending: StoredValue<Option<String>>) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::StatsBody pending /> }.into_any())
    }
}

/// The open panel: the number shown and the four charts.
#[component]
pub fn StatsBody(pending: StoredValue<Option<String>>) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let s = move || stats_strings(i.lang.get());
    // try_: a pending update may run after a route change removed Explore (see explore.rs).
    let shown = move || ctx.rows.try_with(Vec::len).unwrap_or(0);
    view! {
        <p class="stats-intro">{move || fill(s().intro, &[("n", &fmt_int(i.lang.get(), shown()))])}</p>
        <Show when=move || { shown() == 0 }>
            <p class="stats-nothing">{move || s().nothing}</p>
        </Show>
        <div class="charts">
            <Chart kind=FacetKind::Region pending />
            <Chart kind=FacetKind::PartnerCountry pending />
            <Chart kind=FacetKind::EuCountry pending />
            <Chart kind=FacetKind::Tag pending />
        </div>
    }
}

/// One chart: heading, bars (toggle buttons), the "show all" switch.
#[component]
fn Chart(kind: FacetKind, pending: StoredValue<Option<String>>) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let s = move || stats_strings(i.lang.get());
    let all_bars = Memo::new(move |_| {
        let rows = ctx.rows.try_get().unwrap_or_default();
        ctx.state
            .try_with(|st| {
                ctx.data.try_with_value(|d| {
                    let lang = i.lang.get().code();
                    bars(&d.loaded.dataset, &rows, kind, &st.filters, |r| region_label(&i, r).to_string(), lang)
                })
            })
            .flatten()
            .unwrap_or_default()
    });
    let show_all = RwSignal::new(false);
    let drawn = Memo::new(move |_| all_bars.with(|b| visible(b, show_all.get(), TOP)));
    let max = Memo::new(move |_| all_bars.with(|b| b.iter().map(|x| x.count).max().unwrap_or(0)));
    let slug = slug(kind);
    let (heading_id, list_id) = ids(kind);
    view! {
        <Show when=move || all_bars.with(|b| !b.is_empty())>
            <section class="chart" data-facet=slug aria-labelledby=heading_id>
                <h3 id=heading_id>{move || chart_title(kind, s())}</h3>
                <ul class="bars" role="list" id=list_id>
                    <For each=move || drawn.get() key=|b| b.id.clone() let:b>
                        <BarButton kind id=b.id all_bars max pending />
                    </For>
                </ul>
                {(kind == FacetKind::Tag).then(|| view! { <p class="chart-note">{move || s().tag_note}</p> })}
                <Show when=move || { all_bars.with(Vec::len) > TOP }>
                    <button
                        type="button"
                        class="link-button show-all"
                        aria-expanded=move || show_all.get().to_string()
                        aria-controls=list_id
                        on:click=move |_| show_all.update(|v| *v = !*v)
                    >
                        {move || {
                            let lang = i.lang.get();
                            if show_all.get() {
                                fill(s().show_top, &[("n", &fmt_int(lang, TOP))])
                            } else {
                                fill(s().show_all, &[("n", &fmt_int(lang, all_bars.with(Vec::len)))])
                            }
                        }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

/// One bar: a toggle button with the label, the decorative SVG bar and the count.
#[component]
fn BarButton(
    kind: FacetKind,
    id: String,
    all_bars: Memo<Vec<Bar>>,
    max: Memo<usize>,
    pending: StoredValue<Option<String>>,
) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let s = move || stats_strings(i.lang.get());
    let id = StoredValue::new(id);
    let find = move |f: fn(&Bar) -> String| {
        all_bars.with(|bs| id.with_value(|id| bs.iter().find(|b| &b.id == id).map(f))).unwrap_or_default()
    };
    let count = move || all_bars.with(|bs| id.with_value(|id| bs.iter().find(|b| &b.id == id).map_or(0, |b| b.count)));
    let pressed = move || all_bars.with(|bs| id.with_value(|id| bs.iter().any(|b| &b.id == id && b.selected)));
    // Bar length in the 0–100 viewBox; a non-zero count is always visible (at least 1).
    let width = move || {
        let (c, m) = (count(), max.get());
        if c == 0 || m == 0 {
            0.0
        } else {
            (c as f64 * 100.0 / m as f64).max(1.0)
        }
    };
    let toggle = move |_| {
        let on = !pressed();
        let vid = id.get_value();
        pending.set_value(Some(format!(".stats [data-facet=\"{}\"] button[data-id=\"{vid}\"]", slug(kind))));
        ctx.update(false, |st| kind.toggle(st, &vid, on));
    };
    view! {
        <li>
            <button
                type="button"
                class="bar"
                data-id=id.get_value()
                aria-pressed=move || pressed().to_string()
                on:click=toggle
            >
                <span class="bar-label">{move || find(|b| b.label.clone())}</span>
                " "
                <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="bar-track" x="0" y="0" width="100" height="10" />
                    <rect class="bar-fill" x="0" y="0" width=width height="10" />
                </svg>
                " "
                <span class="bar-count">
                    {move || fmt_int(i.lang.get(), count())}
                    <span class="visually-hidden">
                        " "{move || if count() == 1 { s().unit_one } else { s().unit_other }}
                    </span>
                </span>
            </button>
        </li>
    }
}
