//! Each class of bad input is reported by `iuc_core::dataset::load` (never a panic), with its
//! location, field and a message that says what is wrong, while the valid records still load.

use iuc_core::dataset::{load, Loaded, Problem, MAX_TEXT};
use serde_json::{json, Value};
use std::time::Instant;

/// A small valid dataset: two pairings, Rome–Yantai and Madrid–Buenos Aires.
fn base() -> Value {
    json!({
        "schema_version": 1,
        "title": "test",
        "sources": [{"name": "GeoNames", "licence": "CC BY 4.0", "url": "https://www.geonames.org/", "note": ""}],
        "countries": [
            {"code": "IT", "name": "Italy", "eu_member": true, "numeric": "380", "bbox": [6.6, 36.6, 18.5, 47.1]},
            {"code": "ES", "name": "Spain", "eu_member": true, "numeric": "724", "bbox": [-18.2, 27.6, 4.4, 43.8]},
            {"code": "CN", "name": "China", "eu_member": false, "region": "asia", "bbox": [73.5, 18.1, 134.8, 53.6]},
            {"code": "AR", "name": "Argentina", "eu_member": false, "region": "latin-america-caribbean",
             "bbox": [-73.6, -55.1, -53.6, -21.8]}
        ],
        "tags": [
            {"id": "smart-cities", "label": "Smart cities", "sdgs": [9, 11]},
            {"id": "regeneration", "label": "Urban regeneration", "sdgs": [11]}
        ],
        "aliases": [["Rome", "Roma"]],
        "pairings": [
            {
                "id": "rome--yantai",
                "eu": {"name": "Rome", "country": "IT", "lat": 41.89, "lon": 12.51},
                "partner": {"name": "Yantai", "country": "CN", "lat": 37.48, "lon": 121.44,
                            "population": {"value": 2227733, "source": "GeoNames"}},
                "topics": "social inclusion and smart cities",
                "tags": ["smart-cities"],
                "region": "asia"
            },
            {
                "id": "madrid--buenos-aires",
                "eu": {"name": "Madrid", "country": "ES", "lat": 40.42, "lon": -3.70},
                "partner": {"name": "Buenos Aires", "country": "AR", "lat": -34.61, "lon": -58.38},
                "topics": "urban regeneration",
                "tags": ["regeneration"],
                "region": "latin-america-caribbean"
            }
        ]
    })
}

fn load_value(v: &Value) -> Loaded {
    load(&v.to_string())
}

/// Load `v` after changing the first pairing with `edit`.
fn with_first(edit: impl FnOnce(&mut Value)) -> Loaded {
    let mut v = base();
    edit(&mut v["pairings"][0]);
    load_value(&v)
}

/// The single problem reported, checked for location and field.
fn only_problem<'a>(l: &'a Loaded, location: &str, field: &str) -> &'a Problem {
    assert_eq!(l.problems.len(), 1, "expected one problem, got {:#?}", l.problems);
    let p = &l.problems[0];
    assert_eq!((p.location.as_str(), p.field.as_str()), (location, field), "{p:?}");
    p
}

/// The other (valid) pairing still loads.
fn madrid_still_loads(l: &Loaded) {
    let ids: Vec<&str> = l.dataset.pairings.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["madrid--buenos-aires"]);
    assert_eq!(l.records_in_file, 2);
}

#[test]
fn the_base_fixture_is_clean() {
    let l = load_value(&base());
    assert!(l.is_clean(), "{:#?}", l.problems);
    assert_eq!(l.dataset.pairings.len(), 2);
    assert_eq!(l.dataset.countries.len(), 4);
    assert_eq!(l.dataset.aliases, vec![vec!["Rome".to_string(), "Roma".to_string()]]);
}

#[test]
fn broken_json_is_one_file_problem() {
    for text in ["", "{", "{\"schema_version\": 1,}", "{\"pairings\": [}", "\u{feff}{}", "nul"] {
        let l = load(text);
        let p = only_problem(&l, "file", "");
        assert!(p.message.starts_with("is not valid JSON"), "{text:?}: {p:?}");
        assert!(p.message.contains("line"), "{p:?}");
        assert!(l.dataset.pairings.is_empty());
    }
}

#[test]
fn a_number_json_cannot_hold_is_a_parse_error() {
    // JSON has no NaN or infinity; 1e999 overflows f64 and is rejected by the parser.
    let text = base().to_string().replacen("41.89", "1e999", 1);
    let l = load(&text);
    let p = only_problem(&l, "file", "");
    assert!(p.message.contains("is not valid JSON") && p.message.contains("out of range"), "{p:?}");
}

