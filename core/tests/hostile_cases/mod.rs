//! Malformed variants of `public/data/pairings.json`, generated deterministically from the shipped
//! file, each with what loading it must give.
//!
//! Shared by the native tests (`core/tests/hostile.rs`) and the browser tests
//! (`tests/e2e/tests/hostile.rs`, which includes this file with `#[path]`), so both check the same
//! inputs. Only `serde_json` is used here.
//!
//! A body is bytes, as served; its expectation is for the text a browser's `fetch().text()` makes
//! of it (UTF-8 decoding that drops a leading byte-order mark and replaces invalid sequences), see
//! [`as_fetched`].

#![allow(dead_code)]

use serde_json::{json, Value};

/// The shipped dataset.
pub const SHIPPED: &str = include_str!("../../../public/data/pairings.json");

/// The script the injection payloads try to run; the browser test checks it never ran.
pub const TRAP: &str = "window.__pwned=1";
/// An image whose error handler springs the trap.
pub const IMG_PAYLOAD: &str = "<img src=x onerror=\"window.__pwned=1\">";
/// A script element that springs the trap.
pub const SCRIPT_PAYLOAD: &str = "<script>window.__pwned=1</script>";
/// A link target that would spring the trap if it became an `href`.
pub const JS_URL_PAYLOAD: &str = "javascript:window.__pwned=1";
/// An SVG whose load handler springs the trap, after breaking out of an attribute.
pub const SVG_PAYLOAD: &str = "\"><svg onload=\"window.__pwned=1\"></svg>";

/// Ten million bytes.
pub const TEN_MB: usize = 10_000_000;

/// What loading a variant must give.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// No problem, and this many pairings.
    Clean { valid: usize },
    /// This many valid pairings, and among the problems at least one whose location starts with
    /// `location`, whose field is `field` and whose message contains `message`.
    Problems { valid: usize, location: String, field: &'static str, message: &'static str },
}

impl Expect {
    /// How many pairings must load.
    pub fn valid(&self) -> usize {
        match self {
            Expect::Clean { valid } | Expect::Problems { valid, .. } => *valid,
        }
    }

    /// Whether a list of problems must be shown.
    pub fn has_problems(&self) -> bool {
        matches!(self, Expect::Problems { .. })
    }
}

/// One hostile input.
pub struct Case {
    /// A short, unique, file-name-safe name.
    pub name: String,
    /// The bytes served as `data/pairings.json`.
    pub body: Vec<u8>,
    pub expect: Expect,
    /// Part of the subset the browser test serves.
    pub browser: bool,
    /// Text that must appear verbatim (as text, not markup) in the loaded data, e.g. a payload.
    pub verbatim: Option<String>,
}

/// What a browser's `Response.text()` makes of `bytes`: UTF-8, a leading BOM dropped, invalid
/// sequences replaced by U+FFFD.
pub fn as_fetched(bytes: &[u8]) -> String {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(b).into_owned()
}

/// The shipped dataset as JSON.
pub fn base() -> Value {
    serde_json::from_str(SHIPPED).expect("the shipped dataset is JSON")
}

/// How many pairings the shipped dataset has.
pub fn base_len() -> usize {
    base()["pairings"].as_array().map(Vec::len).unwrap_or(0)
}

fn bytes(v: &Value) -> Vec<u8> {
    v.to_string().into_bytes()
}

/// The shipped dataset after `edit`.
fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v = base();
    edit(&mut v);
    bytes(&v)
}

/// The shipped dataset after `edit` to its first pairing.
fn first(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    edited(|v| edit(&mut v["pairings"][0]))
}

/// The shipped text with the first occurrence of `from` replaced by `to` (for things `Value`
/// cannot hold: `NaN`, huge exponents, raw escapes).
fn patched(from: &str, to: &str) -> Vec<u8> {
    let text = base().to_string();
    assert!(text.contains(from), "the shipped data has no {from:?}");
    text.replacen(from, to, 1).into_bytes()
}

/// The first pairing's id, as `load` prints it in locations.
fn first_loc() -> String {
    let id = base()["pairings"][0]["id"].as_str().unwrap_or("").to_string();
    format!("pairings[0] ({id})")
}

/// A text value of the first pairing as it appears in the serialized file (for [`patched`]).
fn first_eu_name() -> String {
    base()["pairings"][0]["eu"]["name"].as_str().unwrap_or("").to_string()
}

fn first_lat() -> String {
    base()["pairings"][0]["eu"]["lat"].to_string()
}

