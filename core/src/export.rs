//! Exports of the selected pairings: CSV for spreadsheets, JSON in the dataset's own schema,
//! GeoJSON for GIS tools.

use crate::dataset::{Dataset, Pairing};
use crate::geo::{arc_lon_lat, arc_steps};
use crate::search::distance_km;
use serde_json::{json, Value};

/// The CSV header row.
pub const CSV_COLUMNS: [&str; 13] = [
    "id",
    "EU city",
    "EU country",
    "partner city",
    "partner country",
    "region",
    "topics",
    "tags",
    "EU lat",
    "EU lon",
    "partner lat",
    "partner lon",
    "distance km",
];

/// The pairings at `rows` (indices into `ds.pairings`; out-of-range ones are skipped) as CSV.
///
/// * UTF-8 with a byte-order mark, so spreadsheet apps detect the encoding ("Malmö" stays
///   "Malmö" in Excel).
/// * RFC 4180: CRLF line ends; a field containing a comma, a quote, CR or LF is quoted, with its
///   quotes doubled.
/// * Safe against formula injection (OWASP "CSV Injection"): a text cell that starts with `=`,
///   `+`, `-`, `@`, a tab or CR gets a leading `'`, so no spreadsheet evaluates it. Number cells
///   are written by this function (coordinates, distance) and left as numbers.
/// * Countries and the region are written as English names, tags as labels joined by "; ", the
///   distance in whole kilometres.
pub fn to_csv(ds: &Dataset, rows: &[usize]) -> String {
    let mut out = String::from("\u{feff}");
    write_row(&mut out, CSV_COLUMNS.iter().map(|c| text_cell(c)));
    for p in rows.iter().filter_map(|&r| ds.pairings.get(r)) {
        let tags = p.tags.iter().map(|t| ds.tag_label(t)).collect::<Vec<_>>().join("; ");
        let cells = [
            text_cell(&p.id),
            text_cell(&p.eu.name),
            text_cell(ds.country_name(&p.eu.country)),
            text_cell(&p.partner.name),
            text_cell(ds.country_name(&p.partner.country)),
            text_cell(p.region.label()),
            text_cell(&p.topics),
            text_cell(&tags),
            number_cell(p.eu.lat),
            number_cell(p.eu.lon),
            number_cell(p.partner.lat),
            number_cell(p.partner.lon),
            distance_cell(p),
        ];
        write_row(&mut out, cells.into_iter());
    }
    out
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&c);
    }
    out.push_str("\r\n");
}

/// A text cell: guarded against formula injection, then quoted if needed.
fn text_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    quote(&guarded)
}

/// RFC 4180 quoting.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A coordinate, at full precision; empty when not finite.
fn number_cell(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        String::new()
    }
}

fn distance_cell(p: &Pairing) -> String {
    let d = distance_km(p);
    if d.is_finite() {
        format!("{:.0}", d.round())
    } else {
        String::new()
    }
}

/// The pairings at `rows` (out-of-range indices skipped) as a pretty-printed JSON array of
/// pairing objects, in the same schema as the dataset file's `pairings`.
pub fn to_json(ds: &Dataset, rows: &[usize]) -> String {
    let selected: Vec<&Pairing> = rows.iter().filter_map(|&r| ds.pairings.get(r)).collect();
    // Serializing plain data with string keys cannot fail; fall back to an empty array anyway.
    serde_json::to_string_pretty(&selected).unwrap_or_else(|_| "[]".to_string())
}

/// Decimal places of GeoJSON coordinates: 5 is about a metre, more than city points need
/// (RFC 7946 §11.2 advises at most 6).
const GEOJSON_DECIMALS: f64 = 1e5;

fn position((lon, lat): (f64, f64)) -> Value {
    json!([(lon * GEOJSON_DECIMALS).round() / GEOJSON_DECIMALS, (lat * GEOJSON_DECIMALS).round() / GEOJSON_DECIMALS])
}