#[test]
fn a_root_that_is_not_an_object_is_reported() {
    for (text, found) in
        [("[]", "an array"), ("\"pairings\"", "a string"), ("42", "a number"), ("null", "null"), ("true", "a boolean")]
    {
        let l = load(text);
        let p = only_problem(&l, "file", "");
        assert_eq!(p.message, format!("must be a JSON object, found {found}"));
    }
}

#[test]
fn wrong_types_at_the_top_level_are_reported() {
    let mut v = base();
    v["pairings"] = json!({"rome--yantai": {}});
    let l = load_value(&v);
    assert_eq!(only_problem(&l, "file", "pairings").message, "must be an array, found an object");

    let mut v = base();
    v["countries"] = json!("IT, ES");
    let l = load_value(&v);
    let p = l.problems.iter().find(|p| p.field == "countries").expect("countries problem");
    assert_eq!(p.message, "must be an array, found a string");
    // Without countries every side's country is unknown: reported per pairing, nothing loads.
    assert!(l.problems.iter().any(|p| p.field == "eu.country" && p.message.contains("not in the country list")));
    assert!(l.dataset.pairings.is_empty());

    let mut v = base();
    v["schema_version"] = json!("1");
    let l = load_value(&v);
    assert_eq!(only_problem(&l, "file", "schema_version").message, "must be an integer, found a string");
    assert_eq!(l.dataset.pairings.len(), 2, "the records are still usable");

    let mut v = base();
    v["schema_version"] = json!(2);
    let l = load_value(&v);
    assert_eq!(only_problem(&l, "file", "schema_version").message, "is 2, this app reads version 1");
}

#[test]
fn wrong_types_in_a_record_are_reported_and_the_rest_loads() {
    let l = with_first(|p| p["eu"]["lat"] = json!("41.89"));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert!(p.message.starts_with("cannot be read: invalid type: string"), "{p:?}");
    madrid_still_loads(&l);

    let l = with_first(|p| p["tags"] = json!("smart-cities"));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert!(p.message.contains("invalid type"), "{p:?}");
    madrid_still_loads(&l);

    let l = with_first(|p| p["region"] = json!("europe"));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert!(p.message.contains("unknown variant `europe`"), "{p:?}");
    madrid_still_loads(&l);

    let l = with_first(|p| p["partner"]["population"] = json!({"value": -5, "source": "x"}));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert!(p.message.contains("invalid value"), "{p:?}");
    madrid_still_loads(&l);

    let l = with_first(|p| *p = json!(42));
    let p = only_problem(&l, "pairings[0]", "");
    assert_eq!(p.message, "cannot be read: invalid type: integer `42`, expected struct Pairing");
    madrid_still_loads(&l);
}

#[test]
fn bad_vocabulary_entries_are_reported() {
    let mut v = base();
    v["tags"][1] = json!({"id": "regeneration", "label": "Urban regeneration", "sdgs": [11, 18]});
    v["countries"].as_array_mut().expect("array").push(json!({"code": "it", "name": "Italy", "eu_member": true}));
    v["countries"].as_array_mut().expect("array").push(json!({"code": "IT", "name": "Italy", "eu_member": true}));
    v["countries"].as_array_mut().expect("array").push(json!({"code": "MX", "name": "Mexico", "eu_member": false}));
    v["countries"].as_array_mut().expect("array").push(json!({"code": "FR", "eu_member": true}));
    let l = load_value(&v);
    let has = |loc: &str, field: &str, msg: &str| {
        l.problems.iter().any(|p| p.location == loc && p.field == field && p.message.contains(msg))
    };
    assert!(has("tags[1] (regeneration)", "sdgs", "18 is not an SDG (1–17)"), "{:#?}", l.problems);
    assert!(has("countries[4] (it)", "code", "ISO 3166-1 alpha-2"), "{:#?}", l.problems);
    assert!(has("countries[5] (IT)", "code", "is listed twice"), "{:#?}", l.problems);
    assert!(has("countries[6] (MX)", "region", "needs a region"), "{:#?}", l.problems);
    assert!(has("countries[7]", "", "missing field `name`"), "{:#?}", l.problems);
    assert_eq!(l.problems.len(), 5, "{:#?}", l.problems);
    assert_eq!(l.dataset.pairings.len(), 2);
}

