//! Seeded URL fuzzing of everything a query string reaches: Explore's state (`state::decode` /
//! `encode`, then search, facets, sort and highlight on the shipped dataset) and the wizard's
//! answers (`eligibility::decode_answers` / `encode_query`, then the flow, validation and the
//! verdict with the shipped rules). Nothing may panic, and decoding what was encoded must change
//! nothing (the encoded form is a fixed point).
//!
//! 10,000 cases by default; `IUC_FUZZ_CASES=1000000` runs more, `IUC_FUZZ_SEED=<u64>` another seed.

use iuc_core::dataset::{load, Dataset};
use iuc_core::eligibility::{self, load_rules, Rules, Step};
use iuc_core::search::{self, Index};
use iuc_core::state;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

const PAIRINGS: &str = include_str!("../../public/data/pairings.json");
const RULES: &str = include_str!("../../public/data/eligibility.json");
const DEFAULT_SEED: u64 = 0x1AC_F022_2018;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Keys the app reads, plus near misses.
const KEYS: &[&str] = &[
    "q",
    "region",
    "pcountry",
    "eucountry",
    "tag",
    "sort",
    "view",
    "kind",
    "country",
    "pop",
    "lead",
    "members",
    "c",
    "topics",
    "regions",
    "step",
    "Q",
    "q ",
    "%71",
    "q[]",
    "",
    "embed",
    "lang",
    "x",
];

/// Values that mean something somewhere, plus near misses.
const VALUES: &[&str] = &[
    "asia",
    "north-america",
    "latin-america-caribbean",
    "Asia",
    "asia,,north-america",
    "BR",
    "br",
    "CN,US",
    "XX",
    "BRA",
    "smart-cities",
    "mobility",
    "-mobility",
    "Smart-Cities",
    "eu-city",
    "-eu-city",
    "--eu-city",
    "partner-country",
    "map",
    "table",
    "both",
    "MAP",
    "city",
    "group",
    "region",
    "province",
    "ES",
    "GB",
    "UK",
    "other",
    "notsure",
    "100000",
    "100001",
    "99999",
    "0",
    "-1",
    "00000000001",
    "99999999999",
    "10000000000",
    "1e5",
    "yes",
    "no",
    "18m:yes",
    "18m:yes,resources:no,reporting:notsure",
    "a:b:c",
    ":yes",
    "start",
    "kind",
    "country",
    "population",
    "group",
    "commitments",
    "interests",
    "check",
    "result",
    "malmö",
    "São Paulo",
    "rome",
    "sao+paulo",
    "%",
    "%%",
    "%E0%A4",
    "%C3",
    "%00",
    "%ZZ",
    "%2",
    "%25",
    "%2C",
    "%26",
    "%3D",
    "+",
    "++",
    "\0",
    "\u{feff}",
    "\u{202e}",
    "\u{301}",
    "🏙️",
    "𝕏",
    "ﬁ",
    "İ",
    "ß",
    "\u{fffd}",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "&",
    "=",
    "==",
    "?",
    "#",
    "/",
    "..",
    "\\",
    "\"",
    "'",
];

fn random_char(r: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7E),
        (0x00, 0x1F),
        (0xA0, 0x17F),
        (0x300, 0x36F),
        (0x391, 0x3C9),
        (0x600, 0x6FF),
        (0x4E00, 0x4FFF),
        (0x1F300, 0x1F5FF),
        (0xFFF0, 0xFFFF),
        (0x10FFF0, 0x10FFFF),
    ];
    let (a, b) = *r.pick(ranges);
    char::from_u32(a + r.below((b - a + 1) as usize) as u32).unwrap_or('?')
}

