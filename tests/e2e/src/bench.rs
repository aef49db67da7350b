//! Measurements for the benchmark (`cargo xtask bench`, `src/bin/bench.rs`) and the performance
//! ceilings in the test run (`tests/perf_budget.rs`): synthetic datasets, in-page probes and
//! summary statistics.
//!
//! How things are timed (all in the page, with `performance.now()`, whose origin is the
//! navigation start):
//! - **Loading**: a probe injected before any page script (Chrome DevTools Protocol
//!   `Page.addScriptToEvaluateOnNewDocument`, which the page's CSP does not apply to) watches the
//!   DOM with a `MutationObserver` and notes when the first table row, the first map marker and
//!   the basemap appear, and when the frame after that has been painted.
//! - **Input to paint** (a keystroke in the search box, a zoom or pan key on the map): a
//!   capturing `keydown` listener notes the event's timestamp; a `MutationObserver` notes each
//!   DOM change the app makes in response; "painted" is the moment just after the next frame
//!   following the last change (`requestAnimationFrame`, then a message-channel task: the usual
//!   after-next-paint approximation). The Event Timing API's figure (the browser's own
//!   input-to-presentation time, rounded to 8 ms and only reported from 16 ms up) is recorded
//!   alongside.
//! - **Memory**: the V8 heap after a forced garbage collection (DevTools Protocol
//!   `HeapProfiler.collectGarbage` and `Runtime.getHeapUsage`), the DOM counters, and the size
//!   of the WASM linear memory (which only ever grows, so it shows the high-water mark).

use crate::Ctx;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Synthetic datasets
// ---------------------------------------------------------------------------------------------

/// The shipped dataset of the build under test (`<dist>/data/pairings.json`).
pub fn shipped_dataset() -> Result<String, String> {
    let p = crate::dist_dir().join("data/pairings.json");
    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
}

/// A small deterministic pseudo-random generator (xorshift64*), so synthetic data is the same
/// on every run without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `[0, n)` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in `[-1, 1]`.
    fn signed_unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

/// Move a side's point(s) by up to `spread` degrees, keeping them inside the country's box.
fn jitter_side(side: &mut iuc_core::dataset::Side, bbox: Option<[f64; 4]>, spread: f64, rng: &mut Rng) {
    let (dlat, dlon) = (rng.signed_unit() * spread, rng.signed_unit() * spread);
    let inside = |lat: f64, lon: f64| -> (f64, f64) {
        let (lat, lon) = (lat + dlat, lon + dlon);
        match bbox {
            Some([x0, y0, x1, y1]) if x0 <= x1 && y0 <= y1 => (lat.clamp(y0, y1), lon.clamp(x0, x1)),
            _ => (lat.clamp(-89.0, 89.0), lon.clamp(-179.9, 179.9)),
        }
    };
    (side.lat, side.lon) = inside(side.lat, side.lon);
    for pl in &mut side.places {
        (pl.lat, pl.lon) = inside(pl.lat, pl.lon);
    }
}

