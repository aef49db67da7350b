//! The table of shown pairings: sortable headers, keyed rows with the query's matches marked,
//! "Show more", and the empty state.

use super::{ExploreCtx, PAGE_SIZE};
use crate::i18n::{fill, fmt_int, region_label, use_i18n, I18n};
use iuc_core::search::{self, SortDir, SortKey};
use leptos::prelude::*;

#[component]
pub(super) fn PairingsTable() -> impl IntoView {
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