#[test]
fn vocabulary_problems_point_at_the_entry_in_the_file() {
    // An unreadable entry before a bad one must not shift the bad one's reported index.
    let mut v = base();
    v["countries"].as_array_mut().expect("array").insert(0, json!({"code": 7}));
    v["countries"].as_array_mut().expect("array").insert(1, json!({"code": "xx", "name": "X", "eu_member": true}));
    v["tags"].as_array_mut().expect("array").insert(0, json!("smart"));
    v["tags"].as_array_mut().expect("array").insert(1, json!({"id": "Bad Tag", "label": "x"}));
    let l = load_value(&v);
    let locations: Vec<String> = l.problems.iter().map(|p| format!("{} {}", p.location, p.field)).collect();
    assert_eq!(
        locations,
        ["countries[0] ", "tags[0] ", "countries[1] (xx) code", "tags[1] (Bad Tag) id"],
        "{:#?}",
        l.problems
    );
    assert_eq!(l.dataset.pairings.len(), 2);
}

#[test]
fn missing_fields_are_reported() {
    let l = with_first(|p| {
        p.as_object_mut().expect("object").remove("partner");
    });
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert_eq!(p.message, "cannot be read: missing field `partner`");
    madrid_still_loads(&l);

    let l = with_first(|p| {
        p["eu"].as_object_mut().expect("object").remove("lon");
    });
    assert_eq!(only_problem(&l, "pairings[0] (rome--yantai)", "").message, "cannot be read: missing field `lon`");
    madrid_still_loads(&l);

    for key in ["schema_version", "countries", "tags", "pairings"] {
        let mut v = base();
        v.as_object_mut().expect("object").remove(key);
        let l = load_value(&v);
        let p = l.problems.iter().find(|p| p.location == "file" && p.field == key);
        assert_eq!(p.map(|p| p.message.as_str()), Some("is missing"), "{key}: {:#?}", l.problems);
    }
    // The optional lists may be absent.
    let mut v = base();
    v.as_object_mut().expect("object").remove("aliases");
    v.as_object_mut().expect("object").remove("sources");
    v.as_object_mut().expect("object").remove("title");
    assert!(load_value(&v).is_clean());
}

#[test]
fn duplicate_ids_are_reported_and_the_first_is_kept() {
    let mut v = base();
    v["pairings"][1]["id"] = json!("rome--yantai");
    let l = load_value(&v);
    let p = only_problem(&l, "pairings[1] (rome--yantai)", "id");
    assert_eq!(p.message, "\"rome--yantai\" is used by an earlier pairing");
    assert_eq!(l.dataset.pairings.len(), 1);
    assert_eq!(l.dataset.pairings[0].eu.name, "Rome");
}

#[test]
fn ids_that_are_not_slugs_are_reported() {
    for id in ["Rome--Yantai", "rome yantai", "-rome", "", "rome/yantai"] {
        let l = with_first(|p| p["id"] = json!(id));
        let loc = if id.is_empty() { "pairings[0]".to_string() } else { format!("pairings[0] ({id})") };
        let p = only_problem(&l, &loc, "id");
        assert!(p.message.contains("lower-case letters"), "{id:?}: {p:?}");
        madrid_still_loads(&l);
    }
}

#[test]
fn unknown_country_codes_are_reported() {
    let l = with_first(|p| p["partner"]["country"] = json!("XX"));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "partner.country");
    assert_eq!(p.message, "\"XX\" is not in the country list");
    madrid_still_loads(&l);
}

#[test]
fn out_of_range_coordinates_are_reported() {
    let cases = [
        ("eu", "lat", 200.0, "eu.lat", "200 is not a latitude"),
        ("eu", "lat", -90.5, "eu.lat", "-90.5 is not a latitude"),
        ("partner", "lon", 181.0, "partner.lon", "181 is not a longitude"),
        ("partner", "lon", -1000.0, "partner.lon", "-1000 is not a longitude"),
    ];
    for (side, key, value, field, msg) in cases {
        let l = with_first(|p| p[side][key] = json!(value));
        let p = only_problem(&l, "pairings[0] (rome--yantai)", field);
        assert!(p.message.starts_with(msg), "{p:?}");
        madrid_still_loads(&l);
    }
    // The same for a member place of a multi-place entry.
    let l = with_first(|p| {
        p["partner"]["places"] =
            json!([{"name": "A", "lat": 37.4, "lon": 121.4}, {"name": "B", "lat": 95.0, "lon": 121.4}]);
    });
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "partner.places[1].lat");
    assert!(p.message.contains("not a latitude"), "{p:?}");
}

