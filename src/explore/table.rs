//! The table of shown pairings: sortable headers, keyed rows with the query's matches marked,
//! the rows near the viewport only when there are many, and the empty state.

use super::ExploreCtx;
use crate::i18n::{fill, region_label, use_i18n, I18n};
use iuc_core::search::{self, SortDir, SortKey};
use iuc_core::window;
use leptos::prelude::*;
use std::ops::Range;

#[component]
pub(super) fn PairingsTable() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
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
    let shown = Memo::new(move |_| ctx.rows.try_with(Vec::len).unwrap_or(0));
    let rows = RowWindow::new(shown);
    let (range, tbody) = (rows.range, rows.tbody);
    // The rows go in blocks of `window::STEP` (the window's ends are multiples of it), keyed by
    // block and language (a language switch rebuilds them: country names). Leptos's keyed list
    // moves every row that stays when two or more items are put in front of them, which takes
    // the keyboard focus out of a moved row; scrolling up a row at a time puts one block in
    // front, which moves nothing (see also `RowWindow`).
    let blocks = Memo::new(move |_| {
        let r = range.try_get().unwrap_or_default();
        r.start / window::STEP..r.end.div_ceil(window::STEP)
    });
    let (above, below) = (rows.above, rows.below);
    let body = move || {
        view! {
            <Spacer px=above />
            <For
                each=move || { let l = i.lang.get(); blocks.get().map(move |b| (b, l)).collect::<Vec<_>>() }
                key=|k| *k
                children={move |(b, _): (usize, crate::i18n::Lang)| view! { <RowBlock b range q /> }}
            />
            <Spacer px=below />
        }
    };
    let clear = move |_| ctx.update(false, |s| s.filters = Default::default());
    view! {
        <div class="table-wrap">
            <table
                class="pairings"
                id="pairings-table"
                aria-describedby="result-count"
                // Every row counts, rendered or not (the header is one).
                aria-rowcount=move || shown.get() + 1
            >
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
                    <tr aria-rowindex="1">
                        {header(SortKey::EuCity, |i| i.t().col_eu_city)}
                        {header(SortKey::EuCountry, |i| i.t().col_eu_country)}
                        {header(SortKey::PartnerCity, |i| i.t().col_partner_city)}
                        {header(SortKey::PartnerCountry, |i| i.t().col_partner_country)}
                        {header(SortKey::Region, |i| i.t().col_region)}
                        {header(SortKey::Topics, |i| i.t().col_topics)}
                    </tr>
                </thead>
                <tbody node_ref=tbody>{body}</tbody>
            </table>
            // `Show` conditions are memos: `try_` as in `q` above.
            <Show when=move || shown.try_get().unwrap_or(0) == 0>
                <div class="empty" role="note">
                    <h2>{move || i.t().empty_title}</h2>
                    <p>{move || i.t().empty_text}</p>
                    <button type="button" on:click=clear>{move || i.t().clear_all}</button>
                </div>
            </Show>
            <p class="visually-hidden">{move || fill(i.t().table_is_alternative, &[("total", &total.to_string())])}</p>
        </div>
    }
}

/// Which of the shown rows the table renders (see `iuc_core::window`): all of them up to a
/// hundred, else those in and near the viewport, between two spacers of the height of the rows
/// left out. It follows the page's scroll and size, and renders every row to print.
#[derive(Clone, Copy)]
struct RowWindow {
    tbody: NodeRef<leptos::html::Tbody>,
    range: RwSignal<Range<usize>>,
    /// The spacers' heights (0 when every row is rendered).
    above: Memo<f64>,
    below: Memo<f64>,
}

