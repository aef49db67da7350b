//! A small static file server for the release build (`dist/`), used by `cargo xtask preview`,
//! the end-to-end tests and the benchmark.
//!
//! It behaves like the static hosts the README recommends: correct MIME types (WASM must be
//! `application/wasm` for streaming compilation), an SPA fallback (a path without a file
//! extension that matches no file gets `index.html`, so deep links work), and the strict security
//! headers from the hosting docs. For tests it records every request and can replace the body of
//! chosen paths (to serve a malformed dataset) or go "offline" (refuse everything).
//!
//! Built on hyper (HTTP/1.1, keep-alive) on its own single-threaded tokio runtime: an earlier
//! tiny_http version stalled browsers' parallel connections for a minute at a time.

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response, StatusCode};
use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The Content-Security-Policy the app must work under (see README "Hosting").
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors *";

/// Options for a server.
#[derive(Clone, Debug)]
pub struct Options {
    /// Folder to serve (usually `dist/`).
    pub root: PathBuf,
    /// `127.0.0.1:0` picks a free port.
    pub addr: SocketAddr,
    /// Send the strict CSP and the other security headers.
    pub security_headers: bool,
    /// Path prefix the app is hosted under, e.g. `/iuc/` (must match trunk's `--public-url`).
    pub base: String,
    /// Send `Cache-Control: no-store` for every file instead of the recommended headers, so that
    /// the browser's HTTP cache cannot hide a file downloaded twice (tests of the precache).
    pub no_store: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options {
            root: root.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            security_headers: true,
            base: "/".into(),
            no_store: false,
        }
    }
}

/// A replacement answer for one path: status, content type, body.
type Override = (u16, String, Vec<u8>);

#[derive(Default)]
struct Shared {
    log: Mutex<Vec<String>>,
    overrides: Mutex<HashMap<String, Override>>,
    offline: AtomicBool,
    /// Paths (by suffix) whose requests wait for [`Server::release_held`].
    held: Mutex<Vec<String>>,
    release: tokio::sync::Notify,
}

impl Shared {
    fn is_held(&self, uri: &str) -> bool {
        let path = uri.split(['?', '#']).next().unwrap_or("");
        self.held.lock().is_ok_and(|h| h.iter().any(|s| path.ends_with(s.as_str())))
    }
}

