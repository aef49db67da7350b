//! The performance budgets, and the check `./x bench --check` makes against a report.
//!
//! Budgets are in milliseconds and bytes measured in a browser on a shared machine, where an
//! absolute time drifts by ±20 % or more from run to run. So they are never asserted by
//! `./x test` (a healthy change would fail on a busy machine): `./x bench` reports them, and
//! `./x bench --check` exits non-zero when one is missed, for a person or a scheduled job that
//! gates on them deliberately. What is deterministic (bytes of the build, DOM node counts,
//! history entries, memory growth over a fixed number of cycles) is tested in
//! `tests/perf_guards.rs` instead.

use serde_json::Value;

/// One budget: where its figure sits in the bench report, and its limit.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// What is measured, as the report prints it.
    pub what: &'static str,
    /// The limit as a person reads it ("≤ 150 KB").
    pub text: &'static str,
    /// The limit in the figure's unit (bytes or milliseconds); the figure must be at most this.
    pub limit: f64,
    figure: fn(&Value) -> Option<f64>,
}

/// The median keystroke-to-paint of the default view (map and table) at `n` pairings.
fn keystroke_median(r: &Value, n: u64) -> Option<f64> {
    r["keystroke"]
        .as_array()?
        .iter()
        .find(|k| k["pairings"].as_u64() == Some(n) && k["view"].as_str() == Some("map+table"))?["to_paint_ms"]
        ["median"]
        .as_f64()
}

/// Growth of WASM memory by more than four pages (64 KiB each), or of the JS heap by more than
/// 250 KB, over the search/select cycles is a leak, not warm-up. The figure is the larger of the
/// two as a fraction of its allowance (so at most 1.0 passes).
fn memory_growth(r: &Value) -> Option<f64> {
    let g = &r["memory"]["growth"];
    let wasm = g["wasm_memory_bytes"].as_f64()?;
    let js = g["js_heap_bytes"].as_f64()?;
    Some((wasm / (4.0 * 65_536.0)).max(js / 250_000.0))
}

/// Every budget, in the order the report prints them.
pub const BUDGETS: &[Budget] = &[
    Budget {
        what: "first load of Explore, brotli",
        text: "≤ 150 KB",
        limit: 150_000.0,
        figure: |r| r["sizes"]["first_load_brotli"].as_f64(),
    },
    Budget {
        what: "data on screen, 55 pairings (median of 5 cold loads)",
        text: "< 275 ms",
        limit: 275.0,
        figure: |r| r["load"]["time_to_data_ms"]["median"].as_f64(),
    },
    Budget {
        what: "keystroke to paint, 55 pairings, map+table (median)",
        text: "≤ 8 ms",
        limit: 8.0,
        figure: |r| keystroke_median(r, 55),
    },
    Budget {
        what: "keystroke to paint, 10,000 pairings, map+table (median)",
        text: "≤ 16 ms",
        limit: 16.0,
        figure: |r| keystroke_median(r, 10_000),
    },
    Budget {
        what: "memory growth over the search/select cycles",
        text: "no growth",
        limit: 1.0,
        figure: memory_growth,
    },
];

/// A budget held against one report.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Within(f64),
    Missed(f64),
    /// The report has no figure for it (that part of the bench did not run).
    NotMeasured,
}

impl Budget {
    pub fn figure(&self, report: &Value) -> Option<f64> {
        (self.figure)(report).filter(|v| v.is_finite())
    }

    pub fn outcome(&self, report: &Value) -> Outcome {
        match self.figure(report) {
            Some(v) if v <= self.limit => Outcome::Within(v),
            Some(v) => Outcome::Missed(v),
            None => Outcome::NotMeasured,
        }
    }
}

/// Every budget with its outcome against `report` (a `target/bench.json`).
pub fn check(report: &Value) -> Vec<(Budget, Outcome)> {
    BUDGETS.iter().map(|b| (*b, b.outcome(report))).collect()
}

/// The budgets `report` misses, as lines for a person ("what: measured, budget").
pub fn missed(report: &Value) -> Vec<String> {
    check(report)
        .into_iter()
        .filter_map(|(b, o)| match o {
            Outcome::Missed(v) => Some(format!("{}: {} (budget {})", b.what, show(&b, v), b.text)),
            _ => None,
        })
        .collect()
}

/// A figure in the budget's unit, as a person reads it.
pub fn show(b: &Budget, v: f64) -> String {
    if b.text.ends_with("KB") {
        format!("{:.1} KB", v / 1e3)
    } else if b.text.ends_with("ms") {
        format!("{v:.1} ms")
    } else if v <= 1.0 {
        "none".into()
    } else {
        format!("{v:.1}× the allowance")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report(first_load: f64, data: f64, k55: f64, k10k: f64, wasm_growth: f64) -> Value {
        json!({
            "sizes": { "first_load_brotli": first_load },
            "load": { "time_to_data_ms": { "median": data, "p95": data * 1.5 } },
            "keystroke": [
                { "pairings": 55, "view": "map+table", "to_paint_ms": { "median": k55 } },
                // Table-only figures have no budget: a slow one must not count.
                { "pairings": 55, "view": "table", "to_paint_ms": { "median": 999.0 } },
                { "pairings": 10000, "view": "map+table", "to_paint_ms": { "median": k10k } },
            ],
            "memory": { "growth": { "wasm_memory_bytes": wasm_growth, "js_heap_bytes": 1000.0 } },
        })
    }

    #[test]
    fn a_report_within_every_budget_misses_none() {
        let r = report(149_000.0, 200.0, 7.9, 16.0, 0.0);
        assert_eq!(missed(&r), Vec::<String>::new());
        assert!(check(&r).iter().all(|(_, o)| matches!(o, Outcome::Within(_))));
    }

    #[test]
    fn each_figure_over_its_budget_is_named() {
        let r = report(427_000.0, 300.0, 12.0, 31.0, 524_000.0);
        let m = missed(&r);
        assert_eq!(m.len(), 5, "{m:#?}");
        assert!(m[0].starts_with("first load of Explore, brotli: 427.0 KB (budget ≤ 150 KB)"), "{}", m[0]);
        assert!(m[2].contains("55 pairings") && m[2].contains("12.0 ms"), "{}", m[2]);
        assert!(m[3].contains("10,000 pairings") && m[3].contains("31.0 ms"), "{}", m[3]);
        assert!(m[4].starts_with("memory growth") && m[4].contains("allowance"), "{}", m[4]);
        // One figure over, the others within: only that one.
        let r = report(100_000.0, 200.0, 8.1, 10.0, 65_536.0);
        assert_eq!(missed(&r).len(), 1);
        assert!(missed(&r)[0].contains("8.1 ms"));
    }

    #[test]
    fn parts_that_did_not_run_are_not_measured_rather_than_missed() {
        // `BENCH_ONLY=keys`: no sizes, loads or memory in the report.
        let r = json!({ "keystroke": [ { "pairings": 55, "view": "map+table", "to_paint_ms": { "median": 9.0 } } ] });
        let outcomes = check(&r);
        assert_eq!(outcomes.iter().filter(|(_, o)| *o == Outcome::NotMeasured).count(), 4);
        assert_eq!(missed(&r).len(), 1);
        // A NaN (no samples) is not a figure either.
        let r = json!({ "load": { "time_to_data_ms": { "median": f64::NAN } } });
        assert!(check(&r).iter().all(|(_, o)| *o == Outcome::NotMeasured));
    }
}