impl RowWindow {
    fn new(shown: Memo<usize>) -> RowWindow {
        let tbody = NodeRef::<leptos::html::Tbody>::new();
        let scroll = RwSignal::new(window::Scroll::default());
        let row_px = RwSignal::new(window::DEFAULT_ROW_PX);
        // Natively (the pre-renderer) every row: a page without the app shows them all, and
        // carries no spacer's height (a `style` attribute, which the CSP refuses).
        let printing = RwSignal::new(crate::dom::window().is_none());
        let target = Memo::new(move |_| {
            window::rows_to_render(shown.try_get().unwrap_or(0), scroll.get(), row_px.get(), printing.get())
        });
        // The rendered range moves to the target in two updates when it must grow at one end and
        // shrink at the other: first to both ranges together (blocks added only), a frame later
        // to the target (blocks removed only). Leptos's keyed list moves the items that stay when
        // one update both adds and removes, and a moved row loses the keyboard focus: this way,
        // while Tab or Shift+Tab walks the rows, the focused one stays where it is.
        let range = RwSignal::new(target.get_untracked());
        Effect::new(move |_| {
            let Some(t) = target.try_get() else { return };
            let Some(cur) = range.try_get_untracked() else { return };
            let grows = t.start < cur.start || t.end > cur.end;
            let shrinks = t.start > cur.start || t.end < cur.end;
            let both = t.start.min(cur.start)..t.end.max(cur.end);
            let overlap = t.start < cur.end && cur.start < t.end;
            if grows && shrinks && overlap && both.len() <= 2 * t.len() {
                range.set(both);
                request_animation_frame(move || {
                    if let (Some(t), Some(cur)) = (target.try_get_untracked(), range.try_get_untracked()) {
                        if cur.start <= t.start && t.end <= cur.end {
                            range.try_set(t);
                        }
                    }
                });
            } else if t != cur {
                range.set(t);
            }
        });
        let spacer = move |k: usize| {
            Memo::new(move |_| {
                let (above, below) =
                    range.try_with(|r| window::spacers(shown.get(), r, row_px.get())).unwrap_or_default();
                [above, below][k]
            })
        };
        let (above, below) = (spacer(0), spacer(1));
        // Where the rows are on screen, and how tall they are (measured on the rendered ones;
        // a change under a tenth is ignored, so the spacers do not chase rounding).
        let measure = move || {
            let windowed = shown.try_get_untracked().is_some_and(|n| n > window::RENDER_ALL_UP_TO);
            let (Some(Some(tb)), Some(w), true) = (tbody.try_get_untracked(), crate::dom::window(), windowed) else {
                return;
            };
            let rect = tb.get_bounding_client_rect();
            let viewport = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
            scroll.try_set(window::Scroll { above: -rect.top(), viewport });
            let rendered = range.try_with_untracked(|r| r.len()).unwrap_or(0);
            let spacers = above.try_get_untracked().unwrap_or(0.0) + below.try_get_untracked().unwrap_or(0.0);
            if rendered > 0 {
                let px = (rect.height() - spacers) / rendered as f64;
                let old = row_px.get_untracked();
                if px >= 1.0 && ((px - old) / old).abs() > 0.1 {
                    row_px.try_set(px);
                }
            }
        };
        // At most once a frame, after the rows of a new window are laid out.
        let pending = StoredValue::new(false);
        let soon = move || {
            if !pending.try_get_value().unwrap_or(true) {
                pending.set_value(true);
                request_animation_frame(move || {
                    pending.try_set_value(false);
                    measure();
                });
            }
        };
        crate::dom::on_window("scroll", move |_| soon());
        crate::dom::on_window("resize", move |_| soon());
        Effect::new(move |_| {
            range.track();
            soon();
        });
        // Printing gives every row (the spacers are then 0).
        crate::dom::on_window("beforeprint", move |_| printing.set(true));
        crate::dom::on_window("afterprint", move |_| printing.set(false));
        RowWindow { tbody, range, above, below }
    }
}

/// Block `b` of the rendered rows: the shown pairings at positions `b * STEP ..` (within the
/// rendered range), keyed by pairing.
#[component]
fn RowBlock(b: usize, range: RwSignal<Range<usize>>, q: Memo<String>) -> impl IntoView {
    let ctx = expect_context::<ExploreCtx>();
    let from = b * window::STEP;
    let rows = Memo::new(move |_| {
        let end = range.try_with(|r| r.end).unwrap_or(0).min(from + window::STEP);
        ctx.rows
            .try_with(|rows| {
                let a = from.min(rows.len());
                rows[a..end.clamp(a, rows.len())].to_vec()
            })
            .unwrap_or_default()
    });
    view! {
        <For each=move || rows.get() key=|r| *r let:r>
            {
                // Row 1 is the header; the rows not rendered still count. (A search moves a row
                // within its block of eight.)
                let index = Signal::derive(move || {
                    from + rows.try_with(|v| v.iter().position(|&x| x == r)).flatten().unwrap_or(0) + 2
                });
                view! { <TableRow r q index /> }
            }
        </For>
    }
}

/// A row that stands in for the rows not rendered (none when its height is 0).
#[component]
fn Spacer(px: Memo<f64>) -> impl IntoView {
    view! {
        <Show when=move || { px.try_get().unwrap_or(0.0) > 0.0 }>
            <tr class="spacer" aria-hidden="true">
                <td colspan="6" style:height=move || format!("{:.0}px", px.get())></td>
            </tr>
        </Show>
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
fn TableRow(r: usize, q: Memo<String>, index: Signal<usize>) -> impl IntoView {
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
        move || ctx.detail_query.try_with(|q| crate::paths::href(&format!("/pairing/{pid2}{q}"))).unwrap_or_default();
    // One subscription to the selection per row (its class and `aria-current` read this).
    let sel = Memo::new(move |_| ctx.selected.try_get().flatten() == Some(r));
    let is_sel = move || sel.get();
    view! {
        <tr
            aria-rowindex=move || index.get()
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
