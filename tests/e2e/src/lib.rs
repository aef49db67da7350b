//! Harness for the end-to-end tests: serves the release build (`dist/`, from `IUC_DIST`) with
//! the production security headers on a loopback port, starts ChromeDriver on a free port,
//! drives headless Chromium over WebDriver, and always cleans up: the WebDriver session is ended
//! even when an assertion fails, and only the processes this harness started are killed.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
pub use xtask::static_server::{Options, Server};

/// See [`Ctx::watch_layout_shifts`].
const SHIFT_PROBE: &str = "window.__shifts = []; new PerformanceObserver(l => { for (const e of l.getEntries()) \
  if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map(s => ({ node: s.node ? \
  (s.node.id || s.node.className || s.node.nodeName) : '?', from: [s.previousRect.y, s.previousRect.height], \
  to: [s.currentRect.y, s.currentRect.height] })) }); }).observe({ type: 'layout-shift', buffered: true });";

pub mod axe;
pub mod bench;
pub mod budgets;

/// The release build to test.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("IUC_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

/// Where screenshots and reports go (kept as CI artefacts, not committed).
pub fn artefacts_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artefacts");
    let _ = std::fs::create_dir_all(&d);
    d
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(9515)
}

/// A ChromeDriver process, killed (by PID, ours only) on drop.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Driver {
    pub fn start() -> Driver {
        let port = free_port();
        let child = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver must be installed (cargo xtask setup)");
        let url = format!("http://127.0.0.1:{port}");
        let t0 = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(t0.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, url }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Browser settings for one session.
#[derive(Clone, Debug)]
pub struct BrowserOptions {
    pub width: u32,
    pub height: u32,
    pub dark: bool,
    pub reduced_motion: bool,
    /// The browser's preferred language (`--lang` and `Accept-Language`).
    pub lang: &'static str,
    /// How long the body may run before it counts as hung and fails (a browser that never
    /// renders would otherwise hold the whole run until CI's own limit). A whole test file takes at
    /// most 75 s; the bench and the profiler, which run for minutes, set more.
    pub time_limit: Duration,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            width: 1280,
            height: 900,
            dark: false,
            reduced_motion: false,
            lang: "en-GB",
            time_limit: Duration::from_secs(300),
        }
    }
}

async fn connect(driver: &Driver, o: &BrowserOptions) -> (Client, PathBuf) {
    let profile = std::env::temp_dir().join(format!("iuc-e2e-chrome-{}-{}", std::process::id(), free_port()));
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        format!("--lang={}", o.lang),
        format!("--window-size={},{}", o.width, o.height),
        format!("--user-data-dir={}", profile.display()),
    ];
    if o.dark {
        args.push("--force-dark-mode".into());
        args.push("--blink-settings=preferredColorScheme=0".into());
    }
    if o.reduced_motion {
        args.push("--force-prefers-reduced-motion".into());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "args": args, "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()) }),
    );
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    if let Some(opts) = caps.get_mut("goog:chromeOptions") {
        opts["prefs"] = json!({ "intl.accept_languages": o.lang });
    }
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client =
        ClientBuilder::new(connector).capabilities(caps).connect(&driver.url).await.expect("WebDriver session");
    (client, profile)
}

/// One test's world: the static server, ChromeDriver and a browser session.
pub struct Ctx {
    pub server: Server,
    pub client: Client,
}