/// A valid pairing record number `k`, made from the shipped pairing `k % n` with a new id (and
/// without the optional populations and member places, to keep 100,000 of them near 30 MB).
fn cycled(base: &[Value], k: usize) -> Value {
    let mut p = base[k % base.len()].clone();
    let id = format!("{}-{k}", p["id"].as_str().unwrap_or("p"));
    p["id"] = json!(id);
    for side in ["eu", "partner"] {
        if let Some(o) = p[side].as_object_mut() {
            o.remove("population");
            o.remove("places");
        }
    }
    p
}

/// How many shipped pairings use the country at `countries[i]`.
fn uses_country(i: usize) -> usize {
    let v = base();
    let code = v["countries"][i]["code"].clone();
    v["pairings"]
        .as_array()
        .map(|ps| ps.iter().filter(|p| p["eu"]["country"] == code || p["partner"]["country"] == code).count())
        .unwrap_or(0)
}

/// Valid JSON but for one trailing comma at the end of the `pairings` array.
fn trailing_comma() -> Vec<u8> {
    let mut v = base();
    let ps = v["pairings"].take();
    if let Some(o) = v.as_object_mut() {
        o.remove("pairings");
    }
    let head = v.to_string();
    let items: Vec<String> = ps.as_array().map(|a| a.iter().map(Value::to_string).collect()).unwrap_or_default();
    let head = head.strip_suffix('}').unwrap_or(&head);
    format!("{head},\"pairings\":[{},]}}", items.join(",")).into_bytes()
}

/// `n` valid pairings, cycling through the shipped ones with new ids.
pub fn many(n: usize) -> Vec<u8> {
    edited(|v| {
        let ps = v["pairings"].as_array().cloned().unwrap_or_default();
        v["pairings"] = Value::Array((0..n).map(|k| cycled(&ps, k)).collect());
    })
}

fn problems(valid: usize, location: impl Into<String>, field: &'static str, message: &'static str) -> Expect {
    Expect::Problems { valid, location: location.into(), field, message }
}

fn not_json() -> Expect {
    problems(0, "file", "", "is not valid JSON")
}

fn unreadable_first(n: usize) -> Expect {
    problems(n - 1, first_loc(), "", "cannot be read")
}

