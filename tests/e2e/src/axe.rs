//! axe-core accessibility checks inside the page under test.
//!
//! axe (`tools/node_modules/axe-core/axe.min.js`, installed by `cargo xtask setup`) is injected with
//! WebDriver's *execute script*, which Chromium runs through the DevTools protocol: it is not
//! subject to the page's Content-Security-Policy, so the app's strict CSP stays as it is (the
//! a11y tests check that no CSP violation is reported while axe runs). The rules run are WCAG 2.0
//! and 2.1, levels A and AA (EN 301 549).

use crate::Ctx;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The WCAG tags axe runs.
pub const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Where axe-core's browser build is.
pub fn axe_path() -> PathBuf {
    std::env::var_os("IUC_AXE_JS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/node_modules/axe-core/axe.min.js")
    })
}

fn axe_source() -> &'static str {
    static SRC: OnceLock<String> = OnceLock::new();
    SRC.get_or_init(|| {
        std::fs::read_to_string(axe_path())
            .unwrap_or_else(|e| panic!("axe-core not found at {} ({e}): run `cargo xtask setup`", axe_path().display()))
    })
}

/// One element a violation was found on.
#[derive(Clone, Debug)]
pub struct Node {
    /// CSS selector path(s) axe gives for the element.
    pub target: String,
    /// The start of the element's HTML.
    pub html: String,
    /// axe's summary of what to fix on this element.
    pub summary: String,
}

/// One failed axe rule.
#[derive(Clone, Debug)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub help_url: String,
    pub nodes: Vec<Node>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "[{}] {} — {} ({})", self.impact, self.id, self.help, self.help_url)?;
        for n in &self.nodes {
            writeln!(f, "    at {}\n       {}", n.target, n.html)?;
            if !n.summary.is_empty() {
                writeln!(f, "       {}", n.summary.replace('\n', "\n       "))?;
            }
        }
        Ok(())
    }
}

/// Put axe into the current page (once per document).
pub async fn inject(ctx: &Ctx) {
    if ctx.js("return typeof window.axe === 'object' && typeof window.axe.run === 'function';").await
        == Value::Bool(true)
    {
        return;
    }
    let script = format!("{}\n;return typeof window.axe === 'object';", axe_source());
    let ok = ctx.client.execute(&script, vec![]).await.expect("inject axe-core");
    assert_eq!(ok, Value::Bool(true), "axe-core did not load into the page");
}

/// Run axe on the whole document and return the WCAG 2.1 A/AA violations.
pub async fn run(ctx: &Ctx) -> Vec<Violation> {
    inject(ctx).await;
    let tags = serde_json::to_string(&TAGS).unwrap_or_default();
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, resultTypes: ['violations'] }})
           .then(r => done({{ ok: r.violations.map(v => ({{
               id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map(n => ({{
                 target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(', '),
                 html: (n.html || '').slice(0, 240),
                 summary: (n.failureSummary || '').slice(0, 600)
               }}))
             }})) }}))
           .catch(e => done({{ error: String(e && e.stack || e) }}));"
    );
    // axe on a big page can take a while; the default script timeout is 30 s in ChromeDriver.
    let _ = ctx
        .client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(std::time::Duration::from_secs(120)),
            Some(std::time::Duration::from_secs(60)),
            Some(std::time::Duration::from_secs(0)),
        ))
        .await;
    let out = ctx.client.execute_async(&script, vec![]).await.expect("run axe-core");
    if let Some(e) = out.get("error") {
        panic!("axe-core failed: {e}");
    }
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    out.get("ok")
        .and_then(Value::as_array)
        .map(|vs| {
            vs.iter()
                .map(|v| Violation {
                    id: s(v, "id"),
                    impact: s(v, "impact"),
                    help: s(v, "help"),
                    help_url: s(v, "helpUrl"),
                    nodes: v
                        .get("nodes")
                        .and_then(Value::as_array)
                        .map(|ns| {
                            ns.iter()
                                .map(|n| Node { target: s(n, "target"), html: s(n, "html"), summary: s(n, "summary") })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Checks of several states that report every violation at the end, so one run shows all
/// that needs fixing.
#[derive(Default)]
pub struct Audit {
    failures: Vec<String>,
    states: usize,
}

impl Audit {
    pub fn new() -> Audit {
        Audit::default()
    }

    /// Run axe on the page as it is now and remember what it finds under `state_name`.
    pub async fn check(&mut self, ctx: &Ctx, state_name: &str) {
        self.states += 1;
        if let Err(e) = violations_report(ctx, state_name).await {
            println!("{e}");
            self.failures.push(e);
        }
    }

    /// Fail listing every violation found, if any.
    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} of {} state(s) have violations:\n{}",
            self.failures.len(),
            self.states,
            self.failures.join("\n")
        );
    }
}

async fn violations_report(ctx: &Ctx, state_name: &str) -> Result<(), String> {
    let violations = run(ctx).await;
    if violations.is_empty() {
        return Ok(());
    }
    ctx.screenshot(&format!("axe-{}", state_name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))).await;
    let list: Vec<String> = violations.iter().map(ToString::to_string).collect();
    Err(format!(
        "axe-core: {} WCAG 2.1 A/AA violation(s) in state \"{state_name}\" ({}):\n{}",
        violations.len(),
        ctx.client.current_url().await.map(|u| u.to_string()).unwrap_or_default(),
        list.join("\n")
    ))
}

/// Fail, listing every violation (rule, impact, help, elements and their HTML), unless axe finds
/// none. `state_name` says which view/state was checked; a screenshot is saved under that name.
pub async fn assert_no_violations(ctx: &Ctx, state_name: &str) {
    if let Err(e) = violations_report(ctx, state_name).await {
        panic!("{e}");
    }
}
