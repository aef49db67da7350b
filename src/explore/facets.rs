//! The facets (region, topic, partner and EU country) with live counts: a column, or on phones a
//! modal sheet and in embeds a panel behind "Filters (n)".

use super::ExploreCtx;
use crate::i18n::{fill, fmt_int, region_label, use_i18n, I18n};
use iuc_core::dataset::Region;
use iuc_core::search::{FacetValue, Facets};
use iuc_core::state::ExploreState;
use leptos::prelude::*;

/// Facet filters with live counts.
#[component]
pub(super) fn Filters() -> impl IntoView {
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
