//! Addresses under the base path the app is hosted at (`<base href>`, trunk's `--public-url`):
//! app paths (`/about`) to links (`/iuc/about`) and back. Shared by the shell and every feature.

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
