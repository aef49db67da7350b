//! Search over the shipped dataset (`public/data/pairings.json`): the examples users try first.
//!
//! These tests fail, rather than skip, when the file is missing: the app cannot work without it.

use iuc_core::dataset::{load, Dataset};
use iuc_core::search::{filter, highlight, Filters, Index};

fn shipped() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/pairings.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("pairings.json missing: cannot read {path} ({e}); run `cargo xtask data`"));
    let loaded = load(&text);
    assert!(!loaded.dataset.pairings.is_empty(), "pairings.json has no usable pairing: {:?}", loaded.problems);
    loaded.dataset
}

/// The city names (both sides and member places) of the pairings a query finds.
fn found(ds: &Dataset, ix: &Index, q: &str) -> Vec<String> {
    let f = Filters { q: q.into(), ..Filters::default() };
    filter(ix, ds, &f)
        .into_iter()
        .flat_map(|r| {
            let p = &ds.pairings[r];
            [&p.eu, &p.partner]
                .into_iter()
                .flat_map(|s| std::iter::once(s.name.clone()).chain(s.places.iter().map(|pl| pl.name.clone())))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn accent_free_and_english_queries_find_the_cities() {
    let ds = shipped();
    let ix = Index::new(&ds);
    for (q, name) in [
        ("malmo", "Malmö"),
        ("sao leopoldo", "São Leopoldo"),
        ("galati", "Galați"),
        ("turin", "Torino"),
        ("seville", "Sevilla"),
        ("praha", "Prague"),
        ("czechia", "Prague"),
    ] {
        let names = found(&ds, &ix, q);
        assert!(names.iter().any(|n| n == name), "{q:?} should find {name}, found {names:?}");
        let hits = filter(&ix, &ds, &Filters { q: q.into(), ..Filters::default() }).len();
        assert!(hits < ds.pairings.len() / 2, "{q:?} is not selective: {hits} of {}", ds.pairings.len());
    }
}

#[test]
fn every_city_is_found_by_its_own_name_and_highlighted_whole() {
    let ds = shipped();
    let ix = Index::new(&ds);
    for p in &ds.pairings {
        for side in [&p.eu, &p.partner] {
            let rows = filter(&ix, &ds, &Filters { q: side.name.clone(), ..Filters::default() });
            assert!(rows.iter().any(|&r| ds.pairings[r].id == p.id), "{:?} does not find {}", side.name, p.id);
            let marked: usize = highlight(&side.name, &side.name).iter().map(|r| r.len()).sum();
            let letters: usize = side.name.chars().filter(|c| c.is_alphanumeric()).map(char::len_utf8).sum();
            assert!(marked >= letters, "{:?} highlights only {marked} of its {letters} letter bytes", side.name);
        }
    }
}

#[test]
fn a_country_name_in_any_interface_language_finds_its_pairings() {
    let loaded = iuc_core::dataset::load(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/pairings.json")).unwrap(),
    );
    let ds = &loaded.dataset;
    let find = |lang: &str, q: &str| {
        let ix = iuc_core::search::Index::new_for(ds, lang);
        let f = iuc_core::search::Filters { q: q.into(), ..Default::default() };
        iuc_core::search::filter(&ix, ds, &f)
    };
    let germany = find("en", "germany");
    assert!(!germany.is_empty());
    for (lang, q) in
        [("fr", "allemagne"), ("es", "alemania"), ("de", "deutschland"), ("it", "germania"), ("pt", "alemanha")]
    {
        assert_eq!(find(lang, q), germany, "{q}");
        assert_eq!(find(lang, "germany"), germany, "English names work in every language");
    }
    // Only the interface language's names: in English "rome" does not find Romania through the
    // Portuguese "Roménia" (in Portuguese it does, as a Portuguese reader would expect).
    assert_eq!(find("en", "rome").len(), 1);
    assert_eq!(find("pt", "rome").len(), 3);
    assert_eq!(find("en", "allemagne"), Vec::<usize>::new());
    assert_eq!(ds.country_name_in("DE", "fr"), "Allemagne");
    assert_eq!(ds.country_name_in("DE", "en"), "Germany");
    assert_eq!(ds.country_name_in("ZZ", "fr"), "ZZ");
}

#[test]
fn the_japanese_pairings_export_as_eight_geojson_arcs_from_europe_to_japan() {
    let ds = shipped();
    let ix = Index::new(&ds);
    let rows = filter(&ix, &ds, &Filters { q: "japan".into(), ..Filters::default() });
    let v: serde_json::Value =
        serde_json::from_str(&iuc_core::export::to_geojson(&ds, &rows, false)).expect("valid JSON");
    let features = v["features"].as_array().expect("features");
    assert_eq!(features.len(), 8, "the programme page lists eight pairings with Japanese cities");
    for f in features {
        assert_eq!(f["geometry"]["type"], "LineString", "Europe to Japan does not cross the antimeridian");
        assert_eq!(f["properties"]["partner_country"], "JP");
        let line = f["geometry"]["coordinates"].as_array().expect("coordinates");
        let last = &line[line.len() - 1];
        let (lon, lat) = (last[0].as_f64().unwrap(), last[1].as_f64().unwrap());
        assert!((129.0..146.0).contains(&lon) && (30.0..46.0).contains(&lat), "ends in Japan: {last}");
    }
}
