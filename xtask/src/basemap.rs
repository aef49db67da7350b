//! Generates `public/data/world.json`, the bundled basemap, from Natural Earth 1:110m country
//! outlines as packaged by the npm module world-atlas (TopoJSON).
//!
//! Steps: decode the TopoJSON (quantised, delta-encoded arcs with a `transform`), stitch each
//! polygon's rings from its arcs, project every point with [`iuc_core::geo::project`] (Equal
//! Earth, the app's map space), round to 0.1 map units, drop repeated points and degenerate
//! rings, orient outer rings clockwise and holes anticlockwise on screen (so SVG's default
//! `nonzero` fill rule and `evenodd` agree), and write one SVG path per country, sorted by id.
//!
//! A few world-atlas rings cross the antimeridian (Fiji's Vanua Levu, Russia's Chukotka; and
//! Antarctica goes right round): they are cut at ±180° (see `cut_at_antimeridian`), and the
//! tests check the written file for streaks across the map. Antarctica is left out all the same:
//! no pairing is there, and Equal Earth stretches it into a wide band along the bottom.
//!
//! The output is deterministic: same input, byte-identical file.

use iuc_core::geo;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// The TopoJSON input, relative to the repository root (installed by `npm ci` in tools/).
pub const SOURCE: &str = "tools/node_modules/world-atlas/countries-110m.json";
/// The generated basemap, relative to the repository root.
pub const OUTPUT: &str = "public/data/world.json";
/// Decimals kept in map units (the map is 1000 units wide): 0.1 unit is a tenth of a pixel at
/// world zoom and under 4 pixels at the maximum zoom.
pub const DECIMALS: usize = 1;
/// Natural Earth / ISO 3166-1 numeric ids left out of the basemap (010 = Antarctica).
pub const DROPPED_IDS: &[&str] = &["010"];

/// One country of the basemap.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code as Natural Earth gives it ("276"), or `x-<name>` for the few
    /// features Natural Earth gives none (Kosovo, N. Cyprus, Somaliland).
    pub id: String,
    /// Natural Earth's short English name.
    pub name: String,
    /// SVG path data in map space, one closed subpath per ring: `M x y l dx dy … Z` (see
    /// [`geo::path_d_relative`]).
    pub d: String,
}

/// Reads [`SOURCE`], writes [`OUTPUT`] and prints its size raw, gzip and brotli.
pub fn run(repo_root: &Path) -> Result<(), String> {
    let src = repo_root.join(SOURCE);
    let text = std::fs::read_to_string(&src)
        .map_err(|e| format!("{}: {e} (run `cargo xtask setup` to install tools/node_modules)", src.display()))?;
    let json = build(&text)?;
    let out = repo_root.join(OUTPUT);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    let bytes = json.as_bytes();
    println!(
        "wrote {OUTPUT}: {} bytes raw, {} gzip, {} brotli",
        bytes.len(),
        crate::sizes::gzip_len(bytes),
        crate::sizes::brotli_len(bytes)
    );
    Ok(())
}

/// Builds the text of world.json from the text of world-atlas's countries-110m.json.
pub fn build(topojson: &str) -> Result<String, String> {
    let countries = countries(topojson)?;
    let mut out = String::with_capacity(128 * 1024);
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    out.push_str("{\n");
    let _ = writeln!(out, "\"source\": {},", q("Natural Earth 1:110m via world-atlas 2.0.2"));
    let _ = writeln!(out, "\"licence\": {},", q("Natural Earth: public domain; world-atlas: ISC"));
    let _ = writeln!(out, "\"projection\": {},", q("Equal Earth"));
    let _ = writeln!(out, "\"width\": {},", geo::MAP_WIDTH);
    let _ = writeln!(out, "\"height\": {},", geo::MAP_HEIGHT);
    let _ = writeln!(out, "\"sphere\": {},", q(&geo::path_d_relative(&[geo::sphere_outline(2.0)], DECIMALS)));
    let _ = writeln!(out, "\"graticule\": {},", q(&geo::path_d(&geo::graticule(30.0, 5.0), DECIMALS)));
    out.push_str("\"countries\": [\n");
    for (i, c) in countries.iter().enumerate() {
        let sep = if i + 1 < countries.len() { "," } else { "" };
        let _ = writeln!(out, "{{\"id\": {}, \"name\": {}, \"d\": {}}}{sep}", q(&c.id), q(&c.name), q(&c.d));
    }
    out.push_str("]\n}\n");
    Ok(out)
}

