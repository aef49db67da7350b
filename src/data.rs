//! The only module that touches the network: fetches the bundled data files with gloo-net (and,
//! through [`fetch_text`], the other languages' strings: `crate::lang::bundle`), and on a page
//! without the map Explore's pre-rendered page for its basemap ([`load_world`]). On a first visit
//! it also hands what it fetched to the service worker's precache ([`hand_over`]).
//!
//! Paths are relative to the document's `<base href>` (trunk's `--public-url`), so the app works
//! under a sub-path. The HTTP status is checked before parsing (a static host that answers a
//! missing file with index.html would otherwise show up as a confusing JSON error).

use iuc_core::dataset::{self, Loaded, Problem};
use iuc_core::eligibility::{self, Rules};
use iuc_core::gazetteer::Gazetteer;
use std::fmt;
use std::sync::Arc;

/// Why a data file could not be loaded at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http { url: String, status: u16, status_text: String },
    /// No answer (offline, blocked, DNS…).
    Network { url: String, message: String },
    /// The server answered with something that is not the expected file (e.g. an HTML page).
    WrongContent { url: String, content_type: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { url, status, status_text } => {
                write!(f, "{url}: the server answered HTTP {status} {status_text}")
            }
            LoadError::Network { url, message } => write!(f, "{url}: could not be fetched ({message})"),
            LoadError::WrongContent { url, content_type } => {
                write!(f, "{url}: expected a JSON file but the server sent {content_type}")
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Fetch a text file relative to the app's base URL (not an HTML page: a host answering a
/// missing data file with its SPA fallback is an error).
pub async fn fetch_text(path: &str) -> Result<String, LoadError> {
    fetch_body(path, false).await
}

async fn fetch_body(path: &str, html: bool) -> Result<String, LoadError> {
    let url = path.to_string();
    let resp = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|e| LoadError::Network { url: url.clone(), message: e.to_string() })?;
    if !resp.ok() {
        return Err(LoadError::Http { url, status: resp.status(), status_text: resp.status_text() });
    }
    let ct = resp.headers().get("content-type").unwrap_or_default();
    if ct.starts_with("text/html") != html {
        return Err(LoadError::WrongContent { url, content_type: ct });
    }
    let raw: web_sys::Response = resp.into();
    hand_over(&raw);
    let resp = gloo_net::http::Response::from(raw);
    resp.text().await.map_err(|e| LoadError::Network { url, message: e.to_string() })
}

/// On a first visit, hand a copy of a file fetched here to the service worker's precache, so
/// that it is downloaded once, not once by the page and again by the worker: `public/boot.js`
/// defines `iucHandOver` (and hands over the WASM), `public/sw.js` reads the copies when it
/// installs. Where boot.js did not define it (tests), nothing happens.
fn hand_over(resp: &web_sys::Response) {
    use wasm_bindgen::JsCast;
    let Some(window) = crate::dom::window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&window, &"iucHandOver".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(&wasm_bindgen::JsValue::NULL, resp);
        }
    }
}

pub const PAIRINGS_URL: &str = "data/pairings.json";
pub const RULES_URL: &str = "data/eligibility.json";
pub const WORLD_URL: &str = "data/world.json";
/// The pre-rendered Explore page, which draws the basemap (see [`load_world`]).
pub const EXPLORE_PAGE_URL: &str = "index.html";
pub const GAZETTEER_URL: &str = "data/gazetteer.json";

/// Fetch and validate the pairings. A file with problems still loads: the valid records come
/// back with the list of problems (see `iuc_core::dataset::load`).
pub async fn load_pairings() -> Result<Arc<Loaded>, LoadError> {
    let text = fetch_text(PAIRINGS_URL).await?;
    Ok(Arc::new(dataset::load(&text)))
}

/// The basemap (Natural Earth, pre-projected by `cargo xtask basemap`), for a page that has not
/// drawn it (Explore's pages hand theirs over: `crate::takeover::basemap_from_page`). It is taken
/// from the pre-rendered Explore page, which the service worker precaches anyway: so a first
/// visit downloads the basemap once, and it is there offline. A build without pre-rendered pages
/// (development) has it from `data/world.json`.
pub async fn load_world() -> Result<Arc<World>, LoadError> {
    if let Some(world) = basemap_of_explore_page().await {
        return Ok(Arc::new(world));
    }
    let text = fetch_text(WORLD_URL).await?;
    serde_json::from_str(&text).map(Arc::new).map_err(|e| LoadError::WrongContent {
        url: WORLD_URL.into(),
        content_type: format!("invalid basemap JSON ({e})"),
    })
}

/// Why the eligibility rules cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum RulesError {
    /// The file could not be fetched.
    Load(LoadError),
    /// The file was fetched but does not pass validation (every problem found).
    Invalid(Vec<Problem>),
}

/// Fetch and validate the eligibility rules (`data/eligibility.json`, see
/// `iuc_core::eligibility::load_rules`). Unlike the pairings, a rules file with problems is not
/// used at all: a verdict on half-valid rules would be wrong.
pub async fn load_rules() -> Result<Arc<Rules>, RulesError> {
    let text = fetch_text(RULES_URL).await.map_err(RulesError::Load)?;
    eligibility::load_rules(&text).map(Arc::new).map_err(RulesError::Invalid)
}

/// Fetch the "Find your city" gazetteer (`data/gazetteer.json`). Only the wizard asks for it,
/// when it opens; the wizard works without it, so the error is a message for the console at most.
pub async fn load_gazetteer() -> Result<Arc<Gazetteer>, String> {
    let text = fetch_text(GAZETTEER_URL).await.map_err(|e| e.to_string())?;
    Gazetteer::parse(&text).map(Arc::new).map_err(|e| format!("{GAZETTEER_URL}: {e}"))
}

/// The basemap file (`public/data/world.json`, made by `cargo xtask basemap`).
#[derive(Clone, Debug, serde::Deserialize)]
pub struct World {
    pub sphere: String,
    #[serde(default)]
    pub graticule: String,
    pub countries: Vec<WorldCountry>,
}

#[derive(Clone, Debug, serde::Deserialize)]
pub struct WorldCountry {
    pub id: String,
    pub name: String,
    pub d: String,
}

/// The basemap as the pre-rendered Explore page draws it (`None` where there is no such page).
async fn basemap_of_explore_page() -> Option<World> {
    let html = fetch_body(EXPLORE_PAGE_URL, true).await.ok()?;
    // An inert document: nothing in it runs or loads.
    let doc = web_sys::DomParser::new().ok()?.parse_from_string(&html, web_sys::SupportedType::TextHtml).ok()?;
    crate::takeover::basemap_from_page(&doc)
}
