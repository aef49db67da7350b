//! Hostile datasets: every malformed variant of the shipped file (see `hostile_cases`) loads
//! without a panic and gives exactly the expected pairings and problems; text that looks like
//! markup stays text; search and the Explore computations work on whatever loaded.

mod hostile_cases;

use hostile_cases::{as_fetched, cases, Case, Expect};
use iuc_core::dataset::{load, Loaded};
use iuc_core::search::{self, Filters, Index};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Every text the loaded dataset and its problems hold.
fn all_text(l: &Loaded) -> Vec<String> {
    let ds = &l.dataset;
    let mut out: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
    out.push(ds.title.clone());
    out.extend(ds.sources.iter().map(|s| s.name.clone()));
    out.extend(ds.countries.iter().map(|c| c.name.clone()));
    out.extend(ds.tags.iter().map(|t| t.label.clone()));
    out.extend(ds.aliases.iter().flatten().cloned());
    for p in &ds.pairings {
        out.push(p.topics.clone());
        for side in [&p.eu, &p.partner] {
            out.push(side.name.clone());
            out.extend(side.places.iter().map(|pl| pl.name.clone()));
            out.extend(side.population.iter().map(|pop| pop.source.clone()));
        }
    }
    out
}

/// Check one case; `Err` says what is wrong.
fn check(case: &Case, l: &Loaded) -> Result<(), String> {
    let valid = l.dataset.pairings.len();
    if valid != case.expect.valid() {
        return Err(format!("{} valid pairings, expected {}", valid, case.expect.valid()));
    }
    if l.records_in_file < valid {
        return Err(format!("records_in_file {} < valid {valid}", l.records_in_file));
    }
    match &case.expect {
        Expect::Clean { .. } => {
            if !l.problems.is_empty() {
                return Err(format!("expected no problem, got {:?}", first_problems(l)));
            }
        }
        Expect::Problems { location, field, message, .. } => {
            let hit = l
                .problems
                .iter()
                .any(|p| p.location.starts_with(location.as_str()) && p.field == *field && p.message.contains(message));
            if !hit {
                return Err(format!(
                    "no problem at {location:?} · {field:?} containing {message:?}; got {:?}",
                    first_problems(l)
                ));
            }
            // Problems are meant to be read: none is longer than a sentence or two, whatever the input.
            if let Some(p) = l.problems.iter().find(|p| p.to_string().len() > 600) {
                return Err(format!("a problem is {} bytes long: {:.200}", p.to_string().len(), p.to_string()));
            }
        }
    }
    if let Some(text) = &case.verbatim {
        if !all_text(l).iter().any(|t| t.contains(text.as_str())) {
            return Err(format!("{text:?} does not appear verbatim in the loaded data or problems"));
        }
    }
    // Whatever loaded can be searched, faceted and sorted.
    let ds = &l.dataset;
    let ix = Index::new(ds);
    for q in ["", "a", "mobility", "<img", "\u{0}"] {
        let f = Filters { q: q.to_string(), ..Filters::default() };
        let (mut rows, _facets) = search::explore(&ix, ds, &f);
        if rows.iter().any(|&r| r >= valid) {
            return Err(format!("search for {q:?} returned a row out of range"));
        }
        if q.is_empty() && rows.len() != valid {
            return Err(format!("an empty search shows {} of {valid}", rows.len()));
        }
        search::sort(ds, &mut rows, search::SortKey::PartnerCity, search::SortDir::Desc);
    }
    Ok(())
}

fn first_problems(l: &Loaded) -> Vec<String> {
    l.problems.iter().take(5).map(|p| format!("{:.300}", p.to_string())).collect()
}

#[test]
fn there_are_at_least_fifty_distinct_variants() {
    let cs = cases();
    assert!(cs.len() >= 50, "{} variants", cs.len());
    let mut names: Vec<&str> = cs.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "variant names are unique");
    let mut bodies: Vec<&[u8]> = cs.iter().map(|c| c.body.as_slice()).collect();
    bodies.sort_unstable();
    bodies.dedup();
    assert_eq!(bodies.len(), before, "variant bodies are distinct");
    assert!(cs.iter().filter(|c| c.browser).count() >= 15, "the browser subset has at least 15 variants");
}

#[test]
fn the_unmodified_base_loads_clean() {
    let l = load(hostile_cases::SHIPPED);
    assert!(l.is_clean(), "{:?}", first_problems(&l));
    assert_eq!(l.dataset.pairings.len(), hostile_cases::base_len());
}

#[test]
fn every_hostile_variant_loads_without_panic_and_as_expected() {
    let mut failures = Vec::new();
    for case in cases() {
        let text = as_fetched(&case.body);
        let t0 = Instant::now();
        let loaded = catch_unwind(AssertUnwindSafe(|| load(&text)));
        let ms = t0.elapsed().as_millis();
        let result = match loaded {
            Err(_) => Err("load panicked".to_string()),
            Ok(l) => {
                catch_unwind(AssertUnwindSafe(|| check(&case, &l))).unwrap_or_else(|_| Err("check panicked".into()))
            }
        };
        if ms > 200 {
            println!("{:>28}: {:>9} bytes loaded in {ms} ms", case.name, case.body.len());
        }
        if let Err(e) = result {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} variant(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_byte_order_mark_left_in_the_text_is_a_readable_json_error() {
    // Browsers drop the mark before the app sees the text; a caller that does not gets an error
    // that says where, not a panic.
    let l = load(&format!("\u{feff}{}", hostile_cases::SHIPPED));
    assert!(l.dataset.pairings.is_empty());
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].location, "file");
    assert!(l.problems[0].message.contains("line 1, column 1"), "{}", l.problems[0]);
}

#[test]
fn a_hundred_thousand_rows_load_search_and_sort_quickly() {
    let text = as_fetched(&hostile_cases::many(100_000));
    let t0 = Instant::now();
    let l = load(&text);
    let load_ms = t0.elapsed().as_millis();
    assert!(l.is_clean(), "{:?}", first_problems(&l));
    assert_eq!(l.dataset.pairings.len(), 100_000);
    let t1 = Instant::now();
    let ix = Index::new(&l.dataset);
    let index_ms = t1.elapsed().as_millis();
    let t2 = Instant::now();
    let f = Filters { q: "smart".into(), ..Filters::default() };
    let (mut rows, _) = search::explore(&ix, &l.dataset, &f);
    search::sort(&l.dataset, &mut rows, search::SortKey::EuCity, search::SortDir::Asc);
    let search_ms = t2.elapsed().as_millis();
    assert!(!rows.is_empty() && rows.len() < 100_000);
    println!(
        "100,000 rows ({} MB): load {load_ms} ms, index {index_ms} ms, search+sort {search_ms} ms (debug build)",
        text.len() / 1_000_000
    );
}