/// Decodes the countries of a world-atlas TopoJSON file, projected and sorted by id, leaving out
/// [`DROPPED_IDS`].
pub fn countries(topojson: &str) -> Result<Vec<Country>, String> {
    countries_without(topojson, DROPPED_IDS)
}

/// Like [`countries`], leaving out the given ids instead.
pub fn countries_without(topojson: &str, dropped_ids: &[&str]) -> Result<Vec<Country>, String> {
    let topo: Value = serde_json::from_str(topojson).map_err(|e| format!("not JSON: {e}"))?;
    let arcs = decode_arcs(&topo)?;
    let geometries = topo
        .pointer("/objects/countries/geometries")
        .and_then(Value::as_array)
        .ok_or("no objects.countries.geometries")?;
    let mut out = Vec::with_capacity(geometries.len());
    for (gi, g) in geometries.iter().enumerate() {
        let name = g.pointer("/properties/name").and_then(Value::as_str).unwrap_or("").trim().to_string();
        let id = match g.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ if !name.is_empty() => format!("x-{}", slug(&name)),
            _ => return Err(format!("geometry {gi} has neither id nor name")),
        };
        if dropped_ids.contains(&id.as_str()) {
            continue;
        }
        let polygons: Vec<&Value> = match (g.get("type").and_then(Value::as_str), g.get("arcs")) {
            (Some("Polygon"), Some(a)) => vec![a],
            (Some("MultiPolygon"), Some(Value::Array(ps))) => ps.iter().collect(),
            (Some("Polygon" | "MultiPolygon"), _) => return Err(format!("{id} {name}: no arcs")),
            // Null or point geometries draw nothing.
            _ => continue,
        };
        let mut rings: Vec<Vec<(f64, f64)>> = Vec::new();
        for polygon in polygons {
            let ring_refs = polygon.as_array().ok_or_else(|| format!("{id} {name}: polygon is not a list of rings"))?;
            for (ri, refs) in ring_refs.iter().enumerate() {
                let lonlat = stitch(&arcs, refs).map_err(|e| format!("{id} {name}: {e}"))?;
                for piece in cut_at_antimeridian(&lonlat).map_err(|e| format!("{id} {name}: {e}"))? {
                    if let Some(mut ring) = project_ring(&piece) {
                        // Outer rings clockwise on screen (positive area with y down), holes anticlockwise.
                        let outer = ri == 0;
                        if (signed_area(&ring) > 0.0) != outer {
                            ring.reverse();
                        }
                        rings.push(ring);
                    }
                }
            }
        }
        if rings.is_empty() {
            continue;
        }
        out.push(Country { id, name, d: geo::path_d_relative(&rings, DECIMALS) });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.name.cmp(&b.name)));
    if let Some(w) = out.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(format!("duplicate id {}", w[0].id));
    }
    Ok(out)
}