/// A valid dataset of `n` pairings built from `base` (the shipped dataset's JSON): the same
/// countries, tags and aliases; each pairing joins the EU side of one real pairing to the
/// partner side (and so the region) of another, takes its topics and tags from one of the two,
/// gets a unique id, and has its points moved by up to half a degree, kept inside their
/// countries' boxes. Deterministic for a given `seed`. Returns the JSON text.
pub fn synthetic_dataset(base: &str, n: usize, seed: u64) -> Result<String, String> {
    let loaded = iuc_core::dataset::load(base);
    if !loaded.is_clean() {
        let first = loaded.problems.first().map(ToString::to_string).unwrap_or_default();
        return Err(format!("the base dataset has {} problem(s), e.g. {first}", loaded.problems.len()));
    }
    let mut ds = loaded.dataset;
    let real = std::mem::take(&mut ds.pairings);
    if real.is_empty() {
        return Err("the base dataset has no pairings".into());
    }
    let bbox = |code: &str| ds.country(code).and_then(|c| c.bbox);
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let a = &real[i % real.len()];
        let b = &real[rng.below(real.len())];
        let mut p = a.clone();
        p.partner = b.partner.clone();
        p.region = b.region;
        if rng.below(2) == 1 {
            p.topics = b.topics.clone();
            p.tags = b.tags.clone();
        }
        p.id = format!("s{i}-{}", a.id);
        let (eu_box, partner_box) = (bbox(&p.eu.country), bbox(&p.partner.country));
        jitter_side(&mut p.eu, eu_box, 0.5, &mut rng);
        jitter_side(&mut p.partner, partner_box, 0.5, &mut rng);
        out.push(p);
    }
    ds.pairings = out;
    serde_json::to_string(&ds).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/// Summary of a set of samples (milliseconds or bytes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    pub n: usize,
    pub median: f64,
    /// 95th percentile, nearest rank.
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

