//! The app shell: router and routes, header, navigation, footer and the not-found page. It
//! provides what was loaded (`crate::loaded`) to the features, which never import it.

use crate::i18n::{use_i18n, I18n, Lang};
use crate::loaded::{Basemap, DataResource, Preloaded, PreloadedRules};
use crate::paths::{app_path, base_path, href};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The app, starting in `lang` (whose strings `crate::start` has installed); `explicit`: chosen
/// by a `lang=` URL rather than taken from the browser.
#[component]
pub fn App(lang: Lang, explicit: bool, pre: Preloaded) -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(lang) };
    provide_context(i18n);
    let explicit_lang = RwSignal::new(explicit);
    provide_context(crate::lang::switch::ExplicitLang(explicit_lang));
    let sticky = crate::embed::Sticky::from_query(pre.search.trim_start_matches('?'));
    crate::embed::start_auto_height(&sticky);
    crate::embed::apply_accent(&sticky);
    if sticky.embed {
        crate::dom::add_body_class("embed");
    }
    provide_context(sticky);
    provide_context(DataResource::new(pre.data));
    let basemap = RwSignal::new(pre.world);
    if basemap.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let world = crate::data::load_world().await;
            basemap.try_set(Some(world));
        });
    }
    provide_context(Basemap(basemap));
    if let Some(rules) = pre.rules {
        provide_context(PreloadedRules(StoredValue::new(rules)));
    }

    view! {
        <Router base=base_path()>
            <Shell />
        </Router>
    }
}

/// Header, nav, main (routes) and footer. Inside the router so it can use the location.
#[component]
fn Shell() -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    // Move focus sensibly on route changes (not on the first load): into an opened pairing
    // detail, back to the row that opened it when it closes, else to the new page's heading.
    let pathname = location.pathname;
    Effect::new(move |prev: Option<String>| {
        let now = app_path(&pathname.get());
        if let Some(prev) = prev.filter(|p| *p != now) {
            let now2 = now.clone();
            request_animation_frame(move || {
                if now2.starts_with("/pairing/") {
                    crate::dom::focus_id("detail-title");
                } else if let Some(id) = prev.strip_prefix("/pairing/").filter(|_| now2 == "/") {
                    crate::dom::focus_selector(&format!("a.row-link[data-id=\"{id}\"]"));
                } else {
                    crate::dom::focus_main_heading();
                }
            });
        }
        now
    });

    let embed = crate::embed::use_sticky().embed;
    let explicit_lang = expect_context::<crate::lang::switch::ExplicitLang>().0;
    crate::lang::switch::keep_in_sync(explicit_lang);
    view! {
        // The router would turn this fragment link into a navigation that leaves focus on the
        // link: move focus to main as a fragment link does (and keep the URL as it is).
        <a class="skip-link" href="#main" on:click=move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            crate::dom::focus_id("main");
        }>{move || i.t().skip_to_content}</a>
        {(!embed).then(|| view! {
            <header class="site-header">
                <div class="brand">
                    <A href=href("/") attr:class="brand-name">{move || i.t().app_name}</A>
                    <span class="brand-sub">{move || i.t().programme}</span>
                </div>
                <nav aria-label=move || i.t().nav_label>
                    <ul>
                        <li><A href=href("/") exact=true>{move || i.t().nav_explore}</A></li>
                        <li><A href=href("/eligibility")>{move || i.t().nav_eligibility}</A></li>
                        <li><A href=href("/about")>{move || i.t().nav_about}</A></li>
                    </ul>
                </nav>
                <crate::lang::switch::LanguageSwitch explicit=explicit_lang />
            </header>
        })}
        <crate::embed::UpdatePrompt />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <ParentRoute path=path!("") view=crate::explore::ExplorePage>
                    <Route path=path!("") view=|| () />
                    <Route path=path!("pairing/:id") view=crate::explore::DetailRoute />
                </ParentRoute>
                <Route path=path!("eligibility") view=crate::wizard::WizardRoute />
                <Route path=path!("about") view=crate::about::AboutRoute />
            </Routes>
        </main>
        {if embed { view! { <EmbedFooter /> }.into_any() } else { view! { <Footer /> }.into_any() }}
    }
}

/// In embed mode: a link to the full explorer and the credits, in one small line.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let href = move || {
        location.search.track();
        location.pathname.track();
        crate::embed::full_explorer_url()
    };
    view! {
        <footer class="embed-footer">
            <a href=href target="_blank" rel="noopener">{move || i.t().embed_open_full}<span class="visually-hidden">{move || i.t().opens_new_tab}</span></a>
            <span>{move || i.t().embed_credits}</span>
        </footer>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{move || i.t().footer_data}</p>
            <p>{move || i.t().footer_geonames}</p>
            <p>{move || i.t().footer_basemap}</p>
            <p>{move || i.t().footer_programme}</p>
            <p>{move || i.t().footer_privacy}</p>
        </footer>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="page not-found">
            <h1 tabindex="-1">{move || i.t().not_found_title}</h1>
            <p>{move || i.t().not_found_text}</p>
            <p><A href=href("/")>{move || i.t().not_found_home}</A></p>
        </section>
    }
}

/// Load the code of the route at `path` (an app path), if it is loaded lazily: a page that
/// starts there renders it complete at once (see `crate::lazy`).
pub async fn preload_route(path: &str) {
    match path {
        "/eligibility" => crate::wizard::preload().await,
        "/about" => crate::about::preload().await,
        _ => {}
    }
}
