//! The toolbar: the map / table / both tabs and the menu of downloads, embed and print.

use super::ExploreCtx;
use crate::i18n::use_i18n;
use iuc_core::state::View;
use leptos::prelude::*;

/// The download formats of the shown pairings.
#[derive(Clone, Copy)]
enum Export {
    Csv,
    Json,
    /// Arcs and cities, for GIS tools (`iuc_core::export::to_geojson`).
    GeoJson,
}

/// The id of the tab that shows `v` (the panes are its tab panel).
pub(super) fn view_tab_id(v: View) -> &'static str {
    match v {
        View::Both => "view-both",
        View::Map => "view-map",
        View::Table => "view-table",
    }
}

/// View switch and export buttons.
#[component]
pub(super) fn ResultsToolbar() -> impl IntoView {
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
                {(!ctx.sticky.with_value(|s| s.embed)).then(|| view! { <super::embed_dialog::EmbedDialog /> })}
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