/// Lower-case ASCII letters and digits, runs of anything else as one '-'.
fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            s.push(ch.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// The arcs in (lon, lat) degrees, undoing the quantisation and delta encoding if there is a
/// `transform` (TopoJSON spec §2.1.2, §2.2).
fn decode_arcs(topo: &Value) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let pair = |v: Option<&Value>, what: &str| -> Result<(f64, f64), String> {
        match v.and_then(Value::as_array).map(Vec::as_slice) {
            Some([a, b, ..]) => match (a.as_f64(), b.as_f64()) {
                (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Ok((a, b)),
                _ => Err(format!("{what} is not two numbers")),
            },
            _ => Err(format!("{what} is not two numbers")),
        }
    };
    let transform = match topo.get("transform") {
        None | Some(Value::Null) => None,
        Some(t) => Some((pair(t.get("scale"), "transform.scale")?, pair(t.get("translate"), "transform.translate")?)),
    };
    let arcs = topo.get("arcs").and_then(Value::as_array).ok_or("no arcs")?;
    arcs.iter()
        .enumerate()
        .map(|(i, arc)| {
            let positions = arc.as_array().ok_or_else(|| format!("arc {i} is not a list"))?;
            let (mut x, mut y) = (0.0, 0.0);
            positions
                .iter()
                .map(|p| {
                    let (px, py) = pair(Some(p), &format!("a position of arc {i}"))?;
                    Ok(match transform {
                        Some(((sx, sy), (tx, ty))) => {
                            x += px;
                            y += py;
                            (x * sx + tx, y * sy + ty)
                        }
                        None => (px, py),
                    })
                })
                .collect()
        })
        .collect()
}

/// Joins the arcs a ring refers to; a negative index `!i` means arc `i` reversed. Each arc after
/// the first starts where the previous ended, so its first point is skipped.
fn stitch(arcs: &[Vec<(f64, f64)>], refs: &Value) -> Result<Vec<(f64, f64)>, String> {
    let refs = refs.as_array().ok_or("ring is not a list of arc indices")?;
    let mut ring: Vec<(f64, f64)> = Vec::new();
    for r in refs {
        let i = r.as_i64().ok_or("arc index is not an integer")?;
        let (idx, reversed) = if i >= 0 { (i, false) } else { (!i, true) };
        let arc = usize::try_from(idx).ok().and_then(|k| arcs.get(k)).ok_or_else(|| format!("no arc {i}"))?;
        let skip = usize::from(!ring.is_empty());
        if reversed {
            ring.extend(arc.iter().rev().skip(skip));
        } else {
            ring.extend(arc.iter().skip(skip));
        }
    }
    Ok(ring)
}

/// Longitude brought into [-180, 180] as [`geo::project`] does (tiny overshoots clamped).
fn wrap(lon: f64) -> f64 {
    if lon.abs() <= 180.0 + 1e-9 {
        lon.clamp(-180.0, 180.0)
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// Cuts a closed ring (lon/lat degrees) at the antimeridian into rings that each stay within
/// [-180, 180], so none is drawn straight across the map.
///
/// A ring whose consecutive points jump more than 180° in longitude crosses the antimeridian
/// (world-atlas keeps Fiji's Vanua Levu and Russia's Chukotka as such rings). It is unwrapped
/// into a continuous ring, clipped to each 360°-wide strip it touches (Sutherland–Hodgman, exact
/// for a vertical cut line) and shifted back. A ring that goes once round the globe (Antarctica)
/// is first closed along the pole on its side. Clipping a concave ring can leave zero-width
/// spurs along the cut; they lie on the map's edge, where they are invisible.
fn cut_at_antimeridian(ring: &[(f64, f64)]) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let ring: Vec<(f64, f64)> = ring.iter().map(|&(lon, lat)| (wrap(lon), lat)).collect();
    let (Some(&first), Some(&last)) = (ring.first(), ring.last()) else { return Ok(Vec::new()) };
    let step = |a: f64, b: f64| {
        let d = b - a;
        if d > 180.0 {
            -360.0
        } else if d < -180.0 {
            360.0
        } else {
            0.0
        }
    };
    let mut crossed = false;
    let mut offset = 0.0;
    let mut u = Vec::with_capacity(ring.len() + 3);
    u.push(first);
    for w in ring.windows(2) {
        let s = step(w[0].0, w[1].0);
        crossed |= s != 0.0;
        offset += s;
        u.push((w[1].0 + offset, w[1].1));
    }
    // Back to the first point (TopoJSON rings repeat it; close anyway in case one does not).
    let turn = offset + step(last.0, first.0);
    crossed |= turn != offset;
    if !crossed {
        return Ok(vec![ring]);
    }
    if turn != 0.0 {
        if turn.abs() != 360.0 {
            return Err(format!("ring winds {}° round the globe", turn));
        }
        let mean_lat = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        u.push((first.0 + turn, first.1));
        u.push((first.0 + turn, pole));
        u.push((first.0, pole));
    }
    let lo = u.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let hi = u.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let (m0, m1) = (((lo + 180.0) / 360.0).floor() as i64, ((hi + 180.0) / 360.0).floor() as i64);
    if m1 - m0 > 4 {
        return Err(format!("ring spans {lo}..{hi}° of longitude"));
    }
    let mut out = Vec::new();
    for m in m0..=m1 {
        let shift = 360.0 * m as f64;
        let piece = clip_half(&clip_half(&u, shift - 180.0, true), shift + 180.0, false);
        if piece.len() >= 3 {
            out.push(densify_edges(piece.into_iter().map(|(lon, lat)| (lon - shift, lat)).collect()));
        }
    }
    Ok(out)
}

/// Sutherland–Hodgman: the part of a closed ring with lon ≥ x0 (`keep_east`) or lon ≤ x0.
fn clip_half(ring: &[(f64, f64)], x0: f64, keep_east: bool) -> Vec<(f64, f64)> {
    let inside = |p: (f64, f64)| if keep_east { p.0 >= x0 } else { p.0 <= x0 };
    // One endpoint strictly on each side, so q.0 ≠ p.0.
    let cut = |p: (f64, f64), q: (f64, f64)| (x0, p.1 + (x0 - p.0) / (q.0 - p.0) * (q.1 - p.1));
    let n = ring.len();
    let mut out = Vec::with_capacity(n + 4);
    for i in 0..n {
        let (p, q) = (ring[(i + n - 1) % n], ring[i]);
        match (inside(p), inside(q)) {
            (true, true) => out.push(q),
            (true, false) => out.push(cut(p, q)),
            (false, true) => {
                out.push(cut(p, q));
                out.push(q);
            }
            (false, false) => {}
        }
    }
    out
}

/// Adds points every degree along edges that run on the ±180° meridians, which are curves in
/// Equal Earth (a straight chord would cut into the map's rounded edge).
fn densify_edges(ring: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let n = ring.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        out.push(a);
        if a.0 == b.0 && a.0.abs() == 180.0 {
            let k = (b.1 - a.1).abs().ceil() as usize;
            out.extend((1..k).map(|j| (a.0, a.1 + (b.1 - a.1) * j as f64 / k as f64)));
        }
    }
    out
}

/// Projects a ring, rounds it to [`DECIMALS`], drops repeated points (and the closing repeat of
/// the first point: the path closes with Z), and `None` if fewer than three points or no area
/// remain.
fn project_ring(lonlat: &[(f64, f64)]) -> Option<Vec<(f64, f64)>> {
    let f = 10f64.powi(DECIMALS as i32);
    let mut ring: Vec<(f64, f64)> = Vec::with_capacity(lonlat.len());
    for &(lon, lat) in lonlat {
        let (x, y) = geo::project(lon, lat);
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let p = ((x * f).round() / f, (y * f).round() / f);
        if ring.last() != Some(&p) {
            ring.push(p);
        }
    }
    while ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    (ring.len() >= 3 && signed_area(&ring).abs() > 0.5 / (f * f)).then_some(ring)
}

/// Shoelace area in map units; positive for rings clockwise on screen (y down).
fn signed_area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny quantised TopoJSON: a square made of two arcs (one used reversed), a hole, a
    /// degenerate sliver, and a feature without an id.
    const TOPO: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [0.5, 0.25], "translate": [-10, 40]},
      "arcs": [
        [[0, 0], [20, 0], [0, 40]],
        [[0, 0], [0, 40], [20, 0]],
        [[8, 16], [4, 0], [0, 8], [-4, 0], [0, -8]],
        [[2, 2], [0, 0], [0, 0]]
      ],
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "999", "properties": {"name": "Squareland"}, "arcs": [[0, -2], [2]]},
        {"type": "Polygon", "properties": {"name": "Nowhere Land"}, "arcs": [[3]]},
        {"type": "MultiPolygon", "id": "010", "properties": {"name": "Antarctica"}, "arcs": [[[0, -2]]]},
        {"type": null, "id": "000", "properties": {"name": "Empty"}}
      ]}}
    }"#;

    #[test]
    fn decodes_quantised_delta_encoded_arcs() {
        let topo: Value = serde_json::from_str(TOPO).unwrap();
        let arcs = decode_arcs(&topo).unwrap();
        // Arc 0: (0,0) (20,0) (20,40) in quantised units → lon = x·0.5 − 10, lat = y·0.25 + 40.
        assert_eq!(arcs[0], vec![(-10.0, 40.0), (0.0, 40.0), (0.0, 50.0)]);
        assert_eq!(arcs[1], vec![(-10.0, 40.0), (-10.0, 50.0), (0.0, 50.0)]);
        let ring = stitch(&arcs, &serde_json::json!([0, -2])).unwrap();
        assert_eq!(ring, vec![(-10.0, 40.0), (0.0, 40.0), (0.0, 50.0), (-10.0, 50.0), (-10.0, 40.0)]);
        assert!(stitch(&arcs, &serde_json::json!([7])).is_err());
    }

    #[test]
    fn builds_countries_with_holes_oriented_and_degenerates_dropped() {
        let cs = countries(TOPO).unwrap();
        // Antarctica is dropped, the null geometry draws nothing, the sliver has no area.
        assert_eq!(cs.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["999"]);
        let sq = &cs[0];
        assert_eq!(sq.name, "Squareland");
        assert_eq!(sq.d.matches('M').count(), 2, "outer ring and hole: {}", sq.d);
        assert_eq!(sq.d.matches('Z').count(), 2);
        // Parse the two rings back and check their orientation.
        let rings: Vec<Vec<(f64, f64)>> = sq.d.split('M').filter(|s| !s.is_empty()).map(parse_ring).collect();
        assert!(signed_area(&rings[0]) > 0.0 && signed_area(&rings[1]) < 0.0);
        // The outer ring's corners are the projected corners of the square.
        let (x, y) = geo::project(-10.0, 40.0);
        assert!(rings[0].iter().any(|p| (p.0 - x).abs() <= 0.05 && (p.1 - y).abs() <= 0.05));
    }

    #[test]
    fn features_without_an_id_get_a_stable_one() {
        let topo = TOPO.replace("[[2, 2], [0, 0], [0, 0]]", "[[2, 2], [4, 0], [0, 8], [-4, 0], [0, -8]]");
        let cs = countries(&topo).unwrap();
        let ids: Vec<&str> = cs.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["999", "x-nowhere-land"]);
        assert_eq!(slug("N. Cyprus"), "n-cyprus");
    }

    /// No edge runs a quarter of the map's width or more, except along a pole line.
    fn no_streaks(d: &str) -> bool {
        let on_pole = |p: (f64, f64)| p.1 < 0.05 || p.1 > geo::MAP_HEIGHT - 0.05;
        d.split('M').filter(|s| !s.is_empty()).map(parse_ring).all(|r| {
            (0..r.len()).all(|i| {
                let (a, b) = (r[i], r[(i + 1) % r.len()]);
                (b.0 - a.0).abs() < geo::MAP_WIDTH / 4.0 || (on_pole(a) && on_pole(b))
            })
        })
    }

    #[test]
    fn rings_across_the_antimeridian_are_cut_at_the_edges() {
        // The square now spans lon 175..185, i.e. 175..180 and -180..-175.
        let crossing = TOPO.replace("\"translate\": [-10, 40]", "\"translate\": [175, 40]");
        let cs = countries(&crossing).unwrap();
        let d = &cs[0].d;
        assert!(no_streaks(d), "{d}");
        let rings: Vec<Vec<(f64, f64)>> = d.split('M').filter(|s| !s.is_empty()).map(parse_ring).collect();
        assert_eq!(rings.len(), 4, "the square's two halves and the hole's: {d}");
        let xs =
            |r: &Vec<(f64, f64)>| r.iter().map(|p| p.0).fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
        let (west, east) = (xs(&rings[0]), xs(&rings[1]));
        let (west, east) = if west.0 < east.0 { (west, east) } else { (east, west) };
        assert!(west.0 <= geo::project(-180.0, 50.0).0 + 0.05 && west.1 < 150.0, "{west:?}");
        assert!(east.1 >= geo::project(180.0, 50.0).0 - 0.05 && east.0 > 850.0, "{east:?}");
        // In lon/lat, the pieces stay within ±180 and add up to the whole (a 10° × 10° square).
        let square: Vec<(f64, f64)> = [(175.0, 40.0), (185.0, 40.0), (185.0, 50.0), (175.0, 50.0), (175.0, 40.0)]
            .map(|(x, y)| (wrap(x), y))
            .into();
        let pieces = cut_at_antimeridian(&square).unwrap();
        assert!(pieces.iter().flatten().all(|p| p.0.abs() <= 180.0));
        let total: f64 = pieces.iter().map(|p| signed_area(p).abs()).sum();
        assert!((total - 100.0).abs() < 1e-9, "{total}");
        assert_eq!(pieces.iter().filter(|p| signed_area(p).abs() > 1e-9).count(), 2);
    }

    #[test]
    fn a_ring_round_the_pole_is_closed_along_it() {
        // Four arcs going east right round the globe at 60°S, as Antarctica's ring does.
        let ring: Vec<(f64, f64)> =
            (0..=8).map(|i| (-180.0 + 45.0 * i as f64, -60.0)).map(|(lon, lat)| (wrap(lon), lat)).collect();
        let pieces: Vec<_> = cut_at_antimeridian(&ring).unwrap().iter().filter_map(|p| project_ring(p)).collect();
        assert_eq!(pieces.len(), 1, "one ring (and a zero-width one on the edge, dropped)");
        let projected = pieces[0].clone();
        assert!(projected.iter().any(|p| (p.1 - geo::MAP_HEIGHT).abs() < 0.1), "reaches the south pole line");
        let d = geo::path_d_relative(&[projected], 1);
        assert!(no_streaks(&d), "{d}");
    }

    #[test]
    fn rejects_bad_input() {
        assert!(countries("{}").is_err());
        assert!(countries("not json").is_err());
        assert!(countries(&TOPO.replace("[0, -2]", "[0, -9]")).is_err(), "arc index out of range");
        assert!(countries(&TOPO.replace("\"scale\": [0.5, 0.25]", "\"scale\": [0.5]")).is_err());
        assert!(countries(&TOPO.replace("[[8, 16]", "[[\"x\", 16]")).is_err());
    }

    #[test]
    fn output_is_deterministic_json() {
        let a = build(TOPO).unwrap();
        assert_eq!(a, build(TOPO).unwrap());
        let v: Value = serde_json::from_str(&a).unwrap();
        assert_eq!(v["width"], 1000.0);
        assert!(v["sphere"].as_str().unwrap().starts_with('M'));
        assert_eq!(v["countries"].as_array().unwrap().len(), 1);
    }

    /// The absolute points of one subpath of `path_d_relative` output ("x yl dx dy dx dyZ").
    fn parse_ring(s: &str) -> Vec<(f64, f64)> {
        let nums: Vec<f64> = s
            .trim_end_matches('Z')
            .replace('l', " ")
            .replace('-', " -")
            .split_whitespace()
            .map(|t| t.parse::<f64>().unwrap())
            .collect();
        let (mut x, mut y) = (nums[0], nums[1]);
        let mut ring = vec![(x, y)];
        for c in nums[2..].chunks(2) {
            (x, y) = (((x + c[0]) * 1e6).round() / 1e6, ((y + c[1]) * 1e6).round() / 1e6);
            ring.push((x, y));
        }
        ring
    }
}
