//! The app shell: router, header, navigation, footer, data loading and the not-found page.

use crate::data::{self, LoadError};
use crate::i18n::{fill, use_i18n, I18n, Lang};
use iuc_core::dataset::Loaded;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use std::sync::Arc;

/// The loaded dataset and its search index (English names plus one interface language's
/// country names), built once per language when first needed.
pub struct AppData {
    pub loaded: Arc<Loaded>,
    /// The English index, always there.
    pub index: iuc_core::search::Index,
    by_lang: std::sync::Mutex<Vec<(&'static str, Arc<iuc_core::search::Index>)>>,
}

impl AppData {
    pub fn new(loaded: Arc<Loaded>) -> AppData {
        let index = iuc_core::search::Index::new(&loaded.dataset);
        AppData { loaded, index, by_lang: Default::default() }
    }

    /// The index for interface language `lang` (English uses [`AppData::index`]).
    pub fn index_for(&self, lang: crate::i18n::Lang) -> Option<Arc<iuc_core::search::Index>> {
        let code = lang.code();
        if code == "en" {
            return None;
        }
        let mut cache = self.by_lang.lock().ok()?;
        if let Some((_, ix)) = cache.iter().find(|(c, _)| *c == code) {
            return Some(ix.clone());
        }
        let ix = Arc::new(iuc_core::search::Index::new_for(&self.loaded.dataset, code));
        cache.push((code, ix.clone()));
        Some(ix)
    }
}

/// The dataset, loaded once for the whole app before it mounts (see [`Preloaded`]).
#[derive(Clone, Copy)]
pub struct DataResource(StoredValue<Result<Arc<AppData>, LoadError>>);

impl DataResource {
    pub fn new(data: Result<Arc<AppData>, LoadError>) -> DataResource {
        DataResource(StoredValue::new(data))
    }

    pub fn get(&self) -> Result<Arc<AppData>, LoadError> {
        self.0.get_value()
    }
}

/// The basemap, loaded before the app mounts (see [`Preloaded`]).
#[derive(Clone, Copy)]
pub struct Basemap(pub StoredValue<Result<Arc<crate::explore::map::World>, LoadError>>);

/// The eligibility rules, when they were loaded before the app mounted (a page load at
/// `/eligibility`, and the pre-renderer); otherwise the wizard fetches them when it opens.
#[derive(Clone, Copy)]
pub struct PreloadedRules(pub StoredValue<Result<Arc<iuc_core::eligibility::Rules>, data::RulesError>>);

/// What the first render needs, loaded before the app mounts: by `crate::start` in the browser,
/// from `dist/` by the pre-renderer. With it the first render is complete (no "Loading…"), so
/// the app can take over a pre-rendered page with nothing shown in between.
#[derive(Clone)]
pub struct Preloaded {
    pub data: Result<Arc<AppData>, LoadError>,
    pub world: Result<Arc<crate::explore::map::World>, LoadError>,
    pub rules: Option<Result<Arc<iuc_core::eligibility::Rules>, data::RulesError>>,
    /// The page's query string, without `?` (empty for a pre-rendered page).
    pub search: String,
}

/// A browser path without the router's base (`/iuc/about` → `/about`).
pub fn app_path(pathname: &str) -> String {
    let base = href("");
    let p = pathname.strip_prefix(base.as_str()).unwrap_or(pathname);
    if p.starts_with('/') {
        p.to_string()
    } else {
        format!("/{p}")
    }
}

thread_local! {
    static BASE: String = base_path();
}

/// An app path as a link: with the base the app is hosted under (`/about` → `/iuc/about`).
pub fn href(path: &str) -> String {
    BASE.with(|b| format!("{b}{path}"))
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_BASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Natively (the pre-renderer), the base path the pages are rendered for (`/iuc/`); set it
/// before the first render.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_base(base: &str) {
    NATIVE_BASE.with(|b| *b.borrow_mut() = base.trim_end_matches('/').to_string());
}

/// The router's base path, from `<base href>` (trunk's `--public-url`), without trailing slash.
pub fn base_path() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    if crate::dom::window().is_none() {
        return NATIVE_BASE.with(|b| b.borrow().clone());
    }
    let href = crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|u| web_sys::Url::new(&u).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    href.trim_end_matches('/').to_string()
}

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
    provide_context(Basemap(StoredValue::new(pre.world)));
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
                <Route path=path!("eligibility") view=crate::lazy::WizardRoute />
                <Route path=path!("about") view=crate::lazy::AboutRoute />
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

/// Render `render(data)` with the dataset (loaded before the app mounted), or an error that
/// says what failed instead of a blank page.
pub fn with_data<V, F>(render: F) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn(Arc<AppData>) -> V + Send + Sync + Clone + 'static,
{
    match expect_context::<DataResource>().get() {
        Ok(data) => render(data).into_any(),
        Err(e) => view! { <LoadFailed error=e /> }.into_any(),
    }
}

#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="notice error" role="alert">
            <h2>{move || i.t().load_failed_title}</h2>
            <p><code>{error.to_string()}</code></p>
            <p>{move || i.t().load_failed_help}</p>
        </div>
    }
}

/// The list of problems found in the data file, shown above the (partial) content.
#[component]
pub fn DataProblems(data: Arc<Loaded>) -> impl IntoView {
    let i = use_i18n();
    if data.problems.is_empty() {
        return None;
    }
    let valid = data.dataset.pairings.len().to_string();
    let total = data.records_in_file.to_string();
    let shown = data.problems.len().min(200);
    let more = data.problems.len() - shown;
    Some(view! {
        <section class="notice warning" aria-labelledby="problems-title">
            <h2 id="problems-title">{move || i.t().problems_title}</h2>
            <p>{move || fill(i.t().problems_intro, &[("valid", &valid), ("total", &total)])}</p>
            <ul class="problem-list">
                {data.problems.iter().take(shown).map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>"… and " {more} " more."</p> })}
        </section>
    })
}
