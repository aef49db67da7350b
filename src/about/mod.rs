//! About the programme, built from the programme page: what it is, what joining means, the
//! commitments, who can apply, the Local Action Plan, the agendas it serves, the call, contacts,
//! data credits, and a way into the eligibility wizard.
//!
//! Static content: it needs no data, so it renders at once. Strings live in
//! [`crate::about::text`]; sentences quoted from the programme page stay in English (`lang="en"`)
//! in `<blockquote>`s inside `<figure>`s captioned with their section of the page.

pub mod text;

use crate::about::text::{self as at, about_strings, AboutStrings};
use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

crate::lazy_route! {
    /// `/about`. Its code is a WASM chunk of its own with the `split` feature (see `crate::lazy`).
    AboutRoute => AboutPage, chunk about, preload preload_about
}

/// `/about`.
#[component]
pub fn AboutPage() -> impl IntoView {
    let i = use_i18n();
    let t = move || about_strings(i.lang.get());
    // The tab title names the page (set again if the language changes; reset on leaving).
    Effect::new(move |_| crate::dom::set_title(&format!("{} · {}", t().doc_title, i.t().app_name)));
    on_cleanup(move || i.reset_title());

    // One entry of the six things joining means: the programme's keyword and its explanation.
    let thing = move |word: fn(&AboutStrings) -> &'static str, expl: fn(&AboutStrings) -> &'static str| {
        view! {
            <div>
                <dt>{move || word(t())}</dt>
                <dd>{move || expl(t())}</dd>
            </div>
        }
    };
    let mailto = |addr: &'static str| view! { <a href=format!("mailto:{addr}")>{addr}</a> };

    view! {
        <article class="page about" aria-labelledby="about-title">
            <h1 id="about-title">{move || t().title}</h1>
            <p class="lead">{move || t().lead}</p>

            <section aria-labelledby="about-what">
                <h2 id="about-what">{move || t().what_title}</h2>
                <p>{move || t().what_p1}</p>
                <p>{move || t().what_p2}</p>
                <p>{move || t().what_explore} <A href=crate::paths::href("/")>{move || t().what_explore_link}</A>"."</p>
            </section>

            <section class="cta" aria-labelledby="about-cta">
                <h2 id="about-cta">{move || t().cta_title}</h2>
                <p>{move || t().cta_text}</p>
                <p><A href=crate::paths::href("/eligibility") attr:class="button button-primary">{move || t().cta_link}</A></p>
            </section>

            <section aria-labelledby="about-join">
                <h2 id="about-join">{move || t().join_title}</h2>
                <p>{move || t().join_intro}</p>
                <dl class="six-things">
                    {thing(|t| t.commit, |t| t.commit_text)}
                    {thing(|t| t.learn, |t| t.learn_text)}
                    {thing(|t| t.share, |t| t.share_text)}
                    {thing(|t| t.exchange, |t| t.exchange_text)}
                    {thing(|t| t.showcase, |t| t.showcase_text)}
                    {thing(|t| t.implement, |t| t.implement_text)}
                </dl>
            </section>

            <section aria-labelledby="about-commits">
                <h2 id="about-commits">{move || t().commits_title}</h2>
                <p>{move || t().commits_intro}</p>
                <ul>
                    <li>{move || t().commits_cooperate}</li>
                    <li>{move || t().commits_plan}</li>
                    <li>{move || t().commits_report}</li>
                    <li>{move || t().commits_resources}</li>
                    <li>{move || t().commits_agreement}</li>
                </ul>
                <Quote words=at::QUOTE_COMMIT section=|t| t.section_commit />
                <p>{move || t().commits_community}</p>
            </section>

            <section aria-labelledby="about-apply">
                <h2 id="about-apply">{move || t().apply_title}</h2>
                <ul>
                    <li>{move || t().apply_cities}</li>
                    <li>{move || t().apply_groups}</li>
                    <li>{move || t().apply_regions}</li>
                    <li>{move || t().apply_partners}</li>
                </ul>
                <Quote words=at::QUOTE_APPLY section=|t| t.section_apply />
                <p><A href=crate::paths::href("/eligibility")>{move || t().apply_link}</A></p>
            </section>

            <section aria-labelledby="about-lap">
                <h2 id="about-lap">{move || t().lap_title}</h2>
                <p>{move || t().lap_method}</p>
                <p>{move || t().lap_process}</p>
                <p>{move || t().lap_content}</p>
                <Quote words=at::QUOTE_LAP section=|t| t.section_commit />
            </section>

            <section aria-labelledby="about-agendas">
                <h2 id="about-agendas">{move || t().agendas_title}</h2>
                <p>{move || t().agendas_intro}</p>
                <ul class="agendas">
                    <li>{move || t().agenda_sdgs}</li>
                    <li>{move || t().agenda_urban}</li>
                    <li>{move || t().agenda_sendai}</li>
                    <li>{move || t().agenda_paris}</li>
                </ul>
                <p>{move || t().agendas_outro}</p>
                <p>{move || t().agendas_sdg_note}</p>
            </section>

            <section aria-labelledby="about-call">
                <h2 id="about-call">{move || t().call_title}</h2>
                <p>{move || t().call_status}</p>
                <Quote words=at::QUOTE_CALL section=|t| t.section_intro />
                <p>{move || t().call_pairings}</p>
                <p>{move || t().call_updates}</p>
            </section>

            <section aria-labelledby="about-contacts">
                <h2 id="about-contacts">{move || t().contacts_title}</h2>
                <dl class="contacts">
                    <dt>{move || t().contact_questions}</dt>
                    <dd>{move || t().contact_questions_text}{mailto(at::COORDINATION_EMAIL)}</dd>
                    <dt>{move || t().contact_list}</dt>
                    <dd>{move || t().contact_list_text}{mailto(at::SUPPORT_EMAIL)}"."</dd>
                </dl>
            </section>

            <section aria-labelledby="about-credits">
                <h2 id="about-credits">{move || t().credits_title}</h2>
                <p>{move || t().credits_intro}</p>
                <dl class="credits">
                    <dt>{move || t().credit_pairings}</dt>
                    <dd>
                        {move || t().credits_source_label}
                        <a href=at::PROGRAMME_URL>{move || t().credit_pairings_source}</a>
                    </dd>
                    <dd>
                        {move || t().credits_licence_label}
                        <a href=at::REUSE_DECISION_URL>{move || t().credit_pairings_licence}</a>
                    </dd>

                    <dt>{move || t().credit_geonames}</dt>
                    <dd>
                        {move || t().credits_source_label}
                        <a href=at::GEONAMES_URL>"GeoNames"</a>
                        {move || t().credit_geonames_via}
                    </dd>
                    <dd>
                        {move || t().credits_licence_label}
                        <a href=at::CC_BY_4_URL>{move || t().credit_geonames_licence}</a>
                    </dd>
                    <dd>{move || t().credit_geonames_note}</dd>

                    <dt>{move || t().credit_basemap}</dt>
                    <dd>
                        {move || t().credits_source_label}
                        <a href=at::NATURAL_EARTH_URL>"Natural Earth"</a>
                        {move || t().credit_basemap_via}
                        <a href=at::WORLD_ATLAS_URL>"world-atlas 2.0.2"</a>
                    </dd>
                    <dd>{move || t().credits_licence_label}{move || t().credit_basemap_licence}</dd>

                    <dt>{move || t().credit_tags}</dt>
                    <dd>{move || t().credits_source_label}{move || t().credit_tags_source}</dd>
                    <dd>{move || t().credits_licence_label}{move || t().credit_tags_licence}</dd>
                </dl>
            </section>
        </article>
    }
}

/// A sentence quoted word for word from the programme page: in English whatever the interface
/// language, as a block quotation captioned with the page's section it comes from.
#[component]
fn Quote(words: &'static str, section: fn(&AboutStrings) -> &'static str) -> impl IntoView {
    let i = use_i18n();
    let t = move || about_strings(i.lang.get());
    view! {
        <figure class="quote">
            <blockquote lang="en" cite=at::PROGRAMME_URL>
                <p>{words}</p>
            </blockquote>
            <figcaption>{move || fill(t().quote_from, &[("section", section(t()))])}</figcaption>
        </figure>
    }
}