/// Every variant. Deterministic: the same list every run.
pub fn cases() -> Vec<Case> {
    let n = base_len();
    let shipped = base().to_string();
    let mut v: Vec<Case> = Vec::new();
    let mut add = |name: &str, browser: bool, body: Vec<u8>, expect: Expect| {
        v.push(Case { name: name.to_string(), body, expect, browser, verbatim: None });
    };

    // ── Broken JSON ──
    add("empty-file", true, Vec::new(), not_json());
    add("whitespace-only", false, b" \n\t ".to_vec(), not_json());
    add("truncated-half", true, shipped.as_bytes()[..shipped.len() / 2].to_vec(), not_json());
    add("truncated-after-bracket", false, b"{\"schema_version\": 1, \"pairings\": [".to_vec(), not_json());
    add("trailing-comma-array", true, trailing_comma(), not_json());
    add("trailing-comma-object", false, patched("\"schema_version\":1", "\"schema_version\":1,}"), not_json());
    add("single-quotes", false, shipped.replacen('"', "'", 2).into_bytes(), not_json());
    add("comment", false, format!("// data\n{shipped}").into_bytes(), not_json());
    add("two-documents", false, format!("{shipped}{shipped}").into_bytes(), not_json());
    // A UTF-8 byte-order mark is dropped by the browser's decoding: the file loads.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(shipped.as_bytes());
    add("utf8-bom", true, bom, Expect::Clean { valid: n });
    // UTF-16 is not UTF-8: NUL bytes everywhere.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(shipped.encode_utf16().flat_map(u16::to_le_bytes));
    add("utf16le-bom", true, utf16, not_json());
    let utf16be: Vec<u8> = shipped.encode_utf16().flat_map(u16::to_be_bytes).collect();
    add("utf16be-no-bom", false, utf16be, not_json());
    add("nul-bytes", false, vec![0; 64], not_json());
    add(
        "random-binary",
        false,
        (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(),
        not_json(),
    );

    // ── Not an object ──
    add("null", true, b"null".to_vec(), problems(0, "file", "", "must be a JSON object, found null"));
    add("array-root", true, b"[]".to_vec(), problems(0, "file", "", "found an array"));
    add("pairings-array-root", false, bytes(&base()["pairings"]), problems(0, "file", "", "found an array"));
    add("string-root", false, b"\"pairings\"".to_vec(), problems(0, "file", "", "found a string"));
    add("number-root", false, b"42".to_vec(), problems(0, "file", "", "found a number"));
    add("bool-root", false, b"true".to_vec(), problems(0, "file", "", "found a boolean"));

    // ── Deep nesting (serde_json's recursion limit: an error, not a stack overflow) ──
    add("deep-arrays-open", true, vec![b'['; 10_000], not_json());
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    add("deep-arrays-closed-in-title", false, patched("\"title\":", &format!("\"title\":{deep},\"x\":")), not_json());
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    add("deep-objects", false, deep_obj.into_bytes(), not_json());

    // ── Numbers JSON cannot hold or Rust cannot represent ──
    let lat = first_lat();
    let lat_key = format!("\"lat\":{lat}");
    add("nan-literal", false, patched(&lat_key, "\"lat\":NaN"), not_json());
    add("infinity-literal", false, patched(&lat_key, "\"lat\":Infinity"), not_json());
    add("huge-exponent", true, patched(&lat_key, "\"lat\":1e400"), not_json());
    add("huge-negative-exponent", false, patched(&lat_key, "\"lat\":-1e400"), not_json());
    // 1e-400 rounds to 0: a point at 0° latitude, far outside the country.
    add("tiny-exponent", false, patched(&lat_key, "\"lat\":1e-400"), problems(n - 1, first_loc(), "eu.lat", "outside"));
    add(
        "lat-1e308",
        false,
        patched(&lat_key, "\"lat\":1e308"),
        problems(n - 1, first_loc(), "eu.lat", "is not a latitude"),
    );
    add(
        "huge-integer-population",
        false,
        first(|p| p["partner"]["population"] = json!({"value": 1e30, "source": "x"})),
        unreadable_first(n),
    );

    // ── Strings ──
    let name_key = format!("\"name\":{}", json!(first_eu_name()));
    add("lone-high-surrogate", true, patched(&name_key, "\"name\":\"a\\ud800b\""), not_json());
    add("lone-low-surrogate", false, patched(&name_key, "\"name\":\"\\udc00\""), not_json());
    add("raw-control-char", false, patched(&name_key, "\"name\":\"a\u{1}b\""), not_json());
    add(
        "escaped-nul",
        false,
        patched(&name_key, "\"name\":\"a\\u0000b\""),
        problems(n - 1, first_loc(), "eu.name", "control characters"),
    );
    add(
        "escaped-bell-in-topics",
        false,
        first(|p| p["topics"] = json!("mobility\u{7}")),
        problems(n - 1, first_loc(), "topics", "control characters"),
    );
    // Invalid UTF-8 becomes U+FFFD: ordinary text.
    let mut bad_utf8 = shipped.clone().into_bytes();
    if let Some(at) = shipped.find(&name_key) {
        bad_utf8[at + "\"name\":\"".len()] = 0xFF;
    }
    add("invalid-utf8-in-name", false, bad_utf8, Expect::Clean { valid: n });
    add(
        "empty-name",
        false,
        first(|p| p["eu"]["name"] = json!("")),
        problems(n - 1, first_loc(), "eu.name", "is empty"),
    );
    add(
        "blank-topics",
        false,
        first(|p| p["topics"] = json!(" \u{a0} ")),
        problems(n - 1, first_loc(), "topics", "is empty"),
    );

    // ── Wrong types ──
    add("id-number", false, first(|p| p["id"] = json!(17)), problems(n - 1, "pairings[0]", "", "cannot be read"));
    add("eu-name-number", true, first(|p| p["eu"]["name"] = json!(3.5)), unreadable_first(n));
    add("eu-side-string", false, first(|p| p["eu"] = json!("Rome")), unreadable_first(n));
    add("lat-string", false, first(|p| p["eu"]["lat"] = json!("41.9")), unreadable_first(n));
    add("lon-null", false, first(|p| p["partner"]["lon"] = Value::Null), unreadable_first(n));
    add("tags-string", false, first(|p| p["tags"] = json!("mobility")), unreadable_first(n));
    add("tags-numbers", false, first(|p| p["tags"] = json!([1, 2])), unreadable_first(n));
    add("region-number", false, first(|p| p["region"] = json!(1)), unreadable_first(n));
    add("topics-array", false, first(|p| p["topics"] = json!(["a", "b"])), unreadable_first(n));
    add(
        "population-negative",
        false,
        first(|p| p["partner"]["population"] = json!({"value": -5, "source": "x"})),
        unreadable_first(n),
    );
    add("places-object", false, first(|p| p["eu"]["places"] = json!({})), unreadable_first(n));
    add(
        "record-string",
        false,
        edited(|v| v["pairings"][0] = json!("rome--yantai")),
        problems(n - 1, "pairings[0]", "", "cannot be read"),
    );
    add(
        "record-null",
        false,
        edited(|v| v["pairings"][0] = Value::Null),
        problems(n - 1, "pairings[0]", "", "cannot be read"),
    );
    add(
        "pairings-object",
        true,
        edited(|v| v["pairings"] = json!({})),
        problems(0, "file", "pairings", "must be an array"),
    );
    add(
        "countries-string",
        false,
        edited(|v| v["countries"] = json!("all")),
        problems(0, "file", "countries", "must be an array"),
    );
    add(
        "schema-version-string",
        false,
        edited(|v| v["schema_version"] = json!("1")),
        problems(n, "file", "schema_version", "must be an integer"),
    );
    add(
        "schema-version-2",
        false,
        edited(|v| v["schema_version"] = json!(2)),
        problems(n, "file", "schema_version", "this app reads version 1"),
    );
    add(
        "country-entry-number",
        false,
        edited(|v| v["countries"][0] = json!(5)),
        problems(n - uses_country(0), "countries[0]", "", "cannot be read"),
    );

    // ── Missing fields ──
    let remove = |path: &'static [&'static str]| {
        first(move |p| {
            let mut cur = p;
            for k in &path[..path.len() - 1] {
                cur = &mut cur[*k];
            }
            if let Some(o) = cur.as_object_mut() {
                o.remove(path[path.len() - 1]);
            }
        })
    };
    add("missing-id", false, remove(&["id"]), problems(n - 1, "pairings[0]", "", "missing field `id`"));
    add("missing-eu", false, remove(&["eu"]), unreadable_first(n));
    add("missing-partner-lat", false, remove(&["partner", "lat"]), unreadable_first(n));
    add("missing-region", false, remove(&["region"]), unreadable_first(n));
    add("missing-tags", false, remove(&["tags"]), unreadable_first(n));
    add(
        "missing-pairings",
        false,
        edited(|v| {
            v.as_object_mut().map(|o| o.remove("pairings"));
        }),
        problems(0, "file", "pairings", "is missing"),
    );
    add(
        "missing-countries",
        true,
        edited(|v| {
            v.as_object_mut().map(|o| o.remove("countries"));
        }),
        problems(0, "file", "countries", "is missing"),
    );

    // ── Duplicates ──
    let second_id = base()["pairings"][1]["id"].as_str().unwrap_or("").to_string();
    let first_id = base()["pairings"][0]["id"].as_str().unwrap_or("").to_string();
    add(
        "duplicate-id",
        true,
        edited(|v| v["pairings"][1]["id"] = json!(first_id)),
        problems(n - 1, "pairings[1]", "id", "is used by an earlier pairing"),
    );
    let _ = second_id;
    add(
        "every-pairing-twice",
        false,
        edited(|v| {
            let ps = v["pairings"].as_array().cloned().unwrap_or_default();
            let mut both = ps.clone();
            both.extend(ps);
            v["pairings"] = Value::Array(both);
        }),
        problems(n, format!("pairings[{n}]"), "id", "is used by an earlier pairing"),
    );
    add(
        "duplicate-country",
        false,
        edited(|v| {
            let c = v["countries"][0].clone();
            if let Some(a) = v["countries"].as_array_mut() {
                a.push(c);
            }
        }),
        problems(n, "countries[", "code", "is listed twice"),
    );

    // ── Coordinates ──
    add(
        "lat-91",
        false,
        first(|p| p["eu"]["lat"] = json!(91.0)),
        problems(n - 1, first_loc(), "eu.lat", "is not a latitude"),
    );
    add(
        "lon-minus-181",
        true,
        first(|p| p["partner"]["lon"] = json!(-181.0)),
        problems(n - 1, first_loc(), "partner.lon", "is not a longitude"),
    );
    add(
        "lat-lon-swapped",
        false,
        first(|p| {
            let (a, b) = (p["partner"]["lat"].clone(), p["partner"]["lon"].clone());
            p["partner"]["lat"] = b;
            p["partner"]["lon"] = a;
        }),
        problems(n - 1, first_loc(), "partner.lat", "is not a latitude"),
    );
    add(
        "place-lat-out-of-range",
        false,
        first(|p| p["eu"]["places"] = json!([{"name": "X", "lat": -95.0, "lon": 0.0}])),
        problems(n - 1, first_loc(), "eu.places[0].lat", "is not a latitude"),
    );

    // ── Vocabulary ──
    add(
        "unknown-country",
        false,
        first(|p| p["partner"]["country"] = json!("XX")),
        problems(n - 1, first_loc(), "partner.country", "is not in the country list"),
    );
    add(
        "lower-case-country",
        false,
        first(|p| p["eu"]["country"] = json!("gr")),
        problems(n - 1, first_loc(), "eu.country", "is not in the country list"),
    );
    add(
        "unknown-tag",
        false,
        first(|p| p["tags"] = json!(["time-travel"])),
        problems(n - 1, first_loc(), "tags", "is not in the tag vocabulary"),
    );
    add(
        "no-tags",
        false,
        first(|p| p["tags"] = json!([])),
        problems(n - 1, first_loc(), "tags", "needs at least one tag"),
    );
    add("unknown-region", false, first(|p| p["region"] = json!("europe")), unreadable_first(n));
    add(
        "wrong-region",
        true,
        first(|p| p["region"] = json!("north-america")),
        problems(n - 1, first_loc(), "region", "is \"north-america\""),
    );
    add(
        "eu-side-partner-country",
        false,
        first(|p| p["eu"]["country"] = p["partner"]["country"].clone()),
        problems(n - 1, first_loc(), "eu.country", "was not an EU member state"),
    );
    add(
        "tag-sdg-99",
        false,
        edited(|v| v["tags"][0]["sdgs"] = json!([99])),
        problems(n, "tags[0]", "sdgs", "is not an SDG"),
    );

    // ── Empty arrays ──
    add("no-pairings", true, edited(|v| v["pairings"] = json!([])), problems(0, "file", "pairings", "is empty"));
    add(
        "no-countries",
        false,
        edited(|v| v["countries"] = json!([])),
        problems(0, first_loc(), "eu.country", "is not in the country list"),
    );
    add(
        "no-tags-vocabulary",
        false,
        edited(|v| v["tags"] = json!([])),
        problems(0, first_loc(), "tags", "is not in the tag vocabulary"),
    );
    add("empty-object", false, b"{}".to_vec(), problems(0, "file", "schema_version", "is missing"));
    add(
        "every-record-broken",
        false,
        edited(|v| {
            let k = v["pairings"].as_array().map(Vec::len).unwrap_or(0);
            v["pairings"] = Value::Array((0..k).map(|i| json!({ "id": format!("broken-{i}") })).collect());
        }),
        problems(0, "pairings[0] (broken-0)", "", "cannot be read"),
    );
    add(
        "thousand-broken-records",
        true,
        edited(|v| {
            if let Some(a) = v["pairings"].as_array_mut() {
                a.extend((0..1000).map(|i| json!({ "id": i })));
            }
        }),
        problems(n, format!("pairings[{}]", n + 999), "", "cannot be read"),
    );

    // ── Size ──
    let big = "a".repeat(TEN_MB);
    add(
        "10mb-topics",
        true,
        first(|p| p["topics"] = json!(big)),
        problems(n - 1, first_loc(), "topics", "bytes long; the limit is 2000"),
    );
    add(
        "10mb-eu-name",
        false,
        first(|p| p["eu"]["name"] = json!(big)),
        problems(n - 1, first_loc(), "eu.name", "bytes long"),
    );
    let big_id = "a".repeat(TEN_MB);
    add(
        "10mb-id",
        true,
        first(|p| p["id"] = json!(big_id)),
        problems(n - 1, "pairings[0] (aaaa", "id", "must be lower-case"),
    );
    add(
        "10mb-country-name",
        true,
        edited(|v| {
            let code = v["pairings"][0]["eu"]["country"].clone();
            if let Some(cs) = v["countries"].as_array_mut() {
                for c in cs.iter_mut().filter(|c| c["code"] == code) {
                    c["name"] = json!(big);
                }
            }
        }),
        problems(n, "countries[", "name", "bytes long"),
    );
    add(
        "10mb-alias",
        false,
        edited(|v| {
            if let Some(a) = v["aliases"].as_array_mut() {
                a.push(json!([first_eu_name(), big]));
            }
        }),
        Expect::Clean { valid: n },
    );
    add(
        "10mb-whitespace-before",
        false,
        format!("{}{shipped}", " ".repeat(TEN_MB)).into_bytes(),
        Expect::Clean { valid: n },
    );
    add(
        "id-121-chars",
        false,
        first(|p| p["id"] = json!("a".repeat(121))),
        problems(n - 1, "pairings[0] (aaaa", "id", "must be lower-case"),
    );
    add("id-120-chars", false, first(|p| p["id"] = json!("a".repeat(120))), Expect::Clean { valid: n });
    add("100k-rows", true, many(100_000), Expect::Clean { valid: 100_000 });
    add(
        "unknown-fields-everywhere",
        false,
        edited(|v| {
            v["extra"] = json!({"x": [1, 2]});
            v["pairings"][0]["extra"] = json!(true);
            v["pairings"][0]["eu"]["extra"] = json!(null);
        }),
        Expect::Clean { valid: n },
    );

    // ── Markup and script in text ──
    let xss = |name: &str, browser: bool, payload: &str, edit: &dyn Fn(&mut Value, &str), expect: Expect| {
        let mut val = base();
        edit(&mut val, payload);
        Case { name: name.to_string(), body: bytes(&val), expect, browser, verbatim: Some(payload.to_string()) }
    };
    let clean = Expect::Clean { valid: n };
    let names = |v: &mut Value, s: &str| {
        v["pairings"][0]["eu"]["name"] = json!(s);
        v["pairings"][0]["partner"]["name"] = json!(s);
    };
    v.push(xss("xss-img-in-names", true, IMG_PAYLOAD, &names, clean.clone()));
    let topics = |v: &mut Value, s: &str| {
        v["pairings"][0]["topics"] = json!(format!("mobility {s}"));
        v["pairings"][0]["eu"]["name"] = json!(format!("Athens {s}"));
    };
    v.push(xss("xss-script-in-topics", true, SCRIPT_PAYLOAD, &topics, clean.clone()));
    let js_url = |v: &mut Value, s: &str| {
        v["pairings"][0]["eu"]["name"] = json!(s);
        v["pairings"][0]["partner"]["name"] = json!(s);
        v["pairings"][0]["topics"] = json!(s);
    };
    v.push(xss("xss-javascript-url-in-names", true, JS_URL_PAYLOAD, &js_url, clean.clone()));
    let vocabulary = |v: &mut Value, s: &str| {
        let code = v["pairings"][0]["eu"]["country"].clone();
        if let Some(cs) = v["countries"].as_array_mut() {
            for c in cs.iter_mut().filter(|c| c["code"] == code) {
                c["name"] = json!(s);
            }
        }
        let tag = v["pairings"][0]["tags"][0].clone();
        if let Some(ts) = v["tags"].as_array_mut() {
            for t in ts.iter_mut().filter(|t| t["id"] == tag) {
                t["label"] = json!(s);
            }
        }
        if let Some(pl) = v["pairings"][0]["eu"]["places"].get_mut(0) {
            pl["name"] = json!(s);
        }
        v["sources"][0]["name"] = json!(s);
        v["title"] = json!(s);
    };
    v.push(xss("xss-svg-in-vocabulary", true, SVG_PAYLOAD, &vocabulary, clean.clone()));
    let id = |v: &mut Value, s: &str| v["pairings"][0]["id"] = json!(s);
    v.push(xss(
        "xss-img-in-id",
        true,
        IMG_PAYLOAD,
        &id,
        problems(n - 1, "pairings[0] (<img", "id", "must be lower-case"),
    ));
    let code = |v: &mut Value, s: &str| v["pairings"][0]["partner"]["country"] = json!(s);
    let mut c = xss(
        "xss-img-in-country-code",
        false,
        IMG_PAYLOAD,
        &code,
        problems(n - 1, first_loc(), "partner.country", "is not in the country list"),
    );
    // The problem quotes only the code's first 20 characters.
    c.verbatim = Some(IMG_PAYLOAD.chars().take(20).collect());
    v.push(c);
    let source = |v: &mut Value, s: &str| v["pairings"][0]["partner"]["population"] = json!({"value": 5, "source": s});
    v.push(xss("xss-img-in-population-source", false, IMG_PAYLOAD, &source, clean.clone()));
    let alias = |v: &mut Value, s: &str| {
        if let Some(a) = v["aliases"].as_array_mut() {
            a.push(json!([first_eu_name(), s]));
        }
    };
    v.push(xss("xss-in-alias", false, IMG_PAYLOAD, &alias, clean));
    v
}
