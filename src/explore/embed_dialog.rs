//! "Embed this view" (in Explore's menu): options (title, map view, accent colour), the iframe
//! snippet for the current view, and a live preview of it. The address and the snippet are plain
//! functions, tested natively; embed mode itself is `crate::embed`.

use crate::embed::current_page_without_embed;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the "Embed this view" dialog offers on top of the view itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Show the page's title and introduction (`title=0` when not).
    pub title: bool,
    /// Keep a map view moved by hand (`map=`); otherwise the embed's map fits what it shows.
    pub keep_map: bool,
    /// The partner's colour as typed (empty: the explorer's own). Only one that passes
    /// `iuc_core::colour::check_accent` goes into the address.
    pub accent: String,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions { title: true, keep_map: true, accent: String::new() }
    }
}

/// The embed's address: `origin`, `path` and the page's own query `pairs` (earlier embed
/// parameters already removed, see `current_page_without_embed`), with the options.
pub fn embed_src(origin: &str, path: &str, pairs: &[String], o: &EmbedOptions) -> String {
    let mut q: Vec<String> = pairs.iter().filter(|kv| o.keep_map || !kv.starts_with("map=")).cloned().collect();
    q.push("embed=1".into());
    q.push("embed_id=iuc-pairings".into());
    if !o.title {
        q.push("title=0".into());
    }
    if let Ok(a) = iuc_core::colour::check_accent(&o.accent) {
        q.push(format!("accent={}", a.accent.trim_start_matches('#')));
    }
    format!("{origin}{path}?{}", q.join("&"))
}

/// The snippet for an embed at `src`: the iframe (with the sandbox the README recommends) and
/// the resize script from `origin` + `base`.
pub fn snippet_for(src: &str, origin: &str, base: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"IUC city pairings\" width=\"100%\" height=\"720\" loading=\"lazy\" data-iuc-embed\n        sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>\n<script src=\"{origin}{base}/embed.js\" async></script>",
        src.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// The dialog's words for the verdict on an accent as typed (`None`: nothing typed): used, or
/// refused and why.
fn accent_status(
    i: &crate::i18n::I18n,
    verdict: &Option<Result<iuc_core::colour::Accent, iuc_core::colour::Refusal>>,
) -> String {
    use crate::i18n::fill;
    use iuc_core::colour::Refusal;
    let Some(verdict) = verdict.clone() else { return String::new() };
    let t = i.t();
    match verdict {
        Ok(a) => fill(t.embed_accent_used, &[("hex", &a.accent)]),
        Err(Refusal::TooFaint { hex, ratio, .. }) => {
            let ratio = format!("{ratio:.2}");
            let ratio = if i.lang.get_untracked() == crate::i18n::Lang::En { ratio } else { ratio.replace('.', ",") };
            fill(t.embed_accent_faint, &[("hex", &hex), ("ratio", &ratio)])
        }
        Err(Refusal::NotAColour(v)) => fill(t.embed_accent_invalid, &[("value", &v)]),
    }
}

/// The page as it was when the dialog opened (origin, path, query pairs); `None` while closed.
type Page = RwSignal<Option<(String, String, Vec<String>)>>;

/// The "Embed this view" button and dialog. The dialog's content is a WASM chunk of its own with
/// the `split` feature (see `crate::lazy`), fetched when it is first opened.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let i = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let page: Page = RwSignal::new(None);
    let opened = RwSignal::new(false);
    let open = move |_| {
        page.set(current_page_without_embed());
        opened.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    // Closed (a button, Escape): the preview is unloaded.
    let on_close = move |_| page.set(None);
    // Whether the content is shown; until then (its chunk on its way, or "Try again") the dialog
    // has a Close button of its own, as Escape closes it.
    let shown = RwSignal::new(false);
    view! {
        <button type="button" on:click=open aria-haspopup="dialog">{move || i.t().embed_button}</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=on_close>
            <h2 id="embed-title">{move || i.t().embed_title}</h2>
            <Show when=move || opened.get()>{body(page, dialog, shown)}</Show>
            <Show when=move || !shown.get()>
                <p class="dialog-actions">
                    <button type="button" on:click=move |_| close(dialog)>{move || i.t().close}</button>
                </p>
            </Show>
        </dialog>
    }
}

fn close(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get_untracked() {
        d.close();
    }
}

/// The dialog's content once opened; focus goes to its first option when it had to wait.
fn body(page: Page, dialog: NodeRef<leptos::html::Dialog>, shown: RwSignal<bool>) -> AnyView {
    #[cfg(feature = "split")]
    return crate::lazy::load(
        move || chunk::embed_body(page, dialog, shown),
        crate::lazy::Focus::Into("#embed-opt-title"),
    );
    #[cfg(not(feature = "split"))]
    view! { <EmbedBody page dialog shown /> }.into_any()
}

#[cfg(feature = "split")]
mod chunk {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(embed_body, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn embed_body(
        page: super::Page,
        dialog: NodeRef<leptos::html::Dialog>,
        shown: RwSignal<bool>,
    ) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <super::EmbedBody page dialog shown /> }.into_any())
    }
}