/// A running server; stops when dropped.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Bind and start serving on a background thread.
    pub fn start(opts: Options) -> std::io::Result<Server> {
        let listener = TcpListener::bind(opts.addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let sh = shared.clone();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
                let opts = Arc::new(opts);
                let accept = async {
                    loop {
                        let Ok((stream, _)) = listener.accept().await else { continue };
                        if sh.offline.load(Ordering::SeqCst) {
                            drop(stream); // like a server that is down
                            continue;
                        }
                        let (sh, opts) = (sh.clone(), opts.clone());
                        tokio::spawn(async move {
                            let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                                let (sh, opts) = (sh.clone(), opts.clone());
                                async move {
                                    let uri = req.uri().to_string();
                                    loop {
                                        let released = sh.release.notified();
                                        if !sh.is_held(&uri) {
                                            break;
                                        }
                                        released.await;
                                    }
                                    if sh.offline.load(Ordering::SeqCst) {
                                        Err(std::io::Error::other("offline"))
                                    } else {
                                        if let Ok(mut l) = sh.log.lock() {
                                            l.push(format!("{} {uri}", req.method()));
                                        }
                                        Ok(respond(&uri, &sh, &opts))
                                    }
                                }
                            });
                            let io = hyper_util::rt::TokioIo::new(stream);
                            let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
                        });
                    }
                };
                tokio::select! {
                    _ = stopped => {}
                    _ = accept => {}
                }
            });
        });
        Ok(Server { addr, shared, stop: Some(stop), thread: Some(thread) })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Hold every request whose path ends with `suffix` (e.g. `_bg.wasm`: the page as it is
    /// before the app runs) until [`Server::release_held`].
    pub fn hold(&self, suffix: &str) {
        if let Ok(mut h) = self.shared.held.lock() {
            h.push(suffix.to_string());
        }
    }

    /// Answer the held requests, and hold nothing more.
    pub fn release_held(&self) {
        if let Ok(mut h) = self.shared.held.lock() {
            h.clear();
        }
        self.shared.release.notify_waiters();
    }

    /// `http://127.0.0.1:PORT`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request served so far (method and URL).
    pub fn requests(&self) -> Vec<String> {
        self.shared.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    pub fn clear_requests(&self) {
        if let Ok(mut l) = self.shared.log.lock() {
            l.clear();
        }
    }

    /// Serve `body` (with `content_type`, status 200) for `path` instead of the file.
    pub fn set_override(&self, path: &str, content_type: &str, body: Vec<u8>) {
        self.set_override_status(path, 200, content_type, body);
    }

    /// Answer `path` with this status and body instead of the file.
    pub fn set_override_status(&self, path: &str, status: u16, content_type: &str, body: Vec<u8>) {
        if let Ok(mut o) = self.shared.overrides.lock() {
            o.insert(path.to_string(), (status, content_type.to_string(), body));
        }
    }

    pub fn clear_overrides(&self) {
        if let Ok(mut o) = self.shared.overrides.lock() {
            o.clear();
        }
    }

    /// While offline, every connection is dropped without an answer, like a server that is down.
    pub fn set_offline(&self, offline: bool) {
        self.shared.offline.store(offline, Ordering::SeqCst);
    }

    /// Block the calling thread until the process is killed.
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The MIME type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

type Resp = Response<Full<Bytes>>;

fn build(status: u16, content_type: &str, body: Vec<u8>) -> Resp {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let Ok(v) = content_type.parse() {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    r
}

fn add(r: &mut Resp, k: &'static str, v: &'static str) {
    r.headers_mut().insert(k, hyper::header::HeaderValue::from_static(v));
}

fn respond(url: &str, shared: &Shared, opts: &Options) -> Resp {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    let rel = path.strip_prefix(opts.base.trim_end_matches('/')).unwrap_or(&path).to_string();
    let rel = if rel.is_empty() { "/".to_string() } else { rel };

    let mut resp = if let Some((status, ct, body)) = shared.overrides.lock().ok().and_then(|o| o.get(&rel).cloned()) {
        build(status, &ct, body)
    } else {
        match resolve(&opts.root, &rel).and_then(|f| read(&f).map(|b| (f, b))) {
            Some((file, body)) => build(200, content_type(&file), body),
            None => not_found(),
        }
    };
    // An error is revalidated, whatever the name: a browser would keep a hashed file's 503 for
    // a year.
    let cache = if opts.no_store {
        "no-store"
    } else if !resp.status().is_success() {
        "no-cache"
    } else {
        cache_control(&rel)
    };
    add(&mut resp, "cache-control", cache);
    if opts.security_headers {
        add(&mut resp, "content-security-policy", CSP);
        add(&mut resp, "x-content-type-options", "nosniff");
        add(&mut resp, "referrer-policy", "no-referrer");
        add(&mut resp, "permissions-policy", "geolocation=(), camera=(), microphone=()");
    }
    resp
}

/// The `Cache-Control` a host should send (README "Hosting"): trunk's hashed files never change
/// under their name, so they may be cached for a year without asking again; everything else
/// (`index.html`, `sw.js`, `boot.js`, the data, the translations, the icons) keeps its name
/// across builds and must be revalidated on every use.
pub fn cache_control(path: &str) -> &'static str {
    if path.rsplit('/').next().is_some_and(is_hashed) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// trunk names hashed files `name-<16 hex>.ext`.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit('-').next().is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn not_found() -> Resp {
    build(404, "text/plain; charset=utf-8", b"Not found".to_vec())
}

fn read(p: &Path) -> Option<Vec<u8>> {
    std::fs::read(p).ok()
}

/// Map a URL path to a file under `root`, refusing to leave it; SPA fallback for page routes.
fn resolve(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut p = root.to_path_buf();
    for c in Path::new(rel.trim_start_matches('/')).components() {
        match c {
            Component::Normal(s) => p.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if p.is_dir() {
        p.push("index.html");
    }
    if p.is_file() {
        return Some(p);
    }
    // A page route (no file extension in its last segment) without a pre-rendered page (those
    // are folders' index.html, above) gets the app shell.
    let last = rel.rsplit('/').next().unwrap_or("");
    if !last.contains('.') {
        let index = root.join("index.html");
        return index.is_file().then_some(index);
    }
    None
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = ((b[i + 1] as char).to_digit(16), (b[i + 2] as char).to_digit(16)) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_refuses_parent_dirs_and_falls_back_for_routes() {
        let dir = std::env::temp_dir().join(format!("iuc-static-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("data/p.json"), "{}").unwrap();
        assert_eq!(resolve(&dir, "/data/p.json"), Some(dir.join("data/p.json")));
        assert_eq!(resolve(&dir, "/about"), Some(dir.join("index.html")));
        // A pre-rendered page is served at its route's address.
        std::fs::create_dir_all(dir.join("pairing")).unwrap();
        std::fs::create_dir_all(dir.join("pairing/rome--yantai")).unwrap();
        std::fs::write(dir.join("pairing/rome--yantai/index.html"), "<html>").unwrap();
        assert_eq!(resolve(&dir, "/pairing/rome--yantai"), Some(dir.join("pairing/rome--yantai/index.html")));
        assert_eq!(resolve(&dir, "/pairing/rome--other"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/data/missing.json"), None);
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("iuc-explorer-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed("iuc-explorer-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(!is_hashed("pairings.json"));
        assert!(!is_hashed("index.html"));
        assert_eq!(cache_control("/iuc-explorer-1a2b3c4d5e6f7a8b_bg.wasm"), "public, max-age=31536000, immutable");
        assert_eq!(cache_control("/main-1a2b3c4d5e6f7a8b.css"), "public, max-age=31536000, immutable");
        for p in ["/", "/index.html", "/sw.js", "/boot.js", "/data/pairings.json", "/i18n/de.json", "/about"] {
            assert_eq!(cache_control(p), "no-cache", "{p}");
        }
    }

    #[test]
    fn an_error_is_revalidated_even_under_a_hashed_name() {
        let shared = Shared::default();
        let opts = Options::new(std::env::temp_dir().join("iuc-static-server-no-such-dir"));
        let chunk = "/split_about-1a2b3c4d5e6f7a8b.wasm";
        let cache = |r: &Resp| r.headers().get("cache-control").and_then(|v| v.to_str().ok()).map(String::from);
        let missing = respond(chunk, &shared, &opts);
        assert_eq!((missing.status().as_u16(), cache(&missing).as_deref()), (404, Some("no-cache")));
        shared.overrides.lock().unwrap().insert(chunk.to_string(), (503, "text/plain".into(), b"down".to_vec()));
        let down = respond(chunk, &shared, &opts);
        assert_eq!((down.status().as_u16(), cache(&down).as_deref()), (503, Some("no-cache")));
        shared.overrides.lock().unwrap().insert(chunk.to_string(), (200, "application/wasm".into(), b"\0asm".to_vec()));
        let ok = respond(chunk, &shared, &opts);
        assert_eq!(cache(&ok).as_deref(), Some("public, max-age=31536000, immutable"));
    }

    #[test]
    fn percent_decoding_handles_utf8_and_garbage() {
        assert_eq!(percent_decode("/a%20b"), "/a b");
        assert_eq!(percent_decode("/S%C3%A3o"), "/São");
        assert_eq!(percent_decode("/%zz%"), "/%zz%");
        assert_eq!(percent_decode("/%aé"), "/%aé");
    }
}
