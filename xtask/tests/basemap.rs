//! Checks the committed basemap, public/data/world.json, and that it is what the generator makes.

use iuc_core::geo::{self, MAP_HEIGHT, MAP_WIDTH};
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn committed() -> (String, Value) {
    let path = root().join(xtask::basemap::OUTPUT);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, v)
}

/// The subpaths of path data as absolute point lists: absolute (`M1 2L3-4 5 6…`) or relative
/// (`M1 2l2-6 2 10Z…`), as `iuc_core::geo::path_d`/`path_d_relative` write them.
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    d.split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let relative = s.contains('l');
            let spaced = s.replace(['L', 'l', 'Z'], " ").replace('-', " -");
            let nums: Vec<f64> =
                spaced.split_whitespace().map(|t| t.parse().unwrap_or_else(|_| panic!("bad number {t:?}"))).collect();
            assert_eq!(nums.len() % 2, 0, "odd number count in {s}");
            let mut ring: Vec<(f64, f64)> = Vec::with_capacity(nums.len() / 2);
            for c in nums.chunks(2) {
                let p = match ring.last() {
                    // Rounded to undo the float error of adding up decimal steps.
                    Some(&(x, y)) if relative => (((x + c[0]) * 1e6).round() / 1e6, ((y + c[1]) * 1e6).round() / 1e6),
                    _ => (c[0], c[1]),
                };
                ring.push(p);
            }
            ring
        })
        .collect()
}

#[test]
fn world_json_has_the_expected_shape() {
    let (_, v) = committed();
    assert_eq!(v["width"].as_f64(), Some(MAP_WIDTH));
    assert_eq!(v["height"].as_f64(), Some(MAP_HEIGHT));
    assert!(v["source"].as_str().unwrap().contains("Natural Earth"));
    assert!(v["licence"].as_str().unwrap().contains("public domain"));
    let sphere = v["sphere"].as_str().unwrap();
    assert!(sphere.starts_with('M') && sphere.ends_with('Z'));
    assert!(v["graticule"].as_str().unwrap().starts_with('M'));

    let countries = v["countries"].as_array().unwrap();
    assert!(countries.len() >= 170, "{} countries", countries.len());
    let ids: Vec<&str> = countries.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted by id, no duplicates");
    for id in ["276", "156", "124", "250", "356", "392", "076", "032", "484", "840", "643", "242"] {
        assert!(ids.contains(&id), "missing {id}");
    }
    assert!(!ids.contains(&"010"), "Antarctica is left out");
    for c in countries {
        let d = c["d"].as_str().unwrap();
        assert!(d.starts_with('M') && d.ends_with('Z'), "{}", c["id"]);
        assert!(!d.contains("NaN") && !d.contains("inf"), "{}", c["id"]);
        assert!(!c["name"].as_str().unwrap().is_empty());
    }
}

#[test]
fn every_ring_is_on_the_map_and_none_streaks_across_it() {
    let (_, v) = committed();
    for c in v["countries"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        for ring in subpaths(c["d"].as_str().unwrap()) {
            assert!(ring.len() >= 3, "{id}: ring of {} points", ring.len());
            for &(x, y) in &ring {
                assert!((0.0..=MAP_WIDTH).contains(&x) && (0.0..=MAP_HEIGHT + 0.05).contains(&y), "{id}: ({x},{y})");
            }
            // Including the closing edge back to the first point.
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                assert!((b.0 - a.0).abs() < MAP_WIDTH / 4.0, "{id}: edge {a:?}-{b:?} streaks across the map");
            }
        }
    }
}

#[test]
fn countries_are_where_their_cities_are() {
    let (_, v) = committed();
    let bbox = |id: &str| {
        let c = v["countries"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
        let pts: Vec<(f64, f64)> = subpaths(c["d"].as_str().unwrap()).into_iter().flatten().collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in pts {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        [x0, y0, x1, y1]
    };
    for (id, lon, lat) in [("276", 13.405, 52.52), ("156", 116.4, 39.9), ("124", -75.7, 45.4), ("076", -43.2, -22.9)] {
        let (x, y) = geo::project(lon, lat);
        let b = bbox(id);
        assert!(x > b[0] && x < b[2] && y > b[1] && y < b[3], "{id}: ({x},{y}) outside {b:?}");
    }
    // Russia and Fiji reach both edges: the parts east of 180° are cut off and drawn on the west.
    for id in ["643", "242"] {
        let c = v["countries"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
        let lons: Vec<f64> = subpaths(c["d"].as_str().unwrap())
            .into_iter()
            .flatten()
            .filter_map(|(x, y)| geo::unproject(x, y.min(MAP_HEIGHT)))
            .map(|(lon, _)| lon)
            .collect();
        assert!(lons.iter().any(|&l| l < -179.8) && lons.iter().any(|&l| l > 179.8), "{id}");
    }
}

#[test]
fn committed_file_is_what_the_generator_makes() {
    let src = root().join(xtask::basemap::SOURCE);
    let Ok(topo) = std::fs::read_to_string(&src) else {
        eprintln!("skipped: {} is not installed (cargo xtask setup)", src.display());
        return;
    };
    let (text, _) = committed();
    assert!(text == xtask::basemap::build(&topo).unwrap(), "world.json is stale: run `cargo xtask basemap`");
}
