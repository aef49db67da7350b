//! Pre-rendering (native, `--features ssr`): every route's page written as HTML at build time
//! by the same components the browser runs, rendered to a string with Leptos's `ssr` renderer.
//! `src/bin/prerender.rs` runs it over `dist/`; `src/takeover.rs` is the browser's side.
//!
//! A page is the build's `index.html` with `#app` holding the rendered app and the head naming
//! the page: title, description, canonical link, Open Graph and Twitter card tags, the route it
//! was rendered for and the fingerprint of the data it was rendered from. Nothing inline: no
//! script, no style attribute (the strict CSP).

use crate::app::App;
use crate::i18n::{fill, Lang};
use crate::loaded::{AppData, Preloaded};
use iuc_core::dataset::Loaded;
// Text into an attribute value (or an element's text): `&`, `<`, `>` and `"` escaped.
use html_escape::encode_double_quoted_attribute as attr;
use leptos::prelude::*;
use std::sync::Arc;

/// What every page is rendered from: the files of the build's `data/` folder.
pub struct Inputs {
    pub pairings_json: String,
    pub world_json: String,
    pub rules_json: String,
}

/// Where the site lives: the base path the build was made for (`/` or `/iuc/`), and, when
/// known, the public address (`https://example.org/iuc/`) for absolute canonical and Open Graph
/// URLs.
pub struct Site {
    pub base: String,
    pub public_url: Option<String>,
}

/// One page to write.
#[derive(Debug)]
pub struct Page {
    /// The app path it shows (`/`, `/about`, `/pairing/<id>`), `*` for the not-found page.
    pub route: String,
    /// The file under `dist/`: `index.html`, `about/index.html`, `pairing/<id>/index.html`,
    /// `404.html` (a folder's `index.html` is what every static server answers for its address).
    pub file: String,
    pub title: String,
    pub description: String,
    /// The rendered app: what goes into `#app`.
    pub body: String,
}

/// Every page of the site: Explore, each pairing's detail, About, the wizard's start page and
/// the not-found page.
pub fn pages(inputs: &Inputs, site: &Site) -> Result<Vec<Page>, String> {
    let loaded = Arc::new(iuc_core::dataset::load(&inputs.pairings_json));
    if !loaded.problems.is_empty() {
        // The app shows a file with problems (with the list); pages built from one would freeze
        // that list into the site. Say what is wrong instead.
        let list: Vec<String> = loaded.problems.iter().take(20).map(|p| format!("  - {p}")).collect();
        return Err(format!("data/pairings.json has {} problem(s):\n{}", loaded.problems.len(), list.join("\n")));
    }
    let world: Arc<crate::data::World> =
        Arc::new(serde_json::from_str(&inputs.world_json).map_err(|e| format!("data/world.json: {e}"))?);
    let rules = iuc_core::eligibility::load_rules(&inputs.rules_json)
        .map(Arc::new)
        .map_err(|p| format!("data/eligibility.json: {} problem(s), first: {}", p.len(), p[0]))?;
    let data = Arc::new(AppData::new(loaded.clone()));
    crate::paths::set_native_base(&site.base);

    let t = Lang::En.strings();
    let app = t.app_name;
    let mut out = Vec::new();
    let mut page = |route: &str, file: String, title: String, description: String| {
        let pre = Preloaded {
            data: Ok(data.clone()),
            world: Some(Ok(world.clone())),
            rules: (route == "/eligibility").then(|| Ok(rules.clone())),
            search: String::new(),
        };
        let path = if route == "*" { "/__not_found__" } else { route };
        let body = render(&format!("{}{}", site.base.trim_end_matches('/'), path), pre);
        out.push(Page { route: route.to_string(), file, title, description, body });
    };
    let home_description =
        "The EU International Urban Cooperation (IUC) city-to-city pairings: an interactive map and \
                            table, and an eligibility check for EU cities."
            .to_string();
    page("/", "index.html".into(), app.to_string(), home_description.clone());
    for p in &loaded.dataset.pairings {
        let title = format!("{} – {} · {app}", p.eu.name, p.partner.name);
        page(
            &format!("/pairing/{}", p.id),
            format!("pairing/{}/index.html", p.id),
            title,
            pairing_description(&loaded, p),
        );
    }
    let about = crate::about::text::about_strings(Lang::En);
    page("/about", "about/index.html".into(), format!("{} · {app}", about.doc_title), about_description());
    let wizard = crate::wizard::text::wizard_strings(Lang::En);
    page(
        "/eligibility",
        "eligibility/index.html".into(),
        fill(wizard.doc_title, &[("page", wizard.wizard_name)]),
        "Can your city take part in IUC city-to-city cooperation? Answer a few questions about the call's \
         conditions and get a verdict with the reasons."
            .into(),
    );
    page("*", "404.html".into(), format!("{} · {app}", t.not_found_title), t.not_found_text.to_string());
    Ok(out)
}