#[test]
fn coordinates_far_from_their_country_are_reported() {
    // Rome's row with Madrid's coordinates: about 1,000 km west of Italy's box.
    let l = with_first(|p| {
        p["eu"]["lat"] = json!(40.42);
        p["eu"]["lon"] = json!(-3.70);
    });
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "eu.lat");
    assert!(p.message.starts_with("(40.42, -3.7) lies about") && p.message.ends_with("km outside Italy"), "{p:?}");
    madrid_still_loads(&l);

    // Swapped latitude and longitude land in the ocean off Africa.
    let l = with_first(|p| {
        p["partner"]["lat"] = json!(-58.38);
        p["partner"]["lon"] = json!(-34.61);
    });
    assert!(only_problem(&l, "pairings[0] (rome--yantai)", "partner.lat").message.contains("outside China"));

    // Just outside the box but within the margin is accepted (box edges are rough).
    let l = with_first(|p| p["eu"]["lon"] = json!(18.9));
    assert!(l.is_clean(), "{:#?}", l.problems);
}

#[test]
fn unknown_or_missing_tags_are_reported() {
    let l = with_first(|p| p["tags"] = json!(["smart-cities", "teleportation"]));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "tags");
    assert_eq!(p.message, "\"teleportation\" is not in the tag vocabulary");
    madrid_still_loads(&l);

    let l = with_first(|p| p["tags"] = json!([]));
    assert_eq!(only_problem(&l, "pairings[0] (rome--yantai)", "tags").message, "needs at least one tag");
    madrid_still_loads(&l);
}

#[test]
fn empty_or_blank_names_and_topics_are_reported() {
    for (side, value) in [("eu", ""), ("partner", "   "), ("eu", "\u{a0}\t")] {
        let l = with_first(|p| p[side]["name"] = json!(value));
        let p = only_problem(&l, "pairings[0] (rome--yantai)", &format!("{side}.name"));
        assert_eq!(p.message, "is empty");
        madrid_still_loads(&l);
    }
    let l = with_first(|p| p["topics"] = json!(""));
    assert_eq!(only_problem(&l, "pairings[0] (rome--yantai)", "topics").message, "is empty");

    let l = with_first(|p| p["partner"]["places"] = json!([{"name": "", "lat": 37.4, "lon": 121.4}]));
    assert_eq!(only_problem(&l, "pairings[0] (rome--yantai)", "partner.places[0].name").message, "is empty");
}

#[test]
fn control_characters_in_text_are_reported() {
    let l = with_first(|p| p["eu"]["name"] = json!("Ro\u{0007}me"));
    assert_eq!(only_problem(&l, "pairings[0] (rome--yantai)", "eu.name").message, "contains control characters");
    madrid_still_loads(&l);
}

#[test]
fn a_partner_in_the_wrong_region_is_reported() {
    let l = with_first(|p| p["region"] = json!("north-america"));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "region");
    assert_eq!(p.message, "is \"north-america\" but China is in \"asia\"");
    madrid_still_loads(&l);

    // A partner in an EU member state is not in any partner region.
    let l = with_first(|p| {
        p["partner"] = json!({"name": "Madrid", "country": "ES", "lat": 40.42, "lon": -3.70});
    });
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "partner.country");
    assert_eq!(p.message, "Spain is not a partner-region country");
}

#[test]
fn an_eu_side_outside_the_eu_is_reported() {
    let l = with_first(|p| p["eu"] = json!({"name": "Kunming", "country": "CN", "lat": 25.04, "lon": 102.72}));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "eu.country");
    assert_eq!(p.message, "China was not an EU member state");
    madrid_still_loads(&l);
}

#[test]
fn an_empty_pairings_array_is_reported() {
    let mut v = base();
    v["pairings"] = json!([]);
    let l = load_value(&v);
    assert_eq!(only_problem(&l, "file", "pairings").message, "is empty: there is nothing to show");
    assert_eq!(l.records_in_file, 0);
    assert_eq!(l.dataset.countries.len(), 4, "the vocabulary still loads");
}

#[test]
fn markup_in_a_name_is_plain_text() {
    let name = "<script>alert('x')</script> & <b>Rome</b>";
    let l = with_first(|p| p["eu"]["name"] = json!(name));
    assert!(l.is_clean(), "{:#?}", l.problems);
    assert_eq!(l.dataset.pairings[0].eu.name, name, "kept byte for byte, not escaped or stripped");
}

#[test]
fn a_ten_megabyte_string_is_reported_as_too_long() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let l = with_first(|p| p["topics"] = json!(huge));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "topics");
    assert_eq!(p.message, format!("is {} bytes long; the limit is {MAX_TEXT}", huge.len()));
    madrid_still_loads(&l);

    // A huge id, name or country code is not echoed back in full.
    let l = with_first(|p| {
        p["id"] = json!(huge);
        p["partner"]["country"] = json!(huge);
    });
    assert!(l.problems.len() >= 2, "{}", l.problems.len());
    for p in &l.problems {
        assert!(p.to_string().len() < 500, "a problem of {} bytes", p.to_string().len());
    }
    madrid_still_loads(&l);
}