/// Options (title, map view, accent colour), the iframe snippet for the current view, and a live
/// preview of it.
#[component]
fn EmbedBody(page: Page, dialog: NodeRef<leptos::html::Dialog>, shown: RwSignal<bool>) -> impl IntoView {
    use leptos::leptos_dom::helpers::TimeoutHandle;
    let i = use_i18n();
    let title = RwSignal::new(true);
    let keep_map = RwSignal::new(true);
    let accent = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    // Opened again: "Copied" is from the last time.
    Effect::new(move |_| {
        page.track();
        copied.set(false);
    });
    let has_map = move || page.with(|p| p.as_ref().is_some_and(|(_, _, q)| q.iter().any(|kv| kv.starts_with("map="))));
    let src = Memo::new(move |_| {
        let o = EmbedOptions { title: title.get(), keep_map: keep_map.get(), accent: accent.get() };
        page.with(|p| p.as_ref().map(|(origin, path, q)| embed_src(origin, path, q, &o)).unwrap_or_default())
    });
    let snippet = move || {
        let origin = page.with(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default());
        snippet_for(&src.get(), &origin, &crate::paths::href(""))
    };
    // The preview follows the address when the options pause (each change loads the embed).
    let preview = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let s = src.get();
        crate::dom::cancel_timeout(timer);
        if s.is_empty() || preview.get_untracked().is_empty() {
            preview.set(s);
        } else {
            let h = set_timeout_with_handle(
                move || {
                    preview.try_set(s);
                },
                std::time::Duration::from_millis(500),
            )
            .ok();
            timer.set_value(h);
        }
    });
    on_cleanup(move || crate::dom::cancel_timeout(timer));
    shown.set(true);
    on_cleanup(move || {
        shown.try_set(false);
    });
    let copy = move |_| {
        let text = snippet();
        if let Some(w) = crate::dom::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
        // Also select the text, so Ctrl+C works where the clipboard API is not allowed.
        if let Some(t) = crate::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("embed-snippet"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            t.select();
        }
        copied.set(true);
    };
    // The accent's verdict, once per change (the words and `aria-invalid` read it).
    let verdict =
        Memo::new(move |_| accent.with(|a| (!a.trim().is_empty()).then(|| iuc_core::colour::check_accent(a.trim()))));
    let status = move || verdict.with(|v| accent_status(&i, v));
    let refused = move || verdict.with(|v| matches!(v, Some(Err(_))));
    view! {
        <p id="embed-help">{move || i.t().embed_help}</p>
        <fieldset class="embed-options">
            <legend>{move || i.t().embed_options}</legend>
            <p class="check">
                <input type="checkbox" id="embed-opt-title" prop:checked=move || title.get()
                    on:change:target=move |ev| title.set(ev.target().checked()) />
                <label for="embed-opt-title">{move || i.t().embed_opt_title}</label>
            </p>
            <Show when=has_map>
                <p class="check">
                    <input type="checkbox" id="embed-opt-map" prop:checked=move || keep_map.get()
                        on:change:target=move |ev| keep_map.set(ev.target().checked()) />
                    <label for="embed-opt-map">{move || i.t().embed_opt_map}</label>
                </p>
            </Show>
            <label for="embed-opt-accent">{move || i.t().embed_opt_accent}</label>
            <p id="embed-accent-hint" class="hint">{move || i.t().embed_opt_accent_hint}</p>
            <input type="text" id="embed-opt-accent" class="accent-input" autocomplete="off" spellcheck="false"
                aria-describedby="embed-accent-hint embed-accent-status"
                aria-invalid=move || refused().then_some("true")
                prop:value=move || accent.get()
                on:input:target=move |ev| accent.set(ev.target().value()) />
            <p id="embed-accent-status" class="accent-status" class:refused=refused role="status">{status}</p>
        </fieldset>
        <label for="embed-snippet">{move || i.t().embed_code_label}</label>
        <textarea id="embed-snippet" readonly rows="5" aria-describedby="embed-help" prop:value=snippet></textarea>
        <p class="dialog-actions">
            <button type="button" class="primary" on:click=copy>{move || i.t().embed_copy}</button>
            <button type="button" on:click=move |_| close(dialog)>{move || i.t().close}</button>
        </p>
        <p role="status" class="copied">{move || if copied.get() { i.t().embed_copied } else { "" }}</p>
        <h3 id="embed-preview-title">{move || i.t().embed_preview}</h3>
        <Show when=move || !preview.get().is_empty()>
            <iframe class="embed-preview" src=move || preview.get() title=move || i.t().embed_preview_title></iframe>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<String> {
        q.split('&').map(String::from).collect()
    }

    #[test]
    fn the_embed_address_carries_the_view_and_the_options() {
        let page = pairs("q=water&pcountry=CA&map=120.5,80,4");
        let o = EmbedOptions::default();
        assert_eq!(
            embed_src("https://x.eu", "/", &page, &o),
            "https://x.eu/?q=water&pcountry=CA&map=120.5,80,4&embed=1&embed_id=iuc-pairings"
        );
        let o = EmbedOptions { title: false, keep_map: false, accent: " #5B2A86 ".into() };
        assert_eq!(
            embed_src("https://x.eu", "/iuc/", &page, &o),
            "https://x.eu/iuc/?q=water&pcountry=CA&embed=1&embed_id=iuc-pairings&title=0&accent=5b2a86"
        );
        // A refused colour is not written: the embed would not use it.
        let o = EmbedOptions { accent: "ffcc00".into(), ..Default::default() };
        assert!(!embed_src("https://x.eu", "/", &page, &o).contains("accent"));
    }

    #[test]
    fn the_snippet_escapes_the_address_for_an_attribute() {
        let s = snippet_for("https://x.eu/?q=a\"b&embed=1", "https://x.eu", "/iuc");
        assert!(s.contains("src=\"https://x.eu/?q=a&quot;b&amp;embed=1\""), "{s}");
        assert!(s.ends_with("<script src=\"https://x.eu/iuc/embed.js\" async></script>"), "{s}");
    }
}