fn pairing_description(loaded: &Loaded, p: &iuc_core::dataset::Pairing) -> String {
    let ds = &loaded.dataset;
    let side = |s: &iuc_core::dataset::Side| format!("{} ({})", s.name, ds.country_name_in(&s.country, "en"));
    let topics: Vec<&str> = p.tags.iter().map(|t| ds.tag_label(t)).collect();
    let mut d = format!("IUC city-to-city pairing: {} and {}", side(&p.eu), side(&p.partner));
    if !topics.is_empty() {
        d.push_str(&format!(", cooperating on {}", topics.join(", ")));
    }
    d.push('.');
    d
}

fn about_description() -> String {
    "About the IUC Pairings Explorer: where the data comes from, how to use and embed the explorer, its \
     accessibility and its licences."
        .into()
}

/// Render the app at `url` (with the base) to HTML, English, no query.
pub fn render(url: &str, pre: Preloaded) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(url));
        view! { <App lang=Lang::En explicit=false pre /> }.to_html()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn preloads_are_left_out_and_every_other_tag_kept() {
        let head = "<link rel=\"stylesheet\" href=\"a.css\"/>\n<link rel=\"preload\" href=\"d.json\" as=\"fetch\">\
                    <link rel=\"modulepreload\" href=\"x.js\"><link rel=\"icon\" href=\"i.svg\">";
        assert_eq!(
            super::without_preloads(head),
            "<link rel=\"stylesheet\" href=\"a.css\"/>\n<link rel=\"icon\" href=\"i.svg\">"
        );
    }
}

/// The page's head tags, which replace the template's `<title>` and description. The canonical
/// link, `og:url` and `og:image` must be absolute URLs (link previews and search engines ignore
/// or reject relative ones): they are written only when the site's public address is known.
pub fn head(page: &Page, site: &Site, fingerprint: &str) -> String {
    let (title, description) = (attr(&page.title), attr(&page.description));
    let mut h =
        vec![format!("<title>{title}</title>"), format!("<meta name=\"description\" content=\"{description}\">")];
    if let Some(public) = &site.public_url {
        let public = public.trim_end_matches('/');
        if page.route != "*" {
            let url = format!("{public}{}", page.route);
            let url = attr(&url);
            h.push(format!("<link rel=\"canonical\" href=\"{url}\">"));
            h.push(format!("<meta property=\"og:url\" content=\"{url}\">"));
        }
        h.push(format!("<meta property=\"og:image\" content=\"{}/icons/icon-any-512.png\">", attr(public)));
    }
    h.extend([
        "<meta property=\"og:type\" content=\"website\">".to_string(),
        "<meta property=\"og:site_name\" content=\"IUC Pairings Explorer\">".to_string(),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        "<meta name=\"twitter:card\" content=\"summary\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
        format!("<meta name=\"{}\" content=\"{}\">", crate::takeover::ROUTE_META, attr(&page.route)),
        format!("<meta name=\"{}\" content=\"{fingerprint}\">", crate::takeover::DATA_META),
    ]);
    h.join("\n  ")
}

/// The note for readers without JavaScript, in place of the template's.
pub const NOSCRIPT: &str = "<noscript><p class=\"noscript-note\">This page is readable without JavaScript. \
    The search, the filters, the map's interaction and the eligibility check need JavaScript and \
    WebAssembly. The pairings are also available as <a href=\"data/pairings.json\">JSON data</a>.</p></noscript>";

/// `head` without its `<link rel="preload">` and `<link rel="modulepreload">` tags: a
/// pre-rendered page paints first, then `public/boot.js` fetches the WASM and the data.
fn without_preloads(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(i) = rest.find("<link ") {
        let end = i + rest[i..].find('>').map_or(rest.len() - i, |j| j + 1);
        let tag = &rest[i..end];
        out.push_str(&rest[..i]);
        if !(tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The page: `template` (the build's `index.html`) with the head tags and `#app` filled in.
pub fn fill_template(template: &str, page: &Page, site: &Site, fingerprint: &str) -> Result<String, String> {
    let title_start = template.find("<title>").ok_or("index.html has no <title>")?;
    let desc_start = template.find("<meta name=\"description\"").ok_or("index.html has no meta description")?;
    let desc_end = desc_start + template[desc_start..].find('>').ok_or("unclosed meta")? + 1;
    if desc_start < title_start {
        return Err("index.html: the description must follow the <title>".into());
    }
    let app_start = template.find("<div id=\"app\">").ok_or("index.html has no <div id=\"app\">")?;
    let inner = app_start + "<div id=\"app\">".len();
    let app_end =
        inner + template[inner..].find("\n  </div>\n</body>").ok_or("index.html: #app must close before </body>")?;
    let mut out = String::with_capacity(template.len() + page.body.len() + 2048);
    out.push_str(&template[..title_start]);
    out.push_str(&head(page, site, fingerprint));
    out.push_str(&without_preloads(&template[desc_end..inner]));
    out.push_str(&page.body);
    out.push_str(NOSCRIPT);
    out.push_str(&template[app_end..]);
    Ok(out)
}
