//! `/pairing/<id>`: one pairing's detail, over the Explore page.

use super::ExploreCtx;
use crate::i18n::{fill, fmt_int, region_label, use_i18n, I18n};
use iuc_core::dataset::Pairing;
use iuc_core::search;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

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