/// The pairings at `rows` (out-of-range indices skipped) as a GeoJSON FeatureCollection
/// (RFC 7946), for GIS tools (QGIS, kepler.gl, Datawrapper's locator maps):
///
/// * one Feature per pairing, with the great-circle arc between its two cities as a LineString
///   of `[lon, lat]` positions (WGS84), or a MultiLineString cut at ±180° where it crosses the
///   antimeridian (§3.1.9);
/// * properties: `id`, both cities and countries (ISO code and English name), `region`, `topics`
///   as published, `tags` (labels joined by "; ", as in the CSV), `tag_ids`, `distance_km`;
/// * with `cities`, a Point Feature for each city too (`kind` "eu-city" or "partner-city",
///   `pairing` its pairing's id); the arcs have `kind` "pairing".
///
/// A pairing with a non-finite coordinate has no geometry (`null`, as §3.2 allows).
pub fn to_geojson(ds: &Dataset, rows: &[usize], cities: bool) -> String {
    let mut features = Vec::new();
    for p in rows.iter().filter_map(|&r| ds.pairings.get(r)) {
        let (a, b) = ((p.eu.lon, p.eu.lat), (p.partner.lon, p.partner.lat));
        let lines: Vec<Value> = arc_lon_lat(a, b, arc_steps(a, b))
            .into_iter()
            .map(|seg| Value::Array(seg.into_iter().map(position).collect()))
            .collect();
        let geometry = match lines.len() {
            0 => Value::Null,
            1 => json!({ "type": "LineString", "coordinates": lines[0] }),
            _ => json!({ "type": "MultiLineString", "coordinates": lines }),
        };
        let tags: Vec<&str> = p.tags.iter().map(|t| ds.tag_label(t)).collect();
        let distance = distance_km(p);
        features.push(json!({
            "type": "Feature",
            "id": p.id,
            "geometry": geometry,
            "properties": {
                "kind": "pairing",
                "id": p.id,
                "eu_city": p.eu.name,
                "eu_country": p.eu.country,
                "eu_country_name": ds.country_name(&p.eu.country),
                "partner_city": p.partner.name,
                "partner_country": p.partner.country,
                "partner_country_name": ds.country_name(&p.partner.country),
                "region": p.region.id(),
                "topics": p.topics,
                "tags": tags.join("; "),
                "tag_ids": p.tags,
                "distance_km": if distance.is_finite() { json!(distance.round()) } else { Value::Null },
            },
        }));
        if cities {
            for (kind, side) in [("eu-city", &p.eu), ("partner-city", &p.partner)] {
                let finite = side.lon.is_finite() && side.lat.is_finite();
                features.push(json!({
                    "type": "Feature",
                    "geometry": if finite { json!({ "type": "Point", "coordinates": position((side.lon, side.lat)) }) } else { Value::Null },
                    "properties": {
                        "kind": kind,
                        "pairing": p.id,
                        "name": side.name,
                        "country": side.country,
                        "country_name": ds.country_name(&side.country),
                    },
                }));
            }
        }
    }
    json!({ "type": "FeatureCollection", "features": features }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Region;
    use crate::search::testdata::{pairing, sample, side};

    /// A minimal RFC 4180 reader, to check what a spreadsheet would see.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(cell.is_empty() && row.is_empty(), "the file ends with CRLF");
        rows
    }

    #[test]
    fn csv_has_bom_header_and_one_row_per_pairing() {
        let ds = sample();
        let csv = to_csv(&ds, &[0, 2, 99]);
        assert!(csv.starts_with('\u{feff}'));
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        assert_eq!(rows.len(), 3, "header + 2 (index 99 skipped)");
        assert_eq!(rows[0], CSV_COLUMNS);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        let malmo = &rows[1];
        assert_eq!(&malmo[1..6], ["Malmö", "Sweden", "Ottawa", "Canada", "North America"]);
        assert_eq!(malmo[7], "Smart cities");
        assert_eq!(malmo[8].parse::<f64>().ok(), Some(ds.pairings[0].eu.lat));
        assert_eq!(malmo[12], format!("{:.0}", distance_km(&ds.pairings[0])));
        assert_eq!(rows[2][7], "Economic growth; Climate");
        // A negative coordinate is a number, not a guarded text cell.
        assert_eq!(malmo[11], "-75.7");
    }

    #[test]
    fn csv_quotes_fields_with_commas_quotes_and_newlines() {
        let mut ds = sample();
        ds.pairings[0].topics = "water, \"waste\"\nand more".into();
        let csv = to_csv(&ds, &[0, 8]);
        assert!(csv.contains(",\"water, \"\"waste\"\"\nand more\","), "{csv}");
        assert!(csv.contains(",\"Austin, Texas\","));
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        assert_eq!(rows[1][6], "water, \"waste\"\nand more");
        assert_eq!(rows[2][3], "Austin, Texas");
    }

    #[test]
    fn csv_guards_against_formula_injection() {
        let mut ds = sample();
        let evil = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];
        ds.pairings = evil
            .iter()
            .map(|e| {
                pairing(
                    side(e, "SE", 55.6, 13.0),
                    side("Ottawa", "CA", 45.4, -75.7),
                    Region::NorthAmerica,
                    e,
                    &["water"],
                )
            })
            .collect();
        let csv = to_csv(&ds, &[0, 1, 2, 3, 4, 5]);
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        for (row, e) in rows[1..].iter().zip(evil) {
            assert_eq!(row[1], format!("'{e}"));
            assert_eq!(row[6], format!("'{e}"));
        }
        // Harmless text is left alone.
        assert_eq!(rows[1][3], "Ottawa");
    }

    #[test]
    fn json_round_trips_through_serde() {
        let ds = sample();
        let json = to_json(&ds, &[3, 0, 42]);
        assert!(json.contains("\n  {"), "pretty-printed");
        let back: Vec<Pairing> = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, vec![ds.pairings[3].clone(), ds.pairings[0].clone()]);
        assert_eq!(to_json(&ds, &[]), "[]");
    }

    /// RFC 7946's structure, as far as these exports use it: a FeatureCollection of Features whose
    /// geometry is null, a Point, a LineString (at least two positions) or a MultiLineString, with
    /// `[lon, lat]` positions in range and no segment jumping across the antimeridian.
    fn check_geojson(text: &str) -> Value {
        let v: Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(v["type"], "FeatureCollection");
        assert!(v.get("crs").is_none(), "RFC 7946 has no crs member");
        let position = |p: &Value| {
            let a = p.as_array().expect("a position is an array");
            assert_eq!(a.len(), 2, "[lon, lat]: {p}");
            let (lon, lat) = (a[0].as_f64().expect("lon"), a[1].as_f64().expect("lat"));
            assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat), "{p}");
            (lon, lat)
        };
        let line = |l: &Value| {
            let pts: Vec<(f64, f64)> = l.as_array().expect("a line is an array").iter().map(position).collect();
            assert!(pts.len() >= 2, "a LineString has two positions or more");
            for w in pts.windows(2) {
                assert!((w[1].0 - w[0].0).abs() < 180.0, "a segment jumps across the antimeridian: {w:?}");
            }
            pts
        };
        for f in v["features"].as_array().expect("features") {
            assert_eq!(f["type"], "Feature");
            assert!(f["properties"].is_object() || f["properties"].is_null());
            let g = &f["geometry"];
            match g["type"].as_str() {
                None => assert!(g.is_null(), "{g}"),
                Some("Point") => {
                    position(&g["coordinates"]);
                }
                Some("LineString") => {
                    line(&g["coordinates"]);
                }
                Some("MultiLineString") => {
                    let parts = g["coordinates"].as_array().expect("parts");
                    assert!(parts.len() >= 2);
                    parts.iter().for_each(|l| {
                        line(l);
                    });
                }
                Some(t) => panic!("unexpected geometry {t}"),
            }
        }
        v
    }

    #[test]
    fn geojson_has_one_arc_per_pairing_from_city_to_city() {
        let ds = sample();
        let v = check_geojson(&to_geojson(&ds, &[0, 3, 99], false));
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 2, "index 99 skipped");
        let malmo = &features[0];
        assert_eq!(malmo["id"], ds.pairings[0].id.as_str());
        let props = &malmo["properties"];
        assert_eq!(props["eu_city"], "Malmö");
        assert_eq!(props["eu_country"], "SE");
        assert_eq!(props["partner_city"], "Ottawa");
        assert_eq!(props["partner_country_name"], "Canada");
        assert_eq!(props["region"], "north-america");
        assert_eq!(props["tags"], "Smart cities");
        assert_eq!(props["distance_km"], json!(distance_km(&ds.pairings[0]).round()));
        let line = malmo["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(malmo["geometry"]["type"], "LineString");
        assert!(line.len() > 10, "a sampled great circle, not a straight segment");
        let p = &ds.pairings[0];
        assert_eq!(line[0], json!([p.eu.lon, p.eu.lat]), "lon first, then lat");
        assert_eq!(line[line.len() - 1], json!([p.partner.lon, p.partner.lat]));
        // A great circle from Malmö to Ottawa bends north of both ends.
        let max_lat = line.iter().map(|q| q[1].as_f64().unwrap()).fold(f64::MIN, f64::max);
        assert!(max_lat > p.eu.lat + 1.0, "{max_lat}");
        assert_eq!(to_geojson(&ds, &[], false), r#"{"features":[],"type":"FeatureCollection"}"#);
    }

    #[test]
    fn geojson_cuts_an_arc_at_the_antimeridian_and_can_add_the_cities() {
        let mut ds = sample();
        ds.pairings = vec![pairing(
            side("Yokohama", "JP", 35.44, 139.64),
            side("Vancouver", "CA", 49.28, -123.12),
            Region::NorthAmerica,
            "ports",
            &["water"],
        )];
        let v = check_geojson(&to_geojson(&ds, &[0], true));
        let f = v["features"].as_array().unwrap();
        assert_eq!(f.len(), 3, "the arc and its two cities");
        assert_eq!(f[0]["geometry"]["type"], "MultiLineString");
        let parts = f[0]["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(parts.len(), 2);
        let (first, second) = (parts[0].as_array().unwrap(), parts[1].as_array().unwrap());
        // One part ends exactly on +180, the next starts on -180 at the same latitude.
        assert_eq!(first[first.len() - 1][0], json!(180.0));
        assert_eq!(second[0][0], json!(-180.0));
        assert_eq!(first[first.len() - 1][1], second[0][1]);
        assert_eq!(f[1]["geometry"], json!({ "type": "Point", "coordinates": [139.64, 35.44] }));
        assert_eq!(f[1]["properties"]["kind"], "eu-city");
        assert_eq!(f[2]["properties"]["name"], "Vancouver");
        assert_eq!(f[2]["properties"]["pairing"], "yokohama--vancouver");
        // A city without finite coordinates has no geometry rather than a broken one.
        ds.pairings[0].eu.lat = f64::NAN;
        let v = check_geojson(&to_geojson(&ds, &[0], true));
        assert!(v["features"][0]["geometry"].is_null() && v["features"][1]["geometry"].is_null());
    }
}