#[test]
fn a_ten_megabyte_string_of_the_wrong_type_is_not_echoed_back() {
    let huge = "y".repeat(10 * 1024 * 1024);
    let l = with_first(|p| p["eu"]["lat"] = json!(huge));
    let p = only_problem(&l, "pairings[0] (rome--yantai)", "");
    assert!(p.message.starts_with("cannot be read: invalid type: string"), "{}", &p.message[..80]);
    assert!(p.message.len() < 500, "the message is {} bytes", p.message.len());
    madrid_still_loads(&l);
}

#[test]
fn huge_vocabulary_text_is_reported_and_not_echoed_back() {
    let huge = "Z".repeat(10 * 1024 * 1024);
    let mut v = base();
    v["countries"][2]["name"] = json!(huge);
    v["pairings"][0]["region"] = json!("north-america");
    let l = load_value(&v);
    assert!(
        l.problems
            .iter()
            .any(|p| p.location == "countries[2] (CN)" && p.field == "name" && p.message.contains("bytes")),
        "{:?}",
        l.problems.iter().map(|p| p.to_string().chars().take(120).collect::<String>()).collect::<Vec<_>>()
    );
    for p in &l.problems {
        assert!(p.to_string().len() < 500, "a problem of {} bytes", p.to_string().len());
    }
}

#[test]
fn a_hundred_thousand_valid_rows_load() {
    let mut v = base();
    let template = v["pairings"][0].clone();
    let rows: Vec<Value> = (0..100_000)
        .map(|i| {
            let mut r = template.clone();
            r["id"] = json!(format!("city-{i}--partner-{i}"));
            r
        })
        .collect();
    v["pairings"] = Value::Array(rows);
    let text = v.to_string();
    let started = Instant::now();
    let l = load(&text);
    let took = started.elapsed();
    eprintln!("loaded 100,000 pairings ({} MB) in {took:?}", text.len() / 1_000_000);
    assert!(l.is_clean(), "{:?}", l.problems.first());
    assert_eq!(l.dataset.pairings.len(), 100_000);
    assert_eq!(l.records_in_file, 100_000);
}

#[test]
fn every_problem_in_a_bad_file_is_reported_at_once() {
    let mut v = base();
    v["pairings"][0]["eu"]["name"] = json!("");
    v["pairings"][0]["partner"]["lat"] = json!(95.0);
    v["pairings"][0]["tags"] = json!(["nope"]);
    v["pairings"][1]["region"] = json!("asia");
    let l = load_value(&v);
    let fields: Vec<&str> = l.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["eu.name", "partner.lat", "tags", "region"], "{:#?}", l.problems);
    assert!(l.dataset.pairings.is_empty());
    assert_eq!(l.records_in_file, 2);
}

#[test]
fn an_unusable_country_name_is_reported_and_replaced_by_its_code_keeping_the_pairings() {
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/pairings.json")).unwrap(),
    )
    .unwrap();
    let countries = v["countries"].as_array_mut().unwrap();
    let k = countries.iter().position(|c| c["code"] == "IT").unwrap();
    countries[k]["name"] = serde_json::Value::String("Italia ".repeat(1_000));
    let loaded = iuc_core::dataset::load(&v.to_string());
    assert!(loaded.problems.iter().any(|p| p.location.starts_with(&format!("countries[{k}]")) && p.field == "name"));
    assert_eq!(loaded.dataset.country_name("IT"), "IT");
    assert_eq!(loaded.dataset.pairings.len(), 55, "the Italian pairings still load");
}

#[test]
fn the_fingerprint_follows_the_files_exact_bytes() {
    let a = r#"{"schema_version": 1}"#;
    let b = r#"{"schema_version":  1}"#;
    assert_eq!(iuc_core::dataset::fingerprint(a), iuc_core::dataset::fingerprint(a));
    assert_ne!(iuc_core::dataset::fingerprint(a), iuc_core::dataset::fingerprint(b));
    assert_eq!(iuc_core::dataset::fingerprint(a).len(), 16);
    // `load` stamps the dataset with it, valid or not.
    assert_eq!(iuc_core::dataset::load(b).fingerprint, iuc_core::dataset::fingerprint(b));
    assert_eq!(iuc_core::dataset::load("not json").fingerprint, iuc_core::dataset::fingerprint("not json"));
}