impl Ctx {
    /// Absolute URL on the test server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.origin(), path)
    }

    /// Navigate and wait until the app has taken over the page (`<html data-app>`: "ready",
    /// or "failed" after a fatal error), not just until the pre-rendered page is there.
    pub async fn open(&self, path: &str) {
        self.client.goto(&self.url(path)).await.expect("goto");
        self.wait_js("return !!document.documentElement.dataset.app && !!document.querySelector('main');", 60).await;
    }

    /// Wait until `script` (a function body returning a boolean) is true, or fail.
    pub async fn wait_js(&self, script: &str, secs: u64) {
        let t0 = Instant::now();
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(script, vec![]).await {
                return;
            }
            if t0.elapsed() > Duration::from_secs(secs) {
                let body = self.text("body").await;
                panic!("timed out after {secs} s waiting for: {script}\npage text: {body}");
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Run a script and return its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// The visible text of the first element matching `css` ("" if none).
    pub async fn text(&self, css: &str) -> String {
        let s = format!("const e = document.querySelector({}); return e ? e.innerText : '';", json!(css));
        self.client.execute(&s, vec![]).await.ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        let s = format!("return document.querySelectorAll({}).length;", json!(css));
        self.js(&s).await.as_u64().unwrap_or(0) as usize
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.unwrap_or_else(|e| {
            panic!("no element {css}: {e}");
        })
    }

    /// Shift+Tab, as the keyboard sends it (a key held while another is pressed).
    pub async fn shift_tab(&self) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        use fantoccini::key::Key;
        let (shift, tab): (char, char) = (Key::Shift.into(), Key::Tab.into());
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: tab })
            .then(KeyAction::Up { value: tab })
            .then(KeyAction::Up { value: shift });
        self.client.perform_actions(actions).await.expect("shift+tab");
    }

    /// Type into the focused element / send keys via WebDriver.
    pub async fn keys(&self, keys: &str) {
        let active = self.client.active_element().await.expect("active element");
        active.send_keys(keys).await.expect("send keys");
    }

    /// From now on, sum every navigation's layout-shift entries (what Lighthouse and Core Web
    /// Vitals call CLS, without the session windows: a stricter sum) from its very start, naming
    /// what moved and from where to where. Read with [`Ctx::layout_shift`].
    pub async fn watch_layout_shifts(&self) {
        bench::cdp(self, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": SHIFT_PROBE }))
            .await
            .expect("layout-shift probe");
    }

    /// The current page's layout shift so far, and its entries (see [`Ctx::watch_layout_shifts`]).
    pub async fn layout_shift(&self) -> (f64, Value) {
        let shifts = self.js("return window.__shifts || [];").await;
        let total = shifts.as_array().into_iter().flatten().filter_map(|s| s["value"].as_f64()).sum();
        (total, shifts)
    }

    /// The top and bottom of the first element matching `css`, in the viewport.
    pub async fn span_of(&self, css: &str) -> (f64, f64) {
        let r = self
            .js(&format!(
                "const r = document.querySelector({css:?}).getBoundingClientRect(); return [r.top, r.bottom];"
            ))
            .await;
        (r[0].as_f64().unwrap_or(f64::NAN), r[1].as_f64().unwrap_or(f64::NAN))
    }

    /// Wait for Explore's data to be on screen.
    pub async fn wait_for_rows(&self) {
        // The app's rows: a pre-rendered page has rows before the app has taken it over (after a
        // `refresh()`, which does not wait for `data-app` as `open` does).
        self.wait_js(
            "return !!document.documentElement.dataset.app && document.querySelectorAll('table.pairings tbody tr').length > 0;",
            60,
        )
        .await;
    }

    /// The browser console's messages since the last call (ChromeDriver's log endpoint).
    pub async fn console(&self) -> Vec<(String, String)> {
        let logs = self.client.issue_cmd(BrowserLog).await.unwrap_or(Value::Null);
        logs.as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (e["level"].as_str().unwrap_or("").to_string(), e["message"].as_str().unwrap_or("").to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fail on any console error since the last check (CSP violations are reported there too).
    pub async fn assert_console_clean(&self) {
        let errors: Vec<_> = self
            .console()
            .await
            .into_iter()
            .filter(|(level, msg)| level == "SEVERE" || msg.contains("Content Security Policy"))
            .collect();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }

    /// Fail on any console error (CSP violations are reported there too) and on any request
    /// to another origin; check that no cookie was set.
    pub async fn assert_clean(&self) {
        self.assert_console_clean().await;
        let foreign = self
            .js(&format!(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith({}) && !n.startsWith('blob:') && !n.startsWith('data:'));",
                json!(self.server.origin())
            ))
            .await;
        assert_eq!(foreign, json!([]), "requests to other origins");
        let cookies = self.js("return document.cookie;").await;
        assert_eq!(cookies, json!(""), "cookies were set");
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(artefacts_dir().join(format!("{name}.png")), png);
        }
    }
}

#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or("")))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// Run `body` with a fresh server (over `dist/`) and browser; always end the session.
pub async fn with_browser<F, Fut>(opts: BrowserOptions, body: F)
where
    F: FnOnce(std::sync::Arc<Ctx>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_server(Options::new(dist_dir()), opts, body).await
}

/// Like [`with_browser`] with server options of your own.
pub async fn with_server<F, Fut>(server_opts: Options, opts: BrowserOptions, body: F)
where
    F: FnOnce(std::sync::Arc<Ctx>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    assert!(
        dist_dir().join("index.html").exists(),
        "no release build in {}: run `cargo xtask test`",
        dist_dir().display()
    );
    let server = Server::start(server_opts).expect("static server");
    let driver = Driver::start();
    let (client, profile) = connect(&driver, &opts).await;
    let ctx = std::sync::Arc::new(Ctx { server, client: client.clone() });
    // Run the body as its own task so a failed assertion comes back here as an error and the
    // browser session is closed before the panic continues.
    let task = tokio::spawn(body(ctx.clone()));
    let abort = task.abort_handle();
    let result = tokio::time::timeout(opts.time_limit, task).await;
    if result.is_err() {
        abort.abort();
    }
    let _ = client.close().await;
    drop(ctx);
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    let Ok(result) = result else {
        panic!("the browser session did not finish within {} s: a hung page or browser", opts.time_limit.as_secs());
    };
    if let Err(e) = result {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("test task failed: {e}");
    }
}