impl Stats {
    /// `None` for no samples; NaNs are ignored.
    pub fn of(samples: &[f64]) -> Option<Stats> {
        let mut v: Vec<f64> = samples.iter().copied().filter(|x| !x.is_nan()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
        let rank = ((0.95 * n as f64).ceil() as usize).clamp(1, n);
        Some(Stats { n, median, p95: v[rank - 1], min: v[0], max: v[n - 1] })
    }

    pub fn to_json(&self) -> Value {
        json!({ "n": self.n, "median": round2(self.median), "p95": round2(self.p95), "min": round2(self.min), "max": round2(self.max) })
    }
}

/// `Stats::of(..).to_json()`, or null.
pub fn stats_json(samples: &[f64]) -> Value {
    Stats::of(samples).map(|s| s.to_json()).unwrap_or(Value::Null)
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

// ---------------------------------------------------------------------------------------------
// Chrome DevTools Protocol through ChromeDriver
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or("")))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// Run one DevTools Protocol command in the session's page and return its result.
pub async fn cdp(c: &Ctx, cmd: &str, params: Value) -> Result<Value, String> {
    c.client.issue_cmd(Cdp { cmd: cmd.to_string(), params }).await.map_err(|e| format!("CDP {cmd}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// Runs before any page script on every navigation (see the module docs).
const LOAD_PROBE: &str = r#"(() => {
  if (window.__iucLoad) return;
  const L = window.__iucLoad = {};
  const view = new URLSearchParams(location.search).get('view');
  const needRows = view !== 'map', needMarkers = view !== 'table';
  const mc = new MessageChannel(); let q = [];
  mc.port1.onmessage = () => { const w = q; q = []; for (const f of w) f(); };
  const afterPaint = f => requestAnimationFrame(() => { q.push(f); mc.port2.postMessage(0); });
  const mark = (k) => {
    if (L[k] !== undefined) return;
    L[k] = performance.now();
    afterPaint(() => { L[k + 'Painted'] = performance.now(); });
  };
  // A pre-rendered page that public/pre.js hid (its address asks for other content) shows
  // nothing yet: its rows and markers do not count.
  // With another data file than the pages were built from (the synthetic datasets at scale), only
  // the app shows the data: the pre-rendered rows are the shipped 55 (see data_from_app_only).
  const shown = () => !document.documentElement.classList.contains('iuc-pending') &&
    (!window.__iucDataFromApp || !!document.documentElement.dataset.app);
  const check = () => {
    if (L.shell === undefined && document.querySelector('main') && !document.getElementById('boot-status') && shown()) mark('shell');
    if (L.rows === undefined && document.querySelector('table.pairings tbody tr') && shown()) mark('rows');
    if (L.markers === undefined && document.querySelector('.map-marker') && shown()) mark('markers');
    if (L.basemap === undefined && document.querySelector('.map-country') && shown()) mark('basemap');
    if (L.data === undefined && (!needRows || L.rows !== undefined) && (!needMarkers || L.markers !== undefined)) mark('data');
    if (L.data !== undefined && (!needMarkers || L.basemap !== undefined) && L.map === undefined && needMarkers) mark('map');
    // The app has taken over (src/takeover.rs): the search box responds. (A build without
    // pre-rendered pages, to compare with: the app is there when its data is.)
    const prerendered = !!document.querySelector('meta[name="iuc-prerendered"]');
    if (L.app === undefined && (document.documentElement.dataset.app || (!prerendered && L.data !== undefined))) mark('app');
    if (L.data !== undefined && (!needMarkers || L.map !== undefined) && L.app !== undefined) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-app'] });
})();"#;

/// From now on, count the data as on screen only once the app shows it: the server sends
/// another data file than the pre-rendered pages were built from (the synthetic datasets).
pub async fn data_from_app_only(c: &Ctx) -> Result<(), String> {
    cdp(c, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": "window.__iucDataFromApp = true;" }))
        .await
        .map(|_| ())
}

/// Make every later navigation of this session carry the load probe.
pub async fn install_load_probe(c: &Ctx) -> Result<(), String> {
    cdp(c, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": LOAD_PROBE })).await.map(|_| ())
}

/// Milestones of one page load, in milliseconds from the navigation start.
#[derive(Clone, Debug, Default)]
pub struct LoadTiming {
    /// Rows (and, unless `view=table`, map markers) in the DOM.
    pub data: f64,
    /// The frame after `data` painted: **time to interactive with data**.
    pub data_painted: f64,
    /// The markers and the basemap in the DOM and painted: **time to first map render**
    /// (NaN with `view=table`).
    pub map_painted: f64,
    /// The app has taken over the (pre-rendered) page and painted: **time until the search box
    /// responds**.
    pub app_painted: f64,
    /// The rest of the probe and the browser's navigation and resource timings.
    pub detail: Value,
}

/// Load `path` (after clearing the HTTP cache if `cold`) and wait for the data on screen.
/// Needs [`install_load_probe`] first.
pub async fn load(c: &Ctx, path: &str, cold: bool, timeout: Duration) -> Result<LoadTiming, String> {
    c.client.goto("about:blank").await.map_err(|e| e.to_string())?;
    if cold {
        // A first visit: no HTTP cache, no service worker or its caches, no stored data.
        cdp(c, "Network.clearBrowserCache", json!({})).await?;
        cdp(c, "Storage.clearDataForOrigin", json!({ "origin": c.server.origin(), "storageTypes": "all" })).await?;
    }
    c.client.goto(&c.url(path)).await.map_err(|e| e.to_string())?;
    let t0 = Instant::now();
    let done = "const L = window.__iucLoad; if (!L) return false; \
                const v = new URLSearchParams(location.search).get('view'); \
                return L.dataPainted !== undefined && L.appPainted !== undefined && \
                  (v === 'table' || L.mapPainted !== undefined);";
    loop {
        if let Ok(Value::Bool(true)) = c.client.execute(done, vec![]).await {
            break;
        }
        if t0.elapsed() > timeout {
            let probe = c.js("return window.__iucLoad || null;").await;
            return Err(format!("{path}: data not on screen after {timeout:?} (probe: {probe})"));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let detail = c
        .js("const nav = performance.getEntriesByType('navigation')[0] || {}; \
             const res = performance.getEntriesByType('resource').map(e => ({ name: e.name.replace(location.origin, ''), \
               start: e.startTime, end: e.responseEnd, transfer: e.transferSize, body: e.decodedBodySize })); \
             return { probe: window.__iucLoad, navigation: { responseEnd: nav.responseEnd, \
               domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd, \
               load: nav.loadEventEnd, transfer: nav.transferSize }, resources: res };")
        .await;
    let num = |k: &str| detail["probe"][k].as_f64().unwrap_or(f64::NAN);
    Ok(LoadTiming {
        data: num("data"),
        data_painted: num("dataPainted"),
        map_painted: num("mapPainted"),
        app_painted: num("appPainted"),
        detail,
    })
}

// ---------------------------------------------------------------------------------------------
// Input to paint
// ---------------------------------------------------------------------------------------------

/// Installed once per page (idempotent); see the module docs.
const INPUT_PROBE: &str = r#"
  if (window.__iucInput) return true;
  const I = window.__iucInput = { cur: null, events: [], eventTiming: false };
  const mc = new MessageChannel(); let q = [];
  mc.port1.onmessage = () => { const w = q; q = []; for (const f of w) f(); };
  const afterPaint = f => requestAnimationFrame(() => { q.push(f); mc.port2.postMessage(0); });
  addEventListener('keydown', e => {
    const now = performance.now();
    const p = { key: e.key, t0: e.timeStamp, dispatch: now, input: null, firstMutation: null, lastMutation: null,
                paint: null, framePaint: null, mutations: 0, last: now };
    I.cur = p;
    afterPaint(() => { p.framePaint = performance.now(); p.last = Math.max(p.last, p.framePaint); });
  }, true);
  addEventListener('input', () => { if (I.cur && I.cur.input === null) I.cur.input = performance.now(); }, true);
  new MutationObserver(recs => {
    const p = I.cur; if (!p) return;
    const t = performance.now();
    if (p.firstMutation === null) p.firstMutation = t;
    p.mutations += recs.length; p.lastMutation = t; p.last = t;
    afterPaint(() => { if (p.lastMutation === t) { p.paint = performance.now(); p.last = Math.max(p.last, p.paint); } });
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) I.events.push({ name: e.name, start: e.startTime, duration: e.duration,
        processingStart: e.processingStart, processingEnd: e.processingEnd });
    }).observe({ type: 'event', durationThreshold: 16 });
    I.eventTiming = true;
  } catch (err) { I.eventTiming = false; }
  return true;
"#;

/// Wait until the current input's effects are painted and nothing changed for `settle` ms.
const INPUT_WAIT: &str = r#"
  const settle = arguments[0], limit = arguments[1], done = arguments[arguments.length - 1];
  const I = window.__iucInput, started = performance.now();
  const tick = () => {
    const p = I.cur, now = performance.now();
    if (p && p.framePaint !== null && (p.mutations === 0 || p.paint !== null) && now - p.last > settle) {
      const evs = I.events.filter(e => e.start >= p.t0 - 1 && e.start <= (p.paint || p.framePaint) + 1);
      I.events = [];
      done({ ...p, eventTiming: I.eventTiming, events: evs });
    } else if (now - started > limit) {
      done({ timeout: true, cur: p });
    } else {
      setTimeout(tick, 10);
    }
  };
  tick();
"#;

/// One input's timing, in milliseconds.
#[derive(Clone, Debug)]
pub struct InputTiming {
    pub key: String,
    /// From the `keydown` event's timestamp to just after the frame following the last DOM
    /// change it caused: **input to paint**.
    pub to_paint: f64,
    /// From the `keydown` timestamp to the last DOM change (input delay + the app's work).
    pub to_dom: f64,
    /// How many DOM mutation records the input caused.
    pub mutations: u64,
    /// The Event Timing API's longest duration among this input's events (NaN when every event
    /// took under its 16 ms reporting threshold).
    pub event_timing: f64,
}

impl InputTiming {
    pub fn to_json(&self) -> Value {
        json!({ "key": self.key, "to_paint": round2(self.to_paint), "to_dom": round2(self.to_dom),
                "mutations": self.mutations,
                "event_timing": if self.event_timing.is_nan() { Value::Null } else { json!(self.event_timing) } })
    }
}

/// Install the input probe in the current page.
pub async fn install_input_probe(c: &Ctx) -> Result<(), String> {
    c.client.execute(INPUT_PROBE, vec![]).await.map(|_| ()).map_err(|e| e.to_string())
}

/// Send one key (text or a `fantoccini::key::Key` as a string) to the focused element and time
/// it to paint. Needs [`install_input_probe`].
pub async fn timed_key(c: &Ctx, key: &str, settle_ms: u32) -> Result<InputTiming, String> {
    c.client.execute("window.__iucInput.cur = null; return true;", vec![]).await.map_err(|e| e.to_string())?;
    c.keys(key).await;
    let r =
        c.client.execute_async(INPUT_WAIT, vec![json!(settle_ms), json!(20_000)]).await.map_err(|e| e.to_string())?;
    if r["timeout"] == json!(true) {
        return Err(format!("no paint after key {key:?}: {}", r["cur"]));
    }
    let f = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
    let t0 = f("t0");
    let mutations = r["mutations"].as_u64().unwrap_or(0);
    let end = if mutations > 0 { f("paint").max(f("framePaint")) } else { f("framePaint") };
    let last_dom = if mutations > 0 { f("lastMutation") } else { f("dispatch") };
    let event_timing = r["events"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["duration"].as_f64()).fold(f64::NAN, f64::max))
        .unwrap_or(f64::NAN);
    Ok(InputTiming {
        key: r["key"].as_str().unwrap_or(key).to_string(),
        to_paint: end - t0,
        to_dom: last_dom - t0,
        mutations,
        event_timing,
    })
}

/// The keystrokes of one search run: type "smart", delete it, type "water", delete it.
pub fn search_keys() -> Vec<String> {
    let bs = fantoccini::key::Key::Backspace.to_string();
    let mut keys = Vec::new();
    for word in ["smart", "water"] {
        keys.extend(word.chars().map(String::from));
        keys.extend(std::iter::repeat_n(bs.clone(), word.len()));
    }
    keys
}

/// Focus the search box and time each key of `keys` (after `warmup` untimed ones: "x", Backspace).
pub async fn search_run(c: &Ctx, keys: &[String], settle_ms: u32) -> Result<Vec<InputTiming>, String> {
    install_input_probe(c).await?;
    c.js("const q = document.querySelector('#q'); q.focus(); return !!q;").await;
    for k in ["x".to_string(), fantoccini::key::Key::Backspace.to_string()] {
        timed_key(c, &k, settle_ms).await?;
    }
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        out.push(timed_key(c, k, settle_ms).await?);
    }
    Ok(out)
}

/// The map's zoom and pan keys: in, pan around, out.
pub fn map_keys() -> Vec<String> {
    use fantoccini::key::Key;
    let mut keys = vec!["+".to_string(), "+".to_string()];
    for k in [Key::Left, Key::Up, Key::Right, Key::Down, Key::Right, Key::Down, Key::Left, Key::Up] {
        keys.push(k.to_string());
    }
    keys.extend(["-".to_string(), "-".to_string(), "+".to_string()]);
    for k in [Key::Right, Key::Right, Key::Down, Key::Left, Key::Left, Key::Up] {
        keys.push(k.to_string());
    }
    keys.push("-".to_string());
    keys
}

/// Focus the map's zoom-in button (keys pressed inside the map frame drive the map) and time
/// each key of `keys`; a change of the map's `viewBox` is checked for each.
pub async fn map_run(c: &Ctx, keys: &[String], settle_ms: u32) -> Result<Vec<InputTiming>, String> {
    install_input_probe(c).await?;
    let ok = c
        .js("const b = document.querySelector('.map-frame .map-controls button'); if (b) b.focus(); return !!b;")
        .await;
    if ok != json!(true) {
        return Err("no map controls on the page".into());
    }
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let before = c
            .js("const s = document.querySelector('.map-frame svg'); return s ? s.getAttribute('viewBox') : '';")
            .await;
        let t = timed_key(c, k, settle_ms).await?;
        let after = c
            .js("const s = document.querySelector('.map-frame svg'); return s ? s.getAttribute('viewBox') : '';")
            .await;
        if before == after {
            return Err(format!("the map's viewBox did not change after key {:?} ({before})", t.key));
        }
        out.push(t);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------------

/// Runs `arguments[0]` search/select cycles in the page: set the search text (from
/// `arguments[1]`, in turn), open the first row's detail, close it.
const CYCLES: &str = r#"
  const n = arguments[0], queries = arguments[1], mode = arguments[2], done = arguments[arguments.length - 1];
  const mc = new MessageChannel(); let waiting = null;
  mc.port1.onmessage = () => { const w = waiting; waiting = null; if (w) w(); };
  const yieldTask = () => new Promise(r => { waiting = r; mc.port2.postMessage(0); });
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  (async () => {
    const q = document.querySelector('#q');
    let opened = 0;
    for (let i = 0; i < n; i++) {
      if (mode !== 'select' || i === 0) {
        q.value = queries[i % queries.length];
        q.dispatchEvent(new Event('input', { bubbles: true }));
        await yieldTask();
      }
      const link = mode === 'search' ? null : document.querySelector('a.row-link');
      if (link) {
        link.click();
        await yieldTask();
        const close = document.querySelector('.detail button.close');
        if (close) { opened++; close.click(); await yieldTask(); }
      }
      if (i % 50 === 49) await frame();
    }
    // Closing a detail may go Back, which lands a little later: wait for it, so that the empty
    // search is typed over the Explore URL (typed text never applies over another URL), then
    // commit it at once ('change', as Enter or leaving the box does).
    for (let k = 0; k < 200 && location.pathname.includes('/pairing/'); k++) await frame();
    q.value = ''; q.dispatchEvent(new Event('input', { bubbles: true }));
    q.dispatchEvent(new Event('change', { bubbles: true }));
    await frame(); await frame();
    done({ opened, rows: document.querySelectorAll('table.pairings tbody tr').length, detail: !!document.querySelector('.detail') });
  })().catch(e => done({ error: String(e) }));
"#;

/// Run `n` search/select cycles (see [`CYCLES`]); returns how many details opened.
pub async fn cycles(c: &Ctx, n: usize) -> Result<u64, String> {
    cycles_of(c, n, CycleMode::Both).await
}

/// What a cycle does (to tell which part of it grows memory).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CycleMode {
    /// Set a search, open the first row's detail, close it.
    Both,
    /// Only set a search.
    Search,
    /// Only open and close a detail (the search is set once).
    Select,
}

impl CycleMode {
    /// From `BENCH_CYCLE_MODE` (`search`, `select`; anything else: both).
    pub fn from_env() -> CycleMode {
        match std::env::var("BENCH_CYCLE_MODE").as_deref() {
            Ok("search") => CycleMode::Search,
            Ok("select") => CycleMode::Select,
            _ => CycleMode::Both,
        }
    }
}

/// [`cycles`] doing only part of a cycle.
pub async fn cycles_of(c: &Ctx, n: usize, mode: CycleMode) -> Result<u64, String> {
    let queries = json!(["smart", "water", "india", "malmo", "mobility", "brazil", "climate", "tor"]);
    let mode = match mode {
        CycleMode::Both => "both",
        CycleMode::Search => "search",
        CycleMode::Select => "select",
    };
    let r = c.client.execute_async(CYCLES, vec![json!(n), queries, json!(mode)]).await.map_err(|e| e.to_string())?;
    if let Some(e) = r["error"].as_str() {
        return Err(format!("cycles failed: {e}"));
    }
    if r["detail"] == json!(true) {
        return Err("a detail was still open after the cycles".into());
    }
    Ok(r["opened"].as_u64().unwrap_or(0))
}

/// Memory in use now, after a forced garbage collection.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// V8 heap in use (bytes).
    pub js_heap: f64,
    /// WASM linear memory (bytes; never shrinks).
    pub wasm: f64,
    pub dom_nodes: f64,
    pub listeners: f64,
}

impl Memory {
    pub fn to_json(&self) -> Value {
        json!({ "js_heap_bytes": self.js_heap, "wasm_memory_bytes": self.wasm, "dom_nodes": self.dom_nodes, "js_event_listeners": self.listeners })
    }
}

/// Collect garbage and read the heap, the DOM counters and the WASM memory size.
pub async fn memory(c: &Ctx) -> Result<Memory, String> {
    cdp(c, "HeapProfiler.enable", json!({})).await?;
    for _ in 0..2 {
        cdp(c, "HeapProfiler.collectGarbage", json!({})).await?;
    }
    let heap = cdp(c, "Runtime.getHeapUsage", json!({})).await?;
    let dom = cdp(c, "Memory.getDOMCounters", json!({})).await?;
    // wasm-bindgen's init function returns the instance's exports when it has already run.
    let wasm = c
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             import(document.querySelector('script[data-js]').dataset.js) \
               .then(m => m.default()).then(w => done(w.memory.buffer.byteLength)).catch(() => done(null));",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(Memory {
        js_heap: heap["usedSize"].as_f64().unwrap_or(f64::NAN),
        wasm: wasm.as_f64().unwrap_or(f64::NAN),
        dom_nodes: dom["nodes"].as_f64().unwrap_or(f64::NAN),
        listeners: dom["jsEventListeners"].as_f64().unwrap_or(f64::NAN),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> String {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/pairings.json");
        std::fs::read_to_string(p).expect("the shipped dataset")
    }

    #[test]
    fn synthetic_datasets_are_valid_unique_and_deterministic() {
        let text = synthetic_dataset(&base(), 3_000, 7).expect("generated");
        let loaded = iuc_core::dataset::load(&text);
        assert!(loaded.is_clean(), "problems: {:?}", &loaded.problems[..loaded.problems.len().min(5)]);
        assert_eq!(loaded.dataset.pairings.len(), 3_000);
        let ids: std::collections::HashSet<_> = loaded.dataset.pairings.iter().map(|p| &p.id).collect();
        assert_eq!(ids.len(), 3_000);
        assert_eq!(synthetic_dataset(&base(), 3_000, 7).expect("again"), text);
        assert_ne!(synthetic_dataset(&base(), 3_000, 8).expect("other seed"), text);
        // Points really move, and every tag and region of the real data still occurs.
        let real = iuc_core::dataset::load(&base()).dataset;
        let moved =
            loaded.dataset.pairings.iter().filter(|p| real.pairings.iter().all(|r| r.eu.lat != p.eu.lat)).count();
        assert!(moved > 2_900, "{moved} of 3000 moved");
        for t in real.pairings.iter().flat_map(|p| &p.tags) {
            assert!(loaded.dataset.pairings.iter().any(|p| p.tags.contains(t)), "tag {t} lost");
        }
    }

    #[test]
    fn a_broken_base_is_an_error_not_a_panic() {
        assert!(synthetic_dataset("{", 10, 1).is_err());
        assert!(
            synthetic_dataset("{\"schema_version\":1,\"countries\":[],\"tags\":[],\"pairings\":[]}", 10, 1).is_err()
        );
    }

    #[test]
    fn stats_give_median_and_nearest_rank_p95() {
        let s = Stats::of(&[5.0, 1.0, 3.0, f64::NAN, 2.0, 4.0]).expect("stats");
        assert_eq!((s.n, s.median, s.p95, s.min, s.max), (5, 3.0, 5.0, 1.0, 5.0));
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = Stats::of(&v).expect("stats");
        assert_eq!((s.median, s.p95), (10.5, 19.0));
        assert!(Stats::of(&[]).is_none());
    }
}