/// A random percent-encoded byte string (not necessarily UTF-8) of fewer than `max` bytes.
fn encoded_bytes(r: &mut Rng, max: usize) -> String {
    let len = r.below(max);
    (0..len)
        .map(|_| {
            let b = r.below(256) as u8;
            if b.is_ascii_alphanumeric() && r.chance(50) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn random_value(r: &mut Rng) -> String {
    match r.below(10) {
        0..=3 => r.pick(VALUES).to_string(),
        4 => (0..r.below(4) + 2).map(|_| *r.pick(VALUES)).collect::<Vec<_>>().join(","),
        5 => encoded_bytes(r, 40),
        6 => (0..r.below(30)).map(|_| random_char(r)).collect(),
        7 => {
            // Huge: up to 100 KB.
            let unit = r.pick(VALUES).to_string();
            unit.repeat(1 + r.below(100_000 / unit.len().max(1)))
        }
        8 => r.pick(VALUES).to_string().repeat(r.below(50) + 1),
        _ => String::new(),
    }
}

/// Longest generated query (bytes): 100 KB values and some room around them.
const MAX_QUERY: usize = 150_000;

/// One garbled query string, at most [`MAX_QUERY`] bytes.
fn garbled_query(r: &mut Rng) -> String {
    let mut q = garbled_query_uncut(r);
    if q.len() > MAX_QUERY {
        let mut cut = MAX_QUERY;
        while !q.is_char_boundary(cut) {
            cut -= 1;
        }
        q.truncate(cut);
    }
    q
}

fn garbled_query_uncut(r: &mut Rng) -> String {
    match r.below(20) {
        0 => encoded_bytes(r, 200),
        1 => (0..r.below(200)).map(|_| random_char(r)).collect(),
        2 => "a".repeat(100_000),
        3 => format!("q={}", "%E0%A4".repeat(r.below(20_000))),
        4 => {
            // One key, repeated.
            let k = *r.pick(KEYS);
            (0..r.below(300) + 2).map(|_| format!("{k}={}", random_value(r))).collect::<Vec<_>>().join("&")
        }
        _ => {
            let mut parts = Vec::new();
            for _ in 0..r.below(12) {
                let part = match r.below(10) {
                    0 => r.pick(KEYS).to_string(),
                    1 => format!("{}={}", random_value(r), random_value(r)),
                    2 => String::new(),
                    _ => format!("{}={}", r.pick(KEYS), random_value(r)),
                };
                parts.push(part);
            }
            let sep = *r.pick(&["&", "&", "&", ";", "&&", "&amp;"]);
            let q = parts.join(sep);
            if r.chance(30) {
                format!("?{q}")
            } else {
                q
            }
        }
    }
}

struct World {
    ds: Dataset,
    ix: Index,
    rules: Rules,
}

fn world() -> World {
    let loaded = load(PAIRINGS);
    assert!(loaded.is_clean(), "{:?}", loaded.problems);
    let ds = loaded.dataset;
    let ix = Index::new(&ds);
    let rules = load_rules(RULES).unwrap_or_else(|p| panic!("rules: {p:?}"));
    World { ds, ix, rules }
}

/// Everything one query string reaches; `Err` says which property failed.
fn exercise(w: &World, query: &str) -> Result<(), String> {
    // Explore.
    let st = state::decode(query);
    let e = state::encode(&st);
    let again = state::decode(&e);
    if again != st {
        return Err(format!("decode(encode(decode(x))) != decode(x): {again:?} vs {st:?}"));
    }
    if state::encode(&again) != e {
        return Err(format!("encode is not a fixed point: {e:?}"));
    }
    if e.len() > query.len() * 3 + 16 {
        return Err(format!(
            "the encoded state ({} bytes) is far longer than the query ({} bytes)",
            e.len(),
            query.len()
        ));
    }
    let mut known = st.clone();
    known.retain_known(&w.ds);
    let (mut rows, facets) = search::explore(&w.ix, &w.ds, &known.filters);
    if rows.iter().any(|&r| r >= w.ds.pairings.len()) {
        return Err("a row out of range".into());
    }
    if rows != search::filter(&w.ix, &w.ds, &known.filters) {
        return Err("explore and filter disagree".into());
    }
    if facets.regions.iter().any(|f| f.count > w.ds.pairings.len()) {
        return Err("a facet count is larger than the dataset".into());
    }
    if let Some((k, d)) = known.sort {
        search::sort(&w.ds, &mut rows, k, d);
    }
    for &r in rows.iter().take(3) {
        let p = &w.ds.pairings[r];
        for text in [p.eu.name.as_str(), p.topics.as_str()] {
            let ranges = search::highlight(text, &known.filters.q);
            if ranges
                .iter()
                .any(|g| g.end > text.len() || !text.is_char_boundary(g.start) || !text.is_char_boundary(g.end))
            {
                return Err(format!("a highlight range cuts {text:?}: {ranges:?}"));
            }
            let joined: String = search::segments(text, &ranges).into_iter().map(|(_, s)| s).collect();
            if joined != text {
                return Err("highlight segments do not add up to the text".into());
            }
        }
    }

    // Wizard.
    let (answers, step) = eligibility::decode_answers(query);
    let eq = eligibility::encode_query(&answers, step);
    let (a2, s2) = eligibility::decode_answers(&eq);
    if (&a2, s2) != (&answers, step) {
        return Err(format!("decode_answers(encode_query(..)) changed the answers: {eq:?}"));
    }
    if eligibility::encode_query(&a2, s2) != eq {
        return Err(format!("encode_query is not a fixed point: {eq:?}"));
    }
    let flow = eligibility::flow(&w.rules, &answers);
    if flow.first() != Some(&Step::Start) || flow.last() != Some(&Step::Result) {
        return Err(format!("flow does not run from Start to Result: {flow:?}"));
    }
    let at = eligibility::resolve_step(&w.rules, &answers, step);
    if !flow.contains(&at) {
        return Err(format!("resolve_step gave {at:?}, not in the flow {flow:?}"));
    }
    for &s in &flow {
        let _ = eligibility::validate_step(&w.rules, &answers, s);
        let _ = eligibility::submit(&w.rules, &answers, s);
        let _ = eligibility::next(&w.rules, &answers, s);
        let _ = eligibility::back(&w.rules, &answers, s);
    }
    let outcome = eligibility::evaluate(&w.rules, &answers);
    // The verdict is a function of the answers: the same answers give the same outcome.
    if eligibility::evaluate(&w.rules, &a2) != outcome {
        return Err("the re-decoded answers give another verdict".into());
    }
    Ok(())
}

#[test]
fn garbled_query_strings_never_panic_and_reencode_to_a_fixed_point() {
    let cases: usize = std::env::var("IUC_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed: u64 = std::env::var("IUC_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(DEFAULT_SEED);
    println!("URL fuzz: {cases} cases, seed {seed} (IUC_FUZZ_SEED={seed} to repeat)");
    let w = world();
    let mut r = Rng::new(seed);
    let t0 = Instant::now();
    let mut failures = Vec::new();
    let mut bytes = 0usize;
    for i in 0..cases {
        let q = garbled_query(&mut r);
        bytes += q.len();
        let result = catch_unwind(AssertUnwindSafe(|| exercise(&w, &q))).unwrap_or_else(|_| Err("panicked".into()));
        if let Err(e) = result {
            let short: String = q.chars().take(200).collect();
            failures.push(format!("case {i} ({} bytes) {short:?}: {e:.500}", q.len()));
            if failures.len() >= 10 {
                break;
            }
        }
    }
    println!("URL fuzz: {cases} cases ({} MB of query text) in {:.1} s", bytes / 1_000_000, t0.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
}

#[test]
fn the_generator_covers_the_nasty_shapes() {
    let mut r = Rng::new(DEFAULT_SEED);
    let qs: Vec<String> = (0..2_000).map(|_| garbled_query(&mut r)).collect();
    for needle in ["%E0%A4", "%%", "%00", "\0", "q=", "&&", "region=", "c=", "pop="] {
        assert!(qs.iter().any(|q| q.contains(needle)), "no generated query contains {needle:?}");
    }
    assert!(qs.iter().any(|q| q.len() >= 100_000), "no 100 KB query");
    assert!(qs.iter().any(|q| !q.is_ascii()), "no non-ASCII query");
    // Deterministic: the same seed gives the same inputs.
    let mut r2 = Rng::new(DEFAULT_SEED);
    assert_eq!(garbled_query(&mut r2), qs[0]);
}

#[test]
fn known_nasty_inputs_pass() {
    let w = world();
    for q in [
        "",
        "?",
        "%",
        "%%",
        "%E0%A4",
        "q=%E0%A4",
        "q=%",
        "q=\0",
        "q=%00",
        "&&&",
        "===",
        "q=a&q=b",
        "sort=-",
        "sort=--eu-city",
        "pop=99999999999",
        "pop=10000000001",
        "c=%3Ayes",
        "step=result&kind=group&pop=notsure",
        "region=%2C%2C",
    ] {
        exercise(&w, q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
}
