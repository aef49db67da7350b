//! CPU profile of typing in the search box (`cargo xtask profile`): loads the build in
//! `IUC_DIST` (with `PROFILE_PAIRINGS` synthetic pairings, default the shipped 55), records a
//! DevTools CPU profile while the benchmark's search keys are typed, writes it to
//! `target/search.cpuprofile` (open it in Chromium's DevTools, Performance panel) and prints the
//! functions with the most self and total time. Function names are only readable in a build
//! that keeps them (`cargo xtask profile` makes one).

use iuc_e2e::bench;
use iuc_e2e::{with_server, BrowserOptions, Options};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

fn top(profile: &Value, n: usize) -> String {
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let mut name = HashMap::new();
    let mut parent = HashMap::new();
    for nd in &nodes {
        let id = nd["id"].as_u64().unwrap_or(0);
        let f = &nd["callFrame"];
        let mut fname = f["functionName"].as_str().unwrap_or("").to_string();
        if fname.is_empty() {
            fname = format!("(anonymous {})", f["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or(""));
        }
        name.insert(id, fname);
        for ch in nd["children"].as_array().into_iter().flatten() {
            parent.insert(ch.as_u64().unwrap_or(0), id);
        }
    }
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"].as_array().cloned().unwrap_or_default();
    let mut selft: HashMap<String, f64> = HashMap::new();
    let mut total: HashMap<String, f64> = HashMap::new();
    let mut all = 0.0;
    for (i, s) in samples.iter().enumerate() {
        // A sample's time is the delta to the next sample.
        let dt = deltas.get(i + 1).and_then(Value::as_f64).unwrap_or(0.0) / 1000.0;
        let id = s.as_u64().unwrap_or(0);
        let nm = name.get(&id).cloned().unwrap_or_default();
        if nm == "(idle)" || nm == "(program)" {
            continue;
        }
        all += dt;
        *selft.entry(nm).or_default() += dt;
        let mut seen = HashSet::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            let nm = name.get(&c).cloned().unwrap_or_default();
            if seen.insert(nm.clone()) {
                *total.entry(nm).or_default() += dt;
            }
            cur = parent.get(&c).copied();
        }
    }
    let mut out = format!("busy: {all:.1} ms\n\nself time:\n");
    let mut v: Vec<_> = selft.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (k, t) in v.iter().take(n) {
        out += &format!("{t:8.2} ms  {}\n", k.chars().take(160).collect::<String>());
    }
    out += "\ntotal time:\n";
    let mut v: Vec<_> = total.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (k, t) in v.iter().take(n) {
        out += &format!("{t:8.2} ms  {}\n", k.chars().take(160).collect::<String>());
    }
    out
}

#[tokio::main]
async fn main() {
    let pairings: usize = std::env::var("PROFILE_PAIRINGS").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let path = std::env::var("PROFILE_PATH").unwrap_or_else(|_| "/".into());
    with_server(
        Options::new(iuc_e2e::dist_dir()),
        BrowserOptions { time_limit: std::time::Duration::from_secs(3600), ..BrowserOptions::default() },
        move |c| async move {
            if pairings > 0 {
                let base = bench::shipped_dataset().expect("dataset");
                let text = bench::synthetic_dataset(&base, pairings, 1).expect("synthetic");
                c.server.set_override("/data/pairings.json", "application/json", text.into_bytes());
            }
            bench::install_load_probe(&c).await.expect("probe");
            bench::load(&c, &path, false, Duration::from_secs(120)).await.expect("load");
            bench::cdp(&c, "Profiler.enable", json!({})).await.expect("profiler");
            bench::cdp(&c, "Profiler.setSamplingInterval", json!({ "interval": 50 })).await.expect("interval");
            bench::cdp(&c, "Profiler.start", json!({})).await.expect("start");
            let keys: Vec<String> = bench::search_keys().into_iter().cycle().take(60).collect();
            let t = bench::search_run(&c, &keys, 100).await.expect("keys");
            let p = bench::cdp(&c, "Profiler.stop", json!({})).await.expect("stop");
            let paint: Vec<f64> = t.iter().map(|x| x.to_paint).collect();
            let dom: Vec<f64> = t.iter().map(|x| x.to_dom).collect();
            println!("keystroke to paint {}, to DOM {}", bench::stats_json(&paint), bench::stats_json(&dom));
            let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/search.cpuprofile");
            std::fs::write(&out, p["profile"].to_string()).expect("write profile");
            println!("profile written to {}", out.display());
            println!("{}", top(&p["profile"], 45));
        },
    )
    .await;
}
