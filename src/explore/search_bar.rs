//! The search box, its hint and the live count of shown pairings.

use super::ExploreCtx;
use crate::i18n::{fill, fmt_int, use_i18n};
use iuc_core::state::View;
use leptos::prelude::*;

#[component]
pub(super) fn SearchBar() -> impl IntoView {
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
