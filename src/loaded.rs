//! What the shell loaded for the features, as they receive it (contexts provided by
//! `crate::app::App`: all of it before the app mounted, but the basemap on a page without the
//! map), and how a feature shows a dataset that failed to load or has problems. Shared by the
//! shell and the features: it imports neither.

use crate::data::{self, LoadError, World};
use crate::i18n::{fill, fmt_int, use_i18n};
use iuc_core::dataset::{Loaded, Problem};
use leptos::prelude::*;
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

/// The basemap: `None` until it is there. A page that draws the map has it at once (see
/// [`Preloaded::world`]); on another page the shell loads it after mounting, for Explore a click
/// away (its first render does not wait for it).
#[derive(Clone, Copy)]
pub struct Basemap(pub RwSignal<Option<Result<Arc<World>, LoadError>>>);

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
    /// The basemap as the page drew it (Explore's pre-rendered pages; the pre-renderer), or
    /// `None` for the shell to load once mounted.
    pub world: Option<Result<Arc<World>, LoadError>>,
    pub rules: Option<Result<Arc<iuc_core::eligibility::Rules>, data::RulesError>>,
    /// The page's query string, without `?` (empty for a pre-rendered page).
    pub search: String,
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
    let (valid, total) = (data.dataset.pairings.len(), data.records_in_file);
    let intro = move || {
        let n = |v: usize| fmt_int(i.lang.get(), v);
        fill(i.t().problems_intro, &[("valid", &n(valid)), ("total", &n(total))])
    };
    Some(view! {
        <section class="notice warning" aria-labelledby="problems-title">
            <h2 id="problems-title">{move || i.t().problems_title}</h2>
            <p>{intro}</p>
            {problem_list(&data.problems)}
        </section>
    })
}

/// How many problems a list shows; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 200;

/// A data file's problems as a list (the data's and the eligibility rules'): the first
/// [`PROBLEMS_SHOWN`], as text, then how many more there are.
pub fn problem_list(problems: &[Problem]) -> impl IntoView {
    let i = use_i18n();
    let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
    view! {
        <ul class="problem-list">
            {problems.iter().take(PROBLEMS_SHOWN).map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! {
            <p>{move || fill(i.t().problems_more, &[("n", &fmt_int(i.lang.get(), more))])}</p>
        })}
    }
}
